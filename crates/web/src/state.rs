//! What the user has asked for: the one state of the search page and the actions that change it.
//!
//! [`SearchState`] holds only the user's choices (text, filters, sort, page), never results: the
//! results are a pure function of this state and the loaded index, computed by the engine.
//! Every change goes through [`Action`] and [`SearchState::reduce`], so the URL round trip
//! (`url_state`) and the tests see one place where choices change. Any change except paging
//! returns to the first page, so a user is never left on page 9 of a 2-page answer.
//!
//! [`PageState`] is the rest of what the search page keeps for the user: the shortlist, which
//! saved records are compared, which kind of place the capacity overview counts and which panels
//! are open. It is a reducer of its own ([`PageAction`]) because none of it is a search input:
//! a change to it never runs the search again.

use std::rc::Rc;

use catalogue::vocab::{OfferType, PriceBasis};
use catalogue::Date;
use tilbudsfinder_index::facets;
use tilbudsfinder_index::query::{Card, Mode, Near, PriceRange, Query, Sort};
use yew::Reducible;

use crate::shortlist::{FollowUp, Shortlist, COMPARE_MAX};

/// Choices for the "updated within" select, in days.
pub const UPDATED_WITHIN_CHOICES: &[u32] = &[30, 90, 180, 365];
/// Choices for the distance radius select, in km.
pub const RADIUS_CHOICES: &[u32] = &[10, 25, 50, 100, 200];

/// How a state change should be recorded in the browser's history.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HistoryEntry {
    /// Not at all: the change came from the URL itself.
    #[default]
    None,
    /// Replace the current entry (typing: one entry per search, not per keystroke).
    Replace,
    /// A new entry, so that the back button undoes it.
    Push,
}

/// A field the user types into: keystrokes in one field make one history entry, not many.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypedField {
    Text,
    Age,
    PriceMin,
    PriceMax,
    NearPlace,
}

/// Which page of the app shows the matches: the result list or the capacity overview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The search results.
    #[default]
    Search,
    /// Places and free places of the matches (issue 7).
    Capacity,
}

/// The choices of the filters that are not ticked facet values (what
/// [`RangeFilters`](crate::components::range_filters::RangeFilters) draws: one group, so that
/// the component is handed these and renders again only when one of them changes).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RangeChoices {
    /// Age of the person to place.
    pub age: Option<u8>,
    /// Which normalised price the price range is over.
    pub price_basis: Option<PriceBasis>,
    /// Lowest price, DKK.
    pub price_min: Option<u32>,
    /// Highest price, DKK.
    pub price_max: Option<u32>,
    /// Only records with at least one free place.
    pub free_only: bool,
    /// A municipality name or postal code to measure distance from, as typed.
    pub near_place: String,
    /// Radius around `near_place`, km.
    pub near_km: Option<u32>,
    /// Only records updated within this many days.
    pub updated_within: Option<u32>,
}

/// The user's choices.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchState {
    /// Results or capacity overview (the filters are the same for both).
    pub view: View,
    /// Offers or foster families.
    pub mode: Mode,
    /// Free text.
    pub text: String,
    /// Ticked facet values as (facet, value), in the order ticked, without duplicates.
    pub filters: Vec<(String, String)>,
    /// Facets whose ticked values must all hold ("alle valgte"), not just one; sorted.
    pub all_of: Vec<String>,
    /// The filters that are not ticked values: age, price, free places, distance, freshness.
    pub range: RangeChoices,
    /// Order of the results.
    pub sort: Sort,
    /// Zero-based page.
    pub page: u32,
    /// The catalogue id of the record whose detail is open, if any (its own URL, so Back closes
    /// it and a shared link opens it).
    pub open_record: Option<String>,
    /// How the last change should enter the browser history (not part of the choices).
    pub history: HistoryEntry,
    /// The field the last change typed into, if any (not part of the choices).
    pub last_typed: Option<TypedField>,
}

