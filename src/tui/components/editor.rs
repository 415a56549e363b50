//! The in-place editor for one part of the draft, opened below the outline: a paragraph's
//! text first and each item on a line of its own starting "- ".

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{Component, Look};
use crate::document::Entry;
use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// The editor's state.
pub struct Editor {
    /// What is being edited.
    pub target: Entry,
    /// The text being edited.
    pub textarea: TextArea<'static>,
    /// Whether the paragraph was created for this edit (and goes away if left empty).
    pub new_paragraph: bool,
}

impl Editor {
    /// An editor on `text` of `target`, the cursor at its end.
    pub fn new(target: Entry, text: &str, new_paragraph: bool) -> Editor {
        let mut textarea = TextArea::new(text.split('\n').map(String::from).collect());
        textarea.set_wrap_mode(WrapMode::Word);
        textarea.move_cursor(CursorMove::Bottom);
        textarea.move_cursor(CursorMove::End);
        Editor {
            target,
            textarea,
            new_paragraph,
        }
    }

    /// The text as typed so far.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// Draws the editor in `area`.
    pub fn draw(&self, frame: &mut Frame, area: Rect, look: &Look) {
        let keys = format!(
            " {} keep · {} discard ",
            look.keymap.keys_of(Context::Editor, Action::KeepEdit),
            look.keymap.keys_of(Context::Editor, Action::DiscardEdit)
        );
        let title = match self.target {
            Entry::Paragraph(..) => " Edit paragraph (items: one per line, starting \"- \") ",
            Entry::Titles => " Edit titles (one per line) ",
            Entry::Opening => " Edit opening ",
            Entry::Chapeau => " Edit chapeau ",
            Entry::Closing => " Edit closing ",
            Entry::Unplaced(_) => " Edit unplaced text ",
            Entry::Header => " Edit cover note ",
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(look.theme.border(true))
            .title(title)
            .title_bottom(Line::from(keys));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        frame.render_widget(&self.textarea, inner);
    }
}

impl Component for Editor {
    fn context(&self) -> Context {
        Context::Editor
    }

    fn commands(&self) -> Vec<Action> {
        vec![Action::KeepEdit, Action::DiscardEdit]
    }
}
