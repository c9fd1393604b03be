//! The egui screens. They read the model and emit [`Command`]s; they never do I/O.

mod calendar;
mod chrome;
mod derived;
mod documents;
mod fields;
mod letter;
mod organisation;
mod overview;
mod preview;
mod register;
mod requests;
mod settings;
mod start;

use jiff::civil::Date;

pub use chrome::{
    MenuState, StatusLine, banner, conflict_dialog, menu_bar, navigation, status_bar,
};
pub use derived::Derived;
pub use start::{no_file, unreadable, welcome};

use crate::{
    app::OpenWorkspace,
    command::{Command, Screen},
    domain::RequestId,
};

/// Adds `DejaVu` Sans as the last fallback face: egui's own fonts lack the arrows of a
/// deadline's working and many letters of requesters' names (Greek, Cyrillic, Vietnamese…).
pub fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontData, FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert::new(
        "DejaVuSans",
        FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        families,
    ));
}

/// Per-screen UI state that outlives a frame (form drafts, filters, the month shown…).
#[derive(Debug, Default)]
pub struct ScreenStates {
    pub current: Screen,
    organisation: organisation::OrganisationForm,
    requests: requests::RequestsScreen,
    calendar: calendar::CalendarScreen,
    register: register::RegisterScreen,
    documents: documents::DocumentsScreen,
    derived: Derived,
}

impl ScreenStates {
    pub fn new(current: Screen) -> Self {
        Self {
            current,
            ..Self::default()
        }
    }

    /// Forgets drafts and caches, for when another file is opened.
    pub fn reset(&mut self) {
        *self = Self::new(self.current);
    }

    /// Forgets what forms typed but the workspace no longer holds (after undo or redo).
    pub fn forget_drafts(&mut self) {
        self.documents.forget_drafts();
    }

    /// Shows one activity in the Register's editor.
    pub fn open_activity(&mut self, id: crate::domain::ActivityId) {
        self.current = Screen::Register;
        self.register.select(id);
    }

    /// Shows one request on the Requests screen.
    pub fn open_request(&mut self, id: RequestId) {
        self.current = Screen::Requests;
        self.requests.select(id);
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        open: &OpenWorkspace,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let workspace = &open.workspace;
        let derived = self.derived.update(workspace, open.revision, today);
        let writable = open.store.is_writable();
        match self.current {
            // These lay out their own scrolling: the table and the month grid.
            Screen::Requests => self.requests.ui(
                ui,
                workspace,
                derived,
                open.revision,
                today,
                writable,
                commands,
            ),
            Screen::Calendar => self.calendar.ui(ui, workspace, derived, today, commands),
            Screen::Register => self.register.ui(ui, workspace, writable, commands),
            Screen::Documents => {
                self.documents
                    .ui(ui, workspace, open.revision, today, writable, commands);
            }
            screen => {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if !writable {
                            ui.disable();
                        }
                        match screen {
                            Screen::Overview => {
                                overview::ui(ui, workspace, derived, today, commands);
                            }
                            Screen::Organisation => {
                                self.organisation.ui(ui, &workspace.organisation, commands);
                            }
                            Screen::Settings => {
                                settings::ui(ui, workspace, derived, open.store.path(), commands);
                            }
                            Screen::Requests
                            | Screen::Calendar
                            | Screen::Register
                            | Screen::Documents => {}
                        }
                    });
            }
        }
    }
}

/// Colours for urgency, shared by the table, the calendar and the overview.
pub mod urgency {
    use egui::Color32;

    use crate::domain::agenda::Urgency;

    pub const OVERDUE: Color32 = Color32::from_rgb(0xd0, 0x30, 0x30);
    pub const SOON: Color32 = Color32::from_rgb(0xd0, 0x80, 0x00);

    pub fn colour(urgency: Urgency, default: Color32) -> Color32 {
        match urgency {
            Urgency::Overdue => OVERDUE,
            Urgency::Soon => SOON,
            Urgency::Later => default,
        }
    }
}
