//! The workspace as the window holds it: which file is open (or why none is), whether it
//! is saved, the undo history, what the screens derive from it, and the messages for the
//! user. Screens read it through [`ScreenContext`]; only `app` changes it. It never
//! imports `ui`, and it is the only layer between the screens and the store.

mod derived;
mod history;

/// A backup as the recovery list shows it (the window's screens do not read the store).
pub use crate::store::backups::{BackupInfo, Kind as BackupKind, describe_time};
use std::path::{Path, PathBuf};

use jiff::{Timestamp, civil::Date};

pub use derived::Derived;
pub use history::History;

use crate::{
    domain::{Workspace, breaches::Breach, integrity},
    store::{self, Contents, Store, StoreError, backups},
};

/// Every version of every open workspace gets a distinct revision, so screens can
/// cache what they derive from it (deadlines, the agenda, the notice) and notice any
/// change.
fn next_revision() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static REVISIONS: AtomicU64 = AtomicU64::new(1);
    REVISIONS.fetch_add(1, Ordering::Relaxed)
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

/// How a status message should look: its meaning, not its colour (the theme picks that).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Success,
    Warning,
    Error,
}

/// A one-line message in the status bar: what just happened, or why it did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusMessage {
    pub text: String,
    pub tone: Tone,
    /// The file the action wrote, offered to show in its folder or copy as a path.
    pub file: Option<PathBuf>,
}

/// The file behind the open workspace, as the Settings screen describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub path: PathBuf,
    pub backups: PathBuf,
    /// "the last 10 saves, and one a day for 30 days"
    pub backup_policy: String,
}

impl FileFacts {
    fn of(path: &Path, real: &Path) -> Self {
        Self {
            path: path.to_owned(),
            backups: backups::backup_dir(real),
            backup_policy: format!(
                "the last {} saves, and one a day for {} days",
                backups::KEEP_RECENT,
                backups::KEEP_DAYS
            ),
        }
    }
}

/// A workspace open in the window.
#[derive(Debug)]
pub struct OpenWorkspace {
    store: Store,
    pub workspace: Workspace,
    /// Changes whenever `workspace` does.
    pub revision: u64,
    history: History,
    pub save_state: SaveState,
    /// Something the user should know about this file, shown in a banner until
    /// dismissed.
    pub notice: Option<String>,
    /// What the last action did, or why it did not, shown in the status bar.
    pub status: Option<StatusMessage>,
    derived: Derived,
    file: FileFacts,
    /// Set while in conflict when the file on disk was written by a newer Smallprint
    /// (the reason, in words): this window may not write over it, only save elsewhere.
    pub newer_on_disk: Option<String>,
    /// A form's typed facts, valid and not yet applied (see [`HeldFacts`]).
    held: Option<HeldFacts>,
}

/// A breach's facts as the user is typing them: held here, not in the screen, and applied
/// as one undo step (and one timeline entry) when the typing pauses — at the autosave —,
/// before any other change, undo, redo or save, and so before the window closes or
/// another file opens. The screens never have to be asked for what they hold.
#[derive(Debug, Clone)]
struct HeldFacts {
    edited: Breach,
    /// When it was typed, in UK time: the rules check it against this instant.
    at: jiff::Zoned,
    /// egui's time when it was typed (what groups undo steps).
    since: f64,
}

/// What a failed save says in the window: the edits are not lost, they are still here.
fn save_failure(error: &StoreError) -> String {
    match error {
        StoreError::Write { .. } => format!("{error} Your changes are still open here."),
        _ => error.to_string(),
    }
}

/// What every screen reads: the workspace and what is derived from it, today, and
/// whether it may be changed. Screens never see the store.
#[derive(Debug, Clone, Copy)]
pub struct ScreenContext<'a> {
    pub workspace: &'a Workspace,
    pub derived: &'a Derived,
    pub revision: u64,
    pub today: Date,
    /// This instant in UK time, as the actions take it (`actions::Now`); `now` and
    /// `zone` are its parts, for a breach's 72 hours counted to the minute.
    pub moment: &'a jiff::Zoned,
    pub now: jiff::Timestamp,
    pub zone: &'a jiff::tz::TimeZone,
    pub writable: bool,
    pub file: &'a FileFacts,
}

