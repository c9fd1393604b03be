//! The dates a shop must act by — request deadlines, complaint acknowledgements and
//! the ICO fee renewal — as one list, for the overview, the calendar and the ICS export
//! alike. A request whose clock is stopped has no date here, and a complaint from
//! before the duty to acknowledge began has none either; [`clock_stops`] lists the
//! stopped clocks, each on the day it stopped, for a marker that is not a due date.

use std::collections::HashMap;

use jiff::{Timestamp, civil::Date, tz::TimeZone};

use super::{
    deadlines::{Deadline, Stopped, days_between},
    holidays::Holidays,
    ids::{BreachId, RequestId},
    workspace::Workspace,
};

/// Days ahead within which a date counts as due soon.
pub const SOON_DAYS: i32 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgendaKind {
    /// The response deadline of a rights request.
    Due,
    /// The last day to tell the requester of an extension. No longer produced: an
    /// extended request's requester has been told, so the date is history, not
    /// something to act by; and before an extension it is the due date itself.
    TellBy,
    /// The last day to acknowledge a complaint.
    Acknowledge,
    /// The ICO data-protection fee renewal.
    FeeRenewal,
    /// The end of a breach's 72 hours to report it to the ICO (at an instant, `at`).
    BreachReport,
    /// An objection to direct marketing or a withdrawal of consent: stop at once (Art.
    /// 21(3), 7(3)); the date is the written confirmation's, within one month.
    StopNow,
}

