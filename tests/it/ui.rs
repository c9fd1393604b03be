//! The real app, driven headlessly through its accessibility tree as a user would:
//! by clicking and typing on labelled widgets.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::{path::Path, sync::Arc};

use common::temp_workspace;
use egui::{Key, Modifiers};
use egui_kittest::{Harness, kittest::Queryable};
use jiff::civil::date;
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    domain::example::example_workspace,
    store,
};

fn app_on(path: &Path) -> SmallprintApp {
    app_saving_after(path, 0.0)
}

/// The app on `path` on 23 November 2026, saving `autosave_delay` seconds after an edit.
fn app_saving_after(path: &Path, autosave_delay: f64) -> SmallprintApp {
    SmallprintApp::new(
        Some(path.to_owned()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions {
            autosave_delay,
            // As on a desktop with no file-dialog portal: every file question goes to
            // Smallprint's own chooser, which the tests can drive.
            native_file_dialogs: false,
            rescue_folder: None,
        },
        Preferences::default(),
    )
}

fn harness(app: SmallprintApp) -> Harness<'static, SmallprintApp> {
    harness_sized(app, 1100.0, 900.0)
}

fn harness_sized(app: SmallprintApp, width: f32, height: f32) -> Harness<'static, SmallprintApp> {
    Harness::builder()
        .with_size(egui::vec2(width, height))
        .build_ui_state(|ui, app: &mut SmallprintApp| app.ui(ui), app)
}

/// The id of the open workspace's request with this reference.
fn request_id(
    harness: &Harness<'_, SmallprintApp>,
    reference: &str,
) -> smallprint::domain::RequestId {
    harness
        .state()
        .workspace()
        .and_then(|w| w.requests.iter().find(|r| r.reference == reference))
        .map_or_else(|| panic!("no request {reference}"), |r| r.id)
}

fn open_screen(harness: &mut Harness<'_, SmallprintApp>, title: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, title)
        .click();
    harness.run();
}

#[test]
fn editing_the_shop_name_retitles_the_window_saves_and_undoes() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("Kestrel Forge 3D — workspace.json")
    );

    open_screen(&mut harness, "Organisation");
    let field = harness.get_by_label("Trading name");
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Trading name")
        .type_text("Harbourlight Models");
    harness.run();

    assert!(
        harness
            .state()
            .window_title()
            .starts_with("Harbourlight Models — workspace.json"),
        "{}",
        harness.state().window_title()
    );
    harness.get_by_label("All changes saved");
    let saved = store::read_workspace(&path).expect("saved file reads");
    assert_eq!(saved.organisation.trading_name, "Harbourlight Models");

    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Undo")
        .click();
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .expect("open")
            .organisation
            .trading_name,
        "Kestrel Forge 3D"
    );
    assert!(
        harness
            .state()
            .window_title()
            .starts_with("Kestrel Forge 3D")
    );
    assert_eq!(
        harness.get_by_label("Trading name").value().as_deref(),
        Some("Kestrel Forge 3D")
    );
    let saved = store::read_workspace(&path).expect("saved file reads");
    assert_eq!(
        saved.organisation.trading_name, "Kestrel Forge 3D",
        "the undo was saved too"
    );
}

#[test]
fn a_field_with_a_problem_says_so_and_keeps_the_last_good_value() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    open_screen(&mut harness, "Organisation");
    harness.get_by_label("Email").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Email").type_text("hello at kestrel");
    harness.run();
    assert!(
        harness
            .query_by_label_contains("an email address needs an @")
            .is_none(),
        "not an error while it is still being typed"
    );
    harness.key_press(Key::Tab);
    harness.run();
    harness.get_by_label_contains("an email address needs an @");
    let saved = store::read_workspace(&path).expect("reads");
    assert_eq!(saved.organisation.email, "hello@kestrelforge.example");
}

#[test]
fn the_example_shop_opens_in_its_own_file_and_start_my_own_opens_an_empty_one() {
    let (dir, path) = temp_workspace();
    let mut harness = harness(app_on(&path));
    harness.run();
    harness.get_by_label("Start empty");
    harness.get_by_label("Explore the example shop").click();
    harness.run();
    assert!(
        !path.exists(),
        "exploring the example never writes the user's own workspace"
    );
    let example = dir.path().join("example-shop.json");
    let saved = store::read_workspace(&example).expect("the example has its own file");
    assert_eq!(saved, example_workspace(jiff::civil::date(2026, 11, 23)));
    harness.get_by_label_contains("Kestrel Forge 3D");
    harness.get_by_label("This is the example shop");

    click_button(&mut harness, "Start my own");
    let own = store::read_workspace(&path).expect("Start my own created the user's file");
    assert_eq!(own, smallprint::domain::Workspace::default());
    assert!(harness.query_by_label("This is the example shop").is_none());
    assert!(
        harness.state().window_title().contains("workspace.json"),
        "{}",
        harness.state().window_title()
    );
    // The example is still there to go back to, unchanged.
    assert_eq!(
        store::read_workspace(&example).expect("reads"),
        example_workspace(jiff::civil::date(2026, 11, 23))
    );
}

#[test]
fn starting_empty_goes_to_the_organisation_form() {
    let (_dir, path) = temp_workspace();
    let mut harness = harness(app_on(&path));
    harness.run();
    harness.get_by_label("Start empty").click();
    harness.run();
    harness.get_by_label("Legal name").focus();
    harness.run();
    harness.get_by_label("Legal name").type_text("Ada Quill");
    harness.run();
    assert_eq!(
        store::read_workspace(&path)
            .expect("reads")
            .organisation
            .legal_name,
        "Ada Quill"
    );
}

#[test]
fn an_unreadable_file_is_explained_offered_a_backup_and_left_alone() {
    let (_dir, path) = temp_workspace();
    let (mut writer, _) = store::Store::open(&path).expect("opens");
    writer
        .save(
            &example_workspace(jiff::civil::date(2026, 11, 23)),
            common::at(date(2026, 11, 20), 9),
        )
        .expect("saves");
    drop(writer);
    let broken = b"{\"smallprint_format\": 1, \"workspace\": {".to_vec();
    common::write_bytes(&path, &broken);

    let mut harness = harness(app_on(&path));
    harness.run();
    harness.get_by_role_and_label(
        egui::accesskit::Role::Heading,
        "This workspace cannot be opened",
    );
    harness.get_by_label_contains("is damaged");
    assert_eq!(std::fs::read(&path).expect("read"), broken);

    harness
        .get_by_label("Open the newest good backup (saved 20 November 2026, 09:00)")
        .click();
    harness.run();
    assert_eq!(
        harness.state().workspace(),
        Some(&example_workspace(jiff::civil::date(2026, 11, 23)))
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        broken,
        "untouched until a change"
    );
}

#[test]
fn a_second_window_on_the_same_file_is_read_only_and_says_so() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let first = app_on(&path);
    let mut second = harness(app_on(&path));
    second.run();
    second.get_by_label("Read-only: open in another Smallprint window");
    second.get_by_label_contains("Close the other window to make changes here");
    assert!(second.state().window_title().contains("(read-only)"));
    let before = std::fs::read(&path).expect("read");
    second
        .state_mut()
        .apply(smallprint::command::Command::UpdateOrganisation(
            smallprint::domain::Organisation::default(),
        ));
    second.run();
    assert_eq!(
        second.state().workspace(),
        Some(&example_workspace(jiff::civil::date(2026, 11, 23))),
        "no edit applied"
    );
    assert_eq!(std::fs::read(&path).expect("read"), before);
    drop(first);
}

#[test]
fn ctrl_s_saves_before_the_autosave_and_ctrl_z_undoes() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(jiff::civil::date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let app = app_saving_after(&path, 3600.0);
    let mut harness = harness(app);
    harness.run();
    open_screen(&mut harness, "Organisation");
    harness.get_by_label("Town or city").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Town or city").type_text("Westhaven");
    harness.run();
    harness.get_by_label("Saving…");
    assert_eq!(
        store::read_workspace(&path)
            .expect("reads")
            .organisation
            .address
            .town,
        "Exampleton"
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_label("All changes saved");
    assert_eq!(
        store::read_workspace(&path)
            .expect("reads")
            .organisation
            .address
            .town,
        "Westhaven"
    );

    // With the text field still focused, Ctrl+Z belongs to the field; once focus
    // leaves it, Ctrl+Z undoes the workspace change.
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .expect("open")
            .organisation
            .address
            .town,
        "Exampleton"
    );
    let open = harness.state().open_workspace().expect("open");
    assert!(
        open.can_redo(),
        "the workspace's undo ran, not the text field's"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .expect("open")
            .organisation
            .address
            .town,
        "Westhaven"
    );
}

fn type_into(harness: &mut Harness<'_, SmallprintApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    harness.run();
}

/// Waits for the exports the window is making on its worker threads, then draws what
/// the status bar says of them.
fn settle_exports(harness: &mut Harness<'_, SmallprintApp>) {
    harness.state_mut().finish_exports(true);
    harness.run();
}

fn click_button(harness: &mut Harness<'_, SmallprintApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, label)
        .click();
    harness.run();
}

