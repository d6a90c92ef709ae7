//! The corpus of real texts (`tests/fixtures/corpus`, a copy of `../shared/corpus`) and
//! the reader of their hand transcriptions (`extract.json`): what the importer is scored
//! against.

use std::path::{Path, PathBuf};

use ogi_report::{
    AppealColumn, AppealGroup, Applicant, CellRef, Edition, MoneyUnit, ProactiveRow, RequestRow,
    Value,
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
