//! The streaming reader of a JSON Lines catalogue.
//!
//! [`CatalogueReader`] reads from any [`BufRead`] and yields one [`ReadLine`] per non-blank line:
//! the line's number, its byte offset, and either the parsed [`Record`] or a [`ReadError`] that
//! says where and why it could not be read. It never holds more than one line in memory, and a
//! line is capped at [`MAX_LINE_BYTES`]: the rest of a longer line is skipped chunk by chunk as
//! the input hands it over, never buffered, so a 50 MB line costs one pass and no memory.
//!
//! # What a line may be
//! - Blank (empty or only whitespace): skipped, not a record. Line numbers still count it, so a
//!   reported line number is the one an editor shows.
//! - A UTF-8 byte-order mark at the start of the file is accepted and ignored; one anywhere else
//!   is a syntax error like any other stray byte.
//! - `\n` and `\r\n` line ends are both accepted; the last line may lack its newline.
//! - Bytes that are not UTF-8 give [`ReadError::NotUtf8`] with the byte offset; reading goes on.
//! - A JSON syntax error (including a truncated last line and nesting deeper than serde_json's
//!   recursion limit, 127 levels) gives [`ReadError::Syntax`] with its column.
//! - A JSON value that is well-formed but not a record gives an error on the field it names:
//!   `kind` for a missing or unknown kind, or the path of the field that has the wrong type, e.g.
//!   `departments[0].address.postal_code`.
//!
//! # How a line becomes a record
//! [`Record`] is an internally tagged enum (`"kind": "offer"`). Serde deserialises such an enum by
//! buffering the whole object into its private `Content` type and then deserialising the variant
//! from that buffer, out of sight of `serde_path_to_error`, so every type error would be reported
//! at the path `.` (a test below shows it). The reader therefore never deserialises `Record`:
//! a first pass over the line validates the JSON and picks out `kind` and `id` without building
//! anything, then the variant struct is deserialised straight from the text through
//! `serde_path_to_error`, with the top-level `kind` key hidden from it (the variants'
//! `deny_unknown_fields` would reject it). A line that fails is read again through a [`Value`]
//! ([`parse_record_via_value`]) and that error is reported: errors are rare, and this way they do
//! not depend on which path found them. A property test holds the two paths to each other.
//!
//! # Quirks
//! - Of several problems in one record, one is reported (the first in key order); fix it and
//!   run again.
//! - A key that appears twice in an object is an error (`duplicate field`, on the field's path),
//!   or a type error on the first value, where a plain JSON reader would keep the last one; the
//!   top-level `kind` and `id` too, which the probe catches.
//! - Field names, ids and values in messages come from the catalogue and are escaped
//!   ([`printable`]): a forged key cannot print a line of its own or drive a terminal.

use std::io::{self, BufRead};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::check::text::printable;
use crate::model::{FosterFamily, Offer, Record};

/// The longest line accepted, in bytes before its newline: 1 MiB. A real record is a few KB; a
/// longer line is reported and skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 1 << 20;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One non-blank line of the catalogue and what reading it gave.
#[derive(Debug)]
pub struct ReadLine {
    /// Line number, counting from 1 (blank lines count).
    pub line: u64,
    /// Byte offset of the line's first byte in the input.
    pub offset: u64,
    /// The record, or why the line is not one.
    pub result: Result<Record, ReadError>,
}

