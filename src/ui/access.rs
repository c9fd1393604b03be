//! What a screen reader needs beyond each widget's own name: the window's structure
//! (headings with levels, named regions, dialogs, tables and grids), messages spoken as
//! they appear, and a field's problem as its description. Every screen builds its
//! structure from these, so the tree is the same shape everywhere.

use egui::{Id, Response, RichText, Sense, UiBuilder, accesskit::Role};

use super::{theme, widgets};

/// A heading's level, as a screen reader lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// A screen's title.
    Screen,
    /// An opened item's title (a request's reference), under its screen's.
    Item,
    /// A part of a screen or of a form.
    Section,
    /// A group inside a section.
    Part,
}

impl Level {
    /// Whether the keyboard is taken to it (see [`heading`]).
    fn takes_focus(self) -> bool {
        matches!(self, Level::Screen | Level::Item)
    }

    fn number(self) -> usize {
        match self {
            Level::Screen => 1,
            Level::Item | Level::Section => 2,
            Level::Part => 3,
        }
    }
}

/// A heading. A screen's or an item's title takes the keyboard when asked
/// ([`FocusTarget`]): after switching screens or opening an item the
/// next Tab starts from there, and a screen reader says where the user now is.
pub fn heading(ui: &mut egui::Ui, text: &str, level: Level) -> Response {
    let rich = match level {
        Level::Screen | Level::Item => RichText::new(text).heading(),
        Level::Section => RichText::new(text).strong().size(theme::text::SECTION),
        Level::Part => RichText::new(text).strong(),
    };
    let sense = if level.takes_focus() {
        Sense::focusable_noninteractive()
    } else {
        Sense::hover()
    };
    let response = ui.add(egui::Label::new(rich).sense(sense));
    set_heading(ui, &response, text, level);
    if level.takes_focus() {
        widgets::focus_if_asked(ui, &focus_key(level, text), &response);
        focus_ring(ui, &response);
    }
    response
}

/// Rings a focusable label that has the keyboard: a label draws no focus of its own,
/// and the keyboard's place must be seen.
pub fn focus_ring(ui: &egui::Ui, response: &Response) {
    if response.has_focus() {
        ui.painter().rect_stroke(
            response.rect.expand(2.0),
            2.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Outside,
        );
    }
}

/// Where the keyboard goes next, asked before the place is drawn (a command applied
/// after the frame names what the next frame shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FocusTarget {
    /// A screen's title.
    ScreenTitle(&'static str),
    /// The title of the item just opened (a request, a breach, an activity).
    OpenedItem,
    /// A field or button, by its label.
    Named(String),
}

impl FocusTarget {
    /// Asks for it: the first place of that name drawn takes the keyboard.
    pub fn ask(&self, ctx: &egui::Context) {
        let key = match self {
            FocusTarget::ScreenTitle(title) => focus_key(Level::Screen, title),
            FocusTarget::OpenedItem => focus_key(Level::Item, ""),
            FocusTarget::Named(label) => label.clone(),
        };
        widgets::ask_focus(ctx, &key);
    }
}

/// A heading's name among the places the keyboard can be sent to, apart from a field or
/// button of the same words. One item is open at a time, so its title needs no name.
fn focus_key(level: Level, text: &str) -> String {
    match level {
        Level::Item => "heading: the opened item".to_owned(),
        _ => format!("heading: {text}"),
    }
}

/// Makes `response`'s node a heading named `text` (for a heading drawn by other means,
/// e.g. a document preview's).
pub fn set_heading(ui: &egui::Ui, response: &Response, text: &str, level: Level) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Heading);
        node.set_level(level.number());
        node.clear_value();
        node.set_label(text);
    });
}

/// A named region of the window (navigation, main content, status), so a screen reader
/// can jump between them and say which one it is in.
pub fn region<R>(
    ui: &mut egui::Ui,
    role: Role,
    name: &str,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    ui.scope_builder(
        UiBuilder::new()
            .id_salt(("region", name))
            .accessibility_role(role)
            .accessibility_label(name),
        contents,
    )
    .inner
}

/// Makes the value of the drop-down `response` heard on every desktop. AccessKit gives
/// it as the node's value, which Windows and macOS read; its AT-SPI adapter (0.21, what
/// Orca reads on Linux) does not pass a combo box's value on, so there it is also the
/// description, which Orca says after the name.
pub fn combo_value(ui: &egui::Ui, response: &Response, value: &str) {
    if cfg!(target_os = "linux") {
        ui.ctx().accesskit_node_builder(response.id, |node| {
            if node.description().is_none() {
                node.set_description(value);
            }
        });
    }
}

