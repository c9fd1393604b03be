//! The egui screens. They read the model and emit [`Command`]s; they never do I/O.

pub mod access;
mod breach_letter;
mod breaches;
mod calendar;
mod chrome;

pub use chrome::unsaved_close_dialog;
mod date_picker;
mod documents;
pub mod file_chooser;
mod letter;
mod organisation;
mod overview;
mod preview;
mod register;
mod requests;
mod settings;
mod start;
pub mod theme;
mod website;
pub mod widgets;

use std::path::PathBuf;

use egui::accesskit::Role;

pub use chrome::{STATUS_MESSAGE, navigation_key};

use crate::{
    command::{Command, Look, Screen},
    domain::{ActivityId, BreachId, RequestId},
    session::{SaveState, ScreenContext, Session},
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

/// What the window knows beside the session: preferences and the day.
pub struct FrameState<'a> {
    pub recent_files: &'a [PathBuf],
    /// This instant in UK time.
    pub now: &'a jiff::Zoned,
    /// Whether the open file is the fictional example shop.
    pub example: bool,
    pub look: Look,
}

/// Draws the whole window for `session`: the menu and status bars, then the open
/// workspace's screens or the page that explains why there is none.
pub fn session_ui(
    ui: &mut egui::Ui,
    session: &mut Session,
    screens: &mut ScreenStates,
    frame: &FrameState<'_>,
    commands: &mut Vec<Command>,
) {
    let FrameState {
        recent_files,
        now,
        example,
        look,
    } = *frame;
    let open = session.open_workspace();
    let menu = chrome::MenuState {
        has_workspace: open.is_some(),
        undo: open
            .and_then(|o| o.history().next_undo())
            .map(str::to_owned),
        redo: open
            .and_then(|o| o.history().next_redo())
            .map(str::to_owned),
        recent_files,
    };
    egui::Panel::top("menu_bar").show(ui, |ui| {
        access::region(ui, Role::MenuBar, "Menu", |ui| {
            chrome::menu_bar(ui, &menu, commands);
        });
    });
    let mut status = chrome::StatusLine::of(session);
    let saved = matches!(session, Session::Open(open) if open.save_state == SaveState::Saved);
    if saved && let Some(unsaved) = screens.unsaved(now.time_zone(), now.timestamp()) {
        // The file is saved, but a form holds more: say so rather than "all saved".
        status.save = (unsaved, crate::session::Tone::Warning);
    }
    let status_place = StatusPlace::reserve(ui);
    match session {
        Session::Open(open) => {
            egui::Panel::left("navigation")
                .resizable(false)
                .show(ui, |ui| {
                    access::region(ui, Role::Navigation, "Screens", |ui| {
                        chrome::navigation(ui, screens.current, commands);
                    });
                });
            let in_conflict = open.save_state == SaveState::Conflict;
            let newer_on_disk = open.newer_on_disk.clone();
            let path = open.path().to_owned();
            let notice = open.notice.clone();
            let context = open.context(now);
            egui::CentralPanel::default().show(ui, |ui| {
                access::region(ui, Role::Main, screens.current.title(), |ui| {
                    if example {
                        chrome::example_banner(ui, commands);
                    }
                    if let Some(notice) = &notice {
                        chrome::banner(ui, notice, commands);
                    }
                    screens.ui(ui, context, look, commands);
                });
            });
            if in_conflict {
                chrome::conflict_dialog(ui.ctx(), &path, newer_on_disk.as_deref(), commands);
            }
        }
        Session::FirstRun(new) => {
            let path = new.path().to_owned();
            egui::CentralPanel::default().show(ui, |ui| {
                access::region(ui, Role::Main, "Welcome", |ui| {
                    start::welcome(ui, &path, commands);
                });
            });
        }
        Session::Unreadable {
            path,
            reason,
            backups,
        } => {
            egui::CentralPanel::default().show(ui, |ui| {
                access::region(ui, Role::Main, "This workspace cannot be opened", |ui| {
                    start::unreadable(ui, path, reason, backups, now.time_zone(), commands);
                });
            });
        }
        Session::NoFile { reason } => {
            egui::CentralPanel::default().show(ui, |ui| {
                access::region(ui, Role::Main, "No workspace is open", |ui| {
                    start::no_file(ui, reason, commands);
                });
            });
        }
    }
    status_place.draw(ui, &status, commands);
}

