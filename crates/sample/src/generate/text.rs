//! Danish free text: offer descriptions (2–4 sentences naming what the offer is, for whom, its
//! methods and its town), foster-family descriptions and the authorities' marking reasons.
//!
//! The descriptions use the words caseworkers search for, compound words included
//! ("misbrugsbehandling", "døgnbehandling", "alkoholbehandling"), so the sample exercises the
//! search's handling of Danish compounds.

use crate::vocab::{LegalBasis, OfferType, TargetGroup};

use super::kinds::Theme;
use super::rng::Rng;

/// How a target group reads after "med" in running text.
fn target_group_phrase(group: TargetGroup) -> String {
    use TargetGroup::*;
    let phrase = match group {
        Autism => "autisme",
        Attention => "opmærksomhedsforstyrrelser som ADHD",
        AlteredReality => "forandret virkelighedsopfattelse",
        Personality => "personlighedsforstyrrelser",
        Drugs => "stofmisbrug",
        Alcohol => "alkoholmisbrug",
        Attachment => "tilknytningsforstyrrelser",
        Neglect => "en opvækst præget af omsorgssvigt",
        Homelessness => "hjemløshed",
        Externalising => "udadreagerende adfærd",
        Internalising => "indadreagerende adfærd",
        SelfHarm => "selvskadende adfærd",
        IntellectualDisability => "udviklingshæmning",
        AcquiredBrainInjury => "erhvervet hjerneskade",
        CongenitalBrainInjury => "medfødt hjerneskade",
        ViolentAbuse => "erfaring med vold i nære relationer",
        OtherAbuse => "erfaring med psykisk vold og andre overgreb",
        SexualAbuse => "erfaring med seksuelle overgreb",
        _ => return group.label().to_lowercase(),
    };
    phrase.to_string()
}

/// "a, b og c" in Danish.
fn list_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} og {last}", init.join(", ")),
    }
}

/// The people an offer is for, followed by "med" and the target groups.
fn who(groups: &[TargetGroup], children: bool) -> String {
    let people = if children { "børn og unge" } else { "voksne" };
    let phrases: Vec<String> = groups
        .iter()
        .take(3)
        .map(|g| target_group_phrase(*g))
        .collect();
    format!("{people} med {}", list_and(&phrases))
}

/// What the offer is, in one sentence.
fn opening(rng: &mut Rng, t: &OfferText<'_>) -> String {
    use LegalBasis::*;
    let OfferText {
        name,
        primary,
        secondary,
        theme,
        offer_type,
        town,
        groups,
        ..
    } = *t;
    let adults = who(groups, false);
    let children = who(groups, true);
    match (primary, theme) {
        (Sel108, _) => format!("{name} er et længerevarende botilbud i {town} for {adults}."),
        (Sel107, Theme::Substance) => format!(
            "{name} tilbyder døgnbehandling og misbrugsbehandling i {town} for {adults}."
        ),
        (Sel107, _) => format!(
            "{name} er et midlertidigt botilbud i {town}, hvor {adults} kan bo i en periode og blive afklaret."
        ),
        (Sel85, _) if offer_type == OfferType::Outpatient => format!(
            "{name} giver socialpædagogisk støtte i eget hjem til {adults} i og omkring {town}."
        ),
        (Sel85, _) => format!(
            "{name} er et botilbudslignende tilbud i {town} med egne lejligheder og socialpædagogisk støtte til {adults}."
        ),
        (Sel103, _) => format!(
            "{name} tilbyder beskyttet beskæftigelse i {town} for {adults}, med opgaver i værksted, køkken, gartneri og pakkeri."
        ),
        (Sel104, _) => format!("{name} er et aktivitets- og samværstilbud i {town} for {adults}."),
        (Sel101, _) if secondary == Some(Sul141) => format!(
            "{name} tilbyder ambulant misbrugsbehandling og alkoholbehandling i {town} for borgere med stofmisbrug eller alkoholmisbrug."
        ),
        (Sel101, _) => format!(
            "{name} tilbyder ambulant misbrugsbehandling og dagbehandling i {town} for {adults}."
        ),
        (Sel101a, _) => format!(
            "{name} er et anonymt, ambulant tilbud i {town} til voksne, der vil ændre deres forbrug af hash, kokain eller andre stoffer."
        ),
        (Sul141, _) => format!(
            "{name} tilbyder gratis og anonym alkoholbehandling i {town}, ambulant og som dagbehandling."
        ),
        (Sel109, _) => format!(
            "{name} er et krisecenter i {town} for kvinder og deres børn, som har været udsat for vold eller trusler om vold."
        ),
        (Sel110, _) => format!(
            "{name} er et herberg og forsorgshjem i {town} for hjemløse og borgere med særlige sociale problemer, som ikke kan bo i egen bolig."
        ),
        (Bl43Nr6, Theme::Children) => format!(
            "{name} er en døgninstitution i {town}, som tilbyder døgnbehandling til {children}."
        ),
        (Bl43Nr5, _) => format!(
            "{name} er et kollegielignende børne- og ungehjem i {town} for unge fra 15 år, der har brug for støtte på vej mod egen bolig."
        ),
        _ if rng.chance(0.5) => format!("{name} er et opholdssted i {town}-området for {children}."),
        _ => format!("{name} er et socialpædagogisk opholdssted nær {town} for {children}."),
    }
}

