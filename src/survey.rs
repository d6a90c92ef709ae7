//! A survey of many report pages at once: a folder of pages in, an audit out (with the
//! `survey` feature).
//!
//! [`run`] reads every file under the paths it is given, imports each with
//! [`import_bytes`] (page text in UTF-8; an HTML page decoded as a
//! browser decodes it, GBK and GB18030 included), checks each report with
//! [`validate`] and [`validate_narrative`],
//! pairs the reports of one body in consecutive years and checks each pair with
//! [`validate_pair`], rolls every report up per edition and per
//! (year, edition) with [`Rollup`], and writes into the output folder:
//!
//! | file | one line per | columns |
//! |------|--------------|---------|
//! | `reports.jsonl` | report | the report in the crate's JSON form |
//! | `cells.tsv` | cell of a report | `file body year edition code value unit` |
//! | `findings.tsv` | finding | `file body year rule level cells stated computed message previous` |
//! | `notes.tsv` | import note, unreadable file, refused roll-up | `file kind location message` |
//! | `rollup.tsv` | cell of a roll-up | `edition year reports code value unit filled_sum blanks` |
//! | `index.html` | | bodies × years with their counts, the rules most often broken, a chart |
//! | `pages/fNNNNNNN.html` | report | [`render::html`] with its findings marked |
//!
//! ## Files and their order
//!
//! Every file under each path is read, recursively: the paths in the order given, the
//! entries of each folder sorted by name (byte order), so the order is the same on every
//! run and every machine. A symbolic link to a file is read; a link to a folder is not
//! followed (a note says so), which also rules out cycles. Page text that is not UTF-8 and
//! not HTML is decoded as GB18030 (which reads GBK and GB2312) when that decoding has no
//! malformed sequence, and a `decoded_gb18030` note says so; otherwise the file is one
//! `not_utf8` note. A file that cannot be read or holds no report is one line in
//! `notes.tsv` and never stops the survey.
//!
//! ## Threads, order and memory
//!
//! Files are imported and checked on [`Options::threads`] threads (`std::thread::scope`;
//! each takes the next file from a shared walk of the folders). The results are written in
//! file order through a reorder window of a few files per thread: a thread that runs ahead
//! of the writer by more than the window waits. So the outputs are byte for byte the same
//! whatever the number of threads, and at most the window's results are held at once,
//! however many files there are.
//!
//! What is kept across the whole run is small and per report: for the pairing and for
//! `index.html`, one entry per report (its file path, body, kind, year, edition, the
//! counts of its findings and its page's name), about 150 bytes; the roll-ups (a fixed
//! size each, one per edition and per (year, edition)); the counts per rule. A million
//! reports keep about 150 MB of entries; the reports themselves are never held. After the
//! pass over the files, the reports of each body are imported again from their files,
//! one body at a time (on the same threads, through the same window), to check the pairs.
//!
//! ## Pairs
//!
//! Two reports are of the same body when their bodies' names are equal after the
//! normalisation the importer applies to labels (white space removed, full-width ASCII
//! read as ASCII) and their kinds of body are equal; a report with no body's name is never
//! paired. Every report of year N is paired with every report of the same body of year
//! N + 1, across editions (a page saved as HTML and as text is two reports of one year).
//! The findings of a pair go to `findings.tsv` under the later report's file, with the
//! earlier report's file in the `previous` column (empty for a report's own findings),
//! after the findings of every single report.
//!
//! ## The TSV form
//!
//! Each file starts with its header line; fields are separated by a tab, lines end with
//! `\n`. A field never contains a tab or a line break: a backslash is written `\\`, a tab
//! `\t`, a line feed `\n`, a carriage return `\r` (the escapes of `PostgreSQL`'s text
//! format), so that every line is one record. Nothing else is escaped or quoted. A blank
//! value is an empty field. Values and units are those of [`tidy`] (`yuan`,
//! `wan_yuan`, empty for counts and for money whose unit the page does not state).
//!
//! ```no_run
//! use ogi_report::survey::{self, Options};
//! let options = Options::new("audit").threads(2);
//! let totals = survey::run(&["tests/fixtures".into()], &options, &mut ())?;
//! println!("{} files, {} reports, {}", totals.files, totals.reports, totals.findings);
//! # Ok::<(), ogi_report::survey::SurveyError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use thiserror::Error;

use crate::import::bytes::{BytesError, import_bytes};
use crate::import::{ImportError, Imported, Note};
use crate::report::{AnnualReport, BodyKind};
use crate::rollup::Rollup;
use crate::tidy::{self, TidyCell};
use crate::validate::{
    Finding, Findings, Level, Summary, validate, validate_narrative, validate_pair,
};
use crate::{CellRef, Edition, Severity, render};

/// How many bodies' rows `index.html` shows at most (the TSV files have every report).
const INDEX_ROWS: usize = 2000;

/// How many rules the chart and the list of rules most often broken show.
const TOP_RULES: usize = 20;

/// How many rules the chart shows (the most often broken).
const CHART_RULES: usize = 12;

