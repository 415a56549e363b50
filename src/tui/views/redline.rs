//! The tracked changes in the draft pane: inserted words underlined (green), deleted words
//! struck through (red), moves noted with where they came from.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::redline::words::{Span as Marked, SpanKind};
use crate::redline::{ParagraphChange, Status};
use crate::safe_text::visible;
use crate::tui::action::Action;
use crate::tui::app::{App, RedlineView};
use crate::tui::keymap::Context;

/// Draws `view` in `area`: inline, or old and new side by side.
pub fn draw(frame: &mut Frame, app: &App, view: &RedlineView, area: Rect) {
    let to = view
        .to
        .map_or("working".to_string(), |n| format!("REV {n}"));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(format!(" Tracked changes: REV {} → {to} ", view.from))
        .title_bottom(format!(
            " {} ",
            app.keymap.legend(
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
                &side(app, paragraph, SpanKind::Delete),
                usize::from(old.width),
            );
            let mut new_rows = wrap(
                &side(app, paragraph, SpanKind::Insert),
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
            Paragraph::new(lines(app, view, inner.height)).wrap(Wrap { trim: false }),
            inner,
        );
    }
}

/// One side of a paragraph as styled spans: the old text with its deletions, or the new text
/// with its insertions; nothing when the paragraph is not on that side.
fn side(app: &App, paragraph: &ParagraphChange, kind: SpanKind) -> Vec<Vec<Span<'static>>> {
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
    let mut rows = vec![paragraph_line(app, paragraph, &keep(&paragraph.spans)).spans];
    for item in &paragraph.items {
        let mut row = vec![Span::raw("     - ")];
        row.extend(styled(app, &keep(&item.spans)));
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
fn lines(app: &App, view: &RedlineView, height: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    for paragraph in view.redline.paragraphs.iter().skip(view.top) {
        if lines.len() > usize::from(height) * 2 {
            break;
        }
        lines.push(paragraph_line(app, paragraph, &paragraph.spans));
        for item in &paragraph.items {
            let mut line = vec![Span::raw("     - ")];
            line.extend(styled(app, &item.spans));
            lines.push(Line::from(line));
        }
        lines.push(Line::raw(""));
    }
    lines
}

fn paragraph_line(app: &App, paragraph: &ParagraphChange, marked: &[Marked]) -> Line<'static> {
    let mut spans = Vec::new();
    if let Some(label) = paragraph
        .new_label
        .as_ref()
        .or(paragraph.old_label.as_ref())
    {
        spans.push(Span::raw(format!("{label}  ")));
    }
    let note = match paragraph.status {
        Status::Moved => Some(format!(
            "[{}] ",
            crate::redline::render::where_from(paragraph)
        )),
        Status::Inserted => Some("[inserted] ".into()),
        Status::Deleted => Some("[deleted] ".into()),
        _ => None,
    };
    if let Some(note) = note {
        spans.push(Span::styled(note, app.theme.note()));
    }
    spans.extend(styled(app, marked));
    Line::from(spans)
}

/// Marked words as styled spans: colours, or without colour (`NO_COLOR`) the text markers
/// `[-deleted-]{+inserted+}` as well as the emphasis, so that changes never rest on colour.
fn styled(app: &App, spans: &[Marked]) -> Vec<Span<'static>> {
    spans
        .iter()
        .map(|span| {
            let word = visible(span.text.trim_start_matches(' ')).into_owned();
            let space = if span.text.starts_with(' ') { " " } else { "" };
            let (marks, style) = match span.kind {
                SpanKind::Equal => (("", ""), ratatui::style::Style::new()),
                SpanKind::Insert => (("{+", "+}"), app.theme.inserted()),
                SpanKind::Delete => (("[-", "-]"), app.theme.deleted()),
            };
            let (open, close) = if app.theme.color { ("", "") } else { marks };
            Span::styled(format!("{space}{open}{word}{close}"), style)
        })
        .collect()
}

/// The revisions panel: every circulated revision and the working text, with the two
/// compared marked.
pub fn draw_revisions(frame: &mut Frame, app: &App, view: &RedlineView, area: Rect) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(false))
        .title(" Revisions ");
    let d = &app.declaration();
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
            app.theme.heading()
        } else {
            app.theme.dim()
        };
        lines.push(Line::from(vec![
            Span::styled(marker(Some(n)), app.theme.accent()),
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
            app.theme.dim(),
        ));
    }
    let working_marker = if view.to.is_none() {
        "to   ▸ "
    } else {
        "       "
    };
    lines.push(Line::from(vec![
        Span::styled(working_marker, app.theme.accent()),
        Span::styled(
            format!("working, to be REV {}", d.next_revision()),
            app.theme.heading(),
        ),
    ]));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
