//! Every writing command obeys the reader's limits (a file it wrote must open again),
//! acts on the right record, and prints user text safely. Each row of the lock-out table
//! is an input that once exited 0 and left a file every later command refused.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path};

use common::{arg, smallprint, temp_workspace};
use smallprint::{domain::integrity::MAX_ID, store};

fn demo() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    (dir, path)
}

fn add_request(path: &Path, received: &str, name: &str) -> (i32, String, String) {
    smallprint(&[
        "request",
        "add",
        "--file",
        arg(path),
        "--kind",
        "access",
        "--received",
        received,
        "--name",
        name,
    ])
}

/// A gov.uk-shaped feed with one holiday on `date` for England and Wales.
fn feed_with(date: &str) -> String {
    format!(
        r#"{{"england-and-wales": {{"division": "england-and-wales", "events": [{{"title": "Odd day", "date": "{date}", "notes": "", "bunting": false}}]}}}}"#
    )
}

/// Changes the workspace file as a hand edit (or damage) would: `edit` gets its
/// `workspace` section as JSON, and returns what the test needs from it.
fn edit_file<T>(path: &Path, edit: impl FnOnce(&mut serde_json::Value) -> T) -> T {
    let mut value: serde_json::Value =
        serde_json::from_slice(&fs::read(path).expect("read")).expect("json");
    let result = edit(&mut value["workspace"]);
    common::write_bytes(path, &serde_json::to_vec_pretty(&value).expect("json"));
    result
}

/// The requests of a workspace section, as JSON.
fn requests_of(workspace: &mut serde_json::Value) -> &mut Vec<serde_json::Value> {
    workspace["requests"].as_array_mut().expect("requests")
}

/// Sets the workspace's id counter, as a hand edit or damage would.
fn set_counter(path: &Path, next: u64) {
    edit_file(path, |workspace| workspace["ids"] = serde_json::json!(next));
}

/// One writing command run on a workspace (and the folder it is in).
type Input = Box<dyn Fn(&Path, &Path) -> (i32, String, String)>;

#[test]
fn no_writing_command_writes_what_the_reader_refuses() {
    let long_name = "N".repeat(100_001);
    let cases: Vec<(&str, Input)> = vec![
        (
            "request add --received 1899-12-31",
            Box::new(|path, _| add_request(path, "1899-12-31", "Ada Fictional")),
        ),
        (
            "request add --received 0000-01-01",
            Box::new(|path, _| add_request(path, "0000-01-01", "Ada Fictional")),
        ),
        (
            "request add with a name over 100,000 characters",
            Box::new(move |path, _| add_request(path, "2026-11-30", &long_name)),
        ),
        (
            "breach add --aware 1800-01-01 10:00",
            Box::new(|path, _| {
                smallprint(&[
                    "breach",
                    "add",
                    "--file",
                    arg(path),
                    "--aware",
                    "1800-01-01 10:00",
                    "--what",
                    "An old laptop was lost",
                ])
            }),
        ),
        (
            "holidays --import of a feed with 1800 dates",
            Box::new(|path, dir| {
                let feed = dir.join("old.json");
                common::write_bytes(&feed, feed_with("1800-12-25").as_bytes());
                smallprint(&["holidays", "--file", arg(path), "--import", arg(&feed)])
            }),
        ),
        (
            "holidays --import of a feed with 2999 dates",
            Box::new(|path, dir| {
                let feed = dir.join("far.json");
                common::write_bytes(&feed, feed_with("2999-12-25").as_bytes());
                smallprint(&["holidays", "--file", arg(path), "--import", arg(&feed)])
            }),
        ),
        (
            "request add with the id counter at 2^53 - 1",
            Box::new(|path, _| {
                set_counter(path, MAX_ID);
                add_request(path, "2026-11-30", "Ada Fictional")
            }),
        ),
    ];
    for (what, run) in cases {
        let (dir, path) = demo();
        // Run twice: the counter case edits the file before its command, so the second
        // run is compared with the file as that edit left it.
        let (code, _, _) = run(&path, dir.path());
        let before = fs::read(&path).expect("read");
        let backups_before = common::files_in(&dir.path().join("backups"));
        let (code_again, stdout, stderr) = run(&path, dir.path());
        assert_eq!(code, 2, "{what}: the first try must be refused too");
        assert_eq!(
            code_again, 2,
            "{what}: exit {code_again}\n{stdout}\n{stderr}"
        );
        assert!(
            stderr.contains("Nothing was written") || stderr.contains("Nothing was changed"),
            "{what}: {stderr}"
        );
        assert!(
            stderr.len() < 4_000,
            "{what}: the refusal is a message, not the input"
        );
        assert_eq!(
            fs::read(&path).expect("read"),
            before,
            "{what}: the file must be byte-identical"
        );
        assert_eq!(
            common::files_in(&dir.path().join("backups")),
            backups_before,
            "{what}: no backup of a refused change"
        );
        let (code, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
        assert_ne!(
            code, 2,
            "{what}: the file must still open\n{stdout}\n{stderr}"
        );
        assert!(
            store::read_workspace(&path).is_ok()
                && smallprint::domain::integrity::refusal(
                    &store::read_workspace(&path).expect("reads")
                )
                .is_none(),
            "{what}"
        );
    }
}

#[test]
fn a_counter_behind_the_ids_in_use_never_hands_out_a_taken_id() {
    let (_dir, path) = demo();
    set_counter(&path, 5);
    let before = store::read_workspace(&path).expect("reads");
    let (code, stdout, stderr) = add_request(&path, "2026-11-30", "Ada Fictional");
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("repaired"), "the repair is said: {stderr}");
    let reference = stdout.lines().next().expect("the reference").trim();
    let after = store::read_workspace(&path).expect("reads");
    let new = after
        .requests
        .iter()
        .find(|r| r.reference == reference)
        .expect("the new request");
    assert_eq!(new.requester.name, "Ada Fictional");
    assert!(
        before.requests.iter().all(|r| r.reference != reference),
        "{reference} was already someone's"
    );
    assert!(
        before.requests.iter().all(|r| r.id != new.id)
            && before.register.iter().all(|a| a.id.0 != new.id.0)
            && before.breaches.iter().all(|b| b.id.0 != new.id.0),
        "the new request took an id in use"
    );
    assert_eq!(after.requests.iter().filter(|r| r.id == new.id).count(), 1);
}