#[test]
fn a_logged_request_appears_in_the_table_and_on_its_due_day_and_identity_moves_it() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 1000.0);
    harness.run();
    open_screen(&mut harness, "Requests");
    click_button(&mut harness, "Log a request…");
    type_into(&mut harness, "Requester's name", "Ines Carvalho-Brook");
    type_into(&mut harness, "Requester's email", "ines.cb@example.com");
    type_into(&mut harness, "Received on", "2026-11-02");
    click_button(&mut harness, "Log request");

    // Logged, saved, listed and opened.
    let saved = store::read_workspace(&path).expect("saved");
    let logged = saved.requests.last().expect("logged");
    assert_eq!(logged.requester.name, "Ines Carvalho-Brook");
    assert_eq!(logged.reference, "R-2026-009");
    // The table's row and the detail pane's heading.
    harness.get_by_role_and_label(
        egui::accesskit::Role::Row,
        "R-2026-009, Ines Carvalho-Brook, 2026-12-02, 9 days, Open",
    );
    harness.get_by_role_and_label(egui::accesskit::Role::Heading, "R-2026-009");
    harness.get_by_label("Due Wed 2 Dec 2026 (9 days)");

    // On the calendar: in November's grid (which runs to Sunday 6 December) and in
    // December's agenda, not in October's grid.
    open_screen(&mut harness, "Calendar");
    harness.get_by_label("R-2026-009 due");
    click_button(&mut harness, "◀ Previous");
    assert!(harness.query_by_label("R-2026-009 due").is_none());
    click_button(&mut harness, "Next ▶");
    click_button(&mut harness, "Next ▶");
    harness.get_by_role_and_label(egui::accesskit::Role::Heading, "December 2026");
    harness.get_by_label("Wed 2 Dec 2026");
    click_button(&mut harness, "R-2026-009 due");
    assert_eq!(
        harness.state().current_screen(),
        smallprint::command::Screen::Requests
    );

    // Identity asked for, then received: the month restarts and the working says so.
    type_into(&mut harness, "On", "2026-11-05");
    click_button(&mut harness, "Identity requested");
    let status = |harness: &Harness<'_, SmallprintApp>| {
        harness
            .state()
            .workspace()
            .expect("open")
            .requests
            .last()
            .expect("request")
            .status
    };
    assert_eq!(
        status(&harness),
        smallprint::domain::requests::Status::AwaitingIdentity
    );
    type_into(&mut harness, "On", "2026-11-20");
    click_button(&mut harness, "Identity received");
    assert_eq!(status(&harness), smallprint::domain::requests::Status::Open);
    harness.get_by_label("Due Mon 21 Dec 2026 (28 days)");
    harness.get_by_label_contains(
        "identity or authority received Fri 20 Nov 2026: the month restarts",
    );
    harness.get_by_label_contains("Proof of identity or authority received");
}

#[test]
fn a_step_that_does_not_apply_is_explained_and_not_recorded() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 1000.0);
    harness.run();
    let erasure = harness.state().workspace().expect("open").requests[1].clone();
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenRequest(erasure.id));
    harness.run();
    type_into(&mut harness, "Reason, outcome or note", "Account deleted.");
    type_into(&mut harness, "On", "2026-12-01");
    harness.get_by_label_contains("is in the future");
    // The step is greyed by the same rule: clicking it records nothing.
    click_button(&mut harness, "Responded");
    assert_eq!(
        harness.state().workspace().expect("open").requests[1],
        erasure
    );
}

#[test]
fn importing_bank_holidays_changes_deadlines_and_a_bad_file_changes_nothing() {
    let (dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();

    let bad = dir.path().join("not-holidays.json");
    common::write_bytes(&bad, b"{\"england-and-wales\": 3}");
    let before = harness.state().workspace().cloned();
    harness
        .state_mut()
        .apply(smallprint::command::Command::ImportBankHolidays(Some(bad)));
    harness.run();
    harness.get_by_label_contains("was not imported");
    assert_eq!(harness.state().workspace().cloned(), before);

    // A made-up 2028 feed with an extra day on Friday 2 June.
    let division = |key: &str| {
        format!(
            r#""{key}": {{"division": "{key}", "events": [{{"title": "Extra day", "date": "2028-06-02", "notes": "", "bunting": true}}]}}"#
        )
    };
    let feed = format!(
        "{{{}, {}, {}}}",
        division("england-and-wales"),
        division("scotland"),
        division("northern-ireland")
    );
    let good = dir.path().join("bank-holidays.json");
    common::write_bytes(&good, feed.as_bytes());
    harness
        .state_mut()
        .apply(smallprint::command::Command::ImportBankHolidays(Some(good)));
    harness.run();
    harness.get_by_label_contains("Imported the bank holidays");
    let workspace = store::read_workspace(&path).expect("saved");
    let holidays = workspace.holidays();
    assert!(!holidays.is_working_day(
        smallprint::domain::Nation::EnglandAndWales,
        date(2028, 6, 2)
    ));
    assert!(holidays.is_working_day(
        smallprint::domain::Nation::EnglandAndWales,
        date(2027, 6, 2)
    ));
}

#[test]
fn the_overview_lists_what_is_overdue_and_opens_it() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1100.0, 1400.0);
    harness.run();
    open_screen(&mut harness, "Overview");
    harness.get_by_label("Overdue requests (1)");
    harness.get_by_label("Complaints to acknowledge (1)");
    harness
        .get_by_label("R-2026-005 · Rectification · Gideon Ashbury")
        .click();
    harness.run();
    assert_eq!(
        harness.state().current_screen(),
        smallprint::command::Screen::Requests
    );
    harness.get_by_label("Due Wed 18 Nov 2026 (5 days overdue)");
}

#[test]
fn a_change_made_elsewhere_is_caught_and_the_user_chooses_which_version_to_keep() {
    let (_dir, path) = temp_workspace();
    let example = example_workspace(date(2026, 11, 23));
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    // Autosave waits, so the edit is still unsaved when the file changes (with nothing
    // unsaved, the window would simply show the file's new version).
    let app = app_saving_after(&path, 3600.0);
    let mut harness = harness(app);
    harness.run();
    open_screen(&mut harness, "Organisation");
    type_into(&mut harness, "Town or city", "Westhaven");

    // A sync client rewrites the file while it is open.
    let mut theirs = example.clone();
    theirs.organisation.trading_name = "Renamed on the laptop".to_owned();
    common::write_bytes(&path, &store::encode(&theirs));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    harness.get_by_role_and_label(
        egui::accesskit::Role::Dialog,
        "The file was changed elsewhere",
    );
    harness.get_by_label("Not saved: the file was changed by another program");
    assert_eq!(
        store::read_workspace(&path).expect("reads"),
        theirs,
        "nothing overwritten"
    );

    click_button(&mut harness, "Keep my version");
    let saved = store::read_workspace(&path).expect("reads");
    assert_eq!(saved.organisation.address.town, "Westhaven");
    assert_eq!(saved.organisation.trading_name, "Kestrel Forge 3D");
    let kept = std::fs::read_dir(smallprint::store::backups::backup_dir(&path))
        .expect("backups")
        .filter_map(Result::ok)
        .find(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .contains("changed-elsewhere")
        })
        .expect("their version kept");
    assert_eq!(store::read_workspace(&kept.path()).expect("reads"), theirs);
    harness.get_by_label("All changes saved");
}

#[test]
fn an_activity_on_legitimate_interests_is_complete_once_its_lia_is_and_undo_removes_it() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 4000.0);
    harness.run();
    open_screen(&mut harness, "Register");
    click_button(&mut harness, "Add activity");
    click_button(&mut harness, "Start a blank activity");
    harness.get_by_label_contains("to fill in or fix");
    type_into(
        &mut harness,
        "Purpose",
        "Send order updates by text message",
    );
    type_into(&mut harness, "Categories of individuals", "Customers");
    type_into(&mut harness, "Categories of personal data", "Phone numbers");
    harness.get_by_label("Directly from the person").click();
    harness.run();
    type_into(&mut harness, "Kept for", "1 year");
    type_into(
        &mut harness,
        "Because",
        "Delivery questions stop after a year",
    );
    harness
        .get_by_label("Legitimate interests (Art. 6(1)(f))")
        .click();
    harness.run();
    // Problems of fields not yet visited show once the form is checked.
    click_button(&mut harness, "Check");
    assert!(
        harness
            .query_all_by_label_contains("incomplete: answer “Why do you want to use the data?”")
            .next()
            .is_some()
    );

    for question in smallprint::domain::lia::QUESTIONS
        .iter()
        .filter(|q| q.required)
    {
        type_into(&mut harness, question.text, "Answered for the test.");
    }
    type_into(
        &mut harness,
        "The interests pursued, as your privacy notice will state them (published)",
        "Keeping customers told where their parcel is.",
    );
    type_into(&mut harness, "Completed by", "Morwenna Tallis");
    type_into(&mut harness, "Completed on", "2026-11-20");
    assert!(
        harness
            .query_all_by_label_contains("record the decision")
            .next()
            .is_some()
    );
    harness.get_by_label("Decision").click();
    harness.run();
    harness
        .get_by_label("We can rely on legitimate interests")
        .click();
    harness.run();

    harness.get_by_label("Nothing to fix.");
    let workspace = harness.state().workspace().expect("open").clone();
    assert_eq!(workspace.register.len(), 5);
    let added = workspace.register.last().expect("added");
    assert_eq!(added.purpose, "Send order updates by text message");
    assert_eq!(added.issues(), vec![]);
    assert_eq!(
        store::read_workspace(&path).expect("saved").register.len(),
        5
    );

    // Undo walks back through the edits (typing close together is one step) and then
    // takes the activity away, leaving the register as it was.
    let mut undos = 0;
    while harness.state().workspace().expect("open").register.len() == 5 {
        assert!(undos < 30, "undo never removed the activity");
        click_button(&mut harness, "Undo");
        undos += 1;
    }
    assert_eq!(
        harness.state().workspace().expect("open").register,
        example_workspace(date(2026, 11, 23)).register
    );
    assert_eq!(
        store::read_workspace(&path).expect("saved").register.len(),
        4
    );
}

