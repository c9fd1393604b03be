//! A [`Document`] as Markdown (`CommonMark` with a GitHub-style table), for shops whose website
//! builder takes Markdown. User text is escaped so it can never become markup.

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

use super::model::{Block, Document, Inline, Runs, safe_url};

/// `text` with Markdown's punctuation escaped and line breaks flattened.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars().filter_map(super::model::published_char) {
        match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(ch),
        }
    }
    // A paragraph that starts "1. " or "- " would become a list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && matches!(out[digits..].chars().next(), Some('.' | ')')) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    }
    out
}

/// Punctuation as `CommonMark`'s emphasis rules mean it: Unicode punctuation and symbols.
fn is_punctuation(ch: char) -> bool {
    ch.is_ascii_punctuation()
        || matches!(
            ch.general_category_group(),
            GeneralCategoryGroup::Punctuation | GeneralCategoryGroup::Symbol
        )
}

/// Whether a `**` between `before` and `after` (`None`: the paragraph's edge) can open
/// or close emphasis, by `CommonMark`'s flanking rules: it cannot close after punctuation
/// with a letter straight after it, nor open before punctuation with a letter straight
/// before it.
fn can_close(before: char, after: Option<char>) -> bool {
    !before.is_whitespace()
        && (!is_punctuation(before)
            || after.is_none_or(|ch| ch.is_whitespace() || is_punctuation(ch)))
}

fn can_open(before: Option<char>, after: char) -> bool {
    !after.is_whitespace()
        && (!is_punctuation(after)
            || before.is_none_or(|ch| ch.is_whitespace() || is_punctuation(ch)))
}

/// Bold `text` between the characters `before` and `after` it: the markers go around
/// the words, the run's own spaces outside them, and punctuation that would stop the
/// markers working (`**Our reference:**R-1` prints its asterisks) moves outside too, so
/// every renderer shows the same words in bold, never a literal `*`.
fn bold_markdown(text: &str, before: Option<char>, after: Option<char>) -> String {
    let char_before = |at: usize| {
        if at == 0 {
            before
        } else {
            text[..at].chars().last()
        }
    };
    let char_after = |at: usize| {
        if at == text.len() {
            after
        } else {
            text[at..].chars().next()
        }
    };
    let mut low = text.len() - text.trim_start().len();
    let mut high = text.trim_end().len().max(low);
    while let Some(first) = text[low..high].chars().next() {
        if can_open(char_before(low), first) {
            break;
        }
        low += first.len_utf8();
    }
    while let Some(last) = text[low..high].chars().last() {
        if can_close(last, char_after(high)) {
            break;
        }
        high -= last.len_utf8();
    }
    if low >= high {
        return escape(text);
    }
    format!(
        "{}**{}**{}",
        escape(&text[..low]),
        escape(&text[low..high]),
        escape(&text[high..])
    )
}

fn runs_markdown(runs: &Runs) -> String {
    runs.iter()
        .enumerate()
        .map(|(index, run)| match run {
            Inline::Text(text) => escape(text),
            Inline::Bold(text) if text.trim().is_empty() => escape(text),
            Inline::Bold(text) => {
                let before = index
                    .checked_sub(1)
                    .and_then(|i| runs.get(i))
                    .and_then(|run| run.as_str().chars().last());
                let after = runs
                    .get(index + 1)
                    .and_then(|run| run.as_str().chars().next());
                bold_markdown(text, before, after)
            }
            Inline::Link { text, url } => match safe_url(url) {
                Some(url) if text.trim() == url => format!("<{url}>"),
                Some(url) => format!(
                    "[{}]({})",
                    escape(text),
                    url.replace('(', "%28").replace(')', "%29")
                ),
                None => escape(text),
            },
        })
        .collect()
}

/// The last line of a file with tables, which every `CommonMark` renderer reads as a
/// link reference definition and shows nothing of: plain `CommonMark` has no tables, so a
/// reader of the file learns why its rows may show as text.
pub const TABLES_NEED_GFM: &str = "[//]: # (Tables here are GitHub Flavored Markdown: GitHub, GitLab and most site builders show them; a plain CommonMark renderer shows their rows as text.)";

pub fn render(document: &Document) -> String {
    let mut parts: Vec<String> = Vec::new();
    for block in &document.blocks {
        let part = match block {
            Block::Heading { level, text } => {
                format!(
                    "{} {}",
                    "#".repeat(usize::from((*level).clamp(1, 6))),
                    escape(text)
                )
            }
            Block::Paragraph(runs) => runs_markdown(runs),
            Block::Bullets(items) => items
                .iter()
                .map(|item| format!("- {}", runs_markdown(item)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table { header, rows, .. } => {
                let mut lines = vec![
                    format!(
                        "| {} |",
                        header
                            .iter()
                            .map(|h| escape(h))
                            .collect::<Vec<_>>()
                            .join(" | ")
                    ),
                    format!("|{}", " --- |".repeat(header.len().max(1))),
                ];
                lines.extend(rows.iter().map(|row| {
                    format!(
                        "| {} |",
                        row.iter()
                            .map(runs_markdown)
                            .collect::<Vec<_>>()
                            .join(" | ")
                    )
                }));
                lines.join("\n")
            }
            // A backslash at the end of a line is CommonMark's visible hard break.
            Block::Address(lines) => lines
                .iter()
                .map(|line| escape(line))
                .collect::<Vec<_>>()
                .join("\\\n"),
            // Markdown has no fields: each becomes a line to answer in the email.
            Block::Form(form) => form
                .fields
                .iter()
                .map(|field| format!("- **{}:**", escape(&field.label)))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::PageBreak => continue,
        };
        parts.push(part);
    }
    if document
        .blocks
        .iter()
        .any(|block| matches!(block, Block::Table { .. }))
    {
        parts.push(TABLES_NEED_GFM.to_owned());
    }
    let mut out = parts.join("\n\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::plain;

    #[test]
    fn markup_in_user_text_stays_text() {
        assert_eq!(
            escape("*bold* [x](y) <b> #1 a|b"),
            "\\*bold\\* \\[x\\](y) \\<b\\> \\#1 a\\|b"
        );
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("- not a list"), "\\- not a list");
    }

    #[test]
    fn blocks_render_as_commonmark() {
        let document = Document {
            title: "T".into(),
            author: String::new(),
            subject: String::new(),
            date: jiff::civil::date(2026, 11, 24),
            blocks: vec![
                Block::heading(1, "Title"),
                Block::Paragraph(vec![
                    Inline::bold("Email"),
                    Inline::text(": "),
                    Inline::link("a@b.example", "mailto:a@b.example"),
                ]),
                Block::Bullets(vec![plain("one")]),
                Block::Table {
                    header: vec!["A".into(), "B".into()],
                    rows: vec![vec![plain("1"), plain("2")]],
                    widths: vec![1, 1],
                },
                Block::Address(vec!["1 Road".into(), "Town".into()]),
            ],
        };
        assert_eq!(
            render(&document),
            "# Title\n\n**Email**: [a@b.example](mailto:a@b.example)\n\n- one\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n1 Road\\\nTown\n\n".to_owned()
                + TABLES_NEED_GFM
                + "\n"
        );
    }
}
