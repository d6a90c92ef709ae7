//! What a number in the text counts ([`Measure`]) and the readings of the tables its
//! wording allows ([`Reading`]).

use std::fmt;
use std::str::FromStr;

use crate::cell::{
    AppealColumn, AppealGroup, Applicant, CellRef, OutcomeGroup, ProactiveColumn, ProactiveRow,
    RequestRow, Table,
};
use crate::code::{Expected, UnknownCode};
use crate::edition::Edition;
use crate::macros::coded_enum;
use crate::rules::RuleId;

/// The applicants a count of applications is about: one column of 表三, or 法人或其他组织,
/// the five columns of legal persons and other organisations together (the table prints
/// no column for them).
///
/// ```
/// use ogi_report::{Applicant, Applicants};
/// assert_eq!(Applicants::Column(Applicant::Total).code(), "total");
/// assert_eq!(Applicants::LegalPersons.code(), "legal_persons");
/// assert_eq!("natural_person".parse::<Applicants>()?, Applicants::Column(Applicant::NaturalPerson));
/// # Ok::<(), ogi_report::UnknownCode>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Applicants {
    /// One column of 表三 (总计 for all applicants).
    Column(Applicant),
    /// 法人或其他组织: 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
    LegalPersons,
}

impl Applicants {
    /// All applicants: the 总计 column.
    pub const ALL: Applicants = Applicants::Column(Applicant::Total);

    /// The stable code: the column's code, or `legal_persons`.
    ///
    /// ```
    /// assert_eq!(ogi_report::Applicants::ALL.code(), "total");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Applicants::Column(c) => c.code(),
            Applicants::LegalPersons => "legal_persons",
        }
    }

    /// The columns summed.
    fn columns(self) -> &'static [Applicant] {
        match self {
            Applicants::Column(c) => column_slice(c),
            Applicants::LegalPersons => &Applicant::DETAIL[1..],
        }
    }
}

/// The one-column slice of a column.
fn column_slice(column: Applicant) -> &'static [Applicant] {
    let i = Applicant::ALL
        .iter()
        .position(|&c| c == column)
        .unwrap_or(Applicant::ALL.len() - 1);
    &Applicant::ALL[i..=i]
}

impl fmt::Display for Applicants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Applicants {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "legal_persons" {
            return Ok(Applicants::LegalPersons);
        }
        Applicant::from_code(s)
            .map(Applicants::Column)
            .ok_or_else(|| UnknownCode::new("applicants", s, Expected::Unlisted))
    }
}

/// A quantity of applications that 表三 holds, as the text names it.
///
/// ```
/// use ogi_report::{OutcomeGroup, Quantity, RequestRow};
/// assert_eq!(Quantity::Received.code(), "received");
/// assert_eq!(Quantity::Row(RequestRow::NotHeld).code(), "unavailable.not_held");
/// assert_eq!(Quantity::Group(OutcomeGroup::Withheld).code(), "withheld");
/// assert_eq!("other_handling".parse::<Quantity>()?, Quantity::Group(OutcomeGroup::OtherHandling));
/// # Ok::<(), ogi_report::UnknownCode>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Quantity {
    /// 收到, 受理: 一、本年新收, or 一 + 二、上年结转.
    Received,
    /// 办理, 处理, or received and answered in one phrase: any of the readings of
    /// [`Quantity::Received`] and [`Quantity::Closed`].
    Handled,
    /// 办结, 答复: （七）总计, or （七）总计 − （六）其他处理.
    Closed,
    /// 予以公开及部分公开: （一） + （二）.
    DisclosedOrPartly,
    /// One row of 表三 (not （六）其他处理 of the 2019 edition, which is
    /// `Group(OtherHandling)`).
    Row(RequestRow),
    /// A group of outcome rows: （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理.
    Group(OutcomeGroup),
}

