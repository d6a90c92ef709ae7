//! Roll-ups: exact sums of many reports (a county's departments, a province's counties).

use rust_decimal::Decimal;
use thiserror::Error;

use crate::appeals::Appeals;
use crate::cell::{AppealColumn, AppealGroup, Applicant, CellRef, RequestRow, Table, Value};
use crate::edition::Edition;
use crate::error::{BuildError, ValueError};
use crate::layout::{
    Layout, T2_MAX_CELLS as MAX_T2, T3_COLUMNS, T3_MAX_ROWS as ROWS, T4_COLUMNS, T4_GROUPS,
};
use crate::money::{Amount, MoneyUnit};
use crate::proactive::Proactive;
use crate::report::{AnnualReport, BodyKind};
use crate::requests::Requests;

/// Why a report or a roll-up could not be added to a roll-up. The roll-up is unchanged
/// after an error: a report is added whole or not at all.
///
/// A report is named by its body and year as well as by `index`, its position among
/// those added to the roll-up, counting from 0 (the number of reports added before it).
///
/// ```
/// use ogi_report::{AnnualReport, BodyKind, Edition, Rollup};
/// let report = AnnualReport::blank(Edition::E2021, 2023, "某局", BodyKind::Department)?;
/// let err = Rollup::new(Edition::E2019).add(&report).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "report 0 (某局, 2023) is of the 2021 edition, the roll-up of the 2019 edition"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RollupError {
    /// A sum that does not fit its type: a count beyond `u64`, a change beyond `i64`, an
    /// amount beyond what a `Decimal` holds exactly.
    #[error("report {index} ({body}, {year}): the sum of {cell} overflows")]
    Overflow {
        /// The position of the report.
        index: u64,
        /// The report's body.
        body: String,
        /// The report's year.
        year: u16,
        /// The cell whose sum overflows.
        cell: CellRef,
    },
    /// An amount printed without a unit, in a cell for which the roll-up assumes no unit:
    /// it cannot be converted to 元 until the caller states the unit, for the roll-up
    /// ([`Rollup::assume_unit`]) or for the amount ([`Amount::stated_as`]).
    #[error(
        "report {index} ({body}, {year}): {cell} has no stated unit; assume one for the roll-up with Rollup::assume_unit, or state it with Amount::stated_as"
    )]
    UnitNotStated {
        /// The position of the report.
        index: u64,
        /// The report's body.
        body: String,
        /// The report's year.
        year: u16,
        /// The money cell.
        cell: CellRef,
    },
    /// A report of another edition than the roll-up's.
    #[error(
        "report {index} ({body}, {year}) is of the {given} edition, the roll-up of the {expected} edition"
    )]
    EditionMismatch {
        /// The position of the report.
        index: u64,
        /// The report's body.
        body: String,
        /// The report's year.
        year: u16,
        /// The roll-up's edition.
        expected: Edition,
        /// The report's edition.
        given: Edition,
    },
    /// A unit assumed for a cell that is not a money cell of the roll-up's edition, or an
    /// assumption of no unit.
    #[error(
        "cannot assume {unit:?} for {cell}: a roll-up assumes 元 or 万元 for a money cell of its edition ({edition})"
    )]
    BadAssumption {
        /// The cell named.
        cell: CellRef,
        /// The unit named.
        unit: MoneyUnit,
        /// The roll-up's edition.
        edition: Edition,
    },
    /// Merging roll-ups that assume different units for a cell.
    #[error("cannot merge roll-ups that assume different units for {cell}")]
    MergeAssumptionMismatch {
        /// The cell whose assumptions differ.
        cell: CellRef,
    },
    /// Merging two roll-ups whose sum of a cell overflows.
    #[error("merging roll-ups: the sum of {cell} overflows")]
    MergeOverflow {
        /// The cell whose sum overflows.
        cell: CellRef,
    },
    /// Merging roll-ups of different editions.
    #[error("cannot merge a roll-up of the {given} edition into one of the {expected} edition")]
    MergeEditionMismatch {
        /// The edition of the roll-up merged into.
        expected: Edition,
        /// The edition of the roll-up merged.
        given: Edition,
    },
}

/// The sum of a count cell over the reports that filled it, and how many left it blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct Count {
    sum: u64,
    blanks: u64,
}

impl Count {
    fn merge(&mut self, other: Count) -> Option<()> {
        self.sum = self.sum.checked_add(other.sum)?;
        self.blanks = self.blanks.saturating_add(other.blanks);
        Some(())
    }
}

/// The report being added, as an error names it.
#[derive(Clone, Copy)]
struct Adding<'a> {
    index: u64,
    report: &'a AnnualReport,
}

impl Adding<'_> {
    fn overflow(self, cell: CellRef) -> RollupError {
        RollupError::Overflow {
            index: self.index,
            body: self.report.body().to_owned(),
            year: self.report.year(),
            cell,
        }
    }

    fn unit_not_stated(self, cell: CellRef) -> RollupError {
        RollupError::UnitNotStated {
            index: self.index,
            body: self.report.body().to_owned(),
            year: self.report.year(),
            cell,
        }
    }
}

/// The first of the counts whose sum would overflow with the values added, one to one.
fn first_overflow(counts: &[Count], values: &[Option<u64>]) -> Option<usize> {
    // One pass without a branch per cell; the search only when a sum overflows.
    let overflows = counts
        .iter()
        .zip(values)
        .fold(false, |any, (count, value)| {
            any | count.sum.overflowing_add(value.unwrap_or(0)).1
        });
    if !overflows {
        return None;
    }
    counts
        .iter()
        .zip(values)
        .position(|(count, value)| count.sum.checked_add(value.unwrap_or(0)).is_none())
}

/// Adds the values to the counts, one to one, once [`first_overflow`] found that no sum
/// overflows (so the saturating additions are exact).
fn add_all(counts: &mut [Count], values: &[Option<u64>]) {
    for (count, value) in counts.iter_mut().zip(values) {
        count.sum = count.sum.saturating_add(value.unwrap_or(0));
        count.blanks = count.blanks.saturating_add(u64::from(value.is_none()));
    }
}

