//! The breach log: every personal-data breach, its 72 hours to the minute, the risk
//! judged with the ICO's guidance beside it, the decision to report or not, and what
//! was done. Each change goes through its domain rule; a change the rule would refuse
//! is tried on a copy first, so the reason shows before the button is pressed.

use egui::RichText;
use jiff::{
    Timestamp,
    civil::Date,
    tz::{Offset, TimeZone},
};

use super::{
    access::DisabledBecause,
    access::{self, FocusTarget, Level},
    theme::{self, spacing},
    widgets::{FormField, UiExt, check_line, focus_if_asked, problem_form},
};
use crate::{
    command::{BreachChange, Command, Export},
    domain::{
        BreachId, Workspace,
        breach_clock::{self, LocalTimeError, parse_uk_local, time_left, uk_minute},
        breaches::{
            Breach, BreachKind, BreachState, CategoryLink, Decision, IcoReport, Individuals,
            RiskAssessment, RiskLevel, Step,
        },
        deadlines::short_date,
        validate::{FieldIssue, parse_date},
    },
    session::ScreenContext,
};

/// Labels of the fields, which are also the names their problems are filed under.
mod field {
    pub const AWARE: &str = "Became aware";
    pub const WHAT: &str = "What happened";
    pub const OCCURRED: &str = "When it happened";
    pub const NOTICED_BY: &str = "Who noticed";
    pub const CAUSE: &str = "Cause";
    pub const PEOPLE: &str = "People affected (about)";
    pub const RECORDS: &str = "Records affected (about)";
    pub const CONSEQUENCES: &str = "Likely consequences";
    pub const PROCESSOR: &str = "Processor involved";
    pub const LESSONS: &str = "Lessons learned";
    pub const REASONING: &str = "Why you judged it so";
}

/// A field's width: up to 420 points, less in a narrow window so a label and its field
/// fit beside each other without pushing the page wider than the window.
fn field_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() - spacing::LABEL_COLUMN - 24.0).clamp(160.0, 420.0)
}

/// The three risk levels in plain words, with examples after the ICO's guidance.
const RISK_GUIDANCE: [(RiskLevel, &str, &str); 3] = [
    (
        RiskLevel::Unlikely,
        "Nobody is likely to suffer from it: no distress, no financial loss, no loss of control over their information.",
        "For example: an order confirmation sent to the wrong customer, who tells you they deleted it unread; a laptop lost but fully encrypted, with the key safe and a backup of its data. Record it here and write down why; you do not report it.",
    ),
    (
        RiskLevel::Risk,
        "Someone could be affected: embarrassment, worry, a scam attempt, some loss of control over their information.",
        "For example: a list of customers' names and addresses sent to the wrong person and not recovered. Report it to the ICO as soon as you can, and no later than 72 hours after you became aware.",
    ),
    (
        RiskLevel::High,
        "A high risk to people: the harm would be serious — fraud or identity theft, financial loss, discrimination, damage to their reputation, sensitive (special category) data exposed — even if it is not certain.",
        "For example: a customer database with card or bank details stolen; health information sent to the wrong person. Report it to the ICO as soon as you can and within 72 hours, and tell the people affected without undue delay (Art. 34).",
    ),
];

/// Said once above the three levels.
const RISK_ADVICE: &str = "Judge the risk to the people whose data it is, not to your business. If you are unsure between two levels, take the higher one, or use the ICO's self-assessment for breaches (ico.org.uk).";

/// The question the special-category choices answer, shown and spoken.
const SPECIAL_CATEGORY_QUESTION: &str = "Special category data (health, ethnicity, religion, sex life, biometrics…) or criminal-offence data involved?";

/// The button that opens the form to log a breach, where Cancel takes the keyboard back.
const LOG_A_BREACH: &str = "Log a breach…";

/// A breach's entry in the list, among the places the keyboard is sent to.
fn list_entry_key(breach: BreachId) -> String {
    format!("breach in the list: {}", breach.0)
}

#[derive(Debug, Default)]
pub struct BreachesScreen {
    selected: Option<BreachId>,
    log: Option<LogForm>,
    facts: Option<FactsDraft>,
    decision: DecisionForm,
    report: ReportForm,
    people: PeopleForm,
    close_on: String,
    /// The breach and day whose date fields were filled with today: dates are shown
    /// filled in, never assumed from an empty field.
    dates_for: Option<(BreachId, Date)>,
    /// Counts openings, so each opened breach starts at its top.
    opened: u64,
    /// The letter to the people affected: kept while the breach is open, so going back
    /// to the breach and returning finds the words as they were left.
    letter: Option<super::breach_letter::BreachLetterComposer>,
    letter_shown: bool,
}

/// "Log a breach": when the shop became aware, and what happened.
#[derive(Debug, Default)]
struct LogForm {
    aware: LocalTimeField,
    what: String,
    checked: bool,
}

/// A UK local time typed as "YYYY-MM-DD HH:MM", with the choice of offset when the
/// time occurred twice (the autumn clock change).
#[derive(Debug, Default, Clone, PartialEq)]
struct LocalTimeField {
    text: String,
    offset: Option<Offset>,
}

impl LocalTimeField {
    fn of(at: Timestamp, zone: &TimeZone) -> Self {
        let text = uk_minute(at, zone);
        // Keep the offset when the time is in the autumn's repeated hour.
        let offset = parse_uk_local(&text, None, zone)
            .is_err()
            .then(|| zone.to_offset(at));
        Self { text, offset }
    }

    fn read(&self, zone: &TimeZone) -> Result<Timestamp, LocalTimeError> {
        parse_uk_local(&self.text, self.offset, zone)
    }

    /// The instant, or the problem in the window's words.
    fn parse(&self, zone: &TimeZone, now: Timestamp) -> Result<Timestamp, String> {
        match self.read(zone) {
            Ok(at) if at > now => Err("that is in the future".to_owned()),
            Ok(at) => Ok(at),
            Err(LocalTimeError::Ambiguous(shown)) => Err(format!(
                "{shown} happened twice (the clocks went back): choose the first (BST) or the second (GMT)"
            )),
            Err(LocalTimeError::Malformed(_)) => {
                Err("write it as YYYY-MM-DD HH:MM, e.g. 2026-06-01 09:30".to_owned())
            }
            Err(other) => Err(other.to_string()),
        }
    }

