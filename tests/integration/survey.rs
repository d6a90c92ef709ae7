//! The survey of a folder (`survey` feature): every output checked against what the
//! single-file API gives for each file, done independently here, and the outputs the same
//! on one thread and on two.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ogi_report::survey::{self, Options};
use ogi_report::{
    AnnualReport, BytesError, CellRef, Edition, Findings, Rollup, TidyCell, import, import_bytes,
    render, validate, validate_narrative, validate_pair,
};

/// A folder in the temporary directory, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("ogi-survey-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("a temporary folder");
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> AnnualReport {
    let text =
        std::fs::read_to_string(format!("tests/fixtures/checks/{name}.json")).expect("fixture");
    serde_json::from_str(&text).expect("a report")
}

/// The extra inputs: one body's reports of 2019 (page text in GBK), 2020 (page text) and
/// 2021 (HTML), a file that is no report, a file that no encoding reads.
fn write_inputs(dir: &Path) {
    let text = render::text(&fixture("county_2019"));
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.join("a_county_2019.txt"), &*gbk).expect("write");
    std::fs::write(
        dir.join("b_county_2020.txt"),
        render::text(&fixture("county_2020")),
    )
    .expect("write");
    let html = render::html(&fixture("county_2021"), &render::HtmlOptions::new());
    std::fs::write(dir.join("c_county_2021.html"), html).expect("write");
    std::fs::write(dir.join("d_readme.md"), "# Notes\n\nNothing to see here.\n").expect("write");
    std::fs::write(dir.join("e_binary.bin"), b"\x00\x01\xff\xff\xfe\x81\x00").expect("write");
}

/// Every file under the path, each folder's entries sorted by name.
fn files(path: &Path, into: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("a folder")
            .map(|e| e.expect("an entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            files(&entry, into);
        }
    } else {
        into.push(path.to_owned());
    }
}

/// The report in a file as `import_bytes` reads it, page text in GBK decoded first.
fn import_file(path: &Path) -> Option<ogi_report::Imported> {
    let bytes = std::fs::read(path).expect("a file");
    match import_bytes(&bytes) {
        Ok(imported) => Some(imported),
        Err(BytesError::NotUtf8 { .. }) => {
            let (text, _, malformed) = encoding_rs::GB18030.decode(&bytes);
            if malformed { None } else { import(&text).ok() }
        }
        Err(_) => None,
    }
}

