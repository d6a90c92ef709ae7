//! Rendering and tidy cells of the seed report (陆河县人民政府 2020).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ogi_report::render::{self, CellMark, HtmlOptions};
use ogi_report::{AppealColumn, AppealGroup, CellRef, tidy};

#[path = "../examples/luhe_2020.rs"]
#[allow(dead_code, reason = "only the seed report is used")]
mod luhe_2020;

fn benches(c: &mut Criterion) {
    let Ok(report) = luhe_2020::report() else {
        eprintln!("the seed report does not build");
        return;
    };
    let marks = HtmlOptions::new().mark(CellMark::new(
        "T4-1",
        [CellRef::Appeals(
            AppealGroup::SuitDirect,
            AppealColumn::Pending,
        )],
        "尚未审结 is blank",
    ));
    c.bench_function("html", |b| {
        b.iter(|| render::html(black_box(&report), &marks));
    });
    c.bench_function("markdown", |b| {
        b.iter(|| render::markdown(black_box(&report)));
    });
    c.bench_function("text", |b| b.iter(|| render::text(black_box(&report))));
    c.bench_function("tidy cells", |b| {
        b.iter(|| {
            tidy::cells(black_box(&report))
                .map(|c| c.to_string().len())
                .sum::<usize>()
        });
    });
    let tsv: String = tidy::cells(&report).map(|c| c.to_string() + "\n").collect();
    c.bench_function("tidy read", |b| {
        b.iter(|| tidy::read(&report, black_box(&tsv)));
    });
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