impl Quantity {
    /// The stable code: `received`, `handled`, `closed`, `disclosed_or_partly`, a row's
    /// code or a group's code.
    ///
    /// ```
    /// assert_eq!(ogi_report::Quantity::Closed.code(), "closed");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Quantity::Received => "received",
            Quantity::Handled => "handled",
            Quantity::Closed => "closed",
            Quantity::DisclosedOrPartly => "disclosed_or_partly",
            Quantity::Row(r) => r.code(),
            Quantity::Group(g) => g.code(),
        }
    }

    /// The rows of one reading, each with whether it is subtracted.
    fn rows(self, layout: Edition, reading: usize, out: &mut Terms) {
        use RequestRow as R;
        let other = other_handling(layout);
        match (self, reading) {
            (Quantity::Received | Quantity::Handled, 0) => out.rows(&[R::New], false),
            (Quantity::Received | Quantity::Handled, 1) => {
                out.rows(&[R::New, R::CarriedOver], false);
            }
            (Quantity::Handled, 2) | (Quantity::Closed, 0) => out.rows(&[R::ResultsTotal], false),
            (Quantity::Handled, 3) | (Quantity::Closed, 1) => {
                out.rows(&[R::ResultsTotal], false);
                out.rows(other, true);
            }
            (Quantity::DisclosedOrPartly, 0) => {
                out.rows(&[R::Disclosed, R::PartlyDisclosed], false);
            }
            (Quantity::Row(r), 0) if r.in_edition(layout) => out.rows(&[r], false),
            (Quantity::Group(OutcomeGroup::OtherHandling), 0) => out.rows(other, false),
            (Quantity::Group(g), 0) => out.rows(group_rows(g, layout), false),
            _ => out.none(),
        }
    }

    /// The rule a claim about the quantity belongs to.
    const fn rule(self) -> RuleId {
        match self {
            Quantity::Received | Quantity::Handled | Quantity::Row(RequestRow::New) => {
                RuleId::NarrativeReceived
            }
            Quantity::Row(RequestRow::CarriedOver) => RuleId::NarrativeCarriedOver,
            Quantity::Closed | Quantity::Row(RequestRow::ResultsTotal) => RuleId::NarrativeClosed,
            Quantity::Row(RequestRow::CarriedForward) => RuleId::NarrativeCarriedForward,
            _ => RuleId::NarrativeOutcome,
        }
    }

    /// Whether the quantity is an outcome of the year's handling (a part of （七）总计).
    pub(crate) const fn is_outcome(self) -> bool {
        match self {
            Quantity::DisclosedOrPartly | Quantity::Group(_) => true,
            Quantity::Row(r) => r.group().is_some() || matches!(r, RequestRow::Disclosed),
            _ => false,
        }
    }

    /// What the quantity is, in English and in Chinese.
    fn labels(self) -> (&'static str, &'static str) {
        match self {
            Quantity::Received => ("applications received (收到, 受理)", "收到（受理）申请"),
            Quantity::Handled => (
                "applications received or closed (收到并答复, 办理)",
                "收到或办结（办理）申请",
            ),
            Quantity::Closed => ("applications closed (办结, 答复)", "办结（答复）申请"),
            Quantity::DisclosedOrPartly => (
                "applications disclosed in full or in part",
                "予以公开及部分公开",
            ),
            Quantity::Row(r) => (r.code(), r.label()),
            Quantity::Group(g) => (g.code(), g.label()),
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Quantity {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let q = match s {
            "received" => Quantity::Received,
            "handled" => Quantity::Handled,
            "closed" => Quantity::Closed,
            "disclosed_or_partly" => Quantity::DisclosedOrPartly,
            _ => match OutcomeGroup::from_code(s) {
                Some(g) => Quantity::Group(g),
                None => RequestRow::from_code(s)
                    .map(Quantity::Row)
                    .ok_or_else(|| UnknownCode::new("quantity", s, Expected::Unlisted))?,
            },
        };
        Ok(q)
    }
}

/// The rows of （六）其他处理 in a layout: one row in the 2019 layout, three in 2021.
fn other_handling(layout: Edition) -> &'static [RequestRow] {
    if RequestRow::OtherHandling.in_edition(layout) {
        &[RequestRow::OtherHandling]
    } else {
        group_rows(OutcomeGroup::OtherHandling, layout)
    }
}

