//! The window and its file when another program gets in the way: a change noticed
//! without waiting for a save, a newer Smallprint's file never written over, edits kept
//! when the window closes in a conflict, and its own settings file kept private.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{path::Path, sync::Arc};

use common::{files_in, temp_workspace};
use egui_kittest::{Harness, kittest::Queryable};
use jiff::civil::date;
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    domain::{Workspace, example::example_workspace},
    session::SaveState,
    store,
};

fn app_on(path: &Path, autosave_delay: f64) -> SmallprintApp {
    SmallprintApp::new(
        Some(path.to_owned()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions {
            autosave_delay,
            native_file_dialogs: false,
            rescue_folder: None,
        },
        Preferences::default(),
    )
}

fn harness(app: SmallprintApp) -> Harness<'static, SmallprintApp> {
    Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_ui_state(|ui, app: &mut SmallprintApp| app.ui(ui), app)
}

fn example() -> Workspace {
    example_workspace(date(2026, 11, 23))
}

/// Renames the shop in the open window, as typing in the Organisation screen does.
fn edit_in_window(app: &mut SmallprintApp, name: &str) {
    let open = app.session.open_workspace_mut().expect("open");
    let edited = open.edit("Rename", None, 0.0, |workspace| {
        workspace.organisation.trading_name = name.to_owned();
        Ok::<(), String>(())
    });
    assert!(matches!(edited, Some(Ok(()))));
}

fn theirs() -> Workspace {
    let mut theirs = example();
    theirs.organisation.trading_name = "Renamed on the laptop".to_owned();
    theirs
}

#[test]
fn a_change_elsewhere_shows_when_the_window_regains_focus_not_at_the_next_save() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut harness = harness(app_on(&path, 3600.0));
    harness.run();
    common::write_bytes(&path, &store::encode(&theirs()));
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .map(|w| w.organisation.trading_name.as_str()),
        Some("Renamed on the laptop"),
        "nothing was unsaved here: the window shows the file's version"
    );

    // With an edit not yet saved, the user chooses, again without waiting for a save.
    edit_in_window(harness.state_mut(), "Mine");
    let mut again = theirs();
    again.organisation.trading_name = "Renamed again on the laptop".to_owned();
    common::write_bytes(&path, &store::encode(&again));
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    harness.get_by_role_and_label(
        egui::accesskit::Role::Dialog,
        "The file was changed elsewhere",
    );
    assert_eq!(store::read_workspace(&path).expect("reads"), again);
}

/// A format-99 file with a field this build does not know, as a newer build writes it.
fn newer_file() -> Vec<u8> {
    let text = String::from_utf8(store::encode(&theirs())).expect("utf-8");
    let current = format!(
        "\"smallprint_format\": {}",
        smallprint::domain::FORMAT_VERSION
    );
    text.replacen(
        &current,
        "\"smallprint_format\": 99, \"added_by_a_newer_build\": true",
        1,
    )
    .into_bytes()
}

#[test]
fn keep_my_version_is_not_offered_over_a_newer_smallprints_file() {
    let (dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut harness = harness(app_on(&path, 0.0));
    harness.run();
    edit_in_window(harness.state_mut(), "Mine");
    let newer = newer_file();
    common::write_bytes(&path, &newer);
    harness.run();
    harness.get_by_role_and_label(
        egui::accesskit::Role::Dialog,
        "A newer Smallprint changed the file",
    );
    assert!(
        harness.query_by_label("Keep my version").is_none(),
        "it would write the file back in an older format"
    );
    harness.get_by_label("Save my version as…");
    assert_eq!(std::fs::read(&path).expect("read"), newer);

    // Leaving it to the newer version keeps this one as a copy and writes nothing.
    harness
        .get_by_label("Leave it to the newer version")
        .click();
    harness.run();
    assert_eq!(std::fs::read(&path).expect("read"), newer);
    let kept = files_in(&store::backups::backup_dir(&path))
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with("-mine.json"))
        .unwrap_or_else(|| panic!("{:?}", files_in(dir.path())));
    assert_eq!(
        store::read_workspace(&kept)
            .expect("kept")
            .organisation
            .trading_name,
        "Mine"
    );
}

