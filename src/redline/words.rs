//! The word diff inside one paragraph: words and punctuation are tokens of their own
//! ("States," to "States" is one deleted comma), and spacing or re-wrapping is never a change.

use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

/// How long one paragraph's diff may take before a coarser (still correct) result is used.
const DEADLINE: Duration = Duration::from_millis(200);

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
    let mut after_space = true;
    for c in text.chars() {
        let is_space = c == ' ';
        if c == '*' || (c.is_whitespace() && !is_space) || (is_space && after_space) {
            return false;
        }
        after_space = is_space;
    }
    !after_space || text.is_empty()
}

/// Splits text into words and single punctuation marks; `**` emphasis markers are dropped.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    for (w, word) in text.split_whitespace().enumerate() {
        let mut rest = word;
        let mut first = true;
        while let Some(c) = rest.chars().next() {
            let len = if is_word_char(c) {
                rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
            } else {
                c.len_utf8()
            };
            let (token, tail) = rest.split_at(len);
            if token != "*" {
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

/// The word diff of `old` against `new`, as spans in reading order (deletions before the
/// insertions that replace them).
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
    // Most paragraphs of a revision are unchanged: their words need no diff.
    let ops = if old_words == new_words {
        vec![similar::DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: new_words.len(),
        }]
    } else {
        capture_diff_slices_deadline(
            Algorithm::Patience,
            &old_words,
            &new_words,
            Some(Instant::now() + DEADLINE),
        )
    };
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
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                // Equal words are shown once for both texts: spaced if either text spaces them,
                // so that neither reading runs two words together.
                let mut equal = new_tokens[new_range.clone()].to_vec();
                if let (Some(first), Some(old_first)) =
                    (equal.first_mut(), old_tokens.get(old_range.start))
                {
                    first.spaced |= old_first.spaced;
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

/// The words and punctuation marks of `text`, sorted: what [`at_most_as_similar`] compares.
pub fn sorted_words(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = tokens(text).iter().map(|t| t.text).collect();
    words.sort_unstable();
    words
}

/// A bound on [`similarity`] from the sorted words of two texts: the words they share, in any
/// order, are at least as many as those a diff keeps in order. A linear merge instead of a
/// diff, so that a long text's paragraphs need a diff only where the bound allows a pair.
pub fn at_most_as_similar(old: &[&str], new: &[&str]) -> f64 {
    if old.is_empty() && new.is_empty() {
        return 1.0;
    }
    let (mut o, mut n, mut shared) = (0, 0, 0);
    while o < old.len() && n < new.len() {
        match old[o].cmp(new[n]) {
            std::cmp::Ordering::Less => o += 1,
            std::cmp::Ordering::Greater => n += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                o += 1;
                n += 1;
            }
        }
    }
    // In the arithmetic of similar's ratio, so that the bound compares exactly with it.
    f64::from(2.0 * shared as f32 / (old.len() + new.len()) as f32)
}

/// How alike two texts are, from 0 (nothing shared) to 1 (the same words).
pub fn similarity(old: &str, new: &str) -> f64 {
    let old_words: Vec<&str> = tokens(old).iter().map(|t| t.text).collect();
    let new_words: Vec<&str> = tokens(new).iter().map(|t| t.text).collect();
    if old_words.is_empty() && new_words.is_empty() {
        return 1.0;
    }
    let ops = capture_diff_slices_deadline(
        Algorithm::Patience,
        &old_words,
        &new_words,
        Some(Instant::now() + DEADLINE),
    );
    f64::from(similar::diff_ratio(&ops, old_words.len(), new_words.len()))
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
    fn the_bound_is_never_below_the_similarity() {
        let texts = [
            "We agree to strengthen cooperation on return, and on readmission.",
            "We agree on readmission and return, to strengthen cooperation.",
            "Recognising the role of diasporas;",
            "",
            "return return return",
        ];
        for a in texts {
            for b in texts {
                let bound = at_most_as_similar(&sorted_words(a), &sorted_words(b));
                assert!(bound >= similarity(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn similarity_ranges_from_nothing_to_the_same() {
        assert_eq!(similarity("a b c", "a b c"), 1.0);
        assert_eq!(similarity("a b c", "d e f"), 0.0);
        assert!(similarity("We will act now.", "We will act later.") > 0.6);
    }
}
