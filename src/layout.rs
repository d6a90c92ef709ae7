//! The printed layout of each table in each edition: its rows and columns in printed
//! order, the words of its labels and captions, its merged label cells, its size, and the
//! position of every cell code.
//!
//! This is the one place the geometry of the tables is written. The table types store
//! their cells in a layout's printed order; the rules' plans, the JSON keys, the renderers,
//! the tidy cells, the roll-ups and the importer all read a [`Layout`]. The words
//! themselves (a row's label, a column's label) belong to the row and column enums of
//! [`crate::cell`]; a layout says which of them a table prints, where and how merged.
//!
//! A table's layout is its own: a report of the 2021 edition may hold a 表三 printed in the
//! 2019 layout (（六）其他处理 as one row), as real reports do.
//!
//! ```
//! use ogi_report::{Edition, Layout, RequestRow, RowRef, Table};
//!
//! let t3 = Layout::of(Table::Requests, Edition::E2019);
//! assert_eq!((t3.len(), t3.rows().len()), (161, 23));
//! assert_eq!(t3.cells()[0].to_string(), "t3.new.natural_person");
//! assert_eq!(t3.position("t3.other_handling.total".parse()?), Some(20 * 7 + 6));
//! assert_eq!(t3.position("t3.other_handling.other.total".parse()?), None);
//! let row = t3.row(RowRef::Requests(RequestRow::ResultsTotal)).unwrap();
//! assert_eq!((row.start(), row.len()), (21 * 7, 7));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::cell::{
    AppealColumn, AppealGroup, Applicant, Article20Item, CellRef, ProactiveColumn, ProactiveRow,
    RequestRow, Table,
};
use crate::edition::Edition;

/// A row of one of the three tables, named by its stable code (`docs/CELLS.md`).
///
/// ```
/// use ogi_report::{RequestRow, RowRef};
/// assert_eq!(RowRef::Requests(RequestRow::StateSecret).to_string(), "t3.withheld.state_secret");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RowRef {
    /// A row of 表二.
    Proactive(ProactiveRow),
    /// A row of 表三.
    Requests(RequestRow),
    /// A group of 表四 (its five cells are printed as one group).
    Appeals(AppealGroup),
}

impl RowRef {
    /// The table the row belongs to.
    ///
    /// ```
    /// use ogi_report::{AppealGroup, RowRef, Table};
    /// assert_eq!(RowRef::Appeals(AppealGroup::Review).table(), Table::Appeals);
    /// ```
    #[must_use]
    pub const fn table(self) -> Table {
        match self {
            RowRef::Proactive(_) => Table::Proactive,
            RowRef::Requests(_) => Table::Requests,
            RowRef::Appeals(_) => Table::Appeals,
        }
    }

    /// The row of a cell.
    ///
    /// ```
    /// use ogi_report::{CellRef, RequestRow, RowRef};
    /// let cell: CellRef = "t3.new.total".parse()?;
    /// assert_eq!(RowRef::of(cell), RowRef::Requests(RequestRow::New));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn of(cell: CellRef) -> RowRef {
        match cell {
            CellRef::Proactive(r, _) => RowRef::Proactive(r),
            CellRef::Requests(r, _) => RowRef::Requests(r),
            CellRef::Appeals(g, _) => RowRef::Appeals(g),
        }
    }
}

impl fmt::Display for RowRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowRef::Proactive(r) => write!(f, "t2.{r}"),
            RowRef::Requests(r) => write!(f, "t3.{r}"),
            RowRef::Appeals(g) => write!(f, "t4.{g}"),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Sizes

/// The most cells 表二 has in any layout (22 in 2019).
pub(crate) const T2_MAX_CELLS: usize = T2_2019_CELLS.len();
/// The columns of 表三 (the applicant columns, 总计 last).
pub(crate) const T3_COLUMNS: usize = Applicant::ALL.len();
/// The detail columns of 表三, which add up to 总计.
pub(crate) const T3_DETAIL: usize = Applicant::DETAIL.len();
/// The most rows 表三 has in any layout (25 in 2021).
pub(crate) const T3_MAX_ROWS: usize = T3_ROWS_2021.len();
/// The groups of 表四.
pub(crate) const T4_GROUPS: usize = AppealGroup::ALL.len();
/// The columns of each group of 表四 (总计 last).
pub(crate) const T4_COLUMNS: usize = AppealColumn::ALL.len();

// ---------------------------------------------------------------------------------------
// The rows and columns each layout prints: the one place they are listed

const T2_ROWS_2019: [ProactiveRow; 8] = [
    ProactiveRow::Rules,
    ProactiveRow::Normative,
    ProactiveRow::Licensing,
    ProactiveRow::OtherServices,
    ProactiveRow::Penalty,
    ProactiveRow::Enforcement,
    ProactiveRow::Fees,
    ProactiveRow::Procurement,
];

const T2_ROWS_2021: [ProactiveRow; 6] = [
    ProactiveRow::Rules,
    ProactiveRow::Normative,
    ProactiveRow::Licensing,
    ProactiveRow::Penalty,
    ProactiveRow::Enforcement,
    ProactiveRow::Fees,
];

