//! The Requests screen: the log as a table ordered by urgency, a form to log a new
//! request, and a detail pane with the due date, its working, the timeline and the
//! steps that can be recorded now.

use egui::{Color32, RichText, vec2};
use jiff::civil::Date;

use egui::accesskit::Role;

use super::{
    access::DisabledBecause,
    access::{self, FocusTarget, Level, Table},
    date_picker::date_picker_button,
    theme::{self, spacing},
    widgets::{self, FormField, Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    command::Command,
    domain::{
        RequestId, Workspace,
        agenda::Urgency,
        deadlines::{Deadline, StopReason, days_between, short_date},
        requests::{
            Channel, DueDateMove, RequestDraft, RequestEvent, RequestKind, RightsRequest, Status,
            field,
        },
        validate::{FieldIssue, parse_date},
    },
    session::{Derived, ScreenContext},
};

/// The width of a one-line field in the "Log a request" form.
const LOG_FIELD_WIDTH: f32 = 280.0;

/// Which statuses the table shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum StatusFilter {
    #[default]
    Open,
    All,
    Only(Status),
}

impl StatusFilter {
    fn label(self) -> String {
        match self {
            StatusFilter::Open => "Still open".to_owned(),
            StatusFilter::All => "All statuses".to_owned(),
            StatusFilter::Only(status) => status.to_string(),
        }
    }

    fn admits(self, status: Status) -> bool {
        match self {
            StatusFilter::Open => status.is_open(),
            StatusFilter::All => true,
            StatusFilter::Only(only) => status == only,
        }
    }
}

/// Below this width a request's details replace the table instead of sitting beside it.
const SIDE_BY_SIDE_WIDTH: f32 = 760.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TableColumn {
    Reference,
    Requester,
    Kind,
    Received,
    Due,
    DaysLeft,
    Status,
}

impl TableColumn {
    const ALL: [TableColumn; 7] = [
        TableColumn::Reference,
        TableColumn::Requester,
        TableColumn::Kind,
        TableColumn::Received,
        TableColumn::Due,
        TableColumn::DaysLeft,
        TableColumn::Status,
    ];

    fn title(self) -> &'static str {
        match self {
            TableColumn::Reference => "Reference",
            TableColumn::Requester => "Requester",
            TableColumn::Kind => "Kind",
            TableColumn::Received => "Received",
            TableColumn::Due => "Due",
            TableColumn::DaysLeft => "Days left",
            TableColumn::Status => "Status",
        }
    }

    /// The column's share of the table's width (of its line's, when rows take two).
    fn weight(self, stacked: bool) -> f32 {
        match self {
            // Under the name, the counts and statuses are the longest words.
            TableColumn::DaysLeft | TableColumn::Status if stacked => 1.4,
            TableColumn::Requester => 1.7,
            TableColumn::Kind => 1.6,
            TableColumn::Status => 1.5,
            TableColumn::Reference
            | TableColumn::Received
            | TableColumn::Due
            | TableColumn::DaysLeft => 1.0,
        }
    }
}

/// The rows shown, in order, and what they were worked out from.
#[derive(Debug, Default)]
struct Rows {
    key: Option<(u64, Date, String, StatusFilter, Option<RequestKind>)>,
    indices: Vec<usize>,
    /// The longest reference in the log, which sets the reference column's width:
    /// found when the log changes, not each frame.
    longest_reference: String,
}

#[derive(Debug, Default)]
struct StepForm {
    on: String,
    text: String,
    error: Option<String>,
}

#[derive(Debug, Default)]
pub struct RequestsScreen {
    search: String,
    status_filter: StatusFilter,
    kind_filter: Option<RequestKind>,
    selected: Option<RequestId>,
    log_form_open: bool,
    draft: RequestDraft,
    draft_issues: Vec<FieldIssue>,
    step: StepForm,
    rows: Rows,
    letter: Option<super::letter::LetterComposer>,
    sent_letter: Option<super::letter::SentLetterViewer>,
    /// The row the keyboard was last on, when no request is open.
    cursor: Option<RequestId>,
    /// Send the keyboard back to the cursor's row (after a request is closed).
    focus_row: bool,
}

/// The button that opens the letter composer, where the keyboard returns to after it.
pub const WRITE_A_LETTER: &str = "Write a letter…";

/// The button that opens the form to log a request, where Cancel takes the keyboard back.
const LOG_A_REQUEST: &str = "Log a request…";

/// How many rows either side of those in view a screen reader is given: every row of
/// a log up to twice this, a frame of the table under 16 ms however long the log
/// (`cargo bench --bench screens`).
const ROWS_AROUND_VIEW: usize = 500;

/// The requests table's accessible name.
const REQUESTS_TABLE: &str = "Requests";

