//! The rulebook of the rights, checked from outside: every kind of request × every step ×
//! {in time, overdue} → allowed, or refused with the reason's key words. The table is
//! written by hand from facts §6.4 (and §1.3–1.6), not generated from the code; it is
//! checked through the library's one step check and again through `smallprint request
//! step` (exit 2 and the file byte-identical when refused).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use std::fs;

use common::{arg, smallprint, temp_workspace};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use smallprint::domain::{
    RequestId, Workspace,
    example::example_workspace,
    requests::{RequestEvent, RequestKind as K, Requester, RightsRequest},
};

/// Every request is received on Wed 1 July 2026 (after s.164A began, 19 June 2026):
/// one month ends Sat 1 Aug → Mon 3 Aug; a complaint's 30 days from the day after end
/// Fri 31 Jul.
const RECEIVED: Date = date(2026, 7, 1);
/// Well inside every clock.
const IN_TIME: Date = date(2026, 7, 6);
/// After every clock has run out.
const OVERDUE: Date = date(2026, 8, 20);
const TODAY: Date = date(2026, 12, 2);

#[derive(Debug, Clone, Copy)]
enum Expect {
    Allowed,
    /// Refused; the reason contains each of these words.
    Refused(&'static [&'static str]),
}
use Expect::{Allowed, Refused};

/// The steps the table covers, by their CLI names.
const STEPS: [&str; 7] = [
    "identity-requested",
    "fee-requested",
    "clarification-asked",
    "extended",
    "responded",
    "refused",
    "withdrawn",
];

// The refusals' key words, by the rule they state.
const NO_ID: Expect = Refused(&["needs no proof of identity"]);
const FREE: Expect = Refused(&["is free", "no fee"]);
const NO_PAUSE: Expect = Refused(&["no clock a clarification could pause"]);
const NO_EXTENSION: Expect = Refused(&["cannot be extended"]);
const NEVER_REFUSED: Expect = Refused(&["cannot be refused", "stop at once"]);
const COMPLAINT_NOT_REFUSED: Expect = Refused(&["is not refused", "outcome"]);
const NO_REVIVAL: Expect = Refused(&["ran out", "cannot restart"]);
const CLARIFICATION_LATE: Expect = Refused(&["does not stop the clock"]);
const EXTENSION_LATE: Expect = Refused(&["within the first month"]);

/// Subject access (Art. 15): identity, a fee, a clarification (which pauses it, Art.
/// 12A) and an extension in time; none of them once the time has run out ("no
/// revival"); a reply or a refusal always.
const ACCESS: Row = [
    (Allowed, NO_REVIVAL),
    (Allowed, NO_REVIVAL),
    (Allowed, CLARIFICATION_LATE),
    (Allowed, EXTENSION_LATE),
    (Allowed, Allowed),
    (Allowed, Allowed),
    (Allowed, Allowed),
];

/// The other rights with a one-month clock (Arts 16–18, 20, 21(1), 22A–22D): as subject
/// access, but a clarification pauses nothing — asked once the time has run out it is
/// refused like any other late ask.
const ONE_MONTH: Row = [
    (Allowed, NO_REVIVAL),
    (Allowed, NO_REVIVAL),
    (Allowed, Refused(&["ran out", "a clarification"])),
    (Allowed, EXTENSION_LATE),
    (Allowed, Allowed),
    (Allowed, Allowed),
    (Allowed, Allowed),
];

/// An objection to direct marketing or a withdrawal of consent: stop at once; no
/// identity beyond the link to the contact details, never a fee, nothing to pause, no
/// extension, never refused (Art. 21(3), 7(3), 12(5)).
const STOP_AT_ONCE: Row = [
    (NO_ID, NO_ID),
    (FREE, FREE),
    (NO_PAUSE, NO_PAUSE),
    (NO_EXTENSION, NO_EXTENSION),
    (Allowed, Allowed),
    (NEVER_REFUSED, NEVER_REFUSED),
    (Allowed, Allowed),
];

/// A complaint (s.164A): acknowledge within 30 days, then the outcome; no identity,
/// fee, pause or extension, and it is answered, not refused.
const COMPLAINT: Row = [
    (NO_ID, NO_ID),
    (FREE, FREE),
    (NO_PAUSE, NO_PAUSE),
    (NO_EXTENSION, NO_EXTENSION),
    (Allowed, Allowed),
    (COMPLAINT_NOT_REFUSED, COMPLAINT_NOT_REFUSED),
    (Allowed, Allowed),
];

