//! Bounded and total (issue 15): files too large or not files, dates outside the
//! supported range, over-long text, broken links and ids, a byte-order mark — through
//! the command line and through the window's session, never a panic or a hang.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path};

use common::{arg, smallprint, smallprint_within, temp_workspace};
use serde_json::{Value, json};
use smallprint::{
    domain::{example::example_workspace, integrity},
    session::Session,
};

/// The example shop as the file holds it.
fn example_file() -> Value {
    let bytes = smallprint::store::encode(&example_workspace(jiff::civil::date(2026, 11, 23)));
    serde_json::from_slice(&bytes).expect("json")
}

fn write_json(path: &Path, value: &Value) {
    common::write_bytes(path, &serde_json::to_vec_pretty(value).expect("json"));
}

/// The index and reference of the example's first open request.
fn open_request(file: &Value) -> (usize, String) {
    let requests = file["workspace"]["requests"].as_array().expect("requests");
    let index = requests
        .iter()
        .position(|r| r["status"] == "open")
        .expect("an open request");
    (
        index,
        requests[index]["reference"]
            .as_str()
            .expect("reference")
            .to_owned(),
    )
}

/// The file: a request received in year −9999, paused until 9999.
fn extreme_dates() -> (Value, String) {
    let mut file = example_file();
    let (index, reference) = open_request(&file);
    let request = &mut file["workspace"]["requests"][index];
    request["received"] = json!("-009999-01-01");
    request["clarifications"] = json!([{ "asked": "-009999-01-02", "answered": "9999-12-31" }]);
    (file, reference)
}

