//! A panic in the drafting screen restores the terminal, then writes the unsaved work to the
//! recovery file. (Its own test binary: the panic hook is process-wide.)

mod common;

use chapeau::draft_file;
use chapeau::library::ClauseLibrary;
use chapeau::tui::action::Action;
use chapeau::tui::app::App;
use chapeau::tui::keymap::Keymap;
use chapeau::tui::theme::Theme;
use common::fixture;

#[test]
fn a_panic_writes_the_unsaved_work_to_the_recovery_file() {
    let dir = tempfile::tempdir().unwrap();
    let declaration = draft_file::load(&fixture("small.toml"))
        .unwrap()
        .declaration;
    let mut app = App::new(
        declaration,
        Some(fixture("small.toml")),
        ClauseLibrary::bundled(),
        Keymap::default(),
        Theme { color: false },
    );
    let recovery = dir.path().join("recovery").join("small.toml");
    app.update(Action::AddClause);
    chapeau::tui::remember_for_panic(Some(&recovery), &app);
    chapeau::tui::install_panic_hook();

    let outcome = std::panic::catch_unwind(|| panic!("something unexpected"));
    assert!(outcome.is_err());
    let recovered = draft_file::load(&recovery).unwrap().declaration;
    assert_eq!(recovered, *app.declaration());
    let saved = draft_file::load(&fixture("small.toml"))
        .unwrap()
        .declaration;
    assert_ne!(recovered, saved, "the recovered work is not what was saved");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&recovery).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "LIMITE texts are readable by their owner only");
    }
}
