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
    /// Whether the privacy notice prints the answer. None of the ICO's questions is
    /// published: the answers are the shop's private working. What the notice prints
    /// from an assessment is [`Lia::interests_pursued`] alone (Art. 13(1)(d)).
    pub published: bool,
}

const fn q(id: &'static str, part: Part, text: &'static str, required: bool) -> Question {
    Question {
        id,
        part,
        text,
        required,
        published: false,
    }
}

/// The question with this id, if there is one.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|question| question.id == id)
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
    /// The shop's answers by question id: written by the shop, or a draft it adopted.
    pub answers: BTreeMap<String, String>,
    /// Suggested answers by question id (from the starter catalogue), to read and then
    /// adopt or rewrite. A draft is never an answer: until adopted it is still a gap.
    #[serde(default)]
    pub drafts: BTreeMap<String, String>,
    pub opt_out_offered: bool,
    pub outcome: Outcome,
    pub completed_by: String,
    pub completed_on: Option<Date>,
    pub review_on: Option<Date>,
    /// The one-paragraph statement the privacy notice prints: "Our legitimate interests are…".
    pub interests_pursued: String,
}

/// One thing an assessment still needs, pointing to its question when it is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiaProblem {
    /// The question to scroll to, by [`Question::id`]; `None` for the interests pursued,
    /// the sign-off and the decision.
    pub question: Option<&'static str>,
    pub message: String,
}

impl Lia {
    /// The label the form gives the one statement of an assessment the notice prints.
    pub const INTERESTS_PURSUED_LABEL: &'static str =
        "The interests pursued, as your privacy notice will state them";

    /// The shop's answer to question `id` (empty when it has none; a draft is not one).
    pub fn answer(&self, id: &str) -> &str {
        self.answers.get(id).map_or("", |a| a.trim())
    }

    /// The suggested answer to question `id`, while the shop has neither adopted it nor
    /// written its own.
    pub fn draft_for(&self, id: &str) -> Option<&str> {
        if !self.answer(id).is_empty() {
            return None;
        }
        self.drafts
            .get(id)
            .map(|draft| draft.trim())
            .filter(|draft| !draft.is_empty())
    }

    /// Makes the suggested answer to question `id` the shop's answer. Returns whether
    /// there was a draft to adopt.
    pub fn adopt(&mut self, id: &str) -> bool {
        let Some(draft) = self.draft_for(id).map(str::to_owned) else {
            return false;
        };
        self.drafts.remove(id);
        self.answers.insert(id.to_owned(), draft);
        true
    }

    /// Adopts every suggested answer still standing, in the questions' order (answers
    /// the shop wrote itself are kept). Returns how many were adopted.
    pub fn adopt_all(&mut self) -> usize {
        QUESTIONS
            .iter()
            .filter(|question| self.adopt(question.id))
            .count()
    }

    /// How many suggested answers are waiting to be adopted or rewritten.
    pub fn drafts_waiting(&self) -> usize {
        QUESTIONS
            .iter()
            .filter(|question| self.draft_for(question.id).is_some())
            .count()
    }

    /// Records the shop's own answer to question `id`; an answer written over a draft
    /// replaces it, and an empty one leaves the question unanswered.
    pub fn set_answer(&mut self, id: &str, text: impl Into<String>) {
        let text = text.into();
        if text.trim().is_empty() {
            self.answers.remove(id);
        } else {
            self.drafts.remove(id);
            self.answers.insert(id.to_owned(), text);
        }
    }

