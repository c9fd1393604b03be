//! What a workspace must satisfy before Smallprint works with it, beyond its shape:
//! dates in the supported range, text of a bounded length, and links and ids that
//! hold together. A file can break these (edited by hand, written by another program,
//! damaged); `smallprint check` names each problem, the app repairs what it safely can
//! when it opens the file, and refuses, with the reason, what it cannot.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use jiff::civil::{Date, date};
use serde_json::Value;

use super::{Workspace, requests::next_reference};

/// The first date Smallprint works with. Older dates are typing slips (or damage):
/// no request a shop answers today was received before 1900.
pub const FIRST_DATE: Date = date(1900, 1, 1);
/// The last date Smallprint works with; every deadline of a date in range (three
/// months and some holidays later) is still a real date.
pub const LAST_DATE: Date = date(2200, 12, 31);

/// The longest text a workspace field may hold, in characters: about 40 printed pages,
/// far more than any name, purpose or request a shop writes, yet small enough that the
/// window lays it out at once.
pub const MAX_TEXT_CHARS: usize = 100_000;
/// The longest text a one-line field accepts as it is typed in the window (a name, an
/// email address, a reference).
pub const MAX_LINE_CHARS: usize = 1_000;

/// The largest internal id Smallprint works with: 2^53 − 1, the largest integer every
/// JSON reader keeps exactly. Smallprint counts ids up from 1, so only damage or a
/// hand edit reaches it, and above it the id counter could not be raised past them.
pub const MAX_ID: u64 = (1 << 53) - 1;

/// The supported range in words, for messages.
pub fn range_words() -> String {
    format!(
        "{} to {}",
        FIRST_DATE.strftime("%-d %B %Y"),
        LAST_DATE.strftime("%-d %B %Y")
    )
}

/// Whether Smallprint works with `date`.
pub fn in_range(date: Date) -> bool {
    (FIRST_DATE..=LAST_DATE).contains(&date)
}

/// `date`, or why it is refused.
pub fn check_date(date: Date) -> Result<Date, String> {
    if in_range(date) {
        Ok(date)
    } else {
        Err(format!(
            "{date} is outside the dates Smallprint works with ({})",
            range_words()
        ))
    }
}

/// One problem with a workspace, named by what the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The record: "Request R-2026-003", "Activity “Orders”", "Organisation".
    pub record: String,
    /// The field, or the part of the record.
    pub field: String,
    pub message: String,
    /// Smallprint cannot work with the file until this is fixed (a date out of range,
    /// a text too long); the others it repairs when it opens the file.
    pub blocking: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} → {}: {}", self.record, self.field, self.message)
    }
}

/// Keys whose value is a date, wherever they occur in the file.
const DATE_KEYS: &[&str] = &[
    "received",
    "on",
    "asked",
    "answered",
    "notified_on",
    "identity_requested",
    "identity_received",
    "fee_requested",
    "fee_received",
    "review_on",
    "completed_on",
    "ico_renewal_date",
    "notice_last_updated",
    "date",
    "decided_on",
    "closed",
];

/// Keys whose value is an instant (a breach's times), checked by its date in UTC.
const INSTANT_KEYS: &[&str] = &["aware", "occurred", "at"];

/// Every problem in `workspace`: first those that block its use, then the ones the app
/// repairs when it opens the file.
pub fn problems(workspace: &Workspace) -> Vec<Problem> {
    let mut problems = limits(workspace);
    problems.extend(references(workspace));
    problems
}

/// Why Smallprint cannot work with `workspace`, if it cannot: the blocking problems,
/// one a line, with what to do.
pub fn refusal(workspace: &Workspace) -> Option<String> {
    worded(&limits(workspace), "it holds", ", so it was not opened")
}

/// What blocks `workspace`, if anything, in a phrase that follows "Cannot be opened:"
/// in a list of files (the recovery list of backups).
pub fn blocking_summary(workspace: &Workspace) -> Option<String> {
    worded(&limits(workspace), "it holds", "")
}

/// How a refused change is worded: the same rule as [`refusal`], said of a change.
const CHANGE_REFUSED: (&str, &str) = (
    "the change would put in it",
    ", and a file holding that could not be opened again",
);

