//! What a table prints beyond its official cells: remarks above, between or under its
//! rows, rows a body added to the official layout, and remarks printed inside a cell after
//! its number. Kept byte for byte, where they were printed, so that the model is the
//! record of what a body published.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::cell::CellRef;
use crate::code::{Expected, UnknownCode};
use crate::layout::{Layout, RowRef};

/// Where, in or around a table, something beyond the official cells was printed.
///
/// Its code is `above`, `below`, or the code of the row it follows (`t3.new`). Places
/// order as they are printed: above the table, after its rows in printed order, under it.
///
/// ```
/// use ogi_report::{Place, RequestRow, RowRef};
/// let place: Place = "t3.new".parse()?;
/// assert_eq!(place, Place::After(RowRef::Requests(RequestRow::New)));
/// assert_eq!(Place::Below.to_string(), "below");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// Above the table, before its first row (a 单位 line, text of the section before the
    /// table).
    Above,
    /// After a row of the table, before the next row.
    After(RowRef),
    /// Under the table, after its last row (a 注, text of the section after the table).
    Below,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Above => f.write_str("above"),
            Place::After(row) => row.fmt(f),
            Place::Below => f.write_str("below"),
        }
    }
}

impl FromStr for Place {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "above" => Ok(Place::Above),
            "below" => Ok(Place::Below),
            _ => {
                let row = Layout::all()
                    .flat_map(|l| l.rows().iter().map(crate::layout::LayoutRow::row))
                    .find(|r| r.to_string() == s);
                row.map(Place::After)
                    .ok_or_else(|| UnknownCode::new("place", s, Expected::Unlisted))
            }
        }
    }
}

/// Text printed with a table, where it was printed.
///
/// ```
/// use ogi_report::{Place, Remark};
/// let note = Remark::new(Place::Below, "注：本表数据截至2023年12月31日。");
/// assert_eq!(note.text, "注：本表数据截至2023年12月31日。");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Remark {
    /// Where it was printed.
    pub place: Place,
    /// The text, byte for byte.
    pub text: String,
}

impl Remark {
    /// A remark printed at a place.
    #[must_use]
    pub fn new(place: Place, text: impl Into<String>) -> Remark {
        Remark {
            place,
            text: text.into(),
        }
    }
}

/// A row a body printed beyond its table's official layout (a local row such as
/// `其他主动公开文件`): its label and its cells, each byte for byte as printed (an empty
/// string for an empty cell).
///
/// ```
/// use ogi_report::{ExtraRow, Place, ProactiveRow, RowRef};
/// let row = ExtraRow::new(
///     Place::After(RowRef::Proactive(ProactiveRow::Normative)),
///     "其他主动公开文件",
///     ["12", "12", "30"],
/// );
/// assert_eq!(row.cells, ["12", "12", "30"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ExtraRow {
    /// Where it was printed.
    pub place: Place,
    /// The row's label.
    pub label: String,
    /// The row's cells, left to right.
    pub cells: Vec<String>,
}

impl ExtraRow {
    /// A row printed at a place, with its label and cells.
    pub fn new(
        place: Place,
        label: impl Into<String>,
        cells: impl IntoIterator<Item = impl Into<String>>,
    ) -> ExtraRow {
        ExtraRow {
            place,
            label: label.into(),
            cells: cells.into_iter().map(Into::into).collect(),
        }
    }
}

/// Everything a table prints beyond its official cells, in printed order: remarks, extra
/// rows, and remarks inside cells. Empty for a table printed exactly to the format.
///
/// The table that holds it checks that every place and cell is of its layout (see
/// [`Proactive::add_remark`](crate::Proactive::add_remark) and its siblings on each table).
///
/// ```
/// use ogi_report::{Edition, Place, Requests};
/// let mut t3 = Requests::blank(Edition::E2021);
/// t3.add_remark(Place::Below, "注：……")?;
/// t3.set_cell_remark("t3.new.total".parse()?, Some("（含转办 3 件）"))?;
/// assert_eq!(t3.extras().remarks().len(), 1);
/// assert_eq!(t3.extras().cell_remark("t3.new.total".parse()?), Some("（含转办 3 件）"));
/// assert!(!t3.extras().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Extras {
    remarks: Vec<Remark>,
    rows: Vec<ExtraRow>,
    cells: BTreeMap<CellRef, String>,
}

impl Extras {
    /// Nothing beyond the official cells.
    #[must_use]
    pub const fn new() -> Extras {
        Extras {
            remarks: Vec::new(),
            rows: Vec::new(),
            cells: BTreeMap::new(),
        }
    }

