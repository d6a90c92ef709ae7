//! `validate_narrative`, the texts of sections 一, 五 and 六 read and checked against the
//! tables, on real report texts: the seed (4.5 KB in 一, 1.2 KB in 五, one disagreeing
//! statement), 淮安 2024 (3.8 KB, 16 statements, all agreeing), 上海市科委 2024 (3.8 KB,
//! 12 statements) and 平潭 2019 (11 KB of 一 on one line, one sum that does not add up). The
//! target: at most 20 µs per report, and no allocation beyond the findings (the
//! integration test `checks::alloc` proves the latter with a counting allocator).
//!
//! `cargo bench --bench narrative`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ogi_report::{AnnualReport, claims, validate_narrative};

mod support;

fn fixture(json: &str) -> AnnualReport {
    serde_json::from_str(json).expect("a report in the crate's JSON form")
}

fn benches(c: &mut Criterion) {
    let reports = [
        ("seed_luhe_2020", support::seed(), 1),
        (
            "huaian_2024",
            fixture(include_str!(
                "../tests/fixtures/narrative/full-huaian-city-govt-2024.json"
            )),
            0,
        ),
        (
            "shanghai_kewei_2024",
            fixture(include_str!(
                "../tests/fixtures/narrative/md-shanghai-kewei-2024.json"
            )),
            0,
        ),
        (
            "pingtan_2019",
            fixture(include_str!(
                "../tests/fixtures/narrative/crawler-pingtan-zone-govt-2019.json"
            )),
            1,
        ),
    ];
    let mut group = c.benchmark_group("narrative");
    for (name, report, findings) in &reports {
        assert_eq!(validate_narrative(report).len(), *findings, "{name}");
        group.bench_function(*name, |b| {
            b.iter(|| validate_narrative(black_box(report)));
        });
    }
    let (_, huaian, _) = &reports[1];
    assert_eq!(claims(huaian).count(), 16);
    group.bench_function("huaian_2024_claims", |b| {
        b.iter(|| claims(black_box(huaian)).count());
    });
    group.finish();
}

criterion_group!(narrative, benches);
criterion_main!(narrative);
