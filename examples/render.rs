//! Lays a report out as the official format prints it: an HTML page, Markdown, or plain
//! text for a terminal.
//!
//! `cargo run --example render -- (html|markdown|text) FILE.json`
//!
//! The file holds a report in the crate's JSON form; the layout goes to standard output. A
//! file that cannot be read or is not a report stops the run with exit code 2 and a message
//! naming the file (and the field).

use std::io::{ErrorKind, Write};
use std::process::ExitCode;

use ogi_report::AnnualReport;
use ogi_report::render::{self, HtmlOptions};

/// The layouts this example prints.
pub const FORMATS: [&str; 3] = ["html", "markdown", "text"];

/// The report in the JSON text laid out in the format.
///
/// # Errors
/// A message naming the file and the field when the text is not a report, or naming the
/// format when it is not one of [`FORMATS`].
pub fn layout(format: &str, name: &str, json: &str) -> Result<String, String> {
    let report: AnnualReport = serde_json::from_str(json).map_err(|e| format!("{name}: {e}"))?;
    match format {
        "html" => Ok(render::html(&report, &HtmlOptions::new())),
        "markdown" => Ok(render::markdown(&report)),
        "text" => Ok(render::text(&report)),
        other => Err(format!(
            "unknown format {other:?}, expected one of {}",
            FORMATS.join(", ")
        )),
    }
}

#[allow(dead_code, reason = "the tests include this file as a module")]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [format, path] = &args[..] else {
        eprintln!(
            "usage: cargo run --example render -- ({}) FILE.json",
            FORMATS.join("|")
        );
        return ExitCode::from(2);
    };
    let json = match std::fs::read_to_string(path) {
        Ok(json) => json,
        Err(e) => {
            eprintln!("render: {path}: cannot read: {e}");
            return ExitCode::from(2);
        }
    };
    let out = match layout(format, path, &json) {
        Ok(out) => out,
        Err(message) => {
            eprintln!("render: {message}");
            return ExitCode::from(2);
        }
    };
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: cannot write: {e}");
            ExitCode::FAILURE
        }
    }
}
