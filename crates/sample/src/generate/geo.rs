//! Where generated offers and families are: municipalities weighted by population, real postal
//! districts inside them, Danish street names, and coordinates near the district.
//!
//! The project's municipality table ([`crate::vocab::MUNICIPALITIES`]) has one postal district a
//! municipality. Here each municipality also gets its approximate population (2024, thousands:
//! where social offers and foster families are is roughly where people are) and, for most, a few
//! more real postal districts inside it. A district's position is the municipality's position
//! moved by a fixed offset derived from its postal code, so every record in one district shares
//! one position (foster families are shown at district precision) and no maths library is needed.

use crate::vocab::{municipality, Municipality, MUNICIPALITIES};

use super::rng::{mix, Rng};

/// Population in thousands (2024, rounded) of each municipality, by code.
#[rustfmt::skip]
const POPULATION: &[(u16, u32)] = &[
    (101, 660), (147, 105), (151, 52), (153, 39), (155, 14), (157, 75), (159, 70), (161, 24),
    (163, 30), (165, 28), (167, 54), (169, 57), (173, 57), (175, 41), (183, 24), (185, 44),
    (187, 17), (190, 41), (201, 26), (210, 41), (217, 64), (219, 53), (223, 25), (230, 57),
    (240, 44), (250, 46), (253, 51), (259, 62), (260, 32), (265, 90), (269, 24), (270, 41),
    (306, 33), (316, 73), (320, 38), (326, 49), (329, 36), (330, 80), (336, 24), (340, 30),
    (350, 29), (360, 40), (370, 84), (376, 60), (390, 46), (400, 39), (410, 39), (420, 41),
    (430, 52), (440, 24), (450, 32), (461, 210), (479, 59), (480, 30), (482, 12), (492, 6),
    (510, 56), (530, 27), (540, 74), (550, 37), (561, 116), (563, 4), (573, 50), (575, 43),
    (580, 59), (607, 52), (615, 98), (621, 95), (630, 122), (657, 90), (661, 59), (665, 19),
    (671, 21), (706, 43), (707, 37), (710, 50), (727, 24), (730, 99), (740, 97), (741, 4),
    (746, 64), (751, 370), (756, 42), (760, 56), (766, 47), (773, 20), (779, 46), (787, 43),
    (791, 98), (810, 37), (813, 58), (820, 36), (825, 2), (840, 31), (846, 42), (849, 39),
    (851, 222), (860, 64),
];

