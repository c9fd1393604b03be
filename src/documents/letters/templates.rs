//! One specification per letter: adding a letter is one `Spec` here and one line in
//! the `templates!` list, which also makes it part of [`Template::ALL`] (a letter can
//! never be defined and yet missing from the composer or the CLI).

use super::{
    Choice, PartKey, PartKind, PartSpec, Parts, Situation, Spec, long_date, sent_on,
    writer::chosen_activities,
};
use crate::domain::{
    deadlines,
    register::ProcessingActivity,
    requests::{RequestEvent, RequestKind as K, Status},
    rights::{self, Fees, NotApplicable},
};

macro_rules! templates {
    ($($variant:ident => $spec:ident,)*) => {
        /// Every letter Smallprint writes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Template {
            $($variant,)*
        }

        impl Template {
            pub const ALL: &[Template] = &[$(Template::$variant,)*];

            pub fn spec(self) -> &'static Spec {
                match self {
                    $(Template::$variant => &$spec,)*
                }
            }
        }
    };
}

templates! {
    Acknowledgement => ACKNOWLEDGEMENT,
    IdentityRequest => IDENTITY_REQUEST,
    ClarificationRequest => CLARIFICATION_REQUEST,
    FeeNotice => FEE_NOTICE,
    ExtensionNotice => EXTENSION_NOTICE,
    AccessResponse => ACCESS_RESPONSE,
    ErasureDone => ERASURE_DONE,
    ErasureRefused => ERASURE_REFUSED,
    RectificationDone => RECTIFICATION_DONE,
    RectificationRefused => RECTIFICATION_REFUSED,
    RestrictionApplied => RESTRICTION_APPLIED,
    RestrictionLifting => RESTRICTION_LIFTING,
    MarketingObjectionDone => MARKETING_OBJECTION_DONE,
    ObjectionStopped => OBJECTION_STOPPED,
    ObjectionRefused => OBJECTION_REFUSED,
    Portability => PORTABILITY,
    Refusal => REFUSAL,
    ComplaintAcknowledgement => COMPLAINT_ACKNOWLEDGEMENT,
    ComplaintOutcome => COMPLAINT_OUTCOME,
    NothingHeld => NOTHING_HELD,
    CannotIdentify => CANNOT_IDENTIFY,
    RightNotApplicable => RIGHT_NOT_APPLICABLE,
    ConsentWithdrawn => CONSENT_WITHDRAWN,
    DecisionReviewed => DECISION_REVIEWED,
    ComplaintProgress => COMPLAINT_PROGRESS,
}

// ---- Which requests -------------------------------------------------------------

/// The rights with a one-month clock (the rulebook's `Clock::OneMonth`; a test holds the
/// two together): not an objection to direct marketing nor a withdrawal of consent,
/// which are acted on at once, nor a complaint.
pub(super) const ONE_MONTH_RIGHTS: &[K] = &[
    K::Access,
    K::Rectification,
    K::Erasure,
    K::Restriction,
    K::Objection,
    K::Portability,
    K::AutomatedDecisionReview,
];

/// Every kind: the letters whose step the rulebook judges (identity, a fee, a
/// clarification, an extension) are offered for every kind, and refused by the step
/// check in the rulebook's words where the right does not have the step.
const EVERY_KIND: &[K] = &K::ALL;

// ---- Legal lists ------------------------------------------------------------------

const UNFOUNDED: Choice = Choice {
    key: "manifestly-unfounded",
    words: "manifestly unfounded",
    meaning: "the person clearly has no intention to exercise the right (for example, they offer to withdraw the request in return for a benefit), or the request is malicious: made to harass or disrupt, with no real purpose",
};

const EXCESSIVE: Choice = Choice {
    key: "manifestly-excessive",
    words: "manifestly excessive",
    meaning: "it is clearly unreasonable when weighed against the burden or cost of dealing with it, taking account of all the circumstances: for example, it largely repeats an earlier request and a reasonable interval has not passed (a large amount of information alone does not make a request excessive)",
};

/// Art. 12(5): the only two grounds to refuse a request outright.
const REFUSAL_GROUNDS: &[Choice] = &[UNFOUNDED, EXCESSIVE];

const FEE_GROUNDS: &[Choice] = &[
    UNFOUNDED,
    EXCESSIVE,
    Choice {
        key: "further-copies",
        words: "a request for further copies of information we have already given you",
        meaning: "the person asks for more copies of information already provided (Art. 15(3)): a reasonable fee for the administrative cost",
    },
];

/// Art. 12(3): the two reasons the law gives for taking up to two further months.
const EXTENSION_GROUNDS: &[Choice] = &[
    Choice {
        key: "complex",
        words: "your request is complex",
        meaning: "the request is complex: say what makes it so in the reasons",
    },
    Choice {
        key: "number-of-requests",
        words: "we have received a number of requests from you",
        meaning: "the person has made a number of requests: say which in the reasons",
    },
];

/// Art. 17(3): the exceptions to erasure.
const ERASURE_GROUNDS: &[Choice] = &[
    Choice {
        key: "legal-claims",
        words: "We need it to establish, exercise or defend legal claims (Article 17(3)(e)).",
        meaning: "Art. 17(3)(e): you need it for a legal claim",
    },
    Choice {
        key: "legal-obligation",
        words: "We must keep it to comply with a legal obligation (Article 17(3)(b)).",
        meaning: "Art. 17(3)(b): a law requires you to keep it (say which in the reasons)",
    },
    Choice {
        key: "expression",
        words: "It is needed for exercising the right of freedom of expression and information (Article 17(3)(a)).",
        meaning: "Art. 17(3)(a): freedom of expression and information",
    },
    Choice {
        key: "public-health",
        words: "It is needed for reasons of public interest in the area of public health (Article 17(3)(c)).",
        meaning: "Art. 17(3)(c): public health",
    },
    Choice {
        key: "archiving",
        words: "It is needed for archiving in the public interest, scientific or historical research or statistics (Article 17(3)(d)).",
        meaning: "Art. 17(3)(d): archiving, research or statistics",
    },
];

/// Art. 18(1): the grounds for restricting processing.
const RESTRICTION_GROUNDS: &[Choice] = &[
    Choice {
        key: "accuracy",
        words: "You have told us the information is not accurate, and we are checking it.",
        meaning: "Art. 18(1)(a): accuracy contested, while you check it",
    },
    Choice {
        key: "unlawful",
        words: "The processing is unlawful, and you asked us to restrict it rather than erase it.",
        meaning: "Art. 18(1)(b): unlawful processing, restriction asked instead of erasure",
    },
    Choice {
        key: "legal-claims",
        words: "We no longer need the information, but you need it kept for a legal claim.",
        meaning: "Art. 18(1)(c): you no longer need it, they need it for a legal claim",
    },
    Choice {
        key: "objection",
        words: "You have objected to our use of it, and we are considering whether our reasons override yours.",
        meaning: "Art. 18(1)(d): an objection is being considered",
    },
];

