//! Tidy cells: every cell of a report as one record, in the official order, in the form of
//! `docs/CELLS.md`, for a dataframe, a spreadsheet or an SQL engine.
//!
//! A record prints as one line `code<TAB>value<TAB>unit`: the stable [`CellRef`] code; the
//! value (a count or change in decimal, `-` for a negative 本年增/减, money as the exact
//! decimal the report printed without its unit, nothing for a blank cell); the unit
//! (`yuan`, `wan_yuan`, or nothing: for a count, a change, a blank cell, or money whose
//! unit the report does not state). Lines are read back strictly in the same form, so the
//! records of a report, read back onto its metadata, give the same report, except for how
//! its money was printed: a record holds an amount's exact value and unit in ASCII digits
//! without separators, not its [printed style](crate::Amount) (`2,945.15 万元` is
//! `2945.15` and `wan_yuan`, and reads back as `2945.15万元`).
//!
//! ```
//! use ogi_report::{tidy, AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
//! use ogi_report::{ProactiveColumn as C, ProactiveRow as R, Value};
//!
//! let mut t2 = Proactive::blank(Edition::E2019);
//! t2.set(R::Procurement, C::Amount, Some(Value::Money("251000元".parse()?)))?;
//! t2.set(R::Fees, C::Delta, Some(Value::Delta(-1)))?;
//! let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
//!     .proactive(t2)
//!     .requests(Requests::blank(Edition::E2019))
//!     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
//!     .build()?;
//!
//! let tsv: String = tidy::cells(&report).map(|c| format!("{c}\n")).collect();
//! assert_eq!(tsv.lines().count(), 198);
//! assert!(tsv.contains("\nt2.fees.delta\t-1\t\n"));
//! assert!(tsv.contains("\nt2.procurement.amount\t251000\tyuan\n"));
//! assert!(tsv.contains("\nt3.new.total\t\t\n"));
//! assert!(tsv.ends_with("t4.suit_after_review.total\t0\t\n"));
//!
//! // Read back onto a report with the same metadata and blank tables.
//! let base = AnnualReport::blank(Edition::E2019, 2020, "某局", BodyKind::Department)?;
//! assert_eq!(tidy::read(&base, &tsv)?, report);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use crate::cell::{CellRef, Value, ValueKind};
use crate::error::{TableError, ValueError};
use crate::money::{Amount, MoneyUnit};
use crate::report::AnnualReport;

/// One cell of a report as a record: its code and its value (`None` for a blank cell).
/// Prints as `code<TAB>value<TAB>unit` and reads back from that form.
///
/// ```
/// use ogi_report::{TidyCell, Value};
/// let cell: TidyCell = "t2.fees.amount\t7730.28\twan_yuan".parse()?;
/// assert_eq!(cell.value, Some(Value::Money("7730.28万元".parse()?)));
/// assert_eq!(cell.to_string(), "t2.fees.amount\t7730.28\twan_yuan");
/// assert_eq!(cell.unit(), "wan_yuan");
///
/// let blank = TidyCell::new("t3.new.total".parse()?, None);
/// assert_eq!(blank.to_string(), "t3.new.total\t\t");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TidyCell {
    /// The cell.
    pub cell: CellRef,
    /// Its value; `None` when blank.
    pub value: Option<Value>,
}

impl TidyCell {
    /// A record of a cell and its value.
    #[must_use]
    pub const fn new(cell: CellRef, value: Option<Value>) -> TidyCell {
        TidyCell { cell, value }
    }

    /// The unit code of the third field: `yuan` or `wan_yuan` for money with a stated
    /// unit, empty otherwise.
    #[must_use]
    pub const fn unit(&self) -> &'static str {
        match self.value {
            Some(Value::Money(amount)) => amount.unit().code(),
            _ => "",
        }
    }
}

impl fmt::Display for TidyCell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}\t", self.cell)?;
        match self.value {
            None => {}
            Some(Value::Count(v)) => write!(f, "{v}")?,
            Some(Value::Delta(v)) => write!(f, "{v}")?,
            Some(Value::Money(a)) => write!(f, "{}", a.value())?,
        }
        write!(f, "\t{}", self.unit())
    }
}

/// Units a tidy line can name, besides the empty unit.
const STATED_UNITS: [MoneyUnit; 2] = [MoneyUnit::Yuan, MoneyUnit::WanYuan];

/// The codes of [`STATED_UNITS`], for messages: `yuan, wan_yuan`.
fn unit_codes() -> String {
    STATED_UNITS.map(MoneyUnit::code).join(", ")
}

impl FromStr for TidyCell {
    type Err = TidyLineError;

