//! The dates a shop must act by — request deadlines, extension tell-by dates,
//! complaint acknowledgements and the ICO fee renewal — as one list, for the overview,
//! the calendar and the ICS export alike.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{
    deadlines::{Deadline, days_between},
    holidays::Holidays,
    ids::RequestId,
    workspace::Workspace,
};

/// Days ahead within which a date counts as due soon.
pub const SOON_DAYS: i32 = 7;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AgendaKind {
    /// The response deadline of a rights request.
    Due,
    /// The last day to tell the requester of an extension.
    TellBy,
    /// The last day to acknowledge a complaint.
    Acknowledge,
    /// The ICO data-protection fee renewal.
    FeeRenewal,
}

impl AgendaKind {
    pub fn label(self) -> &'static str {
        match self {
            AgendaKind::Due => "due",
            AgendaKind::TellBy => "tell-by",
            AgendaKind::Acknowledge => "acknowledge",
            AgendaKind::FeeRenewal => "ICO fee renewal",
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
    /// "R-2026-004 · Access · Jun Okabe-Lowe".
    pub title: String,
    pub urgency: Urgency,
}

/// Every open request's deadline, by id.
pub fn deadlines(
    workspace: &Workspace,
    holidays: &Holidays,
    today: Date,
) -> HashMap<RequestId, Deadline> {
    let nation = workspace.organisation.nation;
    workspace
        .requests
        .iter()
        .map(|request| (request.id, request.deadline(nation, holidays, today)))
        .collect()
}

/// The dates to act by, in date order. Only requests still open take part.
pub fn agenda(
    workspace: &Workspace,
    deadlines: &HashMap<RequestId, Deadline>,
    today: Date,
) -> Vec<AgendaItem> {
    let mut items = Vec::new();
    for request in workspace.requests.iter().filter(|r| r.status.is_open()) {
        let Some(deadline) = deadlines.get(&request.id) else {
            continue;
        };
        let title = format!(
            "{} · {} · {}",
            request.reference, request.kind, request.requester.name
        );
        let kind = if request.is_complaint() {
            AgendaKind::Acknowledge
        } else {
            AgendaKind::Due
        };
        items.push(AgendaItem {
            date: deadline.due,
            kind,
            request: Some(request.id),
            title: title.clone(),
            urgency: Urgency::of(deadline.due, today),
        });
        if let Some(tell_by) = deadline.tell_by {
            // Only extended requests have one, and their requester has been told: the
            // date is a record, never a warning.
            items.push(AgendaItem {
                date: tell_by,
                kind: AgendaKind::TellBy,
                request: Some(request.id),
                title,
                urgency: Urgency::Later,
            });
        }
    }
    if let Some(renewal) = workspace.organisation.ico_renewal_date {
        items.push(AgendaItem {
            date: renewal,
            kind: AgendaKind::FeeRenewal,
            request: None,
            title: "Renew the ICO data-protection fee".to_owned(),
            urgency: Urgency::of(renewal, today),
        });
    }
    items.sort_by(|a, b| (a.date, a.kind, &a.title).cmp(&(b.date, b.kind, &b.title)));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;
    use jiff::civil::date;

    #[test]
    fn the_example_agenda_has_every_kind_of_date_in_order() {
        let today = date(2026, 11, 23);
        let workspace = example_workspace(today);
        let holidays = workspace.holidays();
        let deadlines = deadlines(&workspace, &holidays, today);
        let items = agenda(&workspace, &deadlines, today);
        let kinds: Vec<AgendaKind> = items.iter().map(|i| i.kind).collect();
        for kind in [
            AgendaKind::Due,
            AgendaKind::TellBy,
            AgendaKind::Acknowledge,
            AgendaKind::FeeRenewal,
        ] {
            assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
        }
        assert!(items.windows(2).all(|w| w[0].date <= w[1].date));
        let open = workspace
            .requests
            .iter()
            .filter(|r| r.status.is_open())
            .count();
        let due_items = items
            .iter()
            .filter(|i| matches!(i.kind, AgendaKind::Due | AgendaKind::Acknowledge))
            .count();
        assert_eq!(
            due_items, open,
            "one due date per open request, none for closed ones"
        );
        assert!(
            items.iter().any(|i| i.urgency == Urgency::Overdue),
            "the example has an overdue request"
        );
    }
}
