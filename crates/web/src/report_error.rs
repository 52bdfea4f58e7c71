//! "Meld en fejl": a `mailto:` link to the record's supervising authority with the subject and
//! body filled in, so a caseworker who doubts a fact can tell the authority in one click. The
//! ministry asks municipalities to do exactly this; the portal has no button for it.
//!
//! No request leaves the page: the link opens the reader's own mail program. The address is the
//! socialtilsyn's from the authority table (`catalogue::vocab::AUTHORITY_EMAILS`); for a record
//! the municipality approves (§§ 103/104, network families) there is no central address, so the
//! link has no recipient and the body says whom to send it to. The body names the record (name,
//! id, a link that finds it), the part doubted with its current value and the date it was given,
//! and leaves room for what is wrong. Every part is percent-encoded (RFC 6068), so catalogue
//! text cannot add headers or recipients.

use catalogue::Date;
use tilbudsfinder_index::query::{Card, Mode};

use crate::i18n::{self, Lang};

/// The part of a record the reader doubts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DoubtedPart {
    /// Free places and when they were reported.
    FreePlaces,
    /// The main rate.
    Price,
    /// Sanctions and the latest inspection.
    Supervision,
    /// Anything else: the record as last updated.
    Other,
}

impl DoubtedPart {
    /// Every part, in the order the detail view lists them.
    pub const ALL: [DoubtedPart; 4] = [
        DoubtedPart::FreePlaces,
        DoubtedPart::Price,
        DoubtedPart::Supervision,
        DoubtedPart::Other,
    ];

    /// The part's name.
    pub fn label(self, lang: Lang) -> &'static str {
        let d = &lang.texts().detail;
        match self {
            DoubtedPart::FreePlaces => d.free_places,
            DoubtedPart::Price => d.price,
            DoubtedPart::Supervision => d.supervision,
            DoubtedPart::Other => d.other_information,
        }
    }
}

/// The part's current value on the card and the date it was given.
fn current(lang: Lang, card: &Card, part: DoubtedPart) -> (String, Date) {
    let t = lang.texts();
    match part {
        DoubtedPart::FreePlaces => match (card.free_places, card.free_places_reported) {
            (Some(n), Some(day)) => match card.free_respite_places {
                Some(respite) => (i18n::family_free_places(lang, n, respite, None), day),
                None => (n.to_string(), day),
            },
            _ => (t.free_not_reported.to_string(), card.updated_newest),
        },
        DoubtedPart::Price => (
            card.price
                .as_ref()
                .map(|p| i18n::normalised_from(lang, p.amount, p.unit, p.occupancy_rate))
                .unwrap_or_else(|| t.no_price.to_string()),
            card.updated_newest,
        ),
        DoubtedPart::Supervision => {
            let o = &card.oversight;
            let mut facts: Vec<String> = o
                .sanctions
                .iter()
                .map(|s| i18n::sanction(lang, s.kind, s.since, s.deadline))
                .collect();
            if facts.is_empty() {
                facts.push(t.no_sanctions.to_string());
            }
            let day = match &o.inspection {
                Some(i) => {
                    facts.push(format!(
                        "{}: {}",
                        t.detail.latest_inspection,
                        i18n::inspection(lang, i.date, i.kind)
                    ));
                    i.date
                }
                None => card.updated_newest,
            };
            (facts.join("; "), day)
        }
        DoubtedPart::Other => (i18n::card_kind(lang, card), card.updated_newest),
    }
}

/// The `mailto:` link for a doubt about `part` of `card`; `page` is the address of the page the
/// reader is on (without query), used for the link that finds the record again.
pub fn href(lang: Lang, card: &Card, part: DoubtedPart, page: &str) -> String {
    let authority = card.oversight.authority;
    let recipient = authority.email().unwrap_or("");
    let mut link = format!("{page}?q={}", encode(&card.name));
    if card.mode == Mode::FosterFamilies {
        link.push_str("&mode=families");
    }
    let (value, day) = current(lang, card, part);
    let day = i18n::date(lang, day);
    let part_name = part.label(lang);
    let subject = i18n::report_error_subject(lang, &card.name, &card.id);
    let body = i18n::report_error_body(
        lang,
        &i18n::ReportErrorFacts {
            name: &card.name,
            id: &card.id,
            link: &link,
            part: part_name,
            value: &value,
            day: &day,
            to_municipality: recipient.is_empty(),
        },
    );
    format!(
        "mailto:{recipient}?subject={}&body={}",
        encode(&subject),
        encode(&body.replace('\n', "\r\n"))
    )
}

