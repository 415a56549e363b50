//! Tracked changes between two versions of a declaration, with the structure understood:
//! paragraphs are aligned part by part (by id, else by text), moves are moves, relabelling is
//! never a change, and words changed inside a paragraph are shown word by word.

pub mod align;
pub mod render;
pub mod words;

use std::borrow::Cow;

use serde::Serialize;

use crate::cover_note::{FIELDS, Place};
use crate::export::layout::{Block, Role, cover_note_by_field};
use crate::model::{Declaration, Numbering, Paragraph, Section};
use crate::numbering::label;
use align::{Row, align};
use words::{Span, changed, diff};

/// What happened to a paragraph between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The same words in the same place.
    Unchanged,
    /// Words changed.
    Amended,
    /// Moved (its words may have changed too).
    Moved,
    /// Only in the new version.
    Inserted,
    /// Only in the old version.
    Deleted,
}

/// The parts of a declaration, in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// The upper-case title lines.
    Title,
    /// "We, Ministers ...".
    Opening,
    /// The preambular paragraphs.
    Preamble,
    /// The sentence before the operative part.
    Chapeau,
    /// The operative paragraphs.
    Operative,
    /// Follow-up and mandate.
    Closing,
    /// Text an import could not place.
    Unplaced,
}

impl Part {
    /// How a drafter names a paragraph of this part that has no label: "preambular paragraph".
    pub fn noun(self) -> &'static str {
        match self {
            Part::Title => "title line",
            Part::Opening => "opening",
            Part::Preamble => "preambular paragraph",
            Part::Chapeau => "chapeau",
            Part::Operative => "operative paragraph",
            Part::Closing => "closing",
            Part::Unplaced => "unplaced passage",
        }
    }
}

/// One sub-item in a redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    /// What happened to it.
    pub status: Status,
    /// Its words, marked.
    pub spans: Vec<Span>,
    /// Its place among the old version's items, for writers that give the old order.
    #[serde(skip)]
    pub old_position: Option<usize>,
}

/// One paragraph (or title line, or lone part) in a redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphChange {
    /// What happened to it (moved wins over amended).
    pub status: Status,
    /// Which part it belongs to (in the new version, unless it was deleted).
    pub part: Part,
    /// Which part it belonged to in the old version (a paragraph moved across the chapeau
    /// changes part); its part when it is new.
    #[serde(skip)]
    pub old_part: Part,
    /// Its id, for paragraphs that have one.
    pub id: Option<String>,
    /// Its label in the old version, "(c)".
    pub old_label: Option<String>,
    /// Its label in the new version.
    pub new_label: Option<String>,
    /// Its words, marked.
    pub spans: Vec<Span>,
    /// Its items, marked.
    pub items: Vec<ItemChange>,
    /// Its place in the old version's part (`old_part`), for writers that show where a move
    /// came from.
    #[serde(skip)]
    pub old_position: Option<usize>,
}

/// How many paragraphs each status has (every title line, paragraph and lone part is counted
/// once), and how many cover-note fields the drafter changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Cover-note fields the drafter changed (derived ones, such as the number a revision
    /// takes, are not counted).
    pub cover_note: usize,
    /// Paragraphs only in the new version.
    pub inserted: usize,
    /// Paragraphs only in the old version.
    pub deleted: usize,
    /// Paragraphs that moved.
    pub moved: usize,
    /// Paragraphs whose words changed in place.
    pub amended: usize,
    /// Paragraphs that did not change.
    pub unchanged: usize,
}

impl Summary {
    /// Whether anything a drafter did is counted.
    pub fn counts_a_change(&self) -> bool {
        self.cover_note + self.inserted + self.deleted + self.moved + self.amended > 0
    }
}

/// A cover-note field in a redline: every field printed in either version, changed or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// The field's key in the draft file ("subject").
    pub key: &'static str,
    /// The field, as printed ("Subject").
    pub field: &'static str,
    /// Its old value, as printed.
    pub old: String,
    /// Its new value, as printed.
    pub new: String,
    /// Its printed words, marked.
    pub spans: Vec<Span>,
    /// Whether the drafter changed it. A derived value that changed (the number and kind a
    /// revision takes, "No. prev. doc.") is shown as context and not counted.
    pub counted: bool,
}

