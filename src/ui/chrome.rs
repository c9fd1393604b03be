//! The frame around every screen: menu bar, side navigation, status bar, banners and
//! the save-conflict dialog.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::{
    access::{self, Announce},
    theme::{self, spacing},
    widgets,
};
use crate::{
    command::{self, Action, Command, ConflictChoice, Screen},
    session::{SaveState, Session, Tone},
};

pub struct MenuState<'a> {
    pub has_workspace: bool,
    /// What Undo would take back, if anything.
    pub undo: Option<String>,
    /// What Redo would bring back, if anything.
    pub redo: Option<String>,
    pub recent_files: &'a [PathBuf],
}

fn menu_item(ui: &mut egui::Ui, action: Action, enabled: bool) -> bool {
    menu_item_named(ui, action, action.label, enabled)
}

fn menu_item_named(ui: &mut egui::Ui, action: Action, label: &str, enabled: bool) -> bool {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = action.shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let response = ui
        .add_enabled(enabled, button)
        .on_hover_text(action.tooltip);
    access::menu_item(ui, &response);
    response.clicked()
}

pub fn menu_bar(ui: &mut egui::Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        let menu = ui.menu_button("File", |ui| {
            if menu_item(ui, command::NEW_FILE, true) {
                commands.push(Command::NewFile);
            }
            if menu_item(ui, command::OPEN_FILE, true) {
                commands.push(Command::OpenFile);
            }
            ui.add_enabled_ui(!state.recent_files.is_empty(), |ui| {
                ui.menu_button("Open recent", |ui| {
                    for path in state.recent_files {
                        if ui.button(path.display().to_string()).clicked() {
                            commands.push(Command::OpenPath(path.clone()));
                        }
                    }
                });
            });
            ui.separator();
            if menu_item(ui, command::SAVE_NOW, state.has_workspace) {
                commands.push(Command::SaveNow);
            }
            if menu_item(ui, command::SAVE_AS, state.has_workspace) {
                commands.push(Command::SaveAs);
            }
            ui.separator();
            if menu_item(ui, command::QUIT, true) {
                commands.push(Command::Quit);
            }
        });
        access::menu(ui, &menu.response, menu.inner.is_some());
        let menu = ui.menu_button("Edit", |ui| {
            // The menu names the edit, so an undo never surprises.
            for (action, what, command) in [
                (command::UNDO, &state.undo, Command::Undo),
                (command::REDO, &state.redo, Command::Redo),
            ] {
                let label = what.as_ref().map_or_else(
                    || action.label.to_owned(),
                    |what| format!("{}: {what}", action.label),
                );
                if menu_item_named(ui, action, &label, what.is_some()) {
                    commands.push(command);
                }
            }
        });
        access::menu(ui, &menu.response, menu.inner.is_some());
        let menu = ui.menu_button("Help", |ui| {
            if menu_item(ui, command::ABOUT, true) {
                commands.push(Command::ShowAbout);
            }
        });
        access::menu(ui, &menu.response, menu.inner.is_some());
        ui.separator();
        // Undo and redo also sit in the bar itself: they are the buttons people look for
        // after a slip, and a text field's focus does not hide them.
        for (action, what, command) in [
            (command::UNDO, &state.undo, Command::Undo),
            (command::REDO, &state.redo, Command::Redo),
        ] {
            let shortcut = action
                .shortcut
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            let tooltip = match what {
                Some(what) => format!("{}: {what} ({shortcut})", action.label),
                None => format!("{} ({shortcut})", action.tooltip),
            };
            if ui
                .add_enabled(what.is_some(), egui::Button::new(action.label))
                .on_hover_text(tooltip)
                .clicked()
            {
                commands.push(command);
            }
        }
    });
}

pub fn navigation(ui: &mut egui::Ui, current: Screen, commands: &mut Vec<Command>) {
    ui.add_space(spacing::PARAGRAPH);
    for screen in Screen::ALL {
        let label = RichText::new(screen.title()).size(theme::text::NAVIGATION);
        // The current screen's own entry is a command too: it goes back to the screen's
        // list (see `ScreenStates::navigate`).
        let response = ui.selectable_label(current == screen, label);
        widgets::focus_if_asked(ui, &navigation_key(screen), &response);
        if response.clicked() {
            commands.push(Command::Navigate(screen));
        }
        ui.add_space(spacing::HAIR);
    }
}

/// A screen's entry in the navigation, among the places the keyboard is sent to (F6).
pub fn navigation_key(screen: Screen) -> String {
    format!("navigation: {}", screen.title())
}

