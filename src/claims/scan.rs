//! Reading a text section: sentences, numbers, clauses, and the claims they make.
//!
//! Nothing here allocates: a sentence is read into a fixed buffer on the stack (its
//! characters without whitespace, each with its byte offset and whether whitespace came
//! before it), and the claims found go into a fixed queue.
//!
//! The reading is deliberately narrow. A number becomes a claim only when its clause ties
//! it to a quantity of the tables by words the lexicon knows, with nothing unknown
//! between the words and the number, and nothing in the clause that makes it something
//! else (a channel, a comparison, a rate, a part of the body, another year, an
//! approximation, a negation). Everything else is left alone.

use rust_decimal::Decimal;

use crate::cell::{AppealColumn, AppealGroup, OutcomeGroup, ProactiveRow};
use crate::money::{Amount, MoneyUnit};
use crate::section::Section;

use super::TextSpan;
use super::lexicon::{DocVerb, Lex, Role, longest};
use super::measure::{Applicants, Cases, FeeMeasure, Measure, ProactiveMeasure, Quantity};

/// The most characters of one sentence read; a longer sentence is read in pieces.
pub(crate) const CAP: usize = 640;

/// The most numbers read in one sentence.
const MAX_NUMBERS: usize = 48;

/// The most words and unknown runs in one context.
const MAX_TOKENS: usize = 40;

/// The most claims one sentence gives.
pub(crate) const QUEUE: usize = 16;

/// A sentence: its characters without whitespace.
pub(crate) struct Sentence {
    chars: [char; CAP],
    /// The byte offset of each character in the section text.
    at: [u32; CAP],
    /// Whether whitespace (or a page footer) came before the character.
    gap: [bool; CAP],
    /// The characters in UTF-8, for matching the lexicon's words byte by byte.
    utf8: [u8; CAP * 4],
    /// The offset of each character in `utf8` (and the end, after the last).
    off: [u16; CAP + 1],
    len: usize,
    /// Whether the sentence starts a paragraph (a heading such as （二） or 2、 starts it,
    /// or it is the first of its section).
    paragraph: bool,
    /// Whether the sentence may make a claim: a unit right after a digit or a Chinese
    /// numeral, or a negation (没, 无, 未). Most sentences make none: their characters are
    /// not copied, and they are not read.
    hint: bool,
    /// Whether the sentence names 政府信息公开 (信息公开, 依申请, 公开申请).
    tie: bool,
}

impl std::fmt::Debug for Sentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sentence")
            .field("text", &self.text())
            .field("paragraph", &self.paragraph)
            .finish_non_exhaustive()
    }
}

impl Sentence {
    pub(crate) fn new() -> Sentence {
        Sentence {
            chars: ['\0'; CAP],
            at: [0; CAP],
            gap: [false; CAP],
            utf8: [0; CAP * 4],
            off: [0; CAP + 1],
            len: 0,
            paragraph: false,
            hint: false,
            tie: false,
        }
    }

    fn chars(&self) -> &[char] {
        &self.chars[..self.len]
    }

    /// The characters as one string, without whitespace.
    fn text(&self) -> &str {
        std::str::from_utf8(
            self.utf8
                .get(..usize::from(self.off[self.len]))
                .unwrap_or(&[]),
        )
        .unwrap_or("")
    }

    /// The UTF-8 of characters `from..to`.
    fn utf8(&self, from: usize, to: usize) -> &[u8] {
        let at = |i: usize| usize::from(self.off.get(i.min(self.len)).copied().unwrap_or(0));
        self.utf8.get(at(from)..at(to)).unwrap_or(&[])
    }

    fn push(&mut self, c: char, at: usize, gap: bool) {
        let i = self.len;
        self.chars[i] = c;
        self.at[i] = u32::try_from(at).unwrap_or(u32::MAX);
        self.gap[i] = gap;
        self.len += 1;
    }

    /// Writes the characters' UTF-8 (for the lexicon), once they are all pushed.
    fn encode(&mut self) {
        let mut o = 0usize;
        for i in 0..self.len {
            o += self.chars[i].encode_utf8(&mut self.utf8[o..o + 4]).len();
            #[allow(clippy::cast_possible_truncation, reason = "at most CAP * 4 bytes")]
            {
                self.off[i + 1] = o as u16;
            }
        }
    }

    /// The byte range of characters `from..to` in the section text.
    fn bytes(&self, from: usize, to: usize, text: &str) -> (u32, u32) {
        let start = self.at.get(from).copied().unwrap_or(0);
        let end = match to.checked_sub(1).and_then(|last| self.at.get(last)) {
            Some(&at) => {
                let c = text
                    .get(at as usize..)
                    .and_then(|s| s.chars().next())
                    .map_or(1, char::len_utf8);
                at + u32::try_from(c).unwrap_or(1)
            }
            None => start,
        };
        (start, end.max(start))
    }
}

/// Whether the character ends a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Whether a line is a page footer a PDF extraction leaves in the text (`- 3 -`,
/// `—3—`, `第 3 页`, `第3页 共6页`).
fn is_footer(line: &str) -> bool {
    let t = line.trim();
    if !t.starts_with(['-', '－', '—', '–', '第']) {
        return false;
    }
    let digits = t.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '－' | '—' | '–');
    let dashed = t.starts_with(dash)
        && t.ends_with(dash)
        && t.chars()
            .all(|c| c.is_ascii_digit() || dash(c) || c.is_whitespace());
    let paged = t.starts_with('第')
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '第' | '页' | '共') || c.is_whitespace());
    dashed || paged
}

/// Chinese numerals that count (not 〇 alone).
fn cn_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_unit(c).is_some()
}

/// Whether a line starts with a heading mark: （一）, (二), 三、, 4、, 5. or 5．.
fn starts_heading(chars: impl IntoIterator<Item = char>) -> bool {
    let mut it = chars.into_iter().filter(|c| !c.is_whitespace()).peekable();
    let Some(first) = it.next() else {
        return false;
    };
    if matches!(first, '（' | '(') {
        let mut n = 0;
        while it.peek().is_some_and(|&c| is_cn_numeral(c)) {
            it.next();
            n += 1;
        }
        return n > 0 && matches!(it.next(), Some('）' | ')'));
    }
    if is_cn_numeral(first) {
        while it.peek().is_some_and(|&c| is_cn_numeral(c)) {
            it.next();
        }
        return it.next() == Some('、');
    }
    if first.is_ascii_digit() {
        while it.peek().is_some_and(char::is_ascii_digit) {
            it.next();
        }
        return match it.next() {
            Some('、') => true,
            Some('.' | '．') => !it.next().is_some_and(|c| c.is_ascii_digit()),
            _ => false,
        };
    }
    false
}

/// Walks the sentence of `text` that starts at byte `pos`: calls `visit(c, at, gap, hot)`
/// (`hot`: [`is_hot`]) for each character that is not whitespace (at most [`CAP`]), page footers skipped, and
/// returns the byte after the sentence, whether it starts a paragraph, and the number of
/// characters visited. A sentence ends after 。！？, at a blank line, or before a line
/// that starts with a heading mark.
fn walk(
    text: &str,
    pos: usize,
    mut visit: impl FnMut(char, usize, bool, bool),
) -> (usize, bool, usize) {
    let bytes = text.as_bytes();
    let mut paragraph = pos == 0;
    let mut gap = false;
    let mut n = 0;
    let mut i = pos;
    while let Some(&lead) = bytes.get(i) {
        let (c, w) = decode(text, i, lead);
        if c >= '\u{3001}' && !is_hot(c) {
            // Most characters of a Chinese text: not whitespace, not a line break, not the
            // end of a sentence, nothing the first pass looks for.
            if n >= CAP {
                return (i, paragraph, n);
            }
            visit(c, i, gap, false);
            n += 1;
            gap = false;
            i += w;
            continue;
        }
        if lead == b'\n' {
            let rest = text.get(i + 1..).unwrap_or("");
            // The first character of the next line tells whether it can be blank, a page
            // footer or a heading; only then is the line looked at whole.
            let first = rest.chars().find(|&c| c == '\n' || !is_space(c));
            match first {
                None | Some('\n') if n > 0 => {
                    // A blank line ends a paragraph.
                    return (i + 1, paragraph, n);
                }
                Some('-' | '－' | '—' | '–' | '第') => {
                    let line = rest.split('\n').next().unwrap_or("");
                    if is_footer(line) {
                        i += 1 + line.len();
                        gap = true;
                        continue;
                    }
                }
                Some(c)
                    if n > 0
                        && (c == '（' || c == '(' || is_cn_numeral(c) || c.is_ascii_digit())
                        && starts_heading(rest.split('\n').next().unwrap_or("").chars()) =>
                {
                    return (i + 1, paragraph, n);
                }
                _ => {}
            }
            paragraph |= n == 0;
        }
        if is_space(c) {
            gap = true;
            i += w;
            continue;
        }
        if n >= CAP {
            return (i, paragraph, n);
        }
        if n == 0 && starts_heading(text.get(i..).unwrap_or("").chars().take(8)) {
            paragraph = true;
        }
        let hot = is_hot(c);
        visit(c, i, gap, hot);
        n += 1;
        gap = false;
        i += w;
        if hot && ends_sentence(c) {
            return (i, paragraph, n);
        }
    }
    (bytes.len(), paragraph, n)
}

