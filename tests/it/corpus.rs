//! The bad-file corpus (issue 15): every file in `tests/corpus/` — truncations, bit
//! flips, wrong types, dangling and duplicate ids, extreme dates, a byte-order mark,
//! hostile Unicode — and files made here (a 10 MB string, a file over the size limit,
//! a named pipe, symlinks to a file, to `/dev/zero`, to nothing and to themselves)
//! through every command that reads a workspace. Each must finish in time with exit 0
//! or 2 (1 from `check`), never panic, and leave the input's bytes as they were.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{
    fs,
    path::{Path, PathBuf},
};

use common::{arg, smallprint_within};

/// Long enough for the debug binary on a 10 MB file; a hang is far longer.
const SECONDS: u64 = 60;

/// The committed corpus, copied into `dir` (`notice` records its date in a file it can
/// use, and the corpus must stay as committed).
fn committed(dir: &Path) -> Vec<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<PathBuf> = fs::read_dir(&corpus)
        .expect("tests/corpus")
        .filter_map(Result::ok)
        .map(|entry| {
            let copy = dir.join(entry.file_name());
            fs::copy(entry.path(), &copy).expect("copied");
            copy
        })
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the corpus is in tests/corpus/");
    files
}

/// Files made at test time (too large to commit, or not files at all), in `dir`.
fn made_here(dir: &Path) -> Vec<PathBuf> {
    let valid = dir.join("valid.json");
    let text = fs::read_to_string(&valid).expect("valid.json");
    let mut made = Vec::new();

    let ten_mb = dir.join("ten-mb-name.json");
    let long_name = format!("\"legal_name\": \"{}\"", "N".repeat(10_000_000));
    let replaced = text.replacen("\"legal_name\": \"Morwenna Tallis\"", &long_name, 1);
    assert_ne!(replaced, text, "the example names its owner");
    common::write_bytes(&ten_mb, replaced.as_bytes());
    made.push(ten_mb);

    let too_large = dir.join("over-the-limit.json");
    fs::File::create(&too_large)
        .and_then(|file| file.set_len(smallprint::store::MAX_FILE_BYTES + 1))
        .expect("sparse file");
    made.push(too_large);

    made.push(dir.join("missing.json"));

    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let pipe = dir.join("pipe.json");
        let status = std::process::Command::new("mkfifo")
            .arg(&pipe)
            .status()
            .expect("mkfifo runs");
        assert!(status.success());
        made.push(pipe);
        for (name, target) in [
            ("link-to-valid.json", valid.clone()),
            ("link-to-dev-zero.json", PathBuf::from("/dev/zero")),
            ("link-to-nothing.json", dir.join("nothing-here.json")),
            ("link-to-itself.json", dir.join("link-to-itself.json")),
            ("link-to-a-folder.json", dir.to_owned()),
        ] {
            let link = dir.join(name);
            symlink(&target, &link).expect("symlink");
            made.push(link);
        }
    }
    made
}

/// What a file's bytes are, to check nothing changed them (`None`: not a regular
/// file, or none).
fn bytes_of(path: &Path) -> Option<Vec<u8>> {
    let metadata = fs::metadata(path).ok()?;
    if !metadata.is_file() || metadata.len() > smallprint::store::MAX_FILE_BYTES {
        return Some(metadata.len().to_le_bytes().to_vec());
    }
    fs::read(path).ok()
}

#[test]
fn every_bad_file_through_every_reader_exits_cleanly_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out_dir = tempfile::tempdir().expect("tempdir");
    let mut files = committed(dir.path());
    files.extend(made_here(dir.path()));
    let out = |name: &str| out_dir.path().join(name);
    let (csv, ics, letter, md) = (out("r.csv"), out("c.ics"), out("l.txt"), out("n.md"));
    let breach_csv = out("b.csv");
    let mut runs = 0;
    for file in &files {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let path = arg(file);
        let commands: [&[&str]; 11] = [
            &["check", "--file", path],
            &["requests", "--file", path],
            &["breaches", "--file", path],
            &["breach-log", "--file", path, "--out", arg(&breach_csv)],
            &["requests", "--file", path, "--due-within", "30"],
            &["register", "--file", path, "--csv", arg(&csv)],
            &["calendar", "--file", path, "--ics", arg(&ics)],
            &[
                "letter",
                "--file",
                path,
                "--request",
                "R-2026-001",
                "--template",
                "acknowledgement",
                "--out",
                arg(&letter),
            ],
            &["notice", "--file", path, "--out", arg(&md)],
            // Reads that must not write: a file already there is left alone.
            &["demo", "--out", path],
            &["new", "--out", path, "--business", "online-shop"],
        ];
        for command in commands {
            let before = bytes_of(file);
            let (code, stdout, stderr) = smallprint_within(command, SECONDS)
                .unwrap_or_else(|| panic!("{name}: {command:?} did not finish in {SECONDS} s"));
            let allowed: &[i32] = match command[0] {
                "check" => &[0, 1, 2],
                "demo" | "new" if before.is_none() && !name.contains("link") => &[0],
                _ => &[0, 2],
            };
            let head = |text: &str| text.chars().take(400).collect::<String>();
            assert!(
                allowed.contains(&code),
                "{name}: {command:?} exited {code}\n{}\n{}",
                head(&stdout),
                head(&stderr)
            );
            assert!(!stderr.contains("panicked"), "{name}: {}", head(&stderr));
            if code == 2 {
                assert!(
                    stderr.starts_with("smallprint: "),
                    "{name}: {}",
                    head(&stderr)
                );
            }
            // `notice` records its date in a file it could use; `demo` and `new`
            // create a file where there was none. Nothing else writes.
            let writes = matches!(command[0], "notice" | "demo" | "new") && code == 0;
            if !writes {
                assert!(bytes_of(file) == before, "{name}: {command:?} changed it");
            }
            if matches!(command[0], "demo" | "new") && before.is_none() {
                // What it created goes, so the next command sees the file as it was.
                let _ = fs::remove_file(file);
            }
            runs += 1;
        }
    }
    eprintln!("{runs} runs over {} files", files.len());
}
