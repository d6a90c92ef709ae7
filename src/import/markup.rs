//! HTML pages into the importer: the page is parsed as a browser parses it (module
//! `html`), and its text blocks and table grids are laid out as lines the page-text reader
//! reads with certainty. Each grid row becomes one line of pipe-separated fields in the
//! row's own column order, so that a value is only ever read in the cell the grid puts it
//! in: a row's label and its values share their line, an empty `<td>` is an empty field, a
//! row with fewer `<td>` than the grid is padded with empty fields at its end (as the
//! browser shows it), and a cell spanning rows is printed once, on its first row.
//! Notes then name the line and column of the element in the HTML source.

use std::borrow::Cow;

use crate::import::dates::{DateSource, Dated, leading_date};
use crate::import::html::{self, Block, Document, EncodingSource, Grid, Position};
use chrono::NaiveDate;

use crate::cell::{Applicant, CellRef, Table, Value, ValueKind};
use crate::edition::Edition;
use crate::extras::{ExtraRow, Place, Remark};
use crate::import::html::own::{self, Item, Own, OwnCell, Row};
use crate::import::layout::{self, Exact, ExactTable};
use crate::import::lines::normalize;
use crate::import::notes::PageEncoding;
use crate::import::read::Placed;
use crate::import::{ImportError, Imported, Note, NoteKind, import_text};
use crate::layout::{Layout, RowRef};
use crate::narrative::FeeStatement;
use crate::render::html::{CLASS_EXTRA, CLASS_FEES, CLASS_REMARK};
use crate::section::Section;
use crate::section::{EDITION_LABEL, PUBLISHED_LABEL};

/// The `<meta>` names CMSs give a page's publication date, compared ASCII
/// case-insensitively.
const DATE_METAS: [&str; 7] = [
    "PubDate",
    "publishdate",
    "publish_date",
    "pubtime",
    "ArticlePublishTime",
    "firstpublishedtime",
    "article:published_time",
];

/// The elements a page or a fragment of one starts with.
const FIRST_TAGS: [&str; 40] = [
    "!doctype", "!--", "?xml", "html", "head", "body", "meta", "title", "link", "style", "script",
    "base", "div", "p", "table", "tbody", "thead", "tr", "td", "th", "span", "font", "h1", "h2",
    "h3", "h4", "h5", "h6", "section", "article", "center", "main", "header", "nav", "ul", "ol",
    "li", "br", "b", "strong",
];

