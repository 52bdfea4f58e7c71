//! Identifiers that must pass real checks: CVR numbers (modulus 11), P-numbers (10 digits) and
//! Danish phone numbers.

use crate::vocab::Region;

use super::rng::{mix, Rng};

/// Weights of the CVR modulus-11 check, digit by digit.
const CVR_WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];

/// True when an 8-digit string is a valid CVR number: first digit not 0 and the weighted digit
/// sum divisible by 11.
pub fn cvr_is_valid(cvr: &str) -> bool {
    let bytes = cvr.as_bytes();
    if bytes.len() != 8 || !bytes.iter().all(u8::is_ascii_digit) || bytes[0] == b'0' {
        return false;
    }
    let sum: u32 = bytes
        .iter()
        .zip(CVR_WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    sum.is_multiple_of(11)
}

/// A valid CVR number derived from 64 bits: the same bits always give the same number, so an
/// owner (a municipality, a region) keeps one CVR across all its offers.
pub fn cvr_from_bits(bits: u64) -> String {
    let mut rest = mix(bits);
    let mut digits = [0u32; 8];
    digits[0] = 1 + (rest % 9) as u32;
    rest /= 9;
    for digit in digits.iter_mut().take(7).skip(1) {
        *digit = (rest % 10) as u32;
        rest /= 10;
    }
    // The check digit has weight 1, so it is whatever brings the sum to a multiple of 11 — unless
    // that would be 10. Then step the seventh digit (weight 2, invertible mod 11): of the ten
    // sums it can give, at most one needs a check digit of 10.
    for _ in 0..10 {
        let partial: u32 = digits[..7]
            .iter()
            .zip(CVR_WEIGHTS)
            .map(|(d, w)| d * w)
            .sum();
        let check = (11 - partial % 11) % 11;
        if check < 10 {
            digits[7] = check;
            break;
        }
        digits[6] = (digits[6] + 1) % 10;
    }
    digits.iter().map(|d| char::from(b'0' + *d as u8)).collect()
}

/// A P-number (production unit number): 10 digits, starting with 10 as real ones do.
pub fn p_number(rng: &mut Rng) -> String {
    format!("10{:08}", rng.below(100_000_000))
}

/// Landline area prefixes (first two digits) used in each region.
fn landline_prefixes(region: Region) -> &'static [&'static str] {
    match region {
        Region::Hovedstaden => &["33", "35", "36", "38", "39", "43", "44", "45", "48", "56"],
        Region::Sjaelland => &["46", "47", "54", "55", "57", "58", "59"],
        Region::Syddanmark => &["62", "63", "64", "65", "66", "73", "74", "75", "76"],
        Region::Midtjylland => &["86", "87", "89", "96", "97"],
        Region::Nordjylland => &["96", "98", "99"],
    }
}

const MOBILE_PREFIXES: &[&str] = &[
    "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "40", "41", "42", "50",
    "51", "52", "53", "60", "61", "71", "81", "91", "93",
];

/// A Danish phone number, `+45` and 8 digits in pairs: a landline of the region or a mobile.
pub fn phone(rng: &mut Rng, region: Region) -> String {
    let prefix = if rng.chance(0.7) {
        rng.pick(landline_prefixes(region))
    } else {
        rng.pick(MOBILE_PREFIXES)
    }
    .copied()
    .unwrap_or("70");
    let rest = rng.below(1_000_000);
    format!(
        "+45 {prefix} {:02} {:02} {:02}",
        rest / 10_000,
        rest / 100 % 100,
        rest % 100
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_cvr_numbers_pass_modulus_11() {
        for bits in 0..20_000u64 {
            let cvr = cvr_from_bits(bits);
            assert!(cvr_is_valid(&cvr), "{cvr} from {bits}");
        }
        assert_eq!(cvr_from_bits(42), cvr_from_bits(42));
    }

    #[test]
    fn the_check_rejects_real_mistakes() {
        // Changing any one digit of a valid number changes the weighted sum by 1..=9 times a
        // weight that is not a multiple of 11, so the check must fail.
        let valid = cvr_from_bits(1);
        let mut broken: Vec<u8> = valid.clone().into_bytes();
        broken[3] = if broken[3] == b'9' {
            b'0'
        } else {
            broken[3] + 1
        };
        assert!(!cvr_is_valid(std::str::from_utf8(&broken).unwrap_or("")));
        assert!(!cvr_is_valid("0000000"));
        assert!(!cvr_is_valid("00000000"), "a leading zero is not allowed");
    }

    #[test]
    fn phone_numbers_have_8_digits_after_45() {
        let mut rng = Rng::new(1);
        for region in Region::ALL {
            for _ in 0..200 {
                let number = phone(&mut rng, *region);
                let digits: String = number.chars().filter(char::is_ascii_digit).collect();
                assert!(number.starts_with("+45 "), "{number}");
                assert_eq!(digits.len(), 10, "{number}");
            }
        }
        let p = p_number(&mut rng);
        assert_eq!(p.len(), 10);
        assert!(p.bytes().all(|b| b.is_ascii_digit()));
    }
}
