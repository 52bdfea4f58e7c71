//! Services and economy: each service's legal basis, target groups and ages, its rates (unit,
//! amount, year), the citizen's rent, the quality scores, staffing ratio, methods and staff.

use std::collections::HashSet;

use super::text::{self, TextKind};
use super::{number, Report};
use crate::model::{Offer, QualityScore, Rate, Service};
use crate::vocab::{Audience, LegalBasis, RateUnit, TargetGroup};

/// Oldest age any record may give.
pub const MAX_AGE: u8 = 120;
/// Oldest age under Barnets Lov: with efterværn, support runs until the 23rd birthday.
pub const MAX_CHILD_AGE: u8 = 22;
/// Adults' law applies from this age.
pub const ADULT_AGE: u8 = 18;
/// Highest citizen's rent a month, DKK.
pub const MAX_MONTHLY_RENT: f64 = 50_000.0;
/// Highest deposit, DKK.
pub const MAX_DEPOSIT: f64 = 500_000.0;
/// Highest staffing ratio (staff per resident).
pub const MAX_STAFFING_RATIO: f64 = 10.0;
/// Quality-model scores run from 1 to 5.
pub const QUALITY_RANGE: (f64, f64) = (1.0, 5.0);

/// Plausible base-rate amounts per unit, in DKK (inclusive). Add-on rates need only be above 0
/// and at most the upper bound.
pub fn amount_bounds(unit: RateUnit) -> (f64, f64) {
    match unit {
        RateUnit::Per24Hours => (300.0, 60_000.0),
        RateUnit::PerDay => (100.0, 10_000.0),
        RateUnit::PerMonth => (1_000.0, 400_000.0),
        RateUnit::PerHour => (100.0, 3_000.0),
        RateUnit::PerCourse => (1_000.0, 500_000.0),
    }
}

/// A rate's year may be at most this many years after today's year…
pub const RATE_YEARS_AHEAD: i32 = 1;
/// …and at most this many years before it (older is an error)…
pub const RATE_YEARS_BEHIND_ERROR: i32 = 10;
/// …and more than this many years before it is a warning (a stale rate).
pub const RATE_YEARS_BEHIND_WARNING: i32 = 1;

/// All services of an offer, its rent, quality scores and professional approach.
pub(crate) fn offer(report: &mut Report, offer: &Offer) {
    if offer.services.is_empty() {
        report.error("services", "no services; at least one is required");
    }
    let mut bases: Vec<LegalBasis> = Vec::new();
    for entry in &offer.legal_bases {
        if !bases.contains(&entry.basis) {
            bases.push(entry.basis);
        }
    }
    for (i, service) in offer.services.iter().enumerate() {
        check_service(report, &format!("services[{i}]"), service, &bases);
    }
    if let Some(rent) = &offer.rent {
        amount_in(report, "rent.monthly", rent.monthly, 0.0, MAX_MONTHLY_RENT);
        if let Some(deposit) = rent.deposit {
            amount_in(report, "rent.deposit", deposit, 0.0, MAX_DEPOSIT);
        }
    }
    quality(report, &offer.quality, false);
    if let Some(ratio) = offer.staffing_ratio {
        if ratio.is_nan() || ratio <= 0.0 || ratio > MAX_STAFFING_RATIO {
            report.error(
                "staffing_ratio",
                format!(
                    "staffing_ratio {} is outside (0, {MAX_STAFFING_RATIO}] staff per resident",
                    number(ratio)
                ),
            );
        }
    }
    string_list(report, "methods", &offer.methods);
    string_list(report, "staff_groups", &offer.staff_groups);
}

fn check_service(report: &mut Report, path: &str, service: &Service, bases: &[LegalBasis]) {
    if !bases.is_empty() && !bases.contains(&service.basis) {
        let listed: Vec<&str> = bases.iter().map(|b| b.code()).collect();
        report.error(
            format!("{path}.basis"),
            format!(
                "basis {} is not one of the offer's legal bases ({})",
                service.basis.code(),
                listed.join(", ")
            ),
        );
    }
    if service.target_groups.is_empty() {
        report.error(
            format!("{path}.target_groups"),
            "no target groups; at least one is required",
        );
    }
    target_groups_once(
        report,
        &format!("{path}.target_groups"),
        &service.target_groups,
    );
    ages(
        report,
        path,
        service.age_from,
        service.age_to,
        Some(service.basis),
    );
    rates(report, path, service);
}

