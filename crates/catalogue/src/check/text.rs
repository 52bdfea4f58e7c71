//! Checks every text field gets: length, control characters, bidi overrides, invisible characters
//! and HTML-like markup.
//!
//! Policy (see `docs/catalogue.md`):
//! - control characters (other than newline and tab in a description) and the bidi embedding and
//!   override characters U+202A–U+202E, U+2066–U+2069 are **errors**: Danish text never needs
//!   them, and they can make a name display as something other than what it is;
//! - zero-width and other invisible characters (U+200B–U+200F, U+2060–U+2064, U+FEFF, the
//!   Arabic letter mark U+061C, the line and paragraph separators U+2028–U+2029 and the tag
//!   characters U+E0000–U+E007F) are **warnings**: harmless to show, but they break search and
//!   copy-paste;
//! - text that looks like HTML markup (`<script`, `<a href`, `</b>`) is a **warning**: the
//!   interface shows every field as inert text, so it is safe, but it shows up verbatim;
//! - a name, and every other short field, may be at most [`MAX_SHORT_TEXT_CHARS`] characters, a
//!   description at most [`MAX_LONG_TEXT_CHARS`]; longer is an **error**.

use std::borrow::Cow;

use super::{quoted, Report};

/// Longest name or other short text field, in characters.
pub const MAX_SHORT_TEXT_CHARS: usize = 200;
/// Longest description, in characters.
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
/// Longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Whether a text may span lines.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextKind {
    /// Names, addresses, labels: one line, at most [`MAX_SHORT_TEXT_CHARS`].
    Short,
    /// Descriptions: newlines and tabs allowed, at most [`MAX_LONG_TEXT_CHARS`].
    Long,
}

/// A required name: blank is an error, then the [`text`] checks.
pub(crate) fn name(report: &mut Report, field: &str, value: &str) {
    if value.trim().is_empty() {
        report.error(field, format!("{field} is empty"));
        return;
    }
    text(report, field, value, TextKind::Short);
}

/// The checks every text field gets (blankness is the caller's business).
pub(crate) fn text(report: &mut Report, field: &str, value: &str, kind: TextKind) {
    let limit = match kind {
        TextKind::Short => MAX_SHORT_TEXT_CHARS,
        TextKind::Long => MAX_LONG_TEXT_CHARS,
    };
    // A text has at most as many characters as bytes, so most need no counting.
    if value.len() > limit {
        let chars = value.chars().count();
        if chars > limit {
            report.error(
                field,
                format!("{field} has {chars} characters; at most {limit} are allowed"),
            );
        }
    }
    let found = suspicious_characters(value, kind);
    let at = |byte: usize| value[..byte].chars().count() + 1;
    if let Some((c, byte)) = found.control {
        report.error(
            field,
            format!(
                "{field} contains the control character U+{:04X} at character {}",
                c as u32,
                at(byte)
            ),
        );
    }
    if let Some((c, byte)) = found.bidi {
        report.error(
            field,
            format!(
                "{field} contains the bidi override U+{:04X} at character {}; it can disguise text",
                c as u32,
                at(byte)
            ),
        );
    }
    if let Some((c, byte)) = found.invisible {
        report.warning(
            field,
            format!(
                "{field} contains the invisible character U+{:04X} at character {}",
                c as u32,
                at(byte)
            ),
        );
    }
    if let Some(tag) = markup(value) {
        report.warning(
            field,
            format!(
                "{field} contains HTML-like markup {}; it is shown as plain text",
                quoted(tag)
            ),
        );
    }
}

/// The first character of each suspicious kind in a text, with its byte offset.
#[derive(Default)]
struct Suspicious {
    control: Option<(char, usize)>,
    bidi: Option<(char, usize)>,
    invisible: Option<(char, usize)>,
}

