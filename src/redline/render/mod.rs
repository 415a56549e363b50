//! Writers of a redline. Each is a whole document: the cover note with the new number, a line
//! in the Council's manner ("Changes compared with 6093/09"), the titles and every paragraph
//! with its new label, changed words marked. Plain text (wrapped like `export`), CriticMarkup,
//! Markdown and a standalone HTML page; then the counts alone, and JSON for scripts.

pub mod critic;
pub mod html;
pub mod marks;
pub mod text;

use super::words::{Span, SpanKind};
use super::{ParagraphChange, Part, Redline, Status};
use crate::export::layout::Role;

pub use marks::Marks;

/// One block of a redline as the writers that show a document set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// What the block is in the Council layout.
    pub role: Role,
    /// Its label in the new version (a deleted paragraph's old one is in its note); a
    /// field's name.
    pub label: Option<String>,
    /// What the marks alone cannot say: "moved from (c)", "inserted", "deleted".
    pub note: Option<String>,
    /// Its words, marked.
    pub spans: Vec<Span>,
    /// Whether it follows the block before without a blank line.
    pub joined: bool,
    /// The number of the change it shows (1, 2, ...), for writers that link to each change;
    /// `None` when it shows none.
    pub change: Option<usize>,
}

/// The role a part's paragraphs have in the layout.
fn role_of(part: Part) -> Role {
    match part {
        Part::Title => Role::Title,
        Part::Opening => Role::Opening,
        Part::Preamble => Role::Preamble,
        Part::Chapeau => Role::Chapeau,
        Part::Operative => Role::Operative,
        Part::Closing => Role::Closing,
        Part::Unplaced => Role::Unplaced,
    }
}

/// The note a status needs beside the marks: "moved from (c), amended", "inserted",
/// "deleted, was (d)".
pub fn note_of(paragraph: &ParagraphChange) -> Option<String> {
    let amended = super::words::changed(&paragraph.spans)
        || paragraph
            .items
            .iter()
            .any(|i| i.status != Status::Unchanged);
    match paragraph.status {
        Status::Moved if amended => Some(format!("{}, amended", where_from(paragraph))),
        Status::Moved => Some(where_from(paragraph)),
        Status::Inserted => Some("inserted".into()),
        // A deleted paragraph has no label among the new ones: its old label goes in the note.
        Status::Deleted => Some(match &paragraph.old_label {
            Some(label) => format!("deleted, was {label}"),
            None => "deleted".into(),
        }),
        Status::Amended | Status::Unchanged => None,
    }
}

/// The words of the new text alone, unmarked: how a line that only a revision changed (its
/// number, its kind) is shown.
fn as_context(spans: &[Span]) -> Vec<Span> {
    let text = marks::side(spans, SpanKind::Insert);
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Span {
            kind: SpanKind::Equal,
            text,
        }]
    }
}

/// The redline as blocks to show: the cover note, then the body. Lines of the cover note that
/// only a revision changed are shown as they now read; every other change is marked and
/// numbered.
pub fn shown(redline: &Redline) -> (Vec<Shown>, Vec<Shown>) {
    let mut changes = 0;
    let mut next_change = |changed: bool| {
        changed.then(|| {
            changes += 1;
            changes
        })
    };
    let mut cover = Vec::new();
    for line in &redline.cover {
        let changed = line.status != Status::Unchanged;
        if changed && !line.counted && line.status == Status::Deleted {
            continue;
        }
        let marked = line.counted || !changed;
        cover.push(Shown {
            role: line.role,
            label: line.label.clone(),
            note: None,
            spans: if marked {
                line.spans.clone()
            } else {
                as_context(&line.spans)
            },
            joined: line.joined,
            change: next_change(changed && line.counted),
        });
    }
    let mut body: Vec<Shown> = Vec::new();
    for paragraph in &redline.paragraphs {
        let role = role_of(paragraph.part);
        let joined = role == Role::Title && body.last().is_some_and(|b| b.role == Role::Title);
        body.push(Shown {
            role,
            label: paragraph.new_label.clone(),
            note: note_of(paragraph),
            spans: paragraph.spans.clone(),
            joined,
            change: next_change(paragraph.status != Status::Unchanged),
        });
        for item in &paragraph.items {
            body.push(Shown {
                role: Role::Item,
                label: None,
                note: (item.status == Status::Moved).then(|| "moved".to_string()),
                spans: item.spans.clone(),
                joined: true,
                change: None,
            });
        }
    }
    (cover, body)
}

