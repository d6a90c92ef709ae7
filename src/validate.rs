//! Validation: findings that cite their cells, the checks across two reports, and the
//! checked wrapper.

use std::fmt;
use std::ops::Deref;

use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;

use crate::cell::{CellRef, Table, Value};
use crate::claims::{Claim, Measure, TextSpan, Verdict, claims, write_one_line};
use crate::edition::Edition;
use crate::error::PairError;
use crate::macros::coded_enum;
use crate::money::{Amount, MoneyUnit};
use crate::report::{AnnualReport, BodyKind};
use crate::rules::{
    self, MAX_CELLS, Rule, RuleId, Scope, Severity, Side, Step, Test, cell_at, cited_at, subtracts,
};

coded_enum! {
    /// What a finding says: the rule failed at its severity, or it could not be assessed.
    ///
    /// ```
    /// use ogi_report::Level;
    /// assert_eq!(Level::Unassessable.to_string(), "unassessable");
    /// ```
    #[non_exhaustive]
    pub enum Level {
        /// An error rule failed.
        Error => "error",
        /// A warning rule failed.
        Warning => "warning",
        /// An info rule failed.
        Info => "info",
        /// A cell the rule needs is blank: neither a pass nor a failure.
        Unassessable => "unassessable",
    }
}

impl From<Severity> for Level {
    fn from(severity: Severity) -> Level {
        match severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }
}

/// A stated or computed quantity in a finding.
///
/// ```
/// use ogi_report::Figure;
/// assert_eq!(Figure::Number(-3).to_string(), "-3");
/// assert_eq!(Figure::Percent(rust_decimal::Decimal::new(1746, 2)).to_string(), "17.46%");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Figure {
    /// A count, a change, or a sum of them (wide enough that no sum of cells overflows).
    Number(i128),
    /// An amount of money as printed.
    Money(Amount),
    /// A date (publication date, deadline).
    Date(NaiveDate),
    /// An edition.
    Edition(Edition),
    /// A percentage, with the decimals it was printed with (`17.46` for 17.46%).
    Percent(rust_decimal::Decimal),
}

impl From<Value> for Figure {
    fn from(value: Value) -> Figure {
        match value {
            Value::Count(v) => Figure::Number(i128::from(v)),
            Value::Delta(v) => Figure::Number(i128::from(v)),
            Value::Money(a) => Figure::Money(a),
        }
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Figure::Number(v) => write!(f, "{v}"),
            Figure::Money(a) => write!(f, "{a}"),
            Figure::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Figure::Edition(e) => write!(f, "{e}"),
            Figure::Percent(p) => write!(f, "{p}%"),
        }
    }
}

/// One cell a finding cites: the cell, the year of the report it was read from, and
/// whether it was blank.
///
/// ```
/// use ogi_report::{
///     validate, AnnualReport, AppealColumn as C, AppealGroup as G, Appeals, BodyKind, Edition,
///     Proactive, RequestDetails, Requests, RuleId,
/// };
/// let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
///     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
///     .build()?;
/// report.appeals_mut().set(G::Review, C::Other, None);
/// let findings = validate(&report);
/// let finding = findings.of_rule(RuleId::T4GroupTotal).next().unwrap();
/// let blank: Vec<String> = finding
///     .cited()
///     .filter(|c| c.blank)
///     .map(|c| format!("{} {}", c.year, c.cell))
///     .collect();
/// assert_eq!(blank, ["2023 t4.review.other"]);
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CitedCell {
    /// The cell.
    pub cell: CellRef,
    /// The year of the report the cell was read from.
    pub year: u16,
    /// Whether the cell was blank.
    pub blank: bool,
}

/// One result of a rule at one scope: a failure, or a rule that could not be assessed
/// because a cell it needs is blank.
///
/// [`Display`](fmt::Display) gives one line:
/// `<level> <rule-id> <cell codes, comma-separated> stated=<value> computed=<value> | <English message> / <中文信息>`,
/// with `-` for no cells, no stated value or no computed value. The message names the
/// scope and the rule's statement; for a rule that could not be assessed, the blank cells.
///
/// `stated` is the printed value of the checked cell (the first cited), `computed` the
/// value the rule derives from the other cells (for a bound, the bound), `difference`
/// is `stated − computed` (days for dates).
///
/// ```
/// use ogi_report::{
///     validate, AnnualReport, AppealColumn as C, AppealGroup as G, Appeals, BodyKind, Edition,
///     Figure, Level, Proactive, Requests,
/// };
///
/// let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::blank(Edition::E2021))
///     .appeals(Appeals::assemble([3, 1, 0, 0], [0; 4], [0; 4])?)
///     .build()?;
/// report.appeals_mut().set(G::Review, C::Total, Some(5));
/// let findings = validate(&report);
/// let f = findings.iter().find(|f| f.rule_id().code() == "t4.group_total").unwrap();
/// assert_eq!(f.level(), Level::Error);
/// assert_eq!(f.stated(), Some(Figure::Number(5)));
/// assert_eq!(f.computed(), Some(Figure::Number(4)));
/// assert_eq!(f.difference(), Some(1));
/// assert_eq!(
///     f.to_string(),
///     "error t4.group_total t4.review.total,t4.review.upheld,t4.review.corrected,t4.review.other,t4.review.pending \
///      stated=5 computed=4 | group review: fails \"total (总计) = upheld + corrected + other + pending\", \
///      difference 1 / 行政复议：不符合“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”，差额 1"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Finding {
    rule: RuleId,
    scope: Scope,
    edition: Edition,
    /// The edition the rule was applied in: the layout of the table it reads.
    layout: Edition,
    year: u16,
    level: Level,
    stated: Option<Figure>,
    computed: Option<Figure>,
    difference: Option<i128>,
    /// Bit `i` set: the `i`-th cited cell was blank.
    blanks: u32,
}

