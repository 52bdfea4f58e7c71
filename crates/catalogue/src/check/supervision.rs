//! Supervision: which authority may approve the record, whether it is the right one for the
//! record's region, the approval status and the authority's marking that the data are wrong.
//!
//! The municipality (`kommune`) approves only SEL §§ 103/104 offers and network foster families
//! (BL § 43, stk. 1, nr. 4); any other record approved by it is an **error**: it has not been
//! approved by the authority the law requires. A socialtilsyn that is not the one of the record's
//! region is a **warning** (each covers its own region, except that the host municipality's own
//! offers go to another one: [`Authority::host_municipality`]).

use super::text::{self, TextKind};
use super::Report;
use crate::model::{FosterFamily, Offer};
use crate::vocab::{self, ApprovalStatus, Authority, FosterFamilyType, Ownership};

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

/// A foster family's approving authority.
pub(crate) fn foster_family(report: &mut Report, family: &FosterFamily) {
    let network = family.family_type == FosterFamilyType::Network;
    match family.authority {
        Authority::Municipality if !network => report.error(
            "authority",
            format!(
                "authority kommune approves only network foster families, not {}",
                family.family_type.code()
            ),
        ),
        Authority::Municipality => {}
        authority => {
            if network {
                report.warning(
                    "authority",
                    format!(
                        "network foster families are approved by the municipality, not {}",
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
    use crate::check::test_support::{family, found, offer, only};
    use crate::check::Severity::{Error, Warning};
    use crate::model::{Marking, Record};
    use crate::vocab::{ApprovalStatus, Authority, FosterFamilyType, Ownership};

    #[test]
    fn kommune_approves_only_103_104_and_network_families() {
        let mut o = offer();
        o.supervision.authority = Authority::Municipality;
        let findings = only(Record::Offer(o));
        assert!(found(
            &findings,
            Error,
            "supervision.authority",
            "this offer also has sel_108, sel_107"
        ));

        let mut f = family();
        f.authority = Authority::Municipality;
        let findings = only(Record::FosterFamily(f.clone()));
        assert!(found(
            &findings,
            Error,
            "authority",
            "approves only network foster families, not forstaerket"
        ));
        f.family_type = FosterFamilyType::Network;
        assert!(!only(Record::FosterFamily(f))
            .iter()
            .any(|x| x.field == "authority"));
    }

    #[test]
    fn authority_of_the_region_and_host_rule() {
        let mut o = offer();
        o.supervision.authority = Authority::Nord;
        let findings = only(Record::Offer(o.clone()));
        assert!(found(&findings, Warning, "supervision.authority", "authority is Socialtilsyn Nord, but Aarhus (Region Midtjylland) is covered by Socialtilsyn Midt"));

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
        assert!(found(
            &findings,
            Warning,
            "supervision.authority",
            "Socialtilsyn Midt is hosted by Silkeborg"
        ));
        o.supervision.authority = Authority::Nord;
        assert!(!only(Record::Offer(o))
            .iter()
            .any(|x| x.field == "supervision.authority"));
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
        assert!(found(
            &findings,
            Warning,
            "supervision.approval",
            "approval is ophoert"
        ));
        assert!(found(
            &findings,
            Warning,
            "supervision.marking",
            "marked by Socialtilsyn Midt on"
        ));
        assert!(found(
            &findings,
            Warning,
            "supervision.marking.reason",
            "no reason"
        ));
    }
}
