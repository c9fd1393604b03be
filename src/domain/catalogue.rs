//! The starter catalogue: for each kind of small business, the activities it almost
//! certainly has, with realistic processors and retention, to edit rather than write
//! from a blank page. The content is data (`assets/catalogue.json`), not code.
//!
//! Legitimate-interests bases come with a suggested statement of the interests but an
//! undecided assessment: the shop must still do the test itself.

use std::sync::OnceLock;

use serde::Deserialize;

use super::{
    ids::IdAllocator,
    register::{
        LawfulBasis, ProcessingActivity, Processor, Requirement, Retention, Source,
        SpecialCategoryData, Transfer,
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
}

impl ActivityTemplate {
    pub fn instantiate(&self, ids: &mut IdAllocator) -> ProcessingActivity {
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
        activity.retention = self.retention.clone();
        activity
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BusinessType {
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

#[cfg(test)]
mod tests {
    use super::*;

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
                "Digital downloads / 3D models",
                "Café or restaurant",
                "Hair and beauty salon",
                "Tradesperson",
                "Consultant or freelancer"
            ]
        );
        assert_eq!(business_types().len(), 6);
    }

    #[test]
    fn every_template_is_complete_but_for_decisions_only_the_shop_can_make() {
        let mut ids = IdAllocator::default();
        for business in business_types() {
            assert!(business.activities.len() >= 3, "{}", business.name);
            for template in &business.activities {
                let activity = template.instantiate(&mut ids);
                assert!(
                    !activity.processors.is_empty() || !activity.other_recipients.is_empty(),
                    "{}",
                    activity.purpose
                );
                for issue in activity.issues() {
                    assert_eq!(
                        issue.field,
                        crate::domain::register::field::LIA,
                        "{}: only the LIA is left to the shop: {issue}",
                        business.name
                    );
                }
            }
        }
    }
}