/// The status bar's place, taken first (egui's panels take their space in the order
/// shown) while its contents are drawn after the screen's: the keyboard's Tab order and
/// the accessibility tree then follow the reading order — menu, screens, content,
/// status — as F6 does.
struct StatusPlace {
    /// Where its contents go.
    area: egui::Rect,
    /// The panel's frame around them.
    margins: f32,
}

impl StatusPlace {
    fn height_id() -> egui::Id {
        egui::Id::unique("smallprint_status_height")
    }

    /// Takes the bottom of the window, as tall as the contents were last frame.
    fn reserve(ui: &mut egui::Ui) -> Self {
        let mut panel = egui::Panel::bottom("status_bar");
        if let Some(height) = ui.data(|d| d.get_temp::<f32>(Self::height_id())) {
            panel = panel.exact_size(height);
        }
        let shown = panel.show(ui, |ui| ui.max_rect());
        Self {
            area: shown.inner,
            margins: shown.response.rect.height() - shown.inner.height(),
        }
    }

    /// Draws the status bar in its place, and keeps the height it took for the next
    /// frame (another frame at once when that changed).
    fn draw(self, ui: &mut egui::Ui, status: &chrome::StatusLine, commands: &mut Vec<Command>) {
        let mut status_ui = ui.new_child(
            egui::UiBuilder::new()
                .max_rect(self.area)
                .layout(egui::Layout::top_down(egui::Align::Min)),
        );
        access::region(&mut status_ui, Role::Status, "Status", |ui| {
            chrome::status_bar(ui, status, commands);
        });
        let needed = status_ui.min_rect().height() + self.margins;
        if ui
            .data(|d| d.get_temp::<f32>(Self::height_id()))
            .is_none_or(|height| (height - needed).abs() > 0.5)
        {
            ui.data_mut(|d| d.insert_temp(Self::height_id(), needed));
            ui.ctx().request_repaint();
        }
    }
}

/// Per-screen UI state that outlives a frame (form drafts, filters, the month shown…).
#[derive(Debug, Default)]
pub struct ScreenStates {
    pub current: Screen,
    /// Where the keyboard goes once the next frame draws it.
    focus_next: Option<access::FocusTarget>,
    overview: OverviewScreen,
    settings: SettingsScreen,
    organisation: organisation::OrganisationForm,
    requests: requests::RequestsScreen,
    breaches: breaches::BreachesScreen,
    calendar: calendar::CalendarScreen,
    register: register::RegisterScreen,
    documents: documents::DocumentsScreen,
    website: website::WebsiteScreen,
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
        self.breaches.forget_drafts();
    }

    /// Shows one activity in the Register's editor.
    pub fn open_activity(&mut self, id: ActivityId) {
        self.current = Screen::Register;
        self.focus_next = Some(access::FocusTarget::OpenedItem);
        self.register.select(id);
    }

    /// What a screen's forms hold that the file does not, said in the status bar.
    pub fn unsaved(&self, zone: &jiff::tz::TimeZone, now: jiff::Timestamp) -> Option<String> {
        self.breaches.unsaved(zone, now)
    }

    /// Goes to `screen`. Asked for the screen already shown, a screen with a list and an
    /// opened item (requests, breaches) shows its list again, as a user clicking its name
    /// expects (what a form typed is held by the session, not lost here).
    pub fn navigate(&mut self, screen: Screen) {
        if screen == self.current {
            match screen {
                Screen::Breaches => self.breaches.show_list(),
                Screen::Requests => self.requests.show_table(),
                _ => {}
            }
        }
        self.current = screen;
        // Content first: the next Tab goes on from the screen's title, which a screen
        // reader says as the screen changes.
        self.focus_next = Some(access::FocusTarget::ScreenTitle(screen.title()));
    }

    /// Sends the keyboard to `target` once it is drawn.
    pub fn focus(&mut self, target: access::FocusTarget) {
        self.focus_next = Some(target);
    }

    /// Shows one breach on the Breaches screen.
    pub fn open_breach(&mut self, id: BreachId) {
        self.current = Screen::Breaches;
        self.breaches.select(id);
        self.focus_next = Some(access::FocusTarget::OpenedItem);
    }

    /// Shows one request on the Requests screen.
    pub fn open_request(&mut self, id: RequestId) {
        self.current = Screen::Requests;
        self.requests.select(id);
        self.focus_next = Some(access::FocusTarget::OpenedItem);
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        look: Look,
        commands: &mut Vec<Command>,
    ) {
        if let Some(target) = self.focus_next.take() {
            target.ask(ui.ctx());
        }
        let view = self.view(self.current);
        if view.scrolls_itself() {
            view.ui(ui, context, look, commands);
            return;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !context.writable {
                    ui.disable();
                }
                view.ui(ui, context, look, commands);
            });
    }

    /// The registry of screens: each [`Screen`] with the view that draws it. The match is
    /// exhaustive, so a new screen cannot be left out of the window; the navigation and
    /// the snapshot tests list [`Screen::ALL`].
    fn view(&mut self, screen: Screen) -> &mut dyn ScreenView {
        match screen {
            Screen::Overview => &mut self.overview,
            Screen::Organisation => &mut self.organisation,
            Screen::Register => &mut self.register,
            Screen::Requests => &mut self.requests,
            Screen::Breaches => &mut self.breaches,
            Screen::Calendar => &mut self.calendar,
            Screen::Documents => &mut self.documents,
            Screen::Website => &mut self.website,
            Screen::Settings => &mut self.settings,
        }
    }
}

