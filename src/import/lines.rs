//! The page text as lines, and the small text tests the importer needs: label
//! normalisation, page footers, page furniture, cell tokens.

use crate::cell::{Value, ValueKind};
use crate::text::is_blank_token;

/// One line of the input: its text without the line break (and without a `\r` before
/// it), and where it starts in the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    /// The index of the input line it is (or is a piece of: see [`cut_run_together`]).
    pub(crate) number: usize,
    /// A bare page number (see [`mark_page_numbers`]).
    pub(crate) page_number: bool,
}

impl Line<'_> {
    /// The byte offset just after the line's text.
    pub(crate) const fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether the line holds nothing but white space.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.chars().all(is_space)
    }

    /// Whether the line is a page's header or footer: a page number however printed.
    pub(crate) fn is_footer(&self) -> bool {
        self.page_number || is_page_footer(self.text)
    }
}

/// Splits the input into lines (`\n`, `\r\n`); a byte-order mark at the start is skipped.
pub(crate) fn split_lines(input: &str) -> Vec<Line<'_>> {
    let skip = if input.starts_with('\u{feff}') { 3 } else { 0 };
    let mut lines = Vec::with_capacity(input.len() / 24 + 1);
    let mut start = skip;
    let bytes = input.as_bytes();
    while start <= input.len() {
        let end = memchr_newline(&bytes[start..]).map_or(input.len(), |i| start + i);
        let raw = input.get(start..end).unwrap_or("");
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        let number = lines.len();
        lines.push(Line {
            text,
            start,
            number,
            page_number: false,
        });
        if end == input.len() {
            break;
        }
        start = end + 1;
    }
    lines
}

/// The most a bare page number has digits.
const PAGE_DIGITS: usize = 3;

/// The fewest lines between two page numbers of a text with no page breaks.
const PAGE_LINES: usize = 12;

/// Marks the lines that print a bare page number (`3` alone on its line), on evidence:
/// next to a page break (`\f`, which `pdftotext` prints between pages) and counting with
/// the pages as the others there do; or between the page footers printed otherwise
/// (`- 2 -`, `- 4 -`) with the number of the page between them; or as a run of at
/// least three numbers counting up by one from 1, 2 or 3, each alone on its line between
/// lines that print no value, [`PAGE_LINES`] lines or more after the last, their gaps
/// within a factor of three of each other (pages of a text layer without breaks). Cells
/// printed one per line have values or labels and values around them, and do not count
/// up page by page.
pub(crate) fn mark_page_numbers(lines: &mut [Line<'_>]) {
    // Each line's number as a page number: bare, or in a footer printed otherwise.
    let numbers: Vec<Number> = lines
        .iter()
        .map(|l| match bare(l) {
            Some(v) => Number::Bare(v),
            None => numbered(l).map_or(Number::None, Number::Footer),
        })
        .collect();
    if !numbers.iter().any(|n| matches!(n, Number::Bare(_))) {
        return;
    }
    let mut marked = near_breaks(lines, &numbers);
    marked.extend(between_footers(lines, &numbers));
    marked.extend(counting_run(lines, &numbers));
    for i in marked {
        if let Some(l) = lines.get_mut(i) {
            l.page_number = true;
        }
    }
}

/// A line's number as a page's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    /// A bare number alone on the line (`3`).
    Bare(u32),
    /// The number of a page footer printed otherwise (`- 3 -`, `第3页`).
    Footer(u32),
    None,
}

impl Number {
    fn value(self) -> Option<u32> {
        match self {
            Number::Bare(v) | Number::Footer(v) => Some(v),
            Number::None => None,
        }
    }
}

