//! Every string the interface shows, Danish first and English second, in one place.
//!
//! Fixed strings live in one [`Texts`] table per language; strings with numbers or dates in them
//! are functions here too, so that plural forms, thousands separators and date formats are
//! decided in one file. Catalogue vocabulary values (target groups, legal bases, offer types,
//! foster-family types, facet values) come from the index with their Danish labels; in English
//! they are shown from the English table beside the Danish one (`catalogue::vocab_en`) through
//! [`label`], [`legal_basis`], [`card_kind`] and [`facet_value`]. The catalogue's own text
//! (names, descriptions, methods, staff groups, competences) is shown as written.

use catalogue::freshness::{Freshness, Part};
use catalogue::vocab::{
    ApprovalScope, ApprovalStatus, Authority, CareKind, CitizenTerms, FosterFamilyType,
    InspectionKind, LegalBasis, OfferType, Ownership, PriceBasis, RateUnit, Region, SanctionKind,
    ServiceKind, TargetGroup, TargetGroupGroup,
};
use catalogue::vocab_en::Labels;
use catalogue::Date;
use tilbudsfinder_index::facets::FilterRefusal;
use tilbudsfinder_index::price::to_oere;
use tilbudsfinder_index::query::{Card, CardPrice, Constraint, Mode, PricePosition, Sort};

use crate::shortlist::ContactStatus;

/// Interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Danish, the default.
    #[default]
    Da,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// The fixed strings of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Da => &DA,
            Lang::En => &EN,
        }
    }
}

/// The fixed strings of one language.
pub struct Texts {
    pub app_title_offers: &'static str,
    pub app_title_families: &'static str,
    pub search_label_offers: &'static str,
    pub search_label_families: &'static str,
    pub search_hint: &'static str,
    pub search_hint_families: &'static str,
    pub mode_legend: &'static str,
    pub mode_offers: &'static str,
    pub mode_families: &'static str,
    pub filters_heading: &'static str,
    pub filters_toggle: &'static str,
    pub show_more: &'static str,
    pub show_fewer: &'static str,
    pub show_children: &'static str,
    pub age_offers: &'static str,
    pub age_families: &'static str,
    pub age_hint: &'static str,
    pub near_legend: &'static str,
    pub near_place: &'static str,
    pub near_place_hint: &'static str,
    pub near_radius: &'static str,
    pub near_any_radius: &'static str,
    pub near_unknown: &'static str,
    pub price_legend: &'static str,
    pub price_basis: &'static str,
    pub price_min: &'static str,
    pub price_max: &'static str,
    pub free_only: &'static str,
    pub updated_within: &'static str,
    pub updated_any: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub reset_filters: &'static str,
    pub sort_label: &'static str,
    pub results_heading: &'static str,
    pub loading_index: &'static str,
    pub loading_more: &'static str,
    /// Said once when filters from the link or the embedding page were left out (unknown to the
    /// index, or too many), before the list of which ([`filter_refused`]).
    pub url_filters_dropped: &'static str,
    pub pager_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page: &'static str,
    pub current_page: &'static str,
    pub show_details: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub ages: &'static str,
    pub no_price: &'static str,
    pub free_not_reported: &'static str,
    pub stale_warning: &'static str,
    /// The card's and the detail view's link that writes to the supervising authority.
    pub report_error: &'static str,
    /// The comparison's cell when no påbud, skærpet tilsyn or ophør stands.
    pub no_sanctions: &'static str,
    pub paused: &'static str,
    pub back_to_results: &'static str,
    pub detail_loading: &'static str,
    pub shortlist_heading: &'static str,
    pub shortlist_empty: &'static str,
    pub shortlist_remove: &'static str,
    pub shortlist_export: &'static str,
    pub shortlist_no_storage: &'static str,
    pub compare: &'static str,
    pub compare_heading: &'static str,
    pub compare_hint: &'static str,
    pub compare_close: &'static str,
    pub field: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub error_reload: &'static str,
    pub facet_other: &'static str,
    pub detail: DetailTexts,
    /// The button that tries a failed fetch again.
    pub retry: &'static str,
}

/// Labels of the detail view and the comparison table.
pub struct DetailTexts {
    pub description: &'static str,
    pub kind: &'static str,
    pub legal_bases: &'static str,
    pub owner: &'static str,
    pub cvr: &'static str,
    pub ownership: &'static str,
    pub operating_agreement: &'static str,
    pub departments: &'static str,
    pub p_number: &'static str,
    pub contact: &'static str,
    pub leader: &'static str,
    pub contact_person: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub website: &'static str,
    pub supervision: &'static str,
    pub authority: &'static str,
    pub approval: &'static str,
    pub approved: &'static str,
    pub marking: &'static str,
    pub places: &'static str,
    pub places_total: &'static str,
    pub free_places: &'static str,
    pub occupancy: &'static str,
    pub services: &'static str,
    pub target_groups: &'static str,
    pub rates: &'static str,
    pub addon: &'static str,
    pub rent: &'static str,
    pub deposit: &'static str,
    pub approach: &'static str,
    pub methods: &'static str,
    pub staff_groups: &'static str,
    pub staffing_ratio: &'static str,
    pub quality: &'static str,
    pub updated: &'static str,
    pub updated_general: &'static str,
    pub updated_places: &'static str,
    pub updated_services: &'static str,
    pub updated_economy: &'static str,
    pub updated_approach: &'static str,
    pub family_type: &'static str,
    pub approval_scope: &'static str,
    pub approved_for: &'static str,
    pub respite_days: &'static str,
    pub emergency: &'static str,
    pub parent_child: &'static str,
    pub children_approved: &'static str,
    pub children_placed: &'static str,
    pub own_children: &'static str,
    pub pause: &'static str,
    pub competences: &'static str,
    pub location: &'static str,
    pub price: &'static str,
    pub place: &'static str,
    pub about: &'static str,
    /// Heading of a foster family's general section.
    pub about_family: &'static str,
    pub price_position: &'static str,
    pub sanctions: &'static str,
    pub latest_inspection: &'static str,
    pub inspection_report: &'static str,
    pub approval_report: &'static str,
    pub approval_lapse: &'static str,
    /// "Meld en fejl i …": the list of parts in the detail view.
    pub report_error_in: &'static str,
    /// The part of a record that is neither free places, price nor supervision.
    pub other_information: &'static str,
    pub children_in_home: &'static str,
    /// Heading of the organisation's identifiers (owner, CVR, P-numbers), shown last.
    pub organisation: &'static str,
    pub address: &'static str,
    /// The link text of a department's map link.
    pub show_on_map: &'static str,
    /// What the citizen pays (free treatment), beside the rates.
    pub citizen_price: &'static str,
    /// The rates of a service that is free for the citizen: what the municipality pays.
    pub rates_paid_by_municipality: &'static str,
    /// Free places of an offer a citizen turns to directly, which reports none.
    pub direct_access_places: &'static str,
    /// "For hvem": the target groups and ages of the lead.
    pub for_whom: &'static str,
}

static DA: Texts = Texts {
    app_title_offers: "Find et socialt tilbud",
    app_title_families: "Find en plejefamilie",
    search_label_offers: "Søg i tilbud",
    search_label_families: "Søg i plejefamilier",
    search_hint: "Navn, by, målgruppe, metode …",
    search_hint_families: "By, målgruppe, kompetence …",
    mode_legend: "Søg efter",
    mode_offers: "Tilbud",
    mode_families: "Plejefamilier",
    filters_heading: "Filtre",
    filters_toggle: "Vis filtre",
    show_more: "Vis flere",
    show_fewer: "Vis færre",
    show_children: "Vis underpunkter for",
    age_offers: "Borgerens alder (år)",
    age_families: "Barnets alder (år)",
    age_hint: "Viser kun tilbud, der tager imod denne alder.",
    near_legend: "Afstand",
    near_place: "Kommune eller postnummer",
    near_place_hint: "Fx Aarhus eller 8000",
    near_radius: "Inden for",
    near_any_radius: "Alle afstande",
    near_unknown: "Stedet kendes ikke. Skriv et kommunenavn eller et postnummer med fire cifre.",
    price_legend: "Pris",
    price_basis: "Pris pr.",
    price_min: "Fra kr.",
    price_max: "Til kr.",
    free_only: "Kun med ledige pladser",
    updated_within: "Opdateret inden for",
    updated_any: "Uanset hvornår",
    active_filters: "Aktive filtre",
    remove_filter: "Fjern filter:",
    reset_filters: "Nulstil filtre",
    sort_label: "Sortér efter",
    results_heading: "Resultater",
    loading_index: "Indlæser søgeindekset",
    loading_more: "Henter resten af søgeindekset …",
    url_filters_dropped: "Nogle af de valgte filtre findes ikke i søgningen og er udeladt. Resten af søgningen gælder.",
    pager_label: "Sider",
    previous_page: "Forrige side",
    next_page: "Næste side",
    page: "Side",
    current_page: "nuværende side",
    show_details: "Vis detaljer",
    save: "Gem",
    saved: "Gemt",
    ages: "Alder",
    no_price: "Ingen takst oplyst",
    free_not_reported: "Ledige pladser ikke meldt",
    stale_warning:
        "Dele af oplysningerne er over et år gamle. Kontakt tilbuddet for at få dem bekræftet.",
    report_error: "Meld en fejl",
    no_sanctions: "Ingen påbud eller skærpet tilsyn",
    paused: "Holder pause",
    back_to_results: "Tilbage til resultaterne",
    detail_loading: "Henter alle oplysninger …",
    shortlist_heading: "Gemte",
    shortlist_empty:
        "Du har ikke gemt noget endnu. Brug knappen \u{201c}Gem\u{201d} på et resultat.",
    shortlist_remove: "Fjern fra gemte:",
    shortlist_export: "Eksportér som CSV",
    shortlist_no_storage:
        "Din browser tillader ikke at gemme. Listen forsvinder, når du lukker siden.",
    compare: "Sammenlign",
    compare_heading: "Sammenligning",
    compare_hint: "\u{201c}Sammenlign\u{201d} viser alle gemte (op til otte). Sæt flueben for kun at sammenligne nogle af dem.",
    compare_close: "Luk sammenligning",
    field: "Oplysning",
    yes: "Ja",
    no: "Nej",
    none: "Ikke oplyst",
    error_reload: "Genindlæs siden; hjælper det ikke, så kontakt webstedets redaktør.",
    facet_other: "Andre",
    detail: DetailTexts {
        description: "Beskrivelse",
        kind: "Type",
        legal_bases: "Juridisk grundlag",
        owner: "Juridisk ejer",
        cvr: "CVR-nummer",
        ownership: "Ejerform",
        operating_agreement: "Driftsoverenskomst med",
        departments: "Afdelinger",
        p_number: "P-nummer",
        contact: "Kontakt",
        leader: "Leder",
        contact_person: "Kontaktperson",
        phone: "Telefon",
        email: "E-mail",
        website: "Hjemmeside",
        supervision: "Tilsyn og godkendelse",
        authority: "Tilsyn",
        approval: "Godkendelse",
        approved: "Senest godkendt",
        marking: "Markering fra tilsynet",
        places: "Pladser",
        places_total: "Pladser i alt",
        free_places: "Ledige pladser",
        occupancy: "Forudsat belægningsprocent",
        services: "Indsatser",
        target_groups: "Målgrupper",
        rates: "Takster",
        addon: "tillægstakst",
        rent: "Egenbetaling (husleje pr. måned)",
        deposit: "Depositum",
        approach: "Faglig tilgang",
        methods: "Metoder",
        staff_groups: "Faggrupper",
        staffing_ratio: "Normering (ansatte pr. plads)",
        quality: "Tilsynets kvalitetsvurdering (1–5)",
        updated: "Senest opdateret",
        updated_general: "Generelle oplysninger",
        updated_places: "Pladser",
        updated_services: "Indsatser og målgrupper",
        updated_economy: "Økonomi",
        updated_approach: "Faglig tilgang",
        family_type: "Type",
        approval_scope: "Godkendelse",
        approved_for: "Godkendt til",
        respite_days: "Støtteophold, døgn pr. måned",
        emergency: "Modtager akutanbringelser",
        parent_child: "Modtager forælder og barn",
        children_approved: "Godkendt til antal børn",
        children_placed: "Anbragte børn nu",
        own_children: "Egne børn hjemme",
        pause: "Pause",
        competences: "Kompetencer",
        location: "Beliggenhed",
        price: "Pris",
        place: "Sted",
        about: "Om tilbuddet",
        about_family: "Om familien",
        price_position: "Prisniveau",
        sanctions: "Påbud, skærpet tilsyn og vilkår",
        latest_inspection: "Seneste tilsyn",
        inspection_report: "Tilsynsrapport",
        approval_report: "Godkendelsesrapport",
        approval_lapse: "Ubenyttet godkendelse",
        report_error_in: "Meld en fejl i",
        other_information: "Øvrige oplysninger",
        children_in_home: "Børn i hjemmet (alder)",
        organisation: "Organisation",
        address: "Adresse",
        show_on_map: "Vis på kort (OpenStreetMap)",
        citizen_price: "Pris for borgeren",
        rates_paid_by_municipality: "Takster (betales af kommunen)",
        direct_access_places: "Melder ikke ledige pladser: henvend dig direkte",
        for_whom: "For hvem",
    },
    retry: "Prøv igen",
};

