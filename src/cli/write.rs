//! The commands that change a workspace: `request add`, `request step`, `breach add`
//! and `holidays --import`. Each goes through the domain rule the window uses, holds the
//! writer's lock for the whole read–change–write (a workspace open in a window is
//! refused; a second command waits its turn), and saves as the window does: atomically,
//! with a backup.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use clap::{Subcommand, ValueEnum};
use jiff::civil::Date;

use crate::{
    clock::Clock,
    domain::{
        Workspace,
        breach_clock::{self, parse_uk_local, parse_uk_offset, uk_minute},
        holidays::parse_feed,
        integrity,
        requests::{Channel, RequestDraft, RequestEvent, RequestKind},
    },
    store::{self, Store},
};

use super::terminal::safe_line;

#[derive(Debug, Subcommand)]
pub enum RequestCommand {
    /// Log a new rights request. Prints its reference (e.g. R-2026-009) on the first
    /// line of standard output.
    Add {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// What the requester asked for.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// The day it arrived (not in the future).
        #[arg(long, value_name = "YYYY-MM-DD")]
        received: String,
        /// Who made the request.
        #[arg(long)]
        name: String,
        #[arg(long, value_name = "EMAIL")]
        email: Option<String>,
        /// How it arrived.
        #[arg(long, value_enum, default_value = "email")]
        channel: ChannelArg,
        /// What they asked, in their words or a summary.
        #[arg(long, value_name = "TEXT")]
        details: Option<String>,
    },
    /// Record a step on a request, by the same rules as the window: a step the request
    /// does not allow now is refused (exit 2) with the reason.
    Step {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The request's reference, e.g. R-2026-004.
        #[arg(long, value_name = "REF")]
        request: String,
        #[arg(long, value_enum)]
        step: StepArg,
        /// The day it happened (not before the last step, not in the future).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::parse_date)]
        on: Date,
        /// The reason (extended, refused), the outcome (responded) or the note's text
        /// (note); with any other step, a note kept with it.
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BreachCommand {
    /// Log a personal-data breach. Prints its reference (e.g. B-2026-001) on the first
    /// line of standard output.
    Add {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// When the shop became aware of it, in UK local time: the 72-hour clock starts here.
        #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
        aware: String,
        /// What happened.
        #[arg(long, value_name = "TEXT")]
        what: String,
        /// For a time the autumn clock change repeats: +01:00 for the first (BST),
        /// +00:00 for the second (GMT).
        #[arg(long, value_name = "+01:00|+00:00", value_parser = parse_uk_offset, allow_hyphen_values = true)]
        aware_offset: Option<jiff::tz::Offset>,
    },
}

/// Logs a breach through the same path as `request add`: the writer's lock, an atomic
/// save with a backup.
pub fn breach(
    command: BreachCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let BreachCommand::Add {
        file,
        aware,
        what,
        aware_offset,
    } = command;
    // The clock's zone: one source of UK time for "now" and for reading local times.
    let moment = clock.now();
    let zone = moment.time_zone().clone();
    let aware = parse_uk_local(&aware, aware_offset, &zone).map_err(|e| e.to_string())?;
    if what.trim().is_empty() {
        return Err("say what happened with --what".to_owned());
    }
    if aware > moment.timestamp() {
        return Err(format!(
            "{} is in the future; --aware is when the shop became aware of the breach",
            uk_minute(aware, &zone)
        ));
    }
    let (reference, described) = change_workspace(&file, clock, err, |_, workspace| {
        let id = workspace.log_breach(aware, what.trim().to_owned(), &zone);
        let breach = workspace.breach(id).ok_or("the breach was not logged")?;
        Ok((
            breach.reference.clone(),
            format!(
                "Logged {}: unless it is unlikely to be a risk to people, report it to the ICO as soon as you can and by {} UK time. Working: {}.",
                breach.reference,
                uk_minute(breach.deadline(), &zone),
                breach_clock::working(aware, &zone)
            ),
        ))
    })?;
    let _ = writeln!(out, "{reference}");
    let _ = writeln!(out, "{described} Saved in {}.", file.display());
    Ok(ExitCode::SUCCESS)
}

/// The kinds of request, as the workspace file names them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// Subject access (Art. 15): a copy of their data.
    Access,
    /// Correct inaccurate data (Art. 16).
    Rectification,
    /// Erase their data (Art. 17).
    Erasure,
    /// Restrict processing (Art. 18).
    Restriction,
    /// Object to processing (Art. 21(1)).
    Objection,
    /// Object to direct marketing (Art. 21(2)): absolute.
    DirectMarketingObjection,
    /// Data portability (Art. 20).
    Portability,
    /// Review of an automated decision (Art. 22).
    AutomatedDecisionReview,
    /// Withdraw consent (Art. 7(3)).
    ConsentWithdrawal,
    /// A data-protection complaint to the shop (DPA 2018 s.164A).
    Complaint,
}

impl From<KindArg> for RequestKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Access => RequestKind::Access,
            KindArg::Rectification => RequestKind::Rectification,
            KindArg::Erasure => RequestKind::Erasure,
            KindArg::Restriction => RequestKind::Restriction,
            KindArg::Objection => RequestKind::Objection,
            KindArg::DirectMarketingObjection => RequestKind::DirectMarketingObjection,
            KindArg::Portability => RequestKind::Portability,
            KindArg::AutomatedDecisionReview => RequestKind::AutomatedDecisionReview,
            KindArg::ConsentWithdrawal => RequestKind::ConsentWithdrawal,
            KindArg::Complaint => RequestKind::Complaint,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ChannelArg {
    Email,
    Post,
    Phone,
    InPerson,
    WebForm,
    SocialMedia,
    Other,
}

impl From<ChannelArg> for Channel {
    fn from(channel: ChannelArg) -> Self {
        match channel {
            ChannelArg::Email => Channel::Email,
            ChannelArg::Post => Channel::Post,
            ChannelArg::Phone => Channel::Phone,
            ChannelArg::InPerson => Channel::InPerson,
            ChannelArg::WebForm => Channel::WebForm,
            ChannelArg::SocialMedia => Channel::SocialMedia,
            ChannelArg::Other => Channel::Other,
        }
    }
}

/// The steps of a request, as the workspace file names them.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StepArg {
    /// Asked for proof of identity or authority: the clock waits for it.
    IdentityRequested,
    /// Proof of identity or authority arrived: the month restarts.
    IdentityReceived,
    /// Asked for a permitted fee: the clock waits for it.
    FeeRequested,
    /// The fee arrived: the month restarts.
    FeeReceived,
    /// Asked the requester to clarify: a subject access request's clock stops (Art. 12A);
    /// any other right's runs on.
    ClarificationAsked,
    /// The clarification arrived: a stopped clock runs again.
    ClarificationAnswered,
    /// Extended by two months (only within the first month); --note gives the reason.
    Extended,
    /// Responded; --note gives the outcome.
    Responded,
    /// Refused; --note gives the reasons.
    Refused,
    /// The requester withdrew the request.
    Withdrawn,
    /// Closed (after a response, refusal or withdrawal).
    Closed,
    /// A note in the timeline; --note gives its text.
    Note,
}

