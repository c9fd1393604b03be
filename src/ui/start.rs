//! What the window shows before a workspace is open: the first run, a file that
//! cannot be read, or no file at all.

use std::path::Path;

use egui::RichText;

use super::{
    access::{self, Level},
    theme::{self, spacing},
};
use crate::{
    command::Command,
    session::{BackupInfo, BackupKind, describe_time},
};

fn centred(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui)) {
    ui.vertical_centered(|ui| {
        ui.set_max_width(spacing::READING_WIDTH.min(ui.available_width()));
        ui.add_space(spacing::PAGE_TOP);
        add_contents(ui);
    });
}

pub fn welcome(ui: &mut egui::Ui, path: &Path, commands: &mut Vec<Command>) {
    centred(ui, |ui| {
        access::heading(ui, "Welcome to Smallprint", Level::Screen);
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
    backups: &[BackupInfo],
    zone: &jiff::tz::TimeZone,
    commands: &mut Vec<Command>,
) {
    centred(ui, |ui| {
        access::heading(ui, "This workspace cannot be opened", Level::Screen);
        ui.add_space(spacing::PARAGRAPH);
        ui.label(reason);
        ui.add_space(spacing::PARAGRAPH);
        ui.label(format!(
            "Smallprint has not changed {} and will not write to it.",
            path.display()
        ));
        ui.add_space(spacing::GROUP);
        let saved = |info: &BackupInfo| {
            info.saved_at.map_or_else(
                || "at an unknown time".to_owned(),
                |at| describe_time(at, zone),
            )
        };
        match backups.iter().find(|b| b.is_usable()) {
            Some(newest) => {
                if ui
                    .button(format!(
                        "Open the newest good backup (saved {})",
                        saved(newest)
                    ))
                    .clicked()
                {
                    commands.push(Command::OpenBackup(newest.path.clone()));
                }
            }
            None => {
                ui.label("There is no backup of this file that Smallprint can open.");
            }
        }
        ui.add_space(spacing::ITEM);
        if ui.button("Open another file…").clicked() {
            commands.push(Command::OpenFile);
        }
        if ui.button("Create a new file…").clicked() {
            commands.push(Command::NewFile);
        }
        if !backups.is_empty() {
            ui.add_space(spacing::GROUP);
            egui::CollapsingHeader::new(format!("Every backup of this file ({})", backups.len()))
                .id_salt("every_backup")
                .show(ui, |ui| backup_list(ui, backups, &saved, commands));
        }
    });
}

/// Every backup, newest save first, with what it holds, so the user can choose one
/// from before a mistake, not only the newest.
fn backup_list(
    ui: &mut egui::Ui,
    backups: &[BackupInfo],
    saved: &dyn Fn(&BackupInfo) -> String,
    commands: &mut Vec<Command>,
) {
    for (index, info) in backups.iter().enumerate() {
        ui.push_id(index, |ui| {
            ui.separator();
            let name = info
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            ui.label(RichText::new(format!("Saved {}", saved(info))).strong());
            ui.label(format!("{name} · {}", size_words(info.bytes)));
            if let BackupKind::Kept(label) = &info.kind {
                ui.label(match label.as_str() {
                    "mine" => "A copy of this window's version, kept when another program changed the file.",
                    "changed-elsewhere" => "A copy of another program's version, kept when this window's was saved over it.",
                    _ => "A copy of a file Save as or a replace wrote over.",
                });
            }
            match (&info.counts, &info.problem) {
                (Some(counts), None) => {
                    ui.label(format!(
                        "{} · {} · {}",
                        plural(counts.requests, "request", "requests"),
                        plural(counts.activities, "activity", "activities"),
                        plural(counts.breaches, "breach", "breaches"),
                    ));
                    if ui.button("Open this backup").clicked() {
                        commands.push(Command::OpenBackup(info.path.clone()));
                    }
                }
                (_, Some(problem)) => {
                    ui.label(
                        RichText::new(format!("Cannot be opened: {problem}"))
                            .color(theme::palette(ui).warning),
                    );
                }
                (None, None) => {}
            }
        });
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else {
        // Tenths of a megabyte, in whole numbers: no float for a file size.
        let tenths = bytes * 10 / (KB * KB);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

pub fn no_file(ui: &mut egui::Ui, reason: &str, commands: &mut Vec<Command>) {
    centred(ui, |ui| {
        access::heading(ui, "No workspace is open", Level::Screen);
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
