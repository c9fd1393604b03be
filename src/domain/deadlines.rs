//! When a rights request must be answered, counted the ICO's way, with the working.
//!
//! The rule (facts §1.2–1.6, Appendix A):
//! - the clock starts on the latest of the day the request, the identity or authority
//!   asked for, or a permitted fee arrived — each of those restarts it;
//! - the deadline is the same date one calendar month later, or that month's last day
//!   when it has no such date (three months when extended);
//! - each clarification pause adds the days from the day asked to the day answered,
//!   inclusive (Smallprint's reading of UK GDPR Art. 12A; the ICO gives no example);
//! - a deadline on a Saturday, Sunday or bank holiday of the shop's nation moves to the
//!   next working day;
//! - a complaint (DPA 2018 s.164A) must be acknowledged within 30 days counted from the
//!   day after receipt, rolled forward the same way.

use jiff::{
    Span,
    civil::{Date, Weekday},
};

use super::{holidays::Holidays, organisation::Nation};

/// The ICO's suggested fixed internal target, which always falls inside a month.
pub const INTERNAL_TARGET_DAYS: i32 = 28;
/// Days to acknowledge a complaint, counted from the day after receipt.
pub const COMPLAINT_ACKNOWLEDGEMENT_DAYS: i32 = 30;

/// A clarification episode: the clock stops from the day the shop asked until the day
/// the requester answered, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub asked: Date,
    /// `None` while the shop is still waiting: the clock stays stopped up to today.
    pub answered: Option<Date>,
}

/// Everything that moves a rights request's deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClockEvents {
    pub received: Date,
    pub identity_received: Option<Date>,
    pub fee_received: Option<Date>,
    pub pauses: Vec<Pause>,
    pub extended: bool,
}

/// A computed due date with its working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The end of this day is the legal deadline.
    pub due: Date,
    /// The day the clock (re)started.
    pub start: Date,
    /// When extended: the day by which the requester must have been told (the
    /// one-month deadline, paused days included).
    pub tell_by: Option<Date>,
    /// The ICO's optional internal target: 28 days from the start, plus paused days.
    pub internal_target: Option<Date>,
    pub paused_days: i32,
    /// True while a clarification is unanswered: the date moves on each day.
    pub provisional: bool,
    /// The steps, in words: "Received Sat 31 Jan 2026", "one month: Sat 28 Feb 2026
    /// (February has no 31st)", "weekend → next working day Mon 2 Mar 2026".
    pub steps: Vec<String>,
}

impl Deadline {
    /// The working as one line: the steps joined by arrows.
    pub fn working(&self) -> String {
        self.steps.join(" → ")
    }

    /// Days from `today` to the due date: negative once overdue.
    pub fn days_left(&self, today: Date) -> i32 {
        days_between(today, self.due)
    }
}

pub fn days_between(from: Date, to: Date) -> i32 {
    (to - from).get_days()
}

/// "Sat 31 Jan 2026".
pub fn short_date(date: Date) -> String {
    date.strftime("%a %-d %b %Y").to_string()
}

fn month_name(year: i16, month: i8) -> String {
    Date::new(year, month, 1).map_or_else(|_| month.to_string(), |d| d.strftime("%B").to_string())
}