    /// Reads `code<TAB>value<TAB>unit` (a final `\r` is ignored): a count as ASCII digits,
    /// a change as ASCII digits after an optional `-`, money as `digits[.digits]` with its
    /// unit in the third field, a blank cell as an empty value and unit.
    fn from_str(line: &str) -> Result<TidyCell, TidyLineError> {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, value, unit] = fields[..] else {
            return Err(TidyLineError::Fields {
                found: fields.len(),
            });
        };
        let cell: CellRef = code.parse().map_err(|_| TidyLineError::UnknownCell {
            code: code.to_owned(),
        })?;
        let invalid = |reason| TidyLineError::Value { cell, reason };
        let no_unit = |what| {
            if unit.is_empty() {
                Ok(())
            } else {
                Err(TidyLineError::UnitNotAllowed {
                    cell,
                    what,
                    unit: unit.to_owned(),
                })
            }
        };
        if value.is_empty() {
            no_unit("blank cell")?;
            return Ok(TidyCell::new(cell, None));
        }
        let value = match cell.kind() {
            kind @ (ValueKind::Count | ValueKind::Delta) => {
                no_unit(kind.name())?;
                let digits = match kind {
                    ValueKind::Delta => value.strip_prefix('-').unwrap_or(value),
                    _ => value,
                };
                if !digits.bytes().all(|b| b.is_ascii_digit()) || digits.is_empty() {
                    return Err(invalid(ValueError::Invalid {
                        text: value.to_owned(),
                    }));
                }
                Value::parse(kind, value).map_err(invalid)?
            }
            ValueKind::Money => {
                // The plain decimal only: the unit is the third field, and a printed style
                // (separators, full-width digits, a sign) is not part of the tidy form.
                let plain = value.strip_prefix('-').unwrap_or(value);
                if !plain.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                    return Err(invalid(ValueError::Invalid {
                        text: value.to_owned(),
                    }));
                }
                let amount: Amount = value.parse().map_err(|e| {
                    invalid(match e {
                        ValueError::InvalidAmount { text } => ValueError::Invalid { text },
                        e => e,
                    })
                })?;
                if amount.unit() != MoneyUnit::Unstated {
                    return Err(invalid(ValueError::Invalid {
                        text: value.to_owned(),
                    }));
                }
                let stated = if unit.is_empty() {
                    MoneyUnit::Unstated
                } else {
                    STATED_UNITS
                        .into_iter()
                        .find(|u| u.code() == unit)
                        .ok_or_else(|| TidyLineError::UnknownUnit {
                            cell,
                            unit: unit.to_owned(),
                        })?
                };
                Some(Value::Money(amount.stated_as(stated).map_err(invalid)?))
            }
        };
        Ok(TidyCell::new(cell, value))
    }
}

/// Every cell of the report as a record, in the official printed order (表二, 表三 row by
/// row, 表四): 198 records in the 2019 edition, 200 in 2021.
///
/// ```
/// use ogi_report::{tidy, AnnualReport, BodyKind, Edition};
/// let report = AnnualReport::blank(Edition::E2021, 2023, "某局", BodyKind::Department)?;
/// let first = tidy::cells(&report).next().unwrap();
/// assert_eq!(first.to_string(), "t2.rules.issued\t\t");
/// assert_eq!(tidy::cells(&report).count(), 200);
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn cells(report: &AnnualReport) -> impl Iterator<Item = TidyCell> + '_ {
    report
        .cells()
        .map(|(cell, value)| TidyCell::new(cell, value))
}

/// Reads tidy lines (as [`cells`] prints them, one per line) onto a copy of `base`: its
/// metadata, texts and the layouts of its tables are kept, every cell is taken from the
/// lines. Each cell of the base's tables (in their layouts) must be given exactly once, in
/// any order.
///
/// # Errors
/// A [`TidyError`] naming the line: a line not in the tidy form, a cell the edition does
/// not have, a cell given twice; or the first cell no line gives.
///
/// ```
/// use ogi_report::{tidy, AnnualReport, BodyKind, Edition};
/// let base = AnnualReport::blank(Edition::E2021, 2023, "某局", BodyKind::Department)?;
/// let err = tidy::read(&base, "t2.rules.issued\t3\t\nt2.rules.made\t1\t\n").unwrap_err();
/// assert_eq!(err.to_string(), "line 2: t2.rules.made is not a cell of the 2021 edition");
/// let err = tidy::read(&base, "t2.rules.issued\t3 \t\n").unwrap_err();
/// assert_eq!(err.to_string(), r#"line 1: t2.rules.issued: invalid number "3 ""#);
/// let err = tidy::read(&base, "t2.rules.issued\t3\t\n").unwrap_err();
/// assert_eq!(err.to_string(), "no line gives t2.rules.repealed");
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn read(base: &AnnualReport, tsv: &str) -> Result<AnnualReport, TidyError> {
    let mut records = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        let cell = line.parse::<TidyCell>().map_err(|reason| TidyError::Line {
            line: i + 1,
            reason,
        })?;
        records.push(cell);
    }
    rebuild(base, records)
}

