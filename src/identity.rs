//! Paragraph ids: unique for the life of a paragraph and across drafts, so that two drafts
//! share an id only when one paragraph went into both (a copy of a draft, a revision of it).
//!
//! An id is short and readable: a word that says what the paragraph is (its clause, or its
//! first word) and eight letters drawn at random, "recognising-k3f9qm2x". Drafts written before
//! ids were drawn hold positional ids ("p3", "o12") that an import gave by position; those say
//! nothing about which paragraph is which across files.

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::Declaration;

/// Letters and digits that cannot be mistaken for one another (no 0/o, 1/l/i).
const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
/// How many drawn letters an id ends with: about 2^39 choices, so that two drafts of a
/// thousand paragraphs each share an id by chance about once in a million times.
const DRAWN: usize = 8;
/// The longest word an id starts with.
const LONGEST_WORD: usize = 24;

/// Six letters drawn at random, different on every call.
fn drawn_letters() -> String {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    // Each RandomState holds keys the standard library draws from the operating system.
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(CALLS.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    let mut bits = hasher.finish();
    (0..DRAWN)
        .map(|_| {
            let letter = ALPHABET[(bits % ALPHABET.len() as u64) as usize];
            bits /= ALPHABET.len() as u64;
            char::from(letter)
        })
        .collect()
}

/// The readable word an id starts with: `base` in lower case, letters, digits and hyphens
/// only, at most 24 characters; `fallback` when nothing is left.
fn readable_word(base: &str, fallback: &str) -> String {
    let mut word = String::new();
    for c in base.chars().flat_map(char::to_lowercase) {
        if word.len() >= LONGEST_WORD {
            break;
        }
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() && !word.ends_with('-') {
            word.push('-');
        }
    }
    let word = word.trim_end_matches('-');
    if word.is_empty() {
        fallback.to_string()
    } else {
        word.to_string()
    }
}

/// The first word of a paragraph, for its id: "Recognising that ..." gives "recognising".
pub fn first_word(text: &str) -> &str {
    text.split(|c: char| !c.is_alphanumeric())
        .find(|word| !word.is_empty())
        .unwrap_or("")
}

/// An id that no other paragraph has: `base` made readable (`fallback` when it has no
/// letters), a hyphen and eight drawn letters, drawn again in the unlikely case that `taken`
/// says the draft being made has it already.
pub fn new_id(base: &str, fallback: &str, taken: impl Fn(&str) -> bool) -> String {
    let word = readable_word(base, fallback);
    loop {
        let id = format!("{word}-{}", drawn_letters());
        if !taken(&id) {
            return id;
        }
    }
}

impl Declaration {
    /// An id that no paragraph of this draft or of any other has: see [`new_id`].
    pub fn new_id(&self, base: &str, fallback: &str) -> String {
        new_id(base, fallback, |id| self.has_id(id))
    }

    /// Whether a paragraph of this draft has `id`.
    pub fn has_id(&self, id: &str) -> bool {
        self.preamble
            .iter()
            .chain(&self.operative)
            .any(|paragraph| paragraph.id == id)
    }

    /// Whether this draft and `other` share a history: some paragraph of one is, by its id,
    /// a paragraph of the other. Positional ids of old imports do not count.
    pub fn shares_history_with(&self, other: &Declaration) -> bool {
        let ids: std::collections::HashSet<&str> = self
            .preamble
            .iter()
            .chain(&self.operative)
            .map(|p| p.id.as_str())
            .filter(|id| !is_positional(id))
            .collect();
        other
            .preamble
            .iter()
            .chain(&other.operative)
            .any(|p| ids.contains(p.id.as_str()))
    }
}

/// Whether `id` is a position an old import or an old "new paragraph" gave: "p3", "o12",
/// "o12-2".
pub fn is_positional(id: &str) -> bool {
    let Some(rest) = id.strip_prefix(['p', 'o']) else {
        return false;
    };
    let (number, copy) = rest.split_once('-').unwrap_or((rest, "1"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(number) && digits(copy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Paragraph;

    #[test]
    fn ids_are_readable_and_never_repeat_within_a_draft() {
        let mut declaration = Declaration::default();
        for _ in 0..2_000 {
            let id = declaration.new_id("Recognising", "pp");
            assert!(id.starts_with("recognising-"));
            declaration.preamble.push(Paragraph {
                id,
                ..Default::default()
            });
        }
        let ids: std::collections::HashSet<&str> =
            declaration.preamble.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), 2_000);
        let id = declaration.new_id("aware-brain-drain", "pp");
        assert!(id.starts_with("aware-brain-drain-"), "{id}");
        assert_eq!(id.len(), "aware-brain-drain-".len() + DRAWN);
        assert!(declaration.new_id("“(a)”", "op").starts_with("a-"));
        assert!(declaration.new_id("", "op").starts_with("op-"));
    }

    #[test]
    fn positional_ids_are_told_from_drawn_ones() {
        for id in ["p1", "o12", "o12-2"] {
            assert!(is_positional(id), "{id}");
        }
        for id in [
            "pp-k3f9qm",
            "aware",
            "o",
            "p1x",
            "operative-2",
            "recognising-k3f9qm",
        ] {
            assert!(!is_positional(id), "{id}");
        }
    }

    #[test]
    fn drafts_share_a_history_through_ids_that_are_not_positions() {
        let with = |ids: &[&str]| Declaration {
            preamble: ids
                .iter()
                .map(|id| Paragraph {
                    id: id.to_string(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        };
        assert!(with(&["p1", "aware-k3f9qm"]).shares_history_with(&with(&["aware-k3f9qm"])));
        assert!(!with(&["p1", "p2"]).shares_history_with(&with(&["p1", "p2"])));
        assert!(!with(&["aware-k3f9qm"]).shares_history_with(&with(&["aware-x7x7x7"])));
    }
}
