//! The shop's privacy notice (UK GDPR Arts 13 and 14), written from its register in the
//! structure of the ICO's notice generator (facts §3.2), or as the layered "What we do /
//! Why we do it / Why we need to do it" table of the ASOS seed. A pure function of the
//! workspace and a date.

use std::fmt;

use jiff::civil::Date;

use super::model::{Block, Document, Inline, Runs, plain};
use crate::domain::{
    Workspace,
    register::{LawfulBasis, ProcessingActivity, Requirement, Source},
};

/// How the notice lays out what the shop does with data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoticeStyle {
    /// The ICO generator's sections: each purpose, then each purpose's bases.
    #[default]
    Standard,
    /// One table row per purpose: what we do, why, and the legal basis.
    Layered,
}

impl NoticeStyle {
    pub const ALL: [NoticeStyle; 2] = [NoticeStyle::Standard, NoticeStyle::Layered];

    /// The CLI's name for it.
    pub fn name(self) -> &'static str {
        match self {
            NoticeStyle::Standard => "standard",
            NoticeStyle::Layered => "layered",
        }
    }
}

impl fmt::Display for NoticeStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoticeStyle::Standard => "Standard (the ICO generator's layout)",
            NoticeStyle::Layered => "Layered table (what we do, why, the legal stuff)",
        })
    }
}

/// Section headings, shared with the completeness check and the tests.
pub mod heading {
    pub const CONTACT: &str = "Contact details";
    pub const WHAT_AND_WHY: &str = "What information we collect, use, and why";
    pub const WHAT_WE_DO: &str = "What we do with your information";
    pub const BASES_AND_RIGHTS: &str = "Lawful bases and data protection rights";
    pub const OUR_BASES: &str = "Our lawful bases for the collection and use of your data";
    pub const SOURCES: &str = "Where we get personal information from";
    pub const RETENTION: &str = "How long we keep information";
    pub const SHARING: &str = "Who we share information with";
    pub const PROCESSORS: &str = "Data processors";
    pub const OTHERS: &str = "Others we share personal information with";
    pub const TRANSFERS: &str = "Sharing information outside the UK";
    pub const AUTOMATED: &str = "Automated decision-making";
    pub const REQUIREMENT: &str = "Do you have to give us your information?";
    pub const COMPLAIN: &str = "How to complain";
    pub const LAST_UPDATED: &str = "Last updated";
}

/// The data-protection rights, each in a line, as the ICO generator words them.
pub const RIGHTS: [(&str, &str); 7] = [
    (
        "Your right of access",
        "You have the right to ask us for copies of your personal information. You can also ask for other information, such as where we got it and who we share it with.",
    ),
    (
        "Your right to rectification",
        "You have the right to ask us to rectify personal information you think is inaccurate. You also have the right to ask us to complete information you think is incomplete.",
    ),
    (
        "Your right to erasure",
        "You have the right to ask us to erase your personal information in certain circumstances.",
    ),
    (
        "Your right to restriction of processing",
        "You have the right to ask us to restrict the processing of your personal information in certain circumstances.",
    ),
    (
        "Your right to object to processing",
        "You have the right to object to the processing of your personal information in certain circumstances.",
    ),
    (
        "Your right to data portability",
        "You have the right to ask that we transfer the personal information you gave us to another organisation, or to you, in certain circumstances.",
    ),
    (
        "Your right to withdraw consent",
        "When we use consent as our lawful basis you have the right to withdraw your consent at any time.",
    ),
];

/// "12 July 2024".
pub fn long_date(date: Date) -> String {
    date.strftime("%-d %B %Y").to_string()
}

/// "to provide services…" or "for the operation of…": the generator's phrasing, chosen
/// by whether the purpose starts with a verb.
pub fn purpose_phrase(purpose: &str) -> String {
    const VERBS: &[&str] = &[
        "provide",
        "prevent",
        "comply",
        "receive",
        "deal",
        "send",
        "manage",
        "process",
        "run",
        "keep",
        "take",
        "deliver",
        "handle",
        "improve",
        "respond",
        "protect",
        "make",
        "meet",
        "carry",
        "check",
        "verify",
        "detect",
        "sell",
        "market",
        "tell",
        "contact",
        "answer",
        "pay",
        "recruit",
        "employ",
        "train",
        "analyse",
        "understand",
        "organise",
        "fulfil",
        "offer",
        "secure",
        "defend",
        "enforce",
        "record",
        "publish",
        "share",
        "collect",
        "support",
        "maintain",
        "operate",
        "administer",
        "monitor",
    ];
    let purpose = purpose.trim();
    let lower = lower_first(purpose);
    let first_word = lower
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    if lower.starts_with("to ") || lower.starts_with("for ") {
        lower
    } else if VERBS.contains(&first_word) {
        format!("to {lower}")
    } else {
        format!("for {lower}")
    }
}