/// Whether a text is HTML markup rather than page text: after white space (and a
/// byte-order mark) it starts with a doctype, a comment, or the start tag of an element
/// pages and fragments start with (`<html>`, `<meta …>`, `<div …>`, `<p>`, `<table>`, …).
/// Page text never starts so; a report whose body's name is `<x>` is text.
pub(crate) fn is_markup(text: &str) -> bool {
    let t = text
        .trim_start_matches('\u{feff}')
        .trim_start_matches(|c: char| c.is_ascii_whitespace());
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    FIRST_TAGS.iter().any(|tag| {
        let head = rest.get(..tag.len());
        head.is_some_and(|h| h.eq_ignore_ascii_case(tag))
            && (tag.starts_with('!') && tag.len() == 3
                || rest
                    .get(tag.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/'))
    })
}

/// Imports an HTML page (both editions): the report exactly as the page shows it, its
/// tables read from their grids, and notes located at the line and column of their
/// element in the source.
///
/// The page is read as a browser reads it (unclosed tags, Word and CMS markup, entities,
/// `rowspan` and `colspan`); navigation, share links and footers around the report are
/// found as the page-text importer finds them, by the report's title and sections. The
/// publication date is the one the page labels (`发布日期：2020-01-31`), else its
/// `<meta name="PubDate" …>`, else its dated sign-off, with a note saying which.
///
/// # Errors
/// As [`crate::import()`]: [`ImportError::NothingFound`] when the page holds no section
/// heading and no table row, [`ImportError::YearBeforeFormat`] for a report year before
/// 2019; lines are the source's.
///
/// ```
/// let page = r#"<html><head><meta name="PubDate" content="2021-01-20 10:00"></head><body>
/// <h1>某局2020年政府信息公开工作年度报告</h1>
/// <p>四、政府信息公开行政复议、行政诉讼情况</p>
/// <table>
/// <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
/// <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>
///     <td rowspan="2">尚未审结</td><td rowspan="2">总计</td>
///     <td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
/// <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
///     <td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
/// <tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td>
///     <td>0</td><td>0</td><td>0</td><td><p>&nbsp;</p></td><td>0</td><td>0</td><td>0</td></tr>
/// </table></body></html>"#;
/// let imported = ogi_report::import_html(page)?;
/// let report = &imported.report;
/// use ogi_report::{AppealColumn as C, AppealGroup as G};
/// assert_eq!(report.appeals().get(G::Review, C::Upheld), Some(1));
/// assert_eq!(report.appeals().get(G::SuitAfterReview, C::Corrected), None);
/// assert_eq!(report.published().map(|d| d.to_string()).as_deref(), Some("2021-01-20"));
/// let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
/// assert!(notes.contains(&"line 1, column 13, front, row -, cell -: publication date \
///     2021-01-20 read from the page's <meta name=\"PubDate\">".to_owned()), "{notes:#?}");
/// # Ok::<(), ogi_report::ImportError>(())
/// ```
pub fn import_html(html: &str) -> Result<Imported, ImportError> {
    if let Some(imported) = own_page(html) {
        return imported;
    }
    let document = html::parse(html);
    read_document(&document, Vec::new())
}

/// A page the crate wrote (`render::html`), read exactly: `None` for any other page, or
/// one whose markup was changed so that it no longer reads exactly.
fn own_page(html: &str) -> Option<Result<Imported, ImportError>> {
    if !html.contains(own::GENERATOR) {
        return None;
    }
    let own = own::read(html)?;
    let exact = exact(&own)?;
    Some(crate::import::import_exact(exact, &[]))
}

/// The report a page of the crate holds, in the form the exact reader of the crate's text
/// layout gives.
fn exact(own: &Own) -> Option<Exact<'_>> {
    let (year, body) = layout::title(&own.title)?;
    let (mut published, mut kind, mut stated) = (None, None, None);
    for meta in &own.metas {
        if let Some(date) = meta.strip_prefix(PUBLISHED_LABEL) {
            let date = date.strip_prefix('：')?;
            published = Some(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?);
        } else if let Some(code) = meta.strip_prefix(EDITION_LABEL) {
            stated = Some(Edition::from_code(code.strip_prefix('：')?)?);
        } else {
            kind = Some(layout::body_kind(meta)?);
        }
    }
    let sections = own.sections.as_slice();
    if sections.len() != Section::ALL.len()
        || sections
            .iter()
            .zip(Section::ALL)
            .any(|((heading, _), s)| heading != s.heading())
    {
        return None;
    }
    let items = |s: Section| {
        let k = Section::ALL.iter().position(|&x| x == s)?;
        sections.get(k).map(|(_, items)| items.as_slice())
    };
    let narrative = |s: Section| -> Option<&str> {
        match items(s)? {
            [Item::Text(t), ..] => Some(t.as_str()),
            _ => None,
        }
    };
    let mut tables: [ExactTable<'_>; 3] = Default::default();
    for (slot, &table) in tables.iter_mut().zip(Table::ALL) {
        *slot = exact_table(table, items(Section::of_table(table))?)?;
    }
    let [t2, t3, _] = tables.each_ref().map(|t| t.layout);
    let edition = match stated {
        Some(e) => e,
        None if t2 == t3 => t2?,
        None => return None,
    };
    tables[2].layout = Some(edition);
    let fees = match items(Section::OtherMatters)? {
        [Item::Text(_), Item::Table(class, rows)] if class == CLASS_FEES => {
            Some(fee_statement(rows)?)
        }
        [Item::Text(_)] => None,
        _ => return None,
    };
    Some(Exact {
        edition,
        year,
        body,
        kind: kind?,
        published,
        overview: narrative(Section::Overview)?,
        problems: narrative(Section::Problems)?,
        other: narrative(Section::OtherMatters)?,
        fees,
        tables,
        notes: Vec::new(),
    })
}

/// A table section of a page of the crate: the remarks above and under the table, its
/// value cells by their ids, its extra rows and remark rows where they stand.
fn exact_table(table: Table, items: &[Item]) -> Option<ExactTable<'_>> {
    let at = items.iter().position(|i| matches!(i, Item::Table(..)))?;
    let Some(Item::Table(_, rows)) = items.get(at) else {
        return None;
    };
    let mut out = ExactTable::default();
    for (k, item) in items.iter().enumerate() {
        match item {
            Item::Remark(text) => {
                let place = if k < at { Place::Above } else { Place::Below };
                out.remarks.push(Remark::new(place, text.clone()));
            }
            Item::Table(..) if k == at => {}
            _ => return None,
        }
    }
    // The cells by their ids, and the layout they are all of.
    let mut cells: Vec<(CellRef, &OwnCell)> = Vec::new();
    for row in rows.iter().filter(|r| r.class.is_empty()) {
        for cell in row.cells.iter().filter(|c| !c.header) {
            let code: CellRef = cell.id.as_deref()?.parse().ok()?;
            cells.push((code, cell));
        }
    }
    let layout = Edition::ALL.into_iter().find(|&e| {
        let layout = Layout::of(table, e);
        layout.len() == cells.len() && cells.iter().all(|&(c, _)| layout.contains(c))
    })?;
    let grid = Layout::of(table, layout);
    out.layout = Some(layout);
    for &(cell, c) in &cells {
        out.cells.push(Placed {
            cell,
            index: grid.position(cell)? + 1,
            text: &c.text,
            line: 0,
        });
        if let Some(remark) = &c.remark {
            out.cell_remarks.push((cell, remark.clone()));
        }
    }
    // Extra rows and remark rows: after the last row of the table before them, under
    // the table when no row of it follows, above it when none precedes.
    let mut last: Option<RowRef> = None;
    let mut pending: Vec<(Option<RowRef>, &Row)> = Vec::new();
    let mut placed: Vec<(Place, &Row)> = Vec::new();
    for row in rows {
        match row.class.as_str() {
            "" => {
                // Header and caption rows have no value cell.
                let Some(first) = row.cells.iter().find(|c| !c.header) else {
                    continue;
                };
                let cell: CellRef = first.id.as_deref()?.parse().ok()?;
                if cells.iter().any(|&(c, _)| c == cell) {
                    for (after, r) in pending.drain(..) {
                        let place = after.map_or(Place::Above, Place::After);
                        placed.push((place, r));
                    }
                    last = Some(RowRef::of(cell));
                }
            }
            c if c == CLASS_EXTRA || c == CLASS_REMARK => pending.push((last, row)),
            _ => {}
        }
    }
    for (after, r) in pending {
        placed.push((
            if after.is_some() {
                Place::Below
            } else {
                Place::Above
            },
            r,
        ));
    }
    for (place, row) in placed {
        if row.class == CLASS_REMARK {
            let [cell] = row.cells.as_slice() else {
                return None;
            };
            out.remarks.push(Remark::new(place, cell.text.clone()));
        } else {
            let (label, rest) = row.cells.split_first()?;
            out.rows.push(ExtraRow::new(
                place,
                label.text.clone(),
                rest.iter().map(|c| c.text.clone()),
            ));
        }
    }
    Some(out)
}

/// The fee statement's table: its value cells in [`FeeStatement::values`] order.
fn fee_statement(rows: &[Row]) -> Option<FeeStatement> {
    let values: Vec<&str> = rows
        .get(1)?
        .cells
        .iter()
        .filter(|c| !c.header)
        .map(|c| c.text.as_str())
        .collect();
    let [notices, amount, collected] = values.as_slice() else {
        return None;
    };
    let count = |text: &str| match Value::parse(ValueKind::Count, text) {
        Ok(Some(Value::Count(n))) => Ok(Some(n)),
        Ok(_) => Ok(None),
        Err(_) => Err(()),
    };
    let money = |text: &str| match Value::parse(ValueKind::Money, text) {
        Ok(Some(Value::Money(a))) => Ok(Some(a)),
        Ok(_) => Ok(None),
        Err(_) => Err(()),
    };
    let mut statement = FeeStatement::default();
    (
        statement.notices,
        statement.notices_amount,
        statement.collected,
    ) = (
        count(notices).ok()?,
        money(amount).ok()?,
        money(collected).ok()?,
    );
    Some(statement)
}

/// Imports an HTML page given as bytes: decoded as a browser decodes a page saved without
/// its HTTP headers (a byte-order mark; else the charset its `<meta>` declares, `gb2312`
/// read as GBK; else UTF-8 when the bytes are UTF-8; else GB18030, a guess), then read as
/// [`import_html`] reads it. A note says how the bytes were decoded whenever that was not
/// plain UTF-8, and how many malformed sequences became U+FFFD.
///
/// # Errors
/// As [`import_html`].
///
/// ```
/// // "某局2020年政府信息公开工作年度报告" and a heading, in GBK, declared by the page.
/// let mut page = b"<meta charset=\"gb2312\"><h1>".to_vec();
/// page.extend([0xc4, 0xb3, 0xbe, 0xd6]); // 某局
/// page.extend(b"2020");
/// page.extend([0xc4, 0xea]); // 年
/// page.extend([
///     0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa, 0xb9, 0xa4, 0xd7,
///     0xf7, 0xc4, 0xea, 0xb6, 0xc8, 0xb1, 0xa8, 0xb8, 0xe6,
/// ]); // 政府信息公开工作年度报告
/// page.extend(b"</h1><p>");
/// page.extend([0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xc7, 0xe9, 0xbf, 0xf6]); // 一、总体情况
/// page.extend(b"</p>");
/// let imported = ogi_report::import_html_bytes(&page)?;
/// assert_eq!(imported.report.body(), "某局");
/// assert!(imported.notes[0].to_string().contains("decoded as GBK, as its <meta> declares (gb2312)"));
/// # Ok::<(), ogi_report::ImportError>(())
/// ```
pub fn import_html_bytes(bytes: &[u8]) -> Result<Imported, ImportError> {
    let decoded = html::decode(bytes);
    let text: &str = &decoded.text;
    let document = html::parse(text);
    let mut first = Vec::new();
    let declared_at = match &decoded.source {
        EncodingSource::Declared { at, .. } | EncodingSource::Utf8NotDeclared { at, .. } => {
            Some(*at)
        }
        _ => None,
    };
    let plain_utf8 = matches!(decoded.source, EncodingSource::Utf8 | EncodingSource::Bom)
        || (matches!(decoded.source, EncodingSource::Declared { .. })
            && decoded.encoding == encoding_rs::UTF_8);
    if !plain_utf8 || decoded.replaced > 0 {
        let (line, column) = declared_at.map_or((1, 1), |at| {
            crate::import::bytes::line_and_column(bytes, at)
        });
        let kind = NoteKind::PageDecoded {
            encoding: decoded.encoding.name().to_owned(),
            source: public_source(&decoded.source),
            replaced: decoded.replaced,
        };
        let mut note = crate::import::read::note(kind, Section::Front, None, None, line - 1);
        note.at.column = Some(column);
        first.push(note);
    }
    read_document(&document, first)
}

/// How page bytes were decoded: the public form of the decoder's reason.
fn public_source(source: &EncodingSource) -> PageEncoding {
    match source {
        EncodingSource::Bom => PageEncoding::ByteOrderMark,
        EncodingSource::Declared { label, .. } => PageEncoding::Declared {
            label: label.clone(),
        },
        EncodingSource::Utf8NotDeclared { label, .. } => PageEncoding::Utf8NotAsDeclared {
            label: label.clone(),
        },
        EncodingSource::Utf8 => PageEncoding::Utf8,
        EncodingSource::Guessed => PageEncoding::Guessed,
    }
}

/// Reads a parsed page: its lines through the page-text importer, then every note moved
/// to its place in the source; `first` are notes on the bytes.
fn read_document(document: &Document, mut first: Vec<Note>) -> Result<Imported, ImportError> {
    let lines = Lines::of(document);
    let metas: Vec<Dated> = document
        .metas
        .iter()
        .filter(|m| {
            DATE_METAS
                .iter()
                .any(|name| m.name.trim().eq_ignore_ascii_case(name))
        })
        .filter_map(|m| {
            let date = leading_date(m.content.trim())?;
            Some(Dated {
                date,
                source: DateSource::Meta(m.name.trim().to_owned()),
                line: 0,
            })
        })
        .collect();
    let at_line = |line: usize| -> Position {
        line.checked_sub(1)
            .and_then(|i| lines.at.get(i))
            .copied()
            .unwrap_or(Position::START)
    };
    let mut imported = import_text(&lines.text, &metas).map_err(|e| match e {
        ImportError::YearBeforeFormat { year, line } => ImportError::YearBeforeFormat {
            year,
            line: at_line(line).line,
        },
        ImportError::Report { line, source } => ImportError::Report {
            line: at_line(line).line,
            source,
        },
        other => other,
    })?;
    for note in &mut imported.notes {
        let meta = match &note.kind {
            NoteKind::PublishedFrom {
                source: DateSource::Meta(name),
                ..
            }
            | NoteKind::PublicationDatesDisagree {
                source: DateSource::Meta(name),
                ..
            } => document
                .metas
                .iter()
                .find(|m| m.name.trim() == name)
                .map(|m| m.at),
            _ => None,
        };
        let at = meta.unwrap_or_else(|| at_line(note.at.line));
        note.at.line = at.line;
        note.at.column = Some(at.column);
    }
    first.append(&mut imported.notes);
    imported.notes = first;
    imported.notes.sort_by_key(|n| (n.at.line, n.at.column));
    Ok(imported)
}

/// A page's blocks laid out as lines, with the source position of each line.
struct Lines {
    text: String,
    at: Vec<Position>,
}

impl Lines {
    fn of(document: &Document) -> Self {
        let mut lines = Lines {
            text: String::new(),
            at: Vec::new(),
        };
        // A page whose article never prints its title: the `<title>` gives it.
        let titled = document.blocks.iter().any(|b| match b {
            Block::Text(t) => t.text.contains("报告"),
            Block::Table(_) => false,
        });
        if let (false, Some(title)) = (titled, &document.title) {
            lines.push(&title.text, title.at);
        }
        for block in &document.blocks {
            match block {
                Block::Text(t) => {
                    for line in t.text.split('\n') {
                        lines.push(line, t.at);
                    }
                }
                Block::Table(grid) => lines.grid(grid),
            }
        }
        lines
    }

    fn push(&mut self, line: &str, at: Position) {
        // A line of the page is one line of the text, whatever it holds.
        let line: Cow<'_, str> = if line.contains(['\r', '\u{2028}', '\u{2029}']) {
            Cow::Owned(line.replace(['\r', '\u{2028}', '\u{2029}'], " "))
        } else {
            Cow::Borrowed(line)
        };
        self.text.push_str(&line);
        self.text.push('\n');
        self.at.push(at);
    }

    /// One line per row that starts a cell: `| 规章 | 0 |  | 3 |`, each field the text of
    /// the cell whose top-left slot it is, empty fields for slots no cell covers.
    fn grid(&mut self, grid: &Grid) {
        // A table of one cell per row frames text (a title, sections in a text box): its
        // paragraphs are lines of text.
        let mut per_row = vec![0u8; grid.height()];
        for cell in &grid.cells {
            if let Some(n) = per_row.get_mut(cell.row) {
                *n = n.saturating_add(1);
            }
        }
        let framed = per_row.iter().all(|&n| n <= 1);
        if framed {
            for cell in &grid.cells {
                for line in cell.text.split('\n') {
                    self.push(line, cell.at);
                }
            }
            return;
        }
        let order = column_order(grid);
        let mut line = String::new();
        for row in 0..grid.height() {
            line.clear();
            let mut at: Option<Position> = None;
            let mut any = false;
            for &column in &order {
                let field = match grid.cell_at(row, column) {
                    None => Cow::Borrowed(""),
                    Some(cell) if cell.row == row && cell.column == column => {
                        at.get_or_insert(cell.at);
                        any = true;
                        cell_text(&cell.text)
                    }
                    // A slot of a cell that starts on a row above or a column to the left.
                    Some(_) => continue,
                };
                line.push_str("| ");
                line.push_str(&field);
                line.push(' ');
            }
            if any {
                line.push('|');
                self.push(&line, at.unwrap_or(grid.at));
            }
        }
    }
}

