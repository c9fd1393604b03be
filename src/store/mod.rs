//! The workspace file: one JSON document the user can see, back up and move.
//!
//! A [`Store`] is the only writer of its file. It holds an advisory lock for as long as
//! it lives (a second window gets a read-only store), writes atomically and privately,
//! records a rotating backup after every save, and refuses to overwrite a file that
//! another program changed since it was read. A path that is a symlink stands for the
//! file it points at: the lock, the backups and the saves are that file's, and the
//! link stays a link.

mod atomic;
pub mod backups;
mod envelope;
mod error;
mod lock;
mod paths;
mod read;

use std::{
    fs, io,
    path::{Path, PathBuf},
    time::Duration,
};

use jiff::Timestamp;

pub use envelope::{decode, encode, encode_at};
pub use error::StoreError;
use lock::FileLock;
pub use paths::{check_output, resolve};
pub use read::MAX_FILE_BYTES;

use crate::domain::Workspace;

/// How long a command-line write waits for another writer to finish before it says
/// the file is open in Smallprint.
pub const WRITER_PATIENCE: Duration = Duration::from_secs(5);

/// How long even a window waits for the lock before opening the file read-only. A lock
/// just released can stay held for an instant: a child process started by another
/// thread of the releasing program holds a copy of its file handles until it starts
/// running its own program.
const LOCK_MOMENT: Duration = Duration::from_millis(200);

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

/// Writes a new workspace file (`smallprint demo`, `new`, the window's Save as),
/// replacing what is there — unless another Smallprint has that file open
/// ([`StoreError::InUse`]), or it is not a regular file ([`StoreError::NotAFile`]: a
/// named pipe or a device would swallow the workspace). A workspace it replaces is
/// kept first in the backups folder beside it. Missing folders are created private.
/// Returns where the replaced workspace was kept.
pub fn write_new(
    path: &Path,
    workspace: &Workspace,
    at: Timestamp,
) -> Result<Option<PathBuf>, StoreError> {
    let write_error = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    refuse_unworkable(path, workspace)?;
    let real = resolve(path).map_err(write_error)?;
    // Before the lock: no lock file appears beside something that is not a workspace.
    read::check_kind(&real)?;
    let _lock = Store::acquire(path, &real, LOCK_MOMENT)?.ok_or_else(|| StoreError::InUse {
        path: path.to_owned(),
    })?;
    let bytes = envelope::encode_at(workspace, at);
    refuse_oversized(path, &bytes)?;
    // Whatever is there — a workspace, a damaged one, any other file — is kept first;
    // if it cannot be kept, nothing is written.
    let kept = match read::read_if_present(&real)? {
        Some(old) if !old.is_empty() => Some(
            backups::keep_copy(&real, &old, at, "replaced").map_err(|source| {
                StoreError::NotKept {
                    path: path.to_owned(),
                    folder: backups::backup_dir(&real),
                    source,
                }
            })?,
        ),
        _ => None,
    };
    atomic::write_durably(&real, &bytes).map_err(write_error)?;
    Ok(kept)
}

