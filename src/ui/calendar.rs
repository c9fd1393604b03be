//! The Calendar screen: a month grid (Monday first) with today marked, the shop's bank
//! holidays shaded and named, and every date to act by as a chip coloured by urgency;
//! the month's agenda beside it.

use std::collections::BTreeMap;

use egui::{Color32, RichText, Stroke, vec2};
use egui_extras::{Size, StripBuilder};
use jiff::{Span, civil::Date};

use super::{Derived, urgency};
use crate::{
    command::{self, Command, Screen},
    domain::{
        Workspace,
        agenda::{AgendaItem, AgendaKind},
        deadlines::short_date,
    },
};

/// Chips shown in one day's cell before "+N more".
const CHIPS_PER_DAY: usize = 3;

#[derive(Debug, Default)]
pub struct CalendarScreen {
    /// The first day of the month shown; `None` follows today.
    month: Option<Date>,
}

fn first_of_month(date: Date) -> Date {
    date.first_of_month()
}

fn add_months(date: Date, months: i32) -> Date {
    date.checked_add(Span::new().months(months)).unwrap_or(date)
}

fn add_days(date: Date, days: i32) -> Date {
    date.checked_add(Span::new().days(days)).unwrap_or(date)
}

fn chip_text(item: &AgendaItem) -> String {
    let reference = item.title.split(" · ").next().unwrap_or_default();
    match item.kind {
        AgendaKind::Due => format!("{reference} due"),
        AgendaKind::TellBy => format!("{reference} tell-by"),
        AgendaKind::Acknowledge => format!("{reference} acknowledge"),
        AgendaKind::FeeRenewal => "ICO fee renewal".to_owned(),
    }
}

fn open_item(item: &AgendaItem, commands: &mut Vec<Command>) {
    match item.request {
        Some(id) => commands.push(Command::OpenRequest(id)),
        None => commands.push(Command::Navigate(Screen::Organisation)),
    }
}

impl CalendarScreen {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        derived: &Derived,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let month = self.month.unwrap_or_else(|| first_of_month(today));
        ui.horizontal(|ui| {
            ui.heading(month.strftime("%B %Y").to_string());
            ui.add_space(16.0);
            if ui
                .button("◀ Previous")
                .on_hover_text("The month before")
                .clicked()
            {
                self.month = Some(add_months(month, -1));
            }
            if ui
                .button("Today")
                .on_hover_text("Back to this month")
                .clicked()
            {
                self.month = None;
            }
            if ui
                .button("Next ▶")
                .on_hover_text("The month after")
                .clicked()
            {
                self.month = Some(add_months(month, 1));
            }
            ui.add_space(16.0);
            let action = command::EXPORT_CALENDAR;
            if ui
                .button(action.label)
                .on_hover_text(action.tooltip)
                .clicked()
            {
                commands.push(Command::ExportCalendar);
            }
        });
        ui.label(
            RichText::new(format!(
                "Bank holidays of {}. Red: overdue; amber: within a week.",
                workspace.organisation.nation
            ))
            .weak(),
        );

        // Monday on or before the 1st, through the Sunday on or after the month's end.
        let grid_start = add_days(month, -i32::from(month.weekday().to_monday_zero_offset()));
        let month_end = month.last_of_month();
        let grid_end = add_days(
            month_end,
            6 - i32::from(month_end.weekday().to_monday_zero_offset()),
        );
        let mut by_day: BTreeMap<Date, Vec<&AgendaItem>> = BTreeMap::new();
        for item in derived
            .agenda
            .iter()
            .filter(|i| i.date >= grid_start && i.date <= grid_end)
        {
            by_day.entry(item.date).or_default().push(item);
        }
        let holidays: BTreeMap<Date, String> = derived
            .holidays
            .between(workspace.organisation.nation, grid_start, grid_end)
            .into_iter()
            .map(|(date, holiday)| (date, holiday.title))
            .collect();

