//! The breach log: every personal-data breach, reported or not (Art. 33(5)), with the
//! facts, the risk judged, the decision to report to the ICO and why, and what was done.

use std::fmt;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};

use super::{
    breach_clock::report_deadline,
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
    pub special_category: bool,
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
            special_category: false,
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
            timeline: vec![BreachEntry {
                at: aware,
                text: "Became aware".to_owned(),
            }],
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
    #[error(
        "a high-risk breach cannot be closed before deciding whether to tell the people affected (Art. 34)"
    )]
    PeopleNotDecided,
}

impl Breach {
    /// Records the ICO decision, refused when the record cannot support it.
    pub fn decide(&mut self, decision: Decision, at: Timestamp) -> Result<(), BreachError> {
        if decision.decided_by.trim().is_empty() {
            return Err(BreachError::NoDecider);
        }
        if !decision.report && decision.reasons.trim().is_empty() {
            return Err(BreachError::NoDecisionReasons);
        }
        if self
            .risk
            .as_ref()
            .is_some_and(|r| r.level == RiskLevel::Unlikely && r.reasoning.trim().is_empty())
        {
            return Err(BreachError::NoRiskReasoning);
        }
        let text = format!(
            "{} decided {} the ICO: {}",
            decision.decided_by,
            if decision.report {
                "to report it to"
            } else {
                "not to report it to"
            },
            decision.reasons
        );
        self.decision = Some(decision);
        self.timeline.push(BreachEntry { at, text });
        Ok(())
    }

    /// Closes the breach, refused while a decision the law needs is missing.
    pub fn close(&mut self, on: Date, at: Timestamp) -> Result<(), BreachError> {
        if self.decision.is_none() {
            return Err(BreachError::Undecided);
        }
        if self.is_high_risk() && self.individuals.is_none() {
            return Err(BreachError::PeopleNotDecided);
        }
        self.closed = Some(on);
        self.timeline.push(BreachEntry {
            at,
            text: "Closed".to_owned(),
        });
        Ok(())
    }
}

/// The next free reference for a breach the shop became aware of in `year`: `B-2026-004`.
pub fn next_reference(breaches: &[Breach], year: i16) -> String {
    let prefix = format!("B-{year}-");
    let highest = breaches
        .iter()
        .filter_map(|b| b.reference.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", highest + 1)
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
            b.decide(decision(false, "recalled unread"), now),
            Err(BreachError::NoRiskReasoning)
        );
        assert_eq!(b.decision, None);
        b.risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: "the recipient confirmed deletion".into(),
        });
        assert_eq!(
            b.decide(decision(false, ""), now),
            Err(BreachError::NoDecisionReasons)
        );
        assert_eq!(b.decide(decision(false, "recalled unread"), now), Ok(()));
        assert_eq!(b.timeline.len(), 2);
    }

    #[test]
    fn high_risk_cannot_be_closed_without_a_decision_about_telling_people() {
        let mut b = breach();
        let now = at("2026-06-02T09:00:00Z");
        assert_eq!(b.close(date(2026, 6, 2), now), Err(BreachError::Undecided));
        b.risk = Some(RiskAssessment {
            level: RiskLevel::High,
            reasoning: "card details".into(),
        });
        b.decide(decision(true, "high risk"), now).expect("decided");
        assert_eq!(
            b.close(date(2026, 6, 2), now),
            Err(BreachError::PeopleNotDecided)
        );
        assert_eq!(b.closed, None);
        b.individuals = Some(Individuals::Told {
            on: date(2026, 6, 2),
            how: "email".into(),
        });
        assert_eq!(b.close(date(2026, 6, 2), now), Ok(()));
        assert_eq!(b.state(now), BreachState::Closed);
    }

    #[test]
    fn references_count_per_year() {
        assert_eq!(next_reference(&[], 2026), "B-2026-001");
        assert_eq!(next_reference(&[breach()], 2026), "B-2026-002");
        assert_eq!(next_reference(&[breach()], 2027), "B-2027-001");
    }
}
