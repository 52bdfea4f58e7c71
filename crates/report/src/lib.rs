//! The data-quality report for the supervising authorities (socialtilsyn).
//!
//! The national audit found that nobody could see how stale or wrong the portal's data were. This
//! crate turns the findings of `check` into the view an authority needs: per authority, how many
//! of its records are current, stale, missing what caseworkers rely on, or inconsistent; and per
//! record, what is wrong, ranked by what matters most to a caseworker choosing a place:
//!
//! 1. rejected records (they are not searchable at all),
//! 2. records the authority has marked as wrong,
//! 3. free places not reported lately (a caseworker phones in vain),
//! 4. rates not updated in a year (prices cannot be trusted),
//! 5. other parts not updated in a year,
//! 6. missing contact details and descriptions,
//! 7. other warnings.
//!
//! [`ReportBuilder`] takes the outcomes one at a time (bounded memory per record: only records
//! with something to report are kept, as compact rows), [`QualityReport`] serialises to JSON
//! (unchanged for machines), and [`html::pages`] writes static pages in Danish or English
//! ([`lang`]): an overview with a table of contents and one page per authority, each finding
//! said as a sentence ([`sentence`]), whose charts ([`svg`]) are drawn by our own code and each
//! followed by the same figures as a table, for screen readers. [`escape()`] is the one escaping
//! of text for both.

mod escape;
pub mod html;
pub mod lang;
mod quality;
pub mod sentence;
pub mod svg;

pub use escape::escape;
pub use lang::Lang;

pub use quality::{
    AuthorityQuality, Category, FreshnessBucket, Issue, QualityReport, RecordQuality, ReportBuilder,
};
