//! The whole report: metadata, the six sections, and the builder.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::appeals::Appeals;
use crate::cell::{CellRef, Table, Value};
use crate::code::{Expected, UnknownCode, codes_of};
use crate::edition::Edition;
use crate::error::{BuildError, TableError};
use crate::layout::Layout;
use crate::narrative::OtherMatters;
use crate::proactive::{Proactive, check_kind};
use crate::requests::Requests;

/// The first report year either edition covers ([`AnnualReport::FIRST_YEAR`]).
pub(crate) const FIRST_YEAR: u16 = 2019;

/// The kind of body that issues a report; it decides the Article 49 deadline.
///
/// ```
/// use ogi_report::BodyKind;
/// assert_eq!(BodyKind::Department.code(), "department");
/// assert_eq!("township".parse::<BodyKind>()?, BodyKind::Township);
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum BodyKind {
    /// A department of a people's government at county level or above (县级以上人民政府部门):
    /// publishes by 31 January.
    Department,
    /// A people's government's own report, published by its open-government competent
    /// department (本级政府年度报告): by 31 March.
    Government,
    /// A township government or sub-district office (乡镇人民政府、街道办事处): no statutory
    /// date in Article 49.
    Township,
    /// Any other body.
    Other,
}

impl BodyKind {
    /// Every kind.
    ///
    /// ```
    /// assert_eq!(ogi_report::BodyKind::ALL.len(), 4);
    /// ```
    pub const ALL: [BodyKind; 4] = [
        BodyKind::Department,
        BodyKind::Government,
        BodyKind::Township,
        BodyKind::Other,
    ];

    /// The stable code.
    ///
    /// ```
    /// assert_eq!(ogi_report::BodyKind::Government.code(), "government");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            BodyKind::Department => "department",
            BodyKind::Government => "government",
            BodyKind::Township => "township",
            BodyKind::Other => "other",
        }
    }

    /// The kind with this stable code, `None` for an unknown code.
    ///
    /// ```
    /// use ogi_report::BodyKind;
    /// assert_eq!(BodyKind::from_code("township"), Some(BodyKind::Township));
    /// assert_eq!(BodyKind::from_code("county"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<BodyKind> {
        BodyKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// A Chinese label.
    ///
    /// ```
    /// assert_eq!(ogi_report::BodyKind::Department.label(), "县级以上人民政府部门");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            BodyKind::Department => "县级以上人民政府部门",
            BodyKind::Government => "县级以上地方人民政府（本级政府年度报告）",
            BodyKind::Township => "乡镇人民政府、街道办事处",
            BodyKind::Other => "其他",
        }
    }
}

impl fmt::Display for BodyKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for BodyKind {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        const CODES: [&str; BodyKind::ALL.len()] = codes_of!(BodyKind::ALL, BodyKind::ALL.len());
        BodyKind::from_code(s)
            .ok_or_else(|| UnknownCode::new("kind of body", s, Expected::OneOf(&CODES)))
    }
}

/// An annual report on open government information: metadata and the six sections.
///
/// Built with [`AnnualReport::builder`]. The report holds what it is given, mistakes and
/// blanks too; arithmetic consistency is for the checks, not the constructor. Each table
/// is printed in a layout of its own: its report's edition's, or, as some real reports
/// print them, the other edition's (a 2021 report whose 表三 prints （六）其他处理 as one
/// row); the checks assess each table in its own layout and say where a layout departs
/// from the report's edition.
///
/// ```
/// use ogi_report::{validate, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, Requests};
///
/// let report = AnnualReport::builder(Edition::E2021, 2024, "某县人民政府", BodyKind::Government)
///     .overview("一年来……")
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// assert_eq!(report.year(), 2024);
/// assert_eq!(report.cells().count(), 200);
///
/// let mixed = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&RequestDetails::new(Edition::E2019))?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// assert_eq!(mixed.cells().count(), 10 + 161 + 15);
/// let findings = validate(&mixed);
/// let layout = findings.iter().find(|f| f.rule_id().code() == "meta.table_layout").unwrap();
/// assert!(layout.to_string().starts_with("info meta.table_layout - stated=2019 computed=2021 | table t3"));
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnnualReport {
    pub(crate) edition: Edition,
    pub(crate) year: u16,
    pub(crate) body: String,
    pub(crate) kind: BodyKind,
    pub(crate) published: Option<NaiveDate>,
    pub(crate) overview: String,
    pub(crate) proactive: Proactive,
    pub(crate) requests: Requests,
    pub(crate) appeals: Appeals,
    pub(crate) problems: String,
    pub(crate) other_matters: OtherMatters,
}

