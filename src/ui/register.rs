//! The Register screen: the processing activities as a list with their problems, and an
//! editor for one activity — categories, sources, lawful bases with their justifications
//! (the legitimate-interests assessment as a guided form), recipients, transfers and
//! retention — with each problem shown beside its field.

use egui::RichText;
use jiff::civil::Date;

use super::{
    access::DisabledBecause,
    access::{self, FocusTarget, Level},
    theme::{self, spacing},
    widgets::{
        Pane, PaneWidth, UiExt, check_line, focus_if_asked, owned_by, problem_form, steady_height,
        two_panes, with_examples,
    },
};
use crate::{
    command::{self, Command, Export},
    documents::{Format, draft::Finish},
    domain::{
        ActivityId, Workspace, catalogue,
        lia::{Lia, Outcome, Part, QUESTIONS},
        register::{
            AutomatedDecisions, BasisKind, COMMON_INDIVIDUALS, COMMON_RECIPIENTS, DirectMarketing,
            DpiaOutcome, DpiaScreening, HighRisk, ICO_DATA_CATEGORIES, LawfulBasis,
            PlaceholderField, ProcessingActivity, Processor, RecognisedCondition, Requirement,
            Source, SpecialCategoryData, Transfer, TransferMechanism, field,
        },
        validate::{FieldIssue, parse_date},
    },
    session::ScreenContext,
};

/// The catalogue's first control, where "Add activity" takes the keyboard.
const KIND_OF_BUSINESS: &str = "Kind of business";

/// An activity's entry in the list, among the places the keyboard is sent to.
fn list_entry_key(activity: ActivityId) -> String {
    format!("activity in the list: {}", activity.0)
}

#[derive(Debug, Default)]
pub struct RegisterScreen {
    search: String,
    /// The business type chosen in the starter catalogue; `None` for every kind.
    business_type: Option<usize>,
    /// Whether the catalogue is open to add an activity from (always, while the
    /// register is empty).
    adding: bool,
    /// Words to find starter activities by, across every kind of business.
    catalogue_search: String,
    selected: Option<ActivityId>,
    editor: Option<Editor>,
    /// The activity whose form was checked: all its problems show.
    checked: Option<ActivityId>,
}

/// The activity being edited, with the text of fields typed as text.
#[derive(Debug)]
struct Editor {
    /// The version the editor last matched in the workspace.
    base: ProcessingActivity,
    draft: ProcessingActivity,
    individuals: String,
    data: String,
    recipients: String,
    special_categories: String,
    review_on: String,
    lia_completed_on: String,
    lia_review_on: String,
    date_problems: Vec<(&'static str, String)>,
    /// The assessment question a clicked problem asked to show.
    scroll_to_question: Option<&'static str>,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn date_text(date: Option<jiff::civil::Date>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

impl Editor {
    fn new(activity: &ProcessingActivity) -> Self {
        let lia = activity.lia();
        Self {
            base: activity.clone(),
            draft: activity.clone(),
            individuals: activity.individuals.join("\n"),
            data: activity.data_categories.join("\n"),
            recipients: activity.other_recipients.join("\n"),
            special_categories: activity
                .special_category
                .as_ref()
                .map(|s| s.categories.join("\n"))
                .unwrap_or_default(),
            review_on: date_text(activity.review_on),
            lia_completed_on: date_text(lia.and_then(|l| l.completed_on)),
            lia_review_on: date_text(lia.and_then(|l| l.review_on)),
            date_problems: Vec::new(),
            scroll_to_question: None,
        }
    }

    /// Folds the typed text back into the draft; dates that do not parse keep their
    /// last good value and say why.
    fn absorb_text(&mut self) {
        self.draft.individuals = lines(&self.individuals);
        self.draft.data_categories = lines(&self.data);
        self.draft.other_recipients = lines(&self.recipients);
        if let Some(special) = &mut self.draft.special_category {
            special.categories = lines(&self.special_categories);
        }
        self.date_problems.clear();
        let mut parse = |label: &'static str, text: &str, slot: &mut Option<jiff::civil::Date>| {
            if text.trim().is_empty() {
                *slot = None;
            } else {
                match parse_date(text) {
                    Ok(date) => *slot = Some(date),
                    Err(message) => self.date_problems.push((label, message)),
                }
            }
        };
        parse("Review on", &self.review_on, &mut self.draft.review_on);
        for basis in &mut self.draft.lawful_bases {
            if let LawfulBasis::LegitimateInterests(lia) = basis {
                parse(
                    "Completed on",
                    &self.lia_completed_on,
                    &mut lia.completed_on,
                );
                parse(
                    "Review the assessment on",
                    &self.lia_review_on,
                    &mut lia.review_on,
                );
            }
        }
    }
}

/// A menu of common entries that appends the chosen one as a new line of `text`.
fn suggestions(ui: &mut egui::Ui, field: &str, choices: &[&str], text: &mut String) -> bool {
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt(("suggestions", field))
        .selected_text("Add a common one…")
        .width(220.0)
        .show_ui(ui, |ui| {
            for choice in choices {
                let present = text.lines().any(|line| line.trim() == *choice);
                if ui
                    .add_enabled(!present, egui::Button::selectable(false, *choice))
                    .clicked()
                {
                    chosen = Some(*choice);
                }
            }
        })
        .response
        .on_hover_text("Adds it as a new line; you can still type your own");
    // Named for its field: there is one beside each list.
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_label(format!("Add a common one to {}", field.to_lowercase()));
    });
    let Some(choice) = chosen else { return false };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(choice);
    true
}

