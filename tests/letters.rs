//! The letter pack: each template's required points (facts §6.3) with its dates from the
//! deadline engine, the Art. 15 information drawn only from the linked activities, no
//! other requester's details in any letter, and non-Latin names in the PDF.

#![allow(clippy::expect_used)] // test code: a failed expectation is the test failing

mod common;

use common::{normalised, pdf_body_text};
use jiff::civil::{Date, date};
use smallprint::{
    documents::{
        letters::{Parts, Template, letter},
        notice::long_date,
        pdf,
    },
    domain::{
        RequestId, Workspace,
        deadlines::{self, ClockEvents},
        example::example_workspace,
        requests::{RequestEvent, RequestKind, Requester, RightsRequest},
    },
};

const TODAY: Date = date(2026, 11, 24);

fn example() -> Workspace {
    example_workspace(TODAY)
}

/// A fresh open request of `kind`, received on `received`, linked to the first two
/// activities.
fn request(workspace: &Workspace, kind: RequestKind, received: Date) -> RightsRequest {
    let mut request = RightsRequest::new(
        RequestId(900),
        "R-2026-900".to_owned(),
        kind,
        Requester {
            name: "Priya Testcase".to_owned(),
            email: "priya@example.com".to_owned(),
            postal_address: "9 Test Row\nExampleton\nZZ1 9TT".to_owned(),
            ..Requester::default()
        },
        received,
    );
    request.details = "Everything you hold about me.".to_owned();
    request.activities = workspace.register.iter().take(2).map(|a| a.id).collect();
    request
}

fn text_of(workspace: &Workspace, request: &RightsRequest, template: Template) -> String {
    template
        .fits(workspace, request, TODAY)
        .unwrap_or_else(|reason| panic!("{template:?} should fit: {reason}"));
    normalised(&letter(workspace, request, template, TODAY, &Parts::new()).plain_text())
}

fn kind_for(template: Template) -> RequestKind {
    use RequestKind as K;
    match template {
        Template::ErasureDone | Template::ErasureRefused => K::Erasure,
        Template::RectificationDone | Template::RectificationRefused => K::Rectification,
        Template::RestrictionApplied | Template::RestrictionLifting => K::Restriction,
        Template::MarketingObjectionDone => K::DirectMarketingObjection,
        Template::ObjectionStopped | Template::ObjectionRefused => K::Objection,
        Template::Portability => K::Portability,
        Template::ComplaintAcknowledgement | Template::ComplaintOutcome => K::Complaint,
        _ => K::Access,
    }
}

