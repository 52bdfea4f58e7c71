//! The search page once the index is loaded: holds the user's choices (the search's in
//! [`SearchState`], the page's own in [`PageState`]), asks the engine (`search_answer`), and lays
//! out the search box, filters, results, detail view and shortlist.
//!
//! Two copies of the user's choices: `state`, changed at once by every input, drives the
//! controls themselves (the search box, the range fields, the switches), so what the user
//! touched repaints in the next frame; `shown`, the same choices one frame later
//! ([`use_after_paint`]), drives the search (a `use_memo`, one engine call) and everything drawn
//! from its answer. The search box's text is the exception: the box itself hands it over right
//! after the paint of the typed letter (a keystroke renders nothing else), and `shown` takes it
//! at once. Callbacks handed to child components are made once (or when what they read
//! changes), so a child whose props did not change is not rendered again: after a keystroke's
//! paint, the page renders only the cards and facet counts that changed.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use catalogue::vocab::OfferType;
use tilbudsfinder_index::query::{Card, Mode};
use tilbudsfinder_index::SearchIndex;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::capacity_view::CapacityView;
use crate::components::chips::Chips;
use crate::components::comparison::Comparison;
use crate::components::contact_all::ContactAll;
use crate::components::detail_view::DetailView;
use crate::components::facet_panel::FacetPanel;
use crate::components::heading::{AppTitle, Heading};
use crate::components::live_status::LiveStatus;
use crate::components::mode_switch::ModeSwitch;
use crate::components::pager::Pager;
use crate::components::print_view::PrintView;
use crate::components::range_filters::RangeFilters;
use crate::components::result_list::ResultList;
use crate::components::search_answer::{
    chips_for, report_url, run_capacity, run_search, search_summary,
};
use crate::components::search_box::SearchBox;
use crate::components::search_help::SearchHelp;
use crate::components::shortlist_panel::ShortlistPanel;
use crate::components::sort_select::SortSelect;
use crate::components::view_switch::ViewSwitch;
use crate::config::Config;
use crate::hooks::use_url_sync::current_query;
use crate::hooks::{use_after_paint, use_focus_return, use_records, use_url_sync, IndexRef};
use crate::host_events::use_host_events;
use crate::i18n;
use crate::instance;
use crate::shortlist::{FollowUp, SavedSet, Shortlist};
use crate::state::{Action, PageAction, PageState, SearchState, View};
use crate::url_state::{self, LeftOut};

#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    pub config: Rc<Config>,
    pub index: IndexRef,
    /// Goes up when deferred index files arrive.
    pub version: u32,
    pub deferred_pending: bool,
    pub deferred_error: Option<AttrValue>,
    /// Tries the deferred files again, when their failure may pass.
    #[prop_or_default]
    pub on_retry_deferred: Option<Callback<()>>,
}

/// The page's configuration and first state, with every filter that came from outside (the URL,
/// a widget's attributes, the presets of `embed.html`'s query string) vetted against the index,
/// and which of them were left out (`url_state::vet_filters`).
fn vetted_start(config: &Config, engine: &SearchIndex) -> (Rc<Config>, SearchState, LeftOut) {
    let mut config = config.clone();
    let mut left_out = url_state::vet_filters(&mut config.preset_filters, config.mode, engine);
    let mut state = if config.sync_url {
        let decoded = url_state::decode_known(&current_query(), engine);
        left_out.add(decoded.left_out);
        decoded.state
    } else {
        SearchState::default()
    };
    let from_url = state != SearchState::default();
    if config.lock_presets || !from_url {
        state.mode = config.mode;
    }
    if !config.lock_presets && !from_url {
        state.filters = config.preset_filters.clone();
    }
    (Rc::new(config), state, left_out)
}

/// How many of the filters left out the page names one by one (the first sentence covers all).
const NAMED_REFUSALS: usize = 5;

/// Where the button that opened a view over the results is kept, to get focus back when the
/// view closes ([`use_focus_return`]).
type Opener = Rc<RefCell<Option<HtmlElement>>>;

/// The page's actions as callbacks, made once from the two dispatchers (the search's choices and
/// the page's own state): handed to child components, they compare equal from render to render.
struct PageActions {
    set_text: Callback<String>,
    set_view: Callback<View>,
    set_mode: Callback<Mode>,
    set_sort: Callback<tilbudsfinder_index::query::Sort>,
    set_page: Callback<u32>,
    toggle_filter: Callback<(String, String)>,
    set_all_of: Callback<(String, bool)>,
    open_record: Callback<(Rc<Card>, Option<HtmlElement>)>,
    close_record: Callback<()>,
    toggle_save: Callback<Rc<Card>>,
    toggle_compare: Callback<String>,
    set_follow_up: Callback<(String, FollowUp)>,
    set_capacity_kind: Callback<OfferType>,
    set_filters_open: Callback<bool>,
    open_compare: Callback<Option<HtmlElement>>,
    close_compare: Callback<()>,
    open_contact: Callback<Option<HtmlElement>>,
    close_contact: Callback<()>,
}

