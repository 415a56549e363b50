//! Drawing: the views only read the application state and put it on screen.

mod bars;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, Focus, Mode};
use super::components::{changes, question};

/// The smallest screen chapeau draws on.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// Where everything goes on a screen of a given size, worked out the same way for drawing
/// and for the mouse, so that nothing drawn needs to be remembered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The left pane: the clause library, or the revisions beside the tracked changes.
    pub left: Rect,
    /// The list of clauses in the library pane.
    pub library_list: Rect,
    /// The draft pane (or the tracked changes).
    pub right: Rect,
    /// The draft outline: the draft pane, less the editor when it is open.
    pub outline: Rect,
    /// The outline inside its border.
    pub outline_inner: Rect,
    /// Where the editor opens, below the outline.
    pub editor: Rect,
    /// The hint bar.
    pub hints: Rect,
    /// The status line.
    pub status: Rect,
}

impl ScreenLayout {
    /// The layout of a screen of `area` with the editor open or not; `None` when the screen
    /// is too small to draw on.
    pub fn of(area: Rect, editing: bool) -> Option<ScreenLayout> {
        if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
            return None;
        }
        let [main, hints, status] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(area);
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
                .areas(main);
        // The editor opens below the outline, which keeps the edited part in sight above it.
        let (outline, editor) = if editing {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                    .areas(right);
            (top, bottom)
        } else {
            (right, Rect::default())
        };
        Some(ScreenLayout {
            left,
            library_list: crate::tui::components::library::list_area(left),
            right,
            outline,
            outline_inner: crate::tui::components::outline::inner_area(outline),
            editor,
            hints,
            status,
        })
    }
}

/// Draws the whole screen from the application's state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let editing = matches!(app.mode, Mode::Editor(_));
    let Some(layout) = ScreenLayout::of(area, editing) else {
        let message = format!("terminal too small (need {}×{})", MIN_SIZE.0, MIN_SIZE.1);
        frame.render_widget(Paragraph::new(Line::from(message)), area);
        return;
    };
    match &app.mode {
        Mode::Redline(view) => {
            let look = app.look(Focus::Draft);
            changes::draw_revisions(frame, &look, app.declaration(), view, layout.left);
            changes::draw(frame, &look, view, layout.right);
        }
        _ => {
            app.library.draw(
                frame,
                layout.left,
                &app.look(Focus::Library),
                matches!(app.mode, Mode::Search),
            );
            app.outline.draw(
                frame,
                layout.outline,
                &app.look(Focus::Draft),
                app.declaration(),
            );
        }
    }
    bars::draw_hints(frame, app, layout.hints);
    bars::draw_status(frame, app, layout.status);
    let look = app.look(Focus::Draft);
    match &app.mode {
        Mode::Editor(editor) => editor.draw(frame, layout.editor, &look),
        Mode::HeaderForm(form) => form.draw(frame, area, &look),
        Mode::Prompt(prompt) => prompt.draw(frame, area, &look),
        Mode::Typing(typing) => question::draw_typing(frame, area, &look, typing),
        Mode::Help(help) => help.draw(frame, area, &look),
        Mode::Findings(findings) => findings.draw(frame, area, &look),
        Mode::Normal | Mode::Search | Mode::Redline(_) => {}
    }
}
