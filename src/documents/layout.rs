//! Typesetting a [`Document`] onto A4 pages: text shaped in the shipped fonts, Unicode
//! line breaking, right-to-left text put in drawing order (UAX #9), wrapping,
//! pagination, tables that repeat their header on every page they span, headings kept
//! with what follows, and "Page N of M" footers — and the structure each line belongs
//! to, for the tagged PDF.
//!
//! The PDF writer draws what it is told and no more, so this is where a document
//! becomes positioned pieces of text; `pdf.rs` only writes them out. Kept apart so tests
//! can check the geometry (nothing outside the page, nothing lost at a break) directly.

// Line counts and point sizes are small numbers; the casts between them cannot lose anything.
#![allow(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "line counts and point sizes are small numbers; the casts cannot lose anything"
)]

use textwrap::{WordSeparator, core::Fragment, wrap_algorithms::wrap_first_fit};
use unicode_bidi::{BidiInfo, Level};

use super::{
    fonts::{self, Face},
    model::{Block, Document, Form, Inline, turns_direction},
};

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
/// 20 mm either side.
pub const MARGIN_X: f32 = 56.69;
pub const MARGIN_TOP: f32 = 56.69;
/// Room below the text for the footer.
pub const MARGIN_BOTTOM: f32 = 70.0;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 36.0;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_X;

const CELL_PADDING: f32 = 4.0;
/// Room between one form field's box and the next label.
const FIELD_GAP: f32 = 10.0;
/// A table row splits across pages only if at least this many of its lines fit.
const MIN_SPLIT_LINES: usize = 2;
const BULLET_INDENT: f32 = 14.0;

#[derive(Debug, Clone, Copy)]
struct TextStyle {
    size: f32,
    leading: f32,
    bold: bool,
}

const BODY: TextStyle = TextStyle {
    size: 10.0,
    leading: 14.0,
    bold: false,
};
const FOOTER: TextStyle = TextStyle {
    size: 8.0,
    leading: 10.0,
    bold: false,
};

fn heading_style(level: u8) -> (TextStyle, f32) {
    // (style, space before)
    match level {
        0 | 1 => (
            TextStyle {
                size: 20.0,
                leading: 25.0,
                bold: true,
            },
            0.0,
        ),
        2 => (
            TextStyle {
                size: 13.5,
                leading: 17.0,
                bold: true,
            },
            12.0,
        ),
        _ => (
            TextStyle {
                size: 11.0,
                leading: 14.5,
                bold: true,
            },
            8.0,
        ),
    }
}

/// A stretch of one line drawn in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// From the page's left edge, in points.
    pub x: f32,
    pub width: f32,
    pub text: String,
    pub face: Face,
    pub link: Option<String>,
    /// Set right to left (an odd bidirectional level): shaped and drawn so.
    pub rtl: bool,
}

/// One line of text on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// From the page's top edge to the baseline, in points.
    pub baseline: f32,
    pub size: f32,
    /// Drawn grey (footers).
    pub muted: bool,
    /// Left to right as drawn.
    pub pieces: Vec<Piece>,
    /// The structure element the line belongs to ([`Layout::nodes`]); `None` for page
    /// furniture (footers, a table header repeated overleaf), which a reader skips.
    pub node: Option<usize>,
    /// The line as typed, when right-to-left text made the drawing order differ.
    pub logical: Option<String>,
}

impl Line {
    /// The line's text in reading (logical) order.
    pub fn text(&self) -> String {
        self.logical.clone().unwrap_or_else(|| {
            self.pieces
                .iter()
                .map(|piece| piece.text.as_str())
                .collect()
        })
    }
}

/// What a structure element is: the tagged PDF's reading structure, which a screen
/// reader follows instead of the page's geometry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph,
    List,
    ListItem,
    /// A list item's bullet.
    Label,
    ListBody,
    Table,
    Row,
    HeaderCell,
    Cell,
    /// A form field: its widget, [`Layout::fields`] at this index.
    Form(usize),
}

/// A structure element and its parent (`None`: a child of the document). Parents come
/// before their children, and siblings in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub role: Role,
    pub parent: Option<usize>,
}

/// A document laid out: its pages and the structure their lines belong to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    pub pages: Vec<Page>,
    pub nodes: Vec<Node>,
    /// The form fields; each one's box is a [`Mark::FieldBox`] on its page.
    pub fields: Vec<FieldBox>,
}

/// What a form field is: its box, where its widget goes, is the page's mark.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldBox {
    pub name: &'static str,
    pub label: String,
    pub multiline: bool,
    /// Its structure element ([`Role::Form`]).
    pub node: usize,
}