impl Finding {
    /// The rule.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.rule().spec(), "T4-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn rule(&self) -> &'static Rule {
        self.rule.rule()
    }

    /// The rule's id.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.rule_id(), RuleId::T4GroupTotal);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn rule_id(&self) -> RuleId {
        self.rule
    }

    /// What the finding says: failed at the rule's severity, or not assessable.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.level(), Level::Error);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn level(&self) -> Level {
        self.level
    }

    /// The rule's severity (also for a finding that could not be assessed).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.severity(), Severity::Error);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.rule().severity()
    }

    /// Whether the rule could not be assessed because a cell it needs is blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert!(!f.is_unassessable());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_unassessable(&self) -> bool {
        self.level == Level::Unassessable
    }

    /// Where the rule was applied.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.scope(), Scope::Group(AppealGroup::Review));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn scope(&self) -> Scope {
        self.scope
    }

    /// The edition of the report checked (the later report of a pair).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.edition(), Edition::E2021);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn edition(&self) -> Edition {
        self.edition
    }

    /// The year of the report checked (the later report of a pair).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.year(), 2023);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn year(&self) -> u16 {
        self.year
    }

    /// The printed value of the checked cell (`None` when blank or when the rule has
    /// none).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.stated(), Some(Figure::Number(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn stated(&self) -> Option<Figure> {
        self.stated
    }

    /// The value the rule derives from the other cells (`None` when a cell is blank or
    /// when the rule derives none).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.computed(), Some(Figure::Number(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn computed(&self) -> Option<Figure> {
        self.computed
    }

    /// `stated − computed` for numbers, the number of days for dates; `None` otherwise.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.difference(), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn difference(&self) -> Option<i128> {
        self.difference
    }

    /// The codes of the cells the rule read at this scope, the checked cell first.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.cells().next().unwrap().to_string(), "t4.review.total");
    /// assert_eq!(f.cells().count(), 5);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = CellRef> + Clone + use<> {
        self.rule().cells_at(self.layout, self.scope)
    }

    /// The cells that were blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(f.blanks().count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn blanks(&self) -> impl Iterator<Item = CellRef> + Clone + use<> {
        let blanks = self.blanks;
        self.cells()
            .enumerate()
            .filter(move |&(i, _)| blanks & (1 << i) != 0)
            .map(|(_, c)| c)
    }

    /// The cells with the year of the report each was read from and whether it was
    /// blank.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert!(f.cited().all(|c| c.year == 2023 && !c.blank));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cited(&self) -> impl Iterator<Item = CitedCell> + Clone + use<> {
        let (rule, layout, scope, year, blanks) =
            (self.rule, self.layout, self.scope, self.year, self.blanks);
        (0..).map_while(move |i| {
            let (cell, side) = cited_at(rule, layout, scope, i)?;
            Some(CitedCell {
                cell,
                year: match side {
                    Side::Current => year,
                    Side::Previous => year.saturating_sub(1),
                },
                blank: i < 32 && blanks & (1 << i) != 0,
            })
        })
    }

    /// The message in English (formatted when displayed, never stored).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(
    ///     f.message_en().to_string(),
    ///     "group review: fails \"total (总计) = upheld + corrected + other + pending\", difference 1"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message_en(&self) -> impl fmt::Display + '_ {
        Message(self, Language::En, None)
    }

    /// The message in Chinese (formatted when displayed, never stored).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(
    ///     f.message_zh().to_string(),
    ///     "行政复议：不符合“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”，差额 1"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message_zh(&self) -> impl fmt::Display + '_ {
        Message(self, Language::Zh, None)
    }

    fn write_codes(&self, f: &mut fmt::Formatter<'_>, blanks_only: bool) -> fmt::Result {
        let mut first = true;
        for (i, cell) in self.cells().enumerate() {
            if blanks_only && (i >= 32 || self.blanks & (1 << i) == 0) {
                continue;
            }
            if !first {
                f.write_str(",")?;
            }
            first = false;
            write!(f, "{cell}")?;
        }
        if first {
            f.write_str("-")?;
        }
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Language {
    En,
    Zh,
}

/// A finding's message in one language, quoting its sentence when the report is given.
struct Message<'a>(&'a Finding, Language, Option<&'a AnnualReport>);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Message(finding, language, report) = *self;
        if let Scope::Sentence(span, measure) = finding.scope {
            return narrative_message(f, finding, language, span, measure, report);
        }
        let rule = finding.rule();
        let pair = rule.is_pair();
        let year = finding.year;
        let previous = year.saturating_sub(1);
        match language {
            Language::En => {
                if pair {
                    write!(f, "{previous} → {year}, ")?;
                }
                match finding.scope {
                    Scope::Report => write!(f, "the {year} report")?,
                    scope => write!(f, "{scope}")?,
                }
                if finding.is_unassessable() {
                    write!(f, ": cannot assess \"{}\", blank: ", rule.statement_en())?;
                    finding.write_codes(f, true)
                } else {
                    write!(f, ": fails \"{}\"", rule.statement_en())?;
                    match (finding.difference, finding.stated) {
                        (Some(d), Some(Figure::Date(_))) => write!(f, ", difference {d} days"),
                        (Some(d), _) => write!(f, ", difference {d}"),
                        (None, _) => Ok(()),
                    }
                }
            }
            Language::Zh => {
                if pair {
                    write!(f, "{previous}—{year}年")?;
                }
                match finding.scope {
                    Scope::Report => write!(f, "{year}年度报告")?,
                    scope => write!(f, "{}", scope.label(finding.layout))?,
                }
                if finding.is_unassessable() {
                    write!(f, "：无法核对“{}”，空白单元格：", rule.statement_zh())?;
                    finding.write_codes(f, true)
                } else {
                    write!(f, "：不符合“{}”", rule.statement_zh())?;
                    match (finding.difference, finding.stated) {
                        (Some(d), Some(Figure::Date(_))) => write!(f, "，相差 {d} 天"),
                        (Some(d), _) => write!(f, "，差额 {d}"),
                        (None, _) => Ok(()),
                    }
                }
            }
        }
    }
}

