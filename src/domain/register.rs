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
    /// Art. 6(1)(ea): a purpose Annex 1 recognises as a legitimate interest in itself, so
    /// no balancing test — but the condition, and why it applies, recorded.
    RecognisedLegitimateInterest {
        condition: Option<RecognisedCondition>,
        why_it_applies: String,
    },
}

/// The six bases without their records, for choosing and listing.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumCount, strum::VariantArray,
)]
pub enum BasisKind {
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
    RecognisedLegitimateInterest,
}

impl BasisKind {
    pub const ALL: [BasisKind; <BasisKind as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();

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
            BasisKind::RecognisedLegitimateInterest => LawfulBasis::RecognisedLegitimateInterest {
                condition: None,
                why_it_applies: String::new(),
            },
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
            BasisKind::RecognisedLegitimateInterest => "Art. 6(1)(ea)",
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
            BasisKind::RecognisedLegitimateInterest => "Recognised legitimate interest",
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
            LawfulBasis::RecognisedLegitimateInterest { .. } => {
                BasisKind::RecognisedLegitimateInterest
            }
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

impl Source {
    /// The register's words for it.
    pub fn label(&self) -> &str {
        match self {
            Source::DirectlyFromThePerson => "Directly from the person",
            Source::SuppliersAndServiceProviders => "Suppliers and service providers",
            Source::PubliclyAvailable => "Publicly available sources",
            Source::Other(text) => text,
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
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

/// A sign that processing is likely to result in high risk to people, so needs a data
/// protection impact assessment before it starts (Art. 35(1) and (3), and the ICO's list
/// of processing likely to result in high risk).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum HighRisk {
    /// Art. 35(3)(c) and the ICO's "tracking": CCTV, location or behaviour tracking.
    SystematicMonitoring,
    /// Art. 35(3)(b): special category or criminal offence data on a large scale.
    SensitiveDataAtScale,
    /// The ICO's list: AI, facial recognition, smart or wearable devices.
    InnovativeTechnology,
    /// Art. 35(3)(a): evaluating or scoring people, or deciding automatically about them.
    Profiling,
    /// The ICO's list: deciding whether people get a product, service or opportunity.
    DenialOfService,
    /// The ICO's list: biometric or genetic data.
    BiometricOrGenetic,
    /// The ICO's list: combining or matching data from different sources.
    DataMatching,
    /// The ICO's list: data not obtained from the person, who will not be told.
    InvisibleProcessing,
    /// The ICO's list: children or vulnerable people targeted for marketing, profiling or
    /// online services.
    ChildrenOrVulnerable,
    /// The ICO's list: a breach could put someone's physical health or safety at risk.
    RiskOfPhysicalHarm,
    /// Another reason the shop judges it likely to be high risk.
    Other,
}

impl HighRisk {
    pub const ALL: [HighRisk; <HighRisk as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();

    /// The screening question's words.
    pub fn question(self) -> &'static str {
        match self {
            HighRisk::SystematicMonitoring => {
                "Watches or tracks people systematically (CCTV, location or behaviour tracking)"
            }
            HighRisk::SensitiveDataAtScale => {
                "Special category or criminal offence data on a large scale"
            }
            HighRisk::InnovativeTechnology => {
                "Innovative technology (AI, facial recognition, smart or wearable devices)"
            }
            HighRisk::Profiling => {
                "Profiles, scores or evaluates people, or decides about them automatically"
            }
            HighRisk::DenialOfService => {
                "Decides whether people can have a product, service or opportunity"
            }
            HighRisk::BiometricOrGenetic => "Biometric or genetic data",
            HighRisk::DataMatching => "Combines or matches data from different sources",
            HighRisk::InvisibleProcessing => {
                "Data not obtained from the person, who will not be told about it"
            }
            HighRisk::ChildrenOrVulnerable => {
                "Children or vulnerable people targeted for marketing, profiling or online services"
            }
            HighRisk::RiskOfPhysicalHarm => {
                "A breach could put someone's physical health or safety at risk"
            }
            HighRisk::Other => "Another reason it is likely to be high risk",
        }
    }
}

/// The DPIA screening of one activity: the high-risk signs the shop found, when it
/// screened, and when the assessment itself was done. Never a default "No": until the
/// shop screens, the register says "Not screened".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DpiaScreening {
    /// The signs found (the screening's "yes" answers), in the question order.
    pub signs: Vec<HighRisk>,
    /// When the shop went through the questions.
    pub screened_on: Option<Date>,
    /// Whether the DPIA itself is done, and when.
    pub done: bool,
    pub done_on: Option<Date>,
}

/// What a screening concluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DpiaOutcome {
    NotScreened,
    /// Screened on this day, and no sign of high risk.
    NotRequired(Date),
    /// A DPIA is likely required: done or not.
    Required {
        done: bool,
    },
}

impl DpiaScreening {
    /// A sign of high risk makes a DPIA likely required, however it was recorded; no sign
    /// and a screening date make it not required; otherwise it was never screened.
    pub fn outcome(&self) -> DpiaOutcome {
        if !self.signs.is_empty() {
            DpiaOutcome::Required { done: self.done }
        } else if let Some(on) = self.screened_on {
            DpiaOutcome::NotRequired(on)
        } else {
            DpiaOutcome::NotScreened
        }
    }

    /// The register's answer to "Data Protection Impact Assessment required?".
    pub fn required_answer(&self) -> String {
        match self.outcome() {
            DpiaOutcome::NotScreened => "Not screened".to_owned(),
            DpiaOutcome::NotRequired(on) => format!("No (screened {on})"),
            DpiaOutcome::Required { .. } => format!("Yes: {}", self.signs_text()),
        }
    }

    /// The signs found, in words: "Watches or tracks people…; Biometric or genetic data".
    pub fn signs_text(&self) -> String {
        self.signs
            .iter()
            .map(|sign| sign.question())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The register's answer to "Data Protection Impact Assessment progress".
    pub fn progress(&self) -> String {
        match self.outcome() {
            DpiaOutcome::Required { done: true } => match self.done_on {
                Some(on) => format!("Done ({on})"),
                None => "Done".to_owned(),
            },
            DpiaOutcome::Required { done: false } => "Not yet done".to_owned(),
            DpiaOutcome::NotScreened | DpiaOutcome::NotRequired(_) => String::new(),
        }
    }

    /// Ticks or unticks a sign, keeping the question order.
    pub fn set_sign(&mut self, sign: HighRisk, found: bool) {
        self.signs.retain(|s| *s != sign);
        if found {
            self.signs.push(sign);
            self.signs.sort();
        }
    }
}

/// The conditions of Annex 1 to the UK GDPR under which a recognised legitimate interest
/// (Art. 6(1)(ea), in force 5 February 2026) needs no balancing test (facts §5).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumCount,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
pub enum RecognisedCondition {
    /// Detecting, investigating or preventing crime, or apprehending or prosecuting
    /// offenders: a shop handing CCTV footage to the police.
    CrimePrevention,
    /// Safeguarding a vulnerable person.
    Safeguarding,
    /// Responding to an emergency.
    Emergencies,
    /// A disclosure a public body asks for, which it needs for its public task.
    RequestFromPublicBody,
    /// National security, public security or defence.
    NationalSecurity,
}

impl RecognisedCondition {
    pub const ALL: [RecognisedCondition; <RecognisedCondition as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();
}

impl fmt::Display for RecognisedCondition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RecognisedCondition::CrimePrevention => {
                "detecting, investigating or preventing crime, or apprehending or prosecuting offenders"
            }
            RecognisedCondition::Safeguarding => "safeguarding vulnerable people",
            RecognisedCondition::Emergencies => "responding to an emergency",
            RecognisedCondition::RequestFromPublicBody => {
                "a disclosure requested by a public body that needs it for its public task"
            }
            RecognisedCondition::NationalSecurity => {
                "national security, public security or defence"
            }
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    /// "6 years".
    pub period: String,
    /// "VAT records (HMRC)".
    pub reason: String,
}

/// Phrases that promise no period and no event that ends one (facts §3.1 item 8: the
/// period, or the criteria used to set it).
const OPEN_ENDED: &[&str] = &[
    "as long as needed",
    "as long as necessary",
    "as long as required",
    "as long as we need",
    "as long as it is needed",
    "as long as is needed",
    "as long as is necessary",
    "as long as appropriate",
    "as long as relevant",
    "no longer needed",
    "no longer necessary",
    "indefinitely",
    "forever",
];

const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "a",
];

const UNITS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years",
];

impl Retention {
    /// Whether the period is open-ended ("as long as needed") with no duration to bound
    /// it: such a statement tells people nothing about how long their data is kept.
    pub fn is_vague(&self) -> bool {
        let period = self.period.to_lowercase();
        if !OPEN_ENDED.iter().any(|phrase| period.contains(phrase)) {
            return false;
        }
        let words: Vec<&str> = period
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has_duration = words.windows(2).any(|pair| {
            let number =
                pair[0].chars().all(|c| c.is_ascii_digit()) || NUMBER_WORDS.contains(&pair[0]);
            number && UNITS.contains(&pair[1])
        });
        !has_duration
    }
}

/// Where the catalogue's example text sits in an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlaceholderField {
    ProcessorName,
    ProcessorActivities,
    ProcessorContract,
    OtherRecipient,
    RetentionPeriod,
    RetentionReason,
    ConsentRecords,
    /// A source other than the person themselves: the catalogue cannot know where a
    /// shop gets data from, so every such source it ticks is example text.
    Source,
    /// The law a legal obligation rests on: the shop must know it applies to it.
    LegalObligationLaw,
    /// The legitimate interests the notice states.
    InterestsPursued,
}

