//! `App::update` for every action, without a terminal: what the drafter asks for is what the
//! draft becomes, and every change can be undone and redone.

use crate::common;

use chapeau::draft_file;
use chapeau::library::ClauseLibrary;
use chapeau::model::Section;
use chapeau::tui::action::Action;
use chapeau::tui::app::{App, Entry, Focus, Mode};
use chapeau::tui::effects::{Effect, Files, Outcome};
use chapeau::tui::keymap::Keymap;
use chapeau::tui::theme::Theme;
use common::fixture;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// An app on the small draft, named as a file in a folder that is gone: a save the test
/// did not set up fails, and never writes into the checked-in fixtures.
fn app() -> App {
    app_on_declaration(small())
}

/// The small draft's declaration.
fn small() -> chapeau::model::Declaration {
    draft_file::load(&fixture("small.toml"))
        .unwrap()
        .declaration
}

/// An app on `declaration`, named as a file in a folder that is gone (see [`app`]).
fn app_on_declaration(declaration: chapeau::model::Declaration) -> App {
    let gone = tempfile::tempdir().unwrap().path().join("small.toml");
    App::new(
        declaration,
        Some(gone),
        ClauseLibrary::bundled(),
        Keymap::default(),
        Theme { color: true },
    )
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn ids(app: &App, section: Section) -> Vec<String> {
    app.declaration()
        .paragraphs(section)
        .iter()
        .map(|p| p.id.clone())
        .collect()
}

fn select(app: &mut App, entry: Entry) {
    app.outline.selected = app.entries().iter().position(|e| *e == entry).unwrap();
}

#[test]
fn tab_moves_the_focus_between_panes() {
    let mut app = app();
    assert_eq!(app.focus, Focus::Library);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Focus::Draft);
    app.update(Action::FocusPrevious);
    assert_eq!(app.focus, Focus::Library);
}

#[test]
fn moving_stays_within_the_list() {
    let mut app = app();
    app.update(Action::Up);
    assert_eq!(app.library.selected(), 0);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.library.selected(), 2);
    app.update(Action::Last);
    assert_eq!(app.library.selected(), app.library.clauses().len() - 1);
    app.update(Action::Down);
    assert_eq!(app.library.selected(), app.library.clauses().len() - 1);
    app.update(Action::First);
    assert_eq!(app.library.selected(), 0);
    app.update(Action::PageDown);
    assert!(app.library.selected() > 1);
    app.update(Action::PageUp);
    assert_eq!(app.library.selected(), 0);
    app.update(Action::FocusNext);
    app.update(Action::Last);
    assert_eq!(app.selected_entry(), Entry::Closing);
}

#[test]
fn search_filters_live_and_enter_keeps_the_filter() {
    let mut app = app();
    app.update(Action::FocusNext);
    app.update(Action::Search);
    assert_eq!(app.focus, Focus::Library);
    assert!(matches!(app.mode, Mode::Search));
    type_text(&mut app, "digital innovation");
    let best = app.library.matches[0];
    assert_eq!(app.library.clauses()[best].id, "digital-innovation");
    assert!(app.library.matches.len() < app.library.clauses().len());
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.library.filter, "digital innovation");
    app.update(Action::Search);
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(app.library.filter, "");
    assert_eq!(app.library.matches.len(), app.library.clauses().len());
}

#[test]
fn a_clause_is_added_after_the_selected_paragraph_of_its_section_with_a_fresh_id() {
    let mut app = app();
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::Search);
    type_text(&mut app, "digital innovation");
    app.update(Action::SearchAccept);
    app.update(Action::AddClause);
    let added = &app.declaration().operative[1].id;
    assert!(added.starts_with("digital-innovation-"), "{added}");
    assert_eq!(
        ids(&app, Section::Operative),
        ["approach", added.as_str(), "return", "commit"]
    );
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1)
    );
    assert_eq!(
        app.declaration().operative[1].clause.as_deref(),
        Some("digital-innovation")
    );
    let first = app.declaration().operative[1].id.clone();
    let before = app.declaration().clone();
    app.update(Action::AddClause);
    let Mode::Prompt(prompt) = &app.mode else {
        panic!("adding a clause twice asks first");
    };
    assert_eq!(
        prompt.question(),
        "The clause digital-innovation is already in the draft, as operative paragraph (b). Add it a second time?"
    );
    app.update(Action::No);
    assert_eq!(*app.declaration(), before);
    assert_eq!(
        app.message.as_deref(),
        Some("not added: digital-innovation stays once, as operative paragraph (b)")
    );
    app.update(Action::AddClause);
    app.update(Action::Yes);
    let second = &app.declaration().operative[2].id;
    assert!(
        second.starts_with("digital-innovation-") && *second != first,
        "{second}"
    );
    assert!(app.is_modified());
}

