//! The official layout as Markdown with GitHub tables.

use std::fmt::Write as _;

use super::{
    LabelPath, PUBLISHED_LABEL, appeal_column_path, published, request_column_path,
    request_row_path, title, value_text,
};
use crate::cell::{
    AppealColumn, AppealGroup, Applicant, Article20Item, CellRef, ProactiveRow, RequestRow, Value,
};
use crate::extras::{Extras, Place};
use crate::layout::RowRef;
use crate::narrative::FeeStatement;
use crate::report::AnnualReport;
use crate::section::Section;

/// The report as Markdown: the title and the section headings as headings, the texts as
/// paragraphs (one per non-empty line, Markdown characters escaped), and the tables as
/// GitHub tables. Merged cells are flattened: a column is headed by the labels over it
/// joined by a space (`申请人情况 法人或其他组织 商业企业`), a row of 表三 by the labels left
/// of it (`三、本年度办理结果 （三）不予公开 1.属于国家秘密`); 表二 is one table per Article 20
/// block under its caption; 表四 is one row of fifteen cells. Blank cells stay empty.
///
/// ```
/// use ogi_report::{render, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, Requests};
/// use ogi_report::RequestRow as R;
///
/// let mut t3 = RequestDetails::new(Edition::E2021);
/// t3.set(R::New, [3, 1, 0, 0, 0, 0])?;
/// t3.set(R::ThirdParty, [3, 1, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&t3)?)
///     .appeals(Appeals::blank())
///     .build()?;
/// let md = render::markdown(&report);
/// assert!(md.contains("\n| 三、本年度办理结果 （三）不予公开 4.保护第三方合法权益 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |\n"));
/// assert!(md.contains("| 申请人情况 自然人 | 申请人情况 法人或其他组织 商业企业 |"));
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[must_use]
pub fn markdown(report: &AnnualReport) -> String {
    let mut out = String::from("# ");
    inline(&mut out, &title(report));
    out.push_str("\n\n");
    if let Some(date) = published(report) {
        let _ = write!(out, "{PUBLISHED_LABEL}：{date}\n\n");
    }
    for section in Section::ALL {
        out.push_str("## ");
        out.push_str(section.heading());
        out.push_str("\n\n");
        match section {
            // The front matter (title, date) is written before the sections.
            Section::Front => {}
            Section::Overview => paragraphs(&mut out, report.overview()),
            Section::Proactive => proactive(&mut out, report),
            Section::Requests => requests(&mut out, report),
            Section::Appeals => appeals(&mut out, report),
            Section::Problems => paragraphs(&mut out, report.problems()),
            Section::OtherMatters => {
                let six = report.other_matters();
                paragraphs(&mut out, &six.text);
                if let Some(fees) = &six.fees {
                    let mut header = vec![String::new()];
                    header.extend(FeeStatement::VALUE_LABELS.map(String::from));
                    let mut row = vec![FeeStatement::LABEL.to_owned()];
                    row.extend(fees.values().map(value_text));
                    table(&mut out, &header, 1, [row]);
                }
            }
        }
    }
    out.truncate(out.trim_end_matches('\n').len());
    out.push('\n');
    out
}

/// Characters escaped wherever they are: they could start emphasis, code, links, HTML,
/// entities, strike-through, or split a table cell.
const INLINE: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '&'];

