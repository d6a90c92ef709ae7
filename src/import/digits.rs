//! Cells run together: a crawler's text of a page with all spacing gone prints a row of
//! 表三 as `640020470` (64 0 0 2 0 4 70). A run is split only where the text or the
//! table's identities leave one split.
//!
//! Every way to cut each run into numbers is a candidate (a number has no leading zero
//! but `0`; a space or a value that is not bare digits is a cut the page printed; a
//! fraction and a unit belong to the last number of their run). A blank cell prints
//! nothing, so a run may also be fewer numbers than the row has cells (`35` in a row of
//! two: 3 and 5, or 35 and a blank). A row that no identity reads (表二's) is read from the
//! text alone, and only when its runs allow one split and no reading with a blank. A row
//! an identity reads keeps the splits under which the identities hold: first those within
//! the row (its 总计, a 表四 group's 总计), then, over all the rows together, those across
//! rows (（七）总计 = the outcomes, 一 + 二 = （七） + 四), the blank readings being the ones
//! that fail them. A cell is placed when every split left agrees on it, and left blank
//! otherwise; a table whose own numbers do not add up under any split keeps only the rows
//! the text alone decides.

use crate::cell::CellRef;
use crate::import::read::{Evidence, PCell, RowCells};
use crate::layout::{Layout, RowRef};
use crate::rules::RuleId;
use crate::rules::{identities, identity_holds};

/// The most candidate splits of one printed row looked at; a row with more is not split.
const MAX_SPLITS: usize = 100_000;

/// The most combinations of rows' splits looked at across rows.
const MAX_COMBINATIONS: usize = 1_000_000;

/// A printed row of runs: the layout's rows it prints (one, or all of 表四 printed as one
/// run), the runs as printed, the line.
pub(crate) type Runs<'a> = (Vec<usize>, Vec<&'a str>, usize);

/// A piece of a run: its digits that may be cut, and the rest printed after them (a
/// fraction, a unit) that stays with the last number; or a value that is one number.
fn parts(piece: &str) -> (&str, &str) {
    let digits = piece.len() - piece.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    piece.split_at(digits)
}

/// Every way to cut the pieces into `n` numbers, at most [`MAX_SPLITS`] (`None` beyond).
fn splits<'a>(pieces: &[&'a str], n: usize) -> Option<Vec<Vec<&'a str>>> {
    let mut out = Vec::new();
    let mut current = Vec::with_capacity(n);
    if walk(pieces, n, &mut current, &mut out) {
        Some(out)
    } else {
        None
    }
}

/// The numbers of numbers the pieces can be cut into, as bits (bit `k` for `k` numbers;
/// counts past 127 are not told).
fn counts(pieces: &[&str]) -> u128 {
    let mut total: u128 = 1;
    for piece in pieces {
        let (digits, _) = parts(piece);
        let piece_counts: u128 = if digits.len() <= 1 {
            0b10
        } else {
            // reach[i]: the counts that cut the first i digits.
            let mut reach = vec![0u128; digits.len() + 1];
            reach[0] = 1;
            for i in 0..digits.len() {
                if reach[i] == 0 {
                    continue;
                }
                for j in i + 1..=digits.len() {
                    if digits.get(i..j).is_some_and(plain) {
                        reach[j] |= reach[i] << 1;
                    }
                }
            }
            reach[digits.len()]
        };
        let mut next = 0u128;
        for k in 0..128 {
            if piece_counts & (1 << k) != 0 {
                next |= total << k;
            }
        }
        total = next;
    }
    total
}