/// Refuses bytes larger than the reader reads: each field may be within its limit and
/// the whole still too large.
fn refuse_oversized(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(StoreError::Unworkable {
            path: path.to_owned(),
            reason: format!(
                "the file would be {} MB, larger than the {} MB Smallprint reads, and could not be opened again. Remove old closed requests' long texts, or start a new file for a new year.",
                bytes.len() as u64 / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    Ok(())
}

/// Refuses to write what the reader would refuse: a file that then could not be
/// opened would lock its owner out (the writer obeys the reader's limits).
fn refuse_unworkable(path: &Path, workspace: &Workspace) -> Result<(), StoreError> {
    match crate::domain::integrity::write_refusal(workspace) {
        Some(reason) => Err(StoreError::Unworkable {
            path: path.to_owned(),
            reason,
        }),
        None => Ok(()),
    }
}

/// Writes an export (a calendar, a document) of the workspace at `workspace`
/// atomically and privately — exports hold requesters' personal data too — after
/// [`check_output`] has made sure `path` is not the workspace, one of its backups, or
/// something other than a regular file.
pub fn write_export(path: &Path, bytes: &[u8], workspace: &Path) -> Result<(), StoreError> {
    let real = check_output(path, workspace)?;
    atomic::write_durably(&real, bytes).map_err(|source| StoreError::Write {
        path: path.to_owned(),
        source,
    })
}

/// [`write_export`] for pages meant for the shop's website, all or none: the same
/// checks for each — and none through a symbolic link —, every page readable by
/// everyone (0644), none replacing its file until all are written.
pub fn write_public_exports(files: &[(&Path, &[u8])], workspace: &Path) -> Result<(), StoreError> {
    let mut checked = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        checked.push((paths::check_public_output(path, workspace)?, *bytes));
    }
    let borrowed: Vec<(&Path, &[u8])> = checked
        .iter()
        .map(|(path, bytes)| (path.as_path(), *bytes))
        .collect();
    atomic::write_all_durably_public(&borrowed).map_err(|source| StoreError::Write {
        path: files
            .first()
            .map(|(path, _)| path.to_path_buf())
            .unwrap_or_default(),
        source,
    })
}

/// Makes the folder the website kit is written into, if it is not there yet: each
/// folder it makes readable by everyone (0755 on Unix, whatever the umask), as a web
/// server must be able to enter it to read the pages; a folder already there is left as
/// it is.
pub fn make_public_folder(folder: &Path) -> Result<(), StoreError> {
    let write_error = |source| StoreError::Write {
        path: folder.to_owned(),
        source,
    };
    match fs::metadata(folder) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => {
            return Err(write_error(io::Error::new(
                io::ErrorKind::AlreadyExists,
                "it is a file, not a folder",
            )));
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(source) => return Err(write_error(source)),
    }
    let missing: Vec<&Path> = folder
        .ancestors()
        .take_while(|ancestor| !ancestor.as_os_str().is_empty() && !ancestor.exists())
        .collect();
    fs::create_dir_all(folder).map_err(write_error)?;
    #[cfg(unix)]
    for made in missing {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(made, fs::Permissions::from_mode(0o755)).map_err(write_error)?;
    }
    #[cfg(not(unix))]
    let _ = missing;
    Ok(())
}

/// Reads a file the user hands Smallprint (a bank-holiday feed) as text, or says why
/// not, through the bounded reader — a regular file of at most [`MAX_FILE_BYTES`], so a
/// named pipe or a device is refused at once rather than read without end: the one way
/// the window and the command line read a file the user imports.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = read::read(path).map_err(|e| match e {
        StoreError::TooLarge { limit_mb, .. } => {
            format!("it is larger than {limit_mb} MB, far more than such a file holds")
        }
        other => other.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_owned())
}

/// Makes a file Smallprint keeps outside the workspace (the window's preferences)
/// private, creating it and its folders if need be, so that whatever later writes it in
/// place keeps the mode.
pub fn make_private_file(path: &Path) -> io::Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        atomic::create_private_dir(parent)?;
        atomic::make_private(parent)?;
    }
    if !path.exists() {
        drop(atomic::create_private(path)?);
    }
    atomic::make_private(path)
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

/// The file's size, modification time and identity: compared every few seconds to
/// notice another program's change without reading the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    id: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = fs::metadata(path).ok()?;
        #[cfg(unix)]
        let id = std::os::unix::fs::MetadataExt::ino(&meta);
        #[cfg(not(unix))]
        let id = 0;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            id,
        })
    }
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

    /// Read through the bounded reader: a file turned into a named pipe or a link to
    /// a device is an error at once, never a read that blocks or fills memory.
    fn of_file(path: &Path) -> Result<Option<Self>, StoreError> {
        Ok(read::read_if_present(path)?.map(|bytes| Self::of(&bytes)))
    }
}

