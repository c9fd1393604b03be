//! The operating system's side: where the data file lives by default and the native
//! file dialogs. Only the app calls this; every path is also reachable from the CLI,
//! because with no desktop portal a dialog simply returns `None`.

use std::path::PathBuf;

use directories::ProjectDirs;

pub const DEFAULT_FILE_NAME: &str = "workspace.json";

/// `workspace.json` in the platform data directory, e.g.
/// `~/.local/share/smallprint/` on Linux, `%APPDATA%\Smallprint\data\` on Windows.
pub fn default_workspace_path() -> Option<PathBuf> {
    ProjectDirs::from("uk", "Smallprint", "smallprint")
        .map(|dirs| dirs.data_dir().join(DEFAULT_FILE_NAME))
}

fn json_dialog() -> rfd::FileDialog {
    rfd::FileDialog::new().add_filter("Smallprint workspace", &["json"])
}

pub fn pick_workspace_to_open() -> Option<PathBuf> {
    json_dialog()
        .set_title("Open a Smallprint workspace")
        .pick_file()
}

pub fn pick_calendar_export_path() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter("Calendar", &["ics"])
        .set_title("Export deadlines to a calendar file")
        .set_file_name("smallprint-deadlines.ics")
        .save_file()
}

pub fn pick_csv_export_path() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter("CSV", &["csv"])
        .set_title("Export the register as CSV")
        .set_file_name("processing-register.csv")
        .save_file()
}

pub fn pick_bank_holidays_file() -> Option<PathBuf> {
    rfd::FileDialog::new()
        .add_filter("gov.uk bank holidays", &["json"])
        .set_title("Import gov.uk bank holidays")
        .pick_file()
}

pub fn pick_new_workspace_path(title: &str) -> Option<PathBuf> {
    json_dialog()
        .set_title(title)
        .set_file_name(DEFAULT_FILE_NAME)
        .save_file()
}

/// Where to save a document, suggesting `file_name` (its extension names the format).
pub fn pick_document_export_path(title: &str, filter: &str, file_name: &str) -> Option<PathBuf> {
    let extension = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_owned();
    rfd::FileDialog::new()
        .add_filter(filter, &[extension.as_str()])
        .set_title(title)
        .set_file_name(file_name)
        .save_file()
}
