//! Contacts as links only when they are safe: `mailto:`, `tel:`, `https:` and `http:`.
//!
//! Catalogue text is written by thousands of offers; a `javascript:` website or an e-mail with
//! a query part must never become a live link. Anything that does not pass is shown as text.

use catalogue::check::contacts::website_for_display;
use catalogue::check::text::{is_bidi_control, is_invisible};

/// An `https:`/`http:` URL as given, with a host that mixes scripts in its punycode form (what
/// the link shows and leads to), or `None`; never one with bidi or invisible characters.
pub fn web_href(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_ok = rest
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|host| !host.is_empty() && !host.contains('@'));
    let clean = !url.chars().any(|c| {
        c.is_whitespace() || c.is_control() || c == '"' || is_bidi_control(c) || is_invisible(c)
    });
    (host_ok && clean).then(|| website_for_display(url).into_owned())
}

/// `mailto:` for a plain address (one `@`, no spaces, no query or header tricks), or `None`.
pub fn mail_href(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let ok_char = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let valid = !local.is_empty()
        && domain.contains('.')
        && local.chars().all(ok_char)
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    valid.then(|| format!("mailto:{email}"))
}

/// `tel:` with digits and a leading `+` for a phone number made of digits, spaces and `+-()`.
pub fn tel_href(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-()".contains(c));
    let digits: String = phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect();
    (allowed && digits.chars().filter(char::is_ascii_digit).count() >= 4)
        .then(|| format!("tel:{digits}"))
}

/// A plain link to a point on OpenStreetMap's own site: no map script in the page, no third
/// party on load; `None` for a point that is not on the Earth (a malformed catalogue number).
pub fn map_href(lat: f64, lon: f64) -> Option<String> {
    let on_earth = lat.is_finite() && lon.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0;
    on_earth.then(|| {
        format!(
            "https://www.openstreetmap.org/?mlat={lat:.5}&mlon={lon:.5}#map=17/{lat:.5}/{lon:.5}"
        )
    })
}

/// One `mailto:` to nobody in To and every address in Bcc, with a subject and a body (RFC 6068).
///
/// Only addresses [`mail_href`] accepts may be given; every part is percent-encoded as UTF-8, so
/// no text can add a header or a recipient.
pub fn mailto_bcc(addresses: &[&str], subject: &str, body: &str) -> String {
    let bcc: Vec<String> = addresses.iter().map(|a| mailto_encode(a.trim())).collect();
    // Line breaks in a mailto body are CRLF (RFC 6068, section 5).
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:?bcc={}&subject={}&body={}",
        bcc.join(","),
        mailto_encode(subject),
        mailto_encode(&body)
    )
}

/// Addresses without repeats (compared without case), in their first order.
pub fn distinct_addresses<'a>(addresses: &[&'a str]) -> Vec<&'a str> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for address in addresses {
        let key = address.trim().to_lowercase();
        if !seen.contains(&key) {
            seen.push(key);
            out.push(*address);
        }
    }
    out
}

/// Percent-encodes all but unreserved characters and `@`.
fn mailto_encode(text: &str) -> String {
    percent_encode(text, b"@")
}

/// Percent-encodes a text's UTF-8 bytes, all but unreserved characters (RFC 3986) and `keep`.
pub fn percent_encode(text: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'_' | b'.' | b'~')
            || keep.contains(&byte)
        {
            out.push(byte as char);
        } else {
            // By hand: a `format!` per byte made a card's "Meld en fejl" link (a long mail
            // body, built for every card rendered) a third of the card's render.
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_link_is_a_plain_https_link_only_for_a_real_point() {
        let href = map_href(55.39594, 10.38831).expect("Odense is on the map");
        assert_eq!(
            href,
            "https://www.openstreetmap.org/?mlat=55.39594&mlon=10.38831#map=17/55.39594/10.38831"
        );
        assert_eq!(web_href(&href).as_deref(), Some(href.as_str()));
        assert_eq!(map_href(f64::NAN, 10.0), None);
        assert_eq!(map_href(91.0, 10.0), None);
        assert_eq!(map_href(55.0, f64::INFINITY), None);
    }

    #[test]
    fn only_safe_schemes_become_links() {
        assert_eq!(
            web_href("https://bakkehuset.dk/om"),
            Some("https://bakkehuset.dk/om".into())
        );
        assert_eq!(web_href("javascript:alert(1)"), None);
        assert_eq!(web_href("https://evil@x"), None);
        assert_eq!(web_href("ftp://x.dk"), None);
        assert_eq!(web_href("https://example.dk/\u{202E}gnp.exe"), None);
        assert_eq!(web_href("https://exa\u{200B}mple.dk/"), None);
        let shown = web_href("https://p\u{430}ypal.dk/login").expect("a link");
        assert!(
            shown.starts_with("https://xn--") && shown.is_ascii(),
            "{shown}"
        );
        assert_eq!(
            mail_href("leder@bakkehuset.dk"),
            Some("mailto:leder@bakkehuset.dk".into())
        );
        assert_eq!(mail_href("a@b.dk?bcc=c@d.dk"), None);
        assert_eq!(tel_href("+45 12 34 56 78"), Some("tel:+4512345678".into()));
        assert_eq!(tel_href("javascript:1"), None);
    }

    #[test]
    fn one_mail_carries_every_address_in_bcc_and_nothing_leaks_into_headers() {
        let href = mailto_bcc(
            &["a@x.dk", "b.c+d@y.dk"],
            "Plads? & pris",
            "Alder: 3\nStart: nu",
        );
        assert_eq!(
            href,
            "mailto:?bcc=a@x.dk,b.c%2Bd@y.dk&subject=Plads%3F%20%26%20pris&body=Alder%3A%203%0D%0AStart%3A%20nu"
        );
        assert!(mailto_bcc(&[], "æ", "").ends_with("subject=%C3%A6&body="));
        assert_eq!(
            distinct_addresses(&["a@x.dk", "b@y.dk", "A@X.dk"]),
            vec!["a@x.dk", "b@y.dk"]
        );
    }
}
