//! The letter to the people a breach affects (UK GDPR Art. 34; facts §7): in clear and
//! plain language, what happened, the name and contact details of a contact point, the
//! likely consequences, the measures taken or proposed (including to limit the harm),
//! what the person can do to protect themselves, and their right to complain to the
//! regulator.
//!
//! Its subject is a breach, not a rights request, so it is not one of the request
//! [`Template`](super::Template)s; it follows their rules with the same pieces: typed
//! [`PartKey`]s and [`PartSpec`]s, gaps that block it ([`missing_parts`],
//! [`missing_reason`]), the letterhead, sign-off and regulator wording of `writer.rs`.
//! Its parts start from what the breach record says — only what the shop wrote there —
//! and the advice is chosen from a list, with nothing chosen for the shop.
//!
//! The law requires the letter only when a breach is likely to be a high risk to the
//! people affected; a shop may still choose to tell them, so it is offered for any
//! breach, and [`requirement`] says which applies.

use jiff::{civil::Date, tz::TimeZone};

use super::{
    Choice, PartKey, PartKind, PartSpec, Parts, long_date, reason_for, unfilled,
    writer::{regulator, shop_head, sign_off},
};
use crate::{
    documents::{
        breach_log::categories_affected,
        model::{Block, Document, Inline, plain},
        notice::sentence,
    },
    domain::{
        Workspace,
        breaches::{Breach, RiskLevel},
    },
};

/// The CLI's name for it (`smallprint letter --breach REF --template NAME`).
pub const NAME: &str = "breach-people-affected";

pub const TITLE: &str = "Letter to the people affected by a breach";

/// What it is for, in a line, saying when the law requires it.
pub const PURPOSE: &str = "Tells the people a breach affects what happened and what they can do; required when it is likely to be a high risk to them (Art. 34)";

/// What the person can do to protect themselves: the shop picks what fits the breach.
/// Each is advice, not a statement about the breach, so none asserts a fact.
pub const ADVICE: &[Choice] = &[
    Choice {
        key: "phishing",
        words: "Be wary of emails, texts or phone calls that mention your order or seem to come from us. Do not click on links or give out personal or payment details unless you are sure who you are dealing with.",
        meaning: "contact details or order details were exposed, so someone could pose as you or as the shop",
    },
    Choice {
        key: "password",
        words: "Change the password of your account with us, and of any other account where you use the same password.",
        meaning: "passwords, or the email addresses used to sign in, were exposed",
    },
    Choice {
        key: "bank",
        words: "Check your bank and card statements, and tell your bank or card provider straight away about any payment you do not recognise.",
        meaning: "payment details were exposed, or could be used to trick people into paying",
    },
    Choice {
        key: "post",
        words: "Take care with letters, parcels or visitors you were not expecting that mention your order or our name.",
        meaning: "postal addresses were exposed",
    },
    Choice {
        key: "credit-record",
        words: "Check your credit record for accounts or applications you do not recognise.",
        meaning: "enough was exposed (name, address, date of birth, financial details) for someone to try to use the person's identity",
    },
    Choice {
        key: "tell-us",
        words: "If you notice anything unusual that could be connected with this, please tell us using the contact details in this letter.",
        meaning: "the shop wants to hear of any misuse, so it can act on it",
    },
];

const fn part(key: PartKey, label: &'static str, about: &'static str, kind: PartKind) -> PartSpec {
    PartSpec {
        key,
        label,
        about,
        kind,
        only_when: None,
        // The record's words come from `initial_parts`: `from_records` reads requests.
        from_records: None,
    }
}

