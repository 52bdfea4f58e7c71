//! The facets of each mode: the one table ([`FACETS`]) that says, per facet, its name (API:
//! used in URLs, on the command line and in widget attributes), its Danish and English labels,
//! its shape (one value per record, several, or nested under a parent facet), where its values
//! come from and how a record's values are computed. The index build, the engine, the CLI's help
//! and validation, the web UI's labels and the capacity overview all read it; nothing else
//! matches facet names.
//!
//! Three kinds of values ([`Values`]):
//! - *closed*: values from a vocabulary (`catalogue::vocab`), stored by vocabulary index; the
//!   value code is the vocabulary code (municipalities and regions: their official numbers);
//! - *open*: values are the strings the catalogue uses (methods, staff groups, competences); the
//!   dictionary is built from the data and stored as an `fst::Set`;
//! - *dynamic* (derived): computed at query time against [`crate::Query::today`] (`updated`,
//!   `available`).
//!
//! Hierarchies ([`Shape::Within`]): `group` is the parent of `target`, `region` the parent of
//! `municipality`. A parent's sets are not stored but derived from its child's: a record has a
//! `group` value when it has any target group in it, so selecting a group matches every record
//! with any target in that group.
//!
//! # Adding a facet
//!
//! One [`Facet`] constant (name, labels, shape, values and what it reads from a record: a
//! [`Reads`] variant, whose arm in [`Reads::values`] the compiler asks for) and its place in
//! [`FACETS`] (at the end of its mode's block, with a format version bump: a facet's position is
//! its id in the index); the record's field itself is the catalogue model's. The test
//! `a_facet_is_one_table_entry` walks a test-only facet through everything that reads the table.

use catalogue::freshness::{self, Freshness, Part};
use catalogue::model::{FosterFamily, Offer, Record};
use catalogue::vocab::{
    ApprovalScope, ApprovalStatus, Authority, CareKind, FosterFamilyType, LegalBasis, OfferType,
    Ownership, Region, ServiceKind, TargetGroup, TargetGroupGroup, MUNICIPALITIES,
};
use catalogue::Date;

use crate::query::Mode;

macro_rules! vocab_values {
    ($vocab:ty) => {
        <$vocab>::ALL
            .iter()
            .map(|v| def(v.code(), v.label(), None))
            .collect()
    };
}

/// Where a facet's values come from (what the index stores of it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FacetKind {
    /// A vocabulary.
    Closed,
    /// Strings from the catalogue.
    Open,
    /// Computed per query against `today`.
    Dynamic,
}

/// How many values a record has in a facet, and how the facet nests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// At most one value per record.
    Single,
    /// Any number of values per record.
    Multi,
    /// Any number of values, each nested under a value of the parent facet (named here): a
    /// value's [`ValueDef::parent`] is a code of that facet. The parent's sets are the unions
    /// of its children's.
    Within(&'static str),
}

/// The rule of a dynamic facet, judged on the query's day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Live {
    /// The record's oldest part fresh, aging or stale ([`updated_bucket`]).
    Freshness,
    /// A family not on pause ([`available_value`]).
    Availability,
}

/// Where a facet's values come from, and how a record's values are computed.
#[derive(Clone, Copy)]
pub enum Values {
    /// A fixed list (index = stored value) and a record's indices into it.
    Closed {
        list: fn() -> Vec<ValueDef>,
        reads: Reads,
    },
    /// The catalogue's own strings.
    Open { reads: Reads },
    /// A fixed list, each document's value computed per query.
    Dynamic {
        list: fn() -> Vec<ValueDef>,
        rule: Live,
    },
}

