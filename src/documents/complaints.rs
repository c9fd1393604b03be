//! The shop's data protection complaints procedure and its complaint form (DPA 2018
//! s.164A, in force 19 June 2026; facts §1.6): how to complain — by the shop's own
//! channels and a form that can be filled in electronically —, what happens next (an
//! acknowledgement within 30 days, an investigation, updates, the outcome), then the
//! regulator.

use super::{
    Format,
    model::{Block, Document, FieldKind, Form, FormField, Inline},
    site::{self, Links},
};
use jiff::civil::Date;

use crate::domain::Workspace;

/// Why a public complaints document cannot be made yet: each gap in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.join("; "))]
pub struct Gaps(pub Vec<String>);

/// Where complaints go by email: the privacy contact's address, else the shop's.
pub fn complaints_email(workspace: &Workspace) -> Option<&str> {
    let org = &workspace.organisation;
    org.privacy_contact
        .as_ref()
        .map(|contact| contact.email.trim())
        .filter(|email| !email.is_empty())
        .or_else(|| Some(org.email.trim()).filter(|email| !email.is_empty()))
}

/// What the procedure cannot go out without: the shop's name and a way to reach it
/// (the one rule the notice and letters ask), and the regulator's name.
pub fn procedure_gaps(workspace: &Workspace) -> Vec<String> {
    let mut gaps = workspace.organisation.controller_gaps();
    if workspace.settings.regulator.name.trim().is_empty() {
        gaps.push("the regulator's name is empty (Settings)".to_owned());
    }
    gaps
}

/// What the complaint form cannot go out without: the procedure's, and an email address
/// for the filled-in form to be sent to.
pub fn form_gaps(workspace: &Workspace) -> Vec<String> {
    let mut gaps = procedure_gaps(workspace);
    if complaints_email(workspace).is_none() {
        gaps.push(
            "the complaint form is sent back by email: give the shop's email address, or the privacy contact's".to_owned(),
        );
    }
    gaps
}

fn title(workspace: &Workspace, what: &str) -> String {
    match workspace.display_name() {
        "" => what.to_owned(),
        name => format!("{name} {}", what.to_lowercase()),
    }
}

/// The complaints procedure, or its gaps.
pub fn procedure(workspace: &Workspace, links: Links, today: Date) -> Result<Document, Gaps> {
    let gaps = procedure_gaps(workspace);
    if !gaps.is_empty() {
        return Err(Gaps(gaps));
    }
    let org = &workspace.organisation;
    let title = title(workspace, "Data protection complaints procedure");
    let mut blocks = vec![
        Block::heading(1, title.clone()),
        Block::paragraph(
            "If you think we have not handled your personal information properly, you can complain to us. This page explains how, and what happens next. Complaining is free.",
        ),
        Block::heading(2, "How to complain"),
    ];
    let mut ways = vec![vec![
        Inline::text("Fill in our "),
        links.to("complaint form", site::FORM_HTML),
        Inline::text(" on our website, or the "),
        links.to("PDF complaint form", site::FORM_PDF),
        Inline::text(", which you can fill in on screen and email back, or print and post."),
    ]];
    if let Some(email) = complaints_email(workspace) {
        ways.push(vec![
            Inline::text("Email us at "),
            Inline::link(email, format!("mailto:{email}")),
            Inline::text("."),
        ]);
    }
    let address: Vec<&str> = org
        .address
        .lines
        .iter()
        .map(|line| line.trim())
        .chain([org.address.town.trim(), org.address.postcode.trim()])
        .filter(|line| !line.is_empty())
        .collect();
    if !address.is_empty() && !org.address.postcode.trim().is_empty() {
        ways.push(vec![Inline::text(format!(
            "Write to us at {}, {}.",
            org.controller_name().unwrap_or_default(),
            address.join(", ")
        ))]);
    }
    if !org.phone.trim().is_empty() {
        ways.push(vec![Inline::text(format!(
            "Phone us on {}.",
            org.phone.trim()
        ))]);
    }
    blocks.push(Block::Bullets(ways));
    blocks.push(Block::paragraph(
        "Tell us your name, how to contact you, what your complaint is about and what you would like us to do. You do not have to use the form: we accept a complaint however you send it.",
    ));
    blocks.push(Block::heading(2, "What happens next"));
    blocks.push(Block::Bullets(vec![
        vec![Inline::bold("Acknowledgement. "), Inline::text(
            "We will confirm we have received your complaint within 30 days of receiving it. If we resolve it sooner, we will tell you the outcome instead.",
        )],
        vec![Inline::bold("Investigation. "), Inline::text(
            "We start looking into your complaint as soon as we receive it, and look into it as fully as it needs. We may ask you for more information.",
        )],
        vec![Inline::bold("Updates. "), Inline::text(
            "We will keep you updated on our progress.",
        )],
        vec![Inline::bold("Outcome. "), Inline::text(
            "We will tell you the outcome: what we found, and anything we will do to put things right.",
        )],
    ]));
    regulator_section(workspace, &mut blocks);
    blocks.push(Block::Paragraph(vec![
        Inline::text("How we use your personal information is explained in our "),
        links.to("privacy notice", site::PRIVACY),
        Inline::text("."),
    ]));
    Ok(Document {
        title,
        author: org.legal_name.trim().to_owned(),
        subject: "Data protection complaints procedure (Data Protection Act 2018 s.164A)"
            .to_owned(),
        date: today,
        blocks,
    })
}

