//! The real binary in a real terminal (tmux): keys sent as a drafter types them, the screen
//! read back, and the files on disk checked.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chapeau::draft_file;
use common::example;
use common::tmux::Tmux;

fn copy_of_example(dir: &Path) -> PathBuf {
    let draft = dir.join("prague.toml");
    std::fs::copy(example(), &draft).unwrap();
    draft
}

fn clause_ids(draft: &Path) -> Vec<String> {
    let declaration = draft_file::load(draft).unwrap().declaration;
    declaration
        .preamble
        .iter()
        .chain(&declaration.operative)
        .filter_map(|p| p.clause.clone())
        .collect()
}

#[test]
fn search_add_save_undo_save_quit() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let original = draft_file::load(&draft).unwrap().declaration;
    let tmux = Tmux::new("add");
    tmux.start(dir.path(), "prague.toml");

    tmux.keys(&["/"]);
    tmux.text("digital innovation");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("added digital-innovation");
    tmux.keys(&["C-s"]);
    tmux.wait_for("saved prague.toml");
    assert!(clause_ids(&draft).contains(&"digital-innovation".to_string()));
    let saved = draft_file::load(&draft).unwrap().declaration;
    assert_eq!(saved.operative.len(), original.operative.len() + 1);

    tmux.keys(&["u"]);
    tmux.wait_for("undone");
    tmux.keys(&["C-s"]);
    tmux.wait_for("saved prague.toml");
    tmux.keys(&["q"]);
    let start = Instant::now();
    while !tmux.pid().is_empty() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(draft_file::load(&draft).unwrap().declaration, original);
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        std::fs::read_to_string(example()).unwrap(),
        "after undo, the saved file is the original byte for byte, comments included"
    );
    assert!(
        tmux.recovery_folder().is_empty(),
        "a clean quit leaves no recovery file"
    );
}

/// chapeau on `dir`/prague.toml with a clause added and not saved, once the recovery file
/// holds it.
fn unsaved_work_in(name: &str, dir: &std::path::Path) -> Tmux {
    let tmux = Tmux::new(name);
    tmux.start(dir, "prague.toml");
    tmux.keys(&["/"]);
    tmux.text("digital innovation");
    tmux.keys(&["Enter", "Enter"]);
    tmux.wait_for("added digital-innovation");
    let start = Instant::now();
    while tmux.recovery_files().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(3),
            "the recovery file is written within 2 seconds"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux
}

#[test]
fn quitting_without_saving_lets_the_recovery_file_go() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let before = std::fs::read(&draft).unwrap();
    let tmux = unsaved_work_in("dont-save", dir.path());
    let pid = tmux.pid();
    tmux.keys(&["q"]);
    tmux.wait_for("Save changes before quitting?");
    tmux.keys(&["n"]);
    let start = Instant::now();
    while common::is_running(&pid) {
        assert!(start.elapsed() < Duration::from_secs(10), "chapeau ended");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(std::fs::read(&draft).unwrap(), before, "nothing saved");
    assert!(
        tmux.recovery_folder().is_empty(),
        "\"don't save\" lets the unsaved work go: {:?}",
        tmux.recovery_folder()
    );
}

#[test]
fn a_killed_session_is_recovered_on_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let before = std::fs::read(&draft).unwrap();
    let tmux = unsaved_work_in("kill", dir.path());
    let pid = tmux.pid();
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "the draft itself is untouched"
    );
    tmux.tmux(&["kill-server"]);

    let tmux2 = Tmux {
        socket: format!("{}-again", tmux.socket),
        config: tempfile::tempdir().unwrap(),
        data: tempfile::tempdir().unwrap(),
    };
    std::fs::create_dir_all(tmux2.data.path().join("recovery")).unwrap();
    for file in tmux.recovery_files() {
        std::fs::copy(
            &file,
            tmux2
                .data
                .path()
                .join("recovery")
                .join(file.file_name().unwrap()),
        )
        .unwrap();
    }
    tmux2.start(dir.path(), "prague.toml");
    tmux2.wait_for("Recover unsaved changes from");
    tmux2.keys(&["y"]);
    tmux2.wait_for("recovered");
    tmux2.keys(&["C-s"]);
    tmux2.wait_for("saved prague.toml");
    tmux2.keys(&["q"]);
    assert!(clause_ids(&draft).contains(&"digital-innovation".to_string()));
}

