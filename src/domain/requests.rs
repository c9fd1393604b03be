//! The rights-request log: who asked for what, when, and everything that happened since.
//!
//! A request changes only through [`RightsRequest::record`], which checks the step is
//! allowed in the request's state and appends it to the timeline. The timeline is never
//! rewritten, so it is the shop's evidence of how it handled the request.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{
    deadlines::{self, ClockEvents, ClockState, Counting, Deadline, Pause, short_date},
    holidays::Holidays,
    ids::{ActivityId, RequestId},
    organisation::Nation,
    rights::{self, Clock},
    validate::{FieldIssue, check_email, parse_date},
};

/// What the requester asked for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum RequestKind {
    #[default]
    Access,
    Rectification,
    Erasure,
    Restriction,
    Objection,
    DirectMarketingObjection,
    Portability,
    AutomatedDecisionReview,
    ConsentWithdrawal,
    /// A data-protection complaint to the shop (DPA 2018 s.164A).
    Complaint,
}

impl RequestKind {
    pub const ALL: [RequestKind; <RequestKind as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();
}

impl fmt::Display for RequestKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RequestKind::Access => "Subject access",
            RequestKind::Rectification => "Rectification",
            RequestKind::Erasure => "Erasure",
            RequestKind::Restriction => "Restriction",
            RequestKind::Objection => "Objection",
            RequestKind::DirectMarketingObjection => "Objection to direct marketing",
            RequestKind::Portability => "Portability",
            RequestKind::AutomatedDecisionReview => "Automated decision review",
            RequestKind::ConsentWithdrawal => "Withdrawal of consent",
            RequestKind::Complaint => "Complaint",
        })
    }
}

/// How the request arrived.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    #[default]
    Email,
    Post,
    Phone,
    InPerson,
    WebForm,
    SocialMedia,
    Other,
}

impl Channel {
    pub const ALL: [Channel; <Channel as strum::EnumCount>::COUNT] = crate::domain::every_variant();
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Channel::Email => "Email",
            Channel::Post => "Post",
            Channel::Phone => "Phone",
            Channel::InPerson => "In person",
            Channel::WebForm => "Web form",
            Channel::SocialMedia => "Social media",
            Channel::Other => "Other",
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requester {
    pub name: String,
    pub email: String,
    /// The whole postal address, one line per line.
    pub postal_address: String,
    /// Whom the requester acts for, when not themselves (a parent, a solicitor…).
    pub acting_for: String,
    /// Whether proof of authority to act for that person is needed.
    pub authority_needed: bool,
}

/// Where a request stands.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Open,
    AwaitingIdentity,
    AwaitingClarification,
    AwaitingFee,
    Extended,
    Responded,
    Refused,
    Withdrawn,
    Closed,
}

impl Status {
    pub const ALL: [Status; <Status as strum::EnumCount>::COUNT] = crate::domain::every_variant();

    /// True while the shop still owes the requester something.
    pub fn is_open(self) -> bool {
        !matches!(
            self,
            Status::Responded | Status::Refused | Status::Withdrawn | Status::Closed
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Open => "Open",
            Status::AwaitingIdentity => "Awaiting identity",
            Status::AwaitingClarification => "Awaiting clarification",
            Status::AwaitingFee => "Awaiting fee",
            Status::Extended => "Extended",
            Status::Responded => "Responded",
            Status::Refused => "Refused",
            Status::Withdrawn => "Withdrawn",
            Status::Closed => "Closed",
        })
    }
}

/// The stable name of the letter that acknowledges a complaint (s.164A): once it is marked
/// as sent, the complaint has no further statutory date. The letter pack's template uses
/// this name, so the two cannot drift apart.
pub const COMPLAINT_ACKNOWLEDGEMENT: &str = "complaint-acknowledgement";
/// The stable name of the acknowledgement letter, which tells the requester when the
/// reply will come.
pub const ACKNOWLEDGEMENT: &str = "acknowledgement";

/// The due date moved after a step: what it was, what it is, and what a letter already
/// sent told the requester. Shown on the request until the user notes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueDateMove {
    /// The day of the step that moved it.
    pub on: Date,
    pub was: Date,
    pub now: Date,
    /// When the acknowledgement was sent, and the date it gave, where that is not the
    /// date now.
    pub promised: Option<(Date, Date)>,
}

impl DueDateMove {
    /// The sentence the request shows, in the user's terms.
    pub fn message(&self) -> String {
        let moved = format!(
            "The due date moved on {}: was {}, now {}.",
            short_date(self.on),
            short_date(self.was),
            short_date(self.now)
        );
        match self.promised {
            Some((sent, date)) => format!(
                "{moved} Your acknowledgement of {} promised a reply by {}: tell them the new date.",
                short_date(sent),
                short_date(date)
            ),
            None => moved,
        }
    }

    /// The note the timeline keeps once the user has taken the move in: while it is
    /// there, the move is not shown again.
    pub fn noted(&self) -> String {
        format!(
            "Noted: the due date moved from {} to {}.",
            short_date(self.was),
            short_date(self.now)
        )
    }
}

/// A step in handling a request, as recorded by the shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum RequestEvent {
    Logged,
    IdentityRequested,
    IdentityReceived,
    FeeRequested,
    FeeReceived,
    ClarificationAsked,
    ClarificationAnswered,
    Extended {
        reason: String,
    },
    Responded {
        outcome: String,
    },
    Refused {
        reason: String,
    },
    Withdrawn,
    Closed,
    /// A letter as sent, kept word for word. `template` is the letter's stable name
    /// (`complaint-acknowledgement`), which decides what the record allows later (a
    /// complaint's outcome once it was acknowledged); `title` is what it was called when
    /// sent, which only the timeline shows — renaming a letter changes no file's meaning.
    LetterSent {
        template: String,
        title: String,
        text: String,
    },
    Note {
        text: String,
    },
}

