//! The JSON (serde) form of a report.
//!
//! Tables are objects of rows, rows objects of columns, keyed by the stable codes, so a
//! JSON pointer such as `/t3/withheld.state_secret/total` names the cell
//! `t3.withheld.state_secret.total`. Blank cells are `null`; counts are integers; money
//! is a string with its printed unit. Deserialising goes through the same checks as the
//! constructors, rejects unknown and duplicate keys, and every error names the field.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use chrono::NaiveDate;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::appeals::Appeals;
use crate::cell::{
    AppealColumn, AppealGroup, Applicant, CellRef, ProactiveColumn, ProactiveRow, RequestRow,
    Table, Value, ValueKind,
};
use crate::edition::Edition;
use crate::error::BuildError;
use crate::extras::{ExtraRow, Extras, ExtrasError, Place, Remark};
use crate::layout::{Layout, RowRef};
use crate::money::Amount;
use crate::narrative::{FeeStatement, OtherMatters};
use crate::proactive::Proactive;
use crate::report::{AnnualReport, BodyKind, FIRST_YEAR};
use crate::requests::Requests;

/// The key of the edition, in a report object and in the objects of 表二 and 表三.
pub(crate) const EDITION_KEY: &str = "edition";

// ---------------------------------------------------------------------------------------
// Values

/// Where a value sits, for error messages.
#[derive(Clone, Copy)]
enum Path {
    Cell(CellRef),
    Field(&'static str),
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Cell(c) => c.fmt(f),
            Path::Field(p) => f.write_str(p),
        }
    }
}

/// Reads one value (or `null` for blank) of a kind, naming its path in every error.
#[derive(Clone, Copy)]
struct ValueSeed {
    path: Path,
    kind: ValueKind,
}

impl ValueSeed {
    fn what(self) -> &'static str {
        match self.kind {
            ValueKind::Count => "a count (an integer ≥ 0) or null",
            ValueKind::Delta => "a signed integer or null",
            ValueKind::Money => "an amount as a string such as \"251000元\", or null",
        }
    }

    fn wrong<E: de::Error>(self, found: de::Unexpected<'_>) -> E {
        E::custom(format_args!(
            "{}: invalid type: {found}, expected {}",
            self.path,
            self.what()
        ))
    }

    fn number<E: de::Error>(self, shown: &dyn fmt::Display) -> E {
        E::custom(format_args!(
            "{}: money must be a JSON string such as \"251000元\", not the number {shown}",
            self.path
        ))
    }
}