impl PlaceholderField {
    /// The label of the field the user edits, as problems name it.
    pub fn label(self) -> &'static str {
        match self {
            PlaceholderField::ProcessorName => field::PROCESSOR,
            PlaceholderField::ProcessorActivities => field::PROCESSOR_ACTIVITIES,
            PlaceholderField::ProcessorContract => field::PROCESSOR_CONTRACT,
            PlaceholderField::OtherRecipient => field::OTHER_RECIPIENTS,
            PlaceholderField::RetentionPeriod | PlaceholderField::RetentionReason => {
                field::RETENTION
            }
            PlaceholderField::ConsentRecords => field::CONSENT_RECORDS,
            PlaceholderField::Source => field::SOURCES,
            PlaceholderField::LegalObligationLaw => field::LAW,
            PlaceholderField::InterestsPursued => field::INTERESTS_PURSUED,
        }
    }
}

/// Example text the starter catalogue put in an activity ("Your courier", "Check the
/// provider's data processing terms"). While a field still holds it, the register would
/// publish something untrue, so it is a problem until the shop replaces the text (any
/// edit does) or confirms it is right ([`ProcessingActivity::confirm_placeholder`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholder {
    pub field: PlaceholderField,
    /// The catalogue's text, as it was put in the field.
    pub text: String,
}

