//! One specification per letter: adding a letter is one `Spec` here and one line in
//! the `templates!` list, which also makes it part of [`Template::ALL`] (a letter can
//! never be defined and yet missing from the composer or the CLI).

use super::{
    Choice, PartKey, PartKind, PartSpec, Situation, Spec, long_date, sent_on,
    waiting_for_requester, writer::concerned_activities,
};
use crate::domain::{
    deadlines,
    register::LawfulBasis,
    requests::{RequestEvent, RequestKind as K, Status},
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
}

// ---- Which requests -------------------------------------------------------------

/// Rights requests that may need identity, a fee or longer: not an objection to direct
/// marketing nor a withdrawal of consent, which are absolute, free and need no more than
/// what links the person to the contact details (Art. 21(3), Art. 7(3), PECR reg. 22(3)).
const CONDITIONAL_RIGHTS: &[K] = &[
    K::Access,
    K::Rectification,
    K::Erasure,
    K::Restriction,
    K::Objection,
    K::Portability,
    K::AutomatedDecisionReview,
];

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

const SCOPE: &[Choice] = &[
    Choice {
        key: "everything",
        words: "everything we hold",
        meaning: "every activity in your register: a subject access request covers all the personal data you hold unless the person limited it",
    },
    Choice {
        key: "linked",
        words: "only what the request is about",
        meaning: "only the activities linked to this request; the letter says so, and offers the rest",
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
    kinds: CONDITIONAL_RIGHTS,
    parts: &[ASKED_PART],
    allows: |s| match passed_due(s) {
        Some(due) => Err(format!(
            "the reply was due on {}: send the reply itself now",
            long_date(due)
        )),
        None => Ok(()),
    },
    implies: no_step,
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
    kinds: CONDITIONAL_RIGHTS,
    parts: &[
        optional(
            PartKey::Documents,
            "What to send",
            "completes “Please send us …”: only what you need to be sure who they are",
            "a copy of one document showing your name and home address, such as a recent utility bill or bank statement",
        ),
        optional(
            PartKey::HowToSend,
            "How to send it securely",
            "how the proof should reach you",
            "Reply to this letter with a scan or photo, or post a copy to the address above. Please do not send originals.",
        ),
    ],
    allows: |s| match (s.request.identity_received, passed_due(s)) {
        (Some(arrived), _) => Err(format!(
            "proof of identity or authority already arrived on {}",
            long_date(arrived)
        )),
        (None, Some(due)) => Err(format!(
            "the reply was due on {}: asking for identity now cannot restart a month that has run out",
            long_date(due)
        )),
        (None, None) => Ok(()),
    },
    implies: |_| Some(RequestEvent::IdentityRequested),
    body: |w| {
        w.thanks();
        let acting = w.request.requester.acting_for.trim().to_owned();
        if acting.is_empty() {
            w.say("Before we can respond, we need to be sure we are giving information to the right person. We only ask for what is necessary for that.");
        } else {
            w.say(format!("Before we can respond, we need proof that you are authorised to act for {acting}, such as a signed letter of authority or a lasting power of attorney, and proof of your own identity."));
        }
        let documents = w.inline(PartKey::Documents);
        let how = w.part(PartKey::HowToSend);
        w.say(format!("Please send us {documents}."));
        w.paragraphs(&how);
        w.say("The one calendar month we have to respond starts on the day we receive what we have asked for. We will keep it securely and only use it to confirm who you are.");
    },
};

static CLARIFICATION_REQUEST: Spec = Spec {
    name: "clarification-request",
    title: "Clarification request",
    purpose: "Asks which information the request is about; the clock stops until the reply",
    kinds: CONDITIONAL_RIGHTS,
    parts: &[optional(
        PartKey::Questions,
        "What we need to know",
        "the questions that would let you find what they want",
        "Which information, or which of our activities, does your request concern? For example: your orders in a particular period, your customer account, or emails between us.",
    )],
    allows: |s| {
        if waiting_for_requester(s.request) {
            return Ok(()); // the step check says why not
        }
        let holidays = s.workspace.holidays();
        let deadline = s.request.deadline_with(s.workspace.counting(&holidays));
        let Some(due) = deadline.due_date() else {
            return Ok(()); // a stopped clock: the step check says why not
        };
        if s.date >= due {
            Err(format!(
                "the deadline, {}, has been reached: asking for clarification cannot pause a clock that has run out; reply with what you can",
                long_date(due)
            ))
        } else {
            Ok(())
        }
    },
    implies: |_| Some(RequestEvent::ClarificationAsked),
    body: |w| {
        w.thanks();
        w.say("To find what you are asking for, we need a little more detail:");
        w.bullet(w.part(PartKey::Questions));
        let deadline = w.deadline(false);
        // Once the pause is recorded the clock is stopped: the date it had then.
        let due = deadline
            .stopped()
            .and_then(|s| s.was_due)
            .unwrap_or(deadline.due);
        w.say(format!(
            "The time we have to respond is paused from the date of this letter, {}, until we receive your reply; the days in between do not count. Before this letter, we were due to reply by {}.",
            long_date(w.date),
            long_date(due)
        ));
        if matches!(w.request.kind, K::Access | K::Portability) {
            w.say("In the meantime, we will send you any information we can already provide.");
        }
    },
};

static FEE_NOTICE: Spec = Spec {
    name: "fee-notice",
    title: "Fee notice",
    purpose: "A fee for a manifestly unfounded or excessive request, or further copies",
    kinds: CONDITIONAL_RIGHTS,
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
                crate::documents::notice::sentence(&w.part(PartKey::FeeBasis))
            )),
        ]);
        w.say(format!("You can pay {}.", w.inline(PartKey::HowToPay)));
        w.say("We will act on your request once the fee arrives, and the one calendar month we have to respond will run from that day. If you would rather withdraw your request, please tell us; you do not need to pay anything to do so.");
        w.how_to_complain();
    },
};

