//! The importer: a published report page — its visible text as people copy it from a
//! browser or a PDF, a converter's Markdown, a crawler's text, or its HTML — read into the
//! model exactly as printed, every number in its cell only on evidence, with notes on
//! everything it inferred or could not read.
//!
//! The text is cut into lines (`lines`), its sections found by their headings
//! (`sections`), each table section cut into printed rows and texts and placed row by row
//! against the table's layout (`labels`, `read`, `digits`); the publication date is read
//! on evidence (`dates`). An HTML page is parsed as a browser parses it (`html`) and laid
//! out as lines for the same reader (`markup`); the crate's own layouts are read back
//! exactly (`layout`, `html::own`).

pub(crate) mod bytes;
mod dates;
mod digits;
mod fees;
#[cfg(feature = "html")]
pub(crate) mod html;
mod labels;
mod layout;
pub(crate) mod lines;
#[cfg(feature = "html")]
mod markup;
mod notes;
mod read;
mod sections;

use chrono::NaiveDate;

use crate::appeals::Appeals;
use crate::cell::{CellRef, Table, Value};
use crate::edition::Edition;
use crate::extras::{ExtraRow, Remark};
use crate::narrative::{FeeStatement, OtherMatters};
use crate::proactive::Proactive;
use crate::report::{AnnualReport, BodyKind, ReportBuilder};
use crate::requests::Requests;
use crate::section::Section;

use crate::layout::RowRef;
pub use dates::DateSource;
#[cfg(feature = "html")]
pub use markup::{import_html, import_html_bytes};
pub use notes::{ImportError, Location, Note, NoteKind, PageEncoding};

use lines::{Line, split_lines};
use read::{Placed, Region, TableRead as Scan, is_sign, note, read, scan};
use sections::{
    Heading, Headings, body_kind, find_body_kind, find_headings, find_title, first_year, region,
    statistical_year, text_of,
};

/// A report imported from page text: the report exactly as printed, and the notes on
/// what the importer inferred, read loosely or could not read.
///
/// ```
/// let page = "某县人民政府2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
///             行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计\n\
///             1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n";
/// let imported = ogi_report::import(page)?;
/// assert_eq!(imported.report.appeals().get(ogi_report::AppealGroup::Review, ogi_report::AppealColumn::Total), Some(1));
/// assert!(!imported.notes.is_empty());
/// # Ok::<(), ogi_report::ImportError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Imported {
    /// The report as printed; what could not be read is blank (or empty).
    pub report: AnnualReport,
    /// The notes, in the order of the lines they are about.
    pub notes: Vec<Note>,
}

