//! A shop that starts from the catalogue without the window: `smallprint new
//! --business KIND` for every KIND, then `check` names every piece of example text left
//! and `notice` refuses to publish it (issue 13: placeholders are problems).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use common::{arg, smallprint};

#[test]
fn every_starter_register_names_its_example_text_and_blocks_the_notice() {
    let (code, kinds, stderr) = smallprint(&["new", "--list-businesses"]);
    assert_eq!(code, 0, "{stderr}");
    let kinds: Vec<&str> = kinds.lines().collect();
    assert!(kinds.len() >= 6, "{kinds:?}");
    let dir = tempfile::tempdir().expect("temp dir");
    for kind in kinds {
        let path = dir.path().join(format!("{kind}.json"));
        let (code, _, stderr) = smallprint(&["new", "--out", arg(&path), "--business", kind]);
        assert_eq!(code, 0, "{kind}: {stderr}");
        let saved = smallprint::store::read_workspace(&path).expect("a readable workspace");
        assert!(
            saved.organisation.legal_name.is_empty(),
            "{kind}: nothing is said for the shop"
        );
        // Every unconfirmed placeholder, read from the file, is named by `check`.
        let placeholders: Vec<String> = saved
            .register
            .iter()
            .flat_map(|activity| {
                activity
                    .unconfirmed_placeholders()
                    .into_iter()
                    .map(|p| p.text.trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(
            !placeholders.is_empty(),
            "{kind}: the catalogue marks its examples"
        );
        let (code, stdout, _) = smallprint(&["check", "--file", arg(&path)]);
        assert_eq!(code, 1, "{kind}: problems to fix");
        for text in &placeholders {
            assert!(
                stdout.contains(text.as_str()),
                "{kind}: check names “{text}”"
            );
        }
        let out = dir.path().join(format!("{kind}-notice.pdf"));
        let (code, _, stderr) = smallprint(&["notice", "--file", arg(&path), "--out", arg(&out)]);
        assert_eq!(code, 2, "{kind}: the notice would publish example text");
        assert!(!out.exists(), "{kind}: nothing written");
        for text in &placeholders {
            assert!(
                stderr.contains(text.as_str()),
                "{kind}: notice names “{text}”"
            );
        }
    }
}

#[test]
fn new_leaves_an_existing_file_alone_unless_forced() {
    let (_dir, path) = common::temp_workspace();
    std::fs::File::create(&path).expect("create");
    let (code, _, stderr) = smallprint(&["new", "--out", arg(&path), "--business", "tradesperson"]);
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(std::fs::read(&path).expect("read"), b"", "left alone");
    let (code, _, stderr) = smallprint(&[
        "new",
        "--out",
        arg(&path),
        "--business",
        "tradesperson",
        "--force",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (code, _, stderr) = smallprint(&["new", "--out", arg(&path), "--business", "no-such"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("tradesperson"),
        "the kinds are listed: {stderr}"
    );
}

/// The only legal obligation the facts file lists for a sole trader's shop of any of the
/// catalogue's kinds: keeping the records behind each Self Assessment return (facts §9,
/// HMRC's rule, Taxes Management Act 1970 s.12B). The Companies Act binds companies and
/// the Consumer Rights Act obliges no one to keep data (facts §3.1b).
const LAWS_THE_FACTS_LIST: &[&str] = &["Taxes Management Act 1970, s.12B"];

/// What a shop owner does who reads the example text and finds it true: names the shop,
/// confirms each example as it stands, adopts each suggested LIA answer and decides, and
/// says on which ground its marketing emails go (only the shop knows how it got the
/// addresses): consent where the activity rests on it, else the soft opt-in, met.
fn confirmed_as_it_stands(workspace: &mut smallprint::domain::Workspace) {
    use smallprint::domain::{
        lia::Outcome,
        marketing::{Ground, SoftOptIn},
        register::{BasisKind, LawfulBasis},
    };
    workspace.organisation.legal_name = "Ffion Roberts".to_owned();
    workspace.organisation.email = "hello@shop.example".to_owned();
    for activity in &mut workspace.register {
        let standing: Vec<_> = activity
            .unconfirmed_placeholders()
            .into_iter()
            .map(|p| (p.field, p.text.clone()))
            .collect();
        for (field, text) in standing {
            assert!(activity.confirm_placeholder(field, &text));
        }
        let on_consent = activity.basis_kinds().contains(&BasisKind::Consent);
        let prospects = activity
            .individuals
            .iter()
            .any(|i| i == "Prospective clients");
        if let Some(direct) = &mut activity.direct_marketing {
            direct.ground = Some(if prospects {
                Ground::CorporateSubscribersOnly
            } else if on_consent {
                Ground::Consent {
                    recorded_at: "Our mailing service's sign-up records".to_owned(),
                }
            } else {
                Ground::SoftOptIn(SoftOptIn {
                    obtained_in_a_sale: true,
                    own_similar_products: true,
                    refusal_offered_when_collected: true,
                    refusal_offered_in_every_message: true,
                })
            });
        }
        for basis in &mut activity.lawful_bases {
            if let LawfulBasis::LegitimateInterests(lia) = basis {
                let ids: Vec<String> = lia.drafts.keys().cloned().collect();
                for id in ids {
                    lia.adopt(&id);
                }
                lia.outcome = Outcome::CanRely;
                lia.completed_by = "Ffion Roberts".to_owned();
                lia.completed_on = Some(jiff::civil::date(2026, 11, 30));
            }
        }
    }
}

#[test]
fn every_kind_confirmed_as_it_stands_publishes_only_the_obligations_the_law_imposes() {
    use smallprint::domain::register::LawfulBasis;
    let (_, kinds, _) = smallprint(&["new", "--list-businesses"]);
    let dir = tempfile::tempdir().expect("temp dir");
    for nation in ["england-and-wales", "scotland", "northern-ireland"] {
        for kind in kinds.lines() {
            let path = dir.path().join(format!("{kind}-{nation}.json"));
            let (code, _, stderr) = smallprint(&[
                "new",
                "--out",
                arg(&path),
                "--business",
                kind,
                "--nation",
                nation,
            ]);
            assert_eq!(code, 0, "{kind}: {stderr}");
            let mut workspace = smallprint::store::read_workspace(&path).expect("reads");
            confirmed_as_it_stands(&mut workspace);
            for activity in &workspace.register {
                for basis in &activity.lawful_bases {
                    if let LawfulBasis::LegalObligation { law, .. } = basis {
                        assert!(
                            LAWS_THE_FACTS_LIST
                                .iter()
                                .any(|listed| law.starts_with(listed)),
                            "{kind}: “{}” rests on “{law}”, which the facts do not list",
                            activity.purpose
                        );
                    }
                }
            }
            let ready = dir.path().join(format!("{kind}-{nation}-ready.json"));
            smallprint::store::write_new(&ready, &workspace, common::SAVED_AT).expect("written");
            let out = dir.path().join(format!("{kind}-{nation}.md"));
            let (code, _, stderr) =
                smallprint(&["notice", "--file", arg(&ready), "--out", arg(&out)]);
            // DPIAs and screenings are register work, not notice items: they do not
            // block it.
            assert_eq!(code, 0, "{kind} ({nation}): {stderr}");
            let notice = std::fs::read_to_string(&out).expect("written");
            for never in ["Companies Act", "Consumer Rights Act", "VAT Act"] {
                assert!(!notice.contains(never), "{kind}: mentions {never}");
            }
            // Claims records keep the limitation period of the shop's own nation.
            let (period, other) = if nation == "scotland" {
                ("5 years", "Limitation Act 1980")
            } else {
                ("6 years", "Prescription and Limitation (Scotland) Act")
            };
            assert!(!notice.contains(other), "{kind} ({nation}): {other}");
            if notice.contains("time limit for") {
                assert!(notice.contains(period), "{kind} ({nation}): {period}");
            }
        }
    }
}
