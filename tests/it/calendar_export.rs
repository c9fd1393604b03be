//! The calendar export, read back by an independent iCalendar parser (`ical`).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::collections::{BTreeMap, BTreeSet};

use common::{at, temp_workspace};
use jiff::civil::{Date, date};
use smallprint::{
    documents::ics::{calendar_ics, uid},
    domain::{
        Workspace,
        agenda::{self, AgendaKind},
        example::example_workspace,
        requests::{RequestDraft, RequestEvent, RequestKind, Status},
    },
};

const TODAY: Date = date(2026, 11, 23);

/// UID → (DTSTART value, its VALUE parameter, SUMMARY) for every event of a file.
fn events(text: &str) -> BTreeMap<String, (String, String, String)> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    calendar
        .events
        .iter()
        .filter(|event| !is_cancelled(event))
        .map(|event| {
            let property = |name: &str| {
                event
                    .properties
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap_or_else(|| panic!("{name} missing"))
            };
            let start = property("DTSTART");
            let value_type = start
                .params
                .iter()
                .flatten()
                .find(|(key, _)| key == "VALUE")
                .map(|(_, values)| values.join(","))
                .unwrap_or_default();
            property("DTSTAMP");
            property("DTEND");
            (
                property("UID").value.clone().expect("uid"),
                (
                    start.value.clone().expect("start"),
                    value_type,
                    property("SUMMARY").value.clone().expect("summary"),
                ),
            )
        })
        .collect()
}

/// An event kept only so that a re-import removes it (its date is no longer one to act by).
fn is_cancelled(event: &ical::parser::ical::component::IcalEvent) -> bool {
    event
        .properties
        .iter()
        .any(|p| p.name == "STATUS" && p.value.as_deref() == Some("CANCELLED"))
}

#[test]
fn every_date_to_act_by_is_an_all_day_event_on_the_right_day() {
    let workspace = example_workspace(TODAY);
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(&workspace, &holidays, TODAY);
    let items = agenda::agenda(
        &workspace,
        &deadlines,
        TODAY,
        &smallprint::clock::uk_time_zone(),
    );
    let parsed = events(&calendar_ics(
        &workspace,
        &items,
        at(TODAY, 9),
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    ));
    assert_eq!(parsed.len(), items.len());
    for item in &items {
        let uid = smallprint::documents::ics::uid(item);
        let (start, value_type, summary) =
            parsed.get(&uid).unwrap_or_else(|| panic!("{uid} missing"));
        assert_eq!(start, &item.date.strftime("%Y%m%d").to_string(), "{uid}");
        assert_eq!(value_type, "DATE", "{uid} is all-day");
        if let Some(id) = item.request {
            let reference = &workspace.request(id).expect("request").reference;
            assert!(summary.contains(reference.as_str()), "{summary}");
        }
    }
    assert!(items.iter().any(|i| i.kind == AgendaKind::FeeRenewal));
    // The example's marketing objection must stop at once (Art. 21(3)): its event says
    // so, on the day the written confirmation is due (one month from receipt).
    let marketing = workspace
        .requests
        .iter()
        .find(|r| r.kind == smallprint::domain::requests::RequestKind::DirectMarketingObjection)
        .expect("the example's marketing objection");
    let (start, _, summary) = parsed
        .get(&format!(
            "stop-now-request-{}@smallprint.invalid",
            marketing.id.0
        ))
        .expect("a stop-now event");
    assert!(summary.starts_with("Stop now"), "{summary}");
    assert!(summary.contains("confirm in writing"), "{summary}");
    let confirm_by = deadlines[&marketing.id].due_date().expect("a date");
    assert_eq!(start, &confirm_by.strftime("%Y%m%d").to_string());
    assert!(
        confirm_by
            > marketing
                .received
                .saturating_add(jiff::Span::new().days(27)),
        "a month, not the day it came"
    );
    let renewal = parsed
        .get("ico-fee-renewal@smallprint.invalid")
        .expect("fee renewal");
    assert_eq!(renewal.0, "20270314");
}

