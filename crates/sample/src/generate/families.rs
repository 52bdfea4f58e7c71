//! One generated foster family: type first, then what it is approved for, how many children it
//! takes and of what ages (narrow ranges, as in reality: many take only infants), whether it is
//! on pause, and where it lives at postal-district precision.

use crate::date::Date;
use crate::model::{Contact, FamilyLocation, FosterFamily, FreePlaces, Pause};
use crate::vocab::{ApprovalScope, Authority, CareKind, FosterFamilyType, TargetGroup};

use super::dates::{free_places_reported, update_age_days};
use super::geo::{district_in, is_city, municipality_by_population, plain_town};
use super::ids::phone;
use super::names::municipality_domain;
use super::rng::Rng;
use super::text::{family_description, FamilyText};

use FosterFamilyType::*;
use TargetGroup::*;

/// The id of the foster family with a number.
pub fn family_id(number: u64) -> String {
    // u128: no overflow even for `Generator::record(u64::MAX)`.
    format!("P-{}", u128::from(number) + 200_000)
}

const TYPE_WEIGHTS: &[(FosterFamilyType, u32)] = &[
    (General, 62),
    (Reinforced, 20),
    (Specialised, 6),
    (Network, 12),
];

/// Age ranges (from, to, weight) a family of a type accepts: mostly narrow.
#[rustfmt::skip]
fn age_ranges(family_type: FosterFamilyType) -> &'static [(u8, u8, u32)] {
    match family_type {
        General => &[
            (0, 2, 14), (0, 3, 6), (0, 6, 8), (3, 6, 8), (3, 10, 6), (2, 8, 4), (6, 12, 10),
            (6, 17, 10), (10, 17, 10), (12, 17, 8), (0, 17, 6), (13, 22, 3),
        ],
        Reinforced => &[(0, 2, 10), (0, 6, 6), (3, 12, 5), (6, 17, 8), (10, 17, 8), (12, 22, 3)],
        Specialised => &[(6, 17, 5), (10, 17, 5), (3, 12, 3), (12, 22, 2)],
        Network => &[(0, 17, 1)],
    }
}

/// Children a family of a type is approved for, by weight.
fn approved_counts(family_type: FosterFamilyType) -> &'static [(u8, u32)] {
    match family_type {
        General => &[(1, 35), (2, 40), (3, 18), (4, 7)],
        Reinforced => &[(1, 55), (2, 40), (3, 5)],
        Specialised => &[(1, 80), (2, 20)],
        Network => &[(1, 70), (2, 25), (3, 5)],
    }
}

/// Target groups a family of a type is approved for, by weight.
#[rustfmt::skip]
fn target_groups(family_type: FosterFamilyType) -> &'static [(TargetGroup, u32)] {
    match family_type {
        General => &[
            (Neglect, 60), (Attachment, 30), (Attention, 15), (Internalising, 10), (Anxiety, 8),
            (SpeechLanguage, 6),
        ],
        Reinforced => &[
            (Attachment, 50), (Neglect, 45), (Externalising, 30), (Attention, 30), (Autism, 20),
            (SelfHarm, 8),
        ],
        Specialised => &[
            (Autism, 40), (Attachment, 40), (SelfHarm, 25), (SexualAbuse, 20), (Externalising, 30),
            (MultipleDisability, 15), (EatingDisorder, 8),
        ],
        Network => &[(Neglect, 80), (Attachment, 20)],
    }
}

const COMPETENCES: &[(&str, u32)] = &[
    ("Erfaring med spædbørn", 20),
    ("Erfaring med traumatiserede børn", 18),
    ("Pædagogisk uddannelse", 16),
    ("Erfaring med søskendeanbringelser", 10),
    ("Erfaring med autisme", 10),
    ("Erfaring med ADHD", 10),
    ("Sygeplejefaglig baggrund", 8),
    ("Erfaring med samvær og forældresamarbejde", 12),
    ("Erfaring med børn med handicap", 8),
    ("Erfaring med efterværn", 6),
    ("Erfaring med uledsagede flygtningebørn", 4),
    ("Erfaring med børn født med abstinenser", 4),
    ("Tegnsprog", 2),
    ("Taler arabisk", 2),
    ("Erfaring med naturpædagogik og dyr", 8),
];

