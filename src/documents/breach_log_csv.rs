//! The breach log as a CSV file: every breach, reported or not, one row each, with
//! the facts, the risk, the decision and its reasons — what Art. 33(5) asks a
//! controller to keep and the ICO may ask to see (facts §7).
//!
//! Encoded as the register's CSV is: UTF-8 with a byte-order mark, formula starts
//! neutralised. Times are UK local time to the minute; the zone and "now" (for each
//! breach's state) are passed in, as the documents layer reads no clock.

use jiff::{Timestamp, tz::TimeZone};

use super::register_csv::{csv_writer, neutralise};
use crate::domain::{
    Workspace,
    breach_clock::uk_minute,
    breaches::{Breach, BreachKind, Individuals},
};

/// The column headings, in order.
pub const COLUMNS: [&str; 30] = [
    "Reference",
    "Became aware (UK time)",
    "Report to the ICO by (UK time, 72 hours)",
    "State",
    "What happened",
    "When it happened (UK time)",
    "When it happened is an estimate",
    "Who noticed",
    "Cause",
    "Type",
    "Register activities affected",
    "Data categories affected",
    "Special category data",
    "People affected (approx.)",
    "Records affected (approx.)",
    "Likely consequences",
    "Risk",
    "Risk reasoning",
    "Containment and remedial steps",
    "Report to the ICO?",
    "Reasons for the decision",
    "Decided by",
    "Decided on",
    "Reported to the ICO (UK time)",
    "ICO reference",
    "Reasons for delay past 72 hours",
    "People affected told",
    "Processor involved",
    "Lessons learned",
    "Closed on",
];

fn yes_no(value: bool) -> String {
    if value { "Yes" } else { "No" }.to_owned()
}

fn row(workspace: &Workspace, breach: &Breach, zone: &TimeZone, now: Timestamp) -> Vec<String> {
    let activity_name = |id| {
        workspace
            .activity(id)
            .map_or_else(|| "(deleted activity)".to_owned(), |a| a.purpose.clone())
    };
    let kinds = breach
        .kinds
        .iter()
        .map(|kind| match kind {
            BreachKind::Confidentiality => "confidentiality",
            BreachKind::Integrity => "integrity",
            BreachKind::Availability => "availability",
        })
        .collect::<Vec<_>>()
        .join("; ");
    let decision = breach.decision.as_ref();
    let told = match &breach.individuals {
        None => String::new(),
        Some(Individuals::Told { on, how }) => format!("Yes, {on}, {how}"),
        Some(Individuals::NotTold { why }) => format!("No: {why}"),
    };
    vec![
        breach.reference.clone(),
        uk_minute(breach.aware, zone),
        uk_minute(breach.deadline(), zone),
        breach.state(now).to_string(),
        breach.what_happened.clone(),
        breach
            .occurred
            .map(|at| uk_minute(at, zone))
            .unwrap_or_default(),
        if breach.occurred.is_some() {
            yes_no(breach.occurred_estimated)
        } else {
            String::new()
        },
        breach.noticed_by.clone(),
        breach.cause.clone(),
        kinds,
        breach
            .activities
            .iter()
            .map(|id| activity_name(*id))
            .collect::<Vec<_>>()
            .join("; "),
        breach
            .data_categories
            .iter()
            .map(|link| format!("{} ({})", link.category, activity_name(link.activity)))
            .collect::<Vec<_>>()
            .join("; "),
        breach.special_category.map(yes_no).unwrap_or_default(),
        breach
            .people_affected
            .map(|n| n.to_string())
            .unwrap_or_default(),
        breach
            .records_affected
            .map(|n| n.to_string())
            .unwrap_or_default(),
        breach.consequences.clone(),
        breach
            .risk
            .as_ref()
            .map(|r| r.level.to_string())
            .unwrap_or_default(),
        breach
            .risk
            .as_ref()
            .map(|r| r.reasoning.clone())
            .unwrap_or_default(),
        breach
            .steps
            .iter()
            .map(|step| format!("{}: {}", step.on, step.what))
            .collect::<Vec<_>>()
            .join("; "),
        decision.map(|d| yes_no(d.report)).unwrap_or_default(),
        decision.map(|d| d.reasons.clone()).unwrap_or_default(),
        decision.map(|d| d.decided_by.clone()).unwrap_or_default(),
        decision
            .map(|d| d.decided_on.to_string())
            .unwrap_or_default(),
        breach
            .report
            .as_ref()
            .map(|r| uk_minute(r.at, zone))
            .unwrap_or_default(),
        breach
            .report
            .as_ref()
            .map(|r| r.reference.clone())
            .unwrap_or_default(),
        breach.delay_reasons.clone(),
        told,
        breach.processor.clone(),
        breach.lessons.clone(),
        breach.closed.map(|on| on.to_string()).unwrap_or_default(),
    ]
}

/// The whole log: a header row, then every breach in the order logged.
pub fn breach_log_csv(workspace: &Workspace, zone: &TimeZone, now: Timestamp) -> Vec<u8> {
    let mut writer = csv_writer();
    // Writing to memory cannot fail.
    let _ = writer.write_record(COLUMNS);
    for breach in &workspace.breaches {
        let cells: Vec<String> = row(workspace, breach, zone, now)
            .iter()
            .map(|cell| neutralise(cell))
            .collect();
        debug_assert_eq!(cells.len(), COLUMNS.len());
        let _ = writer.write_record(&cells);
    }
    writer.into_inner().unwrap_or_default()
}
