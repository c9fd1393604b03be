//! The notice's gate (issue 23): a notice is published only when it can state every
//! Art. 13/14 item that applies (facts §3.1). Each gap, alone, makes `notice` exit 2
//! naming it and write nothing; `--draft` writes it marked on every page, read back
//! with poppler's `pdftotext`, an extractor independent of the writer. Letters ask the
//! same controller check.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::path::Path;

use crate::common;

use common::{arg, smallprint};
use jiff::civil::date;
use smallprint::domain::{
    Workspace,
    example::example_workspace,
    lia::Outcome,
    organisation::PostalAddress,
    register::{LawfulBasis, Retention, SpecialCategoryData},
};

fn example() -> Workspace {
    example_workspace(date(2026, 11, 23))
}

/// The pages of a PDF as `pdftotext` reads them (it ends each page with a form feed).
fn pages(pdf: &Path) -> Vec<String> {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs: install poppler-utils");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    text.split('\u{c}')
        .map(common::normalised)
        .filter(|page| !page.is_empty())
        .collect()
}

/// A gap the law names (facts §3.1), how to make it, and words the refusal must use: the
/// activity's own purpose (the user's words) and the thing the law asks for.
struct Gap {
    name: &'static str,
    spoil: fn(&mut Workspace),
    says: &'static [&'static str],
}

const GAPS: &[Gap] = &[
    Gap {
        name: "no contact means (Art. 13(1)(a))",
        spoil: |w| {
            w.organisation.email.clear();
            w.organisation.phone.clear();
            w.organisation.address = PostalAddress::default();
        },
        says: &["contact"],
    },
    Gap {
        name: "a purpose without a lawful basis (Art. 13(1)(c))",
        spoil: |w| w.register[0].lawful_bases.clear(),
        says: &[
            "Provide services and goods, including delivery",
            "lawful basis",
        ],
    },
    Gap {
        name: "a purpose without a retention period (Art. 13(2)(a))",
        spoil: |w| *w.register[1].retention = Retention::default(),
        says: &["Operation of customer accounts and guarantees", "retention"],
    },
    Gap {
        name: "a transfer without a safeguard (Art. 13(1)(f))",
        spoil: |w| {
            for transfer in &mut w.register[3].transfers {
                transfer.mechanism = None;
            }
        },
        says: &["Service updates or marketing purposes", "safeguard"],
    },
    Gap {
        name: "an incomplete legitimate-interests assessment (Art. 13(1)(d), facts §3.1b)",
        spoil: |w| {
            for basis in &mut w.register[2].lawful_bases {
                if let LawfulBasis::LegitimateInterests(lia) = basis {
                    lia.outcome = Outcome::NotDecided;
                }
            }
        },
        says: &[
            "Prevent crime, prosecute offenders, or defend against legal action",
            "legitimate-interests assessment",
        ],
    },
    Gap {
        name: "special category data without an Article 9 condition (Art. 9(2))",
        spoil: |w| {
            w.register[0].special_category = Some(SpecialCategoryData {
                categories: vec!["Health information".to_owned()],
                ..SpecialCategoryData::default()
            });
        },
        says: &[
            "Provide services and goods, including delivery",
            "Article 9",
        ],
    },
];

