//! Money: an exact decimal with the unit the report printed, and how it was printed.

use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::ValueError;
use crate::text::{self, MINUS_SIGNS, POINTS, SEPARATORS, Width};

/// The unit of an amount, as the report printed it.
///
/// An amount in 元 is printed with `元` after it, or with `￥` or `¥` before it and no
/// unit after it (`￥29451519.23`); an amount in 万元 with `万元` or `万` after it
/// (`12.3456万`), possibly after a currency sign too.
///
/// ```
/// use ogi_report::{Amount, MoneyUnit};
/// assert_eq!(MoneyUnit::WanYuan.suffix(), "万元");
/// assert_eq!(MoneyUnit::WanYuan.code(), "wan_yuan");
/// assert_eq!("12.3456万".parse::<Amount>()?.unit(), MoneyUnit::WanYuan);
/// assert_eq!("￥29451519.23".parse::<Amount>()?.unit(), MoneyUnit::Yuan);
/// # Ok::<(), ogi_report::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MoneyUnit {
    /// 元 (printed `元`, or implied by a leading `￥` or `¥`).
    Yuan,
    /// 万元, ten thousand 元 (printed `万元` or `万`).
    WanYuan,
    /// No unit printed (the 2019 edition's 采购总金额 has none in its header).
    Unstated,
}

impl MoneyUnit {
    /// The suffix printed after a number in this unit (empty when unstated), as
    /// [`Amount::new`] prints it; a parsed amount may spell 万元 as `万`.
    ///
    /// ```
    /// use ogi_report::MoneyUnit;
    /// assert_eq!(MoneyUnit::Yuan.suffix(), "元");
    /// assert_eq!(MoneyUnit::Unstated.suffix(), "");
    /// ```
    #[must_use]
    pub const fn suffix(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "元",
            MoneyUnit::WanYuan => "万元",
            MoneyUnit::Unstated => "",
        }
    }

    /// The code used in tidy cells: `yuan`, `wan_yuan`, or empty when unstated.
    ///
    /// ```
    /// use ogi_report::MoneyUnit;
    /// assert_eq!(MoneyUnit::Yuan.code(), "yuan");
    /// assert_eq!(MoneyUnit::Unstated.code(), "");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            MoneyUnit::Yuan => "yuan",
            MoneyUnit::WanYuan => "wan_yuan",
            MoneyUnit::Unstated => "",
        }
    }

    /// How many 元 one unit is, `None` when the unit is not stated.
    ///
    /// ```
    /// use ogi_report::MoneyUnit;
    /// use rust_decimal::Decimal;
    /// assert_eq!(MoneyUnit::WanYuan.in_yuan(), Some(Decimal::from(10_000)));
    /// assert_eq!(MoneyUnit::Unstated.in_yuan(), None);
    /// ```
    #[must_use]
    pub fn in_yuan(self) -> Option<Decimal> {
        match self {
            MoneyUnit::Yuan => Some(Decimal::ONE),
            MoneyUnit::WanYuan => Some(Decimal::from(10_000)),
            MoneyUnit::Unstated => None,
        }
    }
}

/// The currency signs an amount may be printed after, meaning 元: `￥` (U+FFE5, full-width)
/// and `¥` (U+00A5).
pub(crate) const CURRENCY_SIGNS: [char; 2] = ['￥', '¥'];

/// The spaces that may stand between an amount's number and its unit: one ASCII space,
/// no-break space (U+00A0) or ideographic space (U+3000).
pub(crate) const UNIT_SPACES: [char; 3] = [' ', '\u{a0}', '\u{3000}'];

/// `万`, the short spelling of 万元.
pub(crate) const WAN: &str = "万";

/// How the unit of an amount is spelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// The unit's [`MoneyUnit::suffix`]: `元`, `万元`, nothing when unstated.
    Suffix,
    /// `万` for 万元.
    Wan,
    /// Nothing: a currency sign says 元.
    Omitted,
}

