//! JSON, read and written by hand: the one place that says how the browser's JSON texts become
//! values and back.
//!
//! The browser handles three JSON texts: the index's `manifest.json`, the embedding page's
//! configuration (a JS object passed through `JSON.stringify`) and the saved shortlist in
//! `localStorage`. Earlier builds read and wrote them with `serde_json`, which with the serde
//! visitors of the structures took about 116 KB of the wasm; this module is a small pull parser
//! and writer instead, and each structure lists its fields once, in [`json_struct!`] beside its
//! definition, which both writes and reads it (as [`crate::codec`]'s `wire_struct!` does for the
//! index files). Native code (the CLI's `--json` output, reports, tests) keeps `serde_json`.
//!
//! # The rules
//!
//! - Reading is strict RFC 8259: one value, whitespace around it and nothing else; strings with
//!   every escape (`\u` surrogate pairs joined, a lone surrogate refused) and no raw control
//!   characters; numbers by the grammar (no leading zeros, `+`, `.5`, `NaN`).
//! - A struct is an object. Unknown fields are skipped (their syntax still checked), a missing
//!   `Option` field is `None`, and a missing field marked `default` takes its type's default;
//!   any other missing field is an error. These are `serde_derive`'s rules, so what
//!   `serde_json` wrote is read the same. Of a field given twice the last stands (serde refused
//!   it; no writer here writes one twice).
//! - Written JSON is `serde_json`'s, byte for byte where it matters: compact, or pretty with two
//!   spaces (the manifest), strings escaped the same way, a `None` as `null` (or left out with
//!   `skip_none`), floats in their shortest round-trip form (`2450.0`, `1e-7`), non-finite
//!   floats as `null`.
//! - Unit enums are their code as a string: [`json_enum!`] lists the codes, [`json_code!`] takes
//!   the type's own `code()` and `from_code()` (the catalogue's vocabularies).
//!
//! # Limits
//!
//! Reading never panics, whatever the bytes; arrays and objects nest at most [`MAX_DEPTH`] deep
//! (deeper input is an error, not a stack overflow); strings are borrowed from the input unless
//! they hold escapes, and an unescaped string is never longer than its escaped form, so nothing
//! allocates more than the input's size. An error says what was expected, in which field and
//! where (line and column).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use catalogue::vocab::{
    Authority, InspectionKind, LegalBasis, PriceBasis, RateUnit, SanctionKind, TargetGroupGroup,
};
use catalogue::Date;

/// How deep arrays and objects may nest. The deepest text read here (a shortlist) nests 4 deep.
pub const MAX_DEPTH: u32 = 64;

/// Why a JSON text was not read: what was expected, the innermost field it was in, and where.
/// (Boxed: a small error keeps every reader's `Result` small, which is most of their code.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<ErrorDetail>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ErrorDetail {
    what: &'static str,
    field: Option<&'static str>,
    line: usize,
    column: usize,
}

impl Error {
    /// What was expected or wrong, e.g. "expected a string".
    pub fn what(&self) -> &'static str {
        self.0.what
    }

    /// The innermost field being read, if any.
    pub fn field(&self) -> Option<&'static str> {
        self.0.field
    }

    /// Line and column (in bytes) of the error, from 1.
    pub fn position(&self) -> (usize, usize) {
        (self.0.line, self.0.column)
    }

    /// The error, said to be in `field` unless an inner field was named already.
    #[cold]
    #[inline(never)]
    fn within(mut self, field: &'static str) -> Error {
        self.0.field.get_or_insert(field);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ErrorDetail {
            what,
            field,
            line,
            column,
        } = &*self.0;
        if let Some(field) = field {
            write!(f, "field \"{field}\": ")?;
        }
        write!(f, "{what} at line {line} column {column}")
    }
}

impl std::error::Error for Error {}