/// The purpose as it reads inside a sentence: "Service updates" → "service updates".
/// An acronym ("VAT returns") keeps its capital.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_owned(),
    }
}

/// The title every style and format shares.
pub fn notice_title(workspace: &Workspace) -> String {
    let name = workspace.display_name();
    if name.is_empty() {
        "Customer privacy notice".to_owned()
    } else {
        format!("{name} customer privacy notice")
    }
}

/// The privacy notice as a document. `today` dates it when the shop has not set its
/// "Last updated" date.
pub fn privacy_notice(workspace: &Workspace, style: NoticeStyle, today: Date) -> Document {
    let date = workspace.settings.notice_last_updated.unwrap_or(today);
    let register = &workspace.register;
    let mut blocks = vec![
        Block::heading(1, notice_title(workspace)),
        Block::paragraph(
            "This privacy notice tells you what to expect us to do with your personal information.",
        ),
    ];
    contact_details(workspace, &mut blocks);
    match style {
        NoticeStyle::Standard => {
            what_and_why(register, &mut blocks);
            rights(&mut blocks);
            our_bases(register, &mut blocks);
        }
        NoticeStyle::Layered => {
            layered_table(register, &mut blocks);
            rights(&mut blocks);
        }
    }
    sources(register, &mut blocks);
    retention(register, &mut blocks);
    sharing(register, &mut blocks);
    transfers(register, &mut blocks);
    automated(register, &mut blocks);
    requirement(register, &mut blocks);
    complain(workspace, &mut blocks);
    blocks.push(Block::heading(2, heading::LAST_UPDATED));
    blocks.push(Block::paragraph(long_date(date)));
    Document {
        title: notice_title(workspace),
        author: workspace.organisation.legal_name.trim().to_owned(),
        subject: "Privacy notice (UK GDPR Articles 13 and 14)".to_owned(),
        date,
        blocks,
    }
}

fn contact_details(workspace: &Workspace, blocks: &mut Vec<Block>) {
    let org = &workspace.organisation;
    blocks.push(Block::heading(2, heading::CONTACT));
    let mut address = Vec::new();
    let legal = org.legal_name.trim();
    let trading = org.trading_name.trim();
    match (legal.is_empty(), trading.is_empty() || trading == legal) {
        (false, true) => address.push(legal.to_owned()),
        (false, false) => address.push(format!("{legal}, trading as {trading}")),
        (true, false) => address.push(trading.to_owned()),
        (true, true) => {}
    }
    address.extend(
        org.address
            .lines
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
    );
    for part in [&org.address.town, &org.address.postcode] {
        if !part.trim().is_empty() {
            address.push(part.trim().to_owned());
        }
    }
    if !address.is_empty() {
        blocks.push(Block::Address(address));
    }
    let mut lines: Vec<Runs> = Vec::new();
    if !org.phone.trim().is_empty() {
        lines.push(plain(format!("Telephone: {}", org.phone.trim())));
    }
    if !org.email.trim().is_empty() {
        let email = org.email.trim();
        lines.push(vec![
            Inline::text("Email: "),
            Inline::link(email, format!("mailto:{email}")),
        ]);
    }
    if !org.website.trim().is_empty() {
        let site = org.website.trim();
        lines.push(vec![Inline::text("Website: "), Inline::link(site, site)]);
    }
    blocks.extend(lines.into_iter().map(Block::Paragraph));
    if let Some(contact) = &org.privacy_contact {
        let mut runs = vec![Inline::text(if contact.is_data_protection_officer {
            "Our data protection officer is "
        } else {
            "For questions about your personal information, contact "
        })];
        runs.push(Inline::bold(contact.name.trim()));
        let email = contact.email.trim();
        if !email.is_empty() {
            runs.push(Inline::text(", email "));
            runs.push(Inline::link(email, format!("mailto:{email}")));
        }
        if !contact.phone.trim().is_empty() {
            runs.push(Inline::text(format!(
                ", telephone {}",
                contact.phone.trim()
            )));
        }
        runs.push(Inline::text("."));
        blocks.push(Block::Paragraph(runs));
    }
    if !org.ico_registration_number.trim().is_empty() {
        blocks.push(Block::paragraph(format!(
            "We are registered with the {} under number {}.",
            workspace.settings.regulator.name.trim(),
            org.ico_registration_number.trim()
        )));
    }
}