/// What a static facet reads from a record: one variant per facet, computed by
/// [`Reads::values`]. A plain enum rather than a function pointer in the table, so that the
/// browser, which never reads records into facets, does not link the code that does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reads {
    /// The values of [`TYPE`].
    Type,
    /// The values of [`BASIS`].
    Basis,
    /// The values of [`GROUP`].
    Group,
    /// The values of [`TARGET`].
    Target,
    /// The values of [`REGION`].
    Region,
    /// The values of [`MUNICIPALITY`].
    Municipality,
    /// The values of [`OWNERSHIP`].
    Ownership,
    /// The values of [`AUTHORITY`].
    Authority,
    /// The values of [`APPROVAL`].
    Approval,
    /// The values of [`METHOD`].
    Method,
    /// The values of [`STAFF`].
    Staff,
    /// The values of [`SERVICE`].
    Service,
    /// The values of [`MARKED`].
    Marked,
    /// The values of [`SANCTION`].
    Sanction,
    /// The values of [`FAMILY_TYPE`].
    FamilyType,
    /// The values of [`CARE`].
    Care,
    /// The values of [`SCOPE`].
    Scope,
    /// The values of [`EMERGENCY`].
    Emergency,
    /// The values of [`PARENT_CHILD`].
    ParentChild,
    /// The values of [`COMPETENCE`].
    Competence,
}

impl Reads {
    /// A record's values (unsorted; [`static_values`] sorts and deduplicates them).
    pub fn values(self, record: &Record) -> Vec<StaticValue> {
        match self {
            Reads::Type => offer(record, |o| closed([o.offer_type.index()])),
            Reads::Basis => offer(record, |o| {
                closed(o.legal_bases.iter().map(|b| b.basis.index()))
            }),
            Reads::Group => closed(target_groups(record).map(|t| t.group().index())),
            Reads::Target => closed(target_groups(record).map(|t| t.index())),
            Reads::Region => closed(municipalities(record).filter_map(region_index)),
            Reads::Municipality => {
                closed(municipalities(record).filter_map(catalogue::vocab::municipality_index))
            }
            Reads::Ownership => offer(record, |o| closed([o.ownership.index()])),
            Reads::Authority => match record {
                Record::Offer(o) => closed([o.supervision.authority.index()]),
                Record::FosterFamily(f) => closed([f.authority.index()]),
            },
            Reads::Approval => offer(record, |o| closed([o.supervision.approval.index()])),
            Reads::Method => offer(record, |o| open(&o.methods)),
            Reads::Staff => offer(record, |o| open(&o.staff_groups)),
            Reads::Service => offer(record, |o| {
                closed(o.services.iter().map(|s| s.kind.index()))
            }),
            Reads::Marked => offer(record, |o| {
                closed([usize::from(o.supervision.marking.is_none())])
            }),
            Reads::Sanction => sanction_value(record),
            Reads::FamilyType => family(record, |f| closed([f.family_type.index()])),
            Reads::Care => family(record, |f| closed(f.approved_for.iter().map(|c| c.index()))),
            Reads::Scope => family(record, |f| closed([f.approval_scope.index()])),
            Reads::Emergency => family(record, |f| closed([usize::from(!f.emergency)])),
            Reads::ParentChild => family(record, |f| closed([usize::from(!f.parent_child)])),
            Reads::Competence => family(record, |f| open(&f.competences)),
        }
    }
}

/// A facet's heading, in Danish and English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label {
    pub da: &'static str,
    pub en: &'static str,
}

/// One facet: everything any part of the system knows about it.
#[derive(Clone, Copy)]
pub struct Facet {
    /// Name in URLs, on the command line, in widget attributes and in
    /// [`crate::FacetCounts::facet`].
    pub name: &'static str,
    /// The heading the UI shows.
    pub label: Label,
    /// One value or several, or nested under a parent.
    pub shape: Shape,
    /// Its values and how a record's are computed.
    pub values: Values,
    /// Whether the offers' municipality sets come from the card columns (every department's
    /// municipality) rather than stored postings.
    pub from_municipality_column: bool,
    /// Whether the text search also matches the labels of its values.
    pub text: bool,
    /// Whether a user may require all of its ticked values (AND) rather than any (OR).
    pub combinable: bool,
    /// Whether it means the same in both modes: its filters survive a mode switch.
    pub shared: bool,
}