/// The status bar's words, worked out from the session.
pub struct StatusLine {
    /// Whether the file is saved, with its tone.
    pub save: (String, Tone),
    /// What the last action did, or why it did not.
    pub message: Option<(String, Tone)>,
    /// The file the last action wrote.
    pub written: Option<PathBuf>,
    pub path: Option<PathBuf>,
}

impl StatusLine {
    pub fn of(session: &Session) -> Self {
        let save = match session {
            Session::Open(open) => match (&open.save_state, open.is_writable()) {
                (_, false) => (
                    "Read-only: open in another Smallprint window".to_owned(),
                    Tone::Warning,
                ),
                (SaveState::Saved, true) => ("All changes saved".to_owned(), Tone::Info),
                (SaveState::Pending { .. }, true) => ("Saving…".to_owned(), Tone::Info),
                (SaveState::Failed(error), true) => (format!("Not saved: {error}"), Tone::Error),
                (SaveState::Conflict, true) => (
                    "Not saved: the file was changed by another program".to_owned(),
                    Tone::Error,
                ),
            },
            Session::FirstRun(_) => ("New workspace: nothing saved yet".to_owned(), Tone::Info),
            Session::Unreadable { .. } => (
                "This file cannot be opened; it has not been changed".to_owned(),
                Tone::Error,
            ),
            Session::NoFile { .. } => ("No workspace open".to_owned(), Tone::Info),
        };
        let status = session
            .open_workspace()
            .and_then(|open| open.status.as_ref());
        Self {
            save,
            message: status.map(|status| (status.text.clone(), status.tone)),
            written: status.and_then(|status| status.file.clone()),
            path: session.path().map(std::path::Path::to_owned),
        }
    }
}

/// The status message's name among the places the keyboard is sent to (F6).
pub const STATUS_MESSAGE: &str = "status message";

pub fn status_bar(ui: &mut egui::Ui, status: &StatusLine, commands: &mut Vec<Command>) {
    let palette = theme::palette(ui);
    ui.horizontal(|ui| {
        let (text, tone) = &status.save;
        let save = ui.label(RichText::new(text).color(palette.tone(*tone)));
        // A failed save is said at once; "Saving…" and "saved" after every edit are not
        // said at all, or a screen reader would speak each second of typing.
        if *tone == Tone::Error {
            access::live(ui, &save, Announce::Assertive);
        }
        // Right to left: the buttons and the path keep their place (a long file name is
        // shortened, whole on hover).
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(path) = &status.path {
                ui.add(egui::Label::new(RichText::new(file_name(path)).weak()).truncate())
                    .on_hover_text(path.display().to_string());
            }
            if let Some(written) = &status.written {
                ui.separator();
                if ui
                    .small_button("Copy path")
                    .on_hover_text("Put the exported file's full path on the clipboard")
                    .clicked()
                {
                    commands.push(Command::CopyText {
                        text: written.display().to_string(),
                        what: format!("the path {}", written.display()),
                    });
                }
                if let Some(folder) = written.parent()
                    && ui
                        .small_button("Open folder")
                        .on_hover_text(format!("Show {} in your file manager", folder.display()))
                        .clicked()
                {
                    commands.push(Command::OpenFolder(folder.to_owned()));
                }
            }
        });
    });
    // A message on lines of its own, wrapped whole: never cut at the window's edge.
    if let Some((text, tone)) = &status.message {
        // Spoken as it appears (a refusal at once), and a place F6 takes the keyboard
        // to, to hear it again.
        let message = ui.add(
            egui::Label::new(RichText::new(text).color(palette.tone(*tone)))
                .wrap()
                .sense(egui::Sense::focusable_noninteractive()),
        );
        let announce = match tone {
            Tone::Error | Tone::Warning => Announce::Assertive,
            Tone::Info | Tone::Success => Announce::Polite,
        };
        access::live(ui, &message, announce);
        widgets::focus_if_asked(ui, STATUS_MESSAGE, &message);
        access::focus_ring(ui, &message);
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// Says, all the time the example is open, that it is not the user's shop, with the
/// way to their own.
pub fn example_banner(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(theme::palette(ui).info_fill)
        .inner_margin(spacing::INNER_MARGIN)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new("This is the example shop")
                        .strong()
                        .color(theme::palette(ui).strong),
                );
                ui.label(
                    "— a fictional business to look around and try things in. Nothing here is yours.",
                );
                if ui
                    .button("Start my own")
                    .on_hover_text("Leave the example and open your own workspace (empty, if you have none yet)")
                    .clicked()
                {
                    commands.push(Command::StartMyOwn);
                }
            });
        });
    ui.add_space(spacing::INNER_MARGIN);
}

