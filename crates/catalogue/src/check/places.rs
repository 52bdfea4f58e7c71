//! Places and where they are: addresses (codes, postal code, coordinates), legal bases and their
//! places, free places, occupancy rate, and whether the offer's type fits its legal bases.

use super::text::{self, TextKind};
use super::{number, Report};
use crate::geo::distance_km;
use crate::model::{Address, FamilyLocation, Offer};
use crate::vocab::{self, LegalBasis, OfferType};

/// Latitudes inside Denmark (with Bornholm and Skagen), WGS84 degrees.
pub const LATITUDE_RANGE: (f64, f64) = (54.5, 57.8);
/// Longitudes inside Denmark (with Bornholm), WGS84 degrees.
pub const LONGITUDE_RANGE: (f64, f64) = (8.0, 15.3);
/// Postal codes in use: 1000–9990.
pub const POSTAL_CODE_RANGE: (u16, u16) = (1000, 9990);
/// How far an address may be from its municipality's main town before it is a warning, in km:
/// the largest municipalities are about 60 km across.
pub const MAX_KM_FROM_MUNICIPALITY: f64 = 75.0;
/// More places than this in one offer is not a real offer.
pub const MAX_PLACES_TOTAL: u32 = 5_000;

/// The codes and coordinates of an address or a family's location.
pub(crate) struct Position {
    pub postal_code: u16,
    pub municipality: u16,
    pub region: u16,
    pub lat: f64,
    pub lon: f64,
}

impl From<&Address> for Position {
    fn from(a: &Address) -> Self {
        Position {
            postal_code: a.postal_code,
            municipality: a.municipality,
            region: a.region,
            lat: a.lat,
            lon: a.lon,
        }
    }
}

impl From<&FamilyLocation> for Position {
    fn from(l: &FamilyLocation) -> Self {
        Position {
            postal_code: l.postal_code,
            municipality: l.municipality,
            region: l.region,
            lat: l.lat,
            lon: l.lon,
        }
    }
}

/// An offer's addresses, legal bases, places, free places and occupancy rate.
pub(crate) fn offer(report: &mut Report, offer: &Offer) {
    for (i, department) in offer.departments.iter().enumerate() {
        let path = format!("departments[{i}].address");
        let address = &department.address;
        required_text(report, &format!("{path}.street"), &address.street);
        required_text(report, &format!("{path}.city"), &address.city);
        position(report, &path, &Position::from(address));
    }
    legal_bases(report, offer);
    free_places(report, offer);
    if let Some(rate) = offer.occupancy_rate {
        if !(0.0..=100.0).contains(&rate) {
            report.error(
                "occupancy_rate",
                format!(
                    "occupancy_rate {} is outside 0–100 (per cent)",
                    number(rate)
                ),
            );
        }
    }
    offer_type(report, offer);
}

/// A street or city: missing is a warning (the record is still findable by municipality).
fn required_text(report: &mut Report, field: &str, value: &str) {
    if value.trim().is_empty() {
        report.warning(field, format!("{field} is missing"));
    } else {
        text::text(report, field, value, TextKind::Short);
    }
}

