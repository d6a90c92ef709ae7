//! Checks reports in the crate's JSON form and prints their findings.
//!
//! ```text
//! cargo run --example check -- FILE.json...
//! ```
//!
//! Standard output has one line per finding, exactly as a finding displays:
//!
//! ```text
//! <severity> <rule-id> <cell codes, comma-separated> stated=<value> computed=<value> | <English message> / <中文信息>
//! ```
//!
//! with severity one of `error`, `warning`, `info`, `unassessable` and `-` where a finding
//! has no cells, no stated or no computed value, then one summary line
//! `N error, N warning, N info, N unassessable` over all files. Each report is validated
//! alone (`validate`), and its texts are checked against its tables (`validate_narrative`:
//! a finding of a `narrative.*` rule names the sentence's section and byte range and
//! quotes it in both messages); then every two reports of the same body and kind of body
//! for consecutive years are checked as a pair (上年结转 against 结转下年度继续办理, …). Which file the findings
//! that follow belong to is said on standard error, so standard output stays one line per
//! finding.
//!
//! Exit status: 2 when a file cannot be read or parsed (the message names the file and,
//! from the deserialiser, the field; the other files are still checked), otherwise 1 when
//! any error rule failed, otherwise 0.

use std::io::{self, Write};
use std::process::ExitCode;

use ogi_report::{AnnualReport, Findings, Summary, validate, validate_narrative, validate_pair};

/// Runs the check on the files, writing findings to `out` and notes to `err`; returns the
/// exit status.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn run(paths: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    if paths.is_empty() {
        writeln!(err, "usage: check FILE.json...")?;
        return Ok(2);
    }
    let mut unreadable = false;
    let mut reports: Vec<(&str, AnnualReport)> = Vec::new();
    for path in paths {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                writeln!(err, "{path}: cannot read: {e}")?;
                unreadable = true;
                continue;
            }
        };
        match serde_json::from_str::<AnnualReport>(&text) {
            Ok(report) => reports.push((path, report)),
            Err(e) => {
                writeln!(err, "{path}: {e}")?;
                unreadable = true;
            }
        }
    }

    let mut summary = Summary::default();
    let mut print =
        |findings: &Findings, report: &AnnualReport, out: &mut dyn Write| -> io::Result<()> {
            for finding in findings {
                writeln!(out, "{}", finding.display_in(report))?;
            }
            summary.merge(findings.summary());
            Ok(())
        };
    for (path, report) in &reports {
        writeln!(
            err,
            "{path}: {} {} ({} edition)",
            report.body(),
            report.year(),
            report.edition()
        )?;
        let mut findings = validate(report);
        findings.extend(validate_narrative(report));
        print(&findings, report, out)?;
    }
    for (i, (path, previous)) in reports.iter().enumerate() {
        for (next_path, next) in &reports[i + 1..] {
            let (first, second, first_path, second_path) = if previous.year() < next.year() {
                (previous, next, path, next_path)
            } else {
                (next, previous, next_path, path)
            };
            if first.body() != second.body() || first.kind() != second.kind() {
                continue;
            }
            // Not of consecutive years: not a pair, nothing to check.
            let Ok(findings) = validate_pair(first, second) else {
                continue;
            };
            writeln!(
                err,
                "{first_path} → {second_path}: {} {} → {}",
                first.body(),
                first.year(),
                second.year()
            )?;
            print(&findings, second, out)?;
        }
    }
    writeln!(out, "{summary}")?;
    Ok(if unreadable {
        2
    } else {
        u8::from(summary.error > 0)
    })
}

#[allow(dead_code, reason = "the tests include this file as a module")]
fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let status = run(&paths, &mut io::stdout().lock(), &mut io::stderr().lock());
    match status {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("check: {e}");
            ExitCode::from(2)
        }
    }
}