/// What a page holds, in top-down coordinates.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Text(Line),
    /// A horizontal rule at `y` from `x1` to `x2`.
    Rule {
        y: f32,
        x1: f32,
        x2: f32,
    },
    /// A form field's box, which its widget fills ([`Layout::fields`] at `field`).
    FieldBox {
        field: usize,
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
    /// A shaded band (a table's header row).
    Shade {
        x: f32,
        top: f32,
        width: f32,
        height: f32,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub marks: Vec<Mark>,
}

impl Page {
    pub fn lines(&self) -> impl Iterator<Item = &Line> {
        self.marks.iter().filter_map(|mark| match mark {
            Mark::Text(line) => Some(line),
            _ => None,
        })
    }
}

/// Lays `document` out on as many A4 pages as it needs.
pub fn layout(document: &Document) -> Vec<Page> {
    laid_out(document).pages
}

/// Lays `document` out, with the structure its lines belong to.
pub fn laid_out(document: &Document) -> Layout {
    let mut setter = Typesetter::new();
    for (index, block) in document.blocks.iter().enumerate() {
        let keep_with = document
            .blocks
            .get(index + 1)
            .map_or(0.0, first_lines_height);
        setter.block(block, keep_with);
    }
    let mut pages = setter.pages;
    add_footers(&mut pages, &document.title);
    Layout {
        pages,
        nodes: setter.nodes,
        fields: setter.fields,
    }
}

/// How much of a block must follow a heading on the same page.
fn first_lines_height(block: &Block) -> f32 {
    match block {
        Block::Heading { level, .. } => {
            let (style, before) = heading_style(*level);
            before + style.leading + 2.0 * BODY.leading
        }
        Block::Paragraph(_) | Block::Bullets(_) => 2.0 * BODY.leading,
        Block::Table { .. } => 2.0 * (BODY.leading + 2.0 * CELL_PADDING),
        Block::Address(lines) => BODY.leading * lines.len().min(8) as f32,
        Block::Form(_) => 3.0 * BODY.leading,
        Block::PageBreak => 0.0,
    }
}

fn add_footers(pages: &mut [Page], title: &str) {
    let count = pages.len();
    // The title is cut once, to fit beside the widest page number: set again for every
    // page, a long shop name cost seconds on a long document.
    let widest = format!("Page {count} of {count}");
    let widest_width = set(&[Inline::text(widest)], FOOTER).width();
    let room_for_title = (PAGE_WIDTH - 2.0 * MARGIN_X - widest_width - 24.0).max(0.0);
    let title = truncated(title, room_for_title, FOOTER);
    let (title_pieces, title_logical) = pieces_of(&title, MARGIN_X, FOOTER);
    for (index, page) in pages.iter_mut().enumerate() {
        let number = format!("Page {} of {count}", index + 1);
        let number_width = set(&[Inline::text(number.clone())], FOOTER).width();
        let number_x = PAGE_WIDTH - MARGIN_X - number_width;
        let mut pieces = title_pieces.clone();
        let logical = title_logical
            .as_ref()
            .map(|title| format!("{title} {number}"));
        pieces.extend(pieces_of(&number, number_x, FOOTER).0);
        page.marks.push(Mark::Text(Line {
            baseline: FOOTER_BASELINE,
            size: FOOTER.size,
            muted: true,
            pieces,
            node: None,
            logical,
        }));
    }
}

/// `text` cut to fit `width`, ending "…" when cut (never inside a cluster of letters
/// and marks that print as one).
fn truncated(text: &str, width: f32, style: TextStyle) -> String {
    // No line holds more than a few hundred characters: the rest need not be set to
    // know they are cut.
    const ENOUGH: usize = 600;
    let clean = match text.char_indices().nth(ENOUGH) {
        Some((at, _)) => sanitize(&text[..at]),
        None => sanitize(text),
    };
    let whole = set(&[Inline::text(clean.clone())], style);
    if whole.width() <= width && clean.len() == text.len() {
        return clean;
    }
    let ellipsis = set(&[Inline::text("…")], style).width();
    // A cluster's advance is its first character's, so the cut comes before the first
    // cluster that would push the ellipsis past the edge.
    let mut used = 0.0;
    let end = whole
        .glyphs
        .iter()
        .filter(|glyph| glyph.cluster_start)
        .find(|glyph| {
            used += glyph.advance;
            used + ellipsis > width
        })
        .map_or(whole.text.len(), |glyph| glyph.byte);
    let mut out = whole.text[..end].to_owned();
    out.push('…');
    out
}

/// Control characters (tabs, stray newlines) and line or paragraph separators would
/// print as boxes or split the line's direction. Explicit direction overrides,
/// embeddings and isolates typed into a field (U+202A to U+202E, U+2066 to U+2069) would
/// turn the rest of a letter's line around them (spoofing what it says), so they are
/// dropped; a name's own letters still take their direction from the bidirectional
/// algorithm.
pub(crate) fn sanitize(text: &str) -> String {
    text.chars()
        .filter_map(super::model::published_char)
        .map(|ch| {
            if ch.is_control() || matches!(ch, '\u{2028}' | '\u{2029}') {
                ' '
            } else {
                ch
            }
        })
        .collect()
}

/// `text` as one line of pieces in one style from `x`, in drawing order, and its
/// logical text when right-to-left text reordered it.
fn pieces_of(text: &str, x: f32, style: TextStyle) -> (Vec<Piece>, Option<String>) {
    let shaped = set(&[Inline::text(text.to_owned())], style);
    let line = shaped.line(0, shaped.glyphs.len());
    (line.placed_at(x), line.logical)
}

/// One character of a paragraph being set.
#[derive(Debug, Clone, Copy)]
struct Glyph {
    byte: usize,
    ch: char,
    link: Option<usize>,
    face: Face,
    /// The advance of the cluster this character starts, 0 for the rest of a cluster
    /// (a mark, or a letter that shaping joined into the one before).
    advance: f32,
    /// Whether a line may be cut before this character.
    cluster_start: bool,
}

/// Runs of text set in one style: every character with its face and advance, measured
/// as shaped, so that what is wrapped is what will be drawn.
struct Set {
    text: String,
    glyphs: Vec<Glyph>,
    links: Vec<String>,
}

/// `runs` set in `style`: faces chosen character by character ([`fonts::face_after`]), and
/// each stretch in one face shaped when its script needs it, its clusters' advances
/// given to their first character.
fn set(runs: &[Inline], style: TextStyle) -> Set {
    let length: usize = runs.iter().map(|run| run.as_str().len()).sum();
    let mut text = String::with_capacity(length);
    let mut glyphs: Vec<Glyph> = Vec::with_capacity(length);
    let mut links: Vec<String> = Vec::new();
    let mut shaping_needed = false;
    for run in runs {
        let (bold, link) = match run {
            Inline::Text(_) => (style.bold, None),
            Inline::Bold(_) => (true, None),
            Inline::Link { url, .. } => {
                links.push(url.clone());
                (style.bold, Some(links.len() - 1))
            }
        };
        for ch in sanitize(run.as_str()).chars() {
            let face = fonts::face_after(glyphs.last().map(|g| g.face), ch, bold);
            shaping_needed |= face.is_complex() || fonts::attaches_to_previous(ch);
            glyphs.push(Glyph {
                byte: text.len(),
                ch,
                link,
                face,
                advance: fonts::advance(face, ch, style.size),
                cluster_start: true,
            });
            text.push(ch);
        }
    }
    if shaping_needed {
        shape_stretches(&text, &mut glyphs, style.size);
    }
    Set {
        text,
        glyphs,
        links,
    }
}

/// Replaces the advances of every stretch of one face that needs shaping by its shaped
/// clusters' advances.
fn shape_stretches(text: &str, glyphs: &mut [Glyph], size: f32) {
    let mut first = 0;
    while first < glyphs.len() {
        let face = glyphs[first].face;
        let mut last = first;
        while last + 1 < glyphs.len() && glyphs[last + 1].face == face {
            last += 1;
        }
        let start = glyphs[first].byte;
        let end = glyphs.get(last + 1).map_or(text.len(), |g| g.byte);
        let stretch = &text[start..end];
        if fonts::needs_shaping(face, stretch) {
            let run = &mut glyphs[first..=last];
            for glyph in run.iter_mut() {
                glyph.advance = 0.0;
                glyph.cluster_start = false;
            }
            for shaped in fonts::shape(face, stretch, None) {
                let at = run.partition_point(|g| g.byte - start < shaped.cluster);
                if let Some(glyph) = run.get_mut(at) {
                    glyph.advance += shaped.x_advance * size;
                    glyph.cluster_start = true;
                }
            }
            if let Some(head) = run.first_mut() {
                head.cluster_start = true;
            }
        }
        first = last + 1;
    }
}

impl Set {
    fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }

    /// Glyphs `from..to` as one line from x = 0: pieces of one face and link, put in
    /// drawing order by the bidirectional algorithm when right-to-left text is in it.
    fn line(&self, from: usize, to: usize) -> WrappedLine {
        let glyphs = &self.glyphs[from..to];
        let Some(first) = glyphs.first() else {
            return WrappedLine {
                pieces: Vec::new(),
                logical: None,
            };
        };
        let base = first.byte;
        let end = self.glyphs.get(to).map_or(self.text.len(), |g| g.byte);
        let line_text = &self.text[base..end];
        let reorder = line_text.chars().any(turns_direction);
        let bidi = reorder.then(|| BidiInfo::new(line_text, Some(Level::ltr())));
        let level_at = |byte: usize| {
            bidi.as_ref()
                .and_then(|info| info.levels.get(byte - base))
                .copied()
                .unwrap_or_else(Level::ltr)
        };
        // Pieces in logical order, with where each starts and its bidirectional level.
        let mut pieces: Vec<(Piece, usize, Level)> = Vec::new();
        for glyph in glyphs {
            let link = glyph.link.and_then(|i| self.links.get(i)).cloned();
            let level = level_at(glyph.byte);
            match pieces.last_mut() {
                Some((piece, _, piece_level))
                    if piece.face == glyph.face && piece.link == link && *piece_level == level =>
                {
                    piece.text.push(glyph.ch);
                    piece.width += glyph.advance;
                }
                _ => pieces.push((
                    Piece {
                        x: 0.0,
                        width: glyph.advance,
                        text: glyph.ch.to_string(),
                        face: glyph.face,
                        link,
                        rtl: level.is_rtl(),
                    },
                    glyph.byte,
                    level,
                )),
            }
        }
        let ordered: Vec<Piece> = match &bidi {
            Some(info) if info.paragraphs.len() == 1 => {
                let (_, runs) = info.visual_runs(&info.paragraphs[0], 0..line_text.len());
                let mut ordered = Vec::with_capacity(pieces.len());
                for run in runs {
                    let inside = pieces
                        .iter()
                        .filter(|(_, start, _)| run.contains(&(start - base)))
                        .map(|(piece, _, _)| piece.clone());
                    if level_at(base + run.start).is_rtl() {
                        ordered.extend(inside.rev());
                    } else {
                        ordered.extend(inside);
                    }
                }
                ordered
            }
            _ => pieces.into_iter().map(|(piece, _, _)| piece).collect(),
        };
        let mut pen = 0.0;
        let pieces = ordered
            .into_iter()
            .map(|mut piece| {
                piece.x = pen;
                pen += piece.width;
                piece
            })
            .collect();
        WrappedLine {
            pieces,
            logical: reorder.then(|| line_text.to_owned()),
        }
    }
}

