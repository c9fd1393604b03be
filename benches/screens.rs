//! Frames of the Requests table and the Calendar with 10,000 requests against the same
//! with 10 (target: ratio ≤ 1.5, so a busy log stays smooth); the Requests table with a
//! screen reader on, every row in the accessibility tree (target: 500 requests under
//! 16 ms a frame, one frame at 60 Hz; 10,000 measured and said), computing 10,000
//! deadlines from scratch, and a frame of the window while the breach log of 1,000
//! breaches is exported (target: under 50 ms — the export renders on its own thread).

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
        example::{example_with_requests, example_workspace},
    },
    store,
};

const TODAY: Date = date(2026, 11, 23);

struct Screenful {
    ctx: egui::Context,
    app: SmallprintApp,
    _dir: tempfile::TempDir,
}

impl Screenful {
    /// As [`Screenful::new`], with the accessibility tree built every frame, as it is
    /// while a screen reader is running.
    fn with_screen_reader(requests: usize, screen: Screen) -> Self {
        let mut screenful = Self::new(requests, screen);
        screenful.ctx.enable_accesskit();
        screenful.frame();
        screenful
    }

    fn new(requests: usize, screen: Screen) -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("workspace.json");
        store::write_new(
            &path,
            &example_with_requests(TODAY, requests),
            jiff::Timestamp::UNIX_EPOCH,
        )
        .expect("write");
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

fn frames_with_a_screen_reader(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame with a screen reader");
    for requests in [10, 500, 10_000] {
        let mut screenful = Screenful::with_screen_reader(requests, Screen::Requests);
        group.bench_function(format!("Requests with {requests} requests"), |b| {
            b.iter(|| screenful.frame());
        });
    }
    group.finish();
}

/// Frames drawn while the 1,000-breach log is being exported: each iteration draws one
/// frame, starting a new export whenever the last one has finished, so (nearly) every
/// frame measured shares the machine with a rendering export.
fn frames_while_exporting(c: &mut Criterion) {
    use smallprint::actions::Export;
    let mut workspace = example_workspace(TODAY);
    let template = workspace.breaches[0].clone();
    for n in 0..1_000_u64 {
        let mut breach = template.clone();
        breach.id = smallprint::domain::BreachId(1_000 + n);
        breach.reference = format!("B-2026-{:04}", n + 2);
        workspace.breaches.push(breach);
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("workspace.json");
    store::write_new(&path, &workspace, jiff::Timestamp::UNIX_EPOCH).expect("write");
    let out = dir.path().join("breach-log.pdf");
    let mut app = SmallprintApp::new(
        Some(path),
        Arc::new(FixedClock::at_date(TODAY)),
        AppOptions::default(),
        Preferences::default(),
    );
    app.apply(Command::Navigate(Screen::Breaches));
    let mut screenful = Screenful {
        ctx: egui::Context::default(),
        app,
        _dir: dir,
    };
    screenful.frame();
    let mut slowest = std::time::Duration::ZERO;
    let (mut exports, mut frames_during) = (0_u32, 0_u32);
    c.bench_function("frame while the 1,000-breach log exports", |b| {
        b.iter_custom(|iters| {
            let mut total = std::time::Duration::ZERO;
            for _ in 0..iters {
                if !screenful.app.exporting() {
                    screenful.app.apply(Command::Export {
                        what: Export::BreachLog { csv: false },
                        to: Some(out.clone()),
                    });
                    exports += 1;
                }
                let started = std::time::Instant::now();
                screenful.frame();
                let took = started.elapsed();
                if screenful.app.exporting() {
                    frames_during += 1;
                    slowest = slowest.max(took);
                }
                total += took;
            }
            total
        });
    });
    screenful.app.finish_exports(true);
    eprintln!(
        "frames while exporting: {frames_during} over {exports} exports; slowest {:.1} ms",
        slowest.as_secs_f64() * 1000.0
    );
}

/// Every request's deadline and the agenda from them, as the session derives them.
fn bench_agenda(c: &mut Criterion, name: &str, workspace: &Workspace) {
    let holidays = workspace.holidays();
    c.bench_function(name, |b| {
        b.iter(|| {
            let deadlines = agenda::deadlines(black_box(workspace), &holidays, TODAY);
            black_box(agenda::agenda(
                workspace,
                &deadlines,
                TODAY,
                &smallprint::clock::uk_time_zone(),
            ))
        });
    });
}

fn deadlines(c: &mut Criterion) {
    bench_agenda(
        c,
        "10,000 deadlines and the agenda",
        &example_with_requests(TODAY, 10_000),
    );
}

/// The same 10,000 requests, each with the steps that make the deadline engine judge
/// every ask against the clock before it (no revival): identity asked and received on
/// a third, a clarification asked and answered on another third.
fn deadlines_with_steps(c: &mut Criterion) {
    use smallprint::domain::requests::RequestEvent;
    let mut workspace = example_with_requests(TODAY, 10_000);
    let ids: Vec<_> = workspace
        .requests
        .iter()
        .map(|r| (r.id, r.received))
        .collect();
    for (n, (id, received)) in ids.into_iter().enumerate() {
        let day = |d: i64| received.checked_add(Span::new().days(d)).expect("date");
        let steps = match n % 3 {
            0 => vec![
                (RequestEvent::IdentityRequested, day(2)),
                (RequestEvent::IdentityReceived, day(5)),
            ],
            1 => vec![
                (RequestEvent::ClarificationAsked, day(3)),
                (RequestEvent::ClarificationAnswered, day(9)),
            ],
            _ => Vec::new(),
        };
        for (event, on) in steps {
            if on <= TODAY {
                // A step a kind does not allow is refused and left out.
                let _ = workspace.record_request_event(id, event, on, TODAY);
            }
        }
    }
    bench_agenda(c, "10,000 deadlines with steps and the agenda", &workspace);
}

criterion_group!(
    benches,
    frames,
    frames_with_a_screen_reader,
    deadlines,
    deadlines_with_steps,
    frames_while_exporting
);
criterion_main!(benches);
