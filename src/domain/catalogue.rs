//! The starter catalogue: for each kind of small business, the activities it almost
//! certainly has, with realistic processors and retention, to edit rather than write
//! from a blank page. The content is data (`assets/catalogue.json`), not code.
//!
//! Legitimate-interests bases come with a suggested statement of the interests and
//! suggested answers to the ICO's questions, kept as drafts the shop must adopt or
//! rewrite, and an undecided assessment: the shop must still do the test itself.
//!
//! Text the shop must replace or confirm is written `{{like this}}` in the file: the
//! braces go, and the activity remembers it as a [`Placeholder`] until the shop edits or
//! confirms it (a processor called "Your courier" is not a processor).

use std::sync::OnceLock;

use serde::Deserialize;

use super::{
    ids::IdAllocator,
    organisation::Nation,
    register::{
        DirectMarketing, DpiaScreening, LawfulBasis, Placeholder, PlaceholderField,
        ProcessingActivity, Processor, Requirement, Retention, Source, SpecialCategoryData,
        Transfer,
    },
};

const CATALOGUE: &str = include_str!("../../assets/catalogue.json");

/// An activity as the catalogue describes it: everything but an id.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActivityTemplate {
    pub purpose: String,
    pub business_function: String,
    pub individuals: Vec<String>,
    pub data_categories: Vec<String>,
    pub special_category: Option<SpecialCategoryData>,
    pub sources: Vec<Source>,
    pub requirement: Requirement,
    pub if_not_provided: String,
    pub lawful_bases: Vec<LawfulBasis>,
    pub processors: Vec<Processor>,
    pub other_recipients: Vec<String>,
    pub transfers: Vec<Transfer>,
    pub retention: Retention,
    pub direct_marketing: Option<DirectMarketing>,
    /// The signs of high risk the activity always has (CCTV is systematic monitoring),
    /// ticked for the shop to see; the screening date is the shop's.
    pub dpia: DpiaScreening,
}

/// `text` without its `{{…}}` marker, and whether it had one.
fn unmark(text: &str) -> (String, bool) {
    let trimmed = text.trim();
    match trimmed
        .strip_prefix("{{")
        .and_then(|rest| rest.strip_suffix("}}"))
    {
        Some(inner) => (inner.trim().to_owned(), true),
        None => (text.to_owned(), false),
    }
}

/// Takes the marker off `text`, noting a placeholder for `field` when there was one.
fn take_marker(text: &mut String, field: PlaceholderField, found: &mut Vec<Placeholder>) {
    let (clean, marked) = unmark(text);
    if marked {
        *text = clean;
        let placeholder = Placeholder {
            field,
            text: text.clone(),
        };
        if !found.contains(&placeholder) {
            found.push(placeholder);
        }
    }
}

/// The time limit for claims where the shop trades (facts §9 and §3.1b): 6 years in
/// England and Wales and in Northern Ireland, 5 years' prescription in Scotland — with
/// the law that sets it.
pub fn limitation(nation: Nation) -> (&'static str, &'static str) {
    match nation {
        Nation::EnglandAndWales => ("6 years", "Limitation Act 1980"),
        Nation::NorthernIreland => ("6 years", "Limitation (Northern Ireland) Order 1989"),
        Nation::Scotland => ("5 years", "Prescription and Limitation (Scotland) Act 1973"),
    }
}

/// `text` with the catalogue's `{limitation}` and `{limitation_law}` filled in.
fn with_limitation(text: &str, nation: Nation) -> String {
    let (period, law) = limitation(nation);
    text.replace("{limitation_law}", law)
        .replace("{limitation}", period)
}

/// Notes unmarked catalogue text in `field` as example text to confirm.
fn note_example(text: &str, field: PlaceholderField, found: &mut Vec<Placeholder>) {
    let placeholder = Placeholder {
        field,
        text: text.trim().to_owned(),
    };
    if !placeholder.text.is_empty() && !found.contains(&placeholder) {
        found.push(placeholder);
    }
}

