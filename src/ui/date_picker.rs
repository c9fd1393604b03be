//! A date field's calendar button: a month to pick a day from, and "Today". Dates are
//! still typed as YYYY-MM-DD (the field stays the one source); the picker only writes
//! into it, so a typed date and a picked one are checked by the same rule.

use egui::{Popup, PopupCloseBehavior, RichText};
use jiff::{ToSpan, civil::Date};

use super::theme::spacing;

const WEEKDAYS: [&str; 7] = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

/// The "Pick…" button beside a date field labelled `label`; true when a day was picked
/// (and written into `value`).
pub fn date_picker_button(ui: &mut egui::Ui, label: &str, value: &mut String, today: Date) -> bool {
    let button = ui
        .button("Pick…")
        .on_hover_text(format!("Pick the date from a calendar ({label})"));
    let month_id = button.id.with("shown_month");
    if button.clicked() {
        // Opens on the month of the date in the field, else this month.
        let shown = value
            .trim()
            .parse::<Date>()
            .unwrap_or(today)
            .first_of_month();
        ui.data_mut(|d| d.insert_temp(month_id, shown));
    }
    let mut picked = None;
    let popup_id = Popup::default_response_id(&button);
    Popup::from_toggle_button_response(&button)
        .close_behavior(PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            let mut shown = ui
                .data(|d| d.get_temp::<Date>(month_id))
                .unwrap_or_else(|| today.first_of_month());
            picked = month_ui(ui, &mut shown, value.trim().parse().ok(), today);
            ui.data_mut(|d| d.insert_temp(month_id, shown));
        });
    match picked {
        Some(day) => {
            *value = day.to_string();
            Popup::close_id(ui.ctx(), popup_id);
            true
        }
        None => false,
    }
}

/// One month as a grid of days, with its navigation; the day clicked, if any.
fn month_ui(
    ui: &mut egui::Ui,
    shown: &mut Date,
    current: Option<Date>,
    today: Date,
) -> Option<Date> {
    let mut picked = None;
    ui.horizontal(|ui| {
        if ui
            .small_button("◀")
            .on_hover_text("Previous month")
            .clicked()
            && let Ok(previous) = shown.checked_sub(1.month())
        {
            *shown = previous;
        }
        // A fixed width, so the arrows keep their place as month names change.
        ui.add_sized(
            [130.0, ui.spacing().interact_size.y],
            egui::Label::new(RichText::new(shown.strftime("%B %Y").to_string()).strong()),
        );
        if ui.small_button("▶").on_hover_text("Next month").clicked()
            && let Ok(next) = shown.checked_add(1.month())
        {
            *shown = next;
        }
    });
    egui::Grid::new("date_picker_days")
        .num_columns(7)
        .spacing([spacing::HAIR, spacing::HAIR])
        .show(ui, |ui| {
            for weekday in WEEKDAYS {
                ui.label(RichText::new(weekday).weak());
            }
            ui.end_row();
            let first = shown.first_of_month();
            let blanks = first.weekday().to_monday_zero_offset();
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
                let response = ui
                    .selectable_label(current == Some(date), text)
                    .on_hover_text(date.strftime("%A %-d %B %Y").to_string());
                if response.clicked() {
                    picked = Some(date);
                }
                column += 1;
                if column == 7 {
                    ui.end_row();
                    column = 0;
                }
            }
        });
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