/// Each step's verdict, in time and overdue, in the order of [`STEPS`].
type Row = [(Expect, Expect); 7];

/// Facts §6.4, row by row: (kind, its CLI name, each step's verdict in time and overdue).
const TABLE: [(K, &str, Row); 10] = [
    (K::Access, "access", ACCESS),
    (K::Rectification, "rectification", ONE_MONTH),
    (K::Erasure, "erasure", ONE_MONTH),
    (K::Restriction, "restriction", ONE_MONTH),
    (K::Portability, "portability", ONE_MONTH),
    (K::Objection, "objection", ONE_MONTH),
    (
        K::AutomatedDecisionReview,
        "automated-decision-review",
        ONE_MONTH,
    ),
    (
        K::DirectMarketingObjection,
        "direct-marketing-objection",
        STOP_AT_ONCE,
    ),
    (K::ConsentWithdrawal, "consent-withdrawal", STOP_AT_ONCE),
    (K::Complaint, "complaint", COMPLAINT),
];

fn event(step: &str) -> RequestEvent {
    match step {
        "identity-requested" => RequestEvent::IdentityRequested,
        "fee-requested" => RequestEvent::FeeRequested,
        "clarification-asked" => RequestEvent::ClarificationAsked,
        "extended" => RequestEvent::Extended {
            reason: "Seven years of orders in three systems.".to_owned(),
        },
        "responded" => RequestEvent::Responded {
            outcome: "Done.".to_owned(),
        },
        "refused" => RequestEvent::Refused {
            reason: "Manifestly excessive: the fifth copy of the same request.".to_owned(),
        },
        "withdrawn" => RequestEvent::Withdrawn,
        other => panic!("no step {other}"),
    }
}

fn fresh(kind: K) -> RightsRequest {
    RightsRequest::new(
        RequestId(900),
        "R-2026-900".to_owned(),
        kind,
        Requester {
            name: "Priya Testcase".to_owned(),
            ..Requester::default()
        },
        RECEIVED,
    )
}

fn judge(expect: Expect, verdict: Result<(), String>, what: &str) {
    match (expect, verdict) {
        (Allowed, Ok(())) => {}
        (Allowed, Err(reason)) => panic!("{what}: refused, but the law allows it: {reason}"),
        (Refused(words), Ok(())) => panic!("{what}: allowed, but the law refuses it ({words:?})"),
        (Refused(words), Err(reason)) => {
            for word in words {
                assert!(reason.contains(word), "{what}: “{reason}” lacks “{word}”");
            }
        }
    }
}

#[test]
fn every_kind_every_step_in_time_and_overdue_is_allowed_or_refused_as_the_facts_say() {
    let workspace = example_workspace(TODAY);
    let holidays = workspace.holidays();
    let counting = workspace.counting(&holidays);
    for (kind, name, row) in TABLE {
        for (step, (in_time, overdue)) in STEPS.iter().zip(row) {
            for (on, expect, when) in [(IN_TIME, in_time, "in time"), (OVERDUE, overdue, "overdue")]
            {
                let request = fresh(kind);
                let verdict = request
                    .check_with(&event(step), on, TODAY, counting)
                    .map(|_| ())
                    .map_err(|error| error.to_string());
                judge(expect, verdict, &format!("{name} × {step} × {when}"));
            }
        }
    }
}

#[test]
fn the_same_table_through_request_step_refuses_with_exit_2_and_writes_nothing() {
    let (_dir, path) = temp_workspace();
    let (code, _, stderr) = smallprint(&["demo", "--out", arg(&path)]);
    assert_eq!(code, 0, "{stderr}");
    for (_, name, row) in TABLE {
        for (step, (in_time, overdue)) in STEPS.iter().zip(row) {
            for (on, expect, when) in [(IN_TIME, in_time, "in time"), (OVERDUE, overdue, "overdue")]
            {
                let (code, stdout, stderr) = smallprint(&[
                    "request",
                    "add",
                    "--file",
                    arg(&path),
                    "--kind",
                    name,
                    "--received",
                    &RECEIVED.to_string(),
                    "--name",
                    "Priya Testcase",
                ]);
                assert_eq!(code, 0, "{stderr}");
                let reference = stdout.lines().next().expect("a reference").to_owned();
                let before = fs::read(&path).expect("read");
                let on = on.to_string();
                let note = matches!(*step, "extended" | "responded" | "refused")
                    .then_some("Seven years of orders in three systems.");
                let (code, _, stderr) = common::request_step(&path, &reference, step, &on, note);
                let what = format!("{name} × {step} × {when}");
                match expect {
                    Allowed => assert_eq!(code, 0, "{what}: {stderr}"),
                    Refused(_) => {
                        assert_eq!(code, 2, "{what}: allowed by the CLI");
                        assert_eq!(
                            fs::read(&path).expect("read"),
                            before,
                            "{what}: file changed"
                        );
                    }
                }
                judge(expect, if code == 0 { Ok(()) } else { Err(stderr) }, &what);
            }
        }
    }
}