/// A callback that keeps the button it is given (to return focus to) and then opens a view.
fn opening(open: Callback<bool>, opener: Opener) -> Callback<Option<HtmlElement>> {
    Callback::from(move |button| {
        *opener.borrow_mut() = button;
        open.emit(true);
    })
}

impl PageActions {
    fn new(
        dispatch: &Callback<Action>,
        text_typed: Rc<Cell<bool>>,
        page: &Callback<PageAction>,
        [record, compare, contact]: [Opener; 3],
    ) -> PageActions {
        let set_compare_open = page.reform(PageAction::SetCompareOpen);
        let set_contact_open = page.reform(PageAction::SetContactOpen);
        let open_record = dispatch.reform(move |(card, button): (Rc<Card>, _)| {
            *record.borrow_mut() = button;
            Action::OpenRecord(card.id.clone())
        });
        PageActions {
            set_text: dispatch.reform(move |text| {
                text_typed.set(true);
                Action::SetText(text)
            }),
            set_view: dispatch.reform(Action::SetView),
            set_mode: dispatch.reform(Action::SetMode),
            set_sort: dispatch.reform(Action::SetSort),
            set_page: dispatch.reform(Action::SetPage),
            toggle_filter: dispatch.reform(|(facet, value)| Action::ToggleFilter { facet, value }),
            set_all_of: dispatch.reform(|(facet, all)| Action::SetAllOf { facet, all }),
            open_record,
            close_record: dispatch.reform(|_| Action::CloseRecord),
            toggle_save: page.reform(PageAction::ToggleSave),
            toggle_compare: page.reform(PageAction::ToggleCompare),
            set_follow_up: page.reform(|(id, follow_up)| PageAction::SetFollowUp(id, follow_up)),
            set_capacity_kind: page.reform(PageAction::SetCapacityKind),
            set_filters_open: page.reform(PageAction::SetFiltersOpen),
            open_compare: opening(set_compare_open.clone(), compare),
            close_compare: set_compare_open.reform(|_| false),
            open_contact: opening(set_contact_open.clone(), contact),
            close_contact: set_contact_open.reform(|_| false),
        }
    }
}

