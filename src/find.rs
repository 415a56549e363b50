//! Finding words in a draft as a drafter types them: case, accents (precomposed or not),
//! typographic quotes, dashes, spaces and `**emphasis**` markers do not matter, so "cote
//! d'ivoire" finds "Côte d’Ivoire". Places are given as screen cells of the lines a part is
//! shown on, so that words wrapped onto the next line are marked on both.

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

/// A mark that combines with the character before it (a decomposed accent): no cell of its
/// own, and no weight in a comparison.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Text as a find compares it, each character with the line and cell it came from: folded,
/// combining marks and emphasis markers dropped, every run of spaces (and each line break)
/// one space.
struct Folded {
    chars: Vec<char>,
    cells: Vec<Option<(usize, usize)>>,
}

impl Folded {
    fn of_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> Folded {
        let mut folded = Folded {
            chars: Vec::new(),
            cells: Vec::new(),
        };
        for (line, text) in lines.into_iter().enumerate() {
            let mut cell = 0;
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if is_combining(c) {
                    continue;
                }
                let at = Some((line, cell));
                cell += 1;
                if c == '*' && chars.peek() == Some(&'*') {
                    chars.next();
                    cell += 1;
                    continue;
                }
                let c = to_lower_case(normalize(plain_char(c)));
                if c.is_whitespace() {
                    folded.space(at);
                } else {
                    folded.chars.push(c);
                    folded.cells.push(at);
                }
            }
            folded.space(None);
        }
        folded
    }

    fn space(&mut self, at: Option<(usize, usize)>) {
        if self.chars.last().is_some_and(|&c| c != ' ') {
            self.chars.push(' ');
            self.cells.push(at);
        }
    }

    /// Where `needle` stands, as ranges of characters, never overlapping.
    fn places(&self, needle: &Folded) -> Vec<Range<usize>> {
        let needle = needle.chars.strip_suffix(&[' ']).unwrap_or(&needle.chars);
        let mut found = Vec::new();
        if needle.is_empty() {
            return found;
        }
        let mut at = 0;
        while at + needle.len() <= self.chars.len() {
            if self.chars[at..at + needle.len()] == *needle {
                found.push(at..at + needle.len());
                at += needle.len();
            } else {
                at += 1;
            }
        }
        found
    }
}

/// The cells where `words` stand in a part shown as `lines`: (line, first cell, last cell + 1)
/// for each stretch, a place wrapped over two lines giving one stretch on each.
pub fn cells<'a>(
    lines: impl IntoIterator<Item = &'a str>,
    words: &str,
) -> Vec<(usize, Range<usize>)> {
    let hay = Folded::of_lines(lines);
    let needle = Folded::of_lines([words.trim()]);
    let mut stretches: Vec<(usize, Range<usize>)> = Vec::new();
    for place in hay.places(&needle) {
        for (line, cell) in hay.cells[place].iter().flatten().copied() {
            match stretches.last_mut() {
                Some((l, range)) if *l == line && range.end == cell => range.end = cell + 1,
                _ => stretches.push((line, cell..cell + 1)),
            }
        }
    }
    stretches
}

/// Whether `text` holds `words`.
pub fn holds(text: &str, words: &str) -> bool {
    let hay = Folded::of_lines(text.lines());
    !hay.places(&Folded::of_lines([words.trim()])).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_accents_emphasis_and_typography_do_not_matter() {
        assert_eq!(
            cells(["Côte d’Ivoire and CÔTE D'IVOIRE"], "cote d'ivoire"),
            [(0, 0..13), (0, 18..31)]
        );
        assert!(holds("labour\nmobility", "Labour  mobility"));
        assert!(holds("issue of **preventing** it", "of preventing it"));
        assert!(holds("l'e\u{301}quipe", "équipe"));
        assert!(!holds("labour", "  "));
    }

    #[test]
    fn a_place_wrapped_over_two_lines_is_marked_on_both() {
        assert_eq!(
            cells(
                [
                    "(a)  the implementation of migration",
                    "     policies and more"
                ],
                "migration policies"
            ),
            [(0, 27..36), (1, 5..13)]
        );
        assert_eq!(cells(["nai\u{308}ve words"], "naive"), [(0, 0..5)]);
    }
}
