//! Supervision: which authority may approve the record, whether it is the right one for the
//! record's region, the approval status and the authority's marking that the data are wrong.
//!
//! The municipality (`kommune`) approves only SEL §§ 103/104 offers and network foster families
//! (BL § 43, stk. 1, nr. 4); any other record approved by it is an **error**: it has not been
//! approved by the authority the law requires. A socialtilsyn that is not the one of the record's
//! region is a **warning** (each covers its own region, except that the host municipality's own
//! offers go to another one: [`Authority::host_municipality`]).
//!
//! Sanctions, the latest inspection and an unused approval ([`oversight`]) are what a caseworker
//! checks first: a standing påbud, skærpet tilsyn or ophør, and an approval that has lapsed (or
//! soon will) for being unused, are **warnings**; a sanction that cannot be true (lifted or due
//! before it was decided, a condition without its text) or a report link that is not `http(s)`
//! is an **error**.

use super::contacts;
use super::dates::plausible;
use super::text::{self, TextKind};
use super::Report;
use crate::model::{
    approval_lapse, FosterFamily, Inspection, Offer, Record, Sanction, APPROVAL_LAPSE_YEARS_FAMILY,
    APPROVAL_LAPSE_YEARS_OFFER,
};
use crate::vocab::{
    self, ApprovalScope, ApprovalStatus, Authority, FosterFamilyType, Ownership, SanctionKind,
};

/// An offer's authority, approval and marking.
pub(crate) fn offer(report: &mut Report, offer: &Offer) {
    let authority = offer.supervision.authority;
    let not_municipal: Vec<&str> = offer
        .legal_bases
        .iter()
        .filter(|e| !e.basis.municipally_approved())
        .map(|e| e.basis.code())
        .collect();
    if authority == Authority::Municipality {
        if !not_municipal.is_empty() {
            report.error(
                "supervision.authority",
                format!(
                    "authority kommune approves only sel_103, sel_104 and bl_43_stk1_nr4; \
                     this offer also has {}",
                    not_municipal.join(", ")
                ),
            );
        }
    } else {
        if not_municipal.is_empty() && !offer.legal_bases.is_empty() {
            report.warning(
                "supervision.authority",
                format!(
                    "{} supervises an offer whose legal bases are all approved by the municipality",
                    authority.label()
                ),
            );
        }
        let place = offer
            .departments
            .first()
            .and_then(|d| vocab::municipality(d.address.municipality));
        if let Some(place) = place {
            let expected = if offer.ownership == Ownership::Municipal && is_host(place) {
                Expected::NotRegional
            } else {
                Expected::Regional
            };
            region_authority(report, "supervision.authority", authority, place, expected);
        }
    }
    match offer.supervision.approval {
        ApprovalStatus::Ceased => report.warning(
            "supervision.approval",
            "approval is ophoert: the offer has ceased",
        ),
        ApprovalStatus::InProcess => report.warning(
            "supervision.approval",
            "approval is under_behandling: the offer is not approved yet",
        ),
        ApprovalStatus::Approved | ApprovalStatus::ConditionallyApproved => {}
    }
    if let Some(marking) = &offer.supervision.marking {
        report.warning(
            "supervision.marking",
            format!(
                "marked by {} on {} as having wrong data",
                authority.label(),
                marking.date
            ),
        );
        if marking.reason.trim().is_empty() {
            report.warning("supervision.marking.reason", "marking has no reason");
        } else {
            text::text(
                report,
                "supervision.marking.reason",
                &marking.reason,
                TextKind::Long,
            );
        }
    }
}

/// Sanctions, the latest inspection and approval lapse of any record; `prefix` is the path of
/// the fields' parent (`"supervision."` for offers, `""` for families).
pub(crate) fn oversight(report: &mut Report, prefix: &str, record: &Record) {
    let (unused_since, years, ceased) = match record {
        Record::Offer(o) => (
            o.supervision.unused_since,
            APPROVAL_LAPSE_YEARS_OFFER,
            o.supervision.approval == ApprovalStatus::Ceased,
        ),
        Record::FosterFamily(f) => (f.unused_since, APPROVAL_LAPSE_YEARS_FAMILY, false),
    };
    for (i, sanction) in record.sanctions().iter().enumerate() {
        self::sanction(report, &format!("{prefix}sanctions[{i}]"), sanction, ceased);
    }
    if let Some(inspection) = record.latest_inspection() {
        self::inspection(report, &format!("{prefix}latest_inspection"), inspection);
    }
    if let (Some(since), Some(lapses)) = (unused_since, record.approval_lapses_on()) {
        let field = format!("{prefix}unused_since");
        plausible(report, &field, since);
        match approval_lapse(lapses, report.today()) {
            Some(true) => report.warning(
                field,
                format!("approval lapsed on {lapses}: unused since {since}, {years} years"),
            ),
            Some(false) => report.warning(
                field,
                format!("approval lapses on {lapses}: unused since {since} ({years} years)"),
            ),
            None => {}
        }
    }
}