#[test]
fn the_store_refuses_to_keep_mine_over_a_newer_file() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let (mut store, contents) = store::Store::open(&path).expect("opens");
    let store::Contents::Workspace(mut mine) = contents else {
        panic!("missing")
    };
    mine.organisation.trading_name = "Mine".to_owned();
    let newer = newer_file();
    common::write_bytes(&path, &newer);
    let result = store.save_keeping_theirs(&mine, common::at(date(2026, 11, 23), 9));
    assert!(
        matches!(result, Err(store::StoreError::NewerVersion { .. })),
        "{result:?}"
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        newer,
        "not written over"
    );
}

#[test]
fn closing_with_a_conflict_open_keeps_the_edits_beside_the_file_and_says_where() {
    let (dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut app = app_on(&path, 3600.0);
    edit_in_window(&mut app, "Mine");
    common::write_bytes(&path, &store::encode(&theirs()));
    app.save();
    assert_eq!(
        app.open_workspace().expect("open").save_state,
        SaveState::Conflict
    );
    eframe::App::on_exit(&mut app, None);
    drop(app);
    assert_eq!(
        store::read_workspace(&path).expect("reads"),
        theirs(),
        "nothing written over"
    );
    let copies: Vec<_> = files_in(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains(".unsaved-"))
        .collect();
    assert_eq!(copies.len(), 1, "{:?}", files_in(dir.path()));
    let kept = store::read_workspace(&copies[0]).expect("the copy reads");
    assert_eq!(kept.organisation.trading_name, "Mine");
    assert_eq!(common::mode_of(&copies[0]), 0o600);

    // The next start says where it is.
    let app = app_on(&path, 3600.0);
    let notice = app
        .open_workspace()
        .and_then(|open| open.notice.clone())
        .unwrap_or_default();
    assert!(
        notice.contains(&copies[0].display().to_string()),
        "{notice}"
    );
}

#[test]
fn save_as_over_a_file_open_in_another_window_is_refused() {
    let (dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let (holder, _) = store::Store::open(&path).expect("another window");
    assert!(holder.is_writable());
    let before = std::fs::read(&path).expect("read");
    let elsewhere = dir.path().join("other.json");
    store::write_new(&elsewhere, &theirs(), common::SAVED_AT)
        .expect("writes where nobody holds it");
    let result = store::write_new(&path, &theirs(), common::SAVED_AT);
    assert!(
        matches!(result, Err(store::StoreError::InUse { .. })),
        "{result:?}"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

const CHILD_VAR: &str = "SMALLPRINT_PREFERENCES_TEST";

#[test]
#[ignore = "run by the_windows_settings_file_is_private as its child process"]
fn child_prepares_the_settings_file() {
    if std::env::var_os(CHILD_VAR).is_some() {
        let path = smallprint::app::private_preferences_file("smallprint").expect("a path");
        println!("settings at {}", path.display());
    }
}

#[cfg(unix)]
#[test]
fn the_windows_settings_file_is_private() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data");
    // An old settings file as eframe left it: world-readable, listing recent paths.
    let folder = data.join("smallprint");
    std::fs::create_dir_all(&folder).expect("folder");
    let ron = folder.join("app.ron");
    common::write_bytes(&ron, b"{}");
    let output = std::process::Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "window_files::child_prepares_the_settings_file",
            "--ignored",
            "--nocapture",
        ])
        .env(CHILD_VAR, "1")
        .env("XDG_DATA_HOME", &data)
        .output()
        .expect("child runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains(&ron.display().to_string()),
        "where eframe keeps it: {stdout}"
    );
    assert_eq!(common::mode_of(&ron), 0o600);
    assert_eq!(common::mode_of(&folder), 0o700);
}

/// Makes `folder` unwritable as a read-only USB stick is: by its mode, and for root (who
/// ignores modes) with the immutable flag. False when this system can do neither.
#[cfg(unix)]
fn make_unwritable(folder: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let writable = || {
        let probe = folder.join(".probe");
        let created = std::fs::File::create(&probe).is_ok();
        let _ = std::fs::remove_file(&probe);
        created
    };
    if writable() {
        let _ = std::process::Command::new("chattr")
            .arg("+i")
            .arg(folder)
            .status();
    }
    !writable()
}

#[cfg(unix)]
fn make_writable(folder: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::process::Command::new("chattr")
        .arg("-i")
        .arg(folder)
        .status();
    let _ = std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o700));
}

