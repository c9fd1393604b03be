//! The faces documents are set in, shipped in `assets/fonts/` so a PDF looks the same
//! on every machine and prints a requester's name in whatever script it is written:
//! Noto Sans regular and bold for Latin, Greek and Cyrillic; a Noto face for each of the
//! UK's other common scripts (Arabic with Urdu and Persian, Hebrew, Devanagari,
//! Gurmukhi, Bengali, Gujarati, Tamil, Thai, Korean Hangul); and Droid Sans Fallback for
//! Chinese and Japanese. Each character takes the first face that has it (a combining
//! mark or joiner stays with its letter's face, so a word is shaped whole).
//!
//! Each face is parsed the first time a character needs it, and what a face says about a
//! character — whether it has a glyph, and how far it advances — is looked up once per
//! face and character, then read from a table: laying out a notice asks about each of its
//! twenty thousand characters, but about only a hundred distinct ones. Text in a script
//! whose letters change shape with their neighbours is shaped ([`shape`]) instead.

use std::{
    collections::HashMap,
    sync::{
        Mutex, OnceLock,
        atomic::{AtomicU64, Ordering},
    },
};

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};

/// A shipped face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    /// Naskh, the style Arabic, Persian and Urdu are printed in (Nastaliq aside).
    Arabic,
    Hebrew,
    /// Hindi, Marathi, Nepali.
    Devanagari,
    /// Punjabi.
    Gurmukhi,
    Bengali,
    Gujarati,
    Tamil,
    Thai,
    /// Korean syllables and jamo, cut from Noto Sans CJK KR (`assets/fonts/README.md`).
    Hangul,
    /// Chinese, Japanese and whatever else no other face has.
    Fallback,
}

impl Face {
    pub const ALL: [Face; 12] = [
        Face::Regular,
        Face::Bold,
        Face::Arabic,
        Face::Hebrew,
        Face::Devanagari,
        Face::Gurmukhi,
        Face::Bengali,
        Face::Gujarati,
        Face::Tamil,
        Face::Thai,
        Face::Hangul,
        Face::Fallback,
    ];

    /// The font file, compiled in.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
            Face::Arabic => include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf"),
            Face::Hebrew => include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf"),
            Face::Devanagari => {
                include_bytes!("../../assets/fonts/NotoSansDevanagari-Regular.ttf")
            }
            Face::Gurmukhi => include_bytes!("../../assets/fonts/NotoSansGurmukhi-Regular.ttf"),
            Face::Bengali => include_bytes!("../../assets/fonts/NotoSansBengali-Regular.ttf"),
            Face::Gujarati => include_bytes!("../../assets/fonts/NotoSansGujarati-Regular.ttf"),
            Face::Tamil => include_bytes!("../../assets/fonts/NotoSansTamil-Regular.ttf"),
            Face::Thai => include_bytes!("../../assets/fonts/NotoSansThai-Regular.ttf"),
            Face::Hangul => include_bytes!("../../assets/fonts/NotoSansKR-Hangul.otf"),
            Face::Fallback => include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Whether text in this face must be shaped: its script joins letters, forms
    /// conjuncts or places marks, so one character is not one glyph.
    pub fn is_complex(self) -> bool {
        !matches!(self, Face::Regular | Face::Bold | Face::Fallback)
    }
}

/// The faces a character is looked for in, in order: the text's own face, then the
/// other scripts' faces, then the CJK fallback. Bold text in a script with no bold face
/// is set in its regular face.
fn search_order(bold: bool) -> [Face; 12] {
    let mut order = Face::ALL;
    if bold {
        order.swap(0, 1);
    }
    order
}

/// Characters below this have a slot in a face's table (Latin, Greek, Cyrillic, general
/// punctuation, symbols); the rest are kept in a map.
const TABLE_SIZE: usize = 0x3000;
/// A table slot: 0 when not yet looked up, else this bit, the coverage bit, the glyph
/// (bits 16 to 31) and the advance in font units (bits 0 to 15).
const KNOWN: u64 = 1 << 63;
const COVERED: u64 = 1 << 62;
const ADVANCE: u64 = 0xFFFF;
const GLYPH_SHIFT: u32 = 16;

struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    table: Box<[AtomicU64]>,
    others: Mutex<HashMap<char, u64>>,
}

