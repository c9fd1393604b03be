//! What the command line prints is safe to print: user text (a requester's name, what
//! happened in a breach) goes to a terminal, where an escape sequence would run (an
//! OSC 52 write to the clipboard, a cleared screen), a carriage return or a newline
//! would forge a row, and a right-to-left override would show a name reversed. Each is
//! printed as a visible escape instead; and tables size their columns to what they hold.

use std::{borrow::Cow, fmt::Write as _, io};

/// Characters that reorder text on screen (Unicode bidi embedding, override and
/// isolate controls, and the directional marks).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

fn needs_escape(c: char, keep_lines: bool) -> bool {
    if keep_lines && (c == '\n' || c == '\t') {
        return false;
    }
    // U+2028 and U+2029 end a line in some terminals, as a newline does.
    c.is_control() || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| needs_escape(c, keep_lines)) {
        return Cow::Borrowed(text);
    }
    let mut safe = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            _ if !needs_escape(c, keep_lines) => safe.push(c),
            '\n' => safe.push_str("\\n"),
            '\r' => safe.push_str("\\r"),
            '\t' => safe.push_str("\\t"),
            other => {
                let _ = write!(safe, "\\u{{{:04X}}}", u32::from(other));
            }
        }
    }
    Cow::Owned(safe)
}

/// `text` on one line: every control character (newlines too) and every bidi control
/// written as a visible escape. For a table cell or a one-line message.
pub fn safe_line(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// `text` as printed: line breaks and tabs kept, every other control character and
/// every bidi control written as a visible escape.
pub fn safe_text(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// Everything the command line writes passes through here, so no path can print a
/// raw escape sequence, whatever it forgets. Line breaks pass (tables make their cells
/// one line with [`safe_line`] themselves).
pub struct SafeWriter<'a> {
    inner: &'a mut dyn io::Write,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<'a> SafeWriter<'a> {
    pub fn new(inner: &'a mut dyn io::Write) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl io::Write for SafeWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut text = String::new();
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    text.push_str(valid);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, after) = rest.split_at(e.valid_up_to());
                    text.push_str(&String::from_utf8_lossy(valid));
                    if let Some(len) = e.error_len() {
                        // A byte that is not UTF-8: shown as U+FFFD, and on.
                        text.push('\u{FFFD}');
                        rest = &after[len..];
                    } else {
                        // The start of a character split between two writes: kept.
                        rest = after;
                        break;
                    }
                }
            }
        }
        self.pending = rest.to_vec();
        self.inner.write_all(safe_text(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner.write_all(safe_text(&rest).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl Drop for SafeWriter<'_> {
    fn drop(&mut self) {
        let _ = io::Write::flush(self);
    }
}

/// How a column lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// Prints a table whose columns are as wide as their widest cell (measured as the
/// terminal shows it, so "(ack)" or a name in another script never pushes a row out of
/// line), each cell on one line. The last column is not padded.
pub fn print_table(
    out: &mut dyn io::Write,
    headers: &[(&str, Align)],
    rows: &[Vec<String>],
) -> io::Result<()> {
    use textwrap::core::display_width;
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|cell| safe_line(cell).into_owned())
                .collect()
        })
        .collect();
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(column, (header, _))| {
            cells
                .iter()
                .filter_map(|row| row.get(column))
                .map(|cell| display_width(cell))
                .chain([display_width(header)])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |row: Vec<&str>| -> String {
        let last = row.len().saturating_sub(1);
        let mut text = String::new();
        for (column, cell) in row.into_iter().enumerate() {
            let pad = widths[column].saturating_sub(display_width(cell));
            let align = headers.get(column).map_or(Align::Left, |h| h.1);
            if column > 0 {
                text.push_str("  ");
            }
            match align {
                Align::Right => {
                    text.push_str(&" ".repeat(pad));
                    text.push_str(cell);
                }
                Align::Left if column == last => text.push_str(cell),
                Align::Left => {
                    text.push_str(cell);
                    text.push_str(&" ".repeat(pad));
                }
            }
        }
        text
    };
    writeln!(out, "{}", line(headers.iter().map(|(h, _)| *h).collect()))?;
    for row in &cells {
        writeln!(out, "{}", line(row.iter().map(String::as_str).collect()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn escapes_and_bidi_controls_are_shown_not_sent() {
        let hostile = "Eve\u{1b}]52;c;aGk=\u{7}\u{202E}gnp.exe\nClosed";
        let line = safe_line(hostile);
        assert!(!line.chars().any(|c| c.is_control() || is_bidi_control(c)));
        assert!(line.contains("\\u{001B}") && line.contains("\\u{202E}") && line.contains("\\n"));
        assert_eq!(safe_text("two\nlines\ttab"), "two\nlines\ttab");
        assert_eq!(safe_line("Zoë Ng 李"), "Zoë Ng 李");
    }

    #[test]
    fn the_writer_escapes_across_split_writes() {
        let mut sink = Vec::new();
        {
            let mut safe = SafeWriter::new(&mut sink);
            let bytes = "é\u{1b}[2J".as_bytes();
            safe.write_all(&bytes[..1]).expect("write");
            safe.write_all(&bytes[1..]).expect("write");
        }
        assert_eq!(String::from_utf8(sink).expect("utf-8"), "é\\u{001B}[2J");
        // A bad byte, then a character split across writes: the bad byte is U+FFFD,
        // the split character whole.
        let mut sink = Vec::new();
        {
            let mut safe = SafeWriter::new(&mut sink);
            let e_acute = "é".as_bytes();
            safe.write_all(&[b'a', 0xFF, b'b', e_acute[0]])
                .expect("write");
            safe.write_all(&e_acute[1..]).expect("write");
        }
        assert_eq!(String::from_utf8(sink).expect("utf-8"), "a\u{FFFD}bé");
    }

    #[test]
    fn columns_fit_their_widest_cell() {
        let mut out = Vec::new();
        print_table(
            &mut out,
            &[
                ("REF", Align::Left),
                ("DUE", Align::Left),
                ("N", Align::Right),
                ("WHO", Align::Left),
            ],
            &[
                vec![
                    "R-1".into(),
                    "2026-12-30 (ack)".into(),
                    "5".into(),
                    "A\nB".into(),
                ],
                vec!["R-22".into(), "now".into(), "12".into(), "李".into()],
            ],
        )
        .expect("print");
        let text = String::from_utf8(out).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        let who: Vec<usize> = lines
            .iter()
            .map(|l| textwrap::core::display_width(&l[..l.rfind("  ").expect("columns")]))
            .collect();
        assert!(who.windows(2).all(|w| w[0] == w[1]), "{text}");
        assert!(lines[1].ends_with("A\\nB"));
    }
}
