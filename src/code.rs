//! The error of a look-up by stable code. The lowest module: the modules that own codes
//! (editions, kinds of body, cells, rules) return it, so none of them needs the crate's
//! other errors.

use std::fmt;

/// A text that is not one of the stable codes it was looked up among: an edition, a kind
/// of body, a cell code, a rule id. The message quotes the text and, where the codes are
/// few, lists them.
///
/// ```
/// use ogi_report::{CellRef, Edition};
/// let err = "2020".parse::<Edition>().unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown edition "2020", expected "2019" or "2021""#);
/// assert_eq!(err.text(), "2020");
/// let err = "t3.new.all".parse::<CellRef>().unwrap_err();
/// assert_eq!(err.to_string(), r#"unknown cell code "t3.new.all""#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    what: &'static str,
    text: String,
    expected: Expected,
}

/// How the message lists the codes expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Expected {
    /// Too many to list (cell codes, rule ids).
    Unlisted,
    /// `expected "a" or "b"`.
    Either(&'static [&'static str]),
    /// `expected one of a, b, c`.
    OneOf(&'static [&'static str]),
}

impl UnknownCode {
    /// The error for `text`, not a code of `what` (`"edition"`, `"cell code"`, …).
    pub(crate) fn new(what: &'static str, text: &str, expected: Expected) -> UnknownCode {
        UnknownCode {
            what,
            text: text.to_owned(),
            expected,
        }
    }

    /// The text that was looked up.
    ///
    /// ```
    /// let err = "t9".parse::<ogi_report::RuleId>().unwrap_err();
    /// assert_eq!(err.text(), "t9");
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}", self.what, self.text)?;
        match self.expected {
            Expected::Unlisted => Ok(()),
            Expected::Either(codes) => {
                f.write_str(", expected ")?;
                for (i, code) in codes.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" or ")?;
                    }
                    write!(f, "{code:?}")?;
                }
                Ok(())
            }
            Expected::OneOf(codes) => write!(f, ", expected one of {}", codes.join(", ")),
        }
    }
}

impl std::error::Error for UnknownCode {}

/// The codes of a list of coded values, at compile time: `codes(&ALL, code)` cannot be
/// written as a `const fn` over a function pointer, so each owner fills its array with
/// this macro.
macro_rules! codes_of {
    ($all:expr, $n:expr) => {{
        let all = $all;
        let mut codes = [""; $n];
        let mut i = 0;
        while i < $n {
            codes[i] = all[i].code();
            i += 1;
        }
        codes
    }};
}

pub(crate) use codes_of;