/// The rows of an outcome group in a layout.
fn group_rows(group: OutcomeGroup, layout: Edition) -> &'static [RequestRow] {
    let rows = RequestRow::outcomes(layout);
    let first = rows.iter().position(|r| r.group() == Some(group));
    let count = rows.iter().filter(|r| r.group() == Some(group)).count();
    match first {
        Some(i) => rows.get(i..i + count).unwrap_or(&[]),
        None => &[],
    }
}

/// The cases of 表四 a count is about.
///
/// ```
/// use ogi_report::{AppealGroup, Cases};
/// assert_eq!(Cases::Suits.code(), "suits");
/// assert_eq!(Cases::Group(AppealGroup::Review).code(), "review");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Cases {
    /// One group: 行政复议, or one kind of 行政诉讼.
    Group(AppealGroup),
    /// 行政诉讼 of both kinds: 未经复议直接起诉 + 复议后起诉.
    Suits,
}

impl Cases {
    /// The stable code: the group's code, or `suits`.
    ///
    /// ```
    /// assert_eq!(ogi_report::Cases::Suits.code(), "suits");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Cases::Group(g) => g.code(),
            Cases::Suits => "suits",
        }
    }

    fn groups(self) -> &'static [AppealGroup] {
        match self {
            Cases::Group(AppealGroup::Review) => &AppealGroup::ALL[0..1],
            Cases::Group(AppealGroup::SuitDirect) => &AppealGroup::ALL[1..2],
            Cases::Group(_) => &AppealGroup::ALL[2..3],
            Cases::Suits => &AppealGroup::ALL[1..3],
        }
    }
}

impl fmt::Display for Cases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Cases {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s == "suits" {
            return Ok(Cases::Suits);
        }
        AppealGroup::from_code(s)
            .map(Cases::Group)
            .ok_or_else(|| UnknownCode::new("cases", s, Expected::Unlisted))
    }
}

coded_enum! {
    /// What a number about a row of 表二 counts.
    ///
    /// ```
    /// assert_eq!(ogi_report::ProactiveMeasure::InForce.code(), "in_force");
    /// ```
    #[non_exhaustive]
    pub enum ProactiveMeasure {
        /// Made, issued or published this year (制发, 印发, 公开): 本年制发件数 (2021), or
        /// 本年新制作数量 or 本年新公开数量 (2019).
        Issued => "issued",
        /// In force (现行有效): 现行有效件数 (2021), 对外公开总数量 (2019).
        InForce => "in_force",
        /// Repealed (废止): 本年废止件数 (2021 only).
        Repealed => "repealed",
        /// Decisions (处理决定): 处理决定数量.
        Decisions => "decisions",
        /// Items (项) published (2019 only): 上一年项目数量 + 本年增/减, or 上一年项目数量.
        Items => "items",
        /// Items added this year (新增, 2019 only): 本年增/减.
        Change => "change",
        /// Items of the year before (2019 only): 上一年项目数量.
        PriorItems => "prior_items",
    }
}

coded_enum! {
    /// What a number about the information-processing fee (信息处理费) counts.
    ///
    /// ```
    /// assert_eq!(ogi_report::FeeMeasure::Collected.code(), "collected");
    /// ```
    #[non_exhaustive]
    pub enum FeeMeasure {
        /// The fees collected (收取).
        Collected => "collected",
        /// The fee notices issued (收费通知).
        Notices => "notices",
    }
}

/// What a number stated in the text counts, and so which cells of the tables (or which
/// value of the report) it can be compared with.
///
/// Its code is `<table>.<what>.<column>` for the tables (`t3.received.total`,
/// `t3.withheld.state_secret.natural_person`, `t4.suits.upheld`, `t2.rules.issued`),
/// `t3.share.<quantity>` for a percentage of applications, `fees.<what>` for the fee
/// statement of section 六, and `sum` for a total stated before its listed parts.
///
/// ```
/// use ogi_report::{Applicants, Measure, Quantity};
/// let m: Measure = "t3.received.total".parse()?;
/// assert_eq!(m, Measure::Requests(Quantity::Received, Applicants::ALL));
/// assert_eq!(m.to_string(), "t3.received.total");
/// let m: Measure = "t3.withheld.state_secret.natural_person".parse()?;
/// assert_eq!(m.to_string(), "t3.withheld.state_secret.natural_person");
/// assert!("t3.nothing.total".parse::<Measure>().is_err());
/// # Ok::<(), ogi_report::UnknownCode>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Measure {
    /// A count of applications (表三) of some applicants.
    Requests(Quantity, Applicants),
    /// A percentage of applications: an outcome's share of all handled (表三).
    Share(Quantity),
    /// A count of cases in one column of 表四.
    Appeals(Cases, AppealColumn),
    /// A count in a row of 表二.
    Proactive(ProactiveRow, ProactiveMeasure),
    /// The information-processing fee statement of section 六.
    Fees(FeeMeasure),
    /// A total stated before a list of its parts that ends with 其他 (so the parts are
    /// all of it): compared with the sum of the parts.
    Sum,
}

