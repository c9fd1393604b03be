//! The letter pack as a sole trader would send it: which letters the law allows for each
//! request (a table written from the facts file, §6, and issue 11 — not from the code),
//! each letter's required points with dates from the deadline engine, no invented facts
//! (a required part left empty is a visible gap that blocks the letter), the Art. 15
//! information, no other requester's details, and non-Latin names in the PDF.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use common::{normalised, pdf_body_text};
use jiff::civil::{Date, date};
use smallprint::{
    documents::{
        letters::{PartKey, Parts, Template, letter, missing_parts},
        model::Document,
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
    request.channel = smallprint::domain::requests::Channel::Post;
    request.details = "Everything you hold about me.".to_owned();
    request.activities = workspace.register.iter().take(2).map(|a| a.id).collect();
    request
}

/// What a shop owner would write for each part: the facts only they know.
#[expect(clippy::too_many_lines, reason = "one row of parts per template")]
fn users_words(template: Template) -> Parts {
    use PartKey as P;
    let words: &[(PartKey, &str)] = match template {
        Template::FeeNotice => &[
            (P::FeeGround, "further-copies"),
            (
                P::Reasons,
                "We sent you a full copy on 12 November; you have asked for a second one.",
            ),
            (P::Amount, "£10.00"),
            (
                P::FeeBasis,
                "It covers the administrative cost of printing and posting a second copy.",
            ),
            (
                P::HowToPay,
                "by bank transfer to sort code 00-00-00, account 00000000",
            ),
        ],
        Template::ExtensionNotice => &[
            (P::ExtensionGround, "complex"),
            (
                P::Reasons,
                "Your request covers seven years of orders held in two systems.",
            ),
        ],
        Template::AccessResponse => &[
            (P::Activities, "1,2"),
            (
                P::Delivery,
                "A printed copy is enclosed, sent by recorded delivery.",
            ),
            (P::Withheld, "nothing"),
        ],
        Template::NothingHeld => &[(
            P::Searched,
            "our customer records, order system and email for the name and email address you gave",
        )],
        Template::CannotIdentify => &[
            (P::Searched, "our customer records for the name you gave"),
            (
                P::MoreInformation,
                "the email address you used when you ordered from us",
            ),
        ],
        Template::RightNotApplicable => &[
            (P::NotApplicableGround, "portability-basis"),
            (
                P::Reasons,
                "We keep your order records because the law on tax records requires it, not because of your consent or our contract.",
            ),
        ],
        Template::ConsentWithdrawn => &[
            (
                P::Stopped,
                "sending you photos of finished commissions to review",
            ),
            (P::DataAfter, "partly"),
            (P::Erased, "the photos of your commissions"),
            (
                P::Kept,
                "your invoice, as the law on tax records requires, until April 2033",
            ),
        ],
        Template::DecisionReviewed => &[
            (P::Reviewer, "Morwenna Tallis, the owner"),
            (
                P::Representations,
                "You told us your order was refused although your card details were correct; we checked the payment record.",
            ),
            (P::DecisionOutcome, "changed"),
            (
                P::Reasons,
                "The fraud filter misread your address; your order has been accepted.",
            ),
        ],
        Template::ComplaintProgress => &[(
            P::Progress,
            "We have checked which courier received your email address and why.",
        )],
        Template::ErasureDone => &[
            (
                P::Erased,
                "Your customer account and your marketing profile.",
            ),
            (P::Backups, "beyond-use"),
            (P::Suppression, "kept"),
            (P::RecipientsTold, "told"),
            (
                P::Kept,
                "your invoices, for six years from the sale, as HMRC's record-keeping rules require",
            ),
        ],
        Template::ErasureRefused => &[
            (P::ErasureGround, "legal-claims"),
            (
                P::Reasons,
                "You have an open dispute with us about order 1182.",
            ),
        ],
        Template::RectificationDone => &[
            (P::Corrected, "your delivery address now reads 9 Test Row."),
            (P::RecipientsTold, "told"),
        ],
        Template::RectificationRefused => &[(
            P::Reasons,
            "Your signed order form of 2 May shows the same date of birth.",
        )],
        Template::RestrictionApplied => &[
            (P::RestrictionGround, "accuracy"),
            (P::Restricted, "your delivery address"),
            (P::RecipientsTold, "not-shared"),
        ],
        Template::RestrictionLifting => &[
            (P::LiftOn, "on 8 December 2026"),
            (
                P::Reasons,
                "We have checked the address with you and it is correct.",
            ),
        ],
        Template::ObjectionStopped => &[(
            P::Stopped,
            "using your order history to choose which offers to show you.",
        )],
        Template::ObjectionRefused => &[
            (P::ObjectionGround, "legal-claims"),
            (
                P::Grounds,
                "We must keep the order records to defend the claim you have made against us.",
            ),
        ],
        Template::Portability => &[
            (P::DataFormat, "a CSV file"),
            (P::Delivery, "It is attached to this email."),
        ],
        Template::Refusal => &[
            (P::RefusalGround, "manifestly-excessive"),
            (
                P::Reasons,
                "You have sent the same request five times since 1 November; we answered the first in full on 4 November.",
            ),
        ],
        Template::ComplaintOutcome => &[
            (
                P::Findings,
                "Your email address was given to the courier for delivery updates.",
            ),
            (P::Actions, "We now say so at checkout."),
        ],
        Template::Acknowledgement => &[(P::Asked, "Everything you hold about me.")],
        Template::MarketingObjectionDone => &[
            (P::Channels, "our newsletter and offers by email"),
            (P::Suppression, "kept"),
        ],
        Template::IdentityRequest
        | Template::ClarificationRequest
        | Template::ComplaintAcknowledgement => &[],
    };
    words
        .iter()
        .map(|(key, text)| (*key, (*text).to_owned()))
        .collect()
}

fn kind_for(template: Template) -> RequestKind {
    use RequestKind as K;
    match template {
        Template::ErasureDone | Template::ErasureRefused | Template::CannotIdentify => K::Erasure,
        Template::RectificationDone | Template::RectificationRefused => K::Rectification,
        Template::RestrictionApplied | Template::RestrictionLifting => K::Restriction,
        Template::MarketingObjectionDone => K::DirectMarketingObjection,
        Template::ObjectionStopped | Template::ObjectionRefused => K::Objection,
        Template::Portability | Template::RightNotApplicable => K::Portability,
        Template::ComplaintAcknowledgement
        | Template::ComplaintOutcome
        | Template::ComplaintProgress => K::Complaint,
        Template::ConsentWithdrawn => K::ConsentWithdrawal,
        Template::DecisionReviewed => K::AutomatedDecisionReview,
        _ => K::Access,
    }
}

/// A request the template fits, with what must have happened before it.
fn request_for(workspace: &Workspace, template: Template) -> RightsRequest {
    let mut fresh = request(workspace, kind_for(template), date(2026, 11, 10));
    let nation = workspace.organisation.nation;
    let holidays = workspace.holidays();
    let mut record = |event: RequestEvent, on: Date| {
        fresh
            .record(event, on, TODAY, nation, &holidays)
            .expect("a step the request can take");
    };
    match template {
        Template::RestrictionLifting => {
            record(
                RequestEvent::LetterSent {
                    template: Template::RestrictionApplied.name().to_owned(),
                    title: Template::RestrictionApplied.to_string(),
                    text: "…".to_owned(),
                },
                date(2026, 11, 20),
            );
            record(
                RequestEvent::Responded {
                    outcome: "restricted".to_owned(),
                },
                date(2026, 11, 20),
            );
        }
        Template::ComplaintOutcome => record(
            RequestEvent::LetterSent {
                template: Template::ComplaintAcknowledgement.name().to_owned(),
                title: Template::ComplaintAcknowledgement.to_string(),
                text: "…".to_owned(),
            },
            date(2026, 11, 12),
        ),
        _ => {}
    }
    fresh
}

fn text_of(workspace: &Workspace, request: &RightsRequest, template: Template) -> String {
    template
        .fits(workspace, request, TODAY)
        .unwrap_or_else(|reason| panic!("{template:?} should fit: {reason}"));
    let mut parts = template.initial_parts(workspace, request);
    parts.extend(users_words(template));
    assert!(
        missing_parts(template, &parts).is_empty(),
        "{template:?}: the test fills every required part"
    );
    normalised(&letter(workspace, request, template, TODAY, &parts).plain_text())
}

/// Which letters the law allows for each request of the example shop on 24 November
/// 2026 (its requests are dated relative to that day). Written from the facts file:
/// an acknowledgement for any open rights request; identity only while it has not
/// arrived and never on a marketing objection (§6.2a); clarification only before the
/// deadline (a pause cannot revive a missed one); a fee or extension never on a
/// marketing objection, and neither once the time has run out (§6.4 "no revival"), an
/// extension only within the first month; the reply letters by kind; a refusal never on
/// a marketing objection; a complaint's outcome only after its acknowledgement; "we hold
/// nothing" only for subject access; "we cannot identify you" for any right; "this right
/// does not apply" for the rights with such a ground (§6.4).
///
/// The example's requests: 001 access, closed · 002 erasure, open, due 4 Dec · 003
/// access, identity arrived 26 Oct, due 26 Nov · 004 access, extended · 005
/// rectification, open, due 19 Nov (overdue) · 006 objection to direct marketing ·
/// 007 complaint, not acknowledged · 008 access, awaiting clarification.
const ALLOWED: &[(&str, &[&str])] = &[
    ("acknowledgement", &["002", "003", "004", "008"]),
    ("identity-request", &["002"]),
    ("clarification-request", &["002", "003", "004"]),
    ("fee-notice", &["002", "003"]),
    ("extension", &["002", "003"]),
    ("access-response", &["003", "004", "008"]),
    ("erasure-done", &["002"]),
    ("erasure-refused", &["002"]),
    ("rectification-done", &["005"]),
    ("rectification-refused", &["005"]),
    ("restriction-applied", &[]),
    ("restriction-lifting", &[]),
    ("marketing-objection", &["006"]),
    ("objection-stopped", &[]),
    ("objection-refused", &[]),
    ("portability", &[]),
    ("refusal", &["002", "003", "004", "005", "008"]),
    ("complaint-acknowledgement", &["007"]),
    ("complaint-outcome", &["007"]),
    ("nothing-held", &["003", "004", "008"]),
    ("cannot-identify", &["002", "003", "004", "005", "008"]),
    ("right-not-applicable", &["002"]),
    ("consent-withdrawn", &[]),
    ("decision-reviewed", &[]),
    ("complaint-progress", &["007"]),
];

#[test]
fn every_letter_for_every_example_request_fits_or_is_refused_with_its_reason() {
    let workspace = example();
    assert_eq!(
        ALLOWED.len(),
        Template::ALL.len(),
        "the table covers every letter"
    );
    for (name, allowed) in ALLOWED {
        let template = Template::from_name(name).unwrap_or_else(|| panic!("{name}"));
        for request in &workspace.requests {
            let number = request.reference.rsplit('-').next().expect("R-YYYY-NNN");
            let verdict = template.fits(&workspace, request, TODAY);
            if allowed.contains(&number) {
                assert_eq!(verdict, Ok(()), "{name} for {}", request.reference);
            } else {
                let reason = verdict
                    .err()
                    .unwrap_or_else(|| panic!("{name} must not fit {}", request.reference));
                assert!(reason.len() > 15, "{name}: a reason in words: {reason}");
            }
        }
    }
    // The reasons say what the law says.
    let by_ref = |number: &str| {
        workspace
            .requests
            .iter()
            .find(|r| r.reference.ends_with(number))
            .expect("example request")
    };
    let reason = |template: Template, number: &str| {
        template
            .fits(&workspace, by_ref(number), TODAY)
            .expect_err("refused")
    };
    assert!(
        reason(Template::IdentityRequest, "003").contains("already arrived on Mon 26 Oct 2026")
    );
    assert!(reason(Template::ClarificationRequest, "005").contains("19 Nov 2026"));
    assert!(reason(Template::IdentityRequest, "005").contains("cannot restart"));
    assert!(reason(Template::Acknowledgement, "005").contains("send the reply itself"));
    for conditional in [
        Template::Acknowledgement,
        Template::ClarificationRequest,
        Template::IdentityRequest,
        Template::FeeNotice,
        Template::ExtensionNotice,
        Template::Refusal,
    ] {
        assert!(
            reason(conditional, "006").contains("objection to direct marketing"),
            "{conditional:?}"
        );
    }
}

#[test]
#[expect(
    clippy::too_many_lines,
    reason = "one block per template, each its points from the facts file"
)]
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
    // One calendar month, and three, from 10 November (facts §1.2–1.3).
    assert_eq!(
        (due.as_str(), extended.as_str()),
        ("10 December 2026", "10 February 2027")
    );

    // Every letter: letterhead, date, addressee by the request's channel (post),
    // reference, salutation, sign-off.
    let common = [
        "Kestrel Forge 3D",
        "Unit 4, Tinker's Yard",
        "24 November 2026",
        "Priya Testcase",
        "9 Test Row",
        "Our reference: R-2026-900",
        "Dear Priya Testcase,",
        "by post",
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
                "You asked: “Everything you hold about me.”",
                "contact us",
            ],
        ),
        (
            Template::IdentityRequest,
            vec![
                "Please send us",
                "starts on the day we receive what we have asked for",
            ],
        ),
        (
            Template::ClarificationRequest,
            vec![
                "paused from the date of this letter, 24 November 2026, up to and including the day your reply arrives",
                &due,
                "we will send you any information we can already provide",
            ],
        ),
        (
            Template::FeeNotice,
            vec![
                "further copies",
                "£10.00",
                "printing and posting a second copy",
                "run from that day",
                "withdraw",
            ],
        ),
        (
            Template::ExtensionNotice,
            vec![
                "two further months",
                "seven years of orders held in two systems",
                &extended,
            ],
        ),
        (
            Template::AccessResponse,
            vec![
                "We confirm that we hold and use personal information about you",
                "sent by recorded delivery",
                "reasonable and proportionate search",
                "Nothing has been withheld or redacted.",
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
                "beyond use",
                "The law requires us to keep some information",
                "HMRC's record-keeping rules",
                "suppression (do not contact) list",
                "We have told the organisations we shared your information with",
                // Something kept is a partial refusal: the court route (Art. 12(4)).
                refusal[2],
            ],
        ),
        (
            Template::ErasureRefused,
            vec![
                "establish, exercise or defend legal claims (Article 17(3)(e))",
                "open dispute with us about order 1182",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::RectificationDone,
            vec![
                "We have corrected our records: your delivery address now reads 9 Test Row.",
                "We have told the organisations",
            ],
        ),
        (
            Template::RectificationRefused,
            vec![
                "we have not changed our records",
                "signed order form",
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
                "We have not shared this information with anyone else",
                "We will tell you before we lift the restriction",
            ],
        ),
        (
            Template::RestrictionLifting,
            vec![
                "to tell you before we lift the restriction",
                "8 December 2026",
                "checked the address",
            ],
        ),
        (
            Template::MarketingObjectionDone,
            vec![
                "We have stopped sending you",
                "(profiling)",
                "absolute right",
                "suppression (do not contact) list",
                "no charge",
            ],
        ),
        (
            Template::ObjectionStopped,
            vec!["we have stopped using your order history"],
        ),
        (
            Template::ObjectionRefused,
            vec![
                // The ground chosen, and only it (Art. 21(1)).
                "We will carry on, because we need the information to establish, exercise or defend legal claims",
                "defend the claim",
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
                "We are refusing to act on it because it is manifestly excessive",
                "a reasonable interval has not passed",
                "five times since 1 November",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::ComplaintAcknowledgement,
            vec![
                "Thank you for your complaint, which we received on 10 November 2026",
                "keep you updated",
                "without undue delay",
                "within the 30 days the law allows",
                "section 164A",
                "you can complain to the Information Commissioner's Office",
            ],
        ),
        (
            Template::ComplaintOutcome,
            vec![
                "We have finished looking into your complaint",
                "What we found",
                "given to the courier",
                "What we have done",
                "you can complain to the Information Commissioner's Office",
            ],
        ),
    ];
    let mut required = required;
    required.extend([
        (
            Template::NothingHeld,
            vec![
                "whether or not we hold personal information about you (Article 15(1))",
                "reasonable and proportionate search of our customer records",
                "We do not hold any personal information about you",
                complain[0],
                complain[1],
            ],
        ),
        (
            Template::CannotIdentify,
            vec![
                "we cannot identify you",
                "Articles 11(2) and 12(2)",
                "the email address you used when you ordered from us, we will look again",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::RightNotApplicable,
            vec![
                "consent or of a contract with you (Article 20(1)(a))",
                "law on tax records",
                refusal[0],
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::ConsentWithdrawn,
            vec![
                "We have stopped sending you photos of finished commissions",
                "We have deleted the photos of your commissions",
                "We keep your invoice",
                "Article 7(3)",
                "no charge",
                refusal[1],
                refusal[2],
            ],
        ),
        (
            Template::DecisionReviewed,
            vec![
                "a person has reviewed the decision",
                "Articles 22A to 22D",
                "Morwenna Tallis, the owner",
                "checked the payment record",
                "we have changed the decision",
                "fraud filter",
                complain[1],
            ],
        ),
        (
            Template::ComplaintProgress,
            vec![
                "update you on your complaint of 10 November 2026",
                "checked which courier",
                "without undue delay",
                "you can complain to the Information Commissioner's Office",
            ],
        ),
    ]);
    assert_eq!(
        required.len(),
        Template::ALL.len(),
        "every template is tested"
    );
    for (template, points) in required {
        let request = request_for(&workspace, template);
        let text = text_of(&workspace, &request, template);
        for point in common.iter().copied().chain(points.iter().copied()) {
            assert!(
                text.contains(&normalised(point)),
                "{template:?} lacks “{point}”:\n{text}"
            );
        }
        // Nothing left unfilled, nothing elided, no other request's words.
        assert!(!text.contains('['), "{template:?} has a gap:\n{text}");
        assert!(!text.contains('…'), "{template:?} has an ellipsis:\n{text}");
        for other in &workspace.requests {
            assert!(
                !text.contains(other.details.trim()),
                "{template:?} quotes {}",
                other.reference
            );
        }
    }
}

#[test]
fn a_required_part_left_empty_is_a_visible_gap_and_blocks_the_letter() {
    let workspace = example();
    for &template in Template::ALL {
        let request = request_for(&workspace, template);
        let parts = template.initial_parts(&workspace, &request);
        let missing = missing_parts(template, &parts);
        let text = letter(&workspace, &request, template, TODAY, &parts).plain_text();
        if missing.is_empty() {
            assert!(!text.contains('['), "{template:?}:\n{text}");
        } else {
            assert!(
                text.contains('[') && text.contains(']'),
                "{template:?}: a gap shows where a fact is missing:\n{text}"
            );
        }
    }
    // The letters that state reasons or facts never start with any (Art. 12(3)–(5)).
    for template in [
        Template::ExtensionNotice,
        Template::Refusal,
        Template::FeeNotice,
        Template::RectificationRefused,
        Template::ComplaintOutcome,
        Template::ErasureDone,
        Template::AccessResponse,
    ] {
        let request = request_for(&workspace, template);
        assert!(
            !missing_parts(template, &template.initial_parts(&workspace, &request)).is_empty(),
            "{template:?} must ask for the facts"
        );
    }
}

#[test]
fn a_refusal_offers_exactly_the_two_grounds_as_the_ico_defines_them() {
    let spec = Template::Refusal.spec();
    let ground = spec
        .parts
        .iter()
        .find(|p| p.key == PartKey::RefusalGround)
        .expect("a ground to choose");
    let keys: Vec<&str> = ground.options().iter().map(|o| o.key).collect();
    assert_eq!(keys, ["manifestly-unfounded", "manifestly-excessive"]);
    // Facts §6.2a.
    let unfounded = ground.options()[0].meaning;
    for point in [
        "no intention to exercise the right",
        "withdraw",
        "benefit",
        "harass",
    ] {
        assert!(unfounded.contains(point), "{point}");
    }
    let excessive = ground.options()[1].meaning;
    for point in [
        "burden",
        "repeats",
        "reasonable interval",
        "large amount of information alone",
    ] {
        assert!(excessive.contains(point), "{point}");
    }
}

#[test]
fn the_extension_gives_the_users_reasons_and_a_marketing_objection_is_free() {
    let workspace = example();
    let access = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    let parts = Template::ExtensionNotice.initial_parts(&workspace, &access);
    assert!(
        !parts.contains_key(&PartKey::Reasons),
        "no stock reason for an extension"
    );
    let marketing = request(
        &workspace,
        RequestKind::DirectMarketingObjection,
        date(2026, 11, 20),
    );
    let text = text_of(&workspace, &marketing, Template::MarketingObjectionDone);
    assert!(text.contains("suppression"));
    assert!(text.contains("no charge"));
    assert!(!text.contains('£'));
    assert!(
        Template::FeeNotice
            .fits(&workspace, &marketing, TODAY)
            .is_err()
    );
}

#[test]
fn a_late_complaint_acknowledgement_apologises_and_an_early_complaint_has_no_statutory_wording() {
    let workspace = example();
    // Received 1 October 2026: acknowledgement due by 2 November; written 24 November.
    let late = request(&workspace, RequestKind::Complaint, date(2026, 10, 1));
    let text = text_of(&workspace, &late, Template::ComplaintAcknowledgement);
    assert!(
        text.contains("sorry that this acknowledgement is late"),
        "{text}"
    );
    let due = long_date(
        deadlines::complaint_acknowledgement(
            date(2026, 10, 1),
            workspace.organisation.nation,
            &workspace.holidays(),
        )
        .due,
    );
    assert!(text.contains(&due), "{text}");
    // Before s.164A began (19 June 2026) there was no statutory duty to cite.
    let early = request(&workspace, RequestKind::Complaint, date(2026, 5, 1));
    let text = normalised(
        &letter(
            &workspace,
            &early,
            Template::ComplaintAcknowledgement,
            date(2026, 5, 5),
            &Parts::new(),
        )
        .plain_text(),
    );
    assert!(!text.contains("164A"), "{text}");
    assert!(!text.contains("30 days"), "{text}");
}

#[test]
fn a_subject_access_reply_describes_exactly_the_activities_ticked_for_this_person() {
    let workspace = example();
    let sar = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    // Nothing ticked: no default to "everything" — the part is missing and blocks it.
    let parts = Template::AccessResponse.initial_parts(&workspace, &sar);
    assert!(
        missing_parts(Template::AccessResponse, &parts)
            .iter()
            .any(|p| p.key == PartKey::Activities),
        "activities must be ticked"
    );
    let mut parts = parts;
    parts.extend(users_words(Template::AccessResponse));
    parts.insert(PartKey::Activities, "1, 2".to_owned());
    let text =
        normalised(&letter(&workspace, &sar, Template::AccessResponse, TODAY, &parts).plain_text());
    for ticked in &workspace.register[..2] {
        for category in &ticked.data_categories {
            assert!(text.contains(category.as_str()), "{category}");
        }
        for processor in &ticked.processors {
            assert!(text.contains(processor.name.as_str()), "{}", processor.name);
        }
    }
    // The activities not ticked are not this person's: none of their facts appear.
    for other in [
        "Financial transaction information",
        "Marketing preferences",
        "United States",
    ] {
        assert!(
            !text.contains(other),
            "an activity not ticked (“{other}”) is in the reply:\n{text}"
        );
    }
}

/// Every letter the example's requests allow, with the shop owner's words in its parts.
fn every_fitting_letter(workspace: &Workspace) -> Vec<(&RightsRequest, Template, Document)> {
    let mut letters = Vec::new();
    for request in &workspace.requests {
        for &template in Template::ALL {
            if template.fits(workspace, request, TODAY).is_err() {
                continue;
            }
            let mut parts = template.initial_parts(workspace, request);
            parts.extend(users_words(template));
            letters.push((
                request,
                template,
                letter(workspace, request, template, TODAY, &parts),
            ));
        }
    }
    letters
}

#[test]
fn a_letter_never_carries_another_requesters_details() {
    let workspace = example();
    for (request, template, document) in every_fitting_letter(&workspace) {
        let text = document.plain_text();
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
            .contains("within the 30 days the law allows")
    );
}

/// The regulator's details as facts §10 gives them (not the code's defaults).
const ICO_ADDRESS_FROM_FACTS: &str = "Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF";
const ICO_HELPLINE_FROM_FACTS: &str = "0303 123 1113";

/// What a case of the Art. 34 letter must come to.
enum BreachOutcome {
    /// Written, saying each of these (the fixture's own words), and the Art. 34(2)
    /// contact point and the right to complain, which every written case must say.
    Letter(&'static [&'static str]),
    /// Not written until these parts are filled.
    Missing(&'static [PartKey]),
    /// Refused, the reason saying this.
    Refused(&'static str),
}

struct BreachCase {
    name: &'static str,
    breach: &'static str,
    /// What the case changes in the fixture first.
    change: fn(&mut Workspace),
    date: Date,
    parts: &'static [(PartKey, &'static str)],
    outcome: BreachOutcome,
}

fn unchanged(_: &mut Workspace) {}

/// Art. 34(2) with Art. 33(3)(b)–(d), and the ICO's guidance on telling people (facts
/// §7): what happened in plain language, a contact point, the likely consequences, the
/// measures taken (including to limit harm), what the person can do, the right to
/// complain. Gaps block the letter; the law's conditions refuse it with the reason.
const BREACH_CASES: &[BreachCase] = {
    use common::breach_fixture as f;
    &[
        BreachCase {
            name: "a complete record, reported and high risk",
            breach: "B-2026-001",
            change: unchanged,
            date: date(2026, 6, 2),
            parts: &[(PartKey::Advice, "phishing,post")],
            outcome: BreachOutcome::Letter(&[
                f::REPORTED_WHAT,
                f::REPORTED_CONSEQUENCES,
                f::REPORTED_STEP_1,
                f::REPORTED_STEP_2,
                "Names and contact details",
                "Addresses",
                "B-2026-001",
                "2 June 2026",
                "1 June 2026",
            ]),
        },
        BreachCase {
            name: "consequences not in the record",
            breach: "B-2026-003",
            change: unchanged,
            date: TODAY,
            parts: &[
                (PartKey::Information, "Order history"),
                (PartKey::Measures, "Changed every password the laptop held."),
                (PartKey::Advice, "password"),
            ],
            outcome: BreachOutcome::Missing(&[PartKey::Consequences]),
        },
        BreachCase {
            name: "no advice chosen for the shop",
            breach: "B-2026-001",
            change: unchanged,
            date: date(2026, 6, 2),
            parts: &[],
            outcome: BreachOutcome::Missing(&[PartKey::Advice]),
        },
        BreachCase {
            name: "not a high risk, told anyway",
            breach: "B-2026-002",
            change: unchanged,
            date: date(2026, 8, 15),
            parts: &[(PartKey::Advice, "tell-us")],
            outcome: BreachOutcome::Letter(&[
                f::NOT_REPORTED_WHAT,
                "Checked all returned stock for paperwork.",
            ]),
        },
        BreachCase {
            name: "the user's own words replace the record's",
            breach: "B-2026-003",
            change: unchanged,
            date: TODAY,
            parts: &[
                (PartKey::WhatHappened, "Our spare laptop was stolen."),
                (PartKey::Information, "Your order history"),
                (PartKey::Consequences, "Little, as its disk is encrypted."),
                (PartKey::Measures, "We changed every password it held."),
                (PartKey::Advice, "password"),
                (
                    PartKey::MoreAdvice,
                    "Ask us for a copy of your order history.",
                ),
                (PartKey::Addressee, "Priya Testcase\n9 Test Row"),
            ],
            outcome: BreachOutcome::Letter(&[
                "Our spare laptop was stolen.",
                "Little, as its disk is encrypted.",
                "We changed every password it held.",
                "Ask us for a copy of your order history.",
                "Dear Priya Testcase,",
            ]),
        },
        BreachCase {
            name: "no way to reach a contact point",
            breach: "B-2026-001",
            change: |workspace| {
                workspace.organisation.privacy_contact = None;
                workspace.organisation.email.clear();
                workspace.organisation.phone.clear();
            },
            date: date(2026, 6, 2),
            parts: &[(PartKey::Advice, "phishing")],
            outcome: BreachOutcome::Refused("email address or phone number"),
        },
        BreachCase {
            name: "dated before the shop knew",
            breach: "B-2026-001",
            change: unchanged,
            date: date(2026, 5, 31),
            parts: &[(PartKey::Advice, "phishing")],
            outcome: BreachOutcome::Refused("before you became aware"),
        },
    ]
};

#[test]
fn the_letter_to_the_people_a_breach_affects_carries_each_article_34_element() {
    use smallprint::documents::letters::breach;
    let zone = smallprint::clock::uk_time_zone();
    for case in BREACH_CASES {
        let mut workspace = common::breach_workspace();
        (case.change)(&mut workspace);
        let found = workspace
            .breaches
            .iter()
            .find(|b| b.reference == case.breach)
            .unwrap_or_else(|| panic!("{}: the fixture has {}", case.name, case.breach));
        let fits = breach::fits(&workspace, found, &zone, case.date);
        let mut parts = breach::initial_parts(found);
        for (key, value) in case.parts {
            parts.insert(*key, (*value).to_owned());
        }
        let missing: Vec<PartKey> = breach::missing_parts(&parts)
            .iter()
            .map(|p| p.key)
            .collect();
        let document = breach::breach_letter(&workspace, found, &zone, case.date, &parts);
        let text = normalised(&document.plain_text());
        match &case.outcome {
            BreachOutcome::Refused(reason) => {
                let refusal = fits.expect_err(case.name);
                assert!(refusal.contains(reason), "{}: {refusal}", case.name);
            }
            BreachOutcome::Missing(keys) => {
                assert_eq!(fits, Ok(()), "{}", case.name);
                assert_eq!(&missing, keys, "{}", case.name);
                let reason = breach::missing_reason(&parts).expect("a reason");
                for spec in breach::PARTS.iter().filter(|p| keys.contains(&p.key)) {
                    assert!(reason.contains(spec.label), "{}: {reason}", case.name);
                }
                assert!(text.contains('['), "{}: the gap shows:\n{text}", case.name);
            }
            BreachOutcome::Letter(points) => {
                assert_eq!(fits, Ok(()), "{}", case.name);
                assert!(missing.is_empty(), "{}: {missing:?}", case.name);
                let org = &workspace.organisation;
                let contact = org.privacy_contact.as_ref().expect("a contact");
                let contact_points = [
                    contact.name.as_str(),
                    contact.email.as_str(),
                    org.phone.as_str(),
                    ICO_ADDRESS_FROM_FACTS,
                    ICO_HELPLINE_FROM_FACTS,
                ];
                for point in points.iter().chain(&contact_points) {
                    assert!(
                        text.contains(&normalised(point)),
                        "{} lacks “{point}”:\n{text}",
                        case.name
                    );
                }
                // The advice chosen, and only it.
                let chosen = parts.get(&PartKey::Advice).expect("advice chosen");
                for option in breach::ADVICE {
                    assert_eq!(
                        text.contains(option.words),
                        chosen.split(',').any(|key| key.trim() == option.key),
                        "{}: {}",
                        case.name,
                        option.key
                    );
                }
                assert!(!text.contains('['), "{} has a gap:\n{text}", case.name);
                // No requester of the example shop appears in a breach letter.
                for request in &workspace.requests {
                    assert!(
                        !text.contains(request.requester.name.as_str()),
                        "{}",
                        case.name
                    );
                }
            }
        }
    }
}

#[test]
fn the_breach_letter_reads_back_from_its_pdf_and_says_when_it_is_required() {
    use common::breach_fixture as f;
    use smallprint::documents::letters::breach;
    let zone = smallprint::clock::uk_time_zone();
    let workspace = common::breach_workspace();
    let reported = &workspace.breaches[0];
    let mut parts = breach::initial_parts(reported);
    parts.insert(PartKey::Advice, "bank".to_owned());
    let document = breach::breach_letter(&workspace, reported, &zone, date(2026, 6, 2), &parts);
    let mut text = common::pdftotext(&pdf::render(&document).expect("pdf"));
    // A sentence may run over a page break: take out the footers between.
    let pages = text.matches(" Page ").count();
    for page in 1..=pages {
        text = text.replace(&format!("{} Page {page} of {pages} ", document.title), "");
    }
    let contact = workspace
        .organisation
        .privacy_contact
        .as_ref()
        .expect("a contact");
    for point in [
        f::REPORTED_WHAT,
        f::REPORTED_CONSEQUENCES,
        f::REPORTED_STEP_1,
        contact.email.as_str(),
        ICO_ADDRESS_FROM_FACTS,
        ICO_HELPLINE_FROM_FACTS,
    ] {
        assert!(text.contains(point), "{point}:\n{text}");
    }
    // A high risk (B-2026-001) requires the letter; B-2026-002 was judged unlikely to
    // be a risk, so it is the shop's choice; B-2026-003 has no risk judged yet.
    let requirement: Vec<&str> = workspace
        .breaches
        .iter()
        .map(|b| breach::requirement(b))
        .collect();
    assert!(requirement[0].starts_with("Required"), "{requirement:?}");
    assert!(
        requirement[1].starts_with("Not required"),
        "{requirement:?}"
    );
    assert!(requirement[2].contains("judge the risk"), "{requirement:?}");
    assert!(breach::PURPOSE.contains("high risk"));
}

/// Issue 21: what a saved file allows is decided by the letter's stable name, never its
/// title. A complaint whose 30 days to acknowledge have passed, acknowledged under a
/// title since renamed, still counts as acknowledged (its outcome may go, a second
/// acknowledgement may not); a letter that only bears the acknowledgement's title does
/// not (facts §1.6: after the 30 days, the acknowledgement comes first).
#[test]
fn renaming_a_letters_title_changes_nothing_a_saved_file_allows() {
    let workspace = example_workspace(TODAY);
    let complaint = |sent: Option<(&str, &str)>| {
        let mut fresh = request(&workspace, RequestKind::Complaint, date(2026, 9, 1));
        if let Some((template, title)) = sent {
            fresh
                .record(
                    RequestEvent::LetterSent {
                        template: template.to_owned(),
                        title: title.to_owned(),
                        text: "Dear…".to_owned(),
                    },
                    date(2026, 9, 10),
                    TODAY,
                    workspace.organisation.nation,
                    &workspace.holidays(),
                )
                .expect("recorded");
        }
        fresh
    };
    let renamed = complaint(Some((
        "complaint-acknowledgement",
        "Acknowledgement of your complaint (an older title)",
    )));
    let outcome = Template::ComplaintOutcome.fits(&workspace, &renamed, TODAY);
    let again = Template::ComplaintAcknowledgement.fits(&workspace, &renamed, TODAY);
    assert_eq!(outcome, Ok(()), "acknowledged, whatever it was called");
    assert!(
        again
            .as_ref()
            .is_err_and(|reason| reason.contains("acknowledged on 10 September 2026")),
        "{again:?}"
    );

    let only_the_title = complaint(Some(("a-note", "Complaint acknowledgement")));
    // A title alone acknowledges nothing: the acknowledgement is still owed, and an
    // outcome says the 30 days were missed (it is never held back for it, facts §1.6).
    assert_eq!(
        Template::ComplaintAcknowledgement.fits(&workspace, &only_the_title, TODAY),
        Ok(())
    );
    for unacknowledged in [only_the_title, complaint(None)] {
        // The outcome is never held back, states nothing about an acknowledgement the
        // records may not know of, and the shop is told none is recorded.
        assert_eq!(
            Template::ComplaintOutcome.fits(&workspace, &unacknowledged, TODAY),
            Ok(())
        );
        let mut parts = users_words(Template::ComplaintOutcome);
        parts.extend(Template::ComplaintOutcome.initial_parts(&workspace, &unacknowledged));
        let text = normalised(
            &letter(
                &workspace,
                &unacknowledged,
                Template::ComplaintOutcome,
                TODAY,
                &parts,
            )
            .plain_text(),
        );
        assert!(!text.contains("acknowledge"), "{text}");
        let warnings =
            Template::ComplaintOutcome.timing_warnings(&workspace, &unacknowledged, TODAY);
        assert!(
            warnings.iter().any(|w| w.contains("none is recorded")),
            "{warnings:?}"
        );
    }
    assert!(
        Template::ComplaintOutcome
            .timing_warnings(&workspace, &renamed, TODAY)
            .is_empty(),
        "acknowledged: nothing to warn of"
    );
}

/// Art. 12(4) (facts §6.2, §6.4): a letter that refuses or withholds anything, in whole
/// or in part, names the ICO and the courts. Every template whose step is a refusal, and
/// by hand the partial ones: a copy with something withheld, an erasure with data kept,
/// a consent withdrawal with data kept, a decision upheld.
#[test]
fn every_refusal_or_partial_letter_names_the_ico_and_the_courts() {
    let workspace = example();
    let ico = "Information Commissioner's Office";
    let courts = "enforce your rights through the courts";
    let mut checked = Vec::new();
    let mut check = |template: Template, extra: &[(PartKey, &str)]| {
        let request = request_for(&workspace, template);
        let mut parts = template.initial_parts(&workspace, &request);
        parts.extend(users_words(template));
        for (key, value) in extra {
            parts.insert(*key, (*value).to_owned());
        }
        assert!(missing_parts(template, &parts).is_empty(), "{template:?}");
        let text = normalised(&letter(&workspace, &request, template, TODAY, &parts).plain_text());
        assert!(
            text.contains(ico),
            "{template:?} {extra:?} lacks the ICO:\n{text}"
        );
        assert!(
            text.contains(courts),
            "{template:?} {extra:?} lacks the courts:\n{text}"
        );
        checked.push(template);
    };
    for &template in Template::ALL {
        let words = users_words(template);
        if matches!(
            template.implied_event(&words),
            Some(RequestEvent::Refused { .. })
        ) {
            check(template, &[]);
        }
    }
    check(
        Template::AccessResponse,
        &[
            (PartKey::Withheld, "some"),
            (
                PartKey::WithheldDetails,
                "Another customer's name in one email, to protect them.",
            ),
        ],
    );
    check(
        Template::ErasureDone,
        &[(
            PartKey::Kept,
            "Your invoices, as tax law requires, for six years.",
        )],
    );
    check(Template::ConsentWithdrawn, &[(PartKey::DataAfter, "kept")]);
    check(
        Template::DecisionReviewed,
        &[(PartKey::DecisionOutcome, "upheld")],
    );
    for refusing in [
        Template::Refusal,
        Template::ErasureRefused,
        Template::RectificationRefused,
        Template::ObjectionRefused,
        Template::RightNotApplicable,
    ] {
        assert!(checked.contains(&refusing), "{refusing:?} was not checked");
    }
}

/// Facts §6.4: a ground for "the right does not apply" answers one kind of request;
/// offered for another it is refused with the reason, and so is the letter for a right
/// that has no such ground (subject access is answered "we hold nothing" instead).
#[test]
fn a_right_not_applicable_ground_fits_only_its_own_kind() {
    let workspace = example();
    let erasure = request(&workspace, RequestKind::Erasure, date(2026, 11, 10));
    let mut parts = users_words(Template::RightNotApplicable); // a portability ground
    let refused = Template::RightNotApplicable
        .parts_fit(&workspace, &erasure, TODAY, &parts)
        .expect_err("a portability ground on an erasure request");
    assert!(refused.contains("portability request"), "{refused}");
    parts.insert(PartKey::NotApplicableGround, "no-erasure-ground".to_owned());
    assert_eq!(
        Template::RightNotApplicable.parts_fit(&workspace, &erasure, TODAY, &parts),
        Ok(())
    );
    let access = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    assert!(
        Template::RightNotApplicable
            .fits(&workspace, &access, TODAY)
            .is_err()
    );
}

/// The letters the issue found stating unasked facts now state only the shop's: a
/// marketing objection names a suppression entry only when the shop keeps one, a
/// consent withdrawal says nothing about marketing, and the identity request asks for
/// nothing disproportionate by default (facts §1.4, §6.3 item 2, §6.4).
#[test]
fn no_letter_states_a_fact_the_shop_did_not_give() {
    let workspace = example();
    let marketing = request(
        &workspace,
        RequestKind::DirectMarketingObjection,
        date(2026, 11, 20),
    );
    let mut parts = users_words(Template::MarketingObjectionDone);
    parts.insert(PartKey::Suppression, "none".to_owned());
    let text = normalised(
        &letter(
            &workspace,
            &marketing,
            Template::MarketingObjectionDone,
            TODAY,
            &parts,
        )
        .plain_text(),
    );
    assert!(!text.contains("suppression"), "{text}");
    assert!(
        !missing_parts(
            Template::MarketingObjectionDone,
            &Template::MarketingObjectionDone.initial_parts(&workspace, &marketing)
        )
        .is_empty(),
        "whether a suppression entry is kept is the shop's to say"
    );

    let withdrawal = request(
        &workspace,
        RequestKind::ConsentWithdrawal,
        date(2026, 11, 20),
    );
    assert!(
        Template::MarketingObjectionDone
            .fits(&workspace, &withdrawal, TODAY)
            .is_err(),
        "a consent withdrawal is not a marketing objection"
    );
    let text = text_of(&workspace, &withdrawal, Template::ConsentWithdrawn);
    for unasked in ["marketing", "suppression", "newsletter"] {
        assert!(!text.to_lowercase().contains(unasked), "{unasked}:\n{text}");
    }

    let erasure = request(&workspace, RequestKind::Erasure, date(2026, 11, 20));
    let text = text_of(&workspace, &erasure, Template::IdentityRequest);
    for disproportionate in ["bank statement", "utility bill", "passport"] {
        assert!(
            !text.contains(disproportionate),
            "{disproportionate}:\n{text}"
        );
    }
    assert!(
        !text.contains("giving information to the right person"),
        "an erasure requester is not being given information:\n{text}"
    );
    // A clarification on anything but subject access never says the clock stopped.
    let text = text_of(&workspace, &erasure, Template::ClarificationRequest);
    assert!(!text.contains("paused"), "{text}");
    assert!(
        text.contains("does not change the time we have to respond"),
        "{text}"
    );
}

/// Facts §6.4: a letter dated after its deadline is late and the shop is told; asking
/// for identity or a clarification with under a week left is warned about too.
#[test]
fn late_letters_and_late_asks_are_warned_about() {
    let workspace = example();
    // Received 10 November: due 10 December 2026.
    let erasure = request(&workspace, RequestKind::Erasure, date(2026, 11, 10));
    assert!(
        Template::ErasureDone
            .timing_warnings(&workspace, &erasure, TODAY)
            .is_empty()
    );
    let late = Template::ErasureDone.timing_warnings(&workspace, &erasure, date(2026, 12, 11));
    assert!(
        late.iter()
            .any(|w| w.contains("late") && w.contains("10 December 2026")),
        "{late:?}"
    );
    let close = Template::IdentityRequest.timing_warnings(&workspace, &erasure, date(2026, 12, 5));
    assert!(
        close.iter().any(|w| w.starts_with("Only 5 days are left")),
        "{close:?}"
    );
    assert!(
        Template::IdentityRequest
            .timing_warnings(&workspace, &erasure, date(2026, 12, 3))
            .is_empty(),
        "7 days left is not late in the month"
    );
}

/// Found by the practitioner's read: a fee for "further copies" (Art. 15(3)) is for
/// copies beyond a first one already given — never a charge held over a first copy.
#[test]
fn a_further_copies_fee_needs_an_earlier_reply_to_the_same_person() {
    let mut workspace = example();
    let first = request(&workspace, RequestKind::Access, date(2026, 11, 10));
    let parts = users_words(Template::FeeNotice); // further-copies
    let refused = Template::FeeNotice
        .parts_fit(&workspace, &first, TODAY, &parts)
        .expect_err("no copy was given before");
    assert!(refused.contains("the first copy is free"), "{refused}");

    // An earlier request by the same person, answered, then this one.
    let mut earlier = request(&workspace, RequestKind::Access, date(2026, 10, 1));
    earlier.id = RequestId(901);
    earlier
        .record(
            RequestEvent::Responded {
                outcome: "copy sent".to_owned(),
            },
            date(2026, 10, 20),
            TODAY,
            workspace.organisation.nation,
            &workspace.holidays(),
        )
        .expect("answered");
    workspace.requests.push(earlier);
    assert_eq!(
        Template::FeeNotice.parts_fit(&workspace, &first, TODAY, &parts),
        Ok(())
    );
}

/// Art. 18(3): the notice before lifting a restriction can follow a restriction answered
/// from the command line (no letter marked as sent), never one that was refused.
#[test]
fn the_notice_before_lifting_follows_an_applied_restriction_however_it_was_recorded() {
    let workspace = example();
    let holidays = workspace.holidays();
    let nation = workspace.organisation.nation;
    let mut applied = request(&workspace, RequestKind::Restriction, date(2026, 11, 10));
    applied
        .record(
            RequestEvent::Responded {
                outcome: "Restriction applied".to_owned(),
            },
            date(2026, 11, 12),
            TODAY,
            nation,
            &holidays,
        )
        .expect("answered");
    assert_eq!(
        Template::RestrictionLifting.fits(&workspace, &applied, TODAY),
        Ok(())
    );
    // Answered: the notice comes after the reply, so it is never "late" against the
    // reply's deadline (10 December 2026).
    assert!(
        Template::RestrictionLifting
            .timing_warnings(&workspace, &applied, date(2026, 12, 15))
            .is_empty()
    );
    let mut refused = request(&workspace, RequestKind::Restriction, date(2026, 11, 10));
    refused
        .record(
            RequestEvent::Refused {
                reason: "manifestly excessive".to_owned(),
            },
            date(2026, 11, 12),
            TODAY,
            nation,
            &holidays,
        )
        .expect("refused");
    assert!(
        Template::RestrictionLifting
            .fits(&workspace, &refused, TODAY)
            .is_err()
    );
}

/// `markdown` as each renderer shows it: HTML with the tags taken out.
fn rendered_markdown(markdown: &str) -> [String; 2] {
    let strip = |html: &str| {
        let mut text = String::new();
        let mut in_tag = false;
        for ch in html.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                _ if !in_tag => text.push(ch),
                _ => {}
            }
        }
        text
    };
    let mut commonmark = String::new();
    pulldown_cmark::html::push_html(&mut commonmark, pulldown_cmark::Parser::new(markdown));
    let parser = &mut markdown_it::MarkdownIt::new();
    markdown_it::plugins::cmark::add(parser);
    let markdown_it = parser.parse(markdown).render();
    [strip(&commonmark), strip(&markdown_it)]
}

