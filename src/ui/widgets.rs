//! The pieces every screen is built from: labelled fields with their problems, enum
//! drop-downs, buttons that emit a command, and the two-pane layout. Every input gets
//! an accessible name from its label, for screen readers and for the UI tests that find
//! fields by label.

use egui::{Response, RichText};
use egui_extras::{Size, StripBuilder};

use super::{
    access::DisabledBecause,
    date_picker::date_picker_button,
    theme::{self, spacing},
};
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
        let ui = self.ui();
        let label_response = ui.label(label);
        let response = edit_replacing_example(ui, value, hint, |ui, value, hint| {
            ui.add(
                egui::TextEdit::singleline(value)
                    .char_limit(MAX_LINE_CHARS)
                    .hint_text(hint)
                    .desired_width(f32::INFINITY),
            )
        })
        .labelled_by(label_response.id);
        follow_field(ui, label, &response);
        response.changed()
    }

    /// A date field (YYYY-MM-DD) under its label with a calendar button; true when it
    /// changed.
    fn date_field(&mut self, label: &str, value: &mut String, today: jiff::civil::Date) -> bool {
        let ui = self.ui();
        let label_response = ui.label(label);
        ui.horizontal(|ui| {
            let response = ui
                .add(
                    egui::TextEdit::singleline(value)
                        .char_limit(MAX_LINE_CHARS)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(110.0),
                )
                .labelled_by(label_response.id);
            follow_field(ui, label, &response);
            let picked = date_picker_button(ui, label, value, today);
            response.changed() || picked
        })
        .inner
    }

    /// A line that is always there, holding `problem` when there is one: what it says
    /// never moves what is below it.
    fn problem_line(&mut self, problem: Option<&str>) {
        let ui = self.ui();
        match problem {
            Some(text) => {
                problem_in_reserved_line(ui, text).on_hover_text(text);
                describe_field(ui, None, text);
            }
            None => {
                reserved_line(ui);
            }
        }
    }

    /// A few-line field under its label, as wide as the column, of a fixed height (more
    /// text scrolls inside it, so typing never moves what is below); true when it
    /// changed.
    fn text_area(&mut self, label: &str, value: &mut String, hint: &str) -> bool {
        let ui = self.ui();
        let label_response = ui.label(label);
        let response = edit_replacing_example(ui, value, hint, |ui, value, hint| {
            let edit = egui::TextEdit::multiline(value)
                .desired_rows(TEXT_AREA_ROWS)
                .char_limit(MAX_TEXT_CHARS)
                .hint_text(hint)
                .desired_width(f32::INFINITY);
            fixed_height(ui, label, edit)
        })
        .labelled_by(label_response.id);
        follow_field(ui, label, &response);
        response.changed()
    }

    /// A multi-line box of `width` for the field labelled by `label`, of a fixed height
    /// (its text scrolls inside), so typing never moves what is below.
    fn text_box(
        &mut self,
        label: &Response,
        value: &mut String,
        hint: &str,
        width: f32,
    ) -> Response {
        let ui = self.ui();
        let name = label.id;
        let edit = egui::TextEdit::multiline(value)
            .desired_rows(TEXT_AREA_ROWS)
            .char_limit(MAX_TEXT_CHARS)
            .hint_text(hint)
            .desired_width(width);
        fixed_height(ui, name, edit).labelled_by(label.id)
    }

    /// One row of a two-column form grid: the label, then the field of `width` with the
    /// problem found in it (of `issues`, those whose field is `label`) on a line under
    /// it that is always there, so the rows below never move.
    fn form_row(&mut self, label: &str, field: FormField<'_>, issues: &[FieldIssue]) -> bool {
        let ui = self.ui();
        // The label's cell holds a line as tall as the problem line too, so the label
        // sits beside its field rather than beside the field and its problem.
        let label_response = ui
            .vertical(|ui| {
                let label = ui.label(label);
                reserved_line(ui);
                label
            })
            .inner;
        let changed = ui
            .vertical(|ui| {
                let changed = match field.kind {
                    FieldKind::Line | FieldKind::Lines => {
                        let response = if field.kind == FieldKind::Line {
                            ui.add(
                                egui::TextEdit::singleline(field.value)
                                    .char_limit(MAX_LINE_CHARS)
                                    .hint_text(field.hint)
                                    .desired_width(field.width),
                            )
                        } else {
                            let edit = egui::TextEdit::multiline(field.value)
                                .desired_rows(TEXT_AREA_ROWS)
                                .char_limit(MAX_TEXT_CHARS)
                                .hint_text(field.hint)
                                .desired_width(field.width);
                            fixed_height(ui, label, edit)
                        }
                        .labelled_by(label_response.id);
                        follow_field(ui, label, &response);
                        response.changed()
                    }
                    FieldKind::Date(today) => {
                        ui.horizontal(|ui| {
                            let width = field.width - ui.spacing().interact_size.y * 2.0;
                            let response = ui
                                .add(
                                    egui::TextEdit::singleline(field.value)
                                        .char_limit(MAX_LINE_CHARS)
                                        .hint_text(field.hint)
                                        .desired_width(width),
                                )
                                .labelled_by(label_response.id);
                            follow_field(ui, label, &response);
                            let picked = date_picker_button(ui, label, field.value, today);
                            response.changed() || picked
                        })
                        .inner
                    }
                };
                ui.problems_of(label, issues);
                changed
            })
            .inner;
        ui.end_row();
        changed
    }

    /// The problems `issues` report for `field`, on one line that is always there (the
    /// first in full width, the others on hover). Inside a [`problem_form`], they show
    /// only once the field was left or the form checked, never before any input.
    fn problems_of(&mut self, field: &str, issues: &[FieldIssue]) {
        let ui = self.ui();
        let shown = problems_shown(ui, field);
        // Asked for a field that is not one text box (a group of ticks): show where its
        // problem is.
        if take_focus_request(ui, field) {
            let rect = egui::Rect::from_min_size(
                ui.cursor().min,
                egui::vec2(
                    ui.available_width(),
                    ui.text_style_height(&egui::TextStyle::Body),
                ),
            );
            ui.scroll_to_rect(rect, Some(egui::Align::Center));
        }
        let mut matching = issues.iter().filter(|issue| issue.field == field);
        match (shown, matching.next()) {
            (true, Some(first)) => {
                let more: Vec<&str> = matching.map(|issue| issue.message.as_str()).collect();
                let text = if more.is_empty() {
                    first.message.clone()
                } else {
                    format!("{} (and {} more)", first.message, more.len())
                };
                let all = std::iter::once(first.message.as_str())
                    .chain(more)
                    .collect::<Vec<_>>()
                    .join("\n");
                describe_field(ui, Some(field), &all);
                problem_in_reserved_line(ui, &text).on_hover_text(all);
            }
            _ => {
                reserved_line(ui);
            }
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
        let label_text = label;
        let label = ui.label(label);
        let mut changed = false;
        let shown = name(value);
        let mut response = egui::ComboBox::from_id_salt(id_salt)
            .selected_text(shown.clone())
            .show_ui(ui, |ui| {
                for choice in choices {
                    let text = name(&choice);
                    changed |= ui.selectable_value(value, choice, text).changed();
                }
            })
            .response
            .labelled_by(label.id);
        focus_if_asked(ui, label_text, &response);
        super::access::combo_value(ui, &response, &if changed { name(value) } else { shown });
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
            .disabled_because(action.tooltip);
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

/// The rows a multi-line field shows; more scroll inside it.
const TEXT_AREA_ROWS: usize = 4;

/// A multi-line field in a box of a fixed height: text beyond it scrolls inside, so a
/// field growing as the user types never pushes down what is below (a click aimed at a
/// checkbox there would land on another).
fn fixed_height(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    edit: egui::TextEdit<'_>,
) -> Response {
    let row = ui.text_style_height(&egui::TextStyle::Body);
    // The field's own margin (4 points above and below) around its rows.
    #[allow(
        clippy::cast_precision_loss,
        reason = "a handful of rows, exactly representable"
    )]
    let height = row * TEXT_AREA_ROWS as f32 + 8.0;
    // Exactly that tall, whatever the text: the field fills the box (a click anywhere
    // in it types there), and a longer text scrolls.
    egui::ScrollArea::vertical()
        .id_salt(("fixed_height", id_salt))
        .max_height(height)
        .min_scrolled_height(height)
        .auto_shrink([false, false])
        .show(ui, |ui| ui.add(edit.min_size(egui::vec2(0.0, height))))
        .inner
}