/// The columns a 表二 row prints in a layout; empty when the layout has no such row.
const fn t2_columns(edition: Edition, row: ProactiveRow) -> &'static [ProactiveColumn] {
    use ProactiveColumn as C;
    match (edition, row) {
        (Edition::E2019, ProactiveRow::Rules | ProactiveRow::Normative) => {
            &[C::Made, C::Published, C::TotalPublic]
        }
        (
            Edition::E2019,
            ProactiveRow::Licensing
            | ProactiveRow::OtherServices
            | ProactiveRow::Penalty
            | ProactiveRow::Enforcement,
        ) => &[C::PriorItems, C::Delta, C::Decisions],
        (Edition::E2019, ProactiveRow::Fees) => &[C::PriorItems, C::Delta],
        (Edition::E2019, ProactiveRow::Procurement) => &[C::Projects, C::Amount],
        (Edition::E2021, ProactiveRow::Rules | ProactiveRow::Normative) => {
            &[C::Issued, C::Repealed, C::InForce]
        }
        (
            Edition::E2021,
            ProactiveRow::Licensing | ProactiveRow::Penalty | ProactiveRow::Enforcement,
        ) => &[C::Decisions],
        (Edition::E2021, ProactiveRow::Fees) => &[C::Amount],
        (Edition::E2021, ProactiveRow::OtherServices | ProactiveRow::Procurement) => &[],
    }
}

/// Whether a layout of 表三 prints the row: the 2019 layout prints （六）其他处理 as one
/// row, the 2021 layout as three sub-rows; every other row is in both.
const fn t3_has(edition: Edition, row: RequestRow) -> bool {
    match row {
        RequestRow::OtherHandling => matches!(edition, Edition::E2019),
        RequestRow::NoCorrection | RequestRow::UnpaidFee | RequestRow::OtherHandlingOther => {
            matches!(edition, Edition::E2021)
        }
        _ => true,
    }
}

/// The rows of 表三 in a layout, in printed order: [`RequestRow::ALL`] without the rows
/// the layout does not print.
const fn t3_rows<const N: usize>(edition: Edition) -> [RequestRow; N] {
    let mut rows = [RequestRow::New; N];
    let mut i = 0;
    let mut j = 0;
    while i < RequestRow::ALL.len() {
        let r = RequestRow::ALL[i];
        if t3_has(edition, r) {
            rows[j] = r;
            j += 1;
        }
        i += 1;
    }
    assert!(j == N, "N is the number of rows of the layout");
    rows
}

const T3_ROWS_2019: [RequestRow; 23] = t3_rows(Edition::E2019);
const T3_ROWS_2021: [RequestRow; 25] = t3_rows(Edition::E2021);

// ---------------------------------------------------------------------------------------
// Cells and rows in printed order, made from the lists above at compile time

/// The number of cells of 表二 in a layout.
const fn t2_len(edition: Edition) -> usize {
    let rows = t2_rows(edition);
    let mut n = 0;
    let mut i = 0;
    while i < rows.len() {
        n += t2_columns(edition, rows[i]).len();
        i += 1;
    }
    n
}

const fn t2_rows(edition: Edition) -> &'static [ProactiveRow] {
    match edition {
        Edition::E2019 => &T2_ROWS_2019,
        Edition::E2021 => &T2_ROWS_2021,
    }
}

const fn t3_rows_of(edition: Edition) -> &'static [RequestRow] {
    match edition {
        Edition::E2019 => &T3_ROWS_2019,
        Edition::E2021 => &T3_ROWS_2021,
    }
}

/// The rows of a table in a layout, as row references.
const fn row_at(table: Table, edition: Edition, i: usize) -> RowRef {
    match table {
        Table::Proactive => RowRef::Proactive(t2_rows(edition)[i]),
        Table::Requests => RowRef::Requests(t3_rows_of(edition)[i]),
        Table::Appeals => RowRef::Appeals(AppealGroup::ALL[i]),
    }
}

const fn row_count(table: Table, edition: Edition) -> usize {
    match table {
        Table::Proactive => t2_rows(edition).len(),
        Table::Requests => t3_rows_of(edition).len(),
        Table::Appeals => T4_GROUPS,
    }
}

/// The `j`-th cell of a row.
const fn cell_of(edition: Edition, row: RowRef, j: usize) -> CellRef {
    match row {
        RowRef::Proactive(r) => CellRef::Proactive(r, t2_columns(edition, r)[j]),
        RowRef::Requests(r) => CellRef::Requests(r, Applicant::ALL[j]),
        RowRef::Appeals(g) => CellRef::Appeals(g, AppealColumn::ALL[j]),
    }
}

const fn row_width(edition: Edition, row: RowRef) -> usize {
    match row {
        RowRef::Proactive(r) => t2_columns(edition, r).len(),
        RowRef::Requests(_) => T3_COLUMNS,
        RowRef::Appeals(_) => T4_COLUMNS,
    }
}

const fn build_cells<const N: usize>(table: Table, edition: Edition) -> [CellRef; N] {
    let mut cells = [CellRef::Appeals(AppealGroup::Review, AppealColumn::Upheld); N];
    let mut n = 0;
    let mut i = 0;
    while i < row_count(table, edition) {
        let row = row_at(table, edition, i);
        let mut j = 0;
        while j < row_width(edition, row) {
            cells[n] = cell_of(edition, row, j);
            n += 1;
            j += 1;
        }
        i += 1;
    }
    assert!(n == N, "N is the number of cells of the layout");
    cells
}