/// Ages from–to, and whether they fit the legal basis's audience (children's law up to 22,
/// adults' law from 18). A foster family passes `None` and is held to children's ages.
pub(crate) fn ages(
    report: &mut Report,
    path: &str,
    age_from: u8,
    age_to: u8,
    basis: Option<LegalBasis>,
) {
    let field = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    if age_from > age_to {
        report.error(
            field("age_from"),
            format!("age_from {age_from} is greater than age_to {age_to}"),
        );
    }
    for (name, age) in [("age_from", age_from), ("age_to", age_to)] {
        if age > MAX_AGE {
            report.error(field(name), format!("{name} {age} is above {MAX_AGE}"));
        }
    }
    let audience = basis.map_or(Audience::Children, LegalBasis::audience);
    let law = basis.map_or("a foster family".to_owned(), |b| {
        format!("children's basis {}", b.code())
    });
    match audience {
        Audience::Children if age_to > MAX_CHILD_AGE => report.error(
            field("age_to"),
            format!(
                "age_to {age_to} is above {MAX_CHILD_AGE} for {law}; Barnets Lov covers up to {MAX_CHILD_AGE}"
            ),
        ),
        Audience::Adults if age_to < ADULT_AGE => report.error(
            field("age_to"),
            format!(
                "age_to {age_to} is below {ADULT_AGE} for adults' basis {}; adults' law applies from {ADULT_AGE}",
                basis.map_or("", LegalBasis::code)
            ),
        ),
        Audience::Adults if age_from < ADULT_AGE => report.warning(
            field("age_from"),
            format!(
                "age_from {age_from} is below {ADULT_AGE} for adults' basis {}",
                basis.map_or("", LegalBasis::code)
            ),
        ),
        _ => {}
    }
}

fn rates(report: &mut Report, path: &str, service: &Service) {
    if service.rates.is_empty() {
        report.warning(format!("{path}.rates"), "no rates");
        return;
    }
    if service.rates.iter().all(|r| r.addon) {
        report.warning(format!("{path}.rates"), "only add-on rates; no base rate");
    }
    let this_year = report.today().ymd().0;
    for (j, rate) in service.rates.iter().enumerate() {
        check_rate(
            report,
            &format!("{path}.rates[{j}]"),
            rate,
            service.basis,
            this_year,
        );
    }
}

fn check_rate(report: &mut Report, path: &str, rate: &Rate, basis: LegalBasis, this_year: i32) {
    let allowed = basis.allowed_units();
    if !allowed.contains(&rate.unit) {
        let expected: Vec<&str> = allowed.iter().map(|u| u.code()).collect();
        report.error(
            format!("{path}.unit"),
            format!(
                "unit {} is not a unit for {}; expected {}",
                rate.unit.code(),
                basis.code(),
                expected.join(" or ")
            ),
        );
    }
    let (low, high) = amount_bounds(rate.unit);
    let field = format!("{path}.amount");
    if rate.amount.is_nan() || rate.amount <= 0.0 {
        report.error(
            field,
            format!("amount {} is not above 0", number(rate.amount)),
        );
    } else if rate.addon {
        if rate.amount > high {
            report.error(
                field,
                format!(
                    "add-on amount {} DKK is above {} DKK {}",
                    number(rate.amount),
                    number(high),
                    rate.unit.label()
                ),
            );
        }
    } else if !(low..=high).contains(&rate.amount) {
        report.error(
            field,
            format!(
                "amount {} DKK {} is outside {}–{}",
                number(rate.amount),
                rate.unit.label(),
                number(low),
                number(high)
            ),
        );
    }
    let year = i32::from(rate.year);
    let field = format!("{path}.year");
    if year > this_year + RATE_YEARS_AHEAD {
        report.error(
            field,
            format!("year {year} is more than {RATE_YEARS_AHEAD} year after {this_year}"),
        );
    } else if year < this_year - RATE_YEARS_BEHIND_ERROR {
        report.error(
            field,
            format!("year {year} is more than {RATE_YEARS_BEHIND_ERROR} years before {this_year}"),
        );
    } else if year < this_year - RATE_YEARS_BEHIND_WARNING {
        report.warning(field, format!("rate is for {year}; it may be out of date"));
    }
    match &rate.label {
        Some(label) => text::text(report, &format!("{path}.label"), label, TextKind::Short),
        None if rate.addon => report.warning(
            format!("{path}.label"),
            "add-on rate has no label saying what it covers",
        ),
        None => {}
    }
}

