//! The breach log as a document to print or send: every breach, reported or not, with
//! every fact Art. 33(5) asks a controller to keep and the ICO's small-business
//! checklist lists (facts §7) — what happened and why, the data and people affected,
//! the risk, the steps taken, the decision whether to report and its reasons, the
//! report, the people told, the lessons. Built as the neutral document model, so the
//! PDF, HTML and Markdown renderers lay it out, wrap it and paginate it.
//!
//! Times are UK local time to the minute, as the CSV log has them; the zone and "now"
//! (for each breach's state, and the date the log was made) are passed in, as the
//! documents layer reads no clock. Nothing is filled in for the shop: an item the
//! record lacks says "Not recorded".
//!
//! The words for a breach's facts used by the ICO draft and the letter to the people
//! affected (its kinds, the data affected by activity) are here too, so the three
//! cannot name a fact differently.

use jiff::{Timestamp, tz::TimeZone};

use super::model::{Block, Document, Inline, Runs, plain};
use crate::domain::{
    Workspace,
    breach_clock::uk_minute,
    breaches::{Breach, BreachKind, BreachState, Individuals},
    ids::ActivityId,
};

/// What is written for an item the record does not hold.
const NOT_RECORDED: &str = "Not recorded";

/// A breach kind in words, with what it means (the ICO's three kinds).
pub fn kind_words(kind: BreachKind) -> &'static str {
    match kind {
        BreachKind::Confidentiality => {
            "confidentiality (seen or taken by someone who should not have it)"
        }
        BreachKind::Integrity => "integrity (changed or corrupted)",
        BreachKind::Availability => "availability (lost or made unavailable)",
    }
}

/// The breach's kinds in words, or `None` when none is recorded.
pub fn kinds_text(breach: &Breach) -> Option<String> {
    (!breach.kinds.is_empty()).then(|| {
        breach
            .kinds
            .iter()
            .map(|kind| kind_words(*kind))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// The data a breach affected, by register activity: each activity's purpose (named
/// from the register, not by its id) with the data categories linked to it, in the
/// order the breach lists them. An activity since deleted is said to be so.
pub fn data_affected(workspace: &Workspace, breach: &Breach) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(ActivityId, Vec<String>)> = breach
        .activities
        .iter()
        .map(|id| (*id, Vec::new()))
        .collect();
    for link in &breach.data_categories {
        let category = link.category.trim();
        if category.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(id, _)| *id == link.activity) {
            Some((_, categories)) => {
                if !categories.iter().any(|c| c == category) {
                    categories.push(category.to_owned());
                }
            }
            None => groups.push((link.activity, vec![category.to_owned()])),
        }
    }
    let mut seen: Vec<ActivityId> = Vec::new();
    groups
        .into_iter()
        .filter(|(id, _)| {
            let first = !seen.contains(id);
            seen.push(*id);
            first
        })
        .map(|(id, categories)| {
            let purpose = workspace.activity(id).map_or_else(
                || "An activity since deleted from the register".to_owned(),
                |activity| activity.purpose.trim().to_owned(),
            );
            (purpose, categories)
        })
        .collect()
}

/// Every data category affected, once each, in order.
pub fn categories_affected(breach: &Breach) -> Vec<String> {
    let mut categories: Vec<String> = Vec::new();
    for link in &breach.data_categories {
        let category = link.category.trim();
        if !category.is_empty() && !categories.iter().any(|c| c == category) {
            categories.push(category.to_owned());
        }
    }
    categories
}

/// Where a breach stands, in a sentence for the log.
pub fn state_words(state: BreachState) -> &'static str {
    match state {
        BreachState::Open => "Open: within the 72 hours, not yet reported or decided",
        BreachState::Overdue => {
            "Overdue: past the 72 hours with no report to the ICO and no decision not to report"
        }
        BreachState::ReportedLate => "Reported to the ICO after the 72 hours",
        BreachState::ReportedInTime => "Reported to the ICO within the 72 hours",
        BreachState::DecidedNotToReport => "Decided not to report to the ICO",
        BreachState::Closed => "Closed",
    }
}

fn text_or_not_recorded(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        NOT_RECORDED.to_owned()
    } else {
        text.to_owned()
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "Yes" } else { "No" }
}

/// One row of a breach's table: the item and what the log records for it.
fn row(label: &str, value: impl Into<String>) -> Vec<Runs> {
    vec![vec![Inline::bold(label)], plain(value)]
}

