//! The Settings screen: where the data lives, the bank holidays deadlines use, and the
//! regulator's details.

use egui::RichText;

use super::{
    access::{self, Level},
    theme::spacing,
    widgets::UiExt,
};
use crate::{
    command::{self, Command, Look, TextSize, ThemeChoice},
    domain::{Nation, settings::RegulatorContact},
    session::ScreenContext,
};

pub fn ui(ui: &mut egui::Ui, context: ScreenContext<'_>, look: Look, commands: &mut Vec<Command>) {
    let ScreenContext {
        workspace,
        derived,
        file,
        writable,
        ..
    } = context;
    access::heading(ui, "Settings", Level::Screen);
    ui.add_space(spacing::INNER_MARGIN);
    appearance_ui(ui, look, commands);
    ui.add_space(spacing::SECTION);
    ui.label(RichText::new("Your data").strong());
    ui.label(format!("Workspace file: {}", file.path.display()));
    ui.label(format!(
        "Backups: {} ({})",
        file.backups.display(),
        file.backup_policy
    ));
    ui.label(
        "The file is plain JSON, readable only by your user account. Copy it to back it up \
         or move it; Smallprint never sends it anywhere.",
    );

    ui.add_space(spacing::SECTION);
    ui.label(RichText::new("Bank holidays").strong());
    holiday_coverage_ui(ui, derived);
    if workspace.settings.imported_bank_holidays.is_some() {
        ui.label("Includes bank holidays you imported.");
    }
    ui.action_button(
        command::IMPORT_BANK_HOLIDAYS,
        writable,
        Command::ImportBankHolidays(None),
        commands,
    );

    ui.add_space(spacing::SECTION);
    ui.label(RichText::new("How deadlines are counted").strong());
    let mut play_safe = workspace.settings.play_safe_deadlines;
    if ui
        .checkbox(
            &mut play_safe,
            "Play safe: count the day a request arrives as day one (every date one day earlier)",
        )
        .on_hover_text(
            "The ICO counts the month from the day after receipt to the same date next month. Some read the law as counting the day of receipt itself; with this on, every date and its working say so.",
        )
        .changed()
    {
        commands.push(Command::SetPlaySafeDeadlines(play_safe));
    }

    ui.add_space(spacing::SECTION);
    ui.label(RichText::new("Regulator, as printed in your notice and letters").strong());
    ui.label(
        RichText::new(
            "The ICO is moving from Wilmslow to Manchester and is to become the Information \
             Commission. When its details change, change them here: every notice and letter \
             you make afterwards uses them.",
        )
        .weak(),
    );
    let mut regulator = workspace.settings.regulator.clone();
    let mut changed = false;
    ui.set_max_width(spacing::READING_WIDTH.min(ui.available_width()));
    changed |= ui.text_field(
        "Regulator's name",
        &mut regulator.name,
        "Information Commissioner's Office",
    );
    changed |= ui.text_field(
        "Regulator's postal address",
        &mut regulator.postal_address,
        "Lines separated by commas",
    );
    changed |= ui.text_field(
        "Regulator's helpline",
        &mut regulator.helpline,
        "0303 123 1113",
    );
    changed |= ui.text_field(
        "Regulator's complaints website",
        &mut regulator.website,
        "https://www.ico.org.uk/make-a-complaint",
    );
    if changed {
        commands.push(Command::UpdateRegulator(regulator.clone()));
    }
    let defaults = RegulatorContact::default();
    if regulator != defaults
        && ui
            .button("Restore the ICO's published details")
            .on_hover_text(format!("{}, {}", defaults.name, defaults.postal_address))
            .clicked()
    {
        commands.push(Command::UpdateRegulator(defaults));
    }
}

/// Per nation, which years' bank holidays come from which source.
fn holiday_coverage_ui(ui: &mut egui::Ui, derived: &crate::session::Derived) {
    for nation in Nation::ALL {
        ui.label(format!("{nation}:"));
        ui.indent(("coverage", nation.division()), |ui| {
            for run in derived.holidays.coverage(nation) {
                ui.label(run.to_string());
            }
            ui.label(
                RichText::new("Other years: worked out from the rules (a one-off holiday is only known from a gov.uk list).")
                    .weak(),
            );
        });
    }
}

/// The window's theme and text size: preferences of this computer, not of the shop.
fn appearance_ui(ui: &mut egui::Ui, look: Look, commands: &mut Vec<Command>) {
    ui.label(RichText::new("Appearance").strong());
    egui::Grid::new("appearance")
        .num_columns(2)
        .spacing([spacing::GROUP, spacing::ITEM])
        .show(ui, |ui| {
            let mut chosen = look;
            if ui
                .enum_combo("Theme", "theme", &mut chosen.theme, ThemeChoice::ALL, |t| {
                    t.name().to_owned()
                })
                .changed()
            {
                commands.push(Command::SetLook(chosen));
            }
            ui.end_row();
            if ui
                .enum_combo(
                    "Text size",
                    "text_size",
                    &mut chosen.text_size,
                    TextSize::ALL,
                    |t| t.name().to_owned(),
                )
                .changed()
            {
                commands.push(Command::SetLook(chosen));
            }
            ui.end_row();
        });
    ui.label(
        RichText::new("Kept on this computer for this window; not part of the workspace file.")
            .weak(),
    );
}