/// The line that says what the redline compares with, in the Council's manner.
pub fn compared_with(redline: &Redline) -> String {
    match redline.compared_with.as_str() {
        "" => "Changes compared with the previous text".to_string(),
        number => format!("Changes compared with {number}"),
    }
}

/// Where a moved paragraph came from: "moved from (c)", "moved from preambular paragraph 3".
pub fn where_from(paragraph: &ParagraphChange) -> String {
    match (&paragraph.old_label, paragraph.old_position) {
        (Some(label), _) => format!("moved from {label}"),
        (None, Some(position)) => {
            format!("moved from {} {}", paragraph.old_part.noun(), position + 1)
        }
        (None, None) => "moved".to_string(),
    }
}

/// "2 inserted, 1 deleted, 1 moved, 3 amended, 25 unchanged", then the cover-note fields the
/// drafter changed, when there are any: ", 1 cover-note field changed".
pub fn summary(redline: &Redline) -> String {
    let s = &redline.summary;
    let mut line = format!(
        "{} inserted, {} deleted, {} moved, {} amended, {} unchanged",
        s.inserted, s.deleted, s.moved, s.amended, s.unchanged
    );
    match s.cover_note {
        0 => {}
        1 => line.push_str(", 1 cover-note field changed"),
        n => line.push_str(&format!(", {n} cover-note fields changed")),
    }
    line
}

/// The redline as JSON: the summary, every cover-note field, and every paragraph.
pub fn json(redline: &Redline) -> String {
    crate::safe_text::json_lines(redline)
}

/// The formats a redline is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, changes marked [-deleted-]{+inserted+} (in colour on a terminal).
    Text,
    /// CriticMarkup: {++inserted++}, {--deleted--}, {>>comments<<}.
    Critic,
    /// Markdown: **inserted**, ~~deleted~~.
    Markdown,
    /// A standalone HTML page in the Council layout.
    Html,
    /// The counts only.
    Summary,
    /// The structured redline, for scripts.
    Json,
}

impl Format {
    /// Every format, with its name and what it is, for the command line's choices.
    pub const ALL: [(Format, &'static str, &'static str); 6] = [
        (
            Format::Text,
            "text",
            "The whole document as plain text, wrapped at --width, changes marked [-deleted-]{+inserted+} (other marks when the text holds brackets; a legend line says which)",
        ),
        (
            Format::Critic,
            "critic",
            "CriticMarkup: {++inserted++}, {--deleted--}, {>>comments<<}; accepting every change gives the new text, rejecting every change the old",
        ),
        (
            Format::Markdown,
            "markdown",
            "Markdown: **inserted**, ~~deleted~~",
        ),
        (
            Format::Html,
            "html",
            "A standalone page in the Council layout with <ins>, <del>, a legend, the summary linked to each change, and print styles",
        ),
        (Format::Summary, "summary", "The counts only"),
        (Format::Json, "json", "The structured redline, for scripts"),
    ];
}

/// The redline in `format`; `width` wraps the text format, `colour` colours it for a
/// terminal.
pub fn write(redline: &Redline, format: Format, width: usize, colour: bool) -> String {
    match format {
        Format::Text => text::text(redline, width, colour),
        Format::Critic => critic::critic(redline),
        Format::Markdown => text::markdown(redline),
        Format::Html => html::redline(redline),
        Format::Summary => summary(redline) + "\n",
        Format::Json => json(redline),
    }
}
