//! Tables 二, 三 and 四: the cells of a table section, read row by row where every row's
//! cells follow its label (web pages: pipe rows, one cell per line), or as one sequence in
//! printed order where they do not (PDF text layers: values on the line above their
//! label, labels wrapped and spelled out one character per line).

use std::sync::OnceLock;

use crate::cell::{
    AppealGroup, Article20Item, CellRef, ProactiveColumn, ProactiveRow, RequestRow, Table,
};
use crate::edition::Edition;
use crate::import::lines::{Line, is_page_footer, is_space, is_value, normalize, normalize_into};
use crate::import::notes::{Location, Note, NoteKind};
use crate::layout::Layout;
use crate::layout::RowRef;
use crate::section::Section;
use crate::text::is_blank_token;

/// A piece of a table section: label text, or one cell (a value, a sign standing for a
/// blank, or an empty cell).
#[derive(Debug, Clone, Copy)]
enum Item<'a> {
    /// `piped`: printed in a pipe row, where a row can print no cell at all.
    Text {
        text: &'a str,
        line: usize,
        piped: bool,
    },
    Cell(Cell<'a>),
}

/// One printed cell: its text (empty for an empty cell) and line index; `run` marks an
/// empty cell printed in a line of nothing but pipes; `data` a cell of 表四's data line
/// printed as one line of exactly its fifteen fields, where an empty field is a blank
/// cell wherever it is (a line of separators only when all are blank).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell<'a> {
    pub(crate) text: &'a str,
    pub(crate) line: usize,
    run: bool,
    data: bool,
}

impl Cell<'_> {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A label found in a table section with the cells printed after it.
#[derive(Debug, Clone)]
struct Occurrence<'a> {
    /// The row of the format, `None` for text that is no row's label.
    row: Option<RowRef>,
    /// The label as printed.
    label: &'a str,
    /// The format's label, when the printed one differs.
    variant: Option<&'static str>,
    /// The edition whose layout alone has the label.
    edition: Option<Edition>,
    line: usize,
    /// Printed in a pipe row (`label |`), where no cell means every cell is blank.
    piped: bool,
    cells: Vec<Cell<'a>>,
}

impl Occurrence<'_> {
    fn values(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }

    /// The printed cells up to the last one that is not empty.
    fn filled_len(&self) -> usize {
        self.cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1)
    }
}

/// Where a table section lies in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Region {
    pub(crate) section: Section,
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Text before the region belongs to an earlier section: the page starts inside it.
    pub(crate) starts_text: bool,
    /// Nothing follows the region: the text ends inside it.
    pub(crate) ends_text: bool,
}

/// A table section, split into cells and labels.
#[derive(Debug, Clone)]
pub(crate) struct Scan<'a> {
    pub(crate) table: Table,
    pub(crate) region: Region,
    occurrences: Vec<Occurrence<'a>>,
    /// Values printed before any label.
    orphans: usize,
    /// The cells in the order printed (values, and empty cells on lines with values).
    sequence: Vec<Cell<'a>>,
    /// The header text: every label that is no row's, normalised and joined.
    header: String,
    /// Runs of text not read as part of the table: (first line index, how many lines,
    /// the first line's text).
    unread: Vec<(usize, usize, &'a str)>,
    /// Whether the section prints pipe rows.
    piped: bool,
}

