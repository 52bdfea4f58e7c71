//! Sorted document lists (postings) in the file. An empty list is zero bytes; any other is one
//! of two encodings, whichever is smaller: tag 0, a count and then the gaps between consecutive documents (LEB128 varints);
//! or tag 1, a bitmap with one bit per document of the universe (a facet's mode, or the whole
//! index for terms).
//!
//! Chosen by measurement (docs/index-format.md, "Postings"): at this index's sizes most term
//! lists are short with small gaps, while common facet values (a staff group most offers have)
//! are dense, where a bitmap is 8× smaller than gaps before gzip and still 2–3× after.

use crate::bits::Bits;

/// Appends a varint.
pub fn put_varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint at `*pos`, advancing it; `None` when the bytes end or it overflows.
pub fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*pos)?;
        *pos += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

/// Tag of a gap-list encoding.
const GAPS: u8 = 0;
/// Tag of a bitmap encoding.
const BITMAP: u8 = 1;

/// Encodes a strictly increasing list of documents below `universe`: as gaps, or as a bitmap of
/// `universe` bits when that is smaller (values held by more than about one document in eight).
pub fn encode(docs: &[u32], universe: u32) -> Vec<u8> {
    if docs.is_empty() {
        return Vec::new();
    }
    let mut gaps = Vec::with_capacity(docs.len() + 3);
    gaps.push(GAPS);
    put_varint(docs.len() as u64, &mut gaps);
    let mut previous = 0u32;
    for (i, &doc) in docs.iter().enumerate() {
        let gap = if i == 0 { doc } else { doc - previous - 1 };
        put_varint(u64::from(gap), &mut gaps);
        previous = doc;
    }
    let bitmap_len = 1 + (universe as usize).div_ceil(8);
    if bitmap_len < gaps.len() && docs.last().is_none_or(|&d| d < universe) {
        let mut bitmap = vec![0u8; bitmap_len];
        bitmap[0] = BITMAP;
        for &doc in docs {
            bitmap[1 + (doc / 8) as usize] |= 1 << (doc % 8);
        }
        bitmap
    } else {
        gaps
    }
}

/// Decodes a list of documents below `universe`. `None` on malformed input; never allocates more
/// than one entry per bit or byte present.
pub fn decode(bytes: &[u8], universe: u32) -> Option<Vec<u32>> {
    let Some(tag) = bytes.first() else {
        return Some(Vec::new());
    };
    match *tag {
        GAPS => {
            let mut pos = 1;
            let count = get_varint(bytes, &mut pos)?;
            if count > bytes.len() as u64 {
                return None;
            }
            let mut docs = Vec::with_capacity(count as usize);
            let mut next = 0u64;
            for _ in 0..count {
                let doc = next.checked_add(get_varint(bytes, &mut pos)?)?;
                if doc >= u64::from(universe) {
                    return None;
                }
                docs.push(doc as u32);
                next = doc + 1;
            }
            (pos == bytes.len()).then_some(docs)
        }
        BITMAP => {
            let body = &bytes[1..];
            if body.len() != (universe as usize).div_ceil(8) {
                return None;
            }
            let mut docs = Vec::new();
            for (i, &byte) in body.iter().enumerate() {
                let mut rest = byte;
                while rest != 0 {
                    let doc = i as u32 * 8 + rest.trailing_zeros();
                    if doc >= universe {
                        return None;
                    }
                    docs.push(doc);
                    rest &= rest - 1;
                }
            }
            Some(docs)
        }
        _ => None,
    }
}

/// Decodes a list straight into a set over `universe` (the form facets keep): a bitmap's bytes
/// become the set's words without listing its documents first. `None` on malformed input,
/// exactly when [`decode`] gives `None`.
pub fn decode_bits(bytes: &[u8], universe: u32) -> Option<Bits> {
    match bytes.first() {
        Some(&BITMAP) => {
            let body = &bytes[1..];
            if body.len() != (universe as usize).div_ceil(8) {
                return None;
            }
            // No document at or past the universe: the last byte's spare bits are clear.
            let spare = universe % 8;
            if spare != 0 && body.last().is_some_and(|&last| last >> spare != 0) {
                return None;
            }
            Some(Bits::from_le_bytes(universe, body))
        }
        _ => decode(bytes, universe).map(|docs| Bits::from_docs(universe, &docs)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn round_trips(mut docs in proptest::collection::vec(0u32..1_000_000, 0..200)) {
            docs.sort();
            docs.dedup();
            prop_assert_eq!(decode(&encode(&docs, 1_000_000), 1_000_000), Some(docs.clone()));
            let dense: Vec<u32> = docs.iter().map(|d| d % 300).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            prop_assert_eq!(decode(&encode(&dense, 300), 300), Some(dense));
        }

        #[test]
        fn never_panics_on_garbage(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode(&bytes, 1000);
        }

        /// Decoding into a set gives the set of what `decode` lists, and refuses what it refuses.
        #[test]
        fn decoded_sets_agree_with_lists(
            universe in 0u32..300,
            seed in proptest::collection::vec(any::<u32>(), 0..300),
            garbage in proptest::collection::vec(any::<u8>(), 0..48),
        ) {
            let docs: Vec<u32> = seed
                .iter()
                .filter_map(|s| s.checked_rem(universe))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let bytes = encode(&docs, universe);
            prop_assert_eq!(decode_bits(&bytes, universe), Some(Bits::from_docs(universe, &docs)));
            for bytes in [garbage.clone(), [&[BITMAP][..], &garbage].concat()] {
                let want = decode(&bytes, universe).map(|d| Bits::from_docs(universe, &d));
                prop_assert_eq!(decode_bits(&bytes, universe), want);
            }
        }
    }
}