/// Further real postal districts inside a municipality (besides the table's main town).
#[rustfmt::skip]
const MORE_DISTRICTS: &[(u16, &[(u16, &str)])] = &[
    (101, &[(1150, "København K"), (2100, "København Ø"), (2200, "København N"), (2300, "København S"),
            (2400, "København NV"), (2450, "København SV"), (2500, "Valby"), (2700, "Brønshøj"), (2720, "Vanløse")]),
    (147, &[(1850, "Frederiksberg C")]),
    (151, &[(2760, "Måløv")]),
    (157, &[(2900, "Hellerup"), (2920, "Charlottenlund")]),
    (159, &[(2880, "Bagsværd")]),
    (169, &[(2640, "Hedehusene")]),
    (190, &[(3500, "Værløse")]),
    (201, &[(3540, "Lynge")]),
    (210, &[(2980, "Kokkedal"), (2990, "Nivå")]),
    (217, &[(3070, "Snekkersten"), (3100, "Hornbæk")]),
    (230, &[(2850, "Nærum"), (3460, "Birkerød")]),
    (240, &[(3650, "Ølstykke")]),
    (250, &[(3550, "Slangerup"), (3630, "Jægerspris")]),
    (253, &[(2690, "Karlslunde")]),
    (259, &[(4681, "Herfølge")]),
    (260, &[(3390, "Hundested")]),
    (265, &[(4040, "Jyllinge"), (4030, "Tune")]),
    (270, &[(3230, "Græsted"), (3250, "Gilleleje")]),
    (306, &[(4550, "Asnæs"), (4573, "Højby")]),
    (316, &[(4340, "Tølløse"), (4390, "Vipperød"), (4450, "Jyderup")]),
    (320, &[(4690, "Haslev"), (4654, "Faxe Ladeplads")]),
    (326, &[(4470, "Svebølle")]),
    (330, &[(4220, "Korsør"), (4230, "Skælskør")]),
    (336, &[(4652, "Hårlev")]),
    (340, &[(4293, "Dianalund")]),
    (350, &[(4330, "Hvalsø"), (4070, "Kirke Hyllinge")]),
    (360, &[(4930, "Maribo"), (4970, "Rødby")]),
    (370, &[(4171, "Glumsø"), (4160, "Herlufmagle")]),
    (376, &[(4880, "Nysted"), (4840, "Nørre Alslev")]),
    (390, &[(4780, "Stege"), (4720, "Præstø")]),
    (400, &[(3730, "Nexø"), (3720, "Aakirkeby"), (3770, "Allinge")]),
    (410, &[(5580, "Nørre Aaby"), (5592, "Ejby")]),
    (420, &[(5620, "Glamsbjerg"), (5560, "Aarup"), (5690, "Tommerup")]),
    (430, &[(5750, "Ringe"), (5772, "Kværndrup")]),
    (440, &[(5330, "Munkebo")]),
    (450, &[(5853, "Ørbæk")]),
    (461, &[(5200, "Odense V"), (5210, "Odense NV"), (5220, "Odense SØ"), (5230, "Odense M"),
            (5240, "Odense NØ"), (5250, "Odense SV"), (5260, "Odense S"), (5270, "Odense N")]),
    (479, &[(5762, "Vester Skerninge"), (5771, "Stenstrup")]),
    (480, &[(5450, "Otterup"), (5471, "Søndersø")]),
    (482, &[(5953, "Tranekær")]),
    (492, &[(5960, "Marstal")]),
    (510, &[(6500, "Vojens")]),
    (530, &[(7200, "Grindsted")]),
    (540, &[(6430, "Nordborg"), (6300, "Gråsten"), (6440, "Augustenborg")]),
    (550, &[(6240, "Løgumkloster"), (6780, "Skærbæk")]),
    (561, &[(6705, "Esbjerg Ø"), (6710, "Esbjerg V"), (6715, "Esbjerg N"), (6740, "Bramming"), (6760, "Ribe")]),
    (573, &[(6840, "Oksbøl"), (6870, "Ølgod")]),
    (575, &[(6650, "Brørup"), (6630, "Rødding")]),
    (580, &[(6230, "Rødekro"), (6330, "Padborg")]),
    (615, &[(8740, "Brædstrup"), (8751, "Gedved")]),
    (621, &[(6070, "Christiansfeld"), (6640, "Lunderskov")]),
    (630, &[(7080, "Børkop"), (7300, "Jelling"), (7182, "Bredsten")]),
    (657, &[(7490, "Aulum"), (7480, "Vildbjerg"), (7451, "Sunds")]),
    (665, &[(7650, "Bøvlingbjerg")]),
    (706, &[(8410, "Rønde"), (8550, "Ryomgård")]),
    (707, &[(8586, "Ørum Djurs")]),
    (710, &[(8370, "Hadsten"), (8450, "Hammel")]),
    (730, &[(8920, "Randers NV"), (8930, "Randers NØ"), (8940, "Randers SV"), (8960, "Randers SØ")]),
    (740, &[(8620, "Kjellerup"), (8653, "Them")]),
    (746, &[(8680, "Ry"), (8464, "Galten"), (8362, "Hørning")]),
    (751, &[(8200, "Aarhus N"), (8210, "Aarhus V"), (8220, "Brabrand"), (8230, "Åbyhøj"), (8240, "Risskov"),
            (8260, "Viby J"), (8270, "Højbjerg"), (8520, "Lystrup"), (8381, "Tilst")]),
    (756, &[(7330, "Brande")]),
    (760, &[(6900, "Skjern"), (6960, "Hvide Sande")]),
    (766, &[(7130, "Juelsminde"), (8783, "Hornsyld")]),
    (787, &[(7730, "Hanstholm"), (7760, "Hurup Thy")]),
    (791, &[(8850, "Bjerringbro"), (7470, "Karup J")]),
    (810, &[(9330, "Dronninglund")]),
    (813, &[(9990, "Skagen"), (9300, "Sæby")]),
    (820, &[(9640, "Farsø"), (9670, "Løgstør")]),
    (840, &[(9520, "Skørping")]),
    (846, &[(9550, "Mariager"), (9560, "Hadsund")]),
    (849, &[(9460, "Brovst"), (9490, "Pandrup")]),
    (851, &[(9200, "Aalborg SV"), (9210, "Aalborg SØ"), (9220, "Aalborg Øst"), (9400, "Nørresundby"),
            (9230, "Svenstrup J"), (9260, "Gistrup")]),
    (860, &[(9760, "Vrå"), (9480, "Løkken"), (9850, "Hirtshals")]),
];

/// A postal district in a municipality, with the position records in it are placed around.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct District {
    /// The municipality.
    pub municipality: &'static Municipality,
    /// Four-digit postal code.
    pub postal_code: u16,
    /// Postal district name.
    pub city: &'static str,
    /// Latitude of the district, WGS84 degrees.
    pub lat: f64,
    /// Longitude of the district, WGS84 degrees.
    pub lon: f64,
}