/// A line of the cover note block in a redline, as the Council layout prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverLine {
    /// What the line is in the layout.
    pub role: Role,
    /// The field's name in the field column ("Subject:"), for labelled fields.
    pub label: Option<String>,
    /// Whether it follows the line before without a blank line.
    pub joined: bool,
    /// Its words, marked.
    pub spans: Vec<Span>,
    /// Whether the line is in both versions, or only one.
    pub status: Status,
    /// Whether a field on it was changed by the drafter; a line changed only by what a
    /// revision derives (the number, the kind) is context.
    pub counted: bool,
}

/// The tracked changes between two versions: the whole document, every part compared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redline {
    /// The counts.
    pub summary: Summary,
    /// The old version's printed number ("6093/09"), which the redline says it is compared
    /// with; empty when the old version has none.
    pub compared_with: String,
    /// Every cover-note field printed in either version, in the order of the cover note.
    pub header: Vec<FieldChange>,
    /// The cover note block as printed, line by line: what whole-document writers show.
    #[serde(skip)]
    pub cover: Vec<CoverLine>,
    /// Every title line and paragraph of both versions, in the new reading order.
    pub paragraphs: Vec<ParagraphChange>,
}

impl Redline {
    /// Whether the summary counts any change: what `--exit-code` answers.
    pub fn has_changes(&self) -> bool {
        self.summary.counts_a_change()
    }

    /// The cover-note fields whose printed value changed, counted or derived.
    pub fn changed_fields(&self) -> impl Iterator<Item = &FieldChange> {
        self.header
            .iter()
            .filter(|field| field.old != field.new || field.counted)
    }
}

/// How the paragraphs of two versions are paired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pairing {
    /// By id, every id: two versions of one draft, whose ids all say which paragraph is which.
    ById,
    /// By id where an id was drawn (two files that share a history); paragraphs with the
    /// positional ids of old imports ("p3", "o12") are paired by their words.
    ByDrawnId,
    /// By words alone: texts that share no history, whose ids say nothing.
    ByWords,
}

impl Pairing {
    /// The id a paragraph is paired by, if any.
    fn id_of(self, id: &str) -> Option<&str> {
        match self {
            Pairing::ById => Some(id),
            Pairing::ByDrawnId => (!crate::identity::is_positional(id)).then_some(id),
            Pairing::ByWords => None,
        }
    }
}

/// The redline of `old` against `new`, paragraphs paired as `pairing` says.
pub fn redline(old: &Declaration, new: &Declaration, pairing: Pairing) -> Redline {
    let mut paragraphs = lines(Part::Title, &old.titles, &new.titles);
    paragraphs.extend(lone(Part::Opening, &old.opening, &new.opening));
    let (preamble, operative) = sections(old, new, pairing);
    paragraphs.extend(preamble);
    paragraphs.extend(lone(Part::Chapeau, &old.chapeau, &new.chapeau));
    paragraphs.extend(operative);
    paragraphs.extend(lone(Part::Closing, &old.closing, &new.closing));
    paragraphs.extend(lines(Part::Unplaced, &old.unplaced, &new.unplaced));
    let header = fields(old, new);
    let mut summary = Summary {
        cover_note: header.iter().filter(|field| field.counted).count(),
        ..Summary::default()
    };
    for paragraph in &paragraphs {
        *match paragraph.status {
            Status::Inserted => &mut summary.inserted,
            Status::Deleted => &mut summary.deleted,
            Status::Moved => &mut summary.moved,
            Status::Amended => &mut summary.amended,
            Status::Unchanged => &mut summary.unchanged,
        } += 1;
    }
    Redline {
        summary,
        compared_with: old.header.printed_number(),
        cover: cover_lines(old, new, &header),
        header,
        paragraphs,
    }
}

fn status_of(spans: &[Span]) -> Status {
    if changed(spans) {
        Status::Amended
    } else {
        Status::Unchanged
    }
}

