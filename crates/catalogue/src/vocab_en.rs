//! English labels of the closed vocabularies, beside the Danish ones of [`crate::vocab`].
//!
//! The Danish label is part of each vocabulary's declaration (it is what the national portal
//! says); the English one lives here, in one table per vocabulary, so that the interface and the
//! report can show one language at a time. Each table is a `match` over every value: a value
//! added to a vocabulary without an English label does not compile. The tests check that the
//! English labels are not Danish ones left in place (apart from names and words that are the
//! same in both languages, listed there) and that no two values of a vocabulary read alike.
//!
//! Legal bases keep their Danish citation ("SEL § 108"): it is how the law is cited in any
//! language; only the law's words for the item are translated ([`LegalBasis::official_text_en`]).

use crate::vocab::{
    ApprovalScope, ApprovalStatus, Authority, CareKind, FosterFamilyType, InspectionKind,
    LegalBasis, OfferType, Ownership, QualityTheme, RateUnit, Region, SanctionKind, ServiceKind,
    TargetGroup, TargetGroupGroup,
};

/// A vocabulary value's label in Danish and in English.
pub trait Labels: Copy {
    /// The Danish label (the vocabulary's own `label()`).
    fn danish(self) -> &'static str;
    /// The English label.
    fn english(self) -> &'static str;
}

/// Declares the English labels of a vocabulary: one arm per value.
macro_rules! english {
    ($name:ident { $($variant:ident => $en:literal,)+ }) => {
        impl Labels for $name {
            fn danish(self) -> &'static str {
                self.label()
            }
            fn english(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }
        }
    };
}

english!(OfferType {
    Residential => "Residential care",
    Day => "Day services",
    Outpatient => "Outpatient services",
});

english!(Ownership {
    Municipal => "Municipal",
    Regional => "Regional",
    SelfGoverning => "Self-governing institution",
    Private => "Private",
    Foundation => "Foundation / association",
});

english!(Authority {
    Nord => "Socialtilsyn Nord",
    Midt => "Socialtilsyn Midt",
    Syd => "Socialtilsyn Syd",
    Oest => "Socialtilsyn Øst",
    Hovedstaden => "Socialtilsyn Hovedstaden",
    Municipality => "The municipality (§§ 103/104, network foster care)",
});

english!(ApprovalStatus {
    Approved => "Approved",
    ConditionallyApproved => "Conditionally approved",
    InProcess => "Under review",
    Ceased => "Ceased",
});

english!(SanctionKind {
    Order => "Order (påbud)",
    EnhancedSupervision => "Enhanced supervision (skærpet tilsyn)",
    Condition => "Approval with conditions (vilkår)",
    Cessation => "Approval revoked (ophør)",
});

english!(RateUnit {
    Per24Hours => "per 24 hours",
    PerDay => "per day",
    PerMonth => "per month",
    PerHour => "per hour",
    PerCourse => "per course",
});

english!(InspectionKind {
    Announced => "Announced",
    Unannounced => "Unannounced",
});

english!(ServiceKind {
    Assessment => "Assessment",
    ActivityAndSocial => "Activities and social contact",
    Treatment => "Treatment",
    ShelteredEmployment => "Sheltered employment",
    Leisure => "Leisure activity",
    Residence => "Stay",
    Teaching => "Teaching",
    Training => "Training",
    SocialPedagogicalSupport => "Socio-educational support",
    Counselling => "Counselling",
    PracticalHelp => "Practical help",
    PersonalHelp => "Personal help",
});

english!(Region {
    Nordjylland => "North Denmark Region",
    Midtjylland => "Central Denmark Region",
    Syddanmark => "Region of Southern Denmark",
    Hovedstaden => "Capital Region of Denmark",
    Sjaelland => "Region Zealand",
});

english!(TargetGroupGroup {
    Physical => "Physical disability",
    Cognitive => "Intellectual / cognitive disability",
    Mental => "Mental health difficulties",
    Social => "Social problems",
});

