//! Direct marketing under PECR (facts §11.2): by which channels a marketing activity
//! reaches people, and on which ground electronic mail (email and text messages) may be
//! sent to them — their consent, or the soft opt-in of reg. 22(3), whose three
//! conditions are asked one by one.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How marketing reaches people.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    Email,
    Sms,
    Phone,
    Post,
}

impl Channel {
    pub const ALL: [Channel; <Channel as strum::EnumCount>::COUNT] = super::every_variant();

    /// Email and text messages are "electronic mail" (PECR reg. 2): reg. 22 asks for
    /// consent or the soft opt-in before they are sent to an individual.
    pub fn is_electronic_mail(self) -> bool {
        matches!(self, Channel::Email | Channel::Sms)
    }

    /// "email", "text message": as a sentence uses it.
    pub fn words(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "text message",
            Channel::Phone => "phone",
            Channel::Post => "post",
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Channel::Email => "Email",
            Channel::Sms => "Text message (SMS)",
            Channel::Phone => "Phone call",
            Channel::Post => "Post",
        })
    }
}

/// Why the shop may send marketing by email or text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ground", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Ground {
    /// The person asked for it: consent, and where the record of it is kept.
    Consent { recorded_at: String },
    /// The soft opt-in (PECR reg. 22(3)): each condition as the shop answered it.
    SoftOptIn(SoftOptIn),
    /// Sent only to people at companies and other corporate bodies, at their work
    /// address: reg. 22 protects individual subscribers — sole traders and partnerships
    /// among them —, so it asks for neither (reg. 23's identity and opt-out still apply).
    CorporateSubscribersOnly,
}

/// The soft opt-in's conditions, each answered by the shop: all must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is one of the law's conditions, answered yes or no"
)]
pub struct SoftOptIn {
    /// (a) The details were obtained in the course of a sale, or negotiations for a sale,
    /// of a product or service to that person.
    pub obtained_in_a_sale: bool,
    /// (b) The marketing is only of the shop's own similar products or services.
    pub own_similar_products: bool,
    /// (c) A simple, free way to refuse was offered when the details were collected…
    pub refusal_offered_when_collected: bool,
    /// …and is offered in every message since.
    pub refusal_offered_in_every_message: bool,
}

/// One of the soft opt-in's conditions: as the window asks it, as `check` words its
/// absence, and where its answer is kept.
pub struct Condition {
    pub question: &'static str,
    pub missing: &'static str,
    /// The answer to it, to read or to set.
    pub answer: fn(&mut SoftOptIn) -> &mut bool,
}

/// The soft opt-in's conditions, in the order the window asks them.
pub const SOFT_OPT_IN_CONDITIONS: [Condition; 4] = [
    Condition {
        question: "We got their contact details when they bought, or asked about buying, from us",
        missing: "the details were not obtained in a sale or negotiations for a sale to that person",
        answer: |s| &mut s.obtained_in_a_sale,
    },
    Condition {
        question: "We only market our own products or services, similar to what they bought or asked about",
        missing: "the marketing is not only of your own similar products or services",
        answer: |s| &mut s.own_similar_products,
    },
    Condition {
        question: "We gave them a simple, free way to refuse when we collected their details",
        missing: "people were not given a simple, free way to refuse when their details were collected",
        answer: |s| &mut s.refusal_offered_when_collected,
    },
    Condition {
        question: "Every message we send gives a simple, free way to refuse",
        missing: "not every message gives a simple, free way to refuse",
        answer: |s| &mut s.refusal_offered_in_every_message,
    },
];

impl SoftOptIn {
    /// The reason for each condition that does not hold, in order.
    pub fn missing(&self) -> Vec<&'static str> {
        SOFT_OPT_IN_CONDITIONS
            .iter()
            .filter(|condition| !*(condition.answer)(&mut self.clone()))
            .map(|condition| condition.missing)
            .collect()
    }
}

/// The PECR problems of a marketing activity sent through `channels` on `ground`.
pub fn problems(channels: &[Channel], ground: Option<&Ground>) -> Vec<String> {
    let mut problems = Vec::new();
    if channels.is_empty() {
        problems.push(
            "say how the marketing reaches people (email, text message, phone or post)".to_owned(),
        );
    }
    let electronic: Vec<&str> = channels
        .iter()
        .filter(|c| c.is_electronic_mail())
        .map(|c| c.words())
        .collect();
    if electronic.is_empty() {
        return problems;
    }
    let by = electronic.join(" and ");
    match ground {
        None => problems.push(format!(
            "marketing by {by} needs the person's consent or the soft opt-in (PECR reg. 22): say which"
        )),
        Some(Ground::Consent { recorded_at }) if recorded_at.trim().is_empty() => {
            problems.push(format!(
                "marketing by {by} on consent: say where the record of each person's consent is kept"
            ));
        }
        Some(Ground::Consent { .. } | Ground::CorporateSubscribersOnly) => {}
        Some(Ground::SoftOptIn(soft)) => problems.extend(soft.missing().into_iter().map(|reason| {
            format!("the soft opt-in does not cover marketing by {by}: {reason} (PECR reg. 22(3)); without it you need consent")
        })),
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_and_phone_alone_need_no_ground_but_email_does() {
        assert!(problems(&[Channel::Post, Channel::Phone], None).is_empty());
        let found = problems(&[Channel::Email, Channel::Sms], None);
        assert_eq!(found.len(), 1);
        assert!(found[0].contains("email and text message"), "{found:?}");
        assert_eq!(problems(&[], None).len(), 1);
    }

    #[test]
    fn consent_needs_its_record() {
        let blank = Ground::Consent {
            recorded_at: " ".into(),
        };
        assert_eq!(problems(&[Channel::Email], Some(&blank)).len(), 1);
        let kept = Ground::Consent {
            recorded_at: "Mailchimp audience".into(),
        };
        assert!(problems(&[Channel::Email], Some(&kept)).is_empty());
    }
}