/// The message of a finding about a claim of the texts: where the sentence is (and its
/// text, with the report), what the number stated counts, and the readings tried.
fn narrative_message(
    f: &mut fmt::Formatter<'_>,
    finding: &Finding,
    language: Language,
    span: TextSpan,
    measure: Measure,
    report: Option<&AnnualReport>,
) -> fmt::Result {
    let zh = language == Language::Zh;
    if zh {
        write!(f, "{}", span.label())?;
    } else {
        write!(f, "{span}")?;
    }
    if let Some(text) = report.and_then(|r| span.text(r)) {
        f.write_str(" “")?;
        write_one_line(f, text)?;
        f.write_str("”")?;
    }
    let stated = Show(finding.stated);
    let computed = Show(finding.computed);
    let table = measure.table().map_or("", |t| t.label());
    let label = (measure.label_en(), measure.label_zh());
    match (measure, finding.is_unassessable(), zh) {
        (Measure::Fees(_), true, false) => write!(
            f,
            ": the text states {stated} ({}), section 六's fee statement does not",
            label.0
        ),
        (Measure::Fees(_), true, true) => {
            write!(
                f,
                "：文中所述{stated}（{}），第六部分信息处理费情况未载明",
                label.1
            )
        }
        (_, true, false) => {
            write!(
                f,
                ": cannot compare {stated} ({}) with {table}, blank: ",
                label.0
            )?;
            finding.write_codes(f, true)
        }
        (_, true, true) => {
            write!(
                f,
                "：无法将文中所述{stated}（{}）与{table}核对，空白单元格：",
                label.1
            )?;
            finding.write_codes(f, true)
        }
        (Measure::Sum, false, false) => write!(
            f,
            ": the text states a total of {stated}, and the parts it lists after it, ending \
             with 其他, add up to {computed}"
        ),
        (Measure::Sum, false, true) => {
            write!(
                f,
                "：文中总数为{stated}，其后所列各项（以“其他”结尾）之和为{computed}"
            )
        }
        (Measure::Fees(_), false, false) => write!(
            f,
            ": the text states {stated} ({}), section 六's fee statement {computed}",
            label.0
        ),
        (Measure::Fees(_), false, true) => write!(
            f,
            "：文中所述{stated}（{}）与第六部分信息处理费情况{computed}不符",
            label.1
        ),
        (_, false, false) => {
            write!(
                f,
                ": the text states {stated} ({}), no reading of {table} agrees (tried: ",
                label.0
            )?;
            write_readings(f, measure, finding.layout, "; ")?;
            f.write_str(")")
        }
        (_, false, true) => {
            write!(
                f,
                "：文中所述{stated}（{}）与{table}不符（已核对：",
                label.1
            )?;
            write_readings(f, measure, finding.layout, "；")?;
            f.write_str("）")
        }
    }
}

fn write_readings(
    f: &mut fmt::Formatter<'_>,
    measure: Measure,
    layout: Edition,
    separator: &str,
) -> fmt::Result {
    for (i, reading) in measure.readings(layout).enumerate() {
        if i > 0 {
            f.write_str(separator)?;
        }
        write!(f, "{reading}")?;
    }
    Ok(())
}

/// A figure, or `-`.
struct Show(Option<Figure>);

impl fmt::Display for Show {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => write!(f, "{v}"),
            None => f.write_str("-"),
        }
    }
}

