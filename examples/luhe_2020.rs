//! The reference case: 陆河县人民政府's report for 2020 (2019 edition, published
//! 2021-02-19), assembled with the crate and printed as JSON.
//!
//! Run with `cargo run --example luhe_2020 [-- PAGE.html]`: prints the report as JSON, its
//! findings and the plain-text layout, and writes the HTML page to `PAGE.html` (by default
//! `luhe_2020.html` in the current directory), with the cell this example leaves blank
//! marked; standard error says where the page went.
//!
//! Every number is the published report's. 表二 is built as printed (it has no totals);
//! 表三 is assembled from its detail cells, and the totals the crate derives are the ones
//! the report prints. The sections' texts are taken byte for byte from the page text in
//! `tests/fixtures/luhe_2020.txt`.
//!
//! 表四 is printed with 14 of its 15 cells. Building it as printed is an error, shown
//! first. The example then builds it under one stated reading (see [`APPEALS_READING`]).

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use ogi_report::render::{self, HtmlOptions};
use ogi_report::{
    AnnualReport, Appeals, BodyKind, Edition, Error, OtherMatters, Proactive, RequestDetails,
    RequestRow, Requests, Section, TableError,
};

/// The page text of the published report.
const PAGE: &str = include_str!("../tests/fixtures/luhe_2020.txt");

/// 表四 exactly as the page prints it: 14 cells.
const APPEALS_PRINTED: [&str; 14] = [
    "0", "0", "0", "0", "0", "\u{a0}1", "\u{a0}0", "\u{a0}0", "\u{a0}1", "\u{a0}0", "\u{a0}0",
    "\u{a0}0", "\u{a0}0", "0",
];

/// The reading of the 14 printed cells under which this example builds 表四.
const APPEALS_READING: &str = "\
Reading of 表四: the 14 printed values fill the 15 cells in order with one cell left blank.
Laid out literally, the 未经复议直接起诉 group would read 1 0 0 1 with a total of 0, which
cannot be, so the gap lies at or before that group's total. Nine positions for the gap make
every group total equal to the sum of its parts; they disagree on whether the one direct suit
was upheld (gap at 结果纠正, 其他结果 or 尚未审结 of that group) or corrected (gap anywhere
in 行政复议 or at 结果维持). This example keeps the most cells where a literal reading puts
them, and so takes 行政诉讼 · 未经复议直接起诉 · 尚未审结 (t4.suit_direct.pending) as the
missing cell, kept blank: 行政复议 0 0 0 0 0; 未经复议直接起诉 1 0 0 _ 1; 复议后起诉 0 0 0 0 0.
The checks report the rule that reads the blank cell as not assessable.";

/// Where a section's text starts and ends in the page text.
const SECTIONS: [(&str, &str); 3] = [
    (Section::Overview.heading(), Section::Proactive.heading()),
    (Section::Problems.heading(), Section::OtherMatters.heading()),
    (Section::OtherMatters.heading(), "扫一扫在手机打开当前页"),
];

/// The text between a heading line and the next heading, byte for byte, without the
/// blank lines around it.
fn section(heading: &str, next: &str) -> String {
    let start = PAGE.find(heading).map_or(0, |i| i + heading.len());
    let end = PAGE[start..].find(next).map_or(PAGE.len(), |i| start + i);
    let body = &PAGE[start..end];
    let first = body.find(|c| c != '\n').unwrap_or(body.len());
    // Back to the start of the first non-blank line, keeping its indentation.
    let first = body[..first].rfind('\n').map_or(0, |i| i + 1);
    let body = &body[first..];
    let trimmed = body.trim_end_matches(|c: char| c.is_whitespace());
    let last_line_start = trimmed.rfind('\n').map_or(0, |i| i + 1);
    // Keep the last line whole (a line may end in spaces); drop only the blank lines after.
    let end_of_last = body[last_line_start..]
        .find('\n')
        .map_or(body.len(), |i| last_line_start + i);
    body[..end_of_last].to_owned()
}

