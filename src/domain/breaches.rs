//! The breach log: every personal-data breach, reported or not (Art. 33(5)), with the
//! facts, the risk judged, the decision to report to the ICO and why, and what was done.

use std::fmt::{self, Write as _};

use jiff::{Timestamp, civil::Date, tz::TimeZone};
use serde::{Deserialize, Serialize};

use super::{
    breach_clock::{report_deadline, uk_minute},
    ids::{ActivityId, BreachId},
    validate::FieldIssue,
};

/// What the breach did to the data (the ICO's three kinds; one breach may be several).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BreachKind {
    /// Seen or taken by someone who should not have it.
    Confidentiality,
    /// Changed or corrupted.
    Integrity,
    /// Lost or made unavailable.
    Availability,
}

/// The risk to people, in the three levels the law turns on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RiskLevel {
    /// Unlikely to result in a risk: recorded, not reported (Art. 33(1)).
    Unlikely,
    /// A risk: reported to the ICO within 72 hours.
    Risk,
    /// A high risk: reported, and the people affected told (Art. 34).
    High,
}

impl fmt::Display for RiskLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RiskLevel::Unlikely => "Unlikely to be a risk",
            RiskLevel::Risk => "A risk",
            RiskLevel::High => "A high risk",
        })
    }
}

/// The risk judged, with the reasoning that supports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskAssessment {
    pub level: RiskLevel,
    pub reasoning: String,
}

/// A data category of a register activity, linked rather than retyped so the log
/// follows the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryLink {
    pub activity: ActivityId,
    pub category: String,
}

/// A containment or remedial step and when it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub on: Date,
    pub what: String,
}

/// The decision whether to report to the ICO, recorded by name and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub report: bool,
    pub reasons: String,
    pub decided_by: String,
    pub decided_on: Date,
}

/// The report made to the ICO.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IcoReport {
    pub at: Timestamp,
    /// The ICO's case reference, once given.
    pub reference: String,
}

/// Whether the people affected were told (Art. 34).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Individuals {
    Told { on: Date, how: String },
    NotTold { why: String },
}

/// One dated line of a breach's history; entries are only ever added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BreachEntry {
    pub at: Timestamp,
    pub text: String,
    /// A letter sent to the people affected, word for word as it went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letter: Option<String>,
}

impl BreachEntry {
    pub fn new(at: Timestamp, text: impl Into<String>) -> Self {
        Self {
            at,
            text: text.into(),
            letter: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Breach {
    pub id: BreachId,
    /// "B-2026-001": year the shop became aware, then a number.
    pub reference: String,
    pub what_happened: String,
    /// When it happened, if known.
    pub occurred: Option<Timestamp>,
    /// Whether `occurred` is an estimate.
    pub occurred_estimated: bool,
    /// When the shop became aware: the 72-hour clock starts here.
    pub aware: Timestamp,
    pub noticed_by: String,
    pub cause: String,
    pub kinds: Vec<BreachKind>,
    pub activities: Vec<ActivityId>,
    pub data_categories: Vec<CategoryLink>,
    /// Whether special category or criminal-offence data was involved; `None` until the
    /// shop answers (the answer moves the risk, so it is never assumed "no").
    pub special_category: Option<bool>,
    pub people_affected: Option<u64>,
    pub records_affected: Option<u64>,
    pub consequences: String,
    pub risk: Option<RiskAssessment>,
    pub steps: Vec<Step>,
    pub decision: Option<Decision>,
    pub report: Option<IcoReport>,
    /// Why a report came after the 72 hours (Art. 33(1)).
    pub delay_reasons: String,
    pub individuals: Option<Individuals>,
    /// A processor or joint controller involved, if any.
    pub processor: String,
    pub lessons: String,
    pub closed: Option<Date>,
    pub timeline: Vec<BreachEntry>,
}

/// Where a breach stands against the 72-hour clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreachState {
    /// Within the 72 hours, not yet reported or decided against.
    Open,
    /// Past the 72 hours with no report and no decision not to report.
    Overdue,
    /// Reported after the 72 hours: the report must give the reasons.
    ReportedLate,
    ReportedInTime,
    DecidedNotToReport,
    Closed,
}

impl fmt::Display for BreachState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BreachState::Open => "open",
            BreachState::Overdue => "overdue",
            BreachState::ReportedLate => "reported late",
            BreachState::ReportedInTime => "reported in time",
            BreachState::DecidedNotToReport => "not reported",
            BreachState::Closed => "closed",
        })
    }
}

