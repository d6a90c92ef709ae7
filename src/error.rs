//! Errors of construction, parsing and deserialisation.

use chrono::NaiveDate;
use thiserror::Error;

use crate::cell::{Applicant, CellRef, RequestRow, Table, ValueKind};
use crate::code::UnknownCode;
use crate::edition::Edition;
use crate::money::MoneyUnit;
use crate::report::FIRST_YEAR;

/// Why a single value (a cell's text, an amount) is invalid.
///
/// ```
/// use ogi_report::{Amount, Value, ValueError, ValueKind};
/// let err = Value::parse(ValueKind::Count, "12.5.1").unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid number "12.5.1""#);
/// let err = "12.5.1".parse::<Amount>().unwrap_err();
/// assert_eq!(err, ValueError::InvalidAmount { text: "12.5.1".into() });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ValueError {
    /// Nothing to parse where a value is required.
    #[error("empty value")]
    Empty,
    /// Text that is not a number of the expected form (a count or a change).
    #[error("invalid number {text:?}")]
    Invalid {
        /// The offending text.
        text: String,
    },
    /// Text that is not an amount of one of the forms [`Amount`](crate::Amount) accepts;
    /// the message lists them.
    #[error(
        "invalid amount {text:?}, expected digits with an optional fraction (2945.15), grouped by three if at all (2,945.15 or 2，945.15), ASCII or full-width (２９４５．１５), optionally after ￥ or ¥, optionally followed by 元, 万元 or 万 with at most one space before it"
    )]
    InvalidAmount {
        /// The offending text.
        text: String,
    },
    /// A negative number where only a non-negative one is allowed.
    #[error("negative value {text:?} (only 本年增/减 may be negative)")]
    Negative {
        /// The offending text.
        text: String,
    },
    /// A fraction where a count is expected.
    #[error("{text:?} is not a whole number")]
    NotWhole {
        /// The offending text.
        text: String,
    },
    /// A number too large for its type (`u64` counts, `i64` changes, `Decimal` money).
    #[error("{text:?} is out of range")]
    OutOfRange {
        /// The offending text.
        text: String,
    },
    /// An amount without a printed unit where one is needed (convert to 元, sum).
    #[error("the amount has no stated unit; state one with Amount::stated_as")]
    UnitNotStated,
    /// A unit stated for an amount that printed a different one.
    #[error("an amount printed in {} cannot be stated in {}", unit_name(*printed), unit_name(*stated))]
    UnitConflict {
        /// The printed unit.
        printed: MoneyUnit,
        /// The unit asked for.
        stated: MoneyUnit,
    },
}

fn unit_name(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Unstated => "no unit",
        u => u.suffix(),
    }
}

