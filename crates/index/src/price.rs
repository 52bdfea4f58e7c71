//! Comparable prices (issue 7): a record's main price, normalised per day, hour or course, and
//! its position among its peers.
//!
//! - The *main rate* of an offer is the first non-add-on rate of the first service that has one;
//!   that service is the offer's *main service*. Amounts are kept to the øre (rounded).
//! - Normalisation: døgn- and dagtakst as they are; månedstakst ÷ 30.4375 (365.25 / 12) per day;
//!   timetakst per hour; forløbstakst per course. Rates of different bases are never compared.
//! - Peer group: same first legal basis of the offer, same target-group group of the main
//!   service's first target group, same price basis. Positions are only given when the group
//!   has at least two members.
//! - Percentile: 100 × (peers strictly cheaper + ½ × other peers at the same price) / (peers − 1),
//!   rounded; 0 = cheapest, 100 = dearest. Median and quartiles by linear interpolation between
//!   order statistics (R's type 7, numpy's default). `quarter` is 1 when the price is at most
//!   the first quartile, 2 at most the median, 3 at most the third quartile, else 4.

use catalogue::model::{Offer, Record};
use catalogue::vocab::{LegalBasis, PriceBasis, RateUnit, TargetGroupGroup};

use crate::query::{CardPrice, PricePosition};

/// Rounds an amount in DKK to whole øre, as the index stores it.
pub fn to_oere(amount: f64) -> i64 {
    if amount.is_finite() {
        (amount * 100.0).round() as i64
    } else {
        0
    }
}

/// Rounds an occupancy rate to tenths of a percentage point, as the index stores it.
pub fn to_tenths(rate: f64) -> u16 {
    if rate.is_finite() {
        (rate * 10.0).round().clamp(0.0, u16::MAX as f64) as u16
    } else {
        0
    }
}

/// A card price from stored parts.
pub fn card_price(unit: RateUnit, amount_oere: i64, occupancy_tenths: Option<u16>) -> CardPrice {
    let amount = amount_oere as f64 / 100.0;
    let (basis, factor) = unit.normalised();
    CardPrice {
        unit,
        amount,
        basis,
        normalised: amount * factor,
        occupancy_rate: occupancy_tenths.map(|t| f64::from(t) / 10.0),
    }
}

/// The index of an offer's main service (the first with a non-add-on rate) and that rate.
fn main_rate(offer: &Offer) -> Option<(usize, &catalogue::model::Rate)> {
    offer
        .services
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.rates.iter().find(|r| !r.addon).map(|r| (i, r)))
}

/// A record's main price, as the card shows it (families have none).
pub fn main_price(record: &Record) -> Option<CardPrice> {
    let Record::Offer(offer) = record else {
        return None;
    };
    let (_, rate) = main_rate(offer)?;
    Some(card_price(
        rate.unit,
        to_oere(rate.amount),
        offer.occupancy_rate.map(to_tenths),
    ))
}

/// The peer group a priced offer is compared within.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PeerGroup {
    /// The offer's first legal basis.
    pub basis: LegalBasis,
    /// The group of the main service's first target group.
    pub group: TargetGroupGroup,
    /// The unit prices are normalised to.
    pub price_basis: PriceBasis,
}

/// The peer group of a record, if it has a price and a target group on its main service.
pub fn peer_group(record: &Record) -> Option<PeerGroup> {
    let Record::Offer(offer) = record else {
        return None;
    };
    let (service, rate) = main_rate(offer)?;
    let group = offer.services.get(service)?.target_groups.first()?.group();
    Some(PeerGroup {
        basis: offer.legal_bases.first()?.basis,
        group,
        price_basis: rate.unit.normalised().0,
    })
}

/// Linear interpolation between order statistics of sorted values at quantile `q` (type 7).
pub fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => 0.0,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * q;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(n - 1);
            sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
        }
    }
}

