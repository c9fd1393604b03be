//! When a rights request must be answered, counted the ICO's way, with the working.
//!
//! The rule (facts §1.2–1.6, Appendix A):
//! - the clock starts on the latest of the day the request, the identity or authority
//!   asked for, or a permitted fee arrived — each of those restarts it, and while one
//!   is awaited the clock is stopped: there is no due date until it arrives;
//! - the deadline is the same date one calendar month later, or that month's last day
//!   when it has no such date (three months when extended);
//! - a clarification stops the clock from the day asked to the day answered, both
//!   included (Smallprint's reading of UK GDPR Art. 12A; the ICO gives no example): the
//!   days of the period not used when it stopped remain when the answer arrives, so the
//!   date moves back by the days stopped. A clarification asked on or after the due
//!   date stops nothing: the time had run out;
//! - a deadline on a Saturday, Sunday or bank holiday of the shop's nation moves to the
//!   next working day;
//! - a complaint (DPA 2018 s.164A, from 19 June 2026) must be acknowledged within 30
//!   days counted from the day after receipt, rolled forward the same way;
//! - "play safe" (facts §1.2 FLAG, a setting): "one month beginning with" the start
//!   read as counting the start as day one, which ends every period a day earlier.

use std::fmt;

use jiff::{
    Span,
    civil::{Date, Weekday, date},
};

use super::{holidays::Holidays, organisation::Nation};

/// The ICO's suggested fixed internal target, which always falls inside a month.
pub const INTERNAL_TARGET_DAYS: i32 = 28;
/// Days to acknowledge a complaint, counted from the day after receipt.
pub const COMPLAINT_ACKNOWLEDGEMENT_DAYS: i32 = 30;
/// The day the duty to acknowledge complaints (DPA 2018 s.164A, inserted by DUAA
/// s.103) began (facts §1.6). A complaint received earlier has no statutory date.
pub const COMPLAINT_DUTY_STARTS: Date = date(2026, 6, 19);

/// How one workspace counts its deadlines: whose bank holidays, and which reading.
#[derive(Debug, Clone, Copy)]
pub struct Counting<'a> {
    pub nation: Nation,
    pub holidays: &'a Holidays,
    /// The "play safe" reading (facts §1.2 FLAG): the start counted as the first day
    /// of "one month beginning with" it, so every period ends one day earlier.
    pub play_safe: bool,
}

impl<'a> Counting<'a> {
    /// The ICO's reading, as its guidance counts.
    pub fn ico(nation: Nation, holidays: &'a Holidays) -> Self {
        Self {
            nation,
            holidays,
            play_safe: false,
        }
    }
}

/// A clarification episode: the clock stops from the day the shop asked until the day
/// the requester answered, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pause {
    pub asked: Date,
    /// `None` while the shop is still waiting: the clock is stopped.
    pub answered: Option<Date>,
}

/// Everything that moves a rights request's deadline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClockEvents {
    pub received: Date,
    /// The day the shop asked for proof of identity or authority. While it has not
    /// arrived (`identity_received` is `None` or earlier) the clock is stopped.
    pub identity_requested: Option<Date>,
    pub identity_received: Option<Date>,
    /// The day the shop asked for a permitted fee; stops the clock like identity.
    pub fee_requested: Option<Date>,
    pub fee_received: Option<Date>,
    pub pauses: Vec<Pause>,
    pub extended: bool,
}

/// What the clock waits for while it is stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StopReason {
    /// Proof of identity or of authority to act for someone: a full month restarts.
    Identity,
    /// A permitted fee: a full month restarts.
    Fee,
    /// An answer to a clarification: the days left when it stopped remain.
    Clarification,
}