/// The activity is direct marketing: the notice must state the absolute right to object
/// to it, separately from everything else (Art. 21(4), facts §3.1a).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectMarketing {
    /// How people stop it: "The unsubscribe link in every email, or reply STOP".
    pub how_to_object: String,
    /// How it reaches people (format 9).
    #[serde(default)]
    pub channels: Vec<super::marketing::Channel>,
    /// Why email and text messages may be sent: consent or the soft opt-in (format 9).
    #[serde(default)]
    pub ground: Option<super::marketing::Ground>,
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
    /// Boxed, like `direct_marketing`, to keep an activity small enough to travel in a
    /// `Command` by value (clippy's `large_enum_variant`); fields read through it as usual.
    pub retention: Box<Retention>,
    pub security_measures: String,
    pub automated_decisions: Option<AutomatedDecisions>,
    /// Boxed for the same reason as `retention`.
    pub dpia: Box<DpiaScreening>,
    /// Where the data is held ("Shopify; accountant's system; laptop").
    pub location: String,
    pub review_on: Option<Date>,
    /// Set when the purpose is direct marketing (emails, post, texts or calls that
    /// promote the shop), with how people object to it.
    pub direct_marketing: Option<Box<DirectMarketing>>,
    /// Starter-catalogue text not yet replaced or confirmed.
    pub placeholders: Vec<Placeholder>,
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
            retention: Box::default(),
            security_measures: String::new(),
            automated_decisions: None,
            dpia: Box::default(),
            location: String::new(),
            review_on: None,
            direct_marketing: None,
            placeholders: Vec::new(),
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

    /// Every legitimate-interests assessment the activity relies on (one, unless a file was
    /// edited by hand: the notice's gate then names the duplicate).
    pub fn lias(&self) -> impl Iterator<Item = &Lia> {
        self.lawful_bases.iter().filter_map(|basis| match basis {
            LawfulBasis::LegitimateInterests(lia) => Some(lia.as_ref()),
            _ => None,
        })
    }

    /// The texts `field` holds in this activity.
    pub fn field_values(&self, field: PlaceholderField) -> Vec<&str> {
        match field {
            PlaceholderField::ProcessorName => {
                self.processors.iter().map(|p| p.name.as_str()).collect()
            }
            PlaceholderField::ProcessorActivities => self
                .processors
                .iter()
                .map(|p| p.activities.as_str())
                .collect(),
            PlaceholderField::ProcessorContract => self
                .processors
                .iter()
                .map(|p| p.contract_reference.as_str())
                .collect(),
            PlaceholderField::OtherRecipient => {
                self.other_recipients.iter().map(String::as_str).collect()
            }
            PlaceholderField::RetentionPeriod => vec![self.retention.period.as_str()],
            PlaceholderField::RetentionReason => vec![self.retention.reason.as_str()],
            PlaceholderField::ConsentRecords => self
                .lawful_bases
                .iter()
                .filter_map(|basis| match basis {
                    LawfulBasis::Consent {
                        records_kept_at, ..
                    } => Some(records_kept_at.as_str()),
                    _ => None,
                })
                .collect(),
            PlaceholderField::Source => self.sources.iter().map(Source::label).collect(),
            PlaceholderField::LegalObligationLaw => self
                .lawful_bases
                .iter()
                .filter_map(|basis| match basis {
                    LawfulBasis::LegalObligation { law, .. } => Some(law.as_str()),
                    _ => None,
                })
                .collect(),
            PlaceholderField::InterestsPursued => self
                .lia()
                .map(|lia| lia.interests_pursued.as_str())
                .into_iter()
                .collect(),
        }
    }

    /// The catalogue's example texts still standing in their fields, unconfirmed. Text
    /// the user edited, or whose processor or recipient was removed, is not among them.
    pub fn unconfirmed_placeholders(&self) -> Vec<&Placeholder> {
        self.placeholders
            .iter()
            .filter(|placeholder| {
                let text = placeholder.text.trim();
                !text.is_empty()
                    && self
                        .field_values(placeholder.field)
                        .iter()
                        .any(|value| value.trim() == text)
            })
            .collect()
    }

    /// The user says the example text is right as it stands: it is no longer a problem.
    /// Returns whether there was such a placeholder.
    pub fn confirm_placeholder(&mut self, field: PlaceholderField, text: &str) -> bool {
        let before = self.placeholders.len();
        self.placeholders
            .retain(|p| !(p.field == field && p.text.trim() == text.trim()));
        self.placeholders.len() != before
    }

    /// Forgets placeholders whose text is no longer in their field (the user replaced
    /// it), so typing the example back later does not revive them unnoticed.
    pub fn prune_placeholders(&mut self) {
        let standing: Vec<Placeholder> = self
            .unconfirmed_placeholders()
            .into_iter()
            .cloned()
            .collect();
        self.placeholders = standing;
    }

    /// Whether consent is combined with another basis for this one purpose.
    pub fn consent_is_stacked(&self) -> bool {
        let kinds = self.basis_kinds();
        kinds.contains(&BasisKind::Consent) && kinds.iter().any(|k| *k != BasisKind::Consent)
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
    pub const DIRECT_MARKETING: &str = "Direct marketing";
    pub const MARKETING_GROUND: &str = "Marketing by email or text";
    pub const PROCESSOR: &str = "Processor";
    pub const PROCESSOR_ACTIVITIES: &str = "What it does for you";
    pub const PROCESSOR_CONTRACT: &str = "Contract or terms";
    pub const OTHER_RECIPIENTS: &str = "Other recipients";
    pub const CONSENT_RECORDS: &str = "Where the records of consent are kept";
    pub const RECOGNISED: &str = "Recognised legitimate interest";
    pub const DPIA: &str = "Data protection impact assessment";
    pub const LAW: &str = "The law that obliges it";
    pub const INTERESTS_PURSUED: &str = "Interests pursued";
}