/// How far (km) a district or address may lie from its municipality's position: small for the
/// dense municipalities around Copenhagen (the sea is never far), larger elsewhere.
fn spread_km(m: &Municipality) -> f64 {
    match m.code {
        101 | 147 | 153 | 155 | 157 | 159 | 161 | 163 | 165 | 167 | 175 | 183 | 185 | 187 => 2.5,
        563 | 741 | 825 | 492 => 2.0,
        _ => 7.0,
    }
}

/// Kilometres per degree of latitude.
const KM_PER_DEG_LAT: f64 = 111.2;

/// Kilometres per degree of longitude near latitude `lat`: 111.32·cos(lat), linearised around
/// 56° N (error under 0.1 % between 54.5° and 57.8°, Denmark's span), so no `cos` is needed.
fn km_per_deg_lon(lat: f64) -> f64 {
    62.25 - 1.61 * (lat - 56.0)
}

/// Rounds a coordinate to 5 decimals (about 1 m), so the JSON stays short.
pub fn round_coordinate(degrees: f64) -> f64 {
    (degrees * 100_000.0).round() / 100_000.0
}

/// Moves a position by up to `km` in each direction, uniformly.
pub fn jitter(rng: &mut Rng, lat: f64, lon: f64, km: f64) -> (f64, f64) {
    let north = rng.uniform(-km, km);
    let east = rng.uniform(-km, km);
    (
        round_coordinate(lat + north / KM_PER_DEG_LAT),
        round_coordinate(lon + east / km_per_deg_lon(lat)),
    )
}

/// Every postal district of a municipality: the main town first.
fn districts_of(m: &'static Municipality) -> impl Iterator<Item = (u16, &'static str)> {
    let more = MORE_DISTRICTS
        .iter()
        .find(|(code, _)| *code == m.code)
        .map(|(_, list)| *list)
        .unwrap_or(&[]);
    std::iter::once((m.postal_code, m.town)).chain(more.iter().copied())
}

/// The district with a postal code in a municipality, positioned by its fixed offset.
fn district(m: &'static Municipality, postal_code: u16, city: &'static str) -> District {
    if postal_code == m.postal_code {
        return District {
            municipality: m,
            postal_code,
            city,
            lat: m.lat,
            lon: m.lon,
        };
    }
    // A fixed offset from the postal code: the same district always lands in the same place.
    let mut offset = Rng::new(mix(u64::from(postal_code)));
    let (lat, lon) = jitter(&mut offset, m.lat, m.lon, spread_km(m));
    District {
        municipality: m,
        postal_code,
        city,
        lat,
        lon,
    }
}

/// A town name for running text: the postal district without its city-part suffix
/// ("Aarhus C" → "Aarhus", "Viby J" → "Viby").
pub fn plain_town(city: &str) -> &str {
    const SUFFIXES: &[&str] = &[
        " C", " V", " N", " S", " Ø", " K", " M", " J", " NV", " SV", " SØ", " NØ", " Øst",
    ];
    SUFFIXES
        .iter()
        .find_map(|suffix| city.strip_suffix(suffix))
        .unwrap_or(city)
}

/// Whether a district is city (flats and terraced houses) rather than town or country: central
/// Copenhagen and its inner suburbs, and the central districts of Aarhus, Odense and Aalborg.
pub fn is_city(d: &District) -> bool {
    matches!(d.postal_code, 1000..=2999 | 8000..=8270 | 5000..=5270 | 9000..=9220)
}

/// A municipality drawn by population.
pub fn municipality_by_population(rng: &mut Rng) -> &'static Municipality {
    let total: u32 = POPULATION.iter().map(|(_, p)| p).sum();
    let mut ticket = rng.below(u64::from(total)) as u32;
    for (code, people) in POPULATION {
        if ticket < *people {
            if let Some(m) = municipality(*code) {
                return m;
            }
        }
        ticket = ticket.saturating_sub(*people);
    }
    &MUNICIPALITIES[0]
}

