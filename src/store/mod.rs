//! The workspace file: one JSON document the user can see, back up and move.
//!
//! A [`Store`] is the only writer of its file. It holds an advisory lock for as long as
//! it lives (a second window gets a read-only store), writes atomically and privately,
//! records a rotating backup after every save, and refuses to overwrite a file that
//! another program changed since it was read.

mod atomic;
pub mod backups;
mod envelope;
mod error;
mod lock;
mod read;

use std::{
    fs, io,
    path::{Path, PathBuf},
};

use jiff::Timestamp;

pub use envelope::{decode, encode};
pub use error::StoreError;
use lock::FileLock;
pub use read::MAX_FILE_BYTES;

use crate::domain::Workspace;

/// Reads and decodes a workspace file without locking or writing anything: for
/// read-only commands such as `smallprint check`.
pub fn read_workspace(path: &Path) -> Result<Workspace, StoreError> {
    read_loaded(path).map(|loaded| loaded.workspace)
}

/// A workspace as read from its file, with what the reader should be told about the
/// file itself.
#[derive(Debug)]
pub struct Loaded {
    pub workspace: Workspace,
    /// The file began with a UTF-8 byte-order mark, which a save does not keep.
    pub began_with_bom: bool,
}

/// What to tell the user about a file that began with a byte-order mark.
pub const BOM_NOTICE: &str =
    "The file began with a byte-order mark (as Notepad writes); it will be saved without one.";

/// [`read_workspace`], also saying whether the file began with a byte-order mark.
pub fn read_loaded(path: &Path) -> Result<Loaded, StoreError> {
    let bytes = read::read(path)?;
    Ok(Loaded {
        workspace: envelope::decode(path, &bytes)?,
        began_with_bom: bytes.starts_with(read::BOM),
    })
}

/// Writes a new workspace file that nothing else owns yet (`smallprint demo`).
pub fn write_new(path: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    let write_error = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        atomic::create_private_dir(parent).map_err(write_error)?;
    }
    atomic::write_durably(path, &envelope::encode(workspace)).map_err(write_error)
}

/// Writes an export (a calendar, a document) atomically and privately: exports hold
/// requesters' personal data too.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    atomic::write_durably(path, bytes).map_err(|source| StoreError::Write {
        path: path.to_owned(),
        source,
    })
}

/// What is at the data file's path when a store opens it.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "returned once per open, then unpacked"
)]
pub enum Contents {
    Workspace(Workspace),
    /// No file yet: the first run.
    Missing,
}

/// Identifies the bytes last read or written, to notice another program's change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint(u64);

impl Fingerprint {
    fn of(bytes: &[u8]) -> Self {
        use std::hash::{DefaultHasher, Hasher};
        let mut hasher = DefaultHasher::new();
        hasher.write(bytes);
        hasher.write_usize(bytes.len());
        Self(hasher.finish())
    }

    fn of_file(path: &Path) -> io::Result<Option<Self>> {
        match fs::read(path) {
            Ok(bytes) => Ok(Some(Self::of(&bytes))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The result of a successful save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Where an unreadable file was moved before the first save over it, if it was.
    pub set_aside: Option<PathBuf>,
}

#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// Held while this store is the file's writer; `None` when another Smallprint
    /// holds it and this store is read-only.
    lock: Option<FileLock>,
    /// The file as last read or written by this store; `None` when there was no file.
    known: Option<Fingerprint>,
    /// Set when the user restored a backup over a file this build could not read: that
    /// file is renamed aside, never overwritten.
    set_aside_before_save: bool,
    /// The file began with a byte-order mark when opened (the next save drops it).
    began_with_bom: bool,
}

impl Store {
    /// Opens `path`, taking the writer's lock if no other Smallprint has it.
    ///
    /// A file that cannot be read is an error and nothing is written; see
    /// [`Store::open_from_backup`].
    pub fn open(path: &Path) -> Result<(Store, Contents), StoreError> {
        let lock = Self::acquire(path)?;
        let bytes = read::read_if_present(path)?;
        let began_with_bom = bytes.as_ref().is_some_and(|b| b.starts_with(read::BOM));
        let (contents, known) = match bytes {
            Some(bytes) => (
                Contents::Workspace(envelope::decode(path, &bytes)?),
                Some(Fingerprint::of(&bytes)),
            ),
            None => (Contents::Missing, None),
        };
        let store = Store {
            path: path.to_owned(),
            lock,
            known,
            set_aside_before_save: false,
            began_with_bom,
        };
        if store.is_writable() {
            store.remove_stale_temps();
        }
        Ok((store, contents))
    }

    /// Opens the newest backup this build can read in place of an unreadable `path`.
    /// The unreadable file stays as it is until the first save, which renames it aside.
    pub fn open_from_backup(
        path: &Path,
    ) -> Result<Option<(Store, Workspace, backups::Backup)>, StoreError> {
        let Some((backup, workspace)) = backups::newest_readable(path) else {
            return Ok(None);
        };
        let lock = Self::acquire(path)?;
        let known = Fingerprint::of_file(path).map_err(|source| StoreError::Read {
            path: path.to_owned(),
            source,
        })?;
        let store = Store {
            path: path.to_owned(),
            lock,
            known,
            set_aside_before_save: known.is_some(),
            began_with_bom: false,
        };
        Ok(Some((store, workspace, backup)))
    }

    fn acquire(path: &Path) -> Result<Option<FileLock>, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            atomic::create_private_dir(parent).map_err(|source| StoreError::Write {
                path: path.to_owned(),
                source,
            })?;
        }
        FileLock::try_acquire(path).map_err(|source| StoreError::Write {
            path: path.to_owned(),
            source,
        })
    }