impl ActivityTemplate {
    /// A register activity from this template, under a new id, its example text marked
    /// as placeholders and its time limit for claims the one of the shop's `nation`.
    pub fn instantiate(&self, ids: &mut IdAllocator, nation: Nation) -> ProcessingActivity {
        let mut activity = ProcessingActivity::new(ids.activity(), self.purpose.clone());
        activity.business_function = self.business_function.clone();
        activity.individuals = self.individuals.clone();
        activity.data_categories = self.data_categories.clone();
        activity.special_category = self.special_category.clone();
        activity.sources = self.sources.clone();
        activity.requirement = self.requirement;
        activity.if_not_provided = self.if_not_provided.clone();
        activity.lawful_bases = self.lawful_bases.clone();
        activity.processors = self.processors.clone();
        activity.other_recipients = self.other_recipients.clone();
        activity.transfers = self.transfers.clone();
        *activity.retention = Retention {
            period: with_limitation(&self.retention.period, nation),
            reason: with_limitation(&self.retention.reason, nation),
        };
        activity.direct_marketing = self.direct_marketing.clone().map(Box::new);
        *activity.dpia = self.dpia.clone();

        let mut found = Vec::new();
        for processor in &mut activity.processors {
            take_marker(
                &mut processor.name,
                PlaceholderField::ProcessorName,
                &mut found,
            );
            take_marker(
                &mut processor.activities,
                PlaceholderField::ProcessorActivities,
                &mut found,
            );
            take_marker(
                &mut processor.contract_reference,
                PlaceholderField::ProcessorContract,
                &mut found,
            );
        }
        for recipient in &mut activity.other_recipients {
            take_marker(recipient, PlaceholderField::OtherRecipient, &mut found);
        }
        take_marker(
            &mut activity.retention.period,
            PlaceholderField::RetentionPeriod,
            &mut found,
        );
        take_marker(
            &mut activity.retention.reason,
            PlaceholderField::RetentionReason,
            &mut found,
        );
        for basis in &mut activity.lawful_bases {
            match basis {
                LawfulBasis::Consent {
                    records_kept_at, ..
                } => take_marker(
                    records_kept_at,
                    PlaceholderField::ConsentRecords,
                    &mut found,
                ),
                // Published as the shop's word, yet only the shop knows whether the law
                // binds it (VAT registration, a trade scheme) and what it pursues.
                LawfulBasis::LegalObligation { law, .. } => {
                    note_example(law, PlaceholderField::LegalObligationLaw, &mut found);
                }
                LawfulBasis::LegitimateInterests(lia) => note_example(
                    &lia.interests_pursued,
                    PlaceholderField::InterestsPursued,
                    &mut found,
                ),
                _ => {}
            }
        }
        for source in &activity.sources {
            if *source != Source::DirectlyFromThePerson {
                note_example(source.label(), PlaceholderField::Source, &mut found);
            }
        }
        activity.placeholders = found;
        activity
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessType {
    /// A stable kebab-case name for scripts: `smallprint new --business KIND`.
    pub kind: String,
    pub name: String,
    pub description: String,
    pub activities: Vec<ActivityTemplate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    business_types: Vec<BusinessType>,
}

/// The business types, in the order offered. Empty only if the shipped file were
/// broken, which a test rules out.
pub fn business_types() -> &'static [BusinessType] {
    static TYPES: OnceLock<Vec<BusinessType>> = OnceLock::new();
    TYPES.get_or_init(|| {
        serde_json::from_str::<Catalogue>(CATALOGUE)
            .map(|c| c.business_types)
            .unwrap_or_default()
    })
}

/// The business type whose [`BusinessType::kind`] is `kind`.
pub fn business_type(kind: &str) -> Option<&'static BusinessType> {
    business_types()
        .iter()
        .find(|business| business.kind.eq_ignore_ascii_case(kind.trim()))
}

/// Where a starter activity is in the catalogue: its business type, then the activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateAt {
    pub business: usize,
    pub activity: usize,
}

impl TemplateAt {
    pub fn template(self) -> Option<&'static ActivityTemplate> {
        business_types()
            .get(self.business)?
            .activities
            .get(self.activity)
    }
}

