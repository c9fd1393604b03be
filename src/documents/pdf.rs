//! Writes a [`Document`] as an A4 PDF: the only module that knows the PDF crates.
//! Layout happens in `layout.rs`; here each positioned piece becomes text in an
//! embedded, subset font, so the PDF is small and its text selects and extracts exactly.
//!
//! The work is split by what each part does best, as measured (issue 13):
//! - printpdf makes the fonts: it parses each face the document uses, subsets it to the
//!   glyphs used, and writes the font objects — widths, the `ToUnicode` map that makes the
//!   text extract as typed, the font program. It is given one page showing each face's
//!   characters once, which is all it needs to know which glyphs are used.
//! - The pages' content is written here, straight into printpdf's own object model
//!   (lopdf), in the codes that `ToUnicode` map assigns. printpdf's general-purpose
//!   translation of every operation cost most of an export; a notice needs five kinds
//!   of operation, written directly.
//! - Every stream is deflated here, at the level chosen by measurement.

use std::{
    collections::{BTreeMap, HashMap},
    sync::OnceLock,
};

use lopdf::{Dictionary, Object, Stream};
use printpdf::{
    FontId, Op, ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem,
};
use thiserror::Error;

use super::{
    fonts::{self, Face},
    layout::{self, Line, Mark, PAGE_HEIGHT, Page},
    model::Document,
};

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the {0:?} font shipped with Smallprint could not be read, so no PDF was made")]
    Font(Face),
    #[error("the PDF could not be put together ({0}), so none was made")]
    Assemble(&'static str),
}

/// printpdf's parse of `face`, made the first time a document uses the face and kept:
/// a notice in Latin script never parses the 4 MB CJK face.
fn pdf_font(face: Face) -> Option<&'static ParsedFont> {
    static FONTS: [OnceLock<Option<ParsedFont>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    FONTS[face as usize]
        .get_or_init(|| ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()))
        .as_ref()
}

/// The deflate level of every stream, chosen by measuring the example notice's export
/// (issue 13; instructions for the whole process, and bytes):
///
/// | level | 1 | 2 | 3 | 4 | 6 |
/// |---|---|---|---|---|---|
/// | M instructions | 25.3 | 28.0 | 29.5 | 29.6 | 30.6 |
/// | KB | 41.4 | 34.6 | 33.7 | 33.4 | 33.1 |
///
/// Level 1 breaks the 40 KB budget; each level above 2 costs more than 1 M instructions
/// a kilobyte saved. (printpdf deflates at level 9.)
const DEFLATE_LEVEL: u32 = 2;

/// The colours a page is drawn in, as PDF colour operands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Black,
    LinkBlue,
    Muted,
    RuleGrey,
    ShadeGrey,
}

impl Ink {
    fn rgb(self) -> &'static str {
        match self {
            Ink::Black => "0 0 0",
            Ink::LinkBlue => "0.05 0.25 0.65",
            Ink::Muted => "0.4 0.4 0.4",
            Ink::RuleGrey => "0.7 0.7 0.7",
            Ink::ShadeGrey => "0.93 0.94 0.95",
        }
    }
}

/// The document as PDF bytes.
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    render_pages(document, &layout::layout(document))
}

/// A face the document uses: its resource name in the pages' font dictionary and the
/// code of each of its characters.
struct UsedFace {
    resource: String,
    /// Codes of the characters below U+3000 by character (0: not used), for the lookup
    /// made for every character drawn.
    table: Vec<u16>,
    codes: HashMap<char, u16>,
    /// Codes by the face's own glyph id, for a character that shares its glyph with
    /// another (the map keeps one character a glyph).
    by_glyph: HashMap<u16, u16>,
}

/// Characters below this are looked up in [`UsedFace::table`].
const TABLE_SIZE: usize = 0x3000;

impl UsedFace {
    fn new(face: Face, resource: String, codes: HashMap<char, u16>) -> Self {
        let mut table = vec![0; TABLE_SIZE];
        for (ch, code) in &codes {
            if let Some(slot) = table.get_mut(*ch as usize) {
                *slot = *code;
            }
        }
        let by_glyph = codes
            .iter()
            .filter_map(|(ch, code)| fonts::glyph(face, *ch).map(|glyph| (glyph, *code)))
            .collect();
        Self {
            resource,
            table,
            codes,
            by_glyph,
        }
    }