impl Finding {
    /// The finding's line with the sentence a narrative finding cites quoted in both
    /// messages (the same line as [`Display`](fmt::Display) for the other findings):
    /// the report is where the sentence's text is.
    ///
    /// ```
    /// use ogi_report::{validate_narrative, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
    /// let mut t3 = RequestDetails::new(Edition::E2021);
    /// t3.set(RequestRow::New, [11, 0, 0, 0, 0, 0])?;
    /// t3.set(RequestRow::NotHeld, [11, 0, 0, 0, 0, 0])?;
    /// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    ///     .overview("依申请公开。收到政府信息公开申请3件。")
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::assemble(&t3)?)
    ///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
    ///     .build()?;
    /// let findings = validate_narrative(&report);
    /// let line = findings[0].display_in(&report).to_string();
    /// assert!(line.starts_with(
    ///     "warning narrative.received t3.new.total,t3.carried_over.total stated=3 computed=11 | \
    ///      overview 18..55 “收到政府信息公开申请3件。”: the text states 3"
    /// ));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn display_in<'a>(&'a self, report: &'a AnnualReport) -> impl fmt::Display + 'a {
        struct Line<'a>(&'a Finding, &'a AnnualReport);
        impl fmt::Display for Line<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let Line(finding, report) = *self;
                finding.write_head(f)?;
                write!(
                    f,
                    " | {} / {}",
                    Message(finding, Language::En, Some(report)),
                    Message(finding, Language::Zh, Some(report))
                )
            }
        }
        Line(self, report)
    }

    /// The sentence a narrative finding cites, `None` for the other findings.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .overview("依申请公开。收到政府信息公开申请3件。")
    /// #     .proactive(Proactive::blank(Edition::E2021))
    /// #     .requests(Requests::blank(Edition::E2021))
    /// #     .appeals(Appeals::blank())
    /// #     .build()?;
    /// let findings = validate_narrative(&report);
    /// assert_eq!(findings[0].sentence().map(|s| s.section), Some(Section::Overview));
    /// assert_eq!(findings[0].sentence().and_then(|s| s.text(&report)), Some("收到政府信息公开申请3件。"));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn sentence(&self) -> Option<TextSpan> {
        match self.scope {
            Scope::Sentence(span, _) => Some(span),
            _ => None,
        }
    }

    /// `<level> <rule> <cells> stated=<value> computed=<value>`.
    fn write_head(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} ", self.level, self.rule)?;
        self.write_codes(f, false)?;
        write!(
            f,
            " stated={} computed={}",
            Show(self.stated),
            Show(self.computed)
        )
    }

    /// The finding of a claim that does not agree with the tables.
    pub(crate) fn of_claim(claim: &Claim<'_>, report: &AnnualReport) -> Finding {
        let measure = claim.measure;
        let mut blanks = 0u32;
        if claim.verdict == Verdict::Unassessable {
            for (i, cell) in measure.cells(claim.layout).enumerate().take(32) {
                if blank(report, cell) {
                    blanks |= 1 << i;
                }
            }
        }
        let stated = Some(claim.stated);
        let computed = claim.computed();
        let difference = match (stated, computed) {
            (Some(Figure::Number(a)), Some(Figure::Number(b))) => a.checked_sub(b),
            _ => None,
        };
        Finding {
            rule: measure.rule(),
            scope: Scope::Sentence(claim.span, measure),
            edition: report.edition(),
            layout: claim.layout,
            year: report.year(),
            level: if claim.verdict == Verdict::Unassessable {
                Level::Unassessable
            } else {
                Level::from(measure.rule().rule().severity())
            },
            stated,
            computed,
            difference,
            blanks,
        }
    }
}

/// Whether a cell is blank, a blank 表三 总计 counting as filled when its six columns are.
fn blank(report: &AnnualReport, cell: CellRef) -> bool {
    if report.get(cell).is_some() {
        return false;
    }
    match cell {
        CellRef::Requests(row, crate::cell::Applicant::Total) => crate::cell::Applicant::DETAIL
            .iter()
            .any(|&c| report.requests().get(row, c).is_none()),
        _ => true,
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_head(f)?;
        write!(f, " | {} / {}", self.message_en(), self.message_zh())
    }
}

/// How many findings of each level.
///
/// [`Display`](fmt::Display) gives the summary line of the `check` example:
/// `N error, N warning, N info, N unassessable`.
///
/// ```
/// use ogi_report::{Level, Summary};
/// let mut s = Summary::default();
/// s.add(Level::Warning);
/// s.add(Level::Unassessable);
/// assert_eq!(s.to_string(), "0 error, 1 warning, 0 info, 1 unassessable");
/// assert_eq!(s.total(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct Summary {
    /// Failed error rules.
    pub error: usize,
    /// Failed warning rules.
    pub warning: usize,
    /// Failed info rules.
    pub info: usize,
    /// Rules that could not be assessed.
    pub unassessable: usize,
}

impl Summary {
    /// Counts one finding of the level.
    ///
    /// ```
    /// use ogi_report::{Level, Summary};
    /// let mut s = Summary::default();
    /// s.add(Level::Error);
    /// assert_eq!(s.error, 1);
    /// ```
    pub fn add(&mut self, level: Level) {
        let n = match level {
            Level::Error => &mut self.error,
            Level::Warning => &mut self.warning,
            Level::Info => &mut self.info,
            Level::Unassessable => &mut self.unassessable,
        };
        *n = n.saturating_add(1);
    }

    /// Adds another summary's counts.
    ///
    /// ```
    /// use ogi_report::{Level, Summary};
    /// let (mut a, mut b) = (Summary::default(), Summary::default());
    /// a.add(Level::Info);
    /// b.add(Level::Info);
    /// a.merge(b);
    /// assert_eq!(a.info, 2);
    /// ```
    pub fn merge(&mut self, other: Summary) {
        self.error = self.error.saturating_add(other.error);
        self.warning = self.warning.saturating_add(other.warning);
        self.info = self.info.saturating_add(other.info);
        self.unassessable = self.unassessable.saturating_add(other.unassessable);
    }

    /// The count of one level.
    ///
    /// ```
    /// use ogi_report::{Level, Summary};
    /// let mut s = Summary::default();
    /// s.add(Level::Unassessable);
    /// assert_eq!(s.count(Level::Unassessable), 1);
    /// ```
    #[must_use]
    pub const fn count(&self, level: Level) -> usize {
        match level {
            Level::Error => self.error,
            Level::Warning => self.warning,
            Level::Info => self.info,
            Level::Unassessable => self.unassessable,
        }
    }

