//! Money: an exact decimal with the unit the report printed.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::ValueError;

/// The unit of an amount, as the report printed it.
///
/// ```
/// use ogi_report::MoneyUnit;
/// assert_eq!(MoneyUnit::WanYuan.suffix(), "万元");
/// assert_eq!(MoneyUnit::WanYuan.code(), "wan_yuan");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum MoneyUnit {
    /// 元.
    Yuan,
    /// 万元, ten thousand 元.
    WanYuan,
    /// No unit printed (the 2019 edition's 采购总金额 has none in its header).
    Unstated,
}

impl MoneyUnit {
    /// The suffix printed after a number in this unit (empty when unstated).
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

/// An amount of money: an exact, non-negative decimal with the unit the report printed.
///
/// Parsed from text, never from a float; the printed scale is kept, so `"1.50万元"` prints
/// back as `"1.50万元"`. Two amounts are equal when they print the same: `1.5元` and
/// `1.50元` are different printings (compare [`Amount::to_yuan`] for equal value).
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
/// # Ok::<(), ogi_report::ValueError>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Amount {
    value: Decimal,
    unit: MoneyUnit,
}

impl Amount {
    /// An amount from a decimal and a unit.
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
        Ok(Amount { value, unit })
    }

    /// The number as printed, in [`Amount::unit`].
    ///
    /// ```
    /// let a: ogi_report::Amount = "160.5964万元".parse()?;
    /// assert_eq!(a.value().to_string(), "160.5964");
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    #[must_use]
    pub const fn value(&self) -> Decimal {
        self.value
    }

    /// The unit as printed.
    ///
    /// ```
    /// use ogi_report::{Amount, MoneyUnit};
    /// assert_eq!("251000元".parse::<Amount>()?.unit(), MoneyUnit::Yuan);
    /// # Ok::<(), ogi_report::ValueError>(())
    /// ```
    #[must_use]
    pub const fn unit(&self) -> MoneyUnit {
        self.unit
    }

    /// The same amount with a unit stated by the caller, for an amount the report printed
    /// without one. An amount whose unit was printed keeps it when asked for the same unit.
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

    /// The exact amount in 元.
    ///
    /// # Errors
    /// [`ValueError::UnitNotStated`] when the report printed no unit (state one with
    /// [`Amount::stated_as`]); [`ValueError::OutOfRange`] when the amount in 元 does not
    /// fit a `Decimal`.
    ///
    /// ```
    /// use ogi_report::Amount;
    /// assert_eq!("0.0001万元".parse::<Amount>()?.to_yuan()?.to_string(), "1.0000");
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
}

impl PartialEq for Amount {
    fn eq(&self, other: &Self) -> bool {
        self.unit == other.unit
            && self.value.scale() == other.value.scale()
            && self.value.mantissa() == other.value.mantissa()
    }
}

impl Eq for Amount {}

impl Hash for Amount {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.unit.hash(state);
        self.value.scale().hash(state);
        self.value.mantissa().hash(state);
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.value, self.unit.suffix())
    }
}

impl FromStr for Amount {
    type Err = ValueError;

    /// Parses `digits[.digits]` followed by nothing, `元` or `万元`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (number, unit) = if let Some(n) = s.strip_suffix("万元") {
            (n, MoneyUnit::WanYuan)
        } else if let Some(n) = s.strip_suffix('元') {
            (n, MoneyUnit::Yuan)
        } else {
            (s, MoneyUnit::Unstated)
        };
        if s.is_empty() {
            return Err(ValueError::Empty);
        }
        if let Some(rest) = number.strip_prefix('-') {
            if is_plain_decimal(rest) {
                return Err(ValueError::Negative { text: s.to_owned() });
            }
        }
        if !is_plain_decimal(number) {
            return Err(ValueError::Invalid { text: s.to_owned() });
        }
        let value = Decimal::from_str_exact(number)
            .map_err(|_| ValueError::OutOfRange { text: s.to_owned() })?;
        Ok(Amount { value, unit })
    }
}

/// `digits` or `digits.digits`, ASCII only.
fn is_plain_decimal(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    digits(int) && frac.is_none_or(digits)
}
