//! Everything Smallprint writes for the outside world, from the order to the file: what
//! each export is called, whether it may be made (a letter the law refuses, a notice the
//! gate finds gaps in), its bytes, and the private, atomic write beside — never onto — the
//! workspace. The window runs [`export_to`] on a worker thread; `smallprint calendar`,
//! `register`, `notice`, `letter` and `breach-log` call it directly.

use std::path::Path;

use super::{LetterOrder, LetterSubject, Now, Refusal, letter::prepare_letter};
use crate::{
    documents::{
        Format, breach_log, breach_log_csv, complaints, cookies, ics, letters,
        lia_record::{self, LiaRecordError},
        notice::{self, Finish, NoticeGap, NoticeStyle},
        register_csv,
        site::{self, Links},
    },
    domain::{
        ActivityId, RequestId, Workspace,
        agenda::{self, AgendaItem},
        requests::RequestEvent,
        settings::Settings,
        validate::count,
    },
    store::{self, StoreError},
};

/// Something Smallprint writes for the outside world, derived from the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum Export {
    /// Every date to act by, as an iCalendar file; requesters named only when the
    /// user chose to (a synced calendar takes them off the machine).
    Calendar { names: ics::Names },
    /// The register in the ICO template's columns.
    RegisterCsv,
    Notice {
        format: Format,
        style: NoticeStyle,
        /// A draft is written whatever is missing, marked on every page.
        finish: Finish,
    },
    /// A letter to a requester or to the people a breach affects, as the shop wrote it.
    Letter { letter: LetterOrder, format: Format },
    /// A letter as it was sent: the words kept at `entry` of the request's timeline.
    SentLetter { request: RequestId, entry: usize },
    /// The breach log, every breach reported or not: a PDF, or CSV for a spreadsheet.
    BreachLog { csv: bool },
    /// An activity's legitimate-interests assessment, as a record for the ICO.
    Lia {
        activity: ActivityId,
        format: Format,
        finish: Finish,
    },
    /// A page the shop publishes beside its notice: the complaints procedure, the
    /// complaint form or the cookie notice.
    Public { page: PublicPage, format: Format },
    /// The whole website kit: the privacy notice as `privacy.html`, written where asked,
    /// and the other four pages beside it, linked to each other.
    WebsiteKit,
}

impl Export {
    /// Whether it is meant for the public (the shop's website): written readable by
    /// everyone, while letters, logs and records stay private to the user.
    pub fn is_public(&self) -> bool {
        matches!(
            self,
            Export::Notice { .. } | Export::Public { .. } | Export::WebsiteKit
        )
    }
}

/// A page for the shop's website beside its privacy notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumCount, strum::VariantArray)]
pub enum PublicPage {
    /// How to complain to the shop and what happens next (DPA 2018 s.164A).
    ComplaintsProcedure,
    /// The complaint form: a fillable PDF, or an HTML page that composes an email.
    ComplaintForm,
    /// The website's cookies and the visitor's choices.
    CookieNotice,
}

impl PublicPage {
    pub const ALL: [PublicPage; <PublicPage as strum::EnumCount>::COUNT] =
        crate::domain::every_variant();

    /// "complaints procedure": as a sentence names it.
    pub fn name(self) -> &'static str {
        match self {
            PublicPage::ComplaintsProcedure => "complaints procedure",
            PublicPage::ComplaintForm => "complaint form",
            PublicPage::CookieNotice => "cookie notice",
        }
    }

    /// The formats it is written in: a form needs fields, which Markdown has not.
    pub fn formats(self) -> &'static [Format] {
        match self {
            PublicPage::ComplaintForm => &[Format::Pdf, Format::Html],
            PublicPage::ComplaintsProcedure | PublicPage::CookieNotice => &Format::ALL,
        }
    }

    /// Its file name in the website kit, without the extension.
    fn file_stem(self) -> &'static str {
        match self {
            PublicPage::ComplaintsProcedure => "complaints",
            PublicPage::ComplaintForm => "complaint-form",
            PublicPage::CookieNotice => "cookies",
        }
    }

    /// What keeps it from being published: the rule its writer asks, for a greyed
    /// button's reason.
    pub fn gaps(self, workspace: &Workspace) -> Vec<String> {
        match self {
            PublicPage::ComplaintsProcedure => complaints::procedure_gaps(workspace),
            PublicPage::ComplaintForm => complaints::form_gaps(workspace),
            PublicPage::CookieNotice => cookies::notice_gaps(workspace),
        }
    }

    fn document(
        self,
        workspace: &Workspace,
        links: Links,
        format: Format,
        today: jiff::civil::Date,
    ) -> Result<crate::documents::model::Document, complaints::Gaps> {
        match self {
            PublicPage::ComplaintsProcedure => complaints::procedure(workspace, links, today),
            PublicPage::ComplaintForm => complaints::form(workspace, links, format, today),
            PublicPage::CookieNotice => cookies::cookie_notice(workspace, links, today),
        }
    }
}

