//! The letter composer, reached from a request: the templates that fit the request's
//! kind and state first (the others greyed with the reason), the parts only the user can
//! write, a live preview with visible gaps, the exports, and "Mark as sent", which keeps
//! the letter word for word in the request's timeline and records the step it implies.
//! Also the viewer of a letter already sent.

use std::sync::Arc;

use egui::RichText;
use jiff::civil::Date;

use super::{
    access::DisabledBecause,
    access::{self, FocusTarget, Level},
    preview,
    requests::WRITE_A_LETTER,
    widgets::{Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    actions::{self, LetterDraft, LetterOrder, LetterSubject, Now},
    command::{Command, Export},
    documents::{
        Format,
        letters::{self, PartKind, PartSpec, Parts, Template},
    },
    domain::{RequestId, Workspace, requests::RightsRequest},
};

#[derive(Debug)]
pub struct LetterComposer {
    pub request: RequestId,
    template: Template,
    parts: Parts,
    draft: DraftCache,
    /// Which templates may go now, with the law's reason for the others: asked again
    /// only when the workspace or the day changes.
    templates: Option<((u64, Date), Fitting)>,
}

/// Each request letter with whether the law allows it now (and why not).
type Fitting = Vec<(Template, Result<(), String>)>;

/// The letter being composed and the verdict on it, worked out by the one action every
/// front end asks ([`actions::draft_letter`]), again only when the workspace, the letter,
/// its parts or the day change — not every frame.
#[derive(Debug, Default)]
pub(super) struct DraftCache {
    key: Option<(u64, LetterOrder)>,
    /// Shared with the frame that draws it, so a frame copies no document.
    draft: Option<Arc<LetterDraft>>,
}

impl DraftCache {
    /// The letter for `order`, or `None` when its request or breach is gone.
    pub(super) fn get(
        &mut self,
        workspace: &Workspace,
        revision: u64,
        order: LetterOrder,
        now: &Now,
    ) -> Option<Arc<LetterDraft>> {
        let key = (revision, order);
        if self.key.as_ref() != Some(&key) {
            self.draft = actions::draft_letter(workspace, &key.1, now)
                .ok()
                .map(Arc::new);
            self.key = Some(key);
        }
        self.draft.clone()
    }
}

impl LetterComposer {
    /// Starts with the first template that fits the request today.
    pub fn new(workspace: &Workspace, request: &RightsRequest, today: Date) -> Self {
        let template = Template::ALL
            .iter()
            .copied()
            .find(|t| t.fits(workspace, request, today).is_ok())
            .unwrap_or(Template::Acknowledgement);
        let mut composer = Self {
            request: request.id,
            template,
            parts: Parts::new(),
            draft: DraftCache::default(),
            templates: None,
        };
        composer.choose(workspace, request, template);
        composer
    }

    fn choose(&mut self, workspace: &Workspace, request: &RightsRequest, template: Template) {
        self.template = template;
        self.parts = template.initial_parts(workspace, request);
    }

    /// Draws the composer; returns false when the user closes it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: &super::ScreenContext<'_>,
        request: &RightsRequest,
        commands: &mut Vec<Command>,
    ) -> bool {
        let (workspace, today, writable) = (context.workspace, context.today, context.writable);
        let now = context.moment;
        let mut keep_open = true;
        ui.horizontal(|ui| {
            access::heading(
                ui,
                &format!(
                    "Letter to {} — {}",
                    request.requester.name, request.reference
                ),
                Level::Item,
            );
            if ui.button("Back to the request").clicked() {
                keep_open = false;
                FocusTarget::Named(WRITE_A_LETTER.to_owned()).ask(ui.ctx());
            }
        });
        let order = LetterOrder {
            subject: LetterSubject::Request {
                request: request.id,
                template: self.template,
            },
            parts: self.parts.clone(),
            date: today,
        };
        let Some(draft) = self.draft.get(workspace, context.revision, order, now) else {
            return false;
        };
        let key = (context.revision, today);
        if self
            .templates
            .as_ref()
            .is_none_or(|(cached, _)| *cached != key)
        {
            self.templates = Some((
                key,
                actions::letter::templates_for(workspace, request.id, today),
            ));
        }
        two_panes(
            ui,
            &mut (self, commands),
            (
                Pane::scrolled(
                    "letter_controls",
                    PaneWidth::Share {
                        share: 0.4,
                        min: 300.0,
                    },
                ),
                |ui, (this, commands)| {
                    this.templates_ui(ui, workspace, request);
                    ui.separator();
                    this.parts_ui(ui, workspace, request);
                    ui.separator();
                    let state = ComposerState {
                        workspace,
                        draft: &draft,
                        request,
                        today,
                        writable,
                    };
                    this.actions_ui(ui, &state, commands);
                },
            ),
            (
                Pane::scrolled("letter_preview", PaneWidth::Rest { min: 360.0 }),
                |ui, _| preview::document_ui(ui, &draft.document),
            ),
        );
        keep_open
    }

    fn templates_ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, request: &RightsRequest) {
        access::heading(ui, "Letter", Level::Part);
        let all: &[(Template, Result<(), String>)] =
            self.templates.as_ref().map_or(&[], |(_, all)| all);
        let current = self.template;
        let mut chosen = None;
        for (template, _) in all.iter().filter(|(_, fits)| fits.is_ok()) {
            if ui
                .selectable_label(current == *template, template.to_string())
                .on_hover_text(template.purpose())
                .clicked()
            {
                chosen = Some(*template);
            }
        }
        ui.collapsing("Letters the law does not allow now", |ui| {
            for (template, fits) in all {
                let Err(reason) = fits else { continue };
                if ui
                    .selectable_label(
                        current == *template,
                        RichText::new(template.to_string()).weak(),
                    )
                    .on_hover_text(format!("Not now: {reason}."))
                    .clicked()
                {
                    chosen = Some(*template);
                }
            }
        });
        if let Some(template) = chosen.filter(|t| *t != self.template) {
            self.choose(workspace, request, template);
        }
    }

    fn parts_ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, request: &RightsRequest) {
        ui.strong("What only you can say");
        ui.label(
            RichText::new("Everything else comes from the request, its deadlines and your register. Until a required part is written, the letter shows a gap in [brackets].")
                .weak(),
        );
        for part in self.template.parts(&self.parts) {
            if matches!(part.kind, PartKind::Activities { .. }) {
                activities_ui(ui, part, workspace, request, &mut self.parts);
            } else {
                part_ui(ui, part, &mut self.parts);
            }
        }
    }

    fn actions_ui(
        &mut self,
        ui: &mut egui::Ui,
        state: &ComposerState<'_>,
        commands: &mut Vec<Command>,
    ) {
        let ComposerState {
            workspace,
            draft,
            request,
            today,
            writable,
        } = *state;
        let document = &draft.document;
        let template = self.template;
        // Why the letter cannot go, if it cannot: the law first, then the user's gaps —
        // the words the export and `smallprint letter` give too.
        let blocked: Option<String> = draft.refusal.as_ref().map(ToString::to_string);
        // Once sent, the letter says so — in the success colour — rather than why it
        // cannot be sent again, which is all the rules can say about it now.
        if let Some(on) = request.letter_sent_on(template.name()) {
            ui.label(
                RichText::new(format!(
                    "Sent ✓ on {} — kept word for word in the request's timeline.",
                    on.strftime("%a %-d %b %Y")
                ))
                .color(super::theme::palette(ui).success),
            );
            // Why not again, in the words every path gives, but as information, not as
            // an error: sending it was right.
            if let Some(reason) = &blocked {
                ui.label(RichText::new(reason).weak());
            }
        } else if let Some(reason) = &blocked {
            ui.problem(reason);
        }
        for warning in &draft.warnings {
            let colour = super::theme::palette(ui).warning;
            ui.label(RichText::new(format!("Warning: {warning}")).color(colour));
        }
        let ready = blocked.is_none();
        ui.horizontal_wrapped(|ui| {
            let export = ui
                .add_enabled(ready, egui::Button::new("Export PDF…"))
                .disabled_because(blocked.clone().unwrap_or_default());
            if export.clicked() {
                commands.push(Command::Export {
                    what: Export::Letter {
                        letter: LetterOrder {
                            subject: LetterSubject::Request {
                                request: request.id,
                                template,
                            },
                            parts: self.parts.clone(),
                            date: today,
                        },
                        format: Format::Pdf,
                    },
                    to: None,
                });
            }
            let copy = ui
                .add_enabled(ready, egui::Button::new("Copy as email text"))
                .on_hover_text("Copies the letter as plain text, to paste into an email")
                .disabled_because(blocked.clone().unwrap_or_default());
            if copy.clicked() {
                // Said in the status bar, where a message moves nothing.
                commands.push(Command::CopyText {
                    text: document.plain_text(),
                    what: "the letter as email text: paste it into your email".to_owned(),
                });
            }
        });
        let implied = template.implied_event(&self.parts);
        // The rule `apply` will run, asked now: the button is greyed with its reason.
        let recordable = workspace
            .check_letter(request.id, implied.as_ref(), today, today)
            .map_err(|error| error.to_string());
        if let (true, Err(reason)) = (ready, &recordable) {
            ui.problem(&format!("It cannot be marked as sent now: {reason}."));
        }
        ui.add_enabled_ui(writable && ready && recordable.is_ok(), |ui| {
            let hover = match &implied {
                Some(event) => format!(
                    "Keeps this letter in the timeline and records: {}",
                    event.describe()
                ),
                None => "Keeps this letter, word for word, in the request's timeline".to_owned(),
            };
            if ui.button("Mark as sent").on_hover_text(hover).clicked() {
                commands.push(Command::SendLetter {
                    request: request.id,
                    template,
                    text: document.plain_text(),
                    implied,
                    on: today,
                });
            }
        });
    }
}

