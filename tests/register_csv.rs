//! The CSV register read back with a CSV reader, as a spreadsheet would.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

mod common;

use jiff::civil::date;
use smallprint::{
    documents::register_csv::{ICO_COLUMNS, register_csv},
    domain::{example::example_workspace, register::ProcessingActivity},
};

fn read(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a UTF-8 byte-order mark for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|record| record.expect("row").iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_header_is_the_ico_template_and_each_activity_is_a_row() {
    let workspace = example_workspace(date(2026, 11, 23));
    let (header, rows) = read(&register_csv(&workspace));
    assert_eq!(header, ICO_COLUMNS.map(str::to_owned).to_vec());
    assert_eq!(rows.len(), workspace.register.len());
    let column = |name: &str| ICO_COLUMNS.iter().position(|c| *c == name).expect("column");
    let marketing = &rows[3];
    assert_eq!(
        marketing[column("Purpose of processing")],
        "Service updates or marketing purposes"
    );
    assert!(
        marketing[column("Article 6 lawful basis for processing personal data")]
            .contains("Legitimate interests (Art. 6(1)(f))")
    );
    assert!(marketing[column("Names of third countries or international organisations that personal data are transferred to (if applicable)")].contains("United States"));
    assert!(
        marketing[column("Legitimate interests for the processing (if applicable)")]
            .starts_with("Enhanced Customer Experience")
    );
    assert!(
        !marketing[column("Rights available to individuals")].contains("portability"),
        "no portability under legitimate interests"
    );
}

#[test]
fn commas_quotes_newlines_and_non_latin_text_survive() {
    let mut workspace = example_workspace(date(2026, 11, 23));
    let id = workspace.ids.activity();
    let awkward = "Ship \"fast\", then track\nlive — Łódź, 東京, Ελλάδα";
    let mut activity = ProcessingActivity::new(id, awkward);
    activity.individuals = vec!["Clients, \"VIP\"".to_owned(), "Müller & Söhne".to_owned()];
    workspace.register.push(activity);
    let (_, rows) = read(&register_csv(&workspace));
    let last = rows.last().expect("row");
    assert_eq!(last[1], awkward);
    assert_eq!(last[3], "Clients, \"VIP\"; Müller & Söhne");
}

#[test]
fn the_cli_writes_the_csv() {
    let (dir, path) = common::temp_workspace();
    let bin = env!("CARGO_BIN_EXE_smallprint");
    let out = dir.path().join("register.csv");
    assert!(
        std::process::Command::new(bin)
            .args(["demo", "--out"])
            .arg(&path)
            .status()
            .expect("demo")
            .success()
    );
    let output = std::process::Command::new(bin)
        .args(["register", "--file"])
        .arg(&path)
        .arg("--csv")
        .arg(&out)
        .output()
        .expect("register");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (header, rows) = read(&std::fs::read(&out).expect("written"));
    assert_eq!(header.len(), 30);
    assert_eq!(rows.len(), 4);
}
