//! A document written before it is complete, for the shop to review, never to send: marked
//! "DRAFT — not yet complete" in its title (so in every PDF page's footer and the HTML
//! title), in its first heading and at its top, with what it lacks listed at its end.

use super::model::{Block, Document, Inline, plain};

/// Whether to write a document only when it is complete, or as a marked draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Finish {
    /// Refused while anything is missing.
    #[default]
    Final,
    /// Written whatever is missing, marked; a complete document is written as it is.
    Draft,
}

/// The mark a draft carries.
pub const DRAFT_MARK: &str = "DRAFT — not yet complete";

/// The heading of the list of gaps at a draft's end.
pub const NOT_YET_COMPLETE: &str = "What this draft still lacks";

/// Marks `document` as a draft: `warning` says why it must not go out as it is.
pub fn mark_draft(document: &mut Document, warning: &str, gaps: &[String]) {
    document.title = format!("{DRAFT_MARK} · {}", document.title);
    if let Some(Block::Heading { text, .. }) = document.blocks.first_mut() {
        *text = format!("{DRAFT_MARK} · {text}");
    }
    let paragraph = Block::Paragraph(vec![Inline::bold(format!(
        "{DRAFT_MARK}. {warning} ({}). The list is at the end.",
        crate::domain::validate::count(gaps.len(), "gap", "gaps")
    ))]);
    let at = usize::from(!document.blocks.is_empty());
    document.blocks.insert(at, paragraph);
    document.blocks.push(Block::heading(2, NOT_YET_COMPLETE));
    document
        .blocks
        .push(Block::Bullets(gaps.iter().map(plain).collect()));
}
