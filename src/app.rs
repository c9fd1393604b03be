//! The eframe application: owns the open workspace, its store, the undo history and the
//! UI state; draws through [`crate::ui`], then applies the [`Command`]s the UI emitted.

use std::{
    path::PathBuf,
    sync::{
        Arc,
        atomic::{AtomicU64, Ordering},
    },
};

use serde::{Deserialize, Serialize};

use crate::{
    clock::Clock,
    command::{Command, ConflictChoice, Screen, shortcuts},
    documents::ics,
    domain::{
        Workspace, agenda,
        example::example_workspace,
        holidays::{Holidays, parse_feed},
        register::ProcessingActivity,
    },
    platform,
    store::{Contents, Store, StoreError},
    ui,
};

/// How many recent files the File menu remembers.
const RECENT_FILES: usize = 8;
/// Edits of the same kind closer together than this undo as one step, so undo takes
/// back a typed word rather than a letter.
const COALESCE_SECONDS: f64 = 1.5;
const UNDO_DEPTH: usize = 200;

/// Every version of every open workspace gets a distinct revision, so screens can
/// cache what they derive from it (deadlines, the agenda) and notice any change.
fn next_revision() -> u64 {
    static REVISIONS: AtomicU64 = AtomicU64::new(1);
    REVISIONS.fetch_add(1, Ordering::Relaxed)
}

/// Knobs that tests turn.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Seconds between the last edit and the autosave.
    pub autosave_delay: f64,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            autosave_delay: 1.0,
        }
    }
}

/// UI preferences, kept in eframe storage. Never shop data.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub recent_files: Vec<PathBuf>,
    pub screen: Screen,
}

impl Preferences {
    const STORAGE_KEY: &'static str = "smallprint.preferences";

    fn remember(&mut self, path: &std::path::Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_owned());
        self.recent_files.truncate(RECENT_FILES);
    }
}

/// What the status bar says about saving.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveState {
    Saved,
    /// Edited at this egui time; autosave follows.
    Pending {
        since: f64,
    },
    Failed(String),
    /// Another program changed the file: the user chooses which version wins.
    Conflict,
}

#[derive(Debug, Default)]
struct History {
    undo: Vec<Workspace>,
    redo: Vec<Workspace>,
    last_edit: Option<(&'static str, f64)>,
}

impl History {
    /// Records the version before an edit. Edits with the same `coalesce` key close
    /// together form one undo step; `None` never merges.
    fn record(&mut self, before: Workspace, coalesce: Option<&'static str>, now: f64) {
        let continues_last_edit = matches!((self.last_edit, coalesce),
            (Some((last_kind, at)), Some(kind)) if last_kind == kind && now - at < COALESCE_SECONDS);
        if !continues_last_edit {
            self.undo.push(before);
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.redo.clear();
        self.last_edit = coalesce.map(|kind| (kind, now));
    }

    fn step(from: &mut Vec<Workspace>, to: &mut Vec<Workspace>, current: &mut Workspace) -> bool {
        let Some(previous) = from.pop() else {
            return false;
        };
        to.push(std::mem::replace(current, previous));
        true
    }

    fn undo(&mut self, current: &mut Workspace) -> bool {
        self.last_edit = None;
        Self::step(&mut self.undo, &mut self.redo, current)
    }

    fn redo(&mut self, current: &mut Workspace) -> bool {
        self.last_edit = None;
        Self::step(&mut self.redo, &mut self.undo, current)
    }
}

/// A workspace open in the window.
#[derive(Debug)]
pub struct OpenWorkspace {
    pub store: Store,
    pub workspace: Workspace,
    /// Changes whenever `workspace` does.
    pub revision: u64,
    history: History,
    pub save_state: SaveState,
    /// Something the user should know about this file, shown in a banner.
    pub notice: Option<String>,
}

impl OpenWorkspace {
    fn new(store: Store, workspace: Workspace) -> Self {
        let notice = store.read_only_reason().map(|reason| reason.to_string());
        Self {
            store,
            workspace,
            revision: next_revision(),
            history: History::default(),
            save_state: SaveState::Saved,
            notice,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.history.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.history.redo.is_empty()
    }
}

/// What the window is showing.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // one value per window, mostly `Open`
pub enum Session {
    Open(OpenWorkspace),
    /// No file at the path yet: offer an empty workspace or the example shop.
    FirstRun {
        store: Store,
    },
    /// The file exists but this build cannot use it; it is never written.
    Unreadable {
        path: PathBuf,
        reason: String,
        /// When the newest readable backup was saved, if there is one.
        backup: Option<String>,
    },
    /// Not even a path to work with (no data directory, or the folder is not writable).
    NoFile {
        reason: String,
    },
}

pub struct SmallprintApp {
    clock: Arc<dyn Clock>,
    options: AppOptions,
    pub prefs: Preferences,
    pub session: Session,
    screens: ui::ScreenStates,
    commands: Vec<Command>,
    /// egui's time at the start of the current frame.
    now: f64,
    sent_title: String,
    fonts_installed: bool,
}

impl SmallprintApp {
    /// Opens `path`, or the platform's default workspace file when it is `None`.
    pub fn new(
        path: Option<PathBuf>,
        clock: Arc<dyn Clock>,
        options: AppOptions,
        prefs: Preferences,
    ) -> Self {
        let screens = ui::ScreenStates::new(prefs.screen);
        let session = match path.or_else(platform::default_workspace_path) {
            Some(path) => Self::open_session(&path),
            None => Session::NoFile {
                reason: "This system has no folder for application data. Open or create a workspace file from the File menu.".to_owned(),
            },
        };
        let mut app = Self {
            clock,
            options,
            prefs,
            session,
            screens,
            commands: Vec::new(),
            now: 0.0,
            sent_title: String::new(),
            fonts_installed: false,
        };
        app.remember_current_file();
        app
    }

