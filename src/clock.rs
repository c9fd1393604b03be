//! Where "now" comes from. Nothing else in Smallprint reads the system time, so every
//! deadline, backup name and autosave decision can be tested with a fixed clock.

use jiff::{Timestamp, Zoned, civil::Date, tz::TimeZone};

/// A source of the current instant in UK local time.
pub trait Clock: Send + Sync {
    fn now(&self) -> Zoned;

    /// Today's civil date in the UK, the unit in which the law counts deadlines.
    fn today(&self) -> Date {
        self.now().date()
    }
}

/// UK local time, falling back to UTC when the time-zone database is unavailable
/// (a deadline counted in UTC is at most one hour off around midnight, never a day).
fn uk_time_zone() -> TimeZone {
    TimeZone::get("Europe/London").unwrap_or(TimeZone::UTC)
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
    fn fixed_clock_reports_its_date() {
        let clock = FixedClock::at_date(date(2026, 1, 31));
        assert_eq!(clock.today(), date(2026, 1, 31));
        assert_eq!(clock.now().hour(), 12);
    }
}
