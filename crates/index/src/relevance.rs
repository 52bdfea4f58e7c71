//! Judged relevance: a query set judged by the catalogue's structured fields, and the measures
//! of how well a search engine answers it (zero-result rate, recall, precision at 10).
//!
//! The judgement never asks an engine: a record is relevant to a query when its own fields say
//! so — it has one of the need's target groups (or a target group in the need's group) and an
//! address in the place's municipality or postcode. The query set is
//! `crates/index/tests/relevance/queries.tsv`; its header documents the format. `cargo test`
//! holds the engine to floors on it, and `tilbudsfinder relevance` prints the measures and
//! writes the judged sets for the side-by-side benchmark, which measures the peers the same way.

use crate::facets::{GROUP, MUNICIPALITY, TARGET};
use std::collections::BTreeSet;

use catalogue::model::Record;
use catalogue::vocab::TargetGroup;
use serde::{Deserialize, Serialize};

use crate::query::{Mode, Query};
use crate::SearchIndex;

/// One facet value a need names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NeedValue {
    /// A target group, by its code.
    Target(String),
    /// Any target group of a group, by the group's code.
    Group(String),
}

/// Where a relevant record must be.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    /// An address in the municipality with this code.
    Municipality(u16),
    /// An address with this postcode.
    Postal(u16),
}

/// One judged query.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgedQuery {
    /// What is typed.
    pub text: String,
    /// Needs that must all hold; each is satisfied by any of its values.
    pub needs: Vec<Vec<NeedValue>>,
    /// Where, if anywhere in particular.
    pub place: Option<Place>,
    /// Offers or foster families.
    pub mode: Mode,
}

/// Parses a query set in the format of `tests/relevance/queries.tsv`; errors name the line.
pub fn parse_queries(source: &str) -> Result<Vec<JudgedQuery>, String> {
    let mut out = Vec::new();
    for (i, line) in source.lines().enumerate() {
        let at = |what: &str| format!("line {}: {what}", i + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('\t').collect();
        let [text, need, place, mode] = columns[..] else {
            return Err(at("expected four tab-separated columns"));
        };
        let mut needs = Vec::new();
        for group in need.split(" & ") {
            let mut values = Vec::new();
            for value in group.split(';') {
                match value.trim().split_once('=') {
                    Some((facet, code)) if facet == TARGET.name => {
                        values.push(NeedValue::Target(code.to_string()))
                    }
                    Some((facet, code)) if facet == GROUP.name => {
                        values.push(NeedValue::Group(code.to_string()))
                    }
                    _ => return Err(at(&format!("need {value:?} is not target= or group="))),
                }
            }
            needs.push(values);
        }
        let place = match place.split_once('=') {
            None if place.is_empty() => None,
            Some((facet, code)) if facet == MUNICIPALITY.name => Some(Place::Municipality(
                code.parse().map_err(|_| at("bad municipality code"))?,
            )),
            Some(("postal", code)) => {
                Some(Place::Postal(code.parse().map_err(|_| at("bad postcode"))?))
            }
            _ => return Err(at("place is not municipality= or postal=")),
        };
        let mode = match mode {
            "offers" => Mode::Offers,
            "families" => Mode::FosterFamilies,
            _ => return Err(at("mode is not offers or families")),
        };
        out.push(JudgedQuery {
            text: text.to_string(),
            needs,
            place,
            mode,
        });
    }
    Ok(out)
}

/// Whether a record is relevant to a query, by its own fields.
pub fn is_relevant(query: &JudgedQuery, record: &Record) -> bool {
    let (mode, targets, places): (Mode, Vec<TargetGroup>, Vec<(u16, u16)>) = match record {
        Record::Offer(o) => (
            Mode::Offers,
            o.services
                .iter()
                .flat_map(|s| s.target_groups.iter().copied())
                .collect(),
            o.departments
                .iter()
                .map(|d| (d.address.municipality, d.address.postal_code))
                .collect(),
        ),
        Record::FosterFamily(f) => (
            Mode::FosterFamilies,
            f.target_groups.clone(),
            vec![(f.location.municipality, f.location.postal_code)],
        ),
    };
    if mode != query.mode {
        return false;
    }
    let has = |value: &NeedValue| match value {
        NeedValue::Target(code) => targets.iter().any(|t| t.code() == code),
        NeedValue::Group(code) => targets.iter().any(|t| t.group().code() == code),
    };
    let needs = query.needs.iter().all(|need| need.iter().any(has));
    let place = match query.place {
        None => true,
        Some(Place::Municipality(m)) => places.iter().any(|&(code, _)| code == m),
        Some(Place::Postal(p)) => places.iter().any(|&(_, code)| code == p),
    };
    needs && place
}

/// The ids of the records relevant to a query.
pub fn judge(query: &JudgedQuery, records: &[Record]) -> BTreeSet<String> {
    records
        .iter()
        .filter(|r| is_relevant(query, r))
        .map(|r| r.id().to_string())
        .collect()
}

/// How one engine answered one query.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryOutcome {
    /// The query's text.
    pub text: String,
    /// Relevant records.
    pub relevant: u32,
    /// Records returned.
    pub returned: u32,
    /// Relevant records returned.
    pub found: u32,
    /// Relevant records among the first ten.
    pub relevant_in_top10: u32,
}

