//! Exports and imports: what the workspace becomes for the outside world (calendar,
//! register CSV, notice, letters) and the bank-holiday feeds it takes in. Each ends with
//! a message saying what was written where, or why not.

use std::path::{Path, PathBuf};

use super::{SmallprintApp, chooser::PathUse};
use crate::{
    command::Export,
    documents::{
        Format, breach_log, breach_log_csv, ics, letters, model::Document, notice, register_csv,
    },
    domain::{agenda, holidays::parse_feed, requests::RequestEvent},
    session::Tone,
};

impl SmallprintApp {
    /// Writes `what` to `to`, or asks where first.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per kind of export, each ending in its message: reads best whole"
    )]
    pub(super) fn export(&mut self, what: &Export, to: Option<PathBuf>) {
        let Some(path) = to else {
            self.ask_path(PathUse::Export(what.clone()));
            return;
        };
        let Some(open) = self.open_workspace() else {
            return;
        };
        let (workspace, source) = (&open.workspace, open.path());
        let today = self.clock.today();
        // A notice export records the day its content last changed (its "Last updated").
        let mut notice_dated = None;
        let written = match what {
            Export::Calendar => {
                let holidays = workspace.holidays();
                let deadlines = agenda::deadlines(workspace, &holidays, today);
                let items =
                    agenda::agenda(workspace, &deadlines, today, &crate::clock::uk_time_zone());
                let text = ics::calendar_ics(workspace, &items, self.clock.now().timestamp());
                write(&path, text.as_bytes(), source).map(|()| {
                    format!(
                        "Exported {} dates to {}. Import it into your calendar; exporting again later updates the same events.",
                        items.len(),
                        path.display()
                    )
                })
            }
            Export::RegisterCsv => {
                let count = workspace.register.len();
                write(&path, &register_csv::register_csv(workspace), source)
                    .map(|()| format!("Exported {count} activities to {}.", path.display()))
            }
            Export::Notice { format, style } => {
                let (written, dated) =
                    write_notice(workspace, *style, *format, today, &path, source);
                notice_dated = dated;
                written
            }
            Export::Letter {
                request,
                template,
                parts,
                format,
            } => match workspace.request(*request) {
                // The composer greys the button for the same reasons; a stale command
                // is refused, never written with gaps or against the law.
                Some(found) => match (
                    template.fits(workspace, found, today),
                    letters::missing_reason(*template, parts),
                ) {
                    (Err(reason), _) => Err(format!("Could not export the letter: {reason}.")),
                    (Ok(()), Some(missing)) => {
                        Err(format!("Could not export the letter: {missing}."))
                    }
                    (Ok(()), None) => {
                        let document = letters::letter(workspace, found, *template, today, parts);
                        write_document(&document, *format, &path, source, "the letter")
                    }
                },
                None => Err(
                    "Could not export the letter: its request is no longer in the log.".to_owned(),
                ),
            },
            Export::SentLetter { request, entry } => {
                let sent =
                    workspace.request(*request).and_then(|found| {
                        let kept = found.timeline.get(*entry)?;
                        match &kept.event {
                            RequestEvent::LetterSent { template, text } => Some(
                                letters::sent_letter(template, &found.reference, kept.on, text),
                            ),
                            _ => None,
                        }
                    });
                match sent {
                    Some(document) => {
                        write_document(&document, Format::Pdf, &path, source, "the sent letter")
                    }
                    None => Err(
                        "Could not export the letter: it is no longer in the request's timeline."
                            .to_owned(),
                    ),
                }
            }
            Export::BreachLog { csv } => {
                write_breach_log(workspace, *csv, &path, source, self.clock.now().timestamp())
            }
            Export::BreachLetter {
                breach,
                parts,
                format,
            } => write_breach_letter(workspace, (*breach, parts, *format), &path, source, today),
        };
        if let Some(settings) = notice_dated {
            self.change(
                "Record the notice's “Last updated” date",
                None,
                |workspace| {
                    workspace.settings.notice_last_updated = settings.notice_last_updated;
                    workspace.settings.notice_fingerprint = settings.notice_fingerprint;
                    Ok::<(), String>(())
                },
            );
        }
        if let Some(open) = self.session.open_workspace_mut() {
            match written {
                Ok(message) => open.say_written(message, path),
                Err(reason) => open.say(Tone::Error, reason),
            }
        }
    }

    /// The dialog's title, its filter's name and the suggested file name for `what`.
    pub(super) fn export_naming(&self, what: &Export) -> (String, String, String) {
        let (title, filter, file_name) = match what {
            Export::Calendar => (
                "Export deadlines to a calendar file",
                "Calendar".to_owned(),
                "smallprint-deadlines.ics".to_owned(),
            ),
            Export::RegisterCsv => (
                "Export the register as CSV",
                "CSV".to_owned(),
                "processing-register.csv".to_owned(),
            ),
            Export::Notice { format, .. } => (
                "Export the privacy notice",
                format.to_string(),
                format!("privacy-notice.{}", format.extension()),
            ),
            Export::Letter {
                request,
                template,
                format,
                ..
            } => {
                let file_name = self
                    .workspace()
                    .and_then(|w| w.request(*request))
                    .map(|r| format!("{}-{}.{}", r.reference, template.name(), format.extension()))
                    .unwrap_or_default();
                ("Export the letter", format.to_string(), file_name)
            }
            Export::BreachLog { csv } => (
                "Export the breach log",
                if *csv { "CSV" } else { "PDF" }.to_owned(),
                format!("breach-log.{}", if *csv { "csv" } else { "pdf" }),
            ),
            Export::BreachLetter { breach, format, .. } => {
                let file_name = self
                    .workspace()
                    .and_then(|w| w.breach(*breach))
                    .map(|b| {
                        format!(
                            "{}-letter-to-people-affected.{}",
                            b.reference,
                            format.extension()
                        )
                    })
                    .unwrap_or_default();
                ("Export the letter", format.to_string(), file_name)
            }
            Export::SentLetter { request, entry } => {
                let file_name = self
                    .workspace()
                    .and_then(|w| w.request(*request))
                    .map(|r| format!("{}-sent-letter-{}.pdf", r.reference, entry + 1))
                    .unwrap_or_default();
                ("Export the sent letter", "PDF".to_owned(), file_name)
            }
        };
        (title.to_owned(), filter, file_name)
    }

    /// Merges a gov.uk bank-holidays feed into the workspace; a file that cannot be read
    /// changes nothing and says why.
    pub(super) fn import_bank_holidays(&mut self, path: &Path) {
        let parsed = std::fs::read_to_string(path)
            .map_err(|e| format!("it could not be read ({e})"))
            .and_then(|text| parse_feed(&text).map_err(|e| e.to_string()));
        let (tone, message) = match parsed {
            Err(reason) => (
                Tone::Error,
                format!(
                    "{} was not imported: {reason}. Nothing was changed.",
                    path.display()
                ),
            ),
            Ok(feed) => {
                let what = format!("Import the bank holidays in {}", path.display());
                match self.change(what, None, |workspace| {
                    Ok::<_, String>(workspace.import_bank_holidays(&feed))
                }) {
                    Some(Some((first, last))) => (
                        Tone::Success,
                        format!(
                            "Imported the bank holidays in {} ({first}–{last}). Deadlines now use them.",
                            path.display()
                        ),
                    ),
                    Some(None) => (
                        Tone::Warning,
                        format!(
                            "{} holds no bank holidays for England and Wales, Scotland or Northern Ireland. Nothing was changed.",
                            path.display()
                        ),
                    ),
                    None => return, // refused: the status bar says why
                }
            }
        };
        self.say(tone, message);
    }
}

