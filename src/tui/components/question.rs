//! Questions the drafter must answer before going on, and the file name of a new draft: in
//! the middle of the screen, each answer shown with its key from the keymap.

use jiff::civil::Date;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;

use crate::tui::app::{Asked, Typing};

use super::{Component, Look, centered};
use crate::model::Declaration;
use crate::tui::action::Action;
use crate::tui::keymap::Context;

/// A question the drafter must answer before going on.
pub enum Prompt {
    /// Quitting with unsaved changes.
    QuitUnsaved,
    /// A recovery file newer than the draft exists.
    Recover {
        /// When it was written, "HH:MM".
        time: String,
        /// Its contents.
        recovered: Box<Declaration>,
    },
    /// The file changed on disk since it was opened or last saved.
    ChangedOnDisk,
    /// Circulating the working text as the next revision.
    Circulate {
        /// The number it will have, as printed.
        number: String,
        /// The date of circulation.
        date: Date,
        /// What the text still holds in square brackets, said before it goes out.
        brackets: Option<String>,
    },
    /// Another chapeau has the draft open.
    Locked {
        /// Its process id, when known.
        pid: Option<u32>,
    },
    /// Adding a clause that a paragraph of the draft already holds.
    AddAgain {
        /// The clause's id.
        clause: String,
        /// Where the draft has it, as a drafter names it: "operative paragraph (c)".
        at: String,
    },
}

impl Prompt {
    /// The question, without its answers (the screen adds them with their keys).
    pub fn question(&self) -> String {
        match self {
            Prompt::QuitUnsaved => "Save changes before quitting?".into(),
            Prompt::Recover { time, .. } => format!(
                "Recover unsaved changes from {time}? (cancel sets the recovery file aside)"
            ),
            Prompt::Circulate {
                number,
                date,
                brackets,
            } => format!(
                "{}Circulate the working text as {number}, dated {date}? It is frozen in the draft and saved.",
                brackets
                    .as_ref()
                    .map(|b| format!("The text still holds {b}. "))
                    .unwrap_or_default()
            ),
            Prompt::ChangedOnDisk => {
                "The draft changed on disk since you opened or saved it (another program or chapeau). Overwrite it with your text?".into()
            }
            Prompt::AddAgain { clause, at } => format!(
                "The clause {clause} is already in the draft, as {at}. Add it a second time?"
            ),
            Prompt::Locked { pid } => format!(
                "This draft is already open in another chapeau{}. Open it read-only, open it anyway, or cancel to quit?",
                pid.map(|pid| format!(" (pid {pid})")).unwrap_or_default()
            ),
        }
    }

    /// The answers the question takes.
    pub fn answers(&self) -> &'static [Action] {
        match self {
            Prompt::Locked { .. } => &[Action::ReadOnly, Action::OpenAnyway, Action::Cancel],
            _ => &[Action::Yes, Action::No, Action::Cancel],
        }
    }
}

impl Prompt {
    /// Draws the question in the middle of `screen`, with its answers and their keys.
    pub fn draw(&self, frame: &mut Frame, screen: Rect, look: &Look) {
        let answers: Vec<(&[Action], &str)> = self
            .answers()
            .iter()
            .map(|answer| (std::slice::from_ref(answer), answer.hint()))
            .collect();
        let question = format!(
            "{}  {}",
            self.question(),
            look.keymap.legend(Context::Prompt, &answers)
        );
        draw_question(frame, screen, look, &question, None);
    }
}

impl Component for Prompt {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn commands(&self) -> Vec<Action> {
        self.answers().to_vec()
    }
}

/// Draws the question for the file name of a new draft, with the name being typed.
/// The question for a typed answer, with the field being typed.
pub fn draw_typing(frame: &mut Frame, screen: Rect, look: &Look, typing: &Typing) {
    let (asked, yes) = match typing.asked {
        Asked::FileName => ("Save the new draft as", "save"),
        Asked::CirculationDate => ("Circulate the next revision dated (YYYY-MM-DD)", "next"),
        Asked::Find => ("Find in the draft", "find"),
    };
    let question = format!(
        "{asked} ({}):",
        look.keymap.legend(
            Context::Name,
            &[(&[Action::Yes], yes), (&[Action::Cancel], "cancel")]
        )
    );
    draw_question(frame, screen, look, &question, Some(&typing.input));
}

fn draw_question(
    frame: &mut Frame,
    screen: Rect,
    look: &Look,
    question: &str,
    input: Option<&TextArea<'static>>,
) {
    let area = centered(screen, 64, if input.is_some() { 6 } else { 5 });
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(look.theme.border(true));
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
            look.theme.heading(),
        )))
        .wrap(Wrap { trim: true }),
        text,
    );
    if let Some(input) = input {
        frame.render_widget(input, field);
    }
}
