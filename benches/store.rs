//! Saving a large workspace through the store (temp file, fsync, rename, folder fsync,
//! change check, rotating backup) against the least any save could do: serialise the
//! same workspace and write it with one fsync. Target: store ≤ 2 × plain.

#![allow(
    clippy::expect_used,
    reason = "benchmark set-up: a failure is a broken benchmark"
)]

use std::{hint::black_box, io::Write};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use jiff::Timestamp;
use smallprint::{
    domain::{
        Workspace,
        example::example_workspace,
        integrity,
        register::ProcessingActivity,
        requests::{RequestKind, Requester, RightsRequest},
    },
    store::{self, Store},
};

/// A shop far busier than any sole trader: 5,000 activities and 20,000 requests.
fn large_workspace() -> Workspace {
    let mut workspace = example_workspace(jiff::civil::date(2026, 11, 23));
    for i in 0..5_000 {
        let id = workspace.ids.activity();
        workspace.register.push(ProcessingActivity::new(
            id,
            format!("Purpose number {i}: keep customer orders, invoices and delivery notes"),
        ));
    }
    for i in 0..20_000 {
        let id = workspace.ids.request();
        let requester = Requester {
            name: format!("Requester {i}"),
            email: format!("requester{i}@example.com"),
            ..Requester::default()
        };
        workspace.requests.push(RightsRequest::new(
            id,
            format!("R-2026-{i:05}"),
            RequestKind::Access,
            requester,
            jiff::civil::date(2026, 1, 1),
        ));
    }
    workspace
}

fn saves(c: &mut Criterion) {
    let workspace = large_workspace();
    let size = store::encode(&workspace).len();
    let dir = tempfile::tempdir().expect("tempdir");
    let mut group = c.benchmark_group(format!("save {} KiB", size / 1024));
    group.sample_size(30);

    let plain_path = dir.path().join("plain.json");
    group.bench_function("plain serde_json write + fsync", |b| {
        b.iter(|| {
            let bytes = store::encode(black_box(&workspace));
            let mut file = std::fs::File::create(&plain_path).expect("create");
            file.write_all(&bytes).expect("write");
            file.sync_all().expect("fsync");
        });
    });

    let store_path = dir.path().join("store").join("workspace.json");
    let (mut store, _) = Store::open(&store_path).expect("open");
    let mut second = 1_800_000_000_i64;
    group.bench_function("Store::save", |b| {
        b.iter_batched(
            || {
                second += 1;
                Timestamp::from_second(second).expect("instant")
            },
            |at| store.save(black_box(&workspace), at).expect("save"),
            BatchSize::SmallInput,
        );
    });
    group.finish();

    // The reader's limits, asked by every save (the whole file) and by every edit in
    // the window (only the records the edit touched).
    let mut group = c.benchmark_group("the reader's limits");
    group.sample_size(30);
    let mut changed = workspace.clone();
    changed.requests[10_000].notes = "Called back; sent the form".to_owned();
    group.bench_function("write_refusal, whole workspace", |b| {
        b.iter(|| integrity::write_refusal(black_box(&workspace)));
    });
    group.bench_function("change_refusal, one request changed", |b| {
        b.iter(|| integrity::change_refusal(black_box(&workspace), black_box(&changed)));
    });
    group.finish();
}

criterion_group!(benches, saves);
criterion_main!(benches);