static EN: Texts = Texts {
    app_title_offers: "Find a social care offer",
    app_title_families: "Find a foster family",
    search_label_offers: "Search offers",
    search_label_families: "Search foster families",
    search_hint: "Name, town, target group, method …",
    search_hint_families: "Town, target group, competence …",
    mode_legend: "Search for",
    mode_offers: "Offers",
    mode_families: "Foster families",
    filters_heading: "Filters",
    filters_toggle: "Show filters",
    show_more: "Show more",
    show_fewer: "Show fewer",
    show_children: "Show sub-items of",
    age_offers: "Age of the citizen (years)",
    age_families: "Age of the child (years)",
    age_hint: "Shows only offers that accept this age.",
    near_legend: "Distance",
    near_place: "Municipality or postal code",
    near_place_hint: "E.g. Aarhus or 8000",
    near_radius: "Within",
    near_any_radius: "Any distance",
    near_unknown: "Unknown place. Enter a municipality name or a four-digit postal code.",
    price_legend: "Price",
    price_basis: "Price per",
    price_min: "From DKK",
    price_max: "To DKK",
    free_only: "Only with free places",
    updated_within: "Updated within",
    updated_any: "Any time",
    active_filters: "Active filters",
    remove_filter: "Remove filter:",
    reset_filters: "Reset filters",
    sort_label: "Sort by",
    results_heading: "Results",
    loading_index: "Loading the search index",
    loading_more: "Fetching the rest of the search index …",
    url_filters_dropped: "Some of the chosen filters do not exist in the search and were left out. The rest of the search applies.",
    pager_label: "Pages",
    previous_page: "Previous page",
    next_page: "Next page",
    page: "Page",
    current_page: "current page",
    show_details: "Show details",
    save: "Save",
    saved: "Saved",
    ages: "Ages",
    no_price: "No rate given",
    free_not_reported: "Free places not reported",
    stale_warning: "Parts of this information are more than a year old. Contact the offer to have them confirmed.",
    report_error: "Report an error",
    no_sanctions: "No order or enhanced supervision",
    paused: "On pause",
    back_to_results: "Back to the results",
    detail_loading: "Fetching all details …",
    shortlist_heading: "Saved",
    shortlist_empty: "Nothing saved yet. Use the \u{201c}Save\u{201d} button on a result.",
    shortlist_remove: "Remove from saved:",
    shortlist_export: "Export as CSV",
    shortlist_no_storage: "Your browser does not allow saving. The list is lost when you close the page.",
    compare: "Compare",
    compare_heading: "Comparison",
    compare_hint: "\u{201c}Compare\u{201d} shows every saved record (up to eight). Tick some to compare only those.",
    compare_close: "Close comparison",
    field: "Field",
    yes: "Yes",
    no: "No",
    none: "Not given",
    error_reload: "Reload the page; if that does not help, contact the site's editor.",
    facet_other: "Other",
    detail: DetailTexts {
        description: "Description",
        kind: "Type",
        legal_bases: "Legal basis",
        owner: "Legal owner",
        cvr: "CVR number",
        ownership: "Ownership",
        operating_agreement: "Operating agreement with",
        departments: "Departments",
        p_number: "P number",
        contact: "Contact",
        leader: "Leader",
        contact_person: "Contact person",
        phone: "Phone",
        email: "E-mail",
        website: "Website",
        supervision: "Supervision and approval",
        authority: "Supervised by",
        approval: "Approval",
        approved: "Last approved",
        marking: "Marking by the authority",
        places: "Places",
        places_total: "Places in total",
        free_places: "Free places",
        occupancy: "Assumed occupancy rate",
        services: "Services",
        target_groups: "Target groups",
        rates: "Rates",
        addon: "add-on rate",
        rent: "Own payment (rent per month)",
        deposit: "Deposit",
        approach: "Professional approach",
        methods: "Methods",
        staff_groups: "Staff groups",
        staffing_ratio: "Staffing ratio (staff per place)",
        quality: "The authority's quality scores (1–5)",
        updated: "Last updated",
        updated_general: "General information",
        updated_places: "Places",
        updated_services: "Services and target groups",
        updated_economy: "Economy",
        updated_approach: "Professional approach",
        family_type: "Type",
        approval_scope: "Approval",
        approved_for: "Approved for",
        respite_days: "Respite (støtteophold), days per month",
        emergency: "Takes emergency placements",
        parent_child: "Takes parent and child",
        children_approved: "Approved for children",
        children_placed: "Children placed now",
        own_children: "Own children at home",
        pause: "Pause",
        competences: "Competences",
        location: "Location",
        price: "Price",
        place: "Place",
        about: "About",
        about_family: "About the family",
        price_position: "Price level",
        sanctions: "Orders, enhanced supervision and conditions",
        latest_inspection: "Latest inspection",
        inspection_report: "Inspection report",
        approval_report: "Approval report",
        approval_lapse: "Unused approval",
        report_error_in: "Report an error in",
        other_information: "Other information",
        children_in_home: "Children in the home (ages)",
        organisation: "Organisation",
        address: "Address",
        show_on_map: "Show on map (OpenStreetMap)",
        citizen_price: "Cost to the citizen",
        rates_paid_by_municipality: "Rates (paid by the municipality)",
        direct_access_places: "Does not report free places: contact them directly",
        for_whom: "For whom",
    },
    retry: "Try again",
};

/// The legend of a facet group, by the facet's stable name: its label in the index's facet
/// table ([`tilbudsfinder_index::facets::FACETS`]), where every facet has both languages.
pub fn facet_legend(lang: Lang, facet: &str) -> &'static str {
    match tilbudsfinder_index::facets::facet_named(facet) {
        Some(facet) => pick(lang, facet.label.da, facet.label.en),
        None => pick(lang, "Andet", "Other"),
    }
}

/// The name of a sort order in the sort select.
pub fn sort_label(lang: Lang, sort: Sort) -> &'static str {
    let (da, en) = match sort {
        Sort::Relevance => ("Relevans", "Relevance"),
        Sort::PriceAsc => ("Pris, laveste først", "Price, lowest first"),
        Sort::PriceDesc => ("Pris, højeste først", "Price, highest first"),
        Sort::Distance => ("Afstand, nærmeste først", "Distance, nearest first"),
        Sort::FreePlaces => ("Flest ledige pladser", "Most free places"),
        Sort::Updated => ("Senest opdateret", "Most recently updated"),
        Sort::Name => ("Navn", "Name"),
    };
    pick(lang, da, en)
}

/// The relevance order's label: without text and with a place, relevance is "nearest first".
pub fn relevance_label(lang: Lang, nearest_first: bool) -> &'static str {
    if nearest_first {
        pick(lang, "Relevans: nærmeste først", "Relevance: nearest first")
    } else {
        sort_label(lang, Sort::Relevance)
    }
}

/// The legend of the switch that combines a facet's ticked values with AND or OR.
pub fn combine_legend(lang: Lang, facet: &str) -> String {
    match lang {
        Lang::Da => format!(
            "Kombinér valgte ({})",
            facet_legend(lang, facet).to_lowercase()
        ),
        Lang::En => format!(
            "Combine chosen ({})",
            facet_legend(lang, facet).to_lowercase()
        ),
    }
}

/// The two choices of that switch: (any, all).
pub fn combine_choices(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Da => ("Mindst én af dem", "Alle valgte"),
        Lang::En => ("At least one of them", "All chosen"),
    }
}

