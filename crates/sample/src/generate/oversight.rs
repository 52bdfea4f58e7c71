//! Supervision facts of a generated record: sanctions and conditions, the latest inspection, and
//! whether the approval stands unused.
//!
//! Shares, roughly those of the socialtilsyn's annual reports: a few offers in a hundred under a
//! standing påbud, about one in seventy under skærpet tilsyn, every conditionally approved offer
//! with one or two conditions (text and deadline), an ophør for every ceased offer; fewer for
//! foster families. Nine in ten records have a reported inspection within the last two years, a
//! third of them unannounced. Few offers, and a third of the families without a child, stand
//! unused, some long enough for the approval to lapse.

use crate::date::Date;
use crate::model::{Inspection, Sanction};
use crate::vocab::{municipality, Authority, InspectionKind, SanctionKind};

use super::names::municipality_domain;
use super::rng::Rng;

const OFFER_ORDERS: &[&str] = &[
    "Tilbuddet skal dokumentere borgernes mål og resultater, så de kan følges over tid.",
    "Tilbuddet skal sikre, at medicin håndteres efter gældende retningslinjer.",
    "Tilbuddet skal nedbringe brugen af magt og registrere hver magtanvendelse korrekt.",
    "Tilbuddet skal sikre, at der altid er en medarbejder med relevant uddannelse på vagt.",
];

const OFFER_CONDITIONS: &[&str] = &[
    "Tilbuddet skal have en skriftlig procedure for magtanvendelse, som alle medarbejdere kender.",
    "Mindst to tredjedele af medarbejderne skal have en relevant socialfaglig uddannelse.",
    "Tilbuddet skal have vågen nattevagt, så længe der bor borgere med behov for det.",
    "Lederen skal gennemføre en relevant lederuddannelse.",
];

const FAMILY_ORDERS: &[&str] = &[
    "Familien skal deltage i den obligatoriske supervision og efteruddannelse.",
    "Familien skal sikre, at plejebarnet har eget værelse.",
];

const FAMILY_CONDITIONS: &[&str] = &[
    "Familien er godkendt på vilkår af, at den gennemfører grundkurset for plejefamilier.",
    "Familien er godkendt til ét barn, indtil den har gennemført supervisionsforløbet.",
];

const ENHANCED_TEXT: &str =
    "Skærpet tilsyn med tilsynsbesøg hver måned, indtil forholdene er bragt i orden.";

/// The sanctions of a record: standing and lifted ones. `conditional` and `ceased` come from
/// an offer's approval status (always `false` for families).
pub fn sanctions(
    rng: &mut Rng,
    foster_family: bool,
    conditional: bool,
    ceased: bool,
    today: Date,
) -> Vec<Sanction> {
    let (orders, conditions) = if foster_family {
        (FAMILY_ORDERS, FAMILY_CONDITIONS)
    } else {
        (OFFER_ORDERS, OFFER_CONDITIONS)
    };
    let scale = if foster_family { 0.4 } else { 1.0 };
    let mut sanctions = Vec::new();
    let decided = |rng: &mut Rng, lo: u32, hi: u32| today.add_days(-(rng.range(lo, hi) as i32));
    // Standing, with a text of `texts` and a deadline: decided `ago` days back, due `due` days on.
    let standing = |rng: &mut Rng, kind, ago: (u32, u32), texts, due: (u32, u32)| {
        let date = decided(rng, ago.0, ago.1);
        let text = pick_text(rng, texts);
        let deadline = date.add_days(rng.range(due.0, due.1) as i32);
        sanction(kind, date, text, Some(deadline), None)
    };
    let conditions_now = if conditional {
        rng.range(1, 2)
    } else {
        u32::from(rng.chance(0.03 * scale))
    };
    for _ in 0..conditions_now {
        sanctions.push(standing(
            rng,
            SanctionKind::Condition,
            (30, 500),
            conditions,
            (90, 365),
        ));
    }
    if rng.chance(0.04 * scale) {
        sanctions.push(standing(
            rng,
            SanctionKind::Order,
            (14, 300),
            orders,
            (30, 180),
        ));
    }
    if rng.chance(0.015 * scale) {
        let date = decided(rng, 14, 240);
        let text = ENHANCED_TEXT.to_string();
        sanctions.push(sanction(
            SanctionKind::EnhancedSupervision,
            date,
            text,
            None,
            None,
        ));
    }
    // A påbud met and lifted some time ago: the record shows its history.
    if rng.chance(0.06 * scale) {
        let date = decided(rng, 400, 1_400);
        let text = pick_text(rng, orders);
        let lifted = date.add_days(rng.range(30, 200) as i32);
        let deadline = Some(date.add_days(90));
        sanctions.push(sanction(
            SanctionKind::Order,
            date,
            text,
            deadline,
            Some(lifted),
        ));
    }
    if ceased {
        let date = decided(rng, 30, 400);
        sanctions.push(sanction(
            SanctionKind::Cessation,
            date,
            String::new(),
            None,
            None,
        ));
    }
    sanctions
}

/// A sanction of `kind` decided on `date`.
fn sanction(
    kind: SanctionKind,
    date: Date,
    text: String,
    deadline: Option<Date>,
    lifted: Option<Date>,
) -> Sanction {
    Sanction {
        kind,
        date,
        text,
        deadline,
        lifted,
    }
}

/// One of `texts`, picked at random (empty when there are none).
fn pick_text(rng: &mut Rng, texts: &[&str]) -> String {
    rng.pick(texts).copied().unwrap_or_default().to_string()
}

/// The latest inspection of the record `id`, with links to its reports on the supervising
/// authority's host municipality's site; about one record in ten has none reported.
pub fn inspection(
    rng: &mut Rng,
    id: &str,
    authority: Authority,
    today: Date,
) -> Option<Inspection> {
    if !rng.chance(0.9) {
        return None;
    }
    let date = today.add_days(-(rng.range(10, 700) as i32));
    let kind = if rng.chance(0.35) {
        InspectionKind::Unannounced
    } else {
        InspectionKind::Announced
    };
    let site = authority
        .host_municipality()
        .and_then(municipality)
        .map(municipality_domain);
    let link = |what: &str| {
        site.as_ref()
            .map(|domain| format!("https://www.{domain}/socialtilsyn/{what}/{id}.pdf"))
    };
    let approval_report = if rng.chance(0.6) {
        link("godkendelsesrapporter")
    } else {
        None
    };
    Some(Inspection {
        date,
        kind,
        report: link("tilsynsrapporter"),
        approval_report,
    })
}

/// Since when the record stands unused, if it does: `share` of the records that could, up to
/// four years back (so some approvals have lapsed).
pub fn unused_since(rng: &mut Rng, share: f64, today: Date) -> Option<Date> {
    rng.chance(share)
        .then(|| today.add_days(-(rng.range(60, 1_500) as i32)))
}