/// The rows a table's labels can name, in both editions.
struct Entry {
    row: RowRef,
    label: &'static str,
    norm: String,
    /// The edition whose layout alone has this label.
    edition: Option<Edition>,
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
fn numbering(norm: &str) -> Option<&str> {
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

/// The row a label names: exactly (after normalising), with an annotation after it, or
/// misprinted (same numbering, most characters in order). Leading words are tried off
/// one by one, for a group label or a stray character printed before the row's label.
fn match_label<'a>(
    table: Table,
    text: &'a str,
    buf: &mut String,
) -> Option<(&'static Entry, &'a str, bool)> {
    let cat = catalogue(table);
    let mut candidates = vec![text.trim_matches(is_space)];
    let mut rest = text.trim_matches(is_space);
    while let Some(i) = rest.find(is_space) {
        rest = rest.get(i..).unwrap_or("").trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        candidates.push(rest);
    }
    let norms: Vec<String> = candidates
        .iter()
        .map(|c| {
            buf.clear();
            normalize_into(c, buf);
            buf.clone()
        })
        .collect();
    for (c, n) in candidates.iter().zip(&norms) {
        if let Some(e) = cat.iter().find(|e| &e.norm == n) {
            return Some((e, c, true));
        }
    }
    for (c, n) in candidates.iter().zip(&norms) {
        let annotated = cat
            .iter()
            .filter(|e| {
                n.strip_prefix(e.norm.as_str())
                    .is_some_and(|r| r.starts_with(['(', '[']))
            })
            .max_by_key(|e| e.norm.len());
        if let Some(e) = annotated {
            return Some((e, c, false));
        }
    }
    let mut best: Option<(usize, &'static Entry, &'a str)> = None;
    for (c, n) in candidates.iter().zip(&norms) {
        let Some(num) = numbering(n) else { continue };
        for e in cat.iter().filter(|e| numbering(&e.norm) == Some(num)) {
            let (a, b) = (n.chars().count(), e.norm.chars().count());
            let score = common(n, &e.norm) * 100 / a.max(b).max(1);
            if score >= 70 && best.is_none_or(|(s, ..)| score > s) {
                best = Some((score, e, c));
            }
        }
    }
    best.map(|(_, e, c)| (e, c, false))
}

/// Splits lines `[region.start, region.end)` into labels and cells.
fn items<'a>(lines: &[Line<'a>], table: Table, region: Region) -> Vec<Item<'a>> {
    let body = lines.get(region.start..region.end).unwrap_or(&[]);
    let has_pipes = body.iter().any(|l| l.text.contains('|'));
    let blank_cells = if has_pipes { None } else { spacing(body) };
    let mut out = Vec::new();
    let mut blanks = 0usize;
    for (k, line) in body.iter().enumerate() {
        let index = region.start + k;
        if is_page_footer(line.text) {
            continue;
        }
        if line.is_blank() {
            blanks += 1;
            continue;
        }
        if let Some(double) = blank_cells {
            let n = if double {
                blanks.saturating_sub(1) / 2
            } else {
                blanks
            };
            if !out.is_empty() {
                for _ in 0..n {
                    out.push(Item::Cell(Cell {
                        text: "",
                        line: index,
                        run: false,
                        data: false,
                    }));
                }
            }
        }
        blanks = 0;
        if table == Table::Appeals && appeals_data_line(line.text, index, &mut out) {
            continue;
        }
        if line.text.contains('|') {
            pipe_items(line.text, index, &mut out);
        } else {
            word_items(line.text, index, &mut out);
        }
    }
    out
}

/// 表四's data line printed as exactly its fifteen fields (fourteen `|`, as the crate's
/// plain-text layout prints it: no label, no separator before the first field or after
/// the last), each empty or a value: its cells, empty ones included, even at either end
/// and even when every one is empty. Other lines are left to [`pipe_items`], which reads
/// pipes before the first and after the last field as padding.
fn appeals_data_line<'a>(text: &'a str, line: usize, out: &mut Vec<Item<'a>>) -> bool {
    const FIELDS: usize = Layout::of(Table::Appeals, Edition::E2021).len();
    if text.matches('|').count() != FIELDS - 1 {
        return false;
    }
    let fields = || text.split('|').map(|f| f.trim_matches(is_space));
    if !fields().all(|f| f.is_empty() || is_value(f)) {
        return false;
    }
    out.extend(fields().map(|text| {
        Item::Cell(Cell {
            text,
            line,
            run: false,
            data: true,
        })
    }));
    true
}

/// For a section printed one cell per line: whether an empty line stands for a blank
/// cell (`Some(false)`), or the lines are double spaced and three empty lines do
/// (`Some(true)`); `None` when values share lines (a blank cell cannot be an empty line).
fn spacing(body: &[Line<'_>]) -> Option<bool> {
    let mut single = 0usize;
    let mut shared = 0usize;
    let mut gaps = [0usize; 2];
    let mut blanks: Option<usize> = None;
    for line in body {
        if is_page_footer(line.text) {
            continue;
        }
        if line.is_blank() {
            blanks = blanks.map(|b| b + 1);
            continue;
        }
        if let Some(b) = blanks {
            if let Some(g) = gaps.get_mut(usize::from(b == 1)) {
                *g += 1;
            }
        }
        blanks = Some(0);
        let values = line.text.split(is_space).filter(|w| is_value(w)).count();
        match values {
            0 => {}
            1 => single += 1,
            _ => shared += 1,
        }
    }
    if single == 0 || shared * 4 > single {
        return None;
    }
    let [other, one] = gaps;
    Some(one * 5 >= (one + other) * 3)
}

/// The cells of a pipe row: `label | 1 | 2 |`, `| 1 |`, `||||`.
fn pipe_items<'a>(text: &'a str, line: usize, out: &mut Vec<Item<'a>>) {
    let t = text.trim_matches(is_space);
    let run = t.chars().all(|c| c == '|' || is_space(c));
    let mut pieces: Vec<&str> = t.split('|').collect();
    if t.ends_with('|') {
        pieces.pop();
    }
    let skip = usize::from(t.starts_with('|'));
    for piece in pieces.into_iter().skip(skip) {
        let p = piece.trim_matches(is_space);
        if p.is_empty() || is_value(p) {
            out.push(Item::Cell(Cell {
                text: p,
                line,
                run,
                data: false,
            }));
        } else {
            out.push(Item::Text {
                text: p,
                line,
                piped: true,
            });
        }
    }
}

