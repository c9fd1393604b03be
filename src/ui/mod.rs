//! The egui screens. They read the model and emit [`Command`]s; they never do I/O.

mod chrome;
mod organisation;
mod overview;
mod settings;
mod start;
mod upcoming;

use jiff::civil::Date;

pub use chrome::{
    MenuState, StatusLine, banner, conflict_dialog, menu_bar, navigation, status_bar,
};
pub use start::{no_file, unreadable, welcome};

use crate::{
    app::OpenWorkspace,
    command::{Command, Screen},
};

/// Per-screen UI state that outlives a frame (form drafts, scroll positions…).
#[derive(Debug, Default)]
pub struct ScreenStates {
    pub current: Screen,
    organisation: organisation::OrganisationForm,
}

impl ScreenStates {
    pub fn new(current: Screen) -> Self {
        Self {
            current,
            ..Self::default()
        }
    }

    /// Forgets drafts, for when another file is opened.
    pub fn reset(&mut self) {
        *self = Self::new(self.current);
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        open: &OpenWorkspace,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let workspace = &open.workspace;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !open.store.is_writable() {
                    ui.disable();
                }
                match self.current {
                    Screen::Overview => overview::ui(ui, workspace, today, commands),
                    Screen::Organisation => {
                        self.organisation.ui(ui, &workspace.organisation, commands);
                    }
                    Screen::Settings => settings::ui(ui, workspace, open.store.path()),
                    upcoming => upcoming::ui(ui, upcoming, workspace, commands),
                }
            });
    }
}
