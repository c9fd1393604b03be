//! The operating system's side: where files live by default, the native file dialogs,
//! and showing a folder in the file manager. Only the app calls this.
//!
//! A native dialog is not always there: on a Linux desktop with neither an
//! xdg-desktop-portal file chooser nor `zenity`, rfd returns `None` at once, exactly
//! like Cancel. So [`ask_in_background`] tells the two apart — it checks for a dialog before asking,
//! and treats an empty answer that came back faster than a person can cancel as "not
//! available" — and the app then opens its own chooser instead of doing nothing.

use std::{
    future::Future,
    io,
    path::{Path, PathBuf},
    pin::Pin,
    sync::mpsc,
    time::{Duration, Instant},
};

use directories::{ProjectDirs, UserDirs};

pub const DEFAULT_FILE_NAME: &str = "workspace.json";
/// The fictional example shop lives in its own file beside the user's, never in it.
pub const EXAMPLE_FILE_NAME: &str = "example-shop.json";

/// An empty answer faster than this did not come from a person pressing Cancel.
const FASTEST_HUMAN_CANCEL: Duration = Duration::from_millis(250);

fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("uk", "Smallprint", "smallprint")
}

/// `workspace.json` in the platform data directory, e.g.
/// `~/.local/share/smallprint/` on Linux, `%APPDATA%\Smallprint\data\` on Windows.
pub fn default_workspace_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join(DEFAULT_FILE_NAME))
}

/// Smallprint's own data folder: where edits that could not be saved are kept when
/// their file's folder cannot be written.
pub fn data_folder() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().to_owned())
}

/// Where "Explore the example shop" keeps the fictional shop: beside the user's file.
pub fn example_workspace_path() -> Option<PathBuf> {
    project_dirs().map(|dirs| dirs.data_dir().join(EXAMPLE_FILE_NAME))
}

/// Where exports are suggested: the user's Documents folder (as the desktop names it,
/// else a `Documents` folder in their home), else their home folder.
pub fn documents_folder() -> Option<PathBuf> {
    let dirs = UserDirs::new()?;
    let home = dirs.home_dir();
    Some(match dirs.document_dir() {
        Some(documents) => documents.to_owned(),
        None if home.join("Documents").is_dir() => home.join("Documents"),
        None => home.to_owned(),
    })
}

/// Where a downloaded file (a gov.uk bank-holidays feed) most likely is.
pub fn downloads_folder() -> Option<PathBuf> {
    UserDirs::new().and_then(|dirs| dirs.download_dir().map(Path::to_owned))
}

/// Where workspaces are suggested: the data folder, else the home folder.
pub fn workspaces_folder() -> Option<PathBuf> {
    project_dirs()
        .map(|dirs| dirs.data_dir().to_owned())
        .or_else(|| UserDirs::new().map(|dirs| dirs.home_dir().to_owned()))
}

/// Folders a file chooser offers in one click: home, Documents, Downloads, Desktop
/// and Smallprint's own data folder, those that exist.
pub fn places() -> Vec<(String, PathBuf)> {
    let mut places = Vec::new();
    if let Some(dirs) = UserDirs::new() {
        places.push(("Home".to_owned(), dirs.home_dir().to_owned()));
        let documents = documents_folder().filter(|d| d != dirs.home_dir());
        for (name, dir) in [
            ("Documents", documents.as_deref()),
            ("Downloads", dirs.download_dir()),
            ("Desktop", dirs.desktop_dir()),
        ] {
            if let Some(dir) = dir {
                places.push((name.to_owned(), dir.to_owned()));
            }
        }
    }
    if let Some(data) = workspaces_folder() {
        places.push(("Smallprint's folder".to_owned(), data));
    }
    places.retain(|(_, path)| path.is_dir());
    places
}

/// Whether the chooser picks a file to read or names one to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileMode {
    Open,
    Save,
}

/// What the user is asked for: the same request drives the native dialog and
/// Smallprint's own chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRequest {
    pub mode: FileMode,
    pub title: String,
    /// "PDF", "Smallprint workspace"…
    pub filter_name: String,
    /// Without the dot; the first is added to a typed name that has none.
    pub extensions: Vec<String>,
    /// The suggested name, for a file to write.
    pub file_name: String,
    pub folder: PathBuf,
}

/// What the native dialog answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    Chosen(PathBuf),
    Cancelled,
    /// There is no native dialog, or it failed: the caller should use its own.
    Unavailable(&'static str),
}