/// Imports the text of a published report page (both editions).
///
/// Reads the title (the body's name and the report year), the publication date when
/// printed, the six sections found by their headings however they are numbered, their
/// texts byte for byte, and 表二, 表三 and 表四 cell by cell in the official order. The
/// edition is the one the tables' structure shows (a 2021 report on the 2019 layout is
/// read as the 2019 edition, with a note). Each cell is read with [`Value::parse`]: a
/// sign printed in place of a number stays blank, never 0.
///
/// It copes with what real pages do: one cell per line, pipe rows, labels split across
/// lines or spaced out, values on the line above their label, page footers inside
/// tables, blank cells as empty lines, extra local rows (noted), and text that ends
/// inside a table (what is complete is imported, a note says where the text ends). A
/// table with too few or too many cells is never shifted: it is left blank with a note
/// giving the counts, and the rest of the report is imported. Text printed where a
/// number belongs that the cell parser refuses (30 digits, `1e3`, `NaN`) is still that
/// cell: blank, noted at the cell with the text. Lines of a table section that are not
/// read as part of the table (prose, remarks, a row's label printed again) are noted,
/// one note per run of lines. A page that prints the report again (its first two
/// headings printed again, with or without page furniture between the copies) is read
/// from the first copy, and a note says where the repeat starts.
///
/// The kind of body is read from a `机关类型：` line when the page prints one, else
/// inferred from the body's name (noted). In the 2021 edition, section 六's fee statement
/// is read from the two table lines the crate's plain-text layout prints after the text,
/// else, when one sentence of the text states it unambiguously (`全年收取政府信息公开
/// 信息处理费 3940 元。`: one amount, the words 收取 and 信息处理费, no negation), the
/// amount collected is read from it exactly as printed (noted with the line).
///
/// A page in the crate's own plain-text layout ([`render::text`](crate::render::text)) is
/// read exactly, and gives back the report it was printed from: the body is the title's
/// text before the four-digit year byte for byte, the texts keep their leading and
/// trailing blank lines and spaces, a blank cell is an empty field wherever it is. The
/// only notes are on what the report itself lacks or departs from (no publication date,
/// an edition other than its year's) and on values that cannot be read. Two things
/// cannot be told apart from the layout and so do not come back: a text with a line
/// equal to a later section's heading (after an empty line), and a body with a line
/// break. A page that departs from the layout anywhere is read as any other page.
///
/// ```
/// use ogi_report::{render, AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
/// let report = AnnualReport::builder(Edition::E2021, 2024, "某县 2 号局", BodyKind::Department)
///     .published(chrono::NaiveDate::from_ymd_opt(2025, 1, 20).ok_or("a date")?)
///     .overview("\n  一年来……\n\n")
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::blank(Edition::E2021))
///     .appeals(Appeals::blank())
///     .build()?;
/// let imported = ogi_report::import(&render::text(&report))?;
/// assert_eq!(imported.report, report);
/// assert!(imported.notes.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`ImportError::NothingFound`] when the text has no section heading and no row of a
/// table; [`ImportError::YearBeforeFormat`] when the title names a year before 2019.
///
/// ```
/// use ogi_report::{NoteKind, Table};
/// let page = "\
/// 某局2020年政府信息公开工作年度报告
/// 一、总体情况
/// 2020年，我局……
/// 二、主动公开政府信息情况
/// 第二十条第（一）项
/// 信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
/// 规章 | 0 | 0 | 0
/// 规范性文件 | 4 | 4 | 10
/// 第二十条第（五）项
/// 信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
/// 行政许可 | 1,004 | +3 | 43797
/// ";
/// let imported = ogi_report::import(page)?;
/// let report = &imported.report;
/// assert_eq!((report.body(), report.year()), ("某局", 2020));
/// assert_eq!(report.overview(), "2020年，我局……");
/// assert_eq!(report.get("t2.licensing.delta".parse()?).map(|v| v.to_string()), Some("3".into()));
/// assert!(imported.notes.iter().any(|n| matches!(
///     n.kind,
///     NoteKind::TextEndsInTable { table: Table::Proactive, read: 9, expected: 22 }
/// )));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn import(text: &str) -> Result<Imported, ImportError> {
    #[cfg(feature = "html")]
    if markup::is_markup(text) {
        return markup::import_html(text);
    }
    import_text(text, &[])
}

