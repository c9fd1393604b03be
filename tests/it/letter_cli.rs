//! `smallprint letter` as a script uses it: the letters and their parts listed, parts
//! given with `--set`, and every refusal — a missing or unknown part, a letter the law
//! does not allow, an output that cannot be written — exits 2 with nothing left behind;
//! and `--breach`, the letter to the people a breach affects, by the same rules.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path};

use common::{arg, smallprint};

/// The example shop, and the reference of its open erasure request.
fn example(dir: &Path) -> (String, String) {
    let path = dir.join("shop.json");
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    let (_, listing, _) = smallprint(&["requests", "--file", arg(&path)]);
    let erasure = listing
        .lines()
        .find(|line| line.contains("Erasure"))
        .and_then(|line| line.split_whitespace().next())
        .expect("the example has an erasure request")
        .to_owned();
    (arg(&path).to_owned(), erasure)
}

#[test]
fn the_letters_and_their_parts_are_listed() {
    let (code, stdout, _) = smallprint(&["letter", "--list-templates"]);
    assert_eq!(code, 0);
    assert!(stdout.lines().count() >= 19, "{stdout}");
    assert!(
        stdout.lines().any(|l| l.starts_with("refusal ")),
        "{stdout}"
    );

    let (code, stdout, stderr) = smallprint(&["letter", "--template", "refusal", "--list-parts"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let ground = lines
        .iter()
        .find(|l| l.starts_with("refusal-ground "))
        .expect("the ground");
    assert!(ground.contains("required"), "{ground}");
    assert!(
        ground.contains("manifestly-unfounded") && ground.contains("manifestly-excessive"),
        "{ground}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("reasons ") && l.contains("required"))
    );

    let (code, stdout, _) =
        smallprint(&["letter", "--template", "acknowledgement", "--list-parts"]);
    assert_eq!(code, 0);
    assert!(
        stdout.lines().all(|line| line.contains("optional")),
        "an acknowledgement needs nothing the shop must state: {stdout}"
    );
    let (code, _, stderr) = smallprint(&["letter", "--template", "no-such", "--list-parts"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no letter called"), "{stderr}");
}

#[test]
fn parts_are_set_and_a_missing_or_unknown_part_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, erasure) = example(dir.path());
    let out = dir.path().join("refusal.txt");
    let base = [
        "letter",
        "--file",
        &file,
        "--request",
        &erasure,
        "--template",
        "refusal",
        "--out",
        arg(&out),
    ];

    let (code, _, stderr) = smallprint(&base);
    assert_eq!(code, 2);
    assert!(stderr.contains("refusal-ground"), "{stderr}");
    assert!(stderr.contains("reasons"), "{stderr}");
    assert!(!out.exists(), "nothing written");

    let with = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        smallprint(&args)
    };
    let (code, _, stderr) = with(&["--set", "refusal-ground=manifestly-excessive"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("reasons") && !stderr.contains("refusal-ground="),
        "{stderr}"
    );
    assert!(!out.exists());

    let (code, _, stderr) = with(&["--set", "ground=manifestly-excessive"]);
    assert_eq!(code, 2, "an unknown part");
    assert!(stderr.contains("no part called “ground”"), "{stderr}");
    let (code, _, stderr) = with(&["--set", "refusal-ground=vexatious"]);
    assert_eq!(code, 2, "not one of the law's grounds");
    assert!(stderr.contains("manifestly-unfounded"), "{stderr}");
    assert!(!out.exists());

    let reasons =
        "You sent the same request on 1, 3 and 5 November; we answered the first in full.";
    let reasons_arg = format!("reasons={reasons}");
    let (code, _, stderr) = with(&[
        "--set",
        "refusal-ground=manifestly-excessive",
        "--set",
        &reasons_arg,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let text = fs::read_to_string(&out).expect("written");
    let text = common::normalised(&text);
    assert!(text.contains(reasons), "{text}");
    assert!(text.contains("manifestly excessive"), "{text}");
    assert!(!text.contains('['), "no gap: {text}");
}

#[test]
fn a_letter_the_law_does_not_allow_and_an_unwritable_output_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, erasure) = example(dir.path());
    let (_, listing, _) = smallprint(&["requests", "--file", &file]);
    let marketing = listing
        .lines()
        .find(|line| line.contains("Objection to direct marketing"))
        .and_then(|line| line.split_whitespace().next())
        .expect("a marketing objection")
        .to_owned();
    let out = dir.path().join("fee.pdf");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--request",
        &marketing,
        "--template",
        "fee-notice",
        "--out",
        arg(&out),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("objection to direct marketing"), "{stderr}");
    assert!(!out.exists());

    let missing_folder = dir.path().join("no-such-folder").join("ack.pdf");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--request",
        &erasure,
        "--template",
        "acknowledgement",
        "--out",
        arg(&missing_folder),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!missing_folder.exists());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        // The workspace's own files: the lock is its writer's (`demo` took it).
        .filter(|name| !["shop.json", "backups", ".shop.json.lock"].contains(&name.as_str()))
        .collect();
    assert!(leftovers.is_empty(), "nothing left behind: {leftovers:?}");
}

