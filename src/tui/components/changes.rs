//! The tracked changes in the draft pane: inserted words underlined (green), deleted words
//! struck through (red), moves noted with where they came from; the revisions compared are
//! marked in a panel on the left.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{Component, Look};
use crate::model::Declaration;
use crate::redline::render::Marks;
use crate::redline::render::note_of;
use crate::redline::words::{Span as Marked, SpanKind};
use crate::redline::{Redline, Status};
use crate::revisions::Version;
use crate::safe_text::visible;
use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// The tracked changes on screen: between two revisions, or a revision and the working text.
pub struct RedlineView {
    /// The changes.
    pub redline: Redline,
    /// The revision compared from.
    pub from: usize,
    /// The revision compared to; `None` is the working text.
    pub to: Option<usize>,
    /// Old and new side by side instead of inline.
    pub side_by_side: bool,
    /// The block at the top of the view: 0 is the cover note, then one block per paragraph.
    pub top: usize,
    /// The text marks shown without colour: those the texts compared do not hold.
    pub marks: Marks,
}

/// What an action asks of the tracked changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Stay, perhaps scrolled.
    Stay,
    /// Close the view.
    Close,
    /// Compare other versions, or the same ones another way.
    Compare {
        /// From this revision.
        from: usize,
        /// To this revision, or the working text.
        to: Option<usize>,
        /// Side by side.
        side_by_side: bool,
    },
}

impl RedlineView {
    /// The changes in `draft` from revision `from` to `to` (the working text when `None`),
    /// opened at the first change, and the summary that the status line shows.
    pub fn compare(
        draft: &Declaration,
        from: usize,
        to: Option<usize>,
        side_by_side: bool,
    ) -> (RedlineView, String) {
        let to_version = to.map_or(Version::Working, Version::Revision);
        let text = |version| draft.version(version).unwrap_or_default();
        let redline = crate::redline::redline(
            &text(Version::Revision(from)),
            &text(to_version),
            crate::redline::Pairing::ById,
        );
        let summary = crate::redline::render::summary(&redline);
        let from_name = draft.name_of(Version::Revision(from));
        let message = match to {
            None => format!("since {from_name}: {summary}"),
            Some(_) => format!("{from_name} → {}: {summary}", draft.name_of(to_version)),
        };
        let top = changed_blocks(&redline).next().unwrap_or(0);
        let view = RedlineView {
            marks: Marks::plain_for_redline(&redline),
            redline,
            from,
            to,
            side_by_side,
            top,
        };
        (view, message)
    }

    /// Carries out `action` on a draft with `revisions` circulated revisions.
    pub fn update(&mut self, action: Action, revisions: usize) -> Step {
        let last = revisions - 1;
        // "To" runs over the revisions after "from", then the working text.
        let to_index = |to: Option<usize>| to.unwrap_or(last + 1);
        let (from, to) = (self.from, self.to);
        let retarget = match action {
            Action::EarlierFrom if from > 0 => Some((from - 1, to)),
            Action::LaterFrom if from + 1 < to_index(to) => Some((from + 1, to)),
            Action::EarlierTo if to_index(to) > from + 1 => Some((from, Some(to_index(to) - 1))),
            Action::LaterTo if to.is_some() => {
                Some((from, to.map(|n| n + 1).filter(|&n| n <= last)))
            }
            Action::SideBySide => Some((from, to)),
            _ => None,
        };
        if let Some((from, to)) = retarget {
            return Step::Compare {
                from,
                to,
                side_by_side: self.side_by_side ^ (action == Action::SideBySide),
            };
        }
        let mut changes = changed_blocks(&self.redline);
        let last_block = self.redline.paragraphs.len();
        match action {
            Action::CloseRedline => return Step::Close,
            Action::NextChange => {
                self.top = changes.find(|&i| i > self.top).unwrap_or(self.top);
            }
            Action::PreviousChange => {
                let before: Vec<usize> = changes.filter(|&i| i < self.top).collect();
                self.top = before.last().copied().unwrap_or(self.top);
            }
            Action::PageUp => self.top = self.top.saturating_sub(PAGE),
            Action::PageDown => self.top = (self.top + PAGE).min(last_block),
            Action::First => self.top = 0,
            Action::Last => self.top = last_block,
            _ => {}
        }
        Step::Stay
    }
}

