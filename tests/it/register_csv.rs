//! The CSV register read back with a CSV reader, as a spreadsheet would.

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use crate::common;

use jiff::civil::date;
use smallprint::{
    documents::register_csv::{ICO_COLUMNS, ROWS_BEFORE_TABLE, register_csv},
    domain::{example::example_workspace, register::ProcessingActivity},
};

/// The controller block, the table's header and its rows.
type Sheet = (Vec<Vec<String>>, Vec<String>, Vec<Vec<String>>);

/// Reads the file as a strict CSV reader does (every record as long as the first): the
/// controller block, a blank row, then the table.
fn read(bytes: &[u8]) -> Sheet {
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a UTF-8 byte-order mark for Excel"
    );
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(&bytes[3..]);
    let mut records: Vec<Vec<String>> = reader
        .records()
        .map(|record| record.expect("row").iter().map(str::to_owned).collect())
        .collect();
    let table = records.split_off(ROWS_BEFORE_TABLE);
    let blank = records.pop().expect("a blank row before the table");
    assert!(blank.iter().all(String::is_empty), "{blank:?}");
    let mut table = table.into_iter();
    let header = table.next().expect("header");
    (records, header, table.collect())
}

#[test]
fn the_header_is_the_ico_template_and_each_activity_is_a_row() {
    let workspace = example_workspace(date(2026, 11, 23));
    let (_, header, rows) = read(&register_csv(&workspace));
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
    let (_, _, rows) = read(&register_csv(&workspace));
    let last = rows.last().expect("row");
    assert_eq!(last[1], awkward);
    assert_eq!(last[3], "Clients, \"VIP\"; Müller & Söhne");
}

#[test]
fn cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
    // OWASP "CSV Injection" (facts §4.4): =, +, -, @, tab and carriage return.
    let starts = ["=", "+", "-", "@", "\t", "\r"];
    let mut workspace = example_workspace(date(2026, 11, 23));
    workspace.organisation.legal_name = "=HYPERLINK(\"http://evil.example\",\"Shop\")".to_owned();
    workspace.organisation.trading_name = String::new();
    workspace.organisation.phone = "+44 1632 960 418".to_owned();
    for (index, start) in starts.iter().enumerate() {
        let id = workspace.ids.activity();
        let mut activity = ProcessingActivity::new(id, format!("{start}cmd|' /C calc'!A{index}"));
        activity.individuals = vec![format!("{start}SUM(1,2)")];
        activity.retention.period = format!("{start}1 year");
        workspace.register.push(activity);
    }
    let (block, _, rows) = read(&register_csv(&workspace));
    for cell in block.iter().chain(&rows).flatten() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a spreadsheet would run {cell:?}"
        );
    }
    // The text is kept, behind the apostrophe that spreadsheets hide.
    for (row, start) in rows[4..].iter().zip(starts) {
        assert_eq!(
            row[1],
            format!("'{start}cmd|' /C calc'!A{}", row_index(start))
        );
        assert_eq!(row[3], format!("'{start}SUM(1,2)"));
        // The retention statement is trimmed, so a tab or return there simply goes.
        let kept = if start.trim().is_empty() {
            "1 year".to_owned()
        } else {
            format!("'{start}1 year")
        };
        assert_eq!(row[9], kept);
    }
    assert_eq!(block[1][1], "'=HYPERLINK(\"http://evil.example\",\"Shop\")");
    // LibreOffice's "Trim spaces" import removes leading spaces before it looks.
    workspace.register[0].purpose = "  =1+1".to_owned();
    let bytes = register_csv(&workspace);
    let (_, _, rows) = read(&bytes);
    assert_eq!(rows[0][1], "'  =1+1");
    // RFC 4180: every record ends CRLF.
    let text = String::from_utf8(bytes).expect("utf-8");
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count() + newlines_inside_cells(&text)
    );
    assert_eq!(block[1][4], "'+44 1632 960 418");
}

/// Line breaks a cell holds (inside quotes), which stay as the user typed them.
fn newlines_inside_cells(text: &str) -> usize {
    let mut inside = false;
    let mut count = 0;
    let mut previous = '\0';
    for c in text.chars() {
        match c {
            '"' => inside = !inside,
            '\n' if inside && previous != '\r' => count += 1,
            _ => {}
        }
        previous = c;
    }
    count
}

fn row_index(start: &str) -> usize {
    ["=", "+", "-", "@", "\t", "\r"]
        .iter()
        .position(|s| *s == start)
        .expect("a start")
}

