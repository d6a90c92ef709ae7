//! A data table as a grid of slots, spans expanded as the HTML table model places cells.

use html5ever::local_name;

use super::Position;
use super::tree::Tree;

/// The most columns a grid has: cells that would start further right are dropped.
pub(crate) const MAX_COLUMNS: usize = 1000;

/// The most slots the cells of one grid may cover, counted span by span: cells past it
/// are dropped, so that spans cannot make a small page allocate without bound.
pub(crate) const MAX_SLOTS: usize = 1 << 22;

/// The widest `colspan` browsers accept.
const MAX_COLSPAN: usize = 1000;

/// The tallest `rowspan` browsers accept.
const MAX_ROWSPAN: usize = 65534;

/// A slot no cell covers.
const EMPTY: u32 = u32::MAX;

/// A data table: cells and the slots they cover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Grid {
    /// The cells in document order.
    pub(crate) cells: Vec<Cell>,
    /// The `<table>` start tag.
    pub(crate) at: Position,
    /// Cells left out because the grid would pass [`MAX_COLUMNS`] or [`MAX_SLOTS`].
    pub(crate) dropped: usize,
    /// Per row, the cell covering each slot up to the row's last covered slot.
    rows: Vec<Vec<u32>>,
    width: usize,
}

/// A `<td>` or `<th>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cell {
    /// The visible text; paragraphs, `<div>`s and `<br>` inside the cell separate lines
    /// with `\n`.
    pub(crate) text: String,
    /// The row of its top-left slot (0-based).
    pub(crate) row: usize,
    /// The column of its top-left slot (0-based).
    pub(crate) column: usize,
    /// The rows it spans, as clamped (at least 1).
    pub(crate) rowspan: usize,
    /// The columns it spans, as clamped (at least 1).
    pub(crate) colspan: usize,
    /// A `<th>`.
    pub(crate) header: bool,
    /// Its start tag.
    pub(crate) at: Position,
}

impl Grid {
    /// The number of rows.
    #[must_use]
    pub(crate) fn height(&self) -> usize {
        self.rows.len()
    }

    /// The number of columns: the widest row.
    #[must_use]
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// The index in [`Grid::cells`] of the cell covering a slot, if any.
    #[must_use]
    pub(crate) fn slot(&self, row: usize, column: usize) -> Option<usize> {
        let index = *self.rows.get(row)?.get(column)?;
        (index != EMPTY)
            .then(|| usize::try_from(index).ok())
            .flatten()
    }

    /// The cell covering a slot, if any.
    #[must_use]
    pub(crate) fn cell_at(&self, row: usize, column: usize) -> Option<&Cell> {
        self.cells.get(self.slot(row, column)?)
    }

    /// The cells covering the slots of a row, one item per column of the grid.
    #[cfg(test)]
    pub(crate) fn row(&self, row: usize) -> impl Iterator<Item = Option<&Cell>> + '_ {
        (0..self.width).map(move |column| self.cell_at(row, column))
    }
}

/// HTML's rules for parsing integers: leading whitespace, a sign, digits up to the first
/// non-digit (`2abc` is 2); no digit is no number. Saturates rather than overflowing.
fn parse_integer(value: &str) -> Option<i64> {
    let value = value.trim_start_matches([' ', '\t', '\n', '\r', '\x0c']);
    let (negative, digits) = match value.as_bytes().first() {
        Some(b'-') => (true, value.get(1..).unwrap_or_default()),
        Some(b'+') => (false, value.get(1..).unwrap_or_default()),
        _ => (false, value),
    };
    let digits = digits.bytes().take_while(u8::is_ascii_digit);
    let mut n: i64 = 0;
    let mut any = false;
    for d in digits {
        any = true;
        n = n.saturating_mul(10).saturating_add(i64::from(d - b'0'));
    }
    any.then_some(if negative { -n } else { n })
}

/// `colspan` as browsers read it: 1..=1000, anything else 1.
fn colspan(value: Option<&str>) -> usize {
    match value.and_then(parse_integer) {
        Some(n) if n >= 1 => usize::try_from(n).map_or(MAX_COLSPAN, |n| n.min(MAX_COLSPAN)),
        _ => 1,
    }
}

