//! 表三, 收到和处理政府信息公开申请情况: one type for both layouts.

use crate::cell::{Applicant, CellRef, RequestRow, Table, Value};
use crate::edition::Edition;
use crate::error::TableError;
use crate::extras::{Extras, extras_methods};
use crate::layout::{Layout, T3_COLUMNS as COLUMNS, T3_DETAIL as DETAIL, T3_MAX_ROWS as MAX_ROWS};
use crate::text::read_printed;

/// 表三, 收到和处理政府信息公开申请情况, printed in the layout of one edition: 23 rows in 2019
/// (one （六）其他处理 row), 25 in 2021 (its three sub-rows), 7 applicant columns each. A
/// report of the 2021 edition may hold a 表三 printed in the 2019 layout, as some bodies
/// print it.
///
/// Like every table ([`Proactive`](crate::Proactive), [`Appeals`](crate::Appeals)), it has
/// `blank`, `from_printed`, `get(row, column)`, a `set(row, column, value)` that returns
/// `Result<(), TableError>`, `cells()` in printed order and `layout()`; a report has the
/// same `get` and `set` by [`CellRef`].
///
/// Every cell may be blank (`None`); blank is not 0. Build one with
/// [`Requests::assemble`] (totals derived, consistent by construction) or
/// [`Requests::from_printed`] (exactly as published, mistakes and blanks too).
///
/// ```
/// use ogi_report::{Applicant as A, Edition, RequestDetails, RequestRow as R, Requests};
///
/// let mut details = RequestDetails::new(Edition::E2021);
/// details.set(R::New, [8, 1, 0, 0, 0, 0])?;
/// details.set(R::Disclosed, [5, 1, 0, 0, 0, 0])?;
/// details.set(R::NotHeld, [2, 0, 0, 0, 0, 0])?;
/// let t3 = Requests::assemble(&details)?;
/// assert_eq!(t3.get(R::New, A::Total), Some(9));
/// assert_eq!(t3.get(R::ResultsTotal, A::NaturalPerson), Some(7));
/// assert_eq!(t3.get(R::CarriedForward, A::Total), Some(1));
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Requests {
    edition: Edition,
    cells: [[Option<u64>; COLUMNS]; MAX_ROWS],
    extras: Extras,
}

impl Requests {
    /// A table of the edition with every cell blank.
    ///
    /// ```
    /// use ogi_report::{Applicant as A, Edition, RequestRow as R, Requests};
    /// assert_eq!(Requests::blank(Edition::E2019).get(R::New, A::Total), None);
    /// ```
    #[must_use]
    pub fn blank(edition: Edition) -> Requests {
        Requests {
            edition,
            cells: [[None; COLUMNS]; MAX_ROWS],
            extras: Extras::new(),
        }
    }

