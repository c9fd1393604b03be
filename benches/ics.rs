//! Writing the calendar file against the length of a requester's name (issue 15): the
//! time should not grow with the square of it (40 s for a 10 MB name before).

#![allow(
    clippy::expect_used,
    reason = "benchmark set-up: a failure is a broken benchmark"
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};
use smallprint::{
    documents::ics::calendar_ics,
    domain::{agenda, example::example_workspace},
};

const TODAY: Date = date(2026, 11, 23);

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("ics by name length");
    group.sample_size(10);
    for chars in [1_000, 10_000, 100_000, 1_000_000, 10_000_000] {
        let mut workspace = example_workspace(TODAY);
        let name = "N".repeat(chars);
        for request in &mut workspace.requests {
            request.requester.name = name.clone();
        }
        let holidays = workspace.holidays();
        let deadlines = agenda::deadlines(&workspace, &holidays, TODAY);
        let items = agenda::agenda(
            &workspace,
            &deadlines,
            TODAY,
            &smallprint::clock::uk_time_zone(),
        );
        group.bench_with_input(BenchmarkId::from_parameter(chars), &items, |b, items| {
            b.iter(|| {
                black_box(calendar_ics(
                    &workspace,
                    items,
                    jiff::Timestamp::UNIX_EPOCH,
                    &jiff::tz::TimeZone::UTC,
                    smallprint::documents::ics::Names::Included,
                ))
            });
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