/// One part's field: a drop-down of the legal list with the chosen option's meaning, a
/// checkbox for each option of a choice of several, or a text box. True when the user
/// changed it.
pub(super) fn part_ui(ui: &mut egui::Ui, part: &PartSpec, parts: &mut Parts) -> bool {
    let label = if part.is_required() {
        part.label.to_owned()
    } else {
        format!("{} (optional)", part.label)
    };
    if part.takes_several() {
        return several_ui(ui, part, &label, parts);
    }
    let value = parts.entry(part.key).or_default();
    match part.kind {
        PartKind::Choice {
            options, default, ..
        } => {
            let before = value.clone();
            let mut keys: Vec<&str> = Vec::new();
            if default.is_none() {
                keys.push("");
            }
            keys.extend(options.iter().map(|o| o.key));
            if value.is_empty()
                && let Some(default) = default
            {
                *value = default.to_owned();
            }
            let mut chosen = value.clone();
            ui.enum_combo(
                &label,
                ("letter_part", part.key.name()),
                &mut chosen,
                keys.into_iter().map(str::to_owned),
                |key| {
                    options
                        .iter()
                        .find(|o| o.key == key)
                        .map_or_else(|| "Not chosen yet".to_owned(), |o| sentence_case(o.words))
                },
            )
            .on_hover_text(part.about);
            *value = chosen;
            if let Some(option) = options.iter().find(|o| o.key == value.as_str()) {
                ui.label(RichText::new(format!("Means: {}.", option.meaning)).weak());
            }
            *value != before
        }
        // Drawn as the register's checkboxes by the composer; typed numbers elsewhere.
        PartKind::Fact { .. } | PartKind::Optional { .. } | PartKind::Activities { .. } => {
            let changed = ui.text_area(&label, value, part.about);
            if value.trim().is_empty() {
                parts.remove(&part.key);
            }
            changed
        }
    }
}

