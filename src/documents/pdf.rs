//! Writes a [`Document`] as an A4 PDF: the only module that knows the PDF crate.
//! Layout happens in `layout.rs`; here each positioned piece becomes glyphs in an
//! embedded, subset font, so the PDF is small and its text selects and extracts exactly.
//!
//! krilla does the PDF itself (DESIGN.md says why it was chosen over printpdf): it
//! subsets the fonts, maps each glyph back to the characters it stands for (`ToUnicode`,
//! or `ActualText` where one glyph is several characters or several glyphs one), and
//! writes the structure tree, outline and metadata. What it is given here:
//! - glyphs: a character's own glyph where the script needs no shaping, else the
//!   shaper's glyphs and clusters (`fonts::shape`), right to left where the layout's
//!   bidirectional level says so;
//! - the structure: every line of text is marked content belonging to its element of
//!   the layout's structure (heading, paragraph, list item, table cell…), links are
//!   Link elements holding their text and annotation, and rules, shading and footers
//!   are artifacts a screen reader skips;
//! - the document's title (shown in the reader's window), language (en-GB), author,
//!   subject and date, and an outline of its headings.
//!
//! Every PDF is written to PDF/UA-1 and checked by krilla as it is written. A document
//! that cannot meet it — a character that no shipped font has prints as a box, which
//! PDF/UA forbids — is still written, tagged the same way, without the claim: a letter
//! must never be refused for a name.

use std::{num::NonZeroU16, ops::Range, sync::OnceLock};

use krilla::{
    Document as PdfDocument, SerializeSettings,
    action::{Action, LinkAction},
    annotation::{Annotation, LinkAnnotation, Target},
    color::rgb,
    configure::{Accessibility, ConfigurationBuilder},
    destination::XyzDestination,
    geom::{PathBuilder, Point, Rect},
    metadata::{DateTime, Metadata},
    outline::{Outline, OutlineNode},
    page::PageSettings,
    paint::{Fill, Stroke},
    surface::Surface,
    tagging::{
        Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node as TagNode, SpanTag,
        TableHeaderScope, Tag, TagGroup, TagKind, TagTree,
    },
    text::{Font, GlyphId, KrillaGlyph},
};
use thiserror::Error;

use super::{
    fonts::{self, Face},
    layout::{self, Layout, Line, Mark, PAGE_HEIGHT, PAGE_WIDTH, Role},
    model::{Document, safe_url},
};

/// The language every Smallprint document is written in.
pub const LANGUAGE: &str = "en-GB";

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the {0:?} font shipped with Smallprint could not be read, so no PDF was made")]
    Font(Face),
    #[error("the PDF could not be put together ({0}), so none was made")]
    Assemble(String),
    /// Only from [`render_accessible`]: what stops the document meeting PDF/UA-1.
    #[error("the PDF does not meet PDF/UA-1: {0}")]
    NotAccessible(String),
}

/// krilla's font for `face`, parsed the first time a document uses the face and kept:
/// a notice in Latin script never parses the CJK face.
fn pdf_font(face: Face) -> Result<Font, PdfError> {
    static FONTS: [OnceLock<Option<Font>>; Face::ALL.len()] =
        [const { OnceLock::new() }; Face::ALL.len()];
    FONTS[face as usize]
        .get_or_init(|| Font::new(face.bytes().into(), 0))
        .clone()
        .ok_or(PdfError::Font(face))
}

/// The colours a page is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ink {
    Black,
    LinkBlue,
    Muted,
    RuleGrey,
    ShadeGrey,
}

impl Ink {
    fn colour(self) -> rgb::Color {
        match self {
            Ink::Black => rgb::Color::new(0, 0, 0),
            Ink::LinkBlue => rgb::Color::new(13, 64, 166),
            Ink::Muted => rgb::Color::new(102, 102, 102),
            Ink::RuleGrey => rgb::Color::new(179, 179, 179),
            Ink::ShadeGrey => rgb::Color::new(237, 240, 242),
        }
    }

    fn fill(self) -> Fill {
        Fill {
            paint: self.colour().into(),
            ..Fill::default()
        }
    }
}

