//! The JSON (serde) form of a report.
//!
//! Tables are objects of rows, rows objects of columns, keyed by the stable codes, so a
//! JSON pointer such as `/t3/withheld.state_secret/total` names the cell
//! `t3.withheld.state_secret.total`. Blank cells are `null`; counts are integers; money
//! is a string with its printed unit. Deserialising goes through the same checks as the
//! constructors, rejects unknown and duplicate keys, and every error names the field.

use std::fmt;

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
use crate::money::Amount;
use crate::narrative::{FeeStatement, OtherMatters};
use crate::proactive::{Proactive, in_header_unit};
use crate::report::{AnnualReport, BodyKind, FIRST_YEAR};
use crate::requests::Requests;

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

fn row_codes(table: Table) -> usize {
    match table {
        Table::Proactive => ProactiveRow::ALL.len(),
        Table::Requests => RequestRow::ALL.len(),
        Table::Appeals => AppealGroup::ALL.len(),
    }
}

fn column_codes(table: Table) -> usize {
    match table {
        Table::Proactive => ProactiveColumn::ALL.len(),
        Table::Requests => Applicant::ALL.len(),
        Table::Appeals => AppealColumn::ALL.len(),
    }
}

fn row_code(table: Table, row: usize) -> &'static str {
    match table {
        Table::Proactive => ProactiveRow::ALL[row].code(),
        Table::Requests => RequestRow::ALL[row].code(),
        Table::Appeals => AppealGroup::ALL[row].code(),
    }
}

fn row_index(table: Table, code: &str) -> Option<usize> {
    (0..row_codes(table)).find(|&i| row_code(table, i) == code)
}

fn column_index(table: Table, code: &str) -> Option<usize> {
    match table {
        Table::Proactive => ProactiveColumn::ALL.iter().position(|c| c.code() == code),
        Table::Requests => Applicant::ALL.iter().position(|c| c.code() == code),
        Table::Appeals => AppealColumn::ALL.iter().position(|c| c.code() == code),
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

/// The edition-independent reading of a table object, checked against the edition at the
/// end (keys may come in any order, the edition last).
struct Grid {
    table: Table,
    edition: Option<Edition>,
    rows: Vec<bool>,
    cells: Vec<Slot>,
}

/// A cell of a table object: its key absent, or present with a value or `null`.
#[derive(Clone, Copy)]
enum Slot {
    Absent,
    Present(Option<Value>),
}

impl Grid {
    fn new(table: Table) -> Grid {
        Grid {
            table,
            edition: None,
            rows: vec![false; row_codes(table)],
            cells: vec![Slot::Absent; row_codes(table) * column_codes(table)],
        }
    }

    /// Checks the cells against the edition and returns them in printed order.
    fn finish<E: de::Error>(
        self,
        edition: Edition,
    ) -> Result<impl Iterator<Item = (CellRef, Option<Value>)>, E> {
        let table = self.table;
        let width = column_codes(table);
        for r in 0..row_codes(table) {
            let in_edition = (0..width).any(|c| cell_at(table, r, c).in_edition(edition));
            match (self.rows[r], in_edition) {
                (true, false) => {
                    return Err(E::custom(format_args!(
                        "{table}.{}: not a row of the {edition} edition",
                        row_code(table, r)
                    )));
                }
                (false, true) => {
                    return Err(E::custom(format_args!(
                        "{table}: missing row `{}`",
                        row_code(table, r)
                    )));
                }
                (false, false) => continue,
                (true, true) => {}
            }
            for c in 0..width {
                let cell = cell_at(table, r, c);
                match (
                    matches!(self.cells[r * width + c], Slot::Present(_)),
                    cell.in_edition(edition),
                ) {
                    (true, false) => {
                        return Err(E::custom(format_args!(
                            "{cell}: not a cell of the {edition} edition"
                        )));
                    }
                    (false, true) => {
                        return Err(E::custom(format_args!(
                            "{table}.{}: missing column `{}`",
                            row_code(table, r),
                            cell.to_string().rsplit('.').next().unwrap_or_default()
                        )));
                    }
                    _ => {}
                }
            }
        }
        let cells = self.cells;
        Ok(table.cells(edition).map(move |cell| {
            let (r, c) = grid_position(cell);
            match cells[r * width + c] {
                Slot::Present(v) => (cell, v),
                Slot::Absent => (cell, None),
            }
        }))
    }
}

fn grid_position(cell: CellRef) -> (usize, usize) {
    match cell {
        CellRef::Proactive(r, c) => (r as usize, c as usize),
        CellRef::Requests(r, c) => (r as usize, c as usize),
        CellRef::Appeals(g, c) => (g as usize, c as usize),
    }
}

enum TableKey {
    Edition,
    Row(usize),
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
        if s == "edition" && self.0 != Table::Appeals {
            return Ok(TableKey::Edition);
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

struct RowSeed<'a> {
    table: Table,
    row: usize,
    cells: &'a mut [Slot],
}

impl<'de> DeserializeSeed<'de> for RowSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for RowSeed<'_> {
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
            if matches!(self.cells[c], Slot::Present(_)) {
                return Err(de::Error::custom(format_args!("{cell}: duplicate column")));
            }
            let value = map.next_value_seed(ValueSeed {
                path: Path::Cell(cell),
                kind: cell.kind(),
            })?;
            self.cells[c] = Slot::Present(value);
        }
        Ok(())
    }
}

