//! 表二, 主动公开政府信息情况: one type for both editions, holding exactly the cells of its
//! edition.

use crate::cell::{CellRef, ProactiveColumn, ProactiveRow, Table, Value};
use crate::edition::Edition;
use crate::error::TableError;
use crate::money::Amount;
use crate::text::read_printed;

use crate::extras::{Extras, extras_methods};
use crate::layout::{Layout, T2_MAX_CELLS as MAX_CELLS};

/// 表二, 主动公开政府信息情况, printed in the layout of one edition.
///
/// Like every table ([`Requests`](crate::Requests), [`Appeals`](crate::Appeals)), it has
/// `blank`, `from_printed`, `get(row, column)`, a `set(row, column, value)` that returns
/// `Result<(), TableError>`, `cells()` in printed order and `layout()`; a report has the
/// same `get` and `set` by [`CellRef`].
///
/// Every cell may be blank (`None`), and blank is not 0. Counts are `u64`; 本年增/减 is the
/// only signed cell; amounts keep their printed unit. There are no totals in 表二, so the
/// table is assembled by setting its cells.
///
/// ```
/// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Value};
///
/// let mut t2 = Proactive::blank(Edition::E2019);
/// t2.set(R::Normative, C::Made, Some(Value::Count(4)))?;
/// t2.set(R::Licensing, C::Delta, Some(Value::Delta(-8)))?;
/// assert_eq!(t2.count(R::Normative, C::Made), Some(4));
/// assert_eq!(t2.delta(R::Licensing, C::Delta), Some(-8));
/// assert_eq!(t2.get(R::Rules, C::Made), None); // blank, not 0
/// assert!(t2.set(R::Rules, C::Issued, Some(Value::Count(1))).is_err()); // a 2021 column
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Proactive {
    edition: Edition,
    cells: [Option<Value>; MAX_CELLS],
    extras: Extras,
}

impl Proactive {
    /// A table of the edition with every cell blank.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive};
    /// let t2 = Proactive::blank(Edition::E2019);
    /// assert!(t2.cells().all(|(_, v)| v.is_none()));
    /// ```
    #[must_use]
    pub fn blank(edition: Edition) -> Proactive {
        Proactive {
            edition,
            cells: [None; MAX_CELLS],
            extras: Extras::new(),
        }
    }