const fn build_rows<const N: usize>(table: Table, edition: Edition) -> [LayoutRow; N] {
    let mut rows = [LayoutRow {
        row: RowRef::Appeals(AppealGroup::Review),
        start: 0,
        len: 0,
    }; N];
    let mut start = 0;
    let mut i = 0;
    while i < N {
        let row = row_at(table, edition, i);
        let len = row_width(edition, row);
        rows[i] = LayoutRow { row, start, len };
        start += len;
        i += 1;
    }
    assert!(N == row_count(table, edition), "N is the number of rows");
    rows
}

const T2_2019_CELLS: [CellRef; t2_len(Edition::E2019)] =
    build_cells(Table::Proactive, Edition::E2019);
const T2_2021_CELLS: [CellRef; t2_len(Edition::E2021)] =
    build_cells(Table::Proactive, Edition::E2021);
const T3_2019_CELLS: [CellRef; T3_ROWS_2019.len() * T3_COLUMNS] =
    build_cells(Table::Requests, Edition::E2019);
const T3_2021_CELLS: [CellRef; T3_ROWS_2021.len() * T3_COLUMNS] =
    build_cells(Table::Requests, Edition::E2021);
const T4_CELLS: [CellRef; T4_GROUPS * T4_COLUMNS] = build_cells(Table::Appeals, Edition::E2019);

const T2_2019_ROWS: [LayoutRow; T2_ROWS_2019.len()] = build_rows(Table::Proactive, Edition::E2019);
const T2_2021_ROWS: [LayoutRow; T2_ROWS_2021.len()] = build_rows(Table::Proactive, Edition::E2021);
const T3_2019_ROWS: [LayoutRow; T3_ROWS_2019.len()] = build_rows(Table::Requests, Edition::E2019);
const T3_2021_ROWS: [LayoutRow; T3_ROWS_2021.len()] = build_rows(Table::Requests, Edition::E2021);
const T4_ROWS: [LayoutRow; T4_GROUPS] = build_rows(Table::Appeals, Edition::E2019);

/// Not a cell or row of the layout, in the position tables.
const NONE: u8 = u8::MAX;

/// Where each 表二 cell is, by `[row as usize][column as usize]`.
type T2Positions = [[u8; ProactiveColumn::ALL.len()]; ProactiveRow::ALL.len()];

const fn t2_positions(cells: &[CellRef]) -> T2Positions {
    let mut at = [[NONE; ProactiveColumn::ALL.len()]; ProactiveRow::ALL.len()];
    let mut i = 0;
    while i < cells.len() {
        assert!(i < NONE as usize);
        if let CellRef::Proactive(r, c) = cells[i] {
            #[allow(clippy::cast_possible_truncation, reason = "i < NONE, asserted above")]
            {
                at[r as usize][c as usize] = i as u8;
            }
        }
        i += 1;
    }
    at
}

/// Where each 表三 row is, by `row as usize`.
type T3Positions = [u8; RequestRow::ALL.len()];

const fn t3_positions(rows: &[RequestRow]) -> T3Positions {
    let mut at = [NONE; RequestRow::ALL.len()];
    let mut i = 0;
    while i < rows.len() {
        assert!(i < NONE as usize);
        #[allow(clippy::cast_possible_truncation, reason = "i < NONE, asserted above")]
        {
            at[rows[i] as usize] = i as u8;
        }
        i += 1;
    }
    at
}

/// How a layout finds a cell's position.
#[derive(Debug)]
enum Positions {
    Proactive(T2Positions),
    Requests(T3Positions),
    Appeals,
}

// ---------------------------------------------------------------------------------------
// Layouts

/// One row of a [`Layout`]: the row and the range of its cells in the layout's printed
/// order.
///
/// ```
/// use ogi_report::{Edition, Layout, Table};
/// let fees = Layout::of(Table::Proactive, Edition::E2019).rows()[6];
/// assert_eq!(fees.row().to_string(), "t2.fees");
/// assert_eq!((fees.start(), fees.len()), (18, 2));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutRow {
    row: RowRef,
    start: usize,
    len: usize,
}

impl LayoutRow {
    /// The row.
    #[must_use]
    pub const fn row(&self) -> RowRef {
        self.row
    }

    /// The position of the row's first cell in the layout's printed order.
    #[must_use]
    pub const fn start(&self) -> usize {
        self.start
    }

    /// How many cells the row prints.
    #[must_use]
    #[allow(clippy::len_without_is_empty, reason = "every row prints a cell")]
    pub const fn len(&self) -> usize {
        self.len
    }

    /// The positions of the row's cells.
    #[must_use]
    pub const fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.len
    }
}

/// The printed layout of one table in one edition: the cells in the official printed
/// order (row by row, each row's columns left to right), the rows with the range of their
/// cells, and each cell's position.
///
/// The tables store their cells in this order, so a cell's position is an index into its
/// table. 表四 is the same in both editions.
///
/// ```
/// use ogi_report::{Edition, Layout, Table};
/// let t2 = Layout::of(Table::Proactive, Edition::E2021);
/// assert_eq!(t2.len(), 10);
/// let codes: Vec<String> = t2.cells().iter().map(ToString::to_string).collect();
/// assert_eq!(codes[9], "t2.fees.amount");
/// assert!(!t2.contains("t2.procurement.amount".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct Layout {
    table: Table,
    edition: Edition,
    cells: &'static [CellRef],
    rows: &'static [LayoutRow],
    positions: Positions,
}

