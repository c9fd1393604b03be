//! The Overview screen: what needs doing, at a glance — overdue requests, those due
//! this week, last days to tell of an extension, complaint acknowledgements, the ICO fee,
//! and the requests whose clock is stopped while the shop waits for the requester.

use egui::RichText;
use jiff::civil::Date;

use super::{
    access::{self, Level},
    theme::{self, spacing},
};
use crate::{
    command::{Command, Screen},
    domain::{
        Workspace,
        agenda::{AgendaItem, AgendaKind, SOON_DAYS, Urgency},
        deadlines::{days_between, short_date},
        validate::{FieldIssue, count},
    },
    session::{Derived, ScreenContext},
};

/// The most items a section lists; the rest are a click away on the Requests screen.
/// A shop with thousands of overdue requests needs the count and the worst first, not
/// thousands of lines (each laid out, and kept, every frame).
const SECTION_ITEMS: usize = 10;

/// "…and N more", leading to the Requests screen, under a section cut at
/// [`SECTION_ITEMS`].
fn more_ui(ui: &mut egui::Ui, total: usize, commands: &mut Vec<Command>) {
    if total > SECTION_ITEMS
        && ui
            .link(format!(
                "…and {} more on the Requests screen",
                total - SECTION_ITEMS
            ))
            .clicked()
    {
        commands.push(Command::Navigate(Screen::Requests));
    }
}

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
    for item in items.iter().take(SECTION_ITEMS) {
        let days = days_between(today, item.date);
        let when = match days {
            d if d < 0 => format!(
                "{} — {} overdue",
                short_date(item.date),
                count(-d, "day", "days")
            ),
            0 => format!("{} — today", short_date(item.date)),
            d => format!("{} — in {}", short_date(item.date), count(d, "day", "days")),
        };
        // What must stop at once says so; its date is only the written confirmation's.
        let when = if item.kind == AgendaKind::StopNow {
            format!("stop now; confirm in writing by {when}")
        } else {
            when
        };
        let colour = palette.urgency(item.urgency, palette.text);
        ui.horizontal_wrapped(|ui| {
            if ui.link(RichText::new(&item.title).color(colour)).clicked() {
                commands.push(match item.request {
                    Some(id) => Command::OpenRequest(id),
                    None => Command::Navigate(Screen::Organisation),
                });
            }
            ui.label(RichText::new(when).color(colour));
        });
    }
    more_ui(ui, items.len(), commands);
}

/// Breaches whose 72 hours still call for action, first of all: hours, not days.
fn breaches_ui(ui: &mut egui::Ui, context: ScreenContext<'_>, commands: &mut Vec<Command>) {
    let ScreenContext {
        workspace,
        now,
        zone,
        ..
    } = context;
    let waiting: Vec<_> = workspace
        .breaches
        .iter()
        .filter(|b| b.awaits_report())
        .collect();
    if waiting.is_empty() {
        return;
    }
    ui.add_space(spacing::ITEM);
    ui.label(
        RichText::new(format!(
            "Breaches to report or decide on ({})",
            waiting.len()
        ))
        .strong(),
    );
    let palette = theme::palette(ui);
    for breach in waiting.iter().take(SECTION_ITEMS) {
        let deadline = breach.deadline();
        let colour = if deadline < now {
            palette.error
        } else {
            palette.warning
        };
        ui.horizontal_wrapped(|ui| {
            let title = format!("{} · {}", breach.reference, breach.what_happened);
            if ui.link(RichText::new(title).color(colour)).clicked() {
                commands.push(Command::OpenBreach(breach.id));
            }
            ui.label(
                RichText::new(format!(
                    "72 hours end {} UK time — {}",
                    crate::domain::breach_clock::uk_minute(deadline, zone),
                    crate::domain::breach_clock::time_left(deadline, now)
                ))
                .color(colour),
            );
        });
    }
    if waiting.len() > SECTION_ITEMS {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("…and {} more.", waiting.len() - SECTION_ITEMS));
            if ui.link("Open Breaches").clicked() {
                commands.push(Command::Navigate(Screen::Breaches));
            }
        });
    }
}