#[test]
fn uids_are_stable_across_exports_and_new_requests() {
    let mut workspace = example_workspace(TODAY);
    let export = |workspace: &smallprint::domain::Workspace, hour| {
        let holidays = workspace.holidays();
        let deadlines = agenda::deadlines(workspace, &holidays, TODAY);
        let items = agenda::agenda(
            workspace,
            &deadlines,
            TODAY,
            &smallprint::clock::uk_time_zone(),
        );
        events(&calendar_ics(
            workspace,
            &items,
            at(TODAY, hour),
            &jiff::tz::TimeZone::UTC,
            smallprint::documents::ics::Names::Included,
        ))
    };
    let first = export(&workspace, 9);
    let again = export(&workspace, 17);
    assert_eq!(first, again, "a later export has the same events");

    let new = RequestDraft {
        name: "Ines Carvalho-Brook".into(),
        kind: RequestKind::Erasure,
        received: "2026-11-02".into(),
        ..RequestDraft::default()
    }
    .validate(TODAY)
    .expect("valid");
    workspace.log_request(new);
    let after = export(&workspace, 10);
    assert_eq!(after.len(), first.len() + 1);
    for (uid, event) in &first {
        assert_eq!(
            after.get(uid),
            Some(event),
            "{uid} kept its identity and date"
        );
    }
}

#[test]
fn the_cli_writes_a_private_calendar_file() {
    let (dir, path) = temp_workspace();
    let bin = env!("CARGO_BIN_EXE_smallprint");
    let out = dir.path().join("deadlines.ics");
    let status = std::process::Command::new(bin)
        .args(["demo", "--out"])
        .arg(&path)
        .status()
        .expect("demo");
    assert!(status.success());
    let output = std::process::Command::new(bin)
        .args(["calendar", "--file"])
        .arg(&path)
        .arg("--ics")
        .arg(&out)
        .output()
        .expect("calendar");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(!events(&text).is_empty());
    #[cfg(unix)]
    assert_eq!(common::mode_of(&out), 0o600);
}

/// The export of a workspace's agenda, parsed: every event with its alarms.
fn parsed_export(workspace: &Workspace) -> Vec<ical::parser::ical::component::IcalEvent> {
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(workspace, &holidays, TODAY);
    let items = agenda::agenda(
        workspace,
        &deadlines,
        TODAY,
        &smallprint::clock::uk_time_zone(),
    );
    let text = calendar_ics(
        workspace,
        &items,
        at(TODAY, 9),
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    );
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let mut events = parser.next().expect("one calendar").expect("parses").events;
    events.retain(|event| !is_cancelled(event));
    events
}

fn value<'a>(properties: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

fn uids(events: &[ical::parser::ical::component::IcalEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| value(&e.properties, "UID").map(str::to_owned))
        .collect()
}

/// An RFC 5545 duration of days and hours ("-P6DT15H", "PT9H") in hours.
fn hours(duration: &str) -> i64 {
    let (sign, rest) = match duration.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, duration.strip_prefix('+').unwrap_or(duration)),
    };
    let rest = rest.strip_prefix('P').expect("a duration starts with P");
    let (days, time) = rest.split_once('T').unwrap_or((rest, ""));
    let days: i64 = days
        .strip_suffix('D')
        .map_or(0, |d| d.parse().expect("days"));
    let hours: i64 = time
        .strip_suffix('H')
        .map_or(0, |h| h.parse().expect("hours"));
    assert!(
        time.is_empty() || time.ends_with('H'),
        "only days and hours: {duration}"
    );
    sign * (days * 24 + hours)
}

#[test]
fn every_date_to_act_by_reminds_a_week_before_and_on_the_day() {
    let events = parsed_export(&example_workspace(TODAY));
    assert!(events.len() >= 4, "{}", events.len());
    for event in &events {
        let uid = value(&event.properties, "UID").expect("uid");
        assert_eq!(event.alarms.len(), 2, "{uid}: two reminders");
        let mut days_before: Vec<i64> = event
            .alarms
            .iter()
            .map(|alarm| {
                assert_eq!(value(&alarm.properties, "ACTION"), Some("DISPLAY"), "{uid}");
                let description = value(&alarm.properties, "DESCRIPTION").expect("description");
                assert!(!description.trim().is_empty(), "{uid}");
                let trigger = value(&alarm.properties, "TRIGGER").expect("trigger");
                // Relative to the all-day event's start, midnight of its date: the
                // day it fires on, and a working-hours time on that day.
                let hours = hours(trigger);
                let hour_of_day = hours.rem_euclid(24);
                assert!((8..=10).contains(&hour_of_day), "{uid}: {trigger}");
                -hours.div_euclid(24)
            })
            .collect();
        days_before.sort_unstable();
        assert_eq!(days_before, [0, 7], "{uid}: on the day and 7 days before");
    }
}