#[test]
fn a_clause_of_the_other_section_goes_to_the_end_of_its_own() {
    let mut app = app();
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    let preambular = app
        .library
        .matches
        .iter()
        .position(|&i| app.library.clauses()[i].section == Section::Preamble)
        .unwrap();
    app.library.select(preambular);
    app.update(Action::AddClause);
    assert_eq!(app.declaration().preamble.len(), 3);
    assert_eq!(app.selected_entry(), Entry::Paragraph(Section::Preamble, 2));
}

#[test]
fn editing_a_paragraph_sets_text_and_items_and_esc_keeps_it() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Operative, 1));
    app.update(Action::Edit);
    assert!(matches!(app.mode, Mode::Editor(_)));
    type_text(&mut app, " more");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    type_text(&mut app, "- reporting annually.");
    app.update(Action::KeepEdit);
    let paragraph = &app.declaration().operative[1];
    assert_eq!(
        paragraph.items[1],
        "guaranteeing return in a humane manner. more"
    );
    assert_eq!(paragraph.items.len(), 3);
    assert_eq!(paragraph.items[2], "reporting annually.");
}

#[test]
fn ctrl_c_in_the_editor_discards_the_edit() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Chapeau);
    app.update(Action::Edit);
    type_text(&mut app, "xyz");
    app.handle_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.declaration().chapeau,
        "To this end the Ministers agree:"
    );
    assert!(!app.is_modified());
    assert!(!app.should_quit, "Ctrl-c in the editor does not quit");
}

#[test]
fn a_new_paragraph_left_empty_is_not_added() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Preamble, 0));
    app.update(Action::NewParagraph);
    assert_eq!(app.declaration().preamble.len(), 3);
    app.update(Action::KeepEdit);
    assert_eq!(app.declaration().preamble.len(), 2);
    assert!(!app.is_modified());
    app.update(Action::NewParagraph);
    type_text(&mut app, "Recognising the need,");
    app.update(Action::KeepEdit);
    assert_eq!(app.declaration().preamble[1].text, "Recognising the need,");
    app.update(Action::Undo);
    assert_eq!(
        app.declaration().preamble.len(),
        2,
        "one undo removes the whole new paragraph"
    );
}

#[test]
fn delete_and_move_and_undo_redo_every_step() {
    let mut app = app();
    app.update(Action::FocusNext);
    let original = app.declaration().clone();
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::MoveDown);
    assert_eq!(
        ids(&app, Section::Operative),
        ["return", "approach", "commit"]
    );
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1)
    );
    app.update(Action::MoveUp);
    select(&mut app, Entry::Paragraph(Section::Preamble, 0));
    app.update(Action::MoveUp);
    assert_eq!(
        app.message.as_deref(),
        Some("already the first paragraph of the preamble")
    );
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::Delete);
    assert_eq!(ids(&app, Section::Operative), ["return", "commit"]);
    let after = app.declaration().clone();
    app.update(Action::Undo);
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(*app.declaration(), original);
    assert!(!app.is_modified());
    app.update(Action::Undo);
    assert_eq!(app.message.as_deref(), Some("nothing to undo"));
    app.update(Action::Redo);
    app.update(Action::Redo);
    app.update(Action::Redo);
    assert_eq!(*app.declaration(), after);
    app.update(Action::Redo);
    assert_eq!(app.message.as_deref(), Some("nothing to redo"));
}

#[test]
fn only_paragraphs_are_deleted() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Opening);
    app.update(Action::Delete);
    assert!(app.message.as_deref().unwrap().contains("only paragraphs"));
    assert!(!app.is_modified());
}

#[test]
fn the_cover_note_form_validates_and_keeps_its_fields() {
    let mut app = app();
    app.update(Action::EditHeader);
    let Mode::HeaderForm(_) = app.mode else {
        panic!("form expected")
    };
    for _ in 0..2 {
        app.update(Action::NextField);
    }
    app.handle_key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
    app.update(Action::KeepEdit);
    assert!(
        app.message.as_deref().unwrap().contains("is not a date"),
        "{:?}",
        app.message
    );
    assert!(
        matches!(app.mode, Mode::HeaderForm(_)),
        "the form stays open on a bad date"
    );
    app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    for _ in 0..3 {
        app.update(Action::NextField);
    }
    for _ in 0..3 {
        app.handle_key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
    }
    type_text(&mut app, "2");
    app.update(Action::KeepEdit);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.declaration().header.revision, 2);
    assert_eq!(app.declaration().header.printed_number(), "6093/2/09 REV 2");
    app.update(Action::Undo);
    assert_eq!(app.declaration().header.revision, 1);
}

