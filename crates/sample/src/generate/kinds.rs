//! What an offer under each legal basis looks like in practice: how common it is, what it is
//! called, its places, the services it delivers, to whom (target groups, ages), at what rate,
//! who owns it and how it is staffed.
//!
//! The figures are the usual ranges on Tilbudsportalen (2023–2024 rates), good enough for a
//! sample a caseworker recognises. Everything a rate or age must satisfy to pass `check` comes
//! from [`LegalBasis::allowed_units`] and [`LegalBasis::audience`], so the two cannot drift.

use crate::vocab::{LegalBasis, OfferType, Ownership, RateUnit, ServiceKind, TargetGroup};

use LegalBasis::*;
use TargetGroup::*;

/// What kind of offer a record is: its legal bases and type. Drawn first; all else follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OfferKind {
    /// The offer's main legal basis.
    pub primary: LegalBasis,
    /// A second legal basis with its own places, if any.
    pub secondary: Option<LegalBasis>,
    /// Residential, day or outpatient.
    pub offer_type: OfferType,
    /// The broad need the offer is for; drives target groups, methods and wording.
    pub theme: Theme,
}

/// The broad need an offer is organised around.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Intellectual disability, autism, multiple or physical disabilities.
    Disability,
    /// Acquired brain injury.
    BrainInjury,
    /// Mental illness (socialpsykiatri).
    Psychiatry,
    /// Drugs or alcohol.
    Substance,
    /// Homelessness.
    Homelessness,
    /// Violence against women.
    Violence,
    /// Children and young people placed outside their home, in a børne- og ungehjem run as a
    /// døgninstitution (BL § 43, stk. 1, nr. 6).
    Children,
    /// The same, in a børne- og ungehjem run as an opholdssted (stk. 3): small, mostly private.
    ChildrenOpholdssted,
}

/// How often each main legal basis occurs among offers (per mille, roughly Tilbudsportalen's
/// mix: many § 85 and §§ 107/108, many day offers, fewer treatment offers and few §§ 109/110).
const PRIMARY_WEIGHTS: &[(LegalBasis, u32)] = &[
    (Sel85, 240),
    (Sel108, 125),
    (Sel107, 105),
    (Sel104, 115),
    (Sel103, 55),
    (Sel101, 50),
    (Sel101a, 10),
    (Sul141, 25),
    (Sel109, 12),
    (Sel110, 13),
    (Bl43Nr6, 205),
    (Bl43Nr5, 45),
];

/// The main legal bases and their weights.
pub fn primary_weights() -> &'static [(LegalBasis, u32)] {
    PRIMARY_WEIGHTS
}

/// A second legal basis that often comes with a main one, and how often (per cent).
pub fn secondary_options(primary: LegalBasis, theme: Theme) -> &'static [(LegalBasis, u32)] {
    match (primary, theme) {
        (Sel107, Theme::Substance) => &[(Sel101, 90)],
        (Sel107, _) => &[(Sel108, 25), (Sel85, 12)],
        (Sel108, _) => &[(Sel107, 25), (Abl105, 8)],
        (Sel85, _) => &[(Abl105, 25)],
        (Sel103, _) => &[(Sel104, 35)],
        (Sel104, _) => &[(Sel103, 25)],
        (Sel101, _) => &[(Sul141, 35)],
        (Sul141, _) => &[(Sel101, 40)],
        (Sel110, _) => &[(Sel85, 8)],
        (Bl43Nr6, _) => &[(Bl43Nr5, 13)],
        _ => &[],
    }
}