/// A change to the choices.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The search text changed (typing).
    SetText(String),
    /// Switch between offers and foster families: filters of the other mode are dropped.
    SetMode(Mode),
    /// Tick or untick a facet value.
    ToggleFilter {
        facet: String,
        value: String,
    },
    /// Remove one facet value.
    RemoveFilter {
        facet: String,
        value: String,
    },
    /// Remove every value of a facet (a zero-result hint: "drop this filter").
    RemoveFacet(String),
    /// Combine a facet's ticked values with AND (`true`) or OR.
    SetAllOf {
        facet: String,
        all: bool,
    },
    SetAge(Option<u8>),
    SetPriceBasis(Option<PriceBasis>),
    SetPriceMin(Option<u32>),
    SetPriceMax(Option<u32>),
    /// Remove the price range altogether.
    ClearPrice,
    SetFreeOnly(bool),
    SetNearPlace(String),
    SetNearKm(Option<u32>),
    /// Remove the distance filter altogether.
    ClearNear,
    SetUpdatedWithin(Option<u32>),
    SetSort(Sort),
    SetPage(u32),
    /// Show the results or the capacity overview.
    SetView(View),
    /// Open a record's detail (by catalogue id): a history entry of its own.
    OpenRecord(String),
    /// Close the detail and show the results again.
    CloseRecord,
    /// Remove every filter but keep the text and mode, and put back the page's presets (a
    /// municipality's own site stays on its municipality): `presets` as given for `mode`, of
    /// which only the shared facets ([`facets::is_shared`]) apply when the user has switched to the other mode.
    ResetFilters {
        presets: Vec<(String, String)>,
        mode: Mode,
    },
    /// Replace everything with a state read from the URL (back button, reload).
    Restore(Box<SearchState>),
}

impl Action {
    /// The typed field this action edits, if it is a keystroke in one.
    fn typed_field(&self) -> Option<TypedField> {
        match self {
            Action::SetText(_) => Some(TypedField::Text),
            Action::SetAge(_) => Some(TypedField::Age),
            Action::SetPriceMin(_) => Some(TypedField::PriceMin),
            Action::SetPriceMax(_) => Some(TypedField::PriceMax),
            Action::SetNearPlace(_) => Some(TypedField::NearPlace),
            _ => None,
        }
    }
}

impl SearchState {
    /// Applies one action; pure so that it can be tested natively.
    pub fn apply(mut self, action: Action) -> SearchState {
        let mut history = HistoryEntry::Push;
        let mut keep_page = false;
        let typed = action.typed_field();
        match action {
            Action::SetText(text) => self.text = text,
            Action::SetMode(mode) => {
                if mode != self.mode {
                    self.filters.retain(|(f, _)| facets::is_shared(f));
                    self.range.price_basis = None;
                    self.range.price_min = None;
                    self.range.price_max = None;
                    if matches!(self.sort, Sort::PriceAsc | Sort::PriceDesc) {
                        self.sort = Sort::Relevance;
                    }
                }
                self.mode = mode;
            }
            Action::ToggleFilter { facet, value } => {
                let pair = (facet, value);
                if let Some(at) = self.filters.iter().position(|p| *p == pair) {
                    self.filters.remove(at);
                } else {
                    self.filters.push(pair);
                }
            }
            Action::RemoveFilter { facet, value } => {
                self.filters.retain(|(f, v)| !(*f == facet && *v == value));
            }
            Action::RemoveFacet(facet) => self.filters.retain(|(f, _)| *f != facet),
            Action::SetAllOf { facet, all } => {
                self.all_of.retain(|f| *f != facet);
                if all {
                    self.all_of.push(facet);
                    self.all_of.sort();
                }
            }
            Action::SetAge(age) => self.range.age = age,
            Action::SetPriceBasis(basis) => self.range.price_basis = basis,
            Action::SetPriceMin(v) => self.range.price_min = v,
            Action::SetPriceMax(v) => self.range.price_max = v,
            Action::ClearPrice => {
                self.range.price_basis = None;
                self.range.price_min = None;
                self.range.price_max = None;
            }
            Action::SetFreeOnly(on) => self.range.free_only = on,
            Action::SetNearPlace(place) => self.range.near_place = place,
            Action::SetNearKm(km) => self.range.near_km = km,
            Action::ClearNear => {
                self.range.near_place.clear();
                self.range.near_km = None;
                if self.sort == Sort::Distance {
                    self.sort = Sort::Relevance;
                }
            }
            Action::SetUpdatedWithin(days) => self.range.updated_within = days,
            Action::SetSort(sort) => self.sort = sort,
            Action::SetPage(page) => {
                self.page = page;
                keep_page = true;
            }
            Action::SetView(view) => self.view = view,
            Action::OpenRecord(id) => {
                self.open_record = Some(id);
                keep_page = true;
            }
            Action::CloseRecord => {
                self.open_record = None;
                keep_page = true;
            }
            Action::ResetFilters { mut presets, mode } => {
                if mode != self.mode {
                    presets.retain(|(f, _)| facets::is_shared(f));
                }
                let keep = SearchState {
                    filters: presets,
                    view: self.view,
                    mode: self.mode,
                    text: std::mem::take(&mut self.text),
                    sort: if self.sort == Sort::Distance {
                        Sort::Relevance
                    } else {
                        self.sort
                    },
                    ..SearchState::default()
                };
                self = keep;
            }
            Action::Restore(restored) => {
                self = *restored;
                history = HistoryEntry::None;
                keep_page = true;
            }
        }
        if !keep_page {
            self.page = 0;
        }
        // Typing on in the same field replaces the entry its first keystroke pushed.
        if typed.is_some() && typed == self.last_typed {
            history = HistoryEntry::Replace;
        }
        self.last_typed = typed;
        self.history = history;
        self
    }

