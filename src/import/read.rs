//! Tables 二, 三 and 四 read from page text: every number placed in its own cell on
//! evidence, or in none.
//!
//! A table section is first cut into *printed rows* ([`Group`]s): the cells a row prints
//! with the label printed on it, when there is one. How a row is printed depends on the
//! form of the text: a line of its own (PDF text layers, pipe tables, a crawler's text cut
//! at each label), or one cell per line after its label (a browser's copy of a web page,
//! `pdftotext` in its default mode). Then each number goes into a cell only on one of
//! these kinds of evidence:
//!
//! 1. **Its row's label is printed on its row, and the row prints all its cells** (empty
//!    cells printed in their places count: an empty pipe cell, an empty line in a copy of
//!    one cell per line). A row printing fewer cells, or its empty cells together apart
//!    from their places, shows no columns: it is left blank with a note.
//! 2. **The rows printed apart from their labels fit exactly between labelled rows.** When
//!    rows whose labels are printed elsewhere (a PDF text layer prints a wrapped label
//!    above and below its values; a converter pulls labels out of a Markdown table) lie
//!    between two rows placed by their labels, and there are exactly as many of them, each
//!    printing exactly its cells, as the layout has rows there, they are those rows, in
//!    printed order. The table's own identities (row totals, （七）总计, 一 + 二 = （七） +
//!    四, the 表四 totals) must then hold wherever they read such a row: if one fails, the
//!    rows are left blank with a note rather than trusted.
//! 3. **A run of digits with its cells run together** (a crawler's text with all spacing
//!    gone: `640020470` for seven cells) is split only where exactly one split of the whole
//!    table, over every way to cut each run, makes every printed identity hold; see
//!    [`digits`](super::digits).
//!
//! A count of numbers that happens to equal a table's size is not evidence, and neither is
//! their order alone. Text printed in the section that is no label and no word of the
//! table (a 单位 line, a 注, prose before or after the table) is kept as a remark where it
//! was printed; a row with a label the format does not have is kept as an extra row; text
//! printed in a cell after its number (`22（其中修订 16 件）`) is kept as the cell's remark.

use crate::cell::{CellRef, Table};
use crate::edition::Edition;
use crate::extras::{ExtraRow, Place, Remark};
use crate::import::digits;
use crate::import::labels::{
    Entry, annotated_column, exclusive_columns, is_table_text, match_label,
};
use crate::import::lines::{Line, is_space, is_value, normalize_into};
use crate::import::notes::{Location, Note, NoteKind};
use crate::layout::{Layout, RowRef};
use crate::section::Section;
use crate::text::is_blank_token;

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

/// One cell read: where it goes, its 1-based position in printed order, its text and line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'a> {
    pub(crate) cell: CellRef,
    pub(crate) index: usize,
    pub(crate) text: &'a str,
    pub(crate) line: usize,
}

/// A note at a place of the text (`line` is a line index).
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
            column: None,
        },
    }
}

/// How many characters of a text a note quotes.
const QUOTED_CHARS: usize = 60;

/// The start of a text, for a note: at most [`QUOTED_CHARS`] characters.
pub(crate) fn text_start(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(QUOTED_CHARS)
        .map_or(text.len(), |(i, _)| i);
    text.get(..end).unwrap_or("").to_owned()
}

/// Whether a cell's text is a sign printed in place of a number.
pub(crate) fn is_sign(text: &str) -> bool {
    !text.is_empty() && is_blank_token(text.trim_matches(is_space))
}

// ---------------------------------------------------------------------------------------
// Printed cells, rows and texts

/// One printed cell: its text (empty for an empty cell), the remark printed after its
/// number, its line; `run` marks cells of a digit run whose cells are run together.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PCell<'a> {
    pub(crate) text: &'a str,
    pub(crate) remark: Option<&'a str>,
    pub(crate) line: usize,
}

impl PCell<'_> {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

/// A label printed in a table section and the row of the format it names.
#[derive(Debug, Clone, Copy)]
struct RowLabel<'a> {
    entry: &'static Entry,
    printed: &'a str,
    exact: bool,
}

/// What the text printed with a row of cells says about it.
#[derive(Debug, Clone, Copy)]
enum Head<'a> {
    /// Nothing, or only words of the table (a header, a group label).
    None,
    /// The label of a row of the format.
    Row(RowLabel<'a>),
    /// Text that is no label of the format: a row the body added.
    Unknown(&'a str),
}

/// A printed row: its cells with what is printed before them on its row.
#[derive(Debug, Clone)]
struct Group<'a> {
    head: Head<'a>,
    cells: Vec<PCell<'a>>,
    /// Empty cells printed together apart from their places (a line of pipes).
    pushed: usize,
    /// Whether the row prints its cells as runs of digits run together.
    runs: bool,
    line: usize,
}

impl Group<'_> {
    fn values(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// A line (or run of lines) of a table section that prints no cell.
#[derive(Debug, Clone, Copy)]
struct TextPiece<'a> {
    text: &'a str,
    line: usize,
    /// A row label, a word of the table, or neither (prose, a remark).
    kind: TextKind<'a>,
}

#[derive(Debug, Clone, Copy)]
enum TextKind<'a> {
    Row(RowLabel<'a>),
    Table,
    Other,
}

#[derive(Debug, Clone)]
enum Piece<'a> {
    Group(Group<'a>),
    Text(TextPiece<'a>),
}

/// A token of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Text(&'a str),
    Value(&'a str, Option<&'a str>),
    /// Digits whose cells are run together (a crawler's text).
    Run(&'a str),
    Empty,
    /// Empty cells printed together (a line of nothing but pipes).
    Pushed(usize),
}

/// How the printed rows of a section are laid out in lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// Each printed row on a line of its own.
    Lines,
    /// One cell per line after its row's label. `blank_cells`: an empty line stands for
    /// an empty cell (`Some(false)`), or the lines are double spaced and three empty lines
    /// do (`Some(true)`), or empty lines are only spacing (`None`).
    Cells { blank_cells: Option<bool> },
}

/// Words that follow a number in prose, never a cell of a table: `2020 年`, `3 件`.
const MEASURE_WORDS: [char; 18] = [
    '年', '月', '日', '号', '件', '条', '个', '项', '人', '次', '份', '家', '%', '％', '余', '多',
    '期', '篇',
];

const OPENING: [char; 5] = ['（', '(', '【', '[', '〔'];
const CLOSING: [char; 5] = ['）', ')', '】', ']', '〕'];

/// A value printed with a remark after it in the same cell: `22（其中修订 16 件）`.
fn value_with_remark(word: &str) -> Option<(&str, &str)> {
    let at = word.find(OPENING)?;
    let (value, remark) = word.split_at(at);
    let value = value.trim_end_matches(is_space);
    (!value.is_empty() && is_value(value) && remark.ends_with(CLOSING)).then_some((value, remark))
}

/// A word of a cell: a value (with its remark), or text.
fn cell_token(word: &str) -> Tok<'_> {
    let w = word.trim_matches(is_space);
    if w.is_empty() {
        return Tok::Empty;
    }
    if is_value(w) {
        return Tok::Value(w, None);
    }
    match value_with_remark(w) {
        Some((value, remark)) => Tok::Value(value, Some(remark)),
        None => Tok::Text(w),
    }
}