#[test]
fn an_empty_register_starts_from_the_catalogue() {
    let (_dir, path) = temp_workspace();
    let mut harness = harness(app_on(&path));
    harness.run();
    harness.get_by_label("Start empty").click();
    harness.run();
    open_screen(&mut harness, "Register");
    harness.get_by_label("Kind of business").click();
    harness.run();
    harness.get_by_label("Tradesperson").click();
    harness.run();
    click_button(&mut harness, "Use these activities");
    let register = &harness.state().workspace().expect("open").register;
    assert_eq!(register.len(), 3);
    assert_eq!(register[0].purpose, "Quotes, jobs and guarantees");
    assert!(!register[0].processors.is_empty());
    assert_eq!(
        store::read_workspace(&path).expect("saved").register.len(),
        3
    );
}

#[test]
fn duplicate_and_delete_are_undoable() {
    let (_dir, path) = temp_workspace();
    let example = example_workspace(date(2026, 11, 23));
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 4000.0);
    harness.run();
    let marketing = example.register[3].id;
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenActivity(marketing));
    harness.run();
    click_button(&mut harness, "Duplicate");
    let register = &harness.state().workspace().expect("open").register;
    assert_eq!(register.len(), 5);
    assert_eq!(
        register[4].purpose,
        "Service updates or marketing purposes (copy)"
    );
    assert_ne!(register[4].id, marketing, "the copy has its own id");
    click_button(&mut harness, "Delete");
    click_button(&mut harness, "Undo");
    assert_eq!(harness.state().workspace().expect("open").register.len(), 5);
    // Undo names what it took back, so the user knows what changed where.
    harness.get_by_label("Undone: Delete “Service updates or marketing purposes (copy)”.");
    click_button(&mut harness, "Undo");
    harness.get_by_label("Undone: Duplicate “Service updates or marketing purposes”.");
    assert_eq!(
        harness.state().workspace().expect("open").register,
        example.register
    );
}

#[test]
fn a_step_the_rules_refuse_when_applied_is_reported_in_the_status_bar() {
    use smallprint::{command::Command, domain::requests::RequestEvent};
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    let open = harness
        .state()
        .workspace()
        .expect("open")
        .requests
        .iter()
        .find(|r| r.status == smallprint::domain::requests::Status::Open && !r.is_complaint())
        .expect("an open request")
        .clone();
    // As if a stale screen sent a step that no longer applies: identity that was never
    // asked for cannot arrive.
    harness.state_mut().apply(Command::RecordRequestEvent {
        request: open.id,
        event: RequestEvent::IdentityReceived,
        on: date(2026, 11, 23),
        note: None,
    });
    harness.run();
    let message = harness.get_by_label_contains("cannot be recorded while the request is");
    let text = message.value().unwrap_or_default();
    assert!(text.starts_with("Not done: Record"), "{text}");
    assert!(text.contains(&open.reference), "{text}");
    assert_eq!(
        harness.state().workspace().expect("open").request(open.id),
        Some(&open),
        "nothing was recorded"
    );
}

#[test]
fn documents_preview_the_notice_with_its_completeness_and_send_the_user_to_fix_gaps() {
    use egui_kittest::kittest::NodeT;
    use smallprint::{
        command::{Command, Export, Screen},
        documents::{Format, notice::NoticeStyle},
    };
    let (dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    open_screen(&mut harness, "Documents");
    harness.get_by_label("Kestrel Forge 3D customer privacy notice");
    harness.get_by_label("All 14 items are covered or do not apply to you.");
    harness.get_by_label("Export PDF…");

    // The dialogs need a desktop portal; the command behind them is what they run.
    let out = dir.path().join("notice.pdf");
    harness.state_mut().apply(Command::Export {
        what: Export::Notice {
            format: Format::Pdf,
            style: NoticeStyle::Layered,
            finish: smallprint::documents::notice::Finish::Final,
        },
        to: Some(out.clone()),
    });
    settle_exports(&mut harness);
    assert!(std::fs::read(&out).expect("exported").starts_with(b"%PDF-"));
    harness.get_by_label_contains("Exported the privacy notice as PDF");

    // A shop with no way to reach it: the check names the gap and the way to fix it,
    // the exports are greyed and the gap is a link to its screen.
    let mut workspace = example_workspace(date(2026, 11, 23));
    workspace.organisation.email.clear();
    workspace.organisation.phone.clear();
    workspace.organisation.address = smallprint::domain::organisation::PostalAddress::default();
    let (_dir2, path2) = temp_workspace();
    store::write_new(&path2, &workspace, common::SAVED_AT).expect("written");
    let mut harness = self::harness(app_on(&path2));
    harness.run();
    open_screen(&mut harness, "Documents");
    harness.get_by_label("1 of 14 items are missing. Each says where to fix it.");
    harness.get_by_label(
        "there is no way to contact the shop: give an email address, a phone number or a postal address",
    );
    assert!(
        harness
            .get_by_label("Export PDF…")
            .accesskit_node()
            .is_disabled()
    );
    harness.get_by_label_contains("The notice cannot be published yet");
    harness.get_by_label("Export draft…");
    harness.get_by_label("Fix on Organisation").click();
    harness.run();
    assert_eq!(harness.state().current_screen(), Screen::Organisation);

    // A stale click on a final export is refused in the gate's words; a draft goes out
    // marked, and dates nothing.
    let refused = dir.path().join("refused.md");
    harness.state_mut().apply(Command::Export {
        what: Export::Notice {
            format: Format::Markdown,
            style: NoticeStyle::Standard,
            finish: smallprint::documents::notice::Finish::Final,
        },
        to: Some(refused.clone()),
    });
    settle_exports(&mut harness);
    assert!(!refused.exists());
    harness.get_by_label_contains("cannot yet say everything the law requires");
    let draft = dir.path().join("draft.md");
    harness.state_mut().apply(Command::Export {
        what: Export::Notice {
            format: Format::Markdown,
            style: NoticeStyle::Standard,
            finish: smallprint::documents::notice::Finish::Draft,
        },
        to: Some(draft.clone()),
    });
    settle_exports(&mut harness);
    let text = std::fs::read_to_string(&draft).expect("a draft");
    assert!(text.contains("DRAFT — not yet complete"), "{text}");
    assert!(
        text.contains("there is no way to contact the shop"),
        "{text}"
    );
    harness.get_by_label_contains("Exported a draft of the privacy notice");
}

#[test]
fn the_regulator_is_edited_in_settings_and_every_notice_uses_it() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    open_screen(&mut harness, "Settings");
    harness.get_by_label("Regulator's name").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Regulator's name")
        .type_text("Information Commission");
    harness.run();
    harness.run();
    let saved = store::read_workspace(&path).expect("reads");
    assert_eq!(saved.settings.regulator.name, "Information Commission");
    open_screen(&mut harness, "Documents");
    harness.get_by_label_contains("You can also complain to the Information Commission.");
    open_screen(&mut harness, "Settings");
    harness
        .get_by_label("Restore the ICO's published details")
        .click();
    harness.run();
    harness.run();
    let saved = store::read_workspace(&path).expect("reads");
    assert_eq!(
        saved.settings.regulator.name,
        "Information Commissioner's Office"
    );
}

#[test]
fn a_letter_is_written_from_a_request_marked_sent_and_kept_in_its_timeline() {
    use smallprint::{command::Command, domain::requests::Status};
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1300.0, 1000.0);
    harness.run();
    let erasure = harness
        .state()
        .workspace()
        .and_then(|w| w.requests.iter().find(|r| r.reference == "R-2026-002"))
        .map(|r| r.id)
        .expect("the example's erasure request");
    harness.state_mut().apply(Command::OpenRequest(erasure));
    harness.run();
    harness.get_by_label("Write a letter…").click();
    harness.run();
    harness.get_by_label_contains("Letter to Aoife Brannagh");
    // The acknowledgement fits first, and its preview states the due date.
    harness.get_by_label_contains("so we will reply by");
    harness.get_by_label("Mark as sent").click();
    harness.run();
    harness.get_by_label_contains("Acknowledgement recorded as sent");

    harness
        .get_by_label("Identity or authority request")
        .click();
    harness.run();
    harness.get_by_label("Mark as sent").click();
    harness.run();
    harness.run();
    let saved = store::read_workspace(&path).expect("reads");
    let request = saved.request(erasure).expect("request");
    assert_eq!(request.status, Status::AwaitingIdentity);
    let sent: Vec<&str> = request
        .timeline
        .iter()
        .filter_map(|entry| match &entry.event {
            smallprint::domain::requests::RequestEvent::LetterSent { template, text, .. } => {
                assert!(text.contains("Dear Aoife Brannagh,"), "kept word for word");
                Some(template.as_str())
            }
            _ => None,
        })
        .collect();
    // Kept by the letters' stable names; the timeline shows their titles.
    assert_eq!(sent, ["acknowledgement", "identity-request"]);

    harness.get_by_label("Back to the request").click();
    harness.run();
    harness.get_by_label("Letter sent: Acknowledgement");
    harness.get_by_label("Letter sent: Identity or authority request");
}

