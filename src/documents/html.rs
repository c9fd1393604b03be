//! A [`Document`] as one standalone HTML file, ready to paste into a website: semantic
//! elements, `lang="en-GB"`, a little inline CSS, and every string from the user escaped.

use std::fmt::Write;

use super::model::{
    Block, Document, FieldKind, Form, Inline, Runs, published_char, safe_url, turns_direction,
};

/// `text` safe inside HTML text and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars().filter_map(published_char) {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// `text` escaped, and isolated with `dir="auto"` when it holds right-to-left text: a
/// name typed in Arabic keeps its own direction without turning the English sentence
/// around it, and a direction control typed into a field cannot leak past it.
fn text_html(text: &str) -> String {
    if text.chars().any(turns_direction) {
        format!("<span dir=\"auto\">{}</span>", escape(text))
    } else {
        escape(text)
    }
}

fn runs_html(runs: &Runs) -> String {
    runs.iter()
        .map(|run| match run {
            Inline::Text(text) => text_html(text),
            Inline::Bold(text) => format!("<strong>{}</strong>", text_html(text)),
            Inline::Link { text, url } => match safe_url(url) {
                Some(url) => format!("<a href=\"{}\">{}</a>", escape(url), text_html(text)),
                None => text_html(text),
            },
        })
        .collect()
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Noto Sans\",sans-serif;\
max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1b1b1b}\
h1{font-size:1.8rem;line-height:1.2}h2{margin-top:2rem;font-size:1.3rem}h3{font-size:1.05rem}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #c8ccd0;padding:.45rem;text-align:left;vertical-align:top}\
th{background:#eef0f2}address{font-style:normal;margin:0 0 1rem}a{color:#0b4aa6}\
input,textarea{font:inherit;width:100%;max-width:36rem;box-sizing:border-box;padding:.4rem;border:1px solid #5f6368}\
.hint{color:#4a4f55}button{font:inherit;padding:.5rem 1rem}";

/// A form that needs no script and no server: sending it asks the browser to compose an
/// email to the shop with the answers as text. Each field is labelled (its accessible
/// name) and described by its hint.
fn form_html(form: &Form, out: &mut String) {
    let action = safe_url(&format!("mailto:{}", form.send_to.trim())).map(|to| {
        format!(
            " action=\"{}?subject={}\" method=\"post\" enctype=\"text/plain\"",
            escape(to),
            percent_encoding::utf8_percent_encode(
                &form.subject,
                percent_encoding::NON_ALPHANUMERIC
            )
        )
    });
    let _ = writeln!(out, "<form{}>", action.as_deref().unwrap_or_default());
    for field in &form.fields {
        let id = format!("field-{}", field.name);
        let _ = write!(
            out,
            "<p><label for=\"{id}\"><strong>{}</strong></label>",
            text_html(&field.label)
        );
        let described = if field.hint.trim().is_empty() {
            String::new()
        } else {
            let _ = write!(
                out,
                "<br><span id=\"{id}-hint\" class=\"hint\">{}</span>",
                text_html(&field.hint)
            );
            format!(" aria-describedby=\"{id}-hint\"")
        };
        out.push_str("<br>");
        let name = escape(field.name);
        match (field.kind, field.lines) {
            (FieldKind::Text, 2..) => {
                let _ = write!(
                    out,
                    "<textarea id=\"{id}\" name=\"{name}\" rows=\"{}\"{described}></textarea>",
                    field.lines
                );
            }
            (kind, _) => {
                let (kind, complete) = match kind {
                    FieldKind::Email => ("email", " autocomplete=\"email\""),
                    FieldKind::Date => ("date", ""),
                    FieldKind::Text if field.name == "name" => ("text", " autocomplete=\"name\""),
                    FieldKind::Text => ("text", ""),
                };
                let _ = write!(
                    out,
                    "<input type=\"{kind}\" id=\"{id}\" name=\"{name}\"{complete}{described}>"
                );
            }
        }
        out.push_str("</p>\n");
    }
    if action.is_some() {
        out.push_str("<p><button type=\"submit\">Write the email</button></p>\n");
    }
    out.push_str("</form>\n");
}

/// The whole HTML file.
pub fn render(document: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<meta name=\"author\" content=\"{}\">\n\
         <meta name=\"description\" content=\"{}\">\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(&document.title),
        escape(&document.author),
        escape(&document.subject),
    );
    for block in &document.blocks {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", text_html(text));
            }
            Block::Paragraph(runs) => {
                let _ = writeln!(out, "<p>{}</p>", runs_html(runs));
            }
            Block::Bullets(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "  <li>{}</li>", runs_html(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Table { header, rows, .. } => {
                out.push_str("<table>\n<thead>\n<tr>");
                for cell in header {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", text_html(cell));
                }
                out.push_str("</tr>\n</thead>\n<tbody>\n");
                for row in rows {
                    out.push_str("<tr>");
                    for cell in row {
                        let _ = write!(out, "<td>{}</td>", runs_html(cell));
                    }
                    out.push_str("</tr>\n");
                }
                out.push_str("</tbody>\n</table>\n");
            }
            Block::Address(lines) => {
                let lines: Vec<String> = lines.iter().map(|l| text_html(l)).collect();
                let _ = writeln!(out, "<address>{}</address>", lines.join("<br>\n"));
            }
            Block::Form(form) => form_html(form, &mut out),
            Block::PageBreak => {}
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::plain;

    #[test]
    fn user_strings_are_escaped_everywhere_and_unsafe_links_are_text() {
        let evil = "<script>alert('x')</script>";
        let document = Document {
            title: evil.into(),
            author: evil.into(),
            subject: evil.into(),
            date: jiff::civil::date(2026, 11, 24),
            blocks: vec![
                Block::heading(2, evil),
                Block::Paragraph(vec![
                    Inline::bold(evil),
                    Inline::link(evil, "javascript:alert(1)"),
                    Inline::link("site", "https://example.com/?a=1&b=2"),
                    Inline::link("quoted", "https://example.com/\"onmouseover=\""),
                ]),
                Block::Bullets(vec![plain(evil)]),
                Block::Table {
                    header: vec![evil.into()],
                    rows: vec![vec![plain(evil)]],
                    widths: vec![1],
                },
                Block::Address(vec![evil.into()]),
            ],
        };
        let html = render(&document);
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("javascript:"));
        assert_eq!(html.matches("&lt;script&gt;").count(), 10);
        assert!(html.contains("href=\"https://example.com/?a=1&amp;b=2\""));
        assert!(
            !html.contains("onmouseover=\""),
            "a quote ends no attribute"
        );
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
    }

    #[test]
    fn right_to_left_text_is_isolated_and_latin_text_is_not() {
        let document = Document {
            title: "T".into(),
            author: String::new(),
            subject: String::new(),
            date: jiff::civil::date(2026, 12, 3),
            blocks: vec![
                Block::paragraph("Dear فاطمة Al-Sayed,"),
                Block::paragraph("Dear Ann Lee,"),
                Block::heading(2, "דוד כהן"),
            ],
        };
        let html = render(&document);
        assert!(html.contains("<p><span dir=\"auto\">Dear فاطمة Al-Sayed,</span></p>"));
        assert!(html.contains("<p>Dear Ann Lee,</p>"));
        assert!(html.contains("<h2><span dir=\"auto\">דוד כהן</span></h2>"));
        assert!(html.contains("<html lang=\"en-GB\">"));
    }
}