/// Codes and coordinates of an address or location whose fields are under `path`.
pub(crate) fn position(report: &mut Report, path: &str, at: &Position) {
    let (low, high) = POSTAL_CODE_RANGE;
    if !(low..=high).contains(&at.postal_code) {
        report.error(
            format!("{path}.postal_code"),
            format!("postal_code {} is outside {low}–{high}", at.postal_code),
        );
    }
    let municipality = vocab::municipality(at.municipality);
    if municipality.is_none() {
        report.error(
            format!("{path}.municipality"),
            format!(
                "municipality {} is not a Danish municipality code",
                at.municipality
            ),
        );
    }
    match vocab::Region::from_number(at.region) {
        None => report.error(
            format!("{path}.region"),
            format!(
                "region {} is not a region code; expected 1081–1085",
                at.region
            ),
        ),
        Some(region) => {
            if let Some(m) = municipality.filter(|m| m.region != region) {
                report.error(
                    format!("{path}.region"),
                    format!(
                        "municipality {} {} is in region {}, not {}",
                        m.code,
                        m.name,
                        m.region.number(),
                        at.region
                    ),
                );
            }
        }
    }
    let lat_ok = coordinate(report, path, "lat", at.lat, LATITUDE_RANGE);
    let lon_ok = coordinate(report, path, "lon", at.lon, LONGITUDE_RANGE);
    if let (true, true, Some(m)) = (lat_ok, lon_ok, municipality) {
        let km = distance_km(at.lat, at.lon, m.lat, m.lon);
        if km > MAX_KM_FROM_MUNICIPALITY {
            report.warning(
                format!("{path}.lat"),
                format!(
                    "lat/lon are {km:.0} km from {}, the main town of municipality {}; \
                     expected within {MAX_KM_FROM_MUNICIPALITY:.0} km",
                    m.town, m.code
                ),
            );
        }
    }
}

fn coordinate(report: &mut Report, path: &str, name: &str, value: f64, range: (f64, f64)) -> bool {
    let (low, high) = range;
    let inside = (low..=high).contains(&value);
    if !inside {
        report.error(
            format!("{path}.{name}"),
            format!("{name} {} is outside Denmark ({low}–{high})", number(value)),
        );
    }
    inside
}

fn legal_bases(report: &mut Report, offer: &Offer) {
    if offer.legal_bases.is_empty() {
        report.error("legal_bases", "no legal bases; at least one is required");
        return;
    }
    let mut sum: u64 = 0;
    for (i, entry) in offer.legal_bases.iter().enumerate() {
        sum += u64::from(entry.places);
        if let Some(first) = offer.legal_bases[..i]
            .iter()
            .position(|e| e.basis == entry.basis)
        {
            report.error(
                format!("legal_bases[{i}].basis"),
                format!(
                    "legal basis {} is listed twice (also legal_bases[{first}])",
                    entry.basis.code()
                ),
            );
        }
    }
    if offer.places_total > MAX_PLACES_TOTAL {
        report.error(
            "places_total",
            format!(
                "places_total {} is more than {MAX_PLACES_TOTAL}",
                offer.places_total
            ),
        );
    }
    if sum != u64::from(offer.places_total) {
        report.warning(
            "places_total",
            format!(
                "places per legal basis add up to {sum}, but places_total is {}",
                offer.places_total
            ),
        );
    }
    if offer.places_total == 0 && offer.offer_type == OfferType::Residential {
        report.warning("places_total", "places_total is 0 for a residential offer");
    }
}

fn free_places(report: &mut Report, offer: &Offer) {
    match &offer.free_places {
        None => report.warning("free_places", "free places have never been reported"),
        Some(free) if free.count > offer.places_total => report.error(
            "free_places.count",
            format!(
                "free_places.count {} is greater than places_total {}",
                free.count, offer.places_total
            ),
        ),
        Some(_) => {}
    }
}

/// Legal bases that fit each offer type. Foster-family bases (BL § 43, stk. 1, nr. 1–4) fit
/// none: a family is a `foster_family` record.
fn fits(offer_type: OfferType, basis: LegalBasis) -> bool {
    use LegalBasis::*;
    match offer_type {
        OfferType::Residential => matches!(
            basis,
            Bl43Nr5
                | Bl43Nr6
                | Bl43Nr7
                | Bl32Nr6
                | Bl32Nr7
                | Sel107
                | Sel108
                | Sel109
                | Sel110
                | Abl105
                | Sel85
        ),
        OfferType::Day => matches!(basis, Sel103 | Sel104 | Sel85),
        OfferType::Outpatient => matches!(basis, Sel85 | Sel101 | Sel101a | Sul141),
    }
}

