//! The envelope every index file shares: a header naming the format and the file's kind, the
//! payload, and a footer with a checksum.
//!
//! ```text
//! offset  size  field
//! 0       4     magic "TBFI"
//! 4       2     format version, u16 little endian
//! 6       1     file kind (FileKind::byte)
//! 7       1     reserved, 0
//! 8       8     payload length N, u64 little endian
//! 16      N     payload (kind-specific, see the crate docs)
//! 16+N    8     xxh3-64 of bytes 0..16+N, u64 little endian
//! 24+N    4     end magic "IFBT"
//! ```
//!
//! [`open`] checks, in this order, length, magic, version range, kind, declared length and the
//! checksum, and returns the payload as a borrowed slice: it never allocates and never trusts the
//! declared length beyond the bytes actually present.

use xxhash_rust::xxh3::xxh3_64;

use crate::error::{FileKind, FoundKind, IndexError};

/// First four bytes of every index file.
pub const MAGIC: [u8; 4] = *b"TBFI";
/// Last four bytes of every index file.
pub const END_MAGIC: [u8; 4] = *b"IFBT";
/// The format version this writer produces. Version 2 (issue 16) stores catalogue format 2's
/// vocabularies and the supervision facts (sanctions, latest inspection); version 3 (issue 13)
/// adds the name order to the card columns; version 4 (issues 13 and 18) numbers each mode's docs
/// in name order instead, so the name order is the doc order and is no longer stored.
pub const FORMAT_VERSION: u16 = 4;
/// The oldest format version this reader accepts.
pub const MIN_READ_VERSION: u16 = 4;
/// The newest format version this reader accepts.
pub const MAX_READ_VERSION: u16 = 4;

/// Why an index of an older format version cannot be read, said in the version error.
///
/// Format 1 stored closed vocabularies by their position, and catalogue format 2 changed them:
/// the foster-family types lost `kommunal` and `aflastning` (so every later position moved), a
/// quality theme went and one came, and the legal bases of Barnets lov § 43, stk. 1, nr. 6 and
/// nr. 7 mean other things than format 1's "Døgninstitution" and "Opholdssted". Reading it would
/// show wrong legal bases and family types rather than fail, so it is refused.
///
/// Format 2 lacked the card columns' name order (format 3), which opening an index would have
/// to compute by collating every name: the slow part of opening that format 3 removed.
///
/// Format 3 stored the name order as a column of the card columns, which format 4 dropped (its
/// docs are numbered in name order): the core file's fields no longer line up.
pub fn why_unreadable(version: u16) -> &'static str {
    match version {
        1 => ": format 1 stored the vocabularies of catalogue format 1 (Barnets lov § 43, stk. 1, nr. 6 and nr. 7, the abolished foster-family types, the scored economy theme), whose stored positions mean other values now, so migrate the catalogue with `tilbudsfinder migrate` first",
        2 => ": format 2 did not store the name order, which the reader now has without collating every name when the index is opened",
        3 => ": format 3 stored the name order as a column of the core file; format 4 numbers the docs in name order instead, so the core file's fields differ",
        _ => "",
    }
}
/// The crate version that writes [`FORMAT_VERSION`]: named in version errors.
pub const GENERATOR: &str = env!("CARGO_PKG_VERSION");

const HEADER_LEN: usize = 16;
const FOOTER_LEN: usize = 12;

/// Wraps a payload into a complete file of `kind`.
pub fn seal(kind: FileKind, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len() + FOOTER_LEN);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(kind.byte());
    out.push(0);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(payload);
    let checksum = xxh3_64(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out.extend_from_slice(&END_MAGIC);
    out
}

/// Checks a file's envelope and returns its payload.
pub fn open<'a>(file: &str, bytes: &'a [u8], expected: FileKind) -> Result<&'a [u8], IndexError> {
    let min_len = (HEADER_LEN + FOOTER_LEN) as u64;
    if (bytes.len() as u64) < min_len {
        return Err(IndexError::Truncated {
            file: file.to_string(),
            need: min_len,
            got: bytes.len() as u64,
        });
    }
    if bytes[0..4] != MAGIC {
        return Err(IndexError::BadMagic {
            file: file.to_string(),
        });
    }
    let version = u16::from_le_bytes([bytes[4], bytes[5]]);
    if !(MIN_READ_VERSION..=MAX_READ_VERSION).contains(&version) {
        return Err(IndexError::Version {
            file: file.to_string(),
            min: MIN_READ_VERSION,
            max: MAX_READ_VERSION,
            got: version,
            generator: GENERATOR,
            why: why_unreadable(version),
        });
    }
    let kind_byte = bytes[6];
    if kind_byte != expected.byte() {
        return Err(IndexError::WrongKind {
            file: file.to_string(),
            expected,
            got: FoundKind::of_byte(kind_byte),
        });
    }
    let mut len_bytes = [0u8; 8];
    len_bytes.copy_from_slice(&bytes[8..16]);
    let declared = u64::from_le_bytes(len_bytes);
    let present = (bytes.len() - HEADER_LEN - FOOTER_LEN) as u64;
    if declared > present {
        return Err(IndexError::Truncated {
            file: file.to_string(),
            need: declared.saturating_add(min_len),
            got: bytes.len() as u64,
        });
    }
    if declared < present {
        return Err(IndexError::corrupt(
            file,
            format!("{} bytes after the end of the file", present - declared),
        ));
    }
    let body_end = bytes.len() - FOOTER_LEN;
    let mut sum_bytes = [0u8; 8];
    sum_bytes.copy_from_slice(&bytes[body_end..body_end + 8]);
    let expected_sum = u64::from_le_bytes(sum_bytes);
    if bytes[body_end + 8..] != END_MAGIC {
        return Err(IndexError::BadMagic {
            file: file.to_string(),
        });
    }
    let got = xxh3_64(&bytes[..body_end]);
    if got != expected_sum {
        return Err(IndexError::Checksum {
            file: file.to_string(),
            expected: expected_sum,
            got,
        });
    }
    Ok(&bytes[HEADER_LEN..body_end])
}

/// The checksum the manifest records for a whole file (hex of xxh3-64 of all its bytes).
pub fn file_checksum(bytes: &[u8]) -> String {
    format!("{:016x}", xxh3_64(bytes))
}

/// The content-hashed name of a file: `<stem>.<hash16>.bin`.
pub fn file_name(kind: FileKind, bytes: &[u8]) -> String {
    format!("{}.{}.bin", kind.stem(), file_checksum(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_payload_opens_and_damage_is_named() {
        let file = seal(FileKind::Core, b"hello");
        assert_eq!(open("f", &file, FileKind::Core).unwrap(), b"hello");
        assert!(matches!(
            open("f", &file, FileKind::Text),
            Err(IndexError::WrongKind { .. })
        ));
        assert!(matches!(
            open("f", &file[..file.len() - 1], FileKind::Core),
            Err(IndexError::Truncated { .. }) | Err(IndexError::BadMagic { .. })
        ));
        let mut flipped = file.clone();
        flipped[17] ^= 1;
        assert!(matches!(
            open("f", &flipped, FileKind::Core),
            Err(IndexError::Checksum { .. })
        ));
        let mut newer = file.clone();
        newer[4] = 9;
        let err = open("f", &newer, FileKind::Core).unwrap_err();
        assert!(matches!(err, IndexError::Version { got: 9, .. }));
        assert!(err.to_string().starts_with("f: "));
    }
}