/// The rows of one breach, in the order of the ICO's suggested log fields (facts §7).
#[expect(
    clippy::too_many_lines,
    reason = "one row per fact of the log, in the log's order: it reads best whole"
)]
fn breach_rows(
    workspace: &Workspace,
    breach: &Breach,
    zone: &TimeZone,
    now: Timestamp,
) -> Vec<Vec<Runs>> {
    let mut rows = vec![
        row("State", state_words(breach.state(now))),
        row("What happened", text_or_not_recorded(&breach.what_happened)),
        row(
            "When it happened",
            match breach.occurred {
                Some(at) if breach.occurred_estimated => {
                    format!("{} (an estimate)", uk_minute(at, zone))
                }
                Some(at) => uk_minute(at, zone),
                None => NOT_RECORDED.to_owned(),
            },
        ),
        row("Became aware", uk_minute(breach.aware, zone)),
        row(
            "72 hours from becoming aware end",
            uk_minute(breach.deadline(), zone),
        ),
        row("Who noticed", text_or_not_recorded(&breach.noticed_by)),
        row("Cause", text_or_not_recorded(&breach.cause)),
        row(
            "Type",
            kinds_text(breach).unwrap_or_else(|| NOT_RECORDED.to_owned()),
        ),
    ];
    let affected = data_affected(workspace, breach);
    if affected.is_empty() {
        rows.push(row("Data affected", NOT_RECORDED));
    }
    for (index, (purpose, categories)) in affected.iter().enumerate() {
        let label = if index == 0 { "Data affected" } else { "" };
        let value = if categories.is_empty() {
            format!("{purpose} (no data category named)")
        } else {
            format!("{purpose}: {}", categories.join("; "))
        };
        rows.push(row(label, value));
    }
    rows.push(row(
        "Special category data",
        breach.special_category.map_or(NOT_RECORDED, yes_no),
    ));
    let count = |n: Option<u64>| n.map_or_else(|| NOT_RECORDED.to_owned(), |n| n.to_string());
    rows.push(row(
        "People affected (approx.)",
        count(breach.people_affected),
    ));
    rows.push(row(
        "Records affected (approx.)",
        count(breach.records_affected),
    ));
    rows.push(row(
        "Likely consequences",
        text_or_not_recorded(&breach.consequences),
    ));
    match &breach.risk {
        Some(risk) => {
            rows.push(row("Risk to people", risk.level.to_string()));
            rows.push(row("Risk reasoning", text_or_not_recorded(&risk.reasoning)));
        }
        None => rows.push(row("Risk to people", NOT_RECORDED)),
    }
    if breach.steps.is_empty() {
        rows.push(row("Steps taken", NOT_RECORDED));
    }
    for (index, step) in breach.steps.iter().enumerate() {
        let label = if index == 0 { "Steps taken" } else { "" };
        rows.push(row(label, format!("{}: {}", step.on, step.what.trim())));
    }
    match &breach.decision {
        Some(decision) => {
            rows.push(row(
                "Decision",
                if decision.report {
                    "Report to the ICO"
                } else {
                    "Not to report to the ICO"
                },
            ));
            rows.push(row(
                "Reasons for the decision",
                text_or_not_recorded(&decision.reasons),
            ));
            rows.push(row(
                "Decided by, on",
                format!(
                    "{}, {}",
                    text_or_not_recorded(&decision.decided_by),
                    decision.decided_on
                ),
            ));
        }
        None => rows.push(row(
            "Decision",
            "Not decided yet whether to report to the ICO",
        )),
    }
    match &breach.report {
        Some(report) => {
            let reference = report.reference.trim();
            rows.push(row(
                "Reported to the ICO",
                if reference.is_empty() {
                    format!("{} (no ICO reference recorded)", uk_minute(report.at, zone))
                } else {
                    format!("{}, ICO reference {reference}", uk_minute(report.at, zone))
                },
            ));
        }
        None => rows.push(row("Reported to the ICO", "No")),
    }
    let late = breach
        .report
        .as_ref()
        .is_some_and(|r| r.at > breach.deadline());
    if late || !breach.delay_reasons.trim().is_empty() {
        rows.push(row(
            "Reasons for the delay",
            text_or_not_recorded(&breach.delay_reasons),
        ));
    }
    rows.push(row(
        "People affected told",
        match &breach.individuals {
            Some(Individuals::Told { on, how }) => {
                if how.trim().is_empty() {
                    format!("Yes, on {on}")
                } else {
                    format!("Yes, on {on}, {}", how.trim())
                }
            }
            Some(Individuals::NotTold { why }) => {
                format!("No. Reason: {}", text_or_not_recorded(why))
            }
            None => NOT_RECORDED.to_owned(),
        },
    ));
    rows.push(row(
        "Processor or joint controller involved",
        if breach.processor.trim().is_empty() {
            NOT_RECORDED.to_owned()
        } else {
            breach.processor.trim().to_owned()
        },
    ));
    rows.push(row(
        "Lessons learned",
        text_or_not_recorded(&breach.lessons),
    ));
    rows.push(row(
        "Closed",
        breach
            .closed
            .map_or_else(|| "No".to_owned(), |on| format!("Yes, on {on}")),
    ));
    // The dated record of what was done and when: the follow-up the ICO asks a log to
    // show, each entry as it was made.
    for (index, entry) in breach.timeline.iter().enumerate() {
        let label = if index == 0 { "Timeline" } else { "" };
        rows.push(row(
            label,
            format!("{}: {}", uk_minute(entry.at, zone), entry.text.trim()),
        ));
    }
    rows
}