/// The cells of a line without pipes: the values at its end, the label before them.
fn word_items<'a>(text: &'a str, line: usize, out: &mut Vec<Item<'a>>) {
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_space(c), start) {
            (true, Some(s)) => {
                words.push((s, text.get(s..i).unwrap_or("")));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, text.get(s..).unwrap_or("")));
    }
    let first_value = words
        .iter()
        .rposition(|(_, w)| !is_value(w))
        .map_or(0, |i| i + 1);
    if first_value > 0 {
        let from = words.first().map_or(0, |w| w.0);
        let to = words
            .get(first_value - 1)
            .map_or(from, |(s, w)| s + w.len());
        out.push(Item::Text {
            text: text.get(from..to).unwrap_or(""),
            line,
            piped: false,
        });
    }
    for (_, w) in words.iter().skip(first_value) {
        out.push(Item::Cell(Cell {
            text: w,
            line,
            run: false,
            data: false,
        }));
    }
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

/// Whether a label that names no row is text of the table as the format prints it: each
/// of its words is (a piece of) a word the format prints in the table (a header wrapped or
/// spelled out one character per line included), or it is a column label of 表二 with an
/// annotation (noted as a [`NoteKind::LabelVariant`]).
fn is_table_text(table: Table, label: &str, buf: &mut String) -> bool {
    let words = printed_words(table);
    let printed = label.split(is_space).all(|w| {
        buf.clear();
        normalize_into(w, buf);
        buf.is_empty() || words.contains(buf.as_str())
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

/// The column of 表二 (in a layout) whose label a normalised label prints with an
/// annotation after it (`现行有效件数(历史累计)`).
fn annotated_column(layout: Edition, norm: &str) -> Option<ProactiveColumn> {
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

/// The runs of occurrences that are not read as part of the table, each with its first
/// line, how many lines it spans and the first one's text: labels that name no row and are
/// not text of the table (prose, a page's own remarks, a line of brackets), and a row's
/// label printed again without values (the row is read from its first occurrence that
/// prints values, else its first).
fn unread_runs<'a>(table: Table, occurrences: &[Occurrence<'a>]) -> Vec<(usize, usize, &'a str)> {
    let mut reading: Vec<(RowRef, usize)> = Vec::new();
    for (k, o) in occurrences.iter().enumerate() {
        let Some(row) = o.row else { continue };
        match reading.iter_mut().find(|(r, _)| *r == row) {
            None => reading.push((row, k)),
            Some(slot) => {
                let first_has_values = occurrences.get(slot.1).is_some_and(|f| f.values() > 0);
                if o.values() > 0 && !first_has_values {
                    slot.1 = k;
                }
            }
        }
    }
    let mut buf = String::new();
    let mut runs: Vec<(usize, usize, &'a str)> = Vec::new();
    // The run being built: its first line, lines, text, last line.
    let mut run: Option<(usize, usize, &'a str, usize)> = None;
    for (k, o) in occurrences.iter().enumerate() {
        let unread = o.values() == 0
            && match o.row {
                None => !is_table_text(table, o.label, &mut buf),
                Some(row) => reading.iter().any(|&(r, i)| r == row && i != k),
            };
        run = match (run, unread) {
            (Some((first, n, text, last)), true) => {
                Some((first, n + usize::from(o.line != last), text, o.line))
            }
            (None, true) => Some((o.line, 1, o.label, o.line)),
            (Some((first, n, text, _)), false) => {
                runs.push((first, n, text));
                None
            }
            (None, false) => None,
        };
    }
    if let Some((first, n, text, _)) = run {
        runs.push((first, n, text));
    }
    runs
}

/// Reads a table section into labels and cells.
pub(crate) fn scan<'a>(lines: &[Line<'a>], table: Table, region: Region) -> Scan<'a> {
    let items = items(lines, table, region);
    let mut occurrences: Vec<Occurrence<'a>> = Vec::new();
    let mut orphans = 0;
    let mut buf = String::new();
    let mut value_lines: Vec<usize> = Vec::new();
    for item in &items {
        match *item {
            Item::Text { text, line, piped } => {
                let found = match_label(table, text, &mut buf);
                occurrences.push(Occurrence {
                    row: found.map(|(e, ..)| e.row),
                    label: found.map_or(text, |(_, printed, _)| printed),
                    variant: found.and_then(|(e, _, exact)| (!exact).then_some(e.label)),
                    edition: found.and_then(|(e, ..)| e.edition),
                    line,
                    piped,
                    cells: Vec::new(),
                });
            }
            Item::Cell(cell) => {
                if (!cell.is_empty() || cell.data) && value_lines.last() != Some(&cell.line) {
                    value_lines.push(cell.line);
                }
                match occurrences.last_mut() {
                    Some(o) => o.cells.push(cell),
                    None if !cell.is_empty() => orphans += 1,
                    None => {}
                }
            }
        }
    }
    let sequence = items
        .iter()
        .filter_map(|i| match i {
            Item::Cell(c) if value_lines.binary_search(&c.line).is_ok() => Some(*c),
            _ => None,
        })
        .collect();
    let mut header = String::new();
    for o in occurrences
        .iter()
        .filter(|o| o.row.is_none() && o.values() == 0)
    {
        normalize_into(o.label, &mut header);
    }
    let unread = unread_runs(table, &occurrences);
    Scan {
        table,
        region,
        occurrences,
        orphans,
        sequence,
        header,
        unread,
        piped: lines
            .get(region.start..region.end)
            .is_some_and(|b| b.iter().any(|l| l.text.contains('|'))),
    }
}

impl Scan<'_> {
    /// How many rows of its table the section prints with a value.
    pub(crate) fn row_count(&self) -> usize {
        self.occurrences
            .iter()
            .filter(|o| o.row.is_some() && o.values() > 0)
            .count()
    }

    /// The edition whose layout the table prints, when its structure shows it: 表二's
    /// rows, columns and （九） block; 表三's （六）其他处理 (one row or three); the number of
    /// cells printed. 表四 is the same in both editions.
    pub(crate) fn layout(&self) -> Option<Edition> {
        let mut score = [0usize; 2];
        let mut add = |e: Edition, n: usize| {
            if let Some(s) = score.get_mut(usize::from(e == Edition::E2021)) {
                *s += n;
            }
        };
        for o in self.occurrences.iter().filter(|o| o.values() > 0) {
            let Some(row) = o.row else { continue };
            if let Some(e) = o.edition {
                add(e, 2);
            }
            if let RowRef::Proactive(r) = row {
                let n = o.filled_len();
                for e in Edition::ALL {
                    let others = Edition::ALL.into_iter().filter(|&x| x != e);
                    let fits = r.columns(e).len() == n;
                    if fits && others.clone().all(|x| r.columns(x).len() != n) {
                        add(e, 1);
                    }
                }
            }
        }
        if self.table == Table::Proactive {
            for e in Edition::ALL {
                for label in exclusive_columns(e) {
                    if self.header.contains(label.as_str()) {
                        add(e, 1);
                    }
                }
            }
            let mut nine = String::new();
            normalize_into(Article20Item::Nine.caption(), &mut nine);
            if self.header.contains(nine.as_str()) {
                add(Edition::E2019, 1);
            }
        }
        if self.table != Table::Appeals {
            let n = self.sequence.iter().filter(|c| !c.is_empty()).count();
            for e in Edition::ALL {
                let others = Edition::ALL.into_iter().filter(|&x| x != e);
                if n == self.table.cell_count(e)
                    && others.clone().all(|x| self.table.cell_count(x) != n)
                {
                    add(e, 1);
                }
            }
        }
        let [a, b] = score;
        match a.cmp(&b) {
            std::cmp::Ordering::Greater => Some(Edition::E2019),
            std::cmp::Ordering::Less => Some(Edition::E2021),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// Notes on the text of the section that is not read as part of the table (which the
    /// model does not keep): one note per run of consecutive such lines, at its first
    /// line, with how many lines it spans and the start of its first line's text.
    pub(crate) fn unread_notes(&self, notes: &mut Vec<Note>) {
        for &(first, lines, text) in &self.unread {
            notes.push(note(
                NoteKind::TextNotKept {
                    lines,
                    text: text_start(text),
                },
                self.region.section,
                None,
                None,
                first,
            ));
        }
    }
}

/// How many characters of a line not read a [`NoteKind::TextNotKept`] note quotes.
const QUOTED_CHARS: usize = 60;

/// The start of a text, for a note: at most [`QUOTED_CHARS`] characters.
pub(crate) fn text_start(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(QUOTED_CHARS)
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or("").to_owned()
}

/// 表二's column labels of one edition that the other edition does not print (nor
/// contain in a longer label), normalised.
fn exclusive_columns(edition: Edition) -> Vec<String> {
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

/// One cell read: where it goes, its 1-based position in printed order, its text and line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'a> {
    pub(crate) cell: CellRef,
    pub(crate) index: usize,
    pub(crate) text: &'a str,
    pub(crate) line: usize,
}

/// A table read in one layout: its cells, and the notes on how they were read.
#[derive(Debug, Clone, Default)]
pub(crate) struct Reading<'a> {
    pub(crate) cells: Vec<Placed<'a>>,
    pub(crate) notes: Vec<Note>,
}

pub(crate) const fn note(
    kind: NoteKind,
    section: Section,
    row: Option<RowRef>,
    cell: Option<usize>,
    line: usize,
) -> Note {
    Note {
        kind,
        at: Location {
            section,
            row,
            cell,
            line: line + 1,
        },
    }
}

pub(crate) fn row_of(cell: CellRef) -> RowRef {
    match cell {
        CellRef::Proactive(r, _) => RowRef::Proactive(r),
        CellRef::Requests(r, _) => RowRef::Requests(r),
        CellRef::Appeals(g, _) => RowRef::Appeals(g),
    }
}

/// The rows of a layout: each row with the range of its cells in printed order.
fn rows(table: Table, layout: Edition) -> (Vec<CellRef>, Vec<(RowRef, usize, usize)>) {
    let layout = Layout::of(table, layout);
    let rows = layout
        .rows()
        .iter()
        .map(|r| (r.row(), r.start(), r.range().end))
        .collect();
    (layout.cells().to_vec(), rows)
}

/// How row-by-row reading went.
struct RowWise<'s, 'a> {
    /// For each row of the layout, its occurrence.
    found: Vec<Option<&'s Occurrence<'a>>>,
    /// Every row found once, in order; no row with more values than cells; no value
    /// before the first label; no row label without cells but at the end of the text.
    acceptable: bool,
    /// Acceptable, every row found with all its cells, and nothing else.
    perfect: bool,
}

fn row_wise<'s, 'a>(scan: &'s Scan<'a>, layout_rows: &[(RowRef, usize, usize)]) -> RowWise<'s, 'a> {
    let mut found: Vec<Option<&Occurrence<'a>>> = vec![None; layout_rows.len()];
    let mut acceptable = scan.orphans == 0;
    let mut perfect = acceptable;
    let mut last: Option<usize> = None;
    let count = scan.occurrences.len();
    for (k, o) in scan.occurrences.iter().enumerate() {
        let Some(row) = o.row else {
            if o.values() > 0 {
                perfect = false;
            }
            continue;
        };
        let Some(i) = layout_rows.iter().position(|r| r.0 == row) else {
            if o.values() > 0 {
                perfect = false;
                acceptable = false;
            }
            continue;
        };
        let columns = layout_rows.get(i).map_or(0, |r| r.2 - r.1);
        if o.cells.is_empty() {
            // A label alone is a wrapped PDF label, unless the text ends with it, or
            // it is 表三's （六）其他处理 heading its three sub-rows, or a 表四 header.
            let at_end = k + 1 == count && scan.region.ends_text;
            let group_heading =
                row == RowRef::Requests(RequestRow::OtherHandling) || scan.table == Table::Appeals;
            if o.piped && !group_heading {
                // `行政许可 |`: a pipe row printing no cell, all blank.
                perfect = false;
                if last.is_some_and(|l| l >= i) {
                    acceptable = false;
                }
                if let Some(slot) = found.get_mut(i) {
                    *slot = Some(o);
                }
                last = Some(i);
                continue;
            }
            if !(at_end || group_heading) {
                acceptable = false;
            }
            perfect = false;
            continue;
        }
        if o.filled_len() > columns || last.is_some_and(|l| l >= i) {
            acceptable = false;
        }
        if o.cells.len() < columns || o.variant.is_some() {
            perfect = false;
        }
        if let Some(slot) = found.get_mut(i) {
            *slot = Some(o);
        }
        last = Some(i);
    }
    if found.iter().any(Option::is_none) || !found.iter().any(Option::is_some) {
        perfect = false;
    }
    if !found.iter().any(Option::is_some) {
        acceptable = false;
    }
    RowWise {
        found,
        acceptable,
        perfect: perfect && acceptable,
    }
}

/// Reads a table section in a layout: row by row when every row's cells follow its
/// label, else as one sequence in printed order; a table whose cells cannot be placed is
/// reported unreadable and read as nothing.
pub(crate) fn read<'a>(lines: &[Line<'a>], scan: &Scan<'a>, layout: Edition) -> Reading<'a> {
    let table = scan.table;
    let (cells, layout_rows) = rows(table, layout);
    let expected = cells.len();
    let rw = row_wise(scan, &layout_rows);
    let values = scan.sequence.iter().filter(|c| !c.is_empty()).count();
    let mut reading = Reading::default();
    if table == Table::Proactive {
        column_variants(scan, layout, &mut reading.notes);
    }
    let whole: Option<Vec<Cell<'a>>> = if scan.sequence.len() == expected {
        Some(scan.sequence.clone())
    } else if values == expected {
        Some(
            scan.sequence
                .iter()
                .filter(|c| !c.is_empty())
                .copied()
                .collect(),
        )
    } else {
        None
    };
    // In printed order when the count is right and no label printed beside its values
    // says they belong to another row (a row dropped and a local row added, say).
    // Pipe rows mark every cell and label: read row by row whenever that works.
    let whole =
        whole.filter(|seq| !rw.acceptable || (!scan.piped && consistent(scan, &layout_rows, seq)));
    if rw.perfect {
        by_rows(scan, &cells, &layout_rows, &rw, &mut reading, lines);
    } else if let Some(seq) = whole {
        in_sequence(scan, &cells, &layout_rows, &seq, &mut reading);
    } else if rw.acceptable {
        by_rows(scan, &cells, &layout_rows, &rw, &mut reading, lines);
    } else if scan.region.ends_text && values < expected {
        let seq: Vec<Cell<'a>> = scan
            .sequence
            .iter()
            .filter(|c| !c.is_empty())
            .copied()
            .collect();
        in_sequence(scan, &cells, &layout_rows, &seq, &mut reading);
        let read = seq.len();
        let cell = cells.get(read).copied();
        reading.notes.push(note(
            NoteKind::TextEndsInTable {
                table,
                read,
                expected,
            },
            scan.region.section,
            cell.map(row_of),
            Some(read + 1),
            last_line(lines, scan.region),
        ));
    } else {
        let first = scan.sequence.first().map_or(scan.region.start, |c| c.line);
        reading.notes.push(note(
            NoteKind::TableUnreadable {
                table,
                edition: layout,
                expected,
                found: values,
                printed: scan
                    .sequence
                    .iter()
                    .filter(|c| !c.is_empty())
                    .map(|c| c.text.to_owned())
                    .collect(),
            },
            scan.region.section,
            None,
            None,
            first,
        ));
    }
    reading
}