impl RequestEvent {
    /// The status this step leads to from `from`, or `None` when it is not allowed.
    /// `pauses`: whether a clarification stops this request's clock (subject access
    /// only); elsewhere asking leaves the request as it was, and the clock runs.
    fn next_status(&self, from: Status, extended: bool, pauses: bool) -> Option<Status> {
        use RequestEvent as E;
        use Status as S;
        let active = if extended { S::Extended } else { S::Open };
        match (self, from) {
            (E::ClarificationAsked | E::ClarificationAnswered, S::Open | S::Extended)
                if !pauses =>
            {
                Some(from)
            }
            (E::Logged | E::Note { .. } | E::LetterSent { .. }, status) => Some(status),
            (E::IdentityRequested, S::Open) => Some(S::AwaitingIdentity),
            (E::IdentityReceived, S::AwaitingIdentity) | (E::FeeReceived, S::AwaitingFee) => {
                Some(active)
            }
            (E::FeeRequested, S::Open) => Some(S::AwaitingFee),
            (E::ClarificationAsked, S::Open | S::Extended) => Some(S::AwaitingClarification),
            (E::ClarificationAnswered, S::AwaitingClarification) => Some(active),
            (E::Extended { .. }, S::Open) => Some(S::Extended),
            // A reply may go while the shop waits (what it can already send, or it decided
            // it needs nothing more); so may a refusal.
            (
                E::Responded { .. } | E::Refused { .. },
                S::Open
                | S::Extended
                | S::AwaitingIdentity
                | S::AwaitingClarification
                | S::AwaitingFee,
            ) => Some(if matches!(self, E::Responded { .. }) {
                S::Responded
            } else {
                S::Refused
            }),
            (E::Withdrawn, status) if status.is_open() => Some(S::Withdrawn),
            (E::Closed, S::Responded | S::Refused | S::Withdrawn) => Some(S::Closed),
            _ => None,
        }
    }

    /// A short description for the timeline.
    pub fn describe(&self) -> String {
        match self {
            RequestEvent::Logged => "Request logged".to_owned(),
            RequestEvent::IdentityRequested => {
                "Asked for proof of identity or authority".to_owned()
            }
            RequestEvent::IdentityReceived => {
                "Proof of identity or authority received: the month restarts".to_owned()
            }
            RequestEvent::FeeRequested => "Asked for a fee".to_owned(),
            RequestEvent::FeeReceived => "Fee received: the month restarts".to_owned(),
            RequestEvent::ClarificationAsked => "Asked for clarification".to_owned(),
            RequestEvent::ClarificationAnswered => "Clarification received".to_owned(),
            RequestEvent::Extended { reason } => format!("Extended by two months: {reason}"),
            RequestEvent::Responded { outcome } => format!("Responded: {outcome}"),
            RequestEvent::Refused { reason } => format!("Refused: {reason}"),
            RequestEvent::Withdrawn => "Withdrawn by the requester".to_owned(),
            RequestEvent::Closed => "Closed".to_owned(),
            RequestEvent::LetterSent { title, .. } => format!("Letter sent: {title}"),
            RequestEvent::Note { text } => format!("Note: {text}"),
        }
    }
}

/// One dated line of a request's history. (serde cannot deny unknown fields next to a
/// flattened one; the format version guards against fields from newer builds.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    pub on: Date,
    #[serde(flatten)]
    pub event: RequestEvent,
    /// The status the request had after this step.
    pub status: Status,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clarification {
    pub asked: Date,
    pub answered: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extension {
    pub reason: String,
    pub notified_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    pub on: Date,
    pub outcome: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RightsRequest {
    pub id: RequestId,
    /// The human reference quoted in letters, e.g. `R-2026-004`.
    pub reference: String,
    pub kind: RequestKind,
    pub requester: Requester,
    pub received: Date,
    pub channel: Channel,
    /// What was asked, in the requester's words or a summary.
    pub details: String,
    /// The register activities the request concerns.
    pub activities: Vec<ActivityId>,
    pub identity_requested: Option<Date>,
    pub identity_received: Option<Date>,
    pub fee_requested: Option<Date>,
    pub fee_received: Option<Date>,
    pub clarifications: Vec<Clarification>,
    pub extension: Option<Extension>,
    pub status: Status,
    pub response: Option<Response>,
    pub notes: String,
    pub timeline: Vec<TimelineEntry>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum RecordError {
    #[error("“{event}” cannot be recorded while the request is {status}")]
    NotAllowed { event: String, status: Status },
    #[error("{on} is before the request was received ({received})")]
    BeforeReceipt { on: String, received: String },
    #[error(
        "{on} is before the last step recorded ({last}); record steps in the order they happened"
    )]
    OutOfOrder { on: String, last: String },
    #[error("{on} is in the future; record a step on or after the day it happens")]
    InTheFuture { on: String },
    #[error(
        "the last day to tell them about an extension was {tell_by}: the law allows an extension only if they are told within the first month"
    )]
    TellByPassed { tell_by: String },
    #[error("say why: {0}")]
    ReasonNeeded(&'static str),
    #[error(
        "the response was due by {due}: a clarification asked on or after that day does not stop the clock, so it cannot be recorded as one; keep it as a note instead"
    )]
    ClarificationTooLate { due: String },
    #[error("proof of identity or authority already arrived on {on}")]
    IdentityArrived { on: String },
    /// The rulebook does not give this right the step (facts §6.4).
    #[error("{0}")]
    NotForThisRight(String),
    #[error(
        "the time limit ran out on {due}: asking for {what} now cannot restart or pause it — the reply is what is owed"
    )]
    TimeRanOut { due: String, what: &'static str },
}

impl RightsRequest {
    /// A new request, logged on the day it was received.
    pub fn new(
        id: RequestId,
        reference: String,
        kind: RequestKind,
        requester: Requester,
        received: Date,
    ) -> Self {
        let status = Status::Open;
        Self {
            id,
            reference,
            kind,
            requester,
            received,
            channel: Channel::default(),
            details: String::new(),
            activities: Vec::new(),
            identity_requested: None,
            identity_received: None,
            fee_requested: None,
            fee_received: None,
            clarifications: Vec::new(),
            extension: None,
            status,
            response: None,
            notes: String::new(),
            timeline: vec![TimelineEntry {
                on: received,
                event: RequestEvent::Logged,
                status,
            }],
        }
    }

