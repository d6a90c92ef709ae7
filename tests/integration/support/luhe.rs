//! The seed: 陆河县人民政府's report for 2020 (2019 edition), as published.

use ogi_report::AnnualReport;

/// The page text of the published report.
pub(crate) const PAGE: &str = include_str!("../../fixtures/luhe_2020.txt");

/// 表四 exactly as the page prints it: 14 cells.
pub(crate) const APPEALS_PRINTED: [&str; 14] = [
    "0", "0", "0", "0", "0", "\u{a0}1", "\u{a0}0", "\u{a0}0", "\u{a0}1", "\u{a0}0", "\u{a0}0",
    "\u{a0}0", "\u{a0}0", "0",
];

/// The report in the crate's JSON form: what `examples/luhe_2020.rs` builds from the
/// page with the crate (表四 under its stated reading, one cell blank) and prints
/// first; `.ci/run` compares the two.
const JSON: &str = include_str!("../../fixtures/render/luhe_2020.json");

/// The seed report.
///
/// # Errors
/// If the fixture is no longer a report in the JSON form.
pub(crate) fn report() -> Result<AnnualReport, serde_json::Error> {
    serde_json::from_str(JSON)
}
