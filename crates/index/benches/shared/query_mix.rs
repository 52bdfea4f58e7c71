//! The fixed query mix of the index benchmark (`benches/index.rs`) and of the callgrind driver
//! (`examples/query_mix.rs`): one definition, included by both with `#[path]` (a file in a
//! subfolder of `benches/` is not a bench target of its own).

use catalogue::vocab::PriceBasis;
use catalogue::Date;
use tilbudsfinder_index::{Mode, Near, PriceRange, Query, Sort};

/// The day the mix is asked on (the sample's own `today`).
pub fn today() -> Date {
    Date::from_ymd(2026, 11, 22).unwrap_or_default()
}

/// The fixed mix: what a caseworker or consultant does in a session.
pub fn query_mix() -> Vec<(&'static str, Query)> {
    let base = Query {
        today: today(),
        page_size: 20,
        ..Query::default()
    };
    let aarhus = Near {
        lat: 56.157,
        lon: 10.211,
        max_km: Some(50.0),
    };
    let odense = Near {
        lat: 55.396,
        lon: 10.388,
        max_km: Some(40.0),
    };
    let f = |facet: &str, value: &str| (facet.to_string(), value.to_string());
    vec![
        (
            "text",
            Query {
                text: "behandling".into(),
                ..base.clone()
            },
        ),
        (
            "text 2 words",
            Query {
                text: "autisme aarhus".into(),
                ..base.clone()
            },
        ),
        (
            "text typo",
            Query {
                text: "misbrg".into(),
                ..base.clone()
            },
        ),
        (
            "text prefix",
            Query {
                text: "bo".into(),
                filters: vec![f("updated", "fresh")],
                ..base.clone()
            },
        ),
        (
            "facets",
            Query {
                filters: vec![
                    f("target", "Autismespektrum"),
                    f("region", "1082"),
                    f("region", "1084"),
                ],
                ..base.clone()
            },
        ),
        (
            "ranges",
            Query {
                age: Some(15),
                price: Some(PriceRange {
                    basis: PriceBasis::PerDay,
                    min: None,
                    max: Some(3000.0),
                }),
                min_free_places: Some(1),
                ..base.clone()
            },
        ),
        (
            "distance",
            Query {
                near: Some(aarhus),
                sort: Sort::Distance,
                ..base.clone()
            },
        ),
        (
            "families",
            Query {
                mode: Mode::FosterFamilies,
                filters: vec![f("available", "yes"), f("family_type", "almen")],
                age: Some(4),
                near: Some(odense),
                ..base.clone()
            },
        ),
        (
            "sort price",
            Query {
                filters: vec![f("type", "botilbud")],
                sort: Sort::PriceAsc,
                ..base.clone()
            },
        ),
        (
            "browse",
            Query {
                sort: Sort::Name,
                ..base.clone()
            },
        ),
    ]
}
