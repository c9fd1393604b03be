//! The undo history on a 10,000-request workspace (issue 15): 100 edits of one request
//! each, recorded as the window records them, against the whole copies kept before.
//! Prints the history's bytes per edit and the resident memory each way grows by, then
//! times recording the 100 edits.

#![allow(
    clippy::expect_used,
    reason = "benchmark set-up: a failure is a broken benchmark"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};
use smallprint::{
    domain::{Workspace, example::example_with_requests},
    session::History,
};

const TODAY: Date = date(2026, 11, 23);
const EDITS: usize = 100;

/// Edit `n`: a note on one request, as typing in the window records it.
fn edit(workspace: &mut Workspace, n: usize) {
    let index = n * 97 % workspace.requests.len();
    workspace.requests[index].notes = format!("Called back on day {n}");
}

/// The 100 edits through the history; returns it with the final workspace.
fn with_history(start: &Workspace) -> (History, Workspace) {
    let mut history = History::default();
    let mut current = start.clone();
    for n in 0..EDITS {
        let before = current.clone();
        edit(&mut current, n);
        let at = f64::from(u32::try_from(n).expect("small")) * 10.0;
        history.record(&before, &current, format!("Edit {n}"), None, at);
    }
    (history, current)
}

/// The same edits kept as whole copies, as the history did before issue 15.
fn with_copies(start: &Workspace) -> (Vec<Workspace>, Workspace) {
    let mut copies = Vec::new();
    let mut current = start.clone();
    for n in 0..EDITS {
        copies.push(current.clone());
        edit(&mut current, n);
    }
    (copies, current)
}

/// Resident memory now, in bytes (Linux), to report what each way costs.
fn resident() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[expect(
    clippy::cast_precision_loss,
    reason = "megabytes for a report, far below 2^52 bytes"
)]
fn report(start: &Workspace) {
    let mb = |bytes: usize| bytes as f64 / 1_048_576.0;
    let file = smallprint::store::encode(start).len();
    let before = resident().unwrap_or(0);
    let (copies, _) = black_box(with_copies(start));
    let after_copies = resident().unwrap_or(0);
    drop(copies);
    let base = resident().unwrap_or(0);
    let (history, _) = black_box(with_history(start));
    let after_history = resident().unwrap_or(0);
    eprintln!(
        "undo: 10,000 requests ({:.1} MB as a file), {EDITS} edits of one request each:\n  \
         whole copies: resident +{:.1} MB ({:.2} MB an edit)\n  \
         diffs: history {} bytes ({} bytes an edit), resident +{:.2} MB",
        mb(file),
        mb(after_copies.saturating_sub(before)),
        mb(after_copies.saturating_sub(before)) / EDITS as f64,
        history.bytes(),
        history.bytes() / EDITS,
        mb(after_history.saturating_sub(base)),
    );
}

fn bench(c: &mut Criterion) {
    let start = example_with_requests(TODAY, 10_000);
    report(&start);
    let mut group = c.benchmark_group("undo");
    group.sample_size(10);
    group.bench_function("100 edits on 10,000 requests, diffs", |b| {
        b.iter(|| black_box(with_history(&start)));
    });
    group.bench_function("100 edits on 10,000 requests, whole copies (before)", |b| {
        b.iter(|| black_box(with_copies(&start)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
