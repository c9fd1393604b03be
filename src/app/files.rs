//! The workspace file: autosave, switching files, Save as, the first run and restoring
//! from a backup. Saving itself, and choosing a side in a conflict, belong to the
//! session; this is where the window decides when.

use std::path::{Path, PathBuf};

use super::SmallprintApp;
use crate::{
    command::Screen,
    domain::{Workspace, example::example_workspace},
    platform,
    session::{SaveState, Session, Tone},
};

impl SmallprintApp {
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(open) = self.session.open_workspace() else {
            return;
        };
        if let SaveState::Pending { since } = open.save_state {
            let due_in = since + self.options.autosave_delay - self.now;
            if due_in <= 0.0 {
                self.save();
                // The status bar must say "saved" without waiting for the mouse.
                ctx.request_repaint();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due_in));
            }
        }
    }

    /// Saves now if there is anything to save. Also called on exit.
    pub fn save(&mut self) {
        let at = self.clock.now().timestamp();
        if let Some(open) = self.session.open_workspace_mut() {
            open.save(at);
        }
    }

    /// Leaves the current file (saving it first) and opens `path`.
    pub(super) fn switch_to(&mut self, path: &Path) {
        if self.session.has_unsaved_changes() {
            self.save();
            if self.session.has_unsaved_changes() {
                return; // the status bar says why; nothing is lost by staying
            }
        }
        // Release our lock before re-opening the same file.
        self.session = Session::NoFile {
            reason: String::new(),
        };
        self.session = Session::open(path);
        self.screens.reset();
        self.remember_current_file();
    }

    /// Writes the workspace to `path` and continues there. Refused while another
    /// Smallprint has `path` open; saving as the open file itself is a plain save.
    pub(super) fn save_as(&mut self, path: &Path) {
        let Some(open) = self.session.open_workspace_mut() else {
            return;
        };
        open.settle_typing();
        let workspace = open.workspace.clone();
        if crate::store::resolve(path).is_ok_and(|real| real == open.real_file()) {
            self.save();
            return;
        }
        let kept = match crate::store::write_new(path, &workspace, self.clock.now().timestamp()) {
            Ok(kept) => kept,
            Err(error) => {
                if let Some(open) = self.session.open_workspace_mut() {
                    open.say(Tone::Error, error.to_string());
                }
                return;
            }
        };
        // The edits are in the new file now, whatever this one's state (a conflict, a
        // failed save): leave it without saving over it.
        self.session = Session::NoFile {
            reason: String::new(),
        };
        self.session = Session::open(path);
        if let (Some(kept), Some(open)) = (kept, self.session.open_workspace_mut()) {
            open.say(
                Tone::Info,
                format!(
                    "The workspace that was at {} was kept as {}.",
                    path.display(),
                    kept.display()
                ),
            );
        }
        self.screens.reset();
        self.remember_current_file();
    }

    /// First run: begins the file with `workspace` and saves it at once.
    pub(super) fn start(&mut self, workspace: Workspace) {
        let placeholder = Session::NoFile {
            reason: String::new(),
        };
        let Session::FirstRun(new) = std::mem::replace(&mut self.session, placeholder) else {
            return;
        };
        let organisation_missing = workspace.organisation.legal_name.is_empty();
        self.session = Session::Open(new.start(workspace, self.now));
        self.save();
        self.remember_current_file();
        self.screens.current = if organisation_missing {
            Screen::Organisation
        } else {
            Screen::Overview
        };
    }

    /// Opens the fictional example shop in its own file beside the user's, creating it
    /// the first time, so exploring it never writes into the user's workspace.
    pub(super) fn explore_example(&mut self) {
        let Some(path) = self.example_path() else {
            self.session = Session::NoFile {
                reason: "This system has no folder for application data, so the example shop has nowhere to go. Open or create a workspace file from the File menu.".to_owned(),
            };
            return;
        };
        if !path.exists()
            && let Err(error) = crate::store::write_new(
                &path,
                &example_workspace(self.clock.today()),
                self.clock.now().timestamp(),
            )
        {
            self.session = Session::NoFile {
                reason: format!(
                    "The example shop could not be created at {}: {error}",
                    path.display()
                ),
            };
            return;
        }
        self.switch_to(&path);
        self.screens.current = Screen::Overview;
    }

    /// Leaves the example for the user's own workspace, beginning it empty if there is
    /// none yet.
    pub(super) fn start_my_own(&mut self) {
        let Some(own) = self.own_path() else {
            return;
        };
        self.switch_to(&own);
        if matches!(self.session, Session::FirstRun(_)) {
            self.start(Workspace::default());
        }
    }

    /// Beside the user's own file.
    fn example_path(&self) -> Option<PathBuf> {
        let own = self.own_path()?;
        Some(own.with_file_name(platform::EXAMPLE_FILE_NAME))
    }

    /// The user's own workspace: the file the window started on, unless that was the
    /// example itself.
    fn own_path(&self) -> Option<PathBuf> {
        let home = self.home_path.clone()?;
        if home
            .file_name()
            .is_some_and(|name| name == platform::EXAMPLE_FILE_NAME)
        {
            Some(home.with_file_name(platform::DEFAULT_FILE_NAME))
        } else {
            Some(home)
        }
    }

    pub(super) fn open_backup(&mut self, backup: &Path) {
        let Session::Unreadable { path, .. } = &self.session else {
            return;
        };
        let path = path.clone();
        self.session = Session::open_backup(&path, backup, self.clock.now().time_zone());
        self.remember_current_file();
    }

    /// The file on disk is a newer Smallprint's: keep this window's version as a copy,
    /// then show the file as this build shows any file it cannot read (it says to
    /// update), never writing over it.
    pub(super) fn leave_to_newer_version(&mut self) {
        let at = self.clock.now().timestamp();
        let Some(open) = self.session.open_workspace_mut() else {
            return;
        };
        open.settle_typing();
        let path = open.path().to_owned();
        let kept = match open.keep_mine_as_copy(at) {
            Ok(copy) => format!(" Your version was kept as {}.", copy.display()),
            Err(reason) => {
                // Nothing is left without a copy: stay, and say why.
                if let Some(open) = self.session.open_workspace_mut() {
                    open.say(
                        Tone::Error,
                        format!("Your version could not be kept as a copy, so the window stays on it: {reason}"),
                    );
                }
                return;
            }
        };
        self.session = Session::NoFile {
            reason: String::new(),
        };
        self.session = match Session::open(&path) {
            Session::Unreadable {
                path,
                reason,
                backups,
            } => Session::Unreadable {
                path,
                reason: reason + &kept,
                backups,
            },
            other => other,
        };
        self.screens.reset();
    }
}