/// What a survey is asked to do: where to write, on how many threads.
///
/// ```
/// use ogi_report::survey::Options;
/// let options = Options::new("audit").threads(2);
/// assert_eq!(options.out, std::path::PathBuf::from("audit"));
/// assert_eq!(options.threads, 2);
/// assert!(options.pages);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The folder the outputs are written into (created if missing).
    pub out: PathBuf,
    /// How many threads import and check files; 0 for as many as the machine has cores.
    pub threads: usize,
    /// Whether each report's own page is written (`pages/fNNNNNNN.html`, linked from
    /// `index.html`).
    pub pages: bool,
}

impl Options {
    /// Outputs into `out`, on every core, with each report's page.
    #[must_use]
    pub fn new(out: impl Into<PathBuf>) -> Options {
        Options {
            out: out.into(),
            threads: 0,
            pages: true,
        }
    }

    /// On `threads` threads (0: as many as the machine has cores).
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Options {
        self.threads = threads;
        self
    }

    /// With or without each report's own page.
    #[must_use]
    pub fn pages(mut self, pages: bool) -> Options {
        self.pages = pages;
        self
    }

    /// The number of threads to use.
    fn thread_count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
            n => n,
        }
    }
}

/// What a survey read and found, so far or in all.
///
/// [`Display`](fmt::Display) gives one sentence:
///
/// ```
/// let totals = ogi_report::survey::Totals::default();
/// assert_eq!(
///     totals.to_string(),
///     "0 files read, 0 reports, 0 files without a report, 0 pairs; findings: 0 error, 0 warning, 0 info, 0 unassessable"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Totals {
    /// Files read (or tried).
    pub files: usize,
    /// Reports imported.
    pub reports: usize,
    /// Files that could not be read or hold no report.
    pub failed: usize,
    /// Notes written to `notes.tsv` (the importer's, the survey's own).
    pub notes: usize,
    /// Pairs of reports checked.
    pub pairs: usize,
    /// Reports not rolled up (an amount without its unit, an overflow).
    pub not_rolled_up: usize,
    /// The findings of every report and every pair, by level.
    pub findings: Summary,
}

impl fmt::Display for Totals {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} files read, {} reports, {} files without a report, {} pairs; findings: {}",
            self.files, self.reports, self.failed, self.pairs, self.findings
        )
    }
}

/// What a survey tells as it goes, to show progress. Every method has a default that does
/// nothing; `()` is the progress that shows nothing. The methods are called on the thread
/// that called [`run`], in file order.
pub trait Progress {
    /// The survey is about to read `files` files.
    fn start(&mut self, files: usize) {
        let _ = files;
    }
    /// A file was read (in order): the totals so far.
    fn file(&mut self, path: &Path, totals: &Totals) {
        let _ = (path, totals);
    }
    /// The pairs are being checked: `bodies` bodies have reports in consecutive years.
    fn pairing(&mut self, bodies: usize) {
        let _ = bodies;
    }
}

impl Progress for () {}

/// Why a survey stopped: only an output could not be written (an input that cannot be
/// read is a note, never an error).
///
/// ```
/// use ogi_report::survey::{self, Options};
/// // A file where the output folder should be.
/// let err = survey::run(&[], &Options::new("Cargo.toml"), &mut ()).unwrap_err();
/// assert!(err.to_string().starts_with("cannot write Cargo.toml"), "{err}");
/// ```
#[derive(Debug, Error)]
#[error("cannot write {}: {source}", path.display())]
pub struct SurveyError {
    /// The file or folder that could not be written.
    pub path: PathBuf,
    /// Why.
    #[source]
    pub source: io::Error,
}

/// Runs a survey of every file under `paths`, writing the outputs into
/// [`Options::out`] (see the [module](self) for what and how), telling `progress` as it
/// goes. Returns the totals.
///
/// # Errors
/// [`SurveyError`] when an output cannot be created or written.
pub fn run(
    paths: &[PathBuf],
    options: &Options,
    progress: &mut dyn Progress,
) -> Result<Totals, SurveyError> {
    let out = &options.out;
    let create = |p: &Path| {
        fs::create_dir_all(p).map_err(|source| SurveyError {
            path: p.to_owned(),
            source,
        })
    };
    create(out)?;
    if options.pages {
        create(&out.join("pages"))?;
    }
    let mut outputs = Outputs::create(out)?;
    let threads = options.thread_count();
    progress.start(Walk::new(paths).count());

    let mut state = State::default();
    let walk = Mutex::new(Walk::new(paths).enumerate());
    let next = || walk.lock().unwrap_or_else(PoisonError::into_inner).next();
    let work = |(index, item): (usize, Result<PathBuf, Failure>)| read_file(index, item, options);
    ordered(threads, next, work, |done: FileDone| {
        state.take(done, &mut outputs)?;
        progress.file(&state.last, &state.totals);
        Ok(())
    })?;

    // The pairs, one body at a time.
    let groups = state.pair_groups();
    progress.pairing(groups.len());
    let groups = Mutex::new(groups.into_iter());
    let next = || groups.lock().unwrap_or_else(PoisonError::into_inner).next();
    ordered(
        threads,
        next,
        |group: Group| check_pairs(&group),
        |done: Vec<PairDone>| {
            for pair in done {
                state.take_pair(pair, &mut outputs)?;
            }
            Ok(())
        },
    )?;

    state.write_rollups(&mut outputs)?;
    outputs.finish()?;
    let index = out.join("index.html");
    fs::write(&index, state.index_html(options.pages)).map_err(|source| SurveyError {
        path: index,
        source,
    })?;
    Ok(state.totals)
}

