//! The report as static HTML pages (plus `report.css`): an overview page (`index.html`) with a
//! table of contents, and one page per supervising authority (`tilsyn-CODE.html`) with its
//! records ranked by what to fix first. No script, no inline style, so the pages can be served
//! under the same strict Content-Security-Policy as the site. Every string comes from the
//! report's language table ([`crate::lang`]); tables stack as labelled cards on a phone and the
//! charts scale by their `viewBox`, so nothing is wider than a 375 px screen.

use std::fmt::Write;

use catalogue::vocab::Authority;
use catalogue::vocab_en::Labels;

use crate::escape::escape;
use crate::lang::{date, number, Lang, Texts};
use crate::quality::{
    AuthorityQuality, Category, FreshnessBucket, QualityReport, LISTED_PER_AUTHORITY,
};
use crate::svg::{stacked_bars, Bar};

/// The stylesheet the pages link to; write it next to them as `report.css`.
pub const STYLESHEET: &str = include_str!("report.css");

/// The overview page's file name.
pub const INDEX_PAGE: &str = "index.html";

/// One page: its file name and its HTML.
pub struct Page {
    pub file: String,
    pub html: String,
}

/// The file name of an authority's page.
pub fn authority_page(authority: &str) -> String {
    let safe: String = authority
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("tilsyn-{safe}.html")
}

/// Every page of the report in a language: the overview first, then one per authority that has
/// records to fix.
pub fn pages(report: &QualityReport, lang: Lang) -> Vec<Page> {
    let mut pages = vec![Page {
        file: INDEX_PAGE.to_string(),
        html: overview(report, lang),
    }];
    for authority in &report.authorities {
        if records_to_fix(report, &authority.authority) > 0 {
            pages.push(Page {
                file: authority_page(&authority.authority),
                html: authority_html(report, lang, authority),
            });
        }
    }
    pages
}

/// The authority's name in the language.
fn authority_label(lang: Lang, authority: &AuthorityQuality) -> String {
    match Authority::from_code(&authority.authority) {
        Some(a) if lang == Lang::En => a.english().to_string(),
        Some(_) => authority.label.clone(),
        None => lang.texts().unknown_authority.to_string(),
    }
}

fn records_to_fix(report: &QualityReport, authority: &str) -> usize {
    report
        .records_with_issues
        .iter()
        .filter(|r| r.authority.as_deref() == Some(authority))
        .count()
}

/// "1.234 (12 %)": a count with its share of `whole`, so a reader need not divide.
fn with_share(lang: Lang, count: u64, whole: u64) -> String {
    if whole == 0 {
        return number(lang, count);
    }
    let percent = (count as f64 * 100.0 / whole as f64).round() as u64;
    format!("{} ({percent} %)", number(lang, count))
}

fn head(lang: Lang, title: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="{code}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="report.css">
<link rel="icon" href="data:,">
</head>
<body>
"#,
        code = lang.code(),
        title = escape(title),
    )
}

fn foot(t: &Texts) -> String {
    format!(
        "<footer><p>{} <a href=\"report.json\">report.json</a>.</p></footer>\n</body>\n</html>\n",
        t.json_note
    )
}

