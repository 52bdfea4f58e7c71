//! Foster families: what they are approved for, children approved and placed, free places, ages,
//! pause, respite days, target groups, competences and location.
//!
//! Numbers that contradict each other (more children placed than approved for, more free places
//! than are left, a pause that ends before it starts) are **errors**: a consultant would be sent
//! to a family that has no place. Gaps (approved for respite with no days given, no target
//! groups) are **warnings**.

use super::places::{self, Position};
use super::services::{self, string_list};
use super::text::{self, TextKind};
use super::Report;
use crate::model::FosterFamily;
use crate::vocab::{CareKind, FosterFamilyType};

/// More children than this in one family is not a real approval.
pub const MAX_CHILDREN_APPROVED: u8 = 10;
/// The oldest a child living in a foster home can be (own children may be young adults).
pub const MAX_CHILD_AGE: u8 = 30;
/// Respite days a month can be at most the days of a month.
pub const MAX_RESPITE_DAYS: u8 = 31;

/// The family-specific rules.
pub(crate) fn check(report: &mut Report, family: &FosterFamily) {
    approval_kinds(report, family);
    children(report, family);
    services::ages(report, "", family.age_from, family.age_to, None);
    if let Some(pause) = &family.pause {
        if let Some(until) = pause.until {
            if until < pause.from {
                report.error(
                    "pause.until",
                    format!("pause.until {until} is before pause.from {}", pause.from),
                );
            } else if until < report.today() {
                report.warning(
                    "pause.until",
                    format!("pause ended on {until}; the record still says the family is on pause"),
                );
            }
        }
        if family.paused_on(report.today()) {
            for (field, free) in [
                ("free_places.count", family.free_places.count),
                (
                    "free_respite_places",
                    family.free_respite_places.unwrap_or(0),
                ),
            ] {
                if free > 0 {
                    report.warning(
                        field,
                        format!("{field} is {free} while the family is on pause"),
                    );
                }
            }
        }
    }
    if family.target_groups.is_empty() {
        report.warning("target_groups", "no target groups");
    }
    services::target_groups_once(report, "target_groups", &family.target_groups);
    string_list(report, "competences", &family.competences);
    services::quality(report, &family.quality, true);
    let location = &family.location;
    if location.city.trim().is_empty() {
        report.warning("location.city", "location.city is missing");
    } else {
        text::text(report, "location.city", &location.city, TextKind::Short);
    }
    places::position(report, "location", &Position::from(location));
}

fn approval_kinds(report: &mut Report, family: &FosterFamily) {
    if family.approved_for.is_empty() {
        report.error(
            "approved_for",
            "approved for nothing; at least one of doegnanbringelse, stoetteophold, dagophold is required",
        );
    }
    super::listed_once(report, "approved_for", &family.approved_for, |kind| {
        format!("{} is listed twice", kind.code())
    });
    let respite = family.approved_for.contains(&CareKind::Respite);
    match family.respite_days_per_month {
        None | Some(0) if respite => report.warning(
            "respite_days_per_month",
            "approved for stoetteophold but respite_days_per_month is missing",
        ),
        Some(days) if days > MAX_RESPITE_DAYS => report.error(
            "respite_days_per_month",
            format!("respite_days_per_month {days} is more than {MAX_RESPITE_DAYS}"),
        ),
        Some(days) if days > 0 && !respite => report.warning(
            "respite_days_per_month",
            format!(
                "respite_days_per_month is {days} but the family is not approved for stoetteophold"
            ),
        ),
        _ => {}
    }
    // Emergency placements (akutanbringelser) go to reinforced or specialised families, not to
    // general or network families.
    if family.emergency
        && matches!(
            family.family_type,
            FosterFamilyType::General | FosterFamilyType::Network
        )
    {
        report.warning(
            "emergency",
            format!(
                "emergency placements are not for {} families",
                family.family_type.code()
            ),
        );
    }
}

