//! The command line. No subcommand opens the window; subcommands run headless and
//! never touch the UI. Read-only commands never write to the file they read; `notice`
//! records in it when the notice's content last changed (its "Last updated" date);
//! the commands that change a workspace are in [`write`].

mod terminal;
mod write;

use terminal::{Align, SafeWriter, print_table};

use std::{
    io::Write,
    path::{Path, PathBuf},
    process::ExitCode,
};

use clap::{Parser, Subcommand, ValueEnum};

use jiff::civil::Date;

use crate::{
    actions::{self, Export, ExportError, LetterSubject, Refusal, export::PublicPage},
    clock::Clock,
    documents::{
        Format, completeness, ico_draft,
        letters::{self, Template},
        notice::{self, Finish, NoticeStyle},
    },
    domain::{
        Nation, Workspace, catalogue,
        deadlines::{self, ClockEvents, Counting, Pause},
        example::example_workspace,
        holidays::Holidays,
        integrity,
    },
    store,
};

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
    /// Start a new workspace from the starter catalogue of one kind of business.
    ///
    /// Its register is that business's usual activities, with example text (processor
    /// names, terms) to replace or confirm; the organisation is left for you to fill in.
    /// `smallprint check` lists what is left to do.
    New {
        /// Where to write it. An existing file is left alone unless --force is given.
        #[arg(long, value_name = "PATH", required_unless_present = "list_businesses")]
        out: Option<PathBuf>,
        /// The kind of business (see --list-businesses), e.g. online-shop.
        #[arg(long, value_name = "KIND", required_unless_present = "list_businesses")]
        business: Option<String>,
        /// Replace the file at PATH if there is one.
        #[arg(long)]
        force: bool,
        /// Where the shop trades: its bank holidays, and the time limit for claims its
        /// starter retention periods use (6 years; 5 in Scotland).
        #[arg(long, value_name = "NATION", default_value = "england-and-wales", value_parser = parse_nation, conflicts_with = "list_businesses")]
        nation: Nation,
        /// List the kinds of business, one a line.
        #[arg(long, conflicts_with_all = ["out", "business", "force"])]
        list_businesses: bool,
    },
    /// Read a workspace file and print its problems, one a line.
    ///
    /// Exits 0 when there are none, 1 when there are, 2 when the file cannot be read.
    Check {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
    },
    /// Work out a rights request's legal deadline, the ICO's way, and show the working.
    ///
    /// Prints the due date as YYYY-MM-DD on the first line, the working below. While a
    /// clarification is unanswered (a pause with no end) the clock is stopped: the
    /// first line is then `paused`, and the working says how many days will remain
    /// when the reply arrives. A complaint from before 19 June 2026 has no statutory
    /// date: the first line is then `none`.
    Deadline {
        /// The day the request arrived.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        received: Date,
        /// Whose bank holidays apply.
        #[arg(long, value_name = "NATION", default_value = "england-and-wales", value_parser = parse_nation)]
        nation: Nation,
        /// The day proof of identity or authority arrived (the month restarts).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        identity_received: Option<Date>,
        /// The day a permitted fee arrived (the month restarts).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        fee_received: Option<Date>,
        /// A clarification pause, from the day asked to the day answered (repeatable);
        /// YYYY-MM-DD.. (no end) while the answer has not arrived. Only a subject access
        /// request's clock pauses (Art. 12A); any other right's runs on.
        #[arg(long, value_name = "YYYY-MM-DD..YYYY-MM-DD", value_parser = parse_pause)]
        paused: Vec<Pause>,
        /// The deadline was extended by two further months.
        #[arg(long)]
        extended: bool,
        /// A complaint: give the date by which to acknowledge it.
        #[arg(long, conflicts_with_all = ["identity_received", "fee_received", "paused", "extended"])]
        complaint: bool,
        /// Count the "play safe" way: the start as day one of "one month beginning
        /// with" it, so every date is one day earlier than the ICO's.
        #[arg(long)]
        play_safe: bool,
    },
    /// Write every date to act by as an iCalendar (.ics) file for a calendar app.
    ///
    /// Events keep the same identity across exports, so importing again updates them.
    Calendar {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// Where to write the calendar file.
        #[arg(long, value_name = "OUT")]
        ics: PathBuf,
        /// Put requesters' names (and what happened in a breach) in the events. Left
        /// out by default: a calendar that syncs to a cloud service takes them off this
        /// computer. Events always carry the reference and the kind of request.
        #[arg(long)]
        with_names: bool,
    },
    /// Write the processing register as CSV, in the ICO template's columns.
    Register {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// Where to write the CSV file.
        #[arg(long, value_name = "OUT")]
        csv: PathBuf,
    },
    /// Write the shop's privacy notice as a PDF, an HTML page or Markdown.
    ///
    /// The format comes from --format, or else from OUT's extension (.pdf, .html, .md).
    /// Refused (exit 2, nothing written, each gap named) while the notice cannot say
    /// everything UK GDPR Arts 13 and 14 require: the shop's name and a way to contact
    /// it; each purpose's lawful basis and retention; an Article 9 condition for special
    /// category data; each transfer's safeguard; each legitimate-interests assessment
    /// complete; no example text from the starter catalogue left. --draft writes it anyway,
    /// marked "DRAFT — not yet complete" on every page with the gaps listed at the end.
    /// A published notice is dated the day its content last changed, which is recorded in
    /// the workspace file (a draft records nothing).
    Notice {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// Where to write the notice.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// standard: the ICO generator's sections; layered: a "what we do / why / the
        /// legal stuff" table.
        #[arg(long, value_enum, default_value = "standard")]
        style: StyleArg,
        /// Write an incomplete notice as a marked draft instead of refusing.
        #[arg(long)]
        draft: bool,
    },
    /// Write an activity's legitimate-interests assessment as a record to hand to the ICO:
    /// the three-part test (purpose, necessity, balancing) in the ICO template's order,
    /// each answer, the opt-out, the decision, and who completed it and when.
    ///
    /// ACTIVITY is the activity's number in the register (as `register` lists the rows,
    /// from 1). The format comes from --format, or else from OUT's extension. Refused
    /// (exit 2, nothing written, each gap named) while the assessment is incomplete;
    /// --draft writes it marked "DRAFT — not yet complete" with the gaps listed.
    Lia {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        #[arg(long, value_name = "N")]
        activity: usize,
        /// Where to write the record.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Write an incomplete assessment as a marked draft instead of refusing.
        #[arg(long)]
        draft: bool,
    },
    /// Write a letter for a request: an acknowledgement, an identity request, a subject
    /// access response… (see --list-templates); or, with --breach, the letter to the
    /// people a breach affects.
    ///
    /// The format comes from OUT's extension: .pdf, .txt (for email), .html or .md.
    /// A letter the law does not allow now (an extension after the first month, a fee
    /// on a marketing objection…) is refused with the reason. Facts only you can state
    /// are parts you give with --set (see --list-parts); a letter with a required part
    /// missing is not written.
    Letter {
        #[arg(long, value_name = "PATH", required_unless_present_any = ["list_templates", "list_parts"])]
        file: Option<PathBuf>,
        /// The request's reference, e.g. R-2026-004.
        #[arg(long, value_name = "REF", required_unless_present_any = ["list_templates", "list_parts", "breach"])]
        request: Option<String>,
        /// Instead of --request: the breach's reference, e.g. B-2026-001, for the letter
        /// to the people it affects (UK GDPR Article 34; --template breach-people-affected
        /// may be left out).
        #[arg(long, value_name = "REF", conflicts_with = "request")]
        breach: Option<String>,
        /// The letter to write (see --list-templates).
        #[arg(long, value_name = "NAME", required_unless_present_any = ["list_templates", "breach"])]
        template: Option<String>,
        /// Where to write the letter.
        #[arg(long, value_name = "PATH", required_unless_present_any = ["list_templates", "list_parts"])]
        out: Option<PathBuf>,
        /// The letter's date (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<Date>,
        /// A part of the letter in your words, or a choice by its name (repeatable):
        /// --set reasons="It covers seven years of orders" --set refusal-ground=manifestly-excessive
        #[arg(long = "set", value_name = "PART=TEXT")]
        set: Vec<String>,
        /// List the letters and what each is for.
        #[arg(long, conflicts_with_all = ["file", "request", "breach", "template", "out", "date", "set", "list_parts"])]
        list_templates: bool,
        /// With --template: list its parts, one a line (name, required or optional, what it is).
        #[arg(long, requires = "template", conflicts_with_all = ["file", "request", "breach", "out", "date", "set"])]
        list_parts: bool,
    },
    /// Log a rights request, or record a step on one (changes the workspace file).
    ///
    /// Refused (exit 2) while the file is open in a Smallprint window; saved atomically
    /// with a backup, as the window saves.
    Request {
        #[command(subcommand)]
        command: write::RequestCommand,
    },
    /// Log a personal-data breach (changes the workspace file), as `request` does.
    Breach {
        #[command(subcommand)]
        command: write::BreachCommand,
    },
    /// List a workspace's breaches: when the shop became aware, the 72-hour deadline to
    /// report to the ICO (both UK local time), and where each stands.
    Breaches {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
    },
    /// Write the breach log — every breach, reported or not, with the facts, the risk,
    /// the steps taken and the reasons for each decision — as a CSV file or a PDF.
    ///
    /// The format comes from OUT's extension: .csv (one row a breach, for a
    /// spreadsheet) or .pdf (to print, or to send the ICO when it asks). Times are UK
    /// local time.
    BreachLog {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The file to write, ending .csv or .pdf.
        #[arg(long, value_name = "OUT.csv|OUT.pdf")]
        out: PathBuf,
    },
    /// Write the shop's data protection complaints procedure (DPA 2018 s.164A): how to
    /// complain, the acknowledgement within 30 days, the investigation, updates, the
    /// outcome, then the ICO. The format comes from OUT's extension (.html, .pdf, .md).
    /// Refused (exit 2, nothing written, each gap named) without the shop's name and a
    /// way to reach it. Written readable by everyone (0644), to publish.
    ComplaintsProcedure {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        #[arg(long, value_name = "OUT.html|OUT.pdf|OUT.md")]
        out: PathBuf,
    },
    /// Write the complaint form: a fillable PDF (its fields: name, contact, complaint,
    /// outcome, `on_behalf` and date) to fill in any PDF reader and email back, or an HTML
    /// page whose form composes an email to the shop, with the address and fields as text
    /// too. Refused
    /// (exit 2) without an email address to send it to. Written readable by everyone.
    ComplaintForm {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        #[arg(long, value_name = "OUT.pdf|OUT.html")]
        out: PathBuf,
    },
    /// Write the cookie notice: each cookie the website sets, what it does, how long it
    /// lasts and the visitor's choice under PECR. Refused (exit 2, each gap named) with
    /// no cookie listed, a cookie undescribed, or a choice the law needs not recorded.
    Cookies {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        #[arg(long, value_name = "OUT.html|OUT.md|OUT.pdf")]
        out: PathBuf,
    },
    /// Write the website kit into a folder: privacy.html, complaints.html,
    /// complaint-form.html, complaint-form.pdf and cookies.html, linked to each other,
    /// each readable by everyone (0644) so a web server can serve them. Nothing is
    /// written unless every page can be (exit 2 naming the gaps).
    Website {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print a draft of the answers for the ICO's breach report form, as plain text to
    /// copy into it.
    ///
    /// The Art. 33(3) items, in the form's order, from the breach log and the
    /// organisation profile: who to contact, what happened and when (against the 72
    /// hours, with the reasons for any delay), how it was found, its type, the data and
    /// the approximate numbers of people and records, the likely consequences and the
    /// risk, the measures taken, whether the people affected were told, any processor.
    /// Nothing is invented: an item the log lacks reads "[not recorded yet: …]", and the
    /// list of them goes to standard error.
    BreachDraft {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The breach's reference, e.g. B-2026-001 (`smallprint breaches` lists them).
        #[arg(long, value_name = "REF")]
        breach: String,
    },
    /// Import a gov.uk bank-holidays feed (JSON) into a workspace, as Settings does: a
    /// year is replaced only when the feed holds it whole.
    Holidays {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// The feed, e.g. a saved copy of <https://www.gov.uk/bank-holidays.json>.
        #[arg(long, value_name = "FEED.json")]
        import: PathBuf,
    },
    /// List a workspace's requests with their due dates, most urgent first.
    Requests {
        #[arg(long, value_name = "PATH")]
        file: PathBuf,
        /// Only open requests due within DAYS days (overdue ones included).
        #[arg(long, value_name = "DAYS")]
        due_within: Option<u32>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Pdf,
    Html,
    Md,
}

impl From<FormatArg> for Format {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Pdf => Format::Pdf,
            FormatArg::Html => Format::Html,
            FormatArg::Md => Format::Markdown,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StyleArg {
    Standard,
    Layered,
}

impl From<StyleArg> for NoticeStyle {
    fn from(style: StyleArg) -> Self {
        match style {
            StyleArg::Standard => NoticeStyle::Standard,
            StyleArg::Layered => NoticeStyle::Layered,
        }
    }
}

/// A date on the command line: written YYYY-MM-DD and in the range Smallprint works
/// with (a year 0 or 9999 is a slip, and would give a meaningless deadline).
fn parse_date(text: &str) -> Result<Date, String> {
    crate::domain::validate::parse_date(text).and_then(integrity::check_date)
}

/// Reads a workspace for a command that works with it: refused, with the reason, when
/// it holds dates or text Smallprint cannot work with (`check` lists them). Nothing
/// is repaired here: these commands never write, and a repair the file does not hold
/// would make their output disagree with it.
fn read_usable(path: &Path) -> Result<Workspace, String> {
    let workspace = store::read_workspace(path).map_err(|e| e.to_string())?;
    match integrity::refusal(&workspace) {
        Some(reason) => Err(format!(
            "{} {reason}\n`smallprint check --file {}` lists every problem.",
            path.display(),
            path.display()
        )),
        None => Ok(workspace),
    }
}

fn parse_nation(text: &str) -> Result<Nation, String> {
    Nation::ALL
        .into_iter()
        .find(|nation| nation.division() == text)
        .ok_or_else(|| {
            format!("“{text}” is not one of england-and-wales, scotland, northern-ireland")
        })
}

fn parse_pause(text: &str) -> Result<Pause, String> {
    let (asked, answered) = text.split_once("..").ok_or_else(|| {
        format!(
            "“{text}” is not a pause written ASKED..ANSWERED, like 2026-03-10..2026-03-12, or ASKED.. while unanswered"
        )
    })?;
    let asked = parse_date(asked)?;
    if answered.trim().is_empty() {
        return Ok(Pause {
            asked,
            answered: None,
        });
    }
    let answered = parse_date(answered)?;
    if answered < asked {
        return Err(format!("the pause {text} ends before it starts"));
    }
    Ok(Pause {
        asked,
        answered: Some(answered),
    })
}

/// Runs a headless command, writing to the given streams.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per subcommand: the dispatch table reads best whole"
)]
pub fn run(
    command: CliCommand,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    // Every byte printed passes the terminal check, whatever path wrote it.
    let out = &mut SafeWriter::new(out);
    let err = &mut SafeWriter::new(err);
    let result = match command {
        CliCommand::Demo { out: path, force } => demo(&path, force, clock, err),
        CliCommand::New {
            list_businesses: true,
            ..
        } => {
            for business in catalogue::business_types() {
                let _ = writeln!(out, "{}", business.kind);
            }
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::New {
            out: Some(path),
            business: Some(kind),
            force,
            nation,
            ..
        } => new_workspace(&path, &kind, nation, force, clock, err),
        CliCommand::New { .. } => Err("say --out and --business, or --list-businesses".to_owned()),
        CliCommand::Check { file } => check(&file, out, err),
        CliCommand::Deadline {
            received,
            nation,
            identity_received,
            fee_received,
            paused,
            extended,
            complaint,
            play_safe,
        } => {
            let counting = Counting {
                nation,
                holidays: Holidays::shipped(),
                play_safe,
            };
            let deadline = if complaint {
                deadlines::complaint_deadline(received, counting)
            } else {
                let events = ClockEvents {
                    received,
                    identity_received,
                    fee_received,
                    pauses: paused,
                    extended,
                    ..ClockEvents::default()
                };
                deadlines::response_deadline(&events, counting)
            };
            // The date, or "paused" / "none" when there is no date.
            let _ = writeln!(out, "{deadline}");
            let _ = writeln!(out, "{}", deadline.working());
            if let Some(message) = deadline.state.message() {
                let _ = writeln!(out, "{message}");
            }
            if let Some(target) = deadline.internal_target {
                let _ = writeln!(
                    out,
                    "ICO's optional internal target (28 days): {} ({})",
                    deadlines::short_date(target),
                    deadline.target_working()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Requests { file, due_within } => {
            requests(&file, due_within, clock.today(), out)
        }
        CliCommand::Calendar {
            file,
            ics,
            with_names,
        } => calendar(&file, &ics, with_names, clock, err),
        CliCommand::Request { command } => write::request(command, clock, out, err),
        CliCommand::Breach { command } => write::breach(command, clock, out, err),
        CliCommand::Breaches { file } => breaches(&file, clock, out),
        CliCommand::BreachLog { file, out } => breach_log(&file, &out, clock, err),
        CliCommand::ComplaintsProcedure { file, out } => {
            public_document(&file, &out, PublicPage::ComplaintsProcedure, clock, err)
        }
        CliCommand::ComplaintForm { file, out } => {
            public_document(&file, &out, PublicPage::ComplaintForm, clock, err)
        }
        CliCommand::Cookies { file, out } => {
            public_document(&file, &out, PublicPage::CookieNotice, clock, err)
        }
        CliCommand::Website { file, out } => website(&file, &out, clock, err),
        CliCommand::BreachDraft { file, breach } => breach_draft(&file, &breach, clock, out, err),
        CliCommand::Holidays { file, import } => {
            write::import_holidays(&file, &import, clock, out, err)
        }
        CliCommand::Notice {
            file,
            out,
            format,
            style,
            draft,
        } => write_notice(
            &file,
            &out,
            format.map(Format::from),
            style.into(),
            if draft { Finish::Draft } else { Finish::Final },
            clock,
            err,
        ),
        CliCommand::Letter {
            list_templates: true,
            ..
        } => {
            for template in Template::ALL {
                let _ = writeln!(out, "{:<27} {}", template.name(), template.purpose());
            }
            let _ = writeln!(
                out,
                "{:<27} {} (with --breach)",
                letters::breach::NAME,
                letters::breach::PURPOSE
            );
            Ok(ExitCode::SUCCESS)
        }
        CliCommand::Letter {
            list_parts: true,
            template: Some(template),
            ..
        } => list_parts(&template, out),
        CliCommand::Letter {
            file: Some(file),
            breach: Some(reference),
            template,
            out: Some(out_path),
            date,
            set,
            ..
        } => write_breach_letter(
            &LetterArgs {
                file: &file,
                reference: &reference,
                template_name: template.as_deref().unwrap_or(letters::breach::NAME),
                out_path: &out_path,
                date: date.unwrap_or_else(|| clock.today()),
                set: &set,
            },
            clock,
            err,
        ),
        CliCommand::Letter {
            file: Some(file),
            request: Some(reference),
            template: Some(template),
            out: Some(out_path),
            date,
            set,
            ..
        } => write_letter(
            &LetterArgs {
                file: &file,
                reference: &reference,
                template_name: &template,
                out_path: &out_path,
                date: date.unwrap_or_else(|| clock.today()),
                set: &set,
            },
            clock,
            err,
        ),
        CliCommand::Letter { .. } => Err(
            "say --file, --request, --template and --out (or --breach instead of --request); or --list-templates; or --template with --list-parts"
                .to_owned(),
        ),
        CliCommand::Lia {
            file,
            activity,
            out,
            format,
            draft,
        } => write_lia(
            &file,
            activity,
            &out,
            format.map(Format::from),
            if draft { Finish::Draft } else { Finish::Final },
            clock,
            err,
        ),
        CliCommand::Register { file, csv } => read_usable(&file).and_then(|workspace| {
            export_file(&workspace, &file, &Export::RegisterCsv, &csv, clock, err)
                .map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(err, "smallprint: {message}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

fn write_lia(
    path: &Path,
    number: usize,
    out_path: &Path,
    format: Option<Format>,
    finish: Finish,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let format = format
        .or_else(|| Format::from_path(out_path))
        .filter(|format| *format != Format::PlainText)
        .ok_or_else(|| {
            format!(
                "say which format to write with --format pdf|html|md, or end {} in .pdf, .html or .md",
                out_path.display()
            )
        })?;
    let workspace = read_usable(path)?;
    let count = workspace.register.len();
    let activity = number
        .checked_sub(1)
        .and_then(|index| workspace.register.get(index))
        .ok_or_else(|| {
            format!(
                "there is no activity {number}: the register has {} (numbered from 1, as `smallprint register` lists them)",
                crate::domain::validate::count(count, "activity", "activities")
            )
        })?;
    let what = Export::Lia {
        activity: activity.id,
        format,
        finish,
    };
    match export_file(&workspace, path, &what, out_path, clock, err) {
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(ExportError::LiaIncomplete(
            crate::documents::lia_record::LiaRecordError::Incomplete { activity, gaps },
        )) => {
            let _ = writeln!(
                err,
                "smallprint: the assessment of {activity} was not written: it is not complete ({}). Answer each, or write a marked draft with --draft:",
                crate::domain::validate::count(gaps.len(), "gap", "gaps")
            );
            for gap in &gaps {
                let _ = writeln!(err, "- {gap}");
            }
            Ok(ExitCode::from(EXIT_FAILURE))
        }
        Err(other) => Err(other.to_string()),
    }
}

fn demo(
    path: &Path,
    force: bool,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; it was left as it is. Add --force to replace it.",
            path.display()
        ));
    }
    let kept = store::write_new(
        path,
        &example_workspace(clock.today()),
        clock.now().timestamp(),
    )
    .map_err(|e| e.to_string())?;
    let _ = writeln!(err, "Wrote the example shop to {}", path.display());
    say_replaced(kept.as_deref(), err);
    Ok(ExitCode::SUCCESS)
}

/// Where the workspace a `--force` replaced was kept.
fn say_replaced(kept: Option<&Path>, err: &mut dyn Write) {
    if let Some(kept) = kept {
        let _ = writeln!(
            err,
            "The workspace it replaced was kept as {}.",
            kept.display()
        );
    }
}

fn new_workspace(
    path: &Path,
    kind: &str,
    nation: Nation,
    force: bool,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let business = catalogue::business_type(kind).ok_or_else(|| {
        let kinds: Vec<&str> = catalogue::business_types()
            .iter()
            .map(|b| b.kind.as_str())
            .collect();
        format!(
            "there is no kind of business called “{kind}”; choose one of {}",
            kinds.join(", ")
        )
    })?;
    if path.exists() && !force {
        return Err(format!(
            "{} already exists; it was left as it is. Add --force to replace it.",
            path.display()
        ));
    }
    let mut workspace = Workspace::default();
    workspace.organisation.nation = nation;
    workspace.add_catalogue_activities(business);
    let kept =
        store::write_new(path, &workspace, clock.now().timestamp()).map_err(|e| e.to_string())?;
    say_replaced(kept.as_deref(), err);
    let _ = writeln!(
        err,
        "Wrote a new workspace ({}, {nation}) to {}, with {} starter activities. `smallprint check --file {}` lists what to fill in, replace or confirm.",
        business.name,
        path.display(),
        workspace.register.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn check(path: &Path, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode, String> {
    let loaded = store::read_loaded(path).map_err(|e| e.to_string())?;
    if loaded.began_with_bom {
        let _ = writeln!(err, "{}: {}", path.display(), store::BOM_NOTICE);
    }
    let workspace = loaded.workspace;
    let mut issues: Vec<String> = integrity::problems(&workspace)
        .iter()
        .map(ToString::to_string)
        .collect();
    issues.extend(workspace.issues().iter().map(ToString::to_string));
    issues.extend(
        completeness::check(&workspace)
            .iter()
            .filter(|item| item.is_missing())
            .map(ToString::to_string),
    );
    // One problem a line, whatever its record's name holds.
    for issue in &issues {
        let _ = writeln!(out, "{}", terminal::safe_line(issue));
    }
    if issues.is_empty() {
        let _ = writeln!(err, "{}: no problems found", path.display());
        Ok(ExitCode::SUCCESS)
    } else {
        let _ = writeln!(
            err,
            "{}: {}",
            path.display(),
            crate::domain::validate::count(issues.len(), "problem", "problems")
        );
        Ok(ExitCode::from(EXIT_PROBLEMS))
    }
}

fn requests(
    path: &Path,
    due_within: Option<u32>,
    today: Date,
    out: &mut dyn Write,
) -> Result<ExitCode, String> {
    let workspace = read_usable(path)?;
    let holidays = workspace.holidays();
    let counting = workspace.counting(&holidays);
    let mut rows: Vec<_> = workspace
        .requests
        .iter()
        .map(|request| (request, request.deadline_with(counting)))
        .filter(|(request, deadline)| match due_within {
            None => true,
            // A stopped clock has no date, so it is not due within any number of days.
            // What must stop at once is due now, whatever the window asked.
            Some(_) if request.stops_at_once() => true,
            Some(days) => {
                request.status.is_open()
                    && deadline.due_date().is_some_and(|due| {
                        deadlines::days_between(today, due)
                            <= i32::try_from(days).unwrap_or(i32::MAX)
                    })
            }
        })
        .collect();
    // Open before closed; dated by date, then the undated (stopped) ones.
    rows.sort_by_key(|(request, deadline)| {
        (
            !request.status.is_open(),
            !request.stops_at_once(),
            deadline.due_date().is_none(),
            deadline.due_date(),
            request.reference.clone(),
        )
    });
    let mut stop_now = false;
    let mut table = Vec::with_capacity(rows.len());
    for (request, deadline) in rows {
        let days_left = match deadline.due_date() {
            Some(due) if request.status.is_open() => {
                deadlines::days_between(today, due).to_string()
            }
            _ => "-".to_owned(),
        };
        // "paused" while the clock is stopped, "none" with no statutory date; "now" for
        // what must stop at once (its DAYS LEFT count to the written confirmation).
        let due = if request.stops_at_once() {
            "now".to_owned()
        } else if matches!(deadline.state, deadlines::ClockState::Acknowledged(_)) {
            "ack sent".to_owned()
        } else if request.is_complaint() {
            format!("{deadline} (ack)")
        } else {
            deadline.to_string()
        };
        table.push(vec![
            request.reference.clone(),
            request.received.to_string(),
            due,
            days_left,
            request.status.to_string(),
            request.kind.to_string(),
            request.requester.name.clone(),
        ]);
        stop_now |= request.stops_at_once();
    }
    let _ = print_table(
        out,
        &[
            ("REFERENCE", Align::Left),
            ("RECEIVED", Align::Left),
            ("DUE", Align::Left),
            ("DAYS LEFT", Align::Right),
            ("STATUS", Align::Left),
            ("KIND", Align::Left),
            ("REQUESTER", Align::Left),
        ],
        &table,
    );
    if stop_now {
        let _ = writeln!(
            out,
            "DUE now: an objection to direct marketing or a withdrawal of consent is acted on at once; its DAYS LEFT count to the written confirmation, due within one calendar month."
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn breaches(path: &Path, clock: &dyn Clock, out: &mut dyn Write) -> Result<ExitCode, String> {
    use crate::domain::breach_clock::uk_minute;
    let workspace = read_usable(path)?;
    let moment = clock.now();
    let (zone, now) = (moment.time_zone(), moment.timestamp());
    let rows: Vec<Vec<String>> = workspace
        .breaches
        .iter()
        .map(|breach| {
            vec![
                breach.reference.clone(),
                uk_minute(breach.aware, zone),
                uk_minute(breach.deadline(), zone),
                breach.state(now).to_string(),
                breach.what_happened.clone(),
            ]
        })
        .collect();
    let _ = print_table(
        out,
        &[
            ("REFERENCE", Align::Left),
            ("AWARE", Align::Left),
            ("DEADLINE (72H)", Align::Left),
            ("STATE", Align::Left),
            ("WHAT HAPPENED", Align::Left),
        ],
        &rows,
    );
    Ok(ExitCode::SUCCESS)
}

fn breach_log(
    path: &Path,
    out_path: &Path,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let extension = out_path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    let csv = match extension.as_deref() {
        Some("csv") => true,
        Some("pdf") => false,
        _ => {
            return Err(format!(
                "{} does not end .csv or .pdf: the breach log is written as a CSV file (for a spreadsheet) or a PDF (to print or send); nothing was written",
                out_path.display()
            ));
        }
    };
    let workspace = read_usable(path)?;
    export_file(
        &workspace,
        path,
        &Export::BreachLog { csv },
        out_path,
        clock,
        err,
    )
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// The one breach with `reference` (compared as `letter` compares a request's), or why
/// there is none to use.
fn find_breach<'a>(
    workspace: &'a Workspace,
    file: &Path,
    reference: &str,
) -> Result<&'a crate::domain::breaches::Breach, String> {
    let matching: Vec<_> = workspace
        .breaches
        .iter()
        .filter(|b| b.reference.trim().eq_ignore_ascii_case(reference.trim()))
        .collect();
    match matching[..] {
        [] => Err(format!(
            "{} has no breach {}; `smallprint breaches --file {}` lists them",
            file.display(),
            terminal::safe_line(reference),
            file.display()
        )),
        [breach] => Ok(breach),
        // Either could be meant; a report or letter about the wrong one would mislead.
        [..] => Err(format!(
            "{} has {} breaches with the reference {reference}; nothing was written. Open the file in Smallprint once: it gives the later ones new references.",
            file.display(),
            matching.len()
        )),
    }
}

/// Reports a command line clap could not parse, through the terminal filter (clap
/// echoes the user's argument, which may hold escape sequences); help and the version
/// print as clap prints them.
pub fn report_parse_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        let _ = error.print();
        return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(EXIT_FAILURE));
    }
    let mut stderr = std::io::stderr();
    let mut safe = SafeWriter::new(&mut stderr);
    let _ = write!(safe, "{}", error.render());
    drop(safe);
    ExitCode::from(EXIT_FAILURE)
}

/// The one request with `reference`, or why there is none to use: `letter` and
/// `request step` ask this one rule, so neither acts on a reference two requests share.
fn find_request<'a>(
    workspace: &'a Workspace,
    file: &Path,
    reference: &str,
) -> Result<&'a crate::domain::requests::RightsRequest, String> {
    let matching: Vec<_> = workspace
        .requests
        .iter()
        .filter(|r| r.reference.trim().eq_ignore_ascii_case(reference.trim()))
        .collect();
    match matching[..] {
        [] => Err(format!(
            "{} has no request {}",
            file.display(),
            terminal::safe_line(reference)
        )),
        [request] => Ok(request),
        // Either could be meant; a letter or a step on the wrong requester's request
        // would disclose data or move the wrong clock.
        [..] => {
            let whom: Vec<String> = matching
                .iter()
                .map(|r| {
                    format!(
                        "received {} from {}",
                        r.received,
                        terminal::safe_line(&r.requester.name)
                    )
                })
                .collect();
            Err(format!(
                "{} has {} requests with the reference {} ({}); nothing was written. Open the file in Smallprint once: it gives the later ones new references.",
                file.display(),
                matching.len(),
                terminal::safe_line(reference),
                whom.join("; ")
            ))
        }
    }
}

fn breach_draft(
    path: &Path,
    reference: &str,
    clock: &dyn Clock,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let workspace = read_usable(path)?;
    let breach = find_breach(&workspace, path, reference)?;
    let moment = clock.now();
    let draft =
        ico_draft::ico_report_draft(&workspace, breach, moment.time_zone(), moment.timestamp());
    let _ = out.write_all(draft.text.as_bytes());
    if !draft.gaps.is_empty() {
        let _ = writeln!(
            err,
            "Not in the breach log yet ({}): {}",
            draft.gaps.len(),
            draft.gaps.join("; ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn write_notice(
    path: &Path,
    out_path: &Path,
    format: Option<Format>,
    style: NoticeStyle,
    finish: Finish,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let format = format.or_else(|| Format::from_path(out_path)).ok_or_else(|| {
        format!(
            "say which format to write with --format pdf|html|md, or end {} in .pdf, .html or .md",
            out_path.display()
        )
    })?;
    let workspace = read_usable(path)?;
    let export = match export_file(
        &workspace,
        path,
        &Export::Notice {
            format,
            style,
            finish,
        },
        out_path,
        clock,
        err,
    ) {
        Ok(export) => export,
        Err(ExportError::NoticeIncomplete(gaps)) => {
            let _ = writeln!(
                err,
                "smallprint: the privacy notice was not written: it cannot yet say everything the law requires ({}). Fix each one, or write a marked draft with --draft:",
                crate::domain::validate::count(gaps.len(), "gap", "gaps")
            );
            for gap in &gaps {
                let _ = writeln!(err, "- {gap}");
            }
            return Ok(ExitCode::from(EXIT_FAILURE));
        }
        Err(other) => return Err(other.to_string()),
    };
    if let Some(settings) = export.notice_dated {
        record_notice_date(path, &settings, clock, err)?;
    }
    if finish == Finish::Draft {
        let gaps = notice::export_gaps(&workspace);
        if gaps.is_empty() {
            let _ = writeln!(
                err,
                "Note: nothing is missing, so this is the notice as it would be published; as a draft, its “Last updated” date was not recorded. Export it without --draft to publish it."
            );
        } else {
            let _ = writeln!(
                err,
                "Note: written as a draft, marked “{}” on every page; {} to put right before publishing, listed at its end.",
                notice::DRAFT_MARK,
                crate::domain::validate::count(gaps.len(), "gap", "gaps")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Stores the notice's "Last updated" date with its content's fingerprint, so the next
/// export of an unchanged notice keeps the date. Left alone, with a note, while the
/// window holds the file (it records the date when it exports).
fn record_notice_date(
    path: &Path,
    settings: &crate::domain::settings::Settings,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<(), String> {
    let (mut store, contents) = store::Store::open(path).map_err(|e| e.to_string())?;
    let store::Contents::Workspace(mut workspace) = contents else {
        return Err(format!(
            "{} disappeared while the notice was written",
            path.display()
        ));
    };
    if !store.is_writable() {
        let _ = writeln!(
            err,
            "Note: {} is open in Smallprint, so the notice's date was not recorded there.",
            path.display()
        );
        return Ok(());
    }
    actions::export::record_notice_dated(&mut workspace, settings);
    let saved = store
        .save(&workspace, clock.now().timestamp())
        .map_err(|e| format!("the notice was written, but its date was not recorded: {e}"))?;
    if let Some(failed) = saved.backup_failed {
        let _ = writeln!(err, "warning: the notice's date is recorded, but {failed}");
    }
    Ok(())
}

fn template_named(name: &str) -> Result<Template, String> {
    if name == letters::breach::NAME {
        return Err(format!(
            "the {name} letter is about a breach, not a request: give the breach with --breach B-YYYY-NNN instead of --request"
        ));
    }
    Template::from_name(name).ok_or_else(|| {
        format!(
            "there is no letter called “{name}”; `smallprint letter --list-templates` lists them"
        )
    })
}

/// A letter's parts by its CLI name: a request template's, or the breach letter's.
fn parts_named(name: &str) -> Result<&'static [letters::PartSpec], String> {
    if name == letters::breach::NAME {
        Ok(letters::breach::PARTS)
    } else {
        Template::from_name(name)
            .map(|template| template.spec().parts)
            .ok_or_else(|| {
                format!(
                    "there is no letter called “{name}”; `smallprint letter --list-templates` lists them"
                )
            })
    }
}

/// One part a line: its name, whether it is required, what it is (and its choices).
fn list_parts(template_name: &str, out: &mut dyn Write) -> Result<ExitCode, String> {
    for part in parts_named(template_name)? {
        let need = if part.is_required() {
            "required"
        } else {
            "optional"
        };
        let condition = part
            .only_when
            .map(|(key, values)| {
                let values: Vec<String> = values.iter().map(|v| format!("{key}={v}")).collect();
                format!(" (when {})", values.join(" or "))
            })
            .unwrap_or_default();
        let choices: Vec<&str> = part.options().iter().map(|o| o.key).collect();
        let choices = if matches!(part.kind, letters::PartKind::Activities { .. }) {
            " — the register's activity numbers that apply to this person, separated by commas (see `smallprint register`)".to_owned()
        } else if choices.is_empty() {
            String::new()
        } else if part.takes_several() {
            format!(
                " — one or more, separated by commas, of: {}",
                choices.join(", ")
            )
        } else {
            format!(" — one of: {}", choices.join(", "))
        };
        let _ = writeln!(
            out,
            "{:<18} {need}{condition}  {}: {}{choices}",
            part.key.name(),
            part.label,
            part.about
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What `smallprint letter` was asked to write.
struct LetterArgs<'a> {
    file: &'a Path,
    /// The request's reference, or with --breach the breach's.
    reference: &'a str,
    template_name: &'a str,
    out_path: &'a Path,
    date: Date,
    set: &'a [String],
}

/// The `--set PART=TEXT` values, checked against the letter's parts.
fn parts_from_args(
    letter: &str,
    specs: &'static [letters::PartSpec],
    set: &[String],
    parts: &mut letters::Parts,
) -> Result<(), String> {
    for assignment in set {
        let Some((name, text)) = assignment.split_once('=') else {
            return Err(format!(
                "--set takes PART=TEXT, e.g. --set reasons=\"…\"; “{assignment}” has no ="
            ));
        };
        let name = name.trim();
        let spec = letters::PartKey::from_name(name)
            .and_then(|key| specs.iter().find(|p| p.key == key))
            .ok_or_else(|| {
                format!(
                    "the {letter} letter has no part called “{name}”; `smallprint letter --template {letter} --list-parts` lists them"
                )
            })?;
        let options = spec.options();
        let is_option = |key: &str| options.iter().any(|o| o.key == key);
        let valid = if options.is_empty() {
            true
        } else if spec.takes_several() {
            letters::split_keys(text).all(is_option)
        } else {
            is_option(text.trim())
        };
        if !valid {
            let keys: Vec<&str> = options.iter().map(|o| o.key).collect();
            return Err(format!(
                "{name} is {}: {} (not “{}”)",
                if spec.takes_several() {
                    "one or more, separated by commas, of"
                } else {
                    "one of"
                },
                keys.join(", "),
                text.trim()
            ));
        }
        if text.trim().is_empty() {
            parts.remove(&spec.key);
        } else {
            parts.insert(spec.key, text.to_owned());
        }
    }
    Ok(())
}

/// The format OUT's extension asks for (.txt: plain text, for an email).
fn letter_format(out_path: &Path) -> Result<Format, String> {
    Format::from_path(out_path).ok_or_else(|| {
        format!(
            "end {} in .pdf, .txt, .html or .md to say which format to write",
            out_path.display()
        )
    })
}

/// Why a letter with required parts missing was not written, naming each.
fn missing_message(letter: &str, missing: &[&letters::PartSpec]) -> String {
    let names: Vec<String> = missing
        .iter()
        .map(|part| format!("  --set {}=…   {}", part.key.name(), part.label))
        .collect();
    format!(
        "the {letter} letter needs what only you can say; nothing was written. Missing:\n{}",
        names.join("\n")
    )
}

/// Writes the letter `letter` through the action every front end uses: refused with
/// the law's reason, or naming the parts only the shop can give with `--set`.
fn export_letter(
    workspace: &Workspace,
    order: &LetterArgs<'_>,
    letter: actions::LetterOrder,
    (name, reference): (&str, &str),
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<(), String> {
    let format = letter_format(order.out_path)?;
    let what = Export::Letter { letter, format };
    match export_file(workspace, order.file, &what, order.out_path, clock, err) {
        Ok(_) => Ok(()),
        Err(ExportError::Letter(Refusal::Missing(missing))) => Err(missing_message(name, &missing)),
        Err(ExportError::Letter(refusal)) => Err(format!("{reference}: {refusal}")),
        Err(other) => Err(other.to_string()),
    }
}

fn write_letter(
    order: &LetterArgs<'_>,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let template = template_named(order.template_name)?;
    letter_format(order.out_path)?;
    let workspace = read_usable(order.file)?;
    let request = find_request(&workspace, order.file, order.reference)?;
    let mut parts = template.initial_parts(&workspace, request);
    parts_from_args(
        template.name(),
        template.spec().parts,
        order.set,
        &mut parts,
    )?;
    let letter = actions::LetterOrder {
        subject: LetterSubject::Request {
            request: request.id,
            template,
        },
        parts,
        date: order.date,
    };
    let reference = request.reference.clone();
    // The draft's warnings (the words the window shows by Export), without drafting the
    // letter a second time: the export below drafts it.
    let warnings = template.timing_warnings(&workspace, request, order.date);
    export_letter(
        &workspace,
        order,
        letter,
        (template.name(), &reference),
        clock,
        err,
    )?;
    // Written, and said: a late letter still goes, but the shop must know it is late.
    for warning in warnings {
        let _ = writeln!(err, "warning: {reference}: {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

/// `smallprint letter --breach REF`: the letter to the people a breach affects, by the
/// rules of every letter — refused with the reason when it cannot go, and not written
/// while a part only the shop can state is missing.
fn write_breach_letter(
    order: &LetterArgs<'_>,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    use letters::breach;
    let name = order.template_name;
    if name != breach::NAME {
        return Err(if Template::from_name(name).is_some() {
            format!(
                "the {name} letter answers a request: give --request R-YYYY-NNN; the letter about a breach is {}",
                breach::NAME
            )
        } else {
            format!(
                "there is no letter called “{name}”; the letter about a breach is {}",
                breach::NAME
            )
        });
    }
    letter_format(order.out_path)?;
    let workspace = read_usable(order.file)?;
    let found = find_breach(&workspace, order.file, order.reference)?;
    let mut parts = breach::initial_parts(found);
    parts_from_args(breach::NAME, breach::PARTS, order.set, &mut parts)?;
    let letter = actions::LetterOrder {
        subject: LetterSubject::Breach(found.id),
        parts,
        date: order.date,
    };
    export_letter(
        &workspace,
        order,
        letter,
        (breach::NAME, &found.reference),
        clock,
        err,
    )?;
    let _ = writeln!(err, "{}", breach::requirement(found));
    Ok(ExitCode::SUCCESS)
}

fn calendar(
    path: &Path,
    out_path: &Path,
    with_names: bool,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let workspace = read_usable(path)?;
    let names = if with_names {
        crate::documents::ics::Names::Included
    } else {
        crate::documents::ics::Names::Omitted
    };
    export_file(
        &workspace,
        path,
        &Export::Calendar { names },
        out_path,
        clock,
        err,
    )
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// Makes `what` from the workspace read from `file` and writes it to `out_path` — the
/// action the window's exports run — and says on standard error what was written.
/// A refusal for gaps: each on its own line, exit 2; any other failure is an error.
fn refused_for_gaps(error: ExportError, err: &mut dyn Write) -> Result<ExitCode, String> {
    let (lead, gaps) = match error {
        ExportError::PublicIncomplete { what, gaps } => (
            format!("smallprint: the {what} was not written: it cannot yet say what it must. Fix each one:"),
            gaps,
        ),
        ExportError::NoticeIncomplete(gaps) => (
            "smallprint: nothing was written: the privacy notice cannot yet say everything the law requires. Fix each one:".to_owned(),
            gaps.iter().map(ToString::to_string).collect(),
        ),
        other => return Err(other.to_string()),
    };
    let _ = writeln!(err, "{}", terminal::safe_line(&lead));
    for gap in &gaps {
        let _ = writeln!(err, "- {}", terminal::safe_line(gap));
    }
    Ok(ExitCode::from(EXIT_FAILURE))
}

/// `complaints-procedure`, `complaint-form` and `cookies`: the format from OUT's
/// extension, then the one export every front end makes.
fn public_document(
    path: &Path,
    out_path: &Path,
    page: PublicPage,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let format = Format::from_path(out_path)
        .filter(|format| *format != Format::PlainText)
        .ok_or_else(|| {
            format!(
                "end {} in .html, .pdf or .md to say which format to write",
                out_path.display()
            )
        })?;
    let workspace = read_usable(path)?;
    match export_file(
        &workspace,
        path,
        &Export::Public { page, format },
        out_path,
        clock,
        err,
    ) {
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(error) => refused_for_gaps(error, err),
    }
}

fn website(
    path: &Path,
    folder: &Path,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<ExitCode, String> {
    let workspace = read_usable(path)?;
    let kit = match actions::export::export_website(&workspace, &clock.now(), folder, path) {
        Ok(kit) => kit,
        Err(error) => return refused_for_gaps(error, err),
    };
    let _ = writeln!(err, "Wrote {} to {}", kit.what, folder.display());
    if let Some(settings) = kit.notice_dated {
        record_notice_date(path, &settings, clock, err)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn export_file(
    workspace: &Workspace,
    file: &Path,
    what: &Export,
    out_path: &Path,
    clock: &dyn Clock,
    err: &mut dyn Write,
) -> Result<actions::Artifact, ExportError> {
    let artifact = actions::export::export_to(workspace, what, None, &clock.now(), out_path, file)?;
    let _ = writeln!(err, "Wrote {} to {}", artifact.what, out_path.display());
    Ok(artifact)
}
