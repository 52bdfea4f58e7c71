//! The bad-input list of issue 3: each gives a located error and no panic, the good records
//! around it are still checked, and `records == accepted + rejected`.

use std::io::{self, BufReader, Read};

use super::support::{assert_accounting, check_bytes, findings, line};
use catalogue::check::{check_stream, CheckOptions, Outcome, Severity};
use catalogue::read::{CatalogueReader, ReadError, MAX_LINE_BYTES};

fn good(id: &str) -> String {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/offer.json"
    ))
    .expect("example");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["id"] = id.into();
    value["departments"][0]["id"] = format!("{id}-A").into();
    value["departments"][1]["id"] = format!("{id}-B").into();
    value.to_string()
}

/// The single error finding of a rejected outcome.
fn the_error(outcome: &Outcome) -> (&str, &str) {
    let errors: Vec<_> = findings(outcome)
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    (&errors[0].field, &errors[0].message)
}

/// Checks `bad` between two good records: the bad line is rejected with an error on `field`
/// whose message contains `message`, the good ones are accepted.
fn between_good_records(bad: &[u8], field: &str, message: &str) {
    let mut input = format!("{}\n", good("T-1")).into_bytes();
    input.extend_from_slice(bad);
    input.extend_from_slice(format!("\n{}\n", good("T-2")).as_bytes());
    let (outcomes, summary) = check_bytes(&input);
    assert_accounting(&outcomes, &summary);
    assert_eq!(
        (summary.records, summary.accepted, summary.rejected),
        (3, 2, 1),
        "{outcomes:?}"
    );
    assert!(matches!(outcomes[0], Outcome::Accepted { line: 1, .. }));
    assert!(matches!(outcomes[2], Outcome::Accepted { line: 3, .. }));
    assert_eq!(line(&outcomes[1]), 2);
    let (f, m) = the_error(&outcomes[1]);
    assert_eq!(f, field, "{m}");
    assert!(m.contains(message), "{m:?} should contain {message:?}");
}

/// Good record T-9 with every `from` (which must be in it) replaced by `to`, between two good
/// records: [`between_good_records`].
fn edited_between_good_records(from: &str, to: &str, field: &str, message: &str) {
    let record = good("T-9");
    assert!(record.contains(from), "{from} not found");
    between_good_records(record.replace(from, to).as_bytes(), field, message);
}

#[test]
fn malformed_json_is_located_by_column() {
    between_good_records(b"{\"kind\": \"offer\",, }", "(json)", "at column 18");
    between_good_records(b"not json", "(json)", "expected ident at column 2");
}

#[test]
fn wrong_types_name_the_field_path() {
    edited_between_good_records(
        "\"postal_code\":8000",
        "\"postal_code\":\"8000\"",
        "departments[0].address.postal_code",
        "invalid type: string \"8000\", expected u16",
    );
    edited_between_good_records(
        "\"places_total\":16",
        "\"places_total\":null",
        "places_total",
        "invalid type: null",
    );
    edited_between_good_records(
        "\"name\":\"Bofællesskabet Engly\",",
        "",
        "name",
        "missing field `name`",
    );
}

