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
    harness_with(path, 0.0, egui::vec2(1100.0, 900.0))
}

/// A window tall enough that a whole form is in view: nothing scrolls while typing.
fn tall_harness_on(path: &std::path::Path) -> Harness<'static, SmallprintApp> {
    harness_with(path, 0.0, egui::vec2(1400.0, 6000.0))
}

/// The app on `path` on 23 November 2026, saving `autosave_delay` seconds after a
/// change, in a window of `size`.
fn harness_with(
    path: &std::path::Path,
    autosave_delay: f64,
    size: egui::Vec2,
) -> Harness<'static, SmallprintApp> {
    let app = SmallprintApp::new(
        Some(path.to_owned()),
        Arc::new(FixedClock::at_date(date(2026, 11, 23))),
        AppOptions {
            autosave_delay,
            native_file_dialogs: false,
            rescue_folder: None,
        },
        Preferences::default(),
    );
    Harness::builder()
        .with_size(size)
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
    let field = harness.get_by_label("Processor 1: contract or terms");
    field.focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    let typed = "Etsy seller terms";
    let below_before = harness.get_by_label("Remove processor 1").rect();
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
    let below_after = harness.get_by_label("Remove processor 1").rect();
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
    let below = harness.get_by_label("Remove processor 1").rect();
    for left in (0..before).rev() {
        harness
            .get_all_by_label("Confirm")
            .next()
            .expect("a Confirm button")
            .click();
        harness.run();
        harness.run();
        assert_eq!(standing(&harness), left);
        let now = harness.get_by_label("Remove processor 1").rect();
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

/// Typing into a field that still holds the catalogue's example replaces it: the field
/// shows empty with the example as its hint, so nothing needs selecting first.
#[test]
fn typing_into_an_example_field_replaces_it_without_selecting_it() {
    let (workspace, activity) = one_example_left();
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenActivity(activity));
    harness.run();
    let example = workspace
        .activity(activity)
        .map(|a| a.processors[0].contract_reference.clone())
        .expect("the processor");
    assert!(!example.is_empty());
    let field = harness.get_by_label("Processor 1: contract or terms");
    assert_eq!(
        field.value().unwrap_or_default(),
        "",
        "shown as a hint, not as text"
    );
    field.focus();
    harness.run();
    let typed = "Etsy seller terms";
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
    assert_eq!(
        stored, typed,
        "the example ({example}) replaced, not added to"
    );
    // Left as it was, an example is kept (and still to confirm).
    let names = harness
        .state()
        .workspace()
        .and_then(|w| w.activity(activity))
        .map(|a| a.processors[0].name.clone())
        .expect("the processor");
    assert!(!names.is_empty());
}

/// Where the nodes below a field in its column are: (role and label, occurrence) →
/// top, for every node whose top is below the field's bottom.
fn nodes_below(
    harness: &Harness<'_, SmallprintApp>,
    field: egui::Rect,
) -> std::collections::BTreeMap<(String, usize), f32> {
    let mut seen: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut below = std::collections::BTreeMap::new();
    for node in harness.query_all_by(|_| true) {
        let Some(bounds) = node.accesskit_node().bounding_box() else {
            continue;
        };
        #[allow(
            clippy::cast_possible_truncation,
            reason = "screen coordinates, a few thousand points"
        )]
        let rect = egui::Rect::from_min_max(
            egui::pos2(bounds.x0 as f32, bounds.y0 as f32),
            egui::pos2(bounds.x1 as f32, bounds.y1 as f32),
        );
        if !rect.is_finite()
            || rect.top() <= field.bottom()
            || rect.right() <= field.left()
            || rect.left() >= field.right()
        {
            continue;
        }
        let label = node.accesskit_node().label().unwrap_or_default();
        // A node without a name cannot be told from another after a change.
        if label.trim().is_empty() {
            continue;
        }
        let key = format!("{:?} {label}", node.accesskit_node().role());
        let count = seen.entry(key.clone()).or_default();
        below.insert((key, *count), rect.top());
        *count += 1;
    }
    below
}

/// How many nodes below have each name: a name whose count changed (a row gone, one
/// come) cannot be matched by its occurrence, so it is not compared.
fn counts(
    below: &std::collections::BTreeMap<(String, usize), f32>,
) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for (name, _) in below.keys() {
        *counts.entry(name.clone()).or_default() += 1;
    }
    counts
}