fn non_blank(items: &[String]) -> impl Iterator<Item = &str> {
    items.iter().map(|s| s.trim()).filter(|s| !s.is_empty())
}

fn what_and_why(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(2, heading::WHAT_AND_WHY));
    for activity in register {
        let categories: Vec<Runs> = non_blank(&activity.data_categories).map(plain).collect();
        if activity.purpose.trim().is_empty() || categories.is_empty() {
            continue;
        }
        blocks.push(Block::paragraph(format!(
            "We collect or use the following information {}:",
            purpose_phrase(&activity.purpose)
        )));
        blocks.push(Block::Bullets(categories));
        special_category(activity, blocks);
    }
}

fn special_category(activity: &ProcessingActivity, blocks: &mut Vec<Block>) {
    if let Some(special) = &activity.special_category {
        let categories: Vec<Runs> = non_blank(&special.categories).map(plain).collect();
        if !categories.is_empty() {
            blocks.push(Block::paragraph(format!(
                "We also collect or use the following special category information {}. This information is more sensitive and we need to take extra care to protect it:",
                purpose_phrase(&activity.purpose)
            )));
            blocks.push(Block::Bullets(categories));
        }
    }
    if activity.criminal_offence_data {
        blocks.push(Block::paragraph(format!(
            "We also collect or use information about criminal convictions and offences {}. We take extra care to protect it.",
            purpose_phrase(&activity.purpose)
        )));
    }
}

fn rights(blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(2, heading::BASES_AND_RIGHTS));
    blocks.push(Block::paragraph(
        "Under UK data protection law, we must have a “lawful basis” for collecting and using your personal information. There is a list of possible lawful bases in the UK GDPR. You can find out more about lawful bases on the ICO’s website.",
    ));
    blocks.push(Block::paragraph(
        "Which lawful basis we rely on may affect your data protection rights, which are set out in brief below. You can find out more about your data protection rights and the exemptions which may apply on the ICO’s website:",
    ));
    blocks.push(Block::Bullets(
        RIGHTS
            .iter()
            .map(|(right, what)| vec![Inline::bold(*right), Inline::text(format!(" – {what}"))])
            .collect(),
    ));
    blocks.push(Block::paragraph(
        "You don’t usually need to pay a fee to exercise your rights. If you make a request, we have one calendar month to respond to you.",
    ));
    blocks.push(Block::paragraph(
        "To make a data protection rights request, please contact us using the contact details at the top of this privacy notice.",
    ));
}

/// A basis in the generator's words, with the rights that do not apply to it.
pub fn basis_explanation(basis: &LawfulBasis) -> Runs {
    match basis {
        LawfulBasis::Consent {
            how_to_withdraw, ..
        } => {
            let mut runs = vec![
                Inline::bold("Consent"),
                Inline::text(
                    " – we have permission from you after we gave you all the relevant information. All of your data protection rights may apply, except the right to object. To be clear, you do have the right to withdraw your consent at any time.",
                ),
            ];
            if !how_to_withdraw.trim().is_empty() {
                runs.push(Inline::text(format!(
                    " To withdraw it: {}.",
                    how_to_withdraw.trim().trim_end_matches('.')
                )));
            }
            runs
        }
        LawfulBasis::Contract { .. } => vec![
            Inline::bold("Contract"),
            Inline::text(
                " – we have to collect or use the information so we can enter into or carry out a contract with you. All of your data protection rights may apply, except the right to object.",
            ),
        ],
        LawfulBasis::LegalObligation { law, .. } => {
            let law = if law.trim().is_empty() {
                String::new()
            } else {
                format!(" ({})", law.trim())
            };
            vec![
                Inline::bold("Legal obligation"),
                Inline::text(format!(
                    " – we have to collect or use your information so we can comply with the law{law}. All of your data protection rights may apply, except the right to erasure, the right to object and the right to data portability."
                )),
            ]
        }
        LawfulBasis::VitalInterests { .. } => vec![
            Inline::bold("Vital interests"),
            Inline::text(
                " – collecting or using the information is needed when someone’s physical or mental health or wellbeing is at urgent or serious risk. All of your data protection rights may apply, except the right to object and the right to data portability.",
            ),
        ],
        LawfulBasis::PublicTask { .. } => vec![
            Inline::bold("Public task"),
            Inline::text(
                " – we have to collect or use your information to carry out a task in the public interest or an official function set out in law. All of your data protection rights may apply, except the right to erasure and the right to data portability.",
            ),
        ],
        LawfulBasis::LegitimateInterests(lia) => {
            let mut runs = vec![
                Inline::bold("Legitimate interests"),
                Inline::text(
                    " – we’re collecting or using your information because it benefits you, our organisation or someone else, without causing an undue risk of harm to anyone. All of your data protection rights may apply, except the right to data portability.",
                ),
            ];
            if !lia.interests_pursued.trim().is_empty() {
                runs.push(Inline::text(format!(
                    " Our legitimate interests are: {}",
                    lia.interests_pursued.trim()
                )));
            }
            runs
        }
    }
}