/// How an amount was printed, besides its number and unit, so that it prints back as it
/// was read. Five fields of two bits each (0 for none, else 1 + the index in the field's
/// table), so that an [`Amount`] stays 20 bytes: full-width digits and point; the
/// thousands separator ([`SEPARATORS`]); the currency sign ([`CURRENCY_SIGNS`]); the
/// space before the unit ([`UNIT_SPACES`]); the unit's [`Spelling`].
///
/// Only the parser sets fields, and only where they show: a separator only on a number of
/// four or more integer digits, a space only before a printed unit, a sign only on an
/// amount in 元 or 万元. So two amounts print the same exactly when their value (mantissa
/// and scale), unit and style are equal.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
struct Style(u16);

impl Style {
    const FULL_WIDTH: u32 = 0;
    const SEPARATOR: u32 = 2;
    const SIGN: u32 = 4;
    const SPACE: u32 = 6;
    const SPELLING: u32 = 8;

    /// The plain form: ASCII digits, no separator, no sign, no space, the unit's suffix.
    const PLAIN: Style = Style(0);

    const fn get(self, field: u32) -> u16 {
        (self.0 >> field) & 0b11
    }

    const fn with(self, field: u32, code: u16) -> Style {
        Style((self.0 & !(0b11 << field)) | ((code & 0b11) << field))
    }

    /// The code of a character of a table: 0 for none, else 1 + its index.
    fn code(table: &[char], c: Option<char>) -> u16 {
        c.and_then(|c| table.iter().position(|&t| t == c))
            .and_then(|i| u16::try_from(i + 1).ok())
            .unwrap_or(0)
    }

    fn pick(table: &[char], code: u16) -> Option<char> {
        usize::from(code)
            .checked_sub(1)
            .and_then(|i| table.get(i))
            .copied()
    }

    fn full_width(self) -> bool {
        self.get(Style::FULL_WIDTH) == 1
    }

    fn separator(self) -> Option<char> {
        Style::pick(&SEPARATORS, self.get(Style::SEPARATOR))
    }

    fn sign(self) -> Option<char> {
        Style::pick(&CURRENCY_SIGNS, self.get(Style::SIGN))
    }

    fn space(self) -> Option<char> {
        Style::pick(&UNIT_SPACES, self.get(Style::SPACE))
    }

    fn spelling(self) -> Spelling {
        match self.get(Style::SPELLING) {
            1 => Spelling::Wan,
            2 => Spelling::Omitted,
            _ => Spelling::Suffix,
        }
    }
}

impl fmt::Debug for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Style")
            .field("full_width", &self.full_width())
            .field("separator", &self.separator())
            .field("sign", &self.sign())
            .field("space", &self.space())
            .field("spelling", &self.spelling())
            .finish()
    }
}