/// Types into every text field drawn in `region` (x range), a few characters and a new
/// line each, and asserts after each keystroke that nothing below the field moved.
/// Returns how many fields were tried.
fn typing_moves_nothing_below(
    harness: &mut Harness<'_, SmallprintApp>,
    region: std::ops::Range<f32>,
    what: &str,
) -> usize {
    use egui::accesskit::Role;
    let fields = |harness: &Harness<'_, SmallprintApp>| -> Vec<(String, egui::Rect)> {
        harness
            .query_all_by(|node| matches!(node.role(), Role::TextInput | Role::MultilineTextInput))
            .map(|node| {
                (
                    node.accesskit_node().label().unwrap_or_default(),
                    node.rect(),
                )
            })
            .filter(|(_, rect)| region.contains(&rect.center().x))
            .collect()
    };
    let count = fields(harness).len();
    assert!(count >= 3, "{what}: only {count} text fields found");
    for index in 0..count {
        let Some((label, _)) = fields(harness).get(index).cloned() else {
            panic!("{what}: the fields changed while typing");
        };
        harness
            .query_all_by(|node| matches!(node.role(), Role::TextInput | Role::MultilineTextInput))
            .filter(|node| region.contains(&node.rect().center().x))
            .nth(index)
            .expect("the field")
            .focus();
        harness.run();
        harness.run();
        let field = fields(harness)[index].1;
        let before = nodes_below(harness, field);
        // Enter makes a new line in a multi-line field; in a one-line field it ends the
        // typing (and in the request form logs the request, as a form's Enter does).
        let multiline = harness
            .query_all_by(|node| matches!(node.role(), Role::TextInput | Role::MultilineTextInput))
            .filter(|node| region.contains(&node.rect().center().x))
            .nth(index)
            .is_some_and(|node| node.accesskit_node().role() == Role::MultilineTextInput);
        let enter = egui::Event::Key {
            key: egui::Key::Enter,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        let keys = [
            egui::Event::Text("ab".to_owned()),
            egui::Event::Text("9".to_owned()),
            if multiline {
                enter
            } else {
                egui::Event::Text(" ".to_owned())
            },
            egui::Event::Text("c".to_owned()),
        ];
        for key in keys {
            harness.event(key);
            harness.run();
            let now = fields(harness)
                .get(index)
                .map(|(_, rect)| *rect)
                .expect("the field is still there");
            assert!(
                (now.top() - field.top()).abs() < 0.5,
                "{what}: the field “{label}” itself moved: {field:?} → {now:?}"
            );
            let after = nodes_below(harness, field);
            let (counted_before, counted_after) = (counts(&before), counts(&after));
            for (node, top) in before
                .iter()
                .filter(|((name, _), _)| counted_before.get(name) == counted_after.get(name))
            {
                if let Some(now) = after.get(node) {
                    assert!(
                        (now - top).abs() < 0.5,
                        "{what}: typing in “{label}” moved {node:?} from {top} to {now}"
                    );
                }
            }
        }
    }
    count
}

#[test]
fn typing_in_any_field_of_an_activity_moves_nothing_below_it() {
    let workspace = online_shop();
    // The activity on legitimate interests: its assessment's questions and drafts too.
    let activity = workspace
        .register
        .iter()
        .find(|a| a.lia().is_some())
        .expect("an activity with an assessment")
        .id;
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = tall_harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenActivity(activity));
    harness.run();
    // The editor is the right-hand pane.
    let tried = typing_moves_nothing_below(&mut harness, 560.0..1400.0, "activity");
    assert!(tried >= 15, "{tried}");
}

#[test]
fn typing_in_any_field_of_a_request_moves_nothing_below_it() {
    let (_dir, path) = temp_workspace();
    store::write_new(
        &path,
        &smallprint::domain::example::example_workspace(date(2026, 11, 23)),
        common::SAVED_AT,
    )
    .expect("example");
    let mut harness = tall_harness_on(&path);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Requests")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Log a request…")
        .click();
    harness.run();
    typing_moves_nothing_below(&mut harness, 0.0..1400.0, "new request");
}

#[test]
fn typing_in_any_field_of_a_breach_moves_nothing_below_it() {
    let workspace = common::breach_workspace();
    let undecided = workspace
        .breaches
        .iter()
        .find(|b| b.decision.is_none())
        .expect("an undecided breach")
        .id;
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = tall_harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenBreach(undecided));
    harness.run();
    typing_moves_nothing_below(&mut harness, 0.0..1400.0, "breach");
}