/// Why a line is not a record. Each variant names the field it concerns ([`ReadError::field`]).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ReadError {
    /// The line is longer than [`MAX_LINE_BYTES`].
    #[error("line of {length} bytes is longer than the limit of {limit} bytes; skipped")]
    TooLong {
        /// The line's length in bytes, without its newline.
        length: u64,
        /// The limit, [`MAX_LINE_BYTES`].
        limit: usize,
    },
    /// The file is UTF-16, not UTF-8 (a byte-order mark `FF FE`/`FE FF`, or every other byte
    /// zero): named as such rather than as a run of invalid bytes.
    #[error("the file is UTF-16, not UTF-8; save it as UTF-8 (e.g. `iconv -f UTF-16 -t UTF-8`)")]
    Utf16,
    /// The file's lines end in a carriage return alone (classic Mac OS), so the whole file reads
    /// as one line.
    #[error("the lines end in CR alone (classic Mac OS), so the file reads as one line; save it with LF or CRLF line ends")]
    CrLineEnds,
    /// The line is not valid UTF-8.
    #[error("invalid UTF-8 at byte {column} of the line (byte offset {file_offset} in the file)")]
    NotUtf8 {
        /// 1-based byte position of the first invalid byte in the line.
        column: usize,
        /// 0-based byte offset of the first invalid byte in the input.
        file_offset: u64,
    },
    /// The line is not well-formed JSON.
    #[error("{}{message} at column {column}", if *.truncated { "the last line ends before its JSON does (truncated file?): " } else { "" })]
    Syntax {
        /// serde_json's description, without its location.
        message: String,
        /// 1-based column where parsing stopped.
        column: usize,
        /// The line is the last one, has no newline, and ended mid-value.
        truncated: bool,
    },
    /// Well-formed JSON, but not an object.
    #[error("expected a JSON object, found {found}")]
    NotAnObject {
        /// What was found instead ("an array", "a string", ...).
        found: &'static str,
    },
    /// The object has no `kind`.
    #[error("missing field `kind`; expected \"offer\" or \"foster_family\"")]
    MissingKind {
        /// The record's `id`, if it has a string one.
        id: Option<String>,
    },
    /// `kind` is not one of the record kinds.
    #[error("unknown kind {found}; expected \"offer\" or \"foster_family\"")]
    UnknownKind {
        /// The record's `id`, if it has a string one.
        id: Option<String>,
        /// The value found, as JSON (shortened).
        found: String,
    },
    /// A field is missing, unknown, or of the wrong type or range.
    #[error("{message}")]
    Field {
        /// The record's `id`, if it has a string one.
        id: Option<String>,
        /// Path of the field, e.g. `services[1].rates[0].unit`.
        path: String,
        /// What is wrong, from serde.
        message: String,
    },
}

impl ReadError {
    /// The field the error concerns: a path into the record, `kind`, or `(line)` / `(json)` for
    /// errors that concern the whole line.
    pub fn field(&self) -> String {
        match self {
            ReadError::TooLong { .. }
            | ReadError::NotUtf8 { .. }
            | ReadError::Utf16
            | ReadError::CrLineEnds => "(line)".to_owned(),
            ReadError::Syntax { .. } | ReadError::NotAnObject { .. } => "(json)".to_owned(),
            ReadError::MissingKind { .. } | ReadError::UnknownKind { .. } => "kind".to_owned(),
            ReadError::Field { path, .. } => path.clone(),
        }
    }

    /// The record's id when the line was an object with a string `id`.
    pub fn id(&self) -> Option<&str> {
        match self {
            ReadError::MissingKind { id }
            | ReadError::UnknownKind { id, .. }
            | ReadError::Field { id, .. } => id.as_deref(),
            _ => None,
        }
    }
}

/// Reads a JSON Lines catalogue one line at a time; an iterator of [`ReadLine`].
///
/// The iterator's `Err` is an I/O error of the input itself; after one, it ends.
pub struct CatalogueReader<R> {
    input: R,
    /// Number of the last line read.
    line_number: u64,
    /// Bytes consumed from the input so far.
    offset: u64,
    /// The current line, at most [`MAX_LINE_BYTES`] + 1 bytes (for a `\r`).
    buffer: Vec<u8>,
    finished: bool,
}

/// What [`CatalogueReader::next_raw_line`] found.
enum RawLine {
    /// The line is in the buffer; `terminated` when a newline ended it.
    Bytes { terminated: bool },
    /// The line was longer than the limit and was skipped; `inner_cr` when a carriage return
    /// came before its end (a file with CR-only line ends).
    TooLong { length: u64, inner_cr: bool },
}