/// An amount of money: an exact, non-negative decimal with the unit the report printed,
/// and how it was printed.
///
/// Parsed from text, never from a float. An amount prints back exactly as it was printed
/// (its [`Display`](fmt::Display), so also its JSON string): the scale (`1.50万元`), the
/// thousands separators (`2,945.15万元`, `2，945.15万元`), full-width digits and point
/// (`２９４５．１５万元`), one space before the unit (ASCII, U+00A0 or U+3000:
/// `2945.15 万元`), the spelling of the unit (`万元` or `万`), a currency sign (`￥`, `¥`).
/// [`Amount::value`], [`Amount::unit`] and [`Amount::to_yuan`] do not depend on how it
/// was printed.
///
/// Two amounts are equal when they print the same: `1.5元` and `1.50元`, or `2945元` and
/// `2,945元`, are different printings of one value (compare [`Amount::to_yuan`] for equal
/// value).
///
/// # Accepted forms
///
/// An optional currency sign (`￥` or `¥`, meaning 元); the number: ASCII digits
/// `0`–`9` or full-width digits `０`–`９`, an optional fraction after `.` or `．`, the
/// integer part grouped by thousands with `,` or `，` if at all (a first group of one to
/// three digits not starting with 0, then groups of exactly three); an optional unit,
/// `元`, `万元` or `万` (ten thousand 元), with at most one space before it (ASCII, U+00A0
/// or U+3000). With a sign and no unit the amount is in 元; with neither it is
/// [`MoneyUnit::Unstated`]. At most 28 decimal places and 96 bits of digits (what a
/// `Decimal` holds exactly); nothing is rounded.
///
/// Two things are read exactly but not printed back as they were: leading zeros of an
/// ungrouped number (`007元` prints `7元`), and a mix of widths: digits and point that mix
/// ASCII and full-width print in ASCII (`０.50万元` prints `0.50万元`), and so do
/// separators that mix `,` and `，` (`1,234，567` prints `1,234,567`).
///
/// Refused, with [`ValueError::InvalidAmount`] (which lists these forms): words around
/// the number (`约2945万元`, `2945.15万余元`, `人民币2945元`, `2945元整`), other units
/// (`千元`, `亿元`, `角`, `分`, `RMB`), two numbers or a range (`12-15万元`), a `+`, an
/// exponent, `NaN`, spaces anywhere but before the unit (after the sign, inside the
/// number, around the whole; [`Value::parse`](crate::Value::parse) trims a cell first),
/// more than one space, separators not in groups of three (`1234,567`, `1,23`, `0,123`)
/// or in the fraction, a point without digits on both sides (`.5`, `5.`). A negative
/// amount (`-5元`) is refused with [`ValueError::Negative`], a number beyond a `Decimal`
/// with [`ValueError::OutOfRange`], an empty text with [`ValueError::Empty`].
///
/// ```
/// use ogi_report::{Amount, MoneyUnit};
/// use rust_decimal::Decimal;
///
/// let a: Amount = "160.5964万元".parse()?;
/// assert_eq!(a.unit(), MoneyUnit::WanYuan);
/// assert_eq!(a.to_string(), "160.5964万元");
/// assert_eq!(a.to_yuan()?, "1605964".parse::<Decimal>().unwrap());
///
/// let b: Amount = "29451519.23".parse()?;
/// assert_eq!(b.unit(), MoneyUnit::Unstated);
/// assert!(b.to_yuan().is_err());
///
/// let c: Amount = "2,945.15 万元".parse()?;
/// assert_eq!(c.to_string(), "2,945.15 万元");
/// assert_eq!(c.value(), Decimal::new(294515, 2));
/// assert_eq!(c.to_yuan()?, "2945.15万元".parse::<Amount>()?.to_yuan()?);
/// assert_ne!(c, "2945.15万元".parse()?);
///
/// let d: Amount = "￥29451519.23".parse()?;
/// assert_eq!((d.unit(), d.to_string()), (MoneyUnit::Yuan, "￥29451519.23".into()));
///
/// let err = "约2945万元".parse::<Amount>().unwrap_err();
/// assert!(err.to_string().starts_with(r#"invalid amount "约2945万元", expected"#));
/// # Ok::<(), ogi_report::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    value: Decimal,
    unit: MoneyUnit,
    style: Style,
}

impl Amount {
    /// An amount from a decimal and a unit, in the plain form: ASCII digits, no thousands
    /// separators, the unit's [`MoneyUnit::suffix`] right after the number.
    ///
    /// # Errors
    /// [`ValueError::Negative`] when the value is below zero.
    ///
    /// ```
    /// use ogi_report::{Amount, MoneyUnit};
    /// use rust_decimal::Decimal;
    /// let a = Amount::new(Decimal::new(25100000, 2), MoneyUnit::Yuan)?;
    /// assert_eq!(a.to_string(), "251000.00元");
    /// assert!(Amount::new(Decimal::NEGATIVE_ONE, MoneyUnit::Yuan).is_err());
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    pub fn new(value: Decimal, unit: MoneyUnit) -> Result<Amount, ValueError> {
        if value.is_sign_negative() {
            return Err(ValueError::Negative {
                text: value.to_string(),
            });
        }
        Ok(Amount {
            value,
            unit,
            style: Style::PLAIN,
        })
    }

    /// The number as printed, in [`Amount::unit`] (whatever its digits and separators).
    ///
    /// ```
    /// let a: ogi_report::Amount = "160.5964万元".parse()?;
    /// assert_eq!(a.value().to_string(), "160.5964");
    /// let b: ogi_report::Amount = "１，６０５．９６４万".parse()?;
    /// assert_eq!(b.value().to_string(), "1605.964");
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    #[must_use]
    pub const fn value(&self) -> Decimal {
        self.value
    }

