//! The crate's own plain-text layout ([`render::text`](crate::render::text)), read
//! exactly.
//!
//! A page is in the layout when its first line is the title
//! `{body}{year}年政府信息公开工作年度报告` (a four-digit year), the next lines are the
//! optional `发布日期：YYYY-MM-DD` line and the `机关类型：` line with a
//! [`BodyKind::label`], then an empty line and the six headings exactly as
//! [`Section::heading`] gives them, each after an empty line, and its three tables print
//! exactly the lines of one edition's tables (labels and headers as the renderer writes
//! them, any text in the value fields). The layout of the tables is taken from the renderer
//! itself (a blank report of each edition, rendered once), so the reader and the writer
//! cannot drift apart.
//!
//! Read that way, the body is the title's text before the year byte for byte (spaces and
//! all), the texts are the bytes between their heading's line break and the `\n\n` before
//! the next heading (leading and trailing blank lines and spaces kept), and a blank cell is
//! an empty field wherever it is, also in 表四's data line, which has no label and so is a
//! line of separators only when all its cells are blank. A page that departs from the layout
//! anywhere is read by the page-text reader instead.

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::appeals::Appeals;
use crate::cell::{Table, Value, ValueKind};
use crate::edition::Edition;
use crate::import::lines::{Line, split_lines};
use crate::import::notes::{Note, NoteKind};
use crate::import::tables::{Placed, note};
use crate::narrative::FeeStatement;
use crate::proactive::Proactive;
use crate::render::{BODY_KIND_LABEL, PUBLISHED_LABEL, TITLE_SUFFIX};
use crate::report::{AnnualReport, BodyKind};
use crate::requests::Requests;
use crate::section::Section;

/// What a page in the layout says, read exactly.
#[derive(Debug)]
pub(crate) struct Exact<'a> {
    pub(crate) edition: Edition,
    pub(crate) year: u16,
    pub(crate) body: &'a str,
    pub(crate) kind: BodyKind,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) overview: &'a str,
    pub(crate) problems: &'a str,
    pub(crate) other: &'a str,
    pub(crate) fees: Option<FeeStatement>,
    /// The cells of 表二, 表三 and 表四 as printed, in the official order.
    pub(crate) cells: [Vec<Placed<'a>>; 3],
    /// Notes on the fee statement's values that cannot be read.
    pub(crate) notes: Vec<Note>,
}

/// Reads a page in the crate's plain-text layout; `None` when the page is not in it.
pub(crate) fn read<'a>(input: &'a str, lines: &[Line<'a>]) -> Option<Exact<'a>> {
    let (year, body) = title(lines.first()?.text)?;
    let mut next = 1;
    let published = match lines.get(next)?.text.strip_prefix(PUBLISHED_LABEL) {
        Some(rest) => {
            let date = rest.strip_prefix('：')?;
            next += 1;
            Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?)
        }
        None => None,
    };
    let kind = body_kind(lines.get(next)?.text)?;
    let headings = headings(lines, next + 1)?;
    let [h1, h2, _, _, h5, h6] = headings;
    // The lines of a table section: after its heading, up to the empty line before the
    // next heading.
    let region = |k: usize| -> Option<(usize, &[Line<'a>])> {
        let from = headings.get(k)? + 1;
        let to = headings.get(k + 1)?.checked_sub(1)?;
        Some((from, lines.get(from..to)?))
    };
    let read_table = |edition: Edition, k: usize| {
        let shapes = skeleton(edition)?;
        let (from, body) = region(k)?;
        table_cells(body, from, shapes.get(k - 1)?)
    };
    // The edition whose three tables the page prints.
    let (edition, texts) = Edition::ALL.into_iter().find_map(|e| {
        let texts = [read_table(e, 1)?, read_table(e, 2)?, read_table(e, 3)?];
        Some((e, texts))
    })?;
    let mut cells: [Vec<Placed<'a>>; 3] = Default::default();
    for ((slot, table), texts) in cells.iter_mut().zip(Table::ALL).zip(texts) {
        if texts.len() != table.cell_count(edition) {
            return None;
        }
        *slot = table
            .cells(edition)
            .zip(texts)
            .enumerate()
            .map(|(i, (cell, (text, line)))| Placed {
                cell,
                index: i + 1,
                text,
                line,
            })
            .collect();
    }

    // The output ends with a line break: the last line is the empty one after it.
    let last = lines.len().checked_sub(1)?;
    if !lines.get(last)?.text.is_empty() {
        return None;
    }
    let mut notes = Vec::new();
    let statement = if edition == Edition::E2021 {
        fee_statement(lines, h6 + 1, last, &mut notes)
    } else {
        None
    };
    let (other, fees) = match statement {
        Some((fees, blank)) => (text_between(input, lines, h6 + 1, blank)?, Some(fees)),
        None => (text_between(input, lines, h6 + 1, last)?, None),
    };
    Some(Exact {
        edition,
        year,
        body,
        kind,
        published,
        overview: text_between(input, lines, h1 + 1, h2 - 1)?,
        problems: text_between(input, lines, h5 + 1, h6 - 1)?,
        other,
        fees,
        cells,
        notes,
    })
}

/// The title's year and body: `{body}{yyyy}年政府信息公开工作年度报告`.
fn title(text: &str) -> Option<(u16, &str)> {
    let head = text.strip_suffix(TITLE_SUFFIX)?;
    let at = head.len().checked_sub(4)?;
    let digits = head.get(at..)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, head.get(..at)?))
}