    fn code(&self, face: Face, ch: char) -> u16 {
        match self.table.get(ch as usize) {
            Some(code) if *code != 0 => *code,
            _ => self
                .codes
                .get(&ch)
                .or_else(|| fonts::glyph(face, ch).and_then(|glyph| self.by_glyph.get(&glyph)))
                .copied()
                .unwrap_or(0),
        }
    }
}

/// printpdf's document with the document's metadata and one page that shows each face's
/// characters once: printpdf subsets each font to exactly these glyphs and maps their
/// codes back to the characters. Returns it as lopdf objects, with each face's font.
fn fonts_made_by_printpdf(
    document: &Document,
    pages: &[Page],
) -> Result<(lopdf::Document, BTreeMap<Face, FontId>), PdfError> {
    // Each face's characters, once each, in the order first used.
    let mut characters: BTreeMap<Face, Vec<char>> = BTreeMap::new();
    for piece in pages.iter().flat_map(Page::lines).flat_map(|l| &l.pieces) {
        let used = characters.entry(piece.face).or_default();
        for ch in piece.text.chars() {
            if !used.contains(&ch) {
                used.push(ch);
            }
        }
    }

    let mut pdf = PdfDocument::new(&document.title);
    let info = &mut pdf.metadata.info;
    info.author = document.author.clone();
    info.subject = document.subject.clone();
    info.creator = "Smallprint".to_owned();
    info.producer = format!("Smallprint {}", env!("CARGO_PKG_VERSION"));
    let date = pdf_date(document.date);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;

    let mut ops = vec![Op::StartTextSection];
    let mut font_ids: BTreeMap<Face, FontId> = BTreeMap::new();
    for (face, chars) in &characters {
        let parsed = pdf_font(*face).ok_or(PdfError::Font(*face))?;
        let id = pdf.add_font(parsed);
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(id.clone()),
            size: Pt(10.0),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().collect())],
        });
        font_ids.insert(*face, id);
    }
    ops.push(Op::EndTextSection);
    pdf.with_pages(vec![PdfPage::new(
        printpdf::Mm(210.0),
        printpdf::Mm(297.0),
        ops,
    )]);
    let options = PdfSaveOptions {
        subset_fonts: true,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    Ok((pdf.to_lopdf_document(&options, &mut Vec::new()), font_ids))
}

/// Pages already laid out, as PDF bytes.
pub fn render_pages(document: &Document, pages: &[Page]) -> Result<Vec<u8>, PdfError> {
    let (mut doc, font_ids) = fonts_made_by_printpdf(document, pages)?;
    // The fonts stay; the page that made them gives way to the real ones.
    let sample = *doc
        .get_pages()
        .values()
        .next()
        .ok_or(PdfError::Assemble("no page"))?;
    let sample_page = doc
        .get_dictionary(sample)
        .map_err(|_| PdfError::Assemble("no page dictionary"))?
        .clone();
    let parent = sample_page
        .get(b"Parent")
        .and_then(Object::as_reference)
        .map_err(|_| PdfError::Assemble("no page tree"))?;
    let resources = sample_page
        .get(b"Resources")
        .map_err(|_| PdfError::Assemble("no resources"))?
        .clone();
    let media_box = sample_page
        .get(b"MediaBox")
        .map_err(|_| PdfError::Assemble("no media box"))?
        .clone();
    if let Ok(Object::Reference(contents)) = sample_page.get(b"Contents") {
        doc.objects.remove(contents);
    }
    doc.objects.remove(&sample);

    let used: BTreeMap<Face, UsedFace> = font_ids
        .iter()
        .map(|(face, id)| {
            used_face(&doc, &resources, &id.0)
                .map(|codes| (*face, UsedFace::new(*face, id.0.clone(), codes)))
        })
        .collect::<Result<_, _>>()?;

    let mut kids = Vec::with_capacity(pages.len());
    for page in pages {
        let (content, links) = page_content(page, &used);
        let content = doc.add_object(Stream::new(Dictionary::new(), content));
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Page".to_vec()));
        dict.set("Parent", Object::Reference(parent));
        dict.set("MediaBox", media_box.clone());
        dict.set("Resources", resources.clone());
        dict.set("Contents", Object::Reference(content));
        if !links.is_empty() {
            dict.set("Annots", Object::Array(links));
        }
        kids.push(Object::Reference(doc.add_object(dict)));
    }
    let tree = doc
        .get_dictionary_mut(parent)
        .map_err(|_| PdfError::Assemble("no page tree"))?;
    tree.set(
        "Count",
        Object::Integer(i64::try_from(kids.len()).unwrap_or(0)),
    );
    tree.set("Kids", Object::Array(kids));

    compress_streams(&mut doc, DEFLATE_LEVEL);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes)
        .map_err(|_| PdfError::Assemble("writing"))?;
    Ok(bytes)
}