#[test]
fn numbers_at_the_edges_of_their_types() {
    for (from, to, field, message) in [
        (
            "\"age_to\":85",
            "\"age_to\":300",
            "services[0].age_to",
            "integer `300`, expected u8",
        ),
        (
            "\"age_to\":85",
            "\"age_to\":-1",
            "services[0].age_to",
            "integer `-1`, expected u8",
        ),
        (
            "\"age_to\":85",
            "\"age_to\":-0",
            "services[0].age_to",
            "expected u8",
        ),
        (
            "\"age_to\":85",
            "\"age_to\":85.5",
            "services[0].age_to",
            "expected u8",
        ),
        (
            "\"postal_code\":8000",
            "\"postal_code\":70000",
            "departments[0].address.postal_code",
            "expected u16",
        ),
        (
            "\"places_total\":16",
            "\"places_total\":18446744073709551616",
            "places_total",
            "expected u32",
        ),
        (
            "\"occupancy_rate\":95.0",
            "\"occupancy_rate\":1e400",
            "(json)",
            "number out of range",
        ),
        (
            "\"amount\":2875.5",
            "\"amount\":-0",
            "services[0].rates[0].amount",
            "is not above 0",
        ),
        (
            "\"amount\":2875.5",
            "\"amount\":1.7976931348623157e308",
            "services[0].rates[0].amount",
            "is outside 300–60000",
        ),
    ] {
        let record = good("T-9").replacen(from, to, 1);
        assert_ne!(record, good("T-9"), "{from} not found");
        between_good_records(record.as_bytes(), field, message);
    }
}

#[test]
fn a_missing_or_unknown_kind_is_an_error_on_kind() {
    for (from, to, field, message) in [
        ("\"kind\":\"offer\",", "", "kind", "missing field `kind`"),
        (
            "\"kind\":\"offer\"",
            "\"kind\":\"tilbud\"",
            "kind",
            "unknown kind \"tilbud\"",
        ),
        // An offer's fields under the other kind: the first one the family does not have.
        (
            "\"kind\":\"offer\"",
            "\"kind\":\"foster_family\"",
            "cvr",
            "unknown field `cvr`",
        ),
    ] {
        edited_between_good_records(from, to, field, message);
    }
}

#[test]
fn bytes_that_are_not_utf8_give_the_byte_offset() {
    let first = format!("{}\n", good("T-1"));
    let bad = b"{\"kind\": \"offer\", \"name\": \"Bof\xe6llesskabet\"}";
    between_good_records(
        bad,
        "(line)",
        &format!(
            "invalid UTF-8 at byte 31 of the line (byte offset {} in the file)",
            first.len() + 30
        ),
    );
}

#[test]
fn an_empty_file_is_zero_records() {
    for input in [&b""[..], b"\n\n", b"\xEF\xBB\xBF", b"  \r\n\t\n"] {
        let (outcomes, summary) = check_bytes(input);
        assert!(outcomes.is_empty());
        assert_eq!(summary.records, 0);
        assert_eq!(summary.accepted + summary.rejected, 0);
    }
}

#[test]
fn a_byte_order_mark_and_crlf_line_ends_are_accepted() {
    let input = format!("\u{FEFF}{}\r\n\r\n{}\r\n", good("T-1"), good("T-2"));
    let (outcomes, summary) = check_bytes(input.as_bytes());
    assert_eq!((summary.records, summary.accepted), (2, 2), "{outcomes:?}");
    assert_eq!(line(&outcomes[1]), 3);
}

/// `length` bytes of `x`, produced on demand so the test itself never holds them.
struct LongLine {
    left: u64,
}

impl Read for LongLine {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = buf
            .len()
            .min(usize::try_from(self.left).unwrap_or(usize::MAX));
        buf[..n].fill(b'x');
        self.left -= n as u64;
        Ok(n)
    }
}

