//! The catalogue's records: offers (tilbud) and foster families (plejefamilier).
//!
//! These types are the catalogue's JSON Lines format (see `docs/catalogue.md` and
//! `docs/catalogue.schema.json`): one record a line, `"kind": "offer"` or
//! `"kind": "foster_family"`. Unknown fields are rejected so that a misspelt field name is
//! reported instead of silently dropped. Closed lists are enums from [`crate::vocab`]; open ones
//! (methods, staff groups, competences) are strings. Whether the values make sense together is
//! checked in [`crate::check`], not here: deserialising answers only "is it well-typed".

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::vocab::{
    ApprovalScope, ApprovalStatus, Authority, CareKind, CitizenTerms, FosterFamilyType,
    InspectionKind, LegalBasis, OfferType, Ownership, QualityTheme, RateUnit, SanctionKind,
    ServiceKind, TargetGroup,
};

/// One line of the catalogue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Record {
    /// A residential, day or outpatient offer.
    Offer(Offer),
    /// A foster family.
    FosterFamily(FosterFamily),
}

impl Record {
    /// The record's id.
    pub fn id(&self) -> &str {
        match self {
            Record::Offer(o) => &o.id,
            Record::FosterFamily(f) => &f.id,
        }
    }

    /// The record's display name.
    pub fn name(&self) -> &str {
        match self {
            Record::Offer(o) => &o.name,
            Record::FosterFamily(f) => &f.name,
        }
    }

    /// The supervising authority.
    pub fn authority(&self) -> Authority {
        match self {
            Record::Offer(o) => o.supervision.authority,
            Record::FosterFamily(f) => f.authority,
        }
    }

    /// Sanctions and conditions, lifted or not.
    pub fn sanctions(&self) -> &[Sanction] {
        match self {
            Record::Offer(o) => &o.supervision.sanctions,
            Record::FosterFamily(f) => &f.sanctions,
        }
    }

    /// The latest inspection, if reported.
    pub fn latest_inspection(&self) -> Option<&Inspection> {
        match self {
            Record::Offer(o) => o.supervision.latest_inspection.as_ref(),
            Record::FosterFamily(f) => f.latest_inspection.as_ref(),
        }
    }

    /// When the approval lapses (or lapsed) for being unused: [`APPROVAL_LAPSE_YEARS_OFFER`]
    /// or [`APPROVAL_LAPSE_YEARS_FAMILY`] after `unused_since`. `None` when the record is in use.
    pub fn approval_lapses_on(&self) -> Option<Date> {
        let (since, years) = match self {
            Record::Offer(o) => (o.supervision.unused_since, APPROVAL_LAPSE_YEARS_OFFER),
            Record::FosterFamily(f) => (f.unused_since, APPROVAL_LAPSE_YEARS_FAMILY),
        };
        since.map(|d| d.add_years(years))
    }
}

/// An offer's approval lapses after this many years unused (Socialtilsynsloven).
pub const APPROVAL_LAPSE_YEARS_OFFER: i32 = 2;
/// A foster family's approval lapses after this many years without a child.
pub const APPROVAL_LAPSE_YEARS_FAMILY: i32 = 3;
/// A lapse this close (or past) is warned about, in days.
pub const APPROVAL_LAPSE_WARNING_DAYS: i32 = 180;

/// Whether an approval that lapses on `lapses_on` is to be warned about on `today`: `Some(true)`
/// when it has lapsed, `Some(false)` when it lapses within [`APPROVAL_LAPSE_WARNING_DAYS`].
pub fn approval_lapse(lapses_on: Date, today: Date) -> Option<bool> {
    let days_left = today.days_until(lapses_on);
    if days_left <= 0 {
        Some(true)
    } else if days_left <= APPROVAL_LAPSE_WARNING_DAYS {
        Some(false)
    } else {
        None
    }
}

/// A sanction or condition imposed by the supervising authority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sanction {
    /// Påbud, skærpet tilsyn, godkendelse med vilkår or ophør.
    pub kind: SanctionKind,
    /// When it was decided.
    pub date: Date,
    /// What it requires, in the authority's words (required for a condition).
    #[serde(default)]
    pub text: String,
    /// By when it must be met, if it says.
    #[serde(default)]
    pub deadline: Option<Date>,
    /// When it was lifted (or met); `None` while it stands.
    #[serde(default)]
    pub lifted: Option<Date>,
}

