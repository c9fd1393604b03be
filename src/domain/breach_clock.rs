//! The 72-hour clock of Art. 33(1): a breach that is a risk to people is reported
//! within 72 hours of the shop becoming aware of it.
//!
//! The 72 hours are elapsed hours, counted on instants, so a clock change in between
//! moves the deadline's UK wall-clock time by an hour rather than shortening or
//! lengthening the period. The time zone is passed in (the domain reads no files); the
//! CLI and window pass `clock::uk_time_zone()`.

use jiff::{
    SignedDuration, Timestamp,
    civil::DateTime,
    tz::{AmbiguousOffset, Offset, TimeZone},
};
use thiserror::Error;

/// Art. 33(1): "where feasible, not later than 72 hours after having become aware of it".
pub const REPORT_WITHIN: SignedDuration = SignedDuration::from_hours(72);

/// The instant by which a breach the shop became aware of at `aware` is to be reported.
pub fn report_deadline(aware: Timestamp) -> Timestamp {
    // 72 hours past the last representable instant is beyond any real date; saturate
    // rather than fail, as no breach is recorded there.
    aware.checked_add(REPORT_WITHIN).unwrap_or(Timestamp::MAX)
}

/// Why a UK local time could not be read as one instant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LocalTimeError {
    #[error("“{0}” is not a date and time written YYYY-MM-DD HH:MM")]
    Malformed(String),
    #[error(
        "{0} does not exist in UK time: the clocks went forward from 01:00 to 02:00 that night; check the time"
    )]
    DoesNotExist(String),
    #[error(
        "{0} happened twice in UK time (the clocks went back an hour): say which with --aware-offset +01:00 (the first, BST) or --aware-offset +00:00 (the second, GMT)"
    )]
    Ambiguous(String),
    #[error("{time} was not at UTC{offset} in the UK; leave out the offset or use {actual}")]
    WrongOffset {
        time: String,
        offset: Offset,
        actual: Offset,
    },
}

/// Reads a UK local "YYYY-MM-DD HH:MM" as an instant.
///
/// A time inside the spring gap is refused. A time in the autumn fold needs `offset`
/// (+01:00 for the first, +00:00 for the second); given for any other time, the offset
/// must be the one the UK had then.
pub fn parse_uk_local(
    text: &str,
    offset: Option<Offset>,
    zone: &TimeZone,
) -> Result<Timestamp, LocalTimeError> {
    let text = text.trim();
    let malformed = || LocalTimeError::Malformed(text.to_owned());
    let (date, time) = text.split_once(' ').ok_or_else(malformed)?;
    if time.len() != 5 {
        return Err(malformed());
    }
    let civil: DateTime = format!("{date}T{time}").parse().map_err(|_| malformed())?;
    let shown = format_civil(civil);
    let chosen = match (zone.to_ambiguous_timestamp(civil).offset(), offset) {
        (AmbiguousOffset::Gap { .. }, _) => return Err(LocalTimeError::DoesNotExist(shown)),
        (AmbiguousOffset::Fold { before, after }, Some(given))
            if given == before || given == after =>
        {
            given
        }
        (AmbiguousOffset::Fold { .. }, _) => return Err(LocalTimeError::Ambiguous(shown)),
        (AmbiguousOffset::Unambiguous { offset: actual }, Some(given)) if given != actual => {
            return Err(LocalTimeError::WrongOffset {
                time: shown,
                offset: given,
                actual,
            });
        }
        (AmbiguousOffset::Unambiguous { offset: actual }, _) => actual,
    };
    chosen
        .to_timestamp(civil)
        .map_err(|_| LocalTimeError::Malformed(text.to_owned()))
}

/// Reads "+01:00" or "+00:00", the offsets the UK uses.
pub fn parse_uk_offset(text: &str) -> Result<Offset, String> {
    match text.trim() {
        "+01:00" => Ok(Offset::constant(1)),
        "+00:00" => Ok(Offset::UTC),
        other => Err(format!(
            "“{other}” is not a UK offset: say +01:00 (BST) or +00:00 (GMT)"
        )),
    }
}

/// An instant as UK local time to the minute: "2026-10-25 01:30".
pub fn uk_minute(at: Timestamp, zone: &TimeZone) -> String {
    format_civil(at.to_zoned(zone.clone()).datetime())
}

fn format_civil(civil: DateTime) -> String {
    civil.strftime("%Y-%m-%d %H:%M").to_string()
}

/// The working of a deadline, in words: "became aware 2026-03-28 09:00 GMT; + 72
/// hours = 2026-03-31 10:00 BST; the clocks changed in between, …".
pub fn working(aware: Timestamp, zone: &TimeZone) -> String {
    let deadline = report_deadline(aware);
    let name = |at: Timestamp| {
        if zone.to_offset(at) == Offset::UTC {
            "GMT"
        } else {
            "BST"
        }
    };
    let changed = if zone.to_offset(aware) == zone.to_offset(deadline) {
        ""
    } else {
        "; the clocks changed in between, so the time of day moves by an hour"
    };
    format!(
        "became aware {} {}; + 72 hours = {} {}{changed}",
        uk_minute(aware, zone),
        name(aware),
        uk_minute(deadline, zone),
        name(deadline)
    )
}

