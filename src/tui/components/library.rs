//! The clause library pane: the filter line, the list of matching clauses, and a preview of
//! the selected one. It owns the filter, the matches and the list's selection and scroll.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, ListState, Paragraph};

use super::{Component, Look};
use crate::export::text::plain;
use crate::library::{Clause, ClauseLibrary, Found};
use crate::model::Section;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::scroll;

/// The library pane's state.
pub struct LibraryPane {
    clauses: ClauseLibrary,
    /// The filter typed.
    pub filter: String,
    /// The filter of the search before, which one key brings back.
    pub last_filter: String,
    /// The clauses that match the filter, as indices into the library, best first.
    pub matches: Vec<usize>,
    /// The last search, which the next keystroke refines.
    found: Found,
    /// The selected row of `matches` and the first row on screen.
    list: ListState,
}

impl LibraryPane {
    /// The pane on `clauses`, every clause listed, the first selected.
    pub fn new(clauses: ClauseLibrary) -> LibraryPane {
        LibraryPane {
            matches: clauses.grouped(),
            clauses,
            filter: String::new(),
            last_filter: String::new(),
            found: Found::default(),
            list: ListState::default().with_selected(Some(0)),
        }
    }

    /// Every clause of the library.
    pub fn clauses(&self) -> &[Clause] {
        self.clauses.clauses()
    }

    /// The selected row of the matches.
    pub fn selected(&self) -> usize {
        self.list.selected().unwrap_or(0)
    }

    /// Selects row `row` of the matches, when there is one.
    pub fn select(&mut self, row: usize) {
        if row < self.matches.len() {
            self.list.select(Some(row));
        }
    }

    /// The first row on screen.
    pub fn top(&self) -> usize {
        self.list.offset()
    }

    /// The library's clause with this id, listed or not.
    pub fn clause(&self, id: &str) -> Option<&Clause> {
        self.clauses.get(id)
    }

    /// The clause selected in the list, if any.
    pub fn selected_clause(&self) -> Option<&Clause> {
        self.matches
            .get(self.selected())
            .map(|&i| &self.clauses.clauses()[i])
    }

    /// Moves the selection as `action` says, a page being `page` rows.
    pub fn move_selection(&mut self, action: Action, page: usize) {
        let Some(last) = self.matches.len().checked_sub(1) else {
            return;
        };
        self.list
            .select(Some(scroll::moved(self.selected(), last, action, page)));
    }

    /// Adds a typed character to the filter.
    pub fn type_char(&mut self, c: char) {
        self.filter.push(c);
        self.refilter();
    }

    /// Adds typed or pasted text to the filter, its control characters left out.
    pub fn type_text(&mut self, text: &str) {
        self.filter.extend(text.chars().filter(|c| !c.is_control()));
        self.refilter();
    }

    /// Starts a new search: an empty filter, the one before kept to be brought back.
    pub fn start_search(&mut self) {
        if !self.filter.is_empty() {
            self.last_filter = std::mem::take(&mut self.filter);
            self.refilter();
        }
    }

    /// Brings back the filter of the search before.
    pub fn recall_last_search(&mut self) {
        if self.filter.is_empty() && !self.last_filter.is_empty() {
            self.filter = self.last_filter.clone();
            self.refilter();
        }
    }

    /// Takes the last character off the filter.
    pub fn backspace(&mut self) {
        self.filter.pop();
        self.refilter();
    }

    /// Empties the filter: every clause is listed again.
    pub fn clear(&mut self) {
        self.filter.clear();
        self.refilter();
    }

    /// Recomputes the matches after the filter changed; the best match becomes the selection.
    fn refilter(&mut self) {
        if self.filter.trim().is_empty() {
            self.found = Found::default();
            self.matches = self.clauses.grouped();
        } else {
            self.found = self.clauses.refine(&self.found, &self.filter);
            self.matches = self.found.ranked.clone();
        }
        self.list = ListState::default().with_selected(Some(0));
    }

