//! A crash at any moment of a write (kill -9, power cut) leaves the old draft or the new one,
//! never a torn file: `chapeau circulate` and a save from the drafting screen are killed at
//! spread-out moments and the draft is read back each time.

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

/// Moments spread over `span`, in a shuffled order that differs between runs (the seed is
/// printed, so that a failure can be told apart from another).
fn moments(count: u32, span: Duration) -> Vec<Duration> {
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    eprintln!("seed {seed}");
    let mut state = seed | 1;
    (0..count)
        .map(|i| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let jitter = (state >> 33) as f64 / (1u64 << 31) as f64;
            span.mul_f64((i as f64 + jitter) / count as f64)
        })
        .collect()
}

/// The draft at `path` is whole: byte for byte one of `versions`, and it loads.
fn assert_whole(path: &Path, versions: &[Vec<u8>], when: Duration) {
    let now = std::fs::read(path).unwrap();
    assert!(
        versions.contains(&now),
        "killed after {when:?}: the draft is neither the old nor a new version ({} bytes)",
        now.len()
    );
    draft_file::load(path).unwrap_or_else(|error| panic!("killed after {when:?}: {error}"));
}

#[test]
fn circulate_killed_at_any_moment_leaves_a_whole_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_draft(dir.path());
    let old = std::fs::read(&path).unwrap();
    let chapeau = env!("CARGO_BIN_EXE_chapeau");
    let circulate = || {
        Command::new(chapeau)
            .args(["circulate", "large.toml", "--date", "2009-03-01"])
            .current_dir(dir.path())
            .spawn()
            .unwrap()
    };

    let started = Instant::now();
    assert!(circulate().wait().unwrap().success());
    let whole_run = started.elapsed();
    let new = std::fs::read(&path).unwrap();
    assert!(old != new, "the run changed the draft");
    let versions = [old.clone(), new];

    let mut finished = 0;
    for when in moments(24, whole_run.mul_f64(1.2)) {
        std::fs::write(&path, &old).unwrap();
        let mut child = circulate();
        std::thread::sleep(when);
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        }
        assert_whole(&path, &versions, when);
    }
    eprintln!("a whole run takes {whole_run:?}; {finished} of 24 finished before the kill");
    assert!(finished < 24, "some runs were killed before they finished");
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_draft() {
    let dir = tempfile::tempdir().unwrap();
    let path = large_draft(dir.path());
    let old = std::fs::read(&path).unwrap();
    // Each session has a tmux server and a data dir of its own, so that no recovery file
    // from a killed one asks its question; a session ends before the next starts.
    let session = |name: String| {
        let tmux = Tmux::new(&name);
        tmux.start(dir.path(), "large.toml");
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

    // One save to completion gives the new version and how long a save takes.
    let (tmux, pid) = session("kill-whole".into());
    let started = Instant::now();
    save(&tmux);
    tmux.wait_for("saved large.toml");
    let whole_save = started.elapsed();
    end(tmux, &pid, "-TERM");
    let new = std::fs::read(&path).unwrap();
    assert!(old != new, "the save changed the draft");
    let versions = [old.clone(), new];

    for (n, when) in moments(12, whole_save.mul_f64(1.5)).into_iter().enumerate() {
        std::fs::write(&path, &old).unwrap();
        let (tmux, pid) = session(format!("kill-{n}"));
        save(&tmux);
        std::thread::sleep(when);
        end(tmux, &pid, "-KILL");
        assert_whole(&path, &versions, when);
    }
}