#[test]
fn the_same_export_twice_is_the_same_file() {
    let workspace = example_workspace(TODAY);
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(&workspace, &holidays, TODAY);
    let items = agenda::agenda(
        &workspace,
        &deadlines,
        TODAY,
        &smallprint::clock::uk_time_zone(),
    );
    let first = calendar_ics(
        &workspace,
        &items,
        at(TODAY, 9),
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    );
    assert_eq!(
        first,
        calendar_ics(
            &workspace,
            &items,
            at(TODAY, 9),
            &jiff::tz::TimeZone::UTC,
            smallprint::documents::ics::Names::Included
        )
    );
    assert!(
        !first.contains("DTSTAMP:2000")
            && first.matches("DTSTAMP:20261123T090000Z").count()
                == first.matches("BEGIN:VEVENT").count(),
        "every event stamped with the export's time"
    );
    // RFC 5545 §3.6.6: a VALARM has no DTSTAMP.
    for alarm in first.split("BEGIN:VALARM").skip(1) {
        let alarm = alarm.split("END:VALARM").next().unwrap_or_default();
        assert!(!alarm.contains("DTSTAMP"), "{alarm}");
    }
}

#[test]
fn a_stopped_clock_has_no_due_event_and_an_extended_request_no_tell_by_event() {
    let mut workspace = example_workspace(TODAY);
    let paused = workspace
        .requests
        .iter()
        .find(|r| r.status == Status::AwaitingClarification)
        .expect("the example's request awaiting clarification")
        .id;
    let extended = workspace
        .requests
        .iter()
        .find(|r| r.status == Status::Extended)
        .expect("the example's extended request")
        .id;
    let waiting = workspace
        .requests
        .iter()
        .find(|r| r.status == Status::Open && !r.is_complaint())
        .expect("an open request")
        .id;
    let before = uids(&parsed_export(&workspace));
    assert!(before.contains(&format!("due-request-{}@smallprint.invalid", waiting.0)));
    workspace
        .record_request_event(waiting, RequestEvent::IdentityRequested, TODAY, TODAY)
        .expect("recorded");

    let all = uids(&parsed_export(&workspace));
    for (id, what) in [(paused, "clarification"), (waiting, "identity")] {
        assert!(
            all.iter()
                .all(|uid| !uid.ends_with(&format!("-request-{}@smallprint.invalid", id.0))),
            "waiting for {what}: no event at all, {all:?}"
        );
    }
    assert!(all.contains(&format!("due-request-{}@smallprint.invalid", extended.0)));
    assert!(
        !all.contains(&format!(
            "tell-by-request-{}@smallprint.invalid",
            extended.0
        )),
        "{all:?}"
    );
    assert!(
        all.iter().all(|uid| !uid.starts_with("tell-by-")),
        "{all:?}"
    );
    // The uid helper names the same events the file holds.
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(&workspace, &holidays, TODAY);
    let items = agenda::agenda(
        &workspace,
        &deadlines,
        TODAY,
        &smallprint::clock::uk_time_zone(),
    );
    let from_items: BTreeSet<String> = items.iter().map(uid).collect();
    assert_eq!(from_items, all.into_iter().collect::<BTreeSet<_>>());
}

/// The second breach reported, the third reported and closed, the fourth decided
/// against reporting: none awaits anything.
fn settle_all_but_the_first(workspace: &mut Workspace) {
    use smallprint::domain::breaches::{Decision, IcoReport, RiskAssessment, RiskLevel};
    let at = |text: &str| text.parse::<jiff::Timestamp>().expect("instant");
    for (index, breach) in workspace.breaches.iter_mut().enumerate().skip(1) {
        let report = index != 3;
        breach.risk = Some(RiskAssessment {
            level: if report {
                RiskLevel::Risk
            } else {
                RiskLevel::Unlikely
            },
            reasoning: "fictional".into(),
        });
        breach.decision = Some(Decision {
            report,
            reasons: "fictional".into(),
            decided_by: "Morwenna Tallis".into(),
            decided_on: date(2026, 11, 3),
        });
        if index == 1 {
            breach.report = Some(IcoReport {
                at: at("2026-11-03T10:00:00Z"),
                reference: String::new(),
            });
        }
        if index == 2 {
            breach.report = Some(IcoReport {
                at: at("2026-11-03T10:00:00Z"),
                reference: String::new(),
            });
            breach.closed = Some(date(2026, 11, 20));
        }
    }
}