/// An app on a copy of the small draft, with its last paragraph deleted and not saved.
fn app_with_an_unsaved_deletion(dir: &std::path::Path) -> (App, std::path::PathBuf) {
    let path = dir.join("draft.toml");
    std::fs::copy(fixture("small.toml"), &path).unwrap();
    let mut app = app();
    app.path = Some(path.clone());
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Operative, 2));
    app.update(Action::Delete);
    (app, path)
}

#[test]
fn save_writes_the_draft_and_quit_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_an_unsaved_deletion(dir.path());
    app.update(Action::Quit);
    assert!(matches!(app.mode, Mode::Prompt(_)));
    app.update(Action::Cancel);
    assert!(!app.should_quit);
    app.update(Action::Quit);
    app.update(Action::Yes);
    Files::default().run(&mut app);
    assert!(app.should_quit);
    let saved = draft_file::load(&path).unwrap().declaration;
    assert_eq!(saved, *app.declaration());
    assert_eq!(saved.operative.len(), 2);
}

#[test]
fn quit_without_saving_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_an_unsaved_deletion(dir.path());
    app.update(Action::Quit);
    app.update(Action::No);
    Files::default().run(&mut app);
    assert!(app.should_quit);
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(fixture("small.toml")).unwrap()
    );
}

#[test]
fn an_untitled_draft_asks_for_a_file_name_on_first_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app();
    app.path = None;
    app.update(Action::AddClause);
    app.update(Action::Save);
    assert!(matches!(app.mode, Mode::Typing(_)));
    let name = dir.path().join("new.toml");
    type_text(&mut app, name.to_str().unwrap());
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    Files::default().run(&mut app);
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.message);
    assert_eq!(app.path.as_deref(), Some(name.as_path()));
    assert_eq!(
        draft_file::load(&name).unwrap().declaration,
        *app.declaration()
    );
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app();
    app.update(Action::Help);
    app.update(Action::Down);
    assert!(matches!(&app.mode, Mode::Help(help) if help.scroll == 1));
    app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn read_only_refuses_changes() {
    let mut app = app();
    app.read_only = true;
    app.update(Action::AddClause);
    app.update(Action::Save);
    assert!(!app.is_modified());
    assert!(app.message.as_deref().unwrap().contains("read-only"));
    // The hint bar offers nothing that would change the draft: only reading, finding and
    // checking.
    app.update(Action::FocusNext);
    let offered: Vec<Action> = app.commands().into_iter().map(|(_, a)| a).collect();
    for refused in [
        Action::Edit,
        Action::NewParagraph,
        Action::Delete,
        Action::Circulate,
        Action::Save,
        Action::Numbering,
        Action::MoveUp,
    ] {
        assert!(!offered.contains(&refused), "{refused:?} offered read-only");
    }
    for kept in [Action::Redline, Action::Find, Action::Check, Action::Help] {
        assert!(offered.contains(&kept), "{kept:?} not offered read-only");
    }
}

#[test]
fn the_form_stops_at_its_first_and_last_fields() {
    let mut app = app();
    app.update(Action::EditHeader);
    app.update(Action::PreviousField);
    let Mode::HeaderForm(form) = &app.mode else {
        panic!("form expected")
    };
    assert_eq!(form.current, 0, "Up from the first field stays there");
    let last = form.fields.len() - 1;
    for _ in 0..=last {
        app.update(Action::NextField);
    }
    let Mode::HeaderForm(form) = &app.mode else {
        panic!("form expected")
    };
    assert_eq!(form.current, last, "Down from the last field stays there");
    app.update(Action::DiscardEdit);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.is_modified());
}

