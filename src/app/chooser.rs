//! Asking for a file: the native dialog when the desktop has one, Smallprint's own
//! chooser when it does not (or it fails) — never nothing. Which way was taken is
//! written to standard error, so a support question can be answered from the log.

use std::path::PathBuf;

use super::SmallprintApp;
use crate::{
    command::Export,
    platform::{self, DialogAnswer, FileMode, FileRequest},
    ui::file_chooser::{ChooseMode, ChooserEvent, Entry, FileChooser},
};

/// What a chosen path is for.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PathUse {
    Export(Export),
    OpenWorkspace,
    NewWorkspace,
    SaveAs,
    ImportBankHolidays,
}

/// The in-app chooser while it is open, with what its answer is for.
#[derive(Debug)]
pub(super) struct PendingChoice {
    chooser: FileChooser,
    then: PathUse,
}

/// The system's file dialog while it is open (the window keeps drawing meanwhile).
pub(super) struct NativeDialog {
    request: FileRequest,
    then: PathUse,
    answer: std::sync::mpsc::Receiver<DialogAnswer>,
    /// The workspace file open when it was asked: what it is for (a letter to one of its
    /// requests, a copy of it) belongs to that file only.
    asked_in: Option<PathBuf>,
}

impl SmallprintApp {
    /// Asks where (or which file) for `then`, and carries it out once answered.
    pub(super) fn ask_path(&mut self, then: PathUse) {
        if self.native_dialog.is_some() || self.chooser.is_some() {
            self.say(
                crate::session::Tone::Info,
                "A file dialog is already open: answer or cancel it first.",
            );
            return;
        }
        let request = self.file_request(&then);
        if !self.options.native_file_dialogs {
            self.answered(
                request,
                then,
                DialogAnswer::Unavailable("the system file dialog is turned off"),
            );
            return;
        }
        let wake = self.egui_ctx.clone();
        let answer = platform::ask_in_background(&request, move || {
            if let Some(ctx) = wake {
                ctx.request_repaint();
            }
        });
        self.native_dialog = Some(NativeDialog {
            request,
            then,
            answer,
            asked_in: self.session.path().map(std::path::Path::to_owned),
        });
        self.poll_native_dialog();
    }

