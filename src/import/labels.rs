//! The labels of the tables: which row a printed label names (exactly, with an annotation,
//! or misprinted), and which words the format prints in a table.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use crate::cell::{AppealGroup, ProactiveColumn, ProactiveRow, RequestRow, Table};
use crate::edition::Edition;
use crate::import::lines::{is_space, normalize, normalize_into};
use crate::layout::{Layout, RowRef};

/// The rows a table's labels can name, in both editions.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) row: RowRef,
    pub(crate) label: &'static str,
    norm: String,
    /// The edition whose layout alone has this label.
    pub(crate) edition: Option<Edition>,
}

fn catalogue(table: Table) -> &'static [Entry] {
    static T2: OnceLock<Vec<Entry>> = OnceLock::new();
    static T3: OnceLock<Vec<Entry>> = OnceLock::new();
    static T4: OnceLock<Vec<Entry>> = OnceLock::new();
    let entry = |row, label: &'static str, edition| Entry {
        row,
        label,
        norm: normalize(label),
        edition,
    };
    match table {
        Table::Proactive => T2.get_or_init(|| {
            let mut v = Vec::new();
            for &r in ProactiveRow::ALL {
                let [a, b] = Edition::ALL.map(|e| r.label(e));
                let only = |e: Edition| {
                    Edition::ALL
                        .into_iter()
                        .filter(|&x| x != e)
                        .all(|x| r.columns(x).is_empty())
                };
                if a == b {
                    let edition = Edition::ALL.into_iter().find(|&e| only(e));
                    v.push(entry(RowRef::Proactive(r), a, edition));
                } else {
                    for e in Edition::ALL {
                        v.push(entry(RowRef::Proactive(r), r.label(e), Some(e)));
                    }
                }
            }
            v
        }),
        Table::Requests => T3.get_or_init(|| {
            RequestRow::ALL
                .iter()
                .map(|&r| {
                    let editions: Vec<Edition> = Edition::ALL
                        .into_iter()
                        .filter(|&e| r.in_edition(e))
                        .collect();
                    let edition = match editions.as_slice() {
                        [e] => Some(*e),
                        _ => None,
                    };
                    entry(RowRef::Requests(r), r.label(), edition)
                })
                .collect()
        }),
        Table::Appeals => T4.get_or_init(|| {
            AppealGroup::ALL
                .iter()
                .map(|&g| entry(RowRef::Appeals(g), g.label(), None))
                .collect()
        }),
    }
}

/// The numbering a normalised label starts with: `2.`, `(二)`, `四.`.
pub(crate) fn numbering(norm: &str) -> Option<&str> {
    let mut chars = norm.char_indices();
    let (_, first) = chars.next()?;
    let end = if first == '(' {
        let (_, _) = chars.next()?;
        let (i, close) = chars.next()?;
        (close == ')').then_some(i + 1)?
    } else {
        let (i, dot) = chars.next()?;
        (dot == '.' && (first.is_ascii_digit() || "一二三四五六七八九十".contains(first)))
            .then_some(i + 1)?
    };
    norm.get(..end)
}

