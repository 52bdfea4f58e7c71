//! The binary encoding of every payload, written and read by hand: the one place that says how
//! a number, a string, an option or a list becomes bytes.
//!
//! The layout is that of bincode 2's standard configuration (little endian, variable-length
//! integers), which earlier builds wrote through serde, so index files did not change when the
//! crate stopped depending on bincode; what changed is the code: a hand-written reader has no
//! serde visitors to carry into the browser (tens of kilobytes of wasm) and decodes a core file
//! several times faster. The rules:
//!
//! - `u8` and `bool` (0 or 1) are one byte; `f64` is 8 bytes little endian;
//! - `u16`, `u32`, `u64` are varints: below 251 one byte, else a marker byte (251, 252, 253)
//!   followed by the value as `u16`, `u32` or `u64` little endian; `i32` and `i64` are zigzagged
//!   first (`0, -1, 1, -2, …` → `0, 1, 2, 3, …`);
//! - a list, a string or a byte string is its length (a `u64` varint) then its items or bytes;
//! - an `Option` is a byte 0 (`None`) or 1 followed by the value; a tuple or a struct is its
//!   fields in order, with nothing between them; an enum is its variant's position (a `u32`
//!   varint) then the variant's fields.
//!
//! Each stored structure says its fields' order in its own [`Wire`] impl, beside its definition
//! (`format/`). Decoding borrows strings and byte strings from the file's bytes, validates UTF-8
//! and every tag, and never allocates more than the bytes present could hold, so a hostile
//! length field cannot make it allocate.

use crate::error::{BuildError, IndexError};

/// A byte string stored as length + raw bytes and decoded by borrowing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bytes<'a>(pub &'a [u8]);

/// The bytes being decoded and the position reached.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// The bytes used so far.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The bytes not yet read.
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// The next `n` bytes.
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let out = self.bytes.get(self.pos..end)?;
        self.pos = end;
        Some(out)
    }

    #[inline]
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    /// A varint (any width up to `u64`).
    #[inline]
    pub fn varint(&mut self) -> Option<u64> {
        match self.byte()? {
            b @ 0..=250 => Some(u64::from(b)),
            251 => Some(u64::from(u16::from_le_bytes(self.array()?))),
            252 => Some(u64::from(u32::from_le_bytes(self.array()?))),
            253 => Some(u64::from_le_bytes(self.array()?)),
            _ => None,
        }
    }

    /// A list's length, at most the bytes left (every item takes at least one byte, except
    /// zero-sized ones, which no stored structure has).
    pub fn list_len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        (n <= self.remaining()).then_some(n)
    }

    /// A list of `T`.
    pub fn list<T: Wire<'a>>(&mut self) -> Option<Vec<T>> {
        let n = self.list_len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::get(self)?);
        }
        Some(out)
    }

    /// An enum's variant position.
    pub fn variant(&mut self) -> Option<u32> {
        u32::try_from(self.varint()?).ok()
    }
}

/// Appends a varint (see the module's rules).
pub fn put_varint(value: u64, out: &mut Vec<u8>) {
    if value < 251 {
        out.push(value as u8);
    } else if let Ok(v) = u16::try_from(value) {
        out.push(251);
        out.extend_from_slice(&v.to_le_bytes());
    } else if let Ok(v) = u32::try_from(value) {
        out.push(252);
        out.extend_from_slice(&v.to_le_bytes());
    } else {
        out.push(253);
        out.extend_from_slice(&value.to_le_bytes());
    }
}

/// Appends a list's length.
pub fn put_len(len: usize, out: &mut Vec<u8>) {
    put_varint(len as u64, out);
}

/// Appends a list.
pub fn put_list<'a, T: Wire<'a>>(items: &[T], out: &mut Vec<u8>) {
    put_len(items.len(), out);
    for item in items {
        item.put(out);
    }
}

/// A value with a stored form: `put` appends it, `get` reads it back (`None`: the bytes end
/// early or hold an invalid value). Implemented for the primitives here and for each stored
/// structure beside its definition.
pub trait Wire<'a>: Sized {
    /// Appends the value's bytes.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value.
    fn get(r: &mut Reader<'a>) -> Option<Self>;
}

impl Wire<'_> for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }
    #[inline]
    fn get(r: &mut Reader<'_>) -> Option<u8> {
        r.byte()
    }
}

