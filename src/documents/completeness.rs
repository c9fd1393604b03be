//! Whether the privacy notice tells people everything UK GDPR Arts 13 and 14 require
//! (facts §3.1): each of the 14 items is covered, not applicable, or missing — with the
//! reason and the screen that fixes it. Pure: it reads the same workspace the notice
//! is written from.

use std::fmt;

use crate::domain::{
    ActivityId, Workspace,
    register::{LawfulBasis, PlaceholderField, ProcessingActivity, Requirement, TransferMechanism},
};

/// Where the user goes to put a missing item right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    Organisation,
    /// The register, at this activity when one is to blame.
    Register(Option<ActivityId>),
    Settings,
    /// The website's cookies.
    Website,
}

impl Fix {
    pub fn screen_name(self) -> &'static str {
        match self {
            Fix::Organisation => "Organisation",
            Fix::Register(_) => "Register",
            Fix::Settings => "Settings",
            Fix::Website => "Website kit",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coverage {
    Covered(String),
    NotApplicable(String),
    /// One entry per thing to put right, each with where to put it right.
    Missing(Vec<Gap>),
}

/// One thing the notice cannot say yet, and the screen (and activity) that fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub reason: String,
    pub fix: Fix,
}

impl Coverage {
    fn missing(reason: impl Into<String>, fix: Fix) -> Self {
        Coverage::Missing(vec![Gap {
            reason: reason.into(),
            fix,
        }])
    }

