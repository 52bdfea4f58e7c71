//! Danish text folding, tokens, compound parts, edit distances and the Danish sort order.
//!
//! The builder and the query engine fold text with the same functions, so a query matches exactly
//! what was indexed. Folding: lowercase; æ and ä → `ae`, ø and ö → `oe`, å → `aa` (so "Åbenrå"
//! and "Aabenraa" are the same word); accents stripped (é → e, ü → u, ß → ss); combining marks
//! dropped. Tokens are maximal runs of alphanumeric characters of the folded text.
//!
//! Edit distances are counted in bytes of the folded token. After folding nearly every Danish
//! token is ASCII; a token with other letters (Greek, Cyrillic) counts each such letter as two
//! or more bytes, which only makes typo matching stricter for it.

/// Typo tolerance is not applied to query tokens longer than this (bytes): they match exactly or
/// as a prefix only. Keeps the Levenshtein automaton's states small.
pub const MAX_TYPO_BYTES: usize = 32;
/// Shortest compound part indexed (bytes): "behandling" in "misbrugsbehandling".
pub const MIN_PART_BYTES: usize = 5;
/// At most this many query tokens are used; the rest of the query text is ignored.
pub const MAX_QUERY_TOKENS: usize = 8;

/// Appends the folded form of one character.
fn push_folded(c: char, out: &mut String) {
    for lower in c.to_lowercase() {
        let mapped: &str = match lower {
            'æ' | 'ä' => "ae",
            'ø' | 'ö' => "oe",
            'å' => "aa",
            'ß' => "ss",
            'à' | 'á' | 'â' | 'ã' | 'ā' | 'ă' | 'ą' => "a",
            'ç' | 'ć' | 'č' => "c",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
            'ł' => "l",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ő' => "o",
            'ř' => "r",
            'ś' | 'š' | 'ş' => "s",
            'ť' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'ý' | 'ÿ' => "y",
            'ź' | 'ż' | 'ž' => "z",
            '\u{0300}'..='\u{036f}' => "",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(mapped);
    }
}

/// The folded form of a text (separators kept).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// The folded tokens of a text, in order (duplicates kept).
pub fn tokens(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// The query's tokens: like [`tokens`], at most [`MAX_QUERY_TOKENS`].
pub fn query_tokens(text: &str) -> Vec<String> {
    let mut all = tokens(text);
    all.truncate(MAX_QUERY_TOKENS);
    all
}

/// How many edits a query token may be away from a term: one from 5 letters, two from 9.
///
/// Letters are counted as the user typed them ([`letter_count`]): "køge" folds to `koege`,
/// five bytes, but is a four-letter word and gets no typo. Counting bytes gave it one, and with
/// prefix matching on top "køge" found "bøgevænget" and "københavn".
pub fn typo_budget(token: &str) -> u8 {
    if token.len() > MAX_TYPO_BYTES {
        return 0;
    }
    match letter_count(token) {
        n if n >= 9 => 2,
        n if n >= 5 => 1,
        _ => 0,
    }
}

/// Letters of a folded token, counting each of the digraphs that æ, ø and å fold to (`ae`,
/// `oe`, `aa`) as one letter, whichever way the user spelt it ("koege" and "køge" both have 4).
pub fn letter_count(token: &str) -> usize {
    let mut count = 0;
    let mut chars = token.chars().peekable();
    while let Some(c) = chars.next() {
        let digraph = matches!(
            (c, chars.peek()),
            ('a', Some('e')) | ('o', Some('e')) | ('a', Some('a'))
        );
        if digraph {
            chars.next();
        }
        count += 1;
    }
    count
}

/// The proper suffixes of `token` that are compound parts: at least [`MIN_PART_BYTES`] long,
/// starting at a character boundary, and themselves a whole word somewhere in the catalogue.
pub fn compound_parts(token: &str, is_word: impl Fn(&str) -> bool) -> Vec<&str> {
    token
        .char_indices()
        .skip(1)
        .map(|(i, _)| &token[i..])
        .filter(|suffix| suffix.len() >= MIN_PART_BYTES && is_word(suffix))
        .collect()
}

/// Levenshtein distance between two byte strings (plain dynamic programming; the reference the
/// automaton is tested against).
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The smallest Levenshtein distance between `query` and any prefix of `term`: how far the
/// word being typed is from becoming `term`.
pub fn prefix_edit_distance(query: &[u8], term: &[u8]) -> usize {
    // Columns are query positions, rows term positions: after each term byte, the last column is
    // the distance from the whole query to that prefix of the term.
    let mut column: Vec<usize> = (0..=query.len()).collect();
    let mut best = column[query.len()];
    for &ct in term {
        let mut diagonal = column[0];
        column[0] += 1;
        for (i, &cq) in query.iter().enumerate() {
            let substitution = diagonal + usize::from(cq != ct);
            diagonal = column[i + 1];
            column[i + 1] = substitution.min(column[i] + 1).min(column[i + 1] + 1);
        }
        best = best.min(column[query.len()]);
    }
    best
}

/// A key that sorts names in Danish alphabetical order: case and accents ignored, æ, ø, å after
/// z (ä with æ, ö with ø). Ties are broken by the caller (name bytes, then doc).
pub fn collation_key(name: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(name.len());
    for c in name.chars() {
        for lower in c.to_lowercase() {
            match lower {
                'æ' | 'ä' => key.push(b'{'),
                'ø' | 'ö' => key.push(b'|'),
                'å' => key.push(b'}'),
                other => {
                    let mut folded = String::new();
                    push_folded(other, &mut folded);
                    key.extend_from_slice(folded.as_bytes());
                }
            }
        }
    }
    key
}

#[cfg(test)]
mod tests {

    #[test]
    fn typo_budgets_count_danish_letters_not_folded_bytes() {
        assert_eq!(letter_count(&fold("køge")), 4);
        assert_eq!(letter_count("koege"), 4);
        assert_eq!(letter_count(&fold("Åbenrå")), 6);
        assert_eq!(typo_budget(&fold("køge")), 0);
        assert_eq!(typo_budget(&fold("bøger")), 1);
        assert_eq!(typo_budget(&fold("aarhus")), 1);
        assert_eq!(typo_budget("behandlin"), 2);
        assert_eq!(typo_budget(&fold("plejefamilie")), 2);
    }
    use super::*;

    #[test]
    fn folds_danish_letters_and_accents() {
        assert_eq!(tokens("Åbenrå Café-Øst"), vec!["aabenraa", "cafe", "oest"]);
        assert_eq!(tokens("Aabenraa"), tokens("Åbenrå"));
        assert_eq!(
            tokens("Müller  Straße, 12"),
            vec!["muller", "strasse", "12"]
        );
        assert_eq!(tokens("Ærø"), vec!["aeroe"]);
    }

    #[test]
    fn distances_match_hand_computed_values() {
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(prefix_edit_distance(b"behan", b"behandling"), 0);
        assert_eq!(prefix_edit_distance(b"bhan", b"behandling"), 1);
        assert_eq!(prefix_edit_distance(b"xyz", b"behandling"), 3);
    }

    #[test]
    fn compound_parts_need_a_known_word() {
        let words = ["behandling", "handling"];
        let parts = compound_parts("misbrugsbehandling", |s| words.contains(&s));
        assert_eq!(parts, vec!["behandling", "handling"]);
        assert!(compound_parts("behandling", |s| words.contains(&s)).contains(&"handling"));
        assert!(compound_parts("xyz", |_| true).is_empty());
    }

    #[test]
    fn danish_order_puts_ae_oe_aa_last() {
        let mut names = ["Åen", "Zebra", "Ørnen", "Æblet", "abe", "Ébel"];
        names.sort_by_key(|n| collation_key(n));
        assert_eq!(names, ["abe", "Ébel", "Zebra", "Æblet", "Ørnen", "Åen"]);
    }
}
