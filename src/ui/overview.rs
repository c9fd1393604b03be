//! The Overview screen: what needs doing, at a glance.

use egui::RichText;
use jiff::civil::Date;

use crate::{
    command::{Command, Screen},
    domain::{Workspace, validate::FieldIssue},
};

/// Days before the ICO fee renewal from which the overview reminds the user.
const RENEWAL_REMINDER_DAYS: i32 = 30;

pub fn ui(ui: &mut egui::Ui, workspace: &Workspace, today: Date, commands: &mut Vec<Command>) {
    let name = workspace.display_name();
    ui.heading(if name.is_empty() { "Your shop" } else { name });
    ui.label(RichText::new(format!("Today is {}", today.strftime("%A %-d %B %Y"))).weak());
    ui.add_space(12.0);

    if let Some(renewal) = workspace.organisation.ico_renewal_date {
        let days = (renewal - today).get_days();
        if days < 0 {
            ui.colored_label(
                egui::Color32::from_rgb(0xc0, 0x20, 0x20),
                format!(
                    "Your ICO fee renewal date, {}, has passed.",
                    renewal.strftime("%-d %B %Y")
                ),
            );
        } else if days <= RENEWAL_REMINDER_DAYS {
            ui.colored_label(
                egui::Color32::from_rgb(0xb0, 0x60, 0x00),
                format!(
                    "Your ICO fee is due for renewal on {} ({days} days).",
                    renewal.strftime("%-d %B %Y")
                ),
            );
        }
    }

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

    ui.add_space(12.0);
    ui.label(format!(
        "Register: {} processing activit{}. Requests logged: {}.",
        workspace.register.len(),
        if workspace.register.len() == 1 {
            "y"
        } else {
            "ies"
        },
        workspace.requests.len()
    ));
    ui.add_space(12.0);
    ui.label(
        RichText::new(
            "Coming here: overdue rights requests, those due this week, extension \
             tell-by dates and complaint acknowledgements.",
        )
        .weak(),
    );
}
