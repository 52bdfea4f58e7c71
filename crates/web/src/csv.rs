//! The app's CSV files (the shortlist for the case file, the capacity tables): one way to write
//! them, built in the browser as text and offered as a download.
//!
//! Semicolon-separated with CRLF line ends and a byte-order mark, so Danish Excel opens the file
//! as columns and reads UTF-8 (æ, ø, å). Numbers are written bare with the language's decimal
//! mark and no thousands separator, so a spreadsheet reads them as numbers that can be summed
//! and sorted. Text is always quoted, and a leading `=`, `+`, `-` or `@` is escaped so a
//! spreadsheet never runs catalogue text as a formula (CSV injection).

use crate::i18n::Lang;

/// A CSV field: text (quoted, defused) or a number (bare) with a count of decimals; a missing
/// number is an empty field.
#[derive(Clone, Debug, PartialEq)]
pub enum Field {
    Text(String),
    Number(Option<f64>, usize),
}

impl Field {
    /// A whole number.
    pub fn whole(n: impl Into<f64>) -> Field {
        Field::Number(Some(n.into()), 0)
    }
}

/// CSV text: a header row and data rows.
pub fn csv(lang: Lang, header: &[String], rows: impl IntoIterator<Item = Vec<Field>>) -> String {
    let mut out = String::from("\u{feff}");
    push_row(
        lang,
        &mut out,
        header.iter().map(|h| Field::Text(h.clone())),
    );
    for row in rows {
        push_row(lang, &mut out, row.into_iter());
    }
    out
}

fn push_row(lang: Lang, out: &mut String, fields: impl Iterator<Item = Field>) {
    let written: Vec<String> = fields
        .map(|field| match field {
            Field::Text(text) => quote(&text),
            Field::Number(Some(n), decimals) if n.is_finite() => csv_number(lang, n, decimals),
            Field::Number(..) => String::new(),
        })
        .collect();
    out.push_str(&written.join(";"));
    out.push_str("\r\n");
}

/// A number as a spreadsheet in the language's locale reads it: no grouping, its decimal mark.
fn csv_number(lang: Lang, n: f64, decimals: usize) -> String {
    let text = format!("{n:.decimals$}");
    match lang {
        Lang::Da => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Quotes a field; a leading `=`, `+`, `-` or `@` is escaped so a spreadsheet never runs it.
fn quote(field: &str) -> String {
    let guarded = match field.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{field}"),
        _ => field.to_string(),
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_bare_in_the_languages_notation_and_text_is_quoted_and_defused() {
        let header = ["Region".to_string(), "Andel".to_string()];
        let rows = vec![
            vec![
                Field::Text("BL § 43; \"x\"".into()),
                Field::Number(Some(12.345), 1),
            ],
            vec![Field::Text("=1+1".into()), Field::Number(None, 1)],
            vec![Field::Text("-".into()), Field::whole(12345u32)],
        ];
        assert_eq!(
            csv(Lang::Da, &header, rows.clone()),
            "\u{feff}\"Region\";\"Andel\"\r\n\"BL § 43; \"\"x\"\"\";12,3\r\n\"'=1+1\";\r\n\"'-\";12345\r\n"
        );
        assert!(csv(Lang::En, &header, rows).contains(";12.3\r\n"));
    }
}