#[cfg(unix)]
#[test]
fn quitting_after_a_failed_save_asks_and_keeps_the_edits_where_they_can_be_written() {
    use smallprint::command::{CloseChoice, CloseDialog, Command};
    let dir = tempfile::tempdir().expect("tempdir");
    let stick = dir.path().join("stick");
    std::fs::create_dir(&stick).expect("folder");
    let path = stick.join("workspace.json");
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let rescue = dir.path().join("data");
    let app = SmallprintApp::new(
        Some(path.clone()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions {
            autosave_delay: 0.0,
            native_file_dialogs: false,
            rescue_folder: Some(rescue.clone()),
        },
        Preferences::default(),
    );
    let mut harness = harness(app);
    harness.run();
    if !make_unwritable(&stick) {
        make_writable(&stick);
        eprintln!("skipped: this system cannot make a folder read-only for this user");
        return;
    }
    let before = std::fs::read(&path).expect("read");
    edit_in_window(harness.state_mut(), "Kept after the save failed");
    harness.run();
    let failed = harness
        .state()
        .session
        .open_workspace()
        .is_some_and(|open| matches!(open.save_state, SaveState::Failed(_)));

    // Quit: the window stays, and asks.
    harness.state_mut().apply(Command::Quit);
    harness.run();
    let stayed = !harness.state().is_closing();
    let asked = matches!(
        harness.state().close_dialog(),
        Some(CloseDialog::Asking { .. })
    );
    let heading = harness
        .query_by_role_and_label(egui::accesskit::Role::Dialog, "Your changes are not saved")
        .is_some();
    // The window's close button asks the same: see `ready_to_close`.
    let close_button_asks = !harness.state_mut().ready_to_close();

    harness.get_by_label("Keep as a copy").click();
    harness.run();
    let message = match harness.state().close_dialog() {
        Some(CloseDialog::Kept { message, .. }) => message.clone(),
        other => {
            make_writable(&stick);
            panic!("expected the copy's place, got {other:?}");
        }
    };
    let said = harness
        .query_by_label_contains("your changes were kept as")
        .is_some();
    let unchanged = std::fs::read(&path).expect("read") == before;
    make_writable(&stick);

    assert!(failed, "the save into a read-only folder must fail");
    assert!(stayed && asked && heading && close_button_asks);
    assert!(said, "{message}");
    assert!(unchanged, "the workspace file itself is untouched");
    let copies = files_in(&rescue);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert!(
        message.contains(&copies[0].display().to_string()),
        "{message}"
    );
    let kept = store::read_workspace(&copies[0]).expect("the copy opens");
    assert_eq!(kept.organisation.trading_name, "Kept after the save failed");

    harness
        .state_mut()
        .apply(Command::CloseUnsaved(CloseChoice::Quit));
    harness.run();
    assert!(harness.state().is_closing());
    assert_eq!(harness.state_mut().close(), None, "no second copy on exit");
    assert_eq!(files_in(&rescue).len(), 1);
}

#[test]
fn quit_without_saving_closes_and_keeps_nothing() {
    use smallprint::command::{CloseChoice, Command};
    let (dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut harness = harness(app_on(&path, 0.0));
    harness.run();
    // Another program's change puts the window in a conflict: unsaved edits.
    edit_in_window(harness.state_mut(), "Mine");
    common::write_bytes(&path, &store::encode(&theirs()));
    harness.state_mut().save();
    harness.state_mut().apply(Command::Quit);
    harness.run();
    assert!(
        !harness.state().is_closing(),
        "a conflict open is unsaved edits"
    );
    harness.get_by_label("Quit without saving").click();
    harness.run();
    assert!(harness.state().is_closing());
    let listed = files_in(dir.path());
    assert_eq!(harness.state_mut().close(), None);
    assert_eq!(
        files_in(dir.path()),
        listed,
        "nothing kept, as the user chose"
    );
    let _ = CloseChoice::Stay;
}

/// Writes `workspace` as a backup file named `name`, saved (inside) at `saved_at`.
fn plant_backup(dir: &Path, name: &str, workspace: &Workspace, saved_at: jiff::Timestamp) {
    let backups = dir.join("backups");
    std::fs::create_dir_all(&backups).expect("backups");
    common::write_bytes(&backups.join(name), &store::encode_at(workspace, saved_at));
}

#[test]
fn recovery_offers_the_newest_backup_that_opens_by_the_time_inside_it() {
    let (dir, path) = temp_workspace();
    common::write_bytes(&path, b"{ damaged");
    let good = example();
    let mut bad = example();
    bad.requests[0].received = date(1899, 12, 31);
    let mut stale = example();
    stale.organisation.trading_name = "An old copy with a future name".to_owned();
    plant_backup(
        dir.path(),
        "workspace-20261120-090000-000.json",
        &good,
        common::at(date(2026, 11, 20), 9),
    );
    // Newer, but holding what the reader refuses: it would lock the user out again.
    plant_backup(
        dir.path(),
        "workspace-20261122-090000-000.json",
        &bad,
        common::at(date(2026, 11, 22), 9),
    );
    // A name from a clock set years ahead, saved before the others: by name it would
    // be the newest.
    plant_backup(
        dir.path(),
        "workspace-20991231-235959-999.json",
        &stale,
        common::at(date(2026, 11, 1), 9),
    );
    let mut harness = harness(app_on(&path, 0.0));
    harness.run();
    harness.get_by_role_and_label(
        egui::accesskit::Role::Heading,
        "This workspace cannot be opened",
    );
    harness.get_by_label("Open the newest good backup (saved 20 November 2026, 09:00)");
    harness
        .get_by_label("Every backup of this file (3)")
        .click();
    harness.run();
    harness.get_by_label_contains("Cannot be opened");
    harness.get_by_label("Saved 22 November 2026, 09:00");
    harness.get_by_label("Saved 1 November 2026, 09:00");
    harness
        .get_by_label("Open the newest good backup (saved 20 November 2026, 09:00)")
        .click();
    harness.run();
    assert_eq!(harness.state().workspace(), Some(&good));
    assert_eq!(std::fs::read(&path).expect("read"), b"{ damaged");
}

#[test]
fn an_older_backup_can_be_chosen_from_the_list() {
    let (dir, path) = temp_workspace();
    common::write_bytes(&path, b"{ damaged");
    let mut older = example();
    older.organisation.trading_name = "Before the mistake".to_owned();
    plant_backup(
        dir.path(),
        "workspace-20261118-090000-000.json",
        &older,
        common::at(date(2026, 11, 18), 9),
    );
    plant_backup(
        dir.path(),
        "workspace-20261120-090000-000.json",
        &example(),
        common::at(date(2026, 11, 20), 9),
    );
    let mut harness = harness(app_on(&path, 0.0));
    harness.run();
    harness
        .get_by_label("Every backup of this file (2)")
        .click();
    harness.run();
    let buttons = harness
        .get_all_by_label("Open this backup")
        .collect::<Vec<_>>();
    assert_eq!(buttons.len(), 2);
    // Newest first: the second is the older one.
    buttons[1].click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .map(|w| w.organisation.trading_name.as_str()),
        Some("Before the mistake")
    );
}

#[test]
fn a_write_from_outside_at_the_last_moment_of_a_save_opens_the_conflict() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut harness = harness(app_on(&path, 0.0));
    harness.run();
    harness
        .state_mut()
        .session
        .open_workspace_mut()
        .expect("open")
        .pause_saves_before_rename(Some(|real| {
            // Another program saves the file while this save is between its check and
            // its rename.
            common::write_bytes(real, &store::encode(&theirs()));
        }));
    edit_in_window(harness.state_mut(), "Mine");
    harness.run();
    harness.run();
    assert_eq!(
        harness
            .state()
            .session
            .open_workspace()
            .map(|o| &o.save_state),
        Some(&SaveState::Conflict)
    );
    harness.get_by_role_and_label(
        egui::accesskit::Role::Dialog,
        "The file was changed elsewhere",
    );
    assert_eq!(
        store::read_workspace(&path).expect("reads"),
        theirs(),
        "the other program's write is not overwritten"
    );
}

