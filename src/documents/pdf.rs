//! Writes a [`Document`] as an A4 PDF with printpdf: the only module that knows the PDF
//! crate. Layout happens in `layout.rs`; here each positioned piece becomes text in an
//! embedded, subset font, so the PDF is small and its text selects and extracts exactly.

use std::{collections::BTreeMap, sync::LazyLock};

use printpdf::{
    Actions, BorderArray, Color, FontId, LinePoint, LinkAnnotation, Mm, Op, PaintMode, ParsedFont,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
    TextMatrix,
};
use thiserror::Error;

use super::{
    fonts::Face,
    layout::{self, Mark, PAGE_HEIGHT, Page},
    model::Document,
};

#[derive(Debug, Error)]
pub enum PdfError {
    #[error("the {0:?} font shipped with Smallprint could not be read, so no PDF was made")]
    Font(Face),
}

/// printpdf's parsed faces, made once: parsing the CJK face takes a while.
static PDF_FONTS: LazyLock<[Option<ParsedFont>; 3]> = LazyLock::new(|| {
    Face::ALL.map(|face| ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new()))
});

const BLACK: (f32, f32, f32) = (0.0, 0.0, 0.0);
const LINK_BLUE: (f32, f32, f32) = (0.05, 0.25, 0.65);
const MUTED: (f32, f32, f32) = (0.4, 0.4, 0.4);
const RULE_GREY: (f32, f32, f32) = (0.7, 0.7, 0.7);
const SHADE_GREY: (f32, f32, f32) = (0.93, 0.94, 0.95);

fn colour((r, g, b): (f32, f32, f32)) -> Color {
    Color::Rgb(Rgb::new(r, g, b, None))
}

/// Top-down layout coordinates to PDF's bottom-up ones.
fn point(x: f32, y_from_top: f32) -> Point {
    Point {
        x: Pt(x),
        y: Pt(PAGE_HEIGHT - y_from_top),
    }
}

/// The document as PDF bytes.
pub fn render(document: &Document) -> Result<Vec<u8>, PdfError> {
    render_pages(document, &layout::layout(document))
}

/// Pages already laid out, as PDF bytes.
pub fn render_pages(document: &Document, pages: &[Page]) -> Result<Vec<u8>, PdfError> {
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

    // Only the faces the pages use are embedded.
    let mut fonts: BTreeMap<Face, FontId> = BTreeMap::new();
    for page in pages {
        for line in page.lines() {
            for piece in &line.pieces {
                if let std::collections::btree_map::Entry::Vacant(slot) = fonts.entry(piece.face) {
                    let parsed = PDF_FONTS[piece.face as usize]
                        .as_ref()
                        .ok_or(PdfError::Font(piece.face))?;
                    slot.insert(pdf.add_font(parsed));
                }
            }
        }
    }
    let pdf_pages = pages
        .iter()
        .map(|page| PdfPage::new(Mm(210.0), Mm(297.0), page_ops(page, &fonts)))
        .collect();
    pdf.with_pages(pdf_pages);
    let options = PdfSaveOptions {
        subset_fonts: true,
        ..PdfSaveOptions::default()
    };
    Ok(pdf.save(&options, &mut Vec::new()))
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

fn page_ops(page: &Page, fonts: &BTreeMap<Face, FontId>) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut links = Vec::new();
    for mark in &page.marks {
        match mark {
            Mark::Shade {
                x,
                top,
                width,
                height,
            } => {
                ops.push(Op::SetFillColor {
                    col: colour(SHADE_GREY),
                });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(PAGE_HEIGHT - top - height),
                        width: Pt(*width),
                        height: Pt(*height),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
            }
            Mark::Rule { y, x1, x2 } => {
                ops.push(Op::SetOutlineColor {
                    col: colour(RULE_GREY),
                });
                ops.push(Op::SetOutlineThickness { pt: Pt(0.5) });
                ops.push(Op::DrawLine {
                    line: printpdf::Line {
                        points: vec![
                            LinePoint {
                                p: point(*x1, *y),
                                bezier: false,
                            },
                            LinePoint {
                                p: point(*x2, *y),
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            Mark::Text(line) => {
                // One text section a line: extraction reads it as one line of text.
                ops.push(Op::StartTextSection);
                for piece in &line.pieces {
                    let Some(font) = fonts.get(&piece.face) else {
                        continue;
                    };
                    let fill = if line.muted {
                        MUTED
                    } else if piece.link.is_some() {
                        LINK_BLUE
                    } else {
                        BLACK
                    };
                    ops.push(Op::SetFillColor { col: colour(fill) });
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(line.size),
                    });
                    let at = point(piece.x, line.baseline);
                    ops.push(Op::SetTextMatrix {
                        matrix: TextMatrix::Translate(at.x, at.y),
                    });
                    ops.push(Op::ShowText {
                        items: vec![TextItem::Text(piece.text.clone())],
                    });
                    if let Some(url) = &piece.link {
                        links.push(Op::LinkAnnotation {
                            link: LinkAnnotation::new(
                                Rect::from_xywh(
                                    Pt(piece.x),
                                    Pt(PAGE_HEIGHT - line.baseline - line.size * 0.25),
                                    Pt(piece.width),
                                    Pt(line.size * 1.2),
                                ),
                                Actions::Uri(url.clone()),
                                // No box drawn round the link: the colour marks it.
                                Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                                None,
                                None,
                            ),
                        });
                    }
                }
                ops.push(Op::EndTextSection);
            }
        }
    }
    ops.extend(links);
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::documents::model::Block;

    /// The text of each page, as printpdf's own reader extracts it.
    pub(crate) fn extract(bytes: &[u8]) -> Vec<String> {
        let parsed = PdfDocument::parse(
            bytes,
            &printpdf::PdfParseOptions::default(),
            &mut Vec::new(),
        )
        .expect("a PDF we wrote parses");
        parsed
            .extract_text()
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
}