/// An export made and ready to write.
#[derive(Debug)]
pub struct Artifact {
    pub bytes: Vec<u8>,
    /// What it is, for "Exported … to PATH": "the privacy notice as PDF (last updated …)".
    pub what: String,
    /// Said after where it went, when there is something to do next.
    pub next: Option<&'static str>,
    /// A notice's "Last updated" date with its content's fingerprint, to record in the
    /// workspace once written, when they changed.
    pub notice_dated: Option<Settings>,
    /// Written readable by everyone ([`Export::is_public`]).
    pub public: bool,
    /// Files written in the same folder, beside the one asked for, by name: the website
    /// kit's other pages.
    pub beside: Vec<(&'static str, Vec<u8>)>,
}

/// Why an export was not made or not written; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("Could not export the letter: {0}")]
    Letter(Refusal),
    #[error("Could not export the letter: it is no longer in the request's timeline.")]
    NoSentLetter,
    #[error("The activity is no longer in the register.")]
    NoActivity,
    #[error("The privacy notice is written as PDF, HTML or Markdown, not as plain text.")]
    NoticeAsPlainText,
    #[error("The {what} is written as {}, not as {asked}.", .formats.iter().map(ToString::to_string).collect::<Vec<_>>().join(" or "))]
    FormatNotOffered {
        what: &'static str,
        formats: &'static [Format],
        asked: Format,
    },
    #[error("The {what} was not exported: {}.", .gaps.join("; "))]
    PublicIncomplete {
        what: &'static str,
        gaps: Vec<String>,
    },
    #[error(
        "The privacy notice was not exported: it cannot yet say everything the law requires. Fix each one, or export a marked draft: {}.",
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    )]
    NoticeIncomplete(Vec<NoticeGap>),
    #[error("The assessment was not exported: {0}. Answer each, or export a marked draft.")]
    LiaIncomplete(LiaRecordError),
    #[error("The assessment was not exported: {0}.")]
    NoLia(LiaRecordError),
    #[error("Could not export {what}: {source}")]
    Render {
        what: String,
        source: crate::documents::pdf::PdfError,
    },
    #[error("Could not export {what}: {source}")]
    Write { what: String, source: StoreError },
}

/// Where an export is suggested to go: the file dialog's title, its filter's name and the
/// file name offered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    pub title: &'static str,
    pub filter: String,
    pub file_name: String,
}

