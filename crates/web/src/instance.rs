//! Each app's number, the `N` of its element ids (`tfN-title`, `tfN-sort`, `tfN-f-region-3`):
//! ids stay unique on a page with several apps (two widgets, a widget mounted again), and each
//! label, `aria-labelledby` and `list` points into its own app.
//!
//! The build's prerendered views ([`crate::prerender`]) are all numbered [`PRERENDERED`], which
//! no app in a browser gets. An app loads beside such a view (the page's, or a widget's in its
//! shadow root) and both are in the document until the app takes the view's place, so their
//! ids differ at every moment; a page or shadow root holds at most one prerendered view. Ids
//! play no part in layout: the takeover moves nothing.

use std::cell::Cell;

/// The number of every prerendered view's ids.
pub const PRERENDERED: u32 = 0;

thread_local! {
    /// The next app's number.
    static NEXT: Cell<u32> = const { Cell::new(PRERENDERED + 1) };
    /// Set while the build prerenders ([`prerendering`]).
    static PRERENDERING: Cell<bool> = const { Cell::new(false) };
}

/// A number for a new app: [`PRERENDERED`] while the build prerenders, else one no other app on
/// this page has.
pub fn next_instance() -> u32 {
    if PRERENDERING.get() {
        return PRERENDERED;
    }
    NEXT.with(|next| {
        let n = next.get();
        next.set(n + 1);
        n
    })
}

/// Runs `render` as the build's prerendering: every app it draws is numbered [`PRERENDERED`].
pub fn prerendering<T>(render: impl FnOnce() -> T) -> T {
    /// Ends the prerendering however `render` ends.
    struct Done;
    impl Drop for Done {
        fn drop(&mut self) {
            PRERENDERING.set(false);
        }
    }
    PRERENDERING.set(true);
    let _done = Done;
    render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prerendered_views_never_share_a_number_with_an_app() {
        let first = next_instance();
        assert_ne!(first, PRERENDERED);
        assert_eq!(
            prerendering(|| [next_instance(), next_instance()]),
            [PRERENDERED; 2]
        );
        let after = next_instance();
        assert!(
            after > first && after != PRERENDERED,
            "{first} then {after}"
        );
    }
}
