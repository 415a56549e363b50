//! The cover note form: one input per stored field of the cover note's table, read back
//! through the same table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::{Component, Look, centered};
use crate::cover_note::{self, Field, Header};
use crate::document::join_lines;
use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// The form's state: the cover note fields, one input each.
pub struct HeaderForm {
    /// Each stored field of the cover note with its input.
    pub fields: Vec<(&'static Field, TextArea<'static>)>,
    /// The field with the cursor.
    pub current: usize,
    /// The cover note as the form opened on it: what fields not in the form keep.
    original: Header,
}

impl HeaderForm {
    /// The form on `header`, the cursor in the first field. Once revisions are circulated,
    /// the revision number is theirs to give (the working text is the next one), so the form
    /// does not offer it.
    pub fn new(header: &Header, revisions_circulated: bool) -> HeaderForm {
        let fields = cover_note::stored_fields()
            .filter(|field| !(revisions_circulated && field.key == "revision"))
            .map(|field| {
                let mut input = TextArea::new(vec![(field.text)(header)]);
                input.set_wrap_mode(WrapMode::Word);
                input.move_cursor(CursorMove::End);
                (field, input)
            })
            .collect();
        HeaderForm {
            fields,
            current: 0,
            original: header.clone(),
        }
    }

    /// Moves to the next field; the last stays the last.
    pub fn next(&mut self) {
        self.current = (self.current + 1).min(self.fields.len() - 1);
    }

    /// Moves to the previous field; the first stays the first (Up from the top field must not
    /// land at the bottom of the form).
    pub fn previous(&mut self) {
        self.current = self.current.saturating_sub(1);
    }

    /// The input with the cursor.
    pub fn input(&mut self) -> &mut TextArea<'static> {
        &mut self.fields[self.current].1
    }

    /// The cover note the form describes, or the field that cannot be read and why (the
    /// form shows how each field is written beside its name).
    pub fn header(&self) -> Result<Header, (usize, String)> {
        let mut header = self.original.clone();
        for (i, (field, input)) in self.fields.iter().enumerate() {
            (field.read)(&mut header, &join_lines(&input.lines().join("\n")))
                .map_err(|message| (i, message))?;
        }
        Ok(header)
    }

    /// Draws the form in the middle of `screen`.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, look: &Look) {
        let area = centered(screen, 90, (self.fields.len() as u16) * 2 + 4);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(look.theme.border(true))
            .title(" Cover note ")
            .title_bottom(Line::from(format!(
                " {} ",
                look.keymap.legend(
                    Context::Form,
                    &[
                        (&[Action::NextField], "next"),
                        (&[Action::PreviousField], "previous"),
                        (&[Action::KeepEdit], "keep"),
                        (&[Action::DiscardEdit], "discard"),
                    ]
                )
            )));
        let inner = block.inner(area);
        frame.render_widget(Clear, area);
        frame.render_widget(block, area);
        let rows = Layout::vertical(
            self.fields
                .iter()
                .map(|(field, _)| Constraint::Length(if field.long { 3 } else { 1 })),
        )
        .spacing(0)
        .split(inner);
        for (i, ((field, input), row)) in self.fields.iter().zip(rows.iter()).enumerate() {
            let label = field.form_label();
            let [name, value] =
                Layout::horizontal([Constraint::Length(26), Constraint::Fill(1)]).areas(*row);
            let style = if i == self.current {
                look.theme.selected()
            } else {
                look.theme.heading()
            };
            frame.render_widget(
                Paragraph::new(Span::styled(format!("{label}:"), style)),
                name,
            );
            if i == self.current {
                frame.render_widget(input, value);
            } else {
                let text = input.lines().join(" ");
                frame.render_widget(
                    Paragraph::new(crate::safe_text::visible(&text).into_owned())
                        .wrap(Wrap { trim: true }),
                    value,
                );
            }
        }
    }
}

impl Component for HeaderForm {
    fn context(&self) -> Context {
        Context::Form
    }

    fn commands(&self) -> Vec<Action> {
        vec![
            Action::NextField,
            Action::PreviousField,
            Action::KeepEdit,
            Action::DiscardEdit,
        ]
    }
}
