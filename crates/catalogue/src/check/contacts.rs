//! Contact details: phone, e-mail and website, and the people named.
//!
//! A website becomes a link in the interface, so anything but `http`/`https` (a `javascript:` or
//! `data:` URL above all) is an error, as is a URL with characters that could break out of an
//! attribute or disguise it: bidi controls (`https://example.dk/\u{202E}gnp.exe` displays as
//! `…/exe.png`) and zero-width or other invisible characters, as in every text field. A host
//! whose label mixes scripts (`pаypal.dk` with a Cyrillic `а`) is a warning, and the interface
//! shows it in its ASCII (punycode) form, [`website_for_display`]. An e-mail address that is not
//! one is an error too (it becomes a `mailto:` link). A phone number is only shown, so an
//! implausible one is a warning.

use std::borrow::Cow;

use super::text::{self, is_bidi_control, is_invisible, TextKind};
use super::{quoted, Report};
use crate::model::Contact;

/// Longest website URL accepted, in bytes.
pub const MAX_URL_BYTES: usize = 2_000;
/// Longest e-mail address, in bytes (RFC 5321).
pub const MAX_EMAIL_BYTES: usize = 254;

/// A record's contact, whose fields are under `path`.
pub(crate) fn contact(report: &mut Report, path: &str, contact: &Contact) {
    for (name, value) in [
        ("leader", &contact.leader),
        ("contact_person", &contact.contact_person),
    ] {
        if let Some(value) = value {
            text::text(report, &format!("{path}.{name}"), value, TextKind::Short);
        }
    }
    let phone_field = format!("{path}.phone");
    match contact.phone.as_deref().filter(|p| !p.trim().is_empty()) {
        None => report.warning(&phone_field, "no phone number"),
        Some(phone) => {
            // A phone number is shown as text: it gets every text field's checks (length,
            // control and bidi characters, markup) before the plausibility warning.
            text::text(report, &phone_field, phone, TextKind::Short);
            if let Err(why) = danish_phone(phone) {
                report.warning(
                    &phone_field,
                    format!(
                        "phone {} is not a plausible Danish number: {why}",
                        quoted(phone)
                    ),
                );
            }
        }
    }
    let email_field = format!("{path}.email");
    match contact.email.as_deref().filter(|e| !e.trim().is_empty()) {
        None => report.warning(&email_field, "no e-mail address"),
        Some(email) => {
            if let Err(why) = email_address(email) {
                report.error(
                    &email_field,
                    format!("email {} is not an e-mail address: {why}", quoted(email)),
                );
            }
        }
    }
    if let Some(website) = &contact.website {
        if let Err(why) = web_address(website) {
            report.error(
                format!("{path}.website"),
                format!("website {} {why}", quoted(website)),
            );
        } else if let Some(mixed) = mixed_script_host(website) {
            report.warning(
                format!("{path}.website"),
                format!(
                    "website host {} mixes {} letters in one label, as look-alike hosts do; \
                     it is shown as {}",
                    quoted(mixed.host),
                    mixed.scripts,
                    mixed.ascii
                ),
            );
        }
    }
}

/// A host with a label in more than one script, and how it is shown instead.
#[derive(Debug, PartialEq)]
pub struct MixedScriptHost<'a> {
    /// The host as written.
    pub host: &'a str,
    /// The scripts mixed, e.g. `Latin and Cyrillic`.
    pub scripts: String,
    /// The host in ASCII: each non-ASCII label as `xn--` punycode (RFC 3492), lower-cased.
    pub ascii: String,
}

/// The writing system of a letter, as far as telling look-alike host names apart needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Other,
}

