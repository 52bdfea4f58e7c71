//! The shortlist ("Gem"): records a user keeps for the case file, kept in the browser.
//!
//! Saved cards are stored whole (as JSON in `localStorage`, the form the index crate's `json`
//! module gives a `Card`, which reads every list saved since the first version) so the list
//! survives a reload and an index rebuild; when the index is loaded each saved card is
//! refreshed from it by record number and id. Private browsing and locked-down browsers throw
//! on any storage access: then the list lives in memory only and the interface says so. The CSV
//! export is built here as plain text (semicolon-separated, a byte-order mark first) so that
//! Danish Excel opens it with the right columns and letters: text quoted and defused against
//! formulas, numbers bare so that they stay numbers.
//!
//! Each saved record can carry a [`FollowUp`]: where the user's inquiry stands (written,
//! answered, …), since when, and a note. It is stored next to the list under its own key, on
//! this device only: nothing the user types here is ever sent anywhere.

use std::collections::BTreeMap;
use std::rc::Rc;

use catalogue::model::Record;
use catalogue::Date;
use tilbudsfinder_index::json;
use tilbudsfinder_index::query::{Card, Mode};

use crate::csv::{csv, Field};
use crate::i18n::{self, Lang};

const STORAGE_KEY: &str = "tilbudsfinder.shortlist.v1";
const FOLLOW_UP_KEY: &str = "tilbudsfinder.shortlist-status.v1";
/// How many records the comparison shows side by side.
pub const COMPARE_MAX: usize = 8;

/// Where the user's inquiry to a saved record stands (saved by its [`ContactStatus::code`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ContactStatus {
    /// Nothing sent yet.
    #[default]
    NotContacted,
    /// The user has written.
    Written,
    /// An answer came back.
    Answered,
    /// The offer or family is interested.
    Interested,
    /// The offer or family said no.
    Declined,
}

impl ContactStatus {
    /// Every status, in the order a select lists them.
    pub const ALL: [ContactStatus; 5] = [
        ContactStatus::NotContacted,
        ContactStatus::Written,
        ContactStatus::Answered,
        ContactStatus::Interested,
        ContactStatus::Declined,
    ];

    /// Every status's code, in the order of [`Self::ALL`].
    pub const CODES: [&'static str; 5] = [
        "not_contacted",
        "written",
        "answered",
        "interested",
        "declined",
    ];

    /// A stable code for selects.
    pub fn code(self) -> &'static str {
        Self::CODES[self as usize]
    }

    /// The status at a position of [`Self::ALL`].
    pub fn from_index(index: usize) -> Option<ContactStatus> {
        Self::ALL.get(index).copied()
    }

    /// The status of a code.
    pub fn from_code(code: &str) -> Option<ContactStatus> {
        ContactStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

tilbudsfinder_index::json_code!(ContactStatus);

/// The user's own record of an inquiry to one saved record.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FollowUp {
    /// Where it stands.
    pub status: ContactStatus,
    /// The day the status was set.
    pub since: Option<Date>,
    /// A free note, as typed.
    pub note: String,
}

tilbudsfinder_index::json_struct!(FollowUp {
    status,
    since,
    note
});

/// The saved cards and whether they persist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shortlist {
    /// Saved cards, oldest first.
    pub cards: Vec<Card>,
    /// Follow-ups by record id (only for saved records).
    pub follow_ups: BTreeMap<String, FollowUp>,
    /// False when the browser refused storage: the list is in memory only.
    pub persistent: bool,
}

impl Shortlist {
    /// Reads the saved list from `localStorage`, or an empty in-memory list if storage fails.
    pub fn load() -> Shortlist {
        let Some(storage) = storage() else {
            return Shortlist::default();
        };
        let cards = match storage.get_item(STORAGE_KEY) {
            Ok(Some(text)) => saved_cards(&text),
            Ok(None) => Vec::new(),
            Err(_) => return Shortlist::default(),
        };
        let follow_ups = match storage.get_item(FOLLOW_UP_KEY) {
            Ok(Some(text)) => saved_follow_ups(&text),
            _ => BTreeMap::new(),
        };
        Shortlist {
            cards,
            follow_ups,
            persistent: true,
        }
    }