/// "If you are still unhappy": the regulator, and what it expects of a complainant
/// (facts §10).
fn regulator_section(workspace: &Workspace, blocks: &mut Vec<Block>) {
    let regulator = &workspace.settings.regulator;
    let name = regulator.name.trim();
    blocks.push(Block::heading(2, "If you are still unhappy"));
    blocks.push(Block::paragraph(format!(
        "If you are not satisfied with the outcome, or we have not replied within 30 days, you can complain to the {name}. They usually expect you to have complained to us first, and to contact them within three months of your last meaningful contact with us."
    )));
    blocks.extend(super::notice::regulator_contact(regulator));
}

/// The fields a complainant fills in, in the order they are asked.
fn complaint_fields() -> Vec<FormField> {
    let field = |name, label: &str, hint: &str, lines, kind| FormField {
        name,
        label: label.to_owned(),
        hint: hint.to_owned(),
        lines,
        kind,
    };
    vec![
        field("name", "Your name", "", 1, FieldKind::Text),
        field(
            "contact",
            "How we can contact you",
            "An email address, phone number or postal address.",
            2,
            FieldKind::Text,
        ),
        field(
            "complaint",
            "What your complaint is about",
            "What happened, and when. Include any reference we gave you.",
            7,
            FieldKind::Text,
        ),
        field(
            "outcome",
            "What you would like us to do",
            "",
            3,
            FieldKind::Text,
        ),
        field(
            "on_behalf",
            "If you are complaining for someone else",
            "Their name, and how you are allowed to act for them. Leave it empty if the complaint is your own.",
            2,
            FieldKind::Text,
        ),
        field("date", "Date", "", 1, FieldKind::Date),
    ]
}