/// The register's activities as checkboxes, numbered as the register lists them; those
/// linked to the request say so, but nothing is ticked until the shop ticks it.
fn activities_ui(
    ui: &mut egui::Ui,
    part: &PartSpec,
    workspace: &Workspace,
    request: &RightsRequest,
    parts: &mut Parts,
) {
    ui.label(part.label).on_hover_text(part.about);
    let chosen = parts
        .get(&part.key)
        .and_then(|value| letters::activity_numbers(value))
        .unwrap_or_default();
    let mut numbers: Vec<usize> = Vec::new();
    let mut changed = false;
    for (index, activity) in workspace.register.iter().enumerate() {
        let number = index + 1;
        let mut on = chosen.contains(&number);
        let purpose = activity.purpose.trim();
        let mut text = format!(
            "{number}. {}",
            if purpose.is_empty() {
                "(no purpose yet)"
            } else {
                purpose
            }
        );
        if request.activities.contains(&activity.id) {
            text.push_str(" — linked to this request");
        }
        changed |= ui.checkbox(&mut on, text).changed();
        if on {
            numbers.push(number);
        }
    }
    if workspace.register.is_empty() {
        ui.label(RichText::new("Your register has no activities yet.").weak());
    }
    if changed {
        if numbers.is_empty() {
            parts.remove(&part.key);
        } else {
            let keys: Vec<String> = numbers.iter().map(ToString::to_string).collect();
            parts.insert(part.key, keys.join(","));
        }
    }
}

