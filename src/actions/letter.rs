//! A letter from the check to the document: the one place that decides whether a letter
//! may go (the law for this request or breach, then the gaps only the shop can fill) and
//! builds it. The composer's preview and greyed buttons, the window's export and
//! `smallprint letter` all ask [`draft_letter`] or [`prepare_letter`], so a letter the law
//! refuses is refused everywhere with the same words.

use jiff::civil::Date;

use super::{Now, Refusal};
use crate::{
    documents::{
        letters::{self, Parts, Template},
        model::Document,
    },
    domain::{BreachId, RequestId, Workspace},
};

/// What a letter is about: a rights request (with one of the request templates) or a
/// breach (the Art. 34 letter to the people it affects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterSubject {
    Request {
        request: RequestId,
        template: Template,
    },
    Breach(BreachId),
}

/// A letter as asked for: its subject, the shop's words for its parts and its date.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterOrder {
    pub subject: LetterSubject,
    pub parts: Parts,
    pub date: Date,
}

/// The letter as it stands, gaps shown, and whether it may go.
#[derive(Debug, Clone, PartialEq)]
pub struct LetterDraft {
    pub document: Document,
    /// Why it may not go yet; `None` when it may be exported, copied and marked as sent.
    pub refusal: Option<Refusal>,
    /// What the shop should know before it goes (a late letter, an identity request late
    /// in the month): said beside Export and on the CLI's standard error; it still goes.
    pub warnings: Vec<String>,
}

/// The letter with its gaps visible (for a preview), and the one verdict on whether it may
/// go: the law first, then the missing parts. `Err` only when its subject is gone.
pub fn draft_letter(
    workspace: &Workspace,
    order: &LetterOrder,
    now: &Now,
) -> Result<LetterDraft, Refusal> {
    let date = order.date;
    let parts = &order.parts;
    match order.subject {
        LetterSubject::Request { request, template } => {
            let found = workspace.request(request).ok_or(Refusal::NoSuchRequest)?;
            let warnings = template.timing_warnings(workspace, found, date);
            let refusal = match template
                .fits(workspace, found, date)
                .and_then(|()| template.dated_before(date, now.date()))
                .and_then(|()| template.parts_fit(workspace, found, date, parts))
            {
                Err(reason) => Some(Refusal::NotAllowed(reason)),
                Ok(()) => no_controller(workspace)
                    .or_else(|| missing(letters::missing_parts(template, parts))),
            };
            Ok(LetterDraft {
                document: letters::letter(workspace, found, template, date, parts),
                refusal,
                warnings,
            })
        }
        LetterSubject::Breach(breach) => {
            let found = workspace.breach(breach).ok_or(Refusal::NoSuchBreach)?;
            let zone = now.time_zone();
            let refusal = match letters::breach::fits(workspace, found, zone, date) {
                Err(reason) => Some(Refusal::NotAllowed(reason)),
                Ok(()) => no_controller(workspace)
                    .or_else(|| missing(letters::breach::missing_parts(parts))),
            };
            Ok(LetterDraft {
                document: letters::breach::breach_letter(workspace, found, zone, date, parts),
                refusal,
                warnings: Vec::new(),
            })
        }
    }
}

/// The letter, ready to send as it stands, or why it cannot go.
pub fn prepare_letter(
    workspace: &Workspace,
    order: &LetterOrder,
    now: &Now,
) -> Result<Document, Refusal> {
    let draft = draft_letter(workspace, order, now)?;
    match draft.refusal {
        Some(refusal) => Err(refusal),
        None => Ok(draft.document),
    }
}

/// The request templates that may go for `request` on `date`, in the composer's order;
/// the others with the law's reason. Asked once per change of the workspace, not per
/// frame (each asks the deadline engine).
pub fn templates_for(
    workspace: &Workspace,
    request: RequestId,
    date: Date,
) -> Vec<(Template, Result<(), String>)> {
    let Some(found) = workspace.request(request) else {
        return Vec::new();
    };
    Template::ALL
        .iter()
        .map(|template| (*template, template.fits(workspace, found, date)))
        .collect()
}

/// A letter must say who it is from and how to reach them: the one controller check the
/// notice's gate asks too.
fn no_controller(workspace: &Workspace) -> Option<Refusal> {
    let gaps = workspace.organisation.controller_gaps();
    (!gaps.is_empty()).then_some(Refusal::NoController(gaps))
}

fn missing(parts: Vec<&'static letters::PartSpec>) -> Option<Refusal> {
    (!parts.is_empty()).then_some(Refusal::Missing(parts))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::example::example_workspace;

    fn now() -> Now {
        "2026-12-02T10:00:00[Europe/London]"
            .parse::<jiff::Zoned>()
            .expect("a time")
    }

    #[test]
    fn a_letter_for_a_request_that_is_gone_is_refused_not_written() {
        let workspace = example_workspace(now().date());
        let order = LetterOrder {
            subject: LetterSubject::Request {
                request: RequestId(999_999),
                template: Template::Acknowledgement,
            },
            parts: Parts::new(),
            date: now().date(),
        };
        assert_eq!(
            prepare_letter(&workspace, &order, &now()),
            Err(Refusal::NoSuchRequest)
        );
    }

    #[test]
    fn a_letter_dated_before_its_request_is_refused_by_the_law_before_its_gaps() {
        let workspace = example_workspace(now().date());
        let request = workspace
            .requests
            .first()
            .expect("the example has requests");
        let order = LetterOrder {
            subject: LetterSubject::Request {
                request: request.id,
                template: Template::Acknowledgement,
            },
            parts: Parts::new(),
            date: request.received.yesterday().expect("a day"),
        };
        let refusal = prepare_letter(&workspace, &order, &now()).expect_err("refused");
        assert!(
            matches!(&refusal, Refusal::NotAllowed(reason) if reason.contains("before the request arrived")),
            "{refusal}"
        );
        assert!(
            refusal
                .to_string()
                .starts_with("This letter cannot be sent now: ")
        );
    }
}
