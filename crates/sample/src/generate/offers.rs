//! One generated offer: its kind is drawn first (legal bases, theme, type), then everything
//! else follows from it so the record hangs together — target groups and ages fit the basis,
//! rates are in an allowed unit and a realistic range, the authority is the right one.

use crate::date::Date;
use crate::model::{
    Address, Contact, Department, FreePlaces, LegalBasisPlaces, Marking, Offer, OfferUpdated,
    QualityScore, Rate, Rent, Service, Supervision,
};
use crate::vocab::{
    ApprovalStatus, Authority, CitizenTerms, LegalBasis, Municipality, OfferType, Ownership,
    QualityTheme, RateUnit, Region, TargetGroup,
};

use super::dates::{free_places_reported, rate_year, update_age_days};
use super::geo::{
    address_position, district_in, municipality_by_population, plain_town, street, District,
};
use super::ids::{cvr_from_bits, p_number, phone};
use super::kinds::{self, OfferKind, Theme};
use super::names::{self, email, slug, Owner};
use super::oversight;
use super::rng::Rng;
use super::text::{marking_reason, offer_description, OfferText};

/// The id of the offer with a number; departments add `-1`, `-2`, ... to `A-<number>`.
pub fn offer_id(number: u64) -> String {
    format!("T-{}", offer_number(number))
}

/// The number in an offer's and its departments' ids (u128: never overflows).
fn offer_number(number: u64) -> u128 {
    u128::from(number) + 100_000
}

/// Draws the kind of an offer: main basis, theme, any second basis, and the offer type.
pub fn offer_kind(rng: &mut Rng) -> OfferKind {
    let primary = *rng
        .weighted(kinds::primary_weights())
        .unwrap_or(&LegalBasis::Sel108);
    let theme = *rng
        .weighted(kinds::themes(primary))
        .unwrap_or(&Theme::Disability);
    let mut secondary = None;
    for (basis, percent) in kinds::secondary_options(primary, theme) {
        if rng.chance(f64::from(*percent) / 100.0) {
            secondary = Some(*basis);
            break;
        }
    }
    let housing_like = primary == LegalBasis::Sel85 && rng.chance(0.3);
    let offer_type = kinds::offer_type(primary, secondary, housing_like);
    OfferKind {
        primary,
        secondary,
        offer_type,
        theme,
    }
}

/// A skewed draw in `lo..=hi`: small values more common (most offers are small).
fn skewed(rng: &mut Rng, lo: u32, hi: u32) -> u32 {
    if hi <= lo {
        return lo;
    }
    let u = rng.unit();
    lo + ((f64::from(hi - lo)) * u * u).round() as u32
}

/// Rounds to whole øre.
fn to_oere(amount: f64) -> f64 {
    (amount * 100.0).round() / 100.0
}