static T2_2019: Layout = Layout {
    table: Table::Proactive,
    edition: Edition::E2019,
    cells: &T2_2019_CELLS,
    rows: &T2_2019_ROWS,
    positions: Positions::Proactive(t2_positions(&T2_2019_CELLS)),
};
static T2_2021: Layout = Layout {
    table: Table::Proactive,
    edition: Edition::E2021,
    cells: &T2_2021_CELLS,
    rows: &T2_2021_ROWS,
    positions: Positions::Proactive(t2_positions(&T2_2021_CELLS)),
};
static T3_2019: Layout = Layout {
    table: Table::Requests,
    edition: Edition::E2019,
    cells: &T3_2019_CELLS,
    rows: &T3_2019_ROWS,
    positions: Positions::Requests(t3_positions(&T3_ROWS_2019)),
};
static T3_2021: Layout = Layout {
    table: Table::Requests,
    edition: Edition::E2021,
    cells: &T3_2021_CELLS,
    rows: &T3_2021_ROWS,
    positions: Positions::Requests(t3_positions(&T3_ROWS_2021)),
};
static T4_2019: Layout = Layout {
    table: Table::Appeals,
    edition: Edition::E2019,
    cells: &T4_CELLS,
    rows: &T4_ROWS,
    positions: Positions::Appeals,
};
static T4_2021: Layout = Layout {
    table: Table::Appeals,
    edition: Edition::E2021,
    cells: &T4_CELLS,
    rows: &T4_ROWS,
    positions: Positions::Appeals,
};

impl Layout {
    /// The layout of a table in an edition.
    ///
    /// ```
    /// use ogi_report::{Edition, Layout, Table};
    /// assert_eq!(Layout::of(Table::Requests, Edition::E2021).len(), 175);
    /// assert_eq!(Layout::of(Table::Appeals, Edition::E2019).len(), 15);
    /// ```
    #[must_use]
    pub const fn of(table: Table, edition: Edition) -> &'static Layout {
        match (table, edition) {
            (Table::Proactive, Edition::E2019) => &T2_2019,
            (Table::Proactive, Edition::E2021) => &T2_2021,
            (Table::Requests, Edition::E2019) => &T3_2019,
            (Table::Requests, Edition::E2021) => &T3_2021,
            (Table::Appeals, Edition::E2019) => &T4_2019,
            (Table::Appeals, Edition::E2021) => &T4_2021,
        }
    }

    /// Every layout: 表二, 表三, 表四, each in the 2019 and the 2021 edition.
    ///
    /// ```
    /// assert_eq!(ogi_report::Layout::all().count(), 6);
    /// ```
    pub fn all() -> impl Iterator<Item = &'static Layout> {
        Table::ALL
            .iter()
            .flat_map(|&t| Edition::ALL.map(move |e| Layout::of(t, e)))
    }

    /// The table.
    #[must_use]
    pub const fn table(&self) -> Table {
        self.table
    }

    /// The edition whose printed form this is.
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.edition
    }

    /// The cells in printed order.
    #[must_use]
    pub const fn cells(&self) -> &'static [CellRef] {
        self.cells
    }

    /// How many cells the layout prints.
    #[must_use]
    #[allow(clippy::len_without_is_empty, reason = "every layout prints cells")]
    pub const fn len(&self) -> usize {
        self.cells.len()
    }

    /// The rows in printed order, each with the range of its cells.
    #[must_use]
    pub const fn rows(&self) -> &'static [LayoutRow] {
        self.rows
    }

    /// A row of the layout, `None` when the layout does not print it.
    #[must_use]
    pub fn row(&self, row: RowRef) -> Option<&'static LayoutRow> {
        self.rows.iter().find(|r| r.row == row)
    }

    /// The position of a cell in the printed order, `None` when the layout does not print
    /// it.
    #[must_use]
    pub const fn position(&self, cell: CellRef) -> Option<usize> {
        let at = match (&self.positions, cell) {
            (Positions::Proactive(at), CellRef::Proactive(r, c)) => at[r as usize][c as usize],
            (Positions::Requests(at), CellRef::Requests(r, c)) => match at[r as usize] {
                NONE => NONE,
                i => return Some(i as usize * T3_COLUMNS + c as usize),
            },
            (Positions::Appeals, CellRef::Appeals(g, c)) => {
                return Some(g as usize * T4_COLUMNS + c as usize);
            }
            _ => NONE,
        };
        match at {
            NONE => None,
            i => Some(i as usize),
        }
    }

    /// Whether the layout prints the cell.
    #[must_use]
    pub const fn contains(&self, cell: CellRef) -> bool {
        self.position(cell).is_some()
    }

    /// Whether the layout prints the row.
    #[must_use]
    pub fn has_row(&self, row: RowRef) -> bool {
        self.row(row).is_some()
    }

    /// The words the layout prints besides the cells, each once, in printed order: the
    /// block captions, header and column labels and row labels of 表二; the 勾稽关系 note,
    /// the column labels, the group labels and the row labels of 表三; the group and column
    /// labels of 表四.
    ///
    /// ```
    /// use ogi_report::{Edition, Layout, Table};
    /// let words: Vec<&str> = Layout::of(Table::Appeals, Edition::E2021).words().collect();
    /// assert_eq!(&words[..4], ["行政复议", "结果维持", "结果纠正", "其他结果"]);
    /// assert!(words.contains(&"复议后起诉"));
    /// ```
    pub fn words(&self) -> impl Iterator<Item = &'static str> + use<> {
        let mut words: Vec<&'static str> = Vec::new();
        let mut add = |w: &'static str| {
            if !words.contains(&w) {
                words.push(w);
            }
        };
        let edition = self.edition;
        match self.table {
            Table::Proactive => {
                for &item in Article20Item::blocks(edition) {
                    add(item.caption());
                    add(ProactiveRow::LABEL);
                    let rows = item.rows(edition);
                    for &row in rows {
                        for column in row.columns(edition) {
                            add(column.label(edition));
                        }
                    }
                    for &row in rows {
                        add(row.label(edition));
                    }
                }
            }
            Table::Requests => {
                add(RequestRow::NOTE);
                for &column in Applicant::ALL {
                    for label in request_column_path(column).into_iter().flatten() {
                        add(label);
                    }
                }
                for row in self.rows {
                    if let RowRef::Requests(r) = row.row {
                        for label in request_row_path(r).into_iter().flatten() {
                            add(label);
                        }
                    }
                }
            }
            Table::Appeals => {
                for &group in AppealGroup::ALL {
                    for &column in AppealColumn::ALL {
                        for label in appeal_column_path(group, column).into_iter().flatten() {
                            add(label);
                        }
                    }
                }
            }
        }
        words.into_iter()
    }
}

