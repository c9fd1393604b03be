//! `breach add` and `breaches` as a script runs them: the 72-hour deadline in UK local
//! time across the clock changes, the refused and repeated local hours, and the lock;
//! `breach-log` as CSV (read back with the csv reader) and as PDF (read back with
//! poppler's `pdftotext`, a different tool than the writer); `breach-draft`.
//!
//! Expected times are worked by hand from the published clock changes (01:00 UTC on
//! 29 March and 25 October 2026): GMT is UTC+0, BST is UTC+1.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path};

use common::{arg, smallprint, temp_workspace};
use smallprint::store;

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    // Without the example's own breach, so references start at B-2026-001.
    let mut workspace = store::read_workspace(&path).expect("reads");
    workspace.breaches.clear();
    fs::remove_file(&path).expect("removed");
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    (dir, path)
}

fn add(path: &Path, aware: &str, offset: Option<&str>) -> (i32, String, String) {
    let mut args = vec![
        "breach",
        "add",
        "--file",
        arg(path),
        "--aware",
        aware,
        "--what",
        "Order confirmation emailed to the wrong customer",
    ];
    if let Some(offset) = offset {
        args.extend(["--aware-offset", offset]);
    }
    smallprint(&args)
}

/// The `breaches` line for `reference`.
fn listed(path: &Path, reference: &str) -> String {
    let (code, stdout, stderr) = smallprint(&["breaches", "--file", arg(path)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("REFERENCE"), "a header line: {stdout}");
    stdout
        .lines()
        .find(|line| line.starts_with(reference))
        .unwrap_or_else(|| panic!("{reference} listed in {stdout}"))
        .to_owned()
}

#[test]
fn breach_add_prints_the_reference_first_and_breaches_lists_the_72_hours_across_spring() {
    let (_dir, path) = demo();
    // 09:00 GMT Sat 28 Mar = 09:00 UTC; + 72 h = 09:00 UTC Tue 31 Mar = 10:00 BST.
    let (code, stdout, stderr) = add(&path, "2026-03-28 09:00", None);
    assert_eq!(code, 0, "{stderr}");
    let reference = stdout.lines().next().expect("a first line");
    assert_eq!(reference, "B-2026-001");
    let workspace = store::read_workspace(&path).expect("reads");
    assert_eq!(workspace.breaches.len(), 1);
    assert_eq!(
        workspace.breaches[0].aware,
        "2026-03-28T09:00:00Z"
            .parse::<jiff::Timestamp>()
            .expect("instant")
    );
    let line = listed(&path, reference);
    assert!(
        line.contains("2026-03-28 09:00  2026-03-31 10:00"),
        "{line}"
    );
    // Not reported, no decision, long past (the machine's clock is after March 2026).
    assert!(line.contains("overdue"), "{line}");
    assert!(
        line.ends_with("Order confirmation emailed to the wrong customer"),
        "{line}"
    );
    // A second breach gets the next number; `check` asks for the decision.
    let (code, stdout, _) = add(&path, "2026-07-01 12:00", None);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().next(), Some("B-2026-002"));
    // 12:00 BST Wed 1 Jul = 11:00 UTC; + 72 h = 11:00 UTC Sat 4 Jul = 12:00 BST.
    assert!(listed(&path, "B-2026-002").contains("2026-07-01 12:00  2026-07-04 12:00"));
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains("Breach B-2026-001 → Decision: no decision yet"),
        "{stdout}"
    );
}

