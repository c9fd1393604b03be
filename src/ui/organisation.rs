//! The Organisation screen: the shop's profile, edited through a draft with each
//! field's problem shown beside it.

use super::{
    access::{self, Level},
    theme::spacing,
    widgets::{FormField, UiExt, check_line, problem_form},
};
use crate::{
    command::Command,
    domain::{
        FeeTier, Nation, Organisation,
        organisation::{OrganisationDraft, field},
        validate::FieldIssue,
    },
};

#[derive(Debug, Default)]
pub struct OrganisationForm {
    draft: OrganisationDraft,
    /// The profile the draft was last synchronised with. When the workspace's profile
    /// differs (undo, another file), the draft is rebuilt from it.
    base: Option<Organisation>,
    issues: Vec<FieldIssue>,
    /// Whether "Check" was pressed: every problem shows, not only those of fields left.
    checked: bool,
}

fn form_grid(ui: &mut egui::Ui, id: &str, rows: impl FnOnce(&mut egui::Ui)) {
    egui::Grid::new(id)
        .num_columns(2)
        .min_col_width(spacing::LABEL_COLUMN)
        .spacing([16.0, 8.0])
        .show(ui, rows);
}

impl OrganisationForm {
    #[expect(
        clippy::too_many_lines,
        reason = "a form reads top to bottom as one function; splitting it hides the field order"
    )]
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        organisation: &Organisation,
        today: jiff::civil::Date,
        commands: &mut Vec<Command>,
    ) {
        if self.base.as_ref() != Some(organisation) {
            self.draft = OrganisationDraft::from(organisation);
            self.issues = organisation.issues();
            self.base = Some(organisation.clone());
        }

        access::heading(ui, "Organisation", Level::Screen);
        ui.label(
            "Who you are, as your privacy notice and letters will name you. Changes are \
             saved as you type; a field with a problem keeps its last good value.",
        );
        ui.add_space(spacing::INNER_MARGIN);

        check_line(ui, &self.issues, &mut self.checked);
        let mut changed = false;
        let draft = &mut self.draft;
        let issues = &self.issues;
        problem_form(ui, "organisation", self.checked, |ui| {
            form_grid(ui, "organisation_form", |ui| {
                changed |= ui.form_row(
                    field::LEGAL_NAME,
                    FormField::line(&mut draft.legal_name, "Your name, or your company's"),
                    issues,
                );
                changed |= ui.form_row(
                    field::TRADING_NAME,
                    FormField::line(&mut draft.trading_name, "The name customers know"),
                    issues,
                );

                changed |= ui.form_row(
                    field::ADDRESS,
                    FormField::lines(&mut draft.address_lines, ""),
                    issues,
                );
                changed |= ui.form_row(field::TOWN, FormField::line(&mut draft.town, ""), issues);
                changed |= ui.form_row(
                    field::POSTCODE,
                    FormField::line(&mut draft.postcode, "SW1A 1AA"),
                    issues,
                );
                changed |= ui.form_row(
                    field::EMAIL,
                    FormField::line(&mut draft.email, "hello@yourshop.co.uk"),
                    issues,
                );
                changed |= ui.form_row(
                    field::PHONE,
                    FormField::line(&mut draft.phone, "Optional"),
                    issues,
                );
                changed |= ui.form_row(
                    field::WEBSITE,
                    FormField::line(&mut draft.website, "https://yourshop.co.uk"),
                    issues,
                );

                changed |= ui
                    .enum_combo(
                        "Bank holidays of",
                        "nation",
                        &mut draft.nation,
                        Nation::ALL,
                        ToString::to_string,
                    )
                    .on_hover_text(
                        "Deadlines that fall on a bank holiday move to the next working day",
                    )
                    .changed();
                ui.end_row();
            });

            ui.add_space(spacing::SECTION);
            access::heading(ui, "ICO registration", Level::Section);
            form_grid(ui, "ico_form", |ui| {
                changed |= ui.form_row(
                    field::ICO_NUMBER,
                    FormField::line(&mut draft.ico_registration_number, "ZA123456"),
                    issues,
                );
                changed |= ui
                    .enum_combo(
                        "Fee tier",
                        "fee_tier",
                        &mut draft.ico_fee_tier,
                        std::iter::once(None).chain(FeeTier::ALL.map(Some)),
                        |tier| tier.map_or_else(|| "Not set".to_owned(), |tier| tier.to_string()),
                    )
                    .changed();
                ui.end_row();
                changed |= ui.form_row(
                    field::ICO_RENEWAL,
                    FormField::date(&mut draft.ico_renewal_date, "YYYY-MM-DD", today),
                    issues,
                );
            });
            ui.hyperlink_to(
                "Not sure whether you must pay? The ICO's fee self-assessment",
                "https://ico.org.uk/for-organisations/data-protection-fee/self-assessment/",
            );

            ui.add_space(spacing::SECTION);
            access::heading(ui, "Privacy contact", Level::Section);
            changed |= ui
                .checkbox(
                    &mut draft.has_privacy_contact,
                    "Name a person people can contact about their data",
                )
                .changed();
            if draft.has_privacy_contact {
                form_grid(ui, "contact_form", |ui| {
                    changed |= ui.form_row(
                        field::CONTACT_NAME,
                        FormField::line(&mut draft.contact_name, ""),
                        issues,
                    );
                    ui.label("");
                    changed |= ui
                        .checkbox(
                            &mut draft.contact_is_dpo,
                            "This person is our data protection officer",
                        )
                        .changed();
                    ui.end_row();
                    changed |= ui.form_row(
                        field::CONTACT_EMAIL,
                        FormField::line(&mut draft.contact_email, "Optional"),
                        issues,
                    );
                    changed |= ui.form_row(
                        field::CONTACT_PHONE,
                        FormField::line(&mut draft.contact_phone, "Optional"),
                        issues,
                    );
                });
            }
        });

        if changed {
            let current = self.base.clone().unwrap_or_default();
            let (updated, issues) = self.draft.apply_valid_fields(&current);
            self.issues = issues;
            if updated != current {
                self.base = Some(updated.clone());
                commands.push(Command::UpdateOrganisation(updated));
            }
        }
    }
}