/// The positions of priced offers among their peers, sorted by doc ([`peer_positions`]). A
/// sorted list, not a `BTreeMap`: the map's code, instantiated for this one use, cost the
/// browser's wasm more than the lookups it speeds up.
#[derive(Debug, Default)]
pub struct PeerPositions(Vec<(u32, PricePosition)>);

impl PeerPositions {
    /// The position of `doc`, if it is a priced member of a peer group of two or more.
    pub fn get(&self, doc: u32) -> Option<&PricePosition> {
        let i = self.0.binary_search_by_key(&doc, |p| p.0).ok()?;
        self.0.get(i).map(|p| &p.1)
    }
}

/// Positions of every priced member of every peer group. `members` are (doc, group, normalised
/// price); the answer is keyed by doc.
pub fn peer_positions(members: &[(u32, PeerGroup, f64)]) -> PeerPositions {
    let mut members = members.to_vec();
    members.sort_by(|a, b| a.1.cmp(&b.1).then(a.2.total_cmp(&b.2)).then(a.0.cmp(&b.0)));
    let mut out = Vec::new();
    for list in members.chunk_by(|a, b| a.1 == b.1) {
        let n = list.len();
        let Some(&(_, group, _)) = list.first() else {
            continue;
        };
        if n < 2 {
            continue;
        }
        let sorted: Vec<f64> = list.iter().map(|p| p.2).collect();
        let q1 = quantile(&sorted, 0.25);
        let median = quantile(&sorted, 0.5);
        let q3 = quantile(&sorted, 0.75);
        for &(doc, _, price) in list {
            let below = sorted.partition_point(|&p| p < price);
            let at_or_below = sorted.partition_point(|&p| p <= price);
            let equal_others = at_or_below - below - 1;
            let percentile =
                (100.0 * (below as f64 + 0.5 * equal_others as f64) / (n - 1) as f64).round();
            let quarter = if price <= q1 {
                1
            } else if price <= median {
                2
            } else if price <= q3 {
                3
            } else {
                4
            };
            out.push((
                doc,
                PricePosition {
                    peers: n as u32,
                    percentile: percentile.clamp(0.0, 100.0) as u8,
                    quarter,
                    median,
                    q1,
                    q3,
                    legal_basis: group.basis,
                    group: group.group,
                    basis: group.price_basis,
                },
            ));
        }
    }
    out.sort_unstable_by_key(|p| p.0);
    PeerPositions(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_and_percentiles_on_a_hand_checked_group() {
        let group = PeerGroup {
            basis: LegalBasis::Sel108,
            group: TargetGroupGroup::Cognitive,
            price_basis: PriceBasis::PerDay,
        };
        // Prices 1000, 2000, 3000, 4000, 5000: q1 2000, median 3000, q3 4000.
        let members: Vec<(u32, PeerGroup, f64)> = (0..5)
            .map(|i| (i, group, 1000.0 * (i as f64 + 1.0)))
            .collect();
        let positions = peer_positions(&members);
        let first = positions.get(0).unwrap();
        assert_eq!((first.q1, first.median, first.q3), (2000.0, 3000.0, 4000.0));
        assert_eq!((first.percentile, first.quarter, first.peers), (0, 1, 5));
        let at = |doc| positions.get(doc).map(|p| (p.percentile, p.quarter));
        assert_eq!(at(2), Some((50, 2)));
        assert_eq!(at(4), Some((100, 4)));
        assert_eq!(at(5), None);
        assert_eq!(quantile(&[1.0, 2.0, 3.0, 4.0], 0.25), 1.75);
    }

    #[test]
    fn monthly_rates_normalise_per_day() {
        let price = card_price(RateUnit::PerMonth, to_oere(30_437.5), Some(955));
        assert_eq!(price.basis, PriceBasis::PerDay);
        assert!((price.normalised - 1000.0).abs() < 1e-9);
        assert_eq!(price.occupancy_rate, Some(95.5));
    }
}
