//! The shortlist ("Gem"): records a user keeps for the case file, kept in the browser.
//!
//! Saved cards are stored whole (as JSON in `localStorage`) so the list survives a reload and an
//! index rebuild; when the index is loaded each saved card is refreshed from it by record number
//! and id. Private browsing and locked-down browsers throw on any storage access: then the list
//! lives in memory only and the interface says so. The CSV export is built here as plain text
//! (semicolon-separated, every field quoted, a byte-order mark first) so that Danish Excel opens
//! it with the right columns and letters.

use catalogue::Date;
use tilbudsfinder_index::query::{Card, Mode};

use crate::i18n::{self, Lang};

const STORAGE_KEY: &str = "tilbudsfinder.shortlist.v1";
/// How many records the comparison shows side by side.
pub const COMPARE_MAX: usize = 4;

/// The saved cards and whether they persist.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shortlist {
    /// Saved cards, oldest first.
    pub cards: Vec<Card>,
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
            Ok(Some(text)) => serde_json::from_str(&text).unwrap_or_default(),
            Ok(None) => Vec::new(),
            Err(_) => return Shortlist::default(),
        };
        Shortlist {
            cards,
            persistent: true,
        }
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
        let written = serde_json::to_string(&self.cards)
            .ok()
            .zip(storage())
            .is_some_and(|(text, s)| s.set_item(STORAGE_KEY, &text).is_ok());
        self.persistent = written;
    }
}

fn storage() -> Option<web_sys::Storage> {
    // Both the property access and the call may throw (SecurityError) in locked-down browsers.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The shortlist as CSV text for the case file, with a BOM so Excel reads UTF-8.
pub fn to_csv(lang: Lang, cards: &[Card], today: Date) -> String {
    let header: [&str; 13] = match lang {
        Lang::Da => [
            "Id",
            "Navn",
            "Type",
            "Juridisk grundlag",
            "Postnummer",
            "By",
            "Kommune",
            "Alder fra",
            "Alder til",
            "Ledige pladser",
            "Pris",
            "Senest opdateret",
            "Markering fra tilsynet",
        ],
        Lang::En => [
            "Id",
            "Name",
            "Type",
            "Legal basis",
            "Postal code",
            "Town",
            "Municipality",
            "Age from",
            "Age to",
            "Free places",
            "Price",
            "Last updated",
            "Marking by the authority",
        ],
    };
    let mut out = String::from("\u{feff}");
    push_row(&mut out, header.iter().map(|h| h.to_string()));
    for card in cards {
        let free = match card.free_places {
            Some(n) => i18n::free_places(
                lang,
                n,
                card.free_places_reported.map(|d| d.days_until(today)),
            ),
            None => lang.texts().free_not_reported.to_string(),
        };
        let price = card
            .price
            .as_ref()
            .map(|p| i18n::card_price(lang, p))
            .unwrap_or_default();
        push_row(
            &mut out,
            [
                card.id.clone(),
                card.name.clone(),
                card.kind_label.clone(),
                card.legal_bases.join(", "),
                card.postal_code.to_string(),
                card.city.clone(),
                card.municipality.clone(),
                card.age_from.to_string(),
                card.age_to.to_string(),
                free,
                price,
                i18n::date(lang, card.updated_newest),
                card.marked.map(|d| i18n::date(lang, d)).unwrap_or_default(),
            ]
            .into_iter(),
        );
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

fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    let quoted: Vec<String> = fields.map(|f| quote(&f)).collect();
    out.push_str(&quoted.join(";"));
    out.push_str("\r\n");
}

/// Quotes a field; a leading `=`, `+`, `-` or `@` is escaped so a spreadsheet never runs it.
fn quote(field: &str) -> String {
    let guarded = match field.chars().next() {
        Some('=' | '+' | '-' | '@') => format!("'{field}"),
        _ => field.to_string(),
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::vocab::{PriceBasis, RateUnit};
    use tilbudsfinder_index::query::CardPrice;

    fn card(id: &str, name: &str) -> Card {
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

    #[test]
    fn csv_quotes_fields_and_defuses_formulas() {
        let csv = to_csv(
            Lang::Da,
            &[
                card("T-1", "Huset \"Lyngen\"; afd. 2"),
                card("T-2", "=HYPERLINK(1)"),
            ],
            Date(20_012),
        );
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].contains("\"Huset \"\"Lyngen\"\"; afd. 2\""));
        assert!(lines[1].contains("\"2 ledige pladser (meldt for 12 dage siden)\""));
        assert!(lines[1].contains("\"2.450 kr. pr. døgn\""));
        assert!(lines[2].contains("\"'=HYPERLINK(1)\""));
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