/// Depth-first over the pieces; `false` when the limit is reached.
fn walk<'a>(
    pieces: &[&'a str],
    n: usize,
    current: &mut Vec<&'a str>,
    out: &mut Vec<Vec<&'a str>>,
) -> bool {
    let Some((&piece, rest)) = pieces.split_first() else {
        if current.len() == n {
            if out.len() >= MAX_SPLITS {
                return false;
            }
            out.push(current.clone());
        }
        return true;
    };
    let left = n.saturating_sub(current.len());
    // Each later piece takes one number at least.
    if left < 1 + rest.len() {
        return true;
    }
    let (digits, tail) = parts(piece);
    if digits.len() <= 1 {
        current.push(piece);
        let ok = walk(rest, n, current, out);
        current.pop();
        return ok;
    }
    let most = (left - rest.len()).min(digits.len());
    for k in 1..=most {
        if !cut(piece, digits.len(), tail.len(), k, 0, rest, n, current, out) {
            return false;
        }
    }
    true
}

/// Cuts `piece[from..]` (whose first `digits - from` bytes are digits) into `k` numbers.
#[allow(clippy::too_many_arguments, reason = "one step of the recursion")]
fn cut<'a>(
    piece: &'a str,
    digits: usize,
    tail: usize,
    k: usize,
    from: usize,
    rest: &[&'a str],
    n: usize,
    current: &mut Vec<&'a str>,
    out: &mut Vec<Vec<&'a str>>,
) -> bool {
    let _ = tail;
    if k == 1 {
        let number = piece.get(from..).unwrap_or("");
        if !plain(number.get(..digits - from).unwrap_or("")) {
            return true;
        }
        current.push(number);
        let ok = walk(rest, n, current, out);
        current.pop();
        return ok;
    }
    // The next number is piece[from..to], leaving at least k - 1 digits.
    for to in from + 1..=digits - (k - 1) {
        let number = piece.get(from..to).unwrap_or("");
        if !plain(number) {
            continue;
        }
        current.push(number);
        let ok = cut(piece, digits, tail, k - 1, to, rest, n, current, out);
        current.pop();
        if !ok {
            return false;
        }
    }
    true
}

/// Digits that are a number as printed: no leading zero but `0` itself.
fn plain(digits: &str) -> bool {
    !digits.is_empty() && (digits == "0" || !digits.starts_with('0'))
}

/// A count from a number, `None` for anything else (a fraction, a unit, a sign).
fn count(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// The positions (in the layout's printed order) of the cells a printed row of runs
/// prints.
fn positions(layout: &Layout, rows: &[usize]) -> Vec<usize> {
    rows.iter()
        .filter_map(|&r| layout.rows().get(r))
        .flat_map(crate::layout::LayoutRow::range)
        .collect()
}

/// A printed row of runs with the splits of its digits still possible.
struct Candidates<'a, 'r> {
    /// The positions (in the layout's printed order) of its cells.
    at: Vec<usize>,
    splits: Vec<Vec<&'a str>>,
    /// Whether the text alone splits it (one split only).
    unique: bool,
    line: usize,
    /// The rows of the layout it prints.
    rows: &'r [usize],
}

/// Whether the identities that read only cells whose values `value` gives hold.
fn identities_hold(
    layout: &Layout,
    all: &[(RuleId, Vec<CellRef>)],
    value: impl Fn(usize) -> Option<u64>,
) -> bool {
    all.iter().all(|(id, cells)| {
        let values: Option<Vec<u64>> = cells.iter().map(|&c| value(layout.position(c)?)).collect();
        // An identity reading other cells is checked elsewhere.
        values.is_none_or(|v| identity_holds(*id, layout.edition(), &v))
    })
}

/// A printed row's splits under which the identities within the row hold; `None` when
/// its digits cannot be split into its cells.
fn candidates<'a, 'r>(
    layout: &Layout,
    all: &[(RuleId, Vec<CellRef>)],
    (rows, pieces, line): &'r Runs<'a>,
) -> Option<Candidates<'a, 'r>> {
    let at = positions(layout, rows);
    let splits = splits(pieces, at.len())?;
    // Whether an identity reads a cell of the row, so that a split can be checked.
    let checked = all.iter().any(|(_, cells)| {
        cells
            .iter()
            .any(|&c| layout.position(c).is_some_and(|p| at.contains(&p)))
    });
    // A blank cell prints nothing: a run that also reads as fewer numbers (`35` as 3 and 5,
    // or as 35 and a blank) is decided by the text alone only where no identity could
    // tell, and then not at all.
    let unique = splits.len() == 1 && !checked;
    let fewer = (1u128 << at.len().min(127)) - 2;
    if unique && counts(pieces) & fewer != 0 {
        return None;
    }
    let splits: Vec<Vec<&'a str>> = if unique {
        splits
    } else {
        splits
            .into_iter()
            .filter(|split| {
                identities_hold(layout, all, |p| {
                    count(split.get(at.iter().position(|&x| x == p)?)?)
                })
            })
            .collect()
    };
    (!splits.is_empty()).then_some(Candidates {
        at,
        splits,
        unique,
        line: *line,
        rows,
    })
}