impl fmt::Display for Layout {
    /// `t3 (2019 layout)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} layout)", self.table, self.edition)
    }
}

// ---------------------------------------------------------------------------------------
// The geometry methods of the cell enums, read from the layouts

impl Table {
    /// Every cell of the table in the edition's layout, in the official printed order.
    ///
    /// ```
    /// use ogi_report::{Edition, Table};
    /// assert_eq!(Table::Proactive.cells(Edition::E2019).count(), 22);
    /// assert_eq!(Table::Proactive.cells(Edition::E2021).count(), 10);
    /// assert_eq!(Table::Requests.cells(Edition::E2019).count(), 23 * 7);
    /// assert_eq!(Table::Requests.cells(Edition::E2021).count(), 25 * 7);
    /// assert_eq!(Table::Appeals.cells(Edition::E2021).count(), 15);
    /// ```
    pub fn cells(self, edition: Edition) -> impl Iterator<Item = CellRef> + Clone + use<> {
        Layout::of(self, edition).cells().iter().copied()
    }

    /// The number of cells the table has in the edition's layout.
    ///
    /// ```
    /// use ogi_report::{Edition, Table};
    /// assert_eq!(Table::Appeals.cell_count(Edition::E2019), 15);
    /// ```
    #[must_use]
    pub const fn cell_count(self, edition: Edition) -> usize {
        Layout::of(self, edition).len()
    }

    /// The table's layout in an edition.
    ///
    /// ```
    /// use ogi_report::{Edition, Table};
    /// assert_eq!(Table::Requests.layout(Edition::E2019).rows().len(), 23);
    /// ```
    #[must_use]
    pub const fn layout(self, edition: Edition) -> &'static Layout {
        Layout::of(self, edition)
    }
}

impl Article20Item {
    /// The rows of the block in the given edition, in printed order.
    ///
    /// ```
    /// use ogi_report::{Article20Item, Edition, ProactiveRow};
    /// assert_eq!(Article20Item::Nine.rows(Edition::E2019), &[ProactiveRow::Procurement]);
    /// assert!(Article20Item::Nine.rows(Edition::E2021).is_empty());
    /// ```
    #[must_use]
    pub fn rows(self, edition: Edition) -> &'static [ProactiveRow] {
        let rows = t2_rows(edition);
        let start = rows.iter().position(|r| r.item() == self);
        match start {
            None => &[],
            Some(s) => {
                let n = rows[s..].iter().take_while(|r| r.item() == self).count();
                &rows[s..s + n]
            }
        }
    }

    /// The blocks of 表二 in the given edition, in printed order.
    ///
    /// ```
    /// use ogi_report::{Article20Item, Edition};
    /// assert_eq!(Article20Item::blocks(Edition::E2021).len(), 4);
    /// ```
    #[must_use]
    pub fn blocks(edition: Edition) -> &'static [Article20Item] {
        match edition {
            Edition::E2019 => Article20Item::ALL,
            Edition::E2021 => &Article20Item::ALL[..4],
        }
    }
}

