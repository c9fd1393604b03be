//! The shop's privacy notice (UK GDPR Arts 13 and 14), written from its register in the
//! structure of the ICO's notice generator (facts §3.2), or as the layered "What we do /
//! Why we do it / Why we need to do it" table of the ASOS seed. A pure function of the
//! workspace and a date.

use std::fmt;

use jiff::civil::Date;

use super::completeness::{self, Coverage, Gap};
use super::model::{Block, Document, Inline, Runs, plain};
use super::site::{self, Links};
use crate::domain::{
    Workspace,
    marketing::{self, Ground},
    register::{
        BasisKind, DirectMarketing, LawfulBasis, ProcessingActivity, RecognisedCondition,
        Requirement, Source,
    },
    settings::Settings,
};

/// How the notice lays out what the shop does with data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumCount, strum::VariantArray)]
pub enum NoticeStyle {
    /// The ICO generator's sections: each purpose, then each purpose's bases.
    #[default]
    Standard,
    /// One table row per purpose: what we do, why, and the legal basis.
    Layered,
}

impl NoticeStyle {
    pub const ALL: [NoticeStyle; <NoticeStyle as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();

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
    pub const OBJECT_TO_MARKETING: &str = "Your right to object to direct marketing";
    pub const OBJECT_TO_INTERESTS: &str = "Your right to object to our legitimate interests";
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

use super::wording::{
    capitalise_first, consequence, instruction, join_list, lower_first, possessive,
};
pub use super::wording::{purpose_phrase, sentence};

/// The title every style and format shares.
pub fn notice_title(workspace: &Workspace) -> String {
    let name = workspace.display_name();
    if name.is_empty() {
        "Customer privacy notice".to_owned()
    } else {
        format!("{name} customer privacy notice")
    }
}

/// The notice's content without its "Last updated" date: what the date is about.
fn content_blocks(workspace: &Workspace, style: NoticeStyle, links: Links) -> Vec<Block> {
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
            object_to_marketing(register, &mut blocks);
            object_to_interests(register, &mut blocks);
            rights(&mut blocks);
            our_bases(register, &mut blocks);
        }
        NoticeStyle::Layered => {
            layered_table(register, &mut blocks);
            object_to_marketing(register, &mut blocks);
            object_to_interests(register, &mut blocks);
            rights(&mut blocks);
        }
    }
    sources(register, &mut blocks);
    retention(register, &mut blocks);
    sharing(register, &mut blocks);
    transfers(register, &mut blocks);
    automated(register, &mut blocks);
    requirement(register, &mut blocks);
    let website = &workspace.website;
    if !website.cookies.is_empty() || website.sets_no_cookies {
        blocks.extend(super::cookies::notice_section(website, links));
    }
    complain(workspace, &mut blocks, links);
    blocks
}

/// A fingerprint of what the notice says (the standard style's text, which the layered
/// style restates): FNV-1a over the words, so it is the same in every build and on
/// every machine, unlike the standard library's hasher.
pub fn content_fingerprint(workspace: &Workspace) -> String {
    let document = Document {
        title: String::new(),
        author: String::new(),
        subject: String::new(),
        date: jiff::civil::Date::MIN,
        blocks: content_blocks(workspace, NoticeStyle::Standard, Links::None),
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in document.plain_text().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("fnv1a64:{hash:016x}")
}

/// The notice's "Last updated" date, and the settings to store when that changes.
///
/// The date moves only when the notice's content does: the stored date stands while the
/// content's fingerprint matches the one stored with it. A date the shop set itself
/// (stored without a fingerprint) stands for the notice as it is, and is pinned to it.
/// Otherwise the notice is new or changed, and `today` is its date. `Some(settings)` is
/// what to save once the notice has been published (exported), `None` when nothing
/// changed.
pub fn notice_last_updated(workspace: &Workspace, today: Date) -> (Date, Option<Settings>) {
    let fingerprint = content_fingerprint(workspace);
    let settings = &workspace.settings;
    match (settings.notice_last_updated, &settings.notice_fingerprint) {
        (Some(date), Some(stored)) if *stored == fingerprint => (date, None),
        (Some(date), None) => (
            date,
            Some(Settings {
                notice_fingerprint: Some(fingerprint),
                ..settings.clone()
            }),
        ),
        _ => (
            today,
            Some(Settings {
                notice_last_updated: Some(today),
                notice_fingerprint: Some(fingerprint),
                ..settings.clone()
            }),
        ),
    }
}

/// One thing that keeps the notice from being published: an Art. 13/14 item it cannot
/// yet state truthfully, and where to put it right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticeGap {
    /// "1. Who you are and how to contact you".
    pub item: String,
    pub gap: Gap,
}