/// One screen of the side navigation (egui's demo calls this a `View`): drawn each frame
/// from what the session holds, emitting commands for what the user does.
pub trait ScreenView {
    /// Whether it lays out its own scrolling (a table, a month grid, two panes); the
    /// others are drawn inside one vertical scroll area, disabled while read-only.
    fn scrolls_itself(&self) -> bool {
        false
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        look: Look,
        commands: &mut Vec<Command>,
    );
}

/// A screen whose own `ui` lays out its scrolling.
macro_rules! scrolls_itself {
    ($($screen:ty),*) => {$(
        impl ScreenView for $screen {
            fn scrolls_itself(&self) -> bool {
                true
            }

            fn ui(
                &mut self,
                ui: &mut egui::Ui,
                context: ScreenContext<'_>,
                _look: Look,
                commands: &mut Vec<Command>,
            ) {
                <$screen>::ui(self, ui, context, commands);
            }
        }
    )*};
}

scrolls_itself!(
    requests::RequestsScreen,
    breaches::BreachesScreen,
    calendar::CalendarScreen,
    register::RegisterScreen,
    documents::DocumentsScreen
);

/// The Overview: no state of its own.
#[derive(Debug, Default)]
struct OverviewScreen;

impl ScreenView for OverviewScreen {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        _look: Look,
        commands: &mut Vec<Command>,
    ) {
        overview::ui(ui, context, commands);
    }
}

/// Settings: no state of its own; it shows the window's look.
#[derive(Debug, Default)]
struct SettingsScreen;

impl ScreenView for SettingsScreen {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        look: Look,
        commands: &mut Vec<Command>,
    ) {
        settings::ui(ui, context, look, commands);
    }
}

impl ScreenView for organisation::OrganisationForm {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        _look: Look,
        commands: &mut Vec<Command>,
    ) {
        organisation::OrganisationForm::ui(
            self,
            ui,
            &context.workspace.organisation,
            context.today,
            commands,
        );
    }
}

/// Help › About: what this is, its version and licence. Returns whether it stays open.
pub fn about_window(ctx: &egui::Context) -> bool {
    let mut open = true;
    egui::Window::new("About Smallprint")
        .collapsible(false)
        .resizable(false)
        .open(&mut open)
        .show(ctx, |ui| {
            access::name_dialog(ui, "About Smallprint");
            access::heading(
                ui,
                &format!("Smallprint {}", env!("CARGO_PKG_VERSION")),
                access::Level::Section,
            );
            ui.label(env!("CARGO_PKG_DESCRIPTION"));
            ui.add_space(theme::spacing::ITEM);
            ui.label(format!(
                "Licence: {}. Smallprint opens no network connection: your records stay in one file on this computer.",
                env!("CARGO_PKG_LICENSE")
            ));
            ui.label(
                "Smallprint helps you keep records and write documents; it is not legal advice. \
                 The ICO's guidance (ico.org.uk) is the authority.",
            );
        });
    open
}

impl ScreenView for website::WebsiteScreen {
    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        _look: Look,
        commands: &mut Vec<Command>,
    ) {
        website::ui(ui, context, commands);
    }
}
