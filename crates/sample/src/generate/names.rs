//! Names that sound like the real ones: offers ("Bostedet Lærkehøj", "Misbrugscenter Aarhus"),
//! owners, people, and the web domains and e-mail addresses that go with them.

use crate::vocab::{LegalBasis, Municipality, OfferType, Ownership, Region};

use super::kinds::Theme;
use super::rng::Rng;

const PLACE_STEMS: &[&str] = &[
    "Lærke", "Ege", "Bøge", "Birke", "Linde", "Rosen", "Sol", "Skov", "Mølle", "Kilde", "Fjord",
    "Eng", "Hav", "Strand", "Ravns", "Trane", "Vibe", "Hylde", "Kastanje", "Æble", "Pile", "Elme",
    "Hassel", "Gran", "Aske", "Lyng", "Sø", "Hjorte", "Stjerne", "Grøn", "Tjørne", "Ny", "Mose",
    "Rønne", "Valmue", "Kløver", "Agern", "Ørne",
];
const PLACE_ENDINGS: &[&str] = &[
    "høj",
    "bakken",
    "gården",
    "lund",
    "ly",
    "holm",
    "huset",
    "toften",
    "vang",
    "dalen",
    "haven",
    "bo",
    "borg",
    "vænget",
    "hjemmet",
    "glimt",
    "stedet",
    "gård",
    "skrænten",
];
const SINGLE_NAMES: &[&str] = &[
    "Solsikken",
    "Nordlys",
    "Regnbuen",
    "Fyrtårnet",
    "Ankeret",
    "Kompasset",
    "Spiren",
    "Stjerneskuddet",
    "Fristedet",
    "Havblik",
    "Lyngbakken",
    "Tusindfryd",
    "Mælkebøtten",
    "Solstrålen",
    "Trekløveret",
    "Springet",
    "Broen",
    "Oasen",
    "Horisonten",
    "Vendepunktet",
    "Fuglereden",
    "Udsigten",
    "Vejviseren",
    "Lyset",
    "Perlen",
    "Sommerfuglen",
    "Egetræet",
    "Bølgen",
    "Morgenrøden",
    "Pejlemærket",
    "Kimen",
    "Rødderne",
    "Anemonen",
    "Fyrreskoven",
    "Stenhuset",
    "Skovhuset",
    "Ådalen",
    "Kornmarken",
    "Læhegnet",
    "Kastanjen",
    "Lærken",
    "Nøddebo",
    "Stjernen",
    "Sejlet",
    "Vandkanten",
    "Agerhønen",
];

/// A place-like compound name: "Lærkehøj", "Egebakken", "Bøgely", "Kildegården".
pub fn place_name(rng: &mut Rng) -> String {
    let stem = *rng.pick(PLACE_STEMS).unwrap_or(&"Ege");
    let ending = *rng.pick(PLACE_ENDINGS).unwrap_or(&"bakken");
    format!("{stem}{ending}")
}

/// A one-word name ("Solsikken") or a compound place name, for an offer's distinctive part.
pub fn distinctive_name(rng: &mut Rng) -> String {
    if rng.chance(0.2) {
        (*rng.pick(SINGLE_NAMES).unwrap_or(&"Solsikken")).to_string()
    } else {
        place_name(rng)
    }
}