/// The themes an offer under a main basis is organised around, by weight.
pub fn themes(primary: LegalBasis) -> &'static [(Theme, u32)] {
    match primary {
        Sel108 => &[
            (Theme::Disability, 65),
            (Theme::BrainInjury, 15),
            (Theme::Psychiatry, 20),
        ],
        Sel107 => &[
            (Theme::Psychiatry, 45),
            (Theme::Disability, 20),
            (Theme::BrainInjury, 10),
            (Theme::Substance, 25),
        ],
        Sel85 => &[
            (Theme::Psychiatry, 50),
            (Theme::Disability, 30),
            (Theme::BrainInjury, 5),
            (Theme::Homelessness, 10),
            (Theme::Substance, 5),
        ],
        Sel103 => &[
            (Theme::Disability, 60),
            (Theme::Psychiatry, 30),
            (Theme::BrainInjury, 10),
        ],
        Sel104 => &[
            (Theme::Disability, 45),
            (Theme::Psychiatry, 35),
            (Theme::BrainInjury, 10),
            (Theme::Homelessness, 10),
        ],
        Sel101 | Sel101a | Sul141 => &[(Theme::Substance, 1)],
        Sel109 => &[(Theme::Violence, 1)],
        Sel110 => &[(Theme::Homelessness, 1)],
        // About two in three børne- og ungehjem are run as opholdssteder.
        Bl43Nr6 => &[(Theme::ChildrenOpholdssted, 140), (Theme::Children, 65)],
        _ => &[(Theme::Children, 1)],
    }
}

/// The offer type that follows from a main basis (and, for § 85, from whether it houses people).
pub fn offer_type(
    primary: LegalBasis,
    secondary: Option<LegalBasis>,
    housing_like: bool,
) -> OfferType {
    match primary {
        Sel103 | Sel104 => OfferType::Day,
        Sel101 | Sel101a | Sul141 => OfferType::Outpatient,
        Sel85 if secondary == Some(Abl105) || housing_like => OfferType::Residential,
        Sel85 => OfferType::Outpatient,
        _ => OfferType::Residential,
    }
}

/// Places under one basis: a typical range.
///
/// Outpatient "places" are courses of treatment or support running at once, not beds: a
/// municipal alcohol or drug clinic has tens of them, not hundreds, so the demo's sums by kind
/// do not mislead (issue 15; they were 30–300 and summed to more than the residential places).
pub fn places_range(basis: LegalBasis, offer_type: OfferType) -> (u32, u32) {
    match (basis, offer_type) {
        (Sel108, _) => (6, 48),
        (Sel107, _) => (4, 32),
        (Sel85, OfferType::Outpatient) => (8, 60),
        (Sel85, _) => (6, 40),
        (Sel103, _) => (10, 70),
        (Sel104, _) => (10, 110),
        (Sel101, OfferType::Residential) => (6, 30),
        (Sel101, _) => (10, 90),
        (Sel101a, _) => (5, 40),
        (Sul141, _) => (10, 80),
        (Sel109, _) => (4, 18),
        (Sel110, _) => (10, 80),
        (Bl43Nr6, _) => (3, 36),
        (Bl43Nr5, _) => (3, 14),
        (Abl105, _) => (6, 36),
        _ => (2, 10),
    }
}

/// The service kind a basis delivers in an offer of a theme.
pub fn service_kind(basis: LegalBasis, theme: Theme, treatment: bool) -> ServiceKind {
    match basis {
        Sel85 => ServiceKind::SocialPedagogicalSupport,
        Sel103 => ServiceKind::ShelteredEmployment,
        Sel104 => ServiceKind::ActivityAndSocial,
        Sel101 | Sul141 => ServiceKind::Treatment,
        Sel101a if treatment => ServiceKind::Treatment,
        Sel101a => ServiceKind::Counselling,
        Sel107 if theme == Theme::Substance || treatment => ServiceKind::Treatment,
        Bl43Nr6 if treatment => ServiceKind::Treatment,
        _ => ServiceKind::Residence,
    }
}

/// Whether a basis carries its own service and rate. ABL § 105 is the housing itself: the
/// citizen pays rent, and the support comes under the offer's § 85 or § 108.
pub fn has_service(basis: LegalBasis) -> bool {
    basis != Abl105
}

