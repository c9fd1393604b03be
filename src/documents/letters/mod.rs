//! The UK letter pack a shop sends while handling a rights request or complaint (facts
//! §6 and §1.6). Each template is one [`Spec`] in `templates.rs`: the request kinds it
//! fits, any further condition of the law, its parts (what only the user can say), the
//! step it implies and its body. Every other word comes from the workspace, the request
//! and the deadline engine.
//!
//! A part that states a fact is never prefilled with an invented one: until the user
//! writes it, the letter shows a visible gap ("[say why the request is complex]") and
//! [`missing_parts`] names it, so the letter cannot be exported, copied or marked as sent.
//!
//! The letter to the people a breach affects (Art. 34) is about a breach, not a request:
//! it is in [`breach`], built from the same parts, gaps and shared letterhead, sign-off
//! and complaint wording.

pub mod breach;
mod templates;
mod writer;

use std::{collections::BTreeMap, fmt};

use jiff::civil::Date;

pub use templates::Template;
use writer::Writer;

use super::model::{Block, Document, Inline};
use crate::domain::{
    Workspace,
    requests::{RequestEvent, RequestKind, RightsRequest},
};

macro_rules! part_keys {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// The parts of letters the user writes or chooses, by a typed key (a typo is a
        /// compile error, not an empty sentence).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum PartKey {
            $($(#[$doc])* $variant,)*
        }

        impl PartKey {
            pub const ALL: &[PartKey] = &[$(PartKey::$variant,)*];

            /// The CLI's name for it (`--set NAME=TEXT`).
            pub fn name(self) -> &'static str {
                match self {
                    $(PartKey::$variant => $name,)*
                }
            }
        }
    };
}

part_keys! {
    Asked = "asked",
    Documents = "documents",
    HowToSend = "how-to-send",
    Questions = "questions",
    FeeGround = "fee-ground",
    Amount = "amount",
    FeeBasis = "fee-basis",
    HowToPay = "how-to-pay",
    ExtensionGround = "extension-ground",
    Reasons = "reasons",
    Scope = "scope",
    Delivery = "delivery",
    Withheld = "withheld",
    WithheldDetails = "withheld-details",
    Codes = "codes",
    Erased = "erased",
    Kept = "kept",
    RecipientsTold = "recipients-told",
    Suppression = "suppression",
    ErasureGround = "erasure-ground",
    Corrected = "corrected",
    RestrictionGround = "restriction-ground",
    Restricted = "restricted",
    LiftOn = "lift-on",
    Channels = "channels",
    Stopped = "stopped",
    Grounds = "grounds",
    ObjectionGround = "objection-ground",
    Backups = "backups",
    DataFormat = "format",
    RefusalGround = "refusal-ground",
    NextSteps = "next-steps",
    Findings = "findings",
    Actions = "actions",
    Addressee = "to",
    WhatHappened = "what-happened",
    Information = "information",
    Consequences = "consequences",
    Measures = "measures",
    Advice = "advice",
    MoreAdvice = "more-advice",
    Activities = "activities",
    Searched = "searched",
    MoreInformation = "more-information",
    NotApplicableGround = "not-applicable-ground",
    DataAfter = "data-after",
    Reviewer = "reviewer",
    Representations = "representations",
    DecisionOutcome = "decision-outcome",
    Progress = "progress",
}

impl PartKey {
    pub fn from_name(name: &str) -> Option<PartKey> {
        PartKey::ALL.iter().copied().find(|key| key.name() == name)
    }

    /// This part's visible gap in `template`, in brackets.
    pub fn gap_text(self, template: Template) -> String {
        template
            .spec()
            .parts
            .iter()
            .find(|part| part.key == self)
            .map_or_else(String::new, |part| part.text(&Parts::new()))
    }
}

impl fmt::Display for PartKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The user's words for a letter's parts; a choice is stored as its option's key.
pub type Parts = BTreeMap<PartKey, String>;