/// Where each column's cell goes in a row of `width`: one line of every column, or
/// (`stacked`) the reference, requester and kind on a first line and the rest under
/// them. Each place is (index in `columns`, x, width); the reference column is
/// `reference_width` wide, the others share the rest by their weights.
fn cell_lines(
    columns: &[TableColumn],
    stacked: bool,
    width: f32,
    reference_width: f32,
) -> Vec<Vec<(usize, f32, f32)>> {
    let first_line = |column: &TableColumn| {
        matches!(
            column,
            TableColumn::Reference | TableColumn::Requester | TableColumn::Kind
        )
    };
    let groups: Vec<Vec<usize>> = if stacked {
        vec![
            (0..columns.len())
                .filter(|&i| first_line(&columns[i]))
                .collect(),
            (0..columns.len())
                .filter(|&i| !first_line(&columns[i]))
                .collect(),
        ]
    } else {
        vec![(0..columns.len()).collect()]
    };
    groups
        .into_iter()
        .map(|group| {
            let shared: f32 = group
                .iter()
                .filter(|&&i| columns[i] != TableColumn::Reference)
                .map(|&i| columns[i].weight(stacked))
                .sum();
            // The second line starts under the requester: the reference stands alone.
            let mut x = 0.0;
            if !group.iter().any(|&i| columns[i] == TableColumn::Reference) {
                x = reference_width;
            }
            let rest = (width - reference_width).max(0.0);
            group
                .into_iter()
                .map(|i| {
                    let column_width = if columns[i] == TableColumn::Reference {
                        reference_width
                    } else {
                        rest * columns[i].weight(stacked) / shared.max(f32::EPSILON)
                    };
                    let place = (i, x, column_width);
                    x += column_width;
                    place
                })
                .collect()
        })
        .collect()
}

/// How many whole rows of `row_height` fit in `height`.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a count of rows on a screen: small and not negative"
)]
fn rows_in(height: f32, row_height: f32) -> usize {
    (height / row_height.max(1.0)).max(0.0) as usize
}

/// How far row `position` is below row `from` (above it when negative).
fn rows_height(position: usize, from: usize, row_height: f32) -> f32 {
    (as_points(position) - as_points(from)) * row_height
}

/// A count of rows, lines or columns, to multiply a size by.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts of rows in a log far below 2^23"
)]
fn as_points(count: usize) -> f32 {
    count as f32
}

/// The row a key moves the keyboard to from `cursor` in a table of `total` rows
/// (`page` rows in view), consuming the key.
fn row_key(
    input: &mut egui::InputState,
    cursor: usize,
    page: usize,
    total: usize,
) -> Option<usize> {
    use egui::{Key, Modifiers};
    let last = total.saturating_sub(1);
    let moves = [
        (Key::ArrowDown, (cursor + 1).min(last)),
        (Key::ArrowUp, cursor.saturating_sub(1)),
        (Key::PageDown, (cursor + page).min(last)),
        (Key::PageUp, cursor.saturating_sub(page)),
        (Key::Home, 0),
        (Key::End, last),
    ];
    moves
        .into_iter()
        .find(|(key, _)| input.consume_key(Modifiers::NONE, *key))
        .map(|(_, to)| to)
}

/// The table's "Due" and "Days left" cells: a date and a count while the clock runs;
/// otherwise why there is none, in a neutral colour (a stopped clock is not urgent).
fn due_cells(
    request: &RightsRequest,
    deadline: &Deadline,
    today: Date,
) -> (String, String, Option<Urgency>) {
    if !request.status.is_open() {
        return (deadline.due.to_string(), "—".to_owned(), None);
    }
    if request.stops_at_once()
        && let Some(due) = deadline.due_date()
    {
        // Acted on at once (Art. 21(3), 7(3)); the date is the written confirmation's.
        let left = days_between(today, due);
        let text = if left < 0 {
            format!(
                "confirm: {} overdue",
                crate::domain::validate::count(-left, "day", "days")
            )
        } else {
            format!(
                "confirm in {}",
                crate::domain::validate::count(left, "day", "days")
            )
        };
        return ("now".to_owned(), text, Some(Urgency::stop_now(due, today)));
    }
    let Some(due) = deadline.due_date() else {
        let why = match deadline.stopped().map(|s| s.reason) {
            Some(StopReason::Identity) => "waiting for identity",
            Some(StopReason::Fee) => "waiting for the fee",
            Some(StopReason::Clarification) => "waiting for a reply",
            None => "no statutory date",
        };
        let due = if deadline.stopped().is_some() {
            "paused"
        } else {
            "—"
        };
        return (due.to_owned(), why.to_owned(), None);
    };
    let text = match days_between(today, due) {
        d if d < -1 => format!("{} days overdue", -d),
        -1 => "1 day overdue".to_owned(),
        0 => "due today".to_owned(),
        1 => "1 day".to_owned(),
        d => format!("{d} days"),
    };
    (due.to_string(), text, Some(Urgency::of(due, today)))
}

impl RequestsScreen {
    /// Back to the table alone (the side navigation's "Requests" while one is open).
    pub fn show_table(&mut self) {
        self.selected = None;
        self.letter = None;
        self.sent_letter = None;
    }

    pub fn select(&mut self, id: RequestId) {
        self.selected = Some(id);
        self.cursor = Some(id);
        self.step = StepForm::default();
        // A request opened from elsewhere must be visible whatever the filters.
        self.status_filter = StatusFilter::All;
        self.kind_filter = None;
        self.search.clear();
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace,
            derived,
            revision,
            today,
            writable,
            ..
        } = context;
        ui.horizontal(|ui| {
            access::heading(ui, "Requests", Level::Screen);
            ui.add_space(spacing::GROUP);
            ui.add_enabled_ui(writable, |ui| {
                let log = ui.button(LOG_A_REQUEST);
                // It opens the form in place of the table: say whether it is open.
                ui.ctx()
                    .accesskit_node_builder(log.id, |node| node.set_expanded(self.log_form_open));
                widgets::focus_if_asked(ui, LOG_A_REQUEST, &log);
                if log.clicked() {
                    self.log_form_open = !self.log_form_open;
                    if self.log_form_open {
                        FocusTarget::Named(field::NAME.to_owned()).ask(ui.ctx());
                    }
                }
            });
        });
        if self.log_form_open && writable {
            // The form in place of the table while it is open, scrolled as one page,
            // so its button is reachable in the smallest window.
            egui::ScrollArea::vertical()
                .id_salt("log_request_form")
                .auto_shrink([false, false])
                .show(ui, |ui| self.log_form_ui(ui, workspace, today, commands));
            return;
        }
        self.filters_ui(ui, workspace);
        self.update_rows(workspace, derived, revision, today);