#[test]
fn a_clarification_pauses_only_a_subject_access_request() {
    let workspace = example_workspace(TODAY);
    let holidays = workspace.holidays();
    let counting = workspace.counting(&holidays);
    for (kind, name, _) in TABLE.iter().take(7) {
        let mut request = fresh(*kind);
        let due_before = request.deadline_with(counting).due_date().expect("a date");
        request
            .record_with(RequestEvent::ClarificationAsked, IN_TIME, TODAY, counting)
            .expect("asked");
        request
            .record_with(
                RequestEvent::ClarificationAnswered,
                date(2026, 7, 16),
                TODAY,
                counting,
            )
            .expect("answered");
        let due_after = request.deadline_with(counting).due_date().expect("a date");
        if *kind == K::Access {
            // Art. 12A (Appendix A): 6–16 July (11 days) do not count: the month's end,
            // Sat 1 Aug, + 11 days = Wed 12 Aug, a working day.
            assert_eq!(due_after, date(2026, 8, 12), "{name}");
        } else {
            assert_eq!(due_after, due_before, "{name}: the clock runs on");
        }
    }
}

/// The workspace a property test starts from: the example shop, counted its way.
fn workspace() -> Workspace {
    example_workspace(TODAY)
}

fn any_step() -> impl Strategy<Value = RequestEvent> {
    prop_oneof![
        Just(RequestEvent::IdentityRequested),
        Just(RequestEvent::IdentityReceived),
        Just(RequestEvent::FeeRequested),
        Just(RequestEvent::FeeReceived),
        Just(RequestEvent::ClarificationAsked),
        Just(RequestEvent::ClarificationAnswered),
        Just(RequestEvent::Extended {
            reason: "complex".to_owned()
        }),
        Just(RequestEvent::Note {
            text: "called them".to_owned()
        }),
    ]
}

fn any_kind() -> impl Strategy<Value = K> {
    proptest::sample::select(K::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// No sequence of steps makes an overdue request not overdue, and on any request but
    /// subject access no step moves the due date later except the identity restart and
    /// a lawful extension (facts §6.4, "no revival").
    #[test]
    fn no_step_revives_a_late_request_or_moves_a_date_it_may_not(
        kind in any_kind(),
        steps in proptest::collection::vec((any_step(), 0i32..120), 1..8),
    ) {
        let workspace = workspace();
        let holidays = workspace.holidays();
        let counting = workspace.counting(&holidays);
        let mut request = fresh(kind);
        let mut on = RECEIVED;
        // Once a step came after the due date, the request stays late: a stopped clock
        // ("paused") or a later date would both hide it.
        let mut late = false;
        for (step, gap) in steps {
            let before = request.deadline_with(counting);
            on = on.checked_add(jiff::Span::new().days(gap)).expect("a date");
            if on > TODAY {
                break;
            }
            late |= before.due_date().is_some_and(|due| on > due);
            let restart_or_extension = matches!(
                step,
                RequestEvent::IdentityReceived | RequestEvent::Extended { .. }
            );
            if request.record_with(step.clone(), on, TODAY, counting).is_err() {
                continue;
            }
            let after = request.deadline_with(counting);
            if late {
                prop_assert!(
                    after.due_date().is_some_and(|due| on > due),
                    "{kind:?}: overdue on {on} before {step:?}, not after: {:?}",
                    after.steps
                );
            }
            if let (Some(was), Some(now)) = (before.due_date(), after.due_date())
                && kind != K::Access
                && !restart_or_extension
            {
                prop_assert!(
                    now <= was,
                    "{kind:?}: {step:?} on {on} moved the date from {was} to {now}"
                );
            }
        }
    }
}