/// Puts the records onto a copy of `base`, as [`read`] does with lines; a record's "line"
/// in errors is its 1-based position.
///
/// # Errors
/// As [`read`], and [`TidyError::Cell`] for a value of the wrong kind for its cell.
///
/// ```
/// use ogi_report::{tidy, AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
/// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2019))
///     .requests(Requests::blank(Edition::E2019))
///     .appeals(Appeals::assemble([1, 2, 3, 4], [0; 4], [0; 4])?)
///     .build()?;
/// let mut records: Vec<_> = tidy::cells(&report).collect();
/// records.reverse(); // any order
/// assert_eq!(tidy::rebuild(&report, records.clone())?, report);
/// records.push(records[0]);
/// assert_eq!(
///     tidy::rebuild(&report, records).unwrap_err().to_string(),
///     "line 199: t4.suit_after_review.total is given twice (first on line 1)"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rebuild(
    base: &AnnualReport,
    records: impl IntoIterator<Item = TidyCell>,
) -> Result<AnnualReport, TidyError> {
    let mut report = base.clone();
    let mut seen: BTreeMap<CellRef, usize> = BTreeMap::new();
    for (i, record) in records.into_iter().enumerate() {
        let line = i + 1;
        let TidyCell { cell, value } = record;
        if let Some(&first) = seen.get(&cell) {
            return Err(TidyError::Duplicate { line, cell, first });
        }
        seen.insert(cell, line);
        report
            .set(cell, value)
            .map_err(|reason| TidyError::Cell { line, reason })?;
    }
    if let Some((cell, _)) = base.cells().find(|(c, _)| !seen.contains_key(c)) {
        return Err(TidyError::Missing { cell });
    }
    Ok(report)
}

/// Why a line is not a tidy cell.
///
/// ```
/// use ogi_report::TidyCell;
/// let err = "t3.new.total\t1\tyuan".parse::<TidyCell>().unwrap_err();
/// assert_eq!(err.to_string(), r#"t3.new.total: a count has no unit, found "yuan""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TidyLineError {
    /// Not three tab-separated fields.
    #[error("expected 3 tab-separated fields (code, value, unit), found {found}")]
    Fields {
        /// How many fields the line has.
        found: usize,
    },
    /// A code that names no cell.
    #[error("unknown cell code {code:?}")]
    UnknownCell {
        /// The offending code.
        code: String,
    },
    /// A value that is not of the cell's kind in the tidy form.
    #[error("{cell}: {reason}")]
    Value {
        /// The cell.
        cell: CellRef,
        /// Why the value is invalid.
        reason: ValueError,
    },
    /// A unit other than `yuan`, `wan_yuan` or nothing for an amount.
    #[error("{cell}: unknown unit {unit:?}, expected {} or nothing", unit_codes())]
    UnknownUnit {
        /// The cell.
        cell: CellRef,
        /// The offending unit.
        unit: String,
    },
    /// A unit given for a count, a change or a blank cell.
    #[error("{cell}: a {what} has no unit, found {unit:?}")]
    UnitNotAllowed {
        /// The cell.
        cell: CellRef,
        /// What the cell holds: `count`, `signed change` or `blank cell`.
        what: &'static str,
        /// The offending unit.
        unit: String,
    },
}

/// Why tidy lines or records do not give a report; each says where.
///
/// ```
/// use ogi_report::{tidy, AnnualReport, BodyKind, Edition};
/// let base = AnnualReport::blank(Edition::E2019, 2020, "某局", BodyKind::Department)?;
/// let err = tidy::read(&base, "t2.rules.made 1").unwrap_err();
/// assert_eq!(err.to_string(), "line 1: expected 3 tab-separated fields (code, value, unit), found 1");
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TidyError {
    /// A line that is not a tidy cell.
    #[error("line {line}: {reason}")]
    Line {
        /// The 1-based line.
        line: usize,
        /// Why the line is not a tidy cell.
        reason: TidyLineError,
    },
    /// A cell the report cannot hold: not in its edition, or a value of the wrong kind.
    #[error("line {line}: {reason}")]
    Cell {
        /// The 1-based line (or position of the record).
        line: usize,
        /// Why the report cannot hold the cell.
        reason: TableError,
    },
    /// A cell given a second time.
    #[error("line {line}: {cell} is given twice (first on line {first})")]
    Duplicate {
        /// The 1-based line of the second occurrence.
        line: usize,
        /// The cell.
        cell: CellRef,
        /// The line of the first occurrence.
        first: usize,
    },
    /// A cell of the edition that no line gives.
    #[error("no line gives {cell}")]
    Missing {
        /// The first such cell in the official order.
        cell: CellRef,
    },
}