/// The document as PDF bytes: PDF/UA-1 when it can be, else tagged all the same.
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    render_pages(document, &layout::laid_out(document))
}

/// A document already laid out, as PDF bytes (see [`render`]).
pub fn render_pages(document: &Document, laid_out: &Layout) -> Result<Vec<u8>, PdfError> {
    match write(document, laid_out, true) {
        Err(PdfError::NotAccessible(_)) => write(document, laid_out, false),
        other => other,
    }
}

/// The document as a PDF that meets PDF/UA-1, or why it cannot: how tests hold every
/// document Smallprint writes to the standard.
pub fn render_accessible(document: &Document) -> Result<Vec<u8>, PdfError> {
    write(document, &layout::laid_out(document), true)
}

/// One child of a structure element, in reading order.
enum Entry {
    Content(Identifier),
    Element(usize),
    /// A link: its text, and its annotation once the page has it.
    Link(Identifier, Option<Identifier>),
    /// A form field's widget.
    Widget(Identifier),
}

/// What a form field's stand-in link points to, followed by its index: krilla writes
/// annotations only as links, so each field is written as a tagged link in its Form
/// element, then turned into a text field's widget in place ([`fillable`]) — keeping
/// the structure tree's reference to it.
const FIELD_MARKER: &str = "smallprint-field:";

/// A link waiting for its page's annotations: its element and entry, where it is, where
/// it goes.
struct PendingLink {
    node: usize,
    entry: usize,
    rect: Rect,
    url: String,
}

