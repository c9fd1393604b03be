//! The Organisation screen: the shop's profile, edited through a draft with each
//! field's problem shown beside it.

use egui::{Color32, RichText};

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
}

const ERROR: Color32 = Color32::from_rgb(0xc0, 0x20, 0x20);

/// One labelled row of the form. Returns true when the text changed.
fn text_row(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
    issues: &[FieldIssue],
) -> bool {
    let label_response = ui.label(label);
    let changed = ui
        .vertical(|ui| {
            let changed = ui
                .add(
                    egui::TextEdit::singleline(value)
                        .hint_text(hint)
                        .desired_width(320.0),
                )
                .labelled_by(label_response.id)
                .changed();
            problem_text(ui, label, issues);
            changed
        })
        .inner;
    ui.end_row();
    changed
}

fn problem_text(ui: &mut egui::Ui, field: &str, issues: &[FieldIssue]) {
    for issue in issues.iter().filter(|issue| issue.field == field) {
        ui.label(RichText::new(&issue.message).color(ERROR));
    }
}

impl OrganisationForm {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        organisation: &Organisation,
        commands: &mut Vec<Command>,
    ) {
        if self.base.as_ref() != Some(organisation) {
            self.draft = OrganisationDraft::from(organisation);
            self.issues = organisation.issues();
            self.base = Some(organisation.clone());
        }

        ui.heading("Organisation");
        ui.label(
            "Who you are, as your privacy notice and letters will name you. Changes are \
             saved as you type; a field with a problem keeps its last good value.",
        );
        ui.add_space(8.0);

        let mut changed = false;
        let draft = &mut self.draft;
        let issues = &self.issues;
        egui::Grid::new("organisation_form")
            .num_columns(2)
            .min_col_width(170.0)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                changed |= text_row(
                    ui,
                    field::LEGAL_NAME,
                    &mut draft.legal_name,
                    "Your name, or your company's",
                    issues,
                );
                changed |= text_row(
                    ui,
                    field::TRADING_NAME,
                    &mut draft.trading_name,
                    "The name customers know",
                    issues,
                );

                let label = ui.label(field::ADDRESS);
                ui.vertical(|ui| {
                    changed |= ui
                        .add(
                            egui::TextEdit::multiline(&mut draft.address_lines)
                                .desired_rows(2)
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id)
                        .changed();
                    problem_text(ui, field::ADDRESS, issues);
                });
                ui.end_row();
                changed |= text_row(ui, field::TOWN, &mut draft.town, "", issues);
                changed |= text_row(ui, field::POSTCODE, &mut draft.postcode, "SW1A 1AA", issues);
                changed |= text_row(
                    ui,
                    field::EMAIL,
                    &mut draft.email,
                    "hello@yourshop.co.uk",
                    issues,
                );
                changed |= text_row(ui, field::PHONE, &mut draft.phone, "Optional", issues);
                changed |= text_row(
                    ui,
                    field::WEBSITE,
                    &mut draft.website,
                    "https://yourshop.co.uk",
                    issues,
                );

                let label = ui.label("Bank holidays of");
                egui::ComboBox::from_id_salt("nation")
                    .selected_text(draft.nation.to_string())
                    .show_ui(ui, |ui| {
                        for nation in Nation::ALL {
                            changed |= ui
                                .selectable_value(&mut draft.nation, nation, nation.to_string())
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text(
                        "Deadlines that fall on a bank holiday move to the next working day",
                    );
                ui.end_row();
            });

        ui.add_space(12.0);
        ui.heading(RichText::new("ICO registration").size(16.0));
        egui::Grid::new("ico_form")
            .num_columns(2)
            .min_col_width(170.0)
            .spacing([16.0, 8.0])
            .show(ui, |ui| {
                changed |= text_row(
                    ui,
                    field::ICO_NUMBER,
                    &mut draft.ico_registration_number,
                    "ZA123456",
                    issues,
                );
                let label = ui.label("Fee tier");
                egui::ComboBox::from_id_salt("fee_tier")
                    .selected_text(
                        draft
                            .ico_fee_tier
                            .map_or_else(|| "Not set".to_owned(), |tier| tier.to_string()),
                    )
                    .show_ui(ui, |ui| {
                        changed |= ui
                            .selectable_value(&mut draft.ico_fee_tier, None, "Not set")
                            .changed();
                        for tier in FeeTier::ALL {
                            changed |= ui
                                .selectable_value(
                                    &mut draft.ico_fee_tier,
                                    Some(tier),
                                    tier.to_string(),
                                )
                                .changed();
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                changed |= text_row(
                    ui,
                    field::ICO_RENEWAL,
                    &mut draft.ico_renewal_date,
                    "YYYY-MM-DD",
                    issues,
                );
            });
        ui.hyperlink_to(
            "Not sure whether you must pay? The ICO's fee self-assessment",
            "https://ico.org.uk/for-organisations/data-protection-fee/self-assessment/",
        );

        ui.add_space(12.0);
        ui.heading(RichText::new("Privacy contact").size(16.0));
        changed |= ui
            .checkbox(
                &mut draft.has_privacy_contact,
                "Name a person people can contact about their data",
            )
            .changed();
        if draft.has_privacy_contact {
            egui::Grid::new("contact_form")
                .num_columns(2)
                .min_col_width(170.0)
                .spacing([16.0, 8.0])
                .show(ui, |ui| {
                    changed |=
                        text_row(ui, field::CONTACT_NAME, &mut draft.contact_name, "", issues);
                    ui.label("");
                    changed |= ui
                        .checkbox(
                            &mut draft.contact_is_dpo,
                            "This person is our data protection officer",
                        )
                        .changed();
                    ui.end_row();
                    changed |= text_row(
                        ui,
                        field::CONTACT_EMAIL,
                        &mut draft.contact_email,
                        "Optional",
                        issues,
                    );
                    changed |= text_row(
                        ui,
                        field::CONTACT_PHONE,
                        &mut draft.contact_phone,
                        "Optional",
                        issues,
                    );
                });
        }

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