fn our_bases(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(3, heading::OUR_BASES));
    for activity in register {
        if activity.purpose.trim().is_empty() || activity.lawful_bases.is_empty() {
            continue;
        }
        blocks.push(Block::paragraph(format!(
            "Our lawful bases for collecting or using personal information {} are:",
            purpose_phrase(&activity.purpose)
        )));
        blocks.push(Block::Bullets(
            activity
                .lawful_bases
                .iter()
                .map(basis_explanation)
                .collect(),
        ));
    }
    if register.iter().any(|a| a.lia().is_some()) {
        blocks.push(Block::paragraph(
            "We have weighed our legitimate interests against your interests, rights and freedoms. Contact us if you would like more detail.",
        ));
    }
}

/// The layered style's "why we need to do it" cell: each basis in a sentence.
fn legal_stuff(activity: &ProcessingActivity) -> Runs {
    let mut runs = Vec::new();
    for (index, basis) in activity.lawful_bases.iter().enumerate() {
        if index > 0 {
            runs.push(Inline::text(" "));
        }
        let (name, detail) = match basis {
            LawfulBasis::Consent {
                how_to_withdraw, ..
            } => (
                "Consent:",
                format!(
                    " you agreed, and you can withdraw your consent at any time{}.",
                    if how_to_withdraw.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", how_to_withdraw.trim().trim_end_matches('.'))
                    }
                ),
            ),
            LawfulBasis::Contract { .. } => (
                "Contract:",
                " we need it to enter into or carry out our contract with you.".to_owned(),
            ),
            LawfulBasis::LegalObligation { law, .. } => (
                "Legal obligation:",
                if law.trim().is_empty() {
                    " the law requires it.".to_owned()
                } else {
                    format!(" the law requires it ({}).", law.trim())
                },
            ),
            LawfulBasis::VitalInterests { .. } => (
                "Vital interests:",
                " to protect someone’s life or health.".to_owned(),
            ),
            LawfulBasis::PublicTask { .. } => (
                "Public task:",
                " to carry out a task in the public interest set out in law.".to_owned(),
            ),
            LawfulBasis::LegitimateInterests(lia) => (
                "Legitimate interests:",
                format!(" {}", lia.interests_pursued.trim()),
            ),
        };
        runs.push(Inline::bold(name));
        runs.push(Inline::text(detail));
    }
    runs
}

fn layered_table(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(2, heading::WHAT_WE_DO));
    blocks.push(Block::paragraph(
        "What we do with your personal information, why we do it, and the lawful basis that allows it:",
    ));
    let rows: Vec<Vec<Runs>> = register
        .iter()
        .filter(|a| !a.purpose.trim().is_empty())
        .map(|activity| {
            let categories: Vec<&str> = non_blank(&activity.data_categories).collect();
            let what = vec![
                Inline::bold(activity.purpose.trim()),
                Inline::text(format!(". We use: {}.", categories.join("; "))),
            ];
            let why = if activity.description.trim().is_empty() {
                activity
                    .lia()
                    .and_then(|lia| lia.answers.get("why"))
                    .map(|why| why.trim().to_owned())
                    .filter(|why| !why.is_empty())
                    .unwrap_or_else(|| {
                        format!("So that we can {}.", lower_first(activity.purpose.trim()))
                    })
            } else {
                activity.description.trim().to_owned()
            };
            vec![what, plain(why), legal_stuff(activity)]
        })
        .collect();
    blocks.push(Block::Table {
        header: vec![
            "What we do".to_owned(),
            "Why we do it".to_owned(),
            "Why we need to do it (the legal stuff)".to_owned(),
        ],
        rows,
        widths: vec![3, 3, 4],
    });
    for activity in register {
        special_category(activity, blocks);
    }
}