impl ProcessingActivity {
    /// How problems name this activity: by its purpose, or as the register lists one
    /// without (never by its internal number, which the user never sees).
    pub fn record_name(&self) -> String {
        let purpose = self.purpose.trim();
        if purpose.is_empty() {
            "The activity listed as “(no purpose yet)”".to_owned()
        } else {
            format!("Activity “{purpose}”")
        }
    }

    /// Every problem that would make the register, the notice or a reply incomplete.
    pub fn issues(&self) -> Vec<super::validate::FieldIssue> {
        let record = self.record_name();
        let mut problems = self.description_problems();
        problems.extend(self.retention_problem());
        problems.extend(self.basis_problems());
        problems.extend(self.other_problems());
        problems.extend(
            self.unconfirmed_placeholders()
                .into_iter()
                .map(|placeholder| (placeholder.field.label(), placeholder_message(placeholder))),
        );
        problems
            .into_iter()
            .map(|(field, message)| super::validate::FieldIssue {
                record: record.clone(),
                field,
                message,
            })
            .collect()
    }

    /// What is used, about whom, and on which bases.
    fn description_problems(&self) -> Vec<(&'static str, String)> {
        let blank = |items: &[String]| items.iter().all(|item| item.trim().is_empty());
        let mut problems = Vec::new();
        if self.purpose.trim().is_empty() {
            problems.push((
                field::PURPOSE,
                "required: what the data is used for".to_owned(),
            ));
        }
        if blank(&self.individuals) {
            problems.push((
                field::INDIVIDUALS,
                "name at least one, such as customers".to_owned(),
            ));
        }
        if blank(&self.data_categories) {
            problems.push((
                field::DATA,
                "name at least one, such as names and contact details".to_owned(),
            ));
        }
        if self.lawful_bases.is_empty() {
            problems.push((field::BASES, "choose at least one lawful basis".to_owned()));
        }
        problems
    }