impl Wire<'_> for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    #[inline]
    fn get(r: &mut Reader<'_>) -> Option<bool> {
        match r.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Wire<'_> for $t {
            fn put(&self, out: &mut Vec<u8>) {
                put_varint(u64::from(*self), out);
            }
            #[inline]
            fn get(r: &mut Reader<'_>) -> Option<$t> {
                <$t>::try_from(r.varint()?).ok()
            }
        }
    )*};
}
unsigned!(u16, u32, u64);

impl Wire<'_> for i32 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(u64::from(((*self << 1) ^ (*self >> 31)) as u32), out);
    }
    #[inline]
    fn get(r: &mut Reader<'_>) -> Option<i32> {
        let z = u32::get(r)?;
        Some(((z >> 1) as i32) ^ -((z & 1) as i32))
    }
}

impl Wire<'_> for i64 {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(((*self << 1) ^ (*self >> 63)) as u64, out);
    }
    #[inline]
    fn get(r: &mut Reader<'_>) -> Option<i64> {
        let z = r.varint()?;
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }
}

impl Wire<'_> for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }
    #[inline]
    fn get(r: &mut Reader<'_>) -> Option<f64> {
        Some(f64::from_le_bytes(r.array()?))
    }
}

impl<'a> Wire<'a> for Bytes<'a> {
    fn put(&self, out: &mut Vec<u8>) {
        put_len(self.0.len(), out);
        out.extend_from_slice(self.0);
    }
    #[inline]
    fn get(r: &mut Reader<'a>) -> Option<Bytes<'a>> {
        let n = r.list_len()?;
        r.take(n).map(Bytes)
    }
}

impl<'a> Wire<'a> for &'a str {
    fn put(&self, out: &mut Vec<u8>) {
        Bytes(self.as_bytes()).put(out);
    }
    #[inline]
    fn get(r: &mut Reader<'a>) -> Option<&'a str> {
        std::str::from_utf8(Bytes::get(r)?.0).ok()
    }
}

impl Wire<'_> for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.as_str().put(out);
    }
    #[inline]
    fn get(r: &mut Reader<'_>) -> Option<String> {
        <&str>::get(r).map(str::to_string)
    }
}

impl<'a, T: Wire<'a>> Wire<'a> for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(value) => {
                out.push(1);
                value.put(out);
            }
        }
    }
    #[inline]
    fn get(r: &mut Reader<'a>) -> Option<Option<T>> {
        match r.byte()? {
            0 => Some(None),
            1 => T::get(r).map(Some),
            _ => None,
        }
    }
}

impl<'a, T: Wire<'a>> Wire<'a> for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_list(self, out);
    }
    #[inline]
    fn get(r: &mut Reader<'a>) -> Option<Vec<T>> {
        r.list()
    }
}

impl<'a, A: Wire<'a>, B: Wire<'a>> Wire<'a> for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    #[inline]
    fn get(r: &mut Reader<'a>) -> Option<(A, B)> {
        Some((A::get(r)?, B::get(r)?))
    }
}

impl<'a, A: Wire<'a>, B: Wire<'a>, C: Wire<'a>> Wire<'a> for (A, B, C) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
        self.2.put(out);
    }
    #[inline]
    fn get(r: &mut Reader<'a>) -> Option<(A, B, C)> {
        Some((A::get(r)?, B::get(r)?, C::get(r)?))
    }
}

/// Encodes a value.
pub fn encode<'a, T: Wire<'a>>(value: &T) -> Result<Vec<u8>, BuildError> {
    let mut out = Vec::new();
    value.put(&mut out);
    Ok(out)
}

/// Appends the encoding of a value to `out`.
pub fn encode_into<'a, T: Wire<'a>>(value: &T, out: &mut Vec<u8>) -> Result<(), BuildError> {
    value.put(out);
    Ok(())
}

/// Decodes a value that borrows from `bytes`, which it must use up exactly.
pub fn decode_borrowed<'a, T: Wire<'a>>(file: &str, bytes: &'a [u8]) -> Result<T, IndexError> {
    let (value, used) = decode_prefix(file, bytes)?;
    if used != bytes.len() {
        return Err(IndexError::corrupt(
            file,
            format!("{} bytes left after the payload", bytes.len() - used),
        ));
    }
    Ok(value)
}

