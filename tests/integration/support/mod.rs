//! What the tests share: the fixtures (the seed, the JSON reports, the corpus and its hand
//! transcriptions), report builders, proptest generators and configuration. Test modules
//! take what they share from here, never from each other.

pub(crate) mod build;
pub(crate) mod corpus;
pub(crate) mod generate;
pub(crate) mod money;
pub(crate) mod web;

use chrono::NaiveDate;
use ogi_report::{
    AnnualReport, Appeals, BodyKind, CellRef, Edition, FeeStatement, OtherMatters, Proactive,
    Requests, Value, ValueKind,
};
use proptest::test_runner::{Config, FileFailurePersistence};

/// The seed report: its page text, and the report as the `luhe_2020` example builds it.
pub(crate) mod luhe;

/// The directory of the output fixtures.
pub(crate) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/render");

/// The seed report (陆河县人民政府 2020, 2019 edition).
pub(crate) fn seed() -> AnnualReport {
    luhe::report().expect("the seed report builds")
}

/// A JSON fixture of `tests/fixtures/render`, read as a report.
pub(crate) fn fixture(name: &str) -> AnnualReport {
    fixture_at(&format!("{FIXTURES}/{name}"))
}

/// A JSON report read from a file.
fn fixture_at(path: &str) -> AnnualReport {
    let json = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A report whose every cell holds a value no other cell holds (counts from 101, changes
/// negative, money with a distinct fraction), so a cell printed in the wrong place shows.
/// The tables are taken as printed: nothing adds up, which the layout does not care about.
pub(crate) fn distinct(edition: Edition) -> AnnualReport {
    let mut t2 = Proactive::blank(edition);
    let mut t3 = Requests::blank(edition);
    let mut t4 = Appeals::blank();
    for (i, cell) in CellRef::all(edition).enumerate() {
        let n = 101 + u64::try_from(i).expect("few cells");
        let value = match cell.kind() {
            ValueKind::Count => Value::Count(n),
            ValueKind::Delta => Value::Delta(-i64::try_from(n).expect("few cells")),
            ValueKind::Money => Value::Money(format!("{n}.5万元").parse().expect("an amount")),
        };
        match cell {
            CellRef::Proactive(r, c) => t2.set(r, c, Some(value)).expect("a 表二 cell"),
            CellRef::Requests(r, c) => t3.set(r, c, Some(n)).expect("a 表三 cell"),
            CellRef::Appeals(g, c) => t4.set(g, c, Some(n)).expect("a 表四 cell"),
        }
    }
    let mut six = OtherMatters::new("全年未收取信息处理费。");
    if edition == Edition::E2021 {
        six.fees = Some(FeeStatement::new(
            Some(7),
            Some("1300元".parse().expect("an amount")),
            Some("1200元".parse().expect("an amount")),
        ));
    }
    AnnualReport::builder(edition, 2023, "某市<测试>&局", BodyKind::Department)
        .published(NaiveDate::from_ymd_opt(2024, 1, 30).expect("a date"))
        .overview("  一年来……\n\n（一）主动公开。<b>加粗</b> & 'x'")
        .proactive(t2)
        .requests(t3)
        .appeals(t4)
        .problems("*无*")
        .other_matters(six)
        .build()
        .expect("the report builds")
}

/// The directory of the narrative fixtures (reports transcribed by hand).
const NARRATIVE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/narrative");

/// A report of `tests/fixtures/narrative`, by name (without `.json`).
pub(crate) fn narrative_fixture(name: &str) -> AnnualReport {
    fixture_at(&format!("{NARRATIVE}/{name}.json"))
}

/// A proptest configuration: `cases` cases, failures persisted next to the sources.
pub(crate) fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

/// A date (valid by construction in the tests).
pub(crate) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// A cell by its code.
pub(crate) fn cell(code: &str) -> CellRef {
    code.parse().expect("a known cell code")
}

/// Sets any cell (`None` blanks it).
pub(crate) fn set(report: &mut AnnualReport, cell: CellRef, value: Option<Value>) {
    report
        .set(cell, value)
        .expect("a cell of the edition, a value of its kind");
}