impl OpenWorkspace {
    pub fn new(store: Store, workspace: Workspace) -> Self {
        let unsaved = store.unsaved_copies();
        let notice = match store.read_only_reason() {
            Some(reason) => Some(reason.to_string()),
            None if !unsaved.is_empty() => Some(format!(
                "When Smallprint last closed, changes that could not be saved over a version changed elsewhere were kept beside the file: {}. Open it from the File menu to compare; delete it when you no longer need it.",
                unsaved
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            None => None,
        };
        let file = FileFacts::of(store.path(), store.real_file());
        Self {
            store,
            workspace,
            revision: next_revision(),
            history: History::default(),
            save_state: SaveState::Saved,
            notice,
            status: None,
            derived: Derived::default(),
            file,
            newer_on_disk: None,
            held: None,
        }
    }

    /// What [`integrity::repair`] did to a workspace just read, when the window may write
    /// it: read-only, repairs could not be saved, and ids only matter to edits.
    fn repairs_if_writable(writable: bool, workspace: &mut Workspace) -> Vec<String> {
        if writable {
            integrity::repair(workspace)
        } else {
            Vec::new()
        }
    }

    /// A workspace just read from its file: what can be repaired safely is (see
    /// [`integrity::repair`]), and the banner says what was, and whether the file began
    /// with a byte-order mark. A repaired workspace is saved at the next autosave.
    fn opened(store: Store, mut workspace: Workspace, began_with_bom: bool) -> Self {
        let repairs = Self::repairs_if_writable(store.is_writable(), &mut workspace);
        let mut open = Self::new(store, workspace);
        let mut said: Vec<String> = open.notice.take().into_iter().collect();
        if began_with_bom {
            said.push(crate::store::BOM_NOTICE.to_owned());
        }
        if !repairs.is_empty() {
            said.push(format!(
                "Smallprint repaired the file as it opened it: {}",
                repairs.join(" ")
            ));
            open.save_state = SaveState::Pending { since: 0.0 };
        }
        open.notice = (!said.is_empty()).then(|| said.join("\n"));
        open
    }

    /// The screens' view of this workspace at `now` (UK time); derived data is worked
    /// out again only when the workspace or the day changed.
    pub fn context<'a>(&'a mut self, now: &'a jiff::Zoned) -> ScreenContext<'a> {
        let today = now.date();
        self.derived
            .update(&self.workspace, self.revision, today, now.time_zone());
        ScreenContext {
            workspace: &self.workspace,
            derived: &self.derived,
            revision: self.revision,
            today,
            moment: now,
            now: now.timestamp(),
            zone: now.time_zone(),
            writable: self.store.is_writable(),
            file: &self.file,
        }
    }

    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// The real file behind [`Self::path`] (a symlink followed).
    pub fn real_file(&self) -> &Path {
        self.store.real_file()
    }

    /// False when another window holds the file: this one only reads it.
    pub fn is_writable(&self) -> bool {
        self.store.is_writable()
    }

    pub fn read_only_reason(&self) -> Option<String> {
        self.store
            .read_only_reason()
            .map(|reason| reason.to_string())
    }

    pub fn can_undo(&self) -> bool {
        self.history.next_undo().is_some()
    }

    pub fn can_redo(&self) -> bool {
        self.history.next_redo().is_some()
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn say(&mut self, tone: Tone, text: impl Into<String>) {
        self.status = Some(StatusMessage {
            text: text.into(),
            tone,
            file: None,
        });
    }

    /// Says `text`, keeping the file the last message named (and its buttons), for
    /// what is said about that file: its path copied, its folder not shown.
    pub fn say_about_file(&mut self, tone: Tone, text: impl Into<String>) {
        let file = self.status.as_ref().and_then(|status| status.file.clone());
        self.status = Some(StatusMessage {
            text: text.into(),
            tone,
            file,
        });
    }

    /// Says that `file` was written, keeping the path for "Open folder" and "Copy path".
    pub fn say_written(&mut self, text: impl Into<String>, file: PathBuf) {
        self.status = Some(StatusMessage {
            text: text.into(),
            tone: Tone::Success,
            file: Some(file),
        });
    }

    /// Changes the workspace through `change`, recording an undo step named `what`
    /// and scheduling an autosave. A read-only workspace is never changed; a change
    /// that `change` refuses leaves no trace, and its error is returned.
    pub fn edit<T, E: std::fmt::Display>(
        &mut self,
        what: impl Into<String>,
        coalesce: Option<&'static str>,
        now: f64,
        change: impl FnOnce(&mut Workspace) -> Result<T, E>,
    ) -> Option<Result<T, String>> {
        if !self.is_writable() {
            return None;
        }
        // What was typed comes first, as its own step: a later change never leaves it
        // behind or swallows it.
        self.apply_held(now);
        Some(self.edit_now(what, coalesce, now, change))
    }

    /// [`Self::edit`] on a writable workspace, without applying held typing first.
    ///
    /// A change the domain accepts but the file's reader would refuse (a date before
    /// 1900, a text too long, the id counter run out) is refused too, with the
    /// reader's reason, and leaves no trace: written, it would lock the user out.
    fn edit_now<T, E: std::fmt::Display>(
        &mut self,
        what: impl Into<String>,
        coalesce: Option<&'static str>,
        now: f64,
        change: impl FnOnce(&mut Workspace) -> Result<T, E>,
    ) -> Result<T, String> {
        let before = self.workspace.clone();
        let value = match change(&mut self.workspace) {
            Ok(value) => value,
            Err(refused) => {
                self.workspace = before;
                return Err(refused.to_string());
            }
        };
        if let Some(reason) = integrity::change_refusal(&before, &self.workspace) {
            self.workspace = before;
            return Err(reason);
        }
        let result: Result<T, String> = Ok(value);
        if self.workspace != before {
            self.history
                .record(&before, &self.workspace, what.into(), coalesce, now);
            self.mark_changed(now);
        }
        result
    }

    fn mark_changed(&mut self, now: f64) {
        self.revision = next_revision();
        if self.save_state != SaveState::Conflict {
            self.save_state = SaveState::Pending { since: now };
        }
    }

    /// Holds a breach's facts as typed in its form (already valid as a form); they are
    /// applied through the breach's rule when the typing pauses or anything else happens.
    pub fn hold_breach_facts(&mut self, edited: Breach, at: jiff::Zoned, now: f64) {
        if !self.is_writable() {
            return;
        }
        if self
            .held
            .as_ref()
            .is_some_and(|held| held.edited.id != edited.id)
        {
            self.apply_held(now);
        }
        self.held = Some(HeldFacts {
            edited,
            at,
            since: now,
        });
        if self.save_state != SaveState::Conflict {
            self.save_state = SaveState::Pending { since: now };
        }
    }

    /// Whether typed facts are held, not yet applied.
    pub fn holds_typing(&self) -> bool {
        self.held.is_some()
    }

    /// Applies what is held now, dated when it was typed: before the workspace is copied
    /// (an export, Save as, a copy kept) or replaced (another version taken), so the copy
    /// has the typing and nothing stale is applied over a different version later.
    pub fn settle_typing(&mut self) {
        if let Some(since) = self.held.as_ref().map(|held| held.since) {
            self.apply_held(since);
        }
    }

    /// Applies the held facts, if any, as one undo step through the breach's rule; a
    /// refusal is said in the status bar (the form still shows what was typed).
    pub fn apply_held(&mut self, now: f64) {
        let Some(HeldFacts { edited, at, .. }) = self.held.take() else {
            return;
        };
        let reference = self
            .workspace
            .breach(edited.id)
            .map_or_else(String::new, |b| b.reference.clone());
        // Each pause is its own step: typing in two breaches never merges into one.
        let applied = self.edit_now(
            format!("Update the facts of {reference}"),
            None,
            now,
            |workspace| workspace.update_breach(&edited, at.timestamp(), at.time_zone()),
        );
        if let Err(refused) = applied {
            self.say(
                Tone::Error,
                format!("The facts of {reference} were not kept: {refused}."),
            );
        }
    }

    /// Runs `pause` just before each save's rename (see [`Store::pause_before_rename`]):
    /// for tests that change the file from outside at the last moment.
    #[doc(hidden)]
    pub fn pause_saves_before_rename(&mut self, pause: Option<fn(&Path)>) {
        self.store.pause_before_rename(pause);
    }

    /// Undoes the last edit; returns what it was.
    pub fn undo(&mut self, now: f64) -> Option<String> {
        if !self.is_writable() {
            return None;
        }
        self.apply_held(now);
        let undone = self.history.undo(&mut self.workspace)?;
        self.mark_changed(now);
        Some(undone)
    }

    /// Redoes the last undone edit; returns what it was.
    pub fn redo(&mut self, now: f64) -> Option<String> {
        if !self.is_writable() {
            return None;
        }
        self.apply_held(now);
        let redone = self.history.redo(&mut self.workspace)?;
        self.mark_changed(now);
        Some(redone)
    }

    /// Marks the workspace as needing its first save (a new file).
    pub fn mark_unsaved(&mut self, now: f64) {
        self.save_state = SaveState::Pending { since: now };
    }

    /// Saves now, unless read-only or in conflict; the result is in `save_state`.
    pub fn save(&mut self, at: Timestamp) {
        if !self.is_writable() {
            return;
        }
        // The typing held is applied first, also in a conflict: closing then keeps it in
        // the copy beside the file.
        self.settle_typing();
        if self.save_state == SaveState::Conflict {
            return;
        }
        self.save_state = match self.store.save(&self.workspace, at) {
            Ok(saved) => {
                if let Some(failed) = saved.backup_failed {
                    self.say(
                        Tone::Warning,
                        format!("All changes are saved, but {failed}."),
                    );
                }
                if let Some(aside) = saved.set_aside {
                    self.notice = Some(format!(
                        "The file that could not be read was kept as {} and replaced by your restored backup.",
                        aside.display()
                    ));
                }
                SaveState::Saved
            }
            Err(StoreError::ChangedOnDisk { .. }) => self.enter_conflict(),
            Err(error) => SaveState::Failed(save_failure(&error)),
        };
    }

    /// The conflict state, noting whether the file on disk is from a newer Smallprint.
    fn enter_conflict(&mut self) -> SaveState {
        self.newer_on_disk = match self.store.read_on_disk() {
            Err(newer @ StoreError::NewerVersion { .. }) => Some(newer.to_string()),
            _ => None,
        };
        SaveState::Conflict
    }

    /// Looks whether another program changed the file since it was read or saved
    /// (called when the window regains focus and every few seconds; one `stat` when
    /// nothing changed). With nothing unsaved here, the window takes the file's version
    /// (the one it replaces is in the backups); with unsaved edits, or a file this build
    /// cannot read, the user chooses in the conflict dialog.
    pub fn notice_external_change(&mut self) {
        if self.save_state == SaveState::Conflict {
            return;
        }
        // A file turned into a named pipe, a device or something too large is said at
        // once (the bounded reader refuses it without blocking); the window keeps its
        // version, and the next save refuses to write over it.
        match self.store.changed_on_disk() {
            Ok(false) => return,
            Ok(true) => {}
            Err(error) => {
                let text = format!("{error} Your version is still open here.");
                if self
                    .status
                    .as_ref()
                    .is_none_or(|status| status.text != text)
                {
                    self.say(Tone::Error, text);
                }
                return;
            }
        }
        if self.save_state == SaveState::Saved {
            match self.store.reload() {
                Ok(theirs) => {
                    let repaired = self.take_theirs(theirs);
                    // In the status bar, not a banner: it comes unasked, and must not
                    // move what the user is about to click.
                    let text = format!(
                        "{} was changed by another program; Smallprint now shows that version.{repaired}",
                        self.path().display()
                    );
                    self.say(Tone::Info, text);
                    return;
                }
                // Read-only, there is nothing to choose: the other window will say.
                Err(_) if !self.is_writable() => return,
                Err(_) => {}
            }
        }
        self.save_state = self.enter_conflict();
    }

    /// Takes another program's version of the file as this window's, repairing what
    /// opening a file repairs (an id counter behind the ids in use, say), so no edit
    /// after it hands out an id already taken. Returns what was repaired, as a sentence
    /// to add (empty when nothing was).
    /// A repaired version is saved at the next autosave.
    fn take_theirs(&mut self, mut theirs: Workspace) -> String {
        let repairs = Self::repairs_if_writable(self.is_writable(), &mut theirs);
        self.workspace = theirs;
        self.revision = next_revision();
        self.history = History::default();
        if repairs.is_empty() {
            String::new()
        } else {
            self.save_state = SaveState::Pending { since: 0.0 };
            format!(" Smallprint repaired it: {}", repairs.join(" "))
        }
    }

    /// The file changed under us: keep this window's version, the other as a copy.
    /// Never over a file from a newer Smallprint (it would lose what that added).
    pub fn keep_mine(&mut self, at: Timestamp) {
        self.settle_typing();
        let result = self
            .store
            .save_keeping_theirs(&self.workspace, at)
            .map(|(_, kept)| {
                kept.map(|path| format!("The other version was kept as {}.", path.display()))
            });
        if let Err(newer @ StoreError::NewerVersion { .. }) = &result {
            self.newer_on_disk = Some(newer.to_string());
            return;
        }
        self.conflict_resolved(result);
    }

    /// Keeps this window's version in the backups folder and returns where: before it
    /// is left for a newer Smallprint's file.
    pub fn keep_mine_as_copy(&self, at: Timestamp) -> Result<PathBuf, String> {
        self.store
            .keep_mine(&self.workspace, at)
            .map_err(|error| error.to_string())
    }

    /// When the window closes with edits it could not save (a conflict open, a failed
    /// save), keeps them beside the file and returns where; `None` when all is saved.
    ///
    /// Beside the file first, where a person looks; when that folder cannot be written
    /// (read-only, full, gone), in `rescue` (Smallprint's data folder).
    pub fn keep_unsaved_on_close(
        &self,
        at: Timestamp,
        rescue: Option<&Path>,
    ) -> Option<Result<PathBuf, String>> {
        if self.save_state == SaveState::Saved || !self.is_writable() {
            return None;
        }
        let beside = self.store.keep_unsaved_copy(&self.workspace, at);
        Some(match (beside, rescue) {
            (Ok(copy), _) => Ok(copy),
            (Err(first), Some(rescue)) => self
                .store
                .keep_unsaved_copy_in(rescue, &self.workspace, at)
                .map_err(|second| format!("{first} {second}")),
            (Err(first), None) => Err(first.to_string()),
        })
    }

    /// The file changed under us: load its version, this window's kept as a copy.
    pub fn use_theirs(&mut self, at: Timestamp) {
        // The typing goes into the copy of this window's version, never over theirs.
        self.settle_typing();
        let result = self.store.reload_keeping_mine(&self.workspace, at);
        match result {
            Ok((theirs, kept)) => {
                self.conflict_resolved(Ok(None));
                let repaired = self.take_theirs(theirs);
                self.notice = Some(format!(
                    "Your version was kept as {}.{repaired}",
                    kept.display()
                ));
            }
            Err(error) => self.conflict_resolved(Err(error)),
        }
    }

    fn conflict_resolved(&mut self, result: Result<Option<String>, StoreError>) {
        match result {
            Ok(notice) => {
                self.save_state = SaveState::Saved;
                self.newer_on_disk = None;
                self.notice = notice;
            }
            Err(error) => self.save_state = SaveState::Failed(save_failure(&error)),
        }
    }

    /// Puts back the banner the file itself needs (read-only), forgetting any other.
    pub fn dismiss_notice(&mut self) {
        self.notice = self.read_only_reason();
    }
}

/// What the window is showing.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "one value per window, nearly always `Open`"
)]
pub enum Session {
    Open(OpenWorkspace),
    /// No file at the path yet: offer an empty workspace or the example shop.
    FirstRun(NewFile),
    /// The file exists but this build cannot use it; it is never written.
    Unreadable {
        path: PathBuf,
        reason: String,
        /// Every backup of the file, newest save first, each with whether it can be
        /// opened: the recovery list.
        backups: Vec<backups::BackupInfo>,
    },
    /// Not even a path to work with (no data directory, or the folder is not writable).
    NoFile {
        reason: String,
    },
}

/// A path with no file yet, locked for this window until the user starts.
#[derive(Debug)]
pub struct NewFile {
    store: Store,
}

impl NewFile {
    pub fn path(&self) -> &Path {
        self.store.path()
    }

