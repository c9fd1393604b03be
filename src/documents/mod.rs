//! Everything Smallprint writes for the world outside the app, derived from the
//! workspace: the privacy notice, letters and the breach log (one document model,
//! rendered as PDF, HTML, Markdown or plain text), the draft of an ICO breach report,
//! the calendar feed and the CSV register and breach log.

pub mod breach_log;
pub mod breach_log_csv;
pub mod complaints;
pub mod completeness;
pub mod cookies;
pub mod draft;
pub mod fonts;
pub mod html;
pub mod ico_draft;
pub mod ics;
pub mod layout;
pub mod letters;
pub mod lia_record;
pub mod markdown;
pub mod model;
pub mod notice;
pub mod pdf;
pub mod register_csv;
pub mod site;
pub mod wording;

use std::fmt;

/// The file formats a document can be exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Html,
    Markdown,
    /// The words alone, for an email (letters; not offered for the notice).
    PlainText,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Html, Format::Markdown];

    /// The CLI's name and the usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::PlainText => "txt",
        }
    }

    /// The format a file name implies: `notice.htm` is HTML.
    pub fn from_path(path: &std::path::Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::PlainText),
            _ => None,
        }
    }

    /// The document's bytes in this format.
    pub fn render(self, document: &model::Document) -> Result<Vec<u8>, pdf::PdfError> {
        Ok(match self {
            Format::Pdf => pdf::render(document)?,
            Format::Html => html::render(document).into_bytes(),
            Format::Markdown => markdown::render(document).into_bytes(),
            Format::PlainText => document.plain_text().into_bytes(),
        })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Pdf => "PDF",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
            Format::PlainText => "plain text",
        })
    }
}