    /// The unit as printed (`万` is 万元, a currency sign alone is 元).
    ///
    /// ```
    /// use ogi_report::{Amount, MoneyUnit};
    /// assert_eq!("251000元".parse::<Amount>()?.unit(), MoneyUnit::Yuan);
    /// assert_eq!("12.3456万".parse::<Amount>()?.unit(), MoneyUnit::WanYuan);
    /// assert_eq!("¥251000".parse::<Amount>()?.unit(), MoneyUnit::Yuan);
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    #[must_use]
    pub const fn unit(&self) -> MoneyUnit {
        self.unit
    }

    /// The same amount with a unit stated by the caller, for an amount the report printed
    /// without one (its suffix is then printed right after the number). An amount whose
    /// unit was printed keeps it, as printed, when asked for the same unit.
    ///
    /// # Errors
    /// [`ValueError::UnitConflict`] when the amount already has a different unit.
    ///
    /// ```
    /// use ogi_report::{Amount, MoneyUnit};
    /// let a: Amount = "29451519.23".parse()?;
    /// assert_eq!(a.stated_as(MoneyUnit::Yuan)?.to_string(), "29451519.23元");
    /// let b: Amount = "1万元".parse()?;
    /// assert!(b.stated_as(MoneyUnit::Yuan).is_err());
    /// let c: Amount = "1 万".parse()?;
    /// assert_eq!(c.stated_as(MoneyUnit::WanYuan)?.to_string(), "1 万");
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    pub fn stated_as(self, unit: MoneyUnit) -> Result<Amount, ValueError> {
        if self.unit == MoneyUnit::Unstated || self.unit == unit {
            Ok(Amount { unit, ..self })
        } else {
            Err(ValueError::UnitConflict {
                printed: self.unit,
                stated: unit,
            })
        }
    }

    /// The exact amount in 元, however it was printed.
    ///
    /// # Errors
    /// [`ValueError::UnitNotStated`] when the report printed no unit (state one with
    /// [`Amount::stated_as`]); [`ValueError::OutOfRange`] when the amount in 元 does not
    /// fit a `Decimal`.
    ///
    /// ```
    /// use ogi_report::Amount;
    /// assert_eq!("0.0001万元".parse::<Amount>()?.to_yuan()?.to_string(), "1.0000");
    /// assert_eq!("１２.３４５６万".parse::<Amount>()?.to_yuan()?.to_string(), "123456.0000");
    /// assert!("12".parse::<Amount>()?.to_yuan().is_err());
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    pub fn to_yuan(&self) -> Result<Decimal, ValueError> {
        let factor = self.unit.in_yuan().ok_or(ValueError::UnitNotStated)?;
        self.value
            .checked_mul(factor)
            .ok_or_else(|| ValueError::OutOfRange {
                text: self.to_string(),
            })
    }

    /// The unit as printed after the number, if any.
    fn printed_suffix(&self) -> Option<&'static str> {
        match (self.unit, self.style.spelling()) {
            (MoneyUnit::Unstated, _) | (_, Spelling::Omitted) => None,
            (MoneyUnit::WanYuan, Spelling::Wan) => Some(WAN),
            (unit, _) => Some(unit.suffix()),
        }
    }
}

impl PartialEq for Amount {
    fn eq(&self, other: &Self) -> bool {
        self.unit == other.unit
            && self.style == other.style
            && self.value.scale() == other.value.scale()
            && self.value.mantissa() == other.value.mantissa()
    }
}

impl Eq for Amount {}

impl Hash for Amount {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.unit.hash(state);
        self.style.hash(state);
        self.value.scale().hash(state);
        self.value.mantissa().hash(state);
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let style = self.style;
        if let Some(sign) = style.sign() {
            f.write_char(sign)?;
        }
        if style.full_width() || style.separator().is_some() {
            write_styled(f, self.value, style)?;
        } else {
            write!(f, "{}", self.value)?;
        }
        if let Some(suffix) = self.printed_suffix() {
            if let Some(space) = style.space() {
                f.write_char(space)?;
            }
            f.write_str(suffix)?;
        }
        Ok(())
    }
}

/// A `Decimal`'s own text, on the stack: at most 30 bytes (29 digits and a point, or `0.`
/// and 28 decimal places).
struct PlainText {
    bytes: [u8; 40],
    len: usize,
}

