//! The sample catalogue of Tilbudsfinder: a deterministic, realistic generator of offers and
//! foster families ([`generate`]), for demos (`tilbudsfinder generate`), tests and benchmarks.
//!
//! It lives apart from the catalogue crate so that what compiles to the browser (the index and
//! web crates, over the catalogue's model and vocabulary) never compiles the generator: only the
//! CLI depends on it, and the index and web crates only as a dev-dependency.

// The generator's modules were written inside the catalogue crate and name its types by
// `crate::` paths; these aliases keep those paths (and the files unchanged, so their history
// follows the move).
pub(crate) use catalogue::{date, model, vocab};

pub mod generate;

pub use generate::{write_jsonl, Generator, GeneratorOptions};

use catalogue::check::{CheckOptions, Checker, Outcome};
use catalogue::Record;

/// The sample's records that `check` accepts on `options.today`, in order: what a build of the
/// sample indexes (the sample is meant to have no rejections; a test that builds an index from
/// it should not depend on that).
pub fn accepted(options: GeneratorOptions) -> Vec<Record> {
    let mut checker = Checker::new(CheckOptions {
        today: options.today,
    });
    (1..)
        .zip(Generator::new(options))
        .filter_map(|(line, record)| match checker.check_record(line, record) {
            Outcome::Accepted { record, .. } => Some(record),
            Outcome::Rejected { .. } => None,
        })
        .collect()
}
