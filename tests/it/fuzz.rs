//! Structured fuzzing (issue 15): arbitrary workspaces through the loader and every
//! reader, arbitrary clocks over the whole supported date range through the deadline
//! engine, and arbitrary Unicode through the PDF renderer. None may panic.
//!
//! A short run (32 cases each) is part of `cargo test`; `scripts/fuzz N` runs N cases
//! each (`PROPTEST_CASES`).

#![allow(
    clippy::expect_used,
    reason = "test code: a failed expectation is the test failing"
)]

use std::path::Path;

use jiff::{
    Span,
    civil::{Date, date},
};
use proptest::prelude::*;
use serde_json::{Value, json};
use smallprint::{
    documents::{
        Format, completeness, ics,
        letters::{self, Template},
        notice::{self, NoticeStyle},
        register_csv,
    },
    domain::{
        Nation, Workspace, agenda,
        deadlines::{self, ClockEvents, Counting, Pause},
        example::example_workspace,
        holidays::Holidays,
        integrity::{self, FIRST_DATE, LAST_DATE},
    },
    store,
};

const TODAY: Date = date(2026, 11, 23);

/// Cases per target: `PROPTEST_CASES`, or a few dozen for the default test run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(32)
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: cases(),
        // A failing case is shrunk, but not for ever.
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

/// Text that breaks renderers: combining marks, right-to-left scripts, emoji sequences,
/// CJK, zero-width and control characters, and one very long word.
fn hostile_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("e\u{301}\u{302}\u{303}\u{304}".to_owned()),
        Just("مرحبا بالعالم".to_owned()),
        Just("שלום עולם".to_owned()),
        Just("👩‍👩‍👧‍👦🏳️‍🌈👍🏽".to_owned()),
        Just("東京都千代田区".to_owned()),
        Just("\u{200b}\u{200d}\u{feff}\u{202e}".to_owned()),
        Just("\u{0}\u{7}\t\r\n".to_owned()),
        Just("(\\) <&> \"'; %PDF".to_owned()),
        Just("w".repeat(10_000)),
        Just("ש".repeat(10_000)),
        any::<String>(),
        "[a-zA-Z ]{0,40}",
    ];
    proptest::collection::vec(pieces, 0..5).prop_map(|pieces| pieces.concat())
}

/// Something to put in place of a value of the file.
fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|n| json!(n)),
        hostile_text().prop_map(Value::String),
        prop_oneof![
            Just("-009999-01-01"),
            Just("0000-01-01"),
            Just("1899-12-31"),
            Just("1900-01-01"),
            Just("2200-12-31"),
            Just("9999-12-31"),
            Just("2026-02-30"),
            Just("2026-11-23"),
        ]
        .prop_map(|d| json!(d)),
        Just(json!([])),
        Just(json!({})),
        Just(json!([1, 1, 999_999])),
        Just(json!(u64::MAX)),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the value at the chosen place.
    Set(usize, Value),
    /// Remove the chosen key or element.
    Remove(usize),
    /// Repeat an element of an array (duplicate ids, references, links).
    Repeat(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (any::<usize>(), replacement()).prop_map(|(at, value)| Mutation::Set(at, value)),
        2 => any::<usize>().prop_map(Mutation::Remove),
        2 => any::<usize>().prop_map(Mutation::Repeat),
    ]
}

/// Every place in `value`, as JSON pointers, in document order.
fn places(value: &Value, here: &str, out: &mut Vec<String>) {
    out.push(here.to_owned());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                places(
                    child,
                    &format!("{here}/{}", key.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                places(child, &format!("{here}/{index}"), out);
            }
        }
        _ => {}
    }
}

fn parent_and_last(pointer: &str) -> Option<(&str, &str)> {
    pointer.rsplit_once('/')
}

