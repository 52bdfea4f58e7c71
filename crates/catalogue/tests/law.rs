//! The vocabularies against the law's own text.
//!
//! Each table below is written from the law (Barnets lov § 43, stk. 1 and § 32, stk. 1 as of
//! 2024; Serviceloven; Sundhedsloven § 141; almenboligloven § 105, stk. 2; the foster-family types
//! since 1 July 2019), as summarised in `shared/domain.md` sections 3 and 6, and not from the code:
//! a wrong label or citation in `vocab.rs` fails here, one legal basis or family type a test.

use catalogue::vocab::{
    superseded, CareKind, FosterFamilyType, LegalBasis, QualityTheme, Replacement,
    CATALOGUE_FORMAT_VERSION,
};

/// (code, short citation, the law's words).
const LEGAL_BASES: &[(&str, &str, &str)] = &[
    ("bl_43_stk1_nr1", "BL § 43, stk. 1, nr. 1", "Almene plejefamilier"),
    ("bl_43_stk1_nr2", "BL § 43, stk. 1, nr. 2", "Forstærkede plejefamilier"),
    ("bl_43_stk1_nr3", "BL § 43, stk. 1, nr. 3", "Specialiserede plejefamilier"),
    ("bl_43_stk1_nr4", "BL § 43, stk. 1, nr. 4", "Netværksplejefamilier"),
    (
        "bl_43_stk1_nr5",
        "BL § 43, stk. 1, nr. 5",
        "Egne værelser, kollegier eller kollegielignende børne- og ungehjem",
    ),
    ("bl_43_stk1_nr6", "BL § 43, stk. 1, nr. 6", "Børne- og ungehjem"),
    (
        "bl_43_stk1_nr7",
        "BL § 43, stk. 1, nr. 7",
        "Pladser på efterskoler, frie fagskoler og frie grundskoler med kostafdeling",
    ),
    ("bl_32_stk1_nr6", "BL § 32, stk. 1, nr. 6", "Familieanbringelse"),
    ("bl_32_stk1_nr7", "BL § 32, stk. 1, nr. 7", "Støtteophold"),
    ("sel_85", "SEL § 85", "Socialpædagogisk støtte"),
    ("sel_101", "SEL § 101", "Stofmisbrugsbehandling"),
    ("sel_101a", "SEL § 101 a", "Anonym ambulant stofmisbrugsbehandling"),
    ("sel_103", "SEL § 103", "Beskyttet beskæftigelse"),
    ("sel_104", "SEL § 104", "Aktivitets- og samværstilbud"),
    ("sel_107", "SEL § 107", "Midlertidigt botilbud"),
    ("sel_108", "SEL § 108", "Længerevarende botilbud"),
    ("sel_109", "SEL § 109", "Krisecenter for kvinder"),
    ("sel_110", "SEL § 110", "Forsorgshjem / herberg"),
    ("sul_141", "SUL § 141", "Alkoholbehandling"),
    (
        "abl_105",
        "ABL § 105, stk. 2",
        "Almene ældre- og plejeboliger til personer med betydelig og varigt nedsat fysisk eller psykisk funktionsevne",
    ),
];

fn check_basis(code: &str) {
    let (_, citation, text) = LEGAL_BASES
        .iter()
        .find(|(c, _, _)| *c == code)
        .unwrap_or_else(|| panic!("{code} is not in the law's table"));
    let basis = LegalBasis::from_code(code).unwrap_or_else(|| panic!("{code} is not a code"));
    assert_eq!(basis.short(), *citation, "{code}: citation");
    assert_eq!(basis.official_text(), *text, "{code}: text");
    assert_eq!(basis.label(), format!("{citation} {text}"), "{code}: label");
    // Danish citation writes stk. and nr.; "§ 43.1" would read as stk. 1.
    assert!(!basis.short().contains('.') || basis.short().contains("stk."));
}