impl<R: BufRead> CatalogueReader<R> {
    /// A reader of `input`.
    pub fn new(input: R) -> Self {
        CatalogueReader {
            input,
            line_number: 0,
            offset: 0,
            buffer: Vec::new(),
            finished: false,
        }
    }

    /// Bytes consumed from the input so far.
    pub fn bytes_read(&self) -> u64 {
        self.offset
    }

    /// Reads the next physical line into `self.buffer` (without its `\n`), or skips it if it is
    /// too long. `None` at the end of the input.
    fn next_raw_line(&mut self) -> io::Result<Option<RawLine>> {
        self.buffer.clear();
        // Bytes before the newline, and whether the last of them is a `\r` (not counted).
        let mut length: u64 = 0;
        let mut ends_with_cr = false;
        let mut too_long = false;
        let mut inner_cr = false;
        let terminated = loop {
            let available = match self.input.fill_buf() {
                Ok(bytes) => bytes,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if available.is_empty() {
                if length == 0 {
                    return Ok(None);
                }
                break false;
            }
            let (content, used, found_newline) = match memchr::memchr(b'\n', available) {
                Some(at) => (at, at + 1, true),
                None => (available.len(), available.len(), false),
            };
            if content > 0 {
                length += content as u64;
                inner_cr |=
                    ends_with_cr || memchr::memchr(b'\r', &available[..content - 1]).is_some();
                ends_with_cr = available[content - 1] == b'\r';
            }
            // One byte over the limit is kept in case it is the `\r` of a `\r\n`.
            if !too_long && self.buffer.len() + content > MAX_LINE_BYTES + 1 {
                too_long = true;
                self.buffer = Vec::new();
            }
            if !too_long {
                self.buffer.extend_from_slice(&available[..content]);
            }
            self.input.consume(used);
            self.offset += used as u64;
            if found_newline {
                break true;
            }
        };
        let length = length - u64::from(ends_with_cr);
        if too_long || length > MAX_LINE_BYTES as u64 {
            self.buffer.clear();
            Ok(Some(RawLine::TooLong { length, inner_cr }))
        } else {
            Ok(Some(RawLine::Bytes { terminated }))
        }
    }
}

impl<R: BufRead> Iterator for CatalogueReader<R> {
    type Item = io::Result<ReadLine>;

    fn next(&mut self) -> Option<io::Result<ReadLine>> {
        while !self.finished {
            let offset = self.offset;
            let raw = match self.next_raw_line() {
                Ok(Some(raw)) => raw,
                Ok(None) => {
                    self.finished = true;
                    return None;
                }
                Err(err) => {
                    self.finished = true;
                    return Some(Err(err));
                }
            };
            self.line_number += 1;
            let line = self.line_number;
            let result = match raw {
                RawLine::TooLong { inner_cr: true, .. } => Err(ReadError::CrLineEnds),
                RawLine::TooLong { length, .. } => Err(ReadError::TooLong {
                    length,
                    limit: MAX_LINE_BYTES,
                }),
                RawLine::Bytes { terminated } => {
                    match parse_line(&self.buffer, offset, offset == 0, terminated) {
                        None => continue,
                        Some(result) => result,
                    }
                }
            };
            return Some(Ok(ReadLine {
                line,
                offset,
                result,
            }));
        }
        None
    }
}

/// Parses one line's bytes (without `\n`). `None` for a blank line.
fn parse_line(
    bytes: &[u8],
    offset: u64,
    first_line: bool,
    terminated: bool,
) -> Option<Result<Record, ReadError>> {
    let (bytes, skipped) = match bytes.strip_prefix(BOM) {
        Some(rest) if first_line => (rest, BOM.len()),
        _ => (bytes, 0),
    };
    let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
    if looks_like_utf16(bytes, first_line) {
        return Some(Err(ReadError::Utf16));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = skipped + err.valid_up_to();
            return Some(Err(ReadError::NotUtf8 {
                column: at + 1,
                file_offset: offset + at as u64,
            }));
        }
    };
    if text.trim().is_empty() {
        return None;
    }
    match parse_record(text, terminated) {
        // A CR may stand between JSON tokens, so only a line that fails is taken for CR line ends.
        Err(ReadError::Syntax { .. }) if text.trim_end().contains("}\r") => {
            Some(Err(ReadError::CrLineEnds))
        }
        result => Some(result),
    }
}