    /// A table as printed: the cell texts in the official printed order, row by row (see
    /// [`Table::cells`]). Each text is read with [`Value::parse`].
    ///
    /// # Errors
    /// [`TableError::CellCount`] when the number of texts is not the edition's (22 in 2019, 10 in
    /// 2021); [`TableError::Cell`] naming the first cell whose text is not a value of its kind.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R};
    /// let t2 = Proactive::from_printed(
    ///     Edition::E2021,
    ///     &["0", "5", "5", "0", "0", "550", "4119", "195", "7730.28"][..],
    /// );
    /// assert_eq!(
    ///     t2.unwrap_err().to_string(),
    ///     "t2 (表二, 2021 edition) expects 10 cells in printed order, 9 given"
    /// );
    /// let t2 = Proactive::from_printed(
    ///     Edition::E2021,
    ///     &["0", "0", "0", "0", "5", "5", "550", "4119", "195", "7730.28"],
    /// )?;
    /// assert_eq!(t2.amount(R::Fees, C::Amount).unwrap().to_string(), "7730.28万元");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn from_printed<S: AsRef<str>>(
        edition: Edition,
        texts: &[S],
    ) -> Result<Proactive, TableError> {
        let mut table = Proactive::blank(edition);
        let mut i = 0;
        read_printed(Table::Proactive, edition, texts, |cell, value| {
            table.cells[i] = value.map(|v| in_header_unit(edition, cell, v));
            i += 1;
        })?;
        Ok(table)
    }

    /// The table's edition.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive};
    /// assert_eq!(Proactive::blank(Edition::E2021).edition(), Edition::E2021);
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.edition
    }

    fn position(&self, row: ProactiveRow, column: ProactiveColumn) -> Option<usize> {
        self.layout().position(CellRef::Proactive(row, column))
    }

    /// The layout the table is printed in: its edition's.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive};
    /// assert_eq!(Proactive::blank(Edition::E2019).layout().len(), 22);
    /// ```
    #[must_use]
    pub const fn layout(&self) -> &'static Layout {
        Layout::of(Table::Proactive, self.edition)
    }

    /// The cells in the edition's printed order (the first [`Table::cell_count`]), for
    /// reading by [`position`].
    pub(crate) const fn slots(&self) -> &[Option<Value>; MAX_CELLS] {
        &self.cells
    }

    /// The value of a cell; `None` when the cell is blank or not in this edition.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Value};
    /// let mut t2 = Proactive::blank(Edition::E2019);
    /// t2.set(R::Fees, C::PriorItems, Some(Value::Count(3)))?;
    /// assert_eq!(t2.get(R::Fees, C::PriorItems), Some(Value::Count(3)));
    /// assert_eq!(t2.get(R::Fees, C::Decisions), None); // not a cell of 行政事业性收费
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, row: ProactiveRow, column: ProactiveColumn) -> Option<Value> {
        self.position(row, column).and_then(|i| self.cells[i])
    }

    /// The count in a cell; `None` when blank, not in this edition, or not a count.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Value};
    /// let mut t2 = Proactive::blank(Edition::E2021);
    /// t2.set(R::Penalty, C::Decisions, Some(Value::Count(4119)))?;
    /// assert_eq!(t2.count(R::Penalty, C::Decisions), Some(4119));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn count(&self, row: ProactiveRow, column: ProactiveColumn) -> Option<u64> {
        match self.get(row, column) {
            Some(Value::Count(v)) => Some(v),
            _ => None,
        }
    }

    /// The signed change in a 本年增/减 cell; `None` when blank or not such a cell.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Value};
    /// let mut t2 = Proactive::blank(Edition::E2019);
    /// t2.set(R::Penalty, C::Delta, Some(Value::Delta(-8)))?;
    /// assert_eq!(t2.delta(R::Penalty, C::Delta), Some(-8));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn delta(&self, row: ProactiveRow, column: ProactiveColumn) -> Option<i64> {
        match self.get(row, column) {
            Some(Value::Delta(v)) => Some(v),
            _ => None,
        }
    }

    /// The amount in a money cell; `None` when blank or not a money cell.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Value};
    /// let mut t2 = Proactive::blank(Edition::E2021);
    /// t2.set(R::Fees, C::Amount, Some(Value::Money("190.457379".parse()?)))?;
    /// assert_eq!(t2.amount(R::Fees, C::Amount).unwrap().to_string(), "190.457379万元");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn amount(&self, row: ProactiveRow, column: ProactiveColumn) -> Option<Amount> {
        match self.get(row, column) {
            Some(Value::Money(v)) => Some(v),
            _ => None,
        }
    }

    /// Sets a cell (`None` makes it blank). In the 2021 edition the header of 本年收费金额
    /// prints its unit, 万元: an amount without a unit of its own is taken in 万元.
    ///
    /// # Errors
    /// [`TableError::NotInEdition`] for a cell this edition does not have; [`TableError::WrongKind`]
    /// for a value of the wrong kind (a count in 本年增/减, say).
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Value};
    /// let mut t2 = Proactive::blank(Edition::E2019);
    /// t2.set(R::Licensing, C::Delta, Some(Value::Delta(12)))?;
    /// t2.set(R::Licensing, C::Delta, None)?; // blank again
    /// assert_eq!(t2.get(R::Licensing, C::Delta), None);
    /// assert!(t2.set(R::Licensing, C::Delta, Some(Value::Count(12))).is_err());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set(
        &mut self,
        row: ProactiveRow,
        column: ProactiveColumn,
        value: Option<Value>,
    ) -> Result<(), TableError> {
        let cell = CellRef::Proactive(row, column);
        let i = self.position(row, column).ok_or(TableError::NotInEdition {
            cell,
            edition: self.edition,
        })?;
        if let Some(v) = value {
            check_kind(cell, v)?;
        }
        self.cells[i] = value.map(|v| in_header_unit(self.edition, cell, v));
        Ok(())
    }

    extras_methods!(Proactive, "Proactive::blank(Edition::E2021)");

    /// Every cell with its value, in the official printed order.
    ///
    /// ```
    /// use ogi_report::{Edition, Proactive};
    /// let t2 = Proactive::blank(Edition::E2021);
    /// let codes: Vec<String> = t2.cells().map(|(c, _)| c.to_string()).collect();
    /// assert_eq!(codes.first().map(String::as_str), Some("t2.rules.issued"));
    /// assert_eq!(codes.last().map(String::as_str), Some("t2.fees.amount"));
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = (CellRef, Option<Value>)> + '_ {
        self.layout().cells().iter().copied().zip(self.cells)
    }
}

/// The 2021 edition prints the unit of 本年收费金额 (万元) in the header: an amount read
/// without a unit of its own is in 万元.
pub(crate) fn in_header_unit(edition: Edition, cell: CellRef, value: Value) -> Value {
    match (edition, cell, value) {
        (Edition::E2021, CellRef::Proactive(ProactiveRow::Fees, _), Value::Money(a))
            if a.unit() == crate::MoneyUnit::Unstated =>
        {
            a.stated_as(crate::MoneyUnit::WanYuan)
                .map_or(value, Value::Money)
        }
        _ => value,
    }
}

/// Checks that a value has the kind its cell holds.
pub(crate) fn check_kind(cell: CellRef, value: Value) -> Result<(), TableError> {
    if value.kind() == cell.kind() {
        Ok(())
    } else {
        Err(TableError::WrongKind {
            cell,
            expected: cell.kind(),
            given: value.kind(),
        })
    }
}