/// Target groups that fit a basis and theme, by weight. The first one with the highest weight
/// is the one every such offer has (e.g. Stofmisbrug for § 101).
#[rustfmt::skip]
pub fn target_groups(basis: LegalBasis, theme: Theme) -> &'static [(TargetGroup, u32)] {
    match (basis, theme) {
        (Sel101 | Sel101a, _) => &[
            (Drugs, 100), (Alcohol, 40), (Anxiety, 12), (Depression, 12), (AlteredReality, 8),
            (Personality, 8), (Attention, 10), (Homelessness, 5),
        ],
        (Sul141, _) => &[(Alcohol, 100), (Drugs, 20), (Depression, 15), (Anxiety, 12)],
        (Sel109, _) => &[(ViolentAbuse, 100), (OtherAbuse, 45), (SexualAbuse, 25), (Homelessness, 8)],
        (Sel110, _) => &[
            (Homelessness, 100), (Alcohol, 35), (Drugs, 35), (AlteredReality, 20),
            (SocialIsolation, 15), (OtherSocial, 10),
        ],
        (Bl43Nr5, _) => &[
            (Neglect, 40), (Attachment, 25), (Attention, 20), (SocialIsolation, 15), (Anxiety, 15),
            (Autism, 15), (Internalising, 10),
        ],
        (Bl43Nr1 | Bl43Nr2 | Bl43Nr3 | Bl43Nr4 | Bl43Nr6 | Bl43Nr7 | Bl32Nr6 | Bl32Nr7, _) => &[
            (Neglect, 45), (Attachment, 35), (Attention, 30), (Autism, 22), (Externalising, 25),
            (Internalising, 15), (SelfHarm, 12), (Anxiety, 12), (SexualAbuse, 8),
            (SexuallyAbusive, 4), (NonViolentCrime, 6), (Drugs, 5), (SchoolSkills, 8),
            (IntellectualDisability, 6), (EatingDisorder, 3),
        ],
        (_, Theme::Substance) => &[
            (Drugs, 100), (Alcohol, 45), (AlteredReality, 12), (Personality, 10), (Depression, 8),
            (Homelessness, 6),
        ],
        (_, Theme::Homelessness) => &[
            (Homelessness, 100), (SocialIsolation, 30), (Alcohol, 30), (Drugs, 30),
            (AlteredReality, 20), (OtherSocial, 10),
        ],
        (_, Theme::BrainInjury) => &[
            (AcquiredBrainInjury, 100), (Communication, 25), (Mobility, 25),
            (CongenitalBrainInjury, 12), (OtherCognitive, 10), (Externalising, 5),
        ],
        (_, Theme::Psychiatry) => &[
            (AlteredReality, 60), (Personality, 40), (Anxiety, 35), (Depression, 30), (Autism, 15),
            (Attention, 12), (SelfHarm, 8), (EatingDisorder, 4), (Stress, 6), (SocialIsolation, 12),
            (OtherMental, 8),
        ],
        (_, Theme::Violence) => &[(ViolentAbuse, 100), (OtherAbuse, 40)],
        // Disability, and anything not listed above.
        _ => &[
            (IntellectualDisability, 80), (Autism, 45), (MultipleDisability, 25),
            (CongenitalBrainInjury, 12), (Communication, 12), (Mobility, 10), (SensoryMotor, 6),
            (Externalising, 8), (CongenitalDeafblind, 2), (RareDisability, 3), (Dementia, 3),
            (Attention, 5),
        ],
    }
}

/// Age spans (from, to, weight) a service under a basis accepts.
#[rustfmt::skip]
pub fn age_spans(basis: LegalBasis, theme: Theme) -> &'static [(u8, u8, u32)] {
    match (basis, theme) {
        (Bl43Nr6, Theme::ChildrenOpholdssted) => &[
            (6, 17, 2), (10, 17, 3), (12, 17, 3), (13, 17, 2), (12, 22, 2), (14, 22, 2), (0, 17, 1),
            (3, 12, 1), (6, 14, 1),
        ],
        (Bl43Nr6, _) => &[(0, 17, 2), (6, 17, 2), (12, 17, 3), (13, 22, 2), (3, 12, 1), (0, 6, 1)],
        (Bl43Nr5, _) => &[(15, 17, 2), (15, 22, 3), (16, 22, 3)],
        (Bl43Nr1 | Bl43Nr2 | Bl43Nr3 | Bl43Nr4 | Bl43Nr7 | Bl32Nr6 | Bl32Nr7, _) => &[(0, 17, 1)],
        (Sel108, Theme::Psychiatry) => &[(18, 85, 4), (25, 85, 2), (18, 67, 2)],
        (Sel108, _) => &[(18, 85, 5), (18, 67, 2), (25, 85, 2), (30, 85, 1)],
        (Sel107, _) => &[(18, 67, 4), (18, 30, 3), (18, 85, 3), (25, 67, 1)],
        (Sel85, _) => &[(18, 67, 4), (18, 85, 3), (18, 35, 2), (18, 30, 1)],
        (Sel103, _) => &[(18, 67, 6), (18, 85, 1), (25, 67, 1)],
        (Sel104, _) => &[(18, 85, 5), (18, 67, 3), (18, 30, 1)],
        (Sel101, _) => &[(18, 85, 6), (18, 30, 2), (25, 85, 1)],
        (Sel101a, _) => &[(18, 85, 4), (18, 30, 2)],
        (Sul141, _) => &[(18, 85, 8), (18, 30, 1)],
        (Sel110, _) => &[(18, 85, 8), (18, 30, 1)],
        _ => &[(18, 85, 1)],
    }
}