/// Makes a menu bar's button a menu: it says it opens one, and whether it is open.
pub fn menu(ui: &egui::Ui, response: &Response, open: bool) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::MenuItem);
        node.set_has_popup(egui::accesskit::HasPopup::Menu);
        node.set_expanded(open);
    });
}

/// Makes a button inside a menu one of its items.
pub fn menu_item(ui: &egui::Ui, response: &Response) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_role(Role::MenuItem));
}

/// A group of choices (radio buttons) named by the question they answer, so each
/// choice is heard with it ("Yes" alone says nothing).
pub fn radio_group<R>(
    ui: &mut egui::Ui,
    question: &str,
    contents: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    ui.scope_builder(
        UiBuilder::new()
            .id_salt(("radio_group", question))
            .layout(egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true))
            .accessibility_role(Role::RadioGroup)
            .accessibility_label(question),
        contents,
    )
    .inner
}

/// Names the dialog or window `ui` is drawn in by its title, and marks a modal one
/// modal, so a screen reader says what opened and keeps to it (as the pointer must).
pub fn name_dialog(ui: &egui::Ui, title: &str) {
    let Some((id, kind)) = ui.stack().iter().find_map(|frame| {
        frame
            .kind()
            .filter(|kind| matches!(kind, egui::UiKind::Modal | egui::UiKind::Window))
            .map(|kind| (frame.unique_id, kind))
    }) else {
        return;
    };
    ui.ctx().accesskit_node_builder(id, |node| {
        node.set_role(Role::Dialog);
        node.set_label(title);
        if kind == egui::UiKind::Modal {
            node.set_modal();
        }
    });
}

/// Names the window itself (its title), which a screen reader says on switching to it.
pub fn name_window(ctx: &egui::Context, title: &str) {
    ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| node.set_label(title));
}

/// How a message is announced when it appears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announce {
    /// After what is being said now (a result).
    Polite,
    /// At once (a refusal or an error).
    Assertive,
}

/// Makes `response`'s node a live region: a screen reader reads it whenever it changes.
pub fn live(ui: &egui::Ui, response: &Response, announce: Announce) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(match announce {
            Announce::Polite => egui::accesskit::Live::Polite,
            Announce::Assertive => egui::accesskit::Live::Assertive,
        });
    });
}

/// A greyed control's reason, for everyone: on hover for the pointer, and as its
/// description for a screen reader (which finds the control though Tab skips it).
pub trait DisabledBecause {
    #[must_use]
    fn disabled_because(self, reason: impl Into<String>) -> Self;
}

impl DisabledBecause for Response {
    fn disabled_because(self, reason: impl Into<String>) -> Self {
        if self.enabled() {
            return self;
        }
        let reason = reason.into();
        describe(&self.ctx, self.id, &reason);
        self.on_disabled_hover_text(reason)
    }
}

/// Gives the node `id` the description `text` (a field's problem), read after its name.
pub fn describe(ctx: &egui::Context, id: Id, text: &str) {
    ctx.accesskit_node_builder(id, |node| node.set_description(text));
}

/// Whether the window is building an accessibility tree this frame (a screen reader or
/// a test asked for one): the nodes of rows out of view are made only then.
pub fn tree_wanted(ui: &egui::Ui) -> bool {
    ui.ctx()
        .accesskit_node_builder(ui.unique_id(), |_| ())
        .is_some()
}

/// A table or grid in the accessibility tree: rows of cells, the first row the column
/// headers. The widgets keep their own layout; only the tree is shaped here.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    id: Id,
    role: Role,
}

impl Table {
    /// Draws `contents` as the table named `name`, of `rows` rows (headers included)
    /// and `columns` columns. `id` is the table's own, unique in the window and the same
    /// frame after frame (wherever the table is drawn), so its rows keep theirs.
    pub fn show<R>(
        ui: &mut egui::Ui,
        role: Role,
        (name, id): (&str, Id),
        (rows, columns): (usize, usize),
        contents: impl FnOnce(&mut egui::Ui, Table) -> R,
    ) -> R {
        ui.scope_builder(
            UiBuilder::new()
                .scope_id(id)
                .accessibility_role(role)
                .accessibility_label(name),
            |ui| {
                let id = ui.unique_id();
                ui.ctx().accesskit_node_builder(id, |node| {
                    node.set_row_count(rows);
                    node.set_column_count(columns);
                });
                contents(ui, Table { id, role })
            },
        )
        .inner
    }