/// How long is left until `deadline` at `now`, or how long it is past, in words to the
/// minute: "2 days 5 hours left", "40 minutes left", "overdue by 1 day 3 hours".
pub fn time_left(deadline: Timestamp, now: Timestamp) -> String {
    let seconds = deadline.as_second().saturating_sub(now.as_second());
    let minutes = seconds.unsigned_abs().div_ceil(60);
    let (days, hours, minutes) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
    let unit = |n: u64, one: &str| match n {
        0 => None,
        1 => Some(format!("1 {one}")),
        n => Some(format!("{n} {one}s")),
    };
    // To the minute only in the last hours, when minutes matter.
    let parts: Vec<String> = if days > 0 {
        [unit(days, "day"), unit(hours, "hour")]
            .into_iter()
            .flatten()
            .collect()
    } else {
        [unit(hours, "hour"), unit(minutes, "minute")]
            .into_iter()
            .flatten()
            .collect()
    };
    let amount = if parts.is_empty() {
        "0 minutes".to_owned()
    } else {
        parts.join(" ")
    };
    if seconds >= 0 {
        format!("{amount} left")
    } else {
        format!("overdue by {amount}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn time_left_reads_to_the_minute_near_the_end() {
        let at = |text: &str| text.parse::<Timestamp>().expect("instant");
        let deadline = at("2026-06-04T08:00:00Z");
        assert_eq!(
            time_left(deadline, at("2026-06-01T08:00:00Z")),
            "3 days left"
        );
        assert_eq!(
            time_left(deadline, at("2026-06-02T02:30:00Z")),
            "2 days 5 hours left"
        );
        assert_eq!(
            time_left(deadline, at("2026-06-04T06:20:00Z")),
            "1 hour 40 minutes left"
        );
        assert_eq!(time_left(deadline, deadline), "0 minutes left");
        assert_eq!(
            time_left(deadline, at("2026-06-04T08:00:30Z")),
            "overdue by 1 minute"
        );
        assert_eq!(
            time_left(deadline, at("2026-06-05T11:00:00Z")),
            "overdue by 1 day 3 hours"
        );
        assert!(!time_left(Timestamp::MAX, Timestamp::MIN).is_empty());
    }

    /// The UK rule written out, independent of the zone file the app reads.
    fn uk() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule")
    }

    /// UTC seconds of a UTC civil time, by hand: days since 1970 from the calendar.
    fn utc(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> i64 {
        // Howard Hinnant's days-from-civil, an independent calendar computation.
        let y = if mo <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (mo + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days * 86_400 + h * 3600 + mi * 60
    }

    /// The clock-change instants (01:00 UTC, last Sunday of March and October), as
    /// published for 2026 and 2027.
    const CHANGES: [(i64, i64, i64); 4] =
        [(2026, 3, 29), (2026, 10, 25), (2027, 3, 28), (2027, 10, 31)];

    /// UK offset in hours at a UTC instant, from the change list alone.
    fn offset_by_hand(seconds: i64) -> i64 {
        let at = |i: usize| utc(CHANGES[i].0, CHANGES[i].1, CHANGES[i].2, 1, 0);
        let summer = (seconds >= at(0) && seconds < at(1)) || (seconds >= at(2) && seconds < at(3));
        i64::from(summer)
    }

    fn ts(seconds: i64) -> Timestamp {
        Timestamp::from_second(seconds).expect("in range")
    }

    #[test]
    fn across_the_spring_change_the_deadline_is_an_hour_later_on_the_clock() {
        // 09:00 GMT on Sat 28 March 2026 = 09:00 UTC; + 72 h = 09:00 UTC Tue 31 March
        // = 10:00 BST.
        let aware = parse_uk_local("2026-03-28 09:00", None, &uk()).expect("exists");
        assert_eq!(aware.as_second(), utc(2026, 3, 28, 9, 0));
        let deadline = report_deadline(aware);
        assert_eq!(deadline.as_second(), utc(2026, 3, 31, 9, 0));
        assert_eq!(uk_minute(deadline, &uk()), "2026-03-31 10:00");
        assert!(working(aware, &uk()).contains("clocks changed"));
    }

    #[test]
    fn across_the_autumn_change_the_deadline_is_an_hour_earlier_on_the_clock() {
        // 09:00 BST on Fri 23 Oct 2026 = 08:00 UTC; + 72 h = 08:00 UTC Mon 26 Oct = 08:00 GMT.
        let aware = parse_uk_local("2026-10-23 09:00", None, &uk()).expect("exists");
        assert_eq!(aware.as_second(), utc(2026, 10, 23, 8, 0));
        assert_eq!(uk_minute(report_deadline(aware), &uk()), "2026-10-26 08:00");
    }

    #[test]
    fn the_spring_gap_is_refused() {
        for text in ["2026-03-29 01:00", "2026-03-29 01:30", "2027-03-28 01:59"] {
            assert!(
                matches!(
                    parse_uk_local(text, None, &uk()),
                    Err(LocalTimeError::DoesNotExist(_))
                ),
                "{text}"
            );
            assert!(
                parse_uk_local(text, Some(Offset::UTC), &uk()).is_err(),
                "{text}"
            );
        }
        // Either side of the gap exists.
        assert!(parse_uk_local("2026-03-29 00:59", None, &uk()).is_ok());
        assert!(parse_uk_local("2026-03-29 02:00", None, &uk()).is_ok());
    }

    #[test]
    fn the_autumn_fold_needs_its_offset() {
        let text = "2026-10-25 01:30";
        let error = parse_uk_local(text, None, &uk()).expect_err("ambiguous");
        assert!(matches!(error, LocalTimeError::Ambiguous(_)));
        assert!(error.to_string().contains("+01:00") && error.to_string().contains("+00:00"));
        let first = parse_uk_local(text, Some(Offset::constant(1)), &uk()).expect("BST");
        let second = parse_uk_local(text, Some(Offset::UTC), &uk()).expect("GMT");
        assert_eq!(first.as_second(), utc(2026, 10, 25, 0, 30));
        assert_eq!(second.as_second(), utc(2026, 10, 25, 1, 30));
        assert_eq!(uk_minute(report_deadline(first), &uk()), "2026-10-28 00:30");
        assert_eq!(
            uk_minute(report_deadline(second), &uk()),
            "2026-10-28 01:30"
        );
        // An offset the UK did not have at an unambiguous time is refused.
        assert!(matches!(
            parse_uk_local("2026-07-01 12:00", Some(Offset::UTC), &uk()),
            Err(LocalTimeError::WrongOffset { .. })
        ));
        assert!(parse_uk_local("2026-07-01 12:00", Some(Offset::constant(1)), &uk()).is_ok());
    }

    #[test]
    fn malformed_times_are_refused() {
        for text in [
            "2026-07-01",
            "2026-07-01T12:00",
            "2026-07-01 12:00:00",
            "01/07/2026 12:00",
            "2026-02-30 12:00",
        ] {
            assert!(
                matches!(
                    parse_uk_local(text, None, &uk()),
                    Err(LocalTimeError::Malformed(_))
                ),
                "{text}"
            );
        }
        assert_eq!(parse_uk_offset("+01:00"), Ok(Offset::constant(1)));
        assert!(parse_uk_offset("+02:00").is_err());
    }

    proptest! {
        /// For every minute of 2026–2027 that the UK clock shows exactly once, parsing
        /// it and adding 72 hours agrees with the hand computation from the change list.
        #[test]
        fn deadline_matches_a_hand_computation(minute in 0_i64..(2 * 365 * 24 * 60)) {
            let utc_seconds = utc(2026, 1, 1, 0, 0) + minute * 60;
            let local_seconds = utc_seconds + offset_by_hand(utc_seconds) * 3600;
            let days = local_seconds.div_euclid(86_400);
            let local = ts(days * 86_400).to_zoned(TimeZone::UTC).date();
            let of_day = local_seconds.rem_euclid(86_400);
            let text = format!("{local} {:02}:{:02}", of_day / 3600, of_day % 3600 / 60);
            // The same wall time an hour earlier or later in UTC may also map to it
            // (the fold); those need an offset, checked separately above.
            let twice = [-3600, 3600].iter().any(|shift| {
                let other = utc_seconds + shift;
                other + offset_by_hand(other) * 3600 == local_seconds
            });
            let parsed = parse_uk_local(&text, None, &uk());
            if twice {
                prop_assert!(matches!(parsed, Err(LocalTimeError::Ambiguous(_))));
            } else {
                let aware = parsed.expect("a time the clock shows once");
                prop_assert_eq!(aware.as_second(), utc_seconds);
                let deadline = utc_seconds + 72 * 3600;
                prop_assert_eq!(report_deadline(aware).as_second(), deadline);
                let shown = deadline + offset_by_hand(deadline) * 3600;
                let day = ts(shown.div_euclid(86_400) * 86_400).to_zoned(TimeZone::UTC).date();
                let rest = shown.rem_euclid(86_400);
                prop_assert_eq!(
                    uk_minute(report_deadline(aware), &uk()),
                    format!("{day} {:02}:{:02}", rest / 3600, rest % 3600 / 60)
                );
            }
        }
    }
}
