//! The report as one static HTML page (plus `report.css`): no script, no inline style, so it
//! can be served under the same strict Content-Security-Policy as the site.

use std::fmt::Write;

use crate::quality::{danish_date, Category, FreshnessBucket, QualityReport, LISTED_PER_AUTHORITY};
use crate::svg::{stacked_bars, Bar};

/// The stylesheet the page links to; write it next to the page as `report.css`.
pub const STYLESHEET: &str = include_str!("report.css");

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn number(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Renders the report page.
pub fn render(report: &QualityReport) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        r#"<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Datakvalitet i tilbudskataloget – {today_words}</title>
<link rel="stylesheet" href="report.css">
<link rel="icon" href="data:,">
</head>
<body>
<header><p class="kicker">Tilbudsfinder · rapport til socialtilsynene</p>
<h1>Datakvalitet i tilbudskataloget</h1>
<p>Opgjort {today_words} for kataloget <code>{catalogue}</code>. Hvert felt i hver post er kontrolleret.</p>
</header>
<main>
{toc}
<section aria-labelledby="summary-h"><h2 id="summary-h">Overblik</h2>
<dl class="figures">
<div><dt>Poster</dt><dd>{records}</dd></div>
<div><dt>Kan søges frem</dt><dd>{accepted}</dd></div>
<div><dt>Afvist</dt><dd>{rejected}</dd></div>
<div><dt>Advarsler</dt><dd>{warnings}</dd></div>
</dl>
<p>Rækkefølgen nedenfor følger det, der betyder mest for en sagsbehandler: afviste poster, poster
markeret af tilsynet, ledige pladser der ikke er meldt, gamle takster, andre gamle oplysninger og
manglende kontaktoplysninger.</p>
</section>
"#,
        today_words = danish_date(report.today),
        toc = table_of_contents(report),
        catalogue = escape(&report.catalogue),
        records = number(report.records),
        accepted = number(report.accepted),
        rejected = number(report.rejected),
        warnings = number(report.warnings),
    );
    categories_section(&mut h, report);
    freshness_section(&mut h, report);
    for authority in &report.authorities {
        authority_section(&mut h, report, &authority.authority, &authority.label);
    }
    h.push_str("</main>\n<footer><p>Tallene findes også som <a href=\"report.json\">report.json</a>.</p></footer>\n</body>\n</html>\n");
    h
}

/// "1.234 (12 %)": a count with its share of `whole`, so a reader need not divide.
fn with_share(count: u64, whole: u64) -> String {
    if whole == 0 {
        return number(count);
    }
    let percent = (count as f64 * 100.0 / whole as f64).round() as u64;
    format!("{} ({percent} %)", number(count))
}

/// The page's sections, each authority's with how many records it should look at.
fn table_of_contents(report: &QualityReport) -> String {
    let mut toc = String::from(
        r##"<nav aria-labelledby="toc-h" class="toc"><h2 id="toc-h">Indhold</h2><ol>
<li><a href="#summary-h">Overblik</a></li>
<li><a href="#cat-h">Problemer pr. tilsyn</a></li>
<li><a href="#fresh-h">Hvor gamle er oplysningerne?</a></li>
"##,
    );
    for a in &report.authorities {
        let with_issues = report
            .records_with_issues
            .iter()
            .filter(|r| r.authority.as_deref() == Some(a.authority.as_str()))
            .count();
        if with_issues > 0 {
            let _ = writeln!(
                toc,
                r##"<li><a href="#a-{}">{}</a>: {} poster at rette</li>"##,
                escape(&a.authority),
                escape(&a.label),
                number(with_issues as u64)
            );
        }
    }
    toc.push_str("</ol></nav>\n");
    toc
}