    /// All findings counted.
    ///
    /// ```
    /// assert_eq!(ogi_report::Summary::default().total(), 0);
    /// ```
    #[must_use]
    pub const fn total(&self) -> usize {
        self.error
            .saturating_add(self.warning)
            .saturating_add(self.info)
            .saturating_add(self.unassessable)
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} error, {} warning, {} info, {} unassessable",
            self.error, self.warning, self.info, self.unassessable
        )
    }
}

/// Every finding of a validation, in catalogue order, then scope order.
///
/// Empty findings hold no allocation: a clean report is validated without allocating.
/// Dereferences to a slice of [`Finding`]. [`Display`](fmt::Display) prints one line per
/// finding, then the [`Summary`] line.
///
/// ```
/// use ogi_report::{validate, AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
/// let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2019))
///     .requests(Requests::blank(Edition::E2019))
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let findings = validate(&report);
/// // 表二 and 表三 are blank: no relation there can be assessed, none fails
/// assert!(!findings.has_errors());
/// assert_eq!(findings.summary().to_string(), "0 error, 0 warning, 0 info, 55 unassessable");
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Findings {
    list: Vec<Finding>,
}

impl Findings {
    /// No findings (allocates nothing).
    ///
    /// ```
    /// assert!(ogi_report::Findings::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Findings {
        Findings { list: Vec::new() }
    }

    fn push(&mut self, finding: Finding) {
        self.list.push(finding);
    }

    /// The counts by level.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(findings.summary().error, 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        for f in &self.list {
            s.add(f.level);
        }
        s
    }

    /// Whether any error rule failed.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert!(findings.has_errors());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.list.iter().any(|f| f.level == Level::Error)
    }

    /// The findings of one level.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(findings.at_level(Level::Warning).count(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = &Finding> + '_ {
        self.list.iter().filter(move |f| f.level == level)
    }

    /// The findings of one rule.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// assert_eq!(findings.of_rule(RuleId::T4GroupTotal).count(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn of_rule(&self, rule: RuleId) -> impl Iterator<Item = &Finding> + '_ {
        self.list.iter().filter(move |f| f.rule == rule)
    }

    /// The findings as a vector.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
    /// #     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    /// #     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// # report.appeals_mut().set(AppealGroup::Review, AppealColumn::Total, Some(2));
    /// let findings = validate(&report);
    /// let f = &findings[0];
    /// let all: Vec<Finding> = findings.clone().into_vec();
    /// assert_eq!(all.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn into_vec(self) -> Vec<Finding> {
        self.list
    }
}

impl Deref for Findings {
    type Target = [Finding];

    fn deref(&self) -> &[Finding] {
        &self.list
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.into_iter()
    }
}

impl Extend<Finding> for Findings {
    fn extend<I: IntoIterator<Item = Finding>>(&mut self, iter: I) {
        self.list.extend(iter);
    }
}

impl Findings {
    /// One line per finding as [`Finding::display_in`] gives it (the sentences of
    /// narrative findings quoted), then the summary line.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .overview("依申请公开。收到政府信息公开申请3件。")
    /// #     .proactive(Proactive::blank(Edition::E2021))
    /// #     .requests(Requests::blank(Edition::E2021))
    /// #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let text = validate_narrative(&report).display_in(&report).to_string();
    /// assert!(text.contains("“收到政府信息公开申请3件。”"));
    /// assert!(text.ends_with("0 error, 0 warning, 0 info, 1 unassessable"));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn display_in<'a>(&'a self, report: &'a AnnualReport) -> impl fmt::Display + 'a {
        struct Lines<'a>(&'a Findings, &'a AnnualReport);
        impl fmt::Display for Lines<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                for finding in &self.0.list {
                    writeln!(f, "{}", finding.display_in(self.1))?;
                }
                write!(f, "{}", self.0.summary())
            }
        }
        Lines(self, report)
    }
}

impl fmt::Display for Findings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for finding in &self.list {
            writeln!(f, "{finding}")?;
        }
        write!(f, "{}", self.summary())
    }
}

/// The reports a rule reads: one, or the two of a pair.
struct Reports<'a> {
    current: &'a AnnualReport,
    previous: Option<&'a AnnualReport>,
}

impl Reports<'_> {
    fn read(&self, cell: CellRef, side: Side) -> Option<Value> {
        match side {
            Side::Current => self.current.get(cell),
            Side::Previous => self.previous.and_then(|r| r.get(cell)),
        }
    }

    fn finding(
        &self,
        rule: &Rule,
        scope: Scope,
        level: Level,
        stated: Option<Figure>,
        computed: Option<Figure>,
        difference: Option<i128>,
    ) -> Finding {
        Finding {
            rule: rule.id(),
            scope,
            edition: self.current.edition(),
            layout: rule.layout_in(self.current),
            year: self.current.year(),
            level,
            stated,
            computed,
            difference,
            blanks: 0,
        }
    }
}

