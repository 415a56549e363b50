//! The draft outline, set as it will print (the same layout and wrapping as the text export),
//! with the selected part highlighted. Only the entries on screen are laid out.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::export::layout::{self, Role};
use crate::export::text::{label_column, plain, write_with_label_column};
use crate::model::{Declaration, Section};
use crate::tui::action::Action;
use crate::tui::app::{App, Entry, Focus};
use crate::tui::keymap::Context;

/// The outline inside its border, at `area`.
pub fn inner_area(area: Rect) -> Rect {
    Block::new().borders(Borders::ALL).inner(area)
}

/// The width the outline sets its text to, in `inner`.
fn text_width(inner: Rect) -> usize {
    usize::from(inner.width.saturating_sub(1)).max(20)
}

/// How many lines the entry at `at` takes in an outline whose inside is `inner`.
pub fn entry_height(app: &App, at: usize, inner: Rect) -> usize {
    let column = operative_label_column(app.declaration());
    entry_lines(app, app.entries()[at], text_width(inner), column).len()
}

/// The screen rows of each entry on screen, (first row, last row, entry), for the mouse.
pub fn rows(app: &App, inner: Rect) -> Vec<(u16, u16, usize)> {
    let entries = app.entries();
    let column = operative_label_column(app.declaration());
    let mut rows = Vec::new();
    let mut row = inner.y;
    for (at, &entry) in entries.iter().enumerate().skip(app.draft_top) {
        if row >= inner.bottom() {
            break;
        }
        let lines = entry_lines(app, entry, text_width(inner), column).len() as u16;
        let last = (row + lines.max(1) - 1).min(inner.bottom() - 1);
        rows.push((row, last, at));
        row = row.saturating_add(lines + 1);
    }
    rows
}

/// Draws the outline in `area`, from the entry the app has scrolled to.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Draft;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(app.theme.border(focused))
        .title(" Draft ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = text_width(inner);
    let entries = app.entries();
    let selected = app.draft_selected.min(entries.len() - 1);
    let column = operative_label_column(app.declaration());
    let top = app.draft_top.min(selected);

    // The lines are wrapped already: they go straight into the buffer, row by row.
    let buffer = frame.buffer_mut();
    let mut row = inner.y;
    for (at, &entry) in entries.iter().enumerate().skip(top) {
        if row >= inner.bottom() {
            break;
        }
        let first_row = row;
        for line in entry_lines(app, entry, width, column) {
            if row >= inner.bottom() {
                break;
            }
            buffer.set_line(inner.x, row, &line, inner.width);
            row += 1;
        }
        let last_row = row.saturating_sub(1).max(first_row);
        if at == selected {
            let style = if focused {
                app.theme.selected()
            } else {
                app.theme.selected_unfocused()
            };
            buffer.set_style(
                Rect::new(inner.x, first_row, inner.width, last_row + 1 - first_row),
                style,
            );
        }
        row += 1;
    }
}

/// The column where operative text starts in the whole document.
fn operative_label_column(declaration: &Declaration) -> usize {
    match declaration.operative.len() {
        0 => label_column(&[]),
        n => label_column(&layout::paragraph(declaration, Section::Operative, n - 1)[..1]),
    }
}

fn entry_lines(app: &App, entry: Entry, width: usize, column: usize) -> Vec<Line<'static>> {
    let d = &app.declaration();
    let placeholder = |what: &str| {
        vec![Line::from(Span::styled(
            format!(
                "({what}: press {} to write it)",
                app.key(Context::Draft, Action::Edit)
            ),
            app.theme.dim(),
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
        Entry::Header => header_lines(app, width),
        Entry::Titles if d.titles.is_empty() => placeholder("no titles"),
        Entry::Titles => set(layout::titles(d))
            .into_iter()
            .map(|l| l.style(app.theme.heading()))
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
                    "Unplaced by the import ({} to delete):",
                    app.key(Context::Draft, Action::Delete)
                ),
                app.theme.warning(),
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

fn header_lines(app: &App, width: usize) -> Vec<Line<'static>> {
    // The working text is shown numbered as the revision it will become.
    let mut h = app.declaration().header.clone();
    h.revision = app.declaration().next_revision();
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
            app.key(Context::Draft, Action::EditHeader)
        )
    } else {
        plain(&first.join(" · "))
    };
    let mut lines: Vec<Line<'static>> = textwrap::wrap(&first, width)
        .into_iter()
        .map(|l| Line::from(Span::styled(l.into_owned(), app.theme.heading())))
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
