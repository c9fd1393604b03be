//! Helpers shared by the integration tests.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]
#![allow(dead_code, reason = "helpers some tests share; not every one is used")]

use std::path::{Path, PathBuf};

use jiff::{Timestamp, civil::Date};

/// An instant on `date` at `hour`:00 UTC.
/// When a test writes a new workspace file (2026-11-30 08:00 UTC).
pub const SAVED_AT: Timestamp = Timestamp::constant(1_795_939_200, 0);

pub fn at(date: Date, hour: i8) -> Timestamp {
    date.at(hour, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .expect("valid instant")
        .timestamp()
}

/// A temporary folder and the workspace path inside it.
pub fn temp_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.json");
    (dir, path)
}

/// Writes a test file as another program would: in place, with no care for safety.
pub fn write_bytes(path: &Path, bytes: &[u8]) {
    use std::io::Write;
    std::fs::File::create(path)
        .and_then(|mut file| file.write_all(bytes))
        .expect("test file written");
}

pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

#[cfg(unix)]
pub fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o777
}

/// The files a bad-input test feeds to every reader, with what the reason must say.
pub fn bad_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let valid = smallprint::store::encode(&smallprint::domain::example::example_workspace(
        jiff::civil::date(2026, 11, 23),
    ));
    let truncated = valid[..valid.len() / 2].to_vec();
    let mut deep = br#"{"smallprint_format": 1, "workspace": "#.to_vec();
    deep.extend(std::iter::repeat_n(b'[', 100_000));
    deep.extend(std::iter::repeat_n(b']', 100_000));
    deep.push(b'}');
    let current = format!(
        "\"smallprint_format\": {}",
        smallprint::domain::FORMAT_VERSION
    );
    let text = String::from_utf8(valid.clone()).expect("utf8");
    assert!(text.contains(&current));
    let newer = text
        .replacen(&current, "\"smallprint_format\": 99", 1)
        .into_bytes();
    let wrong_types = String::from_utf8(valid.clone())
        .expect("utf8")
        .replacen(
            "\"legal_name\": \"Morwenna Tallis\"",
            "\"legal_name\": 42",
            1,
        )
        .into_bytes();
    vec![
        ("empty", Vec::new(), "is empty"),
        ("truncated", truncated, "line"),
        ("not UTF-8", vec![b'{', 0xff, 0xfe, b'}'], "not a text file"),
        ("wrong types", wrong_types, "line"),
        ("newer format", newer, "newer Smallprint"),
        ("nested 100,000 deep", deep, "line"),
        (
            "another program's JSON",
            b"{\"name\": \"x\"}".to_vec(),
            "not a Smallprint workspace",
        ),
    ]
}

/// A PDF's body text as one whitespace-normalised string: page footers cropped off and
/// lines joined, so a sentence wrapped over lines or pages reads as one.
pub fn pdf_body_text(bytes: &[u8]) -> String {
    let mut words = Vec::new();
    // -raw: in the order drawn, which is the reading order (a table cell whole, then
    // the next), rather than poppler's guess at columns from the geometry.
    let crop = ["-raw", "-x", "0", "-y", "0", "-W", "596", "-H", "785"];
    for page in pdftotext_pages(bytes, &crop) {
        for line in page.lines() {
            let is_footer = line.contains(" of ")
                && line.rsplit("Page ").next().is_some_and(|tail| {
                    tail.split(" of ").all(|n| n.trim().parse::<u32>().is_ok())
                });
            if !is_footer {
                words.extend(line.split_whitespace().map(str::to_owned));
            }
        }
    }
    words.join(" ")
}

