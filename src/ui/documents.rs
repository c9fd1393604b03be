//! The Documents screen: the privacy notice previewed as it will print, its 14-point
//! completeness check beside it with a way to fix each gap, and the exports.

use egui::RichText;
use jiff::civil::Date;

use super::{
    access::DisabledBecause,
    access::{self, Level},
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
        notice::{self, Finish, NoticeGap, NoticeStyle},
    },
    domain::{
        Workspace,
        validate::{count, parse_date},
    },
    session::ScreenContext,
};

/// The notice and its check, made again only when the workspace, the style or the day
/// changes: the preview is drawn every frame, the notice is not rebuilt every frame.
struct Built {
    key: (u64, NoticeStyle, Date),
    document: Document,
    items: Vec<Item>,
    /// What keeps the notice from being published (the one gate export asks too).
    gaps: Vec<NoticeGap>,
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
        Fix::Website => Command::Navigate(Screen::Website),
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
                gaps: notice::export_gaps(workspace),
            });
        }
        let gaps = self
            .built
            .as_ref()
            .map(|built| built.gaps.clone())
            .unwrap_or_default();
        self.export_buttons(ui, &gaps, commands);
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
        gaps_ui(ui, &gaps, commands);
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

    /// The style, the exports — greyed while the gate finds gaps — and the draft export.
    fn export_buttons(
        &mut self,
        ui: &mut egui::Ui,
        gaps: &[NoticeGap],
        commands: &mut Vec<Command>,
    ) {
        access::heading(ui, "Documents", Level::Screen);
        ui.horizontal_wrapped(|ui| {
        access::heading(ui, "Privacy notice", Level::Section);
        ui.add_space(spacing::SECTION);
        ui.enum_combo(
            "Style:",
            "notice_style",
            &mut self.style,
            NoticeStyle::ALL,
            ToString::to_string,
        );
        ui.add_space(spacing::SECTION);
        // Refused while the notice cannot state every Art. 13/14 item truthfully:
        // a sole trader publishes what it exports as it stands.
        let blocked = !gaps.is_empty();
        for format in Format::ALL {
            if ui
                .add_enabled(!blocked, egui::Button::new(format!("Export {format}…")))
                .on_hover_text(export_tooltip(format))
                .disabled_because(
                    "The notice cannot be published yet: put right each gap listed below, or export a marked draft",
                )
                .clicked()
            {
                commands.push(Command::Export {
                    what: Export::Notice {
                        format,
                        style: self.style,
                        finish: Finish::Final,
                    },
                    to: None,
                });
            }
        }
        if blocked {
            ui.menu_button("Export draft…", |ui| {
                for format in Format::ALL {
                    if ui
                        .button(format!("Draft as {format}…"))
                        .on_hover_text(format!(
                            "Marked “{}” on every page, with the gaps listed at the end: to review, not to publish",
                            notice::DRAFT_MARK
                        ))
                        .clicked()
                    {
                        commands.push(Command::Export {
                            what: Export::Notice {
                                format,
                                style: self.style,
                                finish: Finish::Draft,
                            },
                            to: None,
                        });
                        ui.close();
                    }
                }
            });
        }
    });
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
                    .hint_text(format!("{today} (today)"))
                    .desired_width(200.0),
            )
            .labelled_by(label.id)
            .on_hover_text("Left empty, the notice says today's date until you set one");
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

/// What keeps the notice from being published, each gap a link to where it is fixed.
fn gaps_ui(ui: &mut egui::Ui, gaps: &[NoticeGap], commands: &mut Vec<Command>) {
    if !gaps.is_empty() {
        ui.problem(&format!(
            "The notice cannot be published yet: it cannot say everything the law requires ({}). Fix each one — each link below opens the place to fix it — or export a marked draft to review.",
            count(gaps.len(), "gap", "gaps")
        ));
        // Folded and bounded: a long list must not push the preview off the screen.
        egui::CollapsingHeader::new(format!("What to put right ({})", gaps.len()))
            .id_salt("notice_gaps")
            .default_open(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .id_salt("notice_gaps_list")
                    .max_height(140.0)
                    .show(ui, |ui| {
                        for gap in gaps {
                            ui.horizontal_wrapped(|ui| {
                                ui.label("•");
                                if ui
                                    .link(format!("{}: {}", gap.item, gap.gap.reason))
                                    .on_hover_text(format!(
                                        "Open the {} screen",
                                        gap.gap.fix.screen_name()
                                    ))
                                    .clicked()
                                {
                                    commands.push(fix_command(gap.gap.fix));
                                }
                            });
                        }
                    });
            });
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
        let reason = item.coverage.reason();
        let (mark, colour) = match &item.coverage {
            Coverage::Covered(_) => ("✔", palette.success),
            Coverage::NotApplicable(_) => ("–", palette.weak),
            Coverage::Missing(_) => ("✖", palette.error),
        };
        ui.horizontal_top(|ui| {
            ui.colored_label(colour, mark);
            ui.vertical(|ui| {
                ui.label(RichText::new(format!("{}. {}", item.number, item.title)).strong())
                    .on_hover_text(item.articles);
                ui.add(egui::Label::new(RichText::new(reason).size(theme::text::CAPTION)).wrap());
                if let Coverage::Missing(gaps) = &item.coverage
                    && let Some(first) = gaps.first()
                    && ui
                        .small_button(format!("Fix on {}", first.fix.screen_name()))
                        .clicked()
                {
                    commands.push(fix_command(first.fix));
                }
            });
        });
        ui.add_space(spacing::TIGHT);
    }
}
