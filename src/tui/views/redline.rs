//! The tracked changes in the draft pane: inserted words underlined (green), deleted words
//! struck through (red), moves noted with where they came from.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use crate::redline::words::{Span as Marked, SpanKind};
use crate::redline::{ParagraphChange, Status};
use crate::safe_text::visible;
use crate::tui::app::{App, RedlineView};

/// Draws `view` in `area`.
pub fn draw(frame: &mut Frame, app: &App, view: &RedlineView, area: Rect) {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(format!(" Tracked changes since REV {} ", view.from))
        .title_bottom(" n/Down next change · N/Up previous · Esc close ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut lines: Vec<Line> = Vec::new();
    for paragraph in view.redline.paragraphs.iter().skip(view.top) {
        if lines.len() > usize::from(inner.height) * 2 {
            break;
        }
        lines.push(paragraph_line(app, paragraph));
        for item in &paragraph.items {
            let mut spans = vec![Span::raw("     - ")];
            spans.extend(styled(app, &item.spans));
            lines.push(Line::from(spans));
        }
        lines.push(Line::raw(""));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn paragraph_line(app: &App, paragraph: &ParagraphChange) -> Line<'static> {
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
    spans.extend(styled(app, &paragraph.spans));
    Line::from(spans)
}

fn styled(app: &App, spans: &[Marked]) -> Vec<Span<'static>> {
    spans
        .iter()
        .map(|span| {
            let text = visible(span.text.trim_start_matches(' ')).into_owned();
            let text = if span.text.starts_with(' ') {
                format!(" {text}")
            } else {
                text
            };
            match span.kind {
                SpanKind::Equal => Span::raw(text),
                SpanKind::Insert => Span::styled(text, app.theme.inserted()),
                SpanKind::Delete => Span::styled(text, app.theme.deleted()),
            }
        })
        .collect()
}
