//! The pieces every screen is built from: labelled fields with their problems, enum
//! drop-downs, buttons that emit a command, and the two-pane layout. Every input gets
//! an accessible name from its label, for screen readers and for the UI tests that find
//! fields by label.

use egui::{Response, RichText};
use egui_extras::{Size, StripBuilder};

use super::theme::{self, spacing};
use crate::{
    command::{Action, Command},
    domain::{
        integrity::{MAX_LINE_CHARS, MAX_TEXT_CHARS},
        validate::FieldIssue,
    },
};

/// Extra widgets on [`egui::Ui`] (rerun's `UiExt` is the model).
pub trait UiExt {
    fn ui(&mut self) -> &mut egui::Ui;

    /// A one-line field under its label, as wide as the column; true when it changed.
    fn text_field(&mut self, label: &str, value: &mut String, hint: &str) -> bool {
        let edit = egui::TextEdit::singleline(value).char_limit(MAX_LINE_CHARS);
        labelled_edit(self.ui(), label, edit, hint)
    }

    /// A few-line field under its label, as wide as the column; true when it changed.
    fn text_area(&mut self, label: &str, value: &mut String, hint: &str) -> bool {
        let edit = egui::TextEdit::multiline(value)
            .desired_rows(2)
            .char_limit(MAX_TEXT_CHARS);
        labelled_edit(self.ui(), label, edit, hint)
    }

    /// One row of a two-column form grid: the label, then the field of `width` with the
    /// problems found in it (those of `issues` whose field is `label`) under it.
    fn form_row(&mut self, label: &str, field: FormField<'_>, issues: &[FieldIssue]) -> bool {
        let ui = self.ui();
        let label_response = ui.label(label);
        let changed = ui
            .vertical(|ui| {
                let edit = match field.kind {
                    FieldKind::Line => {
                        egui::TextEdit::singleline(field.value).char_limit(MAX_LINE_CHARS)
                    }
                    FieldKind::Lines => egui::TextEdit::multiline(field.value)
                        .desired_rows(2)
                        .char_limit(MAX_TEXT_CHARS),
                };
                let changed = ui
                    .add(edit.hint_text(field.hint).desired_width(field.width))
                    .labelled_by(label_response.id)
                    .changed();
                ui.problems_of(label, issues);
                changed
            })
            .inner;
        ui.end_row();
        changed
    }

    /// The problems `issues` report for `field`, each as a line in the error colour.
    fn problems_of(&mut self, field: &str, issues: &[FieldIssue]) {
        let ui = self.ui();
        for issue in issues.iter().filter(|issue| issue.field == field) {
            ui.problem(&issue.message);
        }
    }

    /// One problem, in the error colour.
    fn problem(&mut self, text: &str) -> Response {
        let ui = self.ui();
        let colour = theme::palette(ui).error;
        ui.label(RichText::new(text).color(colour))
    }

    /// A labelled drop-down of `choices`, each shown by `name`; true when the choice
    /// changed. The label comes first in the current layout (its own cell in a grid).
    fn enum_combo<T: PartialEq + Clone>(
        &mut self,
        label: &str,
        id_salt: impl std::hash::Hash + std::fmt::Debug,
        value: &mut T,
        choices: impl IntoIterator<Item = T>,
        name: impl Fn(&T) -> String,
    ) -> Response {
        let ui = self.ui();
        let label = ui.label(label);
        let mut changed = false;
        let mut response = egui::ComboBox::from_id_salt(id_salt)
            .selected_text(name(value))
            .show_ui(ui, |ui| {
                for choice in choices {
                    let text = name(&choice);
                    changed |= ui.selectable_value(value, choice, text).changed();
                }
            })
            .response
            .labelled_by(label.id);
        if changed {
            response.mark_changed();
        }
        response
    }

    /// A button for a menu-table action that pushes `command` when clicked; disabled
    /// (with the tooltip still shown) when `enabled` is false.
    fn action_button(
        &mut self,
        action: Action,
        enabled: bool,
        command: Command,
        commands: &mut Vec<Command>,
    ) -> Response {
        let ui = self.ui();
        let response = ui
            .add_enabled(enabled, egui::Button::new(action.label))
            .on_hover_text(action.tooltip)
            .on_disabled_hover_text(action.tooltip);
        if response.clicked() {
            commands.push(command);
        }
        response
    }