/// A rate unit a basis charges in, with its share (per cent) and the usual range in DKK.
pub struct RateRule {
    /// The unit.
    pub unit: RateUnit,
    /// How often offers under the basis use this unit, per cent.
    pub share: u32,
    /// Lowest usual amount.
    pub low: f64,
    /// Highest usual amount.
    pub high: f64,
}

const fn rule(unit: RateUnit, share: u32, low: f64, high: f64) -> RateRule {
    RateRule {
        unit,
        share,
        low,
        high,
    }
}

/// The units and ranges a basis charges in. Every unit here is one of
/// [`LegalBasis::allowed_units`] for the basis (a unit test keeps it so).
#[rustfmt::skip]
pub fn rate_rules(basis: LegalBasis, offer_type: OfferType) -> &'static [RateRule] {
    use RateUnit::*;
    match (basis, offer_type) {
        (Sel108, _) => const { &[rule(Per24Hours, 100, 1_800.0, 7_500.0)] },
        (Sel107, _) => const { &[rule(Per24Hours, 100, 1_900.0, 8_500.0)] },
        (Sel109, _) => const { &[rule(Per24Hours, 100, 1_500.0, 2_600.0)] },
        (Sel110, _) => const { &[rule(Per24Hours, 100, 1_500.0, 2_400.0)] },
        (Bl43Nr6, _) => const { &[rule(Per24Hours, 100, 3_000.0, 12_000.0)] },
        (Bl43Nr5, _) => const { &[rule(Per24Hours, 100, 1_500.0, 4_500.0)] },
        (Bl32Nr6, _) => const { &[rule(Per24Hours, 100, 3_000.0, 9_000.0)] },
        (Bl32Nr7, _) => const { &[rule(Per24Hours, 100, 2_000.0, 6_000.0)] },
        (Sel103, _) => const { &[rule(PerDay, 55, 400.0, 1_100.0), rule(PerMonth, 45, 8_000.0, 22_000.0)] },
        (Sel104, _) => const { &[rule(PerDay, 60, 400.0, 1_600.0), rule(PerMonth, 40, 8_000.0, 30_000.0)] },
        (Sel85, OfferType::Residential) => const { &[
            rule(PerMonth, 70, 15_000.0, 60_000.0),
            rule(PerHour, 30, 450.0, 900.0),
        ] },
        (Sel85, _) => const { &[rule(PerHour, 85, 450.0, 900.0), rule(PerMonth, 15, 6_000.0, 25_000.0)] },
        (Sel101, OfferType::Residential) => const { &[rule(PerCourse, 100, 60_000.0, 120_000.0)] },
        (Sel101, _) => const { &[rule(PerCourse, 70, 15_000.0, 90_000.0), rule(PerHour, 30, 550.0, 900.0)] },
        (Sel101a, _) => const { &[rule(PerHour, 70, 450.0, 800.0), rule(PerCourse, 30, 15_000.0, 40_000.0)] },
        (Sul141, _) => const { &[rule(PerCourse, 75, 15_000.0, 60_000.0), rule(PerHour, 25, 450.0, 900.0)] },
        (Abl105, _) => const { &[rule(Per24Hours, 100, 1_500.0, 3_000.0)] },
        _ => const { &[rule(PerMonth, 100, 15_000.0, 40_000.0)] },
    }
}

