//! A survey of many report pages at once: every file under the paths imported and
//! checked, pairs of years checked, everything rolled up, an audit written.
//!
//! ```text
//! cargo run --release --features survey --example survey -- PATH... --out DIR [--jobs N]
//! ```
//!
//! Writes into `DIR`: `reports.jsonl`, `cells.tsv`, `findings.tsv`, `notes.tsv`,
//! `rollup.tsv`, `index.html` and one page per report under `pages/` (see the
//! `ogi_report::survey` module for their form). `--jobs N` reads on N threads (default:
//! every core); the outputs are the same whatever N.
//!
//! On a terminal, standard error shows a progress line (files done, reports read, errors
//! found, rate, time left); otherwise one log line every 1,000 files. The last line says
//! what was read and found.
//!
//! Exit status: 0 when the survey ran (whatever the files hold), 2 for a wrong command line
//! or when an output cannot be written.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use ogi_report::survey::{self, Options, Progress, Totals};

/// The progress line on a terminal, log lines otherwise.
struct Shown {
    terminal: bool,
    files: usize,
    start: Instant,
    last: Instant,
}

impl Shown {
    fn line(&self, totals: &Totals) -> String {
        let elapsed = self.start.elapsed().as_secs_f64();
        let rate = if elapsed > 0.0 {
            count_f64(totals.files) / elapsed
        } else {
            0.0
        };
        let left = if rate > 0.0 {
            count_f64(self.files.saturating_sub(totals.files)) / rate
        } else {
            0.0
        };
        format!(
            "{}/{} files, {} reports, {} errors found, {rate:.0} files/s, {} left",
            totals.files,
            self.files,
            totals.reports,
            totals.findings.error,
            clock(left)
        )
    }
}

/// A count as a float, for a rate (exact below 2^52).
fn count_f64(n: usize) -> f64 {
    f64::from(u32::try_from(n).unwrap_or(u32::MAX))
}

/// Seconds as `1h02m03s`, `2m03s` or `3s`.
fn clock(seconds: f64) -> String {
    let s = Duration::from_secs_f64(seconds.max(0.0)).as_secs();
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m{s:02}s"),
        (h, m, s) => format!("{h}h{m:02}m{s:02}s"),
    }
}

impl Progress for Shown {
    fn start(&mut self, files: usize) {
        self.files = files;
        self.start = Instant::now();
        eprintln!("survey: {files} files to read");
    }

    fn file(&mut self, _path: &Path, totals: &Totals) {
        if self.terminal {
            if self.last.elapsed() >= Duration::from_millis(100) || totals.files == self.files {
                self.last = Instant::now();
                let mut err = io::stderr().lock();
                let _ = write!(err, "\r\x1b[2K{}", self.line(totals));
                let _ = err.flush();
            }
        } else if totals.files % 1000 == 0 || totals.files == self.files {
            eprintln!("survey: {}", self.line(totals));
        }
    }

    fn pairing(&mut self, bodies: usize) {
        if self.terminal {
            eprintln!();
        }
        eprintln!("survey: checking the pairs of years of {bodies} bodies");
    }
}

/// The command line: the paths, the output folder, the threads.
fn parse(args: &[String]) -> Result<(Vec<PathBuf>, Options), String> {
    let mut paths = Vec::new();
    let mut out = None;
    let mut jobs = 0;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--out" => out = Some(args.next().ok_or("--out needs a folder")?),
            "--jobs" => {
                let n = args.next().ok_or("--jobs needs a number")?;
                jobs = n
                    .parse()
                    .map_err(|_| format!("--jobs needs a number of threads, not {n:?}"))?;
            }
            a if a.starts_with("--") => return Err(format!("unknown option {a}")),
            a => paths.push(PathBuf::from(a)),
        }
    }
    let out = out.ok_or("the output folder is missing (--out DIR)")?;
    if paths.is_empty() {
        return Err("no path to read".into());
    }
    Ok((paths, Options::new(out).threads(jobs)))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (paths, options) = match parse(&args) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprintln!("survey: {e}.\nusage: survey PATH... --out DIR [--jobs N]");
            return ExitCode::from(2);
        }
    };
    let mut shown = Shown {
        terminal: io::stderr().is_terminal(),
        files: 0,
        start: Instant::now(),
        last: Instant::now(),
    };
    match survey::run(&paths, &options, &mut shown) {
        Ok(totals) => {
            eprintln!(
                "survey: {totals}; written to {} in {}.",
                options.out.display(),
                clock(shown.start.elapsed().as_secs_f64())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("\nsurvey: the survey stopped: {e}.");
            ExitCode::from(2)
        }
    }
}