    /// The saved records' ids, in order.
    pub fn ids(&self) -> Vec<String> {
        self.cards.iter().map(|c| c.id.clone()).collect()
    }

    /// Adds the cards a shared link names that are not saved yet, after the saved ones.
    pub fn with_imported(&self, cards: impl IntoIterator<Item = Card>) -> Shortlist {
        let mut next = self.clone();
        let before = next.cards.len();
        for card in cards {
            if !next.contains(&card.id) {
                next.cards.push(card);
            }
        }
        if next.cards.len() != before {
            next.persist();
        }
        next
    }

    /// The follow-up of a saved record (the default, not contacted, when none was set).
    pub fn follow_up(&self, id: &str) -> FollowUp {
        self.follow_ups.get(id).cloned().unwrap_or_default()
    }

    /// Sets a saved record's follow-up; returns the new list (written through when possible).
    pub fn with_follow_up(&self, id: &str, follow_up: FollowUp) -> Shortlist {
        let mut next = self.clone();
        if next.contains(id) {
            next.follow_ups.insert(id.to_string(), follow_up);
            next.persist();
        }
        next
    }

    /// True when a record with this id is saved.
    pub fn contains(&self, id: &str) -> bool {
        self.cards.iter().any(|c| c.id == id)
    }

    /// Saves or unsaves a card; returns the new list (and writes it through when possible).
    pub fn toggled(&self, card: &Card) -> Shortlist {
        let mut next = self.clone();
        if let Some(at) = next.cards.iter().position(|c| c.id == card.id) {
            next.cards.remove(at);
            next.follow_ups.remove(&card.id);
        } else {
            next.cards.push(card.clone());
        }
        next.persist();
        next
    }

    /// Replaces saved cards with fresh ones from the index (same record number and id).
    pub fn refreshed(&self, fresh: impl Fn(u32) -> Option<Card>) -> Shortlist {
        let mut next = self.clone();
        for saved in &mut next.cards {
            if let Some(card) = fresh(saved.doc).filter(|c| c.id == saved.id) {
                *saved = card;
            }
        }
        next
    }

    fn persist(&mut self) {
        if !self.persistent {
            return;
        }
        let write =
            |key: &str, text: String| storage().is_some_and(|s| s.set_item(key, &text).is_ok());
        let written = write(STORAGE_KEY, json::to_string(&self.cards))
            && write(FOLLOW_UP_KEY, json::to_string(&self.follow_ups));
        self.persistent = written;
    }
}

/// The saved cards from their stored text (each card's JSON as `Card` lists it); none when the
/// text is damaged.
fn saved_cards(text: &str) -> Vec<Card> {
    json::from_str(text).unwrap_or_default()
}

/// The saved follow-ups from their stored text, by record id; none when the text is damaged.
fn saved_follow_ups(text: &str) -> BTreeMap<String, FollowUp> {
    json::from_str(text).unwrap_or_default()
}

fn storage() -> Option<web_sys::Storage> {
    // Both the property access and the call may throw (SecurityError) in locked-down browsers.
    // Outside a browser (the build's prerendering) there is no storage: nothing is saved.
    if cfg!(target_arch = "wasm32") {
        web_sys::window()?.local_storage().ok().flatten()
    } else {
        None
    }
}

/// One saved record as the exports, the comparison and the e-mail see it: its card, its full
/// record once fetched (contacts, supervision, every rate are only there), its distance from the
/// chosen place and the user's follow-up.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedRecord<'a> {
    pub card: &'a Card,
    pub record: Option<&'a Record>,
    pub distance_km: Option<f64>,
    pub follow_up: FollowUp,
}

impl SavedRecord<'_> {
    /// The record's contact details, once fetched.
    pub fn contact(&self) -> Option<&catalogue::model::Contact> {
        self.record.map(|record| match record {
            Record::Offer(o) => &o.contact,
            Record::FosterFamily(f) => &f.contact,
        })
    }

    /// The e-mail address, when it is one a `mailto:` may carry.
    pub fn email(&self) -> Option<&str> {
        self.contact()
            .and_then(|c| c.email.as_deref())
            .map(str::trim)
            .filter(|e| crate::links::mail_href(e).is_some())
    }
}