    /// The field, "Now", and the BST/GMT choice when it is needed.
    fn ui(&mut self, ui: &mut egui::Ui, label: &str, zone: &TimeZone, now: Timestamp) -> bool {
        let mut changed = false;
        ui.horizontal(|ui| {
            let label_response = ui.label(label);
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.text)
                        .hint_text("YYYY-MM-DD HH:MM")
                        .desired_width(150.0),
                )
                .labelled_by(label_response.id);
            focus_if_asked(ui, label, &response);
            changed |= response.changed();
            if ui
                .small_button("Now")
                .on_hover_text("This minute, in UK time")
                .clicked()
            {
                *self = Self::of(now, zone);
                changed = true;
            }
            ui.label(RichText::new("UK time").weak());
        });
        if matches!(
            parse_uk_local(&self.text, None, zone),
            Err(LocalTimeError::Ambiguous(_))
        ) {
            ui.horizontal(|ui| {
                ui.label("Which one?");
                let question = format!("{label}: which one?");
                access::radio_group(ui, &question, |ui| {
                    changed |= ui
                        .radio_value(
                            &mut self.offset,
                            Some(Offset::constant(1)),
                            "the first (BST)",
                        )
                        .changed();
                    changed |= ui
                        .radio_value(&mut self.offset, Some(Offset::UTC), "the second (GMT)")
                        .changed();
                });
            });
        } else if self.offset.is_some() && changed {
            self.offset = None;
        }
        changed
    }
}

/// The facts of one breach as the form edits them: handed to the session as they are
/// typed, which applies them as one step when the typing pauses — one timeline entry per
/// pause, not one per keystroke.
#[derive(Debug, Clone)]
struct FactsDraft {
    /// The breach as it was when the draft was made.
    base: Breach,
    edited: Breach,
    occurred: LocalTimeField,
    aware: LocalTimeField,
    people: String,
    records: String,
    risk: Option<RiskLevel>,
    reasoning: String,
    step_on: String,
    step_what: String,
    checked: bool,
    /// The facts last handed to the session, so they are handed over once, not per frame.
    held: Option<Breach>,
    /// The problems found when the form was last read (at the end of a frame), for the
    /// next frame's problem lines and the status bar: the form is parsed once a frame.
    issues: Option<Vec<FieldIssue>>,
}

/// The parts of a breach the facts form edits; the rest has rules of its own.
fn facts_of(breach: &Breach) -> Breach {
    Breach {
        decision: None,
        report: None,
        delay_reasons: String::new(),
        individuals: None,
        closed: None,
        timeline: Vec::new(),
        ..breach.clone()
    }
}

impl FactsDraft {
    fn of(breach: &Breach, zone: &TimeZone, today: Date) -> Self {
        Self {
            base: breach.clone(),
            edited: breach.clone(),
            occurred: breach
                .occurred
                .map(|at| LocalTimeField::of(at, zone))
                .unwrap_or_default(),
            aware: LocalTimeField::of(breach.aware, zone),
            people: breach
                .people_affected
                .map(|n| n.to_string())
                .unwrap_or_default(),
            records: breach
                .records_affected
                .map(|n| n.to_string())
                .unwrap_or_default(),
            risk: breach.risk.as_ref().map(|r| r.level),
            reasoning: breach
                .risk
                .as_ref()
                .map(|r| r.reasoning.clone())
                .unwrap_or_default(),
            step_on: today.to_string(),
            step_what: String::new(),
            checked: false,
            held: None,
            issues: None,
        }
    }

    /// What the form can keep now — every field as typed, but a field with a problem at
    /// the record's last good value — and the problems. Typing in one field is never held
    /// back by a slip in another (as the Organisation form keeps its fields).
    fn keepable(&self, zone: &TimeZone, now: Timestamp) -> (Breach, Vec<FieldIssue>) {
        let mut issues = Vec::new();
        let mut issue = |field: &'static str, message: String| {
            issues.push(FieldIssue {
                record: String::new(),
                field,
                message,
            });
        };
        let base = &self.base;
        let mut breach = self.edited.clone();
        match self.aware.parse(zone, now) {
            Ok(at) => breach.aware = at,
            Err(message) => {
                issue(field::AWARE, message);
                breach.aware = base.aware;
            }
        }
        breach.occurred = if self.occurred.text.trim().is_empty() {
            None
        } else {
            match self.occurred.parse(zone, now) {
                Ok(at) if at > breach.aware => {
                    issue(
                        field::OCCURRED,
                        "it cannot have happened after you became aware of it".to_owned(),
                    );
                    base.occurred.filter(|at| *at <= breach.aware)
                }
                Ok(at) => Some(at),
                Err(message) => {
                    issue(field::OCCURRED, message);
                    base.occurred.filter(|at| *at <= breach.aware)
                }
            }
        };
        if breach.what_happened.trim().is_empty() {
            issue(field::WHAT, "say what happened".to_owned());
            breach.what_happened.clone_from(&base.what_happened);
        }
        let mut number = |text: &str, label: &'static str, last_good: Option<u64>| {
            let text = text.trim().replace(',', "");
            if text.is_empty() {
                return None;
            }
            text.parse().map_or_else(
                |_| {
                    issue(label, "a whole number, e.g. 40".to_owned());
                    last_good
                },
                Some,
            )
        };
        breach.people_affected = number(&self.people, field::PEOPLE, base.people_affected);
        breach.records_affected = number(&self.records, field::RECORDS, base.records_affected);
        breach.risk = self.risk.map(|level| RiskAssessment {
            level,
            reasoning: self.reasoning.trim().to_owned(),
        });
        if self.risk == Some(RiskLevel::Unlikely) && self.reasoning.trim().is_empty() {
            issue(
                field::REASONING,
                "write down why it is unlikely to be a risk: the ICO may ask (Art. 33(5))"
                    .to_owned(),
            );
            breach.risk.clone_from(&base.risk);
        }
        (breach, issues)
    }

    /// Whether `edited` (from [`Self::keepable`]) changes the facts the draft began from.
    fn differs(&self, edited: &Breach) -> bool {
        facts_of(edited) != facts_of(&self.base)
    }
}