/// Imports page text; `metas` are publication dates the page gives outside its text (an
/// HTML page's `<meta>`), ranked after the dates the text labels.
fn import_text(text: &str, metas: &[dates::Dated]) -> Result<Imported, ImportError> {
    let mut all = split_lines(text);
    if let Some(exact) = layout::read(text, &all) {
        return import_exact(exact, &all);
    }
    lines::mark_page_numbers(&mut all);
    let all = lines::cut_run_together(all);
    let Headings {
        found: headings,
        repeat,
    } = find_headings(&all);
    let mut notes = Vec::new();
    // A page that prints the report again: the report is read from the first copy, and
    // the rest of the text is not read, with a note (never taken into section 六, never
    // dropped as page furniture without a word).
    let lines = match repeat.and_then(|r| all.get(..r)) {
        Some(before) => {
            let start = before.len();
            let kind = NoteKind::ReportRepeated {
                lines: last_text_line(&all).saturating_sub(start) + 1,
            };
            let section = headings.last().map_or(Section::Front, |h| h.section);
            notes.push(note(kind, section, None, None, start));
            before
        }
        None => &all[..],
    };
    let front_end = headings.first().map_or(lines.len(), |h| h.line);
    // The page's own furniture after the last section: not report text, so not read, but
    // said, so that nothing leaves the page unnoticed.
    let mut report_end = lines.len();
    if let Some(last) = headings.last() {
        let (_, end) = region(lines, &headings, Some(headings.len() - 1));
        report_end = end;
        if let Some(first) = lines.get(end) {
            let kind = NoteKind::PageFurniture {
                lines: last_text_line(lines).saturating_sub(end) + 1,
                text: read::text_start(first.text),
            };
            notes.push(note(kind, last.section, None, None, end));
        }
    }

    let scans = table_scans(lines, &headings, front_end);
    if headings.is_empty() && scans.iter().all(Option::is_none) {
        return Err(ImportError::NothingFound { lines: lines.len() });
    }
    let meta = metadata(lines, &headings, &scans, report_end, metas, &mut notes)?;
    let tables = tables(text, lines, &headings, &scans, meta.edition, &mut notes);

    let mut narrative = |section: Section| -> &str {
        if let Some((start, end)) = section_span(lines, &headings, section) {
            text_of(text, lines, start, end)
        } else {
            missing_section(&headings, lines, section, &mut notes);
            ""
        }
    };
    let overview = narrative(Section::Overview);
    let problems = narrative(Section::Problems);
    let mut six = OtherMatters::default();
    if let Some((start, end)) = section_span(lines, &headings, Section::OtherMatters) {
        let (stated, text_end) = if meta.edition == Edition::E2021 {
            fee_statement(lines, start, end, &mut notes)
        } else {
            (None, end)
        };
        six.text = String::from(text_of(text, lines, start, text_end));
        six.fees = stated.or_else(|| {
            let (collected, line) = (meta.edition == Edition::E2021)
                .then(|| fees::collected_in_prose(lines, start, text_end))
                .flatten()?;
            let kind = NoteKind::FeeCollectedFromText { collected };
            notes.push(note(kind, Section::OtherMatters, None, None, line));
            Some(FeeStatement {
                collected: Some(collected),
                ..FeeStatement::default()
            })
        });
    } else {
        missing_section(&headings, lines, Section::OtherMatters, &mut notes);
    }

    let builder = AnnualReport::builder(meta.edition, meta.year, meta.body, meta.kind)
        .overview(overview)
        .problems(problems);
    finish(builder, tables, six, meta.published, &all, notes)
}

