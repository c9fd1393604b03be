//! The UK letter pack a shop sends while handling a rights request or complaint (facts
//! §6.3 and §1.6): each template is a pure function of the workspace, the request, the
//! letter's date and the few parts the user writes, so dates come from the deadline
//! engine and the Art. 15 information from the register — nothing is typed twice.

use std::{collections::BTreeMap, fmt};

use jiff::civil::Date;

use super::{
    model::{Block, Document, Inline, Runs, plain},
    notice::{long_date, purpose_phrase, sentence},
};
use crate::domain::{
    Workspace,
    deadlines::{self, Deadline, StopReason, Stopped},
    register::{LawfulBasis, ProcessingActivity, Source},
    requests::{Channel, RequestEvent, RequestKind, RightsRequest, Status},
};

/// Every letter Smallprint writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Template {
    Acknowledgement,
    IdentityRequest,
    ClarificationRequest,
    FeeNotice,
    ExtensionNotice,
    AccessResponse,
    ErasureDone,
    ErasureRefused,
    RectificationDone,
    RectificationRefused,
    RestrictionApplied,
    RestrictionLifting,
    MarketingObjectionDone,
    ObjectionStopped,
    ObjectionRefused,
    Portability,
    Refusal,
    ComplaintAcknowledgement,
    ComplaintOutcome,
}

/// The Art. 17(3) exceptions a shop may rely on to keep data it was asked to erase.
pub const ERASURE_EXCEPTIONS: &[&str] = &[
    "We need it to establish, exercise or defend legal claims (Article 17(3)(e)).",
    "We must keep it to comply with a legal obligation (Article 17(3)(b)).",
    "It is needed for exercising the right of freedom of expression and information (Article 17(3)(a)).",
    "It is needed for reasons of public interest in the area of public health (Article 17(3)(c)).",
    "It is needed for archiving in the public interest, scientific or historical research or statistics (Article 17(3)(d)).",
];

/// The Art. 18(1) grounds for restricting processing.
pub const RESTRICTION_GROUNDS: &[&str] = &[
    "You have told us the information is not accurate, and we are checking it.",
    "The processing is unlawful, and you asked us to restrict it rather than erase it.",
    "We no longer need the information, but you need it kept for a legal claim.",
    "You have objected to our use of it, and we are considering whether our reasons override yours.",
];

/// Why a request may be refused outright (Art. 12(5)).
pub const REFUSAL_GROUNDS: &[&str] = &["manifestly unfounded", "manifestly excessive"];

/// A part of a letter the user writes or chooses; every other word comes from the
/// workspace and the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub key: &'static str,
    pub label: &'static str,
    /// What the letter says if the user leaves it as it is.
    pub default: String,
    /// A fixed list to choose from, when not free text.
    pub options: &'static [&'static str],
}

fn part(key: &'static str, label: &'static str, default: impl Into<String>) -> Part {
    Part {
        key,
        label,
        default: default.into(),
        options: &[],
    }
}

fn choice(key: &'static str, label: &'static str, options: &'static [&'static str]) -> Part {
    Part {
        key,
        label,
        default: options.first().copied().unwrap_or_default().to_owned(),
        options,
    }
}

/// The user's words for a letter's parts, by key.
pub type Parts = BTreeMap<String, String>;

impl Template {
    pub const ALL: [Template; 19] = [
        Template::Acknowledgement,
        Template::IdentityRequest,
        Template::ClarificationRequest,
        Template::FeeNotice,
        Template::ExtensionNotice,
        Template::AccessResponse,
        Template::ErasureDone,
        Template::ErasureRefused,
        Template::RectificationDone,
        Template::RectificationRefused,
        Template::RestrictionApplied,
        Template::RestrictionLifting,
        Template::MarketingObjectionDone,
        Template::ObjectionStopped,
        Template::ObjectionRefused,
        Template::Portability,
        Template::Refusal,
        Template::ComplaintAcknowledgement,
        Template::ComplaintOutcome,
    ];

