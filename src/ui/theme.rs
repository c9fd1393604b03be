//! Every colour and spacing the screens use, in one place: the meaning of a colour
//! (an error, a warning, a success, how urgent a date is) is chosen here, and screens
//! ask for the meaning, never for an RGB value.

use egui::{Color32, Stroke, Theme, ThemePreference, Visuals};

use crate::{
    command::{Look, ThemeChoice},
    domain::agenda::Urgency,
    session::Tone,
};

/// WCAG 2's minimum contrast for body text (AA).
pub const MINIMUM_CONTRAST: f64 = 4.5;

/// Sets the theme (light, dark or the system's) and the text size.
pub fn apply(ctx: &egui::Context, look: Look) {
    ctx.set_visuals_of(Theme::Dark, dark_visuals());
    ctx.set_visuals_of(Theme::Light, light_visuals());
    ctx.set_theme(match look.theme {
        ThemeChoice::FollowSystem => ThemePreference::System,
        ThemeChoice::Light => ThemePreference::Light,
        ThemeChoice::Dark => ThemePreference::Dark,
    });
    ctx.set_zoom_factor(look.text_size.scale());
}

/// egui's dark visuals, with text bright enough to read (egui's weak text is 60%
/// alpha, about 2.6:1) and a focus ring on every control.
pub fn dark_visuals() -> Visuals {
    let mut visuals = Visuals::dark();
    visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(200);
    visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(225);
    visuals.weak_text_color = Some(Color32::from_gray(160));
    visuals.hyperlink_color = Color32::from_rgb(0x8a, 0xb8, 0xff);
    visuals.selection.bg_fill = Color32::from_rgb(0x1f, 0x4e, 0x8c);
    visuals.selection.stroke = Stroke::new(1.0, Color32::WHITE);
    focus_ring(&mut visuals, Color32::from_rgb(0x8a, 0xb8, 0xff));
    field_outline(&mut visuals, Color32::from_gray(0x80));
    visuals
}

/// egui's light visuals, with darker text and a focus ring on every control.
pub fn light_visuals() -> Visuals {
    let mut visuals = Visuals::light();
    visuals.widgets.noninteractive.fg_stroke.color = Color32::from_gray(40);
    visuals.widgets.inactive.fg_stroke.color = Color32::from_gray(25);
    visuals.weak_text_color = Some(Color32::from_gray(95));
    visuals.hyperlink_color = Color32::from_rgb(0x0b, 0x4a, 0xa6);
    visuals.selection.bg_fill = Color32::from_rgb(0xb4, 0xd2, 0xff);
    visuals.selection.stroke = Stroke::new(1.0, Color32::from_gray(10));
    focus_ring(&mut visuals, Color32::from_rgb(0x0b, 0x4a, 0xa6));
    field_outline(&mut visuals, Color32::from_gray(0x80));
    visuals
}

/// An outline on every control at rest (a text field, a button, a drop-down) that
/// stands out from the panel by WCAG 1.4.11's 3:1, so a field is seen as a field: egui's
/// own field fill differs from the panel by about 1.1:1.
fn field_outline(visuals: &mut Visuals, outline: Color32) {
    visuals.widgets.inactive.bg_stroke = Stroke::new(1.0, outline);
}

/// egui draws a focused control with its "active" look; a 2-point ring in the accent
/// colour makes keyboard focus visible on buttons, links and drop-downs too.
fn focus_ring(visuals: &mut Visuals, accent: Color32) {
    visuals.widgets.active.bg_stroke = Stroke::new(2.0, accent);
}

/// WCAG 2's relative luminance of one sRGB channel.
fn channel(value: u8) -> f64 {
    let c = f64::from(value) / 255.0;
    if c <= 0.040_45 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// WCAG 2's relative luminance of an opaque colour.
fn luminance(colour: Color32) -> f64 {
    0.2126 * channel(colour.r()) + 0.7152 * channel(colour.g()) + 0.0722 * channel(colour.b())
}

/// `colour` as seen over the opaque `background` (egui's weak text is translucent).
pub fn over(colour: Color32, background: Color32) -> Color32 {
    // Color32 is premultiplied: what shows is the colour plus the background's share.
    let share = 255 - u16::from(colour.a());
    let mix = |c: u8, b: u8| {
        let value = u16::from(c) + (u16::from(b) * share + 127) / 255;
        u8::try_from(value.min(255)).unwrap_or(u8::MAX)
    };
    Color32::from_rgb(
        mix(colour.r(), background.r()),
        mix(colour.g(), background.g()),
        mix(colour.b(), background.b()),
    )
}

/// The contrast ratio of two colours as WCAG 2 defines it (1 to 21): `a` is seen over
/// `b`, which is opaque.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let a = over(a, b);
    let (la, lb) = (luminance(a), luminance(b));
    let (lighter, darker) = if la > lb { (la, lb) } else { (lb, la) };
    (lighter + 0.05) / (darker + 0.05)
}