impl<'de> DeserializeSeed<'de> for ValueSeed {
    type Value = Option<Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} for {}", self.what(), self.path)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        match self.kind {
            ValueKind::Count => Ok(Some(Value::Count(v))),
            ValueKind::Delta => i64::try_from(v)
                .map(|d| Some(Value::Delta(d)))
                .map_err(|_| E::custom(format_args!("{}: {v} is out of range", self.path))),
            ValueKind::Money => Err(self.number(&v)),
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        match self.kind {
            ValueKind::Count => match u64::try_from(v) {
                Ok(c) => Ok(Some(Value::Count(c))),
                Err(_) => Err(E::custom(format_args!("{}: negative count {v}", self.path))),
            },
            ValueKind::Delta => Ok(Some(Value::Delta(v))),
            ValueKind::Money => Err(self.number(&v)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        match self.kind {
            ValueKind::Money => Err(self.number(&v)),
            _ => Err(E::custom(format_args!(
                "{}: {v} is not an integer within range, expected {}",
                self.path,
                self.what()
            ))),
        }
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        match self.kind {
            ValueKind::Money => s
                .parse::<Amount>()
                .map(|a| Some(Value::Money(a)))
                .map_err(|e| E::custom(format_args!("{}: {e}", self.path))),
            _ => Err(self.wrong(de::Unexpected::Str(s))),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Err(self.wrong(de::Unexpected::Bool(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.wrong(de::Unexpected::Seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Self::Value, A::Error> {
        Err(self.wrong(de::Unexpected::Map))
    }
}

/// Serialises a cell value: `null`, an integer, or a money string.
struct ValueSer(Option<Value>);

impl Serialize for ValueSer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            None => s.serialize_none(),
            Some(Value::Count(v)) => s.serialize_u64(v),
            Some(Value::Delta(v)) => s.serialize_i64(v),
            Some(Value::Money(a)) => s.collect_str(&a),
        }
    }
}

// ---------------------------------------------------------------------------------------
// The grid of each table, across both editions

/// The row codes of 表二 (both editions).
const T2_ROWS: usize = ProactiveRow::ALL.len();
/// The column codes of 表二 (both editions).
const T2_COLUMNS: usize = ProactiveColumn::ALL.len();
/// The row codes of 表三 (both editions).
const T3_ROWS: usize = RequestRow::ALL.len();
/// The row codes of 表四.
const T4_ROWS: usize = AppealGroup::ALL.len();

fn row_code(table: Table, row: usize) -> &'static str {
    match table {
        Table::Proactive => ProactiveRow::ALL[row].code(),
        Table::Requests => RequestRow::ALL[row].code(),
        Table::Appeals => AppealGroup::ALL[row].code(),
    }
}

fn row_index(table: Table, code: &str) -> Option<usize> {
    match table {
        Table::Proactive => ProactiveRow::from_code(code).map(|r| r as usize),
        Table::Requests => RequestRow::from_code(code).map(|r| r as usize),
        Table::Appeals => AppealGroup::from_code(code).map(|g| g as usize),
    }
}

fn column_code(table: Table, column: usize) -> &'static str {
    match table {
        Table::Proactive => ProactiveColumn::ALL[column].code(),
        Table::Requests => Applicant::ALL[column].code(),
        Table::Appeals => AppealColumn::ALL[column].code(),
    }
}

fn column_index(table: Table, code: &str) -> Option<usize> {
    match table {
        Table::Proactive => ProactiveColumn::from_code(code).map(|c| c as usize),
        Table::Requests => Applicant::from_code(code).map(|c| c as usize),
        Table::Appeals => AppealColumn::from_code(code).map(|c| c as usize),
    }
}

fn cell_at(table: Table, row: usize, column: usize) -> CellRef {
    match table {
        Table::Proactive => {
            CellRef::Proactive(ProactiveRow::ALL[row], ProactiveColumn::ALL[column])
        }
        Table::Requests => CellRef::Requests(RequestRow::ALL[row], Applicant::ALL[column]),
        Table::Appeals => CellRef::Appeals(AppealGroup::ALL[row], AppealColumn::ALL[column]),
    }
}

/// Whether a cell exists in any edition.
fn exists(cell: CellRef) -> bool {
    Edition::ALL.iter().any(|&e| cell.in_edition(e))
}

/// The columns the edition's layout prints in a row (by the row code's index): bit `c` for
/// the column code's index `c`; none when the layout does not print the row.
fn edition_columns(table: Table, edition: Edition, row: usize) -> u16 {
    let layout = Layout::of(table, edition);
    let Some(printed) = layout.row(RowRef::of(cell_at(table, row, 0))) else {
        return 0;
    };
    layout.cells()[printed.range()]
        .iter()
        .fold(0, |mask, &cell| mask | 1 << column_of(cell))
}

/// The index of a cell's column code.
const fn column_of(cell: CellRef) -> usize {
    match cell {
        CellRef::Proactive(_, c) => c as usize,
        CellRef::Requests(_, c) => c as usize,
        CellRef::Appeals(_, c) => c as usize,
    }
}

/// A cell's value as its table stores it: a count in 表三 and 表四, any value in 表二.
trait CellValue: Copy {
    /// The value read for a cell (of the cell's kind: [`ValueSeed`] checks it).
    fn from_value(value: Value) -> Option<Self>;
}

impl CellValue for u64 {
    fn from_value(value: Value) -> Option<u64> {
        match value {
            Value::Count(v) => Some(v),
            _ => None,
        }
    }
}

impl CellValue for Value {
    fn from_value(value: Value) -> Option<Value> {
        Some(value)
    }
}

/// A table object as read, in the space of the row and column codes of both editions
/// (`R` rows, `C` columns), checked against the edition at the end (keys may come in any
/// order, the edition last). Fixed arrays and bit sets: reading a table allocates nothing.
struct Grid<V, const R: usize, const C: usize> {
    table: Table,
    edition: Option<Edition>,
    /// Bit `r`: the key of row `r` was read.
    rows: u32,
    /// Bit `c` of `present[r]`: the key of column `c` was read in row `r`.
    present: [u16; R],
    cells: [[Option<V>; C]; R],
    extras: ExtrasRepr,
}

impl<V: CellValue, const R: usize, const C: usize> Grid<V, R, C> {
    fn new(table: Table) -> Self {
        Grid {
            table,
            edition: None,
            rows: 0,
            present: [0; R],
            cells: [[None; C]; R],
            extras: ExtrasRepr::default(),
        }
    }

    /// Checks the keys read against the edition: every row and column of the edition, no
    /// other.
    fn check<E: de::Error>(&self, edition: Edition) -> Result<(), E> {
        let table = self.table;
        let read = |r: usize| self.rows & (1 << r) != 0;
        // Keys of another edition first: they explain a missing key of this one.
        for r in (0..R).filter(|&r| read(r)) {
            let columns = edition_columns(table, edition, r);
            if columns == 0 {
                return Err(E::custom(format_args!(
                    "{table}.{}: not a row of the {edition} edition",
                    row_code(table, r)
                )));
            }
            let other = self.present[r] & !columns;
            if other != 0 {
                return Err(E::custom(format_args!(
                    "{}: not a cell of the {edition} edition",
                    cell_at(table, r, other.trailing_zeros() as usize)
                )));
            }
        }
        for r in 0..R {
            let columns = edition_columns(table, edition, r);
            if !read(r) {
                if columns != 0 {
                    return Err(E::custom(format_args!(
                        "{table}: missing row `{}`",
                        row_code(table, r)
                    )));
                }
                continue;
            }
            let missing = columns & !self.present[r];
            if missing != 0 {
                return Err(E::custom(format_args!(
                    "{table}.{}: missing column `{}`",
                    row_code(table, r),
                    column_code(table, missing.trailing_zeros() as usize)
                )));
            }
        }
        Ok(())
    }
}

enum TableKey {
    Edition,
    Row(usize),
    Remarks,
    ExtraRows,
    CellRemarks,
}

struct TableKeySeed(Table);

impl<'de> DeserializeSeed<'de> for TableKeySeed {
    type Value = TableKey;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<TableKey, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for TableKeySeed {
    type Value = TableKey;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a row code of {}", self.0)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<TableKey, E> {
        match s {
            EDITION_KEY if self.0 != Table::Appeals => return Ok(TableKey::Edition),
            REMARKS_KEY => return Ok(TableKey::Remarks),
            EXTRA_ROWS_KEY => return Ok(TableKey::ExtraRows),
            CELL_REMARKS_KEY => return Ok(TableKey::CellRemarks),
            _ => {}
        }
        row_index(self.0, s)
            .map(TableKey::Row)
            .ok_or_else(|| E::custom(format_args!("{}: unknown row `{s}`", self.0)))
    }
}

struct ColumnKeySeed {
    table: Table,
    row: usize,
}

impl<'de> DeserializeSeed<'de> for ColumnKeySeed {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for ColumnKeySeed {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a column code of {}", self.table)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<usize, E> {
        column_index(self.table, s)
            .filter(|&c| exists(cell_at(self.table, self.row, c)))
            .ok_or_else(|| {
                E::custom(format_args!(
                    "{}.{}: unknown column `{s}`",
                    self.table,
                    row_code(self.table, self.row)
                ))
            })
    }
}

/// Reads one row object into its cells and the set of columns read.
struct RowSeed<'a, V, const C: usize> {
    table: Table,
    row: usize,
    present: &'a mut u16,
    cells: &'a mut [Option<V>; C],
}

