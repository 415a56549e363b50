//! The CriticMarkup redline: the whole document, so that accepting every change gives the new
//! text and rejecting every change gives the old (labels are derived: the operative labels
//! printed are the new ones, as a word processor renumbers after accepting).

use super::marks::{Marks, as_is, side};
use super::{Redline, compared_with, where_from};
use crate::redline::words::SpanKind;
use crate::redline::{ItemChange, ParagraphChange, Part, Status};

/// CriticMarkup.
const CRITIC: Marks = Marks {
    insert: ("{++", "++}"),
    delete: ("{--", "--}"),
    note: ("{>>", "<<}"),
    escape: as_is,
};

/// A paragraph's items as one side has them: the old side in its old order.
fn items_on(paragraph: &ParagraphChange, kind: SpanKind) -> Vec<&ItemChange> {
    let mut items: Vec<&ItemChange> = paragraph
        .items
        .iter()
        .filter(|item| match kind {
            SpanKind::Delete => item.old_position.is_some(),
            _ => item.status != Status::Deleted,
        })
        .collect();
    if kind == SpanKind::Delete {
        items.sort_by_key(|item| item.old_position);
    }
    items
}

/// A paragraph's text and items on one side.
fn joined(paragraph: &ParagraphChange, kind: SpanKind) -> String {
    let items = items_on(paragraph, kind)
        .into_iter()
        .map(|item| as_is(&side(&item.spans, kind)))
        .filter(|t| !t.is_empty());
    std::iter::once(as_is(&side(&paragraph.spans, kind)))
        .chain(items.map(|t| format!("- {t}")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn deleted(paragraph: &ParagraphChange) -> String {
    format!("{{--{}--}}", joined(paragraph, SpanKind::Delete))
}

fn block(paragraph: &ParagraphChange) -> String {
    let body = match paragraph.status {
        Status::Moved => format!(
            "{{++{}++}}{{>>{}<<}}",
            joined(paragraph, SpanKind::Insert),
            where_from(paragraph)
        ),
        Status::Inserted => format!("{{++{}++}}", joined(paragraph, SpanKind::Insert)),
        Status::Deleted => return deleted(paragraph),
        // Items that changed places: the old list deleted, the new one inserted.
        _ if paragraph.items.iter().any(|i| i.status == Status::Moved) => {
            let list = |kind: SpanKind| -> String {
                items_on(paragraph, kind)
                    .iter()
                    .map(|item| format!("- {}", as_is(&side(&item.spans, kind))))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            format!(
                "{}\n{{--{}--}}{{++{}++}}",
                CRITIC.marked_exactly(&paragraph.spans),
                list(SpanKind::Delete),
                list(SpanKind::Insert)
            )
        }
        _ => std::iter::once(CRITIC.marked_exactly(&paragraph.spans))
            .chain(
                paragraph
                    .items
                    .iter()
                    .map(|item| format!("- {}", CRITIC.marked_exactly(&item.spans))),
            )
            .collect::<Vec<_>>()
            .join("\n"),
    };
    match &paragraph.new_label {
        Some(label) => format!("{label} {body}"),
        None => body,
    }
}

/// The cover note, line by line: a line only in one version is inserted or deleted whole with
/// its field name; a changed line that only a revision changed says so in a comment.
fn cover(redline: &Redline) -> Vec<String> {
    redline
        .cover
        .iter()
        .map(|line| {
            let label = line
                .label
                .as_deref()
                .map(|l| format!("{l} "))
                .unwrap_or_default();
            let text = match line.status {
                Status::Inserted => {
                    format!(
                        "{{++{label}{}++}}",
                        as_is(&side(&line.spans, SpanKind::Insert))
                    )
                }
                Status::Deleted => {
                    format!(
                        "{{--{label}{}--}}",
                        as_is(&side(&line.spans, SpanKind::Delete))
                    )
                }
                _ => format!("{label}{}", CRITIC.marked_exactly(&line.spans)),
            };
            if line.status != Status::Unchanged && !line.counted {
                format!("{text}{{>>follows from the revision<<}}")
            } else {
                text
            }
        })
        .collect()
}

/// The redline in CriticMarkup. A move is the deletion of the old text where it stood and the
/// insertion of the new text where it stands, with a `{>>moved from (c)<<}` comment.
pub fn critic(redline: &Redline) -> String {
    let mut blocks = cover(redline);
    blocks.push(format!("{{>>{}<<}}", compared_with(redline)));
    // The old text of a moved paragraph is deleted where it stood: among the paragraphs of
    // its old part that did not move, in their old order (or where that part would be, when
    // the new version has nothing left in it).
    let moved_from = |parts: &dyn Fn(Part) -> bool| {
        let mut moved: Vec<&ParagraphChange> = redline
            .paragraphs
            .iter()
            .filter(|p| p.status == Status::Moved && parts(p.old_part))
            .collect();
        moved.sort_by_key(|p| (p.old_part, p.old_position));
        moved
    };
    let mut pending: Vec<&ParagraphChange> = Vec::new();
    let mut part = None;
    for paragraph in &redline.paragraphs {
        if part != Some(paragraph.part) {
            blocks.extend(pending.drain(..).map(deleted));
            let emptied = moved_from(&|old| part.is_none_or(|p| old > p) && old < paragraph.part);
            blocks.extend(emptied.into_iter().map(deleted));
            part = Some(paragraph.part);
            pending = moved_from(&|old| old == paragraph.part);
        }
        if let Some(position) = paragraph
            .old_position
            .filter(|_| paragraph.status != Status::Moved)
        {
            let due = pending
                .iter()
                .take_while(|p| p.old_position < Some(position))
                .count();
            blocks.extend(pending.drain(..due).map(deleted));
        }
        blocks.push(block(paragraph));
    }
    blocks.extend(pending.drain(..).map(deleted));
    let after_the_last = moved_from(&|old| part.is_some_and(|p| old > p));
    blocks.extend(after_the_last.into_iter().map(deleted));
    blocks.join("\n\n") + "\n"
}