    /// A section title inside a form.
    fn section_title(&mut self, title: &str) {
        let ui = self.ui();
        ui.add_space(spacing::SECTION);
        ui.label(RichText::new(title).strong().size(theme::text::SECTION));
    }
}

fn labelled_edit(ui: &mut egui::Ui, label: &str, edit: egui::TextEdit<'_>, hint: &str) -> bool {
    let label = ui.label(label);
    ui.add(edit.hint_text(hint).desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .changed()
}

impl UiExt for egui::Ui {
    fn ui(&mut self) -> &mut egui::Ui {
        self
    }
}

/// What [`UiExt::form_row`] edits.
pub struct FormField<'a> {
    pub value: &'a mut String,
    pub hint: &'a str,
    pub width: f32,
    pub kind: FieldKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Line,
    Lines,
}

impl<'a> FormField<'a> {
    pub fn line(value: &'a mut String, hint: &'a str) -> Self {
        Self {
            value,
            hint,
            width: spacing::FIELD_WIDTH,
            kind: FieldKind::Line,
        }
    }

    pub fn lines(value: &'a mut String, hint: &'a str) -> Self {
        Self {
            kind: FieldKind::Lines,
            ..Self::line(value, hint)
        }
    }

    #[must_use]
    pub fn width(self, width: f32) -> Self {
        Self { width, ..self }
    }
}

/// How one pane of [`two_panes`] takes its width.
#[derive(Debug, Clone, Copy)]
pub enum PaneWidth {
    /// A share of the width, at least `min` points.
    Share { share: f32, min: f32 },
    /// Whatever the other pane leaves, at least `min` points.
    Rest { min: f32 },
    /// Exactly this many points.
    Exact(f32),
}

impl PaneWidth {
    fn size(self) -> Size {
        match self {
            PaneWidth::Share { share, min } => Size::relative(share).at_least(min),
            PaneWidth::Rest { min } => Size::remainder().at_least(min),
            PaneWidth::Exact(points) => Size::exact(points),
        }
    }
}

/// Whether a pane scrolls by itself or lays out its own scrolling (a long table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaneScroll {
    Scrolls,
    OwnScrolling,
}

/// One side of [`two_panes`].
#[derive(Debug, Clone, Copy)]
pub struct Pane {
    pub id: &'static str,
    pub width: PaneWidth,
    pub scroll: PaneScroll,
}

impl Pane {
    pub fn scrolled(id: &'static str, width: PaneWidth) -> Self {
        Self {
            id,
            width,
            scroll: PaneScroll::Scrolls,
        }
    }

    pub fn own_scrolling(id: &'static str, width: PaneWidth) -> Self {
        Self {
            id,
            width,
            scroll: PaneScroll::OwnScrolling,
        }
    }
}

/// Two panes side by side, each drawn with `state` (so both can change it).
pub fn two_panes<S>(
    ui: &mut egui::Ui,
    state: &mut S,
    left: (Pane, impl FnOnce(&mut egui::Ui, &mut S)),
    right: (Pane, impl FnOnce(&mut egui::Ui, &mut S)),
) {
    let ((left_pane, left_ui), (right_pane, right_ui)) = (left, right);
    StripBuilder::new(ui)
        .size(left_pane.width.size())
        .size(right_pane.width.size())
        .horizontal(|mut strip| {
            strip.cell(|ui| pane_ui(ui, left_pane, |ui| left_ui(ui, state)));
            strip.cell(|ui| {
                egui::Frame::new()
                    .inner_margin(egui::Margin {
                        left: 10,
                        ..Default::default()
                    })
                    .show(ui, |ui| pane_ui(ui, right_pane, |ui| right_ui(ui, state)));
            });
        });
}

fn pane_ui(ui: &mut egui::Ui, pane: Pane, contents: impl FnOnce(&mut egui::Ui)) {
    match pane.scroll {
        PaneScroll::OwnScrolling => contents(ui),
        PaneScroll::Scrolls => {
            egui::ScrollArea::vertical()
                .id_salt(pane.id)
                .auto_shrink([false, false])
                .show(ui, contents);
        }
    }
}