        StripBuilder::new(ui)
            .size(Size::remainder().at_least(420.0))
            .size(Size::exact(280.0))
            .horizontal(|mut strip| {
                strip.cell(|ui| {
                    Self::grid_ui(
                        ui, month, today, grid_start, grid_end, &by_day, &holidays, commands,
                    );
                });
                strip.cell(|ui| {
                    ui.strong(format!("Agenda for {}", month.strftime("%B")));
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            let mut any = false;
                            for (date, items) in by_day.range(month..=month_end) {
                                any = true;
                                ui.label(RichText::new(short_date(*date)).strong());
                                for item in items {
                                    let colour =
                                        urgency::colour(item.urgency, ui.visuals().text_color());
                                    let text = format!("{}: {}", item.kind.label(), item.title);
                                    if ui.link(RichText::new(text).color(colour)).clicked() {
                                        open_item(item, commands);
                                    }
                                }
                            }
                            if !any {
                                ui.label("Nothing to act on this month.");
                            }
                        });
                });
            });
    }

    #[allow(clippy::too_many_arguments)]
    fn grid_ui(
        ui: &mut egui::Ui,
        month: Date,
        today: Date,
        grid_start: Date,
        grid_end: Date,
        by_day: &BTreeMap<Date, Vec<&AgendaItem>>,
        holidays: &BTreeMap<Date, String>,
        commands: &mut Vec<Command>,
    ) {
        let weeks = ((grid_end - grid_start).get_days() + 1) / 7;
        let spacing = 4.0;
        let cell_width = ((ui.available_width() - 6.0 * spacing) / 7.0).max(60.0);
        let cell_height = ((ui.available_height() - 24.0 - 6.0 * spacing)
            / if weeks > 5 { 6.0 } else { 5.0 })
        .max(64.0);
        let text_colour = ui.visuals().text_color();
        let holiday_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.25);
        egui::ScrollArea::vertical()
            .id_salt("month_grid")
            .show(ui, |ui| {
                egui::Grid::new("month_grid")
                    .spacing(vec2(spacing, spacing))
                    .min_col_width(cell_width)
                    .max_col_width(cell_width)
                    .show(ui, |ui| {
                        for name in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
                            ui.label(RichText::new(name).strong());
                        }
                        ui.end_row();
                        let mut day = grid_start;
                        for _ in 0..weeks {
                            for _ in 0..7 {
                                let holiday = holidays.get(&day);
                                let in_month = day.month() == month.month();
                                let mut frame =
                                    egui::Frame::new().inner_margin(4.0).corner_radius(4.0);
                                if holiday.is_some() {
                                    frame = frame.fill(holiday_fill);
                                }
                                frame = frame.stroke(if day == today {
                                    Stroke::new(2.0, ui.visuals().selection.stroke.color)
                                } else {
                                    Stroke::new(
                                        1.0,
                                        ui.visuals().widgets.noninteractive.bg_stroke.color,
                                    )
                                });
                                frame.show(ui, |ui| {
                                    ui.set_min_size(vec2(cell_width - 8.0, cell_height - 8.0));
                                    ui.set_max_width(cell_width - 8.0);
                                    ui.vertical(|ui| {
                                        let number = RichText::new(day.day().to_string());
                                        let number = if day == today {
                                            number.strong().underline()
                                        } else {
                                            number
                                        };
                                        ui.label(if in_month { number } else { number.weak() })
                                            .on_hover_text(if day == today {
                                                "Today".to_owned()
                                            } else {
                                                short_date(day)
                                            });
                                        if let Some(name) = holiday {
                                            ui.label(RichText::new(name).small().italics());
                                        }
                                        let items =
                                            by_day.get(&day).map(Vec::as_slice).unwrap_or_default();
                                        for item in items.iter().take(CHIPS_PER_DAY) {
                                            let colour = urgency::colour(item.urgency, text_colour);
                                            let chip = egui::Button::new(
                                                RichText::new(chip_text(item))
                                                    .small()
                                                    .color(colour),
                                            )
                                            .fill(Color32::TRANSPARENT)
                                            .stroke(Stroke::new(1.0, colour));
                                            if ui.add(chip).on_hover_text(&item.title).clicked() {
                                                open_item(item, commands);
                                            }
                                        }
                                        if items.len() > CHIPS_PER_DAY {
                                            ui.label(
                                                RichText::new(format!(
                                                    "+{} more",
                                                    items.len() - CHIPS_PER_DAY
                                                ))
                                                .small(),
                                            );
                                        }
                                    });
                                });
                                day = add_days(day, 1);
                            }
                            ui.end_row();
                        }
                    });
            });
    }
}