/// Art. 19: the letter says recipients were told only when the user says so.
const RECIPIENTS_TOLD: &[Choice] = &[
    Choice {
        key: "told",
        words: "We have told the organisations we shared it with",
        meaning: "you have told each organisation you shared it with (Art. 19)",
    },
    Choice {
        key: "not-shared",
        words: "We had not shared it with anyone",
        meaning: "nobody outside your business had it",
    },
];

const SUPPRESSION: &[Choice] = &[
    Choice {
        key: "kept",
        words: "kept on a suppression list",
        meaning: "you keep their email address on a do-not-contact list so they are never marketed to by mistake",
    },
    Choice {
        key: "none",
        words: "no suppression entry",
        meaning: "you keep nothing about them, not even on a suppression list",
    },
];

const BACKUPS: &[Choice] = &[
    Choice {
        key: "beyond-use",
        words: "Copies in our backups are put beyond use and will be overwritten as the backups are replaced.",
        meaning: "the ICO's approach: backups are not used, and are overwritten on their usual schedule",
    },
    Choice {
        key: "erased-too",
        words: "We have erased it from our backups too.",
        meaning: "you erased the copies in your backups as well",
    },
    Choice {
        key: "no-backups",
        words: "We keep no backups that hold it.",
        meaning: "no backup holds this information",
    },
];

/// Art. 21(1): the only reasons to carry on after an objection.
const OBJECTION_GROUNDS: &[Choice] = &[
    Choice {
        key: "compelling-grounds",
        words: "we have compelling legitimate grounds that override your interests, rights and freedoms",
        meaning: "your reasons are compelling and outweigh theirs (the law sets a high bar)",
    },
    Choice {
        key: "legal-claims",
        words: "we need the information to establish, exercise or defend legal claims",
        meaning: "you need it for a legal claim",
    },
];

const WITHHELD: &[Choice] = &[
    Choice {
        key: "nothing",
        words: "Nothing has been withheld or redacted.",
        meaning: "the copy is complete",
    },
    Choice {
        key: "some",
        words: "Some information has been withheld or redacted.",
        meaning: "something was left out or blacked out: say what, and on what grounds",
    },
];

// ---- Part builders -------------------------------------------------------------------

const fn fact(
    key: PartKey,
    label: &'static str,
    about: &'static str,
    gap: &'static str,
) -> PartSpec {
    PartSpec {
        key,
        label,
        about,
        kind: PartKind::Fact { gap },
        only_when: None,
        from_records: None,
    }
}

const fn optional(
    key: PartKey,
    label: &'static str,
    about: &'static str,
    default: &'static str,
) -> PartSpec {
    PartSpec {
        key,
        label,
        about,
        kind: PartKind::Optional { default },
        only_when: None,
        from_records: None,
    }
}

const fn choice(
    key: PartKey,
    label: &'static str,
    about: &'static str,
    options: &'static [Choice],
    gap: &'static str,
) -> PartSpec {
    PartSpec {
        key,
        label,
        about,
        kind: PartKind::Choice {
            options,
            default: None,
            gap,
            several: false,
        },
        only_when: None,
        from_records: None,
    }
}

const RECIPIENTS_TOLD_PART: PartSpec = choice(
    PartKey::RecipientsTold,
    "Have you told those you shared it with?",
    "Art. 19: tell each recipient, unless impossible or disproportionate",
    RECIPIENTS_TOLD,
    "say whether you told the organisations you shared it with",
);

/// The reply's due date, if the clock runs and it has passed by the letter's date.
fn passed_due(s: &Situation<'_>) -> Option<jiff::civil::Date> {
    let holidays = s.workspace.holidays();
    let due = s
        .request
        .deadline_with(s.workspace.counting(&holidays))
        .due_date()?;
    (s.date > due).then_some(due)
}

const ASKED_PART: PartSpec = optional(
    PartKey::Asked,
    "Their words, to quote",
    "only what they actually wrote; left empty, the letter says what a request of this kind asks for",
    "",
);

#[allow(
    clippy::unnecessary_wraps,
    reason = "it fills the `allows` slot, whose other occupants can refuse"
)]
fn always(_: &Situation<'_>) -> Result<(), String> {
    Ok(())
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "it fills the `parts_fit` slot, whose other occupants can refuse"
)]
fn any_parts(_: &Situation<'_>, _: &Parts) -> Result<(), String> {
    Ok(())
}

/// Whether an activity's register entry can be described to a requester as it stands:
/// no starter example text left and nothing the letter would have to invent (the same
/// rule as the notice).
fn fit_to_describe(activity: &ProcessingActivity) -> Result<(), String> {
    let name = activity.record_name();
    if let Some(placeholder) = activity.unconfirmed_placeholders().first() {
        return Err(format!(
            "{name} still has example text in “{}” (“{}”): replace or confirm it in the register first",
            placeholder.field.label(),
            placeholder.text.trim()
        ));
    }
    let mut gaps: Vec<&str> = Vec::new();
    if activity.data_categories.iter().all(|c| c.trim().is_empty()) {
        gaps.push("the information used");
    }
    if activity.basis_kinds().is_empty() {
        gaps.push("a lawful basis");
    }
    if activity.retention_statement().trim().is_empty() {
        gaps.push("how long it is kept");
    }
    if activity.sources.is_empty() {
        gaps.push("where it comes from");
    }
    if activity.transfers.iter().any(|t| t.mechanism.is_none()) {
        gaps.push("the safeguard for each transfer outside the UK");
    }
    if gaps.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{name} does not yet say {} in the register: the letter would have to invent it",
            gaps.join(", ")
        ))
    }
}

/// Whether the same person (by email, or by name where neither has an email) had a
/// subject access request answered before this one arrived.
fn earlier_copy_given(s: &Situation<'_>) -> bool {
    let person = &s.request.requester;
    let same = |other: &crate::domain::requests::Requester| {
        let (email, theirs) = (person.email.trim(), other.email.trim());
        if email.is_empty() || theirs.is_empty() {
            other.name.trim().eq_ignore_ascii_case(person.name.trim())
        } else {
            theirs.eq_ignore_ascii_case(email)
        }
    };
    s.workspace.requests.iter().any(|other| {
        other.id != s.request.id
            && other.kind == K::Access
            && same(&other.requester)
            && other.timeline.iter().any(|entry| {
                matches!(entry.event, RequestEvent::Responded { .. })
                    && entry.on <= s.request.received
            })
    })
}

fn no_step(_: &dyn Fn(PartKey) -> String) -> Option<RequestEvent> {
    None
}

fn responded(title: &str) -> RequestEvent {
    RequestEvent::Responded {
        outcome: format!("{title} letter sent"),
    }
}

