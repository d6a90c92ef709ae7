//! `validate` on the seed report and on a fully filled 2021-edition report (clean, and
//! with every relation of 表三 and 表四 broken), and `validate_pair`. The target: under
//! 1 µs per report, and no allocation when there are no findings (the integration test
//! `checks::alloc` proves the latter with a counting allocator).
//!
//! `cargo bench --bench validate`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ogi_report::{Applicant, RequestRow, validate, validate_pair};

mod support;

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("validate");
    let seed = support::seed();
    assert_eq!(
        validate(&seed).len(),
        1,
        "the seed's one unassessable finding"
    );
    group.bench_function("seed_luhe_2020", |b| {
        b.iter(|| validate(black_box(&seed)));
    });

    let large = support::large_2021(2022, [0; 6]);
    assert!(validate(&large).is_empty());
    group.bench_function("large_2021_clean", |b| {
        b.iter(|| validate(black_box(&large)));
    });

    let bad = support::broken(&large);
    assert!(validate(&bad).len() > 25);
    group.bench_function("large_2021_every_total_wrong", |b| {
        b.iter(|| validate(black_box(&bad)));
    });

    let carried = std::array::from_fn(|c| {
        large
            .requests()
            .get(RequestRow::CarriedForward, Applicant::DETAIL[c])
            .unwrap_or(0)
    });
    let next = support::large_2021(2023, carried);
    assert!(validate_pair(&large, &next).is_ok());
    group.bench_function("pair_large_2021", |b| {
        b.iter(|| validate_pair(black_box(&large), black_box(&next)));
    });
    group.finish();
}

criterion_group!(checks, benches);
criterion_main!(checks);
