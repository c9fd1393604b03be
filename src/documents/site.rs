//! The shop's website kit: the public documents, under the file names
//! `smallprint website` gives them, linked to each other.

/// Whether a public document links to the others. In the kit they sit side by side, so
/// a relative link always finds its file; a document exported on its own names the
/// others in words, since where the shop puts them is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Links {
    #[default]
    None,
    Kit,
}

pub const PRIVACY: &str = "privacy.html";
pub const COMPLAINTS: &str = "complaints.html";
pub const FORM_HTML: &str = "complaint-form.html";
pub const FORM_PDF: &str = "complaint-form.pdf";
pub const COOKIES: &str = "cookies.html";

/// Every file of the kit, in the order `website` writes them.
pub const FILES: [&str; 5] = [PRIVACY, COMPLAINTS, FORM_HTML, FORM_PDF, COOKIES];

/// Whether `url` is one of the kit's own files: the only relative address a document
/// may link to.
pub fn is_kit_file(url: &str) -> bool {
    FILES.contains(&url)
}

impl Links {
    /// `text` linked to the kit's `file`, or the words alone outside the kit.
    pub fn to(self, text: &str, file: &str) -> super::model::Inline {
        match self {
            Links::Kit => super::model::Inline::link(text, file),
            Links::None => super::model::Inline::text(text),
        }
    }
}