/// Why a change may not be written, if it may not: the same rule as [`refusal`] (a
/// writer obeys the reader's limits, or the file it writes locks its owner out), in
/// the words of a change refused.
pub fn write_refusal(workspace: &Workspace) -> Option<String> {
    worded(&limits(workspace), CHANGE_REFUSED.0, CHANGE_REFUSED.1)
}

/// [`write_refusal`] for one change of a workspace already within the limits: only the
/// records the change touched are walked, so a form applying each keystroke stays as
/// fast on a log of 10,000 requests as on an empty one.
pub fn change_refusal(before: &Workspace, after: &Workspace) -> Option<String> {
    let problems = limits_where(after, |part, index| match part {
        Part::Organisation => before.organisation != after.organisation,
        Part::Settings => before.settings != after.settings,
        Part::Website => before.website != after.website,
        Part::Register => before.register.get(index) != after.register.get(index),
        Part::Requests => before.requests.get(index) != after.requests.get(index),
        Part::Breaches => before.breaches.get(index) != after.breaches.get(index),
    });
    worded(&problems, CHANGE_REFUSED.0, CHANGE_REFUSED.1)
}

/// The blocking `problems` as one reason: `lead` what Smallprint cannot work with (the
/// limits), `then`, and a problem a line; `None` when there are none.
fn worded(problems: &[Problem], lead: &str, then: &str) -> Option<String> {
    listed(problems).map(|lines| {
        format!(
            "{lead} what Smallprint cannot work with (dates from {}, text up to {} characters a field){then}:\n{lines}",
            range_words(),
            MAX_TEXT_CHARS
        )
    })
}

fn listed(blocking: &[Problem]) -> Option<String> {
    const SHOWN: usize = 5;
    if blocking.is_empty() {
        return None;
    }
    // One problem a line, whatever a record's name holds.
    let mut lines: Vec<String> = blocking
        .iter()
        .take(SHOWN)
        .map(|problem| problem.to_string().replace(['\n', '\r'], " "))
        .collect();
    if blocking.len() > SHOWN {
        lines.push(format!("… and {} more", blocking.len() - SHOWN));
    }
    Some(lines.join("\n"))
}

/// Dates out of range and texts too long, found by walking the workspace as the file
/// holds it, so no field is missed.
fn limits(workspace: &Workspace) -> Vec<Problem> {
    limits_where(workspace, |_, _| true)
}

/// The parts of a workspace [`limits_where`] asks about.
#[derive(Clone, Copy)]
enum Part {
    Organisation,
    Register,
    Requests,
    Breaches,
    Settings,
    Website,
}

/// [`limits`] of the records `wanted` names (ids are always checked: cheap, and a
/// counter can pass the limit without any record changing).
fn limits_where(workspace: &Workspace, wanted: impl Fn(Part, usize) -> bool) -> Vec<Problem> {
    // One record at a time, so the JSON form of a 10,000-request log is never held
    // whole (the allocator would keep that memory for the life of the window).
    fn check(value: &impl serde::Serialize, record: &str, problems: &mut Vec<Problem>) {
        if let Ok(value) = serde_json::to_value(value) {
            walk(&value, record, &mut Vec::new(), problems);
        }
    }
    // Named field by field so a new part of the workspace cannot be forgotten here.
    let Workspace {
        organisation,
        register,
        requests,
        settings,
        ids: _,
        breaches,
        website,
    } = workspace;
    let mut problems = ids_out_of_range(workspace);
    if wanted(Part::Organisation, 0) {
        check(organisation, "Organisation", &mut problems);
    }
    for (index, activity) in register.iter().enumerate() {
        if !wanted(Part::Register, index) {
            continue;
        }
        check(
            activity,
            &record_name(workspace, "register", index),
            &mut problems,
        );
    }
    for (index, request) in requests.iter().enumerate() {
        if !wanted(Part::Requests, index) {
            continue;
        }
        check(
            request,
            &record_name(workspace, "requests", index),
            &mut problems,
        );
    }
    for (index, breach) in breaches.iter().enumerate() {
        if !wanted(Part::Breaches, index) {
            continue;
        }
        check(
            breach,
            &record_name(workspace, "breaches", index),
            &mut problems,
        );
    }
    if wanted(Part::Settings, 0) {
        check(settings, "Settings", &mut problems);
    }
    if wanted(Part::Website, 0) {
        check(website, "Website", &mut problems);
    }
    problems
}