/// A stopped clock: why, since when, and what restarts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub reason: StopReason,
    /// The day the shop asked, from which the clock is stopped.
    pub since: Date,
    /// For a clarification: the days of the period that will remain when the answer
    /// arrives, counted from the day after it arrives. Fixed when the clock stopped
    /// (the days not yet used then), so it never changes while waiting. `None` when
    /// a full month starts on arrival (identity, authority or a fee).
    pub remaining_days: Option<i32>,
    /// For a clarification: the due date the clock had when it stopped, for "we were
    /// due to reply by…". `None` for identity or a fee.
    pub was_due: Option<Date>,
}

impl Stopped {
    /// What the screens, the CLI and the letters say instead of a due date:
    /// "Waiting for proof of identity since Tue 3 Mar 2026: a full month starts when
    /// it arrives"; "Clarification asked on Tue 3 Feb 2026: 3 days will remain when
    /// the reply arrives".
    pub fn message(&self) -> String {
        let since = short_date(self.since);
        match self.reason {
            StopReason::Identity => {
                format!(
                    "Waiting for proof of identity since {since}: a full month starts when it arrives"
                )
            }
            StopReason::Fee => {
                format!("Waiting for the fee since {since}: a full month starts when it arrives")
            }
            StopReason::Clarification => format!(
                "Clarification asked on {since}: {}",
                remaining_words(self.remaining_days.unwrap_or(0))
            ),
        }
    }
}

fn remaining_words(days: i32) -> String {
    match days {
        ..=0 => {
            "no days will remain when the reply arrives: the day it arrives will be the last day"
                .to_owned()
        }
        1 => "1 day will remain when the reply arrives".to_owned(),
        days => format!("{days} days will remain when the reply arrives"),
    }
}

/// Whether the request has a date to act by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockState {
    /// The clock runs: [`Deadline::due`] is the date to act by.
    Running,
    /// The clock is stopped while the shop waits for the requester: no due date.
    Stopped(Stopped),
    /// No statutory date applies: a complaint received before s.164A began.
    NoStatutoryDate,
    /// A complaint acknowledged on this day: no further statutory date (s.164A asks the
    /// shop to look into it, keep the complainant updated and give the outcome without
    /// undue delay).
    Acknowledged(Date),
}

impl ClockState {
    /// What to show instead of a date, when there is none.
    pub fn message(&self) -> Option<String> {
        match self {
            ClockState::Running => None,
            ClockState::Stopped(stopped) => Some(stopped.message()),
            ClockState::NoStatutoryDate => Some(NO_ACKNOWLEDGEMENT_DATE.to_owned()),
            ClockState::Acknowledged(on) => Some(format!(
                "Acknowledged on {}: no further statutory date — look into it, keep them updated and tell them the outcome without undue delay (DPA 2018 s.164A)",
                short_date(*on)
            )),
        }
    }
}

/// Said of a complaint received before the duty to acknowledge began.
pub const NO_ACKNOWLEDGEMENT_DATE: &str = "No statutory acknowledgement date: the complaint came before 19 June 2026, when the duty to acknowledge complaints within 30 days began";

/// A computed due date with its working.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    /// The end of this day is the legal deadline — only while [`Self::state`] is
    /// `Running` (see [`Self::due_date`]). While the clock is stopped it is the earliest
    /// the date can become (what is awaited arriving the day the clock stopped); for a
    /// complaint with no statutory date, the day it arrived. It never moves with today.
    pub due: Date,
    /// The day the clock (re)started.
    pub start: Date,
    /// When extended: the day by which the requester must have been told (the
    /// one-month deadline, paused days included).
    pub tell_by: Option<Date>,
    /// The ICO's optional internal target: 28 days from the start, plus paused days,
    /// moved to a working day like the due date. `None` while stopped.
    pub internal_target: Option<Date>,
    pub paused_days: i32,
    /// Always false: a clarification still unanswered now stops the clock (see
    /// [`Self::state`]) rather than giving a date that moves each day.
    pub provisional: bool,
    /// The steps, in words: "Received Sat 31 Jan 2026", "one month: Sat 28 Feb 2026
    /// (February has no 31st)", "weekend → next working day Mon 2 Mar 2026".
    pub steps: Vec<String>,
    /// The internal target's steps, in words.
    pub target_steps: Vec<String>,
    /// Running, stopped (and why), or no statutory date.
    pub state: ClockState,
}