/// Which filter from the link or the embedding page was left out, and why: "»kommun« er ikke et
/// filter i denne søgning." The names are the outsider's text, shown as text only.
pub fn filter_refused(lang: Lang, refusal: &FilterRefusal) -> String {
    match (refusal, lang) {
        (FilterRefusal::Facet(unknown), Lang::Da) => {
            format!("»{}« er ikke et filter i denne søgning.", unknown.name)
        }
        (FilterRefusal::Facet(unknown), Lang::En) => {
            format!("“{}” is not a filter of this search.", unknown.name)
        }
        (FilterRefusal::Value { facet, value }, Lang::Da) => {
            format!("{} har ingen værdi »{value}«.", facet_legend(lang, facet))
        }
        (FilterRefusal::Value { facet, value }, Lang::En) => {
            format!("{} has no value “{value}”.", facet_legend(lang, facet))
        }
    }
}

/// The word between two chips of one facet: "og" when all must hold, "eller" when one must.
pub fn joiner(lang: Lang, all: bool) -> &'static str {
    match (lang, all) {
        (Lang::Da, true) => "og",
        (Lang::Da, false) => "eller",
        (Lang::En, true) => "and",
        (Lang::En, false) => "or",
    }
}

/// When no record matches every word: what is shown instead.
pub fn dropped_words(lang: Lang, mode: Mode, words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("«{w}»")).collect();
    let list = match (lang, quoted.as_slice()) {
        (_, [one]) => one.clone(),
        (Lang::Da, [rest @ .., last]) => format!("{} og {last}", rest.join(", ")),
        (Lang::En, [rest @ .., last]) => format!("{} and {last}", rest.join(", ")),
        (_, []) => String::new(),
    };
    match (lang, mode) {
        (Lang::Da, Mode::Offers) => {
            format!("Ingen tilbud matcher alle ordene. Viser tilbud, der matcher uden {list}.")
        }
        (Lang::Da, Mode::FosterFamilies) => format!(
            "Ingen plejefamilier matcher alle ordene. Viser plejefamilier, der matcher uden {list}."
        ),
        (Lang::En, Mode::Offers) => {
            format!("No offer matches every word. Showing offers that match without {list}.")
        }
        (Lang::En, Mode::FosterFamilies) => format!(
            "No foster family matches every word. Showing foster families that match without {list}."
        ),
    }
}

/// "Mente du" before a spelling suggestion.
pub fn did_you_mean(lang: Lang) -> &'static str {
    pick(lang, "Mente du:", "Did you mean:")
}

/// Above the filters that emptied the result.
pub fn relax_heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "Ingen matcher alle filtrene. Fjern et filter:",
        "Nothing matches every filter. Remove one:",
    )
}

/// A filter that could be removed, by what it filters on.
pub fn constraint_label(lang: Lang, constraint: &Constraint) -> String {
    let (da, en) = match constraint {
        Constraint::Facet(facet) => return facet_legend(lang, facet).to_string(),
        Constraint::Age => ("Alder", "Age"),
        Constraint::Price => ("Pris", "Price"),
        Constraint::FreePlaces => ("Ledige pladser", "Free places"),
        Constraint::Distance => ("Afstand", "Distance"),
        Constraint::Updated => ("Opdateret inden for", "Updated within"),
    };
    pick(lang, da, en).to_string()
}

/// The button that removes one filter of an empty result: "Fjern Kommune: 32 tilbud".
pub fn relax_button(lang: Lang, mode: Mode, constraint: &Constraint, total: u32) -> String {
    let what = constraint_label(lang, constraint);
    let gives = show_results(lang, mode, total);
    match lang {
        Lang::Da => format!("Fjern {what} ({})", gives.to_lowercase()),
        Lang::En => format!("Remove {what} ({})", gives.to_lowercase()),
    }
}

/// The unit of a normalised price, for selects ("døgn", "time", "forløb").
pub fn basis_label(lang: Lang, basis: PriceBasis) -> &'static str {
    let (da, en) = match basis {
        PriceBasis::PerDay => ("døgn / dag", "day"),
        PriceBasis::PerHour => ("time", "hour"),
        PriceBasis::PerCourse => ("forløb", "course"),
    };
    pick(lang, da, en)
}

/// "N tilbud fundet" / "Ingen plejefamilier fundet".
pub fn found(lang: Lang, mode: Mode, total: u32) -> String {
    let n = number(lang, f64::from(total), 0);
    match (lang, mode, total) {
        (Lang::Da, Mode::Offers, 0) => "Ingen tilbud fundet".into(),
        (Lang::Da, Mode::Offers, _) => format!("{n} tilbud fundet"),
        (Lang::Da, Mode::FosterFamilies, 0) => "Ingen plejefamilier fundet".into(),
        (Lang::Da, Mode::FosterFamilies, 1) => "1 plejefamilie fundet".into(),
        (Lang::Da, Mode::FosterFamilies, _) => format!("{n} plejefamilier fundet"),
        (Lang::En, Mode::Offers, 0) => "No offers found".into(),
        (Lang::En, Mode::Offers, 1) => "1 offer found".into(),
        (Lang::En, Mode::Offers, _) => format!("{n} offers found"),
        (Lang::En, Mode::FosterFamilies, 0) => "No foster families found".into(),
        (Lang::En, Mode::FosterFamilies, 1) => "1 foster family found".into(),
        (Lang::En, Mode::FosterFamilies, _) => format!("{n} foster families found"),
    }
}

/// "Vis 12 tilbud" on the button that closes the filter panel on a phone.
pub fn show_results(lang: Lang, mode: Mode, total: u32) -> String {
    let n = number(lang, f64::from(total), 0);
    match (lang, mode) {
        (Lang::Da, Mode::Offers) => format!("Vis {n} tilbud"),
        (Lang::Da, Mode::FosterFamilies) if total == 1 => "Vis 1 plejefamilie".to_string(),
        (Lang::Da, Mode::FosterFamilies) => format!("Vis {n} plejefamilier"),
        (Lang::En, Mode::Offers) => format!("Show {n} offers"),
        (Lang::En, Mode::FosterFamilies) => format!("Show {n} foster families"),
    }
}

/// "Indlæser søgeindekset (0,4 af 1,1 MB) …": bytes of the initial files, as they arrive.
pub fn loading_progress(lang: Lang, done: u64, total: u64) -> String {
    let base = lang.texts().loading_index;
    let mb = |bytes: u64| number(lang, bytes as f64 / 1_000_000.0, 1);
    match (lang, total) {
        (_, 0) => format!("{base} …"),
        (Lang::Da, _) => format!("{base} ({} af {} MB) …", mb(done), mb(total)),
        (Lang::En, _) => format!("{base} ({} of {} MB) …", mb(done), mb(total)),
    }
}