impl<'de, V: CellValue, const C: usize> DeserializeSeed<'de> for RowSeed<'_, V, C> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, V: CellValue, const C: usize> Visitor<'de> for RowSeed<'_, V, C> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object of columns for {}.{}",
            self.table,
            row_code(self.table, self.row)
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (table, row) = (self.table, self.row);
        while let Some(c) = map.next_key_seed(ColumnKeySeed { table, row })? {
            let cell = cell_at(table, row, c);
            if *self.present & (1 << c) != 0 {
                return Err(de::Error::custom(format_args!("{cell}: duplicate column")));
            }
            let value = map.next_value_seed(ValueSeed {
                path: Path::Cell(cell),
                kind: cell.kind(),
            })?;
            *self.present |= 1 << c;
            self.cells[c] = value.and_then(V::from_value);
        }
        Ok(())
    }
}

struct GridVisitor<V, const R: usize, const C: usize>(Table, PhantomData<V>);

impl<'de, V: CellValue, const R: usize, const C: usize> Visitor<'de> for GridVisitor<V, R, C> {
    type Value = Grid<V, R, C>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of rows for {}", self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let table = self.0;
        let mut grid = Grid::new(table);
        while let Some(key) = map.next_key_seed(TableKeySeed(table))? {
            match key {
                TableKey::Edition => {
                    if grid.edition.is_some() {
                        return Err(de::Error::custom(format_args!(
                            "{table}: duplicate field `edition`"
                        )));
                    }
                    let path = match table {
                        Table::Proactive => "t2.edition",
                        _ => "t3.edition",
                    };
                    grid.edition = Some(map.next_value_seed(EditionSeed(path))?);
                }
                TableKey::Remarks => {
                    let remarks: Vec<RemarkRepr> = map.next_value()?;
                    let path = extras_path(table, REMARKS_KEY);
                    once(&mut grid.extras.remarks, not_empty(remarks, path)?, path)?;
                }
                TableKey::ExtraRows => {
                    let rows: Vec<ExtraRowRepr> = map.next_value()?;
                    let path = extras_path(table, EXTRA_ROWS_KEY);
                    once(&mut grid.extras.rows, not_empty(rows, path)?, path)?;
                }
                TableKey::CellRemarks => {
                    let cells = map.next_value::<UniqueMap>()?.0;
                    let path = extras_path(table, CELL_REMARKS_KEY);
                    once(&mut grid.extras.cells, not_empty(cells, path)?, path)?;
                }
                TableKey::Row(r) => {
                    if grid.rows & (1 << r) != 0 {
                        return Err(de::Error::custom(format_args!(
                            "{table}: duplicate row `{}`",
                            row_code(table, r)
                        )));
                    }
                    grid.rows |= 1 << r;
                    map.next_value_seed(RowSeed {
                        table,
                        row: r,
                        present: &mut grid.present[r],
                        cells: &mut grid.cells[r],
                    })?;
                }
            }
        }
        Ok(grid)
    }
}