/// "Use all suggested answers" answers every drafted question in one action; what the
/// shop had written itself stays.
#[test]
fn one_action_adopts_every_suggested_answer() {
    let workspace = online_shop();
    let activity = workspace
        .register
        .iter()
        .find(|a| a.lia().is_some_and(|lia| lia.drafts_waiting() > 2))
        .expect("an activity with drafted answers");
    let id = activity.id;
    let drafted = activity
        .lia()
        .map(smallprint::domain::lia::Lia::drafts_waiting);
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = tall_harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenActivity(id));
    harness.run();
    let first_question = smallprint::domain::lia::QUESTIONS[3].text;
    let below = harness.get_by_label_contains(first_question).rect();
    harness.get_by_label("Use all suggested answers").click();
    harness.run();
    harness.run();
    let lia = harness
        .state()
        .workspace()
        .and_then(|w| w.activity(id))
        .and_then(|a| a.lia().cloned())
        .expect("the assessment");
    assert_eq!(lia.drafts_waiting(), 0, "all adopted (were {drafted:?})");
    assert!(lia.problems().iter().all(|p| !p.message.contains("adopt")));
    let saved = store::read_workspace(&path).expect("saved");
    assert_eq!(
        saved
            .activity(id)
            .and_then(|a| a.lia())
            .map(smallprint::domain::lia::Lia::drafts_waiting),
        Some(0),
        "on disk"
    );
    let now = harness.get_by_label_contains(first_question).rect();
    assert!(
        (now.top() - below.top()).abs() < 0.5,
        "adopting reflowed the form: {below:?} → {now:?}"
    );
    harness.get_by_label_contains("The suggested answers are yours now");
}

/// "Check" lists each problem as a link; following one puts the keyboard in its field.
#[test]
fn a_checked_problem_links_to_its_field() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &Workspace::default(), common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Register")
        .click();
    harness.run();
    harness.get_by_label("Start a blank activity").click();
    harness.run();
    harness.get_by_label("Check").click();
    harness.run();
    let follow = |harness: &mut Harness<'_, SmallprintApp>, field: &str| {
        assert!(!harness.get_by_label(field).is_focused());
        harness
            .query_all_by_role(egui::accesskit::Role::Link)
            .find(|node| {
                node.accesskit_node()
                    .label()
                    .is_some_and(|label| label.starts_with(&format!("{field}:")))
            })
            .expect("a link to the field's problem")
            .click();
        harness.run();
        harness.run();
        assert!(
            harness.get_by_label(field).is_focused(),
            "following the link focuses “{field}”"
        );
    };
    follow(&mut harness, "Purpose");
    harness.event(egui::Event::Text("Repairs".to_owned()));
    harness.run();
    let purposes: Vec<String> = harness
        .state()
        .workspace()
        .map(|w| w.register.iter().map(|a| a.purpose.clone()).collect())
        .expect("open");
    assert_eq!(purposes, ["Repairs"], "typed where the link led");
    // Further down the form: it scrolls there too.
    follow(&mut harness, "Categories of personal data");
}

