//! The JSON form of the seed report: serialising and deserialising.
//!
//! `cargo bench --bench json`

use criterion::{Criterion, Throughput, black_box, criterion_group, criterion_main};
use ogi_report::AnnualReport;

#[path = "../examples/luhe_2020.rs"]
#[allow(dead_code, reason = "only report() is used here")]
mod luhe;

fn json(c: &mut Criterion) {
    let report = luhe::report().expect("the seed report builds");
    let text = serde_json::to_string(&report).expect("the seed serialises");
    let mut group = c.benchmark_group("json");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("serialise seed", |b| {
        b.iter(|| serde_json::to_string(black_box(&report)));
    });
    group.bench_function("deserialise seed", |b| {
        b.iter(|| serde_json::from_str::<AnnualReport>(black_box(&text)));
    });
    group.bench_function("serde_json::Value of seed", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)));
    });
    group.finish();
}

criterion_group!(benches, json);
criterion_main!(benches);