#[test]
fn a_letter_with_a_fact_missing_cannot_go_and_a_sent_letter_reads_back_word_for_word() {
    use egui_kittest::kittest::NodeT;
    use smallprint::{
        command::Command,
        documents::letters::{self, PartKey, Template},
        domain::requests::RequestEvent,
    };
    let today = date(2026, 11, 23);
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example_workspace(today), common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1300.0, 1200.0);
    harness.run();
    let rectification = harness
        .state()
        .workspace()
        .and_then(|w| w.requests.iter().find(|r| r.reference == "R-2026-005"))
        .map(|r| r.id)
        .expect("the example's rectification request");
    harness
        .state_mut()
        .apply(Command::OpenRequest(rectification));
    harness.run();
    harness.get_by_label("Write a letter…").click();
    harness.run();
    harness.get_by_label("Rectification refused").click();
    harness.run();

    // The reasons are the user's: until written, a gap, and nothing can go.
    harness.get_by_label_contains("[say why you believe the information is accurate]");
    harness.get_by_label_contains("Before it can go, fill in");
    for action in ["Export PDF…", "Copy as email text", "Mark as sent"] {
        assert!(
            harness.get_by_label(action).accesskit_node().is_disabled(),
            "{action} must wait for the reasons"
        );
    }

    let reasons = "Your signed order form of 2 May shows the same address.";
    type_into(
        &mut harness,
        "Why we believe the information is accurate",
        reasons,
    );
    for action in ["Export PDF…", "Copy as email text", "Mark as sent"] {
        assert!(
            !harness.get_by_label(action).accesskit_node().is_disabled(),
            "{action} once the reasons are written"
        );
    }
    // What the screen shows is what is kept: the same letter, rendered independently
    // from the same request, parts and day.
    let workspace = harness.state().workspace().cloned().expect("open");
    let request = workspace.request(rectification).expect("request").clone();
    let parts = letters::Parts::from([(PartKey::Reasons, reasons.to_owned())]);
    let expected = letters::letter(
        &workspace,
        &request,
        Template::RectificationRefused,
        today,
        &parts,
    )
    .plain_text();
    click_button(&mut harness, "Mark as sent");
    harness.run();
    let saved = store::read_workspace(&path).expect("reads");
    let kept = saved
        .request(rectification)
        .and_then(|r| {
            r.timeline.iter().find_map(|entry| match &entry.event {
                RequestEvent::LetterSent { template, text, .. }
                    if template == "rectification-refused" =>
                {
                    Some(text.clone())
                }
                _ => None,
            })
        })
        .expect("the letter is kept");
    assert_eq!(kept, expected, "kept word for word");
    // The composer says it went, in its success words, first.
    let sent = harness.get_by_label_contains("Sent ✓ on").rect();
    if let Some(why) = harness.query_by_label_contains("This letter cannot be sent now") {
        assert!(
            why.rect().top() > sent.top(),
            "the refusal before the success"
        );
    }

    // And it can be read back from the timeline.
    harness.get_by_label("Back to the request").click();
    harness.run();
    harness.get_by_label("Read").click();
    harness.run();
    harness.get_by_label_contains("Rectification refused, sent");
    harness.get_by_label_contains(reasons);
}

#[test]
fn a_note_goes_with_its_step_and_a_late_extension_is_greyed_with_its_reason() {
    use egui_kittest::kittest::NodeT;
    use smallprint::{command::Command, domain::requests::RequestEvent};
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 1100.0);
    harness.run();

    // A note typed, then a step pressed: both land, in that order, on the same day.
    let erasure = request_id(&harness, "R-2026-002");
    harness.state_mut().apply(Command::OpenRequest(erasure));
    harness.run();
    type_into(
        &mut harness,
        "Reason, outcome or note",
        "Asked on the phone for a photo of a utility bill.",
    );
    click_button(&mut harness, "Identity requested");
    let saved = store::read_workspace(&path).expect("reads");
    let timeline = &saved.request(erasure).expect("request").timeline;
    let last_two: Vec<&RequestEvent> = timeline.iter().rev().take(2).map(|e| &e.event).collect();
    assert_eq!(
        last_two,
        [
            &RequestEvent::Note {
                text: "Asked on the phone for a photo of a utility bill.".to_owned()
            },
            &RequestEvent::IdentityRequested,
        ]
    );
    // The clock is stopped: no due date shown, but why and what restarts it.
    harness.get_by_label_contains("Waiting for proof of identity since");
    // Undo takes back the step and its note together, and says so.
    click_button(&mut harness, "Undo");
    harness.get_by_label_contains(
        "Undone: Record “Asked for proof of identity or authority” on R-2026-002.",
    );
    assert_eq!(
        harness
            .state()
            .workspace()
            .and_then(|w| w.request(erasure))
            .map(|r| r.timeline.len()),
        Some(timeline.len() - 2)
    );

    // R-2026-005 was due on 19 November: too late to extend, and the screen says why.
    let overdue = request_id(&harness, "R-2026-005");
    harness.state_mut().apply(Command::OpenRequest(overdue));
    harness.run();
    harness.get_by_label_contains(
        "An extension is no longer possible: the last day to tell them about one was",
    );
    type_into(
        &mut harness,
        "Reason, outcome or note",
        "Seven years of records.",
    );
    assert!(
        harness
            .get_by_label("Extend by two months")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn a_suggested_assessment_answer_is_adopted_and_a_problem_shows_its_question() {
    use egui_kittest::kittest::NodeT;
    use smallprint::{
        command::Command,
        domain::{lia, register::LawfulBasis},
    };
    let (_dir, path) = temp_workspace();
    let mut harness = harness_sized(app_on(&path), 1400.0, 800.0);
    harness.run();
    harness.get_by_label("Start empty").click();
    harness.run();
    open_screen(&mut harness, "Register");
    harness.get_by_label("Kind of business").click();
    harness.run();
    harness
        .get_by_label("Digital downloads / 3D or design studio")
        .click();
    harness.run();
    click_button(&mut harness, "Use these activities");
    let activity = harness
        .state()
        .workspace()
        .and_then(|w| {
            w.register
                .iter()
                .find(|a| a.purpose == "Prevent fraud and enforce licences")
        })
        .map(|a| a.id)
        .expect("the catalogue's fraud activity");
    harness.state_mut().apply(Command::OpenActivity(activity));
    harness.run();

    let lia_of = |harness: &Harness<'_, SmallprintApp>| {
        harness
            .state()
            .workspace()
            .and_then(|w| w.activity(activity))
            .and_then(|a| {
                a.lawful_bases.iter().find_map(|b| match b {
                    LawfulBasis::LegitimateInterests(lia) => Some(lia.clone()),
                    _ => None,
                })
            })
            .expect("an assessment")
    };
    let why = lia::question("why").expect("question");
    let draft = lia_of(&harness)
        .draft_for("why")
        .expect("a suggested answer")
        .to_owned();
    assert_eq!(
        lia_of(&harness).answer("why"),
        "",
        "a draft is not an answer"
    );
    let problem = format!("answer “{}”", why.text);
    assert!(harness.query_all_by_label_contains(&problem).count() > 0);

    // A problem is a link to its question, which comes into view.
    let later = lia::question("if-not").expect("question");
    let in_view = |harness: &Harness<'_, SmallprintApp>| {
        let rect = harness.get_by_label(later.text).rect();
        rect.top() >= 0.0 && rect.bottom() <= 800.0
    };
    assert!(!in_view(&harness), "the question starts below the fold");
    harness
        .query_all_by_label_contains(&format!("answer “{}”", later.text))
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::Link)
        .expect("the problem is a link")
        .click_accesskit();
    harness.run();
    harness.run();
    assert!(in_view(&harness), "the clicked problem shows its question");

    // Adopting the suggestion makes it the answer and clears that problem alone.
    harness
        .get_all_by_label("Adopt this answer")
        .next()
        .expect("a suggestion to adopt")
        .click_accesskit();
    harness.run();
    assert_eq!(lia_of(&harness).answer("why"), draft);
    assert_eq!(harness.query_all_by_label_contains(&problem).count(), 0);
    assert!(
        harness
            .query_all_by_label_contains(&format!("answer “{}”", later.text))
            .count()
            > 0,
        "the other questions still wait"
    );
}

#[test]
fn without_a_native_dialog_export_opens_smallprints_own_chooser_and_says_where_it_wrote() {
    let (dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    open_screen(&mut harness, "Documents");
    click_button(&mut harness, "Export PDF…");

    // The chooser is open, offering a folder and a name; browse to the test's folder.
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).expect("folder");
    type_into(&mut harness, "Folder", &exports.display().to_string());
    click_button(&mut harness, "Go");
    type_into(&mut harness, "File name", "kestrel-notice");
    let target = exports.join("kestrel-notice.pdf");
    harness.get_by_label_contains(&format!("Will be saved as {}", target.display()));
    click_button(&mut harness, "Save");
    settle_exports(&mut harness);

    let written = std::fs::read(&target).expect("the notice was written where it said");
    assert!(written.starts_with(b"%PDF-"), "a PDF");
    let text = common::pdftotext(&written);
    assert!(text.contains("Kestrel Forge 3D"), "{text}");
    // The status bar names the file and offers its folder and path.
    harness.get_by_label_contains(&target.display().to_string());
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Open folder");
    click_button(&mut harness, "Copy path");
    harness.get_by_label_contains("Copied the path");
    assert!(
        harness.query_by_label("File name").is_none(),
        "the chooser closed"
    );
}

#[test]
fn the_own_chooser_can_be_cancelled_and_writes_nothing() {
    let (dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    open_screen(&mut harness, "Register");
    click_button(&mut harness, "Export CSV…");
    type_into(&mut harness, "Folder", &dir.path().display().to_string());
    click_button(&mut harness, "Go");
    click_button(&mut harness, "Cancel");
    assert!(harness.query_by_label("File name").is_none());
    let csv_files = std::fs::read_dir(dir.path())
        .expect("lists")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "csv"))
        .count();
    assert_eq!(csv_files, 0);
}

#[test]
fn a_problem_line_appearing_moves_no_control_below_the_field() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    open_screen(&mut harness, "Organisation");
    let below = [
        "Phone",
        "Website",
        "Bank holidays of",
        "ICO registration number",
    ];
    let rects = |harness: &Harness<'_, SmallprintApp>| {
        below
            .iter()
            .map(|label| harness.get_by_label(label).rect())
            .collect::<Vec<_>>()
    };
    // Half a pixel: egui sizes a text field by its text's glyphs, so different text
    // alone shifts rows by hundredths of a point; a problem line is a whole line.
    let assert_unmoved = |after: &[egui::Rect], before: &[egui::Rect], when: &str| {
        for ((label, a), b) in below.iter().zip(after).zip(before) {
            let moved = (a.min - b.min).length().max((a.max - b.max).length());
            assert!(
                moved < 0.5,
                "{label} moved {moved} points {when}: {b:?} → {a:?}"
            );
        }
    };
    let before = rects(&harness);
    type_into(&mut harness, "Email", "hello at kestrel");
    assert_unmoved(&rects(&harness), &before, "while typing");
    harness.key_press(Key::Tab);
    harness.run();
    harness.get_by_label_contains("an email address needs an @");
    assert_unmoved(&rects(&harness), &before, "when the problem appeared");

    type_into(&mut harness, "Email", "hello@kestrelforge.example");
    harness.key_press(Key::Tab);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("an email address needs an @")
            .is_none()
    );
    assert_unmoved(&rects(&harness), &before, "when the problem went away");
}

