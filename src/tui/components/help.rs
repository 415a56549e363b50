//! The help: every key of every context and what it does, drawn from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Component, Look, centered};
use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// The help's state: how far it is scrolled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Help {
    /// Lines scrolled past.
    pub scroll: u16,
}

impl Help {
    /// Scrolls as `action` says; false when the action closes the help.
    pub fn update(&mut self, action: Action) -> bool {
        self.scroll = match action {
            Action::CloseHelp => return false,
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll.saturating_add(10),
            _ => self.scroll,
        };
        true
    }

    /// Draws the help over `screen`.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, look: &Look) {
        draw(frame, look, screen, self.scroll);
    }
}

impl Component for Help {
    fn context(&self) -> Context {
        Context::Help
    }

    fn commands(&self) -> Vec<Action> {
        vec![
            Action::CloseHelp,
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
        ]
    }
}

/// Draws the help over the screen, scrolled by `scroll` lines.
fn draw(frame: &mut Frame, look: &Look, screen: Rect, scroll: u16) {
    let area = centered(screen, 72, screen.height.saturating_sub(2));
    let mut lines = Vec::new();
    let contexts = Context::ALL;
    for context in contexts {
        lines.push(Line::from(Span::styled(
            context.title(),
            look.theme.heading(),
        )));
        let mut seen = Vec::new();
        for binding in look
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.context == context)
        {
            if seen.contains(&binding.action) {
                continue;
            }
            seen.push(binding.action);
            let keys = look.keymap.keys_of(context, binding.action);
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<18}"), look.theme.key()),
                Span::raw(binding.action.description()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(
        "Mouse: a click selects, the wheel scrolls.",
        look.theme.dim(),
    )));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(look.theme.border(true))
        .title(" Help: keys (rebind them in config.toml) ")
        .title_bottom(format!(
            " {} ",
            look.keymap.legend(
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