#[derive(Debug, Default)]
struct DecisionForm {
    open: bool,
    report: Option<bool>,
    reasons: String,
    by: String,
    on: String,
}

#[derive(Debug, Default)]
struct ReportForm {
    at: LocalTimeField,
    reference: String,
    delay_reasons: String,
}

#[derive(Debug, Default)]
struct PeopleForm {
    told: Option<bool>,
    on: String,
    how: String,
    why: String,
}

impl BreachesScreen {
    /// What the open breach's forms hold that the log does not, in words for the status
    /// bar (which would otherwise say "All changes saved").
    pub fn unsaved(&self, zone: &TimeZone, now: Timestamp) -> Option<String> {
        if let Some(draft) = &self.facts
            && self.selected == Some(draft.base.id)
        {
            let issues = match &draft.issues {
                Some(issues) => issues.clone(),
                None => draft.keepable(zone, now).1,
            };
            if !issues.is_empty() {
                let fields: Vec<&str> = issues.iter().map(|issue| issue.field).collect();
                return Some(format!(
                    "Not kept until fixed: {} — the rest is kept; see below the form",
                    fields.join(", ")
                ));
            }
        }
        let decision = &self.decision;
        (self.selected.is_some()
            && (decision.report.is_some() || !decision.reasons.trim().is_empty()))
        .then(|| {
            "A decision is typed but not recorded yet: Record the decision keeps it".to_owned()
        })
    }

    /// Forgets the facts form's typing (after undo or redo): it starts again from the
    /// record, which the session has brought up to date with what was typed first.
    pub fn forget_drafts(&mut self) {
        self.facts = None;
    }

    /// Back to the list (the side navigation's "Breaches" while a breach is open).
    pub fn show_list(&mut self) {
        self.selected = None;
        self.log = None;
    }