/// The parts, in the letter's order.
pub static PARTS: &[PartSpec] = &[
    part(
        PartKey::Addressee,
        "Who it is to",
        "the person's name, then their address a line each, for a letter to one person; left empty, it begins “Dear Sir or Madam,”",
        PartKind::Optional { default: "" },
    ),
    part(
        PartKey::WhatHappened,
        "What happened, in plain words",
        "what happened, as the person would understand it (it starts from your log's words)",
        PartKind::Fact {
            gap: "say what happened, in plain words",
        },
    ),
    part(
        PartKey::Information,
        "The information involved",
        "the information about them it involved, one kind a line (it starts from the data categories in your log)",
        PartKind::Fact {
            gap: "say what information about them was involved",
        },
    ),
    part(
        PartKey::Consequences,
        "What it could mean for them",
        "the likely consequences for the person (it starts from your log's words)",
        PartKind::Fact {
            gap: "say what the breach could mean for them",
        },
    ),
    part(
        PartKey::Measures,
        "What we have done or will do",
        "the steps taken or planned, including to limit the harm, one a line (it starts from the steps in your log)",
        PartKind::Fact {
            gap: "say what you have done, or will do, to deal with it and limit the harm",
        },
    ),
    part(
        PartKey::Advice,
        "What they can do",
        "what the person can do to protect themselves",
        PartKind::Choice {
            options: ADVICE,
            default: None,
            gap: "choose what they can do to protect themselves",
            several: true,
        },
    ),
    part(
        PartKey::MoreAdvice,
        "More advice, in your words",
        "anything else they can do, or that you will do to help them",
        PartKind::Optional { default: "" },
    ),
];

/// Whether the law requires this letter for `breach`, in words for the user.
pub fn requirement(breach: &Breach) -> &'static str {
    match breach.risk.as_ref().map(|r| r.level) {
        Some(RiskLevel::High) => {
            "Required: you judged this breach likely to be a high risk to the people affected, so the law requires you to tell them without undue delay (Article 34)."
        }
        Some(RiskLevel::Risk | RiskLevel::Unlikely) => {
            "Not required by law, as you did not judge this breach a high risk to the people affected (Article 34); you may still choose to tell them."
        }
        None => {
            "The law requires this letter when a breach is likely to be a high risk to the people affected (Article 34): judge the risk in the log. You may tell them in any case."
        }
    }
}

/// The contact point the letter names (Art. 34(2), 33(3)(b)): the privacy contact, or
/// else the shop; with their email, phone and whether a postal address is on file.
struct ContactPoint {
    name: String,
    is_dpo: bool,
    email: String,
    phone: String,
    has_address: bool,
}

fn contact_point(workspace: &Workspace) -> ContactPoint {
    let org = &workspace.organisation;
    let contact = org.privacy_contact.as_ref();
    let given = |text: &str| text.trim().to_owned();
    let name = contact
        .map(|c| given(&c.name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| given(workspace.display_name()));
    let email = contact
        .map(|c| given(&c.email))
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| given(&org.email));
    let phone = contact
        .map(|c| given(&c.phone))
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| given(&org.phone));
    ContactPoint {
        name,
        is_dpo: contact.is_some_and(|c| c.is_data_protection_officer && !c.name.trim().is_empty()),
        email,
        phone,
        has_address: !org.address.is_empty(),
    }
}

/// Whether the letter may be written for `breach` on `date`; if not, why, in words the
/// user can act on. `zone` is the UK's (`clock::uk_time_zone()`).
pub fn fits(
    workspace: &Workspace,
    breach: &Breach,
    zone: &TimeZone,
    date: Date,
) -> Result<(), String> {
    let aware = breach.aware.to_zoned(zone.clone()).date();
    if date < aware {
        return Err(format!(
            "the letter's date, {}, is before you became aware of the breach ({})",
            long_date(date),
            long_date(aware)
        ));
    }
    let contact = contact_point(workspace);
    if contact.name.is_empty() {
        return Err(
            "the letter must name a contact point (Article 34(2)): add your business's name, or a privacy contact, in Organisation first"
                .to_owned(),
        );
    }
    if contact.email.is_empty() && contact.phone.is_empty() {
        return Err(
            "the letter must say how to reach its contact point (Article 34(2)): add an email address or phone number in Organisation first"
                .to_owned(),
        );
    }
    Ok(())
}

