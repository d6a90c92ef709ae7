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

use chrono::NaiveDate;

use crate::cell::{CellRef, Table, Value, ValueKind};
use crate::edition::Edition;
use crate::extras::{
    CELL_REMARK_MARK, EXTRA_ROW_MARK, ExtraRow, Place, REMARK_MARK, Remark, split_fields, unescape,
};
use crate::import::lines::Line;
use crate::import::notes::{Note, NoteKind};
use crate::import::read::{Placed, note};
use crate::layout::{Layout, TextLine};
use crate::narrative::FeeStatement;
use crate::report::BodyKind;
use crate::section::{BODY_KIND_LABEL, EDITION_LABEL, PUBLISHED_LABEL, Section, TITLE_SUFFIX};

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
    /// 表二, 表三 and 表四 as printed: each in its layout, its cells in the layout's
    /// order, and what it prints beyond them.
    pub(crate) tables: [ExactTable<'a>; 3],
    /// Notes on the fee statement's values that cannot be read.
    pub(crate) notes: Vec<Note>,
}

/// A table read exactly: its layout, its cells in the layout's order, what it prints
/// beyond them.
#[derive(Debug, Default)]
pub(crate) struct ExactTable<'a> {
    pub(crate) layout: Option<Edition>,
    pub(crate) cells: Vec<Placed<'a>>,
    pub(crate) remarks: Vec<Remark>,
    pub(crate) rows: Vec<ExtraRow>,
    pub(crate) cell_remarks: Vec<(CellRef, String)>,
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
    next += 1;
    // The report's edition is printed when a table departs from it; else every table is
    // printed in the report's edition's layout.
    let stated = match lines.get(next)?.text.strip_prefix(EDITION_LABEL) {
        Some(rest) => {
            next += 1;
            Some(Edition::from_code(rest.strip_prefix('：')?)?)
        }
        None => None,
    };
    let headings = headings(lines, next)?;
    let [h1, h2, _, _, h5, h6] = headings;
    // The lines of a table section: after its heading, up to the empty line before the
    // next heading.
    let region = |k: usize| -> Option<(usize, &[Line<'a>])> {
        let from = headings.get(k)? + 1;
        let to = headings.get(k + 1)?.checked_sub(1)?;
        Some((from, lines.get(from..to)?))
    };
    let mut tables: [ExactTable<'a>; 3] = Default::default();
    for ((slot, &table), k) in tables.iter_mut().zip(Table::ALL).zip(1..) {
        let (from, body) = region(k)?;
        *slot = Edition::ALL
            .into_iter()
            .find_map(|e| table_lines(body, from, Layout::of(table, e)))?;
    }
    let layouts = tables.each_ref().map(|t| t.layout);
    let edition = if let Some(e) = stated {
        // Printed only when a table departs from it.
        if layouts[..2].iter().all(|&l| l == Some(e)) {
            return None;
        }
        e
    } else {
        let [t2, t3, _] = layouts;
        if t2 != t3 {
            return None;
        }
        t2?
    };
    // 表四 is the same in both editions.
    tables[2].layout = Some(edition);

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
        tables,
        notes,
    })
}

/// The title's year and body: `{body}{yyyy}年政府信息公开工作年度报告`.
pub(crate) fn title(text: &str) -> Option<(u16, &str)> {
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

/// The lines of a table section read exactly in a layout: every line of the layout's
/// plain-text form ([`Layout::text_lines`]) in order, with the value fields of its data
/// lines, and the lines of what the table prints beyond its cells where the renderer puts
/// them (extra rows and remarks above the table, after a row, under the table); `None`
/// when the lines are not that. `first` is the index of the first line in the input.
fn table_lines<'a>(lines: &[Line<'a>], first: usize, layout: &Layout) -> Option<ExactTable<'a>> {
    let shapes = layout.text_lines();
    let mut out = ExactTable {
        layout: Some(layout.edition()),
        ..ExactTable::default()
    };
    let mut shape = shapes.iter().peekable();
    // Where extras lines read now are printed: above the table until its first line.
    let mut place = Some(Place::Above);
    for (index, line) in (first..).zip(lines) {
        if extras_line(line.text, place, &mut out)? {
            continue;
        }
        match shape.next()? {
            TextLine::Label(label) => {
                if line.text.contains('|') || line.text != label.as_str() {
                    return None;
                }
                place = None;
            }
            TextLine::Header { corner, fields } => {
                let printed = split_fields(line.text);
                let expected = corner.iter().copied().chain(fields.iter().map(|f| f.text));
                if !printed.iter().copied().eq(expected) {
                    return None;
                }
                place = None;
            }
            TextLine::Data { label, row, cells } => {
                let printed = split_fields(line.text);
                let mut printed = printed.into_iter();
                if let Some(label) = label {
                    if printed.next()? != label.trim_start_matches(' ') {
                        return None;
                    }
                }
                let values: Vec<&'a str> = printed.collect();
                if values.len() != cells.len() {
                    return None;
                }
                for (position, field) in cells.clone().zip(values) {
                    let cell = *layout.cells().get(position)?;
                    let (text, remark) = match field.strip_prefix(CELL_REMARK_MARK.trim_start()) {
                        Some(remark) => ("", Some(remark)),
                        None => match field.split_once(CELL_REMARK_MARK) {
                            Some((value, remark)) => (value, Some(remark)),
                            None => (field, None),
                        },
                    };
                    if let Some(remark) = remark {
                        out.cell_remarks.push((cell, unescape(remark)?));
                    }
                    out.cells.push(Placed {
                        cell,
                        index: position + 1,
                        text,
                        line: index,
                    });
                }
                // After the last row of the table is under it.
                let last = shape.peek().is_none();
                place = match row {
                    Some(row) if !last => Some(Place::After(*row)),
                    _ => Some(Place::Below),
                };
            }
        }
    }
    (shape.next().is_none() && out.cells.len() == layout.len()).then_some(out)
}

/// Reads a line of what a table prints beyond its cells (an extra row, a remark) into the
/// table at the place the line is in: `Some(true)` when it is one, `Some(false)` when it is
/// not, `None` when it is one where none can be printed or cannot be read.
fn extras_line(text: &str, place: Option<Place>, out: &mut ExactTable<'_>) -> Option<bool> {
    if let Some(remark) = text.strip_prefix(REMARK_MARK) {
        out.remarks.push(Remark::new(place?, unescape(remark)?));
        return Some(true);
    }
    let fields = split_fields(text);
    let Some(label) = fields.first().and_then(|f| f.strip_prefix(EXTRA_ROW_MARK)) else {
        return Some(false);
    };
    let label = match label.strip_prefix(' ') {
        Some(label) => label,
        None if label.is_empty() => label,
        None => return Some(false),
    };
    let cells: Option<Vec<String>> = fields.iter().skip(1).map(|c| unescape(c)).collect();
    out.rows
        .push(ExtraRow::new(place?, unescape(label)?, cells?));
    Some(true)
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
