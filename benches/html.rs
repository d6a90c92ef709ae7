//! HTML pages, in bytes of HTML per second (the target: at least 50 MB/s): reading a
//! real page into text blocks and table grids (`html/…`), and importing it whole
//! (`import_html/…`); the page's article repeated to about 1 MB shows the reading is
//! linear in the page.
//!
//! `cargo bench --bench html`
//!
//! The reader is crate-private; `ogi_report::__bench::html_parse` (hidden, not part of the
//! API) runs it and reduces the result to a number, so that nothing is optimised away.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A real page: 平潭综合实验区行政审批局 2023, the article with its three tables.
const PINGTAN: &str = include_str!("../tests/fixtures/corpus/html-pingtan-xzspj-2023/page.html");

fn html(c: &mut Criterion) {
    let start = PINGTAN.find("<div class=TRS_Editor>").unwrap_or(0);
    let article = PINGTAN.get(start..).unwrap_or(PINGTAN);
    let long = article.repeat(1_000_000 / article.len().max(1) + 1);
    let mut group = c.benchmark_group("html");
    for (name, page) in [
        ("pingtan_2023", PINGTAN),
        ("pingtan_article_1mb", long.as_str()),
    ] {
        group.throughput(Throughput::Bytes(page.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| ogi_report::__bench::html_parse(black_box(page)));
        });
    }
    group.finish();
    let mut group = c.benchmark_group("import_html");
    group.throughput(Throughput::Bytes(PINGTAN.len() as u64));
    group.bench_function("pingtan_2023", |b| {
        b.iter(|| ogi_report::import_html(black_box(PINGTAN)));
    });
    group.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
