//! The finding model: what a rule says about a report at one scope, its figures, its
//! cited cells, its messages in English and Chinese, and the list of a validation's findings.

use std::fmt;
use std::ops::Deref;

use chrono::NaiveDate;

use crate::cell::{CellRef, Value};
use crate::claims::{Claim, Measure, TextSpan, Verdict, write_one_line};
use crate::edition::Edition;
use crate::money::Amount;
use crate::report::AnnualReport;
use crate::rules::{Rule, RuleId, Scope, Severity, Side, cited_at};

/// What a finding says: the rule failed, at the rule's [`Severity`], or it could not be
/// assessed. The severity is the rule's own (one type for it, [`Severity`]); a finding
/// adds only the outcome that a rule cannot have: [`Level::Unassessable`].
///
/// Its code (and [`Display`](fmt::Display)) is the severity's code for a failure and
/// `unassessable` otherwise: `error`, `warning`, `info`, `unassessable`.
///
/// ```
/// use ogi_report::{Level, Severity};
/// assert_eq!(Level::Unassessable.to_string(), "unassessable");
/// assert_eq!(Level::Failed(Severity::Warning).to_string(), "warning");
/// assert_eq!(Level::from(Severity::Error), Level::Failed(Severity::Error));
/// assert_eq!(Level::Unassessable.severity(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Level {
    /// The rule failed; its severity.
    Failed(Severity),
    /// A cell the rule needs is blank: neither a pass nor a failure.
    Unassessable,
}

impl Level {
    /// Every level, in order: the failures by severity, then [`Level::Unassessable`].
    ///
    /// ```
    /// let all = ogi_report::Level::ALL;
    /// assert!(all.windows(2).all(|w| w[0] < w[1]));
    /// ```
    pub const ALL: &'static [Level] = &[
        Level::Failed(Severity::Error),
        Level::Failed(Severity::Warning),
        Level::Failed(Severity::Info),
        Level::Unassessable,
    ];

    /// The stable code: the severity's code for a failure, `unassessable` otherwise.
    ///
    /// ```
    /// use ogi_report::{Level, Severity};
    /// assert_eq!(Level::Failed(Severity::Info).code(), "info");
    /// for v in Level::ALL {
    ///     assert_eq!(v.to_string(), v.code());
    /// }
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Level::Failed(severity) => severity.code(),
            Level::Unassessable => "unassessable",
        }
    }

    /// The level with this stable code, `None` for an unknown code.
    ///
    /// ```
    /// use ogi_report::{Level, Severity};
    /// assert_eq!(Level::from_code("error"), Some(Level::Failed(Severity::Error)));
    /// assert_eq!(Level::from_code("unassessable"), Some(Level::Unassessable));
    /// assert_eq!(Level::from_code("nope"), None);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Option<Level> {
        match code {
            "unassessable" => Some(Level::Unassessable),
            _ => Severity::from_code(code).map(Level::Failed),
        }
    }

    /// The severity of a failure, `None` for [`Level::Unassessable`].
    ///
    /// ```
    /// use ogi_report::{Level, Severity};
    /// assert_eq!(Level::Failed(Severity::Error).severity(), Some(Severity::Error));
    /// ```
    #[must_use]
    pub const fn severity(self) -> Option<Severity> {
        match self {
            Level::Failed(severity) => Some(severity),
            Level::Unassessable => None,
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl From<Severity> for Level {
    /// A failure at the severity.
    fn from(severity: Severity) -> Level {
        Level::Failed(severity)
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
///     Figure, Level, Proactive, Requests, Severity,
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
/// assert_eq!(f.level(), Level::Failed(Severity::Error));
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
    pub(super) rule: RuleId,
    pub(super) scope: Scope,
    pub(super) edition: Edition,
    /// The edition the rule was applied in: the layout of the table it reads.
    pub(super) layout: Edition,
    pub(super) year: u16,
    pub(super) level: Level,
    pub(super) stated: Option<Figure>,
    pub(super) computed: Option<Figure>,
    pub(super) difference: Option<i128>,
    /// Bit `i` set: the `i`-th cited cell was blank.
    pub(super) blanks: u32,
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
    /// assert_eq!(f.level(), Level::Failed(Severity::Error));
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
            (self.rule(), self.layout, self.scope, self.year, self.blanks);
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
/// use ogi_report::{Level, Severity, Summary};
/// let mut s = Summary::default();
/// s.add(Level::Failed(Severity::Warning));
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
    /// use ogi_report::{Level, Severity, Summary};
    /// let mut s = Summary::default();
    /// s.add(Level::Failed(Severity::Error));
    /// assert_eq!(s.error, 1);
    /// ```
    pub fn add(&mut self, level: Level) {
        let n = match level {
            Level::Failed(Severity::Error) => &mut self.error,
            Level::Failed(Severity::Warning) => &mut self.warning,
            Level::Failed(Severity::Info) => &mut self.info,
            Level::Unassessable => &mut self.unassessable,
        };
        *n = n.saturating_add(1);
    }

    /// Adds another summary's counts.
    ///
    /// ```
    /// use ogi_report::{Level, Severity, Summary};
    /// let (mut a, mut b) = (Summary::default(), Summary::default());
    /// a.add(Level::Failed(Severity::Info));
    /// b.add(Level::Failed(Severity::Info));
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
    /// use ogi_report::{Level, Severity, Summary};
    /// let mut s = Summary::default();
    /// s.add(Level::Unassessable);
    /// assert_eq!(s.count(Level::Unassessable), 1);
    /// ```
    #[must_use]
    pub const fn count(&self, level: Level) -> usize {
        match level {
            Level::Failed(Severity::Error) => self.error,
            Level::Failed(Severity::Warning) => self.warning,
            Level::Failed(Severity::Info) => self.info,
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

    pub(super) fn push(&mut self, finding: Finding) {
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
        self.list
            .iter()
            .any(|f| f.level == Level::Failed(Severity::Error))
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
    /// assert_eq!(findings.at_level(Level::Failed(Severity::Warning)).count(), 0);
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