/// A number with the language's thousands separator and `decimals` decimals.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let (thousands, decimal) = match lang {
        Lang::Da => ('.', ','),
        Lang::En => (',', '.'),
    };
    // A whole number (a count, a rounded price) is written as an integer: exact-precision float
    // formatting is slow in the size-optimised wasm (its big-number fallback; issue 13's trace
    // of a facet tick: about 3 ms a task at 4x CPU, for the counts of the facet rows).
    let text = if decimals == 0 && value.fract() == 0.0 && value.abs() < 1e15 {
        (value.abs() as u64).to_string()
    } else {
        format!("{:.*}", decimals, value.abs())
    };
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    let sign = if value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "-"
    } else {
        ""
    };
    match frac_part {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// "2.450 kr. pr. døgn" for a normalised price. Per-day prices read "pr. døgn" when the rate
/// was a døgntakst (`per_24h`) and "pr. dag" otherwise (day offers, monthly rates).
pub fn price(lang: Lang, amount: f64, basis: PriceBasis, per_24h: bool) -> String {
    let n = number(lang, amount.round(), 0);
    let unit = match (lang, basis) {
        (Lang::Da, PriceBasis::PerDay) if per_24h => "pr. døgn",
        (Lang::Da, PriceBasis::PerDay) => "pr. dag",
        (Lang::Da, PriceBasis::PerHour) => "pr. time",
        (Lang::Da, PriceBasis::PerCourse) => "pr. forløb",
        (Lang::En, PriceBasis::PerDay) if per_24h => "per 24 hours",
        (Lang::En, PriceBasis::PerDay) => "per day",
        (Lang::En, PriceBasis::PerHour) => "per hour",
        (Lang::En, PriceBasis::PerCourse) => "per course",
    };
    match lang {
        Lang::Da => format!("{n} kr. {unit}"),
        Lang::En => format!("DKK {n} {unit}"),
    }
}

/// A card's normalised price with the unit its rate was given in.
pub fn card_price(lang: Lang, p: &CardPrice) -> String {
    price(lang, p.normalised, p.basis, p.unit == RateUnit::Per24Hours)
}

/// "18.500 kr. pr. måned" for a rate as the offer gave it, to the øre. One rounding rule for
/// every amount shown: the index's ([`to_oere`], half away from zero), so the detail never shows
/// 47.897,82 where the card, built from the stored øre, shows 47.897,83.
pub fn rate(lang: Lang, amount: f64, unit: RateUnit) -> String {
    let oere = to_oere(amount);
    let n = number(
        lang,
        oere as f64 / 100.0,
        if oere % 100 == 0 { 0 } else { 2 },
    );
    let unit_text = label(lang, unit);
    match lang {
        Lang::Da => format!("{n} kr. {unit_text}"),
        Lang::En => format!("DKK {n} {unit_text}"),
    }
}

/// How a monthly rate was turned into a daily one, shown next to the normalised price.
pub fn normalised_from(lang: Lang, amount: f64, unit: RateUnit, occupancy: Option<f64>) -> String {
    let given = rate(lang, amount, unit);
    let occ = occupancy.map(|o| number(lang, o, 0));
    match (lang, occ) {
        (Lang::Da, Some(o)) => format!("Takst: {given}, forudsat belægning {o} %"),
        (Lang::Da, None) => format!("Takst: {given}"),
        (Lang::En, Some(o)) => format!("Rate: {given}, assumed occupancy {o} %"),
        (Lang::En, None) => format!("Rate: {given}"),
    }
}

/// "Billigste fjerdedel blandt 212 sammenlignelige SEL § 108-tilbud (median 2.300 kr. pr. døgn)".
pub fn price_position(lang: Lang, position: &PricePosition, per_24h: bool) -> String {
    let quarter = match (lang, position.quarter) {
        (Lang::Da, 1) => "Billigste fjerdedel",
        (Lang::Da, 2) => "Næstbilligste fjerdedel",
        (Lang::Da, 3) => "Næstdyreste fjerdedel",
        (Lang::Da, _) => "Dyreste fjerdedel",
        (Lang::En, 1) => "Cheapest quarter",
        (Lang::En, 2) => "Second cheapest quarter",
        (Lang::En, 3) => "Second most expensive quarter",
        (Lang::En, _) => "Most expensive quarter",
    };
    let peers = number(lang, f64::from(position.peers), 0);
    let basis = position.legal_basis.short();
    let median = price(lang, position.median, position.basis, per_24h);
    match lang {
        Lang::Da => {
            format!("{quarter} blandt {peers} sammenlignelige {basis}-tilbud (median {median})")
        }
        Lang::En => format!("{quarter} among {peers} comparable {basis} offers (median {median})"),
    }
}

/// A date as 12.03.2026 (Danish) or 2026-03-12 (English).
pub fn date(lang: Lang, day: Date) -> String {
    let (y, m, d) = day.ymd();
    match lang {
        Lang::Da => format!("{d:02}.{m:02}.{y:04}"),
        Lang::En => format!("{y:04}-{m:02}-{d:02}"),
    }
}

/// "for 12 dage siden" / "i dag".
pub fn days_ago(lang: Lang, days: i32) -> String {
    match (lang, days) {
        (Lang::Da, d) if d <= 0 => "i dag".into(),
        (Lang::Da, 1) => "i går".into(),
        (Lang::Da, d) => format!("for {d} dage siden"),
        (Lang::En, d) if d <= 0 => "today".into(),
        (Lang::En, 1) => "yesterday".into(),
        (Lang::En, d) => format!("{d} days ago"),
    }
}

/// "Opdateret for 14 dage siden".
pub fn updated_ago(lang: Lang, days: i32) -> String {
    let ago = days_ago(lang, days);
    match lang {
        Lang::Da => format!("Opdateret {ago}"),
        Lang::En => format!("Updated {ago}"),
    }
}

/// "2 ledige pladser (meldt for 12 dage siden)".
pub fn free_places(lang: Lang, count: u32, reported_days_ago: Option<i32>) -> String {
    let places = match (lang, count) {
        (Lang::Da, 0) => "Ingen ledige pladser".to_string(),
        (Lang::Da, 1) => "1 ledig plads".to_string(),
        (Lang::Da, n) => format!("{n} ledige pladser"),
        (Lang::En, 0) => "No free places".to_string(),
        (Lang::En, 1) => "1 free place".to_string(),
        (Lang::En, n) => format!("{n} free places"),
    };
    match (lang, reported_days_ago) {
        (Lang::Da, Some(d)) => format!("{places} (meldt {})", days_ago(lang, d)),
        (Lang::En, Some(d)) => format!("{places} (reported {})", days_ago(lang, d)),
        (_, None) => places,
    }
}

/// A foster family's free places by kind: "Døgnanbringelse: ingen ledige pladser ·
/// Støtteophold: 2 ledige pladser (meldt for 3 dage siden)".
pub fn family_free_places(
    lang: Lang,
    placement: u32,
    respite: u32,
    reported_days_ago: Option<i32>,
) -> String {
    let count = |n: u32| {
        let text = free_places(lang, n, None);
        let mut chars = text.chars();
        chars
            .next()
            .map(|first| first.to_lowercase().chain(chars).collect())
            .unwrap_or(text)
    };
    let (placement, respite) = (count(placement), count(respite));
    let both = match lang {
        Lang::Da => format!("Døgnanbringelse: {placement} · Støtteophold: {respite}"),
        Lang::En => format!("Placement: {placement} · Respite (støtteophold): {respite}"),
    };
    match (lang, reported_days_ago) {
        (Lang::Da, Some(d)) => format!("{both} (meldt {})", days_ago(lang, d)),
        (Lang::En, Some(d)) => format!("{both} (reported {})", days_ago(lang, d)),
        (_, None) => both,
    }
}

/// The ages of the children living in a foster home: "3, 7 og 15 år" / "none".
pub fn children_ages(lang: Lang, ages: &[u8]) -> String {
    let listed: Vec<String> = ages.iter().map(u8::to_string).collect();
    match (lang, listed.as_slice()) {
        (Lang::Da, []) => "Ingen".into(),
        (Lang::En, []) => "None".into(),
        (Lang::Da, [one]) => format!("{one} år"),
        (Lang::En, [one]) => format!("{one} years"),
        (Lang::Da, [rest @ .., last]) => format!("{} og {last} år", rest.join(", ")),
        (Lang::En, [rest @ .., last]) => format!("{} and {last} years", rest.join(", ")),
    }
}

/// "Socialtilsynet har markeret, at oplysningerne kan være forkerte (12.03.2026)".
pub fn marked(lang: Lang, day: Date) -> String {
    let d = date(lang, day);
    match lang {
        Lang::Da => {
            format!("Socialtilsynet har markeret, at oplysningerne kan være forkerte ({d})")
        }
        Lang::En => {
            format!("The supervising authority has marked this information as possibly wrong ({d})")
        }
    }
}

/// "3–17 år".
pub fn age_range(lang: Lang, from: u8, to: u8) -> String {
    match lang {
        Lang::Da => format!("{from}–{to} år"),
        Lang::En => format!("{from}–{to} years"),
    }
}

/// "Holder pause til 01.02.2027".
pub fn paused_until(lang: Lang, until: Option<Date>) -> String {
    match (lang, until) {
        (Lang::Da, Some(d)) => format!("Holder pause til {}", date(lang, d)),
        (Lang::En, Some(d)) => format!("On pause until {}", date(lang, d)),
        (_, None) => lang.texts().paused.to_string(),
    }
}

/// "2,2 km fra Odense": the distance from the place the user gave (never "from here": it is
/// not the device's position).
/// `from` is `None` where the place is said already (the comparison's row header).
pub fn distance(lang: Lang, km: f64, from: Option<&str>) -> String {
    let n = number(lang, km, if km < 10.0 { 1 } else { 0 });
    match (lang, from) {
        (_, None) => format!("{n} km"),
        (Lang::Da, Some(place)) => format!("{n} km fra {place}"),
        (Lang::En, Some(place)) => format!("{n} km from {place}"),
    }
}

/// What the law promises the citizen: "Gratis og anonymt".
pub fn citizen_terms(lang: Lang, terms: CitizenTerms) -> &'static str {
    match (lang, terms) {
        (Lang::Da, CitizenTerms::Free) => "Gratis",
        (Lang::Da, CitizenTerms::FreeMayBeAnonymous) => "Gratis, og du kan være anonym",
        (Lang::Da, CitizenTerms::FreeAnonymous) => "Gratis og anonymt",
        (Lang::En, CitizenTerms::Free) => "Free",
        (Lang::En, CitizenTerms::FreeMayBeAnonymous) => "Free, and you may stay anonymous",
        (Lang::En, CitizenTerms::FreeAnonymous) => "Free and anonymous",
    }
}

/// "Kommunens takst: 32.860 kr. pr. forløb": a rate that the citizen does not pay.
pub fn municipality_rate(lang: Lang, given: &str) -> String {
    match lang {
        Lang::Da => format!("Kommunens takst: {given}"),
        Lang::En => format!("The municipality's rate: {given}"),
    }
}

/// "inden for 25 km" in the radius select and on chips.
pub fn within_km(lang: Lang, km: u32) -> String {
    match lang {
        Lang::Da => format!("{km} km"),
        Lang::En => format!("{km} km"),
    }
}

/// Chip texts for the non-facet filters.
pub fn chip_age(lang: Lang, age: u8) -> String {
    match lang {
        Lang::Da => format!("Alder {age} år"),
        Lang::En => format!("Age {age}"),
    }
}

/// "Højst 25 km fra Aarhus" / "Nær Aarhus".
pub fn chip_near(lang: Lang, place: &str, km: Option<u32>) -> String {
    match (lang, km) {
        (Lang::Da, Some(k)) => format!("Højst {k} km fra {place}"),
        (Lang::Da, None) => format!("Afstand fra {place}"),
        (Lang::En, Some(k)) => format!("Within {k} km of {place}"),
        (Lang::En, None) => format!("Distance from {place}"),
    }
}

/// "Pris pr. døgn 1.000–3.000 kr."
pub fn chip_price(lang: Lang, basis: PriceBasis, min: Option<u32>, max: Option<u32>) -> String {
    let b = basis_label(lang, basis);
    let fmt = |v: u32| number(lang, f64::from(v), 0);
    let range = match (min, max) {
        (Some(a), Some(z)) => format!("{}–{}", fmt(a), fmt(z)),
        (Some(a), None) => format!("≥ {}", fmt(a)),
        (None, Some(z)) => format!("≤ {}", fmt(z)),
        (None, None) => String::new(),
    };
    match lang {
        Lang::Da => format!("Pris pr. {b} {range} kr."),
        Lang::En => format!("Price per {b} DKK {range}"),
    }
}

/// The capacity table's columns of free-place reports that are not stale, and that are, by the
/// free-place freshness rule: "Meldt inden for 90 dage", "Meldt for over 90 dage siden".
pub fn capacity_reported(lang: Lang, stale: bool) -> String {
    let days = Part::FreePlaces.rule().stale_after_days;
    match (lang, stale) {
        (Lang::Da, false) => format!("Meldt inden for {days} dage"),
        (Lang::Da, true) => format!("Meldt for over {days} dage siden"),
        (Lang::En, false) => format!("Reported within {days} days"),
        (Lang::En, true) => format!("Reported over {days} days ago"),
    }
}

/// "Opdateret inden for 90 dage".
pub fn chip_updated(lang: Lang, days: u32) -> String {
    match lang {
        Lang::Da => format!("Opdateret inden for {}", period(lang, days)),
        Lang::En => format!("Updated within {}", period(lang, days)),
    }
}

/// A period of days in words, for the "updated within" select.
pub fn period(lang: Lang, days: u32) -> String {
    match (lang, days) {
        (Lang::Da, 30) => "30 dage".into(),
        (Lang::Da, 90) => "3 måneder".into(),
        (Lang::Da, 180) => "6 måneder".into(),
        (Lang::Da, 365) => "12 måneder".into(),
        (Lang::Da, d) => format!("{d} dage"),
        (Lang::En, 90) => "3 months".into(),
        (Lang::En, 180) => "6 months".into(),
        (Lang::En, 365) => "12 months".into(),
        (Lang::En, d) => format!("{d} days"),
    }
}