impl RegisterScreen {
    pub fn select(&mut self, id: ActivityId) {
        self.selected = Some(id);
        self.editor = None;
        self.search.clear();
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace,
            writable,
            ..
        } = context;
        let selected = self
            .selected
            .and_then(|id| workspace.register.iter().find(|a| a.id == id));
        if selected.is_none() {
            self.editor = None;
        }
        let Some(activity) = selected else {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.list_ui(ui, workspace, writable, commands);
                });
            return;
        };
        two_panes(
            ui,
            &mut (self, commands),
            (
                Pane::scrolled(
                    "register_list",
                    PaneWidth::Share {
                        share: 0.38,
                        min: 280.0,
                    },
                )
                .hidden_when_narrow(),
                |ui, (this, commands)| this.list_ui(ui, workspace, writable, commands),
            ),
            (
                // Keyed by the activity, so each opens at its top.
                Pane::scrolled("activity_editor", PaneWidth::Rest { min: 360.0 })
                    .keyed(activity.id.0),
                |ui, (this, commands)| {
                    if !writable {
                        ui.disable();
                    }
                    this.editor_ui(ui, activity, context.today, commands);
                },
            ),
        );
    }

    /// The title with "Add activity" (which opens and closes the catalogue) and the
    /// register's export.
    fn title_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        writable: bool,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            access::heading(ui, "Register", Level::Screen);
            ui.add_space(spacing::SECTION);
            let add = ui
                .add_enabled(
                    writable,
                    egui::Button::selectable(
                        self.adding || workspace.register.is_empty(),
                        command::ADD_ACTIVITY.label,
                    ),
                )
                .on_hover_text(command::ADD_ACTIVITY.tooltip)
                .disabled_because(command::ADD_ACTIVITY.tooltip);
            if add.clicked() {
                self.adding = !self.adding;
                if self.adding {
                    FocusTarget::Named(KIND_OF_BUSINESS.to_owned()).ask(ui.ctx());
                }
            }
            ui.action_button(
                command::EXPORT_REGISTER_CSV,
                true,
                Command::Export {
                    what: Export::RegisterCsv,
                    to: None,
                },
                commands,
            );
        });
    }

    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        writable: bool,
        commands: &mut Vec<Command>,
    ) {
        self.title_ui(ui, workspace, writable, commands);
        ui.label(
            RichText::new("Each purpose you use personal data for, why the law allows it, and what happens to the data (UK GDPR Article 30).")
                .weak(),
        );
        ui.horizontal(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("Purpose or data category")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        });
        ui.add_space(spacing::ITEM);
        if workspace.register.is_empty() || self.adding {
            self.catalogue_ui(ui, workspace, writable, commands);
            ui.add_space(spacing::SECTION);
        }
        let needle = self.search.trim().to_lowercase();
        for activity in workspace.register.iter().filter(|a| {
            needle.is_empty()
                || a.purpose.to_lowercase().contains(&needle)
                || a.data_categories
                    .iter()
                    .any(|c| c.to_lowercase().contains(&needle))
        }) {
            let problems = activity.issues().len();
            let purpose = if activity.purpose.trim().is_empty() {
                "(no purpose yet)"
            } else {
                activity.purpose.as_str()
            };
            let selected = self.selected == Some(activity.id);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                let entry = ui.selectable_label(selected, RichText::new(purpose).strong());
                focus_if_asked(ui, &list_entry_key(activity.id), &entry);
                if entry.clicked() {
                    self.select(activity.id);
                    FocusTarget::OpenedItem.ask(ui.ctx());
                }
                let bases: Vec<String> = activity
                    .basis_kinds()
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                ui.label(format!(
                    "{} · {} data categor{} · {}",
                    if bases.is_empty() {
                        "no lawful basis".to_owned()
                    } else {
                        bases.join(", ")
                    },
                    activity.data_categories.len(),
                    if activity.data_categories.len() == 1 {
                        "y"
                    } else {
                        "ies"
                    },
                    if activity.retention_statement().is_empty() {
                        "retention not set".to_owned()
                    } else {
                        activity.retention.period.clone()
                    },
                ));
                if problems == 0 {
                    ui.label(RichText::new("Complete").weak());
                } else {
                    ui.problem(&format!(
                        "{problems} problem{}",
                        if problems == 1 { "" } else { "s" }
                    ));
                }
            });
        }
    }

    /// The starter catalogue: every kind of business's activities, found by words or
    /// by kind, each added on its own, a whole kind at once, or a blank activity.
    fn catalogue_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        writable: bool,
        commands: &mut Vec<Command>,
    ) {
        let types = catalogue::business_types();
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add_enabled_ui(writable, |ui| {
                ui.strong("Add from the starter catalogue");
                ui.label(
                    RichText::new("What a business like yours usually does, with example text to make yours. Pick a kind of business (a shop can be two), or find an activity by a word.")
                        .weak(),
                );
                ui.horizontal_wrapped(|ui| {
                    ui.enum_combo(
                        KIND_OF_BUSINESS,
                        "business_type",
                        &mut self.business_type,
                        std::iter::once(None).chain((0..types.len()).map(Some)),
                        |index| match index {
                            None => "Every kind".to_owned(),
                            Some(index) => types
                                .get(*index)
                                .map(|b| b.name.clone())
                                .unwrap_or_default(),
                        },
                    );
                    let label = ui.label("Find");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.catalogue_search)
                            .hint_text("a word, e.g. newsletter")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                });
                let business = self.business_type.and_then(|index| types.get(index));
                if let Some(business) = business {
                    ui.label(RichText::new(&business.description).weak());
                }
                let found: Vec<catalogue::TemplateAt> = catalogue::find(&self.catalogue_search)
                    .into_iter()
                    .filter(|at| self.business_type.is_none_or(|kind| kind == at.business))
                    .collect();
                if found.is_empty() {
                    ui.label("Nothing in the catalogue matches; start a blank activity instead.");
                }
                for at in found {
                    let (Some(template), Some(kind)) = (at.template(), types.get(at.business))
                    else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        let have = workspace.has_purpose(&template.purpose);
                        let button = ui
                            .add_enabled(!have, egui::Button::new("Add").small())
                            .on_hover_text(format!("Add “{}” to your register", template.purpose))
                            .disabled_because("Your register already has an activity with this purpose");
                        if button.clicked() {
                            commands.push(Command::AddCatalogueActivity(at));
                            // Open still, to add the next one.
                            self.adding = true;
                        }
                        ui.label(&template.purpose);
                        if self.business_type.is_none() {
                            ui.label(RichText::new(format!("({})", kind.name)).weak());
                        }
                    });
                }
                ui.horizontal_wrapped(|ui| {
                    if let Some(index) = self.business_type
                        && let Some(business) = business
                    {
                        let new = business
                            .activities
                            .iter()
                            .filter(|t| !workspace.has_purpose(&t.purpose))
                            .count();
                        if ui
                            .add_enabled(new > 0, egui::Button::new("Use these activities"))
                            .on_hover_text(format!(
                                "Add the {} activities of a {} you do not have yet",
                                new, business.name
                            ))
                            .clicked()
                        {
                            commands.push(Command::UseCatalogue(index));
                            self.adding = false;
                        }
                    }
                    if ui
                        .button("Start a blank activity")
                        .on_hover_text("An empty form, for a purpose the catalogue does not have")
                        .clicked()
                    {
                        commands.push(Command::AddActivity);
                        self.adding = false;
                    }
                    if !workspace.register.is_empty() && ui.button("Close the catalogue").clicked()
                    {
                        self.adding = false;
                    }
                });
            });
        });
    }

    #[expect(
        clippy::too_many_lines,
        reason = "a form reads top to bottom as one function; splitting it hides the field order"
    )]
    fn editor_ui(
        &mut self,
        ui: &mut egui::Ui,
        activity: &ProcessingActivity,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        if self
            .editor
            .as_ref()
            .is_none_or(|editor| &editor.base != activity)
        {
            self.editor = Some(Editor::new(activity));
        }
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        let issues = editor.draft.issues();
        let mut changed = false;

        ui.horizontal(|ui| {
            access::heading(ui, "Activity", Level::Item);
            if ui
                .button("Duplicate")
                .on_hover_text("A copy to adapt for a similar purpose")
                .clicked()
            {
                commands.push(Command::DuplicateActivity(activity.id));
            }
            if ui
                .button("Delete")
                .on_hover_text("Remove this activity (Undo brings it back)")
                .clicked()
            {
                commands.push(Command::DeleteActivity(activity.id));
            }
            if ui.button("Close").clicked() {
                self.selected = None;
                // Back to the activity in the list.
                FocusTarget::Named(list_entry_key(activity.id)).ask(ui.ctx());
            }
        });
        let mut checked = self.checked == Some(activity.id);
        check_line(ui, &issues, &mut checked);
        if checked {
            self.checked = Some(activity.id);
        }
        let examples = editor
            .draft
            .unconfirmed_placeholders()
            .into_iter()
            .map(|placeholder| placeholder.text.clone())
            .collect();
        with_examples(ui, examples, |ui| {
            problem_form(ui, ("activity", activity.id.0), checked, |ui| {
                let draft = &mut editor.draft;
                changed |= placeholders_ui(ui, draft);
                ui.section_title("What and why");
                changed |= ui.text_field(
                    field::PURPOSE,
                    &mut draft.purpose,
                    "e.g. Provide goods and services, including delivery",
                );
                ui.problems_of(field::PURPOSE, &issues);
                changed |= ui.text_field(
                    "Business function",
                    &mut draft.business_function,
                    "e.g. Sales",
                );
                changed |= ui.text_area("Description", &mut draft.description, "");
                changed |= ui.text_area(
                    field::INDIVIDUALS,
                    &mut editor.individuals,
                    "One per line: Customers, Website visitors…",
                );
                changed |= suggestions(
                    ui,
                    field::INDIVIDUALS,
                    COMMON_INDIVIDUALS,
                    &mut editor.individuals,
                );
                ui.problems_of(field::INDIVIDUALS, &issues);
                changed |= ui.text_area(
                    field::DATA,
                    &mut editor.data,
                    "One per line: Names and contact details, Addresses…",
                );
                changed |= suggestions(ui, field::DATA, ICO_DATA_CATEGORIES, &mut editor.data);
                ui.problems_of(field::DATA, &issues);

                let mut special = draft.special_category.is_some();
                if ui
                    .checkbox(
                        &mut special,
                        "Includes special category data (health, ethnicity, beliefs…)",
                    )
                    .changed()
                {
                    draft.special_category = special.then(SpecialCategoryData::default);
                    changed = true;
                }
                if let Some(special) = &mut draft.special_category {
                    changed |= ui.text_area(
                        "Special categories",
                        &mut editor.special_categories,
                        "One per line",
                    );
                    changed |= ui.text_field(
                        field::ARTICLE9,
                        &mut special.article9_condition,
                        "e.g. Art. 9(2)(a) explicit consent",
                    );
                    ui.problems_of(field::ARTICLE9, &issues);
                    changed |= ui.text_field(
                        "Schedule 1 condition (DPA 2018)",
                        &mut special.schedule1_condition,
                        "Where one is needed",
                    );
                }
                changed |= ui
                    .checkbox(
                        &mut draft.criminal_offence_data,
                        "Includes criminal offence data",
                    )
                    .changed();

                ui.section_title(field::SOURCES);
                for (label, source) in [
                    ("Directly from the person", Source::DirectlyFromThePerson),
                    (
                        "Suppliers and service providers",
                        Source::SuppliersAndServiceProviders,
                    ),
                    ("Publicly available sources", Source::PubliclyAvailable),
                ] {
                    let mut on = draft.sources.contains(&source);
                    if ui.checkbox(&mut on, label).changed() {
                        if on {
                            draft.sources.push(source);
                        } else {
                            draft.sources.retain(|s| *s != source);
                        }
                        changed = true;
                    }
                }
                let mut other = draft.sources.iter().find_map(|s| match s {
                    Source::Other(text) => Some(text.clone()),
                    _ => None,
                });
                let mut has_other = other.is_some();
                if ui.checkbox(&mut has_other, "Another source").changed() {
                    other = has_other.then(String::new);
                    changed = true;
                }
                if let Some(text) = &mut other {
                    changed |= ui.text_field("Other source", text, "e.g. Marketplace order feed");
                }
                draft.sources.retain(|s| !matches!(s, Source::Other(_)));
                if let Some(text) = other {
                    draft.sources.push(Source::Other(text));
                }
                ui.problems_of(field::SOURCES, &issues);

                changed |= ui
                    .enum_combo(
                        "Must people provide it?",
                        "requirement",
                        &mut draft.requirement,
                        [
                            Requirement::NotRequired,
                            Requirement::Statutory,
                            Requirement::Contractual,
                            Requirement::NeededToEnterAContract,
                        ],
                        |requirement| requirement_label(*requirement).to_owned(),
                    )
                    .changed();
                if draft.requirement != Requirement::NotRequired {
                    changed |= ui.text_field(
                        "If they do not provide it",
                        &mut draft.if_not_provided,
                        "e.g. We cannot deliver the order",
                    );
                }

                ui.section_title(field::DIRECT_MARKETING);
                let mut marketing = draft.direct_marketing.is_some();
                if ui
                .checkbox(
                    &mut marketing,
                    "This is direct marketing (the notice then states the absolute right to object)",
                )
                .changed()
            {
                draft.direct_marketing = marketing.then(|| Box::new(DirectMarketing::default()));
                changed = true;
            }
                if let Some(direct) = &mut draft.direct_marketing {
                    changed |= ui.text_field(
                        "How people stop it (published)",
                        &mut direct.how_to_object,
                        "e.g. the unsubscribe link in every email, or reply STOP",
                    );
                }
                ui.problems_of(field::DIRECT_MARKETING, &issues);
                if let Some(direct) = &mut draft.direct_marketing {
                    changed |= marketing_ground_ui(ui, direct);
                    ui.problems_of(field::MARKETING_GROUND, &issues);
                }

                ui.section_title(field::BASES);
                ui.problems_of(field::BASES, &issues);
                for kind in BasisKind::ALL {
                    let mut on = draft.lawful_bases.iter().any(|b| b.kind() == kind);
                    if ui
                        .checkbox(&mut on, format!("{kind} ({})", kind.article()))
                        .changed()
                    {
                        if on {
                            draft.lawful_bases.push(kind.blank());
                        } else {
                            draft.lawful_bases.retain(|b| b.kind() != kind);
                        }
                        changed = true;
                    }
                }
                for basis in &mut draft.lawful_bases {
                    changed |= basis_ui(
                        ui,
                        basis,
                        &issues,
                        LiaDates {
                            completed_on: &mut editor.lia_completed_on,
                            review_on: &mut editor.lia_review_on,
                            today,
                        },
                        &mut editor.scroll_to_question,
                    );
                }
                if let Some(lia) = draft.lia() {
                    lia_export_ui(ui, draft.id, lia.is_complete(), commands);
                }

                ui.section_title("Who receives it");
                let mut remove = None;
                for (index, processor) in draft.processors.iter_mut().enumerate() {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        let owner = format!("Processor {}", index + 1);
                        owned_by(ui, &owner, |ui| {
                            changed |= ui.text_field(
                                "Processor",
                                &mut processor.name,
                                "e.g. the payment provider",
                            );
                            changed |= ui.text_field(
                                "What it does for you",
                                &mut processor.activities,
                                "",
                            );
                            changed |= ui.text_field(
                                "Contract or terms",
                                &mut processor.contract_reference,
                                "",
                            );
                            let remove_button = ui.small_button("Remove processor");
                            ui.ctx().accesskit_node_builder(remove_button.id, |node| {
                                node.set_label(format!("Remove processor {}", index + 1));
                            });
                            if remove_button.clicked() {
                                remove = Some(index);
                            }
                        });
                    });
                }
                if let Some(index) = remove {
                    draft.processors.remove(index);
                    changed = true;
                }
                if ui.button("Add processor").clicked() {
                    draft.processors.push(Processor::default());
                    changed = true;
                }
                changed |= ui.text_area(
                    "Other recipients",
                    &mut editor.recipients,
                    "One per line: Professional or legal advisors…",
                );
                changed |= suggestions(
                    ui,
                    "Other recipients",
                    COMMON_RECIPIENTS,
                    &mut editor.recipients,
                );

                ui.section_title(field::TRANSFERS);
                ui.problems_of(field::TRANSFERS, &issues);
                let mut remove = None;
                for (index, transfer) in draft.transfers.iter_mut().enumerate() {
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        changed |= transfer_ui(ui, index, transfer);
                        if ui.small_button("Remove transfer").clicked() {
                            remove = Some(index);
                        }
                    });
                }
                if let Some(index) = remove {
                    draft.transfers.remove(index);
                    changed = true;
                }
                if ui.button("Add transfer outside the UK").clicked() {
                    draft.transfers.push(Transfer {
                        recipient: String::new(),
                        country: String::new(),
                        mechanism: None,
                    });
                    changed = true;
                }

                ui.section_title("Keeping it safe");
                changed |= ui.text_field("Kept for", &mut draft.retention.period, "e.g. 6 years");
                changed |= ui.text_field(
                    "Because",
                    &mut draft.retention.reason,
                    "e.g. VAT records (HMRC)",
                );
                ui.problems_of(field::RETENTION, &issues);
                changed |= ui.text_area("Security measures", &mut draft.security_measures, "");
                changed |= ui.text_field("Where it is held", &mut draft.location, "");
                let mut automated = draft.automated_decisions.is_some();
                if ui
                    .checkbox(
                        &mut automated,
                        "Decisions are made about people automatically",
                    )
                    .changed()
                {
                    draft.automated_decisions = automated.then(AutomatedDecisions::default);
                    changed = true;
                }
                if let Some(decisions) = &mut draft.automated_decisions {
                    changed |= ui.text_field("The logic involved", &mut decisions.logic, "");
                    changed |= ui.text_field(
                        "Its consequences for people",
                        &mut decisions.consequences,
                        "",
                    );
                }
                changed |= dpia_ui(ui, &mut draft.dpia, today);
                ui.problems_of(field::DPIA, &issues);
                changed |= ui.date_field("Review on", &mut editor.review_on, today);
                for (label, message) in &editor.date_problems {
                    ui.problem(&format!("{label}: {message}"));
                }

                if changed {
                    editor.absorb_text();
                    if editor.draft != editor.base {
                        editor.base = editor.draft.clone();
                        commands.push(Command::UpdateActivity(editor.draft.clone()));
                    }
                }
            });
        });
    }
}