/// How many blocks a page of the tracked changes moves.
const PAGE: usize = 5;

/// The blocks that show a change: the cover note (0) when the drafter changed a field, and
/// each paragraph that changed (its index plus one).
fn changed_blocks(redline: &Redline) -> impl Iterator<Item = usize> + '_ {
    let cover = redline
        .cover
        .iter()
        .any(|line| line.counted && line.status != Status::Unchanged);
    cover.then_some(0).into_iter().chain(
        redline
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.status != Status::Unchanged)
            .map(|(i, _)| i + 1),
    )
}

impl Component for RedlineView {
    fn context(&self) -> Context {
        Context::Redline
    }

    fn commands(&self) -> Vec<Action> {
        vec![
            Action::NextChange,
            Action::PreviousChange,
            Action::PageDown,
            Action::PageUp,
            Action::CloseRedline,
            Action::EarlierFrom,
            Action::LaterFrom,
            Action::EarlierTo,
            Action::LaterTo,
            Action::SideBySide,
        ]
    }
}

/// Draws `view` in `area`: inline, or old and new side by side.
pub fn draw(frame: &mut Frame, look: &Look, view: &RedlineView, area: Rect) {
    let to = view
        .to
        .map_or("working".to_string(), |n| format!("REV {n}"));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(look.theme.border(true))
        .title(format!(" Tracked changes: REV {} → {to} ", view.from))
        .title_bottom(format!(
            " {} ",
            look.keymap.legend(
                Context::Redline,
                &[
                    (&[Action::NextChange, Action::PreviousChange], "change"),
                    (&[Action::EarlierFrom, Action::LaterFrom], "from"),
                    (&[Action::EarlierTo, Action::LaterTo], "to"),
                    (&[Action::SideBySide], "side by side"),
                    (&[Action::CloseRedline], "close"),
                ]
            )
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if view.side_by_side {
        let [old, new] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .spacing(1)
                .areas(inner);
        // Each block takes as many rows on both sides, so that old and new stay level.
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for block in view.top..=view.redline.paragraphs.len() {
            if left.len() > usize::from(inner.height) {
                break;
            }
            let (old_rows, new_rows) = (
                block_rows(look, view, block, Some(SpanKind::Delete)),
                block_rows(look, view, block, Some(SpanKind::Insert)),
            );
            // The cover note is level line by line; a paragraph as a whole.
            let pieces: Vec<(&[Row], &[Row])> = if block == 0 {
                old_rows
                    .iter()
                    .zip(&new_rows)
                    .map(|(o, n)| (std::slice::from_ref(o), std::slice::from_ref(n)))
                    .collect()
            } else {
                vec![(&old_rows[..], &new_rows[..])]
            };
            for (old_piece, new_piece) in pieces {
                let mut old_lines = wrap(old_piece, usize::from(old.width));
                let mut new_lines = wrap(new_piece, usize::from(new.width));
                let rows = old_lines.len().max(new_lines.len());
                old_lines.resize(rows, Line::raw(""));
                new_lines.resize(rows, Line::raw(""));
                left.extend(old_lines);
                right.extend(new_lines);
            }
            left.push(Line::raw(""));
            right.push(Line::raw(""));
        }
        frame.render_widget(Paragraph::new(left), old);
        frame.render_widget(Paragraph::new(right), new);
    } else {
        let mut lines = Vec::new();
        for block in view.top..=view.redline.paragraphs.len() {
            if lines.len() > usize::from(inner.height) {
                break;
            }
            lines.extend(wrap(
                &block_rows(look, view, block, None),
                usize::from(inner.width),
            ));
            lines.push(Line::raw(""));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

/// A row to wrap: what leads it, kept whole (a label, a field's name, a bullet), its words, and
/// how far its wrapped lines are indented (under the text).
struct Row {
    lead: Vec<Span<'static>>,
    words: Vec<Span<'static>>,
    indent: usize,
}

/// The rows of block `block` (0 the cover note, then the paragraphs): inline with every mark
/// (`side` None), or one side, the old text with its deletions or the new with its insertions;
/// nothing for what is not on that side.
fn block_rows(look: &Look, view: &RedlineView, block: usize, side: Option<SpanKind>) -> Vec<Row> {
    let keep = |spans: &[Marked]| on_side(spans, side);
    let absent = |status: Status| {
        matches!(
            (side, status),
            (Some(SpanKind::Delete), Status::Inserted) | (Some(SpanKind::Insert), Status::Deleted)
        )
    };
    let Some(paragraph) = block.checked_sub(1).map(|i| &view.redline.paragraphs[i]) else {
        return cover_rows(look, view, side);
    };
    if absent(paragraph.status) {
        return Vec::new();
    }
    let lead: Vec<Span<'static>> = paragraph
        .new_label
        .iter()
        .map(|label| Span::raw(format!("{label}  ")))
        .collect();
    let mut words = Vec::new();
    if let Some(note) = note_of(paragraph) {
        words.push(Span::styled(view.marks.note(&note), look.theme.note()));
    }
    words.extend(styled(look, &view.marks, &keep(&paragraph.spans)));
    let indent = lead.iter().map(|span| span.width()).sum();
    let mut rows = vec![Row {
        lead,
        words,
        indent,
    }];
    for item in paragraph.items.iter().filter(|item| !absent(item.status)) {
        rows.push(Row {
            lead: vec![Span::raw("     - ")],
            words: styled(look, &view.marks, &keep(&item.spans)),
            indent: 7,
        });
    }
    rows
}

/// The spans one side shows: every span inline (`side` None), else the equal words and those
/// of that side.
fn on_side(spans: &[Marked], side: Option<SpanKind>) -> Vec<Marked> {
    spans
        .iter()
        .filter(|s| side.is_none_or(|kind| s.kind == SpanKind::Equal || s.kind == kind))
        .cloned()
        .collect()
}

/// The cover note's lines, field names in their column, and what the redline compares with.
fn cover_rows(look: &Look, view: &RedlineView, side: Option<SpanKind>) -> Vec<Row> {
    use crate::export::text::FIELD_COLUMN;
    let mut rows = Vec::new();
    for line in &view.redline.cover {
        let shown = match (side, line.status) {
            // Not on this side: an empty row, so that the two sides stay level line by line.
            (Some(SpanKind::Delete), Status::Inserted)
            | (Some(SpanKind::Insert), Status::Deleted) => {
                rows.push(Row {
                    lead: Vec::new(),
                    words: Vec::new(),
                    indent: 0,
                });
                continue;
            }
            // A line only a revision changed is context: as it now reads, or as it read.
            _ if !line.counted && line.status != Status::Unchanged => {
                let kind = side.unwrap_or(SpanKind::Insert);
                vec![Marked {
                    kind: SpanKind::Equal,
                    text: crate::redline::render::marks::side(&line.spans, kind),
                }]
            }
            _ => on_side(&line.spans, side),
        };
        let lead: Vec<Span<'static>> = line
            .label
            .iter()
            .map(|label| Span::raw(format!("{label:<FIELD_COLUMN$} ")))
            .collect();
        rows.push(Row {
            indent: lead.iter().map(|span| span.width()).sum(),
            lead,
            words: styled(look, &view.marks, &shown),
        });
    }
    rows.push(Row {
        lead: Vec::new(),
        words: vec![Span::styled(
            crate::redline::render::compared_with(&view.redline),
            look.theme.note(),
        )],
        indent: 0,
    });
    rows
}

/// Wraps rows of styled spans at spaces to `width` columns, keeping each word's style, the
/// lines after the first indented as the row says.
fn wrap(rows: &[Row], width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(10);
    let mut lines = Vec::new();
    for row in rows {
        let indent = row.indent.min(width / 2);
        let mut line: Vec<Span<'static>> = row.lead.clone();
        let mut used: usize = row.lead.iter().map(|span| span.width()).sum();
        // Where the words of this line start: no space goes before the first.
        let mut start = used;
        let mut space_next = false;
        for span in &row.words {
            for (i, word) in span.content.split(' ').enumerate() {
                let spaced = i > 0 || span.content.starts_with(' ') || space_next;
                if word.is_empty() {
                    continue;
                }
                let needed = word.width() + usize::from(spaced && used > start);
                if used > start && used + needed > width {
                    lines.push(Line::from(std::mem::take(&mut line)));
                    line.push(Span::raw(" ".repeat(indent)));
                    used = indent;
                    start = indent;
                }
                let text = if spaced && used > start {
                    format!(" {word}")
                } else {
                    word.to_string()
                };
                used += text.width();
                line.push(Span::styled(text, span.style));
                space_next = false;
            }
            space_next |= span.content.ends_with(' ');
        }
        lines.push(Line::from(line));
    }
    lines
}

/// Marked words as styled spans: colours, or without colour (`NO_COLOR`) the text marks
/// (`[-deleted-]{+inserted+}` unless the texts hold brackets) as well as the emphasis, so that
/// changes never rest on colour.
fn styled(look: &Look, marks: &Marks, spans: &[Marked]) -> Vec<Span<'static>> {
    spans
        .iter()
        .map(|span| {
            let text = span.text.trim_start_matches(' ');
            let word = if look.theme.color {
                visible(text).into_owned()
            } else {
                (marks.escape)(text)
            };
            let space = if span.text.starts_with(' ') { " " } else { "" };
            let (marks, style) = match span.kind {
                SpanKind::Equal => (("", ""), ratatui::style::Style::new()),
                SpanKind::Insert => (marks.insert, look.theme.inserted()),
                SpanKind::Delete => (marks.delete, look.theme.deleted()),
            };
            let (open, close) = if look.theme.color { ("", "") } else { marks };
            Span::styled(format!("{space}{open}{word}{close}"), style)
        })
        .collect()
}

/// The revisions panel: every circulated revision and the working text, with the two
/// compared marked.
pub fn draw_revisions(
    frame: &mut Frame,
    look: &Look,
    d: &Declaration,
    view: &RedlineView,
    area: Rect,
) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(look.theme.border(false))
        .title(" Revisions ");
    let marker = |n: Option<usize>| {
        if n == Some(view.from) {
            "from ▸ "
        } else if n == view.to {
            "to   ▸ "
        } else {
            "       "
        }
    };
    let mut lines: Vec<Line> = Vec::new();
    for (n, revision) in d.revisions.iter().enumerate() {
        let text = &revision.text;
        let style = if n == view.from || Some(n) == view.to {
            look.theme.heading()
        } else {
            look.theme.dim()
        };
        lines.push(Line::from(vec![
            Span::styled(marker(Some(n)), look.theme.accent()),
            Span::styled(
                format!(
                    "REV {n}  {}  {}",
                    text.header.printed_number(),
                    revision.date
                ),
                style,
            ),
        ]));
        lines.push(Line::styled(
            format!(
                "       {} preambular, {} operative",
                text.preamble.len(),
                text.operative.len()
            ),
            look.theme.dim(),
        ));
    }
    let working_marker = if view.to.is_none() {
        "to   ▸ "
    } else {
        "       "
    };
    lines.push(Line::from(vec![
        Span::styled(working_marker, look.theme.accent()),
        Span::styled(
            format!("working, to be REV {}", d.next_revision()),
            look.theme.heading(),
        ),
    ]));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