#[test]
fn a_50_mb_line_is_reported_and_skipped_and_the_next_record_is_checked() {
    const LENGTH: u64 = 50 * 1024 * 1024;
    let before = format!("{}\n", good("T-1"));
    let after = format!("\n{}\n", good("T-2"));
    let input = io::Cursor::new(before.clone())
        .chain(LongLine { left: LENGTH })
        .chain(io::Cursor::new(after));
    let started = std::time::Instant::now();
    let mut outcomes = Vec::new();
    let summary = check_stream(
        BufReader::new(input),
        &CheckOptions {
            today: super::support::today(),
        },
        |o| outcomes.push(o),
    )
    .expect("no I/O error");
    assert_accounting(&outcomes, &summary);
    assert_eq!(
        (summary.records, summary.accepted, summary.rejected),
        (3, 2, 1)
    );
    let (field, message) = the_error(&outcomes[1]);
    assert_eq!(field, "(line)");
    assert_eq!(
        message,
        format!(
            "line of {LENGTH} bytes is longer than the limit of {MAX_LINE_BYTES} bytes; skipped"
        )
    );
    // One linear pass over 50 MB: far below this even unoptimised; quadratic would not be.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn a_truncated_last_line_is_located() {
    let record = good("T-2");
    let input = format!("{}\n{}", good("T-1"), &record[..record.len() / 2]);
    let (outcomes, summary) = check_bytes(input.as_bytes());
    assert_accounting(&outcomes, &summary);
    assert_eq!((summary.accepted, summary.rejected), (1, 1));
    let (field, message) = the_error(&outcomes[1]);
    assert_eq!(field, "(json)");
    assert!(
        message.starts_with(
            "the last line ends before its JSON does (truncated file?): EOF while parsing"
        ),
        "{message}"
    );
    // A complete last record without a newline is fine.
    let input = format!("{}\n{}", good("T-1"), good("T-2"));
    assert_eq!(check_bytes(input.as_bytes()).1.accepted, 2);
}

#[test]
fn deeply_nested_json_hits_the_recursion_limit_not_the_stack() {
    for depth in [129usize, 100_000] {
        let bad = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        between_good_records(bad.as_bytes(), "(json)", "recursion limit exceeded");
    }
    // Inside a record too.
    let nested = format!(
        "{{\"kind\": \"offer\", \"x\": {}{}}}",
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    );
    between_good_records(nested.as_bytes(), "(json)", "recursion limit exceeded");
    let nested = good("T-9").replacen(
        "\"methods\":[",
        &format!(
            "\"methods\":[{}1{},",
            "[".repeat(100_000),
            "]".repeat(100_000)
        ),
        1,
    );
    between_good_records(nested.as_bytes(), "(json)", "recursion limit exceeded");
    // 100 levels are within the limit: the line parses, and the unknown field is reported.
    let shallow = format!(
        "{{\"kind\": \"offer\", \"x\": {}{}}}",
        "[".repeat(100),
        "]".repeat(100)
    );
    let (outcomes, _) = check_bytes(shallow.as_bytes());
    assert!(findings(&outcomes[0])[0]
        .message
        .contains("unknown field `x`"));
}

#[test]
fn the_reader_reports_an_io_error_and_stops() {
    struct Failing;
    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk on fire"))
        }
    }
    let input = io::Cursor::new(format!("{}\n", good("T-1"))).chain(Failing);
    let mut reader = CatalogueReader::new(BufReader::new(input));
    assert!(reader
        .next()
        .expect("a line")
        .expect("no error yet")
        .result
        .is_ok());
    assert!(reader.next().expect("the error").is_err());
    assert!(reader.next().is_none());
    let input = io::Cursor::new(format!("{}\n", good("T-1"))).chain(Failing);
    let result = check_stream(
        BufReader::new(input),
        &CheckOptions {
            today: super::support::today(),
        },
        |_| {},
    );
    assert_eq!(result.expect_err("I/O error").to_string(), "disk on fire");
}

#[test]
fn read_errors_carry_the_record_id_when_there_is_one() {
    let record = good("T-77").replace("\"postal_code\":8000", "\"postal_code\":true");
    let (outcomes, _) = check_bytes(record.as_bytes());
    match &outcomes[0] {
        Outcome::Rejected { id, findings, .. } => {
            assert_eq!(id.as_deref(), Some("T-77"));
            assert_eq!(findings[0].id.as_deref(), Some("T-77"));
        }
        other => panic!("{other:?}"),
    }
    let err = catalogue::read::parse_record("{\"id\": 5, \"kind\": 1}", true).expect_err("kind");
    assert!(matches!(err, ReadError::UnknownKind { id: None, .. }));
}