impl Script {
    /// The script of a letter; `None` for digits, `-` and other characters that belong to none.
    fn of(c: char) -> Option<Script> {
        if !c.is_alphabetic() {
            return None;
        }
        Some(match c as u32 {
            0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xBA | 0xC0..=0x24F | 0x1E00..=0x1EFF => {
                Script::Latin
            }
            0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
            0x530..=0x58F => Script::Armenian,
            0x590..=0x5FF => Script::Hebrew,
            0x600..=0x6FF | 0x750..=0x77F => Script::Arabic,
            _ => Script::Other,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Greek => "Greek",
            Script::Cyrillic => "Cyrillic",
            Script::Armenian => "Armenian",
            Script::Hebrew => "Hebrew",
            Script::Arabic => "Arabic",
            Script::Other => "other",
        }
    }
}

/// The host of an `http(s)://` URL (without user name or port), if it has one.
fn host_of(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host);
    Some(match authority.rsplit_once(':') {
        Some((host, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => host,
        _ => authority,
    })
}

/// The website's host when one of its labels mixes scripts, with its ASCII form.
pub fn mixed_script_host(url: &str) -> Option<MixedScriptHost<'_>> {
    let host = host_of(url)?;
    let mixed = host.split('.').find_map(|label| {
        let mut seen: Vec<Script> = Vec::new();
        for script in label.chars().filter_map(Script::of) {
            if !seen.contains(&script) {
                seen.push(script);
            }
        }
        (seen.len() > 1).then_some(seen)
    })?;
    let names: Vec<&str> = mixed.iter().map(|s| s.name()).collect();
    Some(MixedScriptHost {
        host,
        scripts: names.join(" and "),
        ascii: ascii_host(host)?,
    })
}

/// A website as the interface shows and links it: as given, but with a host that mixes scripts
/// in its ASCII (punycode) form, so that `pаypal.dk` cannot pass for `paypal.dk`.
pub fn website_for_display(url: &str) -> Cow<'_, str> {
    match mixed_script_host(url) {
        Some(mixed) => match url.find(mixed.host) {
            Some(at) => Cow::Owned(format!(
                "{}{}{}",
                &url[..at],
                mixed.ascii,
                &url[at + mixed.host.len()..]
            )),
            None => Cow::Borrowed(url),
        },
        None => Cow::Borrowed(url),
    }
}

/// A host with every non-ASCII label lower-cased and written as `xn--` + punycode.
fn ascii_host(host: &str) -> Option<String> {
    let labels: Option<Vec<String>> = host
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                Some(label.to_ascii_lowercase())
            } else {
                punycode(&label.to_lowercase()).map(|code| format!("xn--{code}"))
            }
        })
        .collect();
    Some(labels?.join("."))
}

/// Punycode (RFC 3492, section 6.3): a Unicode label as ASCII letters, digits and `-`. `None`
/// only on overflow, which a label of a valid host (at most 63 bytes) cannot reach.
fn punycode(label: &str) -> Option<String> {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    let adapt = |delta: u32, points: u32, first: bool| {
        let mut delta = if first { delta / DAMP } else { delta / 2 };
        delta += delta / points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    };
    let digit = |d: u32| {
        char::from(if d < 26 {
            b'a' + d as u8
        } else {
            b'0' + (d - 26) as u8
        })
    };
    let code_points: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = out.len() as u32;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (0x80u32, 0u32, 72u32, basic);
    while (handled as usize) < code_points.len() {
        let next = code_points.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((next - n).checked_mul(handled + 1)?)?;
        n = next;
        for &c in &code_points {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n += 1;
    }
    Some(out)
}

/// A Danish phone number: 8 digits, optionally after `+45` or `0045`, with spaces, dashes,
/// dots or parentheses between them; the first digit is 2–9.
pub fn danish_phone(phone: &str) -> Result<(), &'static str> {
    if let Some(bad) = phone
        .chars()
        .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')' | '+')))
    {
        return Err(if bad.is_alphabetic() {
            "it contains letters"
        } else {
            "it contains characters other than digits and separators"
        });
    }
    let digits: String = phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect();
    let national = if let Some(rest) = digits.strip_prefix("+45") {
        rest
    } else if let Some(rest) = digits.strip_prefix("0045") {
        rest
    } else if digits.starts_with('+') || digits.starts_with("00") {
        return Err("it has a foreign country code");
    } else {
        &digits
    };
    if national.len() != 8 || !national.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected 8 digits");
    }
    if national.starts_with(['0', '1']) {
        return Err("Danish numbers start with 2–9");
    }
    Ok(())
}