/// Notes 表二 column headers printed with an annotation after the format's label
/// (`现行有效件数 (历史累计)`).
fn column_variants(scan: &Scan<'_>, layout: Edition, notes: &mut Vec<Note>) {
    let mut buf = String::new();
    for o in scan.occurrences.iter().filter(|o| o.row.is_none()) {
        buf.clear();
        normalize_into(o.label, &mut buf);
        if let Some(c) = annotated_column(layout, &buf) {
            notes.push(note(
                NoteKind::LabelVariant {
                    printed: o.label.to_owned(),
                    standard: c.label(layout),
                },
                scan.region.section,
                None,
                None,
                o.line,
            ));
        }
    }
}

/// The index of the region's last line that is not blank.
fn last_line(lines: &[Line<'_>], region: Region) -> usize {
    (region.start..region.end)
        .rev()
        .find(|&i| lines.get(i).is_some_and(|l| !l.is_blank()))
        .unwrap_or(region.start.min(region.end.saturating_sub(1)))
}

/// The occurrence whose first cell is `cell` (the same printed text, not an equal one).
fn labelled<'s, 'a>(scan: &'s Scan<'a>, cell: &Cell<'a>) -> Option<&'s Occurrence<'a>> {
    scan.occurrences.iter().rev().find(|o| {
        o.line == cell.line
            && o.cells
                .first()
                .is_some_and(|c| std::ptr::eq(c.text, cell.text))
    })
}

/// Whether every row label printed on the line of a value read in sequence is the label
/// of the row that value starts.
fn consistent(scan: &Scan<'_>, layout_rows: &[(RowRef, usize, usize)], seq: &[Cell<'_>]) -> bool {
    seq.iter().enumerate().all(|(i, c)| {
        let Some(row) = labelled(scan, c).and_then(|o| o.row) else {
            return true;
        };
        layout_rows
            .iter()
            .any(|&(r, from, _)| r == row && from == i)
    })
}