/// The character at byte `i` of `text` (whose first byte is `lead`) and its length: the
/// three-byte characters of Chinese text decoded in place.
fn decode(text: &str, i: usize, lead: u8) -> (char, usize) {
    if lead < 0x80 {
        return (char::from(lead), 1);
    }
    if (0xE0..0xF0).contains(&lead) {
        if let Some(&[_, b1, b2]) = text.as_bytes().get(i..i + 3) {
            let c =
                (u32::from(lead & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
            if let Some(c) = char::from_u32(c) {
                return (c, 3);
            }
        }
    }
    let c = text
        .get(i..)
        .and_then(|t| t.chars().next())
        .unwrap_or(char::REPLACEMENT_CHARACTER);
    (c, c.len_utf8().max(1))
}

/// `char::is_whitespace`, with the characters of Chinese text answered without a table.
fn is_space(c: char) -> bool {
    match c {
        '\t'..='\r' | ' ' => true,
        '!'..='\u{7f}' | '\u{3001}'..='\u{ffff}' => false,
        _ => c.is_whitespace(),
    }
}

/// What the first pass over a sentence learns: whether it may make a claim, and whether it
/// names 政府信息公开 (信息公开, 依申请, 公开申请), the last few characters read across
/// whitespace.
#[derive(Default)]
struct Probe {
    last: [char; 3],
    hint: bool,
    tie: bool,
}

/// The characters that can matter to a sentence's first pass: ASCII, the sentence ends,
/// digits, Chinese numerals, units, negations and the characters of the tie words.
const HOT_CHARS: &str = "。！？％０１２３４５６７８９〇零一二两三四五六七八九十百千万亿\
                         件份条个项宗起例篇部元没无未信息公开依申请";

/// [`HOT_CHARS`] by the low 8 bits of their code: a character whose bit is clear is none
/// of them (most characters of a Chinese text), and costs nothing more.
static HOT: [u64; 4] = {
    let b = HOT_CHARS.as_bytes();
    let mut bits = [0u64; 4];
    let mut i = 0;
    while i < b.len() {
        // Every character of the list is three bytes long.
        let c = ((b[i] as u32 & 0x0F) << 12)
            | ((b[i + 1] as u32 & 0x3F) << 6)
            | (b[i + 2] as u32 & 0x3F);
        bits[((c >> 6) & 3) as usize] |= 1 << (c & 63);
        i += 3;
    }
    bits
};

/// Whether a character may be one of [`HOT_CHARS`] (or is ASCII).
fn is_hot(c: char) -> bool {
    let c = c as u32;
    c < 0x80 || HOT[((c >> 6) & 3) as usize] >> (c & 63) & 1 == 1
}

impl Probe {
    fn see(&mut self, c: char, hot: bool) {
        if !hot {
            self.last = ['\0'; 3];
            return;
        }
        let [a, b, p] = self.last;
        let unit = matches!(
            c,
            '件' | '份'
                | '条'
                | '个'
                | '项'
                | '宗'
                | '起'
                | '例'
                | '篇'
                | '部'
                | '元'
                | '%'
                | '％'
        );
        if (unit && (ascii_digit(p).is_some() || is_cn_numeral(p)))
            || matches!(c, '没' | '无' | '未')
        {
            self.hint = true;
        }
        if (c == '开' && [a, b, p] == ['信', '息', '公'])
            || (c == '请' && [b, p] == ['依', '申'])
            || (c == '请' && [a, b, p] == ['公', '开', '申'])
        {
            self.tie = true;
        }
        self.last = [b, p, c];
    }
}

/// Reads the next sentence of `text` from byte `*pos` into `s`; `false` at the end. Only
/// a sentence that may make a claim has its UTF-8 written ([`Sentence::hint`]).
pub(crate) fn next_sentence(text: &str, pos: &mut usize, s: &mut Sentence) -> bool {
    let start = *pos;
    let mut probe = Probe::default();
    s.len = 0;
    let (next, paragraph, n) = walk(text, start, |c, at, gap, hot| {
        probe.see(c, hot);
        s.push(c, at, gap);
    });
    *pos = next;
    s.paragraph = paragraph;
    s.hint = probe.hint;
    s.tie = probe.tie;
    if probe.hint {
        s.encode();
    }
    n > 0 || next < text.len()
}

/// The unit printed after a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    /// 件, 份, 条, 个, 项, 宗, 起, 例, 篇, 部: a count; `true` for 项 (items).
    Count(bool),
    /// 元 or 万元.
    Money(MoneyUnit),
    /// %.
    Percent,
    /// 年 after a four-digit number: a year.
    Year,
    /// Anything else.
    Other,
}

/// A number in a sentence.
#[derive(Debug, Clone, Copy)]
struct Number {
    /// The index of its first character.
    start: usize,
    /// The index after its unit (after its digits when it has none).
    end: usize,
    value: Decimal,
    unit: Unit,
    /// Followed by 余, 多, 左右, 以上: not an exact number.
    approximate: bool,
}

impl Number {
    /// No number: the filler of a buffer of numbers.
    const NONE: Number = Number {
        start: 0,
        end: 0,
        value: Decimal::ZERO,
        unit: Unit::Other,
        approximate: false,
    };

    fn count(&self) -> Option<u64> {
        match self.unit {
            Unit::Count(_) if self.value.scale() == 0 && !self.approximate => {
                u64::try_from(self.value.mantissa()).ok()
            }
            _ => None,
        }
    }

    fn year(&self) -> Option<u16> {
        match self.unit {
            Unit::Year if self.value.scale() == 0 => u16::try_from(self.value.mantissa()).ok(),
            _ => None,
        }
    }

    /// Whether the number can be a claim: counted, money or a percentage, exact.
    fn is_figure(&self) -> bool {
        !self.approximate && matches!(self.unit, Unit::Count(_) | Unit::Money(_) | Unit::Percent)
    }
}

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Reads the Arabic number starting at `i`: its value and the index after it.
fn arabic(chars: &[char], gap: &[bool], i: usize) -> Option<(Decimal, usize)> {
    let mut mantissa: i128 = 0;
    let mut scale = 0u32;
    let mut j = i;
    let mut digits = 0;
    let mut fraction = false;
    while let Some(&c) = chars.get(j) {
        if j > i && gap.get(j).copied().unwrap_or(true) {
            break;
        }
        if let Some(d) = ascii_digit(c) {
            mantissa = mantissa.checked_mul(10)?.checked_add(i128::from(d))?;
            digits += 1;
            if fraction {
                scale += 1;
            }
            j += 1;
            continue;
        }
        // A thousands separator: `,` and exactly three digits.
        let three = |k: usize| {
            (k + 1..k + 4).all(|m| chars.get(m).and_then(|&c| ascii_digit(c)).is_some())
                && chars.get(k + 4).and_then(|&c| ascii_digit(c)).is_none()
        };
        if matches!(c, ',') && !fraction && digits > 0 && three(j) {
            j += 1;
            continue;
        }
        if matches!(c, '.' | '．')
            && !fraction
            && chars.get(j + 1).and_then(|&c| ascii_digit(c)).is_some()
        {
            fraction = true;
            j += 1;
            continue;
        }
        break;
    }
    if digits == 0 || digits > 24 || scale > 12 {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    Some((value, j))
}

/// Reads the Chinese numeral starting at `i` (三, 十二, 一百零五, 二〇二四): its value and
/// the index after it.
fn chinese(chars: &[char], i: usize) -> Option<(Decimal, usize)> {
    let mut j = i;
    while chars.get(j).is_some_and(|&c| is_cn_numeral(c)) && j - i < 12 {
        j += 1;
    }
    let run = chars.get(i..j)?;
    // 二〇二四, 二零二四: a year's digits in place (三四 is "three or four", not 34).
    let positional = run.len() >= 4
        && run.iter().all(|&c| cn_digit(c).is_some())
        && run.iter().any(|&c| matches!(c, '〇' | '零'));
    let value = if positional {
        // 二〇二四: digits in place.
        let mut v: u64 = 0;
        for &c in run {
            v = v.checked_mul(10)?.checked_add(cn_digit(c)?)?;
        }
        v
    } else {
        let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
        for &c in run {
            if let Some(d) = cn_digit(c) {
                if digit.is_some() && d != 0 {
                    return None; // 三四: not a number
                }
                digit = if d == 0 { None } else { Some(d) };
            } else {
                let u = cn_unit(c)?;
                if u >= 10_000 {
                    section = section.checked_add(digit.unwrap_or(0))?;
                    total = total.checked_add(section.checked_mul(u)?)?;
                    section = 0;
                } else {
                    let d = digit.unwrap_or(u64::from(section == 0 && total == 0 && u == 10));
                    if d == 0 {
                        return None; // 百 alone, 零十
                    }
                    section = section.checked_add(d.checked_mul(u)?)?;
                }
                digit = None;
            }
        }
        total
            .checked_add(section)?
            .checked_add(digit.unwrap_or(0))?
    };
    Some((Decimal::from(value), j))
}

/// The unit after a number's digits at `j`, with the index after it.
fn unit(chars: &[char], j: usize, value: Decimal) -> (Unit, usize) {
    let at = |k: usize| chars.get(k).copied();
    match at(j) {
        Some('%' | '％') => (Unit::Percent, j + 1),
        Some('元') => (Unit::Money(MoneyUnit::Yuan), j + 1),
        Some('万') if at(j + 1) == Some('元') => (Unit::Money(MoneyUnit::WanYuan), j + 2),
        Some('项') => (Unit::Count(true), j + 1),
        Some('个') if at(j + 1) == Some('百') => (Unit::Other, j),
        Some('件' | '份' | '条' | '个' | '宗' | '起' | '例' | '篇' | '部') => {
            (Unit::Count(false), j + 1)
        }
        Some('年') if value.scale() == 0 && (1900..=2200).contains(&value.mantissa()) => (
            Unit::Year,
            if at(j + 1) == Some('度') {
                j + 2
            } else {
                j + 1
            },
        ),
        _ => (Unit::Other, j),
    }
}

/// Whether the characters at `k` say the number before is approximate.
fn approximate_after(chars: &[char], k: usize) -> bool {
    match chars.get(k) {
        Some('余' | '多') => true,
        Some('左') => chars.get(k + 1) == Some(&'右'),
        Some('以') => matches!(chars.get(k + 1), Some('上' | '下' | '内')),
        _ => false,
    }
}

/// Every number of the sentence, in order (at most [`MAX_NUMBERS`]).
fn numbers(s: &Sentence, out: &mut [Number; MAX_NUMBERS]) -> usize {
    let chars = s.chars();
    let gap = &s.gap[..s.len];
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() && n < MAX_NUMBERS {
        let c = chars[i];
        let prev = i.checked_sub(1).and_then(|p| chars.get(p).copied());
        let glued = i > 0 && !gap[i];
        let parsed = if ascii_digit(c).is_some() {
            let after_word = glued
                && prev.is_some_and(|p| {
                    p.is_ascii_alphanumeric() || matches!(p, '.' | '．' | '/' | '-' | '_')
                });
            if after_word {
                None
            } else {
                arabic(chars, gap, i)
            }
        } else if is_cn_numeral(c) && !(glued && prev.is_some_and(is_cn_numeral)) {
            chinese(chars, i)
        } else {
            None
        };
        let Some((value, digits_end)) = parsed else {
            i += 1;
            continue;
        };
        // A number glued to letters or digits after it is an identifier, not a count.
        let glued_after = chars
            .get(digits_end)
            .is_some_and(|&c| c.is_ascii_alphanumeric() && !gap[digits_end]);
        let (unit, end) = if glued_after {
            (Unit::Other, digits_end)
        } else {
            unit(chars, digits_end, value)
        };
        // Chinese numerals count only with a unit after them.
        let cn = ascii_digit(c).is_none();
        if cn && matches!(unit, Unit::Other) {
            i = digits_end.max(i + 1);
            continue;
        }
        out[n] = Number {
            start: i,
            end,
            value,
            unit,
            approximate: approximate_after(chars, end),
        };
        n += 1;
        i = end.max(i + 1);
    }
    n
}

/// A word of a context, or a run of characters the lexicon does not know, or a number
/// that is not a claim (a year, a number without a unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Word(Lex),
    Year(u16),
    /// A number that may be a claim: its index in the sentence's numbers.
    Num(u8),
    Unknown,
}

/// The words of a clause (or of a phrase), read once; [`Context`]s are views of parts of
/// them.
struct Words {
    toks: [Tok; MAX_TOKENS],
    /// The characters each token covers.
    spans: [(u16, u16); MAX_TOKENS],
    len: usize,
    /// More words than fit: read as unknown.
    overflow: bool,
}

impl Words {
    fn read(s: &Sentence, nums: &[Number], from: usize, to: usize) -> Words {
        let mut words = Words {
            toks: [Tok::Unknown; MAX_TOKENS],
            spans: [(0, 0); MAX_TOKENS],
            len: 0,
            overflow: false,
        };
        let to = to.min(s.len);
        let mut j = from;
        // Once the words overflow, the context is not used: stop reading.
        while j < to && !words.overflow {
            let at = nums.partition_point(|n| n.start < j);
            if let Some((i, num)) = nums.get(at).filter(|n| n.start == j).map(|n| (at, n)) {
                let end = num.end.max(j + 1);
                let tok = match (num.is_figure(), num.year(), u8::try_from(i)) {
                    (true, _, Ok(i)) => Tok::Num(i),
                    (false, Some(y), _) => Tok::Year(y),
                    _ => Tok::Unknown,
                };
                words.push(tok, j, end);
                j = end;
                continue;
            }
            if let Some((lex, k)) = longest(s.utf8(j, to)) {
                words.push(Tok::Word(lex), j, j + k);
                j += k;
            } else {
                match words.len.checked_sub(1) {
                    Some(last) if words.toks[last] == Tok::Unknown => {
                        words.spans[last].1 = span_end(j + 1);
                    }
                    _ => words.push(Tok::Unknown, j, j + 1),
                }
                j += 1;
            }
        }
        words
    }

    fn push(&mut self, tok: Tok, start: usize, end: usize) {
        match self.toks.get_mut(self.len) {
            Some(slot) => {
                *slot = tok;
                self.spans[self.len] = (span_end(start), span_end(end));
                self.len += 1;
            }
            None => self.overflow = true,
        }
    }

    /// All the words.
    fn all(&self) -> Context<'_> {
        self.part(0, self.len)
    }

    /// The words `from..to` (token indices).
    fn part(&self, from: usize, to: usize) -> Context<'_> {
        let to = to.min(self.len);
        let from = from.min(to);
        Context {
            toks: &self.toks[from..to],
            spans: &self.spans[from..to],
            overflow: self.overflow,
        }
    }

    /// The token indices of the numbers that may be claims.
    fn numbers(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.toks[..self.len]
            .iter()
            .enumerate()
            .filter_map(|(t, tok)| match tok {
                Tok::Num(i) => Some((t, usize::from(*i))),
                _ => None,
            })
    }
}

