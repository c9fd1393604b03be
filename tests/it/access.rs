//! The window as a screen reader and a keyboard user meet it, read from the AccessKit
//! tree the window builds for them: headings, regions, tables and grids, values, live
//! messages, field problems, and where the keyboard is after each action.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::sync::Arc;

use egui::{Key, Modifiers, accesskit::Role};
use egui_kittest::{Harness, Node, kittest::NodeT, kittest::Queryable};
use jiff::civil::{Date, date};
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    command::Screen,
    domain::{
        Workspace,
        example::{example_with_requests, example_workspace},
    },
    store,
};

const TODAY: Date = date(2026, 11, 23);

/// The app on a copy of `workspace` on 23 November 2026, in a window of `size`.
fn harness_on(
    workspace: &Workspace,
    size: egui::Vec2,
) -> (tempfile::TempDir, Harness<'static, SmallprintApp>) {
    let (dir, path) = common::temp_workspace();
    store::write_new(&path, workspace, common::SAVED_AT).expect("workspace written");
    let app = SmallprintApp::new(
        Some(path),
        Arc::new(FixedClock::at_date(TODAY)),
        AppOptions {
            autosave_delay: 0.0,
            native_file_dialogs: false,
            rescue_folder: None,
        },
        Preferences::default(),
    );
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut SmallprintApp| app.ui(ui), app);
    harness.run();
    (dir, harness)
}

fn example() -> (tempfile::TempDir, Harness<'static, SmallprintApp>) {
    harness_on(&example_workspace(TODAY), egui::vec2(1280.0, 900.0))
}

fn go_to(harness: &mut Harness<'_, SmallprintApp>, screen: Screen) {
    harness
        .get_by_role_and_label(Role::Button, screen.title())
        .click();
    harness.run();
}

/// Every node under `node`, depth first.
fn all<'t>(node: &Node<'t>) -> Vec<Node<'t>> {
    node.children_recursive().collect()
}

/// A node's name: its label, or for text its value.
fn label(node: &Node<'_>) -> String {
    let data = node.accesskit_node();
    data.label().or_else(|| data.value()).unwrap_or_default()
}

fn role(node: &Node<'_>) -> Role {
    node.accesskit_node().role()
}

/// The names of the nodes of `role` under `node`, in order.
fn names(node: &Node<'_>, wanted: Role) -> Vec<String> {
    all(node)
        .iter()
        .filter(|found| role(found) == wanted)
        .map(label)
        .collect()
}

/// The first node of `role` named `name` under `node`.
fn find<'t>(node: &Node<'t>, wanted: Role, name: &str) -> Option<Node<'t>> {
    all(node)
        .into_iter()
        .find(|found| role(found) == wanted && label(found) == name)
}

/// The node the keyboard is on, as (role, name), if any.
fn focused(harness: &Harness<'_, SmallprintApp>) -> Option<(Role, String)> {
    all(&harness.root())
        .into_iter()
        .find(|node| node.accesskit_node().is_focused())
        .map(|node| (role(&node), label(&node)))
}

/// The named region (navigation, main, status, a dialog) the keyboard is in.
fn focused_region(harness: &Harness<'_, SmallprintApp>) -> Option<(Role, String)> {
    let node = all(&harness.root())
        .into_iter()
        .find(|node| node.accesskit_node().is_focused())?;
    let mut at = node.parent();
    while let Some(parent) = at {
        if matches!(
            role(&parent),
            Role::Navigation | Role::Main | Role::Status | Role::MenuBar | Role::Dialog
        ) {
            return Some((role(&parent), label(&parent)));
        }
        at = parent.parent();
    }
    None
}

