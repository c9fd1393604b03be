//! The eframe application: the frame loop. Each frame it draws the session through
//! [`crate::ui`], then applies the [`Command`]s the UI emitted (`apply`), saves when an
//! edit has settled (`files`), and writes exports (`exports`). Only this layer calls
//! [`crate::platform`].

mod apply;
mod chooser;
mod exports;
mod files;
mod preferences;

use std::{path::PathBuf, sync::Arc};

pub use preferences::{Preferences, private_preferences_file};

use crate::{
    clock::Clock,
    command::{CloseChoice, CloseDialog, Command, Screen, shortcuts},
    domain::Workspace,
    platform,
    session::{OpenWorkspace, Session},
    ui,
};

/// Knobs that tests turn.
#[derive(Debug, Clone)]
pub struct AppOptions {
    /// Seconds between the last edit and the autosave.
    pub autosave_delay: f64,
    /// Whether to try the system's file dialog before Smallprint's own chooser.
    pub native_file_dialogs: bool,
    /// Where edits that cannot be saved are kept when their file's folder cannot be
    /// written either: Smallprint's data folder.
    pub rescue_folder: Option<PathBuf>,
}

impl Default for AppOptions {
    fn default() -> Self {
        Self {
            autosave_delay: 1.0,
            native_file_dialogs: true,
            rescue_folder: platform::data_folder(),
        }
    }
}

/// How the user settled closing the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Settled {
    /// Everything was saved: closing saves anything that came since (an export's
    /// date) as usual.
    SaveOnExit,
    /// The edits were kept as a copy, or the user chose to lose them: closing saves
    /// nothing and keeps no second copy.
    NothingToKeep,
}

/// What commands ask of the window rather than of the workspace.
#[derive(Debug, Default)]
struct WindowRequests {
    /// Text to put on the clipboard at the end of the frame.
    clipboard: Option<String>,
    quit: bool,
    about_open: bool,
    /// The dialog shown instead of closing while edits are unsaved.
    closing: Option<CloseDialog>,
    /// Whether the window may close without asking, and what closing still does.
    settled: Option<Settled>,
    /// The control that had the keyboard when a dialog (a file chooser, About)
    /// opened, to give it back when the dialog closes.
    invoker: Option<egui::Id>,
    /// Give the keyboard to this control at the start of the next frame.
    return_focus: Option<egui::Id>,
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
    /// The file the window started on: the user's own, where "Start my own" returns.
    home_path: Option<PathBuf>,
    chooser: Option<chooser::PendingChoice>,
    /// The system's file dialog while it is open.
    native_dialog: Option<chooser::NativeDialog>,
    /// What commands asked of the window itself, done at the end of the frame.
    window: WindowRequests,
    /// The control that had keyboard focus last frame.
    last_focus: Option<egui::Id>,
    /// Whether Tab was pressed last frame (so a change of focus came from the keyboard).
    tab_pressed: bool,
    /// Whether a pointer button went down last frame (so a lost focus was the user's).
    pointer_pressed: bool,
    /// The region F6 last took the keyboard to: 0 the screens, 1 the content, 2 the
    /// status message.
    region: usize,
    /// The theme and text size applied to the context, to notice a change.
    applied_look: Option<crate::command::Look>,
    /// egui's time when the file was last checked for another program's change.
    disk_checked_at: f64,
    /// The status message shown, and since when (egui time), to let it fade.
    status_seen: Option<(String, f64)>,
    /// Exports being made on worker threads, oldest first.
    export_jobs: Vec<exports::ExportJob>,
    /// The window's context, so a worker can wake the window when it is done.
    egui_ctx: Option<egui::Context>,
}

/// How long a status message stays.
const STATUS_SECONDS: f64 = 10.0;
/// How long a message naming an exported file (with Open folder, Copy path) stays.
const STATUS_WITH_FILE_SECONDS: f64 = 30.0;

/// Seconds between checks for another program's change to the open file.
const DISK_CHECK_SECONDS: f64 = 3.0;