fn requirement_label(requirement: Requirement) -> &'static str {
    match requirement {
        Requirement::NotRequired => "No, it is optional",
        Requirement::Statutory => "Yes, the law requires it",
        Requirement::Contractual => "Yes, a contract requires it",
        Requirement::NeededToEnterAContract => "Yes, to enter into a contract",
    }
}

/// The assessment as a record for the ICO: exported once complete, or as a marked draft.
fn lia_export_ui(
    ui: &mut egui::Ui,
    activity: ActivityId,
    complete: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label("The assessment as a record for the ICO:");
        let finish = if complete {
            Finish::Final
        } else {
            Finish::Draft
        };
        for format in Format::ALL {
            let label = if complete {
                format!("Export {format}…")
            } else {
                format!("Export draft {format}…")
            };
            let hover = if complete {
                "The three-part test, your answers, the decision, who and when, in the ICO template's order"
            } else {
                "Not complete yet: written marked as a draft, with what is missing listed at its end"
            };
            if ui.button(label).on_hover_text(hover).clicked() {
                commands.push(Command::Export {
                    what: Export::Lia {
                        activity,
                        format,
                        finish,
                    },
                    to: None,
                });
            }
        }
    });
}

/// The DPIA screening: the ICO's signs of likely high risk as questions, its outcome in
/// words, and the day the shop screened and the day the DPIA was done — dated by the
/// click that records them, never by a default.
fn dpia_ui(ui: &mut egui::Ui, screening: &mut DpiaScreening, today: Date) -> bool {
    let mut changed = false;
    ui.section_title(field::DPIA);
    ui.label(
        RichText::new(
            "Does this use of data do any of these? (The ICO's list of processing likely to be high risk.) Any tick means a DPIA is likely required before you start.",
        )
        .weak(),
    );
    for sign in HighRisk::ALL {
        let mut found = screening.signs.contains(&sign);
        if ui.checkbox(&mut found, sign.question()).changed() {
            screening.set_sign(sign, found);
            screening.screened_on = Some(today);
            changed = true;
        }
    }
    match screening.outcome() {
        DpiaOutcome::NotScreened => {
            ui.label("Not screened yet.");
            if ui
                .button("None of these: record the screening today")
                .on_hover_text("Records that you went through the questions today and none applies")
                .clicked()
            {
                screening.screened_on = Some(today);
                changed = true;
            }
        }
        DpiaOutcome::NotRequired(on) => {
            ui.label(format!("Screened on {on}: no DPIA needed."));
        }
        DpiaOutcome::Required { .. } => {
            ui.label("A DPIA is likely required.");
            let mut done = screening.done;
            if ui.checkbox(&mut done, "The DPIA is done").changed() {
                screening.done = done;
                screening.done_on = done.then_some(today);
                changed = true;
            }
            if let (true, Some(on)) = (screening.done, screening.done_on) {
                ui.label(RichText::new(format!("Done on {on}.")).weak());
            }
        }
    }
    changed
}