#[test]
fn every_template_carries_its_required_points() {
    let workspace = example();
    let received = date(2026, 11, 10);
    let nation = workspace.organisation.nation;
    let holidays = workspace.holidays();
    let events = ClockEvents {
        received,
        ..ClockEvents::default()
    };
    let due = long_date(deadlines::rights_deadline(&events, nation, &holidays, TODAY).due);
    let extended = long_date(
        deadlines::rights_deadline(
            &ClockEvents {
                extended: true,
                ..events.clone()
            },
            nation,
            &holidays,
            TODAY,
        )
        .due,
    );
    let ack_by = long_date(deadlines::complaint_acknowledgement(received, nation, &holidays).due);
    assert_eq!(
        (due.as_str(), extended.as_str()),
        ("10 December 2026", "10 February 2027")
    );

    // Every letter: letterhead, date, addressee, reference, salutation, sign-off.
    let common = [
        "Kestrel Forge 3D",
        "Unit 4, Tinker's Yard",
        "24 November 2026",
        "Priya Testcase",
        "9 Test Row",
        "Our reference: R-2026-900",
        "Dear Priya Testcase,",
        "Yours sincerely,",
        "Morwenna Tallis",
    ];
    let ico = "Information Commissioner's Office (Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF; helpline 0303 123 1113";
    let refusal = [
        "You can complain to us about this decision",
        "You have the right to complain to the Information Commissioner's Office",
        "enforce your rights through the courts (a judicial remedy)",
    ];
    let complain = ["you can complain to us using the contact details", ico];
    let required: Vec<(Template, Vec<&str>)> = vec![
        (
            Template::Acknowledgement,
            vec![
                "which we received on 10 November 2026",
                &due,
                "one calendar month",
                "Everything you hold about me",
                "contact us",
            ],
        ),
        (
            Template::IdentityRequest,
            vec![
                "a copy of one document showing your name and home address",
                "Please do not send originals",
                "The one-month period we have to respond starts on the day we receive what we have asked for",
            ],
        ),
        (
            Template::ClarificationRequest,
            vec![
                "Which information, or which of our activities",
                "paused from the date of this letter, 24 November 2026, until we receive your reply",
                &due,
                "we will send you any information we can already provide",
            ],
        ),
        (
            Template::FeeNotice,
            vec![
                "manifestly unfounded or excessive",
                "£10.00",
                "administrative cost",
                "starts again on the day it arrives",
                "withdraw",
            ],
        ),
        (
            Template::ExtensionNotice,
            vec![
                "up to two further months",
                "Article 12(3)",
                "Your request is complex",
                &extended,
            ],
        ),
        (
            Template::AccessResponse,
            vec![
                "We confirm that we hold and use personal information about you",
                "A copy is attached to this email",
                "reasonable and proportionate search",
                "What we have withheld",
                "Nothing has been withheld.",
                "What information:",
                "Who receives it:",
                "How long we keep it:",
                "Where it came from:",
                "Automated decisions:",
                "correct (rectify) or erase your information, to restrict how we use it, and to object",
                complain[0],
                complain[1],
            ],
        ),
        (
            Template::ErasureDone,
            vec![
                "We have erased your customer account",
                "on 24 November 2026",
                "beyond use",
                "The law requires us to keep some information",
                "Consumer Rights Act 2015",
                "We have told the organisations we shared your information with",
                "Examplepay",
            ],
        ),
        (
            Template::ErasureRefused,
            vec![
                "establish, exercise or defend legal claims (Article 17(3)(e))",
                "Our",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::RectificationDone,
            vec![
                "We have corrected our records on 24 November 2026",
                "We have told the organisations",
            ],
        ),
        (
            Template::RectificationRefused,
            vec![
                "we have not changed our records",
                "ask us to restrict its use",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::RestrictionApplied,
            vec![
                "You have told us the information is not accurate",
                "we will only store it",
                "We have told the organisations",
                "We will tell you before we lift the restriction",
            ],
        ),
        (
            Template::MarketingObjectionDone,
            vec![
                "We have stopped sending you",
                "(profiling)",
                "absolute right",
                "suppression (do not contact) list",
            ],
        ),
        (
            Template::ObjectionStopped,
            vec!["we have stopped using your information"],
        ),
        (
            Template::ObjectionRefused,
            vec![
                "compelling legitimate grounds that override your interests, rights and freedoms",
                "legal claims",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::Portability,
            vec![
                "structured, commonly used and machine-readable format",
                "CSV",
                "directly to another organisation",
                "where it is technically feasible",
                "you gave us",
                "consent",
                "contract",
            ],
        ),
        (
            Template::Refusal,
            vec![
                "We are refusing to act on it because it is manifestly unfounded",
                "Our reasons are",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::ComplaintAcknowledgement,
            vec![
                "Thank you for your complaint, which we received on 10 November 2026",
                "looking into what happened",
                "keep you updated",
                "without undue delay",
                &ack_by,
                "you can complain to the Information Commissioner's Office",
            ],
        ),
        (
            Template::ComplaintOutcome,
            vec![
                "We have finished looking into your complaint",
                "What we found",
                "What we have done",
                "you can complain to the Information Commissioner's Office",
            ],
        ),
    ];
    let covered: Vec<Template> = required
        .iter()
        .map(|(t, _)| *t)
        .chain([Template::RestrictionLifting])
        .collect();
    assert!(
        Template::ALL.iter().all(|t| covered.contains(t)),
        "every template is tested"
    );
    for (template, points) in required {
        let request = request(&workspace, kind_for(template), received);
        let text = text_of(&workspace, &request, template);
        for point in common.iter().copied().chain(points.iter().copied()) {
            assert!(
                text.contains(&normalised(point)),
                "{template:?} lacks “{point}”:\n{text}"
            );
        }
    }

    // Notice before lifting a restriction follows the reply that applied it.
    let mut restricted = request(&workspace, RequestKind::Restriction, received);
    restricted
        .record(
            Template::RestrictionApplied
                .implied_event(&Parts::new())
                .expect("responds"),
            date(2026, 11, 20),
            TODAY,
            nation,
            &holidays,
        )
        .expect("recorded");
    let text = text_of(&workspace, &restricted, Template::RestrictionLifting);
    for point in [
        "to tell you before we lift the restriction",
        "14 days from the date of this letter",
        "because",
    ] {
        assert!(text.contains(point), "lifting lacks “{point}”");
    }
}

#[test]
fn an_extension_after_the_tell_by_date_is_refused_with_the_reason() {
    let workspace = example();
    let late = request(&workspace, RequestKind::Access, date(2026, 10, 1));
    let reason = Template::ExtensionNotice
        .fits(&workspace, &late, TODAY)
        .expect_err("too late");
    assert!(reason.contains("tell-by date"), "{reason}");
    assert!(reason.contains("Mon 2 Nov 2026"), "{reason}");
    let erasure = request(&workspace, RequestKind::Erasure, date(2026, 11, 20));
    let reason = Template::AccessResponse
        .fits(&workspace, &erasure, TODAY)
        .expect_err("wrong kind");
    assert_eq!(
        reason,
        "a subject access response letter does not fit an erasure request"
    );
}

#[test]
fn a_subject_access_reply_describes_only_the_linked_activities() {
    let workspace = example();
    let sar = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    let text = text_of(&workspace, &sar, Template::AccessResponse);
    for linked in &workspace.register[..2] {
        assert!(
            text.contains(&normalised(&linked.purpose.to_lowercase())),
            "{}",
            linked.purpose
        );
        for category in &linked.data_categories {
            assert!(text.contains(category.as_str()), "{category}");
        }
        for processor in &linked.processors {
            assert!(text.contains(processor.name.as_str()), "{}", processor.name);
        }
        assert!(text.contains(&normalised(&linked.retention_statement())));
    }
    for other in [
        "Prevent crime",
        "prevent crime",
        "Financial transaction information",
        "Professional or legal advisors",
        "Service updates",
        "service updates",
        "Marketing preferences",
        "Letterbox Mail",
        "Until you unsubscribe",
        "United States",
    ] {
        assert!(
            !text.contains(other),
            "an unlinked activity's “{other}” leaked in"
        );
    }
}

#[test]
fn a_letter_never_carries_another_requesters_details() {
    let workspace = example();
    for request in &workspace.requests {
        for template in Template::ALL {
            if template.fits(&workspace, request, TODAY).is_err() {
                continue;
            }
            let text = letter(&workspace, request, template, TODAY, &Parts::new()).plain_text();
            for other in workspace.requests.iter().filter(|o| o.id != request.id) {
                let person = &other.requester;
                for detail in [&person.name, &person.email]
                    .into_iter()
                    .chain(
                        person
                            .postal_address
                            .lines()
                            .next()
                            .map(str::to_owned)
                            .as_ref(),
                    )
                    .filter(|d| !d.trim().is_empty())
                {
                    assert!(
                        !text.contains(detail.as_str()),
                        "{} {template:?} mentions {detail}",
                        request.reference
                    );
                }
            }
        }
    }
}

#[test]
fn non_latin_requester_names_extract_exactly_from_the_pdf() {
    let workspace = example();
    let name = "Zoë Łukasiewicz — Ωμέγα Жанна 李小龍 café";
    let mut sar = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    sar.requester.name = name.to_owned();
    let document = letter(
        &workspace,
        &sar,
        Template::Acknowledgement,
        TODAY,
        &Parts::new(),
    );
    let text = pdf_body_text(&pdf::render(&document).expect("pdf"));
    assert!(text.contains(&format!("{name} 9 Test Row")), "{text}");
    assert!(text.contains(&format!("Dear {name},")), "{text}");
}

#[test]
fn no_letter_promises_a_date_while_the_clock_is_stopped() {
    let workspace = example();
    let nation = workspace.organisation.nation;
    let holidays = workspace.holidays();
    // Received Tue 10 Nov 2026: one month runs to Thu 10 Dec.
    let open = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    assert!(
        text_of(&workspace, &open, Template::Acknowledgement)
            .contains("so we will reply by 10 December 2026 at the latest")
    );

    let mut waiting = open.clone();
    waiting
        .record(
            RequestEvent::IdentityRequested,
            date(2026, 11, 12),
            TODAY,
            nation,
            &holidays,
        )
        .expect("allowed");
    let text = text_of(&workspace, &waiting, Template::Acknowledgement);
    assert!(!text.contains("we will reply by"), "{text}");
    assert!(
        text.contains(
            "It starts on the day we receive the proof we asked you for on 12 November 2026"
        ),
        "{text}"
    );

    // Clarification asked Fri 20 Nov: 20 Nov to 10 Dec (21 days) were not used.
    let mut paused = open;
    paused
        .record(
            RequestEvent::ClarificationAsked,
            date(2026, 11, 20),
            TODAY,
            nation,
            &holidays,
        )
        .expect("allowed");
    let text = text_of(&workspace, &paused, Template::Acknowledgement);
    assert!(!text.contains("we will reply by 1"), "{text}");
    assert!(
        text.contains("paused since we asked you to clarify your request on 20 November 2026. When your reply arrives we will have 21 days left"),
        "{text}"
    );
    let clarification = normalised(
        &letter(
            &workspace,
            &paused,
            Template::ClarificationRequest,
            date(2026, 11, 20),
            &Parts::new(),
        )
        .plain_text(),
    );
    assert!(
        clarification.contains("Before this letter, we were due to reply by 10 December 2026"),
        "{clarification}"
    );
}

#[test]
fn a_complaint_from_before_the_duty_began_is_given_no_statutory_date() {
    let workspace = example();
    let early = request(&workspace, RequestKind::Complaint, date(2026, 6, 1));
    let text = text_of(&workspace, &early, Template::ComplaintAcknowledgement);
    assert!(!text.contains("within 30 days"), "{text}");
    assert!(text.contains("without undue delay"), "{text}");
    let later = request(&workspace, RequestKind::Complaint, date(2026, 11, 10));
    assert!(
        text_of(&workspace, &later, Template::ComplaintAcknowledgement)
            .contains("within 30 days, by 10 December 2026")
    );
}