/// The cells of each printed row on which every combination of splits under which the
/// identities across the rows hold agrees; `None` where they differ.
fn across_rows<'a>(
    layout: &Layout,
    all: &[(RuleId, Vec<CellRef>)],
    groups: &[Candidates<'a, '_>],
) -> Vec<Vec<Option<&'a str>>> {
    let combinations: usize = groups
        .iter()
        .map(|g| g.splits.len())
        .try_fold(1usize, usize::checked_mul)
        .unwrap_or(usize::MAX);
    if combinations <= 1 || combinations > MAX_COMBINATIONS {
        return groups.iter().map(|g| agreed(&g.splits)).collect();
    }
    let mut survivors: Vec<Vec<usize>> = Vec::new();
    let mut pick = vec![0usize; groups.len()];
    loop {
        let holds = identities_hold(layout, all, |p| {
            groups.iter().zip(&pick).find_map(|(g, &k)| {
                let i = g.at.iter().position(|&x| x == p)?;
                count(g.splits.get(k)?.get(i)?)
            })
        });
        if holds {
            survivors.push(pick.clone());
        }
        // The next combination.
        let mut k = 0;
        while let Some(g) = groups.get(k) {
            pick[k] += 1;
            if pick[k] < g.splits.len() {
                break;
            }
            pick[k] = 0;
            k += 1;
        }
        if k == groups.len() {
            break;
        }
    }
    if survivors.is_empty() {
        // No split adds up: only what the text alone decides.
        return groups
            .iter()
            .map(|g| {
                if g.unique {
                    agreed(&g.splits)
                } else {
                    vec![None; g.at.len()]
                }
            })
            .collect();
    }
    groups
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let kept: Vec<Vec<&'a str>> = survivors
                .iter()
                .filter_map(|s| g.splits.get(s[n]).cloned())
                .collect();
            agreed(&kept)
        })
        .collect()
}

/// Splits the printed rows of runs of a table in a layout: the rows placed, each with the
/// evidence that placed it.
pub(crate) fn split<'a>(layout: &Layout, printed: &[Runs<'a>]) -> Vec<RowCells<'a>> {
    let all = identities(layout.table(), layout.edition());
    let groups: Vec<Candidates<'a, '_>> = printed
        .iter()
        .filter_map(|p| candidates(layout, &all, p))
        .collect();
    let chosen = across_rows(layout, &all, &groups);
    let mut out = Vec::new();
    for (g, cells) in groups.iter().zip(chosen) {
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let evidence = if g.unique {
            Evidence::Label
        } else {
            Evidence::Identities
        };
        // One placed row per layout row the printed row prints.
        let mut at = 0;
        for &r in g.rows {
            let Some(row) = layout.rows().get(r) else {
                continue;
            };
            let slice = cells.get(at..at + row.len()).unwrap_or(&[]);
            at += row.len();
            out.push(RowCells {
                row: r,
                cells: slice
                    .iter()
                    .map(|t| PCell {
                        text: t.unwrap_or(""),
                        remark: None,
                        line: g.line,
                    })
                    .collect(),
                evidence,
                line: g.line,
            });
        }
    }
    out
}