/// The Annex 1 condition a recognised legitimate interest relies on, and why it applies.
fn recognised_ui(
    ui: &mut egui::Ui,
    condition: &mut Option<RecognisedCondition>,
    why_it_applies: &mut String,
    issues: &[FieldIssue],
) -> bool {
    ui.label(
        RichText::new(
            "Only for the purposes the law lists (Annex 1 to the UK GDPR): no balancing test, but say which condition and why it applies.",
        )
        .weak(),
    );
    let mut changed = ui
        .enum_combo(
            "Annex 1 condition",
            "recognised_condition",
            condition,
            std::iter::once(None).chain(RecognisedCondition::ALL.map(Some)),
            |choice| {
                choice.map_or_else(
                    || "Choose…".to_owned(),
                    |c| crate::documents::wording::capitalise_first(&c.to_string()),
                )
            },
        )
        .changed();
    changed |= ui.text_area(
        "Why it applies",
        why_it_applies,
        "e.g. the police asked for footage of a theft in the shop",
    );
    ui.problems_of(field::RECOGNISED, issues);
    changed
}

fn transfer_ui(ui: &mut egui::Ui, index: usize, transfer: &mut Transfer) -> bool {
    let mut changed = ui.text_field("Recipient", &mut transfer.recipient, "");
    changed |= ui.text_field("Country", &mut transfer.country, "");
    let label = ui.label("How the transfer is lawful");
    let current = transfer
        .mechanism
        .as_ref()
        .map_or_else(|| "Not chosen".to_owned(), ToString::to_string);
    egui::ComboBox::from_id_salt(("mechanism", index))
        .selected_text(current)
        .show_ui(ui, |ui| {
            for mechanism in [
                TransferMechanism::UkAdequacyRegulations,
                TransferMechanism::Idta,
                TransferMechanism::UkAddendum,
                TransferMechanism::Other(String::new()),
            ] {
                let label = match &mechanism {
                    TransferMechanism::Other(_) => "Other…".to_owned(),
                    known => known.to_string(),
                };
                let chosen = match (&transfer.mechanism, &mechanism) {
                    (Some(TransferMechanism::Other(_)), TransferMechanism::Other(_)) => true,
                    (Some(current), candidate) => current == candidate,
                    (None, _) => false,
                };
                if ui.selectable_label(chosen, label).clicked() && !chosen {
                    transfer.mechanism = Some(mechanism);
                    changed = true;
                }
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(TransferMechanism::Other(text)) = &mut transfer.mechanism {
        changed |= ui.text_field("Describe the safeguard", text, "");
    }
    changed
}

/// The justification record of one basis; for legitimate interests, the guided LIA.
/// The assessment's dates as typed.
struct LiaDates<'a> {
    completed_on: &'a mut String,
    review_on: &'a mut String,
    today: Date,
}

fn basis_ui(
    ui: &mut egui::Ui,
    basis: &mut LawfulBasis,
    issues: &[FieldIssue],
    dates: LiaDates<'_>,
    scroll_to: &mut Option<&'static str>,
) -> bool {
    let mut changed = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(basis.kind().to_string());
        match basis {
            LawfulBasis::Consent {
                how_obtained,
                wording,
                how_to_withdraw,
                records_kept_at,
            } => {
                changed |= ui.text_field(
                    "How and where consent is asked for",
                    how_obtained,
                    "e.g. an unticked box at checkout",
                );
                changed |= ui.text_area("The words people agree to", wording, "");
                changed |= ui.text_field(
                    field::CONSENT_WITHDRAWAL,
                    how_to_withdraw,
                    "e.g. the unsubscribe link in every email",
                );
                ui.problems_of(field::CONSENT_WITHDRAWAL, issues);
                changed |=
                    ui.text_field("Where the records of consent are kept", records_kept_at, "");
            }
            LawfulBasis::Contract { contract } => {
                changed |= ui.text_field(
                    "Which contract or terms",
                    contract,
                    "e.g. our terms of sale",
                );
            }
            LawfulBasis::LegalObligation { law, requirement } => {
                changed |= ui.text_field("Which law", law, "e.g. VAT Act 1994");
                changed |= ui.text_field(
                    "What it requires",
                    requirement,
                    "e.g. keep sales records for 6 years",
                );
            }
            LawfulBasis::VitalInterests { justification }
            | LawfulBasis::PublicTask { justification } => {
                changed |= ui.text_area("Why this basis applies", justification, "");
            }
            LawfulBasis::LegitimateInterests(lia) => {
                changed |= lia_ui(ui, lia, dates, scroll_to);
                ui.problems_of(field::LIA, issues);
            }
            LawfulBasis::RecognisedLegitimateInterest {
                condition,
                why_it_applies,
            } => {
                changed |= recognised_ui(ui, condition, why_it_applies, issues);
            }
        }
    });
    changed
}

