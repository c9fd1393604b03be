//! What can go wrong with the workspace file, in words a shop owner can act on.

use std::{io, path::PathBuf};

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("Smallprint could not read {path}: {source}.")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("{path} is {kind}, not a file: Smallprint reads and writes only regular files.")]
    NotAFile { path: PathBuf, kind: &'static str },

    #[error(
        "{path} is larger than {limit_mb} MB, which no Smallprint workspace reaches; it was \
         not read. It may be the wrong file, or damaged."
    )]
    TooLarge { path: PathBuf, limit_mb: u64 },

    #[error("{path} is empty, so it holds no workspace.")]
    Empty { path: PathBuf },

    #[error(
        "{path} is not a text file: the byte at position {offset} is not UTF-8 text. \
         It may be damaged, or it is not a Smallprint file."
    )]
    NotText { path: PathBuf, offset: usize },

    #[error("{path} is damaged: {problem} at line {line}, column {column}.")]
    Damaged {
        path: PathBuf,
        problem: String,
        line: usize,
        column: usize,
    },

    /// Read, but holding what Smallprint cannot work with (see `integrity::refusal`).
    #[error("{path} {reason}")]
    Refused { path: PathBuf, reason: String },

    #[error("{path} is not a Smallprint workspace: {problem}.")]
    NotAWorkspace { path: PathBuf, problem: String },

    #[error(
        "{path} was saved by a newer Smallprint (file format {found}); this version reads \
         formats up to {supported}. Update Smallprint to open it — the file is left untouched."
    )]
    NewerVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },

    #[error(
        "{path} is open in another Smallprint window, so this window can only read it. \
         Close the other window to make changes here."
    )]
    Locked { path: PathBuf },

    #[error(
        "{path} was changed by another program since Smallprint opened it. Choose which \
         version to keep; the other is kept as a copy in the backups folder."
    )]
    ChangedOnDisk { path: PathBuf },

    /// Said as it is by the command line; the window adds that the changes are still
    /// open in it.
    #[error("Smallprint could not write {path}: {source}.")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("This file is open read-only, so changes to it cannot be saved.")]
    ReadOnly,

    /// Another Smallprint (a window, or a command still writing) is the file's writer.
    #[error("{path} is open in Smallprint — close it first. Nothing was written.")]
    InUse { path: PathBuf },

    /// The change would make a file the reader refuses: written, it would lock its
    /// owner out.
    #[error("Nothing was written to {path}: {reason}\nThe file is as it was.")]
    Unworkable { path: PathBuf, reason: String },

    /// A file about to be replaced could not be kept first.
    #[error(
        "Nothing was written to {path}: Smallprint keeps a copy of the file it replaces first, \
         and could not write it in {folder} ({source})."
    )]
    NotKept {
        path: PathBuf,
        folder: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("Smallprint will not write to {path}: {reason}. Nothing was written.")]
    OutputRefused { path: PathBuf, reason: &'static str },
}

impl StoreError {
    /// True when the file itself is unusable by this build (as opposed to a passing
    /// condition such as a lock or a full disk), so the app should offer a backup.
    pub fn is_unreadable_file(&self) -> bool {
        matches!(
            self,
            StoreError::Empty { .. }
                | StoreError::NotAFile { .. }
                | StoreError::TooLarge { .. }
                | StoreError::NotText { .. }
                | StoreError::Damaged { .. }
                | StoreError::NotAWorkspace { .. }
                | StoreError::NewerVersion { .. }
                | StoreError::Refused { .. }
        )
    }
}