/// The result of a successful save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// Where an unreadable file was moved before the first save over it, if it was.
    pub set_aside: Option<PathBuf>,
    /// The save is on disk, but its backup could not be written: a warning, not a
    /// failure (retrying the change would make it twice).
    pub backup_failed: Option<String>,
}

#[derive(Debug)]
pub struct Store {
    /// The path as the user gave it (shown, remembered).
    path: PathBuf,
    /// The real file behind it: what is locked, read, written and backed up.
    real: PathBuf,
    /// Held while this store is the file's writer; `None` when another Smallprint
    /// holds it and this store is read-only.
    lock: Option<FileLock>,
    /// The file as last read or written by this store; `None` when there was no file.
    known: Option<Fingerprint>,
    /// Its metadata then, to check cheaply whether it may have changed.
    stamp: Option<Stamp>,
    /// Set when the user restored a backup over a file this build could not read: that
    /// file is kept aside, never overwritten.
    set_aside_before_save: bool,
    /// The file began with a byte-order mark when opened (the next save drops it).
    began_with_bom: bool,
    /// See [`Store::pause_before_rename`].
    before_rename: Option<fn(&Path)>,
}

impl Store {
    /// Opens `path`, taking the writer's lock if no other Smallprint has it.
    ///
    /// A file that cannot be read is an error and nothing is written; see
    /// [`Store::open_from_backup`].
    pub fn open(path: &Path) -> Result<(Store, Contents), StoreError> {
        let real = Self::resolved(path)?;
        read::check_kind(&real)?;
        let lock = Self::acquire(path, &real, LOCK_MOMENT)?;
        Self::read_with(path, real, lock)
    }

    /// Opens `path` to change it from the command line: waits up to `patience` for
    /// the lock, and is refused ([`StoreError::InUse`]) when another Smallprint keeps
    /// it. The file must exist.
    pub fn open_to_write(
        path: &Path,
        patience: Duration,
    ) -> Result<(Store, Workspace), StoreError> {
        let real = Self::resolved(path)?;
        // Checked first so that a mistyped path, a device or a pipe leaves no folder or
        // lock file behind.
        if let Err(source) = fs::metadata(&real) {
            return Err(StoreError::Read {
                path: path.to_owned(),
                source,
            });
        }
        read::check_kind(&real)?;
        let lock = Self::acquire(path, &real, patience)?;
        if lock.is_none() {
            return Err(StoreError::InUse {
                path: path.to_owned(),
            });
        }
        match Self::read_with(path, real, lock)? {
            (store, Contents::Workspace(workspace)) => Ok((store, workspace)),
            (_, Contents::Missing) => Err(StoreError::Read {
                path: path.to_owned(),
                source: io::Error::new(io::ErrorKind::NotFound, "there is no file there"),
            }),
        }
    }