#[test]
fn a_new_activity_shows_no_problems_until_a_field_is_left_or_the_form_checked() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 4000.0);
    harness.run();
    open_screen(&mut harness, "Register");
    click_button(&mut harness, "Add activity");
    click_button(&mut harness, "Start a blank activity");
    // The purpose's own problem, as the domain words it for an empty purpose.
    let purpose_problem = smallprint::domain::register::ProcessingActivity::new(
        smallprint::domain::ActivityId(99),
        "",
    )
    .issues()
    .into_iter()
    .find(|issue| issue.field == "Purpose")
    .expect("an empty purpose is a problem")
    .message;
    assert!(harness.query_by_label_contains(&purpose_problem).is_none());
    click_button(&mut harness, "Check");
    // Under its field, and in Check's list as a link to it.
    assert_eq!(
        harness
            .query_all_by_label_contains(&purpose_problem)
            .count(),
        2
    );
}

#[test]
fn tab_into_a_field_below_the_window_scrolls_it_into_view() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 720.0, 480.0);
    harness.run();
    open_screen(&mut harness, "Organisation");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(720.0, 480.0));
    let target = "ICO fee renewal date";
    assert!(
        !window.contains_rect(harness.get_by_label(target).rect()),
        "the test needs the field to start out of view"
    );
    harness.get_by_label("Website").focus();
    harness.run();
    // Website → Bank holidays → ICO registration number → Fee tier → renewal date.
    for _ in 0..4 {
        harness.key_press(Key::Tab);
        harness.run();
    }
    let field = harness.get_by_label(target);
    assert!(field.is_focused(), "Tab reached the renewal date");
    assert!(
        window.contains_rect(field.rect()),
        "{:?} is outside the window",
        field.rect()
    );
}

#[test]
fn each_opened_activity_starts_at_its_top() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1100.0, 600.0);
    harness.run();
    let ids: Vec<_> = harness
        .state()
        .workspace()
        .expect("open")
        .register
        .iter()
        .map(|a| a.id)
        .collect();
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenActivity(ids[0]));
    harness.run();
    let top = harness.get_by_label("Purpose").rect();
    // Scroll the first activity's form well down.
    for _ in 0..10 {
        harness.get_by_label("Purpose").scroll_down();
        harness.run();
    }
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenActivity(ids[1]));
    harness.run();
    assert_eq!(harness.get_by_label("Purpose").rect(), top);
}

#[test]
fn help_about_names_the_version_and_licence_and_file_has_quit() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness(app_on(&path));
    harness.run();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label_contains("Quit");
    harness.key_press(Key::Escape);
    harness.run();
    harness.get_by_label("Help").click();
    harness.run();
    harness.get_by_label_contains("About Smallprint").click();
    harness.run();
    // The version and licence Cargo.toml declares.
    harness.get_by_label(&format!("Smallprint {}", env!("CARGO_PKG_VERSION")));
    harness.get_by_label_contains(&format!("Licence: {}", env!("CARGO_PKG_LICENSE")));
}

#[test]
fn a_long_overdue_list_shows_the_first_ten_and_leads_to_the_rest() {
    let (_dir, path) = temp_workspace();
    let mut workspace = example_workspace(date(2026, 11, 23));
    let overdue = workspace
        .requests
        .iter()
        .find(|r| r.reference == "R-2026-005")
        .expect("the example's overdue request")
        .clone();
    for n in 0..24 {
        let mut copy = overdue.clone();
        copy.id = workspace.ids.request();
        copy.reference = format!("R-2026-{:03}", 100 + n);
        workspace.requests.push(copy);
    }
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_sized(app_on(&path), 1100.0, 1400.0);
    harness.run();
    open_screen(&mut harness, "Overview");
    harness.get_by_label("Overdue requests (25)");
    let listed = harness.query_all_by_label_contains("days overdue").count();
    assert_eq!(listed, 10, "the first ten, not all 25");
    harness
        .get_by_label("…and 15 more on the Requests screen")
        .click();
    harness.run();
    assert_eq!(
        harness.state().current_screen(),
        smallprint::command::Screen::Requests
    );
}

/// The example shop with an empty breach log, open on the Breaches screen.
fn empty_breach_log() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, SmallprintApp>,
) {
    let (dir, path) = temp_workspace();
    let mut example = example_workspace(date(2026, 11, 23));
    // A log with nothing in it yet (the example's own breach is closed).
    example.breaches.clear();
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 1000.0);
    harness.run();
    open_screen(&mut harness, "Breaches");
    (dir, path, harness)
}

/// "Log a breach…" as the user fills it in.
fn log_breach(harness: &mut Harness<'_, SmallprintApp>, aware: &str, what: &str) {
    press(harness, "Log a breach…");
    type_into(harness, "Became aware", aware);
    type_into(harness, "What happened", what);
    press(harness, "Log breach");
}

/// Scrolls to the button as a user would, then clicks it.
fn press(harness: &mut Harness<'_, SmallprintApp>, label: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, label)
        .scroll_to_me();
    harness.run();
    click_button(harness, label);
}

/// Scrolls to a radio button or checkbox, then clicks it.
fn choose(harness: &mut Harness<'_, SmallprintApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.run();
}

/// Issue 16: a wrong-recipient email logged the hour it was noticed, judged unlikely to
/// be a risk (refused until the reasoning is written), decided by name and closed; a
/// high-risk one cannot be closed before deciding about telling the people affected.
#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one user's walk through a breach, step by step, reads best whole"
)]
fn a_breach_is_logged_judged_decided_and_closed_and_the_law_holds_at_each_step() {
    use smallprint::domain::breaches::{BreachState, RiskLevel};
    let (_dir, path, mut harness) = empty_breach_log();
    log_breach(
        &mut harness,
        "2026-11-23 09:15",
        "Order confirmation emailed to the wrong customer",
    );
    let breach = |harness: &Harness<'_, SmallprintApp>| {
        harness
            .state()
            .workspace()
            .expect("open")
            .breaches
            .last()
            .expect("logged")
            .clone()
    };
    let logged = breach(&harness);
    assert_eq!(logged.reference, "B-2026-001");
    // Noon on 23 November (GMT); 72 hours from 09:15 end at 09:15 on the 26th.
    harness.get_by_label("Report to the ICO by 2026-11-26 09:15 (2 days 21 hours left)");
    assert_eq!(
        store::read_workspace(&path).expect("saved").breaches.len(),
        1
    );

    // On the overview, first, with the hours left.
    open_screen(&mut harness, "Overview");
    harness.get_by_label_contains("72 hours end 2026-11-26 09:15 UK time — 2 days 21 hours left");
    harness
        .get_by_label("B-2026-001 · Order confirmation emailed to the wrong customer")
        .click();
    harness.run();

    // "Unlikely to be a risk" is not saved without the reasoning.
    choose(&mut harness, "Unlikely to be a risk");
    assert_eq!(breach(&harness).risk, None, "kept without reasoning");
    harness.get_by_label_contains("Not kept until fixed: Why you judged it so (the rest");
    assert!(
        harness
            .query_all_by_label_contains("write down why it is unlikely to be a risk")
            .next()
            .is_some(),
        "the reason is said under its field"
    );
    type_into(
        &mut harness,
        "Why you judged it so",
        "One email with a name and an order number; the recipient phoned to say they deleted it unread",
    );
    let judged = breach(&harness);
    assert_eq!(
        judged.risk.as_ref().map(|r| r.level),
        Some(RiskLevel::Unlikely)
    );
    assert!(
        judged
            .timeline
            .iter()
            .any(|e| e.text.starts_with("Risk judged: Unlikely to be a risk")),
        "{:?}",
        judged.timeline
    );

    // The decision needs the reasons and a name; until then the button says why not.
    choose(&mut harness, "Do not report it");
    harness.get_by_label_contains("a decision not to report needs its reasons");
    press(&mut harness, "Record the decision");
    assert_eq!(breach(&harness).decision, None);
    type_into(
        &mut harness,
        "Reasons",
        "Unlikely to be a risk: deleted unread",
    );
    harness.get_by_label_contains("say who made the decision");
    type_into(&mut harness, "Decided by", "Morwenna Tallis");
    press(&mut harness, "Record the decision");
    let decided = breach(&harness).decision.expect("decided");
    assert!(!decided.report);
    assert_eq!(decided.decided_by, "Morwenna Tallis");
    assert_eq!(decided.decided_on, date(2026, 11, 23));

    press(&mut harness, "Close the breach");
    let closed = breach(&harness);
    assert_eq!(closed.closed, Some(date(2026, 11, 23)));
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(saved.breaches[0].closed, Some(date(2026, 11, 23)));
    assert_eq!(
        saved.breaches[0].state(common::at(date(2026, 12, 31), 12)),
        BreachState::Closed
    );

    // A high-risk breach: "Do not report" is not offered, and closing waits for a
    // decision about telling the people affected.
    press(&mut harness, "← All breaches");
    log_breach(
        &mut harness,
        "2026-11-23 10:00",
        "Customer list with card details left on a train",
    );
    choose(&mut harness, "A high risk");
    type_into(
        &mut harness,
        "Why you judged it so",
        "Card details of 40 customers",
    );
    choose(&mut harness, "Report it");
    type_into(&mut harness, "Reasons", "High risk: card details");
    type_into(&mut harness, "Decided by", "Morwenna Tallis");
    press(&mut harness, "Record the decision");
    assert!(breach(&harness).decision.is_some_and(|d| d.report));
    harness.get_by_label_contains(
        "cannot be closed before deciding whether to tell the people affected",
    );
    press(&mut harness, "Close the breach");
    assert_eq!(breach(&harness).closed, None);
}