/// The breach fixture in a workspace file: the folder and the file's path.
fn breach_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("shop.json");
    smallprint::store::write_new(&file, &common::breach_workspace(), common::SAVED_AT)
        .expect("fixture");
    let file = arg(&file).to_owned();
    (dir, file)
}

#[test]
fn the_breach_letter_is_listed_with_its_parts() {
    // Listed, with its parts; the advice is chosen from a list, several at once.
    let (_, listing, _) = smallprint(&["letter", "--list-templates"]);
    assert!(
        listing
            .lines()
            .any(|l| l.starts_with("breach-people-affected ") && l.contains("--breach")),
        "{listing}"
    );
    let (code, stdout, stderr) = smallprint(&[
        "letter",
        "--template",
        "breach-people-affected",
        "--list-parts",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let advice = stdout
        .lines()
        .find(|l| l.starts_with("advice "))
        .expect("an advice part");
    assert!(
        advice.contains("required") && advice.contains("phishing"),
        "{advice}"
    );
}

#[test]
fn the_breach_letter_is_written_with_breach_and_refused_naming_each_missing_part() {
    use common::breach_fixture as f;
    let (dir, file) = breach_file();

    // B-2026-003 has no consequences in the log: refused, naming each missing part.
    let out = dir.path().join("letter.txt");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--breach",
        "B-2026-003",
        "--out",
        arg(&out),
    ]);
    assert_eq!(code, 2);
    for part in ["consequences", "information", "measures", "advice"] {
        assert!(
            stderr.contains(&format!("--set {part}=")),
            "{part}: {stderr}"
        );
    }
    assert!(
        !stderr.contains("--set what-happened="),
        "from the log: {stderr}"
    );
    assert!(!out.exists(), "nothing written");
    // A choice not on the list is refused.
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--breach",
        "B-2026-001",
        "--out",
        arg(&out),
        "--set",
        "advice=phishing,pray",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("phishing, password"), "{stderr}");
    assert!(!out.exists());

    // B-2026-001, complete once the advice is chosen.
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--breach",
        "b-2026-001",
        "--template",
        "breach-people-affected",
        "--date",
        "2026-06-02",
        "--out",
        arg(&out),
        "--set",
        "advice=phishing,bank",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("Required"), "a high risk: {stderr}");
    let text = common::normalised(&fs::read_to_string(&out).expect("written"));
    for point in [
        f::REPORTED_WHAT,
        f::REPORTED_CONSEQUENCES,
        f::REPORTED_STEP_2,
    ] {
        assert!(text.contains(point), "{point}: {text}");
    }
    assert!(!text.contains('['), "{text}");
}

#[test]
fn the_request_and_breach_selectors_keep_their_letters_apart() {
    let (dir, file) = breach_file();
    let out = dir.path().join("letter.txt");
    // The selectors keep their meaning: a request letter is not for a breach, the breach
    // letter not for a request, and an unknown breach is refused.
    for (args, expected) in [
        (
            vec!["--breach", "B-2026-001", "--template", "refusal"],
            "answers a request",
        ),
        (
            vec![
                "--request",
                "R-2026-001",
                "--template",
                "breach-people-affected",
            ],
            "--breach",
        ),
        (vec!["--breach", "B-2026-404"], "no breach B-2026-404"),
    ] {
        let out = dir.path().join("refused.pdf");
        let mut full = vec!["letter", "--file", file.as_str(), "--out", arg(&out)];
        full.extend(args);
        let (code, _, stderr) = smallprint(&full);
        assert_eq!(code, 2, "{full:?}");
        assert!(stderr.contains(expected), "{full:?}: {stderr}");
        assert!(!out.exists());
    }
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--breach",
        "B-2026-001",
        "--request",
        "R-2026-001",
        "--template",
        "refusal",
        "--out",
        arg(&out),
    ]);
    assert_eq!(code, 2, "{stderr}");
}

