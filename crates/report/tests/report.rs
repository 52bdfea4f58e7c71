//! The report on a small hand-made catalogue: categories, ranking and per-authority figures.

use catalogue::check::{check_stream, CheckOptions};
use catalogue::Date;
use serde_json::{json, Value};
use tilbudsfinder_report::{html, Category, FreshnessBucket, Lang, ReportBuilder};

/// Every page of the report in a language, joined (file name, then HTML).
fn all_pages(report: &tilbudsfinder_report::QualityReport, lang: Lang) -> String {
    html::pages(report, lang)
        .into_iter()
        .map(|p| format!("<!-- {} -->\n{}", p.file, p.html))
        .collect()
}

/// One page by file name.
fn page(report: &tilbudsfinder_report::QualityReport, lang: Lang, file: &str) -> String {
    html::pages(report, lang)
        .into_iter()
        .find(|p| p.file == file)
        .unwrap_or_else(|| panic!("no page {file}"))
        .html
}

fn example_offer(id: &str) -> Value {
    let text = include_str!("../../../docs/examples/offer.json");
    let mut offer: Value = serde_json::from_str(text).expect("docs/examples/offer.json parses");
    offer["id"] = json!(id);
    for (i, department) in offer["departments"]
        .as_array_mut()
        .expect("departments")
        .iter_mut()
        .enumerate()
    {
        department["id"] = json!(format!("{id}-{i}"));
    }
    offer
}

fn report_of(lines: &[String]) -> tilbudsfinder_report::QualityReport {
    let today = Date::parse("2026-11-22").unwrap();
    let catalogue = lines.join("\n");
    let mut builder = ReportBuilder::new("test.jsonl", today);
    let summary = check_stream(catalogue.as_bytes(), &CheckOptions { today }, |outcome| {
        builder.add(&outcome)
    })
    .unwrap();
    builder.finish(&summary)
}

#[test]
fn ranks_rejected_then_marked_then_stale_and_counts_per_authority() {
    let clean = example_offer("T-1");
    let mut marked = example_offer("T-2");
    marked["supervision"]["marking"] = json!({"date": "2026-09-01", "reason": "Forkerte takster"});
    let mut stale = example_offer("T-3");
    stale["updated"]["economy"] = json!("2024-01-15");
    let lines = vec![
        clean.to_string(),
        stale.to_string(),
        "{\"kind\": \"offer\", \"id\": ".to_owned(),
        marked.to_string(),
    ];
    let report = report_of(&lines);

    assert_eq!(report.records, 4);
    assert_eq!(report.accepted + report.rejected, report.records);
    assert_eq!(report.rejected, 1);

    let order: Vec<Option<&str>> = report
        .records_with_issues
        .iter()
        .map(|r| r.id.as_deref())
        .collect();
    assert_eq!(order, vec![None, Some("T-2"), Some("T-3")], "{report:#?}");
    assert_eq!(
        report.records_with_issues[0].issues[0].category,
        Category::Rejected
    );
    assert!(report.records_with_issues[1]
        .issues
        .iter()
        .any(|i| i.category == Category::Marked));
    assert!(report.records_with_issues[2]
        .issues
        .iter()
        .any(|i| i.category == Category::StaleEconomy && i.field == "updated.economy"));

    let midt = report
        .authorities
        .iter()
        .find(|a| a.authority == "midt")
        .expect("midt has records");
    assert_eq!(midt.records, 3);
    assert_eq!(midt.clean, 1);
    assert_eq!(midt.by_category.get(&Category::Marked), Some(&1));
    assert_eq!(midt.by_category.get(&Category::StaleEconomy), Some(&1));
    // Each record counts once by its most important problem: T-2 marked, T-3 stale rates.
    assert_eq!(midt.by_top_category.get(&Category::Marked), Some(&1));
    assert_eq!(midt.by_top_category.get(&Category::StaleEconomy), Some(&1));
    assert_eq!(
        midt.clean + midt.by_top_category.values().sum::<u64>(),
        midt.records
    );
    // T-3's oldest part is from January 2024: over two years before the report.
    assert_eq!(midt.freshness.get(&FreshnessBucket::Older), Some(&1));
    let unknown = report.authorities.last().unwrap();
    assert_eq!((unknown.authority.as_str(), unknown.records), ("ukendt", 1));
}