    /// The CLI's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Template::Acknowledgement => "acknowledgement",
            Template::IdentityRequest => "identity-request",
            Template::ClarificationRequest => "clarification-request",
            Template::FeeNotice => "fee-notice",
            Template::ExtensionNotice => "extension",
            Template::AccessResponse => "access-response",
            Template::ErasureDone => "erasure-done",
            Template::ErasureRefused => "erasure-refused",
            Template::RectificationDone => "rectification-done",
            Template::RectificationRefused => "rectification-refused",
            Template::RestrictionApplied => "restriction-applied",
            Template::RestrictionLifting => "restriction-lifting",
            Template::MarketingObjectionDone => "marketing-objection",
            Template::ObjectionStopped => "objection-stopped",
            Template::ObjectionRefused => "objection-refused",
            Template::Portability => "portability",
            Template::Refusal => "refusal",
            Template::ComplaintAcknowledgement => "complaint-acknowledgement",
            Template::ComplaintOutcome => "complaint-outcome",
        }
    }

    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.into_iter().find(|t| t.name() == name)
    }

    /// What it is for, in a line.
    pub fn purpose(self) -> &'static str {
        match self {
            Template::Acknowledgement => "Confirms the request arrived and when you will reply",
            Template::IdentityRequest => {
                "Asks for proof of identity or authority; the month starts when it arrives"
            }
            Template::ClarificationRequest => {
                "Asks which information the request is about; the clock stops until the reply"
            }
            Template::FeeNotice => {
                "A fee for a manifestly unfounded or excessive request, or further copies"
            }
            Template::ExtensionNotice => {
                "Extends by up to two months, with reasons; only before the tell-by date"
            }
            Template::AccessResponse => {
                "The subject-access reply, with the Article 15 information from your register"
            }
            Template::ErasureDone => "Confirms what was erased, and what is kept and why",
            Template::ErasureRefused => {
                "Refuses erasure in whole or part, on an Article 17(3) ground"
            }
            Template::RectificationDone => "Confirms what was corrected",
            Template::RectificationRefused => "Refuses a correction, with reasons",
            Template::RestrictionApplied => {
                "Confirms processing is restricted, and on which ground"
            }
            Template::RestrictionLifting => "Tells the requester before a restriction is lifted",
            Template::MarketingObjectionDone => {
                "Confirms direct marketing has stopped; a suppression list is kept"
            }
            Template::ObjectionStopped => "Confirms the processing objected to has stopped",
            Template::ObjectionRefused => "Explains the compelling grounds to carry on",
            Template::Portability => "Sends the data in a machine-readable format",
            Template::Refusal => "Refuses a manifestly unfounded or excessive request",
            Template::ComplaintAcknowledgement => {
                "Acknowledges a complaint, as the law requires within 30 days"
            }
            Template::ComplaintOutcome => "Tells the complainant the outcome",
        }
    }

    /// The parts the user writes or chooses, with what the letter says by default.
    pub fn parts(self, workspace: &Workspace, request: &RightsRequest) -> Vec<Part> {
        let details = request.details.trim();
        match self {
            Template::Acknowledgement => vec![part(
                "understood",
                "What we understood you to ask for",
                if details.is_empty() {
                    format!("a {} request", request.kind.to_string().to_lowercase())
                } else {
                    details.trim_end_matches('.').to_owned()
                },
            )],
            Template::IdentityRequest => vec![
                part(
                    "documents",
                    "What to send",
                    "a copy of one document showing your name and home address, such as a recent utility bill or bank statement",
                ),
                part(
                    "how_to_send",
                    "How to send it securely",
                    "Reply to this letter with a scan or photo, or post a copy to the address above. Please do not send originals.",
                ),
            ],
            Template::ClarificationRequest => vec![part(
                "questions",
                "What we need to know",
                "Which information, or which of our activities, does your request concern? For example: your orders in a particular period, your customer account, or emails between us.",
            )],
            Template::FeeNotice => vec![
                part("amount", "Fee", "£10.00"),
                part(
                    "why",
                    "How the fee was worked out",
                    "It covers the administrative cost of the staff time to find, copy and send the information again.",
                ),
                part(
                    "how_to_pay",
                    "How to pay",
                    "by bank transfer; reply to this letter and we will send our bank details",
                ),
            ],
            Template::ExtensionNotice => vec![part(
                "reasons",
                "Why we need longer",
                request.extension.as_ref().map_or_else(
                    || "Your request is complex: it covers several years of records held in more than one system.".to_owned(),
                    |e| e.reason.clone(),
                ),
            )],
            Template::AccessResponse => vec![
                part(
                    "delivery",
                    "The copy: its format and how it is sent",
                    match request.channel {
                        Channel::Post | Channel::InPerson => {
                            "A printed copy is enclosed with this letter, sent by recorded delivery."
                        }
                        _ => {
                            "A copy is attached to this email as a PDF, with your order records as a CSV file that opens in any spreadsheet."
                        }
                    },
                ),
                part(
                    "withheld",
                    "What was withheld or redacted, and why",
                    "Nothing has been withheld.",
                ),
                part("codes", "Codes or terms explained", ""),
            ],
            Template::ErasureDone => vec![
                part(
                    "erased",
                    "What was erased",
                    "your customer account, your marketing profile and your contact details",
                ),
                part("kept", "What we must keep, and why", kept_by_law(workspace, request)),
            ],
            Template::ErasureRefused => vec![
                choice("ground", "The Article 17(3) ground", ERASURE_EXCEPTIONS),
                part(
                    "reasons",
                    "Our reasons",
                    "We need your order records in case of a dispute about your purchases.",
                ),
                part("erased", "Anything erased after all", ""),
            ],
            Template::RectificationDone => vec![part(
                "corrected",
                "What was corrected",
                if details.is_empty() {
                    "the details you told us were wrong".to_owned()
                } else {
                    details.trim_end_matches('.').to_owned()
                },
            )],
            Template::RectificationRefused => vec![part(
                "reasons",
                "Why we believe the information is accurate",
                "We have checked our records against your order and they match what you gave us at the time.",
            )],
            Template::RestrictionApplied => vec![
                choice("ground", "The Article 18(1) ground", RESTRICTION_GROUNDS),
                part(
                    "scope",
                    "What is restricted",
                    "the information in your customer account",
                ),
            ],
            Template::RestrictionLifting => vec![
                part("when", "When we will lift it", "14 days from the date of this letter"),
                part(
                    "reasons",
                    "Why",
                    "We have finished checking the information and it is accurate.",
                ),
            ],
            Template::MarketingObjectionDone => vec![part(
                "channels",
                "What marketing has stopped",
                "our newsletter and product update emails",
            )],
            Template::ObjectionStopped => vec![part(
                "stopped",
                "What has stopped",
                "using your information for the purposes you objected to",
            )],
            Template::ObjectionRefused => vec![part(
                "grounds",
                "Our compelling legitimate grounds",
                "We need to keep records of your purchases to prevent fraud and to defend legal claims.",
            )],
            Template::Portability => vec![
                part(
                    "format",
                    "Format",
                    "a CSV file, which opens in any spreadsheet and can be read by other services",
                ),
                part(
                    "delivery",
                    "How it is sent",
                    "It is attached to this email. If you would like us to send it directly to another organisation, tell us which, and we will do so where it is technically feasible.",
                ),
            ],
            Template::Refusal => vec![
                choice("ground", "Why the request is refused", REFUSAL_GROUNDS),
                part(
                    "reasons",
                    "Our reasons",
                    "This is the fourth identical request in two months, and we answered the first in full.",
                ),
            ],
            Template::ComplaintAcknowledgement => vec![
                part(
                    "understood",
                    "What we understood the complaint to be",
                    if details.is_empty() {
                        "your concern about how we have used your personal information".to_owned()
                    } else {
                        details.trim_end_matches('.').to_owned()
                    },
                ),
                part(
                    "next",
                    "What we are doing about it",
                    "We are looking into what happened and will keep you updated on our progress.",
                ),
            ],
            Template::ComplaintOutcome => vec![
                part(
                    "findings",
                    "What we found",
                    "We looked into your complaint and found that …",
                ),
                part("actions", "What we have done", "We have …"),
            ],
        }
    }

    /// The step "Mark as sent" records besides the letter itself, if any.
    pub fn implied_event(self, parts: &Parts) -> Option<RequestEvent> {
        let get = |key: &str| {
            parts
                .get(key)
                .map(|v| v.trim().to_owned())
                .unwrap_or_default()
        };
        match self {
            Template::IdentityRequest => Some(RequestEvent::IdentityRequested),
            Template::ClarificationRequest => Some(RequestEvent::ClarificationAsked),
            Template::FeeNotice => Some(RequestEvent::FeeRequested),
            Template::ExtensionNotice => Some(RequestEvent::Extended {
                reason: get("reasons"),
            }),
            Template::AccessResponse
            | Template::ErasureDone
            | Template::RectificationDone
            | Template::RestrictionApplied
            | Template::MarketingObjectionDone
            | Template::ObjectionStopped
            | Template::Portability
            | Template::ComplaintOutcome => Some(RequestEvent::Responded {
                outcome: format!("{self} letter sent"),
            }),
            Template::ErasureRefused
            | Template::RectificationRefused
            | Template::ObjectionRefused
            | Template::Refusal => {
                let reasons = get("reasons");
                let ground = get("ground");
                let grounds = get("grounds");
                let reason = [ground, reasons, grounds]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(RequestEvent::Refused { reason })
            }
            Template::Acknowledgement
            | Template::RestrictionLifting
            | Template::ComplaintAcknowledgement => None,
        }
    }

    fn kinds(self) -> &'static [RequestKind] {
        use RequestKind as K;
        const RIGHTS: &[RequestKind] = &[
            K::Access,
            K::Rectification,
            K::Erasure,
            K::Restriction,
            K::Objection,
            K::DirectMarketingObjection,
            K::Portability,
            K::AutomatedDecisionReview,
            K::ConsentWithdrawal,
        ];
        match self {
            Template::Acknowledgement
            | Template::IdentityRequest
            | Template::ClarificationRequest
            | Template::FeeNotice
            | Template::ExtensionNotice => RIGHTS,
            Template::AccessResponse => &[K::Access],
            Template::ErasureDone | Template::ErasureRefused => &[K::Erasure],
            Template::RectificationDone | Template::RectificationRefused => &[K::Rectification],
            Template::RestrictionApplied | Template::RestrictionLifting => &[K::Restriction],
            Template::MarketingObjectionDone => {
                &[K::DirectMarketingObjection, K::ConsentWithdrawal]
            }
            Template::ObjectionStopped | Template::ObjectionRefused => {
                &[K::Objection, K::AutomatedDecisionReview]
            }
            Template::Portability => &[K::Portability],
            // Objection to direct marketing is absolute: there is nothing to refuse.
            Template::Refusal => &[
                K::Access,
                K::Rectification,
                K::Erasure,
                K::Restriction,
                K::Objection,
                K::Portability,
                K::AutomatedDecisionReview,
            ],
            Template::ComplaintAcknowledgement | Template::ComplaintOutcome => &[K::Complaint],
        }
    }

    /// Whether this letter can be sent for `request` on `date`; if not, why.
    pub fn fits(
        self,
        workspace: &Workspace,
        request: &RightsRequest,
        date: Date,
    ) -> Result<(), String> {
        if !self.kinds().contains(&request.kind) {
            return Err(format!(
                "{} does not fit {} request",
                with_article(&format!("{} letter", self.to_string().to_lowercase())),
                with_article(&request.kind.to_string().to_lowercase())
            ));
        }
        if date < request.received {
            return Err(format!(
                "the letter's date, {}, is before the request arrived ({})",
                deadlines::short_date(date),
                deadlines::short_date(request.received)
            ));
        }
        if self == Template::ExtensionNotice {
            let holidays = workspace.holidays();
            if let Some(tell_by) =
                deadlines::tell_by_date(&request.clock_events(), workspace.counting(&holidays))
                && date > tell_by
            {
                return Err(format!(
                    "the tell-by date for an extension, {}, has passed: the requester had to be told within the first month",
                    deadlines::short_date(tell_by)
                ));
            }
        }
        let allowed = match self.implied_event(&Parts::new()) {
            Some(event) => request.allowed(&event),
            // Notice before lifting a restriction follows the reply that applied it.
            None if self == Template::RestrictionLifting => {
                matches!(request.status, Status::Responded | Status::Closed)
            }
            None => request.status.is_open(),
        };
        if allowed {
            Ok(())
        } else {
            Err(format!(
                "{} cannot be sent while the request is {}",
                with_article(&format!("{} letter", self.to_string().to_lowercase())),
                request.status.to_string().to_lowercase()
            ))
        }
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Template::Acknowledgement => "Acknowledgement",
            Template::IdentityRequest => "Identity or authority request",
            Template::ClarificationRequest => "Clarification request",
            Template::FeeNotice => "Fee notice",
            Template::ExtensionNotice => "Extension notice",
            Template::AccessResponse => "Subject access response",
            Template::ErasureDone => "Erasure done",
            Template::ErasureRefused => "Erasure refused",
            Template::RectificationDone => "Rectification done",
            Template::RectificationRefused => "Rectification refused",
            Template::RestrictionApplied => "Restriction applied",
            Template::RestrictionLifting => "Notice before lifting a restriction",
            Template::MarketingObjectionDone => "Direct marketing stopped",
            Template::ObjectionStopped => "Objection: processing stopped",
            Template::ObjectionRefused => "Objection: compelling grounds",
            Template::Portability => "Data portability",
            Template::Refusal => "Refusal (manifestly unfounded or excessive)",
            Template::ComplaintAcknowledgement => "Complaint acknowledgement",
            Template::ComplaintOutcome => "Complaint outcome",
        })
    }
}