/// A refusal's recorded reason: the ground chosen, then the user's reasons.
fn refused(ground: &str, reasons: &str) -> RequestEvent {
    let reason = [ground.trim(), reasons.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(": ");
    RequestEvent::Refused { reason }
}

// ---- The letters -------------------------------------------------------------------

static ACKNOWLEDGEMENT: Spec = Spec {
    name: "acknowledgement",
    title: "Acknowledgement",
    purpose: "Confirms the request arrived and when you will reply",
    // An objection to direct marketing is acted on at once: its letter is the reply.
    kinds: ONE_MONTH_RIGHTS,
    parts: &[ASKED_PART],
    allows: |s| match passed_due(s) {
        _ if !s.request.status.is_open() => Err(format!(
            "the request is {}",
            s.request.status.to_string().to_lowercase()
        )),
        Some(due) => Err(format!(
            "the reply was due on {}: send the reply itself now",
            long_date(due)
        )),
        None => Ok(()),
    },
    implies: no_step,
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.what_was_asked();
        w.say("If we have misunderstood, please tell us.");
        w.when_we_will_reply();
        if w.request.requester.authority_needed
            && !w.request.requester.acting_for.trim().is_empty()
            && w.request.identity_received.is_none()
            && w.request.status != Status::AwaitingIdentity
        {
            w.say(format!(
                "As you are acting for {}, we will need proof that you are authorised to do so. We will write separately about what to send; the month starts when it arrives.",
                w.request.requester.acting_for.trim()
            ));
        } else if w.request.status == Status::Open && w.request.identity_requested.is_none() {
            w.say("If we need to confirm your identity or to clarify your request, we will tell you promptly.");
        }
        w.say("If you have any questions, please contact us using the details at the top of this letter, quoting our reference.");
    },
};

static IDENTITY_REQUEST: Spec = Spec {
    name: "identity-request",
    title: "Identity or authority request",
    purpose: "Asks for proof of identity or authority; the month starts when it arrives",
    kinds: EVERY_KIND,
    parts: &[
        optional(
            PartKey::Documents,
            "What to send",
            "completes “Please send us …”: only what you need to be sure it is them (Art. 12(6): only with reasonable doubts, and only what is proportionate)",
            "a reply to this letter from the email address you use with us, or a detail only you and we would know, such as the number of one of your orders",
        ),
        optional(
            PartKey::HowToSend,
            "How to send it securely",
            "completes “You can send it …”, e.g. by replying to this email from the address on your account",
            "by replying to this letter by email, or by post to the address above",
        ),
    ],
    // Already arrived, or asked once the time has run out: the step check says so, in
    // the words the step recorder uses.
    allows: always,
    implies: |_| Some(RequestEvent::IdentityRequested),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        let acting = w.request.requester.acting_for.trim().to_owned();
        if acting.is_empty() {
            w.say("Before we can act on your request, we need to be sure that the information we act on is yours. We only ask for what is necessary for that.");
        } else {
            w.say(format!("Before we can respond, we need proof that you are authorised to act for {acting}, such as a signed letter of authority or a lasting power of attorney, and proof of your own identity."));
        }
        let documents = w.inline(PartKey::Documents);
        w.say(format!("Please send us {documents}."));
        if w.has(PartKey::HowToSend) {
            w.say(format!("You can send it {}.", w.inline(PartKey::HowToSend)));
        }
        w.say("The one calendar month we have to respond starts on the day we receive what we have asked for. We will keep it securely and only use it to confirm who you are.");
    },
};

static CLARIFICATION_REQUEST: Spec = Spec {
    name: "clarification-request",
    title: "Clarification request",
    purpose: "Asks what the request is about; for subject access only, the clock stops until the reply",
    kinds: EVERY_KIND,
    parts: &[optional(
        PartKey::Questions,
        "What we need to know",
        "the questions that would let you find what they want",
        "Which information, or which of our activities, does your request concern? For example: your orders in a particular period, your customer account, or emails between us.",
    )],
    // Once the deadline is reached the step check refuses it, in the step's words.
    allows: always,
    implies: |_| Some(RequestEvent::ClarificationAsked),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say("To find what you are asking for, we need a little more detail:");
        w.bullet(w.part(PartKey::Questions));
        let deadline = w.deadline(w.request.extension.is_some());
        if w.request.rules().clarification_pauses() {
            // Once the pause is recorded the clock is stopped: the date it had then.
            let due = deadline
                .stopped()
                .and_then(|s| s.was_due)
                .unwrap_or(deadline.due);
            w.say(format!(
                "The time we have to respond is paused from the date of this letter, {}, up to and including the day your reply arrives; those days do not count. Before this letter, we were due to reply by {}.",
                long_date(w.date),
                long_date(due)
            ));
        } else {
            // Art. 12A pauses only a subject access request: here the month runs on.
            w.say(format!(
                "Asking you this does not change the time we have to respond: we will still reply by {} at the latest.",
                long_date(deadline.due)
            ));
        }
        if matches!(w.request.kind, K::Access | K::Portability) {
            w.say("In the meantime, we will send you any information we can already provide.");
        }
    },
};

static FEE_NOTICE: Spec = Spec {
    name: "fee-notice",
    title: "Fee notice",
    purpose: "A fee for a manifestly unfounded or excessive request, or further copies",
    kinds: EVERY_KIND,
    parts: &[
        choice(
            PartKey::FeeGround,
            "Why a fee may be charged",
            "the only grounds the law allows for a fee",
            FEE_GROUNDS,
            "choose why a fee may be charged",
        ),
        fact(
            PartKey::Reasons,
            "Why it applies to this request",
            "the facts of this request: what makes it unfounded or excessive, or which copy was already given and when",
            "say what about this request makes the ground apply",
        ),
        fact(
            PartKey::Amount,
            "Fee",
            "the amount, confirmed by you",
            "say the fee, e.g. £10.00",
        ),
        fact(
            PartKey::FeeBasis,
            "How the fee was worked out",
            "the administrative cost it covers",
            "say how the fee was worked out from your administrative costs",
        ),
        fact(
            PartKey::HowToPay,
            "How to pay",
            "completes “You can pay …”, e.g. by bank transfer to …",
            "say how to pay",
        ),
    ],
    allows: always,
    implies: |_| Some(RequestEvent::FeeRequested),
    parts_fit: |s, parts| {
        let further_copies = parts
            .get(&PartKey::FeeGround)
            .is_some_and(|ground| ground.trim() == "further-copies");
        if further_copies && s.request.rules().fees != Fees::AlsoFurtherCopies {
            return Err(format!(
                "a fee for further copies exists only for subject access (Art. 15(3)); {} may be charged for only if it is manifestly unfounded or excessive (Art. 12(5))",
                rights::kind_words(s.request.kind)
            ));
        }
        // The first copy is free: "further" copies follow one already given, to the
        // same person, in an earlier request answered in this workspace.
        if further_copies && !earlier_copy_given(s) {
            return Err(format!(
                "the first copy is free (Art. 15(3)): no earlier subject access reply to {} is recorded; log the earlier request and its reply, or send this copy free",
                s.request.requester.name.trim()
            ));
        }
        Ok(())
    },
    body: |w| {
        w.thanks();
        let ground = w.chosen(PartKey::FeeGround);
        match ground {
            Some(ground) if ground.key == "further-copies" => w.say(format!(
                "The law allows us to charge a reasonable fee for {}.",
                ground.words
            )),
            Some(ground) => w.say(format!(
                "The law allows us to charge a reasonable fee for a request that is {}, which means that {}. We consider that your request is {}.",
                ground.words, ground.meaning, ground.words
            )),
            None => w.say(w.part(PartKey::FeeGround)),
        }
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.runs(vec![
            crate::documents::model::Inline::text("The fee is "),
            crate::documents::model::Inline::bold(w.part(PartKey::Amount)),
            crate::documents::model::Inline::text(format!(
                ". {}",
                crate::documents::notice::sentence(&crate::documents::wording::capitalise_first(
                    w.part(PartKey::FeeBasis).trim()
                ))
            )),
        ]);
        w.say(format!("You can pay {}.", w.inline(PartKey::HowToPay)));
        w.say("We will act on your request once the fee arrives, and the one calendar month we have to respond will run from that day. If you would rather withdraw your request, please tell us; you do not need to pay anything to do so.");
        // A fee is the law's alternative to refusing (Art. 12(5)): the same routes.
        w.refusal_rights();
    },
};