#[test]
fn every_screen_has_its_title_as_the_one_level_one_heading_of_its_main_region() {
    let (_dir, mut harness) = example();
    for screen in Screen::ALL {
        go_to(&mut harness, screen);
        let root = harness.root();
        let main = all(&root)
            .into_iter()
            .find(|node| role(node) == Role::Main)
            .expect("a main region");
        assert_eq!(label(&main), screen.title(), "the main region is named");
        let top: Vec<String> = all(&main)
            .iter()
            .filter(|node| {
                role(node) == Role::Heading && node.accesskit_node().data().level() == Some(1)
            })
            .map(label)
            .collect();
        assert_eq!(top, vec![screen.title().to_owned()], "{screen:?}");
        let regions: Vec<(Role, String)> = all(&root)
            .iter()
            .filter(|node| matches!(role(node), Role::Navigation | Role::Status | Role::MenuBar))
            .map(|node| (role(node), label(node)))
            .collect();
        assert_eq!(
            regions,
            vec![
                (Role::MenuBar, "Menu".to_owned()),
                (Role::Navigation, "Screens".to_owned()),
                (Role::Status, "Status".to_owned()),
            ],
            "in reading order"
        );
    }
    // Tab follows the same order: from the menu to the screens, not to the status bar.
    harness
        .get_by_role_and_label(Role::MenuItem, "Help")
        .focus();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    assert_eq!(
        focused_region(&harness).map(|(role, _)| role),
        Some(Role::Navigation),
        "{:?}",
        focused(&harness)
    );
}

#[test]
fn the_window_is_named_by_its_title() {
    let (_dir, harness) = example();
    let name = harness.root().accesskit_node().label().unwrap_or_default();
    assert!(
        name.starts_with("Kestrel Forge 3D — workspace.json"),
        "{name}"
    );
}

#[test]
fn the_requests_list_is_a_table_of_seven_named_columns_holding_every_row() {
    let workspace = example_with_requests(TODAY, 500);
    let (_dir, mut harness) = harness_on(&workspace, egui::vec2(1280.0, 800.0));
    go_to(&mut harness, Screen::Requests);
    // Every request, not only the open ones.
    harness
        .get_by_role_and_label(Role::ComboBox, "Status")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "All statuses")
        .click();
    harness.run();

    let root = harness.root();
    let table = find(&root, Role::Table, "Requests").expect("the requests table");
    let headers: Vec<String> = names(&table, Role::ColumnHeader);
    assert_eq!(
        headers,
        [
            "Reference",
            "Requester",
            "Kind",
            "Received",
            "Due",
            "Days left",
            "Status"
        ]
    );
    let rows: Vec<Node<'_>> = table
        .children()
        .filter(|node| role(node) == Role::Row)
        .collect();
    assert_eq!(rows.len(), 501, "the header row and one per request");
    let mut references: Vec<String> = rows[1..]
        .iter()
        .map(|row| {
            let cells: Vec<Node<'_>> = row.children().filter(|c| role(c) == Role::Cell).collect();
            assert_eq!(cells.len(), 7, "{}", label(row));
            for (column, cell) in cells.iter().enumerate() {
                assert_eq!(cell.accesskit_node().data().column_index(), Some(column));
            }
            label(&cells[0])
        })
        .collect();
    references.sort();
    let mut expected: Vec<String> = workspace
        .requests
        .iter()
        .map(|r| r.reference.clone())
        .collect();
    expected.sort();
    assert_eq!(references, expected);
    // One Tab stop: only one row can take the keyboard.
    let focusable = rows
        .iter()
        .filter(|row| {
            row.accesskit_node()
                .data()
                .supports_action(egui::accesskit::Action::Focus)
        })
        .count();
    assert_eq!(focusable, 1);
}

#[test]
fn arrow_keys_move_along_the_requests_table_and_scroll_its_rows_into_view() {
    let workspace = example_with_requests(TODAY, 120);
    let (_dir, mut harness) = harness_on(&workspace, egui::vec2(1280.0, 700.0));
    go_to(&mut harness, Screen::Requests);
    // From the screen's title, Tab reaches the table in a few presses.
    let mut presses = 0;
    while focused(&harness).is_none_or(|(role, _)| role != Role::Row) {
        harness.key_press(Key::Tab);
        harness.run();
        presses += 1;
        assert!(
            presses < 15,
            "the table is within reach: {:?}",
            focused(&harness)
        );
    }
    let (_, first) = focused(&harness).expect("a row");
    harness.key_press(Key::ArrowDown);
    harness.run();
    let (_, second) = focused(&harness).expect("a row");
    assert_ne!(first, second);
    harness.key_press(Key::End);
    harness.run();
    let (role_at_end, last) = focused(&harness).expect("a row");
    assert_eq!(role_at_end, Role::Row);
    // The last row is now in view: its rectangle is inside the window.
    let row = harness.get_by_role_and_label(Role::Row, &last);
    assert!(
        row.rect().bottom() <= 700.0 && row.rect().top() >= 0.0,
        "{:?}",
        row.rect()
    );
    harness.key_press(Key::Home);
    harness.run();
    assert_eq!(focused(&harness).map(|(_, name)| name), Some(first.clone()));
    // Enter opens the request on the keyboard's row, and the keyboard goes to its title.
    harness.key_press(Key::Enter);
    harness.run();
    let reference = first.split(", ").next().expect("reference").to_owned();
    assert_eq!(focused(&harness), Some((Role::Heading, reference)));
    // Closing it brings the keyboard back to its row.
    harness.get_by_role_and_label(Role::Button, "Close").click();
    harness.run();
    assert_eq!(focused(&harness).map(|(_, name)| name), Some(first));
    // Tab leaves the table at once: one stop, not 120.
    harness.key_press(Key::Tab);
    harness.run();
    assert_ne!(focused(&harness).map(|(role, _)| role), Some(Role::Row));
}