/// Reads a table object: its edition and its cells by row and column code, checked
/// against the edition.
#[allow(
    clippy::type_complexity,
    reason = "the cells of a table by row and column code"
)]
fn read_grid<'de, D: Deserializer<'de>, V: CellValue, const R: usize, const C: usize>(
    d: D,
    table: Table,
) -> Result<(Edition, [[Option<V>; C]; R], ExtrasRepr), D::Error> {
    let grid = d.deserialize_map(GridVisitor::<V, R, C>(table, PhantomData))?;
    let edition = match (table, grid.edition) {
        (Table::Appeals, _) => Edition::E2019,
        (_, Some(e)) => e,
        (_, None) => {
            return Err(de::Error::custom(format_args!(
                "{table}: missing field `edition`"
            )));
        }
    };
    grid.check(edition)?;
    Ok((edition, grid.cells, grid.extras))
}

// ---------------------------------------------------------------------------------------
// What a table prints beyond its cells

const REMARKS_KEY: &str = "remarks";
const EXTRA_ROWS_KEY: &str = "extra_rows";
const CELL_REMARKS_KEY: &str = "cell_remarks";

/// The path of a table's extras key in errors: `t3.remarks`.
fn extras_path(table: Table, key: &'static str) -> &'static str {
    match (table, key) {
        (Table::Proactive, REMARKS_KEY) => "t2.remarks",
        (Table::Proactive, EXTRA_ROWS_KEY) => "t2.extra_rows",
        (Table::Proactive, _) => "t2.cell_remarks",
        (Table::Requests, REMARKS_KEY) => "t3.remarks",
        (Table::Requests, EXTRA_ROWS_KEY) => "t3.extra_rows",
        (Table::Requests, _) => "t3.cell_remarks",
        (Table::Appeals, REMARKS_KEY) => "t4.remarks",
        (Table::Appeals, EXTRA_ROWS_KEY) => "t4.extra_rows",
        (Table::Appeals, _) => "t4.cell_remarks",
    }
}

/// A list of extras that holds something: an empty one is written by leaving its key out,
/// so that every report has one JSON form.
fn not_empty<T, E: de::Error>(items: Vec<T>, path: &str) -> Result<Vec<T>, E> {
    if items.is_empty() {
        Err(E::custom(format_args!(
            "{path}: empty; a table that prints nothing of this kind leaves the key out"
        )))
    } else {
        Ok(items)
    }
}

/// Stores a field once; a second occurrence is an error.
fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

/// A remark as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RemarkRepr {
    place: String,
    text: String,
}

/// An extra row as read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtraRowRepr {
    place: String,
    label: String,
    cells: Vec<String>,
}

/// A table's extras as read, checked against its layout by [`apply_extras`].
#[derive(Default)]
struct ExtrasRepr {
    remarks: Option<Vec<RemarkRepr>>,
    rows: Option<Vec<ExtraRowRepr>>,
    cells: Option<Vec<(String, String)>>,
}

/// An object of strings, duplicate keys refused.
struct UniqueMap(Vec<(String, String)>);

impl<'de> Deserialize<'de> for UniqueMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<UniqueMap, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = UniqueMap;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of cell codes and remarks")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<UniqueMap, A::Error> {
                let mut out: Vec<(String, String)> = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    if out.iter().any(|(o, _)| *o == k) {
                        return Err(de::Error::custom(format_args!("{k}: duplicate cell")));
                    }
                    out.push((k, v));
                }
                Ok(UniqueMap(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// The checked methods of the tables for their extras, for [`apply_extras`].
trait WithExtras {
    fn remark(&mut self, place: Place, text: String) -> Result<(), ExtrasError>;
    fn row(&mut self, row: ExtraRow) -> Result<(), ExtrasError>;
    fn cell(&mut self, cell: CellRef, text: String) -> Result<(), ExtrasError>;
}

macro_rules! with_extras {
    ($($t:ty),+) => {$(
        impl WithExtras for $t {
            fn remark(&mut self, place: Place, text: String) -> Result<(), ExtrasError> {
                self.add_remark(place, text)
            }
            fn row(&mut self, row: ExtraRow) -> Result<(), ExtrasError> {
                self.add_extra_row(row)
            }
            fn cell(&mut self, cell: CellRef, text: String) -> Result<(), ExtrasError> {
                self.set_cell_remark(cell, Some(text))
            }
        }
    )+};
}

with_extras!(Proactive, Requests, Appeals);

/// Puts the extras read into a table through its checked methods.
fn apply_extras<E: de::Error, T: WithExtras>(
    table: Table,
    extras: ExtrasRepr,
    into: &mut T,
) -> Result<(), E> {
    let place = |key: &'static str, i: usize, text: &str| -> Result<Place, E> {
        text.parse::<Place>()
            .map_err(|e| E::custom(format_args!("{}[{i}].place: {e}", extras_path(table, key))))
    };
    for (i, r) in extras.remarks.into_iter().flatten().enumerate() {
        let at = place(REMARKS_KEY, i, &r.place)?;
        into.remark(at, r.text).map_err(|e| {
            E::custom(format_args!(
                "{}[{i}].place: {e}",
                extras_path(table, REMARKS_KEY)
            ))
        })?;
    }
    for (i, r) in extras.rows.into_iter().flatten().enumerate() {
        let at = place(EXTRA_ROWS_KEY, i, &r.place)?;
        into.row(ExtraRow::new(at, r.label, r.cells)).map_err(|e| {
            E::custom(format_args!(
                "{}[{i}].place: {e}",
                extras_path(table, EXTRA_ROWS_KEY)
            ))
        })?;
    }
    for (code, text) in extras.cells.into_iter().flatten() {
        let path = extras_path(table, CELL_REMARKS_KEY);
        let cell = code
            .parse::<CellRef>()
            .map_err(|e| E::custom(format_args!("{path}: {e}")))?;
        into.cell(cell, text)
            .map_err(|e| E::custom(format_args!("{path}: {e}")))?;
    }
    Ok(())
}

/// Serialises a table's extras after its rows, each key only when it holds something.
fn write_extras<M: SerializeMap>(m: &mut M, extras: &Extras) -> Result<(), M::Error> {
    struct Remarks<'a>(&'a [Remark]);
    impl Serialize for Remarks<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|r| {
                let mut o = std::collections::BTreeMap::new();
                o.insert("place", r.place.to_string());
                o.insert("text", r.text.clone());
                o
            }))
        }
    }
    struct Rows<'a>(&'a [ExtraRow]);
    impl Serialize for Rows<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            struct Row<'a>(&'a ExtraRow);
            impl Serialize for Row<'_> {
                fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    let mut m = s.serialize_map(Some(3))?;
                    m.serialize_entry("place", &self.0.place.to_string())?;
                    m.serialize_entry("label", &self.0.label)?;
                    m.serialize_entry("cells", &self.0.cells)?;
                    m.end()
                }
            }
            s.collect_seq(self.0.iter().map(Row))
        }
    }
    struct Cells<'a>(&'a Extras);
    impl Serialize for Cells<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.cell_remarks().map(|(c, t)| (c.to_string(), t)))
        }
    }
    if !extras.remarks().is_empty() {
        m.serialize_entry(REMARKS_KEY, &Remarks(extras.remarks()))?;
    }
    if !extras.rows().is_empty() {
        m.serialize_entry(EXTRA_ROWS_KEY, &Rows(extras.rows()))?;
    }
    if extras.cell_remarks().next().is_some() {
        m.serialize_entry(CELL_REMARKS_KEY, &Cells(extras))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Tables

/// Serialises one row of 表二 as an object of columns.
struct ProactiveRowSer<'a> {
    columns: &'static [ProactiveColumn],
    cells: &'a [Option<Value>],
}

