//! [`CheckedReport`]: a report whose error rules all hold, and its serde.

use std::fmt;
use std::ops::Deref;

#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::report::AnnualReport;
use crate::rules::Severity;

use super::engine::validate;
use super::finding::{Finding, Findings};

/// A report that validation has checked: every error rule was assessed and holds, so a
/// consumer can rely on the arithmetic of 表三 and 表四 (both sides of every relation
/// printed and equal). Only [`CheckedReport::new`] makes one; deserialising one checks it
/// the same way. Warnings, infos and unassessable non-error rules are allowed and kept
/// ([`CheckedReport::findings`]).
///
/// ```
/// use ogi_report::{
///     AnnualReport, Appeals, AppealColumn as C, AppealGroup as G, BodyKind, CheckedReport,
///     Edition, Proactive, RequestDetails, Requests,
/// };
///
/// let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
///     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
///     .build()?;
/// let checked = CheckedReport::new(report.clone())?;
/// assert_eq!(checked.year(), 2023); // derefs to the report
///
/// report.appeals_mut().set(G::Review, C::Total, Some(2));
/// let rejected = CheckedReport::new(report).unwrap_err();
/// assert_eq!(
///     rejected.to_string(),
///     "the report fails 1 and cannot assess 0 error-rule checks, the first t4.group_total at group review"
/// );
/// let report = rejected.into_report(); // nothing is lost
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CheckedReport {
    report: AnnualReport,
    findings: Findings,
}

impl CheckedReport {
    /// Validates the report and wraps it when every error rule holds.
    ///
    /// # Errors
    /// [`Rejected`], holding the report and its findings, when an error rule fails or
    /// cannot be assessed.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let checked = CheckedReport::new(report)?;
    /// assert!(checked.findings().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(report: AnnualReport) -> Result<CheckedReport, Rejected> {
        let findings = validate(&report);
        if findings.iter().any(|f| f.severity() == Severity::Error) {
            return Err(Rejected {
                report: Box::new(report),
                findings,
            });
        }
        Ok(CheckedReport { report, findings })
    }

    /// The report.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let checked = CheckedReport::new(report.clone())?;
    /// assert_eq!(checked.report(), &report);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn report(&self) -> &AnnualReport {
        &self.report
    }

    /// The findings of validation: none of an error rule.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let checked = CheckedReport::new(report)?;
    /// assert_eq!(checked.findings().len(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn findings(&self) -> &Findings {
        &self.findings
    }

    /// The report, unwrapped.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let checked = CheckedReport::new(report.clone())?;
    /// assert_eq!(checked.into_inner(), report);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_inner(self) -> AnnualReport {
        self.report
    }
}

impl Deref for CheckedReport {
    type Target = AnnualReport;

    fn deref(&self) -> &AnnualReport {
        &self.report
    }
}

impl AsRef<AnnualReport> for CheckedReport {
    fn as_ref(&self) -> &AnnualReport {
        &self.report
    }
}

impl TryFrom<AnnualReport> for CheckedReport {
    type Error = Rejected;

    fn try_from(report: AnnualReport) -> Result<CheckedReport, Rejected> {
        CheckedReport::new(report)
    }
}

impl From<CheckedReport> for AnnualReport {
    fn from(checked: CheckedReport) -> AnnualReport {
        checked.report
    }
}

#[cfg(feature = "serde")]
impl Serialize for CheckedReport {
    /// The report's JSON form.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.report.serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for CheckedReport {
    /// A report's JSON form, validated: a report failing an error rule is rejected with
    /// the first such finding.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<CheckedReport, D::Error> {
        let report = AnnualReport::deserialize(d)?;
        CheckedReport::new(report).map_err(serde::de::Error::custom)
    }
}

/// A report that [`CheckedReport::new`] refused: an error rule fails or cannot be
/// assessed. Holds the report and all its findings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Error)]
#[error(
    "the report fails {} and cannot assess {} error-rule checks, the first {}",
    count(&self.findings, false),
    count(&self.findings, true),
    first(&self.findings)
)]
///
/// ```
/// # use ogi_report::*;
/// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
/// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
/// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
/// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
/// #     .build()?;
/// report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, None);
/// let rejected = CheckedReport::new(report.clone()).unwrap_err();
/// assert_eq!(
///     rejected.to_string(),
///     "the report fails 0 and cannot assess 1 error-rule checks, the first t4.group_total at group review"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Rejected {
    report: Box<AnnualReport>,
    findings: Findings,
}

fn count(findings: &Findings, unassessable: bool) -> usize {
    findings
        .iter()
        .filter(|f| f.severity() == Severity::Error && f.is_unassessable() == unassessable)
        .count()
}

fn first(findings: &Findings) -> impl fmt::Display + '_ {
    struct First<'a>(Option<&'a Finding>);
    impl fmt::Display for First<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.0 {
                Some(x) => write!(f, "{} at {}", x.rule, x.scope),
                None => f.write_str("-"),
            }
        }
    }
    First(findings.iter().find(|f| f.severity() == Severity::Error))
}

impl Rejected {
    /// Every finding of the validation.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, None);
    /// let rejected = CheckedReport::new(report.clone()).unwrap_err();
    /// assert!(rejected.findings()[0].is_unassessable());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn findings(&self) -> &Findings {
        &self.findings
    }

    /// The report, unchanged.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, None);
    /// let rejected = CheckedReport::new(report.clone()).unwrap_err();
    /// assert_eq!(rejected.report(), &report);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn report(&self) -> &AnnualReport {
        &self.report
    }

    /// The report, unchanged, to correct it.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, None);
    /// let rejected = CheckedReport::new(report.clone()).unwrap_err();
    /// assert_eq!(rejected.into_report(), report);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_report(self) -> AnnualReport {
        *self.report
    }
}
