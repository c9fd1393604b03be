//! The legitimate-interests assessment (LIA): the ICO's three-part test — purpose,
//! necessity, balancing — as questions with stable ids, answered in the register.
//!
//! The questions are data, so the guided form, the completeness check and any export
//! all read the same list.

use std::collections::BTreeMap;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The three parts of the test, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Purpose,
    Necessity,
    Balancing,
}

impl Part {
    pub fn title(self) -> &'static str {
        match self {
            Part::Purpose => "1. Purpose: is there a legitimate interest?",
            Part::Necessity => "2. Necessity: is the processing necessary for it?",
            Part::Balancing => "3. Balancing: do people's interests override it?",
        }
    }
}

/// One question of the ICO's sample LIA template (facts §5, paraphrased).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    pub id: &'static str,
    pub part: Part,
    pub text: &'static str,
    /// Whether a completed LIA must answer it (the rest are prompts worth considering).
    pub required: bool,
}

const fn q(id: &'static str, part: Part, text: &'static str, required: bool) -> Question {
    Question {
        id,
        part,
        text,
        required,
    }
}

pub const QUESTIONS: &[Question] = &[
    q(
        "why",
        Part::Purpose,
        "Why do you want to use the data?",
        true,
    ),
    q(
        "benefit",
        Part::Purpose,
        "What benefit do you expect from it?",
        true,
    ),
    q(
        "third-parties",
        Part::Purpose,
        "Do third parties benefit?",
        false,
    ),
    q(
        "public-benefit",
        Part::Purpose,
        "Are there wider public benefits?",
        false,
    ),
    q(
        "importance",
        Part::Purpose,
        "How important are the benefits?",
        false,
    ),
    q(
        "if-not",
        Part::Purpose,
        "What happens if you can't go ahead?",
        true,
    ),
    q(
        "rules",
        Part::Purpose,
        "Are you following specific data-protection rules (e.g. profiling, PECR for marketing)?",
        false,
    ),
    q(
        "other-laws",
        Part::Purpose,
        "Are you complying with other relevant laws and industry codes?",
        false,
    ),
    q(
        "ethics",
        Part::Purpose,
        "Are there any ethical issues?",
        false,
    ),
    q(
        "helps",
        Part::Necessity,
        "Will the processing actually help you achieve the purpose?",
        true,
    ),
    q(
        "proportionate",
        Part::Necessity,
        "Is it proportionate to that purpose?",
        true,
    ),
    q(
        "without",
        Part::Necessity,
        "Could you achieve it without the processing, or with less data, or less intrusively?",
        true,
    ),
    q(
        "nature",
        Part::Balancing,
        "What kind of data is it: special category, criminal, private, about children or vulnerable people, personal or professional?",
        true,
    ),
    q(
        "relationship",
        Part::Balancing,
        "What is your relationship with the people, and what did you tell them when you collected the data?",
        true,
    ),
    q(
        "expectations",
        Part::Balancing,
        "Would they reasonably expect this use?",
        true,
    ),
    q(
        "impact",
        Part::Balancing,
        "What is the possible impact on them, how likely and how severe?",
        true,
    ),
    q(
        "object",
        Part::Balancing,
        "Are some people likely to object or find it intrusive?",
        false,
    ),
    q(
        "safeguards",
        Part::Balancing,
        "What safeguards reduce the impact?",
        true,
    ),
];

/// Whether the assessment concluded the shop may rely on legitimate interests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    #[default]
    NotDecided,
    CanRely,
    CannotRely,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lia {
    /// Answers by question id.
    pub answers: BTreeMap<String, String>,
    pub opt_out_offered: bool,
    pub outcome: Outcome,
    pub completed_by: String,
    pub completed_on: Option<Date>,
    pub review_on: Option<Date>,
    /// The one-paragraph statement the privacy notice prints: "Our legitimate interests are…".
    pub interests_pursued: String,
}

impl Lia {
    pub fn answer(&self, id: &str) -> &str {
        self.answers.get(id).map_or("", |a| a.trim())
    }

    /// What is still missing before the LIA can support the processing, in words.
    pub fn gaps(&self) -> Vec<String> {
        let mut gaps: Vec<String> = QUESTIONS
            .iter()
            .filter(|question| question.required && self.answer(question.id).is_empty())
            .map(|question| format!("answer “{}”", question.text))
            .collect();
        if self.interests_pursued.trim().is_empty() {
            gaps.push("write the interests pursued, as your notice will state them".to_owned());
        }
        if self.completed_by.trim().is_empty() || self.completed_on.is_none() {
            gaps.push("say who completed it and when".to_owned());
        }
        match self.outcome {
            Outcome::NotDecided => gaps.push("record the decision".to_owned()),
            Outcome::CannotRely => gaps.push(
                "the assessment concluded you cannot rely on legitimate interests: choose another basis".to_owned(),
            ),
            Outcome::CanRely => {}
        }
        gaps
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_ids_are_unique() {
        let mut ids: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), QUESTIONS.len());
    }

    #[test]
    fn an_lia_is_complete_only_when_every_required_answer_and_the_decision_are_there() {
        let mut lia = Lia::default();
        let required = QUESTIONS.iter().filter(|q| q.required).count();
        assert_eq!(lia.gaps().len(), required + 3);
        for question in QUESTIONS.iter().filter(|q| q.required) {
            lia.answers
                .insert(question.id.to_owned(), "Answered.".to_owned());
        }
        lia.interests_pursued = "Keeping customers informed.".to_owned();
        lia.completed_by = "Morwenna Tallis".to_owned();
        lia.completed_on = Some(jiff::civil::date(2026, 3, 1));
        assert_eq!(lia.gaps(), vec!["record the decision".to_owned()]);
        lia.outcome = Outcome::CanRely;
        assert!(lia.gaps().is_empty());
        lia.outcome = Outcome::CannotRely;
        assert_eq!(lia.gaps().len(), 1);
    }
}