#[test]
fn check_names_dates_outside_the_supported_range() {
    let (dir, path) = temp_workspace();
    let (file, reference) = extreme_dates();
    write_json(&path, &file);
    let before = fs::read(&path).expect("read");
    let (code, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!(
            "Request {reference} → received: -009999-01-01 is outside the dates Smallprint works with (1 January 1900 to 31 December 2200)"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("clarifications → answered: 9999-12-31 is outside"),
        "{stdout}"
    );
    assert_eq!(fs::read(&path).expect("read"), before);
    drop(dir);
}

#[test]
fn every_command_that_uses_a_file_with_extreme_dates_refuses_it_without_panicking() {
    let (dir, path) = temp_workspace();
    let (file, reference) = extreme_dates();
    write_json(&path, &file);
    let before = fs::read(&path).expect("read");
    let out = dir.path().join("out");
    let out = arg(&out);
    let commands: [&[&str]; 6] = [
        &["requests", "--file", arg(&path)],
        &["requests", "--file", arg(&path), "--due-within", "7"],
        &["calendar", "--file", arg(&path), "--ics", out],
        &["register", "--file", arg(&path), "--csv", out],
        &[
            "notice",
            "--file",
            arg(&path),
            "--out",
            out,
            "--format",
            "md",
        ],
        &[
            "letter",
            "--file",
            arg(&path),
            "--request",
            &reference,
            "--template",
            "acknowledgement",
            "--out",
            "/dev/null/never.txt",
        ],
    ];
    for command in commands {
        let (code, stdout, stderr) = smallprint(command);
        assert_eq!(code, 2, "{command:?}: {stdout}{stderr}");
        assert!(stderr.contains("-009999-01-01"), "{command:?}: {stderr}");
        assert!(stderr.contains("smallprint check"), "{command:?}: {stderr}");
        assert!(!Path::new(out).exists(), "{command:?} wrote its output");
    }
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn deadline_refuses_dates_outside_the_supported_range() {
    for received in [
        "0000-01-01",
        "1800-01-01",
        "1899-12-31",
        "2201-01-01",
        "9999-12-31",
    ] {
        let (code, stdout, stderr) = smallprint(&["deadline", "--received", received]);
        assert_eq!(code, 2, "{received}: {stdout}{stderr}");
        assert!(
            stderr.contains("1 January 1900 to 31 December 2200"),
            "{received}: {stderr}"
        );
    }
    let (code, _, stderr) = smallprint(&[
        "deadline",
        "--received",
        "2026-03-02",
        "--paused",
        "2026-03-03..9999-12-31",
    ]);
    assert_eq!(code, 2, "{stderr}");
    // The edges are supported.
    for received in ["1900-01-01", "2200-12-31"] {
        let (code, stdout, stderr) =
            smallprint(&["deadline", "--received", received, "--extended"]);
        assert_eq!(code, 0, "{received}: {stdout}{stderr}");
    }
}

#[test]
fn the_window_shows_its_message_screen_for_a_file_with_extreme_dates() {
    let (_dir, path) = temp_workspace();
    write_json(&path, &extreme_dates().0);
    match Session::open(&path) {
        Session::Unreadable { reason, .. } => {
            assert!(reason.contains("1 January 1900"), "{reason}");
        }
        other => panic!("expected the message screen, got {other:?}"),
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_without_reading_it() {
    let (_dir, path) = temp_workspace();
    // Sparse: 64 MB and a byte, without writing them.
    let file = fs::File::create(&path).expect("create");
    file.set_len(smallprint::store::MAX_FILE_BYTES + 1)
        .expect("set_len");
    let (code, stdout, stderr) =
        smallprint_within(&["check", "--file", arg(&path)], 30).expect("check finishes");
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("larger than 64 MB"), "{stderr}");
    assert!(matches!(Session::open(&path), Session::Unreadable { .. }));
}

#[cfg(unix)]
#[test]
fn a_named_pipe_a_device_and_a_folder_are_refused_at_once() {
    let (dir, path) = temp_workspace();
    let pipe = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let zero = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let folder = dir.path().join("folder.json");
    fs::create_dir(&folder).expect("folder");
    for (target, kind) in [
        (&pipe, "a named pipe"),
        (&zero, "a device"),
        (&folder, "a folder"),
    ] {
        for command in ["check", "requests"] {
            let (code, stdout, stderr) = smallprint_within(&[command, "--file", arg(target)], 30)
                .unwrap_or_else(|| panic!("{command} on {kind} hangs"));
            assert_eq!(code, 2, "{command} {kind}: {stdout}{stderr}");
            assert!(stderr.contains(kind), "{command} {kind}: {stderr}");
        }
    }
    let _ = path;
}

#[test]
fn a_byte_order_mark_is_accepted_and_said() {
    let (_dir, path) = temp_workspace();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(serde_json::to_vec_pretty(&example_file()).expect("json"));
    common::write_bytes(&path, &bytes);
    let (code, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains("byte-order mark"), "{stderr}");
    let (code, _, stderr) = smallprint(&["requests", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    match Session::open(&path) {
        Session::Open(open) => {
            let notice = open.notice.clone().unwrap_or_default();
            assert!(notice.contains("byte-order mark"), "{notice}");
        }
        other => panic!("expected the file open, got {other:?}"),
    }
    assert_eq!(fs::read(&path).expect("read"), bytes, "opening changed it");
}

/// The example with every referential problem the issue lists.
fn broken_links() -> (Value, String) {
    let mut file = example_file();
    let workspace = &mut file["workspace"];
    let first_reference = workspace["requests"][0]["reference"]
        .as_str()
        .expect("reference")
        .to_owned();
    // A request linked to an activity that is not there.
    workspace["requests"][1]["activities"] = json!([9_999]);
    // Two requests share an id, two a reference.
    workspace["requests"][2]["id"] = workspace["requests"][3]["id"].clone();
    workspace["requests"][4]["reference"] = json!(first_reference);
    // Two activities share an id.
    let mut twin = workspace["register"][0].clone();
    twin["purpose"] = json!("A second activity with the first one's id");
    workspace["register"]
        .as_array_mut()
        .expect("register")
        .push(twin);
    // The counter is below the ids in use.
    workspace["ids"] = json!(3);
    (file, first_reference)
}

#[test]
fn check_names_broken_links_duplicates_and_a_low_counter() {
    let (_dir, path) = temp_workspace();
    let (file, reference) = broken_links();
    write_json(&path, &file);
    let (code, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    for expected in [
        "activities: it is linked to an activity not in the register",
        "id: it has the same internal id",
        &format!("Request {reference} → reference: 2 requests have this reference"),
        "Activity “A second activity with the first one's id” → id: it has the same internal id",
        "Workspace → next id: the next id to hand out (3) is not above an id already used",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
}

#[test]
fn letter_refuses_a_reference_two_requests_share() {
    let (dir, path) = temp_workspace();
    let (file, reference) = broken_links();
    write_json(&path, &file);
    let out = dir.path().join("letter.txt");
    let (code, stdout, stderr) = smallprint(&[
        "letter",
        "--file",
        arg(&path),
        "--request",
        &reference,
        "--template",
        "acknowledgement",
        "--out",
        arg(&out),
    ]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(
        stderr.contains(&format!("2 requests with the reference {reference}")),
        "{stderr}"
    );
    assert!(!out.exists());
}

#[test]
fn the_window_repairs_what_it_safely_can_and_says_what() {
    let (_dir, path) = temp_workspace();
    let (file, reference) = broken_links();
    write_json(&path, &file);
    let Session::Open(open) = Session::open(&path) else {
        panic!("the file opens");
    };
    let notice = open.notice.clone().unwrap_or_default();
    assert!(notice.contains("repaired"), "{notice}");
    assert_eq!(integrity::problems(&open.workspace), []);
    // The first request keeps its reference; the later one gets a new one.
    assert_eq!(open.workspace.requests[0].reference, reference);
    assert_ne!(open.workspace.requests[4].reference, reference);
    assert!(
        notice.contains(&open.workspace.requests[4].reference),
        "{notice}"
    );
}

#[test]
fn a_ten_megabyte_name_is_named_by_check_and_refused_by_the_window() {
    let (_dir, path) = temp_workspace();
    let mut file = example_file();
    file["workspace"]["organisation"]["legal_name"] = json!("N".repeat(10_000_000));
    write_json(&path, &file);
    let (code, stdout, stderr) =
        smallprint_within(&["check", "--file", arg(&path)], 60).expect("check finishes");
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stdout.contains("Organisation → legal name: it is 10000000 characters long"),
        "{}",
        &stdout[..stdout.len().min(500)]
    );
    let (code, _, stderr) = smallprint_within(
        &["calendar", "--file", arg(&path), "--ics", "/dev/null/x.ics"],
        60,
    )
    .expect("calendar finishes");
    assert_eq!(code, 2, "{}", &stderr[..stderr.len().min(500)]);
    assert!(matches!(Session::open(&path), Session::Unreadable { .. }));
}

/// The calendar's lines, unfolded (RFC 5545 §3.1).
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_calendar_writes_no_invalid_event_for_the_last_day_jiff_knows() {
    use smallprint::domain::agenda::{AgendaItem, AgendaKind, Urgency};
    let workspace = example_workspace(jiff::civil::date(2026, 11, 23));
    let item = |date| AgendaItem {
        date,
        kind: AgendaKind::FeeRenewal,
        request: None,
        breach: None,
        at: None,
        title: "Renew the ICO data-protection fee".to_owned(),
        urgency: Urgency::Later,
    };
    let text = smallprint::documents::ics::calendar_ics(
        &workspace,
        &[
            item(jiff::civil::date(2026, 12, 1)),
            item(jiff::civil::Date::MAX),
        ],
        common::at(jiff::civil::date(2026, 11, 23), 9),
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    );
    let lines = unfolded(&text);
    let starts: Vec<&String> = lines.iter().filter(|l| l.starts_with("DTSTART")).collect();
    let ends: Vec<&String> = lines.iter().filter(|l| l.starts_with("DTEND")).collect();
    assert_eq!(starts.len(), ends.len());
    for (start, end) in starts.iter().zip(&ends) {
        let (_, start) = start.rsplit_once(':').expect("value");
        let (_, end) = end.rsplit_once(':').expect("value");
        assert!(
            end > start,
            "an event must end after it starts: {start} {end}"
        );
    }
    assert!(!text.contains("99991231"), "{text}");
}

#[test]
fn a_long_name_gives_a_summary_of_bounded_length() {
    let mut workspace = example_workspace(jiff::civil::date(2026, 11, 23));
    let today = jiff::civil::date(2026, 11, 23);
    let name = "Ŵ".repeat(200_000);
    for request in &mut workspace.requests {
        request.requester.name = name.clone();
    }
    workspace.organisation.trading_name = name;
    let holidays = workspace.holidays();
    let deadlines = smallprint::domain::agenda::deadlines(&workspace, &holidays, today);
    let items = smallprint::domain::agenda::agenda(
        &workspace,
        &deadlines,
        today,
        &smallprint::clock::uk_time_zone(),
    );
    let text = smallprint::documents::ics::calendar_ics(
        &workspace,
        &items,
        common::at(today, 9),
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    );
    let longest = unfolded(&text)
        .iter()
        .map(|line| line.chars().count())
        .max()
        .unwrap_or(0);
    assert!(longest < 400, "a line of {longest} characters");
    assert!(text.contains('…'));
}

#[test]
fn a_backup_with_extreme_dates_is_not_restored() {
    let (dir, path) = temp_workspace();
    common::write_bytes(&path, b"{ damaged");
    let backups = dir.path().join("backups");
    fs::create_dir(&backups).expect("backups");
    write_json(
        &backups.join("workspace-20261120-090000-000.json"),
        &extreme_dates().0,
    );
    let bad = backups.join("workspace-20261120-090000-000.json");
    match Session::open(&path) {
        Session::Unreadable { backups, .. } => {
            assert_eq!(backups.len(), 1);
            assert!(!backups[0].is_usable());
            let problem = backups[0].problem.as_deref().unwrap_or_default();
            assert!(problem.contains("1 January 1900"), "{problem}");
        }
        other => panic!("expected the recovery screen, got {other:?}"),
    }
    // Even asked for by name (a stale click), it is refused.
    match Session::open_backup(&path, &bad, &jiff::tz::TimeZone::UTC) {
        Session::NoFile { reason } => assert!(reason.contains("1 January 1900"), "{reason}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(fs::read(&path).expect("read"), b"{ damaged");
}