fn in_sequence<'a>(
    scan: &Scan<'a>,
    cells: &[CellRef],
    layout_rows: &[(RowRef, usize, usize)],
    seq: &[Cell<'a>],
    reading: &mut Reading<'a>,
) {
    for (i, (&cell, c)) in cells.iter().zip(seq).enumerate() {
        reading.cells.push(Placed {
            cell,
            index: i + 1,
            text: c.text,
            line: c.line,
        });
    }
    // A label printed on the same line as its row's first value can be checked.
    for &(row, from, _) in layout_rows {
        let Some(first) = seq.get(from) else { break };
        if let Some(o) = labelled(scan, first) {
            if let (Some(r), Some(standard)) = (o.row, o.variant) {
                if r == row {
                    reading.notes.push(note(
                        NoteKind::LabelVariant {
                            printed: o.label.to_owned(),
                            standard,
                        },
                        scan.region.section,
                        Some(row),
                        None,
                        o.line,
                    ));
                }
            }
        }
    }
}

fn by_rows<'a>(
    scan: &Scan<'a>,
    cells: &[CellRef],
    layout_rows: &[(RowRef, usize, usize)],
    rw: &RowWise<'_, 'a>,
    reading: &mut Reading<'a>,
    lines: &[Line<'a>],
) {
    let section = scan.region.section;
    let first_found = rw.found.iter().position(Option::is_some).unwrap_or(0);
    let last_found = rw.found.iter().rposition(Option::is_some).unwrap_or(0);
    let mut read_to = 0;
    for (k, (&(row, from, to), found)) in layout_rows.iter().zip(&rw.found).enumerate() {
        let columns = to - from;
        let Some(o) = found else {
            let before = k < first_found && scan.region.starts_text;
            let after = k > last_found && scan.region.ends_text;
            if !(before || after) {
                reading.notes.push(note(
                    NoteKind::RowMissing,
                    section,
                    Some(row),
                    Some(from + 1),
                    scan.region.start,
                ));
            }
            continue;
        };
        if k == first_found && k > 0 && scan.region.starts_text {
            reading.notes.push(note(
                NoteKind::TextStartsInTable { table: scan.table },
                section,
                Some(row),
                Some(from + 1),
                o.line,
            ));
        }
        if let Some(standard) = o.variant {
            reading.notes.push(note(
                NoteKind::LabelVariant {
                    printed: o.label.to_owned(),
                    standard,
                },
                section,
                Some(row),
                None,
                o.line,
            ));
        }
        let printed = o.cells.len().min(columns);
        for (j, c) in o.cells.iter().take(columns).enumerate() {
            if let Some(&cell) = cells.get(from + j) {
                reading.cells.push(Placed {
                    cell,
                    index: from + j + 1,
                    text: c.text,
                    line: c.line,
                });
            }
        }
        read_to = from + printed;
        let truncated = k == last_found && scan.region.ends_text;
        if let Some(kind) = row_shape(o, columns, truncated) {
            let cell = matches!(kind, NoteKind::ShortRow { .. }).then_some(from + printed + 1);
            reading
                .notes
                .push(note(kind, section, Some(row), cell, o.line));
        }
    }
    if scan.region.ends_text && read_to < cells.len() {
        let cell = cells.get(read_to).copied();
        reading.notes.push(note(
            NoteKind::TextEndsInTable {
                table: scan.table,
                read: read_to,
                expected: cells.len(),
            },
            section,
            cell.map(row_of),
            Some(read_to + 1),
            last_line(lines, scan.region),
        ));
    }
    for o in scan.occurrences.iter().filter(|o| o.values() > 0) {
        let foreign = o
            .row
            .is_some_and(|r| !layout_rows.iter().any(|(lr, ..)| *lr == r));
        if o.row.is_none() || foreign {
            reading.notes.push(note(
                NoteKind::ExtraRow {
                    label: o.label.to_owned(),
                    cells: o.cells.iter().map(|c| c.text.to_owned()).collect(),
                },
                section,
                o.row,
                None,
                o.line,
            ));
        }
    }
}

