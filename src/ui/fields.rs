//! Labelled text fields: every input has an accessible name, for screen readers and
//! for the UI tests that find fields by their label.

/// A one-line field under its label; true when the text changed.
pub fn text_field(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) -> bool {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
    .changed()
}

/// A few-line field under its label; true when the text changed.
pub fn text_area(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) -> bool {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::multiline(value)
            .hint_text(hint)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
    .changed()
}