/// The window's forms apply edits through `edit`, which asks the reader's limits of the
/// records the edit touched: an edit the file could not hold is refused with the
/// reader's words and leaves no trace (no change, no undo step, nothing to save).
#[test]
fn an_edit_the_reader_would_refuse_is_refused_and_leaves_no_trace() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut app = app_on(&path, 0.0);
    let open = app.session.open_workspace_mut().expect("open");
    let before = open.workspace.clone();
    for (what, change) in [
        (
            "a date before 1900",
            (|w: &mut Workspace| w.requests[0].received = date(1899, 12, 31)) as fn(&mut Workspace),
        ),
        ("a text over 100,000 characters", |w: &mut Workspace| {
            w.register[0].purpose = "x".repeat(100_001);
        }),
        ("the id counter run out", |w: &mut Workspace| {
            w.ids.raise_above(smallprint::domain::integrity::MAX_ID);
        }),
    ] {
        let result = open.edit(what, None, 0.0, |workspace| {
            change(workspace);
            Ok::<(), String>(())
        });
        match result {
            Some(Err(reason)) => assert!(
                reason.contains("could not be opened again"),
                "{what}: {reason}"
            ),
            other => panic!("{what}: expected a refusal, got {other:?}"),
        }
        assert_eq!(open.workspace, before, "{what}");
        assert!(open.history().next_undo().is_none(), "{what}");
        assert_eq!(open.save_state, SaveState::Saved, "{what}");
    }
}