fn write(document: &Document, laid_out: &Layout, accessible: bool) -> Result<Vec<u8>, PdfError> {
    // Streams are deflated once, when the objects are packed (`packed`): krilla's fixed
    // level and a new compressor per stream cost a third of a notice's export.
    let mut settings = SerializeSettings {
        compress_content_streams: false,
        ..SerializeSettings::default()
    };
    if accessible {
        settings.configuration = ConfigurationBuilder::new()
            .with_accessibility_validator(Accessibility::UA1)
            .finish()
            .map_err(|error| PdfError::Assemble(format!("{error:?}")))?;
    }
    let mut pdf = PdfDocument::new_with(settings);

    let mut entries: Vec<Vec<Entry>> = laid_out.nodes.iter().map(|_| Vec::new()).collect();
    let mut top_level: Vec<usize> = Vec::new();
    for (index, node) in laid_out.nodes.iter().enumerate() {
        match node.parent.and_then(|parent| entries.get_mut(parent)) {
            Some(parent) => parent.push(Entry::Element(index)),
            None => top_level.push(index),
        }
    }
    // Where each heading starts: (page, top of its first line).
    let mut heading_at: Vec<Option<(usize, f32)>> = vec![None; laid_out.nodes.len()];

    let page_settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Assemble("the page size".into()))?;
    for (page_index, page) in laid_out.pages.iter().enumerate() {
        let mut pdf_page = pdf.start_page_with(page_settings.clone());
        let mut links: Vec<PendingLink> = Vec::new();
        {
            let mut surface = pdf_page.surface();
            let drawn = draw_page(
                &mut surface,
                (page_index, page),
                &mut entries,
                &mut heading_at,
                &mut links,
            );
            surface.finish();
            drawn?;
        }
        for link in links {
            let annotation = Annotation::new_link(
                LinkAnnotation::new(
                    link.rect,
                    Target::Action(Action::Link(LinkAction::new(link.url.clone()))),
                ),
                Some(link.url),
            );
            let id = pdf_page.add_tagged_annotation(annotation);
            if let Some(Entry::Link(_, slot)) = entries
                .get_mut(link.node)
                .and_then(|node| node.get_mut(link.entry))
            {
                *slot = Some(id);
            }
        }
        for mark in &page.marks {
            let Mark::FieldBox {
                field: index,
                x,
                top,
                width,
                height,
            } = mark
            else {
                continue;
            };
            let (Some(field), Some(rect)) = (
                laid_out.fields.get(*index),
                Rect::from_xywh(*x, *top, *width, *height),
            ) else {
                continue;
            };
            let annotation = Annotation::new_link(
                LinkAnnotation::new(
                    rect,
                    Target::Action(Action::Link(LinkAction::new(format!(
                        "{FIELD_MARKER}{index}"
                    )))),
                ),
                Some(field.label.clone()),
            );
            let id = pdf_page.add_tagged_annotation(annotation);
            if let Some(node) = entries.get_mut(field.node) {
                node.push(Entry::Widget(id));
            }
        }
        pdf_page.finish();
    }

    pdf.set_tag_tree(tag_tree(laid_out, entries, &top_level));
    pdf.set_outline(outline(laid_out, &heading_at));
    pdf.set_metadata(metadata(document));
    let bytes = pdf.finish().map_err(|error| match error {
        krilla::error::KrillaError::Validation(problems) => PdfError::NotAccessible(
            problems
                .iter()
                .map(|(problem, _)| format!("{problem:?}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => PdfError::Assemble(format!("{other:?}")),
    })?;
    Ok(packed(bytes, &laid_out.fields))
}

/// The deflate level of the page contents, cross-reference maps and the packed objects:
/// krilla's own level, which keeps the example notice within its 45 KB (level 2 made it
/// 51 KB for 5.4 M fewer instructions, measured).
const DEFLATE_LEVEL: u32 = 6;

/// The objects packed together, in one stream: a notice has some three hundred.
const OBJECTS_PER_STREAM: usize = 4096;

/// `pdf` with its uncompressed streams deflated and its other objects packed into a
/// compressed object stream, its cross-reference table a stream (PDF 1.5), which a
/// reader reads as the same document; as krilla wrote it, should lopdf fail to read or
/// write it.
fn packed(pdf: Vec<u8>, fields: &[layout::FieldBox]) -> Vec<u8> {
    let Ok(mut document) = lopdf::Document::load_mem(&pdf) else {
        return pdf;
    };
    if !fields.is_empty() {
        fillable(&mut document, fields);
    }
    compress_streams(&mut document, DEFLATE_LEVEL);
    let options = lopdf::SaveOptions::builder()
        .use_object_streams(true)
        .use_xref_streams(true)
        .max_objects_per_stream(OBJECTS_PER_STREAM)
        .compression_level(DEFLATE_LEVEL)
        .build();
    let mut out = Vec::with_capacity(pdf.len() / 2);
    match document.save_with_options(&mut out, options) {
        Ok(()) if out.len() < pdf.len() => out,
        _ => pdf,
    }
}

/// Turns each field's stand-in link into a text field's widget annotation, where krilla
/// put it (its page, rectangle, alt text and structure parent kept), and lists them in
/// the catalogue's interactive form, so any PDF reader lets a person type into them and
/// save the file.
fn fillable(document: &mut lopdf::Document, fields: &[layout::FieldBox]) {
    use lopdf::{Dictionary, Object, Stream, StringFormat};
    let field_of = |dict: &Dictionary| -> Option<usize> {
        let action = dict.get(b"A").ok()?.as_dict().ok()?;
        let uri = action.get(b"URI").ok()?.as_str().ok()?;
        std::str::from_utf8(uri)
            .ok()?
            .strip_prefix(FIELD_MARKER)?
            .parse()
            .ok()
    };
    let found: Vec<(lopdf::ObjectId, usize)> = document
        .objects
        .iter()
        .filter_map(|(id, object)| Some((*id, field_of(object.as_dict().ok()?)?)))
        .collect();
    let font = document.add_object(Dictionary::from_iter([
        ("Type", Object::Name(b"Font".to_vec())),
        ("Subtype", Object::Name(b"Type1".to_vec())),
        ("BaseFont", Object::Name(b"Helvetica".to_vec())),
        ("Encoding", Object::Name(b"WinAnsiEncoding".to_vec())),
    ]));
    let appearance = "/Helv 10 Tf 0 g";
    let mut widgets = Vec::with_capacity(found.len());
    for (id, index) in found {
        let Some(field) = fields.get(index) else {
            continue;
        };
        // The widget's size, from the rectangle krilla gave it (the field's box).
        let rect: Vec<f32> = document
            .get_dictionary(id)
            .and_then(|dict| dict.get(b"Rect"))
            .and_then(lopdf::Object::as_array)
            .map(|corners| corners.iter().filter_map(|c| c.as_float().ok()).collect())
            .unwrap_or_default();
        let [left, bottom, right, top] = rect[..] else {
            continue;
        };
        // An empty appearance, so a reader that draws only what the file holds shows
        // the box blank rather than nothing at all.
        let empty = document.add_object(Stream::new(
            Dictionary::from_iter([
                ("Type", Object::Name(b"XObject".to_vec())),
                ("Subtype", Object::Name(b"Form".to_vec())),
                (
                    "BBox",
                    Object::Array(vec![
                        0.into(),
                        0.into(),
                        Object::Real((right - left).abs()),
                        Object::Real((top - bottom).abs()),
                    ]),
                ),
            ]),
            Vec::new(),
        ));
        let Some(Object::Dictionary(dict)) = document.objects.get_mut(&id) else {
            continue;
        };
        dict.remove(b"A");
        dict.remove(b"Border");
        dict.remove(b"H");
        dict.set("Subtype", Object::Name(b"Widget".to_vec()));
        dict.set("FT", Object::Name(b"Tx".to_vec()));
        dict.set(
            "T",
            Object::String(field.name.as_bytes().to_vec(), StringFormat::Literal),
        );
        dict.set("TU", Object::string_literal(field.label.as_str()));
        dict.set("V", Object::string_literal(""));
        // 4096: multiline; 8388608: no spell check is left to the reader.
        dict.set("Ff", if field.multiline { 4096 } else { 0 });
        dict.set("F", 4);
        dict.set("DA", Object::string_literal(appearance));
        // No border or background of its own: the box drawn on the page shows through,
        // in every reader alike.
        dict.set("BS", Dictionary::from_iter([("W", Object::Integer(0))]));
        dict.set(
            "AP",
            Dictionary::from_iter([("N", Object::Reference(empty))]),
        );
        widgets.push(Object::Reference(id));
    }
    let form = Dictionary::from_iter([
        ("Fields", Object::Array(widgets)),
        ("DA", Object::string_literal(appearance)),
        (
            "DR",
            Object::Dictionary(Dictionary::from_iter([(
                "Font",
                Object::Dictionary(Dictionary::from_iter([("Helv", Object::Reference(font))])),
            )])),
        ),
        ("NeedAppearances", Object::Boolean(true)),
    ]);
    let form = document.add_object(form);
    if let Ok(catalog) = document.catalog_mut() {
        catalog.set("AcroForm", Object::Reference(form));
    }
}

/// Deflates every stream that is not yet and may be, keeping a stream as it is when
/// deflating would not make it smaller. One compressor is reset between streams rather
/// than made anew (making one costs more than deflating a page).
fn compress_streams(document: &mut lopdf::Document, level: u32) {
    let mut compressor = flate2::Compress::new(flate2::Compression::new(level), true);
    for object in document.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else {
            continue;
        };
        // XMP metadata stays readable to tools that look for it without inflating.
        let metadata = stream
            .dict
            .get(b"Type")
            .and_then(lopdf::Object::as_name)
            .ok()
            == Some(b"Metadata".as_slice());
        if metadata || !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
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
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(deflated);
        }
    }
}