impl StepArg {
    /// The step, and a note to record with it: the window keeps a note typed before a
    /// step with that step, and uses it as the reason of those that need one.
    fn event(self, note: Option<String>) -> (RequestEvent, Option<String>) {
        let text = note.clone().unwrap_or_default();
        let plain = |event| (event, note.filter(|n| !n.trim().is_empty()));
        match self {
            StepArg::Extended => (RequestEvent::Extended { reason: text }, None),
            StepArg::Responded => (RequestEvent::Responded { outcome: text }, None),
            StepArg::Refused => (RequestEvent::Refused { reason: text }, None),
            StepArg::Note => (RequestEvent::Note { text }, None),
            StepArg::IdentityRequested => plain(RequestEvent::IdentityRequested),
            StepArg::IdentityReceived => plain(RequestEvent::IdentityReceived),
            StepArg::FeeRequested => plain(RequestEvent::FeeRequested),
            StepArg::FeeReceived => plain(RequestEvent::FeeReceived),
            StepArg::ClarificationAsked => plain(RequestEvent::ClarificationAsked),
            StepArg::ClarificationAnswered => plain(RequestEvent::ClarificationAnswered),
            StepArg::Withdrawn => plain(RequestEvent::Withdrawn),
            StepArg::Closed => plain(RequestEvent::Closed),
        }
    }
}

