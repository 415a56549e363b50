//! Whole-screen snapshots of the drafting screen (ratatui's TestBackend) after scripted keys.

use crate::common;

use chapeau::draft_file;
use chapeau::library::ClauseLibrary;
use chapeau::model::Declaration;
use chapeau::tui::app::{App, Mode, Prompt};
use chapeau::tui::keymap::Keymap;
use chapeau::tui::theme::Theme;
use chapeau::tui::views;
use common::fixture;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

/// An application on the small draft, on a 120×36 screen, as the shell starts it.
fn app_with(theme: Theme) -> App {
    let declaration = draft_file::load(&fixture("small.toml"))
        .unwrap()
        .declaration;
    let mut app = App::new(
        declaration,
        Some("small.toml".into()),
        ClauseLibrary::bundled(),
        Keymap::default(),
        theme,
    );
    app.resize(120, 36);
    app
}

/// An application on the example, which carries two circulated revisions.
fn example_app(theme: Theme) -> App {
    app_on(
        draft_file::load(&common::example()).unwrap().declaration,
        theme,
    )
}

/// An application on `declaration`, saved as prague.toml, on a 120×36 screen.
fn app_on(declaration: chapeau::model::Declaration, theme: Theme) -> App {
    let mut app = App::new(
        declaration,
        Some("prague.toml".into()),
        ClauseLibrary::bundled(),
        Keymap::default(),
        theme,
    );
    app.resize(120, 36);
    app
}

fn app() -> App {
    app_with(Theme { color: true })
}

