//! The draft outline, set as it will print (the same layout and wrapping as the text export),
//! with the selected part highlighted. It owns the selection and the first entry on screen;
//! only the entries on screen are laid out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use super::{Component, Look};
use crate::document::Entry;
use crate::export::layout::{self, Role};
use crate::export::text::{label_column, plain, write_with_label_column};
use crate::model::{Declaration, Section};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::scroll;

/// The outline's state.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// The selected entry, in reading order.
    pub selected: usize,
    /// The first entry on screen.
    pub top: usize,
    /// The words last looked for, marked wherever they stand; empty for none.
    pub found: String,
}

/// The outline inside its border, at `area`.
pub fn inner_area(area: Rect) -> Rect {
    Block::new().borders(Borders::ALL).inner(area)
}

/// The width the outline sets its text to, in `inner`.
fn text_width(inner: Rect) -> usize {
    usize::from(inner.width.saturating_sub(1)).max(20)
}

impl Outline {
    /// The selected entry of `declaration`.
    pub fn selected_entry(&self, declaration: &Declaration) -> Entry {
        let entries = Entry::all(declaration);
        entries[self.selected.min(entries.len() - 1)]
    }

    /// Selects `entry`, when `declaration` has it.
    pub fn select(&mut self, declaration: &Declaration, entry: Entry) {
        if let Some(at) = Entry::all(declaration).iter().position(|e| *e == entry) {
            self.selected = at;
        }
    }

    /// Keeps the selection on an entry `declaration` has (after a deletion, say).
    pub fn clamp(&mut self, declaration: &Declaration) {
        self.selected = self.selected.min(Entry::all(declaration).len() - 1);
    }

    /// Moves the selection as `action` says, a page being `page` entries.
    pub fn move_selection(&mut self, declaration: &Declaration, action: Action, page: usize) {
        let last = Entry::all(declaration).len() - 1;
        self.selected = scroll::moved(self.selected, last, action, page);
    }

    /// Scrolls so that the selection is in view of an outline whose inside is `inner`.
    pub fn keep_in_view(&mut self, declaration: &Declaration, look: &Look, inner: Rect) {
        let entries = Entry::all(declaration);
        let column = operative_label_column(declaration);
        let selected = self.selected.min(entries.len() - 1);
        self.top = scroll::keep_in_view(self.top, selected, usize::from(inner.height), 1, |at| {
            entry_lines(declaration, look, entries[at], text_width(inner), column).len()
        });
    }

    /// The screen rows of each entry on screen, (first row, last row, entry), for the mouse.
    pub fn rows(
        &self,
        declaration: &Declaration,
        look: &Look,
        inner: Rect,
    ) -> Vec<(u16, u16, usize)> {
        let entries = Entry::all(declaration);
        let column = operative_label_column(declaration);
        let mut rows = Vec::new();
        let mut row = inner.y;
        for (at, &entry) in entries.iter().enumerate().skip(self.top) {
            if row >= inner.bottom() {
                break;
            }
            let lines =
                entry_lines(declaration, look, entry, text_width(inner), column).len() as u16;
            let last = (row + lines.max(1) - 1).min(inner.bottom() - 1);
            rows.push((row, last, at));
            row = row.saturating_add(lines + 1);
        }
        rows
    }

    /// Draws the outline of `declaration` in `area`, from the entry scrolled to.
    pub fn draw(&self, frame: &mut Frame, area: Rect, look: &Look, declaration: &Declaration) {
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(look.theme.border(look.focused))
            .title(" Draft ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = text_width(inner);
        let entries = Entry::all(declaration);
        let selected = self.selected.min(entries.len() - 1);
        let column = operative_label_column(declaration);
        let top = self.top.min(selected);

        // The lines are wrapped already: they go straight into the buffer, row by row.
        let buffer = frame.buffer_mut();
        // Marked last, so that a place found shows inside the selection too.
        let mut found = Vec::new();
        let mut row = inner.y;
        for (at, &entry) in entries.iter().enumerate().skip(top) {
            if row >= inner.bottom() {
                break;
            }
            let first_row = row;
            let lines = entry_lines(declaration, look, entry, width, column);
            if !self.found.is_empty() {
                let texts: Vec<String> = lines
                    .iter()
                    .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
                    .collect();
                for (line, cells) in
                    crate::find::cells(texts.iter().map(String::as_str), &self.found)
                {
                    let y = first_row + line as u16;
                    let (start, end) = (cells.start as u16, cells.end as u16);
                    if y < inner.bottom() && start < inner.width {
                        found.push(Rect::new(
                            inner.x + start,
                            y,
                            end.min(inner.width) - start,
                            1,
                        ));
                    }
                }
            }
            for line in lines {
                if row >= inner.bottom() {
                    break;
                }
                buffer.set_line(inner.x, row, &line, inner.width);
                row += 1;
            }
            let last_row = row.saturating_sub(1).max(first_row);
            if at == selected {
                let style = if look.focused {
                    look.theme.selected()
                } else {
                    look.theme.selected_unfocused()
                };
                buffer.set_style(
                    Rect::new(inner.x, first_row, inner.width, last_row + 1 - first_row),
                    style,
                );
            }
            row += 1;
        }
        for cells in found {
            buffer.set_style(cells, look.theme.found());
        }
    }
}

impl Component for Outline {
    fn context(&self) -> Context {
        Context::Draft
    }