    /// True when any filter (not the text) is set.
    pub fn has_filters(&self) -> bool {
        !self.filters.is_empty()
            || self.range.age.is_some()
            || self.range.price_basis.is_some()
            || self.range.free_only
            || !self.range.near_place.trim().is_empty()
            || self.range.updated_within.is_some()
    }

    /// The price range the choices describe, if complete enough to filter by.
    pub fn price_range(&self) -> Option<PriceRange> {
        let basis = self.range.price_basis?;
        if self.range.price_min.is_none() && self.range.price_max.is_none() {
            return None;
        }
        Some(PriceRange {
            basis,
            min: self.range.price_min.map(f64::from),
            max: self.range.price_max.map(f64::from),
        })
    }

    /// These choices without what never changes a search's answer: the open record, how the
    /// change enters the history and the field typed into. The page computes its answer and its
    /// capacity overview for this key, so opening or closing a record does not search again.
    pub fn search_key(&self) -> SearchState {
        SearchState {
            open_record: None,
            history: HistoryEntry::default(),
            last_typed: None,
            ..self.clone()
        }
    }

    /// The engine's query for these choices, with the page's fixed presets added.
    ///
    /// `origin` is `near_place` already resolved to a position by the index (or `None`).
    pub fn to_query(
        &self,
        presets: &[(String, String)],
        origin: Option<(f64, f64)>,
        today: Date,
        page_size: u32,
    ) -> Query {
        let mut filters = self.filters.clone();
        for preset in presets {
            if !filters.contains(preset) {
                filters.push(preset.clone());
            }
        }
        let near = origin.map(|(lat, lon)| Near {
            lat,
            lon,
            max_km: self.range.near_km.map(f64::from),
        });
        let sort = if self.sort == Sort::Distance && near.is_none() {
            Sort::Relevance
        } else {
            self.sort
        };
        Query {
            mode: self.mode,
            text: self.text.clone(),
            filters,
            all_of: self.all_of.clone(),
            age: self.range.age,
            price: self.price_range(),
            min_free_places: self.range.free_only.then_some(1),
            near,
            updated_within_days: self.range.updated_within,
            today,
            sort,
            page: self.page,
            page_size,
        }
    }
}

/// The reducer for `use_reducer`: wraps [`SearchState::apply`].
impl Reducible for SearchState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let current = Rc::unwrap_or_clone(self);
        Rc::new(current.apply(action))
    }
}