impl fmt::Write for PlainText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Writes the number with the style's separators and digits.
fn write_styled(f: &mut fmt::Formatter<'_>, value: Decimal, style: Style) -> fmt::Result {
    let mut plain = PlainText {
        bytes: [0; 40],
        len: 0,
    };
    write!(plain, "{value}")?;
    let text = plain.bytes.get(..plain.len).ok_or(fmt::Error)?;
    let int_len = text.iter().position(|&b| b == b'.').unwrap_or(text.len());
    let (separator, full_width) = (style.separator(), style.full_width());
    for (i, &b) in text.iter().enumerate() {
        if let Some(separator) = separator {
            if i > 0 && i < int_len && (int_len - i) % 3 == 0 {
                f.write_char(separator)?;
            }
        }
        let c = match (b, full_width) {
            (b'.', true) => POINTS[1],
            (b'0'..=b'9', true) => {
                char::from_u32(u32::from('０') + u32::from(b - b'0')).ok_or(fmt::Error)?
            }
            (b, _) => char::from(b),
        };
        f.write_char(c)?;
    }
    Ok(())
}

/// Why a text is not an amount (before looking for a minus sign).
enum Refusal {
    /// Not of an accepted form.
    Malformed,
    /// Of an accepted form, but beyond a `Decimal`.
    OutOfRange,
}

/// Reads an amount of one of the accepted forms, without a minus sign.
fn read(s: &str) -> Result<Amount, Refusal> {
    let (sign, rest) = match s.chars().next() {
        Some(c) if CURRENCY_SIGNS.contains(&c) => (Some(c), &s[c.len_utf8()..]),
        _ => (None, s),
    };
    let (number, rest) = text::read_number(rest).ok_or(Refusal::Malformed)?;
    let (space, suffix) = match rest.chars().next() {
        Some(c) if UNIT_SPACES.contains(&c) => (Some(c), &rest[c.len_utf8()..]),
        _ => (None, rest),
    };
    let (unit, spelling) = match suffix {
        "" if space.is_some() => return Err(Refusal::Malformed),
        "" if sign.is_some() => (MoneyUnit::Yuan, Spelling::Omitted),
        "" => (MoneyUnit::Unstated, Spelling::Suffix),
        WAN => (MoneyUnit::WanYuan, Spelling::Wan),
        s if s == MoneyUnit::Yuan.suffix() => (MoneyUnit::Yuan, Spelling::Suffix),
        s if s == MoneyUnit::WanYuan.suffix() => (MoneyUnit::WanYuan, Spelling::Suffix),
        _ => return Err(Refusal::Malformed),
    };
    let value = Decimal::from_str_exact(&number.ascii).map_err(|_| Refusal::OutOfRange)?;
    // Mixed widths print in ASCII: the style keeps one width per kind of character.
    let separator = match number.separators {
        None => None,
        Some(Width::Full) => Some(SEPARATORS[1]),
        Some(Width::Ascii | Width::Mixed) => Some(SEPARATORS[0]),
    };
    let spelling = match spelling {
        Spelling::Suffix => 0,
        Spelling::Wan => 1,
        Spelling::Omitted => 2,
    };
    let style = Style::PLAIN
        .with(Style::FULL_WIDTH, u16::from(number.digits == Width::Full))
        .with(Style::SEPARATOR, Style::code(&SEPARATORS, separator))
        .with(Style::SIGN, Style::code(&CURRENCY_SIGNS, sign))
        .with(Style::SPACE, Style::code(&UNIT_SPACES, space))
        .with(Style::SPELLING, spelling);
    Ok(Amount { value, unit, style })
}

impl FromStr for Amount {
    type Err = ValueError;