fn lone(part: Part, old: &str, new: &str) -> Option<ParagraphChange> {
    let spans = diff(old, new);
    let status = match (old.trim().is_empty(), new.trim().is_empty()) {
        (true, true) => return None,
        (true, false) => Status::Inserted,
        (false, true) => Status::Deleted,
        (false, false) => status_of(&spans),
    };
    Some(ParagraphChange {
        status,
        part,
        old_part: part,
        id: None,
        old_label: None,
        new_label: None,
        spans,
        items: Vec::new(),
        old_position: (!old.trim().is_empty()).then_some(0),
    })
}

fn label_of(numbering: Numbering, section: Section, index: usize) -> Option<String> {
    match section {
        Section::Operative => Some(label(numbering, index)).filter(|l| !l.is_empty()),
        Section::Preamble => None,
    }
}

/// Title lines or unplaced passages, aligned by their words.
fn lines(part: Part, old: &[String], new: &[String]) -> Vec<ParagraphChange> {
    item_changes(old, new)
        .into_iter()
        .map(|(item, old_position)| ParagraphChange {
            status: item.status,
            part,
            old_part: part,
            id: None,
            old_label: None,
            new_label: None,
            spans: item.spans,
            items: Vec::new(),
            old_position,
        })
        .collect()
}

/// The preambular and operative paragraphs, aligned as one sequence so that a paragraph
/// moved across the chapeau pairs with itself (and is a move); returned part by part.
fn sections<'d>(
    old: &'d Declaration,
    new: &'d Declaration,
    pairing: Pairing,
) -> (Vec<ParagraphChange>, Vec<ParagraphChange>) {
    /// Where the paragraph at `index` of preamble-then-operative stands.
    fn place(d: &Declaration, index: usize) -> (Section, usize, &Paragraph) {
        match index.checked_sub(d.preamble.len()) {
            None => (Section::Preamble, index, &d.preamble[index]),
            Some(i) => (Section::Operative, i, &d.operative[i]),
        }
    }
    // A paragraph is compared with its items, so that pairing and moves see all its words.
    let rows = |d: &'d Declaration| -> Vec<Row<'d>> {
        d.preamble
            .iter()
            .chain(&d.operative)
            .map(|p| Row {
                id: pairing.id_of(&p.id),
                text: if p.items.is_empty() {
                    Cow::Borrowed(p.text.as_str())
                } else {
                    Cow::Owned(format!("{}\n{}", p.text, p.items.join("\n")))
                },
            })
            .collect()
    };
    let (old_rows, new_rows) = (rows(old), rows(new));
    let (mut preamble, mut operative) = (Vec::new(), Vec::new());
    for pair in align(&old_rows, &new_rows) {
        let before = pair.old.map(|o| place(old, o));
        let after = pair.new.map(|n| place(new, n));
        let (before_paragraph, after_paragraph) = (before.map(|b| b.2), after.map(|a| a.2));
        let spans = diff(
            before_paragraph.map_or("", |p| &p.text),
            after_paragraph.map_or("", |p| &p.text),
        );
        let items: Vec<ItemChange> = item_changes(
            before_paragraph.map_or(&[][..], |p| &p.items),
            after_paragraph.map_or(&[][..], |p| &p.items),
        )
        .into_iter()
        .map(|(item, _)| item)
        .collect();
        let status = match (before, after) {
            (None, _) => Status::Inserted,
            (_, None) => Status::Deleted,
            (Some(b), Some(a)) if pair.moved || b.0 != a.0 => Status::Moved,
            _ if changed(&spans) || items.iter().any(|i| i.status != Status::Unchanged) => {
                Status::Amended
            }
            _ => Status::Unchanged,
        };
        let section = after.or(before).expect("a pair has a side").0;
        let part_of = |section: Section| match section {
            Section::Preamble => Part::Preamble,
            Section::Operative => Part::Operative,
        };
        let change = ParagraphChange {
            status,
            part: part_of(section),
            old_part: part_of(before.map_or(section, |b| b.0)),
            id: after_paragraph.or(before_paragraph).map(|p| p.id.clone()),
            old_label: before.and_then(|(s, i, _)| label_of(old.numbering, s, i)),
            new_label: after.and_then(|(s, i, _)| label_of(new.numbering, s, i)),
            spans,
            items,
            old_position: before.map(|b| b.1),
        };
        match section {
            Section::Preamble => preamble.push(change),
            Section::Operative => operative.push(change),
        }
    }
    (preamble, operative)
}