// ---------------------------------------------------------------------------------------
// The walk over the files

/// Why an input is not read: a folder that cannot be listed, a link to a folder.
#[derive(Debug)]
struct Failure {
    path: PathBuf,
    kind: &'static str,
    message: String,
}

/// Every file under the paths, depth first, each folder's entries sorted by name. Holds
/// one listing per open folder, never the whole list.
struct Walk {
    /// Paths still to visit, the next at the end.
    stack: Vec<PathBuf>,
    /// Whether the path at the same place of `stack` was given (a given path is followed
    /// even when it is a link).
    given: Vec<bool>,
}

impl Walk {
    fn new(paths: &[PathBuf]) -> Walk {
        Walk {
            stack: paths.iter().rev().cloned().collect(),
            given: vec![true; paths.len()],
        }
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let path = self.stack.pop()?;
            let given = self.given.pop().unwrap_or(false);
            let meta = if given {
                fs::metadata(&path)
            } else {
                fs::symlink_metadata(&path)
            };
            let meta = match meta {
                Ok(meta) => meta,
                Err(e) => return Some(Err(failure(path, "unreadable", &e))),
            };
            if meta.is_symlink() {
                match fs::metadata(&path) {
                    Ok(target) if target.is_dir() => {
                        return Some(Err(Failure {
                            path,
                            kind: "link_not_followed",
                            message: "a link to a folder, not followed".into(),
                        }));
                    }
                    _ => return Some(Ok(path)),
                }
            }
            if !meta.is_dir() {
                return Some(Ok(path));
            }
            let mut names = match fs::read_dir(&path).and_then(|entries| {
                entries
                    .map(|e| e.map(|e| e.file_name()))
                    .collect::<Result<Vec<_>, _>>()
            }) {
                Ok(names) => names,
                Err(e) => return Some(Err(failure(path, "unreadable", &e))),
            };
            names.sort_unstable();
            for name in names.into_iter().rev() {
                self.stack.push(path.join(name));
                self.given.push(false);
            }
        }
    }
}

fn failure(path: PathBuf, kind: &'static str, e: &io::Error) -> Failure {
    Failure {
        path,
        kind,
        message: format!("cannot be read: {e}"),
    }
}

// ---------------------------------------------------------------------------------------
// Work in order over threads

/// Runs `work` on the items `next` gives, on `threads` threads, and gives the results to
/// `sink` in the items' order, holding at most a window of results that wait for their
/// turn. Stops at the first error of `sink`.
fn ordered<T: Send, R: Send>(
    threads: usize,
    next: impl Fn() -> Option<T> + Sync,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), SurveyError>,
) -> Result<(), SurveyError> {
    struct Shared<R> {
        /// Results waiting for their turn, by position.
        done: BTreeMap<usize, R>,
        /// The position of the next result to give to the sink.
        turn: usize,
        /// Positions handed out so far.
        taken: usize,
        /// No item is left.
        exhausted: bool,
        /// Threads still working.
        working: usize,
    }
    let threads = threads.max(1);
    let window = threads * 4;
    let shared = Mutex::new(Shared {
        done: BTreeMap::new(),
        turn: 0,
        taken: 0,
        exhausted: false,
        working: threads,
    });
    let ready = Condvar::new();
    let room = Condvar::new();
    let stop = AtomicBool::new(false);
    let lock = || shared.lock().unwrap_or_else(PoisonError::into_inner);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    // Take the next item and its position, when the window has room.
                    let mut s = lock();
                    while s.taken >= s.turn + window && !stop.load(Ordering::Relaxed) {
                        s = room.wait(s).unwrap_or_else(PoisonError::into_inner);
                    }
                    if stop.load(Ordering::Relaxed) || s.exhausted {
                        break;
                    }
                    let Some(item) = next() else {
                        s.exhausted = true;
                        break;
                    };
                    let at = s.taken;
                    s.taken += 1;
                    drop(s);
                    let result = work(item);
                    lock().done.insert(at, result);
                    ready.notify_one();
                }
                lock().working -= 1;
                ready.notify_one();
            });
        }
        let mut s = lock();
        loop {
            let turn = s.turn;
            if let Some(result) = s.done.remove(&turn) {
                s.turn += 1;
                drop(s);
                room.notify_all();
                if let Err(e) = sink(result) {
                    stop.store(true, Ordering::Relaxed);
                    room.notify_all();
                    return Err(e);
                }
                s = lock();
            } else if s.working == 0 && s.done.is_empty() {
                return Ok(());
            } else {
                s = ready.wait(s).unwrap_or_else(PoisonError::into_inner);
            }
        }
    })
}

// ---------------------------------------------------------------------------------------
// One file

/// A note line: kind, location, message.
struct NoteLine {
    kind: String,
    location: String,
    message: String,
}

