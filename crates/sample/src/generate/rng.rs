//! The generator's own pseudo-random numbers: SplitMix64 to seed, xoshiro256** to draw.
//!
//! Why not the `rand` crate: the sample must be byte-identical for the same options on every
//! platform and every future version of this project, and `rand` does not promise stable streams
//! across its releases. Both algorithms here are a few lines, public domain
//! (Vigna & Blackman), and use only integer arithmetic. The floating-point helpers use only
//! IEEE-exact operations (no `ln`, `sin`, `exp`), whose results do not depend on the platform's
//! maths library.
//!
//! Every record gets its own generator, seeded from the catalogue seed, the record's kind and its
//! index ([`Rng::for_record`]): record *i* is computed without computing records 0..*i*.

/// SplitMix64: one 64-bit state, used to expand a seed into xoshiro's 256-bit state.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// A xoshiro256** generator with helpers for the draws the sample needs.
#[derive(Clone, Debug)]
pub struct Rng {
    state: [u64; 4],
}

/// Mixes a value into 64 well-spread bits (the SplitMix64 finaliser). Also used to derive
/// stable per-value numbers, such as a municipality's CVR number, from a key.
pub fn mix(value: u64) -> u64 {
    SplitMix64(value).next()
}

impl Rng {
    /// A generator seeded from one 64-bit seed.
    pub fn new(seed: u64) -> Rng {
        let mut sm = SplitMix64(seed);
        let state = [sm.next(), sm.next(), sm.next(), sm.next()];
        Rng { state }
    }

    /// The generator for one record: `stream` separates record kinds, `index` the records.
    pub fn for_record(seed: u64, stream: u64, index: u64) -> Rng {
        Rng::new(mix(
            seed ^ mix(stream.wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ mix(index))
        ))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.state[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.state[1] << 17;
        self.state[2] ^= self.state[0];
        self.state[3] ^= self.state[1];
        self.state[1] ^= self.state[2];
        self.state[0] ^= self.state[3];
        self.state[2] ^= t;
        self.state[3] = self.state[3].rotate_left(45);
        result
    }

    /// A uniform number in `0..n` (0 when `n` is 0), by Lemire's multiply-shift (the tiny bias
    /// at these sizes does not matter for sample data, and it needs no rejection loop).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A uniform integer in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        lo + self.below(u64::from(hi - lo) + 1) as u32
    }

    /// A uniform float in `[0, 1)` with 53 random bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform float in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// An approximately normal float (Irwin–Hall sum of four uniforms, clamped to ±3 sd).
    pub fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        let sum = self.unit() + self.unit() + self.unit() + self.unit();
        // Four uniforms: mean 2, variance 4/12, so sd = sqrt(1/3) = 0.57735...
        let z = (sum - 2.0) / 0.577_350_269_189_625_8;
        mean + sd * z.clamp(-3.0, 3.0)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice, uniformly; `None` for an empty one.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len() as u64) as usize)
    }

    /// One element by weight: `items` pairs a value with its weight. `None` when all weights are 0.
    pub fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> Option<&'a T> {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        if total == 0 {
            return None;
        }
        let mut ticket = self.below(total);
        for (item, weight) in items {
            let weight = u64::from(*weight);
            if ticket < weight {
                return Some(item);
            }
            ticket -= weight;
        }
        None
    }

    /// Up to `count` distinct elements by weight, in the order drawn (weighted sampling
    /// without replacement, which keeps the most likely ones first).
    pub fn weighted_distinct<T: Copy + PartialEq>(
        &mut self,
        items: &[(T, u32)],
        count: usize,
    ) -> Vec<T> {
        let mut chosen: Vec<T> = Vec::with_capacity(count);
        while chosen.len() < count {
            let total: u64 = items
                .iter()
                .filter(|(item, _)| !chosen.contains(item))
                .map(|(_, w)| u64::from(*w))
                .sum();
            if total == 0 {
                break;
            }
            let mut ticket = self.below(total);
            for (item, weight) in items.iter().filter(|(item, _)| !chosen.contains(item)) {
                let weight = u64::from(*weight);
                if ticket < weight {
                    chosen.push(*item);
                    break;
                }
                ticket -= weight;
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xoshiro_matches_the_reference_stream() {
        // Reference: xoshiro256** with state {1, 2, 3, 4} (Vigna's test vector).
        let mut rng = Rng {
            state: [1, 2, 3, 4],
        };
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        assert_eq!(first, vec![11_520, 0, 1_509_978_240]);
    }

    #[test]
    fn splitmix_matches_the_reference_stream() {
        // Reference: SplitMix64 seeded with 0 starts 0xE220A8397B1DCDAF.
        assert_eq!(SplitMix64(0).next(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn draws_stay_in_their_ranges() {
        let mut rng = Rng::new(7);
        for _ in 0..10_000 {
            assert!(rng.below(10) < 10);
            let r = rng.range(3, 5);
            assert!((3..=5).contains(&r));
            let u = rng.unit();
            assert!((0.0..1.0).contains(&u));
            let n = rng.normal(4.0, 0.5);
            assert!((2.5..=5.5).contains(&n));
        }
        assert_eq!(rng.range(9, 2), 9);
        assert_eq!(rng.pick::<u8>(&[]), None);
        assert_eq!(rng.weighted(&[("a", 0), ("b", 0)]), None);
    }

    #[test]
    fn weighted_distinct_never_repeats() {
        let mut rng = Rng::new(11);
        let items = [(1, 5), (2, 1), (3, 1), (4, 0)];
        for _ in 0..1000 {
            let drawn = rng.weighted_distinct(&items, 5);
            assert_eq!(drawn.len(), 3, "weight-0 items are never drawn");
            let mut sorted = drawn.clone();
            sorted.sort();
            sorted.dedup();
            assert_eq!(sorted.len(), 3);
        }
    }
}