/// One step of getting started, with whether it is done and where it is done.
struct Step {
    title: &'static str,
    explanation: String,
    done: bool,
    screen: Screen,
}

/// The five things a new shop does once, in order, each with its state.
fn getting_started(workspace: &Workspace) -> [Step; 5] {
    let profile_problems = workspace.organisation.issues().len();
    let register_problems: usize = workspace
        .register
        .iter()
        .map(|a| a.issues().len() + a.unconfirmed_placeholders().len())
        .sum();
    [
        Step {
            title: "Describe your organisation",
            explanation: if profile_problems == 0 {
                "Your name, address and contact details are complete.".to_owned()
            } else {
                format!(
                    "Who you are, as your privacy notice and letters will name you: {} to fill in or fix.",
                    count(profile_problems, "thing", "things")
                )
            },
            done: profile_problems == 0,
            screen: Screen::Organisation,
        },
        Step {
            title: "List what personal data you use",
            explanation: if workspace.register.is_empty() {
                "Start from the catalogue for your kind of business, then adjust each activity."
                    .to_owned()
            } else {
                format!(
                    "Your register has {}.",
                    count(workspace.register.len(), "activity", "activities")
                )
            },
            done: !workspace.register.is_empty(),
            screen: Screen::Register,
        },
        Step {
            title: "Fix what the register is missing",
            explanation: if workspace.register.is_empty() {
                "Once the register has activities, what each is missing shows here.".to_owned()
            } else if register_problems == 0 {
                "Nothing is missing.".to_owned()
            } else {
                format!(
                    "{} still to fill in or confirm; each is marked on its activity.",
                    count(register_problems, "answer", "answers")
                )
            },
            done: !workspace.register.is_empty() && register_problems == 0,
            screen: Screen::Register,
        },
        Step {
            title: "Export your privacy notice",
            explanation: match workspace.settings.notice_last_updated {
                Some(date) => format!("Last exported with content of {}.", short_date(date)),
                None => "As a PDF, a web page or Markdown, for your website and shop.".to_owned(),
            },
            done: workspace.settings.notice_last_updated.is_some(),
            screen: Screen::Documents,
        },
        Step {
            title: "Log a request the day it arrives",
            explanation: if workspace.requests.is_empty() {
                "When someone asks for their data (or to delete it, or complains), log it here and Smallprint counts the deadline.".to_owned()
            } else {
                format!(
                    "{} logged.",
                    count(workspace.requests.len(), "request", "requests")
                )
            },
            done: !workspace.requests.is_empty(),
            screen: Screen::Requests,
        },
    ]
}

/// One step: its state in a fixed column, its words wrapping in the middle, and its
/// button at the right, so the rows line up at any width.
fn step_ui(
    ui: &mut egui::Ui,
    number: usize,
    step: &Step,
    palette: theme::Palette,
    commands: &mut Vec<Command>,
) {
    const STATE_WIDTH: f32 = 64.0;
    const BUTTON_WIDTH: f32 = 150.0;
    ui.horizontal_top(|ui| {
        let (mark, colour) = if step.done {
            ("✔ Done", palette.success)
        } else {
            ("To do", palette.text)
        };
        ui.add_sized(
            [STATE_WIDTH, ui.spacing().interact_size.y],
            egui::Label::new(RichText::new(mark).color(colour)),
        );
        let words_width = (ui.available_width() - BUTTON_WIDTH).max(120.0);
        ui.vertical(|ui| {
            ui.set_width(words_width);
            ui.add(
                egui::Label::new(RichText::new(format!("{number}. {}", step.title)).strong())
                    .wrap(),
            );
            ui.add(egui::Label::new(RichText::new(&step.explanation).weak()).wrap());
        });
        if ui
            .button(format!("Open {}", step.screen.title()))
            .on_hover_text(format!("Go to the {} screen", step.screen.title()))
            .clicked()
        {
            commands.push(Command::Navigate(step.screen));
        }
    });
    ui.add_space(spacing::ITEM);
}