/// An offer's name, built the way such offers are named, and its distinctive part (used for
/// the owner's name and web domain).
pub fn offer_name(
    rng: &mut Rng,
    primary: LegalBasis,
    theme: Theme,
    offer_type: OfferType,
    town: &str,
    public: bool,
) -> (String, String) {
    use LegalBasis::*;
    let distinctive = distinctive_name(rng);
    // Prefixes with `{}` take the distinctive name; the others take the town.
    let patterns: &[(&str, u32)] = match (primary, theme, offer_type) {
        (Sel108, Theme::BrainInjury, _) | (Sel107, Theme::BrainInjury, _) => &[
            ("Botilbuddet {}", 4),
            ("Hjerneskadecenter {town}", 2),
            ("Bocenter {}", 2),
        ],
        (Sel108, Theme::Psychiatry, _) => &[
            ("Bostedet {}", 4),
            ("Socialpsykiatrisk Bocenter {}", 2),
            ("Botilbuddet {}", 3),
        ],
        (Sel108, _, _) => &[
            ("Bostedet {}", 4),
            ("Botilbuddet {}", 4),
            ("Bocenter {}", 2),
            ("Bofællesskabet {}", 2),
            ("Boligerne {}", 1),
            ("{}", 2),
        ],
        (Sel107, Theme::Substance, _) => &[
            ("Behandlingscenter {}", 4),
            ("Døgnbehandlingen {}", 2),
            ("Behandlingshjemmet {}", 2),
        ],
        (Sel107, Theme::Psychiatry, _) => &[
            ("Botilbuddet {}", 3),
            ("Bostedet {}", 2),
            ("Socialpsykiatrisk Center {town}", 2),
            ("Ungeboligerne {}", 1),
        ],
        (Sel107, _, _) => &[
            ("Botilbuddet {}", 3),
            ("Bostedet {}", 3),
            ("Midlertidigt Botilbud {}", 1),
            ("Ungeboligerne {}", 1),
        ],
        (Sel85, Theme::Homelessness, _) => &[
            ("Bostøtteteamet {town}", 2),
            ("Housing First-teamet {town}", 1),
            ("Skæve Huse {}", 1),
        ],
        (Sel85, _, OfferType::Outpatient) => &[
            ("Bostøtten {town}", 3),
            ("Støttecenter {}", 2),
            ("Socialpsykiatrisk Støttecenter {town}", 2),
            ("Ungeindsatsen {town}", 1),
            ("Bo- og Støttecenter {}", 1),
        ],
        (Sel85, _, _) => &[
            ("Bofællesskabet {}", 4),
            ("Boligerne {}", 3),
            ("Bostedet {}", 2),
            ("Ungeboligerne {}", 1),
        ],
        (Sel103, _, _) => &[
            ("Beskyttet Værksted {}", 3),
            ("Værkstedet {}", 3),
            ("{} Værksteder", 2),
            ("Job- og Aktivitetscenter {town}", 1),
        ],
        (Sel104, Theme::Homelessness, _) => &[("Værestedet {}", 3), ("Varmestuen {}", 2)],
        (Sel104, _, _) => &[
            ("Aktivitetscentret {}", 3),
            ("Værestedet {}", 2),
            ("Dagcentret {}", 2),
            ("Klubhuset {}", 1),
            ("Aktivitetshuset {}", 2),
        ],
        (Sel101, _, _) => &[
            ("Misbrugscenter {town}", 4),
            ("Rusmiddelcenter {town}", 3),
            ("Behandlingscenter {}", 2),
            ("Center for Misbrugsbehandling {town}", 1),
        ],
        (Sel101a, _, _) => &[
            ("Anonym Stofrådgivning {town}", 2),
            ("Ungerådgivningen {town}", 1),
            ("Rusmiddelrådgivningen {town}", 1),
        ],
        (Sul141, _, _) => &[
            ("Alkoholbehandlingen {town}", 3),
            ("Alkoholenheden {town}", 2),
            ("Behandlingscenter {}", 1),
        ],
        (Sel109, _, _) => &[
            ("Krisecenter {town}", 4),
            ("Kvindekrisecentret {town}", 2),
            ("Kvindehuset {town}", 1),
            ("Krisecentret {}", 1),
        ],
        (Sel110, _, _) => &[
            ("Herberget {}", 3),
            ("Forsorgshjemmet {}", 3),
            ("Herberget {town}", 1),
            ("Kirkens Korshærs Herberg {town}", 1),
        ],
        (Bl43Nr6, Theme::ChildrenOpholdssted, _) => &[
            ("Opholdsstedet {}", 7),
            ("{}", 2),
            ("Opholds- og Skolehjemmet {}", 1),
        ],
        (Bl43Nr6, _, _) => &[
            ("Døgninstitutionen {}", 4),
            ("Børnehjemmet {}", 2),
            ("Ungecentret {}", 2),
            ("Behandlingshjemmet {}", 2),
        ],
        (Bl43Nr5, _, _) => &[
            ("Kollegiet {}", 3),
            ("Ungekollegiet {}", 3),
            ("Ungebo {}", 2),
        ],
        _ => &[("Bostedet {}", 1)],
    };
    // Private and self-governing offers have names of their own; "Misbrugscenter Aarhus" is
    // the municipality's. Keep town-named patterns for public owners where there is a choice.
    let own_name: Vec<(&str, u32)> = patterns
        .iter()
        .copied()
        .filter(|(p, _)| public || !p.contains("{town}"))
        .collect();
    let patterns = if own_name.is_empty() {
        patterns
    } else {
        &own_name[..]
    };
    let pattern = *rng.weighted(patterns).unwrap_or(&"Bostedet {}");
    let mut name = pattern.replace("{town}", town).replace("{}", &distinctive);
    // A municipality often has several offers of one kind: "Bostøtten Aarhus Vest".
    if pattern.contains("{town}") && rng.chance(0.5) {
        let area = ["Nord", "Syd", "Øst", "Vest", "Midt", "Centrum"];
        name.push(' ');
        name.push_str(rng.pick(&area).copied().unwrap_or("Nord"));
    }
    let distinctive = if pattern.contains("{town}") {
        name.clone()
    } else {
        distinctive
    };
    (name, distinctive)
}