/// A character index as stored in a span (a sentence has at most [`CAP`] characters).
fn span_end(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

/// Some of the words of a clause.
#[derive(Clone, Copy)]
struct Context<'w> {
    toks: &'w [Tok],
    spans: &'w [(u16, u16)],
    /// The clause has more words than were read.
    overflow: bool,
}

impl Context<'_> {
    fn len(&self) -> usize {
        self.toks.len()
    }

    fn toks(&self) -> &[Tok] {
        self.toks
    }

    fn has(&self, f: impl Fn(Lex) -> bool) -> bool {
        self.toks.iter().any(|t| matches!(*t, Tok::Word(l) if f(l)))
    }

    /// The index of the last word matching, `None` if none does.
    fn last_of(&self, f: impl Fn(Lex) -> bool) -> Option<usize> {
        self.toks
            .iter()
            .rposition(|t| matches!(*t, Tok::Word(l) if f(l)))
    }

    /// The index of the first word matching.
    fn first_of(&self, f: impl Fn(Lex) -> bool) -> Option<usize> {
        self.toks
            .iter()
            .position(|t| matches!(*t, Tok::Word(l) if f(l)))
    }
}

/// The domain a clause is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Domain {
    Apps,
    Cases(Cases),
    Doc(ProactiveRow),
    Act(ProactiveRow),
}

