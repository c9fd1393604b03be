//! The processing register (UK GDPR Art. 30): one activity per purpose, with its lawful
//! bases and their written justifications.
//!
//! The privacy notice, the supplementary information in a subject-access reply, the CSV
//! register and the completeness checks are all derived from these records.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ids::ActivityId, lia::Lia};

/// An Art. 6(1) lawful basis with the record that justifies relying on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "basis", rename_all = "kebab-case", deny_unknown_fields)]
pub enum LawfulBasis {
    /// Art. 6(1)(a).
    Consent {
        /// How and where consent is asked for (a checkbox at checkout…).
        how_obtained: String,
        /// The words people agree to.
        wording: String,
        /// How people withdraw it ("unsubscribe link in every email").
        how_to_withdraw: String,
        /// Where the records of consent are kept.
        records_kept_at: String,
    },
    /// Art. 6(1)(b): which contract or terms.
    Contract { contract: String },
    /// Art. 6(1)(c): which law, and what it requires.
    LegalObligation { law: String, requirement: String },
    /// Art. 6(1)(d).
    VitalInterests { justification: String },
    /// Art. 6(1)(e).
    PublicTask { justification: String },
    /// Art. 6(1)(f), with its assessment.
    LegitimateInterests(Box<Lia>),
}

/// The six bases without their records, for choosing and listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BasisKind {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

impl BasisKind {
    pub const ALL: [BasisKind; 6] = [
        BasisKind::Consent,
        BasisKind::Contract,
        BasisKind::LegalObligation,
        BasisKind::VitalInterests,
        BasisKind::PublicTask,
        BasisKind::LegitimateInterests,
    ];

    /// An empty record of this basis, for the form to fill.
    pub fn blank(self) -> LawfulBasis {
        match self {
            BasisKind::Consent => LawfulBasis::Consent {
                how_obtained: String::new(),
                wording: String::new(),
                how_to_withdraw: String::new(),
                records_kept_at: String::new(),
            },
            BasisKind::Contract => LawfulBasis::Contract {
                contract: String::new(),
            },
            BasisKind::LegalObligation => LawfulBasis::LegalObligation {
                law: String::new(),
                requirement: String::new(),
            },
            BasisKind::VitalInterests => LawfulBasis::VitalInterests {
                justification: String::new(),
            },
            BasisKind::PublicTask => LawfulBasis::PublicTask {
                justification: String::new(),
            },
            BasisKind::LegitimateInterests => LawfulBasis::LegitimateInterests(Box::default()),
        }
    }

    /// "Art. 6(1)(f)".
    pub fn article(self) -> &'static str {
        match self {
            BasisKind::Consent => "Art. 6(1)(a)",
            BasisKind::Contract => "Art. 6(1)(b)",
            BasisKind::LegalObligation => "Art. 6(1)(c)",
            BasisKind::VitalInterests => "Art. 6(1)(d)",
            BasisKind::PublicTask => "Art. 6(1)(e)",
            BasisKind::LegitimateInterests => "Art. 6(1)(f)",
        }
    }
}

impl fmt::Display for BasisKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            BasisKind::Consent => "Consent",
            BasisKind::Contract => "Contract",
            BasisKind::LegalObligation => "Legal obligation",
            BasisKind::VitalInterests => "Vital interests",
            BasisKind::PublicTask => "Public task",
            BasisKind::LegitimateInterests => "Legitimate interests",
        })
    }
}

impl LawfulBasis {
    pub fn kind(&self) -> BasisKind {
        match self {
            LawfulBasis::Consent { .. } => BasisKind::Consent,
            LawfulBasis::Contract { .. } => BasisKind::Contract,
            LawfulBasis::LegalObligation { .. } => BasisKind::LegalObligation,
            LawfulBasis::VitalInterests { .. } => BasisKind::VitalInterests,
            LawfulBasis::PublicTask { .. } => BasisKind::PublicTask,
            LawfulBasis::LegitimateInterests(_) => BasisKind::LegitimateInterests,
        }
    }
}

/// Where the data comes from (Art. 14(2)(f) when not from the person).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Source {
    DirectlyFromThePerson,
    SuppliersAndServiceProviders,
    PubliclyAvailable,
    Other(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::DirectlyFromThePerson => f.write_str("Directly from the person"),
            Source::SuppliersAndServiceProviders => f.write_str("Suppliers and service providers"),
            Source::PubliclyAvailable => f.write_str("Publicly available sources"),
            Source::Other(text) => f.write_str(text),
        }
    }
}

