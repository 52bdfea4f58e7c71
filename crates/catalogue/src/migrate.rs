//! Rewrites a catalogue of an earlier format to
//! [`CATALOGUE_FORMAT_VERSION`](crate::vocab::CATALOGUE_FORMAT_VERSION): every old code
//! whose replacement is unambiguous is rewritten, and every one a person must decide (an old
//! "opholdssted" code that may mean BL § 43, stk. 1, nr. 6 or nr. 7; an abolished foster-family
//! type) is reported with its line and field and the record is left out of the output.
//!
//! Nothing is dropped silently: every non-blank line is either written (rewritten or unchanged)
//! or reported, so `records in = records out + records reported`, and [`MigrationSummary`]
//! counts both. Only the fields that hold a vocabulary code are looked at (`basis`, `theme`,
//! `family_type`, `approved_for`), so a description that happens to contain "kommunal" is never
//! touched. What a code became is [`crate::vocab::SUPERSEDED`]: the same table the reader's
//! located errors name the replacement from, so the two cannot disagree.
//!
//! A record that reads as a record after rewriting is written in the model's field order (as
//! the generator writes); one that does not (it has other errors, which `check` will report) is
//! written as its JSON object with the codes rewritten.

use std::io::{self, BufRead, Read, Write};

use serde_json::Value;

use crate::read::{parse_record, MAX_LINE_BYTES};
use crate::vocab::{superseded, Replacement, SupersededCode};

/// A field of a record a person must decide, or a line that could not be migrated at all.
#[derive(Clone, Debug, PartialEq)]
pub struct MigrationReport {
    /// Line number, counting from 1 (blank lines count).
    pub line: u64,
    /// The record's id, if it has a string one.
    pub id: Option<String>,
    /// Path of the field, e.g. `legal_bases[0].basis`, or `(line)` / `(json)` for a whole line.
    pub field: String,
    /// Why a person must decide, naming the choices.
    pub message: String,
}

/// What one run of [`migrate`] did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MigrationSummary {
    /// Non-blank lines read.
    pub records: u64,
    /// Records written to the output.
    pub written: u64,
    /// Of those, records in which at least one code was rewritten.
    pub rewritten: u64,
    /// Records left out of the output and reported.
    pub reported: u64,
    /// Codes rewritten (or entries of a removed value dropped) in all.
    pub codes_rewritten: u64,
}

/// The outcome of migrating one line.
#[derive(Debug, PartialEq)]
pub enum LineMigration {
    /// The record, as a JSON line without its newline, and how many codes were rewritten.
    Written {
        /// The record's JSON.
        json: String,
        /// Codes rewritten in it.
        rewritten: u64,
    },
    /// The record needs a person: the fields and why (at least one).
    Reported(Vec<(String, String)>),
}

