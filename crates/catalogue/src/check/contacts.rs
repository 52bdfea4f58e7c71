//! Contact details: phone, e-mail and website, and the people named.
//!
//! A website becomes a link in the interface, so anything but `http`/`https` (a `javascript:` or
//! `data:` URL above all) is an error, as is a URL with characters that could break out of an
//! attribute. An e-mail address that is not one is an error too (it becomes a `mailto:` link).
//! A phone number is only shown, so an implausible one is a warning.

use super::text::{self, TextKind};
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
        }
    }
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
    use crate::check::test_support::{found, offer, only};
    use crate::check::Severity::{Error, Warning};
    use crate::model::Record;

    #[test]
    fn phones() {
        for ok in [
            "86 12 34 56",
            "+45 86 12 34 56",
            "0045 86123456",
            "86-12-34-56",
            "(+45) 20304050",
        ] {
            assert_eq!(danish_phone(ok), Ok(()), "{ok}");
        }
        for bad in [
            "1234567",
            "+46 8 123 456 78",
            "ring til os",
            "06 12 34 56",
            "86 12 34 56 7",
        ] {
            assert!(danish_phone(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails() {
        for ok in [
            "kontakt@engly.dk",
            "a.b+c@sub.aarhus.dk",
            "info@æblehaven.dk",
        ] {
            assert_eq!(email_address(ok), Ok(()), "{ok}");
        }
        for bad in [
            "", "kontakt", "a@b", "a@@b.dk", "a b@c.dk", ".a@b.dk", "a@-b.dk", "a@b.d1", "a@b..dk",
        ] {
            assert!(email_address(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn websites() {
        for ok in [
            "https://www.engly.dk",
            "http://engly.dk:8080/om?x=1#top",
            "HTTPS://Engly.DK/",
        ] {
            assert_eq!(web_address(ok), Ok(()), "{ok}");
        }
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
    fn contact_findings_and_severities() {
        let mut o = offer();
        o.contact.phone = None;
        o.contact.email = Some("kontakt at engly.dk".into());
        o.contact.website = Some("javascript:alert(document.cookie)".into());
        let findings = only(Record::Offer(o.clone()));
        assert!(found(
            &findings,
            Warning,
            "contact.phone",
            "no phone number"
        ));
        assert!(found(
            &findings,
            Error,
            "contact.email",
            "email \"kontakt at engly.dk\" is not an e-mail address: it has no @"
        ));
        assert!(found(&findings, Error, "contact.website", "website \"javascript:alert(document.cookie)\" has scheme \"javascript\"; expected http or https"));

        o.contact.phone = Some("12".into());
        o.contact.email = None;
        o.contact.website = None;
        let findings = only(Record::Offer(o));
        assert!(found(
            &findings,
            Warning,
            "contact.phone",
            "phone \"12\" is not a plausible Danish number: expected 8 digits"
        ));
        assert!(found(
            &findings,
            Warning,
            "contact.email",
            "no e-mail address"
        ));
    }
}
