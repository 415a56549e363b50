//! Writers of a redline: plain text with `[-deleted-]{+inserted+}` (the wdiff convention),
//! CriticMarkup, a one-line summary, and JSON.

use super::words::{Span, SpanKind};
use super::{ItemChange, ParagraphChange, Redline, Status};

/// How marked text is spelled in a writer.
struct Marks {
    insert: (&'static str, &'static str),
    delete: (&'static str, &'static str),
}

const WDIFF: Marks = Marks {
    insert: ("{+", "+}"),
    delete: ("[-", "-]"),
};
const CRITIC: Marks = Marks {
    insert: ("{++", "++}"),
    delete: ("{--", "--}"),
};

fn marked(spans: &[Span], marks: &Marks) -> String {
    let mut out = String::new();
    for span in spans {
        // A mark starts at the word, after the space that separates it from the one before.
        let (space, text) = match span.text.strip_prefix(' ') {
            Some(text) => (" ", text),
            None => ("", span.text.as_str()),
        };
        match span.kind {
            SpanKind::Equal => out.push_str(&span.text),
            SpanKind::Insert => out.push_str(&format!(
                "{space}{}{text}{}",
                marks.insert.0, marks.insert.1
            )),
            SpanKind::Delete => out.push_str(&format!(
                "{space}{}{text}{}",
                marks.delete.0, marks.delete.1
            )),
        }
    }
    out.trim_start().to_string()
}

fn whole(spans: &[Span], kind: SpanKind) -> String {
    spans
        .iter()
        .filter(|s| s.kind == SpanKind::Equal || s.kind == kind)
        .map(|s| s.text.as_str())
        .collect::<String>()
        .trim()
        .to_string()
}

fn where_from(paragraph: &ParagraphChange) -> String {
    match (&paragraph.old_label, paragraph.old_position) {
        (Some(label), _) => format!("moved from {label}"),
        (None, Some(position)) => format!("moved from preambular paragraph {}", position + 1),
        (None, None) => "moved".to_string(),
    }
}

fn items_text(items: &[ItemChange], marks: &Marks) -> Vec<String> {
    items
        .iter()
        .map(|item| format!("- {}", marked(&item.spans, marks)))
        .collect()
}

/// The redline as plain text: one paragraph a block, with its new label (its old one when
/// deleted), moves noted, changed words marked `[-...-]{+...+}`.
pub fn text(redline: &Redline) -> String {
    let mut blocks = Vec::new();
    for change in &redline.header {
        blocks.push(format!(
            "{}: [-{}-]{{+{}+}}",
            change.field, change.old, change.new
        ));
    }
    for paragraph in &redline.paragraphs {
        let label = paragraph
            .new_label
            .as_ref()
            .or(paragraph.old_label.as_ref());
        let mut lines = Vec::new();
        let note = match paragraph.status {
            Status::Moved => format!("[{}] ", where_from(paragraph)),
            Status::Inserted => "[inserted] ".into(),
            Status::Deleted => "[deleted] ".into(),
            _ => String::new(),
        };
        let body = marked(&paragraph.spans, &WDIFF);
        lines.push(match label {
            Some(label) => format!("{label}  {note}{body}"),
            None => format!("{note}{body}"),
        });
        lines.extend(
            items_text(&paragraph.items, &WDIFF)
                .into_iter()
                .map(|item| format!("     {item}")),
        );
        blocks.push(lines.join("\n"));
    }
    blocks.push(summary(redline));
    blocks.join("\n\n") + "\n"
}

/// The redline in CriticMarkup. A move is the deletion of the old text where it stood and the
/// insertion of the new text where it stands, with a `{>>moved from (c)<<}` comment, so that
/// accepting every change gives the new text and rejecting every change gives the old.
pub fn critic(redline: &Redline) -> String {
    let joined = |paragraph: &ParagraphChange, kind: SpanKind| -> String {
        let items = paragraph
            .items
            .iter()
            .map(|item| whole(&item.spans, kind))
            .filter(|t| !t.is_empty());
        std::iter::once(whole(&paragraph.spans, kind))
            .chain(items.map(|t| format!("- {t}")))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let block = |paragraph: &ParagraphChange| -> String {
        let body = match paragraph.status {
            Status::Moved => format!(
                "{{++{}++}}{{>>{}<<}}",
                joined(paragraph, SpanKind::Insert),
                where_from(paragraph)
            ),
            Status::Inserted => format!("{{++{}++}}", joined(paragraph, SpanKind::Insert)),
            Status::Deleted => format!("{{--{}--}}", joined(paragraph, SpanKind::Delete)),
            _ => std::iter::once(marked(&paragraph.spans, &CRITIC))
                .chain(items_text(&paragraph.items, &CRITIC))
                .collect::<Vec<_>>()
                .join("\n"),
        };
        match &paragraph.new_label {
            Some(label) if paragraph.status != Status::Deleted => format!("{label} {body}"),
            _ => body,
        }
    };
    // The old text of a moved paragraph is deleted where it stood: among the paragraphs of
    // its part that did not move, in their old order.
    let mut blocks = Vec::new();
    let mut pending: Vec<&ParagraphChange> = Vec::new();
    let mut part = None;
    for paragraph in &redline.paragraphs {
        if part != Some(paragraph.part) {
            blocks.extend(
                pending
                    .drain(..)
                    .map(|p| format!("{{--{}--}}", joined(p, SpanKind::Delete))),
            );
            part = Some(paragraph.part);
            pending = redline
                .paragraphs
                .iter()
                .filter(|p| p.part == paragraph.part && p.status == Status::Moved)
                .collect();
            pending.sort_by_key(|p| p.old_position);
        }
        if let Some(position) = paragraph
            .old_position
            .filter(|_| paragraph.status != Status::Moved)
        {
            let due = pending
                .iter()
                .take_while(|p| p.old_position < Some(position))
                .count();
            blocks.extend(
                pending
                    .drain(..due)
                    .map(|p| format!("{{--{}--}}", joined(p, SpanKind::Delete))),
            );
        }
        blocks.push(block(paragraph));
    }
    blocks.extend(
        pending
            .drain(..)
            .map(|p| format!("{{--{}--}}", joined(p, SpanKind::Delete))),
    );
    blocks.join("\n\n") + "\n"
}

/// "2 inserted, 1 deleted, 1 moved, 3 amended, 25 unchanged".
pub fn summary(redline: &Redline) -> String {
    let s = &redline.summary;
    format!(
        "{} inserted, {} deleted, {} moved, {} amended, {} unchanged",
        s.inserted, s.deleted, s.moved, s.amended, s.unchanged
    )
}

/// The redline as JSON: the summary, changed cover note fields, and every paragraph.
pub fn json(redline: &Redline) -> String {
    serde_json::to_string_pretty(redline).expect("plain data serialises") + "\n"
}