/// A JSON text being read, value by value, and the position reached.
pub struct Reader<'a> {
    text: &'a [u8],
    pos: usize,
    depth: u32,
    /// True right after an array or object began: its first item needs no comma.
    first: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a [u8]) -> Reader<'a> {
        Reader {
            text,
            pos: 0,
            depth: 0,
            first: false,
        }
    }

    /// An error at the current position.
    #[cold]
    #[inline(never)]
    pub fn error(&self, what: &'static str) -> Error {
        let before = self.text.get(..self.pos).unwrap_or(self.text);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        Error(Box::new(ErrorDetail {
            what,
            field: None,
            line: before.iter().filter(|&&b| b == b'\n').count() + 1,
            column: self.pos - line_start + 1,
        }))
    }

    /// The next byte that is not whitespace, not consumed.
    fn peek(&mut self) -> Option<u8> {
        while let Some(&b) = self.text.get(self.pos) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// The position of the next value (after whitespace), where an error about it points.
    fn value_start(&mut self) -> usize {
        self.peek();
        self.pos
    }

    /// Consumes `byte` if it comes next (after whitespace).
    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Consumes `word` (a literal such as `true`) if it comes next.
    fn eat_word(&mut self, word: &[u8]) -> bool {
        let found = self.peek().is_some() && self.text[self.pos..].starts_with(word);
        if found {
            self.pos += word.len();
        }
        found
    }

    /// Consumes a `null` if one comes next; `false` (consuming nothing) for any other value.
    pub fn null(&mut self) -> bool {
        self.eat_word(b"null")
    }

    /// A `true` or `false`.
    pub fn bool(&mut self) -> Result<bool, Error> {
        if self.eat_word(b"true") {
            Ok(true)
        } else if self.eat_word(b"false") {
            Ok(false)
        } else {
            Err(self.error("expected true or false"))
        }
    }

    /// A string, borrowed from the text when it holds no escapes.
    pub fn string(&mut self) -> Result<Cow<'a, str>, Error> {
        if !self.eat(b'"') {
            return Err(self.error("expected a string"));
        }
        let start = self.pos;
        // The fast path: no escapes, so the string is the bytes between the quotes.
        loop {
            match self.text.get(self.pos) {
                None => return Err(self.error("a string is not closed")),
                Some(b'"') => {
                    let text = self.utf8(start, self.pos)?;
                    self.pos += 1;
                    return Ok(Cow::Borrowed(text));
                }
                Some(b'\\') => break,
                Some(0..=0x1f) => return Err(self.error("a control character in a string")),
                Some(_) => self.pos += 1,
            }
        }
        let mut out = String::from(self.utf8(start, self.pos)?);
        loop {
            let run = self.pos;
            while let Some(&b) = self.text.get(self.pos) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(self.utf8(run, self.pos)?);
            match self.text.get(self.pos) {
                None => return Err(self.error("a string is not closed")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("a control character in a string")),
            }
        }
    }

    /// The text's bytes `start..end` as UTF-8.
    fn utf8(&self, start: usize, end: usize) -> Result<&'a str, Error> {
        let bytes = self.text.get(start..end).unwrap_or_default();
        std::str::from_utf8(bytes).map_err(|_| self.error("a string is not valid UTF-8"))
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let Some(&b) = self.text.get(self.pos) else {
            return Err(self.error("a string is not closed"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                let code = match unit {
                    0xd800..=0xdbff => {
                        if !(self.text.get(self.pos) == Some(&b'\\')
                            && self.text.get(self.pos + 1) == Some(&b'u'))
                        {
                            return Err(self.error("a lone surrogate in a \\u escape"));
                        }
                        self.pos += 2;
                        let low = self.hex4()?;
                        if !(0xdc00..=0xdfff).contains(&low) {
                            return Err(self.error("a lone surrogate in a \\u escape"));
                        }
                        0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                    }
                    0xdc00..=0xdfff => return Err(self.error("a lone surrogate in a \\u escape")),
                    _ => unit,
                };
                char::from_u32(code).ok_or_else(|| self.error("an invalid \\u escape"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("an invalid escape"));
            }
        })
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> Result<u32, Error> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self
                .text
                .get(self.pos)
                .and_then(|&b| char::from(b).to_digit(16))
                .ok_or_else(|| self.error("expected four hex digits in a \\u escape"))?;
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    /// A number's text, checked against the grammar; the flag says whether it is an integer
    /// (no fraction, no exponent).
    fn number(&mut self) -> Result<(&'a str, bool), Error> {
        let start = self.value_start();
        let digits = |r: &mut Reader<'a>| {
            let from = r.pos;
            while r.text.get(r.pos).is_some_and(u8::is_ascii_digit) {
                r.pos += 1;
            }
            r.pos - from
        };
        let at = |r: &Reader<'a>, b: u8| r.text.get(r.pos) == Some(&b);
        if at(self, b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_digits = digits(self);
        if int_digits == 0 || (int_digits > 1 && self.text.get(int_start) == Some(&b'0')) {
            self.pos = start;
            return Err(self.error("expected a number"));
        }
        let mut integer = true;
        if at(self, b'.') {
            self.pos += 1;
            integer = false;
            if digits(self) == 0 {
                return Err(self.error("expected a digit after the decimal point"));
            }
        }
        if at(self, b'e') || at(self, b'E') {
            self.pos += 1;
            integer = false;
            if at(self, b'+') || at(self, b'-') {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        Ok((self.utf8(start, self.pos)?, integer))
    }

    /// A non-negative integer (no fraction, no exponent).
    pub fn unsigned(&mut self) -> Result<u64, Error> {
        let start = self.value_start();
        let (text, integer) = self.number()?;
        match text.parse() {
            Ok(value) if integer => Ok(value),
            _ => {
                self.pos = start;
                Err(self.error("expected a whole number of the field's range"))
            }
        }
    }

    /// A finite number.
    pub fn float(&mut self) -> Result<f64, Error> {
        let start = self.value_start();
        let (text, _) = self.number()?;
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => {
                self.pos = start;
                Err(self.error("a number out of range"))
            }
        }
    }

    /// The start of an array or object: its opening bracket, one level deeper.
    fn begin(&mut self, open: u8, expected: &'static str) -> Result<(), Error> {
        if !self.eat(open) {
            return Err(self.error(expected));
        }
        if self.depth >= MAX_DEPTH {
            return Err(self.error("nested too deep"));
        }
        self.depth += 1;
        self.first = true;
        Ok(())
    }

    /// True when another item of the array or object follows (after its comma), false at its
    /// closing bracket.
    fn more(&mut self, close: u8, expected: &'static str) -> Result<bool, Error> {
        if self.eat(close) {
            self.depth = self.depth.saturating_sub(1);
            self.first = false;
            return Ok(false);
        }
        if !std::mem::take(&mut self.first) && !self.eat(b',') {
            return Err(self.error(expected));
        }
        Ok(true)
    }

    /// The start of an array; then [`Reader::next_item`] before each item.
    pub fn begin_array(&mut self) -> Result<(), Error> {
        self.begin(b'[', "expected an array")
    }

    /// True when another item of the array follows (to be read next), false at its end.
    pub fn next_item(&mut self) -> Result<bool, Error> {
        self.more(b']', "expected , or ]")
    }

    /// The start of an object; then [`Reader::next_key`] before each field's value.
    pub fn begin_object(&mut self) -> Result<(), Error> {
        self.begin(b'{', "expected an object")
    }

    /// The next field's key (its value is to be read next), or `None` at the object's end.
    pub fn next_key(&mut self) -> Result<Option<Cow<'a, str>>, Error> {
        if !self.more(b'}', "expected , or }")? {
            return Ok(None);
        }
        let key = self.string()?;
        if !self.eat(b':') {
            return Err(self.error("expected :"));
        }
        Ok(Some(key))
    }

    /// Reads an object field by field: `field` reads the value of a key it knows and says so,
    /// the value of any other key is skipped. One loop for every struct ([`json_struct!`]).
    pub fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Reader<'a>, &str) -> Result<bool, Error>,
    ) -> Result<(), Error> {
        self.begin_object()?;
        while let Some(key) = self.next_key()? {
            if !field(self, &key)? {
                self.skip()?;
            }
        }
        Ok(())
    }

    /// Skips one value of any kind, checking its syntax.
    pub fn skip(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'[') => {
                self.begin_array()?;
                while self.next_item()? {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'{') => {
                self.begin_object()?;
                while self.next_key()?.is_some() {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b't' | b'f') => self.bool().map(drop),
            _ if self.null() => Ok(()),
            _ => self.number().map(drop),
        }
    }

    /// A value of type `T`, or `None` (the value skipped) when it is not one: for settings where
    /// a mistyped value means the default. Errors only when the text is not JSON.
    pub fn lenient<T: Json>(&mut self) -> Result<Option<T>, Error> {
        let (pos, depth, first) = (self.pos, self.depth, self.first);
        match T::read(self) {
            Ok(value) => Ok(Some(value)),
            Err(_) => {
                (self.pos, self.depth, self.first) = (pos, depth, first);
                self.skip().map(|()| None)
            }
        }
    }

    /// The value of a field named `key`, errors said to be in it.
    pub fn field<T: Json>(&mut self, key: &'static str) -> Result<T, Error> {
        T::read(self).map_err(|e| e.within(key))
    }

    /// The error of a required field that the object ended without.
    #[cold]
    #[inline(never)]
    pub fn missing(&self, key: &'static str) -> Error {
        self.error("a required field is missing").within(key)
    }

    /// Checks that only whitespace is left.
    pub fn end(&mut self) -> Result<(), Error> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.error("more after the value")),
        }
    }
}