/// The address of the page without its query and fragment, from the browser; empty natively.
pub fn page_address() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            let end = href.find(['?', '#']).unwrap_or(href.len());
            href[..end].to_string()
        })
        .unwrap_or_default()
}

/// Percent-encodes everything but the unreserved characters (RFC 3986), as UTF-8.
fn encode(text: &str) -> String {
    crate::links::percent_encode(text, b"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::vocab::{Authority, SanctionKind};
    use tilbudsfinder_index::query::{CardOversight, CardSanction};

    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).expect("hex"));
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).expect("utf-8")
    }

    fn card(authority: Authority, name: &str) -> Card {
        Card {
            doc: 0,
            id: "T-100004".into(),
            mode: Mode::Offers,
            name: name.into(),
            kind_label: "Botilbud".into(),
            legal_bases: vec![],
            postal_code: 9800,
            city: "Hjørring".into(),
            municipality: "Hjørring".into(),
            age_from: 18,
            age_to: 85,
            places_total: 12,
            free_places: Some(2),
            free_respite_places: None,
            free_places_reported: Date::from_ymd(2026, 10, 3),
            price: None,
            updated_oldest: Date::from_ymd(2026, 1, 1).expect("date"),
            updated_newest: Date::from_ymd(2026, 9, 1).expect("date"),
            marked: None,
            pause_from: None,
            pause_until: None,
            price_position: None,
            oversight: CardOversight {
                authority,
                sanctions: vec![CardSanction {
                    kind: SanctionKind::EnhancedSupervision,
                    since: Date::from_ymd(2026, 9, 1).expect("date"),
                    deadline: None,
                }],
                inspection: None,
                approval_lapses: None,
            },
        }
    }

    #[test]
    fn the_link_writes_to_the_authority_about_the_record_and_the_part() {
        let href = href(
            Lang::Da,
            &card(Authority::Nord, "Bostedet Lærkely"),
            DoubtedPart::FreePlaces,
            "https://tilbud.example/",
        );
        let (to, query) = href
            .strip_prefix("mailto:")
            .and_then(|rest| rest.split_once('?'))
            .expect("mailto with a query");
        assert_eq!(to, "socialtilsynnord@hjoring.dk");
        let (subject, body) = query
            .strip_prefix("subject=")
            .and_then(|rest| rest.split_once("&body="))
            .expect("subject and body");
        assert_eq!(
            decode(subject),
            "Fejl i oplysninger: Bostedet Lærkely (T-100004)"
        );
        let body = decode(body);
        assert!(body.contains("Id: T-100004\r\n"), "{body}");
        assert!(
            body.contains("Link: https://tilbud.example/?q=Bostedet%20L%C3%A6rkely\r\n"),
            "{body}"
        );
        assert!(body.contains("Oplysningen: Ledige pladser\r\n"), "{body}");
        assert!(body.contains("Nuværende værdi: 2\r\n"), "{body}");
        assert!(body.contains("Dato for oplysningen: 03.10.2026"), "{body}");
        assert!(body.contains("Hvad er forkert, og hvad er det rigtige?"));
    }

    #[test]
    fn catalogue_text_cannot_add_headers_or_recipients() {
        let href = href(
            Lang::En,
            &card(
                Authority::Municipality,
                "A&cc=x@evil.dk?bcc=y@evil.dk\nBcc: z",
            ),
            DoubtedPart::Supervision,
            "https://tilbud.example/",
        );
        assert!(href.starts_with("mailto:?subject="), "{href}");
        let query = &href["mailto:?".len()..];
        assert_eq!(query.matches('&').count(), 1, "{href}");
        assert_eq!(query.matches('=').count(), 2, "{href}");
        assert!(!query.contains(['\n', '\r', ' ', '?', '@']), "{href}");
        assert!(decode(query).contains("Enhanced supervision (skærpet tilsyn) since 2026-09-01"));
        assert!(decode(query).contains("Send it to the municipality"));
    }
}
