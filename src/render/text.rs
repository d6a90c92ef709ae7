//! The plain-text layout (described in the module docs of [`render`](super)).

use std::fmt::Write as _;

use super::{
    BODY_KIND_LABEL, DEPTH, LabelPath, PUBLISHED_LABEL, Span, appeal_column_path, display_width,
    published, request_column_path, request_row_path, spans, title, value_text,
};
use crate::cell::{
    AppealColumn, AppealGroup, Applicant, Article20Item, CONTENT_LABEL, REQUESTS_NOTE, Value,
};
use crate::narrative::FeeStatement;
use crate::report::AnnualReport;
use crate::section::Section;

/// The report as plain text aligned for a terminal, in the layout described in the
/// [module docs](super#the-plain-text-layout).
///
/// ```
/// use ogi_report::{render, AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
/// use ogi_report::{ProactiveColumn as C, ProactiveRow as R, Value};
///
/// let mut t2 = Proactive::blank(Edition::E2019);
/// t2.set(R::Rules, C::Made, Some(Value::Count(12)))?;
/// t2.set(R::Licensing, C::Delta, Some(Value::Delta(-8)))?;
/// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
///     .proactive(t2)
///     .requests(Requests::blank(Edition::E2019))
///     .appeals(Appeals::blank())
///     .build()?;
/// let text = render::text(&report);
/// let lines: Vec<&str> = text.lines().collect();
/// assert_eq!(lines[..4], ["某局2020年政府信息公开工作年度报告", "机关类型：县级以上人民政府部门", "", "一、总体情况"]);
/// assert_eq!(lines[6..11], [
///     "二、主动公开政府信息情况",
///     "第二十条第（一）项",
///     "信息内容             | 本年新制作数量 | 本年新公开数量 | 对外公开总数量",
///     "规章                 |             12 |                |",
///     "规范性文件           |                |                |",
/// ]);
/// assert_eq!(lines[13], "行政许可             |                |             -8 |");
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[must_use]
pub fn text(report: &AnnualReport) -> String {
    let mut out = title(report);
    out.push('\n');
    if let Some(date) = published(report) {
        let _ = writeln!(out, "{PUBLISHED_LABEL}：{date}");
    }
    let _ = writeln!(out, "{BODY_KIND_LABEL}：{}", report.kind().label());
    for section in Section::ALL {
        out.push('\n');
        out.push_str(section.heading());
        out.push('\n');
        match section {
            // The front matter (title, date) is written before the sections.
            Section::Front => {}
            Section::Overview => push_text(&mut out, report.overview()),
            Section::Proactive => proactive(report).write(&mut out),
            Section::Requests => requests(report).write(&mut out),
            Section::Appeals => appeals(report).write(&mut out),
            Section::Problems => push_text(&mut out, report.problems()),
            Section::OtherMatters => {
                let six = report.other_matters();
                push_text(&mut out, &six.text);
                if let Some(fees) = &six.fees {
                    out.push('\n');
                    fee_statement(fees).write(&mut out);
                }
            }
        }
    }
    out
}

fn push_text(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// How a field is padded to its width.
#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Center,
    Right,
}

/// A field of a line over `span` columns.
#[derive(Debug)]
struct Field {
    text: String,
    span: usize,
    align: Align,
}

impl Field {
    fn label(text: impl Into<String>) -> Field {
        Field {
            text: text.into(),
            span: 1,
            align: Align::Left,
        }
    }

    fn header(text: impl Into<String>, span: usize) -> Field {
        Field {
            text: text.into(),
            span,
            align: Align::Center,
        }
    }

    fn value(text: String) -> Field {
        Field {
            text,
            span: 1,
            align: Align::Right,
        }
    }
}

#[derive(Debug)]
enum Line {
    /// A line of its own, not aligned: a caption or a group label.
    Label(String),
    /// Fields aligned in the table's columns.
    Fields(Vec<Field>),
}

/// A table as lines of fields, aligned on output.
#[derive(Debug, Default)]
struct Grid {
    lines: Vec<Line>,
}

const SEPARATOR: &str = " | ";

impl Grid {
    fn label(&mut self, text: impl Into<String>) {
        self.lines.push(Line::Label(text.into()));
    }

    fn fields(&mut self, fields: Vec<Field>) {
        self.lines.push(Line::Fields(fields));
    }

    /// The width of each column: the widest single-column field, widened where a field
    /// over several columns needs more room.
    fn widths(&self) -> Vec<usize> {
        let mut widths: Vec<usize> = Vec::new();
        let rows = || {
            self.lines.iter().filter_map(|l| match l {
                Line::Fields(f) => Some(f),
                Line::Label(_) => None,
            })
        };
        for single in [true, false] {
            for fields in rows() {
                let mut column = 0;
                for field in fields {
                    let end = column + field.span;
                    if widths.len() < end {
                        widths.resize(end, 0);
                    }
                    if (field.span == 1) == single {
                        let room = span_width(&widths[column..end]);
                        let need = display_width(&field.text);
                        if need > room {
                            widths[end - 1] += need - room;
                        }
                    }
                    column = end;
                }
            }
        }
        widths
    }