/// Whether a byte may start a control, bidi or invisible character: C0 controls and DEL are
/// single bytes, C1 controls start with 0xC2, U+061C with 0xD8, the tag characters with 0xF3,
/// and every other bidi and invisible character with 0xE2 or 0xEF. Those are lead bytes, so each
/// such position is a character boundary.
fn may_start_suspicious(b: u8) -> bool {
    b < 0x20 || b == 0x7F || matches!(b, 0xC2 | 0xD8 | 0xE2 | 0xEF | 0xF3)
}

/// Finds control, bidi and invisible characters, scanning bytes and decoding a character only
/// where [`may_start_suspicious`].
fn suspicious_characters(value: &str, kind: TextKind) -> Suspicious {
    let mut found = Suspicious::default();
    for (i, &b) in value.as_bytes().iter().enumerate() {
        if !may_start_suspicious(b) {
            continue;
        }
        let Some(c) = value[i..].chars().next() else {
            continue;
        };
        let allowed_control = kind == TextKind::Long && matches!(c, '\n' | '\t' | '\r');
        if found.control.is_none() && c.is_control() && !allowed_control {
            found.control = Some((c, i));
        }
        if found.bidi.is_none() && is_bidi_control(c) {
            found.bidi = Some((c, i));
        }
        if found.invisible.is_none() && is_invisible(c) {
            found.invisible = Some((c, i));
        }
    }
    found
}

/// An id: 1–[`MAX_ID_CHARS`] of `A–Z a–z 0–9 . _ -`. Returns whether it is well-formed.
pub(crate) fn id(report: &mut Report, field: &str, value: &str) -> bool {
    if value.is_empty() {
        report.error(field, format!("{field} is empty"));
        return false;
    }
    let chars = value.chars().count();
    if chars > MAX_ID_CHARS {
        report.error(
            field,
            format!("{field} has {chars} characters; at most {MAX_ID_CHARS} are allowed"),
        );
        return false;
    }
    let bad = value
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')));
    if let Some((at, c)) = bad {
        report.error(
            field,
            format!(
                "{field} {} contains {c:?} at character {}; expected only A-Z, a-z, 0-9, '.', '_' and '-'",
                quoted(value),
                at + 1
            ),
        );
        return false;
    }
    true
}

