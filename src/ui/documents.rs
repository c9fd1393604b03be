//! The Documents screen: the privacy notice previewed as it will print, its 14-point
//! completeness check beside it with a way to fix each gap, and the exports.

use egui::RichText;
use jiff::civil::Date;

use super::{
    date_picker::date_picker_button,
    preview,
    theme::{self, spacing},
    widgets::{Pane, PaneWidth, UiExt, two_panes},
};
use crate::{
    command::{Command, Export, Screen},
    documents::{
        Format,
        completeness::{self, Coverage, Fix, Item},
        model::Document,
        notice::{self, NoticeStyle},
    },
    domain::{
        Workspace,
        validate::{FieldIssue, count, parse_date},
    },
    session::ScreenContext,
};

/// The notice and its check, made again only when the workspace, the style or the day
/// changes: the preview is drawn every frame, the notice is not rebuilt every frame.
struct Built {
    key: (u64, NoticeStyle, Date),
    document: Document,
    items: Vec<Item>,
    /// Example text from the starter catalogue the notice would publish.
    blockers: Vec<FieldIssue>,
}

#[derive(Default)]
pub struct DocumentsScreen {
    style: NoticeStyle,
    built: Option<Built>,
    /// The "Last updated" field as typed.
    last_updated: Option<String>,
    last_updated_problem: Option<String>,
}

impl std::fmt::Debug for DocumentsScreen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DocumentsScreen")
            .field("style", &self.style)
            .finish_non_exhaustive()
    }
}

fn fix_command(fix: Fix) -> Command {
    match fix {
        Fix::Organisation => Command::Navigate(Screen::Organisation),
        Fix::Settings => Command::Navigate(Screen::Settings),
        Fix::Register(Some(id)) => Command::OpenActivity(id),
        Fix::Register(None) => Command::Navigate(Screen::Register),
    }
}

impl DocumentsScreen {
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        context: ScreenContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let ScreenContext {
            workspace,
            revision,
            today,
            writable,
            ..
        } = context;
        let key = (revision, self.style, today);
        if self.built.as_ref().is_none_or(|built| built.key != key) {
            self.built = Some(Built {
                key,
                document: notice::privacy_notice(workspace, self.style, today),
                items: completeness::check(workspace),
                blockers: notice::export_blockers(workspace),
            });
        }
        let blockers = self
            .built
            .as_ref()
            .map(|built| built.blockers.clone())
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            ui.heading("Privacy notice");
            ui.add_space(spacing::SECTION);
            ui.enum_combo(
                "Style:",
                "notice_style",
                &mut self.style,
                NoticeStyle::ALL,
                ToString::to_string,
            );
            ui.add_space(spacing::SECTION);
            // Refused while the register still has the catalogue's example text: the
            // notice would publish it as the shop's word.
            let blocked = !blockers.is_empty();
            for format in Format::ALL {
                if ui
                    .add_enabled(!blocked, egui::Button::new(format!("Export {format}…")))
                    .on_hover_text(export_tooltip(format))
                    .on_disabled_hover_text(
                        "Replace or confirm the example text from the starter catalogue first (listed below)",
                    )
                    .clicked()
                {
                    commands.push(Command::Export {
                        what: Export::Notice {
                            format,
                            style: self.style,
                        },
                        to: None,
                    });
                }
            }
        });
        ui.horizontal(|ui| {
            ui.add_enabled_ui(writable, |ui| {
                self.last_updated_ui(ui, workspace, today, commands);
            });
        });
        ui.label(
            RichText::new(
                "Letters to a requester are written from their request: open it on the Requests screen and choose “Write a letter…”.",
            )
            .weak(),
        );
        if !blockers.is_empty() {
            ui.problem(&format!(
                "The notice cannot be exported yet: the register still has {} from the starter catalogue, which it would publish as yours. Replace or confirm each on the Register screen.",
                count(blockers.len(), "piece of example text", "pieces of example text")
            ));
            ui.horizontal(|ui| {
                if ui.button("Fix on Register").clicked() {
                    commands.push(Command::Navigate(Screen::Register));
                }
                // Folded: a long list must not push the preview off the screen.
                ui.collapsing("Which", |ui| {
                    for blocker in &blockers {
                        ui.label(format!("• {blocker}"));
                    }
                });
            });
        }
        ui.separator();

        let Some(built) = &self.built else { return };
        two_panes(
            ui,
            commands,
            (
                Pane::scrolled("notice_preview", PaneWidth::Rest { min: 360.0 }),
                |ui, _| preview::document_ui(ui, &built.document),
            ),
            (
                Pane::scrolled(
                    "notice_completeness",
                    PaneWidth::Share {
                        share: 0.34,
                        min: 260.0,
                    },
                ),
                |ui, commands| completeness_ui(ui, &built.items, commands),
            ),
        );
    }

    fn last_updated_ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        today: Date,
        commands: &mut Vec<Command>,
    ) {
        let stored = workspace.settings.notice_last_updated;
        let text = self
            .last_updated
            .get_or_insert_with(|| stored.map(|d| d.to_string()).unwrap_or_default());
        let label = ui.label("Last updated:");
        let response = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text(format!("{today} (today, until you set it)"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            self.last_updated_problem = None;
            if text.trim().is_empty() {
                commands.push(Command::SetNoticeLastUpdated(None));
            } else {
                match parse_date(text) {
                    Ok(date) => commands.push(Command::SetNoticeLastUpdated(Some(date))),
                    Err(problem) => self.last_updated_problem = Some(problem),
                }
            }
        }
        if date_picker_button(ui, "the notice's last update", text, today) {
            match parse_date(text) {
                Ok(date) => commands.push(Command::SetNoticeLastUpdated(Some(date))),
                Err(problem) => self.last_updated_problem = Some(problem),
            }
        }
        if ui
            .button("Today")
            .on_hover_text("Date the notice today: do this when you publish a changed notice")
            .clicked()
        {
            self.last_updated = Some(today.to_string());
            self.last_updated_problem = None;
            commands.push(Command::SetNoticeLastUpdated(Some(today)));
        }
        ui.problem_line(self.last_updated_problem.as_deref());
    }

    /// Forgets the typed date, e.g. after undo changed the stored one.
    pub fn forget_drafts(&mut self) {
        self.last_updated = None;
        self.last_updated_problem = None;
    }
}

