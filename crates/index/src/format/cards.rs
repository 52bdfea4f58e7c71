//! The card columns of the core file: every field a result card shows, as columns encoded to be
//! small before and after gzip; the postal districts the positions are relative to; a card's
//! supervision facts; and coordinates quantised to 10⁻⁴ degrees.

use serde::{Deserialize, Serialize};

/// Card fields as columns, each encoded to be small before and after gzip. Dates are stored as
/// days before `epoch` (the latest date in the columns); positions as the difference from the
/// postal district's centroid in degrees × 10⁴; the district name only when it differs from the
/// postal table's.
#[derive(Serialize, Deserialize, Debug, Default)]
pub struct CardColumns<'a> {
    /// Prefixes of ids of the form prefix + number (`T-`, `P-`), sorted.
    #[serde(borrow)]
    pub id_prefixes: Vec<&'a str>,
    /// Index into `id_prefixes`, or `u32::MAX` for an id stored literally.
    pub id_prefix: Vec<u32>,
    /// Id number minus the previous doc's id number.
    pub id_number: Vec<i64>,
    /// Ids that are not prefix + number: (doc, id).
    #[serde(borrow)]
    pub id_literals: Vec<(u32, &'a str)>,
    /// Names.
    #[serde(borrow)]
    pub names: Vec<&'a str>,
    /// Offer type or family type (vocabulary index).
    pub kind: Vec<u8>,
    /// Number of legal bases per doc.
    pub basis_counts: Vec<u8>,
    /// Legal bases (vocabulary index), concatenated.
    pub bases: Vec<u8>,
    /// Postal code of the (first) address.
    pub postal: Vec<u16>,
    /// 0: the postal table's district name for the code; otherwise 1 + index into `cities`.
    pub city: Vec<u32>,
    /// Distinct postal district names, in order of first use.
    #[serde(borrow)]
    pub cities: Vec<&'a str>,
    /// Municipality code of the (first) address; 0 when it is the postal table's for the code.
    pub municipality: Vec<u16>,
    /// Number of other municipalities per doc (offers' departments after the first).
    pub extra_municipality_counts: Vec<u8>,
    /// Those municipality codes, concatenated.
    pub extra_municipalities: Vec<u16>,
    /// Number of age ranges per doc (offers: one per service; families: one).
    pub age_counts: Vec<u8>,
    /// Age ranges (from, to), concatenated.
    pub ages: Vec<(u8, u8)>,
    /// Places in total (families: children approved for).
    pub places: Vec<u32>,
    /// Free places, when reported.
    pub free: Vec<Option<u32>>,
    /// When free places were reported (days before `epoch`).
    pub free_reported: Vec<Option<i32>>,
    /// Main rate: (unit index, amount in øre, occupancy rate in tenths of a percent).
    pub price: Vec<Option<(u8, i64, Option<u16>)>>,
    /// The day dates are counted back from.
    pub epoch: i32,
    /// Oldest part's update (days before `epoch`).
    pub updated_oldest: Vec<i32>,
    /// Newest part's update minus the oldest's, days.
    pub updated_span: Vec<i32>,
    /// Date of the authority's marking (days before `epoch`).
    pub marked: Vec<Option<i32>>,
    /// Start of a pause (days before `epoch`).
    pub pause_from: Vec<Option<i32>>,
    /// End of a pause (days before `epoch`; negative when after it).
    pub pause_until: Vec<Option<i32>>,
    /// Latitude × 10⁴ minus the postal district centroid's.
    pub lat: Vec<i32>,
    /// Longitude × 10⁴ minus the postal district centroid's.
    pub lon: Vec<i32>,
    /// 1 + index into [`super::CorePayload::peer_groups`], or 0.
    pub peer_group: Vec<u16>,
    /// Supervision facts per doc (format 2).
    pub oversight: Vec<StoredOversight>,
    /// Foster families: free places for støtteophold (`free` holds døgnanbringelse); `None`
    /// for offers and families not approved for it.
    pub free_respite: Vec<Option<u32>>,
}