/// Draws a field with `show`. While `value` is still example text from the starter
/// catalogue (see [`with_examples`]) the field shows empty, the example as its hint, so
/// the first key typed replaces the example (no selecting it first); leaving it
/// untouched keeps the example, which the form asks the user to confirm.
fn edit_replacing_example(
    ui: &mut egui::Ui,
    value: &mut String,
    hint: &str,
    show: impl FnOnce(&mut egui::Ui, &mut String, &str) -> Response,
) -> Response {
    let Some(example) = standing_example(ui, value) else {
        return show(ui, value, hint);
    };
    let mut typed = String::new();
    let hint = format!("Example: {example} (type yours, or confirm the example above)");
    let response = show(ui, &mut typed, &hint);
    if !typed.is_empty() {
        *value = typed;
    }
    response
}

/// The example texts still standing in the form being drawn.
#[derive(Debug, Clone, Default)]
struct StandingExamples(Vec<String>);

fn examples_id() -> egui::Id {
    egui::Id::unique("smallprint_standing_examples")
}

fn standing_example(ui: &egui::Ui, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    ui.data(|d| d.get_temp::<StandingExamples>(examples_id()))
        .and_then(|examples| {
            examples
                .0
                .into_iter()
                .find(|example| example.trim() == value)
        })
}

