//! What an import says: notes on what it read and could not read, each with its place,
//! and the error when the input cannot be read at all.

use std::fmt;

use chrono::NaiveDate;

use thiserror::Error;

use crate::cell::Table;
use crate::edition::Edition;
use crate::error::{BuildError, ValueError};
use crate::import::dates::DateSource;
use crate::layout::RowRef;
use crate::money::Amount;
use crate::report::BodyKind;
use crate::section::Section;

/// Where a note applies: the section, the row (when one), the cell's 1-based position in
/// its table's printed order (when one), and the 1-based line of the input (with the
/// column, for an HTML page).
///
/// The cell position counts in the layout the page prints, which is the report's
/// edition except where a [`NoteKind::MixedLayout`] note says otherwise.
///
/// ```
/// use ogi_report::{NoteKind, RequestRow, RowRef, Section};
/// let page = "某局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
///             一、本年新收政府信息公开申请数量 | 3 | 0";
/// let imported = ogi_report::import(page)?;
/// let end = imported.notes.iter().find(|n| matches!(n.kind, NoteKind::TextEndsInTable { .. }));
/// let at = end.map(|n| n.at).ok_or("no note on the end of the text")?;
/// assert_eq!((at.section, at.row, at.cell, at.line), (Section::Requests, Some(RowRef::Requests(RequestRow::New)), Some(3), 3));
/// assert_eq!(at.to_string(), "line 3, t3, row t3.new, cell 3");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Location {
    /// The section of the report.
    pub section: Section,
    /// The row, for a note about a row or a cell.
    pub row: Option<RowRef>,
    /// The cell's 1-based position in its table's printed order.
    pub cell: Option<usize>,
    /// The 1-based line of the input.
    pub line: usize,
    /// For an HTML page, the 1-based column (in characters) on that line of the start tag
    /// of the element the note is about (the cell's, the row's, the paragraph's); `None`
    /// for page text.
    pub column: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}", self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ", {}, row ", self.section)?;
        match self.row {
            Some(r) => write!(f, "{r}")?,
            None => f.write_str("-")?,
        }
        f.write_str(", cell ")?;
        match self.cell {
            Some(c) => write!(f, "{c}"),
            None => f.write_str("-"),
        }
    }
}

/// One thing the importer noticed: what it inferred, what it could not read, and how it
/// read a layout that departs from the format. A note never stops the import.
///
/// ```
/// let page = "某局2020年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
///             结果维持 结果纠正 其他结果 尚未审结 总计\n0 0 0 0 0 1 0 0 1 0 0 0 0 0\n五、存在的主要问题及改进情况\n";
/// let imported = ogi_report::import(page)?;
/// let note = imported.notes.iter().find(|n| n.at.line == 4).ok_or("no note on line 4")?;
/// assert_eq!(
///     note.to_string(),
///     "line 4, t4, row -, cell -: 表四 cannot be read: 14 cells printed, 15 expected; left blank"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Note {
    /// What was noticed.
    pub kind: NoteKind,
    /// Where.
    pub at: Location,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.kind)
    }
}

/// Why an HTML page's bytes were decoded as they were (see [`NoteKind::PageDecoded`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PageEncoding {
    /// A byte-order mark.
    ByteOrderMark,
    /// The page's `<meta>` declares it (the label as written, lowercased).
    Declared {
        /// The charset label.
        label: String,
    },
    /// The page declares another charset, but its bytes are UTF-8 with text beyond ASCII,
    /// which a page in a legacy encoding practically never is: read as UTF-8.
    Utf8NotAsDeclared {
        /// The charset label declared.
        label: String,
    },
    /// Nothing is declared and the bytes are UTF-8.
    Utf8,
    /// Nothing is declared and the bytes are not UTF-8: GB18030 (which reads GBK and
    /// GB2312) is a guess.
    Guessed,
}

impl fmt::Display for PageEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageEncoding::ByteOrderMark => f.write_str("as its byte-order mark says"),
            PageEncoding::Declared { label } => {
                write!(f, "as its <meta> declares ({label})")
            }
            PageEncoding::Utf8NotAsDeclared { label } => write!(
                f,
                "not as its <meta> declares ({label}): the bytes are UTF-8"
            ),
            PageEncoding::Utf8 => f.write_str("the bytes being UTF-8"),
            PageEncoding::Guessed => {
                f.write_str("a guess: the page declares no charset and is not UTF-8")
            }
        }
    }
}

