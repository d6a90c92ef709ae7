//! Tidy cells: every cell one record in the official order, read back into an equal report.

use ogi_report::{
    AnnualReport, Appeals, CellRef, Edition, Proactive, Requests, TidyCell, TidyError, tidy,
};
use proptest::prelude::*;

use crate::support::{FIXTURES, distinct, fixture, generate, seed};

#[path = "../../../examples/cells.rs"]
mod cells_example;

/// The report's metadata and texts with every table blank.
fn blank_like(report: &AnnualReport) -> AnnualReport {
    let edition = report.edition();
    let mut builder = AnnualReport::builder(edition, report.year(), report.body(), report.kind())
        .overview(report.overview())
        .proactive(Proactive::blank(edition))
        .requests(Requests::blank(edition))
        .appeals(Appeals::blank())
        .problems(report.problems())
        .other_matters(report.other_matters().clone());
    if let Some(date) = report.published() {
        builder = builder.published(date);
    }
    builder.build().expect("the metadata of a report builds")
}

fn tsv(report: &AnnualReport) -> String {
    tidy::cells(report).map(|c| c.to_string() + "\n").collect()
}

fn round_trip(report: &AnnualReport) {
    let text = tsv(report);
    let codes: Vec<String> = text
        .lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_owned())
        .collect();
    let official: Vec<String> = CellRef::all(report.edition())
        .map(|c| c.to_string())
        .collect();
    assert_eq!(codes, official, "one line per cell, in the official order");
    assert!(text.lines().all(|l| l.split('\t').count() == 3));
    let back = tidy::read(&blank_like(report), &text).expect("the tidy cells read back");
    assert_eq!(back, *report);
    // Equal amounts can differ in scale; the serde text cannot.
    assert_eq!(
        serde_json::to_string(&back).expect("serialises"),
        serde_json::to_string(report).expect("serialises")
    );
    for cell in tidy::cells(report) {
        assert_eq!(cell.to_string().parse::<TidyCell>(), Ok(cell));
    }
}

#[test]
fn the_fixtures_round_trip() {
    let seed = seed();
    assert_eq!(tidy::cells(&seed).count(), 198);
    round_trip(&seed);
    let hongze = fixture("hongze_2024.json");
    assert_eq!(tidy::cells(&hongze).count(), 200);
    round_trip(&hongze);
    round_trip(&distinct(Edition::E2019));
    round_trip(&distinct(Edition::E2021));
}

#[test]
fn the_seed_prints_as_cells_md_says() {
    let text = tsv(&seed());
    for line in [
        "t2.rules.made\t0\t",
        "t2.normative.total_public\t10\t",
        "t2.fees.delta\t0\t",
        "t2.procurement.amount\t29451519.23\t",
        "t3.new.natural_person\t10\t",
        "t3.unavailable.not_held.total\t7\t",
        "t3.results_total.total\t10\t",
        "t4.suit_direct.pending\t\t",
        "t4.suit_direct.total\t1\t",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}");
    }
    let hongze = tsv(&fixture("hongze_2024.json"));
    assert!(
        hongze
            .lines()
            .any(|l| l == "t2.fees.amount\t7545\twan_yuan")
    );
    assert!(
        hongze
            .lines()
            .any(|l| l == "t3.other_handling.unpaid_fee.total\t0\t")
    );
}

