//! Properties of the redline: rejecting every CriticMarkup change gives the old text and
//! accepting every change gives the new; a text against itself has no change.

use crate::common;

use chapeau::model::{Declaration, Paragraph};
use chapeau::redline::render::critic;
use chapeau::redline::words::SpanKind;
use chapeau::redline::{Status, redline};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "migration",
    "partnership",
    "countries,",
    "origin",
    "and",
    "the",
    "return;",
    "labour",
    "(Prague)",
    "“Global",
    "Approach”",
    "2009.",
    "co-operation",
    "by:",
    "We",
    "will",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..25).prop_map(|w| w.join(" "))
}

fn paragraphs(prefix: &'static str) -> impl Strategy<Value = Vec<Paragraph>> {
    prop::collection::vec((text(), prop::collection::vec(text(), 0..3)), 0..8).prop_map(
        move |rows| {
            rows.into_iter()
                .enumerate()
                .map(|(i, (text, items))| Paragraph {
                    id: format!("{prefix}{i}"),
                    text,
                    items,
                    ..Default::default()
                })
                .collect()
        },
    )
}

/// A declaration and a revision of it: paragraphs moved, deleted, inserted and rewritten.
fn pair() -> impl Strategy<Value = (Declaration, Declaration)> {
    (
        paragraphs("p"),
        paragraphs("o"),
        text(),
        text(),
        prop::collection::vec((0usize..4, 0usize..20, 0usize..20, text()), 0..10),
    )
        .prop_map(|(preamble, operative, chapeau, new_chapeau, edits)| {
            let old = Declaration {
                preamble,
                operative,
                chapeau: chapeau.clone(),
                opening: "We, Ministers,".into(),
                ..Default::default()
            };
            let mut new = old.clone();
            new.chapeau = if edits.len() % 2 == 0 {
                chapeau
            } else {
                new_chapeau
            };
            for (n, (kind, a, b, words)) in edits.into_iter().enumerate() {
                let rows = if n % 2 == 0 {
                    &mut new.operative
                } else {
                    &mut new.preamble
                };
                let len = rows.len();
                match kind {
                    0 if len > 0 => {
                        let row = rows.remove(a % len);
                        rows.insert(b % len, row);
                    }
                    1 if len > 0 => {
                        rows.remove(a % len);
                    }
                    2 => rows.insert(
                        a % (len + 1),
                        Paragraph {
                            id: format!("new{n}"),
                            text: words,
                            ..Default::default()
                        },
                    ),
                    3 if len > 0 => rows[a % len].text = words,
                    _ => {}
                }
            }
            (old, new)
        })
}

/// Accepts (or rejects) every change of a CriticMarkup text.
fn settle(text: &str, accept: bool) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("{") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let (close, keep) = if tail.starts_with("{++") {
            ("++}", accept)
        } else if tail.starts_with("{--") {
            ("--}", !accept)
        } else if tail.starts_with("{>>") {
            ("<<}", false)
        } else {
            out.push('{');
            rest = &tail[1..];
            continue;
        };
        let end = tail.find(close).expect("marks are closed");
        if keep {
            out.push_str(&tail[3..end]);
        }
        rest = &tail[end + 3..];
    }
    out.push_str(rest);
    out
}

/// The words of the texts of a declaration, in reading order, labels left out.
fn words_of(d: &Declaration) -> Vec<String> {
    let mut texts = vec![d.opening.clone()];
    for p in &d.preamble {
        texts.push(p.text.clone());
        texts.extend(p.items.iter().map(|i| format!("- {i}")));
    }
    texts.push(d.chapeau.clone());
    for p in &d.operative {
        texts.push(p.text.clone());
        texts.extend(p.items.iter().map(|i| format!("- {i}")));
    }
    texts
        .join(" ")
        .split_whitespace()
        .map(String::from)
        .collect()
}

