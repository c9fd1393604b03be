//! Crash safety: a process killed at any moment of a save leaves a file that parses and
//! equals either the previous save or the new one, and backups that all read.
//!
//! The test re-runs its own binary as the child that saves, so the real save code runs
//! in a process that can be `SIGKILLed`.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]
#![cfg(unix)]

use crate::common;

use std::{
    io::{BufRead, BufReader, Write},
    path::Path,
    process::{Command, Stdio},
    time::Instant,
};

use common::{at, files_in, temp_workspace};
use jiff::civil::date;
use smallprint::{
    domain::{Workspace, example::example_workspace, register::ProcessingActivity},
    store::{self, Contents, Store, backups},
};

const CHILD_FILE_VAR: &str = "SMALLPRINT_CRASH_TEST_FILE";
const TRIALS: u64 = 100;

/// Save number `n`: large enough that a save takes a while, and different every time.
fn version(n: u64) -> Workspace {
    let mut workspace = example_workspace(jiff::civil::date(2026, 11, 23));
    workspace.organisation.trading_name = format!("Version {n}");
    for i in 0..400 {
        let id = workspace.ids.activity();
        workspace.register.push(ProcessingActivity::new(
            id,
            format!("Purpose {i} of version {n}, with enough words to make the file large"),
        ));
    }
    workspace
}

fn version_number(workspace: &Workspace) -> u64 {
    workspace
        .organisation
        .trading_name
        .strip_prefix("Version ")
        .and_then(|n| n.parse().ok())
        .expect("a version name")
}

/// The child's report of a completed save. The test harness may print its own words
/// on the same line ("test `child_saves_until_killed` ... saved 3").
fn saved_number(line: &str) -> Option<u64> {
    line.rsplit_once("saved ")
        .and_then(|(_, n)| n.trim().parse().ok())
}

#[test]
#[ignore = "run by sigkill_during_saves_never_corrupts_the_file as its child process"]
fn child_saves_until_killed() {
    let Ok(path) = std::env::var(CHILD_FILE_VAR) else {
        return;
    };
    let path = Path::new(&path);
    let (mut store, contents) = Store::open(path).expect("child opens");
    let Contents::Workspace(current) = contents else {
        panic!("no file")
    };
    let mut stdout = std::io::stdout();
    for n in version_number(&current) + 1.. {
        let hour = i8::try_from(n % 24).expect("hour");
        store
            .save(&version(n), at(date(2026, 11, 23), hour))
            .expect("child saves");
        writeln!(stdout, "saved {n}").expect("report");
        stdout.flush().expect("flush");
    }
}

#[test]
fn sigkill_during_saves_never_corrupts_the_file() {
    let (dir, path) = temp_workspace();
    store::write_new(&path, &version(0), common::SAVED_AT).expect("first version");
    let mut last_seen = 0;
    let mut killed_mid_write = 0;
    for trial in 0..TRIALS {
        let mut child = Command::new(std::env::current_exe().expect("test binary"))
            .args([
                "--exact",
                "crash::child_saves_until_killed",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_FILE_VAR, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn child");
        // Let it get through a few saves, then kill it at a moment that varies.
        let stdout = child.stdout.take().expect("stdout");
        let mut lines = BufReader::new(stdout).lines();
        let mut completed = last_seen;
        // Watch two saves to learn how long one takes on this machine, then kill at a
        // point spread evenly over the next one (the golden ratio steps the fraction).
        let mut saved_at = Vec::new();
        while saved_at.len() < 2 {
            let line = lines.next().expect("child alive").expect("line");
            if let Some(n) = saved_number(&line) {
                completed = n;
                saved_at.push(Instant::now());
            }
        }
        let cycle = saved_at[1] - saved_at[0];
        #[allow(
            clippy::cast_precision_loss,
            reason = "a fraction of at most 100 trials"
        )]
        let fraction = (trial as f64 * 0.618_034).fract();
        std::thread::sleep(cycle.mul_f64(fraction));
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        for line in lines.map_while(Result::ok) {
            if let Some(n) = saved_number(&line) {
                completed = n;
            }
        }

        let mut files = files_in(dir.path());
        files.extend(files_in(&backups::backup_dir(&path)));
        if files
            .iter()
            .any(|p| p.to_string_lossy().contains(".saving-"))
        {
            killed_mid_write += 1;
        }
        let on_disk = store::read_workspace(&path)
            .unwrap_or_else(|e| panic!("trial {trial}: the file does not read: {e}"));
        let n = version_number(&on_disk);
        assert!(
            n == completed || n == completed + 1,
            "trial {trial}: file holds version {n}, last completed save was {completed}"
        );
        assert_eq!(
            on_disk,
            version(n),
            "trial {trial}: version {n} is not intact"
        );
        last_seen = n;

        for backup in backups::list(&path) {
            let workspace = store::read_workspace(&backup.path).unwrap_or_else(|e| {
                panic!(
                    "trial {trial}: backup {} does not read: {e}",
                    backup.path.display()
                )
            });
            assert_eq!(workspace, version(version_number(&workspace)));
        }
    }
    // Most kills land inside a save (the child does nothing else); if none did, the
    // test proved nothing.
    eprintln!("{killed_mid_write} of {TRIALS} kills landed while a temporary file was open");
    assert!(killed_mid_write > 0, "no kill landed during a write");
    // The next writer clears what killed saves left behind.
    let _ = Store::open(&path).expect("opens after the crashes");
    let leftovers: Vec<_> = files_in(dir.path())
        .into_iter()
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().contains(".saving-"))
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
