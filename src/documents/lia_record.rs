//! A legitimate-interests assessment as a record the shop can hand to the ICO: the
//! three-part test in the order of the ICO's sample LIA template (facts §5) — purpose,
//! necessity, balancing —, each question with the shop's answer, then the opt-out, the
//! decision, the interests the notice states, and who completed it and when.
//!
//! Refused while the assessment is incomplete, unless a marked draft is asked for: an
//! unanswered question is a visible gap, never an answer the shop did not give.

use jiff::civil::Date;

use super::{
    draft::{self, Finish},
    model::{Block, Document, Inline, plain},
};
use crate::domain::{
    Workspace,
    lia::{Lia, Outcome, Part, QUESTIONS},
    register::ProcessingActivity,
};

/// What an unanswered question shows, in a draft.
pub const UNANSWERED: &str = "[not answered yet]";

/// Why an assessment was not written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LiaRecordError {
    #[error("{0} does not rely on legitimate interests, so it has no assessment to export")]
    NoAssessment(String),
    #[error("the assessment of {activity} is not complete: {}", .gaps.join("; "))]
    Incomplete { activity: String, gaps: Vec<String> },
}

/// The assessment of `activity`, as a document dated `today`.
pub fn lia_record(
    workspace: &Workspace,
    activity: &ProcessingActivity,
    today: Date,
    finish: Finish,
) -> Result<Document, LiaRecordError> {
    let name = activity.record_name();
    let Some(lia) = activity.lia() else {
        return Err(LiaRecordError::NoAssessment(name));
    };
    let gaps = lia.gaps();
    let mut document = record(workspace, activity, lia, today);
    if !gaps.is_empty() {
        if finish == Finish::Final {
            return Err(LiaRecordError::Incomplete {
                activity: name,
                gaps,
            });
        }
        draft::mark_draft(
            &mut document,
            "This assessment is not complete and cannot yet support relying on legitimate interests",
            &gaps,
        );
    }
    Ok(document)
}

fn record(
    workspace: &Workspace,
    activity: &ProcessingActivity,
    lia: &Lia,
    today: Date,
) -> Document {
    let shop = workspace.display_name();
    let purpose = activity.purpose.trim();
    let mut blocks = vec![
        Block::heading(1, format!("Legitimate interests assessment: {purpose}")),
        Block::Paragraph(vec![
            Inline::bold("Controller:"),
            Inline::text(format!(" {}", controller(workspace))),
        ]),
        Block::Paragraph(vec![
            Inline::bold("Processing assessed:"),
            Inline::text(format!(" {purpose}")),
        ]),
        Block::paragraph(
            "The three-part test of the ICO’s sample legitimate interests assessment: is there a legitimate interest (purpose), is the processing necessary for it (necessity), and do the individual’s interests override it (balancing).",
        ),
    ];
    for part in [Part::Purpose, Part::Necessity, Part::Balancing] {
        blocks.push(Block::heading(2, part_title(part)));
        for question in QUESTIONS.iter().filter(|q| q.part == part) {
            let answer = lia.answer(question.id);
            blocks.push(Block::Paragraph(vec![Inline::bold(question.text)]));
            blocks.push(if answer.is_empty() {
                if question.required {
                    Block::paragraph(UNANSWERED)
                } else {
                    Block::paragraph("No answer recorded (optional).")
                }
            } else {
                Block::paragraph(answer)
            });
        }
    }
    blocks.push(Block::heading(2, "Can you offer individuals an opt-out?"));
    blocks.push(Block::paragraph(if lia.opt_out_offered {
        "Yes"
    } else {
        "No"
    }));
    blocks.push(Block::heading(2, "Making the decision"));
    blocks.push(Block::Paragraph(vec![Inline::bold(
        "Can you rely on legitimate interests for this processing?",
    )]));
    blocks.push(Block::paragraph(match lia.outcome {
        Outcome::CanRely => "Yes",
        Outcome::CannotRely => "No",
        Outcome::NotDecided => "[not decided yet]",
    }));
    blocks.push(Block::Paragraph(vec![Inline::bold(
        "The interests pursued, as the privacy notice states them",
    )]));
    blocks.push(Block::paragraph(or_gap(&lia.interests_pursued)));
    let dated =
        |date: Option<Date>| date.map_or_else(|| "[no date yet]".to_owned(), |d| d.to_string());
    blocks.push(Block::Bullets(vec![
        vec![
            Inline::bold("Completed by:"),
            Inline::text(format!(" {}", or_gap(&lia.completed_by))),
        ],
        vec![
            Inline::bold("Date completed:"),
            Inline::text(format!(" {}", dated(lia.completed_on))),
        ],
        vec![
            Inline::bold("Next review:"),
            Inline::text(format!(
                " {}",
                lia.review_on
                    .map_or_else(|| "Not set".to_owned(), |d| d.to_string())
            )),
        ],
    ]));
    blocks.push(Block::Paragraph(plain(format!(
        "Exported from the records of {} on {today}.",
        if shop.is_empty() { "the shop" } else { shop }
    ))));
    Document {
        // The purpose in full heads the record; the title (every page's footer, the PDF's
        // metadata) carries a short form, so a very long purpose costs one line, not a
        // measurement per page.
        title: format!("Legitimate interests assessment: {}", short(purpose)),
        author: workspace.organisation.legal_name.trim().to_owned(),
        subject: "Legitimate interests assessment (UK GDPR Article 6(1)(f))".to_owned(),
        date: today,
        blocks,
    }
}

