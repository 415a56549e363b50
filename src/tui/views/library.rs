//! The clause library pane: the filter line, the list, and a preview of the selected clause.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use crate::export::text::plain;
use crate::library::Clause;
use crate::model::Section;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus, Mode};
use crate::tui::keymap::Context;

/// The filter line, the list and the preview inside the pane at `area`.
fn areas(area: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(3),
        Constraint::Fill(2),
    ])
    .areas(Block::new().borders(Borders::ALL).inner(area))
}

/// Where the list of clauses goes in the pane at `area`.
pub fn list_area(area: Rect) -> Rect {
    areas(area)[1]
}

/// Draws the pane in `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Library;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(focused))
        .title(format!(
            " Clause library ({}/{}) ",
            app.matches.len(),
            app.library.clauses().len()
        ));
    frame.render_widget(block, area);
    let [filter, list, preview] = areas(area);

    let searching = matches!(app.mode, Mode::Search);
    let filter_line = if app.filter.is_empty() && !searching {
        Line::from(Span::styled(
            format!("{} to search", app.key(Context::Global, Action::Search)),
            app.theme.dim(),
        ))
    } else {
        Line::from(vec![
            Span::styled(
                format!("{} ", app.key(Context::Global, Action::Search)),
                app.theme.key(),
            ),
            Span::raw(crate::safe_text::visible(&app.filter).into_owned()),
            Span::styled(if searching { "█" } else { "" }, app.theme.dim()),
        ])
    };
    frame.render_widget(Paragraph::new(filter_line), filter);

    let height = usize::from(list.height);
    let selected = app.library_selected;
    let top = app.library_top;
    let width = usize::from(list.width);
    if app.matches.is_empty() {
        let nothing = Span::styled("no clause matches", app.theme.dim());
        frame.render_widget(Paragraph::new(nothing), list);
    }
    let buffer = frame.buffer_mut();
    let visible = app.matches.iter().enumerate().skip(top).take(height);
    for (y, (row, &index)) in (list.y..).zip(visible) {
        let line = list_line(app, &app.library.clauses()[index], width);
        buffer.set_line(list.x, y, &line, list.width);
        if row == selected {
            let style = if focused {
                app.theme.selected()
            } else {
                app.theme.selected_unfocused()
            };
            buffer.set_style(Rect::new(list.x, y, list.width, 1), style);
        }
    }

    if let Some(&index) = app.matches.get(selected) {
        draw_preview(frame, app, &app.library.clauses()[index], preview);
    }
}

fn list_line(app: &App, clause: &Clause, width: usize) -> Line<'static> {
    let marker = match clause.section {
        Section::Preamble => "P ",
        Section::Operative => "O ",
    };
    let room_for_id = width.saturating_sub(2);
    let id: String = if clause.id.chars().count() > room_for_id {
        let kept: String = clause
            .id
            .chars()
            .take(room_for_id.saturating_sub(1))
            .collect();
        format!("{kept}…")
    } else {
        clause.id.clone()
    };
    let room = width.saturating_sub(2 + id.chars().count() + 1);
    let tags = clause.tags.join(", ");
    let tags = if clause.tags.is_empty() || room < 4 {
        String::new()
    } else if tags.chars().count() + 2 <= room {
        format!(" [{tags}]")
    } else {
        format!(
            " [{}…",
            tags.chars()
                .take(room.saturating_sub(3))
                .collect::<String>()
        )
    };
    Line::from(vec![
        Span::styled(marker, app.theme.accent()),
        Span::raw(id),
        Span::styled(
            crate::safe_text::visible(&tags).into_owned(),
            app.theme.dim(),
        ),
    ])
}

fn draw_preview(frame: &mut Frame, app: &App, clause: &Clause, area: Rect) {
    let width = usize::from(area.width).max(10);
    let wrapped = |text: &str, first: &str, rest: &str| -> Vec<Line<'static>> {
        let options = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest);
        let text = plain(text);
        let lines = textwrap::wrap(&text, options);
        lines
            .into_iter()
            .map(|l| Line::raw(l.into_owned()))
            .collect()
    };
    let heading = format!("{} · {}", clause.id, clause.section.name());
    let mut lines = vec![Line::from(Span::styled(heading, app.theme.heading()))];
    lines.extend(wrapped(&clause.text, "", ""));
    for item in &clause.items {
        lines.extend(wrapped(item, "  - ", "    "));
    }
    let source = wrapped(&format!("source: {}", clause.source), "", "        ");
    lines.extend(source.into_iter().map(|l| l.style(app.theme.dim())));
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(app.theme.dim());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