/// The sum of a 表二 cell, by kind: money in 元.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Sum {
    Count(u64),
    Delta(i64),
    Yuan(Decimal),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ProactiveSum {
    sum: Sum,
    blanks: u64,
    /// The unit the roll-up assumes for an amount printed without one (money cells only).
    assumed: Option<MoneyUnit>,
    /// How many amounts were read in the assumed unit.
    assumed_amounts: u64,
}

/// The amount in 元, exactly, without the trailing zeros that the conversion itself adds
/// (`1.5万元` is `15000元`, not `15000.0元`; `190.457379万元` is `1904573.79元`).
fn in_yuan(amount: Amount) -> Result<Decimal, ValueError> {
    let mut yuan = amount.to_yuan()?;
    if amount.unit() == MoneyUnit::WanYuan {
        // Dropping the four zeros that ×10000 appended loses nothing.
        yuan.rescale(amount.value().scale().saturating_sub(4));
    }
    Ok(yuan)
}

/// Adds two amounts of money exactly: `None` when no `Decimal` holds the exact sum (it
/// would have to be rounded).
///
/// The sum has the larger scale of the two (`0.01 + 0.2` is `0.21`, `1.50 + 1` is `2.50`)
/// when it fits there; else as many of those decimal places as fit, which drops only
/// trailing zeros (`7922816251426433759354395033.5 + 0.5` is
/// `7922816251426433759354395034`, one place fewer).
fn exact_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    let scale = a.scale().max(b.scale());
    // `checked_add` gives the sum at that scale when it fits there; when it does not, it
    // drops places, rounding (`Decimal::MAX + 0.1`) or not (`… + 0.5` above), and it
    // returns an operand as it is when the other is 0, at that operand's scale.
    if let Some(sum) = a.checked_add(b).filter(|sum| sum.scale() >= scale) {
        return Some(sum);
    }
    let mut sum = exact_sum_fewest_places(a, b)?;
    // Appending zeros is exact; `rescale` appends as many as fit, up to `scale`.
    sum.rescale(scale);
    Some(sum)
}

/// The exact sum with no trailing zeros, or `None` when even that does not fit a `Decimal`.
fn exact_sum_fewest_places(a: Decimal, b: Decimal) -> Option<Decimal> {
    let (a, b) = (a.normalize(), b.normalize());
    if a.scale() == b.scale() {
        // The last digits may cancel (`0.5 + 0.5`): add the mantissas exactly (both are
        // below 2^96, so an `i128` holds their sum), then drop the trailing zeros.
        let (mut mantissa, mut scale) = (a.mantissa() + b.mantissa(), a.scale());
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal::try_from_i128_with_scale(mantissa, scale).ok()
    } else {
        // The operand with more places ends in a digit other than 0 and nothing is added
        // to that digit: the exact sum needs all those places, and `checked_add` keeps
        // them exactly when they fit.
        a.checked_add(b)
            .filter(|sum| sum.scale() == a.scale().max(b.scale()))
    }
}

impl ProactiveSum {
    fn new(cell: CellRef) -> ProactiveSum {
        let sum = match cell.kind() {
            crate::ValueKind::Count => Sum::Count(0),
            crate::ValueKind::Delta => Sum::Delta(0),
            crate::ValueKind::Money => Sum::Yuan(Decimal::ZERO),
        };
        ProactiveSum {
            sum,
            blanks: 0,
            assumed: None,
            assumed_amounts: 0,
        }
    }

    fn add(
        &mut self,
        value: Option<Value>,
        adding: Adding,
        cell: CellRef,
    ) -> Result<(), RollupError> {
        let overflow = || adding.overflow(cell);
        match (&mut self.sum, value) {
            (_, None) => self.blanks = self.blanks.saturating_add(1),
            (Sum::Count(s), Some(Value::Count(v))) => *s = s.checked_add(v).ok_or_else(overflow)?,
            (Sum::Delta(s), Some(Value::Delta(v))) => *s = s.checked_add(v).ok_or_else(overflow)?,
            (Sum::Yuan(s), Some(Value::Money(a))) => {
                let assumed = match self.assumed {
                    Some(unit) if a.unit() == MoneyUnit::Unstated => Some(unit),
                    _ => None,
                };
                // Stating the unit of an amount printed without one cannot fail.
                let a = assumed.map_or(Ok(a), |unit| a.stated_as(unit)).unwrap_or(a);
                let yuan = in_yuan(a).map_err(|e| match e {
                    ValueError::UnitNotStated => adding.unit_not_stated(cell),
                    _ => overflow(),
                })?;
                *s = exact_add(*s, yuan).ok_or_else(overflow)?;
                if assumed.is_some() {
                    self.assumed_amounts = self.assumed_amounts.saturating_add(1);
                }
            }
            // A table holds only values of its cells' kinds (set and parse check them).
            _ => {}
        }
        Ok(())
    }

    fn merge(&mut self, other: ProactiveSum, cell: CellRef) -> Result<(), RollupError> {
        if self.assumed != other.assumed {
            return Err(RollupError::MergeAssumptionMismatch { cell });
        }
        self.assumed_amounts = self.assumed_amounts.saturating_add(other.assumed_amounts);
        let overflow = RollupError::MergeOverflow { cell };
        match (&mut self.sum, other.sum) {
            (Sum::Count(s), Sum::Count(v)) => *s = s.checked_add(v).ok_or(overflow)?,
            (Sum::Delta(s), Sum::Delta(v)) => *s = s.checked_add(v).ok_or(overflow)?,
            (Sum::Yuan(s), Sum::Yuan(v)) => *s = exact_add(*s, v).ok_or(overflow)?,
            _ => {}
        }
        self.blanks = self.blanks.saturating_add(other.blanks);
        Ok(())
    }

