//! The Website kit screen: the cookies the shop's site sets, each classed against PECR as
//! it is described, how visitors consent and object, and the public documents for the
//! site — the complaints procedure, the complaint form and the cookie notice.

use super::{
    ScreenContext,
    access::{self, DisabledBecause, Level},
    theme::spacing,
    widgets::UiExt,
};
use crate::{
    actions::export::{Export, PublicPage, website_gaps},
    command::Command,
    documents::wording::capitalise_first,
    domain::{
        validate::count,
        website::{Cookie, CookieUse, Party, Website},
        workspace::Workspace,
    },
};

#[derive(Debug, Default)]
pub struct WebsiteScreen;

/// Draws the screen from the workspace: every change is pushed as it is typed.
pub fn ui(ui: &mut egui::Ui, context: ScreenContext<'_>, commands: &mut Vec<Command>) {
    let workspace = context.workspace;
    access::heading(ui, "Website kit", Level::Screen);
    ui.label(
        "What your website stores on visitors' devices, and the pages to publish on it. \
         Do this in order: list your cookies, say how visitors choose, then export your \
         pages at the bottom of this screen. Changes are saved as you type.",
    );
    let mut website = workspace.website.clone();
    let changed = cookies_ui(ui, &mut website) | choices_ui(ui, &mut website);
    let issues = website.issues();
    if changed {
        commands.push(Command::UpdateWebsite(Box::new(website)));
    }
    if !issues.is_empty() {
        ui.add_space(spacing::INNER_MARGIN);
        access::heading(ui, "To put right", Level::Part);
        for issue in &issues {
            ui.problem(&issue.to_string());
        }
    }
    exports_ui(ui, workspace, commands);
}

/// Each cookie's fields and the class they give it; true when one changed.
fn cookies_ui(ui: &mut egui::Ui, website: &mut Website) -> bool {
    access::heading(ui, "Cookies", Level::Section);
    ui.label(
        "List every cookie (or similar: local storage, a tracking pixel) your site sets or \
         lets another company set. Your shop platform or web host lists them, or ask \
         whoever built your site.",
    );
    let mut changed = ui
        .checkbox(
            &mut website.sets_no_cookies,
            "Our website sets no cookies or similar technologies (or we have no website)",
        )
        .changed();
    let mut remove = None;
    for (index, cookie) in website.cookies.iter_mut().enumerate() {
        let number = index + 1;
        ui.push_id(("cookie", index), |ui| {
            ui.add_space(spacing::INNER_MARGIN);
            egui::Frame::group(ui.style()).show(ui, |ui| {
                access::heading(ui, &format!("Cookie {number}"), Level::Part);
                changed |= cookie_fields(ui, number, cookie);
                let class = cookie.class();
                ui.label(
                    egui::RichText::new(format!("{} — {}.", class.short(), class.reason()))
                        .strong(),
                );
                if ui.button(format!("Remove cookie {number}")).clicked() {
                    remove = Some(index);
                }
            });
        });
    }
    if let Some(index) = remove {
        website.cookies.remove(index);
        changed = true;
    }
    ui.add_space(spacing::INNER_MARGIN);
    if ui.button("Add a cookie").clicked() {
        website.cookies.push(Cookie::default());
        changed = true;
    }
    changed
}

