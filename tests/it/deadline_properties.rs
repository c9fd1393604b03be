//! General rules of the deadline engine, checked over random dates from 2000 to 2100
//! and random restarts, pauses and extensions in all three nations.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use jiff::{
    Span,
    civil::{Date, date},
};
use proptest::prelude::*;
use smallprint::domain::{
    Nation,
    deadlines::{ClockEvents, ClockState, Pause, rights_deadline},
    holidays::Holidays,
};

fn day(offset: i32) -> Date {
    date(2000, 1, 1)
        .checked_add(Span::new().days(offset))
        .expect("in range")
}

fn later(date: Date, days: i32) -> Date {
    date.checked_add(Span::new().days(days)).expect("in range")
}

/// A request's clock: receipt anywhere in 2000–2100, then optional restarts and pauses
/// a few days or weeks apart.
fn clock_events() -> impl Strategy<Value = (ClockEvents, Nation)> {
    (
        0..36_500_i32,
        proptest::option::of(0..40_i32),
        proptest::option::of(0..40_i32),
        proptest::collection::vec((0..40_i32, 0..15_i32), 0..3),
        any::<bool>(),
        0..3_usize,
    )
        .prop_map(|(received, identity, fee, pauses, extended, nation)| {
            let received = day(received);
            let events = ClockEvents {
                received,
                identity_received: identity.map(|d| later(received, d)),
                fee_received: fee.map(|d| later(received, d)),
                pauses: pauses
                    .into_iter()
                    .map(|(start, length)| Pause {
                        asked: later(received, start),
                        answered: Some(later(received, start + length)),
                    })
                    .collect(),
                extended,
                ..ClockEvents::default()
            };
            (events, Nation::ALL[nation])
        })
}

fn due(events: &ClockEvents, nation: Nation) -> Date {
    rights_deadline(events, nation, Holidays::shipped(), events.received).due
}