/// The words of a line without pipes: split at white space, but not inside brackets (a
/// remark after a number), and a unit printed after a number with a space is the
/// number's (`2945.15 万元`).
fn words<'a>(text: &'a str) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    let mut start: Option<usize> = None;
    let mut depth = 0usize;
    let push = |out: &mut Vec<&'a str>, s: usize, e: usize| {
        let word = text.get(s..e).unwrap_or("");
        // A unit alone after a number belongs to it.
        if matches!(word, "元" | "万元" | "万") {
            if let Some(last) = out.last_mut() {
                let from = last.as_ptr() as usize - text.as_ptr() as usize;
                let joined = text.get(from..e).unwrap_or("");
                if is_value(last) && is_value(joined) {
                    *last = joined;
                    return;
                }
            }
        }
        out.push(word);
    };
    for (i, c) in text.char_indices() {
        if !c.is_ascii() || matches!(c, '(' | ')' | '[' | ']') {
            if OPENING.contains(&c) {
                depth += 1;
            } else if CLOSING.contains(&c) {
                depth = depth.saturating_sub(1);
            }
        }
        if is_space(c) && depth == 0 {
            if let Some(s) = start.take() {
                push(&mut out, s, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        push(&mut out, s, text.len());
    }
    out
}

/// Whether a character is part of a run of digits a crawler glued to text.
fn is_ascii_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// A word where text and a number are glued (`规章000`, `数量640020470`,
/// `行政事业性收费24252.311082`, `采购13575394432.52元`): the text before the number and the
/// number (digits whose cells may be run together, then a fraction and a unit), when the
/// word ends in such a number after text that is not ASCII (a label's `1.` numbering is
/// not glued to a value).
fn glued(word: &str) -> Option<(&str, &str)> {
    let bare = word
        .strip_suffix("万元")
        .or_else(|| word.strip_suffix('元'))
        .or_else(|| word.strip_suffix('万'))
        .unwrap_or(word);
    let trailing = |s: &str| s.len() - s.trim_end_matches(is_ascii_digit).len();
    let mut start = bare.len() - trailing(bare);
    if start == bare.len() {
        return None;
    }
    // A fraction: digits, a point, digits.
    if let Some(head) = bare.get(..start).and_then(|h| h.strip_suffix('.')) {
        let int = trailing(head);
        if int > 0 {
            start = head.len() - int;
        }
    }
    let (text, number) = word.split_at(start);
    let last = text.chars().next_back()?;
    (!last.is_ascii()).then_some((text, number))
}

/// A word that starts with digits glued to text after them (`5（三）不予公开`): the digits
/// and the text.
fn leading_digits(word: &str) -> Option<(&str, &str)> {
    let digits = word.len() - word.trim_start_matches(is_ascii_digit).len();
    let (number, rest) = word.split_at(digits);
    (digits > 0 && rest.chars().next().is_some_and(|c| !c.is_ascii())).then_some((number, rest))
}

/// The tokens of a line.
fn line_tokens(text: &str, pipes: Option<Pipes>, run_together: bool) -> Vec<Tok<'_>> {
    let t = text.trim_matches(is_space);
    let line_text = t;
    if let Some(style) = pipes.filter(|_| t.contains('|')) {
        return pipe_tokens(t, style);
    }
    let mut out = Vec::new();
    for word in words(t) {
        if run_together {
            if let Some((text, run)) = glued(word) {
                out.push(Tok::Text(text));
                out.push(Tok::Run(run));
                continue;
            }
            if let Some((run, text)) = leading_digits(word) {
                out.push(Tok::Run(run));
                out.push(Tok::Text(text));
                continue;
            }
            if word.bytes().all(|b| b.is_ascii_digit()) && word.len() > 1 {
                out.push(Tok::Run(word));
                continue;
            }
        }
        out.push(cell_token(word));
    }
    // A number followed by a measure word is prose (`2020 年`, `3 件`), not a cell.
    for k in 1..out.len() {
        if let (Tok::Value(v, None), Tok::Text(t)) = (out[k - 1], out[k]) {
            if t.starts_with(MEASURE_WORDS) {
                let (start, end) = (offset(line_text, v), offset(line_text, t) + t.len());
                if let Some(both) = line_text.get(start..end) {
                    out[k - 1] = Tok::Text(both);
                    out[k] = Tok::Text("");
                }
            }
        }
    }
    out.retain(|t| *t != Tok::Text(""));
    // Adjacent texts are one text (a label printed with spaces in it), joined in place.
    let mut kept = 0usize;
    for k in 0..out.len() {
        let tok = out[k];
        if let (Some(&Tok::Text(a)), Tok::Text(b)) =
            (kept.checked_sub(1).and_then(|j| out.get(j)), tok)
        {
            let (start, end) = (offset(t, a), offset(t, b) + b.len());
            if let Some(both) = t.get(start..end) {
                out[kept - 1] = Tok::Text(both);
                continue;
            }
        }
        out[kept] = tok;
        kept += 1;
    }
    out.truncate(kept);
    out
}

/// The byte offset of a slice of `whole` in it.
fn offset(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Whether a line is a Markdown table's rule line (`|---|:--:|`): only dashes, colons
/// and pipes, with a run of three dashes or two fields of dashes (`- |` alone is a cell
/// printed `-`, one per line).
fn is_rule_line(t: &str) -> bool {
    let only = t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
    let fields = t.split('|').filter(|f| f.contains('-')).count();
    only && (t.contains("---") || fields >= 2)
}

/// Whether a field between pipes prints a cell's value.
fn is_value_field(field: &str) -> bool {
    matches!(cell_token(field.trim_matches(is_space)), Tok::Value(..))
}

/// How a table section's lines use their pipes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pipes {
    /// Between cells only (`规章 | 0 | 0 | 0`, the crate's text layout): a pipe at either
    /// end of a line has an empty cell beyond it, its spaces trimmed.
    Between,
    /// Around cells too (`| 规章 | 0 |`, Markdown), or after each cell (`0 |`, a converter's
    /// one cell per line): a pipe at either end of a line is a border.
    Around,
}

/// How the lines of a section use their pipes: around cells when more lines print a pipe
/// at both ends (`| a | b |`) or after their one cell (`a |`) than print text after their
/// last pipe (`a | b`, which a border would end); between them otherwise. `None` without
/// pipes.
fn pipe_style(lines: &[Line<'_>]) -> Option<Pipes> {
    let (mut between, mut around) = (0usize, 0usize);
    for l in lines {
        let t = l.text.trim_matches(is_space);
        if !t.contains('|') || is_rule_line(t) || t.chars().all(|c| c == '|' || is_space(c)) {
            continue;
        }
        let (starts, ends) = (t.starts_with('|'), t.ends_with('|'));
        if ends && (starts || t.matches('|').count() == 1) {
            // `| a | b |`, or `a |` (one cell per line).
            around += 1;
        } else if !ends {
            // `a | b`, `| a | b`.
            between += 1;
        }
    }
    match (between, around) {
        (0, 0) => lines
            .iter()
            .any(|l| l.text.contains('|'))
            .then_some(Pipes::Around),
        (b, a) if a > b => Some(Pipes::Around),
        _ => Some(Pipes::Between),
    }
}

/// The tokens of a line with pipes: `label | 1 | 2 |` (a row), `| 1 | 2 |` (Markdown),
/// `0 |` or `|` (one cell of a row printed one cell per line), `||||` (empty cells printed
/// together apart from their places).
fn pipe_tokens(t: &str, style: Pipes) -> Vec<Tok<'_>> {
    if is_rule_line(t) {
        return Vec::new();
    }
    let mut fields: Vec<&str> = t.split('|').collect();
    let only_pipes = fields.iter().all(|f| f.trim_matches(is_space).is_empty());
    if only_pipes {
        let pipes = fields.len() - 1;
        return if pipes <= 1 {
            vec![Tok::Empty]
        } else {
            vec![Tok::Pushed(pipes)]
        };
    }
    // The field after a closing pipe, and before an opening one, is no cell.
    if style == Pipes::Around {
        if t.ends_with('|') {
            fields.pop();
        }
        if t.starts_with('|') && fields.len() > 1 {
            fields.remove(0);
        }
    } else if t.starts_with('|') && !fields.iter().any(|f| is_value_field(f)) {
        // A header line indented under a spanning header: no empty cell before it.
        fields.remove(0);
    }
    fields.into_iter().map(cell_token).collect()
}

/// For a section printed one cell per line: how its empty lines read (see [`Form`]).
/// Double spaced when one empty line is the usual gap before a cell (between two cells,
/// or between a label and its first cell): then three empty lines stand for an empty
/// cell. Otherwise an empty line between two cells stands for an empty cell.
fn spacing(lines: &[(usize, Vec<Tok<'_>>, bool)]) -> Option<bool> {
    // Gaps before a line of one cell: [after a cell, after a text] × [total, one blank].
    let mut gaps = [[0usize; 2]; 2];
    let mut blanks = 0usize;
    let mut previous: Option<bool> = None;
    for (_, toks, blank) in lines {
        if *blank {
            blanks += 1;
            continue;
        }
        if toks.is_empty() {
            continue;
        }
        let cell = matches!(toks.as_slice(), [Tok::Value(..) | Tok::Empty | Tok::Run(_)]);
        let text = toks.iter().all(|t| matches!(t, Tok::Text(_)));
        if cell {
            if let Some(after_cell) = previous {
                let g = &mut gaps[usize::from(!after_cell)];
                g[0] += 1;
                g[1] += usize::from(blanks == 1);
            }
        }
        previous = if cell {
            Some(true)
        } else if text {
            Some(false)
        } else {
            None
        };
        blanks = 0;
    }
    let [cells, texts] = gaps;
    if cells[0] + texts[0] == 0 {
        return None;
    }
    let double = cells[1] * 2 >= cells[0].max(1) || (texts[0] >= 2 && texts[1] * 2 >= texts[0]);
    Some(double)
}

/// Which form the printed rows of a section take: one cell per line when most lines that
/// print a cell print one cell and nothing else.
fn form(lines: &[(usize, Vec<Tok<'_>>, bool)]) -> Form {
    let mut alone = 0usize;
    let mut rows = 0usize;
    for (_, toks, _) in lines {
        let cells = toks
            .iter()
            .filter(|t| matches!(t, Tok::Value(..) | Tok::Empty | Tok::Run(_)))
            .count();
        let texts = toks.iter().filter(|t| matches!(t, Tok::Text(_))).count();
        match (cells, texts) {
            (0, _) => {}
            (1, 0) => alone += 1,
            _ => rows += 1,
        }
    }
    if alone > rows {
        Form::Cells {
            blank_cells: spacing(lines),
        }
    } else {
        Form::Lines
    }
}

/// What a text printed in a table section is.
fn text_kind<'a>(table: Table, text: &'a str, buf: &mut String) -> TextKind<'a> {
    if let Some((entry, printed, exact)) = match_label(table, text, buf) {
        return TextKind::Row(RowLabel {
            entry,
            printed,
            exact,
        });
    }
    if is_table_text(table, text, buf) {
        TextKind::Table
    } else {
        TextKind::Other
    }
}

fn head_of<'a>(kind: TextKind<'a>, text: &'a str) -> Head<'a> {
    match kind {
        TextKind::Row(label) => Head::Row(label),
        TextKind::Table => Head::None,
        TextKind::Other => Head::Unknown(text),
    }
}

/// Whether the section's text has its cells run together with its labels (a crawler's
/// text with all spacing gone): labels glued to runs of digits on two lines or more.
fn is_run_together(lines: &[Line<'_>]) -> bool {
    lines
        .iter()
        .filter(|l| {
            words(l.text)
                .iter()
                .any(|w| glued(w).is_some_and(|(_, r)| r.len() > 1))
        })
        .take(2)
        .count()
        >= 2
}

/// Cuts a table section into printed rows and texts, in printed order.
#[allow(
    clippy::too_many_lines,
    reason = "one pass over the lines, form by form"
)]
fn pieces<'a>(lines: &[Line<'a>], table: Table, region: Region) -> (Vec<Piece<'a>>, Form) {
    let body = lines.get(region.start..region.end).unwrap_or(&[]);
    let pipes = pipe_style(body);
    // Lines cut from one long line of a text with the spacing gone, or glued labels and
    // numbers on several lines.
    let cut = lines
        .get(region.start.saturating_sub(1)..region.end)
        .is_some_and(|b| b.windows(2).any(|w| w[0].number == w[1].number));
    let run_together = pipes.is_none() && (cut || is_run_together(body));
    let tokenized: Vec<(usize, Vec<Tok<'a>>, bool)> = body
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.is_footer())
        .map(|(k, l)| {
            let blank = l.is_blank();
            let toks = if blank {
                Vec::new()
            } else {
                line_tokens(l.text, pipes, run_together)
            };
            (region.start + k, toks, blank)
        })
        .collect();
    let form = if run_together {
        Form::Lines
    } else {
        form(&tokenized)
    };
    // In a copy of one cell per line, each row may start with an empty cell printed
    // before its label (a hidden first column): such cells are not the previous row's.
    let leading_empty = matches!(form, Form::Cells { .. }) && leading_empties(table, &tokenized);
    let mut buf = String::new();
    let mut out: Vec<Piece<'a>> = Vec::new();
    // The row being printed one cell per line.
    let mut open: Option<Group<'a>> = None;
    let mut blanks = 0usize;
    let close = |open: &mut Option<Group<'a>>, out: &mut Vec<Piece<'a>>| {
        if let Some(g) = open.take() {
            if !g.cells.is_empty() || g.pushed > 0 {
                out.push(Piece::Group(g));
            }
        }
    };
    for (index, (line, toks, blank)) in tokenized.iter().enumerate() {
        let line = *line;
        if *blank {
            blanks += 1;
            continue;
        }
        let gap = std::mem::take(&mut blanks);
        if toks.is_empty() {
            continue;
        }
        let has_cells = toks.iter().any(|t| {
            matches!(
                t,
                Tok::Value(..) | Tok::Empty | Tok::Run(_) | Tok::Pushed(_)
            )
        });
        let has_text = toks.iter().any(|t| matches!(t, Tok::Text(_)));
        match form {
            Form::Cells { blank_cells } if !has_text => {
                // One cell per line: the empty lines before it may stand for empty cells.
                let empties = match blank_cells {
                    Some(false) => gap,
                    Some(true) => gap.saturating_sub(1) / 2,
                    None => 0,
                };
                let group = open.get_or_insert_with(|| Group {
                    head: Head::None,
                    cells: Vec::new(),
                    pushed: 0,
                    runs: false,
                    line,
                });
                if !group.cells.is_empty() {
                    for _ in 0..empties {
                        group.cells.push(PCell {
                            text: "",
                            remark: None,
                            line,
                        });
                    }
                }
                // An empty cell right before a label starts that label's row.
                let before_label = leading_empty
                    && toks == &[Tok::Empty]
                    && next_is_row_label(table, &tokenized[index + 1..], &mut buf);
                if before_label {
                    continue;
                }
                push_cells(group, toks, line);
            }
            Form::Cells { .. } => {
                close(&mut open, &mut out);
                line_pieces(table, toks, line, &mut out, &mut buf);
                // A label alone opens a row whose cells follow one per line.
                if !has_cells {
                    if let Some(Piece::Text(t)) = out.last() {
                        let head = head_of(t.kind, t.text);
                        open = Some(Group {
                            head,
                            cells: Vec::new(),
                            pushed: 0,
                            runs: false,
                            line,
                        });
                    }
                }
            }
            Form::Lines => line_pieces(table, toks, line, &mut out, &mut buf),
        }
    }
    close(&mut open, &mut out);
    (out, form)
}