const fn domain_of(lex: Lex) -> Option<Domain> {
    match lex {
        Lex::App(_) => Some(Domain::Apps),
        Lex::Review => Some(Domain::Cases(Cases::Group(AppealGroup::Review))),
        Lex::Suit(None) => Some(Domain::Cases(Cases::Suits)),
        Lex::Suit(Some(g)) => Some(Domain::Cases(Cases::Group(g))),
        Lex::Doc(r) => Some(Domain::Doc(r)),
        Lex::Act(r) => Some(Domain::Act(r)),
        _ => None,
    }
}

/// Words that change nothing about what a number counts.
const fn neutral(lex: Lex) -> bool {
    matches!(lex, Lex::Filler | Lex::ThisYear | Lex::Tie)
}

/// A count of the sentence before: its value, the bytes of its figure, the bytes of its
/// sentence.
type LastCount = (u64, (u32, u32), (u32, u32));

/// What the sentences before have established.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Carry {
    /// The paragraph ties its numbers to the report's subject (it names 政府信息公开 or
    /// 依申请公开).
    tied: bool,
    /// The last count of the sentence before, for a list starting with 其中 in the next.
    last_count: Option<LastCount>,
    /// The state of the sentence before, for a sentence that starts with 其中.
    state: State,
}

/// What a sentence has established so far.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    last_domain: Option<Domain>,
    /// The quantity of the last claim about applications.
    last_apps: Option<Quantity>,
    last_doc_verb: Option<DocVerb>,
    /// The measure of the last claim about 表二 （五）（六）.
    last_act: Option<ProactiveMeasure>,
    /// A year other than the report's was named.
    other_year: Option<u16>,
}

/// A total followed by 其中 and its parts.
#[derive(Debug, Clone, Copy)]
struct List {
    total: u64,
    /// The byte range of the total's figure.
    figure: (u32, u32),
    /// Where the text the claim cites starts.
    from: u32,
    depth: usize,
    sum: u64,
    parts: u16,
    last_other: bool,
    /// A label split by 、 is under way; whether it starts with 其他.
    pending: Option<bool>,
    overflow: bool,
}

/// One claim found: where, what, and the number stated.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) span: TextSpan,
    pub(crate) figure: (u32, u32),
    pub(crate) measure: Measure,
    pub(crate) stated: Stated,
    /// For a sum, the sum of the parts.
    pub(crate) parts: Option<u64>,
}

/// The number a claim states.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Stated {
    Count(u64),
    Percent(Decimal),
    Money(Amount),
}

/// The claims found in one sentence.
pub(crate) struct Found16 {
    pub(crate) items: [Option<Found>; QUEUE],
    pub(crate) len: usize,
}

impl Found16 {
    pub(crate) const fn new() -> Found16 {
        Found16 {
            items: [None; QUEUE],
            len: 0,
        }
    }

    fn push(&mut self, found: Found) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = Some(found);
            self.len += 1;
        }
    }
}

/// What the reader needs to know about the report.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Setting {
    pub(crate) section: Section,
    pub(crate) year: u16,
    /// The layout 表二 is printed in.
    pub(crate) t2_2019: bool,
    /// Whether section 六 states fees the claims can be compared with.
    pub(crate) fees: bool,
}

/// A clause: characters `start..end` at a depth of parentheses, with what ended it.
#[derive(Debug, Clone, Copy)]
struct Clause {
    start: usize,
    end: usize,
    depth: usize,
    /// Ended by 、.
    enumeration: bool,
    /// Ended by ；.
    semicolon: bool,
}

/// Reads the claims of one sentence.
pub(crate) fn read(
    s: &Sentence,
    text: &str,
    setting: Setting,
    carry: &mut Carry,
    out: &mut Found16,
) {
    if s.paragraph {
        carry.tied = false;
    }
    if s.tie {
        carry.tied = true;
    }
    if !s.hint {
        // No number with a unit and no negation: nothing to read, nothing to continue.
        carry.state = State::default();
        carry.last_count = None;
        return;
    }
    let mut nums = [Number::NONE; MAX_NUMBERS];
    let count = numbers(s, &mut nums);
    let nums = &nums[..count];
    let sentence = s.bytes(0, s.len, text);
    let starts_with_of = matches!(longest(s.utf8(0, s.len)), Some((Lex::Of, _)));
    let mut st = if starts_with_of {
        carry.state
    } else {
        State::default()
    };
    let mut reader = Reader {
        s,
        text,
        nums,
        setting,
        sentence,
        tied: carry.tied,
        st: &mut st,
        out,
        list: None,
        last_count: if starts_with_of {
            carry
                .last_count
                .map(|(v, fig, from)| (v, fig, from.0, usize::MAX))
        } else {
            None
        },
        clause_no: 0,
        last_claim: None,
    };
    let chars = s.chars();
    let mut depth = 0usize;
    let mut start = 0usize;
    let mut i = 0usize;
    let mut next_num = 0usize;
    while i <= chars.len() {
        // Skip over numbers: a `,` inside one is not a separator.
        while nums.get(next_num).is_some_and(|n| n.start < i) {
            next_num += 1;
        }
        if let Some(num) = nums.get(next_num).filter(|n| n.start == i) {
            i = num.end.max(i + 1);
            continue;
        }
        let c = chars.get(i).copied();
        let (ends, open, close) = match c {
            None
            | Some('，' | ',' | '；' | ';' | '：' | ':' | '、' | '。' | '！' | '？' | '!' | '?') => {
                (true, false, false)
            }
            Some('（' | '(') => (true, true, false),
            Some('）' | ')') => (true, false, true),
            _ => (false, false, false),
        };
        if ends {
            let after_last = !nums.iter().any(|n| n.is_figure() && n.start >= start);
            let negation = chars[start.min(i)..i]
                .iter()
                .any(|c| matches!(c, '没' | '无' | '未'));
            // A clause after the sentence's last number makes no claim (unless it negates,
            // or a list of parts is open): it is not read.
            let skip = after_last && !negation && reader.list.is_none();
            if i > start && !skip {
                reader.clause(Clause {
                    start,
                    end: i,
                    depth,
                    enumeration: c == Some('、'),
                    semicolon: matches!(c, Some('；' | ';')),
                });
            }
            if open {
                depth += 1;
            }
            if close {
                depth = depth.saturating_sub(1);
                reader.closed(depth);
            }
            start = i + 1;
        }
        i += 1;
    }
    reader.finish();
    let last_count = reader.last_count;
    carry.state = st;
    carry.last_count = last_count.map(|(v, fig, _, _)| (v, fig, sentence));
}

struct Reader<'r, 's> {
    s: &'s Sentence,
    text: &'s str,
    nums: &'s [Number],
    setting: Setting,
    sentence: (u32, u32),
    tied: bool,
    st: &'r mut State,
    out: &'r mut Found16,
    list: Option<List>,
    /// The last count: its value, its figure, where its sentence starts, its clause.
    last_count: Option<(u64, (u32, u32), u32, usize)>,
    clause_no: usize,
    /// The last claim of the sentence: its measure and the index of its number.
    last_claim: Option<(Measure, usize)>,
}