impl AnnualReport {
    /// The first report year either edition covers: the builder refuses an earlier year.
    ///
    /// ```
    /// assert_eq!(ogi_report::AnnualReport::FIRST_YEAR, 2019);
    /// ```
    pub const FIRST_YEAR: u16 = FIRST_YEAR;

    /// A report with blank tables in the edition's layouts and empty texts: the start of
    /// an example or a test that fills only the cells it needs (through
    /// [`proactive_mut`](Self::proactive_mut), [`requests_mut`](Self::requests_mut),
    /// [`appeals_mut`](Self::appeals_mut)).
    ///
    /// The same as the [`builder`](Self::builder) given [`Proactive::blank`],
    /// [`Requests::blank`] and [`Appeals::blank`] and nothing else.
    ///
    /// # Errors
    /// [`BuildError::YearOutOfRange`] for a year before [`AnnualReport::FIRST_YEAR`].
    ///
    /// ```
    /// use ogi_report::{AnnualReport, BodyKind, Edition};
    /// let report = AnnualReport::blank(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)?;
    /// assert_eq!(report.get("t3.new.total".parse()?), None);
    /// assert_eq!(report.overview(), "");
    /// assert!(AnnualReport::blank(Edition::E2019, 2018, "某局", BodyKind::Department).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn blank(
        edition: Edition,
        year: u16,
        body: impl Into<String>,
        kind: BodyKind,
    ) -> Result<AnnualReport, BuildError> {
        AnnualReport::builder(edition, year, body, kind)
            .proactive(Proactive::blank(edition))
            .requests(Requests::blank(edition))
            .appeals(Appeals::blank())
            .build()
    }

    /// A builder for a report of the given edition, year, issuing body and kind of body.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.body(), "某局");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn builder(
        edition: Edition,
        year: u16,
        body: impl Into<String>,
        kind: BodyKind,
    ) -> ReportBuilder {
        ReportBuilder {
            edition,
            year,
            body: body.into(),
            kind,
            published: None,
            overview: String::new(),
            proactive: None,
            requests: None,
            appeals: None,
            problems: String::new(),
            other_matters: OtherMatters::default(),
        }
    }

    /// The edition of the format the report uses.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.edition(), Edition::E2019);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.edition
    }

    /// The report year (the statistical period is that calendar year).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.year(), 2020);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// The issuing body's name.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.body(), "某局");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The kind of issuing body.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.kind(), BodyKind::Department);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn kind(&self) -> BodyKind {
        self.kind
    }

    /// The publication date, when known.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.published().map(|d| d.to_string()), Some("2021-01-20".into()));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn published(&self) -> Option<NaiveDate> {
        self.published
    }

    /// 一、总体情况, byte for byte.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.overview(), "总体情况……");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn overview(&self) -> &str {
        &self.overview
    }

    /// 二、主动公开政府信息情况 (表二).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.proactive().edition(), Edition::E2019);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn proactive(&self) -> &Proactive {
        &self.proactive
    }

    /// 三、收到和处理政府信息公开申请情况 (表三).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.requests().rows().len(), 23);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn requests(&self) -> &Requests {
        &self.requests
    }

    /// 四、政府信息公开行政复议、行政诉讼情况 (表四).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.appeals(), &Appeals::blank());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn appeals(&self) -> &Appeals {
        &self.appeals
    }

    /// Sets any cell of the report (`None` makes it blank). Totals are not recomputed:
    /// this holds what a report prints.
    ///
    /// # Errors
    /// [`TableError::NotInEdition`] for a cell the report's edition does not have;
    /// [`TableError::WrongKind`] for a value of the wrong kind.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests, Value};
    /// let mut report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// report.set("t3.new.total".parse()?, Some(Value::Count(11)))?;
    /// report.set("t2.licensing.delta".parse()?, Some(Value::Delta(-8)))?;
    /// assert_eq!(report.get("t3.new.total".parse()?), Some(Value::Count(11)));
    /// assert!(report.set("t3.other_handling.other.total".parse()?, Some(Value::Count(1))).is_err());
    /// assert!(report.set("t4.review.total".parse()?, Some(Value::Delta(1))).is_err());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set(&mut self, cell: CellRef, value: Option<Value>) -> Result<(), TableError> {
        let layout = self.layout(cell.table());
        if !layout.contains(cell) {
            return Err(TableError::NotInEdition {
                cell,
                edition: layout.edition(),
            });
        }
        if let Some(v) = value {
            check_kind(cell, v)?;
        }
        // Only counts get past the kind check for 表三 and 表四.
        let count = match value {
            Some(Value::Count(v)) => Some(v),
            _ => None,
        };
        match cell {
            CellRef::Proactive(r, c) => self.proactive.set(r, c, value),
            CellRef::Requests(r, c) => self.requests.set(r, c, count),
            CellRef::Appeals(g, c) => self.appeals.set(g, c, count),
        }
    }

    /// Replaces 表二 and returns the table it held. The new table may be printed in
    /// another edition's layout than the report's (as some real reports print their
    /// tables); the checks then say so with an `info` finding.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// let old = report.replace_proactive(Proactive::blank(Edition::E2019));
    /// assert_eq!(old.edition(), Edition::E2021);
    /// assert_eq!(report.proactive().edition(), Edition::E2019);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn replace_proactive(&mut self, table: Proactive) -> Proactive {
        std::mem::replace(&mut self.proactive, table)
    }

    /// Replaces 表三 and returns the table it held; the new table may be printed in either
    /// edition's layout (see [`AnnualReport::replace_proactive`]).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// // 表三 printed the 2019 way, （六）其他处理 as one row:
    /// let assembled = Requests::assemble(&RequestDetails::new(Edition::E2019))?;
    /// let old = report.replace_requests(assembled);
    /// assert_eq!(old, Requests::blank(Edition::E2021));
    /// assert_eq!(report.layout(ogi_report::Table::Requests).rows().len(), 23);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn replace_requests(&mut self, table: Requests) -> Requests {
        std::mem::replace(&mut self.requests, table)
    }

    /// Replaces 表四 and returns the table it held.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// let old = report.replace_appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?);
    /// assert_eq!(old, Appeals::blank());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn replace_appeals(&mut self, table: Appeals) -> Appeals {
        std::mem::replace(&mut self.appeals, table)
    }

    /// Replaces the text of section 一 (总体情况), kept byte for byte, and returns the text
    /// it held.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// report.set_overview("2022年，某局……");
    /// assert_eq!(report.overview(), "2022年，某局……");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set_overview(&mut self, text: impl Into<String>) -> String {
        std::mem::replace(&mut self.overview, text.into())
    }

    /// Replaces the text of section 五 (存在的主要问题及改进情况), kept byte for byte, and
    /// returns the text it held.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .problems("旧")
    ///     .build()?;
    /// assert_eq!(report.set_problems("一是……"), "旧");
    /// assert_eq!(report.problems(), "一是……");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set_problems(&mut self, text: impl Into<String>) -> String {
        std::mem::replace(&mut self.problems, text.into())
    }

    /// Replaces section 六 (其他需要报告的事项) and returns what it held.
    ///
    /// # Errors
    /// [`BuildError::FeesOutsideEdition`] for a fee statement in a 2019-edition report (the
    /// report is then unchanged), as [`ReportBuilder::build`].
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, FeeStatement, OtherMatters, Proactive, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// let mut six = OtherMatters::new("本年度未收取信息处理费。");
    /// six.fees = Some(FeeStatement::new(Some(0), None, None));
    /// report.set_other_matters(six)?;
    /// assert_eq!(report.other_matters().fees.unwrap().notices, Some(0));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn set_other_matters(&mut self, section: OtherMatters) -> Result<OtherMatters, BuildError> {
        if self.edition == Edition::E2019 && section.fees.is_some() {
            return Err(BuildError::FeesOutsideEdition);
        }
        Ok(std::mem::replace(&mut self.other_matters, section))
    }

    /// The report as a builder holding every part, to change what the in-place methods do
    /// not (the year, the body, its kind, the publication date) and build again with the
    /// builder's checks: the one way to change any part of a report and keep its
    /// invariants.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, NaiveDate, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// let next = report
    ///     .clone()
    ///     .into_builder()
    ///     .year(2023)
    ///     .body("某市某局")
    ///     .published(NaiveDate::from_ymd_opt(2024, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!((next.year(), next.body()), (2023, "某市某局"));
    /// assert_eq!(next.proactive(), report.proactive());
    /// // The builder's checks apply again.
    /// assert!(report.into_builder().year(2018).build().is_err());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn into_builder(self) -> ReportBuilder {
        ReportBuilder {
            edition: self.edition,
            year: self.year,
            body: self.body,
            kind: self.kind,
            published: self.published,
            overview: self.overview,
            proactive: Some(self.proactive),
            requests: Some(self.requests),
            appeals: Some(self.appeals),
            problems: self.problems,
            other_matters: self.other_matters,
        }
    }

    /// 表二, to change cells and extras in place.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, ProactiveColumn as C, ProactiveRow as R, Requests, Value};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// report.proactive_mut().set(R::Licensing, C::Decisions, Some(Value::Count(5)))?;
    /// assert_eq!(report.proactive().count(R::Licensing, C::Decisions), Some(5));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub const fn proactive_mut(&mut self) -> &mut Proactive {
        &mut self.proactive
    }

    /// 表三, to change cells and extras in place.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, Applicant as A, BodyKind, Edition, Proactive, RequestRow as R, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// report.requests_mut().set(R::New, A::Total, Some(3))?;
    /// assert_eq!(report.requests().get(R::New, A::Total), Some(3));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub const fn requests_mut(&mut self) -> &mut Requests {
        &mut self.requests
    }

    /// 表四, to change cells and extras in place.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let mut report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// use ogi_report::{AppealColumn, AppealGroup};
    /// report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2))?;
    /// assert_eq!(report.appeals().get(AppealGroup::Review, AppealColumn::Total), Some(2));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub const fn appeals_mut(&mut self) -> &mut Appeals {
        &mut self.appeals
    }

    /// The layout a table of the report is printed in: the report's edition's, or the
    /// other edition's where the table departs from it.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests, Table};
    /// let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// assert_eq!(report.layout(Table::Requests).edition(), Edition::E2019);
    /// assert_eq!(report.layout(Table::Proactive).edition(), Edition::E2021);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn layout(&self, table: Table) -> &'static Layout {
        match table {
            Table::Proactive => self.proactive.layout(),
            Table::Requests => self.requests.layout(),
            // 表四 is the same in both editions: it is in the report's.
            Table::Appeals => Layout::of(Table::Appeals, self.edition),
        }
    }

    /// 五、存在的主要问题及改进情况, byte for byte.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.problems(), "问题……");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn problems(&self) -> &str {
        &self.problems
    }

    /// 六、其他需要报告的事项.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.other_matters().text, "");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn other_matters(&self) -> &OtherMatters {
        &self.other_matters
    }

    /// The value of any cell; `None` when blank or not in the report's edition.
    ///
    /// Every table reads a cell with `get` and writes one with a `set` that returns
    /// `Result<(), TableError>` ([`Proactive`], [`Requests`], [`Appeals`]); the report
    /// does the same by [`CellRef`] ([`AnnualReport::set`]).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests, Value};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    ///     .build()?;
    /// assert_eq!(report.get("t4.review.total".parse()?), Some(Value::Count(1)));
    /// assert_eq!(report.get("t3.new.total".parse()?), None);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn get(&self, cell: CellRef) -> Option<Value> {
        match cell {
            CellRef::Proactive(r, c) => self.proactive.get(r, c),
            CellRef::Requests(r, c) => self.requests.get(r, c).map(Value::Count),
            CellRef::Appeals(g, c) => self.appeals.get(g, c).map(Value::Count),
        }
    }

    /// Every cell of the report with its value, in the official printed order (表二, 表三
    /// row by row, 表四).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
    ///     .overview("总体情况……")
    ///     .proactive(Proactive::blank(Edition::E2019))
    ///     .requests(Requests::blank(Edition::E2019))
    ///     .appeals(Appeals::blank())
    ///     .problems("问题……")
    ///     .published(chrono::NaiveDate::from_ymd_opt(2021, 1, 20).unwrap())
    ///     .build()?;
    /// assert_eq!(report.cells().count(), 22 + 161 + 15);
    /// assert!(report.cells().all(|(_, v)| v.is_none()));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = (CellRef, Option<Value>)> + '_ {
        let count = |(c, v): (CellRef, Option<u64>)| (c, v.map(Value::Count));
        self.proactive
            .cells()
            .chain(self.requests.cells().map(count))
            .chain(self.appeals.cells().map(count))
    }
}