static EXTENSION_NOTICE: Spec = Spec {
    name: "extension",
    title: "Extension notice",
    purpose: "Extends by up to two months, with reasons; only within the first month",
    kinds: EVERY_KIND,
    parts: &[
        choice(
            PartKey::ExtensionGround,
            "Why the law allows longer",
            "Art. 12(3): complexity, or the number of requests",
            EXTENSION_GROUNDS,
            "choose why the law allows longer",
        ),
        PartSpec {
            from_records: Some(|_, request| {
                request
                    .extension
                    .as_ref()
                    .map(|e| e.reason.clone())
                    .unwrap_or_default()
            }),
            ..fact(
                PartKey::Reasons,
                "Our reasons",
                "the real reasons for this request, in your words",
                "say why this request needs longer",
            )
        },
    ],
    allows: always,
    implies: |part| {
        Some(RequestEvent::Extended {
            reason: part(PartKey::Reasons),
        })
    },
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        let extended = w.deadline(true);
        w.say(format!(
            "We are writing to tell you that we need longer to respond, as the law allows when {}.",
            w.part(PartKey::ExtensionGround)
                .trim_start_matches("your request is ")
                .replace("your request is complex", "a request is complex")
                .replace(
                    "we have received a number of requests from you",
                    "a person has made a number of requests"
                )
                .replace("complex", "a request is complex")
                .replace("a a request", "a request")
        ));
        w.heading("Why we need longer");
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.runs(vec![
            crate::documents::model::Inline::text(
                "We are extending the time we have to respond by up to two further months. We will reply by ",
            ),
            crate::documents::model::Inline::bold(long_date(extended.due)),
            crate::documents::model::Inline::text(" at the latest, and sooner if we can."),
        ]);
        w.how_to_complain();
    },
};

static ACCESS_RESPONSE: Spec = Spec {
    name: "access-response",
    title: "Subject access response",
    purpose: "The subject-access reply, with the Article 15 information from your register",
    kinds: &[K::Access],
    parts: &[
        PartSpec {
            key: PartKey::Activities,
            label: "Which of your activities use this person's information",
            about: "tick each activity in your register that applies to this person (their numbers in the register); only those are described",
            kind: PartKind::Activities {
                gap: "tick the activities in your register that use this person's information",
            },
            only_when: None,
            from_records: None,
        },
        fact(
            PartKey::Delivery,
            "The copy: its format and how it is sent",
            "completes “Your copy is …”, e.g. a PDF attached to this email; a printed copy sent by recorded delivery",
            "say in what format the copy is and how it reaches them securely",
        ),
        choice(
            PartKey::Withheld,
            "Was anything withheld or redacted?",
            "other people's information, or an exemption",
            WITHHELD,
            "say whether anything was withheld or redacted",
        ),
        PartSpec {
            only_when: Some((PartKey::Withheld, &["some"])),
            ..fact(
                PartKey::WithheldDetails,
                "What was withheld, and why",
                "what was left out or redacted, and on what grounds",
                "say what was withheld or redacted, and on what grounds",
            )
        },
        optional(
            PartKey::Codes,
            "Codes or terms explained",
            "any abbreviation in the copy the person would not know",
            "",
        ),
    ],
    allows: always,
    implies: |_| Some(responded("Subject access response")),
    parts_fit: |s, parts| {
        let numbers = parts
            .get(&PartKey::Activities)
            .and_then(|value| super::activity_numbers(value))
            .unwrap_or_default();
        let count = s.workspace.register.len();
        if let Some(outside) = numbers.iter().find(|n| **n > count) {
            return Err(format!(
                "your register has no activity {outside} (it has {count}); tick only activities that use this person's information"
            ));
        }
        chosen_activities(s.workspace, parts)
            .into_iter()
            .try_for_each(fit_to_describe)
    },
    body: |w| {
        w.thanks();
        w.say("We confirm that we hold and use personal information about you.");
        w.heading("A copy of your information");
        w.say(format!("Your copy is {}.", w.inline(PartKey::Delivery)));
        w.say(
            "We have made a reasonable and proportionate search for the information you asked for.",
        );
        if w.has(PartKey::Codes) {
            w.heading("What our codes and terms mean");
            let codes = w.part(PartKey::Codes);
            w.paragraphs(&codes);
        }
        w.heading("What we have withheld");
        let withheld = w.part(PartKey::Withheld);
        w.say(withheld);
        let withheld = w.chosen(PartKey::Withheld).is_some_and(|c| c.key == "some");
        if withheld {
            let details = w.part(PartKey::WithheldDetails);
            w.paragraphs(&details);
        }
        w.supplementary_information();
        // Withholding part of the copy is a partial refusal: the court route too
        // (Art. 12(4)).
        if withheld {
            w.refusal_rights();
        } else {
            w.how_to_complain();
        }
    },
};

static ERASURE_DONE: Spec = Spec {
    name: "erasure-done",
    title: "Erasure done",
    purpose: "Confirms what was erased, and what is kept and why",
    kinds: &[K::Erasure],
    parts: &[
        fact(
            PartKey::Erased,
            "What was erased",
            "completes “We have erased …”: what you erased, as the person would recognise it",
            "say what you erased",
        ),
        optional(
            PartKey::Kept,
            "What we must keep, and why",
            "what a law makes you keep, which law, and until when — only if you keep something (see your register's legal obligations)",
            "",
        ),
        choice(
            PartKey::Backups,
            "Copies in backups",
            "what happens to copies in your backups",
            BACKUPS,
            "say what happens to copies in your backups",
        ),
        choice(
            PartKey::Suppression,
            "Do you keep a suppression entry?",
            "to never market to them again by mistake",
            SUPPRESSION,
            "say whether you keep their email on a suppression list",
        ),
        RECIPIENTS_TOLD_PART,
    ],
    allows: always,
    implies: |_| Some(responded("Erasure done")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!("We have erased {}.", w.inline(PartKey::Erased)));
        let backups = w.part(PartKey::Backups);
        w.say(backups);
        if w.has(PartKey::Kept) {
            w.say(format!(
                "The law requires us to keep some information, which we will erase when that period ends: {}",
                crate::documents::notice::sentence(&w.part(PartKey::Kept))
            ));
        }
        match w.chosen(PartKey::Suppression).map(|c| c.key) {
            Some("kept") => w.say("So that we never send you marketing by mistake, we keep your contact details on a suppression (do not contact) list, with only what is needed for that purpose."),
            Some(_) => {}
            None => w.say(w.part(PartKey::Suppression)),
        }
        w.recipients_told();
        // Keeping part of what was asked to be erased is a partial refusal (Art. 12(4)).
        if w.has(PartKey::Kept) {
            w.refusal_rights();
        } else {
            w.how_to_complain();
        }
    },
};

