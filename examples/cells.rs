//! Prints the tidy cells of reports: one line `code<TAB>value<TAB>unit` per cell, in the
//! official order, for a dataframe, a spreadsheet or an SQL engine.
//!
//! `cargo run --example cells -- FILE.json...`
//!
//! Each file holds a report in the crate's JSON form. With several files, each line starts
//! with the file name and a tab. A file that cannot be read or is not a report stops the
//! run with exit code 2 and a message naming the file (and the field).

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use ogi_report::{AnnualReport, tidy};

/// The tidy lines of the reports, given as (file name, JSON text).
///
/// # Errors
/// A message naming the file and the field when a text is not a report.
pub fn tidy_lines(files: &[(String, String)]) -> Result<String, String> {
    let mut out = String::new();
    for (name, json) in files {
        let report: AnnualReport =
            serde_json::from_str(json).map_err(|e| format!("{name}: {e}"))?;
        for cell in tidy::cells(&report) {
            if files.len() > 1 {
                out.push_str(name);
                out.push('\t');
            }
            out.push_str(&cell.to_string());
            out.push('\n');
        }
    }
    Ok(out)
}

#[allow(dead_code, reason = "the tests include this file as a module")]
fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        eprintln!("usage: cargo run --example cells -- FILE.json...");
        return ExitCode::from(2);
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in paths {
        match std::fs::read_to_string(&path) {
            Ok(json) => files.push((path, json)),
            Err(e) => {
                eprintln!("cells: {path}: cannot read: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let lines = match tidy_lines(&files) {
        Ok(lines) => lines,
        Err(message) => {
            eprintln!("cells: {message}");
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().lock().write_all(lines.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cells: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}