/// A table cell labelled by its column, so the row can stack as a card on a phone.
fn cell(label: &str, content: &str) -> String {
    format!(r#"<td data-label="{}">{content}</td>"#, escape(label))
}

fn overview(report: &QualityReport, lang: Lang) -> String {
    let t = lang.texts();
    let today = date(lang, report.today);
    let mut h = head(lang, &format!("{} – {today}", t.title));
    let _ = write!(
        h,
        r##"<header><p class="kicker">{kicker}</p>
<h1>{title}</h1>
<p>{made_on} {today} · <code>{catalogue}</code>. {checked}</p>
</header>
<main>
<nav aria-labelledby="toc-h" class="toc"><h2 id="toc-h">{contents}</h2><ol>
<li><a href="#summary-h">{overview}</a></li>
<li><a href="#cat-h">{problems}</a></li>
<li><a href="#fresh-h">{age}</a></li>
<li><a href="#pages-h">{pages}</a></li>
</ol></nav>
<section aria-labelledby="summary-h"><h2 id="summary-h">{overview}</h2>
<dl class="figures">
<div><dt>{records_label}</dt><dd>{records}</dd></div>
<div><dt>{searchable}</dt><dd>{accepted}</dd></div>
<div><dt>{rejected_label}</dt><dd>{rejected}</dd></div>
<div><dt>{warnings_label}</dt><dd>{warnings}</dd></div>
</dl>
<p>{order}</p>
</section>
"##,
        kicker = t.kicker,
        title = t.title,
        made_on = t.made_on,
        catalogue = escape(&report.catalogue),
        checked = t.every_field_checked,
        contents = t.contents,
        overview = t.overview,
        problems = t.problems_by_authority,
        age = t.age_heading,
        pages = t.authority_pages,
        records_label = t.records,
        records = number(lang, report.records),
        searchable = t.searchable,
        accepted = with_share(lang, report.accepted, report.records),
        rejected_label = t.rejected,
        rejected = with_share(lang, report.rejected, report.records),
        warnings_label = t.warnings,
        warnings = number(lang, report.warnings),
        order = t.order_note,
    );
    categories_section(&mut h, report, lang);
    freshness_section(&mut h, report, lang);
    let _ = write!(
        h,
        r#"<section aria-labelledby="pages-h"><h2 id="pages-h">{}</h2><p>{}</p><ul class="pages">"#,
        t.authority_pages, t.authority_pages_note
    );
    for a in &report.authorities {
        let n = records_to_fix(report, &a.authority);
        let label = escape(&authority_label(lang, a));
        if n > 0 {
            let _ = writeln!(
                h,
                r#"<li><a href="{}">{label}</a>: {} {} {}</li>"#,
                authority_page(&a.authority),
                with_share(lang, n as u64, a.records),
                t.of_records(lang, a.records),
                t.to_fix
            );
        } else {
            let _ = writeln!(h, "<li>{label}: {}</li>", t.no_records_to_fix);
        }
    }
    h.push_str("</ul></section>\n</main>\n");
    h.push_str(&foot(t));
    h
}

impl Texts {
    /// "af 1.234" / "of 1,234": after a count with its share.
    fn of_records(&self, lang: Lang, whole: u64) -> String {
        match lang {
            Lang::Da => format!("af {}", number(lang, whole)),
            Lang::En => format!("of {}", number(lang, whole)),
        }
    }
}

/// Opens a section (labelled by its heading, `id`) that shows a chart: the heading, a note and
/// the chart with its title as the caption. The section's table and `</section>` follow.
fn chart_section_start(
    h: &mut String,
    id: &str,
    heading: &str,
    note: &str,
    chart: &str,
    chart_title: &str,
) {
    let _ = write!(
        h,
        r#"<section aria-labelledby="{id}"><h2 id="{id}">{heading}</h2>
<p>{note}</p>
<figure>{chart}<figcaption>{chart_title}.</figcaption></figure>
"#
    );
}

/// Opens a stacked table up to its body: its caption, the head of its row-label column
/// (`first`), and one column head per `columns` (escaped).
fn table_head<'a>(
    h: &mut String,
    caption: &str,
    first: &str,
    columns: impl Iterator<Item = &'a str>,
) {
    let _ = write!(
        h,
        r#"<table class="stack"><caption>{caption}</caption><thead><tr><th scope="col">{first}</th>"#
    );
    for column in columns {
        let _ = write!(h, r#"<th scope="col">{}</th>"#, escape(column));
    }
    h.push_str("</tr></thead><tbody>");
}

fn categories_section(h: &mut String, report: &QualityReport, lang: Lang) {
    let t = lang.texts();
    let mut series: Vec<&str> = vec![t.clean];
    series.extend(Category::ALL.iter().map(|c| c.label(lang)));
    let labels: Vec<String> = report
        .authorities
        .iter()
        .map(|a| authority_label(lang, a))
        .collect();
    let bars: Vec<Bar<'_>> = report
        .authorities
        .iter()
        .zip(&labels)
        .map(|(a, label)| {
            let mut values = vec![a.clean];
            values.extend(
                Category::ALL
                    .iter()
                    .map(|c| a.by_top_category.get(c).copied().unwrap_or(0)),
            );
            Bar { label, values }
        })
        .collect();
    let chart = stacked_bars(lang, t.problems_chart, &series, &bars);
    chart_section_start(
        h,
        "cat-h",
        t.problems_by_authority,
        t.problems_note,
        &chart,
        t.problems_chart,
    );
    // One column per authority and one row per kind of problem: six authorities fit a wide
    // screen's column, where ten kinds of problem as columns did not.
    let columns = labels.iter().map(String::as_str);
    table_head(h, t.problems_table, t.problem, columns);
    let mut row = |name: &str, count: &dyn Fn(&AuthorityQuality) -> Option<u64>| {
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, escape(name));
        for (a, label) in report.authorities.iter().zip(&labels) {
            let shown = match count(a) {
                Some(n) => with_share(lang, n, a.records),
                None => number(lang, a.records),
            };
            h.push_str(&cell(label, &shown));
        }
        h.push_str("</tr>");
    };
    row(t.records, &|_| None);
    row(t.clean, &|a| Some(a.clean));
    for c in Category::ALL {
        row(c.label(lang), &|a| {
            Some(a.by_category.get(&c).copied().unwrap_or(0))
        });
    }
    h.push_str("</tbody></table></section>\n");
}