/// What reading one file gave.
struct FileDone {
    path: PathBuf,
    notes: Vec<NoteLine>,
    report: Option<ReportDone>,
}

/// A report read from a file, with its outputs made.
struct ReportDone {
    report: AnnualReport,
    json: String,
    findings: Findings,
    page: Option<String>,
    page_error: Option<SurveyError>,
}

/// Reads a page into a report and notes, or into notes alone.
fn read_page(path: &Path) -> (Option<AnnualReport>, Vec<NoteLine>) {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return (
                None,
                vec![NoteLine {
                    kind: "unreadable".into(),
                    location: String::new(),
                    message: format!("cannot be read: {e}"),
                }],
            );
        }
    };
    let mut notes = Vec::new();
    let imported = catch_unwind(AssertUnwindSafe(|| import_page(&bytes, &mut notes)));
    match imported {
        Ok(Ok(imported)) => {
            notes.extend(imported.notes.iter().map(note_line));
            (Some(imported.report), notes)
        }
        Ok(Err(e)) => {
            notes.push(error_line(&e));
            (None, notes)
        }
        Err(_) => {
            notes.push(NoteLine {
                kind: "importer_failed".into(),
                location: String::new(),
                message: "the importer stopped on this file (a bug in the crate: please report it)"
                    .into(),
            });
            (None, notes)
        }
    }
}

/// [`import_bytes`], and page text that is not UTF-8 decoded as GB18030 when it decodes
/// without a malformed sequence (noted).
fn import_page(bytes: &[u8], notes: &mut Vec<NoteLine>) -> Result<Imported, BytesError> {
    match import_bytes(bytes) {
        Err(e @ BytesError::NotUtf8 { .. }) => {
            let Some(text) =
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
            else {
                return Err(e);
            };
            notes.push(NoteLine {
                kind: "decoded_gb18030".into(),
                location: String::new(),
                message: format!("page text not UTF-8 ({e}); read as GB18030 (GBK), which decodes it without error"),
            });
            Ok(crate::import::import(&text)?)
        }
        other => other,
    }
}

fn error_line(e: &BytesError) -> NoteLine {
    let kind = match e {
        BytesError::NotUtf8 { .. } => "not_utf8",
        BytesError::Import(ImportError::NothingFound { .. }) => "not_a_report",
        BytesError::Import(ImportError::YearBeforeFormat { .. }) => "year_before_format",
        BytesError::Import(_) => "not_imported",
    };
    NoteLine {
        kind: kind.into(),
        location: String::new(),
        message: e.to_string(),
    }
}

fn note_line(note: &Note) -> NoteLine {
    NoteLine {
        kind: snake_case_name(&format!("{:?}", note.kind)),
        location: note.at.to_string(),
        message: note.kind.to_string(),
    }
}