impl Serialize for ProactiveRowSer<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.columns.len()))?;
        for (column, &value) in self.columns.iter().zip(self.cells) {
            m.serialize_entry(column.code(), &ValueSer(value))?;
        }
        m.end()
    }
}

/// Serialises one row of counts (表三, 表四) as an object of columns: the row's cells in
/// the order of `columns`, each named by `code`.
struct CountRowSer<'a, C: 'static, F> {
    columns: &'static [C],
    code: F,
    cells: &'a [Option<u64>],
}

impl<C: Copy, F: Fn(C) -> &'static str> Serialize for CountRowSer<'_, C, F> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.columns.len()))?;
        for (&column, value) in self.columns.iter().zip(self.cells) {
            m.serialize_entry((self.code)(column), value)?;
        }
        m.end()
    }
}

impl Serialize for Proactive {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let edition = self.edition();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(EDITION_KEY, edition.code())?;
        // The cells are stored in printed order, row by row.
        let mut cells = &self.slots()[..];
        for &row in ProactiveRow::rows(edition) {
            let columns = row.columns(edition);
            let (these, rest) = cells.split_at(columns.len().min(cells.len()));
            cells = rest;
            m.serialize_entry(
                row.code(),
                &ProactiveRowSer {
                    columns,
                    cells: these,
                },
            )?;
        }
        write_extras(&mut m, self.extras())?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Proactive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Proactive, D::Error> {
        let (edition, cells, extras) =
            read_grid::<D, Value, T2_ROWS, T2_COLUMNS>(d, Table::Proactive)?;
        let mut table = Proactive::blank(edition);
        for &cell in Layout::of(Table::Proactive, edition).cells() {
            if let CellRef::Proactive(row, column) = cell {
                let value = cells[row as usize][column as usize];
                table.set(row, column, value).map_err(de::Error::custom)?;
            }
        }
        apply_extras(Table::Proactive, extras, &mut table)?;
        Ok(table)
    }
}

impl Serialize for Requests {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry(EDITION_KEY, self.edition().code())?;
        let rows = self.slots().chunks_exact(Applicant::ALL.len());
        for (&row, cells) in self.rows().iter().zip(rows) {
            let columns = Applicant::ALL;
            let code = Applicant::code;
            m.serialize_entry(
                row.code(),
                &CountRowSer {
                    columns,
                    code,
                    cells,
                },
            )?;
        }
        write_extras(&mut m, self.extras())?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Requests {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Requests, D::Error> {
        let (edition, cells, extras) =
            read_grid::<D, u64, T3_ROWS, { Applicant::ALL.len() }>(d, Table::Requests)?;
        let mut table = Requests::blank(edition);
        for &row in RequestRow::rows(edition) {
            table
                .set_row(row, cells[row as usize])
                .map_err(de::Error::custom)?;
        }
        apply_extras(Table::Requests, extras, &mut table)?;
        Ok(table)
    }
}

impl Serialize for Appeals {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        let groups = self.slots().chunks_exact(AppealColumn::ALL.len());
        for (&group, cells) in AppealGroup::ALL.iter().zip(groups) {
            let columns = AppealColumn::ALL;
            let code = AppealColumn::code;
            m.serialize_entry(
                group.code(),
                &CountRowSer {
                    columns,
                    code,
                    cells,
                },
            )?;
        }
        write_extras(&mut m, self.extras())?;
        m.end()
    }
}

