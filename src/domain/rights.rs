//! The rulebook of the rights: for each kind of request, the clock the law gives it, whether
//! proof of identity restarts it, which fees exist, whether a clarification pauses it,
//! whether it can be extended, and which "does not apply" grounds exist — transcribed from
//! `shared/domain/uk-gdpr-facts.md` §6.4 (and §1.3–1.6 for the clocks).
//!
//! Every path asks this table: the step check ([`super::requests::RightsRequest::check_with`],
//! which the window's buttons and `smallprint request step` share), the deadline engine
//! (a clarification pauses only where [`Rules::clarification_pauses`]), the letters (which
//! templates fit a kind), the requests table, the calendar and the ICS (a request to act
//! on at once reads "stop now"). A step or letter the table does not allow is refused
//! everywhere with the words of [`Rules::refuses`].

use super::requests::{RequestEvent, RequestKind};

/// The time the law gives to act on a request of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// One calendar month from the relevant time (Art. 12(3)), extendable where
    /// [`Rules::extendable`].
    OneMonth,
    /// Stop at once (Art. 21(3), Art. 7(3)); the written confirmation within one month.
    StopAtOnce,
    /// Acknowledge within 30 days (DPA 2018 s.164A), the outcome without undue delay.
    AcknowledgeWithin30Days,
}

/// The fees the law allows for a request of one kind (Art. 12(5), Art. 15(3)).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fees {
    /// A reasonable fee for a manifestly unfounded or excessive request only.
    UnfoundedOrExcessive,
    /// As above, and for further copies (Art. 15(3): subject access only).
    AlsoFurtherCopies,
    /// Never: the right is free (Art. 21(3), Art. 7(3), PECR reg. 22(3); s.164A).
    Never,
}

/// What a clarification does to a right's clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clarification {
    /// It stops the clock from the day asked to the day answered (Art. 12A: subject
    /// access only).
    Pauses,
    /// The shop may ask; the clock runs on.
    RunsOn,
    /// Not a step of this right: there is no clock to pause (stop at once; a complaint).
    NotAStep,
}

/// Why a right may not apply to what a person asked (facts §6.4, "does not apply").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumCount, strum::VariantArray)]
pub enum NotApplicable {
    /// Erasure: none of the Art. 17(1) grounds holds.
    NoErasureGround,
    /// Restriction: none of the Art. 18(1) grounds holds.
    NoRestrictionGround,
    /// Portability: the basis is neither consent nor a contract (Art. 20(1)(a)).
    PortabilityBasis,
    /// Portability: the processing is not carried out by automated means (Art. 20(1)(b)).
    PortabilityNotAutomated,
    /// Objection under Art. 21(1): the basis is neither legitimate interests nor a public task.
    ObjectionBasis,
    /// Automated decision: no decision about them is based solely on automated processing
    /// with legal or similarly significant effects (Art. 22A).
    NoAutomatedDecision,
}

impl NotApplicable {
    pub const ALL: [NotApplicable; <NotApplicable as strum::EnumCount>::COUNT] =
        super::every_variant();

    /// The kind of request this ground answers.
    pub fn kind(self) -> RequestKind {
        match self {
            NotApplicable::NoErasureGround => RequestKind::Erasure,
            NotApplicable::NoRestrictionGround => RequestKind::Restriction,
            NotApplicable::PortabilityBasis | NotApplicable::PortabilityNotAutomated => {
                RequestKind::Portability
            }
            NotApplicable::ObjectionBasis => RequestKind::Objection,
            NotApplicable::NoAutomatedDecision => RequestKind::AutomatedDecisionReview,
        }
    }

    /// The stable key `--set` takes.
    pub fn key(self) -> &'static str {
        match self {
            NotApplicable::NoErasureGround => "no-erasure-ground",
            NotApplicable::NoRestrictionGround => "no-restriction-ground",
            NotApplicable::PortabilityBasis => "portability-basis",
            NotApplicable::PortabilityNotAutomated => "portability-not-automated",
            NotApplicable::ObjectionBasis => "objection-basis",
            NotApplicable::NoAutomatedDecision => "no-automated-decision",
        }
    }

    pub fn from_key(key: &str) -> Option<NotApplicable> {
        Self::ALL.into_iter().find(|ground| ground.key() == key)
    }
}

/// What the law gives one kind of request (facts §6.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rules {
    pub clock: Clock,
    /// Whether the shop may ask for proof of identity or authority (Art. 12(6)), the month
    /// restarting when it arrives (Art. 12A).
    pub identity_restarts: bool,
    pub fees: Fees,
    /// Whether a clarification stops the clock (Art. 12A: subject access only), may be
    /// asked with the clock running on, or is not a step of this right.
    pub clarification: Clarification,
    /// Whether the period may be extended by two months (Art. 12(3)).
    pub extendable: bool,
    /// The clock in words, for the window, the README and the CLI.
    pub clock_words: &'static str,
    /// Where the law says so, for the refusal words.
    pub source: &'static str,
}