/// Issue 16: a high-risk breach's report draft is copied for the ICO's form, its letter
/// to the people affected waits for the advice only the shop can choose, is marked sent
/// (which lets the breach close), and the log is exported as a PDF through Smallprint's
/// own chooser and read back with pdftotext.
#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one user's walk from a high-risk breach to its letter and the exported log"
)]
fn a_high_risk_breach_gets_its_ico_draft_its_letter_and_the_log_exported() {
    let (dir, _path, mut harness) = empty_breach_log();
    log_breach(
        &mut harness,
        "2026-11-23 08:00",
        "Customer list with card details left on a train",
    );
    choose(&mut harness, "A high risk");
    type_into(
        &mut harness,
        "Why you judged it so",
        "Card details of 40 customers",
    );
    choose(&mut harness, "Report it");
    type_into(&mut harness, "Reasons", "High risk: card details");
    type_into(&mut harness, "Decided by", "Morwenna Tallis");
    press(&mut harness, "Record the decision");

    // The ICO draft: copied, with what the log does not hold yet named.
    press(&mut harness, "Copy the draft for the ICO's form");
    harness.get_by_label_contains("Copied the draft for the ICO's report form");
    harness.get_by_label_contains("Not recorded yet:");

    // The letter: required for a high risk, and held back until the advice is chosen
    // and the consequences written.
    press(&mut harness, "Write the letter to them…");
    harness.get_by_label_contains("Required: you judged this breach likely to be a high risk");
    harness.get_by_label_contains("Before it can go,");
    choose(
        &mut harness,
        "Check your bank and card statements, and tell your bank or card provider straight away about any payment you do not recognise.",
    );
    type_into(
        &mut harness,
        "What it could mean for them",
        "Someone could try to use your card details",
    );
    harness.get_by_label_contains("Before it can go,");
    // The preview has headings with the same words: type into the text boxes.
    for (label, text) in [
        ("The information involved", "Your name and card details"),
        (
            "What we have done or will do",
            "Reported it to the police and the ICO",
        ),
    ] {
        let role = egui::accesskit::Role::MultilineTextInput;
        harness.get_by_role_and_label(role, label).scroll_to_me();
        harness.run();
        harness.get_by_role_and_label(role, label).focus();
        harness.run();
        harness
            .get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, label)
            .type_text(text);
        harness.run();
    }
    if let Some(node) = harness.query_by_label_contains("Before it can go,") {
        panic!("still blocked: {node:?}");
    }
    press(&mut harness, "Mark as sent");
    let told = harness
        .state()
        .workspace()
        .expect("open")
        .breaches
        .last()
        .expect("logged")
        .individuals
        .clone();
    assert!(
        matches!(told, Some(smallprint::domain::breaches::Individuals::Told { on, .. }) if on == date(2026, 11, 23)),
        "{told:?}"
    );
    // The letter is kept word for word in the breach's timeline.
    let kept = harness
        .state()
        .workspace()
        .expect("open")
        .breaches
        .last()
        .and_then(|b| b.timeline.iter().find_map(|e| e.letter.clone()))
        .expect("the letter kept");
    assert!(
        kept.contains("Reported it to the police and the ICO"),
        "{kept}"
    );
    press(&mut harness, "Back to the breach");
    press(&mut harness, "Close the breach");
    assert!(
        harness.state().workspace().expect("open").breaches[0]
            .closed
            .is_some(),
        "told, so it closes"
    );

    // The log, through Smallprint's own chooser, read back by another tool.
    press(&mut harness, "← All breaches");
    press(&mut harness, "Export the log as PDF…");
    let exports = dir.path().join("exports");
    std::fs::create_dir(&exports).expect("folder");
    type_into(&mut harness, "Folder", &exports.display().to_string());
    click_button(&mut harness, "Go");
    click_button(&mut harness, "Save");
    settle_exports(&mut harness);
    let written = std::fs::read(exports.join("breach-log.pdf")).expect("written where it said");
    let text = common::pdftotext(&written);
    for expected in [
        "Customer list with card details left on a train",
        "High risk: card details",
        "Morwenna Tallis",
    ] {
        assert!(text.contains(expected), "{expected} not in {text}");
    }
}

/// Found by trying the Breaches screen as a new user: typed facts were lost on quitting,
/// the letter's words on "Back to the breach", and a decision dated after today was
/// taken. Each now holds (each part fails on the code before the fix).
#[test]
fn breach_typing_survives_quitting_and_the_letter_survives_going_back() {
    let (_dir, path, mut harness) = empty_breach_log();
    log_breach(
        &mut harness,
        "2026-11-23 08:00",
        "Parcel label printed with another customer's address",
    );

    // A decision dated after today is refused with the reason, before the button.
    choose(&mut harness, "Unlikely to be a risk");
    type_into(
        &mut harness,
        "Why you judged it so",
        "One label, recovered by the courier",
    );
    choose(&mut harness, "Do not report it");
    type_into(&mut harness, "Reasons", "Recovered unopened");
    type_into(&mut harness, "Decided by", "Morwenna Tallis");
    type_into(&mut harness, "Decided on", "2026-12-25");
    harness.get_by_label_contains("is after today (2026-11-23)");
    press(&mut harness, "Record the decision");
    assert_eq!(
        harness.state().workspace().expect("open").breaches[0].decision,
        None
    );

    // The letter's words are kept when going back to the breach and returning.
    press(&mut harness, "Write the letter to them…");
    type_into(
        &mut harness,
        "What it could mean for them",
        "Nothing, as far as we know",
    );
    press(&mut harness, "Back to the breach");
    press(&mut harness, "Write the letter to them…");
    let kept = harness
        .get_by_role_and_label(
            egui::accesskit::Role::MultilineTextInput,
            "What it could mean for them",
        )
        .value();
    assert_eq!(kept.as_deref(), Some("Nothing, as far as we know"));
    press(&mut harness, "Back to the breach");

    // Facts typed but not saved are kept when Smallprint closes.
    type_into(
        &mut harness,
        "Cause",
        "The label printer kept the last address",
    );
    let message = harness.state_mut().close();
    assert_eq!(message, None, "closed cleanly");
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(
        saved.breaches[0].cause,
        "The label printer kept the last address"
    );
}

/// Found on the second new-user pass: the side navigation's Breaches did not go back to
/// the list, a number field with words in it hid unsaved facts behind "All changes
/// saved", and closing a breach left its unsaved facts behind.
#[test]
fn the_breach_form_never_claims_saved_and_closing_takes_its_facts_along() {
    let (_dir, path, mut harness) = empty_breach_log();
    log_breach(&mut harness, "2026-11-23 08:00", "Wrong parcel label");
    choose(&mut harness, "Unlikely to be a risk");
    type_into(&mut harness, "Why you judged it so", "Recovered unopened");
    choose(&mut harness, "Do not report it");
    harness.get_by_label("A decision is typed but not recorded yet: Record the decision keeps it");
    type_into(&mut harness, "Reasons", "Recovered unopened");
    type_into(&mut harness, "Decided by", "Morwenna Tallis");
    press(&mut harness, "Record the decision");

    // Words in a number field: not saved, and the status bar says so.
    type_into(&mut harness, "Records affected (about)", "212");
    type_into(&mut harness, "People affected (about)", "about 200");
    harness
        .get_by_label_contains("Not kept until fixed: People affected (about) — the rest is kept");
    harness.get_by_label_contains("Not kept until fixed: People affected (about) (the rest");
    type_into(&mut harness, "People affected (about)", "200");

    // Closing takes the typed facts along, then closes.
    press(&mut harness, "Close the breach");
    let breach = harness.state().workspace().expect("open").breaches[0].clone();
    assert_eq!(breach.people_affected, Some(200));
    assert_eq!(breach.records_affected, Some(212));
    assert!(breach.closed.is_some());
    harness.get_by_label("All changes saved");
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(saved.breaches[0].people_affected, Some(200));

    // The side navigation's Breaches goes back to the list.
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Breaches")
        .click();
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Button, "Log a breach…");
    assert!(harness.query_by_label("← All breaches").is_none());
}

/// The side navigation's entry for the screen already shown goes back to its list: an
/// opened request closes, as an opened breach does.
#[test]
fn clicking_the_current_screen_in_the_navigation_shows_its_list_again() {
    let (_dir, path) = temp_workspace();
    let example = example_workspace(date(2026, 11, 23));
    let request = example.requests[0].clone();
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 1000.0);
    harness.run();
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenRequest(request.id));
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Heading, &request.reference);
    open_screen(&mut harness, "Requests");
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Heading, &request.reference)
            .is_none(),
        "the request's heading is gone"
    );
}