/// A word (or a piece of one too long for a line) and the space after it.
#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    end: usize,
    width: f32,
    space_width: f32,
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        f64::from(self.width)
    }
    fn whitespace_width(&self) -> f64 {
        f64::from(self.space_width)
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// A wrapped line, its pieces placed from x = 0.
#[derive(Debug, Clone)]
struct WrappedLine {
    pieces: Vec<Piece>,
    logical: Option<String>,
}

impl WrappedLine {
    /// The line's pieces moved to start at `x`.
    fn placed_at(&self, x: f32) -> Vec<Piece> {
        self.pieces
            .iter()
            .cloned()
            .map(|mut piece| {
                piece.x += x;
                piece
            })
            .collect()
    }
}

/// Breaks `runs` into lines no wider than `max_width`: at Unicode line-break
/// opportunities (spaces, and between CJK ideographs), and inside a word only when the
/// word alone is wider than a line (a long web address, say).
fn wrap(runs: &[Inline], style: TextStyle, max_width: f32) -> Vec<WrappedLine> {
    let shaped = set(runs, style);
    let (text, glyphs) = (&shaped.text, &shaped.glyphs);
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Vec::new();
    }
    let base = text.len() - text.trim_start().len();
    let glyph_at = |byte: usize| glyphs.partition_point(|g| g.byte < byte);
    let span_width = |from: usize, to: usize| glyphs[from..to].iter().map(|g| g.advance).sum();

    let mut frags: Vec<Frag> = Vec::with_capacity(glyphs.len() / 4 + 1);
    for unit in units(trimmed, base, &glyph_at, &span_width, max_width) {
        let (start, end, space_end) = (unit.start, unit.end, unit.space_end);
        let width: f32 = span_width(start, end);
        let space_width = span_width(end, space_end);
        if width <= max_width {
            frags.push(Frag {
                start,
                end,
                width,
                space_width,
            });
            continue;
        }
        // Too wide for any line: cut it where the line is full.
        let mut chunk_start = start;
        let mut chunk_width = 0.0;
        for (index, glyph) in glyphs.iter().enumerate().take(end).skip(start) {
            let advance = glyph.advance;
            if chunk_width + advance > max_width && index > chunk_start && glyph.cluster_start {
                frags.push(Frag {
                    start: chunk_start,
                    end: index,
                    width: chunk_width,
                    space_width: 0.0,
                });
                chunk_start = index;
                chunk_width = 0.0;
            }
            chunk_width += advance;
        }
        frags.push(Frag {
            start: chunk_start,
            end,
            width: chunk_width,
            space_width,
        });
    }

    wrap_first_fit(&frags, &[f64::from(max_width)])
        .into_iter()
        .filter_map(|line| {
            let (first, last) = (line.first()?, line.last()?);
            Some(shaped.line(first.start, last.end))
        })
        .collect()
}