/// Draws `contents` with `examples` as the example text still to replace or confirm:
/// each field holding one of them shows it as a hint over an empty field.
pub fn with_examples<R>(
    ui: &mut egui::Ui,
    examples: Vec<String>,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    with_scoped(ui, examples_id(), StandingExamples(examples), contents)
}

/// A field the user asked to be taken to (from the list "Check" shows), with the frame
/// it was asked in: a request nothing answered soon after is forgotten rather than
/// firing when a field of that name appears later.
#[derive(Debug, Clone)]
struct FocusRequest {
    field: String,
    frame: u64,
}

fn focus_request_id() -> egui::Id {
    egui::Id::unique("smallprint_focus_request")
}

/// Asks the field labelled `field` to scroll into view and take the keyboard focus.
pub fn ask_focus(ctx: &egui::Context, field: &str) {
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| {
        d.insert_temp(
            focus_request_id(),
            FocusRequest {
                field: field.to_owned(),
                frame,
            },
        );
    });
}

/// Whether somewhere has asked for the keyboard and not been drawn yet.
pub fn focus_asked(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<FocusRequest>(focus_request_id()))
        .is_some_and(|request| request.frame.saturating_add(2) >= ctx.cumulative_frame_nr())
}

/// Whether the user asked to be taken to `field` (the request is then used up).
fn take_focus_request(ui: &egui::Ui, field: &str) -> bool {
    let Some(request) = ui.data(|d| d.get_temp::<FocusRequest>(focus_request_id())) else {
        return false;
    };
    let fresh = request.frame.saturating_add(2) >= ui.ctx().cumulative_frame_nr();
    if fresh && request.field != field {
        return false;
    }
    ui.data_mut(|d| d.remove::<FocusRequest>(focus_request_id()));
    fresh
}

