//! A crash at any moment of a write (kill -9, power cut) leaves the old draft or the new one,
//! never a torn file: `chapeau circulate` and a save from the drafting screen are killed
//! inside the write window (the new text whole in its temporary file, the rename not yet
//! done; the test build pauses there when asked) and the draft is read back.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use chapeau::draft_file;
use chapeau::model::Paragraph;
use common::tmux::Tmux;

/// A draft large enough that writing it takes a while: the example with many paragraphs.
fn large_draft(dir: &Path) -> std::path::PathBuf {
    let mut draft = draft_file::load(&common::example()).unwrap().declaration;
    let operative = draft.operative.clone();
    for round in 0..10 {
        draft
            .operative
            .extend(operative.iter().map(|paragraph| Paragraph {
                id: format!("{}-{round}", paragraph.id),
                ..paragraph.clone()
            }));
    }
    let path = dir.join("large.toml");
    std::fs::write(&path, draft_file::to_toml(&draft)).unwrap();
    path
}

/// Waits for the write to `path` to stop inside its window (the test build's pause between
/// the whole temporary file and the rename), which it marks with `FILE.paused`.
fn wait_inside_the_write_window(path: &Path) {
    let marker = path.with_extension("toml.paused");
    let start = Instant::now();
    while !marker.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the write of {} reached its window",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    std::fs::remove_file(marker).unwrap();
}

/// The temporary files a killed write left beside the draft: each holds the whole new text.
fn temporary_files(dir: &Path) -> Vec<Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().ends_with(".tmp"))
        .map(|path| {
            let text = std::fs::read(&path).unwrap();
            std::fs::remove_file(path).unwrap();
            text
        })
        .collect()
}

/// A write of `new` over `old` at `path`, killed inside its window, left the old draft
/// whole (the rename had not come) and the new text whole in its temporary file.
fn assert_killed_inside_the_window(path: &Path, old: &[u8], new: &[u8]) {
    let versions = [old.to_vec(), new.to_vec()];
    assert_whole(path, &versions, "inside the write window");
    assert_eq!(std::fs::read(path).unwrap(), old, "the rename had not come");
    assert_eq!(
        temporary_files(path.parent().unwrap()),
        [new],
        "killed with the new text whole in its temporary file"
    );
}

/// The draft at `path` is whole: byte for byte one of `versions`, and it loads.
fn assert_whole(path: &Path, versions: &[Vec<u8>], when: &str) {
    let now = std::fs::read(path).unwrap();
    assert!(
        versions.contains(&now),
        "killed {when}: the draft is neither the old nor a new version ({} bytes)",
        now.len()
    );
    draft_file::load(path).unwrap_or_else(|error| panic!("killed {when}: {error}"));
}

#[test]
fn circulate_killed_inside_the_write_window_leaves_the_old_draft_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_draft(dir.path());
    let old = std::fs::read(&path).unwrap();
    let chapeau = env!("CARGO_BIN_EXE_chapeau");
    let circulate = |pause: bool| {
        let mut command = Command::new(chapeau);
        command
            .args(["circulate", "large.toml", "--date", "2009-03-01"])
            .current_dir(dir.path());
        if pause {
            command.env("CHAPEAU_PAUSE_BEFORE_RENAME", &path);
        }
        command.spawn().unwrap()
    };

    assert!(circulate(false).wait().unwrap().success());
    let new = std::fs::read(&path).unwrap();
    assert!(old != new, "the run changed the draft");

    std::fs::write(&path, &old).unwrap();
    let mut child = circulate(true);
    wait_inside_the_write_window(&path);
    child.kill().unwrap();
    assert!(
        !child.wait().unwrap().success(),
        "killed before it finished"
    );
    assert_killed_inside_the_window(&path, &old, &new);
}

#[test]
fn a_save_killed_inside_the_write_window_leaves_the_old_draft_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_draft(dir.path());
    let old = std::fs::read(&path).unwrap();
    // Each session has a tmux server and a data dir of its own, so that no recovery file
    // from a killed one asks its question; a session ends before the next starts.
    let session = |name: &str, env: &str| {
        let tmux = Tmux::new(name);
        tmux.start_with(dir.path(), "large.toml", tmux.data.path(), env);
        tmux.keys(&["Tab", "G", "k", "d"]);
        tmux.wait_for("deleted paragraph");
        let pid = tmux.pid();
        (tmux, pid)
    };
    let save = |tmux: &Tmux| tmux.tmux(&["send-keys", "-t", "0", "C-s"]);
    let end = |tmux: Tmux, pid: &str, signal: &str| {
        Command::new("kill").args([signal, pid]).status().unwrap();
        drop(tmux);
        let start = Instant::now();
        while common::is_running(pid) {
            assert!(start.elapsed() < Duration::from_secs(10), "{pid} ended");
            std::thread::sleep(Duration::from_millis(20));
        }
    };

    // One save to completion gives the new version.
    let (tmux, pid) = session("kill-whole", "");
    save(&tmux);
    tmux.wait_for("saved large.toml");
    end(tmux, &pid, "-TERM");
    let new = std::fs::read(&path).unwrap();
    assert!(old != new, "the save changed the draft");

    std::fs::write(&path, &old).unwrap();
    let pause = format!("CHAPEAU_PAUSE_BEFORE_RENAME={}", path.display());
    let (tmux, pid) = session("kill-inside", &pause);
    save(&tmux);
    wait_inside_the_write_window(&path);
    end(tmux, &pid, "-KILL");
    assert_killed_inside_the_window(&path, &old, &new);
}