impl<'de> Deserialize<'de> for Appeals {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Appeals, D::Error> {
        let (_, cells, extras) =
            read_grid::<D, u64, T4_ROWS, { AppealColumn::ALL.len() }>(d, Table::Appeals)?;
        let mut table = Appeals::blank();
        for (&group, row) in AppealGroup::ALL.iter().zip(cells) {
            for (&column, value) in AppealColumn::ALL.iter().zip(row) {
                table.set(group, column, value).map_err(de::Error::custom)?;
            }
        }
        apply_extras(Table::Appeals, extras, &mut table)?;
        Ok(table)
    }
}

// ---------------------------------------------------------------------------------------
// Scalars

/// A string field parsed by `parse`, naming its path in errors.
struct StrSeed<T> {
    path: &'static str,
    what: &'static str,
    parse: fn(&str) -> Result<T, String>,
}

impl<'de, T> DeserializeSeed<'de> for StrSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_str(self)
    }
}

impl<T> Visitor<'_> for StrSeed<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} for {}", self.what, self.path)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
        (self.parse)(s).map_err(|m| E::custom(format_args!("{}: {m}", self.path)))
    }
}

fn text_field(path: &'static str) -> StrSeed<String> {
    StrSeed {
        path,
        what: "a string",
        parse: |s| Ok(s.to_owned()),
    }
}

#[allow(
    non_snake_case,
    reason = "a constructor-like helper named after its type"
)]
fn EditionSeed(path: &'static str) -> StrSeed<Edition> {
    StrSeed {
        path,
        what: "\"2019\" or \"2021\"",
        parse: |s| s.parse::<Edition>().map_err(|e| e.to_string()),
    }
}

/// `YYYY-MM-DD`, a date that exists: the shape checked here (chrono also reads one-digit
/// months and days, and spaces), the date read by chrono.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    shape
        .then(|| s.parse::<NaiveDate>().ok())
        .flatten()
        .ok_or_else(|| format!("invalid date {s:?}, expected an existing date as YYYY-MM-DD"))
}

/// `null` or the inner seed.
struct Nullable<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Nullable<S> {
    type Value = Option<S::Value>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Nullable<S> {
    type Value = Option<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("null or a value")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        self.0.deserialize(d).map(Some)
    }
}

struct YearSeed;

impl<'de> DeserializeSeed<'de> for YearSeed {
    type Value = u16;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<u16, D::Error> {
        d.deserialize_u16(self)
    }
}

impl Visitor<'_> for YearSeed {
    type Value = u16;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a report year ({FIRST_YEAR} or later) for year")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u16, E> {
        u16::try_from(v)
            .ok()
            .filter(|&y| y >= FIRST_YEAR)
            .ok_or_else(|| {
                E::custom(format_args!(
                    "year: {v} is not a report year ({FIRST_YEAR} or later)"
                ))
            })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u16, E> {
        Err(E::custom(format_args!(
            "year: {v} is not a report year ({FIRST_YEAR} or later)"
        )))
    }
}

// ---------------------------------------------------------------------------------------
// Section 六

impl Serialize for FeeStatement {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let [notices, notices_amount, collected] = FEE_FIELDS;
        let mut st = s.serialize_struct("FeeStatement", FEE_FIELDS.len())?;
        st.serialize_field(notices, &self.notices)?;
        st.serialize_field(
            notices_amount,
            &ValueSer(self.notices_amount.map(Value::Money)),
        )?;
        st.serialize_field(collected, &ValueSer(self.collected.map(Value::Money)))?;
        st.end()
    }
}

/// A key of a small object, as its index in `fields`; unknown keys name the object.
struct FieldKey {
    path: &'static str,
    fields: &'static [&'static str],
}

impl<'de> DeserializeSeed<'de> for FieldKey {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for FieldKey {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a field name of {}", self.path)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<usize, E> {
        self.fields.iter().position(|f| *f == s).ok_or_else(|| {
            E::custom(format_args!(
                "{}: unknown field `{s}`, expected one of {}",
                self.path,
                self.fields.join(", ")
            ))
        })
    }
}

/// The fields of `other_matters.fees`.
pub(crate) const FEE_FIELDS: [&str; 3] = ["notices", "notices_amount", "collected"];

/// The fields of `other_matters`.
pub(crate) const OTHER_MATTERS_FIELDS: [&str; 2] = ["text", "fees"];

struct FeeSeed;