fn ids_out_of_range(workspace: &Workspace) -> Vec<Problem> {
    let message = |id: u64| {
        format!("its internal id {id} is above {MAX_ID}, the largest Smallprint works with")
    };
    let activities = workspace
        .register
        .iter()
        .filter(|a| a.id.0 > MAX_ID)
        .map(|a| (format!("Activity “{}”", a.purpose), "id", message(a.id.0)));
    let requests = workspace
        .requests
        .iter()
        .filter(|r| r.id.0 > MAX_ID)
        .map(|r| (format!("Request {}", r.reference), "id", message(r.id.0)));
    let linked = workspace.requests.iter().flat_map(|r| {
        r.activities.iter().filter(|id| id.0 > MAX_ID).map(|id| {
            (
                format!("Request {}", r.reference),
                "activities",
                message(id.0),
            )
        })
    });
    let breaches = workspace.breaches.iter().flat_map(|b| {
        let record = format!("Breach {}", b.reference);
        let own = (b.id.0 > MAX_ID).then(|| (record.clone(), "id", message(b.id.0)));
        let linked = b
            .activities
            .iter()
            .chain(b.data_categories.iter().map(|link| &link.activity))
            .filter(|id| id.0 > MAX_ID)
            .map(move |id| (record.clone(), "activities", message(id.0)));
        own.into_iter().chain(linked)
    });
    let counter = (workspace.ids.peek() > MAX_ID).then(|| {
        (
            "Workspace".to_owned(),
            "next id",
            format!(
                "the next id to hand out ({}) is above {MAX_ID}, the largest Smallprint works with",
                workspace.ids.peek()
            ),
        )
    });
    activities
        .chain(requests)
        .chain(linked)
        .chain(breaches)
        .chain(counter)
        .map(|(record, field, message)| Problem {
            record,
            field: field.to_owned(),
            message,
            blocking: true,
        })
        .collect()
}

fn record_name(workspace: &Workspace, part: &str, index: usize) -> String {
    let short = |text: &str| -> String {
        let mut short: String = text.chars().take(60).collect();
        if text.chars().nth(60).is_some() {
            short.push('…');
        }
        short
    };
    match part {
        "register" => workspace.register.get(index).map_or_else(
            || format!("Activity {}", index + 1),
            |a| format!("Activity “{}”", short(&a.purpose)),
        ),
        "breaches" => workspace.breaches.get(index).map_or_else(
            || format!("Breach {}", index + 1),
            |b| format!("Breach {}", short(&b.reference)),
        ),
        _ => workspace.requests.get(index).map_or_else(
            || format!("Request {}", index + 1),
            |r| format!("Request {}", short(&r.reference)),
        ),
    }
}

