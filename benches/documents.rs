//! Making the example shop's privacy notice in each format (target: a PDF in well under
//! a second, so exporting feels instant), and the pieces of the PDF path: building the
//! document, laying it out, and writing the PDF.

#![allow(
    clippy::expect_used,
    reason = "benchmark set-up: a failure is a broken benchmark"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::{Date, date};
use smallprint::{
    documents::{
        Format, layout,
        notice::{NoticeStyle, privacy_notice},
        pdf,
    },
    domain::example::example_workspace,
};

const TODAY: Date = date(2026, 11, 24);

fn notice(c: &mut Criterion) {
    let workspace = example_workspace(TODAY);
    // The fonts are parsed once per process; do it before timing.
    let _ = pdf::render(&privacy_notice(&workspace, NoticeStyle::Standard, TODAY));
    for format in Format::ALL {
        c.bench_function(&format!("example notice as {format}"), |b| {
            b.iter(|| {
                let document = privacy_notice(&workspace, NoticeStyle::Standard, TODAY);
                black_box(format.render(&document).expect("renders"))
            });
        });
    }
    let document = privacy_notice(&workspace, NoticeStyle::Standard, TODAY);
    c.bench_function("build the notice document", |b| {
        b.iter(|| black_box(privacy_notice(&workspace, NoticeStyle::Standard, TODAY)));
    });
    c.bench_function("lay the notice out", |b| {
        b.iter(|| black_box(layout::layout(&document)));
    });
    let laid_out = layout::laid_out(&document);
    c.bench_function("write the laid-out notice as PDF", |b| {
        b.iter(|| black_box(pdf::render_pages(&document, &laid_out).expect("pdf")));
    });
}

fn letter(c: &mut Criterion) {
    use smallprint::documents::letters::{self, Parts, Template};
    let workspace = example_workspace(TODAY);
    let sar = workspace
        .requests
        .iter()
        .find(|r| Template::AccessResponse.fits(&workspace, r, TODAY).is_ok())
        .expect("the example has an open subject-access request");
    let parts = Parts::new();
    let _ = pdf::render(&letters::letter(
        &workspace,
        sar,
        Template::AccessResponse,
        TODAY,
        &parts,
    ));
    c.bench_function("subject access letter as document", |b| {
        b.iter(|| {
            black_box(letters::letter(
                &workspace,
                sar,
                Template::AccessResponse,
                TODAY,
                &parts,
            ))
        });
    });
    c.bench_function("subject access letter as PDF", |b| {
        b.iter(|| {
            let document =
                letters::letter(&workspace, sar, Template::AccessResponse, TODAY, &parts);
            black_box(pdf::render(&document).expect("pdf"))
        });
    });
    c.bench_function("subject access letter as email text", |b| {
        b.iter(|| {
            black_box(
                letters::letter(&workspace, sar, Template::AccessResponse, TODAY, &parts)
                    .plain_text(),
            )
        });
    });
}

/// The breach log of a shop with 1,000 breaches, each with its facts, decision and
/// timeline filled in (issue 16): as a PDF (target: under a second) and as CSV.
fn breach_log(c: &mut Criterion) {
    use smallprint::documents::{breach_log::breach_log_document, breach_log_csv::breach_log_csv};
    use smallprint::domain::breaches::{Decision, RiskAssessment, RiskLevel, Step};
    let zone = smallprint::clock::uk_time_zone();
    let mut workspace = example_workspace(TODAY);
    let start: jiff::Timestamp = "2020-01-01T09:00:00Z".parse().expect("instant");
    for n in 0..1_000_i64 {
        let aware = start
            .checked_add(jiff::SignedDuration::from_hours(n * 40))
            .expect("in range");
        let id = workspace.log_breach(
            aware,
            format!("Order confirmation {n} emailed to the wrong customer"),
            &zone,
        );
        let breach = workspace
            .breaches
            .iter_mut()
            .find(|b| b.id == id)
            .expect("logged");
        breach.cause = "The address autocompleted to another customer's".to_owned();
        breach.consequences = "One other customer saw a name and an order".to_owned();
        breach.risk = Some(RiskAssessment {
            level: RiskLevel::Unlikely,
            reasoning: "One recipient, who deleted it".to_owned(),
        });
        breach.steps = vec![Step {
            on: aware.to_zoned(zone.clone()).date(),
            what: "Asked the recipient to delete it".to_owned(),
        }];
        breach.decision = Some(Decision {
            report: false,
            reasons: "Unlikely to be a risk".to_owned(),
            decided_by: "Morwenna Tallis".to_owned(),
            decided_on: aware.to_zoned(zone.clone()).date(),
        });
    }
    let now: jiff::Timestamp = "2026-11-24T12:00:00Z".parse().expect("instant");
    let mut group = c.benchmark_group("breach log of 1,000 breaches");
    group.sample_size(10);
    group.bench_function("PDF", |b| {
        b.iter(|| {
            let document = breach_log_document(&workspace, &zone, now);
            black_box(Format::Pdf.render(&document).expect("renders"))
        });
    });
    group.bench_function("CSV", |b| {
        b.iter(|| black_box(breach_log_csv(&workspace, &zone, now)));
    });
    group.finish();
}

/// The website kit (target: the five pages in well under a second, like the notice):
/// the complaint form as a fillable PDF, and the whole kit as `website` makes it.
fn website_kit(c: &mut Criterion) {
    use smallprint::{
        actions::{
            Now,
            export::{Export, export},
        },
        documents::{complaints, site::Links},
    };
    let workspace = example_workspace(TODAY);
    let form =
        complaints::form(&workspace, Links::Kit, Format::Pdf, TODAY).expect("the example's form");
    let _ = pdf::render(&form);
    c.bench_function("complaint form as fillable PDF", |b| {
        b.iter(|| black_box(pdf::render(&form).expect("pdf")));
    });
    let now: Now = "2026-11-24T12:00:00[Europe/London]"
        .parse()
        .expect("UK time");
    c.bench_function("website kit, five pages", |b| {
        b.iter(|| black_box(export(&workspace, &Export::WebsiteKit, None, &now).expect("kit")));
    });
}

criterion_group!(benches, notice, letter, breach_log, website_kit);
criterion_main!(benches);
