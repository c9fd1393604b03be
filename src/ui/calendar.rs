//! The Calendar screen: a month grid (Monday first) with today marked, the shop's bank
//! holidays shaded and named, and every date to act by as a chip coloured by urgency;
//! the month's agenda beside it.

use std::collections::BTreeMap;

use egui::{Color32, RichText, Stroke, vec2};
use jiff::{Span, civil::Date};

use super::{
    theme::{self, spacing},
    widgets::{Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    command::{self, Command, Export, Screen},
    domain::{
        agenda::{AgendaItem, AgendaKind, ClockStop},
        deadlines::short_date,
    },
    session::ScreenContext,
};

/// Chips one day's cell shows one by one; a busier day gets a single summary chip.
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
        AgendaKind::TellBy => format!("{reference} last day to extend"),
        AgendaKind::Acknowledge => format!("{reference} ack"),
        AgendaKind::FeeRenewal => "ICO fee renewal".to_owned(),
    }
}

/// A small outlined label that can be clicked, painted directly: a busy month shows a
/// hundred of them, and a full button widget each would slow every frame.
fn chip(ui: &mut egui::Ui, text: &str, colour: Color32) -> egui::Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, colour);
    let padding = vec2(4.0, 2.0);
    let size = (galley.size() + 2.0 * padding).min(vec2(ui.available_width(), f32::INFINITY));
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, text));
    let stroke_width = if response.hovered() { 2.0 } else { 1.0 };
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect_stroke(
        rect,
        3.0,
        Stroke::new(stroke_width, colour),
        egui::StrokeKind::Inside,
    );
    painter.galley(rect.min + padding, galley, colour);
    response
}

