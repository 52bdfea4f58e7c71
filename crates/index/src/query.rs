//! The query engine's public vocabulary: what a search asks ([`Query`]) and what it answers
//! ([`SearchResults`], [`Card`]). The browser, the CLI's `query --json` and the tests all speak
//! these types, so one search means the same everywhere.
//!
//! Facets are named by short stable strings (used in URLs and on the command line); values by
//! their catalogue codes. Filters are OR within a facet and AND across facets; every facet's
//! counts are computed under all the *other* facets' selections (disjunctive counting).

use catalogue::vocab::{
    Authority, InspectionKind, LegalBasis, PriceBasis, RateUnit, SanctionKind, TargetGroupGroup,
};
use catalogue::Date;
use serde::{Deserialize, Serialize};

/// Which kind of record a search is over. Offers and foster families are searched separately.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Offers (tilbud).
    #[default]
    Offers,
    /// Foster families (plejefamilier).
    FosterFamilies,
}

// As serde names them (the saved shortlist's cards, the manifest's detail shards).
crate::json_enum!(Mode {
    Offers = "offers",
    FosterFamilies = "foster_families",
});

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// Best text match first (name matches before other fields); with no text, by name.
    #[default]
    Relevance,
    /// Cheapest normalised price first; records without a price last.
    PriceAsc,
    /// Dearest normalised price first; records without a price last.
    PriceDesc,
    /// Nearest first; needs [`Query::near`], otherwise by name.
    Distance,
    /// Most free places first.
    FreePlaces,
    /// Most recently updated first.
    Updated,
    /// By name, Danish alphabetical order (æ, ø, å last).
    Name,
}

impl Sort {
    /// Every sort, in declaration order (for tests and fuzzing that try them all).
    pub const ALL: [Sort; 7] = [
        Sort::Relevance,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::Distance,
        Sort::FreePlaces,
        Sort::Updated,
        Sort::Name,
    ];
}

/// A point and a radius.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Near {
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
    /// Radius in km; `None` to sort or show distance without filtering.
    pub max_km: Option<f64>,
}

/// A range of normalised prices of one basis (never mixes per-day with per-hour).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceRange {
    /// Which prices the range is over.
    pub basis: PriceBasis,
    /// Lowest price in DKK, inclusive.
    pub min: Option<f64>,
    /// Highest price in DKK, inclusive.
    pub max: Option<f64>,
}

/// One search.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// Offers or foster families.
    pub mode: Mode,
    /// Free text: prefix and typo-tolerant, Danish-folded.
    pub text: String,
    /// Facet selections as (facet name, value code): OR within a facet, AND across facets.
    pub filters: Vec<(String, String)>,
    /// Facets whose selected values are combined with AND instead of OR ("all of the chosen
    /// target groups"); their counts are then conjunctive.
    #[serde(default)]
    pub all_of: Vec<String>,
    /// The age of the person to place: keeps records whose accepted ages include it.
    pub age: Option<u8>,
    /// Normalised price range.
    pub price: Option<PriceRange>,
    /// Keep records with at least this many free places.
    pub min_free_places: Option<u32>,
    /// Distance filter and/or sort origin.
    pub near: Option<Near>,
    /// Keep records whose oldest part was updated at most this many days before `today`.
    pub updated_within_days: Option<u32>,
    /// The day the search is made (the client's clock): freshness and pauses are judged by it.
    pub today: Date,
    /// Order of the results.
    pub sort: Sort,
    /// Zero-based page number.
    pub page: u32,
    /// Results per page (the engine caps it at 100).
    pub page_size: u32,
}