    /// Creates the app for eframe, restoring UI preferences from its storage.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        path: Option<PathBuf>,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let prefs = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, Preferences::STORAGE_KEY))
            .unwrap_or_default();
        Self::new(path, clock, AppOptions::default(), prefs)
    }

    fn open_session(path: &std::path::Path) -> Session {
        match Store::open(path) {
            Ok((store, Contents::Workspace(workspace))) => {
                Session::Open(OpenWorkspace::new(store, workspace))
            }
            Ok((store, Contents::Missing)) => Session::FirstRun { store },
            Err(error) if error.is_unreadable_file() => Session::Unreadable {
                path: path.to_owned(),
                reason: error.to_string(),
                backup: crate::store::backups::newest_readable(path)
                    .map(|(backup, _)| backup.day.strftime("%-d %B %Y").to_string()),
            },
            Err(error) => Session::NoFile {
                reason: error.to_string(),
            },
        }
    }

    fn remember_current_file(&mut self) {
        if let Session::Open(open) = &self.session {
            let path = open.store.path().to_owned();
            self.prefs.remember(&path);
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        match &self.session {
            Session::Open(open) => Some(&open.workspace),
            _ => None,
        }
    }

    pub fn open_workspace(&self) -> Option<&OpenWorkspace> {
        match &self.session {
            Session::Open(open) => Some(open),
            _ => None,
        }
    }

    pub fn current_screen(&self) -> Screen {
        self.screens.current
    }

    /// "Kestrel Forge 3D — workspace.json — Smallprint".
    pub fn window_title(&self) -> String {
        let file_name = |path: &std::path::Path| {
            path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        };
        match &self.session {
            Session::Open(open) => {
                let name = open.workspace.display_name();
                let shop = if name.is_empty() {
                    "Unnamed shop"
                } else {
                    name
                };
                let read_only = if open.store.is_writable() {
                    ""
                } else {
                    " (read-only)"
                };
                format!(
                    "{shop} — {}{read_only} — Smallprint",
                    file_name(open.store.path())
                )
            }
            Session::FirstRun { store } => format!("{} — Smallprint", file_name(store.path())),
            Session::Unreadable { path, .. } => {
                format!("{} (cannot be opened) — Smallprint", file_name(path))
            }
            Session::NoFile { .. } => "Smallprint".to_owned(),
        }
    }

    /// Draws one frame and applies what the user did in it. Called by eframe and by the
    /// UI tests, which drive the real app without a window.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.fonts_installed {
            ui::install_fonts(ui.ctx());
            self.fonts_installed = true;
        }
        self.now = ui.input(|i| i.time);
        self.read_shortcuts(ui.ctx());
        self.update_title(ui.ctx());
        self.draw(ui);
        self.apply_commands();
        self.autosave(ui.ctx());
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        // A focused text field answers Ctrl+Z itself (undoing typing in the field).
        let text_field_focused = ctx.egui_wants_keyboard_input();
        for (action, command) in shortcuts() {
            let Some(shortcut) = action.shortcut else {
                continue;
            };
            if text_field_focused && matches!(command, Command::Undo | Command::Redo) {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                self.commands.push(command);
            }
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        let menu = ui::MenuState {
            has_workspace: matches!(self.session, Session::Open(_)),
            can_undo: self.open_workspace().is_some_and(OpenWorkspace::can_undo),
            can_redo: self.open_workspace().is_some_and(OpenWorkspace::can_redo),
            recent_files: &self.prefs.recent_files,
        };
        egui::Panel::top("menu_bar").show(ui, |ui| ui::menu_bar(ui, &menu, &mut self.commands));
        let status = ui::StatusLine::of(&self.session);
        egui::Panel::bottom("status_bar").show(ui, |ui| ui::status_bar(ui, &status));
        match &mut self.session {
            Session::Open(open) => {
                egui::Panel::left("navigation")
                    .resizable(false)
                    .show(ui, |ui| {
                        ui::navigation(ui, self.screens.current, &mut self.commands);
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    if let Some(notice) = &open.notice {
                        ui::banner(ui, notice, &mut self.commands);
                    }
                    let today = self.clock.today();
                    self.screens.ui(ui, open, today, &mut self.commands);
                });
                if open.save_state == SaveState::Conflict {
                    ui::conflict_dialog(ui.ctx(), open.store.path(), &mut self.commands);
                }
            }
            Session::FirstRun { store } => {
                let path = store.path().to_owned();
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::welcome(ui, &path, &mut self.commands));
            }
            Session::Unreadable {
                path,
                reason,
                backup,
            } => {
                let (path, reason, backup) = (path.clone(), reason.clone(), backup.clone());
                egui::CentralPanel::default().show(ui, |ui| {
                    ui::unreadable(ui, &path, &reason, backup.as_deref(), &mut self.commands);
                });
            }
            Session::NoFile { reason } => {
                let reason = reason.clone();
                egui::CentralPanel::default()
                    .show(ui, |ui| ui::no_file(ui, &reason, &mut self.commands));
            }
        }
    }

    fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
    }

    /// Applies one command. Public so tests can act as the UI would.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Navigate(screen) => {
                self.screens.current = screen;
                self.prefs.screen = screen;
            }
            Command::UpdateOrganisation(organisation) => {
                self.edit(Some("organisation"), |workspace| {
                    workspace.organisation = organisation;
                });
            }
            Command::LogRequest(new) => {
                let mut logged = None;
                self.edit(None, |workspace| logged = Some(workspace.log_request(new)));
                if let Some(id) = logged {
                    self.screens.open_request(id);
                }
            }
            Command::RecordRequestEvent { request, event, on } => {
                let today = self.clock.today();
                self.edit(None, |workspace| {
                    let nation = workspace.organisation.nation;
                    let holidays = workspace.holidays().into_owned();
                    if let Some(request) = workspace.request_mut(request) {
                        // The screen checked the step; a refused one changes nothing.
                        let _ = request.record(event, on, today, nation, &holidays);
                    }
                });
            }
            Command::OpenRequest(id) => self.screens.open_request(id),
            Command::OpenActivity(id) => self.screens.open_activity(id),
            Command::ExportCalendar => {
                if let Some(path) = platform::pick_calendar_export_path() {
                    self.export_calendar(&path);
                }
            }
            Command::ExportCalendarTo(path) => self.export_calendar(&path),
            Command::ImportBankHolidays => {
                if let Some(path) = platform::pick_bank_holidays_file() {
                    self.import_bank_holidays(&path);
                }
            }
            Command::ImportBankHolidaysFrom(path) => self.import_bank_holidays(&path),
            Command::UseCatalogue(index) => {
                if let Some(business) = crate::domain::catalogue::business_types().get(index) {
                    self.edit(None, |workspace| {
                        for template in &business.activities {
                            let activity = template.instantiate(&mut workspace.ids);
                            workspace.register.push(activity);
                        }
                    });
                }
            }
            Command::AddActivity => {
                let mut added = None;
                self.edit(None, |workspace| {
                    let id = workspace.ids.activity();
                    workspace.register.push(ProcessingActivity::new(id, ""));
                    added = Some(id);
                });
                if let Some(id) = added {
                    self.screens.open_activity(id);
                }
            }
            Command::UpdateActivity(activity) => {
                self.edit(Some("activity"), |workspace| {
                    if let Some(slot) = workspace.register.iter_mut().find(|a| a.id == activity.id)
                    {
                        *slot = activity;
                    }
                });
            }
            Command::DuplicateActivity(id) => {
                let mut added = None;
                self.edit(None, |workspace| {
                    let Some(original) = workspace.register.iter().position(|a| a.id == id) else {
                        return;
                    };
                    let mut copy = workspace.register[original].clone();
                    copy.id = workspace.ids.activity();
                    copy.purpose = format!("{} (copy)", copy.purpose);
                    added = Some(copy.id);
                    workspace.register.insert(original + 1, copy);
                });
                if let Some(id) = added {
                    self.screens.open_activity(id);
                }
            }
            Command::DeleteActivity(id) => {
                self.edit(None, |workspace| {
                    workspace.register.retain(|a| a.id != id);
                    for request in &mut workspace.requests {
                        request.activities.retain(|linked| *linked != id);
                    }
                });
            }
            Command::ExportRegisterCsv => {
                if let Some(path) = platform::pick_csv_export_path() {
                    self.export_register(&path);
                }
            }
            Command::ExportRegisterCsvTo(path) => self.export_register(&path),
            Command::ExportNotice { format, style } => {
                let file_name = format!("privacy-notice.{}", format.extension());
                if let Some(path) = platform::pick_document_export_path(
                    "Export the privacy notice",
                    &format.to_string(),
                    &file_name,
                ) {
                    self.export_notice(format, style, &path);
                }
            }
            Command::ExportNoticeTo {
                format,
                style,
                path,
            } => self.export_notice(format, style, &path),
            Command::ExportLetter {
                request,
                template,
                parts,
                format,
            } => {
                let file_name = self
                    .workspace()
                    .and_then(|w| w.request(request))
                    .map(|r| format!("{}-{}.{}", r.reference, template.name(), format.extension()))
                    .unwrap_or_default();
                if let Some(path) = platform::pick_document_export_path(
                    "Export the letter",
                    &format.to_string(),
                    &file_name,
                ) {
                    self.export_letter(request, template, &parts, format, &path);
                }
            }
            Command::ExportLetterTo {
                request,
                template,
                parts,
                format,
                path,
            } => self.export_letter(request, template, &parts, format, &path),
            Command::SendLetter {
                request,
                template,
                text,
                implied,
                on,
            } => self.send_letter(request, &template, text, implied, on),
            Command::UpdateRegulator(regulator) => {
                self.edit(Some("regulator"), |workspace| {
                    workspace.settings.regulator = regulator;
                });
            }
            Command::SetNoticeLastUpdated(date) => {
                self.edit(Some("notice_last_updated"), |workspace| {
                    workspace.settings.notice_last_updated = date;
                });
            }
            Command::DismissNotice => {
                if let Session::Open(open) = &mut self.session {
                    open.notice = open
                        .store
                        .read_only_reason()
                        .map(|reason| reason.to_string());
                }
            }
            Command::SaveNow => self.save(),
            Command::Undo => {
                self.step_history(History::undo);
                self.screens.forget_drafts();
            }
            Command::Redo => {
                self.step_history(History::redo);
                self.screens.forget_drafts();
            }
            Command::NewFile => {
                if let Some(path) =
                    platform::pick_new_workspace_path("Create a new Smallprint workspace")
                {
                    self.switch_to(&path);
                }
            }
            Command::OpenFile => {
                if let Some(path) = platform::pick_workspace_to_open() {
                    self.switch_to(&path);
                }
            }
            Command::OpenPath(path) => self.switch_to(&path),
            Command::SaveAs => {
                if let Some(path) =
                    platform::pick_new_workspace_path("Save a copy of this workspace")
                {
                    self.save_as(&path);
                }
            }
            Command::StartEmpty => self.start(Workspace::default()),
            Command::StartWithExample => self.start(example_workspace(self.clock.today())),
            Command::OpenNewestBackup => self.open_newest_backup(),
            Command::ResolveConflict(choice) => self.resolve_conflict(choice),
        }
    }

    /// Changes the workspace through `change`, recording an undo step and scheduling
    /// an autosave. A read-only workspace is never changed.
    fn edit(&mut self, coalesce: Option<&'static str>, change: impl FnOnce(&mut Workspace)) {
        let now = self.now;
        let Session::Open(open) = &mut self.session else {
            return;
        };
        if !open.store.is_writable() {
            return;
        }
        let before = open.workspace.clone();
        change(&mut open.workspace);
        if open.workspace == before {
            return;
        }
        open.history.record(before, coalesce, now);
        Self::mark_changed(open, now);
    }

    fn mark_changed(open: &mut OpenWorkspace, now: f64) {
        open.revision = next_revision();
        if open.save_state != SaveState::Conflict {
            open.save_state = SaveState::Pending { since: now };
        }
    }

    fn step_history(&mut self, step: fn(&mut History, &mut Workspace) -> bool) {
        let now = self.now;
        let Session::Open(open) = &mut self.session else {
            return;
        };
        if open.store.is_writable() && step(&mut open.history, &mut open.workspace) {
            Self::mark_changed(open, now);
        }
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        let Session::Open(open) = &self.session else {
            return;
        };
        if let SaveState::Pending { since } = open.save_state {
            let due_in = since + self.options.autosave_delay - self.now;
            if due_in <= 0.0 {
                self.save();
            } else {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(due_in));
            }
        }
    }

    /// Saves now if there is anything to save. Also called on exit.
    pub fn save(&mut self) {
        let at = self.clock.now().timestamp();
        let Session::Open(open) = &mut self.session else {
            return;
        };
        if !open.store.is_writable() || open.save_state == SaveState::Conflict {
            return;
        }
        open.save_state = match open.store.save(&open.workspace, at) {
            Ok(saved) => {
                if let Some(aside) = saved.set_aside {
                    open.notice = Some(format!(
                        "The file that could not be read was kept as {} and replaced by your restored backup.",
                        aside.display()
                    ));
                }
                SaveState::Saved
            }
            Err(StoreError::ChangedOnDisk { .. }) => SaveState::Conflict,
            Err(error) => SaveState::Failed(error.to_string()),
        };
    }

    fn has_unsaved_changes(&self) -> bool {
        matches!(&self.session, Session::Open(open) if open.save_state != SaveState::Saved)
    }

    fn resolve_conflict(&mut self, choice: ConflictChoice) {
        let at = self.clock.now().timestamp();
        let Session::Open(open) = &mut self.session else {
            return;
        };
        let result =
            match choice {
                ConflictChoice::KeepMine => open
                    .store
                    .save_keeping_theirs(&open.workspace, at)
                    .map(|(_, kept)| {
                        kept.map(|path| {
                            format!("The other version was kept as {}.", path.display())
                        })
                    }),
                ConflictChoice::UseTheirs => open
                    .store
                    .reload_keeping_mine(&open.workspace, at)
                    .map(|(theirs, kept)| {
                        open.workspace = theirs;
                        open.revision = next_revision();
                        open.history = History::default();
                        Some(format!("Your version was kept as {}.", kept.display()))
                    }),
            };
        match result {
            Ok(notice) => {
                open.save_state = SaveState::Saved;
                open.notice = notice;
            }
            Err(error) => open.save_state = SaveState::Failed(error.to_string()),
        }
    }

    fn set_notice(&mut self, notice: String) {
        if let Session::Open(open) = &mut self.session {
            open.notice = Some(notice);
        }
    }

    fn export_calendar(&mut self, path: &std::path::Path) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let today = self.clock.today();
        let holidays = workspace.holidays();
        let deadlines = agenda::deadlines(workspace, &holidays, today);
        let items = agenda::agenda(workspace, &deadlines, today);
        let text = ics::calendar_ics(workspace, &items, self.clock.now().timestamp());
        let notice = match crate::store::write_export(path, text.as_bytes()) {
            Ok(()) => format!(
                "Exported {} dates to {}. Import it into your calendar; exporting again later updates the same events.",
                items.len(),
                path.display()
            ),
            Err(error) => error.to_string(),
        };
        self.set_notice(notice);
    }

    fn export_register(&mut self, path: &std::path::Path) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let bytes = crate::documents::register_csv::register_csv(workspace);
        let count = workspace.register.len();
        let notice = match crate::store::write_export(path, &bytes) {
            Ok(()) => format!("Exported {count} activities to {}.", path.display()),
            Err(error) => error.to_string(),
        };
        self.set_notice(notice);
    }

    fn export_notice(
        &mut self,
        format: crate::documents::Format,
        style: crate::documents::notice::NoticeStyle,
        path: &std::path::Path,
    ) {
        let Some(workspace) = self.workspace() else {
            return;
        };
        let document =
            crate::documents::notice::privacy_notice(workspace, style, self.clock.today());
        self.write_document(&document, format, path, "the privacy notice");
    }

    fn export_letter(
        &mut self,
        request: crate::domain::RequestId,
        template: crate::documents::letters::Template,
        parts: &crate::documents::letters::Parts,
        format: crate::documents::Format,
        path: &std::path::Path,
    ) {
        let today = self.clock.today();
        let Some((workspace, found)) = self
            .workspace()
            .and_then(|w| w.request(request).map(|r| (w, r)))
        else {
            return;
        };
        let document = crate::documents::letters::letter(workspace, found, template, today, parts);
        self.write_document(&document, format, path, "the letter");
    }

    /// Writes a document export and says in the banner whether it worked.
    fn write_document(
        &mut self,
        document: &crate::documents::model::Document,
        format: crate::documents::Format,
        path: &std::path::Path,
        what: &str,
    ) {
        let written = format
            .render(document)
            .map_err(|error| error.to_string())
            .and_then(|bytes| {
                crate::store::write_export(path, &bytes).map_err(|error| error.to_string())
            });
        let notice = match written {
            Ok(()) => format!("Exported {what} as {format} to {}.", path.display()),
            Err(error) => format!("Could not export {what}: {error}"),
        };
        self.set_notice(notice);
    }

    /// Records a sent letter and the step it implies, both or neither: the steps run on
    /// a copy of the request first, so a refused step leaves no half-recorded letter.
    fn send_letter(
        &mut self,
        request: crate::domain::RequestId,
        template: &str,
        text: String,
        implied: Option<crate::domain::requests::RequestEvent>,
        on: jiff::civil::Date,
    ) {
        use crate::domain::requests::RequestEvent;
        let today = self.clock.today();
        let mut outcome: Result<String, String> = Err("the request is no longer there".to_owned());
        self.edit(None, |workspace| {
            let nation = workspace.organisation.nation;
            let holidays = workspace.holidays().into_owned();
            let Some(original) = workspace.request_mut(request) else {
                return;
            };
            let mut updated = original.clone();
            let sent = RequestEvent::LetterSent {
                template: template.to_owned(),
                text,
            };
            let result = updated
                .record(sent, on, today, nation, &holidays)
                .and_then(|()| match implied {
                    Some(event) => updated.record(event, on, today, nation, &holidays),
                    None => Ok(()),
                });
            outcome = match result {
                Ok(()) => {
                    *original = updated;
                    Ok(format!(
                        "{template} recorded as sent in {}'s timeline.",
                        original.reference
                    ))
                }
                Err(error) => Err(error.to_string()),
            };
        });
        let notice = match outcome {
            Ok(done) => done,
            Err(reason) => format!("The letter was not recorded as sent: {reason}."),
        };
        self.set_notice(notice);
    }

    fn import_bank_holidays(&mut self, path: &std::path::Path) {
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| format!("it could not be read ({e})"))
            .and_then(|text| parse_feed(&text).map_err(|e| e.to_string()));
        let feed = match parsed {
            Ok(feed) => feed,
            Err(reason) => {
                self.set_notice(format!(
                    "{} was not imported: {reason}. Nothing was changed.",
                    path.display()
                ));
                return;
            }
        };
        let mut merged_years = (i16::MAX, i16::MIN);
        self.edit(None, |workspace| {
            let mut imported = workspace
                .settings
                .imported_bank_holidays
                .as_ref()
                .map(Holidays::from_feed)
                .unwrap_or_default();
            imported.merge(&feed);
            for nation in crate::domain::Nation::ALL {
                if let Some((first, last)) = imported.covered_years(nation) {
                    merged_years = (merged_years.0.min(first), merged_years.1.max(last));
                }
            }
            workspace.settings.imported_bank_holidays = Some(imported.to_feed());
        });
        self.set_notice(format!(
            "Imported the bank holidays in {} ({}–{}). Deadlines now use them.",
            path.display(),
            merged_years.0,
            merged_years.1
        ));
    }

    /// Leaves the current file (saving it first) and opens `path`.
    fn switch_to(&mut self, path: &std::path::Path) {
        if self.has_unsaved_changes() {
            self.save();
            if self.has_unsaved_changes() {
                return; // the status bar says why; nothing is lost by staying
            }
        }
        // Release our lock before re-opening the same file.
        self.session = Session::NoFile {
            reason: String::new(),
        };
        self.session = Self::open_session(path);
        self.screens.reset();
        self.remember_current_file();
    }

    fn save_as(&mut self, path: &std::path::Path) {
        let Some(workspace) = self.workspace().cloned() else {
            return;
        };
        if let Err(error) = crate::store::write_new(path, &workspace) {
            if let Session::Open(open) = &mut self.session {
                open.save_state = SaveState::Failed(error.to_string());
            }
            return;
        }
        self.switch_to(path);
    }

    fn start(&mut self, workspace: Workspace) {
        let placeholder = Session::NoFile {
            reason: String::new(),
        };
        let Session::FirstRun { store } = std::mem::replace(&mut self.session, placeholder) else {
            return;
        };
        let mut open = OpenWorkspace::new(store, workspace);
        open.save_state = SaveState::Pending { since: self.now };
        self.session = Session::Open(open);
        self.save();
        self.remember_current_file();
        self.screens.current = if self
            .workspace()
            .is_some_and(|w| w.organisation.legal_name.is_empty())
        {
            Screen::Organisation
        } else {
            Screen::Overview
        };
    }

    fn open_newest_backup(&mut self) {
        let Session::Unreadable { path, .. } = &self.session else {
            return;
        };
        let path = path.clone();
        self.session = match Store::open_from_backup(&path) {
            Ok(Some((store, workspace, backup))) => {
                let mut open = OpenWorkspace::new(store, workspace);
                open.notice = Some(format!(
                    "Opened the backup {}. The file that could not be read is left as it is until your first change, then kept beside it under a new name.",
                    backup.path.display()
                ));
                Session::Open(open)
            }
            Ok(None) => Session::NoFile {
                reason: "No readable backup was found.".to_owned(),
            },
            Err(error) => Session::NoFile {
                reason: error.to_string(),
            },
        };
        self.remember_current_file();
    }
}

impl eframe::App for SmallprintApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        SmallprintApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Preferences::STORAGE_KEY, &self.prefs);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.has_unsaved_changes() {
            self.save();
        }
    }
}