static ERASURE_REFUSED: Spec = Spec {
    name: "erasure-refused",
    title: "Erasure refused",
    purpose: "Refuses erasure in whole or part, on an Article 17(3) ground",
    kinds: &[K::Erasure],
    parts: &[
        choice(
            PartKey::ErasureGround,
            "The Article 17(3) ground",
            "the exception the law allows",
            ERASURE_GROUNDS,
            "choose the Article 17(3) ground",
        ),
        fact(
            PartKey::Reasons,
            "Our reasons",
            "why that ground applies to this information",
            "say why that ground applies to this information",
        ),
        optional(
            PartKey::Erased,
            "Anything erased after all",
            "what you did erase, if anything",
            "",
        ),
    ],
    allows: always,
    implies: |part| {
        Some(refused(
            &part(PartKey::ErasureGround),
            &part(PartKey::Reasons),
        ))
    },
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        if w.has(PartKey::Erased) {
            w.say(format!(
                "We have erased {} We are not able to erase the rest, because:",
                crate::documents::notice::sentence(&w.part(PartKey::Erased))
            ));
        } else {
            w.say("We are not able to erase the information you asked about, because:");
        }
        w.bullet(w.part(PartKey::ErasureGround));
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.say("We will erase it when we no longer need to keep it for this reason.");
        w.refusal_rights();
    },
};

static RECTIFICATION_DONE: Spec = Spec {
    name: "rectification-done",
    title: "Rectification done",
    purpose: "Confirms what was corrected",
    kinds: &[K::Rectification],
    parts: &[
        fact(
            PartKey::Corrected,
            "What was corrected",
            "completes “We have corrected our records: …”: what was wrong and what it says now",
            "say what you corrected",
        ),
        RECIPIENTS_TOLD_PART,
    ],
    allows: always,
    implies: |_| Some(responded("Rectification done")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have corrected our records: {}.",
            w.inline(PartKey::Corrected)
        ));
        w.recipients_told();
        w.how_to_complain();
    },
};

static RECTIFICATION_REFUSED: Spec = Spec {
    name: "rectification-refused",
    title: "Rectification refused",
    purpose: "Refuses a correction, with reasons",
    kinds: &[K::Rectification],
    parts: &[fact(
        PartKey::Reasons,
        "Why we believe the information is accurate",
        "what you checked, and what it showed",
        "say why you believe the information is accurate",
    )],
    allows: always,
    implies: |part| Some(refused("", &part(PartKey::Reasons))),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say("We have looked into it carefully, and we have not changed our records, because:");
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.say("If you still believe the information is wrong, you can send us a statement, and we will add it to our records. While the accuracy of the information is disputed, you can also ask us to restrict its use.");
        w.refusal_rights();
    },
};

static RESTRICTION_APPLIED: Spec = Spec {
    name: "restriction-applied",
    title: "Restriction applied",
    purpose: "Confirms processing is restricted, and on which ground",
    kinds: &[K::Restriction],
    parts: &[
        choice(
            PartKey::RestrictionGround,
            "The Article 18(1) ground",
            "why the restriction applies",
            RESTRICTION_GROUNDS,
            "choose the Article 18(1) ground",
        ),
        fact(
            PartKey::Restricted,
            "What is restricted",
            "completes “We have restricted the use of …”",
            "say what information is restricted",
        ),
        RECIPIENTS_TOLD_PART,
    ],
    allows: always,
    implies: |_| Some(responded("Restriction applied")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have restricted the use of {}, because:",
            w.inline(PartKey::Restricted)
        ));
        w.bullet(w.part(PartKey::RestrictionGround));
        w.say("While it is restricted we will only store it. We will not use it in any other way unless you agree, or it is needed for legal claims, to protect someone else's rights, or for reasons of important public interest.");
        w.recipients_told();
        w.say("We will tell you before we lift the restriction.");
        w.how_to_complain();
    },
};

static RESTRICTION_LIFTING: Spec = Spec {
    name: "restriction-lifting",
    title: "Notice before lifting a restriction",
    purpose: "Tells the requester before a restriction is lifted (Art. 18(3))",
    kinds: &[K::Restriction],
    parts: &[
        fact(
            PartKey::LiftOn,
            "When we will lift it",
            "completes “We will lift it …”, e.g. on 14 December 2026",
            "say when you will lift the restriction",
        ),
        fact(
            PartKey::Reasons,
            "Why",
            "why the restriction is no longer needed",
            "say why the restriction can be lifted",
        ),
    ],
    // Applied: the letter was marked as sent, or the request was answered (not refused).
    allows: |s| {
        let answered = s
            .request
            .timeline
            .iter()
            .any(|entry| matches!(entry.event, RequestEvent::Responded { .. }));
        let refused = s
            .request
            .timeline
            .iter()
            .any(|entry| matches!(entry.event, RequestEvent::Refused { .. }));
        if matches!(s.request.status, Status::Responded | Status::Closed)
            && (sent_on(s.request, Template::RestrictionApplied).is_some() || answered)
            && !refused
        {
            Ok(())
        } else {
            Err(
                "the restriction has not been applied yet: send “Restriction applied”, or record that the request was answered, first"
                    .to_owned(),
            )
        }
    },
    implies: |_| {
        Some(RequestEvent::Note {
            text: "Told the requester before lifting the restriction".to_owned(),
        })
    },
    parts_fit: any_parts,
    body: |w| {
        w.say(format!("We wrote to you about your request of {} to restrict the use of your personal information.", w.received()));
        w.say(format!(
            "We are writing, as the law requires, to tell you before we lift the restriction. We will lift it {}, because:",
            w.inline(PartKey::LiftOn)
        ));
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.say("If you disagree, please contact us before then.");
        w.how_to_complain();
    },
};