/// A postal district of a municipality: the main town half the time, otherwise any of them.
pub fn district_in(rng: &mut Rng, m: &'static Municipality) -> District {
    let all: Vec<(u16, &'static str)> = districts_of(m).collect();
    let (code, city) = if rng.chance(0.5) {
        all[0]
    } else {
        all[rng.below(all.len() as u64) as usize]
    };
    district(m, code, city)
}

/// A street address position in a district: within ~2 km of the district's position.
pub fn address_position(rng: &mut Rng, d: &District) -> (f64, f64) {
    jitter(rng, d.lat, d.lon, 2.0)
}

const STREET_STEMS: &[&str] = &[
    "Ege", "Bøge", "Birke", "Linde", "Ahorn", "Kastanie", "Hassel", "Elme", "Pile", "Rønne",
    "Lærke", "Vibe", "Svane", "Mejse", "Skov", "Mølle", "Kirke", "Skole", "Station", "Eng", "Mose",
    "Å", "Strand", "Bakke", "Toft", "Have", "Rose", "Hylde", "Tjørne", "Kløver", "Fabriks",
    "Industri", "Park", "Sø", "Kilde", "Lunde", "Fælled", "Gartner", "Smede", "Præste",
];
const STREET_ENDINGS: &[(&str, u32)] = &[
    ("vej", 12),
    ("vænget", 3),
    ("alle", 2),
    ("gade", 2),
    ("stien", 1),
    ("parken", 1),
    ("bakken", 1),
    ("høj", 1),
    ("toften", 1),
    ("gården", 1),
];
const CLASSIC_STREETS: &[&str] = &[
    "Nørregade",
    "Søndergade",
    "Vestergade",
    "Østergade",
    "Storegade",
    "Algade",
    "Adelgade",
    "Torvegade",
    "Jernbanegade",
    "Hovedgaden",
    "Bredgade",
    "Slotsgade",
    "Ringvejen",
    "Strandvejen",
    "Grønnegade",
    "Klostergade",
    "Banegårdspladsen",
    "Nygade",
    "Havnegade",
    "Sankt Knuds Vej",
];

/// A Danish street address: a street name and a house number, sometimes with a letter.
pub fn street(rng: &mut Rng) -> String {
    let name = if rng.chance(0.25) {
        (*rng.pick(CLASSIC_STREETS).unwrap_or(&"Storegade")).to_string()
    } else {
        let stem = rng.pick(STREET_STEMS).unwrap_or(&"Ege");
        let ending = rng.weighted(STREET_ENDINGS).unwrap_or(&"vej");
        format!("{stem}{ending}")
    };
    let number = if rng.chance(0.7) {
        rng.range(1, 48)
    } else {
        rng.range(49, 160)
    };
    if rng.chance(0.12) {
        let letter = *rng.pick(&['A', 'B', 'C']).unwrap_or(&'A');
        format!("{name} {number}{letter}")
    } else {
        format!("{name} {number}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_municipality_has_a_population_and_its_districts_are_real_codes() {
        assert_eq!(POPULATION.len(), MUNICIPALITIES.len());
        for m in MUNICIPALITIES {
            assert!(POPULATION.iter().any(|(c, _)| *c == m.code), "{}", m.name);
            for (code, city) in districts_of(m) {
                assert!((1000..=9990).contains(&code), "{city}");
                assert!(!city.is_empty());
            }
        }
        for (code, _) in MORE_DISTRICTS {
            assert!(municipality(*code).is_some(), "{code}");
        }
    }

    #[test]
    fn districts_and_addresses_stay_near_their_municipality() {
        let mut rng = Rng::new(3);
        for _ in 0..5_000 {
            let m = municipality_by_population(&mut rng);
            let d = district_in(&mut rng, m);
            let (lat, lon) = address_position(&mut rng, &d);
            let north_km = (lat - m.lat) * KM_PER_DEG_LAT;
            let east_km = (lon - m.lon) * km_per_deg_lon(m.lat);
            assert!(
                north_km.abs() <= 10.0 && east_km.abs() <= 10.0,
                "{} {lat} {lon}",
                m.name
            );
        }
    }

    #[test]
    fn towns_lose_their_district_suffix() {
        assert_eq!(plain_town("Aarhus C"), "Aarhus");
        assert_eq!(plain_town("Odense SØ"), "Odense");
        assert_eq!(plain_town("Viby J"), "Viby");
        assert_eq!(plain_town("Holbæk"), "Holbæk");
        assert_eq!(plain_town("Aalborg Øst"), "Aalborg");
    }

    #[test]
    fn the_largest_municipalities_are_drawn_most() {
        let mut rng = Rng::new(5);
        let mut copenhagen = 0;
        let mut laesoe = 0;
        for _ in 0..20_000 {
            match municipality_by_population(&mut rng).code {
                101 => copenhagen += 1,
                825 => laesoe += 1,
                _ => {}
            }
        }
        // København has about 11 % of the population, Læsø 0.03 %.
        assert!((1_900..2_700).contains(&copenhagen), "{copenhagen}");
        assert!(laesoe < 40, "{laesoe}");
    }
}