#[test]
fn lines_that_are_not_tidy_cells_are_named() {
    let base = blank_like(&seed());
    let err = |tsv: &str| tidy::read(&base, tsv).unwrap_err().to_string();
    assert_eq!(
        err("t2.rules.made\t1"),
        "line 1: expected 3 tab-separated fields (code, value, unit), found 2"
    );
    assert_eq!(
        err("t2.rules.make\t1\t"),
        r#"line 1: unknown cell code "t2.rules.make""#
    );
    assert_eq!(
        err("t3.new.total\t-1\t"),
        r#"line 1: t3.new.total: invalid number "-1""#
    );
    assert_eq!(
        err("t3.new.total\t+1\t"),
        r#"line 1: t3.new.total: invalid number "+1""#
    );
    assert_eq!(
        err("t3.new.total\t1,000\t"),
        r#"line 1: t3.new.total: invalid number "1,000""#
    );
    assert_eq!(
        err("t3.new.total\t99999999999999999999\t"),
        r#"line 1: t3.new.total: "99999999999999999999" is out of range"#
    );
    assert_eq!(
        err("t2.fees.delta\t+1\t"),
        r#"line 1: t2.fees.delta: invalid number "+1""#
    );
    assert_eq!(
        err("t2.fees.delta\t1\tyuan"),
        r#"line 1: t2.fees.delta: a signed change has no unit, found "yuan""#
    );
    assert_eq!(
        err("t2.procurement.amount\t\tyuan"),
        r#"line 1: t2.procurement.amount: a blank cell has no unit, found "yuan""#
    );
    assert_eq!(
        err("t2.procurement.amount\t1元\tyuan"),
        r#"line 1: t2.procurement.amount: invalid number "1元""#
    );
    assert_eq!(
        err("t2.procurement.amount\t1\tcny"),
        r#"line 1: t2.procurement.amount: unknown unit "cny", expected yuan, wan_yuan or nothing"#
    );
    assert_eq!(
        err("t2.procurement.amount\t-1\t"),
        r#"line 1: t2.procurement.amount: negative value "-1" (only 本年增/减 may be negative)"#
    );
    assert_eq!(
        err("t2.rules.made\t1\t\nt2.rules.issued\t1\t"),
        "line 2: t2.rules.issued is not a cell of the 2019 edition"
    );
    assert_eq!(
        err("t2.rules.made\t1\t\nt3.new.total\t1\t\nt2.rules.made\t2\t"),
        "line 3: t2.rules.made is given twice (first on line 1)"
    );
    assert_eq!(err(""), "no line gives t2.rules.made");
    let mut lines: Vec<String> = tsv(&seed()).lines().map(str::to_owned).collect();
    lines.remove(40);
    assert_eq!(
        err(&lines.join("\n")),
        "no line gives t3.disclosed.legal_services"
    );
    // Windows line ends read the same.
    let crlf = tsv(&seed()).replace('\n', "\r\n");
    assert_eq!(tidy::read(&base, &crlf), Ok(seed()));
}

#[test]
fn records_of_the_wrong_kind_are_named() {
    let base = blank_like(&seed());
    let mut records: Vec<TidyCell> = tidy::cells(&seed()).collect();
    let procurement = records[21];
    records[0] = TidyCell::new(records[0].cell, procurement.value);
    let err = tidy::rebuild(&base, records).unwrap_err();
    assert!(matches!(err, TidyError::Cell { line: 1, .. }));
    assert_eq!(
        err.to_string(),
        "line 1: t2.rules.made: expected a value of kind count, given amount"
    );
}

#[test]
fn the_cells_example_prints_one_file_or_several() {
    let read = |name: &str| {
        let path = format!("{FIXTURES}/{name}");
        (
            name.to_owned(),
            std::fs::read_to_string(path).expect("a fixture"),
        )
    };
    let luhe = read("luhe_2020.json");
    let hongze = read("hongze_2024.json");
    let one = cells_example::tidy_lines(std::slice::from_ref(&luhe)).expect("a report");
    assert_eq!(one, tsv(&seed()));
    let two = cells_example::tidy_lines(&[luhe.clone(), hongze]).expect("reports");
    assert_eq!(two.lines().count(), 198 + 200);
    assert_eq!(
        two.lines().next(),
        Some("luhe_2020.json\tt2.rules.made\t0\t")
    );
    assert_eq!(
        two.lines().last(),
        Some("hongze_2024.json\tt4.suit_after_review.total\t3\t")
    );
    let bad = (
        "bad.json".to_owned(),
        luhe.1.replace("\"upheld\": 0", "\"upheld\": -1"),
    );
    let err = cells_example::tidy_lines(&[luhe, bad]).unwrap_err();
    assert!(
        err.starts_with("bad.json: t4.review.upheld: negative count -1 at line"),
        "{err}"
    );
}

proptest! {
    #![proptest_config(crate::support::config(128))]

    #[test]
    fn generated_reports_round_trip(report in generate::report()) {
        round_trip(&report);
    }
}
