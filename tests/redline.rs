//! Properties of the redline: rejecting every CriticMarkup change gives the old text and
//! accepting every change gives the new; a text against itself has no change.

use crate::common;

use chapeau::model::{Declaration, Paragraph};
use chapeau::redline::render::critic::critic;
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
        prop::collection::vec((0usize..6, 0usize..20, 0usize..20, text()), 0..10),
        (
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..3),
            text(),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..2),
            0u32..2,
        ),
    )
        .prop_map(
            |(preamble, operative, chapeau, new_chapeau, edits, others)| {
                let (titles, new_titles, subject, new_subject, unplaced, revision) = others;
                let mut old = Declaration {
                    preamble,
                    operative,
                    chapeau: chapeau.clone(),
                    opening: "We, Ministers,".into(),
                    titles,
                    closing: subject.clone(),
                    unplaced,
                    ..Default::default()
                };
                old.header.subject = subject;
                old.header.place = "Brussels".into();
                old.header.number = Some("6093/09".parse().unwrap());
                old.header.kind = "NOTE".into();
                let mut new = old.clone();
                new.header.revision = revision;
                if let Some(subject) = new_subject {
                    new.header.subject = subject.clone();
                    new.unplaced.reverse();
                    new.closing = subject;
                }
                if !new_titles.is_empty() {
                    new.titles = new_titles;
                }
                new.chapeau = if edits.len() % 2 == 0 {
                    chapeau
                } else {
                    new_chapeau
                };
                for (n, (kind, a, b, words)) in edits.into_iter().enumerate() {
                    // Across the chapeau, either way.
                    if kind == 5 {
                        let (from, to) = if n % 2 == 0 {
                            (&mut new.operative, &mut new.preamble)
                        } else {
                            (&mut new.preamble, &mut new.operative)
                        };
                        if !from.is_empty() {
                            let row = from.remove(a % from.len());
                            to.insert(b % (to.len() + 1), row);
                        }
                        continue;
                    }
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
                        4 if len > 0 => rows[a % len].items.reverse(),
                        _ => {}
                    }
                }
                (old, new)
            },
        )
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

/// The words of a declaration as the text export prints it (cover note, titles, every
/// part), with what is derived from positions left out: labels, item bullets, emphasis marks.
fn words_of(d: &Declaration) -> Vec<String> {
    let printed = chapeau::export::export(d, chapeau::export::Format::Text, 1000);
    words_without_labels(&printed)
}

fn words_without_labels(text: &str) -> Vec<String> {
    let is_label = common::is_label;
    text.split_whitespace()
        .map(|word| word.replace("**", ""))
        .filter(|w| !w.is_empty() && w != "-" && !is_label(w))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn accepting_gives_the_new_text_and_rejecting_the_old((old, new) in pair()) {
        let r = redline(&old, &new, chapeau::redline::Pairing::ById);
        let marked = critic(&r);
        prop_assert!(marked.contains("{>>Changes compared with 6093/09<<}"), "{}", marked);
        prop_assert_eq!(words_without_labels(&settle(&marked, true)), words_of(&new), "{}", marked);
        prop_assert_eq!(words_without_labels(&settle(&marked, false)), words_of(&old), "{}", marked);
    }

    #[test]
    fn a_text_against_itself_has_no_change((old, _) in pair()) {
        let r = redline(&old, &old, chapeau::redline::Pairing::ById);
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
        let r = redline(&old, &new, chapeau::redline::Pairing::ById);
        prop_assert!(!r.has_changes(), "{:?}", r.paragraphs.iter().filter(|p| p.status != Status::Unchanged).collect::<Vec<_>>());
    }
}