fn lia_ui(
    ui: &mut egui::Ui,
    lia: &mut Lia,
    dates: LiaDates<'_>,
    scroll_to: &mut Option<&'static str>,
) -> bool {
    let LiaDates {
        completed_on,
        review_on,
        today,
    } = dates;
    let mut changed = false;
    ui.label(
        RichText::new(
            "Legitimate interests assessment: the ICO's three-part test. Your answers are your own working and are not published; only the interests pursued appear in your notice.",
        )
        .weak(),
    );
    lia_left_ui(ui, lia, scroll_to);
    changed |= adopt_all_ui(ui, lia);
    for part in [Part::Purpose, Part::Necessity, Part::Balancing] {
        ui.add_space(spacing::ITEM);
        ui.label(RichText::new(part.title()).strong());
        for question in QUESTIONS.iter().filter(|q| q.part == part) {
            let label = if question.required {
                question.text.to_owned()
            } else {
                format!("{} (optional)", question.text)
            };
            let top = ui.cursor().top();
            let mut answer = lia.answer(question.id).to_owned();
            if ui.text_area(&label, &mut answer, "") {
                lia.set_answer(question.id, answer);
                changed = true;
            }
            // An adopted suggestion's box keeps its space while the form is open, so
            // the questions below stay where they were under the pointer.
            changed |= steady_height(
                ui,
                ui.scope_id().with(("suggestion", question.id)),
                |ui, was_taller| {
                    let Some(draft) = lia.draft_for(question.id).map(str::to_owned) else {
                        if was_taller {
                            ui.label(
                            RichText::new("Answered: the suggestion is gone. Read the answer above and change it wherever it is not true for you.")
                                .color(theme::palette(ui).success),
                        );
                        }
                        return false;
                    };
                    let mut adopted = false;
                    egui::Frame::new()
                    .inner_margin(spacing::INNER_MARGIN)
                    .stroke(egui::Stroke::new(1.0, ui.visuals().weak_text_color()))
                    .corner_radius(4.0)
                    .show(ui, |ui| {
                        ui.label(RichText::new("A suggested answer — not yours until you adopt it or write your own:").weak());
                        ui.label(RichText::new(&draft).italics());
                        if ui
                            .button("Adopt this answer")
                            .on_hover_text(question.text)
                            .clicked()
                        {
                            adopted = lia.adopt(question.id);
                        }
                    });
                    adopted
                },
            );
            if *scroll_to == Some(question.id) {
                let rect = egui::Rect::from_min_max(
                    egui::pos2(ui.min_rect().left(), top),
                    egui::pos2(ui.min_rect().right(), ui.cursor().top()),
                );
                // At once, not animated: the user asked to see it, and a test can tell.
                ui.scroll_to_rect_animation(
                    rect,
                    Some(egui::Align::TOP),
                    egui::style::ScrollAnimation::none(),
                );
                *scroll_to = None;
            }
        }
    }
    ui.add_space(spacing::ITEM);
    changed |= ui
        .checkbox(
            &mut lia.opt_out_offered,
            "People can opt out of this processing",
        )
        .changed();
    changed |= ui.text_area(
        &format!("{} (published)", Lia::INTERESTS_PURSUED_LABEL),
        &mut lia.interests_pursued,
        "Our legitimate interests are…",
    );
    changed |= ui
        .enum_combo(
            "Decision",
            "lia_outcome",
            &mut lia.outcome,
            [Outcome::NotDecided, Outcome::CanRely, Outcome::CannotRely],
            |outcome| outcome_label(*outcome).to_owned(),
        )
        .changed();
    changed |= ui.text_field("Completed by", &mut lia.completed_by, "");
    changed |= ui.date_field("Completed on", completed_on, today);
    changed |= ui.date_field("Review the assessment on", review_on, today);
    changed
}