#[test]
fn a_step_on_a_reference_two_requests_share_is_refused() {
    let (_dir, path) = demo();
    let first = edit_file(&path, |workspace| {
        let requests = requests_of(workspace);
        let first = requests[0]["reference"].clone();
        requests[1]["reference"] = first.clone();
        first
    });
    let before = fs::read(&path).expect("read");
    let reference = first.as_str().expect("a reference");
    let (code, _, stderr) = smallprint(&[
        "request",
        "step",
        "--file",
        arg(&path),
        "--request",
        reference,
        "--step",
        "note",
        "--on",
        "2026-11-30",
        "--note",
        "Called back",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("2 requests with the reference"), "{stderr}");
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn user_text_reaches_the_terminal_escaped() {
    let (_dir, path) = demo();
    let hostile =
        "Eve\u{1b}]52;c;aGVsbG8=\u{7}\u{202E}moc.elpmaxe\nR-2026-999    2026-11-01  -  Closed";
    let (code, _, stderr) = add_request(&path, "2026-11-30", hostile);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = smallprint(&["requests", "--file", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    for forbidden in ['\u{1b}', '\u{7}', '\u{202E}'] {
        assert!(!stdout.contains(forbidden), "{forbidden:?} printed raw");
    }
    assert!(
        stdout.contains("\\u{001B}") && stdout.contains("\\u{202E}"),
        "{stdout}"
    );
    assert!(
        !stdout.lines().any(|l| l.starts_with("R-2026-999")),
        "a newline in a name forged a row:\n{stdout}"
    );
    // Every row's columns line up, whatever a cell holds ("(ack)", escapes).
    let header = stdout.lines().next().expect("header");
    let kind_at = header.find("KIND").expect("KIND column");
    for line in stdout.lines().skip(1).filter(|l| l.starts_with("R-")) {
        let before_kind: String = line.chars().take(kind_at).collect();
        assert!(
            before_kind.ends_with("  "),
            "a row out of line:\n{header}\n{line}"
        );
    }

    let (code, _, stderr) = smallprint(&[
        "breach",
        "add",
        "--file",
        arg(&path),
        "--aware",
        "2026-11-30 09:00",
        "--what",
        "Lost \u{1b}[2J laptop\nB-2026-999  Closed",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = smallprint(&["breaches", "--file", arg(&path)]);
    assert_eq!(code, 0);
    assert!(!stdout.contains('\u{1b}'));
    assert!(
        !stdout.lines().any(|l| l.starts_with("B-2026-999")),
        "{stdout}"
    );
}

#[cfg(unix)]
#[test]
fn importing_holidays_from_a_pipe_or_a_device_is_refused_at_once() {
    let (dir, path) = demo();
    let fifo = dir.path().join("feed.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let before = fs::read(&path).expect("read");
    for feed in [fifo.as_path(), Path::new("/dev/zero")] {
        let started = std::time::Instant::now();
        let (code, _, stderr) = common::smallprint_within(
            &["holidays", "--file", arg(&path), "--import", arg(feed)],
            10,
        )
        .unwrap_or_else(|| panic!("{} hung", feed.display()));
        assert_eq!(code, 2, "{stderr}");
        assert!(stderr.contains("not a file"), "{stderr}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(1),
            "{} took {:?}",
            feed.display(),
            started.elapsed()
        );
    }
    assert_eq!(fs::read(&path).expect("read"), before);
}

/// The window's check for another program's change reads through the bounded reader:
/// a file turned into a named pipe is said at once, not a window frozen for good.
#[cfg(unix)]
#[test]
fn a_file_turned_into_a_pipe_under_the_window_is_said_not_waited_for() {
    let (dir, path) = demo();
    let mut session = smallprint::session::Session::open(&path);
    assert!(session.open_workspace().is_some(), "opens");
    fs::remove_file(&path).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let checker = std::thread::spawn(move || {
        open_check(&mut session);
        let _ = tx.send(session);
    });
    let session = rx
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("the check returned instead of blocking on the pipe");
    checker.join().expect("joins");
    let open = session.open_workspace().expect("still open");
    let status = open.status.as_ref().expect("a status message");
    assert!(status.text.contains("named pipe"), "{}", status.text);
    drop(dir);
}

fn open_check(session: &mut smallprint::session::Session) {
    if let Some(open) = session.open_workspace_mut() {
        open.notice_external_change();
    }
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn no_command_writes_a_workspace_into_a_pipe_or_locks_beside_one() {
    use std::os::unix::fs::FileTypeExt;
    let (dir, _) = temp_workspace();
    let fifo = dir.path().join("pipe.json");
    mkfifo(&fifo);
    for args in [
        vec!["demo", "--force", "--out"],
        vec!["new", "--business", "online-shop", "--force", "--out"],
    ] {
        let mut args = args.clone();
        args.push(arg(&fifo));
        let (code, _, stderr) =
            common::smallprint_within(&args, 10).unwrap_or_else(|| panic!("{args:?} hung"));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(stderr.contains("named pipe"), "{stderr}");
    }
    let (code, _, stderr) = common::smallprint_within(
        &[
            "request",
            "add",
            "--file",
            arg(&fifo),
            "--kind",
            "access",
            "--received",
            "2026-11-30",
            "--name",
            "Ada Fictional",
        ],
        10,
    )
    .expect("did not hang");
    assert_eq!(code, 2, "{stderr}");
    assert!(
        fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type()
            .is_fifo()
    );
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["pipe.json"], "no lock, no backups beside a pipe");
}

/// A link planted at the lock's name (another local user, a shared folder) is refused,
/// never followed to create a file where it points.
#[cfg(unix)]
#[test]
fn a_link_at_the_locks_name_is_never_followed() {
    let (dir, path) = demo();
    let victim = dir.path().join("victim-file");
    let lock = dir.path().join(".workspace.json.lock");
    let _ = fs::remove_file(&lock);
    std::os::unix::fs::symlink(&victim, &lock).expect("plant");
    let before = fs::read(&path).expect("read");
    let (code, _, stderr) = add_request(&path, "2026-11-30", "Ada Fictional");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("is a link"), "{stderr}");
    assert!(!victim.exists(), "nothing created where the link points");
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn replacing_a_workspace_keeps_the_one_replaced() {
    let (dir, path) = demo();
    let (code, _, stderr) = add_request(&path, "2026-11-30", "Ada Fictional");
    assert_eq!(code, 0, "{stderr}");
    let before = fs::read(&path).expect("read");
    let (code, _, stderr) = smallprint(&["demo", "--force", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("was kept as"), "{stderr}");
    let kept: Vec<_> = common::files_in(&dir.path().join("backups"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with("-replaced.json"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).expect("read"), before);
    assert!(stderr.contains(&kept[0].display().to_string()), "{stderr}");
}

#[test]
fn a_formula_after_spaces_is_neutralised_in_the_breach_log_too() {
    let (dir, path) = demo();
    let (code, _, stderr) = smallprint(&[
        "breach",
        "add",
        "--file",
        arg(&path),
        "--aware",
        "2026-11-30 09:00",
        "--what",
        "  =HYPERLINK(\"http://evil.example\",\"x\")",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.path().join("log.csv");
    let (code, _, stderr) = smallprint(&["breach-log", "--file", arg(&path), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let bytes = fs::read(&out).expect("read");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes));
    let mut seen = false;
    for record in reader.records() {
        for cell in &record.expect("a record") {
            assert!(
                !cell.trim_start().starts_with(['=', '+', '@']),
                "a spreadsheet would run {cell:?}"
            );
            seen |= cell.contains("HYPERLINK");
        }
    }
    assert!(seen, "the text is kept");
    assert!(String::from_utf8(bytes).expect("utf-8").ends_with("\r\n"));
}

#[test]
fn a_new_reference_differs_from_one_written_in_another_case_or_with_spaces() {
    let (_dir, path) = demo();
    let highest = edit_file(&path, |workspace| {
        let requests = requests_of(workspace);
        let highest = requests
            .iter()
            .filter_map(|r| r["reference"].as_str())
            .filter_map(|r| r.strip_prefix("R-2026-")?.parse::<u32>().ok())
            .max()
            .expect("2026 references");
        let last = requests.len() - 1;
        requests[last]["reference"] = serde_json::json!(format!(" r-2026-{:03} ", highest + 1));
        highest
    });
    let (code, stdout, stderr) = add_request(&path, "2026-11-30", "Ada Fictional");
    assert_eq!(code, 0, "{stderr}");
    let reference = stdout
        .lines()
        .next()
        .expect("the reference")
        .trim()
        .to_owned();
    assert_eq!(reference, format!("R-2026-{:03}", highest + 2));
    let (_, out, _) = smallprint(&["check", "--file", arg(&path)]);
    assert!(!out.contains("reference"), "no shared reference: {out}");
}

#[test]
fn check_prints_one_line_a_problem_whatever_a_name_holds() {
    let (_dir, path) = demo();
    edit_file(&path, |workspace| {
        let requests = requests_of(workspace);
        requests[1]["reference"] = requests[0]["reference"].clone();
        requests[1]["requester"]["name"] = serde_json::json!("Mal\nR-2026-999 → FORGED LINE");
    });
    let (_, stdout, stderr) = smallprint(&["check", "--file", arg(&path)]);
    assert!(
        !stdout.lines().any(|l| l.starts_with("R-2026-999")),
        "{stdout}"
    );
    let counted: usize = stderr
        .split(": ")
        .last()
        .and_then(|tail| tail.split_whitespace().next()?.parse().ok())
        .expect("the count of problems");
    assert_eq!(stdout.lines().count(), counted, "{stdout}\n{stderr}");
}

#[test]
fn an_argument_the_parser_refuses_is_echoed_escaped() {
    let (_dir, path) = demo();
    let (code, stdout, stderr) = smallprint(&[
        "request",
        "add",
        "--file",
        arg(&path),
        "--kind",
        "acc\u{1b}]0;PWNED\u{7}\u{1b}[2J\u{202E}",
        "--received",
        "2026-12-01",
        "--name",
        "n",
    ]);
    assert_eq!(code, 2);
    for raw in ['\u{1b}', '\u{7}', '\u{202E}'] {
        assert!(
            !stderr.contains(raw) && !stdout.contains(raw),
            "{raw:?} in {stderr:?}"
        );
    }
    assert!(stderr.contains("\\u{202E}"), "{stderr}");
    // Help still prints as clap prints it, exit 0.
    let (code, stdout, _) = smallprint(&["request", "add", "--help"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("--received"));
}

#[test]
fn replacing_any_file_keeps_it_first_or_writes_nothing() {
    let (dir, path) = temp_workspace();
    common::write_bytes(&path, b"{\"smallprint_format\": 8, \"broken");
    let (code, _, stderr) = smallprint(&["demo", "--force", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    let kept: Vec<_> = common::files_in(&dir.path().join("backups"))
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with("-replaced.json"))
        .collect();
    assert_eq!(kept.len(), 1, "{stderr}");
    assert_eq!(
        fs::read(&kept[0]).expect("read"),
        b"{\"smallprint_format\": 8, \"broken"
    );

    // Where the copy cannot be kept (a file where the backups folder goes), nothing is
    // written.
    let (dir, _) = temp_workspace();
    let doc = dir.path().join("doc.txt");
    common::write_bytes(&doc, b"precious");
    common::write_bytes(&dir.path().join("backups"), b"in the way");
    let (code, _, stderr) = smallprint(&[
        "new",
        "--business",
        "online-shop",
        "--force",
        "--out",
        arg(&doc),
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("keeps a copy of the file it replaces"),
        "{stderr}"
    );
    assert_eq!(fs::read(&doc).expect("read"), b"precious");
}
