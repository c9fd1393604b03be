//! The agenda as an RFC 5545 calendar file: an all-day event for each date to act by,
//! each with two reminders, so the shop's own calendar warns it even when Smallprint
//! is closed.
//!
//! Each event's UID is derived from what it is about (the request's id and the kind of
//! date, or the fee renewal), never from the export, so importing a newer export
//! into a calendar app updates its events instead of duplicating them. A request whose
//! clock is stopped has no date in the agenda, so no event here.

use icalendar::{Alarm, Calendar, CalendarDateTime, Component, Event, EventLike, Property};
use jiff::{Timestamp, civil::Date, tz::TimeZone};

use crate::domain::{
    Workspace,
    agenda::{AgendaItem, AgendaKind},
};

/// The most characters of a name or title an event's summary carries. A calendar shows
/// a summary on one line, so more is never read; and icalendar folds each long line in
/// time that grows with the square of its length (it counts characters from the start
/// of the line for every fold), so a 10 MB name took 40 s to write. Bounded here, the
/// writer's time is linear in the number of events whatever the text.
const MAX_SUMMARY_CHARS: usize = 200;

/// `text`, cut to [`MAX_SUMMARY_CHARS`] with an ellipsis if it was longer.
fn clipped(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_SUMMARY_CHARS) {
        None => text.into(),
        Some((end, _)) => format!("{}…", &text[..end]).into(),
    }
}

