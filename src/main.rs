//! Entry point: the window, or a headless subcommand.

use std::{process::ExitCode, sync::Arc};

use clap::Parser;
use smallprint::{
    app::{self, SmallprintApp},
    cli::{self, Cli},
    clock::SystemClock,
};

const APP_ID: &str = "smallprint";

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return cli::report_parse_error(&error),
    };
    if let Some(command) = cli.command {
        return cli::run(
            command,
            &SystemClock,
            &mut std::io::stdout(),
            &mut std::io::stderr(),
        );
    }

    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Smallprint")
        .with_app_id(APP_ID)
        .with_inner_size([1100.0, 720.0])
        .with_min_inner_size([720.0, 480.0]);
    // The same picture as the menu entry's (assets/desktop), for the task bar and
    // window switcher.
    match eframe::icon_data::from_png_bytes(include_bytes!("../assets/desktop/smallprint.png")) {
        Ok(icon) => viewport = viewport.with_icon(Arc::new(icon)),
        Err(error) => eprintln!("smallprint: the window icon could not be read ({error})"),
    }
    let options = eframe::NativeOptions {
        // Where eframe would put it anyway, but created private first.
        persistence_path: app::private_preferences_file(APP_ID),
        viewport,
        ..Default::default()
    };
    let file = cli.file;
    let result = eframe::run_native(
        "Smallprint",
        options,
        Box::new(move |cc| {
            Ok(Box::new(SmallprintApp::from_creation_context(
                cc,
                file,
                Arc::new(SystemClock),
            )))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "smallprint: the window could not be opened ({error}). The command-line \
                 tools still work: see `smallprint --help`."
            );
            ExitCode::FAILURE
        }
    }
}