impl ProactiveRow {
    /// The rows of 表二 in the given edition, in printed order.
    ///
    /// ```
    /// use ogi_report::{Edition, ProactiveRow};
    /// assert_eq!(ProactiveRow::rows(Edition::E2019).len(), 8);
    /// assert_eq!(ProactiveRow::rows(Edition::E2021).len(), 6);
    /// ```
    #[must_use]
    pub const fn rows(edition: Edition) -> &'static [ProactiveRow] {
        t2_rows(edition)
    }

    /// The columns of the row in the given edition, in printed order; empty when the row
    /// does not exist in that edition.
    ///
    /// ```
    /// use ogi_report::{Edition, ProactiveColumn, ProactiveRow};
    /// assert_eq!(ProactiveRow::Fees.columns(Edition::E2021), &[ProactiveColumn::Amount]);
    /// assert!(ProactiveRow::Procurement.columns(Edition::E2021).is_empty());
    /// ```
    #[must_use]
    pub const fn columns(self, edition: Edition) -> &'static [ProactiveColumn] {
        t2_columns(edition, self)
    }
}

impl RequestRow {
    /// The rows of 表三 in the given edition's layout, in printed order.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow};
    /// assert_eq!(RequestRow::rows(Edition::E2019)[20], RequestRow::OtherHandling);
    /// assert_eq!(RequestRow::rows(Edition::E2021)[20], RequestRow::NoCorrection);
    /// ```
    #[must_use]
    pub const fn rows(edition: Edition) -> &'static [RequestRow] {
        t3_rows_of(edition)
    }

    /// The outcome rows (三、本年度办理结果, without （七）总计) in the given edition's
    /// layout: 19 in 2019, 21 in 2021. Their sum per column is （七）总计.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow};
    /// let outcomes = RequestRow::outcomes(Edition::E2019);
    /// assert_eq!(outcomes.first(), Some(&RequestRow::Disclosed));
    /// assert_eq!(outcomes.last(), Some(&RequestRow::OtherHandling));
    /// ```
    #[must_use]
    pub const fn outcomes(edition: Edition) -> &'static [RequestRow] {
        let rows = t3_rows_of(edition);
        // Without 一 and 二 before, （七）总计 and 四 after (slicing by range is not `const`).
        rows.split_at(2).1.split_at(rows.len() - 4).0
    }

    /// Whether the row exists in the given edition's layout.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow};
    /// assert!(RequestRow::OtherHandling.in_edition(Edition::E2019));
    /// assert!(!RequestRow::OtherHandling.in_edition(Edition::E2021));
    /// ```
    #[must_use]
    pub const fn in_edition(self, edition: Edition) -> bool {
        t3_has(edition, self)
    }

    /// The position of the row in the edition's printed order, `None` when the row does
    /// not exist in that layout.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow};
    /// assert_eq!(RequestRow::ResultsTotal.index(Edition::E2019), Some(21));
    /// assert_eq!(RequestRow::ResultsTotal.index(Edition::E2021), Some(23));
    /// assert_eq!(RequestRow::UnpaidFee.index(Edition::E2019), None);
    /// ```
    #[must_use]
    pub const fn index(self, edition: Edition) -> Option<usize> {
        match Layout::of(Table::Requests, edition)
            .position(CellRef::Requests(self, Applicant::NaturalPerson))
        {
            Some(p) => Some(p / T3_COLUMNS),
            None => None,
        }
    }
}

impl CellRef {
    /// Whether the cell exists in the given edition's layout of its table.
    ///
    /// ```
    /// use ogi_report::{CellRef, Edition};
    /// let cell: CellRef = "t2.procurement.amount".parse()?;
    /// assert!(cell.in_edition(Edition::E2019));
    /// assert!(!cell.in_edition(Edition::E2021));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn in_edition(self, edition: Edition) -> bool {
        Layout::of(self.table(), edition).contains(self)
    }

    /// Every cell of a report of the given edition, in the official printed order
    /// (表二, then 表三 row by row, then 表四).
    ///
    /// ```
    /// use ogi_report::{CellRef, Edition};
    /// assert_eq!(CellRef::all(Edition::E2019).count(), 22 + 161 + 15);
    /// assert_eq!(CellRef::all(Edition::E2021).count(), 10 + 175 + 15);
    /// ```
    pub fn all(edition: Edition) -> impl Iterator<Item = CellRef> + Clone {
        Table::ALL.iter().flat_map(move |t| t.cells(edition))
    }
}

// ---------------------------------------------------------------------------------------
// Merged label cells

/// The most levels of labels over a column or beside a row.
pub(crate) const DEPTH: usize = 3;

/// The labels over a column (or beside a row), outermost first; a label that spans several
/// columns (rows) appears in each of their paths.
pub(crate) type LabelPath = [Option<&'static str>; DEPTH];

/// The labels beside a 表三 row: 三、本年度办理结果 over the outcome rows and （七）总计,
/// the outcome group over its items, the row's own label.
pub(crate) fn request_row_path(row: RequestRow) -> LabelPath {
    let results =
        (row.is_outcome() || row == RequestRow::ResultsTotal).then_some(RequestRow::RESULTS_LABEL);
    match (results, row.group()) {
        (Some(results), Some(group)) => [Some(results), Some(group.label()), Some(row.label())],
        (Some(results), None) => [Some(results), Some(row.label()), None],
        (None, _) => [Some(row.label()), None, None],
    }
}

/// The labels over a 表三 column: 申请人情况 over all, 法人或其他组织 over the five
/// organisations, the column's own label.
pub(crate) fn request_column_path(column: Applicant) -> LabelPath {
    if column.is_organisation() {
        [
            Some(Applicant::LABEL),
            Some(Applicant::ORGANISATIONS_LABEL),
            Some(column.label()),
        ]
    } else {
        [Some(Applicant::LABEL), Some(column.label()), None]
    }
}

/// The labels over a 表四 column: 行政复议, or 行政诉讼 over its two groups; the group;
/// the column's own label.
pub(crate) fn appeal_column_path(group: AppealGroup, column: AppealColumn) -> LabelPath {
    match group.parent_label() {
        Some(parent) => [Some(parent), Some(group.label()), Some(column.label())],
        None => [Some(group.label()), None, Some(column.label())],
    }
}

/// A label cell of a multi-level header: its text, its level (0 outermost), the first
/// column (or row) it covers, how many it covers, and how many levels it reaches down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) text: &'static str,
    pub(crate) level: usize,
    pub(crate) start: usize,
    pub(crate) len: usize,
    pub(crate) depth: usize,
}