/// Draws one page's marks: rules and shading as artifacts, footers as pagination
/// artifacts, every other line as content of its structure element (noting where each
/// heading starts, for the outline, and each link, for its annotation).
fn draw_page(
    surface: &mut Surface,
    (page_index, page): (usize, &layout::Page),
    entries: &mut [Vec<Entry>],
    heading_at: &mut [Option<(usize, f32)>],
    links: &mut Vec<PendingLink>,
) -> Result<(), PdfError> {
    for mark in &page.marks {
        match mark {
            Mark::Shade {
                x,
                top,
                width,
                height,
            } => {
                if let Some(rect) = Rect::from_xywh(*x, *top, *width, *height) {
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    layout_artifact(surface, path, Paint::Fill(Ink::ShadeGrey));
                }
            }
            Mark::FieldBox {
                x,
                top,
                width,
                height,
                ..
            } => {
                if let Some(rect) = Rect::from_xywh(*x, *top, *width, *height) {
                    let mut path = PathBuilder::new();
                    path.push_rect(rect);
                    layout_artifact(surface, path, Paint::Stroke(Ink::Muted, 0.75));
                }
            }
            Mark::Rule { y, x1, x2 } => {
                let mut path = PathBuilder::new();
                path.move_to(*x1, *y);
                path.line_to(*x2, *y);
                layout_artifact(surface, path, Paint::Stroke(Ink::RuleGrey, 0.5));
            }
            Mark::Text(line) => match line.node {
                None => {
                    let mut result = Ok(());
                    artifact(surface, ArtifactType::PaginationOther, |surface| {
                        result = draw_pieces(surface, line, &line.pieces);
                    });
                    result?;
                }
                Some(node) => {
                    if let Some(slot @ None) = heading_at.get_mut(node) {
                        *slot = Some((page_index, line.baseline - line.size));
                    }
                    tagged_line(surface, line, node, entries, links)?;
                }
            },
        }
    }
    Ok(())
}