impl fmt::Display for NoticeGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (fix it on the {} screen)",
            self.item,
            self.gap.reason,
            self.gap.fix.screen_name()
        )
    }
}

/// The gate: every applicable Art. 13/14 item the notice cannot state yet (facts §3.1),
/// each gap with where to fix it — including the starter catalogue's example text, which
/// it would publish as the shop's word. Empty when the notice may be published. The
/// window's export buttons, `smallprint notice` and the export itself all ask this.
pub fn export_gaps(workspace: &Workspace) -> Vec<NoticeGap> {
    // The cookie section states each cookie's facts and the visitor's choice: a gap in
    // either would publish something untrue.
    // Only once the shop has said something about its cookies: a shop that has not
    // yet is asked by `check` and the website kit, and its notice is silent on them.
    let website = &workspace.website;
    let cookie_issues = if website.cookies.is_empty() && !website.sets_no_cookies {
        Vec::new()
    } else {
        website.issues()
    };
    let cookies = cookie_issues.into_iter().map(|issue| NoticeGap {
        item: "Cookies".to_owned(),
        gap: Gap {
            reason: format!("{} → {}: {}", issue.record, issue.field, issue.message),
            fix: completeness::Fix::Website,
        },
    });
    completeness::check(workspace)
        .into_iter()
        .flat_map(|item| {
            let name = format!("{}. {}", item.number, item.title);
            match item.coverage {
                Coverage::Missing(gaps) => gaps
                    .into_iter()
                    .map(|gap| NoticeGap {
                        item: name.clone(),
                        gap,
                    })
                    .collect(),
                Coverage::Covered(_) | Coverage::NotApplicable(_) => Vec::new(),
            }
        })
        .chain(cookies)
        .collect()
}

/// The privacy notice as a document, dated by [`notice_last_updated`].
pub fn privacy_notice(workspace: &Workspace, style: NoticeStyle, today: Date) -> Document {
    let (date, _) = notice_last_updated(workspace, today);
    dated_notice(workspace, style, date, Links::None)
}

/// The privacy notice carrying `date` as its "Last updated".
fn dated_notice(workspace: &Workspace, style: NoticeStyle, date: Date, links: Links) -> Document {
    let mut blocks = content_blocks(workspace, style, links);
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

/// Why a notice was not exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the notice cannot say all the law requires yet: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))]
    Incomplete(Vec<NoticeGap>),
    #[error(transparent)]
    Render(#[from] super::pdf::PdfError),
}

/// A notice ready to write, and what to store once it is written.
#[derive(Debug)]
pub struct Export {
    pub bytes: Vec<u8>,
    /// The "Last updated" date it carries.
    pub last_updated: Date,
    /// Settings recording that date with the content it belongs to, when they changed.
    /// Never for a draft: a draft is not published, so it dates nothing.
    pub settings: Option<Settings>,
    /// The gaps a draft lists (empty for a notice that may be published).
    pub gaps: Vec<NoticeGap>,
}

pub use super::draft::{DRAFT_MARK, Finish};

/// The notice in `format`: refused while the gate finds gaps, unless a draft is asked for.
pub fn export_notice(
    workspace: &Workspace,
    style: NoticeStyle,
    format: super::Format,
    today: Date,
    finish: Finish,
) -> Result<Export, ExportError> {
    export_linked_notice(workspace, style, format, today, finish, Links::None)
}

/// [`export_notice`], linking to the rest of the website kit when `links` says so.
pub fn export_linked_notice(
    workspace: &Workspace,
    style: NoticeStyle,
    format: super::Format,
    today: Date,
    finish: Finish,
    links: Links,
) -> Result<Export, ExportError> {
    let gaps = export_gaps(workspace);
    let (last_updated, settings) = notice_last_updated(workspace, today);
    let mut document = dated_notice(workspace, style, last_updated, links);
    let settings = match (finish, gaps.is_empty()) {
        (Finish::Final, true) => settings,
        (Finish::Final, false) => return Err(ExportError::Incomplete(gaps)),
        // A draft publishes nothing, so it dates nothing, complete or not.
        (Finish::Draft, complete) => {
            if !complete {
                let listed: Vec<String> = gaps.iter().map(ToString::to_string).collect();
                super::draft::mark_draft(
                    &mut document,
                    "Do not publish this notice: it cannot yet say everything the law requires",
                    &listed,
                );
            }
            None
        }
    };
    let bytes = format.render(&document)?;
    Ok(Export {
        bytes,
        last_updated,
        settings,
        gaps,
    })
}

fn contact_details(workspace: &Workspace, blocks: &mut Vec<Block>) {
    let org = &workspace.organisation;
    blocks.push(Block::heading(2, heading::CONTACT));
    let mut address: Vec<String> = org.controller_name().into_iter().collect();
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
            "We collect or use the following information{} {}:",
            whom(activity).map_or_else(String::new, |whom| format!(" about {whom}")),
            purpose_phrase(&activity.purpose)
        )));
        blocks.push(Block::Bullets(categories));
        special_category(activity, blocks);
    }
}