/// The offer type should fit at least one legal basis (a warning: mixed offers exist).
fn offer_type(report: &mut Report, offer: &Offer) {
    if offer.legal_bases.is_empty() {
        return;
    }
    if !offer
        .legal_bases
        .iter()
        .any(|e| fits(offer.offer_type, e.basis))
    {
        let bases: Vec<&str> = offer.legal_bases.iter().map(|e| e.basis.code()).collect();
        report.warning(
            "offer_type",
            format!(
                "offer_type {} does not fit any of the legal bases {}",
                offer.offer_type.code(),
                bases.join(", ")
            ),
        );
    }
    for (i, entry) in offer.legal_bases.iter().enumerate() {
        if matches!(
            entry.basis,
            LegalBasis::Bl43Nr1 | LegalBasis::Bl43Nr2 | LegalBasis::Bl43Nr3 | LegalBasis::Bl43Nr4
        ) {
            report.warning(
                format!("legal_bases[{i}].basis"),
                format!(
                    "{} is a foster-family basis; foster families are foster_family records",
                    entry.basis.code()
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_support::{assert_found, offer, only};
    use crate::check::Severity::{Error, Warning};
    use crate::model::{FreePlaces, LegalBasisPlaces, Record};

    #[test]
    fn geography_codes_and_coordinates() {
        let mut o = offer();
        let a = &mut o.departments[0].address;
        a.municipality = 999;
        a.postal_code = 999;
        a.lat = 60.0;
        a.lon = -0.0;
        let findings = only(Record::Offer(o.clone()));
        let p = "departments[0].address";
        assert_found(
            &findings,
            &[
                (
                    Error,
                    &format!("{p}.municipality"),
                    "municipality 999 is not",
                ),
                (
                    Error,
                    &format!("{p}.postal_code"),
                    "postal_code 999 is outside 1000–9990",
                ),
                (
                    Error,
                    &format!("{p}.lat"),
                    "lat 60 is outside Denmark (54.5–57.8)",
                ),
                (
                    Error,
                    &format!("{p}.lon"),
                    "lon 0 is outside Denmark (8–15.3)",
                ),
            ],
        );

        let mut o = offer();
        let a = &mut o.departments[0].address;
        a.municipality = 101;
        a.region = 1081;
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    &format!("{p}.region"),
                    "municipality 101 København is in region 1084, not 1081",
                ),
                (Warning, &format!("{p}.lat"), "km from København V"),
            ],
        );
    }

    #[test]
    fn places_and_free_places() {
        let mut o = offer();
        o.places_total = 3;
        o.free_places = Some(FreePlaces {
            count: 4,
            reported: o.updated.places,
        });
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "free_places.count",
                    "free_places.count 4 is greater than places_total 3",
                ),
                (Warning, "places_total", "places_total is 3"),
            ],
        );

        o.free_places = None;
        o.occupancy_rate = Some(101.0);
        o.legal_bases.push(o.legal_bases[0].clone());
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (Warning, "free_places", "never been reported"),
                (
                    Error,
                    "occupancy_rate",
                    "occupancy_rate 101 is outside 0–100",
                ),
                (
                    Error,
                    "legal_bases[2].basis",
                    "is listed twice (also legal_bases[0])",
                ),
            ],
        );
    }

    #[test]
    fn offer_type_must_fit_a_legal_basis() {
        let mut o = offer();
        o.offer_type = OfferType::Residential;
        o.legal_bases = vec![LegalBasisPlaces {
            basis: LegalBasis::Sel103,
            places: o.places_total,
        }];
        for s in &mut o.services {
            s.basis = LegalBasis::Sel103;
        }
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[(
                Warning,
                "offer_type",
                "offer_type botilbud does not fit any of the legal bases sel_103",
            )],
        );
    }

    #[test]
    fn no_legal_bases_is_an_error() {
        let mut o = offer();
        o.legal_bases.clear();
        assert_found(
            &only(Record::Offer(o)),
            &[(Error, "legal_bases", "no legal bases")],
        );
    }
}