impl Reader<'_, '_> {
    fn figure(&self, n: &Number) -> (u32, u32) {
        self.s.bytes(n.start, n.end, self.text)
    }

    fn push(&mut self, measure: Measure, n: &Number, stated: Stated, parts: Option<u64>) {
        self.out.push(Found {
            span: TextSpan::new(self.setting.section, self.sentence.0, self.sentence.1),
            figure: self.figure(n),
            measure,
            stated,
            parts,
        });
    }

    fn clause(&mut self, clause: Clause) {
        let words = Words::read(self.s, self.nums, clause.start, clause.end);
        let head = words.all();
        self.list_clause(&clause, &words);
        // The domain words of the clause set the domain of what follows in the sentence;
        // a clause about something else (a blocked word) ends it.
        if head.has(|l| matches!(l, Lex::Block | Lex::Neg(_))) {
            self.st.last_domain = None;
        } else if let Some(Tok::Word(l)) = head
            .last_of(|l| domain_of(l).is_some())
            .map(|i| head.toks[i])
        {
            self.st.last_domain = domain_of(l);
        }
        if let Some(Tok::Word(Lex::DocVerb(v))) = head
            .last_of(|l| matches!(l, Lex::DocVerb(_)))
            .map(|i| head.toks[i])
        {
            self.st.last_doc_verb = Some(v);
        }
        for (t, span) in head.toks.iter().zip(head.spans) {
            if let Tok::Word(Lex::Neg(received)) = *t {
                self.zero((usize::from(span.0), usize::from(span.1)), received);
            }
        }
        let figures: Vec16 = words.numbers().map(|(t, _)| t).collect16();
        let mut from = 0;
        let mut unread = false;
        for (k, &t) in figures.as_slice().iter().enumerate() {
            let Tok::Num(idx) = words.toks[t] else {
                continue;
            };
            let idx = usize::from(idx);
            let n = self.nums[idx];
            let next = figures.as_slice().get(k + 1).copied().unwrap_or(words.len);
            let left = words.part(from, t);
            let right = words.part(t + 1, next);
            self.years(&left);
            match self.classify(&left, &right, &n, idx) {
                Some((measure, stated)) => {
                    self.push(measure, &n, stated, None);
                    self.last_claim = Some((measure, idx));
                    // What a claim was about continues in the clauses after it.
                    match measure {
                        Measure::Requests(..) => self.st.last_domain = Some(Domain::Apps),
                        Measure::Appeals(c, _) => self.st.last_domain = Some(Domain::Cases(c)),
                        _ => {}
                    }
                    match measure {
                        Measure::Requests(q, _) => self.st.last_apps = Some(q),
                        Measure::Proactive(_, m) => self.st.last_act = Some(m),
                        _ => {}
                    }
                }
                None => unread = true,
            }
            if let Some(v) = n.count() {
                self.last_count = Some((v, self.figure(&n), self.sentence.0, self.clause_no));
            }
            self.years(&right);
            from = t + 1;
        }
        if unread {
            // A number the reader could not tie to the tables: what follows does not
            // continue a domain through it.
            self.st.last_domain = None;
        }
        self.clause_no += 1;
        if clause.semicolon {
            self.end_list();
        }
    }

    /// The indices of the numbers that may be claims among characters `from..to`.
    fn figures(&self, from: usize, to: usize) -> Vec16 {
        self.nums
            .iter()
            .enumerate()
            .filter(|(_, n)| n.start >= from && n.start < to && n.is_figure())
            .map(|(i, _)| i)
            .collect16()
    }

    /// Notes the years a context names.
    fn years(&mut self, ctx: &Context) {
        for t in ctx.toks() {
            match *t {
                Tok::Year(y) if y == self.setting.year => self.st.other_year = None,
                Tok::Year(y) => self.st.other_year = Some(y),
                Tok::Word(Lex::ThisYear) => self.st.other_year = None,
                _ => {}
            }
        }
    }

    /// A parenthesis closed: a list inside it ends.
    fn closed(&mut self, depth: usize) {
        if self.list.is_some_and(|l| l.depth > depth) {
            self.end_list();
        }
    }

    fn finish(&mut self) {
        self.end_list();
    }

    // -----------------------------------------------------------------------------------
    // A total and its parts

    fn list_clause(&mut self, clause: &Clause, words: &Words) {
        let head = &words.all();
        let starts_with_of = matches!(head.toks().first(), Some(Tok::Word(Lex::Of)));
        if starts_with_of && self.list.is_none() {
            let previous = self.clause_no.checked_sub(1);
            if let Some((total, figure, from, no)) = self.last_count {
                // The total is the last count of the clause just before (or of the
                // sentence before, for a sentence that starts with 其中).
                if no == usize::MAX || Some(no) == previous {
                    self.list = Some(List {
                        total,
                        figure,
                        from,
                        depth: clause.depth,
                        sum: 0,
                        parts: 0,
                        last_other: false,
                        pending: None,
                        overflow: false,
                    });
                }
            }
        }
        let Some(mut list) = self.list else {
            return;
        };
        if clause.depth > list.depth {
            return;
        }
        if clause.depth < list.depth {
            self.end_list();
            return;
        }
        let inside: Vec16 = words.numbers().map(|(t, _)| t).collect16();
        if inside.as_slice().is_empty() {
            if clause.enumeration {
                if list.pending.is_none() {
                    list.pending = Some(other_label(head, starts_with_of));
                }
                self.list = Some(list);
            } else if !starts_with_of {
                self.end_list();
            }
            return;
        }
        let mut from = 0;
        for &t in inside.as_slice() {
            let Tok::Num(i) = words.toks[t] else {
                continue;
            };
            let Some(v) = self.nums[usize::from(i)].count() else {
                self.end_list();
                return;
            };
            let label = words.part(from, t);
            let other = match list.pending.take() {
                Some(other) => other,
                None => other_label(&label, true),
            };
            match list.sum.checked_add(v) {
                Some(sum) => list.sum = sum,
                None => list.overflow = true,
            }
            list.parts = list.parts.saturating_add(1);
            list.last_other = other;
            from = t + 1;
        }
        self.list = Some(list);
    }

    fn end_list(&mut self) {
        let Some(list) = self.list.take() else {
            return;
        };
        if list.parts >= 2 && list.last_other && !list.overflow {
            self.out.push(Found {
                span: TextSpan::new(
                    self.setting.section,
                    list.from.min(self.sentence.0),
                    self.sentence.1,
                ),
                figure: list.figure,
                measure: Measure::Sum,
                stated: Stated::Count(list.total),
                parts: Some(list.sum),
            });
        }
    }

    // -----------------------------------------------------------------------------------
    // A negation: none of something

    /// Reads a negation at characters `neg` (没有, 未发生, 未收到): when the rest of its
    /// phrase, up to the next ，；：。 or parenthesis, names only applications received,
    /// reviews and suits, or documents made, each is a claim of 0.
    fn zero(&mut self, neg: (usize, usize), received_word: bool) {
        if self.st.other_year.is_some() {
            return;
        }
        let chars = self.s.chars();
        let end = (neg.1..chars.len())
            .find(|&i| {
                matches!(
                    chars[i],
                    '，' | ','
                        | '；'
                        | ';'
                        | '：'
                        | ':'
                        | '。'
                        | '！'
                        | '？'
                        | '!'
                        | '?'
                        | '（'
                        | '('
                        | '）'
                        | ')'
                )
            })
            .unwrap_or(chars.len());
        if !self.figures(neg.1, end).as_slice().is_empty() {
            return;
        }
        let words = Words::read(self.s, self.nums, neg.1, end);
        let phrase = words.all();
        if phrase.overflow {
            return;
        }
        let mut received = received_word;
        let (mut apps, mut issue) = (false, false);
        let mut found: [Option<Measure>; 4] = [None; 4];
        let mut n = 0;
        let mut add = |m: Measure| {
            if n < found.len() && !found[..n].contains(&Some(m)) {
                found[n] = Some(m);
                n += 1;
            }
        };
        for t in phrase.toks() {
            match *t {
                Tok::Word(Lex::Filler | Lex::Tie | Lex::Info | Lex::ThisYear) | Tok::Year(_) => {}
                Tok::Word(Lex::App(_)) => apps = true,
                Tok::Word(Lex::Role(Role::Received)) => received = true,
                Tok::Word(Lex::DocVerb(DocVerb::Issue | DocVerb::Change)) => issue = true,
                Tok::Word(l @ (Lex::Review | Lex::Suit(_))) => {
                    if let Some(Domain::Cases(c)) = domain_of(l) {
                        add(Measure::Appeals(c, AppealColumn::Total));
                    }
                }
                Tok::Word(Lex::Doc(row)) => add(Measure::Proactive(row, ProactiveMeasure::Issued)),
                _ => return,
            }
        }
        let tied = self.tied || phrase.has(|l| matches!(l, Lex::Tie | Lex::App(true)));
        let mut claims: [Option<Measure>; 5] = [None; 5];
        let mut k = 0;
        if apps && received && tied {
            claims[k] = Some(Measure::Requests(Quantity::Received, Applicants::ALL));
            k += 1;
        }
        for m in found.into_iter().flatten() {
            let keep = match m {
                Measure::Appeals(..) => tied,
                Measure::Proactive(..) => issue,
                _ => false,
            };
            if keep && k < claims.len() {
                claims[k] = Some(m);
                k += 1;
            }
        }
        let figure = self.s.bytes(neg.0, neg.1, self.text);
        for m in claims.into_iter().flatten() {
            self.out.push(Found {
                span: TextSpan::new(self.setting.section, self.sentence.0, self.sentence.1),
                figure,
                measure: m,
                stated: Stated::Count(0),
                parts: None,
            });
        }
    }