        let Some(request) = self.selected.and_then(|id| workspace.request(id)) else {
            self.table_ui(ui, workspace, derived, today);
            return;
        };
        if let Some(viewer) = self.sent_letter.filter(|v| v.request == request.id) {
            if !viewer.ui(ui, request, commands) {
                self.sent_letter = None;
            }
            return;
        }
        if let Some(composer) = self.letter.as_mut().filter(|c| c.request == request.id) {
            if !composer.ui(ui, &context, request, commands) {
                self.letter = None;
            }
            return;
        }
        if ui.available_width() < SIDE_BY_SIDE_WIDTH {
            // Too narrow for the table and the request side by side: the request alone,
            // its Close button back to the table.
            egui::ScrollArea::vertical()
                .id_salt(("request_detail_alone", request.id.0))
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    if !writable {
                        ui.disable();
                    }
                    self.detail_ui(ui, context, request, commands);
                });
            return;
        }
        let detail_width = (ui.available_width() * 0.45).clamp(320.0, 480.0);
        two_panes(
            ui,
            &mut (self, commands),
            (
                Pane::own_scrolling("requests_table_pane", PaneWidth::Rest { min: 300.0 }),
                |ui, (this, _)| this.table_ui(ui, workspace, derived, today),
            ),
            (
                Pane::scrolled("request_detail", PaneWidth::Exact(detail_width))
                    .keyed(request.id.0),
                |ui, (this, commands)| {
                    if !writable {
                        ui.disable();
                    }
                    this.detail_ui(ui, context, request, commands);
                },
            ),
        );
    }

    fn log_form_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        // Once a refusal has shown problems, they follow the typing: each goes when
        // fixed (and with it the field's description), not at the next Log request.
        if !self.draft_issues.is_empty() {
            self.draft_issues = self.draft.validate(today).err().unwrap_or_default();
        }
        // Enter in a one-line field logs the request, as a form does: the field lets
        // the keyboard go as Enter reaches it (a multi-line one keeps it for a new line).
        let focus_before = ui.memory(egui::Memory::focused);
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        egui::Frame::group(ui.style()).show(ui, |ui| {
            access::heading(ui, "Log a request the day it arrives", Level::Section);
            let draft = &mut self.draft;
            let issues = &self.draft_issues;
            egui::Grid::new("log_request")
                .num_columns(2)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    ui.form_row(
                        field::NAME,
                        FormField::line(&mut draft.name, "").width(LOG_FIELD_WIDTH),
                        issues,
                    );
                    ui.form_row(
                        field::EMAIL,
                        FormField::line(&mut draft.email, "Optional").width(LOG_FIELD_WIDTH),
                        issues,
                    );
                    ui.form_row(
                        field::ADDRESS,
                        FormField::line(&mut draft.postal_address, "Optional, for letters by post")
                            .width(LOG_FIELD_WIDTH),
                        issues,
                    );
                    ui.form_row(
                        field::ACTING_FOR,
                        FormField::line(&mut draft.acting_for, "Only if they ask for someone else")
                            .width(LOG_FIELD_WIDTH),
                        issues,
                    );
                    ui.label("");
                    ui.checkbox(
                        &mut draft.authority_needed,
                        "Proof of their authority is needed",
                    );
                    ui.end_row();
                    ui.enum_combo(
                        "Kind",
                        "new_request_kind",
                        &mut draft.kind,
                        RequestKind::ALL,
                        ToString::to_string,
                    );
                    ui.end_row();
                    ui.form_row(
                        field::RECEIVED,
                        FormField::date(&mut draft.received, &format!("{today} (today)"), today)
                            .width(LOG_FIELD_WIDTH),
                        issues,
                    );
                    ui.enum_combo(
                        "Channel",
                        "new_request_channel",
                        &mut draft.channel,
                        Channel::ALL,
                        ToString::to_string,
                    );
                    ui.end_row();
                    ui.form_row(
                        field::DETAILS,
                        FormField::lines(&mut draft.details, "").width(LOG_FIELD_WIDTH),
                        issues,
                    );
                    if !workspace.register.is_empty() {
                        ui.label("What it concerns");
                        ui.vertical(|ui| {
                            for activity in &workspace.register {
                                let mut linked = draft.activities.contains(&activity.id);
                                if ui.checkbox(&mut linked, &activity.purpose).changed() {
                                    if linked {
                                        draft.activities.push(activity.id);
                                    } else {
                                        draft.activities.retain(|id| *id != activity.id);
                                    }
                                }
                            }
                        });
                        ui.end_row();
                    }
                });
            let entered = enter
                && focus_before
                    .is_some_and(|id| egui::TextEdit::load_state(ui.ctx(), id).is_some())
                && ui.memory(egui::Memory::focused).is_none();
            self.log_form_buttons(ui, today, entered, commands);
            // Below the buttons, so its length (it follows the kind) moves nothing the
            // pointer may be on.
            clock_line(ui, self.draft.kind);
        });
        ui.add_space(spacing::ITEM);
    }

    /// "Log request" (or Enter in a one-line field: `entered`) and "Cancel". A
    /// refused form sends the keyboard to the first field with a problem, whose
    /// description says it.
    fn log_form_buttons(
        &mut self,
        ui: &mut egui::Ui,
        today: Date,
        entered: bool,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            if ui.button("Log request").clicked() || entered {
                match self.draft.validate(today) {
                    Ok(new) => {
                        commands.push(Command::LogRequest(new));
                        self.draft = RequestDraft::default();
                        self.draft_issues.clear();
                        self.log_form_open = false;
                    }
                    Err(issues) => {
                        if let Some(first) = issues.first() {
                            FocusTarget::Named(first.field.to_owned()).ask(ui.ctx());
                        }
                        self.draft_issues = issues;
                    }
                }
            }
            if ui.button("Cancel").clicked() {
                self.log_form_open = false;
                self.draft_issues.clear();
                FocusTarget::Named(LOG_A_REQUEST.to_owned()).ask(ui.ctx());
            }
        });
    }

    fn filters_ui(&mut self, ui: &mut egui::Ui, workspace: &Workspace) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("Reference, name or email")
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
            ui.enum_combo(
                "Status",
                "status_filter",
                &mut self.status_filter,
                [StatusFilter::Open, StatusFilter::All]
                    .into_iter()
                    .chain(Status::ALL.map(StatusFilter::Only)),
                |filter| filter.label(),
            );
            ui.enum_combo(
                "Kind",
                "kind_filter",
                &mut self.kind_filter,
                std::iter::once(None).chain(RequestKind::ALL.map(Some)),
                |kind| kind.map_or_else(|| "All kinds".to_owned(), |k| k.to_string()),
            );
            // Whole, on the next line if need be: never broken mid-phrase.
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{} of {} shown",
                        self.rows.indices.len(),
                        workspace.requests.len()
                    ))
                    .weak(),
                )
                .extend(),
            );
        });
    }

    /// Filters and orders the rows: open requests by how soon they are due, then the
    /// others, newest first.
    fn update_rows(
        &mut self,
        workspace: &Workspace,
        derived: &Derived,
        revision: u64,
        today: Date,
    ) {
        let key = (
            revision,
            today,
            self.search.clone(),
            self.status_filter,
            self.kind_filter,
        );
        if self.rows.key.as_ref() == Some(&key) {
            return;
        }
        let needle = self.search.trim().to_lowercase();
        let mut indices: Vec<usize> = workspace
            .requests
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                self.status_filter.admits(r.status) && self.kind_filter.is_none_or(|k| r.kind == k)
            })
            .filter(|(_, r)| {
                needle.is_empty()
                    || r.reference.to_lowercase().contains(&needle)
                    || r.requester.name.to_lowercase().contains(&needle)
                    || r.requester.email.to_lowercase().contains(&needle)
            })
            .map(|(i, _)| i)
            .collect();
        indices.sort_by_key(|&i| {
            let request = &workspace.requests[i];
            let due = derived
                .deadlines
                .get(&request.id)
                .and_then(Deadline::due_date);
            // What must stop at once first, then by date, then the closed ones.
            if request.stops_at_once() {
                (
                    0,
                    due.unwrap_or(Date::MAX),
                    std::cmp::Reverse(request.received),
                )
            } else if request.status.is_open() {
                (
                    1,
                    due.unwrap_or(Date::MAX),
                    std::cmp::Reverse(request.received),
                )
            } else {
                (2, Date::MAX, std::cmp::Reverse(request.received))
            }
        });
        let longest_reference = workspace
            .requests
            .iter()
            .map(|r| r.reference.as_str())
            .max_by_key(|reference| reference.chars().count())
            .unwrap_or("R-0000-000")
            .to_owned();
        self.rows = Rows {
            key: Some(key),
            indices,
            longest_reference,
        };
    }

    /// The table. Rows are painted, only those in view; every row is in the
    /// accessibility tree when one is being built (a row with its cells, under the
    /// column headers), and the table is one Tab stop whose arrow keys, Page Up/Down,
    /// Home and End move between rows (scrolling them into view) and Enter opens one.
    #[expect(
        clippy::too_many_lines,
        reason = "the painted table: header, rows and their accessibility in one pass"
    )]
    fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        derived: &Derived,
        today: Date,
    ) {
        if workspace.requests.is_empty() {
            ui.add_space(spacing::SECTION);
            ui.label("No requests yet. When someone asks for their data, log it here the day it arrives: Smallprint works out the deadline.");
            return;
        }
        // With the detail pane open, only the columns needed to pick a request show.
        let columns: &[TableColumn] = if self.selected.is_some() {
            &[
                TableColumn::Reference,
                TableColumn::Requester,
                TableColumn::Due,
                TableColumn::DaysLeft,
                TableColumn::Status,
            ]
        } else {
            &TableColumn::ALL
        };
        let font = egui::TextStyle::Body.resolve(ui.style());
        let width = ui.available_width();
        // The reference is how a request is known: its column is as wide as the
        // longest one, and the others share what is left (their text shortened "…").
        let reference_width = ui.fonts_mut(|f| {
            f.layout_no_wrap(
                self.rows.longest_reference.clone(),
                font.clone(),
                Color32::WHITE,
            )
            .size()
            .x
        }) + 12.0;
        // Too narrow for a line of cells (a small window, large text): each row takes
        // two lines, the reference and who on the first, the dates and status under it.
        let min_column = font.size * 7.5;
        let stacked = (width - reference_width) / as_points(columns.len() - 1) <= min_column;
        let lines = cell_lines(columns, stacked, width, reference_width);
        let line_height = ui.text_style_height(&egui::TextStyle::Body);
        let row_height = line_height * as_points(lines.len()) + 8.0;
        let visuals = ui.visuals().clone();
        let text_colour = visuals.text_color();
        let palette = theme::palette(ui);

        let paint_cells =
            |painter: &egui::Painter, rect: egui::Rect, cells: &[(String, Color32)]| {
                let top = rect.center().y - line_height * as_points(lines.len()) / 2.0;
                for (line, places) in lines.iter().enumerate() {
                    let y = top + line_height * as_points(line);
                    for &(column, x, width) in places {
                        let Some((text, colour)) = cells.get(column) else {
                            continue;
                        };
                        let cell = egui::Rect::from_min_size(
                            egui::pos2(rect.left() + 4.0 + x, y),
                            vec2(width - 8.0, line_height),
                        );
                        let mut job = egui::text::LayoutJob::simple_singleline(
                            text.clone(),
                            font.clone(),
                            *colour,
                        );
                        job.wrap.max_width = cell.width().max(1.0);
                        job.wrap.max_rows = 1;
                        let galley = painter.layout_job(job);
                        painter
                            .with_clip_rect(cell.intersect(painter.clip_rect()))
                            .galley(cell.left_top(), galley, *colour);
                    }
                }
            };

        // Asked once: a Close with no rows to go back to does not take the keyboard
        // later, when typing in Search brings rows back.
        let focus_row = std::mem::take(&mut self.focus_row);
        let total = self.rows.indices.len();
        let request_at = |position: usize| &workspace.requests[self.rows.indices[position]];
        // The row the keyboard is on: the open request's, else the last one moved to.
        let mut cursor = self
            .cursor
            .or(self.selected)
            .and_then(|id| (0..total).find(|&position| request_at(position).id == id))
            .unwrap_or(0);
        Table::show(
            ui,
            Role::Table,
            (REQUESTS_TABLE, egui::Id::unique(REQUESTS_TABLE)),
            (total + 1, columns.len()),
            |ui, table| {
                let (header_rect, _) =
                    ui.allocate_exact_size(vec2(width, row_height), egui::Sense::hover());
                let header: Vec<(String, Color32)> = columns
                    .iter()
                    .map(|c| (c.title().to_owned(), visuals.strong_text_color()))
                    .collect();
                paint_cells(ui.painter(), header_rect, &header);
                let headers = table.row(ui, 0, "headers");
                for (column, title) in columns.iter().enumerate() {
                    headers.header(ui, column, title.title());
                }
                if total == 0 {
                    return;
                }

                // One Tab stop for the table: its arrow keys move between the rows.
                let cursor_id = table.row_id(request_at(cursor).id.0);
                let page = rows_in(ui.available_height(), row_height).max(2) - 1;
                let mut scroll_to = focus_row.then_some(cursor);
                if scroll_to.is_some() {
                    ui.memory_mut(|m| m.request_focus(cursor_id));
                }
                if ui.memory(|m| m.has_focus(cursor_id)) {
                    ui.memory_mut(|m| {
                        m.set_focus_lock_filter(
                            cursor_id,
                            egui::EventFilter {
                                vertical_arrows: true,
                                ..Default::default()
                            },
                        );
                    });
                    if let Some(to) = ui.input_mut(|input| row_key(input, cursor, page, total)) {
                        cursor = to;
                        self.cursor = Some(request_at(to).id);
                        ui.memory_mut(|m| {
                            m.request_focus(table.row_id(request_at(to).id.0));
                            // The key is the table's: egui must not also move the focus
                            // to a neighbouring widget (a held key's repeat arrives
                            // before the new row's filter holds).
                            m.move_focus(egui::FocusDirection::None);
                        });
                        scroll_to = Some(to);
                    }
                }

                // Rows touch: the pitch `show_rows` counts is the one drawn, so a row
                // scrolled to lands where it was aimed.
                ui.spacing_mut().item_spacing.y = 0.0;
                egui::ScrollArea::vertical()
                    .id_salt("requests_table")
                    .auto_shrink([false, false])
                    .show_rows(ui, row_height, total, |ui, range| {
                        let top = ui.cursor().min;
                        let rect_of = |position: usize| {
                            egui::Rect::from_min_size(
                                egui::pos2(
                                    top.x,
                                    top.y + rows_height(position, range.start, row_height),
                                ),
                                vec2(width, row_height),
                            )
                        };
                        if let Some(position) = scroll_to {
                            ui.scroll_to_rect(rect_of(position), None);
                        }
                        // Rows out of view are in the tree too (a screen reader lists
                        // them all), and the keyboard's row always exists to keep its
                        // focus; only the rows in view are painted.
                        let in_tree = access::tree_wanted(ui);
                        // Without a tree, only the rows in view (and the keyboard's):
                        // a frame of 10,000 costs what a screenful does.
                        let positions: Vec<usize> = if in_tree {
                            // A screen reader gets every row of a usual log; of a huge
                            // one, the rows around the view (the table says how many
                            // there are, and each row its place).
                            let start = range.start.saturating_sub(ROWS_AROUND_VIEW);
                            let end = (range.end + ROWS_AROUND_VIEW).min(total);
                            (start..end)
                                .chain((!(start..end).contains(&cursor)).then_some(cursor))
                                .collect()
                        } else {
                            range
                                .clone()
                                .chain((!range.contains(&cursor)).then_some(cursor))
                                .collect()
                        };
                        for position in positions {
                            let in_view = range.contains(&position);
                            let request = request_at(position);
                            let Some(deadline) = derived.deadlines.get(&request.id) else {
                                continue;
                            };
                            let (due, days_left, urgency) = due_cells(request, deadline, today);
                            let colour =
                                urgency.map_or(palette.weak, |u| palette.urgency(u, text_colour));
                            let cells: Vec<(String, Color32)> = columns
                                .iter()
                                .map(|column| match column {
                                    TableColumn::Reference => {
                                        (request.reference.clone(), text_colour)
                                    }
                                    TableColumn::Requester => {
                                        (request.requester.name.clone(), text_colour)
                                    }
                                    TableColumn::Kind => (request.kind.to_string(), text_colour),
                                    TableColumn::Received => {
                                        (request.received.to_string(), text_colour)
                                    }
                                    TableColumn::Due => (due.clone(), colour),
                                    TableColumn::DaysLeft => (days_left.clone(), colour),
                                    TableColumn::Status => {
                                        (request.status.to_string(), text_colour)
                                    }
                                })
                                .collect();
                            let selected = self.selected == Some(request.id);
                            let summary = cells
                                .iter()
                                .map(|(text, _)| text.as_str())
                                .collect::<Vec<_>>()
                                .join(", ");
                            let row = |ui: &mut egui::Ui| {
                                table
                                    .widget_row(
                                        ui,
                                        (position + 1, request.id.0),
                                        rect_of(position),
                                        position == cursor,
                                        |ui, row| {
                                            ui.allocate_rect(
                                                rect_of(position),
                                                egui::Sense::hover(),
                                            );
                                            for (column, (text, _)) in cells.iter().enumerate() {
                                                row.text_cell(ui, column, text);
                                            }
                                            ui.ctx().accesskit_node_builder(row.id(), |node| {
                                                node.set_label(summary.as_str());
                                                if selected {
                                                    node.set_selected(true);
                                                }
                                            });
                                        },
                                    )
                                    .response
                            };
                            if !in_view {
                                let mut holder = ui
                                    .new_child(egui::UiBuilder::new().max_rect(rect_of(position)));
                                row(&mut holder);
                                continue;
                            }
                            let response = row(ui);
                            // Shortened cells are whole on hover.
                            let response = response.on_hover_text(&summary);
                            let rect = rect_of(position);
                            let fill = if selected {
                                Some(visuals.selection.bg_fill)
                            } else if response.hovered() {
                                Some(visuals.widgets.hovered.weak_bg_fill)
                            } else if position % 2 == 1 {
                                Some(visuals.faint_bg_color)
                            } else {
                                None
                            };
                            if let Some(fill) = fill {
                                ui.painter().rect_filled(rect, 2.0, fill);
                            }
                            if response.has_focus() {
                                ui.painter().rect_stroke(
                                    rect.shrink(1.0),
                                    2.0,
                                    visuals.selection.stroke,
                                    egui::StrokeKind::Inside,
                                );
                            }
                            let cells = if selected {
                                cells
                                    .into_iter()
                                    .map(|(text, _)| (text, visuals.selection.stroke.color))
                                    .collect()
                            } else {
                                cells
                            };
                            paint_cells(ui.painter(), rect, &cells);
                            if response.clicked() {
                                self.selected = Some(request.id);
                                self.cursor = Some(request.id);
                                self.step = StepForm::default();
                                FocusTarget::OpenedItem.ask(ui.ctx());
                            }
                        }
                    });
            },
        );
    }

    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        request: &RightsRequest,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace,
            derived,
            today,
            ..
        } = context;
        ui.horizontal(|ui| {
            access::heading(ui, &request.reference, Level::Item);
            if ui
                .small_button("Close")
                .on_hover_text("Hide the details")
                .clicked()
            {
                // Back to the request's row, where the keyboard was before it opened.
                self.cursor = self.selected.take();
                self.focus_row = true;
            }
        });
        ui.label(RichText::new(request.kind.to_string()).strong());
        ui.label(format!("{} — {}", request.status, request.requester.name));
        if !request.requester.email.is_empty() {
            ui.label(&request.requester.email);
        }
        if !request.requester.postal_address.is_empty() {
            ui.label(&request.requester.postal_address);
        }
        if !request.requester.acting_for.is_empty() {
            ui.label(format!(
                "Acting for {}{}",
                request.requester.acting_for,
                if request.requester.authority_needed {
                    " (proof of authority needed)"
                } else {
                    ""
                }
            ));
        }
        ui.label(format!(
            "Received {} by {}",
            short_date(request.received),
            request.channel.to_string().to_lowercase()
        ));
        if !request.details.is_empty() {
            ui.label(RichText::new(format!("“{}”", request.details)).italics());
        }
        let purposes: Vec<&str> = workspace
            .register
            .iter()
            .filter(|a| request.activities.contains(&a.id))
            .map(|a| a.purpose.as_str())
            .collect();
        if !purposes.is_empty() {
            ui.label(format!("Concerns: {}", purposes.join("; ")));
        }

        ui.separator();
        if let Some(deadline) = derived.deadlines.get(&request.id) {
            deadline_ui(ui, request, deadline, today);
        }
        if let Some(moved) = request.due_date_move(workspace.counting(&derived.holidays)) {
            moved_date_ui(ui, request, &moved, today, commands);
        }
        clock_line(ui, request.kind);

        ui.separator();
        let write = ui
            .button(WRITE_A_LETTER)
            .on_hover_text("Acknowledge, ask for identity, extend, respond… written from this request and your register");
        widgets::focus_if_asked(ui, WRITE_A_LETTER, &write);
        if write.clicked() {
            self.letter = Some(super::letter::LetterComposer::new(
                workspace, request, today,
            ));
            FocusTarget::OpenedItem.ask(ui.ctx());
        }
        ui.separator();
        self.steps_ui(ui, context, request, commands);

        ui.separator();
        ui.strong("Timeline");
        for (index, entry) in request.timeline.iter().enumerate().rev() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(short_date(entry.on)).monospace());
                ui.label(entry.event.describe());
                ui.label(RichText::new(format!("→ {}", entry.status)).weak());
                if matches!(entry.event, RequestEvent::LetterSent { .. })
                    && ui
                        .small_button("Read")
                        .on_hover_text("The letter exactly as it was sent: read, copy or export it")
                        .clicked()
                {
                    self.sent_letter = Some(super::letter::SentLetterViewer {
                        request: request.id,
                        entry: index,
                    });
                    FocusTarget::OpenedItem.ask(ui.ctx());
                }
            });
        }
    }

    fn steps_ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        request: &RightsRequest,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace, today, ..
        } = context;
        ui.strong("Record a step");
        ui.horizontal(|ui| {
            let label = ui.label("On");
            ui.add(
                egui::TextEdit::singleline(&mut self.step.on)
                    .hint_text(today.to_string())
                    .desired_width(110.0),
            )
            .labelled_by(label.id);
            date_picker_button(ui, "the day of the step", &mut self.step.on, today);
            ui.label(RichText::new("(left empty: today)").weak());
        });
        let label = ui.label("Reason, outcome or note");
        ui.text_box(&label, &mut self.step.text, "", f32::INFINITY);

        let on = if self.step.on.trim().is_empty() {
            Ok(today)
        } else {
            parse_date(&self.step.on)
        };
        // A date that cannot be used is said at once, not only on each greyed button,
        // on a line kept for it so the step buttons never move.
        let date_problem = match &on {
            Err(problem) => Some(format!("Not a date: {problem}.")),
            Ok(day) if *day > today => Some(format!(
                "{} is in the future: record a step on or after the day it happens.",
                short_date(*day)
            )),
            Ok(_) => None,
        };
        ui.problem_line(date_problem.as_deref());
        extension_hint_ui(ui, context, request);

        let text = self.step.text.trim().to_owned();
        ui.label(
            RichText::new(
                "Extend, Responded and Refused take the text above as their reason or outcome; any other step keeps it as a note.",
            )
            .weak(),
        );
        if let Ok(on) = &on {
            step_warnings_ui(ui, context, request, *on);
        }
        ui.horizontal_wrapped(|ui| {
            for (label, event, needs_text) in step_candidates(&text) {
                if !request.allowed(&event) {
                    continue;
                }
                // The rule `apply` will run, asked before the button is pressed.
                let verdict = match &on {
                    _ if needs_text && text.is_empty() => {
                        Err("write the reason, outcome or note above first".to_owned())
                    }
                    Ok(on) => workspace
                        .check_request_event_with(
                            request.id,
                            &event,
                            *on,
                            today,
                            &context.derived.holidays,
                        )
                        .map_err(|error| error.to_string()),
                    Err(problem) => Err(problem.clone()),
                };
                let response = ui
                    .add_enabled(verdict.is_ok(), egui::Button::new(label))
                    .disabled_because(verdict.as_ref().err().cloned().unwrap_or_default());
                if response.clicked() {
                    let note = (!needs_text && !text.is_empty()).then(|| text.clone());
                    self.try_record(workspace, request, event, note, today, commands);
                }
            }
        });
        if let Some(error) = &self.step.error {
            ui.problem(error);
        }
    }

    /// Checks the step by the rule `apply` will use, so the workspace only receives
    /// steps that apply, and says why when one does not.
    fn try_record(
        &mut self,
        workspace: &Workspace,
        request: &RightsRequest,
        event: RequestEvent,
        note: Option<String>,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let on = if self.step.on.trim().is_empty() {
            Ok(today)
        } else {
            parse_date(&self.step.on)
        };
        let result = on.and_then(|on| {
            workspace
                .check_request_event(request.id, &event, on, today)
                .map(|()| on)
                .map_err(|error| error.to_string())
        });
        match result {
            Ok(on) => {
                commands.push(Command::RecordRequestEvent {
                    request: request.id,
                    event,
                    on,
                    note,
                });
                self.step = StepForm::default();
            }
            Err(error) => self.step.error = Some(format!("Not recorded: {error}.")),
        }
    }
}