/// The controller as documents name it, or a visible gap.
fn controller(workspace: &Workspace) -> String {
    workspace
        .organisation
        .controller_name()
        .unwrap_or_else(|| "[the shop has no name yet]".to_owned())
}

/// `text` cut to 80 characters, ending "…" when cut.
fn short(text: &str) -> String {
    const MAX: usize = 80;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(MAX - 1).collect();
        cut.push('…');
        cut
    }
}

fn part_title(part: Part) -> &'static str {
    match part {
        Part::Purpose => "Part 1: Purpose test",
        Part::Necessity => "Part 2: Necessity test",
        Part::Balancing => "Part 3: Balancing test",
    }
}

fn or_gap(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        "[not written yet]".to_owned()
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    const TODAY: Date = jiff::civil::date(2026, 12, 2);

    #[test]
    fn a_complete_assessment_is_every_question_in_the_templates_order_with_its_answer() {
        let workspace = example_workspace(TODAY);
        let activity = &workspace.register[2];
        let lia = activity.lia().expect("an assessment");
        let document = lia_record(&workspace, activity, TODAY, Finish::Final).expect("complete");
        let text = document.plain_text();
        let mut from = 0;
        for question in QUESTIONS {
            let at = text[from..]
                .find(question.text)
                .unwrap_or_else(|| panic!("“{}” in order", question.text));
            from += at;
            let answer = lia.answer(question.id);
            if !answer.is_empty() {
                assert!(text[from..].contains(answer), "{}", question.text);
            }
        }
        assert!(text.contains("Morwenna Tallis, trading as Kestrel Forge 3D"));
        assert!(!text.contains(UNANSWERED));
        assert!(!text.contains(draft::DRAFT_MARK));
    }

    #[test]
    fn an_incomplete_assessment_is_refused_or_drafted_with_its_gaps_and_none_is_no_lia() {
        let mut workspace = example_workspace(TODAY);
        for basis in &mut workspace.register[2].lawful_bases {
            if let crate::domain::register::LawfulBasis::LegitimateInterests(lia) = basis {
                lia.answers.remove("why");
            }
        }
        let activity = &workspace.register[2];
        assert!(matches!(
            lia_record(&workspace, activity, TODAY, Finish::Final),
            Err(LiaRecordError::Incomplete { .. })
        ));
        let draft = lia_record(&workspace, activity, TODAY, Finish::Draft).expect("a draft");
        let text = draft.plain_text();
        assert!(text.contains(UNANSWERED));
        assert!(draft.title.starts_with(draft::DRAFT_MARK));
        assert!(matches!(
            lia_record(&workspace, &workspace.register[0], TODAY, Finish::Draft),
            Err(LiaRecordError::NoAssessment(_))
        ));
    }
}