impl Span {
    /// Whether the span covers a level of a column (row).
    pub(crate) const fn covers(&self, level: usize, position: usize) -> bool {
        self.level <= level
            && level < self.level + self.depth
            && self.start <= position
            && position < self.start + self.len
    }
}

/// The merged label cells of a header from the label paths of its columns (rows): equal
/// labels at one level over neighbouring columns are one cell, and a label with nothing
/// under it reaches down to the last level.
pub(crate) fn spans(paths: &[LabelPath]) -> Vec<Span> {
    let mut spans: Vec<Span> = Vec::new();
    let mut open: [Option<usize>; DEPTH] = [None; DEPTH];
    for (position, path) in paths.iter().enumerate() {
        for (level, label) in path.iter().enumerate() {
            let Some(text) = *label else {
                continue;
            };
            let below = &path[level + 1..];
            let leaf = below.iter().all(Option::is_none);
            let same_above = position > 0 && paths[position - 1][..=level] == path[..=level];
            if !leaf && same_above {
                if let Some(span) = open[level].and_then(|i| spans.get_mut(i)) {
                    span.len += 1;
                    continue;
                }
            }
            let depth = 1 + below.iter().take_while(|l| l.is_none()).count();
            open[level] = (!leaf).then_some(spans.len());
            spans.push(Span {
                text,
                level,
                start: position,
                len: 1,
                depth,
            });
        }
    }
    spans
}

// ---------------------------------------------------------------------------------------
// The plain-text layout of a table: the lines `render::text` writes and the importer reads
// back, before the values

/// A field of a header line in the plain-text layout: its text and how many value columns
/// it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeaderField {
    pub(crate) text: &'static str,
    pub(crate) span: usize,
}

/// A line of a table in the crate's plain-text layout, without its values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TextLine {
    /// A line of its own: a 表二 caption, or a 表三 group label indented two spaces a level.
    Label(String),
    /// A header line: the field over the row labels (`None` in 表四, which has none), then
    /// the fields over the value columns.
    Header {
        corner: Option<&'static str>,
        fields: Vec<HeaderField>,
    },
    /// A data line: the row label (indented two spaces a level in 表三; none in 表四) and
    /// the positions of the cells it prints.
    Data {
        label: Option<String>,
        row: Option<RowRef>,
        cells: std::ops::Range<usize>,
    },
}

impl Layout {
    /// The lines the table prints in the crate's plain-text layout, in order, without
    /// their values.
    pub(crate) fn text_lines(&self) -> Vec<TextLine> {
        let edition = self.edition;
        let mut lines = Vec::new();
        match self.table {
            Table::Proactive => {
                for &item in Article20Item::blocks(edition) {
                    lines.push(TextLine::Label(item.caption().to_owned()));
                    let rows = item.rows(edition);
                    let columns = rows.first().map_or(&[][..], |r| r.columns(edition));
                    lines.push(TextLine::Header {
                        corner: Some(ProactiveRow::LABEL),
                        fields: columns
                            .iter()
                            .map(|c| HeaderField {
                                text: c.label(edition),
                                span: 1,
                            })
                            .collect(),
                    });
                    for &r in rows {
                        if let Some(row) = self.row(RowRef::Proactive(r)) {
                            lines.push(TextLine::Data {
                                label: Some(r.label(edition).to_owned()),
                                row: Some(row.row),
                                cells: row.range(),
                            });
                        }
                    }
                }
            }
            Table::Requests => {
                let columns: Vec<LabelPath> = Applicant::ALL
                    .iter()
                    .map(|&c| request_column_path(c))
                    .collect();
                header_lines(&mut lines, &spans(&columns), Some(RequestRow::NOTE));
                let paths: Vec<LabelPath> = self
                    .rows
                    .iter()
                    .filter_map(|r| match r.row {
                        RowRef::Requests(r) => Some(request_row_path(r)),
                        _ => None,
                    })
                    .collect();
                let row_spans = spans(&paths);
                let indented =
                    |level: usize, text: &str| format!("{:indent$}{text}", "", indent = 2 * level);
                for (i, (row, path)) in self.rows.iter().zip(&paths).enumerate() {
                    let leaf = path.iter().rposition(Option::is_some).unwrap_or(0);
                    for group in row_spans.iter().filter(|s| s.start == i && s.level < leaf) {
                        lines.push(TextLine::Label(indented(group.level, group.text)));
                    }
                    let label = path[leaf].map(|l| indented(leaf, l));
                    lines.push(TextLine::Data {
                        label,
                        row: Some(row.row),
                        cells: row.range(),
                    });
                }
            }
            Table::Appeals => {
                let columns: Vec<LabelPath> = AppealGroup::ALL
                    .iter()
                    .flat_map(|&g| {
                        AppealColumn::ALL
                            .iter()
                            .map(move |&c| appeal_column_path(g, c))
                    })
                    .collect();
                header_lines(&mut lines, &spans(&columns), None);
                lines.push(TextLine::Data {
                    label: None,
                    row: None,
                    cells: 0..self.len(),
                });
            }
        }
        lines
    }
}