/// Whether a line is UTF-16 text: the file starts with a UTF-16 byte-order mark, or at least a
/// third of the line's bytes are zero (ASCII in UTF-16 is every other byte zero; a NUL in real
/// UTF-8 JSON is a syntax error either way).
fn looks_like_utf16(bytes: &[u8], first_line: bool) -> bool {
    if first_line && (bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) {
        return true;
    }
    let zeros = bytes.iter().filter(|&&b| b == 0).count();
    zeros > 0 && zeros * 3 >= bytes.len()
}

/// Parses one line of text into a record.
///
/// The fast path reads the line twice without building a tree: a probe that validates the JSON
/// and picks out `kind` and `id`, then the variant struct straight from the text through
/// `serde_path_to_error`, with `kind` skipped ([`skip_kind`]). A line that fails either pass is
/// read again through a [`Value`] ([`parse_record_via_value`]), and that slow path's error is
/// the one reported, so the fast path changes only how quickly good records are read.
pub fn parse_record(text: &str, terminated: bool) -> Result<Record, ReadError> {
    if text.trim_start().starts_with('{') {
        let probe = match serde_json::from_str::<skip_kind::Probe>(text) {
            Ok(probe) => probe,
            // On well-formed JSON the probe fails only on a repeated top-level `kind` or `id`,
            // of which a `Value` silently keeps the last: that is the error to report.
            Err(probe_error) => {
                return match parse_record_via_value(text, terminated) {
                    Err(slow_error) => Err(slow_error),
                    Ok(record) => Err(field_error(
                        Some(shorten(record.id())),
                        ".",
                        without_location(probe_error.to_string()),
                    )),
                };
            }
        };
        let id = probe.id.as_ref().and_then(Value::as_str).map(shorten);
        let fast = match probe.kind {
            None => Err(ReadError::MissingKind { id }),
            Some(Value::String(kind)) if kind == "offer" => {
                skip_kind::deserialize::<Offer>(text, id).map(Record::Offer)
            }
            Some(Value::String(kind)) if kind == "foster_family" => {
                skip_kind::deserialize::<FosterFamily>(text, id).map(Record::FosterFamily)
            }
            Some(other) => Err(ReadError::UnknownKind {
                id,
                found: shorten(&other.to_string()),
            }),
        };
        return match fast {
            Ok(record) => Ok(record),
            // Errors are rare: report the slow path's, so that which error a line gives
            // does not depend on the path taken. Only duplicate keys, which the slow path
            // lets through (the last one wins), keep the fast path's error.
            Err(fast_error) => match parse_record_via_value(text, terminated) {
                Err(slow_error) => Err(slow_error),
                Ok(_) => Err(fast_error),
            },
        };
    }
    parse_record_via_value(text, terminated)
}

/// The slow path of [`parse_record`]: the line as a [`Value`], `kind` taken out, the variant
/// struct deserialised from what is left.
pub fn parse_record_via_value(text: &str, terminated: bool) -> Result<Record, ReadError> {
    let value: Value = serde_json::from_str(text).map_err(|err| syntax_error(&err, terminated))?;
    let mut object = match value {
        Value::Object(object) => object,
        other => {
            return Err(ReadError::NotAnObject {
                found: json_type(&other),
            })
        }
    };
    let id = object.get("id").and_then(Value::as_str).map(shorten);
    match object.remove("kind") {
        None => Err(ReadError::MissingKind { id }),
        Some(Value::String(kind)) if kind == "offer" => {
            deserialize::<Offer>(object, id).map(Record::Offer)
        }
        Some(Value::String(kind)) if kind == "foster_family" => {
            deserialize::<FosterFamily>(object, id).map(Record::FosterFamily)
        }
        Some(other) => Err(ReadError::UnknownKind {
            id,
            found: shorten(&other.to_string()),
        }),
    }
}