#[test]
fn the_external_editor_is_asked_for_and_its_text_applied() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Operative, 1));
    app.update(Action::EditExternal);
    let Some(Effect::ExternalEdit { entry, text }) = app.take_effects().pop() else {
        panic!("the shell is asked to run the editor")
    };
    assert_eq!(entry, Entry::Paragraph(Section::Operative, 1));
    assert_eq!(
        text,
        "This partnership will address **return** by:\n- prioritising voluntary return,\n- guaranteeing return in a humane manner."
    );
    app.take_in(Outcome::Edited {
        entry,
        text: text.replace("voluntary", "assisted voluntary"),
    });
    assert_eq!(
        app.declaration().operative[1].items[0],
        "prioritising assisted voluntary return,"
    );
    app.update(Action::Undo);
    assert!(!app.is_modified());
}

#[test]
fn recovery_prompt_yes_takes_the_recovered_text_and_no_keeps_the_file() {
    use chapeau::tui::app::Prompt;
    let mut recovered = app().declaration().clone();
    recovered.closing = "Recovered closing.".into();
    let mut app = app();
    app.mode = Mode::Prompt(Prompt::Recover {
        time: "09:15".into(),
        recovered: Box::new(recovered.clone()),
    });
    app.update(Action::Yes);
    assert_eq!(*app.declaration(), recovered);
    assert!(app.is_modified(), "recovered work is unsaved until Ctrl-s");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("recovery.toml");
    std::fs::write(&file, "x").unwrap();
    let mut app = self::app();
    let mut files = Files {
        recovery_file: Some(file.clone()),
        ..Files::default()
    };
    app.mode = Mode::Prompt(Prompt::Recover {
        time: "09:15".into(),
        recovered: Box::new(recovered),
    });
    app.update(Action::No);
    files.run(&mut app);
    assert!(!app.is_modified());
    assert!(!file.exists(), "declining discards the recovery file");
}

#[test]
fn the_lock_question_offers_read_only_open_anyway_or_quit() {
    use chapeau::tui::app::Prompt;
    for (answer, read_only, quits) in [
        (Action::ReadOnly, true, false),
        (Action::OpenAnyway, false, false),
        (Action::Cancel, false, true),
    ] {
        let mut app = app();
        app.mode = Mode::Prompt(Prompt::Locked { pid: Some(4242) });
        app.update(Action::Yes);
        assert!(
            matches!(app.mode, Mode::Prompt(_)),
            "only the offered answers count"
        );
        app.update(answer);
        assert_eq!(
            (app.read_only, app.should_quit),
            (read_only, quits),
            "{answer:?}"
        );
    }
}

#[test]
fn escape_on_the_recovery_question_sets_the_file_aside() {
    use chapeau::tui::app::Prompt;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("draft.toml");
    std::fs::write(&file, "x").unwrap();
    let mut app = app();
    let mut files = Files {
        recovery_file: Some(file.clone()),
        ..Files::default()
    };
    let recovered = app.declaration().clone();
    app.mode = Mode::Prompt(Prompt::Recover {
        time: "09:15".into(),
        recovered: Box::new(recovered),
    });
    app.update(Action::Cancel);
    files.run(&mut app);
    assert!(!file.exists());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.set-aside.toml")).unwrap(),
        "x"
    );
    assert!(app.message.as_deref().unwrap().contains("set aside"));
}

#[test]
fn text_being_typed_is_part_of_the_work_in_progress() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Closing);
    app.update(Action::Edit);
    let before = app.changes();
    type_text(&mut app, " Soon");
    assert!(
        app.changes() > before,
        "typing counts as a change for the recovery file"
    );
    assert!(
        app.work_in_progress()
            .closing
            .ends_with("in due time. Soon")
    );
    let saved = small();
    assert_eq!(
        *app.declaration(),
        saved,
        "the draft itself changes only when the edit is kept"
    );
}

#[test]
fn a_paragraph_of_items_alone_is_refused_and_the_editor_stays_open() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::NewParagraph);
    type_text(&mut app, "- only an item");
    app.update(Action::KeepEdit);
    assert!(
        matches!(app.mode, Mode::Editor(_)),
        "nothing typed is thrown away"
    );
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("text on the first line")
    );
}