/// Bidi embeddings, overrides and isolates: U+202A–U+202E, U+2066–U+2069.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Zero-width and other invisible formatting characters, the line and paragraph separators, and
/// the tag characters (which can hide text inside an emoji or after a name).
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{2029}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Catalogue text made safe to print on a terminal, in a log line or a report: every control,
/// bidi and invisible character written as a `\u{…}` escape, so a forged field name can neither
/// start a line of its own nor send escape sequences. Borrowed when there is nothing to escape.
pub fn printable(text: &str) -> Cow<'_, str> {
    let needs = |c: char| c.is_control() || is_bidi_control(c) || is_invisible(c);
    if !text.bytes().any(may_start_suspicious) || !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if needs(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The first thing in `value` that looks like an HTML tag or comment: `<` followed by a letter,
/// `/`, `!` or `?`, up to 20 characters of it.
fn markup(value: &str) -> Option<&str> {
    let bytes = value.as_bytes();
    let at = bytes.windows(2).position(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || matches!(pair[1], b'/' | b'!' | b'?'))
    })?;
    let rest = &value[at..];
    let end = rest
        .char_indices()
        .nth(20)
        .map_or(rest.len(), |(end, _)| end);
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_support::{assert_found, report};
    use crate::check::Severity::{Error, Warning};

    #[test]
    fn names_must_not_be_blank_or_too_long() {
        let mut r = report();
        name(&mut r, "name", "  ");
        name(&mut r, "other", &"x".repeat(201));
        name(&mut r, "fine", &"æ".repeat(200));
        assert_found(
            &r.findings,
            &[
                (Error, "name", "name is empty"),
                (Error, "other", "other has 201 characters; at most 200"),
            ],
        );
        assert_eq!(r.findings.len(), 2);
    }

    #[test]
    fn control_bidi_invisible_and_markup() {
        let mut r = report();
        text(&mut r, "a", "bell\u{7}", TextKind::Short);
        text(&mut r, "b", "abc\u{202E}fed", TextKind::Short);
        text(&mut r, "c", "zero\u{200B}width", TextKind::Short);
        text(&mut r, "d", "<script>alert(1)</script>", TextKind::Short);
        text(&mut r, "e", "line one\nline two\tand a tab", TextKind::Long);
        text(&mut r, "f", "line one\nline two", TextKind::Short);
        text(&mut r, "g", "Børn < 12 år og 3<4", TextKind::Short);
        assert_found(
            &r.findings,
            &[
                (Error, "a", "control character U+0007 at character 5"),
                (Error, "b", "bidi override U+202E at character 4"),
                (Warning, "c", "invisible character U+200B at character 5"),
                (Warning, "d", "HTML-like markup \"<script>alert(1)</sc\""),
                (Error, "f", "control character U+000A"),
            ],
        );
        assert_eq!(r.findings.len(), 5, "{:?}", r.findings);
    }

    #[test]
    fn the_byte_scan_finds_what_a_char_scan_finds() {
        // Every character that is a control, bidi or invisible one starts with a scanned byte.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_control() || is_bidi_control(c) || is_invisible(c) {
                let text = format!("æ{c}ø");
                let found = suspicious_characters(&text, TextKind::Short);
                let hit = [found.control, found.bidi, found.invisible];
                assert!(
                    hit.iter().flatten().any(|(f, at)| *f == c && *at == 2),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn item_10_arabic_letter_mark_line_separator_and_tag_characters_are_invisible() {
        let mut r = report();
        text(&mut r, "a", "Bakke\u{061C}huset", TextKind::Short);
        text(&mut r, "b", "Bakkehuset\u{2028}", TextKind::Short);
        text(&mut r, "c", "Bakkehuset\u{E0041}\u{E007F}", TextKind::Short);
        assert_found(
            &r.findings,
            &[
                (Warning, "a", "invisible character U+061C at character 6"),
                (Warning, "b", "invisible character U+2028 at character 11"),
                (Warning, "c", "invisible character U+E0041 at character 11"),
            ],
        );
        assert_eq!(r.findings.len(), 3, "{:?}", r.findings);
    }

    #[test]
    fn item_5_printable_escapes_what_could_forge_a_line_or_drive_a_terminal() {
        assert!(matches!(printable("departments[0].nmae"), Cow::Borrowed(_)));
        assert!(matches!(printable("Bøgehøj æ ø å"), Cow::Borrowed(_)));
        assert_eq!(
            printable("x\ncatalogue.jsonl:1: warning: forged"),
            "x\\u{a}catalogue.jsonl:1: warning: forged"
        );
        assert_eq!(
            printable("\u{1b}[2J\u{1b}]0;t\u{7}"),
            "\\u{1b}[2J\\u{1b}]0;t\\u{7}"
        );
        assert_eq!(
            printable("a\u{202E}b\u{200B}\r"),
            "a\\u{202e}b\\u{200b}\\u{d}"
        );
        // Escaping twice changes nothing more: the output has nothing left to escape.
        let once = printable("\u{9b}31m").into_owned();
        assert_eq!(printable(&once), once);
    }

    #[test]
    fn ids_hold_only_safe_ascii() {
        let mut r = report();
        assert!(id(&mut r, "id", "T-104233"));
        assert!(id(&mut r, "id", "dept_1.a"));
        assert!(!id(&mut r, "id", ""));
        assert!(!id(&mut r, "x", "a b"));
        assert!(!id(&mut r, "y", &"a".repeat(65)));
        assert!(!id(&mut r, "z", "Tø"));
        assert_found(
            &r.findings,
            &[
                (Error, "id", "id is empty"),
                (Error, "x", "contains ' ' at character 2"),
                (Error, "y", "y has 65 characters; at most 64"),
                (Error, "z", "contains 'ø' at character 2"),
            ],
        );
    }
}