/// Migrates a whole catalogue from `input` to `output`; `report` is called once per field a
/// person must decide (and once per line that is not a JSON object), in line order.
///
/// The output's I/O errors are returned; the input's too. Lines are read one at a time.
pub fn migrate<R: BufRead, W: Write>(
    mut input: R,
    mut output: W,
    mut report: impl FnMut(MigrationReport),
) -> io::Result<MigrationSummary> {
    let mut summary = MigrationSummary::default();
    let mut line_number = 0u64;
    let mut buffer = Vec::new();
    loop {
        buffer.clear();
        let limit = MAX_LINE_BYTES as u64 + 2;
        let read = (&mut input).take(limit).read_until(b'\n', &mut buffer)?;
        if read == 0 {
            break;
        }
        line_number += 1;
        let too_long = read as u64 == limit && buffer.last() != Some(&b'\n');
        if too_long {
            // Skip the rest of the line without holding it.
            let mut sink = Vec::new();
            loop {
                sink.clear();
                let more = (&mut input).take(1 << 16).read_until(b'\n', &mut sink)?;
                if more == 0 || sink.last() == Some(&b'\n') {
                    break;
                }
            }
        }
        let mut bytes = buffer.as_slice();
        if line_number == 1 {
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if !too_long && bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        summary.records += 1;
        let whole_line = |field: &str, message: String| MigrationReport {
            line: line_number,
            id: None,
            field: field.to_owned(),
            message,
        };
        if too_long {
            summary.reported += 1;
            report(whole_line(
                "(line)",
                format!("line is longer than the limit of {MAX_LINE_BYTES} bytes; not migrated"),
            ));
            continue;
        }
        let Ok(text) = std::str::from_utf8(bytes) else {
            summary.reported += 1;
            report(whole_line(
                "(line)",
                "line is not UTF-8; not migrated".into(),
            ));
            continue;
        };
        let mut value: Value = match serde_json::from_str(text) {
            Ok(value @ Value::Object(_)) => value,
            Ok(_) => {
                summary.reported += 1;
                report(whole_line(
                    "(json)",
                    "not a JSON object; not migrated".into(),
                ));
                continue;
            }
            Err(err) => {
                summary.reported += 1;
                report(whole_line(
                    "(json)",
                    format!("not JSON ({err}); not migrated"),
                ));
                continue;
            }
        };
        match migrate_value(&mut value) {
            LineMigration::Written { json, rewritten } => {
                output.write_all(json.as_bytes())?;
                output.write_all(b"\n")?;
                summary.written += 1;
                summary.codes_rewritten += rewritten;
                if rewritten > 0 {
                    summary.rewritten += 1;
                }
            }
            LineMigration::Reported(fields) => {
                summary.reported += 1;
                let id = value.get("id").and_then(Value::as_str).map(str::to_owned);
                for (field, message) in fields {
                    report(MigrationReport {
                        line: line_number,
                        id: id.clone(),
                        field,
                        message,
                    });
                }
            }
        }
    }
    output.flush()?;
    Ok(summary)
}

/// Migrates one record's JSON object in place and says what became of it.
pub fn migrate_value(record: &mut Value) -> LineMigration {
    let mut rewritten = 0u64;
    let mut decisions = Vec::new();
    walk(record, "", &mut rewritten, &mut decisions);
    rewritten += u64::from(respite_free_places(record));
    if !decisions.is_empty() {
        return LineMigration::Reported(decisions);
    }
    let text = record.to_string();
    let json = match parse_record(&text, true) {
        Ok(parsed) => serde_json::to_string(&parsed).unwrap_or(text),
        Err(_) => text,
    };
    LineMigration::Written { json, rewritten }
}

/// Format 1 had one free-place count per family; format 2 counts døgnanbringelse and støtteophold
/// apart. A family approved only for støtteophold can only have meant støtteophold places, so
/// its count moves to `free_respite_places`; any other family's count stays døgnanbringelse's.
/// Returns whether it moved.
fn respite_free_places(record: &mut Value) -> bool {
    let Value::Object(map) = record else {
        return false;
    };
    let respite_only = map.get("kind") == Some(&Value::from("foster_family"))
        && map.get("approved_for") == Some(&serde_json::json!(["stoetteophold"]))
        && !map.contains_key("free_respite_places");
    let count = map
        .get("free_places")
        .and_then(|f| f.get("count"))
        .and_then(Value::as_u64)
        .filter(|&n| n > 0);
    match (respite_only, count) {
        (true, Some(n)) => {
            map.insert("free_respite_places".into(), Value::from(n));
            if let Some(Value::Object(free)) = map.get_mut("free_places") {
                free.insert("count".into(), Value::from(0));
            }
            true
        }
        _ => false,
    }
}

/// The vocabulary a field of this name holds, for the fields whose vocabularies changed.
fn vocabulary_of(field: &str) -> Option<&'static str> {
    match field {
        "basis" => Some("LegalBasis"),
        "theme" => Some("QualityTheme"),
        "family_type" => Some("FosterFamilyType"),
        "approved_for" => Some("CareKind"),
        _ => None,
    }
}

fn walk(value: &mut Value, path: &str, rewritten: &mut u64, decisions: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            // Array entries whose value no longer exists (a scored economy theme) are dropped
            // from their array by the caller; here an object says so by returning `Removed`.
            for (key, child) in map.iter_mut() {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                match (vocabulary_of(key), &mut *child) {
                    (Some(vocabulary), Value::String(code)) => {
                        if let Some(old) = superseded(vocabulary, code) {
                            apply(old, code, &child_path, rewritten, decisions);
                        }
                    }
                    (Some(vocabulary), Value::Array(items)) => {
                        for (i, item) in items.iter_mut().enumerate() {
                            if let Value::String(code) = item {
                                if let Some(old) = superseded(vocabulary, code) {
                                    let item_path = format!("{child_path}[{i}]");
                                    apply(old, code, &item_path, rewritten, decisions);
                                }
                            }
                        }
                    }
                    _ => walk(child, &child_path, rewritten, decisions),
                }
            }
        }
        Value::Array(items) => {
            let before = items.len();
            items.retain(|item| !is_removed(item));
            *rewritten += (before - items.len()) as u64;
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, &format!("{path}[{i}]"), rewritten, decisions);
            }
        }
        _ => {}
    }
}

