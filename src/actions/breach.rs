//! A change to a breach's record, each through its own rule: the window's forms, the
//! greyed buttons that try a change ahead, and the app all go through [`change_breach`]
//! or [`try_change`], so a button is greyed by the very rule that would refuse it.

use super::Now;
use crate::domain::{
    BreachId, Workspace,
    breaches::{Breach, BreachError, Decision, IcoReport, Individuals},
    workspace::RuleError,
};

/// The changes a breach's record takes besides its facts (which the facts form hands to
/// the session as they are typed, applied by `Workspace::update_breach`).
#[derive(Debug, Clone, PartialEq)]
pub enum BreachChange {
    Decide(Decision),
    Report {
        report: IcoReport,
        delay_reasons: String,
    },
    People(Individuals),
    /// The Art. 34 letter, as sent on a day: the people told, the words kept.
    LetterSent {
        text: String,
        on: jiff::civil::Date,
    },
    Close(jiff::civil::Date),
}

impl BreachChange {
    /// The undo step's name.
    pub fn describe(&self) -> &'static str {
        match self {
            BreachChange::Decide(_) => "Record the ICO decision on",
            BreachChange::Report { .. } => "Record the ICO report of",
            BreachChange::People(_) => "Record telling people about",
            BreachChange::LetterSent { .. } => "Record the letter sent for",
            BreachChange::Close(_) => "Close",
        }
    }
}

/// Applies `change` to one breach through its rule (on a copy, to ask ahead whether the
/// rule would refuse it, and why).
pub fn try_change(
    breach: &mut Breach,
    change: &BreachChange,
    now: &Now,
) -> Result<(), BreachError> {
    let (at, zone) = (now.timestamp(), now.time_zone());
    match change.clone() {
        BreachChange::Decide(decision) => breach.decide(decision, at, zone),
        BreachChange::Report {
            report,
            delay_reasons,
        } => breach.record_report(report, delay_reasons, at, zone),
        BreachChange::People(individuals) => breach.record_people(individuals, at, zone),
        BreachChange::LetterSent { text, on } => breach.record_letter_sent(text, on, at, zone),
        BreachChange::Close(on) => breach.close(on, at, zone),
    }
}

/// Applies `change` to breach `id` in the workspace through the breach's own rule, the
/// one a greyed button asked with [`try_change`].
pub fn change_breach(
    workspace: &mut Workspace,
    id: BreachId,
    change: &BreachChange,
    now: &Now,
) -> Result<(), RuleError> {
    workspace.change_breach(id, |breach| try_change(breach, change, now))
}