/// Labels of add-on rates (tillægstakster) for residential offers.
pub fn addon_labels(basis: LegalBasis) -> &'static [&'static str] {
    match basis.audience() {
        crate::vocab::Audience::Children => &[
            "Intern skole",
            "Tillæg for 1:1-støtte",
            "Tillæg for vågen nattevagt",
            "Tillæg for psykologbehandling",
        ],
        crate::vocab::Audience::Adults => &[
            "Tillæg for 1:1-støtte",
            "Tillæg for vågen nattevagt",
            "Tillæg for ekstra ledsagelse",
            "Særligt tillæg for massiv støtte",
        ],
    }
}

/// Ownership forms by weight, for offers under a main basis.
#[rustfmt::skip]
pub fn ownership_weights(primary: LegalBasis, theme: Theme) -> &'static [(Ownership, u32)] {
    use Ownership::*;
    match primary {
        Bl43Nr6 if theme == Theme::ChildrenOpholdssted => &[(Private, 82), (SelfGoverning, 15), (Foundation, 3)],
        Bl43Nr6 => &[(Municipal, 55), (Regional, 15), (SelfGoverning, 25), (Foundation, 5)],
        Bl43Nr5 => &[(Municipal, 40), (Private, 45), (SelfGoverning, 15)],
        Sel103 | Sel104 => &[(Municipal, 78), (SelfGoverning, 10), (Private, 7), (Foundation, 5)],
        Sel108 => &[(Municipal, 62), (Regional, 10), (SelfGoverning, 15), (Private, 10), (Foundation, 3)],
        Sel107 => &[(Municipal, 50), (Regional, 8), (SelfGoverning, 15), (Private, 24), (Foundation, 3)],
        Sel85 => &[(Municipal, 55), (Private, 33), (SelfGoverning, 9), (Foundation, 3)],
        Sel101 | Sel101a | Sul141 => &[(Municipal, 62), (Private, 25), (SelfGoverning, 8), (Foundation, 5)],
        Sel109 => &[(SelfGoverning, 55), (Foundation, 20), (Municipal, 25)],
        Sel110 => &[(SelfGoverning, 35), (Foundation, 35), (Municipal, 30)],
        _ => &[(Municipal, 50), (Private, 30), (SelfGoverning, 15), (Regional, 3), (Foundation, 2)],
    }
}

/// Usual staffing ratio (staff per resident) for a basis and type.
pub fn staffing_range(primary: LegalBasis, offer_type: OfferType) -> (f64, f64) {
    match (primary, offer_type) {
        (Bl43Nr6, _) => (1.2, 2.5),
        (Bl43Nr5, _) => (0.5, 1.2),
        (Sel108, _) => (0.8, 1.8),
        (Sel107, _) => (0.7, 1.6),
        (Sel109, _) => (0.5, 1.0),
        (Sel110, _) => (0.3, 0.7),
        (Sel85, OfferType::Residential) => (0.5, 1.2),
        _ => (0.3, 0.8),
    }
}

/// Staff groups (faggrupper) by weight for a theme.
#[rustfmt::skip]
pub fn staff_groups(theme: Theme) -> &'static [(&'static str, u32)] {
    match theme {
        Theme::Children | Theme::ChildrenOpholdssted => &[
            ("Pædagog", 100), ("Lærer", 40), ("Psykolog", 35), ("Socialrådgiver", 30),
            ("Sygeplejerske", 8),
        ],
        Theme::Disability | Theme::BrainInjury => &[
            ("Pædagog", 100), ("SOSU-assistent", 60), ("Sygeplejerske", 30), ("Ergoterapeut", 30),
            ("Fysioterapeut", 25), ("Psykolog", 8),
        ],
        Theme::Psychiatry => &[
            ("Pædagog", 90), ("Sygeplejerske", 50), ("Socialrådgiver", 40), ("SOSU-assistent", 40),
            ("Psykolog", 25), ("Ergoterapeut", 12),
        ],
        Theme::Substance => &[
            ("Socialrådgiver", 80), ("Sygeplejerske", 60), ("Psykolog", 40), ("Pædagog", 40),
            ("Læge", 30),
        ],
        Theme::Homelessness => &[
            ("Pædagog", 70), ("Socialrådgiver", 70), ("Sygeplejerske", 30), ("SOSU-assistent", 20),
        ],
        Theme::Violence => &[
            ("Socialrådgiver", 70), ("Pædagog", 60), ("Psykolog", 60), ("Sygeplejerske", 5),
        ],
    }
}