/// Every way of pairing paragraphs.
fn pairing() -> impl Strategy<Value = chapeau::redline::Pairing> {
    use chapeau::redline::Pairing;
    prop::sample::select(&[Pairing::ById, Pairing::ByDrawnId, Pairing::ByWords][..])
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
        // A paragraph moved across the chapeau stands, seen from the other side, in its old part.
        format!("{:?} {status:?}", p.old_part),
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
    fn comparing_the_other_way_round_gives_the_mirror_image((old, new) in pair(), pairing in pairing()) {
        let there = redline(&old, &new, pairing);
        let back = redline(&new, &old, pairing);
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
    fn the_same_texts_give_the_same_redline((old, new) in pair(), pairing in pairing()) {
        prop_assert_eq!(redline(&old, &new, pairing), redline(&old, &new, pairing));
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

/// Words as negotiators write them: square brackets around disputed text, and every other
/// character a redline could mark with.
const BRACKETED: &[&str] = &[
    "[including]",
    "[and",
    "partners]",
    "[[alt",
    "1]]",
    "{+",
    "+}",
    "[-",
    "-]",
    "<-",
    "->",
    "<b>",
    "«quoted»",
    "⟦x⟧",
    "\\",
    "return",
    "migration",
    "and",
];

fn bracketed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(BRACKETED), 1..12).prop_map(|w| w.join(" "))
}

/// A pair of declarations whose texts hold brackets: the old one's paragraphs, and the new
/// one with some rewritten, dropped or added.
fn bracketed_pair() -> impl Strategy<Value = (Declaration, Declaration)> {
    (
        prop::collection::vec(bracketed_text(), 1..6),
        prop::collection::vec((0usize..3, bracketed_text()), 0..6),
    )
        .prop_map(|(texts, edits)| {
            let paragraph = |(i, text): (usize, String)| Paragraph {
                id: format!("o{i}"),
                text,
                ..Default::default()
            };
            let old = Declaration {
                operative: texts.into_iter().enumerate().map(paragraph).collect(),
                ..Default::default()
            };
            let mut new = old.clone();
            for (n, (kind, text)) in edits.into_iter().enumerate() {
                let len = new.operative.len();
                match kind {
                    0 if len > 0 => new.operative[n % len].text = text,
                    1 if len > 0 => {
                        new.operative.remove(n % len);
                    }
                    _ => new
                        .operative
                        .insert(n % (len + 1), paragraph((100 + n, text))),
                }
            }
            (old, new)
        })
}

/// Reads a plain redline with the marks its legend names: the new text (`accept`) or the old,
/// notes left out, escapes undone.
fn settle_plain(redline: &str, accept: bool) -> String {
    let legend = redline
        .lines()
        .find_map(|line| line.strip_prefix("Marks: "))
        .expect("a legend line");
    let escaped = legend.contains("a \\ before");
    let marks: Vec<&str> = legend.split(' ').take(3).collect();
    let around = |mark: &str, inner: &str| -> (String, String) {
        let (open, close) = mark.split_once(inner).expect("the legend shows the mark");
        (open.to_string(), close.to_string())
    };
    let (del, ins, note) = (
        around(marks[0], "deleted"),
        around(marks[1], "inserted"),
        around(marks[2].trim_end_matches(';'), "note"),
    );
    let body: String = redline
        .lines()
        .filter(|line| !line.starts_with("Marks: ") && !line.starts_with("Changes compared with"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = String::new();
    let mut rest = body.as_str();
    // Where a mark closes, skipping escaped characters.
    let close_at = |text: &str, close: &str| -> usize {
        let mut at = 0;
        while at < text.len() {
            if escaped && text[at..].starts_with('\\') {
                at += 1 + text[at + 1..].chars().next().map_or(0, char::len_utf8);
            } else if text[at..].starts_with(close) {
                return at;
            } else {
                at += text[at..].chars().next().map_or(1, char::len_utf8);
            }
        }
        panic!("{close} never closes in {text}")
    };
    let unescape = |text: &str| -> String {
        if !escaped {
            return text.to_string();
        }
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                out.extend(chars.next());
            } else {
                out.push(c);
            }
        }
        out
    };
    while !rest.is_empty() {
        let next = [(&del, Some(!accept)), (&ins, Some(accept)), (&note, None)]
            .into_iter()
            .filter_map(|(mark, keep)| {
                let mut at = 0;
                loop {
                    let found = at + rest[at..].find(mark.0.as_str())?;
                    let escaped_here = escaped && found > 0 && rest[..found].ends_with('\\');
                    if !escaped_here {
                        return Some((found, mark, keep));
                    }
                    at = found + mark.0.len();
                }
            })
            .min_by_key(|(at, mark, _)| (*at, std::cmp::Reverse(mark.0.len())));
        let Some((at, mark, keep)) = next else {
            out.push_str(&unescape(rest));
            break;
        };
        out.push_str(&unescape(&rest[..at]));
        let inside = &rest[at + mark.0.len()..];
        let end = close_at(inside, &mark.1);
        if keep == Some(true) {
            out.push_str(&unescape(&inside[..end]));
        }
        rest = &inside[end + mark.1.len()..];
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Whatever brackets the texts hold, the plain redline's marks cannot be confused with
    /// them: reading it with the marks its legend names gives the new text back, or the old.
    #[test]
    fn marks_are_never_confused_with_brackets_in_the_text((old, new) in bracketed_pair()) {
        let r = redline(&old, &new, chapeau::redline::Pairing::ById);
        let plain = chapeau::redline::render::text::text(&r, 1000, false);
        let summary = plain.trim_end().rsplit_once('\n').map_or("", |(body, _)| body);
        // Every character, spacing aside (a word diff shows a word shared by both texts once,
        // spaced as either spaces it).
        let unspaced = |text: &str| -> String {
            text.split_whitespace()
                .filter(|word| !common::is_label(word))
                .collect()
        };
        let printed = |d: &Declaration| chapeau::export::export(d, chapeau::export::Format::Text, 1000);
        prop_assert_eq!(unspaced(&settle_plain(summary, true)), unspaced(&printed(&new)), "{}", plain);
        prop_assert_eq!(unspaced(&settle_plain(summary, false)), unspaced(&printed(&old)), "{}", plain);
    }
}
