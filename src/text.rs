//! Reading one printed cell: the single parse path of the as-printed constructors and the
//! importer.

use std::borrow::Cow;

use crate::cell::{Value, ValueKind};
use crate::error::ValueError;
use crate::money::Amount;

/// Texts that published tables print in place of a number; they read as blank, never 0.
pub(crate) const BLANK_TOKENS: &[&str] = &["", "/", "／", "-", "－", "—", "——", "–", "无", "\\"];

/// Whether a (trimmed) cell text stands for a blank cell.
pub(crate) fn is_blank_token(text: &str) -> bool {
    BLANK_TOKENS.contains(&text)
}

/// Maps full-width digits, signs and points to ASCII and removes well-formed thousands
/// separators. Borrows when there is nothing to change.
fn normalize(text: &str) -> Cow<'_, str> {
    let needs_map = !text.is_ascii();
    let needs_commas = text.contains(',');
    if !needs_map && !needs_commas {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push(match c {
            '０'..='９' => char::from_digit(u32::from(c) - u32::from('０'), 10).unwrap_or(c),
            '．' => '.',
            '＋' => '+',
            '－' | '−' => '-',
            '，' => ',',
            c => c,
        });
    }
    if out.contains(',') && has_grouped_thousands(&out) {
        out.retain(|c| c != ',');
    }
    Cow::Owned(out)
}

/// `1,234` or `12,345,678.9` (optionally signed, optionally with a unit after): groups of
/// exactly three digits after the first.
fn has_grouped_thousands(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(s.len());
    let int = &s[..end];
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

impl Value {
    /// Reads a printed cell as a value of the given kind.
    ///
    /// Surrounding spaces (including non-breaking and full-width spaces) are ignored;
    /// an empty cell and `/`, `-`, `—`, `无` read as blank (`None`), never as 0; full-width
    /// digits and thousands separators are accepted; a change may carry `+` or `-`; an
    /// amount keeps a printed `元` or `万元`.
    ///
    /// # Errors
    /// A [`ValueError`] quoting the text when it is not a value of that kind.
    ///
    /// ```
    /// use ogi_report::{Value, ValueKind};
    /// assert_eq!(Value::parse(ValueKind::Count, " 1,036 ")?, Some(Value::Count(1036)));
    /// assert_eq!(Value::parse(ValueKind::Count, "/")?, None);
    /// assert_eq!(Value::parse(ValueKind::Delta, "+12")?, Some(Value::Delta(12)));
    /// assert_eq!(Value::parse(ValueKind::Count, "１２")?, Some(Value::Count(12)));
    /// let money = Value::parse(ValueKind::Money, "251000元")?.unwrap();
    /// assert_eq!(money.to_string(), "251000元");
    /// assert!(Value::parse(ValueKind::Count, "-3").is_err());
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    pub fn parse(kind: ValueKind, text: &str) -> Result<Option<Value>, ValueError> {
        let trimmed = text.trim();
        if is_blank_token(trimmed) {
            return Ok(None);
        }
        let n = normalize(trimmed);
        let owned = || trimmed.to_owned();
        let value = match kind {
            ValueKind::Count => {
                if let Some(rest) = n.strip_prefix('-') {
                    if is_digits(rest) {
                        return Err(ValueError::Negative { text: owned() });
                    }
                }
                Value::Count(parse_digits(&n, trimmed)?)
            }
            ValueKind::Delta => {
                let (negative, digits) = match n.as_bytes().first() {
                    Some(b'-') => (true, &n[1..]),
                    Some(b'+') => (false, &n[1..]),
                    _ => (false, &n[..]),
                };
                let magnitude = parse_digits(digits, trimmed)?;
                let signed = if negative {
                    0i64.checked_sub_unsigned(magnitude)
                } else {
                    i64::try_from(magnitude).ok()
                };
                Value::Delta(signed.ok_or_else(|| ValueError::OutOfRange { text: owned() })?)
            }
            ValueKind::Money => Value::Money(n.parse::<Amount>().map_err(|e| match e {
                ValueError::Invalid { .. } => ValueError::Invalid { text: owned() },
                ValueError::Negative { .. } => ValueError::Negative { text: owned() },
                ValueError::OutOfRange { .. } => ValueError::OutOfRange { text: owned() },
                e => e,
            })?),
        };
        Ok(Some(value))
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// An unsigned integer from ASCII digits; `original` is quoted in errors.
fn parse_digits(s: &str, original: &str) -> Result<u64, ValueError> {
    if is_digits(s) {
        return s.parse::<u64>().map_err(|_| ValueError::OutOfRange {
            text: original.to_owned(),
        });
    }
    if let Some((int, frac)) = s.split_once('.') {
        if is_digits(int) && is_digits(frac) {
            return Err(ValueError::NotWhole {
                text: original.to_owned(),
            });
        }
    }
    Err(ValueError::Invalid {
        text: original.to_owned(),
    })
}

/// Reads a table printed as one flat sequence of cell texts in the official order.
///
/// The count is checked first: a table with a cell missing or extra is an error, never
/// shifted. Each value is handed to `put` with its cell.
pub(crate) fn read_printed<S: AsRef<str>>(
    table: crate::cell::Table,
    edition: crate::edition::Edition,
    texts: &[S],
    mut put: impl FnMut(crate::cell::CellRef, Option<Value>),
) -> Result<(), crate::error::Error> {
    let expected = table.cell_count(edition);
    if texts.len() != expected {
        return Err(crate::error::Error::CellCount {
            table,
            edition,
            expected,
            given: texts.len(),
        });
    }
    for (i, (cell, text)) in table.cells(edition).zip(texts).enumerate() {
        let value = Value::parse(cell.kind(), text.as_ref()).map_err(|reason| {
            crate::error::Error::Cell {
                cell,
                index: i + 1,
                reason,
            }
        })?;
        put(cell, value);
    }
    Ok(())
}