/// The kind of body a `机关类型：{label}` line names.
pub(crate) fn body_kind(text: &str) -> Option<BodyKind> {
    let label = text.strip_prefix(BODY_KIND_LABEL)?.strip_prefix('：')?;
    BodyKind::ALL.into_iter().find(|k| k.label() == label)
}

/// The lines of the six headings: an empty line and section 一's heading at `from`, then
/// each next heading on the first line equal to it that follows an empty line.
fn headings(lines: &[Line<'_>], from: usize) -> Option<[usize; 6]> {
    if !lines.get(from)?.text.is_empty() {
        return None;
    }
    let mut found = [0; 6];
    let mut at = from;
    for (slot, section) in found.iter_mut().zip(Section::ALL) {
        at = (at + 1..lines.len()).find(|&i| {
            lines.get(i).is_some_and(|l| l.text == section.heading())
                && lines.get(i - 1).is_some_and(|l| l.text.is_empty())
        })?;
        *slot = at;
    }
    // Section 一 comes right after the front matter.
    (found[0] == from + 1).then_some(found)
}

/// The bytes from the start of line `first` to the line break before the empty line
/// `blank`: a text followed by `\n\n`.
fn text_between<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    first: usize,
    blank: usize,
) -> Option<&'a str> {
    let from = lines.get(first)?.start;
    let to = lines.get(blank)?.start.checked_sub(1)?;
    if to < from || !lines.get(blank)?.text.is_empty() {
        return None;
    }
    input.get(from..to)
}

/// The fields of a table line: split on `|`, the padding spaces trimmed.
pub(crate) fn fields(text: &str) -> impl Iterator<Item = &str> {
    text.split('|').map(|f| f.trim_matches(' '))
}

