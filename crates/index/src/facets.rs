//! The facets of each mode: their names (API: used in URLs and on the command line), labels,
//! values, hierarchy, and how a record's values are found.
//!
//! Three kinds of facet:
//! - *closed*: values from a vocabulary (`catalogue::vocab`), stored by vocabulary index; the
//!   value code is the vocabulary code (municipalities and regions: their official numbers);
//! - *open*: values are the strings the catalogue uses (methods, staff groups, competences); the
//!   dictionary is built from the data and stored as an `fst::Set`;
//! - *dynamic*: computed at query time against [`crate::Query::today`] (`updated`, `available`).
//!
//! Hierarchies: `group` is the parent of `target`, `region` the parent of `municipality`. A
//! record has a `group` value when it has any target group in it, so selecting a group matches
//! every record with any target in that group.

use catalogue::freshness::{self, Freshness, Part};
use catalogue::model::Record;
use catalogue::vocab::{
    ApprovalScope, ApprovalStatus, Authority, CareKind, FosterFamilyType, LegalBasis, OfferType,
    Ownership, Region, ServiceKind, TargetGroup, TargetGroupGroup, MUNICIPALITIES,
};
use catalogue::Date;

use crate::query::Mode;

/// Where a facet's values come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetKind {
    /// A vocabulary.
    Closed,
    /// Strings from the catalogue.
    Open,
    /// Computed per query against `today`.
    Dynamic,
}

/// One facet of one mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacetSpec {
    /// Name in URLs, on the command line and in [`crate::FacetCounts::facet`].
    pub name: &'static str,
    /// Danish heading.
    pub label: &'static str,
    /// The mode it belongs to.
    pub mode: Mode,
    /// Where its values come from.
    pub kind: FacetKind,
    /// The facet whose values are this one's parents.
    pub parent: Option<&'static str>,
    /// Whether the text search also matches the labels of its values.
    pub text: bool,
}

const fn spec(
    name: &'static str,
    label: &'static str,
    mode: Mode,
    kind: FacetKind,
    parent: Option<&'static str>,
    text: bool,
) -> FacetSpec {
    FacetSpec {
        name,
        label,
        mode,
        kind,
        parent,
        text,
    }
}

use FacetKind::{Closed, Dynamic, Open};
use Mode::{FosterFamilies as F, Offers as O};

/// The heading of the `sanction` facet (both modes).
const SANCTIONS: &str = "Påbud og skærpet tilsyn";

/// Every facet, offers first. The position in this table is the facet's id in the index; append
/// new facets at the end of their mode's block only with a format version bump.
pub const FACETS: &[FacetSpec] = &[
    spec("type", "Tilbudstype", O, Closed, None, true),
    spec("basis", "Juridisk grundlag", O, Closed, None, false),
    spec("group", "Målgruppe (overordnet)", O, Closed, None, true),
    spec("target", "Målgruppe", O, Closed, Some("group"), true),
    spec("region", "Region", O, Closed, None, true),
    spec("municipality", "Kommune", O, Closed, Some("region"), true),
    spec("ownership", "Ejerform", O, Closed, None, false),
    spec("authority", "Tilsyn", O, Closed, None, false),
    spec("approval", "Godkendelse", O, Closed, None, false),
    spec("method", "Metode", O, Open, None, true),
    spec("staff", "Faggruppe", O, Open, None, false),
    spec("service", "Indsats", O, Closed, None, true),
    spec("marked", "Markeret af tilsynet", O, Closed, None, false),
    spec("updated", "Opdateret", O, Dynamic, None, false),
    spec("sanction", SANCTIONS, O, Closed, None, false),
    spec("family_type", "Plejefamilietype", F, Closed, None, true),
    spec("care", "Godkendt til", F, Closed, None, true),
    spec("scope", "Godkendelse", F, Closed, None, false),
    spec("group", "Målgruppe (overordnet)", F, Closed, None, true),
    spec("target", "Målgruppe", F, Closed, Some("group"), true),
    spec("region", "Region", F, Closed, None, true),
    spec("municipality", "Kommune", F, Closed, Some("region"), true),
    spec("authority", "Tilsyn", F, Closed, None, false),
    spec("emergency", "Akutanbringelser", F, Closed, None, false),
    spec("parent_child", "Forældre og barn", F, Closed, None, false),
    spec("competence", "Kompetence", F, Open, None, true),
    spec("available", "Tager imod børn nu", F, Dynamic, None, false),
    spec("sanction", SANCTIONS, F, Closed, None, false),
];

/// How the reader gets a facet's document sets when the core file does not store them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Derivation {
    /// Stored as postings.
    Stored,
    /// The union of a child facet's values whose parent it is.
    FromChild(&'static str),
    /// From the card's municipality column and each offer's other departments' municipalities.
    FromMunicipalityColumn,
}