/// What the file chooser suggests for `what`.
pub fn naming(workspace: &Workspace, what: &Export) -> Naming {
    let request_reference = |id: RequestId| {
        workspace
            .request(id)
            .map(|r| r.reference.clone())
            .unwrap_or_default()
    };
    let (title, filter, file_name) = match what {
        Export::Calendar { .. } => (
            "Export deadlines to a calendar file",
            "Calendar".to_owned(),
            "smallprint-deadlines.ics".to_owned(),
        ),
        Export::RegisterCsv => (
            "Export the register as CSV",
            "CSV".to_owned(),
            "processing-register.csv".to_owned(),
        ),
        Export::Notice { format, .. } => (
            "Export the privacy notice",
            format.to_string(),
            format!("privacy-notice.{}", format.extension()),
        ),
        Export::Letter { letter, format } => (
            "Export the letter",
            format.to_string(),
            match letter.subject {
                LetterSubject::Request { request, template } => format!(
                    "{}-{}.{}",
                    request_reference(request),
                    template.name(),
                    format.extension()
                ),
                LetterSubject::Breach(breach) => format!(
                    "{}-letter-to-people-affected.{}",
                    workspace
                        .breach(breach)
                        .map(|b| b.reference.as_str())
                        .unwrap_or_default(),
                    format.extension()
                ),
            },
        ),
        Export::SentLetter { request, entry } => (
            "Export the sent letter",
            "PDF".to_owned(),
            format!(
                "{}-sent-letter-{}.pdf",
                request_reference(*request),
                entry + 1
            ),
        ),
        Export::BreachLog { csv } => {
            let extension = if *csv { "csv" } else { "pdf" };
            (
                "Export the breach log",
                extension.to_ascii_uppercase(),
                format!("breach-log.{extension}"),
            )
        }
        Export::Lia {
            activity, format, ..
        } => (
            "Export the legitimate interests assessment",
            format.to_string(),
            format!(
                "legitimate-interests-assessment-{}.{}",
                workspace
                    .register
                    .iter()
                    .position(|a| a.id == *activity)
                    .map_or(0, |index| index + 1),
                format.extension()
            ),
        ),
        Export::Public { page, format } => (
            match page {
                PublicPage::ComplaintsProcedure => "Export the complaints procedure",
                PublicPage::ComplaintForm => "Export the complaint form",
                PublicPage::CookieNotice => "Export the cookie notice",
            },
            format.to_string(),
            format!("{}.{}", page.file_stem(), format.extension()),
        ),
        Export::WebsiteKit => (
            "Save privacy.html in your website's folder: the other four pages go beside it",
            "HTML".to_owned(),
            site::PRIVACY.to_owned(),
        ),
    };
    Naming {
        title,
        filter,
        file_name,
    }
}

/// Makes `what` from the workspace: refused, with the reason, when it may not be made.
#[expect(
    clippy::too_many_lines,
    reason = "one arm per export, each a few lines: the list reads best whole"
)]
/// `agenda` is the agenda the caller already holds for today (the window's cache); when
/// `None` it is worked out here.
pub fn export(
    workspace: &Workspace,
    what: &Export,
    agenda: Option<&[AgendaItem]>,
    now: &Now,
) -> Result<Artifact, ExportError> {
    let today = now.date();
    let simple = |bytes: Vec<u8>, what: String| Artifact {
        bytes,
        what,
        next: None,
        notice_dated: None,
        public: false,
        beside: Vec::new(),
    };
    Ok(match what {
        Export::Calendar { names } => {
            let worked_out;
            let items = if let Some(items) = agenda {
                items
            } else {
                let holidays = workspace.holidays();
                let deadlines = agenda::deadlines(workspace, &holidays, today);
                worked_out = agenda::agenda(workspace, &deadlines, today, now.time_zone());
                &worked_out
            };
            let text =
                ics::calendar_ics(workspace, items, now.timestamp(), now.time_zone(), *names);
            Artifact {
                next: Some(
                    "Import it into your calendar; exporting again later updates the same events.",
                ),
                ..simple(text.into_bytes(), count(items.len(), "date", "dates"))
            }
        }
        Export::RegisterCsv => simple(
            register_csv::register_csv(workspace),
            count(workspace.register.len(), "activity", "activities"),
        ),
        Export::Notice {
            format: Format::PlainText,
            ..
        } => return Err(ExportError::NoticeAsPlainText),
        Export::Notice {
            format,
            style,
            finish,
        } => notice_artifact(workspace, *format, *style, *finish, today, Links::None)?,
        Export::Public { page, format } => {
            public_artifact(workspace, *page, *format, today, Links::None)?
        }
        Export::WebsiteKit => website_kit(workspace, today)?,
        Export::Lia {
            activity,
            format,
            finish,
        } => {
            let found = workspace
                .register
                .iter()
                .find(|a| a.id == *activity)
                .ok_or(ExportError::NoActivity)?;
            let document =
                lia_record::lia_record(workspace, found, today, *finish).map_err(|error| {
                    match error {
                        LiaRecordError::Incomplete { .. } => ExportError::LiaIncomplete(error),
                        LiaRecordError::NoAssessment(_) => ExportError::NoLia(error),
                    }
                })?;
            let what = if document.title.starts_with(notice::DRAFT_MARK) {
                format!("a draft of the legitimate interests assessment as {format}")
            } else {
                format!("the legitimate interests assessment as {format}")
            };
            simple(render(&document, *format, &what)?, what)
        }
        Export::Letter { letter, format } => {
            let document = prepare_letter(workspace, letter, now).map_err(ExportError::Letter)?;
            let what = format!("the letter as {format}");
            simple(render(&document, *format, &what)?, what)
        }
        Export::SentLetter { request, entry } => {
            let document = workspace
                .request(*request)
                .and_then(|found| {
                    let kept = found.timeline.get(*entry)?;
                    match &kept.event {
                        RequestEvent::LetterSent { title, text, .. } => {
                            Some(letters::sent_letter(title, &found.reference, kept.on, text))
                        }
                        _ => None,
                    }
                })
                .ok_or(ExportError::NoSentLetter)?;
            let what = "the sent letter as PDF".to_owned();
            simple(render(&document, Format::Pdf, &what)?, what)
        }
        Export::BreachLog { csv } => {
            let zone = now.time_zone();
            let breaches = count(workspace.breaches.len(), "breach", "breaches");
            if *csv {
                simple(
                    breach_log_csv::breach_log_csv(workspace, zone, now.timestamp()),
                    format!("the breach log as CSV ({breaches})"),
                )
            } else {
                let document = breach_log::breach_log_document(workspace, zone, now.timestamp());
                let what = format!("the breach log as PDF ({breaches})");
                simple(render(&document, Format::Pdf, &what)?, what)
            }
        }
    })
}

