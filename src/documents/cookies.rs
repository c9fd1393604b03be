//! What the shop's website stores on visitors' devices, for visitors: the notice's
//! cookie section and the separate cookie notice, both from the website's cookie list
//! and each cookie's class under PECR ([`crate::domain::website::classify`]).

use jiff::civil::Date;

use super::{
    complaints::Gaps,
    model::{Block, Document, Inline, plain},
    site::{self, Links},
};
use crate::domain::{
    Workspace,
    website::{Cookie, CookieClass, Website},
};

/// What keeps the cookie notice from being published: no cookie listed (the notice
/// would say nothing true), or any problem `check` finds with the list.
pub fn gaps(website: &Website) -> Vec<String> {
    if website.cookies.is_empty() {
        return vec![
            "no cookies are listed: list each cookie your website sets (your web host or shop platform lists them)".to_owned(),
        ];
    }
    website.issues().iter().map(ToString::to_string).collect()
}

/// The choice a visitor has over a cookie of `class`, in their words.
fn choice(class: CookieClass) -> &'static str {
    match class {
        CookieClass::Exempt(_) => "Always on: the site needs it",
        CookieClass::ExceptionWithObjection(_) => "On unless you object",
        CookieClass::ConsentRequired(_) => "Off unless you agree",
    }
}

/// The cookie table and the ways to choose, under a level-`level` heading: the same
/// words in the privacy notice and the cookie notice.
pub fn cookie_blocks(website: &Website, level: u8) -> Vec<Block> {
    let mut blocks = vec![
        Block::heading(level, "Cookies"),
        Block::paragraph(
            "Our website stores small files called cookies on your device. Some are needed for the site to work; others are used only if you do not object, or only if you agree. These are all of them:",
        ),
        Block::Table {
            header: vec![
                "Cookie".into(),
                "Set by".into(),
                "What it does".into(),
                "How long it lasts".into(),
                "Your choice".into(),
            ],
            rows: website
                .cookies
                .iter()
                .map(|cookie| {
                    vec![
                        plain(cookie.name.trim()),
                        plain(cookie.provider.trim()),
                        plain(cookie.purpose.trim()),
                        plain(cookie.duration.trim()),
                        plain(choice(cookie.class())),
                    ]
                })
                .collect(),
            widths: vec![3, 3, 6, 3, 3],
        },
    ];
    let classes: Vec<CookieClass> = website.cookies.iter().map(Cookie::class).collect();
    if classes.iter().any(|c| c.needs_consent()) {
        blocks.push(Block::Paragraph(vec![
            Inline::bold("Cookies we set only if you agree. "),
            Inline::text(format!(
                "{} You can change your mind at any time.",
                super::wording::sentence(website.consent_mechanism.trim())
            )),
        ]));
    }
    if classes.iter().any(|c| c.needs_objection_route()) {
        blocks.push(Block::Paragraph(vec![
            Inline::bold("Cookies you can turn off. "),
            Inline::text(format!(
                "We use statistics and preference cookies without asking first, as the law allows; you can object to them at any time, free of charge. {}",
                super::wording::sentence(&super::wording::capitalise_first(website.objection_route.trim()))
            )),
        ]));
    }
    blocks.push(Block::paragraph(
        "You can also block or delete cookies in your browser's settings; the site may then not work fully.",
    ));
    blocks
}

/// The cookie notice, or its gaps.
pub fn cookie_notice(workspace: &Workspace, links: Links, today: Date) -> Result<Document, Gaps> {
    let website = &workspace.website;
    let mut gaps = workspace.organisation.controller_gaps();
    gaps.extend(self::gaps(website));
    if !gaps.is_empty() {
        return Err(Gaps(gaps));
    }
    let title = match workspace.display_name() {
        "" => "Cookie notice".to_owned(),
        name => format!("{name} cookie notice"),
    };
    let mut blocks = vec![Block::heading(1, title.clone())];
    blocks.extend(cookie_blocks(website, 2));
    blocks.push(Block::Paragraph(vec![
        Inline::text("Our "),
        links.to("privacy notice", site::PRIVACY),
        Inline::text(" explains how we use your personal information and your rights."),
    ]));
    Ok(Document {
        title,
        author: workspace.organisation.legal_name.trim().to_owned(),
        subject: "Cookie notice (PECR regulation 6)".to_owned(),
        date: today,
        blocks,
    })
}
