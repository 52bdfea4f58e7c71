//! Property tests: whatever the bytes, `check_stream` does not panic, every non-blank line is one
//! outcome, and `records == accepted + rejected`.

use proptest::prelude::*;

use super::support::{assert_accounting, check_bytes};

/// Lines that are near misses of a real record: the example with a slice cut out or a byte
/// changed, mixed with random bytes and blank lines.
fn near_miss_lines() -> impl Strategy<Value = Vec<u8>> {
    let example: serde_json::Value = serde_json::from_str(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/examples/offer.json"
    )))
    .expect("example");
    let line = example.to_string().into_bytes();
    let len = line.len();
    let mutated = (0..len, 0..len, any::<u8>()).prop_map(move |(a, b, byte)| {
        let mut l = line.clone();
        let (lo, hi) = (a.min(b), a.max(b));
        if byte % 2 == 0 {
            l.drain(lo..hi.min(lo + 40));
        } else {
            l[lo] = byte;
        }
        l
    });
    let lines = prop::collection::vec(
        prop_oneof![
            mutated,
            prop::collection::vec(any::<u8>(), 0..200),
            Just(b"   ".to_vec()),
            Just(b"{}".to_vec()),
        ],
        0..8,
    );
    lines.prop_map(|lines| {
        let mut input = Vec::new();
        for l in lines {
            input.extend_from_slice(&l);
            input.push(b'\n');
        }
        input
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_bytes_never_panic_and_the_accounting_holds(input in prop::collection::vec(any::<u8>(), 0..2000)) {
        let (outcomes, summary) = check_bytes(&input);
        assert_accounting(&outcomes, &summary);
        let non_blank = input
            .split(|b| *b == b'\n')
            .filter(|l| !l.iter().all(|b| b.is_ascii_whitespace()))
            .count();
        // A leading BOM on its own line is blank after the BOM is stripped.
        prop_assert!(summary.records as usize <= non_blank);
    }

    #[test]
    fn near_misses_never_panic_and_the_accounting_holds(input in near_miss_lines()) {
        let (outcomes, summary) = check_bytes(&input);
        assert_accounting(&outcomes, &summary);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The reader's fast path (no tree) and its slow path (through a `Value`) agree: the same
    /// record, or the same error. The one exception: a key twice in an object is an error to the
    /// fast path, while the slow path keeps the last value.
    #[test]
    fn the_fast_and_slow_parsers_agree(input in near_miss_lines()) {
        use catalogue::read::{parse_record, parse_record_via_value};
        for line in input.split(|b| *b == b'\n') {
            let Ok(text) = std::str::from_utf8(line) else { continue };
            if text.trim().is_empty() {
                continue;
            }
            match (parse_record(text, true), parse_record_via_value(text, true)) {
                (Ok(fast), Ok(slow)) => prop_assert_eq!(fast, slow),
                (Err(fast), Err(slow)) => prop_assert_eq!(fast, slow),
                (Err(_), Ok(_)) => prop_assert!(has_a_duplicate_key(text), "{}", text),
                (Ok(fast), Err(slow)) => prop_assert!(false, "fast {:?} slow {:?} on {}", fast, slow, text),
            }
        }
    }
}

/// Whether some object in `text` (valid JSON) has a key twice.
fn has_a_duplicate_key(text: &str) -> bool {
    use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    struct Duplicates(bool);
    impl<'de> Deserialize<'de> for Duplicates {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Duplicates;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("any JSON")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Duplicates, A::Error> {
                    let mut keys = std::collections::HashSet::new();
                    let mut found = false;
                    while let Some(key) = map.next_key::<String>()? {
                        found |= !keys.insert(key);
                        found |= map.next_value::<Duplicates>()?.0;
                    }
                    Ok(Duplicates(found))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Duplicates, A::Error> {
                    let mut found = false;
                    while let Some(d) = seq.next_element::<Duplicates>()? {
                        found |= d.0;
                    }
                    Ok(Duplicates(found))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Duplicates, E> {
                    Ok(Duplicates(false))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Duplicates, E> {
                    Ok(Duplicates(false))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Duplicates, E> {
                    Ok(Duplicates(false))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Duplicates, E> {
                    Ok(Duplicates(false))
                }
                fn visit_str<E>(self, _: &str) -> Result<Duplicates, E> {
                    Ok(Duplicates(false))
                }
                fn visit_unit<E>(self) -> Result<Duplicates, E> {
                    Ok(Duplicates(false))
                }
            }
            d.deserialize_any(V)
        }
    }
    serde_json::from_str::<Duplicates>(text).is_ok_and(|d| d.0)
}