    fn write(&self, out: &mut String) {
        let widths = self.widths();
        for line in &self.lines {
            match line {
                Line::Label(text) => out.push_str(text),
                Line::Fields(fields) => {
                    let start = out.len();
                    let mut column = 0;
                    for (i, field) in fields.iter().enumerate() {
                        if i > 0 {
                            out.push_str(SEPARATOR);
                        }
                        let end = (column + field.span).min(widths.len());
                        pad(out, field, span_width(&widths[column.min(end)..end]));
                        column = end;
                    }
                    let kept = out[start..].trim_end_matches(' ').len();
                    out.truncate(start + kept);
                }
            }
            out.push('\n');
        }
    }
}

/// The width of adjacent columns printed as one field: their widths and the separators
/// between them.
fn span_width(widths: &[usize]) -> usize {
    widths.iter().sum::<usize>() + SEPARATOR.len() * widths.len().saturating_sub(1)
}

fn pad(out: &mut String, field: &Field, width: usize) {
    let fill = width.saturating_sub(display_width(&field.text));
    let (before, after) = match field.align {
        Align::Left => (0, fill),
        Align::Right => (fill, 0),
        Align::Center => (fill / 2, fill - fill / 2),
    };
    out.extend(std::iter::repeat_n(' ', before));
    out.push_str(&field.text);
    out.extend(std::iter::repeat_n(' ', after));
}

/// The header lines of a multi-level column header: one line per level, a label over the
/// columns it spans, an empty field where the label of a level above reaches down.
fn header_lines(grid: &mut Grid, spans: &[Span], corner: Option<&str>) {
    let columns = spans.iter().map(|s| s.start + s.len).max().unwrap_or(0);
    for level in 0..DEPTH {
        let mut fields = Vec::new();
        if let Some(corner) = corner {
            fields.push(Field::label(if level == 0 { corner } else { "" }));
        }
        let mut position = 0;
        while position < columns {
            let here = spans
                .iter()
                .find(|s| s.level == level && s.start == position);
            let above = spans.iter().find(|s| s.covers(level, position));
            let (text, len) = match (here, above) {
                (Some(s), _) => (s.text, s.len),
                (None, Some(s)) => ("", s.start + s.len - position),
                (None, None) => ("", 1),
            };
            fields.push(Field::header(text, len));
            position += len;
        }
        grid.fields(fields);
    }
}

fn proactive(report: &AnnualReport) -> Grid {
    let edition = report.edition();
    let table = report.proactive();
    let mut grid = Grid::default();
    for &item in Article20Item::blocks(edition) {
        grid.label(item.caption());
        let rows = item.rows(edition);
        let columns = rows.first().map_or(&[][..], |r| r.columns(edition));
        let mut header = vec![Field::label(CONTENT_LABEL)];
        header.extend(columns.iter().map(|c| Field::header(c.label(edition), 1)));
        grid.fields(header);
        for &row in rows {
            let mut fields = vec![Field::label(row.label(edition))];
            fields.extend(
                row.columns(edition)
                    .iter()
                    .map(|&c| Field::value(value_text(table.get(row, c)))),
            );
            grid.fields(fields);
        }
    }
    grid
}

fn requests(report: &AnnualReport) -> Grid {
    let table = report.requests();
    let mut grid = Grid::default();
    let columns: Vec<LabelPath> = Applicant::ALL
        .iter()
        .map(|&c| request_column_path(c))
        .collect();
    header_lines(&mut grid, &spans(&columns), Some(REQUESTS_NOTE));
    let rows = table.rows();
    let paths: Vec<LabelPath> = rows.iter().map(|&r| request_row_path(r)).collect();
    let row_spans = spans(&paths);
    let indented = |level: usize, text: &str| format!("{:indent$}{text}", "", indent = 2 * level);
    for (i, (&row, path)) in rows.iter().zip(&paths).enumerate() {
        let leaf = path.iter().rposition(Option::is_some).unwrap_or(0);
        for group in row_spans.iter().filter(|s| s.start == i && s.level < leaf) {
            grid.label(indented(group.level, group.text));
        }
        let mut fields = vec![Field::label(indented(leaf, row.label()))];
        fields.extend(
            Applicant::ALL
                .iter()
                .map(|&c| Field::value(value_text(table.get(row, c).map(Value::Count)))),
        );
        grid.fields(fields);
    }
    grid
}

fn appeals(report: &AnnualReport) -> Grid {
    let table = report.appeals();
    let mut grid = Grid::default();
    let cells = || {
        AppealGroup::ALL
            .iter()
            .flat_map(|&g| AppealColumn::ALL.iter().map(move |&c| (g, c)))
    };
    let columns: Vec<LabelPath> = cells().map(|(g, c)| appeal_column_path(g, c)).collect();
    header_lines(&mut grid, &spans(&columns), None);
    grid.fields(
        cells()
            .map(|(g, c)| Field::value(value_text(table.get(g, c).map(Value::Count))))
            .collect(),
    );
    grid
}

fn fee_statement(fees: &FeeStatement) -> Grid {
    let mut grid = Grid::default();
    let mut header = vec![Field::label("")];
    header.extend(FeeStatement::VALUE_LABELS.map(|l| Field::header(l, 1)));
    grid.fields(header);
    let mut values = vec![Field::label(FeeStatement::LABEL)];
    values.extend(fees.values().map(|v| Field::value(value_text(v))));
    grid.fields(values);
    grid
}
