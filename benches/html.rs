//! Reading HTML pages into text blocks and table grids, in bytes of HTML per second (the
//! target: at least 50 MB/s).
//!
//! `cargo bench --bench html`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A real page: 平潭综合实验区行政审批局 2023, the article with its three tables.
const PINGTAN: &str = include_str!("../tests/fixtures/corpus/html-pingtan-xzspj-2023/page.html");

fn html(c: &mut Criterion) {
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(PINGTAN.len() as u64));
    group.bench_function("pingtan_2023", |b| {
        b.iter(|| ogi_report::__bench_html_parse(black_box(PINGTAN)));
    });
    group.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
