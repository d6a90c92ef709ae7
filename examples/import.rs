//! Imports a published report page, its text or its HTML, and prints the report and its
//! findings.
//!
//! ```text
//! cargo run --example import -- PAGE.txt
//! cargo run --example import -- --cells PAGE.html
//! ```
//!
//! The file is read with `import_bytes`: page text must be UTF-8; an HTML page is decoded
//! as a browser decodes it (its `<meta>` charset, GBK and GB18030 included) and read from
//! its markup, tables from their grids.
//!
//! Standard output: the report in the crate's JSON form (pretty-printed), or with
//! `--cells` its tidy cells instead, exactly as the `cells` example prints them for one
//! file (`code<TAB>value<TAB>unit`, one line per cell in the official order); then the
//! report's findings exactly as the `check` example prints them (those of `validate`, then
//! those of `validate_narrative`, the texts against the tables): one line per finding,
//! then the summary line `N error, N warning, N info, N unassessable`.
//!
//! Standard error: the importer's notes, one per line, each after the file name
//! (`PAGE.txt: line 573, t4, row -, cell -: 表四 cannot be read: …`).
//!
//! Exit status: 2 when the page cannot be read at all (the file cannot be read, page text
//! is not UTF-8, or the importer finds no report in it), with a message naming the file, and for
//! a wrong command line; otherwise 0, whatever the notes and the findings say.

use std::io::{self, ErrorKind, Write};
use std::process::ExitCode;

use ogi_report::{import_bytes, tidy, validate, validate_narrative};

/// Runs the example on its command-line arguments (without the program name), writing
/// the report and its findings to `out` and the notes and errors to `err`; returns the
/// exit status.
///
/// # Errors
/// Only when writing to `out` or `err` fails.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> io::Result<u8> {
    let cells = args.iter().any(|a| a == "--cells");
    let paths: Vec<&String> = args.iter().filter(|a| *a != "--cells").collect();
    let [path] = paths.as_slice() else {
        writeln!(err, "usage: import [--cells] PAGE.txt|PAGE.html")?;
        return Ok(2);
    };
    if path.starts_with("--") {
        writeln!(err, "import: unknown option {path}")?;
        return Ok(2);
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            writeln!(err, "{path}: cannot read: {e}")?;
            return Ok(2);
        }
    };
    let imported = match import_bytes(&bytes) {
        Ok(imported) => imported,
        Err(e) => {
            writeln!(err, "{path}: {e}")?;
            return Ok(2);
        }
    };
    for note in &imported.notes {
        writeln!(err, "{path}: {note}")?;
    }
    let report = &imported.report;
    if cells {
        for cell in tidy::cells(report) {
            writeln!(out, "{cell}")?;
        }
    } else {
        let json = serde_json::to_string_pretty(report).map_err(io::Error::other)?;
        writeln!(out, "{json}")?;
    }
    let mut findings = validate(report);
    findings.extend(validate_narrative(report));
    writeln!(out, "{}", findings.display_in(report))?;
    Ok(0)
}

#[allow(dead_code, reason = "the tests include this file as a module")]
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args, &mut io::stdout().lock(), &mut io::stderr().lock()) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("import: {e}");
            ExitCode::from(2)
        }
    }
}