fn walk<'a>(value: &'a Value, record: &str, keys: &mut Vec<&'a str>, out: &mut Vec<Problem>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                keys.push(key);
                walk(child, record, keys, out);
                keys.pop();
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, record, keys, out);
            }
        }
        Value::String(text) => {
            let field = || keys.join(" → ").replace('_', " ");
            // A byte count at or under the limit is a character count under it.
            if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
                out.push(Problem {
                    record: record.to_owned(),
                    field: field(),
                    message: format!(
                        "it is {} characters long; Smallprint works with up to {MAX_TEXT_CHARS} characters a field",
                        text.chars().count()
                    ),
                    blocking: true,
                });
            } else if keys.last().is_some_and(|key| DATE_KEYS.contains(key))
                && let Ok(date) = text.parse::<Date>()
                && let Err(message) = check_date(date)
            {
                out.push(Problem {
                    record: record.to_owned(),
                    field: field(),
                    message,
                    blocking: true,
                });
            } else if keys.last().is_some_and(|key| INSTANT_KEYS.contains(key))
                && let Ok(instant) = text.parse::<jiff::Timestamp>()
                && let Err(message) = check_date(instant.to_zoned(jiff::tz::TimeZone::UTC).date())
            {
                out.push(Problem {
                    record: record.to_owned(),
                    field: field(),
                    message,
                    blocking: true,
                });
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Links and ids that do not hold together.
fn references(workspace: &Workspace) -> Vec<Problem> {
    let mut problems = Vec::new();
    let problem = |record: String, field: &str, message: String| Problem {
        record,
        field: field.to_owned(),
        message,
        blocking: false,
    };
    let mut activities: HashMap<u64, &str> = HashMap::new();
    for activity in &workspace.register {
        if let Some(first) = activities.insert(activity.id.0, &activity.purpose) {
            activities.insert(activity.id.0, first);
            problems.push(problem(
                format!("Activity “{}”", activity.purpose),
                "id",
                format!(
                    "it has the same internal id ({}) as “{first}”; Smallprint gives it a new one when it opens the file",
                    activity.id.0
                ),
            ));
        }
    }
    let mut requests: HashMap<u64, &str> = HashMap::new();
    let mut by_reference: BTreeMap<String, Vec<&super::requests::RightsRequest>> = BTreeMap::new();
    for request in &workspace.requests {
        if let Some(first) = requests.insert(request.id.0, &request.reference) {
            requests.insert(request.id.0, first);
            problems.push(problem(
                format!("Request {}", request.reference),
                "id",
                format!(
                    "it has the same internal id ({}) as request {first}; Smallprint gives it a new one when it opens the file",
                    request.id.0
                ),
            ));
        }
        by_reference
            .entry(request.reference.trim().to_uppercase())
            .or_default()
            .push(request);
        let dangling: Vec<String> = request
            .activities
            .iter()
            .filter(|id| !activities.contains_key(&id.0))
            .map(|id| id.0.to_string())
            .collect();
        if !dangling.is_empty() {
            problems.push(problem(
                format!("Request {}", request.reference),
                "activities",
                format!(
                    "it is linked to {} not in the register (internal id {}); Smallprint removes the link when it opens the file",
                    if dangling.len() == 1 { "an activity" } else { "activities" },
                    dangling.join(", ")
                ),
            ));
        }
    }
    for same in by_reference.values().filter(|same| same.len() > 1) {
        let whom: Vec<String> = same
            .iter()
            .map(|r| format!("received {} from {}", r.received, r.requester.name))
            .collect();
        problems.push(problem(
            format!("Request {}", same[0].reference),
            "reference",
            format!(
                "{} requests have this reference ({}); Smallprint gives the later ones new references when it opens the file",
                same.len(),
                whom.join("; ")
            ),
        ));
    }
    problems.extend(breach_references(workspace, &activities));
    let highest = highest_id(workspace);
    if highest >= workspace.ids.peek() {
        problems.push(problem(
            "Workspace".to_owned(),
            "next id",
            format!(
                "the next id to hand out ({}) is not above an id already used ({highest}); Smallprint raises it when it opens the file",
                workspace.ids.peek()
            ),
        ));
    }
    problems
}

/// A breach's links to activities not in the register (also through its data
/// categories), duplicate ids and duplicate references.
fn breach_references(workspace: &Workspace, activities: &HashMap<u64, &str>) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids: HashMap<u64, &str> = HashMap::new();
    let mut references: HashSet<String> = HashSet::new();
    for breach in &workspace.breaches {
        let record = format!("Breach {}", breach.reference);
        let mut problem = |field: &str, message: String| {
            problems.push(Problem {
                record: record.clone(),
                field: field.to_owned(),
                message,
                blocking: false,
            });
        };
        if let Some(first) = ids.insert(breach.id.0, &breach.reference) {
            ids.insert(breach.id.0, first);
            problem(
                "id",
                format!(
                    "it has the same internal id ({}) as breach {first}; Smallprint gives it a new one when it opens the file",
                    breach.id.0
                ),
            );
        }
        if !references.insert(breach.reference.trim().to_uppercase()) {
            problem(
                "reference",
                "an earlier breach has the same reference; Smallprint gives this one a new reference when it opens the file".to_owned(),
            );
        }
        let mut dangling: Vec<u64> = breach
            .activities
            .iter()
            .chain(breach.data_categories.iter().map(|link| &link.activity))
            .filter(|id| !activities.contains_key(&id.0))
            .map(|id| id.0)
            .collect();
        dangling.dedup();
        if !dangling.is_empty() {
            let ids: Vec<String> = dangling.iter().map(ToString::to_string).collect();
            problem(
                "activities",
                format!(
                    "it is linked to {} not in the register (internal id {}); Smallprint removes the link when it opens the file",
                    if ids.len() == 1 {
                        "an activity"
                    } else {
                        "activities"
                    },
                    ids.join(", ")
                ),
            );
        }
    }
    problems
}