impl Breach {
    pub fn new(id: BreachId, reference: String, aware: Timestamp, what_happened: String) -> Self {
        Self {
            id,
            reference,
            what_happened,
            occurred: None,
            occurred_estimated: false,
            aware,
            noticed_by: String::new(),
            cause: String::new(),
            kinds: Vec::new(),
            activities: Vec::new(),
            data_categories: Vec::new(),
            special_category: None,
            people_affected: None,
            records_affected: None,
            consequences: String::new(),
            risk: None,
            steps: Vec::new(),
            decision: None,
            report: None,
            delay_reasons: String::new(),
            individuals: None,
            processor: String::new(),
            lessons: String::new(),
            closed: None,
            timeline: vec![BreachEntry::new(aware, "Became aware")],
        }
    }

    /// The instant by which to report to the ICO.
    pub fn deadline(&self) -> Timestamp {
        report_deadline(self.aware)
    }

    pub fn state(&self, now: Timestamp) -> BreachState {
        if self.closed.is_some() {
            BreachState::Closed
        } else if let Some(report) = &self.report {
            if report.at > self.deadline() {
                BreachState::ReportedLate
            } else {
                BreachState::ReportedInTime
            }
        } else if self.decision.as_ref().is_some_and(|d| !d.report) {
            BreachState::DecidedNotToReport
        } else if now > self.deadline() {
            BreachState::Overdue
        } else {
            BreachState::Open
        }
    }

    /// A day the user gave for something done about this breach: not before the UK day
    /// the shop became aware, not after today (`at`'s UK day).
    fn check_day(
        &self,
        day: Date,
        at: Timestamp,
        zone: &TimeZone,
        what: &'static str,
    ) -> Result<(), BreachError> {
        let aware = self.aware.to_zoned(zone.clone()).date();
        let today = at.to_zoned(zone.clone()).date();
        if day < aware {
            return Err(BreachError::BeforeAware { what, day, aware });
        }
        if day > today {
            return Err(BreachError::AfterToday { what, day, today });
        }
        Ok(())
    }

    /// Whether the 72 hours still call for action: not closed, not reported, and not
    /// decided against reporting.
    pub fn awaits_report(&self) -> bool {
        self.closed.is_none()
            && self.report.is_none()
            && self.decision.as_ref().is_none_or(|d| d.report)
    }

    fn is_high_risk(&self) -> bool {
        self.risk
            .as_ref()
            .is_some_and(|r| r.level == RiskLevel::High)
    }

    /// The problems `smallprint check` lists for this breach.
    pub fn issues(&self) -> Vec<FieldIssue> {
        let record = format!("Breach {}", self.reference);
        let issue = |field, message: &str| FieldIssue {
            record: record.clone(),
            field,
            message: message.to_owned(),
        };
        let mut issues = Vec::new();
        if self.decision.is_none() {
            issues.push(issue(
                "Decision",
                "no decision yet whether to report it to the ICO (Art. 33(1)); record it with your reasons",
            ));
        }
        if self.decision.as_ref().is_some_and(|d| d.report) && self.report.is_none() {
            issues.push(issue(
                "Reported",
                "decided to report it to the ICO but no report date and time is recorded",
            ));
        }
        if self.report.as_ref().is_some_and(|r| r.at > self.deadline())
            && self.delay_reasons.trim().is_empty()
        {
            issues.push(issue(
                "Reasons for delay",
                "reported after 72 hours: a late report must give the reasons for the delay (Art. 33(1))",
            ));
        }
        if self.decision.as_ref().is_some_and(|d| !d.report)
            && self
                .risk
                .as_ref()
                .is_some_and(|r| r.level != RiskLevel::Unlikely)
        {
            issues.push(issue(
                "Decision",
                "decided not to report it, but it is now judged a risk to people: record a new decision (Art. 33(1))",
            ));
        }
        if self.is_high_risk() && self.individuals.is_none() {
            issues.push(issue(
                "People told",
                "a high risk: record whether the people affected were told (Art. 34), when and how, or why not",
            ));
        }
        if self
            .risk
            .as_ref()
            .is_some_and(|r| r.level == RiskLevel::Unlikely && r.reasoning.trim().is_empty())
        {
            issues.push(issue(
                "Risk reasoning",
                "judged unlikely to be a risk: write down why, as the ICO may ask (Art. 33(5))",
            ));
        }
        issues
    }
}