impl Measure {
    /// The rule a claim with this measure is checked by.
    ///
    /// ```
    /// use ogi_report::{Measure, RuleId};
    /// assert_eq!(Measure::Sum.rule(), RuleId::NarrativeSum);
    /// ```
    #[must_use]
    pub const fn rule(self) -> RuleId {
        match self {
            Measure::Requests(q, _) => q.rule(),
            Measure::Share(_) => RuleId::NarrativeShare,
            Measure::Appeals(Cases::Group(AppealGroup::Review), _) => RuleId::NarrativeReview,
            Measure::Appeals(..) => RuleId::NarrativeSuit,
            Measure::Proactive(ProactiveRow::Rules | ProactiveRow::Normative, _) => {
                RuleId::NarrativeDocuments
            }
            Measure::Proactive(..) => RuleId::NarrativeDecisions,
            Measure::Fees(_) => RuleId::NarrativeFees,
            Measure::Sum => RuleId::NarrativeSum,
        }
    }

    /// The table the measure is compared with, `None` for the fee statement and for sums.
    ///
    /// ```
    /// use ogi_report::{Measure, Table};
    /// assert_eq!("t4.review.total".parse::<Measure>()?.table(), Some(Table::Appeals));
    /// # Ok::<(), ogi_report::UnknownCode>(())
    /// ```
    #[must_use]
    pub const fn table(self) -> Option<Table> {
        match self {
            Measure::Requests(..) | Measure::Share(_) => Some(Table::Requests),
            Measure::Appeals(..) => Some(Table::Appeals),
            Measure::Proactive(..) => Some(Table::Proactive),
            Measure::Fees(_) | Measure::Sum => None,
        }
    }

    /// The readings of the tables the measure allows in a layout, in order: the first is
    /// the plain one. None when the layout does not have the cells (a 2021 row in a table
    /// printed in the 2019 layout); none for the fee statement and for sums, which are not
    /// compared with cells.
    ///
    /// ```
    /// use ogi_report::{Edition, Measure};
    /// let received: Measure = "t3.received.total".parse()?;
    /// let readings: Vec<String> = received.readings(Edition::E2019).map(|r| r.to_string()).collect();
    /// assert_eq!(readings, ["t3.new.total", "t3.new.total + t3.carried_over.total"]);
    /// let closed: Measure = "t3.closed.total".parse()?;
    /// let readings: Vec<String> = closed.readings(Edition::E2021).map(|r| r.to_string()).collect();
    /// assert_eq!(readings[1], "t3.results_total.total − t3.other_handling.no_correction.total \
    ///     − t3.other_handling.unpaid_fee.total − t3.other_handling.other.total");
    /// # Ok::<(), ogi_report::UnknownCode>(())
    /// ```
    pub fn readings(self, layout: Edition) -> impl Iterator<Item = Reading> + Clone + use<> {
        (0..MAX_READINGS).map_while(move |i| self.reading(layout, i))
    }

