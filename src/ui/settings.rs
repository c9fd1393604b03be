//! The Settings screen: where the data lives, the bank holidays deadlines use, and the
//! regulator's details.

use std::path::Path;

use egui::RichText;

use super::{Derived, fields::text_field};
use crate::{
    command::{self, Command},
    domain::{Nation, Workspace, settings::RegulatorContact},
    store::backups,
};

pub fn ui(
    ui: &mut egui::Ui,
    workspace: &Workspace,
    derived: &Derived,
    path: &Path,
    commands: &mut Vec<Command>,
) {
    ui.heading("Settings");
    ui.add_space(8.0);
    ui.label(RichText::new("Your data").strong());
    ui.label(format!("Workspace file: {}", path.display()));
    ui.label(format!(
        "Backups: {} (the last {} saves, and one a day for {} days)",
        backups::backup_dir(path).display(),
        backups::KEEP_RECENT,
        backups::KEEP_DAYS
    ));
    ui.label(
        "The file is plain JSON, readable only by your user account. Copy it to back it up \
         or move it; Smallprint never sends it anywhere.",
    );

    ui.add_space(12.0);
    ui.label(RichText::new("Bank holidays").strong());
    for nation in Nation::ALL {
        let covered = derived.holidays.covered_years(nation).map_or_else(
            || "no published list: worked out from the rules".to_owned(),
            |(first, last)| {
                format!("published lists for {first}–{last}; other years worked out from the rules")
            },
        );
        ui.label(format!("{nation}: {covered}"));
    }
    if workspace.settings.imported_bank_holidays.is_some() {
        ui.label("Includes bank holidays you imported.");
    }
    let action = command::IMPORT_BANK_HOLIDAYS;
    if ui
        .button(action.label)
        .on_hover_text(action.tooltip)
        .clicked()
    {
        commands.push(Command::ImportBankHolidays);
    }

    ui.add_space(12.0);
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
    ui.set_max_width(560.0);
    changed |= text_field(
        ui,
        "Regulator's name",
        &mut regulator.name,
        "Information Commissioner's Office",
    );
    changed |= text_field(
        ui,
        "Regulator's postal address",
        &mut regulator.postal_address,
        "Lines separated by commas",
    );
    changed |= text_field(
        ui,
        "Regulator's helpline",
        &mut regulator.helpline,
        "0303 123 1113",
    );
    changed |= text_field(
        ui,
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
