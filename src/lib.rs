//! chapeau: compose, revise and export joint declarations the way Council documents are drafted.
//!
//! The core (model, library, draft files, numbering, export, checks) is plain functions over
//! data; the command line in `main.rs` is a thin shell over it.

pub mod atomic_file;
pub mod check;
pub mod cover_note;
pub mod diagnostic;
pub mod document;
pub mod draft_file;
pub mod export;
pub mod find;
pub mod identity;
pub mod import;
pub mod library;
pub mod model;
pub mod numbering;
pub mod recovery;
pub mod redline;
pub mod revisions;
pub mod safe_text;
pub mod tui;

use std::path::PathBuf;

/// The folder for the user's settings and clause library: `CHAPEAU_CONFIG_DIR` when set (for
/// tests and portable installs), else the platform config dir (`~/.config/chapeau` on Linux).
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("CHAPEAU_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "chapeau")
            .map(|dirs| dirs.config_dir().to_path_buf()),
    }
}