/// "an erasure", "a rectification".
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// What the law makes the shop keep, from the linked activities' legal obligations.
fn kept_by_law(workspace: &Workspace, request: &RightsRequest) -> String {
    let kept: Vec<String> = concerned(workspace, request)
        .into_iter()
        .flat_map(|activity| {
            activity
                .lawful_bases
                .iter()
                .filter_map(move |basis| match basis {
                    LawfulBasis::LegalObligation { law, requirement } if !law.trim().is_empty() => {
                        Some(format!(
                            "{} ({}): {}",
                            requirement.trim().trim_end_matches('.'),
                            law.trim(),
                            activity.retention_statement()
                        ))
                    }
                    _ => None,
                })
        })
        .collect();
    kept.join("; ")
}

/// The register activities a request concerns: those linked to it, or the whole
/// register when none are (a subject-access request covers everything held).
pub fn concerned<'a>(
    workspace: &'a Workspace,
    request: &RightsRequest,
) -> Vec<&'a ProcessingActivity> {
    let linked: Vec<&ProcessingActivity> = workspace
        .register
        .iter()
        .filter(|a| request.activities.contains(&a.id))
        .collect();
    if linked.is_empty() {
        workspace.register.iter().collect()
    } else {
        linked
    }
}

/// Free text as paragraphs: a blank line starts a new one.
fn paragraphs(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(Block::paragraph)
        .collect()
}

