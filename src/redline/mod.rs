//! Tracked changes between two versions of a declaration, with the structure understood:
//! paragraphs are aligned part by part (by id, else by text), moves are moves, relabelling is
//! never a change, and words changed inside a paragraph are shown word by word.

pub mod align;
pub mod render;
pub mod words;

use serde::Serialize;

use crate::cover_note::FIELDS;
use crate::model::{Declaration, Numbering, Paragraph, Section};
use crate::numbering::label;
use align::align;
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

/// The parts of a declaration that are aligned separately.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
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
}

/// One sub-item in a redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemChange {
    /// What happened to it.
    pub status: Status,
    /// Its words, marked.
    pub spans: Vec<Span>,
}

/// One paragraph in a redline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphChange {
    /// What happened to it (moved wins over amended).
    pub status: Status,
    /// Which part it belongs to.
    pub part: Part,
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
    /// Its place in the old version's part, for writers that show where a move came from.
    #[serde(skip)]
    pub old_position: Option<usize>,
}

/// How many paragraphs each status has; every paragraph is counted once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
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

/// A cover note field that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderChange {
    /// The field, as printed ("Subject").
    pub field: String,
    /// Its old value.
    pub old: String,
    /// Its new value.
    pub new: String,
}

/// The tracked changes between two versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redline {
    /// The counts.
    pub summary: Summary,
    /// Changed cover note fields.
    pub header: Vec<HeaderChange>,
    /// Every paragraph of both versions, in the new reading order.
    pub paragraphs: Vec<ParagraphChange>,
}

impl Redline {
    /// Whether anything changed.
    pub fn has_changes(&self) -> bool {
        !self.header.is_empty()
            || self
                .paragraphs
                .iter()
                .any(|p| p.status != Status::Unchanged)
    }
}

/// The redline of `old` against `new`. With `by_id`, paragraphs are paired by their ids
/// (two versions of one draft); without, by their text (imported plain texts, whose ids mean
/// nothing).
pub fn redline(old: &Declaration, new: &Declaration, by_id: bool) -> Redline {
    let mut paragraphs = Vec::new();
    paragraphs.extend(lone(Part::Opening, &old.opening, &new.opening));
    paragraphs.extend(section(old, new, Section::Preamble, by_id));
    paragraphs.extend(lone(Part::Chapeau, &old.chapeau, &new.chapeau));
    paragraphs.extend(section(old, new, Section::Operative, by_id));
    paragraphs.extend(lone(Part::Closing, &old.closing, &new.closing));
    let mut summary = Summary::default();
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
        header: header_changes(old, new),
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
    let status = match (old.trim().is_empty(), new.trim().is_empty()) {
        (true, true) => return None,
        (true, false) => Status::Inserted,
        (false, true) => Status::Deleted,
        (false, false) => status_of(&diff(old, new)),
    };
    Some(ParagraphChange {
        status,
        part,
        id: None,
        old_label: None,
        new_label: None,
        spans: diff(old, new),
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

fn section(
    old: &Declaration,
    new: &Declaration,
    section: Section,
    by_id: bool,
) -> Vec<ParagraphChange> {
    let (old_rows, new_rows) = (old.paragraphs(section), new.paragraphs(section));
    fn paragraph_id(p: &Paragraph) -> Option<&str> {
        Some(&p.id)
    }
    fn no_id(_: &Paragraph) -> Option<&str> {
        None
    }
    fn paragraph_text(p: &Paragraph) -> &str {
        &p.text
    }
    let part = match section {
        Section::Preamble => Part::Preamble,
        Section::Operative => Part::Operative,
    };
    align(
        old_rows,
        new_rows,
        if by_id { paragraph_id } else { no_id },
        paragraph_text,
    )
    .into_iter()
    .map(|pair| {
        let before = pair.old.map(|o| &old_rows[o]);
        let after = pair.new.map(|n| &new_rows[n]);
        let spans = diff(
            before.map_or("", |p| &p.text),
            after.map_or("", |p| &p.text),
        );
        let items = item_changes(
            before.map_or(&[][..], |p| &p.items),
            after.map_or(&[][..], |p| &p.items),
        );
        let status = match (before, after) {
            (None, _) => Status::Inserted,
            (_, None) => Status::Deleted,
            _ if pair.moved => Status::Moved,
            _ if changed(&spans) || items.iter().any(|i| i.status != Status::Unchanged) => {
                Status::Amended
            }
            _ => Status::Unchanged,
        };
        ParagraphChange {
            status,
            part,
            id: after.or(before).map(|p| p.id.clone()),
            old_label: pair.old.and_then(|o| label_of(old.numbering, section, o)),
            new_label: pair.new.and_then(|n| label_of(new.numbering, section, n)),
            spans,
            items,
            old_position: pair.old,
        }
    })
    .collect()
}

fn item_changes(old: &[String], new: &[String]) -> Vec<ItemChange> {
    fn no_id(_: &String) -> Option<&str> {
        None
    }
    align(old, new, no_id, String::as_str)
        .into_iter()
        .map(|pair| {
            let text =
                |i: Option<usize>, rows: &[String]| i.map_or(String::new(), |i| rows[i].clone());
            let spans = diff(&text(pair.old, old), &text(pair.new, new));
            let status = match (pair.old, pair.new) {
                (None, _) => Status::Inserted,
                (_, None) => Status::Deleted,
                _ if pair.moved => Status::Moved,
                _ => status_of(&spans),
            };
            ItemChange { status, spans }
        })
        .collect()
}

/// The cover note fields that changed, each compared as the table says.
fn header_changes(old: &Declaration, new: &Declaration) -> Vec<HeaderChange> {
    FIELDS
        .iter()
        .filter_map(|field| {
            let compared = field.compared?;
            let (old, new) = (compared(&old.header), compared(&new.header));
            changed(&diff(&old, &new)).then(|| HeaderChange {
                field: field.label.to_string(),
                old,
                new,
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
        let r = redline(&d, &d, true);
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
        let r = redline(&old, &new, true);
        assert_eq!(
            r.summary,
            Summary {
                inserted: 1,
                deleted: 1,
                moved: 1,
                amended: 2,
                unchanged: r.summary.unchanged
            }
        );
        assert_eq!(
            r.summary.unchanged,
            old.preamble.len() + old.operative.len() + 3 - 4
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
        let r = redline(&old, &new, false);
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
}