/// What is left of an assessment, counted properly, each a link to its question. The
/// list keeps its space as it shortens, so answering never moves the questions under
/// the pointer.
fn lia_left_ui(ui: &mut egui::Ui, lia: &Lia, scroll_to: &mut Option<&'static str>) {
    steady_height(ui, ui.scope_id().with("lia_left"), |ui, _| {
        let Some(count) = lia.questions_to_answer() else {
            return;
        };
        ui.problem(&format!("{count}:"));
        for problem in lia.problems() {
            match problem.question {
                Some(id) => {
                    if ui.link(&problem.message).clicked() {
                        *scroll_to = Some(id);
                    }
                }
                None => {
                    ui.label(format!("• {}", problem.message));
                }
            }
        }
    });
}

/// One action for every suggested answer: adopt them all, then read them as the
/// answers they now are (each stays editable where it is). The box keeps its space
/// afterwards, saying what happened, so the questions do not move.
fn adopt_all_ui(ui: &mut egui::Ui, lia: &mut Lia) -> bool {
    steady_height(ui, ui.scope_id().with("adopt_all"), |ui, was_taller| {
        let waiting = lia.drafts_waiting();
        if waiting == 0 {
            if was_taller {
                ui.label(
                    RichText::new("The suggested answers are yours now: read each below and change any that is not true for your business.")
                        .color(theme::palette(ui).success),
                );
            }
            return false;
        }
        let mut adopted = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(format!(
                "{} from the starter catalogue {} below. Read {}, then use {} as your own, or write yours in {} place.",
                crate::domain::validate::count(waiting, "suggested answer", "suggested answers"),
                if waiting == 1 { "is" } else { "are" },
                if waiting == 1 { "it" } else { "them" },
                if waiting == 1 { "it" } else { "them all" },
                if waiting == 1 { "its" } else { "any one's" },
            ));
            if ui
                .button("Use all suggested answers")
                .on_hover_text("Each becomes your answer, which you can still change")
                .clicked()
            {
                adopted = lia.adopt_all() > 0;
            }
        });
        adopted
    })
}