fn freshness_section(h: &mut String, report: &QualityReport, lang: Lang) {
    let t = lang.texts();
    let series: Vec<&str> = FreshnessBucket::ALL.iter().map(|b| b.label(lang)).collect();
    let dated: Vec<(&AuthorityQuality, String)> = report
        .authorities
        .iter()
        .filter(|a| !a.freshness.is_empty())
        .map(|a| (a, authority_label(lang, a)))
        .collect();
    let bars: Vec<Bar<'_>> = dated
        .iter()
        .map(|(a, label)| Bar {
            label,
            values: FreshnessBucket::ALL
                .iter()
                .map(|b| a.freshness.get(b).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    let chart = stacked_bars(lang, t.age_chart, &series, &bars);
    chart_section_start(h, "fresh-h", t.age_heading, t.age_note, &chart, t.age_chart);
    table_head(h, t.age_table, t.authority, series.iter().copied());
    for (a, label) in &dated {
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, escape(label));
        let whole: u64 = a.freshness.values().sum();
        for b in FreshnessBucket::ALL {
            let count = a.freshness.get(&b).copied().unwrap_or(0);
            h.push_str(&cell(b.label(lang), &with_share(lang, count, whole)));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></section>\n");
}

fn authority_html(report: &QualityReport, lang: Lang, authority: &AuthorityQuality) -> String {
    let t = lang.texts();
    let label = authority_label(lang, authority);
    let total = records_to_fix(report, &authority.authority);
    let mut h = head(lang, &format!("{label} – {}", t.title));
    let _ = write!(
        h,
        r#"<header><p class="kicker"><a href="{index}">{back}</a></p>
<h1>{label}</h1>
<p>{made_on} {today}. {share} {of_records} {with_problems}{shown}.</p>
</header>
<main>
<p>{rank}</p>
<dl class="figures compact">"#,
        index = INDEX_PAGE,
        back = t.back_to_overview,
        label = escape(&label),
        made_on = t.made_on,
        today = date(lang, report.today),
        share = with_share(lang, total as u64, authority.records),
        of_records = t.of_records(lang, authority.records),
        with_problems = t.with_problems,
        shown = if total > LISTED_PER_AUTHORITY {
            format!("; {LISTED_PER_AUTHORITY} {}", t.shown_of)
        } else {
            String::new()
        },
        rank = t.rank_note,
    );
    for c in Category::ALL {
        let count = authority.by_category.get(&c).copied().unwrap_or(0);
        if count > 0 {
            let _ = write!(
                h,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                escape(c.label(lang)),
                with_share(lang, count, authority.records)
            );
        }
    }
    let _ = write!(
        h,
        r#"</dl>
<table class="records stack"><caption>{label}: {caption}</caption>
<thead><tr><th scope="col">{record}</th><th scope="col">{line}</th><th scope="col">{oldest}</th><th scope="col">{problems}</th></tr></thead><tbody>"#,
        label = escape(&label),
        caption = t.records_caption,
        record = t.col_record,
        line = t.col_line,
        oldest = t.col_oldest,
        problems = t.col_problems,
    );
    for row in report.listed_for(&authority.authority, LISTED_PER_AUTHORITY) {
        let name = match (&row.name, &row.id) {
            (Some(name), Some(id)) => {
                format!("{} <span class=\"id\">{}</span>", escape(name), escape(id))
            }
            (None, Some(id)) => escape(id),
            _ => t.unreadable.to_owned(),
        };
        let age = row.oldest_update_days.map_or_else(
            || "–".to_owned(),
            |d| format!("{} {}", number(lang, u64::try_from(d).unwrap_or(0)), t.days),
        );
        let mut issues = String::from("<ul>");
        // `check`'s finding and the report's own can say the same (a marking): once is enough.
        let mut said: Vec<(Category, String)> = Vec::new();
        for issue in &row.issues {
            let sentence = issue.sentence.say(lang);
            if said.contains(&(issue.category, sentence.clone())) {
                continue;
            }
            let _ = write!(
                issues,
                "<li><span class=\"cat\">{}:</span> {}.</li>",
                escape(issue.category.label(lang)),
                escape(&sentence)
            );
            said.push((issue.category, sentence));
        }
        issues.push_str("</ul>");
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{name}</th>{}{}{}</tr>",
            cell(t.col_line, &number(lang, row.line)),
            cell(t.col_oldest, &age),
            cell(t.col_problems, &issues)
        );
    }
    h.push_str("</tbody></table>\n</main>\n");
    h.push_str(&foot(t));
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authority_pages_have_safe_file_names() {
        assert_eq!(authority_page("midt"), "tilsyn-midt.html");
        assert_eq!(authority_page("../x y"), "tilsyn----x-y.html");
    }
}