#[test]
fn every_drop_down_says_its_value() {
    let (_dir, mut harness) = example();
    let mut seen = 0;
    for screen in Screen::ALL {
        go_to(&mut harness, screen);
        for node in all(&harness.root()) {
            if role(&node) == Role::ComboBox {
                seen += 1;
                let value = node.accesskit_node().value().unwrap_or_default();
                assert!(
                    !value.trim().is_empty(),
                    "{screen:?}: {} has no value",
                    label(&node)
                );
                assert!(
                    !label(&node).is_empty(),
                    "{screen:?}: a drop-down with no name"
                );
            }
        }
    }
    // The log form's kind and channel too.
    go_to(&mut harness, Screen::Requests);
    harness.get_by_label("Log a request…").click();
    harness.run();
    let kind = harness.get_by_role_and_label(Role::ComboBox, "Kind");
    assert_eq!(
        kind.accesskit_node().value().as_deref(),
        Some("Subject access")
    );
    // Orca reads no combo box value through AccessKit's AT-SPI adapter: on Linux it is
    // the description too.
    if cfg!(target_os = "linux") {
        assert_eq!(
            kind.accesskit_node().description().as_deref(),
            Some("Subject access")
        );
    }
    assert!(seen >= 5, "drop-downs seen: {seen}");
}

#[test]
fn the_calendar_month_is_a_grid_of_days_named_in_full() {
    let (_dir, mut harness) = example();
    go_to(&mut harness, Screen::Calendar);
    let root = harness.root();
    let grid = find(&root, Role::Grid, "November 2026").expect("the month's grid");
    let headers: Vec<String> = names(&grid, Role::ColumnHeader);
    assert_eq!(
        headers,
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday"
        ]
    );
    let cells: Vec<String> = names(&grid, Role::GridCell);
    // November 2026 starts on a Sunday: the grid runs from Monday 26 October to Sunday
    // 6 December, six weeks.
    assert_eq!(cells.len(), 42);
    assert_eq!(cells[0], "Monday 26 October 2026");
    assert_eq!(cells[6], "Sunday 1 November 2026");
    assert_eq!(cells[28], "Monday 23 November 2026, today");
    assert_eq!(cells[41], "Sunday 6 December 2026");
    let rows = grid
        .children()
        .filter(|node| role(node) == Role::Row)
        .count();
    assert_eq!(rows, 7);
}

#[test]
fn the_date_picker_names_each_day_in_full_and_gives_the_keyboard_back() {
    let (_dir, mut harness) = example();
    go_to(&mut harness, Screen::Requests);
    harness.get_by_label("Log a request…").click();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Pick… Received on")
        .click();
    harness.run();
    // It opens with the keyboard on today (the field is empty).
    assert_eq!(
        focused(&harness),
        Some((Role::Button, "Monday 23 November 2026".to_owned()))
    );
    assert!(harness.query_by_label("Previous month").is_some());
    assert!(harness.query_by_label("Next month").is_some());
    let days = harness
        .get_all_by_role(Role::Button)
        .filter(|node| label(node).ends_with("November 2026"))
        .count();
    assert_eq!(days, 30);
    // Arrow keys move between days; Enter picks; the keyboard is back on the button.
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(
        focused(&harness),
        Some((Role::Button, "Tuesday 24 November 2026".to_owned()))
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        focused(&harness),
        Some((Role::Button, "Pick… Received on".to_owned()))
    );
    assert_eq!(
        harness
            .get_by_label("Received on")
            .accesskit_node()
            .value()
            .as_deref(),
        Some("2026-11-24")
    );
    // Escape closes it and gives the keyboard back too.
    harness.key_press(Key::Enter);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("Next month").is_none());
    assert_eq!(
        focused(&harness),
        Some((Role::Button, "Pick… Received on".to_owned()))
    );
}