fn outcome_label(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::NotDecided => "Not decided yet",
        Outcome::CanRely => "We can rely on legitimate interests",
        Outcome::CannotRely => "We cannot rely on legitimate interests",
    }
}

/// The starter catalogue's example text still in the activity: each to replace in its
/// field, or to confirm as true for this shop. Until then the notice will not export.
///
/// Drawn in a scope of its own that is always there, so the fields below keep their ids
/// (and the one being typed in its focus) when a row goes; and it keeps the height it
/// had for as long as the activity stays open, so replacing or confirming an example
/// never moves the form under the pointer.
fn placeholders_ui(ui: &mut egui::Ui, draft: &mut ProcessingActivity) -> bool {
    ui.push_id("example_text", |ui| {
        steady_height(ui, ("example_text", draft.id.0), |ui, was_taller| {
            let confirmed = placeholder_rows(ui, draft);
            if was_taller && draft.unconfirmed_placeholders().is_empty() && !confirmed {
                ui.label(
                    RichText::new("All the example text is replaced or confirmed.")
                        .color(theme::palette(ui).success),
                );
            }
            confirmed
        })
    })
    .inner
}

fn placeholder_rows(ui: &mut egui::Ui, draft: &mut ProcessingActivity) -> bool {
    let standing: Vec<(PlaceholderField, String)> = draft
        .unconfirmed_placeholders()
        .into_iter()
        .map(|p| (p.field, p.text.clone()))
        .collect();
    if standing.is_empty() {
        return false;
    }
    let mut confirmed = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong("Example text from the starter catalogue");
        ui.label(
            RichText::new(
                "Replace each in its field below with what is true for you, or confirm it if it already is. The notice will not publish it until you do.",
            )
            .weak(),
        );
        for (field, text) in &standing {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}: “{text}”", field.label()));
                if ui
                    .small_button("Confirm")
                    .on_hover_text("This is true for my shop: keep it as it is")
                    .clicked()
                {
                    confirmed = Some((*field, text.clone()));
                }
            });
        }
    });
    match confirmed {
        Some((field, text)) => draft.confirm_placeholder(field, &text),
        None => false,
    }
}