impl<'de> DeserializeSeed<'de> for FeeSeed {
    type Value = FeeStatement;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<FeeStatement, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FeeSeed {
    type Value = FeeStatement;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with notices, notices_amount and collected for other_matters.fees")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FeeStatement, A::Error> {
        let mut seen = [false; 3];
        let mut fees = FeeStatement::default();
        while let Some(i) = map.next_key_seed(FieldKey {
            path: "other_matters.fees",
            fields: &FEE_FIELDS,
        })? {
            let key = FEE_FIELDS[i];
            if seen[i] {
                return Err(de::Error::custom(format_args!(
                    "other_matters.fees: duplicate field `{key}`"
                )));
            }
            seen[i] = true;
            let (path, kind) = match i {
                0 => ("other_matters.fees.notices", ValueKind::Count),
                1 => ("other_matters.fees.notices_amount", ValueKind::Money),
                _ => ("other_matters.fees.collected", ValueKind::Money),
            };
            let value = map.next_value_seed(ValueSeed {
                path: Path::Field(path),
                kind,
            })?;
            match value {
                Some(Value::Count(v)) => fees.notices = Some(v),
                Some(Value::Money(a)) if i == 1 => fees.notices_amount = Some(a),
                Some(Value::Money(a)) => fees.collected = Some(a),
                _ => {}
            }
        }
        if let Some(i) = seen.iter().position(|s| !s) {
            return Err(de::Error::custom(format_args!(
                "other_matters.fees: missing field `{}`",
                FEE_FIELDS[i]
            )));
        }
        Ok(fees)
    }
}

impl Serialize for OtherMatters {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let [text, fees] = OTHER_MATTERS_FIELDS;
        let mut st = s.serialize_struct("OtherMatters", OTHER_MATTERS_FIELDS.len())?;
        st.serialize_field(text, &self.text)?;
        st.serialize_field(fees, &self.fees)?;
        st.end()
    }
}

struct OtherMattersSeed;

impl<'de> DeserializeSeed<'de> for OtherMattersSeed {
    type Value = OtherMatters;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<OtherMatters, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OtherMattersSeed {
    type Value = OtherMatters;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object with text and fees for other_matters")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OtherMatters, A::Error> {
        let mut text = None;
        let mut fees = None;
        while let Some(i) = map.next_key_seed(FieldKey {
            path: "other_matters",
            fields: &OTHER_MATTERS_FIELDS,
        })? {
            let key = OTHER_MATTERS_FIELDS[i];
            match key {
                "text" if text.is_none() => {
                    text = Some(map.next_value_seed(text_field("other_matters.text"))?);
                }
                "fees" if fees.is_none() => {
                    fees = Some(map.next_value_seed(Nullable(FeeSeed))?);
                }
                _ => {
                    return Err(de::Error::custom(format_args!(
                        "other_matters: duplicate field `{key}`"
                    )));
                }
            }
        }
        Ok(OtherMatters {
            text: text.ok_or_else(|| de::Error::custom("other_matters: missing field `text`"))?,
            fees: fees.ok_or_else(|| de::Error::custom("other_matters: missing field `fees`"))?,
        })
    }
}

// ---------------------------------------------------------------------------------------
// The report

/// The fields of a report object, in serialised order: those of [`ReportForm`] (a test
/// checks that they agree); the JSON Schema lists them.
#[cfg(any(feature = "schema", test))]
pub(crate) const REPORT_FIELDS: [&str; 11] = [
    EDITION_KEY,
    "body",
    "body_kind",
    "year",
    "published",
    "overview",
    "t2",
    "t3",
    "t4",
    "problems",
    "other_matters",
];

/// The JSON form of a report, one field per key in serialised order. A report is written
/// from its borrowed parts; read into owned parts, then built by the report builder
/// (`TryFrom`), so that the reader refuses what the builder refuses. The scalar fields
/// are read by the readers above, which name the field in every error.
#[derive(Serialize, Deserialize)]
#[serde(rename = "AnnualReport", deny_unknown_fields)]
struct ReportForm<'a> {
    edition: Edition,
    #[serde(deserialize_with = "read_body")]
    body: Cow<'a, str>,
    #[serde(deserialize_with = "read_body_kind")]
    body_kind: BodyKind,
    #[serde(deserialize_with = "read_year")]
    year: u16,
    #[serde(serialize_with = "write_date", deserialize_with = "read_date")]
    published: Option<NaiveDate>,
    #[serde(deserialize_with = "read_overview")]
    overview: Cow<'a, str>,
    t2: Cow<'a, Proactive>,
    t3: Cow<'a, Requests>,
    t4: Cow<'a, Appeals>,
    #[serde(deserialize_with = "read_problems")]
    problems: Cow<'a, str>,
    #[serde(deserialize_with = "read_other_matters")]
    other_matters: Cow<'a, OtherMatters>,
}

/// Readers of the text fields of a report, each naming its field in errors.
macro_rules! text_readers {
    ($($name:ident: $path:literal),+) => {$(
        fn $name<'de, 'a, D: Deserializer<'de>>(d: D) -> Result<Cow<'a, str>, D::Error> {
            d.deserialize_str(text_field($path)).map(Cow::Owned)
        }
    )+};
}

