//! Pairing the paragraphs (or items) of two versions: by id where both have one, then by
//! identical text, then by similar text above a threshold, one to one. Pairs outside the
//! longest run that keeps its order are moves.

use std::collections::HashMap;

use super::words::{at_most_as_similar, similarity, sorted_words};

/// Below this similarity two texts are a deletion and an insertion, not an amendment.
const THRESHOLD: f64 = 0.5;

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

/// Aligns `old` with `new`; `id` gives a row's stable id when it has one, `text` its text.
pub fn align<T>(
    old: &[T],
    new: &[T],
    id: fn(&T) -> Option<&str>,
    text: fn(&T) -> &str,
) -> Vec<Pair> {
    let mut old_of_new: Vec<Option<usize>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];

    let by_id: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .filter_map(|(i, row)| id(row).map(|id| (id, i)))
        .collect();
    for (n, row) in new.iter().enumerate() {
        if let Some(&o) = id(row).and_then(|id| by_id.get(id))
            && !taken[o]
        {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }
    // Rows without ids (an imported text) are paired by text: the same text first, then the
    // most similar, best pairs first. Rows with ids are paired by id alone.
    let free_old: Vec<usize> = (0..old.len())
        .filter(|&o| !taken[o] && id(&old[o]).is_none())
        .collect();
    let free_new: Vec<usize> = (0..new.len())
        .filter(|&n| old_of_new[n].is_none() && id(&new[n]).is_none())
        .collect();
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for &o in free_old.iter().rev() {
        by_text.entry(text(&old[o]).trim()).or_default().push(o);
    }
    for &n in &free_new {
        if let Some(o) = by_text.get_mut(text(&new[n]).trim()).and_then(Vec::pop) {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    let still_free: Vec<(usize, Vec<&str>)> = free_old
        .iter()
        .filter(|&&o| !taken[o])
        .map(|&o| (o, sorted_words(text(&old[o]))))
        .collect();
    for &n in free_new.iter().filter(|&&n| old_of_new[n].is_none()) {
        let new_words = sorted_words(text(&new[n]));
        for (o, old_words) in &still_free {
            let o = *o;
            if at_most_as_similar(old_words, &new_words) < THRESHOLD {
                continue;
            }
            let score = similarity(text(&old[o]), text(&new[n]));
            if score >= THRESHOLD {
                candidates.push((score, o, n));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in candidates {
        if !taken[o] && old_of_new[n].is_none() {
            old_of_new[n] = Some(o);
            taken[o] = true;
        }
    }

    let staying = longest_increasing_run(&old_of_new);
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
    for o in (0..old.len()).filter(|&o| !taken[o]) {
        let anchor = (0..o)
            .rev()
            .find_map(|before| new_of_old.get(&before))
            .map_or(-1, |&n| 2 * n as i64 + 1);
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
    rows.sort_by_key(|&(key, tie, _)| (key, tie));
    rows.into_iter().map(|(_, _, pair)| pair).collect()
}

/// For each new row, whether its old index is on the longest increasing run of old indices
/// (the rows that kept their order); rows without an old index are not on it.
fn longest_increasing_run(old_of_new: &[Option<usize>]) -> Vec<bool> {
    let paired: Vec<(usize, usize)> = old_of_new
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (n, o)))
        .collect();
    // Patience sorting: tails[k] is the index in `paired` of the smallest tail of a run of k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; paired.len()];
    for (i, &(_, o)) in paired.iter().enumerate() {
        let k = tails.partition_point(|&t| paired[t].1 < o);
        previous[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut on_run = vec![false; old_of_new.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        on_run[paired[i].0] = true;
        at = previous[i];
    }
    on_run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(
        old: &[(&'static str, &'static str)],
        new: &[(&'static str, &'static str)],
    ) -> Vec<(Option<usize>, Option<usize>, bool)> {
        fn id<'a>(row: &'a (&'static str, &'static str)) -> Option<&'a str> {
            (!row.0.is_empty()).then_some(row.0)
        }
        fn text<'a>(row: &'a (&'static str, &'static str)) -> &'a str {
            row.1
        }
        align(old, new, id, text)
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
}