    pub fn is_complaint(&self) -> bool {
        self.kind == RequestKind::Complaint
    }

    /// What the law gives this kind of request (facts §6.4).
    pub fn rules(&self) -> rights::Rules {
        rights::rules(self.kind)
    }

    /// Whether the shop must act at once — an open objection to direct marketing or
    /// withdrawal of consent: the due date is only the written confirmation's.
    pub fn stops_at_once(&self) -> bool {
        self.status.is_open() && self.rules().clock == Clock::StopAtOnce
    }

    /// The day the first letter named `template` (its stable name) was marked as sent.
    pub fn letter_sent_on(&self, template: &str) -> Option<Date> {
        self.timeline.iter().find_map(|entry| match &entry.event {
            RequestEvent::LetterSent { template: sent, .. } if sent == template => Some(entry.on),
            _ => None,
        })
    }

    /// The events that move the legal clock.
    pub fn clock_events(&self) -> ClockEvents {
        ClockEvents {
            received: self.received,
            identity_requested: self.identity_requested,
            identity_received: self.identity_received,
            fee_requested: self.fee_requested,
            fee_received: self.fee_received,
            // Only a subject access request's clock pauses for a clarification (Art. 12A);
            // elsewhere one is recorded, and the clock runs.
            pauses: if self.rules().clarification_pauses() {
                self.clarifications
                    .iter()
                    .map(|c| Pause {
                        asked: c.asked,
                        answered: c.answered,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            extended: self.extension.is_some(),
        }
    }

    /// The request's deadline counted the workspace's way: the response deadline, or
    /// for a complaint the acknowledgement deadline — or why there is none (a stopped
    /// clock, a complaint from before the duty began), in [`Deadline::state`].
    pub fn deadline_with(&self, counting: Counting) -> Deadline {
        if self.is_complaint() {
            let mut deadline = deadlines::complaint_deadline(self.received, counting);
            if let Some(on) = self.letter_sent_on(COMPLAINT_ACKNOWLEDGEMENT) {
                deadline
                    .steps
                    .push(format!("acknowledged {}", short_date(on)));
                deadline.state = ClockState::Acknowledged(on);
            }
            deadline
        } else {
            deadlines::response_deadline(&self.timely_clock_events(counting), counting)
        }
    }

    /// The clock events as they stood at the end of `day`: only what had happened by
    /// then.
    fn clock_events_on(&self, day: Date) -> ClockEvents {
        let by = |on: Option<Date>| on.filter(|on| *on <= day);
        let all = self.clock_events();
        ClockEvents {
            received: all.received,
            identity_requested: by(all.identity_requested),
            identity_received: by(all.identity_received),
            fee_requested: by(all.fee_requested),
            fee_received: by(all.fee_received),
            pauses: all
                .pauses
                .iter()
                .filter(|pause| pause.asked <= day)
                .map(|pause| Pause {
                    asked: pause.asked,
                    answered: by(pause.answered),
                })
                .collect(),
            extended: self
                .extension
                .as_ref()
                .is_some_and(|extension| extension.notified_on <= day),
        }
    }

    /// The due date as it stood at the end of `day` (none while the clock was stopped).
    fn due_on(&self, day: Date, counting: Counting) -> Option<Date> {
        deadlines::response_deadline(&timely(self.clock_events_on(day), counting), counting)
            .due_date()
    }

    /// The last move of an open request's due date, from the date it had before the
    /// step that moved it (a clock that stopped and restarted included) to the date
    /// now, with what the acknowledgement promised — unless the user noted it in the
    /// timeline ([`DueDateMove::noted`]). Complaints and "stop now" requests have no
    /// reply date to move.
    pub fn due_date_move(&self, counting: Counting) -> Option<DueDateMove> {
        if !self.status.is_open() || self.is_complaint() || self.stops_at_once() {
            return None;
        }
        let now = self.deadline_with(counting).due_date()?;
        let all = self.clock_events();
        let mut days: Vec<Date> = [
            all.identity_requested,
            all.identity_received,
            all.fee_requested,
            all.fee_received,
        ]
        .into_iter()
        .flatten()
        .chain(
            all.pauses
                .iter()
                .flat_map(|p| [Some(p.asked), p.answered])
                .flatten(),
        )
        .chain(self.extension.as_ref().map(|e| e.notified_on))
        .filter(|day| *day >= self.received)
        .collect();
        days.sort_unstable();
        days.dedup();
        // The latest step after which the date differs from the one before it.
        let mut last_due = self.due_on(self.received, counting);
        let mut moved = None;
        for day in days {
            let due = self.due_on(day, counting);
            if let Some(due) = due {
                if let Some(was) = last_due
                    && was != due
                {
                    moved = Some((day, was));
                }
                last_due = Some(due);
            }
        }
        let (on, was) = moved?;
        if was == now {
            return None;
        }
        let promised = self
            .letter_sent_on(ACKNOWLEDGEMENT)
            .and_then(|sent| Some((sent, self.due_on(sent, counting)?)))
            .filter(|(_, date)| *date != now);
        let change = DueDateMove {
            on,
            was,
            now,
            promised,
        };
        let noted = change.noted();
        let seen = self.timeline.iter().any(
            |entry| matches!(&entry.event, RequestEvent::Note { text } if text.trim() == noted),
        );
        (!seen).then_some(change)
    }

    /// The clock events without any ask made once the time had run out: no revival
    /// (facts §6.4). The step check refuses such asks; this keeps a file written before
    /// that rule from showing a late request as in time.
    pub fn timely_clock_events(&self, counting: Counting) -> ClockEvents {
        timely(self.clock_events(), counting)
    }
}

/// `all` without any ask made once the time had run out (see
/// [`RightsRequest::timely_clock_events`]).
fn timely(all: ClockEvents, counting: Counting) -> ClockEvents {
    /// Something the shop asked for that moves the clock, judged in date order.
    #[derive(Clone, Copy)]
    enum Ask {
        Identity,
        Fee,
        Clarification(Pause),
    }
    if all.identity_requested.is_none() && all.fee_requested.is_none() && all.pauses.is_empty() {
        return all; // nothing asked: nothing to judge
    }
    let mut timely = ClockEvents {
        received: all.received,
        extended: all.extended,
        ..ClockEvents::default()
    };
    // Each ask in date order, judged against the clock as it stood before it.
    let mut asks: Vec<(Date, Ask)> = Vec::new();
    asks.extend(all.identity_requested.map(|on| (on, Ask::Identity)));
    asks.extend(all.fee_requested.map(|on| (on, Ask::Fee)));
    asks.extend(all.pauses.iter().map(|p| (p.asked, Ask::Clarification(*p))));
    // Stable: on one day, identity, then a fee, then clarifications.
    asks.sort_by_key(|(on, _)| *on);
    // Arrivals with no ask recorded (hand-edited files) count as before.
    if all.identity_requested.is_none() {
        timely.identity_received = all.identity_received;
    }
    if all.fee_requested.is_none() {
        timely.fee_received = all.fee_received;
    }
    for (on, ask) in asks {
        // A pause asked on the last day stops nothing; an ask after it revives nothing.
        let late = deadlines::response_deadline(&timely, counting)
            .due_date()
            .is_some_and(|due| match ask {
                Ask::Clarification(_) => on >= due,
                Ask::Identity | Ask::Fee => on > due,
            });
        match ask {
            _ if late => {}
            Ask::Identity => {
                timely.identity_requested = all.identity_requested;
                timely.identity_received = all.identity_received;
            }
            Ask::Fee => {
                timely.fee_requested = all.fee_requested;
                timely.fee_received = all.fee_received;
            }
            Ask::Clarification(pause) => timely.pauses.push(pause),
        }
    }
    timely
}

impl RightsRequest {
    /// Whether the request has a date to act by: running, stopped (and why), or none.
    pub fn clock(&self, counting: Counting) -> ClockState {
        self.deadline_with(counting).state
    }

    /// The request's deadline, the ICO's way (see [`Self::deadline_with`]). `today` is
    /// not used: a stopped clock gives no date rather than one that moves.
    pub fn deadline(&self, nation: Nation, holidays: &Holidays, _today: Date) -> Deadline {
        self.deadline_with(Counting::ico(nation, holidays))
    }

    /// [`Self::check_with`], counted the ICO's way.
    pub fn check(
        &self,
        event: &RequestEvent,
        on: Date,
        today: Date,
        nation: Nation,
        holidays: &Holidays,
    ) -> Result<Status, RecordError> {
        self.check_with(event, on, today, Counting::ico(nation, holidays))
    }

    /// Whether `event` may be recorded on `on`, and if not, why — the one check shared
    /// by the screens (to enable a step and explain a refusal) and by [`Self::record`].
    pub fn check_with(
        &self,
        event: &RequestEvent,
        on: Date,
        today: Date,
        counting: Counting,
    ) -> Result<Status, RecordError> {
        self.check_date(on, today)?;
        if self.status == Status::Extended
            && matches!(
                event,
                RequestEvent::IdentityRequested | RequestEvent::FeeRequested
            )
        {
            // The state machine refuses it too; this says the law's reason.
            return Err(RecordError::NotForThisRight(
                "proof of identity and a fee are asked for at the start (Art. 12(6), 12(5)); once the time is extended it runs on, and the reply is what is owed".to_owned(),
            ));
        }
        let next = self.step_in_state(event)?;
        if let (RequestEvent::IdentityRequested, Some(arrived)) = (event, self.identity_received) {
            return Err(RecordError::IdentityArrived {
                on: short_date(arrived),
            });
        }
        self.check_timing(event, on, counting)?;
        Ok(next)
    }

    /// A step's day: not before the request arrived, not in the future, not before the
    /// last step recorded.
    fn check_date(&self, on: Date, today: Date) -> Result<(), RecordError> {
        if on < self.received {
            return Err(RecordError::BeforeReceipt {
                on: short_date(on),
                received: short_date(self.received),
            });
        }
        if on > today {
            return Err(RecordError::InTheFuture { on: short_date(on) });
        }
        if let Some(last) = self.timeline.last().filter(|last| on < last.on) {
            return Err(RecordError::OutOfOrder {
                on: short_date(on),
                last: short_date(last.on),
            });
        }
        Ok(())
    }

    /// The law's timing and reasons for `event` on `on`: no revival once the time has
    /// run out, an extension only within the first month, a reason where one is owed.
    fn check_timing(
        &self,
        event: &RequestEvent,
        on: Date,
        counting: Counting,
    ) -> Result<(), RecordError> {
        match event {
            RequestEvent::IdentityRequested | RequestEvent::FeeRequested => {
                // No revival: once the time has run out, nothing restarts it.
                if let Some(due) = self.deadline_with(counting).due_date()
                    && on > due
                {
                    return Err(RecordError::TimeRanOut {
                        due: short_date(due),
                        what: if matches!(event, RequestEvent::FeeRequested) {
                            "a fee"
                        } else {
                            "proof of identity"
                        },
                    });
                }
            }
            RequestEvent::Extended { reason } => {
                if reason.trim().is_empty() {
                    return Err(RecordError::ReasonNeeded(
                        "the requester must be told why the request needs longer",
                    ));
                }
                if let Some(tell_by) = self.tell_by(counting)
                    && on > tell_by
                {
                    return Err(RecordError::TellByPassed {
                        tell_by: short_date(tell_by),
                    });
                }
            }
            RequestEvent::ClarificationAsked => {
                // Asked once the time has run out, it stops nothing (the engine would
                // ignore it) and the reply is what is owed: refused here, so the timeline
                // never claims a pause.
                // A pause asked on the last day stops nothing; a question that pauses
                // nothing may still be asked that day.
                let pauses = self.rules().clarification_pauses();
                if let Some(due) = self.deadline_with(counting).due_date()
                    && (on > due || (pauses && on == due))
                {
                    let due = short_date(due);
                    return Err(if pauses {
                        RecordError::ClarificationTooLate { due }
                    } else {
                        RecordError::TimeRanOut {
                            due,
                            what: "a clarification",
                        }
                    });
                }
            }
            RequestEvent::Refused { reason } if reason.trim().is_empty() => {
                return Err(RecordError::ReasonNeeded(
                    "a refusal must give the requester its reasons",
                ));
            }
            RequestEvent::Note { text } if text.trim().is_empty() => {
                return Err(RecordError::ReasonNeeded("write the note first"));
            }
            _ => {}
        }
        Ok(())
    }

    /// The last day to tell the requester of an extension (the one-month deadline of the
    /// same clock, no late ask counted); `None` while the clock is stopped.
    pub fn tell_by(&self, counting: Counting) -> Option<Date> {
        deadlines::tell_by_date(&self.timely_clock_events(counting), counting)
    }

    /// [`Self::record_with`], counted the ICO's way.
    pub fn record(
        &mut self,
        event: RequestEvent,
        on: Date,
        today: Date,
        nation: Nation,
        holidays: &Holidays,
    ) -> Result<(), RecordError> {
        self.record_with(event, on, today, Counting::ico(nation, holidays))
    }

    /// Records a step taken on `on` after [`Self::check_with`] allows it, and applies
    /// what it implies (a restart, a pause, an extension…). A refused step changes
    /// nothing.
    pub fn record_with(
        &mut self,
        event: RequestEvent,
        on: Date,
        today: Date,
        counting: Counting,
    ) -> Result<(), RecordError> {
        let next = self.check_with(&event, on, today, counting)?;
        match &event {
            RequestEvent::IdentityRequested => self.identity_requested = Some(on),
            RequestEvent::IdentityReceived => self.identity_received = Some(on),
            RequestEvent::FeeRequested => self.fee_requested = Some(on),
            RequestEvent::FeeReceived => self.fee_received = Some(on),
            RequestEvent::ClarificationAsked => self.clarifications.push(Clarification {
                asked: on,
                answered: None,
            }),
            RequestEvent::ClarificationAnswered => {
                if let Some(open) = self
                    .clarifications
                    .iter_mut()
                    .rev()
                    .find(|c| c.answered.is_none())
                {
                    open.answered = Some(on);
                }
            }
            RequestEvent::Extended { reason } => {
                self.extension = Some(Extension {
                    reason: reason.trim().to_owned(),
                    notified_on: on,
                });
            }
            RequestEvent::Responded { outcome } => {
                self.response = Some(Response {
                    on,
                    outcome: outcome.trim().to_owned(),
                });
            }
            RequestEvent::Refused { reason } => {
                self.response = Some(Response {
                    on,
                    outcome: format!("Refused: {}", reason.trim()),
                });
            }
            RequestEvent::Logged
            | RequestEvent::Withdrawn
            | RequestEvent::Closed
            | RequestEvent::LetterSent { .. }
            | RequestEvent::Note { .. } => {}
        }
        self.status = next;
        self.timeline.push(TimelineEntry {
            on,
            event,
            status: next,
        });
        Ok(())
    }

    /// A warning when `event` asks for identity or a clarification with under
    /// [`rights::LATE_ASK_DAYS`] days left before the due date: the ICO expects both asked
    /// as soon as possible (facts §6.4). The step still goes; the shop is told.
    pub fn late_ask_warning(
        &self,
        event: &RequestEvent,
        on: Date,
        counting: Counting,
    ) -> Option<String> {
        let what = match event {
            RequestEvent::IdentityRequested => "proof of identity",
            RequestEvent::ClarificationAsked => "a clarification",
            _ => return None,
        };
        let due = self.deadline_with(counting).due_date()?;
        let left = deadlines::days_between(on, due);
        (0..rights::LATE_ASK_DAYS).contains(&left).then(|| {
            let when = match left {
                0 => "the reply is due today".to_owned(),
                1 => "only 1 day is left before the reply is due".to_owned(),
                left => format!("only {left} days are left before the reply is due"),
            };
            format!(
                "{when} ({}): the ICO expects {what} to be asked as soon as possible, not late in the month",
                short_date(due)
            )
        })
    }

    /// What the shop should hear when it records `event` on `on` (it is recorded all the
    /// same): an ask late in the month, or a step that moves the clock dated in the past.
    pub fn step_warnings(
        &self,
        event: &RequestEvent,
        on: Date,
        today: Date,
        counting: Counting,
    ) -> Vec<String> {
        let backdated = Self::moves_the_clock(event)
            .then(|| Self::backdated_step_warning(&format!("“{}”", event.describe()), on, today))
            .flatten();
        self.late_ask_warning(event, on, counting)
            .into_iter()
            .chain(backdated)
            .collect()
    }

    /// Whether a step moves the clock: an ask, an arrival, an extension.
    pub fn moves_the_clock(event: &RequestEvent) -> bool {
        matches!(
            event,
            RequestEvent::IdentityRequested
                | RequestEvent::IdentityReceived
                | RequestEvent::FeeRequested
                | RequestEvent::FeeReceived
                | RequestEvent::ClarificationAsked
                | RequestEvent::ClarificationAnswered
                | RequestEvent::Extended { .. }
        )
    }

    /// A warning when `what` (a step that moves the clock) is dated before `today`: it is
    /// kept as happening that day and the due date is worked out from it, so the shop
    /// records it only if it really happened then (facts §6.4).
    pub fn backdated_step_warning(what: &str, on: Date, today: Date) -> Option<String> {
        (on < today).then(|| {
            format!(
                "{what} dated {}, before today, is kept as happening that day and the due date is worked out from it: record it only if it really happened then",
                short_date(on)
            )
        })
    }

    /// The steps allowed now, for the detail pane's buttons.
    pub fn allowed(&self, event: &RequestEvent) -> bool {
        self.step_in_state(event).is_ok()
    }

    /// What this right and the request's state allow, whatever the day: the rulebook
    /// first (in its words), then the state machine; the status the step leads to.
    fn step_in_state(&self, event: &RequestEvent) -> Result<Status, RecordError> {
        if let Some(reason) = self.rules().refuses(self.kind, event) {
            return Err(RecordError::NotForThisRight(reason));
        }
        let not_now = || RecordError::NotAllowed {
            event: event.describe(),
            status: self.status,
        };
        let next = event
            .next_status(
                self.status,
                self.extension.is_some(),
                self.rules().clarification_pauses(),
            )
            .ok_or_else(not_now)?;
        if matches!(event, RequestEvent::ClarificationAnswered)
            && !self.clarifications.iter().any(|c| c.answered.is_none())
        {
            return Err(not_now());
        }
        Ok(next)
    }
}

/// Labels of the "Log a request" form, shared with the problems it reports.
pub mod field {
    pub const NAME: &str = "Requester's name";
    pub const EMAIL: &str = "Requester's email";
    pub const ADDRESS: &str = "Requester's postal address";
    pub const ACTING_FOR: &str = "Acting for";
    pub const RECEIVED: &str = "Received on";
    pub const DETAILS: &str = "What they asked";
}

/// The "Log a request" form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestDraft {
    pub name: String,
    pub email: String,
    pub postal_address: String,
    pub acting_for: String,
    pub authority_needed: bool,
    pub kind: RequestKind,
    /// YYYY-MM-DD; empty means today.
    pub received: String,
    pub channel: Channel,
    pub details: String,
    /// The register activities the request concerns.
    pub activities: Vec<ActivityId>,
}

/// A request ready to log: the workspace gives it its id and reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRequest {
    pub kind: RequestKind,
    pub requester: Requester,
    pub received: Date,
    pub channel: Channel,
    pub details: String,
    pub activities: Vec<ActivityId>,
}

impl RequestDraft {
    pub fn validate(&self, today: Date) -> Result<NewRequest, Vec<FieldIssue>> {
        let mut issues = Vec::new();
        let mut problem = |field: &'static str, message: String| {
            issues.push(FieldIssue {
                record: "New request".to_owned(),
                field,
                message,
            });
        };
        if self.name.trim().is_empty() {
            problem(field::NAME, "required: who made the request".to_owned());
        }
        if !self.email.trim().is_empty()
            && let Err(message) = check_email(&self.email)
        {
            problem(field::EMAIL, message);
        }
        let received = if self.received.trim().is_empty() {
            Some(today)
        } else {
            match parse_date(&self.received) {
                Ok(date) if date > today => {
                    problem(
                        field::RECEIVED,
                        "a request cannot arrive in the future".to_owned(),
                    );
                    None
                }
                Ok(date) => Some(date),
                Err(message) => {
                    problem(field::RECEIVED, message);
                    None
                }
            }
        };
        match received {
            Some(received) if issues.is_empty() => Ok(NewRequest {
                kind: self.kind,
                requester: Requester {
                    name: self.name.trim().to_owned(),
                    email: self.email.trim().to_owned(),
                    postal_address: self.postal_address.trim().to_owned(),
                    acting_for: self.acting_for.trim().to_owned(),
                    authority_needed: self.authority_needed,
                },
                received,
                channel: self.channel,
                details: self.details.trim().to_owned(),
                activities: self.activities.clone(),
            }),
            _ => Err(issues),
        }
    }
}