/// The notice, or its marked draft, as an artifact: a draft records no "Last updated".
fn notice_artifact(
    workspace: &Workspace,
    format: Format,
    style: NoticeStyle,
    finish: Finish,
    today: jiff::civil::Date,
    links: Links,
) -> Result<Artifact, ExportError> {
    match notice::export_linked_notice(workspace, style, format, today, finish, links) {
        Err(notice::ExportError::Incomplete(gaps)) => Err(ExportError::NoticeIncomplete(gaps)),
        Err(notice::ExportError::Render(source)) => Err(ExportError::Render {
            what: "the privacy notice".to_owned(),
            source,
        }),
        Ok(made) if !made.gaps.is_empty() => Ok(Artifact {
            bytes: made.bytes,
            what: format!(
                "a draft of the privacy notice as {format}, marked “{}” ({} to put right before publishing)",
                notice::DRAFT_MARK,
                count(made.gaps.len(), "gap", "gaps")
            ),
            next: None,
            notice_dated: None,
            public: true,
            beside: Vec::new(),
        }),
        Ok(made) => Ok(Artifact {
            bytes: made.bytes,
            what: format!(
                "the privacy notice as {format} (last updated {})",
                notice::long_date(made.last_updated)
            ),
            next: None,
            notice_dated: made.settings,
            public: true,
            beside: Vec::new(),
        }),
    }
}

/// A public page in `format`: refused, with each gap, while it cannot say what it must.
fn public_artifact(
    workspace: &Workspace,
    page: PublicPage,
    format: Format,
    today: jiff::civil::Date,
    links: Links,
) -> Result<Artifact, ExportError> {
    let name = page.name();
    if !page.formats().contains(&format) {
        return Err(ExportError::FormatNotOffered {
            what: name,
            formats: page.formats(),
            asked: format,
        });
    }
    let document = page
        .document(workspace, links, format, today)
        .map_err(|gaps| ExportError::PublicIncomplete {
            what: name,
            gaps: gaps.0,
        })?;
    let what = format!("the {name} as {format}");
    Ok(Artifact {
        bytes: render(&document, format, &what)?,
        what,
        next: None,
        notice_dated: None,
        public: true,
        beside: Vec::new(),
    })
}

/// Everything that keeps the website kit from being published, each page's gaps once:
/// the one rule the window's button and the export ask.
pub fn website_gaps(workspace: &Workspace) -> Vec<String> {
    // The notice's cookie gaps are the cookie notice's too: said once, by the latter.
    let mut gaps: Vec<String> = notice::export_gaps(workspace)
        .iter()
        .filter(|gap| gap.gap.fix != crate::documents::completeness::Fix::Website)
        .map(ToString::to_string)
        .collect();
    for page in PublicPage::ALL {
        gaps.extend(page.gaps(workspace));
    }
    let mut seen = std::collections::HashSet::new();
    gaps.retain(|gap| seen.insert(gap.clone()));
    gaps
}