    fn value(self) -> Option<Value> {
        Some(match self.sum {
            Sum::Count(v) => Value::Count(v),
            Sum::Delta(v) => Value::Delta(v),
            Sum::Yuan(v) => Value::Money(Amount::new(v, MoneyUnit::Yuan).ok()?),
        })
    }
}

/// 表三 (in the layout of one edition) and 表四.
///
/// A [`Rollup`]'s edition is its core's layout.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Core {
    layout: Edition,
    t3: [[Count; T3_COLUMNS]; ROWS],
    t4: [[Count; T4_COLUMNS]; T4_GROUPS],
}

impl Core {
    fn new(layout: Edition) -> Core {
        Core {
            layout,
            t3: [[Count::default(); T3_COLUMNS]; ROWS],
            t4: [[Count::default(); T4_COLUMNS]; T4_GROUPS],
        }
    }

    /// A cell of 表三 read in the roll-up's layout: in the 2019 layout, （六）其他处理 of a
    /// 2021-edition table is the sum of its three sub-rows (blank when one is blank).
    fn read(
        &self,
        t3: &Requests,
        row: RequestRow,
        column: Applicant,
        adding: Adding,
    ) -> Result<Option<u64>, RollupError> {
        if t3.edition() == self.layout || row != RequestRow::OtherHandling {
            return Ok(t3.get(row, column));
        }
        let mut sum = 0u64;
        for part in [
            RequestRow::NoCorrection,
            RequestRow::UnpaidFee,
            RequestRow::OtherHandlingOther,
        ] {
            match t3.get(part, column) {
                Some(v) => {
                    sum = sum
                        .checked_add(v)
                        .ok_or_else(|| adding.overflow(CellRef::Requests(row, column)))?;
                }
                None => return Ok(None),
            }
        }
        Ok(Some(sum))
    }

    /// Adds a report's 表三 and 表四. Every sum is checked before any is changed, so that
    /// nothing changes when one overflows, without copying the roll-up.
    fn add(&mut self, adding: Adding) -> Result<(), RollupError> {
        let report = adding.report;
        let rows = RequestRow::rows(self.layout);
        let width = Applicant::ALL.len();
        let t3 = report.requests();
        // In the roll-up's layout: the report's own cells when the editions agree (the
        // usual case), else each cell read through `read`.
        let mut converted;
        let values = if t3.edition() == self.layout {
            &t3.slots()[..rows.len() * width]
        } else {
            converted = [None; ROWS * T3_COLUMNS];
            for (k, value) in converted.iter_mut().enumerate().take(rows.len() * width) {
                let (row, column) = (rows[k / width], Applicant::ALL[k % width]);
                *value = self.read(t3, row, column, adding)?;
            }
            &converted[..rows.len() * width]
        };
        let t3_sums = &mut self.t3.as_flattened_mut()[..values.len()];
        if let Some(k) = first_overflow(t3_sums, values) {
            return Err(adding.overflow(CellRef::Requests(
                rows[k / width],
                Applicant::ALL[k % width],
            )));
        }
        let appeals = report.appeals().slots();
        let t4_sums = self.t4.as_flattened_mut();
        if let Some(k) = first_overflow(t4_sums, appeals) {
            let width = AppealColumn::ALL.len();
            return Err(adding.overflow(CellRef::Appeals(
                AppealGroup::ALL[k / width],
                AppealColumn::ALL[k % width],
            )));
        }
        add_all(self.t3.as_flattened_mut(), values);
        add_all(self.t4.as_flattened_mut(), appeals);
        Ok(())
    }

    fn merge(&mut self, other: &Core) -> Result<(), RollupError> {
        for (i, &row) in RequestRow::rows(self.layout).iter().enumerate() {
            for (c, &column) in Applicant::ALL.iter().enumerate() {
                self.t3[i][c]
                    .merge(other.t3[i][c])
                    .ok_or(RollupError::MergeOverflow {
                        cell: CellRef::Requests(row, column),
                    })?;
            }
        }
        for (g, &group) in AppealGroup::ALL.iter().enumerate() {
            for (c, &column) in AppealColumn::ALL.iter().enumerate() {
                self.t4[g][c]
                    .merge(other.t4[g][c])
                    .ok_or(RollupError::MergeOverflow {
                        cell: CellRef::Appeals(group, column),
                    })?;
            }
        }
        Ok(())
    }

    fn count(&self, cell: CellRef) -> Option<Count> {
        match cell {
            CellRef::Requests(r, c) => Some(self.t3[r.index(self.layout)?][c as usize]),
            CellRef::Appeals(g, c) => Some(self.t4[g as usize][c as usize]),
            CellRef::Proactive(..) => None,
        }
    }

    fn requests(&self) -> Requests {
        let mut table = Requests::blank(self.layout);
        for (i, &row) in RequestRow::rows(self.layout).iter().enumerate() {
            for (c, &column) in Applicant::ALL.iter().enumerate() {
                let acc = self.t3[i][c];
                // Every row of the layout is in its edition: `set` cannot fail.
                let _ = table.set(row, column, (acc.blanks == 0).then_some(acc.sum));
            }
        }
        table
    }

    fn appeals(&self) -> Appeals {
        let mut table = Appeals::blank();
        for (g, &group) in AppealGroup::ALL.iter().enumerate() {
            for (c, &column) in AppealColumn::ALL.iter().enumerate() {
                let acc = self.t4[g][c];
                // 表四 has every cell: setting one cannot fail.
                table
                    .set(group, column, (acc.blanks == 0).then_some(acc.sum))
                    .ok();
            }
        }
        table
    }
}