    fn commands(&self) -> Vec<Action> {
        vec![
            Action::Edit,
            Action::NewParagraph,
            Action::Delete,
            Action::MoveUp,
            Action::MoveDown,
            Action::EditHeader,
            Action::Circulate,
            Action::Redline,
            Action::Numbering,
        ]
    }
}

/// The column where operative text starts in the whole document.
fn operative_label_column(declaration: &Declaration) -> usize {
    match declaration.operative.len() {
        0 => label_column(&[]),
        n => label_column(&layout::paragraph(declaration, Section::Operative, n - 1)[..1]),
    }
}

fn entry_lines(
    d: &Declaration,
    look: &Look,
    entry: Entry,
    width: usize,
    column: usize,
) -> Vec<Line<'static>> {
    let placeholder = |what: &str| {
        vec![Line::from(Span::styled(
            format!(
                "({what}: press {} to write it)",
                look.keymap.key(Context::Draft, Action::Edit)
            ),
            look.theme.dim(),
        ))]
    };
    let set = |blocks: Vec<layout::Block>| -> Vec<Line<'static>> {
        write_with_label_column(&blocks, width, column)
            .lines()
            .flat_map(|l| fit(l, width))
            .map(Line::raw)
            .collect()
    };
    match entry {
        Entry::Header => header_lines(d, look, width),
        Entry::Titles if d.titles.is_empty() => placeholder("no titles"),
        Entry::Titles => set(layout::titles(d))
            .into_iter()
            .map(|l| l.style(look.theme.heading()))
            .collect(),
        Entry::Opening => layout::lone(Role::Opening, &d.opening)
            .map_or_else(|| placeholder("no opening"), |b| set(vec![b])),
        Entry::Chapeau => layout::lone(Role::Chapeau, &d.chapeau)
            .map_or_else(|| placeholder("no chapeau"), |b| set(vec![b])),
        Entry::Closing => layout::lone(Role::Closing, &d.closing)
            .map_or_else(|| placeholder("no closing"), |b| set(vec![b])),
        Entry::Paragraph(section, i) => set(layout::paragraph(d, section, i)),
        Entry::Unplaced(i) => {
            let mut lines = vec![Line::from(Span::styled(
                format!(
                    "Unplaced by the import ({} to place it, {} to delete):",
                    look.keymap.key(Context::Draft, Action::MoveUp),
                    look.keymap.key(Context::Draft, Action::Delete)
                ),
                look.theme.warning(),
            ))];
            lines.extend(set(layout::lone(Role::Unplaced, &d.unplaced[i])
                .into_iter()
                .collect()));
            lines
        }
    }
}

/// A printed line cut into pieces that fit the pane: the export never breaks a word, but a
/// word longer than the pane (a URL, text without spaces) must still be seen whole.
fn fit(line: &str, width: usize) -> Vec<String> {
    use unicode_width::UnicodeWidthChar;
    let mut pieces = vec![String::new()];
    let mut used = 0;
    for c in line.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            pieces.push(String::new());
            used = 0;
        }
        pieces.last_mut().expect("never empty").push(c);
        used += w;
    }
    pieces
}

fn header_lines(d: &Declaration, look: &Look, width: usize) -> Vec<Line<'static>> {
    // The working text is shown numbered as the revision it will become.
    let mut h = d.header.clone();
    h.revision = d.next_revision();
    let date = h.printed_date();
    let first: Vec<String> = [
        h.printed_number(),
        h.classification.clone(),
        h.printed_kind(),
        date,
    ]
    .into_iter()
    .filter(|part| !part.trim().is_empty())
    .collect();
    let first = if first.is_empty() {
        format!(
            "Cover note ({} to fill in)",
            look.keymap.key(Context::Draft, Action::EditHeader)
        )
    } else {
        plain(&first.join(" · "))
    };
    let mut lines: Vec<Line<'static>> = textwrap::wrap(&first, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l.into_owned(), look.theme.heading())))
        .collect();
    let subject = format!("Subject: {}", plain(&h.subject));
    if !h.subject.trim().is_empty() {
        let options = textwrap::Options::new(width).subsequent_indent("         ");
        lines.extend(
            textwrap::wrap(&subject, options)
                .into_iter()
                .map(|l| Line::raw(l.into_owned())),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn words_longer_than_the_pane_are_shown_whole_over_several_rows() {
        assert_eq!(fit("short", 10), ["short"]);
        assert_eq!(
            fit("https://example.org/a/long/path", 10),
            ["https://ex", "ample.org/", "a/long/pat", "h"]
        );
        assert_eq!(fit("移民伙伴关系", 4), ["移民", "伙伴", "关系"]);
    }
}
