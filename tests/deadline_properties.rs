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
    deadlines::{ClockEvents, Pause, rights_deadline},
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
            };
            (events, Nation::ALL[nation])
        })
}

fn due(events: &ClockEvents, nation: Nation) -> Date {
    rights_deadline(events, nation, Holidays::shipped(), events.received).due
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