impl Facet {
    /// Where its values come from.
    pub fn kind(&self) -> FacetKind {
        match self.values {
            Values::Closed { .. } => FacetKind::Closed,
            Values::Open { .. } => FacetKind::Open,
            Values::Dynamic { .. } => FacetKind::Dynamic,
        }
    }

    /// The facet whose values are this one's parents.
    pub fn parent(&self) -> Option<&'static str> {
        match self.shape {
            Shape::Within(parent) => Some(parent),
            _ => None,
        }
    }

    /// Its heading in Danish (`english == false`) or English.
    pub fn label(&self, english: bool) -> &'static str {
        if english {
            self.label.en
        } else {
            self.label.da
        }
    }
}

impl std::fmt::Debug for Facet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Facet").field("name", &self.name).finish()
    }
}

impl PartialEq for Facet {
    fn eq(&self, other: &Facet) -> bool {
        self.name == other.name
    }
}

/// One facet as placed in a mode: its position in [`FACETS`] is its id in the index.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FacetSpec {
    /// The facet.
    pub facet: &'static Facet,
    /// The mode it belongs to.
    pub mode: Mode,
}

/// A placed facet reads as its facet (`spec.name`, `spec.kind()`).
impl std::ops::Deref for FacetSpec {
    type Target = Facet;

    fn deref(&self) -> &Facet {
        self.facet
    }
}

const fn label(da: &'static str, en: &'static str) -> Label {
    Label { da, en }
}

/// A facet with the common defaults (no text search, not combinable, not shared, stored).
const fn facet(name: &'static str, label: Label, shape: Shape, values: Values) -> Facet {
    Facet {
        name,
        label,
        shape,
        values,
        from_municipality_column: false,
        text: false,
        combinable: false,
        shared: false,
    }
}

const fn closed_values(list: fn() -> Vec<ValueDef>, reads: Reads) -> Values {
    Values::Closed { list, reads }
}

use Shape::{Multi, Single, Within};