struct GridVisitor(Table);

impl<'de> Visitor<'de> for GridVisitor {
    type Value = Grid;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object of rows for {}", self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Grid, A::Error> {
        let table = self.0;
        let width = column_codes(table);
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
                TableKey::Row(r) => {
                    if grid.rows[r] {
                        return Err(de::Error::custom(format_args!(
                            "{table}: duplicate row `{}`",
                            row_code(table, r)
                        )));
                    }
                    grid.rows[r] = true;
                    map.next_value_seed(RowSeed {
                        table,
                        row: r,
                        cells: &mut grid.cells[r * width..(r + 1) * width],
                    })?;
                }
            }
        }
        Ok(grid)
    }
}

#[allow(
    clippy::type_complexity,
    reason = "an iterator type cannot be named on stable"
)]
fn read_grid<'de, D: Deserializer<'de>>(
    d: D,
    table: Table,
) -> Result<(Edition, impl Iterator<Item = (CellRef, Option<Value>)>), D::Error> {
    let grid = d.deserialize_map(GridVisitor(table))?;
    let edition = match (table, grid.edition) {
        (Table::Appeals, _) => Edition::E2019,
        (_, Some(e)) => e,
        (_, None) => {
            return Err(de::Error::custom(format_args!(
                "{table}: missing field `edition`"
            )));
        }
    };
    Ok((edition, grid.finish(edition)?))
}

// ---------------------------------------------------------------------------------------
// Tables

/// Serialises one row as an object of columns.
struct RowSer<I>(I);

impl<I> Serialize for RowSer<I>
where
    I: Iterator<Item = (&'static str, Option<Value>)> + Clone,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (code, value) in self.0.clone() {
            m.serialize_entry(code, &ValueSer(value))?;
        }
        m.end()
    }
}

