//! Every colour and spacing the screens use, in one place: the meaning of a colour
//! (an error, a warning, a success, how urgent a date is) is chosen here, and screens
//! ask for the meaning, never for an RGB value.

use egui::{Color32, Visuals};

use crate::{domain::agenda::Urgency, session::Tone};

/// Colours by meaning, for the current light or dark visuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub error: Color32,
    pub warning: Color32,
    pub success: Color32,
    pub text: Color32,
    pub strong: Color32,
    pub weak: Color32,
}

impl Palette {
    pub fn of(visuals: &Visuals) -> Self {
        // Both sets keep at least 4.5:1 against egui's panel colour in their mode.
        let (error, warning, success) = if visuals.dark_mode {
            (
                Color32::from_rgb(0xff, 0x6b, 0x6b),
                Color32::from_rgb(0xf0, 0xa0, 0x30),
                Color32::from_rgb(0x5c, 0xc8, 0x6e),
            )
        } else {
            (
                Color32::from_rgb(0xb0, 0x1c, 0x1c),
                Color32::from_rgb(0x8a, 0x4b, 0x00),
                Color32::from_rgb(0x1e, 0x6e, 0x2e),
            )
        };
        Self {
            error,
            warning,
            success,
            text: visuals.text_color(),
            strong: visuals.strong_text_color(),
            weak: visuals.weak_text_color(),
        }
    }

    /// The colour of a date by how soon it falls; `Later` keeps `normal`.
    pub fn urgency(&self, urgency: Urgency, normal: Color32) -> Color32 {
        match urgency {
            Urgency::Overdue => self.error,
            Urgency::Soon => self.warning,
            Urgency::Later => normal,
        }
    }

    /// The colour of a status message.
    pub fn tone(&self, tone: Tone) -> Color32 {
        match tone {
            Tone::Info => self.text,
            Tone::Success => self.success,
            Tone::Warning => self.warning,
            Tone::Error => self.error,
        }
    }
}

/// The palette of the `ui`'s current visuals.
pub fn palette(ui: &egui::Ui) -> Palette {
    Palette::of(ui.visuals())
}

/// A document preview is drawn as ink on paper, the same in light and dark mode, so it
/// looks like what will print.
pub mod paper {
    use egui::Color32;

    pub const PAPER: Color32 = Color32::from_rgb(0xfd, 0xfd, 0xfb);
    pub const INK: Color32 = Color32::from_rgb(0x1b, 0x1b, 0x1b);
    pub const STRONG_INK: Color32 = Color32::BLACK;
    pub const LINK: Color32 = Color32::from_rgb(0x0b, 0x4a, 0xa6);
    pub const BORDER: Color32 = Color32::from_gray(200);
}

/// Spacing, in points.
pub mod spacing {
    /// Between the sections of a screen or form.
    pub const SECTION: f32 = 12.0;
    /// Between related items.
    pub const ITEM: f32 = 6.0;
    /// Between paragraphs of text.
    pub const PARAGRAPH: f32 = 8.0;
    /// Between lines that belong together.
    pub const TIGHT: f32 = 4.0;
    /// Between the items of a list of links.
    pub const HAIR: f32 = 2.0;
    /// Above a heading inside a document preview.
    pub const HEADING_GAP: f32 = 10.0;
    /// Above a page that stands alone (the welcome page).
    pub const PAGE_TOP: f32 = 40.0;
    /// Between paragraphs, and around a group of buttons.
    pub const GROUP: f32 = 16.0;
    /// The label column of a two-column form.
    pub const LABEL_COLUMN: f32 = 170.0;
    /// A one-line field in a two-column form.
    pub const FIELD_WIDTH: f32 = 320.0;
    /// The widest a column of reading text or fields gets.
    pub const READING_WIDTH: f32 = 560.0;
    /// Padding inside banners and panes.
    pub const INNER_MARGIN: f32 = 8.0;
}

/// Text sizes, in points.
pub mod text {
    pub const SCREEN_TITLE: f32 = 26.0;
    pub const SUBHEADING: f32 = 16.0;
    pub const SECTION: f32 = 15.0;
    pub const NAVIGATION: f32 = 15.0;
    pub const DUE_DATE: f32 = 18.0;
}