/// Lines without ids aligned by their words, each with its place in the old list.
fn item_changes(old: &[String], new: &[String]) -> Vec<(ItemChange, Option<usize>)> {
    let (old, new): (Vec<&String>, Vec<&String>) = (
        old.iter().filter(|l| !l.trim().is_empty()).collect(),
        new.iter().filter(|l| !l.trim().is_empty()).collect(),
    );
    // Most paragraphs keep their items as they were: nothing to align.
    if old == new {
        return old
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let spans = diff(line, line);
                let item = ItemChange {
                    status: Status::Unchanged,
                    spans,
                    old_position: Some(i),
                };
                (item, Some(i))
            })
            .collect();
    }
    fn as_rows<'l>(lines: &[&'l String]) -> Vec<Row<'l>> {
        lines
            .iter()
            .map(|line| Row {
                id: None,
                text: Cow::Borrowed(line.as_str()),
            })
            .collect()
    }
    let (old_rows, new_rows) = (as_rows(&old), as_rows(&new));
    align(&old_rows, &new_rows)
        .into_iter()
        .map(|pair| {
            fn text<'t>(i: Option<usize>, rows: &[&'t String]) -> &'t str {
                i.map_or("", |i| rows[i].as_str())
            }
            let spans = diff(text(pair.old, &old), text(pair.new, &new));
            let status = match (pair.old, pair.new) {
                (None, _) => Status::Inserted,
                (_, None) => Status::Deleted,
                _ if pair.moved => Status::Moved,
                _ => status_of(&spans),
            };
            let item = ItemChange {
                status,
                spans,
                old_position: pair.old,
            };
            (item, pair.old)
        })
        .collect()
}

/// The cover note blocks of both versions, aligned: a line is named by the fields printed on
/// it when no other line of either version has the same fields (the codes, one a line, are
/// aligned by their words).
fn cover_lines(old: &Declaration, new: &Declaration, fields: &[FieldChange]) -> Vec<CoverLine> {
    let (old_blocks, new_blocks) = (cover_note_by_field(old), cover_note_by_field(new));
    let names = |blocks: &[(Block, Vec<&'static str>)]| -> Vec<String> {
        blocks.iter().map(|(_, keys)| keys.join(",")).collect()
    };
    let (old_names, new_names) = (names(&old_blocks), names(&new_blocks));
    let unique: Vec<&String> = old_names
        .iter()
        .chain(&new_names)
        .filter(|name| {
            old_names.iter().filter(|n| n == name).count() <= 1
                && new_names.iter().filter(|n| n == name).count() <= 1
        })
        .collect();
    let old_rows = cover_rows(&old_blocks, &old_names, &unique);
    let new_rows = cover_rows(&new_blocks, &new_names, &unique);
    align(&old_rows, &new_rows)
        .into_iter()
        .map(|pair| {
            let before = pair.old.map(|o| &old_blocks[o]);
            let after = pair.new.map(|n| &new_blocks[n]);
            let (block, keys) = after.or(before).expect("a pair has a side");
            let spans = diff(
                before.map_or("", |(b, _)| &b.text),
                after.map_or("", |(b, _)| &b.text),
            );
            let status = match (before, after) {
                (None, _) => Status::Inserted,
                (_, None) => Status::Deleted,
                _ => status_of(&spans),
            };
            CoverLine {
                role: block.role,
                label: block.label.clone(),
                joined: block.joined,
                spans,
                status,
                counted: keys
                    .iter()
                    .any(|key| fields.iter().any(|f| f.key == *key && f.counted)),
            }
        })
        .collect()
}

/// Cover-note lines to align, named by their fields where the name is `unique`.
fn cover_rows<'a>(
    blocks: &'a [(Block, Vec<&'static str>)],
    names: &'a [String],
    unique: &[&String],
) -> Vec<Row<'a>> {
    blocks
        .iter()
        .zip(names)
        .map(|((block, _), name)| Row {
            id: unique.contains(&name).then_some(name.as_str()),
            text: Cow::Borrowed(block.text.as_str()),
        })
        .collect()
}