/// A card's supervision facts: standing sanctions, the latest inspection and the approval's
/// lapse, dates as days before [`CardColumns::epoch`] (negative when after it).
#[derive(Serialize, Deserialize, Debug, Default, Clone, PartialEq)]
pub struct StoredOversight {
    /// The supervising authority (vocabulary index): where "Meld en fejl" writes to.
    pub authority: u8,
    /// (sanction kind index, decided, deadline) of each standing sanction.
    pub sanctions: Vec<(u8, i32, Option<i32>)>,
    /// (date, inspection kind index) of the latest inspection.
    pub inspection: Option<(i32, u8)>,
    /// When the approval lapses for being unused.
    pub lapses: Option<i32>,
}

impl StoredOversight {
    /// The facts of a record, dates as day numbers.
    pub fn of(record: &catalogue::Record) -> StoredOversight {
        StoredOversight {
            authority: record.authority().index() as u8,
            sanctions: record
                .sanctions()
                .iter()
                .filter(|s| s.is_active())
                .map(|s| (s.kind.index() as u8, s.date.0, s.deadline.map(|d| d.0)))
                .collect(),
            inspection: record
                .latest_inspection()
                .map(|i| (i.date.0, i.kind.index() as u8)),
            lapses: record.approval_lapses_on().map(|d| d.0),
        }
    }

    /// The same facts with every date mapped by `f` (to and from days before the epoch).
    pub fn map_dates(&self, f: impl Fn(i32) -> i32) -> StoredOversight {
        StoredOversight {
            authority: self.authority,
            sanctions: self
                .sanctions
                .iter()
                .map(|&(kind, since, deadline)| (kind, f(since), deadline.map(&f)))
                .collect(),
            inspection: self.inspection.map(|(date, kind)| (f(date), kind)),
            lapses: self.lapses.map(&f),
        }
    }
}

/// A postal district.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct StoredPostal {
    /// Postal code.
    pub code: u16,
    /// Index into [`CardColumns::cities`].
    pub city: u32,
    /// Municipality of the first address seen with the code.
    pub municipality: u16,
    /// Centroid latitude × 10⁴.
    pub lat: i32,
    /// Centroid longitude × 10⁴.
    pub lon: i32,
}

/// Steps per degree of stored coordinates: 10⁻⁴ degrees is 11 m north–south and 6 m east–west
/// in Denmark, far finer than any distance a search asks about.
pub const COORDINATE_STEPS: f64 = 1e4;

/// Quantises a coordinate to 10⁻⁴ degrees.
pub fn quantise(degrees: f64) -> i32 {
    if degrees.is_finite() {
        (degrees * COORDINATE_STEPS)
            .round()
            .clamp(i32::MIN as f64, i32::MAX as f64) as i32
    } else {
        0
    }
}

/// The degrees of a quantised coordinate.
pub fn dequantise(value: i32) -> f64 {
    f64::from(value) / COORDINATE_STEPS
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any coordinate in Denmark's range comes back within half a step.
        #[test]
        fn quantised_coordinates_round_trip(degrees in -90.0f64..90.0) {
            let back = dequantise(quantise(degrees));
            prop_assert!((back - degrees).abs() <= 0.5 / COORDINATE_STEPS + 1e-9);
        }

        /// Supervision facts stored relative to an epoch come back unchanged, through bincode.
        #[test]
        fn oversight_round_trips_through_the_epoch_and_bincode(
            authority in any::<u8>(),
            sanctions in proptest::collection::vec((any::<u8>(), -40_000i32..40_000, proptest::option::of(-40_000i32..40_000)), 0..4),
            inspection in proptest::option::of((-40_000i32..40_000, any::<u8>())),
            lapses in proptest::option::of(-40_000i32..40_000),
            epoch in -40_000i32..40_000,
        ) {
            let facts = StoredOversight { authority, sanctions, inspection, lapses };
            let stored = facts.map_dates(|day| epoch - day);
            let bytes = crate::codec::encode(&stored).expect("encodes");
            let decoded: StoredOversight =
                crate::codec::decode_borrowed("core", &bytes).expect("decodes");
            prop_assert_eq!(decoded.map_dates(|days_before| epoch - days_before), facts);
        }
    }

    #[test]
    fn coordinates_round_trip_within_half_a_step() {
        for degrees in [54.5595, 57.7512, 8.0763, 15.1973, 0.0, -12.34567] {
            let back = dequantise(quantise(degrees));
            assert!(
                (back - degrees).abs() <= 0.5 / COORDINATE_STEPS + 1e-12,
                "{degrees} -> {back}"
            );
        }
    }
}