#[test]
fn a_draft_changed_on_disk_is_not_overwritten_without_asking() {
    use chapeau::tui::app::Prompt;
    let dir = tempfile::tempdir().unwrap();
    let (mut app, path) = app_with_an_unsaved_deletion(dir.path());
    let mut files = Files::default();
    files.note_disk_state(Some(&path));
    let theirs = std::fs::read_to_string(&path)
        .unwrap()
        .replace("in due time", "by June");
    std::fs::write(&path, &theirs).unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(later)
        .unwrap();

    app.update(Action::Save);
    files.run(&mut app);
    assert!(matches!(app.mode, Mode::Prompt(Prompt::ChangedOnDisk)));
    app.update(Action::No);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        theirs,
        "their change is kept"
    );
    assert!(app.is_modified());

    app.update(Action::Save);
    files.run(&mut app);
    app.update(Action::Yes);
    files.run(&mut app);
    assert!(!app.is_modified());
    assert_eq!(
        draft_file::load(&path).unwrap().declaration,
        *app.declaration()
    );
    app.update(Action::Save);
    files.run(&mut app);
    assert!(
        matches!(app.mode, Mode::Normal),
        "after our own save, no question"
    );
}

fn example_app() -> App {
    let declaration = draft_file::load(&common::example()).unwrap().declaration;
    App::new(
        declaration,
        None,
        ClauseLibrary::bundled(),
        Keymap::default(),
        Theme { color: true },
    )
}

#[test]
fn r_shows_the_changes_since_the_last_revision_and_n_walks_through_them() {
    let mut app = example_app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::Delete);
    select(&mut app, Entry::Paragraph(Section::Operative, 5));
    app.update(Action::Delete);
    app.update(Action::Redline);
    let Mode::Redline(view) = &app.mode else {
        panic!("the redline opens")
    };
    assert_eq!(
        app.message.as_deref(),
        Some("since 6093/1/09 REV 1: 0 inserted, 2 deleted, 0 moved, 0 amended, 35 unchanged")
    );
    // Block 0 is the cover note; paragraph i is block i + 1.
    let first = view.top;
    assert_eq!(
        view.redline.paragraphs[first - 1].status,
        chapeau::redline::Status::Deleted
    );
    app.update(Action::NextChange);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert!(view.top > first);
    assert_eq!(
        view.redline.paragraphs[view.top - 1].status,
        chapeau::redline::Status::Deleted
    );
    app.update(Action::PreviousChange);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!(view.top, first);
    // The view scrolls to the cover note and to the end, a page at a time or at once.
    app.update(Action::First);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!(view.top, 0);
    app.update(Action::PageDown);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!(view.top, 5);
    app.update(Action::Last);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!(view.top, view.redline.paragraphs.len());
    app.update(Action::CloseRedline);
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn c_circulates_after_asking_and_saves() {
    use chapeau::tui::app::Prompt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("prague.toml");
    std::fs::copy(common::example(), &path).unwrap();
    let mut app = example_app();
    app.path = Some(path.clone());
    app.update(Action::FocusNext);
    app.update(Action::Circulate);
    assert!(
        app.message.as_deref().unwrap().contains("nothing changed"),
        "{:?}",
        app.message
    );
    select(&mut app, Entry::Paragraph(Section::Preamble, 1));
    app.update(Action::Delete);
    // A cover note dated before REV 1 is not used, nor any other date stamped: the drafter
    // types one, and one before REV 1 is refused too.
    let mut header = app.declaration().header.clone();
    header.date = Some(chapeau::cover_note::read_date("2009-02-01").unwrap());
    app.document.set_header(header.clone());
    app.update(Action::Circulate);
    assert!(matches!(app.mode, Mode::Typing(_)));
    assert_eq!(
        app.message.as_deref(),
        Some(
            "the cover note's date 2009-02-01 is earlier than REV 1, circulated on 2009-02-11: type the date to circulate with"
        )
    );
    app.handle_paste("2009-01-01");
    app.update(Action::Yes);
    assert!(matches!(app.mode, Mode::Typing(_)));
    assert_eq!(
        app.message.as_deref(),
        Some(
            "the date 2009-01-01 is earlier than REV 1, circulated on 2009-02-11: type another date"
        )
    );
    app.update(Action::Cancel);
    // The revision carries the cover note's date when it can.
    header.date = Some(chapeau::cover_note::read_date("2009-03-02").unwrap());
    app.document.set_header(header);
    app.update(Action::Circulate);
    let Mode::Prompt(prompt @ Prompt::Circulate { .. }) = &app.mode else {
        panic!("a question first")
    };
    assert!(
        prompt
            .question()
            .starts_with("Circulate the working text as 6093/2/09 REV 2, dated 2009-03-02?")
    );
    app.update(Action::Yes);
    Files::default().run(&mut app);
    assert_eq!(
        app.message.as_deref(),
        Some("circulated 6093/2/09 REV 2 on 2009-03-02, and saved")
    );
    let saved = draft_file::load(&path).unwrap().declaration;
    assert_eq!(saved.revisions.len(), 3);
    assert_eq!(saved.revisions[2].date.to_string(), "2009-03-02");
    assert_eq!(saved.revisions[2].text.preamble.len(), 16);
}

