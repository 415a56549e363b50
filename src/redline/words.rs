//! The word diff inside one paragraph: words and punctuation are tokens of their own
//! ("States," to "States" is one deleted comma), and spacing or re-wrapping is never a change.

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// What a span of text is in a redline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanKind {
    /// In both texts.
    Equal,
    /// Only in the new text.
    Insert,
    /// Only in the old text.
    Delete,
}

/// A run of text with one kind, spaced as it is printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Equal, inserted or deleted.
    pub kind: SpanKind,
    /// The text, with a leading space when it follows a word.
    pub text: String,
}

/// One token and whether a space came before it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token<'a> {
    text: &'a str,
    spaced: bool,
}

/// Letters, digits and the marks that belong inside a word ("south-eastern", "migrants’").
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | '/')
    } else {
        c.is_alphanumeric() || c == '’'
    }
}

/// Whether `text` reads the same joined from its tokens: single spaces between words, none
/// at the ends, no emphasis markers.
fn is_spaced_as_printed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Each test a fast scan of the whole text: most texts pass them all.
    let other_white_space = || {
        // Lead bytes of the Unicode white space beyond ASCII (U+0085, U+00A0, U+1680, U+2000
        // to U+205F, U+3000): decoded only where they stand.
        memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
            .chain(memchr::memchr_iter(0xE3, bytes))
            .any(|at| text[at..].chars().next().is_some_and(char::is_whitespace))
    };
    memchr::memchr3(b'*', b'\n', b'\t', bytes).is_none()
        && memchr::memchr3(b'\r', 0x0B, 0x0C, bytes).is_none()
        && memchr::memmem::find(bytes, b"  ").is_none()
        && !other_white_space()
}

/// Splits text into words and single punctuation marks; `**` emphasis markers are dropped (a
/// lone `*` is text).
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    for (w, word) in text.split_whitespace().enumerate() {
        let mut rest = word;
        let mut first = true;
        while let Some(c) = rest.chars().next() {
            let len = if is_word_char(c) {
                rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
            } else if rest.starts_with("**") {
                2
            } else {
                c.len_utf8()
            };
            let (token, tail) = rest.split_at(len);
            if token != "**" {
                tokens.push(Token {
                    text: token,
                    spaced: first && w > 0,
                });
                first = false;
            }
            rest = tail;
        }
    }
    tokens
}

/// The most steps one paragraph's word diff may take, counted as tokens times edits (the
/// cost of a Myers diff). Beyond it the changed stretch is shown replaced whole: a bound on
/// work that depends on the texts alone, so the same two texts always give the same redline.
pub const MAX_WORK: usize = 50_000_000;

/// One step of an edit script: a tag with the ranges it covers in each text.
type Op = (DiffTag, Range<usize>, Range<usize>);

/// The word diff of `old` against `new`, as spans in reading order (deletions before the
/// insertions that replace them). The same two texts give the same spans on every run, and
/// `diff(new, old)` is `diff(old, new)` with deletions and insertions swapped.
pub fn diff(old: &str, new: &str) -> Vec<Span> {
    // Most paragraphs of a revision are unchanged, and most texts are spaced as printed:
    // such a text is its own single equal span.
    if old == new && is_spaced_as_printed(new) {
        return match new.is_empty() {
            true => Vec::new(),
            false => vec![Span {
                kind: SpanKind::Equal,
                text: new.to_string(),
            }],
        };
    }
    let new_tokens = tokens(new);
    let old_tokens = if old == new {
        new_tokens.clone()
    } else {
        tokens(old)
    };
    let old_words: Vec<&str> = old_tokens.iter().map(|t| t.text).collect();
    let new_words: Vec<&str> = new_tokens.iter().map(|t| t.text).collect();
    let mut spans: Vec<Span> = Vec::new();
    let mut push = |kind: SpanKind, tokens: &[Token]| {
        for token in tokens {
            if spans.last().is_none_or(|last| last.kind != kind) {
                spans.push(Span {
                    kind,
                    text: String::new(),
                });
            }
            let text = &mut spans.last_mut().expect("pushed above").text;
            if token.spaced {
                text.push(' ');
            }
            text.push_str(token.text);
        }
    };
    for (tag, old_range, new_range) in edit_script(&old_words, &new_words) {
        match tag {
            DiffTag::Equal => {
                // Equal words are shown once for both texts: each spaced if either text spaces
                // it, so that neither reading runs two words together (and either way round
                // gives the same).
                let mut equal = new_tokens[new_range.clone()].to_vec();
                for (token, old_token) in equal.iter_mut().zip(&old_tokens[old_range]) {
                    token.spaced |= old_token.spaced;
                }
                push(SpanKind::Equal, &equal);
            }
            DiffTag::Delete => push(SpanKind::Delete, &old_tokens[old_range]),
            DiffTag::Insert => push(SpanKind::Insert, &new_tokens[new_range]),
            DiffTag::Replace => {
                push(SpanKind::Delete, &old_tokens[old_range]);
                push(SpanKind::Insert, &new_tokens[new_range]);
            }
        }
    }
    spans
}

