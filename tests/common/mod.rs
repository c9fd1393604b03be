//! Helpers shared by the integration tests.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]
#![allow(dead_code, reason = "each test binary uses a different subset")]

use std::path::{Path, PathBuf};

use jiff::{Timestamp, civil::Date};

/// An instant on `date` at `hour`:00 UTC.
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

/// A PDF's body text as one whitespace-normalised string: page footers dropped and
/// lines joined, so a sentence wrapped over lines or pages reads as one.
pub fn pdf_body_text(bytes: &[u8]) -> String {
    let pages = smallprint::documents::pdf::extract_text(bytes).expect("the PDF parses");
    let mut words = Vec::new();
    for page in pages {
        for line in page {
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
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("utf-8 temp path")
}

/// A PDF's text as poppler's `pdftotext` reads it — an extractor independent of the
/// library that wrote the file — whitespace-normalised, page footers left in.
///
/// Fails (never skips) without `pdftotext`: CI installs poppler-utils (`.ci/run`).
pub fn pdftotext(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("document.pdf");
    write_bytes(&path, bytes);
    let output = std::process::Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    assert!(
        output.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    normalised(&String::from_utf8(output.stdout).expect("UTF-8 text"))
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
