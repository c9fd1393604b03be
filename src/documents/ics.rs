//! The agenda as an RFC 5545 calendar file: an all-day event for each date to act by,
//! each with two reminders, so the shop's own calendar warns it even when Smallprint
//! is closed.
//!
//! Each event's UID is derived from what it is about (the request's id and the kind of
//! date, or the fee renewal), never from the export, so importing a newer export
//! into a calendar app updates its events instead of duplicating them. Its SEQUENCE
//! grows with the record's steps, so a date a step moved replaces the old one; and a
//! request answered, paused or withdrawn, or a breach decided, is exported as
//! `STATUS:CANCELLED` for [`CANCELLED_FOR_DAYS`] days instead of vanishing, so a
//! re-import removes its event.
//!
//! Events name a request by its reference and kind, not the requester: a calendar
//! syncs to a cloud service, and a name there has left the machine. The user can opt
//! in ([`Names::Included`]).
//!
//! Written here, not by a calendar crate: every text property goes through one
//! escaping and folding path ([`Writer::text`]), no component gets a DTSTAMP it must
//! not have (VALARM) or a random UID, and the file is the same for the same data.

use std::collections::HashSet;

use jiff::{Timestamp, civil::Date, tz::TimeZone};

use crate::domain::{
    Workspace,
    agenda::{AgendaItem, AgendaKind},
    breaches::Breach,
    ids::{BreachId, RequestId},
    requests::RightsRequest,
};

/// Whether events name the requester.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Names {
    /// "R-2026-004 · Subject access": nothing about the person.
    #[default]
    Omitted,
    /// "R-2026-004 · Subject access · Jun Okabe-Lowe", as the user chose.
    Included,
}

/// How long an event no longer on the agenda is still exported, cancelled.
pub const CANCELLED_FOR_DAYS: i32 = 90;

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
    uid_for(item.kind, item.request, item.breach)
}

/// [`uid`] from what an event is about: also for a date no longer on the agenda.
fn uid_for(kind: AgendaKind, request: Option<RequestId>, breach: Option<BreachId>) -> String {
    let what = match kind {
        AgendaKind::Due => "due",
        AgendaKind::TellBy => "tell-by",
        AgendaKind::Acknowledge => "acknowledge",
        AgendaKind::FeeRenewal => "ico-fee-renewal",
        AgendaKind::BreachReport => "report",
        AgendaKind::StopNow => "stop-now",
    };
    match (request, breach) {
        (Some(id), _) => format!("{what}-request-{}@smallprint.invalid", id.0),
        (None, Some(id)) => format!("{what}-breach-{}@smallprint.invalid", id.0),
        (None, None) => format!("{what}@smallprint.invalid"),
    }
}

