//! Running the real `chapeau` binary from tests, isolated from the user's own configuration.

#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// What a run of the binary produced.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `chapeau` with `args` in `dir`, with a config dir of its own (no user library).
pub fn chapeau_in(dir: &Path, args: &[&str]) -> Run {
    let config = tempfile::tempdir().unwrap();
    chapeau_configured(dir, config.path(), args)
}

/// Runs `chapeau` with `args` in `dir`, taking settings and the user library from `config`.
pub fn chapeau_configured(dir: &Path, config: &Path, args: &[&str]) -> Run {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_chapeau"))
        .args(args)
        .current_dir(dir)
        .env("CHAPEAU_CONFIG_DIR", config)
        .env("NO_COLOR", "1")
        .output()
        .expect("the chapeau binary runs");
    Run {
        code: output.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// Runs `chapeau` from the repository root.
pub fn chapeau(args: &[&str]) -> Run {
    chapeau_in(&repository(), args)
}

/// The repository root.
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled example draft.
pub fn example() -> PathBuf {
    repository().join("examples/prague-2009.toml")
}

/// A test fixture.
pub fn fixture(name: &str) -> PathBuf {
    repository().join("tests/fixtures").join(name)
}

/// Whether a word is an operative label such as "(a)" or "(aa)": labels are derived, so
/// word-for-word comparisons leave them out.
pub fn is_label(word: &str) -> bool {
    word.len() >= 3
        && word.starts_with('(')
        && word.ends_with(')')
        && word[1..word.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_lowercase())
}

/// Whether process `pid` still runs (a zombie no one has reaped yet has ended).
pub fn is_running(pid: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|stat| {
        stat.rsplit(')')
            .next()
            .is_some_and(|rest| !rest.starts_with(" Z"))
    })
}