/// How the notice names a source to the person it is about.
fn source_for_reader(source: &Source) -> String {
    match source {
        Source::DirectlyFromThePerson => "Directly from you".to_owned(),
        Source::SuppliersAndServiceProviders => "Suppliers and service providers".to_owned(),
        Source::PubliclyAvailable => "Publicly available sources".to_owned(),
        Source::Other(text) => text.trim().to_owned(),
    }
}

/// Items shared by several activities, each with the purposes it serves when not all.
fn grouped<T: PartialEq + Clone>(
    register: &[ProcessingActivity],
    items_of: impl Fn(&ProcessingActivity) -> Vec<T>,
) -> Vec<(T, Vec<String>)> {
    let mut groups: Vec<(T, Vec<String>)> = Vec::new();
    for activity in register {
        for item in items_of(activity) {
            let purpose = activity.purpose.trim().to_owned();
            match groups.iter_mut().find(|(existing, _)| *existing == item) {
                Some((_, purposes)) => {
                    if !purposes.contains(&purpose) {
                        purposes.push(purpose);
                    }
                }
                None => groups.push((item, vec![purpose])),
            }
        }
    }
    groups
}

fn with_purposes(text: String, purposes: &[String], all: usize) -> Runs {
    if purposes.len() >= all {
        plain(text)
    } else {
        plain(format!("{text} (for: {})", purposes.join("; ")))
    }
}

fn sources(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    let groups = grouped(register, |a| {
        a.sources
            .iter()
            .map(source_for_reader)
            .filter(|s| !s.is_empty())
            .collect()
    });
    if groups.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, heading::SOURCES));
    let all = register.len();
    blocks.push(Block::Bullets(
        groups
            .into_iter()
            .map(|(source, purposes)| with_purposes(source, &purposes, all))
            .collect(),
    ));
}

fn retention(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(2, heading::RETENTION));
    let items: Vec<Runs> = register
        .iter()
        .filter(|a| !a.purpose.trim().is_empty() && !a.retention_statement().is_empty())
        .map(|activity| {
            vec![
                Inline::bold(activity.purpose.trim()),
                Inline::text(format!(": {}", activity.retention_statement())),
            ]
        })
        .collect();
    if !items.is_empty() {
        blocks.push(Block::paragraph(
            "We keep your personal information only as long as we need it. For each purpose:",
        ));
        blocks.push(Block::Bullets(items));
    }
    blocks.push(Block::paragraph(
        "When we no longer need it, we securely delete or anonymise it.",
    ));
}

fn sharing(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    blocks.push(Block::heading(2, heading::SHARING));
    let processors = grouped(register, |a| {
        a.processors
            .iter()
            .filter(|p| !p.name.trim().is_empty())
            .map(|p| (p.name.trim().to_owned(), p.activities.trim().to_owned()))
            .collect()
    });
    let others = grouped(register, |a| {
        non_blank(&a.other_recipients).map(str::to_owned).collect()
    });
    if processors.is_empty() && others.is_empty() {
        blocks.push(Block::paragraph(
            "We do not share your personal information with anyone else.",
        ));
        return;
    }
    if !processors.is_empty() {
        blocks.push(Block::heading(3, heading::PROCESSORS));
        blocks.push(Block::paragraph(
            "We use data processors: organisations that handle personal information on our behalf and only as we instruct them.",
        ));
        // One paragraph per processor, however many purposes it serves.
        let mut seen: Vec<&str> = Vec::new();
        for ((name, _), _) in &processors {
            if seen.contains(&name.as_str()) {
                continue;
            }
            seen.push(name);
            let activities: Vec<&str> = processors
                .iter()
                .filter(|((other, what), _)| other == name && !what.is_empty())
                .map(|((_, what), _)| what.trim_end_matches('.'))
                .collect();
            let mut runs = vec![Inline::bold(name.clone())];
            if !activities.is_empty() {
                runs.push(Inline::text(format!(
                    " – This data processor does the following activities for us: {}.",
                    activities.join("; ")
                )));
            }
            blocks.push(Block::Paragraph(runs));
        }
    }
    if !others.is_empty() {
        blocks.push(Block::heading(3, heading::OTHERS));
        let all = register.len();
        blocks.push(Block::Bullets(
            others
                .into_iter()
                .map(|(recipient, purposes)| with_purposes(recipient, &purposes, all))
                .collect(),
        ));
    }
}