/// Where the keyboard must be after each action: (action, region, role, name). The name
/// "…" ends a prefix. Written before the code that keeps the focus (issue 26).
const FOCUS_AFTER: [(&str, Role, Role, &str); 22] = [
    (
        "Requests in the navigation",
        Role::Main,
        Role::Heading,
        "Requests",
    ),
    ("open a request", Role::Main, Role::Heading, "R-2026-003"),
    ("close the request", Role::Main, Role::Row, "R-2026-003, …"),
    (
        "Log a request…",
        Role::Main,
        Role::TextInput,
        "Requester's name",
    ),
    (
        "Cancel the form",
        Role::Main,
        Role::Button,
        "Log a request…",
    ),
    (
        "Pick… a date",
        Role::Dialog,
        Role::Button,
        "Monday 23 November 2026",
    ),
    ("pick a day", Role::Main, Role::Button, "Pick… Received on"),
    (
        "Escape from the picker",
        Role::Main,
        Role::Button,
        "Pick… Received on",
    ),
    ("Log request", Role::Main, Role::Heading, "R-2026-009"),
    (
        "Write a letter…",
        Role::Main,
        Role::Heading,
        "Letter to Ines Okafor — R-2026-009",
    ),
    ("Export PDF…", Role::Dialog, Role::TextInput, "File name"),
    (
        "Save in the chooser",
        Role::Main,
        Role::Button,
        "Export PDF…",
    ),
    (
        "Escape from the chooser",
        Role::Main,
        Role::Button,
        "Export PDF…",
    ),
    (
        "Back to the request",
        Role::Main,
        Role::Button,
        "Write a letter…",
    ),
    (
        "Register in the navigation",
        Role::Main,
        Role::Heading,
        "Register",
    ),
    ("open an activity", Role::Main, Role::Heading, "Activity"),
    (
        "close the activity",
        Role::Main,
        Role::Button,
        "Provide services and goods, including delivery",
    ),
    (
        "Add activity",
        Role::Main,
        Role::ComboBox,
        "Kind of business",
    ),
    (
        "Start a blank activity",
        Role::Main,
        Role::Heading,
        "Activity",
    ),
    ("Log a breach…", Role::Main, Role::TextInput, "Became aware"),
    ("open a breach", Role::Main, Role::Heading, "B-2026-001"),
    ("back to all breaches", Role::Main, Role::Link, "B-2026-001"),
];

/// Presses Enter on the button named `name`, as a keyboard user does (the focus is
/// then on it, as it would be after Tabbing there).
/// Clicks the first table row whose name starts with `prefix`; its name.
fn click_row(harness: &mut Harness<'_, SmallprintApp>, prefix: &str) -> String {
    let row = all(&harness.root())
        .into_iter()
        .find(|node| role(node) == Role::Row && label(node).starts_with(prefix))
        .map(|node| label(&node))
        .expect("a row");
    harness.get_by_role_and_label(Role::Row, &row).click();
    harness.run();
    row
}

