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
//! `cargo test --test integration import::corpus -- --nocapture` prints the table that is in
//! the README's import section.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use ogi_report::{Imported, RowRef, Table, import};
use serde_json::Value as Json;

use crate::support::corpus::{corpus, transcribed};

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