    /// Whether the table prints nothing beyond its official cells.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.remarks.is_empty() && self.rows.is_empty() && self.cells.is_empty()
    }

    /// The remarks, in printed order.
    #[must_use]
    pub fn remarks(&self) -> &[Remark] {
        &self.remarks
    }

    /// The extra rows, in printed order.
    #[must_use]
    pub fn rows(&self) -> &[ExtraRow] {
        &self.rows
    }

    /// The remark printed in a cell after its number, when there is one.
    #[must_use]
    pub fn cell_remark(&self, cell: CellRef) -> Option<&str> {
        self.cells.get(&cell).map(String::as_str)
    }

    /// Every cell remark, in the order of the cell codes.
    pub fn cell_remarks(&self) -> impl Iterator<Item = (CellRef, &str)> {
        self.cells.iter().map(|(&c, t)| (c, t.as_str()))
    }

    /// The remarks printed at a place, in printed order.
    pub fn remarks_at(&self, place: Place) -> impl Iterator<Item = &Remark> {
        self.remarks.iter().filter(move |r| r.place == place)
    }

    /// The extra rows printed at a place, in printed order.
    pub fn rows_at(&self, place: Place) -> impl Iterator<Item = &ExtraRow> {
        self.rows.iter().filter(move |r| r.place == place)
    }

    /// A place of a table printed in a layout, as kept: after the table's last row is
    /// under the table ([`Place::Below`]).
    ///
    /// 表四 prints its cells on one line, so nothing is printed between its groups.
    pub(crate) fn place_in(layout: &Layout, place: Place) -> Result<Place, ExtrasError> {
        let Place::After(row) = place else {
            return Ok(place);
        };
        let last = layout.rows().last().map(crate::layout::LayoutRow::row);
        if !layout.has_row(row) {
            return Err(ExtrasError::Place {
                place,
                layout: layout_name(layout),
            });
        }
        if layout.table() == crate::cell::Table::Appeals && last != Some(row) {
            return Err(ExtrasError::OneLine { place });
        }
        Ok(if last == Some(row) {
            Place::Below
        } else {
            place
        })
    }

    /// Keeps a remark in printed order: after those at earlier places and at its own.
    pub(crate) fn push_remark(&mut self, remark: Remark) {
        let at = self.remarks.partition_point(|r| r.place <= remark.place);
        self.remarks.insert(at, remark);
    }

    /// Keeps an extra row in printed order: after those at earlier places and at its own.
    pub(crate) fn push_row(&mut self, row: ExtraRow) {
        let at = self.rows.partition_point(|r| r.place <= row.place);
        self.rows.insert(at, row);
    }

    pub(crate) fn set_cell(&mut self, cell: CellRef, text: Option<String>) {
        match text.filter(|t| !t.is_empty()) {
            Some(t) => {
                self.cells.insert(cell, t);
            }
            None => {
                self.cells.remove(&cell);
            }
        }
    }
}

fn layout_name(layout: &Layout) -> String {
    layout.to_string()
}

/// A place or cell of another layout given for a table's extras.
///
/// ```
/// use ogi_report::{Edition, Place, RequestRow, Requests, RowRef};
/// let mut t3 = Requests::blank(Edition::E2021);
/// let err = t3.add_remark(Place::After(RowRef::Requests(RequestRow::OtherHandling)), "…");
/// assert_eq!(
///     err.unwrap_err().to_string(),
///     "t3.other_handling is not a row of t3 (2021 layout)"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ExtrasError {
    /// A place after a row the table's layout does not print.
    #[error("{place} is not a row of {layout}")]
    Place {
        /// The place given.
        place: Place,
        /// The table's layout.
        layout: String,
    },
    /// A place between the groups of 表四, which prints its cells on one line.
    #[error(
        "{place}: 表四 prints its cells on one line; what it prints beyond them is above or below it"
    )]
    OneLine {
        /// The place given.
        place: Place,
    },
    /// A cell remark for a cell the table's layout does not print.
    #[error("{cell} is not a cell of {layout}")]
    Cell {
        /// The cell given.
        cell: CellRef,
        /// The table's layout.
        layout: String,
    },
}

impl ExtrasError {
    pub(crate) fn cell(layout: &Layout, cell: CellRef) -> ExtrasError {
        ExtrasError::Cell {
            cell,
            layout: layout_name(layout),
        }
    }
}

