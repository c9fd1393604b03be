//! UI preferences, kept in eframe's storage: never shop data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::command::{Look, Screen};

/// How many recent files the File menu remembers.
const RECENT_FILES: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub recent_files: Vec<PathBuf>,
    pub screen: Screen,
    /// Light or dark, and the text size.
    pub look: Look,
}

impl Preferences {
    pub(super) const STORAGE_KEY: &'static str = "smallprint.preferences";

    pub(super) fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
    }
}