#[test]
fn a_second_chapeau_on_the_same_draft_is_warned_and_can_read_only() {
    let dir = tempfile::tempdir().unwrap();
    copy_of_example(dir.path());
    let first = Tmux::new("first");
    first.start(dir.path(), "prague.toml");
    let second = Tmux::new("second");
    second.start_with(dir.path(), "prague.toml", first.data.path(), "");
    let screen = second.wait_for("already open in another chapeau (pid");
    assert!(
        screen.contains(&format!("(pid {})", first.pid())),
        "{screen}"
    );
    second.keys(&["r"]);
    second.wait_for("[read-only]");
    second.keys(&["a"]);
    second.wait_for("read-only: another chapeau has this draft open");
    second.keys(&["q"]);
    // Whoever opened it second, the lock stays with the first: a third is warned too.
    let third = Tmux::new("third");
    third.start_with(dir.path(), "prague.toml", first.data.path(), "");
    third.wait_for("already open in another chapeau (pid");
    third.keys(&["o"]);
    third.keys(&["q"]);
    let fourth = Tmux::new("fourth");
    fourth.start_with(dir.path(), "prague.toml", first.data.path(), "");
    fourth.wait_for("already open in another chapeau (pid");
    fourth.keys(&["Escape"]);
    first.keys(&["q"]);
}

#[test]
fn shift_e_edits_the_paragraph_in_the_external_editor() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let tmux = Tmux::new("editor");
    tmux.start_with(
        dir.path(),
        "prague.toml",
        tmux.data.path(),
        "EDITOR='sed -i s/Thanked/Thanking/'",
    );
    // Tab to the draft; rows: cover note, titles, opening, "Gathered ...", "Thanked ...".
    tmux.keys(&["Tab", "j", "j", "j", "j", "E"]);
    tmux.wait_for("Thanking paragraphs");
    tmux.keys(&["C-s"]);
    tmux.wait_for("saved prague.toml");
    tmux.keys(&["q"]);
    let saved = draft_file::load(&draft).unwrap().declaration;
    assert_eq!(saved.preamble[1].text, "Thanking paragraphs....,");
}

#[test]
fn a_plain_text_opens_and_the_first_save_asks_for_a_draft_name() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("rev1.txt");
    std::fs::copy(
        common::fixture("prague-2009-draft-joint-declaration-rev1.txt"),
        &text,
    )
    .unwrap();
    let before = std::fs::read(&text).unwrap();
    let tmux = Tmux::new("text");
    tmux.start(dir.path(), "rev1.txt");
    tmux.wait_for("17 preambular · 14 operative");
    tmux.keys(&["C-s"]);
    tmux.wait_for("Save the new draft as");
    tmux.text("rev1.toml");
    tmux.keys(&["Enter"]);
    tmux.wait_for("saved rev1.toml");
    tmux.keys(&["q"]);
    assert_eq!(
        std::fs::read(&text).unwrap(),
        before,
        "the text itself is never written over"
    );
    let draft = draft_file::load(&dir.path().join("rev1.toml"))
        .unwrap()
        .declaration;
    assert_eq!(draft.operative.len(), 14);
}

#[test]
fn r_shows_the_changes_and_c_circulates_them() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let tmux = Tmux::new("revise");
    tmux.start(dir.path(), "prague.toml");
    // Tab to the draft; rows: cover note, titles, opening, "Gathered ...", "Thanked ...".
    tmux.keys(&["Tab", "j", "j", "j", "j", "d"]);
    tmux.wait_for("deleted paragraph thanked");
    tmux.keys(&["r"]);
    tmux.wait_for("since 6093/1/09 REV 1: 0 inserted, 1 deleted, 0 moved, 0 amended, 36 unchanged");
    tmux.wait_for("Tracked changes: REV 1 → working");
    tmux.keys(&["Escape", "c"]);
    tmux.wait_for("Circulate the working text as 6093/2/09 REV 2");
    tmux.keys(&["y"]);
    tmux.wait_for("circulated 6093/2/09 REV 2");
    tmux.keys(&["q"]);
    let saved = draft_file::load(&draft).unwrap().declaration;
    assert_eq!(saved.revisions.len(), 3);
    assert_eq!(saved.revisions[2].text.preamble.len(), 16);
    assert!(
        std::fs::read_to_string(&draft)
            .unwrap()
            .starts_with("# The Council's REV 1")
    );
}

#[test]
fn text_cannot_set_the_window_title_or_clear_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    let draft = std::fs::read_to_string(example()).unwrap().replacen(
        "opening = \"",
        "opening = \"\\u001b]2;pwned\\u001b\\\\\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H",
        1,
    );
    std::fs::write(dir.path().join("hostile.toml"), draft).unwrap();
    let tmux = Tmux::new("hostile");
    tmux.start(dir.path(), "hostile.toml");
    let screen = tmux.wait_for("\u{241B}]2;pwned");
    assert!(screen.contains("\u{241B}[2J\u{241B}[H"), "{screen}");
    assert!(screen.contains("Clause library"), "not cleared: {screen}");
    let title = tmux.tmux(&["display-message", "-p", "-t", "0", "#{pane_title}"]);
    assert!(!title.contains("pwned"), "the title is {title:?}");
}