    /// A table as printed: the cell texts in the official printed order, row by row, each
    /// row's seven cells left to right with 总计 last (see [`Table::cells`]). Each text is
    /// read with [`Value::parse`].
    ///
    /// # Errors
    /// [`TableError::CellCount`] when the number of texts is not 7 × the edition's rows (161 in
    /// 2019, 175 in 2021); [`TableError::Cell`] naming the first cell that is not a count.
    ///
    /// ```
    /// use ogi_report::{Edition, Requests};
    /// let err = Requests::from_printed(Edition::E2019, &["0"; 160]).unwrap_err();
    /// assert_eq!(err.to_string(), "t3 (表三, 2019 edition) expects 161 cells in printed order, 160 given");
    /// let t3 = Requests::from_printed(Edition::E2019, &["0"; 161])?;
    /// assert_eq!(t3.edition(), Edition::E2019);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn from_printed<S: AsRef<str>>(
        edition: Edition,
        texts: &[S],
    ) -> Result<Requests, TableError> {
        let mut table = Requests::blank(edition);
        let mut i = 0;
        read_printed(Table::Requests, edition, texts, |_, value| {
            if let Some(Value::Count(v)) = value {
                table.cells[i / COLUMNS][i % COLUMNS] = Some(v);
            }
            i += 1;
        })?;
        Ok(table)
    }

    /// Assembles a table from its detail cells: every row but （七）总计 and
    /// 四、结转下年度继续办理, six applicant columns each. The 总计 column, the （七）总计 row
    /// and 结转下年度继续办理 (一 + 二 − （七）, per column) are derived, so the table
    /// satisfies every arithmetic relation of 表三.
    ///
    /// # Errors
    /// [`TableError::Overflow`] naming the cell whose sum does not fit a `u64`;
    /// [`TableError::OutcomesExceedApplications`] naming the column whose outcomes exceed the
    /// applications received and carried over.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestDetails, RequestRow as R, Requests};
    /// let mut details = RequestDetails::new(Edition::E2019);
    /// details.set(R::New, [1, 0, 0, 0, 0, 0])?;
    /// details.set(R::Disclosed, [2, 0, 0, 0, 0, 0])?;
    /// assert_eq!(
    ///     Requests::assemble(&details).unwrap_err().to_string(),
    ///     "t3 column natural_person: the outcomes total 2, more than the 1 applications received and carried over"
    /// );
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn assemble(details: &RequestDetails) -> Result<Requests, TableError> {
        let edition = details.edition;
        let mut table = Requests::blank(edition);
        let rows = RequestRow::rows(edition);
        let mut outcomes = [0u64; DETAIL];
        for (i, &row) in rows.iter().enumerate() {
            if matches!(row, RequestRow::ResultsTotal | RequestRow::CarriedForward) {
                continue;
            }
            let given = details.rows[i];
            for (c, &v) in given.iter().enumerate() {
                table.cells[i][c] = Some(v);
                if row.is_outcome() {
                    outcomes[c] = outcomes[c].checked_add(v).ok_or(TableError::Overflow {
                        cell: CellRef::Requests(RequestRow::ResultsTotal, Applicant::DETAIL[c]),
                    })?;
                }
            }
        }
        let at = |row: RequestRow| row.index(edition).unwrap_or(0);
        let (new, carried, total, forward) = (
            at(RequestRow::New),
            at(RequestRow::CarriedOver),
            at(RequestRow::ResultsTotal),
            at(RequestRow::CarriedForward),
        );
        for (c, &column) in Applicant::DETAIL.iter().enumerate() {
            let received = details.rows[new][c]
                .checked_add(details.rows[carried][c])
                .ok_or(TableError::Overflow {
                    cell: CellRef::Requests(RequestRow::CarriedForward, column),
                })?;
            let left = received.checked_sub(outcomes[c]).ok_or(
                TableError::OutcomesExceedApplications {
                    column,
                    outcomes: outcomes[c],
                    received,
                },
            )?;
            table.cells[total][c] = Some(outcomes[c]);
            table.cells[forward][c] = Some(left);
        }
        for (i, &row) in rows.iter().enumerate() {
            let mut sum = 0u64;
            for c in 0..DETAIL {
                sum = sum.checked_add(table.cells[i][c].unwrap_or(0)).ok_or(
                    TableError::Overflow {
                        cell: CellRef::Requests(row, Applicant::Total),
                    },
                )?;
            }
            table.cells[i][DETAIL] = Some(sum);
        }
        Ok(table)
    }

    /// The edition whose layout the table is printed in.
    ///
    /// ```
    /// use ogi_report::{Edition, Requests};
    /// assert_eq!(Requests::blank(Edition::E2021).edition(), Edition::E2021);
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.edition
    }

    /// The layout the table is printed in.
    ///
    /// ```
    /// use ogi_report::{Edition, Requests};
    /// assert_eq!(Requests::blank(Edition::E2019).layout().rows().len(), 23);
    /// ```
    #[must_use]
    pub const fn layout(&self) -> &'static Layout {
        Layout::of(Table::Requests, self.edition)
    }

    extras_methods!(Requests, "Requests::blank(Edition::E2021)");

    /// The rows of the table, in printed order.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow, Requests};
    /// let t3 = Requests::blank(Edition::E2021);
    /// assert_eq!(t3.rows().len(), 25);
    /// assert_eq!(t3.rows()[24], RequestRow::CarriedForward);
    /// ```
    #[must_use]
    pub const fn rows(&self) -> &'static [RequestRow] {
        RequestRow::rows(self.edition)
    }

    /// The value of a cell; `None` when blank or when the row is not in this edition.
    ///
    /// ```
    /// use ogi_report::{Applicant as A, Edition, RequestDetails, RequestRow as R, Requests};
    /// let mut d = RequestDetails::new(Edition::E2019);
    /// d.set(R::New, [3, 0, 0, 1, 0, 0])?;
    /// let t3 = Requests::assemble(&d)?;
    /// assert_eq!(t3.get(R::New, A::PublicInterest), Some(1));
    /// assert_eq!(t3.get(R::UnpaidFee, A::Total), None); // a 2021 row
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, row: RequestRow, column: Applicant) -> Option<u64> {
        row.index(self.edition)
            .and_then(|i| self.cells[i][column as usize])
    }

    /// Every cell, row by row in the edition's printed order, 7 a row: a cell's index is
    /// its position in [`Table::cells`] order.
    pub(crate) fn slots(&self) -> &[Option<u64>] {
        self.cells.as_flattened()
    }

    /// The seven cells of a row, 总计 last; `None` when the row is not in this edition.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow as R, Requests};
    /// let t3 = Requests::from_printed(Edition::E2019, &["1"; 161])?;
    /// assert_eq!(t3.row(R::Disclosed), Some(&[Some(1); 7]));
    /// assert_eq!(t3.row(R::NoCorrection), None);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn row(&self, row: RequestRow) -> Option<&[Option<u64>; COLUMNS]> {
        row.index(self.edition).map(|i| &self.cells[i])
    }

    /// Sets a cell (`None` makes it blank). Totals are not recomputed: this is the
    /// as-printed path, where a report's own totals are kept.
    ///
    /// # Errors
    /// [`TableError::NotInEdition`] for a row this edition does not have.
    ///
    /// ```
    /// use ogi_report::{Applicant as A, Edition, RequestRow as R, Requests};
    /// let mut t3 = Requests::blank(Edition::E2019);
    /// t3.set(R::New, A::Total, Some(11))?;
    /// assert!(t3.set(R::UnpaidFee, A::Total, Some(0)).is_err());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set(
        &mut self,
        row: RequestRow,
        column: Applicant,
        value: Option<u64>,
    ) -> Result<(), TableError> {
        let i = row.index(self.edition).ok_or(TableError::NotInEdition {
            cell: CellRef::Requests(row, column),
            edition: self.edition,
        })?;
        self.cells[i][column as usize] = value;
        Ok(())
    }

    /// Sets the seven cells of a row, 总计 last.
    ///
    /// # Errors
    /// [`TableError::NotInEdition`] for a row this edition does not have.
    #[cfg(feature = "serde")]
    pub(crate) fn set_row(
        &mut self,
        row: RequestRow,
        cells: [Option<u64>; COLUMNS],
    ) -> Result<(), TableError> {
        let i = row.index(self.edition).ok_or(TableError::NotInEdition {
            cell: CellRef::Requests(row, Applicant::Total),
            edition: self.edition,
        })?;
        self.cells[i] = cells;
        Ok(())
    }

    /// Every cell with its value, in the official printed order.
    ///
    /// ```
    /// use ogi_report::{Edition, Requests};
    /// let t3 = Requests::blank(Edition::E2019);
    /// assert_eq!(t3.cells().count(), 161);
    /// assert_eq!(t3.cells().nth(7).map(|(c, _)| c.to_string()), Some("t3.carried_over.natural_person".into()));
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = (CellRef, Option<u64>)> + '_ {
        let rows = self.rows();
        rows.iter().zip(&self.cells).flat_map(|(&r, cells)| {
            Applicant::ALL
                .iter()
                .zip(cells)
                .map(move |(&c, &v)| (CellRef::Requests(r, c), v))
        })
    }
}