impl Serialize for Proactive {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let edition = self.edition();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("edition", edition.code())?;
        for &row in ProactiveRow::rows(edition) {
            let cells = row
                .columns(edition)
                .iter()
                .map(move |&c| (c.code(), self.get(row, c)));
            m.serialize_entry(row.code(), &RowSer(cells))?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Proactive {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Proactive, D::Error> {
        let (edition, cells) = read_grid(d, Table::Proactive)?;
        let mut table = Proactive::blank(edition);
        for (cell, value) in cells {
            if let CellRef::Proactive(r, c) = cell {
                table
                    .set(r, c, value.map(|v| in_header_unit(edition, cell, v)))
                    .map_err(de::Error::custom)?;
            }
        }
        Ok(table)
    }
}

impl Serialize for Requests {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("edition", self.edition().code())?;
        for &row in self.rows() {
            let cells = Applicant::ALL
                .iter()
                .map(move |&c| (c.code(), self.get(row, c).map(Value::Count)));
            m.serialize_entry(row.code(), &RowSer(cells))?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Requests {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Requests, D::Error> {
        let (edition, cells) = read_grid(d, Table::Requests)?;
        let mut table = Requests::blank(edition);
        for (cell, value) in cells {
            if let (CellRef::Requests(r, c), Some(Value::Count(v))) = (cell, value) {
                table.set(r, c, Some(v)).map_err(de::Error::custom)?;
            }
        }
        Ok(table)
    }
}

impl Serialize for Appeals {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for &group in AppealGroup::ALL {
            let cells = AppealColumn::ALL
                .iter()
                .map(move |&c| (c.code(), self.get(group, c).map(Value::Count)));
            m.serialize_entry(group.code(), &RowSer(cells))?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Appeals {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Appeals, D::Error> {
        let (_, cells) = read_grid(d, Table::Appeals)?;
        let mut table = Appeals::blank();
        for (cell, value) in cells {
            if let (CellRef::Appeals(g, c), Some(Value::Count(v))) = (cell, value) {
                table.set(g, c, Some(v));
            }
        }
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

/// `YYYY-MM-DD`, a date that exists.
fn parse_date(s: &str) -> Result<NaiveDate, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    shape
        .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
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
        let mut st = s.serialize_struct("FeeStatement", 3)?;
        st.serialize_field("notices", &self.notices)?;
        st.serialize_field(
            "notices_amount",
            &ValueSer(self.notices_amount.map(Value::Money)),
        )?;
        st.serialize_field("collected", &ValueSer(self.collected.map(Value::Money)))?;
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

const FEE_FIELDS: &[&str] = &["notices", "notices_amount", "collected"];

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
            fields: FEE_FIELDS,
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
        let mut st = s.serialize_struct("OtherMatters", 2)?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("fees", &self.fees)?;
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
            fields: &["text", "fees"],
        })? {
            let key = ["text", "fees"][i];
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

const REPORT_FIELDS: &[&str] = &[
    "edition",
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

impl Serialize for AnnualReport {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("AnnualReport", REPORT_FIELDS.len())?;
        st.serialize_field("edition", self.edition.code())?;
        st.serialize_field("body", &self.body)?;
        st.serialize_field("body_kind", self.kind.code())?;
        st.serialize_field("year", &self.year)?;
        st.serialize_field(
            "published",
            &self.published.map(|d| d.format("%Y-%m-%d").to_string()),
        )?;
        st.serialize_field("overview", &self.overview)?;
        st.serialize_field("t2", &self.proactive)?;
        st.serialize_field("t3", &self.requests)?;
        st.serialize_field("t4", &self.appeals)?;
        st.serialize_field("problems", &self.problems)?;
        st.serialize_field("other_matters", &self.other_matters)?;
        st.end()
    }
}

#[derive(Default)]
struct ReportParts {
    edition: Option<Edition>,
    body: Option<String>,
    kind: Option<BodyKind>,
    year: Option<u16>,
    #[allow(clippy::option_option, reason = "absent, null, or a date")]
    published: Option<Option<NaiveDate>>,
    overview: Option<String>,
    proactive: Option<Proactive>,
    requests: Option<Requests>,
    appeals: Option<Appeals>,
    problems: Option<String>,
    other_matters: Option<OtherMatters>,
}

struct ReportVisitor;

/// Stores a field once; a second occurrence is an error.
fn once<T, E: de::Error>(slot: &mut Option<T>, value: T, name: &'static str) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(name));
    }
    *slot = Some(value);
    Ok(())
}

fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

impl<'de> Visitor<'de> for ReportVisitor {
    type Value = AnnualReport;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an annual report object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnnualReport, A::Error> {
        let mut p = ReportParts::default();
        while let Some(key) = map.next_key::<ReportField>()? {
            let name = REPORT_FIELDS[key as usize];
            match key {
                ReportField::Edition => {
                    let v = map.next_value_seed(EditionSeed("edition"))?;
                    once(&mut p.edition, v, name)?;
                }
                ReportField::Body => {
                    once(&mut p.body, map.next_value_seed(text_field("body"))?, name)?;
                }
                ReportField::BodyKind => {
                    let v = map.next_value_seed(StrSeed {
                        path: "body_kind",
                        what: "a kind of body",
                        parse: |s| s.parse::<BodyKind>().map_err(|e| e.to_string()),
                    })?;
                    once(&mut p.kind, v, name)?;
                }
                ReportField::Year => once(&mut p.year, map.next_value_seed(YearSeed)?, name)?,
                ReportField::Published => {
                    let v = map.next_value_seed(Nullable(StrSeed {
                        path: "published",
                        what: "a date as YYYY-MM-DD or null",
                        parse: parse_date,
                    }))?;
                    once(&mut p.published, v, name)?;
                }
                ReportField::Overview => {
                    once(
                        &mut p.overview,
                        map.next_value_seed(text_field("overview"))?,
                        name,
                    )?;
                }
                ReportField::T2 => once(&mut p.proactive, map.next_value()?, name)?,
                ReportField::T3 => once(&mut p.requests, map.next_value()?, name)?,
                ReportField::T4 => once(&mut p.appeals, map.next_value()?, name)?,
                ReportField::Problems => {
                    once(
                        &mut p.problems,
                        map.next_value_seed(text_field("problems"))?,
                        name,
                    )?;
                }
                ReportField::OtherMatters => {
                    once(
                        &mut p.other_matters,
                        map.next_value_seed(OtherMattersSeed)?,
                        name,
                    )?;
                }
            }
        }
        let mut builder = AnnualReport::builder(
            required(p.edition, "edition")?,
            required(p.year, "year")?,
            required(p.body, "body")?,
            required(p.kind, "body_kind")?,
        )
        .overview(required(p.overview, "overview")?)
        .proactive(required(p.proactive, "t2")?)
        .requests(required(p.requests, "t3")?)
        .appeals(required(p.appeals, "t4")?)
        .problems(required(p.problems, "problems")?)
        .other_matters(required(p.other_matters, "other_matters")?);
        if let Some(date) = required(p.published, "published")? {
            builder = builder.published(date);
        }
        builder.build().map_err(de::Error::custom)
    }
}

#[derive(Clone, Copy, Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ReportField {
    Edition,
    Body,
    BodyKind,
    Year,
    Published,
    Overview,
    T2,
    T3,
    T4,
    Problems,
    OtherMatters,
}

impl<'de> Deserialize<'de> for AnnualReport {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnnualReport, D::Error> {
        d.deserialize_struct("AnnualReport", REPORT_FIELDS, ReportVisitor)
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