/// Why a change to a breach was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BreachError {
    #[error(
        "a breach judged unlikely to be a risk needs the reasoning written down before the decision is recorded"
    )]
    NoRiskReasoning,
    #[error("a decision not to report needs its reasons (Art. 33(5))")]
    NoDecisionReasons,
    #[error("say who made the decision")]
    NoDecider,
    #[error("record whether to report it to the ICO before closing it")]
    Undecided,
    #[error("judge the risk to people first: the decision follows from it")]
    RiskNotJudged,
    #[error(
        "a breach judged a risk to people must be reported to the ICO (Art. 33(1)); if it is unlikely to be a risk, change the risk and write down why"
    )]
    RiskMustBeReported,
    #[error("say what happened")]
    NoWhatHappened,
    #[error("it cannot have happened after you became aware of it")]
    OccurredAfterAware,
    #[error("{0} is in the future")]
    InTheFuture(&'static str),
    #[error("each step needs what was done")]
    EmptyStep,
    #[error("record the decision to report it to the ICO first, with its reasons")]
    NotDecidedToReport,
    #[error("a report cannot be made before you became aware of the breach")]
    ReportBeforeAware,
    #[error(
        "this report is after the 72 hours: give the reasons for the delay, as the ICO's form asks (Art. 33(1))"
    )]
    LateWithoutReasons,
    #[error("say how the people affected were told (email, letter, phone)")]
    NoHowTold,
    #[error("say why the people affected are not being told (Art. 34(3))")]
    NoWhyNotTold,
    #[error("the breach already records whether the people affected were told")]
    PeopleAlreadyRecorded,
    #[error("{what}, {day}, is before you became aware of the breach ({aware})")]
    BeforeAware {
        what: &'static str,
        day: Date,
        aware: Date,
    },
    #[error("{what}, {day}, is after today ({today})")]
    AfterToday {
        what: &'static str,
        day: Date,
        today: Date,
    },
    #[error(
        "a high-risk breach cannot be closed before deciding whether to tell the people affected (Art. 34)"
    )]
    PeopleNotDecided,
}

impl Breach {
    /// Records the ICO decision, refused when the record cannot support it.
    pub fn decide(
        &mut self,
        decision: Decision,
        at: Timestamp,
        zone: &TimeZone,
    ) -> Result<(), BreachError> {
        self.check_day(decision.decided_on, at, zone, "the decision's date")?;
        let Some(risk) = &self.risk else {
            return Err(BreachError::RiskNotJudged);
        };
        if !decision.report && risk.level != RiskLevel::Unlikely {
            return Err(BreachError::RiskMustBeReported);
        }
        if risk.level == RiskLevel::Unlikely && risk.reasoning.trim().is_empty() {
            return Err(BreachError::NoRiskReasoning);
        }
        if !decision.report && decision.reasons.trim().is_empty() {
            return Err(BreachError::NoDecisionReasons);
        }
        if decision.decided_by.trim().is_empty() {
            return Err(BreachError::NoDecider);
        }
        let verb = if self.decision.is_some() {
            "changed the decision:"
        } else {
            "decided"
        };
        let text = format!(
            "{} {verb} {} the ICO: {}",
            decision.decided_by,
            if decision.report {
                "to report it to"
            } else {
                "not to report it to"
            },
            decision.reasons
        );
        self.decision = Some(decision);
        self.timeline.push(BreachEntry::new(at, text));
        Ok(())
    }

    /// Closes the breach, refused while a decision the law needs is missing.
    pub fn close(&mut self, on: Date, at: Timestamp, zone: &TimeZone) -> Result<(), BreachError> {
        self.check_day(on, at, zone, "the day it closed")?;
        if self.decision.is_none() {
            return Err(BreachError::Undecided);
        }
        if self.is_high_risk() && self.individuals.is_none() {
            return Err(BreachError::PeopleNotDecided);
        }
        self.closed = Some(on);
        self.timeline.push(BreachEntry::new(at, "Closed"));
        Ok(())
    }
}

impl Breach {
    /// Records that the people affected were told by the letter `text`, sent on `on`:
    /// kept word for word in the timeline, as a request's letters are.
    pub fn record_letter_sent(
        &mut self,
        text: String,
        on: Date,
        at: Timestamp,
        zone: &TimeZone,
    ) -> Result<(), BreachError> {
        self.check_day(on, at, zone, "the day it was sent")?;
        if self.individuals.is_some() {
            return Err(BreachError::PeopleAlreadyRecorded);
        }
        self.individuals = Some(Individuals::Told {
            on,
            how: LETTER_TO_PEOPLE.to_owned(),
        });
        self.timeline.push(BreachEntry {
            at,
            text: format!("People affected told on {on} by {LETTER_TO_PEOPLE}, kept as sent"),
            letter: Some(text),
        });
        Ok(())
    }
}