/// The answer to a [`Query`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    /// Number of records that match.
    pub total: u32,
    /// The requested page of matches, in order.
    pub hits: Vec<Hit>,
    /// Counts for every facet of the mode, disjunctive: each facet counted under the others'
    /// selections, so a count says what ticking that value would give.
    pub facets: Vec<FacetCounts>,
    /// Words of the text no record in scope matched together with the others, as typed: the
    /// results match the remaining words. Empty when every word matched.
    #[serde(default)]
    pub dropped_words: Vec<String>,
    /// When some word matched nothing: the query text spelt as the index knows it, if that
    /// finds records with every word.
    #[serde(default)]
    pub did_you_mean: Option<String>,
    /// When nothing matched: each filter whose removal would give results, with the total.
    #[serde(default)]
    pub relaxations: Vec<Relaxation>,
}

/// A filter of a query that could be removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "filter", content = "facet")]
pub enum Constraint {
    /// Every selected value of a facet.
    Facet(String),
    /// The age.
    Age,
    /// The price range.
    Price,
    /// The minimum of free places.
    FreePlaces,
    /// The radius around the place (the place stays, for order).
    Distance,
    /// The freshness limit.
    Updated,
}

/// What removing one filter would give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relaxation {
    /// The filter.
    pub constraint: Constraint,
    /// The total without it.
    pub total: u32,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Dense record number in the index.
    pub doc: u32,
    /// The record's catalogue id.
    pub id: String,
    /// Distance from [`Query::near`] in km, when given.
    pub distance_km: Option<f64>,
}

/// Counts of one facet's values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetCounts {
    /// Facet name, e.g. `"target"`.
    pub facet: String,
    /// Values in display order, with their counts (zero counts included for selected values).
    pub values: Vec<FacetValueCount>,
}

/// A facet value and how many records it would give.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FacetValueCount {
    /// Value code as used in [`Query::filters`].
    pub value: String,
    /// Danish label.
    pub label: String,
    /// Matches if this value were selected (with the other facets' selections kept).
    pub count: u32,
    /// For hierarchical facets: the code of the parent value in the parent facet.
    pub parent: Option<String>,
}

/// What a result card shows: everything that decides a shortlist at a glance.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// Dense record number.
    pub doc: u32,
    /// Catalogue id.
    pub id: String,
    /// Offers or foster families.
    pub mode: Mode,
    /// Name or public label.
    pub name: String,
    /// Offer type or family type, as a Danish label.
    pub kind_label: String,
    /// Legal bases in short form ("SEL § 108").
    pub legal_bases: Vec<String>,
    /// Postal code and district of the (first) address.
    pub postal_code: u16,
    /// Postal district.
    pub city: String,
    /// Municipality name.
    pub municipality: String,
    /// Youngest age accepted.
    pub age_from: u8,
    /// Oldest age accepted.
    pub age_to: u8,
    /// Places in total (children approved for, for families).
    pub places_total: u32,
    /// Free places, when reported (for a foster family: for døgnanbringelse).
    pub free_places: Option<u32>,
    /// A foster family's free places for støtteophold, when it is approved for it.
    pub free_respite_places: Option<u32>,
    /// When free places were reported.
    pub free_places_reported: Option<Date>,
    /// The main rate, normalised.
    pub price: Option<CardPrice>,
    /// Oldest and newest update of the record's parts.
    pub updated_oldest: Date,
    /// Newest update.
    pub updated_newest: Date,
    /// Date of the authority's marking that the data are wrong, if marked.
    pub marked: Option<Date>,
    /// For families: paused now (judged when the index was built is not enough; see `pause_until`).
    pub pause_from: Option<Date>,
    /// End of a pause, if known.
    pub pause_until: Option<Date>,
    /// Where the main price sits among comparable offers (issue 7), when it has peers.
    pub price_position: Option<PricePosition>,
    /// Standing sanctions, the latest inspection and an approval's lapse (issue 16). A card
    /// saved by an earlier version (a browser's shortlist) has none until it is refreshed.
    pub oversight: CardOversight,
}