impl Sanction {
    /// Whether it still stands (has not been lifted).
    pub fn is_active(&self) -> bool {
        self.lifted.is_none()
    }
}

/// The latest inspection (tilsynsbesøg) and its reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// The day of the visit.
    pub date: Date,
    /// Announced or unannounced.
    pub kind: InspectionKind,
    /// The inspection report: `http` or `https` only.
    #[serde(default)]
    pub report: Option<String>,
    /// The approval report: `http` or `https` only.
    #[serde(default)]
    pub approval_report: Option<String>,
}

/// A social offer (tilbud) with its departments, places, services and rates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// Stable offer id, unique across the catalogue (e.g. `"T-104233"`).
    pub id: String,
    /// The offer's name.
    pub name: String,
    /// Free-text description written by the offer.
    #[serde(default)]
    pub description: String,
    /// Residential, day or outpatient.
    pub offer_type: OfferType,
    /// Legal owner (juridisk ejer).
    pub owner: String,
    /// The owner's CVR number: 8 digits with a valid modulus-11 check.
    pub cvr: String,
    /// Ownership form.
    pub ownership: Ownership,
    /// Municipality code of a municipality the offer has an operating agreement with, if any.
    #[serde(default)]
    pub operating_agreement: Option<u16>,
    /// Departments (afdelinger), each with its own address; at least one.
    pub departments: Vec<Department>,
    /// Who to contact.
    #[serde(default)]
    pub contact: Contact,
    /// Approval and supervision.
    pub supervision: Supervision,
    /// Legal bases, each with its number of places; at least one.
    pub legal_bases: Vec<LegalBasisPlaces>,
    /// Places in total.
    pub places_total: u32,
    /// Free places and when they were last reported; `None` when the offer has not reported.
    #[serde(default)]
    pub free_places: Option<FreePlaces>,
    /// The assumed occupancy rate (forudsat belægningsprocent) the rates are computed with, 0–100.
    #[serde(default)]
    pub occupancy_rate: Option<f64>,
    /// Services (indsatser); at least one.
    pub services: Vec<Service>,
    /// For housing-like offers: the citizen's own rent and deposit.
    #[serde(default)]
    pub rent: Option<Rent>,
    /// Professional methods (e.g. "KRAP", "Low arousal").
    #[serde(default)]
    pub methods: Vec<String>,
    /// Staff groups (e.g. "Pædagog", "Sygeplejerske").
    #[serde(default)]
    pub staff_groups: Vec<String>,
    /// Staff per resident (normering), e.g. 1.4.
    #[serde(default)]
    pub staffing_ratio: Option<f64>,
    /// The authority's quality-model scores, 1–5 per theme.
    #[serde(default)]
    pub quality: Vec<QualityScore>,
    /// When each part of the record was last updated by the offer.
    pub updated: OfferUpdated,
}

/// A department (afdeling) with its own address and position.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Department {
    /// Department id, unique across the catalogue.
    pub id: String,
    /// Department name.
    pub name: String,
    /// P-number (production unit): 10 digits.
    #[serde(default)]
    pub p_number: Option<String>,
    /// Postal address.
    pub address: Address,
}

/// A postal address with its coordinates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    /// Street and number.
    pub street: String,
    /// Four-digit postal code (1000–9990).
    pub postal_code: u16,
    /// Postal district.
    pub city: String,
    /// Municipality code (three digits, see [`crate::vocab::MUNICIPALITIES`]).
    pub municipality: u16,
    /// Region code (1081–1085); must be the municipality's region.
    pub region: u16,
    /// Latitude, WGS84 degrees.
    pub lat: f64,
    /// Longitude, WGS84 degrees.
    pub lon: f64,
}

/// Contact details. Every field is optional; missing ones a caseworker relies on are warned about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Leader (leder).
    #[serde(default)]
    pub leader: Option<String>,
    /// Contact person.
    #[serde(default)]
    pub contact_person: Option<String>,
    /// Phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Website: `http` or `https` only.
    #[serde(default)]
    pub website: Option<String>,
}