/// "suppliers and customers who ask for an invoice in their name": whose data a purpose
/// uses, so a walk-in customer does not read a tax record as being about them.
fn whom(activity: &ProcessingActivity) -> Option<String> {
    let whom: Vec<String> = non_blank(&activity.individuals).map(lower_first).collect();
    (!whom.is_empty()).then(|| join_list(&whom))
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

/// The absolute right to object to direct marketing, in its own section, apart from the
/// list of rights (Art. 21(4), facts §3.1a): that it is free, needs no reason, always
/// stops the marketing, and how to use it.
fn object_to_marketing(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    let marketing: Vec<&ProcessingActivity> = register
        .iter()
        .filter(|a| a.direct_marketing.is_some() && !a.purpose.trim().is_empty())
        .collect();
    if marketing.is_empty() {
        return;
    }
    let purposes: Vec<String> = marketing
        .iter()
        .map(|a| purpose_phrase(&a.purpose))
        .collect();
    blocks.push(Block::heading(2, heading::OBJECT_TO_MARKETING));
    blocks.push(Block::paragraph(format!(
        "We use your personal information {}, which is direct marketing.",
        join_list(&purposes)
    )));
    for activity in &marketing {
        if let Some(said) = activity
            .direct_marketing
            .as_deref()
            .and_then(|direct| marketing_ground(&activity.purpose, direct))
        {
            blocks.push(Block::paragraph(said));
        }
    }
    blocks.push(Block::Paragraph(vec![Inline::bold(
        "You have the right to object to direct marketing at any time. It is free, you do not have to give a reason, and whatever our lawful basis, we will stop.",
    )]));
    let mut ways: Vec<String> = Vec::new();
    for activity in &marketing {
        let how = activity
            .direct_marketing
            .as_ref()
            .map(|m| m.how_to_object.trim())
            .unwrap_or_default();
        if !how.is_empty() {
            let way = format!("To stop it, {}", instruction(how));
            if !ways.contains(&way) {
                ways.push(way);
            }
        }
    }
    ways.push(
        "You can also tell us at any time using the contact details at the top of this privacy notice.".to_owned(),
    );
    blocks.push(Block::paragraph(ways.join(" ")));
}

/// How one marketing activity reaches people and, for email and text messages, why it
/// may (PECR reg. 22): "We send it by email only to people who asked for it…". `None`
/// with no channel given; the ground is said only once it is complete, since the gate
/// refuses the notice before then.
fn marketing_ground(purpose: &str, direct: &DirectMarketing) -> Option<String> {
    let channels: Vec<String> = direct
        .channels
        .iter()
        .map(|c| c.words().to_owned())
        .collect();
    if channels.is_empty() {
        return None;
    }
    let electronic: Vec<String> = direct
        .channels
        .iter()
        .filter(|c| c.is_electronic_mail())
        .map(|c| c.words().to_owned())
        .collect();
    let what = capitalise_first(purpose.trim());
    let mut said = format!("{what}: we send this by {}.", join_list(&channels));
    if electronic.is_empty()
        || !marketing::problems(&direct.channels, direct.ground.as_ref()).is_empty()
    {
        return Some(said);
    }
    let by = join_list(&electronic);
    match &direct.ground {
        Some(Ground::Consent { .. }) => {
            said = format!(
                "{said} By {by}, only to people who have asked for it (your consent); you can withdraw that consent at any time."
            );
        }
        Some(Ground::SoftOptIn(_)) => {
            said = format!(
                "{said} By {by}, only to people who bought from us or asked us about buying, and only about our own similar products or services. You could say no when you gave us your details, and every message lets you say no, free of charge (the “soft opt-in” of the Privacy and Electronic Communications Regulations)."
            );
        }
        Some(Ground::CorporateSubscribersOnly) => {
            said = format!(
                "{said} By {by}, only to people at companies, at their work address; never to sole traders or partnerships without their consent."
            );
        }
        None => {}
    }
    Some(said)
}

/// The general right to object (Art. 21(1)), stated clearly and apart from the list of
/// rights as Art. 21(4) requires (facts §3.1b): which purposes rest on legitimate
/// interests, the "compelling legitimate grounds or legal claims" test, and how to
/// object. Direct marketing is left to its own section: objecting to it is absolute.
fn object_to_interests(register: &[ProcessingActivity], blocks: &mut Vec<Block>) {
    let purposes: Vec<String> = register
        .iter()
        .filter(|a| {
            a.lia().is_some() && a.direct_marketing.is_none() && !a.purpose.trim().is_empty()
        })
        .map(|a| purpose_phrase(&a.purpose))
        .collect();
    if purposes.is_empty() {
        return;
    }
    blocks.push(Block::heading(2, heading::OBJECT_TO_INTERESTS));
    blocks.push(Block::paragraph(format!(
        "We rely on our legitimate interests to use your personal information {}.",
        join_list(&purposes)
    )));
    blocks.push(Block::Paragraph(vec![Inline::bold(
        "You have the right to object, at any time, to our using your information for these purposes, on grounds relating to your particular situation. If you object, we must stop unless we can show compelling legitimate grounds for the use which override your interests, rights and freedoms, or we need the information to establish, exercise or defend legal claims.",
    )]));
    blocks.push(Block::paragraph(
        "To object, contact us using the details at the top of this privacy notice, saying which use you object to and why. It is free.",
    ));
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

/// The rights a basis leaves out, in the generator's words (facts §3.2).
fn rights_excepted(kind: BasisKind) -> &'static [&'static str] {
    const ERASURE: &str = "the right to erasure";
    const OBJECT: &str = "the right to object";
    const PORTABILITY: &str = "the right to data portability";
    match kind {
        BasisKind::Consent | BasisKind::Contract => &[OBJECT],
        BasisKind::LegalObligation => &[ERASURE, OBJECT, PORTABILITY],
        BasisKind::VitalInterests => &[OBJECT, PORTABILITY],
        BasisKind::PublicTask => &[ERASURE, PORTABILITY],
        // Portability needs consent or a contract (Art. 20(1)); a recognised legitimate
        // interest is no different there.
        BasisKind::LegitimateInterests | BasisKind::RecognisedLegitimateInterest => &[PORTABILITY],
    }
}

/// The caveat for a basis of `activity`, in the generator's words (facts §3.2): the one
/// source of it for every style. A purpose that is direct marketing (Art. 21(2),
/// whatever the basis) or that also rests on legitimate interests or a public task
/// (Art. 21(1)) can always be objected to: its other bases must not say otherwise, as
/// the notice's objection sections say it can.
fn rights_caveat_in(kind: BasisKind, activity: &ProcessingActivity) -> String {
    let objectable = activity.direct_marketing.is_some()
        || activity.basis_kinds().iter().any(|k| {
            matches!(
                k,
                BasisKind::LegitimateInterests
                    | BasisKind::RecognisedLegitimateInterest
                    | BasisKind::PublicTask
            )
        });
    let excepted: Vec<&str> = rights_excepted(kind)
        .iter()
        .copied()
        .filter(|right| !(objectable && *right == "the right to object"))
        .collect();
    caveat_from(&excepted)
}

/// "All of your data protection rights may apply, except a, b and c."
fn caveat_from(excepted: &[&str]) -> String {
    match excepted {
        [] => "All of your data protection rights may apply.".to_owned(),
        [only] => format!("All of your data protection rights may apply, except {only}."),
        [init @ .., last] => format!(
            "All of your data protection rights may apply, except {} and {last}.",
            init.join(", ")
        ),
    }
}

/// "… a legitimate interest in itself (Annex 1 to the UK GDPR: detecting … crime …)".
/// Why the condition applies is the shop's record (the register), like an LIA's answers:
/// a police request's details are not for a public notice.
fn recognised_detail(condition: Option<RecognisedCondition>) -> String {
    let condition = condition.map_or_else(String::new, |c| format!(": {c}"));
    format!(
        " the law recognises this use as a legitimate interest in itself (Annex 1 to the UK GDPR{condition}), so it needs no balancing against your interests."
    )
}

/// "To withdraw it, use the unsubscribe link in every email." when the shop says how.
fn how_to_withdraw(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| format!("To withdraw it, {}", instruction(text)))
}