fn transfers(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    let rows: Vec<Vec<Runs>> = register
        .iter()
        .flat_map(|a| &a.transfers)
        .map(|transfer| {
            vec![
                plain(transfer.recipient.trim()),
                plain(transfer.country.trim()),
                plain(
                    transfer
                        .mechanism
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ),
            ]
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, heading::TRANSFERS));
    blocks.push(Block::paragraph(
        "Where necessary, we transfer personal information outside of the UK. When doing so, we comply with the UK GDPR, making sure appropriate safeguards are in place.",
    ));
    blocks.push(Block::Table {
        header: vec![
            "Organisation".to_owned(),
            "Country the personal information is sent to".to_owned(),
            "How the transfer complies with UK data protection law".to_owned(),
        ],
        rows,
        widths: vec![3, 3, 4],
    });
    blocks.push(Block::paragraph(
        "You can ask us for a copy of the safeguard we rely on, using the contact details at the top of this notice.",
    ));
}

fn automated(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    let decisions: Vec<Runs> = register
        .iter()
        .filter_map(|activity| {
            let decision = activity.automated_decisions.as_ref()?;
            Some(vec![
                Inline::bold(activity.purpose.trim()),
                Inline::text(format!(
                    ": {} What this means for you: {}",
                    sentence(&decision.logic),
                    sentence(&decision.consequences)
                )),
            ])
        })
        .collect();
    if decisions.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, heading::AUTOMATED));
    blocks.push(Block::paragraph(
        "Some decisions about you are made by automated means, without a person involved:",
    ));
    blocks.push(Block::Bullets(decisions));
    blocks.push(Block::paragraph(
        "You can ask for a person to review any such decision, give your point of view and challenge it.",
    ));
}

/// Text that ends as a sentence does, however the user ended it.
pub(crate) fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?']) {
        text.to_owned()
    } else {
        format!("{text}.")
    }
}

fn requirement(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    let items: Vec<Runs> = register
        .iter()
        .filter(|a| !a.purpose.trim().is_empty())
        .map(|activity| {
            let need = match activity.requirement {
                Requirement::NotRequired => "you do not have to give us this information.",
                Requirement::Statutory => "the law requires us to collect this information.",
                Requirement::Contractual => "our contract with you requires this information.",
                Requirement::NeededToEnterAContract => {
                    "we need this information to enter into a contract with you."
                }
            };
            let consequence = sentence(&activity.if_not_provided);
            let consequence = if consequence.is_empty() {
                String::new()
            } else {
                format!(" If you do not: {}", lower_first(&consequence))
            };
            vec![
                Inline::bold(activity.purpose.trim()),
                Inline::text(format!(": {need}{consequence}")),
            ]
        })
        .collect();
    if items.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, heading::REQUIREMENT));
    blocks.push(Block::Bullets(items));
}

fn complain(workspace: &Workspace, blocks: &mut Vec<Block>) {
    let regulator = &workspace.settings.regulator;
    let name = regulator.name.trim();
    blocks.push(Block::heading(2, heading::COMPLAIN));
    blocks.push(Block::paragraph(
        "If you have any concerns about our use of your personal information, you can make a complaint to us using the contact details at the top of this privacy notice. We will acknowledge your complaint within 30 days and tell you the outcome.",
    ));
    blocks.push(Block::paragraph(format!(
        "If you remain unhappy with how we’ve used your data after raising a complaint with us, you can also complain to the {name}."
    )));
    let mut address = vec![name.to_owned()];
    address.extend(
        regulator
            .postal_address
            .split([',', '\n'])
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
    );
    blocks.push(Block::paragraph(format!("The {name}’s address:")));
    blocks.push(Block::Address(address));
    if !regulator.helpline.trim().is_empty() {
        blocks.push(Block::paragraph(format!(
            "Helpline number: {}",
            regulator.helpline.trim()
        )));
    }
    let website = regulator.website.trim();
    if !website.is_empty() {
        blocks.push(Block::Paragraph(vec![
            Inline::text("Website: "),
            Inline::link(website, website),
        ]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purposes_read_as_the_generator_phrases_them() {
        assert_eq!(
            purpose_phrase("Provide services and goods, including delivery"),
            "to provide services and goods, including delivery"
        );
        assert_eq!(
            purpose_phrase("Operation of customer accounts and guarantees"),
            "for operation of customer accounts and guarantees"
        );
        assert_eq!(
            purpose_phrase("Service updates or marketing purposes"),
            "for service updates or marketing purposes"
        );
        assert_eq!(purpose_phrase("VAT returns"), "for VAT returns");
    }
}