/// The code of each character of the font printpdf named `resource`, read from the
/// font's `ToUnicode` map: the same map a reader uses to turn the codes back into text,
/// so what is drawn and what extracts cannot disagree. A character sharing its glyph
/// with another takes that glyph's code.
fn used_face(
    doc: &lopdf::Document,
    resources: &Object,
    resource: &str,
) -> Result<HashMap<char, u16>, PdfError> {
    let missing = |what| PdfError::Assemble(what);
    let resolve = |object: &Object| -> Result<Object, PdfError> {
        match object {
            Object::Reference(id) => doc
                .get_object(*id)
                .cloned()
                .map_err(|_| missing("a broken reference")),
            other => Ok(other.clone()),
        }
    };
    let resources = resolve(resources)?;
    let fonts = resolve(
        resources
            .as_dict()
            .and_then(|r| r.get(b"Font"))
            .map_err(|_| missing("no font resources"))?,
    )?;
    let font = resolve(
        fonts
            .as_dict()
            .and_then(|f| f.get(resource.as_bytes()))
            .map_err(|_| missing("a font not in the resources"))?,
    )?;
    let to_unicode = resolve(
        font.as_dict()
            .and_then(|f| f.get(b"ToUnicode"))
            .map_err(|_| missing("a font without ToUnicode"))?,
    )?;
    let cmap = to_unicode
        .as_stream()
        .map_err(|_| missing("a ToUnicode that is not a stream"))?;
    let text = String::from_utf8_lossy(&cmap.content);

    let mut by_glyph_char: HashMap<char, u16> = HashMap::new();
    for line in text.lines() {
        // "<0003> <0041>": a code and the UTF-16BE text it stands for.
        let mut parts = line.split(['<', '>']).filter(|p| !p.trim().is_empty());
        let (Some(code), Some(target), None) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Ok(code) = u16::from_str_radix(code.trim(), 16) else {
            continue;
        };
        let units: Vec<u16> = target
            .trim()
            .as_bytes()
            .chunks(4)
            .filter_map(|unit| std::str::from_utf8(unit).ok())
            .filter_map(|unit| u16::from_str_radix(unit, 16).ok())
            .collect();
        let mut decoded = char::decode_utf16(units);
        if let (Some(Ok(ch)), None) = (decoded.next(), decoded.next()) {
            by_glyph_char.insert(ch, code);
        }
    }
    Ok(by_glyph_char)
}

/// The PDF's creation date: the document's own date, at noon UTC.
fn pdf_date(date: jiff::civil::Date) -> printpdf::DateTime {
    printpdf::DateTime {
        date: printpdf::Date {
            year: i32::from(date.year()),
            month: u8::try_from(date.month()).unwrap_or(1),
            day: u8::try_from(date.day()).unwrap_or(1),
        },
        time: printpdf::Time {
            hour: 12,
            minute: 0,
            second: 0,
            millisecond: 0,
        },
        offset: printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}

/// `value` in a content stream: at most two decimals, no trailing zeros.
fn push_number(out: &mut Vec<u8>, value: f32) {
    // Page coordinates are within ±10,000 points: hundredths fit an i32 exactly enough.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "page coordinates are small; rounded to hundredths on purpose"
    )]
    let hundredths = (value * 100.0).round() as i32;
    if hundredths < 0 {
        out.push(b'-');
    }
    let hundredths = hundredths.unsigned_abs();
    out.extend_from_slice((hundredths / 100).to_string().as_bytes());
    let fraction = hundredths % 100;
    if fraction != 0 {
        out.push(b'.');
        out.push(b'0' + u8::try_from(fraction / 10).unwrap_or(0));
        if !fraction.is_multiple_of(10) {
            out.push(b'0' + u8::try_from(fraction % 10).unwrap_or(0));
        }
    }
}

fn push_numbers(out: &mut Vec<u8>, values: &[f32], operator: &str) {
    for value in values {
        push_number(out, *value);
        out.push(b' ');
    }
    out.extend_from_slice(operator.as_bytes());
    out.push(b'\n');
}

