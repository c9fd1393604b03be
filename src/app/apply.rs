//! Applying the commands a frame emitted: navigation goes to the screens, changes go to
//! the workspace through its domain rules (a refusal is reported, never dropped), and
//! file and export commands go to their modules.

use std::fmt::Display;

use super::{SmallprintApp, chooser::PathUse};
use crate::{
    command::{BreachChange, Command, ConflictChoice},
    domain::{Workspace, catalogue::business_types},
    platform,
    session::Tone,
};

impl SmallprintApp {
    fn change_breach(&mut self, breach: crate::domain::BreachId, change: &BreachChange) {
        let now = self.clock.now();
        let reference = self
            .workspace()
            .and_then(|w| w.breach(breach))
            .map_or_else(|| "a breach".to_owned(), |b| b.reference.clone());
        let what = format!("{} {reference}", change.describe());
        // The same rule the screen tried ahead to grey its button.
        self.change(what, None, |workspace| {
            crate::actions::breach::change_breach(workspace, breach, change, &now)
        });
    }

    /// Applies one command. Public so tests can act as the UI would.
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per command: the dispatch table reads best whole"
    )]
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Navigate(screen) => {
                self.screens.navigate(screen);
                self.prefs.screen = screen;
            }
            Command::OpenRequest(id) => self.screens.open_request(id),
            Command::OpenBreach(id) => self.screens.open_breach(id),
            Command::HoldBreachFacts(edited) => {
                let at = self.clock.now();
                if let Some(open) = self.session.open_workspace_mut() {
                    open.hold_breach_facts(*edited, at, self.now);
                }
            }
            Command::LogBreach {
                aware,
                what_happened,
            } => {
                let zone = self.clock.now().time_zone().clone();
                if let Some(id) = self.change("Log a breach", None, |workspace| {
                    Ok::<_, String>(workspace.log_breach(aware, what_happened, &zone))
                }) {
                    self.screens.open_breach(id);
                }
            }
            // The facts typed in the form go first (the session applies what it holds
            // before any change), so a decision or closing never leaves them behind.
            Command::ChangeBreach { breach, change } => self.change_breach(breach, &change),
            Command::OpenActivity(id) => self.screens.open_activity(id),
            Command::UpdateOrganisation(organisation) => {
                self.change(
                    "Edit the organisation profile",
                    Some("organisation"),
                    |workspace| {
                        workspace.organisation = organisation;
                        Ok::<(), String>(())
                    },
                );
            }
            Command::UpdateWebsite(website) => {
                self.change("Edit the website's cookies", Some("website"), |workspace| {
                    workspace.website = *website;
                    Ok::<(), String>(())
                });
            }
            Command::LogRequest(new) => {
                let what = format!("Log the request from {}", new.requester.name);
                if let Some(id) = self.change(what, None, |workspace| {
                    Ok::<_, String>(workspace.log_request(new))
                }) {
                    self.screens.open_request(id);
                }
            }
            Command::RecordRequestEvent {
                request,
                event,
                on,
                note,
            } => {
                let now = self.clock.now();
                let what = format!(
                    "Record “{}” on {}",
                    event.describe(),
                    self.request_reference(request)
                );
                // The step and its note are one change: both or neither, one undo.
                self.change(what, None, |workspace| {
                    crate::actions::request::record_step(
                        workspace,
                        request,
                        (event, note),
                        on,
                        &now,
                    )
                });
            }
            Command::SendLetter {
                request,
                template,
                text,
                implied,
                on,
            } => {
                let today = self.clock.today();
                let reference = self.request_reference(request);
                let what = format!("Mark “{template}” as sent to {reference}");
                let sent = self.change(what, None, |workspace| {
                    workspace.record_letter(
                        request,
                        (template.name(), &template.to_string()),
                        text,
                        implied,
                        on,
                        today,
                    )
                });
                if sent.is_some() {
                    self.say(
                        Tone::Success,
                        format!("{template} recorded as sent in {reference}'s timeline."),
                    );
                }
            }
            Command::UseCatalogue(index) => {
                if let Some(business) = business_types().get(index) {
                    self.change(
                        format!("Add the starter activities of a {}", business.name),
                        None,
                        |workspace| Ok::<_, String>(workspace.add_catalogue_activities(business)),
                    );
                }
            }
            Command::AddCatalogueActivity(at) => {
                if let Some(template) = at.template() {
                    let what = format!("Add “{}” from the starter catalogue", template.purpose);
                    if let Some(id) = self.change(what, None, |workspace| {
                        Ok::<_, String>(workspace.add_catalogue_activity(template))
                    }) {
                        self.screens.open_activity(id);
                    }
                }
            }
            Command::AddActivity => {
                if let Some(id) = self.change("Add an activity", None, |workspace| {
                    Ok::<_, String>(workspace.add_blank_activity())
                }) {
                    self.screens.open_activity(id);
                }
            }
            Command::UpdateActivity(activity) => {
                let what = format!("Edit “{}”", self.activity_name(activity.id));
                self.change(what, Some("activity"), |workspace| {
                    workspace.update_activity(activity)
                });
            }
            Command::DuplicateActivity(id) => {
                let what = format!("Duplicate “{}”", self.activity_name(id));
                if let Some(copy) =
                    self.change(what, None, |workspace| workspace.duplicate_activity(id))
                {
                    self.screens.open_activity(copy);
                }
            }
            Command::DeleteActivity(id) => {
                let what = format!("Delete “{}”", self.activity_name(id));
                self.change(what, None, |workspace| workspace.delete_activity(id));
            }
            Command::UpdateRegulator(regulator) => {
                self.change(
                    "Edit the regulator's details",
                    Some("regulator"),
                    |workspace| {
                        workspace.settings.regulator = regulator;
                        Ok::<(), String>(())
                    },
                );
            }
            Command::SetPlaySafeDeadlines(on) => {
                let what = if on {
                    "Count deadlines the play-safe way"
                } else {
                    "Count deadlines the ICO's way"
                };
                self.change(what, None, |workspace| {
                    workspace.settings.play_safe_deadlines = on;
                    Ok::<(), String>(())
                });
            }
            Command::SetNoticeLastUpdated(date) => {
                self.change(
                    "Change the notice's “Last updated” date",
                    Some("notice_last_updated"),
                    |workspace| {
                        workspace.settings.set_notice_last_updated(date);
                        Ok::<(), String>(())
                    },
                );
            }
            Command::ImportBankHolidays(path) => match path {
                Some(path) => self.import_bank_holidays(&path),
                None => self.ask_path(PathUse::ImportBankHolidays),
            },
            Command::Export { what, to } => self.export(&what, to),
            Command::DismissNotice => {
                if let Some(open) = self.session.open_workspace_mut() {
                    open.dismiss_notice();
                }
            }
            Command::SaveNow => self.save(),
            Command::Undo => self.step_history(true),
            Command::Redo => self.step_history(false),
            Command::NewFile => self.ask_path(PathUse::NewWorkspace),
            Command::OpenFile => self.ask_path(PathUse::OpenWorkspace),
            Command::OpenPath(path) => self.switch_to(&path),
            Command::SaveAs => self.ask_path(PathUse::SaveAs),
            Command::OpenFolder(folder) => {
                if let Err(error) = platform::open_folder(&folder) {
                    let why = if error.kind() == std::io::ErrorKind::NotFound {
                        "this system has no program to show folders with".to_owned()
                    } else {
                        error.to_string()
                    };
                    if let Some(open) = self.session.open_workspace_mut() {
                        open.say_about_file(
                            Tone::Warning,
                            format!(
                                "The folder could not be shown ({why}): it is {}.",
                                folder.display()
                            ),
                        );
                    }
                }
            }
            Command::CopyText { text, what } => {
                let about_file = self
                    .open_workspace()
                    .and_then(|open| open.status.as_ref())
                    .and_then(|status| status.file.as_ref())
                    .is_some_and(|file| file.display().to_string() == text);
                self.window.clipboard = Some(text);
                if let Some(open) = self.session.open_workspace_mut() {
                    let message = format!("Copied {what} to the clipboard.");
                    // "Copy path" keeps the file's buttons beside the message.
                    if about_file {
                        open.say_about_file(Tone::Success, message);
                    } else {
                        open.say(Tone::Success, message);
                    }
                }
            }
            Command::StartMyOwn => self.start_my_own(),
            Command::Quit => {
                if self.ready_to_close() {
                    self.window.quit = true;
                }
            }
            Command::CloseUnsaved(choice) => self.close_unsaved(choice),
            Command::ShowAbout => self.window.about_open = true,
            Command::SetLook(look) => self.prefs.look = look,
            Command::StartEmpty => self.start(Workspace::default()),
            Command::StartWithExample => self.explore_example(),
            Command::OpenBackup(backup) => self.open_backup(&backup),
            Command::ResolveConflict(ConflictChoice::UseTheirs)
                if self
                    .open_workspace()
                    .is_some_and(|open| open.newer_on_disk.is_some()) =>
            {
                self.leave_to_newer_version();
            }
            Command::ResolveConflict(choice) => {
                let at = self.clock.now().timestamp();
                if let Some(open) = self.session.open_workspace_mut() {
                    match choice {
                        ConflictChoice::KeepMine => open.keep_mine(at),
                        ConflictChoice::UseTheirs => open.use_theirs(at),
                    }
                }
                self.screens.forget_drafts();
            }
        }
    }

    /// Changes the open workspace through a domain rule, as one undo step named `what`.
    /// A refusal changes nothing and is said in the status bar with its reason.
    pub(super) fn change<T, E: Display>(
        &mut self,
        what: impl Into<String>,
        coalesce: Option<&'static str>,
        change: impl FnOnce(&mut Workspace) -> Result<T, E>,
    ) -> Option<T> {
        let now = self.now;
        let open = self.session.open_workspace_mut()?;
        let what = what.into();
        match open.edit(what.clone(), coalesce, now, change) {
            None => {
                open.say(
                    Tone::Warning,
                    "Nothing was changed: this file is open in another Smallprint window, so this one only reads it.",
                );
                None
            }
            Some(Ok(value)) => Some(value),
            Some(Err(error)) => {
                open.say(Tone::Error, format!("Not done: {what} — {error}."));
                None
            }
        }
    }

    pub(super) fn say(&mut self, tone: Tone, text: impl Into<String>) {
        if let Some(open) = self.session.open_workspace_mut() {
            open.say(tone, text);
        }
    }

    fn step_history(&mut self, undo: bool) {
        let now = self.now;
        let Some(open) = self.session.open_workspace_mut() else {
            return;
        };
        let done = if undo { open.undo(now) } else { open.redo(now) };
        if let Some(what) = done {
            let verb = if undo { "Undone" } else { "Redone" };
            open.say(Tone::Info, format!("{verb}: {what}."));
        }
        self.screens.forget_drafts();
    }

    fn request_reference(&self, id: crate::domain::RequestId) -> String {
        self.workspace()
            .and_then(|w| w.request(id))
            .map_or_else(|| "a request".to_owned(), |r| r.reference.clone())
    }

    fn activity_name(&self, id: crate::domain::ActivityId) -> String {
        self.workspace()
            .and_then(|w| w.activity(id))
            .map(|a| a.purpose.trim().to_owned())
            .filter(|purpose| !purpose.is_empty())
            .unwrap_or_else(|| "an activity with no purpose yet".to_owned())
    }
}
