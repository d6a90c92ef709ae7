//! Importing the seed page text (陆河县人民政府 2020), reported in bytes per second.

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};

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