/// "Side 3 af 12".
pub fn page_of(lang: Lang, page: u32, pages: u32) -> String {
    match lang {
        Lang::Da => format!("Side {page} af {pages}"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// "Gem Bakkehuset" accessible names for per-card buttons.
pub fn with_name(prefix: &str, name: &str) -> String {
    format!("{prefix} {name}")
}

/// The capacity overview's fixed strings (issue 7).
pub struct CapacityTexts {
    pub view_legend: &'static str,
    pub view_search: &'static str,
    pub view_capacity: &'static str,
    pub title: &'static str,
    pub intro: &'static str,
    pub report_link: &'static str,
    pub by_group: &'static str,
    pub by_target: &'static str,
    pub by_region: &'static str,
    pub by_family_type: &'static str,
    pub by_age: &'static str,
    pub legend_places: &'static str,
    pub legend_free: &'static str,
    pub col_records_offers: &'static str,
    pub col_records_families: &'static str,
    pub col_places: &'static str,
    pub col_free: &'static str,
    pub col_unreported: &'static str,
    pub col_group: &'static str,
    pub col_region: &'static str,
    pub col_family_type: &'static str,
    pub col_age: &'static str,
    pub no_matches: &'static str,
    pub table_region: &'static str,
    /// The legend of the choice between residential, day and outpatient places.
    pub kind_legend: &'static str,
    /// Why that choice is there: the three kinds of place are never added up.
    pub kind_note: &'static str,
    pub by_basis: &'static str,
    pub col_basis: &'static str,
    /// Free places as a share of the places of the records that reported them.
    pub col_share: &'static str,
    /// The link under each table that downloads it as CSV.
    pub csv_link: &'static str,
    /// The start of the CSV files' names ("kapacitet-region.csv").
    pub csv_file: &'static str,
}

static CAPACITY_DA: CapacityTexts = CapacityTexts {
    view_legend: "Vis",
    view_search: "Søg",
    view_capacity: "Kapacitet",
    title: "Kapacitet: pladser og ledige pladser",
    intro: "Tallene gælder det, der passer til filtrene. Ledige pladser tælles kun, hvor de er meldt; hvor gamle meldingerne er, står i tabellerne.",
    report_link: "Se rapporten om datakvalitet",
    by_group: "Pladser efter målgruppe (overordnet)",
    by_target: "Pladser efter målgruppe",
    by_region: "Pladser efter region",
    by_family_type: "Pladser efter plejefamilietype",
    by_age: "Pladser efter alder, familien tager imod (aldersgrupperne overlapper)",
    legend_places: "Pladser i alt",
    legend_free: "Ledige pladser (meldt)",
    col_records_offers: "Tilbud",
    col_records_families: "Plejefamilier",
    col_places: "Pladser",
    col_free: "Ledige pladser",
    col_unreported: "Ikke meldt",
    col_group: "Målgruppe",
    col_region: "Region",
    col_family_type: "Type",
    col_age: "Alder",
    no_matches: "Ingen tilbud passer til filtrene, så der er ingen pladser at vise.",
    table_region: "Tabel, kan rulles vandret",
    kind_legend: "Slags pladser",
    kind_note: "Døgnpladser i botilbud, pladser i dagtilbud og ambulante behandlingspladser er ikke det samme og lægges aldrig sammen: vælg hvilke, der tælles. Et valg af tilbudstype i filtrene gælder ikke her.",
    by_basis: "Pladser efter juridisk grundlag",
    col_basis: "Juridisk grundlag",
    col_share: "Andel ledige (af meldte pladser)",
    csv_link: "Hent tabellen som CSV",
    csv_file: "kapacitet",
};

static CAPACITY_EN: CapacityTexts = CapacityTexts {
    view_legend: "Show",
    view_search: "Search",
    view_capacity: "Capacity",
    title: "Capacity: places and free places",
    intro: "The figures cover the records that match the filters. Free places are counted only where they were reported; how old the reports are is shown in the tables.",
    report_link: "See the data-quality report",
    by_group: "Places by target-group group",
    by_target: "Places by target group",
    by_region: "Places by region",
    by_family_type: "Places by foster-family type",
    by_age: "Places by accepted age (the age bands overlap)",
    legend_places: "Places in total",
    legend_free: "Free places (reported)",
    col_records_offers: "Offers",
    col_records_families: "Foster families",
    col_places: "Places",
    col_free: "Free places",
    col_unreported: "Not reported",
    col_group: "Target group",
    col_region: "Region",
    col_family_type: "Type",
    col_age: "Age",
    no_matches: "No records match the filters, so there are no places to show.",
    table_region: "Table, scrolls sideways",
    kind_legend: "Kind of places",
    kind_note: "Residential places, day places and outpatient treatment places are not alike and are never added up: choose which are counted. An offer type chosen in the filters does not apply here.",
    by_basis: "Places by legal basis",
    col_basis: "Legal basis",
    col_share: "Share free (of reported places)",
    csv_link: "Download the table as CSV",
    csv_file: "capacity",
};

/// The capacity overview's strings in a language.
pub fn capacity_texts(lang: Lang) -> &'static CapacityTexts {
    match lang {
        Lang::Da => &CAPACITY_DA,
        Lang::En => &CAPACITY_EN,
    }
}

/// "1.234 pladser, heraf 56 ledige" — the headline of the overview.
pub fn capacity_total(lang: Lang, mode: Mode, records: u32, places: u64, free: u64) -> String {
    let (r, p, f) = (
        number(lang, f64::from(records), 0),
        number(lang, places as f64, 0),
        number(lang, free as f64, 0),
    );
    match (lang, mode) {
        (Lang::Da, Mode::Offers) => format!("{r} tilbud med {p} pladser, heraf {f} meldt ledige"),
        (Lang::Da, Mode::FosterFamilies) => {
            format!("{r} plejefamilier godkendt til {p} børn, heraf {f} meldt ledige pladser")
        }
        (Lang::En, Mode::Offers) => {
            format!("{r} offers with {p} places, {f} of them reported free")
        }
        (Lang::En, Mode::FosterFamilies) => {
            format!("{r} foster families approved for {p} children, {f} places reported free")
        }
    }
}

/// The accessible summary of a capacity chart: its title and the largest rows in words.
pub fn capacity_chart_summary(lang: Lang, title: &str, rows: &[(String, u64, u64)]) -> String {
    let mut parts: Vec<String> = rows
        .iter()
        .map(|(label, places, free)| {
            let (p, f) = (
                number(lang, *places as f64, 0),
                number(lang, *free as f64, 0),
            );
            match lang {
                Lang::Da => format!("{label}: {p} pladser, {f} ledige"),
                Lang::En => format!("{label}: {p} places, {f} free"),
            }
        })
        .collect();
    if parts.is_empty() {
        parts.push(pick(lang, "ingen data", "no data").to_string());
    }
    format!("{title}. {}", parts.join("; "))
}

/// The splits of the capacity overview, for the sentence above each chart that says what it
/// counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacitySplit {
    Group,
    Target,
    Region,
    Basis,
    FamilyType,
    Age,
}

/// What a capacity chart counts, said above it: which rows overlap and which add up.
pub fn capacity_counted(lang: Lang, mode: Mode, split: CapacitySplit) -> &'static str {
    use CapacitySplit::*;
    match (lang, mode, split) {
        (Lang::Da, Mode::Offers, Group | Target) => "Et tilbud, der har flere målgrupper, tæller med i hver af dem, så rækkerne giver tilsammen mere end det samlede tal.",
        (Lang::Da, Mode::FosterFamilies, Group | Target) => "En plejefamilie, der har flere målgrupper, tæller med i hver af dem, så rækkerne giver tilsammen mere end det samlede tal.",
        (Lang::Da, Mode::Offers, Region) => "Hvert tilbud tæller én gang, i regionen for sin (første) adresse, så rækkerne giver tilsammen det samlede tal.",
        (Lang::Da, Mode::FosterFamilies, Region) => "Hver plejefamilie tæller én gang, i regionen for sin adresse, så rækkerne giver tilsammen det samlede tal.",
        (Lang::Da, _, Basis) => "Et tilbud, der har flere juridiske grundlag, tæller med alle sine pladser under hvert af dem, så rækkerne giver tilsammen mere end det samlede tal.",
        (Lang::Da, _, FamilyType) => "Hver plejefamilie tæller én gang, under sin type.",
        (Lang::Da, _, Age) => "En plejefamilie tæller med i hver aldersgruppe, de aldre, den tager imod, rører ved, så rækkerne giver tilsammen mere end det samlede tal.",
        (Lang::En, Mode::Offers, Group | Target) => "An offer serving several target groups counts in each, so the rows add up to more than the total.",
        (Lang::En, Mode::FosterFamilies, Group | Target) => "A foster family serving several target groups counts in each, so the rows add up to more than the total.",
        (Lang::En, Mode::Offers, Region) => "Each offer counts once, in the region of its (first) address, so the rows add up to the total.",
        (Lang::En, Mode::FosterFamilies, Region) => "Each foster family counts once, in the region of its address, so the rows add up to the total.",
        (Lang::En, _, Basis) => "An offer under several legal bases counts all its places under each, so the rows add up to more than the total.",
        (Lang::En, _, FamilyType) => "Each foster family counts once, under its type.",
        (Lang::En, _, Age) => "A foster family counts in every age band its accepted ages touch, so the rows add up to more than the total.",
    }
}

/// How far the free-place figure can be trusted, under the headline: who reported, how long
/// ago, and the share of free places among the places of those who reported.
pub fn capacity_reports(
    lang: Lang,
    mode: Mode,
    figures: &tilbudsfinder_index::CapacityFigures,
    fresh_days: u32,
) -> String {
    let n = |v: u64| number(lang, v as f64, 0);
    let reported = u64::from(figures.reported_fresh + figures.reported_stale);
    let (fresh, stale, never) = (
        n(u64::from(figures.reported_fresh)),
        n(u64::from(figures.reported_stale)),
        n(u64::from(figures.unreported)),
    );
    let share = figures
        .free_share()
        .map(|s| number(lang, s * 100.0, 1))
        .unwrap_or_else(|| "–".to_string());
    let records = n(u64::from(figures.records));
    match (lang, mode) {
        (Lang::Da, _) => format!(
            "{} af {records} har meldt ledige pladser: {fresh} inden for de seneste {fresh_days} dage, {stale} tidligere; {never} har aldrig meldt. Hos dem, der har meldt, er {share} % af pladserne ledige.",
            n(reported)
        ),
        (Lang::En, Mode::Offers) => format!(
            "{} of {records} offers reported free places: {fresh} within the last {fresh_days} days, {stale} earlier; {never} never reported. Among those that reported, {share} % of the places are free.",
            n(reported)
        ),
        (Lang::En, Mode::FosterFamilies) => format!(
            "{} of {records} families reported free places: {fresh} within the last {fresh_days} days, {stale} earlier; {never} never reported. Among those that reported, {share} % of the places are free.",
            n(reported)
        ),
    }
}