    /// Scrolls the list so that the selection is in view of `height` rows.
    pub fn keep_in_view(&mut self, height: usize) {
        let top = scroll::keep_in_view(self.top(), self.selected(), height, 0, |_| 1);
        *self.list.offset_mut() = top;
    }

    /// Draws the pane in `area`.
    pub fn draw(&self, frame: &mut Frame, area: Rect, look: &Look, searching: bool) {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(look.theme.border(look.focused))
            .title(format!(
                " Clause library ({}/{}) ",
                self.matches.len(),
                self.clauses().len()
            ));
        frame.render_widget(block, area);
        let [filter, list, preview] = areas(area);
        let search_key = look.keymap.key(Context::Global, Action::Search);
        let filter_line = if self.filter.is_empty() && !searching {
            Line::from(Span::styled(
                format!("{search_key} to search"),
                look.theme.dim(),
            ))
        } else if self.filter.is_empty() && !self.last_filter.is_empty() {
            let recall = look.keymap.key(Context::Search, Action::RecallSearch);
            Line::from(vec![
                Span::styled(format!("{search_key} "), look.theme.key()),
                Span::styled("█", look.theme.dim()),
                Span::styled(
                    format!(
                        " {recall}: {}",
                        crate::safe_text::visible(&self.last_filter)
                    ),
                    look.theme.dim(),
                ),
            ])
        } else {
            Line::from(vec![
                Span::styled(format!("{search_key} "), look.theme.key()),
                Span::raw(crate::safe_text::visible(&self.filter).into_owned()),
                Span::styled(if searching { "█" } else { "" }, look.theme.dim()),
            ])
        };
        frame.render_widget(Paragraph::new(filter_line), filter);

        let height = usize::from(list.height);
        let selected = self.selected();
        let width = usize::from(list.width);
        if self.matches.is_empty() {
            let nothing = Span::styled("no clause matches", look.theme.dim());
            frame.render_widget(Paragraph::new(nothing), list);
        }
        let buffer = frame.buffer_mut();
        let visible = self
            .matches
            .iter()
            .enumerate()
            .skip(self.top())
            .take(height);
        for (y, (row, &index)) in (list.y..).zip(visible) {
            let line = list_line(look, &self.clauses()[index], width);
            buffer.set_line(list.x, y, &line, list.width);
            if row == selected {
                let style = if look.focused {
                    look.theme.selected()
                } else {
                    look.theme.selected_unfocused()
                };
                buffer.set_style(Rect::new(list.x, y, list.width, 1), style);
            }
        }
        if let Some(clause) = self.selected_clause() {
            draw_preview(frame, look, clause, preview);
        }
    }
}

impl Component for LibraryPane {
    fn context(&self) -> Context {
        Context::Library
    }

    fn commands(&self) -> Vec<Action> {
        vec![Action::AddClause]
    }
}

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

fn list_line(look: &Look, clause: &Clause, width: usize) -> Line<'static> {
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
        Span::styled(marker, look.theme.accent()),
        Span::raw(id),
        Span::styled(
            crate::safe_text::visible(&tags).into_owned(),
            look.theme.dim(),
        ),
    ])
}

fn draw_preview(frame: &mut Frame, look: &Look, clause: &Clause, area: Rect) {
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
    let theme = clause
        .tags
        .first()
        .map(|tag| format!(" · {tag}"))
        .unwrap_or_default();
    let heading = format!("{} · {}{theme}", clause.id, clause.section.name());
    let mut lines = vec![Line::from(Span::styled(heading, look.theme.heading()))];
    // The source first, so that it stays in view however long the clause.
    let source = wrapped(&format!("from {}", clause.source), "", "     ");
    lines.extend(source.into_iter().map(|l| l.style(look.theme.dim())));
    lines.extend(wrapped(&clause.text, "", ""));
    for item in &clause.items {
        lines.extend(wrapped(item, "  - ", "    "));
    }
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(look.theme.dim());
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