text_readers!(read_body: "body", read_overview: "overview", read_problems: "problems");

fn read_body_kind<'de, D: Deserializer<'de>>(d: D) -> Result<BodyKind, D::Error> {
    d.deserialize_str(StrSeed {
        path: "body_kind",
        what: "a kind of body",
        parse: |s| s.parse::<BodyKind>().map_err(|e| e.to_string()),
    })
}

fn read_other_matters<'de, 'a, D: Deserializer<'de>>(
    d: D,
) -> Result<Cow<'a, OtherMatters>, D::Error> {
    OtherMattersSeed.deserialize(d).map(Cow::Owned)
}

fn read_year<'de, D: Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    YearSeed.deserialize(d)
}

fn read_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Nullable(StrSeed {
        path: "published",
        what: "a date as YYYY-MM-DD or null",
        parse: parse_date,
    })
    .deserialize(d)
}

#[allow(
    clippy::ref_option,
    clippy::trivially_copy_pass_by_ref,
    reason = "the signature serde's serialize_with calls"
)]
fn write_date<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    /// chrono prints a date of the years 0000 to 9999 (all the builder accepts) as
    /// `YYYY-MM-DD`.
    struct Iso(NaiveDate);
    impl Serialize for Iso {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&self.0)
        }
    }
    date.map(Iso).serialize(s)
}

impl<'a> From<&'a AnnualReport> for ReportForm<'a> {
    fn from(r: &'a AnnualReport) -> ReportForm<'a> {
        ReportForm {
            edition: r.edition,
            body: Cow::Borrowed(&r.body),
            body_kind: r.kind,
            year: r.year,
            published: r.published,
            overview: Cow::Borrowed(&r.overview),
            t2: Cow::Borrowed(&r.proactive),
            t3: Cow::Borrowed(&r.requests),
            t4: Cow::Borrowed(&r.appeals),
            problems: Cow::Borrowed(&r.problems),
            other_matters: Cow::Borrowed(&r.other_matters),
        }
    }
}

impl TryFrom<ReportForm<'_>> for AnnualReport {
    type Error = BuildError;

    fn try_from(form: ReportForm<'_>) -> Result<AnnualReport, BuildError> {
        let mut builder = AnnualReport::builder(form.edition, form.year, form.body, form.body_kind)
            .overview(form.overview)
            .proactive(form.t2.into_owned())
            .requests(form.t3.into_owned())
            .appeals(form.t4.into_owned())
            .problems(form.problems)
            .other_matters(form.other_matters.into_owned());
        if let Some(date) = form.published {
            builder = builder.published(date);
        }
        builder.build()
    }
}

impl Serialize for AnnualReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ReportForm::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for AnnualReport {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnnualReport, D::Error> {
        AnnualReport::try_from(ReportForm::deserialize(d)?).map_err(de::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------
// Standalone values

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        d.deserialize_str(StrSeed {
            path: "amount",
            what: "an amount as a string such as \"251000元\"",
            parse: |s| s.parse::<Amount>().map_err(|e| e.to_string()),
        })
    }
}

impl Serialize for Edition {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Edition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Edition, D::Error> {
        d.deserialize_str(EditionSeed("edition"))
    }
}

impl Serialize for BodyKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Serialize for CellRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys of a JSON object, in order.
    struct Keys(Vec<String>);

    impl<'de> Deserialize<'de> for Keys {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Keys, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Keys;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                    let mut keys = Vec::new();
                    while let Some((k, de::IgnoredAny)) = map.next_entry()? {
                        keys.push(k);
                    }
                    Ok(Keys(keys))
                }
            }
            d.deserialize_map(V)
        }
    }

    #[test]
    fn the_report_form_writes_the_report_fields_in_order() {
        let report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
            .proactive(Proactive::blank(Edition::E2021))
            .requests(Requests::blank(Edition::E2021))
            .appeals(Appeals::blank())
            .build()
            .expect("a blank report");
        let json = serde_json::to_string(&report).expect("serialises");
        let keys = serde_json::from_str::<Keys>(&json).expect("an object").0;
        assert_eq!(keys, REPORT_FIELDS);
        let mut six = serde_json::to_string(&report.other_matters).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Keys>(&six).expect("an object").0,
            OTHER_MATTERS_FIELDS
        );
        six = serde_json::to_string(&FeeStatement::default()).expect("serialises");
        assert_eq!(
            serde_json::from_str::<Keys>(&six).expect("an object").0,
            FEE_FIELDS
        );
    }

    #[test]
    fn dates_are_read_only_as_yyyy_mm_dd() {
        let date = NaiveDate::from_ymd_opt(2021, 2, 19).expect("a date");
        assert_eq!(parse_date("2021-02-19"), Ok(date));
        for text in [
            "2021-2-19",
            "2021-02-1 ",
            " 2021-02-19",
            "2021-02-30",
            "2021/02/19",
            "+2021-02-19",
            "20210-2-19",
        ] {
            assert_eq!(
                parse_date(text),
                Err(format!(
                    "invalid date {text:?}, expected an existing date as YYYY-MM-DD"
                )),
                "{text}"
            );
        }
    }
}