    pub fn select(&mut self, id: BreachId) {
        if self.selected != Some(id) {
            self.facts = None;
            self.decision = DecisionForm::default();
            self.report = ReportForm::default();
            self.people = PeopleForm::default();
            self.close_on.clear();
            self.dates_for = None;
            self.letter_shown = false;
        }
        self.selected = Some(id);
        self.opened = self.opened.wrapping_add(1);
        self.log = None;
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
        let selected = self.selected.and_then(|id| workspace.breach(id));
        if let (Some(found), Some(composer), true) =
            (selected, self.letter.as_mut(), self.letter_shown)
            && composer.breach == found.id
        {
            if !writable {
                ui.disable();
            }
            self.letter_shown = composer.ui(ui, &context, found, commands);
            return;
        }
        egui::ScrollArea::vertical()
            .id_salt(("breaches", selected.map(|b| b.id.0), self.opened))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if !writable {
                    ui.disable();
                }
                ui.set_max_width(ui.available_width().min(spacing::READING_WIDTH + 320.0));
                match selected {
                    Some(breach) => self.detail_ui(ui, context, breach, commands),
                    None => self.list_ui(ui, context, commands),
                }
            });
    }

    fn list_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace,
            now,
            zone,
            ..
        } = context;
        ui.horizontal_wrapped(|ui| {
            access::heading(ui, "Breaches", Level::Screen);
            ui.add_space(spacing::GROUP);
            let log = ui
                .button(LOG_A_BREACH)
                .on_hover_text("Record it the moment you know: the 72 hours start then");
            focus_if_asked(ui, LOG_A_BREACH, &log);
            // It opens the form in place of the list: say whether it is open.
            let open = self.log.is_some();
            ui.ctx()
                .accesskit_node_builder(log.id, |node| node.set_expanded(open));
            if log.clicked() {
                self.log = Some(LogForm::default());
                FocusTarget::Named(field::AWARE.to_owned()).ask(ui.ctx());
            }
            for (label, csv, hover) in [
                (
                    "Export the log as PDF…",
                    false,
                    "Every breach, reported or not, with the reasons: what the ICO asks to see",
                ),
                (
                    "As CSV…",
                    true,
                    "The same log as a spreadsheet, one row per breach",
                ),
            ] {
                if ui.button(label).on_hover_text(hover).clicked() {
                    commands.push(Command::Export {
                        what: Export::BreachLog { csv },
                        to: None,
                    });
                }
            }
        });
        ui.label(
            "A breach is anything that puts personal data where it should not be, changes it, \
             or loses it: an email to the wrong customer, a lost phone with your inbox, a label \
             on the wrong parcel. The law asks you to record every one, reported or not \
             (Art. 33(5)), and to report one that is a risk to people to the ICO within 72 hours \
             of becoming aware (Art. 33(1)).",
        );
        ui.add_space(spacing::ITEM);
        if self.log.is_some() {
            // The form in place of the list while it is open, as for requests.
            self.log_form_ui(ui, context, commands);
            return;
        }
        if workspace.breaches.is_empty() {
            ui.label(RichText::new("No breaches recorded.").weak());
            return;
        }
        let palette = theme::palette(ui);
        // One block per breach, newest first: its reference and what happened, then when
        // the shop became aware and where the 72 hours stand. Wraps at any width.
        for breach in workspace.breaches.iter().rev() {
            ui.add_space(spacing::TIGHT);
            ui.horizontal_wrapped(|ui| {
                let link = ui
                    .link(RichText::new(&breach.reference).strong())
                    .on_hover_text("Open this breach");
                focus_if_asked(ui, &list_entry_key(breach.id), &link);
                if link.clicked() {
                    commands.push(Command::OpenBreach(breach.id));
                }
                if ui
                    .add(egui::Label::new(&breach.what_happened).sense(egui::Sense::click()))
                    .on_hover_cursor(egui::CursorIcon::PointingHand)
                    .clicked()
                {
                    commands.push(Command::OpenBreach(breach.id));
                }
            });
            let (text, colour) = state_words(breach, now, zone, &palette);
            ui.label(
                RichText::new(format!(
                    "Became aware {} · {text}",
                    uk_minute(breach.aware, zone)
                ))
                .color(colour),
            );
        }
    }

    fn log_form_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let width = field_width(ui);
        let ScreenContext { now, zone, .. } = context;
        let Some(form) = &mut self.log else {
            return;
        };
        let mut close = false;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong("Log a breach");
            ui.label(
                RichText::new(
                    "When you became aware of it: the 72 hours to report it start then. Details, the risk and the decision follow once it is logged.",
                )
                .weak(),
            );
            let aware = form.aware.parse(zone, now);
            let what_problem = form
                .what
                .trim()
                .is_empty()
                .then_some("say what happened, in a sentence");
            problem_form(ui, "log_breach", form.checked, |ui| {
                form.aware.ui(ui, field::AWARE, zone, now);
                ui.problem_line(
                    aware
                        .as_ref()
                        .err()
                        .filter(|_| form.checked || !form.aware.text.is_empty())
                        .map(String::as_str),
                );
                let label = ui.label(field::WHAT);
                ui.text_box(&label, &mut form.what, "e.g. Order confirmation emailed to the wrong customer", width);
                ui.problem_line(what_problem.filter(|_| form.checked));
            });
            ui.horizontal(|ui| {
                if ui.button("Log breach").clicked() {
                    match (&aware, what_problem) {
                        (Ok(at), None) => {
                            commands.push(Command::LogBreach {
                                aware: *at,
                                what_happened: form.what.trim().to_owned(),
                            });
                            close = true;
                        }
                        _ => form.checked = true,
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                    FocusTarget::Named(LOG_A_BREACH.to_owned()).ask(ui.ctx());
                }
            });
        });
        if close {
            self.log = None;
        }
    }

    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        breach: &Breach,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext { zone, now, .. } = context;
        if ui.button("← All breaches").clicked() {
            self.selected = None;
            // Back to the breach in the list, where the keyboard was before it opened.
            FocusTarget::Named(list_entry_key(breach.id)).ask(ui.ctx());
            return;
        }
        ui.horizontal_wrapped(|ui| {
            access::heading(ui, &breach.reference, Level::Item);
            ui.label(RichText::new(breach.state(now).to_string()).strong());
        });
        // One line, whole on hover: it is the field below in full, and typing there must
        // not move the form under the pointer.
        let summary = breach.what_happened.lines().next().unwrap_or_default();
        ui.add(egui::Label::new(summary).truncate())
            .on_hover_text(&breach.what_happened);
        ui.add_space(spacing::ITEM);
        clock_ui(ui, breach, now, zone);
        if self.dates_for != Some((breach.id, context.today)) {
            let today = context.today.to_string();
            for field in [
                &mut self.decision.on,
                &mut self.people.on,
                &mut self.close_on,
            ] {
                if field.is_empty() {
                    field.clone_from(&today);
                }
            }
            self.dates_for = Some((breach.id, context.today));
        }

        let draft_stale = self
            .facts
            .as_ref()
            .is_none_or(|draft| draft.base.id != breach.id);
        if draft_stale {
            self.facts = Some(FactsDraft::of(breach, zone, context.today));
        } else if let Some(draft) = &self.facts
            && facts_of(&draft.base) != facts_of(breach)
        {
            // What the form handed over has been applied: it now starts from the record,
            // and its fields stay as typed (a field with a problem still shows the slip).
            // Changed elsewhere with nothing typed here: follow the record.
            let kept = facts_of(&draft.keepable(zone, now).0);
            if kept == facts_of(breach) {
                if let Some(draft) = &mut self.facts {
                    draft.base = breach.clone();
                }
            } else if kept == facts_of(&draft.base) {
                self.facts = Some(FactsDraft::of(breach, zone, context.today));
            }
        }
        ui.add_space(spacing::SECTION);
        if let Some(draft) = &mut self.facts {
            facts_ui(ui, context, draft, commands);
        }
        ui.separator();
        self.decision_ui(ui, context, breach, commands);
        if breach.decision.as_ref().is_some_and(|d| d.report) || breach.report.is_some() {
            ui.separator();
            self.report_ui(ui, context, breach, commands);
        }
        ui.separator();
        self.people_ui(ui, context, breach, commands);
        ui.separator();
        self.close_ui(ui, context, breach, commands);
        ui.separator();
        ui.section_title("Timeline");
        for (index, entry) in breach.timeline.iter().enumerate().rev() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(uk_minute(entry.at, zone)).monospace());
                ui.label(&entry.text);
            });
            if let Some(letter) = &entry.letter {
                ui.indent(("sent_letter", breach.id.0, index), |ui| {
                    egui::CollapsingHeader::new("The letter as sent")
                        .id_salt(("sent_letter_text", breach.id.0, index))
                        .show(ui, |ui| {
                            if ui.button("Copy").clicked() {
                                commands.push(Command::CopyText {
                                    text: letter.clone(),
                                    what: "the letter as it was sent".to_owned(),
                                });
                            }
                            ui.label(RichText::new(letter).monospace());
                        });
                });
            }
        }
    }

    /// The decision on record, and "Change the decision…"; true when the form to change
    /// it is open.
    fn decided_ui(&mut self, ui: &mut egui::Ui, decision: &Decision) -> bool {
        ui.label(format!(
            "{} decided on {} {}.",
            decision.decided_by,
            short_date(decision.decided_on),
            if decision.report {
                "to report it to the ICO"
            } else {
                "not to report it to the ICO"
            }
        ));
        ui.label(format!("Reasons: {}", decision.reasons));
        if !self.decision.open && ui.button("Change the decision…").clicked() {
            // Starts from the decision on record: a change is usually to one part.
            self.decision = DecisionForm {
                open: true,
                report: Some(decision.report),
                reasons: decision.reasons.clone(),
                by: decision.decided_by.clone(),
                on: self.decision.on.clone(),
            };
        }
        self.decision.open
    }

    fn decision_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        breach: &Breach,
        commands: &mut Vec<Command>,
    ) {
        let width = field_width(ui);
        let ScreenContext { today, .. } = context;
        ui.section_title("Report it to the ICO?");
        if let Some(decision) = &breach.decision
            && !self.decided_ui(ui, decision)
        {
            return;
        }
        let Some(risk) = &breach.risk else {
            ui.label("Judge the risk to people above first: the decision follows from it.");
            return;
        };
        let form = &mut self.decision;
        access::radio_group(ui, "Report it to the ICO?", |ui| {
            ui.radio_value(&mut form.report, Some(true), "Report it");
            ui.add_enabled_ui(risk.level == RiskLevel::Unlikely, |ui| {
                ui.radio_value(&mut form.report, Some(false), "Do not report it")
                    .disabled_because(
                        "Only a breach unlikely to be a risk to people may go unreported (Art. 33(1)). If that is your judgement, change the risk above and write down why.",
                    )
            });
        });
        let reasons_label = ui.label("Reasons");
        ui.text_box(
            &reasons_label,
            &mut form.reasons,
            "Why report, or why not: the ICO may ask to see this",
            width,
        );
        ui.horizontal(|ui| {
            let by = ui.label("Decided by");
            ui.add(
                egui::TextEdit::singleline(&mut form.by)
                    .desired_width(200.0)
                    .hint_text("Your name"),
            )
            .labelled_by(by.id);
            ui.date_field("Decided on", &mut form.on, today);
        });
        let on = parse_day(&form.on);
        let attempt = match (form.report, on) {
            (None, _) => Err("choose whether to report it".to_owned()),
            (_, Err(problem)) => Err(problem),
            (Some(report), Ok(on)) => Ok(BreachChange::Decide(Decision {
                report,
                reasons: form.reasons.trim().to_owned(),
                decided_by: form.by.trim().to_owned(),
                decided_on: on,
            })),
        };
        let attempt = tried(breach, attempt, context.moment);
        let mut done = false;
        ui.horizontal(|ui| {
            done = change_button(ui, "Record the decision", breach.id, &attempt, commands);
            if breach.decision.is_some() && ui.button("Cancel").clicked() {
                done = true;
            }
        });
        ui.problem_line(attempt.as_ref().err().map(String::as_str));
        if done {
            self.decision = DecisionForm::default();
            self.dates_for = None;
        }
    }

    fn report_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        breach: &Breach,
        commands: &mut Vec<Command>,
    ) {
        let width = field_width(ui);
        let ScreenContext {
            workspace,
            now,
            zone,
            ..
        } = context;
        ui.section_title("The report to the ICO");
        if let Some(report) = &breach.report {
            ui.label(format!(
                "Reported {}{}.",
                uk_minute(report.at, zone),
                if report.reference.trim().is_empty() {
                    String::new()
                } else {
                    format!(", ICO reference {}", report.reference.trim())
                }
            ));
            if !breach.delay_reasons.is_empty() {
                ui.label(format!("Reasons for the delay: {}", breach.delay_reasons));
            }
            return;
        }
        ui.label(format!(
            "Report it on the ICO's website (ico.org.uk, “Report a breach”) or by phone on the ICO helpline{}. Then record it here.",
            regulator_phone(workspace)
        ));
        ico_draft_ui(ui, workspace, breach, (zone, now), commands);
        let form = &mut self.report;
        form.at.ui(ui, "Reported at", zone, now);
        let reference = ui.horizontal(|ui| {
            let label = ui.label("ICO reference");
            ui.add(
                egui::TextEdit::singleline(&mut form.reference)
                    .desired_width(200.0)
                    .hint_text("If they gave one"),
            )
            .labelled_by(label.id)
        });
        drop(reference);
        let at = form.at.parse(zone, now);
        let late = at.as_ref().map_or(now, |at| *at) > breach.deadline();
        if late {
            let label = ui.label("Reasons for the delay (required: after the 72 hours)");
            ui.label(
                RichText::new("Do not wait for every detail: report what you know now and send the rest later (Art. 33(4)).")
                    .weak(),
            );
            ui.text_box(&label, &mut form.delay_reasons, "", width);
        }
        let change = at.map(|at| BreachChange::Report {
            report: IcoReport {
                at,
                reference: form.reference.trim().to_owned(),
            },
            delay_reasons: form.delay_reasons.trim().to_owned(),
        });
        let attempt = tried(breach, change, context.moment);
        if change_button(ui, "Record the report", breach.id, &attempt, commands) {
            self.report = ReportForm::default();
            return;
        }
        ui.problem_line(
            attempt
                .as_ref()
                .err()
                .filter(|_| !form.at.text.is_empty())
                .map(String::as_str),
        );
    }

    /// Whether the law requires telling the people affected, and the letter to them;
    /// returns whether the breach is judged a high risk.
    fn people_intro_ui(&mut self, ui: &mut egui::Ui, breach: &Breach) -> bool {
        let high = breach
            .risk
            .as_ref()
            .is_some_and(|r| r.level == RiskLevel::High);
        if high && breach.individuals.is_none() {
            ui.label(
                RichText::new(
                    "Required: a high risk means telling the people affected without undue delay, in plain words: what happened, the likely consequences, what you have done, what they can do, and whom to contact (Art. 34).",
                )
                .color(theme::palette(ui).warning),
            );
        } else if !high {
            ui.label(RichText::new("Telling them is required only for a high risk (Art. 34), but you may choose to.").weak());
        }
        if ui
            .button("Write the letter to them…")
            .on_hover_text("What happened, what it could mean for them, what you have done, what they can do, whom to contact: started from this record")
            .clicked()
        {
            if self.letter.as_ref().is_none_or(|c| c.breach != breach.id) {
                self.letter = Some(super::breach_letter::BreachLetterComposer::new(breach));
            }
            self.letter_shown = true;
            FocusTarget::OpenedItem.ask(ui.ctx());
        }
        high
    }

    fn people_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        breach: &Breach,
        commands: &mut Vec<Command>,
    ) {
        let width = field_width(ui);
        let ScreenContext { today, .. } = context;
        ui.section_title("The people affected");
        let high = self.people_intro_ui(ui, breach);
        match &breach.individuals {
            Some(Individuals::Told { on, how }) => {
                ui.label(format!("Told on {} by {how}.", short_date(*on)));
                return;
            }
            Some(Individuals::NotTold { why }) => {
                ui.label(format!("Not told: {why}"));
                if !high {
                    return;
                }
            }
            None => {}
        }
        let form = &mut self.people;
        access::radio_group(ui, "Were the people affected told?", |ui| {
            ui.radio_value(&mut form.told, Some(true), "They were told");
            ui.radio_value(&mut form.told, Some(false), "They are not being told");
        });
        let attempt = match form.told {
            None => None,
            Some(true) => {
                ui.horizontal(|ui| {
                    ui.date_field("Told on", &mut form.on, today);
                    let label = ui.label("How");
                    ui.add(
                        egui::TextEdit::singleline(&mut form.how)
                            .desired_width(200.0)
                            .hint_text("e.g. email, letter, phone"),
                    )
                    .labelled_by(label.id);
                });
                Some(parse_day(&form.on).map(|on| Individuals::Told {
                    on,
                    how: form.how.trim().to_owned(),
                }))
            }
            Some(false) => {
                let label = ui.label("Why not");
                ui.text_box(&label, &mut form.why, "e.g. the data was encrypted and the key is safe; the risk no longer arises because…; telling each person would take disproportionate effort, so we made a public announcement instead (Art. 34(3))", width);
                Some(Ok(Individuals::NotTold {
                    why: form.why.trim().to_owned(),
                }))
            }
        };
        let Some(attempt) = attempt else {
            return;
        };
        let attempt = tried(breach, attempt.map(BreachChange::People), context.moment);
        if change_button(ui, "Record", breach.id, &attempt, commands) {
            self.people = PeopleForm::default();
            self.dates_for = None;
            return;
        }
        ui.problem_line(attempt.as_ref().err().map(String::as_str));
    }

    fn close_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        breach: &Breach,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext { today, .. } = context;
        ui.section_title("Close");
        if let Some(closed) = breach.closed {
            ui.label(format!("Closed on {}.", short_date(closed)));
            return;
        }
        ui.date_field("Closed on", &mut self.close_on, today);
        let change = parse_day(&self.close_on).map(BreachChange::Close);
        let attempt = tried(breach, change, context.moment);
        if change_button(ui, "Close the breach", breach.id, &attempt, commands) {
            self.close_on.clear();
            return;
        }
        ui.problem_line(attempt.as_ref().err().map(String::as_str));
    }
}