/// JSON text being written, compact or pretty (two spaces, as `serde_json` writes it).
pub struct Writer {
    out: String,
    pretty: bool,
    level: usize,
    /// True right after an array or object began: nothing written in it yet.
    first: bool,
}

impl Writer {
    /// A writer of compact JSON: no whitespace.
    pub fn compact() -> Writer {
        Writer {
            out: String::new(),
            pretty: false,
            level: 0,
            first: false,
        }
    }

    /// A writer of pretty JSON: each item and field on its own line, indented by two spaces.
    pub fn pretty() -> Writer {
        Writer {
            pretty: true,
            ..Writer::compact()
        }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn new_line(&mut self) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..self.level {
                self.out.push_str("  ");
            }
        }
    }

    /// Starts an item or field: a comma after an earlier one, then the line break.
    fn separate(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.out.push(',');
        }
        self.new_line();
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.level += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.level = self.level.saturating_sub(1);
        if !std::mem::take(&mut self.first) {
            self.new_line();
        }
        self.out.push(bracket);
    }

    /// Starts an array: then [`Writer::item`] before each item, and [`Writer::end_array`].
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// Starts an item of the array.
    pub fn item(&mut self) {
        self.separate();
    }

    /// Ends the array.
    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an object: then [`Writer::key`] before each field's value, and
    /// [`Writer::end_object`].
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// Writes a field's key; its value follows.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.string(key);
        self.out.push(':');
        if self.pretty {
            self.out.push(' ');
        }
    }

    /// Ends the object.
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// `true` or `false`.
    pub fn bool(&mut self, value: bool) {
        self.out.push_str(if value { "true" } else { "false" });
    }

    /// A whole number.
    pub fn unsigned(&mut self, value: u64) {
        self.out.push_str(&value.to_string());
    }

    /// A number in its shortest round-trip form (`2450.0`, `0.85`, `1e-7`); `null` if it is not
    /// finite, as JSON has no such number.
    pub fn float(&mut self, value: f64) {
        if value.is_finite() {
            self.out.push_str(&format!("{value:?}"));
        } else {
            self.null();
        }
    }

    /// A string, escaped as `serde_json` escapes it: `"`, `\` and control characters.
    pub fn string(&mut self, text: &str) {
        self.out.push('"');
        let mut run = 0;
        for (i, b) in text.bytes().enumerate() {
            let short = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&text[run..i]);
            if short.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                self.out.push_str(short);
            }
            run = i + 1;
        }
        self.out.push_str(&text[run..]);
        self.out.push('"');
    }
}

