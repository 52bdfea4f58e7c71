//! Detail shards: a [`DetailHeader`] followed by the full records, each in an externally tagged
//! form (the variant's position, 0 offer or 1 foster family, then its fields in declaration
//! order, by [`crate::codec`]'s rules). The layout of every catalogue structure is listed here
//! once, in its [`Wire`] impl, which both writes and reads it.

use catalogue::model::{
    Address, Contact, Department, FamilyLocation, FosterFamily, FreePlaces, Inspection,
    LegalBasisPlaces, Marking, Offer, OfferUpdated, Pause, QualityScore, Rate, Record, Rent,
    Sanction, Service, Supervision,
};
use catalogue::vocab::{
    ApprovalScope, ApprovalStatus, Authority, CareKind, FosterFamilyType, InspectionKind,
    LegalBasis, OfferType, Ownership, QualityTheme, RateUnit, SanctionKind, ServiceKind,
    TargetGroup,
};
use catalogue::Date;

use crate::codec::{self, Reader, Wire};
use crate::error::{BuildError, IndexError};
use crate::query::Mode;
use crate::wire_struct;

/// The header of a detail shard; the records follow it (and the manifest lists it, in JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DetailHeader {
    /// Mode of every record of the shard.
    pub mode: Mode,
    /// Position of the first record among its mode's records.
    pub first: u32,
    /// Number of records.
    pub count: u32,
}

wire_struct!(DetailHeader { mode, first, count });
crate::json_struct!(DetailHeader { mode, first, count });

impl Wire<'_> for Mode {
    fn put(&self, out: &mut Vec<u8>) {
        let position: u32 = match self {
            Mode::Offers => 0,
            Mode::FosterFamilies => 1,
        };
        position.put(out);
    }
    fn get(r: &mut Reader<'_>) -> Option<Mode> {
        match r.variant()? {
            0 => Some(Mode::Offers),
            1 => Some(Mode::FosterFamilies),
            _ => None,
        }
    }
}

impl Wire<'_> for Date {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn get(r: &mut Reader<'_>) -> Option<Date> {
        i32::get(r).map(Date)
    }
}

/// Vocabulary values are stored by their position (`catalogue::vocab`, whose order is part of
/// the format).
macro_rules! wire_vocabulary {
    ($($name:ident),*) => {$(
        impl Wire<'_> for $name {
            fn put(&self, out: &mut Vec<u8>) {
                (self.index() as u32).put(out);
            }
            fn get(r: &mut Reader<'_>) -> Option<$name> {
                $name::from_index(r.variant()? as usize)
            }
        }
    )*};
}
wire_vocabulary!(
    ApprovalScope,
    ApprovalStatus,
    Authority,
    CareKind,
    FosterFamilyType,
    InspectionKind,
    LegalBasis,
    OfferType,
    Ownership,
    QualityTheme,
    RateUnit,
    SanctionKind,
    ServiceKind,
    TargetGroup
);

wire_struct!(Sanction {
    kind,
    date,
    text,
    deadline,
    lifted
});
wire_struct!(Inspection {
    date,
    kind,
    report,
    approval_report
});
wire_struct!(Offer {
    id,
    name,
    description,
    offer_type,
    owner,
    cvr,
    ownership,
    operating_agreement,
    departments,
    contact,
    supervision,
    legal_bases,
    places_total,
    free_places,
    occupancy_rate,
    services,
    rent,
    methods,
    staff_groups,
    staffing_ratio,
    quality,
    updated,
});
wire_struct!(Department {
    id,
    name,
    p_number,
    address
});
wire_struct!(Address {
    street,
    postal_code,
    city,
    municipality,
    region,
    lat,
    lon
});
wire_struct!(Contact {
    leader,
    contact_person,
    phone,
    email,
    website
});
wire_struct!(Supervision {
    authority,
    approval,
    approved,
    marking,
    sanctions,
    latest_inspection,
    unused_since,
});
wire_struct!(Marking { date, reason });
wire_struct!(LegalBasisPlaces { basis, places });
wire_struct!(FreePlaces { count, reported });
wire_struct!(Service {
    kind,
    basis,
    target_groups,
    age_from,
    age_to,
    rates
});
wire_struct!(Rate {
    unit,
    amount,
    year,
    addon,
    label
});
wire_struct!(Rent { monthly, deposit });
wire_struct!(QualityScore { theme, score });
wire_struct!(OfferUpdated {
    general,
    places,
    services,
    economy,
    approach
});
wire_struct!(FosterFamily {
    id,
    name,
    description,
    family_type,
    approval_scope,
    approved_for,
    respite_days_per_month,
    emergency,
    parent_child,
    children_approved,
    children_placed,
    own_children,
    children_in_home,
    free_places,
    free_respite_places,
    age_from,
    age_to,
    pause,
    target_groups,
    competences,
    quality,
    location,
    authority,
    approved,
    sanctions,
    latest_inspection,
    unused_since,
    contact,
    updated,
});
wire_struct!(FamilyLocation {
    postal_code,
    city,
    municipality,
    region,
    lat,
    lon
});
wire_struct!(Pause { from, until });

/// A record as stored: variant 0 an offer, 1 a foster family, then its fields.
impl Wire<'_> for Record {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Record::Offer(o) => {
                0u32.put(out);
                o.put(out);
            }
            Record::FosterFamily(f) => {
                1u32.put(out);
                f.put(out);
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Option<Record> {
        match r.variant()? {
            0 => Offer::get(r).map(Record::Offer),
            1 => FosterFamily::get(r).map(Record::FosterFamily),
            _ => None,
        }
    }
}

/// Appends a record's stored form to a shard's records.
pub fn encode_record(record: &Record, records: &mut Vec<u8>) -> Result<(), BuildError> {
    codec::encode_into(record, records)
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
        let (record, used): (Record, usize) =
            codec::decode_prefix(file, payload.get(pos..).unwrap_or_default())?;
        pos += used;
        if at == index {
            return Ok(record);
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