/// The fee statement printed as the last two lines before the empty line `last` (the end
/// of the text), after an empty line: the statement and the index of that empty line.
/// Values that cannot be read are blank, with a note.
pub(crate) fn fee_statement(
    lines: &[Line<'_>],
    first: usize,
    last: usize,
    notes: &mut Vec<Note>,
) -> Option<(FeeStatement, usize)> {
    let data = last.checked_sub(1)?;
    let header = data.checked_sub(1)?;
    let blank = header.checked_sub(1)?;
    if blank < first || !lines.get(blank)?.text.is_empty() {
        return None;
    }
    let (statement, found) = fee_lines(lines.get(header)?.text, lines.get(data)?.text, data)?;
    notes.extend(found);
    Some((statement, blank))
}

/// The fee statement's header and data lines (`data` is the data line's index), read
/// into a statement with notes on values that cannot be read.
pub(crate) fn fee_lines(
    header: &str,
    data: &str,
    line: usize,
) -> Option<(FeeStatement, Vec<Note>)> {
    let mut head = fields(header);
    if head.next() != Some("") || !head.eq(FeeStatement::VALUE_LABELS) {
        return None;
    }
    let mut values = fields(data);
    if values.next() != Some(FeeStatement::LABEL) {
        return None;
    }
    let values: Vec<&str> = values.collect();
    let [notices, amount, collected] = values.as_slice() else {
        return None;
    };
    let mut notes = Vec::new();
    let mut read = |index: usize, kind: ValueKind, text: &str| {
        Value::parse(kind, text).unwrap_or_else(|reason| {
            notes.push(note(
                NoteKind::CellUnreadable {
                    text: text.to_owned(),
                    reason,
                },
                Section::OtherMatters,
                None,
                Some(index),
                line,
            ));
            None
        })
    };
    let mut statement = FeeStatement::default();
    if let Some(Value::Count(n)) = read(1, ValueKind::Count, notices) {
        statement.notices = Some(n);
    }
    if let Some(Value::Money(a)) = read(2, ValueKind::Money, amount) {
        statement.notices_amount = Some(a);
    }
    if let Some(Value::Money(a)) = read(3, ValueKind::Money, collected) {
        statement.collected = Some(a);
    }
    Some((statement, notes))
}

/// A line of a table as the renderer prints it.
#[derive(Debug)]
enum Shape {
    /// A line of its own: a caption or a group label.
    Label(String),
    /// A header line: its fields.
    Header(Vec<String>),
    /// A data line: the row label (表四 has none) and how many value fields follow.
    Data {
        label: Option<String>,
        values: usize,
    },
}

/// The lines of 表二, 表三 and 表四 of an edition, from a rendered blank report.
fn skeleton(edition: Edition) -> Option<&'static [Vec<Shape>; 3]> {
    static SKELETONS: OnceLock<[Option<[Vec<Shape>; 3]>; 2]> = OnceLock::new();
    let all = SKELETONS.get_or_init(|| Edition::ALL.map(build_skeleton));
    all.get(usize::from(edition == Edition::E2021))?.as_ref()
}

fn build_skeleton(edition: Edition) -> Option<[Vec<Shape>; 3]> {
    let report = AnnualReport::builder(edition, crate::FIRST_YEAR, "", BodyKind::Other)
        .proactive(Proactive::blank(edition))
        .requests(Requests::blank(edition))
        .appeals(Appeals::blank())
        .build()
        .ok()?;
    let text = crate::render::text(&report);
    let lines = split_lines(&text);
    let start = lines.iter().position(|l| l.text.is_empty())?;
    let headings = headings(&lines, start)?;
    let shapes = |k: usize| -> Option<Vec<Shape>> {
        let region = lines.get(headings[k] + 1..headings.get(k + 1)? - 1)?;
        Some(region.iter().map(|l| shape(l.text)).collect())
    };
    Some([shapes(1)?, shapes(2)?, shapes(3)?])
}

/// The shape of a line of a rendered blank table: a data line has no text but its label.
fn shape(text: &str) -> Shape {
    if !text.contains('|') {
        return Shape::Label(text.trim_matches(' ').to_owned());
    }
    let f: Vec<&str> = fields(text).collect();
    let rest_empty = f.iter().skip(1).all(|s| s.is_empty());
    match f.first() {
        Some(first) if rest_empty && !first.is_empty() => Shape::Data {
            label: Some((*first).to_owned()),
            values: f.len() - 1,
        },
        Some(_) if rest_empty => Shape::Data {
            label: None,
            values: f.len(),
        },
        _ => Shape::Header(f.iter().map(|s| (*s).to_owned()).collect()),
    }
}