/// A page's content stream and its link annotations.
///
/// The fill colour, the rule style and the font are set only when they change: the
/// PDF's graphics state keeps them between text objects. Each line is one text object,
/// so a reader extracts it as one line of text.
fn page_content(page: &Page, faces: &BTreeMap<Face, UsedFace>) -> (Vec<u8>, Vec<Object>) {
    let mut out: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut links = Vec::new();
    let mut fill: Option<Ink> = None;
    let mut ruled = false;
    let mut set_fill = |out: &mut Vec<u8>, ink: Ink| {
        if fill != Some(ink) {
            fill = Some(ink);
            out.extend_from_slice(ink.rgb().as_bytes());
            out.extend_from_slice(b" rg\n");
        }
    };
    for mark in &page.marks {
        match mark {
            Mark::Shade {
                x,
                top,
                width,
                height,
            } => {
                set_fill(&mut out, Ink::ShadeGrey);
                push_numbers(
                    &mut out,
                    &[*x, PAGE_HEIGHT - top - height, *width, *height],
                    "re",
                );
                out.extend_from_slice(b"f\n");
            }
            Mark::Rule { y, x1, x2 } => {
                if !ruled {
                    ruled = true;
                    out.extend_from_slice(Ink::RuleGrey.rgb().as_bytes());
                    out.extend_from_slice(b" RG\n0.5 w\n");
                }
                push_numbers(&mut out, &[*x1, PAGE_HEIGHT - y], "m");
                push_numbers(&mut out, &[*x2, PAGE_HEIGHT - y], "l");
                out.extend_from_slice(b"S\n");
            }
            Mark::Text(line) => {
                out.extend_from_slice(b"BT\n");
                let mut font: Option<Face> = None;
                for piece in &line.pieces {
                    let Some(used) = faces.get(&piece.face) else {
                        continue;
                    };
                    let ink = if line.muted {
                        Ink::Muted
                    } else if piece.link.is_some() {
                        Ink::LinkBlue
                    } else {
                        Ink::Black
                    };
                    set_fill(&mut out, ink);
                    if font != Some(piece.face) {
                        font = Some(piece.face);
                        out.push(b'/');
                        out.extend_from_slice(used.resource.as_bytes());
                        out.push(b' ');
                        push_numbers(&mut out, &[line.size], "Tf");
                    }
                    out.extend_from_slice(b"1 0 0 1 ");
                    push_numbers(&mut out, &[piece.x, PAGE_HEIGHT - line.baseline], "Tm");
                    // A literal string of two-byte codes: half the size of hex.
                    out.push(b'(');
                    for ch in piece.text.chars() {
                        for byte in used.code(piece.face, ch).to_be_bytes() {
                            match byte {
                                b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
                                b'\r' => out.extend_from_slice(b"\\r"),
                                b'\n' => out.extend_from_slice(b"\\n"),
                                _ => out.push(byte),
                            }
                        }
                    }
                    out.extend_from_slice(b") Tj\n");
                    // Only web and email addresses become links, as in HTML and Markdown:
                    // a `javascript:` or `smb:` address typed into a field stays text.
                    if let Some(url) = piece.link.as_deref().and_then(super::model::safe_url) {
                        links.push(link(piece.x, piece.width, line, url));
                    }
                }
                out.extend_from_slice(b"ET\n");
            }
        }
    }
    (out, links)
}

/// A link annotation over a piece of text: no border, the colour marks it.
fn link(x: f32, width: f32, line: &Line, url: &str) -> Object {
    let bottom = PAGE_HEIGHT - line.baseline - line.size * 0.25;
    let mut action = Dictionary::new();
    action.set("S", Object::Name(b"URI".to_vec()));
    action.set(
        "URI",
        Object::String(url.as_bytes().to_vec(), lopdf::StringFormat::Literal),
    );
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Annot".to_vec()));
    dict.set("Subtype", Object::Name(b"Link".to_vec()));
    dict.set(
        "Rect",
        Object::Array(
            [x, bottom, x + width, bottom + line.size * 1.2]
                .into_iter()
                .map(Object::Real)
                .collect(),
        ),
    );
    dict.set(
        "Border",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(0),
            Object::Integer(0),
        ]),
    );
    dict.set("A", Object::Dictionary(action));
    Object::Dictionary(dict)
}