/// What a [`Note`] says.
///
/// ```
/// use ogi_report::NoteKind;
/// let kind = NoteKind::ShortRow { found: 2, expected: 3 };
/// assert_eq!(
///     kind.to_string(),
///     "the row prints 2 of its 3 cells and nothing shows their columns; left blank"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoteKind {
    /// No `机关类型：` line names the kind of body (real pages never print one); it was
    /// inferred from the body's name.
    BodyKindInferred {
        /// The kind inferred.
        kind: BodyKind,
    },
    /// No title names the issuing body: the body is left empty and its kind is
    /// [`BodyKind::Other`].
    BodyMissing,
    /// No title gives the report year; it was taken from the text (the statistical
    /// period, else the first year named in 一、总体情况, else the first anywhere).
    YearFromText {
        /// The year taken.
        year: u16,
    },
    /// The page's own furniture after the last section (share and print links, a QR-code
    /// prompt, a notice about leaving the site) from the note's line on: not report text,
    /// not read.
    PageFurniture {
        /// How many lines, from the note's line to the last line of text.
        lines: usize,
        /// The start of the first line: at most its first 60 characters.
        text: String,
    },
    /// No report year is printed anywhere; the first year of the edition is assumed.
    YearMissing {
        /// The year assumed.
        assumed: u16,
    },
    /// No publication date is printed (a time the page was captured, crawled or updated
    /// is none).
    NoPublicationDate,
    /// An HTML page's bytes were not plain UTF-8: how they were decoded (at the `<meta>`
    /// that declares the charset, else the page's start), and how many malformed byte
    /// sequences became U+FFFD.
    PageDecoded {
        /// The encoding used, by its WHATWG name (`GBK`, `gb18030`, `UTF-8`).
        encoding: String,
        /// Why that encoding.
        source: PageEncoding,
        /// Malformed byte sequences replaced by U+FFFD.
        replaced: usize,
    },
    /// Where the publication date was read: a labelled date (`发布日期`, `公开日期`, …),
    /// else the dated sign-off at the end of the report, else a date printed alone near
    /// the title; never a capture or crawl time.
    PublishedFrom {
        /// The date taken.
        date: NaiveDate,
        /// Where it is printed (the note's line).
        source: DateSource,
    },
    /// The page prints another date of publication, at the note's line, than the one
    /// taken: the date taken stands, and this one is quoted.
    PublicationDatesDisagree {
        /// The date taken.
        taken: NaiveDate,
        /// The other date printed.
        other: NaiveDate,
        /// Where the other date is printed.
        source: DateSource,
    },
    /// The section's heading is not in the text; the section is left empty (a table
    /// blank).
    MissingSection,
    /// Lines of a table section that are not read as part of the table, which the model
    /// has no place for: prose, a page's own remarks, text that is no label of the
    /// format, a row's label printed again without values. One note per run of such
    /// lines (lines read as part of the table, blank lines and page footers aside), at
    /// its first line.
    TextNotKept {
        /// How many lines, from the note's line on.
        lines: usize,
        /// The start of the first line's text as printed: at most its first 60
        /// characters, so that a huge line makes a small note.
        text: String,
    },
    /// The text prints the report again from the note's line (its first two headings,
    /// with the title and front matter before them when those repeat too): the report is
    /// read from the first copy, and the text from here on is not read.
    ReportRepeated {
        /// How many lines, from the note's line to the last line of text.
        lines: usize,
    },
    /// No table shows which edition the report uses; the edition of its report year is
    /// assumed.
    EditionFromYear {
        /// The edition assumed.
        edition: Edition,
        /// The report year.
        year: u16,
    },
    /// The tables use the layout of an edition other than the one of the report year
    /// (a 2021 report on the 2019 layout, say); the report is read as the layout's
    /// edition.
    EditionNotOfYear {
        /// The edition whose layout the tables use.
        edition: Edition,
        /// The report year.
        year: u16,
    },
    /// One table prints another edition's layout than the report's (表二 of 2021 with
    /// 表三's （六）其他处理 as one row, say): its rows are placed by row, and rows the
    /// report's edition does not have are noted with [`NoteKind::RowNotInEdition`].
    MixedLayout {
        /// The table.
        table: Table,
        /// The edition whose layout the table prints.
        layout: Edition,
        /// The report's edition.
        edition: Edition,
    },
    /// The table's cells cannot be placed: too few or too many are printed, or they are
    /// printed on several lines that do not show their order (表四 prints its cells on one
    /// line without labels). The table is left blank, never shifted.
    TableUnreadable {
        /// The table.
        table: Table,
        /// The edition whose layout was expected.
        edition: Edition,
        /// How many cells the layout has.
        expected: usize,
        /// How many cells the page prints.
        found: usize,
        /// The cells as printed, in order, so that nothing is lost.
        printed: Vec<String>,
    },
    /// The text ends inside the table, at the note's cell: the cells from there on are
    /// not in the text and are blank (the cells before it are read, or noted where they
    /// cannot be).
    TextEndsInTable {
        /// The table.
        table: Table,
        /// How many cells the text prints (or prints rows for) before it ends: the
        /// position of the note's cell less one.
        read: usize,
        /// How many cells the layout has.
        expected: usize,
    },
    /// The text starts inside the table, at the note's row: the rows before it are not
    /// in the text and are blank.
    TextStartsInTable {
        /// The table.
        table: Table,
    },
    /// A row of the format that the table does not print; left blank.
    RowMissing,
    /// The row prints fewer cells than it has columns and nothing shows which columns
    /// they are in: the row is left blank (its cells are quoted by the importer's other
    /// notes only when they cannot be kept).
    ShortRow {
        /// How many cells are printed.
        found: usize,
        /// How many the row has.
        expected: usize,
    },
    /// The row prints its values first and its empty cells together apart from their
    /// places (a line of pipes): the values' columns are not shown, and the row is left
    /// blank.
    BlanksAtRowEnd {
        /// How many values the row prints.
        values: usize,
        /// How many cells the row has.
        columns: usize,
    },
    /// A row that is not in the format (a local addition): kept with the table as an
    /// extra row, label and cells as printed.
    ExtraRow {
        /// The row's label as printed.
        label: String,
        /// Its cells as printed.
        cells: Vec<String>,
    },
    /// A row of the other edition's layout printed in a table of this layout: kept with
    /// the table as an extra row, label and cells as printed.
    RowNotInEdition {
        /// The report's edition.
        edition: Edition,
        /// The row's cells as printed.
        cells: Vec<String>,
    },
    /// A label printed differently from the format (a misprint, an annotation), read as
    /// the standard label.
    LabelVariant {
        /// The label as printed.
        printed: String,
        /// The label of the format it was read as.
        standard: &'static str,
    },
    /// A cell whose text is not a value of its kind; left blank.
    CellUnreadable {
        /// The cell's text.
        text: String,
        /// Why it cannot be read.
        reason: ValueError,
    },
    /// Section 六 states no fee statement as values, but one sentence of its text says
    /// what was collected (`全年收取政府信息公开信息处理费 3940 元。`): one amount, the
    /// words 收取 and 信息处理费, no negation. The amount is read into
    /// [`FeeStatement::collected`](crate::FeeStatement::collected) exactly as printed;
    /// the note's line is the amount's.
    FeeCollectedFromText {
        /// The amount read.
        collected: Amount,
    },
    /// The row's label is printed with cells twice, and the cells differ: the row is left
    /// blank.
    RowPrintedTwice,
    /// Values printed that no evidence places in a cell (cells printed apart from any
    /// label, or a row's cells that do not fit it): not placed, quoted here as printed.
    ValuesNotPlaced {
        /// The cells as printed.
        cells: Vec<String>,
    },
    /// Rows printed apart from their labels (a PDF text layer prints a wrapped label
    /// above and below its values, a converter pulls labels out of a Markdown table)
    /// were placed in the rows that lie, unlabelled, between rows printed with their
    /// labels, in printed order, where they fit exactly, the table's identities hold
    /// wherever they read them, and each row placed is read by an identity across rows
    /// (（七）总计 = the outcomes, 一 + 二 = （七） + 四). The identities confirm the order but
    /// cannot tell two outcome rows apart: their sums are the same either way. The note's
    /// row is the first placed so.
    PlacedByOrder {
        /// The table.
        table: Table,
        /// How many rows were placed so.
        rows: usize,
    },
    /// Rows printed apart from their labels would fit the rows between labelled rows,
    /// but the table's identities do not confirm that reading (one fails, or none across
    /// rows reads a row, as in 表二, which has none): they are left blank.
    OrderNotConfirmed {
        /// The table.
        table: Table,
        /// How many rows.
        rows: usize,
    },
    /// The table prints its cells as runs of digits run together (a crawler's text with
    /// the spacing gone): each run was split where exactly one split of the table makes
    /// every printed identity hold (row totals, （七）总计, 一 + 二 = （七） + 四, the 表四
    /// totals), and cells no split decides are left blank. The identities chose the
    /// split, so they are no evidence about the report: the checks of these identities
    /// on this table hold by construction.
    SplitByIdentities {
        /// The table.
        table: Table,
    },
    /// Cells that print a sign in place of a number (`/`, `-`, `—`, `无`): kept blank,
    /// never 0. The note's cell is the first such cell.
    PrintedBlanks {
        /// The table.
        table: Table,
        /// How many cells.
        count: usize,
        /// The first sign printed.
        sign: String,
    },
}

