//! Writing files so that a crash at any moment leaves either the old file or the new one,
//! never a torn mixture: a temporary file in the same folder, fsync, rename, fsync the folder.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

/// Replaces `path` with `contents` atomically, keeping the permissions of a file it replaces;
/// a new file is readable by its owner only, since drafts marked LIMITE are not for others.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<()> {
    let path = &where_to_write(path)?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    anyhow::ensure!(
        folder.is_dir(),
        "there is no folder {}: create it, or write somewhere else",
        folder.display()
    );
    let mut temporary = tempfile::Builder::new()
        .prefix(".chapeau-")
        .suffix(".tmp")
        .tempfile_in(folder)
        .with_context(|| format!("cannot create a temporary file in {}", folder.display()))?;
    temporary
        .write_all(contents)
        .and_then(|()| temporary.as_file().sync_all())
        .with_context(|| format!("cannot write a temporary file in {}", folder.display()))?;
    if let Ok(existing) = std::fs::metadata(path) {
        std::fs::set_permissions(temporary.path(), existing.permissions())
            .with_context(|| format!("cannot copy the permissions of {}", path.display()))?;
    }
    #[cfg(feature = "test-hooks")]
    pause_before_rename_if_asked(path);
    temporary
        .persist(path)
        .map_err(|error| error.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    sync_folder(folder);
    Ok(())
}

/// The file a write to `path` must replace: the file a link points to (replacing the link
/// would leave the real file as it was, and the link a copy), never anything but a plain
/// file (a device, a pipe or a folder is not replaced by a file).
fn where_to_write(path: &Path) -> Result<std::path::PathBuf> {
    let Ok(found) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_path_buf());
    };
    let real = if found.file_type().is_symlink() {
        std::fs::canonicalize(path).with_context(|| {
            format!(
                "{} is a link to a file that does not exist; write to the file itself",
                path.display()
            )
        })?
    } else {
        path.to_path_buf()
    };
    let is_file = std::fs::metadata(&real).is_ok_and(|found| found.is_file());
    anyhow::ensure!(
        is_file,
        "{} is not a plain file (a device, a pipe or a folder); write to a file, or leave out -o to print",
        path.display()
    );
    Ok(real)
}

/// In test builds only (the `test-hooks` feature): a write to the file named by `CHAPEAU_PAUSE_BEFORE_RENAME` stops
/// once the temporary file is whole and before it replaces the file, leaves `FILE.paused`
/// beside it, and waits there to be killed. The kill tests use it to land inside the write
/// window every time, without guessing at timings.
#[cfg(feature = "test-hooks")]
fn pause_before_rename_if_asked(path: &Path) {
    let Some(asked) = std::env::var_os("CHAPEAU_PAUSE_BEFORE_RENAME") else {
        return;
    };
    let (Ok(asked), Ok(path)) = (std::fs::canonicalize(asked), std::fs::canonicalize(path)) else {
        return;
    };
    if asked != path {
        return;
    }
    let mut marker = path.into_os_string();
    marker.push(".paused");
    let _ = std::fs::write(marker, b"");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(3600));
    }
}

/// Makes the rename itself durable. Best effort: not every platform can open a folder.
fn sync_folder(folder: &Path) {
    if let Ok(handle) = std::fs::File::open(folder) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_behind() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.toml");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(folder.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_stays_a_link() {
        let folder = tempfile::tempdir().unwrap();
        let real = folder.path().join("real.toml");
        let link = folder.path().join("link.toml");
        std::fs::write(&real, b"one").unwrap();
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        write_atomically(&link, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "two");
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );

        let dangling = folder.path().join("dangling.toml");
        std::os::unix::fs::symlink("nowhere.toml", &dangling).unwrap();
        let error = write_atomically(&dangling, b"x").unwrap_err();
        assert!(format!("{error:#}").contains("does not exist"), "{error:#}");
        assert!(
            std::fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_or_a_folder_is_never_replaced() {
        let folder = tempfile::tempdir().unwrap();
        let pipe = folder.path().join("pipe");
        let made = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .unwrap();
        assert!(made.success());
        for target in [pipe.as_path(), folder.path()] {
            let error = write_atomically(target, b"x").unwrap_err();
            assert!(
                format!("{error:#}").contains("not a plain file"),
                "{error:#}"
            );
        }
        assert!(!std::fs::metadata(&pipe).unwrap().is_file());
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_private_and_existing_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("draft.toml");
        write_atomically(&path, b"one").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o640);
    }
}
