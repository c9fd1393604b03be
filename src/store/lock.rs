//! The advisory lock that makes a store the only writer of its file.
//!
//! The lock is taken on a sidecar file, not the data file: every save replaces the
//! data file by rename, and a lock on the replaced file would guard nothing.

use std::{
    fs::{File, OpenOptions, TryLockError},
    io,
    path::{Path, PathBuf},
};

/// What opening a link with `O_NOFOLLOW` fails with.
#[cfg(unix)]
const ELOOP: i32 = libc::ELOOP;
#[cfg(not(unix))]
const ELOOP: i32 = -1;

#[derive(Debug)]
pub struct FileLock {
    // Held for its side effect: the OS releases the lock when the file is closed,
    // including when the process dies.
    _file: File,
}

pub fn lock_path_for(data_file: &Path) -> PathBuf {
    let name = data_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    data_file.with_file_name(format!(".{name}.lock"))
}

impl FileLock {
    /// Takes the lock, or returns `None` when another process holds it.
    pub fn try_acquire(data_file: &Path) -> io::Result<Option<FileLock>> {
        let path = lock_path_for(data_file);
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            // A link planted at the lock's name is refused, not followed: opening it
            // would create a file wherever it points.
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        let file = options.open(&path).map_err(|e| {
            if e.raw_os_error() == Some(ELOOP) {
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!(
                        "{} is a link, where Smallprint keeps the file's lock; remove it",
                        path.display()
                    ),
                )
            } else {
                e
            }
        })?;
        match file.try_lock() {
            Ok(()) => Ok(Some(FileLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(e),
        }
    }

    /// Takes the lock, waiting up to `patience` for another writer to finish (a
    /// command-line write holds it for milliseconds; a window holds it until closed).
    pub fn acquire_within(
        data_file: &Path,
        patience: std::time::Duration,
    ) -> io::Result<Option<FileLock>> {
        let start = std::time::Instant::now();
        loop {
            if let Some(lock) = Self::try_acquire(data_file)? {
                return Ok(Some(lock));
            }
            if start.elapsed() >= patience {
                return Ok(None);
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("workspace.json");
        let first = FileLock::try_acquire(&data).expect("io").expect("first");
        assert!(FileLock::try_acquire(&data).expect("io").is_none());
        assert!(lock_path_for(&data).exists());
        drop(first);
        assert!(FileLock::try_acquire(&data).expect("io").is_some());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_at_the_locks_name_is_refused_not_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("workspace.json");
        let elsewhere = dir.path().join("elsewhere");
        std::os::unix::fs::symlink(&elsewhere, lock_path_for(&data)).expect("plant");
        assert!(FileLock::try_acquire(&data).is_err());
        assert!(!elsewhere.exists(), "nothing created where the link points");
    }
}