/// The sum of many reports of one edition, cell by cell: 表二, 表三 and 表四.
///
/// A fold: [`Rollup::add`] one report at a time; memory does not grow with the number of
/// reports. [`Rollup::merge`] adds another roll-up, so reports can be summed in any
/// grouping; the result does not depend on order or grouping.
///
/// - Counts are added with checked arithmetic: an overflow is an error naming the report
///   and the cell, never a wrap. 本年增/减 sums as a signed change.
/// - Money is converted exactly to 元 (万元 × 10000) and summed exactly, so totals of
///   采购总金额 are exact to the 分 (and beyond). A sum has the decimal places of the
///   amounts summed, or, near `Decimal::MAX`, only as many as fit, which drops trailing
///   zeros and nothing else; a sum that no `Decimal` holds exactly is an overflow. An
///   amount printed without a unit is refused ([`RollupError::UnitNotStated`]) unless the
///   caller assumes a unit for its cell once for the roll-up ([`Rollup::assume_unit`],
///   recorded in the result) or states it for the amount ([`Amount::stated_as`]).
///   [`Rollup::total_yuan`] gives a money total in 元 as a `Decimal`.
/// - A blank cell is never read as 0. A cell left blank by any report is blank in the
///   rolled-up tables ([`Rollup::get`], [`Rollup::to_report`]): its total is unknown.
///   [`Rollup::blanks`] counts the reports that left it blank and [`Rollup::filled_sum`]
///   gives the sum over the reports that filled it.
/// - The totals (总计 column, （七）总计, 表四 总计) are summed like every other cell,
///   never recomputed: the roll-up of consistent reports is consistent, and a report's
///   mistake stays visible to [`crate::validate`].
/// - 表四: by 国办公开办函〔2016〕201号 a suit where the reconsideration organ is a
///   co-defendant is counted by the original acting organ only, so summing bodies' 表四
///   does not count such a case twice when every body follows that rule.
///
/// Reports of both editions roll up in 表三 and 表四 only: see [`MixedRollup`].
///
/// ```
/// use ogi_report::{
///     Amount, AnnualReport, Appeals, BodyKind, Edition, MoneyUnit, Proactive,
///     ProactiveColumn as C, ProactiveRow as R, RequestDetails, Requests, Rollup, Value,
/// };
///
/// let report = |amount: &str| -> Result<AnnualReport, Box<dyn std::error::Error>> {
///     let mut t2 = Proactive::from_printed(Edition::E2019, &["0"; 22])?;
///     t2.set(R::Procurement, C::Amount, Some(Value::Money(amount.parse()?)))?;
///     Ok(AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
///         .proactive(t2)
///         .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
///         .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
///         .build()?)
/// };
/// let mut county = Rollup::new(Edition::E2019);
/// county.add(&report("0.01万元")?)?;
/// county.add(&report("251000.07元")?)?;
/// assert_eq!(county.get("t4.review.total".parse()?), Some(Value::Count(2)));
/// assert_eq!(
///     county.get("t2.procurement.amount".parse()?).unwrap().to_string(),
///     "251100.07元"
/// );
///
/// // an amount printed without a unit is refused until the caller states it
/// let err = county.add(&report("29451519.23")?).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "report 2 (某局, 2020): t2.procurement.amount has no stated unit; assume one for the roll-up with Rollup::assume_unit, or state it with Amount::stated_as"
/// );
/// assert_eq!(county.reports(), 2); // unchanged
/// let total = county.to_report(2020, "某县", BodyKind::Government)?;
/// assert_eq!(total.requests().get(ogi_report::RequestRow::New, ogi_report::Applicant::Total), Some(0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rollup {
    reports: u64,
    t2: [ProactiveSum; MAX_T2],
    core: Core,
}

