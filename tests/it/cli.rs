//! The command line as a script or a user runs it: exit codes, words, and files left alone.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path};

use common::{arg, bad_files, smallprint, temp_workspace};

#[test]
fn demo_then_check_passes() {
    let (_dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "", "no problems, no lines");
    assert!(stderr.contains("no problems"), "{stderr}");
}

#[test]
fn demo_never_replaces_a_file_unless_forced() {
    let (_dir, path) = temp_workspace();
    fs::File::create(&path).expect("create");
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(fs::read(&path).expect("read"), b"");
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path), "--force"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn check_prints_one_problem_a_line_and_exits_1() {
    let (_dir, path) = temp_workspace();
    smallprint(&["demo", "--out", arg(&path)]);
    let text = fs::read_to_string(&path).expect("read");
    let spoiled = text
        .replacen(
            "\"legal_name\": \"Morwenna Tallis\"",
            "\"legal_name\": \"\"",
            1,
        )
        .replacen(
            "\"email\": \"hello@kestrelforge.example\"",
            "\"email\": \"hello at kestrel\"",
            1,
        );
    common::write_bytes(&path, spoiled.as_bytes());
    let before = fs::read(&path).expect("read");
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    // The profile's two problems, and the notice's: the email it would print is no
    // email (the one rule the form and the notice's gate share).
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(
        lines[0].starts_with("Organisation → Legal name: required"),
        "{stdout}"
    );
    assert!(lines[1].starts_with("Organisation → Email:"), "{stdout}");
    assert!(
        lines[2].starts_with("Privacy notice → 1. Who you are") && lines[2].contains("Email:"),
        "{stdout}"
    );
    assert_eq!(fs::read(&path).expect("read"), before, "check is read-only");
}