/// Labels of a column that numbers the rows (`行次`, `序号`): not a column of the format.
const ROW_NUMBER_LABELS: [&str; 4] = ["行次", "栏次", "序号", "编号"];

/// The order in which a grid's columns are laid out: as printed, less the columns headed
/// as row numbers (`行次`), and with 表三's seven applicant columns in the format's order
/// where the header names all seven, each over a column of its own (a table that prints
/// 总计 first is read by its header, not by position).
fn column_order(grid: &Grid) -> Vec<usize> {
    // The texts of the cells of each column (one column wide), in one pass: labels are
    // short, so longer texts are left out.
    let mut headers: Vec<Vec<String>> = vec![Vec::new(); grid.width()];
    for c in grid
        .cells
        .iter()
        .filter(|c| c.colspan == 1 && c.text.len() <= 30)
    {
        if let Some(h) = headers.get_mut(c.column) {
            h.push(normalize(&c.text));
        }
    }
    let mut order: Vec<usize> = (0..grid.width())
        .filter(|&c| {
            !headers
                .get(c)
                .is_some_and(|h| h.iter().any(|t| ROW_NUMBER_LABELS.contains(&t.as_str())))
        })
        .collect();
    let applicants: Option<Vec<usize>> = Applicant::ALL
        .iter()
        .map(|a| {
            let label = normalize(a.label());
            let mut columns =
                (0..grid.width()).filter(|&c| headers.get(c).is_some_and(|h| h.contains(&label)));
            match (columns.next(), columns.next()) {
                (Some(c), None) => Some(c),
                _ => None,
            }
        })
        .collect();
    if let Some(columns) = applicants {
        let mut sorted = columns.clone();
        sorted.sort_unstable();
        sorted.dedup();
        if sorted.len() == columns.len() && sorted != columns {
            // The applicant columns in the format's order, where the first of them stands.
            let first = order.iter().position(|c| sorted.contains(c));
            order.retain(|c| !sorted.contains(c));
            if let Some(at) = first {
                order.splice(at..at, columns);
            }
        }
    }
    order
}