fn ics_date(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// A stable identity for one agenda date.
pub fn uid(item: &AgendaItem) -> String {
    let what = match item.kind {
        AgendaKind::Due => "due",
        AgendaKind::TellBy => "tell-by",
        AgendaKind::Acknowledge => "acknowledge",
        AgendaKind::FeeRenewal => "ico-fee-renewal",
        AgendaKind::BreachReport => "report",
        AgendaKind::StopNow => "stop-now",
    };
    match (item.request, item.breach) {
        (Some(id), _) => format!("{what}-request-{}@smallprint.invalid", id.0),
        (None, Some(id)) => format!("{what}-breach-{}@smallprint.invalid", id.0),
        (None, None) => format!("{what}@smallprint.invalid"),
    }
}

fn summary(item: &AgendaItem) -> String {
    let title = clipped(&item.title);
    match item.kind {
        AgendaKind::Due => format!("Respond by today: {title}"),
        AgendaKind::TellBy => format!("Last day to tell of an extension: {title}"),
        AgendaKind::Acknowledge => format!("Acknowledge complaint by today: {title}"),
        AgendaKind::FeeRenewal => title.into_owned(),
        AgendaKind::BreachReport => {
            format!("72 hours end: report the breach to the ICO or record why not: {title}")
        }
        AgendaKind::StopNow => {
            format!("Stop now (at once), and confirm in writing by today: {title}")
        }
    }
}

/// The reminders of a breach's 72 hours, from the start of its event (half an hour
/// before they end): a day before the end, four hours before, and half an hour before.
pub const BREACH_REMINDERS: [(&str, &str); 3] = [
    ("-PT23H30M", "in 24 hours"),
    ("-PT3H30M", "in 4 hours"),
    ("PT0S", "in 30 minutes"),
];

/// How long a breach's event lasts: the last half hour of its 72 hours.
const BREACH_EVENT_MINUTES: i64 = 30;

fn ics_instant(at: Timestamp) -> String {
    at.to_zoned(TimeZone::UTC)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The reminders of every event, as RFC 5545 TRIGGER durations from the start of the
/// all-day event (midnight, in the calendar's own time zone): 09:00 a week before
/// (−6 days 15 hours), and 09:00 on the day. A DISPLAY alarm, with what to do.
pub const REMINDERS: [(&str, &str); 2] = [("-P6DT15H", "in a week"), ("PT9H", "today")];

/// A DISPLAY alarm at `trigger` (a duration from the event's start). Its UID (RFC
/// 9074) comes from the event's and its place, and its stamp is the export's: the
/// writer would otherwise add a random UID and read the system clock, and a repeated
/// export would no longer be the same file.
fn alarm(trigger: &str, description: &str, uid: &str, stamp: &str) -> Option<Alarm> {
    // icalendar builds a trigger only from chrono values; a fixed placeholder instant
    // is replaced at once by the duration, which is what calendar apps expect.
    let placeholder: CalendarDateTime = "20000101T000000Z".parse().ok()?;
    let mut alarm = Alarm::display(description, placeholder);
    alarm
        .append_property(Property::new("TRIGGER", trigger))
        .add_property("UID", uid)
        .add_property("DTSTAMP", stamp);
    Some(alarm.done())
}

fn reminder(item: &AgendaItem, when: &str) -> String {
    let title = clipped(&item.title);
    match item.kind {
        AgendaKind::Due => format!("Reply due {when}: {title}"),
        AgendaKind::TellBy => format!("Last day to tell of an extension {when}: {title}"),
        AgendaKind::Acknowledge => format!("Complaint to acknowledge {when}: {title}"),
        AgendaKind::FeeRenewal => format!("ICO data-protection fee renewal {when}"),
        AgendaKind::BreachReport => format!("The 72 hours to report a breach end {when}: {title}"),
        AgendaKind::StopNow => {
            format!("Stop now if not done; the written confirmation is due {when}: {title}")
        }
    }
}

/// The calendar file's text. `now` stamps the events (DTSTAMP), as RFC 5545 requires.
pub fn calendar_ics(workspace: &Workspace, items: &[AgendaItem], now: Timestamp) -> String {
    let stamp = now
        .to_zoned(TimeZone::UTC)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut calendar = Calendar::new();
    let shop = clipped(workspace.display_name());
    calendar.name(&if shop.is_empty() {
        "Smallprint deadlines".to_owned()
    } else {
        format!("{shop} – data-protection deadlines")
    });
    for item in items {
        if let (AgendaKind::BreachReport, Some(end)) = (item.kind, item.at) {
            if let Some(event) = breach_event(item, end, &stamp) {
                calendar.push(event);
            }
            continue;
        }
        // An all-day event ends the next day; the last day jiff knows has none, and an
        // event ending where it starts is invalid (dates that late are refused on
        // reading anyway).
        let Ok(next_day) = item.date.tomorrow() else {
            continue;
        };
        let mut start = Property::new("DTSTART", ics_date(item.date));
        start.add_parameter("VALUE", "DATE");
        let mut end = Property::new("DTEND", ics_date(next_day));
        end.add_parameter("VALUE", "DATE");
        let mut event = Event::new();
        event
            .uid(&uid(item))
            .summary(&summary(item))
            .description("Worked out by Smallprint. Open the request there to see the working.")
            .add_property("DTSTAMP", &stamp)
            .append_property(start)
            .append_property(end);
        for (n, (trigger, when)) in REMINDERS.into_iter().enumerate() {
            let alarm_uid = format!("reminder-{}-{}", n + 1, uid(item));
            if let Some(alarm) = alarm(trigger, &reminder(item, when), &alarm_uid, &stamp) {
                event.alarm(alarm);
            }
        }
        calendar.push(event.done());
    }
    calendar.done().to_string()
}

/// A breach's 72 hours as a timed event (in UTC, which every calendar shows in its own
/// time zone) ending when they end, with its reminders.
fn breach_event(item: &AgendaItem, end: Timestamp, stamp: &str) -> Option<Event> {
    let start = end
        .checked_sub(jiff::Span::new().minutes(BREACH_EVENT_MINUTES))
        .ok()?;
    let mut event = Event::new();
    event
        .uid(&uid(item))
        .summary(&summary(item))
        .description(
            "The 72 hours from becoming aware of this breach end at the end of this event (UK GDPR Art. 33(1)). Report it to the ICO, or, if it is unlikely to be a risk to people, record the decision not to report and why. Open the breach in Smallprint to see the working.",
        )
        .add_property("DTSTAMP", stamp)
        .add_property("DTSTART", ics_instant(start))
        .add_property("DTEND", ics_instant(end));
    let uid = uid(item);
    for (n, (trigger, when)) in BREACH_REMINDERS.into_iter().enumerate() {
        let alarm_uid = format!("reminder-{}-{uid}", n + 1);
        if let Some(alarm) = alarm(trigger, &reminder(item, when), &alarm_uid, stamp) {
            event.alarm(alarm);
        }
    }
    Some(event.done())
}