/// A note on a row that prints fewer cells than it has (unless the text ends in it), or
/// that prints its blank cells together at its end, in a line of nothing but pipes.
fn row_shape(o: &Occurrence<'_>, columns: usize, truncated: bool) -> Option<NoteKind> {
    let printed = o.cells.len().min(columns);
    if printed < columns {
        return (!truncated).then_some(NoteKind::ShortRow {
            found: printed,
            expected: columns,
        });
    }
    let taken = o.cells.get(..columns).unwrap_or(&[]);
    let pushed = taken
        .iter()
        .position(|c| c.run)
        .is_some_and(|p| p > 0 && taken.get(p..).is_some_and(|t| t.iter().all(Cell::is_empty)));
    pushed.then_some(NoteKind::BlanksAtRowEnd {
        values: o.values(),
        columns,
    })
}

/// Whether a cell's text is a sign printed in place of a number.
pub(crate) fn is_sign(text: &str) -> bool {
    !text.is_empty() && is_blank_token(text.trim_matches(is_space))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    fn table_text(table: Table, label: &str) -> bool {
        is_table_text(table, label, &mut String::new())
    }

    #[test]
    fn text_of_the_table_as_printed() {
        for (table, label) in [
            (Table::Proactive, "第二十条第（一）项"),
            (
                Table::Proactive,
                "信息内容 本年制发件数 本年废止件数 现行有效件数",
            ),
            (Table::Proactive, "现行有效件数 (历史累计)"),
            (Table::Proactive, "本年收费金额（单位：万元）"),
            (Table::Requests, "申 请 人 情 况"),
            (Table::Requests, "商业企 科研机 社会公益 法律服务"),
            (
                Table::Requests,
                "（本列数据的勾稽关系为：第一项加第二项之和， 法人或其他组织",
            ),
            (Table::Requests, "形，不计其他情形）"),
            (Table::Requests, "本"),
            (Table::Appeals, "结 果 结果 其他 尚未 结果 结果 其他 尚未审"),
            (Table::Appeals, "未经复议直接起诉 复议后起诉"),
        ] {
            assert!(table_text(table, label), "{table:?} {label}");
        }
        for (table, label) in [
            (Table::Requests, "（（（（"),
            (
                Table::Requests,
                "2022年,区政府办公室共收到8份政府信息公开申请。",
            ),
            (Table::Requests, "http://180.76.149.248:88/book/page9.html"),
            (Table::Appeals, "申请人情况 备注"),
            (Table::Proactive, "（一）予以公开"),
        ] {
            assert!(!table_text(table, label), "{table:?} {label}");
        }
    }

    fn unread(text: &str) -> Vec<(usize, usize, String)> {
        let lines = split_lines(text);
        let region = Region {
            section: Section::Requests,
            start: 0,
            end: lines.len(),
            starts_text: false,
            ends_text: false,
        };
        let s = scan(&lines, Table::Requests, region);
        s.unread
            .iter()
            .map(|&(first, n, text)| (first, n, text_start(text)))
            .collect()
    }

    #[test]
    fn runs_of_lines_not_read() {
        // Prose, a remark, a label printed again without values: one note per run, blank
        // lines and lines read as part of the table aside.
        let text = "申请人情况\n注：本表\n\n单位：件\n（一）予以公开 1 0 0 0 0 0 1\n（一）予以公开\n（一）予以公开\n自然人\n全年无申请。\n";
        assert_eq!(
            unread(text),
            [
                (1, 2, "注：本表".to_owned()),
                (5, 2, "（一）予以公开".to_owned()),
                (8, 1, "全年无申请。".to_owned())
            ]
        );
        // A row's label printed before the line that prints its values is read from there.
        assert_eq!(
            unread("（一）予以公开\n（一）予以公开 1 0 0 0 0 0 1\n"),
            [(0, 1, "（一）予以公开".to_owned())]
        );
        // A long line is quoted by its first 60 characters.
        let long = unread(&"（".repeat(1000));
        assert_eq!(long, [(0, 1, "（".repeat(60))]);
    }
}