/// Approval, supervision and any marking that the data are wrong.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Supervision {
    /// Supervising authority.
    pub authority: Authority,
    /// Approval status.
    pub approval: ApprovalStatus,
    /// When the offer was last approved (its data last accepted by the authority).
    #[serde(default)]
    pub approved: Option<Date>,
    /// The authority's marking that the offer's data are wrong (SEL § 14, stk. 6).
    #[serde(default)]
    pub marking: Option<Marking>,
    /// Sanctions and conditions, standing and lifted.
    #[serde(default)]
    pub sanctions: Vec<Sanction>,
    /// The latest inspection.
    #[serde(default)]
    pub latest_inspection: Option<Inspection>,
    /// Since when no citizen has used the offer, if it stands unused: the approval lapses
    /// [`APPROVAL_LAPSE_YEARS_OFFER`] years later.
    #[serde(default)]
    pub unused_since: Option<Date>,
}

/// A marking by the supervising authority.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Marking {
    /// When the offer was marked.
    pub date: Date,
    /// Why, in the authority's words.
    pub reason: String,
}

/// A legal basis with its places.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalBasisPlaces {
    /// Legal basis.
    pub basis: LegalBasis,
    /// Places under this basis.
    pub places: u32,
}

/// Free places as last reported.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreePlaces {
    /// Number of free places.
    pub count: u32,
    /// When it was reported.
    pub reported: Date,
}

/// A service (indsats) with its target groups, ages and rates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Kind of service.
    pub kind: ServiceKind,
    /// Legal basis the service is delivered under; one of the offer's.
    pub basis: LegalBasis,
    /// Target groups; at least one.
    pub target_groups: Vec<TargetGroup>,
    /// Youngest age accepted, in years.
    pub age_from: u8,
    /// Oldest age accepted, in years.
    pub age_to: u8,
    /// Rates; the first one that is not an add-on is the service's main rate.
    #[serde(default)]
    pub rates: Vec<Rate>,
}

/// A rate (takst).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rate {
    /// What the amount is per.
    pub unit: RateUnit,
    /// Amount in DKK.
    pub amount: f64,
    /// The year the rate applies to.
    pub year: u16,
    /// An add-on rate (tillægstakst) rather than the base rate.
    #[serde(default)]
    pub addon: bool,
    /// What an add-on rate covers.
    #[serde(default)]
    pub label: Option<String>,
}

/// The citizen's own payment in housing-like offers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rent {
    /// Monthly rent in DKK.
    pub monthly: f64,
    /// Deposit in DKK.
    #[serde(default)]
    pub deposit: Option<f64>,
}

/// One theme's quality-model score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QualityScore {
    /// Theme.
    pub theme: QualityTheme,
    /// Score, 1.0–5.0.
    pub score: f64,
}

/// When each part of an offer's record was last updated.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfferUpdated {
    /// Identity, description and contact.
    pub general: Date,
    /// Places and legal bases.
    pub places: Date,
    /// Services and target groups.
    pub services: Date,
    /// Rates and rent.
    pub economy: Date,
    /// Methods, staff and staffing ratio.
    pub approach: Date,
}

impl Offer {
    /// What the law promises the citizen about paying and anonymity under every one of the
    /// offer's legal bases ([`CitizenTerms::of`]).
    pub fn citizen_terms(&self) -> Option<CitizenTerms> {
        CitizenTerms::of(self.legal_bases.iter().map(|b| b.basis))
    }
}

impl OfferUpdated {
    /// The oldest of the parts: how stale the record is at its worst.
    pub fn oldest(&self) -> Date {
        [
            self.general,
            self.places,
            self.services,
            self.economy,
            self.approach,
        ]
        .into_iter()
        .min()
        .unwrap_or_default()
    }

    /// The newest of the parts.
    pub fn newest(&self) -> Date {
        [
            self.general,
            self.places,
            self.services,
            self.economy,
            self.approach,
        ]
        .into_iter()
        .max()
        .unwrap_or_default()
    }
}