/// Each breach still awaiting a report or a decision is a timed event ending when its
/// 72 hours end, with reminders; a closed, reported or decided-against one has none.
#[test]
fn each_open_breach_is_an_event_ending_when_its_72_hours_end_with_alarms() {
    let zone = smallprint::clock::uk_time_zone();
    let mut workspace = example_workspace(TODAY);
    // Only the breaches made here (the example's own is closed).
    workspace.breaches.clear();
    // Aware 23:30 UK time on Friday 23 October 2026 (BST, 22:30 UTC); the clocks go
    // back on Sunday 25 October, so 72 elapsed hours end at 22:30 UTC on Monday 26
    // October, 22:30 GMT — the local time of day moves an hour.
    let open = workspace.log_breach(
        "2026-10-23T22:30:00Z".parse().expect("instant"),
        "Order confirmation emailed to the wrong customer".into(),
        &zone,
    );
    let mut ids = Vec::new();
    for what in ["Lost phone", "Wrong parcel label", "Shared spreadsheet"] {
        ids.push(workspace.log_breach(
            "2026-11-02T10:00:00Z".parse().expect("instant"),
            what.into(),
            &zone,
        ));
    }
    settle_all_but_the_first(&mut workspace);
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(&workspace, &holidays, TODAY);
    let items = agenda::agenda(&workspace, &deadlines, TODAY, &zone);
    let text = calendar_ics(
        &workspace,
        &items,
        common::at(TODAY, 9),
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    );

    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    let breach_events: Vec<_> = calendar
        .events
        .iter()
        .filter(|event| !is_cancelled(event))
        .filter(|event| {
            event.properties.iter().any(|p| {
                p.name == "UID" && p.value.as_deref().is_some_and(|v| v.contains("breach"))
            })
        })
        .collect();
    assert_eq!(breach_events.len(), 1, "only the open breach: {text}");
    let event = breach_events[0];
    let value = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    // 22:30 UTC + 72 h, worked by hand.
    assert_eq!(value("DTEND"), "20261026T223000Z");
    assert_eq!(value("DTSTART"), "20261026T220000Z");
    assert!(
        value("SUMMARY").contains("B-2026-001"),
        "{}",
        value("SUMMARY")
    );
    let triggers: Vec<String> = event
        .alarms
        .iter()
        .filter_map(|alarm| {
            alarm
                .properties
                .iter()
                .find(|p| p.name == "TRIGGER")
                .and_then(|p| p.value.clone())
        })
        .collect();
    // A day, four hours and half an hour before the end, from a start half an hour
    // before it.
    assert_eq!(triggers, ["-PT23H30M", "-PT3H30M", "PT0S"]);
    let uid = value("UID");
    assert_eq!(uid, format!("report-breach-{}@smallprint.invalid", open.0));
    // A closed breach's event is only ever there cancelled, so a re-import removes it.
    for closed in &ids {
        let uid = format!("report-breach-{}@smallprint.invalid", closed.0);
        for event in calendar.events.iter().filter(|event| {
            event
                .properties
                .iter()
                .any(|p| p.name == "UID" && p.value.as_deref() == Some(uid.as_str()))
        }) {
            assert!(is_cancelled(event), "{uid} is not cancelled");
        }
    }
    // On the calendar and the overview, on the UK day the 72 hours end.
    let item = items
        .iter()
        .find(|i| i.breach == Some(open))
        .expect("on the agenda");
    assert_eq!(item.date, date(2026, 10, 26));
    assert!(item.title.contains("by 22:30"), "{}", item.title);
}

fn export_of(workspace: &Workspace, names: smallprint::documents::ics::Names) -> String {
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(workspace, &holidays, TODAY);
    let zone = smallprint::clock::uk_time_zone();
    let items = agenda::agenda(workspace, &deadlines, TODAY, &zone);
    calendar_ics(workspace, &items, at(TODAY, 9), &zone, names)
}

/// Every event of a file, read back by the independent parser: UID → its properties.
fn parsed(text: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none(), "exactly one calendar");
    calendar
        .events
        .iter()
        .map(|event| {
            let properties: BTreeMap<String, String> = event
                .properties
                .iter()
                .map(|p| (p.name.clone(), p.value.clone().unwrap_or_default()))
                .collect();
            (properties["UID"].clone(), properties)
        })
        .collect()
}