/// Every cover-note field printed in either version, as the table says to print and compare
/// it.
fn fields(old: &Declaration, new: &Declaration) -> Vec<FieldChange> {
    FIELDS
        .iter()
        .filter(|field| field.place != Place::Nowhere)
        .filter_map(|field| {
            let (old_printed, new_printed) =
                ((field.printed)(&old.header), (field.printed)(&new.header));
            let counted = field.compared.is_some_and(|compared| {
                changed(&diff(&compared(&old.header), &compared(&new.header)))
            });
            if old_printed.trim().is_empty() && new_printed.trim().is_empty() && !counted {
                return None;
            }
            Some(FieldChange {
                key: field.key,
                field: field.label,
                spans: diff(&old_printed, &new_printed),
                old: old_printed,
                new: new_printed,
                counted,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft_file;

    fn prague() -> Declaration {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/prague-2009.toml");
        draft_file::load(std::path::Path::new(path))
            .unwrap()
            .declaration
    }

    #[test]
    fn a_declaration_against_itself_has_no_changes() {
        let d = prague();
        let r = redline(&d, &d, Pairing::ById);
        assert!(!r.has_changes());
        assert_eq!(r.summary.unchanged, r.paragraphs.len());
    }

    #[test]
    fn known_edits_give_the_true_summary_and_relabelling_is_no_change() {
        let old = prague();
        let mut new = old.clone();
        new.operative.insert(
            1,
            Paragraph {
                id: "inserted".into(),
                text: "We will meet again.".into(),
                ..Default::default()
            },
        );
        new.preamble.remove(5);
        let moved = new.preamble.remove(2);
        new.preamble.insert(9, moved);
        new.operative[4].text = new.operative[4].text.replace("illegal", "irregular");
        new.preamble[0].text.push_str(" again");
        let r = redline(&old, &new, Pairing::ById);
        assert_eq!(
            r.summary,
            Summary {
                cover_note: 0,
                inserted: 1,
                deleted: 1,
                moved: 1,
                amended: 2,
                unchanged: r.summary.unchanged
            }
        );
        assert_eq!(
            r.summary.unchanged,
            old.titles.len() + old.preamble.len() + old.operative.len() + 3 - 4
        );
        for p in r
            .paragraphs
            .iter()
            .filter(|p| p.status == Status::Unchanged)
        {
            assert!(!changed(&p.spans), "{:?}", p.id);
        }
        let relabelled = r
            .paragraphs
            .iter()
            .find(|p| p.old_label.as_deref() == Some("(c)"))
            .unwrap();
        assert_eq!(
            (relabelled.new_label.as_deref(), relabelled.status),
            (Some("(d)"), Status::Unchanged)
        );
    }

    #[test]
    fn without_ids_paragraphs_pair_by_text() {
        let old = prague();
        let mut new = old.clone();
        for (i, p) in new
            .preamble
            .iter_mut()
            .chain(new.operative.iter_mut())
            .enumerate()
        {
            p.id = format!("x{i}");
        }
        new.operative.swap(0, 1);
        let r = redline(&old, &new, Pairing::ByWords);
        assert_eq!(
            (
                r.summary.moved,
                r.summary.amended,
                r.summary.inserted,
                r.summary.deleted
            ),
            (1, 0, 0, 0)
        );
    }

    /// A paragraph moved from the preamble into the operative part (the drafting screen's
    /// move across the chapeau) is one move, whichever way the texts are paired.
    #[test]
    fn a_paragraph_moved_across_the_chapeau_is_one_move() {
        let old = prague();
        let mut new = old.clone();
        let crossing = new.preamble.pop().unwrap();
        new.operative.insert(0, crossing);
        for pairing in [Pairing::ById, Pairing::ByWords] {
            let r = redline(&old, &new, pairing);
            assert_eq!(
                (
                    r.summary.moved,
                    r.summary.amended,
                    r.summary.inserted,
                    r.summary.deleted
                ),
                (1, 0, 0, 0),
                "{pairing:?}"
            );
        }
    }
}
