//! What the drafting screen asks of the world outside it. [`App::update`] never writes a file,
//! reads a file time or starts a program: it asks for an [`Effect`], the shell carries it out
//! ([`Files::run`] for the files) and reports back an [`Outcome`] that the app takes in. Tests
//! drive the same [`Files`] without a terminal.
//!
//! [`App::update`]: super::app::App::update

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::document::Entry;
use crate::draft_file;
use crate::model::Declaration;

use super::app::App;

/// Something the app asks the shell to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write `declaration` to `path`.
    Save {
        /// Where.
        path: PathBuf,
        /// What.
        declaration: Box<Declaration>,
        /// A name the drafter just typed: a file already there is not replaced.
        new_file: bool,
        /// The drafter said to overwrite a draft changed on disk by someone else.
        overwrite: bool,
        /// The document version written, to mark as saved once it is.
        version: u64,
    },
    /// Remove the recovery file: its work is saved, or the drafter let it go.
    DiscardRecovery,
    /// Move the recovery file where the next autosave cannot overwrite it.
    SetRecoveryAside,
    /// Leave the screen and edit `text` of `entry` in `$VISUAL` or `$EDITOR`.
    ExternalEdit {
        /// What is edited.
        entry: Entry,
        /// The text to start from.
        text: String,
    },
}

/// What came of an effect, for the app to take in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The draft was written to this file.
    Saved {
        /// The file.
        path: PathBuf,
        /// The document version written.
        version: u64,
    },
    /// The draft was not written, and why.
    NotSaved(String),
    /// The file was changed on disk by someone else since it was read or written here.
    ChangedOnDisk,
    /// Something to tell the drafter.
    Note(String),
    /// Text came back from the external editor.
    Edited {
        /// What was edited.
        entry: Entry,
        /// The edited text.
        text: String,
    },
}

/// The files of a drafting session: the draft's recovery file, and the draft's modification
/// time as last read or written here, to notice changes made by others.
#[derive(Debug, Default)]
pub struct Files {
    /// Where unsaved work is kept, when there is a data dir.
    pub recovery_file: Option<PathBuf>,
    /// When the draft file was last read or written by this session.
    pub disk_stamp: Option<SystemTime>,
}

/// The modification time of `path` now, if it exists.
fn stamp_of(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

impl Files {
    /// Remembers the draft file as it is now on disk (after opening it).
    pub fn note_disk_state(&mut self, draft: Option<&Path>) {
        self.disk_stamp = draft.and_then(stamp_of);
    }

    /// Carries out the app's file effects, and those its outcomes ask for in turn, until
    /// none is left; effects that need the terminal are handed back.
    pub fn run(&mut self, app: &mut App) -> Vec<Effect> {
        let mut for_the_terminal = Vec::new();
        loop {
            let effects = app.take_effects();
            if effects.is_empty() {
                return for_the_terminal;
            }
            for effect in effects {
                match self.perform(effect) {
                    Ok(Some(outcome)) => app.take_in(outcome),
                    Ok(None) => {}
                    Err(effect) => for_the_terminal.push(effect),
                }
            }
        }
    }

    /// Carries out one effect; an effect that is not about files is handed back.
    pub fn perform(&mut self, effect: Effect) -> Result<Option<Outcome>, Effect> {
        Ok(match effect {
            Effect::Save {
                path,
                declaration,
                new_file,
                overwrite,
                version,
            } => Some(self.save(path, &declaration, new_file, overwrite, version)),
            Effect::DiscardRecovery => {
                if let Some(file) = &self.recovery_file {
                    let _ = std::fs::remove_file(file);
                }
                None
            }
            Effect::SetRecoveryAside => self.recovery_file.as_ref().map(|file| {
                let aside = file.with_extension("set-aside.toml");
                Outcome::Note(match std::fs::rename(file, &aside) {
                    Ok(()) => format!(
                        "recovery file set aside at {} (open it with chapeau)",
                        aside.display()
                    ),
                    Err(error) => format!("recovery file kept at {}: {error}", file.display()),
                })
            }),
            Effect::ExternalEdit { .. } => return Err(effect),
        })
    }

    fn save(
        &mut self,
        path: PathBuf,
        declaration: &Declaration,
        new_file: bool,
        overwrite: bool,
        version: u64,
    ) -> Outcome {
        if new_file && std::fs::symlink_metadata(&path).is_ok() {
            return Outcome::NotSaved(format!(
                "{} already exists: type another name",
                path.display()
            ));
        }
        let changed = self.disk_stamp.is_some() && stamp_of(&path) != self.disk_stamp;
        if changed && !overwrite && !new_file {
            return Outcome::ChangedOnDisk;
        }
        let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(folder) = folder.filter(|folder| !folder.is_dir()) {
            return Outcome::NotSaved(format!(
                "there is no folder {}: type another name",
                folder.display()
            ));
        }
        match draft_file::save(&path, declaration) {
            Ok(()) => {
                self.disk_stamp = stamp_of(&path);
                Outcome::Saved { path, version }
            }
            // The cause alone: the status line has room for it, not for the whole chain.
            Err(error) => Outcome::NotSaved(format!("{}: {}", path.display(), error.root_cause())),
        }
    }
}