impl AgendaKind {
    /// The kind of a request's one date: acknowledge a complaint, stop at once, or the
    /// response due.
    pub fn of_request(request: &super::requests::RightsRequest) -> Self {
        if request.is_complaint() {
            AgendaKind::Acknowledge
        } else if request.stops_at_once() {
            AgendaKind::StopNow
        } else {
            AgendaKind::Due
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::Due => "due",
            AgendaKind::TellBy => "last day to tell them about an extension",
            AgendaKind::Acknowledge => "acknowledge",
            AgendaKind::FeeRenewal => "ICO fee renewal",
            AgendaKind::BreachReport => "a breach's 72 hours end: report it, or record why not",
            AgendaKind::StopNow => "stop now; confirm in writing by this day",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Urgency {
    Overdue,
    Soon,
    Later,
}

impl Urgency {
    /// For what must stop at once (a marketing objection, a withdrawn consent): never
    /// "later", whatever the written confirmation's date.
    pub fn stop_now(confirm_by: Date, today: Date) -> Self {
        match Self::of(confirm_by, today) {
            Urgency::Later => Urgency::Soon,
            urgency => urgency,
        }
    }

    pub fn of(date: Date, today: Date) -> Self {
        let days = days_between(today, date);
        if days < 0 {
            Urgency::Overdue
        } else if days <= SOON_DAYS {
            Urgency::Soon
        } else {
            Urgency::Later
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaItem {
    pub date: Date,
    pub kind: AgendaKind,
    pub request: Option<RequestId>,
    pub breach: Option<BreachId>,
    /// The instant, for a deadline counted in hours (a breach's 72 hours).
    pub at: Option<Timestamp>,
    /// "R-2026-004 · Access · Jun Okabe-Lowe".
    pub title: String,
    pub urgency: Urgency,
}

/// Every request's deadline, by id, counted the workspace's way (its nation and its
/// "play safe" setting). `today` is not used: a stopped clock gives no date.
pub fn deadlines(
    workspace: &Workspace,
    holidays: &Holidays,
    _today: Date,
) -> HashMap<RequestId, Deadline> {
    let counting = workspace.counting(holidays);
    workspace
        .requests
        .iter()
        .map(|request| (request.id, request.deadline_with(counting)))
        .collect()
}

/// An open request whose clock is stopped, on the day it stopped: a marker for the
/// calendar, never a date to act by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockStop {
    /// The day the clock stopped.
    pub date: Date,
    pub request: RequestId,
    /// "R-2026-004 · Subject access · Jun Okabe-Lowe".
    pub title: String,
    pub stopped: Stopped,
}

/// Every open request whose clock is stopped, by the day it stopped.
pub fn clock_stops(
    workspace: &Workspace,
    deadlines: &HashMap<RequestId, Deadline>,
) -> Vec<ClockStop> {
    let mut stops: Vec<ClockStop> = workspace
        .requests
        .iter()
        .filter(|r| r.status.is_open())
        .filter_map(|request| {
            let stopped = deadlines.get(&request.id)?.stopped()?.clone();
            Some(ClockStop {
                date: stopped.since,
                request: request.id,
                title: request_title(request),
                stopped,
            })
        })
        .collect();
    stops.sort_by(|a, b| (a.date, &a.title).cmp(&(b.date, &b.title)));
    stops
}

fn request_title(request: &super::requests::RightsRequest) -> String {
    format!(
        "{} · {} · {}",
        request.reference, request.kind, request.requester.name
    )
}

/// The dates to act by, in date order. Only requests still open take part, and only
/// those with a date: a stopped clock or a complaint with no statutory date has none.
/// A breach takes part while it awaits a report or a decision not to report, on the
/// UK day (`zone`) its 72 hours end.
pub fn agenda(
    workspace: &Workspace,
    deadlines: &HashMap<RequestId, Deadline>,
    today: Date,
    zone: &TimeZone,
) -> Vec<AgendaItem> {
    let mut items = Vec::new();
    for request in workspace.requests.iter().filter(|r| r.status.is_open()) {
        let Some(due) = deadlines.get(&request.id).and_then(Deadline::due_date) else {
            continue;
        };
        let kind = AgendaKind::of_request(request);
        let urgency = if kind == AgendaKind::StopNow {
            Urgency::stop_now(due, today)
        } else {
            Urgency::of(due, today)
        };
        items.push(AgendaItem {
            date: due,
            kind,
            request: Some(request.id),
            breach: None,
            at: None,
            title: request_title(request),
            urgency,
        });
    }
    if let Some(renewal) = workspace.organisation.ico_renewal_date {
        items.push(AgendaItem {
            date: renewal,
            kind: AgendaKind::FeeRenewal,
            request: None,
            breach: None,
            at: None,
            title: "Renew the ICO data-protection fee".to_owned(),
            urgency: Urgency::of(renewal, today),
        });
    }
    for breach in workspace.breaches.iter().filter(|b| b.awaits_report()) {
        let deadline = breach.deadline();
        let date = deadline.to_zoned(zone.clone()).date();
        items.push(AgendaItem {
            date,
            kind: AgendaKind::BreachReport,
            request: None,
            breach: Some(breach.id),
            at: Some(deadline),
            title: format!(
                "{} · by {} · {}",
                breach.reference,
                deadline.to_zoned(zone.clone()).strftime("%H:%M"),
                breach.what_happened
            ),
            urgency: Urgency::of(date, today),
        });
    }
    items.sort_by(|a, b| (a.date, a.at, a.kind, &a.title).cmp(&(b.date, b.at, b.kind, &b.title)));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        example::example_workspace,
        requests::{RequestEvent, Status},
    };
    use jiff::civil::date;

    #[test]
    fn the_example_agenda_has_every_kind_of_date_in_order() {
        let today = date(2026, 11, 23);
        let workspace = example_workspace(today);
        let holidays = workspace.holidays();
        let deadlines = deadlines(&workspace, &holidays, today);
        let items = agenda(&workspace, &deadlines, today, &jiff::tz::TimeZone::UTC);
        let kinds: Vec<AgendaKind> = items.iter().map(|i| i.kind).collect();
        for kind in [
            AgendaKind::Due,
            AgendaKind::Acknowledge,
            AgendaKind::FeeRenewal,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
        }
        // The example's extended request told its requester in time: no tell-by item
        // (changed by issue 12: it used to stay on the calendar as a stale date).
        assert!(!kinds.contains(&AgendaKind::TellBy), "{kinds:?}");
        assert!(items.windows(2).all(|w| w[0].date <= w[1].date));
        let open: Vec<_> = workspace
            .requests
            .iter()
            .filter(|r| r.status.is_open())
            .collect();
        let due_items = items
            .iter()
            .filter(|i| {
                matches!(
                    i.kind,
                    AgendaKind::Due | AgendaKind::Acknowledge | AgendaKind::StopNow
                )
            })
            .count();
        // The request awaiting clarification has a stopped clock: no date, a marker.
        let stops = clock_stops(&workspace, &deadlines);
        assert_eq!(stops.len(), 1, "{stops:?}");
        let paused = workspace.request(stops[0].request).expect("request");
        assert_eq!(paused.status, Status::AwaitingClarification);
        assert_eq!(
            stops[0].date,
            date(2026, 11, 11),
            "asked 12 days before today"
        );
        assert!(items.iter().all(|i| i.request != Some(paused.id)));
        assert_eq!(
            due_items,
            open.len() - 1,
            "one date per open request with a running clock, none for closed ones"
        );
        assert!(
            items.iter().any(|i| i.urgency == Urgency::Overdue),
            "the example has an overdue request"
        );
    }

    #[test]
    fn stopped_clocks_and_early_complaints_have_no_date_to_act_by() {
        let today = date(2026, 6, 25);
        let mut workspace = example_workspace(today);
        // The example's complaint arrived ten days ago, on 15 June, before 19 June 2026.
        let complaint = workspace
            .requests
            .iter()
            .find(|r| r.is_complaint())
            .expect("complaint")
            .id;
        let holidays = workspace.holidays().into_owned();
        let open = workspace
            .requests
            .iter()
            .find(|r| r.status == Status::Open && !r.is_complaint())
            .expect("open")
            .id;
        workspace
            .record_request_event(open, RequestEvent::IdentityRequested, today, today)
            .expect("recorded");
        let deadlines = deadlines(&workspace, &holidays, today);
        assert_eq!(deadlines[&complaint].due_date(), None);
        assert_eq!(deadlines[&open].due_date(), None);
        let items = agenda(&workspace, &deadlines, today, &jiff::tz::TimeZone::UTC);
        assert!(
            items
                .iter()
                .all(|i| i.request != Some(complaint) && i.request != Some(open)),
            "{items:?}"
        );
        let stopped: Vec<RequestId> = clock_stops(&workspace, &deadlines)
            .iter()
            .map(|s| s.request)
            .collect();
        assert!(stopped.contains(&open) && !stopped.contains(&complaint));
    }
}
