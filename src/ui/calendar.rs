//! The Calendar screen: a month grid (Monday first) with today marked, the shop's bank
//! holidays shaded and named, and every date to act by as a chip coloured by urgency;
//! the month's agenda beside it.

use std::collections::BTreeMap;

use egui::{Color32, RichText, Stroke, accesskit::Role, vec2};
use jiff::{Span, civil::Date};

use super::{
    access::{self, Level, Table},
    theme::{self, spacing},
    widgets::{Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    command::{self, Command, Export, Screen},
    documents::ics::Names,
    domain::{
        agenda::{AgendaItem, AgendaKind, ClockStop},
        deadlines::short_date,
    },
    session::ScreenContext,
};

/// The columns of the month, shown short and named in full.
const WEEKDAYS: [(&str, &str); 7] = [
    ("Mon", "Monday"),
    ("Tue", "Tuesday"),
    ("Wed", "Wednesday"),
    ("Thu", "Thursday"),
    ("Fri", "Friday"),
    ("Sat", "Saturday"),
    ("Sun", "Sunday"),
];

/// Below this width the agenda goes under the month instead of beside it.
const SIDE_BY_SIDE_WIDTH: f32 = 900.0;
/// Lines an agenda row may take before it is shortened (whole on hover).
const AGENDA_ROW_LINES: u8 = 2;

#[derive(Debug, Default)]
pub struct CalendarScreen {
    /// The first day of the month shown; `None` follows today.
    month: Option<Date>,
    /// On a narrow window, which of the two is shown.
    narrow_view: NarrowView,
    /// The user chose to put requesters' names in the exported calendar.
    names_in_calendar: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum NarrowView {
    #[default]
    Month,
    Agenda,
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

/// A chip's two parts: what it is about (a reference) and what is due then.
fn chip_parts(item: &AgendaItem) -> (String, &'static str) {
    let reference = item
        .title
        .split(" · ")
        .next()
        .unwrap_or_default()
        .to_owned();
    match item.kind {
        AgendaKind::Due => (reference, "due"),
        AgendaKind::TellBy => (reference, "last day to extend"),
        AgendaKind::Acknowledge => (reference, "acknowledge"),
        AgendaKind::FeeRenewal => ("ICO fee".to_owned(), "renewal"),
        AgendaKind::BreachReport => (reference, "72 hours end"),
        AgendaKind::StopNow => (reference, "stop now · confirm"),
    }
}

/// The chip's text size: readable, a little under body text so a reference fits a
/// narrow day.
fn chip_font(ui: &egui::Ui) -> egui::FontId {
    let body = egui::TextStyle::Body.resolve(ui.style());
    egui::FontId::new(body.size - 2.0, body.family)
}

const CHIP_PADDING: egui::Vec2 = vec2(3.0, 1.0);
/// A day cell's margin (3 each side) and border (up to 2 each side).
const CELL_MARGIN: i8 = 3;
const CELL_CHROME: egui::Vec2 = vec2(10.0, 10.0);

/// How tall a chip is with `lines` lines.
fn chip_height(ui: &egui::Ui, lines: usize) -> f32 {
    let row = ui.fonts_mut(|f| f.row_height(&chip_font(ui)));
    // A chip has one or two lines.
    let lines = if lines > 1 { 2.0 } else { 1.0 };
    row * lines + 2.0 * CHIP_PADDING.y
}

/// A small outlined label that can be clicked, painted directly: a busy month shows a
/// hundred of them, and a full button widget each would slow every frame. The
/// reference and what is due go on one line when the day is wide enough, else on two;
/// the reference is never cut.
fn chip(ui: &mut egui::Ui, reference: &str, what: &str, colour: Color32) -> egui::Response {
    let font = chip_font(ui);
    let one_line = if what.is_empty() {
        reference.to_owned()
    } else {
        format!("{reference} {what}")
    };
    let width = ui.available_width();
    let text_width = width - 2.0 * CHIP_PADDING.x;
    let painter = ui.painter().clone();
    let whole = painter.layout_no_wrap(one_line.clone(), font.clone(), colour);
    // One line when it fits; else the reference whole on the first line (it is never
    // broken at its hyphens) and what is due under it, shortened if it must be.
    let lines = if whole.size().x <= text_width || what.is_empty() {
        vec![whole]
    } else {
        let reference = painter.layout_no_wrap(reference.to_owned(), font.clone(), colour);
        let mut job = egui::text::LayoutJob::simple_singleline(what.to_owned(), font, colour);
        job.wrap.max_width = text_width;
        job.wrap.max_rows = 1;
        vec![reference, painter.layout_job(job)]
    };
    let text_size = lines.iter().fold(egui::Vec2::ZERO, |size, line| {
        vec2(size.x.max(line.size().x), size.y + line.size().y)
    });
    let size = vec2(
        (text_size.x + 2.0 * CHIP_PADDING.x).min(width),
        text_size.y + 2.0 * CHIP_PADDING.y,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &one_line));
    let stroke_width = if response.hovered() || response.has_focus() {
        2.0
    } else {
        1.0
    };
    let painter = painter.with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect_stroke(
        rect,
        3.0,
        Stroke::new(stroke_width, colour),
        egui::StrokeKind::Inside,
    );
    let mut at = rect.min + CHIP_PADDING;
    for line in lines {
        let height = line.size().y;
        painter.galley(at, line, colour);
        at.y += height;
    }
    response
}

/// One row of the agenda, painted and clipped to the panel: a heading, or a date to
/// act by (wrapped onto a second line if need be) that opens its request when clicked.
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
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, colour, rect.width());
    job.wrap.max_rows = usize::from(AGENDA_ROW_LINES);
    let galley = ui.painter().layout_job(job);
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    // A day's heading sits at the bottom of its row: the gap above it separates days.
    let origin = if heading {
        egui::pos2(rect.left(), rect.bottom() - galley.size().y)
    } else {
        egui::pos2(rect.left(), rect.top())
    };
    if !heading && (response.hovered() || response.has_focus()) {
        painter.rect_stroke(
            rect.expand(1.0),
            2.0,
            Stroke::new(1.0, colour),
            egui::StrokeKind::Inside,
        );
    }
    painter.galley(origin, galley, colour);
    response
}