/// The methods of the three tables for their extras, written once: `extras`,
/// `add_remark`, `add_extra_row`, `set_cell_remark`, each checked against the table's
/// layout.
macro_rules! extras_methods {
    ($table:ty, $example_table:literal) => {
        /// What the table prints beyond its official cells.
        #[must_use]
        pub const fn extras(&self) -> &$crate::extras::Extras {
            &self.extras
        }

        /// Keeps a remark printed with the table (after the remarks already at its place).
        /// A remark after the table's last row is kept as under the table
        /// ([`Place::Below`](crate::Place::Below)).
        ///
        /// # Errors
        /// [`ExtrasError::Place`](crate::ExtrasError::Place) for a place after a row the
        /// table's layout does not print (or between the groups of 表四, which prints its
        /// cells on one line).
        ///
        /// ```
        #[doc = concat!("use ogi_report::{Edition, Place, ", stringify!($table), "};")]
        #[doc = concat!("let mut table = ", $example_table, ";")]
        /// table.add_remark(Place::Below, "注：……")?;
        /// assert_eq!(table.extras().remarks()[0].text, "注：……");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn add_remark(
            &mut self,
            place: $crate::extras::Place,
            text: impl Into<String>,
        ) -> Result<(), $crate::extras::ExtrasError> {
            let place = $crate::extras::Extras::place_in(self.layout(), place)?;
            self.extras
                .push_remark($crate::extras::Remark::new(place, text));
            Ok(())
        }

        /// Keeps a row the table prints beyond its official layout (after the extra rows
        /// already at its place). A row after the table's last row is kept as under the
        /// table ([`Place::Below`](crate::Place::Below)).
        ///
        /// # Errors
        /// [`ExtrasError::Place`](crate::ExtrasError::Place) for a place after a row the
        /// table's layout does not print (or between the groups of 表四).
        ///
        /// ```
        #[doc = concat!("use ogi_report::{Edition, ExtraRow, Place, ", stringify!($table), "};")]
        #[doc = concat!("let mut table = ", $example_table, ";")]
        /// table.add_extra_row(ExtraRow::new(Place::Below, "合计", ["1", "", "2"]))?;
        /// assert_eq!(table.extras().rows()[0].label, "合计");
        /// # Ok::<(), Box<dyn std::error::Error>>(())
        /// ```
        pub fn add_extra_row(
            &mut self,
            row: $crate::extras::ExtraRow,
        ) -> Result<(), $crate::extras::ExtrasError> {
            let place = $crate::extras::Extras::place_in(self.layout(), row.place)?;
            self.extras
                .push_row($crate::extras::ExtraRow { place, ..row });
            Ok(())
        }

        /// Sets (or, with `None` or an empty text, removes) the remark printed inside a
        /// cell after its number, such as `（其中修订 16 件）` in `22（其中修订 16 件）`: the
        /// cell keeps the number as its value.
        ///
        /// # Errors
        /// [`ExtrasError::Cell`](crate::ExtrasError::Cell) for a cell the table's layout
        /// does not print.
        pub fn set_cell_remark(
            &mut self,
            cell: $crate::cell::CellRef,
            text: Option<impl Into<String>>,
        ) -> Result<(), $crate::extras::ExtrasError> {
            if !self.layout().contains(cell) {
                return Err($crate::extras::ExtrasError::cell(self.layout(), cell));
            }
            self.extras.set_cell(cell, text.map(Into::into));
            Ok(())
        }
    };
}

pub(crate) use extras_methods;

/// How the crate's plain-text layout marks what a table prints beyond its cells: a remark
/// line starts with `> `, an extra row's label field with `+` (then a space and the label,
/// when it has one), and a cell's remark follows its value after ` ※ `.
pub(crate) const REMARK_MARK: &str = "> ";
/// See [`REMARK_MARK`].
pub(crate) const EXTRA_ROW_MARK: &str = "+";
/// See [`REMARK_MARK`].
pub(crate) const CELL_REMARK_MARK: &str = " ※ ";

/// Writes a text so that it fits on one line of the plain-text layout, and in a field
/// (`field`) keeps its `|` and its spaces at either end: `\` as `\\`, a line break as `\n`,
/// a carriage return as `\r`; in a field also `|` as `\|` and a space at either end as
/// `\s`. [`unescape`] reads it back.
pub(crate) fn escape(text: &str, field: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let last = text.chars().count().saturating_sub(1);
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '|' if field => out.push_str("\\|"),
            ' ' if field && (i == 0 || i == last) => out.push_str("\\s"),
            c => out.push(c),
        }
    }
    out
}

/// Reads back what [`escape`] wrote; `None` for a backslash that starts no escape.
pub(crate) fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            'n' => '\n',
            'r' => '\r',
            '|' => '|',
            's' => ' ',
            _ => return None,
        });
    }
    Some(out)
}

/// Splits a line of the plain-text layout into its fields on the `|` that no backslash
/// escapes, each trimmed of its padding spaces (escapes are kept: [`unescape`] each).
pub(crate) fn split_fields(line: &str) -> Vec<&str> {
    let mut fields = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => {
                fields.push(line.get(start..i).unwrap_or("").trim_matches(' '));
                start = i + 1;
            }
            _ => escaped = false,
        }
    }
    fields.push(line.get(start..).unwrap_or("").trim_matches(' '));
    fields
}