/// The example file's register as an independent reader sees it (`serde_json`, not the
/// app's types): each activity's purpose, recipients and transfers.
fn register_as_json(file: &str) -> Vec<serde_json::Value> {
    let text = fs::read_to_string(file).expect("read");
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    value["workspace"]["register"]
        .as_array()
        .expect("a register")
        .clone()
}

fn reference_of(file: &str, kind: &str) -> String {
    let (_, listing, _) = smallprint(&["requests", "--file", file]);
    listing
        .lines()
        .find(|line| line.contains(kind) && line.contains("Open"))
        .and_then(|line| line.split_whitespace().next())
        .unwrap_or_else(|| panic!("an open {kind} request: {listing}"))
        .to_owned()
}

#[test]
fn the_six_outcome_letters_are_listed_by_their_names() {
    let (code, stdout, _) = smallprint(&["letter", "--list-templates"]);
    assert_eq!(code, 0);
    for name in [
        "nothing-held",
        "cannot-identify",
        "right-not-applicable",
        "consent-withdrawn",
        "decision-reviewed",
        "complaint-progress",
    ] {
        assert!(
            stdout.lines().any(|l| l.starts_with(&format!("{name} "))),
            "{name} is not listed:\n{stdout}"
        );
    }
    let (code, stdout, _) =
        smallprint(&["letter", "--template", "access-response", "--list-parts"]);
    assert_eq!(code, 0);
    assert!(
        stdout
            .lines()
            .any(|l| l.starts_with("activities ") && l.contains("required")),
        "{stdout}"
    );
    assert!(
        !stdout.contains("scope"),
        "no scope defaulting to everything: {stdout}"
    );
}

#[test]
fn an_access_response_names_exactly_the_activities_ticked_and_nothing_without_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = example(dir.path());
    let access = reference_of(&file, "Subject access");
    let out = dir.path().join("reply.txt");
    let base = [
        "letter",
        "--file",
        &file,
        "--request",
        &access,
        "--template",
        "access-response",
        "--out",
        arg(&out),
        "--set",
        "delivery=A PDF attached to this email.",
        "--set",
        "withheld=nothing",
    ];
    let (code, _, stderr) = smallprint(&base);
    assert_eq!(code, 2, "written without activities");
    assert!(stderr.contains("--set activities="), "{stderr}");
    assert!(!out.exists(), "nothing written");

    let mut with = base.to_vec();
    with.extend(["--set", "activities=1,4"]);
    let (code, _, stderr) = smallprint(&with);
    assert_eq!(code, 0, "{stderr}");
    let text = fs::read_to_string(&out).expect("the letter").to_lowercase();
    let register = register_as_json(&file);
    let names = |activity: &serde_json::Value| -> Vec<String> {
        let mut names: Vec<String> = activity["processors"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["name"].as_str().map(str::to_lowercase))
            .collect();
        names.extend(
            activity["other_recipients"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str().map(str::to_lowercase)),
        );
        names
    };
    for ticked in [&register[0], &register[3]] {
        let purpose = ticked["purpose"].as_str().expect("purpose").to_lowercase();
        assert!(text.contains(&purpose), "“{purpose}” missing:\n{text}");
        for name in names(ticked) {
            assert!(text.contains(&name), "recipient “{name}” missing");
        }
        for transfer in ticked["transfers"].as_array().into_iter().flatten() {
            let country = transfer["country"]
                .as_str()
                .expect("country")
                .to_lowercase();
            assert!(text.contains(&country), "transfer to {country} missing");
        }
    }
    for other in [&register[1], &register[2]] {
        let purpose = other["purpose"].as_str().expect("purpose").to_lowercase();
        assert!(
            !text.contains(&purpose),
            "“{purpose}” was not ticked:\n{text}"
        );
        for name in names(other) {
            let ticked_too =
                names(&register[0]).contains(&name) || names(&register[3]).contains(&name);
            assert!(
                ticked_too || !text.contains(&name),
                "recipient “{name}” was not ticked"
            );
        }
    }

    // An activity the register does not have is refused, naming the count.
    let mut beyond = base.to_vec();
    beyond.extend(["--set", "activities=1,9"]);
    let (code, _, stderr) = smallprint(&beyond);
    assert_eq!(code, 2);
    assert!(stderr.contains("no activity 9"), "{stderr}");
}

