//! Finding words in a draft as a drafter types them: case, accents and typographic quotes,
//! dashes and spaces do not matter, so "cooperation" finds "Co-operation"'s neighbour
//! "cooperation" and "cote d'ivoire" finds "Côte d’Ivoire". Positions are counted in
//! characters, so that the screen can mark each place found.

use std::ops::Range;

use nucleo_matcher::chars::{normalize, to_lower_case};

/// A typographic quote, dash or space as typed on a keyboard; other characters as they are.
pub fn plain_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{201C}' | '\u{201D}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        '\u{00A0}' | '\u{202F}' => ' ',
        c => c,
    }
}

/// A character as a find compares it.
fn folded(c: char) -> char {
    to_lower_case(normalize(plain_char(c)))
}

/// Where `words` stand in `text`, as character ranges, left to right, never overlapping.
pub fn places(text: &str, words: &str) -> Vec<Range<usize>> {
    let needle: Vec<char> = words.trim().chars().map(folded).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<char> = text.chars().map(folded).collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        if hay[at..at + needle.len()] == needle[..] {
            found.push(at..at + needle.len());
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

/// Whether `text` holds `words`, lines joined as one text.
pub fn holds(text: &str, words: &str) -> bool {
    !places(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        words,
    )
    .is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_and_typography_do_not_matter() {
        assert_eq!(
            places("Côte d’Ivoire and CÔTE D'IVOIRE", "cote d'ivoire"),
            [0..13, 18..31]
        );
        assert!(holds("labour\nmobility", "Labour mobility"));
        assert!(!holds("labour", "  "));
        assert_eq!(places("aaaa", "aa"), [0..2, 2..4]);
    }
}