fn press_button(harness: &mut Harness<'_, SmallprintApp>, name: &str) {
    harness.get_by_role_and_label(Role::Button, name).focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn act(harness: &mut Harness<'_, SmallprintApp>, action: &str, folder: &std::path::Path) {
    match action {
        "Requests in the navigation" => press_button(harness, "Requests"),
        "Register in the navigation" => press_button(harness, "Register"),
        "open a request" => {
            click_row(harness, "R-2026-003, ");
        }
        "close the request" | "close the activity" => press_button(harness, "Close"),
        "Log a request…" => press_button(harness, "Log a request…"),
        "Cancel the form" => press_button(harness, "Cancel"),
        "Pick… a date" => {
            press_button(harness, "Log a request…");
            press_button(harness, "Pick… Received on");
        }
        "pick a day" => {
            harness.key_press(Key::Enter);
            harness.run();
        }
        "Save in the chooser" => {
            // Into the test's folder: the name offered is in the user's documents.
            harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
            let path = folder.join("acknowledgement.pdf");
            harness
                .get_by_label("File name")
                .type_text(&path.display().to_string());
            harness.run();
            harness.key_press(Key::Enter);
            harness.run();
            harness.state_mut().finish_exports(true);
            harness.run();
            assert!(path.exists(), "exported to {}", path.display());
        }
        "Escape from the picker" => {
            harness.key_press(Key::Enter);
            harness.run();
            harness.key_press(Key::Escape);
            harness.run();
        }
        "Log request" => {
            harness.get_by_label("Requester's name").focus();
            harness.run();
            harness
                .get_by_label("Requester's name")
                .type_text("Ines Okafor");
            harness.run();
            press_button(harness, "Log request");
        }
        "Write a letter…" => press_button(harness, "Write a letter…"),
        "Export PDF…" => press_button(harness, "Export PDF…"),
        "Escape from the chooser" => {
            press_button(harness, "Export PDF…");
            harness.key_press(Key::Escape);
            harness.run();
        }
        "Back to the request" => press_button(harness, "Back to the request"),
        "open an activity" => {
            harness
                .get_by_role_and_label(
                    Role::Button,
                    "Provide services and goods, including delivery",
                )
                .click();
            harness.run();
        }
        "Add activity" => press_button(harness, "Add activity"),
        "Start a blank activity" => press_button(harness, "Start a blank activity"),
        "Log a breach…" => {
            go_to(harness, Screen::Breaches);
            press_button(harness, "Log a breach…");
        }
        "open a breach" => {
            press_button(harness, "Cancel");
            harness
                .get_by_role_and_label(Role::Link, "B-2026-001")
                .click();
            harness.run();
        }
        "back to all breaches" => press_button(harness, "← All breaches"),
        other => panic!("no such action in the table: {other}"),
    }
}

#[test]
fn after_every_action_the_keyboard_is_on_a_named_place_in_the_expected_region() {
    let (dir, mut harness) = example();
    let mut wrong = Vec::new();
    for (action, region, expected_role, name) in FOCUS_AFTER {
        act(&mut harness, action, dir.path());
        let at = focused(&harness);
        let in_region = focused_region(&harness).map(|(role, _)| role);
        let name_fits = |found: &str| match name.strip_suffix('…').filter(|_| name.ends_with(", …"))
        {
            Some(prefix) => found.starts_with(prefix),
            None => found == name,
        };
        let right = at
            .as_ref()
            .is_some_and(|(role, found)| *role == expected_role && name_fits(found))
            && in_region == Some(region);
        if !right {
            wrong.push(format!(
                "after {action:?}: expected {expected_role:?} {name:?} in {region:?}, found {at:?} in {in_region:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// The node whose text is `text` among the live regions, with how it is announced.
fn live_node(harness: &Harness<'_, SmallprintApp>, starts: &str) -> Option<egui::accesskit::Live> {
    all(&harness.root()).into_iter().find_map(|node| {
        let data = node.accesskit_node();
        let text = data.label().or_else(|| data.value()).unwrap_or_default();
        (text.starts_with(starts) && data.data().live().is_some()).then(|| data.live())
    })
}

#[test]
fn results_and_refusals_are_spoken_from_the_status_bar() {
    use egui::accesskit::Live;
    use smallprint::{
        actions::Export, command::Command, documents::Format, domain::requests::RequestEvent,
    };
    let (dir, mut harness) = example();
    let out = dir.path().join("notice.pdf");
    harness.state_mut().apply(Command::Export {
        what: Export::Notice {
            format: Format::Pdf,
            style: smallprint::documents::notice::NoticeStyle::Standard,
            finish: smallprint::documents::notice::Finish::Final,
        },
        to: Some(out.clone()),
    });
    harness.run();
    harness.state_mut().finish_exports(true);
    harness.run();
    assert!(out.exists());
    assert_eq!(live_node(&harness, "Exported "), Some(Live::Polite));
    let node = harness.get_by_label_contains("Exported ");
    assert!(
        label(&node).contains(&format!("to {}", out.display())),
        "says where: {}",
        label(&node)
    );
    // The live node is in the status region.
    let mut at = node.parent();
    let mut region = None;
    while let Some(parent) = at {
        if role(&parent) == Role::Status {
            region = Some(label(&parent));
        }
        at = parent.parent();
    }
    assert_eq!(region.as_deref(), Some("Status"));

    // A step that does not apply, as from a stale screen: refused, at once.
    let open = harness
        .state()
        .workspace()
        .expect("open")
        .requests
        .iter()
        .find(|r| r.status == smallprint::domain::requests::Status::Open && !r.is_complaint())
        .expect("an open request")
        .id;
    harness.state_mut().apply(Command::RecordRequestEvent {
        request: open,
        event: RequestEvent::IdentityReceived,
        on: TODAY,
        note: None,
    });
    harness.run();
    assert_eq!(live_node(&harness, "Not done: "), Some(Live::Assertive));
}

#[test]
fn a_refused_form_takes_the_keyboard_to_the_field_whose_problem_is_its_description() {
    let (_dir, mut harness) = example();
    go_to(&mut harness, Screen::Requests);
    press_button(&mut harness, "Log a request…");
    // Nothing typed: Enter on Log request is refused.
    press_button(&mut harness, "Log request");
    assert_eq!(
        focused(&harness),
        Some((Role::TextInput, "Requester's name".to_owned()))
    );
    let field = harness.get_by_role_and_label(Role::TextInput, "Requester's name");
    let description = field.accesskit_node().description().unwrap_or_default();
    // The same words the form shows under the field.
    assert!(
        !description.is_empty(),
        "the problem is the field's description"
    );
    harness.get_by_label(&description);
    // Typed, the problem and its description go.
    harness
        .get_by_label("Requester's name")
        .type_text("Ines Okafor");
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, "Requester's name");
    assert_eq!(field.accesskit_node().description(), None);
}

#[test]
fn f6_moves_between_the_screens_the_content_and_the_status_message() {
    let (_dir, mut harness) = example();
    go_to(&mut harness, Screen::Requests);
    assert_eq!(
        focused(&harness),
        Some((Role::Heading, "Requests".to_owned()))
    );
    // No message yet: from the content, F6 goes to the screens, on the current one.
    harness.key_press(Key::F6);
    harness.run();
    assert_eq!(
        focused(&harness),
        Some((Role::Button, "Requests".to_owned()))
    );
    assert_eq!(
        focused_region(&harness).map(|(role, _)| role),
        Some(Role::Navigation)
    );
    harness.key_press(Key::F6);
    harness.run();
    assert_eq!(
        focused(&harness),
        Some((Role::Heading, "Requests".to_owned()))
    );
    // With a message, F6 reaches it too; Shift+F6 goes back.
    harness
        .state_mut()
        .session
        .open_workspace_mut()
        .expect("open")
        .say(smallprint::session::Tone::Info, "Something to hear again.");
    harness.run();
    harness.key_press(Key::F6);
    harness.run();
    assert_eq!(
        focused(&harness).map(|(_, name)| name),
        Some("Something to hear again.".to_owned())
    );
    assert_eq!(
        focused_region(&harness).map(|(role, _)| role),
        Some(Role::Status)
    );
    harness.key_press_modifiers(Modifiers::SHIFT, Key::F6);
    harness.run();
    assert_eq!(
        focused(&harness),
        Some((Role::Heading, "Requests".to_owned()))
    );
}

/// Counts the key presses a keyboard-only user makes.
struct Keys<'h, 'a> {
    harness: &'h mut Harness<'a, SmallprintApp>,
    presses: usize,
}

impl Keys<'_, '_> {
    fn press(&mut self, key: Key) {
        self.harness.key_press(key);
        self.harness.run();
        self.presses += 1;
    }

    /// Tabs until the keyboard is on `role` named `name`.
    fn tab_to(&mut self, role: Role, name: &str) {
        for _ in 0..40 {
            if focused(self.harness).is_some_and(|(r, n)| r == role && n == name) {
                return;
            }
            self.press(Key::Tab);
        }
        panic!("{name} not reached by Tab: {:?}", focused(self.harness));
    }

    fn type_text(&mut self, text: &str) {
        let (_, name) = focused(self.harness).expect("a field has the keyboard");
        self.harness.get_by_label(&name).type_text(text);
        self.harness.run();
    }
}

#[test]
fn a_request_is_logged_acknowledged_and_marked_sent_with_the_keyboard_alone() {
    let (dir, mut harness) = example();
    let mut keys = Keys {
        harness: &mut harness,
        presses: 0,
    };
    // From the start: F6 to the screens, down to Requests, Enter.
    keys.press(Key::F6);
    assert_eq!(
        focused_region(keys.harness).map(|(role, _)| role),
        Some(Role::Navigation)
    );
    for _ in 0..3 {
        keys.press(Key::ArrowDown);
    }
    keys.press(Key::Enter);
    assert_eq!(
        focused(keys.harness),
        Some((Role::Heading, "Requests".to_owned()))
    );
    keys.tab_to(Role::Button, "Log a request…");
    keys.press(Key::Enter);
    keys.type_text("Ines Okafor");
    keys.press(Key::Enter);
    assert_eq!(
        focused(keys.harness),
        Some((Role::Heading, "R-2026-009".to_owned()))
    );
    keys.tab_to(Role::Button, "Write a letter…");
    keys.press(Key::Enter);
    keys.tab_to(Role::Button, "Export PDF…");
    keys.press(Key::Enter);
    assert_eq!(
        focused(keys.harness),
        Some((Role::TextInput, "File name".to_owned()))
    );
    let out = dir.path().join("acknowledgement.pdf");
    keys.harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    keys.presses += 1;
    keys.type_text(&out.display().to_string());
    keys.press(Key::Enter);
    keys.harness.state_mut().finish_exports(true);
    keys.harness.run();
    assert!(out.exists(), "the acknowledgement is written");
    assert_eq!(
        focused(keys.harness),
        Some((Role::Button, "Export PDF…".to_owned()))
    );
    keys.tab_to(Role::Button, "Mark as sent");
    keys.press(Key::Enter);
    let presses = keys.presses;
    let logged = harness
        .state()
        .workspace()
        .expect("open")
        .requests
        .iter()
        .find(|r| r.reference == "R-2026-009")
        .expect("logged")
        .clone();
    assert_eq!(logged.requester.name, "Ines Okafor");
    assert!(
        logged.timeline.iter().any(|entry| matches!(
            entry.event,
            smallprint::domain::requests::RequestEvent::LetterSent { .. }
        )),
        "the acknowledgement is in the timeline"
    );
    assert!(presses <= 40, "{presses} key presses");
    eprintln!("keyboard only: {presses} key presses plus typing");
}

#[test]
fn choices_repeated_fields_greyed_buttons_and_menus_say_what_they_belong_to() {
    let (_dir, mut harness) = example();
    // Each of an activity's processors' fields is named by its processor.
    let activity = harness
        .state()
        .workspace()
        .expect("open")
        .register
        .iter()
        .find(|a| a.processors.len() >= 2)
        .expect("an activity with two processors")
        .id;
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenActivity(activity));
    harness.run();
    for n in [1, 2] {
        for field in ["processor", "what it does for you", "contract or terms"] {
            harness.get_by_role_and_label(Role::TextInput, &format!("Processor {n}: {field}"));
        }
        harness.get_by_role_and_label(Role::Group, &format!("Processor {n}"));
        harness.get_by_role_and_label(Role::Button, &format!("Remove processor {n}"));
    }
    // Three "Add a common one…" boxes, each named for its list.
    let boxes: Vec<String> = names(&harness.root(), Role::ComboBox)
        .into_iter()
        .filter(|name| name.starts_with("Add a common one"))
        .collect();
    assert_eq!(
        boxes,
        [
            "Add a common one to categories of individuals",
            "Add a common one to categories of personal data",
            "Add a common one to other recipients"
        ]
    );

    // A greyed button says why to a screen reader too.
    press_button(&mut harness, "Add activity");
    let greyed: Vec<Node<'_>> = all(&harness.root())
        .into_iter()
        .filter(|node| {
            role(node) == Role::Button
                && label(node) == "Add"
                && node.accesskit_node().is_disabled()
        })
        .collect();
    assert!(
        !greyed.is_empty(),
        "purposes already in the register cannot be added twice"
    );
    for button in &greyed {
        assert_eq!(
            button.accesskit_node().description().as_deref(),
            Some("Your register already has an activity with this purpose")
        );
    }

    // A breach's yes / no / not known is heard with its question.
    let breach = harness.state().workspace().expect("open").breaches[0].id;
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenBreach(breach));
    harness.run();
    let group = all(&harness.root())
        .into_iter()
        .find(|node| {
            role(node) == Role::RadioGroup && label(node).starts_with("Special category data")
        })
        .expect("the special-category question as a radio group");
    let choices: Vec<String> = names(&group, Role::RadioButton);
    assert_eq!(choices, ["Yes", "No", "Not known yet"]);

    // The menu bar's buttons are menus that say whether they are open.
    let file = harness.get_by_role_and_label(Role::MenuItem, "File");
    assert_eq!(
        file.accesskit_node().data().has_popup(),
        Some(egui::accesskit::HasPopup::Menu)
    );
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(false));
    file.click();
    harness.run();
    let file = harness.get_by_role_and_label(Role::MenuItem, "File");
    assert_eq!(file.accesskit_node().data().is_expanded(), Some(true));
    harness.get_by_role_and_label(Role::MenuItem, "Save as…");
}

#[test]
fn tabbing_out_of_an_open_list_closes_it() {
    let (_dir, mut harness) = example();
    go_to(&mut harness, Screen::Requests);
    press_button(&mut harness, "Log a request…");
    let kind = harness.get_by_role_and_label(Role::ComboBox, "Kind");
    kind.focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert!(
        egui::Popup::is_any_open(&harness.ctx),
        "Enter opens the list"
    );
    let mut presses = 0;
    while focused(&harness).is_some_and(|(role, _)| role != Role::TextInput) {
        harness.key_press(Key::Tab);
        harness.run();
        presses += 1;
        assert!(presses < 40, "{:?}", focused(&harness));
    }
    assert!(
        !egui::Popup::is_any_open(&harness.ctx),
        "the list does not stay open over {:?}",
        focused(&harness)
    );
}

#[test]
fn the_notice_preview_reads_as_headings_and_tables() {
    let (_dir, mut harness) = example();
    go_to(&mut harness, Screen::Documents);
    let root = harness.root();
    let headings: Vec<(usize, String)> = all(&root)
        .iter()
        .filter(|node| role(node) == Role::Heading)
        .map(|node| {
            (
                node.accesskit_node().data().level().unwrap_or(0),
                label(node),
            )
        })
        .collect();
    // The screen's title, then the notice's own outline under it.
    assert_eq!(headings[0], (1, "Documents".to_owned()));
    assert!(
        headings.contains(&(2, "Kestrel Forge 3D customer privacy notice".to_owned())),
        "{headings:?}"
    );
    assert!(
        headings.iter().filter(|(level, _)| *level == 3).count() >= 10,
        "the notice's sections: {headings:?}"
    );
    let tables: Vec<Node<'_>> = all(&root)
        .into_iter()
        .filter(|node| role(node) == Role::Table)
        .collect();
    assert!(!tables.is_empty(), "the notice's table is a table");
    for table in &tables {
        let headers = all(table)
            .iter()
            .filter(|node| role(node) == Role::ColumnHeader)
            .count();
        assert!(headers >= 2, "{}", label(table));
        let cells = all(table)
            .iter()
            .filter(|node| role(node) == Role::Cell && !label(node).is_empty())
            .count();
        assert!(cells >= headers, "{}", label(table));
    }
}

/// With a request open beside the table, the arrow keys still move along the table
/// (the open request's row no longer pulls the keyboard back to itself).
#[test]
fn arrow_keys_move_along_the_table_while_a_request_is_open() {
    let workspace = example_with_requests(TODAY, 60);
    let (_dir, mut harness) = harness_on(&workspace, egui::vec2(1400.0, 800.0));
    go_to(&mut harness, Screen::Requests);
    click_row(&mut harness, "R-");
    let focusable_row = all(&harness.root())
        .into_iter()
        .find(|node| {
            role(node) == Role::Row
                && node
                    .accesskit_node()
                    .data()
                    .supports_action(egui::accesskit::Action::Focus)
        })
        .map(|node| label(&node))
        .expect("the open request's row");
    harness
        .get_by_role_and_label(Role::Row, &focusable_row)
        .focus();
    harness.run();
    for _ in 0..3 {
        harness.key_press(Key::ArrowDown);
        harness.run();
        let at = focused(&harness);
        assert_eq!(
            at.as_ref().map(|(role, _)| *role),
            Some(Role::Row),
            "{at:?}"
        );
    }
    assert_ne!(focused(&harness).map(|(_, name)| name), Some(focusable_row));
}
