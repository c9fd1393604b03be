//! Every keystroke kept (issue 25): a field being typed in keeps its focus and every
//! character whatever changes around it, and nothing above it moves while typing.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::sync::Arc;

use common::temp_workspace;
use egui_kittest::{
    Harness,
    kittest::{NodeT, Queryable},
};
use jiff::civil::date;
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    command::Command,
    domain::{ActivityId, Workspace, catalogue, register::PlaceholderField},
    store,
};

fn harness_on(path: &std::path::Path) -> Harness<'static, SmallprintApp> {
    let app = SmallprintApp::new(
        Some(path.to_owned()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions {
            autosave_delay: 0.0,
            native_file_dialogs: false,
            rescue_folder: None,
        },
        Preferences::default(),
    );
    Harness::builder()
        .with_size(egui::vec2(1100.0, 900.0))
        .build_ui_state(|ui, app: &mut SmallprintApp| app.ui(ui), app)
}

/// A new online shop: the starter catalogue's activities, example text and all.
fn online_shop() -> Workspace {
    let mut workspace = Workspace::default();
    let business = catalogue::business_type("online-shop").expect("online shop");
    workspace.add_catalogue_activities(business);
    workspace
}

/// An online shop's starter register with the newsletter's example text confirmed but
/// for its processor's contract: the last example text of that activity.
fn one_example_left() -> (Workspace, ActivityId) {
    let mut workspace = online_shop();
    let activity = workspace
        .register
        .iter_mut()
        .find(|a| a.purpose.contains("newsletter"))
        .expect("the newsletter activity");
    let standing: Vec<_> = activity
        .unconfirmed_placeholders()
        .into_iter()
        .map(|p| (p.field, p.text.clone()))
        .collect();
    for (field, text) in standing {
        if field != PlaceholderField::ProcessorContract {
            activity.confirm_placeholder(field, &text);
        }
    }
    assert_eq!(activity.unconfirmed_placeholders().len(), 1);
    let id = activity.id;
    (workspace, id)
}

#[test]
fn typing_over_the_last_example_text_keeps_every_character() {
    let (workspace, activity) = one_example_left();
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenActivity(activity));
    harness.run();
    let field = harness.get_by_label("Contract or terms");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    let typed = "Etsy seller terms";
    let below_before = harness.get_by_label("Remove processor").rect();
    for c in typed.chars() {
        harness.event(egui::Event::Text(c.to_string()));
        harness.run();
    }
    let stored = harness
        .state()
        .workspace()
        .and_then(|w| w.activity(activity))
        .map(|a| a.processors[0].contract_reference.clone())
        .expect("the processor");
    assert_eq!(stored, typed);
    let below_after = harness.get_by_label("Remove processor").rect();
    assert!(
        (below_after.top() - below_before.top()).abs() < 0.5,
        "the form moved under the pointer: {below_before:?} → {below_after:?}"
    );
}

#[test]
fn confirming_an_example_does_not_move_the_form_under_the_pointer() {
    let workspace = online_shop();
    let activity = workspace
        .register
        .iter()
        .find(|a| a.purpose.contains("newsletter"))
        .expect("the newsletter activity")
        .id;
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenActivity(activity));
    harness.run();
    let standing = |harness: &Harness<'_, SmallprintApp>| {
        harness
            .state()
            .workspace()
            .and_then(|w| w.activity(activity))
            .map(|a| a.unconfirmed_placeholders().len())
            .expect("the activity")
    };
    let before = standing(&harness);
    assert!(before >= 2, "{before}");
    let below = harness.get_by_label("Remove processor").rect();
    for left in (0..before).rev() {
        harness
            .get_all_by_label("Confirm")
            .next()
            .expect("a Confirm button")
            .click();
        harness.run();
        harness.run();
        assert_eq!(standing(&harness), left);
        let now = harness.get_by_label("Remove processor").rect();
        assert!(
            (now.top() - below.top()).abs() < 0.5,
            "moved after a Confirm: {below:?} → {now:?}"
        );
    }
    harness.get_by_label("All the example text is replaced or confirmed.");
}