    /// Reads an amount of one of the [accepted forms](Amount#accepted-forms), exactly:
    /// nothing around it (not even spaces).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(ValueError::Empty);
        }
        match read(s) {
            Ok(amount) => Ok(amount),
            Err(Refusal::OutOfRange) => Err(ValueError::OutOfRange { text: s.to_owned() }),
            Err(Refusal::Malformed) => {
                let negative = s
                    .strip_prefix(MINUS_SIGNS)
                    .is_some_and(|rest| !matches!(read(rest), Err(Refusal::Malformed)));
                if negative {
                    Err(ValueError::Negative { text: s.to_owned() })
                } else {
                    Err(ValueError::InvalidAmount { text: s.to_owned() })
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    #[test]
    fn the_printed_style_keeps_an_amount_at_twenty_bytes() {
        assert_eq!(size_of::<Amount>(), 20);
    }

    #[test]
    fn every_style_field_reads_back_what_was_set() {
        let tables: [(&[char], u32); 3] = [
            (&SEPARATORS, Style::SEPARATOR),
            (&CURRENCY_SIGNS, Style::SIGN),
            (&UNIT_SPACES, Style::SPACE),
        ];
        for (table, field) in tables {
            for &c in table {
                let style = Style::PLAIN.with(field, Style::code(table, Some(c)));
                assert_eq!(Style::pick(table, style.get(field)), Some(c));
                // The other fields stay unset.
                assert_eq!(style.0.count_ones(), style.get(field).count_ones());
            }
            assert_eq!(Style::code(table, None), 0);
            assert_eq!(Style::pick(table, 0), None);
        }
        let all = Style::PLAIN
            .with(Style::FULL_WIDTH, 1)
            .with(Style::SEPARATOR, 2)
            .with(Style::SIGN, 1)
            .with(Style::SPACE, 3)
            .with(Style::SPELLING, 1);
        assert!(all.full_width());
        assert_eq!(all.separator(), Some('，'));
        assert_eq!(all.sign(), Some('￥'));
        assert_eq!(all.space(), Some('\u{3000}'));
        assert_eq!(all.spelling(), Spelling::Wan);
        assert_eq!(all.with(Style::SPACE, 0).space(), None);
        assert_eq!(all.with(Style::SPACE, 0).sign(), Some('￥'));
    }

    #[test]
    fn decimal_limits_are_the_limits_of_an_amount() {
        // 28 decimal places, and 2^96 - 1, the largest mantissa.
        for text in [
            "0.0000000000000000000000000001元",
            "7.9228162514264337593543950335万元",
            "79228162514264337593543950335",
            "79,228,162,514,264,337,593,543,950,335元",
            "７９，２２８，１６２，５１４，２６４，３３７，５９３，５４３，９５０，３３５",
            "￥7，922，816，251，426，433，759，354，395，033.5\u{3000}万",
        ] {
            assert_eq!(amount(text).to_string(), text);
        }
        let places = format!("０．{}１", "０".repeat(27));
        assert_eq!(amount(&places).to_string(), places);
        assert_eq!(amount(&places).value().scale(), 28);
        let too_many = format!("０．{}１", "０".repeat(28));
        assert_eq!(
            too_many.parse::<Amount>(),
            Err(ValueError::OutOfRange {
                text: too_many.clone()
            })
        );
        for text in [
            "0.00000000000000000000000000001元",
            "1.00000000000000000000000000000",
            "79228162514264337593543950336",
            "99999999999999999999999999999.9",
        ] {
            assert_eq!(
                text.parse::<Amount>(),
                Err(ValueError::OutOfRange { text: text.into() })
            );
        }
        // Leading zeros take no room in a Decimal.
        let zeros = format!("{}1元", "0".repeat(100));
        assert_eq!(amount(&zeros).to_string(), "1元");
    }

    #[test]
    fn a_separator_shows_only_on_four_integer_digits_or_more() {
        assert_eq!(amount("1,000").to_string(), "1,000");
        assert_eq!(amount("1,000").value().to_string(), "1000");
        assert_eq!(amount("1,000.0001").to_string(), "1,000.0001");
        assert_eq!(amount("999.999").style, Style::PLAIN);
        assert_eq!(amount("１２３，４５６").to_string(), "１２３，４５６");
        assert_eq!(amount("12,345,678").to_string(), "12,345,678");
    }

    #[test]
    fn a_space_and_a_spelling_belong_to_a_printed_unit() {
        assert!("12 ".parse::<Amount>().is_err());
        assert!("￥12 ".parse::<Amount>().is_err());
        let wan = amount("12万");
        assert_eq!(
            (wan.unit(), wan.to_string().as_str()),
            (MoneyUnit::WanYuan, "12万")
        );
        let yuan = amount("¥12");
        assert_eq!(
            (yuan.unit(), yuan.to_string().as_str()),
            (MoneyUnit::Yuan, "¥12")
        );
        assert_eq!(
            amount("12").stated_as(MoneyUnit::Yuan).unwrap().style,
            Style::PLAIN
        );
    }
}