struct Writer<'a> {
    workspace: &'a Workspace,
    request: &'a RightsRequest,
    date: Date,
    parts: &'a Parts,
    template: Template,
    body: Vec<Block>,
}

impl Writer<'_> {
    fn get(&self, key: &str) -> String {
        self.parts
            .get(key)
            .map(|v| v.trim().to_owned())
            .or_else(|| {
                self.template
                    .parts(self.workspace, self.request)
                    .into_iter()
                    .find(|p| p.key == key)
                    .map(|p| p.default)
            })
            .unwrap_or_default()
    }

    fn say(&mut self, text: impl Into<String>) {
        self.body.push(Block::paragraph(text));
    }

    fn runs(&mut self, runs: Runs) {
        self.body.push(Block::Paragraph(runs));
    }

    fn heading(&mut self, text: &str) {
        self.body.push(Block::heading(3, text));
    }

    fn deadline(&self, extended: bool) -> Deadline {
        let mut events = self.request.clock_events();
        events.extended |= extended;
        let holidays = self.workspace.holidays();
        deadlines::response_deadline(&events, self.workspace.counting(&holidays))
    }

    /// What a letter says instead of a due date while the clock is stopped.
    fn stopped_sentence(stopped: &Stopped) -> String {
        let since = long_date(stopped.since);
        match stopped.reason {
            StopReason::Identity => format!(
                "The law gives us one calendar month to respond. It starts on the day we receive the proof we asked you for on {since}, so we cannot give you a date until then."
            ),
            StopReason::Fee => format!(
                "The law gives us one calendar month to respond. It starts on the day we receive the fee we asked for on {since}, so we cannot give you a date until then."
            ),
            StopReason::Clarification => {
                let days = stopped.remaining_days.unwrap_or(0).max(0);
                format!(
                    "The time we have to respond has been paused since we asked you to clarify your request on {since}. When your reply arrives we will have {days} day{} left, and we will reply by then at the latest.",
                    if days == 1 { "" } else { "s" }
                )
            }
        }
    }

    fn regulator(&self) -> String {
        let regulator = &self.workspace.settings.regulator;
        let name = regulator.name.trim();
        let mut details = Vec::new();
        if !regulator.postal_address.trim().is_empty() {
            details.push(regulator.postal_address.trim().to_owned());
        }
        if !regulator.helpline.trim().is_empty() {
            details.push(format!("helpline {}", regulator.helpline.trim()));
        }
        if !regulator.website.trim().is_empty() {
            details.push(regulator.website.trim().to_owned());
        }
        if details.is_empty() {
            format!("the {name}")
        } else {
            format!("the {name} ({})", details.join("; "))
        }
    }

    /// How to complain: to the shop first, then to the regulator (s.164A, Art. 77).
    fn how_to_complain(&mut self) {
        self.heading("If you are unhappy");
        self.say(
            "If you are unhappy with how we have handled your request, please tell us first: you can complain to us using the contact details at the top of this letter, and we will look into it.",
        );
        let regulator = self.regulator();
        self.say(format!(
            "You also have the right to complain to {regulator}."
        ));
    }

    /// What every refusal must say (Art. 12(4)): reasons given above, then the rights
    /// to complain to the shop and the regulator and to go to court.
    fn refusal_rights(&mut self) {
        self.heading("Your rights if you disagree");
        self.say(
            "You can complain to us about this decision using the contact details at the top of this letter.",
        );
        let regulator = self.regulator();
        self.say(format!("You have the right to complain to {regulator}."));
        self.say(
            "You also have the right to seek to enforce your rights through the courts (a judicial remedy).",
        );
    }

    fn recipients(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for activity in concerned(self.workspace, self.request) {
            for name in activity
                .processors
                .iter()
                .map(|p| p.name.trim().to_owned())
                .chain(
                    activity
                        .other_recipients
                        .iter()
                        .map(|r| r.trim().to_owned()),
                )
                .filter(|n| !n.is_empty())
            {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        names
    }

    fn told_recipients(&mut self) {
        let recipients = self.recipients();
        if recipients.is_empty() {
            self.say("We have not shared this information with anyone else.");
        } else {
            self.say(format!(
                "We have told the organisations we shared your information with about this: {}. Ask us if you would like more detail about them.",
                recipients.join("; ")
            ));
        }
    }

    /// The Art. 15(1) and (2) information, from the activities the request concerns.
    fn supplementary_information(&mut self) {
        self.heading("How and why we use your information");
        for activity in concerned(self.workspace, self.request) {
            let mut items: Vec<Runs> = Vec::new();
            let categories: Vec<&str> = activity
                .data_categories
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            items.push(labelled("What information", &categories.join("; ")));
            let bases: Vec<String> = activity
                .basis_kinds()
                .iter()
                .map(ToString::to_string)
                .collect();
            items.push(labelled("Lawful basis", &bases.join("; ")));
            let mut recipients: Vec<String> = activity
                .processors
                .iter()
                .filter(|p| !p.name.trim().is_empty())
                .map(|p| {
                    if p.activities.trim().is_empty() {
                        p.name.trim().to_owned()
                    } else {
                        format!(
                            "{} ({})",
                            p.name.trim(),
                            p.activities.trim().trim_end_matches('.')
                        )
                    }
                })
                .collect();
            recipients.extend(
                activity
                    .other_recipients
                    .iter()
                    .map(|r| r.trim().to_owned())
                    .filter(|r| !r.is_empty()),
            );
            items.push(labelled(
                "Who receives it",
                &if recipients.is_empty() {
                    "nobody outside our business".to_owned()
                } else {
                    recipients.join("; ")
                },
            ));
            for transfer in &activity.transfers {
                items.push(labelled(
                    "Sent outside the UK",
                    &format!(
                        "to {} in {}, protected by {}",
                        transfer.recipient.trim(),
                        transfer.country.trim(),
                        transfer.mechanism.as_ref().map_or_else(
                            || "safeguards we can describe on request".to_owned(),
                            ToString::to_string
                        )
                    ),
                ));
            }
            items.push(labelled(
                "How long we keep it",
                &activity.retention_statement(),
            ));
            let sources: Vec<String> = activity
                .sources
                .iter()
                .map(|s| match s {
                    Source::DirectlyFromThePerson => "directly from you".to_owned(),
                    other => other.to_string(),
                })
                .collect();
            items.push(labelled("Where it came from", &sources.join("; ")));
            if let Some(decisions) = &activity.automated_decisions {
                items.push(labelled(
                    "Automated decisions",
                    &format!(
                        "{} {}",
                        sentence(&decisions.logic),
                        sentence(&decisions.consequences)
                    ),
                ));
            } else {
                items.push(labelled("Automated decisions", "none"));
            }
            self.body.push(Block::Paragraph(vec![Inline::bold(format!(
                "We use your information {}",
                purpose_phrase(&activity.purpose)
            ))]));
            self.body.push(Block::Bullets(items));
        }
        if concerned(self.workspace, self.request)
            .iter()
            .any(|a| !a.transfers.is_empty())
        {
            self.say(
                "You can ask us for a copy of the safeguards that protect your information when it is sent outside the UK.",
            );
        }
        self.heading("Your other rights");
        self.say(
            "You have the right to ask us to correct (rectify) or erase your information, to restrict how we use it, and to object to our using it. You also have the right to complain to the regulator, as explained below.",
        );
    }

    fn write(mut self) -> Vec<Block> {
        let received = long_date(self.request.received);
        match self.template {
            Template::Acknowledgement => {
                let due = self.deadline(false);
                let understood = self.get("understood");
                self.say(format!(
                    "Thank you for your {} request, which we received on {received}.",
                    self.request.kind.to_string().to_lowercase()
                ));
                self.say(format!(
                    "We understand that you are asking for {}. If we have misunderstood, please tell us.",
                    understood.trim_end_matches('.')
                ));
                match due.stopped() {
                    // A stopped clock has no date to promise.
                    Some(stopped) => self.say(Self::stopped_sentence(stopped)),
                    None => self.runs(vec![
                        Inline::text(
                            "The law gives us one calendar month to respond, so we will reply by ",
                        ),
                        Inline::bold(long_date(due.due)),
                        Inline::text(" at the latest."),
                    ]),
                }
                if self.request.requester.authority_needed
                    && !self.request.requester.acting_for.trim().is_empty()
                {
                    self.say(format!(
                        "As you are acting for {}, we will also need proof that you are authorised to do so. We will write separately about what to send; the month starts again when it arrives.",
                        self.request.requester.acting_for.trim()
                    ));
                } else {
                    self.say("We do not need anything more from you at the moment. If we need to confirm your identity or to clarify your request, we will tell you promptly.");
                }
                self.say("If you have any questions, please contact us using the details at the top of this letter, quoting our reference.");
            }
            Template::IdentityRequest => {
                let acting = self.request.requester.acting_for.trim().to_owned();
                self.say(format!(
                    "Thank you for your request, which we received on {received}."
                ));
                if acting.is_empty() {
                    self.say("Before we can respond, we need to be sure we are giving information to the right person. We only ask for what is necessary for that.");
                } else {
                    self.say(format!("Before we can respond, we need proof that you are authorised to act for {acting}, such as a signed letter of authority or a lasting power of attorney, and proof of your own identity."));
                }
                let documents = self.get("documents");
                let how = self.get("how_to_send");
                self.say(format!("Please send us {}", sentence(&documents)));
                self.say(sentence(&how));
                self.say("The one-month period we have to respond starts on the day we receive what we have asked for. We will keep it securely and only use it to confirm who you are.");
            }
            Template::ClarificationRequest => {
                let due = self.deadline(false);
                self.say(format!(
                    "Thank you for your request, which we received on {received}."
                ));
                self.say("We hold a large amount of information, and we need a little more detail to find what you are asking for:");
                self.body
                    .push(Block::Bullets(vec![plain(self.get("questions"))]));
                // Once the pause is recorded the clock is stopped: the date it had then.
                let was_due = due.stopped().and_then(|s| s.was_due).unwrap_or(due.due);
                self.say(format!(
                    "The time we have to respond is paused from the date of this letter, {}, until we receive your reply; the days in between do not count. Before this letter, we were due to reply by {}.",
                    long_date(self.date),
                    long_date(was_due)
                ));
                self.say(
                    "In the meantime, we will send you any information we can already provide.",
                );
            }
            Template::FeeNotice => {
                self.say(format!(
                    "Thank you for your request, which we received on {received}."
                ));
                self.say("The law allows us to charge a reasonable fee for a request that is manifestly unfounded or excessive, or for further copies of information we have already provided.");
                self.runs(vec![
                    Inline::text("The fee is "),
                    Inline::bold(self.get("amount")),
                    Inline::text(format!(". {}", sentence(&self.get("why")))),
                ]);
                self.say(format!("You can pay {}", sentence(&self.get("how_to_pay"))));
                self.say("We will act on your request once we receive payment: the one-month period we have to respond starts again on the day it arrives. If you would rather not pay, you can withdraw or change your request; just let us know.");
            }
            Template::ExtensionNotice => {
                let original = self.deadline(false);
                let extended = self.deadline(true);
                self.say(format!(
                    "We received your request on {received}, and were due to respond by {}.",
                    long_date(original.due)
                ));
                self.say("The law allows us to extend the time to respond by up to two further months where a request is complex or a person has made a number of requests (UK GDPR Article 12(3)). We are extending the time for your request because:");
                self.body
                    .push(Block::Bullets(vec![plain(sentence(&self.get("reasons")))]));
                self.runs(vec![
                    Inline::text("We will now respond by "),
                    Inline::bold(long_date(extended.due)),
                    Inline::text(" at the latest, and sooner if we can."),
                ]);
                self.how_to_complain();
            }
            Template::AccessResponse => {
                self.say(format!(
                    "Thank you for your subject access request, which we received on {received}. We confirm that we hold and use personal information about you."
                ));
                self.heading("A copy of your information");
                self.say(sentence(&self.get("delivery")));
                self.say("We have made a reasonable and proportionate search for the information you asked for.");
                let codes = self.get("codes");
                if !codes.is_empty() {
                    self.heading("What our codes and terms mean");
                    self.body.extend(paragraphs(&codes));
                }
                self.heading("What we have withheld");
                let withheld = self.get("withheld");
                self.body.extend(paragraphs(&withheld));
                self.supplementary_information();
                self.how_to_complain();
            }
            Template::ErasureDone => {
                self.say(format!("Thank you for your request to erase your personal information, which we received on {received}."));
                self.say(format!(
                    "We have erased {} on {}. Copies in our backups are put beyond use and will be overwritten as the backups are replaced.",
                    self.get("erased").trim_end_matches('.'),
                    long_date(self.date)
                ));
                let kept = self.get("kept");
                if kept.is_empty() {
                    self.say("We have not kept any of this information.");
                } else {
                    self.say(format!("The law requires us to keep some information, which we will erase when that period ends: {}", sentence(&kept)));
                }
                self.told_recipients();
                self.how_to_complain();
            }
            Template::ErasureRefused => {
                self.say(format!("Thank you for your request to erase your personal information, which we received on {received}."));
                let erased = self.get("erased");
                if erased.is_empty() {
                    self.say("We are not able to erase the information you asked about, because:");
                } else {
                    self.say(format!(
                        "We have erased {}. We are not able to erase the rest, because:",
                        erased.trim_end_matches('.')
                    ));
                }
                self.body
                    .push(Block::Bullets(vec![plain(self.get("ground"))]));
                self.body
                    .extend(paragraphs(&sentence(&self.get("reasons"))));
                self.say("We will erase it when we no longer need to keep it for this reason.");
                self.refusal_rights();
            }
            Template::RectificationDone => {
                self.say(format!("Thank you for your request to correct your personal information, which we received on {received}."));
                self.say(format!(
                    "We have corrected our records on {}: {}",
                    long_date(self.date),
                    sentence(&self.get("corrected"))
                ));
                self.told_recipients();
                self.how_to_complain();
            }
            Template::RectificationRefused => {
                self.say(format!("Thank you for your request to correct your personal information, which we received on {received}."));
                self.say("We have looked into it carefully, and we have not changed our records, because:");
                self.body
                    .extend(paragraphs(&sentence(&self.get("reasons"))));
                self.say("If you still believe the information is wrong, you can send us a statement, and we will add it to our records. While the accuracy of the information is disputed, you can also ask us to restrict its use.");
                self.refusal_rights();
            }
            Template::RestrictionApplied => {
                self.say(format!("Thank you for your request to restrict the use of your personal information, which we received on {received}."));
                self.say(format!(
                    "We have restricted {} from {}, because:",
                    self.get("scope").trim_end_matches('.'),
                    long_date(self.date)
                ));
                self.body
                    .push(Block::Bullets(vec![plain(self.get("ground"))]));
                self.say("While it is restricted we will only store it. We will not use it in any other way unless you agree, or it is needed for legal claims, to protect someone else's rights, or for reasons of important public interest.");
                self.told_recipients();
                self.say("We will tell you before we lift the restriction.");
                self.how_to_complain();
            }
            Template::RestrictionLifting => {
                self.say(format!("We wrote to you about your request of {received} to restrict the use of your personal information."));
                self.say(format!(
                    "We are writing, as the law requires, to tell you before we lift the restriction. We will lift it {}, because:",
                    self.get("when").trim_end_matches('.')
                ));
                self.body
                    .extend(paragraphs(&sentence(&self.get("reasons"))));
                self.say("If you disagree, please contact us before then.");
                self.how_to_complain();
            }
            Template::MarketingObjectionDone => {
                self.say(format!("Thank you for your message of {received} asking us to stop sending you marketing."));
                self.say(format!(
                    "We have stopped sending you {}, and any use of your information to tailor marketing to you (profiling). You have an absolute right to object to direct marketing, and we will not contact you for marketing again.",
                    self.get("channels").trim_end_matches('.')
                ));
                self.say("So that we never contact you by mistake, we keep your email address on a suppression (do not contact) list, with only what is needed for that purpose.");
                self.how_to_complain();
            }
            Template::ObjectionStopped => {
                self.say(format!(
                    "Thank you for your objection, which we received on {received}."
                ));
                self.say(format!(
                    "We have considered it and, from {}, we have stopped {}",
                    long_date(self.date),
                    sentence(&self.get("stopped"))
                ));
                self.how_to_complain();
            }
            Template::ObjectionRefused => {
                self.say(format!(
                    "Thank you for your objection, which we received on {received}."
                ));
                self.say("We have considered it carefully against our reasons for using your information. We will carry on, because we have compelling legitimate grounds that override your interests, rights and freedoms, or we need the information to establish, exercise or defend legal claims:");
                self.body
                    .extend(paragraphs(&sentence(&self.get("grounds"))));
                self.refusal_rights();
            }
            Template::Portability => {
                self.say(format!(
                    "Thank you for your data portability request, which we received on {received}."
                ));
                self.say(format!(
                    "We are providing the personal information you gave us, which we use with your consent or to carry out our contract with you, by automated means, in a structured, commonly used and machine-readable format: {}",
                    sentence(&self.get("format"))
                ));
                self.body
                    .extend(paragraphs(&sentence(&self.get("delivery"))));
                self.how_to_complain();
            }
            Template::Refusal => {
                self.say(format!(
                    "We received your {} request on {received}.",
                    self.request.kind.to_string().to_lowercase()
                ));
                self.say(format!(
                    "We are refusing to act on it because it is {}. Our reasons are:",
                    self.get("ground")
                ));
                self.body
                    .extend(paragraphs(&sentence(&self.get("reasons"))));
                self.refusal_rights();
            }
            Template::ComplaintAcknowledgement => {
                let holidays = self.workspace.holidays();
                let acknowledge_by = deadlines::complaint_deadline(
                    self.request.received,
                    self.workspace.counting(&holidays),
                );
                self.say(format!(
                    "Thank you for your complaint, which we received on {received}."
                ));
                self.say(format!(
                    "We understand that your complaint is about {} If we have misunderstood, please tell us.",
                    sentence(&self.get("understood"))
                ));
                self.say(sentence(&self.get("next")));
                // A complaint from before 19 June 2026 has no statutory date to quote.
                self.say(match acknowledge_by.due_date() {
                    Some(due) => format!(
                        "We will tell you the outcome without undue delay. (The law asks us to acknowledge a complaint within 30 days, by {}.)",
                        long_date(due)
                    ),
                    None => "We will tell you the outcome without undue delay.".to_owned(),
                });
                let regulator = self.regulator();
                self.say(format!(
                    "If you are unhappy with the outcome, you can complain to {regulator}."
                ));
            }
            Template::ComplaintOutcome => {
                self.say(format!(
                    "We have finished looking into your complaint of {received}."
                ));
                self.heading("What we found");
                self.body.extend(paragraphs(&self.get("findings")));
                self.heading("What we have done");
                self.body.extend(paragraphs(&self.get("actions")));
                let regulator = self.regulator();
                self.say(format!(
                    "If you are unhappy with this outcome, you can complain to {regulator}."
                ));
            }
        }
        self.body
    }
}

fn labelled(label: &str, text: &str) -> Runs {
    vec![
        Inline::bold(format!("{label}: ")),
        Inline::text(text.to_owned()),
    ]
}

/// The letter as a document: letterhead, date, the requester's name and address, our
/// reference, salutation, body and sign-off.
pub fn letter(
    workspace: &Workspace,
    request: &RightsRequest,
    template: Template,
    date: Date,
    parts: &Parts,
) -> Document {
    let org = &workspace.organisation;
    let shop = workspace.display_name().to_owned();
    let mut blocks = vec![Block::heading(
        1,
        if shop.is_empty() {
            "Our business"
        } else {
            &shop
        },
    )];
    let mut letterhead: Vec<String> = Vec::new();
    if !org.legal_name.trim().is_empty() && org.legal_name.trim() != shop {
        letterhead.push(org.legal_name.trim().to_owned());
    }
    letterhead.extend(
        org.address
            .lines
            .iter()
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty()),
    );
    let town = [org.address.town.trim(), org.address.postcode.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !town.is_empty() {
        letterhead.push(town);
    }
    let contact: Vec<String> = [
        org.privacy_contact
            .as_ref()
            .map(|c| c.email.trim())
            .filter(|e| !e.is_empty())
            .unwrap_or(org.email.trim())
            .to_owned(),
        org.phone.trim().to_owned(),
        org.website.trim().to_owned(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    if !contact.is_empty() {
        letterhead.push(contact.join(" · "));
    }
    if !letterhead.is_empty() {
        blocks.push(Block::Address(letterhead));
    }
    blocks.push(Block::paragraph(long_date(date)));

    let requester = &request.requester;
    let mut to = vec![requester.name.trim().to_owned()];
    let postal: Vec<String> = requester
        .postal_address
        .lines()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if postal.is_empty() {
        if !requester.email.trim().is_empty() {
            to.push(format!("By email: {}", requester.email.trim()));
        }
    } else {
        to.extend(postal);
    }
    blocks.push(Block::Address(to));
    blocks.push(Block::Paragraph(vec![
        Inline::bold("Our reference: "),
        Inline::text(request.reference.clone()),
    ]));
    blocks.push(Block::heading(2, subject(request)));
    let name = requester.name.trim();
    blocks.push(Block::paragraph(if name.is_empty() {
        "Dear Sir or Madam,".to_owned()
    } else {
        format!("Dear {name},")
    }));
    if !requester.acting_for.trim().is_empty() {
        blocks.push(Block::paragraph(format!(
            "You wrote on behalf of {}.",
            requester.acting_for.trim()
        )));
    }
    blocks.extend(
        Writer {
            workspace,
            request,
            date,
            parts,
            template,
            body: Vec::new(),
        }
        .write(),
    );
    let signer = org
        .privacy_contact
        .as_ref()
        .map(|c| c.name.trim())
        .filter(|n| !n.is_empty())
        .unwrap_or(org.legal_name.trim());
    blocks.push(Block::paragraph("Yours sincerely,"));
    blocks.push(Block::Address(
        [signer, shop.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    ));
    Document {
        title: format!("{template} — {}", request.reference),
        author: if shop.is_empty() {
            org.legal_name.clone()
        } else {
            shop
        },
        subject: template.to_string(),
        date,
        blocks,
    }
}

fn subject(request: &RightsRequest) -> String {
    match request.kind {
        RequestKind::Complaint => "Your data protection complaint".to_owned(),
        kind => format!("Your {} request", kind.to_string().to_lowercase()),
    }
}