macro_rules! basis_tests {
    ($($name:ident = $code:literal;)+) => {
        $(#[test] fn $name() { check_basis($code); })+
    };
}

basis_tests! {
    bl_43_stk1_nr1_almene_plejefamilier = "bl_43_stk1_nr1";
    bl_43_stk1_nr2_forstaerkede_plejefamilier = "bl_43_stk1_nr2";
    bl_43_stk1_nr3_specialiserede_plejefamilier = "bl_43_stk1_nr3";
    bl_43_stk1_nr4_netvaerksplejefamilier = "bl_43_stk1_nr4";
    bl_43_stk1_nr5_egne_vaerelser_kollegier = "bl_43_stk1_nr5";
    bl_43_stk1_nr6_boerne_og_ungehjem = "bl_43_stk1_nr6";
    bl_43_stk1_nr7_efterskoler_frie_fagskoler_frie_grundskoler = "bl_43_stk1_nr7";
    bl_32_stk1_nr6_familieanbringelse = "bl_32_stk1_nr6";
    bl_32_stk1_nr7_stoetteophold = "bl_32_stk1_nr7";
    sel_85_socialpaedagogisk_stoette = "sel_85";
    sel_101_stofmisbrugsbehandling = "sel_101";
    sel_101a_anonym_ambulant = "sel_101a";
    sel_103_beskyttet_beskaeftigelse = "sel_103";
    sel_104_aktivitets_og_samvaerstilbud = "sel_104";
    sel_107_midlertidigt_botilbud = "sel_107";
    sel_108_laengerevarende_botilbud = "sel_108";
    sel_109_krisecenter = "sel_109";
    sel_110_forsorgshjem = "sel_110";
    sul_141_alkoholbehandling = "sul_141";
    abl_105_stk_2_almene_aeldre_og_plejeboliger = "abl_105";
}

#[test]
fn every_legal_basis_is_in_the_laws_table_and_no_other() {
    assert_eq!(LegalBasis::ALL.len(), LEGAL_BASES.len());
    for basis in LegalBasis::ALL {
        assert!(
            LEGAL_BASES.iter().any(|(c, _, _)| *c == basis.code()),
            "{basis:?}"
        );
    }
}

/// (code, label): the types since 1 July 2019. No "kommunal", no "aflastning".
const FAMILY_TYPES: &[(&str, &str)] = &[
    ("almen", "Almen plejefamilie"),
    ("forstaerket", "Forstærket plejefamilie"),
    ("specialiseret", "Specialiseret plejefamilie"),
    ("netvaerk", "Netværksplejefamilie"),
];

fn check_family_type(code: &str) {
    let (_, label) = FAMILY_TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .unwrap_or_else(|| panic!("{code} is not a type in the law"));
    let family_type =
        FosterFamilyType::from_code(code).unwrap_or_else(|| panic!("{code} is not a code"));
    assert_eq!(family_type.label(), *label);
}

#[test]
fn family_type_almen() {
    check_family_type("almen");
}

#[test]
fn family_type_forstaerket() {
    check_family_type("forstaerket");
}

#[test]
fn family_type_specialiseret() {
    check_family_type("specialiseret");
}

#[test]
fn family_type_netvaerk() {
    check_family_type("netvaerk");
}

#[test]
fn abolished_family_types_are_old_codes_a_person_must_replace() {
    assert_eq!(FosterFamilyType::ALL.len(), FAMILY_TYPES.len());
    for code in ["kommunal", "aflastning"] {
        assert_eq!(FosterFamilyType::from_code(code), None, "{code}");
        let old = superseded("FosterFamilyType", code).expect("listed as superseded");
        assert!(matches!(old.replacement, Replacement::Choice(..)), "{code}");
    }
}

#[test]
fn care_kinds_name_støtteophold_not_aflastning() {
    assert_eq!(CareKind::Placement.label(), "Døgnanbringelse");
    assert_eq!(CareKind::Respite.label(), "Støtteophold");
    assert_eq!(CareKind::from_code("aflastning"), None);
}

#[test]
fn quality_themes_are_the_seven_scored_ones_of_each_kind() {
    let offers: Vec<&str> = QualityTheme::ALL
        .iter()
        .filter(|t| t.applies_to(false))
        .map(|t| t.label())
        .collect();
    let families: Vec<&str> = QualityTheme::ALL
        .iter()
        .filter(|t| t.applies_to(true))
        .map(|t| t.label())
        .collect();
    let shared = [
        "Uddannelse og beskæftigelse",
        "Selvstændighed og relationer",
        "Sundhed og trivsel",
        "Målgrupper, metoder og resultater",
        "Kompetencer",
        "Fysiske rammer",
    ];
    for theme in shared {
        assert!(
            offers.contains(&theme) && families.contains(&theme),
            "{theme}"
        );
    }
    assert!(offers.contains(&"Organisation og ledelse"));
    assert!(!families.contains(&"Organisation og ledelse"));
    assert!(families.contains(&"Familiestruktur og familiedynamik"));
    assert!(!offers.contains(&"Familiestruktur og familiedynamik"));
    assert_eq!(offers.len(), 7);
    assert_eq!(families.len(), 7);
    assert!(QualityTheme::ALL.iter().all(|t| t.label() != "Økonomi"));
}

#[test]
fn municipality_820_is_vesthimmerlands() {
    assert_eq!(
        catalogue::vocab::municipality(820).map(|m| m.name),
        Some("Vesthimmerlands")
    );
}

#[test]
fn an_old_code_is_a_located_error_naming_its_replacement() {
    assert_eq!(CATALOGUE_FORMAT_VERSION, 2);
    let line = br#"{"basis":"bl_43_1_6","places":4}"#;
    let err =
        serde_json::from_slice::<catalogue::model::LegalBasisPlaces>(line).expect_err("old code");
    let message = err.to_string();
    assert!(
        message.contains("\"bl_43_1_6\" is a code of catalogue format 1"),
        "{message}"
    );
    assert!(message.contains("\"bl_43_stk1_nr6\""), "{message}");

    let line = br#"{"basis":"bl_43_1_7","places":4}"#;
    let message = serde_json::from_slice::<catalogue::model::LegalBasisPlaces>(line)
        .expect_err("old code")
        .to_string();
    assert!(
        message.contains("\"bl_43_stk1_nr6\" or \"bl_43_stk1_nr7\""),
        "{message}"
    );
}