/// `change` tried on a copy of `breach` through the rule `apply` will run: the change,
/// or why it would be refused (or why the form cannot make one yet).
fn tried(
    breach: &Breach,
    change: Result<BreachChange, String>,
    moment: &jiff::Zoned,
) -> Result<BreachChange, String> {
    let change = change?;
    crate::actions::breach::try_change(&mut breach.clone(), &change, moment)
        .map_err(|e| e.to_string())?;
    Ok(change)
}

/// A button that makes `attempt`'s change, greyed while it would be refused; true when
/// pressed (the change is then on its way).
fn change_button(
    ui: &mut egui::Ui,
    label: &str,
    breach: BreachId,
    attempt: &Result<BreachChange, String>,
    commands: &mut Vec<Command>,
) -> bool {
    let pressed = ui
        .add_enabled(attempt.is_ok(), egui::Button::new(label))
        .clicked();
    if pressed && let Ok(change) = attempt {
        commands.push(Command::ChangeBreach {
            breach,
            change: change.clone(),
        });
    }
    pressed
}

/// The facts for the ICO's report form, to copy, with what the log does not hold yet.
fn ico_draft_ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    breach: &Breach,
    (zone, now): (&TimeZone, Timestamp),
    commands: &mut Vec<Command>,
) {
    let draft = crate::documents::ico_draft::ico_report_draft(workspace, breach, zone, now);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Copy the draft for the ICO's form")
            .on_hover_text("The Art. 33(3) facts from this record, in the form's order, to paste answer by answer")
            .clicked()
        {
            commands.push(Command::CopyText {
                text: draft.text.clone(),
                what: "the draft for the ICO's report form".to_owned(),
            });
        }
        if draft.gaps.is_empty() {
            ui.label(RichText::new("Every item is in the log.").color(theme::palette(ui).success));
        } else {
            ui.label(
                RichText::new(format!(
                    "Not recorded yet: {}. Add them above, or tell the ICO they are not known yet (you can send more later, Art. 33(4)).",
                    draft.gaps.join("; ")
                ))
                .color(theme::palette(ui).warning),
            );
        }
    });
    egui::CollapsingHeader::new("Show the draft")
        .id_salt(("ico_draft", breach.id.0))
        .show(ui, |ui| {
            ui.label(RichText::new(&draft.text).monospace());
        });
}