static MARKETING_OBJECTION_DONE: Spec = Spec {
    name: "marketing-objection",
    title: "Direct marketing stopped",
    purpose: "Confirms direct marketing has stopped, free (Art. 21(2)–(3))",
    kinds: &[K::DirectMarketingObjection],
    parts: &[
        fact(
            PartKey::Channels,
            "What marketing has stopped",
            "completes “We have stopped sending you …”, e.g. our newsletter and offers by email (the law requires all of it to stop)",
            "say what marketing you have stopped sending them",
        ),
        choice(
            PartKey::Suppression,
            "Do you keep a suppression entry?",
            "a do-not-contact entry, so they are never marketed to by mistake; the letter says so only if you keep one",
            SUPPRESSION,
            "say whether you keep their details on a suppression list",
        ),
    ],
    allows: always,
    implies: |_| Some(responded("Direct marketing stopped")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have stopped sending you {}, and any use of your information to tailor marketing to you (profiling). You have an absolute right to object to direct marketing: we will not contact you for marketing again.",
            w.inline(PartKey::Channels)
        ));
        match w.chosen(PartKey::Suppression).map(|c| c.key) {
            Some("kept") => w.say("So that we never contact you by mistake, we keep your contact details on a suppression (do not contact) list, with only what is needed for that purpose."),
            Some(_) => {}
            None => w.say(w.part(PartKey::Suppression)),
        }
        w.say("There is no charge for this.");
        w.how_to_complain();
    },
};

static OBJECTION_STOPPED: Spec = Spec {
    name: "objection-stopped",
    title: "Objection: processing stopped",
    purpose: "Confirms the processing objected to has stopped",
    kinds: &[K::Objection],
    parts: &[fact(
        PartKey::Stopped,
        "What has stopped",
        "completes “We have stopped …”, e.g. using your order history to choose offers",
        "say what use of their information has stopped",
    )],
    allows: always,
    implies: |_| Some(responded("Objection: processing stopped")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have considered it, and we have stopped {}.",
            w.inline(PartKey::Stopped)
        ));
        w.how_to_complain();
    },
};

static OBJECTION_REFUSED: Spec = Spec {
    name: "objection-refused",
    title: "Objection: compelling grounds",
    purpose: "Explains the compelling grounds to carry on (Art. 21(1))",
    kinds: &[K::Objection],
    parts: &[
        choice(
            PartKey::ObjectionGround,
            "Why you carry on",
            "Art. 21(1): the only two reasons to carry on after an objection",
            OBJECTION_GROUNDS,
            "choose why you carry on",
        ),
        fact(
            PartKey::Grounds,
            "The facts",
            "the facts that make it so for this person",
            "set out the facts",
        ),
    ],
    allows: always,
    implies: |part| {
        Some(refused(
            &part(PartKey::ObjectionGround),
            &part(PartKey::Grounds),
        ))
    },
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have considered it carefully against our reasons for using your information. We will carry on, because {}:",
            w.part(PartKey::ObjectionGround)
        ));
        let grounds = w.part(PartKey::Grounds);
        w.paragraphs(&grounds);
        w.refusal_rights();
    },
};

static PORTABILITY: Spec = Spec {
    name: "portability",
    title: "Data portability",
    purpose: "Sends the data in a machine-readable format",
    kinds: &[K::Portability],
    parts: &[
        fact(
            PartKey::DataFormat,
            "Format",
            "completes “… in this format: …”, e.g. a CSV file",
            "say the format, e.g. a CSV file",
        ),
        fact(
            PartKey::Delivery,
            "How it is sent",
            "completes “We are sending it …”, e.g. attached to this email",
            "say how the file is sent",
        ),
    ],
    allows: always,
    implies: |_| Some(responded("Data portability")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We are sending you the personal information you gave us that we use, by automated means, with your consent or to carry out our contract with you. It is in a structured, commonly used and machine-readable format: {}.",
            w.inline(PartKey::DataFormat)
        ));
        w.say(format!(
            "We are sending it {}.",
            w.inline(PartKey::Delivery)
        ));
        w.say("If you would like us to send it directly to another organisation, tell us which, and we will do so where it is technically feasible.");
        w.how_to_complain();
    },
};

static REFUSAL: Spec = Spec {
    name: "refusal",
    title: "Refusal (manifestly unfounded or excessive)",
    purpose: "Refuses a manifestly unfounded or excessive request, with your reasons",
    // Offered for every kind: where the law allows no refusal the step check says so,
    // in the rulebook's words.
    kinds: EVERY_KIND,
    parts: &[
        choice(
            PartKey::RefusalGround,
            "Why the request is refused",
            "Art. 12(5): the only two grounds, as the ICO defines them",
            REFUSAL_GROUNDS,
            "choose manifestly unfounded or manifestly excessive",
        ),
        fact(
            PartKey::Reasons,
            "Our reasons",
            "the facts of this request that show it; each request is judged on its own",
            "give the facts of this request that show it",
        ),
    ],
    allows: always,
    implies: |part| {
        Some(refused(
            &part(PartKey::RefusalGround),
            &part(PartKey::Reasons),
        ))
    },
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        match w.chosen(PartKey::RefusalGround) {
            Some(ground) => w.say(format!(
                "We are refusing to act on it because it is {}. The law allows this where {}. Each request is judged on its own facts; ours are below.",
                ground.words, ground.meaning
            )),
            None => w.say(format!(
                "We are refusing to act on it because it is {}.",
                w.part(PartKey::RefusalGround)
            )),
        }
        w.heading("Our reasons");
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.refusal_rights();
    },
};

static COMPLAINT_ACKNOWLEDGEMENT: Spec = Spec {
    name: crate::domain::requests::COMPLAINT_ACKNOWLEDGEMENT,
    title: "Complaint acknowledgement",
    purpose: "Acknowledges a complaint, as the law requires within 30 days",
    kinds: &[K::Complaint],
    parts: &[
        ASKED_PART,
        optional(
            PartKey::NextSteps,
            "What happens next",
            "anything you can already say about what you are doing",
            "",
        ),
    ],
    allows: |s| match sent_on(s.request, Template::ComplaintAcknowledgement) {
        Some(on) => Err(format!(
            "the complaint was acknowledged on {}",
            long_date(on)
        )),
        None => Ok(()),
    },
    implies: no_step,
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.what_was_asked();
        w.say("If we have misunderstood, please tell us.");
        w.say("We are looking into it, and will keep you updated on our progress.");
        let next = w.part(PartKey::NextSteps);
        w.paragraphs(&next);
        if w.request.received >= deadlines::COMPLAINT_DUTY_STARTS {
            let holidays = w.workspace.holidays();
            let due =
                deadlines::complaint_deadline(w.request.received, w.workspace.counting(&holidays))
                    .due;
            if w.date > due {
                w.say(format!(
                    "We are sorry that this acknowledgement is late: the law required us to acknowledge your complaint within 30 days, by {}.",
                    long_date(due)
                ));
            } else {
                w.say("We are acknowledging it within the 30 days the law allows (section 164A of the Data Protection Act 2018).");
            }
        }
        w.say("We will tell you the outcome without undue delay.");
        w.complaint_regulator();
    },
};

