//! The `import` example: the report as JSON or tidy cells, then its findings as `check`
//! prints them; the notes on standard error; exit status 2 only for a page that cannot be
//! read at all.

use std::path::{Path, PathBuf};

use ogi_report::{AnnualReport, import, tidy, validate, validate_narrative};

#[path = "../../../examples/import.rs"]
mod example;

fn seed_path() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/luhe_2020.txt")
        .to_string_lossy()
        .into_owned()
}

/// Runs the example: (exit status, standard output, standard error).
fn run(args: &[&str]) -> (u8, String, String) {
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = example::run(&args, &mut out, &mut err).expect("writing to memory");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8 output");
    (code, text(out), text(err))
}

/// A file in the temporary directory with the bytes, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = std::env::temp_dir().join(format!("ogi-import-{}-{name}", std::process::id()));
        std::fs::write(&path, bytes).expect("a temporary file");
        TempFile(path)
    }

    fn path(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The findings the example prints: the tables', then the texts' against the tables,
/// narrative sentences quoted.
fn findings(report: &AnnualReport) -> String {
    let mut findings = validate(report);
    findings.extend(validate_narrative(report));
    findings.display_in(report).to_string()
}

#[test]
fn prints_the_json_then_the_findings_and_the_notes_on_stderr() {
    let path = seed_path();
    let page = std::fs::read_to_string(&path).expect("the seed page");
    let imported = import(&page).expect("the seed imports");
    let (code, out, err) = run(&[&path]);
    assert_eq!(code, 0);
    let json = serde_json::to_string_pretty(&imported.report).expect("JSON");
    assert_eq!(out, format!("{json}\n{}\n", findings(&imported.report)));
    assert!(out.ends_with(" unassessable\n"), "{out}");
    // The seed's 一 says 3 applications were received and answered; its 表三 says 11.
    assert!(
        out.contains(
            "\nwarning narrative.received t3.new.total,t3.carried_over.total,\
             t3.results_total.total,t3.other_handling.total stated=3 computed=11 | overview "
        ),
        "{out}"
    );
    let notes: Vec<String> = imported
        .notes
        .iter()
        .map(|n| format!("{path}: {n}"))
        .collect();
    assert_eq!(err.lines().collect::<Vec<_>>(), notes);
    assert!(err.ends_with('\n'));
    assert_eq!(err.lines().count(), 4);
    assert!(err.contains(": 表四 cannot be read: 14 cells printed, 15 expected; left blank\n"));
    assert!(err.contains(
        ": line 3, front, row -, cell -: publication date 2021-02-19 read from a date printed without a label near the title\n"
    ));
}

#[test]
fn with_cells_prints_the_tidy_cells_instead_of_the_json() {
    let path = seed_path();
    let page = std::fs::read_to_string(&path).expect("the seed page");
    let report = import(&page).expect("the seed imports").report;
    let cells: String = tidy::cells(&report).map(|c| c.to_string() + "\n").collect();
    let expected = format!("{cells}{}\n", findings(&report));
    for args in [["--cells", path.as_str()], [path.as_str(), "--cells"]] {
        let (code, out, _) = run(&args);
        assert_eq!(code, 0);
        assert_eq!(out, expected);
    }
    assert!(expected.starts_with("t2.rules.made\t"), "{expected}");
}

#[test]
fn a_page_that_cannot_be_read_stops_with_status_2_naming_the_file() {
    let missing = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/no such page.txt")
        .to_string_lossy()
        .into_owned();
    let (code, out, err) = run(&[&missing]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with(&format!("{missing}: cannot read: ")),
        "{err}"
    );

    let latin1 = TempFile::new("latin1.txt", b"caf\xe9\n");
    let (code, out, err) = run(&[&latin1.path()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{}: line 1, column 4 (byte 3): byte 0xe9 is not UTF-8; decode the page (GBK, GB18030, UTF-16, ...) to UTF-8 before importing it\n",
            latin1.path()
        )
    );

    let prose = TempFile::new("prose.txt", "hello\nworld".as_bytes());
    let (code, out, err) = run(&["--cells", &prose.path()]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "{}: lines 1-2: no section heading and no table found\n",
            prose.path()
        )
    );
}

#[test]
fn a_page_with_notes_and_errors_still_exits_0() {
    // A rendered page whose tables do not add up, without its date: findings and a note.
    let report = crate::support::distinct(ogi_report::Edition::E2021);
    let page = ogi_report::render::text(&report).replace("发布日期：2024-01-30\n", "");
    let file = TempFile::new("distinct.txt", page.as_bytes());
    let (code, out, err) = run(&[&file.path()]);
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("error ")), "{out}");
    assert_eq!(
        err,
        format!(
            "{}: line 1, front, row -, cell -: no publication date is printed\n",
            file.path()
        )
    );
}

#[test]
fn wrong_command_lines_are_refused() {
    for args in [
        &[][..],
        &["--cells"],
        &["a.txt", "b.txt"],
        &["--json", "a.txt"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert!(!err.is_empty());
    }
}