/// Strings of the way from a shortlist to a placement (issue 14): sharing, writing to everyone
/// saved, follow-ups, the full comparison and the printout.
pub struct PlacementTexts {
    pub share_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub contact_all: &'static str,
    pub contact_heading: &'static str,
    pub contact_intro: &'static str,
    pub contacts_loading: &'static str,
    pub subject: &'static str,
    pub body: &'static str,
    pub body_hint: &'static str,
    pub copy_addresses: &'static str,
    pub addresses_copied: &'static str,
    pub addresses: &'static str,
    pub download_vcard: &'static str,
    pub close: &'static str,
    pub template_subject_families: &'static str,
    pub template_body_families: &'static str,
    pub template_subject_offers: &'static str,
    pub template_body_offers: &'static str,
    pub template_about: &'static str,
    pub shared_address: &'static str,
    pub status: &'static str,
    pub status_since: &'static str,
    pub note: &'static str,
    pub label: &'static str,
    pub postal_code: &'static str,
    pub town: &'static str,
    pub municipality: &'static str,
    pub distance_km: &'static str,
    pub age_from: &'static str,
    pub age_to: &'static str,
    pub free_reported: &'static str,
    pub price_kr: &'static str,
    pub price_per: &'static str,
    pub peers: &'static str,
    pub print: &'static str,
    pub print_search: &'static str,
    pub print_no_filters: &'static str,
    pub print_sources: &'static str,
    pub source_offer: &'static str,
    pub source_authority: &'static str,
    pub source_quality: &'static str,
    pub source_index: &'static str,
    pub source_user: &'static str,
    pub quality_missing: &'static str,
    pub distance_from: &'static str,
    pub no_origin: &'static str,
    pub differs: &'static str,
    pub skip_to_results: &'static str,
    pub hide_filters: &'static str,
    pub saved_jump: &'static str,
    pub matches_because: &'static str,
    pub free_uncertain: &'static str,
    pub record_not_found: &'static str,
}

static PLACEMENT_DA: PlacementTexts = PlacementTexts {
    share_link: "Kopiér link til listen",
    link_copied: "Linket er kopieret. Det åbner søgningen og de gemte.",
    copy_failed: "Kunne ikke kopiere. Markér teksten og kopiér den selv.",
    contact_all: "Skriv til alle",
    contact_heading: "Skriv til alle gemte",
    contact_intro: "Beskeden åbnes i dit eget e-mailprogram med alle adresser som Bcc, så modtagerne ikke ser hinanden. Det, du skriver her, bliver på din enhed og sendes ingen andre steder hen.",
    contacts_loading: "Henter kontaktoplysninger …",
    subject: "Emne",
    body: "Besked",
    body_hint: "Skriv ikke navn, CPR-nummer eller andet, der kan genkende barnet eller borgeren.",
    copy_addresses: "Kopiér alle adresser",
    addresses_copied: "Adresserne er kopieret.",
    addresses: "Adresser",
    download_vcard: "Hent kontakter (vCard)",
    close: "Luk",
    template_subject_families: "Forespørgsel om plejefamilie",
    template_body_families: "Kære plejefamilie\n\nVi søger en plejefamilie og vil gerne høre, om I har plads og lyst.\n\nBarnets alder: \nBarnets behov: \nType anbringelse (døgn, støtteophold/aflastning, akut): \nForventet varighed: \nØnsket start: \n\nSkriv gerne tilbage, om I er interesserede, så fortæller vi mere.\n\nVenlig hilsen\n",
    template_subject_offers: "Forespørgsel om plads",
    template_about: "Det drejer sig om:",
    shared_address: "Nogle gemte har samme adresse (fx kommunens familiepleje); den står kun én gang, og beskeden nævner dem alle.",
    template_body_offers: "Kære tilbud\n\nVi søger en plads og vil gerne høre, om I har en ledig.\n\nBorgerens alder: \nBehov og målgruppe: \nType ophold og lovgrundlag: \nForventet varighed: \nØnsket start: \n\nSkriv gerne tilbage med pris og mulig start.\n\nVenlig hilsen\n",
    status: "Status",
    status_since: "Status sat",
    note: "Note",
    label: "Kendetegn",
    postal_code: "Postnummer",
    town: "By",
    municipality: "Kommune",
    distance_km: "Afstand (km)",
    age_from: "Alder fra",
    age_to: "Alder til",
    free_reported: "Ledige pladser meldt",
    price_kr: "Pris (kr.)",
    price_per: "Pris pr.",
    peers: "Sammenlignet med (antal tilbud)",
    print: "Udskriv eller gem som PDF",
    print_search: "Søgning",
    print_no_filters: "ingen filtre",
    print_sources: "Kilder: Pladser, priser og kontakt er tilbuddets egne oplysninger med den dato, de blev meldt. Godkendelse, markering og kvalitetsvurdering er socialtilsynets. Afstand og prisniveau er beregnet af Tilbudsfinder.",
    source_offer: "Kilde: tilbuddet",
    source_authority: "Kilde: socialtilsynet",
    source_quality: "Kilde: socialtilsynets kvalitetsvurdering",
    source_index: "Beregnet af Tilbudsfinder",
    source_user: "Dine egne noter",
    quality_missing: "Ikke vurderet",
    distance_from: "Afstand fra",
    no_origin: "Vælg et sted under \u{201c}Nær et sted\u{201d} for at se afstande.",
    differs: "Forskellig",
    skip_to_results: "Spring til resultaterne",
    hide_filters: "Skjul filtre",
    saved_jump: "Gemte",
    matches_because: "Matcher",
    free_uncertain: "usikkert",
    record_not_found: "Posten i linket findes ikke i søgeindekset.",
};

static PLACEMENT_EN: PlacementTexts = PlacementTexts {
    share_link: "Copy link to the list",
    link_copied: "The link has been copied. It opens the search and the saved records.",
    copy_failed: "Could not copy. Select the text and copy it yourself.",
    contact_all: "Write to all",
    contact_heading: "Write to everyone saved",
    contact_intro: "The message opens in your own e-mail program with every address in Bcc, so the recipients do not see each other. What you type here stays on your device and is sent nowhere else.",
    contacts_loading: "Fetching contact details …",
    subject: "Subject",
    body: "Message",
    body_hint: "Do not write a name, CPR number or anything else that identifies the child or citizen.",
    copy_addresses: "Copy all addresses",
    addresses_copied: "The addresses have been copied.",
    addresses: "Addresses",
    download_vcard: "Download contacts (vCard)",
    close: "Close",
    template_subject_families: "Inquiry about a foster family",
    template_body_families: "Dear foster family\n\nWe are looking for a foster family and would like to hear whether you have room and would be interested.\n\nThe child's age: \nThe child's needs: \nKind of placement (full-time, respite, emergency): \nExpected length: \nWished start: \n\nPlease write back if you are interested, and we will tell you more.\n\nKind regards\n",
    template_subject_offers: "Inquiry about a place",
    template_about: "This is about:",
    shared_address: "Some saved records share an address (such as the municipality's foster care unit); it is listed once, and the message names them all.",
    template_body_offers: "Dear offer\n\nWe are looking for a place and would like to hear whether you have one free.\n\nThe citizen's age: \nNeeds and target group: \nKind of stay and legal basis: \nExpected length: \nWished start: \n\nPlease write back with the price and a possible start.\n\nKind regards\n",
    status: "Status",
    status_since: "Status set",
    note: "Note",
    label: "Label",
    postal_code: "Postal code",
    town: "Town",
    municipality: "Municipality",
    distance_km: "Distance (km)",
    age_from: "Age from",
    age_to: "Age to",
    free_reported: "Free places reported",
    price_kr: "Price (DKK)",
    price_per: "Price per",
    peers: "Compared with (number of offers)",
    print: "Print or save as PDF",
    print_search: "Search",
    print_no_filters: "no filters",
    print_sources: "Sources: places, prices and contacts are the offer's own information, dated when reported. Approval, marking and quality scores are the supervising authority's. Distance and price level are computed by Tilbudsfinder.",
    source_offer: "Source: the offer",
    source_authority: "Source: the supervising authority",
    source_quality: "Source: the supervising authority's quality scores",
    source_index: "Computed by Tilbudsfinder",
    source_user: "Your own notes",
    quality_missing: "Not scored",
    distance_from: "Distance from",
    no_origin: "Choose a place under \u{201c}Near a place\u{201d} to see distances.",
    differs: "Differs",
    skip_to_results: "Skip to the results",
    hide_filters: "Hide filters",
    saved_jump: "Saved",
    matches_because: "Matches",
    free_uncertain: "uncertain",
    record_not_found: "The record in the link is not in the search index.",
};

/// The strings of the way from a shortlist to a placement.
pub fn placement_texts(lang: Lang) -> &'static PlacementTexts {
    match lang {
        Lang::Da => &PLACEMENT_DA,
        Lang::En => &PLACEMENT_EN,
    }
}

/// What tells a record apart where names repeat: a family's type, town, approved ages and id
/// ("Almen plejefamilie, Gentofte, 0–6 år · PF-00012"); an offer's name.
pub fn record_label(lang: Lang, card: &Card) -> String {
    match card.mode {
        Mode::FosterFamilies => format!(
            "{}, {}, {} · {}",
            card_kind(lang, card),
            card.city,
            age_range(lang, card.age_from, card.age_to),
            card.id
        ),
        Mode::Offers => card.name.clone(),
    }
}

/// The name of an inquiry's status.
pub fn contact_status(lang: Lang, status: ContactStatus) -> &'static str {
    let (da, en) = match status {
        ContactStatus::NotContacted => ("Ikke kontaktet", "Not contacted"),
        ContactStatus::Written => ("Skrevet", "Written"),
        ContactStatus::Answered => ("Svar modtaget", "Answered"),
        ContactStatus::Interested => ("Interesseret", "Interested"),
        ContactStatus::Declined => ("Afslået", "Declined"),
    };
    pick(lang, da, en)
}

/// "Skrevet 30.11.2026" on a saved card.
pub fn status_since(lang: Lang, status: ContactStatus, since: Option<Date>) -> String {
    let name = contact_status(lang, status);
    match since {
        Some(day) => format!("{name} {}", date(lang, day)),
        None => name.to_string(),
    }
}

/// "Åbn e-mail til 5 modtagere".
pub fn open_mail(lang: Lang, recipients: usize) -> String {
    match (lang, recipients) {
        (Lang::Da, 1) => "Åbn e-mail til 1 modtager".into(),
        (Lang::Da, n) => format!("Åbn e-mail til {n} modtagere"),
        (Lang::En, 1) => "Open an e-mail to 1 recipient".into(),
        (Lang::En, n) => format!("Open an e-mail to {n} recipients"),
    }
}