/// Whether the lines of a copy of one cell per line print an empty cell before (almost)
/// every row label: a hidden first column, whose cells belong to no row.
fn leading_empties(table: Table, lines: &[(usize, Vec<Tok<'_>>, bool)]) -> bool {
    let mut buf = String::new();
    let mut labels = 0usize;
    let mut after_empty = 0usize;
    let mut previous: Option<&Vec<Tok<'_>>> = None;
    for (_, toks, blank) in lines {
        if *blank {
            continue;
        }
        if let [Tok::Text(t)] = toks.as_slice() {
            if matches!(text_kind(table, t, &mut buf), TextKind::Row(_)) {
                labels += 1;
                if previous.is_some_and(|p| p.as_slice() == [Tok::Empty]) {
                    after_empty += 1;
                }
            }
        }
        previous = Some(toks);
    }
    labels >= 2 && after_empty * 5 >= labels * 4
}

/// Whether the next line that is not blank prints a row label alone.
fn next_is_row_label(table: Table, rest: &[(usize, Vec<Tok<'_>>, bool)], buf: &mut String) -> bool {
    rest.iter()
        .find(|(_, t, blank)| !blank && !t.is_empty())
        .is_some_and(|(_, toks, _)| match toks.as_slice() {
            [Tok::Text(t), ..] => matches!(text_kind(table, t, buf), TextKind::Row(_)),
            _ => false,
        })
}

fn push_cells<'a>(group: &mut Group<'a>, toks: &[Tok<'a>], line: usize) {
    for tok in toks {
        match *tok {
            Tok::Value(text, remark) => group.cells.push(PCell { text, remark, line }),
            Tok::Empty => group.cells.push(PCell {
                text: "",
                remark: None,
                line,
            }),
            Tok::Run(text) => {
                group.runs = true;
                group.cells.push(PCell {
                    text,
                    remark: None,
                    line,
                });
            }
            Tok::Pushed(n) => group.pushed += n,
            Tok::Text(_) => {}
        }
    }
}

/// The printed rows and texts of a line that prints its rows on lines of their own: each
/// text followed by cells is a row with that text as its head; a text after the last
/// cells is a text of its own.
fn line_pieces<'a>(
    table: Table,
    toks: &[Tok<'a>],
    line: usize,
    out: &mut Vec<Piece<'a>>,
    buf: &mut String,
) {
    let mut i = 0;
    while i < toks.len() {
        let text = match toks.get(i) {
            Some(Tok::Text(t)) => {
                i += 1;
                Some(*t)
            }
            _ => None,
        };
        let start = i;
        while i < toks.len() && !matches!(toks[i], Tok::Text(_)) {
            i += 1;
        }
        let cells = toks.get(start..i).unwrap_or(&[]);
        let kind = text.map(|t| text_kind(table, t, buf));
        if cells.is_empty() {
            if let (Some(text), Some(kind)) = (text, kind) {
                out.push(Piece::Text(TextPiece { text, line, kind }));
            }
            continue;
        }
        let head = match (text, kind) {
            (Some(t), Some(k)) => head_of(k, t),
            _ => Head::None,
        };
        let mut group = Group {
            head,
            cells: Vec::new(),
            pushed: 0,
            runs: false,
            line,
        };
        push_cells(&mut group, cells, line);
        out.push(Piece::Group(group));
    }
}

// ---------------------------------------------------------------------------------------
// The layout a section prints

/// The edition whose layout a table section prints, when its structure shows it: rows
/// only one layout has (printed with cells), 表二's columns and （九） block, the number of
/// cells a 表二 row prints. `None` for 表四 and when nothing shows.
fn shown_layout(table: Table, pieces: &[Piece<'_>]) -> Option<Edition> {
    if table == Table::Appeals {
        return None;
    }
    let mut score = [0usize; 2];
    let mut add = |e: Edition, n: usize| {
        score[usize::from(e == Edition::E2021)] += n;
    };
    let mut header = String::new();
    for piece in pieces {
        match piece {
            Piece::Group(g) => {
                if let Head::Row(label) = g.head {
                    if let Some(e) = label.entry.edition {
                        add(e, 2);
                    }
                    if let RowRef::Proactive(r) = label.entry.row {
                        let n = g.cells.len();
                        for e in Edition::ALL {
                            let fits = r.columns(e).len() == n;
                            let others = Edition::ALL.iter().filter(|&&x| x != e);
                            if fits && others.clone().all(|&x| r.columns(x).len() != n) {
                                add(e, 1);
                            }
                        }
                    }
                }
            }
            Piece::Text(t) => {
                if matches!(t.kind, TextKind::Table) {
                    normalize_into(t.text, &mut header);
                }
            }
        }
    }
    if table == Table::Proactive {
        for e in Edition::ALL {
            for label in exclusive_columns(e) {
                if header.contains(label.as_str()) {
                    add(e, 1);
                }
            }
            if Layout::of(table, e).edition() == e && e == Edition::E2019 {
                let mut nine = String::new();
                normalize_into(crate::cell::Article20Item::Nine.caption(), &mut nine);
                if header.contains(nine.as_str()) {
                    add(e, 1);
                }
            }
        }
        // Annotated column labels (`现行有效件数 (历史累计)`) show their edition too.
        for e in Edition::ALL {
            if annotated_column(e, &header).is_some() {
                add(e, 1);
            }
        }
    }
    match score[0].cmp(&score[1]) {
        std::cmp::Ordering::Greater => Some(Edition::E2019),
        std::cmp::Ordering::Less => Some(Edition::E2021),
        std::cmp::Ordering::Equal => None,
    }
}

// ---------------------------------------------------------------------------------------
// Placement

/// A table section read.
#[derive(Debug)]
pub(crate) struct TableRead<'a> {
    pub(crate) table: Table,
    pub(crate) region: Region,
    /// The layout the section shows, when it does.
    pub(crate) shown: Option<Edition>,
    pieces: Vec<Piece<'a>>,
    form: Form,
}

/// Reads a table section into printed rows and texts.
pub(crate) fn scan<'a>(lines: &[Line<'a>], table: Table, region: Region) -> TableRead<'a> {
    let (pieces, form) = pieces(lines, table, region);
    let shown = shown_layout(table, &pieces);
    TableRead {
        table,
        region,
        shown,
        pieces,
        form,
    }
}

/// What reading a table in a layout gives: cells placed, what the table prints beyond
/// them, notes.
#[derive(Debug, Default)]
pub(crate) struct Reading<'a> {
    pub(crate) cells: Vec<Placed<'a>>,
    pub(crate) cell_remarks: Vec<(CellRef, String)>,
    pub(crate) remarks: Vec<Remark>,
    pub(crate) rows: Vec<ExtraRow>,
    pub(crate) notes: Vec<Note>,
}

