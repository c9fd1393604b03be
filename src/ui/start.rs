//! What the window shows before a workspace is open: the first run, a file that
//! cannot be read, or no file at all.

use std::path::Path;

use egui::RichText;

use super::theme::{self, spacing};
use crate::command::Command;

fn centred(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui)) {
    ui.vertical_centered(|ui| {
        ui.set_max_width(spacing::READING_WIDTH);
        ui.add_space(spacing::PAGE_TOP);
        add_contents(ui);
    });
}

pub fn welcome(ui: &mut egui::Ui, path: &Path, commands: &mut Vec<Command>) {
    centred(ui, |ui| {
        ui.heading(RichText::new("Welcome to Smallprint").size(theme::text::SCREEN_TITLE));
        ui.add_space(spacing::PARAGRAPH);
        ui.label(
            "Smallprint keeps your shop's data-protection records — what personal data you \
             use and why, the requests people send you and their legal deadlines — and \
             writes your privacy notice and letters from them. Everything stays on this \
             computer, in one file.",
        );
        ui.add_space(spacing::GROUP);
        if ui
            .add(egui::Button::new(
                RichText::new("Explore the example shop").size(theme::text::SUBHEADING),
            ))
            .on_hover_text(
                "A fictional one-person 3D-model studio, filled in, to look around and try things",
            )
            .clicked()
        {
            commands.push(Command::StartWithExample);
        }
        ui.add_space(spacing::ITEM);
        if ui
            .add(egui::Button::new(
                RichText::new("Start empty").size(theme::text::SUBHEADING),
            ))
            .on_hover_text("Begin with a blank workspace and describe your own shop")
            .clicked()
        {
            commands.push(Command::StartEmpty);
        }
        ui.add_space(spacing::GROUP);
        ui.label(
            RichText::new(format!(
                "Your workspace will be saved as {}",
                path.display()
            ))
            .weak(),
        );
        if ui.link("Open an existing file…").clicked() {
            commands.push(Command::OpenFile);
        }
    });
}

pub fn unreadable(
    ui: &mut egui::Ui,
    path: &Path,
    reason: &str,
    backup: Option<&str>,
    commands: &mut Vec<Command>,
) {
    centred(ui, |ui| {
        ui.heading("This workspace cannot be opened");
        ui.add_space(spacing::PARAGRAPH);
        ui.label(reason);
        ui.add_space(spacing::PARAGRAPH);
        ui.label(format!(
            "Smallprint has not changed {} and will not write to it.",
            path.display()
        ));
        ui.add_space(spacing::GROUP);
        match backup {
            Some(saved_on) => {
                if ui
                    .button(format!("Open the newest good backup (saved {saved_on})"))
                    .clicked()
                {
                    commands.push(Command::OpenNewestBackup);
                }
            }
            None => {
                ui.label("There is no readable backup of this file.");
            }
        }
        ui.add_space(spacing::ITEM);
        if ui.button("Open another file…").clicked() {
            commands.push(Command::OpenFile);
        }
        if ui.button("Create a new file…").clicked() {
            commands.push(Command::NewFile);
        }
    });
}

pub fn no_file(ui: &mut egui::Ui, reason: &str, commands: &mut Vec<Command>) {
    centred(ui, |ui| {
        ui.heading("No workspace is open");
        if !reason.is_empty() {
            ui.add_space(spacing::PARAGRAPH);
            ui.label(reason);
        }
        ui.add_space(spacing::GROUP);
        if ui.button("Open a file…").clicked() {
            commands.push(Command::OpenFile);
        }
        if ui.button("Create a new file…").clicked() {
            commands.push(Command::NewFile);
        }
    });
}
