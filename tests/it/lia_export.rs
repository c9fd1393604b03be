//! `smallprint lia` (issue 23): an activity's legitimate-interests assessment as a record
//! the shop can hand to the ICO — every answer, the decision, who and when — in each
//! format, read back (the PDF with poppler's `pdftotext`, an independent extractor).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use common::{arg, smallprint};
use jiff::civil::date;
use smallprint::domain::{example::example_workspace, lia::QUESTIONS, register::LawfulBasis};

/// The visible text of an HTML page: tags dropped, the entities the writer uses decoded.
fn html_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(ch),
            _ => {}
        }
    }
    let text = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
    common::normalised(&text)
}

#[test]
fn an_assessment_is_written_in_each_format_with_every_answer_and_the_decision() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = example_workspace(date(2026, 11, 23));
    let file = dir.path().join("example.json");
    smallprint::store::write_new(&file, &workspace, common::SAVED_AT).expect("written");
    // The crime-prevention activity, third in the register: complete.
    let lia = workspace.register[2].lia().expect("an assessment");
    for extension in ["pdf", "html", "md"] {
        let out = dir.path().join(format!("lia.{extension}"));
        let (code, _, stderr) = smallprint(&[
            "lia",
            "--file",
            arg(&file),
            "--activity",
            "3",
            "--out",
            arg(&out),
        ]);
        assert_eq!(code, 0, "{extension}: {stderr}");
        let bytes = std::fs::read(&out).expect("written");
        if extension == "md" {
            // CommonMark closes `**` only before a space or punctuation: a label written
            // `**Controller:**Morwenna` would show its asterisks.
            let md = String::from_utf8_lossy(&bytes);
            for (at, _) in md.match_indices(":**") {
                let next = md[at + 3..].chars().next().unwrap_or(' ');
                assert!(
                    next.is_whitespace(),
                    "bold closes before a space: {}",
                    &md[at..at + 20]
                );
            }
        }
        let text = match extension {
            "pdf" => common::pdftotext(&bytes),
            "html" => html_text(&String::from_utf8(bytes).expect("UTF-8")),
            _ => common::normalised(&String::from_utf8(bytes).expect("UTF-8")),
        };
        let text = text.replace('’', "'");
        let mut from = 0;
        for question in QUESTIONS {
            let answer = lia.answer(question.id).replace('’', "'");
            if answer.is_empty() {
                continue;
            }
            let at = text[from..]
                .find(&common::normalised(&answer))
                .unwrap_or_else(|| panic!("{extension}: “{answer}” after the one before"));
            from += at;
        }
        for fact in [
            "Morwenna Tallis",
            "2026-02-09",
            "Prevent crime, prosecute offenders, or defend against legal action",
        ] {
            assert!(text.contains(fact), "{extension}: {fact}");
        }
        assert!(!text.contains("DRAFT"), "{extension}");
    }
}

#[test]
fn an_incomplete_or_missing_assessment_writes_nothing_unless_drafted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut workspace = example_workspace(date(2026, 11, 23));
    for basis in &mut workspace.register[2].lawful_bases {
        if let LawfulBasis::LegitimateInterests(lia) = basis {
            lia.answers.remove("safeguards");
        }
    }
    let file = dir.path().join("incomplete.json");
    smallprint::store::write_new(&file, &workspace, common::SAVED_AT).expect("written");
    let run = |activity: &str, out: &std::path::Path, extra: &[&str]| {
        let mut args = vec![
            "lia",
            "--file",
            arg(&file),
            "--activity",
            activity,
            "--out",
            arg(out),
        ];
        args.extend_from_slice(extra);
        smallprint(&args)
    };
    let out = dir.path().join("lia.pdf");
    let (code, _, stderr) = run("3", &out, &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("What safeguards reduce the impact?"),
        "{stderr}"
    );
    assert!(!out.exists());
    let (code, _, stderr) = run("3", &out, &["--draft"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        common::pdftotext(&std::fs::read(&out).expect("a draft"))
            .contains("DRAFT — not yet complete")
    );
    // The first activity rests on a contract alone; there is no 9th activity.
    for (activity, says) in [
        ("1", "does not rely on legitimate interests"),
        ("9", "there is no activity 9"),
        ("0", "there is no activity 0"),
    ] {
        let out = dir.path().join(format!("none-{activity}.md"));
        let (code, _, stderr) = run(activity, &out, &[]);
        assert_eq!(code, 2, "{activity}: {stderr}");
        assert!(stderr.contains(says), "{activity}: {stderr}");
        assert!(!out.exists());
    }
}