/// Draws `app` on a `width`×`height` test terminal, as the event loop does.
fn screen(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    app.resize(width, height);
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    terminal
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for &code in codes {
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

#[test]
fn start() {
    let mut app = app();
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn library_search() {
    let mut app = app();
    type_text(&mut app, "/digital innovation");
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn adding_a_clause() {
    let mut app = app();
    keys(
        &mut app,
        &[KeyCode::Tab, KeyCode::End, KeyCode::Up, KeyCode::Tab],
    );
    type_text(&mut app, "/digital innovation");
    keys(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn the_editor() {
    let mut app = app();
    keys(
        &mut app,
        &[
            KeyCode::Tab,
            KeyCode::End,
            KeyCode::Up,
            KeyCode::Up,
            KeyCode::Char('e'),
        ],
    );
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn help() {
    let mut app = app();
    keys(&mut app, &[KeyCode::Char('?')]);
    insta::assert_snapshot!(screen(&mut app, 100, 60).backend());
}

/// The end of the help lists the keys of typed text (the editor's, the form's).
#[test]
fn help_ends_with_the_typing_keys() {
    let mut app = app();
    keys(&mut app, &[KeyCode::Char('?')]);
    keys(&mut app, &[KeyCode::PageDown; 10]);
    insta::assert_snapshot!(screen(&mut app, 100, 40).backend());
}

#[test]
fn the_quit_prompt() {
    let mut app = app();
    keys(&mut app, &[KeyCode::Char('a'), KeyCode::Char('q')]);
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn the_recovery_prompt() {
    let mut app = app();
    app.mode = Mode::Prompt(Prompt::Recover {
        time: "14:32".into(),
        recovered: Box::new(Declaration::default()),
    });
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn a_terminal_too_small() {
    let mut app = app();
    insta::assert_snapshot!(screen(&mut app, 50, 10).backend());
}

#[test]
fn no_color_keeps_the_selection_visible_without_colours() {
    let mut app = app_with(Theme { color: false });
    keys(&mut app, &[KeyCode::Down]);
    let terminal = screen(&mut app, 120, 36);
    let buffer = terminal.backend().buffer();
    let mut reversed_rows = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            assert_eq!(cell.fg, Color::Reset, "no foreground colour at {x},{y}");
            assert_eq!(cell.bg, Color::Reset, "no background colour at {x},{y}");
            if cell.modifier.contains(Modifier::REVERSED) && !reversed_rows.contains(&y) {
                reversed_rows.push(y);
            }
        }
    }
    assert_eq!(
        reversed_rows.len(),
        1,
        "exactly the selected library row is in reverse video"
    );
    let underlined = (0..buffer.area.width).any(|x| {
        (0..buffer.area.height).any(|y| buffer[(x, y)].modifier.contains(Modifier::UNDERLINED))
    });
    assert!(
        underlined,
        "the draft's selection, without focus, is underlined"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn a_click_selects_and_the_wheel_scrolls() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut app = app();
    let terminal = screen(&mut app, 120, 36);
    let layout = views::ScreenLayout::of(app.viewport, false).unwrap();
    let (top, _, entry) = app.outline.rows(
        app.declaration(),
        &app.look(chapeau::tui::app::Focus::Draft),
        layout.outline_inner,
    )[3];
    // The row the mouse takes for the entry is where the screen drew it.
    let drawn: String = (layout.outline_inner.x..layout.outline_inner.right())
        .map(|x| terminal.backend().buffer()[(x, top)].symbol().to_string())
        .collect();
    let first_words: String = app.declaration().preamble[0]
        .text
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(entry, 3);
    assert!(drawn.starts_with(&first_words), "{drawn:?}");
    let click = |column, row, kind| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    app.handle_mouse(click(
        layout.outline_inner.x + 2,
        top,
        MouseEventKind::Down(MouseButton::Left),
    ));
    assert_eq!(app.outline.selected, entry);
    assert_eq!(app.focus, chapeau::tui::app::Focus::Draft);
    let list = layout.library_list;
    app.handle_mouse(click(
        list.x + 1,
        list.y + 2,
        MouseEventKind::Down(MouseButton::Left),
    ));
    assert_eq!(app.library.selected(), 2);
    app.handle_mouse(click(list.x + 1, list.y + 2, MouseEventKind::ScrollDown));
    assert_eq!(app.library.selected(), 5);
}

#[test]
fn the_tracked_changes() {
    let mut app = example_app(Theme { color: true });
    let mut fewer_revisions = app.declaration().clone();
    fewer_revisions.revisions.truncate(1);
    app.document.replace(fewer_revisions);
    keys(&mut app, &[KeyCode::Tab, KeyCode::Char('r')]);
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}

#[test]
fn two_revisions_side_by_side() {
    let mut app = example_app(Theme { color: true });
    keys(
        &mut app,
        &[
            KeyCode::Tab,
            KeyCode::Char('r'),
            KeyCode::Char('f'),
            KeyCode::Char('t'),
            KeyCode::Char('s'),
        ],
    );
    insta::assert_snapshot!(screen(&mut app, 140, 36).backend());
}

#[test]
fn the_tracked_changes_without_colour_carry_text_markers() {
    let mut app = example_app(Theme { color: false });
    keys(
        &mut app,
        &[
            KeyCode::Tab,
            KeyCode::Char('r'),
            KeyCode::Char('f'),
            KeyCode::Char('t'),
            KeyCode::Char('g'),
        ],
    );
    // From the top: the cover note, its changes marked too.
    let terminal = screen(&mut app, 120, 36);
    let shown = terminal.backend().to_string();
    assert!(
        shown.contains("Brussels, [-20 January-] {+11 February+} 2009"),
        "{shown}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// Without colour, tracked changes of texts that hold square brackets take marks that the
/// texts do not hold, and a deleted paragraph says which it was instead of taking a label.
#[test]
fn the_tracked_changes_of_bracketed_text_take_other_marks() {
    let mut declaration = draft_file::load(&common::example()).unwrap().declaration;
    declaration.operative[0].text = "We agree [including] on this.".into();
    declaration.circulate(chapeau::cover_note::read_date("2009-02-12").unwrap());
    declaration.operative[0].text = "We agree on this.".into();
    declaration.operative.remove(1);
    let mut app = app_on(declaration, Theme { color: false });
    keys(&mut app, &[KeyCode::Tab, KeyCode::Char('r')]);
    let shown = screen(&mut app, 120, 36).backend().to_string();
    assert!(
        shown.contains("We agree <-[including]-> on this."),
        "{shown}"
    );
    assert!(shown.contains("<deleted, was (b)>"), "{shown}");
    assert!(!shown.contains("[-"), "{shown}");
}

/// Circulating a draft whose cover note has no date asks for one.
#[test]
fn circulating_without_a_date_asks_for_one() {
    let mut declaration = draft_file::load(&common::example()).unwrap().declaration;
    declaration.header.date = None;
    declaration.operative[0].text.push_str(" again");
    let mut app = app_on(declaration, Theme { color: false });
    keys(&mut app, &[KeyCode::Tab, KeyCode::Char('c')]);
    let terminal = screen(&mut app, 120, 36);
    let shown = terminal.backend().to_string();
    assert!(
        shown.contains("Circulate the next revision dated (YYYY-MM-DD) (Enter next"),
        "{shown}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// The tracked changes scroll to the end a page at a time, and a wrapped operative paragraph
/// hangs under its text, past its label.
#[test]
fn the_tracked_changes_scroll_and_hang_under_labels() {
    let mut app = example_app(Theme { color: false });
    keys(
        &mut app,
        &[
            KeyCode::Tab,
            KeyCode::Char('r'),
            KeyCode::Char('f'),
            KeyCode::Char('t'),
            KeyCode::Char('G'),
            KeyCode::PageUp,
        ],
    );
    let terminal = screen(&mut app, 120, 36);
    let shown = terminal.backend().to_string();
    let rows: Vec<&str> = shown.lines().collect();
    let labelled = rows
        .iter()
        .position(|row| row.contains("││(j)  "))
        .expect("an operative paragraph in view");
    assert!(
        rows[labelled + 1].contains("││     "),
        "its second line hangs under the text:\n{shown}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// Words found are marked wherever they stand on screen, inside the selection too; the rest
/// of the text is not.
#[test]
fn found_words_are_marked_in_the_draft() {
    let mut app = app();
    keys(&mut app, &[KeyCode::Tab, KeyCode::Char('f')]);
    type_text(&mut app, "return");
    keys(&mut app, &[KeyCode::Enter]);
    let terminal = screen(&mut app, 120, 36);
    let buffer = terminal.backend().buffer();
    let mut marked = Vec::new();
    for y in 0..buffer.area.height {
        let mut word = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            if cell.bg == Color::Yellow {
                word.push_str(cell.symbol());
            } else if !word.is_empty() {
                marked.push(std::mem::take(&mut word));
            }
        }
    }
    assert_eq!(marked, ["return", "return", "return"], "{marked:?}");
    insta::assert_snapshot!(terminal.backend());
}

/// `!` lists the findings over the draft, the selected one written out below.
#[test]
fn the_check_findings() {
    let mut declaration = draft_file::load(&fixture("small.toml"))
        .unwrap()
        .declaration;
    declaration.operative[1].text = "This partnership will address  return by:".into();
    declaration.preamble[1].text = "Aware that only effective partnership allows for sustainable migration policies [and mobility],".into();
    let mut app = app_on(declaration, Theme { color: true });
    keys(&mut app, &[KeyCode::Char('!'), KeyCode::Down]);
    insta::assert_snapshot!(screen(&mut app, 120, 36).backend());
}