#[test]
fn a_standing_sanction_and_a_lapsed_approval_rank_after_a_marking() {
    let mut sanctioned = example_offer("T-5");
    sanctioned["supervision"]["sanctions"] = json!([
        {"kind": "skaerpet_tilsyn", "date": "2026-09-01", "text": "Månedlige tilsynsbesøg"}
    ]);
    let mut unused = example_offer("T-6");
    unused["supervision"]["unused_since"] = json!("2024-06-01");
    let mut marked = example_offer("T-7");
    marked["supervision"]["marking"] = json!({"date": "2026-09-01", "reason": "Forkerte takster"});
    let report = report_of(&[
        unused.to_string(),
        sanctioned.to_string(),
        marked.to_string(),
    ]);
    let order: Vec<(Option<&str>, Category)> = report
        .records_with_issues
        .iter()
        .map(|r| (r.id.as_deref(), r.issues[0].category))
        .collect();
    assert_eq!(
        order,
        vec![
            (Some("T-7"), Category::Marked),
            (Some("T-5"), Category::Sanctioned),
            (Some("T-6"), Category::ApprovalLapse),
        ],
        "{report:#?}"
    );
}

#[test]
fn the_page_shows_catalogue_text_as_text() {
    let mut hostile = example_offer("T-9");
    hostile["name"] = json!("<img src=x onerror=alert(1)>Engly");
    hostile["updated"]["general"] = json!("2023-01-01");
    let report = report_of(&[hostile.to_string()]);
    let page = all_pages(&report, Lang::Da) + &all_pages(&report, Lang::En);
    assert!(
        !page.contains("<img"),
        "markup from the catalogue reached the page"
    );
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;Engly") || report.rejected == 1);
    assert!(
        !page.contains("style="),
        "inline styles would break the strict CSP"
    );
    assert!(!page.contains("<script"), "the report has no script");
}

#[test]
fn the_page_says_stale_parts_and_markings_in_danish_sentences_and_the_json_keeps_its_fields() {
    let mut stale = example_offer("T-3");
    stale["updated"]["economy"] = json!("2024-07-09");
    let mut marked = example_offer("T-2");
    marked["supervision"]["marking"] = json!({"date": "2026-09-01", "reason": "Forkerte takster."});
    let report = report_of(&[stale.to_string(), marked.to_string()]);
    let midt = page(&report, Lang::Da, "tilsyn-midt.html");
    // 2024-07-09 to 2026-11-22: 866 days.
    assert!(
        midt.contains("Takster er ikke opdateret siden 9. juli 2024 (866 dage)."),
        "{midt}"
    );
    assert!(midt.contains(
        "Socialtilsynet markerede 1. september 2026 oplysningerne som forkerte: Forkerte takster."
    ));
    // The English report says the same in English.
    let midt_en = page(&report, Lang::En, "tilsyn-midt.html");
    assert!(
        midt_en.contains("Rates not updated since 9 July 2024 (866 days)."),
        "{midt_en}"
    );
    assert!(midt_en.starts_with("<!doctype html>\n<html lang=\"en\">"));
    for lang in [Lang::Da, Lang::En] {
        let pages = all_pages(&report, lang);
        for path in [
            "updated.economy",
            "updated.general",
            "supervision.marking",
            "2024-07-09",
        ] {
            assert!(!pages.contains(path), "{path} on a page: {pages}");
        }
    }
    // The overview's contents lead to each authority's own page; counts come with shares.
    let index = page(&report, Lang::Da, "index.html");
    assert!(
        index.contains(r#"<li><a href="tilsyn-midt.html">Socialtilsyn Midt</a>: 2 (100 %) af 2 poster at rette</li>"#),
        "{index}"
    );
    assert!(
        index.contains(r##"<a href="#cat-h">"##),
        "a table of contents"
    );
    assert!(
        index.contains(
            r#"<tr><th scope="row">Markeret af tilsynet</th><td data-label="Socialtilsyn Midt">1 (50 %)</td>"#
        ),
        "{index}"
    );
    assert!(index.contains("Opgjort 22. november 2026"));
    assert!(midt.contains(r#"<a href="index.html">Tilbage til overblikket</a>"#));
    let json = serde_json::to_value(&report).unwrap();
    let issue = json["records_with_issues"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["issues"].as_array().unwrap())
        .find(|i| i["field"] == "updated.economy")
        .expect("the stale economy issue");
    assert_eq!(
        issue.as_object().unwrap().keys().collect::<Vec<_>>(),
        ["category", "field", "message"],
        "the JSON is what it was"
    );
    assert_eq!(issue["message"], "not updated since 2024-07-09 (866 days)");
}