impl Metrics {
    /// What the face says about `ch`, packed as a table slot.
    fn look_up(&self, ch: char) -> u64 {
        let glyph = self.face.glyph_index(ch).filter(|g| g.0 != 0);
        // A missing glyph is drawn as .notdef, glyph 0.
        let id = glyph.unwrap_or(ttf_parser::GlyphId(0));
        let advance = self.face.glyph_hor_advance(id).unwrap_or(0);
        KNOWN
            | if glyph.is_some() { COVERED } else { 0 }
            | u64::from(id.0) << GLYPH_SHIFT
            | u64::from(advance)
    }

    fn slot(&self, ch: char) -> u64 {
        let code = ch as usize;
        if let Some(cell) = self.table.get(code) {
            let known = cell.load(Ordering::Relaxed);
            if known != 0 {
                return known;
            }
            let found = self.look_up(ch);
            cell.store(found, Ordering::Relaxed);
            return found;
        }
        let mut others = self
            .others
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        *others.entry(ch).or_insert_with(|| self.look_up(ch))
    }
}

/// Parsed on first use: the files are compiled in, and a unit test parses each of them,
/// so a failure here is a broken build, never bad user input.
#[allow(
    clippy::expect_used,
    reason = "the fonts are compiled in and parsed by a unit test"
)]
fn metrics(face: Face) -> &'static Metrics {
    static METRICS: [OnceLock<Metrics>; Face::ALL.len()] =
        [const { OnceLock::new() }; Face::ALL.len()];
    METRICS[face.index()].get_or_init(|| {
        let parsed =
            ttf_parser::Face::parse(face.bytes(), 0).expect("shipped fonts are valid TrueType");
        Metrics {
            units_per_em: f32::from(parsed.units_per_em()),
            face: parsed,
            table: (0..TABLE_SIZE).map(|_| AtomicU64::new(0)).collect(),
            others: Mutex::new(HashMap::new()),
        }
    })
}

/// The glyph that draws `ch` in `face`, if the face has one.
pub fn glyph(face: Face, ch: char) -> Option<u16> {
    let slot = metrics(face).slot(ch);
    // The glyph is 16 bits by construction.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "masked to 16 bits just before"
    )]
    let glyph = ((slot >> GLYPH_SHIFT) & 0xFFFF) as u16;
    (slot & COVERED != 0).then_some(glyph)
}

/// Whether `face` has a glyph for `ch`.
pub fn covers(face: Face, ch: char) -> bool {
    metrics(face).slot(ch) & COVERED != 0
}

/// The face that draws `ch`: bold text falls back to regular before the other scripts'
/// faces, and a character no face has stays in the text face, where it prints as a box
/// but still extracts as itself.
pub fn face_for(ch: char, bold: bool) -> Face {
    search_order(bold)
        .into_iter()
        .find(|face| covers(*face, ch))
        .unwrap_or(if bold { Face::Bold } else { Face::Regular })
}

/// Whether `ch` belongs with the letter before it: a combining mark, or a format
/// character such as the zero-width joiners that choose a conjunct's or a letter's form.
pub fn attaches_to_previous(ch: char) -> bool {
    !ch.is_ascii() && matches!(ch.general_category_group(), GeneralCategoryGroup::Mark)
        || is_joiner(ch)
}

/// The zero-width non-joiner, joiner and combining grapheme joiner: shaping uses them and
/// never draws them.
fn is_joiner(ch: char) -> bool {
    matches!(ch, '\u{200C}' | '\u{200D}' | '\u{034F}')
}

/// The face of `ch`, given the character before it and its face: the first face that
/// has `ch`, except that a mark stays in its letter's face when that face has it, and a
/// joiner (which shaping uses and never draws) always, so shaping sees the letter and
/// its marks together. A mark its letter's face lacks is drawn from a face that has it,
/// never as a box.
pub fn face_after(previous: Option<Face>, ch: char, bold: bool) -> Face {
    let own = face_for(ch, bold);
    match previous {
        Some(face)
            if face != own
                && attaches_to_previous(ch)
                && (covers(face, ch) || (is_joiner(ch) && face.is_complex())) =>
        {
            face
        }
        _ => own,
    }
}

/// Whether `text`, set in `face`, must be shaped rather than drawn a glyph a character:
/// a complex script, or any combining mark (which shaping positions over its letter).
pub fn needs_shaping(face: Face, text: &str) -> bool {
    face.is_complex() || text.chars().any(attaches_to_previous)
}

/// One glyph of shaped text, in drawing order (left to right).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    pub glyph: u16,
    /// The byte offset in the shaped text where this glyph's cluster starts.
    pub cluster: usize,
    /// In ems (font units divided by units per em).
    pub x_advance: f32,
    pub x_offset: f32,
    pub y_offset: f32,
}