#[test]
fn the_repeated_autumn_hour_needs_its_offset() {
    let (_dir, path) = demo();
    let before = fs::read(&path).expect("read");
    let (code, stdout, stderr) = add(&path, "2026-10-25 01:30", None);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("happened twice"), "{stderr}");
    assert!(
        stderr.contains("--aware-offset +01:00") && stderr.contains("--aware-offset +00:00"),
        "names the choice: {stderr}"
    );
    assert_eq!(fs::read(&path).expect("read"), before, "nothing written");
    // First 01:30 (BST) = 00:30 UTC; + 72 h = 00:30 UTC Wed 28 Oct = 00:30 GMT.
    let (code, stdout, stderr) = add(&path, "2026-10-25 01:30", Some("+01:00"));
    assert_eq!(code, 0, "{stderr}");
    let first = stdout.lines().next().expect("reference").to_owned();
    // Second 01:30 (GMT) = 01:30 UTC; + 72 h = 01:30 UTC Wed 28 Oct = 01:30 GMT.
    let (code, stdout, stderr) = add(&path, "2026-10-25 01:30", Some("+00:00"));
    assert_eq!(code, 0, "{stderr}");
    let second = stdout.lines().next().expect("reference").to_owned();
    assert!(listed(&path, &first).contains("2026-10-25 01:30  2026-10-28 00:30"));
    assert!(listed(&path, &second).contains("2026-10-25 01:30  2026-10-28 01:30"));
    // An offset the UK did not have then is refused too.
    let (code, _, stderr) = add(&path, "2026-07-01 12:00", Some("+00:00"));
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn the_missing_spring_hour_and_bad_input_are_refused_with_nothing_written() {
    let (_dir, path) = demo();
    let before = fs::read(&path).expect("read");
    for (aware, offset, expected) in [
        ("2026-03-29 01:30", None, "does not exist"),
        ("2026-03-29 01:30", Some("+00:00"), "does not exist"),
        ("2026-03-29", None, "YYYY-MM-DD HH:MM"),
        ("2099-01-01 12:00", None, "in the future"),
    ] {
        let (code, stdout, stderr) = add(&path, aware, offset);
        assert_eq!(code, 2, "{aware}: {stdout}");
        assert!(stderr.contains(expected), "{aware}: {stderr}");
        assert!(stdout.is_empty(), "{aware}: {stdout}");
    }
    let (code, _, _) = add(&path, "2026-07-01 12:00", Some("+02:00"));
    assert_eq!(code, 2);
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn breach_add_is_refused_while_a_window_holds_the_file() {
    let (_dir, path) = demo();
    let before = fs::read(&path).expect("read");
    let (window, _) = store::Store::open(&path).expect("a window opens it");
    let (code, stdout, stderr) = add(&path, "2026-07-01 12:00", None);
    assert_eq!(code, 2, "{stdout}");
    assert!(!stderr.is_empty());
    assert_eq!(fs::read(&path).expect("read"), before);
    drop(window);
    let (code, _, stderr) = add(&path, "2026-07-01 12:00", None);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn breach_log_writes_every_breach_with_its_reasons_as_csv() {
    use smallprint::domain::breaches::{Decision, RiskAssessment, RiskLevel};
    let (dir, path) = demo();
    let (code, _, stderr) = add(&path, "2026-03-28 09:00", None);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = add(&path, "2026-10-25 01:30", Some("+00:00"));
    assert_eq!(code, 0, "{stderr}");
    // Judge and decide the first as the window would, through the workspace's rules.
    {
        let (mut store, contents) = store::Store::open(&path).expect("opens");
        let store::Contents::Workspace(mut workspace) = contents else {
            panic!("the demo file is there");
        };
        let id = workspace.breaches[0].id;
        workspace.breaches[0].risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: "=HYPERLINK(\"x\") one customer's order number, recalled unread".into(),
        });
        workspace
            .change_breach(id, |breach| {
                breach.decide(
                    Decision {
                        report: false,
                        reasons: "No risk: the recipient deleted it and told us so".into(),
                        decided_by: "Morwenna Tallis".into(),
                        decided_on: jiff::civil::date(2026, 3, 28),
                    },
                    "2026-03-28T10:00:00Z".parse().expect("instant"),
                    &smallprint::clock::uk_time_zone(),
                )
            })
            .expect("decided");
        store
            .save(&workspace, common::at(jiff::civil::date(2026, 3, 28), 10))
            .expect("saved");
    }
    let out = dir.path().join("breaches.csv");
    let (code, _, stderr) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let bytes = fs::read(&out).expect("written");
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for Excel"
    );
    let mut reader = csv::ReaderBuilder::new().from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 2, "every breach, reported or not");
    let cell = |row: &csv::StringRecord, name: &str| {
        let at = header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} column"));
        row.get(at).expect("cell").to_owned()
    };
    let first = &rows[0];
    assert_eq!(cell(first, "Reference"), "B-2026-001");
    assert_eq!(cell(first, "Became aware (UK time)"), "2026-03-28 09:00");
    assert_eq!(
        cell(first, "Report to the ICO by (UK time, 72 hours)"),
        "2026-03-31 10:00"
    );
    assert_eq!(cell(first, "State"), "not reported");
    assert_eq!(cell(first, "Report to the ICO?"), "No");
    assert_eq!(
        cell(first, "Reasons for the decision"),
        "No risk: the recipient deleted it and told us so"
    );
    assert_eq!(cell(first, "Decided by"), "Morwenna Tallis");
    assert!(
        cell(first, "Risk reasoning").starts_with("'=HYPERLINK"),
        "neutralised"
    );
    let second = &rows[1];
    // Second 01:30 on 25 Oct (GMT) = 01:30 UTC; + 72 h = 01:30 GMT on 28 Oct.
    assert_eq!(
        cell(second, "Report to the ICO by (UK time, 72 hours)"),
        "2026-10-28 01:30"
    );
    assert_eq!(cell(second, "Report to the ICO?"), "");
    // Neither .csv nor .pdf, or the workspace itself: refused, nothing written.
    let xlsx = dir.path().join("breaches.xlsx");
    let (code, _, stderr) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&xlsx)]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains(".csv") && stderr.contains(".pdf"),
        "{stderr}"
    );
    assert!(!xlsx.exists());
    let before = fs::read(&path).expect("read");
    let (code, _, _) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&path)]);
    assert_eq!(code, 2);
    assert_eq!(fs::read(&path).expect("read"), before);
}

