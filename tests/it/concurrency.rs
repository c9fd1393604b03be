//! Writers at once: a workspace open in a window refuses a command-line write, and
//! command-line writers started together each get their turn — no update is lost.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{fs, path::Path, process::Command, sync::Arc};

use common::{arg, smallprint, temp_workspace};
use jiff::civil::date;
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    store,
};

fn add_args<'a>(path: &'a Path, name: &'a str) -> Vec<&'a str> {
    vec![
        "request",
        "add",
        "--file",
        arg(path),
        "--kind",
        "access",
        "--received",
        "2026-01-15",
        "--name",
        name,
    ]
}

#[test]
fn a_workspace_open_in_the_window_refuses_a_command_line_write() {
    let (_dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    // The window holds the file as it does when open: its session owns the lock.
    let window = SmallprintApp::new(
        Some(path.clone()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions::default(),
        Preferences::default(),
    );
    assert!(
        window
            .open_workspace()
            .is_some_and(smallprint::session::OpenWorkspace::is_writable)
    );
    let before = fs::read(&path).expect("read");
    let (code, stdout, stderr) = smallprint(&add_args(&path, "Cai Fictional"));
    assert_eq!(code, 2, "{stdout}");
    assert!(
        stderr.contains("open in Smallprint — close it first"),
        "{stderr}"
    );
    assert_eq!(fs::read(&path).expect("read"), before, "nothing written");
    // Every other writer is refused the same way.
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path), "--force"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("close it first"), "{stderr}");
    drop(window);
    let (code, _, stderr) = smallprint(&add_args(&path, "Cai Fictional"));
    assert_eq!(code, 0, "the window closed: {stderr}");
}

#[test]
fn command_line_writers_started_together_lose_no_update() {
    let (_dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    let mut expected = store::read_workspace(&path).expect("reads").requests.len();
    let mut refused = 0;
    for round in 0..3 {
        let names: Vec<String> = (0..6)
            .map(|n| format!("Writer {n} of round {round}"))
            .collect();
        // All started before any is waited for.
        let spawned: Vec<_> = names
            .iter()
            .map(|name| {
                Command::new(env!("CARGO_BIN_EXE_smallprint"))
                    .args(add_args(&path, name))
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .expect("spawns")
            })
            .collect();
        let mut succeeded = Vec::new();
        for (child, name) in spawned.into_iter().zip(&names) {
            let output = child.wait_with_output().expect("finishes");
            let stderr = String::from_utf8_lossy(&output.stderr);
            match output.status.code() {
                Some(0) => succeeded.push(name.clone()),
                // Refused cleanly is allowed; anything else is not.
                Some(2) => {
                    assert!(stderr.contains("close it first"), "{stderr}");
                    refused += 1;
                }
                other => panic!("{name}: exit {other:?}: {stderr}"),
            }
        }
        expected += succeeded.len();
        let workspace = store::read_workspace(&path).expect("reads");
        assert_eq!(
            workspace.requests.len(),
            expected,
            "round {round}: an update was lost"
        );
        for name in &succeeded {
            assert!(
                workspace.requests.iter().any(|r| &r.requester.name == name),
                "round {round}: {name} is missing"
            );
        }
        let mut references: Vec<&str> = workspace
            .requests
            .iter()
            .map(|r| r.reference.as_str())
            .collect();
        references.sort_unstable();
        references.dedup();
        assert_eq!(references.len(), expected, "references are distinct");
    }
    // Each waits its turn: with writes of milliseconds, none should give up.
    assert_eq!(refused, 0, "a writer gave up waiting");
}