    /// The `i`-th reading in a layout.
    pub(crate) fn reading(self, layout: Edition, i: usize) -> Option<Reading> {
        let mut terms = Terms::default();
        let mut base = Terms::default();
        match self {
            Measure::Requests(q, applicants) => {
                terms.columns = applicants;
                q.rows(layout, i, &mut terms);
                // The five columns of 法人或其他组织 are summed for one row only: a group
                // of rows by five columns is more than a reading should name.
                if applicants == Applicants::LegalPersons && terms.len > Applicant::DETAIL.len() - 1
                {
                    return None;
                }
            }
            Measure::Share(q) => {
                terms.columns = Applicants::ALL;
                q.rows(layout, 0, &mut terms);
                base.columns = Applicants::ALL;
                match i {
                    0 => base.rows(&[RequestRow::ResultsTotal], false),
                    1 => base.rows(&[RequestRow::New, RequestRow::CarriedOver], false),
                    _ => return None,
                }
                if !q.is_outcome() {
                    return None;
                }
            }
            Measure::Appeals(cases, column) => {
                if i > 0 {
                    return None;
                }
                for &g in cases.groups() {
                    terms.push(CellRef::Appeals(g, column), false);
                }
            }
            Measure::Proactive(row, what) => {
                for &c in proactive_column(row, what, layout, i)? {
                    terms.push(CellRef::Proactive(row, c), false);
                }
            }
            Measure::Fees(_) | Measure::Sum => return None,
        }
        (terms.len > 0 && !terms.overflow).then_some(Reading { terms, base })
    }

    /// The distinct cells of all the readings in a layout, in order of first use.
    pub(crate) fn cells(self, layout: Edition) -> impl Iterator<Item = CellRef> + Clone + use<> {
        let mut seen: [Option<CellRef>; MAX_CITED] = [None; MAX_CITED];
        let mut n = 0;
        for reading in self.readings(layout) {
            for (cell, _) in reading.terms().chain(reading.base()) {
                if n < MAX_CITED && !seen[..n].contains(&Some(cell)) {
                    seen[n] = Some(cell);
                    n += 1;
                }
            }
        }
        seen.into_iter().take(n).flatten()
    }

    /// What the measure counts, in English.
    pub(crate) fn label_en(self) -> impl fmt::Display {
        Label(self, false)
    }

    /// What the measure counts, in Chinese.
    pub(crate) fn label_zh(self) -> impl fmt::Display {
        Label(self, true)
    }
}

/// The most readings a measure has.
pub(crate) const MAX_READINGS: usize = 4;

/// The most cells a claim's readings cite.
const MAX_CITED: usize = 32;

/// The columns of a 表二 row that one reading of a measure sums, `None` past the last
/// reading.
fn proactive_column(
    row: ProactiveRow,
    what: ProactiveMeasure,
    layout: Edition,
    i: usize,
) -> Option<&'static [ProactiveColumn]> {
    use Edition::{E2019, E2021};
    use ProactiveColumn as C;
    use ProactiveMeasure as M;
    let columns: &[&'static [ProactiveColumn]] = match (what, layout) {
        (M::Issued, E2019) => &[&[C::Made], &[C::Published]],
        (M::Issued, E2021) => &[&[C::Issued]],
        (M::InForce, E2019) => &[&[C::TotalPublic]],
        (M::InForce, E2021) => &[&[C::InForce]],
        (M::Repealed, E2021) => &[&[C::Repealed]],
        (M::Decisions, _) => &[&[C::Decisions]],
        (M::Items, E2019) => &[&[C::PriorItems, C::Delta], &[C::PriorItems]],
        (M::Change, E2019) => &[&[C::Delta]],
        (M::PriorItems, E2019) => &[&[C::PriorItems]],
        _ => &[],
    };
    let columns = columns.get(i).copied()?;
    columns
        .iter()
        .all(|c| row.columns(layout).contains(c))
        .then_some(columns)
}