/// 表二 exactly as the page prints it, in printed order (表二 has no totals to derive).
const PROACTIVE_PRINTED: [&str; 22] = [
    "0",
    "0",
    "0",
    "4",
    "4",
    "10",
    "1004",
    "0",
    "43797",
    "1377",
    "0",
    "169",
    "5338",
    "0",
    "5573",
    "285",
    "0",
    "588",
    "0",
    "\u{a0}0",
    "276",
    "29451519.23",
];

/// 表三 assembled from its detail cells; the totals it derives are the ones printed.
fn requests() -> Result<Requests, TableError> {
    let mut d = RequestDetails::new(Edition::E2019);
    d.set(RequestRow::New, [10, 1, 0, 0, 0, 0])?;
    d.set(RequestRow::CarriedOver, [0; 6])?;
    d.set(RequestRow::Disclosed, [0, 1, 0, 0, 0, 0])?;
    d.set(RequestRow::PartlyDisclosed, [1, 0, 0, 0, 0, 0])?;
    d.set(RequestRow::NotHeld, [7, 0, 0, 0, 0, 0])?;
    d.set(RequestRow::StillUnclear, [1, 0, 0, 0, 0, 0])?;
    Requests::assemble(&d)
}

/// 表四 under the stated reading: the 14 printed values with the blank inserted.
fn appeals() -> Result<Appeals, TableError> {
    let gap = 8; // t4.suit_direct.pending, the 9th cell
    let mut cells: Vec<&str> = APPEALS_PRINTED.to_vec();
    cells.insert(gap, "");
    Appeals::from_printed(&cells)
}

/// The whole report under the stated reading of 表四.
///
/// # Errors
/// Only if the crate rejects one of the seed's values, which the tests rule out.
fn report() -> Result<AnnualReport, Error> {
    let [overview, problems, other] = SECTIONS.map(|(h, n)| section(h, n));
    Ok(
        AnnualReport::builder(Edition::E2019, 2020, "陆河县人民政府", BodyKind::Government)
            .published(NaiveDate::from_ymd_opt(2021, 2, 19).unwrap_or_default())
            .overview(overview)
            .proactive(Proactive::from_printed(Edition::E2019, &PROACTIVE_PRINTED)?)
            .requests(requests()?)
            .appeals(appeals()?)
            .problems(problems)
            .other_matters(OtherMatters::new(other))
            .build()?,
    )
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("luhe_2020: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the report and writes its HTML page; an error is a sentence for the user.
fn run() -> Result<(), String> {
    match Appeals::from_printed(&APPEALS_PRINTED) {
        Ok(_) => return Err("the seed's 表四 should not build as printed".into()),
        Err(e) => eprintln!("表四 as printed: error: {e}\n\n{APPEALS_READING}\n"),
    }
    let report = report().map_err(|e| format!("the seed report does not build: {e}"))?;
    let json = serde_json::to_string_pretty(&report)
        .map_err(|e| format!("the report cannot be written as JSON: {e}"))?;
    println!("{json}");
    // The findings, one line each, then the summary line (as the `check` example prints):
    // those of the tables, then those of the texts against the tables (the seed's 一 says
    // it received 3 applications, its 表三 says 11).
    let mut findings = ogi_report::validate(&report);
    findings.extend(ogi_report::validate_narrative(&report));
    println!("{}", findings.display_in(&report));

    // The HTML page, each finding marked on the cells it cites (and on its sentence).
    let options = HtmlOptions::from_findings(&findings);
    let path = std::env::args_os()
        .nth(1)
        .map_or_else(|| PathBuf::from("luhe_2020.html"), PathBuf::from);
    let path = std::path::absolute(&path).unwrap_or(path);
    std::fs::write(&path, render::html(&report, &options))
        .map_err(|e| format!("cannot write the HTML page to {}: {e}", path.display()))?;
    eprintln!("HTML page written to {}", path.display());
    print!("\n{}", render::text(&report));
    Ok(())
}