/// The kind of offer.
pub const TYPE: Facet = Facet {
    text: true,
    ..facet(
        "type",
        label("Tilbudstype", "Type of offer"),
        Single,
        closed_values(|| vocab_values!(OfferType), Reads::Type),
    )
};
/// The legal bases.
pub const BASIS: Facet = facet(
    "basis",
    label("Juridisk grundlag", "Legal basis"),
    Multi,
    closed_values(|| vocab_values!(LegalBasis), Reads::Basis),
);
/// The groups of the target groups.
pub const GROUP: Facet = Facet {
    text: true,
    shared: true,
    ..facet(
        "group",
        label("Målgruppe", "Target group"),
        Multi,
        closed_values(|| vocab_values!(TargetGroupGroup), Reads::Group),
    )
};
/// The target groups, within their groups.
pub const TARGET: Facet = Facet {
    text: true,
    combinable: true,
    shared: true,
    ..facet(
        "target",
        label("Målgruppe", "Target group"),
        Within("group"),
        closed_values(
            || {
                TargetGroup::ALL
                    .iter()
                    .map(|t| def(t.code(), t.label(), Some(t.group().code().to_string())))
                    .collect()
            },
            Reads::Target,
        ),
    )
};
/// The regions of the addresses.
pub const REGION: Facet = Facet {
    text: true,
    shared: true,
    ..facet(
        "region",
        label("Geografi", "Geography"),
        Multi,
        closed_values(|| vocab_values!(Region), Reads::Region),
    )
};
/// The municipalities of the addresses, within their regions.
pub const MUNICIPALITY: Facet = Facet {
    text: true,
    shared: true,
    from_municipality_column: true,
    ..facet(
        "municipality",
        label("Kommune", "Municipality"),
        Within("region"),
        closed_values(
            || {
                MUNICIPALITIES
                    .iter()
                    .map(|m| {
                        def(
                            &m.code.to_string(),
                            m.name,
                            Some(m.region.code().to_string()),
                        )
                    })
                    .collect()
            },
            Reads::Municipality,
        ),
    )
};
/// Public or private.
pub const OWNERSHIP: Facet = facet(
    "ownership",
    label("Ejerform", "Ownership"),
    Single,
    closed_values(|| vocab_values!(Ownership), Reads::Ownership),
);
/// The supervising authority.
pub const AUTHORITY: Facet = facet(
    "authority",
    label("Tilsyn", "Supervising authority"),
    Single,
    closed_values(|| vocab_values!(Authority), Reads::Authority),
);
/// The approval's status.
pub const APPROVAL: Facet = facet(
    "approval",
    label("Godkendelse", "Approval"),
    Single,
    closed_values(|| vocab_values!(ApprovalStatus), Reads::Approval),
);
/// The methods the offer names.
pub const METHOD: Facet = Facet {
    text: true,
    ..facet(
        "method",
        label("Metoder", "Methods"),
        Multi,
        Values::Open {
            reads: Reads::Method,
        },
    )
};
/// The staff groups.
pub const STAFF: Facet = facet(
    "staff",
    label("Faggrupper", "Staff groups"),
    Multi,
    Values::Open {
        reads: Reads::Staff,
    },
);
/// The kinds of service.
pub const SERVICE: Facet = Facet {
    text: true,
    ..facet(
        "service",
        label("Indsatser", "Services"),
        Multi,
        closed_values(|| vocab_values!(ServiceKind), Reads::Service),
    )
};
/// Whether the authority marked the offer.
pub const MARKED: Facet = facet(
    "marked",
    label("Markering fra tilsynet", "Marking by the authority"),
    Single,
    closed_values(yes_no, Reads::Marked),
);
/// How old the record's oldest part is.
pub const UPDATED: Facet = facet(
    "updated",
    label("Oplysningernes alder", "Age of the information"),
    Single,
    Values::Dynamic {
        list: updated_values,
        rule: Live::Freshness,
    },
);
/// Standing serious sanctions.
pub const SANCTION: Facet = facet(
    "sanction",
    label("Påbud og skærpet tilsyn", "Orders and enhanced supervision"),
    Single,
    closed_values(sanction_values, Reads::Sanction),
);
/// The type of foster family.
pub const FAMILY_TYPE: Facet = Facet {
    text: true,
    ..facet(
        "family_type",
        label("Type af plejefamilie", "Type of foster family"),
        Single,
        closed_values(|| vocab_values!(FosterFamilyType), Reads::FamilyType),
    )
};
/// What a family is approved for.
pub const CARE: Facet = Facet {
    text: true,
    ..facet(
        "care",
        label("Godkendt til", "Approved for"),
        Multi,
        closed_values(|| vocab_values!(CareKind), Reads::Care),
    )
};
/// General or specific approval.
pub const SCOPE: Facet = facet(
    "scope",
    label("Godkendelse", "Approval"),
    Single,
    closed_values(|| vocab_values!(ApprovalScope), Reads::Scope),
);
/// Whether a family takes emergency placements.
pub const EMERGENCY: Facet = facet(
    "emergency",
    label("Akutanbringelse", "Emergency placement"),
    Single,
    closed_values(yes_no, Reads::Emergency),
);
/// Whether a family takes a parent with the child.
pub const PARENT_CHILD: Facet = facet(
    "parent_child",
    label("Forælder og barn", "Parent and child"),
    Single,
    closed_values(yes_no, Reads::ParentChild),
);
/// A family's competences.
pub const COMPETENCE: Facet = Facet {
    text: true,
    ..facet(
        "competence",
        label("Kompetencer", "Competences"),
        Multi,
        Values::Open {
            reads: Reads::Competence,
        },
    )
};
/// Whether a family is not on pause.
pub const AVAILABLE: Facet = facet(
    "available",
    label("Holder ikke pause", "Not on pause"),
    Single,
    Values::Dynamic {
        list: yes_no,
        rule: Live::Availability,
    },
);

const fn on(mode: Mode, facet: &'static Facet) -> FacetSpec {
    FacetSpec { facet, mode }
}

use Mode::{FosterFamilies as F, Offers as O};