/// How the record names the Art. 34 letter when it was the way people were told.
pub const LETTER_TO_PEOPLE: &str = "the letter to the people affected (Art. 34)";

/// The fields of the breach's facts, with the words the timeline uses for each; the
/// decision, the report, telling people and closing have rules of their own.
fn changed_facts(old: &Breach, new: &Breach) -> Vec<&'static str> {
    let pairs = [
        ("what happened", old.what_happened != new.what_happened),
        (
            "when it happened",
            old.occurred != new.occurred || old.occurred_estimated != new.occurred_estimated,
        ),
        ("when you became aware", old.aware != new.aware),
        ("who noticed", old.noticed_by != new.noticed_by),
        ("cause", old.cause != new.cause),
        ("type", old.kinds != new.kinds),
        (
            "data affected",
            old.activities != new.activities
                || old.data_categories != new.data_categories
                || old.special_category != new.special_category,
        ),
        (
            "numbers affected",
            old.people_affected != new.people_affected
                || old.records_affected != new.records_affected,
        ),
        ("likely consequences", old.consequences != new.consequences),
        ("processor", old.processor != new.processor),
        ("lessons learned", old.lessons != new.lessons),
    ];
    pairs
        .into_iter()
        .filter_map(|(name, changed)| changed.then_some(name))
        .collect()
}

impl Breach {
    /// Takes the facts of `edited` (everything but the decision, the report, the people
    /// told, closing and the timeline), adding to the timeline what changed: the risk
    /// judged and each new step in words of their own, the other facts by name.
    pub fn update_facts(
        &mut self,
        edited: &Breach,
        at: Timestamp,
        zone: &TimeZone,
    ) -> Result<(), BreachError> {
        if edited.what_happened.trim().is_empty() {
            return Err(BreachError::NoWhatHappened);
        }
        if edited.aware > at {
            return Err(BreachError::InTheFuture("when you became aware"));
        }
        if edited
            .occurred
            .is_some_and(|occurred| occurred > edited.aware)
        {
            return Err(BreachError::OccurredAfterAware);
        }
        if edited.steps.iter().any(|step| step.what.trim().is_empty()) {
            return Err(BreachError::EmptyStep);
        }
        if self.decision.is_some()
            && edited
                .risk
                .as_ref()
                .is_some_and(|r| r.level == RiskLevel::Unlikely && r.reasoning.trim().is_empty())
        {
            return Err(BreachError::NoRiskReasoning);
        }
        let mut entries = Vec::new();
        if edited.aware != self.aware {
            entries.push(format!(
                "Became aware corrected from {} to {}: the 72 hours now end {}",
                uk_minute(self.aware, zone),
                uk_minute(edited.aware, zone),
                uk_minute(report_deadline(edited.aware), zone)
            ));
        }
        let changed: Vec<&str> = changed_facts(self, edited)
            .into_iter()
            .filter(|name| *name != "when you became aware")
            .collect();
        if !changed.is_empty() {
            entries.push(format!("Updated: {}", changed.join(", ")));
        }
        if edited.risk != self.risk {
            entries.push(match &edited.risk {
                Some(risk) if risk.reasoning.trim().is_empty() => {
                    format!("Risk judged: {risk_level}", risk_level = risk.level)
                }
                Some(risk) => format!("Risk judged: {} — {}", risk.level, risk.reasoning.trim()),
                None => "Risk judgement removed".to_owned(),
            });
        }
        for step in edited
            .steps
            .iter()
            .filter(|step| !self.steps.contains(step))
        {
            entries.push(format!("Step taken {}: {}", step.on, step.what.trim()));
        }
        if entries.is_empty() {
            return Ok(());
        }
        let timeline = std::mem::take(&mut self.timeline);
        let (decision, report, delay_reasons, individuals, closed) = (
            self.decision.take(),
            self.report.take(),
            std::mem::take(&mut self.delay_reasons),
            self.individuals.take(),
            self.closed.take(),
        );
        *self = Breach {
            id: self.id,
            reference: std::mem::take(&mut self.reference),
            decision,
            report,
            delay_reasons,
            individuals,
            closed,
            timeline,
            ..edited.clone()
        };
        self.timeline
            .extend(entries.into_iter().map(|text| BreachEntry::new(at, text)));
        Ok(())
    }