/// A piece of a line that is never broken inside unless it is wider than a line, as
/// glyph indices: the text, then the space after it.
#[derive(Debug, Clone, Copy)]
struct Unit {
    start: usize,
    end: usize,
    space_end: usize,
}

/// Whether a run of text with no space in it is a web or email address.
fn is_address(token: &str) -> bool {
    let lower = token.to_ascii_lowercase();
    lower.contains("://") || lower.starts_with("www.") || lower.starts_with("mailto:")
}

/// Where an address may break when it is too long for a line: after a `/` or a `.`,
/// never within or straight after its scheme ("https://" alone at a line's end says
/// nothing), and never after its last character. Byte offsets within `token`.
fn address_breaks(token: &str) -> Vec<usize> {
    let lower = token.to_ascii_lowercase();
    let scheme_end = lower
        .find("://")
        .map(|i| i + 3)
        .or_else(|| lower.starts_with("mailto:").then_some("mailto:".len()))
        .unwrap_or(0);
    token
        .char_indices()
        .filter(|(_, ch)| matches!(ch, '/' | '.'))
        .map(|(i, ch)| i + ch.len_utf8())
        .filter(|&after| after > scheme_end && after < token.len())
        .collect()
}

/// Characters whose line-break behaviour [`prose_words`] reproduces: ASCII, Latin
/// letters with accents, typographic quotes and apostrophes, dashes and the ellipsis.
fn plain_prose(ch: char) -> bool {
    ch.is_ascii()
        || (ch.is_alphabetic() && (ch as u32) < 0x0250)
        || matches!(ch, '‘' | '’' | '“' | '”' | '–' | '—' | '…')
}

/// The words of plain prose `text` (starting at byte `base`) as byte ranges: a word ends
/// at spaces, which belong to it, after a hyphen between two letters ("record-"
/// "keeping") and after a dash with no space after it. This is what UAX #14 finds in
/// such text, without the general algorithm's cost (a fifth of laying out a notice).
fn ascii_words(text: &str, base: usize, words: &mut Vec<(usize, usize, usize)>) {
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((at, ch)) = chars.next() {
        if ch == ' ' {
            let mut space_end = at + 1;
            while let Some(&(next, ' ')) = chars.peek() {
                space_end = next + 1;
                chars.next();
            }
            words.push((base + start, base + at, base + space_end));
            start = space_end;
            previous = None;
            continue;
        }
        let next = chars.peek().map(|&(_, next)| next);
        let breaks_after = match ch {
            '-' => {
                previous.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic)
            }
            '–' | '—' => next.is_some_and(|next| next != ' '),
            _ => false,
        };
        previous = Some(ch);
        if breaks_after {
            let end = at + ch.len_utf8();
            words.push((base + start, base + end, base + end));
            start = end;
        }
    }
    if start < text.len() {
        words.push((base + start, base + text.len(), base + text.len()));
    }
}

