//! The plain-text redline, set exactly like the text export (the Council layout, wrapped at a
//! width), and the Markdown one.

use super::marks::{self, COLOUR, Marks};
use super::{Redline, Shown, compared_with, shown, summary};
use crate::export::layout::{Block, Role};

/// A shown block as a layout block, its words marked and its note in front.
fn block(shown: &Shown, marks: &Marks) -> Block {
    let note = shown
        .note
        .as_deref()
        .map(|n| marks.note(n))
        .unwrap_or_default();
    Block {
        role: shown.role,
        label: shown.label.clone(),
        text: format!("{note}{}", marks.marked(&shown.spans)),
        joined: shown.joined,
    }
}

/// The redline as plain text: the cover note, the line that says what it is compared with, the
/// legend of the marks, then the declaration with its changes marked, wrapped at `width` as
/// `export` wraps it; the summary last. In colour for a terminal when `colour` is set.
pub fn text(redline: &Redline, width: usize, colour: bool) -> String {
    let (cover, body) = shown(redline);
    let marks = if colour {
        COLOUR
    } else {
        Marks::plain_for_redline(redline)
    };
    let mut blocks: Vec<Block> = cover.iter().map(|b| block(b, &marks)).collect();
    let aside = |text: String, joined: bool| Block {
        role: Role::CoverText,
        label: None,
        text,
        joined,
    };
    blocks.push(aside(compared_with(redline), false));
    if !colour {
        blocks.push(aside(marks.legend(), true));
    }
    blocks.extend(body.iter().map(|b| block(b, &marks)));
    blocks.push(aside(summary(redline), false));
    let out = crate::export::text::write(&blocks, width);
    if colour { marks::colour(&out) } else { out }
}

/// Markdown: inserted words in bold, deleted struck through, notes in italics.
const MARKDOWN: Marks = Marks {
    insert: ("**", "**"),
    delete: ("~~", "~~"),
    note: ("*(", ")*"),
    // The text's own emphasis is left out, so that bold is only ever an insertion.
    escape: |text| crate::export::markdown::escape(&marks::as_is(&text.replace("**", ""))),
};

/// The redline as Markdown: one line per paragraph, titles as headings, items as a list.
pub fn markdown(redline: &Redline) -> String {
    let (cover, body) = shown(redline);
    let mut lines: Vec<String> = Vec::new();
    let mut push = |text: String, joined: bool| {
        if joined && !lines.is_empty() {
            let last = lines.last_mut().expect("not empty");
            last.push_str(if text.starts_with("- ") { "\n" } else { "\\\n" });
            last.push_str(&text);
        } else {
            lines.push(text);
        }
    };
    for shown in &cover {
        let text = MARKDOWN.marked(&shown.spans);
        match &shown.label {
            Some(label) => push(format!("{label} {text}"), shown.joined),
            None => push(text, shown.joined),
        }
    }
    push(format!("*{}*", compared_with(redline)), false);
    for shown in &body {
        let note = shown
            .note
            .as_deref()
            .map(|n| MARKDOWN.note(n))
            .unwrap_or_default();
        let text = format!("{note}{}", MARKDOWN.marked(&shown.spans));
        match (shown.role, &shown.label) {
            (Role::Title, _) => push(format!("## {text}"), false),
            (Role::Item, _) => push(format!("- {text}"), true),
            (_, Some(label)) => push(format!("{label} {text}"), false),
            _ => push(text, false),
        }
    }
    push(format!("*{}*", summary(redline)), false);
    lines.join("\n\n") + "\n"
}