/// How a layout mark is painted: filled, or stroked at a width.
#[derive(Clone, Copy)]
enum Paint {
    Fill(Ink),
    Stroke(Ink, f32),
}

/// Draws `path` as page furniture (a rule, a shaded band, a field's box): a layout
/// artifact, which a reader skips.
fn layout_artifact(surface: &mut Surface, path: PathBuilder, paint: Paint) {
    let Some(path) = path.finish() else {
        return;
    };
    artifact(surface, ArtifactType::Layout, |surface| {
        match paint {
            Paint::Fill(ink) => {
                surface.set_stroke(None);
                surface.set_fill(Some(ink.fill()));
            }
            Paint::Stroke(ink, width) => {
                surface.set_fill(None);
                surface.set_stroke(Some(Stroke {
                    paint: ink.colour().into(),
                    width,
                    ..Stroke::default()
                }));
            }
        }
        surface.draw_path(&path);
        surface.set_stroke(None);
    });
}

/// Draws with `draw` as an artifact of `kind`: content a reader skips.
fn artifact(surface: &mut Surface, kind: ArtifactType, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    draw(surface);
    surface.end_tagged();
}

/// Draws a line of text as content of structure element `node`: one span for its
/// plain text, and a Link element for each stretch that is a safe link.
fn tagged_line(
    surface: &mut Surface,
    line: &Line,
    node: usize,
    entries: &mut [Vec<Entry>],
    links: &mut Vec<PendingLink>,
) -> Result<(), PdfError> {
    let mut start = 0;
    while start < line.pieces.len() {
        let url = line.pieces[start].link.as_deref().and_then(safe_url);
        let mut end = start + 1;
        while end < line.pieces.len() && line.pieces[end].link.as_deref().and_then(safe_url) == url
        {
            end += 1;
        }
        let stretch = &line.pieces[start..end];
        // Right-to-left text is drawn in visual order, each glyph mapped to its
        // characters, which is what readers expect and reverse back: an ActualText of the
        // logical line was reversed a second time by poppler (measured), and one around a
        // line with a .notdef box lost the words before the box (krilla marks some boxes
        // with an ActualText of their own, and poppler does not nest them).
        let id = surface.start_tagged(ContentTag::Span(SpanTag::empty()));
        let drawn = draw_pieces(surface, line, stretch);
        surface.end_tagged();
        drawn?;
        let Some(children) = entries.get_mut(node) else {
            return Ok(());
        };
        match url {
            Some(url) => {
                let x = stretch.first().map_or(0.0, |piece| piece.x);
                let right = stretch.last().map_or(x, |piece| piece.x + piece.width);
                if let Some(rect) = Rect::from_ltrb(
                    x,
                    line.baseline - line.size * 0.95,
                    right.max(x + 0.1),
                    line.baseline + line.size * 0.25,
                ) {
                    links.push(PendingLink {
                        node,
                        entry: children.len(),
                        rect,
                        url: url.to_owned(),
                    });
                }
                children.push(Entry::Link(id, None));
            }
            None => children.push(Entry::Content(id)),
        }
        start = end;
    }
    Ok(())
}