    /// Every gap, joined: "“Sales” has no lawful basis; “Newsletter” has no retention…".
    pub fn reason(&self) -> String {
        match self {
            Coverage::Covered(reason) | Coverage::NotApplicable(reason) => reason.clone(),
            Coverage::Missing(gaps) => gaps
                .iter()
                .map(|gap| gap.reason.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// One of the 14 things a notice must say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub number: u8,
    pub title: &'static str,
    /// "Art. 13(1)(a) / 14(1)(a)".
    pub articles: &'static str,
    pub coverage: Coverage,
}

impl Item {
    pub fn is_missing(&self) -> bool {
        matches!(self.coverage, Coverage::Missing { .. })
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let reason = self.coverage.reason();
        let (state, reason) = match &self.coverage {
            Coverage::Covered(_) => ("covered", reason),
            Coverage::NotApplicable(_) => ("not applicable", reason),
            Coverage::Missing(gaps) => (
                "missing",
                format!(
                    "{reason} (fix it on the {} screen)",
                    gaps.first().map_or("Register", |gap| gap.fix.screen_name())
                ),
            ),
        };
        write!(
            f,
            "Privacy notice → {}. {} ({}): {state}: {reason}",
            self.number, self.title, self.articles
        )
    }
}

/// Problems found in one item, each with where to fix it.
#[derive(Default)]
struct Gaps(Vec<Gap>);

impl Gaps {
    fn add(&mut self, reason: String, fix: Fix) {
        if !self.0.iter().any(|gap| gap.reason == reason) {
            self.0.push(Gap { reason, fix });
        }
    }

    fn add_for(&mut self, activity: &ProcessingActivity, what: &str) {
        let name = activity.purpose.trim();
        let name = if name.is_empty() {
            "the activity listed as “(no purpose yet)”".to_owned()
        } else {
            format!("“{name}”")
        };
        self.add(format!("{name} {what}"), Fix::Register(Some(activity.id)));
    }

    fn or_covered(self, covered: impl Into<String>) -> Coverage {
        if self.0.is_empty() {
            Coverage::Covered(covered.into())
        } else {
            Coverage::Missing(self.0)
        }
    }
}

fn item(number: u8, title: &'static str, articles: &'static str, coverage: Coverage) -> Item {
    Item {
        number,
        title,
        articles,
        coverage,
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// All 14 items, in the order of facts §3.1.
#[expect(
    clippy::too_many_lines,
    reason = "the 14 items in the order the law lists them"
)]
pub fn check(workspace: &Workspace) -> Vec<Item> {
    let org = &workspace.organisation;
    let register = &workspace.register;
    let no_register =
        || Coverage::missing("the register has no activities yet", Fix::Register(None));
    let per_activity = |rule: &dyn Fn(&ProcessingActivity, &mut Gaps), covered: &str| {
        if register.is_empty() {
            return no_register();
        }
        let mut gaps = Gaps::default();
        for activity in register {
            rule(activity, &mut gaps);
        }
        gaps.or_covered(covered)
    };
    let all_bases = || register.iter().flat_map(|a| &a.lawful_bases);

    let mut identity = Gaps::default();
    for gap in org.controller_gaps() {
        identity.add(gap, Fix::Organisation);
    }

    let dpo = match &org.privacy_contact {
        Some(contact) if contact.is_data_protection_officer => {
            if blank(&contact.name) || (blank(&contact.email) && blank(&contact.phone)) {
                Coverage::missing(
                    "the data protection officer needs a name and an email or phone number",
                    Fix::Organisation,
                )
            } else {
                Coverage::Covered(format!(
                    "{} is named with their contact details",
                    contact.name.trim()
                ))
            }
        }
        _ => Coverage::NotApplicable(
            "you have no data protection officer; a small shop rarely needs one".to_owned(),
        ),
    };

    let legitimate: Vec<&ProcessingActivity> =
        register.iter().filter(|a| a.lia().is_some()).collect();
    let interests = if legitimate.is_empty() {
        Coverage::NotApplicable("no purpose relies on legitimate interests".to_owned())
    } else {
        let mut gaps = Gaps::default();
        for activity in &legitimate {
            for lia in activity.lias() {
                if blank(&lia.interests_pursued) {
                    gaps.add_for(
                        activity,
                        "does not say which legitimate interests it pursues",
                    );
                } else if let Some(count) = lia.questions_to_answer() {
                    gaps.add_for(
                        activity,
                        &format!("has an incomplete legitimate-interests assessment ({count})"),
                    );
                } else if lia.outcome == crate::domain::lia::Outcome::CannotRely {
                    gaps.add_for(
                    activity,
                    "has a legitimate-interests assessment that concluded you cannot rely on legitimate interests: choose another basis",
                );
                } else if !lia.gaps().is_empty() {
                    gaps.add_for(
                        activity,
                        "has an incomplete legitimate-interests assessment",
                    );
                }
            }
        }
        gaps.or_covered("each legitimate interest is stated, with its assessment completed")
    };

    let recipients = per_activity(
        &|activity, gaps| {
            for processor in &activity.processors {
                if blank(&processor.name) {
                    gaps.add_for(activity, "has a processor with no name");
                } else if blank(&processor.activities) {
                    gaps.add_for(
                        activity,
                        &format!("does not say what {} does for you", processor.name.trim()),
                    );
                }
            }
        },
        "processors and other recipients are named (or the notice says there are none)",
    );

    let transfers_recorded = register.iter().any(|a| !a.transfers.is_empty());
    let transfers = if transfers_recorded {
        let mut gaps = Gaps::default();
        for activity in register {
            for transfer in &activity.transfers {
                let to = transfer.recipient.trim();
                if blank(&transfer.country) {
                    gaps.add_for(activity, &format!("does not say which country {to} is in"));
                }
                let mechanism = match &transfer.mechanism {
                    None => false,
                    Some(TransferMechanism::Other(text)) => !blank(text),
                    Some(_) => true,
                };
                if !mechanism {
                    gaps.add_for(
                        activity,
                        &format!("has no safeguard for the transfer to {to}"),
                    );
                }
            }
        }
        gaps.or_covered("each transfer names its country and safeguard")
    } else {
        Coverage::NotApplicable("no transfers outside the UK are recorded".to_owned())
    };

    let consent_used = all_bases().any(|b| matches!(b, LawfulBasis::Consent { .. }));
    let withdraw = if consent_used {
        per_activity(
            &|activity, gaps| {
                if activity.consent_is_stacked() {
                    gaps.add_for(
                        activity,
                        "relies on consent and on another basis at once, so withdrawing consent would change nothing",
                    );
                }
                for basis in &activity.lawful_bases {
                    if let LawfulBasis::Consent {
                        how_to_withdraw, ..
                    } = basis
                        && blank(how_to_withdraw)
                    {
                        gaps.add_for(activity, "does not say how to withdraw consent");
                    }
                }
            },
            "the notice gives the right to withdraw consent, and how",
        )
    } else {
        Coverage::NotApplicable("no purpose relies on consent".to_owned())
    };

    let marketing = register.iter().any(|a| a.direct_marketing.is_some());
    let rights = if marketing {
        let mut gaps = Gaps::default();
        for activity in register {
            if let Some(direct) = &activity.direct_marketing
                && blank(&direct.how_to_object)
            {
                gaps.add_for(
                    activity,
                    "is direct marketing but does not say how people object to it",
                );
            }
            if let Some(direct) = &activity.direct_marketing
                && let Some(problem) =
                    crate::domain::marketing::problems(&direct.channels, direct.ground.as_ref())
                        .into_iter()
                        .next()
            {
                gaps.add_for(
                    activity,
                    &format!("is direct marketing, and the notice cannot say how it may be sent: {problem}"),
                );
            }
        }
        gaps.or_covered(
            "each right is explained, and the right to object to direct marketing stands apart with how to use it",
        )
    } else {
        Coverage::Covered(
            "access, rectification, erasure, restriction, objection and portability are each explained".to_owned(),
        )
    };

    let regulator = &workspace.settings.regulator;
    let complain = if blank(&regulator.name)
        || (blank(&regulator.postal_address)
            && blank(&regulator.website)
            && blank(&regulator.helpline))
    {
        Coverage::missing(
            "the regulator's name and contact details are empty",
            Fix::Settings,
        )
    } else {
        Coverage::Covered(format!(
            "the {} is named with its contact details",
            regulator.name.trim()
        ))
    };

    let automated_recorded = register.iter().any(|a| a.automated_decisions.is_some());
    let automated = if automated_recorded {
        per_activity(
            &|activity, gaps| {
                if let Some(decisions) = &activity.automated_decisions
                    && (blank(&decisions.logic) || blank(&decisions.consequences))
                {
                    gaps.add_for(
                        activity,
                        "does not explain its automated decisions' logic and consequences",
                    );
                }
            },
            "each automated decision is explained",
        )
    } else {
        Coverage::NotApplicable("no automated decision-making is recorded".to_owned())
    };

    let mut items = vec![
        item(
            1,
            "Who you are and how to contact you",
            "Art. 13(1)(a) / 14(1)(a)",
            identity.or_covered("your name and contact details head the notice"),
        ),
        item(
            2,
            "Data protection officer",
            "Art. 13(1)(b) / 14(1)(b)",
            dpo,
        ),
        item(
            3,
            "Purposes and their lawful bases",
            "Art. 13(1)(c) / 14(1)(c)",
            per_activity(
                &|activity, gaps| {
                    if blank(&activity.purpose) {
                        gaps.add_for(activity, "has no purpose");
                    }
                    if activity.lawful_bases.is_empty() {
                        gaps.add_for(activity, "has no lawful basis");
                    }
                    for basis in &activity.lawful_bases {
                        match basis {
                            LawfulBasis::LegalObligation { law, .. } if blank(law) => {
                                gaps.add_for(
                                    activity,
                                    "relies on a legal obligation but does not name the law that obliges it",
                                );
                            }
                            LawfulBasis::RecognisedLegitimateInterest {
                                condition,
                                why_it_applies,
                            } if condition.is_none() || blank(why_it_applies) => {
                                gaps.add_for(
                                    activity,
                                    "relies on a recognised legitimate interest without its Annex 1 condition and why it applies",
                                );
                            }
                            _ => {}
                        }
                    }
                    let kinds = activity.basis_kinds();
                    for (index, kind) in kinds.iter().enumerate() {
                        if kinds[..index].contains(kind) {
                            gaps.add_for(
                                activity,
                                &format!(
                                    "lists {} twice: keep one",
                                    kind.to_string().to_lowercase()
                                ),
                            );
                        }
                    }
                    if let Some(special) = &activity.special_category
                        && blank(&special.article9_condition)
                    {
                        gaps.add_for(
                            activity,
                            "uses special category data without an Article 9 condition",
                        );
                    }
                },
                "each purpose has its lawful bases",
            ),
        ),
        item(
            4,
            "Legitimate interests pursued",
            "Art. 13(1)(d) / 14(2)(b)",
            interests,
        ),
        item(
            5,
            "Categories of personal data",
            "Art. 14(1)(d)",
            per_activity(
                &|activity, gaps| {
                    if activity.data_categories.iter().all(|c| blank(c)) {
                        gaps.add_for(activity, "lists no categories of personal data");
                    }
                },
                "each purpose lists the information it uses",
            ),
        ),
        item(6, "Recipients", "Art. 13(1)(e) / 14(1)(e)", recipients),
        item(
            7,
            "Transfers outside the UK",
            "Art. 13(1)(f) / 14(1)(f)",
            transfers,
        ),
        item(
            8,
            "How long data is kept",
            "Art. 13(2)(a) / 14(2)(a)",
            per_activity(
                &|activity, gaps| {
                    if activity.retention_statement().is_empty() {
                        gaps.add_for(activity, "has no retention statement");
                    } else if activity.retention.period.trim().is_empty() {
                        gaps.add_for(activity, "gives a reason but no period");
                    } else if activity.retention.is_vague() {
                        gaps.add_for(
                            activity,
                            &format!(
                                "says “{}”, which gives no period or criterion",
                                activity.retention.period.trim()
                            ),
                        );
                    }
                },
                "each purpose says how long, and why",
            ),
        ),
        item(
            9,
            "Data protection rights",
            "Art. 13(2)(b) / 14(2)(c) and 21(4)",
            rights,
        ),
        item(
            10,
            "Right to withdraw consent",
            "Art. 13(2)(c) / 14(2)(d)",
            withdraw,
        ),
        item(
            11,
            "Right to complain to the regulator",
            "Art. 13(2)(d) / 14(2)(e)",
            complain,
        ),
        item(
            12,
            "Where the data comes from",
            "Art. 14(2)(f)",
            per_activity(
                &|activity, gaps| {
                    if activity.sources.is_empty() {
                        gaps.add_for(activity, "does not say where its data comes from");
                    }
                },
                "each purpose names its sources",
            ),
        ),
        item(
            13,
            "Whether people must give the data, and what happens if not",
            "Art. 13(2)(e)",
            per_activity(
                &|activity, gaps| {
                    if activity.requirement != Requirement::NotRequired
                        && blank(&activity.if_not_provided)
                    {
                        gaps.add_for(
                            activity,
                            "requires the data but does not say what happens without it",
                        );
                    }
                },
                "each purpose says whether the data is required, and the consequences",
            ),
        ),
        item(
            14,
            "Automated decision-making",
            "Art. 13(2)(f) / 14(2)(g)",
            automated,
        ),
    ];
    example_text_gaps(register, &mut items);
    items
}

/// The item whose sentences a piece of the catalogue's example text would end up in
/// (or, for the records the notice does not print, the item they support): so every
/// unconfirmed example is a gap somewhere, and blocks the export.
fn item_for(field: PlaceholderField) -> u8 {
    match field {
        PlaceholderField::LegalObligationLaw => 3,
        PlaceholderField::InterestsPursued => 4,
        PlaceholderField::ProcessorName
        | PlaceholderField::ProcessorActivities
        | PlaceholderField::ProcessorContract
        | PlaceholderField::OtherRecipient => 6,
        PlaceholderField::RetentionPeriod | PlaceholderField::RetentionReason => 8,
        PlaceholderField::ConsentRecords => 10,
        PlaceholderField::Source => 12,
    }
}

/// Each piece of example text still standing, as a gap of its item.
fn example_text_gaps(register: &[ProcessingActivity], items: &mut [Item]) {
    for activity in register {
        for placeholder in activity.unconfirmed_placeholders() {
            let number = item_for(placeholder.field);
            let Some(item) = items.iter_mut().find(|item| item.number == number) else {
                continue;
            };
            let mut gaps = Gaps(
                match std::mem::replace(&mut item.coverage, Coverage::Missing(Vec::new())) {
                    Coverage::Missing(gaps) => gaps,
                    Coverage::Covered(_) | Coverage::NotApplicable(_) => Vec::new(),
                },
            );
            gaps.add_for(
                activity,
                &format!(
                    "still has example text from the starter catalogue in “{}”: “{}” — replace it with your own, or confirm it",
                    placeholder.field.label(),
                    placeholder.text.trim()
                ),
            );
            item.coverage = Coverage::Missing(gaps.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    fn example() -> Workspace {
        example_workspace(jiff::civil::date(2026, 11, 24))
    }

    fn missing(workspace: &Workspace) -> Vec<(u8, String, Fix)> {
        check(workspace)
            .into_iter()
            .filter_map(|item| match item.coverage {
                Coverage::Missing(gaps) => Some((
                    item.number,
                    gaps.iter()
                        .map(|gap| gap.reason.as_str())
                        .collect::<Vec<_>>()
                        .join("; "),
                    gaps[0].fix,
                )),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn the_example_shop_has_nothing_missing() {
        let items = check(&example());
        assert_eq!(items.len(), 14);
        assert_eq!(missing(&example()), vec![]);
        let numbers: Vec<u8> = items.iter().map(|i| i.number).collect();
        assert_eq!(numbers, (1..=14).collect::<Vec<_>>());
        // The example has no DPO and no automated decisions.
        assert!(matches!(items[1].coverage, Coverage::NotApplicable(_)));
        assert!(matches!(items[13].coverage, Coverage::NotApplicable(_)));
    }

    #[test]
    fn removing_a_retention_statement_names_the_activity() {
        let mut workspace = example();
        *workspace.register[3].retention = crate::domain::register::Retention::default();
        let id = workspace.register[3].id;
        assert_eq!(
            missing(&workspace),
            vec![(
                8,
                "“Service updates or marketing purposes” has no retention statement".to_owned(),
                Fix::Register(Some(id))
            )]
        );
    }

    #[test]
    fn removing_an_lia_is_a_missing_legitimate_interest() {
        let mut workspace = example();
        for basis in &mut workspace.register[2].lawful_bases {
            if let LawfulBasis::LegitimateInterests(lia) = basis {
                **lia = crate::domain::lia::Lia::default();
            }
        }
        let found = missing(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 4);
        assert!(found[0].1.contains("Prevent crime"), "{}", found[0].1);
    }

    #[test]
    fn a_shop_with_no_way_to_reach_it_is_a_missing_contact() {
        let mut workspace = example();
        workspace.organisation.email.clear();
        assert_eq!(
            missing(&workspace),
            vec![],
            "the phone and address still reach it"
        );
        workspace.organisation.phone.clear();
        workspace.organisation.address = crate::domain::organisation::PostalAddress::default();
        let found = missing(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 1);
        assert!(
            found[0].1.contains("no way to contact the shop"),
            "{}",
            found[0].1
        );
        assert_eq!(found[0].2, Fix::Organisation);
    }

    #[test]
    fn vague_retention_stacked_consent_and_placeholders_are_missing_items() {
        let mut workspace = example();
        workspace.register[0].retention.period = "As long as needed".to_owned();
        workspace.register[1]
            .lawful_bases
            .push(LawfulBasis::Consent {
                how_obtained: "A box".into(),
                wording: "Yes".into(),
                how_to_withdraw: "Email us".into(),
                records_kept_at: "Log".into(),
            });
        let business = crate::domain::catalogue::business_type("online-shop").expect("kind");
        workspace.add_catalogue_activities(business);
        let found = missing(&workspace);
        let item = |n: u8| {
            found
                .iter()
                .find(|m| m.0 == n)
                .map(|m| m.1.clone())
                .unwrap_or_default()
        };
        assert!(
            item(8).contains("“As long as needed”, which gives no period"),
            "{found:?}"
        );
        assert!(
            item(10).contains("withdrawing consent would change nothing"),
            "{found:?}"
        );
        assert!(item(6).contains("“Your courier”"), "{found:?}");
        assert!(item(4).contains("questions to answer"), "{found:?}");
    }

    #[test]
    fn a_second_assessment_a_bare_recognised_interest_and_a_bad_website_are_gaps() {
        use crate::domain::register::RecognisedCondition;
        let mut workspace = example();
        workspace.register[2]
            .lawful_bases
            .push(LawfulBasis::LegitimateInterests(Box::default()));
        let found = missing(&workspace);
        let numbers: Vec<u8> = found.iter().map(|m| m.0).collect();
        assert_eq!(numbers, [3, 4], "{found:?}");
        assert!(
            found[0].1.contains("lists legitimate interests twice"),
            "{found:?}"
        );

        let mut workspace = example();
        workspace.register[2]
            .lawful_bases
            .push(LawfulBasis::RecognisedLegitimateInterest {
                condition: Some(RecognisedCondition::CrimePrevention),
                why_it_applies: String::new(),
            });
        let found = missing(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("Annex 1"), "{found:?}");

        let mut workspace = example();
        workspace.organisation.website = "javascript:alert(1)".to_owned();
        let found = missing(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].2), (1, Fix::Organisation));
        assert!(found[0].1.starts_with("Website:"), "{found:?}");
    }

    #[test]
    fn an_assessment_that_cannot_rely_says_choose_another_basis() {
        let mut workspace = example();
        for basis in &mut workspace.register[2].lawful_bases {
            if let LawfulBasis::LegitimateInterests(lia) = basis {
                lia.outcome = crate::domain::lia::Outcome::CannotRely;
            }
        }
        let found = missing(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("choose another basis"), "{found:?}");
    }

    #[test]
    fn marketing_without_a_way_to_object_is_a_missing_right() {
        let mut workspace = example();
        if let Some(direct) = &mut workspace.register[3].direct_marketing {
            direct.how_to_object.clear();
        }
        let found = missing(&workspace);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 9);
    }

    #[test]
    fn an_empty_workspace_sends_the_user_to_the_register_and_organisation() {
        let found = missing(&Workspace::default());
        let numbers: Vec<u8> = found.iter().map(|m| m.0).collect();
        assert_eq!(numbers, [1, 3, 5, 6, 8, 12, 13]);
    }
}
