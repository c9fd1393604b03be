//! Every user intent, emitted by the UI during a frame and applied by the app after it.
//! Menu labels, tooltips and shortcuts live here too, so a menu item, its toolbar button
//! and its keyboard shortcut can never disagree.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use jiff::civil::Date;

pub use crate::actions::{Export, breach::BreachChange};
use crate::domain::{
    ActivityId, BreachId, Organisation, RequestId,
    register::ProcessingActivity,
    requests::{NewRequest, RequestEvent},
    settings::RegulatorContact,
};

/// The screens of the side navigation.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
pub enum Screen {
    #[default]
    Overview,
    Organisation,
    Register,
    Requests,
    Breaches,
    Calendar,
    Documents,
    Website,
    Settings,
}

impl Screen {
    pub const ALL: [Screen; <Screen as strum::EnumCount>::COUNT] = crate::domain::every_variant();

    pub fn title(self) -> &'static str {
        match self {
            Screen::Overview => "Overview",
            Screen::Organisation => "Organisation",
            Screen::Register => "Register",
            Screen::Requests => "Requests",
            Screen::Breaches => "Breaches",
            Screen::Calendar => "Calendar",
            Screen::Documents => "Documents",
            Screen::Website => "Website kit",
            Screen::Settings => "Settings",
        }
    }
}

/// Light or dark, or whatever the system uses.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
pub enum ThemeChoice {
    #[default]
    FollowSystem,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; <ThemeChoice as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();

    pub fn name(self) -> &'static str {
        match self {
            ThemeChoice::FollowSystem => "Same as the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }
}

/// How large the window's text (and everything with it) is drawn.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
pub enum TextSize {
    Smaller,
    #[default]
    Normal,
    Larger,
    Largest,
    /// Twice the size: what WCAG 1.4.4 asks a window to stay usable at.
    Double,
}

impl TextSize {
    pub const ALL: [TextSize; <TextSize as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();

    pub fn name(self) -> &'static str {
        match self {
            TextSize::Smaller => "Smaller (90%)",
            TextSize::Normal => "Normal",
            TextSize::Larger => "Larger (120%)",
            TextSize::Largest => "Largest (140%)",
            TextSize::Double => "Double (200%)",
        }
    }

    /// The zoom that draws it.
    pub fn scale(self) -> f32 {
        match self {
            TextSize::Smaller => 0.9,
            TextSize::Normal => 1.0,
            TextSize::Larger => 1.2,
            TextSize::Largest => 1.4,
            TextSize::Double => 2.0,
        }
    }
}

/// The window's look, remembered between runs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(default)]
pub struct Look {
    pub theme: ThemeChoice,
    pub text_size: TextSize,
}

/// Which side wins when another program changed the file under us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Save the app's version; the file's version is kept as a copy.
    KeepMine,
    /// Load the file's version; the app's version is kept as a copy.
    UseTheirs,
}

/// What to do with edits that could not be saved when the window is asked to close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloseChoice {
    /// Choose another file and save there (Save as).
    SaveElsewhere,
    /// Keep the edits as a copy beside the file, or in Smallprint's data folder when
    /// that folder cannot be written, and say where.
    KeepCopy,
    /// Close and lose the edits, as the user said.
    QuitWithoutSaving,
    /// Close now: the edits are saved or kept.
    Quit,
    /// Stay in the window.
    Stay,
}