/// Before a step is pressed: a step that moves the clock dated in the past is kept as
/// happening then, and identity or a clarification asked late in the month is late —
/// the warnings `request step` prints, from the same rules.
fn step_warnings_ui(
    ui: &mut egui::Ui,
    context: ScreenContext<'_>,
    request: &RightsRequest,
    on: Date,
) {
    let ScreenContext {
        workspace, today, ..
    } = context;
    let colour = theme::palette(ui).warning;
    if let Some(warning) = RightsRequest::backdated_step_warning(
        "A step that moves the clock (identity, fee, clarification, extension)",
        on,
        today,
    ) {
        ui.label(RichText::new(format!("Warning: {warning}.")).color(colour));
    }
    let counting = workspace.counting(&context.derived.holidays);
    for event in [
        RequestEvent::IdentityRequested,
        RequestEvent::ClarificationAsked,
    ] {
        let may_go = workspace
            .check_request_event_with(request.id, &event, on, today, &context.derived.holidays)
            .is_ok();
        if let Some(warning) = may_go
            .then(|| request.late_ask_warning(&event, on, counting))
            .flatten()
        {
            ui.label(RichText::new(format!("Warning: {warning}.")).color(colour));
        }
    }
}

/// What the law gives this kind of request, in a line (facts §6.4): the same words the
/// README's table and the refusals use.
fn clock_line(ui: &mut egui::Ui, kind: RequestKind) {
    let rules = crate::domain::rights::rules(kind);
    ui.label(
        RichText::new(format!(
            "The law's clock for {}: {} ({}).",
            crate::domain::rights::kind_words(kind),
            rules.clock_words,
            rules.source
        ))
        .weak(),
    );
}