/// "Ingen e-mailadresse: A, B" under the recipients.
pub fn missing_email(lang: Lang, names: &[String]) -> String {
    let list = names.join(", ");
    match lang {
        Lang::Da => format!("Ingen brugbar e-mailadresse: {list}"),
        Lang::En => format!("No usable e-mail address: {list}"),
    }
}

/// The heading of a printout: "Gemte tilbud, udskrevet 30.11.2026".
pub fn printed_on(lang: Lang, what: &str, day: Date) -> String {
    match lang {
        Lang::Da => format!("{what}, udskrevet {}", date(lang, day)),
        Lang::En => format!("{what}, printed {}", date(lang, day)),
    }
}

/// "Gemte (5)": the jump to the shortlist near the top.
pub fn saved_count(lang: Lang, count: usize) -> String {
    format!("{} ({count})", placement_texts(lang).saved_jump)
}

/// A price line's peer group in one sentence: which legal basis, which target-group group,
/// which price basis and how many offers, and where the middle half lies.
pub fn peer_sentence(lang: Lang, position: &PricePosition, per_24h: bool) -> String {
    let basis = position.legal_basis.short();
    let group = label(lang, position.group);
    let unit = price(lang, position.median, position.basis, per_24h);
    let q1 = number(lang, position.q1.round(), 0);
    let q3 = number(lang, position.q3.round(), 0);
    let peers = number(lang, f64::from(position.peers), 0);
    match lang {
        Lang::Da => format!(
            "Sammenlignet med {peers} tilbud efter {basis} for målgruppen \u{201c}{group}\u{201d}, prisen omregnet til samme grundlag. Midterste pris {unit}; halvdelen ligger mellem {q1} og {q3} kr."
        ),
        Lang::En => format!(
            "Compared with {peers} offers under {basis} for the target group \u{201c}{group}\u{201d}, prices converted to the same basis. Median {unit}; half lie between DKK {q1} and {q3}."
        ),
    }
}

/// "7 ledige pladser (meldt for 412 dage siden, usikkert)": free places past the freshness rule.
pub fn uncertain(lang: Lang, base: String) -> String {
    let word = placement_texts(lang).free_uncertain;
    match base.strip_suffix(')') {
        Some(open) => format!("{open}, {word})"),
        None => format!("{base} ({word})"),
    }
}

fn pick(lang: Lang, da: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
}

/// The subject of a "Meld en fejl" e-mail.
pub fn report_error_subject(lang: Lang, name: &str, id: &str) -> String {
    match lang {
        Lang::Da => format!("Fejl i oplysninger: {name} ({id})"),
        Lang::En => format!("Wrong information: {name} ({id})"),
    }
}

/// What a "Meld en fejl" e-mail says about the record and the doubted part.
pub struct ReportErrorFacts<'a> {
    pub name: &'a str,
    pub id: &'a str,
    /// A link that finds the record.
    pub link: &'a str,
    /// The doubted part's name.
    pub part: &'a str,
    /// Its current value.
    pub value: &'a str,
    /// The date it was given.
    pub day: &'a str,
    /// No socialtilsyn address: the reader must send it to the municipality.
    pub to_municipality: bool,
}

/// The body of a "Meld en fejl" e-mail (lines end in `\n`), with room for what is wrong.
pub fn report_error_body(lang: Lang, f: &ReportErrorFacts<'_>) -> String {
    let (name, id, link, part, value, day) = (f.name, f.id, f.link, f.part, f.value, f.day);
    match lang {
        Lang::Da => format!(
            "Jeg mener, at en oplysning om dette tilbud er forkert.\n\n\
             Navn: {name}\nId: {id}\nLink: {link}\n\n\
             Oplysningen: {part}\nNuværende værdi: {value}\nDato for oplysningen: {day}\n\n\
             Hvad er forkert, og hvad er det rigtige?\n\n{}",
            if f.to_municipality {
                "(Send til den kommune, der har godkendt tilbuddet.)\n"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "I believe a piece of information about this record is wrong.\n\n\
             Name: {name}\nId: {id}\nLink: {link}\n\n\
             The information: {part}\nCurrent value: {value}\nDate of the information: {day}\n\n\
             What is wrong, and what is right?\n\n{}",
            if f.to_municipality {
                "(Send it to the municipality that approved the record.)\n"
            } else {
                ""
            }
        ),
    }
}

/// A sanction's kind in words.
pub fn sanction_kind(lang: Lang, kind: SanctionKind) -> &'static str {
    label(lang, kind)
}

/// "Skærpet tilsyn siden 01.09.2026" or "Påbud siden 01.09.2026, frist 01.12.2026".
pub fn sanction(lang: Lang, kind: SanctionKind, since: Date, deadline: Option<Date>) -> String {
    let name = sanction_kind(lang, kind);
    let since = date(lang, since);
    let deadline = deadline.map(|d| date(lang, d));
    match (lang, deadline) {
        (Lang::Da, None) => format!("{name} siden {since}"),
        (Lang::Da, Some(d)) => format!("{name} siden {since}, frist {d}"),
        (Lang::En, None) => format!("{name} since {since}"),
        (Lang::En, Some(d)) => format!("{name} since {since}, deadline {d}"),
    }
}

/// "lifted 01.03.2025" after a sanction that no longer stands.
pub fn sanction_lifted(lang: Lang, lifted: Date) -> String {
    match lang {
        Lang::Da => format!("ophævet {}", date(lang, lifted)),
        Lang::En => format!("lifted {}", date(lang, lifted)),
    }
}

/// "03.03.2026, uanmeldt".
pub fn inspection(lang: Lang, day: Date, kind: InspectionKind) -> String {
    let kind = label(lang, kind).to_lowercase();
    format!("{}, {kind}", date(lang, day))
}

/// "Godkendelsen bortfaldt 01.11.2026: ubenyttet" or "… bortfalder 01.11.2026, hvis den ikke
/// bliver brugt".
pub fn approval_lapse(lang: Lang, lapses_on: Date, lapsed: bool) -> String {
    let d = date(lang, lapses_on);
    match (lang, lapsed) {
        (Lang::Da, true) => format!("Godkendelsen bortfaldt {d}, fordi den ikke er brugt"),
        (Lang::Da, false) => format!("Godkendelsen bortfalder {d}, hvis den ikke bliver brugt"),
        (Lang::En, true) => format!("The approval lapsed on {d} for being unused"),
        (Lang::En, false) => format!("The approval lapses on {d} unless it is used"),
    }
}

/// A vocabulary value in the interface language (the English table is
/// [`catalogue::vocab_en`]).
pub fn label<V: Labels>(lang: Lang, value: V) -> &'static str {
    match lang {
        Lang::Da => value.danish(),
        Lang::En => value.english(),
    }
}

/// "SEL § 108 Længerevarende botilbud" / "SEL § 108 Long-term residential care": the citation
/// stays Danish in both languages.
pub fn legal_basis(lang: Lang, basis: LegalBasis) -> String {
    format!("{} {}", basis.short(), legal_basis_words(lang, basis))
}

/// The law's words for a legal basis without its citation: "Længerevarende botilbud".
pub fn legal_basis_words(lang: Lang, basis: LegalBasis) -> &'static str {
    match lang {
        Lang::Da => basis.official_text(),
        Lang::En => basis.official_text_en(),
    }
}

/// A card's kind ("Botilbud", "Almen plejefamilie") in the interface language. The card holds
/// the Danish label of its offer type or family type; a label no vocabulary has is shown as is.
pub fn card_kind(lang: Lang, card: &Card) -> String {
    let danish = card.kind_label.as_str();
    let english = match (lang, card.mode) {
        (Lang::Da, _) => None,
        (Lang::En, Mode::Offers) => OfferType::ALL
            .iter()
            .find(|t| t.label() == danish)
            .map(|t| t.english()),
        (Lang::En, Mode::FosterFamilies) => FosterFamilyType::ALL
            .iter()
            .find(|t| t.label() == danish)
            .map(|t| t.english()),
    };
    english.unwrap_or(danish).to_string()
}

/// A facet value's label in the interface language. The index gives the Danish label; in
/// English, vocabulary values are looked up by code, yes/no, freshness and sanctions are said
/// here, and municipality names and the catalogue's own words (methods, staff groups,
/// competences) stay as written.
pub fn facet_value(lang: Lang, facet: &str, code: &str, danish: &str) -> String {
    fn en<V: Labels>(value: Option<V>) -> Option<String> {
        value.map(|v| v.english().to_string())
    }
    if lang == Lang::Da {
        return danish.to_string();
    }
    let t = lang.texts();
    let rule = catalogue::freshness::RECORD;
    let english = match facet {
        "type" => en(OfferType::from_code(code)),
        "basis" => LegalBasis::from_code(code).map(|b| legal_basis(lang, b)),
        "group" => en(TargetGroupGroup::from_code(code)),
        "target" => en(TargetGroup::from_code(code)),
        "region" => en(Region::from_code(code)),
        "ownership" => en(Ownership::from_code(code)),
        "authority" => en(Authority::from_code(code)),
        "approval" => en(ApprovalStatus::from_code(code)),
        "service" => en(ServiceKind::from_code(code)),
        "family_type" => en(FosterFamilyType::from_code(code)),
        "care" => en(CareKind::from_code(code)),
        "scope" => en(ApprovalScope::from_code(code)),
        "marked" | "emergency" | "parent_child" | "available" => match code {
            "yes" => Some(t.yes.to_string()),
            "no" => Some(t.no.to_string()),
            _ => None,
        },
        "updated" => match code {
            c if c == Freshness::Fresh.code() => Some(format!("Within {} days", rule.fresh_days)),
            c if c == Freshness::Aging.code() => Some(format!(
                "{}–{} days ago",
                rule.fresh_days + 1,
                rule.stale_after_days
            )),
            c if c == Freshness::Stale.code() => {
                Some(format!("More than {} days ago", rule.stale_after_days))
            }
            _ => None,
        },
        "sanction" => match code {
            "none" => Some("Without orders / enhanced supervision".to_string()),
            "some" => Some("With orders / enhanced supervision".to_string()),
            _ => None,
        },
        _ => None,
    };
    english.unwrap_or_else(|| danish.to_string())
}

/// A capacity age band ("0-2", "18+") in the interface language; the index gives the Danish label.
pub fn age_band(lang: Lang, code: &str, danish: &str) -> String {
    match (lang, code.strip_suffix('+')) {
        (Lang::Da, _) => danish.to_string(),
        (Lang::En, Some(from)) => format!("{from} years and over"),
        (Lang::En, None) => format!("{} years", code.replace('-', "–")),
    }
}