    // -----------------------------------------------------------------------------------
    // A number and its clause

    /// What the number `n` (the `idx`-th of the sentence) counts, from the words before it
    /// in its clause (`left`) and after it (`right`); `None` when that is not certain.
    fn classify(
        &self,
        left: &Context,
        right: &Context,
        n: &Number,
        idx: usize,
    ) -> Option<(Measure, Stated)> {
        if left.overflow || right.overflow {
            return None;
        }
        if n.unit == Unit::Percent {
            return self.share(left, right, n, idx);
        }
        if left.has(|l| matches!(l, Lex::Block | Lex::OtherYear | Lex::Neg(_))) {
            return None;
        }
        if let Unit::Money(unit) = n.unit {
            return self.fee(left, n, unit);
        }
        let count = n.count()?;
        let stated = Stated::Count(count);
        if left.has(|l| matches!(l, Lex::Fee | Lex::FeeNotice)) {
            return self.fee_notices(left, count);
        }
        // The domain: the nearest domain word before the number, else the first after it.
        let near = left.last_of(|l| domain_of(l).is_some());
        let far = if near.is_none() {
            right.first_of(|l| domain_of(l).is_some())
        } else {
            None
        };
        let explicit = match (near, far) {
            (Some(i), _) => word(left, i).and_then(domain_of),
            (None, Some(i)) => {
                // Only neutral words between the number and the domain word after it.
                if !right.toks()[..i]
                    .iter()
                    .all(|t| transparent(*t, Family::Any))
                {
                    return None;
                }
                word(right, i).and_then(domain_of)
            }
            _ => None,
        };
        let items = matches!(n.unit, Unit::Count(true));
        let domain = match explicit {
            Some(d) => d,
            None => {
                // No domain word: an outcome names applications; a result of a case or a
                // verb continues the domain of the sentence.
                if left.has(|l| matches!(l, Lex::Outcome(_)))
                    || right_role(right)
                        .is_some_and(|r| matches!(r, Lex::Role(_) | Lex::Outcome(_)))
                {
                    Domain::Apps
                } else {
                    self.st.last_domain?
                }
            }
        };
        if self.st.other_year.is_some() {
            // A figure of another year is not the table's, except the 2019 edition's
            // items of the year before (上一年项目数量).
            let previous = self.setting.year.checked_sub(1);
            let prior = self.setting.t2_2019
                && items
                && self.st.other_year == previous
                && matches!(domain, Domain::Act(_));
            if !prior {
                return None;
            }
        }
        let measure = match domain {
            Domain::Apps => self.apps(left, right, explicit.is_some(), near)?,
            Domain::Cases(cases) => self.cases(left, near, far.is_some(), cases)?,
            Domain::Doc(row) => self.documents(left, near, row)?,
            Domain::Act(row) => self.acts(left, near, row, items)?,
        };
        Some((measure, stated))
    }

    fn apps(
        &self,
        left: &Context,
        right: &Context,
        explicit: bool,
        near: Option<usize>,
    ) -> Option<Measure> {
        if !self.tied && !left.has(|l| matches!(l, Lex::App(true))) {
            return None;
        }
        // A bare 申请 must not be another kind of application (行政许可申请, 低保申请).
        if let Some(i) = near {
            if word(left, i) == Some(Lex::App(false)) {
                let before = i.checked_sub(1).map(|b| left.toks()[b]);
                if matches!(
                    before,
                    Some(Tok::Unknown | Tok::Word(Lex::Act(_) | Lex::Doc(_)))
                ) {
                    return None;
                }
            }
        }
        let (specific, generic, generic_q) = quantities(left)?;
        let applicant = left.last_of(|l| matches!(l, Lex::Applicant(_)));
        let applicants = match applicant.and_then(|i| word(left, i)) {
            Some(Lex::Applicant(a)) => a,
            _ => Applicants::ALL,
        };
        let (anchor, quantity) = match (specific, generic) {
            (Some((i, q)), _) => (Some(i), q),
            (None, Some(i)) => (Some(i), generic_q?),
            (None, None) => match right_role(right) {
                Some(Lex::Role(r)) => (None, role_quantity(r)),
                Some(Lex::Outcome(q)) => (None, q),
                _ => {
                    if let Some(i) = applicant {
                        (Some(i), self.st.last_apps?)
                    } else if explicit {
                        (near, Quantity::Handled)
                    } else {
                        return None;
                    }
                }
            },
        };
        // Between the anchor and the number: only neutral words.
        let from = anchor.map_or(0, |a| a + 1);
        if !left.toks()[from.min(left.len())..]
            .iter()
            .all(|t| transparent(*t, Family::Apps))
        {
            return None;
        }
        // With the domain only inherited, nothing unknown anywhere before the number.
        if !explicit
            && !left.toks().iter().all(|t| {
                transparent(*t, Family::Apps)
                    || matches!(
                        t,
                        Tok::Word(
                            Lex::Of
                                | Lex::Incl
                                | Lex::Role(_)
                                | Lex::Outcome(_)
                                | Lex::Applicant(_)
                        )
                    )
            })
        {
            return None;
        }
        if applicants == Applicants::LegalPersons
            && !matches!(quantity, Quantity::Received | Quantity::Row(_))
        {
            return None;
        }
        Some(Measure::Requests(quantity, applicants))
    }

    /// A count of reviews or suits; the group named before the number (`near`), after it
    /// (`after`), or continued from the sentence.
    fn cases(
        &self,
        left: &Context,
        near: Option<usize>,
        after: bool,
        cases: Cases,
    ) -> Option<Measure> {
        if !self.tied && !left.has(|l| matches!(l, Lex::Tie | Lex::App(true))) {
            return None;
        }
        let column = left.last_of(|l| matches!(l, Lex::Column(_)));
        let col = match column.and_then(|i| word(left, i)) {
            Some(Lex::Column(c)) => c,
            _ => AppealColumn::Total,
        };
        let toks = left.toks();
        let anchor = match (column, near) {
            (Some(c), Some(d)) => Some(c.max(d)),
            (c, d) => c.or(d),
        };
        let checked_from = match (anchor, near, after) {
            // The group after the number (有 1 件涉及…的行政复议): the subject before may be
            // anything, but the word just before the number must not be unknown.
            (None, None, true) => toks
                .iter()
                .rposition(|t| *t == Tok::Unknown)
                .map_or(0, |u| u + 1),
            (Some(a), _, _) => a + 1,
            // Continued from the sentence without a result word: not certain.
            _ => return None,
        };
        if near.is_none()
            && !after
            && !toks.iter().all(|t| {
                transparent(*t, Family::Cases) || matches!(t, Tok::Word(Lex::Of | Lex::Column(_)))
            })
        {
            return None;
        }
        if !toks[checked_from.min(left.len())..]
            .iter()
            .all(|t| transparent(*t, Family::Cases))
        {
            return None;
        }
        if after && toks.last() == Some(&Tok::Unknown) {
            return None;
        }
        Some(Measure::Appeals(cases, col))
    }