    /// How long the data is kept, and why (Art. 13(2)(a)).
    fn retention_problem(&self) -> Option<(&'static str, String)> {
        let period = self.retention.period.trim();
        let reason = self.retention.reason.trim();
        let message = if period.is_empty() && reason.is_empty() {
            "say how long the data is kept, and why".to_owned()
        } else if period.is_empty() {
            "say how long the data is kept: a period (6 years after the sale) or the event that ends it (until you unsubscribe)".to_owned()
        } else if self.retention.is_vague() {
            format!(
                "“{period}” tells people nothing: give a period (6 years after the sale) or the event that ends it (until you close your account)"
            )
        } else if reason.is_empty() {
            "say why it is kept that long (the law, or the need that sets the period)".to_owned()
        } else {
            return None;
        };
        Some((field::RETENTION, message))
    }

    /// Each basis's own record: consent alone and withdrawable, a finished assessment.
    fn basis_problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if self.consent_is_stacked() {
            let others: Vec<String> = self
                .basis_kinds()
                .into_iter()
                .filter(|kind| *kind != BasisKind::Consent)
                .map(|kind| kind.to_string().to_lowercase())
                .collect();
            let others = others.join(" and ");
            problems.push((
                field::BASES,
                format!(
                    "this purpose relies on consent and also on {others}. Consent is not a back-up: if someone withdrew it you would carry on under {others}, so telling them they can withdraw would mislead them. Keep consent only if people can really say no; otherwise remove it"
                ),
            ));
        }
        for basis in &self.lawful_bases {
            match basis {
                LawfulBasis::LegitimateInterests(lia) => {
                    let unanswered = lia.unanswered();
                    if let (Some(first), Some(count)) =
                        (unanswered.first(), lia.questions_to_answer())
                    {
                        let more = unanswered.len() - 1;
                        problems.push((
                            field::LIA,
                            if more == 0 {
                                format!("incomplete: answer “{}”", first.text)
                            } else {
                                format!(
                                    "incomplete: answer “{}” and {more} more ({count})",
                                    first.text
                                )
                            },
                        ));
                    }
                    problems.extend(
                        lia.problems()
                            .into_iter()
                            .filter(|problem| problem.question.is_none())
                            .map(|problem| (field::LIA, problem.message)),
                    );
                }
                LawfulBasis::RecognisedLegitimateInterest {
                    condition,
                    why_it_applies,
                } => {
                    if condition.is_none() {
                        problems.push((
                            field::RECOGNISED,
                            "choose the Annex 1 condition it relies on (crime, safeguarding, an emergency, a public body's request, national security)".to_owned(),
                        ));
                    }
                    if why_it_applies.trim().is_empty() {
                        problems.push((
                            field::RECOGNISED,
                            "say why the condition applies to this use".to_owned(),
                        ));
                    }
                }
                LawfulBasis::Consent {
                    how_to_withdraw, ..
                } if how_to_withdraw.trim().is_empty() => {
                    problems.push((
                        field::CONSENT_WITHDRAWAL,
                        "consent needs a way to withdraw it".to_owned(),
                    ));
                }
                _ => {}
            }
        }
        problems
    }

    /// A DPIA likely required and not done; or, where the data signals risk (special
    /// category or criminal offence data, automated decisions), no screening at all.
    fn dpia_problem(&self) -> Option<String> {
        match self.dpia.outcome() {
            DpiaOutcome::Required { done: false } => Some(format!(
                "a data protection impact assessment is likely required ({}): do it before the processing starts, then record it as done",
                self.dpia.signs_text()
            )),
            DpiaOutcome::NotScreened
                if self.special_category.is_some()
                    || self.criminal_offence_data
                    || self.automated_decisions.is_some() =>
            {
                Some("screen it for a data protection impact assessment: it uses sensitive data or automated decisions".to_owned())
            }
            _ => None,
        }
    }

    /// Marketing, special category data, transfers and sources.
    fn other_problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if let Some(marketing) = &self.direct_marketing
            && marketing.how_to_object.trim().is_empty()
        {
            problems.push((
                field::DIRECT_MARKETING,
                "say how people stop your marketing (an unsubscribe link, a reply, an email address): the notice must tell them".to_owned(),
            ));
        }
        if let Some(marketing) = &self.direct_marketing {
            problems.extend(
                super::marketing::problems(&marketing.channels, marketing.ground.as_ref())
                    .into_iter()
                    .map(|message| (field::MARKETING_GROUND, message)),
            );
        }
        if let Some(special) = &self.special_category
            && special.article9_condition.trim().is_empty()
        {
            problems.push((
                field::ARTICLE9,
                "special category data needs an Article 9 condition".to_owned(),
            ));
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
                problems.push((
                    field::TRANSFERS,
                    format!("the transfer to {to} needs a mechanism, such as the IDTA"),
                ));
            }
        }
        problems.extend(self.dpia_problem().map(|message| (field::DPIA, message)));
        if self.sources.is_empty() {
            problems.push((field::SOURCES, "say where the data comes from".to_owned()));
        } else if self
            .sources
            .iter()
            .any(|s| matches!(s, Source::Other(text) if text.trim().is_empty()))
        {
            problems.push((field::SOURCES, "describe the other source".to_owned()));
        }
        problems
    }
}

