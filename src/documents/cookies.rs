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
    website.issues().iter().map(ToString::to_string).collect()
}

/// What keeps the cookie notice from being published: the shop's name and a way to
/// reach it, and its cookie list's [`gaps`].
pub fn notice_gaps(workspace: &Workspace) -> Vec<String> {
    let mut gaps = workspace.organisation.controller_gaps();
    gaps.extend(self::gaps(&workspace.website));
    gaps
}

/// What a site that sets no cookies tells its visitors.
const NO_COOKIES: &str =
    "Our website does not store cookies or similar technologies on your device.";

/// The choice a visitor has over a cookie of `class`, in their words.
fn choice(class: CookieClass) -> &'static str {
    match class {
        CookieClass::Exempt(_) => "Always on: the site needs it",
        CookieClass::ExceptionWithObjection(_) => "On unless you object",
        CookieClass::ConsentRequired(_) => "Off unless you agree",
    }
}

/// What the cookies listed are, in one sentence: only the kinds there are.
fn introduction(classes: &[CookieClass]) -> String {
    let mut kinds = Vec::new();
    if classes.iter().any(|c| matches!(c, CookieClass::Exempt(_))) {
        kinds.push("some are needed for the site to work".to_owned());
    }
    if classes.iter().any(|c| c.needs_objection_route()) {
        kinds.push("some we use unless you tell us not to".to_owned());
    }
    if classes.iter().any(|c| c.needs_consent()) {
        kinds.push("some we use only if you agree".to_owned());
    }
    format!(
        "Our website stores small files called cookies on your device: {}.",
        super::wording::join_list(&kinds)
    )
}

/// How a visitor chooses: the consent asked for before a cookie that needs it, the way to
/// object to the two exceptions, and the browser's own controls.
fn choices(website: &Website, classes: &[CookieClass]) -> Vec<Block> {
    let mut blocks = Vec::new();
    if classes.iter().any(|c| c.needs_consent()) {
        blocks.push(Block::Paragraph(vec![
            Inline::bold("Cookies we set only if you agree. "),
            Inline::text(super::wording::sentence(website.consent_mechanism.trim())),
        ]));
    }
    if classes.iter().any(|c| c.needs_objection_route()) {
        blocks.push(Block::Paragraph(vec![
            Inline::bold("Cookies you can turn off. "),
            Inline::text(format!(
                "The law allows these without asking first, only because they do nothing but count visits to improve our site or remember your choices, and only if we tell you and let you say no, free of charge. {}",
                super::wording::sentence(&super::wording::capitalise_first(website.objection_route.trim()))
            )),
        ]));
    }
    blocks.push(Block::paragraph(
        "You can also block or delete cookies in your browser's settings; the site may then not work fully.",
    ));
    blocks
}

/// The cookie notice's body: every cookie in a table — its name, who sets it, what it
/// does, how long it lasts, the visitor's choice — then how to choose.
fn cookie_table(website: &Website) -> Vec<Block> {
    let classes: Vec<CookieClass> = website.cookies.iter().map(Cookie::class).collect();
    let mut blocks = vec![
        Block::paragraph(format!(
            "{} These are the cookies our website sets:",
            introduction(&classes)
        )),
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
    blocks.extend(choices(website, &classes));
    blocks
}

/// The privacy notice's cookie section: each cookie named under the choice the visitor
/// has, how to choose, and the cookie notice for what each one does — so the notice
/// stays short and says nothing the cookie notice does not.
pub fn notice_section(website: &Website, links: Links) -> Vec<Block> {
    if website.cookies.is_empty() {
        return vec![Block::heading(2, "Cookies"), Block::paragraph(NO_COOKIES)];
    }
    let classes: Vec<CookieClass> = website.cookies.iter().map(Cookie::class).collect();
    let mut blocks = vec![
        Block::heading(2, "Cookies"),
        Block::paragraph(introduction(&classes)),
    ];
    let named = |test: fn(&CookieClass) -> bool| -> Vec<String> {
        website
            .cookies
            .iter()
            .zip(&classes)
            .filter(|(_, class)| test(class))
            .map(|(cookie, _)| cookie.name.trim().to_owned())
            .collect()
    };
    let groups = [
        (
            "Needed for the site to work: ",
            named(|c| matches!(c, CookieClass::Exempt(_))),
        ),
        (
            "Used unless you object: ",
            named(|c| c.needs_objection_route()),
        ),
        ("Only if you agree: ", named(|c| c.needs_consent())),
    ];
    blocks.push(Block::Bullets(
        groups
            .into_iter()
            .filter(|(_, names)| !names.is_empty())
            .map(|(lead, names)| vec![Inline::bold(lead), Inline::text(names.join(", "))])
            .collect(),
    ));
    blocks.extend(choices(website, &classes));
    blocks.push(Block::Paragraph(vec![
        Inline::text("Our "),
        links.to("cookie notice", site::COOKIES),
        Inline::text(" says what each cookie does, who sets it and how long it lasts."),
    ]));
    blocks
}

/// The cookie notice, or its gaps.
pub fn cookie_notice(workspace: &Workspace, links: Links, today: Date) -> Result<Document, Gaps> {
    let website = &workspace.website;
    let gaps = notice_gaps(workspace);
    if !gaps.is_empty() {
        return Err(Gaps(gaps));
    }
    let title = match workspace.display_name() {
        "" => "Cookie notice".to_owned(),
        name => format!("{name} cookie notice"),
    };
    let mut blocks = vec![Block::heading(1, title.clone())];
    if website.cookies.is_empty() {
        blocks.push(Block::paragraph(NO_COOKIES));
    } else {
        blocks.extend(cookie_table(website));
    }
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
