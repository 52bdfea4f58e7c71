//! Where keyboard focus goes when what had it disappears, so that a keyboard or screen-reader
//! user goes on where they were and never lands on the page's body:
//! - [`use_focus_return`]: a view opened over the page closes (the detail, the comparison,
//!   "write to all"): back to the button that opened it, or to `fallback` when that button is
//!   gone (the view was opened by a link);
//! - [`use_focus_after_removal`]: an item of a list is removed (a filter chip, a saved record):
//!   to the item now in its place.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The slot to put the opening button in (when the view opens); focused once `open` turns false.
#[hook]
pub fn use_focus_return(open: bool, fallback: Option<NodeRef>) -> Rc<RefCell<Option<HtmlElement>>> {
    let opener = use_mut_ref(|| None::<HtmlElement>);
    let first = use_mut_ref(|| true);
    {
        let opener = opener.clone();
        use_effect_with(open, move |open| {
            let initial = std::mem::replace(&mut *first.borrow_mut(), false);
            if *open || initial {
                return;
            }
            let returned = opener
                .borrow_mut()
                .take()
                .is_some_and(|button| button.is_connected() && button.focus().is_ok());
            if !returned {
                if let Some(h) = fallback.and_then(|f| f.cast::<HtmlElement>()) {
                    let _ = h.focus();
                }
            }
        });
    }
    opener
}

/// After an item of a list is removed (its position put in the slot returned), focus goes to the
/// item now in its place, or the last one, found by `selector` inside `list`; with none left, or
/// the position `usize::MAX` (all removed at once), to `fallback`. `len` is the list's length:
/// the focus moves once the list has been drawn without the item.
#[hook]
pub fn use_focus_after_removal(
    list: NodeRef,
    selector: &'static str,
    len: usize,
    fallback: NodeRef,
) -> Rc<RefCell<Option<usize>>> {
    let removed_at = use_mut_ref(|| None::<usize>);
    {
        let removed_at = removed_at.clone();
        use_effect_with(len, move |_| {
            let Some(at) = removed_at.borrow_mut().take() else {
                return;
            };
            let item = list
                .cast::<HtmlElement>()
                .and_then(|l| l.query_selector_all(selector).ok())
                .filter(|items| items.length() > 0 && at != usize::MAX)
                .and_then(|items| items.get((at as u32).min(items.length() - 1)))
                .and_then(|node| node.dyn_into::<HtmlElement>().ok());
            let focused = item.is_some_and(|item| item.focus().is_ok());
            if !focused {
                if let Some(el) = fallback.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    removed_at
}