#[test]
fn any_two_revisions_can_be_compared_and_shown_side_by_side() {
    let mut app = example_app();
    app.update(Action::FocusNext);
    app.update(Action::Redline);
    app.update(Action::EarlierFrom);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!((view.from, view.to), (0, None));
    app.update(Action::EarlierTo);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!((view.from, view.to), (0, Some(1)));
    assert_eq!(
        app.message.as_deref(),
        Some(
            "6093/09 → 6093/1/09 REV 1: 3 inserted, 0 deleted, 2 moved, 6 amended, 26 unchanged, 2 cover-note fields changed"
        )
    );
    app.update(Action::EarlierTo);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!(view.to, Some(1), "to never goes before from");
    app.update(Action::SideBySide);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert!(view.side_by_side);
    app.update(Action::LaterTo);
    let Mode::Redline(view) = &app.mode else {
        panic!()
    };
    assert_eq!((view.to, view.side_by_side), (None, true));
}

#[test]
fn a_paste_goes_into_the_editor_and_is_refused_elsewhere() {
    let mut app = example_app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Preamble, 1));
    let before = app.declaration().clone();
    app.handle_paste("dddd");
    assert_eq!(app.declaration(), &before, "nothing deleted");
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("a paste goes into the text being edited: press e")),
        "{:?}",
        app.message
    );
    app.update(Action::Edit);
    app.handle_paste("Pasted words ");
    app.update(Action::KeepEdit);
    assert!(
        app.declaration().preamble[1].text.contains("Pasted words"),
        "{}",
        app.declaration().preamble[1].text
    );
    app.update(Action::Search);
    app.handle_paste("brain drain\nsecond line");
    assert_eq!(app.library.filter, "brain drain");
}

/// A first save into a folder that does not exist says so and keeps the name prompt open; the
/// draft keeps no name until a save succeeds. Save As gives a named draft another name.
#[test]
fn a_failed_first_save_asks_again_and_save_as_renames() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = App::new(
        chapeau::draft_file::skeleton(),
        None,
        ClauseLibrary::bundled(),
        Keymap::default(),
        Theme { color: false },
    );
    app.update(Action::Save);
    assert!(matches!(app.mode, Mode::Typing(_)));
    let missing = dir.path().join("nodir").join("x.toml");
    app.handle_paste(missing.to_str().unwrap());
    app.update(Action::Yes);
    Files::default().run(&mut app);
    assert!(matches!(app.mode, Mode::Typing(_)), "the prompt stays open");
    assert_eq!(app.path, None);
    assert_eq!(
        app.message.as_deref(),
        Some(
            format!(
                "not saved: there is no folder {}: type another name",
                dir.path().join("nodir").display()
            )
            .as_str()
        )
    );
    app.update(Action::Cancel);
    let first = dir.path().join("first.toml");
    app.update(Action::SaveAs);
    app.handle_paste(first.to_str().unwrap());
    app.update(Action::Yes);
    Files::default().run(&mut app);
    assert_eq!(app.path.as_deref(), Some(first.as_path()));
    let second = dir.path().join("second.toml");
    app.update(Action::SaveAs);
    app.handle_paste(second.to_str().unwrap());
    app.update(Action::Yes);
    Files::default().run(&mut app);
    assert_eq!(app.path.as_deref(), Some(second.as_path()));
    assert!(first.exists() && second.exists());
}

/// A new search starts empty, as in every editor; the one before is a key away.
#[test]
fn a_new_search_starts_empty_and_the_last_is_a_key_away() {
    let mut app = example_app();
    app.update(Action::Search);
    app.handle_paste("thank");
    app.update(Action::SearchAccept);
    assert_eq!(app.library.filter, "thank");
    app.update(Action::Search);
    assert_eq!(app.library.filter, "");
    app.handle_paste("labour mobility");
    assert_eq!(app.library.filter, "labour mobility");
    assert!(!app.library.matches.is_empty(), "labour mobility matches");
    app.update(Action::SearchClear);
    app.update(Action::Search);
    app.update(Action::RecallSearch);
    assert_eq!(app.library.filter, "labour mobility");
}