/// How a row's cells were placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// Its label is printed on its row with all its cells.
    Label,
    /// It is printed apart from its label, between rows placed by their labels.
    Order,
    /// Its cells are run together; split where the identities hold (digit runs).
    Identities,
}

/// The cells of a row placed, with their evidence.
#[derive(Debug, Clone)]
pub(crate) struct RowCells<'a> {
    pub(crate) row: usize,
    pub(crate) cells: Vec<PCell<'a>>,
    pub(crate) evidence: Evidence,
    pub(crate) line: usize,
}

impl TableRead<'_> {
    /// How many rows of the format the section prints with cells.
    pub(crate) fn row_count(&self) -> usize {
        self.pieces
            .iter()
            .filter(|p| matches!(p, Piece::Group(g) if matches!(g.head, Head::Row(_))))
            .count()
    }
}

/// The cells of a group fitted to a row `width` cells wide: empty cells beyond the width
/// at its end or its start are padding (a page's extra columns), where only one way to
/// drop them is left (not with empty cells at both ends to spare); a group of empty
/// cells only is a blank row, however many it prints. `None` when the group does not
/// print exactly the row's cells, or prints empty cells apart from their places and fewer
/// values than the row has cells.
fn fit<'a>(group: &Group<'a>, width: usize) -> Option<Vec<PCell<'a>>> {
    let mut cells = group.cells.clone();
    if group.values() == 0 && cells.len() <= width {
        // Nothing but empty cells: every cell of the row is blank, however many print.
        let line = cells.first().map_or(group.line, |c| c.line);
        cells.resize(
            width,
            PCell {
                text: "",
                remark: None,
                line,
            },
        );
        return Some(cells);
    }
    if group.pushed > 0 {
        // Empty cells printed together: the values' columns are shown only when every
        // cell of the row is a value.
        cells.retain(|c| !c.is_empty());
        return (cells.len() == width).then_some(cells);
    }
    // Empty cells beyond the width: at the end, at the start, or some of each. Only one
    // way to drop them shows the columns; with empty cells at both ends to spare, which
    // are padding nothing shows.
    let extra = cells.len().checked_sub(width)?;
    let trailing = cells.iter().rev().take_while(|c| c.is_empty()).count();
    let leading = cells.iter().take_while(|c| c.is_empty()).count();
    if extra > 0 && trailing.min(extra) + leading.min(extra) != extra {
        return None;
    }
    let from_end = trailing.min(extra);
    cells.truncate(cells.len() - from_end);
    cells.drain(..extra - from_end);
    Some(cells)
}