/// The unbreakable units of `text` (which starts at byte `base` of the glyphs' text):
/// Unicode line-break opportunities (UAX #14), except inside a web or email address,
/// which breaks only where [`address_breaks`] allows, and only when it does not fit on a
/// line whole.
fn units(
    text: &str,
    base: usize,
    glyph_at: &dyn Fn(usize) -> usize,
    span_width: &dyn Fn(usize, usize) -> f32,
    max_width: f32,
) -> Vec<Unit> {
    // Words as byte ranges (start, end of word, end of its space); a run of words with
    // no space between them is one token (an address breaks into several words).
    let mut words: Vec<(usize, usize, usize)> = Vec::with_capacity(text.len() / 5 + 1);
    if text.chars().all(plain_prose) {
        ascii_words(text, base, &mut words);
    } else {
        let mut offset = base;
        for word in WordSeparator::UnicodeBreakProperties.find_words(text) {
            let end = offset + word.word.len();
            let space_end = end + word.whitespace.len();
            words.push((offset, end, space_end));
            offset = space_end + word.penalty.len();
        }
    }
    let unit = |start: usize, end: usize, space_end: usize| Unit {
        start: glyph_at(start),
        end: glyph_at(end),
        space_end: glyph_at(space_end),
    };
    let mut units = Vec::with_capacity(words.len());
    let mut first = 0;
    while first < words.len() {
        let mut last = first;
        while last + 1 < words.len() && words[last].1 == words[last].2 {
            last += 1;
        }
        let token = &words[first..=last];
        first = last + 1;
        let (start, end, space_end) = (
            token[0].0,
            token[token.len() - 1].1,
            token[token.len() - 1].2,
        );
        let token_text = &text[start - base..end - base];
        if token.len() == 1 || !is_address(token_text) {
            units.extend(
                token
                    .iter()
                    .map(|&(start, end, space_end)| unit(start, end, space_end)),
            );
        } else if span_width(glyph_at(start), glyph_at(end)) <= max_width {
            units.push(unit(start, end, space_end));
        } else {
            let mut from = start;
            for at in address_breaks(token_text) {
                units.push(unit(from, start + at, start + at));
                from = start + at;
            }
            units.push(unit(from, end, space_end));
        }
    }
    units
}

struct Typesetter {
    pages: Vec<Page>,
    /// The top of the free space on the current page, from the page's top edge.
    y: f32,
    nodes: Vec<Node>,
    fields: Vec<FieldBox>,
}

impl Typesetter {
    fn new() -> Self {
        Self {
            pages: vec![Page::default()],
            y: MARGIN_TOP,
            nodes: Vec::new(),
            fields: Vec::new(),
        }
    }

