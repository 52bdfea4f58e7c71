//! Benchmarks of the index (being written).
fn main() {}