impl fmt::Display for NoteKind {
    #[allow(clippy::too_many_lines, reason = "one short arm per kind of note")]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoteKind::BodyKindInferred { kind } => {
                write!(f, "kind of body inferred from its name: {kind}")
            }
            NoteKind::BodyMissing => f.write_str(
                "no title names the issuing body; the body is left empty, its kind other",
            ),
            NoteKind::YearFromText { year } => {
                write!(
                    f,
                    "no title gives the report year; {year} taken from the text"
                )
            }
            NoteKind::YearMissing { assumed } => {
                write!(f, "no report year is printed; {assumed} assumed")
            }
            NoteKind::NoPublicationDate => f.write_str("no publication date is printed"),
            NoteKind::PageDecoded {
                encoding,
                source,
                replaced,
            } => {
                write!(f, "the page's bytes were decoded as {encoding}, {source}")?;
                if *replaced > 0 {
                    write!(
                        f,
                        "; {replaced} malformed byte sequence(s) replaced by U+FFFD"
                    )?;
                }
                Ok(())
            }
            NoteKind::PublishedFrom { date, source } => {
                write!(f, "publication date {date} read from {source}")
            }
            NoteKind::PublicationDatesDisagree {
                taken,
                other,
                source,
            } => write!(
                f,
                "{source} prints {other}, not the publication date taken, {taken}"
            ),
            NoteKind::MissingSection => f.write_str("the section is not in the text"),
            NoteKind::TextNotKept { lines, text } => write!(
                f,
                "{lines} line(s) of a table section not read as part of the table, the first starting {text:?}; not kept by the model"
            ),
            NoteKind::PageFurniture { lines, text } => write!(
                f,
                "{lines} line(s) of page furniture after the report, the first {text:?}; not read"
            ),
            NoteKind::ReportRepeated { lines } => write!(
                f,
                "the report is printed again from this line (its headings repeat); these {lines} line(s) are not read"
            ),
            NoteKind::EditionFromYear { edition, year } => write!(
                f,
                "no table shows the edition; the {edition} edition assumed from the report year {year}"
            ),
            NoteKind::EditionNotOfYear { edition, year } => write!(
                f,
                "the tables use the {edition} layout although the report year is {year}; read as the {edition} edition"
            ),
            NoteKind::MixedLayout {
                table,
                layout,
                edition,
            } => write!(
                f,
                "{} is printed in the {layout} layout in a report of the {edition} edition; kept in that layout",
                table.label()
            ),
            NoteKind::TableUnreadable {
                table,
                edition,
                expected,
                found,
                ..
            } => {
                if found == expected {
                    write!(
                        f,
                        "{} cannot be read: its {found} cells are printed apart, on lines that do not show their order",
                        table.label()
                    )?;
                } else {
                    write!(
                        f,
                        "{} cannot be read: {found} cells printed, {expected} expected",
                        table.label()
                    )?;
                }
                if *table != Table::Appeals {
                    write!(f, " in the {edition} layout")?;
                }
                f.write_str("; left blank")
            }
            NoteKind::TextEndsInTable {
                table,
                read,
                expected,
            } => write!(
                f,
                "the text ends inside {} after {read} of its {expected} cells; the rest are left blank",
                table.label()
            ),
            NoteKind::TextStartsInTable { table } => write!(
                f,
                "the text starts inside {} at this row; the rows before it are left blank",
                table.label()
            ),
            NoteKind::RowMissing => f.write_str("the row is not printed; left blank"),
            NoteKind::ShortRow { found, expected } => write!(
                f,
                "the row prints {found} of its {expected} cells and nothing shows their columns; left blank"
            ),
            NoteKind::BlanksAtRowEnd { values, columns } => write!(
                f,
                "the row prints its {values} value(s) and its empty cells apart from their places, so the columns of its {columns} cells are not shown; left blank"
            ),
            NoteKind::ExtraRow { label, cells } => write!(
                f,
                "row {label:?} is not in the format; kept as an extra row with its cells {cells:?}"
            ),
            NoteKind::RowNotInEdition { edition, cells } => write!(
                f,
                "the row is not in the {edition} layout of the table; kept as an extra row with its cells {cells:?}"
            ),
            NoteKind::RowPrintedTwice => {
                f.write_str("the row is printed twice with different cells; left blank")
            }
            NoteKind::ValuesNotPlaced { cells } => write!(
                f,
                "values {cells:?} are printed where nothing shows their cells; not placed"
            ),
            NoteKind::PlacedByOrder { table, rows } => write!(
                f,
                "{rows} row(s) of {} are printed apart from their labels; placed in printed order between the rows printed with their labels, where they fit exactly and the table's identities hold",
                table.label()
            ),
            NoteKind::OrderNotConfirmed { table, rows } => write!(
                f,
                "{rows} row(s) of {} are printed apart from their labels, and the table's identities do not confirm them in printed order; left blank",
                table.label()
            ),
            NoteKind::SplitByIdentities { table } => write!(
                f,
                "{} prints its cells run together; each run is split where exactly one split makes the table's identities hold, so those identities are no evidence about the report",
                table.label()
            ),
            NoteKind::LabelVariant { printed, standard } => {
                write!(f, "label printed {printed:?}, read as {standard:?}")
            }
            NoteKind::CellUnreadable { text, reason } => {
                write!(f, "cell {text:?} cannot be read ({reason}); left blank")
            }
            NoteKind::FeeCollectedFromText { collected } => write!(
                f,
                "the fees collected, {collected}, are read from a sentence of the text; no fee statement is printed as values"
            ),
            NoteKind::PrintedBlanks { table, count, sign } => write!(
                f,
                "{count} cell(s) of {} print {sign:?} in place of a number; kept blank, not 0",
                table.label()
            ),
        }
    }
}

/// Why a text cannot be imported at all.
///
/// ```
/// let err = ogi_report::import("hello\nworld").unwrap_err();
/// assert_eq!(err.to_string(), "lines 1-2: no section heading and no table found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ImportError {
    /// Nothing in the text is a section heading or a row of a table.
    #[error("lines 1-{lines}: no section heading and no table found")]
    NothingFound {
        /// How many lines the text has.
        lines: usize,
    },
    /// The title names a report year before 2019, which neither edition covers.
    #[error("line {line}: report year {year} is before 2019, the first year of either edition")]
    YearBeforeFormat {
        /// The year printed.
        year: u16,
        /// The title's 1-based line.
        line: usize,
    },
    /// The report could not be assembled from what was read (not expected: the importer
    /// only assembles what the model holds).
    #[error("line {line}: the report cannot be assembled")]
    Report {
        /// The last line of the input.
        line: usize,
        /// What the model refused.
        #[source]
        source: BuildError,
    },
}