/// Draws `pieces` of `line`, each in its face and colour.
fn draw_pieces(
    surface: &mut Surface,
    line: &Line,
    pieces: &[layout::Piece],
) -> Result<(), PdfError> {
    for piece in pieces {
        let ink = if line.muted {
            Ink::Muted
        } else if piece.link.is_some() {
            Ink::LinkBlue
        } else {
            Ink::Black
        };
        surface.set_stroke(None);
        surface.set_fill(Some(ink.fill()));
        let glyphs = glyphs(piece.face, &piece.text, piece.rtl);
        surface.draw_glyphs(
            Point::from_xy(piece.x, line.baseline),
            &glyphs,
            pdf_font(piece.face)?,
            &piece.text,
            line.size,
            false,
        );
    }
    Ok(())
}

/// The glyphs that draw `text` in `face`, left to right, each with the characters it
/// stands for: shaped when the script needs it, else a glyph a character.
fn glyphs(face: Face, text: &str, rtl: bool) -> Vec<KrillaGlyph> {
    // Right-to-left text is shaped whatever its face: shaping puts its glyphs in drawing
    // order and mirrors brackets ("(" drawn as ")" inside Arabic or Hebrew).
    if !rtl && !fonts::needs_shaping(face, text) {
        return text
            .char_indices()
            .map(|(at, ch)| {
                KrillaGlyph::new(
                    GlyphId::new(u32::from(fonts::glyph(face, ch).unwrap_or(0))),
                    fonts::advance(face, ch, 1.0),
                    0.0,
                    0.0,
                    0.0,
                    at..at + ch.len_utf8(),
                    None,
                )
            })
            .collect();
    }
    let shaped = fonts::shape(face, text, Some(rtl));
    let mut starts: Vec<usize> = shaped.iter().map(|glyph| glyph.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let cluster = |start: usize| -> Range<usize> {
        let end = starts
            .get(starts.partition_point(|next| *next <= start))
            .copied()
            .unwrap_or(text.len());
        start..end
    };
    shaped
        .iter()
        .map(|glyph| {
            KrillaGlyph::new(
                GlyphId::new(u32::from(glyph.glyph)),
                glyph.x_advance,
                glyph.x_offset,
                glyph.y_offset,
                0.0,
                cluster(glyph.cluster),
                None,
            )
        })
        .collect()
}

/// krilla's tag for a structure element.
fn tag(role: &Role) -> TagKind {
    match role {
        Role::Heading { level, text } => Tag::Hn(
            NonZeroU16::new(u16::from(*level).clamp(1, 6)).unwrap_or(NonZeroU16::MIN),
            Some(text.clone()),
        )
        .into(),
        Role::Paragraph => Tag::P.into(),
        Role::List => Tag::L(ListNumbering::Disc).into(),
        Role::ListItem => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::ListBody => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::Row => Tag::TR.into(),
        Role::HeaderCell => Tag::TH(TableHeaderScope::Column).into(),
        Role::Cell => Tag::TD.into(),
        Role::Form(_) => Tag::Form.into(),
    }
}

/// The structure tree: each element with its content and children in reading order.
/// Children come after their parents in the layout's list, so building from the last
/// element back makes every child before its parent needs it.
fn tag_tree(laid_out: &Layout, entries: Vec<Vec<Entry>>, top_level: &[usize]) -> TagTree {
    let mut built: Vec<Option<TagGroup>> = laid_out.nodes.iter().map(|_| None).collect();
    for (index, children) in entries.into_iter().enumerate().rev() {
        let Some(node) = laid_out.nodes.get(index) else {
            continue;
        };
        let mut group = TagGroup::new(tag(&node.role));
        for child in children {
            match child {
                Entry::Content(id) | Entry::Widget(id) => group.push(id),
                Entry::Element(child) => {
                    if let Some(child) = built.get_mut(child).and_then(Option::take) {
                        group.push(child);
                    }
                }
                Entry::Link(id, annotation) => {
                    let mut link = TagGroup::new(Tag::Link);
                    link.push(id);
                    if let Some(annotation) = annotation {
                        link.push(annotation);
                    }
                    group.push(link);
                }
            }
        }
        built[index] = Some(group);
    }
    let mut tree = TagTree::new().with_lang(Some(LANGUAGE.to_owned()));
    for index in top_level {
        if let Some(group) = built.get_mut(*index).and_then(Option::take) {
            tree.push(TagNode::from(group));
        }
    }
    tree
}

/// The outline (bookmarks): every heading, each under the nearest heading of a higher
/// level before it.
fn outline(laid_out: &Layout, heading_at: &[Option<(usize, f32)>]) -> Outline {
    // Open headings: (level, node) from the outermost in.
    let mut open: Vec<(u8, OutlineNode)> = Vec::new();
    let mut outline = Outline::new();
    let close = |open: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline, down_to: u8| {
        while open.last().is_some_and(|(level, _)| *level >= down_to) {
            if let Some((_, node)) = open.pop() {
                match open.last_mut() {
                    Some((_, parent)) => parent.push_child(node),
                    None => outline.push_child(node),
                }
            }
        }
    };
    for (index, node) in laid_out.nodes.iter().enumerate() {
        let Role::Heading { level, text } = &node.role else {
            continue;
        };
        let Some(Some((page, top))) = heading_at.get(index) else {
            continue;
        };
        close(&mut open, &mut outline, *level);
        let destination = XyzDestination::new(*page, Point::from_xy(0.0, top.max(0.0)));
        open.push((
            *level,
            OutlineNode::new(text.clone(), destination).with_open(true),
        ));
    }
    close(&mut open, &mut outline, 0);
    outline
}

/// `text` as the PDF's metadata may hold it: the page text's cleaning (no control
/// characters, no direction overrides, which a window's title bar would obey), without
/// the characters XML forbids (the XMP packet is XML), whitespace runs made one space.
fn metadata_text(text: &str) -> String {
    layout::sanitize(text)
        .chars()
        .filter(|ch| !matches!(ch, '\u{FFFE}' | '\u{FFFF}'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn metadata(document: &Document) -> Metadata {
    let date = document.date;
    let mut metadata = Metadata::new()
        .title(metadata_text(&document.title))
        .language(LANGUAGE.to_owned())
        .creator("Smallprint".to_owned())
        .producer(format!("Smallprint {}", env!("CARGO_PKG_VERSION")))
        .creation_date(
            DateTime::new(u16::try_from(date.year()).unwrap_or(2000))
                .month(u8::try_from(date.month()).unwrap_or(1))
                .day(u8::try_from(date.day()).unwrap_or(1))
                .hour(12)
                .minute(0)
                .second(0)
                .utc_offset_hour(0)
                .utc_offset_minute(0),
        );
    let author = metadata_text(&document.author);
    if !author.is_empty() {
        metadata = metadata.authors(vec![author]);
    }
    let subject = metadata_text(&document.subject);
    if !subject.is_empty() {
        metadata = metadata.description(subject);
    }
    metadata
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::{Block, Inline};

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            title: "Links".into(),
            author: "Kestrel Forge 3D".into(),
            subject: "Test".into(),
            date: jiff::civil::date(2026, 11, 24),
            blocks,
        }
    }

    use std::fmt::Write as _;

    /// The PDF's objects as text, each stream inflated, for looking for what was written.
    fn objects_text(bytes: &[u8]) -> String {
        let doc = lopdf::Document::load_mem(bytes).expect("lopdf reads it");
        let mut out = String::new();
        for object in doc.objects.values() {
            match object {
                lopdf::Object::Stream(stream) => {
                    let _ = write!(out, "{:?}", stream.dict);
                    if let Ok(content) = stream.decompressed_content() {
                        out.push_str(&String::from_utf8_lossy(&content));
                    }
                }
                other => {
                    let _ = write!(out, "{other:?}");
                }
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn pages_links_and_dates_are_all_there() {
        let bytes = render_accessible(&document(vec![
            Block::Paragraph(vec![Inline::link(
                "https://kestrelforge.example/terms",
                "https://kestrelforge.example/terms",
            )]),
            Block::PageBreak,
            Block::paragraph("Second page"),
        ]))
        .expect("pdf");
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        assert_eq!(doc.get_pages().len(), 2);
        let raw = objects_text(&bytes);
        assert!(
            raw.contains("https://kestrelforge.example/terms"),
            "the link"
        );
        assert!(raw.contains("D:20261124"), "the document's date");
    }

    #[test]
    fn only_web_and_email_addresses_become_links() {
        let bytes = render(&document(vec![Block::Paragraph(vec![
            Inline::link("run me", "javascript:alert(1)"),
            Inline::link("share", "smb://fictional.example/x"),
        ])]))
        .expect("pdf");
        let raw = objects_text(&bytes);
        assert!(
            !raw.contains("/URI") && !raw.contains("URI"),
            "no annotation"
        );
    }

    #[test]
    fn right_to_left_brackets_are_drawn_mirrored_in_drawing_order() {
        // " (" inside Arabic text, right to left: the bracket comes first, drawn as ")".
        let drawn: Vec<u32> = glyphs(Face::Regular, " (", true)
            .iter()
            .map(|g| g.glyph_id.to_u32())
            .collect();
        let glyph = |ch| u32::from(fonts::glyph(Face::Regular, ch).expect("a glyph"));
        assert_eq!(drawn, [glyph(')'), glyph(' ')]);
        // Left to right, as typed.
        let drawn: Vec<u32> = glyphs(Face::Regular, " (", false)
            .iter()
            .map(|g| g.glyph_id.to_u32())
            .collect();
        assert_eq!(drawn, [glyph(' '), glyph('(')]);
    }

    #[test]
    fn metadata_holds_no_control_override_or_xml_forbidden_character() {
        let bytes = render(&Document {
            title: "Shop \u{202E}evil\u{2067} x\u{1}\u{FFFF}\nname".into(),
            author: "Ann\tLee\u{0}".into(),
            subject: "Test".into(),
            date: jiff::civil::date(2026, 12, 3),
            blocks: vec![Block::paragraph("Hello")],
        })
        .expect("pdf");
        let doc = lopdf::Document::load_mem(&bytes).expect("lopdf reads it");
        let xmp = doc
            .catalog()
            .and_then(|catalog| catalog.get(b"Metadata"))
            .and_then(lopdf::Object::as_reference)
            .and_then(|id| doc.get_object(id))
            .and_then(lopdf::Object::as_stream)
            .map(|stream| String::from_utf8_lossy(&stream.content).into_owned())
            .expect("an XMP packet");
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .expect("an Info dictionary");
        let title = info
            .get(b"Title")
            .and_then(lopdf::decode_text_string)
            .expect("a title");
        assert_eq!(title, "Shop evil x name");
        for bad in ['\u{202E}', '\u{2067}', '\u{1}', '\u{FFFF}', '\u{0}'] {
            assert!(!xmp.contains(bad), "{bad:?} in the XMP packet");
        }
        assert!(xmp.contains("Shop evil x name"), "{xmp}");
        assert!(xmp.contains("Ann Lee"), "{xmp}");
    }

    #[test]
    fn a_character_no_font_has_still_makes_a_pdf_without_the_claim() {
        // A private-use character: no shipped face has it, PDF/UA forbids its box.
        let strange = document(vec![Block::paragraph("Dear \u{E000} Smith,")]);
        assert!(matches!(
            render_accessible(&strange),
            Err(PdfError::NotAccessible(_))
        ));
        let bytes = render(&strange).expect("written all the same");
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(!objects_text(&bytes).contains("pdfuaid:part"));
    }
}
