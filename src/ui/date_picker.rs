//! A date field's calendar button: a month to pick a day from, and "Today". Dates are
//! still typed as YYYY-MM-DD (the field stays the one source); the picker only writes
//! into it, so a typed date and a picked one are checked by the same rule.

use egui::{Popup, PopupCloseBehavior, RichText, accesskit::Role};
use jiff::{ToSpan, civil::Date};

use super::{access::Table, theme::spacing};

/// The columns, shown short and named in full.
const WEEKDAYS: [(&str, &str); 7] = [
    ("Mo", "Monday"),
    ("Tu", "Tuesday"),
    ("We", "Wednesday"),
    ("Th", "Thursday"),
    ("Fr", "Friday"),
    ("Sa", "Saturday"),
    ("Su", "Sunday"),
];

/// The "Pick…" button beside a date field labelled `label`; true when a day was picked
/// (and written into `value`). The month opens with the keyboard on the field's date
/// (else today), its arrow keys move between days, and the keyboard comes back to the
/// button when a day is picked or Escape closes it.
pub fn date_picker_button(ui: &mut egui::Ui, label: &str, value: &mut String, today: Date) -> bool {
    let button = ui
        .button("Pick…")
        .on_hover_text(format!("Pick the date from a calendar ({label})"));
    // The visible word first, then the field it fills: one of several "Pick…" buttons.
    ui.ctx().accesskit_node_builder(button.id, |node| {
        node.set_label(format!("Pick… {label}"));
    });
    let month_id = button.id.with("shown_month");
    let popup_id = Popup::default_response_id(&button);
    let was_open = Popup::is_id_open(ui.ctx(), popup_id);
    let current = value.trim().parse::<Date>().ok();
    let mut focus_day = None;
    if button.clicked() {
        // Opens on the month of the date in the field, else this month.
        let shown = current.unwrap_or(today);
        ui.data_mut(|d| d.insert_temp(month_id, shown.first_of_month()));
        focus_day = Some(shown);
    }
    let mut picked = None;
    Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut shown = ui
                .data(|d| d.get_temp::<Date>(month_id))
                .unwrap_or_else(|| today.first_of_month());
            picked = month_ui(ui, &mut shown, (current, focus_day), today);
            ui.data_mut(|d| d.insert_temp(month_id, shown));
        });
    let open = Popup::is_id_open(ui.ctx(), popup_id);
    ui.ctx().accesskit_node_builder(button.id, |node| {
        node.set_has_popup(egui::accesskit::HasPopup::Dialog);
        node.set_expanded(open);
    });
    let closed_by_escape = was_open
        && !Popup::is_id_open(ui.ctx(), popup_id)
        && ui.input(|i| i.key_pressed(egui::Key::Escape));
    if closed_by_escape {
        button.request_focus();
    }
    match picked {
        Some(day) => {
            *value = day.to_string();
            Popup::close_id(ui.ctx(), popup_id);
            button.request_focus();
            true
        }
        None => false,
    }
}

/// One month as a grid of days, each named in full, with its navigation; the day
/// clicked, if any. `focus` is the day to put the keyboard on as it opens.
fn month_ui(
    ui: &mut egui::Ui,
    shown: &mut Date,
    (current, focus): (Option<Date>, Option<Date>),
    today: Date,
) -> Option<Date> {
    let mut picked = None;
    ui.horizontal(|ui| {
        let previous = ui.small_button("◀").on_hover_text("Previous month");
        ui.ctx()
            .accesskit_node_builder(previous.id, |node| node.set_label("Previous month"));
        if previous.clicked()
            && let Ok(month) = shown.checked_sub(1.month())
        {
            *shown = month;
        }
        // A fixed width, so the arrows keep their place as month names change.
        ui.add_sized(
            [130.0, ui.spacing().interact_size.y],
            egui::Label::new(RichText::new(shown.strftime("%B %Y").to_string()).strong()),
        );
        let next = ui.small_button("▶").on_hover_text("Next month");
        ui.ctx()
            .accesskit_node_builder(next.id, |node| node.set_label("Next month"));
        if next.clicked()
            && let Ok(month) = shown.checked_add(1.month())
        {
            *shown = month;
        }
    });
    let first = shown.first_of_month();
    let blanks = usize::from(first.weekday().to_monday_zero_offset().unsigned_abs());
    let days = usize::try_from(first.days_in_month()).unwrap_or(31);
    let weeks = (blanks + days).div_ceil(7);
    Table::show(
        ui,
        Role::Grid,
        (
            &format!("Pick a date, {}", shown.strftime("%B %Y")),
            ui.make_persistent_id("picker_days"),
        ),
        (weeks + 1, 7),
        |ui, table| {
            egui::Grid::new("date_picker_days")
                .num_columns(7)
                .spacing([spacing::HAIR, spacing::HAIR])
                .show(ui, |ui| {
                    let headers = table.row(ui, 0, "weekdays");
                    for (column, (short, full)) in WEEKDAYS.into_iter().enumerate() {
                        ui.label(RichText::new(short).weak());
                        headers.header(ui, column, full);
                    }
                    ui.end_row();
                    let mut row = table.row(ui, 1, ("week", 0));
                    for _ in 0..blanks {
                        ui.label("");
                    }
                    let mut column = blanks;
                    for day in 1..=first.days_in_month() {
                        let Ok(date) = first.with().day(day).build() else {
                            continue;
                        };
                        let mut text = RichText::new(format!("{day:>2}"));
                        if date == today {
                            text = text.underline().strong();
                        }
                        let name = date.strftime("%A %-d %B %Y").to_string();
                        let response = row.cell(ui, column, &name, |ui| {
                            let response = ui.selectable_label(current == Some(date), text);
                            if date == today {
                                response.on_hover_text("Today")
                            } else {
                                response
                            }
                        });
                        ui.ctx()
                            .accesskit_node_builder(response.id, |node| node.set_label(name));
                        if focus == Some(date) {
                            response.request_focus();
                        }
                        if response.clicked() {
                            picked = Some(date);
                        }
                        column += 1;
                        if column == 7 && day < first.days_in_month() {
                            ui.end_row();
                            column = 0;
                            let week = (blanks + usize::from(u8::try_from(day).unwrap_or(0))) / 7;
                            row = table.row(ui, week + 1, ("week", week));
                        }
                    }
                });
        },
    );
    ui.add_space(spacing::TIGHT);
    if ui
        .button("Today")
        .on_hover_text(today.strftime("%A %-d %B %Y").to_string())
        .clicked()
    {
        picked = Some(today);
    }
    picked
}