/// Colours by meaning, for the current light or dark visuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    pub error: Color32,
    pub warning: Color32,
    pub success: Color32,
    pub text: Color32,
    pub strong: Color32,
    pub weak: Color32,
    /// Behind a banner that informs (the example shop), not warns.
    pub info_fill: Color32,
    /// Behind a banner that warns.
    pub warning_fill: Color32,
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
            info_fill: visuals.faint_bg_color,
            warning_fill: visuals.warn_fg_color.gamma_multiply(0.12),
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
    /// The smallest text drawn: captions under checklist items, holiday names. egui's
    /// own "small" (9 points) is too small to read comfortably.
    pub const CAPTION: f32 = 12.0;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text colour the screens use, on every background it is drawn on, in both
    /// themes, with what it is, for the failure message.
    fn pairs(visuals: &Visuals) -> Vec<(String, Color32, Color32)> {
        let palette = Palette::of(visuals);
        let backgrounds = [
            ("panel", visuals.panel_fill),
            ("window", visuals.window_fill),
            ("text field", visuals.text_edit_bg_color()),
        ];
        let texts = [
            ("text", palette.text),
            ("strong text", palette.strong),
            ("weak text", palette.weak),
            ("error", palette.error),
            ("warning", palette.warning),
            ("success", palette.success),
            ("link", visuals.hyperlink_color),
        ];
        let mut pairs = Vec::new();
        for (background_name, background) in backgrounds {
            for (text_name, text) in texts {
                pairs.push((
                    format!("{text_name} on {background_name}"),
                    text,
                    background,
                ));
            }
        }
        for (state, widget) in [
            ("inactive", visuals.widgets.inactive),
            ("hovered", visuals.widgets.hovered),
            ("active", visuals.widgets.active),
        ] {
            pairs.push((
                format!("{state} button text"),
                widget.fg_stroke.color,
                widget.weak_bg_fill,
            ));
        }
        pairs.push((
            "selected text".to_owned(),
            visuals.selection.stroke.color,
            visuals.selection.bg_fill,
        ));
        pairs
    }

    #[test]
    fn every_text_colour_meets_wcag_aa_on_both_themes() {
        for (theme, visuals) in [("dark", dark_visuals()), ("light", light_visuals())] {
            for (what, text, background) in pairs(&visuals) {
                let ratio = contrast(text, background);
                assert!(
                    ratio >= MINIMUM_CONTRAST,
                    "{theme} theme: {what} is {ratio:.2}:1 ({text:?} on {background:?})"
                );
            }
        }
    }

    /// WCAG 1.4.11: what identifies a text field — its outline — at 3:1 against the panel
    /// and the window it sits on, in both themes.
    #[test]
    fn fields_stand_out_from_their_background_by_three_to_one() {
        for (theme, visuals) in [("dark", dark_visuals()), ("light", light_visuals())] {
            let outline = visuals.widgets.inactive.bg_stroke;
            assert!(outline.width >= 1.0, "{theme}: no outline");
            for (background_name, background) in [
                ("panel", visuals.panel_fill),
                ("window", visuals.window_fill),
            ] {
                let ratio = contrast(outline.color, background);
                assert!(
                    ratio >= 3.0,
                    "{theme} theme: a field's outline on the {background_name} is {ratio:.2}:1"
                );
            }
        }
        // egui's own light theme fails, so the check can.
        let egui_light = Visuals::light();
        let fill = contrast(egui_light.text_edit_bg_color(), egui_light.panel_fill);
        let outline = contrast(
            egui_light.widgets.inactive.bg_stroke.color,
            egui_light.panel_fill,
        );
        assert!(
            fill < 3.0 && (outline < 3.0 || egui_light.widgets.inactive.bg_stroke.width == 0.0)
        );
    }

    #[test]
    fn the_paper_preview_meets_wcag_aa() {
        let light = light_visuals();
        for (what, text) in [
            ("ink", paper::INK),
            ("strong ink", paper::STRONG_INK),
            ("link", paper::LINK),
            ("weak text", Palette::of(&light).weak),
        ] {
            let ratio = contrast(text, paper::PAPER);
            assert!(ratio >= MINIMUM_CONTRAST, "{what} on paper is {ratio:.2}:1");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        // WCAG's own end points, and #767676 on white: the lightest grey that passes AA.
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        let ratio = contrast(Color32::from_gray(0x76), Color32::WHITE);
        assert!((ratio - 4.54).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn egui_s_own_dark_weak_text_would_fail_so_the_check_can() {
        let visuals = Visuals::dark();
        let ratio = contrast(visuals.weak_text_color(), visuals.panel_fill);
        assert!(ratio < MINIMUM_CONTRAST, "{ratio}");
    }

    #[test]
    fn success_and_warning_are_told_apart() {
        for visuals in [dark_visuals(), light_visuals()] {
            let palette = Palette::of(&visuals);
            assert_ne!(palette.tone(Tone::Success), palette.tone(Tone::Warning));
        }
    }
}