fn export_tooltip(format: Format) -> &'static str {
    match format {
        Format::Pdf => "An A4 PDF with its fonts embedded: to print, email or attach",
        Format::Html => "One web page with its own styling, ready to put on your website",
        Format::Markdown => {
            "Plain text with light formatting, for website builders that take Markdown"
        }
        Format::PlainText => "The words alone, to paste into an email",
    }
}

fn completeness_ui(ui: &mut egui::Ui, items: &[Item], commands: &mut Vec<Command>) {
    let missing = items.iter().filter(|item| item.is_missing()).count();
    let palette = theme::palette(ui);
    ui.label(RichText::new("What the law requires the notice to say").strong());
    if missing == 0 {
        ui.label("All 14 items are covered or do not apply to you.");
    } else {
        ui.problem(&format!(
            "{missing} of 14 items are missing. Each says where to fix it."
        ));
    }
    ui.add_space(spacing::ITEM);
    for item in items {
        let (mark, colour, reason) = match &item.coverage {
            Coverage::Covered(reason) => ("✔", palette.success, reason),
            Coverage::NotApplicable(reason) => ("–", palette.weak, reason),
            Coverage::Missing { reason, .. } => ("✖", palette.error, reason),
        };
        ui.horizontal_top(|ui| {
            ui.colored_label(colour, mark);
            ui.vertical(|ui| {
                ui.label(RichText::new(format!("{}. {}", item.number, item.title)).strong())
                    .on_hover_text(item.articles);
                ui.add(egui::Label::new(RichText::new(reason).size(theme::text::CAPTION)).wrap());
                if let Coverage::Missing { fix, .. } = &item.coverage
                    && ui
                        .small_button(format!("Fix on {}", fix.screen_name()))
                        .clicked()
                {
                    commands.push(fix_command(*fix));
                }
            });
        });
        ui.add_space(spacing::TIGHT);
    }
}