struct Label(Measure, bool);

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Label(measure, zh) = *self;
        let pick = |(en, cn): (&'static str, &'static str)| if zh { cn } else { en };
        match measure {
            Measure::Requests(q, a) => {
                f.write_str(pick(q.labels()))?;
                match (a, zh) {
                    (Applicants::Column(Applicant::Total), _) => Ok(()),
                    (Applicants::Column(c), true) => write!(f, "（{}）", c.label()),
                    (Applicants::LegalPersons, true) => f.write_str("（法人或其他组织）"),
                    (a, false) => write!(f, " ({a})"),
                }
            }
            Measure::Share(q) => {
                if zh {
                    write!(f, "{}所占比例", pick(q.labels()))
                } else {
                    write!(f, "the share of {}", pick(q.labels()))
                }
            }
            Measure::Appeals(cases, column) => {
                let what = match (cases, zh) {
                    (Cases::Group(g), true) => g.label(),
                    (Cases::Suits, true) => "行政诉讼",
                    (Cases::Group(AppealGroup::Review), false) => "reviews (行政复议)",
                    (_, false) => "suits (行政诉讼)",
                };
                if zh {
                    write!(f, "{what}{}", column.label())
                } else {
                    write!(f, "{what}, {column}")
                }
            }
            Measure::Proactive(row, what) => {
                if zh {
                    write!(f, "{}（{}）", row.label(Edition::E2021), what_zh(what))
                } else {
                    write!(f, "{row} ({what})")
                }
            }
            Measure::Fees(what) => match (what, zh) {
                (FeeMeasure::Collected, true) => f.write_str("收取信息处理费"),
                (FeeMeasure::Notices, true) => f.write_str("发出收费通知"),
                (FeeMeasure::Collected, false) => {
                    f.write_str("information-processing fees collected")
                }
                (FeeMeasure::Notices, false) => f.write_str("fee notices issued"),
            },
            Measure::Sum => f.write_str(pick(("a total and its listed parts", "总数与所列各项"))),
        }
    }
}

const fn what_zh(what: ProactiveMeasure) -> &'static str {
    match what {
        ProactiveMeasure::Issued => "制发或公开",
        ProactiveMeasure::InForce => "现行有效",
        ProactiveMeasure::Repealed => "废止",
        ProactiveMeasure::Decisions => "处理决定",
        ProactiveMeasure::Items => "项目数量",
        ProactiveMeasure::Change => "本年增/减",
        ProactiveMeasure::PriorItems => "上一年项目数量",
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Requests(q, a) => write!(f, "t3.{q}.{a}"),
            Measure::Share(q) => write!(f, "t3.share.{q}"),
            Measure::Appeals(c, col) => write!(f, "t4.{c}.{col}"),
            Measure::Proactive(r, m) => write!(f, "t2.{r}.{m}"),
            Measure::Fees(m) => write!(f, "fees.{m}"),
            Measure::Sum => f.write_str("sum"),
        }
    }
}

impl FromStr for Measure {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownCode::new("measure", s, Expected::Unlisted);
        let parsed = if s == "sum" {
            Some(Measure::Sum)
        } else if let Some(rest) = s.strip_prefix("fees.") {
            FeeMeasure::from_code(rest).map(Measure::Fees)
        } else if let Some(rest) = s.strip_prefix("t3.share.") {
            rest.parse().ok().map(Measure::Share)
        } else if let Some(rest) = s.strip_prefix("t3.") {
            let (q, a) = rest.rsplit_once('.').ok_or_else(unknown)?;
            match (q.parse(), a.parse()) {
                (Ok(q), Ok(a)) => Some(Measure::Requests(q, a)),
                _ => None,
            }
        } else if let Some(rest) = s.strip_prefix("t4.") {
            let (c, col) = rest.split_once('.').ok_or_else(unknown)?;
            match (c.parse(), AppealColumn::from_code(col)) {
                (Ok(c), Some(col)) => Some(Measure::Appeals(c, col)),
                _ => None,
            }
        } else if let Some(rest) = s.strip_prefix("t2.") {
            let (r, m) = rest.split_once('.').ok_or_else(unknown)?;
            match (ProactiveRow::from_code(r), ProactiveMeasure::from_code(m)) {
                (Some(r), Some(m)) => Some(Measure::Proactive(r, m)),
                _ => None,
            }
        } else {
            None
        };
        parsed.ok_or_else(unknown)
    }
}

/// The most cells one side of a reading sums.
const MAX_TERMS: usize = 12;

/// Cells with signs: one side of a reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Terms {
    cells: [(CellRef, bool); MAX_TERMS],
    len: usize,
    /// Set when more cells were pushed than fit.
    overflow: bool,
    /// The columns that [`Terms::rows`] adds rows in.
    columns: Applicants,
}