#[test]
fn every_letters_markdown_renders_without_a_stray_asterisk() {
    use smallprint::documents::markdown;
    let workspace = example();
    let mut checked = 0;
    for (request, template, document) in every_fitting_letter(&workspace) {
        assert!(!document.plain_text().contains('*'));
        let source = markdown::render(&document);
        for (renderer, shown) in ["CommonMark", "markdown-it"]
            .iter()
            .zip(rendered_markdown(&source))
        {
            assert!(
                !shown.contains('*'),
                "{} {template:?} under {renderer}:\n{shown}\nfrom\n{source}",
                request.reference
            );
        }
        checked += 1;
    }
    assert!(checked > 19, "{checked} letters checked");
}

#[test]
fn a_bold_label_touching_a_word_still_renders_bold() {
    use smallprint::documents::{markdown, model::Inline};
    // The cases CommonMark's flanking rules refuse: punctuation inside the markers and a
    // letter straight after, or a letter straight before.
    for runs in [
        vec![Inline::bold("Our reference:"), Inline::text("R-2026-0042")],
        vec![
            Inline::text("see"),
            Inline::bold("“this”"),
            Inline::text("now"),
        ],
        vec![Inline::bold("(a)"), Inline::text("b")],
    ] {
        let document = Document {
            title: "T".into(),
            author: String::new(),
            subject: String::new(),
            date: TODAY,
            blocks: vec![smallprint::documents::model::Block::Paragraph(runs.clone())],
        };
        let source = markdown::render(&document);
        for shown in rendered_markdown(&source) {
            assert!(!shown.contains('*'), "{runs:?}: {shown} from {source}");
            assert_eq!(
                shown.trim(),
                smallprint::documents::model::runs_text(&runs),
                "{source}"
            );
        }
    }
}