/// Checks a report against every rule of the catalogue that applies to its edition and
/// kind of body, and returns every finding. The report is not changed.
///
/// A rule whose cells include a blank is reported as [`Level::Unassessable`] with the
/// blank cells named: never a pass, never a failure, a blank never read as 0. The rules
/// on the publication date ([`RuleId::MetaDeadline`],
/// [`RuleId::MetaPublishedAfterPeriod`]) apply only when the date is known, and
/// [`RuleId::T3UnpaidFeeLeNotices`] only when section 六 states the number of fee notices.
/// Validating a report with no findings allocates nothing.
///
/// ```
/// use ogi_report::{
///     validate, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails,
///     RequestRow as R, Requests,
/// };
///
/// let mut details = RequestDetails::new(Edition::E2021);
/// details.set(R::New, [8, 1, 0, 0, 0, 0])?;
/// details.set(R::Disclosed, [5, 1, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 3).unwrap())
///     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
///     .requests(Requests::assemble(&details)?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let findings = validate(&report);
/// assert_eq!(findings.len(), 1);
/// assert_eq!(
///     findings[0].to_string(),
///     "warning meta.deadline - stated=2024-02-03 computed=2024-01-31 | the 2023 report: fails \
///      \"published by the Article 49 deadline: 31 January of the next year for a department, \
///      31 March for a government's own report\", difference 3 days / 2023年度报告：不符合\
///      “按《条例》第四十九条期限公开：部门于次年1月31日前，本级政府年度报告于次年3月31日前”，相差 3 天"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn validate(report: &AnnualReport) -> Findings {
    let mut findings = Findings::new();
    let reports = Reports {
        current: report,
        previous: None,
    };
    // The rules' scopes and cells for the edition, resolved at compile time.
    let plan = rules::plan(
        report.edition(),
        report.proactive().edition(),
        report.requests().edition(),
    );
    let kind = 1u8 << report.kind() as u8;
    for step in plan.steps() {
        if step.kinds & kind != 0 {
            if let Some(f) = apply(step, plan.cells(step), &reports) {
                findings.push(f);
            }
        }
    }
    findings
}

/// Applies a step of a [`Plan`](rules::Plan) to the report.
fn apply(step: &Step, cells: &[u8], reports: &Reports<'_>) -> Option<Finding> {
    let rule = step.rule.rule();
    let report = reports.current;
    let test = rule.test();
    match test {
        Test::Deadline => return deadline(rule, reports),
        Test::AfterPeriod => return after_period(rule, reports),
        Test::EditionYear => return edition_year(rule, reports),
        Test::TableLayout => return table_layout(rule, step.scope, reports),
        // The bulk of the work: sums of counts. When every cell is filled and the relation
        // holds, there is nothing more to do.
        Test::Sum | Test::AtMost | Test::AtLeast if holds(report, step, cells, test) => {
            return None;
        }
        _ => {}
    }
    let mut values: [Option<Value>; MAX_CELLS] = [None; MAX_CELLS];
    for (v, &p) in values.iter_mut().zip(cells) {
        *v = read(report, step.table, p);
    }
    evaluate(
        rule,
        step.scope,
        &values[..cells.len().min(MAX_CELLS)],
        reports,
    )
}

/// The value at a position of a table of the report.
fn read(report: &AnnualReport, table: Option<Table>, position: u8) -> Option<Value> {
    let p = usize::from(position);
    match table? {
        Table::Proactive => *report.proactive().slots().get(p)?,
        Table::Requests => report.requests().slots().get(p)?.map(Value::Count),
        Table::Appeals => report.appeals().slots().get(p)?.map(Value::Count),
    }
}

/// Whether a sum, at-most or at-least relation holds with every cell filled: `false` when
/// it fails or a cell is blank, which [`evaluate`] then reports.
fn holds(report: &AnnualReport, step: &Step, cells: &[u8], test: Test) -> bool {
    let sums = match step.table {
        Some(Table::Requests) => sum_counts(report.requests().slots(), cells, step.minus),
        Some(Table::Appeals) => sum_counts(report.appeals().slots(), cells, step.minus),
        Some(Table::Proactive) => sum_values(report.proactive().slots(), cells, step.minus),
        None => None,
    };
    let Some((stated, computed)) = sums else {
        return false;
    };
    match test {
        Test::Sum => stated == computed,
        Test::AtMost => stated <= computed,
        _ => stated >= computed,
    }
}

/// The checked cell and the signed sum of the others, `None` when one is blank.
fn sum_counts(table: &[Option<u64>], cells: &[u8], minus: u32) -> Option<(i128, i128)> {
    let (&first, rest) = cells.split_first()?;
    let stated = i128::from((*table.get(usize::from(first))?)?);
    if minus == 0 {
        // Most rules only add: no branch per cell but the bounds check.
        let mut sum = 0i128;
        let mut blank = false;
        for &p in rest {
            let v = *table.get(usize::from(p))?;
            blank |= v.is_none();
            sum += i128::from(v.unwrap_or(0));
        }
        return (!blank).then_some((stated, sum));
    }
    let mut sum = 0i128;
    for (i, &p) in rest.iter().enumerate() {
        let v = i128::from((*table.get(usize::from(p))?)?);
        if minus & (2 << i) == 0 {
            sum += v;
        } else {
            sum -= v;
        }
    }
    Some((stated, sum))
}

/// [`sum_counts`] for 表二, whose cells may be changes or amounts: `None` also when one is
/// an amount.
fn sum_values(table: &[Option<Value>], cells: &[u8], minus: u32) -> Option<(i128, i128)> {
    let (&first, rest) = cells.split_first()?;
    let stated = number(*table.get(usize::from(first))?)?;
    let mut sum = 0i128;
    for (i, &p) in rest.iter().enumerate() {
        let v = number(*table.get(usize::from(p))?)?;
        if minus & (2 << i) == 0 {
            sum += v;
        } else {
            sum -= v;
        }
    }
    Some((stated, sum))
}

