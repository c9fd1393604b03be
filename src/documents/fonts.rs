//! The faces documents are set in, shipped in `assets/fonts/` so a PDF looks the same
//! on every machine: Noto Sans regular and bold for Latin, Greek and Cyrillic, and
//! Droid Sans Fallback for Chinese, Japanese and Korean. Each character takes the first
//! face that has it, so a name in any script prints and extracts as typed.

use std::sync::LazyLock;

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
}

struct Parsed {
    faces: [ttf_parser::Face<'static>; 3],
}

/// Parsed once: the files are compiled in, and a unit test parses each of them, so a
/// failure here is a broken build, never bad user input.
#[allow(
    clippy::expect_used,
    reason = "the fonts are compiled in and checked by a test: a failure is a broken build"
)]
static PARSED: LazyLock<Parsed> = LazyLock::new(|| Parsed {
    faces: Face::ALL.map(|face| {
        ttf_parser::Face::parse(face.bytes(), 0).expect("shipped fonts are valid TrueType")
    }),
});

fn parsed(face: Face) -> &'static ttf_parser::Face<'static> {
    &PARSED.faces[face as usize]
}

/// Whether `face` has a glyph for `ch`.
pub fn covers(face: Face, ch: char) -> bool {
    parsed(face).glyph_index(ch).is_some_and(|g| g.0 != 0)
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
    let font = parsed(face);
    let units = font
        .glyph_index(ch)
        .and_then(|glyph| font.glyph_hor_advance(glyph))
        // printpdf draws a missing glyph as .notdef, glyph 0.
        .or_else(|| font.glyph_hor_advance(ttf_parser::GlyphId(0)))
        .unwrap_or(0);
    f32::from(units) * size / f32::from(font.units_per_em())
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
}