    /// The required questions still without an answer of the shop's own, in order.
    /// A question with only a suggested draft is among them.
    pub fn unanswered(&self) -> Vec<&'static Question> {
        QUESTIONS
            .iter()
            .filter(|question| question.required && self.answer(question.id).is_empty())
            .collect()
    }

    /// Everything still missing, one problem a question (so a form can count them and
    /// scroll to each), then the interests pursued, the sign-off and the decision.
    pub fn problems(&self) -> Vec<LiaProblem> {
        let mut problems: Vec<LiaProblem> = self
            .unanswered()
            .into_iter()
            .map(|question| LiaProblem {
                question: Some(question.id),
                message: if self.draft_for(question.id).is_some() {
                    format!(
                        "answer “{}”: read the suggested answer, then adopt it or write your own",
                        question.text
                    )
                } else {
                    format!("answer “{}”", question.text)
                },
            })
            .collect();
        let other = |message: &str| LiaProblem {
            question: None,
            message: message.to_owned(),
        };
        if self.interests_pursued.trim().is_empty() {
            problems.push(other(
                "write the interests pursued, as your notice will state them",
            ));
        }
        if self.completed_by.trim().is_empty() || self.completed_on.is_none() {
            problems.push(other("say who completed it and when"));
        }
        match self.outcome {
            Outcome::NotDecided => problems.push(other("record the decision")),
            Outcome::CannotRely => problems.push(other(
                "the assessment concluded you cannot rely on legitimate interests: choose another basis",
            )),
            Outcome::CanRely => {}
        }
        problems
    }

    /// Whether the assessment is finished and concluded the shop can rely on legitimate
    /// interests: the only state in which a notice or register may say it weighed them.
    pub fn is_complete(&self) -> bool {
        self.problems().is_empty()
    }

    /// What is still missing before the LIA can support the processing, in words.
    pub fn gaps(&self) -> Vec<String> {
        self.problems()
            .into_iter()
            .map(|problem| problem.message)
            .collect()
    }

    /// "3 questions to answer", or `None` when every required question has an answer.
    pub fn questions_to_answer(&self) -> Option<String> {
        match self.unanswered().len() {
            0 => None,
            1 => Some("1 question to answer".to_owned()),
            n => Some(format!("{n} questions to answer")),
        }
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

    fn drafted() -> Lia {
        let mut lia = Lia::default();
        lia.drafts.insert(
            "why".to_owned(),
            "To answer customers' questions.".to_owned(),
        );
        lia.drafts
            .insert("benefit".to_owned(), "Customers get help.".to_owned());
        lia
    }

    #[test]
    fn a_draft_is_not_an_answer_until_adopted() {
        let mut lia = drafted();
        let required = QUESTIONS.iter().filter(|q| q.required).count();
        assert_eq!(lia.unanswered().len(), required);
        assert_eq!(lia.answer("why"), "");
        assert_eq!(
            lia.draft_for("why"),
            Some("To answer customers' questions.")
        );
        let why = lia
            .problems()
            .into_iter()
            .find(|p| p.question == Some("why"))
            .expect("the drafted question is still a problem");
        assert!(
            why.message.contains("adopt it or write your own"),
            "{why:?}"
        );

        assert!(lia.adopt("why"));
        assert_eq!(lia.answer("why"), "To answer customers' questions.");
        assert_eq!(lia.draft_for("why"), None, "an adopted draft is gone");
        assert_eq!(lia.unanswered().len(), required - 1);
        assert!(lia.problems().iter().all(|p| p.question != Some("why")));
        assert!(!lia.adopt("why"), "nothing left to adopt");
        assert!(!lia.adopt("impact"), "no draft for that question");
    }

    #[test]
    fn adopting_all_keeps_the_shops_own_answers() {
        let mut lia = drafted();
        let drafted_questions = lia.drafts_waiting();
        assert!(
            drafted_questions >= 2,
            "the fixture drafts several questions"
        );
        lia.set_answer("why", "Our own words.");
        assert_eq!(lia.drafts_waiting(), drafted_questions - 1);
        assert_eq!(lia.adopt_all(), drafted_questions - 1);
        assert_eq!(lia.answer("why"), "Our own words.", "never overwritten");
        assert_eq!(lia.drafts_waiting(), 0);
        assert!(
            lia.problems()
                .iter()
                .all(|p| !p.message.contains("adopt it or write your own")),
            "{:?}",
            lia.problems()
        );
        assert_eq!(lia.adopt_all(), 0, "nothing left");
    }

    #[test]
    fn rewriting_replaces_the_draft_and_clearing_leaves_the_question_open() {
        let mut lia = drafted();
        lia.set_answer("benefit", "Fewer unhappy customers.");
        assert_eq!(lia.answer("benefit"), "Fewer unhappy customers.");
        assert_eq!(lia.draft_for("benefit"), None);
        assert!(!lia.drafts.contains_key("benefit"));
        lia.set_answer("benefit", "  ");
        assert_eq!(lia.answer("benefit"), "");
        assert!(lia.unanswered().iter().any(|q| q.id == "benefit"));
        // A draft the shop never touched stays on offer.
        assert_eq!(
            lia.draft_for("why"),
            Some("To answer customers' questions.")
        );
    }

    #[test]
    fn unanswered_questions_are_counted_and_point_to_their_question() {
        let mut lia = Lia::default();
        for question in QUESTIONS.iter().filter(|q| q.required).skip(3) {
            lia.set_answer(question.id, "Answered.");
        }
        let unanswered: Vec<&str> = lia.unanswered().iter().map(|q| q.id).collect();
        assert_eq!(unanswered, ["why", "benefit", "if-not"]);
        assert_eq!(
            lia.questions_to_answer().as_deref(),
            Some("3 questions to answer")
        );
        let pointed: Vec<&str> = lia.problems().iter().filter_map(|p| p.question).collect();
        assert_eq!(pointed, unanswered);
        for id in pointed {
            assert!(question(id).is_some(), "{id} is a question");
        }
        lia.set_answer("why", "x");
        lia.set_answer("benefit", "x");
        assert_eq!(
            lia.questions_to_answer().as_deref(),
            Some("1 question to answer")
        );
        lia.set_answer("if-not", "x");
        assert_eq!(lia.questions_to_answer(), None);
    }

    #[test]
    fn no_answer_is_published() {
        assert!(QUESTIONS.iter().all(|q| !q.published));
    }
}