fn sanction(report: &mut Report, path: &str, sanction: &Sanction, ceased: bool) {
    let date = sanction.date;
    plausible(report, &format!("{path}.date"), date);
    if let Some(lifted) = sanction.lifted {
        plausible(report, &format!("{path}.lifted"), lifted);
        if lifted < date {
            report.error(
                format!("{path}.lifted"),
                format!("{path}.lifted {lifted} is before {path}.date {date}"),
            );
        }
    }
    if let Some(deadline) = sanction.deadline {
        if deadline < date {
            report.error(
                format!("{path}.deadline"),
                format!("{path}.deadline {deadline} is before {path}.date {date}"),
            );
        }
    }
    if sanction.text.trim().is_empty() {
        if sanction.kind == SanctionKind::Condition {
            report.error(
                format!("{path}.text"),
                "a condition (vilkaar) without its text: a caseworker cannot tell what it requires",
            );
        }
    } else {
        text::text(
            report,
            &format!("{path}.text"),
            &sanction.text,
            TextKind::Long,
        );
    }
    if sanction.is_active() && sanction.kind.serious() {
        report.warning(path, format!("{} since {date}", sanction.kind.label()));
    }
    if sanction.is_active() && sanction.kind == SanctionKind::Cessation && !ceased {
        report.warning(path, "a standing ophoer, but the approval is not ophoert");
    }
}

fn inspection(report: &mut Report, path: &str, inspection: &Inspection) {
    plausible(report, &format!("{path}.date"), inspection.date);
    for (name, link) in [
        ("report", &inspection.report),
        ("approval_report", &inspection.approval_report),
    ] {
        if let Some(url) = link {
            if let Err(why) = contacts::web_address(url) {
                report.error(format!("{path}.{name}"), format!("{path}.{name} {why}"));
            }
        }
    }
}

/// A foster family's approving authority.
pub(crate) fn foster_family(report: &mut Report, family: &FosterFamily) {
    let network = family.family_type == FosterFamilyType::Network;
    // A family approved for one named child (konkret godkendelse) is approved by the
    // municipality, whatever its type.
    let concrete = family.approval_scope == ApprovalScope::Concrete;
    match family.authority {
        Authority::Municipality if !network && !concrete => report.error(
            "authority",
            format!(
                "authority kommune approves only network foster families and families approved for one named child, not a generally approved {} family",
                family.family_type.code()
            ),
        ),
        Authority::Municipality => {}
        authority => {
            if network || concrete {
                report.warning(
                    "authority",
                    format!(
                        "{} are approved by the municipality, not {}",
                        if network {
                            "network foster families"
                        } else {
                            "families approved for one named child"
                        },
                        authority.label()
                    ),
                );
            }
            if let Some(place) = vocab::municipality(family.location.municipality) {
                // The law names the host municipality's own offers; for families living there
                // either answer is accepted.
                if !is_host(place) {
                    region_authority(report, "authority", authority, place, Expected::Regional);
                }
            }
        }
    }
}

/// Which socialtilsyn a record should have.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expected {
    /// The one of its region.
    Regional,
    /// Any but the one of its region: the host municipality's own offers.
    NotRegional,
}

/// Whether `place` hosts its region's socialtilsyn.
fn is_host(place: &vocab::Municipality) -> bool {
    Authority::for_region(place.region).host_municipality() == Some(place.code)
}