/// Asks through the native dialog without holding up the window: the dialog is opened
/// here, on the window's thread (as macOS needs), and its answer awaited on a thread of
/// its own, which calls `wake` once the answer is in the receiver. "Cancelled" is told
/// from "not there" as before: a missing dialog is known before asking, and an empty
/// answer faster than a person can cancel means none was shown.
pub fn ask_in_background(
    request: &FileRequest,
    wake: impl FnOnce() + Send + 'static,
) -> mpsc::Receiver<DialogAnswer> {
    let (sender, answer) = mpsc::channel();
    if let Some(reason) = native_dialog_missing() {
        let _ = sender.send(DialogAnswer::Unavailable(reason));
        wake();
        return answer;
    }
    let extensions: Vec<&str> = request.extensions.iter().map(String::as_str).collect();
    let mut dialog = rfd::AsyncFileDialog::new()
        .set_title(&request.title)
        .add_filter(&request.filter_name, &extensions);
    if request.folder.is_dir() {
        dialog = dialog.set_directory(&request.folder);
    }
    let asked = Instant::now();
    let chosen: Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>> = match request.mode {
        FileMode::Open => Box::pin(dialog.pick_file()),
        FileMode::Save => Box::pin(dialog.set_file_name(&request.file_name).save_file()),
    };
    let waiting = std::thread::Builder::new()
        .name("smallprint-file-dialog".to_owned())
        .spawn(move || {
            let answer = match pollster::block_on(chosen) {
                Some(file) => DialogAnswer::Chosen(file.path().to_owned()),
                None if asked.elapsed() < FASTEST_HUMAN_CANCEL => DialogAnswer::Unavailable(
                    "the system file dialog answered at once with nothing",
                ),
                None => DialogAnswer::Cancelled,
            };
            let _ = sender.send(answer);
            wake();
        });
    if waiting.is_err() {
        // No thread to wait on: the window's own chooser instead.
        let (sender, answer) = mpsc::channel();
        let _ = sender.send(DialogAnswer::Unavailable(
            "the system file dialog could not be waited for",
        ));
        return answer;
    }
    answer
}

/// Why no native dialog can be shown here, if that can be known before asking.
#[cfg(all(unix, not(target_os = "macos")))]
fn native_dialog_missing() -> Option<&'static str> {
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|dir| Path::new(&dir).join("bus").exists());
    if session_bus && portal_file_chooser_installed() {
        return None;
    }
    if on_path("zenity") {
        return None;
    }
    Some("no desktop portal file chooser and no zenity on this system")
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn native_dialog_missing() -> Option<&'static str> {
    None
}

/// Whether some installed portal backend offers a file chooser (the front end alone
/// answers every request with an error).
#[cfg(all(unix, not(target_os = "macos")))]
fn portal_file_chooser_installed() -> bool {
    let data_dirs =
        std::env::var("XDG_DATA_DIRS").unwrap_or_else(|_| "/usr/local/share:/usr/share".to_owned());
    data_dirs.split(':').any(|dir| {
        std::fs::read_dir(Path::new(dir).join("xdg-desktop-portal/portals")).is_ok_and(|portals| {
            portals.flatten().any(|portal| {
                std::fs::read_to_string(portal.path())
                    .is_ok_and(|text| text.contains("org.freedesktop.impl.portal.FileChooser"))
            })
        })
    })
}

#[cfg(all(unix, not(target_os = "macos")))]
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// One entry of a folder, as the in-app chooser lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderEntry {
    pub name: String,
    pub is_folder: bool,
}

/// The folders and files in `folder`, folders first, each group by name; hidden
/// entries (a leading dot) are left out.
pub fn list_folder(folder: &Path) -> io::Result<Vec<FolderEntry>> {
    let mut entries: Vec<FolderEntry> = std::fs::read_dir(folder)?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                return None;
            }
            // Follows symlinks, so a linked folder browses like a folder.
            let is_folder = entry.path().is_dir();
            Some(FolderEntry { name, is_folder })
        })
        .collect();
    entries.sort_by(|a, b| {
        b.is_folder
            .cmp(&a.is_folder)
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    Ok(entries)
}

/// Shows `folder` in the system's file manager.
pub fn open_folder(folder: &Path) -> io::Result<()> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let mut child = std::process::Command::new(program)
        .arg(folder)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reaped on a thread so the window never waits for the file manager; its exit
    // status says nothing useful (explorer returns 1 on success).
    std::thread::spawn(move || child.wait());
    Ok(())
}
