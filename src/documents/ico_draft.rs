//! A draft of the answers the ICO's breach report form asks for, as plain text to copy
//! into it: the Art. 33(3) items (facts §7) from the breach log and the organisation
//! profile, in the form's order — about the report and who to contact, what happened
//! and when (against the 72 hours, with the reasons for any delay), how it was found,
//! its type, the data and people affected, the likely consequences and the risk, the
//! measures taken, whether the people affected were told, and any processor involved.
//!
//! Never a fact the shop did not give: an item the record lacks is written as a visible
//! gap, "[not recorded yet: approximate number of people]", and listed in
//! [`IcoDraft::gaps`], so the shop can add it to the log — or tell the ICO it is not
//! known yet (Art. 33(4) allows a report in phases).

use jiff::{Timestamp, tz::TimeZone};

use super::breach_log::{categories_affected, data_affected, kinds_text};
use crate::domain::{
    Workspace,
    breach_clock::uk_minute,
    breaches::{Breach, Individuals},
    organisation::FeeTier,
};

/// The draft: its text, and each item it could not fill, in the order they appear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcoDraft {
    pub text: String,
    /// What the record lacks, each as its gap names it ("approximate number of people").
    pub gaps: Vec<String>,
}

/// The draft being written: its lines, and the gaps so far.
struct Draft {
    lines: Vec<String>,
    gaps: Vec<String>,
}

impl Draft {
    fn section(&mut self, title: &str) {
        if !self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.lines.push(title.to_owned());
    }

    fn line(&mut self, text: impl Into<String>) {
        self.lines.push(text.into());
    }

    /// "[not recorded yet: …]", and the item listed among the gaps.
    fn gap(&mut self, item: &str) -> String {
        self.gaps.push(item.to_owned());
        format!("[not recorded yet: {item}]")
    }

    /// `label: value`, or `label: [not recorded yet: item]` when there is no value.
    fn answer(&mut self, label: &str, value: Option<String>, item: &str) {
        let value = match value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()) {
            Some(value) => value,
            None => self.gap(item),
        };
        self.lines.push(format!("{label}: {value}"));
    }
}