fn categories_section(h: &mut String, report: &QualityReport) {
    let mut series: Vec<&str> = vec!["Uden problemer"];
    series.extend(Category::ALL.iter().map(|c| c.label()));
    let bars: Vec<Bar<'_>> = report
        .authorities
        .iter()
        .map(|a| {
            let mut values = vec![a.clean];
            values.extend(
                Category::ALL
                    .iter()
                    .map(|c| a.by_top_category.get(c).copied().unwrap_or(0)),
            );
            Bar {
                label: &a.label,
                values,
            }
        })
        .collect();
    let _ = write!(
        h,
        r#"<section aria-labelledby="cat-h"><h2 id="cat-h">Problemer pr. tilsyn</h2>
<p>Hver post tæller én gang, under sit vigtigste problem. Tabellen tæller poster med mindst ét
problem af hver slags, så en post kan tælle med flere steder dér.</p>
<figure>{}<figcaption>Poster pr. tilsyn efter deres vigtigste problem.</figcaption></figure>
<table tabindex="0"><caption>Poster med problemer pr. tilsyn</caption><thead><tr><th scope="col">Tilsyn</th><th scope="col">Poster</th><th scope="col">Uden problemer</th>"#,
        stacked_bars(
            "Poster pr. tilsyn efter deres vigtigste problem",
            &series,
            &bars
        )
    );
    for c in Category::ALL {
        let _ = write!(h, r#"<th scope="col">{}</th>"#, escape(c.label()));
    }
    h.push_str("</tr></thead><tbody>");
    for a in &report.authorities {
        let _ = write!(
            h,
            r#"<tr><th scope="row">{}</th><td>{}</td><td>{}</td>"#,
            escape(&a.label),
            number(a.records),
            with_share(a.clean, a.records)
        );
        for c in Category::ALL {
            let _ = write!(
                h,
                "<td>{}</td>",
                with_share(a.by_category.get(&c).copied().unwrap_or(0), a.records)
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></section>\n");
}

fn freshness_section(h: &mut String, report: &QualityReport) {
    let series: Vec<&str> = FreshnessBucket::ALL.iter().map(|b| b.label()).collect();
    let bars: Vec<Bar<'_>> = report
        .authorities
        .iter()
        .filter(|a| !a.freshness.is_empty())
        .map(|a| Bar {
            label: &a.label,
            values: FreshnessBucket::ALL
                .iter()
                .map(|b| a.freshness.get(b).copied().unwrap_or(0))
                .collect(),
        })
        .collect();
    let _ = write!(
        h,
        r#"<section aria-labelledby="fresh-h"><h2 id="fresh-h">Hvor gamle er oplysningerne?</h2>
<p>Alderen på hver posts ældste del (stamdata, pladser, ydelser, økonomi eller faglig tilgang).</p>
<figure>{}<figcaption>Poster efter alderen på deres ældste oplysning.</figcaption></figure>
<table tabindex="0"><caption>Poster efter alderen på den ældste oplysning</caption><thead><tr><th scope="col">Tilsyn</th>"#,
        stacked_bars(
            "Poster efter alderen på deres ældste oplysning",
            &series,
            &bars
        )
    );
    for b in FreshnessBucket::ALL {
        let _ = write!(h, r#"<th scope="col">{}</th>"#, escape(b.label()));
    }
    h.push_str("</tr></thead><tbody>");
    for a in report
        .authorities
        .iter()
        .filter(|a| !a.freshness.is_empty())
    {
        let _ = write!(h, r#"<tr><th scope="row">{}</th>"#, escape(&a.label));
        let dated: u64 = a.freshness.values().sum();
        for b in FreshnessBucket::ALL {
            let _ = write!(
                h,
                "<td>{}</td>",
                with_share(a.freshness.get(&b).copied().unwrap_or(0), dated)
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table></section>\n");
}

fn authority_section(h: &mut String, report: &QualityReport, authority: &str, label: &str) {
    let total = report
        .records_with_issues
        .iter()
        .filter(|r| r.authority.as_deref() == Some(authority))
        .count();
    if total == 0 {
        return;
    }
    let _ = write!(
        h,
        r#"<section aria-labelledby="a-{code}"><h2 id="a-{code}">{label}</h2>
<p>{total} poster med problemer{shown}.</p>
<table class="records" tabindex="0"><caption>{label}: poster med problemer, de vigtigste først</caption>
<thead><tr><th scope="col">Post</th><th scope="col">Linje</th><th scope="col">Ældste oplysning</th><th scope="col">Problemer</th></tr></thead><tbody>"#,
        code = escape(authority),
        label = escape(label),
        total = number(total as u64),
        shown = if total > LISTED_PER_AUTHORITY {
            format!("; de {LISTED_PER_AUTHORITY} vigtigste vises (alle står i report.json)")
        } else {
            String::new()
        },
    );
    for row in report.listed_for(authority, LISTED_PER_AUTHORITY) {
        let name = match (&row.name, &row.id) {
            (Some(name), Some(id)) => {
                format!("{} <span class=\"id\">{}</span>", escape(name), escape(id))
            }
            (None, Some(id)) => escape(id),
            _ => "(kunne ikke læses)".to_owned(),
        };
        let age = row
            .oldest_update_days
            .map_or_else(|| "–".to_owned(), |d| format!("{d} dage"));
        let _ = write!(
            h,
            "<tr><th scope=\"row\">{name}</th><td>{}</td><td>{age}</td><td><ul>",
            row.line
        );
        for issue in &row.issues {
            let _ = match &issue.sentence {
                Some(sentence) => write!(
                    h,
                    "<li><span class=\"cat\">{}</span> {}.</li>",
                    escape(issue.category.label()),
                    escape(sentence.trim_end_matches('.'))
                ),
                None => write!(
                    h,
                    "<li><span class=\"cat\">{}</span> <code>{}</code>: {}</li>",
                    escape(issue.category.label()),
                    escape(&issue.field),
                    escape(&issue.message)
                ),
            };
        }
        h.push_str("</ul></td></tr>");
    }
    h.push_str("</tbody></table></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn numbers_use_danish_thousands_separators() {
        assert_eq!(number(0), "0");
        assert_eq!(number(999), "999");
        assert_eq!(number(1000), "1.000");
        assert_eq!(number(1234567), "1.234.567");
    }
}