/// The parts as the composer first shows them: the breach record's own words for what
/// happened, the information involved, the consequences and the steps — never more
/// than the shop wrote there — and nothing chosen for the advice.
pub fn initial_parts(breach: &Breach) -> Parts {
    let steps: Vec<String> = breach
        .steps
        .iter()
        .filter(|step| !step.what.trim().is_empty())
        .map(|step| format!("{}: {}", long_date(step.on), step.what.trim()))
        .collect();
    [
        (
            PartKey::WhatHappened,
            breach.what_happened.trim().to_owned(),
        ),
        (PartKey::Information, categories_affected(breach).join("\n")),
        (PartKey::Consequences, breach.consequences.trim().to_owned()),
        (PartKey::Measures, steps.join("\n")),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect()
}

/// The required parts not yet filled, in the letter's order: while any is left the
/// letter cannot be exported or copied.
pub fn missing_parts(parts: &Parts) -> Vec<&'static PartSpec> {
    unfilled(PARTS.iter().collect(), parts)
}

/// Why the letter cannot go yet, in words, or `None` when every required part is filled.
pub fn missing_reason(parts: &Parts) -> Option<String> {
    reason_for(&missing_parts(parts))
}

fn spec(key: PartKey) -> Option<&'static PartSpec> {
    PARTS.iter().find(|p| p.key == key)
}

/// A part as the letter prints it (its gap while unfilled).
fn text(key: PartKey, parts: &Parts) -> String {
    spec(key).map_or_else(String::new, |spec| spec.text(parts))
}

/// The user's words as paragraphs: a blank line starts a new one.
fn paragraphs(text: &str) -> Vec<Block> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .map(|p| Block::paragraph(sentence(&p)))
        .collect()
}

/// The user's words as a list, a line each: as sentences (steps taken), or as they are
/// (kinds of information, which are not sentences).
fn bullets(text: &str, as_sentences: bool) -> Block {
    Block::Bullets(
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| {
                plain(if as_sentences {
                    sentence(line)
                } else {
                    line.trim_end_matches([';', ',']).to_owned()
                })
            })
            .collect(),
    )
}

/// "by email at a@b.example or by phone on 01632 960 000".
fn ways_to_reach(contact: &ContactPoint) -> String {
    let mut ways = Vec::new();
    if !contact.email.is_empty() {
        ways.push(format!("by email at {}", contact.email));
    }
    if !contact.phone.is_empty() {
        ways.push(format!("by phone on {}", contact.phone));
    }
    if contact.has_address {
        ways.push("by post at the address at the top of this letter".to_owned());
    }
    match ways.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}, or {last}", init.join(", ")),
    }
}

/// When it happened (if the record says) and when the shop found out, as UK dates.
fn when(breach: &Breach, zone: &TimeZone) -> String {
    let aware = long_date(breach.aware.to_zoned(zone.clone()).date());
    match breach.occurred {
        Some(at) => {
            let on = long_date(at.to_zoned(zone.clone()).date());
            let when = if breach.occurred_estimated {
                format!("It happened on or about {on}")
            } else {
                format!("It happened on {on}")
            };
            if on == aware {
                format!("{when}, and we found out about it that day.")
            } else {
                format!("{when}, and we found out about it on {aware}.")
            }
        }
        None => format!("We found out about it on {aware}."),
    }
}

/// The contact point's name and how to reach them (Art. 34(2), 33(3)(b)).
fn who_to_contact(workspace: &Workspace, breach: &Breach) -> String {
    let contact = contact_point(workspace);
    let who = if contact.is_dpo {
        format!("{}, our data protection officer,", contact.name)
    } else {
        contact.name.clone()
    };
    let ways = ways_to_reach(&contact);
    if ways.is_empty() {
        format!(
            "Please contact {who}, quoting our reference, {}.",
            breach.reference
        )
    } else {
        format!(
            "Please contact {who} {ways}, quoting our reference, {}.",
            breach.reference
        )
    }
}

