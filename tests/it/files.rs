//! One real file behind every path, and nothing Smallprint writes ever clobbers it:
//! symlinked workspaces, outputs that point at their own input or at devices, the lock
//! honoured by every writer, private folders, and what crashes leave behind.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]
#![cfg(unix)]

use crate::common;

use std::{fs, os::unix::fs::symlink, path::Path};

use common::{arg, at, files_in, mode_of, smallprint, temp_workspace};
use jiff::civil::date;
use smallprint::{
    domain::{Workspace, example::example_workspace},
    store::{self, Contents, Store, backups},
};

fn example() -> Workspace {
    example_workspace(date(2026, 11, 23))
}

fn opened(path: &Path) -> (Store, Workspace) {
    match Store::open(path).expect("opens") {
        (store, Contents::Workspace(workspace)) => (store, workspace),
        (_, Contents::Missing) => panic!("{} is missing", path.display()),
    }
}

#[test]
fn a_workspace_opened_through_a_symlink_shares_the_real_files_lock() {
    let (dir, real) = temp_workspace();
    store::write_new(&real, &example(), common::SAVED_AT).expect("write");
    let link = dir.path().join("link.json");
    symlink(&real, &link).expect("symlink");
    let (first, _) = opened(&real);
    let (second, _) = opened(&link);
    assert!(first.is_writable());
    assert!(
        !second.is_writable(),
        "the link and the file are one workspace: one writer"
    );
    drop(first);
    drop(second);
    let (through_link, _) = opened(&link);
    assert!(through_link.is_writable());
    assert!(
        !opened(&real).0.is_writable(),
        "the lock taken through the link holds for the real path too"
    );
}

#[test]
fn saving_through_a_symlink_keeps_the_symlink_and_writes_the_real_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sync = dir.path().join("sync");
    let local = dir.path().join("local");
    fs::create_dir(&sync).expect("dir");
    fs::create_dir(&local).expect("dir");
    let real = sync.join("workspace.json");
    let link = local.join("workspace.json");
    store::write_new(&real, &example(), common::SAVED_AT).expect("write");
    symlink(&real, &link).expect("symlink");

    let (mut store, mut workspace) = opened(&link);
    workspace.organisation.trading_name = "Saved through the link".to_owned();
    store
        .save(&workspace, at(date(2026, 11, 23), 9))
        .expect("saves");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the symlink is still a symlink"
    );
    assert_eq!(store::read_workspace(&real).expect("real file"), workspace);
    // Backups and the lock sit beside the real file, not the link.
    assert!(!backups::list(&real).is_empty(), "{:?}", files_in(&sync));
    assert!(
        !backups::backup_dir(&link).exists(),
        "{:?}",
        files_in(&local)
    );
    assert_eq!(files_in(&local), vec![link.clone()]);
}

#[test]
fn a_dangling_symlink_is_created_at_its_target() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("elsewhere.json");
    let link = dir.path().join("workspace.json");
    symlink(&real, &link).expect("symlink");
    let (mut store, contents) = Store::open(&link).expect("opens");
    assert!(matches!(contents, Contents::Missing));
    store
        .save(&example(), at(date(2026, 11, 23), 9))
        .expect("saves");
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(store::read_workspace(&real).expect("reads"), example());
}

fn demo_at(path: &Path) {
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(path)]);
    assert_eq!(code, 0, "{stderr}");
}

/// Runs an export of `path` to `out` and checks it was refused and changed nothing.
fn assert_refused(path: &Path, args: &[&str], out: &Path, why: &str) {
    let before = fs::read(path).expect("workspace");
    let out_before = fs::symlink_metadata(out).ok().map(|m| m.file_type());
    let (code, _, stderr) = smallprint(args);
    assert_eq!(code, 2, "{args:?} should be refused: {stderr}");
    assert!(stderr.contains(why), "{args:?}: {stderr}");
    assert_eq!(fs::read(path).expect("workspace"), before, "{args:?}");
    assert_eq!(
        fs::symlink_metadata(out).ok().map(|m| m.file_type()),
        out_before,
        "{args:?} changed what is at {}",
        out.display()
    );
}

#[test]
fn an_export_never_overwrites_its_own_workspace_or_backups() {
    let (dir, path) = temp_workspace();
    demo_at(&path);
    let file = arg(&path);
    let link_md = dir.path().join("notice.md");
    symlink(&path, &link_md).expect("symlink");
    let link_txt = dir.path().join("letter.txt");
    symlink(&path, &link_txt).expect("symlink");
    let why = "is the workspace itself";
    assert_refused(
        &path,
        &["register", "--file", file, "--csv", file],
        &path,
        why,
    );
    assert_refused(
        &path,
        &["calendar", "--file", file, "--ics", file],
        &path,
        why,
    );
    assert_refused(
        &path,
        &["notice", "--file", file, "--out", file, "--format", "md"],
        &path,
        why,
    );
    assert_refused(
        &path,
        &["notice", "--file", file, "--out", arg(&link_md)],
        &link_md,
        why,
    );
    assert_refused(
        &path,
        &[
            "letter",
            "--file",
            file,
            "--request",
            "R-2026-004",
            "--template",
            "acknowledgement",
            "--out",
            arg(&link_txt),
        ],
        &link_txt,
        why,
    );
    // A save makes a backup; an export may not replace it either.
    let (mut store, workspace) = opened(&path);
    store
        .save(&workspace, at(date(2026, 11, 23), 9))
        .expect("saves");
    drop(store);
    let backup = backups::list(&path)
        .into_iter()
        .next()
        .expect("a backup")
        .path;
    let backup_bytes = fs::read(&backup).expect("backup");
    assert_refused(
        &path,
        &["register", "--file", file, "--csv", arg(&backup)],
        &backup,
        "backup",
    );
    assert_eq!(fs::read(&backup).expect("backup"), backup_bytes);
}