/// One entry of a legal list a part chooses from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// What is stored and what `--set` takes.
    pub key: &'static str,
    /// The words the letter uses.
    pub words: &'static str,
    /// What it means, for the user choosing (the ICO's meaning where it has one).
    pub meaning: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// A fact only the user can state; until written, the letter shows `gap`.
    Fact { gap: &'static str },
    /// Words that may be left out or left as a default that asserts nothing.
    Optional { default: &'static str },
    /// One of a fixed list — or, when `several`, one or more of it, stored as their
    /// keys separated by commas. With no default, nothing chosen is a gap.
    Choice {
        options: &'static [Choice],
        default: Option<&'static str>,
        gap: &'static str,
        several: bool,
    },
    /// One or more of the register's activities, by their number in the register
    /// (1, 2…), stored as "1,3". Nothing is ticked until the shop ticks it: a reply never
    /// defaults to "everything".
    Activities { gap: &'static str },
}

/// A part of one template.
#[derive(Debug, Clone, Copy)]
pub struct PartSpec {
    pub key: PartKey,
    /// The field's label.
    pub label: &'static str,
    /// What to write, in a line (the field's hint and `--list-parts`).
    pub about: &'static str,
    pub kind: PartKind,
    /// Only asked, and only required, when another part has one of these values.
    pub only_when: Option<(PartKey, &'static [&'static str])>,
    /// What the user's own records already say, offered as the first words.
    pub from_records: Option<fn(&Workspace, &RightsRequest) -> String>,
}

impl PartSpec {
    pub fn is_required(&self) -> bool {
        match self.kind {
            PartKind::Fact { .. } | PartKind::Activities { .. } => true,
            PartKind::Optional { .. } => false,
            PartKind::Choice { default, .. } => default.is_none(),
        }
    }

    pub fn options(&self) -> &'static [Choice] {
        match self.kind {
            PartKind::Choice { options, .. } => options,
            PartKind::Fact { .. } | PartKind::Optional { .. } | PartKind::Activities { .. } => &[],
        }
    }

    fn applies(&self, parts: &Parts) -> bool {
        self.only_when.is_none_or(|(key, values)| {
            parts
                .get(&key)
                .is_some_and(|chosen| values.contains(&chosen.trim()))
        })
    }

    /// Whether `value` fills this part: any words for a fact, a listed key for a choice
    /// (for a choice of several, one or more keys, each listed).
    fn is_filled_by(&self, value: Option<&String>) -> bool {
        let value = value.map_or("", |v| v.trim());
        match self.kind {
            PartKind::Fact { .. } => !value.is_empty(),
            PartKind::Optional { .. }
            | PartKind::Choice {
                default: Some(_), ..
            } => true,
            PartKind::Choice {
                options,
                several: true,
                ..
            } => {
                let keys: Vec<&str> = split_keys(value).collect();
                !keys.is_empty()
                    && keys
                        .iter()
                        .all(|key| options.iter().any(|option| option.key == *key))
            }
            PartKind::Choice { options, .. } => options.iter().any(|option| option.key == value),
            PartKind::Activities { .. } => activity_numbers(value).is_some_and(|n| !n.is_empty()),
        }
    }

    /// Whether one or more options may be chosen.
    pub fn takes_several(&self) -> bool {
        matches!(self.kind, PartKind::Choice { several: true, .. })
    }

    /// The options chosen, in the order chosen (the default when nothing was), each
    /// once; keys that are not options are left out.
    pub fn chosen(&self, parts: &Parts) -> Vec<&'static Choice> {
        let PartKind::Choice {
            options, default, ..
        } = self.kind
        else {
            return Vec::new();
        };
        let value = parts
            .get(&self.key)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .or(default)
            .unwrap_or_default();
        let keys: Vec<&str> = if self.takes_several() {
            split_keys(value).collect()
        } else {
            vec![value]
        };
        let mut chosen: Vec<&'static Choice> = Vec::new();
        for key in keys {
            if let Some(option) = options.iter().find(|option| option.key == key)
                && !chosen.iter().any(|c| c.key == option.key)
            {
                chosen.push(option);
            }
        }
        chosen
    }

    /// The part as a letter prints it: the user's words; for a fact not yet written,
    /// its visible gap; for a choice, the chosen option's words (several joined by
    /// spaces) or the gap; for an optional part left empty, nothing.
    pub fn text(&self, parts: &Parts) -> String {
        let value = parts.get(&self.key).map_or("", |v| v.trim());
        match self.kind {
            PartKind::Fact { gap } | PartKind::Activities { gap } if value.is_empty() => {
                format!("[{gap}]")
            }
            PartKind::Choice { gap, .. } => {
                let chosen = self.chosen(parts);
                if chosen.is_empty() {
                    format!("[{gap}]")
                } else {
                    chosen.iter().map(|c| c.words).collect::<Vec<_>>().join(" ")
                }
            }
            _ => value.to_owned(),
        }
    }
}