fn escape(field: &str) -> String {
    field
        .replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn finding_line(
    file: &str,
    report: &AnnualReport,
    f: &ogi_report::Finding,
    previous: &str,
) -> String {
    let cells: Vec<String> = f.cells().map(|c| c.to_string()).collect();
    let line = f.display_in(report).to_string();
    let message = &line[line.find(" | ").expect("a message") + 3..];
    let show = |v: Option<ogi_report::Figure>| v.map(|v| v.to_string()).unwrap_or_default();
    [
        file.to_owned(),
        report.body().to_owned(),
        report.year().to_string(),
        f.rule_id().to_string(),
        f.level().to_string(),
        cells.join(","),
        show(f.stated()),
        show(f.computed()),
        message.to_owned(),
        previous.to_owned(),
    ]
    .iter()
    .map(|s| escape(s))
    .collect::<Vec<_>>()
    .join("\t")
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn rollup_lines(edition: Edition, year: &str, rollup: &Rollup) -> Vec<String> {
    CellRef::all(edition)
        .map(|cell| {
            let value = TidyCell::new(cell, rollup.get(cell)).to_string();
            let filled = TidyCell::new(cell, rollup.filled_sum(cell)).to_string();
            let value: Vec<&str> = value.split('\t').collect();
            let filled: Vec<&str> = filled.split('\t').collect();
            format!(
                "{edition}\t{year}\t{}\t{cell}\t{}\t{}\t{}\t{}",
                rollup.reports(),
                value[1],
                value[2],
                filled[1],
                rollup.blanks(cell).unwrap_or(0)
            )
        })
        .collect()
}

/// The outputs of the two folders are the same bytes, pages included.
fn assert_same_outputs(one: &Path, two: &Path) {
    // The same bytes whatever the threads, pages included.
    let mut written = Vec::new();
    files(one, &mut written);
    let mut written_two = Vec::new();
    files(two, &mut written_two);
    assert_eq!(written.len(), written_two.len());
    for path in &written {
        let other = two.join(path.strip_prefix(one).expect("under the folder"));
        assert!(
            std::fs::read(path).expect("read") == std::fs::read(&other).expect("read"),
            "{} differs between 1 and 2 threads",
            path.display()
        );
    }
}

/// What each file gives on its own.
struct Expected {
    jsonl: Vec<String>,
    cells: Vec<String>,
    findings: Vec<String>,
    /// Each import note: the start of its line (file) and its end (location, message).
    notes: Vec<(String, String)>,
    reports: BTreeMap<String, AnnualReport>,
    by_edition: BTreeMap<Edition, Rollup>,
    by_year: BTreeMap<(u16, Edition), Rollup>,
    pages: Vec<String>,
}

fn expected(all: &[PathBuf]) -> Expected {
    let mut jsonl = Vec::new();
    let mut cells = vec!["file\tbody\tyear\tedition\tcode\tvalue\tunit".to_owned()];
    let mut findings = vec![
        "file\tbody\tyear\trule\tlevel\tcells\tstated\tcomputed\tmessage\tprevious".to_owned(),
    ];
    let mut notes = Vec::new();
    let mut reports: BTreeMap<String, AnnualReport> = BTreeMap::new();
    let mut by_edition: BTreeMap<Edition, Rollup> = BTreeMap::new();
    let mut by_year: BTreeMap<(u16, Edition), Rollup> = BTreeMap::new();
    let mut pages = Vec::new();
    for path in all {
        let file = path.to_string_lossy().into_owned();
        let Some(imported) = import_file(path) else {
            continue;
        };
        let report = imported.report;
        jsonl.push(serde_json::to_string(&report).expect("JSON"));
        for cell in ogi_report::tidy::cells(&report) {
            cells.push(format!(
                "{}\t{}\t{}\t{}\t{cell}",
                escape(&file),
                escape(report.body()),
                report.year(),
                report.edition()
            ));
        }
        let mut own: Findings = validate(&report);
        own.extend(validate_narrative(&report));
        for f in &own {
            findings.push(finding_line(&file, &report, f, ""));
        }
        for note in &imported.notes {
            let tail = format!(
                "\t{}\t{}",
                escape(&note.at.to_string()),
                escape(&note.kind.to_string())
            );
            notes.push((format!("{}\t", escape(&file)), tail));
        }
        pages.push(render::html(
            &report,
            &render::HtmlOptions::from_findings(&own),
        ));
        let edition = report.edition();
        let mut trial = by_edition
            .get(&edition)
            .cloned()
            .unwrap_or_else(|| Rollup::new(edition));
        let mut year = by_year
            .get(&(report.year(), edition))
            .cloned()
            .unwrap_or_else(|| Rollup::new(edition));
        if trial.add(&report).is_ok() && year.add(&report).is_ok() {
            by_edition.insert(edition, trial);
            by_year.insert((report.year(), edition), year);
        }
        reports.insert(file, report);
    }
    Expected {
        jsonl,
        cells,
        findings,
        notes,
        reports,
        by_edition,
        by_year,
        pages,
    }
}

/// notes.tsv: every import note, in order, among the survey's own.
fn check_notes(out: &Path, notes: &[(String, String)], inputs: &Path) {
    let read_notes = read(out, "notes.tsv");
    let mut lines = read_notes.lines();
    assert_eq!(lines.next(), Some("file\tkind\tlocation\tmessage"));
    let lines: Vec<&str> = lines.collect();
    let mut at = 0;
    for (head, tail) in notes {
        let found = lines[at..]
            .iter()
            .position(|l| l.starts_with(head) && l.ends_with(tail) && l.split('\t').count() == 4)
            .unwrap_or_else(|| panic!("note {head}…{tail} not in notes.tsv in order"));
        at += found + 1;
    }
    let note_of = |file: &str, kind: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{}\t{kind}\t", inputs.join(file).display())))
    };
    assert!(note_of("d_readme.md", "not_a_report"));
    assert!(note_of("e_binary.bin", "not_utf8"));
    assert!(note_of("a_county_2019.txt", "decoded_gb18030"));
}

/// rollup.tsv: per edition, then per (year, edition).
fn check_rollup(
    out: &Path,
    by_edition: &BTreeMap<Edition, Rollup>,
    by_year: &BTreeMap<(u16, Edition), Rollup>,
) {
    let mut rollup =
        vec!["edition\tyear\treports\tcode\tvalue\tunit\tfilled_sum\tblanks".to_owned()];
    for (edition, r) in by_edition {
        rollup.extend(rollup_lines(*edition, "", r));
    }
    for ((year, edition), r) in by_year {
        rollup.extend(rollup_lines(*edition, &year.to_string(), r));
    }
    assert_eq!(read(out, "rollup.tsv").lines().collect::<Vec<_>>(), rollup);
}

/// index.html links each report's page, which is its page with its findings marked.
fn check_index(out: &Path, reports: usize, pages: &[String]) {
    let index = read(out, "index.html");
    assert!(!index.contains("<script"));
    assert!(index.contains("<svg"));
    let mut links: Vec<&str> = index
        .split("href=\"pages/")
        .skip(1)
        .map(|s| &s[..s.find('"').expect("a quoted link")])
        .collect();
    links.sort_unstable();
    assert_eq!(links.len(), reports);
    let mut written_pages = Vec::new();
    files(&out.join("pages"), &mut written_pages);
    assert_eq!(written_pages.len(), reports);
    for (page, expected) in written_pages.iter().zip(pages) {
        let name = page.file_name().and_then(|n| n.to_str()).expect("a name");
        assert!(links.binary_search(&name).is_ok(), "{name} not linked");
        assert!(
            &read(page.parent().expect("pages"), name) == expected,
            "{name}"
        );
    }
}

#[test]
fn survey_of_the_fixtures_matches_the_single_file_results() {
    let inputs = TempDir::new("inputs");
    write_inputs(&inputs.0);
    let paths = vec![PathBuf::from("tests/fixtures"), inputs.0.clone()];
    let one = TempDir::new("one");
    let two = TempDir::new("two");
    let totals = survey::run(&paths, &Options::new(&one.0).threads(1), &mut ()).expect("survey");
    let totals_two =
        survey::run(&paths, &Options::new(&two.0).threads(2), &mut ()).expect("survey");
    assert_eq!(totals, totals_two);

    assert_same_outputs(&one.0, &two.0);
    let out = &one.0;

    // Each file on its own.
    let mut all = Vec::new();
    for path in &paths {
        files(path, &mut all);
    }
    assert_eq!(totals.files, all.len());
    let Expected {
        jsonl,
        cells,
        mut findings,
        notes,
        reports,
        by_edition,
        by_year,
        pages,
    } = expected(&all);
    assert!(totals.reports >= 20, "{totals}");
    assert_eq!(totals.reports, jsonl.len());

    // reports.jsonl: one line per report, in file order.
    let read_jsonl = read(out, "reports.jsonl");
    assert_eq!(read_jsonl.lines().collect::<Vec<_>>(), jsonl);
    // cells.tsv.
    assert_eq!(read(out, "cells.tsv").lines().collect::<Vec<_>>(), cells);

    // findings.tsv: every report's own findings, then the pairs'.
    let county = |name: &str| inputs.0.join(name).to_string_lossy().into_owned();
    let (y2019, y2020, y2021) = (
        county("a_county_2019.txt"),
        county("b_county_2020.txt"),
        county("c_county_2021.html"),
    );
    for (previous, next) in [(&y2019, &y2020), (&y2020, &y2021)] {
        let pair = validate_pair(&reports[previous], &reports[next]).expect("consecutive");
        for f in &pair {
            findings.push(finding_line(next, &reports[next], f, previous));
        }
    }
    let read_findings = read(out, "findings.tsv");
    let read_findings: Vec<&str> = read_findings.lines().collect();
    assert_eq!(read_findings, findings);
    assert_eq!(totals.pairs, 2);
    assert!(
        read_findings
            .iter()
            .any(|l| l.contains("\tx.item_count\t") && l.ends_with(&format!("\t{y2019}"))),
        "the 2019 → 2020 pair's carry-over of items is found"
    );

    check_notes(out, &notes, &inputs.0);

    check_rollup(out, &by_edition, &by_year);
    check_index(out, totals.reports, &pages);
}

#[test]
fn a_missing_path_is_a_note_and_an_unwritable_output_an_error() {
    let out = TempDir::new("missing");
    let totals = survey::run(
        &[PathBuf::from("tests/fixtures/no-such-file")],
        &Options::new(&out.0),
        &mut (),
    )
    .expect("survey");
    assert_eq!((totals.files, totals.reports, totals.failed), (1, 0, 1));
    let notes = read(&out.0, "notes.tsv");
    assert!(
        notes.contains("tests/fixtures/no-such-file\tunreadable\t\tcannot be read: "),
        "{notes}"
    );
    assert_eq!(read(&out.0, "reports.jsonl"), "");

    let err = survey::run(&[], &Options::new(out.0.join("notes.tsv")), &mut ()).unwrap_err();
    assert!(err.to_string().starts_with("cannot write "), "{err}");
}