/// Every facet of every mode, offers first, in display order. The position in this table is the
/// facet's id in the index; append new facets at the end of their mode's block only with a
/// format version bump.
pub static FACETS: &[FacetSpec] = &[
    on(O, &TYPE),
    on(O, &BASIS),
    on(O, &GROUP),
    on(O, &TARGET),
    on(O, &REGION),
    on(O, &MUNICIPALITY),
    on(O, &OWNERSHIP),
    on(O, &AUTHORITY),
    on(O, &APPROVAL),
    on(O, &METHOD),
    on(O, &STAFF),
    on(O, &SERVICE),
    on(O, &MARKED),
    on(O, &UPDATED),
    on(O, &SANCTION),
    on(F, &FAMILY_TYPE),
    on(F, &CARE),
    on(F, &SCOPE),
    on(F, &GROUP),
    on(F, &TARGET),
    on(F, &REGION),
    on(F, &MUNICIPALITY),
    on(F, &AUTHORITY),
    on(F, &EMERGENCY),
    on(F, &PARENT_CHILD),
    on(F, &COMPETENCE),
    on(F, &AVAILABLE),
    on(F, &SANCTION),
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

/// How a facet's sets are obtained in its mode; only stored facets cost bytes.
pub fn derivation(spec: &FacetSpec) -> Derivation {
    if spec.from_municipality_column {
        return Derivation::FromMunicipalityColumn;
    }
    match facet_ids(spec.mode).find(|&i| FACETS[i].parent() == Some(spec.name)) {
        Some(child) => Derivation::FromChild(FACETS[child].name),
        None => Derivation::Stored,
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

/// The names of a mode's facets, in display order.
pub fn facet_names(mode: Mode) -> Vec<&'static str> {
    facet_ids(mode).map(|i| FACETS[i].name).collect()
}

/// A facet by name, whatever its mode (the label and rules are the same in both).
pub fn facet_named(name: &str) -> Option<&'static Facet> {
    FACETS.iter().find(|f| f.name == name).map(|f| f.facet)
}

/// Whether the named facet's filters survive a mode switch ([`Facet::shared`]).
pub fn is_shared(name: &str) -> bool {
    facet_named(name).is_some_and(|f| f.shared)
}

/// Whether the named facet may require all of its ticked values ([`Facet::combinable`]).
pub fn is_combinable(name: &str) -> bool {
    facet_named(name).is_some_and(|f| f.combinable)
}

/// A facet name that no facet of the mode has: the one refusal every boundary (a URL, the
/// command line, a widget's attributes) gives, naming what there is.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no facet {name:?} for {mode}; facets: {known}", mode = mode_name(*.mode), known = facet_names(*.mode).join(", "))]
pub struct UnknownFacet {
    /// The name given.
    pub name: String,
    /// The mode it was given for.
    pub mode: Mode,
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Offers => "offers",
        Mode::FosterFamilies => "families",
    }
}

/// The id of a mode's facet by name, or the error that names the facets there are.
pub fn parse_facet(mode: Mode, name: &str) -> Result<usize, UnknownFacet> {
    facet_id(mode, name).ok_or_else(|| UnknownFacet {
        name: name.chars().take(64).collect(),
        mode,
    })
}

/// A filter from outside that cannot apply: the one refusal every boundary (a URL, the command
/// line, a widget's attributes) gives, in words for the command line and by its parts for the
/// web app's sentences (in the interface language).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FilterRefusal {
    /// No facet of the mode has the name.
    #[error(transparent)]
    Facet(#[from] UnknownFacet),
    /// The facet has no such value in the index: it would select nothing.
    #[error("facet {facet} has no value {value:?}")]
    Value {
        /// The facet's name.
        facet: &'static str,
        /// The value given (at most 64 characters of it).
        value: String,
    },
}