/// Saved records as the views of them are handed them (the list, the comparison, the printout):
/// the cards, their records as fetched so far, the follow-ups and where distances are measured
/// from. One value, so that each view reads its rows the same way ([`SavedSet::rows`]).
#[derive(Clone, PartialEq)]
pub struct SavedSet {
    pub cards: Rc<Vec<Card>>,
    /// The saved records' full records (contacts, supervision), fetched while the list has any.
    pub records: crate::hooks::Records,
    pub follow_ups: Rc<BTreeMap<String, FollowUp>>,
    /// The chosen place's position, when distances can be shown.
    pub origin: Option<(f64, f64)>,
}

impl SavedSet {
    /// The saved cards with their fetched records, distances from the origin and follow-ups.
    pub fn rows(&self) -> Vec<SavedRecord<'_>> {
        self.cards
            .iter()
            .map(|card| {
                let record = self.records.get(card.doc);
                let distance_km = self.origin.zip(record.and_then(position)).map(
                    |((lat, lon), (to_lat, to_lon))| {
                        tilbudsfinder_index::distance_km(lat, lon, to_lat, to_lon)
                    },
                );
                SavedRecord {
                    card,
                    record,
                    distance_km,
                    follow_up: self.follow_ups.get(&card.id).cloned().unwrap_or_default(),
                }
            })
            .collect()
    }
}

/// Where a record is, for distances: its first department's address, or the family's town.
pub fn position(record: &Record) -> Option<(f64, f64)> {
    match record {
        Record::Offer(o) => o
            .departments
            .first()
            .map(|d| (d.address.lat, d.address.lon)),
        Record::FosterFamily(f) => Some((f.location.lat, f.location.lon)),
    }
}

