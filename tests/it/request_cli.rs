//! The commands that change a workspace — `request add`, `request step`, `holidays
//! --import` — as a script runs them: what they print, what they write, what they refuse.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path};

use common::{arg, smallprint, temp_workspace};
use smallprint::{
    domain::{
        Workspace,
        holidays::parse_feed,
        requests::{RequestEvent, RequestKind, Status},
    },
    store::{self, backups},
};

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    (dir, path)
}

fn read(path: &Path) -> Workspace {
    store::read_workspace(path).expect("the workspace reads")
}

fn add(path: &Path, name: &str) -> (i32, String, String) {
    add_kind(path, name, "direct-marketing-objection")
}

fn add_kind(path: &Path, name: &str, kind: &str) -> (i32, String, String) {
    smallprint(&[
        "request",
        "add",
        "--file",
        arg(path),
        "--kind",
        kind,
        "--received",
        "2026-01-15",
        "--name",
        name,
        "--email",
        "bryony@example.org",
        "--channel",
        "web-form",
        "--details",
        "Stop the newsletter, please",
    ])
}

#[test]
fn request_add_logs_the_request_prints_its_reference_first_and_keeps_a_backup() {
    let (_dir, path) = demo();
    let before = read(&path).requests;
    let (code, stdout, stderr) = add(&path, "Bryony Fictional");
    assert_eq!(code, 0, "{stderr}");
    let reference = stdout.lines().next().expect("a first line");
    assert!(reference.starts_with("R-2026-"), "{stdout}");
    assert!(
        before.iter().all(|r| r.reference != reference),
        "a new reference"
    );
    let before = before.len();
    let workspace = read(&path);
    assert_eq!(workspace.requests.len(), before + 1);
    let logged = workspace
        .requests
        .iter()
        .find(|r| r.reference == reference)
        .expect("the new request is in the file");
    assert_eq!(logged.kind, RequestKind::DirectMarketingObjection);
    assert_eq!(logged.requester.name, "Bryony Fictional");
    assert_eq!(logged.requester.email, "bryony@example.org");
    assert_eq!(logged.details, "Stop the newsletter, please");
    assert_eq!(logged.received, jiff::civil::date(2026, 1, 15));
    assert!(
        stdout.contains("Bryony Fictional"),
        "says what it did: {stdout}"
    );
    let newest = backups::list(&path).into_iter().next().expect("a backup");
    assert_eq!(read(&newest.path), workspace, "saved as the window saves");
}

#[test]
fn request_add_refuses_what_the_form_refuses_and_writes_nothing() {
    let (_dir, path) = demo();
    let before = fs::read(&path).expect("read");
    for (received, name, why) in [
        ("2999-01-01", "Bryony Fictional", "future"),
        ("15/01/2026", "Bryony Fictional", "Received"),
        ("2026-01-15", "  ", "required"),
    ] {
        let (code, stdout, stderr) = smallprint(&[
            "request",
            "add",
            "--file",
            arg(&path),
            "--kind",
            "access",
            "--received",
            received,
            "--name",
            name,
        ]);
        assert_eq!(code, 2, "{received} {name}: {stdout}");
        assert!(stderr.contains(why), "{stderr}");
        assert_eq!(stdout, "");
        assert_eq!(fs::read(&path).expect("read"), before);
    }
}

#[test]
fn request_add_on_a_missing_file_creates_nothing() {
    let (dir, _) = temp_workspace();
    let missing = dir.path().join("typo").join("workspace.json");
    let (code, _, stderr) = add(&missing, "Bryony Fictional");
    assert_eq!(code, 2);
    assert!(stderr.contains("could not read"), "{stderr}");
    assert!(
        common::files_in(dir.path()).is_empty(),
        "no folder, no lock file"
    );
}