/// rustybuzz's parse of `face`, made the first time a face is shaped and kept.
#[allow(
    clippy::expect_used,
    reason = "the fonts are compiled in and parsed by a unit test"
)]
fn shaper(face: Face) -> &'static rustybuzz::Face<'static> {
    static SHAPERS: [OnceLock<rustybuzz::Face<'static>>; Face::ALL.len()] =
        [const { OnceLock::new() }; Face::ALL.len()];
    SHAPERS[face.index()].get_or_init(|| {
        rustybuzz::Face::from_slice(face.bytes(), 0).expect("shipped fonts are valid OpenType")
    })
}

/// `text` shaped in `face` (`OpenType` shaping, `HarfBuzz`'s algorithm), its direction given
/// by the bidirectional algorithm's level (odd: right to left) or, without one, by its
/// script. Glyphs come in drawing order: for right-to-left text, the last character's
/// glyph first.
pub fn shape(face: Face, text: &str, right_to_left: Option<bool>) -> Vec<ShapedGlyph> {
    let shaper = shaper(face);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    if let Some(rtl) = right_to_left {
        buffer.set_direction(if rtl {
            rustybuzz::Direction::RightToLeft
        } else {
            rustybuzz::Direction::LeftToRight
        });
    }
    let output = rustybuzz::shape(shaper, &[], buffer);
    #[allow(
        clippy::cast_precision_loss,
        reason = "units per em and glyph positions are small integers"
    )]
    let units = shaper.units_per_em().max(1) as f32;
    output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(
            #[allow(
                clippy::cast_precision_loss,
                reason = "glyph positions are small integers"
            )]
            |(info, position)| ShapedGlyph {
                glyph: u16::try_from(info.glyph_id).unwrap_or(0),
                cluster: info.cluster as usize,
                x_advance: position.x_advance as f32 / units,
                x_offset: position.x_offset as f32 / units,
                y_offset: position.y_offset as f32 / units,
            },
        )
        .collect()
}

/// How far `ch` advances the pen in `face` at `size` points.
pub fn advance(face: Face, ch: char, size: f32) -> f32 {
    let metrics = metrics(face);
    // The advance is 16 bits by construction.
    #[allow(
        clippy::cast_possible_truncation,
        reason = "masked to 16 bits just before"
    )]
    let units = (metrics.slot(ch) & ADVANCE) as u16;
    f32::from(units) * size / metrics.units_per_em
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_face_parses() {
        for face in Face::ALL {
            assert!(ttf_parser::Face::parse(face.bytes(), 0).is_ok(), "{face:?}");
        }
    }

    #[test]
    fn every_script_of_a_requesters_name_has_a_face() {
        for ch in "Zoë Łukasiewicz — Ωμέγα Жанна 李小龍 café •".chars() {
            let face = face_for(ch, false);
            assert!(covers(face, ch), "{ch:?} has no glyph");
        }
        assert_eq!(face_for('李', true), Face::Fallback);
        assert_eq!(face_for('Ж', true), Face::Bold);
        assert_eq!(face_for('a', false), Face::Regular);
    }

    fn width(text: &str, bold: bool, size: f32) -> f32 {
        text.chars()
            .map(|ch| advance(face_for(ch, bold), ch, size))
            .sum()
    }

    #[test]
    fn widths_grow_with_size_and_bold_is_wider() {
        let regular = width("Privacy notice", false, 10.0);
        assert!(regular > 40.0 && regular < 90.0, "{regular}");
        assert!((width("Privacy notice", false, 20.0) - 2.0 * regular).abs() < 0.01);
        assert!(width("Privacy notice", true, 10.0) > regular);
    }

    #[test]
    fn cached_widths_equal_the_fonts_own() {
        for face in [Face::Regular, Face::Bold] {
            let parsed = ttf_parser::Face::parse(face.bytes(), 0).expect("parses");
            for ch in "Aa1 —’•é€Ж\u{3000}".chars().chain(['\u{10348}']) {
                let units = parsed
                    .glyph_index(ch)
                    .filter(|g| g.0 != 0)
                    .or(Some(ttf_parser::GlyphId(0)))
                    .and_then(|g| parsed.glyph_hor_advance(g))
                    .unwrap_or(0);
                let expected = f32::from(units) * 10.0 / f32::from(parsed.units_per_em());
                // Asked twice: the second answer comes from the cache.
                for _ in 0..2 {
                    assert!((advance(face, ch, 10.0) - expected).abs() < 1e-4, "{ch:?}");
                }
            }
        }
    }
}