/// Parses a filter of `mode` from outside, `facet` = `value`: the facet's id, or why the filter
/// cannot apply. `values` gives the values the index holds for a facet (by name); a value not
/// among them selects nothing and must not be shown as a filter.
pub fn parse_filter<'v>(
    mode: Mode,
    facet: &str,
    value: &str,
    values: impl FnOnce(&'static str) -> Option<&'v [ValueDef]>,
) -> Result<usize, FilterRefusal> {
    let id = parse_facet(mode, facet)?;
    let name = FACETS[id].name;
    if values(name).is_some_and(|values| values.iter().any(|v| v.code == value)) {
        Ok(id)
    } else {
        Err(FilterRefusal::Value {
            facet: name,
            value: value.chars().take(64).collect(),
        })
    }
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
pub fn fixed_values(facet: &Facet) -> Vec<ValueDef> {
    match facet.values {
        Values::Closed { list, .. } | Values::Dynamic { list, .. } => list(),
        Values::Open { .. } => Vec::new(),
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

/// The values of the `sanction` facet.
fn sanction_values() -> Vec<ValueDef> {
    vec![
        def(SANCTION_VALUES[0], "Uden påbud / skærpet tilsyn", None),
        def(SANCTION_VALUES[1], "Med påbud / skærpet tilsyn", None),
    ]
}

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
pub fn static_values(spec: &FacetSpec, record: &Record) -> Vec<StaticValue> {
    let reads = match spec.values {
        Values::Closed { reads, .. } | Values::Open { reads } => reads,
        Values::Dynamic { .. } => return Vec::new(),
    };
    if record_mode(record) != spec.mode {
        return Vec::new();
    }
    let mut values = reads.values(record);
    values.sort();
    values.dedup();
    values
}

/// The mode a record is searched in.
fn record_mode(record: &Record) -> Mode {
    match record {
        Record::Offer(_) => Mode::Offers,
        Record::FosterFamily(_) => Mode::FosterFamilies,
    }
}

/// An offer's values (none for a family).
fn offer(record: &Record, values: impl Fn(&Offer) -> Vec<StaticValue>) -> Vec<StaticValue> {
    match record {
        Record::Offer(o) => values(o),
        Record::FosterFamily(_) => Vec::new(),
    }
}

/// A family's values (none for an offer).
fn family(record: &Record, values: impl Fn(&FosterFamily) -> Vec<StaticValue>) -> Vec<StaticValue> {
    match record {
        Record::FosterFamily(f) => values(f),
        Record::Offer(_) => Vec::new(),
    }
}

/// A record's target groups: an offer's over all its services.
fn target_groups(record: &Record) -> Box<dyn Iterator<Item = &TargetGroup> + '_> {
    match record {
        Record::Offer(o) => Box::new(o.services.iter().flat_map(|s| &s.target_groups)),
        Record::FosterFamily(f) => Box::new(f.target_groups.iter()),
    }
}

/// The municipality codes of a record's addresses: every department's, or the family's.
fn municipalities(record: &Record) -> Box<dyn Iterator<Item = u16> + '_> {
    match record {
        Record::Offer(o) => Box::new(o.departments.iter().map(|d| d.address.municipality)),
        Record::FosterFamily(f) => Box::new(std::iter::once(f.location.municipality)),
    }
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
    fn a_filter_from_outside_names_a_facet_of_the_mode_and_one_of_its_values() {
        let regions = fixed_values(&REGION);
        let held = |name: &str| (name == "region").then_some(regions.as_slice());
        let code = regions[0].code.as_str();
        assert_eq!(
            parse_filter(Mode::Offers, "region", code, held),
            Ok(facet_id(Mode::Offers, "region").expect("region"))
        );
        assert_eq!(
            parse_filter(Mode::Offers, "region", "9999", held),
            Err(FilterRefusal::Value {
                facet: "region",
                value: "9999".into()
            })
        );
        let typo = parse_filter(Mode::Offers, "kommun", code, held).expect_err("typo");
        assert!(matches!(&typo, FilterRefusal::Facet(u) if u.name == "kommun"));
        assert!(typo.to_string().contains("municipality"), "{typo}");
        // A facet of the other mode is refused before its values are asked for.
        let other = parse_filter(Mode::Offers, "family_type", "x", |_| unreachable!());
        assert!(matches!(other, Err(FilterRefusal::Facet(_))));
    }

    #[test]
    fn every_mode_has_unique_facet_names_and_parents_exist() {
        for mode in [Mode::Offers, Mode::FosterFamilies] {
            let names: Vec<&str> = facet_ids(mode).map(|i| FACETS[i].name).collect();
            let mut unique = names.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), names.len());
            for i in facet_ids(mode) {
                if let Some(parent) = FACETS[i].parent() {
                    assert!(facet_id(mode, parent).is_some(), "{parent}");
                }
            }
        }
        assert_eq!(
            fixed_values(&FACETS[facet_id(Mode::Offers, "municipality").unwrap()]).len(),
            98
        );
    }

    /// Every parent a facet names is a facet of its mode, stored sets are never asked of a
    /// parent, and only the offers' municipalities come from the card columns.
    #[test]
    fn the_table_is_consistent() {
        for spec in FACETS {
            if let Some(parent) = spec.parent() {
                let parent = &FACETS[facet_id(spec.mode, parent).expect("parent in the mode")];
                assert_eq!(derivation(parent), Derivation::FromChild(spec.name));
                assert_eq!(parent.kind(), FacetKind::Closed, "{}", parent.name);
            }
            assert!(!spec.label.da.is_empty() && !spec.label.en.is_empty());
        }
        assert_eq!(
            derivation(&FACETS[facet_id(Mode::Offers, "municipality").unwrap()]),
            Derivation::FromMunicipalityColumn
        );
        assert!(is_shared("region") && !is_shared("authority") && !is_shared("nonsense"));
        assert!(is_combinable("target") && !is_combinable("group"));
    }

    /// A facet that exists only in this test. Adding a real facet is this constant (labels,
    /// shape, values and what it reads from a record) plus its place in [`FACETS`]; a facet
    /// that reads something new adds a [`Reads`] variant, whose arm the compiler asks for.
    /// Everything else reads the entry.
    const MARKED_AGAIN: Facet = facet(
        "marked_again",
        label("Markeret igen", "Marked again"),
        Single,
        closed_values(yes_no, Reads::Marked),
    );

    #[test]
    fn a_facet_is_one_table_entry() {
        let spec = FacetSpec {
            facet: &MARKED_AGAIN,
            mode: Mode::Offers,
        };
        assert_eq!(spec.label(false), "Markeret igen");
        assert_eq!(spec.label(true), "Marked again");
        assert_eq!(spec.kind(), FacetKind::Closed);
        assert_eq!(spec.parent(), None);
        assert!(!spec.shared && !spec.combinable && !spec.text);
        let codes: Vec<String> = fixed_values(&spec).into_iter().map(|v| v.code).collect();
        assert_eq!(codes, ["yes", "no"]);
        let records = sample::generate::Generator::new(sample::generate::GeneratorOptions {
            offers: 20,
            foster_families: 5,
            seed: 4,
            today: Date(20_779),
        });
        let mut families = 0;
        for record in records {
            let values = static_values(&spec, &record);
            match &record {
                Record::Offer(o) => {
                    let no = usize::from(o.supervision.marking.is_none());
                    assert_eq!(values, [StaticValue::Closed(no)]);
                }
                Record::FosterFamily(_) => {
                    assert!(values.is_empty(), "a family has no offer facet");
                    families += 1;
                }
            }
        }
        assert_eq!(families, 5);
        // A single-valued facet gives at most one value to any record.
        let sample = sample::generate::Generator::new(sample::generate::GeneratorOptions {
            offers: 50,
            foster_families: 50,
            seed: 5,
            today: Date(20_779),
        });
        for record in sample {
            for spec in FACETS.iter().filter(|f| f.shape == Single) {
                assert!(static_values(spec, &record).len() <= 1, "{}", spec.name);
            }
        }
    }

    #[test]
    fn unknown_names_are_refused_naming_the_facets() {
        assert_eq!(parse_facet(Mode::Offers, "type"), Ok(0));
        let err = parse_facet(Mode::FosterFamilies, "type").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with("no facet \"type\" for families; facets: family_type, care"));
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
