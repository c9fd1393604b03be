//! Draws a [`Document`] in egui, from the same tree the PDF, HTML and Markdown come
//! from, so what the user reads on screen is what they send.

use egui::{FontId, RichText, TextFormat, accesskit::Role, text::LayoutJob};

use super::{
    access::{self, Level, Table},
    theme::{
        paper::{BORDER, INK, LINK, PAPER, STRONG_INK},
        spacing,
    },
};
use crate::documents::model::{Block, Document, Inline};

fn runs_job(runs: &[Inline], size: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    for run in runs {
        let (color, underline) = match run {
            Inline::Text(_) => (INK, egui::Stroke::NONE),
            // egui's default fonts have no bold face: strong text is drawn black and
            // slightly larger, as egui's own `strong()` does with colour.
            Inline::Bold(_) => (STRONG_INK, egui::Stroke::NONE),
            Inline::Link { .. } => (LINK, egui::Stroke::new(1.0, LINK)),
        };
        let font = if matches!(run, Inline::Bold(_)) {
            FontId::proportional(size + 0.5)
        } else {
            FontId::proportional(size)
        };
        job.append(
            run.as_str(),
            0.0,
            TextFormat {
                font_id: font,
                color,
                underline,
                ..TextFormat::default()
            },
        );
    }
    job
}

fn runs_label(ui: &mut egui::Ui, runs: &[Inline]) {
    ui.add(egui::Label::new(runs_job(runs, 13.5)).wrap());
}

/// The document on a sheet of paper, as wide as the space allows (up to a page's
/// reading width).
pub fn document_ui(ui: &mut egui::Ui, document: &Document) {
    egui::Frame::new()
        .fill(PAPER)
        .stroke(egui::Stroke::new(1.0, BORDER))
        .inner_margin(egui::Margin::same(28))
        .show(ui, |ui| {
            ui.set_max_width(ui.available_width().min(720.0));
            // Paper is light in either theme: light visuals make table stripes, strong
            // text and the text selection readable on it.
            *ui.visuals_mut() = crate::ui::theme::light_visuals();
            ui.visuals_mut().override_text_color = Some(INK);
            for block in &document.blocks {
                block_ui(ui, block);
            }
        });
}

fn block_ui(ui: &mut egui::Ui, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let size = match level {
                0 | 1 => 24.0,
                2 => 18.0,
                _ => 15.0,
            };
            ui.add_space(if *level <= 1 {
                0.0
            } else {
                spacing::HEADING_GAP
            });
            let response = ui.add(
                egui::Label::new(RichText::new(text).size(size).color(STRONG_INK).strong()).wrap(),
            );
            // The document's own outline, under the screen's: its title one level
            // below the screen's heading, and so on.
            let level = match level {
                0 | 1 => Level::Section,
                _ => Level::Part,
            };
            access::set_heading(ui, &response, text, level);
            ui.add_space(spacing::TIGHT);
        }
        Block::Paragraph(runs) => {
            runs_label(ui, runs);
            ui.add_space(spacing::ITEM);
        }
        Block::Bullets(items) => {
            for item in items {
                ui.horizontal_top(|ui| {
                    ui.label("•");
                    ui.vertical(|ui| runs_label(ui, item));
                });
            }
            ui.add_space(spacing::ITEM);
        }
        Block::Table { header, rows, .. } => {
            let columns = header.len().max(1);
            // A handful of columns: the count always fits an f32 exactly.
            let count = u16::try_from(columns).map_or(1.0, f32::from);
            let width = (ui.available_width() - 12.0 * count) / count;
            let name = header.join(", ");
            let id = ui.next_auto_id();
            Table::show(
                ui,
                Role::Table,
                (&name, id),
                (rows.len() + 1, columns),
                |ui, table| {
                    egui::Grid::new(ui.next_auto_id())
                        .striped(true)
                        .num_columns(columns)
                        .min_col_width(width)
                        .max_col_width(width)
                        .show(ui, |ui| {
                            let headers = table.row(ui, 0, "header");
                            for (column, cell) in header.iter().enumerate() {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(cell).strong().color(STRONG_INK),
                                    )
                                    .wrap(),
                                );
                                headers.header(ui, column, cell);
                            }
                            ui.end_row();
                            for (index, row) in rows.iter().enumerate() {
                                let table_row = table.row(ui, index + 1, index);
                                for (column, cell) in row.iter().enumerate() {
                                    let text: String = cell.iter().map(Inline::as_str).collect();
                                    table_row.cell(ui, column, &text, |ui| {
                                        ui.vertical(|ui| runs_label(ui, cell));
                                    });
                                }
                                ui.end_row();
                            }
                        });
                },
            );
            ui.add_space(spacing::PARAGRAPH);
        }
        Block::Address(lines) => {
            ui.spacing_mut().item_spacing.y = 1.0;
            for line in lines {
                ui.label(RichText::new(line).size(13.5));
            }
            ui.spacing_mut().item_spacing.y = 4.0;
            ui.add_space(spacing::PARAGRAPH);
        }
        Block::Form(form) => form_ui(ui, form),
        Block::PageBreak => {
            ui.separator();
        }
    }
}

/// A form's fields as labelled empty boxes: the preview shows where a person writes.
fn form_ui(ui: &mut egui::Ui, form: &crate::documents::model::Form) {
    for field in &form.fields {
        ui.label(RichText::new(&field.label).strong().size(13.5));
        let height = f32::from(field.lines.max(1)) * 18.0 + 6.0;
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width().min(420.0), height),
            egui::Sense::hover(),
        );
        ui.painter().rect_stroke(
            rect,
            2.0,
            ui.visuals().widgets.noninteractive.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    ui.add_space(spacing::PARAGRAPH);
}