/// Another program's version is taken only within the reader's limits, and with the
/// repairs opening a file makes: never a date the file could not hold, never an id
/// counter that would hand out a taken id.
#[test]
fn another_programs_version_is_taken_only_as_the_reader_would_open_it() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example(), common::SAVED_AT).expect("example");
    let mut app = app_on(&path, 0.0);
    let mine = app
        .session
        .open_workspace()
        .expect("open")
        .workspace
        .clone();

    let mut damaged = example();
    damaged.requests[0].received = date(1899, 12, 31);
    common::write_bytes(&path, &store::encode(&damaged));
    let open = app.session.open_workspace_mut().expect("open");
    open.notice_external_change();
    assert_eq!(
        open.workspace, mine,
        "the out-of-range version is not taken"
    );
    assert_eq!(open.save_state, SaveState::Conflict);

    // The user keeps theirs (a version from disk within the limits, its counter behind).
    let mut behind = example();
    behind.organisation.trading_name = "Renamed elsewhere".to_owned();
    let mut value: serde_json::Value =
        serde_json::from_slice(&store::encode(&behind)).expect("json");
    value["workspace"]["ids"] = serde_json::json!(1);
    common::write_bytes(&path, &serde_json::to_vec(&value).expect("json"));
    open.use_theirs(common::SAVED_AT);
    assert_eq!(
        open.workspace.organisation.trading_name,
        "Renamed elsewhere"
    );
    let highest = open
        .workspace
        .requests
        .iter()
        .map(|r| r.id.0)
        .chain(open.workspace.register.iter().map(|a| a.id.0))
        .chain(open.workspace.breaches.iter().map(|b| b.id.0))
        .max()
        .expect("records");
    assert!(
        open.workspace.ids.peek() > highest,
        "the counter was repaired"
    );
    assert!(
        matches!(open.save_state, SaveState::Pending { .. }),
        "the repair is saved at the next autosave"
    );
}