/// "We have weighed our legitimate interests…", where any purpose relies on them.
const WEIGHED: &str = "We have weighed our legitimate interests against your interests, rights and freedoms. Contact us if you would like more detail.";

/// A basis of `activity` in the generator's words, with the rights that do not apply.
pub fn basis_explanation(basis: &LawfulBasis, activity: &ProcessingActivity) -> Runs {
    let caveat = rights_caveat_in(basis.kind(), activity);
    match basis {
        LawfulBasis::Consent {
            how_to_withdraw: how,
            ..
        } => {
            let mut runs = vec![
                Inline::bold("Consent"),
                Inline::text(format!(
                    " – we have permission from you after we gave you all the relevant information. {caveat} To be clear, you do have the right to withdraw your consent at any time."
                )),
            ];
            if let Some(how) = how_to_withdraw(how) {
                runs.push(Inline::text(format!(" {how}")));
            }
            runs
        }
        LawfulBasis::Contract { .. } => vec![
            Inline::bold("Contract"),
            Inline::text(format!(
                " – we have to collect or use the information so we can enter into or carry out a contract with you. {caveat}"
            )),
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
                    " – we have to collect or use your information so we can comply with the law{law}. {caveat}"
                )),
            ]
        }
        LawfulBasis::VitalInterests { .. } => vec![
            Inline::bold("Vital interests"),
            Inline::text(format!(
                " – collecting or using the information is needed when someone’s physical or mental health or wellbeing is at urgent or serious risk. {caveat}"
            )),
        ],
        LawfulBasis::PublicTask { .. } => vec![
            Inline::bold("Public task"),
            Inline::text(format!(
                " – we have to collect or use your information to carry out a task in the public interest or an official function set out in law. {caveat}"
            )),
        ],
        LawfulBasis::LegitimateInterests(lia) => {
            let mut runs = vec![
                Inline::bold("Legitimate interests"),
                Inline::text(format!(
                    " – we’re collecting or using your information because it benefits you, our organisation or someone else, without causing an undue risk of harm to anyone. {caveat}"
                )),
            ];
            if !lia.interests_pursued.trim().is_empty() {
                runs.push(Inline::text(format!(
                    " Our legitimate interests are: {}",
                    sentence(lia.interests_pursued.trim())
                )));
            }
            runs
        }
        LawfulBasis::RecognisedLegitimateInterest { condition, .. } => vec![
            Inline::bold("Recognised legitimate interest"),
            Inline::text(format!(" –{} {caveat}", recognised_detail(*condition))),
        ],
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
                .map(|basis| basis_explanation(basis, activity))
                .collect(),
        ));
    }
    if weighed(register) {
        blocks.push(Block::paragraph(WEIGHED));
    }
}

