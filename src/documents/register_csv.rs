//! The register as a CSV file laid out as the ICO's "Documentation template for
//! controllers" is (facts §4.3): the controller, data protection officer and
//! representative above, then the table, its columns in the template's order, one row
//! per activity.
//!
//! UTF-8 with a byte-order mark: Excel reads a CSV without one in the local code page
//! and garbles every accent; `LibreOffice` accepts it either way. Every cell a
//! spreadsheet would run as a formula is neutralised (facts §4.4).

use crate::domain::{
    Workspace,
    breaches::Breach,
    lia::Lia,
    register::{BasisKind, LawfulBasis, ProcessingActivity, TransferMechanism},
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
        BasisKind::LegitimateInterests | BasisKind::RecognisedLegitimateInterest => {
            &[ACCESS, RECTIFICATION, ERASURE, RESTRICTION, OBJECTION]
        }
    }
}

fn join<I: IntoIterator<Item = String>>(items: I) -> String {
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Column 15: the state of the assessment, from the record only — never a claim the
/// record does not hold (facts §3.1b).
fn lia_record(lia: &Lia) -> String {
    let on = lia.completed_on.map(|d| d.to_string()).unwrap_or_default();
    if lia.is_complete() {
        format!("LIA complete ({on}, {})", lia.completed_by.trim())
    } else if lia.outcome == crate::domain::lia::Outcome::CannotRely {
        format!(
            "LIA concluded legitimate interests cannot be relied on ({on}, {})",
            lia.completed_by.trim()
        )
    } else if *lia == Lia::default() {
        "No LIA".to_owned()
    } else {
        "LIA incomplete".to_owned()
    }
}

fn bases(activity: &ProcessingActivity) -> String {
    join(
        activity
            .basis_kinds()
            .into_iter()
            .map(|kind| format!("{kind} ({})", kind.article())),
    )
}

/// `cell` as a spreadsheet will show it, never run it: a cell that starts with `=`, `+`,
/// `-` or `@` is a formula to Excel, `LibreOffice` and Google Sheets — also after
/// leading spaces, which `LibreOffice`'s "Trim spaces" import removes before it looks, or
/// a tab or carriage return — and user text such as `=HYPERLINK(…)` must not become one.
/// OWASP's remedy: a leading apostrophe, which spreadsheets hide.
pub fn neutralise(cell: &str) -> String {
    let starts_formula = cell.trim_start().starts_with(['=', '+', '-', '@']);
    if starts_formula || cell.starts_with(['\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// A CSV writer as every Smallprint CSV is written: a UTF-8 byte-order mark (so Excel
/// reads the text as UTF-8) and CRLF line ends (RFC 4180).
pub fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec())
}

/// The block above the template's table: who the controller is, and its data
/// protection officer and representative if it has them, each with name, address, email
/// and telephone (facts §4.3), then the ICO registration number.
fn controller_block(workspace: &Workspace) -> Vec<Vec<String>> {
    let org = &workspace.organisation;
    let address = {
        let mut lines: Vec<&str> = org
            .address
            .lines
            .iter()
            .map(|line| line.trim())
            .filter(|line| !line.is_empty())
            .collect();
        lines.extend(
            [org.address.town.trim(), org.address.postcode.trim()]
                .into_iter()
                .filter(|part| !part.is_empty()),
        );
        lines.join(", ")
    };
    let name = org.controller_name().unwrap_or_default();
    let row = |who: &str, name: &str, address: &str, email: &str, phone: &str| {
        vec![
            who.to_owned(),
            name.to_owned(),
            address.to_owned(),
            email.to_owned(),
            phone.to_owned(),
        ]
    };
    let dpo = org
        .privacy_contact
        .as_ref()
        .filter(|contact| contact.is_data_protection_officer);
    vec![
        row("", "Name", "Address", "Email", "Telephone"),
        row(
            "Controller",
            &name,
            &address,
            org.email.trim(),
            org.phone.trim(),
        ),
        match dpo {
            Some(contact) => row(
                "Data Protection Officer",
                contact.name.trim(),
                "",
                contact.email.trim(),
                contact.phone.trim(),
            ),
            None => row("Data Protection Officer", "None appointed", "", "", ""),
        },
        row(
            "Representative",
            "None (not needed by a UK controller)",
            "",
            "",
            "",
        ),
        vec![
            "ICO registration number".to_owned(),
            org.ico_registration_number.trim().to_owned(),
        ],
    ]
}

#[expect(
    clippy::too_many_lines,
    reason = "the ICO template's 30 columns in their order"
)]
fn row(activity: &ProcessingActivity, breaches: &[Breach]) -> Vec<String> {
    let lia = activity.lia();
    let special = activity.special_category.as_ref();
    let touching: Vec<&Breach> = breaches
        .iter()
        .filter(|breach| breach.activities.contains(&activity.id))
        .collect();
    let mut rights: Vec<&str> = Vec::new();
    for kind in activity.basis_kinds() {
        for right in rights_for(kind) {
            if !rights.contains(right) {
                rights.push(right);
            }
        }
    }
    // Objecting to direct marketing is a right whatever the basis (Art. 21(2)).
    if activity.direct_marketing.is_some() && !rights.contains(&"objection") {
        rights.push("objection");
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
        // Column 8: where it goes, with the safeguard that makes each transfer lawful.
        join(activity.transfers.iter().map(|t| match &t.mechanism {
            Some(mechanism) => format!("{} ({}; {mechanism})", t.country, t.recipient),
            None => format!("{} ({})", t.country, t.recipient),
        })),
        // Column 9 is only for exceptional (Art. 49) transfers. Adequacy, the IDTA and
        // the UK Addendum are Art. 45 and 46 safeguards; only a safeguard the shop
        // describes itself can be an exception.
        join(
            activity
                .transfers
                .iter()
                .filter_map(|t| match &t.mechanism {
                    Some(TransferMechanism::Other(text)) if !text.trim().is_empty() => {
                        Some(format!("{}: {}", t.recipient, text.trim()))
                    }
                    _ => None,
                }),
        ),
        activity.retention_statement(),
        activity.security_measures.clone(),
        bases(activity),
        special
            .map(|s| s.article9_condition.clone())
            .unwrap_or_default(),
        join(
            activity
                .lawful_bases
                .iter()
                .filter_map(|basis| match basis {
                    LawfulBasis::LegitimateInterests(lia) => Some(lia.interests_pursued.clone()),
                    LawfulBasis::RecognisedLegitimateInterest {
                        condition,
                        why_it_applies,
                    } => Some(format!(
                        "Recognised legitimate interest (Annex 1): {} — {}",
                        condition.map(|c| c.to_string()).unwrap_or_default(),
                        why_it_applies.trim()
                    )),
                    _ => None,
                }),
        ),
        lia.map(lia_record).unwrap_or_default(),
        join(rights.iter().map(|r| (*r).to_owned())),
        activity.automated_decisions.as_ref().map_or_else(
            || "No".to_owned(),
            |a| format!("Yes: {} — {}", a.logic, a.consequences),
        ),
        // Column 18: the source, and only the source.
        join(activity.sources.iter().map(ToString::to_string)),
        consent_records,
        activity.location.clone(),
        activity.dpia.required_answer(),
        activity.dpia.progress(),
        String::new(),
        // Columns 24 and 25 from the breach log, never a default.
        if touching.is_empty() { "No" } else { "Yes" }.to_owned(),
        join(touching.iter().map(|breach| breach.reference.clone())),
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

/// Rows before the table's header: the controller block, then a blank row.
pub const ROWS_BEFORE_TABLE: usize = 6;

/// The register as CSV bytes: the controller block, a blank row, the template's header
/// and a row per activity. Every row has the table's 30 cells, so a strict reader and a
/// spreadsheet both see one rectangle.
pub fn register_csv(workspace: &Workspace) -> Vec<u8> {
    let mut writer = csv_writer();
    let mut write = |cells: Vec<String>| {
        let mut cells: Vec<String> = cells.iter().map(|cell| neutralise(cell)).collect();
        cells.resize(ICO_COLUMNS.len(), String::new());
        // Writing to memory cannot fail.
        let _ = writer.write_record(&cells);
    };
    let block = controller_block(workspace);
    debug_assert_eq!(block.len() + 1, ROWS_BEFORE_TABLE);
    for cells in block {
        write(cells);
    }
    write(Vec::new());
    write(ICO_COLUMNS.map(str::to_owned).to_vec());
    for activity in &workspace.register {
        write(row(activity, &workspace.breaches));
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_other_text_is_not() {
        for cell in [
            "=1+1",
            "+44 1632",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            " =1+1",
            "   @SUM(A1)",
            "\u{a0}=1+1",
            "\n=1+1",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
        for cell in ["", "Customers", "1+1", " x=1", "'quoted", "e-mail"] {
            assert_eq!(neutralise(cell), cell, "{cell:?}");
        }
    }
}