fn open_item(item: &AgendaItem, commands: &mut Vec<Command>) {
    commands.push(match (item.request, item.breach) {
        (Some(id), _) => Command::OpenRequest(id),
        (None, Some(id)) => Command::OpenBreach(id),
        (None, None) => Command::Navigate(Screen::Organisation),
    });
}

/// What a day shows as a chip: a date to act by, or the day a clock stopped.
enum DayChip<'a> {
    Due(&'a AgendaItem),
    Stopped(&'a ClockStop),
}

impl DayChip<'_> {
    fn title(&self) -> &str {
        match self {
            DayChip::Due(item) => &item.title,
            DayChip::Stopped(stop) => &stop.title,
        }
    }

    fn hover(&self) -> String {
        match self {
            DayChip::Due(item) => format!("{}: {}", item.kind.label(), item.title),
            DayChip::Stopped(stop) => format!("{}\n{}", stop.title, stop.stopped.message()),
        }
    }

    fn open(&self, commands: &mut Vec<Command>) {
        match self {
            DayChip::Due(item) => open_item(item, commands),
            DayChip::Stopped(stop) => commands.push(Command::OpenRequest(stop.request)),
        }
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
        access::heading(ui, "Calendar", Level::Screen);
        self.header_ui(ui, month, commands);
        ui.add(
            egui::Label::new(
                RichText::new(format!(
                    "Bank holidays of {}, shaded. Red: overdue; amber: within a week; grey “paused”: the day a request's clock stopped.",
                    workspace.organisation.nation
                ))
                .weak(),
            )
            .wrap(),
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

        let grid = |ui: &mut egui::Ui, commands: &mut Vec<Command>| {
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
        };
        if ui.available_width() >= SIDE_BY_SIDE_WIDTH {
            two_panes(
                ui,
                commands,
                (
                    Pane::own_scrolling("calendar_grid", PaneWidth::Rest { min: 420.0 }),
                    grid,
                ),
                (
                    Pane::own_scrolling(
                        "calendar_agenda",
                        PaneWidth::Share {
                            share: 0.3,
                            min: 240.0,
                        },
                    ),
                    |ui, commands| Self::agenda_ui(ui, month, by_day, agenda, commands),
                ),
            );
        } else {
            // Narrow: the month or its agenda, each the whole width (a day is then
            // wide enough for a reference, and the agenda's lines for their words).
            ui.horizontal(|ui| {
                ui.selectable_value(&mut self.narrow_view, NarrowView::Month, "Month");
                ui.selectable_value(&mut self.narrow_view, NarrowView::Agenda, "Agenda");
            });
            match self.narrow_view {
                NarrowView::Month => grid(ui, commands),
                NarrowView::Agenda => Self::agenda_ui(ui, month, by_day, agenda, commands),
            }
        }
    }

    /// The month's name and the buttons to move between months and export: the name
    /// takes the width of the longest, so the buttons never move sideways.
    fn header_ui(&mut self, ui: &mut egui::Ui, month: Date, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            let title_width = ui.fonts_mut(|f| {
                f.layout_no_wrap(
                    "September 2026".to_owned(),
                    egui::TextStyle::Heading.resolve(ui.style()),
                    Color32::WHITE,
                )
                .size()
                .x
            }) + spacing::ITEM;
            let title = month.strftime("%B %Y").to_string();
            let response = ui.add_sized(
                [title_width, ui.spacing().interact_size.y],
                egui::Label::new(RichText::new(&title).text_style(egui::TextStyle::Heading)),
            );
            access::set_heading(ui, &response, &title, Level::Section);
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
                    what: Export::Calendar {
                        names: if self.names_in_calendar {
                            Names::Included
                        } else {
                            Names::Omitted
                        },
                    },
                    to: None,
                },
                commands,
            );
            ui.checkbox(&mut self.names_in_calendar, "With requesters' names")
                .on_hover_text(
                    "Left out unless ticked: a calendar that syncs to a cloud service takes \
                     names off this computer. Events always show the reference and the kind \
                     of request.",
                );
        });
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
        let line_height = ui.text_style_height(&egui::TextStyle::Body)
            * f32::from(AGENDA_ROW_LINES)
            + ui.spacing().item_spacing.y;
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
        // The scroll bar's width is kept free, so Sunday is never cut off.
        let scroll_bar = ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin;
        let cell_width = ((ui.available_width() - 6.0 * spacing - scroll_bar) / 7.0).max(60.0);
        // Every week of the month in view, five or six: the cells share the height.
        let header = ui.text_style_height(&egui::TextStyle::Body) + spacing;
        let rows = if weeks > 5 { 6.0 } else { 5.0 };
        let cell_height =
            ((ui.available_height() - header - (rows - 1.0) * spacing) / rows).max(40.0);
        let one_line_chip = chip_height(ui, 1);
        let text_colour = ui.visuals().text_color();
        let palette = theme::palette(ui);
        let holiday_fill = ui.visuals().selection.bg_fill.gamma_multiply(0.25);
        let weeks_in_grid = usize::try_from(weeks).unwrap_or(6);
        egui::ScrollArea::vertical()
            .id_salt("month_grid")
            .show(ui, |ui| {
                Table::show(
                    ui,
                    Role::Grid,
                    (
                        &month.strftime("%B %Y").to_string(),
                        ui.make_persistent_id("month_table"),
                    ),
                    (weeks_in_grid + 1, 7),
                    |ui, table| {
                        egui::Grid::new("month_grid")
                            .spacing(vec2(spacing, spacing))
                            .min_col_width(cell_width)
                            .max_col_width(cell_width)
                            .show(ui, |ui| {
                                let headers = table.row(ui, 0, "weekdays");
                                for (column, (name, full)) in WEEKDAYS.into_iter().enumerate() {
                                    ui.label(RichText::new(name).strong());
                                    headers.header(ui, column, full);
                                }
                                ui.end_row();
                                let mut day = grid_start;
                                for week in 0..weeks_in_grid {
                                    let row = table.row(ui, week + 1, ("week", week));
                                    for column in 0..7 {
                                        let holiday = holidays.get(&day);
                                        let in_month = day.month() == month.month();
                                        let mut frame = egui::Frame::new()
                                            .inner_margin(CELL_MARGIN)
                                            .corner_radius(4.0);
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
                                        let mut name = day.strftime("%A %-d %B %Y").to_string();
                                        if day == today {
                                            name.push_str(", today");
                                        }
                                        if let Some(holiday) = holiday {
                                            name = format!("{name}, {holiday}");
                                        }
                                        row.cell(ui, column, &name, |ui| {
                                            frame.show(ui, |ui| {
                                                // Exactly the cell: what does not fit becomes "+N more".
                                                let inside =
                                                    vec2(cell_width, cell_height) - CELL_CHROME;
                                                ui.set_min_size(inside);
                                                ui.set_max_size(inside);
                                                ui.vertical(|ui| {
                                                    let number =
                                                        RichText::new(day.day().to_string());
                                                    let number = if day == today {
                                                        number.strong().underline()
                                                    } else {
                                                        number
                                                    };
                                                    ui.label(if in_month {
                                                        number
                                                    } else {
                                                        number.weak()
                                                    })
                                                    .on_hover_text(if day == today {
                                                        "Today".to_owned()
                                                    } else {
                                                        short_date(day)
                                                    });
                                                    if let Some(name) = holiday {
                                                        ui.label(
                                                            RichText::new(name)
                                                                .size(theme::text::CAPTION)
                                                                .italics(),
                                                        );
                                                    }
                                                    // The day a clock stopped: a marker, not a due date.
                                                    let mut chips: Vec<DayChip<'_>> = stops
                                                        .get(&day)
                                                        .into_iter()
                                                        .flatten()
                                                        .map(DayChip::Stopped)
                                                        .collect();
                                                    chips.extend(
                                                        by_day
                                                            .get(&day)
                                                            .into_iter()
                                                            .flatten()
                                                            .map(|&i| DayChip::Due(&agenda[i])),
                                                    );
                                                    for (shown, day_chip) in
                                                        chips.iter().enumerate()
                                                    {
                                                        let left = chips.len() - shown;
                                                        // Room for this one and, if more follow, the
                                                        // "+N more" chip under it.
                                                        let needed = chip_height(ui, 2)
                                                            + if left > 1 {
                                                                one_line_chip
                                                            } else {
                                                                0.0
                                                            };
                                                        if left > 1
                                                            && ui.available_height() < needed
                                                        {
                                                            let hover = chips[shown..]
                                                                .iter()
                                                                .map(DayChip::title)
                                                                .collect::<Vec<_>>()
                                                                .join("\n");
                                                            if chip(
                                                                ui,
                                                                &format!("+{left} more"),
                                                                "",
                                                                palette.text,
                                                            )
                                                            .on_hover_text(hover)
                                                            .clicked()
                                                            {
                                                                day_chip.open(commands);
                                                            }
                                                            break;
                                                        }
                                                        let (reference, what, colour) =
                                                            match day_chip {
                                                                DayChip::Stopped(stop) => (
                                                                    stop.title
                                                                        .split(" · ")
                                                                        .next()
                                                                        .unwrap_or_default()
                                                                        .to_owned(),
                                                                    "paused",
                                                                    palette.weak,
                                                                ),
                                                                DayChip::Due(item) => {
                                                                    let (reference, what) =
                                                                        chip_parts(item);
                                                                    (
                                                                        reference,
                                                                        what,
                                                                        palette.urgency(
                                                                            item.urgency,
                                                                            text_colour,
                                                                        ),
                                                                    )
                                                                }
                                                            };
                                                        if chip(ui, &reference, what, colour)
                                                            .on_hover_text(day_chip.hover())
                                                            .clicked()
                                                        {
                                                            day_chip.open(commands);
                                                        }
                                                    }
                                                });
                                            })
                                        });
                                        day = add_days(day, 1);
                                    }
                                    ui.end_row();
                                }
                            });
                    },
                );
            });
    }
}