/// A foster family, as the public and municipalities may see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FosterFamily {
    /// Stable id, unique across the catalogue (e.g. `"P-20001"`).
    pub id: String,
    /// Public label; families are not named in public (e.g. "Plejefamilie ved Viborg").
    pub name: String,
    /// Short public description of the family and what it offers.
    #[serde(default)]
    pub description: String,
    /// Type of foster family.
    pub family_type: FosterFamilyType,
    /// General approval or approval for one named child.
    pub approval_scope: ApprovalScope,
    /// What the family is approved for; at least one.
    pub approved_for: Vec<CareKind>,
    /// For støtteophold (respite): days a month offered.
    #[serde(default)]
    pub respite_days_per_month: Option<u8>,
    /// Takes emergency placements (forstærkede families).
    #[serde(default)]
    pub emergency: bool,
    /// Takes parent-and-child placements.
    #[serde(default)]
    pub parent_child: bool,
    /// Children the family is approved for.
    pub children_approved: u8,
    /// Children placed now.
    pub children_placed: u8,
    /// The family's own children living at home.
    #[serde(default)]
    pub own_children: u8,
    /// The ages of the children living in the home now, own and placed (ages only: the public
    /// never sees more about them).
    #[serde(default)]
    pub children_in_home: Vec<u8>,
    /// Free places for døgnanbringelse as last reported (mandatory for families).
    pub free_places: FreePlaces,
    /// Free places for støtteophold (respite), reported with `free_places`; `None` when the
    /// family is not approved for støtteophold or has not said.
    #[serde(default)]
    pub free_respite_places: Option<u32>,
    /// Youngest age accepted, in years.
    pub age_from: u8,
    /// Oldest age accepted, in years.
    pub age_to: u8,
    /// When set, the family takes no new children now.
    #[serde(default)]
    pub pause: Option<Pause>,
    /// Target groups the family is approved for.
    #[serde(default)]
    pub target_groups: Vec<TargetGroup>,
    /// Competences (e.g. "Erfaring med autisme", "Tegnsprog").
    #[serde(default)]
    pub competences: Vec<String>,
    /// The authority's quality-model scores, 1–5 per theme (family structure, not organisation).
    #[serde(default)]
    pub quality: Vec<QualityScore>,
    /// Where the family lives, at postal-district precision.
    pub location: FamilyLocation,
    /// The approving authority.
    pub authority: Authority,
    /// When the family was approved.
    pub approved: Date,
    /// Sanctions and conditions, standing and lifted.
    #[serde(default)]
    pub sanctions: Vec<Sanction>,
    /// The latest inspection.
    #[serde(default)]
    pub latest_inspection: Option<Inspection>,
    /// Since when no child has lived with the family, if none does: the approval lapses
    /// [`APPROVAL_LAPSE_YEARS_FAMILY`] years later.
    #[serde(default)]
    pub unused_since: Option<Date>,
    /// Contact at the foster-care unit.
    #[serde(default)]
    pub contact: Contact,
    /// When the record was last updated.
    pub updated: Date,
}

/// A foster family's location, no finer than its postal district.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilyLocation {
    /// Four-digit postal code.
    pub postal_code: u16,
    /// Postal district.
    pub city: String,
    /// Municipality code.
    pub municipality: u16,
    /// Region code (1081–1085); must be the municipality's region.
    pub region: u16,
    /// Latitude of the postal district, WGS84 degrees.
    pub lat: f64,
    /// Longitude of the postal district, WGS84 degrees.
    pub lon: f64,
}

/// A pause in taking new children.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pause {
    /// Since when.
    pub from: Date,
    /// Until when, if known.
    #[serde(default)]
    pub until: Option<Date>,
}

impl FosterFamily {
    /// Free places of a kind on `day`: none while on pause, none of a kind the family is not
    /// approved for. Day care (dagophold) has no free-place figure.
    pub fn free_places_of(&self, kind: CareKind, day: Date) -> u32 {
        if self.paused_on(day) || !self.approved_for.contains(&kind) {
            return 0;
        }
        match kind {
            CareKind::Placement => self.free_places.count,
            CareKind::Respite => self.free_respite_places.unwrap_or(0),
            CareKind::DayCare => 0,
        }
    }

    /// On pause on the given day.
    pub fn paused_on(&self, day: Date) -> bool {
        match self.pause {
            Some(p) => p.from <= day && p.until.is_none_or(|until| day < until),
            None => false,
        }
    }
}