/// Builds an [`AnnualReport`]; [`ReportBuilder::build`] checks it.
///
/// ```
/// use ogi_report::{AnnualReport, BodyKind, BuildError, Edition, Table};
/// let err = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department).build();
/// assert_eq!(err.unwrap_err(), BuildError::MissingPart { part: Table::Proactive });
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct ReportBuilder {
    edition: Edition,
    year: u16,
    body: String,
    kind: BodyKind,
    published: Option<NaiveDate>,
    overview: String,
    proactive: Option<Proactive>,
    requests: Option<Requests>,
    appeals: Option<Appeals>,
    problems: String,
    other_matters: OtherMatters,
}

impl ReportBuilder {
    /// The report year (the builder was made with one).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .year(2024)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// assert_eq!(report.year(), 2024);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn year(mut self, year: u16) -> Self {
        self.year = year;
        self
    }

    /// The issuing body (the builder was made with one).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .body("某市某局")
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// assert_eq!(report.body(), "某市某局");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }

    /// The kind of body (the builder was made with one).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2021, 2022, "某镇人民政府", BodyKind::Department)
    ///     .kind(BodyKind::Township)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// assert_eq!(report.kind(), BodyKind::Township);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn kind(mut self, kind: BodyKind) -> Self {
        self.kind = kind;
        self
    }

    /// No publication date (a report that does not print one).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, NaiveDate, Proactive, Requests};
    /// let report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .published(NaiveDate::from_ymd_opt(2023, 1, 20).unwrap())
    ///     .build()?;
    /// let undated = report.into_builder().unpublished().build()?;
    /// assert_eq!(undated.published(), None);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn unpublished(mut self) -> Self {
        self.published = None;
        self
    }

    /// The publication date.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.published(chrono::NaiveDate::from_ymd_opt(2023, 1, 19).unwrap()).build()?;
    /// assert_eq!(report.published().unwrap().to_string(), "2023-01-19");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn published(mut self, date: NaiveDate) -> Self {
        self.published = Some(date);
        self
    }

    /// 一、总体情况 (empty when not given).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.overview("2022年，……").build()?;
    /// assert_eq!(report.overview(), "2022年，……");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn overview(mut self, text: impl Into<String>) -> Self {
        self.overview = text.into();
        self
    }

    /// 表二.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.proactive(Proactive::blank(Edition::E2021)).build()?;
    /// assert_eq!(report.proactive().edition(), Edition::E2021);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn proactive(mut self, table: Proactive) -> Self {
        self.proactive = Some(table);
        self
    }

    /// 表三.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.requests(Requests::blank(Edition::E2021)).build()?;
    /// assert_eq!(report.requests().edition(), Edition::E2021);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn requests(mut self, table: Requests) -> Self {
        self.requests = Some(table);
        self
    }

    /// 表四.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.appeals(Appeals::blank()).build()?;
    /// assert_eq!(report.appeals(), &Appeals::blank());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn appeals(mut self, table: Appeals) -> Self {
        self.appeals = Some(table);
        self
    }

    /// 五、存在的主要问题及改进情况 (empty when not given).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.problems("……").build()?;
    /// assert_eq!(report.problems(), "……");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn problems(mut self, text: impl Into<String>) -> Self {
        self.problems = text.into();
        self
    }

    /// 六、其他需要报告的事项 (empty text, no fee statement, when not given).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.other_matters(OtherMatters::new("无")).build()?;
    /// assert_eq!(report.other_matters().text, "无");
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn other_matters(mut self, section: OtherMatters) -> Self {
        self.other_matters = section;
        self
    }

    /// The report.
    ///
    /// # Errors
    /// [`BuildError::YearOutOfRange`] for a year before 2019; [`BuildError::PublishedOutOfRange`] for
    /// a publication date that `YYYY-MM-DD` cannot write; [`BuildError::MissingPart`] when a
    /// table was not given; [`BuildError::FeesOutsideEdition`] for a fee statement in a 2019-edition report.
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, Requests};
    /// let builder = AnnualReport::builder(Edition::E2021, 2022, "某区人民政府办公室", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank());
    /// let report = builder.build()?;
    /// assert_eq!(report.year(), 2022);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn build(self) -> Result<AnnualReport, BuildError> {
        if self.year < FIRST_YEAR {
            return Err(BuildError::YearOutOfRange {
                year: i64::from(self.year),
            });
        }
        if let Some(date) = self.published {
            if !(0..=9999).contains(&date.year()) {
                return Err(BuildError::PublishedOutOfRange { date });
            }
        }
        let proactive = self.proactive.ok_or(BuildError::MissingPart {
            part: Table::Proactive,
        })?;
        let requests = self.requests.ok_or(BuildError::MissingPart {
            part: Table::Requests,
        })?;
        let appeals = self.appeals.ok_or(BuildError::MissingPart {
            part: Table::Appeals,
        })?;
        if self.edition == Edition::E2019 && self.other_matters.fees.is_some() {
            return Err(BuildError::FeesOutsideEdition);
        }
        Ok(AnnualReport {
            edition: self.edition,
            year: self.year,
            body: self.body,
            kind: self.kind,
            published: self.published,
            overview: self.overview,
            proactive,
            requests,
            appeals,
            problems: self.problems,
            other_matters: self.other_matters,
        })
    }
}
