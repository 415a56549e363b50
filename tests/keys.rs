//! The keymap is the only source of key names: with every action bound to other keys, no
//! screen names a default key anywhere, in hints, legends, questions, messages or
//! placeholders.

use std::collections::BTreeMap;

use chapeau::library::{ClauseLibrary, LibrarySource};
use chapeau::model::{Declaration, Numbering, Paragraph, Section};
use chapeau::tui::action::Action;
use chapeau::tui::app::{App, Entry, Mode, Prompt};
use chapeau::tui::keymap::{KeyConfig, Keymap};
use chapeau::tui::theme::Theme;
use chapeau::tui::views;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Every default binding's action bound instead to a key no default uses ("Alt-F3",
/// "Ctrl-Alt-F7"), each context's actions to keys of their own.
fn rebound() -> Keymap {
    let defaults = Keymap::default();
    let mut table: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let modifiers = ["alt-", "ctrl-alt-", "ctrl-", "ctrl-shift-"];
    let mut next = 0;
    for binding in defaults.bindings() {
        let context = format!("{:?}", binding.context).to_lowercase();
        let actions = table.entry(context).or_default();
        actions.entry(binding.action.name()).or_insert_with(|| {
            next += 1;
            format!("{}f{}", modifiers[next / 24], next % 24 + 1)
        });
    }
    let text: String = table
        .iter()
        .map(|(context, actions)| {
            let lines: Vec<String> = actions
                .iter()
                .map(|(action, key)| format!("{action} = \"{key}\""))
                .collect();
            format!("[{context}]\n{}\n", lines.join("\n"))
        })
        .collect();
    let config: KeyConfig = toml::from_str(&text).unwrap();
    Keymap::with_config(&config).unwrap()
}

/// The names of the default keys, as the screen would print them.
fn default_key_names() -> Vec<String> {
    let mut names: Vec<String> = Keymap::default()
        .bindings()
        .iter()
        .map(|binding| binding.key.to_string())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A draft whose own words include no key name: no one-letter words, numbered operative
/// paragraphs (no "(a)"), and the parts that show placeholders left empty.
fn draft() -> Declaration {
    let paragraph = |id: &str, text: &str| Paragraph {
        id: id.into(),
        text: text.into(),
        ..Default::default()
    };
    let mut declaration = Declaration {
        numbering: Numbering::Numbers,
        opening: "We, Ministers,".into(),
        chapeau: "To this end we agree:".into(),
        unplaced: vec!["Stray words from the import".into()],
        preamble: vec![paragraph("p1", "Recognising regional cooperation,")],
        operative: vec![
            paragraph("o1", "We will meet again."),
            paragraph("o2", "We will report yearly."),
        ],
        ..Default::default()
    };
    declaration.circulate(chapeau::cover_note::read_date("2009-01-20").unwrap());
    declaration.operative.swap(0, 1);
    declaration.preamble[0].text = "Recognising lasting regional cooperation,".into();
    declaration
}

/// A library of one clause whose words include no key name.
fn library() -> ClauseLibrary {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("clauses.toml"),
        "[[clause]]\nid = \"meeting-again\"\nsection = \"operative\"\ntext = \"We will meet again soon.\"\nsource = \"written for this test\"\n",
    )
    .unwrap();
    let library = ClauseLibrary::load(&[LibrarySource::Folder(dir.path().into())]).unwrap();
    assert_eq!(library.clauses().len(), 1, "{:?}", library.findings);
    library
}

fn screen_text(app: &mut App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(140, 40)).unwrap();
    app.resize(140, 40);
    terminal.draw(|frame| views::draw(frame, app)).unwrap();
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// The default key names `screen` shows: as whole words, for names of several letters
/// ("Esc", "Ctrl-s"), and as words of their own for one-character names ("e", "/", "?").
fn default_names_on(screen: &str, names: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in screen.lines() {
        for word in line.split(|c: char| c.is_whitespace() || "│─┌┐└┘·".contains(c)) {
            let bare = word.trim_matches(|c: char| "()[]:,.;▸".contains(c));
            let pieces: Vec<&str> = if bare.chars().count() > 1
                && !bare.contains("Ctrl")
                && !bare.contains("Alt")
                && !bare.contains("Shift")
            {
                bare.split('/').collect()
            } else {
                vec![bare]
            };
            for piece in pieces {
                if names.iter().any(|name| name == piece) {
                    found.push(format!("{piece:?} in {:?}", line.trim()));
                }
            }
        }
    }
    found
}

