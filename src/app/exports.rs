//! Exports and imports: what the workspace becomes for the outside world (calendar,
//! register CSV, notice, letters, the breach log) and the bank-holiday feeds it takes in.
//! An export is made and written by [`crate::actions::export`] on a worker thread, so the
//! window keeps answering while a long document renders; the status bar says it is under
//! way, then what was written where, or why not.

use std::{
    path::{Path, PathBuf},
    sync::mpsc,
};

use super::{SmallprintApp, chooser::PathUse};
use crate::{
    actions::{self, Artifact, Export, ExportError},
    domain::holidays::parse_feed,
    session::Tone,
};

/// An export being made on its worker thread.
pub(super) struct ExportJob {
    path: PathBuf,
    /// The workspace file it was made from, whose "Last updated" a notice records.
    source: PathBuf,
    /// The notice's recorded date and fingerprint when the export began: a date set
    /// meanwhile is the user's, and is not overwritten.
    notice_dated_before: (Option<jiff::civil::Date>, Option<String>),
    result: mpsc::Receiver<Result<Artifact, ExportError>>,
    /// The worker, joined when its result is waited for: it asks for a repaint after
    /// sending the result, so waiting for the thread as well means nothing of it is
    /// still to come once the wait is over (a window closing, a test settling).
    worker: Option<std::thread::JoinHandle<()>>,
}

impl SmallprintApp {
    /// Writes `what` to `to` on a worker thread, or asks where first.
    pub(super) fn export(&mut self, what: &Export, to: Option<PathBuf>) {
        let Some(path) = to else {
            self.ask_path(PathUse::Export(what.clone()));
            return;
        };
        if self.export_jobs.iter().any(|job| job.path == path) {
            // Two writers of one file would share its temporary file.
            self.say(
                Tone::Info,
                format!(
                    "{} is being exported already; export again once it is done.",
                    path.display()
                ),
            );
            return;
        }
        let now = self.clock.now();
        let Some(open) = self.session.open_workspace_mut() else {
            return;
        };
        // The worker gets its own copy, with what is being typed: the user may edit on
        // while it renders.
        open.settle_typing();
        let workspace = open.workspace.clone();
        let notice_dated_before = (
            workspace.settings.notice_last_updated,
            workspace.settings.notice_fingerprint.clone(),
        );
        let agenda = open.context(&now).derived.agenda.clone();
        let source = open.path().to_owned();
        open.say(Tone::Info, format!("Exporting to {}…", path.display()));
        let (sender, result) = mpsc::channel();
        let repaint = self.egui_ctx.clone();
        let (job_path, job_source, job_what) = (path.clone(), source.clone(), what.clone());
        let spawned = std::thread::Builder::new()
            .name("smallprint-export".to_owned())
            .spawn(move || {
                let made = actions::export::export_to(
                    &workspace,
                    &job_what,
                    Some(&agenda),
                    &now,
                    &job_path,
                    &job_source,
                );
                // The window may have closed meanwhile; then nobody is waiting.
                let _ = sender.send(made);
                if let Some(ctx) = repaint {
                    ctx.request_repaint();
                }
            });
        match spawned {
            Ok(worker) => self.export_jobs.push(ExportJob {
                path,
                source,
                notice_dated_before,
                result,
                worker: Some(worker),
            }),
            Err(error) => self.say(
                Tone::Error,
                format!("Could not start the export: {error}. Nothing was written."),
            ),
        }
    }

    /// Says how each finished export went; with `wait`, first waits for every one still
    /// running (before the window closes, and in tests).
    pub fn finish_exports(&mut self, wait: bool) {
        let mut still_running = Vec::new();
        for mut job in std::mem::take(&mut self.export_jobs) {
            let outcome = if wait {
                let outcome = job.result.recv().ok();
                // A worker that panicked has said so by sending nothing (`None` below).
                if let Some(worker) = job.worker.take() {
                    let _ = worker.join();
                }
                outcome
            } else {
                match job.result.try_recv() {
                    Ok(outcome) => Some(outcome),
                    Err(mpsc::TryRecvError::Empty) => {
                        still_running.push(job);
                        continue;
                    }
                    Err(mpsc::TryRecvError::Disconnected) => None,
                }
            };
            self.exported(&job, outcome);
        }
        self.export_jobs = still_running;
    }

    /// Whether an export is still being made.
    pub fn exporting(&self) -> bool {
        !self.export_jobs.is_empty()
    }

    fn exported(&mut self, job: &ExportJob, outcome: Option<Result<Artifact, ExportError>>) {
        let Some(outcome) = outcome else {
            self.say(
                Tone::Error,
                format!(
                    "The export to {} stopped unexpectedly; nothing may have been written.",
                    job.path.display()
                ),
            );
            return;
        };
        match outcome {
            Ok(artifact) => {
                // A notice records the day its content last changed (its "Last updated"),
                // in the file it was made from.
                let same_file = self.session.path() == Some(job.source.as_path());
                let untouched = self.workspace().is_some_and(|workspace| {
                    (
                        workspace.settings.notice_last_updated,
                        workspace.settings.notice_fingerprint.clone(),
                    ) == job.notice_dated_before
                });
                if let (Some(dated), true, true) = (artifact.notice_dated, same_file, untouched) {
                    self.change(
                        "Record the notice's “Last updated” date",
                        None,
                        |workspace| {
                            actions::export::record_notice_dated(workspace, &dated);
                            Ok::<(), String>(())
                        },
                    );
                }
                let message = format!(
                    "Exported {} to {}.{}",
                    artifact.what,
                    job.path.display(),
                    artifact
                        .next
                        .map(|next| format!(" {next}"))
                        .unwrap_or_default()
                );
                if let Some(open) = self.session.open_workspace_mut() {
                    open.say_written(message, job.path.clone());
                }
            }
            Err(error) => self.say(Tone::Error, error.to_string()),
        }
    }

    /// Merges a gov.uk bank-holidays feed into the workspace; a file that cannot be read
    /// changes nothing and says why.
    pub(super) fn import_bank_holidays(&mut self, path: &Path) {
        // The bounded reader: a named pipe or /dev/zero is refused at once.
        let parsed = crate::store::read_text(path)
            .and_then(|text| parse_feed(&text).map_err(|e| e.to_string()));
        let (tone, message) = match parsed {
            Err(reason) => (
                Tone::Error,
                format!(
                    "{} was not imported: {}. Nothing was changed.",
                    path.display(),
                    reason.trim_end_matches('.')
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