/// Professional methods by weight for a theme. Most are [`crate::vocab::COMMON_METHODS`]; a
/// few well-known others (Housing First, Gentle Teaching, Minnesota-modellen) appear too, as
/// they do on the portal.
#[rustfmt::skip]
pub fn methods(theme: Theme) -> &'static [(&'static str, u32)] {
    match theme {
        Theme::Disability => &[
            ("TEACCH", 40), ("Low arousal", 60), ("KRAP", 40), ("Neuropædagogik", 30),
            ("Gentle Teaching", 10), ("Marte Meo", 8),
        ],
        Theme::BrainInjury => &[("Neuropædagogik", 80), ("Low arousal", 40), ("KRAP", 30)],
        Theme::Psychiatry => &[
            ("Recovery", 70), ("Mentalisering", 40), ("KRAP", 40), ("Kognitiv adfærdsterapi", 35),
            ("Miljøterapi", 30), ("Jeg-støttende pædagogik", 20), ("Low arousal", 15),
        ],
        Theme::Substance => &[
            ("Motiverende samtale", 80), ("Kognitiv adfærdsterapi", 60), ("Recovery", 30),
            ("Minnesota-modellen", 8), ("Mentalisering", 10),
        ],
        Theme::Homelessness => &[
            ("Housing First", 50), ("Recovery", 40), ("Motiverende samtale", 40), ("KRAP", 20),
            ("Low arousal", 15),
        ],
        Theme::Violence => &[
            ("Traumebevidst omsorg", 70), ("Mentalisering", 30), ("Kognitiv adfærdsterapi", 30),
        ],
        Theme::Children | Theme::ChildrenOpholdssted => &[
            ("Traumebevidst omsorg", 60), ("Miljøterapi", 45), ("Mentalisering", 45), ("KRAP", 30),
            ("Low arousal", 30), ("Marte Meo", 15), ("Jeg-støttende pædagogik", 20),
            ("Kognitiv adfærdsterapi", 10),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rate_rule_uses_a_unit_the_basis_allows() {
        for basis in LegalBasis::ALL {
            for offer_type in OfferType::ALL {
                let rules = rate_rules(*basis, *offer_type);
                assert_eq!(rules.iter().map(|r| r.share).sum::<u32>(), 100, "{basis:?}");
                for r in rules {
                    assert!(
                        basis.allowed_units().contains(&r.unit),
                        "{basis:?} {:?}",
                        r.unit
                    );
                    assert!(r.low > 0.0 && r.low < r.high);
                }
            }
        }
    }

    #[test]
    fn ages_fit_the_audience_of_the_basis() {
        for basis in LegalBasis::ALL {
            for (theme, _) in themes(*basis) {
                for (from, to, _) in age_spans(*basis, *theme) {
                    assert!(from <= to);
                    match basis.audience() {
                        crate::vocab::Audience::Children => assert!(*from < 18 && *to <= 22),
                        crate::vocab::Audience::Adults => assert!(*from >= 18 && *to <= 85),
                    }
                }
            }
        }
    }

    #[test]
    fn secondary_bases_share_the_primary_audience_and_approver() {
        for (primary, _) in PRIMARY_WEIGHTS {
            for (theme, _) in themes(*primary) {
                for (secondary, _) in secondary_options(*primary, *theme) {
                    assert_ne!(secondary, primary);
                    assert_eq!(secondary.audience(), primary.audience());
                    assert_eq!(
                        secondary.municipally_approved(),
                        primary.municipally_approved(),
                        "{primary:?} with {secondary:?}"
                    );
                }
            }
        }
    }
}