/// How marketing reaches people and, for email and text messages, the PECR ground it
/// rests on, its soft opt-in conditions asked one by one; true when anything changed.
fn marketing_ground_ui(ui: &mut egui::Ui, direct: &mut DirectMarketing) -> bool {
    use crate::domain::marketing::{Channel, Ground, SOFT_OPT_IN_CONDITIONS, SoftOptIn};
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("How it reaches people:");
        for channel in Channel::ALL {
            let mut on = direct.channels.contains(&channel);
            if ui.checkbox(&mut on, channel.to_string()).changed() {
                if on {
                    direct.channels.push(channel);
                    direct.channels.sort();
                } else {
                    direct.channels.retain(|c| *c != channel);
                }
                changed = true;
            }
        }
    });
    if !direct.channels.iter().any(|c| c.is_electronic_mail()) {
        return changed;
    }
    let question = "Why you may send it by email or text (PECR)";
    let choices: [(&str, Option<Ground>); 4] = [
        ("Not decided", None),
        (
            "They ticked a box or signed up to get it (consent)",
            Some(Ground::Consent {
                recorded_at: String::new(),
            }),
        ),
        (
            "Customers who bought from us and could say no (soft opt-in)",
            Some(Ground::SoftOptIn(SoftOptIn::default())),
        ),
        (
            "Only business addresses at companies, never sole traders (corporate)",
            Some(Ground::CorporateSubscribersOnly),
        ),
    ];
    let kind = |ground: &Option<Ground>| ground.as_ref().map(std::mem::discriminant);
    ui.label(question);
    access::radio_group(ui, question, |ui| {
        for (label, choice) in choices {
            let selected = kind(&direct.ground) == kind(&choice);
            if ui.radio(selected, label).clicked() && !selected {
                direct.ground = choice;
                changed = true;
            }
        }
    });
    match &mut direct.ground {
        Some(Ground::Consent { recorded_at }) => {
            ui.label("A box ticked for them in advance is not consent.");
            changed |= ui.text_field(
                "Where the record of each person's consent is kept",
                recorded_at,
                "e.g. the sign-up records in our mailing service",
            );
        }
        Some(Ground::SoftOptIn(soft)) => {
            ui.label("The soft opt-in needs all of these:");
            for condition in &SOFT_OPT_IN_CONDITIONS {
                changed |= ui
                    .checkbox((condition.answer)(soft), condition.question)
                    .changed();
            }
        }
        Some(Ground::CorporateSubscribersOnly) => {
            ui.label(
                "Sole traders and partnerships count as individuals: email or text them only with their consent.",
            );
        }
        None => {}
    }
    changed
}
