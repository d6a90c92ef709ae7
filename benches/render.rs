//! Rendering the seed report (陆河县人民政府 2020) and a fully filled 2021-edition
//! report, in bytes of output per second: the HTML page and the tidy cells (the target:
//! at least 50 MB/s each), Markdown and plain text for information; and reading tidy
//! cells back.
//!
//! `cargo bench --bench render`

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ogi_report::render::{self, CellMark, HtmlOptions};
use ogi_report::{AnnualReport, AppealColumn, AppealGroup, CellRef, tidy};

mod support;

/// The tidy cells of a report as one string, a line per cell.
fn tidy_string(report: &AnnualReport) -> String {
    let mut out = String::new();
    for cell in tidy::cells(report) {
        let _ = writeln!(out, "{cell}");
    }
    out
}

/// One way to render a report.
type Render = fn(&AnnualReport, &HtmlOptions) -> String;

fn group(c: &mut Criterion, name: &str, report: &AnnualReport) {
    let marks = HtmlOptions::new().mark(CellMark::new(
        "T4-1",
        [CellRef::Appeals(
            AppealGroup::SuitDirect,
            AppealColumn::Pending,
        )],
        "尚未审结 is blank",
    ));
    let mut group = c.benchmark_group(format!("render/{name}"));
    let outputs: [(&str, Render); 4] = [
        ("html", |r, o| render::html(r, o)),
        ("tidy cells", |r, _| tidy_string(r)),
        ("markdown", |r, _| render::markdown(r)),
        ("text", |r, _| render::text(r)),
    ];
    for (what, f) in outputs {
        group.throughput(Throughput::Bytes(f(report, &marks).len() as u64));
        group.bench_function(what, |b| b.iter(|| f(black_box(report), &marks)));
    }
    let tsv = tidy_string(report);
    group.throughput(Throughput::Bytes(tsv.len() as u64));
    group.bench_function("tidy read", |b| {
        b.iter(|| tidy::read(report, black_box(&tsv)));
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    group(c, "seed", &support::seed());
    group(c, "large_2021", &support::large_2021(2022, [0; 6]));
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
