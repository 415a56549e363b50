//! Drawing: the views only read the application state and put it on screen.

mod bars;
mod help;
mod library;
mod outline;
mod overlays;
mod redline;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::app::{App, Areas};

/// The smallest screen chapeau draws on.
pub const MIN_SIZE: (u16, u16) = (60, 16);

/// Draws the whole screen and returns where things went, for the mouse.
pub fn draw(frame: &mut Frame, app: &App) -> Areas {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        let message = format!("terminal too small (need {}×{})", MIN_SIZE.0, MIN_SIZE.1);
        frame.render_widget(Paragraph::new(Line::from(message)), area);
        return Areas::default();
    }
    let [main, hints, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(main);
    let library_list = match &app.mode {
        super::app::Mode::Redline(view) => {
            redline::draw_revisions(frame, app, view, left);
            Rect::default()
        }
        _ => library::draw(frame, app, left),
    };
    // The editor opens below the outline, which keeps the edited part in sight above it.
    let (outline_area, editor_area) = match app.mode {
        super::app::Mode::Editor(_) => {
            let [top, bottom] =
                Layout::vertical([Constraint::Percentage(40), Constraint::Percentage(60)])
                    .areas(right);
            (top, bottom)
        }
        _ => (right, Rect::default()),
    };
    let (draft, draft_rows) = match &app.mode {
        super::app::Mode::Redline(view) => {
            redline::draw(frame, app, view, right);
            (Rect::default(), Vec::new())
        }
        _ => outline::draw(frame, app, outline_area),
    };
    bars::draw_hints(frame, app, hints);
    bars::draw_status(frame, app, status);
    overlays::draw(frame, app, editor_area, area);
    if let super::app::Mode::Help(scroll) = app.mode {
        help::draw(frame, app, area, scroll);
    }
    Areas {
        library_list,
        draft,
        draft_rows,
    }
}

/// A rectangle of `width`×`height` centred in `area` (clipped to it).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