/// A bare number of at most [`PAGE_DIGITS`] digits alone on its line.
fn bare(l: &Line<'_>) -> Option<u32> {
    let t = l.text.trim_matches(is_space);
    (!t.is_empty() && t.len() <= PAGE_DIGITS && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// The number of a page footer however printed (`- 3 -`, `第3页`), or of a bare number.
fn numbered(l: &Line<'_>) -> Option<u32> {
    bare(l).or_else(|| {
        if !is_page_footer(l.text) {
            return None;
        }
        let t = l.text.trim_matches(is_space);
        let digits = t.get(t.find(|c: char| c.is_ascii_digit())?..)?;
        let end = digits
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(digits.len());
        digits.get(..end)?.parse().ok()
    })
}

/// The index of the line before `i` (or after it) that is not blank.
fn neighbour(lines: &[Line<'_>], i: usize, after: bool) -> Option<usize> {
    let not_blank = |&j: &usize| lines.get(j).is_some_and(|l| !l.is_blank());
    if after {
        (i + 1..lines.len()).find(not_blank)
    } else {
        (0..i).rev().find(not_blank)
    }
}

/// Whether the line `i` stands alone among text: the lines around it that are not blank
/// print no value (a cell printed one per line has cells, or a label and cells, around
/// it).
fn among_text(lines: &[Line<'_>], i: usize) -> bool {
    let value = |j: usize| {
        lines
            .get(j)
            .is_some_and(|l| l.text.split_whitespace().any(is_value))
    };
    !neighbour(lines, i, false).is_some_and(value) && !neighbour(lines, i, true).is_some_and(value)
}

/// Bare numbers next to a page break (`\f`): the last line of text before it, the first
/// after it, where the page numbers there (bare or printed otherwise) mostly differ from
/// the pages' own count by one amount (a cover page not numbered makes it 1).
fn near_breaks(lines: &[Line<'_>], numbers: &[Number]) -> Vec<usize> {
    let breaks = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.text.contains('\u{c}'))
        .map(|(i, _)| i);
    let mut by_break: Vec<(usize, i64)> = Vec::new();
    for (page, b) in breaks.enumerate() {
        let first = lines
            .get(b)
            .filter(|l| !l.is_blank())
            .map(|_| b)
            .or_else(|| neighbour(lines, b, true));
        for (i, index) in [(neighbour(lines, b, false), page + 1), (first, page + 2)] {
            let Some(i) = i else { continue };
            if let Some(v) = numbers.get(i).and_then(|n| n.value()) {
                let index = i64::try_from(index).unwrap_or(i64::MAX);
                by_break.push((i, index - i64::from(v)));
            }
        }
    }
    let mut differences: Vec<i64> = by_break.iter().map(|&(_, d)| d).collect();
    differences.sort_unstable();
    let common = differences
        .chunk_by(|a, b| a == b)
        .max_by_key(|run| run.len())
        .filter(|run| run.len() >= 2)
        .and_then(|run| run.first().copied());
    by_break
        .into_iter()
        .filter(|&(i, d)| Some(d) == common && matches!(numbers.get(i), Some(Number::Bare(_))))
        .map(|(i, _)| i)
        .collect()
}

/// Bare numbers alone among text between two page footers printed otherwise (`- 2 -`,
/// `- 4 -`) whose number is the page's between them.
fn between_footers(lines: &[Line<'_>], numbers: &[Number]) -> Vec<usize> {
    let footers: Vec<(usize, u32)> = numbers
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match n {
            Number::Footer(v) => Some((i, *v)),
            _ => None,
        })
        .collect();
    if footers.is_empty() {
        return Vec::new();
    }
    numbers
        .iter()
        .enumerate()
        .filter(|&(i, n)| {
            let Number::Bare(v) = *n else {
                return false;
            };
            let k = footers.partition_point(|&(line, _)| line < i);
            let after_previous = k
                .checked_sub(1)
                .and_then(|k| footers.get(k))
                .is_some_and(|&(_, p)| p.checked_add(1) == Some(v));
            let before_next = footers
                .get(k)
                .is_some_and(|&(_, n)| v.checked_add(1) == Some(n));
            (after_previous || before_next) && among_text(lines, i)
        })
        .map(|(i, _)| i)
        .collect()
}

/// The bare numbers of the longest run of page numbers counting up by one from 1, 2 or
/// 3 (bare ones alone among text, and footers printed otherwise), each [`PAGE_LINES`]
/// lines or more after the last, their gaps within a factor of three of each other; at
/// least three long.
fn counting_run(lines: &[Line<'_>], numbers: &[Number]) -> Vec<usize> {
    let candidates: Vec<(usize, u32)> = numbers
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match *n {
            // A run starts at page 1, 2 or 3, or goes on from a number one less.
            Number::Bare(v) => among_text(lines, i).then_some((i, v)),
            Number::Footer(v) => Some((i, v)),
            Number::None => None,
        })
        .collect();
    // For each candidate: the length of the longest run ending there, the one before.
    let mut runs: Vec<(usize, Option<usize>)> = Vec::with_capacity(candidates.len());
    // The best run ending at each number so far: (length, candidate).
    let mut ending: std::collections::BTreeMap<u32, (usize, usize)> =
        std::collections::BTreeMap::new();
    for (k, &(line, v)) in candidates.iter().enumerate() {
        let previous = v
            .checked_sub(1)
            .and_then(|p| ending.get(&p))
            .filter(|&&(_, j)| {
                candidates
                    .get(j)
                    .is_some_and(|&(l, _)| line >= l + PAGE_LINES)
            });
        let run = match previous {
            Some(&(len, j)) => (len + 1, Some(j)),
            None if v <= 3 => (1, None),
            None => (0, None),
        };
        runs.push(run);
        if run.0 > 0 && ending.get(&v).is_none_or(|&(len, _)| run.0 >= len) {
            ending.insert(v, (run.0, k));
        }
    }
    let Some((end, &(len, _))) = runs.iter().enumerate().max_by_key(|(_, r)| r.0) else {
        return Vec::new();
    };
    if len < 3 {
        return Vec::new();
    }
    let mut members = vec![end];
    while let Some(&(_, Some(j))) = members.last().and_then(|&k| runs.get(k)) {
        members.push(j);
    }
    let gaps: Vec<usize> = members
        .windows(2)
        .filter_map(|w| Some(candidates.get(w[0])?.0 - candidates.get(w[1])?.0))
        .collect();
    match (gaps.iter().min(), gaps.iter().max()) {
        (Some(&least), Some(&most)) if most <= 3 * least => members
            .into_iter()
            .filter_map(|k| candidates.get(k).map(|&(i, _)| i))
            .filter(|&i| matches!(numbers.get(i), Some(Number::Bare(_))))
            .collect(),
        _ => Vec::new(),
    }
}

/// A text with the spacing gone (a crawler's text of a page: the whole report on a few
/// long lines, each label glued to its cells) cut into pieces of lines where a section
/// heading starts, and inside the tables (from 二 to the section after 四) where a 表二
/// caption or a row label of either layout starts, so that each heading and each row of
/// a table begins a line of its own. Every piece is a slice of its input line (texts stay
/// byte for byte) and keeps that line's number for notes. Texts that print their report on
/// lines of normal length are returned as they are.
pub(crate) fn cut_run_together(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    use crate::section::Section;
    let headings: Vec<&str> = Section::ALL.iter().map(|s| s.heading()).collect();
    let run_together = lines.iter().any(|l| {
        l.text.len() > 600 && headings.iter().filter(|h| l.text.contains(**h)).count() >= 2
    });
    if !run_together {
        return lines;
    }
    let labels = table_labels();
    let mut out = Vec::with_capacity(lines.len() * 4);
    let mut in_tables = false;
    for line in lines {
        // Cut points: byte offsets in the line where a heading or (in the tables) a label
        // starts.
        let mut cuts: Vec<(usize, Option<bool>)> = Vec::new();
        for (k, h) in headings.iter().enumerate() {
            for (at, _) in line.text.match_indices(h) {
                // Entering the tables at 二, leaving them at 五.
                let tables = match k {
                    1 => Some(true),
                    4 | 5 => Some(false),
                    _ => None,
                };
                cuts.push((at, tables));
                // The heading is a line of its own.
                cuts.push((at + h.len(), None));
            }
        }
        cuts.sort_unstable();
        let mut label_cuts: Vec<usize> = Vec::new();
        let mut state = in_tables;
        let mut from = 0;
        for &(at, change) in cuts.iter().chain(std::iter::once(&(line.text.len(), None))) {
            if state {
                let segment = line.text.get(from..at).unwrap_or("");
                for label in &labels {
                    label_cuts.extend(segment.match_indices(label.as_str()).map(|(i, _)| from + i));
                }
            }
            if let Some(c) = change {
                state = c;
            }
            from = at;
        }
        in_tables = state;
        let mut points: Vec<usize> = cuts.iter().map(|c| c.0).chain(label_cuts).collect();
        points.retain(|&p| p > 0 && p < line.text.len());
        points.sort_unstable();
        points.dedup();
        let mut start = 0;
        for p in points.into_iter().chain(std::iter::once(line.text.len())) {
            if let Some(text) = line.text.get(start..p) {
                if !text.is_empty() || start == 0 {
                    out.push(Line {
                        text,
                        start: line.start + start,
                        number: line.number,
                        page_number: line.page_number,
                    });
                }
            }
            start = p;
        }
    }
    out
}

/// The labels a table prints before its cells, as the format prints them: the 表二
/// captions' start (`第二十条第`) and every row label of every layout, longest first.
fn table_labels() -> Vec<String> {
    use crate::cell::Table;
    use crate::layout::{Layout, RowRef};
    let mut labels: Vec<String> = vec!["第二十条第".to_owned()];
    for layout in Layout::all() {
        for row in layout.rows() {
            let label = match row.row() {
                RowRef::Proactive(r) => r.label(layout.edition()),
                RowRef::Requests(r) => r.label(),
                RowRef::Appeals(_) => continue,
            };
            labels.push(label.to_owned());
        }
        if layout.table() == Table::Requests {
            labels.push(crate::cell::RequestRow::RESULTS_LABEL.to_owned());
            labels.extend(
                crate::cell::OutcomeGroup::ALL
                    .iter()
                    .map(|g| g.label().to_owned()),
            );
        }
    }
    labels.sort_by_key(|l| std::cmp::Reverse(l.len()));
    labels.dedup();
    labels
}

fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// White space as pages print it: Unicode white space (non-breaking and full-width
/// spaces included) and the zero-width space.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}'
}

/// Appends `text` normalised for comparing labels: white space removed, full-width ASCII
/// forms made half-width, the punctuation that pages vary (`、` `，` `,` `．` after a
/// number) made `.`, curly quotes made straight.
pub(crate) fn normalize_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if is_space(c) {
            continue;
        }
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '﹙' => '(',
            '﹚' => ')',
            '“' | '”' | '„' | '″' => '"',
            '‘' | '’' => '\'',
            '〔' | '﹝' | '【' | '〖' => '[',
            '〕' | '﹞' | '】' | '〗' => ']',
            '−' => '-',
            c => c,
        };
        out.push(match c {
            '、' | ',' | '.' => '.',
            c => c,
        });
    }
}