/// The next free reference for a request received in `year`: `R-2026-004`.
pub fn next_reference(requests: &[RightsRequest], year: i16) -> String {
    super::ids::next_reference('R', requests.iter().map(|r| r.reference.as_str()), year)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn request() -> RightsRequest {
        RightsRequest::new(
            RequestId(1),
            "R-2026-001".into(),
            RequestKind::Access,
            Requester {
                name: "Priya Fictional".into(),
                ..Requester::default()
            },
            date(2026, 3, 2),
        )
    }

    fn record(
        request: &mut RightsRequest,
        event: RequestEvent,
        on: Date,
    ) -> Result<(), RecordError> {
        request.record(
            event,
            on,
            date(2026, 12, 31),
            Nation::EnglandAndWales,
            Holidays::shipped(),
        )
    }

    /// DPA 2018 s.164A (facts §1.6): a complaint is acknowledged within 30 days; once the
    /// acknowledgement has gone there is no further statutory date — no "acknowledge by"
    /// left on the overview, the calendar or the requests list. Known by the letter's
    /// stable name, not its title.
    #[test]
    fn an_acknowledged_complaint_has_no_date_left_to_acknowledge_by() {
        let counting = Counting::ico(Nation::EnglandAndWales, Holidays::shipped());
        let mut complaint = RightsRequest {
            kind: RequestKind::Complaint,
            ..request()
        };
        complaint.received = date(2026, 11, 2);
        // 30 days from the day after 2 November: Wed 2 December 2026.
        assert_eq!(
            complaint.deadline_with(counting).due_date(),
            Some(date(2026, 12, 2))
        );
        let letter = |template: &str, title: &str| RequestEvent::LetterSent {
            template: template.to_owned(),
            title: title.to_owned(),
            text: "Dear…".to_owned(),
        };
        // A letter that only bears the title acknowledges nothing.
        record(
            &mut complaint,
            letter("a-note", "Complaint acknowledgement"),
            date(2026, 11, 9),
        )
        .expect("recorded");
        assert_eq!(
            complaint.deadline_with(counting).due_date(),
            Some(date(2026, 12, 2))
        );
        record(
            &mut complaint,
            letter(COMPLAINT_ACKNOWLEDGEMENT, "Thank you for your complaint"),
            date(2026, 11, 10),
        )
        .expect("recorded");
        let deadline = complaint.deadline_with(counting);
        assert_eq!(deadline.due_date(), None);
        assert_eq!(deadline.state, ClockState::Acknowledged(date(2026, 11, 10)));
        assert!(
            deadline
                .state
                .message()
                .is_some_and(|m| m.starts_with("Acknowledged on Tue 10 Nov 2026"))
        );
    }

    /// Identity asked the day after a request of Mon 2 Mar 2026 (due Thu 2 Apr) and
    /// received Tue 10 Mar: the month restarts (due Fri 10 Apr, facts §6.2). The
    /// acknowledgement sent on 2 Mar promised 2 Apr; the request says so until noted.
    #[test]
    fn a_moved_due_date_is_said_with_what_the_acknowledgement_promised() {
        let counting = Counting::ico(Nation::EnglandAndWales, Holidays::shipped());
        let mut r = request();
        record(
            &mut r,
            RequestEvent::LetterSent {
                template: ACKNOWLEDGEMENT.to_owned(),
                title: "Acknowledgement".to_owned(),
                text: "We will reply by 2 April 2026.".to_owned(),
            },
            date(2026, 3, 2),
        )
        .expect("allowed");
        assert_eq!(r.due_date_move(counting), None, "nothing moved yet");
        record(&mut r, RequestEvent::IdentityRequested, date(2026, 3, 3)).expect("allowed");
        assert_eq!(
            r.due_date_move(counting),
            None,
            "stopped: no date to compare"
        );
        record(&mut r, RequestEvent::IdentityReceived, date(2026, 3, 10)).expect("allowed");
        let moved = r.due_date_move(counting).expect("moved");
        assert_eq!(
            moved,
            DueDateMove {
                on: date(2026, 3, 10),
                was: date(2026, 4, 2),
                now: date(2026, 4, 10),
                promised: Some((date(2026, 3, 2), date(2026, 4, 2))),
            }
        );
        let message = moved.message();
        assert!(
            message.contains("was Thu 2 Apr 2026, now Fri 10 Apr 2026"),
            "{message}"
        );
        assert!(
            message.contains("promised a reply by Thu 2 Apr 2026"),
            "{message}"
        );
        record(
            &mut r,
            RequestEvent::Note {
                text: moved.noted(),
            },
            date(2026, 3, 10),
        )
        .expect("a note is always allowed");
        assert_eq!(r.due_date_move(counting), None, "noted: not said again");
    }

    #[test]
    fn an_extension_moves_the_date_without_an_acknowledgement_to_contradict() {
        let counting = Counting::ico(Nation::EnglandAndWales, Holidays::shipped());
        let mut r = request();
        record(
            &mut r,
            RequestEvent::Extended {
                reason: "Many requests from this requester".to_owned(),
            },
            date(2026, 3, 20),
        )
        .expect("allowed");
        let moved = r.due_date_move(counting).expect("moved");
        assert_eq!((moved.was, moved.on), (date(2026, 4, 2), date(2026, 3, 20)));
        assert!(
            moved.now > date(2026, 5, 28),
            "two more months: {}",
            moved.now
        );
        assert_eq!(moved.promised, None);
        assert!(!moved.message().contains("acknowledgement"));
    }

    #[test]
    fn identity_request_and_receipt_restart_the_clock() {
        let mut r = request();
        let before = r
            .deadline(
                Nation::EnglandAndWales,
                Holidays::shipped(),
                date(2026, 3, 2),
            )
            .due;
        record(&mut r, RequestEvent::IdentityRequested, date(2026, 3, 3)).expect("allowed");
        assert_eq!(r.status, Status::AwaitingIdentity);
        record(&mut r, RequestEvent::IdentityReceived, date(2026, 3, 10)).expect("allowed");
        assert_eq!(r.status, Status::Open);
        let after = r
            .deadline(
                Nation::EnglandAndWales,
                Holidays::shipped(),
                date(2026, 3, 10),
            )
            .due;
        assert_eq!((before, after), (date(2026, 4, 2), date(2026, 4, 10)));
        assert_eq!(r.timeline.len(), 3);
    }

    #[test]
    fn only_allowed_transitions_are_recorded() {
        let mut r = request();
        let err = record(&mut r, RequestEvent::IdentityReceived, date(2026, 3, 3))
            .expect_err("not awaiting");
        assert!(matches!(err, RecordError::NotAllowed { .. }));
        record(
            &mut r,
            RequestEvent::Responded {
                outcome: "Copy sent".into(),
            },
            date(2026, 3, 20),
        )
        .expect("ok");
        assert!(record(&mut r, RequestEvent::ClarificationAsked, date(2026, 3, 21)).is_err());
        record(&mut r, RequestEvent::Closed, date(2026, 3, 21)).expect("ok");
        assert!(record(&mut r, RequestEvent::Withdrawn, date(2026, 3, 22)).is_err());
        assert_eq!(r.timeline.len(), 3, "refused steps leave no trace");
    }

    #[test]
    fn steps_cannot_be_backdated_before_receipt_or_the_last_step_or_future_dated() {
        let mut r = request();
        assert!(matches!(
            record(&mut r, RequestEvent::ClarificationAsked, date(2026, 3, 1)),
            Err(RecordError::BeforeReceipt { .. })
        ));
        record(&mut r, RequestEvent::ClarificationAsked, date(2026, 3, 5)).expect("ok");
        assert!(matches!(
            record(
                &mut r,
                RequestEvent::ClarificationAnswered,
                date(2026, 3, 4)
            ),
            Err(RecordError::OutOfOrder { .. })
        ));
        let future = r.record(
            RequestEvent::ClarificationAnswered,
            date(2026, 3, 9),
            date(2026, 3, 8),
            Nation::EnglandAndWales,
            Holidays::shipped(),
        );
        assert!(matches!(future, Err(RecordError::InTheFuture { .. })));
    }

    #[test]
    fn an_extension_needs_a_reason_and_must_come_in_time() {
        let mut r = request();
        assert!(matches!(
            record(
                &mut r,
                RequestEvent::Extended { reason: " ".into() },
                date(2026, 3, 20)
            ),
            Err(RecordError::ReasonNeeded(_))
        ));
        let late = record(
            &mut r,
            RequestEvent::Extended {
                reason: "Many requests".into(),
            },
            date(2026, 4, 3),
        );
        assert!(
            matches!(late, Err(RecordError::TellByPassed { .. })),
            "{late:?}"
        );
        record(
            &mut r,
            RequestEvent::Extended {
                reason: "Many requests".into(),
            },
            date(2026, 4, 2),
        )
        .expect("in time");
        assert_eq!(r.status, Status::Extended);
        assert_eq!(
            r.deadline(
                Nation::EnglandAndWales,
                Holidays::shipped(),
                date(2026, 4, 2)
            )
            .due,
            date(2026, 6, 2)
        );
        // A clarification during an extension returns to Extended.
        record(&mut r, RequestEvent::ClarificationAsked, date(2026, 4, 6)).expect("ok");
        record(
            &mut r,
            RequestEvent::ClarificationAnswered,
            date(2026, 4, 7),
        )
        .expect("ok");
        assert_eq!(r.status, Status::Extended);
    }

    #[test]
    fn a_clarification_on_or_after_the_due_date_is_refused_with_a_way_out() {
        // Received Mon 2 Mar 2026: due Thu 2 Apr.
        let mut r = request();
        let late = record(&mut r, RequestEvent::ClarificationAsked, date(2026, 4, 2));
        assert_eq!(
            late,
            Err(RecordError::ClarificationTooLate {
                due: "Thu 2 Apr 2026".to_owned()
            })
        );
        let message = late.expect_err("refused").to_string();
        assert!(message.contains("keep it as a note instead"), "{message}");
        assert_eq!(r.timeline.len(), 1, "nothing recorded");
        record(&mut r, RequestEvent::ClarificationAsked, date(2026, 4, 1)).expect("in time");
        assert_eq!(r.status, Status::AwaitingClarification);
        let stopped = r
            .deadline(
                Nation::EnglandAndWales,
                Holidays::shipped(),
                date(2026, 4, 20),
            )
            .stopped()
            .cloned()
            .expect("stopped");
        assert_eq!(stopped.remaining_days, Some(2), "1 and 2 April");
    }

    #[test]
    fn awaiting_identity_or_a_fee_stops_the_clock() {
        let mut r = request();
        record(&mut r, RequestEvent::IdentityRequested, date(2026, 3, 3)).expect("allowed");
        let counting = Counting::ico(Nation::EnglandAndWales, Holidays::shipped());
        match r.clock(counting) {
            ClockState::Stopped(stopped) => assert_eq!(
                stopped.message(),
                "Waiting for proof of identity since Tue 3 Mar 2026: a full month starts when it arrives"
            ),
            other => panic!("expected a stopped clock, got {other:?}"),
        }
        record(&mut r, RequestEvent::IdentityReceived, date(2026, 3, 9)).expect("allowed");
        record(&mut r, RequestEvent::FeeRequested, date(2026, 3, 10)).expect("allowed");
        assert!(matches!(r.clock(counting), ClockState::Stopped(_)));
        record(&mut r, RequestEvent::FeeReceived, date(2026, 3, 12)).expect("allowed");
        assert_eq!(
            r.deadline_with(counting).due_date(),
            Some(date(2026, 4, 13)),
            "Sun 12 Apr → Mon 13 Apr"
        );
    }

    #[test]
    fn the_log_form_checks_its_fields() {
        let today = date(2026, 11, 23);
        let draft = RequestDraft {
            name: " Priya Fictional ".into(),
            ..RequestDraft::default()
        };
        let new = draft.validate(today).expect("valid");
        assert_eq!(
            (new.requester.name.as_str(), new.received),
            ("Priya Fictional", today)
        );
        let bad = RequestDraft {
            email: "priya".into(),
            received: "2026-11-24".into(),
            ..RequestDraft::default()
        };
        let fields: Vec<&str> = bad
            .validate(today)
            .expect_err("bad")
            .iter()
            .map(|i| i.field)
            .collect();
        assert_eq!(fields, [field::NAME, field::EMAIL, field::RECEIVED]);
    }

    #[test]
    fn references_count_up_per_year() {
        let mut first = request();
        assert_eq!(
            next_reference(std::slice::from_ref(&first), 2026),
            "R-2026-002"
        );
        first.reference = "R-2026-041".into();
        assert_eq!(next_reference(&[first], 2026), "R-2026-042");
        assert_eq!(next_reference(&[], 2027), "R-2027-001");
    }

    /// A file written before the no-revival rule may hold an identity or fee asked once
    /// the month had run out: the deadline engine ignores it, so the request stays late
    /// (facts §6.4) instead of showing a fresh month or a stopped clock.
    #[test]
    fn an_ask_made_after_the_deadline_in_an_old_file_revives_nothing() {
        let counting = Counting::ico(Nation::EnglandAndWales, Holidays::shipped());
        let mut late = request(); // received Mon 2 Mar 2026: due Thu 2 Apr 2026
        let due = late.deadline_with(counting).due_date();
        assert_eq!(due, Some(date(2026, 4, 2)));
        late.fee_requested = Some(date(2026, 4, 20));
        late.fee_received = Some(date(2026, 4, 22));
        late.identity_requested = Some(date(2026, 5, 1));
        assert_eq!(late.deadline_with(counting).due_date(), due);
        // Asked in time, the same steps restart the month as the law says (§1.4).
        let mut timely = request();
        timely.identity_requested = Some(date(2026, 3, 10));
        timely.identity_received = Some(date(2026, 3, 12));
        assert_eq!(
            timely.deadline_with(counting).due_date(),
            Some(date(2026, 4, 13))
        );
    }
}
