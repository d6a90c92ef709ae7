//! Benches of the checks: `validate` on the seed report, on a large generated
//! 2021-edition report (clean, and with every relation of 表三 and 表四 broken), a pair of
//! years, and a roll-up. CI runs `cargo test --benches` as a smoke run only.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ogi_report::{
    AnnualReport, Appeals, Applicant, BodyKind, CellRef, Edition, FeeStatement, OtherMatters,
    Proactive, RequestDetails, RequestRow, Requests, Rollup, Value, validate, validate_pair,
};

#[path = "../examples/luhe_2020.rs"]
#[allow(
    dead_code,
    unreachable_pub,
    reason = "the example's items, included whole"
)]
mod luhe;

/// A 2021-edition report with every cell filled and large counts (a province-wide
/// aggregate), every relation holding.
fn large_2021(year: u16, carried: [u64; 6]) -> AnnualReport {
    let e = Edition::E2021;
    let mut d = RequestDetails::new(e);
    let outcomes = RequestRow::outcomes(e);
    let mut handled = [0u64; 6];
    for (i, &row) in outcomes.iter().enumerate() {
        let counts: [u64; 6] =
            std::array::from_fn(|c| 1_000_003 * (i as u64 + 1) + 7_919 * c as u64);
        for (h, v) in handled.iter_mut().zip(counts) {
            *h += v;
        }
        d.set(row, counts).expect("a detail row");
    }
    d.set(RequestRow::CarriedOver, carried)
        .expect("a detail row");
    let new: [u64; 6] = std::array::from_fn(|c| handled[c] + 123_457 - carried[c].min(123_457));
    d.set(RequestRow::New, new).expect("a detail row");
    let t2 = Proactive::from_printed(
        e,
        &[
            "12",
            "3",
            "310",
            "1502",
            "377",
            "21404",
            "5508211",
            "41190377",
            "1953205",
            "316441.275",
        ],
    )
    .expect("a 2021 表二");
    let mut six = OtherMatters::new("……");
    let mut fees = FeeStatement::default();
    fees.notices = Some(u64::MAX / 2);
    six.fees = Some(fees);
    AnnualReport::builder(e, year, "某省人民政府", BodyKind::Government)
        .published(chrono::NaiveDate::from_ymd_opt(i32::from(year) + 1, 3, 30).expect("a date"))
        .proactive(t2)
        .requests(Requests::assemble(&d).expect("consistent"))
        .appeals(
            Appeals::assemble(
                [72_000, 64_000, 178_000, 37_000],
                [13_000, 4_000, 8_000, 1_000],
                [12_000, 1_000, 1_000, 6_000],
            )
            .expect("consistent"),
        )
        .other_matters(six)
        .build()
        .expect("a report")
}

/// The same with every total of 表三 and 表四 off by one: the worst case, many findings.
fn broken(report: &AnnualReport) -> AnnualReport {
    let mut r = report.clone();
    for &row in RequestRow::rows(r.edition()) {
        let total = r.requests().get(row, Applicant::Total).unwrap_or(0);
        r.set(
            CellRef::Requests(row, Applicant::Total),
            Some(Value::Count(total + 1)),
        )
        .expect("a row of the edition");
    }
    for g in ogi_report::AppealGroup::ALL {
        let total = r
            .appeals()
            .get(*g, ogi_report::AppealColumn::Total)
            .unwrap_or(0);
        r.appeals_mut()
            .set(*g, ogi_report::AppealColumn::Total, Some(total + 1));
    }
    r
}

fn benches(c: &mut Criterion) {
    let seed = luhe::report().expect("the seed");
    c.bench_function("validate/seed_luhe_2020", |b| {
        b.iter(|| validate(black_box(&seed)));
    });

    let large = large_2021(2022, [0; 6]);
    assert!(validate(&large).is_empty());
    c.bench_function("validate/large_2021_clean", |b| {
        b.iter(|| validate(black_box(&large)));
    });

    let bad = broken(&large);
    assert!(validate(&bad).len() > 25);
    c.bench_function("validate/large_2021_every_total_wrong", |b| {
        b.iter(|| validate(black_box(&bad)));
    });

    let carried = std::array::from_fn(|c| {
        large
            .requests()
            .get(RequestRow::CarriedForward, Applicant::DETAIL[c])
            .unwrap_or(0)
    });
    let next = large_2021(2023, carried);
    c.bench_function("validate_pair/large_2021", |b| {
        b.iter(|| validate_pair(black_box(&large), black_box(&next)));
    });

    let reports: Vec<AnnualReport> = (0..1000).map(|_| large.clone()).collect();
    c.bench_function("rollup/1000_large_2021", |b| {
        b.iter(|| {
            let mut r = Rollup::new(Edition::E2021);
            for report in &reports {
                r.add(black_box(report)).expect("no overflow");
            }
            r
        });
    });
}

criterion_group!(checks, benches);
criterion_main!(checks);