/// The register numbers in an activities part ("1, 3" → [1, 3]), each once, in order;
/// `None` when anything else is written.
pub fn activity_numbers(value: &str) -> Option<Vec<usize>> {
    let mut numbers: Vec<usize> = Vec::new();
    for key in split_keys(value) {
        let number: usize = key.parse().ok().filter(|n| *n > 0)?;
        if !numbers.contains(&number) {
            numbers.push(number);
        }
    }
    Some(numbers)
}

/// The keys of a choice of several: "phishing, bank" → "phishing", "bank".
pub fn split_keys(value: &str) -> impl Iterator<Item = &str> {
    value
        .split(',')
        .map(str::trim)
        .filter(|key| !key.is_empty())
}

/// Everything about one template, in one place.
#[derive(Debug)]
pub struct Spec {
    pub name: &'static str,
    pub title: &'static str,
    pub purpose: &'static str,
    pub kinds: &'static [RequestKind],
    pub parts: &'static [PartSpec],
    /// The law's conditions beyond the request's kind and state, with the refusal in words.
    pub allows: fn(&Situation<'_>) -> Result<(), String>,
    /// The law's conditions on what the parts say for this request (a fee for further
    /// copies only under subject access; activities that are in the register, with no
    /// example text left), with the refusal in words.
    pub parts_fit: fn(&Situation<'_>, &Parts) -> Result<(), String>,
    /// The step "Mark as sent" records besides the letter; `part` reads the user's words.
    pub implies: fn(&dyn Fn(PartKey) -> String) -> Option<RequestEvent>,
    pub body: fn(&mut Writer<'_>),
}

/// What a template's conditions are judged on.
#[derive(Debug, Clone, Copy)]
pub struct Situation<'a> {
    pub workspace: &'a Workspace,
    pub request: &'a RightsRequest,
    /// The letter's date.
    pub date: Date,
}

impl Template {
    /// The CLI's name for it.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn from_name(name: &str) -> Option<Template> {
        Template::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// What it is for, in a line.
    pub fn purpose(self) -> &'static str {
        self.spec().purpose
    }

    /// The parts asked for now (a part that depends on another's value only when it
    /// applies), in the letter's order.
    pub fn parts(self, parts: &Parts) -> Vec<&'static PartSpec> {
        self.spec()
            .parts
            .iter()
            .filter(|part| part.applies(parts))
            .collect()
    }

    /// The parts as the composer first shows them: what the records say, a neutral
    /// default, or nothing (a gap the user must fill).
    pub fn initial_parts(self, workspace: &Workspace, request: &RightsRequest) -> Parts {
        self.spec()
            .parts
            .iter()
            .filter_map(|part| {
                let value = match (part.from_records, part.kind) {
                    (Some(records), _) => records(workspace, request),
                    (None, PartKind::Optional { default }) => default.to_owned(),
                    (None, PartKind::Choice { default, .. }) => {
                        default.unwrap_or_default().to_owned()
                    }
                    (None, PartKind::Fact { .. } | PartKind::Activities { .. }) => String::new(),
                };
                (!value.trim().is_empty()).then_some((part.key, value))
            })
            .collect()
    }

