//! Importing page text, in bytes of input per second: the seed (陆河县人民政府 2020, the
//! target: at least 50 MB/s) and a longer page copied from a PDF.
//!
//! `cargo bench --bench import`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const SEED: &str = include_str!("../tests/fixtures/luhe_2020.txt");
const PDF: &str = include_str!("../tests/fixtures/corpus/full-huaian-city-govt-2024/source.txt");

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    for (name, text) in [("seed", SEED), ("huaian_2024_pdf", PDF)] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| ogi_report::import(black_box(text))));
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