/// What to do about one unconfirmed piece of example text, in words.
pub fn placeholder_message(placeholder: &Placeholder) -> String {
    let text = placeholder.text.trim();
    match placeholder.field {
        PlaceholderField::ProcessorName => format!(
            "“{text}” is example text from the starter catalogue: write the name of the company you use, remove it if you use none, or confirm it"
        ),
        PlaceholderField::ProcessorContract => format!(
            "“{text}” is a reminder, not a contract: note the terms you accepted (such as “Examplepay merchant terms, 2025”), or confirm it"
        ),
        _ => format!(
            "“{text}” is example text from the starter catalogue: replace it with your own, or confirm it is right"
        ),
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
        *activity.retention = Retention {
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
    #[expect(clippy::too_many_lines, reason = "a table: one case per rule")]
    fn each_rule_fails_alone_naming_the_activity_and_field() {
        type Spoil = fn(&mut ProcessingActivity);
        let cases: [(Spoil, &str); 18] = [
            (|a| a.purpose = " ".into(), field::PURPOSE),
            (|a| a.individuals.clear(), field::INDIVIDUALS),
            (|a| a.data_categories = vec![String::new()], field::DATA),
            (|a| a.lawful_bases.clear(), field::BASES),
            (|a| *a.retention = Retention::default(), field::RETENTION),
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
                    a.lawful_bases = vec![BasisKind::Consent.blank()];
                },
                field::CONSENT_WITHDRAWAL,
            ),
            (
                |a| {
                    a.lawful_bases.push(LawfulBasis::Contract {
                        contract: "Terms of sale".into(),
                    });
                    a.lawful_bases.push(LawfulBasis::Consent {
                        how_obtained: "A box".into(),
                        wording: "Yes".into(),
                        how_to_withdraw: "Email us".into(),
                        records_kept_at: "Log".into(),
                    });
                },
                field::BASES,
            ),
            (
                |a| a.retention.period = "As long as needed".into(),
                field::RETENTION,
            ),
            (
                |a| {
                    a.direct_marketing = Some(Box::new(DirectMarketing {
                        channels: vec![crate::domain::marketing::Channel::Post],
                        ..DirectMarketing::default()
                    }));
                },
                field::DIRECT_MARKETING,
            ),
            (
                |a| {
                    a.direct_marketing = Some(Box::new(DirectMarketing {
                        how_to_object: "Reply STOP".into(),
                        channels: vec![crate::domain::marketing::Channel::Sms],
                        ground: None,
                    }));
                },
                field::MARKETING_GROUND,
            ),
            (
                |a| {
                    a.processors.push(Processor {
                        name: "Your courier".into(),
                        activities: "Delivers orders".into(),
                        contract_reference: "Courier terms".into(),
                    });
                    a.placeholders.push(Placeholder {
                        field: PlaceholderField::ProcessorName,
                        text: "Your courier".into(),
                    });
                },
                field::PROCESSOR,
            ),
            (
                |a| {
                    a.special_category = Some(SpecialCategoryData {
                        categories: vec!["Health information".into()],
                        ..SpecialCategoryData::default()
                    });
                    a.dpia.screened_on = Some(jiff::civil::date(2026, 11, 2));
                },
                field::ARTICLE9,
            ),
            (
                |a| a.dpia.set_sign(HighRisk::SystematicMonitoring, true),
                field::DPIA,
            ),
            (
                |a| {
                    a.special_category = Some(SpecialCategoryData {
                        categories: vec!["Health information".into()],
                        article9_condition: "Explicit consent (Art. 9(2)(a))".into(),
                        ..SpecialCategoryData::default()
                    });
                },
                field::DPIA,
            ),
            (
                |a| {
                    a.lawful_bases
                        .push(LawfulBasis::RecognisedLegitimateInterest {
                            condition: Some(RecognisedCondition::CrimePrevention),
                            why_it_applies: " ".into(),
                        });
                },
                field::RECOGNISED,
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
            // Named as the register lists it: the user never sees an internal number.
            let expected_record = if expected == field::PURPOSE {
                "The activity listed as “(no purpose yet)”".to_owned()
            } else {
                "Activity “Service updates or marketing purposes”".to_owned()
            };
            assert_eq!(issues[0].record, expected_record);
        }
    }

    #[test]
    fn open_ended_retention_is_vague_unless_a_duration_bounds_it() {
        let vague = [
            "As long as needed",
            "While you have an account with us, or as long as needed to provide our services",
            "Until no longer needed",
            "Kept indefinitely",
            "For as long as is necessary",
        ];
        let clear = [
            "6 years after the sale",
            "Until you unsubscribe, or two years after your last order",
            "As long as needed, and at most 2 years",
            "As long as needed, but no more than a year",
            "30 days, unless needed for an incident",
            "While you have an account, then six years",
        ];
        for period in vague {
            let retention = Retention {
                period: period.into(),
                reason: "Why".into(),
            };
            assert!(retention.is_vague(), "{period}");
        }
        for period in clear {
            let retention = Retention {
                period: period.into(),
                reason: "Why".into(),
            };
            assert!(!retention.is_vague(), "{period}");
        }
        let mut activity = valid();
        activity.retention.period = "As long as needed".into();
        let issues = activity.issues();
        assert_eq!(issues.len(), 1);
        assert!(
            issues[0].message.contains("tells people nothing"),
            "{issues:?}"
        );
    }

    #[test]
    fn consent_stacked_with_another_basis_is_explained_in_plain_words() {
        let mut activity = valid();
        activity.lawful_bases.insert(
            0,
            LawfulBasis::Consent {
                how_obtained: "A box".into(),
                wording: "Yes".into(),
                how_to_withdraw: "Email us".into(),
                records_kept_at: "Log".into(),
            },
        );
        assert!(activity.consent_is_stacked());
        let issues = activity.issues();
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].field, field::BASES);
        assert!(
            issues[0].message.contains("also on legitimate interests")
                && issues[0].message.contains("mislead"),
            "{}",
            issues[0].message
        );
        activity.lawful_bases.remove(1);
        assert!(!activity.consent_is_stacked(), "consent alone is fine");
        assert_eq!(activity.issues(), vec![]);
    }

    #[test]
    fn a_placeholder_is_a_problem_until_replaced_or_confirmed() {
        let mut activity = valid();
        activity.processors = vec![
            Processor {
                name: "Your courier".into(),
                activities: "Delivers orders".into(),
                contract_reference: "Check the provider's data processing terms".into(),
            },
            Processor {
                name: "Your payment provider".into(),
                activities: "Takes payments".into(),
                contract_reference: "Check the provider's data processing terms".into(),
            },
        ];
        activity.placeholders = vec![
            Placeholder {
                field: PlaceholderField::ProcessorName,
                text: "Your courier".into(),
            },
            Placeholder {
                field: PlaceholderField::ProcessorName,
                text: "Your payment provider".into(),
            },
            Placeholder {
                field: PlaceholderField::ProcessorContract,
                text: "Check the provider's data processing terms".into(),
            },
        ];
        let names = |a: &ProcessingActivity| -> Vec<String> {
            a.issues().into_iter().map(|i| i.message).collect()
        };
        assert_eq!(activity.unconfirmed_placeholders().len(), 3);
        assert_eq!(activity.issues().len(), 3);
        assert!(names(&activity)[0].contains("“Your courier”"));

        // An edit replaces it.
        activity.processors[0].name = "Parcelwise Couriers".into();
        assert_eq!(activity.unconfirmed_placeholders().len(), 2);
        // A removed processor takes its placeholder with it.
        activity.processors.remove(1);
        assert_eq!(activity.unconfirmed_placeholders().len(), 1);
        // The contract reminder stands for the remaining processor until confirmed.
        assert!(names(&activity)[0].contains("is a reminder, not a contract"));
        assert!(activity.confirm_placeholder(
            PlaceholderField::ProcessorContract,
            "Check the provider's data processing terms"
        ));
        assert_eq!(activity.issues(), vec![]);
        activity.prune_placeholders();
        assert!(
            activity.placeholders.is_empty(),
            "replaced ones are forgotten"
        );
    }
}