/// A choice of several: one checkbox per option, in the list's order; nothing ticked
/// until the user ticks it.
fn several_ui(ui: &mut egui::Ui, part: &PartSpec, label: &str, parts: &mut Parts) -> bool {
    let PartKind::Choice { options, .. } = part.kind else {
        return false;
    };
    ui.label(label).on_hover_text(part.about);
    let chosen: Vec<&str> = part.chosen(parts).iter().map(|c| c.key).collect();
    let mut changed = false;
    let mut keys: Vec<&str> = Vec::new();
    for option in options {
        let mut on = chosen.contains(&option.key);
        changed |= ui
            .checkbox(&mut on, sentence_case(option.words))
            .on_hover_text(option.meaning)
            .changed();
        if on {
            keys.push(option.key);
        }
    }
    if changed {
        if keys.is_empty() {
            parts.remove(&part.key);
        } else {
            parts.insert(part.key, keys.join(","));
        }
    }
    changed
}

fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect::<String>()
    })
}

/// What the composer's actions act on.
struct ComposerState<'a> {
    workspace: &'a Workspace,
    draft: &'a LetterDraft,
    request: &'a RightsRequest,
    today: Date,
    writable: bool,
}

/// A letter already sent, read back from the request's timeline exactly as it was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentLetterViewer {
    pub request: RequestId,
    /// Its position in the request's timeline.
    pub entry: usize,
}

impl SentLetterViewer {
    /// Draws the letter; returns false when the user closes it.
    pub fn ui(
        &self,
        ui: &mut egui::Ui,
        request: &RightsRequest,
        commands: &mut Vec<Command>,
    ) -> bool {
        let mut keep_open = true;
        let Some(entry) = request.timeline.get(self.entry) else {
            return false;
        };
        let crate::domain::requests::RequestEvent::LetterSent {
            title: template,
            text,
            ..
        } = &entry.event
        else {
            return false;
        };
        ui.horizontal(|ui| {
            access::heading(
                ui,
                &format!(
                    "{template}, sent {} — {}",
                    letters_date(entry.on),
                    request.reference
                ),
                Level::Item,
            );
            if ui.button("Back to the request").clicked() {
                keep_open = false;
                FocusTarget::OpenedItem.ask(ui.ctx());
            }
        });
        ui.label(RichText::new("Exactly as it was marked as sent.").weak());
        ui.horizontal(|ui| {
            if ui
                .button("Copy")
                .on_hover_text("Copies the letter as it was sent")
                .clicked()
            {
                commands.push(Command::CopyText {
                    text: text.clone(),
                    what: "the letter as it was sent".to_owned(),
                });
            }
            if ui.button("Export PDF…").clicked() {
                commands.push(Command::Export {
                    what: Export::SentLetter {
                        request: request.id,
                        entry: self.entry,
                    },
                    to: None,
                });
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("sent_letter")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let document = letters::sent_letter(template, &request.reference, entry.on, text);
                preview::document_ui(ui, &document);
            });
        keep_open
    }
}

fn letters_date(date: Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}