impl Rollup {
    /// An empty roll-up of reports of the edition (every sum 0).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let r = Rollup::new(Edition::E2021);
    /// assert_eq!(r.reports(), 0);
    /// assert_eq!(r.get("t4.review.total".parse()?), Some(Value::Count(0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(edition: Edition) -> Rollup {
        // Slots beyond the edition's cells stay unused counts.
        let mut t2 = [ProactiveSum {
            sum: Sum::Count(0),
            blanks: 0,
            assumed: None,
            assumed_amounts: 0,
        }; MAX_T2];
        for (acc, cell) in t2.iter_mut().zip(Table::Proactive.cells(edition)) {
            *acc = ProactiveSum::new(cell);
        }
        Rollup {
            reports: 0,
            t2,
            core: Core::new(edition),
        }
    }

    /// The edition of the reports rolled up.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// assert_eq!(Rollup::new(Edition::E2019).edition(), Edition::E2019);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.core.layout
    }

    /// How many reports were added (through [`Rollup::merge`] too).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// assert_eq!(r.reports(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn reports(&self) -> u64 {
        self.reports
    }

    /// Adds a report, whole or not at all.
    ///
    /// # Errors
    /// [`RollupError::EditionMismatch`] for a report of another edition;
    /// [`RollupError::UnitNotStated`] for an amount printed without a unit;
    /// [`RollupError::Overflow`] naming the first cell whose sum overflows.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// assert_eq!(r.get("t4.review.upheld".parse()?), Some(Value::Count(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, report: &AnnualReport) -> Result<(), RollupError> {
        let index = self.reports;
        if report.edition() != self.core.layout {
            return Err(RollupError::EditionMismatch {
                index,
                body: report.body().to_owned(),
                year: report.year(),
                expected: self.core.layout,
                given: report.edition(),
            });
        }
        let adding = Adding { index, report };
        // 表二 into a copy (its sums of money may fail half way), 表三 and 表四 checked
        // before they change: on an error, nothing changes.
        let mut t2 = self.t2;
        let table = report.proactive();
        let cells = Layout::of(Table::Proactive, self.core.layout).cells();
        for (i, (acc, &cell)) in t2.iter_mut().zip(cells).enumerate() {
            // A 表二 printed in another layout has none of this layout's cells it does not
            // print: they are blank in that report.
            let value = if table.edition() == self.core.layout {
                table.slots().get(i).copied().flatten()
            } else if let CellRef::Proactive(row, column) = cell {
                table.get(row, column)
            } else {
                None
            };
            acc.add(value, adding, cell)?;
        }
        self.core.add(adding)?;
        self.t2 = t2;
        self.reports = index.saturating_add(1);
        Ok(())
    }

    /// Adds another roll-up of the same edition, whole or not at all.
    ///
    /// # Errors
    /// [`RollupError::MergeEditionMismatch`] for a roll-up of another edition;
    /// [`RollupError::MergeOverflow`] naming the first cell whose sum overflows.
    ///
    /// ```
    /// use ogi_report::{Edition, Rollup};
    /// let mut a = Rollup::new(Edition::E2021);
    /// a.merge(&Rollup::new(Edition::E2021))?;
    /// assert!(a.merge(&Rollup::new(Edition::E2019)).is_err());
    /// # Ok::<(), ogi_report::RollupError>(())
    /// ```
    pub fn merge(&mut self, other: &Rollup) -> Result<(), RollupError> {
        if other.core.layout != self.core.layout {
            return Err(RollupError::MergeEditionMismatch {
                expected: self.core.layout,
                given: other.core.layout,
            });
        }
        let mut next = self.clone();
        for ((acc, &o), cell) in next
            .t2
            .iter_mut()
            .zip(&other.t2)
            .zip(Table::Proactive.cells(self.core.layout))
        {
            acc.merge(o, cell)?;
        }
        next.core.merge(&other.core)?;
        next.reports = next.reports.saturating_add(other.reports);
        *self = next;
        Ok(())
    }

    fn proactive_sum(&self, cell: CellRef) -> Option<ProactiveSum> {
        let CellRef::Proactive(row, column) = cell else {
            return None;
        };
        let layout = Layout::of(Table::Proactive, self.core.layout);
        self.t2
            .get(layout.position(CellRef::Proactive(row, column))?)
            .copied()
    }

    /// The sum of a cell over every report; `None` when a report left it blank (the total
    /// is unknown) or when the edition has no such cell. Money is in 元.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// assert_eq!(r.get("t2.fees.amount".parse()?).unwrap().to_string(), "30000元");
    /// assert_eq!(r.get("t2.procurement.amount".parse()?), None); // not a 2021 cell
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, cell: CellRef) -> Option<Value> {
        match self.blanks(cell)? {
            0 => self.filled_sum(cell),
            _ => None,
        }
    }

    /// The sum of a cell over the reports that filled it; `None` when the edition has no
    /// such cell. Money is in 元.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut blank = report.clone();
    /// blank.appeals_mut().set(AppealGroup::Review, AppealColumn::Upheld, None);
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&blank)?;
    /// let cell = "t4.review.upheld".parse()?;
    /// assert_eq!(r.get(cell), None);
    /// assert_eq!(r.filled_sum(cell), Some(Value::Count(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn filled_sum(&self, cell: CellRef) -> Option<Value> {
        match cell {
            CellRef::Proactive(..) => self.proactive_sum(cell)?.value(),
            _ => self.core.count(cell).map(|c| Value::Count(c.sum)),
        }
    }

    /// How many reports left a cell blank; `None` when the edition has no such cell.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, BodyKind, Edition, Rollup};
    /// let report = AnnualReport::blank(Edition::E2021, 2023, "某局", BodyKind::Department)?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// let cell = "t3.new.total".parse()?;
    /// assert_eq!(r.blanks(cell), Some(2));
    /// assert_eq!(r.get(cell), None);
    /// assert_eq!(r.blanks("t2.procurement.amount".parse()?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn blanks(&self, cell: CellRef) -> Option<u64> {
        match cell {
            CellRef::Proactive(..) => self.proactive_sum(cell).map(|s| s.blanks),
            _ => self.core.count(cell).map(|c| c.blanks),
        }
    }

    /// Assumes a unit for the amounts of a money cell that reports print without one (the
    /// seed's `29451519.23`, in a column whose header gives no unit): from now on such an
    /// amount is read in `unit` instead of refused. The roll-up records the assumption and
    /// how many amounts it was applied to ([`Rollup::assumed_unit`]), and
    /// [`Rollup::to_report`] says it in a remark in the cell. An amount that prints its
    /// unit keeps it.
    ///
    /// # Errors
    /// [`RollupError::BadAssumption`] when the cell is not a money cell of the roll-up's
    /// edition, or the unit is [`MoneyUnit::Unstated`].
    ///
    /// ```
    /// use ogi_report::{
    ///     AnnualReport, Appeals, BodyKind, Edition, MoneyUnit, Proactive, Requests, Rollup, Value,
    /// };
    ///
    /// let cell = "t2.procurement.amount".parse()?;
    /// let report = |amount: &str| -> Result<AnnualReport, Box<dyn std::error::Error>> {
    ///     let mut r = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///         .proactive(Proactive::blank(Edition::E2019))
    ///         .requests(Requests::blank(Edition::E2019))
    ///         .appeals(Appeals::blank())
    ///         .build()?;
    ///     r.set(cell, Some(Value::Money(amount.parse()?)))?;
    ///     Ok(r)
    /// };
    /// let mut county = Rollup::new(Edition::E2019);
    /// county.assume_unit(cell, MoneyUnit::Yuan)?;
    /// county.add(&report("29451519.23")?)?;
    /// county.add(&report("1万元")?)?;
    /// assert_eq!(county.total_yuan(cell), Some("29461519.23".parse()?));
    /// assert_eq!(county.assumed_unit(cell), Some((MoneyUnit::Yuan, 1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assume_unit(&mut self, cell: CellRef, unit: MoneyUnit) -> Result<(), RollupError> {
        let bad = RollupError::BadAssumption {
            cell,
            unit,
            edition: self.core.layout,
        };
        if unit == MoneyUnit::Unstated {
            return Err(bad);
        }
        let layout = Layout::of(Table::Proactive, self.core.layout);
        match layout.position(cell).and_then(|i| self.t2.get_mut(i)) {
            Some(acc) if matches!(acc.sum, Sum::Yuan(_)) => {
                acc.assumed = Some(unit);
                Ok(())
            }
            _ => Err(bad),
        }
    }

    /// The unit assumed for a money cell ([`Rollup::assume_unit`]) and how many amounts
    /// were read in it; `None` when the roll-up assumes none for the cell.
    ///
    /// ```
    /// use ogi_report::{Edition, MoneyUnit, Rollup};
    /// let mut r = Rollup::new(Edition::E2021);
    /// let cell = "t2.fees.amount".parse()?;
    /// assert_eq!(r.assumed_unit(cell), None);
    /// r.assume_unit(cell, MoneyUnit::WanYuan)?;
    /// assert_eq!(r.assumed_unit(cell), Some((MoneyUnit::WanYuan, 0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn assumed_unit(&self, cell: CellRef) -> Option<(MoneyUnit, u64)> {
        let acc = self.proactive_sum(cell)?;
        acc.assumed.map(|unit| (unit, acc.assumed_amounts))
    }

    /// The total of a money cell in 元, exactly; `None` when a report left it blank (the
    /// total is unknown) or when the cell is not a money cell of the edition.
    ///
    /// ```
    /// # use ogi_report::*;
    /// let cell = "t2.fees.amount".parse()?;
    /// let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// report.set(cell, Some(Value::Money("1.5万元".parse()?)))?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// assert_eq!(r.total_yuan(cell), Some(Decimal::from(30000)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn total_yuan(&self, cell: CellRef) -> Option<Decimal> {
        match self.get(cell)? {
            Value::Money(amount) => amount.to_yuan().ok(),
            _ => None,
        }
    }

    /// 表二 of the roll-up: blank where any report left the cell blank. 采购总金额 (2019)
    /// is in 元; 本年收费金额 (2021) in 万元, the unit its header prints (in 元 in the
    /// unlikely case that dividing by 10000 would not be exact).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// let t2 = r.proactive();
    /// assert_eq!(t2.amount(ProactiveRow::Fees, ProactiveColumn::Amount).unwrap().to_string(), "3万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn proactive(&self) -> Proactive {
        let mut table = Proactive::blank(self.core.layout);
        for (acc, cell) in self.t2.iter().zip(Table::Proactive.cells(self.core.layout)) {
            let value = if acc.blanks == 0 { acc.value() } else { None };
            let value = match (self.core.layout, value) {
                (Edition::E2021, Some(Value::Money(a))) => Some(Value::Money(in_wan_yuan(a))),
                (_, v) => v,
            };
            if let CellRef::Proactive(r, c) = cell {
                // The cell is of the edition and the value of its kind: `set` cannot fail.
                let _ = table.set(r, c, value);
            }
        }
        table
    }

    /// 表三 of the roll-up: blank where any report left the cell blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// assert_eq!(r.requests().get(RequestRow::New, Applicant::Total), Some(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn requests(&self) -> Requests {
        self.core.requests()
    }

    /// 表四 of the roll-up: blank where any report left the cell blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// assert_eq!(r.appeals().get(AppealGroup::Review, AppealColumn::Total), Some(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn appeals(&self) -> Appeals {
        self.core.appeals()
    }

    /// The roll-up as a report of the given year, body and kind (the order of
    /// [`AnnualReport::builder`]; no narrative sections), to validate, render or serialise
    /// like any other. A money cell read with an assumed unit ([`Rollup::assume_unit`])
    /// carries a remark that says so, e.g. `其中1项金额未注明单位，按元计`.
    ///
    /// # Errors
    /// [`BuildError::YearOutOfRange`] for a year before 2019.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "0", "0", "0", "0", "0", "0", "0", "0", "1.5"])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut r = Rollup::new(Edition::E2021);
    /// r.add(&report)?;
    /// r.add(&report)?;
    /// let county = r.to_report(2023, "某县", BodyKind::Government)?;
    /// assert!(validate(&county).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_report(
        &self,
        year: u16,
        body: impl Into<String>,
        kind: BodyKind,
    ) -> Result<AnnualReport, BuildError> {
        let mut t2 = self.proactive();
        for (acc, cell) in self.t2.iter().zip(Table::Proactive.cells(self.core.layout)) {
            if let (Some(unit), 1..) = (acc.assumed, acc.assumed_amounts) {
                let remark = format!(
                    "其中{}项金额未注明单位，按{}计",
                    acc.assumed_amounts,
                    unit.suffix()
                );
                // A money cell of the edition: it takes a remark.
                let _ = t2.set_cell_remark(cell, Some(remark));
            }
        }
        AnnualReport::builder(self.core.layout, year, body, kind)
            .proactive(t2)
            .requests(self.requests())
            .appeals(self.appeals())
            .build()
    }
}