/// Issue 21: a breach's typed facts live in the session, not the screen, and are kept
/// when the user navigates away, opens another file or closes the window — even with an
/// autosave a minute away, so nothing but the session's own rule keeps them.
#[test]
fn typed_breach_facts_survive_navigating_switching_files_and_closing() {
    let (dir, path) = temp_workspace();
    let mut example = example_workspace(date(2026, 11, 23));
    example.breaches.clear();
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    let other = dir.path().join("other.json");
    store::write_new(
        &other,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("other");
    let mut harness = harness_sized(app_saving_after(&path, 60.0), 1400.0, 1000.0);
    harness.run();
    open_screen(&mut harness, "Breaches");
    log_breach(&mut harness, "2026-11-23 08:00", "Wrong parcel label");
    harness.state_mut().save();

    // Navigating away: the facts are applied as one step, not dropped with the form.
    type_into(
        &mut harness,
        "Cause",
        "The label printer kept the last address",
    );
    open_screen(&mut harness, "Calendar");
    harness.state_mut().save();
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(
        saved.breaches[0].cause,
        "The label printer kept the last address"
    );
    assert_eq!(
        harness.state().workspace().expect("open").breaches[0].cause,
        "The label printer kept the last address"
    );

    // Switching files: typed, then another file opened straight away.
    open_screen(&mut harness, "Breaches");
    harness.get_by_label("B-2026-001").click();
    harness.run();
    type_into(
        &mut harness,
        "Lessons learned",
        "Clear the printer's queue each morning",
    );
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenPath(other.clone()));
    harness.run();
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(
        saved.breaches[0].lessons,
        "Clear the printer's queue each morning"
    );

    // Closing: typed, then the window closed at once.
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenPath(path.clone()));
    harness.run();
    open_screen(&mut harness, "Breaches");
    harness.get_by_label("B-2026-001").click();
    harness.run();
    type_into(&mut harness, "Cause", "A stale print queue");
    assert_eq!(harness.state_mut().close(), None, "closed cleanly");
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(saved.breaches[0].cause, "A stale print queue");
    // One typing burst is one step of the breach's timeline, not one per key.
    let updates = saved.breaches[0]
        .timeline
        .iter()
        .filter(|entry| entry.text.starts_with("Updated:"))
        .count();
    assert_eq!(updates, 3, "{:?}", saved.breaches[0].timeline);
}

/// Issue 21: one rule decides whether a letter may go. A second acknowledgement of a
/// complaint already acknowledged is refused in the same words by the composer, the
/// window's export and `smallprint letter`.
#[test]
fn a_refused_letter_is_refused_in_the_same_words_by_the_composer_the_export_and_the_cli() {
    use clap::Parser;
    use egui_kittest::kittest::NodeT;
    use smallprint::{
        actions::{Export, LetterOrder, LetterSubject},
        command::Command,
        documents::{
            Format,
            letters::{Parts, Template},
        },
        domain::requests::RequestKind,
    };
    let today = date(2026, 11, 23);
    let (dir, path) = temp_workspace();
    store::write_new(&path, &example_workspace(today), common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1300.0, 1000.0);
    harness.run();
    let (complaint, reference) = harness
        .state()
        .workspace()
        .and_then(|w| w.requests.iter().find(|r| r.kind == RequestKind::Complaint))
        .map(|r| (r.id, r.reference.clone()))
        .expect("the example's complaint");
    harness.state_mut().apply(Command::OpenRequest(complaint));
    harness.run();
    harness.get_by_label("Write a letter…").click();
    harness.run();
    harness.get_by_label("Complaint acknowledgement").click();
    harness.run();
    click_button(&mut harness, "Mark as sent");

    // The composer: the acknowledgement now among the letters the law does not allow.
    harness
        .get_by_label("Letters the law does not allow now")
        .click();
    harness.run();
    harness.get_by_label("Complaint acknowledgement").click();
    harness.run();
    let refusal =
        "This letter cannot be sent now: the complaint was acknowledged on 23 November 2026.";
    harness.get_by_label(refusal);
    assert!(
        harness
            .get_by_label("Export PDF…")
            .accesskit_node()
            .is_disabled()
    );

    // The window's export, asked directly (a stale button): refused in those words.
    let out = dir.path().join("again.pdf");
    harness.state_mut().apply(Command::Export {
        what: Export::Letter {
            letter: LetterOrder {
                subject: LetterSubject::Request {
                    request: complaint,
                    template: Template::ComplaintAcknowledgement,
                },
                parts: Parts::new(),
                date: today,
            },
            format: Format::Pdf,
        },
        to: Some(out.clone()),
    });
    settle_exports(&mut harness);
    harness.get_by_label(&format!("Could not export the letter: {refusal}"));
    assert!(!out.exists(), "nothing written");

    // The command line, on the file the window saved.
    let cli = smallprint::cli::Cli::try_parse_from([
        "smallprint",
        "letter",
        "--file",
        &path.display().to_string(),
        "--request",
        &reference,
        "--template",
        "complaint-acknowledgement",
        "--out",
        &out.display().to_string(),
    ])
    .expect("parses");
    let (mut stdout, mut stderr) = (Vec::new(), Vec::new());
    let code = smallprint::cli::run(
        cli.command.expect("a command"),
        &FixedClock::at_date(today),
        &mut stdout,
        &mut stderr,
    );
    let stderr = String::from_utf8(stderr).expect("text");
    assert_eq!(code, std::process::ExitCode::from(2));
    assert!(stderr.contains(refusal), "{stderr}");
    assert!(!out.exists(), "nothing written");

    // Acknowledged: the overview no longer asks for an acknowledgement (s.164A).
    open_screen(&mut harness, "Overview");
    assert!(
        harness
            .query_by_label_contains("Complaints to acknowledge")
            .is_none()
    );
}

/// Issue 21: an export renders and writes on a worker thread. While the breach log of
/// 1,000 breaches is being written the window still answers a click, and the status bar
/// names the file when it is done.
#[test]
fn the_window_answers_while_a_long_breach_log_exports_and_then_names_the_file() {
    use smallprint::{actions::Export, command::Command};
    let (dir, path) = temp_workspace();
    let mut workspace = example_workspace(date(2026, 11, 23));
    let template = workspace.breaches[0].clone();
    for n in 0..1_000_u64 {
        let mut breach = template.clone();
        breach.id = smallprint::domain::BreachId(1_000 + n);
        breach.reference = format!("B-2026-{:04}", n + 2);
        workspace.breaches.push(breach);
    }
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_sized(app_on(&path), 1300.0, 1000.0);
    harness.run();
    let out = dir.path().join("breach-log.pdf");
    harness.state_mut().apply(Command::Export {
        what: Export::BreachLog { csv: false },
        to: Some(out.clone()),
    });
    harness.run();
    assert!(harness.state().exporting(), "still rendering on its thread");
    harness.get_by_label_contains("Exporting to");
    // A click is answered at once, while the log is still being made.
    open_screen(&mut harness, "Calendar");
    assert_eq!(
        harness.state().prefs.screen,
        smallprint::command::Screen::Calendar
    );
    assert!(
        harness.state().exporting(),
        "the click did not wait for the export"
    );

    settle_exports(&mut harness);
    assert!(!harness.state().exporting());
    harness.get_by_label_contains(&format!(
        "Exported the breach log as PDF (1001 breaches) to {}.",
        out.display()
    ));
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
}

/// Found by the new-user pass of issue 21: a slip in one field (words in a number) held
/// back the whole form, so leaving by "← All breaches", quitting or opening another file
/// lost every field typed beside it; and typing that was taken back in the field (its own
/// undo) came back when the held facts were applied. Both fail on the code before the fix.
#[test]
fn a_slip_in_one_breach_field_keeps_the_rest_and_taking_typing_back_sticks() {
    let (_dir, path) = temp_workspace();
    let mut example = example_workspace(date(2026, 11, 23));
    example.breaches.clear();
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_saving_after(&path, 60.0), 1400.0, 1000.0);
    harness.run();
    open_screen(&mut harness, "Breaches");
    log_breach(&mut harness, "2026-11-23 08:00", "Wrong parcel label");
    type_into(&mut harness, "People affected (about)", "about forty");
    type_into(
        &mut harness,
        "Lessons learned",
        "Check labels against the order",
    );
    harness.get_by_label_contains("Not kept until fixed: People affected (about) (the rest");
    press(&mut harness, "← All breaches");
    harness.state_mut().save();
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(saved.breaches[0].lessons, "Check labels against the order");
    assert_eq!(
        saved.breaches[0].people_affected, None,
        "the slip is not kept"
    );

    // Typed, then taken back in the field before the pause: the record stays as it was.
    harness.get_by_label("B-2026-001").click();
    harness.run();
    type_into(&mut harness, "Cause", "A stale print queue ZZ");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(harness.state_mut().close(), None, "closed cleanly");
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(saved.breaches[0].cause, "", "what was taken back stays out");
    assert_eq!(saved.breaches[0].lessons, "Check labels against the order");
}

/// Found by review (issue 21): typing held while the file is in conflict went nowhere —
/// "Keep my version" saved without it; two exports to one file shared its temporary
/// file; facts typed in two breaches merged into one undo step. Each fails without its fix.
#[test]
fn typing_held_in_a_conflict_is_kept_and_exports_and_undo_steps_stay_apart() {
    use smallprint::{
        actions::Export,
        command::{Command, ConflictChoice},
    };
    let (dir, path) = temp_workspace();
    let mut example = example_workspace(date(2026, 11, 23));
    example.breaches.clear();
    store::write_new(&path, &example, common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_saving_after(&path, 60.0), 1400.0, 1000.0);
    harness.run();
    open_screen(&mut harness, "Breaches");
    log_breach(&mut harness, "2026-11-23 08:00", "Wrong parcel label");
    press(&mut harness, "← All breaches");
    log_breach(&mut harness, "2026-11-23 09:00", "Lost delivery tablet");
    press(&mut harness, "← All breaches");
    harness.state_mut().save();

    // Two breaches typed in turn: two undo steps, the later undone alone.
    harness.get_by_label("B-2026-001").click();
    harness.run();
    type_into(&mut harness, "Cause", "A stale print queue");
    press(&mut harness, "← All breaches");
    harness.get_by_label("B-2026-002").click();
    harness.run();
    type_into(&mut harness, "Cause", "Left in a van");
    harness.state_mut().apply(Command::Undo);
    harness.run();
    let causes: Vec<String> = harness
        .state()
        .workspace()
        .expect("open")
        .breaches
        .iter()
        .map(|b| b.cause.clone())
        .collect();
    assert_eq!(causes, ["A stale print queue", ""]);

    // Typed (held, the autosave a minute away); meanwhile another program writes the
    // file, and the window notices when it is focused again: a conflict. Keeping this
    // window's version keeps what was typed.
    harness.state_mut().save();
    type_into(&mut harness, "Cause", "Left in an unlocked van");
    let mut theirs = store::read_workspace(&path).expect("reads");
    theirs.organisation.trading_name = "Changed elsewhere".to_owned();
    common::write_bytes(&path, &store::encode(&theirs));
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    harness
        .state_mut()
        .apply(Command::ResolveConflict(ConflictChoice::KeepMine));
    harness.run();
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(saved.breaches[1].cause, "Left in an unlocked van");

    // One file, two exports at once: the second waits its turn rather than share the
    // first one's temporary file.
    let out = dir.path().join("log.pdf");
    for _ in 0..2 {
        harness.state_mut().apply(Command::Export {
            what: Export::BreachLog { csv: false },
            to: Some(out.clone()),
        });
    }
    harness.run();
    harness.get_by_label_contains("is being exported already");
    settle_exports(&mut harness);
    assert!(std::fs::read(&out).expect("written").starts_with(b"%PDF-"));
}

