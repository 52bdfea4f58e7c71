//! Every bincode call of the crate, so the binary encoding can be swapped in one place.
//!
//! bincode 2.0.1 (pinned: 3.x is a tombstone) through its serde API with the standard
//! configuration: little endian, variable-length integers. Payloads are decoded *borrowing* from
//! the file's bytes (`&str`, [`Bytes`]), so a length field in a file never makes the decoder
//! allocate more than the bytes actually present; the allocation limit below bounds the rest.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{BuildError, IndexError};

/// The most a single decode may allocate (bincode's own accounting).
const DECODE_LIMIT: usize = 1 << 30;

fn config() -> impl bincode::config::Config {
    bincode::config::standard().with_limit::<DECODE_LIMIT>()
}

/// A byte string stored as length + raw bytes and decoded by borrowing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bytes<'a>(pub &'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Bytes<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Bytes<'a>, D::Error> {
        <&'a [u8]>::deserialize(deserializer).map(Bytes)
    }
}

/// Encodes a value.
pub fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, BuildError> {
    bincode::serde::encode_to_vec(value, config()).map_err(|e| BuildError::Encoding {
        reason: e.to_string(),
    })
}

/// Appends the encoding of a value to `out`.
pub fn encode_into<T: Serialize>(value: &T, out: &mut Vec<u8>) -> Result<(), BuildError> {
    let bytes = encode(value)?;
    out.extend_from_slice(&bytes);
    Ok(())
}

/// Decodes a value that borrows from `bytes`, which it must use up exactly.
pub fn decode_borrowed<'a, T: Deserialize<'a>>(
    file: &str,
    bytes: &'a [u8],
) -> Result<T, IndexError> {
    let (value, used) = bincode::serde::borrow_decode_from_slice(bytes, config())
        .map_err(|e| IndexError::corrupt(file, format!("undecodable payload: {e}")))?;
    if used != bytes.len() {
        return Err(IndexError::corrupt(
            file,
            format!("{} bytes left after the payload", bytes.len() - used),
        ));
    }
    Ok(value)
}

/// Decodes one owned value from the front of `bytes`; returns it and the bytes used.
pub fn decode_prefix<T: DeserializeOwned>(
    file: &str,
    bytes: &[u8],
) -> Result<(T, usize), IndexError> {
    bincode::serde::decode_from_slice(bytes, config())
        .map_err(|e| IndexError::corrupt(file, format!("undecodable record: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Sample<'a> {
        #[serde(borrow)]
        blob: Bytes<'a>,
        #[serde(borrow)]
        names: Vec<&'a str>,
        numbers: Vec<u32>,
    }

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
}
