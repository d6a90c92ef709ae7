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

/// The thousands separators a printed number may use: ASCII first, then full-width.
pub(crate) const SEPARATORS: [char; 2] = [',', '，'];

/// The decimal points a printed number may use: ASCII first, then full-width.
pub(crate) const POINTS: [char; 2] = ['.', '．'];

/// The signs printed before a negative number.
pub(crate) const MINUS_SIGNS: [char; 3] = ['-', '－', '−'];

/// The signs printed before a positive change.
const PLUS_SIGNS: [char; 2] = ['+', '＋'];

/// The value of an ASCII or full-width digit.
fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => u8::try_from(u32::from(c) - u32::from('0')).ok(),
        '０'..='９' => u8::try_from(u32::from(c) - u32::from('０')).ok(),
        _ => None,
    }
}

/// Which of the two forms (ASCII, full-width) the characters of one kind used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Width {
    /// ASCII only.
    Ascii,
    /// Full-width only.
    Full,
    /// Both.
    Mixed,
}

impl Width {
    fn of(full: bool) -> Width {
        if full { Width::Full } else { Width::Ascii }
    }

    /// This width with one more character, of the width given.
    fn and(self, full: bool) -> Width {
        if self == Width::of(full) {
            self
        } else {
            Width::Mixed
        }
    }
}

/// A well-formed number at the start of a printed text, read by [`read_number`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PrintedNumber<'a> {
    /// The number in ASCII digits and `.`, without separators: borrowed when it was
    /// printed so.
    pub(crate) ascii: Cow<'a, str>,
    /// Whether a fraction was printed.
    pub(crate) fraction: bool,
    /// The width of the digits and the point.
    pub(crate) digits: Width,
    /// The width of the thousands separators, `None` when there are none.
    pub(crate) separators: Option<Width>,
}

/// Reads the number a printed text starts with, and returns it with the text after it;
/// `None` when the text does not start with a well-formed number.
///
/// A number is digits (ASCII `0`–`9` or full-width `０`–`９`), optionally followed by a
/// point (`.` or `．`) and more digits. The integer part may be grouped by thousands with
/// `,` or `，`: then its first group has one to three digits and does not start with 0,
/// and every other group has exactly three (`1,234,567`; not `1234,567`, `1,23`,
/// `0,123`). The number runs to the first character that is none of these, so `1,234元`
/// is `1,234` then `元`, while `1,2345` and `1.2.3` are not numbers at all.
pub(crate) fn read_number(text: &str) -> Option<(PrintedNumber<'_>, &str)> {
    let is_number_char =
        |c: char| digit_value(c).is_some() || SEPARATORS.contains(&c) || POINTS.contains(&c);
    let end = text
        .char_indices()
        .find(|&(_, c)| !is_number_char(c))
        .map_or(text.len(), |(i, _)| i);
    let (number, rest) = text.split_at(end);
    let (int, fraction) = match number.split_once(POINTS) {
        Some((int, fraction)) => (int, Some(fraction)),
        None => (number, None),
    };
    let mut digits: Option<Width> = None;
    let mut separators: Option<Width> = None;
    let mut note_width = |c: char| {
        let full = !c.is_ascii();
        digits = Some(digits.map_or(Width::of(full), |w| w.and(full)));
    };
    // The integer part: one run of digits, or groups of three after a first of one to three.
    let mut groups = int.split(SEPARATORS);
    let first = groups.next().unwrap_or_default();
    let first_len = first.chars().count();
    let grouped = first.len() < int.len();
    if first_len == 0 || (grouped && (first_len > 3 || first.starts_with(['0', '０']))) {
        return None;
    }
    for c in first.chars() {
        digit_value(c)?;
        note_width(c);
    }
    for (group, separator) in groups.zip(int.matches(SEPARATORS)) {
        if group.chars().count() != 3 {
            return None;
        }
        for c in group.chars() {
            digit_value(c)?;
            note_width(c);
        }
        let full = !separator.is_ascii();
        separators = Some(separators.map_or(Width::of(full), |w| w.and(full)));
    }
    // The fraction: at least one digit, no separators, no second point.
    if let Some(fraction) = fraction {
        if fraction.is_empty() {
            return None;
        }
        for c in fraction.chars() {
            digit_value(c)?;
            note_width(c);
        }
        let point = number[int.len()..].chars().next().unwrap_or('.');
        note_width(point);
    }
    let digits = digits?;
    let ascii = if number.is_ascii() && separators.is_none() {
        Cow::Borrowed(number)
    } else {
        let mut ascii = String::with_capacity(number.len());
        for c in number.chars() {
            if let Some(d) = digit_value(c) {
                ascii.push(char::from(b'0' + d));
            } else if POINTS.contains(&c) {
                ascii.push('.');
            }
        }
        Cow::Owned(ascii)
    };
    let number = PrintedNumber {
        ascii,
        fraction: fraction.is_some(),
        digits,
        separators,
    };
    Some((number, rest))
}