/// The request's date to act by, large and coloured by urgency, with its working; or,
/// while the clock is stopped, why and what restarts it, in a neutral colour.
/// The due date moved after a step: said, with the date a letter already promised,
/// until the user notes it (a note in the timeline, which also records when).
fn moved_date_ui(
    ui: &mut egui::Ui,
    request: &RightsRequest,
    moved: &DueDateMove,
    today: Date,
    commands: &mut Vec<Command>,
) {
    let palette = theme::palette(ui);
    egui::Frame::new()
        .fill(palette.warning_fill)
        .inner_margin(spacing::INNER_MARGIN)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(moved.message()).color(palette.text));
            if ui
                .button("Noted")
                .on_hover_text("Keep a note of it in the timeline and stop showing this")
                .clicked()
            {
                commands.push(Command::RecordRequestEvent {
                    request: request.id,
                    event: RequestEvent::Note {
                        text: moved.noted(),
                    },
                    on: today.max(moved.on),
                    note: None,
                });
            }
        });
}

fn deadline_ui(ui: &mut egui::Ui, request: &RightsRequest, deadline: &Deadline, today: Date) {
    let palette = theme::palette(ui);
    if request.status.is_open()
        && let Some(message) = deadline.state.message()
    {
        ui.label(
            RichText::new(message)
                .size(theme::text::SUBHEADING)
                .color(palette.strong),
        );
        ui.label(RichText::new(deadline.working()).weak());
        return;
    }
    let (_, days_left, urgency) = due_cells(request, deadline, today);
    let colour = urgency.map_or(palette.strong, |u| palette.urgency(u, palette.strong));
    if request.stops_at_once() {
        ui.label(
            RichText::new("Stop now: act on it at once")
                .size(theme::text::DUE_DATE)
                .color(colour),
        );
        ui.label(
            RichText::new(format!(
                "Confirm it in writing by {} ({days_left}).",
                short_date(deadline.due)
            ))
            .color(colour),
        );
    } else {
        let what = if request.is_complaint() {
            "Acknowledge by"
        } else {
            "Due"
        };
        ui.label(
            RichText::new(format!("{what} {} ({days_left})", short_date(deadline.due)))
                .size(theme::text::DUE_DATE)
                .color(colour),
        );
    }
    ui.label(RichText::new(deadline.working()).weak());
    if let Some(tell_by) = deadline.tell_by {
        ui.label(format!(
            "The last day to tell them about the extension was {}.",
            short_date(tell_by)
        ));
    }
    if let (Some(target), true) = (deadline.internal_target, request.status.is_open()) {
        ui.label(
            RichText::new(format!(
                "The ICO's optional internal target (28 days): {}",
                short_date(target)
            ))
            .weak(),
        )
        .on_hover_text(deadline.target_working());
    }
}