static COMPLAINT_OUTCOME: Spec = Spec {
    name: "complaint-outcome",
    title: "Complaint outcome",
    purpose: "Tells the complainant the outcome",
    kinds: &[K::Complaint],
    parts: &[
        fact(
            PartKey::Findings,
            "What we found",
            "what you found when you looked into it",
            "say what you found",
        ),
        fact(
            PartKey::Actions,
            "What we have done",
            "what you have done, or will do, about it",
            "say what you have done about it",
        ),
    ],
    // The ICO: a complaint resolved within the 30 days needs no separate acknowledgement
    // (facts §1.6). After them, a missed acknowledgement cannot be made good by holding
    // the outcome back: the outcome goes, and the shop is warned that none is recorded
    // (the letter states nothing the records may not know: it may have gone elsewhere).
    allows: |s| {
        if s.request.status.is_open() {
            Ok(())
        } else {
            Err(format!(
                "the complaint is {}",
                s.request.status.to_string().to_lowercase()
            ))
        }
    },
    implies: |_| Some(responded("Complaint outcome")),
    parts_fit: any_parts,
    body: |w| {
        w.say(format!(
            "We have finished looking into your complaint of {}.",
            w.received()
        ));
        w.heading("What we found");
        let findings = w.part(PartKey::Findings);
        w.paragraphs(&findings);
        w.heading("What we have done");
        let actions = w.part(PartKey::Actions);
        w.paragraphs(&actions);
        w.complaint_regulator();
    },
};

// ---- Outcomes every right can have (facts §6.4) -------------------------------------

/// The ways a right can not apply, as the letter words them; one per
/// [`NotApplicable`] ground, which says which kind of request it answers.
const NOT_APPLICABLE_GROUNDS: &[Choice] = &[
    Choice {
        key: "no-erasure-ground",
        words: "none of the grounds for erasure in Article 17(1) applies to the information you asked about, for the reasons below",
        meaning: "erasure: no Art. 17(1) ground holds (say which facts show it in the reasons)",
    },
    Choice {
        key: "no-restriction-ground",
        words: "none of the grounds for restriction in Article 18(1) applies to the information you asked about, for the reasons below",
        meaning: "restriction: no Art. 18(1) ground holds",
    },
    Choice {
        key: "portability-basis",
        words: "the right to data portability covers only information we use on the basis of your consent or of a contract with you (Article 20(1)(a)), and we use this information on another lawful basis",
        meaning: "portability: the basis is neither consent nor a contract",
    },
    Choice {
        key: "portability-not-automated",
        words: "the right to data portability covers only information we use by automated means (Article 20(1)(b)), and we do not use this information by automated means",
        meaning: "portability: the processing is not automated (e.g. paper records)",
    },
    Choice {
        key: "objection-basis",
        words: "the right to object in Article 21(1) applies where we rely on our legitimate interests or a public task, and we use this information on another lawful basis",
        meaning: "objection: the basis is neither legitimate interests nor a public task",
    },
    Choice {
        key: "no-automated-decision",
        words: "we have made no decision about you based solely on automated processing with a legal or similarly significant effect on you (Article 22A)",
        meaning: "automated decision: no solely automated significant decision was made",
    },
];

const DATA_AFTER: &[Choice] = &[
    Choice {
        key: "deleted",
        words: "deleted",
        meaning: "you deleted what you held only because of their consent",
    },
    Choice {
        key: "kept",
        words: "kept",
        meaning: "you keep it, on another lawful basis (say which, and why)",
    },
    Choice {
        key: "partly",
        words: "partly deleted",
        meaning: "you deleted some of it and keep the rest on another lawful basis",
    },
];

const DECISION_OUTCOMES: &[Choice] = &[
    Choice {
        key: "upheld",
        words: "the original decision stands",
        meaning: "after the review, the decision is the same",
    },
    Choice {
        key: "changed",
        words: "we have changed the decision",
        meaning: "the review changed the decision (say how in the reasons)",
    },
];

const SEARCHED_PART: PartSpec = fact(
    PartKey::Searched,
    "Where you looked",
    "completes “We have searched …”, e.g. our customer records, order system and email for the name and email address you gave",
    "say where you looked, and for what",
);

static NOTHING_HELD: Spec = Spec {
    name: "nothing-held",
    title: "We hold nothing about you",
    purpose: "Answers a subject access request when you hold no personal information about the person (Art. 15(1))",
    kinds: &[K::Access],
    parts: &[SEARCHED_PART],
    allows: always,
    implies: |_| Some(responded("We hold nothing about you")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "You have the right to know whether or not we hold personal information about you (Article 15(1)). We have made a reasonable and proportionate search of {}.",
            w.inline(PartKey::Searched)
        ));
        w.say("We do not hold any personal information about you, so there is nothing for us to send you.");
        w.say("If you think we may hold information about you under another name, email address or account, please tell us and we will search again.");
        w.how_to_complain();
    },
};

static CANNOT_IDENTIFY: Spec = Spec {
    name: "cannot-identify",
    title: "We cannot identify you",
    purpose: "Says you cannot identify the person from what you hold, and what would help (Art. 11(2), 12(2))",
    // Not a marketing objection or a consent withdrawal: those are acted on at once on
    // whatever contact details they came from.
    kinds: ONE_MONTH_RIGHTS,
    parts: &[
        SEARCHED_PART,
        fact(
            PartKey::MoreInformation,
            "What would help us find them",
            "completes “If you can send us …, we will look again”, e.g. the email address you used to order from us",
            "say what they could send that would let you find them",
        ),
    ],
    allows: always,
    implies: |_| {
        Some(RequestEvent::Responded {
            outcome: "Could not identify the requester from the information held (Art. 11(2))"
                .to_owned(),
        })
    },
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have searched {}, but from the information we hold we cannot identify you as the person it is about. The law does not require us to hold or collect extra information only to identify you (Articles 11(2) and 12(2)), so we cannot act on your request as it stands.",
            w.inline(PartKey::Searched)
        ));
        w.say(format!(
            "If you can send us {}, we will look again and act on your request.",
            w.inline(PartKey::MoreInformation)
        ));
        w.refusal_rights();
    },
};

static RIGHT_NOT_APPLICABLE: Spec = Spec {
    name: "right-not-applicable",
    title: "This right does not apply",
    purpose: "Explains why the right asked for does not apply here, on a ground the law gives (e.g. portability covers only consent or contract)",
    kinds: &[
        K::Erasure,
        K::Restriction,
        K::Portability,
        K::Objection,
        K::AutomatedDecisionReview,
    ],
    parts: &[
        choice(
            PartKey::NotApplicableGround,
            "Why the right does not apply",
            "the law's reason for this kind of request",
            NOT_APPLICABLE_GROUNDS,
            "choose why the right does not apply",
        ),
        fact(
            PartKey::Reasons,
            "The facts",
            "the facts of this request that show it, e.g. which lawful basis you use and why",
            "set out the facts that show it",
        ),
    ],
    allows: always,
    implies: |part| {
        Some(refused(
            &format!(
                "the right does not apply: {}",
                part(PartKey::NotApplicableGround)
            ),
            &part(PartKey::Reasons),
        ))
    },
    parts_fit: |s, parts| {
        let Some(ground) = parts
            .get(&PartKey::NotApplicableGround)
            .and_then(|key| NotApplicable::from_key(key.trim()))
        else {
            return Ok(());
        };
        if ground.kind() == s.request.kind {
            Ok(())
        } else {
            Err(format!(
                "that reason answers {}, not {}",
                rights::kind_words(ground.kind()),
                rights::kind_words(s.request.kind)
            ))
        }
    },
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have looked at it carefully. We are not able to act on it, because {}.",
            w.part(PartKey::NotApplicableGround)
        ));
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        w.say("Your other rights are not affected: for example, you can still ask us for a copy of your information.");
        w.refusal_rights();
    },
};