/// Reads the section in a layout.
#[allow(clippy::too_many_lines, reason = "the placement, step by step")]
pub(crate) fn read<'a>(
    input: &'a str,
    lines: &[Line<'a>],
    scan: &TableRead<'a>,
    layout: Edition,
) -> Reading<'a> {
    let table = scan.table;
    let section = scan.region.section;
    let layout = Layout::of(table, layout);
    let rows = layout.rows();
    let mut reading = Reading::default();
    // The row each group is the row of, by its label; groups the layout has no row for.
    let row_index = |row: RowRef| rows.iter().position(|r| r.row() == row);

    // 1. Rows printed with their labels.
    let mut placed: Vec<Option<RowCells<'a>>> = vec![None; rows.len()];
    let mut conflicts: Vec<usize> = Vec::new();
    // Groups in printed order: `Some(row)` for a group whose label names a row of the
    // layout, `None` for a group without a label.
    let mut order: Vec<(usize, Option<usize>)> = Vec::new();
    for (k, piece) in scan.pieces.iter().enumerate() {
        let Piece::Group(g) = piece else { continue };
        match g.head {
            Head::Row(label) => {
                let Some(i) = row_index(label.entry.row) else {
                    // A row of the other layout: kept as printed.
                    reading.rows.push(ExtraRow::new(
                        Place::Below,
                        label.printed,
                        g.cells.iter().map(|c| cell_text(c)),
                    ));
                    reading.notes.push(note(
                        NoteKind::RowNotInEdition {
                            edition: layout.edition(),
                            cells: g.cells.iter().map(|c| cell_text(c)).collect(),
                        },
                        section,
                        Some(label.entry.row),
                        None,
                        g.line,
                    ));
                    continue;
                };
                if !label.exact {
                    reading.notes.push(note(
                        NoteKind::LabelVariant {
                            printed: label.printed.to_owned(),
                            standard: label.entry.label,
                        },
                        section,
                        Some(label.entry.row),
                        None,
                        g.line,
                    ));
                }
                order.push((k, Some(i)));
                let width = rows[i].len();
                match fit(g, width) {
                    Some(cells) if !g.runs => {
                        let new = RowCells {
                            row: i,
                            cells,
                            evidence: Evidence::Label,
                            line: g.line,
                        };
                        match &placed[i] {
                            None => placed[i] = Some(new),
                            Some(old) if same_cells(&old.cells, &new.cells) => {}
                            Some(_) => conflicts.push(i),
                        }
                    }
                    _ => {}
                }
            }
            Head::None => order.push((k, None)),
            Head::Unknown(_) => {}
        }
    }
    // 表四 printed as the format prints it: its column headers, then its one data line of
    // all its cells, no label (without the headers, a count of numbers shows no column).
    let mut unreadable = false;
    // The lines of unlabelled groups read as 表四's data line.
    let mut used_lines: Vec<usize> = Vec::new();
    let headed = scan
        .pieces
        .iter()
        .take_while(|p| !matches!(p, Piece::Group(_)))
        .any(
            |p| matches!(p, Piece::Text(t) if matches!(t.kind, TextKind::Table | TextKind::Row(_))),
        );
    if table == Table::Appeals && headed && placed.iter().all(Option::is_none) {
        let unlabelled: Vec<&Group<'a>> = order
            .iter()
            .filter_map(|&(k, row)| match (row, scan.pieces.get(k)) {
                (None, Some(Piece::Group(g))) if !g.runs => Some(g),
                _ => None,
            })
            .collect();
        // Its one data line prints exactly its cells, or the page prints the same line
        // again. (Lines of cells read in order are no evidence: a PDF's text layer may
        // print them in any order.)
        let all = Group {
            head: Head::None,
            cells: unlabelled
                .iter()
                .flat_map(|g| g.cells.iter().copied())
                .collect(),
            pushed: unlabelled.iter().map(|g| g.pushed).sum(),
            runs: false,
            line: unlabelled.first().map_or(scan.region.start, |g| g.line),
        };
        let cells = {
            let first = unlabelled.first().and_then(|g| fit(g, layout.len()));
            first.filter(|first| {
                unlabelled
                    .iter()
                    .all(|g| fit(g, layout.len()).is_some_and(|c| same_cells(&c, first)))
            })
        };
        if let Some(cells) = cells {
            used_lines.extend(unlabelled.iter().map(|g| g.line));
            let mut at = 0;
            for (i, row) in rows.iter().enumerate() {
                placed[i] = Some(RowCells {
                    row: i,
                    cells: cells[at..at + row.len()].to_vec(),
                    evidence: Evidence::Label,
                    line: all.line,
                });
                at += row.len();
            }
        } else if all.values() > 0 {
            // The lines do not print the layout's cells: which one is missing or extra
            // nothing shows, so the table is left blank, its cells kept in the note.
            unreadable = true;
            reading.notes.push(note(
                NoteKind::TableUnreadable {
                    table,
                    edition: layout.edition(),
                    expected: layout.len(),
                    found: all.cells.len(),
                    printed: all.cells.iter().map(cell_text).collect(),
                },
                section,
                None,
                None,
                all.cells.first().map_or(all.line, |c| c.line),
            ));
        }
    }
    // The text ends inside the last row printed: the cells it prints are its first.
    if scan.region.ends_text {
        if let Some(Piece::Group(g)) = scan.pieces.last() {
            if let Head::Row(label) = g.head {
                if let Some(i) = row_index(label.entry.row) {
                    let width = rows[i].len();
                    if placed[i].is_none()
                        && g.pushed == 0
                        && !g.runs
                        && !g.cells.is_empty()
                        && g.cells.len() < width
                    {
                        placed[i] = Some(RowCells {
                            row: i,
                            cells: g.cells.clone(),
                            evidence: Evidence::Label,
                            line: g.line,
                        });
                    }
                }
            }
        }
    }
    for &i in &conflicts {
        placed[i] = None;
        reading.notes.push(note(
            NoteKind::RowPrintedTwice,
            section,
            Some(rows[i].row()),
            Some(rows[i].start() + 1),
            scan.region.start,
        ));
    }

    // 2. Rows printed apart from their labels, between rows placed by their labels.
    let mut by_order: Vec<RowCells<'a>> = Vec::new();
    if !scan
        .pieces
        .iter()
        .any(|p| matches!(p, Piece::Group(g) if g.runs))
    {
        by_order = between_labels(scan, &order, rows, &placed, table);
    }

    // 3. Runs of digits: split where the identities hold.
    let mut by_digits: Vec<RowCells<'a>> = Vec::new();
    if scan
        .pieces
        .iter()
        .any(|p| matches!(p, Piece::Group(g) if g.runs))
    {
        let mut runs: Vec<digits::Runs<'a>> = Vec::new();
        for &(k, row) in &order {
            let Some(Piece::Group(g)) = scan.pieces.get(k) else {
                continue;
            };
            let texts: Vec<&'a str> = g.cells.iter().map(|c| c.text).collect();
            match row {
                Some(r) if placed[r].is_none() => runs.push((vec![r], texts, g.line)),
                // 表四 prints its cells on one line without a label.
                None if table == Table::Appeals && g.runs => {
                    runs.push(((0..rows.len()).collect(), texts, g.line));
                }
                _ => {}
            }
        }
        by_digits = digits::split(layout, &runs);
        if by_digits.iter().any(|r| r.evidence == Evidence::Identities) {
            reading.notes.push(note(
                NoteKind::SplitByIdentities { table },
                section,
                None,
                None,
                by_digits.first().map_or(scan.region.start, |r| r.line),
            ));
        }
    }
    for r in by_digits {
        let i = r.row;
        placed[i] = Some(r);
    }

    // The rows placed by order stand only if the table's identities confirm them (see
    // `identities_hold`).
    if !by_order.is_empty() {
        let mut trial = placed.clone();
        for r in &by_order {
            trial[r.row] = Some(r.clone());
        }
        let ordered: Vec<usize> = by_order.iter().map(|r| r.row).collect();
        let confirmed = identities_hold(layout, &trial, &ordered);
        let rows_placed = by_order.len();
        let kind = if confirmed {
            NoteKind::PlacedByOrder {
                table,
                rows: rows_placed,
            }
        } else {
            NoteKind::OrderNotConfirmed {
                table,
                rows: rows_placed,
            }
        };
        reading.notes.push(note(
            kind,
            section,
            by_order.first().map(|r| rows[r.row].row()),
            None,
            by_order.first().map_or(scan.region.start, |r| r.line),
        ));
        if confirmed {
            placed = trial;
        }
    }

    // The cells placed.
    for (i, r) in placed.iter().enumerate() {
        let Some(r) = r else { continue };
        for (j, c) in r.cells.iter().enumerate() {
            let position = rows[i].start() + j;
            let Some(&cell) = layout.cells().get(position) else {
                continue;
            };
            reading.cells.push(Placed {
                cell,
                index: position + 1,
                text: c.text,
                line: c.line,
            });
            if let Some(remark) = c.remark {
                reading.cell_remarks.push((cell, remark.to_owned()));
            }
        }
    }

    // Rows with cells printed that could not be placed, rows not printed, extras.
    if !unreadable {
        unplaced_notes(scan, rows, &placed, &used_lines, &mut reading, lines);
    }
    extras(input, scan, rows, &placed, &mut reading, lines);
    column_variants(scan, layout.edition(), &mut reading.notes);
    reading
}

