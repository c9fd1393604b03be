//! A step on a rights request, as the window's step buttons and `smallprint request step`
//! record it: the step and the note typed with it are one change — both or neither —,
//! checked by the request's own rules against today.

use jiff::civil::Date;

use super::Now;
use crate::domain::{RequestId, Workspace, requests::RequestEvent, workspace::RuleError};

/// Records `event` on `request`, dated `on`, with the note typed beside it (if any).
/// Refused as a whole, leaving the workspace as it was, when either is refused.
pub fn record_step(
    workspace: &mut Workspace,
    request: RequestId,
    (event, note): (RequestEvent, Option<String>),
    on: Date,
    now: &Now,
) -> Result<(), RuleError> {
    let today = now.date();
    let before = workspace.request(request).cloned();
    workspace.record_request_event(request, event, on, today)?;
    let Some(text) = note else {
        return Ok(());
    };
    let noted = workspace.record_request_event(request, RequestEvent::Note { text }, on, today);
    if noted.is_err()
        && let (Some(before), Some(slot)) = (before, workspace.request_mut(request))
    {
        *slot = before;
    }
    noted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{example::example_workspace, requests::Status};

    #[test]
    fn a_step_and_its_note_are_recorded_together_or_not_at_all() {
        let now: Now = "2026-11-23T10:00:00[Europe/London]"
            .parse()
            .expect("a time");
        let mut workspace = example_workspace(now.date());
        let open = workspace
            .requests
            .iter()
            .find(|r| r.status == Status::Open && !r.is_complaint())
            .expect("an open request")
            .id;
        let before = workspace.clone();
        // Nothing to receive yet: the step is refused, and its note is not kept either.
        let refused = record_step(
            &mut workspace,
            open,
            (
                RequestEvent::IdentityReceived,
                Some("Passport seen".to_owned()),
            ),
            now.date(),
            &now,
        );
        assert!(refused.is_err());
        assert_eq!(workspace, before);

        record_step(
            &mut workspace,
            open,
            (
                RequestEvent::IdentityRequested,
                Some("Asked by email".to_owned()),
            ),
            now.date(),
            &now,
        )
        .expect("recorded");
        let request = workspace.request(open).expect("there");
        let last_two: Vec<&RequestEvent> = request
            .timeline
            .iter()
            .rev()
            .take(2)
            .map(|e| &e.event)
            .collect();
        assert_eq!(
            last_two,
            [
                &RequestEvent::Note {
                    text: "Asked by email".to_owned()
                },
                &RequestEvent::IdentityRequested
            ]
        );
    }
}