/// An amount in `[low, high]`.
fn amount_in(report: &mut Report, field: &str, amount: f64, low: f64, high: f64) {
    if !(low..=high).contains(&amount) {
        report.error(
            field,
            format!(
                "{field} {} DKK is outside {}–{}",
                number(amount),
                number(low),
                number(high)
            ),
        );
    }
}

/// Target groups (of a service or a foster family) each listed once: a repeat is a warning.
pub(crate) fn target_groups_once(report: &mut Report, path: &str, groups: &[TargetGroup]) {
    super::listed_once(report, path, groups, |group| {
        format!("target group {:?} is listed twice", group.code())
    });
}

/// A list of short texts (methods, staff groups, competences): no blanks, no repeats.
pub(crate) fn string_list(report: &mut Report, path: &str, values: &[String]) {
    let mut seen = HashSet::new();
    for (i, value) in values.iter().enumerate() {
        let field = format!("{path}[{i}]");
        if value.trim().is_empty() {
            report.warning(&field, format!("{field} is empty"));
            continue;
        }
        text::text(report, &field, value, TextKind::Short);
        if !seen.insert(value.as_str()) {
            report.warning(&field, format!("{field} repeats {}", super::quoted(value)));
        }
    }
}

/// Quality-model scores: each 1–5, each theme once, and only the themes of the record's kind
/// (foster families are scored on family structure instead of organisation).
pub(crate) fn quality(report: &mut Report, scores: &[QualityScore], foster_family: bool) {
    let mut themes = HashSet::new();
    for (i, score) in scores.iter().enumerate() {
        let (low, high) = QUALITY_RANGE;
        if !(low..=high).contains(&score.score) {
            report.error(
                format!("quality[{i}].score"),
                format!(
                    "quality score {} is outside {low}–{high}",
                    number(score.score)
                ),
            );
        }
        if !themes.insert(score.theme) {
            report.error(
                format!("quality[{i}].theme"),
                format!("quality theme {} is scored twice", score.theme.code()),
            );
        }
        if !score.theme.applies_to(foster_family) {
            report.error(
                format!("quality[{i}].theme"),
                format!(
                    "quality theme {} is not scored for {}",
                    score.theme.code(),
                    if foster_family {
                        "foster families"
                    } else {
                        "offers"
                    }
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
    use crate::model::Record;
    use crate::vocab::QualityTheme;

    #[test]
    fn ages_fit_the_basis() {
        let mut o = offer();
        o.services[0].age_from = 25;
        o.services[0].age_to = 18;
        o.services[1].age_to = 121;
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "services[0].age_from",
                    "age_from 25 is greater than age_to 18",
                ),
                (Error, "services[1].age_to", "age_to 121 is above 120"),
            ],
        );

        o.services[1].age_from = 10;
        o.services[1].age_to = 17;
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[(
                Error,
                "services[1].age_to",
                "age_to 17 is below 18 for adults' basis sel_107",
            )],
        );

        o.services[1].age_to = 30;
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[(
                Warning,
                "services[1].age_from",
                "age_from 10 is below 18 for adults' basis sel_107",
            )],
        );
    }

    #[test]
    fn children_basis_with_adult_ages() {
        let mut o = offer();
        o.legal_bases[0].basis = LegalBasis::Bl43Nr6;
        o.services[0].basis = LegalBasis::Bl43Nr6;
        o.services[0].age_from = 12;
        o.services[0].age_to = 23;
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[(
                Error,
                "services[0].age_to",
                "age_to 23 is above 22 for children's basis bl_43_stk1_nr6",
            )],
        );
        o.services[0].age_to = 22;
        assert!(!only(Record::Offer(o))
            .iter()
            .any(|f| f.field.starts_with("services[0].age")));
    }

    #[test]
    fn service_basis_must_be_the_offers() {
        let mut o = offer();
        o.services[0].basis = LegalBasis::Sel110;
        o.services[0].target_groups.clear();
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "services[0].basis",
                    "basis sel_110 is not one of the offer's legal bases (sel_108, sel_107)",
                ),
                (Error, "services[0].target_groups", "no target groups"),
            ],
        );
    }

    #[test]
    fn rates_units_amounts_and_years() {
        let mut o = offer();
        let rate = o.services[0].rates[0].clone();
        let mut hourly = rate.clone();
        hourly.unit = RateUnit::PerHour;
        let mut negative = rate.clone();
        negative.amount = -5.0;
        let mut absurd = rate.clone();
        absurd.amount = 1e9;
        let mut future = rate.clone();
        future.year = 2030;
        let mut old = rate.clone();
        old.year = 2024;
        o.services[0].rates = vec![hourly, negative, absurd, future, old];
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "services[0].rates[0].unit",
                    "unit time is not a unit for sel_108; expected doegn",
                ),
                (
                    Error,
                    "services[0].rates[1].amount",
                    "amount -5 is not above 0",
                ),
                (
                    Error,
                    "services[0].rates[2].amount",
                    "amount 1000000000 DKK pr. døgn is outside 300–60000",
                ),
                (
                    Error,
                    "services[0].rates[3].year",
                    "year 2030 is more than 1 year after 2026",
                ),
                (Warning, "services[0].rates[4].year", "rate is for 2024"),
            ],
        );

        o.services[0].rates.clear();
        o.services[1].rates.iter_mut().for_each(|r| r.addon = true);
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (Warning, "services[0].rates", "no rates"),
                (Warning, "services[1].rates", "only add-on rates"),
            ],
        );
    }

    #[test]
    fn every_unit_has_sane_bounds() {
        for unit in RateUnit::ALL {
            let (low, high) = amount_bounds(*unit);
            assert!(0.0 < low && low < high, "{unit:?}");
        }
    }

    #[test]
    fn quality_rent_and_staffing() {
        let mut o = offer();
        o.quality.push(QualityScore {
            theme: QualityTheme::Health,
            score: 6.0,
        });
        o.quality.push(QualityScore {
            theme: QualityTheme::Health,
            score: 0.5,
        });
        o.quality.push(QualityScore {
            theme: QualityTheme::FamilyStructure,
            score: 4.0,
        });
        o.rent = Some(crate::model::Rent {
            monthly: -1.0,
            deposit: Some(1e7),
        });
        o.staffing_ratio = Some(0.0);
        o.methods.push(" ".into());
        let o_quality_len = o.quality.len();
        let findings = only(Record::Offer(o));
        let n = findings
            .iter()
            .filter(|f| f.field.starts_with("quality["))
            .count();
        assert!(n >= 3, "{findings:?}");
        assert!(findings
            .iter()
            .any(|f| f.message.contains("quality score 6 is outside 1–5")));
        let last = o_quality_len - 1;
        assert!(findings
            .iter()
            .any(|f| f.field == format!("quality[{last}].theme")
                && f.message
                    == "quality theme familiestruktur_familiedynamik is not scored for offers"));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "rent.monthly",
                    "rent.monthly -1 DKK is outside 0–50000",
                ),
                (
                    Error,
                    "rent.deposit",
                    "rent.deposit 10000000 DKK is outside 0–500000",
                ),
                (Error, "staffing_ratio", "staffing_ratio 0 is outside"),
            ],
        );
        assert!(findings
            .iter()
            .any(|f| f.field.starts_with("methods[") && f.message.ends_with("is empty")));
    }
}