/// Warns when `authority` is not what `expected` says for `place`'s region.
fn region_authority(
    report: &mut Report,
    field: &str,
    authority: Authority,
    place: &vocab::Municipality,
    expected: Expected,
) {
    let region = place.region;
    let regional = Authority::for_region(region);
    match expected {
        Expected::NotRegional if authority == regional => report.warning(
            field,
            format!(
                "{} is hosted by {} and cannot supervise the municipality's own offers",
                regional.label(),
                place.name
            ),
        ),
        Expected::Regional if authority != regional => report.warning(
            field,
            format!(
                "authority is {}, but {} ({}) is covered by {}",
                authority.label(),
                place.name,
                region.label(),
                regional.label()
            ),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{assert_found, family, nothing_on, offer, only};
    use crate::check::Severity::{Error, Warning};
    use crate::model::{Marking, Record};
    use crate::vocab::{ApprovalStatus, Authority, FosterFamilyType, Ownership};

    #[test]
    fn kommune_approves_only_103_104_and_network_families() {
        let mut o = offer();
        o.supervision.authority = Authority::Municipality;
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[(
                Error,
                "supervision.authority",
                "this offer also has sel_108, sel_107",
            )],
        );

        let mut f = family();
        f.authority = Authority::Municipality;
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(&findings, &[(Error, "authority", "approves only network foster families and families approved for one named child, not a generally approved forstaerket family")]);
        f.family_type = FosterFamilyType::Network;
        assert!(nothing_on(&only(Record::FosterFamily(f)), "authority"));
    }

    #[test]
    fn authority_of_the_region_and_host_rule() {
        let mut o = offer();
        o.supervision.authority = Authority::Nord;
        let findings = only(Record::Offer(o.clone()));
        assert_found(&findings, &[(Warning, "supervision.authority", "authority is Socialtilsyn Nord, but Aarhus (Region Midtjylland) is covered by Socialtilsyn Midt")]);

        // A municipal offer in Silkeborg, host of Socialtilsyn Midt, must go to another one.
        o.departments.truncate(1);
        let a = &mut o.departments[0].address;
        a.municipality = 740;
        a.postal_code = 8600;
        a.lat = 56.17;
        a.lon = 9.55;
        o.ownership = Ownership::Municipal;
        o.supervision.authority = Authority::Midt;
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[(
                Warning,
                "supervision.authority",
                "Socialtilsyn Midt is hosted by Silkeborg",
            )],
        );
        o.supervision.authority = Authority::Nord;
        assert!(nothing_on(&only(Record::Offer(o)), "supervision.authority"));
    }

    #[test]
    fn ceased_and_marked_offers_are_warned_about() {
        let mut o = offer();
        o.supervision.approval = ApprovalStatus::Ceased;
        o.supervision.marking = Some(Marking {
            date: o.updated.general,
            reason: " ".into(),
        });
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (Warning, "supervision.approval", "approval is ophoert"),
                (
                    Warning,
                    "supervision.marking",
                    "marked by Socialtilsyn Midt on",
                ),
                (Warning, "supervision.marking.reason", "no reason"),
            ],
        );
    }

    #[test]
    fn sanctions_inspections_and_lapse() {
        use crate::date::ymd as day;
        use crate::model::{Inspection, Sanction};
        use crate::vocab::{InspectionKind, SanctionKind};
        let mut o = offer();
        o.supervision.sanctions = vec![
            Sanction {
                kind: SanctionKind::EnhancedSupervision,
                date: day(2026, 9, 1),
                text: String::new(),
                deadline: None,
                lifted: None,
            },
            Sanction {
                kind: SanctionKind::Condition,
                date: day(2026, 5, 1),
                text: " ".into(),
                deadline: Some(day(2026, 4, 1)),
                lifted: None,
            },
            Sanction {
                kind: SanctionKind::Order,
                date: day(2025, 1, 1),
                text: "Dokumentation".into(),
                deadline: None,
                lifted: Some(day(2024, 12, 1)),
            },
        ];
        o.supervision.latest_inspection = Some(Inspection {
            date: day(2026, 10, 1),
            kind: InspectionKind::Unannounced,
            report: Some("javascript:alert(1)".into()),
            approval_report: Some("https://www.hjoring.dk/rapport.pdf".into()),
        });
        o.supervision.unused_since = Some(day(2024, 11, 1));
        let findings = only(Record::Offer(o.clone()));
        assert_found(
            &findings,
            &[
                (
                    Warning,
                    "supervision.sanctions[0]",
                    "Skærpet tilsyn since 2026-09-01",
                ),
                (
                    Error,
                    "supervision.sanctions[1].text",
                    "a condition (vilkaar) without its text",
                ),
                (
                    Error,
                    "supervision.sanctions[1].deadline",
                    "is before supervision.sanctions[1].date 2026-05-01",
                ),
                (
                    Error,
                    "supervision.sanctions[2].lifted",
                    "is before supervision.sanctions[2].date 2025-01-01",
                ),
                (Error, "supervision.latest_inspection.report", "has scheme"),
            ],
        );
        assert!(nothing_on(
            &findings,
            "supervision.latest_inspection.approval_report"
        ));
        // Unused since 2024-11-01: an offer's approval lapses two years later, before today.
        assert_found(
            &findings,
            &[(
                Warning,
                "supervision.unused_since",
                "approval lapsed on 2026-11-01: unused since 2024-11-01, 2 years",
            )],
        );

        // A family has three years; 2024-11-01 + 3 years is a year ahead: no warning yet.
        let mut f = family();
        f.unused_since = Some(day(2024, 11, 1));
        assert!(nothing_on(
            &only(Record::FosterFamily(f.clone())),
            "unused_since"
        ));
        f.unused_since = Some(day(2023, 12, 1));
        assert_found(
            &only(Record::FosterFamily(f)),
            &[(
                Warning,
                "unused_since",
                "approval lapses on 2026-12-01: unused since 2023-12-01 (3 years)",
            )],
        );
    }
}