/// Any error of the model's constructors and look-ups, for `?` across them.
///
/// Each fallible function returns the error of what it does: [`TableError`] for building
/// or changing a table, [`BuildError`] for the report builder, [`UnknownCode`] for a
/// stable code that names nothing, [`PairError`] for two reports checked as a pair. Each
/// converts into this one, so code that builds a report from its tables can use `?`
/// throughout and still match on the part that failed. The message is the part's.
///
/// ```
/// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Error, Proactive, Requests, TableError};
/// fn report() -> Result<AnnualReport, Error> {
///     let t4 = Appeals::from_printed(&["0"; 14])?; // a TableError
///     Ok(AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
///         .proactive(Proactive::blank(Edition::E2019))
///         .requests(Requests::blank(Edition::E2019))
///         .appeals(t4)
///         .build()?) // a BuildError
/// }
/// let err = report().unwrap_err();
/// assert!(matches!(err, Error::Table(TableError::CellCount { given: 14, .. })));
/// assert_eq!(err.to_string(), "t4 (表四) expects 15 cells in printed order, 14 given");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// A text that is not one of the stable codes it was looked up among (an edition, a
    /// kind of body, a cell code, a rule id).
    #[error(transparent)]
    UnknownCode(#[from] UnknownCode),
    /// A table that cannot be built or changed as asked.
    #[error(transparent)]
    Table(#[from] TableError),
    /// A report the builder refuses.
    #[error(transparent)]
    Build(#[from] BuildError),
    /// Two reports that cannot be checked as a pair.
    #[error(transparent)]
    Pair(#[from] PairError),
}

/// Why a table (表二, 表三, 表四) cannot be built or changed as asked: each says where.
///
/// ```
/// use ogi_report::{Appeals, TableError};
/// let err = Appeals::from_printed(&["0"; 14]).unwrap_err();
/// assert!(matches!(err, TableError::CellCount { expected: 15, given: 14, .. }));
/// assert_eq!(
///     err.to_string(),
///     "t4 (表四) expects 15 cells in printed order, 14 given"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TableError {
    /// An as-printed table with the wrong number of cells. Never shifted silently.
    #[error("{table} ({}{}) expects {expected} cells in printed order, {given} given", table.label(), edition_note(*table, *edition))]
    CellCount {
        /// The table.
        table: Table,
        /// The edition whose layout was expected.
        edition: Edition,
        /// How many cells the edition's layout has.
        expected: usize,
        /// How many cells were given.
        given: usize,
    },
    /// A cell whose text or value is invalid.
    #[error("{cell} (cell {index} of {}): {reason}", cell.table().label())]
    Cell {
        /// The cell.
        cell: CellRef,
        /// The 1-based position of the cell in its table's printed order.
        index: usize,
        /// Why the value is invalid.
        reason: ValueError,
    },
    /// A cell that the table's edition does not have.
    #[error("{cell} is not a cell of the {edition} edition")]
    NotInEdition {
        /// The cell.
        cell: CellRef,
        /// The table's edition.
        edition: Edition,
    },
    /// A value of the wrong kind for its cell.
    #[error("{cell}: expected a value of kind {}, given {}", expected.name(), given.name())]
    WrongKind {
        /// The cell.
        cell: CellRef,
        /// What the cell holds.
        expected: ValueKind,
        /// What was given.
        given: ValueKind,
    },
    /// A row that assembly derives, given as a detail row.
    #[error("t3.{row} is derived when assembling and cannot be given")]
    DerivedRow {
        /// The row.
        row: RequestRow,
    },
    /// A sum that does not fit a `u64`.
    #[error("the sum for {cell} overflows")]
    Overflow {
        /// The cell whose value would overflow.
        cell: CellRef,
    },
    /// Assembling 表三 with more outcomes than applications in a column.
    #[error(
        "t3 column {column}: the outcomes total {outcomes}, more than the {received} applications received and carried over"
    )]
    OutcomesExceedApplications {
        /// The applicant column.
        column: Applicant,
        /// The sum of the outcome rows.
        outcomes: u64,
        /// 本年新收 plus 上年结转.
        received: u64,
    },
}

/// Why the report builder ([`ReportBuilder::build`](crate::ReportBuilder::build)) refuses
/// a report.
///
/// ```
/// use ogi_report::{AnnualReport, BodyKind, BuildError, Edition, Table};
/// let err = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department).build();
/// assert_eq!(err.unwrap_err(), BuildError::MissingPart { part: Table::Proactive });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BuildError {
    /// A part the report builder needs and was not given.
    #[error("the report has no {part}")]
    MissingPart {
        /// The part: `t2`, `t3` or `t4`.
        part: Table,
    },
    /// An information-processing fee statement in a report of the 2019 edition.
    #[error(
        "other_matters.fees: the information-processing fee statement belongs to the 2021 edition, not 2019"
    )]
    FeesOutsideEdition,
    /// A report year before 2019, the first year either edition covers.
    #[error("year: {year} is before {FIRST_YEAR}, the first report year of either edition")]
    YearOutOfRange {
        /// The year given.
        year: i64,
    },
    /// A publication date that the JSON form (`YYYY-MM-DD`) cannot write: a year before
    /// 0000 or after 9999.
    #[error("published: {date} is outside the years 0000 to 9999 that YYYY-MM-DD can write")]
    PublishedOutOfRange {
        /// The date given.
        date: NaiveDate,
    },
}

/// Why two reports cannot be checked as a pair ([`validate_pair`](crate::validate_pair)).
///
/// ```
/// use ogi_report::PairError;
/// let err = PairError::NotConsecutive { previous: 2021, next: 2020 };
/// assert_eq!(err.to_string(), "a pair of reports must be of consecutive years, not 2021 and 2020");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum PairError {
    /// Two reports checked as a pair whose years are not consecutive.
    #[error("a pair of reports must be of consecutive years, not {previous} and {next}")]
    NotConsecutive {
        /// The year of the report given as the earlier one.
        previous: u16,
        /// The year of the report given as the later one.
        next: u16,
    },
}

fn edition_note(table: Table, edition: Edition) -> String {
    match table {
        Table::Appeals => String::new(),
        _ => format!(", {edition} edition"),
    }
}
