//! `use_focus_return`: where keyboard focus goes when a view opened over the page closes (the
//! detail, the comparison, "write to all"): back to the button that opened it, so a keyboard or
//! screen-reader user goes on where they were, or to `fallback` when that button is gone (the
//! view was opened by a link).

use std::cell::RefCell;
use std::rc::Rc;

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