/// The first working day of `nation` on or after `date`, found by walking the days.
fn working_day_from(date: Date, nation: Nation) -> Date {
    let mut day = date;
    while !Holidays::shipped().is_working_day(nation, day) {
        day = later(day, 1);
    }
    day
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn the_due_date_is_a_working_day_of_the_nation((events, nation) in clock_events()) {
        let due = due(&events, nation);
        prop_assert!(Holidays::shipped().is_working_day(nation, due), "{due} in {nation}");
    }

    #[test]
    fn the_due_date_is_never_before_the_corresponding_date((events, nation) in clock_events()) {
        let deadline = rights_deadline(&events, nation, Holidays::shipped(), events.received);
        let months = if events.extended { 3 } else { 1 };
        let corresponding = deadline.start.checked_add(Span::new().months(months)).expect("in range");
        prop_assert!(deadline.due >= corresponding, "{} before {corresponding}", deadline.due);
        prop_assert!(deadline.start >= events.received);
    }

    #[test]
    fn a_later_receipt_never_gives_an_earlier_date((events, nation) in clock_events(), delay in 1..60_i32) {
        // The same identity, fee and pause dates, with the request arriving `delay` days
        // earlier (nothing can happen to a request before it arrives).
        let mut earlier_events = events.clone();
        earlier_events.received = events.received.checked_sub(Span::new().days(delay)).expect("in range");
        prop_assert!(due(&events, nation) >= due(&earlier_events, nation));
    }

    #[test]
    fn an_extension_or_a_pause_never_shortens((events, nation) in clock_events(), start in 0..40_i32, length in 0..15_i32) {
        let base = due(&events, nation);
        let extended = ClockEvents { extended: true, ..events.clone() };
        prop_assert!(due(&extended, nation) >= base);
        let mut paused = events.clone();
        paused.pauses.push(Pause {
            asked: later(events.received, start),
            answered: Some(later(events.received, start + length)),
        });
        prop_assert!(due(&paused, nation) >= base);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// An unanswered clarification stops the clock. The days that will remain are the
    /// days of the month not used when it stopped (from the day asked to the month's
    /// corresponding date, inclusive: facts §1.5), the same whatever day it is now;
    /// and when the reply comes on day R the deadline is R plus those days, moved to a
    /// working day.
    #[test]
    fn an_open_clarification_leaves_days_fixed_when_asked_whatever_today_is(
        received in 0..36_000_i32,
        asked in 0..28_i32,
        todays in proptest::collection::vec(0..400_i32, 2),
        reply in 0..120_i32,
        nation in 0..3_usize,
    ) {
        let nation = Nation::ALL[nation];
        let received = day(received);
        let asked = later(received, asked);
        let events = ClockEvents {
            received,
            pauses: vec![Pause { asked, answered: None }],
            ..ClockEvents::default()
        };
        let corresponding = received.checked_add(Span::new().months(1)).expect("in range");
        let expected = (corresponding - asked).get_days() + 1;
        for today in todays {
            let deadline = rights_deadline(&events, nation, Holidays::shipped(), later(asked, today));
            prop_assert_eq!(deadline.due_date(), None);
            let ClockState::Stopped(stopped) = deadline.state else {
                return Err(TestCaseError::fail("the clock should be stopped"));
            };
            prop_assert_eq!(stopped.remaining_days, Some(expected));
            let message = format!("{expected} day");
            prop_assert!(stopped.message().contains(&message), "{}", stopped.message());
        }
        let replied = later(asked, reply);
        let answered = ClockEvents {
            pauses: vec![Pause { asked, answered: Some(replied) }],
            ..events
        };
        prop_assert_eq!(
            rights_deadline(&answered, nation, Holidays::shipped(), replied).due_date(),
            Some(working_day_from(later(replied, expected), nation))
        );
    }

    /// A clarification asked on or after the due date stops nothing.
    #[test]
    fn a_clarification_after_the_due_date_never_moves_it(
        (events, nation) in clock_events(),
        after in 0..30_i32,
        length in proptest::option::of(0..15_i32),
    ) {
        let deadline = rights_deadline(&events, nation, Holidays::shipped(), events.received);
        let asked = later(deadline.due, after);
        let mut late = events.clone();
        late.pauses.push(Pause { asked, answered: length.map(|l| later(asked, l)) });
        let again = rights_deadline(&late, nation, Holidays::shipped(), asked);
        prop_assert_eq!(again.due_date(), Some(deadline.due));
        prop_assert!(again.working().contains("does not move the date"), "{}", again.working());
    }
}

/// Found by `an_extension_or_a_pause_never_shortens` (2029, England and Wales): a
/// clarification asked on Sunday 22 April, the day an earlier one was answered, after a
/// month that ended on Saturday 21 April. It was asked before the due date (Monday 23),
/// so it stops the clock; it used to be cut to start on the 23rd and then ignored as
/// "on the due date", giving an earlier date than without the first clarification.
#[test]
fn pinned_a_clarification_asked_the_day_the_last_one_was_answered_still_pauses() {
    let nation = Nation::EnglandAndWales;
    let sunday_pause = Pause {
        asked: date(2029, 4, 22),
        answered: Some(date(2029, 4, 27)),
    };
    let events = ClockEvents {
        received: date(2029, 3, 21),
        pauses: vec![sunday_pause],
        ..ClockEvents::default()
    };
    // One month ends Saturday 21 April; the Sunday clarification leaves no days of
    // it, so the answer day (Friday 27) is the last day.
    assert_eq!(due(&events, nation), date(2029, 4, 27));
    let mut paused = events.clone();
    paused.pauses.insert(
        0,
        Pause {
            asked: date(2029, 4, 21),
            answered: Some(date(2029, 4, 22)),
        },
    );
    // 21 April is the month's last day: answered 22, one day left → Monday 23. The
    // second clarification, asked 22 April, stops it again with that day left:
    // answered Friday 27, + 1 day = Saturday 28 → Monday 30 April.
    assert_eq!(due(&paused, nation), date(2029, 4, 30));
}