/// The methods, in one sentence.
fn methods_sentence(rng: &mut Rng, methods: &[String]) -> Option<String> {
    let list = list_and(methods);
    if list.is_empty() {
        return None;
    }
    let templates = [
        "Vi arbejder ud fra {}.",
        "Den faglige tilgang bygger på {}.",
        "Pædagogikken tager afsæt i {}.",
        "Medarbejderne er uddannet i {}.",
    ];
    let template = rng.pick(&templates).copied().unwrap_or(templates[0]);
    Some(template.replace("{}", &list))
}

/// Everyday life and aims, in one sentence.
fn everyday(rng: &mut Rng, primary: LegalBasis, theme: Theme) -> &'static str {
    let options: &[&str] = match (primary, theme) {
        (LegalBasis::Bl43Nr5, _) => &[
            "De unge har eget værelse med bad og bor tæt på uddannelse og offentlig transport.",
            "Vi støtter de unge i at passe uddannelse eller job, økonomi og egen husholdning.",
        ],
        (_, Theme::Children | Theme::ChildrenOpholdssted) => &[
            "Børnene går i intern skole eller i lokale skoler, og vi samarbejder tæt med forældre og kommune.",
            "Vi lægger vægt på trygge voksne, faste rammer og et godt samarbejde med familien.",
            "De unge får hjælp til skolegang, fritidsliv og kontakt til familie og netværk.",
        ],
        (_, Theme::Disability) => &[
            "Hverdagen bygger på struktur, genkendelighed og meningsfulde aktiviteter.",
            "Beboerne støttes i at leve et så selvstændigt liv som muligt med egne interesser og venskaber.",
        ],
        (_, Theme::BrainInjury) => &[
            "Genoptræning og hverdagsrehabilitering foregår i samarbejde med ergoterapeuter og fysioterapeuter.",
            "Vi arbejder med kompenserende strategier, så borgeren kan mestre hverdagen.",
        ],
        (_, Theme::Psychiatry) => &[
            "Målet er recovery og en selvstændig tilværelse med egen bolig, uddannelse eller job.",
            "Støtten tilrettelægges sammen med borgeren og tager udgangspunkt i egne mål.",
        ],
        (_, Theme::Substance) => &[
            "Behandlingen tilrettelægges individuelt og kan kombineres med job eller uddannelse.",
            "Vi tilbyder samtaler, gruppeforløb og medicinsk behandling, og pårørende kan få rådgivning.",
        ],
        (_, Theme::Homelessness) => &[
            "Beboerne får hjælp til økonomi, bolig og kontakt til sundhedsvæsenet.",
            "Der er døgnbemanding, og vi samarbejder med kommunens bostøtte om udflytning til egen bolig.",
        ],
        (_, Theme::Violence) => &[
            "Vi tilbyder rådgivning, samtaler med psykolog og særlig støtte til børnene.",
            "Kvinderne kan henvende sig døgnet rundt, og der er personale til stede hele døgnet.",
        ],
    };
    rng.pick(options).copied().unwrap_or("")
}

/// Where the offer lies, in one sentence.
fn setting(rng: &mut Rng, offer_type: OfferType) -> &'static str {
    let options: &[&str] = match offer_type {
        OfferType::Residential => &[
            "Tilbuddet ligger i naturskønne omgivelser tæt på skov og strand.",
            "Tilbuddet ligger centralt med gåafstand til indkøb og offentlig transport.",
            "Bygningerne er nyrenoverede med egne boliger og fælles køkken og opholdsstue.",
        ],
        OfferType::Day => &[
            "Der er gode adgangsforhold, og kørsel kan aftales med kommunen.",
            "Huset har værksteder, køkken og en stor have.",
        ],
        OfferType::Outpatient => &[
            "Der er åben rådgivning uden tidsbestilling en gang om ugen.",
            "Samtalerne kan foregå i tilbuddets lokaler, i eget hjem eller som videosamtaler.",
        ],
    };
    rng.pick(options).copied().unwrap_or("")
}

/// The inputs to an offer's description.
pub struct OfferText<'a> {
    /// Offer name.
    pub name: &'a str,
    /// Main basis.
    pub primary: LegalBasis,
    /// Second basis, if any.
    pub secondary: Option<LegalBasis>,
    /// Theme.
    pub theme: Theme,
    /// Residential, day or outpatient.
    pub offer_type: OfferType,
    /// The town it is in.
    pub town: &'a str,
    /// The main service's target groups, most important first.
    pub groups: &'a [TargetGroup],
    /// The offer's methods.
    pub methods: &'a [String],
}

