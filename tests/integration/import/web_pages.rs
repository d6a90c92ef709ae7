//! The page-text reader on generated web pages: a generated report of either edition,
//! printed as a web page copies (rows as `label | cell | cell`, the official headings, the
//! title line, the date with a time, no kind of body), imports back equal but for what
//! such a page does not say (the kind of body, inferred from the name) and what the reader
//! reads from prose (a 2021 fee sentence in section 六).
//!
//! This is not the crate's own layout (that round trip is in `import::roundtrip`): it keeps
//! the reader of real pages honest on every cell and text of both editions.

use std::fmt::Write as _;

use crate::support::config;
use crate::support::web::{as_read, report};
use ogi_report::{
    AnnualReport, AppealColumn, AppealGroup, Applicant, Article20Item, NoteKind, RequestRow,
    Section, Table, Value, import,
};
use proptest::prelude::*;

fn cell_text(value: Option<Value>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn row(label: &str, cells: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = cells.into_iter().collect();
    format!("{label} | {}\n", cells.join(" | "))
}

/// The report as a page of plain text.
fn page(report: &AnnualReport) -> String {
    let e = report.edition();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}年政府信息公开工作年度报告",
        report.body(),
        report.year()
    );
    if let Some(date) = report.published() {
        let _ = writeln!(out, "{date} 09:30");
    }
    let _ = writeln!(
        out,
        "{}\n{}",
        Section::Overview.heading(),
        report.overview()
    );

    let _ = writeln!(out, "{}", Table::Proactive.heading());
    let t2 = report.proactive();
    for &item in Article20Item::blocks(e) {
        let _ = writeln!(out, "{}", item.caption());
        let rows = item.rows(e);
        let columns = rows.first().map_or(&[][..], |r| r.columns(e));
        out.push_str(&row(
            "信息内容",
            columns.iter().map(|c| c.label(e).to_owned()),
        ));
        for &r in rows {
            out.push_str(&row(
                r.label(e),
                r.columns(e).iter().map(|&c| cell_text(t2.get(r, c))),
            ));
        }
    }

    requests_page(report, &mut out);

    let _ = writeln!(out, "{}", Table::Appeals.heading());
    let _ = writeln!(
        out,
        "{} | {}",
        AppealGroup::Review.label(),
        AppealGroup::SuitDirect.parent_label().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "{} | {}",
        AppealGroup::SuitDirect.label(),
        AppealGroup::SuitAfterReview.label()
    );
    let columns: Vec<&str> = AppealColumn::ALL.iter().map(|c| c.label()).collect();
    let _ = writeln!(out, "{}", columns.join(" | "));
    for &g in AppealGroup::ALL {
        let cells = AppealColumn::ALL
            .iter()
            .map(|&c| cell_text(report.appeals().get(g, c).map(Value::Count)));
        out.push_str(&row(g.label(), cells));
    }

    let _ = writeln!(
        out,
        "{}\n{}",
        Section::Problems.heading(),
        report.problems()
    );
    let _ = writeln!(
        out,
        "{}\n{}",
        Section::OtherMatters.heading(),
        report.other_matters().text
    );
    out
}

/// 表三 as page text, group labels printed before a group's first row.
fn requests_page(report: &AnnualReport, out: &mut String) {
    let e = report.edition();
    let _ = writeln!(out, "{}", Table::Requests.heading());
    let _ = writeln!(out, "{} | {}", RequestRow::NOTE, Applicant::LABEL);
    let _ = writeln!(
        out,
        "{} | {} | {}",
        Applicant::NaturalPerson.label(),
        Applicant::ORGANISATIONS_LABEL,
        Applicant::Total.label()
    );
    let orgs: Vec<&str> = Applicant::ALL
        .iter()
        .filter(|a| a.is_organisation())
        .map(|a| a.label())
        .collect();
    let _ = writeln!(out, "{}", orgs.join(" | "));
    let t3 = report.requests();
    let mut group = None;
    for &r in RequestRow::rows(e) {
        let mut label = String::new();
        if r == RequestRow::Disclosed {
            let _ = write!(label, "{} | ", RequestRow::RESULTS_LABEL);
        }
        if r.group() != group {
            if let Some(g) = r.group() {
                let _ = write!(label, "{} | ", g.label());
            }
            group = r.group();
        }
        label.push_str(r.label());
        let cells = Applicant::ALL
            .iter()
            .map(|&c| cell_text(t3.get(r, c).map(Value::Count)));
        out.push_str(&row(&label, cells));
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn printed_reports_import_back_equal(report in report()) {
        let text = page(&report);
        let imported = import(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let expected = as_read(&report);
        prop_assert_eq!(&imported.report, &expected, "{}", text);
        let from_prose = imported
            .notes
            .iter()
            .filter(|n| matches!(n.kind, NoteKind::FeeCollectedFromText { .. }))
            .count();
        prop_assert_eq!(from_prose, usize::from(expected.other_matters().fees.is_some()));
        for note in &imported.notes {
            prop_assert!(
                !matches!(
                    note.kind,
                    NoteKind::TableUnreadable { .. }
                        | NoteKind::ExtraRow { .. }
                        | NoteKind::CellUnreadable { .. }
                        | NoteKind::MissingSection
                        | NoteKind::RowMissing
                ),
                "{}\n{}", note, text
            );
        }
    }
}
