//! Writers of a redline: plain text with `[-deleted-]{+inserted+}` (the wdiff convention),
//! CriticMarkup, a one-line summary, and JSON.

use super::words::{Span, SpanKind};
use super::{ItemChange, ParagraphChange, Redline, Status};

/// How marked text is spelled in a writer.
pub struct Marks {
    insert: (&'static str, &'static str),
    delete: (&'static str, &'static str),
    note: (&'static str, &'static str),
    escape: fn(&str) -> String,
}

/// Text as it is, for writers whose marks cannot be confused with the text.
fn as_is(text: &str) -> String {
    crate::safe_text::visible(text).into_owned()
}

fn html_escaped(text: &str) -> String {
    as_is(text)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `[-deleted-]{+inserted+}`, as wdiff and `git diff --word-diff=plain` write it.
pub const WDIFF: Marks = Marks {
    insert: ("{+", "+}"),
    delete: ("[-", "-]"),
    note: ("[", "]"),
    escape: as_is,
};
/// A colour terminal: inserted green underlined, deleted red struck through, moves magenta.
pub const COLOUR: Marks = Marks {
    insert: ("\x1b[32;4m", "\x1b[0m"),
    delete: ("\x1b[31;9m", "\x1b[0m"),
    note: ("\x1b[35m[", "]\x1b[0m"),
    escape: as_is,
};
/// Markdown: inserted in bold, deleted struck through, notes in italics.
const MARKDOWN: Marks = Marks {
    insert: ("**", "**"),
    delete: ("~~", "~~"),
    note: ("*(", ")*"),
    escape: as_is,
};
/// HTML: `<ins>` and `<del>`.
const HTML: Marks = Marks {
    insert: ("<ins>", "</ins>"),
    delete: ("<del>", "</del>"),
    note: ("<em class=\"note\">", "</em>"),
    escape: html_escaped,
};
/// CriticMarkup.
const CRITIC: Marks = Marks {
    insert: ("{++", "++}"),
    delete: ("{--", "--}"),
    note: ("{>>", "<<}"),
    escape: as_is,
};

fn marked(spans: &[Span], marks: &Marks) -> String {
    let mut out = String::new();
    for span in spans {
        // A mark starts at the word, after the space that separates it from the one before.
        let (space, text) = match span.text.strip_prefix(' ') {
            Some(text) => (" ", (marks.escape)(text)),
            None => ("", (marks.escape)(&span.text)),
        };
        match span.kind {
            SpanKind::Equal => out.push_str(&format!("{space}{text}")),
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
    as_is(&whole_raw(spans, kind))
}

fn whole_raw(spans: &[Span], kind: SpanKind) -> String {
    spans
        .iter()
        .filter(|s| s.kind == SpanKind::Equal || s.kind == kind)
        .map(|s| s.text.as_str())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Where a moved paragraph came from: "moved from (c)", "moved from preambular paragraph 3".
pub fn where_from(paragraph: &ParagraphChange) -> String {
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

/// The redline as plain text marked with `marks`: one paragraph a block, with its new label
/// (its old one when deleted), moves noted, changed words marked.
pub fn text(redline: &Redline, marks: &Marks) -> String {
    let mut blocks = paragraphs(redline, marks);
    blocks.push(summary(redline));
    blocks.join("\n\n") + "\n"
}

/// One block of marked text per changed cover note field and per paragraph.
fn paragraphs(redline: &Redline, marks: &Marks) -> Vec<String> {
    let mut blocks = Vec::new();
    let (ins, del, esc) = (marks.insert, marks.delete, marks.escape);
    for change in redline.changed_fields() {
        blocks.push(format!(
            "{}: {}{}{}{}{}{}",
            change.field,
            del.0,
            esc(&change.old),
            del.1,
            ins.0,
            esc(&change.new),
            ins.1
        ));
    }
    for paragraph in &redline.paragraphs {
        let label = paragraph
            .new_label
            .as_ref()
            .or(paragraph.old_label.as_ref());
        let note = match paragraph.status {
            Status::Moved => format!("{}{}{} ", marks.note.0, where_from(paragraph), marks.note.1),
            Status::Inserted => format!("{}inserted{} ", marks.note.0, marks.note.1),
            Status::Deleted => format!("{}deleted{} ", marks.note.0, marks.note.1),
            _ => String::new(),
        };
        let body = marked(&paragraph.spans, marks);
        let mut lines = vec![match label {
            Some(label) => format!("{label}  {note}{body}"),
            None => format!("{note}{body}"),
        }];
        lines.extend(
            items_text(&paragraph.items, marks)
                .into_iter()
                .map(|item| format!("     {item}")),
        );
        blocks.push(lines.join("\n"));
    }
    blocks
}

/// The redline as Markdown: changed words in bold (inserted) and struck through (deleted).
pub fn markdown(redline: &Redline) -> String {
    let mut blocks = vec![format!("*{}*", summary(redline))];
    blocks.extend(
        paragraphs(redline, &MARKDOWN)
            .into_iter()
            .map(|block| block.replace("\n     - ", "\n\n- ")),
    );
    blocks.join("\n\n") + "\n"
}

/// The redline as a standalone HTML page with `<ins>` and `<del>`, a legend and the summary.
pub fn html(redline: &Redline) -> String {
    let body: String = paragraphs(redline, &HTML)
        .into_iter()
        .map(|block| {
            let lines: Vec<String> = block.lines().map(|line| line.trim().to_string()).collect();
            format!("<p>{}</p>\n", lines.join("<br>\n"))
        })
        .collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Tracked changes</title>\n<style>\nbody {{ font-family: serif; max-width: 48em; margin: 2em auto; line-height: 1.5; }}\nins {{ color: #05690f; text-decoration: underline; }}\ndel {{ color: #b00020; text-decoration: line-through; }}\n.note {{ color: #6a1b9a; }}\n</style>\n</head>\n<body>\n<p class=\"legend\"><ins>inserted</ins> · <del>deleted</del> · <em class=\"note\">moved</em></p>\n<p class=\"summary\">{}</p>\n{body}</body>\n</html>\n",
        html_escaped(&summary(redline))
    )
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

/// The redline as JSON: the summary, changed cover note fields, and every paragraph.
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
    /// A standalone HTML page with <ins>, <del>, a legend and the summary.
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
            "Plain text, changes marked [-deleted-]{+inserted+}",
        ),
        (
            Format::Critic,
            "critic",
            "CriticMarkup: {++inserted++}, {--deleted--}, {>>comments<<}",
        ),
        (
            Format::Markdown,
            "markdown",
            "Markdown: **inserted**, ~~deleted~~",
        ),
        (
            Format::Html,
            "html",
            "A standalone HTML page with <ins>, <del>, a legend and the summary",
        ),
        (Format::Summary, "summary", "The counts only"),
        (Format::Json, "json", "The structured redline, for scripts"),
    ];
}

/// The redline in `format`; `colour` asks the text format for terminal colours.
pub fn write(redline: &Redline, format: Format, colour: bool) -> String {
    match format {
        Format::Text => text(redline, if colour { &COLOUR } else { &WDIFF }),
        Format::Critic => critic(redline),
        Format::Markdown => markdown(redline),
        Format::Html => html(redline),
        Format::Summary => summary(redline) + "\n",
        Format::Json => json(redline),
    }
}
