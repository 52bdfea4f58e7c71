//! The widget's `part` names: which of the app's pieces a host page may style through the
//! widget's shadow root with `::part()` (`tilbuds-finder::part(card) { … }`, docs/embedding.md),
//! each found by the class that marks it.
//!
//! One table, [`PARTS`], read in two places: the build writes the names into the widget's
//! prerendered view ([`with_parts`], called by `prerender::widget_view`), so a themed host page
//! shows that view themed from its first paint, before any script runs; and `www/widget.js`
//! gets the table from the wasm glue ([`widget_parts`]) to keep the live app's elements named
//! as they change.

use wasm_bindgen::prelude::*;

/// Each class that marks a piece, and the part name the piece gets; an element with several of
/// these classes carries all their names, in this order.
pub const PARTS: &[(&str, &str)] = &[
    ("tf-title", "title"),
    ("tf-search-input", "search-box"),
    ("tf-filters", "filters"),
    ("tf-facet", "facet-group"),
    ("tf-chip", "chip"),
    ("tf-results-title", "results-title"),
    ("tf-card", "card"),
    ("tf-button", "button"),
    ("tf-secondary", "button-secondary"),
    ("tf-detail", "detail"),
];

/// The part names an element with the class attribute `classes` carries, space-separated as
/// the `part` attribute takes them (empty when none).
pub fn part_names(classes: &str) -> String {
    let mut names = Vec::new();
    for (class, part) in PARTS {
        if classes.split_ascii_whitespace().any(|c| c == *class) {
            names.push(*part);
        }
    }
    names.join(" ")
}

/// `html`, as Yew renders it, with a `part` attribute on every element whose classes name a part
/// ([`part_names`]), written first after the element's name. Yew escapes `<` in text
/// and `"` in attribute values, so every `<` starts a tag and a quote ends only its own value:
/// catalogue text (`class="tf-card"` in a name, say) is never read as markup.
pub fn with_parts(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = tag_end(rest);
        let (tag, after) = rest.split_at(end);
        out.push_str(tag);
        if let Some((name_end, classes)) = start_tag_classes(tag) {
            let names = part_names(classes);
            if !names.is_empty() {
                let at = out.len() - tag.len() + name_end;
                out.insert_str(at, &format!(" part=\"{names}\""));
            }
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Where the tag (or comment) that `text` starts with ends: just after its `>` outside quotes,
/// or the end of `text` for one left open.
fn tag_end(text: &str) -> usize {
    if text.starts_with("<!--") {
        return text.find("-->").map_or(text.len(), |at| at + 3);
    }
    let mut quote = None;
    for (at, c) in text.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    text.len()
}

/// For a start tag (`<div class="a b" id="x">`): where its element name ends, and its class
/// attribute's value (empty when it has none); `None` for an end tag or a comment.
fn start_tag_classes(tag: &str) -> Option<(usize, &str)> {
    let body = tag.strip_prefix('<')?;
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_end = 1 + body
        .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
        .unwrap_or(body.len());
    let mut rest = &tag[name_end..];
    let mut classes = "";
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return Some((name_end, classes));
        }
        let name_len = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(name_len);
        rest = after.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let mut value = "";
        if let Some(after_eq) = rest.strip_prefix('=') {
            let after_eq = after_eq.trim_start_matches(|c: char| c.is_ascii_whitespace());
            let (v, after_value) = match after_eq.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let inner = &after_eq[1..];
                    let close = inner.find(q).unwrap_or(inner.len());
                    (&inner[..close], inner.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let stop = after_eq
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .unwrap_or(after_eq.len());
                    after_eq.split_at(stop)
                }
            };
            value = v;
            rest = after_value;
        }
        if name.eq_ignore_ascii_case("class") {
            classes = value;
        }
    }
}

/// [`PARTS`] for `www/widget.js`, as text: `class=part` pairs separated by spaces (a string
/// crosses to JavaScript with less code in the wasm than an array of arrays).
#[wasm_bindgen(js_name = widgetParts)]
pub fn widget_parts() -> String {
    let mut pairs = String::new();
    for (class, part) in PARTS {
        if !pairs.is_empty() {
            pairs.push(' ');
        }
        pairs.push_str(class);
        pairs.push('=');
        pairs.push_str(part);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reaches_widget_js_as_class_part_pairs() {
        let pairs = widget_parts();
        assert!(
            pairs.starts_with("tf-title=title tf-search-input=search-box "),
            "{pairs}"
        );
        assert_eq!(pairs.split(' ').count(), PARTS.len());
    }

    #[test]
    fn an_element_carries_the_part_of_each_of_its_classes_in_table_order() {
        assert_eq!(part_names("tf-card tf-card-marked"), "card");
        assert_eq!(
            part_names("tf-secondary tf-button"),
            "button button-secondary"
        );
        assert_eq!(part_names("tf-cards tf-titles"), "");
        assert_eq!(part_names(""), "");
    }

    #[test]
    fn rendered_markup_gets_its_parts_and_text_stays_text() {
        let html = "<div class=\"tf-app\"><h2 id=\"tf0-title\" class=\"tf-title\">Find</h2>\
                    <article class=\"tf-card\" data-id=\"a\"><a title=\"x > y class=&quot;tf-chip&quot;\" \
                    class=\"tf-card-link\">&lt;b class=\"tf-chip\"&gt; class=\"tf-button\"</a>\
                    <button type=\"button\" class=\"tf-button tf-secondary\" disabled>Gem</button>\
                    <input class=\"tf-search-input\"/><br/></article><!-- <p class=\"tf-chip\"> --></div>";
        assert_eq!(
            with_parts(html),
            "<div class=\"tf-app\"><h2 part=\"title\" id=\"tf0-title\" class=\"tf-title\">Find</h2>\
             <article part=\"card\" class=\"tf-card\" data-id=\"a\"><a title=\"x > y class=&quot;tf-chip&quot;\" \
             class=\"tf-card-link\">&lt;b class=\"tf-chip\"&gt; class=\"tf-button\"</a>\
             <button part=\"button button-secondary\" type=\"button\" class=\"tf-button tf-secondary\" disabled>Gem</button>\
             <input part=\"search-box\" class=\"tf-search-input\"/><br/></article><!-- <p class=\"tf-chip\"> --></div>"
        );
    }

    #[test]
    fn markup_cut_short_or_unquoted_is_read_without_a_panic() {
        assert_eq!(
            with_parts("<div class=\"tf-card"),
            "<div part=\"card\" class=\"tf-card"
        );
        assert_eq!(
            with_parts("<p class=tf-chip>é</p>"),
            "<p part=\"chip\" class=tf-chip>é</p>"
        );
        for unchanged in [
            "a < b",
            "<",
            "<!-- open <p class=\"tf-card\">",
            "</div class=\"tf-card\">",
        ] {
            assert_eq!(with_parts(unchanged), unchanged);
        }
    }
}