impl QueryOutcome {
    /// Measures an answer: all returned ids (in any order) and the first ten in order.
    pub fn measure(
        text: &str,
        relevant: &BTreeSet<String>,
        returned: &[String],
        top10: &[String],
    ) -> QueryOutcome {
        QueryOutcome {
            text: text.to_string(),
            relevant: relevant.len() as u32,
            returned: returned.len() as u32,
            found: returned.iter().filter(|id| relevant.contains(*id)).count() as u32,
            relevant_in_top10: top10
                .iter()
                .take(10)
                .filter(|id| relevant.contains(*id))
                .count() as u32,
        }
    }

    /// Recall: the share of the relevant records returned.
    pub fn recall(&self) -> f64 {
        f64::from(self.found) / f64::from(self.relevant.max(1))
    }

    /// Precision at 10: the share of the first ten (or of all relevant, when fewer) that are
    /// relevant.
    pub fn precision_at_10(&self) -> f64 {
        f64::from(self.relevant_in_top10) / f64::from(self.relevant.clamp(1, 10))
    }
}

/// The measures over a query set; queries with no relevant record are left out of all three.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measures {
    /// Queries judged to have relevant records.
    pub queries: u32,
    /// Share of those that returned nothing.
    pub zero_result_rate: f64,
    /// Mean recall.
    pub recall: f64,
    /// Mean precision at 10.
    pub precision_at_10: f64,
}

impl Measures {
    /// Aggregates outcomes.
    pub fn of(outcomes: &[QueryOutcome]) -> Measures {
        let judged: Vec<&QueryOutcome> = outcomes.iter().filter(|o| o.relevant > 0).collect();
        let n = judged.len().max(1) as f64;
        Measures {
            queries: judged.len() as u32,
            zero_result_rate: judged.iter().filter(|o| o.returned == 0).count() as f64 / n,
            recall: judged.iter().map(|o| o.recall()).sum::<f64>() / n,
            precision_at_10: judged.iter().map(|o| o.precision_at_10()).sum::<f64>() / n,
        }
    }
}

/// Runs a judged query through this engine: every match, and the first ten in order.
pub fn run(
    index: &SearchIndex,
    query: &JudgedQuery,
    today: catalogue::Date,
) -> (Vec<String>, Vec<String>) {
    let q = Query {
        mode: query.mode,
        text: query.text.clone(),
        today,
        page_size: 10,
        ..Query::default()
    };
    let top10 = index.search(&q).hits.into_iter().map(|h| h.id).collect();
    let all = index.all_matches(&q);
    (all, top10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_query_set_parses() {
        let source = include_str!("../tests/relevance/queries.tsv");
        let queries = parse_queries(source).expect("queries.tsv parses");
        assert!(queries.len() >= 150, "{} queries", queries.len());
        assert!(parse_queries("a\tb\t\toffers")
            .unwrap_err()
            .contains("line 1"));
    }

    #[test]
    fn measures_follow_their_definitions() {
        let relevant: BTreeSet<String> = ["a", "b", "c", "d"].map(String::from).into();
        let returned: Vec<String> = ["a", "b", "x"].map(String::from).into();
        let o = QueryOutcome::measure("q", &relevant, &returned, &returned);
        assert_eq!((o.found, o.relevant_in_top10), (2, 2));
        assert!((o.recall() - 0.5).abs() < 1e-9);
        assert!((o.precision_at_10() - 0.5).abs() < 1e-9);
        let none = QueryOutcome::measure("z", &relevant, &[], &[]);
        let m = Measures::of(&[o, none]);
        assert_eq!(m.queries, 2);
        assert!((m.zero_result_rate - 0.5).abs() < 1e-9);
    }
}