/// An object whose vocabulary field holds a value that no longer exists, so the whole entry
/// goes (e.g. `{"theme": "oekonomi", "score": 4.0}`).
fn is_removed(item: &Value) -> bool {
    let Value::Object(map) = item else {
        return false;
    };
    map.iter().any(|(key, value)| {
        let (Some(vocabulary), Value::String(code)) = (vocabulary_of(key), value) else {
            return false;
        };
        matches!(
            superseded(vocabulary, code).map(|old| old.replacement),
            Some(Replacement::Removed(_))
        )
    })
}

fn apply(
    old: &SupersededCode,
    code: &mut String,
    path: &str,
    rewritten: &mut u64,
    decisions: &mut Vec<(String, String)>,
) {
    match old.replacement {
        Replacement::Code(new) => {
            *code = new.to_owned();
            *rewritten += 1;
        }
        // A removed value outside an array entry (`"family_type": …` cannot be removed) is for
        // a person too.
        Replacement::Choice(..) | Replacement::Removed(_) => {
            decisions.push((path.to_owned(), old.message()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> (String, Vec<MigrationReport>, MigrationSummary) {
        let mut out = Vec::new();
        let mut reports = Vec::new();
        let summary = migrate(input.as_bytes(), &mut out, |r| reports.push(r)).expect("io");
        (String::from_utf8(out).expect("utf-8"), reports, summary)
    }

    #[test]
    fn rewrites_unambiguous_codes_and_reports_the_rest() {
        let input = concat!(
            r#"{"kind":"offer","id":"A","legal_bases":[{"basis":"bl_43_1_6","places":3}],"quality":[{"theme":"oekonomi","score":4},{"theme":"maalgruppe_metoder_resultater","score":3}],"description":"kommunal aflastning"}"#,
            "\n\n",
            r#"{"kind":"offer","id":"B","legal_bases":[{"basis":"bl_43_1_7","places":3}]}"#,
            "\n",
            r#"{"kind":"foster_family","id":"C","family_type":"kommunal","approved_for":["doegnophold","aflastning"]}"#,
            "\nnot json\n",
        );
        let (out, reports, summary) = run(input);
        assert_eq!(
            summary,
            MigrationSummary {
                records: 4,
                written: 1,
                rewritten: 1,
                reported: 3,
                codes_rewritten: 3,
            }
        );
        assert_eq!(summary.records, summary.written + summary.reported);
        let written: Value = serde_json::from_str(out.trim_end()).expect("json");
        assert_eq!(written["legal_bases"][0]["basis"], "bl_43_stk1_nr6");
        assert_eq!(
            written["quality"],
            serde_json::json!([{"theme": "maalgrupper_metoder_resultater", "score": 3}])
        );
        assert_eq!(written["description"], "kommunal aflastning");
        let located: Vec<(u64, &str)> =
            reports.iter().map(|r| (r.line, r.field.as_str())).collect();
        assert_eq!(
            located,
            [
                (3, "legal_bases[0].basis"),
                (4, "family_type"),
                (5, "(json)")
            ]
        );
        assert!(reports[0]
            .message
            .contains("\"bl_43_stk1_nr6\" or \"bl_43_stk1_nr7\""));
        assert_eq!(reports[0].id.as_deref(), Some("B"));
    }

    #[test]
    fn a_respite_only_familys_free_places_become_stoetteophold_places() {
        let input = concat!(
            r#"{"kind":"foster_family","id":"R","approved_for":["aflastning"],"free_places":{"count":2,"reported":"2026-11-01"}}"#,
            "\n",
            r#"{"kind":"foster_family","id":"S","approved_for":["doegnophold","aflastning"],"free_places":{"count":1,"reported":"2026-11-01"}}"#,
            "\n",
        );
        let (out, reports, summary) = run(input);
        assert!(reports.is_empty(), "{reports:?}");
        assert_eq!((summary.written, summary.codes_rewritten), (2, 4));
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).expect("json"))
            .collect();
        assert_eq!(lines[0]["free_places"]["count"], 0);
        assert_eq!(lines[0]["free_respite_places"], 2);
        assert_eq!(lines[1]["free_places"]["count"], 1);
        assert!(lines[1].get("free_respite_places").is_none());
    }
}