fn cookie_fields(ui: &mut egui::Ui, number: usize, cookie: &mut Cookie) -> bool {
    let mut changed = false;
    // Short facts side by side, so a list of cookies reads as a list.
    ui.columns(3, |columns| {
        changed |= columns[0].text_field(
            &format!("Cookie {number}: name"),
            &mut cookie.name,
            "as the browser shows it, such as _ga",
        );
        changed |= columns[1].text_field(
            &format!("Cookie {number}: provider"),
            &mut cookie.provider,
            "your shop, or the company",
        );
        changed |= columns[2].text_field(
            &format!("Cookie {number}: how long it lasts"),
            &mut cookie.duration,
            "until the browser closes, 30 days…",
        );
    });
    // Each drop-down on its own line with its label, so a narrow window never strands
    // one from the other; the question that changes the class follows at once.
    ui.horizontal(|ui| {
        changed |= ui
            .enum_combo(
                &format!("Cookie {number}: what it is for"),
                ("kind", number),
                &mut cookie.kind,
                CookieUse::ALL,
                ToString::to_string,
            )
            .changed();
    });
    ui.horizontal(|ui| {
        changed |= ui
            .enum_combo(
                &format!("Cookie {number}: set by"),
                ("set-by", number),
                &mut cookie.set_by,
                Party::ALL,
                ToString::to_string,
            )
            .changed();
    });
    changed |= ui
        .checkbox(
            &mut cookie.provider_uses_for_itself,
            format!("Cookie {number}: another company (not you) also uses this data for its own purposes, as Google Analytics, Meta and YouTube do. Tick it if unsure."),
        )
        .changed();
    changed |= ui.text_area(
        &format!("Cookie {number}: what it does, for visitors"),
        &mut cookie.purpose,
        "Remembers the items in your basket",
    );
    changed
}

/// How visitors consent and object; true when either changed.
fn choices_ui(ui: &mut egui::Ui, website: &mut Website) -> bool {
    access::heading(ui, "Visitors' choices", Level::Section);
    let mut changed = ui.text_area(
        crate::domain::website::field::CONSENT_MECHANISM,
        &mut website.consent_mechanism,
        "A banner with Accept and Reject buttons of equal weight; nothing is set until Accept",
    );
    changed |= ui.text_area(
        crate::domain::website::field::OBJECTION_ROUTE,
        &mut website.objection_route,
        "The ‘Cookie settings’ link at the foot of every page",
    );
    changed
}

/// The public documents, each greyed with its gaps while it cannot be published.
fn exports_ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Vec<Command>) {
    access::heading(ui, "Pages for your website", Level::Section);
    ui.label(
        "Since 19 June 2026 you must make complaining easy (Data Protection Act 2018 s.164A): \
         publish your complaints procedure and complaint form beside your privacy notice. \
         The kit saves five files, linked to each other: your privacy notice, complaints \
         procedure, complaint form (web page and PDF) and cookie notice. Choose the folder \
         by saving privacy.html in it. When a complaint arrives, log it yourself: \
         Requests › Log a request…, kind Complaint; Smallprint then counts the 30 days \
         to acknowledge it.",
    );
    let kit_gaps = website_gaps(workspace);
    let kit = ui
        .add_enabled(
            kit_gaps.is_empty(),
            egui::Button::new("Export the website kit…"),
        )
        .on_hover_text(
            "privacy.html, complaints.html, complaint-form.html, complaint-form.pdf and cookies.html, readable by a web server",
        )
        .disabled_because(format!(
            "Not yet: each page must be complete first ({})",
            count(kit_gaps.len(), "gap", "gaps")
        ));
    if kit.clicked() {
        commands.push(Command::Export {
            what: Export::WebsiteKit,
            to: None,
        });
    }
    ui.add_space(spacing::INNER_MARGIN);
    for page in PublicPage::ALL {
        let gaps = page.gaps(workspace);
        let name = page.name();
        ui.horizontal_wrapped(|ui| {
            ui.label(capitalise_first(name));
            let reason = gaps.join("; ");
            for format in page.formats() {
                let button = ui
                    .add_enabled(
                        gaps.is_empty(),
                        egui::Button::new(format!("Export the {name} as {format}…")),
                    )
                    .disabled_because(format!("Not yet: {reason}"));
                if button.clicked() {
                    commands.push(Command::Export {
                        what: Export::Public {
                            page,
                            format: *format,
                        },
                        to: None,
                    });
                }
            }
        });
        if !gaps.is_empty() {
            ui.problem(&format!("{}: {}", capitalise_first(name), gaps.join("; ")));
        }
    }
}
