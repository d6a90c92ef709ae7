//! Imports the text of a published report page and prints the report as JSON, then the
//! importer's notes (on standard error).
//!
//! Run with `cargo run --example import -- PAGE.txt`; add `--cells` to print the cells
//! instead of the JSON, one per line: `code<TAB>value<TAB>unit`. The exit status is
//! non-zero only when the page cannot be read at all.

use std::fmt::Write as _;
use std::process::ExitCode;

use ogi_report::{AnnualReport, Value};

/// The tidy cells of a report: `code<TAB>value<TAB>unit`, one line per cell in printed
/// order; a blank cell has an empty value.
fn tidy_cells(report: &AnnualReport) -> String {
    let mut out = String::new();
    for (cell, value) in report.cells() {
        let (value, unit) = match value {
            None => (String::new(), ""),
            Some(Value::Money(a)) => (a.value().to_string(), a.unit().code()),
            Some(v) => (v.to_string(), ""),
        };
        let _ = writeln!(out, "{cell}\t{value}\t{unit}");
    }
    out
}

fn main() -> ExitCode {
    let mut cells = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--cells" => cells = true,
            _ => path = Some(arg),
        }
    }
    let Some(path) = path else {
        eprintln!("usage: import [--cells] PAGE.txt");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let imported = match ogi_report::import(&text) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if cells {
        print!("{}", tidy_cells(&imported.report));
    } else {
        match serde_json::to_string_pretty(&imported.report) {
            Ok(json) => println!("{json}"),
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    for note in &imported.notes {
        eprintln!("note: {note}");
    }
    ExitCode::SUCCESS
}
