//! Smallprint's own file chooser, for desktops where the native dialog is missing or
//! fails: a folder to browse, a file name, and the whole path it will use, so a file
//! is never written somewhere the user did not see. It does no I/O itself: it asks
//! the app to list a folder ([`ChooserEvent::Browse`]) and hands back the chosen path.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::{
    theme::{self, spacing},
    widgets::UiExt,
};

/// Whether the chooser picks a file to read or names one to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooseMode {
    Open,
    Save,
}

/// One entry of the folder shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub is_folder: bool,
}

/// What the user did in the chooser this frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChooserEvent {
    Chosen(PathBuf),
    Cancelled,
    /// Show this folder: the app lists it and calls [`FileChooser::set_listing`].
    Browse(PathBuf),
}

#[derive(Debug, Clone)]
pub struct FileChooser {
    title: String,
    mode: ChooseMode,
    /// Without the dot; the first is added to a name typed without one.
    extensions: Vec<String>,
    folder: PathBuf,
    folder_text: String,
    file_name: String,
    listing: Result<Vec<Entry>, String>,
    /// Folders offered as one-click shortcuts: Home, Documents…
    places: Vec<(String, PathBuf)>,
    /// Not drawn yet: its first frame puts the keyboard on the file name.
    just_opened: bool,
}

/// How tall the folder listing is, in points: the dialog keeps its size as folders change.
const LISTING_HEIGHT: f32 = 220.0;

impl FileChooser {
    pub fn new(
        title: impl Into<String>,
        mode: ChooseMode,
        extensions: Vec<String>,
        folder: PathBuf,
        file_name: impl Into<String>,
    ) -> Self {
        Self {
            title: title.into(),
            mode,
            extensions,
            folder_text: folder.display().to_string(),
            folder,
            file_name: file_name.into(),
            listing: Ok(Vec::new()),
            places: Vec::new(),
            just_opened: true,
        }
    }

    /// Adds one-click folders (each a name and its path).
    #[must_use]
    pub fn with_places(self, places: Vec<(String, PathBuf)>) -> Self {
        Self { places, ..self }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// The contents of `folder` (or why it cannot be listed), which becomes the folder shown.
    pub fn set_listing(&mut self, folder: PathBuf, listing: Result<Vec<Entry>, String>) {
        self.folder_text = folder.display().to_string();
        self.folder = folder;
        self.listing = listing;
    }

    fn matches_filter(&self, name: &str) -> bool {
        let extension = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_lowercase);
        extension.is_some_and(|extension| self.extensions.contains(&extension))
    }

