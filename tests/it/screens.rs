//! Image snapshots of every screen of the real app, at the smallest window Smallprint
//! supports (720×480) and a common laptop size (1366×800), in the light and the dark
//! theme, rendered headless by `egui_kittest` with wgpu (Mesa's software renderer on CI).
//!
//! A change to any screen fails here until its pictures are looked at and accepted:
//! `UPDATE_SNAPSHOTS=1 cargo test --test it screens::`, then review `tests/screens/*.png`
//! (and the `.diff.png` files kittest leaves beside a failure) before committing.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::{
    path::{Path, PathBuf},
    sync::Arc,
};

use egui_kittest::{Harness, SnapshotOptions, SnapshotResults, kittest::NodeT};
use jiff::civil::date;
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    command::{Command, Look, Screen, TextSize, ThemeChoice},
    domain::example::example_workspace,
    store,
};

const SIZES: [(u16, u16); 2] = [(1366, 800), (720, 480)];
const THEMES: [(ThemeChoice, egui::Theme, &str); 2] = [
    (ThemeChoice::Light, egui::Theme::Light, "light"),
    (ThemeChoice::Dark, egui::Theme::Dark, "dark"),
];

/// A workspace path that is the same on every machine, since screens show it: an
/// empty folder of its own under /tmp for each picture set.
fn fixed_workspace_path(name: &str) -> PathBuf {
    let folder = Path::new("/tmp/smallprint-screens").join(name);
    if folder.exists() {
        std::fs::remove_dir_all(&folder).expect("an old run's folder is removed");
    }
    std::fs::create_dir_all(&folder).expect("folder");
    folder.join("workspace.json")
}

fn app_on(path: &Path, theme: ThemeChoice) -> SmallprintApp {
    app_with_text(path, theme, TextSize::Normal)
}

fn app_with_text(path: &Path, theme: ThemeChoice, text_size: TextSize) -> SmallprintApp {
    SmallprintApp::new(
        Some(path.to_owned()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions {
            autosave_delay: 0.0,
            native_file_dialogs: false,
            rescue_folder: None,
        },
        Preferences {
            look: Look { theme, text_size },
            ..Preferences::default()
        },
    )
}

fn harness(
    app: SmallprintApp,
    size: (u16, u16),
    theme: egui::Theme,
) -> Harness<'static, SmallprintApp> {
    Harness::builder()
        .with_size(egui::vec2(f32::from(size.0), f32::from(size.1)))
        .with_theme(theme)
        .wgpu()
        .build_ui_state(|ui, app: &mut SmallprintApp| app.ui(ui), app)
}

fn snapshot(harness: &mut Harness<'_, SmallprintApp>, name: &str) {
    harness.run();
    harness.snapshot_options(name, &SnapshotOptions::new().output_path("tests/screens"));
}

/// Each screen of the example shop — every one the window registers (`Screen::ALL`, so a
/// new screen gets its snapshots without being listed here) — with an item open where
/// the screen has a list.
fn screen_commands(workspace: &smallprint::domain::Workspace) -> Vec<(String, Vec<Command>)> {
    let activity = workspace.register.first().expect("an activity").id;
    let request = workspace
        .requests
        .iter()
        .find(|r| r.reference == "R-2026-003")
        .expect("the subject access request")
        .id;
    let breach = workspace.breaches.first().expect("the example breach").id;
    let mut shots = Vec::new();
    for screen in Screen::ALL {
        let name = screen.title().to_lowercase().replace(' ', "-");
        match screen {
            // The register shows its editor with an activity open.
            Screen::Register => shots.push((name, vec![Command::OpenActivity(activity)])),
            Screen::Requests => {
                shots.push((name, vec![Command::Navigate(screen)]));
                shots.push(("request".to_owned(), vec![Command::OpenRequest(request)]));
            }
            Screen::Breaches => {
                shots.push((name, vec![Command::Navigate(screen)]));
                shots.push(("breach".to_owned(), vec![Command::OpenBreach(breach)]));
            }
            _ => shots.push((name, vec![Command::Navigate(screen)])),
        }
    }
    shots
}

#[test]
fn every_screen_at_both_sizes_in_both_themes() {
    let example = example_workspace(date(2026, 11, 23));
    // One set of results for every harness, so one run reports (or updates) them all.
    let mut results = SnapshotResults::new();
    for (choice, theme, theme_name) in THEMES {
        for size in SIZES {
            let path = fixed_workspace_path(&format!("{theme_name}-{}x{}", size.0, size.1));
            store::write_new(&path, &example, jiff::Timestamp::UNIX_EPOCH).expect("example");
            let mut harness = harness(app_on(&path, choice), size, theme);
            harness.run();
            for (screen, commands) in screen_commands(&example) {
                for command in commands {
                    harness.state_mut().apply(command);
                }
                snapshot(
                    &mut harness,
                    &format!("{screen}-{}x{}-{theme_name}", size.0, size.1),
                );
            }
            results.extend_harness(&mut harness);
        }
    }
    results.unwrap();
}

#[test]
fn the_first_run_in_both_themes() {
    let mut results = SnapshotResults::new();
    for (choice, theme, theme_name) in THEMES {
        for size in SIZES {
            let path = fixed_workspace_path(&format!("welcome-{theme_name}-{}x{}", size.0, size.1));
            let mut harness = harness(app_on(&path, choice), size, theme);
            harness.run();
            snapshot(
                &mut harness,
                &format!("welcome-{}x{}-{theme_name}", size.0, size.1),
            );
            results.extend_harness(&mut harness);
        }
    }
    results.unwrap();
}

/// WCAG 1.4.4: at twice the text size (the laptop window, so 683×400 points) every
/// screen stays usable: nothing runs off the window's right edge (read from the
/// accessibility tree, which gives every widget's place), and the pictures show the rest.
#[test]
fn every_screen_at_double_text_size() {
    let example = example_workspace(date(2026, 11, 23));
    let mut results = SnapshotResults::new();
    let path = fixed_workspace_path("double");
    store::write_new(&path, &example, jiff::Timestamp::UNIX_EPOCH).expect("example");
    let mut harness = harness(
        app_with_text(&path, ThemeChoice::Light, TextSize::Double),
        SIZES[0],
        egui::Theme::Light,
    );
    harness.run();
    let mut off_the_edge = Vec::new();
    for (screen, commands) in screen_commands(&example) {
        for command in commands {
            harness.state_mut().apply(command);
        }
        snapshot(&mut harness, &format!("{screen}-200pct"));
        // The tree gives places in physical pixels.
        let width = f64::from(SIZES[0].0);
        for node in harness.root().children_recursive() {
            let node = node.accesskit_node();
            let Some(bounds) = node.bounding_box() else {
                continue;
            };
            let name = node.label().or_else(|| node.value()).unwrap_or_default();
            if !name.is_empty() && bounds.x0 < width && bounds.x1 > width + 0.5 {
                off_the_edge.push(format!(
                    "{screen}: {:?} {name:?} ends at {:.0}",
                    node.role(),
                    bounds.x1
                ));
            }
        }
    }
    results.extend_harness(&mut harness);
    assert!(off_the_edge.is_empty(), "\n{}", off_the_edge.join("\n"));
    results.unwrap();
}
