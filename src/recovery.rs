//! Never losing a word: the recovery file that holds unsaved work, and the lock that tells a
//! second chapeau that a draft is already open.
//!
//! Both live in the platform data dir (`~/.local/share/chapeau` on Linux, or
//! `CHAPEAU_DATA_DIR`), named after the draft's full path, so that nothing is written beside
//! the draft but the draft itself.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::atomic_file::write_atomically;
use crate::draft_file;
use crate::model::Declaration;

/// The folder for recovery files and locks: `CHAPEAU_DATA_DIR` when set, else the platform
/// data dir.
pub fn data_dir() -> Option<PathBuf> {
    match std::env::var_os("CHAPEAU_DATA_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "chapeau")
            .map(|dirs| dirs.data_dir().to_path_buf()),
    }
}

/// A name for `draft` that is the same every time it is opened: its file name and a hash of
/// its full path (FNV-1a, stable across versions).
fn key_of(draft: Option<&Path>) -> String {
    let Some(draft) = draft else {
        // Untitled drafts of different sessions must not share a file.
        return format!("untitled-{}", std::process::id());
    };
    let full = absolute(draft);
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in full.to_string_lossy().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let name: String = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .take(60)
        .collect();
    format!("{name}-{hash:016x}")
}

/// The full path of `draft`, whether or not it exists yet.
fn absolute(draft: &Path) -> PathBuf {
    if let Ok(full) = draft.canonicalize() {
        return full;
    }
    let parent = draft
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), draft.file_name()) {
        (Ok(parent), Some(name)) => parent.join(name),
        _ => std::env::current_dir()
            .map(|dir| dir.join(draft))
            .unwrap_or_else(|_| draft.to_path_buf()),
    }
}

/// Where the unsaved work on `draft` (or on an untitled draft) is kept.
pub fn recovery_file(draft: Option<&Path>) -> Option<PathBuf> {
    data_dir().map(|dir| dir.join("recovery").join(format!("{}.toml", key_of(draft))))
}

/// Writes `declaration` to the recovery file, atomically and readable by its owner only.
pub fn write_recovery(
    file: &Path,
    draft: Option<&Path>,
    declaration: &Declaration,
) -> anyhow::Result<()> {
    if let Some(folder) = file.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let origin = draft.map_or("an untitled draft".to_string(), |d| {
        absolute(d).display().to_string()
    });
    let text = format!(
        "# chapeau recovery file: unsaved changes to {origin}\n{}",
        draft_file::to_toml(declaration)
    );
    write_atomically(file, text.as_bytes())
}

/// Unsaved work to offer back: the recovery file's time and contents, when it exists, reads
/// as a draft, and is newer than the draft itself.
pub fn pending_recovery(file: &Path, draft: Option<&Path>) -> Option<(SystemTime, Declaration)> {
    let written = std::fs::metadata(file).and_then(|m| m.modified()).ok()?;
    let saved = draft.and_then(|d| std::fs::metadata(d).and_then(|m| m.modified()).ok());
    if saved.is_some_and(|saved| saved >= written) {
        return None;
    }
    let loaded = draft_file::load(file).ok()?;
    Some((written, loaded.declaration))
}

/// The newest recovery file of an untitled draft whose session has ended, if any: an
/// untitled draft has no name to find its recovery file by, so a new untitled session
/// offers the work of one that crashed. A session holds the lock of its untitled key while it
/// runs, and the system releases it when the session ends in any way.
pub fn orphaned_untitled_recovery() -> Option<PathBuf> {
    let folder = data_dir()?.join("recovery");
    let orphans = std::fs::read_dir(folder).ok()?.filter_map(|entry| {
        let path = entry.ok()?.path();
        let name = path.file_stem()?.to_str()?;
        name.strip_prefix("untitled-")?.parse::<u32>().ok()?;
        if name == key_of(None) {
            return None;
        }
        let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
        // The session that held this key has ended: its lock file goes with it.
        let ended = matches!(Lock::on_key(name), Locking::Acquired(_));
        if ended {
            let _ = std::fs::remove_file(data_dir()?.join("locks").join(format!("{name}.lock")));
        }
        ended.then_some((written, path))
    });
    orphans.max().map(|(_, path)| path)
}

/// A claim on a draft by this process, held by the operating system on an open file: it
/// cannot be taken twice, even by two sessions starting at the same moment, and it is
/// released when the process ends, however it ends.
#[derive(Debug)]
pub struct Lock {
    _file: std::fs::File,
    /// The lock file of an untitled session, whose name no other session will use: removed
    /// when the lock is let go. (A draft's lock file stays: removing it while another
    /// session opens it could give two sessions two locks.)
    own_file: Option<PathBuf>,
}

impl Drop for Lock {
    fn drop(&mut self) {
        if let Some(file) = &self.own_file {
            let _ = std::fs::remove_file(file);
        }
    }
}

/// The outcome of trying to lock a draft.
#[derive(Debug)]
pub enum Locking {
    /// The draft is ours.
    Acquired(Lock),
    /// Another running chapeau holds it (its process id, when it could be read).
    HeldBy(Option<u32>),
    /// No data dir, or it cannot be written: go on without a lock.
    Unavailable,
}

impl Lock {
    /// Claims `draft` (`None`: this session's untitled draft) unless another chapeau has it.
    pub fn acquire(draft: Option<&Path>) -> Locking {
        Lock::on_key(&key_of(draft))
    }

    fn on_key(key: &str) -> Locking {
        match data_dir() {
            Some(dir) => Lock::in_folder(&dir.join("locks"), key),
            None => Locking::Unavailable,
        }
    }

    fn in_folder(folder: &Path, key: &str) -> Locking {
        let path = folder.join(format!("{key}.lock"));
        let own_file = (key == key_of(None)).then(|| path.clone());
        use std::io::{Read, Seek, Write};
        if std::fs::create_dir_all(folder).is_err() {
            return Locking::Unavailable;
        }
        let Ok(mut file) = std::fs::File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
        else {
            return Locking::Unavailable;
        };
        match file.try_lock() {
            Ok(()) => {
                // The process id is for the question the next chapeau asks, nothing more.
                let _ = file
                    .set_len(0)
                    .and_then(|()| file.rewind())
                    .and_then(|()| write!(file, "{}", std::process::id()));
                Locking::Acquired(Lock {
                    _file: file,
                    own_file,
                })
            }
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                Locking::HeldBy(holder.trim().parse().ok())
            }
            Err(std::fs::TryLockError::Error(_)) => Locking::Unavailable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        let a = key_of(Some(Path::new("/tmp/a/draft.toml")));
        assert_eq!(a, key_of(Some(Path::new("/tmp/a/draft.toml"))));
        assert_ne!(a, key_of(Some(Path::new("/tmp/b/draft.toml"))));
        assert!(a.starts_with("draft.toml-"));
        assert_eq!(key_of(None), format!("untitled-{}", std::process::id()));
    }

    #[test]
    fn a_lock_is_held_once_and_released_when_dropped() {
        // Locks of one process on separate open files exclude each other, as those of two
        // processes do.
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::in_folder(dir.path(), "draft");
        assert!(matches!(first, Locking::Acquired(_)));
        assert!(matches!(
            Lock::in_folder(dir.path(), "draft"),
            Locking::HeldBy(Some(pid)) if pid == std::process::id()
        ));
        assert!(matches!(
            Lock::in_folder(dir.path(), "other"),
            Locking::Acquired(_)
        ));
        drop(first);
        assert!(matches!(
            Lock::in_folder(dir.path(), "draft"),
            Locking::Acquired(_)
        ));
    }
}
