//! Identity: ids (well-formed, unique across the catalogue), names, description, owner, CVR and
//! P-numbers, departments.

use std::collections::HashSet;

use super::text::{self, TextKind};
use super::{quoted, IdRegistry, Report};
use crate::model::{FosterFamily, Offer};
use crate::vocab;

/// CVR weights of the modulus-11 check, digit by digit.
const CVR_WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];

/// An offer's identity, its departments' ids and names, and duplicates of either.
pub(crate) fn offer(report: &mut Report, offer: &Offer, ids: &mut IdRegistry) {
    record_id(report, &offer.id, ids);
    text::name(report, "name", &offer.name);
    description(report, &offer.description);
    if offer.owner.trim().is_empty() {
        report.warning("owner", "owner is missing");
    } else {
        text::text(report, "owner", &offer.owner, TextKind::Short);
    }
    cvr(report, "cvr", &offer.cvr);
    if let Some(code) = offer.operating_agreement {
        if vocab::municipality(code).is_none() {
            report.error(
                "operating_agreement",
                format!("operating_agreement {code} is not a Danish municipality code"),
            );
        }
    }
    if offer.departments.is_empty() {
        report.error("departments", "no departments; at least one is required");
    }
    let mut in_record = HashSet::new();
    for (i, department) in offer.departments.iter().enumerate() {
        let field = format!("departments[{i}].id");
        if text::id(report, &field, &department.id) {
            if !in_record.insert(department.id.as_str()) {
                report.error(
                    &field,
                    format!(
                        "department id {} is used twice in this offer",
                        quoted(&department.id)
                    ),
                );
            } else if let Some(first) = ids.department(&department.id, report.line()) {
                report.error(
                    &field,
                    format!(
                        "duplicate department id {}: already used on line {first}",
                        quoted(&department.id)
                    ),
                );
            }
        }
        text::name(report, &format!("departments[{i}].name"), &department.name);
        if let Some(p_number) = &department.p_number {
            p_number_digits(report, &format!("departments[{i}].p_number"), p_number);
        }
    }
}

/// A foster family's id, name and description.
pub(crate) fn foster_family(report: &mut Report, family: &FosterFamily, ids: &mut IdRegistry) {
    record_id(report, &family.id, ids);
    text::name(report, "name", &family.name);
    description(report, &family.description);
}

/// A record id: well-formed and not used by an earlier record.
fn record_id(report: &mut Report, id: &str, ids: &mut IdRegistry) {
    if text::id(report, "id", id) {
        if let Some(first) = ids.record(id, report.line()) {
            report.error(
                "id",
                format!("duplicate id {}: already used on line {first}", quoted(id)),
            );
        }
    }
}

fn description(report: &mut Report, value: &str) {
    if value.trim().is_empty() {
        report.warning("description", "description is missing");
    } else {
        text::text(report, "description", value, TextKind::Long);
    }
}

/// A CVR number: 8 digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11.
pub(crate) fn cvr(report: &mut Report, field: &str, value: &str) {
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        report.error(field, format!("{field} {} is not 8 digits", quoted(value)));
        return;
    }
    if !cvr_checksum_ok(value) {
        report.error(
            field,
            format!("{field} {} fails the CVR modulus-11 check", quoted(value)),
        );
    }
}

/// The modulus-11 check of an 8-digit CVR number.
pub fn cvr_checksum_ok(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .zip(CVR_WEIGHTS)
        .map(|(digit, weight)| u32::from(digit - b'0') * weight)
        .sum();
    digits.len() == 8 && sum.is_multiple_of(11)
}

/// A P-number: 10 digits.
fn p_number_digits(report: &mut Report, field: &str, value: &str) {
    if value.len() != 10 || !value.bytes().all(|b| b.is_ascii_digit()) {
        report.error(field, format!("{field} {} is not 10 digits", quoted(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_support::{assert_found, check_all, family, offer, only, report, today};
    use crate::check::Severity::{Error, Warning};
    use crate::check::{CheckOptions, Checker, Outcome};
    use crate::model::Record;

    #[test]
    fn cvr_modulus_11() {
        // Weighted sums 66 and 132: both divisible by 11.
        assert!(cvr_checksum_ok("10150817"));
        assert!(cvr_checksum_ok("24256790"));
        assert!(!cvr_checksum_ok("10150818"));
        let mut r = report();
        cvr(&mut r, "cvr", "10150818");
        cvr(&mut r, "cvr", "1015081");
        cvr(&mut r, "cvr", "1015081x");
        cvr(&mut r, "cvr", "10150817");
        assert_eq!(r.findings.len(), 3);
        assert!(r.findings[0]
            .message
            .contains("fails the CVR modulus-11 check"));
        assert!(r.findings[1]
            .message
            .contains("\"1015081\" is not 8 digits"));
    }

    #[test]
    fn p_number_is_ten_digits() {
        let mut o = offer();
        o.departments[0].p_number = Some("123456789".into());
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[(
                Error,
                "departments[0].p_number",
                "departments[0].p_number \"123456789\" is not 10 digits",
            )],
        );
    }

    #[test]
    fn blank_and_missing_identity_fields() {
        let mut o = offer();
        o.name = " ".into();
        o.description.clear();
        o.owner.clear();
        o.departments.clear();
        o.operating_agreement = Some(999);
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (Error, "name", "name is empty"),
                (Warning, "description", "description is missing"),
                (Warning, "owner", "owner is missing"),
                (Error, "departments", "no departments"),
                (
                    Error,
                    "operating_agreement",
                    "999 is not a Danish municipality",
                ),
            ],
        );
    }

    #[test]
    fn duplicate_record_and_department_ids() {
        let a = offer();
        let mut b = offer();
        b.departments[0].id = "other-dept".into();
        let mut c = offer();
        c.id = "T-2".into();
        let mut d = family();
        d.id = a.id.clone();
        let mut e = offer();
        e.id = "T-3".into();
        e.departments.push(e.departments[0].clone());
        e.departments[0].id = "unique-1".into();
        e.departments[1].id = "unique-1".into();
        let results = check_all(vec![
            Record::Offer(a.clone()),
            Record::Offer(b),
            Record::Offer(c),
            Record::FosterFamily(d),
            Record::Offer(e),
        ]);
        assert!(results[0].is_empty(), "{:?}", results[0]);
        let id_message = format!("duplicate id \"{}\": already used on line 1", a.id);
        assert_found(&results[1], &[(Error, "id", &id_message)]);
        assert_found(
            &results[2],
            &[(Error, "departments[0].id", "duplicate department id")],
        );
        assert_found(&results[3], &[(Error, "id", &id_message)]);
        assert_found(
            &results[4],
            &[(Error, "departments[1].id", "used twice in this offer")],
        );
    }

    #[test]
    fn item_5_a_rejected_records_id_is_escaped_in_its_outcome_and_findings() {
        let mut o = offer();
        o.id = "T-1\n\u{1b}[2J\u{202E}".into();
        let mut checker = Checker::new(CheckOptions { today: today() });
        let Outcome::Rejected { id, findings, .. } = checker.check_record(1, Record::Offer(o))
        else {
            panic!("a malformed id is an error");
        };
        assert_eq!(id.as_deref(), Some("T-1\\u{a}\\u{1b}[2J\\u{202e}"));
        for finding in &findings {
            assert_eq!(finding.id, id, "{finding:?}");
            assert!(!finding
                .message
                .chars()
                .any(|c| c.is_control() || c == '\u{202E}'));
        }
    }
}