/// Network families and families approved for one named child are approved by the
/// municipality, every other family by a socialtilsyn.
fn authority_is_socialtilsyn(family_type: FosterFamilyType, scope: ApprovalScope) -> bool {
    family_type != Network && scope == ApprovalScope::General
}

/// The family's label in running text and its public name.
fn labels(family_type: FosterFamilyType, city: &str) -> (&'static str, String) {
    match family_type {
        Network => (
            "netværksplejefamilie",
            format!("Netværksplejefamilie ved {city}"),
        ),
        Reinforced => (
            "forstærket plejefamilie",
            format!("Plejefamilie ved {city}"),
        ),
        Specialised => (
            "specialiseret plejefamilie",
            format!("Plejefamilie ved {city}"),
        ),
        General => ("almen plejefamilie", format!("Plejefamilie ved {city}")),
    }
}

/// The generated foster family with a number (0-based), drawn from `rng`.
pub fn family(rng: &mut Rng, number: u64, today: Date) -> FosterFamily {
    let family_type = *rng.weighted(TYPE_WEIGHTS).unwrap_or(&General);
    let m = municipality_by_population(rng);
    let district = district_in(rng, m);

    let approval_scope = match family_type {
        Network if rng.chance(0.8) => ApprovalScope::Concrete,
        Network => ApprovalScope::General,
        _ if rng.chance(0.08) => ApprovalScope::Concrete,
        _ => ApprovalScope::General,
    };
    // Respite (støtteophold) is given by families of any type except network families; about
    // one general or reinforced family in eight gives only that.
    let respite_only = matches!(family_type, General | Reinforced) && rng.chance(0.12);
    let mut approved_for = if respite_only {
        vec![CareKind::Respite]
    } else {
        vec![CareKind::Placement]
    };
    if !respite_only && matches!(family_type, General | Reinforced) && rng.chance(0.2) {
        approved_for.push(CareKind::Respite);
    }
    if family_type == General && rng.chance(0.05) {
        approved_for.push(CareKind::DayCare);
    }
    let respite_days_per_month = approved_for
        .contains(&CareKind::Respite)
        .then(|| rng.range(2, 8) as u8);
    // Emergency placements (akutanbringelser): forstærkede families, never general or network
    // families.
    let emergency = match family_type {
        Reinforced => rng.chance(0.45),
        _ => false,
    };
    let parent_child = match family_type {
        Reinforced => rng.chance(0.15),
        Specialised => rng.chance(0.1),
        _ => false,
    };

    let children_approved = *rng.weighted(approved_counts(family_type)).unwrap_or(&1);
    // Children on støtteophold do not live with the family.
    let children_placed = if respite_only {
        0
    } else if approval_scope == ApprovalScope::Concrete && rng.chance(0.85) {
        children_approved
    } else {
        let ticket = rng.below(100);
        if ticket < 55 {
            children_approved
        } else if ticket < 85 {
            rng.range(0, u32::from(children_approved.saturating_sub(1))) as u8
        } else {
            0
        }
    };
    let own_children = *rng
        .weighted(&[(0u8, 30), (1, 25), (2, 30), (3, 12), (4, 3)])
        .unwrap_or(&0);

    // Ages: a family approved for one named child takes that child's age until 17.
    let (age_from, age_to) = if approval_scope == ApprovalScope::Concrete {
        (rng.range(0, 15) as u8, 17)
    } else {
        let ranges: Vec<((u8, u8), u32)> = age_ranges(family_type)
            .iter()
            .map(|(from, to, w)| ((*from, *to), *w))
            .collect();
        rng.weighted(&ranges).copied().unwrap_or((0, 17))
    };

    // About one family in eight is on pause; most say until when.
    let pause = rng.chance(0.125).then(|| Pause {
        from: today.add_days(-(rng.range(5, 400) as i32)),
        until: rng
            .chance(0.6)
            .then(|| today.add_days(rng.range(14, 300) as i32)),
    });
    let open = u32::from(children_approved.saturating_sub(children_placed));
    let free_count = if pause.is_some() || open == 0 || !rng.chance(0.65) {
        0
    } else {
        open
    };
    // Free places by kind: a family giving only støtteophold has its free places there; one
    // giving both now and then has a støtteophold place free beside its placements.
    let (free_count, free_respite_places) = if respite_only {
        (0, Some(free_count))
    } else if approved_for.contains(&CareKind::Respite) {
        let respite = u32::from(pause.is_none() && rng.chance(0.4));
        (free_count, Some(respite))
    } else {
        (free_count, None)
    };
    let free_places = FreePlaces {
        count: free_count,
        reported: free_places_reported(rng, today),
    };
    // The ages of the children in the home: the family's own (up to young adults) and the
    // placed ones (within the ages the family takes).
    let mut children_in_home: Vec<u8> = Vec::new();
    for _ in 0..own_children {
        children_in_home.push(rng.range(0, 24) as u8);
    }
    for _ in 0..children_placed {
        children_in_home.push(rng.range(u32::from(age_from), u32::from(age_to)) as u8);
    }
    children_in_home.sort_unstable_by(|a, b| b.cmp(a));

    let groups: Vec<TargetGroup> = {
        let count = rng.range(1, 4) as usize;
        rng.weighted_distinct(target_groups(family_type), count)
    };
    let competences: Vec<String> = {
        let count = *rng
            .weighted(&[(0usize, 25), (1, 35), (2, 28), (3, 12)])
            .unwrap_or(&1);
        let mut chosen: Vec<String> = rng
            .weighted_distinct(COMPETENCES, count)
            .into_iter()
            .map(str::to_string)
            .collect();
        if age_to <= 3 && !chosen.iter().any(|c| c.contains("spædbørn")) {
            chosen.insert(0, "Erfaring med spædbørn".to_string());
        }
        chosen
    };

    // Most families approved by a socialtilsyn have been assessed on the quality model.
    let quality = if authority_is_socialtilsyn(family_type, approval_scope) && rng.chance(0.7) {
        super::offers::quality(rng, false, true)
    } else {
        Vec::new()
    };
    let id = family_id(number);
    let sanctions = if authority_is_socialtilsyn(family_type, approval_scope) {
        super::oversight::sanctions(rng, true, false, false, today)
    } else {
        Vec::new()
    };
    let latest_inspection = authority_is_socialtilsyn(family_type, approval_scope)
        .then(|| super::oversight::inspection(rng, &id, Authority::for_region(m.region), today))
        .flatten();
    // A third of the families without a child have been without one long enough to say since
    // when.
    let unused_since = if children_placed == 0 {
        super::oversight::unused_since(rng, 0.35, today)
    } else {
        None
    };
    let updated = today.add_days(-update_age_days(rng));
    let approved = updated.add_days(-(rng.range(0, 3_000) as i32));
    let authority = if authority_is_socialtilsyn(family_type, approval_scope) {
        Authority::for_region(m.region)
    } else {
        Authority::Municipality
    };
    let domain = municipality_domain(m);
    let contact = Contact {
        leader: None,
        contact_person: Some(format!("Familieplejen, {} Kommune", m.name)),
        phone: Some(phone(rng, m.region)),
        email: Some(format!("familieplejen@{domain}")),
        website: Some(format!("https://www.{domain}/familiepleje")),
    };
    let town = plain_town(district.city);
    let (kind_label, name) = labels(family_type, town);
    let description = family_description(
        rng,
        &FamilyText {
            kind: kind_label,
            city: town,
            urban: is_city(&district),
            concrete: approval_scope == ApprovalScope::Concrete,
            own_children,
            groups: &groups,
            competences: &competences,
        },
    );

    FosterFamily {
        id,
        name,
        description,
        family_type,
        approval_scope,
        approved_for,
        respite_days_per_month,
        emergency,
        parent_child,
        children_approved,
        children_placed,
        own_children,
        children_in_home,
        free_places,
        free_respite_places,
        age_from,
        age_to,
        pause,
        target_groups: groups,
        competences,
        quality,
        location: FamilyLocation {
            postal_code: district.postal_code,
            city: district.city.to_string(),
            municipality: m.code,
            region: m.region.number(),
            lat: district.lat,
            lon: district.lon,
        },
        authority,
        approved,
        sanctions,
        latest_inspection,
        unused_since,
        contact,
        updated,
    }
}
