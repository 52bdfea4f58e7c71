//! The report's languages: every string of the pages in Danish and English, from one table each
//! ([`Texts`]), and dates and numbers as a reader of the language writes them.

use catalogue::Date;

/// The language of a report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    /// The `lang` attribute's value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The language from its code (`da`, `en`).
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Of a Danish and an English wording, the one in this language.
    pub fn pick<T>(self, da: T, en: T) -> T {
        match self {
            Lang::Da => da,
            Lang::En => en,
        }
    }

    /// The page strings.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

/// "9. juli 2024" / "9 July 2024".
pub fn date(lang: Lang, day: Date) -> String {
    const DA: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let (y, m, d) = day.ymd();
    let months = match lang {
        Lang::Da => DA,
        Lang::En => EN,
    };
    let month = months.get(m as usize - 1).copied().unwrap_or("?");
    match lang {
        Lang::Da => format!("{d}. {month} {y}"),
        Lang::En => format!("{d} {month} {y}"),
    }
}

/// A whole number with the language's thousands separator ("1.234" / "1,234").
pub fn number(lang: Lang, n: u64) -> String {
    let separator = match lang {
        Lang::Da => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// Every fixed string of the report's pages.
pub struct Texts {
    pub title: &'static str,
    pub kicker: &'static str,
    /// "Opgjort {date} for kataloget": followed by the catalogue's name.
    pub made_on: &'static str,
    pub every_field_checked: &'static str,
    pub contents: &'static str,
    pub overview: &'static str,
    pub records: &'static str,
    pub searchable: &'static str,
    pub rejected: &'static str,
    pub warnings: &'static str,
    pub order_note: &'static str,
    pub problems_by_authority: &'static str,
    pub problems_note: &'static str,
    pub problems_chart: &'static str,
    pub problems_table: &'static str,
    pub authority: &'static str,
    /// The first column of the problems table (its rows are kinds of problem).
    pub problem: &'static str,
    pub clean: &'static str,
    pub age_heading: &'static str,
    pub age_note: &'static str,
    pub age_chart: &'static str,
    pub age_table: &'static str,
    pub authority_pages: &'static str,
    pub authority_pages_note: &'static str,
    /// "{n} poster at rette".
    pub to_fix: &'static str,
    pub no_records_to_fix: &'static str,
    pub back_to_overview: &'static str,
    /// "{n} poster med problemer".
    pub with_problems: &'static str,
    /// "; de {n} vigtigste vises (alle står i report.json)".
    pub shown_of: &'static str,
    pub records_caption: &'static str,
    pub col_record: &'static str,
    pub col_line: &'static str,
    pub col_oldest: &'static str,
    pub col_problems: &'static str,
    pub unreadable: &'static str,
    pub days: &'static str,
    pub rank_note: &'static str,
    pub json_note: &'static str,
    pub unknown_authority: &'static str,
}

static DA: Texts = Texts {
    title: "Datakvalitet i tilbudskataloget",
    kicker: "Tilbudsfinder · rapport til socialtilsynene",
    made_on: "Opgjort",
    every_field_checked: "Hvert felt i hver post er kontrolleret.",
    contents: "Indhold",
    overview: "Overblik",
    records: "Poster",
    searchable: "Kan søges frem",
    rejected: "Afvist",
    warnings: "Advarsler",
    order_note: "Rækkefølgen følger det, der betyder mest for en sagsbehandler: afviste poster, poster markeret af tilsynet, påbud og bortfald, ledige pladser der ikke er meldt, gamle takster, andre gamle oplysninger og manglende kontaktoplysninger.",
    problems_by_authority: "Problemer pr. tilsyn",
    problems_note: "Diagrammet tæller hver post én gang, under sit vigtigste problem. Tabellen tæller poster med mindst ét problem af hver slags, så en post kan tælle med flere steder dér.",
    problems_chart: "Poster pr. tilsyn efter deres vigtigste problem",
    problems_table: "Poster med problemer pr. tilsyn",
    authority: "Tilsyn",
    problem: "Problem",
    clean: "Uden problemer",
    age_heading: "Hvor gamle er oplysningerne?",
    age_note: "Alderen på hver posts ældste del (stamdata, pladser, ydelser, økonomi eller faglig tilgang).",
    age_chart: "Poster efter alderen på deres ældste oplysning",
    age_table: "Poster efter alderen på den ældste oplysning",
    authority_pages: "Hvert tilsyns poster at rette",
    authority_pages_note: "Hvert tilsyn har sin egen side med sine poster, de vigtigste at rette først.",
    to_fix: "poster at rette",
    no_records_to_fix: "ingen poster at rette",
    back_to_overview: "Tilbage til overblikket",
    with_problems: "poster med problemer",
    shown_of: "vigtigste vises (alle står i report.json)",
    records_caption: "poster med problemer, de vigtigste først",
    col_record: "Post",
    col_line: "Linje",
    col_oldest: "Ældste oplysning",
    col_problems: "Problemer",
    unreadable: "(kunne ikke læses)",
    days: "dage",
    rank_note: "Posterne står efter, hvad der bør rettes først: afviste, markerede, påbud og bortfald, ledige pladser, takster, andre gamle oplysninger, kontaktoplysninger; inden for det samme de ældste oplysninger først.",
    json_note: "Tallene findes også til maskiner som",
    unknown_authority: "Ukendt (kunne ikke læses)",
};

static EN: Texts = Texts {
    title: "Data quality of the offer catalogue",
    kicker: "Tilbudsfinder · report to the supervising authorities",
    made_on: "As of",
    every_field_checked: "Every field of every record has been checked.",
    contents: "Contents",
    overview: "Overview",
    records: "Records",
    searchable: "Searchable",
    rejected: "Rejected",
    warnings: "Warnings",
    order_note: "The order follows what matters most to a caseworker: rejected records, records marked by the authority, sanctions and lapsing approvals, free places not reported, old rates, other old information and missing contact details.",
    problems_by_authority: "Problems by supervising authority",
    problems_note: "The chart counts each record once, under its most important problem. The table counts records with at least one problem of each kind, so a record can count in several places there.",
    problems_chart: "Records by authority and their most important problem",
    problems_table: "Records with problems by authority",
    authority: "Authority",
    problem: "Problem",
    clean: "Without problems",
    age_heading: "How old is the information?",
    age_note: "The age of each record's oldest part (general information, places, services, economy or professional approach).",
    age_chart: "Records by the age of their oldest information",
    age_table: "Records by the age of their oldest information",
    authority_pages: "Each authority's records to fix",
    authority_pages_note: "Each authority has a page of its own with its records, the most important to fix first.",
    to_fix: "records to fix",
    no_records_to_fix: "no records to fix",
    back_to_overview: "Back to the overview",
    with_problems: "records with problems",
    shown_of: "most important are shown (all are in report.json)",
    records_caption: "records with problems, most important first",
    col_record: "Record",
    col_line: "Line",
    col_oldest: "Oldest information",
    col_problems: "Problems",
    unreadable: "(could not be read)",
    days: "days",
    rank_note: "The records are ordered by what to fix first: rejected, marked, sanctions and lapses, free places, rates, other old information, contact details; within the same, the oldest information first.",
    json_note: "For machines, the figures are also in",
    unknown_authority: "Unknown (could not be read)",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_in_each_language() {
        assert_eq!(number(Lang::Da, 0), "0");
        assert_eq!(number(Lang::Da, 999), "999");
        assert_eq!(number(Lang::Da, 1000), "1.000");
        assert_eq!(number(Lang::Da, 1234567), "1.234.567");
        assert_eq!(number(Lang::En, 1234567), "1,234,567");
        let day = Date::from_ymd(2024, 7, 9).expect("date");
        assert_eq!(date(Lang::Da, day), "9. juli 2024");
        assert_eq!(date(Lang::En, day), "9 July 2024");
    }
}