/// "due 2026-12-30", or why there is no date (a stopped clock says what restarts it).
fn due(deadline: &crate::domain::deadlines::Deadline) -> String {
    match (deadline.due_date(), deadline.state.message()) {
        (Some(date), _) => format!("due {date}"),
        (None, Some(why)) => {
            let mut chars = why.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
        (None, None) => "no due date".to_owned(),
    }
}

/// Opens `file` as its only writer (waiting briefly for another command), applies
/// `change` and saves — atomically, with a backup — when it changed anything. A
/// refused change writes nothing.
///
/// What the window repairs when it opens a file is repaired first (and said on
/// standard error), so a new record never takes an id already in use; the save then
/// refuses anything the reader would refuse, so no command locks its user out. A save
/// whose backup failed is a success with a warning: retrying would make the change
/// twice.
fn change_workspace<T>(
    file: &Path,
    clock: &dyn Clock,
    err: &mut dyn Write,
    change: impl FnOnce(&Workspace, &mut Workspace) -> Result<T, String>,
) -> Result<T, String> {
    let (mut store, mut workspace) =
        Store::open_to_write(file, store::WRITER_PATIENCE).map_err(|e| e.to_string())?;
    let before = workspace.clone();
    let repairs = integrity::repair(&mut workspace);
    // `change` sees the file as read too: a reference two requests shared there is
    // ambiguous, whatever the repair renamed.
    let result = change(&before, &mut workspace)?;
    if workspace != before {
        let saved = store
            .save(&workspace, clock.now().timestamp())
            .map_err(|e| e.to_string())?;
        for repair in repairs {
            let _ = writeln!(
                err,
                "note: Smallprint repaired the file: {}",
                safe_line(&repair)
            );
        }
        if let Some(failed) = saved.backup_failed {
            let _ = writeln!(err, "warning: the change is saved, but {failed}");
        }
    }
    Ok(result)
}

pub fn request(
    command: RequestCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    match command {
        RequestCommand::Add {
            file,
            kind,
            received,
            name,
            email,
            channel,
            details,
        } => {
            let draft = RequestDraft {
                name,
                email: email.unwrap_or_default(),
                kind: kind.into(),
                received,
                channel: channel.into(),
                details: details.unwrap_or_default(),
                ..RequestDraft::default()
            };
            let today = clock.today();
            let new = draft.validate(today).map_err(|issues| {
                issues
                    .iter()
                    .map(|issue| format!("{}: {}", issue.field, issue.message))
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
            let (reference, described) = change_workspace(&file, clock, err, |_, workspace| {
                let id = workspace.log_request(new);
                let request = workspace.request(id).ok_or("the request was not logged")?;
                let holidays = workspace.holidays();
                let deadline = request.deadline_with(workspace.counting(&holidays));
                Ok((
                    request.reference.clone(),
                    format!(
                        "Logged {}: {} from {}, received {}; {}.",
                        request.reference,
                        request.kind.to_string().to_lowercase(),
                        safe_line(&request.requester.name),
                        request.received,
                        due(&deadline)
                    ),
                ))
            })?;
            let _ = writeln!(out, "{reference}");
            let _ = writeln!(out, "{described} Saved in {}.", file.display());
            Ok(ExitCode::SUCCESS)
        }
        RequestCommand::Step {
            file,
            request,
            step,
            on,
            note,
        } => {
            let now = clock.now();
            let (event, note) = step.event(note);
            let described = change_workspace(&file, clock, err, |as_read, workspace| {
                let reference = super::find_request(as_read, &file, &request)?
                    .reference
                    .clone();
                let found = super::find_request(workspace, &file, &reference)?;
                let (id, reference) = (found.id, found.reference.clone());
                let what = event.describe();
                let holidays = workspace.holidays();
                let warnings: Vec<String> = found
                    .step_warnings(&event, on, now.date(), workspace.counting(&holidays))
                    .into_iter()
                    .map(|w| format!("warning: {}: {w}", safe_line(&reference)))
                    .collect();
                // The step and its note are one change, as in the window: both or neither.
                crate::actions::request::record_step(workspace, id, (event, note), on, &now)
                    .map_err(|e| format!("{}: {e}", safe_line(&reference)))?;
                let request = workspace.request(id).ok_or("the request went missing")?;
                let holidays = workspace.holidays();
                let deadline = request.deadline_with(workspace.counting(&holidays));
                let described = format!(
                    "Recorded “{}” on {} ({on}); it is now {}; {}.",
                    safe_line(&what),
                    safe_line(&reference),
                    request.status.to_string().to_lowercase(),
                    due(&deadline)
                );
                Ok((described, warnings))
            })?;
            let (described, warnings) = described;
            let _ = writeln!(out, "{described} Saved in {}.", file.display());
            // Recorded, and said: an ask late in the month, or a clock moved from a past day.
            for warning in warnings {
                let _ = writeln!(err, "{warning}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Merges a gov.uk bank-holidays feed into the workspace by the rules Settings uses.
pub fn import_holidays(
    file: &Path,
    feed_path: &Path,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    // The bounded reader: a named pipe or /dev/zero is refused at once.
    let feed = store::read_text(feed_path)
        .and_then(|text| parse_feed(&text).map_err(|e| e.to_string()))
        .map_err(|reason| {
            format!(
                "{} was not imported: {}. Nothing was changed.",
                safe_line(&feed_path.display().to_string()),
                reason.trim_end_matches('.')
            )
        })?;
    let (covered, changed) = change_workspace(file, clock, err, |_, workspace| {
        let before = workspace.settings.imported_bank_holidays.clone();
        let covered = workspace.import_bank_holidays(&feed).ok_or_else(|| {
            format!(
                "{} holds no bank holidays for England and Wales, Scotland or Northern Ireland. Nothing was changed.",
                feed_path.display()
            )
        })?;
        Ok((covered, workspace.settings.imported_bank_holidays != before))
    })?;
    let (first, last) = covered;
    if changed {
        let _ = writeln!(
            out,
            "Imported the bank holidays in {} into {} (imported days now cover {first}–{last}); deadlines now use them.",
            feed_path.display(),
            file.display()
        );
    } else {
        let _ = writeln!(
            out,
            "{} already held the bank holidays in {} ({first}–{last}); nothing was changed.",
            file.display(),
            feed_path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