#[test]
fn each_gap_alone_refuses_the_notice_naming_it_and_a_draft_is_marked_on_every_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The example shop as it stands is publishable: the gate is not simply shut.
    let complete = dir.path().join("complete.json");
    smallprint::store::write_new(&complete, &example(), common::SAVED_AT).expect("written");
    let out = dir.path().join("complete.pdf");
    let (code, _, stderr) = smallprint(&["notice", "--file", arg(&complete), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(pages(&out).iter().all(|page| !page.contains("DRAFT")));

    for (index, gap) in GAPS.iter().enumerate() {
        let mut workspace = example();
        (gap.spoil)(&mut workspace);
        let file = dir.path().join(format!("gap-{index}.json"));
        smallprint::store::write_new(&file, &workspace, common::SAVED_AT).expect("written");
        let before = std::fs::read(&file).expect("read");
        for extension in ["pdf", "html", "md"] {
            let out = dir.path().join(format!("gap-{index}.{extension}"));
            let (code, _, stderr) =
                smallprint(&["notice", "--file", arg(&file), "--out", arg(&out)]);
            assert_eq!(code, 2, "{}: {stderr}", gap.name);
            assert!(!out.exists(), "{}: nothing written", gap.name);
            for words in gap.says {
                assert!(
                    stderr.to_lowercase().contains(&words.to_lowercase()),
                    "{}: the refusal names “{words}”: {stderr}",
                    gap.name
                );
            }
        }
        assert_eq!(
            std::fs::read(&file).expect("read"),
            before,
            "{}: a refusal records nothing",
            gap.name
        );

        let draft = dir.path().join(format!("gap-{index}-draft.pdf"));
        let (code, _, stderr) = smallprint(&[
            "notice",
            "--file",
            arg(&file),
            "--out",
            arg(&draft),
            "--draft",
            "--style",
            "layered",
        ]);
        assert_eq!(code, 0, "{}: {stderr}", gap.name);
        let read = pages(&draft);
        assert!(read.len() >= 2, "{}: {} pages", gap.name, read.len());
        for (number, page) in read.iter().enumerate() {
            assert!(
                page.contains("DRAFT — not yet complete"),
                "{}: page {} carries the draft mark: {page}",
                gap.name,
                number + 1
            );
        }
        let last = read.last().expect("a last page");
        assert!(
            last.to_lowercase().contains(&gap.says[0].to_lowercase()),
            "{}: the gaps are listed at the end: {last}",
            gap.name
        );
        assert_eq!(
            std::fs::read(&file).expect("read"),
            before,
            "{}: a draft dates nothing in the workspace",
            gap.name
        );
    }
}

type Spoil = fn(&mut Workspace);

#[test]
fn a_letter_needs_the_shops_name_and_a_way_to_reach_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let spoils: [(&str, Spoil); 2] = [
        ("no name", |w| {
            w.organisation.legal_name.clear();
            w.organisation.trading_name.clear();
        }),
        ("no contact", |w| {
            w.organisation.email.clear();
            w.organisation.phone.clear();
            w.organisation.address = PostalAddress::default();
        }),
    ];
    for (name, spoil) in spoils {
        let mut workspace = example();
        let reference = workspace
            .requests
            .iter()
            .find(|r| r.status.is_open() && !r.is_complaint())
            .map(|r| r.reference.clone())
            .expect("an open request");
        spoil(&mut workspace);
        let file = dir.path().join(format!("{name}.json"));
        smallprint::store::write_new(&file, &workspace, common::SAVED_AT).expect("written");
        let out = dir.path().join(format!("{name}.pdf"));
        let (code, _, stderr) = smallprint(&[
            "letter",
            "--file",
            arg(&file),
            "--request",
            &reference,
            "--template",
            "acknowledgement",
            "--out",
            arg(&out),
        ]);
        assert_eq!(code, 2, "{name}: {stderr}");
        assert!(!out.exists(), "{name}: nothing written");
        assert!(stderr.contains("Organisation"), "{name}: {stderr}");
    }
}

#[test]
fn the_example_notice_states_the_general_right_to_object_apart_naming_its_purposes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("example.json");
    let workspace = example();
    smallprint::store::write_new(&file, &workspace, common::SAVED_AT).expect("written");
    let out = dir.path().join("notice.pdf");
    let (code, _, stderr) = smallprint(&["notice", "--file", arg(&file), "--out", arg(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let text: String = pages(&out).join(" ");
    // Art. 21(1) and 21(4) (facts §3.1b): a section of its own, naming each purpose that
    // rests on legitimate interests (not direct marketing, which has its own), with the
    // "compelling legitimate grounds … legal claims" test.
    let heading = "Your right to object to our legitimate interests";
    let at = text.find(heading).expect("a section of its own");
    let section = &text[at..text[at..]
        .find("Lawful bases")
        .map_or(text.len(), |end| at + end)];
    for activity in &workspace.register {
        if activity.lia().is_some() && activity.direct_marketing.is_none() {
            let purpose = activity.purpose.to_lowercase();
            assert!(
                section.to_lowercase().contains(&purpose),
                "{purpose}: {section}"
            );
        }
    }
    assert!(
        section.contains("compelling legitimate grounds"),
        "{section}"
    );
    assert!(section.contains("legal claims"), "{section}");
    assert!(
        !section.contains("Service updates or marketing purposes"),
        "marketing has its own absolute right: {section}"
    );
}
