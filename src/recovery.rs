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
/// offers the work of one that crashed.
pub fn orphaned_untitled_recovery() -> Option<PathBuf> {
    let folder = data_dir()?.join("recovery");
    let orphans = std::fs::read_dir(folder).ok()?.filter_map(|entry| {
        let path = entry.ok()?.path();
        let name = path.file_stem()?.to_str()?;
        let pid: u32 = name.strip_prefix("untitled-")?.parse().ok()?;
        let written = std::fs::metadata(&path).and_then(|m| m.modified()).ok()?;
        (!is_running(pid)).then_some((written, path))
    });
    orphans.max().map(|(_, path)| path)
}

/// A claim on a draft by this process; dropped, it is released.
#[derive(Debug)]
pub struct Lock {
    file: PathBuf,
}

/// The outcome of trying to lock a draft.
#[derive(Debug)]
pub enum Locking {
    /// The draft is ours.
    Acquired(Lock),
    /// Another running chapeau holds it.
    HeldBy(u32),
    /// No data dir, or it cannot be written: go on without a lock.
    Unavailable,
}

impl Lock {
    /// Claims `draft` for this process unless another live process holds it.
    pub fn acquire(draft: &Path) -> Locking {
        let Some(dir) = data_dir() else {
            return Locking::Unavailable;
        };
        let file = dir
            .join("locks")
            .join(format!("{}.lock", key_of(Some(draft))));
        if let Some(pid) = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| t.trim().parse::<u32>().ok())
            && pid != std::process::id()
            && is_running(pid)
        {
            return Locking::HeldBy(pid);
        }
        Self::take(file)
    }

    fn take(file: PathBuf) -> Locking {
        let written = file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .map_err(anyhow::Error::from)
            .and_then(|()| write_atomically(&file, std::process::id().to_string().as_bytes()));
        match written {
            Ok(()) => Locking::Acquired(Lock { file }),
            Err(_) => Locking::Unavailable,
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let ours = std::fs::read_to_string(&self.file)
            .is_ok_and(|t| t.trim() == std::process::id().to_string());
        if ours {
            let _ = std::fs::remove_file(&self.file);
        }
    }
}

/// Whether a process with this id is alive.
fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks that the process exists; nothing is sent.
        let result = unsafe { libc::kill(pid, 0) };
        result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
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
    fn the_running_test_process_is_alive() {
        assert!(is_running(std::process::id()));
    }
}