/// Focuses and shows `response` when the user asked to be taken to the field `label`.
pub fn focus_if_asked(ui: &egui::Ui, label: &str, response: &Response) {
    if take_focus_request(ui, label) {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
    }
}

/// Draws `contents`, then keeps the space it took at the tallest it was while it kept
/// being drawn frame after frame: a box that shrinks (an example confirmed, a problem
/// fixed) never moves what is below it under the pointer. `contents` is told whether
/// it was taller before, to say why the space is there.
pub fn steady_height<R>(
    ui: &mut egui::Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    contents: impl FnOnce(&mut egui::Ui, bool) -> R,
) -> R {
    let key = egui::Id::unique(("smallprint_steady_height", key));
    let frame = ui.ctx().cumulative_frame_nr();
    let kept: f32 = ui
        .data(|d| d.get_temp::<(f32, u64)>(key))
        .filter(|(_, seen)| seen.saturating_add(1) >= frame)
        .map_or(0.0, |(height, _)| height);
    // Scopes of their own: the outer at least as tall as kept, the inner as tall as
    // what was drawn, however its last item ended.
    let (result, height) = ui
        .scope(|ui| {
            // Reserved from the top, before anything is drawn in it.
            ui.set_min_height(kept);
            let drawn = ui.scope(|ui| contents(ui, kept > 0.0));
            (drawn.inner, drawn.response.rect.height())
        })
        .inner;
    ui.data_mut(|d| d.insert_temp(key, (kept.max(height), frame)));
    result
}

/// One line above a form: how many problems it has, with "Check" to show them all
/// under their fields (until then, a field's problem shows once it is left).
pub fn check_line(ui: &mut egui::Ui, issues: &[FieldIssue], checked: &mut bool) {
    ui.horizontal(|ui| {
        // As tall with the button as without it.
        ui.set_min_height(ui.spacing().interact_size.y);
        if issues.is_empty() {
            ui.label(RichText::new("Nothing to fix.").color(theme::palette(ui).success));
        } else if *checked {
            ui.problem(&format!(
                "{} to fix (click one to go to its field):",
                crate::domain::validate::count(issues.len(), "thing", "things")
            ));
        } else {
            // Not red yet: nothing has been checked, and a new form is not an error.
            ui.label(format!(
                "{} to fill in or fix.",
                crate::domain::validate::count(issues.len(), "thing", "things")
            ));
            if ui
                .small_button("Check")
                .on_hover_text("List every problem, each a link to its field")
                .clicked()
            {
                *checked = true;
            }
        }
    });
    // The list keeps its space as problems are fixed while the form is open, so fixing
    // one never moves the field being typed in.
    let key = ui.scope_id().with("check_list");
    steady_height(ui, key, |ui, _| {
        if !*checked {
            return;
        }
        for issue in issues {
            let text = format!("{}: {}", issue.field, issue.message);
            if ui
                .add(egui::Link::new(text))
                .on_hover_text(format!("Go to “{}”", issue.field))
                .clicked()
            {
                ask_focus(ui.ctx(), issue.field);
            }
        }
    });
}

/// An empty line as tall as a line of text: the place a problem appears in. Its
/// size never depends on what it holds.
fn reserved_line(ui: &mut egui::Ui) -> egui::Rect {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width().max(1.0);
    ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover())
        .0
}

/// `text` in the error colour, shortened to one reserved line (whole on hover).
fn problem_in_reserved_line(ui: &mut egui::Ui, text: &str) -> Response {
    let rect = reserved_line(ui);
    let colour = theme::palette(ui).error;
    // From the left of the line, like the field above it (`put` would centre it).
    ui.scope_builder(
        egui::UiBuilder::new()
            .max_rect(rect)
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
        |ui| ui.add(egui::Label::new(RichText::new(text).color(colour)).truncate()),
    )
    .inner
}