/// Writes an export of the workspace at `source`; the store refuses the workspace
/// itself, its backups and anything that is not a regular file.
fn write(path: &Path, bytes: &[u8], source: &Path) -> Result<(), String> {
    crate::store::write_export(path, bytes, source).map_err(|error| error.to_string())
}

/// Renders and writes a document export; the message says whether it worked.
/// The breach log, every breach reported or not, as CSV or PDF; the message to show.
fn write_breach_log(
    workspace: &crate::domain::Workspace,
    csv: bool,
    path: &Path,
    source: &Path,
    now: jiff::Timestamp,
) -> Result<String, String> {
    let zone = crate::clock::uk_time_zone();
    if csv {
        let count = crate::domain::validate::count(workspace.breaches.len(), "breach", "breaches");
        let bytes = breach_log_csv::breach_log_csv(workspace, &zone, now);
        write(path, &bytes, source)
            .map(|()| format!("Exported the breach log ({count}) to {}.", path.display()))
    } else {
        let document = breach_log::breach_log_document(workspace, &zone, now);
        write_document(&document, Format::Pdf, path, source, "the breach log")
    }
}

/// The Art. 34 letter for a breach: refused, as the composer greys its button, when the
/// law or a gap says it cannot go (a stale command is never written with gaps).
fn write_breach_letter(
    workspace: &crate::domain::Workspace,
    (breach, parts, format): (crate::domain::BreachId, &letters::Parts, Format),
    path: &Path,
    source: &Path,
    today: jiff::civil::Date,
) -> Result<String, String> {
    let zone = crate::clock::uk_time_zone();
    let found = workspace
        .breach(breach)
        .ok_or("Could not export the letter: its breach is no longer in the log.")?;
    letters::breach::fits(workspace, found, &zone, today)
        .map_err(|reason| format!("Could not export the letter: {reason}."))?;
    if let Some(missing) = letters::breach::missing_reason(parts) {
        return Err(format!("Could not export the letter: {missing}."));
    }
    let document = letters::breach::breach_letter(workspace, found, &zone, today, parts);
    write_document(&document, format, path, source, "the letter")
}

fn write_document(
    document: &Document,
    format: Format,
    path: &Path,
    source: &Path,
    what: &str,
) -> Result<String, String> {
    format
        .render(document)
        .map_err(|error| error.to_string())
        .and_then(|bytes| write(path, &bytes, source))
        .map(|()| format!("Exported {what} as {format} to {}.", path.display()))
        .map_err(|error| format!("Could not export {what}: {error}"))
}

/// Writes the privacy notice, refused while the register still has the catalogue's
/// example text; returns the message and, when its date changed, the settings to keep.
fn write_notice(
    workspace: &crate::domain::Workspace,
    style: notice::NoticeStyle,
    format: Format,
    today: jiff::civil::Date,
    path: &Path,
    source: &Path,
) -> (
    Result<String, String>,
    Option<crate::domain::settings::Settings>,
) {
    match notice::export_notice(workspace, style, format, today) {
        Err(notice::ExportError::Placeholders(issues)) => (
            Err(format!(
                "The privacy notice was not exported: the register still has example text from the starter catalogue, which it would publish. Replace or confirm each on the Register screen: {}.",
                issues
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
            None,
        ),
        Err(error) => (
            Err(format!("Could not export the privacy notice: {error}")),
            None,
        ),
        Ok(export) => match write(path, &export.bytes, source) {
            Ok(()) => (
                Ok(format!(
                    "Exported the privacy notice as {format} to {} (last updated {}).",
                    path.display(),
                    notice::long_date(export.last_updated)
                )),
                export.settings,
            ),
            Err(error) => (
                Err(format!("Could not export the privacy notice: {error}")),
                None,
            ),
        },
    }
}