/// The page's state beside the search's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    /// The saved records (written through to the browser's storage when it allows).
    pub shortlist: Shortlist,
    /// The saved records ticked for comparison, by id, in the order ticked (at most
    /// [`COMPARE_MAX`]); none ticked compares every saved one.
    pub compare: Vec<String>,
    /// Which kind of offer places the capacity overview counts (kept on this page, not in the
    /// URL: residential, day and outpatient places are never added together).
    pub capacity_kind: OfferType,
    /// The comparison of saved records is open.
    pub compare_open: bool,
    /// "Write to all" is open.
    pub contact_open: bool,
    /// On a phone: the filters are shown over the results.
    pub filters_open: bool,
}

/// A change to the page's state.
#[derive(Clone, Debug, PartialEq)]
pub enum PageAction {
    /// Save or unsave a record; an unsaved one leaves the comparison too.
    ToggleSave(Rc<Card>),
    /// Set where the user's inquiry to a saved record stands.
    SetFollowUp(String, FollowUp),
    /// The saved cards as a newer index has them (by record number; others stay as saved).
    Refresh(Vec<Card>),
    /// Tick or untick a saved record for comparison (beyond [`COMPARE_MAX`] ticking does nothing).
    ToggleCompare(String),
    SetCapacityKind(OfferType),
    SetCompareOpen(bool),
    SetContactOpen(bool),
    SetFiltersOpen(bool),
}

impl PageState {
    /// The page's first state, with the shortlist it starts with.
    pub fn new(shortlist: Shortlist) -> PageState {
        PageState {
            shortlist,
            compare: Vec::new(),
            capacity_kind: OfferType::Residential,
            compare_open: false,
            contact_open: false,
            filters_open: false,
        }
    }

    /// Applies one action; pure but for the shortlist's write-through, so tested natively.
    pub fn apply(mut self, action: PageAction) -> PageState {
        match action {
            PageAction::ToggleSave(card) => {
                self.shortlist = self.shortlist.toggled(&card);
                if !self.shortlist.contains(&card.id) {
                    self.compare.retain(|id| *id != card.id);
                }
            }
            PageAction::SetFollowUp(id, follow_up) => {
                self.shortlist = self.shortlist.with_follow_up(&id, follow_up);
            }
            PageAction::Refresh(fresh) => {
                self.shortlist = self
                    .shortlist
                    .refreshed(|doc| fresh.iter().find(|c| c.doc == doc).cloned());
            }
            PageAction::ToggleCompare(id) => {
                if let Some(at) = self.compare.iter().position(|x| *x == id) {
                    self.compare.remove(at);
                } else if self.compare.len() < COMPARE_MAX {
                    self.compare.push(id);
                }
            }
            PageAction::SetCapacityKind(kind) => self.capacity_kind = kind,
            PageAction::SetCompareOpen(open) => self.compare_open = open,
            PageAction::SetContactOpen(open) => self.contact_open = open,
            PageAction::SetFiltersOpen(open) => self.filters_open = open,
        }
        self
    }

    /// The records the comparison shows: the ticked ones, or with none ticked every saved one
    /// (up to [`COMPARE_MAX`]).
    pub fn compared(&self) -> Vec<Card> {
        self.shortlist
            .cards
            .iter()
            .filter(|c| self.compare.is_empty() || self.compare.contains(&c.id))
            .take(COMPARE_MAX)
            .cloned()
            .collect()
    }
}

/// The reducer for `use_reducer`: wraps [`PageState::apply`].
impl Reducible for PageState {
    type Action = PageAction;