/// Emptying an unplaced passage in the editor removes it: no empty passage is saved.
#[test]
fn an_emptied_unplaced_passage_is_gone() {
    let mut declaration = small();
    declaration.unplaced = vec!["Stray words.".into(), "More stray words.".into()];
    let mut document = chapeau::document::Document::new(declaration);
    document.write(Entry::Unplaced(0), "   ", true).unwrap();
    assert_eq!(document.declaration().unplaced, ["More stray words."]);
}

/// The external editor on the cover note says where the cover note is edited.
#[test]
fn the_external_editor_on_the_cover_note_points_to_its_form() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Header);
    app.update(Action::EditExternal);
    assert!(app.take_effects().is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("the cover note is filled in field by field: press H for its form")
    );
}

/// Paragraphs move in reading order across the chapeau, and an unplaced passage moves up
/// into the operative part as a paragraph of its own (its "- " lines as items); one undo
/// takes each move back.
#[test]
fn paragraphs_cross_the_chapeau_and_unplaced_text_becomes_a_paragraph() {
    let mut declaration = small();
    declaration.unplaced = vec!["Agree to meet again:\n- in spring,\n- in autumn.".into()];
    let mut app = app_on_declaration(declaration);
    let preamble = ids(&app, Section::Preamble);
    let operative = ids(&app, Section::Operative);
    app.update(Action::FocusNext);
    select(
        &mut app,
        Entry::Paragraph(Section::Preamble, preamble.len() - 1),
    );
    app.update(Action::MoveDown);
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 0)
    );
    assert_eq!(ids(&app, Section::Operative)[0], *preamble.last().unwrap());
    assert_eq!(ids(&app, Section::Preamble), preamble[..preamble.len() - 1]);
    assert_eq!(
        app.message.as_deref(),
        Some("now operative paragraph (a); K and J move it further")
    );
    app.update(Action::MoveUp);
    assert_eq!(ids(&app, Section::Preamble), preamble);
    assert_eq!(ids(&app, Section::Operative), operative);
    assert_eq!(
        app.message.as_deref(),
        Some("now the last preambular paragraph; K and J move it further")
    );

    select(&mut app, Entry::Unplaced(0));
    app.update(Action::MoveDown);
    assert!(
        app.message
            .as_deref()
            .unwrap()
            .contains("unplaced text moves up only")
    );
    app.update(Action::MoveUp);
    let placed = Entry::Paragraph(Section::Operative, operative.len());
    assert_eq!(app.selected_entry(), placed);
    assert!(app.declaration().unplaced.is_empty());
    let paragraph = app.declaration().operative.last().unwrap();
    assert_eq!(paragraph.text, "Agree to meet again:");
    assert_eq!(paragraph.items, ["in spring,", "in autumn."]);
    assert!(paragraph.id.starts_with("agree-"), "{}", paragraph.id);
    assert!(!operative.contains(&paragraph.id));
    let placed_id = paragraph.id.clone();
    app.update(Action::MoveUp);
    assert_eq!(
        ids(&app, Section::Operative)[operative.len() - 1],
        placed_id
    );
    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(
        app.declaration().unplaced,
        ["Agree to meet again:\n- in spring,\n- in autumn."]
    );
    assert_eq!(ids(&app, Section::Operative), operative);
}

/// `#` goes round lettered, numbered and unnumbered operative paragraphs, each an undoable
/// change; read-only refuses it.
#[test]
fn numbering_is_switched_round_and_undone() {
    use chapeau::model::Numbering;
    let mut app = app();
    app.update(Action::FocusNext);
    app.update(Action::Numbering);
    assert_eq!(app.declaration().numbering, Numbering::Numbers);
    assert_eq!(
        app.message.as_deref(),
        Some("operative paragraphs numbered 1., 2., 3. (# to switch again, u to undo)")
    );
    app.update(Action::Numbering);
    assert_eq!(app.declaration().numbering, Numbering::None);
    app.update(Action::Numbering);
    assert_eq!(app.declaration().numbering, Numbering::Letters);
    app.update(Action::Undo);
    assert_eq!(app.declaration().numbering, Numbering::None);
    app.read_only = true;
    app.update(Action::Numbering);
    assert_eq!(app.declaration().numbering, Numbering::None);
}