    fn read_with(
        path: &Path,
        real: PathBuf,
        lock: Option<FileLock>,
    ) -> Result<(Store, Contents), StoreError> {
        // Metadata before the bytes: a change in between then shows as a changed stamp.
        let stamp = Stamp::of(&real);
        // Only a regular file, and at most MAX_FILE_BYTES of it: a device, a named pipe
        // or a huge file is refused before it is read.
        let bytes = read::read_if_present(&real)?;
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
            real,
            lock,
            known,
            stamp,
            set_aside_before_save: false,
            began_with_bom,
            before_rename: None,
        };
        if store.is_writable() {
            store.remove_stale_temps();
        }
        Ok((store, contents))
    }

    fn resolved(path: &Path) -> Result<PathBuf, StoreError> {
        resolve(path).map_err(|source| StoreError::Read {
            path: path.to_owned(),
            source,
        })
    }

    /// Opens the backup `chosen` (one of [`backups::survey`]'s) in place of an
    /// unreadable `path`. The unreadable file stays as it is until the first save,
    /// which keeps it aside. `Ok(Err(reason))` when that backup cannot be opened after
    /// all.
    pub fn open_from_backup(
        path: &Path,
        chosen: &Path,
    ) -> Result<Result<(Store, Workspace, backups::BackupInfo), String>, StoreError> {
        let real = Self::resolved(path)?;
        // A pipe or a device at the path is never written over: refused before a lock.
        read::check_kind(&real)?;
        let (info, workspace) = backups::open_one(&real, chosen);
        let Some(workspace) = workspace else {
            return Ok(Err(info
                .problem
                .unwrap_or_else(|| "it could not be read".to_owned())));
        };
        let lock = Self::acquire(path, &real, LOCK_MOMENT)?;
        let stamp = Stamp::of(&real);
        // A file that cannot even be fingerprinted (a pipe, too large) makes every save
        // fail with its reason: it is never written over.
        let known = Fingerprint::of_file(&real).unwrap_or(None);
        let store = Store {
            path: path.to_owned(),
            real,
            lock,
            known,
            stamp,
            set_aside_before_save: stamp.is_some(),
            began_with_bom: false,
            before_rename: None,
        };
        Ok(Ok((store, workspace, info)))
    }

    fn acquire(
        path: &Path,
        real: &Path,
        patience: Duration,
    ) -> Result<Option<FileLock>, StoreError> {
        let write_error = |source| StoreError::Write {
            path: path.to_owned(),
            source,
        };
        if let Some(parent) = real.parent().filter(|p| !p.as_os_str().is_empty()) {
            atomic::create_private_dir(parent).map_err(write_error)?;
        }
        FileLock::acquire_within(real, patience).map_err(write_error)
    }

    /// Removes what saves killed mid-write left: temporary files beside the data file
    /// and in its backups folder, which hold personal data.
    fn remove_stale_temps(&self) {
        let Some(dir) = self.real.parent() else {
            return;
        };
        let stem = self
            .real
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let backup_temp =
            |name: &str| name.starts_with(&format!(".{stem}-")) && name.contains(".saving-");
        let candidates = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| atomic::is_stale_temp_of(&self.real, p))
            .chain(
                fs::read_dir(backups::backup_dir(&self.real))
                    .into_iter()
                    .flatten()
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|p| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(backup_temp)
                    }),
            );
        for temp in candidates.filter(|p| atomic::is_abandoned_temp(p)) {
            let _ = fs::remove_file(temp);
        }
    }

    /// The path as the user gave it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The real file behind [`Self::path`]: its backups are beside it.
    pub fn real_file(&self) -> &Path {
        &self.real
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

    /// Whether another program may have changed the file since this store last read
    /// or wrote it. Cheap when nothing changed (one `stat`); reads the file only when
    /// its metadata moved, to tell a real change from a touch.
    pub fn changed_on_disk(&mut self) -> Result<bool, StoreError> {
        let stamp = Stamp::of(&self.real);
        if stamp == self.stamp {
            return Ok(false);
        }
        let now = Fingerprint::of_file(&self.real)?;
        if now == self.known {
            self.stamp = stamp;
            return Ok(false);
        }
        Ok(true)
    }

    /// The file as it is on disk now, without taking it as this store's version.
    pub fn read_on_disk(&self) -> Result<Workspace, StoreError> {
        let bytes = read::read(&self.real)?;
        envelope::decode(&self.path, &bytes)
    }

    /// Takes the file as another program left it as this store's version, when this
    /// store has nothing unsaved to lose.
    pub fn reload(&mut self) -> Result<Workspace, StoreError> {
        let stamp = Stamp::of(&self.real);
        let bytes = read::read(&self.real)?;
        let workspace = envelope::decode(&self.path, &bytes)?;
        // The reader's limits, as when the file is opened: a version this build cannot
        // work with is not taken (the window keeps its own).
        if let Some(reason) = crate::domain::integrity::refusal(&workspace) {
            return Err(StoreError::Refused {
                path: self.path.clone(),
                reason,
            });
        }
        self.known = Some(Fingerprint::of(&bytes));
        self.stamp = stamp;
        self.set_aside_before_save = false;
        Ok(workspace)
    }

    /// Saves `workspace`, unless another program changed the file since this store last
    /// read or wrote it ([`StoreError::ChangedOnDisk`]) — checked when the save begins
    /// and again immediately before its rename — or it holds what the reader refuses
    /// ([`StoreError::Unworkable`]).
    pub fn save(&mut self, workspace: &Workspace, at: Timestamp) -> Result<Saved, StoreError> {
        if !self.is_writable() {
            return Err(StoreError::ReadOnly);
        }
        // A cheap look first (one stat): a change it shows is confirmed by the bytes
        // before anything is written; the check that counts is the one just before the
        // rename, which always reads the bytes.
        if Stamp::of(&self.real) != self.stamp {
            self.check_unchanged()?;
        }
        self.write(workspace, at, true)
    }

    /// The file on disk is still the one this store read or wrote: its bytes (its size,
    /// time and identity only for a file too large to read that is being set aside).
    fn check_unchanged(&self) -> Result<(), StoreError> {
        let changed = || StoreError::ChangedOnDisk {
            path: self.path.clone(),
        };
        // The bytes decide: a touch without a change is no conflict, and a change that
        // kept the size and time (a coarse clock, a copy with `cp -p`) still is one.
        match Fingerprint::of_file(&self.real) {
            Ok(now) if now == self.known => Ok(()),
            Ok(_) => Err(changed()),
            // A file too large to read, which a restored backup replaces (it is kept
            // aside first): its size, time and identity decide.
            Err(StoreError::TooLarge { .. })
                if self.set_aside_before_save && self.known.is_none() =>
            {
                if Stamp::of(&self.real) == self.stamp {
                    Ok(())
                } else {
                    Err(changed())
                }
            }
            Err(other) => Err(other),
        }
    }

    /// Runs `pause` immediately before every save's rename, after the final check that
    /// the file is unchanged is about to be made: for tests that change the file from
    /// outside at the last moment.
    #[doc(hidden)]
    pub fn pause_before_rename(&mut self, pause: Option<fn(&Path)>) {
        self.before_rename = pause;
    }

    /// Saves `workspace` over another program's change, first keeping that version in
    /// the backups folder. Returns where it was kept. Refused when the file on disk was
    /// written by a newer Smallprint: this build would drop what it added.
    pub fn save_keeping_theirs(
        &mut self,
        workspace: &Workspace,
        at: Timestamp,
    ) -> Result<(Saved, Option<PathBuf>), StoreError> {
        if !self.is_writable() {
            return Err(StoreError::ReadOnly);
        }
        // The bounded reader: a file turned into a pipe is refused, not waited for.
        let kept = match read::read_if_present(&self.real)? {
            Some(theirs) => {
                if let Err(newer @ StoreError::NewerVersion { .. }) =
                    envelope::decode(&self.path, &theirs)
                {
                    return Err(newer);
                }
                Some(
                    backups::keep_copy(&self.real, &theirs, at, "changed-elsewhere")
                        .map_err(|e| self.write_error(e))?,
                )
            }
            None => None,
        };
        let saved = self.write(workspace, at, false)?;
        Ok((saved, kept))
    }

    /// Reloads the file as another program left it, first keeping `mine` (the version
    /// open in the app) in the backups folder. Returns the file's workspace and the copy.
    pub fn reload_keeping_mine(
        &mut self,
        mine: &Workspace,
        at: Timestamp,
    ) -> Result<(Workspace, PathBuf), StoreError> {
        let kept = self.keep_mine(mine, at)?;
        let workspace = self.reload()?;
        Ok((workspace, kept))
    }

    /// Keeps `mine` in the backups folder as a copy rotation never deletes.
    pub fn keep_mine(&self, mine: &Workspace, at: Timestamp) -> Result<PathBuf, StoreError> {
        backups::keep_copy(&self.real, &envelope::encode_at(mine, at), at, "mine")
            .map_err(|e| self.write_error(e))
    }

    /// Keeps `mine` beside the file, where a person looks first, under a name nothing
    /// else uses: for edits the window cannot save when it closes (a conflict open).
    pub fn keep_unsaved_copy(
        &self,
        mine: &Workspace,
        at: Timestamp,
    ) -> Result<PathBuf, StoreError> {
        backups::keep_unsaved_copy(&self.real, &envelope::encode_at(mine, at), at)
            .map_err(|e| self.write_error(e))
    }

    /// [`Self::keep_unsaved_copy`] into `folder` (created private if need be), for when
    /// the file's own folder cannot be written.
    pub fn keep_unsaved_copy_in(
        &self,
        folder: &Path,
        mine: &Workspace,
        at: Timestamp,
    ) -> Result<PathBuf, StoreError> {
        let write_error = |source| StoreError::Write {
            path: folder.to_owned(),
            source,
        };
        atomic::create_private_dir(folder).map_err(write_error)?;
        let name = self.real.file_name().unwrap_or_default();
        backups::keep_unsaved_copy(&folder.join(name), &envelope::encode_at(mine, at), at)
            .map_err(write_error)
    }

    /// The copies [`Self::keep_unsaved_copy`] left beside the file, oldest first.
    pub fn unsaved_copies(&self) -> Vec<PathBuf> {
        backups::unsaved_copies(&self.real)
    }

    /// Writes `workspace`; with `guarded`, only if the file is still the one this store
    /// knows when the new bytes are about to replace it.
    fn write(
        &mut self,
        workspace: &Workspace,
        at: Timestamp,
        guarded: bool,
    ) -> Result<Saved, StoreError> {
        refuse_unworkable(&self.path, workspace)?;
        let bytes = envelope::encode_at(workspace, at);
        refuse_oversized(&self.path, &bytes)?;
        // An unreadable file is linked under a new name first, and only then replaced
        // atomically: at every moment the path holds a file, and the unreadable one
        // survives under its new name.
        let mut set_aside = None;
        if self.set_aside_before_save && self.real.exists() {
            let aside = self.real.with_file_name(format!(
                "{}.unreadable-{}.json",
                self.real
                    .file_stem()
                    .map(|s| s.to_string_lossy())
                    .unwrap_or_default(),
                at.as_second()
            ));
            keep_aside(&self.real, &aside).map_err(|e| self.write_error(e))?;
            set_aside = Some(aside);
        }
        let mut conflict = None;
        let written = atomic::write_durably_checked(&self.real, &bytes, || {
            if let Some(pause) = self.before_rename {
                pause(&self.real);
            }
            if guarded && let Err(e) = self.check_unchanged() {
                conflict = Some(e);
                return Err(io::Error::other("the file changed during the save"));
            }
            Ok(())
        });
        if let Err(e) = written {
            if let Some(aside) = &set_aside
                && paths::same_file(aside, &self.real)
            {
                // The original is still in place; the extra name goes. (If another
                // program replaced the file meanwhile, the aside name is the original's
                // last one, and stays.)
                let _ = fs::remove_file(aside);
            }
            return Err(conflict.unwrap_or_else(|| self.write_error(e)));
        }
        self.known = Some(Fingerprint::of(&bytes));
        self.stamp = Stamp::of(&self.real);
        self.set_aside_before_save = false;
        let backup_failed = backups::record(&self.real, &bytes, at).err().map(|e| {
            format!(
                "its backup in {} could not be written ({e})",
                backups::backup_dir(&self.real).display()
            )
        });
        Ok(Saved {
            set_aside,
            backup_failed,
        })
    }
}

/// Gives `file` a second name `aside` (a hard link, or a private durable copy where the
/// file system has none), leaving `file` where it is.
fn keep_aside(file: &Path, aside: &Path) -> io::Result<()> {
    match fs::hard_link(file, aside) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            let bytes = read::read(file).map_err(|e| io::Error::other(e.to_string()))?;
            atomic::write_durably(aside, &bytes)
        }
    }
}
