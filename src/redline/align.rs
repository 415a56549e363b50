//! Pairing the paragraphs (or items) of two versions: by id where ids are trusted, else by
//! identical words, then by similar words above a threshold, one to one. Pairs outside the
//! largest set that keeps its order are moves.
//!
//! Every choice depends on the two texts alone and is made the same way whichever version
//! comes first, so comparing the other way round gives the mirror image.

use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

use super::words::{shared_share_sorted, shared_words, words};

/// Whether two texts of `a` and `b` words that share `shared` (in any order) are one text
/// amended rather than one deleted and another inserted: when the words they share are at
/// least half of all their words, or when one keeps four fifths of the other's words and those
/// are at least a quarter of all (a paragraph that gained a long clause).
fn alike(shared: usize, a: usize, b: usize) -> bool {
    4 * shared >= a + b || (5 * shared >= 4 * a.min(b) && 8 * shared >= a + b)
}
/// How many of its rarest words a row looks up to find rows it may pair with.
const RARE_WORDS: usize = 8;
/// A word found in more unpaired rows than this names no candidates: it is too common to
/// say which rows are alike, and looking it up would compare every row with every other.
const MOST_ROWS_PER_WORD: usize = 64;

/// One row to align: its id, when ids say which row is which, and its text.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The row's id; rows with ids pair by id alone.
    pub id: Option<&'a str>,
    /// The words compared.
    pub text: Cow<'a, str>,
}

/// One row of an alignment, in the reading order of the new version (deleted rows stand
/// after the old row they followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Index in the old version, if the row was there.
    pub old: Option<usize>,
    /// Index in the new version, if the row is there.
    pub new: Option<usize>,
    /// Whether a paired row changed its place relative to the others.
    pub moved: bool,
}

/// A text as a key: equal when the texts are, hashed from its length and ends alone, so that
/// finding the rows a revision left alone does not read every word of them.
#[derive(PartialEq, Eq)]
struct Text<'a>(&'a str);

impl std::hash::Hash for Text<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        let bytes = self.0.as_bytes();
        let ends = 32.min(bytes.len());
        state.write_usize(bytes.len());
        state.write(&bytes[..ends]);
        state.write(&bytes[bytes.len() - ends..]);
    }
}

/// A row's words as numbers (the same word, the same number on both sides), sorted, with its
/// text as it reads once spacing is set aside.
struct Words {
    sorted: Vec<u32>,
    key: String,
}

