//! Text that tries to drive the terminal (escape sequences, other controls, bidirectional
//! overrides) in every part of a draft and of a clause: it never reaches the screen, an
//! export, a redline or a message raw, and `chapeau check` reports it with its line.

use crate::common;

use std::path::Path;

use chapeau::draft_file;
use chapeau::library::{ClauseLibrary, LibrarySource};
use chapeau::model::{Declaration, Paragraph};
use chapeau::safe_text::is_hostile;
use chapeau::tui::app::App;
use chapeau::tui::keymap::Keymap;
use chapeau::tui::theme::Theme;
use chapeau::tui::views;
use common::{chapeau_configured, chapeau_in};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Sets the window title, clears the screen, homes the cursor with a C1 CSI, rings the bell,
/// reverses the text, and backspaces over it.
const HOSTILE: &str =
    "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}H\u{202E}desrever\u{2066}\u{8}\u{0}\u{7f}\r";

fn hostile(text: &str) -> String {
    format!("{text} {HOSTILE} end")
}

/// A draft with hostile text in every part a drafter can write.
fn hostile_draft() -> Declaration {
    let mut draft = draft_file::skeleton();
    draft.titles = vec![hostile("TITLE")];
    draft.opening = hostile("We, Ministers,");
    draft.chapeau = hostile("We agree:");
    draft.closing = hostile("We mandate our senior officials.");
    draft.unplaced = vec![hostile("Stray text")];
    let header = &mut draft.header;
    for field in [
        &mut header.body,
        &mut header.place,
        &mut header.from,
        &mut header.to,
        &mut header.subject,
        &mut header.cover,
        &mut header.classification,
        &mut header.kind,
    ] {
        *field = hostile("field");
    }
    header.codes = vec![hostile("MIGR 1")];
    draft.preamble = vec![Paragraph {
        id: "p1".into(),
        clause: None,
        text: hostile("Aware that"),
        items: vec![hostile("an item")],
    }];
    draft.operative = vec![Paragraph {
        id: "o1".into(),
        clause: None,
        text: hostile("We will"),
        items: vec![hostile("an item;"), hostile("another.")],
    }];
    draft
}

/// A user library file with a hostile clause (tags are kebab-case, so they cannot be).
fn hostile_library(folder: &Path) {
    let dir = folder.join("clause-library");
    std::fs::create_dir_all(&dir).unwrap();
    let clause = format!(
        "[[clause]]\nid = \"hostile-clause\"\nsection = \"operative\"\ntext = {}\nitems = [{}]\ntags = [\"hostile\"]\nsource = {}\n",
        toml_string(&hostile("We agree")),
        toml_string(&hostile("item")),
        toml_string(&hostile("source")),
    );
    std::fs::write(dir.join("mine.toml"), clause).unwrap();
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn assert_clean(what: &str, written: &str) {
    if let Some(c) = written.chars().find(|&c| is_hostile(c)) {
        panic!("raw {c:?} in {what}:\n{written}");
    }
}

/// Every cell of the screen, as the terminal would be sent it.
fn assert_screen_clean(what: &str, app: &mut App) {
    let mut terminal = Terminal::new(TestBackend::new(160, 80)).unwrap();
    app.resize(160, 80);
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(is_hostile),
            "raw {:?} on the screen ({what}):\n{}",
            cell.symbol(),
            terminal.backend()
        );
    }
    let shown = terminal.backend().to_string();
    assert!(
        shown.contains('\u{241B}'),
        "ESC shown as ␛ ({what}):\n{shown}"
    );
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

#[test]
fn the_screen_shows_placeholders_in_every_view() {
    let config = tempfile::tempdir().unwrap();
    hostile_library(config.path());
    let library = ClauseLibrary::load(&[
        LibrarySource::Bundled,
        LibrarySource::Folder(config.path().join("clause-library")),
    ])
    .unwrap();
    let mut draft = hostile_draft();
    draft.circulate(chapeau::cover_note::read_date("2009-01-20").unwrap());
    draft.operative[0].text = hostile("We shall");
    let mut app = App::new(
        draft,
        Some("hostile.toml".into()),
        library,
        Keymap::default(),
        Theme { color: true },
    );
    assert_screen_clean("the draft", &mut app);

    for c in "/hostile".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_screen_clean("the library, filtered to the hostile clause", &mut app);
    for c in HOSTILE.chars() {
        key(&mut app, KeyCode::Char(c));
    }
    assert_screen_clean("a hostile search", &mut app);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Tab);

    key(&mut app, KeyCode::Char('H'));
    assert_screen_clean("the cover note form", &mut app);
    key(&mut app, KeyCode::Esc);

    key(&mut app, KeyCode::Char('G'));
    key(&mut app, KeyCode::Char('e'));
    assert_screen_clean("the editor", &mut app);
    key(&mut app, KeyCode::Esc);

    key(&mut app, KeyCode::Char('r'));
    assert_screen_clean("the tracked changes", &mut app);
    key(&mut app, KeyCode::Char('s'));
    assert_screen_clean("the tracked changes side by side", &mut app);
}

