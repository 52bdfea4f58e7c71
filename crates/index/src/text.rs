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
/// At most this many words of a query are required to match; the rest of the text is ignored.
pub const MAX_QUERY_TOKENS: usize = 8;
/// At most this many words of a query are read at all (required words and stop words).
pub const MAX_QUERY_WORDS: usize = 16;

/// Danish small words (folded) that never have to match: "alkohol i odense" is "alkohol odense".
/// They may still add to a record's score when they occur in it. Besides the grammatical small
/// words, the list holds the words people add around a place or a need that records do not
/// repeat ("kommune" in "gentofte kommune", "tilbud" in "tilbud til unge").
pub static STOP_WORDS: &[&str] = &[
    "af",
    "at",
    "de",
    "den",
    "der",
    "det",
    "efter",
    "eller",
    "en",
    "er",
    "et",
    "for",
    "fra",
    "har",
    "hos",
    "i",
    "jeg",
    "kan",
    "kommune",
    "kommunen",
    "kommunes",
    "med",
    "min",
    "mit",
    "mod",
    "naer",
    "og",
    "om",
    "omkring",
    "paa",
    "sig",
    "skal",
    "som",
    "til",
    "tilbud",
    "tilbuddet",
    "under",
    "ved",
    "vi",
    "vores",
];

/// Whether a folded token is one of the [`STOP_WORDS`].
pub fn is_stop_word(token: &str) -> bool {
    STOP_WORDS.binary_search(&token).is_ok()
}

/// One word of a query, folded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// The folded token.
    pub text: String,
    /// Whether the word is optional: a stop word in a query that also has other words.
    pub optional: bool,
}

/// The words of a query: its folded tokens, at most [`MAX_QUERY_WORDS`] of them and at most
/// [`MAX_QUERY_TOKENS`] required ones. Stop words are optional unless the query has nothing
/// else (then "for" is a word being typed, as in "forsorgshjem", and must match).
pub fn query_words(text: &str) -> Vec<QueryWord> {
    let mut words = Vec::new();
    let mut required = 0;
    for token in tokens(text) {
        if words.len() == MAX_QUERY_WORDS || required == MAX_QUERY_TOKENS {
            break;
        }
        let optional = is_stop_word(&token);
        required += usize::from(!optional);
        words.push(QueryWord {
            text: token,
            optional,
        });
    }
    if required == 0 {
        for word in &mut words {
            word.optional = false;
        }
    }
    words
}

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
    typed_tokens(text).into_iter().map(|(t, _)| t).collect()
}

/// The folded tokens of a text with the text each came from ("Østerbro" for `oesterbro`), so
/// that a message can name a word as the user typed it. A token is a maximal run of
/// alphanumeric characters of the folded text; characters that fold to nothing (combining
/// marks) do not end a token.
pub fn typed_tokens(text: &str) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    let mut token = String::new();
    let mut start = 0;
    let mut end = 0;
    let mut folded = String::new();
    for (i, c) in text.char_indices() {
        folded.clear();
        push_folded(c, &mut folded);
        for f in folded.chars() {
            if f.is_alphanumeric() {
                if token.is_empty() {
                    start = i;
                }
                token.push(f);
                end = i + c.len_utf8();
            } else if !token.is_empty() {
                out.push((std::mem::take(&mut token), &text[start..end]));
            }
        }
    }
    if !token.is_empty() {
        out.push((token, &text[start..end]));
    }
    out
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

/// Optimal-string-alignment distance between two byte strings: insertions, deletions,
/// substitutions and swaps of two neighbouring letters ("autsime" → "autisme") cost one edit
/// each (Damerau's restricted distance). A plain dynamic programme over the whole table: the
/// reference the automaton is tested against.
pub fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    osa_table(a, b)[a.len()][b.len()]
}

/// The smallest [`edit_distance`] between `query` and any prefix of `term`: how far the word
/// being typed is from becoming `term`.
pub fn prefix_edit_distance(query: &[u8], term: &[u8]) -> usize {
    let table = osa_table(query, term);
    (0..=term.len())
        .map(|j| table[query.len()][j])
        .min()
        .unwrap_or(query.len())
}

/// The full optimal-string-alignment table: `t[i][j]` is the distance between `a[..i]` and
/// `b[..j]`.
fn osa_table(a: &[u8], b: &[u8]) -> Vec<Vec<usize>> {
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in t.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in t[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (t[i - 1][j - 1] + cost)
                .min(t[i - 1][j] + 1)
                .min(t[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(t[i - 2][j - 2] + 1);
            }
            t[i][j] = d;
        }
    }
    t
}

/// A key that sorts names in Danish alphabetical order: case and accents ignored, æ, ø, å after
/// z (ä with æ, ö with ø). Ties are broken by the caller (name bytes, then doc).
pub fn collation_key(name: &str) -> Vec<u8> {
    let mut key = Vec::with_capacity(name.len());
    // Every name is keyed when an index is opened (the name order), in the browser too: ASCII
    // goes straight in, and one buffer serves the other letters.
    let mut folded = String::new();
    for c in name.chars() {
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase() as u8);
            continue;
        }
        for lower in c.to_lowercase() {
            match lower {
                'æ' | 'ä' => key.push(b'{'),
                'ø' | 'ö' => key.push(b'|'),
                'å' => key.push(b'}'),
                other => {
                    folded.clear();
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
    fn typed_tokens_keep_what_was_typed() {
        let got = typed_tokens("Østerbro, 2100 KBH-Ø  café");
        let typed: Vec<&str> = got.iter().map(|t| t.1).collect();
        assert_eq!(typed, ["Østerbro", "2100", "KBH", "Ø", "café"]);
        assert_eq!(got[0].0, "oesterbro");
        // A combining accent folds to nothing and does not split the word.
        assert_eq!(tokens("cafe\u{301}s"), ["cafes"]);
    }

    #[test]
    fn stop_words_are_sorted_and_folded() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| tokens(w) == vec![w.to_string()]));
        assert!(is_stop_word(&fold("nær")) && is_stop_word(&fold("på")));
    }

    #[test]
    fn stop_words_are_optional_unless_alone() {
        let words = query_words("Alkohol i Odense");
        let optional: Vec<bool> = words.iter().map(|w| w.optional).collect();
        assert_eq!(optional, [false, true, false]);
        assert!(query_words("for").iter().all(|w| !w.optional));
        assert!(query_words("i og for").iter().all(|w| !w.optional));
    }

    #[test]
    fn long_queries_are_cut_to_the_word_limits() {
        let many = "ord ".repeat(500);
        assert_eq!(query_words(&many).len(), MAX_QUERY_TOKENS);
        let small = "i ".repeat(500);
        assert_eq!(query_words(&small).len(), MAX_QUERY_WORDS);
        assert!(query_words("!!! ??? 🙂 \u{202e}").is_empty());
    }

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
        // A swap of neighbouring letters is one edit, whole or as a prefix.
        assert_eq!(edit_distance(b"autsime", b"autisme"), 1);
        assert_eq!(prefix_edit_distance(b"autsime", b"autismespektrum"), 1);
        assert_eq!(edit_distance(b"ab", b"ba"), 1);
        // Optimal string alignment edits no substring twice: "ca" → "abc" is 3, not 2.
        assert_eq!(edit_distance(b"ca", b"abc"), 3);
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
