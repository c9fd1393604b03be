//! The faces documents are set in, shipped in `assets/fonts/` so a PDF looks the same
//! on every machine: Noto Sans regular and bold for Latin, Greek and Cyrillic, and
//! Droid Sans Fallback for Chinese, Japanese and Korean. Each character takes the first
//! face that has it, so a name in any script prints and extracts as typed.
//!
//! Each face is parsed the first time a character needs it (the CJK face, 4 MB, only
//! for text that Noto Sans cannot draw), and what a face says about a character —
//! whether it has a glyph, and how far it advances — is looked up once per face and
//! character, then read from a table: laying out a notice asks about each of its
//! twenty thousand characters, but about only a hundred distinct ones.

use std::{
    collections::HashMap,
    sync::{
        Mutex, OnceLock,
        atomic::{AtomicU32, Ordering},
    },
};

/// A shipped face.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    /// CJK and whatever else Noto Sans lacks.
    Fallback,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Fallback];

    /// The TrueType file, compiled in.
    pub fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => include_bytes!("../../assets/fonts/NotoSans-Regular.ttf"),
            Face::Bold => include_bytes!("../../assets/fonts/NotoSans-Bold.ttf"),
            Face::Fallback => include_bytes!("../../assets/fonts/DroidSansFallbackFull.ttf"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Characters below this have a slot in a face's table (Latin, Greek, Cyrillic, general
/// punctuation, symbols); the rest are kept in a map.
const TABLE_SIZE: usize = 0x3000;
/// A table slot: 0 when not yet looked up, else this bit, the coverage bit and the
/// advance in font units.
const KNOWN: u32 = 1 << 31;
const COVERED: u32 = 1 << 30;
const ADVANCE: u32 = 0xFFFF;

struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    table: Box<[AtomicU32]>,
    others: Mutex<HashMap<char, u32>>,
}

impl Metrics {
    /// What the face says about `ch`, packed as a table slot.
    fn look_up(&self, ch: char) -> u32 {
        let glyph = self.face.glyph_index(ch).filter(|g| g.0 != 0);
        // printpdf draws a missing glyph as .notdef, glyph 0.
        let advance = self
            .face
            .glyph_hor_advance(glyph.unwrap_or(ttf_parser::GlyphId(0)))
            .unwrap_or(0);
        KNOWN | if glyph.is_some() { COVERED } else { 0 } | u32::from(advance)
    }

    fn slot(&self, ch: char) -> u32 {
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
    static METRICS: [OnceLock<Metrics>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    METRICS[face.index()].get_or_init(|| {
        let parsed =
            ttf_parser::Face::parse(face.bytes(), 0).expect("shipped fonts are valid TrueType");
        Metrics {
            units_per_em: f32::from(parsed.units_per_em()),
            face: parsed,
            table: (0..TABLE_SIZE).map(|_| AtomicU32::new(0)).collect(),
            others: Mutex::new(HashMap::new()),
        }
    })
}

/// The glyph that draws `ch` in `face`, if the face has one (not cached: for the rare
/// character that shares its glyph with another).
pub fn glyph(face: Face, ch: char) -> Option<u16> {
    metrics(face)
        .face
        .glyph_index(ch)
        .map(|g| g.0)
        .filter(|g| *g != 0)
}

/// Whether `face` has a glyph for `ch`.
pub fn covers(face: Face, ch: char) -> bool {
    metrics(face).slot(ch) & COVERED != 0
}

/// The face that draws `ch`: bold text falls back to regular before the CJK face
/// (Droid has no bold), and a character no face has stays in the text face, where it
/// prints as a box but still extracts as itself.
pub fn face_for(ch: char, bold: bool) -> Face {
    let text_face = if bold { Face::Bold } else { Face::Regular };
    [text_face, Face::Regular, Face::Fallback]
        .into_iter()
        .find(|face| covers(*face, ch))
        .unwrap_or(text_face)
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

/// The width of `text` at `size` points, each character in the face that draws it.
pub fn width(text: &str, bold: bool, size: f32) -> f32 {
    text.chars()
        .map(|ch| advance(face_for(ch, bold), ch, size))
        .sum()
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