/// Closing the terminal window (or losing the remote link) ends chapeau at once, with the
/// unsaved work in the recovery file, instead of leaving it running without a terminal.
#[test]
fn closing_the_terminal_keeps_the_work_and_ends_chapeau() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let before = std::fs::read(&draft).unwrap();
    let tmux = Tmux::new("hangup");
    tmux.start(dir.path(), "prague.toml");
    tmux.keys(&["Tab", "G", "k", "d"]);
    tmux.wait_for("deleted paragraph");
    let pid = tmux.pid();
    tmux.tmux(&["kill-server"]);

    let start = Instant::now();
    while common::is_running(&pid) {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "chapeau ends when its terminal goes"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "the draft is untouched"
    );
    let recovered = tmux.recovery_files();
    assert_eq!(recovered.len(), 1, "the unsaved work is kept");
    let work = draft_file::load(&recovered[0]).unwrap().declaration;
    let original = draft_file::load(&draft).unwrap().declaration;
    assert_eq!(work.operative.len(), original.operative.len() - 1);
}

/// A paste outside an editor is refused, never read as keys: "dddd" pasted over a selected
/// paragraph deletes nothing, and "cy" circulates nothing. In the search it is typed.
#[test]
fn a_paste_is_never_run_as_keystrokes() {
    let dir = tempfile::tempdir().unwrap();
    let draft = copy_of_example(dir.path());
    let before = std::fs::read(&draft).unwrap();
    let tmux = Tmux::new("paste");
    tmux.start(dir.path(), "prague.toml");
    tmux.keys(&["Tab", "j", "j"]);
    for text in ["dddd", "cy"] {
        tmux.tmux(&["set-buffer", text]);
        tmux.tmux(&["paste-buffer", "-p", "-t", "0"]);
        tmux.wait_for("a paste goes into the text being edited");
    }
    tmux.keys(&["/"]);
    tmux.tmux(&["set-buffer", "brain drain"]);
    tmux.tmux(&["paste-buffer", "-p", "-t", "0"]);
    tmux.wait_for("brain drain");
    tmux.keys(&["Escape", "q"]);
    let start = Instant::now();
    while !tmux.pid().is_empty() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "nothing deleted, nothing circulated"
    );
}

/// A second chapeau opened read-only (or anyway) on a draft with unsaved work in the first
/// leaves the first one's recovery file where it is when it quits.
#[test]
fn quitting_a_second_chapeau_keeps_the_first_ones_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_of_example(dir.path());
    let first = unsaved_work_in("keeper", dir.path());
    let kept = first.recovery_files();
    for (name, answer) in [("reader", "r"), ("anyway", "o")] {
        let second = Tmux::new(name);
        second.start_with(dir.path(), "prague.toml", first.data.path(), "");
        second.wait_for("already open in another chapeau (pid");
        let pid = second.pid();
        second.keys(&[answer, "q"]);
        let start = Instant::now();
        while common::is_running(&pid) {
            assert!(start.elapsed() < Duration::from_secs(10), "chapeau ended");
            std::thread::sleep(Duration::from_millis(20));
        }
        assert_eq!(first.recovery_files(), kept, "after the {name} session");
        assert!(kept.iter().all(|file| file.exists()));
    }
    first.tmux(&["kill-server"]);
}

/// A draft name that does not exist opens a new draft, and the screen says so.
#[test]
fn a_new_draft_says_it_is_new() {
    let dir = tempfile::tempdir().unwrap();
    let tmux = Tmux::new("newname");
    tmux.start(dir.path(), "nosuch.toml");
    tmux.wait_for("new draft: nosuch.toml does not exist yet; it is written on the first save");
    tmux.keys(&["q"]);
    assert!(!dir.path().join("nosuch.toml").exists());
}

/// In a real terminal: an unplaced passage moved up into the operative part with `K`, the
/// numbering switched with `#`, words found with `f`, then saved: the file holds it all.
#[test]
fn an_unplaced_passage_is_placed_the_numbering_switched_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let small = std::fs::read_to_string(common::fixture("small.toml")).unwrap();
    let draft = dir.path().join("small.toml");
    std::fs::write(
        &draft,
        format!("unplaced = [\"We will meet again in Rabat.\"]\n{small}"),
    )
    .unwrap();
    let tmux = Tmux::new("place");
    tmux.start(dir.path(), "small.toml");
    tmux.wait_for("Unplaced by the import");
    tmux.keys(&["Tab", "G", "K"]);
    tmux.wait_for("now operative paragraph (d)");
    tmux.keys(&["#"]);
    tmux.wait_for("operative paragraphs numbered 1., 2., 3.");
    tmux.keys(&["g", "f"]);
    tmux.wait_for("Find in the draft");
    tmux.text("rabat");
    tmux.keys(&["Enter"]);
    tmux.wait_for("“rabat”: 1 of 1 part");
    tmux.keys(&["C-s"]);
    tmux.wait_for("saved small.toml");
    tmux.keys(&["q"]);
    let saved = draft_file::load(&draft).unwrap().declaration;
    assert!(saved.unplaced.is_empty());
    assert_eq!(
        saved.operative.last().unwrap().text,
        "We will meet again in Rabat."
    );
    assert_eq!(saved.numbering, chapeau::model::Numbering::Numbers);
}