impl Deadline {
    /// The working as one line: the steps joined by arrows.
    pub fn working(&self) -> String {
        self.steps.join(" → ")
    }

    /// The internal target's working as one line.
    pub fn target_working(&self) -> String {
        self.target_steps.join(" → ")
    }

    /// The date to act by, or `None` while the clock is stopped or no date applies.
    pub fn due_date(&self) -> Option<Date> {
        matches!(self.state, ClockState::Running).then_some(self.due)
    }

    /// Why the clock is stopped, while it is.
    pub fn stopped(&self) -> Option<&Stopped> {
        match &self.state {
            ClockState::Stopped(stopped) => Some(stopped),
            _ => None,
        }
    }

    /// Days from `today` to the due date: negative once overdue. Meaningful only
    /// while the clock runs (see [`Self::due_date`]).
    pub fn days_left(&self, today: Date) -> i32 {
        days_between(today, self.due)
    }
}

impl fmt::Display for Deadline {
    /// The date as YYYY-MM-DD, or "paused" while the clock is stopped, or "none".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.state {
            ClockState::Running => write!(f, "{}", self.due),
            ClockState::Stopped(_) => f.write_str("paused"),
            ClockState::NoStatutoryDate => f.write_str("none"),
            ClockState::Acknowledged(_) => f.write_str("acknowledged"),
        }
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

fn plural(days: i32) -> &'static str {
    if days == 1 { "" } else { "s" }
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
        .unwrap_or(if days < 0 { Date::MIN } else { Date::MAX })
}

/// The words of the "play safe" step.
const PLAY_SAFE: &str =
    "play safe (the start counted as day one, the “beginning with” reading): one day earlier";