/// The getting-started list, while any step is left.
fn getting_started_ui(ui: &mut egui::Ui, workspace: &Workspace, commands: &mut Vec<Command>) {
    let steps = getting_started(workspace);
    let done = steps.iter().filter(|s| s.done).count();
    if done == steps.len() {
        return;
    }
    let palette = theme::palette(ui);
    egui::Frame::group(ui.style())
        .inner_margin(spacing::INNER_MARGIN)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("Getting started — {done} of {} done", steps.len()))
                    .strong()
                    .size(theme::text::SECTION),
            );
            ui.add_space(spacing::ITEM);
            for (number, step) in steps.iter().enumerate() {
                step_ui(ui, number + 1, step, palette, commands);
            }
        });
    ui.add_space(spacing::SECTION);
}

/// The screen's title, then the shop's name and today.
fn title_ui(ui: &mut egui::Ui, name: &str, today: jiff::civil::Date) {
    access::heading(ui, "Overview", Level::Screen);
    let long_today = today.strftime("%A %-d %B %Y");
    ui.label(
        RichText::new(if name.is_empty() {
            format!("Today is {long_today}")
        } else {
            format!("{name} · today is {long_today}")
        })
        .strong(),
    );
    ui.add_space(spacing::ITEM);
}

pub fn ui(ui: &mut egui::Ui, context: ScreenContext<'_>, commands: &mut Vec<Command>) {
    let ScreenContext {
        workspace,
        derived,
        today,
        ..
    } = context;
    title_ui(ui, workspace.display_name(), today);
    getting_started_ui(ui, workspace, commands);

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
    let stop_now = of_kind(&[AgendaKind::StopNow], &|_| true);
    // Always shown once set: the one yearly date a shop forgets.
    let renewal = of_kind(&[AgendaKind::FeeRenewal], &|_| true);

    breaches_ui(ui, context, commands);
    let soon = format!("Due within {SOON_DAYS} days");
    for (title, items) in [
        (
            "Stop now: marketing objections and withdrawn consent",
            &stop_now,
        ),
        ("Overdue requests", &overdue),
        (soon.as_str(), &this_week),
        ("Last days to tell them about an extension", &tell_by),
        ("Complaints to acknowledge", &acknowledge),
        ("ICO fee", &renewal),
    ] {
        section(ui, title, items, today, commands);
    }
    waiting_ui(ui, derived, commands);
    if overdue.is_empty() && this_week.is_empty() && acknowledge.is_empty() && stop_now.is_empty() {
        ui.add_space(spacing::ITEM);
        ui.label("Nothing is due this week.");
        // And what comes next, so the Overview always says when the next date is.
        let next = of_kind(&[AgendaKind::Due, AgendaKind::TellBy], &|i| i.date >= today);
        section(
            ui,
            "Next date to act by",
            &next[..next.len().min(1)],
            today,
            commands,
        );
    }

    ui.add_space(spacing::SECTION);
    let open = workspace
        .requests
        .iter()
        .filter(|r| r.status.is_open())
        .count();
    ui.label(format!(
        "Register: {}. Requests: {open} open of {}.",
        count(
            workspace.register.len(),
            "processing activity",
            "processing activities"
        ),
        workspace.requests.len()
    ));
    ui.horizontal_wrapped(|ui| {
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
                "{} to fix in your profile:",
                count(problems.len(), "thing", "things")
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

/// Requests whose clock is stopped: no date to act by, only what restarts it — listed in
/// a neutral colour so they are seen without alarm.
fn waiting_ui(ui: &mut egui::Ui, derived: &Derived, commands: &mut Vec<Command>) {
    let stops: Vec<_> = derived.clock_stops.values().flatten().collect();
    if stops.is_empty() {
        return;
    }
    ui.add_space(spacing::ITEM);
    ui.label(RichText::new(format!("Waiting for the requester ({})", stops.len())).strong());
    for stop in stops.iter().take(SECTION_ITEMS) {
        ui.horizontal_wrapped(|ui| {
            if ui.link(&stop.title).clicked() {
                commands.push(Command::OpenRequest(stop.request));
            }
            ui.label(RichText::new(stop.stopped.message()).weak());
        });
    }
    more_ui(ui, stops.len(), commands);
}
