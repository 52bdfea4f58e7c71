//! Sorted document lists (postings) in the file: a count, then the gaps between consecutive
//! documents, each a LEB128 varint.
//!
//! Chosen by measurement over roaring bitmaps (see docs/index-format.md, "Postings"): at the
//! sizes of this index most lists are short and the gaps small, and the files are gzipped by the
//! web server, which removes most of what roaring's containers would save.

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

/// Encodes a strictly increasing list of documents.
pub fn encode(docs: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(docs.len() + 2);
    put_varint(docs.len() as u64, &mut out);
    let mut previous = 0u32;
    for (i, &doc) in docs.iter().enumerate() {
        let gap = if i == 0 { doc } else { doc - previous - 1 };
        put_varint(u64::from(gap), &mut out);
        previous = doc;
    }
    out
}

/// Decodes a list, checking that every document is below `limit`. `None` on malformed input;
/// never allocates more than one entry per byte present.
pub fn decode(bytes: &[u8], limit: u32) -> Option<Vec<u32>> {
    let mut pos = 0;
    let count = get_varint(bytes, &mut pos)?;
    if count > bytes.len() as u64 {
        return None;
    }
    let mut docs = Vec::with_capacity(count as usize);
    let mut next = 0u64;
    for _ in 0..count {
        let doc = next.checked_add(get_varint(bytes, &mut pos)?)?;
        if doc >= u64::from(limit) {
            return None;
        }
        docs.push(doc as u32);
        next = doc + 1;
    }
    (pos == bytes.len()).then_some(docs)
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
            prop_assert_eq!(decode(&encode(&docs), 1_000_000), Some(docs));
        }

        #[test]
        fn never_panics_on_garbage(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode(&bytes, 1000);
        }
    }
}