/// Checks two reports of one body for consecutive years N and N+1 against the rules
/// across years ([`Rule::is_pair`]): 上年结转 against 结转下年度继续办理 column by column
/// (also across the 2020→2021 edition change), the 2019 edition's item counts, the 2021
/// edition's 现行有效件数. A pair rule applies when both reports are of one of its
/// editions. The findings carry the later report's year and edition.
///
/// Whether the two reports come from the same body is the caller's business: bodies are
/// renamed, merged and split, and only the caller knows which reports continue which.
///
/// # Errors
/// [`PairError::NotConsecutive`] when `next` is not of the year after `previous`.
///
/// ```
/// use ogi_report::{
///     validate_pair, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails,
///     RequestRow as R, Requests,
/// };
///
/// let report = |edition, year, carried_over: u64| -> Result<AnnualReport, ogi_report::Error> {
///     let mut d = RequestDetails::new(edition);
///     d.set(R::New, [3, 0, 0, 0, 0, 0])?;
///     d.set(R::CarriedOver, [carried_over, 0, 0, 0, 0, 0])?;
///     d.set(R::Disclosed, [2, 0, 0, 0, 0, 0])?;
///     Ok(AnnualReport::builder(edition, year, "某局", BodyKind::Department)
///         .proactive(Proactive::blank(edition))
///         .requests(Requests::assemble(&d)?)
///         .appeals(Appeals::blank())
///         .build()?)
/// };
/// let y2020 = report(Edition::E2019, 2020, 0)?; // carries 1 forward
/// let y2021 = report(Edition::E2021, 2021, 2)?; // says 2 were carried over
/// let findings = validate_pair(&y2020, &y2021)?;
/// assert_eq!(findings.len(), 2); // the 自然人 column and the 总计 column
/// assert!(findings[0].to_string().starts_with(
///     "warning x.carry_over t3.carried_over.natural_person,t3.carried_forward.natural_person stated=2 computed=1 |"
/// ));
/// assert!(validate_pair(&y2021, &y2020).is_err());
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn validate_pair(previous: &AnnualReport, next: &AnnualReport) -> Result<Findings, PairError> {
    if u32::from(previous.year()) + 1 != u32::from(next.year()) {
        return Err(PairError::NotConsecutive {
            previous: previous.year(),
            next: next.year(),
        });
    }
    let mut findings = Findings::new();
    let reports = Reports {
        current: next,
        previous: Some(previous),
    };
    for rule in Rule::all() {
        let layout = rule.layout_in(next);
        if rule.is_pair()
            && rule.editions().contains(&rule.layout_in(previous))
            && rule.editions().contains(&layout)
        {
            for scope in rule.scopes(layout) {
                if let Some(f) = assess(rule, scope, &reports) {
                    findings.push(f);
                }
            }
        }
    }
    Ok(findings)
}

/// Checks what the texts of sections 一, 五 and 六 state against the tables: every
/// [`Claim`] that does not agree with any reading of the tables its wording allows is a
/// finding of its `narrative.*` rule (a warning), or [`Level::Unassessable`] when the
/// cells it needs are blank. The report is not changed.
///
/// This is separate from [`validate`], which stays under a microsecond and allocates
/// nothing on a clean report: reading the texts costs some microseconds, and its rules
/// are heuristics, not the format's arithmetic. Its findings are of the same type and
/// join the others with [`Extend`]. Checking allocates only the findings (a report whose
/// texts agree with its tables allocates nothing). A finding cites the sentence
/// ([`Finding::sentence`]) and the cells of the readings tried;
/// [`Finding::display_in`] quotes the sentence.
///
/// ```
/// use ogi_report::{validate, validate_narrative, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
///
/// let mut t3 = RequestDetails::new(Edition::E2021);
/// t3.set(RequestRow::New, [95, 0, 0, 0, 0, 0])?;
/// t3.set(RequestRow::Disclosed, [95, 0, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2024, "某区人民政府", BodyKind::Government)
///     .overview("（二）依申请公开情况。2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。")
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&t3)?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let mut findings = validate(&report);
/// findings.extend(validate_narrative(&report));
/// let f = findings.iter().find(|f| f.rule_id().code() == "narrative.received").unwrap();
/// assert_eq!(
///     f.to_string(),
///     "warning narrative.received t3.new.total,t3.carried_over.total stated=17 computed=95 | \
///      overview 33..150: the text states 17 (applications received (收到, 受理)), no reading of \
///      表三 agrees (tried: t3.new.total; t3.new.total + t3.carried_over.total) / \
///      一、总体情况第33–150字节：文中所述17（收到（受理）申请）与表三不符（已核对：t3.new.total；\
///      t3.new.total + t3.carried_over.total）"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn validate_narrative(report: &AnnualReport) -> Findings {
    let mut findings = Findings::new();
    for claim in claims(report) {
        if claim.verdict.is_finding() {
            findings.push(Finding::of_claim(&claim, report));
        }
    }
    findings
}

fn number(value: Option<Value>) -> Option<i128> {
    match value? {
        Value::Count(v) => Some(i128::from(v)),
        Value::Delta(v) => Some(i128::from(v)),
        Value::Money(_) => None,
    }
}

fn is_zero(value: Option<Value>) -> Option<bool> {
    Some(match value? {
        Value::Count(v) => v == 0,
        Value::Delta(v) => v == 0,
        Value::Money(a) => a.value().is_zero(),
    })
}

