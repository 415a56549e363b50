//! What opens over the panes: the editor, the cover note form, questions and the file name.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::centered;
use crate::tui::action::Action;
use crate::tui::app::{App, Entry, Mode};
use crate::tui::keymap::Context;

/// Draws the overlay of the current mode, if any: the editor in `editor_area` (below the
/// outline), forms and questions in the middle of the screen.
pub fn draw(frame: &mut Frame, app: &App, editor_area: Rect, screen: Rect) {
    match &app.mode {
        Mode::Editor(editor) => {
            let area = editor_area;
            let keys = format!(
                " {} keep · {} discard ",
                app.keymap.keys_of(Context::Editor, Action::KeepEdit),
                app.keymap.keys_of(Context::Editor, Action::DiscardEdit)
            );
            let title = match editor.target {
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
                .border_style(app.theme.border(true))
                .title(title)
                .title_bottom(Line::from(keys));
            let inner = block.inner(area);
            frame.render_widget(Clear, area);
            frame.render_widget(block, area);
            frame.render_widget(&editor.textarea, inner);
        }
        Mode::HeaderForm(form) => {
            let area = centered(screen, 90, (form.fields.len() as u16) * 2 + 4);
            let block = Block::new()
                .borders(Borders::ALL)
                .border_style(app.theme.border(true))
                .title(" Cover note ")
                .title_bottom(Line::from(format!(
                    " {} ",
                    app.keymap.legend(
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
                form.fields
                    .iter()
                    .map(|(field, _)| Constraint::Length(if field.long { 3 } else { 1 })),
            )
            .spacing(0)
            .split(inner);
            for (i, ((field, input), row)) in form.fields.iter().zip(rows.iter()).enumerate() {
                let label = field.form_label();
                let [name, value] =
                    Layout::horizontal([Constraint::Length(26), Constraint::Fill(1)]).areas(*row);
                let style = if i == form.current {
                    app.theme.selected()
                } else {
                    app.theme.heading()
                };
                frame.render_widget(
                    Paragraph::new(Span::styled(format!("{label}:"), style)),
                    name,
                );
                if i == form.current {
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
        Mode::Prompt(prompt) => {
            let answers: Vec<(&[Action], &str)> = prompt
                .answers()
                .iter()
                .map(|answer| (std::slice::from_ref(answer), answer.hint()))
                .collect();
            let question = format!(
                "{}  {}",
                prompt.question(),
                app.keymap.legend(Context::Prompt, &answers)
            );
            draw_question(frame, app, screen, &question, None)
        }
        Mode::SaveAs(name) => {
            let question = format!(
                "Save the new draft as ({}):",
                app.keymap.legend(
                    Context::Name,
                    &[(&[Action::Yes], "save"), (&[Action::Cancel], "cancel")]
                )
            );
            draw_question(frame, app, screen, &question, Some(name))
        }
        _ => {}
    }
}

fn draw_question(
    frame: &mut Frame,
    app: &App,
    screen: Rect,
    question: &str,
    input: Option<&ratatui_textarea::TextArea<'static>>,
) {
    let area = centered(screen, 64, if input.is_some() { 6 } else { 5 });
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(Clear, area);
    frame.render_widget(block, area);
    let [text, field] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(if input.is_some() { 1 } else { 0 }),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            question.to_string(),
            app.theme.heading(),
        )))
        .wrap(Wrap { trim: true }),
        text,
    );
    if let Some(input) = input {
        frame.render_widget(input, field);
    }
}
