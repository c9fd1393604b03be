//! Screens whose full editors arrive in later releases. Each says what it will hold,
//! shows what the workspace already has, and points somewhere useful meanwhile.

use egui::RichText;

use crate::{
    command::{Command, Screen},
    domain::Workspace,
};

fn purpose_of(screen: Screen) -> &'static str {
    match screen {
        Screen::Register => {
            "Your record of processing (UK GDPR Article 30): each purpose you use personal \
             data for, about whom, its lawful basis and justification, who receives it, \
             how long you keep it and where it comes from. The editor, with a starter \
             catalogue for your kind of business, is on its way."
        }
        Screen::Documents => {
            "Your privacy notice and your rights-response letters, written from your \
             register and requests, as PDF, HTML and Markdown."
        }
        Screen::Overview
        | Screen::Organisation
        | Screen::Requests
        | Screen::Calendar
        | Screen::Settings => "",
    }
}

pub fn ui(ui: &mut egui::Ui, screen: Screen, workspace: &Workspace, commands: &mut Vec<Command>) {
    ui.heading(screen.title());
    ui.add_space(8.0);
    ui.label(purpose_of(screen));
    ui.add_space(12.0);
    match screen {
        Screen::Register if !workspace.register.is_empty() => {
            ui.label(RichText::new("Purposes in your register").strong());
            for activity in &workspace.register {
                ui.label(format!("• {}", activity.purpose));
            }
        }
        _ => {}
    }
    ui.add_space(12.0);
    ui.label("Meanwhile, make sure your organisation's details are right: every document starts from them.");
    if ui.button("Open Organisation").clicked() {
        commands.push(Command::Navigate(Screen::Organisation));
    }
}