#[test]
fn request_step_records_through_the_windows_rule_and_refuses_with_its_reason() {
    let (_dir, path) = demo();
    let (_, stdout, _) = add_kind(&path, "Bryony Fictional", "erasure");
    let reference = stdout.lines().next().expect("reference").to_owned();
    let step = |step: &str, on: &str, note: Option<&str>| {
        common::request_step(&path, &reference, step, on, note)
    };

    // Closing an open request is not a step the rules allow.
    let before = fs::read(&path).expect("read");
    let (code, stdout, stderr) = step("closed", "2026-01-16", None);
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("cannot be recorded while the request is Open"),
        "{stderr}"
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "a refusal writes nothing"
    );
    // An extension needs its reason.
    let (code, _, stderr) = step("extended", "2026-01-16", None);
    assert_eq!(code, 2);
    assert!(stderr.contains("say why"), "{stderr}");

    let (code, stdout, stderr) = step("identity-requested", "2026-01-16", Some("Asked by email"));
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Asked for proof of identity"), "{stdout}");
    let (code, _, stderr) = step("identity-received", "2026-01-20", None);
    assert_eq!(code, 0, "{stderr}");
    // Before the last step: refused.
    let (code, _, stderr) = step("note", "2026-01-18", Some("late note"));
    assert_eq!(code, 2);
    assert!(stderr.contains("record steps in the order"), "{stderr}");
    let (code, _, stderr) = step("responded", "2026-01-22", Some("Removed from the list"));
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = step("closed", "2026-01-22", None);
    assert_eq!(code, 0, "{stderr}");

    let workspace = read(&path);
    let request = workspace
        .requests
        .iter()
        .find(|r| r.reference == reference)
        .expect("request");
    assert_eq!(request.status, Status::Closed);
    let events: Vec<&RequestEvent> = request.timeline.iter().map(|e| &e.event).collect();
    assert_eq!(
        events,
        [
            &RequestEvent::Logged,
            &RequestEvent::IdentityRequested,
            &RequestEvent::Note {
                text: "Asked by email".to_owned()
            },
            &RequestEvent::IdentityReceived,
            &RequestEvent::Responded {
                outcome: "Removed from the list".to_owned()
            },
            &RequestEvent::Closed,
        ]
    );
    assert_eq!(
        request.identity_received,
        Some(jiff::civil::date(2026, 1, 20))
    );
}

#[test]
fn the_help_lists_every_kind_and_step_by_its_name() {
    let (_, add_help, _) = smallprint(&["request", "add", "--help"]);
    for kind in [
        "access",
        "rectification",
        "erasure",
        "restriction",
        "objection",
        "direct-marketing-objection",
        "portability",
        "automated-decision-review",
        "consent-withdrawal",
        "complaint",
    ] {
        assert!(
            add_help.contains(&format!("- {kind}:")),
            "{kind}: {add_help}"
        );
    }
    let (_, step_help, _) = smallprint(&["request", "step", "--help"]);
    for step in [
        "identity-requested",
        "identity-received",
        "fee-requested",
        "fee-received",
        "clarification-asked",
        "clarification-answered",
        "extended",
        "responded",
        "refused",
        "withdrawn",
        "closed",
        "note",
    ] {
        assert!(
            step_help.contains(&format!("- {step}:")),
            "{step}: {step_help}"
        );
    }
}