/// The amount in 万元 when that is exact, else unchanged.
fn in_wan_yuan(amount: Amount) -> Amount {
    let Ok(yuan) = amount.to_yuan() else {
        return amount;
    };
    let ten_thousand = Decimal::from(10_000);
    yuan.checked_div(ten_thousand)
        .filter(|w| w.checked_mul(ten_thousand) == Some(yuan))
        .and_then(|w| Amount::new(w, MoneyUnit::WanYuan).ok())
        .unwrap_or(amount)
}

/// The sum of reports of both editions, in 表三 and 表四 only.
///
/// 表二 is not summed: its 2019 and 2021 cells measure different things (item counts
/// against document counts, procurement against fees) and the format gives no mapping
/// between them. 表三 is kept in the 2019 layout, the rows common to both editions plus
/// one （六）其他处理 row, which for a 2021-edition report is the sum of its three
/// （六） sub-rows: across editions （六） is compared as one aggregate (`docs/FORMAT.md`
/// T3-8). A 2021-edition report with one of those sub-rows blank leaves the aggregate
/// blank. Otherwise it behaves like [`Rollup`]: checked sums, blanks counted and never
/// read as 0, independent of order and grouping, constant memory.
///
/// ```
/// use ogi_report::{
///     Applicant as A, AnnualReport, Appeals, BodyKind, Edition, MixedRollup, Proactive,
///     RequestDetails, RequestRow as R, Requests,
/// };
///
/// let report = |edition, year, other: &[R]| -> Result<AnnualReport, ogi_report::Error> {
///     let mut d = RequestDetails::new(edition);
///     d.set(R::New, [other.len() as u64, 0, 0, 0, 0, 0])?;
///     for &row in other {
///         d.set(row, [1, 0, 0, 0, 0, 0])?;
///     }
///     Ok(AnnualReport::builder(edition, year, "某局", BodyKind::Department)
///         .proactive(Proactive::blank(edition))
///         .requests(Requests::assemble(&d)?)
///         .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///         .build()?)
/// };
/// let mut all = MixedRollup::new();
/// all.add(&report(Edition::E2019, 2020, &[R::OtherHandling])?)?;
/// all.add(&report(Edition::E2021, 2021, &[R::NoCorrection, R::UnpaidFee])?)?;
/// let t3 = all.requests();
/// assert_eq!(t3.get(R::OtherHandling, A::Total), Some(3));
/// assert_eq!(t3.get(R::ResultsTotal, A::Total), Some(3));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MixedRollup {
    reports: u64,
    core: Core,
}