#[test]
fn check_explains_unreadable_files_exits_2_and_leaves_them_alone() {
    for (name, bytes, expected) in bad_files() {
        let (_dir, path) = temp_workspace();
        common::write_bytes(&path, &bytes);
        let (code, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
        assert_eq!(code, 2, "{name}: {stdout}{stderr}");
        assert!(stderr.contains(expected), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert_eq!(
            fs::read(&path).expect("read"),
            bytes,
            "{name}: file changed"
        );
    }
}

#[test]
fn check_on_a_missing_file_says_so() {
    let (_dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("could not read"), "{stderr}");
    assert!(!path.exists(), "check never creates the file");
}

#[test]
fn bad_flags_exit_2() {
    let (code, _, stderr) = smallprint(&["check"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--file"), "{stderr}");
}

#[test]
fn deadline_prints_the_date_first_and_the_working_below() {
    let (code, stdout, stderr) = smallprint(&["deadline", "--received", "2026-01-31"]);
    assert_eq!(code, 0, "{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("2026-03-02"));
    assert_eq!(
        lines.next(),
        Some(
            "Received Sat 31 Jan 2026 → one month: Sat 28 Feb 2026 (February has no 31st) → weekend → next working day Mon 2 Mar 2026"
        )
    );
}

#[test]
fn deadline_takes_nation_restarts_pauses_extensions_and_complaints() {
    let first_line = |args: &[&str]| {
        let (code, stdout, stderr) = smallprint(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        stdout.lines().next().unwrap_or_default().to_owned()
    };
    assert_eq!(
        first_line(&[
            "deadline",
            "--received",
            "2026-05-15",
            "--nation",
            "scotland"
        ]),
        "2026-06-16"
    );
    assert_eq!(
        first_line(&["deadline", "--received", "2026-05-15"]),
        "2026-06-15"
    );
    assert_eq!(
        first_line(&[
            "deadline",
            "--received",
            "2026-03-02",
            "--identity-received",
            "2026-03-09",
            "--paused",
            "2026-03-16..2026-03-19"
        ]),
        "2026-04-13"
    );
    assert_eq!(
        first_line(&[
            "deadline",
            "--received",
            "2026-05-29",
            "--extended",
            "--nation",
            "scotland"
        ]),
        "2026-08-31"
    );
    assert_eq!(
        first_line(&["deadline", "--received", "2026-07-02", "--complaint"]),
        "2026-08-03"
    );
}

#[test]
fn deadline_ignores_a_clarification_asked_after_the_due_date() {
    // Received Mon 5 Jan 2026: one month is Thu 5 Feb. A pause from 10 to 12 Feb comes
    // after the time ran out and stops nothing.
    let (code, stdout, stderr) = smallprint(&[
        "deadline",
        "--received",
        "2026-01-05",
        "--paused",
        "2026-02-10..2026-02-12",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(lines.next(), Some("2026-02-05"));
    let working = lines.next().unwrap_or_default();
    assert!(working.contains("does not move the date"), "{working}");
}

#[test]
fn deadline_with_an_open_pause_says_paused_and_the_days_that_will_remain() {
    // Received Mon 5 Jan 2026, one month to Thu 5 Feb; clarification asked Tue 3 Feb
    // and not answered: 3, 4 and 5 Feb were not used, so 3 days remain on the reply.
    let (code, stdout, stderr) = smallprint(&[
        "deadline",
        "--received",
        "2026-01-05",
        "--paused",
        "2026-02-03..",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"paused"), "{stdout}");
    assert!(
        lines[1].contains("3 days will remain when the reply arrives"),
        "the working: {stdout}"
    );
    assert!(
        stdout.contains(
            "Clarification asked on Tue 3 Feb 2026: 3 days will remain when the reply arrives"
        ),
        "{stdout}"
    );
    assert!(
        !stdout.contains("internal target"),
        "no target while stopped: {stdout}"
    );
    // Answered on Tue 10 Feb: three days on is Fri 13 Feb.
    let (code, stdout, _) = smallprint(&[
        "deadline",
        "--received",
        "2026-01-05",
        "--paused",
        "2026-02-03..2026-02-10",
    ]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().next(), Some("2026-02-13"));
}

#[test]
fn deadline_plays_safe_when_asked() {
    let (code, stdout, _) = smallprint(&["deadline", "--received", "2024-09-03", "--play-safe"]);
    assert_eq!(code, 0);
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("2024-10-02"),
        "a day before the ICO's 3 Oct"
    );
    assert!(
        lines.next().unwrap_or_default().contains("play safe"),
        "{stdout}"
    );
}

#[test]
fn requests_prints_paused_for_a_stopped_clock() {
    let (_dir, path) = temp_workspace();
    smallprint(&["demo", "--out", arg(&path)]);
    let (code, stdout, stderr) = smallprint(&["requests", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    // The example's request awaiting clarification: "paused" in the due column,
    // no days left, listed after the open requests with dates.
    let paused: Vec<&str> = stdout
        .lines()
        .filter(|line| line.contains("Awaiting clarification"))
        .collect();
    assert_eq!(paused.len(), 1, "{stdout}");
    let columns: Vec<&str> = paused[0].split_whitespace().collect();
    assert_eq!(columns[2], "paused", "{}", paused[0]);
    assert_eq!(columns[3], "-", "{}", paused[0]);
    let open_rows: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with("R-"))
        .filter(|line| !line.contains("Closed") && !line.contains("Responded"))
        .collect();
    assert!(
        open_rows.last().is_some_and(|line| line.contains("paused")),
        "undated after dated: {stdout}"
    );
    let (_, within, _) = smallprint(&["requests", "--file", arg(&path), "--due-within", "400"]);
    assert!(
        !within.contains("paused"),
        "no date, so not due within any days: {within}"
    );
}

#[test]
fn deadline_refuses_bad_input_plainly() {
    for args in [
        &["deadline", "--received", "2026-02-30"][..],
        &["deadline", "--received", "31/01/2026"],
        &["deadline", "--received", "2026-01-31", "--nation", "wales"],
        &[
            "deadline",
            "--received",
            "2026-01-31",
            "--paused",
            "2026-02-10",
        ],
        &[
            "deadline",
            "--received",
            "2026-01-31",
            "--paused",
            "2026-02-10..2026-02-01",
        ],
        &[
            "deadline",
            "--received",
            "2026-01-31",
            "--complaint",
            "--extended",
        ],
        &["deadline"],
    ] {
        let (code, stdout, stderr) = smallprint(args);
        assert_eq!(code, 2, "{args:?}: {stdout}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(stderr.contains("error"), "{args:?}: {stderr}");
    }
}

#[test]
fn requests_lists_due_dates_most_urgent_first() {
    let (_dir, path) = temp_workspace();
    smallprint(&["demo", "--out", arg(&path)]);
    let (code, stdout, stderr) = smallprint(&["requests", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("REFERENCE"), "{stdout}");
    let rows: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("R-"))
        .collect();
    assert_eq!(rows.len(), 8, "{stdout}");
    // The marketing objection must stop at once: first, DUE "now" (facts §6.4).
    let first: Vec<&str> = rows[0].split_whitespace().collect();
    assert_eq!(first[2], "now", "{stdout}");
    assert!(
        rows[0].contains("Objection to direct marketing"),
        "{stdout}"
    );
    assert!(
        stdout.contains("acted on at once"),
        "the table says what now means: {stdout}"
    );
    let (code, within, _) = smallprint(&["requests", "--file", arg(&path), "--due-within", "7"]);
    assert_eq!(code, 0);
    let soon = within.lines().filter(|l| l.starts_with("R-")).count();
    assert!((1..8).contains(&soon), "{within}");
    assert!(
        !within.contains("Closed"),
        "closed requests are not due: {within}"
    );
}

#[test]
fn notice_writes_each_format_from_the_extension_or_the_flag() {
    let (dir, path) = temp_workspace();
    smallprint(&["demo", "--out", arg(&path)]);
    for (name, flag, starts) in [
        ("notice.pdf", None, &b"%PDF-"[..]),
        ("notice.html", None, &b"<!DOCTYPE html>"[..]),
        (
            "notice.md",
            None,
            &b"# Kestrel Forge 3D customer privacy notice"[..],
        ),
        ("notice.txt", Some("html"), &b"<!DOCTYPE html>"[..]),
    ] {
        let out = dir.path().join(name);
        let mut args = vec![
            "notice",
            "--file",
            arg(&path),
            "--out",
            arg(&out),
            "--style",
            "layered",
        ];
        if let Some(format) = flag {
            args.extend(["--format", format]);
        }
        let (code, _, stderr) = smallprint(&args);
        assert_eq!(code, 0, "{name}: {stderr}");
        assert!(
            fs::read(&out).expect("written").starts_with(starts),
            "{name}"
        );
        // A notice is for the shop's website: a web server must be able to read it.
        #[cfg(unix)]
        assert_eq!(common::mode_of(&out), 0o644, "{name} is published");
    }
}

#[test]
fn notice_from_an_unreadable_workspace_exits_2_and_writes_nothing() {
    let (dir, path) = temp_workspace();
    let out = dir.path().join("notice.pdf");
    for (what, bytes, _) in bad_files() {
        common::write_bytes(&path, &bytes);
        let (code, _, stderr) = smallprint(&["notice", "--file", arg(&path), "--out", arg(&out)]);
        assert_eq!(code, 2, "{what}: {stderr}");
        assert!(!out.exists(), "{what}: no output file");
    }
    smallprint(&["demo", "--out", arg(&path), "--force"]);
    let unknown = dir.path().join("notice.docx");
    let (code, _, stderr) = smallprint(&["notice", "--file", arg(&path), "--out", arg(&unknown)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--format"), "{stderr}");
    assert!(!unknown.exists());
}

#[test]
fn check_lists_what_the_notice_is_missing() {
    let (_dir, path) = temp_workspace();
    smallprint(&["demo", "--out", arg(&path)]);
    let text = fs::read_to_string(&path).expect("read");
    let spoiled = text
        .replacen(
            "\"legal_name\": \"Morwenna Tallis\"",
            "\"legal_name\": \"\"",
            1,
        )
        .replacen(
            "\"trading_name\": \"Kestrel Forge 3D\"",
            "\"trading_name\": \"\"",
            1,
        );
    assert_ne!(spoiled, text);
    common::write_bytes(&path, spoiled.as_bytes());
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(
        stdout.lines().last().unwrap_or_default(),
        "Privacy notice → 1. Who you are and how to contact you (Art. 13(1)(a) / 14(1)(a)): missing: the shop has no name: give your own name if you are a sole trader, or the company's (fix it on the Organisation screen)"
    );
}

/// The kinds of business `new` offers, as it lists them.
fn kinds() -> Vec<String> {
    let (code, stdout, stderr) = smallprint(&["new", "--list-businesses"]);
    assert_eq!(code, 0, "{stderr}");
    stdout.lines().map(str::to_owned).collect()
}

/// Every piece of starter text a workspace file holds that the shop has not yet
/// replaced or confirmed: each processor's name (a catalogue never knows the shop's
/// real provider) and each text its activities record as a placeholder.
fn example_texts(path: &Path) -> Vec<String> {
    let file: serde_json::Value =
        serde_json::from_slice(&fs::read(path).expect("read")).expect("json");
    let mut texts = Vec::new();
    for activity in file["workspace"]["register"].as_array().expect("register") {
        for processor in activity["processors"].as_array().expect("processors") {
            texts.push(processor["name"].as_str().expect("name").to_owned());
        }
        for placeholder in activity["placeholders"].as_array().expect("placeholders") {
            texts.push(placeholder["text"].as_str().expect("text").to_owned());
        }
    }
    texts.sort();
    texts.dedup();
    texts
}

#[test]
fn new_lists_stable_kebab_case_kinds() {
    let kinds = kinds();
    assert_eq!(kinds.len(), 6, "{kinds:?}");
    for kind in &kinds {
        assert!(
            !kind.is_empty()
                && kind
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{kind:?} is kebab-case"
        );
    }
    assert!(kinds.iter().any(|k| k == "online-shop"), "{kinds:?}");
    assert_eq!(kinds, self::kinds(), "the same every time");
}

#[test]
fn a_new_workspace_from_any_kind_fails_check_and_refuses_the_notice_naming_each_placeholder() {
    for kind in kinds() {
        let (dir, path) = temp_workspace();
        let (code, _, stderr) = smallprint(&["new", "--out", arg(&path), "--business", &kind]);
        assert_eq!(code, 0, "{kind}: {stderr}");
        #[cfg(unix)]
        assert_eq!(common::mode_of(&path), 0o600, "{kind}: private");
        let file: serde_json::Value =
            serde_json::from_slice(&fs::read(&path).expect("read")).expect("json");
        assert_eq!(
            file["workspace"]["organisation"]["legal_name"], "",
            "{kind}: the organisation is left for the shop"
        );
        assert!(
            !file["workspace"]["register"]
                .as_array()
                .expect("register")
                .is_empty()
        );
        let texts = example_texts(&path);
        assert!(!texts.is_empty(), "{kind}: the catalogue has example text");

        let before = fs::read(&path).expect("read");
        let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
        assert_eq!(code, 1, "{kind}: {stdout}");
        for text in &texts {
            assert!(
                stdout.contains(&format!("“{text}”")),
                "{kind}: check does not name “{text}”:\n{stdout}"
            );
        }

        let out = dir.path().join("notice.pdf");
        let (code, _, stderr) = smallprint(&["notice", "--file", arg(&path), "--out", arg(&out)]);
        assert_eq!(code, 2, "{kind}: {stderr}");
        for text in &texts {
            assert!(
                stderr.contains(&format!("“{text}”")),
                "{kind}: notice does not name “{text}”:\n{stderr}"
            );
        }
        assert!(!out.exists(), "{kind}: nothing written");
        assert_eq!(
            fs::read(&path).expect("read"),
            before,
            "{kind}: the workspace is untouched"
        );
    }
}

#[test]
fn new_never_replaces_a_file_unless_forced_and_refuses_unknown_kinds() {
    let (_dir, path) = temp_workspace();
    fs::File::create(&path).expect("create");
    let (code, _, stderr) = smallprint(&["new", "--out", arg(&path), "--business", "tradesperson"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(fs::read(&path).expect("read"), b"");
    let (code, _, stderr) = smallprint(&[
        "new",
        "--out",
        arg(&path),
        "--business",
        "tradesperson",
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!fs::read(&path).expect("read").is_empty());

    let (_dir, fresh) = temp_workspace();
    let (code, _, stderr) = smallprint(&["new", "--out", arg(&fresh), "--business", "florist"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("online-shop"),
        "the kinds are offered: {stderr}"
    );
    assert!(!fresh.exists());
    let (code, _, _) = smallprint(&["new", "--out", arg(&fresh)]);
    assert_eq!(code, 2, "--business is required");
}

#[test]
fn a_confirmed_or_replaced_placeholder_is_no_longer_named() {
    use smallprint::{documents::notice::export_gaps, store};
    let (_dir, path) = temp_workspace();
    smallprint(&["new", "--out", arg(&path), "--business", "online-shop"]);
    let mut workspace = store::read_workspace(&path).expect("reads");
    let before = export_gaps(&workspace).len();
    let activity = &mut workspace.register[0];
    let courier = activity
        .processors
        .iter_mut()
        .find(|p| p.name == "Your courier")
        .expect("a courier");
    courier.name = "Parcelwise Couriers".to_owned();
    let field = activity.unconfirmed_placeholders()[0].field;
    let text = activity.unconfirmed_placeholders()[0].text.clone();
    assert!(activity.confirm_placeholder(field, &text));
    assert_eq!(export_gaps(&workspace).len(), before - 2);
}

#[test]
fn check_names_retention_that_gives_no_period() {
    let (_dir, path) = temp_workspace();
    smallprint(&["demo", "--out", arg(&path)]);
    let text = fs::read_to_string(&path).expect("read");
    let spoiled = text.replacen(
        "\"period\": \"6 years after the sale\"",
        "\"period\": \"As long as needed\"",
        1,
    );
    assert_ne!(spoiled, text, "the example states its sales period");
    common::write_bytes(&path, spoiled.as_bytes());
    let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
    assert_eq!(code, 1, "{stdout}");
    assert!(
        stdout.contains("Retention: “As long as needed” tells people nothing"),
        "{stdout}"
    );
    assert!(
        stdout.contains("8. How long data is kept") && stdout.contains("no period or criterion"),
        "{stdout}"
    );
}
