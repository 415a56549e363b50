//! A tmux server of a test's own, running the real chapeau in a real terminal.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux server of the test's own, running chapeau in one window.
pub struct Tmux {
    /// The tmux server's socket name.
    pub socket: String,
    /// chapeau's config dir.
    pub config: tempfile::TempDir,
    /// chapeau's data dir (recovery files, locks).
    pub data: tempfile::TempDir,
}

impl Tmux {
    pub fn new(name: &str) -> Tmux {
        Tmux {
            socket: format!("chapeau-{name}-{}", std::process::id()),
            config: tempfile::tempdir().unwrap(),
            data: tempfile::tempdir().unwrap(),
        }
    }

    pub fn tmux(&self, args: &[&str]) -> String {
        let output = Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// Starts chapeau on `draft` in `dir`.
    pub fn start(&self, dir: &Path, draft: &str) {
        self.start_with(dir, draft, self.data.path(), "");
    }

    /// Starts chapeau on `draft` in `dir`, with `data` as its data dir and extra `env`
    /// assignments (shell words).
    pub fn start_with(&self, dir: &Path, draft: &str, data: &Path, env: &str) {
        let command = format!(
            "env CHAPEAU_CONFIG_DIR={} CHAPEAU_DATA_DIR={} TERM=xterm-256color {env} {} {draft}",
            self.config.path().display(),
            data.display(),
            env!("CARGO_BIN_EXE_chapeau"),
        );
        let dir = dir.to_str().unwrap();
        self.tmux(&[
            "new-session",
            "-d",
            "-x",
            "140",
            "-y",
            "40",
            "-c",
            dir,
            &command,
        ]);
        self.wait_for("Clause library");
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.tmux(&["send-keys", "-t", "0", key]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "0", "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "0"])
    }

    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> String {
        self.tmux(&["list-panes", "-F", "#{pane_pid}"])
            .trim()
            .to_string()
    }

    /// Everything in the recovery folder: recovery files and any temporary file left.
    pub fn recovery_folder(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.data.path().join("recovery")) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The recovery files written so far; a temporary file still being written (renamed
    /// into place once whole) is not one yet.
    pub fn recovery_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.data.path().join("recovery")) {
            Ok(entries) => entries
                .map(|e| e.unwrap().path())
                .filter(|path| {
                    let name = path.file_name().unwrap().to_string_lossy();
                    !name.starts_with('.') && name.ends_with(".toml")
                })
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}