/// The starter activities of every business type whose purpose, business type or data
/// categories contain every word of `query` (any case); all of them for an empty one.
/// A shop that fits two kinds (a print studio taking commissions) finds both kinds'.
pub fn find(query: &str) -> Vec<TemplateAt> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut found = Vec::new();
    for (business_index, business) in business_types().iter().enumerate() {
        for (activity_index, template) in business.activities.iter().enumerate() {
            let haystack = std::iter::once(template.purpose.as_str())
                .chain([business.name.as_str(), template.business_function.as_str()])
                .chain(template.data_categories.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join("\n")
                .to_lowercase();
            if words.iter().all(|word| haystack.contains(word)) {
                found.push(TemplateAt {
                    business: business_index,
                    activity: activity_index,
                });
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_searches_every_kind_by_every_word() {
        let everything: usize = business_types().iter().map(|b| b.activities.len()).sum();
        assert_eq!(find("").len(), everything);
        assert_eq!(find("   ").len(), everything);
        // Every kind keeps accounts: one hit per kind.
        let accounts = find("ACCOUNTS tax");
        assert_eq!(accounts.len(), business_types().len(), "{accounts:?}");
        // A word from one kind's name finds that kind's activities only.
        let cafe = find("café");
        assert!(!cafe.is_empty());
        assert!(
            cafe.iter()
                .all(|at| business_types()[at.business].name.contains("Café"))
        );
        // Two words must both match.
        let commissions = find("commissioned photos");
        assert!(commissions.iter().all(|at| {
            at.template()
                .is_some_and(|t| t.purpose.to_lowercase().contains("commissioned"))
        }));
        assert!(!commissions.is_empty());
        assert!(find("zzz-nothing-like-this").is_empty());
    }

    use crate::domain::register::{BasisKind, field};

    #[test]
    fn the_catalogue_parses_and_covers_the_six_business_types() {
        let catalogue: Catalogue = serde_json::from_str(CATALOGUE).expect("catalogue parses");
        let names: Vec<&str> = catalogue
            .business_types
            .iter()
            .map(|b| b.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "Online shop (physical goods)",
                "Digital downloads / 3D or design studio",
                "Café or restaurant",
                "Hair and beauty salon",
                "Tradesperson",
                "Consultant or freelancer"
            ]
        );
        assert_eq!(business_types().len(), 6);
    }

    #[test]
    fn kinds_are_stable_kebab_case_names() {
        // Scripts use these (`smallprint new --business KIND`): changing one breaks them.
        let kinds: Vec<&str> = business_types().iter().map(|b| b.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "online-shop",
                "digital-downloads-3d-studio",
                "cafe-or-restaurant",
                "hair-and-beauty-salon",
                "tradesperson",
                "consultant-or-freelancer"
            ]
        );
        for kind in kinds {
            assert!(
                kind.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{kind}"
            );
            assert_eq!(business_type(kind).map(|b| b.kind.as_str()), Some(kind));
        }
        assert_eq!(
            business_type(" Online-Shop ").map(|b| b.kind.as_str()),
            Some("online-shop")
        );
        assert!(business_type("florist").is_none());
    }

    #[test]
    fn every_template_is_complete_but_for_decisions_only_the_shop_can_make() {
        let mut ids = IdAllocator::default();
        let placeholder_fields = [
            field::PROCESSOR,
            field::PROCESSOR_ACTIVITIES,
            field::PROCESSOR_CONTRACT,
            field::OTHER_RECIPIENTS,
            field::RETENTION,
            field::CONSENT_RECORDS,
            field::SOURCES,
            field::LAW,
            field::INTERESTS_PURSUED,
        ];
        for business in business_types() {
            assert!(business.activities.len() >= 3, "{}", business.name);
            for template in &business.activities {
                let activity = template.instantiate(&mut ids, Nation::default());
                assert!(
                    !activity.processors.is_empty() || !activity.other_recipients.is_empty(),
                    "{}",
                    activity.purpose
                );
                let placeholders = activity.unconfirmed_placeholders().len();
                let mut placeholder_issues = 0;
                for issue in activity.issues() {
                    if placeholder_fields.contains(&issue.field)
                        && issue.message.contains("“")
                        && (issue.message.contains("example text")
                            || issue.message.contains("a reminder"))
                    {
                        placeholder_issues += 1;
                        continue;
                    }
                    // A DPIA screening (and the DPIA CCTV needs) is the shop's to do, and
                    // so is the ground its marketing emails rest on (consent or the soft
                    // opt-in: only the shop knows how it got the addresses).
                    if issue.field == field::DPIA || issue.field == field::MARKETING_GROUND {
                        continue;
                    }
                    assert_eq!(
                        issue.field,
                        field::LIA,
                        "{}: only the LIA and example text are left to the shop: {issue}",
                        business.name
                    );
                }
                assert_eq!(placeholder_issues, placeholders, "{}", activity.purpose);
                assert!(!activity.consent_is_stacked(), "{}", activity.purpose);
                assert!(!activity.retention.is_vague(), "{}", activity.purpose);
                let json = serde_json::to_string(&activity).expect("json");
                assert!(!json.contains("{{") && !json.contains("}}"), "{json}");
            }
        }
    }

    #[test]
    fn every_placeholder_names_example_text_and_processors_are_never_real_companies() {
        let mut ids = IdAllocator::default();
        for business in business_types() {
            for template in &business.activities {
                let activity = template.instantiate(&mut ids, Nation::default());
                for processor in &activity.processors {
                    assert!(
                        activity
                            .unconfirmed_placeholders()
                            .iter()
                            .any(|p| p.text == processor.name),
                        "{}: processor “{}” must be example text to replace",
                        activity.purpose,
                        processor.name
                    );
                }
            }
        }
    }

    #[test]
    fn each_legitimate_interest_comes_with_a_draft_for_every_required_question() {
        let mut ids = IdAllocator::default();
        let mut assessed = 0;
        for business in business_types() {
            for template in &business.activities {
                let activity = template.instantiate(&mut ids, Nation::default());
                let Some(lia) = activity.lia() else { continue };
                assessed += 1;
                assert!(lia.answers.is_empty(), "drafts, never answers");
                for question in lia.unanswered() {
                    assert!(
                        lia.draft_for(question.id).is_some(),
                        "{}: no draft for “{}”",
                        activity.purpose,
                        question.text
                    );
                }
                for id in lia.drafts.keys() {
                    assert!(crate::domain::lia::question(id).is_some(), "{id}");
                }
                assert!(
                    !lia.interests_pursued.contains("PECR"),
                    "customer-facing text without jargon: {}",
                    lia.interests_pursued
                );
            }
        }
        assert!(assessed >= 6, "{assessed}");
    }

    #[test]
    fn the_accountant_is_a_recipient_and_a_studio_has_commissions_from_uploads() {
        let mut ids = IdAllocator::default();
        for business in business_types() {
            for template in &business.activities {
                let activity = template.instantiate(&mut ids, Nation::default());
                assert!(
                    activity
                        .processors
                        .iter()
                        .all(|p| !p.name.to_lowercase().contains("accountant")),
                    "{}: an accountant is a controller, not a processor",
                    business.name
                );
                if activity.purpose == "Keep accounts and tax records" {
                    assert!(
                        activity
                            .other_recipients
                            .iter()
                            .any(|r| r.contains("accountant"))
                    );
                }
                if activity.direct_marketing.is_some() {
                    assert!(
                        activity.basis_kinds() == [BasisKind::Consent]
                            || activity.basis_kinds() == [BasisKind::LegitimateInterests]
                    );
                }
            }
        }
        let studio = business_type("digital-downloads-3d-studio").expect("studio");
        let commissions = studio
            .activities
            .iter()
            .find(|a| a.purpose.contains("commissioned"))
            .expect("commissions from customers' uploads");
        assert!(
            commissions
                .data_categories
                .iter()
                .any(|c| c.contains("Photographs"))
        );
        assert!(
            commissions
                .data_categories
                .iter()
                .any(|c| c.contains("Files, models"))
        );
    }
}
