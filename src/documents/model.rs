//! The neutral document tree every Smallprint document is built as: the notice, the
//! letters. Builders are pure functions of the workspace; the PDF, HTML, Markdown,
//! plain-text and on-screen renderers each read this tree, so they cannot disagree
//! about what a document says.

use jiff::civil::Date;

/// A run of text inside a paragraph, list item or table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Bold(String),
    /// A link; printed documents show the address as the text when they differ.
    Link {
        text: String,
        url: String,
    },
}

impl Inline {
    pub fn text(text: impl Into<String>) -> Self {
        Inline::Text(text.into())
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Inline::Bold(text.into())
    }

    pub fn link(text: impl Into<String>, url: impl Into<String>) -> Self {
        Inline::Link {
            text: text.into(),
            url: url.into(),
        }
    }

    /// The words a reader sees.
    pub fn as_str(&self) -> &str {
        match self {
            Inline::Text(text) | Inline::Bold(text) | Inline::Link { text, .. } => text,
        }
    }
}

/// `url` when it is a web or email address. Only those become links in HTML and
/// Markdown: a `javascript:` address typed into a field must never run in a website.
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    if super::site::is_kit_file(url) {
        return Some(url);
    }
    let lower = url.to_ascii_lowercase();
    let allowed = ["https://", "http://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    let plain = !url.contains(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'));
    (allowed && plain).then_some(url)
}

/// Whether `ch` is a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, N'Ko…, their
/// presentation forms) or an explicit direction control: text with none of them reads
/// left to right as stored, and needs neither reordering in a PDF nor isolating in HTML.
pub fn turns_direction(ch: char) -> bool {
    matches!(ch as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x1_0800..=0x1_0FFF
        | 0x1_E800..=0x1_EFFF | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// What a character typed into a field becomes in a published page: a direction
/// override, embedding or isolate is dropped (left open, it would turn the page's own
/// words around after it), as is a noncharacter (U+FFFE…, invalid in HTML); any other
/// control character but a line break or tab is a space. The PDF's text is cleaned by
/// the same rule (`layout::sanitize`).
pub fn published_char(ch: char) -> Option<char> {
    let code = ch as u32;
    if matches!(code, 0x202A..=0x202E | 0x2066..=0x2069 | 0xFDD0..=0xFDEF)
        || code & 0xFFFE == 0xFFFE
    {
        None
    } else if ch.is_control() && !matches!(ch, '\n' | '\t' | '\r') {
        Some(' ')
    } else {
        Some(ch)
    }
}

/// A paragraph's runs.
pub type Runs = Vec<Inline>;

/// Plain runs from one string.
pub fn plain(text: impl Into<String>) -> Runs {
    vec![Inline::text(text)]
}

/// The visible text of some runs, as one string.
pub fn runs_text(runs: &[Inline]) -> String {
    runs.iter().map(Inline::as_str).collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the document's title, 2 a section, 3 a subsection.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Runs),
    Bullets(Vec<Runs>),
    /// A table whose header is repeated on every page it spans.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<Runs>>,
        /// Relative column widths, one per header cell.
        widths: Vec<u16>,
    },
    /// Lines kept together: a postal address, a letterhead.
    Address(Vec<String>),
    /// Fields for a reader to fill in: a fillable PDF form, an HTML form that composes
    /// an email to `send_to`.
    Form(Form),
    PageBreak,
}

/// A form's fields and where a filled form goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub fields: Vec<FormField>,
    /// The email address a filled-in HTML form is sent to.
    pub send_to: String,
    /// The email's subject.
    pub subject: String,
}

/// One field to fill in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    /// Its name in the PDF's `AcroForm` and the HTML form: "name", "contact".
    pub name: &'static str,
    /// What a person is asked, shown beside it and its accessible name.
    pub label: String,
    /// A hint under the label.
    pub hint: String,
    /// Lines of room: 1 is a one-line field.
    pub lines: u8,
    pub kind: FieldKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Email,
    Date,
}

impl Block {
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph(plain(text))
    }
}

/// A finished document: what it is, who it is from, and its content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    /// The shop, as the PDF's author.
    pub author: String,
    pub subject: String,
    /// The date the document carries (a notice's "last updated", a letter's date).
    pub date: Date,
    pub blocks: Vec<Block>,
}

impl Document {
    /// Every heading's text, in order.
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Heading { text, .. } => Some(text.as_str()),
            _ => None,
        })
    }

    /// The document as plain text, for email bodies and the clipboard: paragraphs
    /// separated by blank lines, bullets as "• ", table rows as "a — b" lines.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            let piece = match block {
                Block::Heading { text, .. } => text.clone(),
                Block::Paragraph(runs) => runs_text(runs),
                Block::Bullets(items) => items
                    .iter()
                    .map(|item| format!("• {}", runs_text(item)))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Block::Table { header, rows, .. } => {
                    let mut lines = vec![header.join(" — ")];
                    lines.extend(rows.iter().map(|row| {
                        row.iter()
                            .map(|cell| runs_text(cell))
                            .collect::<Vec<_>>()
                            .join(" — ")
                    }));
                    lines.join("\n")
                }
                Block::Address(lines) => lines.join("\n"),
                Block::Form(form) => form
                    .fields
                    .iter()
                    .map(|field| format!("{}: ", field.label))
                    .collect::<Vec<_>>()
                    .join("\n"),
                Block::PageBreak => continue,
            };
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&piece);
        }
        out.push('\n');
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_every_block_in_order() {
        let document = Document {
            title: "T".into(),
            author: "A".into(),
            subject: String::new(),
            date: jiff::civil::date(2026, 11, 24),
            blocks: vec![
                Block::heading(1, "Title"),
                Block::Paragraph(vec![Inline::text("Call "), Inline::bold("now")]),
                Block::Bullets(vec![plain("one"), plain("two")]),
                Block::PageBreak,
                Block::Table {
                    header: vec!["A".into(), "B".into()],
                    rows: vec![vec![plain("a1"), plain("b1")]],
                    widths: vec![1, 1],
                },
                Block::Address(vec!["1 Road".into(), "Town".into()]),
            ],
        };
        assert_eq!(
            document.plain_text(),
            "Title\n\nCall now\n\n• one\n• two\n\nA — B\na1 — b1\n\n1 Road\nTown\n"
        );
        assert_eq!(document.headings().collect::<Vec<_>>(), ["Title"]);
    }
}