pub fn banner(ui: &mut egui::Ui, message: &str, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(theme::palette(ui).warning_fill)
        .inner_margin(spacing::INNER_MARGIN)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(message);
            if ui.small_button("Dismiss").clicked() {
                commands.push(Command::DismissNotice);
            }
        });
    ui.add_space(spacing::INNER_MARGIN);
}

/// The save-conflict dialog. `newer` is set when the file on disk was written by a
/// newer Smallprint: keeping this version would write over it with an older format and
/// drop what the newer one added, so that choice is not offered.
/// Shown instead of closing while edits are not saved: the window never closes with
/// unsaved edits unsaid. Asking offers Save elsewhere, Keep as a copy, Quit without
/// saving and Cancel; once kept, it says where, and offers Quit.
pub fn unsaved_close_dialog(
    ctx: &egui::Context,
    dialog: &crate::command::CloseDialog,
    commands: &mut Vec<Command>,
) {
    use crate::command::{CloseChoice, CloseDialog};
    let response = egui::Modal::new(egui::Id::unique("unsaved_on_close")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match dialog {
            CloseDialog::Asking { why } => {
                access::name_dialog(ui, "Your changes are not saved");
                access::heading(ui, "Your changes are not saved", access::Level::Section);
                ui.label(why.as_str());
                ui.label(
                    "Save them as another file, keep them as a copy (beside the file, or in \
                     Smallprint's own folder when that cannot be written), or quit and lose them.",
                );
                ui.add_space(spacing::INNER_MARGIN);
                ui.horizontal_wrapped(|ui| {
                    if ui.button("Save elsewhere…").clicked() {
                        commands.push(Command::CloseUnsaved(CloseChoice::SaveElsewhere));
                    }
                    if ui.button("Keep as a copy").clicked() {
                        commands.push(Command::CloseUnsaved(CloseChoice::KeepCopy));
                    }
                    if ui.button("Quit without saving").clicked() {
                        commands.push(Command::CloseUnsaved(CloseChoice::QuitWithoutSaving));
                    }
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CloseUnsaved(CloseChoice::Stay));
                    }
                });
            }
            CloseDialog::Kept { message, copy } => {
                access::name_dialog(ui, "Your changes are kept");
                access::heading(ui, "Your changes are kept", access::Level::Section);
                ui.label(message.as_str());
                ui.add_space(spacing::INNER_MARGIN);
                ui.horizontal(|ui| {
                    if let Some(copy) = copy
                        && ui.button("Copy path").clicked()
                    {
                        commands.push(Command::CopyText {
                            text: copy.display().to_string(),
                            what: format!("the path {}", copy.display()),
                        });
                    }
                    if ui.button("Quit").clicked() {
                        commands.push(Command::CloseUnsaved(CloseChoice::Quit));
                    }
                });
            }
        }
    });
    if response.should_close() && matches!(dialog, CloseDialog::Asking { .. }) {
        commands.push(Command::CloseUnsaved(CloseChoice::Stay));
    }
}

pub fn conflict_dialog(
    ctx: &egui::Context,
    path: &Path,
    newer: Option<&str>,
    commands: &mut Vec<Command>,
) {
    egui::Modal::new(egui::Id::unique("save_conflict")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        if let Some(newer) = newer {
            access::name_dialog(ui, "A newer Smallprint changed the file");
            access::heading(
                ui,
                "A newer Smallprint changed the file",
                access::Level::Section,
            );
            ui.label(newer);
            ui.label(
                "Your version cannot be saved over it: this Smallprint would drop what the \
                 newer one added. Save your version as another file, or leave the file to \
                 the newer Smallprint (your version is kept as a copy in the backups folder).",
            );
            ui.add_space(spacing::INNER_MARGIN);
            ui.horizontal(|ui| {
                if ui.button("Save my version as…").clicked() {
                    commands.push(Command::SaveAs);
                }
                if ui.button("Leave it to the newer version").clicked() {
                    commands.push(Command::ResolveConflict(ConflictChoice::UseTheirs));
                }
            });
            return;
        }
        access::name_dialog(ui, "The file was changed elsewhere");
        access::heading(ui, "The file was changed elsewhere", access::Level::Section);
        ui.label(format!(
            "{} was changed by another program (a sync service, an editor, a copy) since \
             Smallprint opened it. Which version should the file keep? The other one is \
             kept as a copy in the backups folder, so nothing is lost.",
            path.display()
        ));
        ui.add_space(spacing::INNER_MARGIN);
        ui.horizontal(|ui| {
            if ui.button("Keep my version").clicked() {
                commands.push(Command::ResolveConflict(ConflictChoice::KeepMine));
            }
            if ui.button("Use the version on disk").clicked() {
                commands.push(Command::ResolveConflict(ConflictChoice::UseTheirs));
            }
        });
    });
}