/// The catalogue of every kind is there from "Add activity" at any time; words find
/// activities across kinds, and a shop that fits two kinds takes both.
#[test]
fn add_activity_offers_every_kind_and_finds_across_them() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &online_shop(), common::SAVED_AT).expect("written");
    let mut harness = tall_harness_on(&path);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Register")
        .click();
    harness.run();
    let before = harness
        .state()
        .workspace()
        .map(|w| w.register.len())
        .expect("open");
    harness.get_by_label("Add activity").click();
    harness.run();
    harness.get_by_label("Find").focus();
    harness.run();
    harness.event(egui::Event::Text("commissioned".to_owned()));
    harness.run();
    harness
        .get_by_label_contains("Digital downloads / 3D or design studio")
        .rect();
    harness.get_by_label("Add").click();
    harness.run();
    let register: Vec<String> = harness
        .state()
        .workspace()
        .map(|w| w.register.iter().map(|a| a.purpose.clone()).collect())
        .expect("open");
    assert_eq!(register.len(), before + 1);
    assert!(
        register.last().is_some_and(|p| p.contains("commissioned")),
        "{register:?}"
    );
    // Every kind keeps accounts; taking a second kind whole adds none twice.
    harness.get_by_label("Find").focus();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.event(egui::Event::Key {
        key: egui::Key::Backspace,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    harness.get_by_label("Kind of business").click();
    harness.run();
    harness
        .get_by_label("Digital downloads / 3D or design studio")
        .click();
    harness.run();
    harness.get_by_label("Use these activities").click();
    harness.run();
    let workspace = harness.state().workspace().cloned().expect("open");
    let accounts = workspace
        .register
        .iter()
        .filter(|a| a.purpose == "Keep accounts and tax records")
        .count();
    assert_eq!(accounts, 1);
    let studio = catalogue::business_type("digital-downloads-3d-studio").expect("studio");
    for template in &studio.activities {
        assert!(
            workspace.has_purpose(&template.purpose),
            "{}",
            template.purpose
        );
    }
}

/// Identity received a week after it was asked for restarts the month: the request says
/// the date moved, and what the acknowledgement promised, until "Noted".
#[test]
fn a_moved_due_date_is_said_until_noted() {
    use smallprint::domain::{
        holidays::Holidays,
        organisation::Nation,
        requests::{ACKNOWLEDGEMENT, RequestEvent, RequestKind, Requester, RightsRequest},
    };
    let mut workspace = Workspace::default();
    let id = workspace.ids.request();
    // Received Mon 2 Nov 2026: due Wed 2 Dec. Identity asked on the 3rd, received on
    // the 10th: due Thu 10 Dec (one calendar month from the day it arrived).
    let mut request = RightsRequest::new(
        id,
        "R-2026-001".to_owned(),
        RequestKind::Access,
        Requester {
            name: "Ada Fictional".to_owned(),
            ..Requester::default()
        },
        date(2026, 11, 2),
    );
    let step = |request: &mut RightsRequest, event: RequestEvent, on| {
        request
            .record(
                event,
                on,
                date(2026, 11, 23),
                Nation::EnglandAndWales,
                Holidays::shipped(),
            )
            .expect("allowed");
    };
    step(
        &mut request,
        RequestEvent::LetterSent {
            template: ACKNOWLEDGEMENT.to_owned(),
            title: "Acknowledgement".to_owned(),
            text: "We will reply by 2 December 2026.".to_owned(),
        },
        date(2026, 11, 2),
    );
    step(
        &mut request,
        RequestEvent::IdentityRequested,
        date(2026, 11, 3),
    );
    step(
        &mut request,
        RequestEvent::IdentityReceived,
        date(2026, 11, 10),
    );
    workspace.requests.push(request);
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness.state_mut().apply(Command::OpenRequest(id));
    harness.run();
    harness.get_by_label_contains(
        "The due date moved on Tue 10 Nov 2026: was Wed 2 Dec 2026, now Thu 10 Dec 2026.",
    );
    harness.get_by_label_contains("promised a reply by Wed 2 Dec 2026");
    harness.get_by_label("Noted").click();
    harness.run();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("The due date moved")
            .is_none()
    );
    let saved = store::read_workspace(&path).expect("saved");
    let last = saved.requests[0].timeline.last().expect("a step");
    assert!(
        matches!(&last.event, RequestEvent::Note { text } if text.contains("Wed 2 Dec 2026") && text.contains("Thu 10 Dec 2026")),
        "{last:?}"
    );
}

/// Ctrl+S saves at once from a breach's facts, which are kept as typed (no "Save
/// changes" button): with saving on a pause turned far off, the file has the typing.
#[test]
fn ctrl_s_saves_a_breachs_typed_facts_at_once() {
    let workspace = common::breach_workspace();
    let undecided = workspace
        .breaches
        .iter()
        .find(|b| b.decision.is_none())
        .expect("an undecided breach")
        .id;
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &workspace, common::SAVED_AT).expect("written");
    let mut harness = harness_with(&path, 100_000.0, egui::vec2(1400.0, 3000.0));
    harness.run();
    harness.state_mut().apply(Command::OpenBreach(undecided));
    harness.run();
    harness.get_by_label("Cause").focus();
    harness.run();
    let typed = "A shared login on the studio laptop";
    harness.event(egui::Event::Text(typed.to_owned()));
    harness.run();
    let on_disk = |path: &std::path::Path| {
        store::read_workspace(path)
            .expect("readable")
            .breaches
            .iter()
            .find(|b| b.id == undecided)
            .map(|b| b.cause.clone())
            .expect("the breach")
    };
    assert!(!on_disk(&path).contains(typed), "not saved before Ctrl+S");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(on_disk(&path).contains(typed), "saved by Ctrl+S");
}

/// The same links in a two-column form (the Organisation's rows): each takes the
/// keyboard to its field.
#[test]
fn a_checked_organisation_problem_links_to_its_field() {
    let (_dir, path) = temp_workspace();
    store::write_new(&path, &Workspace::default(), common::SAVED_AT).expect("written");
    let mut harness = harness_on(&path);
    harness.run();
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "Organisation")
        .click();
    harness.run();
    harness.get_by_label("Check").click();
    harness.run();
    let field = "Legal name";
    assert!(!harness.get_by_label(field).is_focused());
    harness
        .query_all_by_role(egui::accesskit::Role::Link)
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.starts_with(&format!("{field}:")))
        })
        .expect("a link to the legal name's problem")
        .click();
    harness.run();
    harness.run();
    assert!(harness.get_by_label(field).is_focused());
    harness.event(egui::Event::Text("Ottoline Marsh".to_owned()));
    harness.run();
    assert_eq!(
        harness
            .state()
            .workspace()
            .map(|w| w.organisation.legal_name.clone())
            .as_deref(),
        Some("Ottoline Marsh")
    );
}