/// The website kit: the privacy notice, then the other pages to write beside it, every
/// one linked to the others by its file name. Made whole or not at all.
fn website_kit(workspace: &Workspace, today: jiff::civil::Date) -> Result<Artifact, ExportError> {
    let gaps = website_gaps(workspace);
    if !gaps.is_empty() {
        return Err(ExportError::PublicIncomplete {
            what: "website kit",
            gaps,
        });
    }
    let notice = notice_artifact(
        workspace,
        Format::Html,
        NoticeStyle::Standard,
        Finish::Final,
        today,
        Links::Kit,
    )?;
    let mut beside = Vec::with_capacity(4);
    for (file, page, format) in [
        (
            site::COMPLAINTS,
            PublicPage::ComplaintsProcedure,
            Format::Html,
        ),
        (site::FORM_HTML, PublicPage::ComplaintForm, Format::Html),
        (site::FORM_PDF, PublicPage::ComplaintForm, Format::Pdf),
        (site::COOKIES, PublicPage::CookieNotice, Format::Html),
    ] {
        let made = public_artifact(workspace, page, format, today, Links::Kit)?;
        beside.push((file, made.bytes));
    }
    Ok(Artifact {
        what: format!(
            "the website kit ({}, {}, {}, {} and {}; the notice last updated {})",
            site::PRIVACY,
            site::COMPLAINTS,
            site::FORM_HTML,
            site::FORM_PDF,
            site::COOKIES,
            notice::long_date(notice::notice_last_updated(workspace, today).0)
        ),
        next: Some("Upload the five files to your website together: they link to each other."),
        beside,
        ..notice
    })
}

/// Writes the website kit into `folder`, making the folder if need be (only once every
/// page is made, so a gap leaves nothing behind): `smallprint website`.
pub fn export_website(
    workspace: &Workspace,
    now: &Now,
    folder: &Path,
    source: &Path,
) -> Result<Artifact, ExportError> {
    let artifact = export(workspace, &Export::WebsiteKit, None, now)?;
    store::make_public_folder(folder).map_err(|source| ExportError::Write {
        what: artifact.what.clone(),
        source,
    })?;
    write(&artifact, &folder.join(site::PRIVACY), source)?;
    Ok(artifact)
}

/// Records in the workspace the "Last updated" date a notice export carried, with its
/// content's fingerprint, so the next export of an unchanged notice keeps the date.
pub fn record_notice_dated(workspace: &mut Workspace, dated: &Settings) {
    workspace.settings.notice_last_updated = dated.notice_last_updated;
    workspace
        .settings
        .notice_fingerprint
        .clone_from(&dated.notice_fingerprint);
}

/// Writes a made export to `path`: atomically and privately, and never onto the
/// workspace at `source` or its backups.
pub fn write(artifact: &Artifact, path: &Path, source: &Path) -> Result<(), ExportError> {
    let failed = |source| ExportError::Write {
        what: artifact.what.clone(),
        source,
    };
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let mut files = vec![(path.to_owned(), artifact.bytes.as_slice())];
    files.extend(
        artifact
            .beside
            .iter()
            .map(|(name, bytes)| (folder.join(name), bytes.as_slice())),
    );
    if artifact.public {
        let borrowed: Vec<(&Path, &[u8])> = files
            .iter()
            .map(|(file, bytes)| (file.as_path(), *bytes))
            .collect();
        return store::write_public_exports(&borrowed, source).map_err(failed);
    }
    for (file, _) in &files {
        store::check_output(file, source).map_err(failed)?;
    }
    for (file, bytes) in files {
        store::write_export(&file, bytes, source).map_err(failed)?;
    }
    Ok(())
}

/// Makes `what` and writes it to `path`; the artifact (for its message and the notice's
/// date) once it is written.
pub fn export_to(
    workspace: &Workspace,
    what: &Export,
    agenda: Option<&[AgendaItem]>,
    now: &Now,
    path: &Path,
    source: &Path,
) -> Result<Artifact, ExportError> {
    let artifact = export(workspace, what, agenda, now)?;
    write(&artifact, path, source)?;
    Ok(artifact)
}

fn render(
    document: &crate::documents::model::Document,
    format: Format,
    what: &str,
) -> Result<Vec<u8>, ExportError> {
    format
        .render(document)
        .map_err(|source| ExportError::Render {
            what: what.to_owned(),
            source,
        })
}
