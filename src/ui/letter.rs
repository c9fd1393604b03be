//! The letter composer, reached from a request: the templates that fit the request's
//! kind and state first, the parts the user writes, a live preview, the exports, and
//! "Mark as sent", which keeps the letter word for word in the request's timeline and
//! records the step it implies.

use egui::RichText;
use egui_extras::{Size, StripBuilder};
use jiff::civil::Date;

use super::preview;
use crate::{
    command::Command,
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
        StripBuilder::new(ui)
            .size(Size::relative(0.4).at_least(300.0))
            .size(Size::remainder().at_least(360.0))
            .horizontal(|mut strip| {
                strip.cell(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("letter_controls")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            self.templates_ui(ui, workspace, request, today);
                            ui.separator();
                            self.parts_ui(ui, workspace, request);
                            ui.separator();
                            actions_ui(
                                ui,
                                &document,
                                self.template,
                                &self.parts,
                                request,
                                &fits,
                                today,
                                writable,
                                commands,
                            );
                        });
                });
                strip.cell(|ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("letter_preview")
                        .auto_shrink([false, false])
                        .show(ui, |ui| preview::document_ui(ui, &document));
                });
            });
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
                super::fields::text_area(ui, part.label, value, "");
            } else {
                let label = ui.label(part.label);
                egui::ComboBox::from_id_salt(("letter_part", part.key))
                    .selected_text(value.clone())
                    .width(ui.available_width())
                    .show_ui(ui, |ui| {
                        for option in part.options {
                            ui.selectable_value(value, (*option).to_owned(), *option);
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)] // one call site; the values are the composer's state
fn actions_ui(
    ui: &mut egui::Ui,
    document: &crate::documents::model::Document,
    template: Template,
    parts: &Parts,
    request: &RightsRequest,
    fits: &Result<(), String>,
    today: Date,
    writable: bool,
    commands: &mut Vec<Command>,
) {
    if let Err(reason) = fits {
        ui.colored_label(
            super::urgency::OVERDUE,
            format!("This letter cannot be sent now: {reason}."),
        );
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button("Export PDF…").clicked() {
            commands.push(Command::ExportLetter {
                request: request.id,
                template,
                parts: parts.clone(),
                format: Format::Pdf,
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
    ui.add_enabled_ui(writable && fits.is_ok(), |ui| {
        let implied = template.implied_event(parts);
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
