//! 表四, 政府信息公开行政复议、行政诉讼情况: the same in both editions.

use crate::cell::{AppealColumn, AppealGroup, CellRef, Table, Value};
use crate::edition::Edition;
use crate::error::TableError;
use crate::extras::{Extras, extras_methods};
use crate::layout::{Layout, T4_COLUMNS, T4_GROUPS};
use crate::text::read_printed;

/// 表四, 政府信息公开行政复议、行政诉讼情况: three groups (行政复议; 行政诉讼 未经复议直接起诉
/// and 复议后起诉) of five cells (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). The layout is
/// the same in both editions.
///
/// Like every table ([`Proactive`](crate::Proactive), [`Requests`](crate::Requests)), it
/// has `blank`, `from_printed`, `get(row, column)`, a `set(row, column, value)` that
/// returns `Result<(), TableError>`, `cells()` in printed order and `layout()`; a report
/// has the same `get` and `set` by [`CellRef`].
///
/// ```
/// use ogi_report::{AppealColumn as C, AppealGroup as G, Appeals};
/// let t4 = Appeals::assemble([72, 64, 178, 37], [13, 4, 8, 1], [12, 1, 1, 6])?;
/// assert_eq!(t4.get(G::Review, C::Total), Some(351));
/// assert_eq!(t4.get(G::SuitAfterReview, C::Total), Some(20));
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Appeals {
    cells: [[Option<u64>; T4_COLUMNS]; T4_GROUPS],
    extras: Extras,
}

impl Appeals {
    /// A table with every cell blank.
    ///
    /// ```
    /// use ogi_report::{AppealColumn as C, AppealGroup as G, Appeals};
    /// assert_eq!(Appeals::blank().get(G::Review, C::Total), None);
    /// ```
    #[must_use]
    pub const fn blank() -> Appeals {
        Appeals {
            cells: [[None; T4_COLUMNS]; T4_GROUPS],
            extras: Extras::new(),
        }
    }

    /// A table as printed: the 15 cell texts in printed order (行政复议, then 未经复议直接起诉,
    /// then 复议后起诉; each 结果维持, 结果纠正, 其他结果, 尚未审结, 总计).
    ///
    /// # Errors
    /// [`TableError::CellCount`] when not exactly 15 texts are given: a table printed with a
    /// cell missing is never shifted; [`TableError::Cell`] naming the first cell that is not a
    /// count.
    ///
    /// ```
    /// use ogi_report::Appeals;
    /// let err = Appeals::from_printed(&["0", "0", "0", "0", "0", "x", "0", "0", "0", "0", "0", "0", "0", "0", "0"]);
    /// assert_eq!(err.unwrap_err().to_string(), r#"t4.suit_direct.upheld (cell 6 of 表四): invalid number "x""#);
    /// ```
    pub fn from_printed<S: AsRef<str>>(texts: &[S]) -> Result<Appeals, TableError> {
        let mut table = Appeals::blank();
        read_printed(Table::Appeals, Edition::E2019, texts, |cell, value| {
            if let (CellRef::Appeals(g, c), Some(Value::Count(v))) = (cell, value) {
                table.cells[g as usize][c as usize] = Some(v);
            }
        })?;
        Ok(table)
    }

    /// Assembles the table from the four detail cells of each group (结果维持, 结果纠正,
    /// 其他结果, 尚未审结); each 总计 is derived.
    ///
    /// # Errors
    /// [`TableError::Overflow`] naming the 总计 cell whose sum does not fit a `u64`.
    ///
    /// ```
    /// use ogi_report::{AppealColumn as C, AppealGroup as G, Appeals};
    /// let t4 = Appeals::assemble([1, 1, 0, 0], [0; 4], [0, 0, 0, 2])?;
    /// assert_eq!(t4.get(G::Review, C::Total), Some(2));
    /// assert!(Appeals::assemble([u64::MAX, 1, 0, 0], [0; 4], [0; 4]).is_err());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn assemble(
        review: [u64; 4],
        suit_direct: [u64; 4],
        suit_after_review: [u64; 4],
    ) -> Result<Appeals, TableError> {
        let mut table = Appeals::blank();
        for (g, detail) in [review, suit_direct, suit_after_review]
            .into_iter()
            .enumerate()
        {
            let mut total = 0u64;
            for (c, v) in detail.into_iter().enumerate() {
                table.cells[g][c] = Some(v);
                total = total.checked_add(v).ok_or(TableError::Overflow {
                    cell: CellRef::Appeals(AppealGroup::ALL[g], AppealColumn::Total),
                })?;
            }
            table.cells[g][4] = Some(total);
        }
        Ok(table)
    }

    /// The value of a cell; `None` when blank.
    ///
    /// ```
    /// use ogi_report::{AppealColumn as C, AppealGroup as G, Appeals};
    /// let t4 = Appeals::assemble([0; 4], [2, 0, 1, 0], [0; 4])?;
    /// assert_eq!(t4.get(G::SuitDirect, C::Other), Some(1));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn get(&self, group: AppealGroup, column: AppealColumn) -> Option<u64> {
        self.cells[group as usize][column as usize]
    }

    /// Sets a cell (`None` makes it blank). Totals are not recomputed.
    ///
    /// # Errors
    /// None today: 表四 has every cell in both editions. The method returns a `Result`
    /// like the `set` of every other table ([`Proactive::set`](crate::Proactive::set),
    /// [`Requests::set`](crate::Requests::set),
    /// [`AnnualReport::set`](crate::AnnualReport::set)), so that code written against one
    /// table reads the same against another.
    ///
    /// ```
    /// use ogi_report::{AppealColumn as C, AppealGroup as G, Appeals};
    /// let mut t4 = Appeals::blank();
    /// t4.set(G::Review, C::Pending, Some(3))?;
    /// assert_eq!(t4.get(G::Review, C::Pending), Some(3));
    /// assert_eq!(t4.get(G::Review, C::Total), None); // as printed: not recomputed
    /// # Ok::<(), ogi_report::TableError>(())
    /// ```
    pub const fn set(
        &mut self,
        group: AppealGroup,
        column: AppealColumn,
        value: Option<u64>,
    ) -> Result<(), TableError> {
        self.cells[group as usize][column as usize] = value;
        Ok(())
    }

    /// The layout the table is printed in (the same in both editions).
    ///
    /// ```
    /// assert_eq!(ogi_report::Appeals::blank().layout().len(), 15);
    /// ```
    #[must_use]
    pub const fn layout(&self) -> &'static Layout {
        Layout::of(Table::Appeals, Edition::E2021)
    }

    extras_methods!(Appeals, "Appeals::blank()");

    /// Every cell, group by group, 5 a group: a cell's index is its position in
    /// [`Table::cells`](crate::Table::cells) order.
    pub(crate) fn slots(&self) -> &[Option<u64>] {
        self.cells.as_flattened()
    }

    /// Every cell with its value, in the official printed order.
    ///
    /// ```
    /// use ogi_report::Appeals;
    /// let t4 = Appeals::assemble([0; 4], [0; 4], [0; 4])?;
    /// let codes: Vec<String> = t4.cells().map(|(c, _)| c.to_string()).collect();
    /// assert_eq!(codes[0], "t4.review.upheld");
    /// assert_eq!(codes[14], "t4.suit_after_review.total");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = (CellRef, Option<u64>)> + '_ {
        AppealGroup::ALL
            .iter()
            .zip(&self.cells)
            .flat_map(|(&g, cells)| {
                AppealColumn::ALL
                    .iter()
                    .zip(cells)
                    .map(move |(&c, &v)| (CellRef::Appeals(g, c), v))
            })
    }
}
