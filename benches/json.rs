//! The JSON form: deserialising and validating a report against parsing the same bytes
//! into a `serde_json::Value`, and serialising a report against serialising that `Value`,
//! side by side in one group per report. The target: ratio ≤ 1.0 for both.
//!
//! `cargo bench --bench json`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ogi_report::{AnnualReport, validate};

mod support;

fn group(c: &mut Criterion, name: &str, report: &AnnualReport) {
    let text = serde_json::to_string(report).expect("the report serialises");
    let value: serde_json::Value = serde_json::from_str(&text).expect("the JSON parses");
    // The `Value` orders its keys (serde_json without `preserve_order`): same bytes, in
    // another order.
    let again = serde_json::to_string(&value).expect("the value serialises");
    assert_eq!(again.len(), text.len());
    let mut group = c.benchmark_group(format!("json/{name}"));
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("deserialise", |b| {
        b.iter(|| serde_json::from_str::<AnnualReport>(black_box(&text)));
    });
    group.bench_function("deserialise+validate", |b| {
        b.iter(|| {
            serde_json::from_str::<AnnualReport>(black_box(&text)).map(|r| validate(&r).len())
        });
    });
    group.bench_function("serde_json::Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)));
    });
    group.bench_function("serialise", |b| {
        b.iter(|| serde_json::to_string(black_box(report)));
    });
    group.bench_function("serialise serde_json::Value", |b| {
        b.iter(|| serde_json::to_string(black_box(&value)));
    });
    group.finish();
}

fn json(c: &mut Criterion) {
    group(c, "seed", &support::seed());
    group(c, "large_2021", &support::large_2021(2022, [0; 6]));
}

criterion_group!(benches, json);
criterion_main!(benches);