    fn reduce(self: Rc<Self>, action: PageAction) -> Rc<Self> {
        Rc::new(Rc::unwrap_or_clone(self).apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tick(facet: &str, value: &str) -> Action {
        Action::ToggleFilter {
            facet: facet.into(),
            value: value.into(),
        }
    }

    #[test]
    fn opening_and_closing_a_record_keeps_the_search_key() {
        let searched = SearchState::default()
            .apply(tick("type", "botilbud"))
            .apply(Action::SetText("autisme".into()));
        let opened = searched.clone().apply(Action::OpenRecord("PF-7".into()));
        assert_ne!(opened, searched, "the open record is part of the state");
        assert_eq!(opened.search_key(), searched.search_key());
        let closed = opened.apply(Action::CloseRecord);
        assert_eq!(closed.search_key(), searched.search_key());
        let retyped = closed.apply(Action::SetText("autism".into()));
        assert_ne!(
            retyped.search_key(),
            searched.search_key(),
            "the text is a choice"
        );
        assert_eq!(retyped.search_key().text, "autism");
    }

    #[test]
    fn toggling_twice_removes_and_any_change_returns_to_page_one() {
        let s = SearchState::default().apply(Action::SetPage(3));
        assert_eq!(s.page, 3);
        let s = s.apply(tick("region", "1084"));
        assert_eq!(s.page, 0);
        assert_eq!(s.filters, vec![("region".to_string(), "1084".to_string())]);
        assert_eq!(s.history, HistoryEntry::Push);
        let s = s.apply(tick("region", "1084"));
        assert!(s.filters.is_empty());
    }

    #[test]
    fn typing_makes_one_history_entry_per_field_and_reset_keeps_text() {
        let s = SearchState::default()
            .apply(tick("type", "botilbud"))
            .apply(Action::SetText("b".into()));
        assert_eq!(
            s.history,
            HistoryEntry::Push,
            "the first keystroke makes an entry"
        );
        let s = s.apply(Action::SetText("bakke".into()));
        assert_eq!(s.history, HistoryEntry::Replace, "the next ones replace it");
        let s = s.apply(Action::SetAge(Some(1)));
        assert_eq!(
            s.history,
            HistoryEntry::Push,
            "another field makes its own entry"
        );
        let s = s
            .apply(Action::SetAge(Some(14)))
            .apply(Action::ResetFilters {
                presets: Vec::new(),
                mode: Mode::Offers,
            });
        assert_eq!(s.text, "bakke");
        assert!(!s.has_filters());
    }

    #[test]
    fn reset_puts_back_the_presets_the_user_removed_one_by_one() {
        let presets = vec![
            ("municipality".to_string(), "157".to_string()),
            ("type".to_string(), "botilbud".to_string()),
        ];
        let reset = |mode| Action::ResetFilters {
            presets: presets.clone(),
            mode,
        };
        let s = SearchState {
            filters: presets.clone(),
            ..SearchState::default()
        }
        .apply(Action::RemoveFilter {
            facet: "municipality".into(),
            value: "157".into(),
        })
        .apply(tick("region", "1084"))
        .apply(Action::SetFreeOnly(true));
        assert_eq!(
            s.filters.len(),
            2,
            "the preset was removed, a region ticked"
        );
        let s = s.apply(reset(Mode::Offers));
        assert_eq!(s.filters, presets);
        assert!(!s.range.free_only);
        // In the other mode only the presets that mean the same there come back.
        let s = s
            .apply(Action::SetMode(Mode::FosterFamilies))
            .apply(tick("region", "1084"))
            .apply(reset(Mode::Offers));
        assert_eq!(s.mode, Mode::FosterFamilies);
        assert_eq!(s.filters, presets[..1]);
    }

    #[test]
    fn opening_and_closing_a_record_keeps_the_page_and_makes_history_entries() {
        let s = SearchState::default()
            .apply(Action::SetPage(2))
            .apply(Action::OpenRecord("PF-7".into()));
        assert_eq!((s.page, s.open_record.as_deref()), (2, Some("PF-7")));
        assert_eq!(s.history, HistoryEntry::Push);
        let s = s.apply(Action::CloseRecord);
        assert_eq!((s.page, s.open_record), (2, None));
        assert_eq!(s.history, HistoryEntry::Push);
    }

    #[test]
    fn switching_mode_keeps_only_shared_geography_and_target_filters() {
        let s = SearchState::default()
            .apply(tick("type", "botilbud"))
            .apply(tick("region", "1082"))
            .apply(Action::SetMode(Mode::FosterFamilies));
        assert_eq!(s.filters, vec![("region".to_string(), "1082".to_string())]);
        assert_eq!(s.mode, Mode::FosterFamilies);
    }

    #[test]
    fn query_adds_presets_once_and_drops_distance_sort_without_origin() {
        let presets = vec![("municipality".to_string(), "751".to_string())];
        let s = SearchState::default()
            .apply(tick("municipality", "751"))
            .apply(Action::SetSort(Sort::Distance))
            .apply(Action::SetFreeOnly(true));
        let q = s.to_query(&presets, None, Date(20_000), 20);
        assert_eq!(q.filters.len(), 1);
        assert_eq!(q.sort, Sort::Relevance);
        assert_eq!(q.min_free_places, Some(1));
        let q = s.to_query(&presets, Some((56.0, 10.0)), Date(20_000), 20);
        assert_eq!(q.sort, Sort::Distance);
    }

    fn saved(ids: &[&str]) -> PageState {
        ids.iter()
            .fold(PageState::new(Shortlist::default()), |p, id| {
                p.apply(PageAction::ToggleSave(Rc::new(card(id, "Bakkehuset"))))
            })
    }

    use crate::shortlist::tests::card;

    #[test]
    fn unsaving_a_compared_record_takes_it_out_of_the_comparison() {
        let page = saved(&["A-1", "B-2", "C-3"])
            .apply(PageAction::ToggleCompare("A-1".into()))
            .apply(PageAction::ToggleCompare("B-2".into()));
        assert_eq!(page.compare, ["A-1", "B-2"]);
        let ids = |cards: Vec<Card>| cards.into_iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ids(page.compared()), ["A-1", "B-2"]);
        let page = page.apply(PageAction::ToggleSave(Rc::new(card("A-1", "Bakkehuset"))));
        assert!(!page.shortlist.contains("A-1"));
        assert_eq!(page.compare, ["B-2"]);
        let page = page.apply(PageAction::ToggleCompare("B-2".into()));
        assert!(page.compare.is_empty());
        assert_eq!(
            ids(page.compared()),
            ["B-2", "C-3"],
            "none ticked compares every saved record"
        );
    }

    #[test]
    fn ticking_beyond_the_comparison_maximum_does_nothing() {
        let ids: Vec<String> = (0..=COMPARE_MAX).map(|i| format!("R-{i}")).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let page = ids.iter().fold(saved(&refs), |p, id| {
            p.apply(PageAction::ToggleCompare(id.clone()))
        });
        assert_eq!(page.compare, ids[..COMPARE_MAX]);
        assert_eq!(page.compared().len(), COMPARE_MAX);
    }

    #[test]
    fn follow_ups_and_refreshes_reach_only_saved_records() {
        let follow_up = FollowUp {
            note: "ringet".into(),
            ..FollowUp::default()
        };
        let page = saved(&["A-1"])
            .apply(PageAction::SetFollowUp("A-1".into(), follow_up.clone()))
            .apply(PageAction::SetFollowUp("Z-9".into(), follow_up.clone()));
        assert_eq!(page.shortlist.follow_up("A-1"), follow_up);
        assert!(!page.shortlist.follow_ups.contains_key("Z-9"));
        let fresh = Card {
            name: "Bakkehuset (ny)".into(),
            ..card("A-1", "x")
        };
        let stranger = Card {
            doc: 99,
            ..card("Z-9", "Andet")
        };
        let page = page.apply(PageAction::Refresh(vec![stranger, fresh]));
        assert_eq!(page.shortlist.cards.len(), 1);
        assert_eq!(page.shortlist.cards[0].name, "Bakkehuset (ny)");
    }

    #[test]
    fn panels_and_capacity_kind_change_only_themselves() {
        let start = saved(&["A-1"]);
        let page = start
            .clone()
            .apply(PageAction::SetFiltersOpen(true))
            .apply(PageAction::SetCompareOpen(true))
            .apply(PageAction::SetContactOpen(true))
            .apply(PageAction::SetCapacityKind(OfferType::Day));
        assert!(page.filters_open && page.compare_open && page.contact_open);
        assert_eq!(page.capacity_kind, OfferType::Day);
        assert_eq!(page.shortlist, start.shortlist);
        let page = page
            .apply(PageAction::SetFiltersOpen(false))
            .apply(PageAction::SetCompareOpen(false))
            .apply(PageAction::SetContactOpen(false))
            .apply(PageAction::SetCapacityKind(OfferType::Residential));
        assert_eq!(page, start);
    }
}
