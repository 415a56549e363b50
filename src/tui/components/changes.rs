//! The tracked changes in the draft pane: inserted words underlined (green), deleted words
//! struck through (red), moves noted with where they came from; the revisions compared are
//! marked in a panel on the left.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::{Component, Look};
use crate::model::Declaration;
use crate::redline::render::Marks;
use crate::redline::render::note_of;
use crate::redline::words::{Span as Marked, SpanKind};
use crate::redline::{ParagraphChange, Redline, Status};
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
    /// The paragraph at the top of the view.
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
        let top = redline
            .paragraphs
            .iter()
            .position(|p| p.status != Status::Unchanged)
            .unwrap_or(0);
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
        let mut changes = self
            .redline
            .paragraphs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.status != Status::Unchanged)
            .map(|(i, _)| i);
        match action {
            Action::CloseRedline => return Step::Close,
            Action::NextChange => {
                self.top = changes.find(|&i| i > self.top).unwrap_or(self.top);
            }
            Action::PreviousChange => {
                self.top = changes.rev().find(|&i| i < self.top).unwrap_or(self.top);
            }
            _ => {}
        }
        Step::Stay
    }
}

impl Component for RedlineView {
    fn context(&self) -> Context {
        Context::Redline
    }

    fn commands(&self) -> Vec<Action> {
        vec![
            Action::NextChange,
            Action::PreviousChange,
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
        // Each paragraph takes as many rows on both sides, so that old and new stay level.
        let (mut left, mut right) = (Vec::new(), Vec::new());
        for paragraph in view.redline.paragraphs.iter().skip(view.top) {
            if left.len() > usize::from(inner.height) {
                break;
            }
            let mut old_rows = wrap(
                &side(look, view, paragraph, SpanKind::Delete),
                usize::from(old.width),
            );
            let mut new_rows = wrap(
                &side(look, view, paragraph, SpanKind::Insert),
                usize::from(new.width),
            );
            let rows = old_rows.len().max(new_rows.len()) + 1;
            old_rows.resize(rows, Line::raw(""));
            new_rows.resize(rows, Line::raw(""));
            left.extend(old_rows);
            right.extend(new_rows);
        }
        frame.render_widget(Paragraph::new(left), old);
        frame.render_widget(Paragraph::new(right), new);
    } else {
        frame.render_widget(
            Paragraph::new(lines(look, view, inner.height)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}

/// One side of a paragraph as styled spans: the old text with its deletions, or the new text
/// with its insertions; nothing when the paragraph is not on that side.
fn side(
    look: &Look,
    view: &RedlineView,
    paragraph: &ParagraphChange,
    kind: SpanKind,
) -> Vec<Vec<Span<'static>>> {
    let absent = matches!(
        (kind, paragraph.status),
        (SpanKind::Delete, Status::Inserted) | (SpanKind::Insert, Status::Deleted)
    );
    if absent {
        return Vec::new();
    }
    let keep = |spans: &[Marked]| -> Vec<Marked> {
        spans
            .iter()
            .filter(|s| s.kind == SpanKind::Equal || s.kind == kind)
            .cloned()
            .collect()
    };
    let mut rows =
        vec![paragraph_line(look, &view.marks, paragraph, &keep(&paragraph.spans)).spans];
    for item in &paragraph.items {
        let mut row = vec![Span::raw("     - ")];
        row.extend(styled(look, &view.marks, &keep(&item.spans)));
        rows.push(row);
    }
    rows
}

/// Wraps rows of styled spans at spaces to `width` columns, keeping each word's style.
fn wrap(rows: &[Vec<Span<'static>>], width: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let width = width.max(10);
    let mut lines = Vec::new();
    for row in rows {
        let mut line: Vec<Span<'static>> = Vec::new();
        let mut used = 0;
        let mut space_next = false;
        for span in row {
            for (i, word) in span.content.split(' ').enumerate() {
                let spaced = i > 0 || span.content.starts_with(' ') || space_next;
                if word.is_empty() {
                    continue;
                }
                let needed = word.width() + usize::from(spaced && used > 0);
                if used > 0 && used + needed > width {
                    lines.push(Line::from(std::mem::take(&mut line)));
                    used = 0;
                }
                let text = if spaced && used > 0 {
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

/// The paragraphs from the top of the view, inline, with their items.
fn lines(look: &Look, view: &RedlineView, height: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    for paragraph in view.redline.paragraphs.iter().skip(view.top) {
        if lines.len() > usize::from(height) * 2 {
            break;
        }
        lines.push(paragraph_line(
            look,
            &view.marks,
            paragraph,
            &paragraph.spans,
        ));
        for item in &paragraph.items {
            let mut line = vec![Span::raw("     - ")];
            line.extend(styled(look, &view.marks, &item.spans));
            lines.push(Line::from(line));
        }
        lines.push(Line::raw(""));
    }
    lines
}

fn paragraph_line(
    look: &Look,
    marks: &Marks,
    paragraph: &ParagraphChange,
    marked: &[Marked],
) -> Line<'static> {
    let mut spans = Vec::new();
    if let Some(label) = &paragraph.new_label {
        spans.push(Span::raw(format!("{label}  ")));
    }
    if let Some(note) = note_of(paragraph) {
        spans.push(Span::styled(marks.note(&note), look.theme.note()));
    }
    spans.extend(styled(look, marks, marked));
    Line::from(spans)
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