/// The numbers every split agrees on, `None` where they differ.
fn agreed<'a>(splits: &[Vec<&'a str>]) -> Vec<Option<&'a str>> {
    let Some(first) = splits.first() else {
        return Vec::new();
    };
    first
        .iter()
        .enumerate()
        .map(|(i, &n)| splits.iter().all(|s| s.get(i) == Some(&n)).then_some(n))
        .collect()
}

/// Whether a row reference is one of the layout's (for the reader's checks).
#[allow(dead_code, reason = "kept for the reader's debug assertions")]
fn in_layout(layout: &Layout, row: RowRef) -> bool {
    layout.has_row(row)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::Table;
    use crate::edition::Edition;

    #[test]
    fn numbers_have_no_leading_zero() {
        let all = splits(&["000"], 3).unwrap_or_default();
        assert_eq!(all, [vec!["0", "0", "0"]]);
        let all = splits(&["105"], 2).unwrap_or_default();
        assert_eq!(all, [vec!["10", "5"]]);
        assert!(splits(&["00"], 1).unwrap_or_default().is_empty());
        let all = splits(&["13575394432.52元"], 2).unwrap_or_default();
        assert!(all.contains(&vec!["135", "75394432.52元"]));
        assert!(all.iter().all(|s| s[1].ends_with(".52元")));
    }

    #[test]
    fn a_row_of_seven_is_split_by_its_total() {
        let layout = Layout::of(Table::Requests, Edition::E2021);
        let placed = split(layout, &[(vec![0], vec!["640020470"], 3)]);
        let texts: Vec<&str> = placed[0].cells.iter().map(|c| c.text).collect();
        assert_eq!(texts, ["64", "0", "0", "2", "0", "4", "70"]);
    }

    #[test]
    fn table_four_in_one_run_is_split_by_its_group_totals() {
        let layout = Layout::of(Table::Appeals, Edition::E2021);
        let placed = split(layout, &[(vec![0, 1, 2], vec!["10203120001200000"], 9)]);
        let texts: Vec<&str> = placed
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.text))
            .collect();
        assert_eq!(
            texts,
            [
                "1", "0", "2", "0", "3", "12", "0", "0", "0", "12", "0", "0", "0", "0", "0"
            ]
        );
    }

    #[test]
    fn rows_the_columns_decide() {
        // 平潭 2021: （一） has two splits that add up in their row; the column totals keep
        // one. The other rows are as the transcription has them.
        let layout = Layout::of(Table::Requests, Edition::E2021);
        let rows: Vec<(usize, &str)> = vec![
            (0, "640020470"),
            (1, "0000000"),
            (2, "270020130"),
            (3, "5000005"),
            (4, "0000000"),
            (5, "0000000"),
            (6, "0000000"),
            (7, "0000000"),
            (8, "1000001"),
            (9, "0000000"),
            (10, "6000006"),
            (11, "1000001"),
            (12, "220000325"),
            (13, "0000000"),
            (14, "0000000"),
            (15, "0000000"),
            (16, "0000000"),
            (17, "0000000"),
            (18, "0000000"),
            (19, "0000000"),
            (20, "0000000"),
            (21, "0000000"),
            (22, "1000001"),
            (23, "630020469"),
            (24, "1000001"),
        ];
        let printed: Vec<Runs<'_>> = rows.iter().map(|&(r, t)| (vec![r], vec![t], r)).collect();
        let placed = split(layout, &printed);
        let row = |r: usize| -> Vec<&str> {
            placed
                .iter()
                .find(|p| p.row == r)
                .map(|p| p.cells.iter().map(|c| c.text).collect())
                .unwrap_or_default()
        };
        assert_eq!(row(2), ["27", "0", "0", "2", "0", "1", "30"]);
        assert_eq!(row(12), ["22", "0", "0", "0", "0", "3", "25"]);
    }
}