/// [`normalize_into`] into a new string.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    normalize_into(text, &mut out);
    out
}

/// Whether a line is a page footer or header of a PDF text layer or a flip-book page:
/// `- 3 -`, `—3—`, `第 3 页`, `第3页 共5页`, `P. 9`, `Page 9`.
pub(crate) fn is_page_footer(text: &str) -> bool {
    let t = text.trim_matches(is_space);
    if t.is_empty() {
        return false;
    }
    let dashes = |c: char| matches!(c, '-' | '－' | '—' | '–' | '−');
    if let Some(inner) = t.strip_prefix(dashes).and_then(|s| s.strip_suffix(dashes)) {
        let inner = inner.trim_matches(|c| is_space(c) || dashes(c));
        return !inner.is_empty() && inner.chars().all(is_digit);
    }
    if let Some(n) = t.strip_prefix("Page").or_else(|| t.strip_prefix("P.")) {
        let n = n.trim_matches(is_space);
        let digits = n.len() - n.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        // `Page 9`, or a flip-book's `Page 9 - 2020年报_审计局`.
        let rest = n.get(digits..).unwrap_or("").trim_start_matches(is_space);
        return digits > 0 && (rest.is_empty() || rest.starts_with(['-', '–', '—']));
    }
    let mut rest = t;
    let mut pages = 0;
    while let Some(r) = rest.strip_prefix(['第', '共']) {
        let r = r.trim_start_matches(is_space);
        let digits = r.find(|c: char| !is_digit(c)).unwrap_or(r.len());
        if digits == 0 {
            return false;
        }
        let Some(r) = r[digits..].trim_start_matches(is_space).strip_prefix('页') else {
            return false;
        };
        rest = r.trim_start_matches(|c| is_space(c) || c == '/' || c == '，' || c == ',');
        pages += 1;
    }
    pages > 0 && rest.is_empty()
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Words of the page furniture that web pages print after a report (share buttons,
/// print and close links, leaving-site prompts): where the last section's text stops.
const FURNITURE: &[&str] = &[
    "扫一扫",
    "在手机打开",
    "打印本页",
    "关闭窗口",
    "您访问的链接即将离开",
    "分享到",
    "【打印】",
    "【关闭】",
    "上一篇",
    "下一篇",
    "网站标识码",
    "版权所有",
];

/// A character of each [`FURNITURE`] word: a line with none of them is no furniture.
const FURNITURE_MARKS: [char; 9] = ['扫', '打', '关', '访', '享', '篇', '标', '权', '印'];

/// Whether a line is page furniture rather than report text: a short line (60
/// characters at most) that starts with one of the [`FURNITURE`] words (after spaces,
/// brackets and bullets), or holds two of them (`字号 | 打印本页 | 关闭窗口`). One such word
/// inside a line of text (`1.推行“扫一扫”查看政策解读。`) does not make it furniture: the
/// text of the last section stops at furniture, so a misfire would drop the report's text.
pub(crate) fn is_furniture(text: &str) -> bool {
    if text.len() > 60 * 4 || !text.contains(FURNITURE_MARKS) || text.chars().count() > 60 {
        return false;
    }
    let bare = text.trim_start_matches(|c: char| {
        is_space(c) || matches!(c, '【' | '[' | '(' | '（' | '•' | '·' | '|')
    });
    let starts = FURNITURE
        .iter()
        .any(|w| bare.starts_with(w.trim_start_matches('【')));
    starts || FURNITURE.iter().filter(|w| text.contains(*w)).count() >= 2
}

/// Whether a piece of text stands for one cell of a table: a number of any kind the
/// crate reads, one of the signs printed in place of a number (`/`, `-`, `—`, `无`), or
/// text printed where a number belongs that the cell parser refuses (see
/// [`is_number_like`]).
///
/// What is read is decided by [`Value::parse`] alone, when the cell is placed: a token
/// that the parser refuses is still a cell here, so that it is noted at its own cell
/// (quoting the text) instead of cutting its row short.
pub(crate) fn is_value(token: &str) -> bool {
    let t = token.trim_matches(is_space);
    if t.is_empty() {
        return false;
    }
    if is_blank_token(t) || is_number_like(t) {
        return true;
    }
    let first = t.chars().next().unwrap_or(' ');
    if !(is_digit(first) || is_sign(first)) {
        return false;
    }
    Value::parse(ValueKind::Delta, t).is_ok() || Value::parse(ValueKind::Money, t).is_ok()
}

fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | '＋' | '－' | '−')
}