    /// A new structure element, after its parent's other children.
    fn node(&mut self, role: Role, parent: Option<usize>) -> usize {
        self.nodes.push(Node { role, parent });
        self.nodes.len() - 1
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Page::default());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = MARGIN_TOP;
    }

    fn room(&self) -> f32 {
        PAGE_HEIGHT - MARGIN_BOTTOM - self.y
    }

    fn at_page_top(&self) -> bool {
        self.y <= MARGIN_TOP + 0.01
    }

    /// Starts a new page unless `height` fits here (or nothing would fit better).
    fn ensure(&mut self, height: f32) {
        if self.room() < height && !self.at_page_top() {
            self.new_page();
        }
    }

    fn gap(&mut self, height: f32) {
        if !self.at_page_top() {
            self.y += height;
        }
    }

    /// Puts one wrapped line at `x`, part of structure element `node`, on a new page if it
    /// does not fit; `label` (a bullet, and its element) is drawn at the line's start.
    fn line(
        &mut self,
        x: f32,
        line: &WrappedLine,
        style: TextStyle,
        node: usize,
        label: Option<(Piece, usize)>,
    ) {
        self.ensure(style.leading);
        let baseline = self.y + style.leading * 0.78;
        if let Some((piece, label_node)) = label {
            self.page().marks.push(Mark::Text(Line {
                baseline,
                size: style.size,
                muted: false,
                pieces: vec![piece],
                node: Some(label_node),
                logical: None,
            }));
        }
        let logical = line.logical.clone();
        let pieces = line.placed_at(x);
        self.page().marks.push(Mark::Text(Line {
            baseline,
            size: style.size,
            muted: false,
            pieces,
            node: Some(node),
            logical,
        }));
        self.y += style.leading;
    }

    fn block(&mut self, block: &Block, keep_with: f32) {
        match block {
            Block::Heading { level, text } => {
                let (style, before) = heading_style(*level);
                let lines = wrap(&[Inline::text(text.clone())], style, CONTENT_WIDTH);
                self.gap(before);
                self.ensure(style.leading * lines.len() as f32 + 4.0 + keep_with);
                let node = self.node(
                    Role::Heading {
                        level: *level,
                        text: sanitize(text),
                    },
                    None,
                );
                for line in lines {
                    self.line(MARGIN_X, &line, style, node, None);
                }
                self.y += if *level <= 1 { 8.0 } else { 4.0 };
            }
            Block::Paragraph(runs) => {
                let node = self.node(Role::Paragraph, None);
                for line in wrap(runs, BODY, CONTENT_WIDTH) {
                    self.line(MARGIN_X, &line, BODY, node, None);
                }
                self.gap(6.0);
            }
            Block::Bullets(items) => {
                let list = self.node(Role::List, None);
                for item in items {
                    let lines = wrap(item, BODY, CONTENT_WIDTH - BULLET_INDENT);
                    let entry = self.node(Role::ListItem, Some(list));
                    let label = self.node(Role::Label, Some(entry));
                    let body = self.node(Role::ListBody, Some(entry));
                    for (index, line) in lines.into_iter().enumerate() {
                        let bullet = (index == 0)
                            .then(|| pieces_of("•", MARGIN_X + 3.0, BODY).0.into_iter().next())
                            .flatten()
                            .map(|piece| (piece, label));
                        self.line(MARGIN_X + BULLET_INDENT, &line, BODY, body, bullet);
                    }
                    self.gap(2.0);
                }
                self.gap(4.0);
            }
            Block::Address(lines) => {
                let wrapped: Vec<WrappedLine> = lines
                    .iter()
                    .flat_map(|line| wrap(&[Inline::text(line.clone())], BODY, CONTENT_WIDTH))
                    .collect();
                self.ensure(BODY.leading * wrapped.len() as f32);
                let node = self.node(Role::Paragraph, None);
                for line in wrapped {
                    self.line(MARGIN_X, &line, BODY, node, None);
                }
                self.gap(8.0);
            }
            Block::Table {
                header,
                rows,
                widths,
            } => self.table(header, rows, widths),
            Block::Form(form) => self.form(form),
            Block::PageBreak => {
                if !self.at_page_top() {
                    self.new_page();
                }
            }
        }
    }

    /// Each field: its label in bold, its hint, then its box, kept together on a page.
    fn form(&mut self, form: &Form) {
        let label_style = TextStyle { bold: true, ..BODY };
        for field in &form.fields {
            let label = wrap(
                &[Inline::text(field.label.clone())],
                label_style,
                CONTENT_WIDTH,
            );
            let hint = if field.hint.trim().is_empty() {
                Vec::new()
            } else {
                wrap(&[Inline::text(field.hint.clone())], BODY, CONTENT_WIDTH)
            };
            let height = f32::from(field.lines.max(1)) * BODY.leading + 2.0 * CELL_PADDING;
            self.ensure((label.len() + hint.len()) as f32 * BODY.leading + height + FIELD_GAP);
            let label_node = self.node(Role::Paragraph, None);
            for line in label {
                self.line(MARGIN_X, &line, label_style, label_node, None);
            }
            if !hint.is_empty() {
                let hint_node = self.node(Role::Paragraph, None);
                for line in hint {
                    self.line(MARGIN_X, &line, BODY, hint_node, None);
                }
            }
            self.y += 2.0;
            let index = self.fields.len();
            let node = self.node(Role::Form(index), None);
            self.fields.push(FieldBox {
                name: field.name,
                label: sanitize(&field.label),
                multiline: field.lines > 1,
                node,
            });
            let top = self.y;
            self.page().marks.push(Mark::FieldBox {
                field: index,
                x: MARGIN_X,
                top,
                width: CONTENT_WIDTH,
                height,
            });
            self.y += height + FIELD_GAP;
        }
    }

    fn table(&mut self, header: &[String], rows: &[Vec<Vec<Inline>>], widths: &[u16]) {
        let columns = header
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0));
        if columns == 0 {
            return;
        }
        let weights: Vec<f32> = (0..columns)
            .map(|i| f32::from(widths.get(i).copied().filter(|w| *w > 0).unwrap_or(1)))
            .collect();
        let total: f32 = weights.iter().sum();
        let column_widths: Vec<f32> = weights.iter().map(|w| w / total * CONTENT_WIDTH).collect();
        let column_x: Vec<f32> = column_widths
            .iter()
            .scan(MARGIN_X, |x, width| {
                let here = *x;
                *x += width;
                Some(here)
            })
            .collect();
        let wrap_cells = |cells: Vec<Vec<Inline>>, style: TextStyle| -> Vec<Vec<WrappedLine>> {
            cells
                .iter()
                .zip(&column_widths)
                .map(|(cell, width)| wrap(cell, style, width - 2.0 * CELL_PADDING))
                .collect()
        };
        let header_style = TextStyle { bold: true, ..BODY };
        let header_cells = wrap_cells(
            header
                .iter()
                .map(|h| vec![Inline::text(h.clone())])
                .collect(),
            header_style,
        );
        let header_lines = header_cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let header_height = header_lines as f32 * BODY.leading + 2.0 * CELL_PADDING;

        // The header is read once, where it first appears; repeated overleaf it is
        // page furniture.
        let draw_header = |setter: &mut Typesetter, nodes: Option<&[usize]>| {
            let top = setter.y;
            setter.page().marks.push(Mark::Shade {
                x: MARGIN_X,
                top,
                width: CONTENT_WIDTH,
                height: header_height,
            });
            setter.draw_cells(
                &header_cells,
                &column_x,
                (0, header_lines),
                header_style,
                nodes,
            );
            setter.rule();
        };

        self.ensure(header_height + BODY.leading + 2.0 * CELL_PADDING);
        self.rule();
        let table = self.node(Role::Table, None);
        let header_nodes = self.row_nodes(table, &Role::HeaderCell, columns);
        draw_header(self, Some(&header_nodes));
        let mut fresh_page_header = false;
        for row in rows {
            let mut cells = row.clone();
            cells.resize(columns, Vec::new());
            let cells = wrap_cells(cells, BODY);
            let cell_nodes = self.row_nodes(table, &Role::Cell, columns);
            let mut done = 0;
            let total_lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            while done < total_lines {
                let left = total_lines - done;
                let fits = ((self.room() - 2.0 * CELL_PADDING) / BODY.leading).floor();
                let fits = if fits > 0.0 { fits as usize } else { 0 };
                if left <= fits {
                    self.draw_cells(&cells, &column_x, (done, left), BODY, Some(&cell_nodes));
                    self.rule();
                    done = total_lines;
                } else if fits < MIN_SPLIT_LINES && !fresh_page_header {
                    // Not even two lines fit: the row starts overleaf, under the header.
                    self.new_page();
                    self.rule();
                    draw_header(self, None);
                    fresh_page_header = true;
                    continue;
                } else {
                    // The row splits: what fits here, the rest overleaf under the header
                    // repeated, so no page is left half empty by a tall row.
                    let here = fits.max(1);
                    self.draw_cells(&cells, &column_x, (done, here), BODY, Some(&cell_nodes));
                    self.rule();
                    done += here;
                    self.new_page();
                    self.rule();
                    draw_header(self, None);
                    fresh_page_header = true;
                    continue;
                }
                fresh_page_header = false;
            }
        }
        self.gap(10.0);
    }

    /// A new row of `table` with `columns` cells of `role`: the cells' elements.
    fn row_nodes(&mut self, table: usize, role: &Role, columns: usize) -> Vec<usize> {
        let row = self.node(Role::Row, Some(table));
        (0..columns)
            .map(|_| self.node(role.clone(), Some(row)))
            .collect()
    }

    /// Draws lines `from..from + count` of every cell as one row band, cell by cell, so
    /// a reader selecting or extracting text gets each cell whole, not rows of fragments.
    /// Each cell's lines belong to its element in `nodes` (none: page furniture).
    fn draw_cells(
        &mut self,
        cells: &[Vec<WrappedLine>],
        column_x: &[f32],
        (from, count): (usize, usize),
        style: TextStyle,
        nodes: Option<&[usize]>,
    ) {
        let top = self.y + CELL_PADDING;
        for (column, (cell, x)) in cells.iter().zip(column_x).enumerate() {
            let node = nodes.and_then(|nodes| nodes.get(column)).copied();
            for (row_line, line) in cell.iter().skip(from).take(count).enumerate() {
                let baseline = top + row_line as f32 * style.leading + style.leading * 0.78;
                let pieces = line.placed_at(x + CELL_PADDING);
                self.page().marks.push(Mark::Text(Line {
                    baseline,
                    size: style.size,
                    muted: false,
                    pieces,
                    node,
                    logical: line.logical.clone(),
                }));
            }
        }
        self.y = top + count as f32 * style.leading + CELL_PADDING;
    }

    fn rule(&mut self) {
        let y = self.y;
        self.page().marks.push(Mark::Rule {
            y,
            x1: MARGIN_X,
            x2: PAGE_WIDTH - MARGIN_X,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::plain;

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            title: "Test".into(),
            author: "Tester".into(),
            subject: String::new(),
            date: jiff::civil::date(2026, 11, 24),
            blocks,
        }
    }

    fn all_text(pages: &[Page]) -> String {
        pages
            .iter()
            .flat_map(Page::lines)
            .map(Line::text)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_long_paragraph_wraps_within_the_margins_and_keeps_every_word() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}")).collect();
        let pages = layout(&document(vec![Block::paragraph(words.join(" "))]));
        assert!(pages.len() > 2);
        for line in pages.iter().flat_map(Page::lines) {
            for piece in &line.pieces {
                assert!(piece.x >= MARGIN_X - 0.01);
                assert!(piece.x + piece.width <= PAGE_WIDTH - MARGIN_X + 0.01);
            }
            assert!(line.baseline > 0.0 && line.baseline < PAGE_HEIGHT);
        }
        let text = all_text(&pages);
        for word in &words {
            assert_eq!(
                text.split_whitespace().filter(|w| w == word).count(),
                1,
                "{word}"
            );
        }
    }

    #[test]
    fn a_word_wider_than_the_page_is_cut_not_lost() {
        let long = "x".repeat(2000);
        let pages = layout(&document(vec![Block::paragraph(long.clone())]));
        let joined: String = pages
            .iter()
            .flat_map(Page::lines)
            .filter(|l| !l.muted)
            .map(Line::text)
            .collect();
        assert_eq!(joined, long);
    }

    #[test]
    fn a_heading_is_never_the_last_thing_on_a_page() {
        let mut blocks = Vec::new();
        for i in 0..60 {
            blocks.push(Block::heading(2, format!("Heading {i}")));
            blocks.push(Block::paragraph("Some words. ".repeat(1 + i % 7)));
        }
        let pages = layout(&document(blocks));
        for page in &pages {
            let body: Vec<&Line> = page.lines().filter(|l| !l.muted).collect();
            let last = body.last().expect("text");
            assert!(!last.text().starts_with("Heading"), "{}", last.text());
        }
    }

    #[test]
    fn a_long_table_repeats_its_header_on_every_page() {
        let rows: Vec<Vec<Vec<Inline>>> = (0..150)
            .map(|i| vec![plain(format!("row {i}")), plain("detail ".repeat(i % 9))])
            .collect();
        let pages = layout(&document(vec![Block::Table {
            header: vec!["What we do".into(), "Why".into()],
            rows,
            widths: vec![1, 2],
        }]));
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            assert!(
                page.lines()
                    .any(|line| line.text().starts_with("What we do")),
                "header on every page"
            );
        }
        let pieces: Vec<&str> = pages
            .iter()
            .flat_map(Page::lines)
            .flat_map(|line| line.pieces.iter().map(|piece| piece.text.as_str()))
            .collect();
        for i in 0..150 {
            let label = format!("row {i}");
            assert_eq!(pieces.iter().filter(|p| **p == label).count(), 1, "{label}");
        }
    }

    fn words_of(text: &str) -> Vec<&str> {
        let mut words = Vec::new();
        ascii_words(text, 0, &mut words);
        words
            .iter()
            .map(|&(start, end, _)| &text[start..end])
            .collect()
    }

    #[test]
    fn ascii_text_breaks_at_spaces_and_hyphens_between_letters() {
        assert_eq!(
            words_of("Keep  record-keeping rules, e-mail -5 x- -y"),
            [
                "Keep", "record-", "keeping", "rules,", "e-", "mail", "-5", "x-", "-y"
            ]
        );
        assert_eq!(words_of(""), Vec::<&str>::new());
        assert_eq!(words_of("   "), [""]);
        assert_eq!(
            words_of("We’re “here” – 5–10 café—bar"),
            ["We’re", "“here”", "–", "5–", "10", "café—", "bar"]
        );
    }

    #[test]
    fn an_address_breaks_only_after_slashes_and_dots_never_after_its_scheme() {
        let url =
            "https://www.ico.org.uk/make-a-complaint/data-protection-complaints/what-to-expect/";
        assert_eq!(address_breaks("https://x"), Vec::<usize>::new());
        for width in [60.0, 90.0, 150.0, 200.0] {
            let lines = wrap(
                &[Inline::text("Website: "), Inline::link(url, url)],
                BODY,
                width,
            );
            let texts: Vec<String> = lines
                .iter()
                .map(|line| line.pieces.iter().map(|p| p.text.as_str()).collect())
                .collect();
            assert_eq!(
                texts.concat().replace(' ', ""),
                format!("Website:{url}"),
                "{texts:?}"
            );
            for text in &texts[..texts.len() - 1] {
                let text = text.trim_end();
                assert!(
                    text == "Website:" || !(text.ends_with("//") || text.ends_with(':')),
                    "{width}: a line ends at the scheme: {texts:?}"
                );
                // Where every piece between / and . fits a line, those are the only breaks.
                if width >= 150.0 && text != "Website:" {
                    assert!(
                        text.ends_with(['/', '.']),
                        "{width}: broke inside a name: {texts:?}"
                    );
                }
            }
        }
        // An address that fits on a line moves there whole.
        let lead = "You can complain to the regulator on its website, at ";
        let lines = wrap(
            &[Inline::text(lead), Inline::link(url, url)],
            BODY,
            CONTENT_WIDTH,
        );
        let texts: Vec<String> = lines
            .iter()
            .map(|line| line.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect();
        assert_eq!(texts, [lead.trim_end(), url], "{texts:?}");
    }

    #[test]
    fn a_tall_row_splits_across_pages_under_a_repeated_header() {
        let long = "A long cell. ".repeat(500);
        let pages = layout(&document(vec![
            Block::paragraph("Above the table."),
            Block::Table {
                header: vec!["What we do".into(), "Why".into()],
                rows: vec![vec![plain("first"), plain(long.clone())]],
                widths: vec![1, 2],
            },
        ]));
        assert!(pages.len() >= 2);
        let first_page_bottom = pages[0]
            .lines()
            .filter(|l| !l.muted)
            .map(|l| l.baseline)
            .fold(0.0_f32, f32::max);
        assert!(
            first_page_bottom > PAGE_HEIGHT - MARGIN_BOTTOM - 2.0 * BODY.leading,
            "the first page is filled: {first_page_bottom}"
        );
        for page in &pages {
            assert!(
                page.lines().any(|l| l.text() == "What we do"),
                "header repeated"
            );
        }
        let words: usize = pages
            .iter()
            .flat_map(Page::lines)
            .map(|l| l.text().matches("cell.").count())
            .sum();
        assert_eq!(words, 500, "no line lost at a break");
    }

    #[test]
    fn thai_with_no_spaces_breaks_between_words_never_inside_a_cluster() {
        // "Hello, thank you very much" in Thai, written as Thai is, with no spaces.
        let words = ["สวัสดี", "ขอบคุณ", "มาก", "ครับ"];
        let text: String = words.iter().cycle().take(200).copied().collect();
        let pages = layout(&document(vec![Block::paragraph(text.clone())]));
        let lines: Vec<String> = pages
            .iter()
            .flat_map(Page::lines)
            .filter(|l| !l.muted)
            .map(Line::text)
            .collect();
        assert!(lines.len() > 5, "{lines:?}");
        assert_eq!(lines.concat(), text, "nothing lost or added");
        // The dictionary may also part a compound ("ขอบคุณ" is "ขอบ" + "คุณ").
        let parts = ["สวัสดี", "ขอบ", "คุณ", "มาก", "ครับ"];
        for line in &lines[1..] {
            // Each line starts with a word: a dictionary break, not a cut where the
            // line happened to be full, and never before a vowel sign or tone mark.
            assert!(
                parts.iter().any(|word| line.starts_with(word)),
                "a line starts mid-word: {line}"
            );
            let first = line.chars().next().map_or(0, |ch| ch as u32);
            assert!((0x0E01..=0x0E2E).contains(&first), "{line}");
        }
    }

    #[test]
    fn a_direction_override_in_a_name_cannot_turn_the_line_around() {
        // U+202E (right-to-left override) typed into a name, never closed.
        let pages = layout(&document(vec![Block::paragraph(
            "Dear \u{202E}Ann Lee, thank you",
        )]));
        let line = pages[0].lines().next().expect("a line");
        assert_eq!(line.text(), "Dear Ann Lee, thank you");
        let x_of = |word: &str| {
            line.pieces
                .iter()
                .find(|p| p.text.contains(word))
                .map(|p| p.x + fonts_offset(&p.text, word))
        };
        assert!(x_of("Dear") < x_of("thank"), "{:?}", line.pieces);
        assert!(line.pieces.iter().all(|p| !p.rtl));
    }

    /// How far into `text` (in characters, as a rough position) `word` starts.
    fn fonts_offset(text: &str, word: &str) -> f32 {
        text.find(word)
            .map_or(0.0, |at| text[..at].chars().count() as f32)
    }

    #[test]
    fn shaping_measures_a_joined_script_as_it_draws() {
        // Arabic letters join: the shaped word is narrower than its letters' isolated
        // forms added up, and the layout measures the shaped word.
        let word = "الزهراء";
        let set_word = set(&[Inline::text(word)], BODY);
        let isolated: f32 = word
            .chars()
            .map(|ch| fonts::advance(Face::Arabic, ch, BODY.size))
            .sum();
        let shaped: f32 = fonts::shape(Face::Arabic, word, Some(true))
            .iter()
            .map(|g| g.x_advance * BODY.size)
            .sum();
        assert!((set_word.width() - shaped).abs() < 0.01);
        assert!(shaped < isolated, "{shaped} vs {isolated}");
        assert!(set_word.glyphs.iter().all(|g| g.face == Face::Arabic));
    }

    #[test]
    fn footers_number_every_page() {
        let pages = layout(&document(vec![
            Block::paragraph("One"),
            Block::PageBreak,
            Block::paragraph("Two"),
        ]));
        assert_eq!(pages.len(), 2);
        let footers: Vec<String> = pages
            .iter()
            .map(|p| p.lines().filter(|l| l.muted).map(Line::text).collect())
            .collect();
        assert!(footers[0].ends_with("Page 1 of 2"), "{}", footers[0]);
        assert!(footers[1].ends_with("Page 2 of 2"));
    }
}