impl Default for MixedRollup {
    fn default() -> MixedRollup {
        MixedRollup::new()
    }
}

impl MixedRollup {
    /// An empty roll-up (every sum 0).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// assert_eq!(MixedRollup::new().reports(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new() -> MixedRollup {
        MixedRollup {
            reports: 0,
            core: Core::new(Edition::E2019),
        }
    }

    /// How many reports were added (through [`MixedRollup::merge`] too).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.reports(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn reports(&self) -> u64 {
        self.reports
    }

    /// Adds the 表三 and 表四 of a report of either edition, whole or not at all.
    ///
    /// # Errors
    /// [`RollupError::Overflow`] naming the first cell whose sum overflows (for the
    /// （六） aggregate of a 2021-edition report: `t3.other_handling.<column>`).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.get("t4.review.upheld".parse()?), Some(Value::Count(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add(&mut self, report: &AnnualReport) -> Result<(), RollupError> {
        let index = self.reports;
        self.core.add(Adding { index, report })?;
        self.reports = index.saturating_add(1);
        Ok(())
    }

    /// Adds another mixed roll-up, whole or not at all.
    ///
    /// # Errors
    /// [`RollupError::MergeOverflow`] naming the first cell whose sum overflows.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let (mut a, mut b) = (MixedRollup::new(), MixedRollup::new());
    /// a.add(&report)?;
    /// b.add(&report)?;
    /// a.merge(&b)?;
    /// assert_eq!(a.get("t4.review.total".parse()?), Some(Value::Count(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn merge(&mut self, other: &MixedRollup) -> Result<(), RollupError> {
        let mut core = self.core.clone();
        core.merge(&other.core)?;
        self.core = core;
        self.reports = self.reports.saturating_add(other.reports);
        Ok(())
    }

    /// The sum of a 表三 (2019 layout) or 表四 cell over every report; `None` when a report
    /// left it blank or when the cell is not in the layout (表二, the 2021 （六） sub-rows).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.get("t3.other_handling.total".parse()?), Some(Value::Count(0)));
    /// assert_eq!(m.get("t3.other_handling.unpaid_fee.total".parse()?), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, cell: CellRef) -> Option<Value> {
        let c = self.core.count(cell)?;
        (c.blanks == 0).then_some(Value::Count(c.sum))
    }

    /// The sum of a cell over the reports that filled it; `None` when the cell is not in
    /// the layout.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.filled_sum("t4.review.upheld".parse()?), Some(Value::Count(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn filled_sum(&self, cell: CellRef) -> Option<Value> {
        self.core.count(cell).map(|c| Value::Count(c.sum))
    }

    /// How many reports left a cell blank; `None` when the cell is not in the layout.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.blanks("t3.new.total".parse()?), Some(0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn blanks(&self, cell: CellRef) -> Option<u64> {
        self.core.count(cell).map(|c| c.blanks)
    }

    /// 表三 of the roll-up in the 2019 layout (its single （六）其他处理 row is the
    /// aggregate), blank where any report left the cell blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.requests().edition(), Edition::E2019);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn requests(&self) -> Requests {
        self.core.requests()
    }

    /// 表四 of the roll-up, blank where any report left the cell blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::blank(Edition::E2019))
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let mut m = MixedRollup::new();
    /// m.add(&report)?;
    /// assert_eq!(m.appeals().get(AppealGroup::Review, AppealColumn::Total), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn appeals(&self) -> Appeals {
        self.core.appeals()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overflow_changes_nothing() {
        use crate::requests::RequestDetails;
        let mut details = RequestDetails::new(Edition::E2021);
        details
            .set(RequestRow::New, [3, 0, 0, 0, 0, 0])
            .expect("a detail row");
        let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Township)
            .proactive(Proactive::from_printed(Edition::E2021, &["1"; 10]).expect("表二"))
            .requests(Requests::assemble(&details).expect("表三"))
            .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4]).expect("表四"))
            .build()
            .expect("a report");
        report
            .appeals_mut()
            .set(
                AppealGroup::SuitAfterReview,
                AppealColumn::Total,
                Some(u64::MAX),
            )
            .expect("表四 has every cell");
        let mut rollup = Rollup::new(Edition::E2021);
        rollup.add(&report).expect("no overflow yet");
        let before = rollup.clone();
        let err = rollup.add(&report).expect_err("the 表四 total overflows");
        assert_eq!(
            err.to_string(),
            "report 1 (某局, 2023): the sum of t4.suit_after_review.total overflows"
        );
        // 表二 and 表三, added before 表四 was found to overflow, are as they were.
        assert_eq!(rollup, before);
        let mut mixed = MixedRollup::new();
        mixed.add(&report).expect("no overflow yet");
        let before = mixed.clone();
        assert!(mixed.add(&report).is_err());
        assert_eq!(mixed, before);
    }

    #[test]
    fn exact_add_refuses_rounding() {
        let big = Decimal::MAX - Decimal::ONE;
        let small = Decimal::new(1, 1);
        assert_eq!(exact_add(big, small), None);
        assert_eq!(
            exact_add(Decimal::new(1, 2), Decimal::new(2, 1)),
            Some(Decimal::new(21, 2))
        );
    }

    /// `mantissa` × 10^-`scale`, the representation spelled out (`Decimal`'s `==` ignores
    /// the scale).
    fn d(mantissa: i128, scale: u32) -> Decimal {
        Decimal::from_i128_with_scale(mantissa, scale)
    }

    fn parts(sum: Option<Decimal>) -> Option<(i128, u32)> {
        sum.map(|v| (v.mantissa(), v.scale()))
    }

    const MAX: i128 = 79_228_162_514_264_337_593_543_950_335;

    /// `Decimal::MAX + 0.0` is exactly `Decimal::MAX`: at scale 1 it would not fit, but the
    /// exact sum needs no decimal place. The case proptest found in
    /// `checks::rollup::money_sums_are_exact_or_refused`,
    /// `amounts = [(79228162514264337593543950335, 0), (0, 1)]`. There `0.0元` comes here
    /// as 0 (converting to 元 drops the places of a 0), but `0.00000万元` comes as `0.0`,
    /// and this refused it.
    #[test]
    fn decimal_max_plus_zero_point_zero_is_decimal_max() {
        assert_eq!(
            parts(exact_add(Decimal::MAX, d(0, 1))),
            Some((79_228_162_514_264_337_593_543_950_335, 0))
        );
        assert_eq!(parts(exact_add(d(0, 1), Decimal::MAX)), Some((MAX, 0)));
    }

    #[test]
    fn decimal_max_plus_zero_at_every_scale() {
        for scale in 0..=28 {
            let zero = d(0, scale);
            assert_eq!(
                parts(exact_add(Decimal::MAX, zero)),
                Some((MAX, 0)),
                "{zero}"
            );
            assert_eq!(
                parts(exact_add(zero, Decimal::MAX)),
                Some((MAX, 0)),
                "{zero}"
            );
            // The largest mantissa at this scale keeps its scale, whatever the zero's.
            for zero_scale in [0, scale, 28] {
                let zero = d(0, zero_scale);
                assert_eq!(
                    parts(exact_add(d(MAX, scale), zero)),
                    Some((MAX, scale)),
                    "{zero}"
                );
            }
        }
        // A zero with more places than the other amount gives the sum its places when
        // they fit (as adding any amount with more places does).
        assert_eq!(parts(exact_add(d(5, 0), d(0, 2))), Some((500, 2)));
        assert_eq!(parts(exact_add(d(0, 2), d(5, 0))), Some((500, 2)));
        assert_eq!(parts(exact_add(d(0, 1), d(0, 0))), Some((0, 1)));
        assert_eq!(parts(exact_add(d(0, 0), d(0, 3))), Some((0, 3)));
    }

    #[test]
    fn decimal_max_plus_a_little_is_refused() {
        for (mantissa, scale) in [(1, 1), (1, 0), (5, 1), (1, 28), (10, 1)] {
            assert_eq!(exact_add(Decimal::MAX, d(mantissa, scale)), None);
            assert_eq!(exact_add(d(mantissa, scale), Decimal::MAX), None);
        }
        // 7922816251426433759354395033.5 + 0.6 = 7922816251426433759354395034.1: one
        // place too many, and the digit that would go is not 0.
        assert_eq!(exact_add(d(MAX, 1), d(6, 1)), None);
        assert_eq!(exact_add(d(MAX, 28), d(1, 28)), None);
    }

    #[test]
    fn a_sum_that_fits_only_without_trailing_zeros_drops_just_those() {
        // 7922816251426433759354395033.5 + 0.5 = 7922816251426433759354395034.0, which
        // does not fit at scale 1: 7922816251426433759354395034.
        assert_eq!(
            parts(exact_add(d(MAX, 1), d(5, 1))),
            Some((7_922_816_251_426_433_759_354_395_034, 0))
        );
        // proptest: 7922816251426433759354395030.4 + 0.90 = 7922816251426433759354395031.30.
        assert_eq!(
            parts(exact_add(
                d(79_228_162_514_264_337_593_543_950_304, 1),
                d(90, 2)
            )),
            Some((79_228_162_514_264_337_593_543_950_313, 1))
        );
        // 792281625142643375935439503.35 + 0.65 = 792281625142643375935439504.00: as many
        // places as fit (one), not as few as can be (none).
        assert_eq!(
            parts(exact_add(d(MAX, 2), d(65, 2))),
            Some((7_922_816_251_426_433_759_354_395_040, 1))
        );
        // Digits that cancel within equal scales, and many zeros dropped at once:
        // 5466500000000.000000000000000 + 7922816251426433759353868000.0.
        assert_eq!(
            parts(exact_add(
                d(5_466_500_000_000_000_000_000_000_000, 15),
                d(79_228_162_514_264_337_593_538_680_000, 1)
            )),
            Some((7_922_816_251_426_439_225_853_868_000, 0))
        );
        // A sum that fits at the larger scale keeps it, as before.
        assert_eq!(parts(exact_add(d(150, 2), d(1, 0))), Some((250, 2)));
        assert_eq!(parts(exact_add(d(5, 1), d(5, 1))), Some((10, 1)));
    }

    #[test]
    fn wan_yuan_to_yuan_keeps_no_extra_zeros() {
        let a: Amount = "190.457379万元".parse().unwrap();
        assert_eq!(in_yuan(a).unwrap().to_string(), "1904573.79");
        let b: Amount = "1.5万元".parse().unwrap();
        assert_eq!(in_yuan(b).unwrap().to_string(), "15000");
        let c: Amount = "12.50元".parse().unwrap();
        assert_eq!(in_yuan(c).unwrap().to_string(), "12.50");
    }

    #[test]
    fn wan_yuan_back_is_exact() {
        let a: Amount = "1605964元".parse().unwrap();
        assert_eq!(in_wan_yuan(a).to_string(), "160.5964万元");
    }
}