/// How a facet's sets are obtained; only stored facets cost bytes.
pub fn derivation(facet: &FacetSpec) -> Derivation {
    match facet.name {
        "group" => Derivation::FromChild("target"),
        "region" => Derivation::FromChild("municipality"),
        "municipality" => Derivation::FromMunicipalityColumn,
        _ => Derivation::Stored,
    }
}

/// The ids (positions in [`FACETS`]) of a mode's facets, in display order.
pub fn facet_ids(mode: Mode) -> impl Iterator<Item = usize> {
    FACETS
        .iter()
        .enumerate()
        .filter(move |(_, f)| f.mode == mode)
        .map(|(i, _)| i)
}

/// The id of a mode's facet by name.
pub fn facet_id(mode: Mode, name: &str) -> Option<usize> {
    facet_ids(mode).find(|&i| FACETS[i].name == name)
}

/// A value of a closed or dynamic facet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueDef {
    /// Code used in filters.
    pub code: String,
    /// Danish label.
    pub label: String,
    /// Parent value's code (hierarchical facets).
    pub parent: Option<String>,
}

fn def(code: &str, label: &str, parent: Option<String>) -> ValueDef {
    ValueDef {
        code: code.to_string(),
        label: label.to_string(),
        parent,
    }
}

fn yes_no() -> Vec<ValueDef> {
    vec![def("yes", "Ja", None), def("no", "Nej", None)]
}

macro_rules! vocab_values {
    ($vocab:ty) => {
        <$vocab>::ALL
            .iter()
            .map(|v| def(v.code(), v.label(), None))
            .collect()
    };
}

/// The values of the `updated` facet: the record's oldest part fresh, aging or stale by the one
/// freshness rule ([`catalogue::freshness::RECORD`]), labelled with the rule's days.
fn updated_values() -> Vec<ValueDef> {
    let rule = freshness::RECORD;
    Freshness::ALL
        .iter()
        .map(|state| {
            let label = match state {
                Freshness::Fresh => format!("Inden for {} dage", rule.fresh_days),
                Freshness::Aging => format!(
                    "{}–{} dage siden",
                    rule.fresh_days + 1,
                    rule.stale_after_days
                ),
                Freshness::Stale => format!("Mere end {} dage siden", rule.stale_after_days),
            };
            def(state.code(), &label, None)
        })
        .collect()
}

/// The values of a closed or dynamic facet, in display order (their index is the stored value).
/// Open facets have no fixed list: empty.
pub fn fixed_values(facet: &FacetSpec) -> Vec<ValueDef> {
    match (facet.mode, facet.name) {
        (_, "type") => vocab_values!(OfferType),
        (_, "basis") => vocab_values!(LegalBasis),
        (_, "group") => vocab_values!(TargetGroupGroup),
        (_, "target") => TargetGroup::ALL
            .iter()
            .map(|t| def(t.code(), t.label(), Some(t.group().code().to_string())))
            .collect(),
        (_, "region") => vocab_values!(Region),
        (_, "municipality") => MUNICIPALITIES
            .iter()
            .map(|m| {
                def(
                    &m.code.to_string(),
                    m.name,
                    Some(m.region.code().to_string()),
                )
            })
            .collect(),
        (_, "ownership") => vocab_values!(Ownership),
        (_, "authority") => vocab_values!(Authority),
        (_, "approval") => vocab_values!(ApprovalStatus),
        (_, "service") => vocab_values!(ServiceKind),
        (_, "family_type") => vocab_values!(FosterFamilyType),
        (_, "care") => vocab_values!(CareKind),
        (_, "scope") => vocab_values!(ApprovalScope),
        (_, "marked" | "emergency" | "parent_child" | "available") => yes_no(),
        (_, "updated") => updated_values(),
        (_, "sanction") => vec![
            def(SANCTION_VALUES[0], "Uden påbud / skærpet tilsyn", None),
            def(SANCTION_VALUES[1], "Med påbud / skærpet tilsyn", None),
        ],
        _ => Vec::new(),
    }
}

/// A record's value of a static facet: a vocabulary index or an open string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum StaticValue {
    /// Index into [`fixed_values`].
    Closed(usize),
    /// A catalogue string (trimmed, non-empty).
    Open(String),
}

fn closed<I: IntoIterator<Item = usize>>(indices: I) -> Vec<StaticValue> {
    indices.into_iter().map(StaticValue::Closed).collect()
}

fn open<'a, I: IntoIterator<Item = &'a String>>(strings: I) -> Vec<StaticValue> {
    strings
        .into_iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .map(|s| StaticValue::Open(s.to_string()))
        .collect()
}

/// The region of a municipality (by the vocabulary, so that `region` is exactly the parent of
/// `municipality`; the check step rejects addresses whose region disagrees).
fn region_index(municipality: u16) -> Option<usize> {
    catalogue::vocab::municipality(municipality).map(|m| m.region.index())
}

/// The codes of the `sanction` facet: no standing påbud, skærpet tilsyn or ophør, or some.
pub const SANCTION_VALUES: [&str; 2] = ["none", "some"];

