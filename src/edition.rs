//! The two editions of the official format.

use std::fmt;
use std::str::FromStr;

use crate::code::{Expected, UnknownCode, codes_of};

/// An edition of the official report format.
///
/// The edition is data: chosen by the caller, or read from the table structure by the
/// importer, never guessed from the report year (some bodies kept the 2019 layout for
/// their 2021 reports).
///
/// ```
/// use ogi_report::Edition;
///
/// let e: Edition = "2021".parse()?;
/// assert_eq!(e, Edition::E2021);
/// assert_eq!(e.notice(), "国办公开办函〔2021〕30号");
/// assert_eq!(Edition::E2019.to_string(), "2019");
/// # Ok::<(), ogi_report::UnknownCode>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Edition {
    /// The 2019 trial format (国办公开办函〔2019〕60号), used for the 2019 and 2020 reports.
    E2019,
    /// The 2021 revision (国办公开办函〔2021〕30号), used from the 2021 reports on.
    E2021,
}

impl Edition {
    /// Every edition, oldest first.
    ///
    /// ```
    /// assert_eq!(ogi_report::Edition::ALL.len(), 2);
    /// ```
    pub const ALL: [Edition; 2] = [Edition::E2019, Edition::E2021];

    /// The stable code of the edition: `"2019"` or `"2021"`.
    ///
    /// ```
    /// assert_eq!(ogi_report::Edition::E2021.code(), "2021");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Edition::E2019 => "2019",
            Edition::E2021 => "2021",
        }
    }

    /// The notice that issued the edition.
    ///
    /// ```
    /// assert_eq!(ogi_report::Edition::E2019.notice(), "国办公开办函〔2019〕60号");
    /// ```
    #[must_use]
    pub const fn notice(self) -> &'static str {
        match self {
            Edition::E2019 => "国办公开办函〔2019〕60号",
            Edition::E2021 => "国办公开办函〔2021〕30号",
        }
    }

    /// The edition that serves a report year: the 2019 edition for the years 2019 and
    /// 2020, the 2021 edition from 2021 on (and, for a year before either, the first).
    ///
    /// The edition of a report is data: a body may print its 2022 report on the 2019
    /// layout. This is the edition the notices ask for, which the checks compare with.
    ///
    /// ```
    /// use ogi_report::Edition;
    /// assert_eq!(Edition::for_year(2020), Edition::E2019);
    /// assert_eq!(Edition::for_year(2021), Edition::E2021);
    /// assert_eq!(Edition::for_year(2035), Edition::E2021);
    /// ```
    #[must_use]
    pub const fn for_year(year: u16) -> Edition {
        if year >= Edition::E2021.first_year() {
            Edition::E2021
        } else {
            Edition::E2019
        }
    }

    /// The first report year the edition serves: 2019 for the 2019 edition, 2021 for the
    /// 2021 edition.
    ///
    /// ```
    /// assert_eq!(ogi_report::Edition::E2021.first_year(), 2021);
    /// ```
    #[must_use]
    pub const fn first_year(self) -> u16 {
        match self {
            Edition::E2019 => 2019,
            Edition::E2021 => 2021,
        }
    }

    /// The edition for a code, `None` for anything else.
    ///
    /// ```
    /// use ogi_report::Edition;
    /// assert_eq!(Edition::from_code("2019"), Some(Edition::E2019));
    /// assert_eq!(Edition::from_code("2020"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Edition> {
        Edition::ALL.into_iter().find(|e| e.code() == code)
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Edition {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const CODES: [&str; Edition::ALL.len()] = codes_of!(Edition::ALL, Edition::ALL.len());
        Edition::from_code(s)
            .ok_or_else(|| UnknownCode::new("edition", s, Expected::Either(&CODES)))
    }
}