/// Puts the tables, section 六 and the publication date into the report, and orders the
/// notes by line.
fn finish(
    builder: ReportBuilder,
    tables: Tables,
    six: OtherMatters,
    published: Option<NaiveDate>,
    lines: &[Line<'_>],
    mut notes: Vec<Note>,
) -> Result<Imported, ImportError> {
    let mut builder = builder
        .proactive(tables.proactive)
        .requests(tables.requests)
        .appeals(tables.appeals)
        .other_matters(six);
    if let Some(date) = published {
        builder = builder.published(date);
    }
    let report = builder.build().map_err(|source| ImportError::Report {
        line: last_text_line(lines) + 1,
        source,
    })?;
    // Notes name the lines of the input (a line cut in pieces is one line).
    for n in &mut notes {
        if let Some(line) = n.at.line.checked_sub(1).and_then(|i| lines.get(i)) {
            n.at.line = line.number + 1;
        }
    }
    notes.sort_by_key(|n| n.at.line);
    Ok(Imported { report, notes })
}

/// What a report says about itself.
struct Meta {
    edition: Edition,
    year: u16,
    body: String,
    kind: BodyKind,
    published: Option<NaiveDate>,
}

/// The title's body and year (else the year from the text), the edition the tables show
/// (else the year's), the kind of body its name suggests, the publication date.
fn metadata(
    lines: &[Line<'_>],
    headings: &[Heading],
    scans: &[Option<Scan<'_>>; 3],
    report_end: usize,
    metas: &[dates::Dated],
    notes: &mut Vec<Note>,
) -> Result<Meta, ImportError> {
    let front_end = headings.first().map_or(lines.len(), |h| h.line);
    let front = |kind: NoteKind, line: usize| note(kind, Section::Front, None, None, line);
    let title = find_title(lines, front_end);
    if let Some(t) = title
        .as_ref()
        .filter(|t| t.year < crate::report::FIRST_YEAR)
    {
        return Err(ImportError::YearBeforeFormat {
            year: t.year,
            line: t.line + 1,
        });
    }
    let year = title.as_ref().map(|t| (t.year, t.line)).or_else(|| {
        let overview = section_span(lines, headings, Section::Overview);
        let (ov_start, ov_end) = overview.unwrap_or((front_end, front_end));
        statistical_year(lines, 0, ov_end.max(front_end))
            .or_else(|| first_year(lines, ov_start, ov_end))
            .or_else(|| first_year(lines, 0, lines.len()))
            .inspect(|&(year, line)| notes.push(front(NoteKind::YearFromText { year }, line)))
    });
    let edition = decide_edition(scans, year, notes);
    let year = if let Some((y, _)) = year {
        y
    } else {
        let assumed = edition.first_year();
        notes.push(front(NoteKind::YearMissing { assumed }, 0));
        assumed
    };
    // The kind of body: as a `机关类型：` line names it, else from the body's name.
    let printed_kind = find_body_kind(lines, front_end);
    let (body, kind) = match &title {
        Some(t) if !t.body.is_empty() => {
            let kind = printed_kind.unwrap_or_else(|| {
                let kind = body_kind(&t.body);
                notes.push(front(NoteKind::BodyKindInferred { kind }, t.line));
                kind
            });
            (t.body.clone(), kind)
        }
        _ => {
            notes.push(front(NoteKind::BodyMissing, 0));
            (String::new(), printed_kind.unwrap_or(BodyKind::Other))
        }
    };
    let dates = dates::publication_dates(lines, front_end, report_end, metas);
    date_notes(
        &dates,
        headings,
        title.as_ref().map_or(0, |t| t.line),
        notes,
    );
    let published = dates.first().map(|d| d.date);
    Ok(Meta {
        edition,
        year,
        body,
        kind,
        published,
    })
}

/// Says where the publication date was read (the first of `dates`), and quotes each other
/// date printed once; or that none is printed (at the title's line `title`).
fn date_notes(dates: &[dates::Dated], headings: &[Heading], title: usize, notes: &mut Vec<Note>) {
    let Some((taken, others)) = dates.split_first() else {
        notes.push(note(
            NoteKind::NoPublicationDate,
            Section::Front,
            None,
            None,
            title,
        ));
        return;
    };
    let kind = NoteKind::PublishedFrom {
        date: taken.date,
        source: taken.source.clone(),
    };
    notes.push(note(
        kind,
        section_at(headings, taken.line),
        None,
        None,
        taken.line,
    ));
    let mut quoted: Vec<NaiveDate> = vec![taken.date];
    for other in others {
        if quoted.contains(&other.date) {
            continue;
        }
        quoted.push(other.date);
        let kind = NoteKind::PublicationDatesDisagree {
            taken: taken.date,
            other: other.date,
            source: other.source.clone(),
        };
        notes.push(note(
            kind,
            section_at(headings, other.line),
            None,
            None,
            other.line,
        ));
    }
}

/// The section the line `line` is in: the last whose heading is on or before it, the
/// front matter before the first.
fn section_at(headings: &[Heading], line: usize) -> Section {
    headings
        .iter()
        .take_while(|h| h.line <= line)
        .last()
        .map_or(Section::Front, |h| h.section)
}

/// The three tables of a report being imported, each in the layout it is printed in.
struct Tables {
    proactive: Proactive,
    requests: Requests,
    appeals: Appeals,
}

impl Tables {
    fn blank(edition: Edition) -> Tables {
        Tables {
            proactive: Proactive::blank(edition),
            requests: Requests::blank(edition),
            appeals: Appeals::blank(),
        }
    }

    /// Prints a table in a layout (blank).
    fn set_layout(&mut self, table: Table, layout: Edition) {
        match table {
            Table::Proactive => self.proactive = Proactive::blank(layout),
            Table::Requests => self.requests = Requests::blank(layout),
            Table::Appeals => {}
        }
    }

    /// Keeps what a table prints beyond its cells (read from places and cells of the
    /// table's layout, so each is accepted).
    fn keep_extras(
        &mut self,
        table: Table,
        remarks: Vec<Remark>,
        rows: Vec<ExtraRow>,
        cells: Vec<(CellRef, String)>,
    ) {
        macro_rules! keep {
            ($t:expr) => {{
                for r in remarks {
                    $t.add_remark(r.place, r.text).ok();
                }
                for r in rows {
                    $t.add_extra_row(r).ok();
                }
                for (c, t) in cells {
                    $t.set_cell_remark(c, Some(t)).ok();
                }
            }};
        }
        match table {
            Table::Proactive => keep!(self.proactive),
            Table::Requests => keep!(self.requests),
            Table::Appeals => keep!(self.appeals),
        }
    }

    /// Puts a value into its cell. The kind of each value comes from its cell and cells
    /// of another edition are kept apart by [`place`], so every value fits.
    fn put(&mut self, cell: CellRef, value: Option<Value>) {
        match cell {
            CellRef::Proactive(r, c) => {
                self.proactive.set(r, c, value).ok();
            }
            CellRef::Requests(r, c) => {
                self.requests.set(r, c, count(value)).ok();
            }
            CellRef::Appeals(g, c) => {
                self.appeals.set(g, c, count(value)).ok();
            }
        }
    }
}

/// 表二, 表三 and 表四 of the edition, each read in the layout it prints.
fn tables<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    headings: &[Heading],
    scans: &[Option<Scan<'_>>; 3],
    edition: Edition,
    notes: &mut Vec<Note>,
) -> Tables {
    let mut tables = Tables::blank(edition);
    for (&table, scan) in Table::ALL.iter().zip(scans) {
        let Some(scan) = scan else {
            missing_section(headings, lines, Section::of_table(table), notes);
            continue;
        };
        let layout = match table {
            Table::Requests => scan.shown.unwrap_or(edition),
            _ => edition,
        };
        if layout != edition {
            let kind = NoteKind::MixedLayout {
                table,
                layout,
                edition,
            };
            let first = scan.region.start.min(last_text_line(lines));
            notes.push(note(kind, scan.region.section, None, None, first));
            tables.set_layout(table, layout);
        }
        let reading = read(input, lines, scan, layout);
        place(&reading.cells, table, layout, notes, |cell, value| {
            tables.put(cell, value);
        });
        notes.extend(reading.notes);
        tables.keep_extras(table, reading.remarks, reading.rows, reading.cell_remarks);
    }
    tables
}

/// A page in the crate's own plain-text layout, read exactly: nothing is inferred, so
/// the only notes are on what the report itself lacks or departs from (no publication
/// date, an edition other than its year's) and on values that cannot be read.
fn import_exact(exact: layout::Exact<'_>, lines: &[Line<'_>]) -> Result<Imported, ImportError> {
    let mut notes = exact.notes;
    let front = |kind: NoteKind| note(kind, Section::Front, None, None, 0);
    if exact.year < crate::report::FIRST_YEAR {
        return Err(ImportError::YearBeforeFormat {
            year: exact.year,
            line: 1,
        });
    }
    if Edition::for_year(exact.year) != exact.edition {
        notes.push(front(NoteKind::EditionNotOfYear {
            edition: exact.edition,
            year: exact.year,
        }));
    }
    if exact.published.is_none() {
        notes.push(front(NoteKind::NoPublicationDate));
    }
    let mut tables = Tables::blank(exact.edition);
    for (exact_table, &table) in exact.tables.into_iter().zip(Table::ALL) {
        let layout = exact_table.layout.unwrap_or(exact.edition);
        if layout != exact.edition {
            let kind = NoteKind::MixedLayout {
                table,
                layout,
                edition: exact.edition,
            };
            notes.push(note(kind, Section::of_table(table), None, None, 0));
        }
        tables.set_layout(table, layout);
        place(
            &exact_table.cells,
            table,
            layout,
            &mut notes,
            |cell, value| {
                tables.put(cell, value);
            },
        );
        tables.keep_extras(
            table,
            exact_table.remarks,
            exact_table.rows,
            exact_table.cell_remarks,
        );
    }
    let mut six = OtherMatters::new(exact.other);
    six.fees = exact.fees;
    let builder = AnnualReport::builder(exact.edition, exact.year, exact.body, exact.kind)
        .overview(exact.overview)
        .problems(exact.problems);
    finish(builder, tables, six, exact.published, lines, notes)
}

/// The fee statement printed as table lines at the end of section 六 (lines
/// `[start, end)`), as the crate's plain-text layout prints it, and where the section's
/// text ends: before the statement, or at `end` when there is none.
fn fee_statement(
    lines: &[Line<'_>],
    start: usize,
    end: usize,
    notes: &mut Vec<Note>,
) -> (Option<FeeStatement>, usize) {
    let filled = |i: &usize| lines.get(*i).is_some_and(|l| !l.is_blank());
    let data = (start..end).rev().find(filled);
    let header = data.and_then(|d| d.checked_sub(1)).filter(|h| *h >= start);
    let (Some(data), Some(header)) = (data, header) else {
        return (None, end);
    };
    let texts = lines.get(header).zip(lines.get(data));
    match texts.and_then(|(h, d)| layout::fee_lines(h.text, d.text, data)) {
        Some((fees, found)) => {
            notes.extend(found);
            (Some(fees), header)
        }
        None => (None, end),
    }
}

/// The edition: the one 表二's structure shows, else 表三's, else the report year's (noted).
fn decide_edition(
    scans: &[Option<Scan<'_>>; 3],
    year: Option<(u16, usize)>,
    notes: &mut Vec<Note>,
) -> Edition {
    let [t2, t3, _] = scans;
    let shown = t2
        .as_ref()
        .and_then(|s| s.shown)
        .or_else(|| t3.as_ref().and_then(|s| s.shown));
    match (shown, year) {
        (Some(edition), Some((year, line))) => {
            if Edition::for_year(year) != edition {
                notes.push(note(
                    NoteKind::EditionNotOfYear { edition, year },
                    Section::Front,
                    None,
                    None,
                    line,
                ));
            }
            edition
        }
        (Some(edition), None) => edition,
        (None, Some((year, line))) => {
            let edition = Edition::for_year(year);
            notes.push(note(
                NoteKind::EditionFromYear { edition, year },
                Section::Front,
                None,
                None,
                line,
            ));
            edition
        }
        (None, None) => {
            // Neither structure nor year: the current edition, said twice (the year
            // missing is noted with the year assumed).
            let edition = Edition::E2021;
            let year = edition.first_year();
            notes.push(note(
                NoteKind::EditionFromYear { edition, year },
                Section::Front,
                None,
                None,
                0,
            ));
            edition
        }
    }
}

/// The line range of a section's text, when its heading is found.
fn section_span(
    lines: &[Line<'_>],
    headings: &[Heading],
    section: Section,
) -> Option<(usize, usize)> {
    let k = headings.iter().position(|h| h.section == section)?;
    Some(region(lines, headings, Some(k)))
}

/// Notes a section whose heading is not in the text, at the line where the next section
/// found begins (or the end of the text).
fn missing_section(
    headings: &[Heading],
    lines: &[Line<'_>],
    section: Section,
    notes: &mut Vec<Note>,
) {
    let at = headings
        .iter()
        .find(|h| h.section > section)
        .map_or_else(|| last_text_line(lines), |h| h.line);
    notes.push(note(NoteKind::MissingSection, section, None, None, at));
}

/// The table sections: each under its heading; a table whose heading is not in the text
/// but whose rows come before the first heading is read from there (a page that starts
/// inside a table).
fn table_scans<'a>(
    lines: &[Line<'a>],
    headings: &[Heading],
    front_end: usize,
) -> [Option<Scan<'a>>; 3] {
    let mut scans: [Option<Scan<'a>>; 3] = [None, None, None];
    for (slot, &table) in scans.iter_mut().zip(Table::ALL) {
        let section = Section::of_table(table);
        if let Some(k) = headings.iter().position(|h| h.section == section) {
            let (start, end) = region(lines, headings, Some(k));
            let r = Region {
                section,
                start,
                end,
                starts_text: false,
                ends_text: k + 1 == headings.len(),
            };
            *slot = Some(scan(lines, table, r));
        }
    }
    let first = headings.first().map(|h| h.section);
    let candidates = [Table::Proactive, Table::Requests].map(|table| {
        let section = Section::of_table(table);
        let before_first = first.is_none_or(|f| f > section);
        let missing = !headings.iter().any(|h| h.section == section);
        (before_first && missing).then(|| {
            let (start, end) = region(lines, headings, None);
            let r = Region {
                section,
                start,
                end: end.min(front_end),
                starts_text: true,
                ends_text: headings.is_empty(),
            };
            scan(lines, table, r)
        })
    });
    let rows = |s: &Option<Scan<'_>>| s.as_ref().map_or(0, Scan::row_count);
    let [p, r] = candidates;
    let pick = if rows(&r) >= rows(&p) { (1, r) } else { (0, p) };
    if let (i, Some(s)) = pick {
        if s.row_count() > 0 {
            if let Some(slot) = scans.get_mut(i) {
                *slot = Some(s);
            }
        }
    }
    scans
}

/// Puts each cell read into its table (through `put`), noting cells that cannot be read,
/// rows the table's layout does not have, and signs printed in place of numbers.
fn place(
    cells: &[Placed<'_>],
    table: Table,
    edition: Edition,
    notes: &mut Vec<Note>,
    mut put: impl FnMut(CellRef, Option<Value>),
) {
    let section = Section::of_table(table);
    let mut signs: Option<(usize, String, usize, CellRef, usize)> = None;
    let mut foreign: Vec<(RowRef, usize, usize, Vec<String>)> = Vec::new();
    for p in cells {
        let row = RowRef::of(p.cell);
        if !p.cell.in_edition(edition) {
            match foreign.last_mut() {
                Some(f) if f.0 == row => f.3.push(p.text.to_owned()),
                _ => foreign.push((row, p.index, p.line, vec![p.text.to_owned()])),
            }
            continue;
        }
        if is_sign(p.text) {
            match &mut signs {
                Some(s) => s.0 += 1,
                None => signs = Some((1, p.text.trim().to_owned(), p.index, p.cell, p.line)),
            }
        }
        match Value::parse(p.cell.kind(), p.text) {
            Ok(value) => put(p.cell, value),
            Err(reason) => notes.push(note(
                NoteKind::CellUnreadable {
                    text: p.text.to_owned(),
                    reason,
                },
                section,
                Some(row),
                Some(p.index),
                p.line,
            )),
        }
    }
    for (row, index, line, cells) in foreign {
        notes.push(note(
            NoteKind::RowNotInEdition { edition, cells },
            section,
            Some(row),
            Some(index),
            line,
        ));
    }
    if let Some((count, sign, index, cell, line)) = signs {
        notes.push(note(
            NoteKind::PrintedBlanks { table, count, sign },
            section,
            Some(RowRef::of(cell)),
            Some(index),
            line,
        ));
    }
}

/// The count of a cell of 表三 or 表四 (whose cells are read as counts).
const fn count(value: Option<Value>) -> Option<u64> {
    match value {
        Some(Value::Count(v)) => Some(v),
        _ => None,
    }
}

/// The index of the last line that is not blank.
fn last_text_line(lines: &[Line<'_>]) -> usize {
    lines.iter().rposition(|l| !l.is_blank()).unwrap_or(0)
}