#[test]
fn with_every_action_rebound_no_screen_names_a_default_key() {
    let names = default_key_names();
    let keymap = rebound();
    let new_app = || {
        App::new(
            draft(),
            Some("draft.toml".into()),
            library(),
            keymap.clone(),
            Theme { color: false },
        )
    };
    let select = |app: &mut App, entry: Entry| {
        app.outline.selected = app.entries().iter().position(|e| *e == entry).unwrap();
    };
    let mut screens: Vec<(&str, String)> = Vec::new();
    let mut show = |name: &'static str, app: &mut App| screens.push((name, screen_text(app)));

    let mut app = new_app();
    show("start", &mut app);
    app.update(Action::FocusNext);
    show("the draft focused", &mut app);
    app.update(Action::Search);
    show("searching", &mut app);
    app.update(Action::SearchAccept);
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::Delete);
    show("a paragraph deleted", &mut app);
    select(&mut app, Entry::Opening);
    app.update(Action::Delete);
    show("only paragraphs are deleted", &mut app);
    select(&mut app, Entry::Paragraph(Section::Preamble, 0));
    app.update(Action::Edit);
    show("the editor", &mut app);
    app.update(Action::DiscardEdit);
    app.update(Action::EditHeader);
    show("the cover note form", &mut app);
    app.update(Action::DiscardEdit);
    app.update(Action::Redline);
    show("the tracked changes", &mut app);
    app.update(Action::SideBySide);
    show("side by side", &mut app);
    app.update(Action::CloseRedline);
    app.update(Action::Circulate);
    show("the circulate question", &mut app);
    app.update(Action::No);
    app.update(Action::Quit);
    show("the quit question", &mut app);
    app.update(Action::Cancel);
    app.update(Action::Help);
    show("the help", &mut app);
    app.update(Action::CloseHelp);
    app.path = None;
    app.update(Action::Save);
    show("the file name", &mut app);
    app.update(Action::Cancel);

    let mut app = new_app();
    for prompt in [
        Prompt::ChangedOnDisk,
        Prompt::Locked { pid: Some(4242) },
        Prompt::Recover {
            time: "09:15".into(),
            recovered: Box::new(draft()),
        },
    ] {
        app.mode = Mode::Prompt(prompt);
        show("a question", &mut app);
    }
    app.mode = Mode::Prompt(Prompt::Recover {
        time: "09:15".into(),
        recovered: Box::new(draft()),
    });
    app.update(Action::Yes);
    show("recovered", &mut app);

    let mut app = new_app();
    app.update(Action::FocusNext);
    let mut nothing_circulated = draft();
    nothing_circulated.revisions.clear();
    app.document.replace(nothing_circulated);
    app.update(Action::Redline);
    show("nothing circulated", &mut app);

    let mut shown_keys = 0;
    for (name, screen) in &screens {
        let found = default_names_on(screen, &names);
        assert!(
            found.is_empty(),
            "{name}: default keys named: {found:?}\n{screen}"
        );
        shown_keys += screen.matches("Alt-F").count() + screen.matches("Ctrl-F").count();
    }
    assert!(
        shown_keys > screens.len(),
        "the rebound keys are the ones named ({shown_keys} on {} screens)",
        screens.len()
    );
    // The check finds a default key where one is named: the same screens with the default
    // keys name them.
    let mut app = App::new(
        draft(),
        Some("draft.toml".into()),
        library(),
        Keymap::default(),
        Theme { color: false },
    );
    let start = screen_text(&mut app);
    assert!(!default_names_on(&start, &names).is_empty(), "{start}");
}