/// The loaded search page.
#[function_component(SearchPage)]
pub fn search_page(props: &SearchPageProps) -> Html {
    let start = use_memo((), {
        let config = Rc::clone(&props.config);
        let index = props.index.clone();
        move |_| vetted_start(&config, &index.index.borrow())
    });
    // The vetted start, with what is drawn (heading, switches) as the page now configures it.
    let config = Rc::new(start.0.with_live_settings(&props.config));
    let left_out = &start.2;
    let lang = config.lang;
    let t = lang.texts();
    let p = i18n::placement_texts(lang);
    let uid = *use_state(instance::next_instance);
    let today = *use_memo((), |_| crate::today());
    let state = use_reducer({
        let start = Rc::clone(&start);
        move || start.1.clone()
    });
    // Set when the search box hands over its text, which it does right after a paint: the
    // results then follow it in this render, not one frame later.
    let text_typed = (*use_memo((), |_| Rc::new(Cell::new(false)))).clone();
    // What the results show: the state as it was when the last frame was painted.
    let shown = use_after_paint((*state).clone(), text_typed.replace(false));

    let answer = use_memo((shown.search_key(), props.version, props.index.clone()), {
        let config = Rc::clone(&config);
        move |(s, _, index)| run_search(index, s, &config, today)
    });
    // The stored list, plus the records a shared link names (`saved=`), which are kept.
    let page_state = use_reducer({
        let index = props.index.clone();
        let sync_url = config.sync_url;
        move || {
            let stored = Shortlist::load();
            if !sync_url {
                return PageState::new(stored);
            }
            let engine = index.index.borrow();
            let shared = url_state::saved_ids(&current_query())
                .into_iter()
                .filter_map(|id| engine.doc_by_id(&id))
                .filter_map(|doc| engine.card(doc));
            PageState::new(stored.with_imported(shared))
        }
    });
    let shortlist = &page_state.shortlist;
    let capacity = use_memo(
        (
            shown.search_key(),
            props.version,
            props.index.clone(),
            page_state.capacity_kind,
        ),
        {
            let config = Rc::clone(&config);
            move |(s, _, index, kind)| {
                (s.view == View::Capacity)
                    .then(|| Rc::new(run_capacity(index, s, &config, today, *kind)))
            }
        },
    );
    use_url_sync(
        config.sync_url,
        state.clone(),
        props.index.clone(),
        shortlist.ids(),
    );
    let records = use_records(
        props.index.clone(),
        shortlist.cards.iter().map(|c| c.doc).collect(),
        !shortlist.cards.is_empty(),
    );
    let origin = {
        let place = shown.range.near_place.trim().to_string();
        let index = props.index.clone();
        *use_memo(place, move |place| {
            (!place.is_empty())
                .then(|| index.index.borrow().locate(place))
                .flatten()
        })
    };
    {
        let page_state = page_state.clone();
        let index = props.index.clone();
        use_effect_with(props.version, move |_| {
            let engine = index.index.borrow();
            let fresh = page_state
                .shortlist
                .cards
                .iter()
                .filter_map(|c| engine.card(c.doc))
                .collect();
            page_state.dispatch(PageAction::Refresh(fresh));
        });
    }
    // The open record comes from the state (its own URL parameter), looked up by id.
    let detail: Option<Rc<Card>> = {
        let index = props.index.clone();
        (*use_memo(shown.open_record.clone(), move |id| {
            let engine = index.index.borrow();
            id.as_deref()
                .and_then(|id| engine.doc_by_id(id))
                .and_then(|doc| engine.card(doc))
                .map(Rc::new)
        }))
        .clone()
    };
    let shortlist_heading = use_node_ref();
    let results_heading = use_node_ref();
    let search_input = use_node_ref();

    // Focus the results heading after a page turn, so keyboard and screen-reader users start at
    // the top of the new page.
    {
        let heading = results_heading.clone();
        let first = use_mut_ref(|| true);
        use_effect_with(shown.page, move |_| {
            if std::mem::replace(&mut *first.borrow_mut(), false) {
                return;
            }
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    // Once a view over the results closes, focus goes back to the button that opened it: for the
    // detail (the list was only hidden, so the button is the same element), or to the results
    // heading when the detail was opened by a link.
    let detail_opener = use_focus_return(detail.is_some(), Some(results_heading.clone()));
    let compare_opener = use_focus_return(page_state.compare_open, None);
    let contact_opener = use_focus_return(page_state.contact_open, None);

    // The callbacks below are made once, or again only when what they read changes (their
    // dependencies), so that the components they are handed to can skip unchanged renders.
    let dispatch = use_callback((), {
        let dispatcher = state.dispatcher();
        move |action: Action, _: &()| dispatcher.dispatch(action)
    });
    let actions = use_memo((), {
        let dispatch = dispatch.clone();
        let page_dispatch = page_state.dispatcher();
        let text_typed = Rc::clone(&text_typed);
        move |_| {
            PageActions::new(
                &dispatch,
                text_typed,
                &Callback::from(move |action| page_dispatch.dispatch(action)),
                [detail_opener, compare_opener, contact_opener],
            )
        }
    });
    let go_to_results = {
        let heading = results_heading.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
            }
        })
    };
    let go_to_saved = {
        let heading = shortlist_heading.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(h) = heading.cast::<HtmlElement>() {
                let _ = h.focus();
                h.scroll_into_view();
            }
        })
    };
    // On a phone the filters cover the results: this closes them and goes to the results.
    let show_results = {
        let set_filters_open = actions.set_filters_open.clone();
        let go_to_results = go_to_results.clone();
        Callback::from(move |e: MouseEvent| {
            set_filters_open.emit(false);
            go_to_results.emit(e);
        })
    };
    let filters_open = page_state.filters_open;
    let toggle_filters = actions
        .set_filters_open
        .reform(move |_: MouseEvent| !filters_open);

    let root = use_node_ref();
    use_host_events(
        root.clone(),
        answer.total,
        shown.open_record.clone(),
        props.deferred_error.clone(),
    );
    // A page that hides the capacity overview never shows it (not even from a link).
    {
        let dispatch = dispatch.clone();
        let capacity_shown = state.view == View::Capacity;
        use_effect_with(
            (config.capacity_view, capacity_shown),
            move |(allowed, shown)| {
                if *shown && !*allowed {
                    dispatch.emit(Action::SetView(View::Search));
                }
            },
        );
    }

    let mode = shown.mode;
    let title = config.title(mode).to_string();
    let found = i18n::found(lang, mode, answer.total);
    let chips = chips_for(&shown, &answer, &config);
    let locked: Rc<Vec<(String, String)>> = Rc::new(if config.lock_presets {
        config.preset_filters.clone()
    } else {
        Vec::new()
    });
    let selected = Rc::new(shown.filters.clone());
    let saved_ids: Rc<Vec<String>> =
        Rc::new(shortlist.cards.iter().map(|c| c.id.clone()).collect());
    let id = |part: &str| format!("tf{uid}-{part}");
    let app_title = AppTitle {
        text: AttrValue::from(title.clone()),
        id: AttrValue::from(id("title")),
    };
    let reset_to_presets = Action::ResetFilters {
        presets: if config.lock_presets {
            Vec::new()
        } else {
            config.preset_filters.clone()
        },
        mode: config.mode,
    };
    let panel_id = id("filters");
    let results_id = id("results-heading");
    let filter_count = chips.len();
    let follow_ups = Rc::new(shortlist.follow_ups.clone());
    let saved = SavedSet {
        cards: Rc::new(shortlist.cards.clone()),
        records: records.clone(),
        follow_ups: Rc::clone(&follow_ups),
        origin,
    };
    let search_summary = search_summary(&shown, &chips, lang);
    let compared = page_state.compared();

    let page = html! {
        <div class="tf-search" ref={root}>
            <div class="tf-topbar tf-screen-only">
                <button type="button" class="tf-skip-link" onclick={go_to_results}>{ p.skip_to_results }</button>
            </div>
            <Heading level={config.heading_level} class="tf-title" id={app_title.id.clone()}>{ title }</Heading>
            if !config.lock_presets {
                if config.mode_switch {
                    <ModeSwitch {lang} mode={state.mode} name={id("mode")} on_change={actions.set_mode.clone()} />
                }
            }
            <SearchBox {lang} {mode} text={state.text.clone()} input_id={id("q")} input_ref={search_input.clone()}
                       on_input={actions.set_text.clone()} />
            // The capacity overview is for analysts: a citizen meets what to search and the box
            // first, and the switch to the overview after them.
            if !config.lock_presets && config.capacity_view {
                <ViewSwitch {lang} view={state.view} name={id("view")} on_change={actions.set_view.clone()} />
            }
            <div class="tf-layout">
                <button type="button" class="tf-filters-toggle" aria-expanded={filters_open.to_string()}
                        aria-controls={panel_id.clone()} onclick={toggle_filters}>
                    { {
                        let label = if filters_open { p.hide_filters } else { t.filters_toggle };
                        if filter_count > 0 { format!("{label} ({filter_count})") } else { label.to_string() }
                    } }
                </button>
                <aside id={panel_id} class={classes!("tf-filters", filters_open.then_some("tf-open"))}
                       aria-label={app_title.label(t.filters_heading)}>
                    <Heading level={config.heading(1)} class="tf-filters-title">{ t.filters_heading }</Heading>
                    <RangeFilters {lang} {mode} uid={uid} range={state.range.clone()}
                        place_unknown={answer.place_unknown} dispatch={dispatch.clone()} />
                    <FacetPanel {lang} facets={answer.facets.clone()} selected={Rc::clone(&selected)}
                        locked={Rc::clone(&locked)} uid={uid}
                        on_toggle={actions.toggle_filter.clone()}
                        all_of={Rc::new(shown.all_of.clone())}
                        on_combine={actions.set_all_of.clone()} />
                    <button type="button" class="tf-button tf-filters-done" onclick={show_results}>
                        { i18n::show_results(lang, mode, answer.total) }
                    </button>
                </aside>
                if let Some(overview) = (*capacity).clone() {
                    <CapacityView {lang} {overview} heading_level={config.heading(1)}
                                  kind={(mode == Mode::Offers).then_some(page_state.capacity_kind)} on_kind={actions.set_capacity_kind.clone()} {uid}
                                  heading_id={AttrValue::from(results_id.clone())} heading_ref={results_heading.clone()}
                                  report_url={report_url(&config.index_url, lang)} />
                } else {
                <section class="tf-results" aria-labelledby={app_title.labelled_by(&results_id)}>
                    <Heading level={config.heading(1)} id={AttrValue::from(results_id)} class="tf-results-title"
                             focusable={true} node_ref={results_heading.clone()}>
                        { found.clone() }
                    </Heading>
                    <LiveStatus text={found} />
                    if !left_out.is_empty() {
                        <div class="tf-note tf-left-out" role="status">
                            <p>{ t.url_filters_dropped }</p>
                            if !left_out.refused.is_empty() {
                                <ul>
                                    { for left_out.refused.iter().take(NAMED_REFUSALS).map(|refusal| html! {
                                        <li>{ i18n::filter_refused(lang, refusal) }</li>
                                    }) }
                                </ul>
                            }
                        </div>
                    }
                    // Only while words are searched: the descriptions are what is still coming.
                    // (Not for the first results, so the prerendered page is taken over without
                    // a line appearing above the cards.)
                    if props.deferred_pending && !shown.text.trim().is_empty() {
                        <p class="tf-note">{ t.loading_more }</p>
                    }
                    if let Some(err) = props.deferred_error.clone() {
                        <div class="tf-note tf-warning">
                            <p role="alert">{ err }</p>
                            if let Some(retry) = props.on_retry_deferred.clone() {
                                <button type="button" class="tf-button tf-secondary" onclick={retry.reform(|_: MouseEvent| ())}>{ t.retry }</button>
                            }
                        </div>
                    }
                    <Chips {lang} {chips} on_remove={dispatch.clone()}
                           on_reset={dispatch.reform(move |_| reset_to_presets.clone())}
                           fallback_focus={results_heading.clone()} />
                    <SearchHelp {lang} {mode} dropped_words={answer.dropped_words.clone()}
                                did_you_mean={answer.did_you_mean.clone()}
                                relaxations={answer.relaxations.clone()} dispatch={dispatch.clone()}
                                results_heading={results_heading.clone()} search_box={search_input.clone()} />
                    <div class="tf-toolbar">
                        <button type="button" class="tf-link-button tf-saved-jump" onclick={go_to_saved}>
                            { i18n::saved_count(lang, shortlist.cards.len()) }
                        </button>
                        <SortSelect {lang} sort={state.sort} has_origin={answer.has_origin}
                                    nearest_first={answer.has_origin && tilbudsfinder_index::text::query_words(&shown.text).is_empty()} select_id={id("sort")}
                                    on_change={actions.set_sort.clone()} />
                    </div>
                    if let Some(card) = detail.clone() {
                        <DetailView {lang} index={props.index.clone()} saved={shortlist.contains(&card.id)} {card} {today}
                                    heading_level={config.heading(2)}
                                    on_toggle_save={actions.toggle_save.clone()} on_close={actions.close_record.clone()}
                                    {origin} near_place={AttrValue::from(shown.range.near_place.trim().to_string())} />
                    } else if shown.open_record.is_some() {
                        <p class="tf-note" role="alert">{ p.record_not_found }</p>
                    }
                    <div class="tf-result-area" hidden={detail.is_some()}>
                        <ResultList {lang} cards={Rc::clone(&answer.cards)} near_place={AttrValue::from(shown.range.near_place.trim().to_string())} saved={Rc::clone(&saved_ids)} {today}
                                    follow_ups={Rc::clone(&follow_ups)}
                                    heading_level={config.heading(2)} on_open={actions.open_record.clone()} on_toggle_save={actions.toggle_save.clone()}
                                    link_state={config.sync_url.then(|| Rc::new(shown.clone()))} />
                        <Pager {lang} page={shown.page} pages={answer.pages}
                               on_page={actions.set_page.clone()} />
                    </div>
                </section>
                // The printout first: the dated list, then the comparison on its own page.
                <PrintView {lang} saved={saved.clone()} {today} search={AttrValue::from(search_summary)} near_place={AttrValue::from(shown.range.near_place.trim().to_string())} heading_level={config.heading(1)} />
                <ShortlistPanel {lang} saved={saved.clone()} persistent={shortlist.persistent}
                    shareable={config.sync_url}
                    compare_ids={Rc::new(page_state.compare.clone())} {today} {mode} uid={uid}
                    heading_level={config.heading(1)} heading_ref={shortlist_heading.clone()} on_remove={actions.toggle_save.clone()}
                    on_toggle_compare={actions.toggle_compare.clone()} on_compare={actions.open_compare.clone()}
                    on_contact_all={actions.open_contact.clone()} on_follow_up={actions.set_follow_up.clone()} />
                if page_state.contact_open && !saved.cards.is_empty() {
                    <ContactAll {lang} cards={Rc::clone(&saved.cards)} records={records.clone()} {uid}
                                heading_level={config.heading(1)} on_close={actions.close_contact.clone()} />
                }
                if page_state.compare_open && !compared.is_empty() {
                    <Comparison {lang} saved={SavedSet { cards: Rc::new(compared), ..saved.clone() }}
                                near_place={AttrValue::from(shown.range.near_place.trim().to_string())}
                                {today} heading_level={config.heading(1)} {uid}
                                on_close={actions.close_compare.clone()} />
                }
                }
            </div>
        </div>
    };
    html! {
        <ContextProvider<AppTitle> context={app_title}>{ page }</ContextProvider<AppTitle>>
    }
}