/// A 2–4 sentence description of an offer.
pub fn offer_description(rng: &mut Rng, t: &OfferText<'_>) -> String {
    let mut sentences = vec![opening(rng, t)];
    if let Some(methods) = methods_sentence(rng, t.methods) {
        sentences.push(methods);
    }
    if rng.chance(0.8) {
        sentences.push(everyday(rng, t.primary, t.theme).to_string());
    }
    if sentences.len() < 4 && rng.chance(0.5) {
        sentences.push(setting(rng, t.offer_type).to_string());
    }
    sentences.retain(|s| !s.is_empty());
    sentences.join(" ")
}

/// Why an authority marked an offer's data as wrong (SEL § 14, stk. 6).
pub fn marking_reason(rng: &mut Rng) -> &'static str {
    const REASONS: &[&str] = &[
        "Oplysningerne om ledige pladser er ikke retvisende.",
        "Taksterne på Tilbudsportalen svarer ikke til de godkendte takster.",
        "Målgruppebeskrivelsen er ikke opdateret efter en væsentlig ændring af tilbuddet.",
        "Oplysningerne om normering og medarbejdere er mangelfulde.",
        "Tilbuddets kontaktoplysninger og adresse er forældede.",
        "Tilbuddet har ikke indberettet ændringer i antal pladser.",
    ];
    rng.pick(REASONS).copied().unwrap_or(REASONS[0])
}

/// The inputs to a foster family's public description.
pub struct FamilyText<'a> {
    /// The family type's label in running text ("almen plejefamilie").
    pub kind: &'a str,
    /// The town it lives in.
    pub city: &'a str,
    /// Whether the district is city rather than town or country.
    pub urban: bool,
    /// Approved for one named child (often in the family's own network).
    pub concrete: bool,
    /// Own children at home.
    pub own_children: u8,
    /// Target groups, most important first.
    pub groups: &'a [TargetGroup],
    /// Competences.
    pub competences: &'a [String],
}

/// A 2–3 sentence public description of a foster family (no names, no exact address).
pub fn family_description(rng: &mut Rng, t: &FamilyText<'_>) -> String {
    let surroundings: &[&str] = if t.urban {
        &[
            "i en lejlighed",
            "i et rækkehus",
            "i et roligt villakvarter",
            "tæt på skole og fritidstilbud",
        ]
    } else {
        &[
            "på landet",
            "i et parcelhuskvarter",
            "i et rækkehus",
            "på en mindre gård med dyr",
            "tæt på skole og fritidstilbud",
        ]
    };
    let place = rng.pick(surroundings).copied().unwrap_or("i et rækkehus");
    let home = match t.own_children {
        0 => "Der er ingen hjemmeboende børn.".to_string(),
        1 => "Familien har ét hjemmeboende barn.".to_string(),
        n => format!("Familien har {n} hjemmeboende børn."),
    };
    let mut text = format!("{} {place} ved {}. {home}", capitalise(t.kind), t.city);
    if t.concrete {
        text.push_str(" Godkendt til et bestemt barn.");
    }
    if let Some(first) = t.groups.first() {
        text.push_str(&format!(
            " Familien har erfaring med børn med {}.",
            target_group_phrase(*first)
        ));
    }
    if !t.competences.is_empty() {
        let lowered: Vec<String> = t.competences.iter().map(|c| lower_first(c)).collect();
        text.push_str(&format!(" Særlige kompetencer: {}.", list_and(&lowered)));
    }
    text
}

/// The first letter in lower case, unless the word is an abbreviation ("ADHD").
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().next().is_some_and(char::is_lowercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_have_two_to_four_sentences_and_name_the_town() {
        let mut rng = Rng::new(2);
        let methods = vec!["Motiverende samtale".to_string(), "Recovery".to_string()];
        for _ in 0..200 {
            let text = offer_description(
                &mut rng,
                &OfferText {
                    name: "Misbrugscenter Viborg",
                    primary: LegalBasis::Sel101,
                    secondary: None,
                    theme: Theme::Substance,
                    offer_type: OfferType::Outpatient,
                    town: "Viborg",
                    groups: &[TargetGroup::Drugs, TargetGroup::Alcohol],
                    methods: &methods,
                },
            );
            let sentences = text.matches(". ").count() + 1;
            assert!((2..=4).contains(&sentences), "{text}");
            assert!(
                text.contains("Viborg") && text.contains("misbrugsbehandling"),
                "{text}"
            );
            assert!(text.contains("Motiverende samtale og Recovery"), "{text}");
        }
    }

    #[test]
    fn lists_read_as_danish() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(list_and(&items), "a, b og c");
        assert_eq!(list_and(&items[..1]), "a");
        assert_eq!(capitalise("almen plejefamilie"), "Almen plejefamilie");
        assert_eq!(lower_first("Erfaring med ADHD"), "erfaring med ADHD");
        assert_eq!(lower_first("ADHD"), "ADHD");
    }
}