fn highest_id(workspace: &Workspace) -> u64 {
    let activities = workspace.register.iter().map(|a| a.id.0);
    let requests = workspace.requests.iter().map(|r| r.id.0);
    let breaches = workspace.breaches.iter().map(|b| b.id.0);
    activities
        .chain(requests)
        .chain(breaches)
        .max()
        .unwrap_or(0)
}

/// Repairs what can be repaired without guessing at the user's meaning, and says what
/// was done, one sentence each (empty when nothing needed it):
///
/// - the id counter is raised above every id in use, so a new record never takes an
///   existing id;
/// - a record with the same id as an earlier one gets a new id: links keep meaning
///   what they meant before (the app always took the first record with an id);
/// - a request's link to an activity not in the register is removed;
/// - a request with the same reference as an earlier one gets the next free reference
///   of its year, and the message names both, since letters may have quoted the old one.
///
/// Out-of-range dates and over-long texts are not repaired: which date was meant
/// cannot be known ([`refusal`] says so instead).
pub fn repair(workspace: &mut Workspace) -> Vec<String> {
    let mut done = Vec::new();
    let highest = highest_id(workspace);
    if highest >= workspace.ids.peek() {
        done.push(format!(
            "Raised the next id from {} to {}, above the ids already in use.",
            workspace.ids.peek(),
            highest.saturating_add(1)
        ));
        workspace.ids.raise_above(highest);
    }
    let mut seen = HashSet::new();
    for index in 0..workspace.register.len() {
        if !seen.insert(workspace.register[index].id) {
            let id = workspace.ids.activity();
            let activity = &mut workspace.register[index];
            activity.id = id;
            done.push(format!(
                "Gave activity “{}” a new internal id: an earlier activity had the same one, and the requests linked to it stay with that one.",
                activity.purpose
            ));
        }
    }
    let mut seen = HashSet::new();
    for index in 0..workspace.requests.len() {
        if !seen.insert(workspace.requests[index].id) {
            let id = workspace.ids.request();
            let request = &mut workspace.requests[index];
            request.id = id;
            done.push(format!(
                "Gave request {} a new internal id: an earlier request had the same one.",
                request.reference
            ));
        }
    }
    repair_breaches(workspace, &mut done);
    let activities: HashSet<_> = workspace.register.iter().map(|a| a.id).collect();
    let mut unlinked = Vec::new();
    for request in &mut workspace.requests {
        let before = request.activities.len();
        request.activities.retain(|id| activities.contains(id));
        if request.activities.len() != before {
            unlinked.push(request.reference.clone());
        }
    }
    if !unlinked.is_empty() {
        done.push(format!(
            "Removed links to activities that are not in the register from {} {}.",
            if unlinked.len() == 1 {
                "request"
            } else {
                "requests"
            },
            unlinked.join(", ")
        ));
    }
    let mut seen = HashSet::new();
    for index in 0..workspace.requests.len() {
        let key = workspace.requests[index].reference.trim().to_uppercase();
        if !seen.insert(key) {
            let request = &workspace.requests[index];
            let new = next_reference(&workspace.requests, request.received.year());
            done.push(format!(
                "Request {} received {} from {} had the same reference as an earlier request; it is now {new}. Letters already sent for it quoted the old reference.",
                request.reference, request.received, request.requester.name
            ));
            seen.insert(new.to_uppercase());
            workspace.requests[index].reference = new;
        }
    }
    done
}