/// Aligns `old` with `new`.
pub fn align<'a>(old: &'a [Row<'a>], new: &'a [Row<'a>]) -> Vec<Pair> {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];

    let by_id: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .filter_map(|(i, row)| row.id.map(|id| (id, i)))
        .collect();
    for (n, row) in new.iter().enumerate() {
        if let Some(&o) = row.id.and_then(|id| by_id.get(id))
            && !taken[o]
        {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }

    // Rows that ids did not pair are paired by their words: the same text first (most rows
    // of a revision are unchanged, and need no reading), the same words, then the most
    // similar. Rows with ids are paired by id alone.
    let mut by_text: HashMap<Text, VecDeque<usize>> = HashMap::new();
    for (o, row) in old.iter().enumerate() {
        if !taken[o] && row.id.is_none() {
            by_text.entry(Text(&row.text)).or_default().push_back(o);
        }
    }
    for (n, row) in new.iter().enumerate() {
        if old_of_new[n].is_none()
            && row.id.is_none()
            && let Some(o) = by_text
                .get_mut(&Text(&row.text))
                .and_then(VecDeque::pop_front)
        {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }
    let mut numbers: HashMap<&str, u32> = HashMap::new();
    let mut read = |row: &'a Row<'a>| -> Words {
        let list = words(&row.text);
        let key = list.join(" ");
        let mut sorted: Vec<u32> = list
            .into_iter()
            .map(|word| {
                let next = numbers.len() as u32;
                *numbers.entry(word).or_insert(next)
            })
            .collect();
        sorted.sort_unstable();
        Words { sorted, key }
    };
    let mut old_words: Vec<Option<Words>> = (0..old.len())
        .map(|o| (!taken[o] && old[o].id.is_none()).then(|| read(&old[o])))
        .collect();
    let mut new_words: Vec<Option<Words>> = (0..new.len())
        .map(|n| (old_of_new[n].is_none() && new[n].id.is_none()).then(|| read(&new[n])))
        .collect();
    // Words are numbered as they were read, old version first; renumbered in the order of the
    // words themselves, they are the same numbers whichever version is old.
    let mut in_order: Vec<(&str, u32)> = numbers.into_iter().collect();
    in_order.sort_unstable();
    let mut rank = vec![0u32; in_order.len()];
    for (at, (_, number)) in in_order.iter().enumerate() {
        rank[*number as usize] = at as u32;
    }
    for words in old_words.iter_mut().chain(new_words.iter_mut()).flatten() {
        words
            .sorted
            .iter_mut()
            .for_each(|number| *number = rank[*number as usize]);
        words.sorted.sort_unstable();
    }
    pair_by_text(&old_words, &new_words, &mut old_of_new, &mut taken);

    let edited: Vec<bool> = old_of_new
        .iter()
        .enumerate()
        .map(|(n, o)| {
            o.is_some_and(|o| {
                old[o].text != new[n].text && words(&old[o].text) != words(&new[n].text)
            })
        })
        .collect();
    let staying = largest_ordered_set(&old_of_new, &edited, old, new);
    let mut rows: Vec<(i64, i64, Pair)> = old_of_new
        .iter()
        .enumerate()
        .map(|(n, &o)| {
            (
                2 * n as i64,
                0,
                Pair {
                    old: o,
                    new: Some(n),
                    moved: o.is_some() && !staying[n],
                },
            )
        })
        .collect();
    // A deleted row stands after the row before it that kept its place, so that the rows of
    // the old version that did not move stay in their old order.
    let new_of_old: HashMap<usize, usize> = old_of_new
        .iter()
        .enumerate()
        .filter(|&(n, _)| staying[n])
        .filter_map(|(n, o)| o.map(|o| (o, n)))
        .collect();
    // One pass over the old rows, carrying the place of the last one that stayed.
    let mut anchor = -1;
    for (o, &was_paired) in taken.iter().enumerate() {
        if let Some(&n) = new_of_old.get(&o) {
            anchor = 2 * n as i64 + 1;
        } else if !was_paired {
            rows.push((
                anchor,
                o as i64,
                Pair {
                    old: Some(o),
                    new: None,
                    moved: false,
                },
            ));
        }
    }
    rows.sort_by_key(|&(key, tie, _)| (key, tie));
    rows.into_iter().map(|(_, _, pair)| pair).collect()
}

/// Pairs free rows (those with words read) by their words: identical texts first, the k-th
/// of a text in the old version with its k-th in the new; then similar texts, most similar
/// first. Candidates come from each row's rarest words, so that no row is compared with every
/// other.
fn pair_by_text(
    old: &[Option<Words>],
    new: &[Option<Words>],
    old_of_new: &mut [Option<usize>],
    taken: &mut [bool],
) {
    let mut by_key: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (o, words) in old.iter().enumerate() {
        if let Some(words) = words {
            by_key.entry(&words.key).or_default().push_back(o);
        }
    }
    for (n, words) in new.iter().enumerate() {
        if let Some(words) = words
            && let Some(o) = by_key
                .get_mut(words.key.as_str())
                .and_then(VecDeque::pop_front)
        {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }

    let free_old: Vec<usize> = (0..old.len())
        .filter(|&o| old[o].is_some() && !taken[o])
        .collect();
    let free_new: Vec<usize> = (0..new.len())
        .filter(|&n| new[n].is_some() && old_of_new[n].is_none())
        .collect();
    if free_old.is_empty() || free_new.is_empty() {
        return;
    }
    let words_of = |rows: &[Option<Words>], i: usize| -> Vec<u32> { sorted(rows, i).to_vec() };
    // In how many free rows of either version each word appears, and which: words are
    // numbered from 0, so plain vectors hold them.
    let words_known = old
        .iter()
        .chain(new)
        .flatten()
        .flat_map(|w| w.sorted.last())
        .max()
        .map_or(0, |&last| last as usize + 1);
    let mut rows_with: Vec<usize> = vec![0; words_known];
    let mut old_rows_with: Vec<Vec<usize>> = vec![Vec::new(); words_known];
    let mut new_rows_with: Vec<Vec<usize>> = vec![Vec::new(); words_known];
    for (rows, list, postings) in [
        (old, &free_old, &mut old_rows_with),
        (new, &free_new, &mut new_rows_with),
    ] {
        for &i in list {
            let mut distinct = words_of(rows, i);
            distinct.dedup();
            for word in distinct {
                rows_with[word as usize] += 1;
                postings[word as usize].push(i);
            }
        }
    }
    // A row's rarest words among those the other version holds too: the words that can say
    // which of the other version's rows it is.
    let rarest = |sorted: Vec<u32>, others: &[Vec<usize>]| -> Vec<u32> {
        let mut distinct = sorted;
        distinct.dedup();
        distinct.retain(|&word| {
            let held = others[word as usize].len();
            held > 0 && held <= MOST_ROWS_PER_WORD
        });
        distinct.sort_unstable_by_key(|&word| (rows_with[word as usize], word));
        distinct.truncate(RARE_WORDS);
        distinct
    };
    // A row names as candidates the rows of the other version that hold at least two of its
    // rarest words (or its only one); either row may name the pair.
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    let mut named =
        |rare: Vec<u32>, postings: &[Vec<usize>], pair: &dyn Fn(usize) -> (usize, usize)| {
            let needed = rare.len().min(2);
            let mut hits: Vec<usize> = rare
                .iter()
                .flat_map(|&word| postings[word as usize].iter().copied())
                .collect();
            hits.sort_unstable();
            for run in hits.chunk_by(|a, b| a == b) {
                if run.len() >= needed {
                    candidates.push(pair(run[0]));
                }
            }
        };
    for &o in &free_old {
        named(
            rarest(words_of(old, o), &new_rows_with),
            &new_rows_with,
            &|n| (o, n),
        );
    }
    for &n in &free_new {
        named(
            rarest(words_of(new, n), &old_rows_with),
            &old_rows_with,
            &|o| (o, n),
        );
    }
    candidates.sort_unstable();
    candidates.dedup();
    fn sorted(rows: &[Option<Words>], i: usize) -> &[u32] {
        rows[i].as_ref().map_or(&[][..], |w| &w.sorted)
    }
    let mut scored: Vec<(f64, usize, usize, usize, usize)> = candidates
        .into_iter()
        .filter_map(|(o, n)| {
            let (a, b) = (sorted(old, o), sorted(new, n));
            // Texts of very different lengths share too little, whatever their words.
            if 8 * a.len().min(b.len()) < a.len() + b.len() {
                return None;
            }
            let shared = shared_words(a, b);
            alike(shared, a.len(), b.len())
                .then(|| (shared_share_sorted(a, b), o.abs_diff(n), o + n, o, n))
        })
        .collect();
    // Best first; among equals the nearer, then the earlier. Two candidates that share a row
    // never tie on all three, so the order is the same whichever version is old.
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    for (_, _, _, o, n) in scored {
        if !taken[o] && old_of_new[n].is_none() {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }
}

/// How much a paired row is worth keeping in place, compared field by field: first how many
/// rows stay, then how many of them were not edited, then how little they were displaced,
/// then how long they are, then a number drawn from their texts and id (the same whichever
/// version is old; rows neither edited nor displaced need none). So where several smallest
/// sets of moves explain the new order, the rows shown as moved are those that were also
/// edited, then those displaced further, then the shorter ones.
type Worth = (i64, i64, i64, i64, i64);

fn plus(a: Worth, b: Worth) -> Worth {
    (a.0 + b.0, a.1 + b.1, a.2 + b.2, a.3 + b.3, a.4 + b.4)
}

/// For each new row, whether it stays in place: the paired rows form the set that keeps its
/// order and is worth most (see [`Worth`]); the others moved.
fn largest_ordered_set(
    old_of_new: &[Option<usize>],
    edited: &[bool],
    old: &[Row],
    new: &[Row],
) -> Vec<bool> {
    let paired: Vec<(usize, usize)> = old_of_new
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (n, o)))
        .collect();
    // Ranks among the paired rows, so that rows inserted or deleted displace nothing.
    let mut old_rank = vec![0usize; paired.len()];
    let mut by_old: Vec<usize> = (0..paired.len()).collect();
    by_old.sort_unstable_by_key(|&i| paired[i].1);
    for (rank, &i) in by_old.iter().enumerate() {
        old_rank[i] = rank;
    }
    let worth = |i: usize| -> Worth {
        let (n, o) = paired[i];
        let displaced = old_rank[i].abs_diff(i) as i64;
        let (old_text, new_text) = (&old[o].text, &new[n].text);
        if !edited[n] && displaced == 0 {
            // Neither edited nor displaced: nothing to tell it from another, nothing to read.
            return (1, 1, 0, 0, 0);
        }
        // A number drawn from the texts and the id, the same whichever version is old.
        let drawn = |text: &str| {
            let mut hasher = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(text, &mut hasher);
            std::hash::Hash::hash(&old[o].id, &mut hasher);
            // 24 bits, so that the sums over a million rows cannot overflow.
            std::hash::Hasher::finish(&hasher) >> 40
        };
        (
            1,
            i64::from(!edited[n]),
            -displaced,
            (old_text.len() + new_text.len()) as i64,
            (drawn(old_text) + drawn(new_text)) as i64,
        )
    };
    // The best ordered set ending at each paired row, from the best ending below its old rank:
    // a Fenwick tree over old ranks finds that in logarithmic time.
    let size = paired.len();
    let mut tree: Vec<Option<(Worth, usize)>> = vec![None; size + 1];
    let mut previous: Vec<Option<usize>> = vec![None; size];
    let mut best_end: Option<(Worth, usize)> = None;
    for i in 0..size {
        let mut before: Option<(Worth, usize)> = None;
        let mut at = old_rank[i];
        while at > 0 {
            if let Some(entry) = tree[at]
                && before.is_none_or(|b| entry.0 > b.0)
            {
                before = Some(entry);
            }
            at &= at - 1;
        }
        previous[i] = before.map(|(_, j)| j);
        let total = plus(before.map_or((0, 0, 0, 0, 0), |(w, _)| w), worth(i));
        let mut at = old_rank[i] + 1;
        while at <= size {
            if tree[at].is_none_or(|(w, _)| total > w) {
                tree[at] = Some((total, i));
            }
            at += at & at.wrapping_neg();
        }
        if best_end.is_none_or(|(w, _)| total > w) {
            best_end = Some((total, i));
        }
    }
    let mut staying = vec![false; old_of_new.len()];
    let mut at = best_end.map(|(_, i)| i);
    while let Some(i) = at {
        staying[paired[i].0] = true;
        at = previous[i];
    }
    staying
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(
        old: &[(&'static str, &'static str)],
        new: &[(&'static str, &'static str)],
    ) -> Vec<(Option<usize>, Option<usize>, bool)> {
        let rows = |list: &[(&'static str, &'static str)]| -> Vec<Row<'static>> {
            list.iter()
                .map(|&(id, text)| Row {
                    id: (!id.is_empty()).then_some(id),
                    text: Cow::Borrowed(text),
                })
                .collect()
        };
        align(&rows(old), &rows(new))
            .into_iter()
            .map(|p| (p.old, p.new, p.moved))
            .collect()
    }

    fn rows_owned(
        old: &[(&str, &str)],
        new: &[(&str, &str)],
    ) -> Vec<(Option<usize>, Option<usize>, bool)> {
        let rows = |list: &[(&str, &str)]| -> Vec<Row<'static>> {
            list.iter()
                .map(|&(id, text)| Row {
                    id: (!id.is_empty()).then(|| &*id.to_string().leak()),
                    text: Cow::Owned(text.to_string()),
                })
                .collect()
        };
        align(&rows(old), &rows(new))
            .into_iter()
            .map(|p| (p.old, p.new, p.moved))
            .collect()
    }

    #[test]
    fn ids_pair_rows_whatever_their_text() {
        let result = rows(&[("a", "one"), ("b", "two")], &[("a", "uno"), ("b", "two")]);
        assert_eq!(
            result,
            [(Some(0), Some(0), false), (Some(1), Some(1), false)]
        );
    }

    #[test]
    fn a_moved_row_is_a_move_and_the_others_stay() {
        let old = [("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")];
        let new = [("a", "1"), ("c", "3"), ("d", "4"), ("b", "2")];
        let result = rows(&old, &new);
        assert_eq!(
            result,
            [
                (Some(0), Some(0), false),
                (Some(2), Some(1), false),
                (Some(3), Some(2), false),
                (Some(1), Some(3), true)
            ]
        );
    }

    #[test]
    fn without_ids_similar_texts_pair_and_the_rest_are_inserted_or_deleted() {
        let old = [
            ("", "We will act now on return."),
            ("", "Totally different words here."),
        ];
        let new = [
            ("", "We will act today on return."),
            ("", "A brand new paragraph altogether."),
        ];
        let result = rows(&old, &new);
        assert_eq!(
            result,
            [
                (Some(0), Some(0), false),
                (Some(1), None, false),
                (None, Some(1), false)
            ]
        );
    }

    #[test]
    fn deleted_rows_stand_where_they_were() {
        let old = [("a", "1"), ("b", "2"), ("c", "3")];
        let new = [("a", "1"), ("c", "3")];
        assert_eq!(
            rows(&old, &new),
            [
                (Some(0), Some(0), false),
                (Some(1), None, false),
                (Some(2), Some(1), false)
            ]
        );
    }

    #[test]
    fn of_two_rows_that_swapped_the_edited_one_is_shown_moved() {
        let old = [("a", "one two"), ("b", "three four"), ("c", "5")];
        for edited_first in [true, false] {
            let (a, b) = if edited_first {
                (("a", "one two more"), ("b", "three four"))
            } else {
                (("a", "one two"), ("b", "three four more"))
            };
            let result = rows(&old, &[b, a, ("c", "5")]);
            let moved: Vec<Option<usize>> =
                result.iter().filter(|row| row.2).map(|row| row.0).collect();
            assert_eq!(moved, [Some(if edited_first { 0 } else { 1 })]);
        }
    }

    #[test]
    fn of_two_rows_that_swapped_unedited_the_shorter_is_shown_moved_either_way_round() {
        let (long, short) = (("a", "one two three"), ("b", "four"));
        let there = rows(&[long, short], &[short, long]);
        let back = rows(&[short, long], &[long, short]);
        let moved_text = |result: &[(Option<usize>, Option<usize>, bool)], old: &[(&str, &str)]| {
            result
                .iter()
                .filter(|row| row.2)
                .map(|row| old[row.0.unwrap()].1.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(moved_text(&there, &[long, short]), ["four"]);
        assert_eq!(moved_text(&back, &[short, long]), ["four"]);
    }

    #[test]
    fn a_paragraph_that_gained_a_long_clause_is_amended_not_replaced() {
        let old = [(
            "",
            "Recalling its resolution of 24 October 1970, on friendly relations,",
        )];
        let new = [(
            "",
            "Recalling its resolution of 24 October 1970, on friendly relations, and \
             affirming the duty of every State to refrain in its international relations from \
             the threat or use of force against the territorial integrity of any State,",
        )];
        assert_eq!(rows(&old, &new), [(Some(0), Some(0), false)]);
        assert_eq!(rows(&new, &old), [(Some(0), Some(0), false)]);
        assert!(
            !alike(3, 5, 30),
            "a few words of a short text in a long one"
        );
    }

    #[test]
    fn a_paragraph_with_many_words_replaced_is_still_found_by_its_shared_words() {
        let old_text = "Encourages all States to cooperate closely with the Court in the \
            arrest and surrender of persons subject to warrants, to provide evidence and \
            to protect witnesses in accordance with their obligations under the Statute";
        let new_text = old_text
            .replace("Encourages", "Urges")
            .replace("closely", "fully")
            .replace("arrest", "apprehension")
            .replace("surrender", "transfer")
            .replace("provide", "share")
            .replace("protect", "shield")
            .replace("obligations", "duties");
        let old = [("", old_text), ("", "Recalling its earlier resolutions,")];
        let new = [
            ("", new_text.as_str()),
            ("", "Recalling its earlier resolutions,"),
        ];
        let old: Vec<(&str, &str)> = old.to_vec();
        let result = rows_owned(&old, &new);
        assert_eq!(result[0], (Some(0), Some(0), false));
    }

    #[test]
    fn rows_that_tie_on_everything_but_their_words_move_the_same_either_way_round() {
        let gaza = (
            "a",
            "Concerned at the situation in the Middle East, including Gaza,",
        );
        let iraq = (
            "b",
            "Concerned at the situation in the Middle East, including Iraq,",
        );
        let other = ("c", "Recalling its resolutions,");
        let there = rows(&[gaza, iraq, other], &[iraq, gaza, other]);
        let back = rows(&[iraq, gaza, other], &[gaza, iraq, other]);
        fn moved(
            result: &[(Option<usize>, Option<usize>, bool)],
            old: [(&'static str, &'static str); 3],
        ) -> Vec<&'static str> {
            result
                .iter()
                .filter(|row| row.2)
                .map(|row| old[row.0.unwrap()].0)
                .collect()
        }
        assert_eq!(
            moved(&there, [gaza, iraq, other]),
            moved(&back, [iraq, gaza, other])
        );
    }
}