/// Rounds to one decimal.
fn one_decimal(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The target groups of one service: the basis's defining group first, then 0–4 more.
fn draw_target_groups(rng: &mut Rng, basis: LegalBasis, theme: Theme) -> Vec<TargetGroup> {
    let pool = kinds::target_groups(basis, theme);
    let count = *rng
        .weighted(&[(1usize, 15), (2, 30), (3, 30), (4, 15), (5, 10)])
        .unwrap_or(&2);
    let mut groups = Vec::with_capacity(count);
    if let Some((defining, 100)) = pool.first() {
        groups.push(*defining);
    }
    for group in rng.weighted_distinct(pool, count) {
        if groups.len() < count && !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

/// The rates of one service: a main rate in an allowed unit, sometimes an add-on.
fn draw_rates(
    rng: &mut Rng,
    basis: LegalBasis,
    offer_type: OfferType,
    intensity: f64,
    year: u16,
) -> Vec<Rate> {
    let rules = kinds::rate_rules(basis, offer_type);
    let shares: Vec<(usize, u32)> = rules
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.share))
        .collect();
    let index = *rng.weighted(&shares).unwrap_or(&0);
    let mut rates = Vec::with_capacity(2);
    if let Some(rule) = rules.get(index) {
        let position = (0.1 + 0.8 * intensity + rng.normal(0.0, 0.08)).clamp(0.0, 1.0);
        let amount = rule.low + (rule.high - rule.low) * position;
        let amount = if rule.unit == RateUnit::PerCourse {
            (amount / 10.0).round() * 10.0
        } else {
            to_oere(amount)
        };
        rates.push(Rate {
            unit: rule.unit,
            amount,
            year,
            addon: false,
            label: None,
        });
        if rule.unit == RateUnit::Per24Hours && rng.chance(0.12) {
            let label = rng
                .pick(kinds::addon_labels(basis))
                .copied()
                .unwrap_or("Tillæg");
            rates.push(Rate {
                unit: rule.unit,
                amount: to_oere(rng.uniform(300.0, 2_500.0)),
                year,
                addon: true,
                label: Some(label.to_string()),
            });
        }
    }
    rates
}

/// One service under a basis.
fn draw_service(
    rng: &mut Rng,
    basis: LegalBasis,
    kind: &OfferKind,
    intensity: f64,
    year: u16,
) -> Service {
    let treatment = rng.chance(0.3);
    let (age_from, age_to) = rng
        .weighted(
            &kinds::age_spans(basis, kind.theme)
                .iter()
                .map(|(from, to, w)| ((*from, *to), *w))
                .collect::<Vec<_>>(),
        )
        .copied()
        .unwrap_or((18, 85));
    Service {
        kind: kinds::service_kind(basis, kind.theme, treatment),
        basis,
        target_groups: draw_target_groups(rng, basis, kind.theme),
        age_from,
        age_to,
        rates: draw_rates(rng, basis, kind.offer_type, intensity, year),
    }
}

/// The socialtilsyn of a region, or a neighbouring one for the host municipality's own
/// offers (a socialtilsyn does not supervise the municipality that hosts it; offers of other
/// owners in that municipality are supervised as usual).
pub fn supervising_authority(region: Region, municipality: u16, host_owned: bool) -> Authority {
    let own = Authority::for_region(region);
    if !host_owned || own.host_municipality() != Some(municipality) {
        return own;
    }
    match own {
        Authority::Nord => Authority::Midt,
        Authority::Midt => Authority::Nord,
        Authority::Syd => Authority::Midt,
        Authority::Oest => Authority::Hovedstaden,
        _ => Authority::Oest,
    }
}

/// An address in a district.
fn address(rng: &mut Rng, d: &District) -> Address {
    let (lat, lon) = address_position(rng, d);
    Address {
        street: street(rng),
        postal_code: d.postal_code,
        city: d.city.to_string(),
        municipality: d.municipality.code,
        region: d.municipality.region.number(),
        lat,
        lon,
    }
}

/// The offer's departments: 1–3, all in its municipality.
fn departments(
    rng: &mut Rng,
    number: u64,
    name: &str,
    first: &District,
    m: &'static Municipality,
    places_total: u32,
) -> Vec<Department> {
    let count = if places_total < 10 {
        1
    } else {
        *rng.weighted(&[(1usize, 70), (2, 22), (3, 8)]).unwrap_or(&1)
    };
    (0..count)
        .map(|k| {
            let district = if k == 0 { *first } else { district_in(rng, m) };
            let dept_name = if count == 1 {
                name.to_string()
            } else if k > 0 && district.postal_code != first.postal_code {
                format!("{name}, afd. {}", district.city)
            } else {
                format!("{name}, afd. {}", names::place_name(rng))
            };
            Department {
                id: format!("A-{}-{}", offer_number(number), k + 1),
                name: dept_name,
                p_number: if rng.chance(0.97) {
                    Some(p_number(rng))
                } else {
                    None
                },
                address: address(rng, &district),
            }
        })
        .collect()
}

/// When each part of the record was last updated: one part is the oldest, the others within
/// four months after it.
fn updated(rng: &mut Rng, today: Date) -> OfferUpdated {
    let oldest = update_age_days(rng);
    let part = |rng: &mut Rng| {
        let newer_by = rng.range(0, oldest.min(120) as u32) as i32;
        today.add_days(-(oldest - newer_by))
    };
    let mut parts = [part(rng), part(rng), part(rng), part(rng), part(rng)];
    let oldest_part = rng.below(5) as usize;
    parts[oldest_part] = today.add_days(-oldest);
    OfferUpdated {
        general: parts[0],
        places: parts[1],
        services: parts[2],
        economy: parts[3],
        approach: parts[4],
    }
}

/// Contact details, occasionally incomplete (as on the portal).
fn contact(rng: &mut Rng, owner: &Owner, name: &str, region: Region) -> Contact {
    let leader = names::person(rng);
    let contact_person = if rng.chance(0.6) {
        Some(names::person(rng))
    } else {
        None
    };
    let writer = contact_person.as_deref().unwrap_or(&leader);
    let email = if rng.chance(0.96) {
        Some(email(writer, &owner.domain, owner.initials_email))
    } else {
        None
    };
    let website = if !rng.chance(0.9) {
        None
    } else if owner.initials_email {
        Some(format!("https://www.{}/{}", owner.domain, slug(name, "-")))
    } else {
        Some(format!("https://www.{}", owner.domain))
    };
    Contact {
        leader: if rng.chance(0.97) { Some(leader) } else { None },
        contact_person,
        phone: if rng.chance(0.98) {
            Some(phone(rng, region))
        } else {
            None
        },
        email,
        website,
    }
}

/// The authority's quality-model scores for the themes of an offer or a foster family: one
/// decimal, most between 3.5 and 4.5 (lower under a conditional approval).
pub(super) fn quality(rng: &mut Rng, conditional: bool, foster_family: bool) -> Vec<QualityScore> {
    let mean = if conditional { 3.1 } else { 3.95 };
    let level = rng.normal(mean, 0.3);
    QualityTheme::ALL
        .iter()
        .filter(|theme| theme.applies_to(foster_family))
        .map(|theme| QualityScore {
            theme: *theme,
            score: one_decimal(rng.normal(level, 0.35).clamp(1.0, 5.0)),
        })
        .collect()
}

/// Places under each of the offer's legal bases: the main basis in its usual range, a second
/// one smaller.
fn draw_places(rng: &mut Rng, kind: &OfferKind) -> Vec<LegalBasisPlaces> {
    std::iter::once(kind.primary)
        .chain(kind.secondary)
        .map(|basis| {
            let (lo, hi) = kinds::places_range(basis, kind.offer_type);
            let places = if basis == kind.primary {
                skewed(rng, lo, hi)
            } else {
                skewed(rng, lo.min(4), hi / 2)
            };
            LegalBasisPlaces {
                basis,
                places: places.max(1),
            }
        })
        .collect()
}

/// Services: one per basis that carries one, and for residential offers sometimes a second
/// rate level for residents who need more (same ages and main target group, a higher rate).
fn draw_services(
    rng: &mut Rng,
    kind: &OfferKind,
    bases: &[LegalBasisPlaces],
    intensity: f64,
    year: u16,
) -> Vec<Service> {
    let mut services = Vec::with_capacity(3);
    for basis in bases
        .iter()
        .map(|b| b.basis)
        .filter(|b| kinds::has_service(*b))
    {
        services.push(draw_service(rng, basis, kind, intensity, year));
    }
    let second_level = matches!(
        kind.primary,
        LegalBasis::Sel108 | LegalBasis::Sel107 | LegalBasis::Bl43Nr6
    ) && rng.chance(0.2);
    if second_level {
        let heavier = (intensity + 0.25).min(1.0);
        let mut level = draw_service(rng, kind.primary, kind, heavier, year);
        if let Some(first) = services.first() {
            level.age_from = first.age_from;
            level.age_to = first.age_to;
            if let Some(main_group) = first.target_groups.first() {
                level.target_groups.retain(|g| g != main_group);
                level.target_groups.insert(0, *main_group);
                level.target_groups.truncate(5);
            }
        }
        services.push(level);
    }
    services
}

/// `count` distinct strings from a weighted list.
fn draw_strings(rng: &mut Rng, pool: &[(&'static str, u32)], count: usize) -> Vec<String> {
    rng.weighted_distinct(pool, count)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Approval status and date, now and then the authority's marking that the data are wrong
/// (more often for stale records, which is what gets them marked), sanctions, the latest
/// inspection, and whether the offer stands unused.
fn draw_supervision(
    rng: &mut Rng,
    id: &str,
    authority: Authority,
    updated: &OfferUpdated,
    today: Date,
) -> Supervision {
    let approval = *rng
        .weighted(&[
            (ApprovalStatus::Approved, 880),
            (ApprovalStatus::ConditionallyApproved, 70),
            (ApprovalStatus::InProcess, 35),
            (ApprovalStatus::Ceased, 15),
        ])
        .unwrap_or(&ApprovalStatus::Approved);
    let approved = match approval {
        ApprovalStatus::InProcess => None,
        ApprovalStatus::Ceased => Some(today.add_days(-(rng.range(400, 2_000) as i32))),
        _ => Some(today.add_days(-(rng.range(20, 1_460) as i32))),
    };
    let stale = updated.oldest().days_until(today) > 182;
    let marked = rng.chance(if stale { 0.04 } else { 0.003 });
    let marking = marked.then(|| Marking {
        date: today.add_days(-(rng.range(1, 330) as i32)),
        reason: marking_reason(rng).to_string(),
    });
    // Sanctions are the socialtilsyn's instruments; the municipality approves §§ 103/104.
    let sanctions = if authority == Authority::Municipality {
        Vec::new()
    } else {
        oversight::sanctions(
            rng,
            false,
            approval == ApprovalStatus::ConditionallyApproved,
            approval == ApprovalStatus::Ceased,
            today,
        )
    };
    let latest_inspection = (authority != Authority::Municipality)
        .then(|| oversight::inspection(rng, id, authority, today))
        .flatten();
    let unused_since = if approval == ApprovalStatus::Ceased {
        None
    } else {
        oversight::unused_since(rng, 0.015, today)
    };
    Supervision {
        authority,
        approval,
        approved,
        marking,
        sanctions,
        latest_inspection,
        unused_since,
    }
}

/// Free places: ~96 % of active offers report, ~40 % of offers have some free.
fn draw_free_places(
    rng: &mut Rng,
    approval: ApprovalStatus,
    places_total: u32,
    today: Date,
) -> Option<FreePlaces> {
    if approval == ApprovalStatus::Ceased || !rng.chance(0.96) {
        return None;
    }
    let count = if rng.chance(0.4) {
        rng.range(1, (places_total / 4).clamp(1, 6))
            .min(places_total)
    } else {
        0
    };
    Some(FreePlaces {
        count,
        reported: free_places_reported(rng, today),
    })
}

/// The assumed occupancy rate the rates are computed with: 85–100 %, most 90–98 %.
fn draw_occupancy_rate(rng: &mut Rng) -> Option<f64> {
    if !rng.chance(0.92) {
        return None;
    }
    let rate = *rng
        .weighted(&[
            (85u32, 2),
            (88, 2),
            (90, 5),
            (92, 4),
            (93, 3),
            (95, 6),
            (96, 3),
            (97, 3),
            (98, 3),
            (100, 2),
        ])
        .unwrap_or(&95);
    Some(f64::from(rate))
}

/// The citizen's rent in housing-like offers (ABL § 105 housing, most § 108, some § 107,
/// § 85 in botilbudslignende tilbud): 4,000–8,500 DKK a month, a deposit of three months.
fn draw_rent(rng: &mut Rng, kind: &OfferKind) -> Option<Rent> {
    let housing = kind.secondary == Some(LegalBasis::Abl105)
        || (kind.primary == LegalBasis::Sel108 && rng.chance(0.7))
        || (kind.primary == LegalBasis::Sel107
            && kind.theme != Theme::Substance
            && rng.chance(0.4))
        || (kind.primary == LegalBasis::Sel85 && kind.offer_type == OfferType::Residential);
    housing.then(|| {
        let monthly = f64::from(rng.range(40, 84) * 100) + f64::from(rng.range(0, 99));
        Rent {
            monthly,
            deposit: rng.chance(0.7).then_some(monthly * 3.0),
        }
    })
}

/// The generated offer with a number (0-based), drawn from `rng`.
pub fn offer(rng: &mut Rng, number: u64, today: Date) -> Offer {
    let kind = offer_kind(rng);
    let m = municipality_by_population(rng);
    let district = district_in(rng, m);
    let town = plain_town(district.city);
    let ownership = *rng
        .weighted(kinds::ownership_weights(kind.primary, kind.theme))
        .unwrap_or(&Ownership::Municipal);
    let name_town = if rng.chance(0.6) { m.name } else { town };
    let public = matches!(ownership, Ownership::Municipal | Ownership::Regional);
    let (name, distinctive) = names::offer_name(
        rng,
        kind.primary,
        kind.theme,
        kind.offer_type,
        name_town,
        public,
    );
    let owner = names::owner(rng, ownership, m, &name, &distinctive, kind.primary);
    let cvr = match ownership {
        // One CVR per municipality and per region, whatever the offer.
        Ownership::Municipal => cvr_from_bits(u64::from(m.code)),
        Ownership::Regional => cvr_from_bits(u64::from(m.region.number())),
        _ => cvr_from_bits(rng.next_u64()),
    };

    let legal_bases = draw_places(rng, &kind);
    let places_total: u32 = legal_bases.iter().map(|b| b.places).sum();
    let updated = updated(rng, today);
    let year = rate_year(updated.economy, today);
    // How much support the residents need: drives rates and staffing together.
    let intensity = (rng.unit() + rng.unit()) / 2.0;
    let services = draw_services(rng, &kind, &legal_bases, intensity, year);

    let method_count = *rng
        .weighted(&[(1usize, 15), (2, 35), (3, 30), (4, 20)])
        .unwrap_or(&2);
    let methods = draw_strings(rng, kinds::methods(kind.theme), method_count);
    let staff_count = rng.range(2, 5) as usize;
    let staff_groups = draw_strings(rng, kinds::staff_groups(kind.theme), staff_count);
    let (staff_lo, staff_hi) = kinds::staffing_range(kind.primary, kind.offer_type);
    let staffing = one_decimal((staff_lo + (staff_hi - staff_lo) * intensity).clamp(0.3, 2.5));

    let authority = if kind.primary.municipally_approved() {
        Authority::Municipality
    } else {
        supervising_authority(m.region, m.code, ownership == Ownership::Municipal)
    };
    let id = offer_id(number);
    let supervision = draw_supervision(rng, &id, authority, &updated, today);
    // Outpatient offers a citizen turns to directly (anonymous or alcohol treatment) take
    // whoever comes and report no free places, as on the national portal.
    let direct_access = CitizenTerms::of(legal_bases.iter().map(|b| b.basis))
        .is_some_and(CitizenTerms::direct_access);
    let free_places = if direct_access {
        None
    } else {
        draw_free_places(rng, supervision.approval, places_total, today)
    };
    let occupancy_rate = draw_occupancy_rate(rng);
    let rent = draw_rent(rng, &kind);

    let main_groups = services
        .first()
        .map(|s| s.target_groups.clone())
        .unwrap_or_default();
    let description = offer_description(
        rng,
        &OfferText {
            name: &name,
            primary: kind.primary,
            secondary: kind.secondary,
            theme: kind.theme,
            offer_type: kind.offer_type,
            town,
            groups: &main_groups,
            methods: &methods,
        },
    );
    // The authority scores offers it has approved; §§ 103/104 have no quality model.
    let quality_scores = if authority != Authority::Municipality
        && matches!(
            supervision.approval,
            ApprovalStatus::Approved | ApprovalStatus::ConditionallyApproved
        )
        && rng.chance(0.92)
    {
        quality(
            rng,
            supervision.approval == ApprovalStatus::ConditionallyApproved,
            false,
        )
    } else {
        Vec::new()
    };
    let operating_agreement = match ownership {
        Ownership::SelfGoverning if rng.chance(0.7) => Some(m.code),
        Ownership::Private if rng.chance(0.1) => Some(m.code),
        _ => None,
    };
    let contact = contact(rng, &owner, &name, m.region);
    let departments = departments(rng, number, &name, &district, m, places_total);

    Offer {
        id,
        name,
        description,
        offer_type: kind.offer_type,
        owner: owner.name,
        cvr,
        ownership,
        operating_agreement,
        departments,
        contact,
        supervision,
        legal_bases,
        places_total,
        free_places,
        occupancy_rate,
        services,
        rent,
        methods,
        staff_groups,
        staffing_ratio: Some(staffing),
        quality: quality_scores,
        updated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_municipalities_are_supervised_by_another_socialtilsyn() {
        for authority in Authority::ALL {
            if let Some(host) = authority.host_municipality() {
                let region = crate::vocab::municipality(host).map(|m| m.region);
                if let Some(region) = region {
                    let supervisor = supervising_authority(region, host, true);
                    assert_ne!(supervisor, *authority);
                    assert_ne!(supervisor, Authority::Municipality);
                    assert_eq!(supervising_authority(region, host, false), *authority);
                }
            }
        }
        assert_eq!(
            supervising_authority(Region::Midtjylland, 751, true),
            Authority::Midt
        );
    }
}