/// "What they asked" grows as a request's words are pasted or typed: it scrolls inside
/// its box, so the "What it concerns" boxes below stay where the pointer aims.
#[test]
fn a_growing_text_field_does_not_push_the_boxes_below() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &smallprint::domain::example::example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = harness_on(&path);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Requests")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Log a request…")
        .click();
    harness.run();
    let purposes: Vec<String> = harness
        .state()
        .workspace()
        .map(|w| w.register.iter().map(|a| a.purpose.clone()).collect())
        .expect("a register");
    let second = purposes[1].clone();
    let before = harness.get_by_label(&second).rect();
    harness.get_by_label("What they asked").focus();
    harness.run();
    for line in [
        "Please send me a copy of",
        "everything you hold about me,",
        "including the emails about",
        "my order of the brass lamp",
        "and the delivery notes.",
    ] {
        for c in line.chars() {
            harness.event(egui::Event::Text(c.to_string()));
            harness.run();
            let now = harness.get_by_label(&second).rect();
            assert!(
                (now.top() - before.top()).abs() < 0.5,
                "the boxes moved while typing: {before:?} → {now:?}"
            );
        }
        harness.key_press(egui::Key::Enter);
        harness.run();
    }
    harness.get_by_label(&second).click();
    harness.run();
    let node = harness.get_by_label(&second);
    assert_eq!(
        node.accesskit_node().toggled(),
        Some(egui::accesskit::Toggled::True),
        "the second box is ticked"
    );
}

/// A status message goes after about ten seconds instead of standing for minutes as if
/// it were news; an error stays.
#[test]
fn a_status_message_fades_and_an_error_stays() {
    let (workspace, _) = one_example_left();
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    let status = |harness: &Harness<'_, SmallprintApp>| {
        harness
            .state()
            .session
            .open_workspace()
            .and_then(|open| open.status.as_ref().map(|s| s.text.clone()))
    };
    harness.state_mut().apply(Command::CopyText {
        text: "R-2026-001".to_owned(),
        what: "the reference".to_owned(),
    });
    harness.run();
    let said = status(&harness).expect("a message");
    let later = |harness: &mut Harness<'_, SmallprintApp>, seconds: f64| {
        let now = harness.ctx.input(|i| i.time);
        harness.input_mut().time = Some(now + seconds);
        harness.step();
        harness.step();
    };
    later(&mut harness, 5.0);
    assert_eq!(status(&harness), Some(said), "still there after 5 s");
    later(&mut harness, 6.0);
    assert_eq!(status(&harness), None, "gone after 11 s");

    harness
        .state_mut()
        .session
        .open_workspace_mut()
        .expect("open")
        .say(
            smallprint::session::Tone::Error,
            "Not done: a test refusal.",
        );
    harness.run();
    later(&mut harness, 60.0);
    assert_eq!(
        status(&harness).as_deref(),
        Some("Not done: a test refusal."),
        "an error stays"
    );
}

/// With nothing due this week, the Overview still says when the next date is, and the
/// ICO fee renewal stays on it however far away.
#[test]
fn the_overview_always_names_the_next_date_and_the_fee_renewal() {
    use smallprint::domain::requests::{RequestKind, Requester, RightsRequest};
    let mut workspace = Workspace::default();
    workspace.organisation.ico_renewal_date = Some(date(2027, 6, 30));
    let id = workspace.ids.request();
    workspace.requests.push(RightsRequest::new(
        id,
        "R-2026-001".to_owned(),
        RequestKind::Access,
        Requester {
            name: "Ada Fictional".to_owned(),
            ..Requester::default()
        },
        date(2026, 11, 20),
    ));
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness.get_by_label("Nothing is due this week.");
    harness.get_by_label_contains("Next date to act by");
    harness.get_by_label_contains("R-2026-001");
    harness.get_by_label_contains("ICO fee");
    harness.get_by_label_contains("Wed 30 Jun 2027");
}