/// A value with a JSON form: `write` writes it, `read` reads it back.
pub trait Json: Sized {
    /// Writes the value.
    fn write(&self, w: &mut Writer);
    /// Reads a value.
    fn read(r: &mut Reader<'_>) -> Result<Self, Error>;
    /// The value of a field missing from its object: `None` for an `Option` (serde's rule),
    /// nothing for other types, whose fields are required unless marked `default`.
    fn absent() -> Option<Self> {
        None
    }
}

/// A value as compact JSON.
pub fn to_string<T: Json>(value: &T) -> String {
    let mut w = Writer::compact();
    value.write(&mut w);
    w.finish()
}

/// A value as pretty JSON (two spaces).
pub fn to_pretty<T: Json>(value: &T) -> String {
    let mut w = Writer::pretty();
    value.write(&mut w);
    w.finish()
}

/// Reads a value from a whole JSON text.
pub fn from_slice<T: Json>(text: &[u8]) -> Result<T, Error> {
    let mut r = Reader::new(text);
    let value = T::read(&mut r)?;
    r.end()?;
    Ok(value)
}

/// Reads a value from a whole JSON text.
pub fn from_str<T: Json>(text: &str) -> Result<T, Error> {
    from_slice(text.as_bytes())
}

impl Json for bool {
    fn write(&self, w: &mut Writer) {
        w.bool(*self);
    }
    fn read(r: &mut Reader<'_>) -> Result<bool, Error> {
        r.bool()
    }
}

macro_rules! json_unsigned {
    ($($t:ty),*) => {$(
        impl Json for $t {
            fn write(&self, w: &mut Writer) {
                w.unsigned(u64::from(*self));
            }
            fn read(r: &mut Reader<'_>) -> Result<$t, Error> {
                let start = r.value_start();
                let value = r.unsigned()?;
                <$t>::try_from(value).map_err(|_| {
                    r.pos = start;
                    r.error("expected a whole number of the field's range")
                })
            }
        }
    )*};
}
json_unsigned!(u8, u16, u32, u64);

impl Json for f64 {
    fn write(&self, w: &mut Writer) {
        w.float(*self);
    }
    fn read(r: &mut Reader<'_>) -> Result<f64, Error> {
        r.float()
    }
}

impl Json for String {
    fn write(&self, w: &mut Writer) {
        w.string(self);
    }
    fn read(r: &mut Reader<'_>) -> Result<String, Error> {
        r.string().map(Cow::into_owned)
    }
}

impl<T: Json> Json for Option<T> {
    fn write(&self, w: &mut Writer) {
        match self {
            Some(value) => value.write(w),
            None => w.null(),
        }
    }
    fn read(r: &mut Reader<'_>) -> Result<Option<T>, Error> {
        if r.null() {
            Ok(None)
        } else {
            T::read(r).map(Some)
        }
    }
    fn absent() -> Option<Option<T>> {
        Some(None)
    }
}

impl<T: Json> Json for Vec<T> {
    fn write(&self, w: &mut Writer) {
        w.begin_array();
        for item in self {
            w.item();
            item.write(w);
        }
        w.end_array();
    }
    fn read(r: &mut Reader<'_>) -> Result<Vec<T>, Error> {
        r.begin_array()?;
        let mut out = Vec::new();
        while r.next_item()? {
            out.push(T::read(r)?);
        }
        Ok(out)
    }
}

/// A pair is an array of two, as serde writes a tuple.
impl<A: Json, B: Json> Json for (A, B) {
    fn write(&self, w: &mut Writer) {
        w.begin_array();
        w.item();
        self.0.write(w);
        w.item();
        self.1.write(w);
        w.end_array();
    }
    fn read(r: &mut Reader<'_>) -> Result<(A, B), Error> {
        r.begin_array()?;
        let next = |r: &mut Reader<'_>| match r.next_item() {
            Ok(true) => Ok(()),
            Ok(false) => Err(r.error("expected an array of two")),
            Err(e) => Err(e),
        };
        next(r)?;
        let a = A::read(r)?;
        next(r)?;
        let b = B::read(r)?;
        if r.next_item()? {
            return Err(r.error("expected an array of two"));
        }
        Ok((a, b))
    }
}