/// `PageDecoded { … }` → `page_decoded`.
fn snake_case_name(debug: &str) -> String {
    let mut name = String::new();
    for c in debug.chars().take_while(char::is_ascii_alphanumeric) {
        if c.is_ascii_uppercase() {
            if !name.is_empty() {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// A report's own findings: [`validate`], then [`validate_narrative`].
fn check(report: &AnnualReport) -> Findings {
    let mut findings = validate(report);
    findings.extend(validate_narrative(report));
    findings
}

/// The name of the page of the file at `index`, relative to the output folder.
fn page_name(index: usize) -> String {
    format!("pages/f{index:07}.html")
}

fn read_file(index: usize, item: Result<PathBuf, Failure>, options: &Options) -> FileDone {
    let path = match item {
        Ok(path) => path,
        Err(failure) => {
            return FileDone {
                path: failure.path,
                notes: vec![NoteLine {
                    kind: failure.kind.into(),
                    location: String::new(),
                    message: failure.message,
                }],
                report: None,
            };
        }
    };
    let (report, notes) = read_page(&path);
    let report = report.map(|report| {
        let json = serde_json::to_string(&report).unwrap_or_default();
        let findings = check(&report);
        let (page, page_error) = if options.pages {
            let name = page_name(index);
            let target = options.out.join(&name);
            let html = render::html(&report, &render::HtmlOptions::from_findings(&findings));
            match fs::write(&target, html) {
                Ok(()) => (Some(name), None),
                Err(source) => (
                    None,
                    Some(SurveyError {
                        path: target,
                        source,
                    }),
                ),
            }
        } else {
            (None, None)
        };
        ReportDone {
            report,
            json,
            findings,
            page,
            page_error,
        }
    });
    FileDone {
        path,
        notes,
        report,
    }
}

// ---------------------------------------------------------------------------------------
// The outputs

/// The TSV and JSON Lines files, open.
struct Outputs {
    reports: Sink,
    cells: Sink,
    findings: Sink,
    notes: Sink,
    rollup: Sink,
}

/// One output file.
struct Sink {
    path: PathBuf,
    file: BufWriter<File>,
}

impl Sink {
    fn create(dir: &Path, name: &str, header: &str) -> Result<Sink, SurveyError> {
        let path = dir.join(name);
        let mut sink = match File::create(&path) {
            Ok(file) => Sink {
                file: BufWriter::with_capacity(1 << 16, file),
                path,
            },
            Err(source) => return Err(SurveyError { path, source }),
        };
        if !header.is_empty() {
            sink.line(header)?;
        }
        Ok(sink)
    }

    fn line(&mut self, line: &str) -> Result<(), SurveyError> {
        self.file
            .write_all(line.as_bytes())
            .and_then(|()| self.file.write_all(b"\n"))
            .map_err(|source| SurveyError {
                path: self.path.clone(),
                source,
            })
    }

    fn finish(mut self) -> Result<(), SurveyError> {
        self.file.flush().map_err(|source| SurveyError {
            path: self.path,
            source,
        })
    }
}

impl Outputs {
    fn create(dir: &Path) -> Result<Outputs, SurveyError> {
        Ok(Outputs {
            reports: Sink::create(dir, "reports.jsonl", "")?,
            cells: Sink::create(
                dir,
                "cells.tsv",
                "file\tbody\tyear\tedition\tcode\tvalue\tunit",
            )?,
            findings: Sink::create(
                dir,
                "findings.tsv",
                "file\tbody\tyear\trule\tlevel\tcells\tstated\tcomputed\tmessage\tprevious",
            )?,
            notes: Sink::create(dir, "notes.tsv", "file\tkind\tlocation\tmessage")?,
            rollup: Sink::create(
                dir,
                "rollup.tsv",
                "edition\tyear\treports\tcode\tvalue\tunit\tfilled_sum\tblanks",
            )?,
        })
    }

    fn finish(self) -> Result<(), SurveyError> {
        self.reports.finish()?;
        self.cells.finish()?;
        self.findings.finish()?;
        self.notes.finish()?;
        self.rollup.finish()
    }
}

/// Appends a TSV field: `\` as `\\`, tab as `\t`, line feed as `\n`, carriage return as
/// `\r`; everything else as it is.
///
/// ```
/// let mut line = String::new();
/// ogi_report::survey::push_field(&mut line, "a\tb\nc\\d\re");
/// assert_eq!(line, r"a\tb\nc\\d\re");
/// ```
pub fn push_field(line: &mut String, field: &str) {
    for c in field.chars() {
        match c {
            '\\' => line.push_str("\\\\"),
            '\t' => line.push_str("\\t"),
            '\n' => line.push_str("\\n"),
            '\r' => line.push_str("\\r"),
            c => line.push(c),
        }
    }
}

/// A TSV line of the fields, each escaped with [`push_field`].
///
/// ```
/// assert_eq!(ogi_report::survey::tsv_line(&["a b", "c\td", ""]), "a b\tc\\td\t");
/// ```
#[must_use]
pub fn tsv_line(fields: &[&str]) -> String {
    let mut line = String::new();
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        push_field(&mut line, field);
    }
    line
}

/// The `findings.tsv` line of a finding of the report read from `file` (`previous`: the
/// earlier report's file, for a finding of a pair; empty otherwise). The message is the
/// English and Chinese messages as the finding's line gives them
/// ([`Finding::display_in`]), narrative findings quoting their sentence.
///
/// ```
/// # use ogi_report::*;
/// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
/// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
/// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
/// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
/// #     .build()?;
/// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
/// let findings = validate(&report);
/// let line = ogi_report::survey::finding_line("a.txt", &report, &findings[0], "");
/// assert!(line.starts_with(
///     "a.txt\t某局\t2023\tt4.group_total\terror\tt4.review.total,t4.review.upheld,\
///      t4.review.corrected,t4.review.other,t4.review.pending\t2\t1\tgroup review: fails"
/// ));
/// assert!(line.ends_with("差额 1\t"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn finding_line(
    file: &str,
    report: &AnnualReport,
    finding: &Finding,
    previous: &str,
) -> String {
    let cells = finding
        .cells()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let shown = finding.display_in(report).to_string();
    let message = shown.split_once(" | ").map_or("", |(_, m)| m);
    let show = |figure: Option<crate::Figure>| figure.map(|f| f.to_string()).unwrap_or_default();
    tsv_line(&[
        file,
        report.body(),
        &report.year().to_string(),
        &finding.rule_id().to_string(),
        &finding.level().to_string(),
        &cells,
        &show(finding.stated()),
        &show(finding.computed()),
        message,
        previous,
    ])
}

/// The `cells.tsv` lines of the report read from `file`: one per cell of
/// [`tidy::cells`], in its order.
///
/// ```
/// # use ogi_report::*;
/// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::blank(Edition::E2021))
///     .appeals(Appeals::blank())
///     .build()?;
/// let lines = ogi_report::survey::cell_lines("a.txt", &report);
/// assert_eq!(lines.len(), 200);
/// assert_eq!(lines[0], "a.txt\t某局\t2023\t2021\tt2.rules.issued\t\t");
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[must_use]
pub fn cell_lines(file: &str, report: &AnnualReport) -> Vec<String> {
    let mut head = tsv_line(&[
        file,
        report.body(),
        &report.year().to_string(),
        &report.edition().to_string(),
    ]);
    head.push('\t');
    tidy::cells(report)
        .map(|cell| {
            // A tidy record is `code\tvalue\tunit`, none of which holds a tab or a break.
            let mut line = head.clone();
            let _ = write!(line, "{cell}");
            line
        })
        .collect()
}

/// A body's name as the pairing compares it: normalised as the importer compares printed
/// labels (white space, zero-width spaces included, removed; full-width ASCII read as
/// ASCII; the brackets, quotes and list punctuation that pages vary made one form).
///
/// ```
/// assert_eq!(ogi_report::survey::body_key(" 某县　人民政府（ＡＢ） "), "某县人民政府(AB)");
/// assert_eq!(ogi_report::survey::body_key("某县\u{200b}人民政府"), "某县人民政府");
/// ```
#[must_use]
pub fn body_key(body: &str) -> String {
    crate::import::lines::normalize(body)
}

// ---------------------------------------------------------------------------------------
// What is kept across the run

/// One report, as kept for the pairing and `index.html`.
struct Entry {
    path: PathBuf,
    file: String,
    body: String,
    kind: BodyKind,
    year: u16,
    summary: Summary,
    page: Option<String>,
}

/// Counts of one rule's findings by level: error, warning, info, unassessable.
type RuleCounts = [usize; 4];

#[derive(Default)]
struct State {
    totals: Totals,
    last: PathBuf,
    entries: Vec<Entry>,
    /// Entries by (body's key, kind), then by year.
    bodies: BTreeMap<(String, BodyKind), BTreeMap<u16, Vec<usize>>>,
    by_edition: BTreeMap<Edition, Rollup>,
    by_year: BTreeMap<(u16, Edition), Rollup>,
    rules: BTreeMap<String, RuleCounts>,
}

/// A finding of a pair, with its line made.
struct PairDone {
    next: usize,
    lines: Vec<String>,
    levels: Vec<(String, Level)>,
}

fn level_index(level: Level) -> usize {
    match level {
        Level::Failed(Severity::Error) => 0,
        Level::Failed(Severity::Warning) => 1,
        Level::Failed(_) => 2,
        Level::Unassessable => 3,
    }
}

impl State {
    fn note(
        &mut self,
        outputs: &mut Outputs,
        file: &str,
        note: &NoteLine,
    ) -> Result<(), SurveyError> {
        self.totals.notes += 1;
        outputs.notes.line(&tsv_line(&[
            file,
            &note.kind,
            &note.location,
            &note.message,
        ]))
    }

    fn count(&mut self, rule: String, level: Level) {
        self.totals.findings.add(level);
        self.rules.entry(rule).or_default()[level_index(level)] += 1;
    }

    fn take(&mut self, done: FileDone, outputs: &mut Outputs) -> Result<(), SurveyError> {
        let file = done.path.to_string_lossy().into_owned();
        self.totals.files += 1;
        for note in &done.notes {
            self.note(outputs, &file, note)?;
        }
        let Some(read) = done.report else {
            self.totals.failed += 1;
            self.last = done.path;
            return Ok(());
        };
        if let Some(e) = read.page_error {
            return Err(e);
        }
        let report = &read.report;
        self.totals.reports += 1;
        outputs.reports.line(&read.json)?;
        for line in cell_lines(&file, report) {
            outputs.cells.line(&line)?;
        }
        let mut summary = Summary::default();
        for finding in &read.findings {
            outputs
                .findings
                .line(&finding_line(&file, report, finding, ""))?;
            summary.add(finding.level());
            self.count(finding.rule_id().to_string(), finding.level());
        }
        self.roll_up(report, &file, outputs)?;
        let entry = self.entries.len();
        let key = body_key(report.body());
        if !key.is_empty() {
            self.bodies
                .entry((key, report.kind()))
                .or_default()
                .entry(report.year())
                .or_default()
                .push(entry);
        }
        self.entries.push(Entry {
            file,
            body: report.body().to_owned(),
            kind: report.kind(),
            year: report.year(),
            summary,
            page: read.page,
            path: done.path.clone(),
        });
        self.last = done.path;
        Ok(())
    }

    /// Adds the report to its edition's roll-up and its (year, edition)'s; a refusal is a
    /// note.
    fn roll_up(
        &mut self,
        report: &AnnualReport,
        file: &str,
        outputs: &mut Outputs,
    ) -> Result<(), SurveyError> {
        let edition = report.edition();
        let all = self
            .by_edition
            .entry(edition)
            .or_insert_with(|| Rollup::new(edition));
        // Both or neither: try the edition's roll-up on a copy first.
        let mut trial = all.clone();
        let refused = match trial.add(report) {
            Ok(()) => {
                let year = self
                    .by_year
                    .entry((report.year(), edition))
                    .or_insert_with(|| Rollup::new(edition));
                match year.add(report) {
                    Ok(()) => {
                        *all = trial;
                        None
                    }
                    Err(e) => Some(e),
                }
            }
            Err(e) => Some(e),
        };
        if let Some(e) = refused {
            self.totals.not_rolled_up += 1;
            let note = NoteLine {
                kind: "not_rolled_up".into(),
                location: String::new(),
                message: format!("not in the roll-ups of the {edition} edition: {e}"),
            };
            self.note(outputs, file, &note)?;
        }
        Ok(())
    }

    /// The groups of reports to pair: for each body with reports in consecutive years,
    /// its pairs (earlier entry, later entry).
    fn pair_groups(&self) -> Vec<Group> {
        let mut groups = Vec::new();
        for years in self.bodies.values() {
            let mut pairs = Vec::new();
            for (year, earlier) in years {
                let Some(later) = year.checked_add(1).and_then(|y| years.get(&y)) else {
                    continue;
                };
                for &e in earlier {
                    for &l in later {
                        pairs.push((e, l));
                    }
                }
            }
            if !pairs.is_empty() {
                let files = pairs
                    .iter()
                    .flat_map(|&(a, b)| [a, b])
                    .filter_map(|i| {
                        let entry = self.entries.get(i)?;
                        Some((i, (entry.path.clone(), entry.file.clone())))
                    })
                    .collect();
                groups.push(Group { pairs, files });
            }
        }
        groups
    }

    fn take_pair(&mut self, done: PairDone, outputs: &mut Outputs) -> Result<(), SurveyError> {
        self.totals.pairs += 1;
        for line in &done.lines {
            outputs.findings.line(line)?;
        }
        for (rule, level) in done.levels {
            self.count(rule, level);
            if let Some(entry) = self.entries.get_mut(done.next) {
                entry.summary.add(level);
            }
        }
        Ok(())
    }

    fn write_rollups(&self, outputs: &mut Outputs) -> Result<(), SurveyError> {
        let all = self.by_edition.iter().map(|(e, r)| (String::new(), *e, r));
        let years = self
            .by_year
            .iter()
            .map(|((y, e), r)| (y.to_string(), *e, r));
        for (year, edition, rollup) in all.chain(years) {
            let reports = rollup.reports().to_string();
            for cell in CellRef::all(edition) {
                let value = TidyCell::new(cell, rollup.get(cell)).to_string();
                let mut parts = value.split('\t').skip(1);
                let (value, unit) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                let filled = TidyCell::new(cell, rollup.filled_sum(cell)).to_string();
                let filled = filled.split('\t').nth(1).unwrap_or("");
                let blanks = rollup.blanks(cell).unwrap_or(0).to_string();
                outputs.rollup.line(&tsv_line(&[
                    &edition.to_string(),
                    &year,
                    &reports,
                    &cell.to_string(),
                    value,
                    unit,
                    filled,
                    &blanks,
                ]))?;
            }
        }
        Ok(())
    }

    fn index_html(&self, pages: bool) -> String {
        index_html(self, pages)
    }
}

/// The pairs of one body's reports (earlier entry, later entry) and the files of those
/// entries (path, name in the outputs).
struct Group {
    pairs: Vec<(usize, usize)>,
    files: BTreeMap<usize, (PathBuf, String)>,
}

/// Imports the reports of one body again and checks its pairs.
fn check_pairs(group: &Group) -> Vec<PairDone> {
    let mut reports = BTreeMap::new();
    for (&i, (path, _)) in &group.files {
        if let (Some(report), _) = read_page(path) {
            reports.insert(i, report);
        }
    }
    let mut done = Vec::new();
    for &(e, l) in &group.pairs {
        let (Some(earlier), Some(later), Some((_, file)), Some((_, previous))) = (
            reports.get(&e),
            reports.get(&l),
            group.files.get(&l),
            group.files.get(&e),
        ) else {
            continue;
        };
        let Ok(findings) = validate_pair(earlier, later) else {
            continue;
        };
        done.push(PairDone {
            next: l,
            lines: findings
                .iter()
                .map(|f| finding_line(file, later, f, previous))
                .collect(),
            levels: findings
                .iter()
                .map(|f| (f.rule_id().to_string(), f.level()))
                .collect(),
        });
    }
    done
}

// ---------------------------------------------------------------------------------------
// index.html

/// The text escaped for HTML content and quoted attribute values, as the report pages
/// are (one escaper for both).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    crate::render::html::escape(&mut out, text);
    out
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans CJK SC',sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}\
th{background:#f3f3f3}td.n{text-align:right}.e{color:#b00020;font-weight:bold}.w{color:#9a6700}.u{color:#666}\
a{color:#0645ad}a.p{margin-right:.4em}";

fn index_html(state: &State, pages: bool) -> String {
    let t = &state.totals;
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>政府信息公开工作年度报告 survey</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Survey of annual reports on open government information</h1>\n<p>{}.</p>\n",
        escape(&t.to_string())
    );
    let (chart, table) = rules_section(&state.rules);
    h.push_str(&chart);

    // Bodies × years.
    let years: BTreeSet<u16> = state.entries.iter().map(|e| e.year).collect();
    let mut rows: BTreeMap<(String, BodyKind), BTreeMap<u16, Vec<&Entry>>> = BTreeMap::new();
    for entry in &state.entries {
        rows.entry((body_key(&entry.body), entry.kind))
            .or_default()
            .entry(entry.year)
            .or_default()
            .push(entry);
    }
    let _ = write!(
        h,
        "<h2>Bodies × years</h2>\n<p>Each report: <span class=\"e\">errors</span> / \
         <span class=\"w\">warnings</span> / <span class=\"u\">unassessable</span> (a pair's \
         findings count with the later year){}.</p>\n<table>\n<tr><th>body</th><th>kind</th>",
        if pages {
            "; each links to the report's page"
        } else {
            ""
        }
    );
    for year in &years {
        let _ = write!(h, "<th>{year}</th>");
    }
    h.push_str("</tr>\n");
    for ((_, kind), by_year) in rows.iter().take(INDEX_ROWS) {
        let body = by_year
            .values()
            .flatten()
            .next()
            .map_or("", |e| e.body.as_str());
        let body = if body.is_empty() {
            "(no name printed)"
        } else {
            body
        };
        let _ = write!(h, "<tr><td>{}</td><td>{}</td>", escape(body), kind.code());
        for year in &years {
            h.push_str("<td>");
            for entry in by_year.get(year).into_iter().flatten() {
                let s = entry.summary;
                let counts = format!(
                    "<span class=\"e\">{}</span>/<span class=\"w\">{}</span>/<span class=\"u\">{}</span>",
                    s.error, s.warning, s.unassessable
                );
                match &entry.page {
                    Some(page) => {
                        let _ = write!(
                            h,
                            "<a class=\"p\" href=\"{}\" title=\"{}\">{counts}</a>",
                            escape(page),
                            escape(&entry.file)
                        );
                    }
                    None => {
                        let _ = write!(
                            h,
                            "<span class=\"p\" title=\"{}\">{counts}</span> ",
                            escape(&entry.file)
                        );
                    }
                }
            }
            h.push_str("</td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    if rows.len() > INDEX_ROWS {
        let _ = writeln!(
            h,
            "<p>The first {INDEX_ROWS} of {} bodies; every report is in reports.jsonl, cells.tsv and findings.tsv.</p>",
            rows.len()
        );
    }
    h.push_str(&table);
    h.push_str(
        "<p>Outputs: <a href=\"reports.jsonl\">reports.jsonl</a>, <a href=\"cells.tsv\">cells.tsv</a>, \
         <a href=\"findings.tsv\">findings.tsv</a>, <a href=\"notes.tsv\">notes.tsv</a>, \
         <a href=\"rollup.tsv\">rollup.tsv</a>.</p>\n</body>\n</html>\n",
    );
    h
}

/// The chart of findings per rule and the table of the rules most often broken.
fn rules_section(rules: &BTreeMap<String, RuleCounts>) -> (String, String) {
    // The rules most often broken, and the chart.
    let mut top: Vec<(&String, &RuleCounts)> = rules.iter().collect();
    top.sort_by(|a, b| {
        let failed = |c: &RuleCounts| c[0] + c[1] + c[2];
        failed(b.1)
            .cmp(&failed(a.1))
            .then(b.1[3].cmp(&a.1[3]))
            .then(a.0.cmp(b.0))
    });
    top.truncate(TOP_RULES);
    let mut chart_html = String::from("<h2>Findings per rule</h2>\n");
    chart_html.push_str(&chart(top.get(..CHART_RULES).unwrap_or(&top)));
    let mut h = String::new();
    h.push_str(
        "<h2>Rules most often broken</h2>\n<table>\n<tr><th>rule</th><th>errors</th>\
         <th>warnings</th><th>info</th><th>unassessable</th></tr>\n",
    );
    for (rule, c) in &top {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(rule),
            c[0],
            c[1],
            c[2],
            c[3]
        );
    }
    h.push_str("</table>\n");
    (chart_html, h)
}

/// A horizontal bar chart of findings per rule, inline SVG: failures (errors, warnings,
/// info) dark, unassessable light.
fn chart(rules: &[(&String, &RuleCounts)]) -> String {
    const LABEL: usize = 320;
    const WIDTH: usize = 520;
    const ROW: usize = 22;
    let max = rules
        .iter()
        .map(|(_, c)| c.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * rules.len() + 30;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" role=\"img\" \
         aria-label=\"findings per rule\" font-family=\"monospace\" font-size=\"12\">",
        LABEL + WIDTH + 80
    );
    for (i, (rule, c)) in rules.iter().enumerate() {
        let y = i * ROW;
        let failed = c[0] + c[1] + c[2];
        let w_failed = failed * WIDTH / max;
        let w_unassessable = c[3] * WIDTH / max;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{}\" width=\"{w_failed}\" height=\"16\" fill=\"#b00020\"/>\
             <rect x=\"{}\" y=\"{}\" width=\"{w_unassessable}\" height=\"16\" fill=\"#bbb\"/>\
             <text x=\"{}\" y=\"{}\">{failed}+{}</text>",
            LABEL - 6,
            y + 13,
            escape(rule),
            y + 2,
            LABEL + w_failed,
            y + 2,
            LABEL + w_failed + w_unassessable + 4,
            y + 13,
            c[3]
        );
    }
    let y = ROW * rules.len() + 18;
    let _ = writeln!(
        s,
        "<rect x=\"{LABEL}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"#b00020\"/><text x=\"{}\" y=\"{y}\">failed</text>\
         <rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"#bbb\"/><text x=\"{}\" y=\"{y}\">unassessable</text>\n</svg>",
        y - 10,
        LABEL + 16,
        LABEL + 80,
        y - 10,
        LABEL + 96
    );
    s
}