/// One line of the agenda, painted and clipped to the panel: a heading, or a date
/// to act by that opens its request when clicked.
fn painted_line(
    ui: &mut egui::Ui,
    text: &str,
    colour: Color32,
    heading: bool,
    height: f32,
) -> egui::Response {
    let sense = if heading {
        egui::Sense::hover()
    } else {
        egui::Sense::click()
    };
    let (rect, response) = ui.allocate_exact_size(vec2(ui.available_width(), height), sense);
    response.widget_info(|| {
        let role = if heading {
            egui::Role::Label
        } else {
            egui::Role::Link
        };
        egui::WidgetInfo::labeled(role, true, text)
    });
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = if heading {
        ui.visuals().strong_text_color()
    } else {
        colour
    };
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, colour);
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    let origin = egui::pos2(rect.left(), rect.center().y - galley.size().y / 2.0);
    if !heading {
        let underline_y = origin.y + galley.size().y;
        let stroke = Stroke::new(if response.hovered() { 1.5 } else { 0.5 }, colour);
        painter.hline(
            rect.left()..=rect.left() + galley.size().x.min(rect.width()),
            underline_y,
            stroke,
        );
    }
    painter.galley(origin, galley, colour);
    response
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
        context: ScreenContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace,
            derived,
            today,
            ..
        } = context;
        let month = self.month.unwrap_or_else(|| first_of_month(today));
        ui.horizontal(|ui| {
            ui.heading(month.strftime("%B %Y").to_string());
            ui.add_space(spacing::GROUP);
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
            ui.add_space(spacing::GROUP);
            ui.action_button(
                command::EXPORT_CALENDAR,
                true,
                Command::Export {
                    what: Export::Calendar,
                    to: None,
                },
                commands,
            );
        });
        ui.label(
            RichText::new(format!(
                "Bank holidays of {}. Red: overdue; amber: within a week; grey “paused”: the day a request's clock stopped. Exported dates carry reminders a week before and on the day, so your own calendar reminds you even when Smallprint is closed.",
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
        let by_day = &derived.agenda_by_day;
        let agenda = derived.agenda.as_slice();
        let holidays: BTreeMap<Date, String> = derived
            .holidays
            .between(workspace.organisation.nation, grid_start, grid_end)
            .into_iter()
            .map(|(date, holiday)| (date, holiday.title))
            .collect();

        two_panes(
            ui,
            commands,
            (
                Pane::own_scrolling("calendar_grid", PaneWidth::Rest { min: 420.0 }),
                |ui, commands| {
                    Self::grid_ui(
                        ui,
                        month,
                        today,
                        grid_start,
                        grid_end,
                        by_day,
                        agenda,
                        &holidays,
                        &derived.clock_stops,
                        commands,
                    );
                },
            ),
            (
                Pane::own_scrolling("calendar_agenda", PaneWidth::Exact(280.0)),
                |ui, commands| Self::agenda_ui(ui, month, by_day, agenda, commands),
            ),
        );
    }

    /// The month's dates to act by, one line each under its day; only the lines in
    /// view are laid out, however busy the month.
    fn agenda_ui(
        ui: &mut egui::Ui,
        month: Date,
        by_day: &BTreeMap<Date, Vec<usize>>,
        agenda: &[AgendaItem],
        commands: &mut Vec<Command>,
    ) {
        enum Line<'a> {
            Day(Date),
            Item(&'a AgendaItem),
        }
        let month_end = month.last_of_month();
        let lines: Vec<Line<'_>> = by_day
            .range(month..=month_end)
            .flat_map(|(date, items)| {
                std::iter::once(Line::Day(*date))
                    .chain(items.iter().map(|&i| Line::Item(&agenda[i])))
            })
            .collect();
        ui.strong(format!("Agenda for {}", month.strftime("%B")));
        if lines.is_empty() {
            ui.label("Nothing to act on this month.");
            return;
        }
        let line_height =
            ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
        let text_colour = ui.visuals().text_color();
        let palette = theme::palette(ui);
        egui::ScrollArea::vertical()
            .id_salt("month_agenda")
            .auto_shrink([false, false])
            .show_rows(ui, line_height, lines.len(), |ui, range| {
                for line in &lines[range] {
                    match line {
                        Line::Day(date) => {
                            painted_line(ui, &short_date(*date), text_colour, true, line_height);
                        }
                        Line::Item(item) => {
                            let colour = palette.urgency(item.urgency, text_colour);
                            let text = format!("{}: {}", item.kind.label(), item.title);
                            let response = painted_line(ui, &text, colour, false, line_height);
                            if response.on_hover_text(&item.title).clicked() {
                                open_item(item, commands);
                            }
                        }
                    }
                }
            });
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the month's dates, worked out once in `ui`, each needed to draw a cell"
    )]
    #[expect(
        clippy::too_many_lines,
        reason = "a month grid: day cells, holidays and chips drawn in one pass"
    )]
    fn grid_ui(
        ui: &mut egui::Ui,
        month: Date,
        today: Date,
        grid_start: Date,
        grid_end: Date,
        by_day: &BTreeMap<Date, Vec<usize>>,
        agenda: &[AgendaItem],
        holidays: &BTreeMap<Date, String>,
        stops: &BTreeMap<Date, Vec<ClockStop>>,
        commands: &mut Vec<Command>,
    ) {
        let weeks = ((grid_end - grid_start).get_days() + 1) / 7;
        let spacing = 4.0;
        let cell_width = ((ui.available_width() - 6.0 * spacing) / 7.0).max(60.0);
        let cell_height = ((ui.available_height() - 24.0 - 6.0 * spacing)
            / if weeks > 5 { 6.0 } else { 5.0 })
        .max(64.0);
        let text_colour = ui.visuals().text_color();
        let palette = theme::palette(ui);
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
                                        // The day a clock stopped: a marker, not a due date.
                                        for stop in stops.get(&day).into_iter().flatten() {
                                            let reference =
                                                stop.title.split(" · ").next().unwrap_or_default();
                                            if chip(
                                                ui,
                                                &format!("{reference} paused"),
                                                palette.weak,
                                            )
                                            .on_hover_text(stop.stopped.message())
                                            .clicked()
                                            {
                                                commands.push(Command::OpenRequest(stop.request));
                                            }
                                        }
                                        let items: Vec<&AgendaItem> = by_day
                                            .get(&day)
                                            .into_iter()
                                            .flatten()
                                            .map(|&i| &agenda[i])
                                            .collect();
                                        if items.len() <= CHIPS_PER_DAY {
                                            for item in &items {
                                                let colour =
                                                    palette.urgency(item.urgency, text_colour);
                                                if chip(ui, &chip_text(item), colour)
                                                    .on_hover_text(&item.title)
                                                    .clicked()
                                                {
                                                    open_item(item, commands);
                                                }
                                            }
                                        } else if let Some(first) = items.first() {
                                            // A crowded day is one chip: the first date and how many
                                            // more; the agenda beside the grid lists them all.
                                            let colour =
                                                palette.urgency(first.urgency, text_colour);
                                            let text = format!(
                                                "{} +{} more",
                                                chip_text(first),
                                                items.len() - 1
                                            );
                                            let hover = format!(
                                                "{}\nand {} more: see the agenda",
                                                first.title,
                                                items.len() - 1
                                            );
                                            if chip(ui, &text, colour)
                                                .on_hover_text(hover)
                                                .clicked()
                                            {
                                                open_item(first, commands);
                                            }
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
