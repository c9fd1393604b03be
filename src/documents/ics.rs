//! The agenda as an RFC 5545 calendar file: an all-day event for each date to act by.
//!
//! Each event's UID is derived from what it is about (the request's id and the kind of
//! date, or the fee renewal), never from the export, so importing a newer export
//! into a calendar app updates its events instead of duplicating them.

use icalendar::{Calendar, Component, Event, Property};
use jiff::{Timestamp, civil::Date, tz::TimeZone};

use crate::domain::{
    Workspace,
    agenda::{AgendaItem, AgendaKind},
};

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
    };
    match item.request {
        Some(id) => format!("{what}-request-{}@smallprint.invalid", id.0),
        None => format!("{what}@smallprint.invalid"),
    }
}

fn summary(item: &AgendaItem) -> String {
    match item.kind {
        AgendaKind::Due => format!("Respond by today: {}", item.title),
        AgendaKind::TellBy => format!("Last day to tell of an extension: {}", item.title),
        AgendaKind::Acknowledge => format!("Acknowledge complaint by today: {}", item.title),
        AgendaKind::FeeRenewal => item.title.clone(),
    }
}

/// The calendar file's text. `now` stamps the events (DTSTAMP), as RFC 5545 requires.
pub fn calendar_ics(workspace: &Workspace, items: &[AgendaItem], now: Timestamp) -> String {
    let stamp = now
        .to_zoned(TimeZone::UTC)
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut calendar = Calendar::new();
    let shop = workspace.display_name();
    calendar.name(&if shop.is_empty() {
        "Smallprint deadlines".to_owned()
    } else {
        format!("{shop} – data-protection deadlines")
    });
    for item in items {
        let mut start = Property::new("DTSTART", ics_date(item.date));
        start.add_parameter("VALUE", "DATE");
        let next_day = item.date.tomorrow().unwrap_or(item.date);
        let mut end = Property::new("DTEND", ics_date(next_day));
        end.add_parameter("VALUE", "DATE");
        let event = Event::new()
            .uid(&uid(item))
            .summary(&summary(item))
            .description("Worked out by Smallprint. Open the request there to see the working.")
            .add_property("DTSTAMP", &stamp)
            .append_property(start)
            .append_property(end)
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}