/// A date field's day (filled with today when its form opens; never assumed).
fn parse_day(text: &str) -> Result<Date, String> {
    if text.trim().is_empty() {
        Err("give the date (Pick… has Today)".to_owned())
    } else {
        parse_date(text)
    }
}

fn regulator_phone(workspace: &Workspace) -> String {
    let phone = workspace.settings.regulator.helpline.trim();
    if phone.is_empty() {
        String::new()
    } else {
        format!(", {phone}")
    }
}

/// Where a breach stands against the 72 hours, in words and colour.
fn state_words(
    breach: &Breach,
    now: Timestamp,
    zone: &TimeZone,
    palette: &theme::Palette,
) -> (String, egui::Color32) {
    let deadline = breach.deadline();
    match breach.state(now) {
        BreachState::Open => {
            let soon = deadline.as_second() - now.as_second() < 24 * 3600;
            let decided = if breach.decision.as_ref().is_some_and(|d| d.report) {
                "decided to report, not reported yet: "
            } else {
                ""
            };
            (
                format!(
                    "{decided}by {} ({})",
                    uk_minute(deadline, zone),
                    time_left(deadline, now)
                ),
                if soon { palette.warning } else { palette.text },
            )
        }
        BreachState::Overdue => (
            format!(
                "{}: decide now; a late report gives its reasons",
                time_left(deadline, now)
            ),
            palette.error,
        ),
        BreachState::ReportedLate => ("reported late".to_owned(), palette.text),
        BreachState::ReportedInTime => ("reported in time".to_owned(), palette.success),
        BreachState::DecidedNotToReport => ("not reported (decided)".to_owned(), palette.text),
        BreachState::Closed => ("closed".to_owned(), palette.weak),
    }
}