// A card's JSON is what a browser's saved shortlist holds: fields added since the first saves
// are `default`, so a list saved by an earlier version still loads.
crate::json_struct!(Card {
    doc,
    id,
    mode,
    name,
    kind_label,
    legal_bases,
    postal_code,
    city,
    municipality,
    age_from,
    age_to,
    places_total,
    free_places,
    free_respite_places: default,
    free_places_reported,
    price,
    updated_oldest,
    updated_newest,
    marked,
    pause_from,
    pause_until,
    price_position,
    oversight: default,
});

/// What a caseworker checks first about supervision, on the card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardOversight {
    /// The supervising authority.
    pub authority: Authority,
    /// Sanctions that stand (not lifted), in the record's order.
    pub sanctions: Vec<CardSanction>,
    /// The latest inspection, if reported.
    pub inspection: Option<CardInspection>,
    /// When the approval lapses (or lapsed) for being unused, if the record stands unused.
    pub approval_lapses: Option<Date>,
}

crate::json_struct!(CardOversight {
    authority,
    sanctions,
    inspection,
    approval_lapses,
});

impl Default for CardOversight {
    /// Nothing known: no sanctions, no inspection, and no socialtilsyn to write to.
    fn default() -> Self {
        CardOversight {
            authority: Authority::Municipality,
            sanctions: Vec::new(),
            inspection: None,
            approval_lapses: None,
        }
    }
}

impl CardOversight {
    /// Whether a påbud, skærpet tilsyn or ophør stands: the card's badge.
    pub fn has_serious(&self) -> bool {
        self.sanctions.iter().any(|s| s.kind.serious())
    }
}

/// A standing sanction on a card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardSanction {
    /// Its kind.
    pub kind: SanctionKind,
    /// When it was decided.
    pub since: Date,
    /// By when it must be met.
    pub deadline: Option<Date>,
}

crate::json_struct!(CardSanction {
    kind,
    since,
    deadline
});

/// The latest inspection on a card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardInspection {
    /// The day of the visit.
    pub date: Date,
    /// Announced or not.
    pub kind: InspectionKind,
}

crate::json_struct!(CardInspection { date, kind });

/// A card's price: the rate as given and its normalised comparable form.
#[derive(Clone, Debug, PartialEq)]
pub struct CardPrice {
    /// The unit of the rate as the offer gave it.
    pub unit: RateUnit,
    /// The amount as given, DKK.
    pub amount: f64,
    /// What it normalises to.
    pub basis: PriceBasis,
    /// Normalised amount in DKK per `basis`.
    pub normalised: f64,
    /// The assumed occupancy rate the rate is computed with, if given.
    pub occupancy_rate: Option<f64>,
}

crate::json_struct!(CardPrice {
    unit,
    amount,
    basis,
    normalised,
    occupancy_rate,
});

/// Where an offer's normalised main price sits among its peers: offers with the same first legal
/// basis, the same target-group group (of the main service) and the same price basis. Computed
/// when the index is built; see the index crate's `price` module for the exact definitions.
#[derive(Clone, Debug, PartialEq)]
pub struct PricePosition {
    /// Offers in the peer group, this one included.
    pub peers: u32,
    /// 0 = cheapest, 100 = dearest.
    pub percentile: u8,
    /// Which quarter of the group the price is in: 1 = cheapest quarter … 4 = dearest.
    pub quarter: u8,
    /// The group's median normalised price.
    pub median: f64,
    /// The group's first quartile.
    pub q1: f64,
    /// The group's third quartile.
    pub q3: f64,
    /// The peer group's legal basis (for "blandt 212 sammenlignelige § 108-tilbud").
    pub legal_basis: LegalBasis,
    /// The peer group's target-group group.
    pub group: TargetGroupGroup,
    /// The price basis compared.
    pub basis: PriceBasis,
}

crate::json_struct!(PricePosition {
    peers,
    percentile,
    quarter,
    median,
    q1,
    q3,
    legal_basis,
    group,
    basis,
});
