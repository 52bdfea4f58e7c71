//! Dense document sets over one mode's documents: the query engine's working form.
//!
//! With at most a few hundred facet values and documents numbered densely, a bitset per value
//! makes disjunctive facet counting an AND and a popcount per 64 documents, which is what keeps
//! a search with every count under a fraction of a millisecond.

/// A set of documents `0..len`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: u32,
}

impl Bits {
    /// The empty set over `len` documents.
    pub fn empty(len: u32) -> Bits {
        Bits {
            words: vec![0; (len as usize).div_ceil(64)],
            len,
        }
    }

    /// Every document of `0..len`.
    pub fn full(len: u32) -> Bits {
        let mut bits = Bits {
            words: vec![u64::MAX; (len as usize).div_ceil(64)],
            len,
        };
        let tail = len % 64;
        if tail != 0 {
            if let Some(last) = bits.words.last_mut() {
                *last = (1u64 << tail) - 1;
            }
        }
        bits
    }

    /// A set of the given documents (each below `len`; others are ignored).
    pub fn from_docs(len: u32, docs: &[u32]) -> Bits {
        let mut bits = Bits::empty(len);
        for &doc in docs {
            bits.insert(doc);
        }
        bits
    }

    /// The set whose documents are the set bits of `bytes` (bit `d % 8` of byte `d / 8`), over
    /// `len` documents; bits past `len` are ignored.
    pub fn from_le_bytes(len: u32, bytes: &[u8]) -> Bits {
        let mut bits = Bits::empty(len);
        for (word, chunk) in bits.words.iter_mut().zip(bytes.chunks(8)) {
            let mut le = [0u8; 8];
            le[..chunk.len()].copy_from_slice(chunk);
            *word = u64::from_le_bytes(le);
        }
        let tail = len % 64;
        if tail != 0 {
            if let Some(last) = bits.words.last_mut() {
                *last &= (1u64 << tail) - 1;
            }
        }
        bits
    }

    /// Number of documents the set ranges over.
    pub fn universe(&self) -> u32 {
        self.len
    }

    /// Adds a document.
    pub fn insert(&mut self, doc: u32) {
        if doc < self.len {
            self.words[(doc / 64) as usize] |= 1 << (doc % 64);
        }
    }

    /// Removes a document.
    pub fn remove(&mut self, doc: u32) {
        if doc < self.len {
            self.words[(doc / 64) as usize] &= !(1 << (doc % 64));
        }
    }

    /// Whether a document is in the set.
    pub fn contains(&self, doc: u32) -> bool {
        doc < self.len && self.words[(doc / 64) as usize] & (1 << (doc % 64)) != 0
    }

    /// Keeps only documents also in `other`.
    pub fn intersect_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Adds every document of `other`.
    pub fn union_with(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Number of documents in the set.
    pub fn count(&self) -> u32 {
        self.words.iter().map(|w| w.count_ones()).sum()
    }

    /// Size of the intersection with `other`, without building it.
    pub fn count_and(&self, other: &Bits) -> u32 {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones())
            .sum()
    }

    /// The documents in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &word)| {
            let mut rest = word;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let bit = rest.trailing_zeros();
                rest &= rest - 1;
                Some(i as u32 * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_operations_agree_with_lists() {
        let a = Bits::from_docs(130, &[0, 5, 64, 129]);
        let b = Bits::from_docs(130, &[5, 64, 100]);
        assert_eq!(a.count_and(&b), 2);
        let mut c = a.clone();
        c.intersect_with(&b);
        assert_eq!(c.iter().collect::<Vec<_>>(), vec![5, 64]);
        c.union_with(&a);
        assert_eq!(c.iter().collect::<Vec<_>>(), vec![0, 5, 64, 129]);
        assert_eq!(Bits::full(130).count(), 130);
        assert!(!Bits::full(130).contains(130));
    }
}