/// The detail cells of 表三 for [`Requests::assemble`]: every row but （七）总计 and
/// 结转下年度继续办理, six applicant columns each (自然人, 商业企业, 科研机构, 社会公益组织,
/// 法律服务机构, 其他). Rows not set are zero: an assembling producer states the whole table.
///
/// ```
/// use ogi_report::{Edition, RequestDetails, RequestRow as R};
/// let mut d = RequestDetails::new(Edition::E2019);
/// d.set(R::New, [10, 1, 0, 0, 0, 0])?;
/// assert_eq!(d.get(R::New), Some([10, 1, 0, 0, 0, 0]));
/// assert!(d.set(R::ResultsTotal, [0; 6]).is_err());
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestDetails {
    edition: Edition,
    rows: [[u64; DETAIL]; MAX_ROWS],
}

impl RequestDetails {
    /// All detail cells zero.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestDetails, RequestRow};
    /// let d = RequestDetails::new(Edition::E2021);
    /// assert_eq!(d.get(RequestRow::New), Some([0; 6]));
    /// ```
    #[must_use]
    pub const fn new(edition: Edition) -> RequestDetails {
        RequestDetails {
            edition,
            rows: [[0; DETAIL]; MAX_ROWS],
        }
    }

    /// The edition.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestDetails};
    /// assert_eq!(RequestDetails::new(Edition::E2019).edition(), Edition::E2019);
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.edition
    }

    /// Sets one detail row.
    ///
    /// # Errors
    /// [`TableError::DerivedRow`] for （七）总计 and 结转下年度继续办理, which are derived;
    /// [`TableError::NotInEdition`] for a row this edition does not have.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestDetails, RequestRow as R};
    /// let mut d = RequestDetails::new(Edition::E2021);
    /// d.set(R::UnpaidFee, [1, 0, 0, 0, 0, 0])?;
    /// assert!(d.set(R::OtherHandling, [1, 0, 0, 0, 0, 0]).is_err()); // the 2019 row
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set(&mut self, row: RequestRow, counts: [u64; DETAIL]) -> Result<(), TableError> {
        if matches!(row, RequestRow::ResultsTotal | RequestRow::CarriedForward) {
            return Err(TableError::DerivedRow { row });
        }
        let i = row.index(self.edition).ok_or(TableError::NotInEdition {
            cell: CellRef::Requests(row, Applicant::NaturalPerson),
            edition: self.edition,
        })?;
        self.rows[i] = counts;
        Ok(())
    }

    /// One detail row; `None` for derived rows and rows not in this edition.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestDetails, RequestRow as R};
    /// let d = RequestDetails::new(Edition::E2019);
    /// assert_eq!(d.get(R::OtherHandling), Some([0; 6]));
    /// assert_eq!(d.get(R::ResultsTotal), None);
    /// ```
    #[must_use]
    pub fn get(&self, row: RequestRow) -> Option<[u64; DETAIL]> {
        if matches!(row, RequestRow::ResultsTotal | RequestRow::CarriedForward) {
            return None;
        }
        row.index(self.edition).map(|i| self.rows[i])
    }
}