#[test]
fn holidays_import_merges_as_settings_does() {
    let (dir, path) = demo();
    let feed_text = r#"{"england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "A fictional extra day", "date": "2030-06-03", "notes": "", "bunting": true}
    ]}, "scotland": {"division": "scotland", "events": [
        {"title": "A fictional extra day", "date": "2030-06-03", "notes": "", "bunting": true}
    ]}, "northern-ireland": {"division": "northern-ireland", "events": [
        {"title": "A fictional extra day", "date": "2030-06-03", "notes": "", "bunting": true}
    ]}}"#;
    let feed_path = dir.path().join("feed.json");
    common::write_bytes(&feed_path, feed_text.as_bytes());
    let mut expected = read(&path);
    expected.import_bank_holidays(&parse_feed(feed_text).expect("feed parses"));

    let (code, stdout, stderr) = smallprint(&[
        "holidays",
        "--file",
        arg(&path),
        "--import",
        arg(&feed_path),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Imported"), "{stdout}");
    let imported = read(&path);
    assert_eq!(
        imported.settings.imported_bank_holidays,
        expected.settings.imported_bank_holidays
    );
    assert!(
        serde_json::to_string(&imported.settings.imported_bank_holidays)
            .expect("json")
            .contains("2030-06-03")
    );

    // A file that is not a feed changes nothing.
    let before = fs::read(&path).expect("read");
    common::write_bytes(&feed_path, b"{\"england-and-wales\": 3}");
    let (code, _, stderr) = smallprint(&[
        "holidays",
        "--file",
        arg(&path),
        "--import",
        arg(&feed_path),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Nothing was changed"), "{stderr}");
    assert_eq!(fs::read(&path).expect("read"), before);
}

/// A save that succeeded but whose backup failed is a success with a warning: a retry
/// after a reported failure would log the request twice.
#[test]
fn a_backup_failure_after_a_save_is_a_warning_not_a_failure() {
    let (dir, path) = demo();
    // A file where the backups folder should be: the save's backup cannot be made.
    common::write_bytes(&dir.path().join("backups"), b"in the way");
    let (code, _, stderr) = smallprint(&[
        "notice",
        "--file",
        arg(&path),
        "--out",
        arg(&dir.path().join("notice.md")),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning:") && stderr.contains("backup"),
        "{stderr}"
    );
    assert!(!stderr.contains("still open here"), "{stderr}");
    let before = store::read_workspace(&path).expect("reads").requests.len();
    let (code, stdout, stderr) = add(&path, "Bryony Fictional");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: the change is saved, but its backup"),
        "{stderr}"
    );
    assert!(!stderr.contains("still open here"), "{stderr}");
    let reference = stdout.lines().next().expect("the reference");
    let after = store::read_workspace(&path).expect("reads");
    assert_eq!(after.requests.len(), before + 1);
    assert!(after.requests.iter().any(|r| r.reference == reference));
}

/// A folder named like a backup (left by a copy, a sync tool) is not one: saves go on
/// and the recovery list does not offer it.
#[test]
fn a_folder_named_like_a_backup_breaks_nothing() {
    let (dir, path) = demo();
    let backups = dir.path().join("backups");
    for day in 1..=12 {
        std::fs::create_dir_all(backups.join(format!("workspace-202611{day:02}-090000-000.json")))
            .expect("stray folder");
    }
    for name in ["Bryony Fictional", "Cai Fictional"] {
        let (code, _, stderr) = add(&path, name);
        assert_eq!(code, 0, "{stderr}");
        assert!(!stderr.contains("warning"), "{stderr}");
    }
    assert!(
        store::backups::survey(&path)
            .iter()
            .all(|info| info.path.is_file())
    );
}

/// Facts §6.4: identity or a clarification is asked as soon as possible; asked with under
/// a week left it is still recorded (exit 0), and standard error says it came late.
#[test]
fn an_identity_request_late_in_the_month_is_recorded_with_a_warning() {
    let (_dir, path) = demo();
    // Received 1 July 2026: due Mon 3 August 2026.
    let (_, stdout, _) = smallprint(&[
        "request",
        "add",
        "--file",
        arg(&path),
        "--kind",
        "erasure",
        "--received",
        "2026-07-01",
        "--name",
        "Bryony Fictional",
    ]);
    let reference = stdout.lines().next().expect("reference").to_owned();
    let step = |on: &str| common::request_step(&path, &reference, "identity-requested", on, None);
    let (code, _, stderr) = step("2026-07-30");
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning")
            && stderr.contains("only 4 days are left")
            && stderr.contains("as soon as possible"),
        "{stderr}"
    );
    // Recorded months after it happened: kept as happening then, and said so.
    assert!(
        stderr.contains("before today") && stderr.contains("only if it really happened then"),
        "{stderr}"
    );
}