/// The breach log's share of [`repair`]: the same repairs as for requests.
fn repair_breaches(workspace: &mut Workspace, done: &mut Vec<String>) {
    let mut seen = HashSet::new();
    for index in 0..workspace.breaches.len() {
        if !seen.insert(workspace.breaches[index].id) {
            let id = workspace.ids.breach();
            let breach = &mut workspace.breaches[index];
            breach.id = id;
            done.push(format!(
                "Gave breach {} a new internal id: an earlier breach had the same one.",
                breach.reference
            ));
        }
    }
    let activities: HashSet<_> = workspace.register.iter().map(|a| a.id).collect();
    let mut unlinked_breaches = Vec::new();
    for breach in &mut workspace.breaches {
        let before = breach.activities.len() + breach.data_categories.len();
        breach.activities.retain(|id| activities.contains(id));
        breach
            .data_categories
            .retain(|link| activities.contains(&link.activity));
        if breach.activities.len() + breach.data_categories.len() != before {
            unlinked_breaches.push(breach.reference.clone());
        }
    }
    if !unlinked_breaches.is_empty() {
        done.push(format!(
            "Removed links to activities that are not in the register from {} {}.",
            if unlinked_breaches.len() == 1 {
                "breach"
            } else {
                "breaches"
            },
            unlinked_breaches.join(", ")
        ));
    }
    let mut seen = HashSet::new();
    for index in 0..workspace.breaches.len() {
        let key = workspace.breaches[index].reference.trim().to_uppercase();
        if !seen.insert(key) {
            let breach = &workspace.breaches[index];
            let year = breach.aware.to_zoned(jiff::tz::TimeZone::UTC).year();
            let new = super::breaches::next_reference(&workspace.breaches, year);
            done.push(format!(
                "Breach {} had the same reference as an earlier breach; it is now {new}.",
                breach.reference
            ));
            seen.insert(new.to_uppercase());
            workspace.breaches[index].reference = new;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ActivityId, example::example_workspace};

    fn example() -> Workspace {
        example_workspace(date(2026, 11, 23))
    }

    #[test]
    fn the_example_shop_has_no_problems() {
        assert_eq!(problems(&example()), []);
        assert_eq!(refusal(&example()), None);
        assert_eq!(repair(&mut example()), Vec::<String>::new());
    }

    #[test]
    fn dates_out_of_range_block_and_are_named() {
        let mut workspace = example();
        workspace.requests[1].received = date(-9999, 1, 1);
        workspace.requests[1].clarifications = vec![crate::domain::requests::Clarification {
            asked: date(2026, 11, 1),
            answered: Some(date(9999, 12, 31)),
        }];
        let found = problems(&workspace);
        let reference = &workspace.requests[1].reference;
        assert!(
            found.iter().any(|p| p.blocking
                && p.record == format!("Request {reference}")
                && p.field == "received"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|p| p.blocking && p.field == "clarifications → answered"),
            "{found:?}"
        );
        let reason = refusal(&workspace).expect("refused");
        assert!(
            reason.contains("1 January 1900 to 31 December 2200"),
            "{reason}"
        );
        // The edges are in range.
        workspace.requests[1].received = FIRST_DATE;
        workspace.requests[1].clarifications.clear();
        workspace.organisation.ico_renewal_date = Some(LAST_DATE);
        assert_eq!(refusal(&workspace), None);
        workspace.organisation.ico_renewal_date = Some(date(1899, 12, 31));
        assert!(refusal(&workspace).is_some());
    }

    #[test]
    fn a_text_over_the_limit_blocks() {
        let mut workspace = example();
        workspace.organisation.legal_name = "x".repeat(MAX_TEXT_CHARS);
        assert_eq!(refusal(&workspace), None);
        workspace.organisation.legal_name.push('é');
        let found = problems(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].record, "Organisation");
        assert_eq!(found[0].field, "legal name");
    }

    /// Found by `tests/fuzz.rs`: an id of `u64::MAX` overflowed the counter's repair.
    #[test]
    fn an_id_beyond_the_largest_blocks_instead_of_overflowing() {
        let mut workspace = example();
        workspace.requests[0].id = crate::domain::RequestId(u64::MAX);
        assert!(refusal(&workspace).is_some_and(|r| r.contains("above 9007199254740991")));
        let _ = problems(&workspace);
        let _ = repair(&mut workspace);
    }

    #[test]
    fn broken_links_and_ids_are_named_then_repaired() {
        let mut workspace = example();
        let first_activity = workspace.register[0].id;
        let mut twin = workspace.register[1].clone();
        twin.id = first_activity;
        workspace.register.push(twin);
        workspace.requests[1].id = workspace.requests[0].id;
        workspace.requests[2].activities.push(ActivityId(9_999));
        workspace.requests[3].reference = workspace.requests[0].reference.clone();
        workspace.ids = crate::domain::ids::IdAllocator::default();
        let found = problems(&workspace);
        let fields: Vec<&str> = found.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            ["id", "id", "activities", "reference", "next id"],
            "{found:?}"
        );
        assert!(found.iter().all(|p| !p.blocking));

        let reference = workspace.requests[0].reference.clone();
        let done = repair(&mut workspace);
        assert_eq!(done.len(), 5, "{done:?}");
        assert_eq!(problems(&workspace), [], "{done:?}");
        // The first of each keeps its id and reference; the link stays with the first.
        assert_eq!(workspace.register[0].id, first_activity);
        assert_ne!(
            workspace.register.last().map(|a| a.id),
            Some(first_activity)
        );
        assert_eq!(workspace.requests[0].reference, reference);
        assert_ne!(workspace.requests[3].reference, reference);
        assert_ne!(workspace.requests[1].id, workspace.requests[0].id);
        assert!(
            !workspace.requests[2]
                .activities
                .contains(&ActivityId(9_999))
        );
    }

    fn with_breaches() -> Workspace {
        use crate::domain::{BreachId, breaches::Breach};
        let mut workspace = example();
        // Only the breaches made here.
        workspace.breaches.clear();
        let aware: jiff::Timestamp = "2026-06-01T08:00:00Z".parse().expect("instant");
        let first_activity = workspace.register[0].id;
        let id = workspace.ids.breach();
        let mut breach = Breach::new(
            id,
            "B-2026-001".into(),
            aware,
            "Email to the wrong customer".into(),
        );
        breach.activities.push(first_activity);
        workspace.breaches.push(breach);
        let mut twin = Breach::new(
            BreachId(id.0),
            "b-2026-001".into(),
            aware,
            "Lost phone".into(),
        );
        twin.activities.push(ActivityId(first_activity.0 + 10_000));
        workspace.breaches.push(twin);
        workspace
    }

    #[test]
    fn breaches_with_a_shared_id_or_reference_or_a_dangling_link_are_named_and_repaired() {
        let mut workspace = with_breaches();
        let found = problems(&workspace);
        let fields: Vec<(&str, &str)> = found
            .iter()
            .map(|p| (p.record.as_str(), p.field.as_str()))
            .collect();
        for expected in [
            ("Breach b-2026-001", "id"),
            ("Breach b-2026-001", "reference"),
            ("Breach b-2026-001", "activities"),
        ] {
            assert!(fields.contains(&expected), "{expected:?} not in {found:?}");
        }
        assert!(found.iter().all(|p| !p.blocking), "{found:?}");
        let done = repair(&mut workspace);
        assert_eq!(done.len(), 3, "{done:?}");
        assert_ne!(workspace.breaches[0].id, workspace.breaches[1].id);
        assert_eq!(workspace.breaches[1].reference, "B-2026-002");
        assert!(workspace.breaches[1].activities.is_empty());
        assert_eq!(
            workspace.breaches[0].activities.len(),
            1,
            "a good link stays"
        );
        assert_eq!(problems(&workspace), []);
    }

    #[test]
    fn a_breach_time_out_of_range_blocks() {
        let mut workspace = with_breaches();
        workspace.breaches.truncate(1);
        assert_eq!(refusal(&workspace), None);
        workspace.breaches[0].aware = "1800-01-01T00:00:00Z".parse().expect("instant");
        workspace.breaches[0].closed = Some(date(2999, 1, 1));
        let found = problems(&workspace);
        let fields: Vec<&str> = found
            .iter()
            .filter(|p| p.blocking)
            .map(|p| p.field.as_str())
            .collect();
        assert!(fields.contains(&"aware"), "{found:?}");
        assert!(fields.contains(&"closed"), "{found:?}");
        assert!(refusal(&workspace).is_some());
    }
}