/// Issue 22: the subject access reply describes only the activities the shop ticks as
/// this person's (none are ticked to start with), and a letter dated after its deadline
/// carries a warning beside Export — the composer asks the same rules as the CLI.
#[test]
fn the_access_reply_describes_only_ticked_activities_and_a_late_letter_is_warned_about() {
    use egui_kittest::kittest::NodeT;
    use smallprint::command::Command;
    let today = date(2026, 11, 23);
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &example_workspace(today), common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1400.0, 1400.0);
    harness.run();
    let access = request_id(&harness, "R-2026-003");
    harness.state_mut().apply(Command::OpenRequest(access));
    harness.run();
    harness.get_by_label("Write a letter…").click();
    harness.run();
    harness.get_by_label("Subject access response").click();
    harness.run();
    harness.get_by_label_contains("[tick the activities in your register");
    assert!(
        harness
            .get_by_label("Export PDF…")
            .accesskit_node()
            .is_disabled()
    );
    harness
        .get_by_label_contains("1. Provide services and goods")
        .click();
    harness.run();
    harness
        .get_by_label_contains("4. Service updates or marketing")
        .click();
    harness.run();
    // The preview now describes those two, and not the others.
    harness.get_by_label_contains("We use your information to provide services and goods");
    harness.get_by_label_contains("to Letterbox Mail in United States");
    assert!(
        harness
            .query_by_label_contains("operation of customer accounts and guarantees")
            .is_none(),
        "an activity not ticked is described"
    );
    harness.get_by_label("Back to the request").click();
    harness.run();

    // The example's rectification request is overdue: its reply is late, and says so.
    let late = request_id(&harness, "R-2026-005");
    harness.state_mut().apply(Command::OpenRequest(late));
    harness.run();
    harness.get_by_label("Write a letter…").click();
    harness.run();
    harness.get_by_label("Rectification done").click();
    harness.run();
    harness.get_by_label_contains("Warning: This letter is late");
}

/// The Website kit screen as a shop owner uses it: a cookie added and described in their
/// own words is classed as the facts say (statistics: allowed with a way to object;
/// its provider using the data for itself: consent), kept in the file, and the kit
/// exported through Smallprint's own chooser lands beside privacy.html, readable by a
/// web server.
#[test]
fn a_cookie_typed_on_the_website_kit_screen_is_classed_kept_and_the_kit_exported() {
    let (dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1100.0, 4000.0);
    harness.run();
    open_screen(&mut harness, "Website kit");
    let before = harness
        .state()
        .workspace()
        .expect("open")
        .website
        .cookies
        .len();
    click_button(&mut harness, "Add a cookie");
    let number = before + 1;
    harness
        .get_by_label(&format!("Cookie {number}"))
        .scroll_to_me();
    harness.run();
    type_into(&mut harness, &format!("Cookie {number}: name"), "_ga");
    type_into(
        &mut harness,
        &format!("Cookie {number}: provider"),
        "Google Analytics",
    );
    type_into(
        &mut harness,
        &format!("Cookie {number}: how long it lasts"),
        "2 years",
    );
    type_into(
        &mut harness,
        &format!("Cookie {number}: what it does, for visitors"),
        "Counts visits, so we can see which pages help",
    );
    harness
        .get_by_label(&format!("Cookie {number}: what it is for"))
        .click();
    harness.run();
    harness
        .get_by_label("Statistics to improve the site")
        .click();
    harness.run();
    // The example's own statistics cookies, and now this one.
    let statistics = example_workspace(date(2026, 11, 23))
        .website
        .cookies
        .iter()
        .filter(|c| c.kind == smallprint::domain::website::CookieUse::Statistics)
        .count();
    assert_eq!(
        harness
            .query_all_by_label_contains(
                "No consent needed, but visitors must be able to opt out: statistics"
            )
            .count(),
        statistics + 1
    );

    harness
        .get_by_label_contains(&format!("Cookie {number}: another company (not you)"))
        .click();
    harness.run();
    let saved = store::read_workspace(&path).expect("saved");
    let cookie = saved.website.cookies.last().expect("the new cookie");
    assert_eq!(cookie.name, "_ga");
    assert_eq!(cookie.duration, "2 years");
    assert!(cookie.provider_uses_for_itself);
    assert!(cookie.class().needs_consent());
    // The example's banner covers it: the kit can be exported.
    click_button(&mut harness, "Export the website kit…");
    let site = dir.path().join("site");
    std::fs::create_dir(&site).expect("folder");
    type_into(&mut harness, "Folder", &site.display().to_string());
    click_button(&mut harness, "Go");
    click_button(&mut harness, "Save");
    settle_exports(&mut harness);
    for file in [
        "privacy.html",
        "complaints.html",
        "complaint-form.html",
        "complaint-form.pdf",
        "cookies.html",
    ] {
        let written = site.join(file);
        assert!(written.is_file(), "{file} was written");
        #[cfg(unix)]
        assert_eq!(common::mode_of(&written), 0o644, "{file}");
    }
    let cookies = std::fs::read_to_string(site.join("cookies.html")).expect("read");
    assert!(cookies.contains("_ga") && cookies.contains("Google Analytics"));
    harness.get_by_label_contains("Exported the website kit");
}

/// A consent cookie with no way recorded to ask for consent greys the kit with its
/// reason, and names the gap on the screen.
#[test]
fn the_website_kit_is_greyed_while_a_consent_cookie_has_no_consent_mechanism() {
    use egui_kittest::kittest::NodeT;
    let (_dir, path) = temp_workspace();
    let mut workspace = example_workspace(date(2026, 11, 23));
    workspace.website.consent_mechanism.clear();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("example");
    let mut harness = harness_sized(app_on(&path), 1100.0, 4000.0);
    harness.run();
    open_screen(&mut harness, "Website kit");
    let button =
        harness.get_by_role_and_label(egui::accesskit::Role::Button, "Export the website kit…");
    assert!(button.accesskit_node().is_disabled());
    assert!(
        harness
            .query_all_by_label_contains(
                "“VISITOR_INFO1_LIVE” and “YSC” may be set only with the visitor's consent"
            )
            .count()
            >= 1
    );
    type_into(
        &mut harness,
        "How visitors consent",
        "Videos load only after a click on Play",
    );
    let button =
        harness.get_by_role_and_label(egui::accesskit::Role::Button, "Export the website kit…");
    assert!(!button.accesskit_node().is_disabled());
}

/// The register asks the PECR ground of marketing by email: choosing consent asks where
/// the records are, and the problem goes once the shop says.
#[test]
fn marketing_by_email_asks_its_ground_and_consent_asks_where_it_is_recorded() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_sized(app_on(&path), 1100.0, 4000.0);
    harness.run();
    let marketing = harness
        .state()
        .workspace()
        .expect("open")
        .register
        .iter()
        .find(|a| a.direct_marketing.is_some())
        .map(|a| a.id)
        .expect("the example markets");
    harness
        .state_mut()
        .apply(smallprint::command::Command::OpenActivity(marketing));
    harness.run();
    harness
        .get_by_label("They ticked a box or signed up to get it (consent)")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_label("They ticked a box or signed up to get it (consent)")
        .click();
    harness.run();
    let chosen = harness
        .state()
        .workspace()
        .and_then(|w| w.activity(marketing))
        .and_then(|a| a.direct_marketing.as_ref())
        .and_then(|d| d.ground.clone());
    assert!(
        matches!(
            chosen,
            Some(smallprint::domain::marketing::Ground::Consent { .. })
        ),
        "{chosen:?}"
    );
    // The form scrolled to the choice; its Check is at the top.
    harness.get_by_label("Check").scroll_to_me();
    harness.run();
    click_button(&mut harness, "Check");
    // Under its field, and in Check's list as a link to it.
    assert_eq!(
        harness
            .query_all_by_label_contains("say where the record of each person's consent is kept")
            .count(),
        2
    );
    type_into(
        &mut harness,
        "Where the record of each person's consent is kept",
        "Sign-up log in Letterbox Mail",
    );
    harness.run();
    let saved = store::read_workspace(&path).expect("saved");
    let ground = saved
        .register
        .iter()
        .find(|a| a.id == marketing)
        .and_then(|a| a.direct_marketing.as_ref())
        .and_then(|d| d.ground.clone());
    assert_eq!(
        ground,
        Some(smallprint::domain::marketing::Ground::Consent {
            recorded_at: "Sign-up log in Letterbox Mail".to_owned()
        })
    );
    assert!(
        harness
            .query_by_label_contains("say where the record of each person's consent is kept")
            .is_none()
    );
}