static EXTENSION_NOTICE: Spec = Spec {
    name: "extension",
    title: "Extension notice",
    purpose: "Extends by up to two months, with reasons; only within the first month",
    kinds: CONDITIONAL_RIGHTS,
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
                "We are extending the time we have to respond by two further months. We will reply by ",
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
            kind: PartKind::Choice {
                options: SCOPE,
                default: Some("everything"),
                gap: "choose what the reply covers",
                several: false,
            },
            ..optional(
                PartKey::Scope,
                "What the reply covers",
                "everything you hold, unless the person limited the request",
                "",
            )
        },
        fact(
            PartKey::Delivery,
            "The copy: its format and how it is sent",
            "e.g. a PDF attached to this email; a printed copy sent by recorded delivery",
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
            only_when: Some((PartKey::Withheld, "some")),
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
    body: |w| {
        w.thanks();
        w.say("We confirm that we hold and use personal information about you.");
        w.heading("A copy of your information");
        let delivery = w.part(PartKey::Delivery);
        w.paragraphs(&delivery);
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
        if w.chosen(PartKey::Withheld).is_some_and(|c| c.key == "some") {
            let details = w.part(PartKey::WithheldDetails);
            w.paragraphs(&details);
        }
        w.supplementary_information();
        w.how_to_complain();
    },
};

