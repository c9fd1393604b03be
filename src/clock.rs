//! Where "now" comes from. Nothing else in Smallprint reads the system time, so every
//! deadline, backup name and autosave decision can be tested with a fixed clock.

use std::{path::PathBuf, sync::OnceLock};

use jiff::{Timestamp, Zoned, civil::Date, tz::TimeZone};

/// A source of the current instant in UK local time.
pub trait Clock: Send + Sync {
    fn now(&self) -> Zoned;

    /// Today's civil date in the UK, the unit in which the law counts deadlines.
    fn today(&self) -> Date {
        self.now().date()
    }
}

/// The UK's daylight-saving rule since 1996 (GMT, and BST from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October), for systems without a
/// time-zone file.
const UK_POSIX_RULE: &str = "GMT0BST,M3.5.0/1,M10.5.0";

/// UK local time, read once per process.
///
/// Only the one zone file is read: asking jiff's database for a zone by name first lists
/// every zone on the system, which cost more than writing a whole notice as Markdown.
/// Without the file (Windows), the UK rule is built in; failing that, UTC (a deadline
/// counted in UTC is at most one hour off around midnight, never a day).
pub fn uk_time_zone() -> TimeZone {
    static UK: OnceLock<TimeZone> = OnceLock::new();
    UK.get_or_init(|| {
        let dir = std::env::var_os("TZDIR")
            .map_or_else(|| PathBuf::from("/usr/share/zoneinfo"), PathBuf::from);
        std::fs::read(dir.join("Europe").join("London"))
            .ok()
            .and_then(|bytes| TimeZone::tzif("Europe/London", &bytes).ok())
            .or_else(|| TimeZone::posix(UK_POSIX_RULE).ok())
            .unwrap_or(TimeZone::UTC)
    })
    .clone()
}

/// The real clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    #[allow(
        clippy::disallowed_methods,
        reason = "the one sanctioned read of the system time"
    )]
    fn now(&self) -> Zoned {
        Timestamp::now().to_zoned(uk_time_zone())
    }
}

/// A clock stopped at one instant, for tests and reproducible output.
#[derive(Debug, Clone)]
pub struct FixedClock(pub Zoned);

impl FixedClock {
    /// Noon UK time on `date`.
    pub fn at_date(date: Date) -> Self {
        let zoned = date
            .at(12, 0, 0, 0)
            .to_zoned(uk_time_zone())
            .unwrap_or_else(|_| Timestamp::UNIX_EPOCH.to_zoned(TimeZone::UTC));
        Self(zoned)
    }
}

impl Clock for FixedClock {
    fn now(&self) -> Zoned {
        self.0.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_uk_zone_and_its_built_in_rule_agree_on_summer_and_winter() {
        let rule = TimeZone::posix(UK_POSIX_RULE).expect("the rule parses");
        for (instant, hours) in [
            ("2026-01-15T12:00:00Z", 0),
            ("2026-03-29T00:59:59Z", 0),
            ("2026-03-29T01:00:00Z", 1),
            ("2026-07-01T23:30:00Z", 1),
            ("2026-10-25T00:59:59Z", 1),
            ("2026-10-25T01:00:00Z", 0),
        ] {
            let at: Timestamp = instant.parse().expect("instant");
            for zone in [&rule, &uk_time_zone()] {
                assert_eq!(
                    zone.to_offset(at).seconds(),
                    hours * 3600,
                    "{instant} in {zone:?}"
                );
            }
        }
        // Half past midnight UTC on a summer night is already tomorrow in the UK.
        let late: Timestamp = "2026-07-01T23:30:00Z".parse().expect("instant");
        assert_eq!(late.to_zoned(uk_time_zone()).date(), date(2026, 7, 2));
    }

    #[test]
    fn fixed_clock_reports_its_date() {
        let clock = FixedClock::at_date(date(2026, 1, 31));
        assert_eq!(clock.today(), date(2026, 1, 31));
        assert_eq!(clock.now().hour(), 12);
    }
}
