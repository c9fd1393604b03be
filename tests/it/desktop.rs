//! Desktop citizenship: the menu entry follows the freedesktop.org Desktop Entry
//! Specification, names an icon Smallprint ships, matches the window's app id (so the
//! desktop puts the running window under its icon), and the install script puts both
//! where the XDG Base Directory Specification says a user's applications and icons go.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::{collections::BTreeMap, path::Path, process::Command};

fn entry_keys(text: &str) -> BTreeMap<String, String> {
    let mut keys = BTreeMap::new();
    let mut in_main_group = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_main_group = line == "[Desktop Entry]";
        } else if in_main_group && let Some((key, value)) = line.split_once('=') {
            assert!(
                keys.insert(key.trim().to_owned(), value.trim().to_owned())
                    .is_none(),
                "{key} twice"
            );
        }
    }
    keys
}

fn shipped_entry() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string("assets/desktop/smallprint.desktop").expect("shipped");
    assert!(
        text.starts_with("[Desktop Entry]"),
        "the spec's first group is [Desktop Entry]"
    );
    entry_keys(&text)
}

#[test]
fn the_menu_entry_has_what_the_specification_requires() {
    let keys = shipped_entry();
    // Required for Type=Application: Type, Name, Exec (spec §6, "Recognized keys").
    assert_eq!(keys.get("Type").map(String::as_str), Some("Application"));
    assert_eq!(keys.get("Name").map(String::as_str), Some("Smallprint"));
    assert_eq!(keys.get("Exec").map(String::as_str), Some("smallprint"));
    assert_eq!(keys.get("Terminal").map(String::as_str), Some("false"));
    // Categories and Keywords are lists ending in a semicolon.
    for list in ["Categories", "Keywords"] {
        assert!(keys.get(list).expect(list).ends_with(';'), "{list}");
    }
    let icon = keys.get("Icon").expect("an icon");
    let png = std::fs::read(format!("assets/desktop/{icon}.png")).expect("the icon is shipped");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
}

#[test]
fn the_window_says_the_same_app_id_as_the_menu_entry() {
    let wm_class = shipped_entry()
        .get("StartupWMClass")
        .expect("StartupWMClass")
        .clone();
    let main = std::fs::read_to_string("src/main.rs").expect("main.rs");
    assert!(
        main.contains(&format!("const APP_ID: &str = \"{wm_class}\";"))
            && main.contains(".with_app_id(APP_ID)"),
        "the window's app id is {wm_class}"
    );
}

#[test]
fn the_install_script_puts_the_entry_and_icon_in_the_user_data_folder() {
    let data = tempfile::tempdir().expect("tempdir");
    let bin = tempfile::tempdir().expect("tempdir");
    // A stand-in program on the PATH: the script only needs one to point the entry at.
    let program = bin.path().join("smallprint");
    std::fs::copy(env!("CARGO_BIN_EXE_smallprint"), &program).expect("copy");
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let run = |argument: &str| {
        Command::new("bash")
            .arg("scripts/install-desktop")
            .arg(argument)
            .env("XDG_DATA_HOME", data.path())
            .env("PATH", &path)
            .output()
            .expect("runs")
    };
    let installed = run("--no-build");
    assert!(installed.status.success(), "{installed:?}");
    let entry = data.path().join("applications/smallprint.desktop");
    let keys = entry_keys(&std::fs::read_to_string(&entry).expect("entry installed"));
    assert_eq!(
        keys.get("Exec").map(String::as_str),
        Some(program.to_str().expect("utf-8")),
        "the menu starts the program by its full path"
    );
    let icon = data
        .path()
        .join("icons/hicolor/256x256/apps/smallprint.png");
    assert_eq!(
        std::fs::read(&icon).expect("icon installed"),
        std::fs::read("assets/desktop/smallprint.png").expect("shipped")
    );

    let removed = run("--uninstall");
    assert!(removed.status.success(), "{removed:?}");
    assert!(!entry.exists() && !icon.exists());
    assert!(Path::new("assets/desktop/smallprint.png").exists());
}
