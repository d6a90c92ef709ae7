//! The importer scored cell by cell against the hand transcriptions of the real texts in
//! `tests/fixtures/corpus` (a copy of `../shared/corpus`): every text of every folder
//! (`source.txt` and the `pdftotext*.txt` extractions of the same PDF), every cell its
//! `extract.json` transcribes.
//!
//! A cell is *right* when the import holds the transcribed value (blank for `null`),
//! *wrong* when it holds another value (a number where the report prints none is wrong
//! too), *missing* when it is blank but the transcription has a value. No cell may be
//! wrong; a missing cell must be one the text itself does not determine, and the import
//! says so in a note on its row or its table.
//!
//! `cargo test --test integration corpus_score -- --nocapture` prints the table that is in
//! the README's import section.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ogi_report::{
    AppealColumn, AppealGroup, Applicant, CellRef, Edition, Imported, MoneyUnit, ProactiveRow,
    RequestRow, RowRef, Table, Value, import,
};
use serde_json::Value as Json;

pub(crate) fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// Labels compared without spaces, brackets of either width, and the punctuation pages vary.
pub(crate) fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '、' | '．' | '，' | ',' => '.',
            '：' => ':',
            '“' | '”' => '"',
            c => c,
        })
        .collect()
}

/// The row of 表三 a transcription key names (the 洪泽 reports misprint one label; 淮安
/// numbers the （六） sub-rows with `、`).
pub(crate) fn request_row(key: &str) -> RequestRow {
    let key = norm(key);
    if key == "2.其他法律行政止公开" {
        return RequestRow::ProhibitedByLaw;
    }
    *RequestRow::ALL
        .iter()
        .find(|r| norm(r.label()) == key)
        .unwrap_or_else(|| panic!("no row {key}"))
}

/// Every cell a transcription gives, with its value as the crate reads a printed cell
/// (`None` for a blank cell), 表二's columns those of the `t2` layout (in the 2021 layout
/// 本年收费金额 is in the header's 万元).
pub(crate) fn transcribed(json: &Json, t2: Edition) -> Vec<(CellRef, Option<Value>)> {
    let value = |cell: CellRef, text: &Json| -> Option<Value> {
        let text = text.as_str()?;
        let value = Value::parse(cell.kind(), text).unwrap_or_else(|e| panic!("{cell}: {e}"))?;
        Some(match (t2, cell, value) {
            (Edition::E2021, CellRef::Proactive(ProactiveRow::Fees, _), Value::Money(a))
                if a.unit() == MoneyUnit::Unstated =>
            {
                Value::Money(a.stated_as(MoneyUnit::WanYuan).unwrap_or(a))
            }
            (_, _, value) => value,
        })
    };
    let mut cells = Vec::new();
    if let Some(t2_rows) = json["section2"].as_object() {
        for (row_label, columns) in t2_rows {
            let row = *ProactiveRow::ALL
                .iter()
                .find(|r| {
                    Edition::ALL
                        .iter()
                        .any(|&e| norm(r.label(e)) == norm(row_label))
                })
                .unwrap_or_else(|| panic!("no row {row_label}"));
            for (column_label, text) in columns.as_object().into_iter().flatten() {
                let column = *row
                    .columns(t2)
                    .iter()
                    .find(|c| norm(column_label).starts_with(&norm(c.label(t2))))
                    .unwrap_or_else(|| panic!("no column {column_label}"));
                let cell = CellRef::Proactive(row, column);
                cells.push((cell, value(cell, text)));
            }
        }
    }
    if let Some(rows) = json["section3"]["rows"].as_object() {
        for (key, texts) in rows {
            let row = request_row(key);
            let texts = texts.as_array().cloned().unwrap_or_default();
            assert_eq!(texts.len(), 7);
            for (&column, text) in Applicant::ALL.iter().zip(&texts) {
                let cell = CellRef::Requests(row, column);
                cells.push((cell, value(cell, text)));
            }
        }
    }
    if let Some(values) = json["section4"]["values"].as_array() {
        let t4 = AppealGroup::ALL.iter().flat_map(|&g| {
            AppealColumn::ALL
                .iter()
                .map(move |&c| CellRef::Appeals(g, c))
        });
        for (cell, text) in t4.zip(values) {
            cells.push((cell, value(cell, text)));
        }
    }
    cells
}

