//! The calendar export, read back by an independent iCalendar parser (`ical`).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

mod common;

use std::collections::BTreeMap;

use common::{at, temp_workspace};
use jiff::civil::{Date, date};
use smallprint::{
    documents::ics::calendar_ics,
    domain::{
        agenda::{self, AgendaKind},
        example::example_workspace,
        requests::{RequestDraft, RequestKind},
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

#[test]
fn every_date_to_act_by_is_an_all_day_event_on_the_right_day() {
    let workspace = example_workspace(TODAY);
    let holidays = workspace.holidays();
    let deadlines = agenda::deadlines(&workspace, &holidays, TODAY);
    let items = agenda::agenda(&workspace, &deadlines, TODAY);
    let parsed = events(&calendar_ics(&workspace, &items, at(TODAY, 9)));
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
        let items = agenda::agenda(workspace, &deadlines, TODAY);
        events(&calendar_ics(workspace, &items, at(TODAY, hour)))
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