/// An e-mail address: `local@domain`, the domain with at least two labels.
pub fn email_address(email: &str) -> Result<(), &'static str> {
    if email.len() > MAX_EMAIL_BYTES {
        return Err("it is longer than 254 bytes");
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err("it has no @");
    };
    if domain.contains('@') {
        return Err("it has more than one @");
    }
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    if !local_ok {
        return Err("the part before @ is not valid");
    }
    domain_name(domain).map_err(|_| "the domain is not valid")
}

/// A host name: labels of letters, digits and `-`, at least two, the last alphabetic.
fn domain_name(domain: &str) -> Result<(), ()> {
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |label: &&str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let top_ok = labels
        .last()
        .is_some_and(|top| top.chars().count() >= 2 && top.chars().all(char::is_alphabetic));
    if labels.len() >= 2 && labels.iter().all(label_ok) && top_ok {
        Ok(())
    } else {
        Err(())
    }
}

/// A web address that is safe to make a link of: `http(s)://host[:port][/...]`, no whitespace,
/// control characters, quotes, angle brackets or backslashes. The error completes the sentence
/// "website X …".
pub fn web_address(url: &str) -> Result<(), String> {
    if url.len() > MAX_URL_BYTES {
        return Err(format!("is longer than {MAX_URL_BYTES} bytes"));
    }
    let Some((scheme, rest)) = url.split_once(':') else {
        return Err("has no scheme; expected http:// or https://".to_owned());
    };
    let scheme_lower = scheme.to_ascii_lowercase();
    if scheme_lower != "http" && scheme_lower != "https" {
        let shown: String = scheme.chars().take(20).collect();
        return Err(format!(
            "has scheme {}; expected http or https",
            quoted(&shown)
        ));
    }
    if let Some(bad) = url.chars().find(|&c| is_bidi_control(c) || is_invisible(c)) {
        let what = if is_bidi_control(bad) {
            "bidi control"
        } else {
            "invisible character"
        };
        return Err(format!(
            "contains the {what} U+{:04X}, which can disguise where a link leads",
            bad as u32
        ));
    }
    if let Some(bad) = url.chars().find(|c| {
        c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\' | '`')
    }) {
        return Err(format!("contains {bad:?}, which a link must not contain"));
    }
    let Some(after) = rest.strip_prefix("//") else {
        return Err("has no // after the scheme".to_owned());
    };
    let authority = after.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err("has a user name before the host".to_owned());
    }
    let host = match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty() => host,
        _ => authority,
    };
    if domain_name(host).is_err() {
        return Err(format!("has no valid host name ({})", quoted(host)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::test_support::{assert_found, offer, only};
    use crate::check::Severity::{Error, Warning};
    use crate::model::Record;

    /// Asserts that `rule` accepts each of `good` and refuses each of `bad`.
    #[track_caller]
    fn accepts_and_refuses<E: std::fmt::Debug>(
        rule: impl Fn(&str) -> Result<(), E>,
        good: &[&str],
        bad: &[&str],
    ) {
        for ok in good {
            assert!(rule(ok).is_ok(), "{ok}: {:?}", rule(ok));
        }
        for bad in bad {
            assert!(rule(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        accepts_and_refuses(
            danish_phone,
            &[
                "86 12 34 56",
                "+45 86 12 34 56",
                "0045 86123456",
                "86-12-34-56",
                "(+45) 20304050",
            ],
            &[
                "1234567",
                "+46 8 123 456 78",
                "ring til os",
                "06 12 34 56",
                "86 12 34 56 7",
            ],
        );
    }

    #[test]
    fn emails() {
        accepts_and_refuses(
            email_address,
            &[
                "kontakt@engly.dk",
                "a.b+c@sub.aarhus.dk",
                "info@æblehaven.dk",
            ],
            &[
                "", "kontakt", "a@b", "a@@b.dk", "a b@c.dk", ".a@b.dk", "a@-b.dk", "a@b.d1",
                "a@b..dk",
            ],
        );
    }

    #[test]
    fn websites() {
        let good = [
            "https://www.engly.dk",
            "http://engly.dk:8080/om?x=1#top",
            "HTTPS://Engly.DK/",
        ];
        accepts_and_refuses(web_address, &good, &[]);
        for (bad, why) in [
            ("javascript:alert(1)", "has scheme \"javascript\""),
            (
                "data:text/html,<script>alert(1)</script>",
                "has scheme \"data\"",
            ),
            ("JaVaScRiPt:alert(1)", "has scheme \"JaVaScRiPt\""),
            ("www.engly.dk", "has no scheme"),
            ("https://engly.dk/\" onmouseover=\"x", "contains"),
            ("https:engly.dk", "has no //"),
            ("https://user@evil.example", "user name"),
            ("https://", "no valid host name"),
            ("ftp://engly.dk", "has scheme \"ftp\""),
        ] {
            let err = web_address(bad).expect_err(bad);
            assert!(err.contains(why), "{bad}: {err}");
        }
    }

    #[test]
    fn item_2_bidi_and_invisible_characters_in_a_website_are_errors() {
        for (bad, code) in [
            ("https://example.dk/\u{202E}gnp.exe", "U+202E"),
            ("https://example.dk/\u{2066}a\u{2069}", "U+2066"),
            ("https://exa\u{200B}mple.dk/", "U+200B"),
            ("https://example.dk/?a=\u{FEFF}", "U+FEFF"),
            ("https://example.dk/\u{E0041}", "U+E0041"),
        ] {
            let err = web_address(bad).expect_err(bad);
            assert!(
                err.contains(code) && err.contains("disguise"),
                "{bad:?}: {err}"
            );
        }
    }

    #[test]
    fn item_2_a_mixed_script_host_is_a_warning_and_shown_in_punycode() {
        // RFC 3492 and IDNA examples.
        assert_eq!(punycode("bücher").as_deref(), Some("bcher-kva"));
        assert_eq!(punycode("пример").as_deref(), Some("e1afmkfd"));
        assert_eq!(punycode("münchen").as_deref(), Some("mnchen-3ya"));
        // A Cyrillic `а` (U+0430) among Latin letters.
        let url = "https://p\u{430}ypal.dk/login";
        assert_eq!(web_address(url), Ok(()));
        let mixed = mixed_script_host(url).expect("mixed");
        assert_eq!(mixed.host, "p\u{430}ypal.dk");
        assert_eq!(mixed.scripts, "Latin and Cyrillic");
        assert!(mixed.ascii.starts_with("xn--") && mixed.ascii.is_ascii());
        assert_eq!(
            website_for_display(url),
            format!("https://{}/login", mixed.ascii)
        );
        // Danish letters are Latin; one script per label is not mixed.
        for fine in [
            "https://æblehaven.dk/",
            "https://www.engly.dk:8080/om",
            "https://пример.рф/",
        ] {
            assert_eq!(mixed_script_host(fine), None, "{fine}");
            assert_eq!(website_for_display(fine), fine);
        }
        let mut o = offer();
        o.contact.website = Some(url.to_owned());
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[(
                Warning,
                "contact.website",
                "mixes Latin and Cyrillic letters in one label",
            )],
        );
    }

    #[test]
    fn contact_findings_and_severities() {
        let mut o = offer();
        o.contact.phone = None;
        o.contact.email = Some("kontakt at engly.dk".into());
        o.contact.website = Some("javascript:alert(document.cookie)".into());
        let findings = only(Record::Offer(o.clone()));
        assert_found(&findings, &[(Warning, "contact.phone", "no phone number"), (Error, "contact.email", "email \"kontakt at engly.dk\" is not an e-mail address: it has no @"), (Error, "contact.website", "website \"javascript:alert(document.cookie)\" has scheme \"javascript\"; expected http or https")]);

        o.contact.phone = Some("12".into());
        o.contact.email = None;
        o.contact.website = None;
        let findings = only(Record::Offer(o));
        assert_found(
            &findings,
            &[
                (
                    Warning,
                    "contact.phone",
                    "phone \"12\" is not a plausible Danish number: expected 8 digits",
                ),
                (Warning, "contact.email", "no e-mail address"),
            ],
        );
    }
}
