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
    let pages = layout::layout(&document);
    c.bench_function("write the laid-out notice as PDF", |b| {
        b.iter(|| black_box(pdf::render_pages(&document, &pages).expect("pdf")));
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

criterion_group!(benches, notice, letter);
criterion_main!(benches);
