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