/// Moves `date` to the next working day of the nation, saying why in `steps`, each
/// holiday named with its source.
fn roll_forward(date: Date, counting: Counting, steps: &mut Vec<String>) -> Date {
    let nation = counting.nation;
    let mut reasons: Vec<String> = Vec::new();
    let mut day = date;
    loop {
        let holiday = counting.holidays.on(nation, day);
        let weekend = matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday);
        if !weekend && holiday.is_none() {
            break;
        }
        let reason = match holiday {
            Some(holiday) => format!(
                "{}, bank holiday in {nation} ({})",
                holiday.title,
                holiday.source.describe()
            ),
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

/// The next working day on or after `date`, without the words.
fn next_working_day(date: Date, counting: Counting) -> Date {
    roll_forward(date, counting, &mut Vec::new())
}

/// One period of the clock (the month, the extended three months or the 28-day
/// target) run through the clarification pauses.
struct Period {
    /// The last day before the weekend/holiday roll, pauses included.
    end: Date,
    paused_days: i32,
    /// An unanswered clarification: the clock is stopped.
    open: Option<Stopped>,
}

/// Runs the pauses over a period that started on `start` and, unpaused, ends on
/// `end`. Each pause counts from the day asked (or the day the clock started, or the
/// day after an overlapping pause) to the day answered; the days of the period not
/// used when it stopped remain after the answer. A pause asked on or after the due
/// date the period has reached is ignored, and the working says why.
fn run_pauses(
    start: Date,
    mut end: Date,
    pauses: &[Pause],
    counting: Counting,
    what: &str,
    steps: &mut Vec<String>,
) -> Period {
    let mut sorted: Vec<Pause> = pauses.to_vec();
    sorted.sort_by_key(|p| (p.asked, p.answered.unwrap_or(Date::MAX)));
    let mut paused_days = 0;
    let mut counted_until: Option<Date> = None;
    for pause in sorted {
        let first = pause.asked.max(start);
        if pause.answered.is_some_and(|answered| answered < first) {
            // Over before the clock (re)started.
            continue;
        }
        let from = match counted_until {
            Some(until) if until >= first => add_days(until, 1),
            _ => first,
        };
        let due_so_far = next_working_day(end, counting);
        // Whether it came in time turns on the day it was asked, not on the first day
        // an overlapping pause left to count: a clarification asked the day the last
        // one was answered still stops the clock.
        if first >= due_so_far {
            // Said once, in the due date's working; the target's stays short.
            if what == "due date" {
                steps.push(format!(
                "clarification asked {} is on or after the {what} {}: it does not move the date (the time had already run out)",
                    short_date(pause.asked),
                    short_date(due_so_far)
                ));
            }
            continue;
        }
        if pause.answered.is_some_and(|answered| answered < from) {
            // Every day of it already counted in an overlapping pause.
            continue;
        }
        // The days from `from` to the period's last day had not been used.
        let remaining = (days_between(from, end) + 1).max(0);
        let Some(answered) = pause.answered else {
            steps.push(format!(
                "clarification asked {}, not yet answered: the clock is stopped; {} (the days from asking to the answer do not count)",
                short_date(pause.asked),
                remaining_words(remaining)
            ));
            return Period {
                end,
                paused_days,
                open: Some(Stopped {
                    reason: StopReason::Clarification,
                    since: pause.asked,
                    remaining_days: Some(remaining),
                    was_due: Some(due_so_far),
                }),
            };
        };
        let days = days_between(from, answered) + 1;
        paused_days += days;
        counted_until = Some(counted_until.map_or(answered, |until| until.max(answered)));
        end = add_days(answered, remaining);
        steps.push(if remaining > 0 {
            format!(
                "+ {days} day{} paused for clarification ({} to {}): {}",
                plural(days),
                short_date(from),
                short_date(answered),
                short_date(end)
            )
        } else {
            format!(
                "clarification asked {} with no days of the period left, answered {}: that day is the last day",
                short_date(from),
                short_date(answered)
            )
        });
    }
    Period {
        end,
        paused_days,
        open: None,
    }
}

/// The day something asked for was asked, while it has not arrived since.
fn awaited(requested: Option<Date>, received: Option<Date>) -> Option<Date> {
    let asked = requested?;
    match received {
        Some(arrived) if arrived >= asked => None,
        _ => Some(asked),
    }
}

/// A month (or three) from `start`, play safe applied, with the words.
fn period_end(
    start: Date,
    months: i32,
    label: &str,
    counting: Counting,
    steps: &mut Vec<String>,
) -> Date {
    let (base, clamp) = add_months(start, months);
    steps.push(match clamp {
        Some(clamp) => format!("{label}: {} ({clamp})", short_date(base)),
        None => format!("{label}: {}", short_date(base)),
    });
    if counting.play_safe {
        let earlier = add_days(base, -1);
        steps.push(format!("{PLAY_SAFE}: {}", short_date(earlier)));
        earlier
    } else {
        base
    }
}

/// When a rights request must be answered, or why there is no date yet.
#[expect(
    clippy::too_many_lines,
    reason = "the ICO's method step by step, each step adding its line of working"
)]
pub fn response_deadline(events: &ClockEvents, counting: Counting) -> Deadline {
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

    // Waiting for identity, authority or a fee: the month has not started.
    let waiting = [
        (
            StopReason::Identity,
            awaited(events.identity_requested, events.identity_received),
            "proof of identity or authority",
        ),
        (
            StopReason::Fee,
            awaited(events.fee_requested, events.fee_received),
            "the fee",
        ),
    ]
    .into_iter()
    .find_map(|(reason, since, what)| since.map(|since| (reason, since, what)));
    if let Some((reason, since, what)) = waiting {
        steps.push(format!(
            "asked for {what} {}, not yet received: the clock is stopped, and a full month starts when it arrives",
            short_date(since)
        ));
        // The earliest the date can be: what is awaited arriving the day it was asked.
        let mut arrives_at_once = ClockEvents {
            identity_requested: None,
            fee_requested: None,
            pauses: Vec::new(),
            ..events.clone()
        };
        match reason {
            StopReason::Fee => arrives_at_once.fee_received = Some(since),
            StopReason::Identity | StopReason::Clarification => {
                arrives_at_once.identity_received = Some(since);
            }
        }
        let earliest = response_deadline(&arrives_at_once, counting);
        return Deadline {
            due: earliest.due,
            start,
            tell_by: None,
            internal_target: None,
            paused_days: 0,
            provisional: false,
            steps,
            target_steps: Vec::new(),
            state: ClockState::Stopped(Stopped {
                reason,
                since,
                remaining_days: None,
                was_due: None,
            }),
        };
    }

    let month_deadline = |steps: &mut Vec<String>, months: i32, label: &str| {
        let end = period_end(start, months, label, counting, steps);
        let period = run_pauses(start, end, &events.pauses, counting, "due date", steps);
        let rolled = if period.open.is_some() {
            period.end
        } else {
            roll_forward(period.end, counting, steps)
        };
        (rolled, period)
    };

    let (due, period, tell_by) = if events.extended {
        let mut tell_steps = Vec::new();
        let (tell_by, _) = month_deadline(&mut tell_steps, 1, "one month");
        let (due, period) = month_deadline(&mut steps, 3, "extended to three months");
        if period.open.is_none() {
            steps.push(format!(
                "tell the requester of the extension by {}",
                short_date(tell_by)
            ));
        }
        (due, period, Some(tell_by))
    } else {
        let (due, period) = month_deadline(&mut steps, 1, "one month");
        (due, period, None)
    };

    if let Some(stopped) = period.open {
        // The earliest the date can be: the answer arriving the day it was asked.
        let remaining = stopped.remaining_days.unwrap_or(0);
        let earliest = next_working_day(add_days(stopped.since.max(start), remaining), counting);
        return Deadline {
            due: earliest,
            start,
            tell_by: None,
            internal_target: None,
            paused_days: period.paused_days,
            provisional: false,
            steps,
            target_steps: Vec::new(),
            state: ClockState::Stopped(stopped),
        };
    }

    let mut target_steps = Vec::new();
    let target = internal_target(start, &events.pauses, counting, &mut target_steps);
    Deadline {
        due,
        start,
        tell_by,
        internal_target: Some(target),
        paused_days: period.paused_days,
        provisional: false,
        steps,
        target_steps,
        state: ClockState::Running,
    }
}