/// A record's `sanction` value: 0 (none) or 1 (a standing serious sanction).
fn sanction_value(record: &Record) -> Vec<StaticValue> {
    let serious = record
        .sanctions()
        .iter()
        .any(|s| s.is_active() && s.kind.serious());
    closed([usize::from(serious)])
}

/// A record's values of a static (closed or open) facet, sorted and deduplicated. Empty when the
/// record is of the other mode or the facet is dynamic.
pub fn static_values(facet: &FacetSpec, record: &Record) -> Vec<StaticValue> {
    let mut values = match (facet.mode, record) {
        (Mode::Offers, Record::Offer(o)) => match facet.name {
            "type" => closed([o.offer_type.index()]),
            "basis" => closed(o.legal_bases.iter().map(|b| b.basis.index())),
            "group" => closed(
                o.services
                    .iter()
                    .flat_map(|s| &s.target_groups)
                    .map(|t| t.group().index()),
            ),
            "target" => closed(
                o.services
                    .iter()
                    .flat_map(|s| &s.target_groups)
                    .map(|t| t.index()),
            ),
            "region" => closed(
                o.departments
                    .iter()
                    .filter_map(|d| region_index(d.address.municipality)),
            ),
            "municipality" => closed(
                o.departments
                    .iter()
                    .filter_map(|d| catalogue::vocab::municipality_index(d.address.municipality)),
            ),
            "ownership" => closed([o.ownership.index()]),
            "authority" => closed([o.supervision.authority.index()]),
            "approval" => closed([o.supervision.approval.index()]),
            "method" => open(&o.methods),
            "staff" => open(&o.staff_groups),
            "service" => closed(o.services.iter().map(|s| s.kind.index())),
            "marked" => closed([usize::from(o.supervision.marking.is_none())]),
            "sanction" => sanction_value(record),
            _ => Vec::new(),
        },
        (Mode::FosterFamilies, Record::FosterFamily(f)) => match facet.name {
            "family_type" => closed([f.family_type.index()]),
            "care" => closed(f.approved_for.iter().map(|c| c.index())),
            "scope" => closed([f.approval_scope.index()]),
            "group" => closed(f.target_groups.iter().map(|t| t.group().index())),
            "target" => closed(f.target_groups.iter().map(|t| t.index())),
            "region" => closed(region_index(f.location.municipality)),
            "municipality" => closed(catalogue::vocab::municipality_index(
                f.location.municipality,
            )),
            "authority" => closed([f.authority.index()]),
            "emergency" => closed([usize::from(!f.emergency)]),
            "parent_child" => closed([usize::from(!f.parent_child)]),
            "competence" => open(&f.competences),
            "sanction" => sanction_value(record),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    values.sort();
    values.dedup();
    values
}

/// The `updated` value (index into [`Freshness::ALL`]) of a record whose oldest part was
/// updated on `oldest`, judged on `today`.
pub fn updated_bucket(oldest: Date, today: Date) -> usize {
    let state = Part::Record.freshness(oldest, today);
    Freshness::ALL
        .iter()
        .position(|s| *s == state)
        .unwrap_or(Freshness::ALL.len() - 1)
}

/// The `available` value (0 = yes, 1 = no) of a family with this pause, judged on `today`.
pub fn available_value(pause_from: Option<Date>, pause_until: Option<Date>, today: Date) -> usize {
    let paused = match pause_from {
        Some(from) => from <= today && pause_until.is_none_or(|until| today < until),
        None => false,
    };
    usize::from(paused)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_unique_facet_names_and_parents_exist() {
        for mode in [Mode::Offers, Mode::FosterFamilies] {
            let names: Vec<&str> = facet_ids(mode).map(|i| FACETS[i].name).collect();
            let mut unique = names.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), names.len());
            for i in facet_ids(mode) {
                if let Some(parent) = FACETS[i].parent {
                    assert!(facet_id(mode, parent).is_some(), "{parent}");
                }
            }
        }
        assert_eq!(
            fixed_values(&FACETS[facet_id(Mode::Offers, "municipality").unwrap()]).len(),
            98
        );
    }

    #[test]
    fn updated_values_follow_the_freshness_rule() {
        let today = Date(20_000);
        let rule = freshness::RECORD;
        let at = |age: i32| updated_bucket(Date(20_000 - age), today);
        assert_eq!(at(rule.fresh_days), 0);
        assert_eq!(at(rule.fresh_days + 1), 1);
        assert_eq!(at(rule.stale_after_days), 1);
        assert_eq!(at(rule.stale_after_days + 1), 2);
        let spec = FACETS.iter().find(|f| f.name == "updated").expect("facet");
        let codes: Vec<String> = fixed_values(spec).into_iter().map(|v| v.code).collect();
        assert_eq!(codes, ["fresh", "aging", "stale"]);
        assert_eq!(updated_bucket(Date(20_010), today), 0);
    }
}