/// The strings of the full page around the app (`www/index.html`): its title, skip link,
/// header, footer and language switch. `www/main.js` sets them from [`page_texts`] once the app
/// is loaded, so that the page speaks one language with the app.
pub struct PageTexts {
    pub title: &'static str,
    pub description: &'static str,
    pub skip_link: &'static str,
    pub tagline: &'static str,
    pub footer: &'static str,
    /// What the page says without JavaScript.
    pub noscript: &'static str,
    /// Above the results prerendered into the page, when the live index could not be loaded.
    pub prerendered_stale: &'static str,
    /// The widget's prerendered fallback (`tilbudsfinder-page --fallback`): its link to the
    /// whole search.
    pub fallback_all: &'static str,
    /// The accessible name of the language switch.
    pub language: &'static str,
    /// The other language: its tag and its name in itself (the switch's link text).
    pub other_tag: &'static str,
    pub other_name: &'static str,
}

static PAGE_DA: PageTexts = PageTexts {
    title: "Tilbudsfinder – find sociale tilbud og plejefamilier",
    description: "Søg i landets sociale tilbud og plejefamilier: målgruppe, alder, ledige pladser, pris og afstand.",
    skip_link: "Gå til søgningen",
    tagline: "Sociale tilbud og plejefamilier i hele Danmark",
    footer: "Oplysningerne kommer fra tilbuddene selv og godkendes af socialtilsynene. Kontakt altid tilbuddet for at få dem bekræftet.",
    noscript: "Uden JavaScript vises kun de første resultater. Slå JavaScript til i din browser for at søge og filtrere.",
    prerendered_stale: "Resultaterne herunder er fra dengang siden blev bygget og kan være forældede. Søgning og filtre virker ikke, før søgeindekset kan hentes.",
    fallback_all: "Se alle og søg videre",
    language: "Sprog",
    other_tag: "en",
    other_name: "English",
};

static PAGE_EN: PageTexts = PageTexts {
    title: "Tilbudsfinder – find social care offers and foster families",
    description: "Search Denmark's social care offers and foster families: target group, age, free places, price and distance.",
    skip_link: "Skip to the search",
    tagline: "Social care offers and foster families across Denmark",
    footer: "The information comes from the offers themselves and is approved by the supervising authorities (socialtilsyn). Always contact the offer to have it confirmed.",
    noscript: "Without JavaScript only the first results are shown. Turn on JavaScript in your browser to search and filter.",
    prerendered_stale: "The results below are from when the page was built and may be out of date. Search and filters do not work until the search index can be fetched.",
    fallback_all: "See them all and search further",
    language: "Language",
    other_tag: "da",
    other_name: "Dansk",
};

/// The page's strings in a language.
pub fn page(lang: Lang) -> &'static PageTexts {
    match lang {
        Lang::Da => &PAGE_DA,
        Lang::En => &PAGE_EN,
    }
}

/// The page's strings for `www/main.js`: a plain object with the fields of [`PageTexts`] in
/// camelCase; any tag other than English gives Danish.
#[wasm_bindgen::prelude::wasm_bindgen(js_name = pageTexts)]
pub fn page_texts(lang: &str) -> wasm_bindgen::JsValue {
    let lang = if lang.starts_with("en") {
        Lang::En
    } else {
        Lang::Da
    };
    let p = page(lang);
    let object = js_sys::Object::new();
    for (key, value) in [
        ("lang", lang.tag()),
        ("title", p.title),
        ("description", p.description),
        ("skipLink", p.skip_link),
        ("tagline", p.tagline),
        ("footer", p.footer),
        ("noscript", p.noscript),
        ("prerenderedStale", p.prerendered_stale),
        ("language", p.language),
        ("otherTag", p.other_tag),
        ("otherName", p.other_name),
    ] {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &key.into(), &value.into());
    }
    object.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_filter_is_named_in_both_languages() {
        use tilbudsfinder_index::facets::parse_facet;
        let unknown = parse_facet(Mode::Offers, "kommun").expect_err("no such facet");
        let facet = FilterRefusal::Facet(unknown);
        let value = FilterRefusal::Value {
            facet: "municipality",
            value: "9999".into(),
        };
        for (lang, no_facet, no_value) in [
            (
                Lang::Da,
                "»kommun« er ikke et filter i denne søgning.",
                "ingen værdi »9999«.",
            ),
            (
                Lang::En,
                "“kommun” is not a filter of this search.",
                "no value “9999”.",
            ),
        ] {
            assert_eq!(filter_refused(lang, &facet), no_facet);
            let sentence = filter_refused(lang, &value);
            assert!(
                sentence.starts_with(facet_legend(lang, "municipality"))
                    && sentence.ends_with(no_value),
                "{sentence}"
            );
        }
    }

    #[test]
    fn item_10_an_amount_reads_the_same_on_the_card_and_in_the_detail() {
        use tilbudsfinder_index::price::card_price;
        for amount in [47_897.825, 2_875.5, 0.005, 1_234.565, 18_500.0, 100.994_999] {
            let card = card_price(RateUnit::PerMonth, to_oere(amount), None);
            for lang in [Lang::Da, Lang::En] {
                assert_eq!(
                    normalised_from(lang, card.amount, card.unit, None),
                    normalised_from(lang, amount, RateUnit::PerMonth, None),
                    "{amount}"
                );
            }
        }
        assert_eq!(
            rate(Lang::Da, 47_897.825, RateUnit::PerMonth),
            format!("47.897,83 kr. {}", RateUnit::PerMonth.label())
        );
    }

    #[test]
    fn every_closed_facet_value_reads_in_english() {
        use tilbudsfinder_index::facets::{fixed_values, FACETS};
        // Names, and words English shares with Danish.
        let same = |danish: &str| {
            danish.starts_with("Socialtilsyn ")
                || matches!(
                    danish,
                    "Regional" | "Depression" | "Prostitution" | "Social isolation"
                )
        };
        for facet in FACETS.iter().filter(|f| f.name != "municipality") {
            for value in fixed_values(facet) {
                let english = facet_value(Lang::En, facet.name, &value.code, &value.label);
                assert!(
                    english != value.label || same(&value.label),
                    "{}={}: still Danish ({english})",
                    facet.name,
                    value.code
                );
                assert_eq!(
                    facet_value(Lang::Da, facet.name, &value.code, &value.label),
                    value.label
                );
            }
        }
    }

    #[test]
    fn danish_numbers_group_thousands_with_points() {
        assert_eq!(number(Lang::Da, 2450.0, 0), "2.450");
        assert_eq!(number(Lang::Da, 1234567.891, 2), "1.234.567,89");
        assert_eq!(number(Lang::En, 1234567.0, 0), "1,234,567");
        assert_eq!(number(Lang::Da, 999.0, 0), "999");
        assert_eq!(number(Lang::Da, -1500.0, 0), "-1.500");
        // Whole numbers, written as integers, read as the float formatting wrote them.
        for value in [0.0, -0.0, 7.0, 12500.0, 999_999_999_999.0, 2.5, -0.4, 1e16] {
            let text = format!("{:.0}", f64::abs(value));
            assert_eq!(number(Lang::En, value, 0).replace(',', ""), {
                let negative = value < 0.0 && text.chars().any(|c| c != '0');
                format!("{}{text}", if negative { "-" } else { "" })
            });
        }
    }

    #[test]
    fn prices_and_counts_read_as_sentences() {
        assert_eq!(
            price(Lang::Da, 612.0, PriceBasis::PerDay, false),
            "612 kr. pr. dag"
        );
        assert_eq!(
            price(Lang::Da, 2450.4, PriceBasis::PerDay, true),
            "2.450 kr. pr. døgn"
        );
        assert_eq!(found(Lang::Da, Mode::Offers, 0), "Ingen tilbud fundet");
        assert_eq!(found(Lang::Da, Mode::Offers, 1234), "1.234 tilbud fundet");
        assert_eq!(
            free_places(Lang::Da, 2, Some(12)),
            "2 ledige pladser (meldt for 12 dage siden)"
        );
        assert_eq!(
            marked(Lang::Da, Date::from_ymd(2026, 3, 12).unwrap_or_default()),
            "Socialtilsynet har markeret, at oplysningerne kan være forkerte (12.03.2026)"
        );
    }

    #[test]
    fn placement_strings_name_families_statuses_and_peer_groups_in_both_languages() {
        use catalogue::vocab::{LegalBasis, TargetGroupGroup};
        use tilbudsfinder_index::query::Card;
        let family: Card = tilbudsfinder_index::json::from_str(
            r#"{
            "doc": 1, "id": "P-200012", "mode": "foster_families", "name": "Plejefamilie ved Gentofte",
            "kind_label": "Almen plejefamilie", "legal_bases": [], "postal_code": 2820,
            "city": "Gentofte", "municipality": "Gentofte", "age_from": 0, "age_to": 6,
            "places_total": 1, "free_places": 1, "free_places_reported": "2026-11-01",
            "price": null, "updated_oldest": "2026-11-01", "updated_newest": "2026-11-01",
            "marked": null, "pause_from": null, "pause_until": null, "price_position": null
        }"#,
        )
        .expect("a card");
        assert_eq!(
            record_label(Lang::Da, &family),
            "Almen plejefamilie, Gentofte, 0–6 år · P-200012"
        );
        assert_eq!(
            record_label(Lang::En, &family),
            "General foster family, Gentofte, 0–6 years · P-200012"
        );
        let day = Date::from_ymd(2026, 11, 30).unwrap_or_default();
        assert_eq!(
            status_since(Lang::Da, ContactStatus::Answered, Some(day)),
            "Svar modtaget 30.11.2026"
        );
        assert_eq!(
            status_since(Lang::En, ContactStatus::Declined, None),
            "Declined"
        );
        let position = PricePosition {
            peers: 111,
            percentile: 40,
            quarter: 2,
            median: 2450.0,
            q1: 2000.4,
            q3: 3100.0,
            legal_basis: LegalBasis::Sel108,
            group: TargetGroupGroup::Mental,
            basis: PriceBasis::PerDay,
        };
        let sentence = peer_sentence(Lang::Da, &position, true);
        assert!(
            sentence.starts_with(
                "Sammenlignet med 111 tilbud efter SEL § 108 for målgruppen \u{201c}Psykiske vanskeligheder\u{201d}"
            ),
            "{sentence}"
        );
        assert!(
            sentence.ends_with("mellem 2.000 og 3.100 kr."),
            "{sentence}"
        );
        assert!(peer_sentence(Lang::En, &position, true)
            .starts_with("Compared with 111 offers under SEL § 108"));
    }
}