/// A map with string keys is an object; of a key given twice the last value stands (serde's rule
/// for maps).
impl<T: Json> Json for BTreeMap<String, T> {
    fn write(&self, w: &mut Writer) {
        w.begin_object();
        for (key, value) in self {
            w.key(key);
            value.write(w);
        }
        w.end_object();
    }
    fn read(r: &mut Reader<'_>) -> Result<BTreeMap<String, T>, Error> {
        r.begin_object()?;
        let mut out = BTreeMap::new();
        while let Some(key) = r.next_key()? {
            let value = T::read(r)?;
            out.insert(key.into_owned(), value);
        }
        Ok(out)
    }
}

/// A date is its ISO form, `"YYYY-MM-DD"`, as the catalogue writes it.
impl Json for Date {
    fn write(&self, w: &mut Writer) {
        w.string(&self.to_string());
    }
    fn read(r: &mut Reader<'_>) -> Result<Date, Error> {
        let start = r.value_start();
        let text = r.string()?;
        Date::parse(&text).map_err(|_| {
            r.pos = start;
            r.error("expected a date as \"YYYY-MM-DD\"")
        })
    }
}

/// Reads a unit enum's code and gives its position among `codes`, and then `value` the enum's
/// value at that position. One reader for every enum: a generic one was a copy per enum.
pub fn read_code<T>(
    r: &mut Reader<'_>,
    codes: &[&str],
    value: fn(usize) -> Option<T>,
) -> Result<T, Error> {
    let start = r.value_start();
    match code_position(r, codes).map(value) {
        Ok(Some(value)) => Ok(value),
        Ok(None) => {
            r.pos = start;
            Err(r.error("an unknown code"))
        }
        Err(e) => Err(e),
    }
}

/// The position of the code read among `codes` (see [`read_code`]).
fn code_position(r: &mut Reader<'_>, codes: &[&str]) -> Result<usize, Error> {
    let start = r.value_start();
    let code = r.string()?;
    codes.iter().position(|c| *c == code).ok_or_else(|| {
        r.pos = start;
        r.error("an unknown code")
    })
}

/// Implements [`Json`] for unit enums with `code()`, `CODES` (every code, in index order) and
/// `from_index()`: the code as a string.
#[macro_export]
macro_rules! json_code {
    ($($name:ty),* $(,)?) => {$(
        impl $crate::json::Json for $name {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.string(self.code());
            }
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Error> {
                $crate::json::read_code(r, &<$name>::CODES, <$name>::from_index)
            }
        }
    )*};
}