/// Deflates every stream that may be (printpdf marks those that may not), keeping a
/// stream as it is when deflating would not make it smaller. One compressor is reset
/// between streams rather than made anew.
fn compress_streams(doc: &mut lopdf::Document, level: u32) {
    let mut compressor = flate2::Compress::new(flate2::Compression::new(level), true);
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        compressor.reset();
        let mut deflated = Vec::with_capacity(stream.content.len() / 2 + 64);
        let finished = loop {
            if deflated.len() == deflated.capacity() {
                deflated.reserve(deflated.capacity().max(64));
            }
            let read = usize::try_from(compressor.total_in()).unwrap_or(usize::MAX);
            let rest = stream.content.get(read..).unwrap_or_default();
            match compressor.compress_vec(rest, &mut deflated, flate2::FlushCompress::Finish) {
                Ok(flate2::Status::StreamEnd) => break true,
                Ok(_) => {}
                Err(_) => break false,
            }
        };
        if finished && deflated.len() + 19 < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(deflated);
        }
    }
}

/// The text of each page of a PDF, one string per line of text, as a reader extracts
/// it: how tests check that nothing is lost, garbled or misplaced.
pub fn extract_text(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let parsed = PdfDocument::parse(
        bytes,
        &printpdf::PdfParseOptions::default(),
        &mut Vec::new(),
    )?;
    Ok(parsed.extract_text())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::Block;

    /// The text of each page, as printpdf's own reader extracts it.
    pub(crate) fn extract(bytes: &[u8]) -> Vec<String> {
        extract_text(bytes)
            .expect("a PDF we wrote parses")
            .into_iter()
            .map(|chunks| chunks.join("\n"))
            .collect()
    }

    #[test]
    fn mixed_scripts_extract_exactly_with_subset_fonts() {
        let name = "Zoë Łukasiewicz — Ωμέγα Жанна 李小龍 café";
        let document = Document {
            title: format!("Letter to {name}"),
            author: "Kestrel Forge 3D".into(),
            subject: "Test".into(),
            date: jiff::civil::date(2026, 11, 24),
            blocks: vec![Block::heading(1, name), Block::paragraph(name)],
        };
        let bytes = render(&document).expect("pdf");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(bytes.len() < 100_000, "subset fonts: {} bytes", bytes.len());
        let pages = extract(&bytes);
        assert_eq!(pages.len(), 1);
        let lines: Vec<&str> = pages[0].lines().collect();
        assert_eq!(
            lines.iter().filter(|line| **line == name).count(),
            2,
            "{lines:?}"
        );
    }

    #[test]
    fn numbers_are_written_short_and_exact_to_the_hundredth() {
        let mut out = Vec::new();
        for value in [0.0, 12.0, 12.5, 12.25, -3.1, 841.89, 0.004, 595.276] {
            push_number(&mut out, value);
            out.push(b' ');
        }
        assert_eq!(
            String::from_utf8(out).expect("ascii"),
            "0 12 12.5 12.25 -3.1 841.89 0 595.28 "
        );
    }

    #[test]
    fn pages_links_and_dates_are_all_there() {
        let document = Document {
            title: "Links".into(),
            author: "Kestrel Forge 3D".into(),
            subject: "Test".into(),
            date: jiff::civil::date(2026, 11, 24),
            blocks: vec![
                Block::Paragraph(vec![crate::documents::model::Inline::link(
                    "https://kestrelforge.example/terms",
                    "https://kestrelforge.example/terms",
                )]),
                Block::PageBreak,
                Block::paragraph("Second page"),
            ],
        };
        let bytes = render(&document).expect("pdf");
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        assert_eq!(doc.get_pages().len(), 2);
        let raw = String::from_utf8_lossy(&bytes);
        assert!(
            raw.contains("/URI(https://kestrelforge.example/terms)"),
            "the link"
        );
        assert!(raw.contains("D:20261124"), "the document's date");
        assert!(extract(&bytes)[1].contains("Second page"));
    }

    #[test]
    fn only_web_and_email_addresses_become_links() {
        let document = Document {
            title: "Links".into(),
            author: String::new(),
            subject: String::new(),
            date: jiff::civil::date(2026, 11, 24),
            blocks: vec![Block::Paragraph(vec![
                crate::documents::model::Inline::link("run me", "javascript:alert(1)"),
                crate::documents::model::Inline::link("share", "smb://fictional.example/x"),
            ])],
        };
        let raw = String::from_utf8_lossy(&render(&document).expect("pdf")).into_owned();
        assert!(!raw.contains("/URI"), "no annotation for either");
    }
}