/// Deserialises a variant struct from the record's object (without `kind`), keeping the path of
/// the field that fails.
fn deserialize<T: DeserializeOwned>(
    object: Map<String, Value>,
    id: Option<String>,
) -> Result<T, ReadError> {
    serde_path_to_error::deserialize(Value::Object(object)).map_err(|err| {
        let path = err.path().to_string();
        let message = shorten_expected_list(without_location(err.into_inner().to_string()));
        field_error(id, &path, message)
    })
}

/// A field error, with the path made to name the missing or unknown field itself (serde reports
/// a missing field at its parent's path, an unknown one at its own).
fn field_error(id: Option<String>, path: &str, message: String) -> ReadError {
    let named = ["missing field `", "unknown field `", "duplicate field `"]
        .iter()
        .find_map(|prefix| message.strip_prefix(prefix))
        .and_then(|rest| rest.split('`').next());
    let path = match (path, named) {
        // A field whose name is empty: shown quoted, so the field is never blank.
        ("", _) | (".", Some("")) => "\"\"".to_owned(),
        (".", Some(name)) => name.to_owned(),
        (".", None) => "(record)".to_owned(),
        (path, Some(name)) if !path.ends_with(name) => format!("{path}.{name}"),
        (path, _) => path.to_owned(),
    };
    // Field names come from the catalogue: a forged one must not print a line of its own or
    // send escape sequences to a terminal.
    ReadError::Field {
        id,
        path: printable(&path).into_owned(),
        message: printable(&message).into_owned(),
    }
}

/// serde lists every value it expected; past a dozen (the 46 target groups) the list drowns the
/// message, so it is replaced by a pointer to the documentation.
fn shorten_expected_list(message: String) -> String {
    const MAX_LISTED: usize = 12;
    let Some(at) = message.find(", expected one of `") else {
        return message;
    };
    let listed = message[at..].matches('`').count() / 2;
    if listed <= MAX_LISTED {
        return message;
    }
    let noun = if message.starts_with("unknown field") {
        "fields"
    } else {
        "values"
    };
    format!(
        "{}, expected one of the {listed} {noun} listed in docs/catalogue.md",
        &message[..at]
    )
}

/// A serde_json message without its " at line 1 column N" suffix (always line 1 here; syntax
/// errors report the column separately, field errors their path).
fn without_location(mut message: String) -> String {
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    message
}