fn apply(file: &mut Value, mutation: &Mutation) {
    let mut all = Vec::new();
    places(file, "", &mut all);
    let pick = |at: usize| all[at % all.len()].clone();
    match mutation {
        Mutation::Set(at, value) => {
            if let Some(slot) = file.pointer_mut(&pick(*at)) {
                *slot = value.clone();
            }
        }
        Mutation::Remove(at) => {
            let pointer = pick(*at);
            if let Some((parent, last)) = parent_and_last(&pointer)
                && let Some(parent) = file.pointer_mut(parent)
            {
                match parent {
                    Value::Object(map) => {
                        map.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Value::Array(items) => {
                        if let Ok(index) = last.parse::<usize>()
                            && index < items.len()
                        {
                            items.remove(index);
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::Repeat(at) => {
            let pointer = pick(*at);
            if let Some((parent, last)) = parent_and_last(&pointer)
                && let Some(Value::Array(items)) = file.pointer_mut(parent)
                && let Ok(index) = last.parse::<usize>()
                && let Some(item) = items.get(index).cloned()
            {
                items.push(item);
            }
        }
    }
}

/// The bytes of a file: the mutated JSON, sometimes cut short or with a byte flipped.
#[derive(Debug, Clone)]
enum Damage {
    None,
    Truncate(usize),
    Flip(usize, u8),
    Bom,
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        6 => Just(Damage::None),
        1 => any::<usize>().prop_map(Damage::Truncate),
        1 => (any::<usize>(), 1..=255_u8).prop_map(|(at, bits)| Damage::Flip(at, bits)),
        1 => Just(Damage::Bom),
    ]
}

fn damaged(mut bytes: Vec<u8>, damage: &Damage) -> Vec<u8> {
    match *damage {
        Damage::None => {}
        Damage::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
        Damage::Flip(at, bits) => {
            let len = bytes.len();
            if len > 0 {
                bytes[at % len] ^= bits;
            }
        }
        Damage::Bom => {
            bytes.splice(0..0, *b"\xEF\xBB\xBF");
        }
    }
    bytes
}

/// Everything the app and the command line do with a workspace they accept.
fn use_workspace(workspace: &Workspace) {
    let _ = integrity::problems(workspace);
    let _ = workspace.issues();
    let _ = completeness::check(workspace);
    let _ = register_csv::register_csv(workspace);
    if integrity::refusal(workspace).is_some() {
        // Refused by every reader, with the reason; nothing else sees it.
        return;
    }
    let holidays = workspace.holidays();
    let counting = workspace.counting(&holidays);
    let found = agenda::deadlines(workspace, &holidays, TODAY);
    let items = agenda::agenda(workspace, &found, TODAY, &smallprint::clock::uk_time_zone());
    let _ = ics::calendar_ics(
        workspace,
        &items,
        jiff::Timestamp::UNIX_EPOCH,
        &jiff::tz::TimeZone::UTC,
        smallprint::documents::ics::Names::Included,
    );
    for request in &workspace.requests {
        let deadline = request.deadline_with(counting);
        let _ = (
            deadline.working(),
            deadline.to_string(),
            deadline.state.message(),
        );
        for &template in Template::ALL {
            if template.fits(workspace, request, TODAY).is_ok() {
                let parts = template.initial_parts(workspace, request);
                let document = letters::letter(workspace, request, template, TODAY, &parts);
                let _ = document.plain_text();
            }
        }
    }
    let _ = notice::export_notice(
        workspace,
        NoticeStyle::Layered,
        Format::Html,
        TODAY,
        notice::Finish::Draft,
    );

    let mut repaired = workspace.clone();
    integrity::repair(&mut repaired);
    assert_eq!(
        integrity::problems(&repaired),
        [],
        "a repaired workspace has no problems left"
    );
}

fn example_file() -> Value {
    serde_json::from_slice(&store::encode(&example_workspace(TODAY))).expect("json")
}

proptest! {
    #![proptest_config(config())]

    /// The loader and every reader after it, over arbitrary changes to a real file.
    #[test]
    fn any_file_is_read_or_refused_and_never_panics(
        mutations in proptest::collection::vec(mutation(), 1..6),
        damage in damage(),
    ) {
        let mut file = example_file();
        for mutation in &mutations {
            apply(&mut file, mutation);
        }
        let bytes = damaged(serde_json::to_vec_pretty(&file).expect("json"), &damage);
        if let Ok(workspace) = store::decode(Path::new("fuzz.json"), &bytes) {
            use_workspace(&workspace);
        }
    }

    /// The deadline engine is total over the supported range: any receipt, restarts,
    /// pauses (in any order, answered or not), extension and counting.
    #[test]
    fn the_deadline_engine_is_total_over_the_supported_range(
        received in 0..=days_in_range(),
        identity in proptest::option::of(0..=days_in_range()),
        fee in proptest::option::of(0..=days_in_range()),
        pauses in proptest::collection::vec((0..=days_in_range(), proptest::option::of(0..=days_in_range())), 0..4),
        extended in any::<bool>(),
        play_safe in any::<bool>(),
        nation in 0..3_usize,
        today in 0..=days_in_range(),
    ) {
        let events = ClockEvents {
            received: in_range(received),
            identity_received: identity.map(in_range),
            fee_received: fee.map(in_range),
            pauses: pauses
                .into_iter()
                .map(|(asked, answered)| Pause { asked: in_range(asked), answered: answered.map(in_range) })
                .collect(),
            extended,
            ..ClockEvents::default()
        };
        let counting = Counting { nation: Nation::ALL[nation], holidays: Holidays::shipped(), play_safe };
        let today = in_range(today);
        for deadline in [
            deadlines::response_deadline(&events, counting),
            deadlines::complaint_deadline(events.received, counting),
        ] {
            let _ = (deadline.working(), deadline.target_working(), deadline.to_string());
            let _ = (deadline.days_left(today), deadline.state.message());
            if let Some(due) = deadline.due_date() {
                prop_assert!(due >= events.received, "due {due} before receipt {}", events.received);
            }
        }
        let _ = deadlines::tell_by_date(&events, counting);
    }

    /// The PDF renderer takes any text: a notice and a letter with hostile names,
    /// purposes and details come out as a PDF.
    #[test]
    fn the_pdf_renderer_takes_any_unicode(
        name in hostile_text(),
        purpose in hostile_text(),
        details in hostile_text(),
    ) {
        let mut workspace = example_workspace(TODAY);
        workspace.organisation.legal_name = name.clone();
        workspace.register[0].purpose = purpose;
        workspace.requests[0].requester.name = name;
        workspace.requests[0].details = details;
        if let Ok(export) = notice::export_notice(&workspace, NoticeStyle::Standard, Format::Pdf, TODAY, notice::Finish::Draft) {
            prop_assert!(export.bytes.starts_with(b"%PDF"));
        }
        let request = &workspace.requests[0];
        let template = Template::Acknowledgement;
        let parts = template.initial_parts(&workspace, request);
        let document = letters::letter(&workspace, request, template, TODAY, &parts);
        let bytes = Format::Pdf.render(&document).expect("a letter renders");
        prop_assert!(bytes.starts_with(b"%PDF"));
    }
}

fn days_in_range() -> i32 {
    (LAST_DATE - FIRST_DATE).get_days()
}

fn in_range(offset: i32) -> Date {
    FIRST_DATE
        .checked_add(Span::new().days(offset))
        .expect("in range")
}

/// A date as a user might type one on the command line: in range, out of range, or
/// not a date at all.
fn typed_date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("0000-01-01".to_owned()),
        Just("1899-12-31".to_owned()),
        Just("1900-01-01".to_owned()),
        Just("2026-11-20".to_owned()),
        Just("2026-11-23".to_owned()),
        Just("2200-12-31".to_owned()),
        Just("2999-06-02".to_owned()),
        Just("2026-02-30".to_owned()),
        (0..days_in_range()).prop_map(|offset| in_range(offset).to_string()),
        "[0-9-]{0,12}",
    ]
}

/// One run of a writing command, with what the user typed.
#[derive(Debug, Clone)]
enum Write {
    RequestAdd {
        name: String,
        received: String,
        details: String,
    },
    RequestStep {
        step: &'static str,
        on: String,
        note: String,
    },
    BreachAdd {
        aware: String,
        what: String,
    },
    Holidays {
        date: String,
        title: String,
    },
}

fn write_command() -> impl Strategy<Value = Write> {
    prop_oneof![
        (hostile_text(), typed_date(), hostile_text()).prop_map(|(name, received, details)| {
            Write::RequestAdd {
                name,
                received,
                details,
            }
        }),
        (
            prop_oneof![
                Just("note"),
                Just("identity-requested"),
                Just("identity-received"),
                Just("extended"),
                Just("responded"),
                Just("closed"),
            ],
            typed_date(),
            hostile_text()
        )
            .prop_map(|(step, on, note)| Write::RequestStep { step, on, note }),
        (typed_date(), "( [0-9]{2}:[0-9]{2})?", hostile_text()).prop_map(|(day, time, what)| {
            Write::BreachAdd {
                aware: format!("{day}{time}"),
                what,
            }
        }),
        (typed_date(), hostile_text()).prop_map(|(date, title)| Write::Holidays { date, title }),
    ]
}

proptest! {
    #![proptest_config(config())]

    /// Whatever a user types into a writing command, it exits 0 or 2 and leaves a file
    /// the reader opens (the writers obey the reader's limits): never a lock-out.
    #[test]
    fn every_writing_command_leaves_a_file_the_reader_opens(write in write_command()) {
        use clap::Parser;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        store::write_new(&path, &example_workspace(TODAY), jiff::Timestamp::UNIX_EPOCH)
            .expect("example");
        let file = path.to_string_lossy().into_owned();
        let feed = dir.path().join("feed.json");
        let args: Vec<String> = match &write {
            Write::RequestAdd { name, received, details } => vec![
                "request".into(), "add".into(), "--file".into(), file, "--kind".into(),
                "access".into(), format!("--received={received}"), format!("--name={name}"),
                format!("--details={details}"),
            ],
            Write::RequestStep { step, on, note } => vec![
                "request".into(), "step".into(), "--file".into(), file, "--request".into(),
                "R-2026-003".into(), "--step".into(), (*step).into(), format!("--on={on}"),
                format!("--note={note}"),
            ],
            Write::BreachAdd { aware, what } => vec![
                "breach".into(), "add".into(), "--file".into(), file,
                format!("--aware={aware}"), format!("--what={what}"),
            ],
            Write::Holidays { date, title } => {
                let events = json!([{ "title": title, "date": date, "notes": "", "bunting": false }]);
                let body = json!({
                    "england-and-wales": { "division": "england-and-wales", "events": events },
                    "scotland": { "division": "scotland", "events": events },
                    "northern-ireland": { "division": "northern-ireland", "events": events },
                });
                common_write(&feed, body.to_string().as_bytes());
                vec![
                    "holidays".into(), "--file".into(), file, "--import".into(),
                    feed.to_string_lossy().into_owned(),
                ]
            }
        };
        let Ok(cli) = smallprint::cli::Cli::try_parse_from(
            std::iter::once("smallprint".to_owned()).chain(args)
        ) else {
            // Refused by the parser (a NUL in an argument, say): nothing ran.
            return Ok(());
        };
        let command = cli.command.expect("a subcommand");
        let clock = smallprint::clock::FixedClock::at_date(TODAY);
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = smallprint::cli::run(command, &clock, &mut out, &mut err);
        let said = String::from_utf8_lossy(&err).into_owned();
        prop_assert!(
            code == std::process::ExitCode::SUCCESS || code == std::process::ExitCode::from(2),
            "{code:?}: {said}"
        );
        let workspace = store::read_workspace(&path).expect("the file still reads");
        prop_assert!(integrity::refusal(&workspace).is_none(), "{said}");
        let escape = '\u{1b}';
        let printed_raw = said.contains(escape) || String::from_utf8_lossy(&out).contains(escape);
        prop_assert!(!printed_raw, "an escape printed raw");
    }
}

fn common_write(path: &Path, bytes: &[u8]) {
    crate::common::write_bytes(path, bytes);
}