impl SmallprintApp {
    /// Opens `path`, or the platform's default workspace file when it is `None`.
    pub fn new(
        path: Option<PathBuf>,
        clock: Arc<dyn Clock>,
        options: AppOptions,
        prefs: Preferences,
    ) -> Self {
        let screens = ui::ScreenStates::new(prefs.screen);
        let home_path = path.or_else(platform::default_workspace_path);
        let session = match &home_path {
            Some(path) => Session::open(path),
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
            home_path,
            chooser: None,
            native_dialog: None,
            window: WindowRequests::default(),
            applied_look: None,
            last_focus: None,
            tab_pressed: false,
            region: 1,
            pointer_pressed: false,
            disk_checked_at: 0.0,
            status_seen: None,
            export_jobs: Vec::new(),
            egui_ctx: None,
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

    fn remember_current_file(&mut self) {
        if let Some(open) = self.session.open_workspace() {
            let path = open.path().to_owned();
            self.prefs.remember(&path);
        }
    }

    pub fn workspace(&self) -> Option<&Workspace> {
        self.open_workspace().map(|open| &open.workspace)
    }

    pub fn open_workspace(&self) -> Option<&OpenWorkspace> {
        self.session.open_workspace()
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
                let read_only = if open.is_writable() {
                    ""
                } else {
                    " (read-only)"
                };
                format!(
                    "{shop} — {}{read_only} — Smallprint",
                    file_name(open.path())
                )
            }
            Session::FirstRun(new) => format!("{} — Smallprint", file_name(new.path())),
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
            self.egui_ctx = Some(ui.ctx().clone());
        }
        self.finish_exports(false);
        self.poll_native_dialog();
        self.apply_look(ui.ctx());
        self.give_focus_back(ui.ctx());
        self.cycle_regions(ui.ctx());
        self.keep_focus_in_view(ui.ctx());
        self.now = ui.input(|i| i.time);
        if self.chooser.is_none() {
            self.read_shortcuts(ui.ctx());
        }
        self.update_title(ui.ctx());
        let now = self.clock.now();
        let frame = ui::FrameState {
            recent_files: &self.prefs.recent_files,
            now: &now,
            example: self.showing_example(),
            look: self.prefs.look,
        };
        ui::session_ui(
            ui,
            &mut self.session,
            &mut self.screens,
            &frame,
            &mut self.commands,
        );
        let dialog_open = self.window.about_open || self.chooser.is_some() || self.asking();
        if self.window.about_open {
            self.window.about_open = ui::about_window(ui.ctx());
        }
        ui::access::name_window(ui.ctx(), &self.sent_title);
        self.apply_commands();
        self.chooser_ui(ui.ctx());
        let dialog_still_open = self.window.about_open || self.chooser.is_some() || self.asking();
        if !dialog_open && dialog_still_open {
            self.window.invoker = self.last_focus;
        } else if dialog_open && !dialog_still_open {
            // Closed (chosen, cancelled, Escape): back where the user was.
            self.window.return_focus = self.window.invoker.take();
        }
        if let Some(text) = self.window.clipboard.take() {
            ui.ctx().copy_text(text);
        }
        if ui.ctx().input(|i| i.viewport().close_requested()) && !self.ready_to_close() {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        if let Some(dialog) = &self.window.closing {
            ui::unsaved_close_dialog(ui.ctx(), dialog, &mut self.commands);
        }
        if std::mem::take(&mut self.window.quit) {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.autosave(ui.ctx());
        self.notice_external_change(ui.ctx());
        self.fade_status(ui.ctx());
        if self.exporting() || self.asking() {
            // The worker wakes the window when it is done; this is a fallback.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(250));
        }
    }

    /// Lets a status message go after [`STATUS_SECONDS`] (one naming an exported file,
    /// with its Open folder and Copy path, after [`STATUS_WITH_FILE_SECONDS`]), so an
    /// old message never stands for minutes as if it were news. An error stays until
    /// something else is said: it may still need doing.
    fn fade_status(&mut self, ctx: &egui::Context) {
        let now = self.now;
        let Some(status) = self
            .session
            .open_workspace_mut()
            .and_then(|open| open.status.as_ref())
        else {
            self.status_seen = None;
            return;
        };
        if status.tone == crate::session::Tone::Error {
            self.status_seen = None;
            return;
        }
        let lasts = if status.file.is_some() {
            STATUS_WITH_FILE_SECONDS
        } else {
            STATUS_SECONDS
        };
        let since = match &self.status_seen {
            Some((text, since)) if *text == status.text => *since,
            _ => {
                self.status_seen = Some((status.text.clone(), now));
                now
            }
        };
        if now - since >= lasts {
            if let Some(open) = self.session.open_workspace_mut() {
                open.status = None;
            }
            self.status_seen = None;
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(lasts - (now - since)));
        }
    }

    /// Shows another program's change to the file soon after it happens — when the
    /// window regains focus, or within a few seconds — not only at the next save.
    fn notice_external_change(&mut self, ctx: &egui::Context) {
        let refocused = ctx.input(|i| {
            i.events
                .iter()
                .any(|event| matches!(event, egui::Event::WindowFocused(true)))
        });
        if refocused || self.now - self.disk_checked_at >= DISK_CHECK_SECONDS {
            self.disk_checked_at = self.now;
            if let Some(open) = self.session.open_workspace_mut() {
                open.notice_external_change();
            }
        }
        if self.session.open_workspace().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(DISK_CHECK_SECONDS));
        }
    }

    /// Whether the window may close now: everything saved, or the user has chosen what
    /// happens to edits that could not be. Otherwise the "not saved" dialog opens and
    /// the window stays: it never closes with unsaved edits unsaid.
    pub fn ready_to_close(&mut self) -> bool {
        if self.window.settled.is_some() {
            return true;
        }
        if self.session.has_unsaved_changes() {
            self.save();
        }
        if !self.session.has_unsaved_changes() {
            self.window.settled = Some(Settled::SaveOnExit);
            return true;
        }
        let why = match self.session.open_workspace().map(|open| &open.save_state) {
            Some(crate::session::SaveState::Failed(reason)) => reason.clone(),
            Some(crate::session::SaveState::Conflict) => {
                "The file was changed by another program, and you have not yet chosen which version to keep.".to_owned()
            }
            _ => "Your changes could not be saved.".to_owned(),
        };
        if !matches!(self.window.closing, Some(CloseDialog::Kept { .. })) {
            self.window.closing = Some(CloseDialog::Asking { why });
        }
        false
    }

    /// The "not saved" dialog that is open instead of closing, if one is.
    pub fn close_dialog(&self) -> Option<&CloseDialog> {
        self.window.closing.as_ref()
    }

    /// Whether the window has asked to be closed (for tests: the frame's Close).
    pub fn is_closing(&self) -> bool {
        self.window.settled.is_some() || self.window.quit
    }

    pub(super) fn close_unsaved(&mut self, choice: CloseChoice) {
        match choice {
            CloseChoice::SaveElsewhere => {
                self.window.closing = None;
                self.commands.push(Command::SaveAs);
            }
            CloseChoice::KeepCopy => match self.keep_unsaved_copy() {
                Some(Ok((message, copy))) => {
                    // Kept: closing now writes no second copy.
                    self.window.settled = Some(Settled::NothingToKeep);
                    self.window.closing = Some(CloseDialog::Kept {
                        message,
                        copy: Some(copy),
                    });
                }
                Some(Err(why)) => self.window.closing = Some(CloseDialog::Asking { why }),
                None => {
                    self.window.settled = Some(Settled::SaveOnExit);
                    self.window.closing = Some(CloseDialog::Kept {
                        message: "Everything is saved.".to_owned(),
                        copy: None,
                    });
                }
            },
            CloseChoice::QuitWithoutSaving => {
                self.window.settled = Some(Settled::NothingToKeep);
                self.window.closing = None;
                self.window.quit = true;
            }
            CloseChoice::Quit => {
                if self.window.settled.is_none() {
                    self.window.settled = Some(Settled::SaveOnExit);
                }
                self.window.closing = None;
                self.window.quit = true;
            }
            CloseChoice::Stay => self.window.closing = None,
        }
    }

    /// Keeps the unsaved edits as a copy beside the file, or in the data folder when
    /// the file's folder cannot be written. `None` with nothing unsaved.
    fn keep_unsaved_copy(&mut self) -> Option<Result<(String, PathBuf), String>> {
        let at = self.clock.now().timestamp();
        let rescue = self.options.rescue_folder.clone();
        let open = self.session.open_workspace_mut()?;
        open.settle_typing();
        let path = open.path().display().to_string();
        Some(
            open.keep_unsaved_on_close(at, rescue.as_deref())?
                .map(|copy| {
                    let message = format!(
                        "{path} could not be saved; your changes were kept as {}. Open that file from File › Open to go on with them.",
                        copy.display()
                    );
                    (message, copy)
                })
                .map_err(|reason| {
                    format!(
                        "{path} could not be saved, and your changes could not be kept as a copy either: {reason}"
                    )
                }),
        )
    }

    /// What closing the window does: saves what is unsaved, and when that cannot be
    /// done (a conflict open, a failed save) keeps the edits as a copy beside the file,
    /// or in the data folder — unless the user chose to quit without saving or already
    /// kept them. Returns what to tell the user about that copy.
    pub fn close(&mut self) -> Option<String> {
        // An export under way finishes first: its file, and a notice's date, are kept.
        self.finish_exports(true);
        if self.window.settled == Some(Settled::NothingToKeep) {
            return None;
        }
        if self.session.has_unsaved_changes() {
            self.save();
        }
        Some(match self.keep_unsaved_copy()? {
            Ok((message, _)) => message,
            Err(why) => why,
        })
    }

    /// Sets egui's theme and text size from the preferences when they changed.
    fn apply_look(&mut self, ctx: &egui::Context) {
        if self.applied_look == Some(self.prefs.look) {
            return;
        }
        ui::theme::apply(ctx, self.prefs.look);
        self.applied_look = Some(self.prefs.look);
    }

    /// Where the keyboard goes when it is lost: Escape keeps it where it was (a popup or
    /// dialog closing sends it back to the control that opened it, after this; a text
    /// field is left for the screen's title), and when the control that had it is gone
    /// (a pane closed, an item deleted) it goes to the screen's title, so the next Tab
    /// goes on from the content, not from "File". A click on nothing, or Enter ending a
    /// one-line field, lets it go as egui does.
    fn keep_focus_somewhere(&mut self, ctx: &egui::Context) {
        // A click on nothing lets the focus go, as the user meant.
        let clicked = std::mem::replace(
            &mut self.pointer_pressed,
            ctx.input(|i| i.pointer.any_pressed()),
        ) || self.pointer_pressed;
        let Some(last) = self.last_focus else {
            return;
        };
        if ctx.memory(egui::Memory::focused).is_some() || ui::widgets::focus_asked(ctx) {
            return;
        }
        // Once per loss: a place that cannot take the keyboard (behind a dialog) is
        // not asked again every frame.
        self.last_focus = None;
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        let still_there = ctx.read_response(last).is_some();
        // Escape in a text field leaves it (its Ctrl+Z then undoes the workspace's
        // change, not the typing): the keyboard goes to the screen's title.
        let text_field = egui::TextEdit::load_state(ctx, last).is_some();
        if escape && still_there && !text_field {
            ctx.memory_mut(|m| m.request_focus(last));
        } else if escape || !clicked && !still_there {
            self.screens.focus(ui::access::FocusTarget::ScreenTitle(
                self.screens.current.title(),
            ));
        }
    }

    /// Gives the keyboard back to the control that opened a dialog, once the dialog has
    /// gone: egui keeps a modal's layer on top for a frame after it closes, refusing the
    /// focus to what is below it until then. Else makes sure the keyboard is somewhere.
    fn give_focus_back(&mut self, ctx: &egui::Context) {
        let Some(id) = self.window.return_focus else {
            self.keep_focus_somewhere(ctx);
            return;
        };
        if ctx.memory(egui::Memory::top_modal_layer).is_some() {
            // Usually gone next frame; another dialog still open (a chooser over the
            // conflict dialog) is waited for at a slow pace, not every frame.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        }
        self.window.return_focus = None;
        ctx.memory_mut(|m| m.request_focus(id));
    }

    /// F6 (Shift+F6 back) takes the keyboard to the next region: the screens, the
    /// screen's content, the status message.
    fn cycle_regions(&mut self, ctx: &egui::Context) {
        use egui::{Key, Modifiers};
        // Shift+F6 first: a plain F6 pattern also matches it (egui ignores Shift there).
        let back = ctx.input_mut(|i| i.consume_key(Modifiers::SHIFT, Key::F6));
        let forward = ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F6));
        if !forward && !back || self.session.open_workspace().is_none() {
            return;
        }
        let has_message = self
            .session
            .open_workspace()
            .is_some_and(|open| open.status.is_some());
        let regions = if has_message { 3 } else { 2 };
        self.region = if forward {
            (self.region + 1) % regions
        } else {
            (self.region + regions - 1) % regions
        };
        let current = self.screens.current;
        self.screens.focus(match self.region {
            0 => ui::access::FocusTarget::Named(ui::navigation_key(current)),
            1 => ui::access::FocusTarget::ScreenTitle(current.title()),
            _ => ui::access::FocusTarget::Named(ui::STATUS_MESSAGE.to_owned()),
        });
    }

    /// Scrolls a control that just gained focus (by Tab, say) into view: egui moves
    /// the focus but not the scroll area, so typing could go into a field off screen.
    /// A scroll area only follows a scroll target set while its own contents are
    /// drawn, so the request goes the way a screen reader's would: as an accessibility
    /// "scroll into view" action, which the control answers when it is drawn.
    /// Only a control that is partly out of view is scrolled, and only when the
    /// keyboard moved the focus: a click lands on what is already in view, and nothing
    /// should then move under the pointer. Tabbing out of an open list closes it.
    fn keep_focus_in_view(&mut self, ctx: &egui::Context) {
        let focused = ctx.memory(egui::Memory::focused);
        let moved_by_keyboard = std::mem::take(&mut self.tab_pressed);
        self.tab_pressed = ctx.input(|i| i.key_pressed(egui::Key::Tab));
        if focused == self.last_focus {
            return;
        }
        self.last_focus = focused;
        // Tabbing out of an open list or date picker closes it: left open, it would
        // cover the fields the keyboard has gone on to.
        let in_window_body = |id: egui::Id| {
            ctx.read_response(id)
                .is_some_and(|response| response.layer_id.order == egui::Order::Background)
        };
        if moved_by_keyboard && focused.is_some_and(in_window_body) && egui::Popup::is_any_open(ctx)
        {
            egui::Popup::close_all(ctx);
        }
        // A response's interaction rectangle is its rectangle clipped to what is shown.
        let hidden = |id: egui::Id| {
            ctx.read_response(id)
                .is_some_and(|response| response.interact_rect != response.rect)
        };
        if let Some(id) = focused.filter(|&id| moved_by_keyboard && hidden(id)) {
            use egui::accesskit::{Action, ActionRequest, TreeId};
            ctx.input_mut(|input| {
                input
                    .events
                    .push(egui::Event::AccessKitActionRequest(ActionRequest {
                        action: Action::ScrollIntoView,
                        target_tree: TreeId::ROOT,
                        target_node: id.accesskit_id(),
                        data: None,
                    }));
            });
            ctx.request_repaint();
        }
    }

    /// Whether the open file is the fictional example shop.
    pub fn showing_example(&self) -> bool {
        self.session
            .path()
            .and_then(|path| path.file_name())
            .is_some_and(|name| name == platform::EXAMPLE_FILE_NAME)
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        // A focused text field answers Ctrl+Z itself (undoing typing in the field).
        let text_field_focused = ctx
            .memory(egui::Memory::focused)
            .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
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

    fn apply_commands(&mut self) {
        for command in std::mem::take(&mut self.commands) {
            self.apply(command);
        }
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
        // The window is gone: standard error (and the banner at the next start) say it.
        if let Some(message) = self.close() {
            eprintln!("smallprint: {message}");
        }
    }
}