#[derive(Debug, Default, Clone, Copy)]
struct Score {
    right: usize,
    wrong: usize,
    missing: usize,
}

/// Scores one text against its transcription; wrong and unexplained missing cells are
/// listed.
fn score(name: &str, imported: &Imported, json: &Json, problems: &mut Vec<String>) -> Score {
    let report = &imported.report;
    let mut s = Score::default();
    let t2 = report.layout(Table::Proactive).edition();
    for (cell, want) in transcribed(json, t2) {
        let row = RowRef::of(cell);
        let explained = imported.notes.iter().any(|n| {
            n.at.row == Some(row)
                || (n.at.row.is_none()
                    && n.at.section == ogi_report::Section::of_table(cell.table()))
        });
        if !report.layout(cell.table()).contains(cell) {
            // The text does not show the table's layout, and the report's edition has
            // no such cell: missing, and the table's notes must say why.
            s.missing += 1;
            if !explained {
                problems.push(format!("{name}: {cell} is not in the layout read"));
            }
            continue;
        }
        let got = report.get(cell);
        if got == want {
            s.right += 1;
        } else if got.is_none() {
            s.missing += 1;
            if !explained {
                problems.push(format!("{name}: {cell} missing without a note"));
            }
        } else {
            s.wrong += 1;
            problems.push(format!(
                "{name}: {cell} is {} but the report prints {}",
                got.map_or("blank".into(), |v| v.to_string()),
                want.map_or("blank".into(), |v| v.to_string())
            ));
        }
    }
    s
}

/// Every text of the corpus: (folder, file, text, transcription).
fn texts() -> Vec<(String, String, String, Json)> {
    let mut out = Vec::new();
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus())
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.retain(|p| p.join("extract.json").is_file());
    dirs.sort();
    for dir in dirs {
        let json: Json = serde_json::from_str(
            &std::fs::read_to_string(dir.join("extract.json")).expect("a transcription"),
        )
        .expect("JSON");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|f| f.extension().is_some_and(|e| e == "txt"));
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a text");
            let folder = dir.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
            out.push((
                folder.unwrap_or_default(),
                name.unwrap_or_default(),
                text,
                json.clone(),
            ));
        }
    }
    out
}

#[test]
fn every_corpus_text_imports_with_no_wrong_cell() {
    let mut problems = Vec::new();
    let mut table =
        String::from("| text | cells right | wrong | missing |\n|---|---:|---:|---:|\n");
    let mut totals = Score::default();
    let mut by_form: BTreeMap<String, Score> = BTreeMap::new();
    for (folder, file, text, json) in texts() {
        let name = format!("{folder}/{file}");
        let imported = match import(&text) {
            Ok(i) => i,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        let s = score(&name, &imported, &json, &mut problems);
        // The publication date: the transcribed one where the text prints it, none where
        // the transcriber inferred it from elsewhere (the URL).
        let inferred = json["notes"].as_array().into_iter().flatten().any(|n| {
            n.as_str()
                .is_some_and(|n| n.starts_with("DATE:") && n.contains("inferred"))
        });
        let want = json["published"].as_str().filter(|_| !inferred);
        let got = imported.report.published().map(|d| d.to_string());
        if got.as_deref() != want {
            problems.push(format!(
                "{name}: published {got:?}, the text prints {want:?}"
            ));
        }
        let n = s.right + s.wrong + s.missing;
        writeln!(
            table,
            "| `{name}` | {} / {n} | {} | {} |",
            s.right, s.wrong, s.missing
        )
        .expect("a String takes any text");
        totals.right += s.right;
        totals.wrong += s.wrong;
        totals.missing += s.missing;
        let form = by_form.entry(file).or_default();
        form.right += s.right;
        form.wrong += s.wrong;
        form.missing += s.missing;
    }
    let n = totals.right + totals.wrong + totals.missing;
    writeln!(
        table,
        "| all | {} / {n} | {} | {} |",
        totals.right, totals.wrong, totals.missing
    )
    .expect("a String takes any text");
    println!("{table}");
    for (form, s) in &by_form {
        println!("{form}: {s:?}");
    }
    let wrong: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains(" but the report prints "))
        .collect();
    assert!(wrong.is_empty(), "{}", problems.join("\n"));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
