//! Detail shards: a [`DetailHeader`] followed by the full records, each bincode-encoded in an
//! externally tagged form ([`StoredRecord`]; the catalogue's own `Record` is internally tagged,
//! which bincode cannot read back). The writer's encoder and the reader's decoder are both here.

use catalogue::model::{FosterFamily, Offer, Record};
use serde::{Deserialize, Serialize};

use crate::codec;
use crate::error::{BuildError, IndexError};
use crate::query::Mode;

/// The header of a detail shard; the records follow it, each bincode-encoded.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailHeader {
    /// Mode of every record of the shard.
    pub mode: Mode,
    /// Position of the first record among its mode's records.
    pub first: u32,
    /// Number of records.
    pub count: u32,
}

/// How a record is stored in a shard: an externally tagged enum, which bincode can read back.
#[derive(Serialize)]
enum StoredRecordRef<'a> {
    Offer(&'a Offer),
    FosterFamily(&'a FosterFamily),
}

/// The owned form of [`StoredRecordRef`], for reading.
#[derive(Deserialize)]
enum StoredRecord {
    Offer(Offer),
    FosterFamily(FosterFamily),
}

impl From<StoredRecord> for Record {
    fn from(stored: StoredRecord) -> Record {
        match stored {
            StoredRecord::Offer(o) => Record::Offer(o),
            StoredRecord::FosterFamily(f) => Record::FosterFamily(f),
        }
    }
}

/// Appends a record's stored form to a shard's records.
pub fn encode_record(record: &Record, records: &mut Vec<u8>) -> Result<(), BuildError> {
    let stored = match record {
        Record::Offer(o) => StoredRecordRef::Offer(o),
        Record::FosterFamily(f) => StoredRecordRef::FosterFamily(f),
    };
    codec::encode_into(&stored, records)
}

/// A shard's payload: its header, then the records [`encode_record`] appended.
pub fn encode_shard(header: &DetailHeader, records: &[u8]) -> Result<Vec<u8>, BuildError> {
    let mut payload = codec::encode(header)?;
    payload.extend_from_slice(records);
    Ok(payload)
}

/// A shard payload's header, and where its records start.
pub fn decode_header(file: &str, payload: &[u8]) -> Result<(DetailHeader, usize), IndexError> {
    codec::decode_prefix(file, payload)
}

/// The record at position `index` of the shard whose records start at `start` of `payload`
/// (records before it are decoded and skipped: they have no fixed size).
pub fn decode_record(
    file: &str,
    payload: &[u8],
    start: usize,
    header: &DetailHeader,
    index: u32,
) -> Result<Record, IndexError> {
    let mut pos = start;
    for at in 0..header.count {
        let (stored, used): (StoredRecord, usize) =
            codec::decode_prefix(file, payload.get(pos..).unwrap_or_default())?;
        pos += used;
        if at == index {
            return Ok(Record::from(stored));
        }
    }
    Err(IndexError::corrupt(file, "shard ends before the record"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        /// A shard of sample records decodes to the same records, each at its position.
        #[test]
        fn a_shard_round_trips(seed in any::<u64>(), offers in 0u64..6, families in 0u64..6, first in 0u32..1000) {
            let records: Vec<Record> = sample::Generator::new(sample::GeneratorOptions {
                offers,
                foster_families: families,
                seed,
                today: catalogue::Date(20_779),
            })
            .collect();
            let mut stored = Vec::new();
            for record in &records {
                encode_record(record, &mut stored).expect("encodes");
            }
            let header = DetailHeader { mode: Mode::Offers, first, count: records.len() as u32 };
            let payload = encode_shard(&header, &stored).expect("encodes");
            let (decoded, start) = decode_header("detail", &payload).expect("header");
            prop_assert_eq!(decoded, header);
            for (index, record) in records.iter().enumerate() {
                let back = decode_record("detail", &payload, start, &header, index as u32)
                    .expect("record");
                prop_assert_eq!(&back, record);
            }
            let past = decode_record("detail", &payload, start, &header, header.count);
            prop_assert!(past.is_err());
        }
    }
}
