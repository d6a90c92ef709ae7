//! The plain-text layout (described in the module docs of [`render`](super)).

use std::fmt::Write as _;

use super::{
    BODY_KIND_LABEL, EDITION_LABEL, PUBLISHED_LABEL, display_width, published, title, value_text,
};
use crate::cell::Table;
use crate::extras::{CELL_REMARK_MARK, EXTRA_ROW_MARK, Extras, Place, REMARK_MARK, escape};
use crate::layout::TextLine;
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
    // The edition, when a table is printed in another edition's layout (else the tables
    // show it).
    if Table::ALL
        .iter()
        .any(|&t| report.layout(t).edition() != report.edition())
    {
        let _ = writeln!(out, "{EDITION_LABEL}：{}", report.edition());
    }
    for section in Section::ALL {
        out.push('\n');
        out.push_str(section.heading());
        out.push('\n');
        match section {
            // The front matter (title, date) is written before the sections.
            Section::Front => {}
            Section::Overview => push_text(&mut out, report.overview()),
            Section::Proactive => table(report, Table::Proactive).write(&mut out),
            Section::Requests => table(report, Table::Requests).write(&mut out),
            Section::Appeals => table(report, Table::Appeals).write(&mut out),
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

/// A table of the report in its own layout, with what it prints beyond its cells.
fn table(report: &AnnualReport, table: Table) -> Grid {
    let layout = report.layout(table);
    let extras = match table {
        Table::Proactive => report.proactive().extras(),
        Table::Requests => report.requests().extras(),
        Table::Appeals => report.appeals().extras(),
    };
    let value = |position: usize| -> String {
        let Some(&cell) = layout.cells().get(position) else {
            return String::new();
        };
        let mut text = value_text(report.get(cell));
        if let Some(remark) = extras.cell_remark(cell) {
            text.push_str(CELL_REMARK_MARK);
            text.push_str(&escape(remark, true));
        }
        text
    };
    let mut grid = Grid::default();
    extras_at(&mut grid, extras, Place::Above);
    for line in layout.text_lines() {
        match line {
            TextLine::Label(text) => grid.label(text),
            TextLine::Header { corner, fields } => {
                let mut out: Vec<Field> = corner.map(Field::label).into_iter().collect();
                out.extend(fields.iter().map(|f| Field::header(f.text, f.span)));
                grid.fields(out);
            }
            TextLine::Data { label, row, cells } => {
                let mut out: Vec<Field> = label.map(Field::label).into_iter().collect();
                out.extend(cells.map(|p| Field::value(value(p))));
                grid.fields(out);
                if let Some(row) = row {
                    extras_at(&mut grid, extras, Place::After(row));
                }
            }
        }
    }
    extras_at(&mut grid, extras, Place::Below);
    grid
}

/// The extra rows, then the remarks, a table prints at a place.
fn extras_at(grid: &mut Grid, extras: &Extras, place: Place) {
    for row in extras.rows_at(place) {
        let label = if row.label.is_empty() {
            EXTRA_ROW_MARK.to_owned()
        } else {
            format!("{EXTRA_ROW_MARK} {}", escape(&row.label, true))
        };
        let mut fields = vec![Field::label(label)];
        fields.extend(row.cells.iter().map(|c| Field::value(escape(c, true))));
        grid.fields(fields);
    }
    for remark in extras.remarks_at(place) {
        grid.label(format!("{REMARK_MARK}{}", escape(&remark.text, false)));
    }
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