/// The summary table's heading row: what the log holds, one breach a row.
const SUMMARY_HEADER: [&str; 6] = [
    "Reference",
    "Became aware",
    "Report by (72 hours)",
    "Decision",
    "State",
    "What happened",
];

/// The decision on reporting, in a word or two for the summary.
fn decision_words(breach: &Breach) -> &'static str {
    match (&breach.decision, &breach.report) {
        (_, Some(_)) => "Reported",
        (Some(decision), None) if decision.report => "To report",
        (Some(_), None) => "Not to report",
        (None, None) => "Not decided",
    }
}

/// The whole log as a document: what it is, a summary of every breach, then each
/// breach in full, in the order logged. An empty log says so.
pub fn breach_log_document(workspace: &Workspace, zone: &TimeZone, now: Timestamp) -> Document {
    let shop = workspace.display_name();
    let title = if shop.is_empty() {
        "Personal data breach log".to_owned()
    } else {
        format!("Personal data breach log — {shop}")
    };
    let made = now.to_zoned(zone.clone());
    let mut blocks = vec![
        Block::heading(1, title.clone()),
        Block::paragraph(
            "Every personal data breach, whether or not it was reported to the Information Commissioner's Office: the facts, the effects, the steps taken and the reasons for each decision (UK GDPR Article 33(5)).",
        ),
        Block::paragraph(format!(
            "Made on {}. Times are UK local time (YYYY-MM-DD HH:MM); each breach's state is as it stood then.",
            uk_minute(now, zone)
        )),
    ];
    let breaches = &workspace.breaches;
    if breaches.is_empty() {
        blocks.push(Block::paragraph(
            "There are no breaches recorded in this log.",
        ));
    } else {
        let states: Vec<BreachState> = breaches.iter().map(|b| b.state(now)).collect();
        let reported = breaches.iter().filter(|b| b.report.is_some()).count();
        let not_reported = breaches
            .iter()
            .filter(|b| b.report.is_none() && b.decision.as_ref().is_some_and(|d| !d.report))
            .count();
        let undecided = breaches.iter().filter(|b| b.decision.is_none()).count();
        blocks.push(Block::paragraph(format!(
            "{} recorded: {reported} reported to the ICO, {not_reported} decided not to report, {undecided} not yet decided; {} not yet closed.",
            crate::domain::validate::count(breaches.len(), "breach", "breaches"),
            states.iter().filter(|s| **s != BreachState::Closed).count()
        )));
        blocks.push(Block::heading(2, "Summary"));
        blocks.push(Block::Table {
            header: SUMMARY_HEADER.iter().map(|h| (*h).to_owned()).collect(),
            rows: breaches
                .iter()
                .zip(&states)
                .map(|(breach, state)| {
                    vec![
                        plain(breach.reference.clone()),
                        plain(uk_minute(breach.aware, zone)),
                        plain(uk_minute(breach.deadline(), zone)),
                        plain(decision_words(breach)),
                        plain(state.to_string()),
                        plain(breach.what_happened.trim().to_owned()),
                    ]
                })
                .collect(),
            widths: vec![14, 14, 14, 13, 13, 32],
        });
        for breach in breaches {
            blocks.push(Block::heading(2, format!("Breach {}", breach.reference)));
            // The reference heads the table, so a page it continues on says whose it is.
            blocks.push(Block::Table {
                header: vec![
                    format!("Breach {}", breach.reference),
                    "What the log records".to_owned(),
                ],
                rows: breach_rows(workspace, breach, zone, now),
                widths: vec![30, 70],
            });
        }
    }
    Document {
        title,
        author: if shop.is_empty() {
            workspace.organisation.legal_name.trim().to_owned()
        } else {
            shop.to_owned()
        },
        subject: "Personal data breach log (UK GDPR Article 33(5))".to_owned(),
        date: made.date(),
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        breaches::{CategoryLink, Decision, IcoReport, RiskAssessment, RiskLevel, Step},
        example::example_workspace,
    };
    use jiff::civil::date;

    fn uk() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule")
    }

    fn at(text: &str) -> Timestamp {
        text.parse().expect("instant")
    }

    #[test]
    fn an_empty_log_says_there_are_no_breaches() {
        let mut workspace = example_workspace(date(2026, 11, 24));
        workspace.breaches.clear();
        let document = breach_log_document(&workspace, &uk(), at("2026-11-24T12:00:00Z"));
        let text = document.plain_text();
        assert!(text.contains("There are no breaches recorded in this log."));
        assert!(text.contains("Kestrel Forge 3D"));
        assert_eq!(document.date, date(2026, 11, 24));
    }

    #[test]
    fn each_breach_names_its_data_from_the_register_and_says_what_is_not_recorded() {
        let mut workspace = example_workspace(date(2026, 11, 24));
        let zone = uk();
        let goods = workspace.register[0].id;
        let purpose = workspace.register[0].purpose.clone();
        let id = workspace.log_breach(
            at("2026-06-01T08:00:00Z"),
            "Parcel labels printed for the wrong orders".into(),
            &zone,
        );
        let breach = workspace
            .breaches
            .iter_mut()
            .find(|b| b.id == id)
            .expect("logged");
        breach.activities = vec![goods];
        breach.data_categories = vec![CategoryLink {
            activity: goods,
            category: "Addresses".into(),
        }];
        breach.steps = vec![Step {
            on: date(2026, 6, 1),
            what: "Recalled the parcels".into(),
        }];
        breach.risk = Some(RiskAssessment {
            level: RiskLevel::Risk,
            reasoning: "Home addresses seen by strangers".into(),
        });
        breach.decision = Some(Decision {
            report: true,
            reasons: "Home addresses of 12 customers".into(),
            decided_by: "Morwenna Tallis".into(),
            decided_on: date(2026, 6, 2),
        });
        breach.report = Some(IcoReport {
            at: at("2026-06-05T09:00:00Z"),
            reference: String::new(),
        });
        let text = breach_log_document(&workspace, &zone, at("2026-11-24T12:00:00Z")).plain_text();
        // 08:00 UTC on 1 June is 09:00 BST; + 72 hours is 09:00 BST on 4 June.
        assert!(text.contains("Became aware — 2026-06-01 09:00"), "{text}");
        assert!(
            text.contains("72 hours from becoming aware end — 2026-06-04 09:00"),
            "{text}"
        );
        assert!(text.contains(&format!("{purpose}: Addresses")), "{text}");
        assert!(!text.contains(&format!("{goods:?}")), "no ids: {text}");
        assert!(text.contains("2026-06-01: Recalled the parcels"), "{text}");
        assert!(text.contains("Home addresses of 12 customers"), "{text}");
        // Reported a day late with no reasons: the log shows the gap.
        assert!(
            text.contains("Reasons for the delay — Not recorded"),
            "{text}"
        );
        assert!(text.contains("Who noticed — Not recorded"), "{text}");
        assert!(text.contains("People affected (approx.) — Not recorded"));
        // The timeline as it was kept: logged at 09:00 BST.
        assert!(
            text.contains("Timeline — 2026-06-01 09:00: Became aware"),
            "{text}"
        );
    }

    #[test]
    fn a_long_log_paginates_and_loses_no_breach() {
        let mut workspace = example_workspace(date(2026, 11, 24));
        let zone = uk();
        for day in 0..60 {
            workspace.log_breach(
                at("2026-01-05T10:00:00Z")
                    .checked_add(jiff::SignedDuration::from_hours(24 * day))
                    .expect("in range"),
                "A customer's order confirmation went to another customer, who told us and deleted it. ".repeat(3),
                &zone,
            );
        }
        let document = breach_log_document(&workspace, &zone, at("2026-11-24T12:00:00Z"));
        let pages = crate::documents::layout::layout(&document);
        assert!(pages.len() > 20, "{} pages", pages.len());
        let text: String = pages
            .iter()
            .flat_map(|page| page.lines().map(|line| line.text() + "\n"))
            .collect();
        for breach in &workspace.breaches {
            // In the summary, and heading its own table.
            assert!(
                text.matches(&format!("{}\n", breach.reference)).count() >= 1,
                "{}",
                breach.reference
            );
            assert!(text.contains(&format!("Breach {}", breach.reference)));
        }
        let count = pages.len();
        assert!(text.contains(&format!("Page {count} of {count}")));
    }
}