const WOMEN: &[&str] = &[
    "Anne",
    "Mette",
    "Hanne",
    "Susanne",
    "Lene",
    "Marianne",
    "Camilla",
    "Louise",
    "Charlotte",
    "Pia",
    "Tina",
    "Helle",
    "Maria",
    "Julie",
    "Sofie",
    "Karina",
    "Trine",
    "Rikke",
    "Birgitte",
    "Lone",
    "Signe",
    "Maja",
    "Ida",
    "Line",
    "Stine",
    "Dorthe",
    "Malene",
    "Nanna",
    "Heidi",
    "Sara",
];
const MEN: &[&str] = &[
    "Peter",
    "Jens",
    "Lars",
    "Michael",
    "Henrik",
    "Søren",
    "Thomas",
    "Jan",
    "Niels",
    "Anders",
    "Martin",
    "Morten",
    "Jesper",
    "Rasmus",
    "Christian",
    "Mads",
    "Kasper",
    "Frederik",
    "Jakob",
    "Ole",
    "Per",
    "Torben",
    "Kim",
    "Brian",
    "Jonas",
    "Simon",
    "Mikkel",
    "Bo",
    "Steen",
    "Allan",
];
const SURNAMES: &[(&str, u32)] = &[
    ("Jensen", 30),
    ("Nielsen", 30),
    ("Hansen", 25),
    ("Pedersen", 20),
    ("Andersen", 20),
    ("Christensen", 15),
    ("Larsen", 15),
    ("Sørensen", 14),
    ("Rasmussen", 11),
    ("Jørgensen", 11),
    ("Petersen", 10),
    ("Madsen", 9),
    ("Kristensen", 9),
    ("Olsen", 8),
    ("Thomsen", 7),
    ("Christiansen", 6),
    ("Poulsen", 6),
    ("Johansen", 6),
    ("Møller", 6),
    ("Mortensen", 5),
    ("Knudsen", 4),
    ("Jakobsen", 4),
    ("Mikkelsen", 4),
    ("Frederiksen", 4),
    ("Laursen", 4),
    ("Holm", 3),
    ("Schmidt", 3),
    ("Henriksen", 3),
    ("Lund", 3),
    ("Vestergaard", 3),
    ("Østergaard", 2),
    ("Nørgaard", 2),
    ("Dahl", 2),
    ("Bertelsen", 2),
    ("Iversen", 2),
    ("Bach", 2),
    ("Ali", 2),
    ("Yilmaz", 1),
    ("Hussein", 1),
    ("Kowalski", 1),
];

/// A person's name: a Danish first name (more women than men, as in the sector) and surname.
pub fn person(rng: &mut Rng) -> String {
    let first = if rng.chance(0.72) {
        rng.pick(WOMEN)
    } else {
        rng.pick(MEN)
    };
    let first = *first.unwrap_or(&"Anne");
    let last = *rng.weighted(SURNAMES).unwrap_or(&"Jensen");
    if rng.chance(0.15) {
        let middle = *rng.weighted(SURNAMES).unwrap_or(&"Holm");
        if middle != last {
            return format!("{first} {middle} {last}");
        }
    }
    format!("{first} {last}")
}

/// Lower-case ASCII for domains and e-mail local parts: æ→ae, ø→oe, å→aa, spaces and other
/// punctuation to `sep`, no doubled or trailing separators.
pub fn slug(text: &str, sep: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_sep = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let piece = match c {
            'æ' => "ae",
            'ø' => "oe",
            'å' => "aa",
            'é' | 'è' => "e",
            'ü' => "u",
            'ö' => "oe",
            'ä' => "ae",
            _ => "",
        };
        if !piece.is_empty() || c.is_ascii_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push_str(sep);
            }
            pending_sep = false;
            if piece.is_empty() {
                out.push(c);
            } else {
                out.push_str(piece);
            }
        } else {
            pending_sep = true;
        }
    }
    out
}

/// The web domain of a municipality ("aarhus.dk", "kk.dk" for København).
pub fn municipality_domain(m: &Municipality) -> String {
    let special = match m.code {
        101 => Some("kk.dk"),
        169 => Some("htk.dk"),
        173 => Some("ltk.dk"),
        400 => Some("brk.dk"),
        430 => Some("fmk.dk"),
        760 => Some("rksk.dk"),
        _ => None,
    };
    special
        .map(str::to_string)
        .unwrap_or_else(|| format!("{}.dk", slug(m.name, "-")))
}

/// The web domain of a region.
pub fn region_domain(region: Region) -> &'static str {
    match region {
        Region::Nordjylland => "rn.dk",
        Region::Midtjylland => "rm.dk",
        Region::Syddanmark => "rsyd.dk",
        Region::Hovedstaden => "regionh.dk",
        Region::Sjaelland => "regionsjaelland.dk",
    }
}