/// Decodes one value from the front of `bytes`; returns it and the bytes used.
pub fn decode_prefix<'a, T: Wire<'a>>(
    file: &str,
    bytes: &'a [u8],
) -> Result<(T, usize), IndexError> {
    let mut r = Reader::new(bytes);
    match T::get(&mut r) {
        Some(value) => Ok((value, r.position())),
        None => Err(IndexError::corrupt(
            file,
            "undecodable payload: it ends early or holds an invalid value",
        )),
    }
}

/// Implements [`Wire`] for a struct by its fields, in the given order (the byte layout).
#[macro_export]
#[doc(hidden)]
macro_rules! wire_struct {
    ($name:ident $(<$lt:lifetime>)? { $($field:ident),* $(,)? }) => {
        impl<'a> $crate::codec::Wire<'a> for $name $(<$lt>)? {
            fn put(&self, out: &mut Vec<u8>) {
                $( $crate::codec::Wire::put(&self.$field, out); )*
            }
            fn get(r: &mut $crate::codec::Reader<'a>) -> Option<Self> {
                Some($name { $( $field: $crate::codec::Wire::get(r)?, )* })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(PartialEq, Debug)]
    struct Sample<'a> {
        blob: Bytes<'a>,
        names: Vec<&'a str>,
        numbers: Vec<u32>,
    }
    crate::wire_struct!(Sample<'a> { blob, names, numbers });

    #[test]
    fn borrowed_round_trip_and_trailing_bytes_are_refused() {
        let sample = Sample {
            blob: Bytes(b"abc"),
            names: vec!["æble", "pære"],
            numbers: vec![1, 300, 70_000],
        };
        let mut bytes = encode(&sample).unwrap();
        let back: Sample = decode_borrowed("f", &bytes).unwrap();
        assert_eq!(back, sample);
        bytes.push(0);
        assert!(decode_borrowed::<Sample>("f", &bytes).is_err());
        assert!(decode_borrowed::<Sample>("f", &bytes[..4]).is_err());
    }

    /// The bytes of bincode 2's standard configuration, which earlier index files were written
    /// with: the layout must not change without a format version bump.
    #[test]
    fn the_layout_is_bincode_standard() {
        let mut out = Vec::new();
        250u32.put(&mut out);
        251u32.put(&mut out);
        70_000u32.put(&mut out);
        (1u64 << 40).put(&mut out);
        (-1i32).put(&mut out);
        1i32.put(&mut out);
        Some(7u8).put(&mut out);
        None::<u8>.put(&mut out);
        "ø".put(&mut out);
        1.5f64.put(&mut out);
        true.put(&mut out);
        assert_eq!(
            out,
            [
                &[250, 251, 251, 0][..],
                &[252, 0x70, 0x11, 1, 0],
                &[253, 0, 0, 0, 0, 0, 1, 0, 0],
                &[1, 2, 1, 7, 0, 2, 0xc3, 0xb8],
                &1.5f64.to_le_bytes(),
                &[1],
            ]
            .concat()
        );
    }

    #[test]
    fn invalid_tags_and_lengths_are_refused() {
        for bytes in [&[2u8][..], &[254], &[255], &[1]] {
            assert!(
                decode_borrowed::<Option<u8>>("f", bytes).is_err(),
                "{bytes:?}"
            );
        }
        assert!(decode_borrowed::<bool>("f", &[2]).is_err());
        assert!(decode_borrowed::<u16>("f", &[252, 0, 0, 1, 0]).is_err());
        // A length far beyond the bytes present is refused before any allocation.
        assert!(decode_borrowed::<Vec<u64>>("f", &[253, 0, 0, 0, 0, 0, 0, 0, 1]).is_err());
        assert!(decode_borrowed::<&str>("f", &[2, 0xc3, 0x28]).is_err());
    }

    proptest! {
        #[test]
        fn numbers_round_trip(a in any::<u16>(), b in any::<u32>(), c in any::<u64>(), d in any::<i32>(), e in any::<i64>(), f in any::<f64>()) {
            let value = ((a, b, c), (d, e), Some(f.to_bits()));
            let bytes = encode(&value).unwrap();
            prop_assert_eq!(decode_borrowed::<((u16, u32, u64), (i32, i64), Option<u64>)>("f", &bytes).unwrap(), value);
        }

        #[test]
        fn any_bytes_decode_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode_borrowed::<Vec<(Option<i64>, &str, Bytes)>>("f", &bytes);
        }
    }
}