    /// Records the report made to the ICO (after a decision to report), with the
    /// reasons for any delay past the 72 hours.
    pub fn record_report(
        &mut self,
        report: IcoReport,
        delay_reasons: String,
        at: Timestamp,
        zone: &TimeZone,
    ) -> Result<(), BreachError> {
        if !self.decision.as_ref().is_some_and(|d| d.report) {
            return Err(BreachError::NotDecidedToReport);
        }
        if report.at > at {
            return Err(BreachError::InTheFuture("the report's date and time"));
        }
        if report.at < self.aware {
            return Err(BreachError::ReportBeforeAware);
        }
        let late = report.at > self.deadline();
        if late && delay_reasons.trim().is_empty() {
            return Err(BreachError::LateWithoutReasons);
        }
        let mut text = format!("Reported to the ICO at {}", uk_minute(report.at, zone));
        if !report.reference.trim().is_empty() {
            let _ = write!(text, ", reference {}", report.reference.trim());
        }
        if late {
            let _ = write!(
                text,
                ", after the 72 hours (they ended {}); reasons for the delay: {}",
                uk_minute(self.deadline(), zone),
                delay_reasons.trim()
            );
        }
        self.report = Some(report);
        self.delay_reasons = if late { delay_reasons } else { String::new() };
        self.timeline.push(BreachEntry::new(at, text));
        Ok(())
    }

    /// Records whether the people affected were told (Art. 34), and how or why not.
    pub fn record_people(
        &mut self,
        individuals: Individuals,
        at: Timestamp,
        zone: &TimeZone,
    ) -> Result<(), BreachError> {
        if let Individuals::Told { on, .. } = &individuals {
            self.check_day(*on, at, zone, "the day they were told")?;
        }
        let text = match &individuals {
            Individuals::Told { how, .. } if how.trim().is_empty() => {
                return Err(BreachError::NoHowTold);
            }
            Individuals::NotTold { why } if why.trim().is_empty() => {
                return Err(BreachError::NoWhyNotTold);
            }
            Individuals::Told { on, how } => {
                format!("People affected told on {on} by {}", how.trim())
            }
            Individuals::NotTold { why } => {
                format!("People affected not told: {}", why.trim())
            }
        };
        self.individuals = Some(individuals);
        self.timeline.push(BreachEntry::new(at, text));
        Ok(())
    }
}

