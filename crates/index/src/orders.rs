//! The orders of the sorts that do not depend on the query: the name order, which is the doc
//! order (the writer numbers each mode's docs by name, so opening the index collates nothing),
//! and the price, free-places
//! and updated orders, built from the card columns the first time a query sorts or breaks a tie
//! by them (the empty query's first results need none of them).
//!
//! Each is kept both ways: the rank of every doc (to sort a query's matches by it) and the docs
//! in rank order (a page of a query-independent order is the first matching docs of the list,
//! found without sorting).

use std::cmp::Reverse;

use catalogue::vocab::PriceBasis;

use crate::format::cards::Columns;

/// One order of every doc.
pub(crate) struct SortOrder {
    /// The position of each doc in the order.
    pub rank: Vec<u32>,
    /// The docs in the order (rank → doc).
    pub order: Vec<u32>,
}

impl SortOrder {
    /// From the docs in order (a permutation of `0..order.len()`).
    pub fn from_order(order: Vec<u32>) -> SortOrder {
        let mut rank = vec![0u32; order.len()];
        for (r, &doc) in order.iter().enumerate() {
            if let Some(slot) = rank.get_mut(doc as usize) {
                *slot = r as u32;
            }
        }
        SortOrder { rank, order }
    }

    /// The doc order (the name order since format 4).
    pub fn identity(n: usize) -> SortOrder {
        let order: Vec<u32> = (0..n as u32).collect();
        SortOrder {
            rank: order.clone(),
            order,
        }
    }

    /// The order `key` gives (the key must be unique per doc).
    fn by_key<K: Ord>(n: usize, key: impl Fn(usize) -> K) -> SortOrder {
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_by_cached_key(|&d| key(d as usize));
        SortOrder::from_order(order)
    }
}

/// The orders built on first use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LazySort {
    /// Price per basis (per day, per hour, per course), lowest first; no price last.
    PriceAsc,
    /// The same, highest first.
    PriceDesc,
    /// Most free places first; none reported last.
    FreePlaces,
    /// Most recently updated (oldest part) first.
    Updated,
}

impl LazySort {
    /// How many there are (the slots of [`LazySort::slot`]).
    pub const COUNT: usize = 4;

    /// Where the order is kept.
    pub fn slot(self) -> usize {
        self as usize
    }

    /// Builds the order; ties by name (`name_rank`).
    pub fn build(self, columns: &Columns, name_rank: &[u32]) -> SortOrder {
        let n = name_rank.len();
        let basis_order = |b: PriceBasis| b as u8;
        let normalised = &columns.normalised;
        match self {
            LazySort::PriceAsc => SortOrder::by_key(n, |d| match normalised[d] {
                Some((b, p)) => (0u8, basis_order(b), float_key(p), name_rank[d]),
                None => (1, 0, 0, name_rank[d]),
            }),
            LazySort::PriceDesc => SortOrder::by_key(n, |d| match normalised[d] {
                Some((b, p)) => (0u8, basis_order(b), float_key(-p), name_rank[d]),
                None => (1, 0, 0, name_rank[d]),
            }),
            // Descending by `Reverse`, not by subtracting from MAX: a day number before 1970 is
            // negative, and `i32::MAX - updated` overflowed (found by fuzz/core_file).
            LazySort::FreePlaces => SortOrder::by_key(n, |d| match columns.free[d] {
                Some(f) => (0u8, Reverse(f), name_rank[d]),
                None => (1, Reverse(0), name_rank[d]),
            }),
            LazySort::Updated => {
                SortOrder::by_key(n, |d| (Reverse(columns.updated_oldest[d]), name_rank[d]))
            }
        }
    }
}

/// Total order on f64 as a sortable integer.
fn float_key(value: f64) -> i64 {
    let bits = value.to_bits() as i64;
    bits ^ (((bits >> 63) as u64) >> 1) as i64
}