/// The value fields of a table's lines in printed order, with their line indexes, when the
/// lines are exactly the shapes (`first` is the index of the first line in the input).
fn table_cells<'a>(
    lines: &[Line<'a>],
    first: usize,
    shapes: &[Shape],
) -> Option<Vec<(&'a str, usize)>> {
    if lines.len() != shapes.len() {
        return None;
    }
    let mut cells = Vec::new();
    for ((index, line), shape) in (first..).zip(lines).zip(shapes) {
        match shape {
            Shape::Label(label) => {
                if line.text.contains('|') || line.text.trim_matches(' ') != label {
                    return None;
                }
            }
            Shape::Header(header) => {
                if !fields(line.text).eq(header.iter().map(String::as_str)) {
                    return None;
                }
            }
            Shape::Data { label, values } => {
                let mut f = fields(line.text);
                if let Some(label) = label {
                    if f.next() != Some(label.as_str()) {
                        return None;
                    }
                }
                let before = cells.len();
                cells.extend(f.map(|t| (t, index)));
                if cells.len() - before != *values {
                    return None;
                }
            }
        }
    }
    Some(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_keep_the_body_byte_for_byte() {
        assert_eq!(
            title("某局2020年政府信息公开工作年度报告"),
            Some((2020, "某局"))
        );
        assert_eq!(
            title(" 某局 2 2021年政府信息公开工作年度报告"),
            Some((2021, " 某局 2 "))
        );
        assert_eq!(title("2024年政府信息公开工作年度报告"), Some((2024, "")));
        assert_eq!(title("某局２０２０年政府信息公开工作年度报告"), None);
        assert_eq!(title("某局2020年度政府信息公开工作年度报告"), None);
        assert_eq!(title("020年政府信息公开工作年度报告"), None);
    }

    #[test]
    fn kind_lines() {
        for kind in BodyKind::ALL {
            assert_eq!(
                body_kind(&format!("机关类型：{}", kind.label())),
                Some(kind)
            );
        }
        assert_eq!(body_kind("机关类型：局"), None);
        assert_eq!(body_kind("机关类型:其他"), None);
    }

    #[test]
    fn skeletons_have_every_cell() {
        for edition in Edition::ALL {
            let shapes = skeleton(edition).expect("the blank report renders");
            for (table, lines) in Table::ALL.iter().zip(shapes) {
                let values: usize = lines
                    .iter()
                    .map(|s| match s {
                        Shape::Data { values, .. } => *values,
                        _ => 0,
                    })
                    .sum();
                assert_eq!(values, table.cell_count(edition), "{table:?} {edition}");
            }
            let t4 = shapes.get(2).and_then(|l| l.last());
            assert!(matches!(
                t4,
                Some(Shape::Data {
                    label: None,
                    values: 15
                })
            ));
        }
    }

    #[test]
    fn fee_lines_read_each_value() {
        let header = "           | 发出收费通知件数 | 收费通知总金额 | 实际收取总金额";
        let (fees, notes) =
            fee_lines(header, "信息处理费 |  2 |  | 0.5万元", 9).expect("fee lines");
        assert_eq!(fees.notices, Some(2));
        assert_eq!(fees.notices_amount, None);
        assert_eq!(
            fees.collected.map(|a| a.to_string()).as_deref(),
            Some("0.5万元")
        );
        assert!(notes.is_empty());
        let (fees, notes) = fee_lines(header, "信息处理费 | x | 1元 |", 9).expect("fee lines");
        assert_eq!((fees.notices, fees.collected), (None, None));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].at.line, 10);
        assert!(fee_lines(header, "信息处理费 | 1 | 2", 9).is_none());
        assert!(
            fee_lines(
                "发出收费通知件数 | 收费通知总金额 | 实际收取总金额",
                "信息处理费 | 1 | 2 | 3",
                9
            )
            .is_none()
        );
    }
}
