//! Screens whose full editors arrive in later releases. Each says what it will hold,
//! shows what the workspace already has, and points somewhere useful meanwhile.

use crate::command::{Command, Screen};

fn purpose_of(screen: Screen) -> &'static str {
    match screen {
        Screen::Documents => {
            "Your privacy notice and your rights-response letters, written from your \
             register and requests, as PDF, HTML and Markdown."
        }
        Screen::Overview
        | Screen::Register
        | Screen::Organisation
        | Screen::Requests
        | Screen::Calendar
        | Screen::Settings => "",
    }
}

pub fn ui(ui: &mut egui::Ui, screen: Screen, commands: &mut Vec<Command>) {
    ui.heading(screen.title());
    ui.add_space(8.0);
    ui.label(purpose_of(screen));
    ui.add_space(12.0);
    ui.add_space(12.0);
    ui.label("Meanwhile, make sure your organisation's details are right: every document starts from them.");
    if ui.button("Open Organisation").clicked() {
        commands.push(Command::Navigate(Screen::Organisation));
    }
}