fn inline(out: &mut String, text: &str) {
    for c in text.chars() {
        if INLINE.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Each non-empty line of a text as a paragraph of its own, its indentation dropped and
/// whatever would make it a heading, a quote, a list or a rule escaped (`>` and `*` are
/// escaped everywhere already).
fn paragraphs(out: &mut String, text: &str) {
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with(['#', '-', '+', '=']) {
            out.push('\\');
        }
        let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits > 0 && line[digits..].starts_with(['.', ')']) {
            out.push_str(&line[..digits]);
            out.push('\\');
            inline(out, &line[digits..]);
        } else {
            inline(out, line);
        }
        out.push_str("\n\n");
    }
}

/// A GitHub table: the header, then the rows; the first `labels` columns are left-aligned
/// labels, the others right-aligned values.
fn table<R>(out: &mut String, header: &[String], labels: usize, rows: impl IntoIterator<Item = R>)
where
    R: AsRef<[String]>,
{
    table_line(out, header);
    let rule: Vec<String> = (0..header.len())
        .map(|i| if i < labels { ":--" } else { "--:" }.to_owned())
        .collect();
    table_line(out, &rule);
    for row in rows {
        table_line(out, row.as_ref());
    }
    out.push('\n');
}

fn table_line(out: &mut String, cells: &[String]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        inline(out, cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// The labels of a path joined by a space.
fn flat(path: &LabelPath) -> String {
    path.iter().flatten().copied().collect::<Vec<_>>().join(" ")
}

/// The extras of a table, to print around and inside its Markdown tables.
struct Around<'a> {
    extras: &'a Extras,
    width: usize,
}

impl Around<'_> {
    /// The remarks printed above or under the table, as paragraphs.
    fn paragraphs(&self, out: &mut String, place: Place) {
        for remark in self.extras.remarks_at(place) {
            paragraphs(out, &remark.text);
        }
    }

    /// The extra rows and remarks printed after a row, as rows of the table.
    fn rows_after(&self, rows: &mut Vec<Vec<String>>, place: Place) {
        for row in self.extras.rows_at(place) {
            let mut cells = vec![row.label.clone()];
            cells.extend(row.cells.iter().cloned());
            cells.resize(cells.len().max(self.width), String::new());
            rows.push(cells);
        }
        for remark in self.extras.remarks_at(place) {
            let mut cells = vec![remark.text.replace('\n', " ")];
            cells.resize(self.width, String::new());
            rows.push(cells);
        }
    }

    /// A cell's value as printed, with the remark printed after it.
    fn value(&self, cell: CellRef, value: Option<Value>) -> String {
        let mut text = value_text(value);
        if let Some(remark) = self.extras.cell_remark(cell) {
            text.push_str(remark);
        }
        text
    }
}

fn proactive(out: &mut String, report: &AnnualReport) {
    let t2 = report.proactive();
    let edition = t2.edition();
    let widest = ProactiveRow::rows(edition)
        .iter()
        .map(|r| r.columns(edition).len())
        .max()
        .unwrap_or(0);
    let around = Around {
        extras: t2.extras(),
        width: widest + 1,
    };
    around.paragraphs(out, Place::Above);
    for &item in Article20Item::blocks(edition) {
        out.push_str("**");
        out.push_str(item.caption());
        out.push_str("**\n\n");
        let rows = item.rows(edition);
        let columns = rows.first().map_or(&[][..], |r| r.columns(edition));
        let mut header = vec![ProactiveRow::LABEL.to_owned()];
        header.extend(columns.iter().map(|c| c.label(edition).to_owned()));
        let mut body = Vec::new();
        for &row in rows {
            let mut cells = vec![row.label(edition).to_owned()];
            cells.extend(
                row.columns(edition)
                    .iter()
                    .map(|&c| around.value(CellRef::Proactive(row, c), t2.get(row, c))),
            );
            body.push(cells);
            around.rows_after(&mut body, Place::After(RowRef::Proactive(row)));
        }
        table(out, &header, 1, body);
    }
    around.rows_after_table(out, Place::Below);
}

fn requests(out: &mut String, report: &AnnualReport) {
    let t3 = report.requests();
    let around = Around {
        extras: t3.extras(),
        width: Applicant::ALL.len() + 1,
    };
    around.paragraphs(out, Place::Above);
    let mut header = vec![RequestRow::NOTE.to_owned()];
    header.extend(
        Applicant::ALL
            .iter()
            .map(|&c| flat(&request_column_path(c))),
    );
    let mut body = Vec::new();
    for &row in t3.rows() {
        let mut cells = vec![flat(&request_row_path(row))];
        cells.extend(
            Applicant::ALL.iter().map(|&c| {
                around.value(CellRef::Requests(row, c), t3.get(row, c).map(Value::Count))
            }),
        );
        body.push(cells);
        around.rows_after(&mut body, Place::After(RowRef::Requests(row)));
    }
    table(out, &header, 1, body);
    around.rows_after_table(out, Place::Below);
}

fn appeals(out: &mut String, report: &AnnualReport) {
    let t4 = report.appeals();
    let around = Around {
        extras: t4.extras(),
        width: t4.layout().len(),
    };
    around.paragraphs(out, Place::Above);
    let cells = || {
        AppealGroup::ALL
            .iter()
            .flat_map(|&g| AppealColumn::ALL.iter().map(move |&c| (g, c)))
    };
    let header: Vec<String> = cells()
        .map(|(g, c)| flat(&appeal_column_path(g, c)))
        .collect();
    let row: Vec<String> = cells()
        .map(|(g, c)| around.value(CellRef::Appeals(g, c), t4.get(g, c).map(Value::Count)))
        .collect();
    table(out, &header, 0, [row]);
    around.rows_after_table(out, Place::Below);
}

impl Around<'_> {
    /// What is printed under the table: its extra rows as a table of their own, then its
    /// remarks as paragraphs.
    fn rows_after_table(&self, out: &mut String, place: Place) {
        let rows: Vec<Vec<String>> = self
            .extras
            .rows_at(place)
            .map(|r| {
                let mut cells = vec![r.label.clone()];
                cells.extend(r.cells.iter().cloned());
                cells
            })
            .collect();
        if let Some(width) = rows.iter().map(Vec::len).max() {
            let header = vec![String::new(); width];
            let rows = rows.into_iter().map(|mut r| {
                r.resize(width, String::new());
                r
            });
            table(out, &header, 1, rows);
        }
        self.paragraphs(out, place);
    }
}