/// `rowspan` as browsers read it, clamped to the `left` rows of the row group (0 is all of
/// them; a negative or unreadable value is 1).
fn rowspan(value: Option<&str>, left: usize) -> usize {
    let span = match value.and_then(parse_integer) {
        Some(0) => left,
        Some(n) if n > 0 => usize::try_from(n).map_or(MAX_ROWSPAN, |n| n.min(MAX_ROWSPAN)),
        _ => 1,
    };
    span.min(left).max(1)
}

/// The row groups of a table: its `<thead>`, `<tbody>` and `<tfoot>` and each run of `<tr>`
/// directly under it, in document order, each as its `<tr>` elements.
fn row_groups(tree: &Tree, table: usize) -> Vec<Vec<usize>> {
    let is_row = |id: usize| tree.html_name(id) == Some(&local_name!("tr"));
    let mut groups = Vec::new();
    let mut loose = Vec::new();
    for child in tree.children(table) {
        match tree.html_name(child) {
            Some(&local_name!("thead") | &local_name!("tbody") | &local_name!("tfoot")) => {
                if !loose.is_empty() {
                    groups.push(std::mem::take(&mut loose));
                }
                groups.push(tree.children(child).filter(|&r| is_row(r)).collect());
            }
            Some(&local_name!("tr")) => loose.push(child),
            _ => {}
        }
    }
    if !loose.is_empty() {
        groups.push(loose);
    }
    groups
}

/// Reads the table `table` (which holds no table) into a grid; `text` gives a cell's text.
pub(super) fn build(tree: &Tree, table: usize, text: &mut dyn FnMut(usize) -> String) -> Grid {
    let mut rows: Vec<Vec<u32>> = Vec::new();
    let mut cells = Vec::new();
    let mut dropped = 0;
    let mut visits = 0_usize;
    for group in row_groups(tree, table) {
        let first = rows.len();
        let end = first + group.len();
        rows.resize_with(end, Vec::new);
        for (r, tr) in (first..end).zip(group) {
            let mut x = 0;
            for id in tree.children(tr) {
                let header = match tree.html_name(id) {
                    Some(&local_name!("td")) => false,
                    Some(&local_name!("th")) => true,
                    _ => continue,
                };
                let row = rows.get(r).map_or(&[][..], Vec::as_slice);
                while row.get(x).is_some_and(|&s| s != EMPTY) {
                    x += 1;
                }
                let colspan = colspan(tree.attr(id, &local_name!("colspan")))
                    .min(MAX_COLUMNS - x.min(MAX_COLUMNS));
                let rowspan = rowspan(tree.attr(id, &local_name!("rowspan")), end - r);
                let cost = colspan * rowspan;
                let Ok(index) = u32::try_from(cells.len()) else {
                    dropped += 1;
                    continue;
                };
                if colspan == 0 || index == EMPTY || visits + cost > MAX_SLOTS {
                    dropped += 1;
                    continue;
                }
                visits += cost;
                for covered in rows.iter_mut().skip(r).take(rowspan) {
                    if covered.len() < x + colspan {
                        covered.resize(x + colspan, EMPTY);
                    }
                    for slot in covered.iter_mut().skip(x).take(colspan) {
                        if *slot == EMPTY {
                            *slot = index;
                        }
                    }
                }
                cells.push(Cell {
                    text: text(id),
                    row: r,
                    column: x,
                    rowspan,
                    colspan,
                    header,
                    at: tree.get(id).map_or(Position::START, |n| n.at),
                });
                x += colspan;
            }
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    Grid {
        cells,
        at: tree.get(table).map_or(Position::START, |n| n.at),
        dropped,
        rows,
        width,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_read_as_browsers_read_them() {
        assert_eq!(colspan(None), 1);
        assert_eq!(colspan(Some("3")), 3);
        assert_eq!(colspan(Some(" +2abc")), 2);
        assert_eq!(colspan(Some("0")), 1);
        assert_eq!(colspan(Some("-1")), 1);
        assert_eq!(colspan(Some("x")), 1);
        assert_eq!(colspan(Some("")), 1);
        assert_eq!(colspan(Some("5000")), 1000);
        assert_eq!(colspan(Some("99999999999999999999999")), 1000);
        assert_eq!(rowspan(Some("0"), 4), 4);
        assert_eq!(rowspan(Some("100000"), 3), 3);
        assert_eq!(rowspan(Some("2"), 3), 2);
        assert_eq!(rowspan(Some("-2"), 3), 1);
        assert_eq!(rowspan(Some("two"), 3), 1);
        assert_eq!(rowspan(None, 1), 1);
    }
}