json_code!(
    Authority,
    InspectionKind,
    LegalBasis,
    RateUnit,
    SanctionKind,
    TargetGroupGroup
);

/// Implements [`Json`] for a unit enum by the code of each variant.
#[macro_export]
macro_rules! json_enum {
    ($name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        impl $crate::json::Json for $name {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.string(match self { $($name::$variant => $code,)+ });
            }
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Error> {
                static VALUES: &[$name] = &[$($name::$variant,)+];
                $crate::json::read_code(r, &[$($code,)+], |i| VALUES.get(i).copied())
            }
        }
    };
}

json_enum!(PriceBasis {
    PerDay = "PerDay",
    PerHour = "PerHour",
    PerCourse = "PerCourse",
});

/// Implements [`Json`] for a struct by its fields: an object with a key per field, in the order
/// given (the written order). A field is `name` (key `"name"`) or `name = "key"`, optionally
/// followed by how its absence is taken:
///
/// - nothing: required, unless its type has an [`Json::absent`] value (an `Option` is `None`);
/// - `: default`: missing means `Default::default()`;
/// - `: lenient`: missing *or of another type* means `Default::default()` (settings);
/// - `: skip_none`: an `Option` written only when `Some`, missing means `None`.
#[macro_export]
macro_rules! json_struct {
    ($name:ident { $($field:ident $(= $key:literal)? $(: $how:ident)?),+ $(,)? }) => {
        impl $crate::json::Json for $name {
            fn write(&self, w: &mut $crate::json::Writer) {
                w.begin_object();
                $( $crate::json_struct!(@write [$($how)?] w, self.$field, $crate::json_struct!(@key $field $($key)?)); )+
                w.end_object();
            }
            fn read(r: &mut $crate::json::Reader<'_>) -> Result<Self, $crate::json::Error> {
                $( let mut $field = None; )+
                r.object(&mut |r, key| {
                    match key {
                        $( $crate::json_struct!(@key $field $($key)?) => {
                            $field = $crate::json_struct!(@read [$($how)?] r, $crate::json_struct!(@key $field $($key)?));
                        } )+
                        _ => return Ok(false),
                    }
                    Ok(true)
                })?;
                Ok($name {
                    $( $field: match $field {
                        Some(value) => value,
                        None => $crate::json_struct!(@missing [$($how)?] r, $crate::json_struct!(@key $field $($key)?)),
                    }, )+
                })
            }
        }
    };
    (@key $field:ident) => { stringify!($field) };
    (@key $field:ident $key:literal) => { $key };
    (@write [skip_none] $w:ident, $value:expr, $key:expr) => {
        if let Some(value) = &$value {
            $w.key($key);
            $crate::json::Json::write(value, $w);
        }
    };
    (@write [$($how:ident)?] $w:ident, $value:expr, $key:expr) => {
        $w.key($key);
        $crate::json::Json::write(&$value, $w);
    };
    (@read [lenient] $r:ident, $key:expr) => {
        Some($r.lenient()?.unwrap_or_default())
    };
    (@read [$($how:ident)?] $r:ident, $key:expr) => {
        Some($r.field($key)?)
    };
    (@missing [] $r:ident, $key:expr) => {
        $crate::json::Json::absent().ok_or_else(|| $r.missing($key))?
    };
    (@missing [skip_none] $r:ident, $key:expr) => { None };
    (@missing [$how:ident] $r:ident, $key:expr) => { Default::default() };
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[derive(Clone, Debug, Default, PartialEq)]
    struct Sample {
        name: String,
        count: u32,
        ratio: Option<f64>,
        tags: Vec<String>,
        pairs: Vec<(String, String)>,
        since: Option<Date>,
        extra: Option<u8>,
        kept: bool,
    }
    json_struct!(Sample {
        name,
        count = "Count",
        ratio,
        tags: default,
        pairs: lenient,
        since,
        extra: skip_none,
        kept: lenient,
    });

    fn sample() -> Sample {
        Sample {
            name: "Bo \"Lyngen\"\n".into(),
            count: 7,
            ratio: Some(0.85),
            tags: vec!["a".into(), "ø".into()],
            pairs: vec![("municipality".into(), "751".into())],
            since: Date::from_ymd(2026, 11, 22),
            extra: None,
            kept: true,
        }
    }

    #[test]
    fn compact_and_pretty_are_serde_json_s_forms() {
        assert_eq!(
            to_string(&sample()),
            r#"{"name":"Bo \"Lyngen\"\n","Count":7,"ratio":0.85,"tags":["a","ø"],"pairs":[["municipality","751"]],"since":"2026-11-22","kept":true}"#
        );
        let empty = Sample {
            extra: Some(3),
            ..Sample::default()
        };
        assert_eq!(
            to_pretty(&empty),
            "{\n  \"name\": \"\",\n  \"Count\": 0,\n  \"ratio\": null,\n  \"tags\": [],\n  \"pairs\": [],\n  \"since\": null,\n  \"extra\": 3,\n  \"kept\": false\n}"
        );
    }

    #[test]
    fn fields_missing_unknown_mistyped_and_twice() {
        let read = from_str::<Sample>;
        // Options and defaults may be missing; unknown fields are skipped, whatever they hold.
        let minimal =
            read(r#" {"unknown": {"deep": [1, 2.5e3, null, "x"]}, "name": "a", "Count": 1} "#)
                .expect("reads");
        assert_eq!(
            minimal,
            Sample {
                name: "a".into(),
                count: 1,
                ..Sample::default()
            }
        );
        let err = read(r#"{"name": "a"}"#).expect_err("Count is required");
        assert_eq!(err.field(), Some("Count"));
        assert_eq!(
            err.to_string(),
            "field \"Count\": a required field is missing at line 1 column 14"
        );
        let err = read("{\"name\": \"a\",\n \"Count\": -1}").expect_err("unsigned");
        assert_eq!((err.field(), err.position()), (Some("Count"), (2, 11)));
        // Of a field given twice the last stands, as for a map (RFC 8259 leaves it open).
        let twice = read(r#"{"name": "a", "Count": 1, "Count": 2}"#).expect("reads");
        assert_eq!(twice.count, 2);
        assert!(read(r#"{"name": "a", "Count": 256.0}"#).is_err());
        assert!(read(r#"{"name": "a", "Count": 1, "extra": 256}"#).is_err());
        // A lenient field of another type is its default; the rest of the object still counts.
        let lenient =
            read(r#"{"name": "a", "Count": 1, "pairs": [["x"]], "kept": "yes"}"#).expect("reads");
        assert_eq!((lenient.pairs.len(), lenient.kept), (0, false));
        // ... but broken syntax inside it is not JSON at all.
        assert!(read(r#"{"name": "a", "Count": 1, "kept": [1,]}"#).is_err());
    }

    /// Unit enums are read by their code through one reader, whichever macro declared them.
    #[test]
    fn enum_codes_read_and_unknown_codes_are_refused() {
        use crate::query::Mode;
        use catalogue::vocab::{LegalBasis, PriceBasis};
        assert_eq!(
            from_str::<LegalBasis>(r#""sel_85""#).ok(),
            Some(LegalBasis::Sel85)
        );
        assert_eq!(
            from_str::<Mode>(r#""foster_families""#).ok(),
            Some(Mode::FosterFamilies)
        );
        assert_eq!(
            from_str::<PriceBasis>(r#""PerHour""#).ok(),
            Some(PriceBasis::PerHour)
        );
        for bad in [r#""SEL § 85""#, r#""""#, "3"] {
            assert!(from_str::<LegalBasis>(bad).is_err(), "{bad}");
            assert!(from_str::<Mode>(bad).is_err(), "{bad}");
        }
        let error = from_str::<Vec<PriceBasis>>(r#"["PerDay", "PerWeek"]"#).unwrap_err();
        assert!(error.to_string().contains("an unknown code"), "{error}");
    }

    #[test]
    fn strict_syntax() {
        for bad in [
            "",
            " ",
            "[1,]",
            "[,1]",
            "[1 2]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{a:1}",
            "01",
            "1.",
            ".5",
            "+1",
            "1e",
            "-",
            "NaN",
            "[1]]",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\u{1}\"",
            "\"abc",
            "\"\\ud800\"",
            "\"\\udc00x\"",
            "\"\\ud800\\u0041\"",
            "tru",
            "nul",
            "[",
            "{",
            "\"a\" \"b\"",
        ] {
            assert!(from_str::<Skipped>(bad).is_err(), "{bad:?} was read");
        }
        for good in [
            "0",
            "-0",
            "1.5e-3",
            "1E+2",
            "[]",
            "{}",
            " [ [ ] , { } ] ",
            "\"\\/\\b\\f\"",
            "null",
            "true",
        ] {
            assert!(from_str::<Skipped>(good).is_ok(), "{good:?} was refused");
        }
        assert_eq!(
            from_str::<String>(r#""a\u00e6\ud83d\ude00\n\"""#).expect("reads"),
            "aæ😀\n\""
        );
        assert!(from_slice::<String>(b"\"\xff\"").is_err());
        // Valid syntax, but no number a field can hold.
        assert!(from_str::<Skipped>("1e400").is_ok());
        assert!(from_str::<f64>("1e400").is_err());
        assert!(from_str::<u64>("18446744073709551616").is_err());
        assert_eq!(from_str::<u64>("18446744073709551615"), Ok(u64::MAX));
        assert!(from_str::<u8>("1.0").is_err());
        let deep = "[".repeat(MAX_DEPTH as usize + 1) + &"]".repeat(MAX_DEPTH as usize + 1);
        assert_eq!(
            from_str::<Skipped>(&deep).expect_err("too deep").what(),
            "nested too deep"
        );
        let deepest = "[".repeat(MAX_DEPTH as usize) + &"]".repeat(MAX_DEPTH as usize);
        assert!(from_str::<Skipped>(&deepest).is_ok());
    }

    /// Any value, read and dropped: the syntax check alone.
    #[derive(Debug)]
    struct Skipped;
    impl Json for Skipped {
        fn write(&self, w: &mut Writer) {
            w.null();
        }
        fn read(r: &mut Reader<'_>) -> Result<Skipped, Error> {
            r.skip().map(|()| Skipped)
        }
    }

    fn date() -> impl Strategy<Value = Date> {
        // Four-digit years: the ISO form has no other.
        (0i32..=9999, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| Date::from_ymd(y, m, d).unwrap_or_default())
    }

    prop_compose! {
        fn any_sample()(
            name in any::<String>(),
            count in any::<u32>(),
            ratio in proptest::option::of(any::<f64>().prop_filter("finite", |f| f.is_finite())),
            tags in proptest::collection::vec(any::<String>(), 0..4),
            pairs in proptest::collection::vec((any::<String>(), any::<String>()), 0..3),
            since in proptest::option::of(date()),
            extra in proptest::option::of(any::<u8>()),
            kept in any::<bool>(),
        ) -> Sample {
            Sample { name, count, ratio, tags, pairs, since, extra, kept }
        }
    }

    proptest! {
        /// No bytes make the reader panic, whatever it is asked to read.
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = from_slice::<Skipped>(&bytes);
            let _ = from_slice::<Sample>(&bytes);
            let _ = from_slice::<Vec<(String, Option<f64>)>>(&bytes);
            let _ = from_slice::<BTreeMap<String, Date>>(&bytes);
        }

        /// Nor do JSON-like texts, which get further into the reader than random bytes.
        #[test]
        fn json_like_text_never_panics(text in r#"[\[\]{}":,0-9.eE+\-a-z\\ ]{0,80}"#) {
            let _ = from_str::<Skipped>(&text);
            let _ = from_str::<Sample>(&text);
            let _ = from_str::<Vec<Vec<u64>>>(&text);
        }

        /// What the writer writes, compact or pretty, the reader reads back as it was.
        #[test]
        fn writer_then_reader_round_trips(sample in any_sample()) {
            prop_assert_eq!(from_str::<Sample>(&to_string(&sample)).expect("compact"), sample.clone());
            prop_assert_eq!(from_str::<Sample>(&to_pretty(&sample)).expect("pretty"), sample);
        }

        /// Strings and floats are written as serde_json writes them, and what it writes is read.
        #[test]
        fn strings_and_floats_match_serde_json(text in any::<String>(), float in any::<f64>()) {
            let ours = to_string(&text);
            prop_assert_eq!(&ours, &serde_json::to_string(&text).expect("serde_json"));
            prop_assert_eq!(from_str::<String>(&ours).expect("reads"), text);
            if float.is_finite() {
                let theirs = serde_json::to_string(&float).expect("serde_json");
                prop_assert_eq!(from_str::<f64>(&theirs).expect("reads"), float);
                prop_assert_eq!(from_str::<f64>(&to_string(&float)).expect("reads"), float);
            } else {
                prop_assert_eq!(to_string(&float), "null");
            }
        }

        /// Every escape serde_json reads, this reader reads the same (`\u` escapes of any
        /// character, surrogate pairs included).
        #[test]
        fn unicode_escapes_read_as_serde_json_reads_them(text in any::<String>()) {
            let escaped: String = text
                .encode_utf16()
                .map(|unit| format!("\\u{unit:04X}"))
                .collect();
            let quoted = format!("\"{escaped}\"");
            prop_assert_eq!(from_str::<String>(&quoted).expect("reads"), text);
        }
    }
}