/// A form whose problems show only once a field was left or the form was checked:
/// what a user has not touched yet is not an error yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ProblemForm {
    key: egui::Id,
    checked: bool,
}

fn problem_form_id() -> egui::Id {
    egui::Id::unique("smallprint_problem_form")
}

/// Draws `contents` as the form `key`: its problems show field by field as each is
/// left, or all at once when `checked`. Outside such a form every problem shows.
pub fn problem_form<R>(
    ui: &mut egui::Ui,
    key: impl std::hash::Hash + std::fmt::Debug,
    checked: bool,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let form = ProblemForm {
        key: egui::Id::unique(("smallprint_form", key)),
        checked,
    };
    with_scoped(ui, problem_form_id(), form, contents)
}

fn owner_id() -> egui::Id {
    egui::Id::unique("smallprint_field_owner")
}

/// Draws `contents` as a group named `owner` ("Processor 2"), each labelled field in it
/// named "{owner}: {label}" for a screen reader, so fields repeated per item are told
/// apart (the visible labels stay short).
pub fn owned_by<R>(ui: &mut egui::Ui, owner: &str, contents: impl FnOnce(&mut egui::Ui) -> R) -> R {
    super::access::region(ui, egui::accesskit::Role::Group, owner, |ui| {
        with_scoped(ui, owner_id(), owner.to_owned(), contents)
    })
}

/// Draws `contents` with `value` stored under `id` for the widgets inside to read, then
/// puts back what was there before (forms inside forms).
fn with_scoped<T: Clone + Send + Sync + 'static, R>(
    ui: &mut egui::Ui,
    id: egui::Id,
    value: T,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    let outer = ui.data(|d| d.get_temp::<T>(id));
    ui.data_mut(|d| d.insert_temp(id, value));
    let result = contents(ui);
    ui.data_mut(|d| match outer {
        Some(outer) => {
            d.insert_temp(id, outer);
        }
        None => d.remove::<T>(id),
    });
    result
}

fn touched_id(form: &ProblemForm, field: &str) -> egui::Id {
    form.key.with(("touched", field))
}

/// What every labelled field does: remembers when the user leaves it (so its problems
/// show), and takes the focus when Check's list asks for it.
fn follow_field(ui: &egui::Ui, label: &str, response: &Response) {
    note_if_left(ui, label, response);
    focus_if_asked(ui, label, response);
    if let Some(owner) = ui.data(|d| d.get_temp::<String>(owner_id())) {
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_label(format!("{owner}: {}", lower_first(label)));
        });
    }
    let drawn = (response.id, ui.ctx().cumulative_frame_nr());
    ui.data_mut(|d| {
        d.insert_temp(field_id_key(Some(label)), drawn);
        d.insert_temp(field_id_key(None), drawn);
    });
}

/// `label` with its first letter in lower case, to follow an owner's name.
fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Where the id of the field labelled `label` (or of the last field drawn) is kept with
/// the frame it was drawn in, so its problem, drawn after it, becomes its description.
fn field_id_key(label: Option<&str>) -> egui::Id {
    egui::Id::unique(("smallprint_field_id", label))
}

/// Makes `problem` the description of the field labelled `label` (else of the last
/// field drawn): a screen reader says it with the field's name.
fn describe_field(ui: &egui::Ui, label: Option<&str>, problem: &str) {
    let key = field_id_key(label);
    let frame = ui.ctx().cumulative_frame_nr();
    // Only a field drawn this frame: an older one may be another form's, or gone.
    if let Some((id, drawn)) = ui.data(|d| d.get_temp::<(egui::Id, u64)>(key))
        && drawn == frame
    {
        super::access::describe(ui.ctx(), id, problem);
        if label.is_none() {
            ui.data_mut(|d| d.remove::<(egui::Id, u64)>(key));
        }
    }
}