static CONSENT_WITHDRAWN: Spec = Spec {
    name: "consent-withdrawn",
    title: "Consent withdrawn",
    purpose: "Confirms what stopped when the person withdrew consent, and what was deleted or kept (Art. 7(3))",
    kinds: &[K::ConsentWithdrawal],
    parts: &[
        fact(
            PartKey::Stopped,
            "What has stopped",
            "completes “We have stopped …”: what relied on their consent, e.g. keeping your skin-test results on file",
            "say what relied on their consent and has stopped",
        ),
        choice(
            PartKey::DataAfter,
            "What happened to the information",
            "whether you deleted what you held because of their consent",
            DATA_AFTER,
            "say whether you deleted or kept the information",
        ),
        PartSpec {
            only_when: Some((PartKey::DataAfter, &["deleted", "partly"])),
            ..fact(
                PartKey::Erased,
                "What was deleted",
                "completes “We have deleted …”",
                "say what you deleted",
            )
        },
        PartSpec {
            only_when: Some((PartKey::DataAfter, &["kept", "partly"])),
            ..fact(
                PartKey::Kept,
                "What you keep, and on what basis",
                "completes “We keep …”: what, why the law lets you keep it, and until when",
                "say what you keep, on what lawful basis, and until when",
            )
        },
    ],
    allows: always,
    implies: |_| Some(responded("Consent withdrawn")),
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!("We have stopped {}.", w.inline(PartKey::Stopped)));
        let after = w.chosen(PartKey::DataAfter).map(|c| c.key);
        if matches!(after, Some("deleted" | "partly")) {
            w.say(format!("We have deleted {}.", w.inline(PartKey::Erased)));
        }
        if matches!(after, Some("kept" | "partly")) {
            w.say(format!("We keep {}.", w.inline(PartKey::Kept)));
        }
        if after.is_none() {
            w.say(w.part(PartKey::DataAfter));
        }
        w.say("Withdrawing your consent does not affect what we did with your information while you had consented (Article 7(3)). There is no charge for this.");
        if matches!(after, Some("kept" | "partly")) {
            w.refusal_rights();
        } else {
            w.how_to_complain();
        }
    },
};

static DECISION_REVIEWED: Spec = Spec {
    name: "decision-reviewed",
    title: "Automated decision reviewed",
    purpose: "Tells the person a human reviewed the automated decision, what they said was considered, and the outcome (Arts 22A–22D)",
    kinds: &[K::AutomatedDecisionReview],
    parts: &[
        fact(
            PartKey::Reviewer,
            "Who reviewed it",
            "completes “The decision was reviewed by …”: a person with the authority to change it, e.g. Sam Doe, the owner",
            "say who reviewed the decision",
        ),
        fact(
            PartKey::Representations,
            "What they told you, and how you considered it",
            "the person's points, and what the reviewer made of each",
            "say what they told you and how the reviewer considered it",
        ),
        choice(
            PartKey::DecisionOutcome,
            "The outcome",
            "whether the review kept or changed the decision",
            DECISION_OUTCOMES,
            "choose the outcome of the review",
        ),
        fact(
            PartKey::Reasons,
            "Why",
            "the reasons for the outcome",
            "give the reasons for the outcome",
        ),
    ],
    allows: always,
    implies: |part| {
        Some(RequestEvent::Responded {
            outcome: format!(
                "Decision reviewed by {}: {}",
                part(PartKey::Reviewer),
                part(PartKey::DecisionOutcome)
            ),
        })
    },
    parts_fit: any_parts,
    body: |w| {
        w.thanks();
        w.say(format!(
            "As the law requires (Articles 22A to 22D), a person has reviewed the decision. It was reviewed by {}, who can change it.",
            w.part(PartKey::Reviewer).trim_end_matches('.')
        ));
        w.heading("What you told us");
        let representations = w.part(PartKey::Representations);
        w.paragraphs(&representations);
        w.heading("The outcome");
        w.say(format!(
            "Having reviewed it, {}, because:",
            w.part(PartKey::DecisionOutcome)
        ));
        let reasons = w.part(PartKey::Reasons);
        w.paragraphs(&reasons);
        if w.chosen(PartKey::DecisionOutcome)
            .is_some_and(|c| c.key == "upheld")
        {
            w.refusal_rights();
        } else {
            w.how_to_complain();
        }
    },
};

static COMPLAINT_PROGRESS: Spec = Spec {
    name: "complaint-progress",
    title: "Complaint progress update",
    purpose: "Keeps the complainant updated while you look into it (DPA 2018 s.164A)",
    kinds: &[K::Complaint],
    parts: &[
        fact(
            PartKey::Progress,
            "Where it stands",
            "what you have done so far and what you are doing now",
            "say what you have done so far",
        ),
        optional(
            PartKey::NextSteps,
            "When they will hear next",
            "e.g. We expect to tell you the outcome by 18 December 2026.",
            "",
        ),
    ],
    allows: |s| {
        if s.request.status.is_open() {
            Ok(())
        } else {
            Err(format!(
                "the complaint is {}",
                s.request.status.to_string().to_lowercase()
            ))
        }
    },
    implies: no_step,
    parts_fit: any_parts,
    body: |w| {
        w.say(format!(
            "We are writing to update you on your complaint of {}.",
            w.received()
        ));
        let progress = w.part(PartKey::Progress);
        w.paragraphs(&progress);
        if w.has(PartKey::NextSteps) {
            let next = w.part(PartKey::NextSteps);
            w.paragraphs(&next);
        } else {
            w.say("We will tell you the outcome without undue delay.");
        }
        w.complaint_regulator();
    },
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::rights::{Clock, rules};

    #[test]
    fn the_one_month_letters_are_offered_for_exactly_the_rulebooks_one_month_rights() {
        let from_the_rulebook: Vec<K> = K::ALL
            .into_iter()
            .filter(|kind| rules(*kind).clock == Clock::OneMonth)
            .collect();
        assert_eq!(ONE_MONTH_RIGHTS, from_the_rulebook.as_slice());
    }

    #[test]
    fn each_does_not_apply_ground_has_its_words_and_each_words_a_ground() {
        let keys: Vec<&str> = NOT_APPLICABLE_GROUNDS.iter().map(|c| c.key).collect();
        let grounds: Vec<&str> = NotApplicable::ALL.iter().map(|g| g.key()).collect();
        assert_eq!(keys, grounds);
    }
}