/// The edit script from `old` to `new`. It is worked out from the texts in a fixed order (the
/// one that sorts first is always the "old" side), then turned round if need be, so that
/// comparing the other way gives the mirror image, never a different choice among equally
/// short scripts.
fn edit_script(old: &[&str], new: &[&str]) -> Vec<Op> {
    if old == new {
        return vec![(DiffTag::Equal, 0..old.len(), 0..new.len())];
    }
    if old > new {
        return edit_script(new, old).into_iter().map(mirrored).collect();
    }
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let suffix = old[prefix..]
        .iter()
        .rev()
        .zip(new[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_middle, new_middle) = (prefix..old.len() - suffix, prefix..new.len() - suffix);
    let mut script = Vec::new();
    if prefix > 0 {
        script.push((DiffTag::Equal, 0..prefix, 0..prefix));
    }
    let (a, b) = (&old[old_middle.clone()], &new[new_middle.clone()]);
    let affordable = a.len() + b.len() > 0
        && edit_distance_within(a, b, MAX_WORK / (a.len() + b.len())).is_some();
    if affordable {
        let shift = |range: Range<usize>, by: usize| range.start + by..range.end + by;
        for op in capture_diff_slices(Algorithm::Myers, a, b) {
            let (tag, o, n) = op.as_tag_tuple();
            script.push((tag, shift(o, prefix), shift(n, prefix)));
        }
    } else if !a.is_empty() || !b.is_empty() {
        let tag = match (a.is_empty(), b.is_empty()) {
            (true, _) => DiffTag::Insert,
            (_, true) => DiffTag::Delete,
            _ => DiffTag::Replace,
        };
        script.push((tag, old_middle, new_middle));
    }
    if suffix > 0 {
        script.push((
            DiffTag::Equal,
            old.len() - suffix..old.len(),
            new.len() - suffix..new.len(),
        ));
    }
    script
}

/// The same step seen from the other text.
fn mirrored((tag, old, new): Op) -> Op {
    let tag = match tag {
        DiffTag::Insert => DiffTag::Delete,
        DiffTag::Delete => DiffTag::Insert,
        other => other,
    };
    (tag, new, old)
}

/// The number of words deleted and inserted by the shortest edit script from `a` to `b`, if
/// it is at most `limit` (the greedy forward pass of Myers's algorithm, stopped at the limit
/// so that its work is at most about `limit` times the length of the texts).
fn edit_distance_within(a: &[&str], b: &[&str], limit: usize) -> Option<usize> {
    let limit = limit.min(a.len() + b.len());
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let offset = limit as isize + 1;
    // furthest[k + offset] is the furthest x reached on diagonal k = x - y.
    let mut furthest = vec![0isize; 2 * limit + 3];
    let (n, m) = (a.len() as isize, b.len() as isize);
    for d in 0..=limit as isize {
        for k in (-d..=d).step_by(2) {
            let at = (k + offset) as usize;
            let mut x = if k == -d || (k != d && furthest[at - 1] < furthest[at + 1]) {
                furthest[at + 1]
            } else {
                furthest[at - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            furthest[at] = x;
            if x >= n && y >= m {
                return Some(d as usize);
            }
        }
    }
    None
}

/// The words and punctuation marks of `text`: what pairing by words compares.
pub fn words(text: &str) -> Vec<&str> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

/// Twice the words two sorted lists share, in any order, over the words of both; 1 for two
/// empty lists.
pub fn shared_share_sorted<T: Ord>(old: &[T], new: &[T]) -> f64 {
    if old.is_empty() && new.is_empty() {
        return 1.0;
    }
    2.0 * shared_words(old, new) as f64 / (old.len() + new.len()) as f64
}

/// How many words two sorted lists share, in any order.
pub fn shared_words<T: Ord>(old: &[T], new: &[T]) -> usize {
    let (mut o, mut n, mut shared) = (0, 0, 0);
    while o < old.len() && n < new.len() {
        match old[o].cmp(&new[n]) {
            std::cmp::Ordering::Less => o += 1,
            std::cmp::Ordering::Greater => n += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                o += 1;
                n += 1;
            }
        }
    }
    shared
}

/// Whether a diff has any change.
pub fn changed(spans: &[Span]) -> bool {
    spans.iter().any(|span| span.kind != SpanKind::Equal)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(spans: &[Span]) -> String {
        spans
            .iter()
            .map(|s| match s.kind {
                SpanKind::Equal => s.text.clone(),
                SpanKind::Insert => format!("{{+{}+}}", s.text),
                SpanKind::Delete => format!("[-{}-]", s.text),
            })
            .collect()
    }

    #[test]
    fn punctuation_is_its_own_token() {
        assert_eq!(
            marked(&diff("Member States, and", "Member States and")),
            "Member States[-,-] and"
        );
    }

    #[test]
    fn an_unchanged_text_is_one_equal_span_as_its_tokens_would_give() {
        for text in [
            "Aware that “brain drain”, (a) and **this**;",
            "We agree on the following:",
            "  spaced\n out  ",
            "non\u{a0}breaking space",
            "",
        ] {
            let joined: String = tokens(text)
                .iter()
                .map(|t| {
                    if t.spaced {
                        format!(" {}", t.text)
                    } else {
                        t.text.to_string()
                    }
                })
                .collect();
            let spans = diff(text, text);
            assert_eq!(
                spans.iter().map(|s| s.text.as_str()).collect::<String>(),
                joined
            );
            assert!(spans.iter().all(|s| s.kind == SpanKind::Equal));
        }
    }

    #[test]
    fn spacing_and_wrapping_are_never_changes() {
        let spans = diff("We  agree\n to act.", "We agree to\nact.");
        assert!(!changed(&spans));
        assert_eq!(marked(&spans), "We agree to act.");
    }

    #[test]
    fn replaced_words_show_the_deletion_then_the_insertion() {
        assert_eq!(
            marked(&diff(
                "to prevent illegal migration.",
                "to prevent irregular migration."
            )),
            "to prevent[- illegal-]{+ irregular+} migration."
        );
    }

    #[test]
    fn either_way_round_the_diff_is_the_mirror_image() {
        let pairs = [
            ("a b c a b", "b a c b a"),
            ("We agree to act now.", "We agree now to act."),
            ("x y", "y x"),
            ("[including] the States", "the Member States"),
        ];
        let swapped = |spans: Vec<Span>| -> Vec<Span> {
            spans
                .into_iter()
                .map(|s| Span {
                    kind: match s.kind {
                        SpanKind::Insert => SpanKind::Delete,
                        SpanKind::Delete => SpanKind::Insert,
                        SpanKind::Equal => SpanKind::Equal,
                    },
                    text: s.text,
                })
                .collect()
        };
        for (a, b) in pairs {
            let there: Vec<Span> = diff(a, b);
            let back = swapped(diff(b, a));
            let kinds = |spans: &[Span], kind| {
                spans
                    .iter()
                    .filter(|s| s.kind == kind)
                    .map(|s| s.text.clone())
                    .collect::<Vec<_>>()
            };
            for kind in [SpanKind::Equal, SpanKind::Insert, SpanKind::Delete] {
                assert_eq!(kinds(&there, kind), kinds(&back, kind), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn the_edit_distance_stops_at_its_limit() {
        let (a, b) = (["a", "b", "c"], ["a", "x", "c"]);
        assert_eq!(edit_distance_within(&a, &b, 5), Some(2));
        assert_eq!(edit_distance_within(&a, &b, 1), None);
        assert_eq!(edit_distance_within(&a, &a, 0), Some(0));
    }

    #[test]
    fn similarity_ranges_from_nothing_to_the_same() {
        let similarity = |a: &str, b: &str| {
            let (mut a, mut b) = (words(a), words(b));
            a.sort_unstable();
            b.sort_unstable();
            shared_share_sorted(&a, &b)
        };
        assert_eq!(similarity("a b c", "a b c"), 1.0);
        assert_eq!(similarity("a b c", "d e f"), 0.0);
        assert!(similarity("We will act now.", "We will act later.") > 0.6);
        assert_eq!(similarity("a b c", "c b a"), 1.0);
    }
}