/// `f` asks for words, selects the first part holding them from the selection on, and `n`
/// and `N` go round the parts that hold them (case, accents and curly quotes aside).
#[test]
fn find_goes_round_the_parts_that_hold_the_words() {
    let mut app = app();
    app.update(Action::FocusNext);
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::Find);
    type_text(&mut app, "RETURN");
    app.update(Action::Yes);
    assert_eq!(app.outline.found, "RETURN");
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1)
    );
    assert_eq!(
        app.message.as_deref(),
        Some("“RETURN”: 1 of 1 part (n next, N previous)")
    );
    app.update(Action::Find);
    type_text(&mut app, "partnership");
    app.update(Action::Yes);
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1),
        "a selected part that holds the words stays selected"
    );
    assert_eq!(
        app.message.as_deref(),
        Some("“partnership”: 5 of 5 parts (n next, N previous)")
    );
    app.update(Action::NextHit);
    assert_eq!(
        app.selected_entry(),
        Entry::Header,
        "round to the cover note's subject"
    );
    app.update(Action::NextHit);
    assert_eq!(app.selected_entry(), Entry::Titles);
    app.update(Action::PreviousHit);
    app.update(Action::PreviousHit);
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1)
    );
    app.update(Action::Find);
    type_text(&mut app, "unheard of");
    app.update(Action::Yes);
    assert_eq!(app.message.as_deref(), Some("no “unheard of” in the draft"));
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1)
    );
}

/// `!` lists the check's findings over the draft; Enter goes to the paragraph of the one
/// selected and says it in the status line.
#[test]
fn check_findings_are_listed_and_enter_goes_to_the_paragraph() {
    let mut declaration = small();
    declaration.operative[1].text = "This partnership will address  return by:".into();
    let mut app = app_on_declaration(declaration);
    app.update(Action::Check);
    let Mode::Findings(findings) = &app.mode else {
        panic!("the findings are listed");
    };
    let doubled = findings
        .found
        .iter()
        .position(|(_, message)| message.contains("doubled space"))
        .expect("the doubled space is found");
    assert_eq!(
        findings.found[doubled].0,
        Entry::Paragraph(Section::Operative, 1)
    );
    for _ in 0..doubled {
        app.update(Action::Down);
    }
    app.update(Action::Jump);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.focus, Focus::Draft);
    assert_eq!(
        app.selected_entry(),
        Entry::Paragraph(Section::Operative, 1)
    );
    assert!(app.message.as_deref().unwrap().contains("doubled space"));
    app.update(Action::Check);
    app.update(Action::CloseFindings);
    assert!(matches!(app.mode, Mode::Normal));
}

/// The question before circulating says what the text still holds in square brackets.
#[test]
fn circulating_asks_with_the_brackets_left_in_the_text() {
    let mut declaration = small();
    declaration.operative[2].text = "We commit ourselves to [addressing] the challenges.".into();
    let mut app = app_on_declaration(declaration);
    app.update(Action::FocusNext);
    app.update(Action::Circulate);
    let Mode::Prompt(prompt) = &app.mode else {
        panic!("a question first: {:?}", app.message)
    };
    assert!(
        prompt.question().starts_with(
            "The text still holds 1 passage in square brackets ([addressing]). Circulate the working text as"
        ),
        "{}",
        prompt.question()
    );
}

/// Once revisions are circulated the form does not offer the revision number (the working
/// text is the next revision), and keeping the form keeps it.
#[test]
fn the_form_leaves_the_revision_to_the_revisions() {
    let mut app = example_app();
    app.update(Action::EditHeader);
    let Mode::HeaderForm(form) = &app.mode else {
        panic!("form expected")
    };
    assert!(form.fields.iter().all(|(field, _)| field.key != "revision"));
    let before = app.declaration().header.clone();
    app.update(Action::KeepEdit);
    assert_eq!(app.declaration().header, before);

    let mut fresh = self::app();
    fresh.update(Action::EditHeader);
    let Mode::HeaderForm(form) = &fresh.mode else {
        panic!("form expected")
    };
    assert!(form.fields.iter().any(|(field, _)| field.key == "revision"));
}

/// A paragraph with a clause's very text (an imported draft names no clause) is the clause
/// already in the draft: adding it asks first.
#[test]
fn a_clause_whose_text_is_already_in_the_draft_asks_first() {
    let mut app = app();
    select(&mut app, Entry::Paragraph(Section::Operative, 0));
    app.update(Action::Search);
    type_text(&mut app, "digital innovation");
    app.update(Action::SearchAccept);
    app.update(Action::AddClause);
    let mut declaration = app.declaration().clone();
    declaration.operative[1].clause = None;
    app.document.replace(declaration);
    app.update(Action::AddClause);
    assert!(matches!(app.mode, Mode::Prompt(_)), "{:?}", app.message);
}
