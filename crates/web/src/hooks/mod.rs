//! Hooks: loading the index, values that follow a frame after the input, values that settle
//! before they are announced, and where focus goes when a view closes.

pub mod use_after_paint;
pub mod use_closable_view;
pub mod use_debounced;
pub mod use_focus_return;
pub mod use_index;
pub mod use_records;
pub mod use_url_sync;

pub use use_after_paint::use_after_paint;
pub use use_closable_view::use_closable_view;
pub use use_debounced::use_debounced;
pub use use_focus_return::{use_focus_after_removal, use_focus_return};
pub use use_index::{use_index, IndexLoad, IndexRef, LoadState};
pub use use_records::{use_records, Records};
pub use use_url_sync::use_url_sync;