/// The letter as a document: letterhead, date, the person (if named), the breach's
/// reference, what happened and when, the information involved, what it could mean,
/// what was done, what they can do, who to contact, the right to complain, sign-off.
/// Parts left empty show as visible gaps.
pub fn breach_letter(
    workspace: &Workspace,
    breach: &Breach,
    zone: &TimeZone,
    date: Date,
    parts: &Parts,
) -> Document {
    let mut blocks = shop_head(workspace, date);
    let to: Vec<String> = parts
        .get(&PartKey::Addressee)
        .map(|to| {
            to.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    if !to.is_empty() {
        blocks.push(Block::Address(to.clone()));
    }
    blocks.push(Block::Paragraph(vec![
        Inline::bold("Our reference: "),
        Inline::text(breach.reference.clone()),
    ]));
    blocks.push(Block::heading(
        2,
        "A personal data breach involving your information",
    ));
    blocks.push(Block::paragraph(match to.first() {
        Some(name) => format!("Dear {name},"),
        None => "Dear Sir or Madam,".to_owned(),
    }));
    blocks.push(Block::paragraph(
        "We are writing to tell you about a personal data breach that involves your personal information. We are sorry that this has happened.",
    ));

    blocks.push(Block::heading(3, "What happened"));
    blocks.extend(paragraphs(&text(PartKey::WhatHappened, parts)));
    blocks.push(Block::paragraph(when(breach, zone)));

    blocks.push(Block::heading(3, "The information involved"));
    blocks.push(bullets(&text(PartKey::Information, parts), false));

    blocks.push(Block::heading(3, "What this could mean for you"));
    blocks.extend(paragraphs(&text(PartKey::Consequences, parts)));

    blocks.push(Block::heading(3, "What we have done and will do"));
    blocks.push(bullets(&text(PartKey::Measures, parts), true));
    if breach.report.is_some() {
        blocks.push(Block::paragraph(format!(
            "We have reported the breach to the {}.",
            workspace.settings.regulator.name.trim()
        )));
    }

    blocks.push(Block::heading(3, "What you can do"));
    let advice = spec(PartKey::Advice)
        .map(|s| s.chosen(parts))
        .unwrap_or_default();
    if advice.is_empty() {
        blocks.push(Block::paragraph(text(PartKey::Advice, parts)));
    } else {
        blocks.push(Block::Bullets(
            advice.iter().map(|choice| plain(choice.words)).collect(),
        ));
    }
    blocks.extend(paragraphs(&text(PartKey::MoreAdvice, parts)));

    blocks.push(Block::heading(3, "If you have questions"));
    blocks.push(Block::paragraph(who_to_contact(workspace, breach)));

    blocks.push(Block::heading(3, "Your right to complain"));
    blocks.push(Block::paragraph(
        "If you are unhappy with how we have handled your information, please tell us first, using the contact details above, and we will look into it.",
    ));
    blocks.push(Block::paragraph(format!(
        "You also have the right to complain to {}.",
        regulator(workspace)
    )));
    blocks.extend(sign_off(workspace));

    let shop = workspace.display_name();
    Document {
        title: format!("{TITLE} — {}", breach.reference),
        author: if shop.is_empty() {
            workspace.organisation.legal_name.clone()
        } else {
            shop.to_owned()
        },
        subject: TITLE.to_owned(),
        date,
        blocks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        BreachId,
        breaches::{CategoryLink, RiskAssessment, Step},
        example::example_workspace,
    };
    use jiff::{Timestamp, civil::date};

    fn uk() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule")
    }

    fn breach() -> (Workspace, Breach) {
        let workspace = example_workspace(date(2026, 11, 24));
        let goods = workspace.register[0].id;
        let mut breach = Breach::new(
            BreachId(3),
            "B-2026-003".into(),
            "2026-09-01T23:30:00Z"
                .parse::<Timestamp>()
                .expect("instant"),
            "A delivery list was emailed to the wrong courier.".into(),
        );
        breach.data_categories = vec![CategoryLink {
            activity: goods,
            category: "Addresses".into(),
        }];
        breach.steps = vec![Step {
            on: date(2026, 9, 2),
            what: "Asked the courier to delete it".into(),
        }];
        (workspace, breach)
    }

    #[test]
    fn the_record_fills_only_what_it_holds_and_no_advice_is_chosen() {
        let (workspace, breach) = breach();
        let parts = initial_parts(&breach);
        assert_eq!(
            parts.get(&PartKey::WhatHappened).map(String::as_str),
            Some("A delivery list was emailed to the wrong courier.")
        );
        assert_eq!(
            parts.get(&PartKey::Information).map(String::as_str),
            Some("Addresses")
        );
        assert_eq!(
            parts.get(&PartKey::Measures).map(String::as_str),
            Some("2 September 2026: Asked the courier to delete it")
        );
        // No consequences in the record, no advice chosen: both block the letter.
        let missing: Vec<PartKey> = missing_parts(&parts).iter().map(|p| p.key).collect();
        assert_eq!(missing, [PartKey::Consequences, PartKey::Advice]);
        assert!(missing_reason(&parts).is_some_and(|r| r.contains("What it could mean for them")));
        // 23:30 UTC on 1 September is 00:30 BST on the 2nd: the UK day it became aware.
        let text = breach_letter(&workspace, &breach, &uk(), date(2026, 9, 3), &parts).plain_text();
        assert!(
            text.contains("We found out about it on 2 September 2026."),
            "{text}"
        );
        assert!(
            text.contains("[say what the breach could mean for them]"),
            "{text}"
        );
    }

    #[test]
    fn advice_takes_several_options_by_key_and_refuses_others() {
        let (workspace, breach) = breach();
        let mut parts = initial_parts(&breach);
        parts.insert(PartKey::Consequences, "Unwanted post.".into());
        for (value, filled) in [
            ("post", true),
            ("post, bank", true),
            ("post,nonsense", false),
            (" , ", false),
        ] {
            parts.insert(PartKey::Advice, value.into());
            assert_eq!(missing_parts(&parts).is_empty(), filled, "{value}");
        }
        parts.insert(PartKey::Advice, "bank,post,bank".into());
        let text = breach_letter(&workspace, &breach, &uk(), date(2026, 9, 3), &parts).plain_text();
        let bank = text.find("Check your bank").expect("bank advice");
        let post = text.find("Take care with letters").expect("post advice");
        assert!(bank < post, "in the order chosen");
        assert_eq!(text.matches("Check your bank").count(), 1, "once each");
    }

    #[test]
    fn the_letter_says_when_the_law_requires_it_and_refuses_without_a_contact() {
        let (mut workspace, mut breach) = breach();
        assert!(requirement(&breach).contains("judge the risk"));
        breach.risk = Some(RiskAssessment {
            level: RiskLevel::High,
            reasoning: "Home addresses".into(),
        });
        assert!(requirement(&breach).starts_with("Required"));
        breach.risk = Some(RiskAssessment {
            level: RiskLevel::Risk,
            reasoning: "Home addresses".into(),
        });
        assert!(requirement(&breach).starts_with("Not required"));
        let zone = uk();
        assert_eq!(fits(&workspace, &breach, &zone, date(2026, 9, 2)), Ok(()));
        assert!(
            fits(&workspace, &breach, &zone, date(2026, 9, 1))
                .is_err_and(|reason| reason.contains("before you became aware"))
        );
        workspace.organisation.privacy_contact = None;
        workspace.organisation.email.clear();
        workspace.organisation.phone.clear();
        assert!(
            fits(&workspace, &breach, &zone, date(2026, 9, 2))
                .is_err_and(|reason| reason.contains("email address or phone number"))
        );
    }
}
