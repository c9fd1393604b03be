//! The Overview screen: what needs doing, at a glance — overdue requests, those due
//! this week, extension tell-by dates, complaint acknowledgements and the ICO fee.

use egui::RichText;
use jiff::civil::Date;

use super::theme::{self, spacing};
use crate::{
    command::{Command, Screen},
    domain::{
        agenda::{AgendaItem, AgendaKind, SOON_DAYS, Urgency},
        deadlines::{days_between, short_date},
        validate::FieldIssue,
    },
    session::ScreenContext,
};

/// Days before the ICO fee renewal from which the overview reminds the user.
const RENEWAL_REMINDER_DAYS: i32 = 30;

fn section(
    ui: &mut egui::Ui,
    title: &str,
    items: &[&AgendaItem],
    today: Date,
    commands: &mut Vec<Command>,
) {
    if items.is_empty() {
        return;
    }
    ui.add_space(spacing::ITEM);
    ui.label(RichText::new(format!("{title} ({})", items.len())).strong());
    let palette = theme::palette(ui);
    for item in items {
        let days = days_between(today, item.date);
        let when = match days {
            d if d < 0 => format!("{} — {} day(s) overdue", short_date(item.date), -d),
            0 => format!("{} — today", short_date(item.date)),
            d => format!("{} — in {d} day(s)", short_date(item.date)),
        };
        let colour = palette.urgency(item.urgency, palette.text);
        ui.horizontal(|ui| {
            if ui.link(RichText::new(&item.title).color(colour)).clicked() {
                match item.request {
                    Some(id) => commands.push(Command::OpenRequest(id)),
                    None => commands.push(Command::Navigate(Screen::Organisation)),
                }
            }
            ui.label(RichText::new(when).color(colour));
        });
    }
}

pub fn ui(ui: &mut egui::Ui, context: ScreenContext<'_>, commands: &mut Vec<Command>) {
    let ScreenContext {
        workspace,
        derived,
        today,
        ..
    } = context;
    let name = workspace.display_name();
    ui.heading(if name.is_empty() { "Your shop" } else { name });
    ui.label(RichText::new(format!("Today is {}", today.strftime("%A %-d %B %Y"))).weak());

    let of_kind = |kinds: &[AgendaKind], keep: &dyn Fn(&AgendaItem) -> bool| -> Vec<&AgendaItem> {
        derived
            .agenda
            .iter()
            .filter(|i| kinds.contains(&i.kind) && keep(i))
            .collect()
    };
    let overdue = of_kind(&[AgendaKind::Due], &|i| i.urgency == Urgency::Overdue);
    let this_week = of_kind(&[AgendaKind::Due], &|i| i.urgency == Urgency::Soon);
    let tell_by = of_kind(&[AgendaKind::TellBy], &|i| {
        (0..=14).contains(&days_between(today, i.date))
    });
    let acknowledge = of_kind(&[AgendaKind::Acknowledge], &|_| true);
    let renewal = of_kind(&[AgendaKind::FeeRenewal], &|i| {
        days_between(today, i.date) <= RENEWAL_REMINDER_DAYS
    });

    section(ui, "Overdue requests", &overdue, today, commands);
    section(
        ui,
        &format!("Due within {SOON_DAYS} days"),
        &this_week,
        today,
        commands,
    );
    section(ui, "Extension tell-by dates", &tell_by, today, commands);
    section(
        ui,
        "Complaints to acknowledge",
        &acknowledge,
        today,
        commands,
    );
    section(ui, "ICO fee", &renewal, today, commands);
    if overdue.is_empty() && this_week.is_empty() && acknowledge.is_empty() {
        ui.add_space(spacing::ITEM);
        ui.label("Nothing is due this week.");
    }

    ui.add_space(spacing::SECTION);
    let open = workspace
        .requests
        .iter()
        .filter(|r| r.status.is_open())
        .count();
    ui.label(format!(
        "Register: {} processing activit{}. Requests: {open} open of {}.",
        workspace.register.len(),
        if workspace.register.len() == 1 {
            "y"
        } else {
            "ies"
        },
        workspace.requests.len()
    ));
    ui.horizontal(|ui| {
        if ui.button("Open Requests").clicked() {
            commands.push(Command::Navigate(Screen::Requests));
        }
        if ui.button("Open Calendar").clicked() {
            commands.push(Command::Navigate(Screen::Calendar));
        }
    });

    ui.add_space(spacing::SECTION);
    let problems: Vec<FieldIssue> = workspace.organisation.issues();
    if problems.is_empty() {
        ui.label("Your organisation profile is complete.");
    } else {
        ui.label(
            RichText::new(format!(
                "{} thing(s) to fix in your profile:",
                problems.len()
            ))
            .strong(),
        );
        for problem in &problems {
            ui.label(format!("• {}: {}", problem.field, problem.message));
        }
        if ui.button("Open Organisation").clicked() {
            commands.push(Command::Navigate(Screen::Organisation));
        }
    }
}