/// The header lines of a multi-level column header: one line per level, a label over the
/// columns it spans, an empty field where the label of a level above reaches down; the
/// corner (over the row labels) on the first line, an empty corner on the others.
fn header_lines(lines: &mut Vec<TextLine>, spans: &[Span], corner: Option<&'static str>) {
    let columns = spans.iter().map(|s| s.start + s.len).max().unwrap_or(0);
    for level in 0..DEPTH {
        let mut fields = Vec::new();
        let mut position = 0;
        while position < columns {
            let here = spans
                .iter()
                .find(|s| s.level == level && s.start == position);
            let above = spans.iter().find(|s| s.covers(level, position));
            let (text, span) = match (here, above) {
                (Some(s), _) => (s.text, s.len),
                (None, Some(s)) => ("", s.start + s.len - position),
                (None, None) => ("", 1),
            };
            fields.push(HeaderField { text, span });
            position += span;
        }
        lines.push(TextLine::Header {
            corner: corner.map(|c| if level == 0 { c } else { "" }),
            fields,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_the_printed_order() {
        for layout in Layout::all() {
            for (i, &cell) in layout.cells().iter().enumerate() {
                assert_eq!(layout.position(cell), Some(i), "{layout} {cell}");
            }
            let mut next = 0;
            for row in layout.rows() {
                assert_eq!(row.start(), next);
                for i in row.range() {
                    assert_eq!(RowRef::of(layout.cells()[i]), row.row());
                }
                next = row.range().end;
            }
            assert_eq!(next, layout.len());
        }
    }

    #[test]
    fn every_cell_code_is_in_one_layout_at_least() {
        for &row in ProactiveRow::ALL {
            for &column in ProactiveColumn::ALL {
                let cell = CellRef::Proactive(row, column);
                let printed = Edition::ALL.iter().any(|&e| cell.in_edition(e));
                let coded = cell.to_string().parse::<CellRef>().is_ok();
                assert_eq!(printed, coded, "{cell}");
            }
        }
        for &row in RequestRow::ALL {
            assert!(Edition::ALL.iter().any(|&e| row.in_edition(e)));
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(T2_MAX_CELLS, 22);
        assert_eq!(T3_MAX_ROWS, 25);
        assert_eq!(
            [T2_2021.len(), T3_2019.len(), T3_2021.len(), T4_2021.len()],
            [10, 161, 175, 15]
        );
    }

    #[test]
    fn request_rows_span_as_printed() {
        for edition in Edition::ALL {
            let paths: Vec<_> = RequestRow::rows(edition)
                .iter()
                .map(|&r| request_row_path(r))
                .collect();
            let spans = spans(&paths);
            let results = spans.iter().find(|s| s.text == RequestRow::RESULTS_LABEL);
            let expected = match edition {
                Edition::E2019 => 20,
                Edition::E2021 => 22,
            };
            assert_eq!(
                results.map(|s| (s.start, s.len, s.depth)),
                Some((2, expected, 1))
            );
            let first = spans.iter().find(|s| s.start == 0);
            assert_eq!(first.map(|s| (s.len, s.depth)), Some((1, 3)));
            let withheld = spans.iter().find(|s| s.text == "（三）不予公开");
            assert_eq!(withheld.map(|s| (s.level, s.len, s.depth)), Some((1, 8, 1)));
            let other = spans.iter().find(|s| s.text.starts_with("（六）"));
            let other_rows = match edition {
                Edition::E2019 => (1, 2),
                Edition::E2021 => (3, 1),
            };
            assert_eq!(other.map(|s| (s.len, s.depth)), Some(other_rows));
        }
    }

    #[test]
    fn appeal_header_spans_as_printed() {
        let paths: Vec<_> = AppealGroup::ALL
            .iter()
            .flat_map(|&g| {
                AppealColumn::ALL
                    .iter()
                    .map(move |&c| appeal_column_path(g, c))
            })
            .collect();
        let spans = spans(&paths);
        let top: Vec<_> = spans
            .iter()
            .filter(|s| s.level == 0)
            .map(|s| (s.start, s.len, s.depth))
            .collect();
        assert_eq!(top, [(0, 5, 2), (5, 10, 1)]);
        assert_eq!(spans.iter().filter(|s| s.level == 1).count(), 2);
        assert_eq!(spans.iter().filter(|s| s.level == 2).count(), 15);
        assert!(spans[0].covers(1, 4));
        assert!(!spans[0].covers(2, 4));
    }
}
