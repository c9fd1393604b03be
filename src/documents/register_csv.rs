//! The register as a CSV file with the columns of the ICO's "Documentation template for
//! controllers", in its order (facts §4.3), one row per activity.
//!
//! UTF-8 with a byte-order mark: Excel reads a CSV without one in the local code page
//! and garbles every accent; `LibreOffice` accepts it either way.

use crate::domain::{
    Workspace,
    register::{BasisKind, Dpia, LawfulBasis, ProcessingActivity, Requirement},
};

/// The template's column headings, in order.
pub const ICO_COLUMNS: [&str; 30] = [
    "Business function",
    "Purpose of processing",
    "Name and contact details of joint controller (if applicable)",
    "Categories of individuals",
    "Categories of personal data",
    "Categories of recipients",
    "Link to contract with processor",
    "Names of third countries or international organisations that personal data are transferred to (if applicable)",
    "Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
    "Retention schedule (if possible)",
    "General description of technical and organisational security measures (if possible)",
    "Article 6 lawful basis for processing personal data",
    "Article 9 condition for processing special category data",
    "Legitimate interests for the processing (if applicable)",
    "Link to record of legitimate interests assessment (if applicable)",
    "Rights available to individuals",
    "Existence of automated decision-making, including profiling (if applicable)",
    "The source of the personal data (if applicable)",
    "Link to record of consent",
    "Location of personal data",
    "Data Protection Impact Assessment required?",
    "Data Protection Impact Assessment progress",
    "Link to Data Protection Impact Assessment",
    "Has a personal data breach occurred?",
    "Link to record of personal data breach",
    "Data Protection Act 2018 Schedule 1 Condition for processing",
    "GDPR Article 6 lawful basis for processing",
    "Link to retention and erasure policy document",
    "Is personal data retained and erased in accordance with the policy document?",
    "Reasons for not adhering to policy document (if applicable)",
];

/// The rights a basis leaves people, as the ICO's generator states them (facts §3.2).
fn rights_for(kind: BasisKind) -> &'static [&'static str] {
    const ACCESS: &str = "access";
    const RECTIFICATION: &str = "rectification";
    const ERASURE: &str = "erasure";
    const RESTRICTION: &str = "restriction";
    const OBJECTION: &str = "objection";
    const PORTABILITY: &str = "portability";
    const WITHDRAW: &str = "withdraw consent";
    match kind {
        BasisKind::Consent => &[
            ACCESS,
            RECTIFICATION,
            ERASURE,
            RESTRICTION,
            PORTABILITY,
            WITHDRAW,
        ],
        BasisKind::Contract => &[ACCESS, RECTIFICATION, ERASURE, RESTRICTION, PORTABILITY],
        BasisKind::LegalObligation => &[ACCESS, RECTIFICATION, RESTRICTION],
        BasisKind::VitalInterests => &[ACCESS, RECTIFICATION, ERASURE, RESTRICTION],
        BasisKind::PublicTask => &[ACCESS, RECTIFICATION, RESTRICTION, OBJECTION],
        BasisKind::LegitimateInterests => &[ACCESS, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION],
    }
}

fn join<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

fn bases(activity: &ProcessingActivity) -> String {
    join(
        activity
            .basis_kinds()
            .into_iter()
            .map(|kind| format!("{kind} ({})", kind.article())),
    )
}

#[expect(
    clippy::too_many_lines,
    reason = "the ICO template's 30 columns in their order"
)]
fn row(activity: &ProcessingActivity) -> Vec<String> {
    let lia = activity.lia();
    let special = activity.special_category.as_ref();
    let mut rights: Vec<&str> = Vec::new();
    for kind in activity.basis_kinds() {
        for right in rights_for(kind) {
            if !rights.contains(right) {
                rights.push(right);
            }
        }
    }
    let consent_records = join(
        activity
            .lawful_bases
            .iter()
            .filter_map(|basis| match basis {
                LawfulBasis::Consent {
                    records_kept_at, ..
                } => Some(records_kept_at.clone()),
                _ => None,
            }),
    );
    let mut data = activity.data_categories.clone();
    if let Some(special) = special {
        data.extend(
            special
                .categories
                .iter()
                .map(|c| format!("{c} (special category)")),
        );
    }
    if activity.criminal_offence_data {
        data.push("Criminal offence data".to_owned());
    }
    let requirement = match activity.requirement {
        Requirement::NotRequired => "",
        Requirement::Statutory => "Statutory requirement",
        Requirement::Contractual => "Contractual requirement",
        Requirement::NeededToEnterAContract => "Needed to enter a contract",
    };
    vec![
        activity.business_function.clone(),
        activity.purpose.clone(),
        String::new(),
        join(activity.individuals.iter().cloned()),
        join(data),
        join(
            activity
                .processors
                .iter()
                .map(|p| format!("{} (processor: {})", p.name, p.activities))
                .chain(activity.other_recipients.iter().cloned()),
        ),
        join(
            activity
                .processors
                .iter()
                .map(|p| format!("{}: {}", p.name, p.contract_reference)),
        ),
        join(
            activity
                .transfers
                .iter()
                .map(|t| format!("{} ({})", t.country, t.recipient)),
        ),
        join(activity.transfers.iter().map(|t| {
            format!(
                "{}: {}",
                t.recipient,
                t.mechanism
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )
        })),
        activity.retention_statement(),
        activity.security_measures.clone(),
        bases(activity),
        special
            .map(|s| s.article9_condition.clone())
            .unwrap_or_default(),
        lia.map(|l| l.interests_pursued.clone()).unwrap_or_default(),
        lia.map(|l| {
            let when = l.completed_on.map(|d| d.to_string()).unwrap_or_default();
            format!(
                "Recorded in Smallprint: completed by {} on {when}",
                l.completed_by
            )
        })
        .unwrap_or_default(),
        join(rights.iter().map(|r| (*r).to_owned())),
        activity.automated_decisions.as_ref().map_or_else(
            || "No".to_owned(),
            |a| format!("Yes: {} — {}", a.logic, a.consequences),
        ),
        join(
            activity
                .sources
                .iter()
                .map(ToString::to_string)
                .chain([requirement.to_owned(), activity.if_not_provided.clone()]),
        ),
        consent_records,
        activity.location.clone(),
        match activity.dpia {
            Dpia::NotNeeded => "No",
            Dpia::Needed | Dpia::Done => "Yes",
        }
        .to_owned(),
        match activity.dpia {
            Dpia::NotNeeded => "",
            Dpia::Needed => "Not yet done",
            Dpia::Done => "Done",
        }
        .to_owned(),
        String::new(),
        String::new(),
        String::new(),
        special
            .map(|s| s.schedule1_condition.clone())
            .unwrap_or_default(),
        if special.is_some() || activity.criminal_offence_data {
            bases(activity)
        } else {
            String::new()
        },
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// The register as CSV bytes, header first.
pub fn register_csv(workspace: &Workspace) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to memory cannot fail.
    let _ = writer.write_record(ICO_COLUMNS);
    for activity in &workspace.register {
        let _ = writer.write_record(row(activity));
    }
    writer.into_inner().unwrap_or_default()
}
