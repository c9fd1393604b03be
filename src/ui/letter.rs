//! The letter composer, reached from a request: the templates that fit the request's
//! kind and state first, the parts the user writes, a live preview, the exports, and
//! "Mark as sent", which keeps the letter word for word in the request's timeline and
//! records the step it implies.

use egui::RichText;
use jiff::civil::Date;

use super::{
    preview,
    widgets::{Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    command::{Command, Export},
    documents::{
        Format,
        letters::{self, Parts, Template},
    },
    domain::{RequestId, Workspace, requests::RightsRequest},
};

#[derive(Debug)]
pub struct LetterComposer {
    pub request: RequestId,
    template: Template,
    parts: Parts,
}

impl LetterComposer {
    /// Starts with the first template that fits the request today.
    pub fn new(workspace: &Workspace, request: &RightsRequest, today: Date) -> Self {
        let template = Template::ALL
            .into_iter()
            .find(|t| t.fits(workspace, request, today).is_ok())
            .unwrap_or(Template::Acknowledgement);
        let mut composer = Self {
            request: request.id,
            template,
            parts: Parts::new(),
        };
        composer.choose(workspace, request, template);
        composer
    }

    fn choose(&mut self, workspace: &Workspace, request: &RightsRequest, template: Template) {
        self.template = template;
        self.parts = template
            .parts(workspace, request)
            .into_iter()
            .map(|part| (part.key.to_owned(), part.default))
            .collect();
    }

    /// Draws the composer; returns false when the user closes it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        request: &RightsRequest,
        today: Date,
        writable: bool,
        commands: &mut Vec<Command>,
    ) -> bool {
        let mut keep_open = true;
        ui.horizontal(|ui| {
            ui.heading(format!(
                "Letter to {} — {}",
                request.requester.name, request.reference
            ));
            if ui.button("Back to the request").clicked() {
                keep_open = false;
            }
        });
        let document = letters::letter(workspace, request, self.template, today, &self.parts);
        let fits = self.template.fits(workspace, request, today);
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
                    this.templates_ui(ui, workspace, request, today);
                    ui.separator();
                    this.parts_ui(ui, workspace, request);
                    ui.separator();
                    let state = ComposerState {
                        workspace,
                        document: &document,
                        template: this.template,
                        parts: &this.parts,
                        request,
                        fits: &fits,
                        today,
                        writable,
                    };
                    actions_ui(ui, &state, commands);
                },
            ),
            (
                Pane::scrolled("letter_preview", PaneWidth::Rest { min: 360.0 }),
                |ui, _| preview::document_ui(ui, &document),
            ),
        );
        keep_open
    }

    fn templates_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        request: &RightsRequest,
        today: Date,
    ) {
        ui.strong("Letter");
        let (fitting, others): (Vec<Template>, Vec<Template>) = Template::ALL
            .into_iter()
            .partition(|t| t.fits(workspace, request, today).is_ok());
        let mut chosen = None;
        for template in fitting {
            if ui
                .selectable_label(self.template == template, template.to_string())
                .on_hover_text(template.purpose())
                .clicked()
            {
                chosen = Some(template);
            }
        }
        ui.collapsing("Letters that do not fit this request now", |ui| {
            for template in others {
                let reason = template
                    .fits(workspace, request, today)
                    .err()
                    .unwrap_or_default();
                if ui
                    .selectable_label(
                        self.template == template,
                        RichText::new(template.to_string()).weak(),
                    )
                    .on_hover_text(reason)
                    .clicked()
                {
                    chosen = Some(template);
                }
            }
        });
        if let Some(template) = chosen.filter(|t| *t != self.template) {
            self.choose(workspace, request, template);
        }
    }

    fn parts_ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace, request: &RightsRequest) {
        ui.strong("Your words");
        ui.label(
            RichText::new("Everything else in the letter comes from the request, its deadlines and your register.")
                .weak(),
        );
        for part in self.template.parts(workspace, request) {
            let value = self.parts.entry(part.key.to_owned()).or_default();
            if part.options.is_empty() {
                ui.text_area(part.label, value, "");
            } else {
                ui.enum_combo(
                    part.label,
                    ("letter_part", part.key),
                    value,
                    part.options.iter().map(|option| (*option).to_owned()),
                    Clone::clone,
                );
            }
        }
    }
}

/// What the composer's actions act on.
struct ComposerState<'a> {
    workspace: &'a Workspace,
    document: &'a crate::documents::model::Document,
    template: Template,
    parts: &'a Parts,
    request: &'a RightsRequest,
    fits: &'a Result<(), String>,
    today: Date,
    writable: bool,
}

fn actions_ui(ui: &mut egui::Ui, state: &ComposerState<'_>, commands: &mut Vec<Command>) {
    let ComposerState {
        workspace,
        document,
        template,
        parts,
        request,
        fits,
        today,
        writable,
    } = *state;
    if let Err(reason) = fits {
        ui.problem(&format!("This letter cannot be sent now: {reason}."));
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("Export PDF…").clicked() {
            commands.push(Command::Export {
                what: Export::Letter {
                    request: request.id,
                    template,
                    parts: parts.clone(),
                    format: Format::Pdf,
                },
                to: None,
            });
        }
        if ui
            .button("Copy as email text")
            .on_hover_text("Copies the letter as plain text, to paste into an email")
            .clicked()
        {
            ui.ctx().copy_text(document.plain_text());
        }
    });
    let implied = template.implied_event(parts);
    // The rule `apply` will run, asked now: the button is greyed with its reason.
    let recordable = workspace
        .check_letter(request.id, implied.as_ref(), today, today)
        .map_err(|error| error.to_string());
    if let (Ok(()), Err(reason)) = (fits, &recordable) {
        ui.problem(&format!("It cannot be marked as sent now: {reason}."));
    }
    ui.add_enabled_ui(writable && fits.is_ok() && recordable.is_ok(), |ui| {
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
                template: template.to_string(),
                text: document.plain_text(),
                implied,
                on: today,
            });
        }
    });
}