/// The ICO's optional 28-day target, through the same pauses, on a working day.
fn internal_target(
    start: Date,
    pauses: &[Pause],
    counting: Counting,
    steps: &mut Vec<String>,
) -> Date {
    let base = add_days(start, INTERNAL_TARGET_DAYS);
    steps.push(format!(
        "{INTERNAL_TARGET_DAYS} days from {}: {}",
        short_date(start),
        short_date(base)
    ));
    let base = if counting.play_safe {
        let earlier = add_days(base, -1);
        steps.push(format!("{PLAY_SAFE}: {}", short_date(earlier)));
        earlier
    } else {
        base
    };
    let period = run_pauses(start, base, pauses, counting, "target", steps);
    roll_forward(period.end, counting, steps)
}

/// When a rights request must be answered, the ICO's way. `today` is not used: a
/// clock waiting for an answer is stopped and gives no date (see [`ClockState`]).
pub fn rights_deadline(
    events: &ClockEvents,
    nation: Nation,
    holidays: &Holidays,
    _today: Date,
) -> Deadline {
    response_deadline(events, Counting::ico(nation, holidays))
}

/// When a complaint must be acknowledged (DPA 2018 s.164A, counted as the ICO does),
/// or, for a complaint received before the duty began, no date.
pub fn complaint_deadline(received: Date, counting: Counting) -> Deadline {
    let mut steps = vec![format!("Complaint received {}", short_date(received))];
    if received < COMPLAINT_DUTY_STARTS {
        steps.push(format!(
            "before {}, when the duty to acknowledge complaints within 30 days (DPA 2018 s.164A) began: no statutory acknowledgement date",
            short_date(COMPLAINT_DUTY_STARTS)
        ));
        return Deadline {
            due: received,
            start: received,
            tell_by: None,
            internal_target: None,
            paused_days: 0,
            provisional: false,
            steps,
            target_steps: Vec::new(),
            state: ClockState::NoStatutoryDate,
        };
    }
    let mut base = add_days(received, COMPLAINT_ACKNOWLEDGEMENT_DAYS);
    steps.push(format!("30 days from the day after: {}", short_date(base)));
    if counting.play_safe {
        base = add_days(base, -1);
        steps.push(format!(
            "play safe (the day of receipt counted as the first of the 30, “beginning when” it is received): one day earlier: {}",
            short_date(base)
        ));
    }
    let due = roll_forward(base, counting, &mut steps);
    Deadline {
        due,
        start: received,
        tell_by: None,
        internal_target: None,
        paused_days: 0,
        provisional: false,
        steps,
        target_steps: Vec::new(),
        state: ClockState::Running,
    }
}