/// The length of the longest common subsequence of two strings, in chars.
fn common(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row = vec![0usize; b.len() + 1];
    for ca in a.chars() {
        let mut diagonal = 0;
        for (j, &cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let v = if ca == cb {
                diagonal + 1
            } else {
                above.max(left)
            };
            diagonal = above;
            if let Some(slot) = row.get_mut(j + 1) {
                *slot = v;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

/// The longest text, in bytes, looked at as a row label: three times the longest label
/// of the format (its 60-odd characters, each three bytes in UTF-8) with room for an
/// annotation.
const LONGEST_LABEL: usize = 3 * 120;

/// The row a label names: exactly (after normalising), with an annotation after it, or
/// misprinted (same numbering, most characters in order). Leading words are tried off
/// one by one, for a group label or a stray character printed before the row's label.
pub(crate) fn match_label<'a>(
    table: Table,
    text: &'a str,
    buf: &mut String,
) -> Option<(&'static Entry, &'a str, bool)> {
    let cat = catalogue(table);
    let whole = text.trim_matches(is_space);
    if whole.len() > LONGEST_LABEL && !whole.contains(is_space) {
        return None;
    }
    // One word (most labels): normalised once, in the scratch buffer.
    if !whole.contains(is_space) {
        buf.clear();
        normalize_into(whole, buf);
        let n = buf.as_str();
        return exact(cat, n)
            .map(|e| (e, whole, true))
            .or_else(|| annotated(cat, n).map(|e| (e, whole, false)))
            .or_else(|| misprinted(cat, n).map(|(_, e)| (e, whole, false)));
    }
    let mut candidates = vec![whole];
    let mut rest = whole;
    while let Some(i) = rest.find(is_space) {
        rest = rest.get(i..).unwrap_or("").trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        candidates.push(rest);
    }
    // No label of the format is nearly this long: a longer text (prose) names no row,
    // and its tails are not normalised one by one (which took a long line quadratic time).
    candidates.retain(|c| c.len() <= LONGEST_LABEL);
    let norms: Vec<String> = candidates
        .iter()
        .map(|c| {
            buf.clear();
            normalize_into(c, buf);
            buf.clone()
        })
        .collect();
    for (c, n) in candidates.iter().zip(&norms) {
        if let Some(e) = exact(cat, n) {
            return Some((e, c, true));
        }
    }
    for (c, n) in candidates.iter().zip(&norms) {
        if let Some(e) = annotated(cat, n) {
            return Some((e, c, false));
        }
    }
    let mut best: Option<(usize, &'static Entry, &'a str)> = None;
    for (c, n) in candidates.iter().zip(&norms) {
        if let Some((score, e)) = misprinted(cat, n) {
            if best.is_none_or(|(s, ..)| score > s) {
                best = Some((score, e, c));
            }
        }
    }
    best.map(|(_, e, c)| (e, c, false))
}

/// The entry whose label is the normalised text.
fn exact(cat: &'static [Entry], n: &str) -> Option<&'static Entry> {
    cat.iter().find(|e| e.norm == n)
}

/// The entry whose label the normalised text prints with an annotation after it (the
/// longest such).
fn annotated(cat: &'static [Entry], n: &str) -> Option<&'static Entry> {
    cat.iter()
        .filter(|e| {
            n.strip_prefix(e.norm.as_str())
                .is_some_and(|r| r.starts_with(['(', '[']))
        })
        .max_by_key(|e| e.norm.len())
}

/// The entry the normalised text misprints (same numbering, 70% of characters in order
/// at least), with its score: the best.
fn misprinted(cat: &'static [Entry], n: &str) -> Option<(usize, &'static Entry)> {
    let num = numbering(n)?;
    let mut best: Option<(usize, &'static Entry)> = None;
    for e in cat.iter().filter(|e| numbering(&e.norm) == Some(num)) {
        let (a, b) = (n.chars().count(), e.norm.chars().count());
        let score = common(n, &e.norm) * 100 / a.max(b).max(1);
        if score >= 70 && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, e));
        }
    }
    best
}

/// The words the format prints in a table, normalised, one per line: every label and
/// caption of the table in either edition's layout ([`Layout::words`]), each also split at
/// its spaces.
fn printed_words(table: Table) -> &'static str {
    static WORDS: [OnceLock<String>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = match table {
        Table::Proactive => 0,
        Table::Requests => 1,
        Table::Appeals => 2,
    };
    WORDS.get(index).map_or("", |w| {
        w.get_or_init(|| {
            let mut words: Vec<String> = Edition::ALL
                .iter()
                .flat_map(|&e| Layout::of(table, e).words())
                .map(normalize)
                .collect();
            words.retain(|w| !w.is_empty());
            words.sort();
            words.dedup();
            words.join("\n")
        })
    })
}

/// Every piece of two characters or more of the words the format prints in a table
/// (normalised), for [`pieces_of_words`].
fn printed_pieces(table: Table) -> &'static BTreeSet<String> {
    static PIECES: [OnceLock<BTreeSet<String>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let index = match table {
        Table::Proactive => 0,
        Table::Requests => 1,
        Table::Appeals => 2,
    };
    PIECES[index].get_or_init(|| {
        let mut pieces = BTreeSet::new();
        for word in printed_words(table).split('\n') {
            let at: Vec<usize> = word
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(word.len()))
                .collect();
            for (k, &from) in at.iter().enumerate() {
                for &to in at.iter().skip(k + 2) {
                    if let Some(piece) = word.get(from..to) {
                        pieces.insert(piece.to_owned());
                    }
                }
            }
        }
        pieces
    })
}

/// Whether a label that names no row is text of the table as the format prints it: each
/// of its words is (a piece of) a word the format prints in the table (a header wrapped or
/// spelled out one character per line included), or it is a column label of 表二 with an
/// annotation (noted as a [`NoteKind::LabelVariant`]).
pub(crate) fn is_table_text(table: Table, label: &str, buf: &mut String) -> bool {
    let words = printed_words(table);
    let pieces = printed_pieces(table);
    let printed = label.split(is_space).all(|w| {
        buf.clear();
        normalize_into(w, buf);
        let one_char = buf.chars().nth(1).is_none();
        buf.is_empty()
            || (one_char && words.contains(buf.as_str()))
            || pieces.contains(buf.as_str())
            || pieces_of_words(buf, pieces)
    });
    printed || {
        buf.clear();
        normalize_into(label, buf);
        table == Table::Proactive
            && Edition::ALL
                .iter()
                .any(|&e| annotated_column(e, buf).is_some())
    }
}

/// Whether a normalised text is pieces of the printed words run together, each of two
/// characters at least (`信息内容本年处理决定数量`, a header whose spaces a converter lost;
/// `理结计这一情形,不计其他情形)`, the wrapped pieces of two labels on one line). Prose holds
/// words the tables never print; texts over 300 characters are not looked at.
fn pieces_of_words(text: &str, pieces: &BTreeSet<String>) -> bool {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    if !(2..=300).contains(&n) {
        return false;
    }
    let at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    // reach[i]: the first i characters are pieces of words.
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for i in 0..n {
        if !reach[i] {
            continue;
        }
        let mut j = i + 2;
        while j <= n
            && text
                .get(at(i)..at(j))
                .is_some_and(|piece| pieces.contains(piece))
        {
            reach[j] = true;
            j += 1;
        }
    }
    reach[n]
}

/// The column of 表二 (in a layout) whose label a normalised label prints with an
/// annotation after it (`现行有效件数(历史累计)`).
pub(crate) fn annotated_column(layout: Edition, norm: &str) -> Option<ProactiveColumn> {
    static COLUMNS: [OnceLock<Vec<(ProactiveColumn, String)>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let columns = COLUMNS.get(usize::from(layout == Edition::E2021))?;
    let columns = columns.get_or_init(|| {
        let mut columns: Vec<ProactiveColumn> = ProactiveRow::rows(layout)
            .iter()
            .flat_map(|r| r.columns(layout).iter().copied())
            .collect();
        columns.sort();
        columns.dedup();
        columns
            .into_iter()
            .map(|c| (c, normalize(c.label(layout))))
            .collect()
    });
    columns.iter().find_map(|(c, label)| {
        norm.strip_prefix(label.as_str())
            .is_some_and(|r| r.starts_with(['(', '[']))
            .then_some(*c)
    })
}

/// 表二's column labels of one edition that the other edition does not print (nor
/// contain in a longer label), normalised.
pub(crate) fn exclusive_columns(edition: Edition) -> Vec<String> {
    let labels = |e: Edition| -> Vec<String> {
        let mut v: Vec<String> = ProactiveRow::rows(e)
            .iter()
            .flat_map(|r| r.columns(e).iter())
            .map(|c: &ProactiveColumn| normalize(c.label(e)))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let others: Vec<String> = Edition::ALL
        .into_iter()
        .filter(|&e| e != edition)
        .flat_map(labels)
        .collect();
    labels(edition)
        .into_iter()
        .filter(|l| !others.iter().any(|o| o.contains(l.as_str())))
        .collect()
}