#[test]
fn the_controller_block_names_the_controller_dpo_and_representative() {
    let workspace = example_workspace(date(2026, 11, 23));
    let (block, _, _) = read(&register_csv(&workspace));
    let labels: Vec<&str> = block.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(
        labels,
        [
            "",
            "Controller",
            "Data Protection Officer",
            "Representative",
            "ICO registration number"
        ]
    );
    assert_eq!(block[0][1..5], ["Name", "Address", "Email", "Telephone"]);
    let controller = &block[1];
    assert_eq!(
        controller[1],
        "Morwenna Tallis, trading as Kestrel Forge 3D"
    );
    assert_eq!(
        controller[2],
        "Unit 4, Tinker's Yard, Lantern Lane, Exampleton, ZZ1 4KF"
    );
    assert_eq!(controller[3], "hello@kestrelforge.example");
    assert_eq!(controller[4], "01632 960 418");
    // The example's privacy contact is not a DPO, and a UK shop needs no representative.
    assert!(block[2][1].starts_with("None"), "{:?}", block[2]);
    assert!(block[3][1].starts_with("None"), "{:?}", block[3]);
    assert_eq!(block[4][1], "ZB123456");
}

#[test]
fn columns_9_and_18_hold_what_their_headings_ask_for() {
    let workspace = example_workspace(date(2026, 11, 23));
    let (_, header, rows) = read(&register_csv(&workspace));
    // Column 9: safeguards for exceptional (Art. 49) transfers only. The IDTA is an
    // Art. 46 safeguard, so it is named with the country in column 8.
    assert!(header[8].starts_with("Safeguards for exceptional transfers"));
    let marketing = &rows[3];
    assert_eq!(marketing[8], "");
    assert!(
        marketing[7].contains("United States") && marketing[7].contains("IDTA"),
        "{}",
        marketing[7]
    );
    // Column 18: where the data comes from, and nothing else (no Art. 13(2)(e) text).
    assert_eq!(
        header[17],
        "The source of the personal data (if applicable)"
    );
    for row in &rows {
        assert_eq!(row[17], "Directly from the person", "{row:?}");
    }
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
    let (block, header, rows) = read(&std::fs::read(&out).expect("written"));
    assert_eq!(block[1][0], "Controller");
    assert_eq!(header.len(), 30);
    assert_eq!(rows.len(), 4);
}

/// Columns 15 and 21–25 say only what the records hold (issue 23): the LIA's state from
/// the assessment itself, the DPIA screening's answer (never a default "No"), and "Yes"
/// with the breach references for each activity a logged breach touches.
#[test]
fn the_lia_dpia_and_breach_columns_come_from_the_records() {
    use smallprint::domain::{lia::Lia, register::LawfulBasis};
    let mut workspace = example_workspace(date(2026, 11, 23));
    let touched: Vec<_> = workspace
        .breaches
        .iter()
        .find(|b| b.reference == "B-2026-001")
        .expect("the example breach")
        .activities
        .clone();
    assert!(!touched.is_empty());
    let column = |name: &str| {
        ICO_COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("a template column")
    };
    let (breach, link) = (
        column("Has a personal data breach occurred?"),
        column("Link to record of personal data breach"),
    );
    let (_, _, rows) = read(&register_csv(&workspace));
    for (activity, row) in workspace.register.iter().zip(&rows) {
        if touched.contains(&activity.id) {
            assert_eq!(row[breach], "Yes", "{}", activity.purpose);
            assert_eq!(row[link], "B-2026-001", "{}", activity.purpose);
        } else {
            assert_eq!(row[breach], "No", "{}", activity.purpose);
            assert_eq!(row[link], "", "{}", activity.purpose);
        }
        assert_eq!(
            row[column("Data Protection Impact Assessment required?")],
            "No (screened 2026-02-09)"
        );
    }
    let lia = column("Link to record of legitimate interests assessment (if applicable)");
    // The example's crime-prevention activity: complete, then undecided, then blank.
    assert_eq!(rows[2][lia], "LIA complete (2026-02-09, Morwenna Tallis)");
    assert_eq!(
        rows[0][lia], "",
        "no legitimate interests, no LIA to mention"
    );
    let set_lia = |workspace: &mut smallprint::domain::Workspace, f: fn(&mut Lia)| {
        for basis in &mut workspace.register[2].lawful_bases {
            if let LawfulBasis::LegitimateInterests(lia) = basis {
                f(lia);
            }
        }
    };
    set_lia(&mut workspace, |lia| {
        lia.outcome = smallprint::domain::lia::Outcome::NotDecided;
    });
    *workspace.register[2].dpia = smallprint::domain::register::DpiaScreening::default();
    let (_, _, rows) = read(&register_csv(&workspace));
    assert_eq!(rows[2][lia], "LIA incomplete");
    assert_eq!(
        rows[2][column("Data Protection Impact Assessment required?")],
        "Not screened"
    );
    set_lia(&mut workspace, |lia| *lia = Lia::default());
    let (_, _, rows) = read(&register_csv(&workspace));
    assert_eq!(rows[2][lia], "No LIA");
}
