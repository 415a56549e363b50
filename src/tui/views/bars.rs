//! The hint bar (main keys of the focused pane) and the status line.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;

/// The commands on offer, each with its key from the keymap.
pub fn draw_hints(frame: &mut Frame, app: &App, area: Rect) {
    let mut spans = Vec::new();
    for (context, action) in app.commands() {
        if !spans.is_empty() {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(app.key(context, action), app.theme.key()));
        spans.push(Span::raw(format!(" {}", action.hint())));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// File name, modified mark, counts, and the last message.
pub fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let name = app
        .path
        .as_ref()
        .map_or("untitled".to_string(), |p| p.display().to_string());
    let (preamble, operative) = app.counts();
    let mut spans = vec![Span::styled(
        crate::safe_text::visible(&name).into_owned(),
        app.theme.heading(),
    )];
    if app.is_modified() {
        spans.push(Span::styled(" [+]", app.theme.warning()));
    }
    if app.read_only {
        spans.push(Span::styled(" [read-only]", app.theme.warning()));
    }
    // A message matters more than the counts: it comes first, and the counts give way.
    if let Some(message) = &app.message {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            crate::safe_text::visible(message).into_owned(),
            app.theme.warning(),
        ));
    }
    spans.push(Span::raw(format!(
        "  · {preamble} preambular · {operative} operative"
    )));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