    /// The id of the row `key` names: known before the row is drawn, so the keyboard
    /// can be sent to it, and the same wherever the row moves.
    pub fn row_id(self, key: impl std::hash::Hash + std::fmt::Debug) -> Id {
        self.id.with(("row", key))
    }

    /// The row `index` (0 the headers), named `key` (see [`Table::row_id`]), taking no
    /// space: its cells are laid out where the widgets are, or painted, and hung under it.
    pub fn row(
        self,
        ui: &mut egui::Ui,
        index: usize,
        key: impl std::hash::Hash + std::fmt::Debug,
    ) -> Row {
        let rect = egui::Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
        let row = ui.new_child(
            UiBuilder::new()
                .scope_id(self.row_id(key))
                .max_rect(rect)
                .accessibility_parent(self.id)
                .accessibility_role(Role::Row),
        );
        let id = row.unique_id();
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_row_index(index));
        Row {
            id,
            index,
            cell_role: if self.role == Role::Grid {
                Role::GridCell
            } else {
                Role::Cell
            },
        }
    }

    /// A row that is itself a widget (clicked and focused as one), laid out in `rect`
    /// as the next thing in `ui`; `focusable` for the one row the keyboard is on.
    pub fn widget_row<R>(
        self,
        ui: &mut egui::Ui,
        (index, key): (usize, impl std::hash::Hash + std::fmt::Debug),
        rect: egui::Rect,
        focusable: bool,
        contents: impl FnOnce(&mut egui::Ui, Row) -> R,
    ) -> egui::InnerResponse<R> {
        let sense = if focusable {
            Sense::click()
        } else {
            // Clickable, but not a Tab stop: the table is one stop, its rows reached by
            // the arrow keys.
            Sense::CLICK
        };
        ui.scope_builder(
            UiBuilder::new()
                .scope_id(self.row_id(key))
                .max_rect(rect)
                .sense(sense)
                .accessibility_parent(self.id)
                .accessibility_role(Role::Row),
            |ui| {
                let id = ui.unique_id();
                ui.ctx().accesskit_node_builder(id, |node| {
                    node.set_row_index(index);
                    // Where it is, for a magnifier following the keyboard.
                    node.set_bounds(egui::accesskit::Rect {
                        x0: rect.min.x.into(),
                        y0: rect.min.y.into(),
                        x1: rect.max.x.into(),
                        y1: rect.max.y.into(),
                    });
                });
                contents(
                    ui,
                    Row {
                        id,
                        index,
                        cell_role: Role::Cell,
                    },
                )
            },
        )
    }
}

/// A row of a [`Table`], to hang cells under.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    id: Id,
    index: usize,
    cell_role: Role,
}

impl Row {
    pub fn id(self) -> Id {
        self.id
    }

    /// A column header named `name`, taking no space (the header is painted).
    pub fn header(self, ui: &mut egui::Ui, column: usize, name: &str) {
        self.virtual_cell(ui, Role::ColumnHeader, column, name);
    }

    /// A cell named `name` that takes no space: its text is painted, or out of view.
    pub fn text_cell(self, ui: &mut egui::Ui, column: usize, name: &str) {
        self.virtual_cell(ui, self.cell_role, column, name);
    }

    fn virtual_cell(self, ui: &mut egui::Ui, role: Role, column: usize, name: &str) {
        let rect = egui::Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
        let cell = ui.new_child(
            UiBuilder::new()
                .id_salt((self.id, "cell", column))
                .max_rect(rect)
                .accessibility_parent(self.id)
                .accessibility_role(role)
                .accessibility_label(name),
        );
        self.place(ui, cell.unique_id(), column);
    }

    /// A cell named `name` holding widgets, laid out where `ui` puts it.
    pub fn cell<R>(
        self,
        ui: &mut egui::Ui,
        column: usize,
        name: &str,
        contents: impl FnOnce(&mut egui::Ui) -> R,
    ) -> R {
        ui.scope_builder(
            UiBuilder::new()
                .id_salt((self.id, "cell", column))
                .accessibility_parent(self.id)
                .accessibility_role(self.cell_role)
                .accessibility_label(name),
            |ui| {
                self.place(ui, ui.unique_id(), column);
                contents(ui)
            },
        )
        .inner
    }

    fn place(self, ui: &egui::Ui, cell: Id, column: usize) {
        ui.ctx().accesskit_node_builder(cell, |node| {
            node.set_row_index(self.index);
            node.set_column_index(column);
        });
    }
}