fn words_without_labels(text: &str) -> Vec<String> {
    let is_label = common::is_label;
    text.split_whitespace()
        .filter(|w| !is_label(w))
        .map(String::from)
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn accepting_gives_the_new_text_and_rejecting_the_old((old, new) in pair()) {
        let r = redline(&old, &new, true);
        let marked = critic(&r);
        prop_assert_eq!(words_without_labels(&settle(&marked, true)), words_of(&new), "{}", marked);
        prop_assert_eq!(words_without_labels(&settle(&marked, false)), words_of(&old), "{}", marked);
    }

    #[test]
    fn a_text_against_itself_has_no_change((old, _) in pair()) {
        let r = redline(&old, &old, true);
        prop_assert!(!r.has_changes());
        prop_assert!(r.paragraphs.iter().all(|p| p.status == Status::Unchanged));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Relabelling (another numbering) and re-wrapping (other spacing and line breaks) alone
    /// are no change.
    #[test]
    fn relabelling_and_rewrapping_alone_give_an_empty_diff((old, _) in pair(), breaks in prop::collection::vec(0usize..4, 1..40)) {
        let mut new = old.clone();
        new.numbering = chapeau::model::Numbering::Numbers;
        let mut n = 0;
        let mut rewrap = |text: &mut String| {
            *text = text
                .split(' ')
                .map(|word| {
                    n += 1;
                    format!("{word}{}", ["", " ", "\n", "  "][breaks[n % breaks.len()]])
                })
                .collect::<Vec<_>>()
                .join(" ");
        };
        for p in new.preamble.iter_mut().chain(new.operative.iter_mut()) {
            rewrap(&mut p.text);
            p.items.iter_mut().for_each(&mut rewrap);
        }
        rewrap(&mut new.chapeau);
        let r = redline(&old, &new, true);
        prop_assert!(!r.has_changes(), "{:?}", r.paragraphs.iter().filter(|p| p.status != Status::Unchanged).collect::<Vec<_>>());
    }
}

/// A paragraph of a redline, comparable: its part and status, and its spans.
type Seen = (String, u8, Vec<(u8, String)>);

fn status_key(status: Status) -> u8 {
    status as u8
}

/// Spans as a redline writes them: in each run of changes, the deletion before the insertion
/// that replaces it.
fn deletions_first(mut spans: Vec<(u8, String)>) -> Vec<(u8, String)> {
    let (equal, delete) = (SpanKind::Equal as u8, SpanKind::Delete as u8);
    for run in spans.chunk_by_mut(|a, b| a.0 != equal && b.0 != equal) {
        run.sort_by_key(|span| span.0 != delete);
    }
    spans
}

/// A paragraph of a redline as the other side sees it: inserted and deleted swapped, its old
/// and new words swapped.
fn seen_from_the_other_side(p: &chapeau::redline::ParagraphChange) -> Seen {
    let status = match p.status {
        Status::Inserted => Status::Deleted,
        Status::Deleted => Status::Inserted,
        other => other,
    };
    let spans = p
        .spans
        .iter()
        .map(|s| {
            let kind = match s.kind {
                SpanKind::Insert => SpanKind::Delete,
                SpanKind::Delete => SpanKind::Insert,
                SpanKind::Equal => SpanKind::Equal,
            };
            (kind as u8, s.text.clone())
        })
        .collect();
    (
        format!("{:?} {status:?}", p.part),
        status_key(status),
        deletions_first(spans),
    )
}

fn as_seen(p: &chapeau::redline::ParagraphChange) -> Seen {
    let spans = p
        .spans
        .iter()
        .map(|s| (s.kind as u8, s.text.clone()))
        .collect();
    (
        format!("{:?} {:?}", p.part, p.status),
        status_key(p.status),
        spans,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// diff(b, a) is diff(a, b) mirrored, paired by id or by words: inserted and deleted swap,
    /// amended and moved stay, and every paragraph's words are the same words marked the other
    /// way.
    #[test]
    fn comparing_the_other_way_round_gives_the_mirror_image((old, new) in pair(), by_id in any::<bool>()) {
        let there = redline(&old, &new, by_id);
        let back = redline(&new, &old, by_id);
        let s = there.summary;
        let mirrored = chapeau::redline::Summary { inserted: s.deleted, deleted: s.inserted, ..s };
        prop_assert_eq!(back.summary, mirrored);
        let mut a: Vec<_> = there.paragraphs.iter().map(seen_from_the_other_side).collect();
        let mut b: Vec<_> = back.paragraphs.iter().map(as_seen).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }

    /// The same two texts give the same redline every time.
    #[test]
    fn the_same_texts_give_the_same_redline((old, new) in pair(), by_id in any::<bool>()) {
        prop_assert_eq!(redline(&old, &new, by_id), redline(&old, &new, by_id));
    }
}

/// Two 5 MB paragraphs with no word in common: the work is bounded by the texts alone, so the
/// redline is the same on every run, the old paragraph replaced whole by the new.
#[test]
fn two_long_paragraphs_with_no_word_in_common_are_a_replacement_whole() {
    let words = |letter: char| -> String {
        (0..640_000)
            .map(|i| format!("{letter}{i:06}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (old, new) = (
        format!("We agree {}.", words('a')),
        format!("We agree {}.", words('b')),
    );
    assert!(old.len() > 5_000_000);
    let first = chapeau::redline::words::diff(&old, &new);
    let kinds: Vec<SpanKind> = first.iter().map(|s| s.kind).collect();
    assert_eq!(
        kinds,
        [
            SpanKind::Equal,
            SpanKind::Delete,
            SpanKind::Insert,
            SpanKind::Equal
        ]
    );
    assert_eq!(first, chapeau::redline::words::diff(&old, &new));
}