/// A whole number (`1,036`, `１２`); `original` is quoted in errors.
fn read_whole(text: &str, original: &str) -> Result<u64, ValueError> {
    match read_number(text) {
        Some((number, "")) if number.fraction => Err(ValueError::NotWhole {
            text: original.to_owned(),
        }),
        Some((number, "")) => number
            .ascii
            .parse::<u64>()
            .map_err(|_| ValueError::OutOfRange {
                text: original.to_owned(),
            }),
        _ => Err(ValueError::Invalid {
            text: original.to_owned(),
        }),
    }
}

impl Value {
    /// Reads a printed cell as a value of the given kind.
    ///
    /// Surrounding spaces (including non-breaking and full-width spaces) are ignored;
    /// an empty cell and `/`, `-`, `—`, `无` read as blank (`None`), never as 0. A count
    /// or a change is digits, ASCII or full-width, grouped by thousands with `,` or `，`
    /// if at all (`1,295`, `１２９５`; never `1234,567`); a change may carry `+` or `-`.
    /// An amount is read by [`Amount`]'s [`FromStr`](std::str::FromStr), which lists the
    /// forms it accepts: the text between the surrounding spaces, so that the amount
    /// prints back as the cell printed it (`2,945.15万元`, `￥29451519.23`).
    ///
    /// # Errors
    /// A [`ValueError`] quoting the (trimmed) text when it is not a value of that kind.
    ///
    /// ```
    /// use ogi_report::{Value, ValueKind};
    /// assert_eq!(Value::parse(ValueKind::Count, " 1,036 ")?, Some(Value::Count(1036)));
    /// assert_eq!(Value::parse(ValueKind::Count, "/")?, None);
    /// assert_eq!(Value::parse(ValueKind::Delta, "+12")?, Some(Value::Delta(12)));
    /// assert_eq!(Value::parse(ValueKind::Count, "１２")?, Some(Value::Count(12)));
    /// assert!(Value::parse(ValueKind::Count, "1234,567").is_err());
    /// let money = Value::parse(ValueKind::Money, "251000元")?.unwrap();
    /// assert_eq!(money.to_string(), "251000元");
    /// let money = Value::parse(ValueKind::Money, " 2,945.15 万元\u{3000}")?.unwrap();
    /// assert_eq!(money.to_string(), "2,945.15 万元");
    /// assert!(Value::parse(ValueKind::Count, "-3").is_err());
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    pub fn parse(kind: ValueKind, text: &str) -> Result<Option<Value>, ValueError> {
        let trimmed = text.trim();
        if is_blank_token(trimmed) {
            return Ok(None);
        }
        let value = match kind {
            ValueKind::Count => {
                let whole = |t| matches!(read_number(t), Some((n, "")) if !n.fraction);
                if trimmed.strip_prefix(MINUS_SIGNS).is_some_and(whole) {
                    return Err(ValueError::Negative {
                        text: trimmed.to_owned(),
                    });
                }
                Value::Count(read_whole(trimmed, trimmed)?)
            }
            ValueKind::Delta => {
                let (negative, digits) = if let Some(rest) = trimmed.strip_prefix(MINUS_SIGNS) {
                    (true, rest)
                } else {
                    (false, trimmed.strip_prefix(PLUS_SIGNS).unwrap_or(trimmed))
                };
                let magnitude = read_whole(digits, trimmed)?;
                let signed = if negative {
                    0i64.checked_sub_unsigned(magnitude)
                } else {
                    i64::try_from(magnitude).ok()
                };
                Value::Delta(signed.ok_or_else(|| ValueError::OutOfRange {
                    text: trimmed.to_owned(),
                })?)
            }
            ValueKind::Money => Value::Money(trimmed.parse::<Amount>()?),
        };
        Ok(Some(value))
    }
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
) -> Result<(), crate::error::TableError> {
    let expected = table.cell_count(edition);
    if texts.len() != expected {
        return Err(crate::error::TableError::CellCount {
            table,
            edition,
            expected,
            given: texts.len(),
        });
    }
    for (i, (cell, text)) in table.cells(edition).zip(texts).enumerate() {
        let value = Value::parse(cell.kind(), text.as_ref()).map_err(|reason| {
            crate::error::TableError::Cell {
                cell,
                index: i + 1,
                reason,
            }
        })?;
        put(cell, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number read at the start of a text, in ASCII, and the rest.
    fn read(text: &str) -> Option<(String, &str)> {
        read_number(text).map(|(n, rest)| (n.ascii.into_owned(), rest))
    }

    #[test]
    fn thousands_are_grouped_by_three_after_a_first_group_of_one_to_three() {
        for (text, ascii) in [
            ("1,234", "1234"),
            ("12,345", "12345"),
            ("123,456", "123456"),
            ("1,234,567.89", "1234567.89"),
            ("1，234", "1234"),
            ("１，２３４", "1234"),
            ("1,234，567", "1234567"),
            ("1234567", "1234567"),
            ("0", "0"),
            ("007", "007"),
            ("0.5", "0.5"),
        ] {
            assert_eq!(read(text), Some((ascii.to_owned(), "")), "{text}");
        }
        for text in [
            "1234,567",
            "1,23",
            "1,2345",
            "1,234,56",
            "0,123",
            "０，１２３",
            "00,123",
            ",123",
            "1,",
            "1,,234",
            "1.234,5",
            "1,234.5,6",
            ".5",
            "5.",
            "1.2.3",
            "",
            "元",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn a_number_ends_at_the_first_character_of_no_number() {
        assert_eq!(read("1,234元"), Some(("1234".into(), "元")));
        assert_eq!(read("12 万"), Some(("12".into(), " 万")));
        assert_eq!(read("１２．５万"), Some(("12.5".into(), "万")));
        assert_eq!(read("1-2"), Some(("1".into(), "-2")));
    }

    #[test]
    fn the_widths_of_digits_and_separators_are_kept_apart() {
        let widths = |text| read_number(text).map(|(n, _)| (n.digits, n.separators, n.fraction));
        assert_eq!(
            widths("1,234.5"),
            Some((Width::Ascii, Some(Width::Ascii), true))
        );
        assert_eq!(widths("１２３４"), Some((Width::Full, None, false)));
        assert_eq!(widths("１２．５"), Some((Width::Full, None, true)));
        assert_eq!(widths("１２.５"), Some((Width::Mixed, None, true)));
        assert_eq!(
            widths("１,２３４"),
            Some((Width::Full, Some(Width::Ascii), false))
        );
        assert_eq!(
            widths("1，234,567"),
            Some((Width::Ascii, Some(Width::Mixed), false))
        );
    }

    #[test]
    fn a_plain_ascii_number_is_borrowed() {
        let (n, _) = read_number("2945.15万元").unwrap();
        assert!(matches!(n.ascii, Cow::Borrowed("2945.15")));
        let (n, _) = read_number("2,945.15万元").unwrap();
        assert!(matches!(n.ascii, Cow::Owned(_)));
    }
}