/// The complaint form: fillable fields (an `AcroForm` in the PDF, an email-composing form
/// in HTML), and every way to send it as text, so it works with no script, no server
/// and no form support at all.
///
/// `medium` is how it is filled in: on a web page (HTML: its button writes an email)
/// or as a PDF (saved and attached, or printed and posted); each says how to send it.
pub fn form(
    workspace: &Workspace,
    links: Links,
    medium: Format,
    today: Date,
) -> Result<Document, Gaps> {
    let gaps = form_gaps(workspace);
    let Some(email) = complaints_email(workspace).filter(|_| gaps.is_empty()) else {
        return Err(Gaps(gaps));
    };
    let org = &workspace.organisation;
    let title = title(workspace, "Data protection complaint form");
    let fields = complaint_fields();
    // What a plain email must say: the fields a complaint needs (not the date, which the
    // email carries, nor the optional one for someone else's complaint).
    let asked: Vec<String> = fields
        .iter()
        .filter(|f| f.kind != FieldKind::Date && f.name != "on_behalf")
        .map(|f| f.label.to_lowercase())
        .collect();
    let postal: Option<Vec<String>> = (!org.address.postcode.trim().is_empty()).then(|| {
        org.controller_name()
            .into_iter()
            .chain(
                org.address
                    .lines
                    .iter()
                    .chain([&org.address.town, &org.address.postcode])
                    .map(|line| line.trim().to_owned())
                    .filter(|line| !line.is_empty()),
            )
            .collect()
    });
    let fallback = format!(
        "If no email program opens, email us at {email} with {}, or use any of the ways in our complaints procedure.",
        super::wording::join_list(&asked)
    );
    let mut blocks = vec![
        Block::heading(1, title.clone()),
        Block::Paragraph(vec![
            Inline::text(
                "Use this form to complain about how we have handled your personal information. Our ",
            ),
            links.to("complaints procedure", site::COMPLAINTS),
            Inline::text(
                " says what happens next: we will acknowledge your complaint within 30 days. How we use the information in your complaint is explained in our ",
            ),
            links.to("privacy notice", site::PRIVACY),
            Inline::text("."),
        ]),
        Block::heading(2, "How to send it"),
    ];
    if medium == Format::Pdf {
        // The address on one line, so the form and its fields fit one printed page.
        let post = postal.map_or_else(
            || ".".to_owned(),
            |address| format!(" to {}.", address.join(", ")),
        );
        blocks.push(Block::Paragraph(vec![
            Inline::text(
                "Fill in the boxes on screen, save the file and attach it to an email to ",
            ),
            Inline::link(email, format!("mailto:{email}")),
            Inline::text(format!(
                ". Or print it, fill it in by hand and post it{post}"
            )),
        ]));
    } else {
        blocks.push(Block::Paragraph(vec![Inline::text(
            "Fill in the boxes and press “Write the email”: your email program opens with your answers in it. Check them and press Send — nothing reaches us until you do. ",
        ), Inline::text(fallback)]));
        if let Some(address) = postal {
            blocks.push(Block::Paragraph(vec![
                Inline::text("You can also print our "),
                links.to("PDF complaint form", site::FORM_PDF),
                Inline::text(", fill it in by hand and post it to:"),
            ]));
            blocks.push(Block::Address(address));
        }
    }
    blocks.push(Block::heading(2, "Your complaint"));
    blocks.push(Block::Form(Form {
        fields,
        send_to: email.to_owned(),
        subject: format!("Data protection complaint to {}", workspace.display_name()),
    }));
    Ok(Document {
        title,
        author: org.legal_name.trim().to_owned(),
        subject: "Data protection complaint form (Data Protection Act 2018 s.164A)".to_owned(),
        date: today,
        blocks,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    const TODAY: Date = jiff::civil::date(2026, 12, 3);

    #[test]
    fn the_form_refuses_without_an_email_to_send_to_and_names_the_gap() {
        let mut workspace = example_workspace(TODAY);
        workspace.organisation.email.clear();
        workspace.organisation.privacy_contact = None;
        let Err(Gaps(gaps)) = form(&workspace, Links::None, Format::Pdf, TODAY) else {
            panic!("a form with nowhere to go was made");
        };
        assert!(gaps.iter().any(|gap| gap.contains("email")), "{gaps:?}");
        assert!(
            procedure(&workspace, Links::None, TODAY).is_ok(),
            "post and phone remain"
        );
    }

    #[test]
    fn a_shop_with_no_postal_address_is_not_offered_as_one() {
        let mut workspace = example_workspace(TODAY);
        workspace.organisation.address = crate::domain::PostalAddress::default();
        let text = procedure(&workspace, Links::None, TODAY)
            .expect("email and phone remain")
            .plain_text();
        assert!(!text.contains("Write to us"), "{text}");
        assert!(text.contains("Phone us on 01632 960 418"), "{text}");
    }
}