/// The 72 hours, with their working, like a request's due date.
fn clock_ui(ui: &mut egui::Ui, breach: &Breach, now: Timestamp, zone: &TimeZone) {
    let palette = theme::palette(ui);
    let (text, colour) = state_words(breach, now, zone, &palette);
    let headline = match breach.state(now) {
        BreachState::Open => format!("Report to the ICO {text}"),
        BreachState::Overdue => format!("The 72 hours ended: {text}"),
        BreachState::ReportedInTime => "Reported to the ICO within the 72 hours".to_owned(),
        BreachState::ReportedLate => "Reported to the ICO after the 72 hours".to_owned(),
        BreachState::DecidedNotToReport => {
            "Not reported: judged unlikely to be a risk to people".to_owned()
        }
        BreachState::Closed => match breach.closed {
            Some(on) => format!("Closed on {}", short_date(on)),
            None => "Closed".to_owned(),
        },
    };
    ui.label(
        RichText::new(headline)
            .size(theme::text::DUE_DATE)
            .color(colour),
    );
    ui.label(RichText::new(breach_clock::working(breach.aware, zone)).weak());
}

#[expect(
    clippy::too_many_lines,
    reason = "the facts form, field by field, in the order the ICO's log lists them"
)]
fn facts_ui(
    ui: &mut egui::Ui,
    context: ScreenContext<'_>,
    draft: &mut FactsDraft,
    commands: &mut Vec<Command>,
) {
    let width = field_width(ui);
    let ScreenContext {
        workspace,
        now,
        zone,
        today,
        ..
    } = context;
    ui.section_title("What happened");
    // The fields' problems as the last frame left them (what the fields hold until this
    // frame's typing): the form is read once a frame, after it is drawn.
    let issues: Vec<FieldIssue> = match &draft.issues {
        Some(issues) => issues.clone(),
        None => draft.keepable(zone, now).1,
    };
    check_line(ui, &issues, &mut draft.checked);
    let problem = |field: &str| {
        issues
            .iter()
            .find(|issue| issue.field == field)
            .map(|issue| issue.message.clone())
    };
    problem_form(ui, ("breach_facts", draft.base.id.0), draft.checked, |ui| {
        draft.aware.ui(ui, field::AWARE, zone, now);
        ui.problem_line(problem(field::AWARE).as_deref());
        ui.horizontal(|ui| {
            draft.occurred.ui(ui, field::OCCURRED, zone, now);
        });
        ui.checkbox(
            &mut draft.edited.occurred_estimated,
            "That time is an estimate",
        );
        ui.problem_line(problem(field::OCCURRED).as_deref());
        egui::Grid::new(("breach_facts_grid", draft.base.id.0))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .min_col_width(spacing::LABEL_COLUMN)
            .show(ui, |ui| {
                let e = &mut draft.edited;
                ui.form_row(
                    field::NOTICED_BY,
                    FormField::line(&mut e.noticed_by, "e.g. the customer who received it")
                        .width(width),
                    &issues,
                );
                ui.form_row(
                    field::WHAT,
                    FormField::lines(&mut e.what_happened, "").width(width),
                    &issues,
                );
                ui.form_row(
                    field::CAUSE,
                    FormField::lines(
                        &mut e.cause,
                        "e.g. the email address autocompleted to another customer's",
                    )
                    .width(width),
                    &issues,
                );
                ui.label("Type");
                ui.vertical(|ui| {
                    for (kind, words) in [
                        (
                            BreachKind::Confidentiality,
                            "Seen or taken by someone who should not have it",
                        ),
                        (BreachKind::Integrity, "Changed or corrupted"),
                        (BreachKind::Availability, "Lost, deleted or unavailable"),
                    ] {
                        let mut on = e.kinds.contains(&kind);
                        if ui.checkbox(&mut on, words).changed() {
                            if on {
                                e.kinds.push(kind);
                            } else {
                                e.kinds.retain(|k| *k != kind);
                            }
                        }
                    }
                });
                ui.end_row();
            });
        ui.add_space(spacing::ITEM);
        ui.strong("Data affected, from your register");
        if workspace.register.is_empty() {
            ui.label(RichText::new("Your register has no activities yet: add them on the Register screen to link them here.").weak());
        }
        let e = &mut draft.edited;
        for activity in &workspace.register {
            let mut linked = e.activities.contains(&activity.id);
            let purpose = if activity.purpose.trim().is_empty() {
                "(no purpose yet)"
            } else {
                activity.purpose.as_str()
            };
            if ui.checkbox(&mut linked, purpose).changed() {
                if linked {
                    e.activities.push(activity.id);
                } else {
                    e.activities.retain(|id| *id != activity.id);
                    e.data_categories
                        .retain(|link| link.activity != activity.id);
                }
            }
            if linked {
                ui.indent(("categories", activity.id.0), |ui| {
                    ui.horizontal_wrapped(|ui| {
                        for category in &activity.data_categories {
                            let link = CategoryLink {
                                activity: activity.id,
                                category: category.clone(),
                            };
                            let mut on = e.data_categories.contains(&link);
                            if ui.checkbox(&mut on, category).changed() {
                                if on {
                                    e.data_categories.push(link);
                                } else {
                                    e.data_categories.retain(|l| *l != link);
                                }
                            }
                        }
                    });
                });
            }
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(SPECIAL_CATEGORY_QUESTION);
            access::radio_group(ui, SPECIAL_CATEGORY_QUESTION, |ui| {
                ui.radio_value(&mut e.special_category, Some(true), "Yes");
                ui.radio_value(&mut e.special_category, Some(false), "No");
                ui.radio_value(&mut e.special_category, None, "Not known yet");
            });
        });
        egui::Grid::new(("breach_numbers", draft.base.id.0))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .min_col_width(spacing::LABEL_COLUMN)
            .show(ui, |ui| {
                ui.form_row(
                    field::PEOPLE,
                    FormField::line(&mut draft.people, "a number, if known").width(200.0),
                    &issues,
                );
                ui.form_row(
                    field::RECORDS,
                    FormField::line(&mut draft.records, "a number, if known").width(200.0),
                    &issues,
                );
                let e = &mut draft.edited;
                ui.form_row(
                    field::CONSEQUENCES,
                    FormField::lines(
                        &mut e.consequences,
                        "What could happen to the people: e.g. a scam email quoting their order",
                    )
                    .width(width),
                    &issues,
                );
                ui.form_row(
                    field::PROCESSOR,
                    FormField::line(
                        &mut e.processor,
                        "e.g. your email or shop platform, if it happened there",
                    )
                    .width(width),
                    &issues,
                );
            });

        ui.add_space(spacing::ITEM);
        access::heading(ui, "The risk to people", Level::Part);
        ui.label(RichText::new(RISK_ADVICE).weak());
        ui.scope_builder(
            egui::UiBuilder::new()
                .accessibility_role(egui::accesskit::Role::RadioGroup)
                .accessibility_label("The risk to people"),
            |ui| {
                for (level, meaning, example) in RISK_GUIDANCE {
                    let choice = ui.radio_value(
                        &mut draft.risk,
                        Some(level),
                        RichText::new(level.to_string()).strong(),
                    );
                    // Heard with what the level means, as it is seen.
                    access::describe(ui.ctx(), choice.id, meaning);
                    ui.indent(("risk", level as u8), |ui| {
                        ui.label(meaning);
                        ui.label(RichText::new(example).weak());
                    });
                }
            },
        );
        if draft.risk.is_some() {
            let label = ui.label(field::REASONING);
            let response = ui.text_box(&label, &mut draft.reasoning, "What makes harm likely or unlikely: the data, who has it, whether it was recovered", width);
            focus_if_asked(ui, field::REASONING, &response);
            ui.problem_line(problem(field::REASONING).as_deref());
        }

        ui.add_space(spacing::ITEM);
        ui.strong("Steps taken to contain it and put it right");
        let mut remove = None;
        for (index, step) in draft.edited.steps.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(short_date(step.on)).monospace());
                ui.label(&step.what);
                if !draft.base.steps.contains(step) && ui.small_button("Remove").clicked() {
                    remove = Some(index);
                }
            });
        }
        if let Some(index) = remove {
            draft.edited.steps.remove(index);
        }
        ui.horizontal_wrapped(|ui| {
            ui.date_field("Step taken on", &mut draft.step_on, today);
            let label = ui.label("Step");
            ui.add(
                egui::TextEdit::singleline(&mut draft.step_what)
                    .desired_width(260.0)
                    .hint_text("e.g. asked the recipient to delete the email"),
            )
            .labelled_by(label.id);
            let on = parse_day(&draft.step_on);
            if ui
                .add_enabled(
                    on.is_ok() && !draft.step_what.trim().is_empty(),
                    egui::Button::new("Add step"),
                )
                .clicked()
                && let Ok(on) = on
            {
                draft.edited.steps.push(Step {
                    on,
                    what: draft.step_what.trim().to_owned(),
                });
                draft.step_what.clear();
            }
        });
        egui::Grid::new(("breach_lessons", draft.base.id.0))
            .num_columns(2)
            .spacing([12.0, 4.0])
            .min_col_width(spacing::LABEL_COLUMN)
            .show(ui, |ui| {
                ui.form_row(
                    field::LESSONS,
                    FormField::lines(
                        &mut draft.edited.lessons,
                        "What you will do so it does not happen again",
                    )
                    .width(width),
                    &issues,
                );
            });
    });
    // Again after the fields were drawn: this frame's typing counts. What differs from
    // the record is handed to the session, which applies it as one step when the typing
    // pauses (or anything else happens): no Save button, nothing lost on leaving. A field
    // with a problem keeps its last good value; the others are kept as typed.
    let (mut kept, issues) = draft.keepable(zone, now);
    kept.id = draft.base.id;
    draft.issues = Some(issues.clone());
    // Also when the form is back where the record is (a field's own undo): what was
    // handed over before must not be applied after it.
    let handed_over = draft.held.is_some();
    if draft.held.as_ref() != Some(&kept) && (draft.differs(&kept) || handed_over) {
        draft.held = Some(kept.clone());
        commands.push(Command::HoldBreachFacts(Box::new(kept)));
    }
    // One line that is always there: a slip being typed never moves the sections below.
    // Each problem is in full under its field and in Check's list.
    if issues.is_empty() {
        ui.problem_line(None);
        ui.label(RichText::new("Kept as you type; Edit › Undo takes a change back.").weak());
    } else {
        let fields: Vec<&str> = issues.iter().map(|issue| issue.field).collect();
        ui.problem_line(Some(&format!(
            "Not kept until fixed: {} (the rest of the form is kept)",
            fields.join(", ")
        )));
        ui.label(
            RichText::new("Each problem is said under its field; Check lists them all.").weak(),
        );
    }
    let _ = (workspace, today);
}
