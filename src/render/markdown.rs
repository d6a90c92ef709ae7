//! The official layout as Markdown with GitHub tables.

use std::fmt::Write as _;

use super::{
    LabelPath, PUBLISHED_LABEL, appeal_column_path, published, request_column_path,
    request_row_path, title, value_text,
};
use crate::cell::{
    AppealColumn, AppealGroup, Applicant, Article20Item, CONTENT_LABEL, REQUESTS_NOTE, Value,
};
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

fn proactive(out: &mut String, report: &AnnualReport) {
    let edition = report.edition();
    let t2 = report.proactive();
    for &item in Article20Item::blocks(edition) {
        out.push_str("**");
        out.push_str(item.caption());
        out.push_str("**\n\n");
        let rows = item.rows(edition);
        let columns = rows.first().map_or(&[][..], |r| r.columns(edition));
        let mut header = vec![CONTENT_LABEL.to_owned()];
        header.extend(columns.iter().map(|c| c.label(edition).to_owned()));
        let body = rows.iter().map(|&row| {
            let mut cells = vec![row.label(edition).to_owned()];
            cells.extend(
                row.columns(edition)
                    .iter()
                    .map(|&c| value_text(t2.get(row, c))),
            );
            cells
        });
        table(out, &header, 1, body);
    }
}

fn requests(out: &mut String, report: &AnnualReport) {
    let t3 = report.requests();
    let mut header = vec![REQUESTS_NOTE.to_owned()];
    header.extend(
        Applicant::ALL
            .iter()
            .map(|&c| flat(&request_column_path(c))),
    );
    let body = t3.rows().iter().map(|&row| {
        let mut cells = vec![flat(&request_row_path(row))];
        cells.extend(
            Applicant::ALL
                .iter()
                .map(|&c| value_text(t3.get(row, c).map(Value::Count))),
        );
        cells
    });
    table(out, &header, 1, body);
}

fn appeals(out: &mut String, report: &AnnualReport) {
    let t4 = report.appeals();
    let cells = || {
        AppealGroup::ALL
            .iter()
            .flat_map(|&g| AppealColumn::ALL.iter().map(move |&c| (g, c)))
    };
    let header: Vec<String> = cells()
        .map(|(g, c)| flat(&appeal_column_path(g, c)))
        .collect();
    let row: Vec<String> = cells()
        .map(|(g, c)| value_text(t4.get(g, c).map(Value::Count)))
        .collect();
    table(out, &header, 0, [row]);
}