/// `text` with its whitespace runs made single spaces.
pub fn normalised(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the `smallprint` binary: its exit code, standard output and standard error.
pub fn smallprint(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_smallprint"))
        .args(args)
        .output()
        .expect("runs");
    (
        output.status.code().expect("exit code"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A temporary path as a command-line argument.
/// `smallprint request step --file PATH --request REF --step STEP --on DAY [--note TEXT]`.
pub fn request_step(
    path: &Path,
    reference: &str,
    step: &str,
    on: &str,
    note: Option<&str>,
) -> (i32, String, String) {
    let mut args = vec![
        "request",
        "step",
        "--file",
        arg(path),
        "--request",
        reference,
        "--step",
        step,
        "--on",
        on,
    ];
    if let Some(note) = note {
        args.extend(["--note", note]);
    }
    smallprint(&args)
}

pub fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// A PDF's pages as poppler's `pdftotext` reads them, line by line, with `options` (a
/// crop, say: the body text stops 785 points down the page, above the footer).
pub fn pdftotext_pages(bytes: &[u8], options: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("document.pdf");
    write_bytes(&path, bytes);
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(options)
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    assert!(
        output.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).expect("UTF-8 text");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|page| page.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// A PDF's text as poppler's `pdftotext` reads it — an extractor independent of the
/// library that wrote the file — whitespace-normalised, page footers left in.
///
/// Fails (never skips) without `pdftotext`: CI installs poppler-utils (`.ci/run`).
pub fn pdftotext(bytes: &[u8]) -> String {
    normalised(&pdftotext_pages(bytes, &[]).join("\n"))
}

/// Runs the `smallprint` binary as [`smallprint`] does, but kills it after `seconds`:
/// `None` when it had not finished (a hang), else its exit code (`None` when killed by
/// a signal is reported as -1) and its output.
pub fn smallprint_within(args: &[&str], seconds: u64) -> Option<(i32, String, String)> {
    use std::{io::Read, process::Stdio, time::Duration, time::Instant};
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_smallprint"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    // Drained on threads so a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stdout.read_to_end(&mut text);
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stderr.read_to_end(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = out.join().expect("stdout thread");
    let err = err.join().expect("stderr thread");
    status.map(|status| {
        (
            status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    })
}

/// What the breach fixture's breaches say, so a test compares against the fixture's own
/// words, never against the code's templates. All of it is fictional.
pub mod breach_fixture {
    pub const REPORTED_WHAT: &str = "An order update for 41 customers went to the wrong mailing list, showing each customer's name and delivery address.";
    pub const REPORTED_REASONS: &str =
        "A high risk: home addresses with names went to about 300 people we do not know.";
    pub const REPORTED_CONSEQUENCES: &str = "Customers could get unwanted post or visits at home, or phishing emails that quote their order.";
    pub const REPORTED_STEP_1: &str = "Asked every recipient of the email to delete it.";
    pub const REPORTED_STEP_2: &str =
        "Set the mailing tool to show the list's size before anything is sent.";
    pub const ICO_REFERENCE: &str = "IC-000417-FICT";
    pub const NOT_REPORTED_WHAT: &str = "A packing slip with one customer's name and address was left in a returned parcel resent to another customer.";
    pub const NOT_REPORTED_REASONS: &str = "Unlikely to be a risk: one slip, handed back unread the next day by the customer who found it.";
    pub const UNDECIDED_WHAT: &str =
        "The studio's spare laptop was stolen from a locked car; its disk is encrypted.";
}

/// The example shop with three breaches: B-2026-001 reported to the ICO (a high risk,
/// the people told), B-2026-002 decided not to report (with reasons, closed) and
/// B-2026-003 not yet decided, with no consequences recorded.
#[expect(
    clippy::too_many_lines,
    reason = "test data: three breaches, fact by fact"
)]
pub fn breach_workspace() -> smallprint::domain::Workspace {
    use breach_fixture as f;
    use jiff::civil::date;
    use smallprint::domain::breaches::{
        BreachKind, CategoryLink, Decision, IcoReport, Individuals, RiskAssessment, RiskLevel, Step,
    };
    let zone = smallprint::clock::uk_time_zone();
    let instant = |text: &str| text.parse::<Timestamp>().expect("instant");
    let mut workspace = smallprint::domain::example::example_workspace(date(2026, 11, 24));
    // Only the three made here (the example shop has a breach of its own).
    workspace.breaches.clear();
    let goods = workspace.register[0].id;
    // 09:00 BST on 1 June 2026.
    let first = workspace.log_breach(
        instant("2026-06-01T08:00:00Z"),
        f::REPORTED_WHAT.to_owned(),
        &zone,
    );
    let second = workspace.log_breach(
        instant("2026-08-14T15:30:00Z"),
        f::NOT_REPORTED_WHAT.to_owned(),
        &zone,
    );
    let third = workspace.log_breach(
        instant("2026-11-23T10:00:00Z"),
        f::UNDECIDED_WHAT.to_owned(),
        &zone,
    );
    for breach in &mut workspace.breaches {
        if breach.id == first {
            breach.occurred = Some(instant("2026-06-01T07:40:00Z"));
            breach.noticed_by = "Morwenna Tallis, from a customer's reply".to_owned();
            breach.cause = "A filter in the mailing tool was set to the wrong list.".to_owned();
            breach.kinds = vec![BreachKind::Confidentiality];
            breach.activities = vec![goods];
            breach.data_categories = ["Names and contact details", "Addresses"]
                .iter()
                .map(|category| CategoryLink {
                    activity: goods,
                    category: (*category).to_owned(),
                })
                .collect();
            breach.people_affected = Some(41);
            breach.records_affected = Some(41);
            breach.consequences = f::REPORTED_CONSEQUENCES.to_owned();
            breach.risk = Some(RiskAssessment {
                level: RiskLevel::High,
                reasoning: "Names with home addresses, seen by strangers.".to_owned(),
            });
            breach.steps = vec![
                Step {
                    on: date(2026, 6, 1),
                    what: f::REPORTED_STEP_1.to_owned(),
                },
                Step {
                    on: date(2026, 6, 2),
                    what: f::REPORTED_STEP_2.to_owned(),
                },
            ];
            breach
                .decide(
                    Decision {
                        report: true,
                        reasons: f::REPORTED_REASONS.to_owned(),
                        decided_by: "Morwenna Tallis".to_owned(),
                        decided_on: date(2026, 6, 1),
                    },
                    instant("2026-06-01T11:00:00Z"),
                    &zone,
                )
                .expect("decided");
            breach.report = Some(IcoReport {
                at: instant("2026-06-02T10:15:00Z"),
                reference: f::ICO_REFERENCE.to_owned(),
            });
            breach.individuals = Some(Individuals::Told {
                on: date(2026, 6, 2),
                how: "by email".to_owned(),
            });
            breach.processor = "Mailwren, the email sending service".to_owned();
            breach.special_category = Some(false);
            breach.lessons = "Check the list's size before every send.".to_owned();
        } else if breach.id == second {
            breach.occurred = Some(instant("2026-08-12T12:00:00Z"));
            breach.occurred_estimated = true;
            breach.noticed_by = "The customer who received the parcel".to_owned();
            breach.cause = "Returned stock was not checked for paperwork.".to_owned();
            breach.kinds = vec![BreachKind::Confidentiality];
            breach.activities = vec![goods];
            breach.data_categories = vec![CategoryLink {
                activity: goods,
                category: "Addresses".to_owned(),
            }];
            breach.people_affected = Some(1);
            breach.records_affected = Some(1);
            breach.consequences = "Little: the slip came back unread.".to_owned();
            breach.risk = Some(RiskAssessment {
                level: RiskLevel::Unlikely,
                reasoning: "One name and address, returned by the customer who found it."
                    .to_owned(),
            });
            breach.steps = vec![Step {
                on: date(2026, 8, 15),
                what: "Checked all returned stock for paperwork.".to_owned(),
            }];
            breach
                .decide(
                    Decision {
                        report: false,
                        reasons: f::NOT_REPORTED_REASONS.to_owned(),
                        decided_by: "Morwenna Tallis".to_owned(),
                        decided_on: date(2026, 8, 15),
                    },
                    instant("2026-08-15T09:00:00Z"),
                    &zone,
                )
                .expect("decided");
            breach.individuals = Some(Individuals::NotTold {
                why: "Not a high risk, and the slip came back unread.".to_owned(),
            });
            breach
                .close(date(2026, 8, 20), instant("2026-08-20T09:00:00Z"), &zone)
                .expect("closed");
        } else if breach.id == third {
            breach.noticed_by = "Morwenna Tallis".to_owned();
            breach.kinds = vec![BreachKind::Availability];
        }
    }
    workspace
}

/// The names of the fonts a PDF embeds (their `BaseFont`, subset tag and all), read with
/// lopdf: the objects may be packed in compressed object streams.
pub fn pdf_font_names(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads it");
    doc.objects
        .values()
        .filter_map(|object| object.as_dict().ok())
        .filter(|dict| dict.get(b"Type").and_then(lopdf::Object::as_name).ok() == Some(b"Font"))
        .filter_map(|dict| dict.get(b"BaseFont").and_then(lopdf::Object::as_name).ok())
        .map(|name| String::from_utf8_lossy(name).into_owned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}