    /// The whole path the current name stands for, or why there is none yet.
    pub fn chosen_path(&self) -> Result<PathBuf, &'static str> {
        let name = self.file_name.trim();
        if name.is_empty() {
            return Err(match self.mode {
                ChooseMode::Open => "Choose a file from the list, or type its name.",
                ChooseMode::Save => "Type a name for the file.",
            });
        }
        let mut path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            self.folder.join(name)
        };
        if self.mode == ChooseMode::Save
            && !self.matches_filter(name)
            && let Some(extension) = self.extensions.first()
        {
            let mut with_extension = path.into_os_string();
            with_extension.push(format!(".{extension}"));
            path = PathBuf::from(with_extension);
        }
        Ok(path)
    }

    fn listed(&self, name: &str) -> bool {
        self.listing
            .as_ref()
            .is_ok_and(|entries| entries.iter().any(|e| !e.is_folder && e.name == name))
    }

    /// Draws the chooser as a modal dialog.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<ChooserEvent> {
        let mut event = None;
        let modal = egui::Modal::new(egui::Id::unique("smallprint_file_chooser")).show(ctx, |ui| {
            ui.set_width(520.0_f32.min(ctx.content_rect().width() - 48.0));
            super::access::name_dialog(ui, &self.title);
            super::access::heading(ui, &self.title, super::access::Level::Section);
            ui.label(
                RichText::new(
                    "This desktop has no system file dialog, so Smallprint shows its own.",
                )
                .weak(),
            );
            ui.add_space(spacing::ITEM);
            event = self.folder_row(ui);
            ui.add_space(spacing::TIGHT);
            if let Some(browse) = self.listing_ui(ui) {
                event = Some(browse);
            }
            ui.add_space(spacing::ITEM);
            let typed_enter = self.name_row(ui);
            let chosen = self.chosen_path();
            // One reserved line: what will happen, so nothing below it moves.
            let (line, tone) = match &chosen {
                Ok(path) => {
                    let replaces = self.mode == ChooseMode::Save
                        && path.parent() == Some(self.folder.as_path())
                        && path
                            .file_name()
                            .is_some_and(|n| self.listed(&n.to_string_lossy()));
                    if replaces {
                        (
                            format!("{} already exists and will be replaced.", path.display()),
                            theme::palette(ui).warning,
                        )
                    } else {
                        (
                            match self.mode {
                                ChooseMode::Save => format!("Will be saved as {}", path.display()),
                                ChooseMode::Open => format!("Will open {}", path.display()),
                            },
                            theme::palette(ui).text,
                        )
                    }
                }
                Err(reason) => ((*reason).to_owned(), theme::palette(ui).weak),
            };
            ui.add(egui::Label::new(RichText::new(line).color(tone)).truncate());
            ui.add_space(spacing::ITEM);
            ui.horizontal(|ui| {
                let verb = match self.mode {
                    ChooseMode::Open => "Open",
                    ChooseMode::Save => "Save",
                };
                let choose = ui.add_enabled(chosen.is_ok(), egui::Button::new(verb));
                if let Ok(path) = chosen
                    && (choose.clicked() || typed_enter)
                {
                    event = Some(ChooserEvent::Chosen(path));
                }
                if ui.button("Cancel").clicked() {
                    event = Some(ChooserEvent::Cancelled);
                }
            });
        });
        if modal.should_close() && event.is_none() {
            event = Some(ChooserEvent::Cancelled);
        }
        event
    }

    fn folder_row(&mut self, ui: &mut egui::Ui) -> Option<ChooserEvent> {
        let mut event = None;
        let label = ui.label("Folder");
        ui.horizontal(|ui| {
            let up = ui
                .add_enabled(self.folder.parent().is_some(), egui::Button::new("Up"))
                .on_hover_text("The folder that holds this one");
            if up.clicked()
                && let Some(parent) = self.folder.parent()
            {
                event = Some(ChooserEvent::Browse(parent.to_owned()));
            }
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.folder_text)
                        .desired_width(ui.available_width() - 48.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button("Go").clicked() || entered {
                event = Some(ChooserEvent::Browse(PathBuf::from(self.folder_text.trim())));
            }
        });
        if !self.places.is_empty() {
            ui.horizontal_wrapped(|ui| {
                for (name, path) in &self.places {
                    if ui
                        .small_button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        event = Some(ChooserEvent::Browse(path.clone()));
                    }
                }
            });
        }
        event
    }

    fn listing_ui(&mut self, ui: &mut egui::Ui) -> Option<ChooserEvent> {
        let mut event = None;
        egui::Frame::group(ui.style()).show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt(("chooser_listing", &self.folder))
                .min_scrolled_height(LISTING_HEIGHT)
                .max_height(LISTING_HEIGHT)
                .auto_shrink([false, false])
                .show(ui, |ui| match &self.listing {
                    Err(reason) => {
                        ui.problem(reason);
                    }
                    Ok(entries) => {
                        let mut shown = 0;
                        for entry in entries {
                            if entry.is_folder {
                                shown += 1;
                                if ui
                                    .selectable_label(false, format!("{}/", entry.name))
                                    .on_hover_text("Open this folder")
                                    .clicked()
                                {
                                    event =
                                        Some(ChooserEvent::Browse(self.folder.join(&entry.name)));
                                }
                            } else if self.matches_filter(&entry.name) {
                                shown += 1;
                                let selected = self.file_name == entry.name;
                                let response = ui.selectable_label(selected, &entry.name);
                                if response.clicked() {
                                    self.file_name.clone_from(&entry.name);
                                }
                                if response.double_clicked() {
                                    event =
                                        Some(ChooserEvent::Chosen(self.folder.join(&entry.name)));
                                }
                            }
                        }
                        if shown == 0 {
                            ui.label(
                                RichText::new(format!(
                                    "No folders or {} files here.",
                                    self.extensions.join(" or ")
                                ))
                                .weak(),
                            );
                        }
                    }
                });
        });
        event
    }

    /// The file-name field; true when Enter was pressed in it.
    fn name_row(&mut self, ui: &mut egui::Ui) -> bool {
        let label = ui.label("File name");
        let field = ui
            .add(egui::TextEdit::singleline(&mut self.file_name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        // The keyboard starts on the name: Enter saves under the name offered.
        if std::mem::take(&mut self.just_opened) {
            field.request_focus();
        }
        field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn save_chooser(name: &str) -> FileChooser {
        FileChooser::new(
            "Export",
            ChooseMode::Save,
            vec!["pdf".to_owned()],
            PathBuf::from("/home/sam/Documents"),
            name,
        )
    }

    #[test]
    fn a_name_without_the_extension_gets_it_and_one_with_it_is_kept() {
        assert_eq!(
            save_chooser("notice").chosen_path(),
            Ok(PathBuf::from("/home/sam/Documents/notice.pdf"))
        );
        assert_eq!(
            save_chooser("notice.PDF").chosen_path(),
            Ok(PathBuf::from("/home/sam/Documents/notice.PDF"))
        );
        assert_eq!(
            save_chooser("/tmp/elsewhere.pdf").chosen_path(),
            Ok(PathBuf::from("/tmp/elsewhere.pdf"))
        );
    }

    #[test]
    fn no_name_is_no_path() {
        assert!(save_chooser("  ").chosen_path().is_err());
    }
}