/// Every command's output, on standard output and standard error, in every format.
#[test]
fn no_command_writes_a_raw_control() {
    let dir = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    hostile_library(config.path());
    let mut draft = hostile_draft();
    draft.circulate(chapeau::cover_note::read_date("2009-01-20").unwrap());
    draft.operative[0].text = hostile("We shall");
    std::fs::write(dir.path().join("h.toml"), draft_file::to_toml(&draft)).unwrap();
    let exported = chapeau_in(dir.path(), &["export", "h.toml"]);
    std::fs::write(dir.path().join("h.txt"), &exported.stdout).unwrap();
    std::fs::write(dir.path().join("raw.txt"), hostile_export_text()).unwrap();

    let runs: &[&[&str]] = &[
        &["export", "h.toml"],
        &["export", "h.toml", "--format", "markdown"],
        &["export", "h.toml", "--format", "json"],
        &["export", "h.toml", "--rev", "0"],
        &["export", "raw.txt"],
        &["check", "h.toml"],
        &["check", "raw.txt"],
        &["revisions", "h.toml"],
        &["diff", "h.toml"],
        &["diff", "h.toml", "--format", "critic"],
        &["diff", "h.toml", "--format", "markdown"],
        &["diff", "h.toml", "--format", "html"],
        &["diff", "h.toml", "--format", "summary"],
        &["diff", "h.toml", "--format", "json"],
        &["diff", "raw.txt", "h.txt"],
        &["import", "raw.txt", "-o", "imported.toml"],
        &["export", "imported.toml"],
        &["library", "list"],
        &["library", "list", "--format", "json"],
        &["library", "show", "hostile-clause"],
        &["library", "search", "hostile"],
        &["library", "search", "hostile", "--format", "json"],
        &["library", "check"],
    ];
    for args in runs {
        let run = chapeau_configured(dir.path(), config.path(), args);
        assert!(run.code < 2, "{args:?}: {}", run.stderr);
        assert_clean(&format!("{args:?} stdout"), &run.stdout);
        assert_clean(&format!("{args:?} stderr"), &run.stderr);
        let prints_text = !matches!(args[0], "revisions" | "import")
            && !args.contains(&"summary")
            && args[..2] != ["library", "check"];
        assert!(
            !prints_text || run.stdout.contains('\u{241B}') || run.stdout.contains("\\u001b"),
            "{args:?} shows the escape: {}",
            run.stdout
        );
    }
    let json = chapeau_in(dir.path(), &["export", "h.toml", "--format", "json"]);
    let parsed: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        parsed["operative"][0]["text"].as_str().unwrap(),
        hostile("We shall"),
        "JSON escapes the controls but keeps the exact text"
    );
}

/// A plain text with the controls written raw, as a careless conversion might leave them (but
/// NUL, which marks a binary file).
fn hostile_export_text() -> String {
    let hostile = HOSTILE.replace('\0', "");
    format!(
        "TITLE {hostile}\n\nWe, Ministers {hostile},\n\nAware that {hostile},\n\nWe agree:\n\n(a) to act {hostile}.\n"
    )
}

#[test]
fn check_reports_each_control_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let draft = "chapeau = \"We agree:\"\n\n[[preamble]]\nid = \"p1\"\ntext = \"Aware that \\u001b]0;pwned\\u0007 all,\"\n\n[[operative]]\nid = \"o1\"\ntext = \"We act \\u202e now.\"\n";
    std::fs::write(dir.path().join("d.toml"), draft).unwrap();
    let run = chapeau_in(dir.path(), &["check", "d.toml"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "d.toml:5: warning: preambular paragraph 1: control characters that are not text and could drive a terminal: U+0007 (shown as \u{2407}), U+001B (shown as \u{241B})"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("d.toml:9: warning: operative paragraph (a): control characters that are not text and could drive a terminal: U+202E (shown as \u{FFFD})"),
        "{}",
        run.stdout
    );
}
