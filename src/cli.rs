//! The command line. No subcommand opens the window; subcommands run headless and
//! never touch the UI. Read-only commands never write to the file they read.

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use clap::{Parser, Subcommand};

use crate::{domain::example::example_workspace, store};

/// Exit status for "the file has problems".
const EXIT_PROBLEMS: u8 = 1;
/// Exit status for "could not do what was asked" (bad input, unreadable file).
const EXIT_FAILURE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "smallprint",
    version,
    about = "Offline UK data-protection paperwork for sole traders and small shops.",
    long_about = "Offline UK data-protection paperwork for sole traders and small shops.\n\n\
                  With no command, opens the window on your workspace file."
)]
pub struct Cli {
    /// The workspace file to open in the window (default: workspace.json in your
    /// data folder, e.g. ~/.local/share/smallprint/ on Linux).
    #[arg(long, value_name = "PATH")]
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Write the fictional example shop to a new workspace file.
    Demo {
        /// Where to write it. An existing file is left alone unless --force is given.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace the file at PATH if there is one.
        #[arg(long)]
        force: bool,
    },
    /// Read a workspace file and print its problems, one a line.
    ///
    /// Exits 0 when there are none, 1 when there are, 2 when the file cannot be read.
    Check {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
    },
}

/// Runs a headless command, writing to the given streams.
pub fn run(command: CliCommand, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    let result = match command {
        CliCommand::Demo { out: path, force } => demo(&path, force, err),
        CliCommand::Check { file } => check(&file, out, err),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "smallprint: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn demo(path: &Path, force: bool, err: &mut dyn Write) -> Result<ExitCode, String> {
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; it was left as it is. Add --force to replace it.",
            path.display()
        ));
    }
    store::write_new(path, &example_workspace()).map_err(|e| e.to_string())?;
    let _ = writeln!(err, "Wrote the example shop to {}", path.display());
    Ok(ExitCode::SUCCESS)
}

fn check(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode, String> {
    let workspace = store::read_workspace(path).map_err(|e| e.to_string())?;
    let issues = workspace.issues();
    for issue in &issues {
        let _ = writeln!(out, "{issue}");
    }
    if issues.is_empty() {
        let _ = writeln!(err, "{}: no problems found", path.display());
        Ok(ExitCode::SUCCESS)
    } else {
        let _ = writeln!(err, "{}: {} problem(s)", path.display(), issues.len());
        Ok(ExitCode::from(EXIT_PROBLEMS))
    }
}