/// serde_json's syntax error, located by column.
fn syntax_error(err: &serde_json::Error, terminated: bool) -> ReadError {
    ReadError::Syntax {
        message: without_location(err.to_string()),
        column: err.column(),
        truncated: !terminated && err.is_eof(),
    }
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// At most 100 characters of a value quoted in a message, so a 100 KB id stays readable, with
/// control, bidi and invisible characters escaped ([`printable`]).
fn shorten(text: &str) -> String {
    const KEEP: usize = 100;
    match text.char_indices().nth(KEEP) {
        Some((at, _)) => format!("{}…", printable(&text[..at])),
        None => printable(text).into_owned(),
    }
}

/// The fast path's pieces: the probe and a deserializer that hides the top-level `kind` key
/// from the variant struct (whose `deny_unknown_fields` would reject it).
mod skip_kind {
    use std::fmt;

    use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    use super::{field_error, shorten_expected_list, without_location, ReadError};

    /// The first pass: validates the whole line and keeps only `kind` and `id`.
    #[derive(Deserialize)]
    pub(super) struct Probe {
        #[serde(default)]
        pub kind: Option<Value>,
        #[serde(default)]
        pub id: Option<Value>,
    }

    /// Deserialises the variant struct from the line, naming the failing field's path.
    pub(super) fn deserialize<T: DeserializeOwned>(
        text: &str,
        id: Option<String>,
    ) -> Result<T, ReadError> {
        let mut json = serde_json::Deserializer::from_str(text);
        let mut track = serde_path_to_error::Track::new();
        let result = T::deserialize(SkipKind(serde_path_to_error::Deserializer::new(
            &mut json, &mut track,
        )));
        result.map_err(|err| {
            let path = track.path().to_string();
            let message = shorten_expected_list(without_location(err.to_string()));
            field_error(id, &path, message)
        })
    }

    /// A deserializer whose top-level map has no `kind` key.
    struct SkipKind<D>(D);

    impl<'de, D: Deserializer<'de>> Deserializer<'de> for SkipKind<D> {
        type Error = D::Error;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.deserialize_any(visitor)
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, D::Error> {
            self.0
                .deserialize_struct(name, fields, SkipKindVisitor(visitor))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map enum identifier ignored_any
        }
    }

    struct SkipKindVisitor<V>(V);

    impl<'de, V: Visitor<'de>> Visitor<'de> for SkipKindVisitor<V> {
        type Value = V::Value;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            self.0.expecting(f)
        }

        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
            self.0.visit_map(SkipKindMap(map))
        }
    }

    struct SkipKindMap<A>(A);

    impl<'de, A: MapAccess<'de>> MapAccess<'de> for SkipKindMap<A> {
        type Error = A::Error;

        fn next_key_seed<K: DeserializeSeed<'de>>(
            &mut self,
            seed: K,
        ) -> Result<Option<K::Value>, A::Error> {
            loop {
                let Some(key) = self.0.next_key::<Key<'de>>()? else {
                    return Ok(None);
                };
                let key = match &key {
                    Key::Borrowed(key) => *key,
                    Key::Owned(key) => key.as_str(),
                };
                if key == "kind" {
                    self.0.next_value::<IgnoredAny>()?;
                    continue;
                }
                // The derive's field visitor copies what it needs, so a short-lived key is fine.
                return seed
                    .deserialize(StrKey::<A::Error>(key, std::marker::PhantomData))
                    .map(Some);
            }
        }

        fn next_value_seed<S: DeserializeSeed<'de>>(
            &mut self,
            seed: S,
        ) -> Result<S::Value, A::Error> {
            self.0.next_value_seed(seed)
        }
    }

    /// A map key, borrowed from the line when it has no escapes.
    enum Key<'de> {
        Borrowed(&'de str),
        Owned(String),
    }

    impl<'de> Deserialize<'de> for Key<'de> {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<'de>, D::Error> {
            struct KeyVisitor;
            impl<'de> Visitor<'de> for KeyVisitor {
                type Value = Key<'de>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a field name")
                }
                fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                    Ok(Key::Borrowed(v))
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                    Ok(Key::Owned(v.to_owned()))
                }
            }
            deserializer.deserialize_str(KeyVisitor)
        }
    }

    /// A key handed to the struct's field visitor as a plain (not borrowed) string.
    struct StrKey<'k, E>(&'k str, std::marker::PhantomData<E>);

    impl<'de, E: de::Error> Deserializer<'de> for StrKey<'_, E> {
        type Error = E;

        fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
            visitor.visit_str(self.0)
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
            bytes byte_buf option unit unit_struct newtype_struct seq tuple
            tuple_struct map struct enum identifier ignored_any
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> Vec<ReadLine> {
        CatalogueReader::new(input)
            .collect::<io::Result<Vec<_>>>()
            .expect("reading from a slice cannot fail")
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let lines = read_all(b"\n   \n\t\r\n[1]\n");
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].line, 4);
        assert_eq!(lines[0].offset, 8);
    }

    #[test]
    fn a_bom_is_accepted_only_at_the_start() {
        let lines = read_all(b"\xEF\xBB\xBF[1]\n\xEF\xBB\xBF[1]\n");
        assert!(matches!(
            lines[0].result,
            Err(ReadError::NotAnObject { found: "an array" })
        ));
        assert!(matches!(lines[1].result, Err(ReadError::Syntax { .. })));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let lines = read_all(b"{}\n{\"id\": \"a\xFFb\"}\n");
        assert_eq!(
            lines[1].result.as_ref().err(),
            Some(&ReadError::NotUtf8 {
                column: 10,
                file_offset: 12
            })
        );
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_the_next_is_read() {
        let mut input = vec![b'x'; MAX_LINE_BYTES + 10];
        input.extend_from_slice(b"\n{\"kind\": 1}\n");
        // A tiny buffer makes the reader see the long line in many chunks.
        let reader = CatalogueReader::new(io::BufReader::with_capacity(7, &input[..]));
        let lines: Vec<ReadLine> = reader.map(|l| l.expect("no I/O error")).collect();
        assert_eq!(
            lines[0].result.as_ref().err(),
            Some(&ReadError::TooLong {
                length: MAX_LINE_BYTES as u64 + 10,
                limit: MAX_LINE_BYTES
            })
        );
        assert_eq!(lines[1].line, 2);
        assert!(matches!(
            lines[1].result,
            Err(ReadError::UnknownKind { .. })
        ));
    }

    #[test]
    fn a_line_exactly_at_the_limit_is_kept_with_or_without_cr() {
        for end in [&b"\n"[..], b"\r\n", b""] {
            let mut input = vec![b' '; MAX_LINE_BYTES - 2];
            input.splice(0..0, b"[]".iter().copied());
            input.extend_from_slice(end);
            let lines = read_all(&input);
            assert!(
                matches!(lines[0].result, Err(ReadError::NotAnObject { .. })),
                "{:?}",
                lines[0].result
            );
        }
    }

    #[test]
    fn the_tagged_enum_accepts_its_tag_but_loses_paths_so_the_reader_does_not_use_it() {
        let example = include_str!("../../../docs/examples/offer.json");
        let mut value: Value = serde_json::from_str(example).expect("example is JSON");
        // `tag = "kind"` with `deny_unknown_fields` on the variant: serde takes the tag out first.
        assert!(serde_json::from_value::<Record>(value.clone()).is_ok());
        value["departments"][0]["address"]["postal_code"] = Value::from("8000");
        let via_enum = serde_path_to_error::deserialize::<_, Record>(value.clone())
            .expect_err("a string is not a postal code");
        assert_eq!(via_enum.path().to_string(), ".");
        let via_reader = parse_record(&value.to_string(), true).expect_err("still not one");
        assert_eq!(via_reader.field(), "departments[0].address.postal_code");
        assert_eq!(via_reader.id(), Some("T-104233"));
    }

    #[test]
    fn missing_and_unknown_fields_are_named_in_the_path() {
        let err = field_error(None, ".", "missing field `name`".into());
        assert_eq!(err.field(), "name");
        let err = field_error(
            None,
            "departments[0]",
            "unknown field `nmae`, expected ...".into(),
        );
        assert_eq!(err.field(), "departments[0].nmae");
        let err = field_error(None, "", "unknown field ``, expected ...".into());
        assert_eq!(err.field(), "\"\"");
        let err = field_error(None, "places_total", "invalid type".into());
        assert_eq!(err.field(), "places_total");
    }

    /// `docs/examples/offer.json` on one line.
    fn example_line() -> String {
        let example = include_str!("../../../docs/examples/offer.json");
        let value: Value = serde_json::from_str(example).expect("example is JSON");
        value.to_string()
    }

    #[test]
    fn item_6_a_repeated_top_level_kind_or_id_is_an_error() {
        let record = example_line();
        let body = record.strip_prefix('{').expect("an object");
        assert!(parse_record(&record, true).is_ok());
        for (key, value) in [
            ("kind", "\"offer\""),
            ("id", "\"T-999\""),
            ("name", "\"Andet navn\""),
        ] {
            let repeated = format!("{{\"{key}\": {value}, {body}");
            let err = parse_record(&repeated, true).expect_err(key);
            assert_eq!(err.field(), key, "{err}");
            assert!(err.to_string().contains("duplicate field"), "{err}");
            assert!(err.id().is_some(), "{err:?}");
        }
    }

    #[test]
    fn item_5_a_forged_field_name_is_escaped_in_the_path_and_the_message() {
        let forged = "{\"kind\": \"offer\", \"x\\ncatalogue.jsonl:1: warning: ok\\u001b[2J\": 1}";
        let err = parse_record(forged, true).expect_err("unknown field");
        let shown = format!("{}: {}", err.field(), err);
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(
            shown.contains("x\\u{a}catalogue.jsonl:1: warning: ok\\u{1b}[2J"),
            "{shown}"
        );
    }

    #[test]
    fn item_10_utf16_files_are_named_as_such() {
        let json = "{\"kind\": \"offer\"}\n{\"kind\": \"offer\"}\n";
        for bom in [&[0xFF, 0xFE][..], &[]] {
            let mut le: Vec<u8> = bom.to_vec();
            le.extend(json.encode_utf16().flat_map(u16::to_le_bytes));
            let lines = read_all(&le);
            // The zero byte after the last `\n` of little-endian UTF-16 is a line of its own.
            assert!(lines.len() >= 2, "{lines:?}");
            for line in &lines {
                assert_eq!(line.result.as_ref().err(), Some(&ReadError::Utf16));
                assert_eq!(line.result.as_ref().unwrap_err().field(), "(line)");
            }
        }
        let mut be: Vec<u8> = vec![0xFE, 0xFF];
        be.extend(json.encode_utf16().flat_map(u16::to_be_bytes));
        assert!(read_all(&be)
            .iter()
            .all(|l| l.result.as_ref().err() == Some(&ReadError::Utf16)));
    }

    #[test]
    fn item_10_cr_only_line_ends_are_named_as_such() {
        let record = example_line();
        let short = format!("{record}\r{record}\r");
        let lines = read_all(short.as_bytes());
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].result.as_ref().err(), Some(&ReadError::CrLineEnds));
        // Over the line limit too: the CRs are seen while the line is skipped.
        let long = format!("{record}\r").repeat(MAX_LINE_BYTES / record.len() + 2);
        let reader = CatalogueReader::new(io::BufReader::with_capacity(64, long.as_bytes()));
        let lines: Vec<ReadLine> = reader.map(|l| l.expect("no I/O error")).collect();
        assert_eq!(lines[0].result.as_ref().err(), Some(&ReadError::CrLineEnds));
        // CRLF stays fine, and a CR between tokens of a good line is only whitespace.
        assert!(read_all(format!("{record}\r\n").as_bytes())[0]
            .result
            .is_ok());
        let spaced = record.replacen(",\"", ",\r\"", 1);
        assert_ne!(spaced, record);
        assert!(read_all(spaced.as_bytes())[0].result.is_ok());
    }

    #[test]
    fn long_lists_of_expected_values_are_cut() {
        let short = "unknown variant `x`, expected one of `a`, `b`".to_owned();
        assert_eq!(shorten_expected_list(short.clone()), short);
        let values: Vec<String> = (0..46).map(|i| format!("`v{i}`")).collect();
        let long = format!("unknown variant `x`, expected one of {}", values.join(", "));
        assert_eq!(
            shorten_expected_list(long),
            "unknown variant `x`, expected one of the 46 values listed in docs/catalogue.md"
        );
    }

    #[test]
    fn shorten_keeps_short_text_and_cuts_long_text_on_a_char_boundary() {
        assert_eq!(shorten("abc"), "abc");
        let long = "æ".repeat(300);
        let short = shorten(&long);
        assert_eq!(short.chars().count(), 101);
        assert!(short.ends_with('…'));
    }
}