/// A cell's text as one field: its lines (paragraphs, `<br>`) joined, with a space only
/// between two ASCII letters or digits (`1` and `2` on two lines stay two numbers); a pipe
/// in the text is printed full-width, so that it cannot split the field.
fn cell_text(text: &str) -> Cow<'_, str> {
    let pieces: Vec<&str> = text
        .split('\n')
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect();
    if let [one] = pieces.as_slice() {
        if !one.contains('|') && *one == text {
            return Cow::Borrowed(text);
        }
    }
    let mut out = String::new();
    for piece in pieces {
        let spaced = out
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
            && piece
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric());
        if spaced {
            out.push(' ');
        }
        out.push_str(piece);
    }
    Cow::Owned(out.replace('|', "｜"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_told_from_text() {
        for page in [
            "<!DOCTYPE html><html>",
            "\u{feff}  <html lang=zh>",
            "<meta charset=gbk>",
            "<p>某局</p>",
            "<table><tr><td>1</td></tr></table>",
            "<!-- saved --><div>",
        ] {
            assert!(is_markup(page), "{page}");
        }
        for text in [
            "某局2020年政府信息公开工作年度报告",
            "< 5 件",
            "<2020年>",
            "<x>&2019年政府信息公开工作年度报告",
            "<pre",
            "| 规章 | 0 |",
            "",
            "<",
        ] {
            assert!(!is_markup(text), "{text}");
        }
    }

    #[test]
    fn cell_texts_are_one_field() {
        assert_eq!(cell_text("1"), "1");
        assert_eq!(cell_text("1\n\u{a0}"), "1");
        assert_eq!(
            cell_text("（二）部分公开\n（区分处理的）"),
            "（二）部分公开（区分处理的）"
        );
        assert_eq!(cell_text("12\n34"), "12 34");
        assert_eq!(cell_text("251000\n元"), "251000元");
        assert_eq!(cell_text("a|b"), "a｜b");
    }

    #[test]
    fn grid_rows_are_lines_of_fields() {
        let page = "<table><tr><td rowspan=2>三、结果</td><td>（一）予以公开</td><td>1</td><td></td></tr>\
                    <tr><td>（二）部分公开</td><td>2</td></tr></table>";
        let document = html::parse(page);
        let lines = Lines::of(&document);
        assert_eq!(
            lines.text,
            "| 三、结果 | （一）予以公开 | 1 |  |\n| （二）部分公开 | 2 |  |\n"
        );
        assert_eq!(lines.at.len(), 2);
        assert_eq!(lines.at[1].line, 1);
    }
}