    /// Acts on the system dialog's answer once it has come.
    pub(super) fn poll_native_dialog(&mut self) {
        let Some(open) = &self.native_dialog else {
            return;
        };
        let answer = match open.answer.try_recv() {
            Ok(answer) => answer,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                DialogAnswer::Unavailable("the system file dialog stopped")
            }
        };
        let Some(open) = self.native_dialog.take() else {
            return;
        };
        let still_there = self.session.path() == open.asked_in.as_deref();
        if !still_there && matches!(answer, DialogAnswer::Chosen(_)) {
            // Another file was opened while the dialog was up: its requests are not the
            // ones the question was about.
            eprintln!("smallprint: the system file dialog answered after another file was opened");
            self.say(
                crate::session::Tone::Warning,
                "Nothing was done with the file you chose: another workspace was opened while the file dialog was open. Ask again from this one.",
            );
            return;
        }
        self.answered(open.request, open.then, answer);
    }

    /// Whether the system's file dialog is open.
    pub(super) fn asking(&self) -> bool {
        self.native_dialog.is_some()
    }

    fn answered(&mut self, request: FileRequest, then: PathUse, answer: DialogAnswer) {
        match answer {
            DialogAnswer::Chosen(path) => {
                eprintln!(
                    "smallprint: the system file dialog chose {}",
                    path.display()
                );
                self.use_path(then, path);
            }
            DialogAnswer::Cancelled => {
                eprintln!("smallprint: the system file dialog was cancelled");
            }
            DialogAnswer::Unavailable(reason) => {
                eprintln!("smallprint: {reason}; using Smallprint's own file chooser");
                let mode = match request.mode {
                    FileMode::Open => ChooseMode::Open,
                    FileMode::Save => ChooseMode::Save,
                };
                let mut chooser = FileChooser::new(
                    request.title,
                    mode,
                    request.extensions,
                    request.folder.clone(),
                    request.file_name,
                )
                .with_places(platform::places());
                chooser.set_listing(request.folder.clone(), list(&request.folder));
                self.chooser = Some(PendingChoice { chooser, then });
            }
        }
    }

    /// Draws the in-app chooser if one is open, and acts on its answer.
    pub(super) fn chooser_ui(&mut self, ctx: &egui::Context) {
        let Some(pending) = &mut self.chooser else {
            return;
        };
        match pending.chooser.show(ctx) {
            None => {}
            Some(ChooserEvent::Browse(folder)) => {
                let listing = list(&folder);
                pending.chooser.set_listing(folder, listing);
            }
            Some(ChooserEvent::Cancelled) => {
                eprintln!("smallprint: Smallprint's own file chooser was cancelled");
                self.chooser = None;
            }
            Some(ChooserEvent::Chosen(path)) => {
                eprintln!(
                    "smallprint: Smallprint's own file chooser chose {}",
                    path.display()
                );
                if let Some(pending) = self.chooser.take() {
                    self.use_path(pending.then, path);
                }
            }
        }
    }

    fn use_path(&mut self, then: PathUse, path: PathBuf) {
        match then {
            PathUse::Export(what) => self.export(&what, Some(path)),
            PathUse::OpenWorkspace | PathUse::NewWorkspace => self.switch_to(&path),
            PathUse::SaveAs => self.save_as(&path),
            PathUse::ImportBankHolidays => self.import_bank_holidays(&path),
        }
    }

    fn file_request(&self, then: &PathUse) -> FileRequest {
        let workspace_folder = self
            .session
            .path()
            .and_then(|path| path.parent().map(std::path::Path::to_owned))
            .or_else(platform::workspaces_folder);
        let documents = platform::documents_folder();
        let json = |mode, title: &str, file_name: &str, folder: Option<PathBuf>| FileRequest {
            mode,
            title: title.to_owned(),
            filter_name: "Smallprint workspace".to_owned(),
            extensions: vec!["json".to_owned()],
            file_name: file_name.to_owned(),
            folder: folder.unwrap_or_default(),
        };
        match then {
            PathUse::OpenWorkspace => json(
                FileMode::Open,
                "Open a Smallprint workspace",
                "",
                workspace_folder,
            ),
            PathUse::NewWorkspace => json(
                FileMode::Save,
                "Create a new Smallprint workspace",
                "my-shop.json",
                workspace_folder,
            ),
            PathUse::SaveAs => json(
                FileMode::Save,
                "Save a copy of this workspace",
                "workspace-copy.json",
                workspace_folder,
            ),
            PathUse::ImportBankHolidays => FileRequest {
                filter_name: "gov.uk bank holidays".to_owned(),
                ..json(
                    FileMode::Open,
                    "Import gov.uk bank holidays",
                    "",
                    platform::downloads_folder().or(documents),
                )
            },
            PathUse::Export(what) => {
                let naming = self
                    .workspace()
                    .map(|workspace| crate::actions::export::naming(workspace, what));
                let (title, filter_name, file_name) = naming.map_or_else(
                    || ("Export".to_owned(), String::new(), String::new()),
                    |n| (n.title.to_owned(), n.filter, n.file_name),
                );
                let extension = std::path::Path::new(&file_name)
                    .extension()
                    .map(|e| e.to_string_lossy().into_owned())
                    .unwrap_or_default();
                FileRequest {
                    mode: FileMode::Save,
                    title,
                    filter_name,
                    extensions: vec![extension],
                    file_name,
                    folder: documents.unwrap_or_default(),
                }
            }
        }
    }
}

fn list(folder: &std::path::Path) -> Result<Vec<Entry>, String> {
    platform::list_folder(folder)
        .map(|entries| {
            entries
                .into_iter()
                .map(|entry| Entry {
                    name: entry.name,
                    is_folder: entry.is_folder,
                })
                .collect()
        })
        .map_err(|error| format!("This folder cannot be listed ({error})."))
}