/// The "not saved" dialog the window shows instead of closing: asking, or saying
/// where the edits were kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloseDialog {
    Asking {
        why: String,
    },
    Kept {
        message: String,
        /// The copy, to put its path on the clipboard.
        copy: Option<std::path::PathBuf>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Navigate(Screen),
    /// The profile after an edit on the Organisation screen.
    UpdateOrganisation(Organisation),
    /// The website's cookies and visitors' choices, as the Website screen holds them.
    UpdateWebsite(Box<crate::domain::website::Website>),
    SaveNow,
    Undo,
    Redo,
    /// Asks where to create a new, empty workspace file.
    NewFile,
    /// Asks which workspace file to open.
    OpenFile,
    OpenPath(PathBuf),
    /// Asks where to save a copy, and continues in the copy.
    SaveAs,
    /// First run: begin with an empty workspace.
    StartEmpty,
    /// First run: begin with the fictional example shop.
    StartWithExample,
    /// The file cannot be read: continue from this backup of it (one the recovery list
    /// offers).
    OpenBackup(std::path::PathBuf),
    ResolveConflict(ConflictChoice),
    /// An answer in the "not saved" dialog the window shows instead of closing.
    CloseUnsaved(CloseChoice),
    /// Adds a request to the log and opens it.
    LogRequest(NewRequest),
    /// Records a step taken on a request; the rules are checked again when it is
    /// applied, and a refusal is reported in the status bar.
    RecordRequestEvent {
        request: RequestId,
        event: RequestEvent,
        on: Date,
        /// A note typed before the step button, kept with the step.
        note: Option<String>,
    },
    /// Shows a request on the Requests screen.
    OpenRequest(RequestId),
    /// Adds a breach to the breach log (`aware` already read as UK time) and opens it.
    LogBreach {
        aware: jiff::Timestamp,
        what_happened: String,
    },
    /// Shows a breach on the Breaches screen.
    OpenBreach(BreachId),
    /// A breach's facts as typed in its form: held by the session and applied as one
    /// step when the typing pauses.
    HoldBreachFacts(Box<crate::domain::breaches::Breach>),
    /// A change to a breach, through its rule; a refusal is said in the status bar.
    ChangeBreach {
        breach: BreachId,
        change: BreachChange,
    },
    /// Merges a gov.uk bank-holidays file; `None` asks which.
    ImportBankHolidays(Option<PathBuf>),
    /// Writes something for the outside world; `to: None` asks where.
    Export {
        what: Export,
        to: Option<PathBuf>,
    },
    DismissNotice,
    /// Shows this folder in the system's file manager.
    OpenFolder(PathBuf),
    /// Puts `text` on the clipboard and says so, naming `what` was copied.
    CopyText {
        text: String,
        what: String,
    },
    /// Leaves the example shop for the user's own workspace (empty if there is none yet).
    StartMyOwn,
    /// Closes the window (saving first).
    Quit,
    /// Shows the About window.
    ShowAbout,
    /// Changes the theme or the text size.
    SetLook(Look),
    /// Shows one activity in the Register's editor.
    OpenActivity(ActivityId),
    /// Adds the starter activities of one business type from the catalogue.
    UseCatalogue(usize),
    /// Adds one starter activity from the catalogue (any business type) and opens it.
    AddCatalogueActivity(crate::domain::catalogue::TemplateAt),
    /// Adds a blank activity to the register and opens it.
    AddActivity,
    /// Replaces an activity with the edited version (same id).
    UpdateActivity(ProcessingActivity),
    DuplicateActivity(ActivityId),
    DeleteActivity(ActivityId),
    /// Counts every deadline one day earlier (the day of receipt as day one), or not.
    SetPlaySafeDeadlines(bool),
    /// The regulator's details after an edit in Settings.
    UpdateRegulator(RegulatorContact),
    /// The notice's "Last updated" date; `None` dates it the day it is made.
    SetNoticeLastUpdated(Option<Date>),
    /// Keeps a sent letter in the request's timeline, with the step it implies.
    SendLetter {
        request: RequestId,
        template: crate::documents::letters::Template,
        text: String,
        implied: Option<RequestEvent>,
        on: Date,
    },
}

/// A menu entry: its words, its shortcut and what it does.
#[derive(Debug, Clone, Copy)]
pub struct Action {
    pub label: &'static str,
    pub tooltip: &'static str,
    pub shortcut: Option<KeyboardShortcut>,
}

pub const NEW_FILE: Action = Action {
    label: "New…",
    tooltip: "Create a new, empty workspace file",
    shortcut: None,
};
pub const OPEN_FILE: Action = Action {
    label: "Open…",
    tooltip: "Open another workspace file",
    shortcut: Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::O)),
};
pub const SAVE_NOW: Action = Action {
    label: "Save now",
    tooltip: "Changes save by themselves; this saves at once",
    shortcut: Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::S)),
};
pub const SAVE_AS: Action = Action {
    label: "Save as…",
    tooltip: "Save a copy under another name and carry on in the copy",
    shortcut: None,
};
pub const QUIT: Action = Action {
    label: "Quit",
    tooltip: "Save and close Smallprint",
    shortcut: Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Q)),
};
pub const ABOUT: Action = Action {
    label: "About Smallprint",
    tooltip: "Version, licence and what Smallprint does with your data",
    shortcut: None,
};
pub const EXPORT_CALENDAR: Action = Action {
    label: "Export to calendar…",
    tooltip: "Save every deadline as an .ics file for Google, Outlook or Apple Calendar; exporting again updates the same events",
    shortcut: None,
};
pub const IMPORT_BANK_HOLIDAYS: Action = Action {
    label: "Import gov.uk bank holidays…",
    tooltip: "Merge a newer bank-holidays.json downloaded from gov.uk/bank-holidays.json",
    shortcut: None,
};
pub const EXPORT_REGISTER_CSV: Action = Action {
    label: "Export CSV…",
    tooltip: "Save the register in the ICO template's columns, for LibreOffice or Excel",
    shortcut: None,
};
pub const ADD_ACTIVITY: Action = Action {
    label: "Add activity",
    tooltip: "A new purpose for which you use personal data: from the starter catalogue of every kind of business, or blank",
    shortcut: None,
};
pub const UNDO: Action = Action {
    label: "Undo",
    tooltip: "Undo the last change to the workspace",
    shortcut: Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)),
};
pub const REDO: Action = Action {
    label: "Redo",
    tooltip: "Redo the change you undid",
    shortcut: Some(KeyboardShortcut::new(
        Modifiers::COMMAND.plus(Modifiers::SHIFT),
        Key::Z,
    )),
};

/// The keyboard shortcuts the app answers, with the command each emits.
pub fn shortcuts() -> [(Action, Command); 5] {
    // Redo before undo: Ctrl+Shift+Z must not be taken for Ctrl+Z.
    [
        (REDO, Command::Redo),
        (UNDO, Command::Undo),
        (SAVE_NOW, Command::SaveNow),
        (OPEN_FILE, Command::OpenFile),
        (QUIT, Command::Quit),
    ]
}