    /// The step "Mark as sent" records besides the letter itself, if any.
    pub fn implied_event(self, parts: &Parts) -> Option<RequestEvent> {
        let read = |key: PartKey| -> String {
            let value = parts.get(&key).map_or("", |v| v.trim());
            // A choice is recorded by its words, not its key.
            self.spec()
                .parts
                .iter()
                .find(|p| p.key == key)
                .and_then(|p| p.options().iter().find(|o| o.key == value))
                .map_or_else(|| value.to_owned(), |o| o.words.to_owned())
        };
        (self.spec().implies)(&read)
    }

    /// Whether this letter may be sent for `request` on `date`; if not, why, in words
    /// the user can act on. The UI greys the letter with this reason; the CLI refuses.
    pub fn fits(
        self,
        workspace: &Workspace,
        request: &RightsRequest,
        date: Date,
    ) -> Result<(), String> {
        let spec = self.spec();
        if !spec.kinds.contains(&request.kind) {
            return Err(format!(
                "the “{}” letter is not for {} request",
                spec.title,
                with_article(&request.kind.to_string().to_lowercase())
            ));
        }
        if date < request.received {
            return Err(format!(
                "the letter's date, {}, is before the request arrived ({})",
                long_date(date),
                long_date(request.received)
            ));
        }
        let situation = Situation {
            workspace,
            request,
            date,
        };
        (spec.allows)(&situation)?;
        // The step it implies must be one the request can take now: the same check the
        // app runs when the letter is marked as sent. Parts do not matter for that.
        // The step's words do not matter for whether it may be taken: shown in a refusal
        // they read as "…".
        let placeholder = |_: PartKey| "…".to_owned();
        match (spec.implies)(&placeholder) {
            Some(event) => {
                let holidays = workspace.holidays();
                request
                    .check_with(&event, date, date, workspace.counting(&holidays))
                    .map(|_| ())
                    .map_err(|error| error.to_string())
            }
            None if request.status.is_open() => Ok(()),
            None => Err(format!(
                "the request is {}",
                request.status.to_string().to_lowercase()
            )),
        }
    }
}

impl Template {
    /// Whether what the parts say is allowed for `request` (see [`Spec::parts_fit`]).
    pub fn parts_fit(
        self,
        workspace: &Workspace,
        request: &RightsRequest,
        date: Date,
        parts: &Parts,
    ) -> Result<(), String> {
        let situation = Situation {
            workspace,
            request,
            date,
        };
        (self.spec().parts_fit)(&situation, parts)
    }

    /// What the shop should know about this letter's timing before it goes (facts §6.4):
    /// dated after the request's deadline, it is late — said, never hidden; asking for
    /// identity or a clarification with under a week left is late in the month. Warnings
    /// do not stop the letter.
    pub fn timing_warnings(
        self,
        workspace: &Workspace,
        request: &RightsRequest,
        date: Date,
    ) -> Vec<String> {
        // A request already answered or closed has no time left to be late against
        // (a notice before lifting a restriction comes after the reply).
        if !request.status.is_open() {
            return Vec::new();
        }
        let holidays = workspace.holidays();
        let deadline = request.deadline_with(workspace.counting(&holidays));
        let Some(due) = deadline.due_date() else {
            return Vec::new();
        };
        let mut warnings = Vec::new();
        let what = if request.is_complaint() {
            "the acknowledgement"
        } else if request.stops_at_once() {
            "the written confirmation"
        } else {
            "the reply"
        };
        if date > due {
            let recorded = if request.is_complaint() {
                " and none is recorded (if it went outside Smallprint, mark it as sent first)"
            } else {
                ""
            };
            warnings.push(format!(
                "This letter is late: {what} was due by {}{recorded}, and this letter is dated {}. Send it now; it must not suggest it is on time.",
                long_date(due),
                long_date(date)
            ));
        } else if let Some(event) = self.implied_event(&Parts::new())
            && let Some(warning) =
                request.late_ask_warning(&event, date, workspace.counting(&holidays))
        {
            // The step's own warning: the same words as `request step` and the window.
            warnings.push(crate::documents::notice::sentence(
                &crate::documents::wording::capitalise_first(&warning),
            ));
        }
        warnings
    }

