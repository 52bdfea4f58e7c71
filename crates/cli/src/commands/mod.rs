//! One module a subcommand; each has `Args` (its flags, documented) and `run`.

pub mod build;
pub mod capacity;
pub mod check;
pub mod generate;
pub mod migrate;
pub mod query;
pub mod report;
pub mod serve;
