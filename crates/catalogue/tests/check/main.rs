//! Integration tests of the catalogue's reader and `check`, one test binary with a module per
//! concern: the committed corpus of broken records, the bad-input list of issue 3, the documented
//! examples, and a property test that no input panics and the accounting always holds.

mod bad_input;
mod corpus;
mod examples;
mod never_panics;
mod support;