fn summary(title: &str, kind: AgendaKind) -> String {
    match kind {
        AgendaKind::Due => format!("Respond by today: {title}"),
        AgendaKind::TellBy => format!("Last day to tell of an extension: {title}"),
        AgendaKind::Acknowledge => format!("Acknowledge complaint by today: {title}"),
        AgendaKind::FeeRenewal => title.to_owned(),
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

fn reminder(title: &str, kind: AgendaKind, when: &str) -> String {
    match kind {
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

/// An iCalendar file as it is written: CRLF lines folded at 75 octets (never inside a
/// character), and every text value escaped — the one path for every property, so no
/// name can end a line or start a property of its own.
struct Writer {
    text: String,
}

impl Writer {
    /// A line written as it is (a fixed line of this module's own).
    fn raw_line(&mut self, line: &str) {
        self.fold(line);
    }

    fn new() -> Self {
        Self {
            text: String::with_capacity(4096),
        }
    }

    /// A property whose value is already in iCalendar's syntax (a date, a duration, a
    /// fixed word), with optional `;PARAM=VALUE` text.
    fn raw(&mut self, name: &str, value: &str) {
        self.fold(&format!("{name}:{value}"));
    }

    /// A TEXT property (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, and
    /// every line break or other control character, which one-line summaries and names
    /// must not carry, made a space.
    fn text(&mut self, name: &str, value: &str) {
        let mut escaped = String::with_capacity(value.len() + 8);
        for c in value.chars() {
            match c {
                '\\' => escaped.push_str("\\\\"),
                ';' => escaped.push_str("\\;"),
                ',' => escaped.push_str("\\,"),
                c if c.is_control() => escaped.push(' '),
                c => escaped.push(c),
            }
        }
        self.raw(name, &escaped);
    }

    fn fold(&mut self, line: &str) {
        const LIMIT: usize = 75;
        let mut width = 0;
        for c in line.chars() {
            let len = c.len_utf8();
            if width + len > LIMIT {
                self.text.push_str("\r\n ");
                width = 1;
            }
            self.text.push(c);
            width += len;
        }
        self.text.push_str("\r\n");
    }
}

/// The UK's zone, written out for a calendar with no events: RFC 5545 wants at least
/// one component, and this one is always true.
const UK_ZONE: [&str; 16] = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19810329T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
];

/// When an event starts and ends: a whole day, or (a breach's) instants.
enum Span {
    Day(Date),
    Instants(Timestamp, Timestamp),
}

/// One event as written.
struct EventOut<'a> {
    uid: String,
    span: Span,
    summary: String,
    description: &'a str,
    sequence: usize,
    cancelled: bool,
    reminders: Vec<(&'static str, String)>,
}

impl Writer {
    /// Writes `event`; false (and nothing written) for a day with no next day, which
    /// an all-day event needs as its end (dates that late are refused on reading).
    fn event(&mut self, event: &EventOut<'_>, stamp: &str) -> bool {
        if let Span::Day(date) = event.span
            && date.tomorrow().is_err()
        {
            return false;
        }
        self.raw("BEGIN", "VEVENT");
        self.text("UID", &event.uid);
        self.raw("DTSTAMP", stamp);
        match event.span {
            Span::Day(date) => {
                self.raw("DTSTART;VALUE=DATE", &ics_date(date));
                if let Ok(next) = date.tomorrow() {
                    self.raw("DTEND;VALUE=DATE", &ics_date(next));
                }
            }
            Span::Instants(start, end) => {
                self.raw("DTSTART", &ics_instant(start));
                self.raw("DTEND", &ics_instant(end));
            }
        }
        self.raw("SEQUENCE", &event.sequence.to_string());
        self.raw(
            "STATUS",
            if event.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        );
        self.text("SUMMARY", &event.summary);
        self.text("DESCRIPTION", event.description);
        if !event.cancelled {
            for (n, (trigger, description)) in event.reminders.iter().enumerate() {
                self.raw("BEGIN", "VALARM");
                // RFC 9074: an alarm's own UID, from its event's and its place.
                self.text("UID", &format!("reminder-{}-{}", n + 1, event.uid));
                self.raw("ACTION", "DISPLAY");
                self.raw("TRIGGER", trigger);
                self.text("DESCRIPTION", description);
                self.raw("END", "VALARM");
            }
        }
        self.raw("END", "VEVENT");
        true
    }
}

/// A request as its events name it.
fn request_title(request: &RightsRequest, names: Names) -> String {
    match names {
        Names::Omitted => format!("{} · {}", request.reference, request.kind),
        Names::Included => format!(
            "{} · {} · {}",
            request.reference, request.kind, request.requester.name
        ),
    }
}

/// A breach as its event names it: what happened may name people, so only with names.
fn breach_title(breach: &Breach, end: Timestamp, zone: &TimeZone, names: Names) -> String {
    let by = end.to_zoned(zone.clone()).strftime("%H:%M").to_string();
    match names {
        Names::Omitted => format!("{} · by {by}", breach.reference),
        Names::Included => format!("{} · by {by} · {}", breach.reference, breach.what_happened),
    }
}

/// A request's event's SEQUENCE: twice its steps, so each step raises it, and its
/// cancelled form (one more) is above every earlier version and below the next.
fn request_sequence(request: &RightsRequest, cancelled: bool) -> usize {
    request.timeline.len() * 2 + usize::from(cancelled)
}

fn breach_sequence(breach: &Breach, cancelled: bool) -> usize {
    let decided = usize::from(breach.decision.is_some()) + usize::from(breach.report.is_some());
    (breach.steps.len() + decided) * 2 + usize::from(cancelled)
}

const REQUEST_DESCRIPTION: &str =
    "Worked out by Smallprint. Open the request there to see the working.";
const CANCELLED_DESCRIPTION: &str = "No longer a date to act by (answered, closed, paused or decided). Smallprint keeps this cancelled entry for a while so that calendars remove the old date.";
const BREACH_DESCRIPTION: &str = "The 72 hours from becoming aware of this breach end at the end of this event (UK GDPR Art. 33(1)). Report it to the ICO, or, if it is unlikely to be a risk to people, record the decision not to report and why. Open the breach in Smallprint to see the working.";

/// The event of one date on the agenda, or `None` for a record it no longer finds.
fn agenda_event(
    workspace: &Workspace,
    item: &AgendaItem,
    zone: &TimeZone,
    names: Names,
) -> Option<EventOut<'static>> {
    Some(match (item.request, item.breach) {
        (Some(id), _) => {
            let request = workspace.request(id)?;
            let title = clipped(&request_title(request, names)).into_owned();
            EventOut {
                uid: uid(item),
                span: Span::Day(item.date),
                summary: summary(&title, item.kind),
                description: REQUEST_DESCRIPTION,
                sequence: request_sequence(request, false),
                cancelled: false,
                reminders: REMINDERS
                    .iter()
                    .map(|(trigger, when)| (*trigger, reminder(&title, item.kind, when)))
                    .collect(),
            }
        }
        (None, Some(id)) => {
            let (Some(breach), Some(end)) = (workspace.breach(id), item.at) else {
                return None;
            };
            let Ok(start) = end.checked_sub(jiff::Span::new().minutes(BREACH_EVENT_MINUTES)) else {
                return None;
            };
            let title = clipped(&breach_title(breach, end, zone, names)).into_owned();
            EventOut {
                uid: uid(item),
                span: Span::Instants(start, end),
                summary: summary(&title, item.kind),
                description: BREACH_DESCRIPTION,
                sequence: breach_sequence(breach, false),
                cancelled: false,
                reminders: BREACH_REMINDERS
                    .iter()
                    .map(|(trigger, when)| (*trigger, reminder(&title, item.kind, when)))
                    .collect(),
            }
        }
        (None, None) => EventOut {
            uid: uid(item),
            span: Span::Day(item.date),
            summary: summary(&clipped(&item.title), item.kind),
            description: "Renew the ICO data-protection fee before this day.",
            sequence: 0,
            cancelled: false,
            reminders: REMINDERS
                .iter()
                .map(|(trigger, when)| (*trigger, reminder(&item.title, item.kind, when)))
                .collect(),
        },
    })
}

/// What was on the agenda lately and is no longer (answered, closed, paused, decided):
/// cancelled events, so a re-import removes the old date.
fn cancelled_events(
    workspace: &Workspace,
    on_agenda: &HashSet<String>,
    today: Date,
    zone: &TimeZone,
    names: Names,
) -> Vec<EventOut<'static>> {
    let mut cancelled = Vec::new();
    let recent = |day: Date| {
        jiff::civil::Date::until(day, today).is_ok_and(|span| span.get_days() <= CANCELLED_FOR_DAYS)
    };
    // What was on the agenda and is no longer: cancelled, so a re-import removes it.
    for request in &workspace.requests {
        let kind = AgendaKind::of_request(request);
        let uid = uid_for(kind, Some(request.id), None);
        let last_step = request.timeline.last().map_or(request.received, |t| t.on);
        if on_agenda.contains(&uid) || !recent(last_step) {
            continue;
        }
        let title = clipped(&request_title(request, names)).into_owned();
        cancelled.push(EventOut {
            uid,
            span: Span::Day(last_step),
            summary: format!("Cancelled: {}", summary(&title, kind)),
            description: CANCELLED_DESCRIPTION,
            sequence: request_sequence(request, true),
            cancelled: true,
            reminders: Vec::new(),
        });
    }
    for breach in &workspace.breaches {
        let end = breach.deadline();
        let uid = uid_for(AgendaKind::BreachReport, None, Some(breach.id));
        let aware_day = breach.aware.to_zoned(zone.clone()).date();
        let Ok(start) = end.checked_sub(jiff::Span::new().minutes(BREACH_EVENT_MINUTES)) else {
            continue;
        };
        if on_agenda.contains(&uid) || !recent(aware_day) {
            continue;
        }
        let title = clipped(&breach_title(breach, end, zone, names)).into_owned();
        cancelled.push(EventOut {
            uid,
            span: Span::Instants(start, end),
            summary: format!("Cancelled: {}", summary(&title, AgendaKind::BreachReport)),
            description: CANCELLED_DESCRIPTION,
            sequence: breach_sequence(breach, true),
            cancelled: true,
            reminders: Vec::new(),
        });
    }
    cancelled
}

/// The calendar file's text. `now` stamps the events (DTSTAMP), as RFC 5545 requires,
/// and dates what counts as recent for a cancelled event; `zone` is the UK's.
pub fn calendar_ics(
    workspace: &Workspace,
    items: &[AgendaItem],
    now: Timestamp,
    zone: &TimeZone,
    names: Names,
) -> String {
    let stamp = ics_instant(now);
    let today = now.to_zoned(zone.clone()).date();
    let mut out = Writer::new();
    out.raw("BEGIN", "VCALENDAR");
    out.raw("VERSION", "2.0");
    out.text(
        "PRODID",
        &format!(
            "-//Smallprint//Smallprint {}//EN",
            env!("CARGO_PKG_VERSION")
        ),
    );
    out.raw("CALSCALE", "GREGORIAN");
    out.raw("METHOD", "PUBLISH");
    let shop = clipped(workspace.display_name());
    let name = if shop.trim().is_empty() {
        "Smallprint deadlines".to_owned()
    } else {
        format!("{shop} – data-protection deadlines")
    };
    out.text("NAME", &name);
    out.text("X-WR-CALNAME", &name);

    let mut written = 0;
    let on_agenda: HashSet<String> = items.iter().map(uid).collect();
    let events = items
        .iter()
        .filter_map(|item| agenda_event(workspace, item, zone, names))
        .chain(cancelled_events(workspace, &on_agenda, today, zone, names));
    for event in events {
        written += usize::from(out.event(&event, &stamp));
    }
    if written == 0 {
        for line in UK_ZONE {
            out.raw_line(line);
        }
        out.raw_line("END:VTIMEZONE");
    }
    out.raw("END", "VCALENDAR");
    out.text
}