    /// Begins the workspace in this file; it is saved at the first autosave.
    pub fn start(self, workspace: Workspace, now: f64) -> OpenWorkspace {
        let mut open = OpenWorkspace::new(self.store, workspace);
        open.mark_unsaved(now);
        open
    }
}

impl Session {
    /// Opens the workspace at `path`, or says why it cannot be.
    pub fn open(path: &Path) -> Session {
        let unreadable = |reason: String| Session::Unreadable {
            path: path.to_owned(),
            reason,
            backups: backups::survey(&store::resolve(path).unwrap_or_else(|_| path.to_owned())),
        };
        match Store::open(path) {
            Ok((store, Contents::Workspace(workspace))) => {
                if let Some(reason) = integrity::refusal(&workspace) {
                    drop(store);
                    return unreadable(format!("{} {reason}", path.display()));
                }
                let began_with_bom = store.began_with_bom();
                Session::Open(OpenWorkspace::opened(store, workspace, began_with_bom))
            }
            Ok((store, Contents::Missing)) => Session::FirstRun(NewFile { store }),
            Err(error) if error.is_unreadable_file() => unreadable(error.to_string()),
            Err(error) => Session::NoFile {
                reason: error.to_string(),
            },
        }
    }

    /// Continues an unreadable file from the backup the user chose (the recovery list
    /// offers only those that pass the reader's checks; this checks again).
    pub fn open_backup(path: &Path, backup: &Path, zone: &jiff::tz::TimeZone) -> Session {
        match Store::open_from_backup(path, backup) {
            Ok(Ok((store, workspace, info))) => {
                let mut open = OpenWorkspace::opened(store, workspace, false);
                open.notice = Some(format!(
                    "Opened the backup {}{}. The file that could not be read is left as it is until your first change, then kept beside it under a new name.",
                    info.path.display(),
                    info.saved_at
                        .map(|at| format!(" (saved {})", backups::describe_time(at, zone)))
                        .unwrap_or_default()
                ));
                Session::Open(open)
            }
            Ok(Err(problem)) => Session::NoFile {
                reason: format!(
                    "The backup {} cannot be opened: {problem}",
                    backup.display()
                ),
            },
            Err(error) => Session::NoFile {
                reason: error.to_string(),
            },
        }
    }

    pub fn open_workspace(&self) -> Option<&OpenWorkspace> {
        match self {
            Session::Open(open) => Some(open),
            _ => None,
        }
    }

    pub fn open_workspace_mut(&mut self) -> Option<&mut OpenWorkspace> {
        match self {
            Session::Open(open) => Some(open),
            _ => None,
        }
    }

    /// The file this session is about, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Session::Open(open) => Some(open.path()),
            Session::FirstRun(new) => Some(new.path()),
            Session::Unreadable { path, .. } => Some(path),
            Session::NoFile { .. } => None,
        }
    }

    pub fn has_unsaved_changes(&self) -> bool {
        matches!(self, Session::Open(open) if open.save_state != SaveState::Saved || open.holds_typing())
    }
}