/// When a complaint must be acknowledged, the ICO's way (see [`complaint_deadline`]).
pub fn complaint_acknowledgement(received: Date, nation: Nation, holidays: &Holidays) -> Deadline {
    complaint_deadline(received, Counting::ico(nation, holidays))
}

/// When the shop must tell the requester of an extension, if it has not: the one-month
/// deadline of the same clock. `None` while the clock is stopped.
pub fn tell_by_date(events: &ClockEvents, counting: Counting) -> Option<Date> {
    let unextended = ClockEvents {
        extended: false,
        ..events.clone()
    };
    response_deadline(&unextended, counting).due_date()
}

/// [`tell_by_date`] the ICO's way; while the clock is stopped, the earliest it can be.
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
    fn an_unanswered_clarification_stops_the_clock_with_the_days_left_when_asked() {
        let asked = ClockEvents {
            received: date(2026, 3, 2),
            pauses: vec![Pause {
                asked: date(2026, 3, 10),
                answered: None,
            }],
            ..ClockEvents::default()
        };
        let holidays = Holidays::shipped();
        let deadline =
            rights_deadline(&asked, Nation::EnglandAndWales, holidays, date(2026, 3, 12));
        assert_eq!(deadline.due_date(), None, "a stopped clock has no due date");
        assert!(!deadline.provisional);
        assert_eq!(deadline.internal_target, None);
        // One month from Mon 2 Mar is Thu 2 Apr. Asked on 10 Mar, the days 10 Mar to
        // 2 Apr (22 + 2 = 24) had not been used: they remain when the answer comes.
        let stopped = deadline.stopped().expect("stopped").clone();
        assert_eq!(stopped.reason, StopReason::Clarification);
        assert_eq!(stopped.since, date(2026, 3, 10));
        assert_eq!(stopped.remaining_days, Some(24));
        assert_eq!(stopped.was_due, Some(date(2026, 4, 2)));
        assert_eq!(
            stopped.message(),
            "Clarification asked on Tue 10 Mar 2026: 24 days will remain when the reply arrives"
        );
        assert!(
            deadline.working().contains("24 days will remain"),
            "{}",
            deadline.working()
        );
        assert_eq!(deadline.to_string(), "paused");

        // Answered on 12 Mar: 24 days from 13 Mar is Sun 5 Apr → Easter Monday → Tue 7 Apr.
        let answered = ClockEvents {
            pauses: vec![Pause {
                asked: date(2026, 3, 10),
                answered: Some(date(2026, 3, 12)),
            }],
            ..asked
        };
        let deadline = rights_deadline(
            &answered,
            Nation::EnglandAndWales,
            holidays,
            date(2026, 3, 12),
        );
        assert_eq!(deadline.due_date(), Some(date(2026, 4, 7)));
        assert_eq!(deadline.paused_days, 3);
    }

    #[test]
    fn a_clarification_on_or_after_the_due_date_does_not_move_it() {
        // The issue's case: received Mon 5 Jan 2026, due Thu 5 Feb; a pause from
        // 10 to 12 Feb comes after the time ran out.
        let late = ClockEvents {
            received: date(2026, 1, 5),
            pauses: vec![Pause {
                asked: date(2026, 2, 10),
                answered: Some(date(2026, 2, 12)),
            }],
            ..ClockEvents::default()
        };
        let holidays = Holidays::shipped();
        let deadline = rights_deadline(&late, Nation::EnglandAndWales, holidays, date(2026, 2, 12));
        assert_eq!(deadline.due_date(), Some(date(2026, 2, 5)));
        assert_eq!(deadline.paused_days, 0);
        assert!(
            deadline.working().contains("clarification asked Tue 10 Feb 2026 is on or after the due date Thu 5 Feb 2026: it does not move the date"),
            "{}",
            deadline.working()
        );
        // On the due date itself: still too late. An open one stops nothing either.
        for answered in [Some(date(2026, 2, 6)), None] {
            let on_the_day = ClockEvents {
                pauses: vec![Pause {
                    asked: date(2026, 2, 5),
                    answered,
                }],
                ..late.clone()
            };
            let deadline = rights_deadline(
                &on_the_day,
                Nation::EnglandAndWales,
                holidays,
                date(2026, 2, 6),
            );
            assert_eq!(deadline.due_date(), Some(date(2026, 2, 5)), "{answered:?}");
        }
        // The day before counts: 4 and 5 Feb remain; answered 5 Feb, two days on is
        // Sat 7 Feb → Mon 9 Feb.
        let in_time = ClockEvents {
            pauses: vec![Pause {
                asked: date(2026, 2, 4),
                answered: Some(date(2026, 2, 5)),
            }],
            ..late
        };
        let deadline = rights_deadline(
            &in_time,
            Nation::EnglandAndWales,
            holidays,
            date(2026, 2, 6),
        );
        assert_eq!(deadline.due_date(), Some(date(2026, 2, 9)));
    }

    #[test]
    fn waiting_for_identity_or_a_fee_stops_the_clock_until_it_arrives() {
        let holidays = Holidays::shipped();
        let counting = Counting::ico(Nation::EnglandAndWales, holidays);
        let waiting = ClockEvents {
            received: date(2026, 3, 2),
            identity_requested: Some(date(2026, 3, 3)),
            ..ClockEvents::default()
        };
        let deadline = response_deadline(&waiting, counting);
        assert_eq!(deadline.due_date(), None);
        let stopped = deadline.stopped().expect("stopped");
        assert_eq!(
            (stopped.reason, stopped.remaining_days),
            (StopReason::Identity, None)
        );
        assert_eq!(
            stopped.message(),
            "Waiting for proof of identity since Tue 3 Mar 2026: a full month starts when it arrives"
        );
        // Arrived on 10 Mar: a full month from then.
        let arrived = ClockEvents {
            identity_received: Some(date(2026, 3, 10)),
            ..waiting.clone()
        };
        assert_eq!(
            response_deadline(&arrived, counting).due_date(),
            Some(date(2026, 4, 10))
        );

        let fee = ClockEvents {
            received: date(2026, 3, 2),
            fee_requested: Some(date(2026, 3, 4)),
            ..ClockEvents::default()
        };
        let stopped = response_deadline(&fee, counting)
            .stopped()
            .cloned()
            .expect("stopped");
        assert_eq!(
            stopped.message(),
            "Waiting for the fee since Wed 4 Mar 2026: a full month starts when it arrives"
        );
    }

    #[test]
    fn the_internal_target_falls_on_a_working_day() {
        // Received Sat 31 Jan 2026: 28 days on is Sat 28 Feb → Mon 2 Mar.
        let target = due(date(2026, 1, 31));
        assert_eq!(target.internal_target, Some(date(2026, 3, 2)));
        assert!(
            target
                .target_working()
                .contains("weekend → next working day Mon 2 Mar 2026")
        );
        // Received Fri 27 Nov 2026: 28 days on is Christmas Day; Boxing Day's substitute
        // is Mon 28 → Tue 29 Dec.
        assert_eq!(
            due(date(2026, 11, 27)).internal_target,
            Some(date(2026, 12, 29))
        );
    }

    #[test]
    fn complaints_before_the_duty_began_have_no_acknowledgement_date() {
        let holidays = Holidays::shipped();
        let before =
            complaint_acknowledgement(date(2026, 6, 18), Nation::EnglandAndWales, holidays);
        assert_eq!(before.due_date(), None);
        assert_eq!(before.state, ClockState::NoStatutoryDate);
        assert!(
            before
                .working()
                .contains("no statutory acknowledgement date"),
            "{}",
            before.working()
        );
        assert!(
            before.working().contains("19 Jun 2026"),
            "{}",
            before.working()
        );
        // From 19 June 2026: 30 days from the day after is Sun 19 Jul → Mon 20 Jul.
        let first_day =
            complaint_acknowledgement(date(2026, 6, 19), Nation::EnglandAndWales, holidays);
        assert_eq!(first_day.due_date(), Some(date(2026, 7, 20)));
    }

    #[test]
    fn playing_safe_ends_every_period_a_day_earlier_and_says_so() {
        let holidays = Holidays::shipped();
        let safe = Counting {
            nation: Nation::EnglandAndWales,
            holidays,
            play_safe: true,
        };
        let events = ClockEvents {
            received: date(2024, 9, 3),
            ..ClockEvents::default()
        };
        // The ICO's 3 Sep → Thu 3 Oct 2024; "beginning with" 3 Sep → Wed 2 Oct.
        let deadline = response_deadline(&events, safe);
        assert_eq!(deadline.due_date(), Some(date(2024, 10, 2)));
        assert!(
            deadline.working().contains("play safe"),
            "{}",
            deadline.working()
        );
        assert_eq!(deadline.internal_target, Some(date(2024, 9, 30)));
        assert!(deadline.target_working().contains("play safe"));
        // Extended: the tell-by date and the three months both a day earlier.
        let extended = response_deadline(
            &ClockEvents {
                extended: true,
                ..events
            },
            safe,
        );
        assert_eq!(extended.tell_by, Some(date(2024, 10, 2)));
        assert_eq!(
            extended.due_date(),
            Some(date(2024, 12, 2)),
            "Tue 3 Dec → Mon 2 Dec"
        );
        // A complaint: 30 days counting the day of receipt, Thu 30 Jul not Fri 31 Jul.
        let complaint = complaint_deadline(date(2026, 7, 1), safe);
        assert_eq!(complaint.due_date(), Some(date(2026, 7, 30)));
        assert!(
            complaint.working().contains("play safe"),
            "{}",
            complaint.working()
        );
    }

    #[test]
    fn a_substitute_day_is_named_as_one_with_its_source() {
        // Received Thu 26 Nov 2026: Sat 26 Dec → Mon 28 Dec is Boxing Day's substitute.
        let shipped = due(date(2026, 11, 26));
        assert_eq!(shipped.due, date(2026, 12, 29));
        assert!(
            shipped.working().contains(
                "Boxing Day (substitute day), bank holiday in England and Wales (gov.uk list shipped with Smallprint)"
            ),
            "{}",
            shipped.working()
        );
        // 2032, outside the shipped list: Christmas on a Saturday, substitutes Mon 27
        // and Tue 28 December, worked out from the rules.
        let computed = due(date(2032, 11, 26));
        assert_eq!(computed.due, date(2032, 12, 29));
        assert!(
            computed.working().contains(
                "Christmas Day (substitute day), bank holiday in England and Wales (worked out from the rules: computed)"
            ),
            "{}",
            computed.working()
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
