//! Importing pages, in bytes of input per second (the target: at least 50 MB/s): the seed
//! (陆河县人民政府 2020) and every form of text in the corpus — a PDF's text layer
//! (pdfplumber) and the three `pdftotext` modes of the same PDF, a converter's Markdown, a
//! crawler's text with the spacing gone, one cell per line, a short web capture. (HTML
//! pages: `cargo bench --bench html`.)
//!
//! `cargo bench --bench import`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

macro_rules! corpus {
    ($path:literal) => {
        include_str!(concat!("../tests/fixtures/corpus/", $path))
    };
}

/// The texts, by form.
const TEXTS: [(&str, &str); 9] = [
    ("seed", include_str!("../tests/fixtures/luhe_2020.txt")),
    (
        "huaian_2024_pdf",
        corpus!("full-huaian-city-govt-2024/source.txt"),
    ),
    (
        "huaian_2024_pdftotext",
        corpus!("full-huaian-city-govt-2024/pdftotext.txt"),
    ),
    (
        "huaian_2024_pdftotext_layout",
        corpus!("full-huaian-city-govt-2024/pdftotext-layout.txt"),
    ),
    (
        "huaian_2024_pdftotext_raw",
        corpus!("full-huaian-city-govt-2024/pdftotext-raw.txt"),
    ),
    (
        "shanghai_2024_markdown",
        corpus!("md-shanghai-kewei-2024/source.txt"),
    ),
    (
        "pingtan_2021_crawler",
        corpus!("crawler-pingtan-zone-govt-2021/source.txt"),
    ),
    (
        "hanyang_2022_cell_per_line",
        corpus!("06-wuhan-hanyang-govoffice-2022/source.txt"),
    ),
    (
        "gaoling_2021_web_capture",
        corpus!("12-xian-gaoling-shenpiju-2021/source.txt"),
    ),
];

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    for (name, text) in TEXTS {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| ogi_report::import(black_box(text))));
    }
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