/// What the linked activities' legal obligations make the shop keep, from the register.
fn kept_by_law(
    workspace: &crate::domain::Workspace,
    request: &crate::domain::requests::RightsRequest,
) -> String {
    concerned_activities(workspace, request, true)
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
        .collect::<Vec<_>>()
        .join("; ")
}

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
        PartSpec {
            from_records: Some(kept_by_law),
            ..optional(
                PartKey::Kept,
                "What we must keep, and why",
                "what a law makes you keep, and until when (from your register's legal obligations)",
                "",
            )
        },
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
            Some("kept") => w.say("So that we never send you marketing by mistake, we keep your email address on a suppression (do not contact) list, with only what is needed for that purpose."),
            Some(_) => {}
            None => w.say(w.part(PartKey::Suppression)),
        }
        w.recipients_told();
        w.how_to_complain();
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
    allows: |s| {
        if matches!(s.request.status, Status::Responded | Status::Closed)
            && sent_on(s.request, Template::RestrictionApplied).is_some()
        {
            Ok(())
        } else {
            Err(
                "the restriction has not been applied yet: send “Restriction applied” first"
                    .to_owned(),
            )
        }
    },
    implies: |_| {
        Some(RequestEvent::Note {
            text: "Told the requester before lifting the restriction".to_owned(),
        })
    },
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
    purpose: "Confirms direct marketing has stopped, free; a suppression list is kept",
    kinds: &[K::DirectMarketingObjection, K::ConsentWithdrawal],
    parts: &[optional(
        PartKey::Channels,
        "What marketing has stopped",
        "completes “We have stopped sending you …”",
        "all our marketing messages",
    )],
    allows: always,
    implies: |_| Some(responded("Direct marketing stopped")),
    body: |w| {
        w.thanks();
        w.say(format!(
            "We have stopped sending you {}, and any use of your information to tailor marketing to you (profiling). You have an absolute right to object to direct marketing: we will not contact you for marketing again.",
            w.inline(PartKey::Channels)
        ));
        w.say("So that we never contact you by mistake, we keep your email address on a suppression (do not contact) list, with only what is needed for that purpose.");
        w.say("There is no charge for this.");
        w.how_to_complain();
    },
};

static OBJECTION_STOPPED: Spec = Spec {
    name: "objection-stopped",
    title: "Objection: processing stopped",
    purpose: "Confirms the processing objected to has stopped",
    kinds: &[K::Objection, K::AutomatedDecisionReview],
    parts: &[fact(
        PartKey::Stopped,
        "What has stopped",
        "completes “We have stopped …”, e.g. using your order history to choose offers",
        "say what use of their information has stopped",
    )],
    allows: always,
    implies: |_| Some(responded("Objection: processing stopped")),
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
    purpose: "Explains the compelling grounds to carry on",
    kinds: &[K::Objection, K::AutomatedDecisionReview],
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
            "how the file reaches them, or the other organisation",
            "say how the file is sent",
        ),
    ],
    allows: always,
    implies: |_| Some(responded("Data portability")),
    body: |w| {
        w.thanks();
        w.say(format!(
            "We are sending you the personal information you gave us that we use, by automated means, with your consent or to carry out our contract with you. It is in a structured, commonly used and machine-readable format: {}.",
            w.inline(PartKey::DataFormat)
        ));
        let delivery = w.part(PartKey::Delivery);
        w.paragraphs(&delivery);
        w.say("If you would like us to send it directly to another organisation, tell us which, and we will do so where it is technically feasible.");
        w.how_to_complain();
    },
};

static REFUSAL: Spec = Spec {
    name: "refusal",
    title: "Refusal (manifestly unfounded or excessive)",
    purpose: "Refuses a manifestly unfounded or excessive request, with your reasons",
    kinds: CONDITIONAL_RIGHTS,
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
    // The ICO: a complaint resolved within the 30 days needs no separate
    // acknowledgement; after them, the acknowledgement comes first (facts §1.6).
    allows: |s| {
        let holidays = s.workspace.holidays();
        let window =
            deadlines::complaint_deadline(s.request.received, s.workspace.counting(&holidays))
                .due_date();
        match (
            sent_on(s.request, Template::ComplaintAcknowledgement),
            window,
        ) {
            (Some(_), _) | (None, None) => Ok(()),
            (None, Some(due)) if s.date <= due => Ok(()),
            (None, Some(due)) => Err(format!(
                "the complaint has not been acknowledged, and the 30 days to do so ended on {}: send the acknowledgement first",
                long_date(due)
            )),
        }
    },
    implies: |_| Some(responded("Complaint outcome")),
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