/// Nationwide associations that run shelters and social offers, with their domains.
const ASSOCIATIONS: &[(&str, &str)] = &[
    ("Kirkens Korshær", "kirkenskorshaer.dk"),
    ("Blå Kors Danmark", "blaakors.dk"),
    ("Frelsens Hær", "frelsenshaer.dk"),
    ("KFUM's Sociale Arbejde", "kfumsoc.dk"),
];

/// An offer's legal owner and the web domain its staff write from.
pub struct Owner {
    /// The owner's name.
    pub name: String,
    /// The web domain of the owner (and the offer's site).
    pub domain: String,
    /// Whether e-mail addresses use personal initials (public bodies) or names.
    pub initials_email: bool,
}

/// The owner of an offer with a given ownership form.
pub fn owner(
    rng: &mut Rng,
    ownership: Ownership,
    m: &Municipality,
    offer_name: &str,
    distinctive: &str,
    primary: LegalBasis,
) -> Owner {
    match ownership {
        Ownership::Municipal => Owner {
            name: format!("{} Kommune", m.name),
            domain: municipality_domain(m),
            initials_email: true,
        },
        Ownership::Regional => Owner {
            name: m.region.label().to_string(),
            domain: region_domain(m.region).to_string(),
            initials_email: true,
        },
        Ownership::SelfGoverning => Owner {
            name: format!("Den selvejende institution {offer_name}"),
            domain: format!("{}.dk", slug(offer_name, "-")),
            initials_email: false,
        },
        Ownership::Private => {
            let name = if rng.chance(0.6) {
                format!("{offer_name} ApS")
            } else if rng.chance(0.5) {
                format!("{distinctive} Omsorg ApS")
            } else {
                let surname = *rng.weighted(SURNAMES).unwrap_or(&"Jensen");
                format!("{surname} Social ApS")
            };
            Owner {
                name,
                domain: format!("{}.dk", slug(offer_name, "-")),
                initials_email: false,
            }
        }
        Ownership::Foundation => {
            let association = matches!(
                primary,
                LegalBasis::Sel110 | LegalBasis::Sel104 | LegalBasis::Sel85
            ) && rng.chance(0.7);
            if association {
                let (name, domain) = *rng.pick(ASSOCIATIONS).unwrap_or(&ASSOCIATIONS[0]);
                Owner {
                    name: name.to_string(),
                    domain: domain.to_string(),
                    initials_email: false,
                }
            } else {
                let kind = if rng.chance(0.5) {
                    "Fonden"
                } else {
                    "Foreningen"
                };
                Owner {
                    name: format!("{kind} {distinctive}"),
                    domain: format!("{}.dk", slug(offer_name, "-")),
                    initials_email: false,
                }
            }
        }
    }
}

/// A person's e-mail address at a domain: initials at public bodies ("mhj@aarhus.dk"), the
/// first name elsewhere ("mette@egebakken.dk").
pub fn email(person: &str, domain: &str, initials: bool) -> String {
    let local = if initials {
        let parts: Vec<String> = person.split_whitespace().map(|p| slug(p, "")).collect();
        let mut local = String::new();
        if let Some(first) = parts.first() {
            local.extend(first.chars().take(2));
        }
        if let Some(last) = parts.last().filter(|_| parts.len() > 1) {
            local.extend(last.chars().take(2));
        }
        local
    } else {
        person
            .split_whitespace()
            .next()
            .map(|first| slug(first, ""))
            .unwrap_or_default()
    };
    if local.is_empty() {
        format!("kontakt@{domain}")
    } else {
        format!("{local}@{domain}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_domains() {
        assert_eq!(slug("Bostedet Lærkehøj", "-"), "bostedet-laerkehoej");
        assert_eq!(slug("Faaborg-Midtfyn", "-"), "faaborg-midtfyn");
        assert_eq!(
            slug("  KFUM's Sociale  Arbejde ", ""),
            "kfumssocialearbejde"
        );
        assert_eq!(slug("Ærø", "-"), "aeroe");
    }

    #[test]
    fn emails_have_one_at_and_a_local_part() {
        assert_eq!(
            email("Mette Holm Jensen", "aarhus.dk", true),
            "meje@aarhus.dk"
        );
        assert_eq!(
            email("Søren Olsen", "egebakken.dk", false),
            "soeren@egebakken.dk"
        );
        assert_eq!(email("", "x.dk", false), "kontakt@x.dk");
    }

    #[test]
    fn offer_names_use_the_town_or_a_place_name() {
        let mut rng = Rng::new(9);
        for _ in 0..500 {
            let (name, distinctive) = offer_name(
                &mut rng,
                LegalBasis::Sel101,
                Theme::Substance,
                OfferType::Outpatient,
                "Aarhus",
                true,
            );
            assert!(
                name.contains("Aarhus") || name.contains(&distinctive),
                "{name}"
            );
            assert!(!name.contains('{'), "{name}");
        }
    }
}