/// Whether the notice may say the shop weighed its interests: only when every
/// assessment it relies on is complete and concluded it can rely on them (facts §3.1b).
fn weighed(register: &[ProcessingActivity]) -> bool {
    let mut assessments = register
        .iter()
        .flat_map(ProcessingActivity::lias)
        .peekable();
    assessments.peek().is_some() && assessments.all(crate::domain::lia::Lia::is_complete)
}

/// The layered style's "why we need to do it" cell: each basis in a sentence, with the
/// same caveat about rights as the standard style.
fn legal_stuff(activity: &ProcessingActivity) -> Runs {
    let mut runs = Vec::new();
    for (index, basis) in activity.lawful_bases.iter().enumerate() {
        if index > 0 {
            runs.push(Inline::text(" "));
        }
        let (name, detail) = match basis {
            LawfulBasis::Consent {
                how_to_withdraw: how,
                ..
            } => (
                "Consent:",
                match how_to_withdraw(how) {
                    Some(how) => {
                        format!(" you agreed, and you can withdraw your consent at any time. {how}")
                    }
                    None => {
                        " you agreed, and you can withdraw your consent at any time.".to_owned()
                    }
                },
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
                format!(" {}", sentence(lia.interests_pursued.trim())),
            ),
            LawfulBasis::RecognisedLegitimateInterest { condition, .. } => (
                "Recognised legitimate interest:",
                recognised_detail(*condition),
            ),
        };
        runs.push(Inline::bold(name));
        runs.push(Inline::text(format!(
            "{detail} {}",
            rights_caveat_in(basis.kind(), activity)
        )));
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
            let about = whom(activity).map_or_else(String::new, |whom| format!(" About {whom}."));
            let what = vec![
                Inline::bold(activity.purpose.trim()),
                Inline::text(format!(".{about} We use: {}.", categories.join("; "))),
            ];
            // The register's description, never an LIA answer: those are the shop's
            // private working (no question is `published`).
            let why = if activity.description.trim().is_empty() {
                sentence(&capitalise_first(&purpose_phrase(&activity.purpose)))
            } else {
                sentence(activity.description.trim())
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
    if weighed(register) {
        blocks.push(Block::paragraph(WEIGHED));
    }
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

/// An item shared by some purposes: "Professional or legal advisors (to prevent crime…)".
fn with_purposes(text: String, purposes: &[String], all: usize) -> Runs {
    if purposes.len() >= all {
        plain(text)
    } else {
        let phrases: Vec<String> = purposes.iter().map(|p| purpose_phrase(p)).collect();
        plain(format!("{text} ({})", join_list(&phrases)))
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
            let period = sentence(activity.retention.period.trim());
            let reason = sentence(activity.retention.reason.trim());
            let text = match (period.is_empty(), reason.is_empty()) {
                (false, false) => format!(": {period} Why: {}", lower_first(&reason)),
                (false, true) => format!(": {period}"),
                (true, _) => format!(": {reason}"),
            };
            vec![Inline::bold(activity.purpose.trim()), Inline::text(text)]
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
            let consequence = match consequence(&activity.if_not_provided) {
                text if text.is_empty() => text,
                text => format!(" {text}"),
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

fn complain(workspace: &Workspace, blocks: &mut Vec<Block>, links: Links) {
    let regulator = &workspace.settings.regulator;
    let name = regulator.name.trim();
    blocks.push(Block::heading(2, heading::COMPLAIN));
    blocks.push(Block::Paragraph(vec![
        Inline::text("If you have any concerns about our use of your personal information, you can make a complaint to us using the contact details at the top of this privacy notice, or our "),
        links.to("complaint form", site::FORM_HTML),
        Inline::text(". We will acknowledge your complaint within 30 days, look into it, keep you updated and tell you the outcome. Our "),
        links.to("complaints procedure", site::COMPLAINTS),
        Inline::text(" explains each step."),
    ]));
    blocks.push(Block::paragraph(format!(
        "You can also complain to the {name}. They usually expect you to complain to us first, and to contact them within three months of your last meaningful contact with us."
    )));
    blocks.extend(regulator_contact(regulator));
}

/// The regulator's name and contact details as a notice or procedure prints them: its
/// postal address as lines, its helpline and its website, each only when recorded.
pub fn regulator_contact(regulator: &crate::domain::settings::RegulatorContact) -> Vec<Block> {
    let name = regulator.name.trim();
    let mut blocks = Vec::new();
    let mut address = vec![name.to_owned()];
    address.extend(
        regulator
            .postal_address
            .split([',', '\n'])
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_owned),
    );
    if address.len() > 1 {
        blocks.push(Block::paragraph(format!(
            "{}:",
            capitalise_first(&possessive(name, "address"))
        )));
        blocks.push(Block::Address(address));
    }
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
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    const TODAY: Date = jiff::civil::date(2026, 11, 24);

    #[test]
    fn the_last_updated_date_moves_only_when_the_content_does() {
        let mut workspace = example_workspace(TODAY);
        let first = jiff::civil::date(2026, 3, 1);
        // First export: the notice is new, dated today, and the stamp is to be stored.
        let (date, stamp) = notice_last_updated(&workspace, first);
        assert_eq!(date, first);
        workspace.settings = stamp.expect("a new notice records its date");
        // Later, nothing changed: the date stands and nothing is to be stored.
        assert_eq!(notice_last_updated(&workspace, TODAY), (first, None));
        // The style is presentation, not content.
        assert_eq!(
            privacy_notice(&workspace, NoticeStyle::Layered, TODAY).date,
            first
        );
        // A changed purpose is a changed notice.
        workspace.register[0].purpose = "Sell and deliver 3D models".to_owned();
        let (date, stamp) = notice_last_updated(&workspace, TODAY);
        assert_eq!(date, TODAY);
        assert!(stamp.is_some());
        // A change the notice does not show (where the data is held) moves nothing.
        let mut unseen = example_workspace(TODAY);
        unseen.settings = notice_last_updated(&unseen, first).1.expect("stamp");
        unseen.register[0].location = "A locked drawer".to_owned();
        assert_eq!(notice_last_updated(&unseen, TODAY), (first, None));
    }

    #[test]
    fn a_date_the_shop_sets_stands_for_the_notice_as_it_is() {
        let mut workspace = example_workspace(TODAY);
        let chosen = jiff::civil::date(2026, 6, 30);
        workspace.settings.set_notice_last_updated(Some(chosen));
        let (date, stamp) = notice_last_updated(&workspace, TODAY);
        assert_eq!(date, chosen);
        workspace.settings = stamp.expect("the chosen date is pinned to this content");
        assert_eq!(notice_last_updated(&workspace, TODAY), (chosen, None));
        workspace.register[1]
            .data_categories
            .push("Shoe size".to_owned());
        assert_eq!(notice_last_updated(&workspace, TODAY).0, TODAY);
    }

    #[test]
    fn the_fingerprint_is_stable_across_builds() {
        // FNV-1a of a known text, so a change of hasher cannot re-date every notice.
        let workspace = Workspace::default();
        let fingerprint = content_fingerprint(&workspace);
        assert!(fingerprint.starts_with("fnv1a64:"));
        assert_eq!(fingerprint.len(), "fnv1a64:".len() + 16);
        assert_eq!(fingerprint, content_fingerprint(&workspace.clone()));
    }

    #[test]
    fn placeholders_block_the_export_and_are_named() {
        let mut workspace = example_workspace(TODAY);
        assert_eq!(export_gaps(&workspace), vec![]);
        let business = crate::domain::catalogue::business_type("online-shop").expect("kind");
        workspace.add_catalogue_activities(business);
        let gaps = export_gaps(&workspace);
        assert!(
            gaps.iter().any(|g| g.gap.reason.contains("“Your courier”")),
            "{gaps:?}"
        );
        match export_notice(
            &workspace,
            NoticeStyle::Standard,
            super::super::Format::Markdown,
            TODAY,
            Finish::Final,
        ) {
            Err(ExportError::Incomplete(named)) => assert_eq!(named, gaps),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn markdown(workspace: &Workspace, finish: Finish) -> Result<String, String> {
        export_notice(
            workspace,
            NoticeStyle::Standard,
            super::super::Format::Markdown,
            TODAY,
            finish,
        )
        .map(|made| String::from_utf8_lossy(&made.bytes).into_owned())
        .map_err(|e| e.to_string())
    }

    #[test]
    fn a_draft_is_marked_lists_its_gaps_and_dates_nothing() {
        let mut workspace = example_workspace(TODAY);
        workspace.register[0].lawful_bases.clear();
        let refused = markdown(&workspace, Finish::Final).expect_err("gap");
        assert!(refused.contains("has no lawful basis"), "{refused}");
        let made = export_notice(
            &workspace,
            NoticeStyle::Layered,
            super::super::Format::Markdown,
            TODAY,
            Finish::Draft,
        )
        .expect("draft");
        assert!(
            made.settings.is_none(),
            "a draft records no publication date"
        );
        let text = String::from_utf8_lossy(&made.bytes);
        assert!(text.starts_with(&format!("# {DRAFT_MARK}")), "{text}");
        let tail = &text[text
            .find(super::super::draft::NOT_YET_COMPLETE)
            .expect("gap list")..];
        assert!(tail.contains("has no lawful basis"), "{tail}");
        // A complete workspace's "draft" is the notice itself, and dates nothing either.
        let complete = markdown(&example_workspace(TODAY), Finish::Draft).expect("notice");
        assert!(!complete.contains(DRAFT_MARK));
        let made = export_notice(
            &example_workspace(TODAY),
            NoticeStyle::Standard,
            super::super::Format::Markdown,
            TODAY,
            Finish::Draft,
        )
        .expect("notice");
        assert!(made.settings.is_none(), "a draft never records a date");
    }

    #[test]
    fn the_general_right_to_object_stands_apart_naming_the_interests_purposes() {
        let workspace = example_workspace(TODAY);
        let purposes: Vec<String> = workspace
            .register
            .iter()
            .filter(|a| a.lia().is_some() && a.direct_marketing.is_none())
            .map(|a| purpose_phrase(&a.purpose))
            .collect();
        assert!(
            !purposes.is_empty(),
            "the example relies on legitimate interests"
        );
        for style in NoticeStyle::ALL {
            let notice = privacy_notice(&workspace, style, TODAY);
            let at = notice
                .blocks
                .iter()
                .position(|b| matches!(b, Block::Heading { text, .. } if text == heading::OBJECT_TO_INTERESTS))
                .expect("its own section");
            let section: String = notice.blocks[at + 1..at + 4]
                .iter()
                .map(|b| match b {
                    Block::Paragraph(runs) => super::super::model::runs_text(runs),
                    _ => String::new(),
                })
                .collect();
            for purpose in &purposes {
                assert!(section.contains(purpose.as_str()), "{section}");
            }
            assert!(
                section.contains("compelling legitimate grounds"),
                "{section}"
            );
            assert!(section.contains("legal claims"), "{section}");
        }
        // Nothing on legitimate interests: no such section.
        let mut none = workspace.clone();
        none.register.retain(|a| a.lia().is_none());
        assert!(
            !privacy_notice(&none, NoticeStyle::Standard, TODAY)
                .headings()
                .any(|h| h == heading::OBJECT_TO_INTERESTS)
        );
    }

    #[test]
    fn the_notice_says_it_weighed_its_interests_only_from_a_complete_assessment() {
        let mut workspace = example_workspace(TODAY);
        let says = |w: &Workspace| {
            privacy_notice(w, NoticeStyle::Standard, TODAY)
                .plain_text()
                .contains(WEIGHED)
        };
        assert!(says(&workspace));
        for basis in &mut workspace.register[2].lawful_bases {
            if let LawfulBasis::LegitimateInterests(lia) = basis {
                lia.outcome = crate::domain::lia::Outcome::NotDecided;
            }
        }
        assert!(!says(&workspace));
    }

    #[test]
    fn a_recognised_legitimate_interest_names_its_condition_and_keeps_its_reason_private() {
        let mut workspace = example_workspace(TODAY);
        workspace.register[2]
            .lawful_bases
            .push(LawfulBasis::RecognisedLegitimateInterest {
                condition: Some(RecognisedCondition::CrimePrevention),
                why_it_applies: "PC 4471 asked for the till footage of 1 December".to_owned(),
            });
        for style in NoticeStyle::ALL {
            let text = privacy_notice(&workspace, style, TODAY).plain_text();
            assert!(text.contains("Recognised legitimate interest"), "{style:?}");
            assert!(
                text.contains("detecting, investigating or preventing crime"),
                "{style:?}"
            );
            assert!(
                !text.contains("PC 4471"),
                "{style:?}: the reason is the shop's record"
            );
        }
    }

    #[test]
    fn no_basis_of_a_purpose_people_can_object_to_says_they_cannot() {
        let mut workspace = example_workspace(TODAY);
        // Contract and legitimate interests on one purpose (the example's second), and
        // marketing on consent.
        workspace.register[3].lawful_bases = vec![LawfulBasis::Consent {
            how_obtained: "A box at checkout".into(),
            wording: "Send me news".into(),
            how_to_withdraw: "The unsubscribe link".into(),
            records_kept_at: "The mailing service".into(),
        }];
        for style in NoticeStyle::ALL {
            let notice = privacy_notice(&workspace, style, TODAY);
            for activity in &workspace.register[1..=3] {
                let text = match style {
                    NoticeStyle::Standard => notice
                        .blocks
                        .iter()
                        .skip_while(|b| !matches!(b, Block::Paragraph(runs) if super::super::model::runs_text(runs).contains(&format!("personal information {} are:", purpose_phrase(&activity.purpose)))))
                        .nth(1)
                        .map(|b| match b {
                            Block::Bullets(items) => items.iter().map(|i| super::super::model::runs_text(i)).collect::<String>(),
                            _ => String::new(),
                        })
                        .unwrap_or_default(),
                    NoticeStyle::Layered => super::super::model::runs_text(&legal_stuff(activity)),
                };
                assert!(!text.is_empty(), "{style:?}: {}", activity.purpose);
                assert!(
                    !text.contains("except the right to object"),
                    "{style:?}: {}: {text}",
                    activity.purpose
                );
            }
            // A purpose on a contract alone keeps the generator's caveat.
            assert!(
                super::super::model::runs_text(&legal_stuff(&workspace.register[0]))
                    .contains("except the right to object.")
            );
        }
    }
}
