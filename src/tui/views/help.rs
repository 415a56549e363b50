//! The help: every key of every context and what it does, drawn from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::centered;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::Context;

/// Draws the help over the screen, scrolled by `scroll` lines.
pub fn draw(frame: &mut Frame, app: &App, screen: Rect, scroll: u16) {
    let area = centered(screen, 72, screen.height.saturating_sub(2));
    let mut lines = Vec::new();
    let contexts = Context::ALL;
    for context in contexts {
        lines.push(Line::from(Span::styled(
            context.title(),
            app.theme.heading(),
        )));
        let mut seen = Vec::new();
        for binding in app
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context)
        {
            if seen.contains(&binding.action) {
                continue;
            }
            seen.push(binding.action);
            let keys = app.keymap.keys_of(context, binding.action);
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), app.theme.key()),
                Span::raw(binding.action.description()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(
        "Mouse: a click selects, the wheel scrolls.",
        app.theme.dim(),
    )));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true))
        .title(" Help: keys (rebind them in config.toml) ")
        .title_bottom(format!(
            " {} ",
            app.keymap.legend(
                Context::Help,
                &[
                    (&[Action::CloseHelp], "close"),
                    (&[Action::Up, Action::Down], "scroll")
                ]
            )
        ));
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), area);
}
