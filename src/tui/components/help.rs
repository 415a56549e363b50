//! The help: every key of every context and what it does, drawn from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Component, Look, centered};
use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// The help's state: how far it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    /// Lines scrolled past.
    pub scroll: u16,
    /// How far it can scroll on the screen it was last drawn on (the last line at the
    /// bottom); no limit until it is drawn.
    furthest: std::cell::Cell<u16>,
}

impl Default for Help {
    fn default() -> Help {
        Help {
            scroll: 0,
            furthest: std::cell::Cell::new(u16::MAX),
        }
    }
}

impl Help {
    /// Scrolls as `action` says; false when the action closes the help.
    pub fn update(&mut self, action: Action) -> bool {
        let furthest = self.furthest.get();
        let scroll = self.scroll.min(furthest);
        self.scroll = match action {
            Action::CloseHelp => return false,
            Action::Up => scroll.saturating_sub(1),
            Action::Down => scroll.saturating_add(1),
            Action::PageUp => scroll.saturating_sub(10),
            Action::PageDown => scroll.saturating_add(10),
            Action::First => 0,
            Action::Last => u16::MAX,
            _ => scroll,
        }
        .min(furthest);
        true
    }

    /// Draws the help over `screen`.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, look: &Look) {
        self.furthest.set(draw(frame, look, screen, self.scroll));
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

/// The keys of the text being typed in the editor, the cover note form and a typed answer:
/// fixed, not rebindable, and named here so that the help and the README list them.
pub const TYPING_KEYS: &[(&str, &str)] = &[
    ("Left Right Up Down", "move the cursor"),
    ("Ctrl-Left Ctrl-Right", "a word back, a word on"),
    ("Home End", "the start, the end of the line"),
    ("Shift-arrows", "select"),
    ("Backspace Delete", "delete a character back, on"),
    ("Ctrl-w Alt-Backspace", "delete the word before the cursor"),
    ("Ctrl-k", "delete to the end of the line"),
    ("Ctrl-j", "delete to the start of the line"),
    ("Ctrl-x", "cut the selection"),
    ("Ctrl-y", "paste what was cut"),
    ("Ctrl-u", "undo typing"),
    ("Ctrl-r", "redo typing"),
    (
        "Enter",
        "a new line (the editor); the next field (the form)",
    ),
];

/// The width of the key column.
const KEY_COLUMN: usize = 24;

/// One entry of the help: its keys, then what they do, wrapped under itself.
fn entry<'a>(keys: &str, description: &'a str, width: usize, look: &Look) -> Vec<Line<'a>> {
    let room = width.saturating_sub(KEY_COLUMN).max(20);
    let wrapped = textwrap::wrap(description, room);
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let keys = if i == 0 { keys } else { "" };
            Line::from(vec![
                Span::styled(
                    format!("  {keys:<w$} ", w = KEY_COLUMN - 3),
                    look.theme.key(),
                ),
                Span::raw(text),
            ])
        })
        .collect()
}

/// Draws the help over the screen, scrolled by `scroll` lines (at most until its last line is
/// at the bottom); returns how far it can scroll.
fn draw(frame: &mut Frame, look: &Look, screen: Rect, scroll: u16) -> u16 {
    let area = centered(screen, 72, screen.height.saturating_sub(2));
    let width = usize::from(area.width.saturating_sub(2));
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
            lines.extend(entry(&keys, binding.action.description(), width, look));
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::from(Span::styled(
        "Typing in the editor, the cover note form and answers",
        look.theme.heading(),
    )));
    for (keys, description) in TYPING_KEYS {
        lines.extend(entry(keys, description, width, look));
    }
    lines.push(Line::raw(""));
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
    let furthest = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_sub(area.height.saturating_sub(2));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(furthest), 0)),
        area,
    );
    furthest
}