    fn documents(&self, left: &Context, near: Option<usize>, row: ProactiveRow) -> Option<Measure> {
        let doc = near?;
        let verb_at = left.toks()[..doc]
            .iter()
            .rposition(|t| matches!(t, Tok::Word(Lex::DocVerb(_))));
        let verb_after = left.toks()[doc + 1..]
            .iter()
            .position(|t| matches!(t, Tok::Word(Lex::DocVerb(_))))
            .map(|p| p + doc + 1);
        let (verb, anchor) = match (verb_at, verb_after) {
            (_, Some(a)) => (word(left, a), a),
            (Some(b), None) => {
                // Between the verb and the document word: only neutral words.
                if !left.toks()[b + 1..doc]
                    .iter()
                    .all(|t| transparent(*t, Family::Docs))
                {
                    return None;
                }
                (word(left, b), doc)
            }
            (None, None) => {
                // No verb: a list item continuing the sentence's verb, with nothing unknown.
                if !left.toks()[..doc].iter().all(|t| {
                    transparent(*t, Family::Docs) || matches!(t, Tok::Word(Lex::Of | Lex::Incl))
                }) {
                    return None;
                }
                (self.st.last_doc_verb.map(Lex::DocVerb), doc)
            }
        };
        if !left.toks()[anchor + 1..]
            .iter()
            .all(|t| transparent(*t, Family::Docs) || *t == Tok::Word(Lex::Doc(row)))
        {
            return None;
        }
        let what = match verb? {
            Lex::DocVerb(DocVerb::Issue | DocVerb::Change) => ProactiveMeasure::Issued,
            Lex::DocVerb(DocVerb::InForce) => ProactiveMeasure::InForce,
            Lex::DocVerb(DocVerb::Repeal) => ProactiveMeasure::Repealed,
            _ => return None,
        };
        Some(Measure::Proactive(row, what))
    }

    fn acts(
        &self,
        left: &Context,
        near: Option<usize>,
        row: ProactiveRow,
        items: bool,
    ) -> Option<Measure> {
        let act = near?;
        let after = &left.toks()[act + 1..];
        if !after
            .iter()
            .all(|t| transparent(*t, Family::Docs) || *t == Tok::Word(Lex::Decision))
        {
            return None;
        }
        let before = &left.toks()[..act];
        // 处理决定行政许可 N 件, 办结行政许可 N 件; 行政处罚决定 N 件.
        let decision = if after.contains(&Tok::Word(Lex::Decision)) {
            Some(before.len())
        } else {
            before
                .iter()
                .rposition(|t| matches!(t, Tok::Word(Lex::Decision | Lex::Role(Role::Closed))))
        };
        let verb = before
            .iter()
            .rposition(|t| matches!(t, Tok::Word(Lex::DocVerb(_))));
        let what = match (decision, verb) {
            (Some(d), _) => {
                if !before[(d + 1).min(before.len())..]
                    .iter()
                    .all(|t| transparent(*t, Family::Docs))
                {
                    return None;
                }
                ProactiveMeasure::Decisions
            }
            (None, Some(v)) if items && self.setting.t2_2019 => {
                if !before[v + 1..]
                    .iter()
                    .all(|t| transparent(*t, Family::Docs))
                {
                    return None;
                }
                match before[v] {
                    Tok::Word(Lex::DocVerb(DocVerb::Change)) => ProactiveMeasure::Change,
                    Tok::Word(Lex::DocVerb(DocVerb::Issue)) => ProactiveMeasure::Items,
                    _ => return None,
                }
            }
            (None, None) => {
                if !before.iter().all(|t| transparent(*t, Family::Docs)) {
                    return None;
                }
                match self.st.last_act? {
                    ProactiveMeasure::Decisions => ProactiveMeasure::Decisions,
                    m if items && self.setting.t2_2019 => m,
                    _ => return None,
                }
            }
            _ => return None,
        };
        let what = if self.st.other_year.is_some() {
            match what {
                ProactiveMeasure::Items | ProactiveMeasure::PriorItems => {
                    ProactiveMeasure::PriorItems
                }
                _ => return None,
            }
        } else {
            what
        };
        Some(Measure::Proactive(row, what))
    }

    fn fee(&self, left: &Context, n: &Number, unit: MoneyUnit) -> Option<(Measure, Stated)> {
        if !self.setting.fees || self.st.other_year.is_some() {
            return None;
        }
        let fee = left.last_of(|l| l == Lex::Fee)?;
        if !left.has(|l| l == Lex::FeeCollect) {
            return None;
        }
        if !left.toks()[fee + 1..]
            .iter()
            .all(|t| transparent(*t, Family::Any))
        {
            return None;
        }
        let amount = Amount::new(n.value, unit).ok()?;
        Some((Measure::Fees(FeeMeasure::Collected), Stated::Money(amount)))
    }

    fn fee_notices(&self, left: &Context, count: u64) -> Option<(Measure, Stated)> {
        if !self.setting.fees || self.st.other_year.is_some() {
            return None;
        }
        let notice = left.last_of(|l| l == Lex::FeeNotice)?;
        if !left.toks()[notice + 1..]
            .iter()
            .all(|t| transparent(*t, Family::Any))
        {
            return None;
        }
        Some((Measure::Fees(FeeMeasure::Notices), Stated::Count(count)))
    }

    /// A percentage right after a claim about an outcome of applications: its share.
    fn share(
        &self,
        left: &Context,
        right: &Context,
        n: &Number,
        idx: usize,
    ) -> Option<(Measure, Stated)> {
        let (measure, at) = self.last_claim?;
        let Measure::Requests(q, Applicants::Column(crate::Applicant::Total)) = measure else {
            return None;
        };
        // The percentage follows that claim's number with no number between.
        if at + 1 != idx || !q.is_outcome() {
            return None;
        }
        let plain = |ctx: &Context| {
            ctx.toks().iter().all(|t| {
                matches!(
                    t,
                    Tok::Word(Lex::Share | Lex::Filler | Lex::App(_) | Lex::Info)
                )
            })
        };
        if !plain(left)
            || !right
                .toks()
                .iter()
                .all(|t| matches!(t, Tok::Word(Lex::Filler)))
        {
            return None;
        }
        if n.approximate {
            return None;
        }
        Some((Measure::Share(q), Stated::Percent(n.value)))
    }
}

/// The quantities of applications the words before a number name: the specific one
/// (上年结转, 结转下年度, 新收, an outcome) with its index, the index of the last generic
/// verb (收到, 办理, 办结) and the quantity the generic verbs make together (收到并答复 is
/// either). `None` when two different specific quantities are named.
#[allow(
    clippy::type_complexity,
    reason = "three parts of one answer, named at the call"
)]
fn quantities(
    left: &Context,
) -> Option<(Option<(usize, Quantity)>, Option<usize>, Option<Quantity>)> {
    let mut specific: Option<(usize, Quantity)> = None;
    let mut generic: Option<usize> = None;
    let (mut received, mut closed, mut handled) = (false, false, false);
    for (i, t) in left.toks().iter().enumerate() {
        let q = match *t {
            Tok::Word(Lex::Role(r @ (Role::CarriedOver | Role::CarriedForward | Role::New))) => {
                role_quantity(r)
            }
            Tok::Word(Lex::Outcome(q)) => q,
            Tok::Word(Lex::Role(r)) => {
                generic = Some(i);
                match r {
                    Role::Received => received = true,
                    Role::Closed => closed = true,
                    _ => handled = true,
                }
                continue;
            }
            _ => continue,
        };
        if specific.is_some_and(|(_, s)| s != q) {
            return None;
        }
        specific = Some((i, q));
    }
    let generic_q = match (received, closed, handled) {
        (false, false, false) => None,
        (true, false, false) => Some(Quantity::Received),
        (false, true, false) => Some(Quantity::Closed),
        _ => Some(Quantity::Handled),
    };
    Some((specific, generic, generic_q))
}

