//! Instruction counts for callgrind: runs one workload a fixed number of times inside
//! `measured`, so that callgrind, collecting in that function only, counts the workload
//! and nothing of the set-up. Counts are repeatable on a loaded machine where times are
//! not; BENCHMARKS.md gives the before/after counts of each fix.
//!
//! ```text
//! cargo bench --no-run --bench callgrind
//! valgrind --tool=callgrind --toggle-collect='*measured*' \
//!     target/release/deps/callgrind-<hash> validate_seed 1000
//! ```
//!
//! divide the total `Ir` by the count (1000) for the instructions per run. Without
//! arguments (as `cargo test --benches` runs it) every workload runs once, as a smoke test.

use std::hint::black_box;

use ogi_report::render::{self, HtmlOptions};
use ogi_report::{AnnualReport, Edition, Rollup, tidy, validate, validate_narrative};

mod support;

/// A short web capture (西安高陵 2021), a crawler's text with the spacing gone (平潭
/// 2021), an HTML page (平潭 行政审批局 2023).
const GAOLING: &str =
    include_str!("../tests/fixtures/corpus/12-xian-gaoling-shenpiju-2021/source.txt");
const CRAWLER: &str =
    include_str!("../tests/fixtures/corpus/crawler-pingtan-zone-govt-2021/source.txt");
const PINGTAN: &str = include_str!("../tests/fixtures/corpus/html-pingtan-xzspj-2023/page.html");

/// The workloads, by name.
const WORKLOADS: &[&str] = &[
    "validate_seed",
    "validate_large",
    "validate_broken",
    "json_de_seed",
    "json_de_validate_seed",
    "json_value_seed",
    "json_ser_seed",
    "json_ser_value_seed",
    "json_de_large",
    "json_de_validate_large",
    "json_value_large",
    "json_ser_large",
    "json_ser_value_large",
    "rollup_add",
    "generate",
    "html_seed",
    "tidy_seed",
    "text_seed",
    "markdown_seed",
    "import_seed",
    "import_gaoling",
    "import_crawler",
    "import_html",
    "narrative_seed",
    "narrative_huaian",
    "narrative_shanghai",
    "narrative_pingtan",
];

/// Runs `f` `n` times; callgrind collects here only (`--toggle-collect='*measured*'`).
#[inline(never)]
fn measured<T>(n: u64, mut f: impl FnMut(u64) -> T) {
    for i in 0..n {
        black_box(f(i));
    }
}

fn tidy_string(report: &AnnualReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for cell in tidy::cells(report) {
        let _ = writeln!(out, "{cell}");
    }
    out
}

fn run(name: &str, n: u64) {
    let seed = support::seed();
    let large = support::large_2021(2022, [0; 6]);
    let seed_json = serde_json::to_string(&seed).expect("serialises");
    let large_json = serde_json::to_string(&large).expect("serialises");
    let seed_value: serde_json::Value = serde_json::from_str(&seed_json).expect("parses");
    let large_value: serde_json::Value = serde_json::from_str(&large_json).expect("parses");
    let de = |s: &str| serde_json::from_str::<AnnualReport>(s).expect("deserialises");
    let html = HtmlOptions::new();
    match name {
        "validate_seed" => measured(n, |_| validate(black_box(&seed))),
        "narrative_seed" => measured(n, |_| validate_narrative(black_box(&seed))),
        "narrative_huaian" => {
            let huaian = de(include_str!(
                "../tests/fixtures/narrative/full-huaian-city-govt-2024.json"
            ));
            measured(n, |_| validate_narrative(black_box(&huaian)));
        }
        "narrative_shanghai" => {
            let shanghai = de(include_str!(
                "../tests/fixtures/narrative/md-shanghai-kewei-2024.json"
            ));
            measured(n, |_| validate_narrative(black_box(&shanghai)));
        }
        "narrative_pingtan" => {
            let pingtan = de(include_str!(
                "../tests/fixtures/narrative/crawler-pingtan-zone-govt-2019.json"
            ));
            measured(n, |_| validate_narrative(black_box(&pingtan)));
        }
        "validate_large" => measured(n, |_| validate(black_box(&large))),
        "validate_broken" => {
            let bad = support::broken(&large);
            measured(n, |_| validate(black_box(&bad)));
        }
        "json_de_seed" => measured(n, |_| de(black_box(&seed_json))),
        "json_de_validate_seed" => measured(n, |_| validate(&de(black_box(&seed_json)))),
        "json_value_seed" => measured(n, |_| {
            serde_json::from_str::<serde_json::Value>(black_box(&seed_json))
        }),
        "json_ser_seed" => measured(n, |_| serde_json::to_string(black_box(&seed))),
        "json_ser_value_seed" => measured(n, |_| serde_json::to_string(black_box(&seed_value))),
        "json_de_large" => measured(n, |_| de(black_box(&large_json))),
        "json_de_validate_large" => measured(n, |_| validate(&de(black_box(&large_json)))),
        "json_value_large" => measured(n, |_| {
            serde_json::from_str::<serde_json::Value>(black_box(&large_json))
        }),
        "json_ser_large" => measured(n, |_| serde_json::to_string(black_box(&large))),
        "json_ser_value_large" => {
            measured(n, |_| serde_json::to_string(black_box(&large_value)));
        }
        "rollup_add" => {
            let mut generator = support::Generator::new();
            let mut rollup = Rollup::new(Edition::E2021);
            measured(n, |i| {
                let report = generator.report(i);
                rollup.add(black_box(report)).expect("no overflow");
            });
            black_box(&rollup);
        }
        "generate" => {
            let mut generator = support::Generator::new();
            measured(n, |i| generator.report(i).year());
        }
        "html_seed" => measured(n, |_| render::html(black_box(&seed), &html)),
        "tidy_seed" => measured(n, |_| tidy_string(black_box(&seed))),
        "text_seed" => measured(n, |_| render::text(black_box(&seed))),
        "markdown_seed" => measured(n, |_| render::markdown(black_box(&seed))),
        "import_seed" => measured(n, |_| ogi_report::import(black_box(support::SEED_PAGE))),
        "import_gaoling" => measured(n, |_| ogi_report::import(black_box(GAOLING))),
        "import_crawler" => measured(n, |_| ogi_report::import(black_box(CRAWLER))),
        "import_html" => measured(n, |_| ogi_report::import(black_box(PINGTAN))),
        _ => {
            eprintln!("unknown workload {name}; one of {}", WORKLOADS.join(", "));
            std::process::exit(2);
        }
    }
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` passes nothing or test flags.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    match args.as_slice() {
        [name, n] => run(name, n.parse().expect("a count")),
        [name] => run(name, 1),
        _ => {
            for name in WORKLOADS {
                run(name, 1);
            }
        }
    }
}