/// Whether people must provide the data, and what happens if not (Art. 13(2)(e)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    #[default]
    NotRequired,
    Statutory,
    Contractual,
    NeededToEnterAContract,
}

/// A processor: someone who handles the data on the shop's behalf.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Processor {
    pub name: String,
    /// What it does for the shop, as the notice says it.
    pub activities: String,
    /// The contract or terms in place, or where to find them.
    pub contract_reference: String,
}

/// How a transfer outside the UK is made lawful.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum TransferMechanism {
    UkAdequacyRegulations,
    /// The International Data Transfer Agreement.
    Idta,
    /// The UK Addendum to the EU standard contractual clauses.
    UkAddendum,
    Other(String),
}

impl fmt::Display for TransferMechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransferMechanism::UkAdequacyRegulations => f.write_str("UK adequacy regulations"),
            TransferMechanism::Idta => {
                f.write_str("The International Data Transfer Agreement (IDTA)")
            }
            TransferMechanism::UkAddendum => {
                f.write_str("The UK Addendum to the EU standard contractual clauses")
            }
            TransferMechanism::Other(text) => f.write_str(text),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    pub recipient: String,
    pub country: String,
    pub mechanism: Option<TransferMechanism>,
}

/// Special category data and the conditions that allow it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecialCategoryData {
    /// E.g. "Health information".
    pub categories: Vec<String>,
    /// The Art. 9(2) condition.
    pub article9_condition: String,
    /// The DPA 2018 Schedule 1 condition, where one is needed.
    pub schedule1_condition: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AutomatedDecisions {
    pub logic: String,
    pub consequences: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dpia {
    #[default]
    NotNeeded,
    Needed,
    Done,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// "6 years".
    pub period: String,
    /// "VAT records (HMRC)".
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessingActivity {
    pub id: ActivityId,
    /// Why the data is used, in the words the notice will print,
    /// e.g. "Provide goods and services, including delivery".
    pub purpose: String,
    pub business_function: String,
    pub description: String,
    /// Categories of individuals: customers, suppliers, staff, website visitors…
    pub individuals: Vec<String>,
    /// Categories of personal data, in the ICO generator's labels where they fit.
    pub data_categories: Vec<String>,
    pub special_category: Option<SpecialCategoryData>,
    pub criminal_offence_data: bool,
    pub sources: Vec<Source>,
    pub requirement: Requirement,
    /// What happens if people do not provide the data.
    pub if_not_provided: String,
    pub lawful_bases: Vec<LawfulBasis>,
    pub processors: Vec<Processor>,
    /// Other recipients, by category ("Professional or legal advisors").
    pub other_recipients: Vec<String>,
    pub transfers: Vec<Transfer>,
    pub retention: Retention,
    pub security_measures: String,
    pub automated_decisions: Option<AutomatedDecisions>,
    pub dpia: Dpia,
    /// Where the data is held ("Shopify; accountant's system; laptop").
    pub location: String,
    pub review_on: Option<Date>,
}

impl ProcessingActivity {
    /// An activity with only its purpose filled in.
    pub fn new(id: ActivityId, purpose: impl Into<String>) -> Self {
        Self {
            id,
            purpose: purpose.into(),
            business_function: String::new(),
            description: String::new(),
            individuals: Vec::new(),
            data_categories: Vec::new(),
            special_category: None,
            criminal_offence_data: false,
            sources: Vec::new(),
            requirement: Requirement::default(),
            if_not_provided: String::new(),
            lawful_bases: Vec::new(),
            processors: Vec::new(),
            other_recipients: Vec::new(),
            transfers: Vec::new(),
            retention: Retention::default(),
            security_measures: String::new(),
            automated_decisions: None,
            dpia: Dpia::default(),
            location: String::new(),
            review_on: None,
        }
    }

    pub fn basis_kinds(&self) -> Vec<BasisKind> {
        self.lawful_bases.iter().map(LawfulBasis::kind).collect()
    }

    /// The legitimate-interests assessment, if legitimate interests is a basis.
    pub fn lia(&self) -> Option<&Lia> {
        self.lawful_bases.iter().find_map(|basis| match basis {
            LawfulBasis::LegitimateInterests(lia) => Some(lia.as_ref()),
            _ => None,
        })
    }

    /// "6 years — VAT records (HMRC)".
    pub fn retention_statement(&self) -> String {
        match (self.retention.period.trim(), self.retention.reason.trim()) {
            ("", "") => String::new(),
            (period, "") => period.to_owned(),
            ("", reason) => reason.to_owned(),
            (period, reason) => format!("{period} — {reason}"),
        }
    }
}

/// The ICO privacy-notice generator's data-category labels (facts §3.2), offered so
/// notices use the words people recognise; free text is always allowed too.
pub const ICO_DATA_CATEGORIES: &[&str] = &[
    "Names and contact details",
    "Addresses",
    "Gender",
    "Occupation",
    "Date of birth",
    "Payment details (including card or bank information for transfers and direct debits)",
    "Transaction data (including details about payments to and from you and details of products and services you have purchased)",
    "Usage data (including information about how you interact with and use our website, products and services)",
    "Purchase or account history",
    "Purchase or service history",
    "Account information, including registration details",
    "Account access information",
    "Information used for security purposes",
    "Marketing preferences",
    "Technical data, including information about browser and operating systems",
    "Location data",
    "IP addresses",
    "Website and app user journey information",
    "Records of consent, where appropriate",
    "Information relating to compliments or complaints",
    "Customer or client accounts and records",
    "Records of meetings and decisions",
    "Profile information",
    "Photographs",
    "Video recordings",
    "Audio recordings (eg calls)",
];

/// Categories of individuals a small shop usually has.
pub const COMMON_INDIVIDUALS: &[&str] = &[
    "Customers",
    "Prospective customers",
    "Newsletter subscribers",
    "Website visitors",
    "Suppliers",
    "Staff",
    "Job applicants",
    "Members of the public",
];

/// Other recipients, in the generator's words.
pub const COMMON_RECIPIENTS: &[&str] = &[
    "Organisations we're legally obliged to share personal information with",
    "Suppliers and service providers",
    "Professional or legal advisors",
    "Regulatory authorities",
    "External auditors or inspectors",
    "Publicly on our website, social media or other marketing and information media",
];

/// Field labels of the activity editor, shared with the problems it reports.
pub mod field {
    pub const PURPOSE: &str = "Purpose";
    pub const INDIVIDUALS: &str = "Categories of individuals";
    pub const DATA: &str = "Categories of personal data";
    pub const BASES: &str = "Lawful bases";
    pub const RETENTION: &str = "Retention";
    pub const LIA: &str = "Legitimate interests assessment";
    pub const CONSENT_WITHDRAWAL: &str = "How to withdraw consent";
    pub const ARTICLE9: &str = "Article 9 condition";
    pub const TRANSFERS: &str = "International transfers";
    pub const SOURCES: &str = "Sources";
}

impl ProcessingActivity {
    /// How problems name this activity: by its purpose, or its id when it has none.
    pub fn record_name(&self) -> String {
        let purpose = self.purpose.trim();
        if purpose.is_empty() {
            format!("Activity {}", self.id.0)
        } else {
            format!("Activity “{purpose}”")
        }
    }

    /// Every problem that would make the register, the notice or a reply incomplete.
    pub fn issues(&self) -> Vec<super::validate::FieldIssue> {
        let mut issues = Vec::new();
        let record = self.record_name();
        let mut problem = |field: &'static str, message: String| {
            issues.push(super::validate::FieldIssue {
                record: record.clone(),
                field,
                message,
            });
        };
        let blank = |items: &[String]| items.iter().all(|item| item.trim().is_empty());
        if self.purpose.trim().is_empty() {
            problem(
                field::PURPOSE,
                "required: what the data is used for".to_owned(),
            );
        }
        if blank(&self.individuals) {
            problem(
                field::INDIVIDUALS,
                "name at least one, such as customers".to_owned(),
            );
        }
        if blank(&self.data_categories) {
            problem(
                field::DATA,
                "name at least one, such as names and contact details".to_owned(),
            );
        }
        if self.lawful_bases.is_empty() {
            problem(field::BASES, "choose at least one lawful basis".to_owned());
        }
        if self.retention_statement().is_empty() {
            problem(
                field::RETENTION,
                "say how long the data is kept, and why".to_owned(),
            );
        }
        for basis in &self.lawful_bases {
            match basis {
                LawfulBasis::LegitimateInterests(lia) => {
                    let gaps = lia.gaps();
                    if !gaps.is_empty() {
                        problem(field::LIA, format!("incomplete: {}", gaps.join("; ")));
                    }
                }
                LawfulBasis::Consent {
                    how_to_withdraw, ..
                } if how_to_withdraw.trim().is_empty() => {
                    problem(
                        field::CONSENT_WITHDRAWAL,
                        "consent needs a way to withdraw it".to_owned(),
                    );
                }
                _ => {}
            }
        }
        if let Some(special) = &self.special_category
            && special.article9_condition.trim().is_empty()
        {
            problem(
                field::ARTICLE9,
                "special category data needs an Article 9 condition".to_owned(),
            );
        }
        for transfer in &self.transfers {
            let has_mechanism = match &transfer.mechanism {
                None => false,
                Some(TransferMechanism::Other(text)) => !text.trim().is_empty(),
                Some(_) => true,
            };
            if !has_mechanism {
                let to = if transfer.recipient.trim().is_empty() {
                    "a recipient"
                } else {
                    transfer.recipient.trim()
                };
                problem(
                    field::TRANSFERS,
                    format!("the transfer to {to} needs a mechanism, such as the IDTA"),
                );
            }
        }
        if self.sources.is_empty() {
            problem(field::SOURCES, "say where the data comes from".to_owned());
        } else if self
            .sources
            .iter()
            .any(|s| matches!(s, Source::Other(text) if text.trim().is_empty()))
        {
            problem(field::SOURCES, "describe the other source".to_owned());
        }
        issues
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lia::{Outcome, QUESTIONS};

    pub(crate) fn complete_lia() -> Lia {
        let mut lia = Lia::default();
        for question in QUESTIONS {
            lia.answers
                .insert(question.id.to_owned(), "Considered.".to_owned());
        }
        lia.interests_pursued = "Telling customers about new models.".to_owned();
        lia.completed_by = "Morwenna Tallis".to_owned();
        lia.completed_on = Some(jiff::civil::date(2026, 2, 2));
        lia.outcome = Outcome::CanRely;
        lia
    }

    fn valid() -> ProcessingActivity {
        let mut activity =
            ProcessingActivity::new(ActivityId(7), "Service updates or marketing purposes");
        activity.individuals = vec!["Customers".into()];
        activity.data_categories = vec!["Names and contact details".into()];
        activity.lawful_bases = vec![LawfulBasis::LegitimateInterests(Box::new(complete_lia()))];
        activity.retention = Retention {
            period: "2 years after the last order".into(),
            reason: "marketing relevance".into(),
        };
        activity.sources = vec![Source::DirectlyFromThePerson];
        activity
    }

    #[test]
    fn a_complete_activity_has_no_problems() {
        assert_eq!(valid().issues(), vec![]);
        assert_eq!(
            valid().retention_statement(),
            "2 years after the last order — marketing relevance"
        );
    }

    #[test]
    fn each_rule_fails_alone_naming_the_activity_and_field() {
        type Spoil = fn(&mut ProcessingActivity);
        let cases: [(Spoil, &str); 10] = [
            (|a| a.purpose = " ".into(), field::PURPOSE),
            (|a| a.individuals.clear(), field::INDIVIDUALS),
            (|a| a.data_categories = vec![String::new()], field::DATA),
            (|a| a.lawful_bases.clear(), field::BASES),
            (|a| a.retention = Retention::default(), field::RETENTION),
            (
                |a| {
                    if let Some(LawfulBasis::LegitimateInterests(lia)) = a.lawful_bases.first_mut()
                    {
                        lia.outcome = Outcome::NotDecided;
                    }
                },
                field::LIA,
            ),
            (
                |a| {
                    a.lawful_bases.push(BasisKind::Consent.blank());
                },
                field::CONSENT_WITHDRAWAL,
            ),
            (
                |a| {
                    a.special_category = Some(SpecialCategoryData {
                        categories: vec!["Health information".into()],
                        ..SpecialCategoryData::default()
                    });
                },
                field::ARTICLE9,
            ),
            (
                |a| {
                    a.transfers.push(Transfer {
                        recipient: "Mailing service".into(),
                        country: "United States".into(),
                        mechanism: None,
                    });
                },
                field::TRANSFERS,
            ),
            (
                |a| a.sources = vec![Source::Other(String::new())],
                field::SOURCES,
            ),
        ];
        for (spoil, expected) in cases {
            let mut activity = valid();
            spoil(&mut activity);
            let issues = activity.issues();
            assert_eq!(issues.len(), 1, "{expected}: {issues:?}");
            assert_eq!(issues[0].field, expected);
            let expected_record = if expected == field::PURPOSE {
                "Activity 7".to_owned()
            } else {
                "Activity “Service updates or marketing purposes”".to_owned()
            };
            assert_eq!(issues[0].record, expected_record);
        }
    }
}