/// The shortlist as CSV text for the case file (written as [`crate::csv`] writes every CSV).
pub fn to_csv(lang: Lang, rows: &[SavedRecord]) -> String {
    let t = i18n::placement_texts(lang);
    let d = &lang.texts().detail;
    let themes = catalogue::vocab::QualityTheme::ALL;
    let mut header: Vec<String> = [
        "Id",
        t.label,
        d.kind,
        d.legal_bases,
        t.postal_code,
        t.town,
        t.municipality,
        t.distance_km,
        t.age_from,
        t.age_to,
        d.places_total,
        d.free_places,
        t.free_reported,
        t.price_kr,
        t.price_per,
        d.rates,
        t.peers,
        d.updated,
        d.marking,
        d.authority,
        d.approval,
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    header.extend(
        themes
            .iter()
            .map(|theme| format!("{}: {}", d.quality, i18n::label(lang, *theme))),
    );
    header.extend(
        [
            d.contact_person,
            d.email,
            d.phone,
            t.status,
            t.status_since,
            t.note,
        ]
        .iter()
        .map(|h| h.to_string()),
    );
    let rows = rows.iter().map(|row| {
        let card = row.card;
        let price = card.price.as_ref();
        let (authority, approval, quality) = match row.record {
            Some(Record::Offer(o)) => (
                i18n::label(lang, o.supervision.authority).to_string(),
                i18n::label(lang, o.supervision.approval).to_string(),
                o.quality.clone(),
            ),
            Some(Record::FosterFamily(f)) => (
                i18n::label(lang, f.authority).to_string(),
                i18n::label(lang, f.approval_scope).to_string(),
                Vec::new(),
            ),
            None => (String::new(), String::new(), Vec::new()),
        };
        let contact = row.contact();
        let text = |v: Option<&String>| Field::Text(v.cloned().unwrap_or_default());
        let mut fields = vec![
            Field::Text(card.id.clone()),
            Field::Text(i18n::record_label(lang, card)),
            Field::Text(i18n::card_kind(lang, card)),
            Field::Text(card.legal_bases.join(", ")),
            Field::whole(card.postal_code),
            Field::Text(card.city.clone()),
            Field::Text(card.municipality.clone()),
            Field::Number(row.distance_km, 1),
            Field::whole(card.age_from),
            Field::whole(card.age_to),
            Field::whole(card.places_total),
            Field::Number(card.free_places.map(f64::from), 0),
            Field::Text(
                card.free_places_reported
                    .map(|day| i18n::date(lang, day))
                    .unwrap_or_default(),
            ),
            Field::Number(price.map(|p| p.normalised.round()), 0),
            Field::Text(
                price
                    .map(|p| i18n::basis_label(lang, p.basis).to_string())
                    .unwrap_or_default(),
            ),
            Field::Text(
                price
                    .map(|p| i18n::rate(lang, p.amount, p.unit))
                    .unwrap_or_default(),
            ),
            Field::Number(card.price_position.as_ref().map(|p| f64::from(p.peers)), 0),
            Field::Text(i18n::date(lang, card.updated_newest)),
            Field::Text(card.marked.map(|m| i18n::date(lang, m)).unwrap_or_default()),
            Field::Text(authority),
            Field::Text(approval),
        ];
        fields.extend(themes.iter().map(|theme| {
            Field::Number(
                quality.iter().find(|q| q.theme == *theme).map(|q| q.score),
                1,
            )
        }));
        fields.extend([
            text(contact.and_then(|c| c.contact_person.as_ref())),
            Field::Text(row.email().unwrap_or_default().to_string()),
            text(contact.and_then(|c| c.phone.as_ref())),
            Field::Text(i18n::contact_status(lang, row.follow_up.status).to_string()),
            Field::Text(
                row.follow_up
                    .since
                    .map(|day| i18n::date(lang, day))
                    .unwrap_or_default(),
            ),
            Field::Text(row.follow_up.note.clone()),
        ]);
        fields
    });
    csv(lang, &header, rows)
}

/// The saved records' contacts as vCards (RFC 6350, version 4.0), one card a record.
pub fn to_vcards(lang: Lang, rows: &[SavedRecord]) -> String {
    let mut out = String::new();
    for row in rows {
        let Some(contact) = row.contact() else {
            continue;
        };
        let organisation = i18n::record_label(lang, row.card);
        let name = contact
            .contact_person
            .clone()
            .unwrap_or_else(|| organisation.clone());
        out.push_str("BEGIN:VCARD\r\nVERSION:4.0\r\n");
        out.push_str(&format!("FN:{}\r\n", vcard_escape(&name)));
        out.push_str(&format!("ORG:{}\r\n", vcard_escape(&organisation)));
        if let Some(email) = row.email() {
            out.push_str(&format!("EMAIL:{}\r\n", vcard_escape(email)));
        }
        if let Some(phone) = contact.phone.as_deref() {
            out.push_str(&format!("TEL:{}\r\n", vcard_escape(phone)));
        }
        out.push_str(&format!("NOTE:{}\r\n", vcard_escape(&row.card.id)));
        out.push_str("END:VCARD\r\n");
    }
    out
}

/// Escapes a vCard text value: backslash, comma, semicolon, and line breaks (which end a line).
fn vcard_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ',' => out.push_str("\\,"),
            ';' => out.push_str("\\;"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The download's file name.
pub fn csv_file_name(mode_hint: Option<Mode>, today: Date) -> String {
    let what = match mode_hint {
        Some(Mode::FosterFamilies) => "plejefamilier",
        _ => "tilbud",
    };
    format!("tilbudsfinder-gemte-{what}-{today}.csv")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use catalogue::vocab::{
        Authority, InspectionKind, LegalBasis, PriceBasis, RateUnit, SanctionKind, TargetGroupGroup,
    };
    use tilbudsfinder_index::query::{CardOversight, CardPrice};

    /// A saved card as the tests of the shortlist and of the page's state use it.
    pub(crate) fn card(id: &str, name: &str) -> Card {
        Card {
            doc: 7,
            id: id.into(),
            mode: Mode::Offers,
            name: name.into(),
            kind_label: "Botilbud".into(),
            legal_bases: vec!["SEL § 108".into()],
            postal_code: 8000,
            city: "Aarhus C".into(),
            municipality: "Aarhus".into(),
            age_from: 18,
            age_to: 67,
            places_total: 12,
            free_places: Some(2),
            free_respite_places: None,
            free_places_reported: Some(Date(20_000)),
            price: Some(CardPrice {
                unit: RateUnit::Per24Hours,
                amount: 2450.0,
                basis: PriceBasis::PerDay,
                normalised: 2450.0,
                occupancy_rate: None,
            }),
            updated_oldest: Date(19_990),
            updated_newest: Date(20_000),
            marked: None,
            pause_from: None,
            pause_until: None,
            price_position: None,
            oversight: Default::default(),
        }
    }

    fn saved(card: &Card) -> SavedRecord<'_> {
        SavedRecord {
            card,
            record: None,
            distance_km: Some(12.34),
            follow_up: FollowUp {
                status: ContactStatus::Written,
                since: Some(Date(20_010)),
                note: "-ring igen".into(),
            },
        }
    }

    #[test]
    fn csv_quotes_text_defuses_formulas_and_writes_numbers_bare() {
        let a = card("T-1", "Huset \"Lyngen\"; afd. 2");
        let b = card("T-2", "=HYPERLINK(1)");
        let csv = to_csv(Lang::Da, &[saved(&a), saved(&b)]);
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].contains("\"Huset \"\"Lyngen\"\"; afd. 2\""));
        // Postal code, distance, ages, places, free places and price are numbers.
        assert!(
            lines[1].contains(";8000;\"Aarhus C\";\"Aarhus\";12,3;18;67;12;2;"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains(";2450;\"døgn / dag\";"), "{}", lines[1]);
        assert!(
            lines[1].contains("\"Skrevet\";\"14.10.2024\";\"'-ring igen\""),
            "{}",
            lines[1]
        );
        assert!(lines[2].contains("\"'=HYPERLINK(1)\""));
        let english = to_csv(Lang::En, &[saved(&a)]);
        assert!(english.contains(";12.3;18;67;"), "{english}");
    }

    #[test]
    fn vcards_need_a_fetched_record_and_escape_their_text() {
        let a = card("T-1", "A");
        assert_eq!(to_vcards(Lang::Da, &[saved(&a)]), "");
    }

    #[test]
    fn follow_ups_belong_to_saved_records_and_go_with_them() {
        let c = card("T-1", "A");
        let list = Shortlist::default().toggled(&c);
        let follow_up = FollowUp {
            status: ContactStatus::Interested,
            since: Some(Date(20_000)),
            note: "ringer fredag".into(),
        };
        let list = list.with_follow_up("T-1", follow_up.clone());
        assert_eq!(list.follow_up("T-1"), follow_up);
        assert_eq!(
            list.with_follow_up("T-9", follow_up.clone())
                .follow_ups
                .len(),
            1,
            "only saved records have one"
        );
        assert_eq!(list.toggled(&c).follow_up("T-1"), FollowUp::default());
        for status in ContactStatus::ALL {
            assert_eq!(ContactStatus::from_code(status.code()), Some(status));
        }
    }

    #[test]
    fn a_shared_list_adds_only_what_is_not_saved() {
        let list = Shortlist::default().toggled(&card("T-1", "A"));
        let list = list.with_imported([card("T-2", "B"), card("T-1", "A")]);
        assert_eq!(list.ids(), vec!["T-1".to_string(), "T-2".to_string()]);
    }

    /// A shortlist as `serde_json` saved it before the app had its own JSON (produced by that
    /// code on 2026-12-01 from two cards: one with every field set, escapes and non-ASCII text
    /// included; a foster family with none): lists saved in users' browsers must keep loading.
    const SAVED_BY_SERDE: &str = r#"[{"doc":7,"id":"T-1","mode":"offers","name":"Huset \"Lyngen\"\n\tafd. 2 \u0001 ø/😀","kind_label":"Botilbud","legal_bases":["SEL § 108","SEL § 107"],"postal_code":8000,"city":"Aarhus C","municipality":"Aarhus","age_from":18,"age_to":67,"places_total":12,"free_places":2,"free_respite_places":1,"free_places_reported":"2024-10-04","price":{"unit":"maaned","amount":74500.5,"basis":"PerDay","normalised":2447.6550308008214,"occupancy_rate":0.85},"updated_oldest":"2024-09-24","updated_newest":"2024-10-04","marked":"2025-01-12","pause_from":"2024-11-23","pause_until":"2025-03-03","price_position":{"peers":212,"percentile":37,"quarter":2,"median":2301.5,"q1":1999.25,"q3":2800.0,"legal_basis":"sel_85","group":"psykiske_vanskeligheder","basis":"PerDay"},"oversight":{"authority":"midt","sanctions":[{"kind":"paabud","since":"2024-06-26","deadline":"2025-04-22"},{"kind":"vilkaar","since":"2024-03-18","deadline":null}],"inspection":{"date":"2024-10-14","kind":"uanmeldt"},"approval_lapses":"2025-11-08"}},{"doc":6012,"id":"P-200012","mode":"foster_families","name":"Plejefamilie ved Gentofte","kind_label":"Botilbud","legal_bases":[],"postal_code":8000,"city":"Aarhus C","municipality":"Aarhus","age_from":18,"age_to":67,"places_total":12,"free_places":null,"free_respite_places":null,"free_places_reported":null,"price":null,"updated_oldest":"2024-09-24","updated_newest":"2024-10-04","marked":null,"pause_from":null,"pause_until":null,"price_position":null,"oversight":{"authority":"kommune","sanctions":[],"inspection":null,"approval_lapses":null}}]"#;
    /// The follow-ups saved beside it, every status once.
    const FOLLOW_UPS_BY_SERDE: &str = r#"{"T-0":{"status":"not_contacted","since":"2024-10-04","note":"ring \"igen\"\nfredag 0 – ø"},"T-1":{"status":"written","since":null,"note":"ring \"igen\"\nfredag 1 – ø"},"T-2":{"status":"answered","since":"2024-10-06","note":"ring \"igen\"\nfredag 2 – ø"},"T-3":{"status":"interested","since":null,"note":"ring \"igen\"\nfredag 3 – ø"},"T-4":{"status":"declined","since":"2024-10-08","note":"ring \"igen\"\nfredag 4 – ø"}}"#;
    /// A card saved before cards had `free_respite_places` and `oversight`.
    const SAVED_BEFORE_OVERSIGHT: &str = r#"[{"doc":6012,"id":"P-200012","mode":"foster_families","name":"Plejefamilie ved Gentofte","kind_label":"Botilbud","legal_bases":[],"postal_code":8000,"city":"Aarhus C","municipality":"Aarhus","age_from":18,"age_to":67,"places_total":12,"free_places":null,"free_places_reported":null,"price":null,"updated_oldest":"2024-09-24","updated_newest":"2024-10-04","marked":null,"pause_from":null,"pause_until":null,"price_position":null}]"#;

    #[test]
    fn lists_saved_by_earlier_versions_load() {
        let cards = saved_cards(SAVED_BY_SERDE);
        assert_eq!(cards.len(), 2);
        let full = &cards[0];
        assert_eq!(full.name, "Huset \"Lyngen\"\n\tafd. 2 \u{1} ø/😀");
        assert_eq!(full.legal_bases, ["SEL § 108", "SEL § 107"]);
        assert_eq!(full.free_respite_places, Some(1));
        assert_eq!(full.pause_until, Date::from_ymd(2025, 3, 3));
        let price = full.price.as_ref().expect("a price");
        assert_eq!(
            (price.unit, price.basis),
            (RateUnit::PerMonth, PriceBasis::PerDay)
        );
        assert_eq!((price.amount, price.occupancy_rate), (74_500.5, Some(0.85)));
        assert_eq!(
            price.normalised,
            74_500.5 / catalogue::vocab::DAYS_PER_MONTH
        );
        let position = full.price_position.as_ref().expect("a position");
        assert_eq!(
            (position.peers, position.q1, position.q3),
            (212, 1999.25, 2800.0)
        );
        assert_eq!(
            (position.legal_basis, position.group),
            (LegalBasis::Sel85, TargetGroupGroup::Mental)
        );
        let oversight = &full.oversight;
        assert_eq!(oversight.authority, Authority::Midt);
        assert_eq!(
            oversight
                .sanctions
                .iter()
                .map(|s| (s.kind, s.deadline))
                .collect::<Vec<_>>(),
            [
                (SanctionKind::Order, Date::from_ymd(2025, 4, 22)),
                (SanctionKind::Condition, None)
            ]
        );
        assert_eq!(
            oversight.inspection.as_ref().map(|i| i.kind),
            Some(InspectionKind::Unannounced)
        );
        let family = &cards[1];
        assert_eq!(
            (family.mode, family.doc, family.price.is_none()),
            (Mode::FosterFamilies, 6012, true)
        );
        // Written again, the list is the very text serde_json wrote.
        assert_eq!(json::to_string(&cards), SAVED_BY_SERDE);

        let follow_ups = saved_follow_ups(FOLLOW_UPS_BY_SERDE);
        assert_eq!(
            follow_ups.values().map(|f| f.status).collect::<Vec<_>>(),
            ContactStatus::ALL
        );
        assert_eq!(follow_ups["T-2"].since, Date::from_ymd(2024, 10, 6));
        assert_eq!(follow_ups["T-1"].note, "ring \"igen\"\nfredag 1 – ø");
        assert_eq!(json::to_string(&follow_ups), FOLLOW_UPS_BY_SERDE);

        // Fields added since are their defaults; fields this version does not know are skipped.
        let older = saved_cards(SAVED_BEFORE_OVERSIGHT);
        assert_eq!(older.len(), 1);
        assert_eq!(older[0].free_respite_places, None);
        assert_eq!(older[0].oversight, CardOversight::default());
        let newer =
            SAVED_BEFORE_OVERSIGHT.replace("{\"doc\"", "{\"stars\":[5,{\"x\":null}],\"doc\"");
        assert_eq!(saved_cards(&newer), older);
    }

    #[test]
    fn a_damaged_save_is_an_empty_list() {
        for cut in 0..SAVED_BY_SERDE.len() {
            let Some(damaged) = SAVED_BY_SERDE.get(..cut) else {
                continue;
            };
            assert!(saved_cards(damaged).is_empty(), "{damaged}");
        }
        for damaged in [
            SAVED_BY_SERDE.replace("\"maaned\"", "\"monthly\""),
            SAVED_BY_SERDE.replace("\"doc\":7", "\"doc\":-7"),
            SAVED_BY_SERDE.replace("\"id\":\"T-1\",", ""),
            format!("{SAVED_BY_SERDE}]"),
            "null".to_string(),
            "{}".to_string(),
        ] {
            assert!(saved_cards(&damaged).is_empty(), "{damaged}");
        }
        assert!(saved_follow_ups(&FOLLOW_UPS_BY_SERDE.replace("written", "sent")).is_empty());
        assert!(saved_follow_ups("[").is_empty());
    }

    #[test]
    fn a_saved_list_reads_back_as_written() {
        let mut cards = saved_cards(SAVED_BY_SERDE);
        cards.push(card("T-3", "=1+1"));
        assert_eq!(saved_cards(&json::to_string(&cards)), cards);
        let list = Shortlist::default()
            .toggled(&cards[0])
            .with_follow_up("T-1", saved_follow_ups(FOLLOW_UPS_BY_SERDE)["T-4"].clone());
        assert_eq!(
            saved_follow_ups(&json::to_string(&list.follow_ups)),
            list.follow_ups
        );
    }

    #[test]
    fn toggling_adds_and_removes_without_storage() {
        let list = Shortlist::default();
        let c = card("T-1", "A");
        let list = list.toggled(&c);
        assert!(list.contains("T-1"));
        assert!(!list.persistent);
        assert!(!list.toggled(&c).contains("T-1"));
    }
}