/// A printed cell's text with its remark, as printed.
fn cell_text(c: &PCell<'_>) -> String {
    match c.remark {
        Some(r) => format!("{}{r}", c.text),
        None => c.text.to_owned(),
    }
}

fn same_cells(a: &[PCell<'_>], b: &[PCell<'_>]) -> bool {
    a.len() == b.len()
        && a.iter()
            .zip(b)
            .all(|(x, y)| x.text == y.text && x.remark == y.remark)
}

/// The rows printed apart from their labels that fit exactly between rows placed by their
/// labels (see the module docs).
fn between_labels<'a>(
    scan: &TableRead<'a>,
    order: &[(usize, Option<usize>)],
    rows: &[crate::layout::LayoutRow],
    placed: &[Option<RowCells<'a>>],
    table: Table,
) -> Vec<RowCells<'a>> {
    let mut out = Vec::new();
    let cells_form = matches!(scan.form, Form::Cells { .. });
    // Anchors: groups printed with a row's label, in printed order: (index in `order`,
    // row, whether the group's own cells start the stretch after it). A group placed by
    // its label ends at its row; printed one cell per line, a group with more cells than
    // its row runs on into the rows after it.
    let anchors: Vec<(usize, usize, bool)> = order
        .iter()
        .enumerate()
        .filter_map(|(n, &(k, row))| {
            let row = row?;
            let own = placed.get(row)?.as_ref().is_some_and(|r| {
                matches!(scan.pieces.get(k), Some(Piece::Group(g)) if std::ptr::eq(
                    r.cells.first().map_or("", |c| c.text),
                    g.cells.first().map_or("", |c| c.text)
                ) && !g.cells.is_empty())
            });
            Some((n, row, !own && cells_form))
        })
        .collect();
    if anchors.is_empty() && table != Table::Appeals {
        return out;
    }
    // Stretches: (first group index in `order`, end group index, first row, end row).
    let mut stretches: Vec<(usize, usize, usize, usize)> = Vec::new();
    if !scan.region.starts_text {
        let (end_n, end_row) = anchors
            .first()
            .map_or((order.len(), rows.len()), |&(n, r, _)| (n, r));
        stretches.push((0, end_n, 0, end_row));
    }
    let next = |a: usize| anchors.get(a + 1).map(|&(n, r, _)| (n, r));
    for (a, &(n0, r0, runs_on)) in anchors.iter().enumerate() {
        let (first_group, first_row) = if runs_on { (n0, r0) } else { (n0 + 1, r0 + 1) };
        match next(a) {
            Some((n1, r1)) if r1 > r0 => stretches.push((first_group, n1, first_row, r1)),
            None if !scan.region.ends_text => {
                stretches.push((first_group, order.len(), first_row, rows.len()));
            }
            _ => {}
        }
    }
    for (g0, g1, r0, r1) in stretches {
        let slice = order.get(g0..g1).unwrap_or(&[]);
        let groups: Vec<&Group<'a>> = slice
            .iter()
            .enumerate()
            .filter_map(|(m, &(k, row))| match (row, scan.pieces.get(k)) {
                (None, Some(Piece::Group(g))) => Some(g),
                // The anchor whose cells run on into the stretch.
                (Some(_), Some(Piece::Group(g))) if m == 0 && !g.cells.is_empty() => Some(g),
                _ => None,
            })
            .collect();
        // A labelled group inside a stretch (but its first) is not accounted for by it.
        let stray_label = slice
            .iter()
            .skip(usize::from(
                g0 < g1 && slice.first().is_some_and(|&(_, r)| r == Some(r0)),
            ))
            .any(|&(_, row)| row.is_some());
        let free: Vec<usize> = (r0..r1).filter(|&i| placed[i].is_none()).collect();
        if groups.is_empty() || stray_label || free.len() != r1 - r0 || free.is_empty() {
            continue;
        }
        if let Some(found) = fit_stretch(&groups, &free, rows, cells_form) {
            out.extend(found);
        }
    }
    out
}

/// The groups of a stretch as its free rows: one group per row, each printing exactly the
/// row's cells; or, printed one cell per line, all the groups' cells as the rows' cells in
/// order.
fn fit_stretch<'a>(
    groups: &[&Group<'a>],
    free: &[usize],
    rows: &[crate::layout::LayoutRow],
    cells_form: bool,
) -> Option<Vec<RowCells<'a>>> {
    if groups.iter().any(|g| g.pushed > 0 || g.runs) {
        return None;
    }
    // Rows on lines of their own: a line that fits no row of the stretch (a stray number
    // a converter left between rows) is not one of them, and is noted as not placed.
    let kept: Vec<&Group<'a>>;
    let groups = if cells_form || groups.len() == free.len() {
        groups
    } else {
        kept = groups
            .iter()
            .copied()
            .filter(|g| free.iter().any(|&i| fit(g, rows[i].len()).is_some()))
            .collect();
        &kept[..]
    };
    if groups.len() == free.len() {
        let mut out = Vec::new();
        for (g, &i) in groups.iter().zip(free) {
            let cells = fit(g, rows[i].len())?;
            out.push(RowCells {
                row: i,
                cells,
                evidence: Evidence::Order,
                line: g.line,
            });
        }
        return Some(out);
    }
    // Cells one per line: the stream of cells split row by row.
    let stream: Vec<PCell<'a>> = groups
        .iter()
        .flat_map(|g| g.cells.iter().copied())
        .collect();
    let widths: usize = free.iter().map(|&i| rows[i].len()).sum();
    if stream.len() != widths {
        return None;
    }
    // Each group must start at a row's start: a row is never split between groups that
    // text separates.
    let mut starts = Vec::new();
    let mut at = 0;
    for &i in free {
        starts.push(at);
        at += rows[i].len();
    }
    let mut at = 0;
    for g in groups {
        if !starts.contains(&at) {
            return None;
        }
        at += g.cells.len();
    }
    let mut out = Vec::new();
    let mut at = 0;
    for &i in free {
        let cells = stream.get(at..at + rows[i].len())?.to_vec();
        let line = cells.first().map_or(0, |c| c.line);
        at += rows[i].len();
        out.push(RowCells {
            row: i,
            cells,
            evidence: Evidence::Order,
            line,
        });
    }
    Some(out)
}

