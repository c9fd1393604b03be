//! The frame around every screen: menu bar, side navigation, status bar, banners and
//! the save-conflict dialog.

use std::path::{Path, PathBuf};

use egui::{Color32, RichText};

use crate::{
    app::{SaveState, Session},
    command::{self, Action, Command, ConflictChoice, Screen},
};

pub struct MenuState<'a> {
    pub has_workspace: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    pub recent_files: &'a [PathBuf],
}

fn menu_item(ui: &mut egui::Ui, action: Action, enabled: bool) -> bool {
    let mut button = egui::Button::new(action.label);
    if let Some(shortcut) = action.shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    ui.add_enabled(enabled, button)
        .on_hover_text(action.tooltip)
        .clicked()
}

pub fn menu_bar(ui: &mut egui::Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
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
        });
        ui.menu_button("Edit", |ui| {
            if menu_item(ui, command::UNDO, state.can_undo) {
                commands.push(Command::Undo);
            }
            if menu_item(ui, command::REDO, state.can_redo) {
                commands.push(Command::Redo);
            }
        });
        ui.separator();
        // Undo and redo also sit in the bar itself: they are the buttons people look for
        // after a slip, and a text field's focus does not hide them.
        for (action, enabled, command) in [
            (command::UNDO, state.can_undo, Command::Undo),
            (command::REDO, state.can_redo, Command::Redo),
        ] {
            let shortcut = action
                .shortcut
                .map(|s| ui.ctx().format_shortcut(&s))
                .unwrap_or_default();
            let tooltip = format!("{} ({shortcut})", action.tooltip);
            if ui
                .add_enabled(enabled, egui::Button::new(action.label))
                .on_hover_text(tooltip)
                .clicked()
            {
                commands.push(command);
            }
        }
    });
}

pub fn navigation(ui: &mut egui::Ui, current: Screen, commands: &mut Vec<Command>) {
    ui.add_space(8.0);
    for screen in Screen::ALL {
        let label = RichText::new(screen.title()).size(15.0);
        if ui.selectable_label(current == screen, label).clicked() && current != screen {
            commands.push(Command::Navigate(screen));
        }
        ui.add_space(2.0);
    }
}

const WARNING: Color32 = Color32::from_rgb(0xb0, 0x60, 0x00);
const ERROR: Color32 = Color32::from_rgb(0xc0, 0x20, 0x20);

/// The status bar's words, worked out from the session.
pub struct StatusLine {
    pub text: String,
    pub colour: Option<Color32>,
    pub path: Option<PathBuf>,
}

impl StatusLine {
    pub fn of(session: &Session) -> Self {
        match session {
            Session::Open(open) => {
                let (text, colour) = match (&open.save_state, open.store.is_writable()) {
                    (_, false) => (
                        "Read-only: open in another Smallprint window".to_owned(),
                        Some(WARNING),
                    ),
                    (SaveState::Saved, true) => ("All changes saved".to_owned(), None),
                    (SaveState::Pending { .. }, true) => ("Saving…".to_owned(), None),
                    (SaveState::Failed(error), true) => {
                        (format!("Not saved: {error}"), Some(ERROR))
                    }
                    (SaveState::Conflict, true) => (
                        "Not saved: the file was changed by another program".to_owned(),
                        Some(ERROR),
                    ),
                };
                Self {
                    text,
                    colour,
                    path: Some(open.store.path().to_owned()),
                }
            }
            Session::FirstRun { store } => Self {
                text: "New workspace: nothing saved yet".to_owned(),
                colour: None,
                path: Some(store.path().to_owned()),
            },
            Session::Unreadable { path, .. } => Self {
                text: "This file cannot be opened; it has not been changed".to_owned(),
                colour: Some(ERROR),
                path: Some(path.clone()),
            },
            Session::NoFile { .. } => Self {
                text: "No workspace open".to_owned(),
                colour: None,
                path: None,
            },
        }
    }
}

pub fn status_bar(ui: &mut egui::Ui, status: &StatusLine) {
    ui.horizontal(|ui| {
        let text = RichText::new(&status.text);
        ui.label(match status.colour {
            Some(colour) => text.color(colour),
            None => text,
        });
        if let Some(path) = &status.path {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(path.display().to_string()).weak());
            });
        }
    });
}

pub fn banner(ui: &mut egui::Ui, message: &str, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .inner_margin(8.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(message);
            if ui.small_button("Dismiss").clicked() {
                commands.push(Command::DismissNotice);
            }
        });
    ui.add_space(8.0);
}

pub fn conflict_dialog(ctx: &egui::Context, path: &Path, commands: &mut Vec<Command>) {
    egui::Modal::new(egui::Id::unique("save_conflict")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("The file was changed elsewhere");
        ui.label(format!(
            "{} was changed by another program (a sync service, an editor, a copy) since \
             Smallprint opened it. Which version should the file keep? The other one is \
             kept as a copy in the backups folder, so nothing is lost.",
            path.display()
        ));
        ui.add_space(8.0);
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