/// The next free reference for a breach the shop became aware of in `year`: `B-2026-004`.
pub fn next_reference(breaches: &[Breach], year: i16) -> String {
    super::ids::next_reference('B', breaches.iter().map(|b| b.reference.as_str()), year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn at(text: &str) -> Timestamp {
        text.parse().expect("instant")
    }

    fn breach() -> Breach {
        Breach::new(
            BreachId(1),
            "B-2026-001".into(),
            at("2026-06-01T08:00:00Z"),
            "Order confirmation emailed to the wrong customer".into(),
        )
    }

    fn decision(report: bool, reasons: &str) -> Decision {
        Decision {
            report,
            reasons: reasons.into(),
            decided_by: "Morwenna Tallis".into(),
            decided_on: date(2026, 6, 1),
        }
    }

    #[test]
    fn states_follow_the_72_hours() {
        let mut b = breach();
        assert_eq!(b.state(at("2026-06-04T08:00:00Z")), BreachState::Open);
        assert_eq!(b.state(at("2026-06-04T08:01:00Z")), BreachState::Overdue);
        b.decision = Some(decision(true, "names and addresses of 40 people"));
        assert_eq!(b.state(at("2026-06-05T00:00:00Z")), BreachState::Overdue);
        b.report = Some(IcoReport {
            at: at("2026-06-04T08:00:00Z"),
            reference: String::new(),
        });
        assert_eq!(
            b.state(at("2026-06-09T00:00:00Z")),
            BreachState::ReportedInTime
        );
        b.report = Some(IcoReport {
            at: at("2026-06-04T08:01:00Z"),
            reference: String::new(),
        });
        assert_eq!(
            b.state(at("2026-06-09T00:00:00Z")),
            BreachState::ReportedLate
        );
        b.closed = Some(date(2026, 6, 10));
        assert_eq!(b.state(at("2026-06-11T00:00:00Z")), BreachState::Closed);
        let mut not = breach();
        not.decision = Some(decision(false, "one email, recalled unread"));
        assert_eq!(
            not.state(at("2026-07-01T00:00:00Z")),
            BreachState::DecidedNotToReport
        );
    }

    fn fields(b: &Breach) -> Vec<&'static str> {
        b.issues().iter().map(|i| i.field).collect()
    }

    #[test]
    fn check_names_each_missing_decision() {
        let mut b = breach();
        assert_eq!(fields(&b), ["Decision"]);
        b.decision = Some(decision(true, "a risk"));
        assert_eq!(fields(&b), ["Reported"]);
        b.report = Some(IcoReport {
            at: at("2026-06-05T08:00:00Z"),
            reference: "IC-000000-FICT".into(),
        });
        assert_eq!(fields(&b), ["Reasons for delay"]);
        b.delay_reasons = "the shop was closed for a bank holiday".into();
        assert!(fields(&b).is_empty());
        b.risk = Some(RiskAssessment {
            level: RiskLevel::High,
            reasoning: "bank details".into(),
        });
        assert_eq!(fields(&b), ["People told"]);
        let mut unlikely = breach();
        unlikely.risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: " ".into(),
        });
        assert_eq!(fields(&unlikely), ["Decision", "Risk reasoning"]);
    }

    #[test]
    fn not_a_risk_cannot_be_decided_without_reasons() {
        let mut b = breach();
        b.risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: String::new(),
        });
        let now = at("2026-06-01T09:00:00Z");
        assert_eq!(
            b.decide(decision(false, "recalled unread"), now, &uk()),
            Err(BreachError::NoRiskReasoning)
        );
        assert_eq!(b.decision, None);
        b.risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: "the recipient confirmed deletion".into(),
        });
        assert_eq!(
            b.decide(decision(false, ""), now, &uk()),
            Err(BreachError::NoDecisionReasons)
        );
        assert_eq!(
            b.decide(decision(false, "recalled unread"), now, &uk()),
            Ok(())
        );
        assert_eq!(b.timeline.len(), 2);
    }

    #[test]
    fn high_risk_cannot_be_closed_without_a_decision_about_telling_people() {
        let mut b = breach();
        let now = at("2026-06-02T09:00:00Z");
        assert_eq!(
            b.close(date(2026, 6, 2), now, &uk()),
            Err(BreachError::Undecided)
        );
        b.risk = Some(RiskAssessment {
            level: RiskLevel::High,
            reasoning: "card details".into(),
        });
        b.decide(decision(true, "high risk"), now, &uk())
            .expect("decided");
        assert_eq!(
            b.close(date(2026, 6, 2), now, &uk()),
            Err(BreachError::PeopleNotDecided)
        );
        assert_eq!(b.closed, None);
        b.individuals = Some(Individuals::Told {
            on: date(2026, 6, 2),
            how: "email".into(),
        });
        assert_eq!(b.close(date(2026, 6, 2), now, &uk()), Ok(()));
        assert_eq!(b.state(now), BreachState::Closed);
    }

    fn uk() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule")
    }

    #[expect(
        clippy::unnecessary_wraps,
        reason = "the tests assign it to `Breach::risk`, an Option"
    )]
    fn judged(level: RiskLevel, reasoning: &str) -> Option<RiskAssessment> {
        Some(RiskAssessment {
            level,
            reasoning: reasoning.into(),
        })
    }

    #[test]
    fn the_decision_follows_the_risk() {
        let mut b = breach();
        let now = at("2026-06-01T09:00:00Z");
        assert_eq!(
            b.decide(decision(false, "one email"), now, &uk()),
            Err(BreachError::RiskNotJudged)
        );
        b.risk = judged(RiskLevel::Risk, "home addresses");
        assert_eq!(
            b.decide(decision(false, "one email"), now, &uk()),
            Err(BreachError::RiskMustBeReported)
        );
        assert_eq!(b.decision, None);
        assert_eq!(
            b.decide(decision(true, "home addresses"), now, &uk()),
            Ok(())
        );
    }

    #[test]
    fn fact_updates_add_to_the_timeline_and_keep_the_decisions() {
        let mut b = breach();
        let now = at("2026-06-01T10:00:00Z");
        b.risk = judged(RiskLevel::Unlikely, "recalled unread");
        b.decide(decision(false, "recalled unread"), now, &uk())
            .expect("decided");
        let mut edited = b.clone();
        edited.cause = "autocomplete picked the wrong address".into();
        edited.consequences = "none expected".into();
        edited.steps.push(Step {
            on: date(2026, 6, 1),
            what: "asked the recipient to delete it".into(),
        });
        // The form cannot change what has rules of its own.
        edited.decision = None;
        edited.timeline.clear();
        let before = b.timeline.clone();
        b.update_facts(&edited, now, &uk()).expect("updated");
        assert_eq!(b.timeline[..before.len()], before[..], "append-only");
        let added: Vec<&str> = b.timeline[before.len()..]
            .iter()
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(
            added,
            [
                "Updated: cause, likely consequences",
                "Step taken 2026-06-01: asked the recipient to delete it"
            ]
        );
        assert!(b.decision.is_some());
        assert_eq!(b.cause, "autocomplete picked the wrong address");
        // Nothing changed: nothing added.
        let same = b.clone();
        b.update_facts(&same, now, &uk()).expect("no change");
        assert_eq!(b, same);
    }

    #[test]
    fn a_decided_breach_cannot_lose_its_risk_reasoning() {
        let mut b = breach();
        let now = at("2026-06-01T10:00:00Z");
        b.risk = judged(RiskLevel::Unlikely, "recalled unread");
        b.decide(decision(false, "recalled unread"), now, &uk())
            .expect("decided");
        let mut edited = b.clone();
        edited.risk = judged(RiskLevel::Unlikely, "  ");
        let before = b.clone();
        assert_eq!(
            b.update_facts(&edited, now, &uk()),
            Err(BreachError::NoRiskReasoning)
        );
        assert_eq!(b, before);
        edited.risk = judged(RiskLevel::High, "bank details were attached");
        b.update_facts(&edited, now, &uk())
            .expect("a new judgement");
        assert_eq!(
            b.timeline.last().map(|e| e.text.as_str()),
            Some("Risk judged: A high risk — bank details were attached")
        );
        assert!(
            fields(&b).contains(&"Decision"),
            "decided not to report a high risk: {:?}",
            fields(&b)
        );
    }

    #[test]
    fn facts_that_cannot_be_true_are_refused() {
        let mut b = breach();
        let now = at("2026-06-01T10:00:00Z");
        let mut edited = b.clone();
        edited.occurred = Some(at("2026-06-01T09:00:00Z"));
        assert_eq!(
            b.update_facts(&edited, now, &uk()),
            Err(BreachError::OccurredAfterAware)
        );
        edited.occurred = None;
        edited.aware = at("2026-06-01T11:00:00Z");
        assert_eq!(
            b.update_facts(&edited, now, &uk()),
            Err(BreachError::InTheFuture("when you became aware"))
        );
        edited.aware = at("2026-03-29T00:30:00Z");
        b.update_facts(&edited, now, &uk()).expect("corrected");
        // 00:30 GMT on the morning the clocks go forward: 72 elapsed hours later is
        // 00:30 UTC on 1 April, 01:30 BST.
        assert_eq!(
            b.timeline.last().map(|e| e.text.as_str()),
            Some(
                "Became aware corrected from 2026-06-01 09:00 to 2026-03-29 00:30: the 72 hours now end 2026-04-01 01:30"
            )
        );
    }

    #[test]
    fn a_report_needs_a_decision_and_a_late_one_its_reasons() {
        let mut b = breach();
        let now = at("2026-06-10T10:00:00Z");
        let report = |when: &str| IcoReport {
            at: at(when),
            reference: "IC-000000-FICT".into(),
        };
        assert_eq!(
            b.record_report(report("2026-06-02T10:00:00Z"), String::new(), now, &uk()),
            Err(BreachError::NotDecidedToReport)
        );
        b.risk = judged(RiskLevel::Risk, "home addresses");
        b.decide(decision(true, "home addresses"), now, &uk())
            .expect("decided");
        assert_eq!(
            b.record_report(report("2026-05-31T10:00:00Z"), String::new(), now, &uk()),
            Err(BreachError::ReportBeforeAware)
        );
        // Aware 08:00 UTC on 1 June: the 72 hours end 08:00 UTC on 4 June.
        assert_eq!(
            b.record_report(report("2026-06-04T08:01:00Z"), " ".into(), now, &uk()),
            Err(BreachError::LateWithoutReasons)
        );
        assert_eq!(b.report, None);
        b.record_report(
            report("2026-06-04T08:00:00Z"),
            "ignored when in time".into(),
            now,
            &uk(),
        )
        .expect("in time");
        assert_eq!(b.delay_reasons, "");
        b.record_report(
            report("2026-06-04T08:01:00Z"),
            "the owner was in hospital".into(),
            now,
            &uk(),
        )
        .expect("late with reasons");
        assert_eq!(b.state(now), BreachState::ReportedLate);
        assert!(
            b.timeline
                .last()
                .is_some_and(|e| e.text.contains("the owner was in hospital")
                    && e.text.contains("2026-06-04 09:01"))
        );
    }

    #[test]
    fn telling_people_needs_how_or_why_not() {
        let mut b = breach();
        let now = at("2026-06-02T10:00:00Z");
        assert_eq!(
            b.record_people(
                Individuals::Told {
                    on: date(2026, 6, 2),
                    how: " ".into()
                },
                now,
                &uk()
            ),
            Err(BreachError::NoHowTold)
        );
        assert_eq!(
            b.record_people(Individuals::NotTold { why: String::new() }, now, &uk()),
            Err(BreachError::NoWhyNotTold)
        );
        b.record_people(
            Individuals::Told {
                on: date(2026, 6, 2),
                how: "email".into(),
            },
            now,
            &uk(),
        )
        .expect("told");
        assert_eq!(
            b.timeline.last().map(|e| e.text.as_str()),
            Some("People affected told on 2026-06-02 by email")
        );
    }

    #[test]
    fn days_given_must_lie_between_becoming_aware_and_today() {
        let mut b = breach();
        b.risk = judged(RiskLevel::Unlikely, "recalled unread");
        // Aware 09:00 BST on 1 June; "today" is 10 June.
        let now = at("2026-06-10T10:00:00Z");
        let on = |day: Date| Decision {
            decided_on: day,
            ..decision(false, "recalled unread")
        };
        assert_eq!(
            b.decide(on(date(2026, 5, 31)), now, &uk()),
            Err(BreachError::BeforeAware {
                what: "the decision's date",
                day: date(2026, 5, 31),
                aware: date(2026, 6, 1),
            })
        );
        assert_eq!(
            b.decide(on(date(2026, 12, 25)), now, &uk()),
            Err(BreachError::AfterToday {
                what: "the decision's date",
                day: date(2026, 12, 25),
                today: date(2026, 6, 10),
            })
        );
        assert_eq!(b.decision, None);
        b.decide(on(date(2026, 6, 10)), now, &uk())
            .expect("today is fine");
        assert!(matches!(
            b.close(date(2026, 5, 1), now, &uk()),
            Err(BreachError::BeforeAware { .. })
        ));
        assert!(matches!(
            b.record_people(
                Individuals::Told {
                    on: date(2026, 6, 11),
                    how: "email".into()
                },
                now,
                &uk()
            ),
            Err(BreachError::AfterToday { .. })
        ));
        // Aware 23:30 UTC on 31 May is 00:30 BST on 1 June: 31 May is before it.
        let mut late = breach();
        late.aware = at("2026-05-31T23:30:00Z");
        late.risk = judged(RiskLevel::Unlikely, "recalled unread");
        assert!(matches!(
            late.decide(on(date(2026, 5, 31)), now, &uk()),
            Err(BreachError::BeforeAware { .. })
        ));
    }

    #[test]
    fn a_letter_marked_sent_tells_the_people_and_is_kept_word_for_word() {
        let mut b = breach();
        let now = at("2026-06-02T10:00:00Z");
        let letter = "Dear Ffion Testperson,\nWe are writing to tell you…".to_owned();
        b.record_letter_sent(letter.clone(), date(2026, 6, 2), now, &uk())
            .expect("sent");
        assert_eq!(
            b.individuals,
            Some(Individuals::Told {
                on: date(2026, 6, 2),
                how: LETTER_TO_PEOPLE.to_owned()
            })
        );
        assert_eq!(
            b.timeline.last().and_then(|e| e.letter.as_deref()),
            Some(letter.as_str())
        );
        // Once told, not again; and the words round-trip through the file.
        let before = b.clone();
        assert_eq!(
            b.record_letter_sent("again".into(), date(2026, 6, 2), now, &uk()),
            Err(BreachError::PeopleAlreadyRecorded)
        );
        assert_eq!(b, before);
        let json = serde_json::to_string(&b).expect("writes");
        assert_eq!(serde_json::from_str::<Breach>(&json).expect("reads"), b);
        // An entry without a letter writes no `letter` key (files stay as they were).
        assert!(
            !serde_json::to_string(&b.timeline[0])
                .expect("writes")
                .contains("letter")
        );
    }

    #[test]
    fn references_count_per_year() {
        assert_eq!(next_reference(&[], 2026), "B-2026-001");
        assert_eq!(next_reference(&[breach()], 2026), "B-2026-002");
        assert_eq!(next_reference(&[breach()], 2027), "B-2027-001");
    }
}