/// The breach fixture written to a workspace file in a temporary folder.
fn fixture_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_workspace();
    store::write_new(&path, &common::breach_workspace(), common::SAVED_AT)
        .expect("fixture written");
    (dir, path)
}

#[test]
fn breach_log_pdf_holds_every_breach_with_its_decision_and_reasons() {
    use common::breach_fixture as f;
    let (dir, path) = fixture_file();
    let out = dir.path().join("breach-log.pdf");
    let (code, _, stderr) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("3 breaches"), "{stderr}");
    let bytes = fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
    let text = common::pdftotext(&bytes);
    // Every breach, reported or not, by its reference and in its own words.
    for (reference, what) in [
        ("B-2026-001", f::REPORTED_WHAT),
        ("B-2026-002", f::NOT_REPORTED_WHAT),
        ("B-2026-003", f::UNDECIDED_WHAT),
    ] {
        assert!(
            text.contains(&format!("Breach {reference}")),
            "{reference}: {text}"
        );
        assert!(text.contains(what), "{reference}'s account: {text}");
    }
    // The reasons for each decision, reported or not.
    assert!(text.contains(f::REPORTED_REASONS), "{text}");
    assert!(text.contains(f::NOT_REPORTED_REASONS), "{text}");
    assert!(text.contains(f::ICO_REFERENCE), "{text}");
    assert!(text.contains(f::REPORTED_STEP_2), "{text}");
    // B-2026-001: aware 08:00 UTC on 1 June = 09:00 BST; + 72 h = 09:00 BST on 4 June.
    assert!(text.contains("2026-06-01 09:00"), "{text}");
    assert!(text.contains("2026-06-04 09:00"), "{text}");
    // Its data, named from the register (the fixture's first activity), not by id.
    let workspace = common::breach_workspace();
    assert!(
        text.contains(workspace.register[0].purpose.as_str()),
        "{text}"
    );

    // The output checks of the CSV log hold for the PDF too.
    let before = fs::read(&path).expect("read");
    let (code, _, _) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&path)]);
    assert_eq!(code, 2);
    assert_eq!(fs::read(&path).expect("read"), before);
    let folder = dir.path().join("a-folder.pdf");
    fs::create_dir(&folder).expect("folder");
    let (code, _, _) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&folder)]);
    assert_eq!(code, 2);
}

#[test]
fn an_empty_breach_log_is_still_a_pdf_that_says_so() {
    let (dir, path) = demo();
    let out = dir.path().join("breach-log.pdf");
    let (code, _, stderr) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let text = common::pdftotext(&fs::read(&out).expect("written"));
    assert!(text.contains("no breaches recorded"), "{text}");
    assert!(text.contains("Page 1 of 1"), "{text}");
}

#[test]
fn breach_draft_prints_the_report_items_and_names_what_the_log_lacks() {
    use common::breach_fixture as f;
    let (_dir, path) = fixture_file();
    let workspace = common::breach_workspace();
    let (code, stdout, stderr) = smallprint(&[
        "breach-draft",
        "--file",
        arg(&path),
        "--breach",
        "B-2026-001",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let contact = workspace
        .organisation
        .privacy_contact
        .as_ref()
        .expect("the example has a contact");
    for expected in [
        "B-2026-001",
        f::REPORTED_WHAT,
        f::REPORTED_CONSEQUENCES,
        f::REPORTED_STEP_1,
        f::ICO_REFERENCE,
        contact.name.as_str(),
        contact.email.as_str(),
        workspace.organisation.phone.as_str(),
        // Aware 09:00 BST on 1 June; + 72 hours = 09:00 BST on 4 June.
        "2026-06-01 09:00",
        "2026-06-04 09:00",
        "41",
    ] {
        assert!(stdout.contains(expected), "{expected}:\n{stdout}");
    }
    assert!(!stdout.contains("[not recorded yet"), "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");

    // The undecided breach: its gaps are shown and listed, and still exit 0.
    let (code, stdout, stderr) = smallprint(&[
        "breach-draft",
        "--file",
        arg(&path),
        "--breach",
        "b-2026-003",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains(f::UNDECIDED_WHAT), "{stdout}");
    assert!(
        stdout.contains("[not recorded yet: approximate number of people]"),
        "{stdout}"
    );
    assert!(stderr.contains("approximate number of people"), "{stderr}");

    let (code, stdout, stderr) = smallprint(&[
        "breach-draft",
        "--file",
        arg(&path),
        "--breach",
        "B-2026-099",
    ]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty(), "{stdout}");
    assert!(stderr.contains("no breach B-2026-099"), "{stderr}");
}