    fn remove_stale_temps(&self) {
        let Some(dir) = self.path.parent() else {
            return;
        };
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(entries) = fs::read_dir(dir) {
            for entry in entries.filter_map(Result::ok) {
                if atomic::is_stale_temp_of(&self.path, &entry.path()) {
                    let _ = fs::remove_file(entry.path());
                }
            }
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_writable(&self) -> bool {
        self.lock.is_some()
    }

    /// The file began with a UTF-8 byte-order mark when this store opened it.
    pub fn began_with_bom(&self) -> bool {
        self.began_with_bom
    }

    /// Why the store is read-only, if it is.
    pub fn read_only_reason(&self) -> Option<StoreError> {
        match self.lock {
            Some(_) => None,
            None => Some(StoreError::Locked {
                path: self.path.clone(),
            }),
        }
    }

    fn write_error(&self, source: io::Error) -> StoreError {
        StoreError::Write {
            path: self.path.clone(),
            source,
        }
    }

    /// Saves `workspace`, unless another program changed the file since this store last
    /// read or wrote it ([`StoreError::ChangedOnDisk`]).
    pub fn save(&mut self, workspace: &Workspace, at: Timestamp) -> Result<Saved, StoreError> {
        if !self.is_writable() {
            return Err(StoreError::ReadOnly);
        }
        let on_disk = Fingerprint::of_file(&self.path).map_err(|e| self.write_error(e))?;
        if on_disk != self.known {
            return Err(StoreError::ChangedOnDisk {
                path: self.path.clone(),
            });
        }
        self.write(workspace, at)
    }

    /// Saves `workspace` over another program's change, first keeping that version in
    /// the backups folder. Returns where it was kept.
    pub fn save_keeping_theirs(
        &mut self,
        workspace: &Workspace,
        at: Timestamp,
    ) -> Result<(Saved, Option<PathBuf>), StoreError> {
        if !self.is_writable() {
            return Err(StoreError::ReadOnly);
        }
        let kept = match fs::read(&self.path) {
            Ok(theirs) => Some(
                backups::keep_copy(&self.path, &theirs, at, "changed-elsewhere")
                    .map_err(|e| self.write_error(e))?,
            ),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(self.write_error(e)),
        };
        let saved = self.write(workspace, at)?;
        Ok((saved, kept))
    }

    /// Reloads the file as another program left it, first keeping `mine` (the version
    /// open in the app) in the backups folder. Returns the file's workspace and the copy.
    pub fn reload_keeping_mine(
        &mut self,
        mine: &Workspace,
        at: Timestamp,
    ) -> Result<(Workspace, PathBuf), StoreError> {
        let kept = backups::keep_copy(&self.path, &envelope::encode(mine), at, "mine")
            .map_err(|e| self.write_error(e))?;
        let bytes = read::read(&self.path)?;
        let workspace = envelope::decode(&self.path, &bytes)?;
        self.known = Some(Fingerprint::of(&bytes));
        self.set_aside_before_save = false;
        Ok((workspace, kept))
    }

    fn write(&mut self, workspace: &Workspace, at: Timestamp) -> Result<Saved, StoreError> {
        let mut set_aside = None;
        if self.set_aside_before_save && self.path.exists() {
            let aside = self.path.with_file_name(format!(
                "{}.unreadable-{}.json",
                self.path
                    .file_stem()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default(),
                at.as_second()
            ));
            fs::rename(&self.path, &aside).map_err(|e| self.write_error(e))?;
            set_aside = Some(aside);
        }
        let bytes = envelope::encode(workspace);
        atomic::write_durably(&self.path, &bytes).map_err(|e| self.write_error(e))?;
        self.known = Some(Fingerprint::of(&bytes));
        self.set_aside_before_save = false;
        backups::record(&self.path, &bytes, at).map_err(|e| self.write_error(e))?;
        Ok(Saved { set_aside })
    }
}