fn given(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// An instant as the form takes it: UK local time to the minute.
fn uk_time(at: Timestamp, zone: &TimeZone) -> String {
    format!("{} (UK time)", uk_minute(at, zone))
}

/// The draft for `breach`, as it stands at `now` (whether a report made now is within
/// the 72 hours). The zone is the UK's (`clock::uk_time_zone()`).
pub fn ico_report_draft(
    workspace: &Workspace,
    breach: &Breach,
    zone: &TimeZone,
    now: Timestamp,
) -> IcoDraft {
    let mut draft = Draft {
        lines: Vec::new(),
        gaps: Vec::new(),
    };
    let shop = workspace.display_name().to_owned();
    draft.line(format!(
        "Draft report to the ICO: personal data breach {}",
        breach.reference
    ));
    draft.line(format!(
        "Made from the breach log{} on {}. Check each answer before you copy it into the ICO's form, and leave out the personal data itself (for example, the names of the people affected). An answer marked “not recorded yet” is not in the log: add it there, or tell the ICO it is not known yet; you can send more later.",
        if shop.is_empty() {
            String::new()
        } else {
            format!(" of {shop}")
        },
        uk_time(now, zone)
    ));
    match &breach.decision {
        Some(decision) if !decision.report => draft.line(format!(
            "Note: the log records a decision on {} not to report this breach: {}",
            decision.decided_on,
            decision.reasons.trim()
        )),
        None => {
            draft.line("Note: the log records no decision yet on whether to report this breach.");
        }
        Some(_) => {}
    }

    about_you(&mut draft, workspace, breach);
    about_the_breach(&mut draft, breach, zone, now);
    data_and_people(&mut draft, workspace, breach);

    draft.section("Consequences");
    draft.answer(
        "Likely consequences for the people affected",
        given(&breach.consequences),
        "likely consequences",
    );
    match &breach.risk {
        Some(risk) => {
            let reasoning = match given(&risk.reasoning) {
                Some(reasoning) => reasoning,
                None => draft.gap("the reasoning for the risk judged"),
            };
            draft.line(format!(
                "Risk to the people affected, as we judged it: {}. Why: {reasoning}",
                risk.level
            ));
        }
        None => draft.answer(
            "Risk to the people affected, as we judged it",
            None,
            "the risk to people",
        ),
    }

    draft.section("Containment and recovery");
    if breach.steps.is_empty() {
        draft.answer(
            "Measures taken or proposed",
            None,
            "measures taken or proposed",
        );
    } else {
        draft.line("Measures taken or proposed, including to limit the harm:");
        for step in &breach.steps {
            draft.line(format!("- {}: {}", step.on, step.what.trim()));
        }
    }

    draft.section("Telling the people affected");
    let told = match &breach.individuals {
        Some(Individuals::Told { on, how }) => Some(match given(how) {
            Some(how) => format!("Yes, on {on}, {how}"),
            None => format!("Yes, on {on}"),
        }),
        Some(Individuals::NotTold { why }) => Some(match given(why) {
            Some(why) => format!("No. Why not: {why}"),
            None => "No".to_owned(),
        }),
        None => None,
    };
    draft.answer(
        "Have you told the people affected",
        told,
        "whether the people affected were told",
    );

    draft.section("Other organisations");
    draft.answer(
        "Processor or joint controller involved",
        given(&breach.processor),
        "any processor or joint controller involved (write “none” if there was none)",
    );

    let mut text = draft.lines.join("\n");
    text.push('\n');
    IcoDraft {
        text,
        gaps: draft.gaps,
    }
}

/// The report's type, the organisation and its contact point (Art. 33(3)(b)).
fn about_you(draft: &mut Draft, workspace: &Workspace, breach: &Breach) {
    let org = &workspace.organisation;
    draft.section("About your report");
    match &breach.report {
        Some(report) => match given(&report.reference) {
            Some(reference) => draft.line(format!(
                "Report type: follow-up report (ICO case reference {reference})"
            )),
            None => draft
                .line("Report type: follow-up report (the ICO case reference is not in the log)"),
        },
        None => draft.line("Report type: initial report"),
    }
    let legal = org.legal_name.trim();
    let shop = workspace.display_name();
    let name = match (shop, legal) {
        ("", "") => None,
        (shop, legal) if shop == legal || legal.is_empty() => Some(shop.to_owned()),
        (shop, legal) => Some(format!("{shop} ({legal})")),
    };
    draft.answer("Organisation", name, "the organisation's name");
    let registration = match (given(&org.ico_registration_number), org.ico_fee_tier) {
        (Some(number), _) => Some(number),
        (None, Some(FeeTier::Exempt)) => {
            Some("none: exempt from the data protection fee".to_owned())
        }
        (None, _) => None,
    };
    draft.answer(
        "ICO registration number",
        registration,
        "ICO registration number",
    );
    let contact = org.privacy_contact.as_ref();
    let contact_name = contact.and_then(|c| given(&c.name)).map(|name| {
        if contact.is_some_and(|c| c.is_data_protection_officer) {
            format!("{name} (data protection officer)")
        } else {
            name
        }
    });
    draft.answer(
        "Contact point for this breach",
        contact_name,
        "contact point's name",
    );
    let email = contact
        .and_then(|c| given(&c.email))
        .or_else(|| given(&org.email));
    draft.answer("Contact email", email, "contact email address");
    let phone = contact
        .and_then(|c| given(&c.phone))
        .or_else(|| given(&org.phone));
    draft.answer("Contact phone", phone, "contact phone number");
}

/// What happened, when, against the 72 hours, how it was found and its type.
fn about_the_breach(draft: &mut Draft, breach: &Breach, zone: &TimeZone, now: Timestamp) {
    draft.section("About the breach");
    draft.answer(
        "What has happened",
        given(&breach.what_happened),
        "what happened",
    );
    draft.answer("What went wrong (the cause)", given(&breach.cause), "cause");
    draft.answer(
        "How did you find out",
        given(&breach.noticed_by).map(|who| format!("noticed by {who}")),
        "who noticed it and how",
    );
    draft.line(format!(
        "When did you discover it: {}",
        uk_time(breach.aware, zone)
    ));
    draft.answer(
        "When did it happen",
        breach.occurred.map(|at| {
            if breach.occurred_estimated {
                format!("{}, an estimate", uk_time(at, zone))
            } else {
                uk_time(at, zone)
            }
        }),
        "when it happened",
    );
    let deadline = breach.deadline();
    let (timing, late) = match &breach.report {
        Some(report) if report.at > deadline => (
            format!(
                "reported {}, after the 72 hours, which ended {}",
                uk_time(report.at, zone),
                uk_time(deadline, zone)
            ),
            true,
        ),
        Some(report) => (
            format!(
                "reported {}, within the 72 hours, which end {}",
                uk_time(report.at, zone),
                uk_time(deadline, zone)
            ),
            false,
        ),
        None if now > deadline => (
            format!(
                "not reported yet; the 72 hours ended {}, so this report is late",
                uk_time(deadline, zone)
            ),
            true,
        ),
        None => (
            format!(
                "not reported yet; the 72 hours end {}",
                uk_time(deadline, zone)
            ),
            false,
        ),
    };
    draft.line(format!(
        "Reporting within 72 hours of becoming aware: {timing}"
    ));
    if late || given(&breach.delay_reasons).is_some() {
        draft.answer(
            "Reasons for the delay",
            given(&breach.delay_reasons),
            "reasons for the delay",
        );
    }
    draft.answer("Type of breach", kinds_text(breach), "type of breach");
}

/// The categories and approximate numbers of people and records (Art. 33(3)(a)).
fn data_and_people(draft: &mut Draft, workspace: &Workspace, breach: &Breach) {
    draft.section("Personal data and people affected");
    let categories = categories_affected(breach);
    let activities: Vec<String> = data_affected(workspace, breach)
        .into_iter()
        .map(|(purpose, _)| purpose)
        .collect();
    draft.answer(
        "Categories of personal data",
        (!categories.is_empty()).then(|| {
            if activities.is_empty() {
                categories.join("; ")
            } else {
                format!(
                    "{} (held for: {})",
                    categories.join("; "),
                    activities.join("; ")
                )
            }
        }),
        "categories of personal data",
    );
    draft.answer(
        "Special category data involved",
        breach
            .special_category
            .map(|yes| if yes { "yes" } else { "no" }.to_owned()),
        "whether special category data was involved",
    );
    let mut people: Vec<&str> = Vec::new();
    for activity in workspace
        .register
        .iter()
        .filter(|a| breach.activities.contains(&a.id))
    {
        for who in &activity.individuals {
            if !who.trim().is_empty() && !people.contains(&who.trim()) {
                people.push(who.trim());
            }
        }
    }
    draft.answer(
        "Categories of people affected",
        (!people.is_empty()).then(|| format!("{} (from your register)", people.join("; "))),
        "who the people are, e.g. customers or staff (link the register activities affected)",
    );
    draft.answer(
        "Approximate number of records",
        breach.records_affected.map(|n| n.to_string()),
        "approximate number of records",
    );
    draft.answer(
        "Approximate number of people affected",
        breach.people_affected.map(|n| n.to_string()),
        "approximate number of people",
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        BreachId,
        breaches::{
            BreachKind, CategoryLink, Decision, IcoReport, RiskAssessment, RiskLevel, Step,
        },
        example::example_workspace,
    };
    use jiff::civil::date;

    /// The UK rule written out, independent of the zone file the app reads.
    fn uk() -> TimeZone {
        TimeZone::posix("GMT0BST,M3.5.0/1,M10.5.0").expect("rule")
    }

    fn at(text: &str) -> Timestamp {
        text.parse().expect("instant")
    }

    const WHAT: &str = "A box of signed delivery notes was left on a train.";
    const CONSEQUENCES: &str = "Names and home addresses could be read by whoever found the box.";
    const STEP: &str = "Reported the loss to the railway's lost property office.";

    /// Aware 14:00 BST on Friday 3 July 2026 (13:00 UTC), every item recorded.
    fn complete() -> (Workspace, Breach) {
        let workspace = example_workspace(date(2026, 11, 24));
        let goods = workspace.register[0].id;
        let mut breach = Breach::new(
            BreachId(7),
            "B-2026-007".into(),
            at("2026-07-03T13:00:00Z"),
            WHAT.into(),
        );
        breach.occurred = Some(at("2026-07-03T07:30:00Z"));
        breach.noticed_by = "Morwenna Tallis, unpacking at the studio".into();
        breach.cause = "The box was carried by hand instead of posted.".into();
        breach.kinds = vec![BreachKind::Confidentiality, BreachKind::Availability];
        breach.activities = vec![goods];
        breach.data_categories = vec![CategoryLink {
            activity: goods,
            category: "Addresses".into(),
        }];
        breach.people_affected = Some(37);
        breach.records_affected = Some(41);
        breach.consequences = CONSEQUENCES.into();
        breach.risk = Some(RiskAssessment {
            level: RiskLevel::Risk,
            reasoning: "Addresses only, no payment details.".into(),
        });
        breach.steps = vec![Step {
            on: date(2026, 7, 3),
            what: STEP.into(),
        }];
        breach.decision = Some(Decision {
            report: true,
            reasons: "A risk to 37 customers".into(),
            decided_by: "Morwenna Tallis".into(),
            decided_on: date(2026, 7, 3),
        });
        breach.individuals = Some(Individuals::Told {
            on: date(2026, 7, 4),
            how: "by letter".into(),
        });
        breach.processor = "Parcelwise Couriers".into();
        breach.special_category = Some(false);
        (workspace, breach)
    }

    #[test]
    fn a_complete_record_fills_every_item_from_the_log_and_the_profile() {
        let (workspace, breach) = complete();
        // Drafted at 09:00 BST on Saturday 4 July, within the 72 hours.
        let draft = ico_report_draft(&workspace, &breach, &uk(), at("2026-07-04T08:00:00Z"));
        assert_eq!(draft.gaps, Vec::<String>::new(), "{}", draft.text);
        assert!(!draft.text.contains('['), "{}", draft.text);
        let org = &workspace.organisation;
        let contact = org.privacy_contact.as_ref().expect("the example has one");
        for expected in [
            "B-2026-007",
            org.trading_name.as_str(),
            org.ico_registration_number.as_str(),
            contact.name.as_str(),
            contact.email.as_str(),
            // The contact has no phone of their own: the shop's.
            org.phone.as_str(),
            WHAT,
            CONSEQUENCES,
            "Addresses only, no payment details.",
            "Parcelwise Couriers",
            "by letter",
            "2026-07-04",
            // Aware 13:00 UTC = 14:00 BST; happened 07:30 UTC = 08:30 BST; + 72 hours
            // = 14:00 BST on Monday 6 July.
            "2026-07-03 14:00",
            "2026-07-03 08:30",
            "2026-07-06 14:00",
            "Addresses",
            workspace.register[0].purpose.as_str(),
            "41",
            "37",
        ] {
            assert!(draft.text.contains(expected), "{expected}:\n{}", draft.text);
        }
        assert!(
            draft.text.contains(&format!("2026-07-03: {STEP}")),
            "{}",
            draft.text
        );
        // Not late, so no delay item.
        assert!(!draft.text.contains("delay"), "{}", draft.text);
    }

    #[test]
    fn the_items_come_in_the_forms_order() {
        let (workspace, breach) = complete();
        let draft = ico_report_draft(&workspace, &breach, &uk(), at("2026-07-04T08:00:00Z"));
        let position = |needle: &str| {
            draft
                .text
                .find(needle)
                .unwrap_or_else(|| panic!("{needle}:\n{}", draft.text))
        };
        let order = [
            workspace.organisation.trading_name.as_str(),
            "privacy@kestrelforge.example",
            WHAT,
            "2026-07-03 14:00",
            "2026-07-03 08:30",
            "2026-07-06 14:00",
            "Morwenna Tallis, unpacking",
            "Addresses",
            "41",
            CONSEQUENCES,
            "Addresses only",
            STEP,
            "by letter",
            "Parcelwise Couriers",
        ];
        let positions: Vec<usize> = order.iter().map(|n| position(n)).collect();
        // Art. 33(3)'s items in the form's order: who, what and when, the data and
        // numbers, the consequences and risk, the measures, the people told, others.
        assert!(
            positions[0] < positions[2],
            "organisation before the breach"
        );
        assert!(positions[2] < positions[7], "what happened before the data");
        assert!(positions[8] < positions[9], "numbers before consequences");
        assert!(positions[9] < positions[10], "consequences before the risk");
        assert!(positions[10] < positions[11], "risk before the measures");
        assert!(positions[11] < positions[12], "measures before people told");
        assert!(
            positions[12] < positions[13],
            "people told before processors"
        );
    }

    #[test]
    fn a_missing_item_is_a_visible_gap_never_an_invented_fact() {
        let workspace = example_workspace(date(2026, 11, 24));
        let breach = Breach::new(
            BreachId(8),
            "B-2026-008".into(),
            at("2026-07-03T13:00:00Z"),
            WHAT.into(),
        );
        let draft = ico_report_draft(&workspace, &breach, &uk(), at("2026-07-03T15:00:00Z"));
        let expected = [
            "cause",
            "who noticed it and how",
            "when it happened",
            "type of breach",
            "categories of personal data",
            "whether special category data was involved",
            "who the people are, e.g. customers or staff (link the register activities affected)",
            "approximate number of records",
            "approximate number of people",
            "likely consequences",
            "the risk to people",
            "measures taken or proposed",
            "whether the people affected were told",
            "any processor or joint controller involved (write “none” if there was none)",
        ];
        assert_eq!(draft.gaps, expected, "{}", draft.text);
        for item in expected {
            assert!(
                draft.text.contains(&format!("[not recorded yet: {item}]")),
                "{item}:\n{}",
                draft.text
            );
        }
        // No number, kind or date the shop did not give.
        for invented in ["confidentiality", "integrity", "availability", ": 0\n"] {
            assert!(
                !draft.text.contains(invented),
                "{invented}:\n{}",
                draft.text
            );
        }
        assert!(draft.text.contains("no decision yet"), "{}", draft.text);
    }

    #[test]
    fn a_late_report_gives_the_reasons_for_the_delay_or_asks_for_them() {
        let (workspace, mut breach) = complete();
        // Not reported, drafted at 15:00 BST on Monday 6 July: an hour past the 72.
        let now = at("2026-07-06T14:00:00Z");
        let draft = ico_report_draft(&workspace, &breach, &uk(), now);
        assert_eq!(draft.gaps, ["reasons for the delay"], "{}", draft.text);
        assert!(draft.text.contains("is late"), "{}", draft.text);
        breach.delay_reasons = "The box was only found missing on Monday morning.".into();
        let draft = ico_report_draft(&workspace, &breach, &uk(), now);
        assert!(draft.gaps.is_empty(), "{}", draft.text);
        assert!(draft.text.contains("only found missing on Monday"));
        // Reported at 14:01 BST on 6 July, a minute late, with an ICO reference.
        breach.report = Some(IcoReport {
            at: at("2026-07-06T13:01:00Z"),
            reference: "IC-000123-FICT".into(),
        });
        let draft = ico_report_draft(&workspace, &breach, &uk(), now);
        assert!(draft.text.contains("2026-07-06 14:01"), "{}", draft.text);
        assert!(draft.text.contains("after the 72 hours"), "{}", draft.text);
        assert!(draft.text.contains("IC-000123-FICT"), "{}", draft.text);
    }

    #[test]
    fn a_profile_without_a_contact_point_shows_the_gaps() {
        let (mut workspace, breach) = complete();
        workspace.organisation.privacy_contact = None;
        workspace.organisation.email.clear();
        workspace.organisation.phone.clear();
        workspace.organisation.ico_registration_number.clear();
        let draft = ico_report_draft(&workspace, &breach, &uk(), at("2026-07-04T08:00:00Z"));
        assert_eq!(
            draft.gaps,
            [
                "ICO registration number",
                "contact point's name",
                "contact email address",
                "contact phone number"
            ],
            "{}",
            draft.text
        );
    }
}