#[test]
fn an_export_to_a_device_a_pipe_or_a_folder_is_refused() {
    let (dir, path) = temp_workspace();
    demo_at(&path);
    let file = arg(&path);
    let why = "not a regular file";
    // A device node of our own (like /dev/full: writing to it fails, so a "successful"
    // export would be a lie), never the system's: a regression run as root would
    // replace it. Making one needs root; the pipe below needs nothing.
    let full = dir.path().join("full.csv");
    let made = std::process::Command::new("mknod")
        .arg(&full)
        .args(["c", "1", "7"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if made {
        assert_refused(
            &path,
            &["register", "--file", file, "--csv", arg(&full)],
            &full,
            why,
        );
        assert_refused(
            &path,
            &["calendar", "--file", file, "--ics", arg(&full)],
            &full,
            why,
        );
    }
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    assert_refused(
        &path,
        &["register", "--file", file, "--csv", arg(&fifo)],
        &fifo,
        why,
    );
    let folder = dir.path().join("folder.ics");
    fs::create_dir(&folder).expect("dir");
    assert_refused(
        &path,
        &["calendar", "--file", file, "--ics", arg(&folder)],
        &folder,
        "folder",
    );
}

#[test]
fn demo_makes_every_folder_it_creates_private() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a/b/c/x.json");
    demo_at(&path);
    for folder in ["a", "a/b", "a/b/c"] {
        assert_eq!(mode_of(&dir.path().join(folder)), 0o700, "{folder}");
    }
    assert_eq!(mode_of(&path), 0o600);
}

#[test]
fn demo_force_leaves_a_workspace_open_in_smallprint_alone() {
    let (_dir, path) = temp_workspace();
    demo_at(&path);
    let (store, _) = opened(&path);
    assert!(store.is_writable());
    let before = fs::read(&path).expect("read");
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path), "--force"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("open in Smallprint"), "{stderr}");
    assert_eq!(fs::read(&path).expect("read"), before);
    drop(store);
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path), "--force"]);
    assert_eq!(code, 0, "{stderr}");
}

#[test]
fn a_killed_backup_write_leaves_no_personal_data_behind() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("write");
    let folder = backups::backup_dir(&path);
    fs::create_dir_all(&folder).expect("backups");
    // What a save killed while writing its backup leaves: a temp file of a dead process.
    let stale = folder.join(".workspace-20261123-090000-000.json.saving-4194300");
    common::write_bytes(&stale, &store::encode(&example()));
    let (_store, _) = opened(&path);
    assert!(!stale.exists(), "{:?}", files_in(&folder));
}

#[test]
fn restoring_a_backup_never_leaves_the_path_without_a_file() {
    let (dir, path) = temp_workspace();
    let (mut store, _) = Store::open(&path).expect("opens");
    store
        .save(&example(), at(date(2026, 11, 20), 9))
        .expect("saves");
    drop(store);
    let broken = b"{ \"smallprint_format\": 1, \"workspace\": { oops".to_vec();
    common::write_bytes(&path, &broken);
    let (newest, _) = store::backups::newest_readable(&path).expect("a backup");
    let (mut store, restored, _) = Store::open_from_backup(&path, &newest.path)
        .expect("io")
        .expect("a backup");
    // The atomic write fails at its last moment (another program writes the file just
    // before the rename): the path must still hold a file, not nothing.
    store.pause_before_rename(Some(|real| {
        common::write_bytes(real, b"{ written meanwhile");
    }));
    let result = store.save(&restored, at(date(2026, 11, 23), 9));
    assert!(result.is_err(), "{result:?}");
    assert_eq!(
        fs::read(&path).expect("the file is still there"),
        b"{ written meanwhile",
        "{:?}",
        files_in(dir.path())
    );
    assert_eq!(
        files_in(dir.path()).len(),
        3,
        "the file, its lock and the backups folder: no name set aside, no temp file left: {:?}",
        files_in(dir.path())
    );
    store.pause_before_rename(None);
    common::write_bytes(&path, &broken);
    let saved = store
        .save(&restored, at(date(2026, 11, 23), 10))
        .expect("saves");
    let aside = saved.set_aside.expect("set aside");
    assert_eq!(fs::read(&aside).expect("aside"), broken);
    assert_eq!(store::read_workspace(&path).expect("reads"), restored);
}
