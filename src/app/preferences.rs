//! UI preferences, kept in eframe's storage: never shop data.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::command::{Look, Screen};

/// eframe's own settings file (it lists recent workspace paths), made private before
/// eframe first writes it: eframe rewrites it in place, so the mode stays. `None` where
/// the system has no data folder; eframe then keeps nothing.
pub fn private_preferences_file(app_id: &str) -> Option<PathBuf> {
    let path = eframe::storage_dir(app_id)?.join("app.ron");
    match crate::store::make_private_file(&path) {
        Ok(()) => Some(path),
        Err(error) => {
            eprintln!(
                "smallprint: the window's settings will not be kept: {} could not be made private ({error})",
                path.display()
            );
            None
        }
    }
}

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