#[test]
fn a_newline_in_the_shops_name_forges_no_event() {
    use smallprint::documents::ics::Names;
    let mut workspace = example_workspace(TODAY);
    let honest = parsed(&export_of(&workspace, Names::Omitted)).len();
    workspace.organisation.trading_name = "Kestrel\r\nEND:VCALENDAR\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:forged@evil\r\nSUMMARY:Pay now\r\nEND:VEVENT\nX;Y,Z\\".to_owned();
    let text = export_of(&workspace, Names::Omitted);
    let events = parsed(&text);
    assert_eq!(events.len(), honest, "{text}");
    assert!(!events.contains_key("forged@evil"));
    assert_eq!(
        text.split("\r\n")
            .filter(|l| *l == "BEGIN:VCALENDAR")
            .count(),
        1
    );
    assert!(text.lines().all(|line| !line.starts_with("UID:forged")));
    // Every line ends CRLF and none is longer than 75 octets.
    for line in text.split_terminator("\r\n") {
        assert!(!line.contains('\n') && !line.contains('\r'), "{line:?}");
        assert!(line.len() <= 75, "{line:?}");
    }
}

#[test]
fn the_default_calendar_names_nobody_and_names_only_when_asked() {
    use smallprint::documents::ics::Names;
    let workspace = example_workspace(TODAY);
    let text = export_of(&workspace, Names::Omitted);
    let unfolded = text.replace("\r\n ", "");
    for request in &workspace.requests {
        assert!(
            !unfolded.contains(&request.requester.name),
            "{} is in the calendar",
            request.requester.name
        );
    }
    for breach in &workspace.breaches {
        assert!(!unfolded.contains(&breach.what_happened));
    }
    let open = workspace
        .requests
        .iter()
        .find(|r| r.status.is_open() && !r.is_complaint() && !r.stops_at_once())
        .expect("an open request");
    assert!(unfolded.contains(&format!("{} · {}", open.reference, open.kind)));
    let named = export_of(&workspace, Names::Included).replace("\r\n ", "");
    assert!(named.contains(&open.requester.name));
}

#[test]
fn a_moved_date_has_a_higher_sequence_and_an_answered_request_is_cancelled() {
    use smallprint::documents::ics::Names;
    let mut workspace = example_workspace(TODAY);
    let open = workspace
        .requests
        .iter()
        .find(|r| r.status == Status::Open && !r.is_complaint() && !r.stops_at_once())
        .expect("an open request");
    let (id, received) = (open.id, open.received);
    let uid = format!("due-request-{}@smallprint.invalid", id.0);
    let before = parsed(&export_of(&workspace, Names::Omitted));
    let sequence = |events: &BTreeMap<String, BTreeMap<String, String>>| -> u64 {
        events[&uid]["SEQUENCE"].parse().expect("a number")
    };
    assert_eq!(before[&uid]["STATUS"], "CONFIRMED");

    // Identity asked and received: the month restarts, the date moves.
    workspace
        .record_request_event(id, RequestEvent::IdentityRequested, received, TODAY)
        .expect("recorded");
    workspace
        .record_request_event(id, RequestEvent::IdentityReceived, TODAY, TODAY)
        .expect("recorded");
    let moved = parsed(&export_of(&workspace, Names::Omitted));
    assert_ne!(
        moved[&uid]["DTSTART"], before[&uid]["DTSTART"],
        "the date moved"
    );
    assert!(sequence(&moved) > sequence(&before));

    workspace
        .record_request_event(
            id,
            RequestEvent::Responded {
                outcome: "Sent a copy of their data".to_owned(),
            },
            TODAY,
            TODAY,
        )
        .expect("recorded");
    let answered = parsed(&export_of(&workspace, Names::Omitted));
    assert_eq!(answered[&uid]["STATUS"], "CANCELLED");
    assert!(sequence(&answered) > sequence(&moved));
}

#[test]
fn an_empty_workspaces_calendar_is_still_a_calendar() {
    use smallprint::documents::ics::Names;
    let workspace = Workspace::default();
    let text = export_of(&workspace, Names::Omitted);
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(calendar.events.is_empty());
    // RFC 5545 §3.6: at least one component, here the UK's time zone.
    assert_eq!(calendar.timezones.len(), 1);
    let property = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(property("VERSION"), "2.0");
    assert!(property("PRODID").contains(&format!("Smallprint {}", env!("CARGO_PKG_VERSION"))));
}
