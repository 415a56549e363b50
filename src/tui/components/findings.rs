//! What `chapeau check` finds, listed over the draft: each finding names its paragraph, and
//! Enter goes to it, so that a drafter works through the list without leaving the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{Component, Look, centered};
use crate::document::Entry;
use crate::safe_text::visible;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::scroll;

/// The findings of one check, and which one is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Findings {
    /// Each finding: the part it is about, and what it says.
    pub found: Vec<(Entry, String)>,
    /// The selected finding.
    pub selected: usize,
}

impl Findings {
    /// The findings of `declaration`, in reading order.
    pub fn of(declaration: &crate::model::Declaration) -> Findings {
        Findings {
            found: crate::check::check(declaration)
                .into_iter()
                .map(|finding| (Entry::of(finding.at), finding.message))
                .collect(),
            selected: 0,
        }
    }

    /// Moves the selection as `action` says.
    pub fn move_selection(&mut self, action: Action) {
        let last = self.found.len().saturating_sub(1);
        self.selected = scroll::moved(self.selected, last, action, 10);
    }

    /// The part the selected finding is about.
    pub fn selected_entry(&self) -> Option<Entry> {
        self.found.get(self.selected).map(|(entry, _)| *entry)
    }

    /// Draws the list over `screen`: one line a finding, the selected one whole below.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, look: &Look) {
        // As tall as the list needs, up to the screen less a margin.
        let wanted = u16::try_from(self.found.len())
            .unwrap_or(u16::MAX)
            .saturating_add(8);
        let area = centered(
            screen,
            screen.width.saturating_sub(8),
            wanted.min(screen.height.saturating_sub(4)),
        );
        let title = match self.found.len() {
            0 => " Check: nothing to flag ".to_string(),
            1 => " Check: 1 finding ".to_string(),
            n => format!(" Check: {n} findings "),
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(look.theme.border(true))
            .title(title)
            .title_bottom(format!(
                " {} ",
                look.keymap.legend(
                    Context::Findings,
                    &[
                        (&[Action::Jump], "go to the paragraph"),
                        (&[Action::CloseFindings], "close"),
                    ]
                )
            ));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let detail_height = 4u16.min(inner.height / 3);
        let list_height = usize::from(inner.height.saturating_sub(detail_height + 1));
        let top = self
            .selected
            .saturating_sub(list_height.saturating_sub(1))
            .min(self.found.len().saturating_sub(list_height));
        let buffer = frame.buffer_mut();
        for (row, (at, (_, message))) in self
            .found
            .iter()
            .enumerate()
            .skip(top)
            .take(list_height)
            .enumerate()
        {
            let text: String = visible(message).chars().take(width).collect();
            let y = inner.y + row as u16;
            buffer.set_line(inner.x, y, &Line::raw(text), inner.width);
            if at == self.selected {
                buffer.set_style(Rect::new(inner.x, y, inner.width, 1), look.theme.selected());
            }
        }
        if let Some((_, message)) = self.found.get(self.selected) {
            let detail = Rect::new(
                inner.x,
                inner.bottom().saturating_sub(detail_height),
                inner.width,
                detail_height,
            );
            frame.render_widget(
                Paragraph::new(Line::from(Span::styled(
                    visible(message),
                    look.theme.heading(),
                )))
                .wrap(Wrap { trim: true }),
                detail,
            );
        } else {
            frame.render_widget(
                Paragraph::new("No finding: the openers, endings, brackets, quotes, spellings and parts are as a careful drafter leaves them."),
                inner,
            );
        }
    }
}

impl Component for Findings {
    fn context(&self) -> Context {
        Context::Findings
    }

    fn commands(&self) -> Vec<Action> {
        vec![
            Action::Jump,
            Action::CloseFindings,
            Action::Up,
            Action::Down,
        ]
    }
}