    /// A letter dated before `today` is refused: it would be written from the request as
    /// it stands now, so it could claim a timing it never had — an acknowledgement "in
    /// time", an identity request restarting a month from a day it did not go (facts
    /// §6.4, no revival). A letter already sent is kept in its request's timeline.
    pub fn dated_before(self, date: Date, today: Date) -> Result<(), String> {
        if date >= today {
            return Ok(());
        }
        Err(format!(
            "it is dated {}, before today ({}): a letter is dated the day it goes, as everything it says about time counts from then; one already sent is kept in the request's timeline when marked as sent",
            long_date(date),
            long_date(today)
        ))
    }
}

impl fmt::Display for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.spec().title)
    }
}

/// The required parts not yet filled, in the letter's order: while any is left the
/// letter cannot be exported, copied or marked as sent.
pub fn missing_parts(template: Template, parts: &Parts) -> Vec<&'static PartSpec> {
    unfilled(template.parts(parts), parts)
}

/// Of `asked`, the required parts `parts` does not fill: the one rule every letter's
/// gaps follow.
fn unfilled(asked: Vec<&'static PartSpec>, parts: &Parts) -> Vec<&'static PartSpec> {
    asked
        .into_iter()
        .filter(|part| part.is_required() && !part.is_filled_by(parts.get(&part.key)))
        .collect()
}

/// Why a letter cannot go yet, in words, or `None` when every required part is filled.
pub fn missing_reason(template: Template, parts: &Parts) -> Option<String> {
    reason_for(&missing_parts(template, parts))
}

/// The missing parts as the reason a letter cannot go yet.
pub fn reason_for(missing: &[&'static PartSpec]) -> Option<String> {
    let missing: Vec<&str> = missing.iter().map(|part| part.label).collect();
    match missing.as_slice() {
        [] => None,
        [one] => Some(format!("fill in “{one}” first")),
        many => Some(format!(
            "fill in these first: {}",
            many.iter()
                .map(|label| format!("“{label}”"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// "an erasure letter", "a fee notice".
fn with_article(noun: &str) -> String {
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

fn long_date(date: Date) -> String {
    super::notice::long_date(date)
}

/// Whether a letter of `template` has been marked as sent on `request`, and when.
pub fn sent_on(request: &RightsRequest, template: Template) -> Option<Date> {
    // By the stable name, never the title: renaming a letter changes nothing.
    request.letter_sent_on(template.name())
}

/// The letter as a document: letterhead, date, the requester's name and how the letter
/// reaches them, our reference, subject, salutation, body and sign-off. Parts left empty
/// show as visible gaps.
pub fn letter(
    workspace: &Workspace,
    request: &RightsRequest,
    template: Template,
    date: Date,
    parts: &Parts,
) -> Document {
    let mut blocks = writer::letterhead(workspace, request, date);
    let mut writer = Writer::new(workspace, request, template, date, parts);
    (template.spec().body)(&mut writer);
    writer.reply_channel();
    blocks.extend(writer.into_blocks());
    blocks.extend(writer::sign_off(workspace));
    let shop = workspace.display_name();
    Document {
        title: format!("{template} — {}", request.reference),
        author: if shop.is_empty() {
            workspace.organisation.legal_name.clone()
        } else {
            shop.to_owned()
        },
        subject: template.to_string(),
        date,
        blocks,
    }
}

/// A letter as it was sent (the words kept in the timeline), as a document to print or
/// export again: exactly those words, a paragraph per blank-line-separated block.
pub fn sent_letter(title: &str, reference: &str, date: Date, text: &str) -> Document {
    let blocks = text
        .split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let lines: Vec<String> = block.lines().map(str::to_owned).collect();
            if lines.len() > 1 {
                Block::Address(lines)
            } else {
                Block::Paragraph(vec![Inline::text(block.to_owned())])
            }
        })
        .collect();
    Document {
        title: format!("{title} — {reference}"),
        author: String::new(),
        subject: title.to_owned(),
        date,
        blocks,
    }
}