fn ordinal(day: i8) -> String {
    let suffix = match (day % 10, day % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{day}{suffix}")
}

/// `start` plus `months` calendar months, clamped to the month's last day, with the
/// words for the clamp when it happened.
fn add_months(start: Date, months: i32) -> (Date, Option<String>) {
    // jiff clamps to the last day of the month, as the ICO does.
    let end = start
        .checked_add(Span::new().months(months))
        .unwrap_or(Date::MAX);
    let clamp = (end.day() != start.day()).then(|| {
        format!(
            "{} has no {}",
            month_name(end.year(), end.month()),
            ordinal(start.day())
        )
    });
    (end, clamp)
}

fn add_days(date: Date, days: i32) -> Date {
    date.checked_add(Span::new().days(days))
        .unwrap_or(Date::MAX)
}

/// Moves `date` to the next working day of `nation`, saying why in `steps`.
fn roll_forward(date: Date, nation: Nation, holidays: &Holidays, steps: &mut Vec<String>) -> Date {
    let mut reasons: Vec<String> = Vec::new();
    let mut day = date;
    loop {
        let holiday = holidays.on(nation, day);
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        if !weekend && holiday.is_none() {
            break;
        }
        let reason = match holiday {
            Some(holiday) if holiday.computed => {
                format!(
                    "{} (bank holiday in {nation}, worked out from the rules: computed)",
                    holiday.title
                )
            }
            Some(holiday) => format!("{} (bank holiday in {nation})", holiday.title),
            None => "weekend".to_owned(),
        };
        if !reasons.contains(&reason) {
            reasons.push(reason);
        }
        day = add_days(day, 1);
    }
    if day != date {
        steps.push(format!(
            "{} → next working day {}",
            reasons.join(" and "),
            short_date(day)
        ));
    }
    day
}

/// When a rights request must be answered. `today` bounds a pause still waiting for
/// an answer.
pub fn rights_deadline(
    events: &ClockEvents,
    nation: Nation,
    holidays: &Holidays,
    today: Date,
) -> Deadline {
    let mut steps = vec![format!("Received {}", short_date(events.received))];
    let mut start = events.received;
    for (what, arrived) in [
        ("identity or authority received", events.identity_received),
        ("fee received", events.fee_received),
    ] {
        if let Some(arrived) = arrived.filter(|day| *day > start) {
            steps.push(format!(
                "{what} {}: the month restarts",
                short_date(arrived)
            ));
            start = arrived;
        }
    }

    // Pauses only count once the (latest) clock has started, and a day paused twice
    // (overlapping episodes typed into the CLI) is still one day.
    let mut provisional = false;
    let mut spans: Vec<(Date, Date, &Pause)> = Vec::new();
    for pause in &events.pauses {
        let answered = pause.answered.unwrap_or_else(|| {
            provisional = true;
            today.max(pause.asked)
        });
        let first = pause.asked.max(start);
        if answered >= first {
            spans.push((first, answered, pause));
        }
    }
    spans.sort_by_key(|(first, last, _)| (*first, *last));
    let mut paused_days = 0;
    let mut counted_until: Option<Date> = None;
    let mut pause_words = Vec::new();
    for (first, last, pause) in spans {
        let from = match counted_until {
            Some(until) if until >= first => add_days(until, 1),
            _ => first,
        };
        if from > last {
            continue;
        }
        let days = days_between(from, last) + 1;
        paused_days += days;
        counted_until = Some(counted_until.map_or(last, |until| until.max(last)));
        let plural = if days == 1 { "" } else { "s" };
        pause_words.push(match pause.answered {
            Some(_) => format!(
                "{days} day{plural} paused for clarification ({} to {})",
                short_date(from),
                short_date(last)
            ),
            None => format!(
                "{days} day{plural} paused so far: clarification asked {} and not yet answered",
                short_date(pause.asked)
            ),
        });
    }

    let month_deadline = |steps: &mut Vec<String>, months: i32, label: &str| {
        let (base, clamp) = add_months(start, months);
        steps.push(match clamp {
            Some(clamp) => format!("{label}: {} ({clamp})", short_date(base)),
            None => format!("{label}: {}", short_date(base)),
        });
        let mut date = base;
        if paused_days > 0 {
            date = add_days(base, paused_days);
            steps.push(format!(
                "+ {}: {}",
                pause_words.join(", "),
                short_date(date)
            ));
        }
        roll_forward(date, nation, holidays, steps)
    };

    let (due, tell_by) = if events.extended {
        let mut tell_steps = Vec::new();
        let tell_by = month_deadline(&mut tell_steps, 1, "one month");
        let due = month_deadline(&mut steps, 3, "extended to three months");
        steps.push(format!(
            "tell the requester of the extension by {}",
            short_date(tell_by)
        ));
        (due, Some(tell_by))
    } else {
        (month_deadline(&mut steps, 1, "one month"), None)
    };

    Deadline {
        due,
        start,
        tell_by,
        internal_target: Some(add_days(start, INTERNAL_TARGET_DAYS + paused_days)),
        paused_days,
        provisional,
        steps,
    }
}

/// When a complaint must be acknowledged (DPA 2018 s.164A, counted as the ICO does).
pub fn complaint_acknowledgement(received: Date, nation: Nation, holidays: &Holidays) -> Deadline {
    let base = add_days(received, COMPLAINT_ACKNOWLEDGEMENT_DAYS);
    let mut steps = vec![
        format!("Complaint received {}", short_date(received)),
        format!("30 days from the day after: {}", short_date(base)),
    ];
    let due = roll_forward(base, nation, holidays, &mut steps);
    Deadline {
        due,
        start: received,
        tell_by: None,
        internal_target: None,
        paused_days: 0,
        provisional: false,
        steps,
    }
}

/// When the shop must tell the requester of an extension, if it has not: the one-month
/// deadline of the same clock.
pub fn extension_tell_by(
    events: &ClockEvents,
    nation: Nation,
    holidays: &Holidays,
    today: Date,
) -> Date {
    let unextended = ClockEvents {
        extended: false,
        ..events.clone()
    };
    rights_deadline(&unextended, nation, holidays, today).due
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn due(received: Date) -> Deadline {
        let events = ClockEvents {
            received,
            ..ClockEvents::default()
        };
        rights_deadline(
            &events,
            Nation::EnglandAndWales,
            Holidays::shipped(),
            received,
        )
    }

    #[test]
    fn the_icos_worked_examples() {
        assert_eq!(due(date(2024, 9, 3)).due, date(2024, 10, 3));
        assert_eq!(due(date(2025, 3, 31)).due, date(2025, 4, 30));
        assert_eq!(due(date(2025, 1, 31)).due, date(2025, 2, 28));
        assert_eq!(due(date(2024, 1, 31)).due, date(2024, 2, 29), "leap year");
        assert_eq!(
            due(date(2024, 1, 1)).due,
            date(2024, 2, 1),
            "received on a bank holiday"
        );
        assert_eq!(
            due(date(2024, 11, 25)).due,
            date(2024, 12, 27),
            "over Christmas"
        );
    }

    #[test]
    fn the_working_reads_as_the_issue_describes() {
        let deadline = due(date(2026, 1, 31));
        assert_eq!(
            deadline.working(),
            "Received Sat 31 Jan 2026 → one month: Sat 28 Feb 2026 (February has no 31st) → \
             weekend → next working day Mon 2 Mar 2026"
        );
    }

    #[test]
    fn identity_restarts_and_clarification_pauses() {
        let holidays = Holidays::shipped();
        let events = ClockEvents {
            received: date(2026, 3, 2),
            identity_received: Some(date(2026, 3, 9)),
            pauses: vec![Pause {
                asked: date(2026, 3, 16),
                answered: Some(date(2026, 3, 19)),
            }],
            ..ClockEvents::default()
        };
        let deadline = rights_deadline(
            &events,
            Nation::EnglandAndWales,
            holidays,
            date(2026, 3, 20),
        );
        assert_eq!(deadline.start, date(2026, 3, 9));
        assert_eq!(deadline.paused_days, 4);
        // 9 Apr + 4 days = Mon 13 Apr 2026 (Easter Monday is 6 Apr, already passed).
        assert_eq!(deadline.due, date(2026, 4, 13));
        assert!(
            deadline.working().contains("the month restarts"),
            "{}",
            deadline.working()
        );
        assert!(
            deadline.working().contains("4 days paused"),
            "{}",
            deadline.working()
        );
    }

    #[test]
    fn overlapping_pauses_count_each_day_once() {
        let pause = |asked, answered| Pause {
            asked,
            answered: Some(answered),
        };
        let events = ClockEvents {
            received: date(2025, 7, 1),
            pauses: vec![
                pause(date(2025, 7, 3), date(2025, 7, 7)),
                pause(date(2025, 7, 2), date(2025, 7, 4)),
            ],
            ..ClockEvents::default()
        };
        let deadline = rights_deadline(
            &events,
            Nation::EnglandAndWales,
            Holidays::shipped(),
            date(2025, 7, 8),
        );
        assert_eq!(deadline.paused_days, 6, "2 to 7 July");
    }

    #[test]
    fn an_unanswered_clarification_keeps_the_clock_stopped_up_to_today() {
        let events = ClockEvents {
            received: date(2026, 3, 2),
            pauses: vec![Pause {
                asked: date(2026, 3, 10),
                answered: None,
            }],
            ..ClockEvents::default()
        };
        let deadline = rights_deadline(
            &events,
            Nation::EnglandAndWales,
            Holidays::shipped(),
            date(2026, 3, 12),
        );
        assert!(deadline.provisional);
        assert_eq!(deadline.paused_days, 3);
        assert_eq!(
            deadline.due,
            date(2026, 4, 7),
            "2 Apr + 3 = Sun 5 Apr → Easter Monday → Tue 7 Apr"
        );
    }

    #[test]
    fn an_extension_gives_three_months_and_a_tell_by_date() {
        let events = ClockEvents {
            received: date(2026, 5, 29),
            extended: true,
            ..ClockEvents::default()
        };
        let deadline = rights_deadline(
            &events,
            Nation::Scotland,
            Holidays::shipped(),
            date(2026, 6, 1),
        );
        // One month: Mon 29 Jun. Three months: Sat 29 Aug → Mon 31 Aug (a working day
        // in Scotland, whose summer holiday is the first Monday of August).
        assert_eq!(deadline.tell_by, Some(date(2026, 6, 29)));
        assert_eq!(deadline.due, date(2026, 8, 31));
        let england = rights_deadline(
            &events,
            Nation::EnglandAndWales,
            Holidays::shipped(),
            date(2026, 6, 1),
        );
        assert_eq!(
            england.due,
            date(2026, 9, 1),
            "Mon 31 Aug is England's summer bank holiday"
        );
    }

    #[test]
    fn nations_and_one_off_holidays() {
        let holidays = Holidays::shipped();
        let events = |received| ClockEvents {
            received,
            ..ClockEvents::default()
        };
        // Scotland's one-off World Cup holiday, Mon 15 Jun 2026.
        let scottish = rights_deadline(
            &events(date(2026, 5, 15)),
            Nation::Scotland,
            holidays,
            date(2026, 5, 15),
        );
        assert_eq!(scottish.due, date(2026, 6, 16));
        assert!(
            scottish.working().contains("bank holiday in Scotland"),
            "{}",
            scottish.working()
        );
        let english = rights_deadline(
            &events(date(2026, 5, 15)),
            Nation::EnglandAndWales,
            holidays,
            date(2026, 5, 15),
        );
        assert_eq!(english.due, date(2026, 6, 15));
        // St Patrick's Day in Northern Ireland only.
        let ni = rights_deadline(
            &events(date(2027, 2, 17)),
            Nation::NorthernIreland,
            holidays,
            date(2027, 2, 17),
        );
        assert_eq!(ni.due, date(2027, 3, 18));
        // Boxing Day substitute, 2026 (Boxing Day is a Saturday).
        let christmas = rights_deadline(
            &events(date(2026, 11, 26)),
            Nation::EnglandAndWales,
            holidays,
            date(2026, 11, 26),
        );
        assert_eq!(christmas.due, date(2026, 12, 29));
        // 2022 Platinum Jubilee: Thu 2 and Fri 3 June.
        let jubilee = rights_deadline(
            &events(date(2022, 5, 2)),
            Nation::EnglandAndWales,
            holidays,
            date(2022, 5, 2),
        );
        assert_eq!(jubilee.due, date(2022, 6, 6));
        // Outside the shipped data the rules are used, and the working says so.
        let future = rights_deadline(
            &events(date(2030, 11, 25)),
            Nation::EnglandAndWales,
            holidays,
            date(2030, 11, 25),
        );
        assert_eq!(future.due, date(2030, 12, 27));
        assert!(
            future.working().contains("computed"),
            "{}",
            future.working()
        );
    }

    #[test]
    fn complaint_acknowledgement_counts_from_the_day_after() {
        let ack = complaint_acknowledgement(
            date(2026, 7, 1),
            Nation::EnglandAndWales,
            Holidays::shipped(),
        );
        assert_eq!(ack.due, date(2026, 7, 31));
        let rolled = complaint_acknowledgement(
            date(2026, 7, 2),
            Nation::EnglandAndWales,
            Holidays::shipped(),
        );
        assert_eq!(rolled.due, date(2026, 8, 3), "Sat 1 Aug rolls to Mon 3 Aug");
    }
}