/// Whether every identity of the table that reads a cell of the rows `ordered` holds
/// where all its cells are filled (a blank leaves it unassessed, not failed), and each of
/// those rows is read by one across rows that holds (the order is then confirmed by the
/// table's own sums, not taken on trust).
fn identities_hold(layout: &Layout, rows: &[Option<RowCells<'_>>], ordered: &[usize]) -> bool {
    use crate::cell::Value;
    let table = layout.table();
    let value = |cell: CellRef| -> Option<u64> {
        let r = layout
            .rows()
            .iter()
            .position(|r| r.row() == RowRef::of(cell))?;
        let j = layout.position(cell)? - layout.rows()[r].start();
        let text = rows.get(r)?.as_ref()?.cells.get(j)?.text;
        match Value::parse(cell.kind(), text).ok()?? {
            Value::Count(n) => Some(n),
            _ => None,
        }
    };
    let touched = |cells: &[CellRef]| {
        cells.iter().any(|&c| {
            layout
                .rows()
                .iter()
                .position(|r| r.row() == RowRef::of(c))
                .is_some_and(|r| ordered.contains(&r))
        })
    };
    let row_of = |c: CellRef| layout.rows().iter().position(|r| r.row() == RowRef::of(c));
    // The rows that an identity across rows reads, and which holds.
    let mut confirmed: Vec<usize> = Vec::new();
    for (id, identity) in crate::rules::identities(table, layout.edition()) {
        if !touched(&identity) {
            continue;
        }
        let Some(values) = identity
            .iter()
            .map(|&c| value(c))
            .collect::<Option<Vec<u64>>>()
        else {
            continue;
        };
        if !crate::rules::identity_holds(id, layout.edition(), &values) {
            return false;
        }
        let rows: Vec<usize> = identity.iter().filter_map(|&c| row_of(c)).collect();
        if rows.iter().any(|r| rows.first() != Some(r)) {
            confirmed.extend(rows);
        }
    }
    // Every row placed by order is read by an identity across rows that holds (a row's
    // own total says nothing of which row it is; 表二 has no identity at all).
    ordered.iter().all(|r| confirmed.contains(r))
}

/// Notes on rows that print cells but could not be placed, and on rows not printed.
fn unplaced_notes<'a>(
    scan: &TableRead<'a>,
    rows: &[crate::layout::LayoutRow],
    placed: &[Option<RowCells<'a>>],
    used_lines: &[usize],
    reading: &mut Reading<'a>,
    lines: &[Line<'a>],
) {
    let section = scan.region.section;
    let row_index = |row: RowRef| rows.iter().position(|r| r.row() == row);
    let mut values_apart: Vec<(usize, Vec<String>)> = Vec::new();
    for piece in &scan.pieces {
        let Piece::Group(g) = piece else { continue };
        match g.head {
            Head::Row(label) => {
                let Some(i) = row_index(label.entry.row) else {
                    continue;
                };
                if placed[i].is_some() {
                    continue;
                }
                let width = rows[i].len();
                let kind = if g.runs {
                    NoteKind::ValuesNotPlaced {
                        cells: g.cells.iter().map(cell_text).collect(),
                    }
                } else if g.pushed > 0 {
                    NoteKind::BlanksAtRowEnd {
                        values: g.values(),
                        columns: width,
                    }
                } else if g.cells.len() < width {
                    NoteKind::ShortRow {
                        found: g.cells.len(),
                        expected: width,
                    }
                } else {
                    NoteKind::ValuesNotPlaced {
                        cells: g.cells.iter().map(cell_text).collect(),
                    }
                };
                reading.notes.push(note(
                    kind,
                    section,
                    Some(rows[i].row()),
                    Some(rows[i].start() + 1),
                    g.line,
                ));
            }
            Head::None => {
                // Cells printed without a label, not placed (nor a row of 表四 placed by
                // the whole data line).
                let used = used_lines.contains(&g.line)
                    || placed.iter().flatten().any(|r| {
                        r.cells
                            .first()
                            .zip(g.cells.first())
                            .is_some_and(|(a, b)| std::ptr::eq(a.text, b.text))
                            || r.cells.iter().any(|c| {
                                g.cells
                                    .iter()
                                    .any(|d| !d.text.is_empty() && std::ptr::eq(c.text, d.text))
                            })
                    });
                if !used && g.values() > 0 {
                    values_apart.push((g.line, g.cells.iter().map(cell_text).collect()));
                }
            }
            Head::Unknown(_) => {}
        }
    }
    for (line, cells) in values_apart {
        reading.notes.push(note(
            NoteKind::ValuesNotPlaced { cells },
            section,
            None,
            None,
            line,
        ));
    }
    missing_rows(scan, rows, placed, reading, lines);
}

/// Notes the rows of the layout with nothing placed and nothing printed: missing, or
/// beyond where the text ends or before where it starts.
fn missing_rows<'a>(
    scan: &TableRead<'a>,
    rows: &[crate::layout::LayoutRow],
    placed: &[Option<RowCells<'a>>],
    reading: &mut Reading<'a>,
    lines: &[Line<'a>],
) {
    let section = scan.region.section;
    let row_index = |row: RowRef| rows.iter().position(|r| r.row() == row);
    let printed: Vec<usize> = scan
        .pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Group(g) => match g.head {
                Head::Row(l) => row_index(l.entry.row),
                _ => None,
            },
            Piece::Text(_) => None,
        })
        .collect();
    let first = placed.iter().position(Option::is_some);
    // The last row placed or printed with its label.
    let last = placed
        .iter()
        .rposition(Option::is_some)
        .into_iter()
        .chain(printed.iter().copied())
        .max();
    // Where the text ends inside the table: after the last cell placed, or after the last
    // row printed.
    let read_to = last.map_or(0, |l| {
        placed[l]
            .as_ref()
            .map_or(rows[l].range().end, |r| rows[l].start() + r.cells.len())
    });
    let mut text_end_noted = false;
    for (i, row) in rows.iter().enumerate() {
        let short = placed[i]
            .as_ref()
            .is_some_and(|r| r.cells.len() < row.len() && Some(i) == last);
        if (placed[i].is_some() || printed.contains(&i)) && !short {
            continue;
        }
        let before = first.is_some_and(|f| i < f) && scan.region.starts_text;
        let after = last.is_none_or(|l| i >= l) && scan.region.ends_text;
        if before {
            continue;
        }
        if after {
            if !text_end_noted {
                text_end_noted = true;
                let at = layout_cell(rows, read_to);
                reading.notes.push(note(
                    NoteKind::TextEndsInTable {
                        table: scan.table,
                        read: read_to,
                        expected: rows.last().map_or(0, |r| r.range().end),
                    },
                    section,
                    at,
                    Some(read_to + 1),
                    last_line(lines, scan.region),
                ));
            }
            continue;
        }
        if placed[i].is_some() {
            continue;
        }
        reading.notes.push(note(
            NoteKind::RowMissing,
            section,
            Some(row.row()),
            Some(row.start() + 1),
            scan.region.start,
        ));
    }
    if let Some(f) = first.filter(|&f| f > 0 && scan.region.starts_text) {
        let line = placed[f].as_ref().map_or(scan.region.start, |r| r.line);
        reading.notes.push(note(
            NoteKind::TextStartsInTable { table: scan.table },
            section,
            Some(rows[f].row()),
            Some(rows[f].start() + 1),
            line,
        ));
    }
}

/// The row of the cell at a position of a layout's printed order.
fn layout_cell(rows: &[crate::layout::LayoutRow], position: usize) -> Option<RowRef> {
    rows.iter()
        .find(|r| r.range().contains(&position))
        .map(crate::layout::LayoutRow::row)
}

/// The index of the region's last line that is not blank.
fn last_line(lines: &[Line<'_>], region: Region) -> usize {
    (region.start..region.end)
        .rev()
        .find(|&i| lines.get(i).is_some_and(|l| !l.is_blank()))
        .unwrap_or(region.start.min(region.end.saturating_sub(1)))
}

/// What the table prints beyond its cells: text that is no label and no word of the
/// table (remarks), rows with a label the format does not have (extra rows). Each is
/// kept where it was printed: above the table (before its first row), after the last row
/// placed before it, or under the table.
#[allow(
    clippy::too_many_lines,
    reason = "one pass over the pieces, kind by kind"
)]
fn extras<'a>(
    input: &'a str,
    scan: &TableRead<'a>,
    rows: &[crate::layout::LayoutRow],
    placed: &[Option<RowCells<'a>>],
    reading: &mut Reading<'a>,
    lines: &[Line<'a>],
) {
    let row_index = |row: RowRef| rows.iter().position(|r| r.row() == row);
    // The place after each piece: after the last row placed or printed so far.
    let mut last_row: Option<usize> = None;
    let any_row_after = |k: usize| {
        scan.pieces.iter().skip(k + 1).any(|p| match p {
            Piece::Group(g) => !matches!(g.head, Head::Unknown(_)),
            Piece::Text(t) => matches!(t.kind, TextKind::Row(_) | TextKind::Table),
        })
    };
    let mut remark: Option<(usize, usize, Place)> = None;
    let flush = |remark: &mut Option<(usize, usize, Place)>, reading: &mut Reading<'a>| {
        if let Some((first, last, place)) = remark.take() {
            let text = text_of_lines(input, lines, first, last);
            reading.remarks.push(Remark::new(place, text));
        }
    };
    // Whether the lines between two lines are all blank.
    let all_blank = |last: usize, line: usize| {
        lines
            .get(last + 1..line)
            .is_some_and(|b| b.iter().all(Line::is_blank))
    };
    // Runs of row labels printed again: (first line, last line, lines).
    let mut again_run: Option<(usize, usize, usize)> = None;
    // Lines between two lines of a run that print nothing (blank lines, page footers).
    let gap_to = |line: usize, last: usize| {
        lines.get(last + 1..line).map_or(0, |b| {
            b.iter().filter(|l| l.is_blank() || l.is_footer()).count()
        })
    };
    let flush_again = |run: &mut Option<(usize, usize, usize)>, reading: &mut Reading<'a>| {
        if let Some((first, _, n)) = run.take() {
            let text = lines
                .get(first)
                .map_or("", |l| l.text.trim_matches(is_space));
            reading.notes.push(note(
                NoteKind::TextNotKept {
                    lines: n,
                    text: text.chars().take(60).collect(),
                },
                scan.region.section,
                None,
                None,
                first,
            ));
        }
    };
    for (k, piece) in scan.pieces.iter().enumerate() {
        let place = if last_row.is_none() {
            Place::Above
        } else if !any_row_after(k) {
            Place::Below
        } else {
            last_row.map_or(Place::Above, |r| Place::After(rows[r].row()))
        };
        match piece {
            // A text alone on its line that opens a row of cells printed one per line:
            // its label, kept with the row (a row of empty cells is kept as the text).
            Piece::Text(t)
                if matches!(t.kind, TextKind::Other)
                    && matches!(
                        scan.pieces.get(k + 1),
                        Some(Piece::Group(g)) if g.line == t.line && g.values() > 0
                    ) => {}
            Piece::Text(t) if matches!(t.kind, TextKind::Other) => {
                match &mut remark {
                    // One remark across the blank lines between its paragraphs.
                    Some((_, last, p)) if *p == place && all_blank(*last, t.line) => {
                        *last = t.line;
                    }
                    _ => {
                        flush(&mut remark, reading);
                        remark = Some((t.line, t.line, place));
                    }
                }
                continue;
            }
            Piece::Group(g) => {
                let opened = k
                    .checked_sub(1)
                    .and_then(|j| scan.pieces.get(j))
                    .is_some_and(|p| matches!(p, Piece::Text(t) if t.line == g.line));
                if matches!(g.head, Head::Unknown(_)) && opened && g.values() == 0 {
                    continue;
                }
                if let Head::Unknown(label) = g.head {
                    flush(&mut remark, reading);
                    reading
                        .rows
                        .push(ExtraRow::new(place, label, g.cells.iter().map(cell_text)));
                    reading.notes.push(note(
                        NoteKind::ExtraRow {
                            label: label.to_owned(),
                            cells: g.cells.iter().map(cell_text).collect(),
                        },
                        scan.region.section,
                        None,
                        None,
                        g.line,
                    ));
                    continue;
                }
                if let Head::Row(l) = g.head {
                    if let Some(i) = row_index(l.entry.row) {
                        last_row = Some(last_row.map_or(i, |r| r.max(i)));
                    }
                } else if let Some(r) = placed.iter().flatten().find(|r| {
                    r.cells
                        .first()
                        .zip(g.cells.first())
                        .is_some_and(|(a, b)| std::ptr::eq(a.text, b.text))
                }) {
                    last_row = Some(last_row.map_or(r.row, |x| x.max(r.row)));
                }
            }
            Piece::Text(t) => {
                if let TextKind::Row(l) = t.kind {
                    if let Some(i) = row_index(l.entry.row) {
                        last_row = Some(last_row.map_or(i, |r| r.max(i)));
                        // The label printed again, apart from the row read with its
                        // label on another line: a line the model has no place for.
                        // (表四's labels are headings over its columns.)
                        // (In a copy of one cell per line the label opens its row.)
                        let opens = matches!(
                            scan.pieces.get(k + 1),
                            Some(Piece::Group(g)) if g.line == t.line
                        );
                        let again = scan.table != Table::Appeals
                            && !opens
                            && placed[i]
                                .as_ref()
                                .is_some_and(|r| r.evidence == Evidence::Label && r.line != t.line);
                        if again {
                            flush(&mut remark, reading);
                            match &mut again_run {
                                Some((_, last, n))
                                    if t.line <= *last + 1 + gap_to(t.line, *last) =>
                                {
                                    *last = t.line;
                                    *n += 1;
                                }
                                _ => {
                                    flush_again(&mut again_run, reading);
                                    again_run = Some((t.line, t.line, 1));
                                }
                            }
                            continue;
                        }
                    }
                }
            }
        }
        flush_again(&mut again_run, reading);
        flush(&mut remark, reading);
    }
    flush_again(&mut again_run, reading);
    flush(&mut remark, reading);
}

/// The text of lines `first..=last`, byte for byte.
fn text_of_lines(input: &str, lines: &[Line<'_>], first: usize, last: usize) -> String {
    let (Some(a), Some(b)) = (lines.get(first), lines.get(last)) else {
        return String::new();
    };
    input.get(a.start..b.end()).unwrap_or(a.text).to_owned()
}

/// Notes 表二 column headers printed with an annotation after the format's label
/// (`现行有效件数 (历史累计)`).
fn column_variants(scan: &TableRead<'_>, layout: Edition, notes: &mut Vec<Note>) {
    if scan.table != Table::Proactive {
        return;
    }
    let mut buf = String::new();
    for piece in &scan.pieces {
        let Piece::Text(t) = piece else { continue };
        if !matches!(t.kind, TextKind::Table) {
            continue;
        }
        for part in t.text.split(['|']) {
            buf.clear();
            normalize_into(part, &mut buf);
            if let Some(c) = annotated_column(layout, &buf) {
                notes.push(note(
                    NoteKind::LabelVariant {
                        printed: part.trim_matches(is_space).to_owned(),
                        standard: c.label(layout),
                    },
                    scan.region.section,
                    None,
                    None,
                    t.line,
                ));
            }
        }
    }
}
