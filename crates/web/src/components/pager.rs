//! Numbered pages with previous and next, in a labelled navigation landmark.

use yew::prelude::*;

use crate::components::heading::use_app_title;
use crate::i18n::{self, Lang};

#[derive(Properties, PartialEq)]
pub struct PagerProps {
    pub lang: Lang,
    /// Zero-based current page.
    pub page: u32,
    /// Number of pages.
    pub pages: u32,
    pub on_page: Callback<u32>,
}

/// Which page numbers to show: the first, the last, and two either side of the current one.
pub fn visible_pages(page: u32, pages: u32) -> Vec<Option<u32>> {
    let mut out = Vec::new();
    let mut last_shown: Option<u32> = None;
    for p in 0..pages {
        let near = p.abs_diff(page) <= 2;
        if p == 0 || p + 1 == pages || near {
            if let Some(prev) = last_shown {
                if p > prev + 1 {
                    out.push(None);
                }
            }
            out.push(Some(p));
            last_shown = Some(p);
        }
    }
    out
}

/// Nothing when there is one page or none.
#[function_component(Pager)]
pub fn pager(props: &PagerProps) -> Html {
    let t = props.lang.texts();
    let app_title = use_app_title();
    if props.pages <= 1 {
        return html! {};
    }
    let go = |p: u32| {
        let on_page = props.on_page.clone();
        Callback::from(move |_: MouseEvent| on_page.emit(p))
    };
    let last = props.pages - 1;
    html! {
        <nav class="tf-pager" aria-label={app_title.label(t.pager_label)}>
            <p class="tf-page-of">{ i18n::page_of(props.lang, props.page + 1, props.pages) }</p>
            <ul class="tf-pager-list">
                if props.page > 0 {
                    <li><button type="button" class="tf-page tf-page-step" onclick={go(props.page - 1)}>{ t.previous_page }</button></li>
                }
                { for visible_pages(props.page, props.pages).into_iter().map(|p| match p {
                    Some(p) if p == props.page => html! {
                        <li><button type="button" class="tf-page tf-current" aria-current="page"
                                    aria-label={format!("{} {}, {}", t.page, p + 1, t.current_page)}>{ p + 1 }</button></li>
                    },
                    Some(p) => html! {
                        <li><button type="button" class="tf-page" aria-label={format!("{} {}", t.page, p + 1)}
                                    onclick={go(p)}>{ p + 1 }</button></li>
                    },
                    None => html! { <li class="tf-gap" aria-hidden="true">{ "…" }</li> },
                }) }
                if props.page < last {
                    <li><button type="button" class="tf-page tf-page-step" onclick={go(props.page + 1)}>{ t.next_page }</button></li>
                }
            </ul>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::visible_pages;

    #[test]
    fn shows_ends_and_neighbours_with_gaps() {
        assert_eq!(
            visible_pages(5, 20),
            vec![
                Some(0),
                None,
                Some(3),
                Some(4),
                Some(5),
                Some(6),
                Some(7),
                None,
                Some(19)
            ]
        );
        assert_eq!(visible_pages(0, 3), vec![Some(0), Some(1), Some(2)]);
    }
}
