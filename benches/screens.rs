//! Frames of the Requests table and the Calendar with 10,000 requests against the same
//! with 10 (target: ratio ≤ 1.5, so a busy log stays smooth), and computing 10,000
//! deadlines from scratch.

#![allow(
    clippy::expect_used,
    reason = "benchmark set-up: a failure is a broken benchmark"
)]

use std::{hint::black_box, sync::Arc};

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::{
    Span,
    civil::{Date, date},
};
use smallprint::{
    app::{AppOptions, Preferences, SmallprintApp},
    clock::FixedClock,
    command::{Command, Screen},
    domain::{
        Workspace, agenda,
        example::example_workspace,
        requests::{NewRequest, RequestKind, Requester},
    },
    store,
};

const TODAY: Date = date(2026, 11, 23);

fn workspace_with(requests: usize) -> Workspace {
    let mut workspace = example_workspace(TODAY);
    workspace.requests.clear();
    for i in 0..requests {
        let days_ago = i64::try_from(i % 400).expect("small");
        workspace.log_request(NewRequest {
            kind: RequestKind::ALL[i % RequestKind::ALL.len()],
            requester: Requester {
                name: format!("Requester {i}"),
                email: format!("requester{i}@example.com"),
                ..Requester::default()
            },
            received: TODAY.checked_sub(Span::new().days(days_ago)).expect("date"),
            channel: smallprint::domain::requests::Channel::Email,
            details: String::new(),
            activities: Vec::new(),
        });
    }
    workspace
}

struct Screenful {
    ctx: egui::Context,
    app: SmallprintApp,
    _dir: tempfile::TempDir,
}

impl Screenful {
    fn new(requests: usize, screen: Screen) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        store::write_new(&path, &workspace_with(requests)).expect("write");
        let mut app = SmallprintApp::new(
            Some(path),
            Arc::new(FixedClock::at_date(TODAY)),
            AppOptions::default(),
            Preferences::default(),
        );
        app.apply(Command::Navigate(screen));
        let mut screenful = Self {
            ctx: egui::Context::default(),
            app,
            _dir: dir,
        };
        screenful.frame(); // fills the caches, as the first frame after a change does
        screenful
    }

    fn frame(&mut self) {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..egui::RawInput::default()
        };
        let output = self.ctx.run_ui(input, |ui| self.app.ui(ui));
        black_box(output);
    }
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    for screen in [Screen::Requests, Screen::Calendar] {
        for requests in [10, 1_000, 10_000] {
            let mut screenful = Screenful::new(requests, screen);
            group.bench_function(
                format!("{} with {requests} requests", screen.title()),
                |b| {
                    b.iter(|| screenful.frame());
                },
            );
        }
    }
    group.finish();
}

fn deadlines(c: &mut Criterion) {
    let workspace = workspace_with(10_000);
    let holidays = workspace.holidays();
    c.bench_function("10,000 deadlines and the agenda", |b| {
        b.iter(|| {
            let deadlines = agenda::deadlines(black_box(&workspace), &holidays, TODAY);
            black_box(agenda::agenda(
                &workspace,
                &deadlines,
                TODAY,
                &smallprint::clock::uk_time_zone(),
            ))
        });
    });
}

criterion_group!(benches, frames, deadlines);
criterion_main!(benches);