/// When an extension can still be told, and once it cannot, that it cannot (in words,
/// before the button is pressed).
fn extension_hint_ui(ui: &mut egui::Ui, context: ScreenContext<'_>, request: &RightsRequest) {
    let ScreenContext {
        workspace,
        derived,
        today,
        ..
    } = context;
    if request.status == Status::Open && request.rules().extendable {
        let holidays = &derived.holidays;
        if let Some(tell_by) = request.tell_by(workspace.counting(holidays)) {
            let last = short_date(tell_by);
            if today > tell_by {
                ui.label(
                    RichText::new(format!(
                        "An extension is no longer possible: the last day to tell them about one was {last}."
                    ))
                    .color(theme::palette(ui).warning),
                );
            } else {
                ui.label(
                    RichText::new(format!(
                        "If you need longer, tell them by {last} (the last day to tell them about an extension)."
                    ))
                    .weak(),
                );
            }
        }
    }
}

/// The step buttons, in order: each with its event and whether the text above is its
/// reason (otherwise the text goes with it as a note).
fn step_candidates(text: &str) -> Vec<(&'static str, RequestEvent, bool)> {
    let text = text.to_owned();
    // Steps whose reason is the text above; every other step keeps the text as a note.
    let with_reason = [
        (
            "Extend by two months",
            RequestEvent::Extended {
                reason: text.clone(),
            },
        ),
        (
            "Responded",
            RequestEvent::Responded {
                outcome: text.clone(),
            },
        ),
        (
            "Refused",
            RequestEvent::Refused {
                reason: text.clone(),
            },
        ),
        ("Add note", RequestEvent::Note { text: text.clone() }),
    ];
    let plain = [
        ("Identity requested", RequestEvent::IdentityRequested),
        ("Identity received", RequestEvent::IdentityReceived),
        ("Clarification asked", RequestEvent::ClarificationAsked),
        (
            "Clarification answered",
            RequestEvent::ClarificationAnswered,
        ),
        ("Fee requested", RequestEvent::FeeRequested),
        ("Fee received", RequestEvent::FeeReceived),
        ("Withdrawn", RequestEvent::Withdrawn),
        ("Close", RequestEvent::Closed),
    ];
    plain
        .into_iter()
        .map(|(label, event)| (label, event, false))
        .chain(
            with_reason
                .into_iter()
                .map(|(label, event)| (label, event, true)),
        )
        .collect()
}