/// Remembers that the user left `field` (after focusing it), so its problems show.
fn note_if_left(ui: &egui::Ui, field: &str, response: &Response) {
    if response.lost_focus()
        && let Some(form) = ui.data(|d| d.get_temp::<ProblemForm>(problem_form_id()))
    {
        ui.data_mut(|d| d.insert_temp(touched_id(&form, field), true));
    }
}

fn problems_shown(ui: &egui::Ui, field: &str) -> bool {
    match ui.data(|d| d.get_temp::<ProblemForm>(problem_form_id())) {
        None => true,
        Some(form) => {
            form.checked
                || ui.data(|d| {
                    d.get_temp::<bool>(touched_id(&form, field))
                        .unwrap_or(false)
                })
        }
    }
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
    /// YYYY-MM-DD, with a calendar to pick from that knows today.
    Date(jiff::civil::Date),
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

    pub fn date(value: &'a mut String, hint: &'a str, today: jiff::civil::Date) -> Self {
        Self {
            kind: FieldKind::Date(today),
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
    /// The least this pane needs, in points.
    fn min(self) -> f32 {
        match self {
            PaneWidth::Share { min, .. } | PaneWidth::Rest { min } => min,
            PaneWidth::Exact(points) => points,
        }
    }

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
    /// Tells apart what the pane shows (an activity, a request): each keeps its own
    /// scroll position and opens at its top.
    pub key: u64,
    pub width: PaneWidth,
    pub scroll: PaneScroll,
    /// Whether it is still shown when the window is too narrow for two panes.
    pub when_narrow: WhenNarrow,
}

/// What a pane does when the two do not fit side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenNarrow {
    /// Above or below the other, in one scrolled column.
    Stack,
    /// Left out: the other pane (an item opened from a list) has the whole width, and
    /// its Close button brings the list back.
    Hide,
}

impl Pane {
    pub fn scrolled(id: &'static str, width: PaneWidth) -> Self {
        Self {
            id,
            key: 0,
            width,
            scroll: PaneScroll::Scrolls,
            when_narrow: WhenNarrow::Stack,
        }
    }

    #[must_use]
    pub fn hidden_when_narrow(self) -> Self {
        Self {
            when_narrow: WhenNarrow::Hide,
            ..self
        }
    }

    #[must_use]
    pub fn keyed(self, key: u64) -> Self {
        Self { key, ..self }
    }

    pub fn own_scrolling(id: &'static str, width: PaneWidth) -> Self {
        Self {
            id,
            key: 0,
            width,
            scroll: PaneScroll::OwnScrolling,
            when_narrow: WhenNarrow::Stack,
        }
    }
}

/// The space between two panes.
const PANE_GAP: f32 = 10.0;

/// Two panes side by side, each drawn with `state` (so both can change it); one
/// column when the window is too narrow for both.
pub fn two_panes<S>(
    ui: &mut egui::Ui,
    state: &mut S,
    left: (Pane, impl FnOnce(&mut egui::Ui, &mut S)),
    right: (Pane, impl FnOnce(&mut egui::Ui, &mut S)),
) {
    let ((left_pane, left_ui), (right_pane, right_ui)) = (left, right);
    let needed = left_pane.width.min() + right_pane.width.min() + PANE_GAP;
    if ui.available_width() < needed {
        // Too narrow to sit side by side: one column, scrolled as one page.
        egui::ScrollArea::vertical()
            .id_salt(("stacked_panes", left_pane.id, right_pane.id, right_pane.key))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if left_pane.when_narrow == WhenNarrow::Stack {
                    left_ui(ui, state);
                    ui.separator();
                }
                if right_pane.when_narrow == WhenNarrow::Stack {
                    right_ui(ui, state);
                }
            });
        return;
    }
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
                .id_salt((pane.id, pane.key))
                .auto_shrink([false, false])
                .show(ui, contents);
        }
    }
}