/// Whether a (trimmed) token has the shape of a number, whether or not the cell parser
/// reads it: an optional sign; then digits (ASCII or full-width) with thousands
/// separators, at most one decimal point and an exponent (`1e3`), or `NaN`, `inf`,
/// `Infinity` (any case); then optionally `元` or `万元`. This is a classifier of page
/// text, not a parser: it only says that a cell is printed here (30 digits, 40 decimal
/// places, `1e40`, `NaN` from a spreadsheet), and [`Value::parse`] says what it holds.
fn is_number_like(token: &str) -> bool {
    let t = token.strip_prefix(is_sign).unwrap_or(token);
    let t = t
        .strip_suffix("万元")
        .or_else(|| t.strip_suffix('元'))
        .unwrap_or(t);
    if ["nan", "inf", "infinity"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let mut chars = t.chars().peekable();
    // Digits, then groups of a separator and digits: thousands (`,`), one decimal point,
    // one exponent (whose digits may be signed).
    if !digits(&mut chars) {
        return false;
    }
    let (mut point, mut exponent) = (false, false);
    while let Some(c) = chars.next() {
        match c {
            ',' | '，' if !point && !exponent => {}
            '.' | '．' if !point && !exponent => point = true,
            'e' | 'E' if !exponent => {
                exponent = true;
                chars.next_if(|&c| is_sign(c));
            }
            _ => return false,
        }
        if !digits(&mut chars) {
            return false;
        }
    }
    true
}

/// Skips a run of digits; whether there was one.
fn digits(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let mut any = false;
    while chars.next_if(|&c| is_digit(c)).is_some() {
        any = true;
    }
    any
}

/// The first `20xx年` (digits may be full-width, spaces may stand before 年) in the text
/// from 2019 on, with its byte position.
pub(crate) fn find_year(text: &str) -> Option<(u16, usize)> {
    let mut chars = text.char_indices().peekable();
    let mut prev_digit = false;
    while let Some((pos, c)) = chars.next() {
        let starts = !prev_digit && digit_value(c) == Some(2);
        prev_digit = is_digit(c);
        if !starts {
            continue;
        }
        let mut ahead = chars.clone();
        let mut year = 2;
        let mut n = 1;
        while let Some(d) = ahead.peek().and_then(|&(_, c)| digit_value(c)) {
            year = year * 10 + d;
            n += 1;
            ahead.next();
            if n > 4 {
                break;
            }
        }
        if n != 4 {
            continue;
        }
        while ahead.peek().is_some_and(|&(_, c)| is_space(c)) {
            ahead.next();
        }
        if ahead.peek().is_some_and(|&(_, c)| c == '年') && (2019..=2099).contains(&year) {
            return u16::try_from(year).ok().map(|y| (y, pos));
        }
    }
    None
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_offsets() {
        let lines = split_lines("a\r\n\nbc");
        let texts: Vec<_> = lines.iter().map(|l| (l.text, l.start)).collect();
        assert_eq!(texts, [("a", 0), ("", 3), ("bc", 4)]);
        assert_eq!(split_lines("").len(), 1);
        assert_eq!(split_lines("x\n").len(), 2);
    }

    #[test]
    fn normalising_labels() {
        assert_eq!(
            normalize("（二）部分公开（区分处理的, 只计这一情 形，不"),
            "(二)部分公开(区分处理的.只计这一情形.不"
        );
        assert_eq!(normalize("1、申请人"), normalize("1．申请人"));
        assert_eq!(
            normalize("本年收费金额(单位:万元)"),
            normalize("本年收费金额（单位：万元）")
        );
        assert_eq!(normalize("自 然\u{a0}人\u{3000}"), "自然人");
    }

    #[test]
    fn footers() {
        for f in [
            "- 3 -",
            "-3-",
            "— 12 —",
            "第 3 页",
            "第3页 共5页",
            "  - ５ -  ",
            "P. 9",
            "Page 12",
            // A flip-book's page header.
            "Page 9 - 2020年报_审计局",
        ] {
            assert!(is_page_footer(f), "{f}");
        }
        for f in [
            "- -",
            "-",
            "0",
            "3",
            "第三页",
            "- 3",
            "行政许可 - 3 -",
            "Page 9 of 2020年报",
            "P.",
        ] {
            assert!(!is_page_footer(f), "{f}");
        }
    }

    #[test]
    fn furniture() {
        for f in [
            "扫一扫在手机打开当前页",
            "您访问的链接即将离开“陆河县人民政府”门户网站,是否继续?",
            "【打印】【关闭】",
            "  【打印本页】 【关闭窗口】",
            "• 分享到：",
            "上一篇：某局2020年政府信息公开工作年度报告",
            "字号：大 中 小 | 打印本页 | 关闭窗口",
            "网站标识码：4415230001 版权所有：陆河县人民政府",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for w in FURNITURE {
            assert!(w.contains(FURNITURE_MARKS), "{w}");
        }
        for f in [
            "1.推行“扫一扫”查看政策解读。",
            "群众通过扫一扫即可查看",
            "（三）关于网站版权所有声明的更新",
            "无",
            "",
        ] {
            assert!(!is_furniture(f), "{f}");
        }
    }

    #[test]
    fn value_tokens() {
        for v in [
            "0",
            " 1,036",
            "+12",
            "-8",
            "/",
            "—",
            "无",
            "79000.1元",
            "160.5964万元",
            "１２",
            // Printed where a number belongs, refused by the cell parser, noted at
            // the cell.
            "1000000000000000000000000000000",
            "-99999999999999999999",
            "0.00000000000000000000000000000000000000001",
            "1e3",
            "1E+40元",
            "NaN",
            "-Infinity",
            "inf",
            "NaN元",
            "1,2",
        ] {
            assert!(is_value(v), "{v}");
        }
        for v in [
            "",
            "1.",
            "1.属于国家秘密",
            "2020年",
            "规章",
            "本年增/减",
            "- 3 -",
            "2021.02.19",
            "2021-02-19",
            "1.2.3",
            "1e",
            "e3",
            "1e3e4",
            "10%",
            "0517-83605210",
            "NaNa",
            "元",
            "+",
        ] {
            assert!(!is_value(v), "{v}");
        }
    }

    #[test]
    fn years() {
        assert_eq!(find_year("陆河县2020年度"), Some((2020, 9)));
        assert_eq!(find_year("2023 年政府"), Some((2023, 0)));
        assert_eq!(find_year("２０２１年"), Some((2021, 0)));
        assert_eq!(find_year("2018年与2019年"), Some((2019, 10)));
        assert_eq!(find_year("12020年"), None);
        assert_eq!(find_year("年"), None);
    }
}