fn children(report: &mut Report, family: &FosterFamily) {
    let approved = family.children_approved;
    if approved == 0 {
        report.error("children_approved", "children_approved is 0");
    } else if approved > MAX_CHILDREN_APPROVED {
        report.error(
            "children_approved",
            format!("children_approved {approved} is more than {MAX_CHILDREN_APPROVED}"),
        );
    }
    let placed = family.children_placed;
    if placed > approved {
        report.error(
            "children_placed",
            format!("children_placed {placed} is greater than children_approved {approved}"),
        );
    }
    let in_home = family.children_in_home.len();
    if let Some(age) = family.children_in_home.iter().find(|&&a| a > MAX_CHILD_AGE) {
        report.error(
            "children_in_home",
            format!("children_in_home has an age of {age}; a child in the home is at most {MAX_CHILD_AGE}"),
        );
    }
    if in_home > 0 && in_home != usize::from(family.own_children) + usize::from(placed) {
        report.warning(
            "children_in_home",
            format!(
                "children_in_home lists {in_home} children, but own_children {} + children_placed {placed} is {}",
                family.own_children,
                usize::from(family.own_children) + usize::from(placed)
            ),
        );
    }
    for (kind, field, free) in [
        (
            CareKind::Placement,
            "free_places.count",
            family.free_places.count,
        ),
        (
            CareKind::Respite,
            "free_respite_places",
            family.free_respite_places.unwrap_or(0),
        ),
    ] {
        if free > 0 && !family.approved_for.contains(&kind) {
            report.error(
                field,
                format!(
                    "{field} is {free}, but the family is not approved for {}",
                    kind.code()
                ),
            );
        }
    }
    if let Some(respite) = family.free_respite_places {
        if respite > u32::from(MAX_CHILDREN_APPROVED) {
            report.error(
                "free_respite_places",
                format!("free_respite_places {respite} is more than {MAX_CHILDREN_APPROVED}"),
            );
        }
    }
    let left = approved.saturating_sub(placed);
    let free = family.free_places.count;
    // When more are placed than approved, that error already says it all.
    if placed <= approved && free > u32::from(left) {
        report.error(
            "free_places.count",
            format!(
                "free_places.count {free} is more than the {left} places left \
                 (children_approved {approved} - children_placed {placed})"
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::check::test_support::{assert_found, family, nothing_on, only};
    use crate::check::Severity::{Error, Warning};
    use crate::date::Date;
    use crate::model::{Pause, Record};
    use crate::vocab::CareKind;

    #[test]
    fn children_and_free_places() {
        let mut f = family();
        f.children_approved = 2;
        f.children_placed = 3;
        f.free_places.count = 1;
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(
            &findings,
            &[(
                Error,
                "children_placed",
                "children_placed 3 is greater than children_approved 2",
            )],
        );
        // The free places follow from that error and are not reported again.
        assert!(nothing_on(&findings, "free_places.count"));
        f.children_placed = 2;
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(&findings, &[(Error, "free_places.count", "free_places.count 1 is more than the 0 places left (children_approved 2 - children_placed 2)")]);
        f.children_approved = 0;
        f.children_placed = 0;
        f.free_places.count = 0;
        assert_found(
            &only(Record::FosterFamily(f)),
            &[(Error, "children_approved", "children_approved is 0")],
        );
    }

    #[test]
    fn ages_pause_and_respite() {
        let mut f = family();
        f.age_from = 10;
        f.age_to = 25;
        let from = Date::from_ymd(2026, 10, 1).expect("date");
        f.pause = Some(Pause {
            from,
            until: Some(from.add_days(-1)),
        });
        f.approved_for = vec![CareKind::Respite];
        f.respite_days_per_month = None;
        f.emergency = false;
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(
            &findings,
            &[
                (Error, "age_to", "age_to 25 is above 22 for a foster family"),
                (
                    Error,
                    "pause.until",
                    "pause.until 2026-09-30 is before pause.from 2026-10-01",
                ),
                (
                    Warning,
                    "respite_days_per_month",
                    "approved for stoetteophold but respite_days_per_month is missing",
                ),
            ],
        );

        f.approved_for = vec![CareKind::Placement];
        f.respite_days_per_month = Some(40);
        f.pause = Some(Pause { from, until: None });
        f.free_places.count = 1;
        let findings = only(Record::FosterFamily(f));
        assert_found(
            &findings,
            &[
                (
                    Error,
                    "respite_days_per_month",
                    "respite_days_per_month 40 is more than 31",
                ),
                (
                    Warning,
                    "free_places.count",
                    "free_places.count is 1 while the family is on pause",
                ),
            ],
        );
    }

    #[test]
    fn free_places_by_kind_and_children_in_the_home() {
        let mut f = family();
        f.approved_for = vec![CareKind::Respite];
        f.respite_days_per_month = Some(4);
        f.children_approved = 2;
        f.children_placed = 0;
        f.own_children = 1;
        f.free_places.count = 1;
        f.free_respite_places = Some(11);
        f.children_in_home = vec![31, 4];
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(&findings, &[(Error, "free_places.count", "free_places.count is 1, but the family is not approved for doegnanbringelse"), (Error, "free_respite_places", "free_respite_places 11 is more than 10"), (Error, "children_in_home", "children_in_home has an age of 31"), (Warning, "children_in_home", "children_in_home lists 2 children, but own_children 1 + children_placed 0 is 1")]);

        f.approved_for = vec![CareKind::Placement];
        f.respite_days_per_month = None;
        f.free_places.count = 0;
        f.free_respite_places = Some(1);
        f.children_in_home = vec![4];
        let findings = only(Record::FosterFamily(f.clone()));
        assert_found(
            &findings,
            &[(
                Error,
                "free_respite_places",
                "free_respite_places is 1, but the family is not approved for stoetteophold",
            )],
        );
        assert!(nothing_on(&findings, "children_in_home"));

        // What a search counts: places of the kind, none while on pause.
        f.approved_for = vec![CareKind::Placement, CareKind::Respite];
        f.free_places.count = 1;
        f.free_respite_places = Some(2);
        let today = crate::check::test_support::today();
        assert_eq!(f.free_places_of(CareKind::Placement, today), 1);
        assert_eq!(f.free_places_of(CareKind::Respite, today), 2);
        assert_eq!(f.free_places_of(CareKind::DayCare, today), 0);
        f.pause = Some(Pause {
            from: today.add_days(-3),
            until: Some(today.add_days(30)),
        });
        assert_eq!(f.free_places_of(CareKind::Placement, today), 0);
        assert_eq!(f.free_places_of(CareKind::Respite, today.add_days(30)), 2);
    }

    #[test]
    fn family_location_is_checked_like_an_address() {
        let mut f = family();
        f.location.region = 1085;
        let findings = only(Record::FosterFamily(f));
        assert_found(
            &findings,
            &[(
                Error,
                "location.region",
                "municipality 791 Viborg is in region 1082, not 1085",
            )],
        );
    }
}