/// The word at a token index.
fn word(ctx: &Context, i: usize) -> Option<Lex> {
    match ctx.toks().get(i) {
        Some(Tok::Word(l)) => Some(*l),
        _ => None,
    }
}

/// The first role or outcome word after a number, if only neutral words come before it.
fn right_role(right: &Context) -> Option<Lex> {
    for t in right.toks() {
        match *t {
            Tok::Word(l @ (Lex::Role(_) | Lex::Outcome(_))) => return Some(l),
            t if transparent(t, Family::Apps) => {}
            _ => return None,
        }
    }
    None
}

fn role_quantity(role: Role) -> Quantity {
    match role {
        Role::Received => Quantity::Received,
        Role::Handled => Quantity::Handled,
        Role::Closed => Quantity::Closed,
        Role::CarriedOver => Quantity::Row(crate::RequestRow::CarriedOver),
        Role::CarriedForward => Quantity::Row(crate::RequestRow::CarriedForward),
        Role::New => Quantity::Row(crate::RequestRow::New),
    }
}

/// Whether a label (a part of a list) starts with 其他: the parts before are not all.
fn other_label(ctx: &Context, skip_of: bool) -> bool {
    let first = ctx.toks().iter().find(|t| {
        !(matches!(t, Tok::Word(Lex::Filler)) || (skip_of && matches!(t, Tok::Word(Lex::Of))))
    });
    matches!(
        first,
        Some(Tok::Word(
            Lex::Other
                | Lex::Outcome(Quantity::Group(OutcomeGroup::OtherHandling))
                | Lex::Column(AppealColumn::Other)
        ))
    )
}

/// The kind of claim a context is read for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    Apps,
    Cases,
    Docs,
    Any,
}

/// Whether a token may stand between a claim's words and its number.
fn transparent(t: Tok, family: Family) -> bool {
    match t {
        Tok::Unknown | Tok::Num(_) => false,
        Tok::Year(_) => true,
        Tok::Word(l) => {
            neutral(l)
                || match family {
                    Family::Apps => matches!(
                        l,
                        Lex::Info
                            | Lex::App(_)
                            | Lex::Applicant(_)
                            | Lex::Role(Role::Received | Role::Handled | Role::Closed)
                    ),
                    Family::Cases => matches!(
                        l,
                        Lex::Review | Lex::Suit(_) | Lex::App(_) | Lex::Role(Role::Received)
                    ),
                    Family::Docs => false,
                    Family::Any => matches!(l, Lex::Info | Lex::Involve),
                }
        }
    }
}

/// A small vector of number indices on the stack.
struct Vec16 {
    items: [usize; MAX_NUMBERS],
    len: usize,
}

impl Vec16 {
    fn as_slice(&self) -> &[usize] {
        &self.items[..self.len]
    }
}

trait Collect16 {
    fn collect16(self) -> Vec16;
}

impl<I: Iterator<Item = usize>> Collect16 for I {
    fn collect16(self) -> Vec16 {
        let mut v = Vec16 {
            items: [0; MAX_NUMBERS],
            len: 0,
        };
        for x in self {
            if v.len < MAX_NUMBERS {
                v.items[v.len] = x;
                v.len += 1;
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first sentence of a text, its characters copied whatever it holds.
    fn sentence(text: &str) -> Sentence {
        let mut s = Sentence::new();
        walk(text, 0, |c, at, gap, _| s.push(c, at, gap));
        s.encode();
        s
    }

    /// The numbers of a text with their units, as `value unit` strings.
    fn read_numbers(text: &str) -> Vec<String> {
        let s = sentence(text);
        let mut out = [Number::NONE; MAX_NUMBERS];
        let n = numbers(&s, &mut out);
        out[..n]
            .iter()
            .map(|n| {
                let unit = match n.unit {
                    Unit::Count(false) => "count",
                    Unit::Count(true) => "items",
                    Unit::Money(_) => "money",
                    Unit::Percent => "percent",
                    Unit::Year => "year",
                    Unit::Other => "-",
                };
                let approx = if n.approximate { " approximate" } else { "" };
                format!("{} {unit}{approx}", n.value)
            })
            .collect()
    }

    #[test]
    fn chinese_numerals_are_read() {
        let cases = [
            ("三件", "3 count"),
            ("十件", "10 count"),
            ("十二件", "12 count"),
            ("二十件", "20 count"),
            ("两件", "2 count"),
            ("一百零五件", "105 count"),
            ("一千零二十四件", "1024 count"),
            ("一万二千件", "12000 count"),
            ("二〇二四年", "2024 year"),
        ];
        for (text, want) in cases {
            assert_eq!(read_numbers(text), [want], "{text}");
        }
        // Not numbers: no unit after them, or two digits run together.
        assert!(read_numbers("一是加强领导，三安全一稳定，十九大").is_empty());
        assert!(read_numbers("三四件").is_empty());
    }

    #[test]
    fn arabic_numbers_units_and_separators() {
        assert_eq!(
            read_numbers("受理 3,119 件，占 17.46%，收费 3940 元，7545万元"),
            ["3119 count", "17.46 percent", "3940 money", "7545 money"]
        );
        assert_eq!(read_numbers("１２件"), ["12 count"]);
        assert_eq!(read_numbers("2024 年度"), ["2024 year"]);
        assert_eq!(
            read_numbers("5500 余条，3000多件"),
            ["5500 - approximate", "3000 - approximate"]
        );
        assert_eq!(read_numbers("100 件左右"), ["100 count approximate"]);
        // An identifier and a count of percentage points are not counts.
        assert_eq!(read_numbers("GB2312件，提高5个百分点"), ["5 -"]);
        // Digits across whitespace are two numbers.
        assert_eq!(read_numbers("3 119 件"), ["3 -", "119 count"]);
    }

    #[test]
    fn the_hot_characters_are_hot() {
        for c in HOT_CHARS.chars() {
            assert_eq!(c.len_utf8(), 3, "{c}");
            assert!(is_hot(c), "{c}");
        }
        for c in ['。', '三', '件', '未', '信', '%', '\n', '7'] {
            assert!(is_hot(c), "{c}");
        }
        // Decoding in place gives what `chars` gives.
        let text = "a受理 ２０２４\u{3000}件𠀀。";
        let mut i = 0;
        for c in text.chars() {
            assert_eq!(decode(text, i, text.as_bytes()[i]), (c, c.len_utf8()));
            i += c.len_utf8();
        }
        for c in ['\u{3000}', '\u{a0}', '\u{2009}', ' ', '\n'] {
            assert!(is_space(c), "{c:?}");
        }
        for c in ['。', 'a', '\u{feff}', '申'] {
            assert!(!is_space(c), "{c:?}");
        }
    }

    #[test]
    fn footers_and_headings() {
        assert!(is_footer("- 1 -"));
        assert!(is_footer(" —12— "));
        assert!(is_footer("第 3 页 共 6 页"));
        assert!(!is_footer("1"));
        assert!(!is_footer("- 申请 -"));
        assert!(!is_footer("受理 17 件"));
        for heading in ["（二）依申请", "(三)平台", "四、政府", "5、办理", "6.其他"]
        {
            assert!(starts_heading(heading.chars()), "{heading}");
        }
        for line in ["3.5件", "二是加强", "2024 年"] {
            assert!(!starts_heading(line.chars()), "{line}");
        }
    }

    #[test]
    fn sentences_skip_footers_and_end_at_headings() {
        let text = "受理申请 3119 件，答\n- 1 -\n复 3050 件。\n（二）依申请公开\n情况";
        let mut s = Sentence::new();
        let mut pos = 0;
        assert!(next_sentence(text, &mut pos, &mut s));
        assert_eq!(
            s.chars().iter().collect::<String>(),
            "受理申请3119件，答复3050件。"
        );
        assert!(s.paragraph);
        assert!((s.hint, s.tie) == (true, false));
        assert!(next_sentence(text, &mut pos, &mut s));
        // No number: not read, but its words across the line break are seen.
        assert!((s.paragraph, s.hint, s.tie) == (true, false, true));
        assert!(!next_sentence(text, &mut pos, &mut s));
        // The byte offsets are the text's.
        let s = sentence("一、 受理 17 件");
        assert_eq!(s.bytes(0, s.len, "一、 受理 17 件"), (0, 20));
    }
}