/// The rulebook's row for `kind` (facts §6.4).
pub const fn rules(kind: RequestKind) -> Rules {
    use RequestKind as K;
    const MONTH: &str = "one calendar month from when it arrives (or from when proof of identity or a permitted fee arrives); extendable by two months if complex or one of several";
    match kind {
        K::Access => Rules {
            clock: Clock::OneMonth,
            identity_restarts: true,
            fees: Fees::AlsoFurtherCopies,
            clarification: Clarification::Pauses,
            extendable: true,
            clock_words: "one calendar month from when it arrives (or from when proof of identity or a permitted fee arrives); a clarification about what they want pauses it; extendable by two months if complex or one of several",
            source: "Art. 12, 12A and 15",
        },
        K::Rectification | K::Erasure | K::Restriction | K::Portability | K::Objection => Rules {
            clock: Clock::OneMonth,
            identity_restarts: true,
            fees: Fees::UnfoundedOrExcessive,
            clarification: Clarification::RunsOn,
            extendable: true,
            clock_words: MONTH,
            source: "Art. 12",
        },
        K::AutomatedDecisionReview => Rules {
            clock: Clock::OneMonth,
            identity_restarts: true,
            fees: Fees::UnfoundedOrExcessive,
            clarification: Clarification::RunsOn,
            extendable: true,
            clock_words: MONTH,
            source: "Art. 12 and 22A–22D",
        },
        K::DirectMarketingObjection => Rules {
            clock: Clock::StopAtOnce,
            identity_restarts: false,
            fees: Fees::Never,
            clarification: Clarification::NotAStep,
            extendable: false,
            clock_words: "stop the marketing at once; confirm in writing within one calendar month; free, never refused, never extended",
            source: "Art. 21(3) and 12(5)",
        },
        K::ConsentWithdrawal => Rules {
            clock: Clock::StopAtOnce,
            identity_restarts: false,
            fees: Fees::Never,
            clarification: Clarification::NotAStep,
            extendable: false,
            clock_words: "stop what relied on their consent at once; confirm in writing within one calendar month; free, never extended",
            source: "Art. 7(3) and 12(5)",
        },
        K::Complaint => Rules {
            clock: Clock::AcknowledgeWithin30Days,
            identity_restarts: false,
            fees: Fees::Never,
            clarification: Clarification::NotAStep,
            extendable: false,
            clock_words: "acknowledge within 30 days (counted from the day after it arrives); look into it, keep them updated and give the outcome without undue delay",
            source: "DPA 2018 s.164A",
        },
    }
}

impl Rules {
    /// Whether a clarification stops this right's clock.
    pub fn clarification_pauses(&self) -> bool {
        self.clarification == Clarification::Pauses
    }

    /// Why the law does not allow `event` on a request of `kind` at all, in words the
    /// window, the CLI and the letters share; `None` when the kind allows it (its timing
    /// and the request's state are checked elsewhere).
    pub fn refuses(&self, kind: RequestKind, event: &RequestEvent) -> Option<String> {
        use RequestEvent as E;
        let what = kind_words(kind);
        let source = self.source;
        match event {
            E::IdentityRequested | E::IdentityReceived if !self.identity_restarts => Some(format!(
                "{what} needs no proof of identity beyond what links the person to it, and nothing restarts its clock ({source})"
            )),
            E::FeeRequested | E::FeeReceived if self.fees == Fees::Never => Some(format!(
                "{what} is free: the law allows no fee for it ({source})"
            )),
            E::ClarificationAsked | E::ClarificationAnswered
                if self.clarification == Clarification::NotAStep =>
            {
                Some(format!(
                    "{what} has no clock a clarification could pause; keep what you asked as a note ({source})"
                ))
            }
            E::Refused { .. } if self.clock == Clock::StopAtOnce => Some(format!(
                "{what} cannot be refused: stop at once, and confirm it in writing ({source})"
            )),
            E::Refused { .. } if self.clock == Clock::AcknowledgeWithin30Days => Some(format!(
                "{what} is not refused: look into it, keep them updated and tell them the outcome ({source})"
            )),
            E::Extended { .. } if !self.extendable => Some(format!(
                "{what} cannot be extended: {} ({source})",
                self.clock_words
            )),
            _ => None,
        }
    }
}

/// "an objection to direct marketing", "a complaint".
pub fn kind_words(kind: RequestKind) -> String {
    let noun = match kind {
        RequestKind::Access => "subject access request".to_owned(),
        RequestKind::Complaint => "complaint".to_owned(),
        RequestKind::DirectMarketingObjection => "objection to direct marketing".to_owned(),
        RequestKind::ConsentWithdrawal => "withdrawal of consent".to_owned(),
        RequestKind::AutomatedDecisionReview => {
            "request to review an automated decision".to_owned()
        }
        RequestKind::Objection => "objection".to_owned(),
        other => format!("{} request", other.to_string().to_lowercase()),
    };
    let vowel = noun.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// Days left under which asking for identity or a clarification earns a warning: the
/// ICO expects both "as soon as possible" (facts §6.4).
pub const LATE_ASK_DAYS: i32 = 7;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_subject_access_pauses_for_a_clarification() {
        for kind in RequestKind::ALL {
            assert_eq!(
                rules(kind).clarification_pauses(),
                kind == RequestKind::Access,
                "{kind}"
            );
        }
    }

    #[test]
    fn every_kind_that_can_be_not_applicable_has_a_ground_and_every_ground_one_kind() {
        for ground in NotApplicable::ALL {
            assert_eq!(NotApplicable::from_key(ground.key()), Some(ground));
            assert_eq!(rules(ground.kind()).clock, Clock::OneMonth);
        }
    }
}
