//! A [`Document`] as Markdown (`CommonMark` with a GitHub-style table), for shops whose website
//! builder takes Markdown. User text is escaped so it can never become markup.

use super::model::{Block, Document, Inline, Runs, safe_url};

/// `text` with Markdown's punctuation escaped and line breaks flattened.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
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

fn runs_markdown(runs: &Runs) -> String {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) => escape(text),
            Inline::Bold(text) if text.trim().is_empty() => escape(text),
            // CommonMark closes `**` only where no space comes before it: the run's own
            // spaces go outside the markers, never lost ("**Our reference:** R-…").
            Inline::Bold(text) => {
                let inner = text.trim();
                let start = text.len() - text.trim_start().len();
                let end = start + inner.len();
                format!(
                    "{}**{}**{}",
                    escape(&text[..start]),
                    escape(inner),
                    escape(&text[end..])
                )
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
            Block::PageBreak => continue,
        };
        parts.push(part);
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
            "# Title\n\n**Email**: [a@b.example](mailto:a@b.example)\n\n- one\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\n1 Road\\\nTown\n"
        );
    }
}
