//! The letter to the people a breach affects (Art. 34), reached from the breach: the
//! parts only the user can write, started from the breach record, a live preview with
//! visible gaps, the exports, and "Mark as sent", which records that the people were
//! told, on the day, by this letter.

use egui::RichText;
use jiff::civil::Date;

use super::{
    ScreenContext,
    access::DisabledBecause,
    access::{self, FocusTarget, Level},
    letter::{DraftCache, part_ui},
    preview,
    widgets::{Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    actions::{LetterDraft, LetterOrder, LetterSubject},
    command::{BreachChange, Command, Export},
    documents::{
        Format,
        letters::{Parts, breach},
    },
    domain::{BreachId, breaches::Breach},
};

#[derive(Debug)]
pub struct BreachLetterComposer {
    pub breach: BreachId,
    parts: Parts,
    draft: DraftCache,
}

impl BreachLetterComposer {
    pub fn new(breach: &Breach) -> Self {
        Self {
            breach: breach.id,
            parts: breach::initial_parts(breach),
            draft: DraftCache::default(),
        }
    }

    fn order(&self, today: Date) -> LetterOrder {
        LetterOrder {
            subject: LetterSubject::Breach(self.breach),
            parts: self.parts.clone(),
            date: today,
        }
    }

    /// Draws the composer; returns false when the user closes it.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: &ScreenContext<'_>,
        found: &Breach,
        commands: &mut Vec<Command>,
    ) -> bool {
        let today = context.today;
        let now = context.moment;
        let mut keep_open = true;
        ui.horizontal_wrapped(|ui| {
            access::heading(
                ui,
                &format!("Letter to the people affected — {}", found.reference),
                Level::Item,
            );
            if ui.button("Back to the breach").clicked() {
                keep_open = false;
                FocusTarget::OpenedItem.ask(ui.ctx());
            }
        });
        ui.label(breach::requirement(found));
        let order = self.order(today);
        let Some(draft) = self
            .draft
            .get(context.workspace, context.revision, order, now)
        else {
            return false;
        };
        two_panes(
            ui,
            &mut (self, commands),
            (
                Pane::scrolled(
                    "breach_letter_controls",
                    PaneWidth::Share {
                        share: 0.4,
                        min: 300.0,
                    },
                ),
                |ui, (this, commands)| {
                    ui.strong("What only you can say");
                    ui.label(
                        RichText::new("Started from your breach record: check each part is written to the person, in plain words, and true for everyone who gets this letter. Until a required part is written, the letter shows a gap in [brackets].")
                            .weak(),
                    );
                    for part in breach::PARTS {
                        part_ui(ui, part, &mut this.parts);
                    }
                    ui.separator();
                    this.actions_ui(ui, found, &draft, today, commands);
                },
            ),
            (
                Pane::scrolled("breach_letter_preview", PaneWidth::Rest { min: 360.0 }),
                |ui, _| preview::document_ui(ui, &draft.document),
            ),
        );
        keep_open
    }

    fn actions_ui(
        &self,
        ui: &mut egui::Ui,
        found: &Breach,
        draft: &LetterDraft,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let document = &draft.document;
        // The one verdict the export and `smallprint letter --breach` give too.
        let blocked: Option<String> = draft.refusal.as_ref().map(ToString::to_string);
        // Once the people were told, it says so in the success colour, not why the letter
        // cannot go again.
        if let Some(crate::domain::breaches::Individuals::Told { on, .. }) = &found.individuals {
            ui.label(
                egui::RichText::new(format!(
                    "Sent ✓ on {} — the breach records that the people affected were told.",
                    on.strftime("%a %-d %b %Y")
                ))
                .color(super::theme::palette(ui).success),
            );
        } else if let Some(reason) = &blocked {
            ui.problem(reason);
        }
        let ready = blocked.is_none();
        let why = blocked.unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(ready, egui::Button::new("Export PDF…"))
                .disabled_because(&why)
                .clicked()
            {
                commands.push(Command::Export {
                    what: Export::Letter {
                        letter: self.order(today),
                        format: Format::Pdf,
                    },
                    to: None,
                });
            }
            if ui
                .add_enabled(ready, egui::Button::new("Copy as email text"))
                .on_hover_text("Copies the letter as plain text, to paste into an email")
                .disabled_because(&why)
                .clicked()
            {
                commands.push(Command::CopyText {
                    text: document.plain_text(),
                    what: "the letter as email text: paste it into your email".to_owned(),
                });
            }
            let already = found.individuals.is_some();
            if ui
                .add_enabled(ready && !already, egui::Button::new("Mark as sent"))
                .on_hover_text("Records that the people affected were told today by this letter, and keeps it word for word in the breach's timeline")
                .disabled_because(if already {
                    "The breach already records whether the people affected were told"
                } else {
                    why.as_str()
                })
                .clicked()
            {
                commands.push(Command::ChangeBreach {
                    breach: found.id,
                    change: BreachChange::LetterSent {
                        text: document.plain_text(),
                        on: today,
                    },
                });
            }
        });
    }
}