impl Default for Terms {
    fn default() -> Terms {
        Terms {
            cells: [(CellRef::Requests(RequestRow::New, Applicant::Total), false); MAX_TERMS],
            len: 0,
            overflow: false,
            columns: Applicants::ALL,
        }
    }
}

impl Terms {
    fn push(&mut self, cell: CellRef, minus: bool) {
        match self.cells.get_mut(self.len) {
            Some(slot) => {
                *slot = (cell, minus);
                self.len += 1;
            }
            None => self.overflow = true,
        }
    }

    /// Adds rows of 表三 in the columns of `self.columns`.
    fn rows(&mut self, rows: &[RequestRow], minus: bool) {
        for &row in rows {
            for &column in self.columns.columns() {
                self.push(CellRef::Requests(row, column), minus);
            }
        }
    }

    /// Marks the terms as no reading.
    fn none(&mut self) {
        self.len = 0;
    }

    fn iter(&self) -> impl Iterator<Item = (CellRef, bool)> + Clone + use<> {
        let (cells, len) = (self.cells, self.len);
        cells.into_iter().take(len)
    }
}

/// One way of reading the tables that the wording of a claim allows: a sum of cells with
/// signs, and for a share a base (the share is the sum ÷ the base, in percent).
///
/// [`Display`](fmt::Display) gives the formula in cell codes:
/// `t3.new.total + t3.carried_over.total`,
/// `t3.disclosed.total ÷ t3.results_total.total`.
///
/// ```
/// use ogi_report::{Edition, Measure};
/// let share: Measure = "t3.share.disclosed_or_partly".parse()?;
/// let first = share.readings(Edition::E2021).next().unwrap();
/// assert_eq!(
///     first.to_string(),
///     "(t3.disclosed.total + t3.partly_disclosed.total) ÷ t3.results_total.total"
/// );
/// assert_eq!(first.terms().count(), 2);
/// assert_eq!(first.base().count(), 1);
/// # Ok::<(), ogi_report::UnknownCode>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    terms: Terms,
    base: Terms,
}

impl Reading {
    /// The cells summed, each with `true` when it is subtracted.
    ///
    /// ```
    /// use ogi_report::{Edition, Measure};
    /// let m: Measure = "t3.closed.total".parse()?;
    /// let second = m.readings(Edition::E2019).nth(1).unwrap();
    /// let signs: Vec<bool> = second.terms().map(|(_, minus)| minus).collect();
    /// assert_eq!(signs, [false, true]);
    /// # Ok::<(), ogi_report::UnknownCode>(())
    /// ```
    pub fn terms(&self) -> impl Iterator<Item = (CellRef, bool)> + Clone + use<> {
        self.terms.iter()
    }

    /// For a share, the cells of the base (added); empty otherwise.
    ///
    /// ```
    /// use ogi_report::{Edition, Measure};
    /// let m: Measure = "t3.received.total".parse()?;
    /// assert_eq!(m.readings(Edition::E2019).next().unwrap().base().count(), 0);
    /// # Ok::<(), ogi_report::UnknownCode>(())
    /// ```
    pub fn base(&self) -> impl Iterator<Item = (CellRef, bool)> + Clone + use<> {
        self.base.iter()
    }

    /// Whether the reading is a share (it has a base).
    #[must_use]
    pub(crate) fn is_share(&self) -> bool {
        self.base.len > 0
    }
}

fn write_terms(f: &mut fmt::Formatter<'_>, terms: &Terms, group: bool) -> fmt::Result {
    let group = group && terms.len > 1;
    if group {
        f.write_str("(")?;
    }
    for (i, (cell, minus)) in terms.iter().enumerate() {
        match (i, minus) {
            (0, false) => {}
            (0, true) => f.write_str("−")?,
            (_, false) => f.write_str(" + ")?,
            (_, true) => f.write_str(" − ")?,
        }
        write!(f, "{cell}")?;
    }
    if group {
        f.write_str(")")?;
    }
    Ok(())
}

impl fmt::Display for Reading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let share = self.is_share();
        write_terms(f, &self.terms, share)?;
        if share {
            f.write_str(" ÷ ")?;
            write_terms(f, &self.base, true)?;
        }
        Ok(())
    }
}