/// Applies a rule on cells at one scope, reading them by their codes (the pair rules).
fn assess(rule: &Rule, scope: Scope, reports: &Reports<'_>) -> Option<Finding> {
    let edition = rule.layout_in(reports.current);
    let mut values: [Option<Value>; MAX_CELLS] = [None; MAX_CELLS];
    let mut n = 0;
    while n < MAX_CELLS {
        let Some((cell, side)) = cell_at(rule.id(), edition, scope, n) else {
            break;
        };
        values[n] = reports.read(cell, side);
        n += 1;
    }
    evaluate(rule, scope, &values[..n], reports)
}

/// Applies a rule to the values of the cells it reads at one scope, the checked cell
/// first: the finding, if the rule fails or cannot be assessed.
fn evaluate(
    rule: &Rule,
    scope: Scope,
    values: &[Option<Value>],
    reports: &Reports<'_>,
) -> Option<Finding> {
    let report = reports.current;
    let limit = match rule.test() {
        // Applies only when section 六 states the number of fee notices.
        Test::AtMostNotices => Some(i128::from(report.other_matters().fees?.notices?)),
        _ => None,
    };
    let n = values.len();
    let mut blanks = 0u32;
    for (i, v) in values.iter().enumerate() {
        if v.is_none() {
            blanks |= 1 << i;
        }
    }
    if n == 0 {
        return None;
    }
    let stated = values[0].map(Figure::from);
    if blanks != 0 {
        let mut f = reports.finding(rule, scope, Level::Unassessable, stated, None, None);
        f.blanks = blanks;
        return Some(f);
    }
    let level = Level::from(rule.severity());
    let fail = |computed: Option<Figure>, difference: Option<i128>| {
        Some(reports.finding(rule, scope, level, stated, computed, difference))
    };
    match rule.test() {
        Test::Sum | Test::AtMost | Test::AtLeast => {
            let s = number(values[0])?;
            let mut computed = 0i128;
            for (i, &v) in values.iter().enumerate().skip(1) {
                let x = number(v)?;
                if subtracts(rule.id(), i) {
                    computed -= x;
                } else {
                    computed += x;
                }
            }
            let d = s - computed;
            let fails = match rule.test() {
                Test::Sum => d != 0,
                Test::AtMost => d > 0,
                _ => d < 0,
            };
            if fails {
                fail(Some(Figure::Number(computed)), Some(d))
            } else {
                None
            }
        }
        Test::AtMostNotices => {
            let (s, limit) = (number(values[0])?, limit?);
            if s > limit {
                fail(Some(Figure::Number(limit)), Some(s - limit))
            } else {
                None
            }
        }
        Test::Zero => {
            let s = number(values[0])?;
            if s == 0 {
                None
            } else {
                fail(Some(Figure::Number(0)), Some(s))
            }
        }
        Test::ZeroIfOtherZero => {
            if !is_zero(values[0])? && is_zero(values.get(1).copied().flatten())? {
                fail(Some(Figure::Number(0)), number(values[0]))
            } else {
                None
            }
        }
        Test::WanYuan => match values[0] {
            Some(Value::Money(a)) if a.unit() != MoneyUnit::WanYuan => fail(None, None),
            _ => None,
        },
        Test::Deadline
        | Test::AfterPeriod
        | Test::EditionYear
        | Test::TableLayout
        | Test::Narrative => None,
    }
}

fn date(year: u16, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(year), month, day)
}

fn days(from: NaiveDate, to: NaiveDate) -> i128 {
    i128::from(to.signed_duration_since(from).num_days())
}

/// `meta.deadline`: Article 49.
fn deadline(rule: &Rule, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let published = report.published()?;
    let next = report.year().checked_add(1)?;
    let due = match report.kind() {
        BodyKind::Department => date(next, 1, 31)?,
        BodyKind::Government => date(next, 3, 31)?,
        _ => return None,
    };
    (published > due).then(|| {
        reports.finding(
            rule,
            Scope::Report,
            Level::from(rule.severity()),
            Some(Figure::Date(published)),
            Some(Figure::Date(due)),
            Some(days(due, published)),
        )
    })
}

/// `meta.published_after_period`: the statistical period is the report year.
fn after_period(rule: &Rule, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let published = report.published()?;
    let first = date(report.year().checked_add(1)?, 1, 1)?;
    (published < first).then(|| {
        reports.finding(
            rule,
            Scope::Report,
            Level::from(rule.severity()),
            Some(Figure::Date(published)),
            Some(Figure::Date(first)),
            Some(days(first, published)),
        )
    })
}

/// `meta.edition_year`: which edition serves the report year.
fn edition_year(rule: &Rule, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let expected = Edition::for_year(report.year());
    (report.edition() != expected).then(|| {
        reports.finding(
            rule,
            Scope::Report,
            Level::from(rule.severity()),
            Some(Figure::Edition(report.edition())),
            Some(Figure::Edition(expected)),
            None,
        )
    })
}

/// `meta.table_layout`: a table printed in the layout of another edition than the
/// report's.
fn table_layout(rule: &Rule, scope: Scope, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let Scope::Table(table) = scope else {
        return None;
    };
    let printed = report.layout(table).edition();
    (printed != report.edition()).then(|| {
        reports.finding(
            rule,
            scope,
            Level::from(rule.severity()),
            Some(Figure::Edition(printed)),
            Some(Figure::Edition(report.edition())),
            None,
        )
    })
}

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