#[test]
fn a_late_letter_is_written_with_a_warning_on_standard_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, _) = example(dir.path());
    // The example's rectification request is overdue (received 36 days ago).
    let late = reference_of(&file, "Rectification");
    let out = dir.path().join("done.txt");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--request",
        &late,
        "--template",
        "rectification-done",
        "--out",
        arg(&out),
        "--set",
        "corrected=your delivery address now reads 9 Example Row",
        "--set",
        "recipients-told=not-shared",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.exists());
    assert!(
        stderr.contains("warning") && stderr.contains("late"),
        "the shop is told the letter is late: {stderr}"
    );
}

#[test]
fn a_fee_for_further_copies_is_refused_on_anything_but_subject_access() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, erasure) = example(dir.path());
    let out = dir.path().join("fee.txt");
    let before = fs::read(&file).expect("read");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--request",
        &erasure,
        "--template",
        "fee-notice",
        "--out",
        arg(&out),
        "--set",
        "fee-ground=further-copies",
        "--set",
        "reasons=A second copy.",
        "--set",
        "amount=£10.00",
        "--set",
        "fee-basis=Printing and postage.",
        "--set",
        "how-to-pay=by bank transfer",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Art. 15(3)"), "{stderr}");
    assert!(!out.exists());
    assert_eq!(fs::read(&file).expect("read"), before);
}

/// A new workspace's register still holds the starter catalogue's example text ("Your
/// courier"): a reply that would describe it to a requester as fact is refused, naming
/// the field, as the notice is (no starter placeholder reaches any letter).
#[test]
fn starter_example_text_never_reaches_a_subject_access_reply() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("new.json");
    let (_, businesses, _) = smallprint(&["new", "--list-businesses"]);
    let business = businesses
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().next())
        .expect("a kind of business");
    let (code, _, stderr) = smallprint(&["new", "--out", arg(&file), "--business", business]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = smallprint(&[
        "request",
        "add",
        "--file",
        arg(&file),
        "--kind",
        "access",
        "--received",
        "2026-11-30",
        "--name",
        "Priya Testcase",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let reference = stdout.lines().next().expect("a reference");
    let out = dir.path().join("reply.txt");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        arg(&file),
        "--request",
        reference,
        "--template",
        "access-response",
        "--out",
        arg(&out),
        "--set",
        "activities=1",
        "--set",
        "delivery=A PDF attached to this email.",
        "--set",
        "withheld=nothing",
    ]);
    assert_eq!(
        code, 2,
        "a reply describing example text as fact was written"
    );
    assert!(stderr.contains("example text"), "{stderr}");
    assert!(!out.exists());
}

/// Found by the practitioner's read: `--date` in the past must not revive a late
/// request. A letter that asks for identity, a fee or a clarification, or extends the
/// time, counts from the day it goes, so it is dated today — and so is any other
/// letter, which would otherwise claim a timing it never had.
#[test]
fn a_backdated_letter_is_refused() {
    use smallprint::clock::{Clock, SystemClock};
    let dir = tempfile::tempdir().expect("temp dir");
    let (file, erasure) = example(dir.path());
    // The example's erasure request came 20 days ago: five days ago is after it.
    let backdated = SystemClock
        .today()
        .checked_sub(jiff::Span::new().days(5))
        .expect("a date")
        .to_string();
    let out = dir.path().join("id.txt");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--request",
        &erasure,
        "--template",
        "identity-request",
        "--out",
        arg(&out),
        "--date",
        &backdated,
    ]);
    assert_eq!(code, 2, "a backdated identity request was written");
    assert!(stderr.contains("before today"), "{stderr}");
    assert!(!out.exists());

    // Any letter: it would be written from the request as it stands today.
    let ack = dir.path().join("ack.txt");
    let (code, _, stderr) = smallprint(&[
        "letter",
        "--file",
        &file,
        "--request",
        &erasure,
        "--template",
        "acknowledgement",
        "--out",
        arg(&ack),
        "--date",
        &backdated,
    ]);
    assert_eq!(code, 2, "a backdated acknowledgement was written");
    assert!(stderr.contains("before today"), "{stderr}");
    assert!(!ack.exists());
}
