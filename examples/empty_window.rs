//! An empty eframe window with Smallprint's eframe features: the baseline that the
//! window's resident memory is measured against (issue 15; see `scripts/memory`).

fn main() -> eframe::Result {
    eframe::run_ui_native(
        "Empty window",
        // The size Smallprint's window opens at.
        eframe::NativeOptions {
            viewport: egui::ViewportBuilder::default().with_inner_size([1100.0, 720.0]),
            ..eframe::NativeOptions::default()
        },
        |ui, _frame| {
            ui.label("An empty window.");
        },
    )
}