english!(TargetGroup {
    RareDisability => "Rare disability",
    MultipleDisability => "Multiple disabilities",
    CongenitalDeafblind => "Congenital deafblindness",
    AcquiredDeafblind => "Acquired deafblindness",
    Hearing => "Hearing impairment",
    Communication => "Communication impairment",
    Mobility => "Mobility impairment",
    Vision => "Visual impairment",
    OtherPhysical => "Other physical disability",
    Dementia => "Dementia",
    AcquiredBrainInjury => "Acquired brain injury",
    CongenitalBrainInjury => "Congenital brain injury",
    Autism => "Autism spectrum",
    Attention => "Attention disorder",
    SensoryMotor => "Developmental disorder of sensorimotor skills",
    SchoolSkills => "Developmental disorder of scholastic skills",
    SpeechLanguage => "Developmental disorder of speech and language",
    OtherDevelopmental => "Other developmental disorder",
    IntellectualDisability => "Intellectual disability",
    OtherCognitive => "Other intellectual / cognitive disorder",
    Anxiety => "Anxiety",
    Depression => "Depression",
    AlteredReality => "Altered perception of reality",
    Personality => "Personality disorder",
    EatingDisorder => "Eating disorder",
    Stress => "Stress",
    Attachment => "Attachment disorder",
    OtherMental => "Other mental health difficulty",
    Homelessness => "Homelessness",
    SelfHarm => "Self-harming behaviour",
    SocialIsolation => "Social isolation",
    Externalising => "Externalising behaviour",
    Internalising => "Internalising behaviour",
    OtherSocial => "Other social problem",
    ViolentCrime => "Violent crime",
    NonViolentCrime => "Non-violent crime",
    Neglect => "Neglect",
    Alcohol => "Alcohol abuse",
    Drugs => "Drug abuse",
    Prostitution => "Prostitution",
    SexuallyAbusive => "Sexually abusive behaviour",
    Suicidal => "Suicidal thoughts or attempts",
    SexualAbuse => "Sexual abuse",
    ViolentAbuse => "Violent abuse",
    OtherAbuse => "Other abuse",
});

english!(QualityTheme {
    Education => "Education and employment",
    Independence => "Independence and relationships",
    Health => "Health and well-being",
    TargetGroupMethods => "Target groups, methods and results",
    Organisation => "Organisation and management",
    Competences => "Competences",
    PhysicalSetting => "Physical setting",
    FamilyStructure => "Family structure and dynamics",
});

english!(FosterFamilyType {
    General => "General foster family",
    Reinforced => "Reinforced foster family",
    Specialised => "Specialised foster family",
    Network => "Network foster family",
});

english!(CareKind {
    Placement => "Placement (day and night)",
    Respite => "Respite stays",
    DayCare => "Day care",
});

english!(ApprovalScope {
    General => "General approval",
    Concrete => "Approval for one child",
});

impl LegalBasis {
    /// The law's words for the item, in English (the citation stays Danish: see the module).
    pub fn official_text_en(self) -> &'static str {
        use LegalBasis::*;
        match self {
            Bl43Nr1 => "General foster families",
            Bl43Nr2 => "Reinforced foster families",
            Bl43Nr3 => "Specialised foster families",
            Bl43Nr4 => "Network foster families",
            Bl43Nr5 => {
                "Own rooms, halls of residence or similar homes for children and young people"
            }
            Bl43Nr6 => "Homes for children and young people",
            Bl43Nr7 => "Places at boarding schools (efterskoler, free vocational and free schools)",
            Sel85 => "Socio-educational support",
            Sel101 => "Treatment for drug abuse",
            Sel101a => "Anonymous outpatient treatment for drug abuse",
            Sel103 => "Sheltered employment",
            Sel104 => "Activities and social contact",
            Sel107 => "Temporary residential care",
            Sel108 => "Long-term residential care",
            Sel109 => "Crisis centre for women",
            Sel110 => "Shelter / hostel for homeless people",
            Sul141 => "Alcohol treatment",
            Abl105 => {
                "Social housing for people with considerable, lasting physical or mental disability"
            }
            Bl32Nr6 => "Parent and child placed together",
            Bl32Nr7 => "Respite stays",
        }
    }
}

/// Whether a Danish label is rightly the same in English: a name, or a word both languages share.
#[cfg(test)]
fn same_in_both(danish: &str) -> bool {
    danish.starts_with("Socialtilsyn ")
        || matches!(
            danish,
            "Regional" | "Depression" | "Prostitution" | "Social isolation"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn check<V: Labels + std::fmt::Debug>(values: &[V]) {
        let mut seen = BTreeSet::new();
        for value in values {
            let (da, en) = (value.danish(), value.english());
            assert!(!en.trim().is_empty(), "{value:?} has no English label");
            assert!(
                en != da || same_in_both(da),
                "{value:?}: the English label is the Danish one ({da})"
            );
            assert!(seen.insert(en.to_lowercase()), "{value:?}: {en} twice");
        }
    }

    #[test]
    fn every_vocabulary_value_has_its_own_english_label() {
        check(OfferType::ALL);
        check(Ownership::ALL);
        check(Authority::ALL);
        check(ApprovalStatus::ALL);
        check(SanctionKind::ALL);
        check(RateUnit::ALL);
        check(InspectionKind::ALL);
        check(ServiceKind::ALL);
        check(Region::ALL);
        check(TargetGroupGroup::ALL);
        check(TargetGroup::ALL);
        check(QualityTheme::ALL);
        check(FosterFamilyType::ALL);
        check(CareKind::ALL);
        check(ApprovalScope::ALL);
        let mut seen = BTreeSet::new();
        for basis in LegalBasis::ALL {
            let en = basis.official_text_en();
            assert_ne!(en, basis.official_text(), "{basis:?}");
            assert!(seen.insert(en), "{basis:?}: {en} twice");
        }
    }
}
