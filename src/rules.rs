//! The rule catalogue: every relation a reader can check in a published report (or in two
//! reports of consecutive years), as data.
//!
//! A rule has a stable id ([`RuleId`]), a severity, the editions it applies to, the kinds
//! of body it applies to, the cells it reads, its source and a one-line statement in
//! Chinese and in English. A rule is applied per *scope* (a column, a row, a group, a
//! cell, or the report as a whole); [`Rule::scopes`] lists them and [`Rule::cells_at`]
//! names the cells one scope reads, the checked cell first.

use std::fmt;
use std::str::FromStr;

use crate::cell::{
    AppealColumn, AppealGroup, Applicant, CellRef, ProactiveColumn, ProactiveRow, RequestRow,
    Table, Value,
};
use crate::claims::{Measure, TextSpan};
use crate::code::{Expected, UnknownCode};
use crate::edition::Edition;
use crate::layout::Layout;
use crate::macros::coded_enum;
use crate::money::MoneyUnit;
use crate::report::BodyKind;

coded_enum! {
    /// How serious a rule's failure is.
    ///
    /// ```
    /// use ogi_report::Severity;
    /// assert_eq!(Severity::Warning.code(), "warning");
    /// assert!(Severity::Error < Severity::Warning);
    /// ```
    #[non_exhaustive]
    pub enum Severity {
        /// An arithmetic relation the format itself defines: the printed numbers cannot all
        /// be right.
        Error => "error",
        /// A relation that usually holds; a failure deserves a look (real reports break some
        /// of these legitimately).
        Warning => "warning",
        /// A fact worth knowing, not a mistake.
        Info => "info",
    }
}

coded_enum! {
    /// Where a rule comes from.
    ///
    /// ```
    /// use ogi_report::{RuleId, Source};
    /// assert_eq!(RuleId::T3Balance.rule().source(), Source::Note);
    /// assert_eq!(Source::Article49.code(), "article49");
    /// ```
    #[non_exhaustive]
    pub enum Source {
        /// The 勾稽关系 note printed in the corner cell of 表三 ([`crate::REQUESTS_NOTE`]).
        Note => "note",
        /// The structure of the tables and the meaning of their labels (总计, 上年结转,
        /// 结转下年度继续办理, the statistical period of a year's report).
        Structure => "structure",
        /// Article 49 of the Regulations (Decree No. 711): the publication deadlines.
        Article49 => "article49",
        /// The notices that issue the two editions (国办公开办函〔2019〕60号, 〔2021〕30号).
        Notice => "notice",
        /// A plausibility heuristic: usually true, legitimately broken now and then.
        Heuristic => "heuristic",
        /// What the texts of sections 一, 五 and 六 state against what the tables hold
        /// (FORMAT.md §5.6): a number of the text compared with the readings of the tables
        /// its wording allows.
        Narrative => "narrative",
    }
}

impl Source {
    /// A Chinese description of the source.
    ///
    /// ```
    /// assert_eq!(ogi_report::Source::Note.label(), "表三所印勾稽关系");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Source::Note => "表三所印勾稽关系",
            Source::Structure => "表格结构与栏目含义",
            Source::Article49 => "《政府信息公开条例》第四十九条",
            Source::Notice => "年度报告格式通知",
            Source::Heuristic => "经验规则",
            Source::Narrative => "正文与表格对照",
        }
    }
}

/// Where one application of a rule looks: the column, row, group or cell it checks, or
/// the report as a whole.
///
/// ```
/// use ogi_report::{Applicant, RuleId, Scope};
/// let rule = RuleId::T3Balance.rule();
/// let first = rule.scopes(ogi_report::Edition::E2019).next();
/// assert_eq!(first, Some(Scope::Column(Applicant::NaturalPerson)));
/// assert_eq!(Scope::Column(Applicant::Total).to_string(), "column total");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Scope {
    /// The report as a whole (its metadata).
    Report,
    /// One applicant column of 表三.
    Column(Applicant),
    /// One row of 表三.
    RequestRow(RequestRow),
    /// One group of 表四.
    Group(AppealGroup),
    /// One row of 表二.
    ProactiveRow(ProactiveRow),
    /// One cell.
    Cell(CellRef),
    /// A whole table.
    Table(Table),
    /// A sentence of a text section and what the number it states counts (the
    /// `narrative.*` rules).
    Sentence(TextSpan, Measure),
}

impl fmt::Display for Scope {
    /// English: `report`, `column <code>`, `row t3.<code>`, `group <code>`, `row t2.<code>`,
    /// `cell <code>`, `table <code>`, or for a sentence `<section> <start>..<end>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Report => f.write_str("report"),
            Scope::Column(c) => write!(f, "column {c}"),
            Scope::RequestRow(r) => write!(f, "row t3.{r}"),
            Scope::Group(g) => write!(f, "group {g}"),
            Scope::ProactiveRow(r) => write!(f, "row t2.{r}"),
            Scope::Cell(c) => write!(f, "cell {c}"),
            Scope::Table(t) => write!(f, "table {t}"),
            Scope::Sentence(span, _) => write!(f, "{span}"),
        }
    }
}

impl Scope {
    /// The scope in Chinese, with the labels the given edition prints.
    ///
    /// ```
    /// use ogi_report::{Applicant, Edition, Scope};
    /// assert_eq!(Scope::Column(Applicant::Total).label(Edition::E2019).to_string(), "总计列");
    /// ```
    #[must_use]
    pub fn label(self, edition: Edition) -> impl fmt::Display {
        ScopeLabel(self, edition)
    }
}

struct ScopeLabel(Scope, Edition);

impl fmt::Display for ScopeLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ScopeLabel(scope, edition) = *self;
        match scope {
            Scope::Report => f.write_str("报告"),
            Scope::Column(c) => write!(f, "{}列", c.label()),
            Scope::RequestRow(r) => match r.group() {
                Some(g) => write!(f, "「{}{}」行", g.label(), r.label()),
                None => write!(f, "「{}」行", r.label()),
            },
            Scope::Group(g) => match g.parent_label() {
                Some(p) => write!(f, "{p}·{}", g.label()),
                None => f.write_str(g.label()),
            },
            Scope::ProactiveRow(r) => write!(f, "「{}」行", r.label(edition)),
            Scope::Cell(c) => match c.label(edition) {
                Some(label) => f.write_str(&label),
                None => write!(f, "{c}"),
            },
            Scope::Table(t) => f.write_str(t.label()),
            Scope::Sentence(span, _) => write!(f, "{}", span.label()),
        }
    }
}

/// Which report of a pair a cell is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Side {
    /// The report checked, or the later report of a pair.
    Current,
    /// The earlier report of a pair.
    Previous,
}

/// How a rule's scopes are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    /// One scope per applicant column of 表三.
    Columns,
    /// One scope per row of 表三.
    RequestRows,
    /// One scope per group of 表四.
    Groups,
    /// One scope per listed row of 表二.
    ProactiveRows(&'static [ProactiveRow]),
    /// One scope per cell of the 规章 row of 表二.
    RulesCells,
    /// A single cell.
    Cell(CellRef),
    /// The report's metadata.
    Report,
    /// One scope per table whose layout differs between the editions (表二, 表三).
    Tables,
    /// One scope per claim the texts make about the table (none known from the edition
    /// alone: the scopes come from the texts).
    Text(Option<Table>),
}

impl Shape {
    const fn count(self, edition: Edition) -> usize {
        match self {
            Shape::Columns => Applicant::ALL.len(),
            Shape::RequestRows => RequestRow::rows(edition).len(),
            Shape::Groups => AppealGroup::ALL.len(),
            Shape::ProactiveRows(rows) => rows.len(),
            Shape::RulesCells => ProactiveRow::Rules.columns(edition).len(),
            Shape::Cell(c) => {
                if c.in_edition(edition) {
                    1
                } else {
                    0
                }
            }
            Shape::Report => 1,
            Shape::Tables => LAYOUT_TABLES.len(),
            Shape::Text(_) => 0,
        }
    }

    const fn at(self, edition: Edition, i: usize) -> Scope {
        match self {
            Shape::Columns => Scope::Column(Applicant::ALL[i]),
            Shape::RequestRows => Scope::RequestRow(RequestRow::rows(edition)[i]),
            Shape::Groups => Scope::Group(AppealGroup::ALL[i]),
            Shape::ProactiveRows(rows) => Scope::ProactiveRow(rows[i]),
            Shape::RulesCells => Scope::Cell(CellRef::Proactive(
                ProactiveRow::Rules,
                ProactiveRow::Rules.columns(edition)[i],
            )),
            Shape::Cell(c) => Scope::Cell(c),
            Shape::Report | Shape::Text(_) => Scope::Report,
            Shape::Tables => Scope::Table(LAYOUT_TABLES[i]),
        }
    }

    /// The table whose cells the scopes read, `None` for rules on the report.
    const fn table(self) -> Option<Table> {
        match self {
            Shape::Columns | Shape::RequestRows => Some(Table::Requests),
            Shape::Groups => Some(Table::Appeals),
            Shape::ProactiveRows(_) | Shape::RulesCells => Some(Table::Proactive),
            Shape::Cell(c) => Some(c.table()),
            Shape::Text(t) => t,
            Shape::Report | Shape::Tables => None,
        }
    }
}

/// The kind of relation a rule tests between the checked cell (the first it reads) and the
/// value derived from its other cells.
///
/// ```
/// use ogi_report::{Relation, RuleId};
/// assert_eq!(RuleId::T3RowTotal.rule().relation(), Relation::Equal);
/// assert_eq!(RuleId::T3ResultsLeReceived.rule().relation(), Relation::AtMost);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Relation {
    /// The checked cell equals the value derived from the others: any change to one cell
    /// breaks it.
    Equal,
    /// The checked cell is at most the derived value.
    AtMost,
    /// The checked cell is at least the derived value.
    AtLeast,
    /// A condition of another form (a cell that must be 0, a unit, a date, an edition).
    Condition,
}

/// What a rule tests, over the values of its cells (the first is the checked cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Test {
    /// checked = Σ ± others.
    Sum,
    /// checked ≤ Σ ± others.
    AtMost,
    /// checked ≥ Σ ± others.
    AtLeast,
    /// checked ≤ the number of fee notices stated in section 六 (not a cell).
    AtMostNotices,
    /// checked = 0.
    Zero,
    /// checked = 0 when the other cell is 0.
    ZeroIfOtherZero,
    /// the amount is in 万元.
    WanYuan,
    /// the Article 49 deadline.
    Deadline,
    /// published after the report year.
    AfterPeriod,
    /// the edition fits the report year.
    EditionYear,
    /// the table is printed in the layout of the report's edition.
    TableLayout,
    /// a number stated in the text equals a reading of the tables (applied by
    /// [`crate::validate_narrative`], not by the plans).
    Narrative,
}

/// The sign a cell enters a rule's sum with (the checked cell, first, with [`Sign::Plus`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sign {
    /// Added.
    Plus,
    /// Subtracted.
    Minus,
}

/// Which cells one term of a rule reads at a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cells {
    /// The scope's own cell (a rule applied cell by cell).
    Scope,
    /// A row of 表三, in the scope's column.
    Row(RequestRow),
    /// The outcome rows of 表三 in the layout (19 in 2019, 21 in 2021), in the scope's
    /// column.
    Outcomes,
    /// A column of 表三, in the scope's row.
    Applicant(Applicant),
    /// The six applicant columns of 表三 (not 总计), in the scope's row.
    Applicants,
    /// A column of 表四, in the scope's group.
    Appeal(AppealColumn),
    /// The four result columns of 表四 (not 总计), in the scope's group.
    Results,
    /// A column of 表二, in the scope's row.
    Proactive(ProactiveColumn),
}

impl Cells {
    /// How many cells the term reads in a layout.
    const fn count(self, edition: Edition) -> usize {
        match self {
            Cells::Outcomes => RequestRow::outcomes(edition).len(),
            Cells::Applicants => Applicant::DETAIL.len(),
            Cells::Results => AppealColumn::DETAIL.len(),
            _ => 1,
        }
    }

    /// The `k`-th cell (`k` < [`Cells::count`]) at a scope, `None` for a scope of another
    /// kind.
    const fn at(self, edition: Edition, scope: Scope, k: usize) -> Option<CellRef> {
        Some(match (self, scope) {
            (Cells::Scope, Scope::Cell(c)) => c,
            (Cells::Row(r), Scope::Column(c)) => CellRef::Requests(r, c),
            (Cells::Outcomes, Scope::Column(c)) => {
                CellRef::Requests(RequestRow::outcomes(edition)[k], c)
            }
            (Cells::Applicant(a), Scope::RequestRow(r)) => CellRef::Requests(r, a),
            (Cells::Applicants, Scope::RequestRow(r)) => CellRef::Requests(r, Applicant::DETAIL[k]),
            (Cells::Appeal(a), Scope::Group(g)) => CellRef::Appeals(g, a),
            (Cells::Results, Scope::Group(g)) => CellRef::Appeals(g, AppealColumn::DETAIL[k]),
            (Cells::Proactive(c), Scope::ProactiveRow(r)) => CellRef::Proactive(r, c),
            _ => return None,
        })
    }
}

/// One term of a rule: the cells it reads at a scope, the sign they enter the sum with,
/// and the report of a pair they are read from. A rule's terms, in order, are everything
/// it reads; the first term is the checked cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Term {
    cells: Cells,
    sign: Sign,
    side: Side,
}

impl Term {
    /// The same cells, read from the earlier report of a pair.
    const fn of_previous(self) -> Term {
        Term {
            side: Side::Previous,
            ..self
        }
    }
}

/// The checked cell (the left side of the relation).
const fn checked(cells: Cells) -> Term {
    plus(cells)
}

/// Cells added on the right side.
const fn plus(cells: Cells) -> Term {
    Term {
        cells,
        sign: Sign::Plus,
        side: Side::Current,
    }
}

/// Cells subtracted on the right side.
const fn minus(cells: Cells) -> Term {
    Term {
        cells,
        sign: Sign::Minus,
        side: Side::Current,
    }
}

/// One cell a rule reads at a scope: a [`Term`] resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Operand {
    /// The cell.
    pub(crate) cell: CellRef,
    /// The sign it enters the sum with.
    pub(crate) sign: Sign,
    /// The report of a pair it is read from.
    pub(crate) side: Side,
}

/// What a rule finds at one scope: it fails, or a cell it needs is blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// The value of the checked cell (`None` when blank).
    pub(crate) stated: Option<Value>,
    /// The value the rule derives from the other cells (for a bound, the bound).
    pub(crate) computed: Option<i128>,
    /// `stated − computed`.
    pub(crate) difference: Option<i128>,
    /// Bit `i`: the `i`-th cell is blank. Not 0: the rule could not be assessed.
    pub(crate) blanks: u32,
}

/// A value as a number: `None` for an amount of money.
fn number(value: Value) -> Option<i128> {
    match value {
        Value::Count(v) => Some(i128::from(v)),
        Value::Delta(v) => Some(i128::from(v)),
        Value::Money(_) => None,
    }
}

fn is_zero(value: Value) -> bool {
    match value {
        Value::Count(v) => v == 0,
        Value::Delta(v) => v == 0,
        Value::Money(a) => a.value().is_zero(),
    }
}

const ALL_KINDS: &[BodyKind] = &BodyKind::ALL;
const BOTH: &[Edition] = &Edition::ALL;
const E2019: &[Edition] = &[Edition::E2019];
const E2021: &[Edition] = &[Edition::E2021];

/// The 表二 rows of the 2019 edition that have 上一年项目数量 and 本年增/减.
const ITEM_ROWS: &[ProactiveRow] = &[
    ProactiveRow::Licensing,
    ProactiveRow::OtherServices,
    ProactiveRow::Penalty,
    ProactiveRow::Enforcement,
    ProactiveRow::Fees,
];

/// The 表二 rows of block （一）.
const DOCUMENT_ROWS: &[ProactiveRow] = &[ProactiveRow::Rules, ProactiveRow::Normative];

const PROCUREMENT: &[ProactiveRow] = &[ProactiveRow::Procurement];

/// The tables whose layout differs between the editions.
const LAYOUT_TABLES: [Table; 2] = [Table::Proactive, Table::Requests];

coded_enum! {
    /// The stable id of a rule. The codes are a public contract: lowercase ASCII,
    /// `<table or area>.<relation>`, never changed once released. See [`Rule`] for the
    /// whole catalogue.
    ///
    /// ```
    /// use ogi_report::RuleId;
    /// let id: RuleId = "t4.group_total".parse()?;
    /// assert_eq!(id, RuleId::T4GroupTotal);
    /// assert_eq!(id.to_string(), "t4.group_total");
    /// assert!("t9.nothing".parse::<RuleId>().is_err());
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[non_exhaustive]
    pub enum RuleId {
        /// `t3.balance`: per column, 一 + 二 = （七）总计 + 四 (T3-1).
        T3Balance => "t3.balance",
        /// `t3.results_sum`: per column, （七）总计 = the sum of the outcome rows (T3-2).
        T3ResultsSum => "t3.results_sum",
        /// `t3.row_total`: per row, 总计 = the sum of the six applicant columns (T3-3).
        T3RowTotal => "t3.row_total",
        /// `t3.results_le_received`: per column, （七）总计 ≤ 一 + 二 (T3-5).
        T3ResultsLeReceived => "t3.results_le_received",
        /// `t3.unpaid_fee_le_notices`: 2021, lapses for non-payment ≤ fee notices (T3-7).
        T3UnpaidFeeLeNotices => "t3.unpaid_fee_le_notices",
        /// `t4.group_total`: per group, 总计 = 维持 + 纠正 + 其他 + 尚未审结 (T4-1).
        T4GroupTotal => "t4.group_total",
        /// `t2.item_count_nonnegative`: 2019, 上一年项目数量 + 本年增/减 ≥ 0 (T2a-3).
        T2ItemCountNonnegative => "t2.item_count_nonnegative",
        /// `t2.total_public_ge_published`: 2019, 对外公开总数量 ≥ 本年新公开数量 (T2a-4).
        T2TotalPublicGePublished => "t2.total_public_ge_published",
        /// `t2.published_le_made`: 2019, 本年新公开数量 ≤ 本年新制作数量 (T2a-5).
        T2PublishedLeMade => "t2.published_le_made",
        /// `t2.procurement_amount_needs_projects`: 2019, 采购总金额 > 0 only with 采购项目数量
        /// > 0 (T2a-8).
        T2ProcurementAmountNeedsProjects => "t2.procurement_amount_needs_projects",
        /// `t2.procurement_projects_need_amount`: 2019, 采购项目数量 > 0 only with 采购总金额
        /// > 0 (T2a-8).
        T2ProcurementProjectsNeedAmount => "t2.procurement_projects_need_amount",
        /// `t2.rules_township`: a township reports no 规章 (T2b-3).
        T2RulesTownship => "t2.rules_township",
        /// `t2.fees_unit`: 2021, 本年收费金额 in 万元 as the header prints (T2b-2).
        T2FeesUnit => "t2.fees_unit",
        /// `meta.deadline`: the Article 49 publication deadline (X-5).
        MetaDeadline => "meta.deadline",
        /// `meta.published_after_period`: published after the report year ends (X-6).
        MetaPublishedAfterPeriod => "meta.published_after_period",
        /// `meta.edition_year`: the edition serves the report year.
        MetaEditionYear => "meta.edition_year",
        /// `meta.table_layout`: each table is printed in the layout of the report's edition.
        MetaTableLayout => "meta.table_layout",
        /// `x.carry_over`: 上年结转 of N+1 = 结转下年度继续办理 of N, per column (X-1).
        XCarryOver => "x.carry_over",
        /// `x.item_count`: 2019 edition, 上一年项目数量 of N+1 = 上一年项目数量 + 本年增/减 of N
        /// (X-2).
        XItemCount => "x.item_count",
        /// `x.in_force`: 2021 edition, 现行有效件数 of N+1 = 现行有效件数 of N + 本年制发件数 −
        /// 本年废止件数 of N+1 (X-3).
        XInForce => "x.in_force",
        /// `narrative.received`: applications the text says were received (收到, 受理,
        /// 办理) = 一, or 一 + 二 (§5.6).
        NarrativeReceived => "narrative.received",
        /// `narrative.carried_over`: applications carried over (上年结转) = 二 (§5.6).
        NarrativeCarriedOver => "narrative.carried_over",
        /// `narrative.closed`: applications closed (办结, 答复) = （七）, or （七） − （六）
        /// (§5.6).
        NarrativeClosed => "narrative.closed",
        /// `narrative.carried_forward`: applications carried into next year (结转下年度) = 四
        /// (§5.6).
        NarrativeCarriedForward => "narrative.carried_forward",
        /// `narrative.outcome`: an outcome of applications = its row or group (§5.6).
        NarrativeOutcome => "narrative.outcome",
        /// `narrative.share`: a percentage of applications = the outcome ÷ （七）总计 (or ÷
        /// 一 + 二) to the printed precision (§5.6).
        NarrativeShare => "narrative.share",
        /// `narrative.review`: 行政复议 cases = 表四's 行政复议 group (§5.6).
        NarrativeReview => "narrative.review",
        /// `narrative.suit`: 行政诉讼 cases = 表四's 行政诉讼 groups (§5.6).
        NarrativeSuit => "narrative.suit",
        /// `narrative.documents`: 规章 and 规范性文件 = 表二 （一） (§5.6).
        NarrativeDocuments => "narrative.documents",
        /// `narrative.decisions`: 行政许可, 行政处罚, 行政强制 decisions or items = 表二
        /// （五）（六） (§5.6).
        NarrativeDecisions => "narrative.decisions",
        /// `narrative.fees`: the information-processing fee the text states = section 六's
        /// fee statement (§5.6).
        NarrativeFees => "narrative.fees",
        /// `narrative.sum`: a total followed by parts ending with 其他 = the sum of the
        /// parts (§5.6).
        NarrativeSum => "narrative.sum",
    }
}

impl RuleId {
    /// The rule with this id.
    ///
    /// ```
    /// use ogi_report::{RuleId, Severity};
    /// assert_eq!(RuleId::T3Balance.rule().severity(), Severity::Error);
    /// ```
    #[must_use]
    pub fn rule(self) -> &'static Rule {
        // RULES is written in RuleId order; a unit test checks it.
        &RULES[self as usize]
    }
}

impl FromStr for RuleId {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        RuleId::from_code(s).ok_or_else(|| UnknownCode::new("rule id", s, Expected::Unlisted))
    }
}

/// One rule of the catalogue.
///
/// The catalogue ([`Rule::all`]), in order; "per" is the scope one finding is about.
/// Relations of `docs/FORMAT.md` §5 not listed here are either enforced by the types
/// (T2a-1, T2a-2, T2a-6, T2b-1, T3-4, T3-6, T4-2: counts are unsigned, a table has exactly
/// its edition's cells), kept by the money type and the roll-ups rather than checked
/// (T2a-7: an amount keeps its unit and converts to 元 exactly; T3-8: [`crate::MixedRollup`]
/// compares the editions through the aggregate （六）; T4-4: a rule for summing bodies), not
/// decidable from the model (T4-5, which the format does not state), or marked there as
/// not to be enforced (T4-3, X-4). §5.6, text against tables, is the `narrative.*` rules.
///
/// | id | severity | editions | per | source | statement |
/// |---|---|---|---|---|---|
/// | `t3.balance` | error | both | column | note | 一 + 二 = （七）总计 + 四 |
/// | `t3.results_sum` | error | both | column | structure | （七）总计 = the sum of the 19 (2019) or 21 (2021) outcome rows |
/// | `t3.row_total` | error | both | row of 表三 | structure | 总计 = the sum of the six applicant columns |
/// | `t3.results_le_received` | error | both | column | structure | （七）总计 ≤ 一 + 二 |
/// | `t3.unpaid_fee_le_notices` | warning | 2021 | cell | heuristic | （六）2 总计 ≤ the fee notices stated in section 六 (only when stated) |
/// | `t4.group_total` | error | both | group | structure | 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 |
/// | `t2.item_count_nonnegative` | warning | 2019 | row of （五）（六）（八） | structure | 上一年项目数量 + 本年增/减 ≥ 0 |
/// | `t2.total_public_ge_published` | warning | 2019 | row of （一） | heuristic | 对外公开总数量 ≥ 本年新公开数量 |
/// | `t2.published_le_made` | warning | 2019 | row of （一） | heuristic | 本年新公开数量 ≤ 本年新制作数量 |
/// | `t2.procurement_amount_needs_projects` | warning | 2019 | row | heuristic | 采购总金额 > 0 only with 采购项目数量 > 0 |
/// | `t2.procurement_projects_need_amount` | warning | 2019 | row | heuristic | 采购项目数量 > 0 only with 采购总金额 > 0 |
/// | `t2.rules_township` | warning | both | cell of 规章 | heuristic | a township has no rule-making power: its 规章 cells are 0 (townships only) |
/// | `t2.fees_unit` | info | 2021 | cell | structure | 本年收费金额 is in 万元, the unit its header prints |
/// | `meta.deadline` | warning | both | report | article49 | published by 31 January of the next year (department) or 31 March (government); when the date is known |
/// | `meta.published_after_period` | warning | both | report | structure | published after 31 December of the report year; when the date is known |
/// | `meta.edition_year` | info | both | report | notice | the 2019 edition serves report years 2019–2020, the 2021 edition 2021 on |
/// | `meta.table_layout` | info | both | table (表二, 表三) | notice | the table is printed in the layout of the report's edition |
/// | `x.carry_over` | warning | both | column | structure | 上年结转 of N+1 = 结转下年度继续办理 of N (also across the 2020→2021 edition change) |
/// | `x.item_count` | warning | 2019 | row of （五）（六）（八） | structure | 上一年项目数量 of N+1 = 上一年项目数量 + 本年增/减 of N |
/// | `x.in_force` | warning | 2021 | row of （一） | heuristic | 现行有效件数 of N+1 = 现行有效件数 of N + 本年制发件数 − 本年废止件数 of N+1 |
/// | `narrative.received` | warning | both | sentence | narrative | 收到, 受理, 办理 = 一, or 一 + 二 |
/// | `narrative.carried_over` | warning | both | sentence | narrative | 上年结转 = 二 |
/// | `narrative.closed` | warning | both | sentence | narrative | 办结, 答复 = （七）总计, or （七） − （六） |
/// | `narrative.carried_forward` | warning | both | sentence | narrative | 结转下年度 = 四 |
/// | `narrative.outcome` | warning | both | sentence | narrative | 予以公开, 部分公开, 不予公开, … = its row, or its group's rows |
/// | `narrative.share` | warning | both | sentence | narrative | a percentage = the outcome ÷ （七）总计, or ÷ (一 + 二), to the printed precision |
/// | `narrative.review` | warning | both | sentence | narrative | 行政复议 = 表四's review group, column for column |
/// | `narrative.suit` | warning | both | sentence | narrative | 行政诉讼 = the sum of 表四's two suit groups (or the one named) |
/// | `narrative.documents` | warning | both | sentence | narrative | 规章, 规范性文件 made, published, in force, repealed = 表二 （一） |
/// | `narrative.decisions` | warning | both | sentence | narrative | 行政许可, 行政处罚, 行政强制 decisions or items = 表二 （五）（六） |
/// | `narrative.fees` | warning | 2021 | sentence | narrative | 信息处理费 collected = section 六's fee statement (only when given) |
/// | `narrative.sum` | warning | both | sentence | narrative | a total followed by 其中 and parts ending with 其他 = the sum of the parts |
///
/// The `narrative.*` rules are applied by [`crate::validate_narrative`] to the claims the
/// texts make ([`crate::claims`]), one scope per claim ([`Scope::Sentence`]).
///
/// The `x.*` rules read two reports of one body ([`crate::validate_pair`]); a pair rule
/// applies when both reports are of one of its editions.
///
/// ```
/// use ogi_report::{Edition, Rule, RuleId, Severity, Source};
///
/// assert_eq!(Rule::all().len(), RuleId::ALL.len());
/// let rule = Rule::find("t3.results_sum").unwrap();
/// assert_eq!(rule.severity(), Severity::Error);
/// assert_eq!(rule.source(), Source::Structure);
/// assert_eq!(rule.spec(), "T3-2");
/// // per column: （七）总计 and the 19 outcome rows of the 2019 edition
/// let column = rule.scopes(Edition::E2019).next().unwrap();
/// assert_eq!(rule.cells_at(Edition::E2019, column).count(), 20);
/// assert_eq!(
///     rule.cells_at(Edition::E2019, column).next().unwrap().to_string(),
///     "t3.results_total.natural_person"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rule {
    id: RuleId,
    severity: Severity,
    editions: &'static [Edition],
    kinds: &'static [BodyKind],
    source: Source,
    spec: &'static str,
    pair: bool,
    shape: Shape,
    test: Test,
    /// What the rule reads at a scope, in order, the checked cell first: each term's
    /// cells, the sign they enter the sum with and the report of a pair they are read from.
    terms: &'static [Term],
    statement_zh: &'static str,
    statement_en: &'static str,
}

/// The catalogue, in [`RuleId`] order.
static RULES: [Rule; CATALOGUE.len()] = CATALOGUE;

/// The catalogue as a constant, for the [`Plan`]s made at compile time.
const CATALOGUE: [Rule; 32] = [
    Rule {
        id: RuleId::T3Balance,
        severity: Severity::Error,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Note,
        spec: "T3-1",
        pair: false,
        shape: Shape::Columns,
        test: Test::Sum,
        terms: &[
            checked(Cells::Row(RequestRow::CarriedForward)),
            plus(Cells::Row(RequestRow::New)),
            plus(Cells::Row(RequestRow::CarriedOver)),
            minus(Cells::Row(RequestRow::ResultsTotal)),
        ],
        statement_zh: "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理",
        statement_en: "new (一) + carried over (二) = results total (（七）总计) + carried forward (四)",
    },
    Rule {
        id: RuleId::T3ResultsSum,
        severity: Severity::Error,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "T3-2",
        pair: false,
        shape: Shape::Columns,
        test: Test::Sum,
        terms: &[
            checked(Cells::Row(RequestRow::ResultsTotal)),
            plus(Cells::Outcomes),
        ],
        statement_zh: "（七）总计 = 各项办理结果之和（2019年版19项，2021年版21项）",
        statement_en: "results total (（七）总计) = the sum of the outcome rows (19 in the 2019 edition, 21 in 2021)",
    },
    Rule {
        id: RuleId::T3RowTotal,
        severity: Severity::Error,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "T3-3",
        pair: false,
        shape: Shape::RequestRows,
        test: Test::Sum,
        terms: &[
            checked(Cells::Applicant(Applicant::Total)),
            plus(Cells::Applicants),
        ],
        statement_zh: "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
        statement_en: "total (总计) = the sum of the six applicant columns",
    },
    Rule {
        id: RuleId::T3ResultsLeReceived,
        severity: Severity::Error,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "T3-5",
        pair: false,
        shape: Shape::Columns,
        test: Test::AtMost,
        terms: &[
            checked(Cells::Row(RequestRow::ResultsTotal)),
            plus(Cells::Row(RequestRow::New)),
            plus(Cells::Row(RequestRow::CarriedOver)),
        ],
        statement_zh: "（七）总计 ≤ 一、本年新收 + 二、上年结转",
        statement_en: "results total (（七）总计) ≤ new (一) + carried over (二)",
    },
    Rule {
        id: RuleId::T3UnpaidFeeLeNotices,
        severity: Severity::Warning,
        editions: E2021,
        kinds: ALL_KINDS,
        source: Source::Heuristic,
        spec: "T3-7",
        pair: false,
        shape: Shape::Cell(CellRef::Requests(RequestRow::UnpaidFee, Applicant::Total)),
        test: Test::AtMostNotices,
        terms: &[checked(Cells::Scope)],
        statement_zh: "（六）2.逾期未缴费不再处理 总计 ≤ 第六部分所述发出收费通知件数",
        statement_en: "applications lapsed for non-payment (（六）2, total) ≤ the fee notices issued, as section 六 states",
    },
    Rule {
        id: RuleId::T4GroupTotal,
        severity: Severity::Error,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "T4-1",
        pair: false,
        shape: Shape::Groups,
        test: Test::Sum,
        terms: &[
            checked(Cells::Appeal(AppealColumn::Total)),
            plus(Cells::Results),
        ],
        statement_zh: "总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        statement_en: "total (总计) = upheld + corrected + other + pending",
    },
    Rule {
        id: RuleId::T2ItemCountNonnegative,
        severity: Severity::Warning,
        editions: E2019,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "T2a-3",
        pair: false,
        shape: Shape::ProactiveRows(ITEM_ROWS),
        test: Test::AtLeast,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::Delta)),
            minus(Cells::Proactive(ProactiveColumn::PriorItems)),
        ],
        statement_zh: "上一年项目数量 + 本年增/减 ≥ 0（本年增/减 ≥ −上一年项目数量）",
        statement_en: "previous-year items + change ≥ 0 (the change 本年增/减 ≥ −上一年项目数量)",
    },
    Rule {
        id: RuleId::T2TotalPublicGePublished,
        severity: Severity::Warning,
        editions: E2019,
        kinds: ALL_KINDS,
        source: Source::Heuristic,
        spec: "T2a-4",
        pair: false,
        shape: Shape::ProactiveRows(DOCUMENT_ROWS),
        test: Test::AtLeast,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::TotalPublic)),
            plus(Cells::Proactive(ProactiveColumn::Published)),
        ],
        statement_zh: "对外公开总数量 ≥ 本年新公开数量",
        statement_en: "total disclosed (对外公开总数量) ≥ newly disclosed this year (本年新公开数量)",
    },
    Rule {
        id: RuleId::T2PublishedLeMade,
        severity: Severity::Warning,
        editions: E2019,
        kinds: ALL_KINDS,
        source: Source::Heuristic,
        spec: "T2a-5",
        pair: false,
        shape: Shape::ProactiveRows(DOCUMENT_ROWS),
        test: Test::AtMost,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::Published)),
            plus(Cells::Proactive(ProactiveColumn::Made)),
        ],
        statement_zh: "本年新公开数量 ≤ 本年新制作数量",
        statement_en: "newly disclosed this year (本年新公开数量) ≤ newly made this year (本年新制作数量)",
    },
    Rule {
        id: RuleId::T2ProcurementAmountNeedsProjects,
        severity: Severity::Warning,
        editions: E2019,
        kinds: ALL_KINDS,
        source: Source::Heuristic,
        spec: "T2a-8",
        pair: false,
        shape: Shape::ProactiveRows(PROCUREMENT),
        test: Test::ZeroIfOtherZero,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::Amount)),
            plus(Cells::Proactive(ProactiveColumn::Projects)),
        ],
        statement_zh: "采购总金额 > 0 须有采购项目数量 > 0（项目数为0则金额为0）",
        statement_en: "a procurement amount (采购总金额) > 0 needs procurement projects (采购项目数量) > 0",
    },
    Rule {
        id: RuleId::T2ProcurementProjectsNeedAmount,
        severity: Severity::Warning,
        editions: E2019,
        kinds: ALL_KINDS,
        source: Source::Heuristic,
        spec: "T2a-8",
        pair: false,
        shape: Shape::ProactiveRows(PROCUREMENT),
        test: Test::ZeroIfOtherZero,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::Projects)),
            plus(Cells::Proactive(ProactiveColumn::Amount)),
        ],
        statement_zh: "采购项目数量 > 0 须有采购总金额 > 0（金额为0则项目数为0）",
        statement_en: "procurement projects (采购项目数量) > 0 need a procurement amount (采购总金额) > 0",
    },
    Rule {
        id: RuleId::T2RulesTownship,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: &[BodyKind::Township],
        source: Source::Heuristic,
        spec: "T2b-3",
        pair: false,
        shape: Shape::RulesCells,
        test: Test::Zero,
        terms: &[checked(Cells::Scope)],
        statement_zh: "乡镇人民政府、街道办事处无规章制定权，规章各栏应为0",
        statement_en: "a township has no power to make 规章 (government rules): every 规章 cell is 0",
    },
    Rule {
        id: RuleId::T2FeesUnit,
        severity: Severity::Info,
        editions: E2021,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "T2b-2",
        pair: false,
        shape: Shape::Cell(CellRef::Proactive(
            ProactiveRow::Fees,
            ProactiveColumn::Amount,
        )),
        test: Test::WanYuan,
        terms: &[checked(Cells::Scope)],
        statement_zh: "本年收费金额以表头所印单位万元填报",
        statement_en: "the fee amount (本年收费金额) is in 万元, the unit its header prints",
    },
    Rule {
        id: RuleId::MetaDeadline,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: &[BodyKind::Department, BodyKind::Government],
        source: Source::Article49,
        spec: "X-5",
        pair: false,
        shape: Shape::Report,
        test: Test::Deadline,
        terms: &[],
        statement_zh: "按《条例》第四十九条期限公开：部门于次年1月31日前，本级政府年度报告于次年3月31日前",
        statement_en: "published by the Article 49 deadline: 31 January of the next year for a department, 31 March for a government's own report",
    },
    Rule {
        id: RuleId::MetaPublishedAfterPeriod,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "X-6",
        pair: false,
        shape: Shape::Report,
        test: Test::AfterPeriod,
        terms: &[],
        statement_zh: "在统计期（报告年度1月1日至12月31日）结束后公开",
        statement_en: "published after the statistical period (the report year, 1 January to 31 December) ends",
    },
    Rule {
        id: RuleId::MetaEditionYear,
        severity: Severity::Info,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Notice,
        spec: "§2, §3",
        pair: false,
        shape: Shape::Report,
        test: Test::EditionYear,
        terms: &[],
        statement_zh: "2019年版格式用于2019、2020年度报告，2021年版格式用于2021年度起的报告",
        statement_en: "the 2019 edition serves report years 2019 and 2020, the 2021 edition report years from 2021 on",
    },
    Rule {
        id: RuleId::MetaTableLayout,
        severity: Severity::Info,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Notice,
        spec: "§2, §3",
        pair: false,
        shape: Shape::Tables,
        test: Test::TableLayout,
        terms: &[],
        statement_zh: "表格按报告所用版本的格式印制",
        statement_en: "the table is printed in the layout of the report's edition",
    },
    Rule {
        id: RuleId::XCarryOver,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "X-1",
        pair: true,
        shape: Shape::Columns,
        test: Test::Sum,
        terms: &[
            checked(Cells::Row(RequestRow::CarriedOver)),
            plus(Cells::Row(RequestRow::CarriedForward)).of_previous(),
        ],
        statement_zh: "次年二、上年结转 = 本年四、结转下年度继续办理",
        statement_en: "carried over (二) of year N+1 = carried forward (四) of year N",
    },
    Rule {
        id: RuleId::XItemCount,
        severity: Severity::Warning,
        editions: E2019,
        kinds: ALL_KINDS,
        source: Source::Structure,
        spec: "X-2",
        pair: true,
        shape: Shape::ProactiveRows(ITEM_ROWS),
        test: Test::Sum,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::PriorItems)),
            plus(Cells::Proactive(ProactiveColumn::PriorItems)).of_previous(),
            plus(Cells::Proactive(ProactiveColumn::Delta)).of_previous(),
        ],
        statement_zh: "次年上一年项目数量 = 本年上一年项目数量 + 本年增/减",
        statement_en: "previous-year items (上一年项目数量) of year N+1 = previous-year items + change (本年增/减) of year N",
    },
    Rule {
        id: RuleId::XInForce,
        severity: Severity::Warning,
        editions: E2021,
        kinds: ALL_KINDS,
        source: Source::Heuristic,
        spec: "X-3",
        pair: true,
        shape: Shape::ProactiveRows(DOCUMENT_ROWS),
        test: Test::Sum,
        terms: &[
            checked(Cells::Proactive(ProactiveColumn::InForce)),
            plus(Cells::Proactive(ProactiveColumn::InForce)).of_previous(),
            plus(Cells::Proactive(ProactiveColumn::Issued)),
            minus(Cells::Proactive(ProactiveColumn::Repealed)),
        ],
        statement_zh: "次年现行有效件数 = 本年现行有效件数 + 次年本年制发件数 − 次年本年废止件数",
        statement_en: "in force (现行有效件数) of year N+1 = in force of year N + issued (本年制发件数) − repealed (本年废止件数) of year N+1",
    },
    Rule {
        id: RuleId::NarrativeReceived,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Requests)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述收到（受理、办理）申请数 = 一、本年新收，或 一 + 二、上年结转",
        statement_en: "applications the text says were received (收到, 受理, 办理) = new (一), or new + carried over (一 + 二)",
    },
    Rule {
        id: RuleId::NarrativeCarriedOver,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Requests)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述上年结转申请数 = 二、上年结转",
        statement_en: "applications the text says were carried over (上年结转) = carried over (二)",
    },
    Rule {
        id: RuleId::NarrativeClosed,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Requests)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述办结（答复）申请数 = （七）总计，或 （七）总计 − （六）其他处理",
        statement_en: "applications the text says were closed (办结, 答复) = results total (（七）总计), or results total − other handling (（六）)",
    },
    Rule {
        id: RuleId::NarrativeCarriedForward,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Requests)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述结转下年度申请数 = 四、结转下年度继续办理",
        statement_en: "applications the text says were carried into next year (结转下年度) = carried forward (四)",
    },
    Rule {
        id: RuleId::NarrativeOutcome,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Requests)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述办理结果数（予以公开、部分公开、不予公开……）= 表三该行，或该类各行之和",
        statement_en: "an outcome of applications the text states (予以公开, 部分公开, 不予公开, …) = its row of 表三, or the sum of its group's rows",
    },
    Rule {
        id: RuleId::NarrativeShare,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Requests)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述办理结果占比 = 该结果 ÷ （七）总计（或 ÷ 一 + 二），按所印精度",
        statement_en: "a percentage of applications the text states = the outcome ÷ results total (（七）总计), or ÷ (一 + 二), to the printed precision",
    },
    Rule {
        id: RuleId::NarrativeReview,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Appeals)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述行政复议案件数 = 表四行政复议各栏",
        statement_en: "reconsideration cases the text states (行政复议) = 表四's 行政复议 group, column for column",
    },
    Rule {
        id: RuleId::NarrativeSuit,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Appeals)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述行政诉讼案件数 = 表四两类行政诉讼之和（或所述一类）",
        statement_en: "lawsuits the text states (行政诉讼) = the sum of 表四's two 行政诉讼 groups (or the one named), column for column",
    },
    Rule {
        id: RuleId::NarrativeDocuments,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Proactive)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述规章、规范性文件件数 = 表二第二十条第（一）项",
        statement_en: "规章 and 规范性文件 the text says were made, published, in force or repealed = 表二 第二十条第（一）项",
    },
    Rule {
        id: RuleId::NarrativeDecisions,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(Some(Table::Proactive)),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述行政许可、行政处罚、行政强制处理决定数（或项目数）= 表二第二十条第（五）（六）项",
        statement_en: "行政许可, 行政处罚, 行政强制 decisions (or items) the text states = 表二 第二十条第（五）（六）项",
    },
    Rule {
        id: RuleId::NarrativeFees,
        severity: Severity::Warning,
        editions: E2021,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(None),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中所述收取信息处理费 = 第六部分信息处理费情况",
        statement_en: "the information-processing fee the text states (信息处理费) = section 六's fee statement",
    },
    Rule {
        id: RuleId::NarrativeSum,
        severity: Severity::Warning,
        editions: BOTH,
        kinds: ALL_KINDS,
        source: Source::Narrative,
        spec: "§5.6",
        pair: false,
        shape: Shape::Text(None),
        test: Test::Narrative,
        terms: &[],
        statement_zh: "文中总数 = 其后“其中”所列各项（以“其他”结尾）之和",
        statement_en: "a total followed by 其中 and parts ending with 其他 (so the parts are all of it) = the sum of the parts",
    },
];

impl Rule {
    /// Every rule, in catalogue order.
    ///
    /// ```
    /// let ids: Vec<&str> = ogi_report::Rule::all().iter().map(|r| r.id().code()).collect();
    /// assert_eq!(&ids[..3], ["t3.balance", "t3.results_sum", "t3.row_total"]);
    /// ```
    #[must_use]
    pub fn all() -> &'static [Rule] {
        &RULES
    }

    /// The rule with this code, `None` for an unknown code.
    ///
    /// ```
    /// let rule = ogi_report::Rule::find("x.carry_over").unwrap();
    /// assert!(rule.is_pair());
    /// assert!(ogi_report::Rule::find("x.nothing").is_none());
    /// ```
    #[must_use]
    pub fn find(code: &str) -> Option<&'static Rule> {
        RuleId::from_code(code).map(RuleId::rule)
    }

    /// The rule's id.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.id(), RuleId::T3Balance);
    /// ```
    #[must_use]
    pub const fn id(&self) -> RuleId {
        self.id
    }

    /// The severity of a failure.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.severity(), Severity::Error);
    /// ```
    #[must_use]
    pub const fn severity(&self) -> Severity {
        self.severity
    }

    /// The editions the rule applies to: for a rule on a table, the editions whose layout
    /// of the table it reads (a 2021 report whose 表三 is printed in the 2019 layout is
    /// checked by the rules of the 2019 layout of 表三); for a rule on the report, the
    /// report's edition. For a pair rule, both reports must be of one of them.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.editions(), &Edition::ALL);
    /// assert_eq!(RuleId::XInForce.rule().editions(), &[Edition::E2021]);
    /// ```
    #[must_use]
    pub const fn editions(&self) -> &'static [Edition] {
        self.editions
    }

    /// The kinds of body the rule applies to.
    ///
    /// ```
    /// use ogi_report::{BodyKind, RuleId};
    /// assert_eq!(RuleId::T2RulesTownship.rule().body_kinds(), &[BodyKind::Township]);
    /// ```
    #[must_use]
    pub const fn body_kinds(&self) -> &'static [BodyKind] {
        self.kinds
    }

    /// Whether the rule applies to a report of this edition issued by this kind of body.
    ///
    /// ```
    /// use ogi_report::{BodyKind, Edition, RuleId};
    /// let rule = RuleId::MetaDeadline.rule();
    /// assert!(rule.applies(Edition::E2019, BodyKind::Government));
    /// assert!(!rule.applies(Edition::E2019, BodyKind::Township));
    /// ```
    #[must_use]
    pub fn applies(&self, edition: Edition, kind: BodyKind) -> bool {
        self.editions.contains(&edition) && self.kinds.contains(&kind)
    }

    /// Where the rule comes from.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.source(), Source::Note);
    /// ```
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// The id of the relation in `docs/FORMAT.md` §5 (e.g. `T3-1`, `X-5`).
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.spec(), "T3-1");
    /// ```
    #[must_use]
    pub const fn spec(&self) -> &'static str {
        self.spec
    }

    /// Whether the rule reads two reports of consecutive years.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert!(!rule.is_pair());
    /// assert!(RuleId::XCarryOver.rule().is_pair());
    /// ```
    #[must_use]
    pub const fn is_pair(&self) -> bool {
        self.pair
    }

    /// The one-line statement in Chinese.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.statement_zh(), "一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理");
    /// ```
    #[must_use]
    pub const fn statement_zh(&self) -> &'static str {
        self.statement_zh
    }

    /// The one-line statement in English.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert!(rule.statement_en().starts_with("new (一) + carried over (二)"));
    /// ```
    #[must_use]
    pub const fn statement_en(&self) -> &'static str {
        self.statement_en
    }

    pub(crate) const fn test(&self) -> Test {
        self.test
    }

    /// The table whose cells the rule reads, `None` for the rules on the report as a
    /// whole. A rule on a table applies to the table as printed: its
    /// [`editions`](Rule::editions) are those whose layout of the table it reads.
    ///
    /// ```
    /// use ogi_report::{RuleId, Table};
    /// assert_eq!(RuleId::T3Balance.rule().table(), Some(Table::Requests));
    /// assert_eq!(RuleId::MetaDeadline.rule().table(), None);
    /// ```
    #[must_use]
    pub const fn table(&self) -> Option<Table> {
        self.shape.table()
    }

    /// The edition a rule is applied in to a report: the layout the report's table is
    /// printed in for a rule on a table, the report's edition for a rule on the report.
    pub(crate) const fn layout_in(&self, report: &crate::report::AnnualReport) -> Edition {
        match self.shape.table() {
            Some(table) => report.layout(table).edition(),
            None => report.edition(),
        }
    }

    /// The kind of relation the rule tests.
    ///
    /// ```
    /// use ogi_report::*;
    /// let rule = RuleId::T3Balance.rule();
    /// assert_eq!(rule.relation(), Relation::Equal);
    /// ```
    #[must_use]
    pub const fn relation(&self) -> Relation {
        match self.test {
            Test::Sum => Relation::Equal,
            Test::AtMost | Test::AtMostNotices => Relation::AtMost,
            Test::AtLeast => Relation::AtLeast,
            _ => Relation::Condition,
        }
    }

    /// The scopes the rule is applied to in a report of the edition, in order (none when
    /// the rule does not apply to the edition).
    ///
    /// ```
    /// use ogi_report::{Edition, RuleId};
    /// assert_eq!(RuleId::T3RowTotal.rule().scopes(Edition::E2019).count(), 23);
    /// assert_eq!(RuleId::T3RowTotal.rule().scopes(Edition::E2021).count(), 25);
    /// assert_eq!(RuleId::T2ItemCountNonnegative.rule().scopes(Edition::E2021).count(), 0);
    /// ```
    pub fn scopes(&self, edition: Edition) -> impl Iterator<Item = Scope> + Clone + use<> {
        let shape = self.shape;
        let n = if self.editions.contains(&edition) {
            shape.count(edition)
        } else {
            0
        };
        (0..n).map(move |i| shape.at(edition, i))
    }

    /// The cells the rule reads in one scope, the checked cell first; empty for a scope
    /// the rule does not have and for the rules on metadata. For a pair rule the cells of
    /// both reports are listed (a code may repeat), the later report's checked cell first.
    ///
    /// ```
    /// use ogi_report::{AppealGroup, Edition, RuleId, Scope};
    /// let cells: Vec<String> = RuleId::T4GroupTotal
    ///     .rule()
    ///     .cells_at(Edition::E2021, Scope::Group(AppealGroup::SuitDirect))
    ///     .map(|c| c.to_string())
    ///     .collect();
    /// assert_eq!(cells, [
    ///     "t4.suit_direct.total",
    ///     "t4.suit_direct.upheld",
    ///     "t4.suit_direct.corrected",
    ///     "t4.suit_direct.other",
    ///     "t4.suit_direct.pending",
    /// ]);
    /// ```
    pub fn cells_at(
        &self,
        edition: Edition,
        scope: Scope,
    ) -> impl Iterator<Item = CellRef> + Clone + use<> {
        let rule = *self;
        (0..).map_while(move |i| cited_at(&rule, edition, scope, i).map(|(c, _)| c))
    }

    /// Every cell the rule reads in a report of the edition, scope by scope.
    ///
    /// ```
    /// use ogi_report::{Edition, RuleId};
    /// // 4 rows × 7 columns
    /// assert_eq!(RuleId::T3Balance.rule().reads(Edition::E2021).count(), 28);
    /// ```
    pub fn reads(&self, edition: Edition) -> impl Iterator<Item = CellRef> + Clone + use<> {
        let rule = *self;
        self.scopes(edition)
            .flat_map(move |s| rule.cells_at(edition, s))
    }
}

impl Rule {
    /// The sign of the `i`-th cell the rule reads in a layout (the same at every scope).
    pub(crate) const fn sign_at(&self, edition: Edition, i: usize) -> Sign {
        let mut t = 0;
        let mut k = i;
        while t < self.terms.len() {
            let n = self.terms[t].cells.count(edition);
            if k < n {
                return self.terms[t].sign;
            }
            k -= n;
            t += 1;
        }
        Sign::Plus
    }

    /// The one evaluator of the rules on cells: applies the rule to the values of the
    /// cells it reads at one scope, in order with their signs (the checked cell first), and
    /// returns what it finds, `None` when the rule holds or does not apply.
    ///
    /// A blank cell makes the rule unassessable (never a pass, never read as 0); a sum
    /// with an amount of money is not assessed; `notices` is the number of fee notices
    /// section 六 states, which [`RuleId::T3UnpaidFeeLeNotices`] compares with (it applies
    /// only when given). The rules on metadata and on texts are not applied here.
    /// Allocates nothing: one pass over the values.
    pub(crate) fn judge(
        &self,
        operands: impl IntoIterator<Item = (Sign, Option<Value>)>,
        notices: Option<u64>,
    ) -> Option<Outcome> {
        if matches!(self.test, Test::AtMostNotices) && notices.is_none() {
            return None;
        }
        let mut operands = operands.into_iter();
        let (_, stated) = operands.next()?;
        let mut blanks = u32::from(stated.is_none());
        // The other cells added and subtracted; whether one is an amount of money (no sum
        // then) and whether such an amount is not 0; the bit of the next cell in `blanks`.
        let mut sums = [0i128; 2];
        let mut money = false;
        let mut money_nonzero = false;
        let mut bit = 1u32;
        for (sign, value) in operands {
            bit = bit.wrapping_shl(1);
            let x = match value {
                None => {
                    blanks |= bit;
                    continue;
                }
                Some(Value::Count(v)) => i128::from(v),
                Some(Value::Delta(v)) => i128::from(v),
                Some(Value::Money(a)) => {
                    money = true;
                    money_nonzero |= !a.value().is_zero();
                    continue;
                }
            };
            sums[usize::from(sign == Sign::Minus)] += x;
        }
        let others = bit > 1;
        let total = sums[0] - sums[1];
        // The other cell of a `ZeroIfOtherZero` rule (one cell, a count or an amount) is 0.
        let others_zero = !money_nonzero && total == 0;
        let sum = (!money).then_some(total);
        if blanks != 0 {
            return Some(Outcome {
                stated,
                computed: None,
                difference: None,
                blanks,
            });
        }
        let value = stated?;
        let fails = |computed: i128, difference: Option<i128>| {
            Some(Outcome {
                stated,
                computed: Some(computed),
                difference,
                blanks: 0,
            })
        };
        match self.test {
            Test::Sum | Test::AtMost | Test::AtLeast => {
                let (s, computed) = (number(value)?, sum?);
                let d = s - computed;
                let failed = match self.test {
                    Test::Sum => d != 0,
                    Test::AtMost => d > 0,
                    _ => d < 0,
                };
                if failed {
                    fails(computed, Some(d))
                } else {
                    None
                }
            }
            Test::AtMostNotices => {
                let (s, limit) = (number(value)?, i128::from(notices?));
                if s > limit {
                    fails(limit, Some(s - limit))
                } else {
                    None
                }
            }
            Test::Zero => {
                let s = number(value)?;
                if s == 0 { None } else { fails(0, Some(s)) }
            }
            Test::ZeroIfOtherZero => {
                if others && others_zero && !is_zero(value) {
                    fails(0, number(value))
                } else {
                    None
                }
            }
            Test::WanYuan => match value {
                Value::Money(a) if a.unit() != MoneyUnit::WanYuan => Some(Outcome {
                    stated,
                    computed: None,
                    difference: None,
                    blanks: 0,
                }),
                _ => None,
            },
            Test::Deadline
            | Test::AfterPeriod
            | Test::EditionYear
            | Test::TableLayout
            | Test::Narrative => None,
        }
    }
}

impl fmt::Display for Rule {
    /// `<id> (<severity>, <source>): <statement in English>`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} ({}, {}): {}",
            self.id, self.severity, self.source, self.statement_en
        )
    }
}

/// The most cells one scope of a rule reads: （七）总计 and the outcome rows of the layout
/// with the most (21 in 2021).
pub(crate) const MAX_CELLS: usize = RequestRow::outcomes(Edition::E2021).len() + 1;

/// The `i`-th cell one scope of a rule reads, with its sign and the report of a pair it
/// is read from: the rule's [`Term`]s resolved at the scope, `None` past the last cell,
/// for a scope the rule does not have, and for a cell not in the layout.
///
/// The one place that says which cells a rule reads: [`Rule::cells_at`], the findings'
/// cited cells, the [`Plan`]s that `validate` follows and the pair checks are all made
/// from it. A `const fn`, so that the plans are made at compile time.
pub(crate) const fn operand(
    rule: &Rule,
    edition: Edition,
    scope: Scope,
    i: usize,
) -> Option<Operand> {
    let terms = rule.terms;
    let mut t = 0;
    let mut k = i;
    while t < terms.len() {
        let term = terms[t];
        let n = term.cells.count(edition);
        if k < n {
            return match term.cells.at(edition, scope, k) {
                Some(cell) if cell.in_edition(edition) => Some(Operand {
                    cell,
                    sign: term.sign,
                    side: term.side,
                }),
                _ => None,
            };
        }
        k -= n;
        t += 1;
    }
    None
}

/// The `i`-th cell a rule cites at a scope: [`operand`] for the scopes of the tables, the
/// cells of a claim's readings for a sentence.
pub(crate) fn cited_at(
    rule: &Rule,
    edition: Edition,
    scope: Scope,
    i: usize,
) -> Option<(CellRef, Side)> {
    match scope {
        Scope::Sentence(_, measure) => measure
            .cells(edition)
            .nth(i)
            .map(|cell| (cell, Side::Current)),
        _ => operand(rule, edition, scope, i).map(|o| (o.cell, o.side)),
    }
}

/// One application of a rule of one report at one scope, its cells resolved to
/// positions in their table: a step of [`Plan`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Step {
    /// The rule.
    pub(crate) rule: RuleId,
    /// Where it is applied.
    pub(crate) scope: Scope,
    /// The table all the cells are in (`None` for the rules on metadata, which read none).
    pub(crate) table: Option<Table>,
    /// The kinds of body the rule applies to: bit `BodyKind as u8`.
    pub(crate) kinds: u8,
    /// The cells, `Plan::positions[start..start + len]`.
    start: u16,
    len: u8,
}

/// The most steps of a plan: the most scopes the rules of one report have, over the
/// editions and the layouts its tables may be printed in (a test checks it is exact).
const MAX_STEPS: usize = 69;

/// The most cells the steps of a plan read in all (a test checks it is exact).
const MAX_POSITIONS: usize = 419;

/// What `validate` does for a report of one edition: every scope of every rule of one
/// report that applies to the edition, in catalogue order then scope order, each with
/// its cells as positions in their table's printed order, which is the order the tables
/// store them in (表三 row by row, 7 cells a row), and their signs. Made at compile time
/// from the catalogue's terms ([`operand`]), so that validating a report reads its cells by index, without
/// matching on rules, scopes and cell codes, and without searching for positions.
#[derive(Debug)]
pub(crate) struct Plan {
    steps: [Step; MAX_STEPS],
    steps_len: usize,
    positions: [Slot; MAX_POSITIONS],
    positions_len: usize,
}

/// A cell a step reads: its position in its table's printed order, and its sign.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    /// The position in the table's printed order.
    pub(crate) position: u8,
    /// The sign the cell enters the rule's sum with.
    pub(crate) sign: Sign,
}

impl Plan {
    /// The steps, in catalogue order then scope order.
    pub(crate) fn steps(&self) -> &[Step] {
        &self.steps[..self.steps_len]
    }

    /// The cells a step reads, the checked cell first.
    pub(crate) fn cells(&self, step: &Step) -> &[Slot] {
        let start = usize::from(step.start);
        self.positions
            .get(start..start + usize::from(step.len))
            .unwrap_or(&[])
    }

    const fn build(edition: Edition, t2: Edition, t3: Edition) -> Plan {
        let blank = Step {
            rule: RuleId::T3Balance,
            scope: Scope::Report,
            table: None,
            kinds: 0,
            start: 0,
            len: 0,
        };
        let mut plan = Plan {
            steps: [blank; MAX_STEPS],
            steps_len: 0,
            positions: [Slot {
                position: 0,
                sign: Sign::Plus,
            }; MAX_POSITIONS],
            positions_len: 0,
        };
        let mut next = 0;
        while next < CATALOGUE.len() {
            let rule = &CATALOGUE[next];
            next += 1;
            let layout = match rule.shape.table() {
                Some(Table::Proactive) => t2,
                Some(Table::Requests) => t3,
                Some(Table::Appeals) | None => edition,
            };
            if rule.pair || !has_edition(rule.editions, layout) {
                continue;
            }
            let mut nth = 0;
            while nth < rule.shape.count(layout) {
                plan.push(rule, layout, rule.shape.at(layout, nth));
                nth += 1;
            }
        }
        plan
    }

    /// Adds the step of a rule at a scope, with the positions of the cells it reads.
    const fn push(&mut self, rule: &Rule, edition: Edition, scope: Scope) {
        assert!(self.positions_len <= u16::MAX as usize);
        #[allow(clippy::cast_possible_truncation, reason = "asserted above")]
        let mut step = Step {
            rule: rule.id,
            scope,
            table: None,
            kinds: kinds_mask(rule.kinds),
            start: self.positions_len as u16,
            len: 0,
        };
        let mut i = 0;
        while let Some(Operand { cell, sign, side }) = operand(rule, edition, scope, i) {
            assert!(matches!(side, Side::Current), "a rule of one report");
            assert!(
                i < MAX_CELLS && self.positions_len < MAX_POSITIONS,
                "the plan fits"
            );
            let (table, position) = position(edition, cell);
            match step.table {
                None => step.table = Some(table),
                Some(t) => assert!(t as u8 == table as u8, "a scope reads one table"),
            }
            assert!(position < u8::MAX as usize);
            #[allow(clippy::cast_possible_truncation, reason = "asserted above")]
            {
                self.positions[self.positions_len] = Slot {
                    position: position as u8,
                    sign,
                };
            }
            self.positions_len += 1;
            i += 1;
        }
        #[allow(clippy::cast_possible_truncation, reason = "i < MAX_CELLS")]
        {
            step.len = i as u8;
        }
        assert!(self.steps_len < MAX_STEPS, "the plan fits");
        self.steps[self.steps_len] = step;
        self.steps_len += 1;
    }
}

/// The kinds of body as bits `BodyKind as u8`.
const fn kinds_mask(kinds: &[BodyKind]) -> u8 {
    let mut mask = 0u8;
    let mut i = 0;
    while i < kinds.len() {
        mask |= 1 << kinds[i] as u8;
        i += 1;
    }
    mask
}

/// `editions.contains(&edition)` (which is not a `const fn`).
const fn has_edition(editions: &[Edition], edition: Edition) -> bool {
    let mut i = 0;
    while i < editions.len() {
        if editions[i] as u8 == edition as u8 {
            return true;
        }
        i += 1;
    }
    false
}

/// The table of a cell and its position in the table's printed order in the layout.
const fn position(layout: Edition, cell: CellRef) -> (Table, usize) {
    let table = cell.table();
    match Layout::of(table, layout).position(cell) {
        Some(i) => (table, i),
        None => panic!("a rule reads a cell of its layout"),
    }
}

/// The plans, by the report's edition, then the layout of its 表二, then of its 表三: a
/// report whose tables are printed in the layout of its edition, or of the other.
static PLANS: [[[Plan; 2]; 2]; 2] = {
    const fn by_t3(e: Edition, t2: Edition) -> [Plan; 2] {
        [
            Plan::build(e, t2, Edition::E2019),
            Plan::build(e, t2, Edition::E2021),
        ]
    }
    const fn by_t2(e: Edition) -> [[Plan; 2]; 2] {
        [by_t3(e, Edition::E2019), by_t3(e, Edition::E2021)]
    }
    [by_t2(Edition::E2019), by_t2(Edition::E2021)]
};

/// The index of an edition in [`PLANS`].
const fn at(edition: Edition) -> usize {
    match edition {
        Edition::E2019 => 0,
        Edition::E2021 => 1,
    }
}

/// The plan for validating a report of the edition whose 表二 and 表三 are printed in the
/// given layouts.
pub(crate) fn plan(edition: Edition, t2: Edition, t3: Edition) -> &'static Plan {
    &PLANS[at(edition)][at(t2)][at(t3)]
}

/// The rules that are identities of a table's own printed numbers (row totals,
/// （七）总计, 一 + 二 = （七） + 四, the 表四 totals): the relations the importer may use to
/// confirm or choose a placement.
const IDENTITIES: [RuleId; 4] = [
    RuleId::T3Balance,
    RuleId::T3ResultsSum,
    RuleId::T3RowTotal,
    RuleId::T4GroupTotal,
];

/// Every identity of a table printed in an edition's layout: the rule and the cells of
/// one scope, the checked cell first.
pub(crate) fn identities(table: Table, layout: Edition) -> Vec<(RuleId, Vec<CellRef>)> {
    let mut out = Vec::new();
    for id in IDENTITIES {
        let rule = id.rule();
        if rule.table() != Some(table) {
            continue;
        }
        for scope in rule.scopes(layout) {
            out.push((id, rule.cells_at(layout, scope).collect()));
        }
    }
    out
}

/// Whether an identity holds for the values of its cells in a layout (the checked cell
/// first): the one evaluator, [`Rule::judge`], finds nothing.
pub(crate) fn identity_holds(id: RuleId, layout: Edition, values: &[u64]) -> bool {
    let rule = id.rule();
    let operands = values
        .iter()
        .enumerate()
        .map(|(i, &v)| (rule.sign_at(layout, i), Some(Value::Count(v))));
    rule.judge(operands, None).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_is_in_id_order() {
        assert_eq!(RULES.len(), RuleId::ALL.len());
        for (rule, &id) in RULES.iter().zip(RuleId::ALL) {
            assert_eq!(rule.id, id);
            assert_eq!(id.rule().id(), id);
        }
    }

    #[test]
    fn codes_are_lowercase_ascii_and_unique() {
        for (i, id) in RuleId::ALL.iter().enumerate() {
            let code = id.code();
            assert!(
                code.bytes().all(|b| b.is_ascii_lowercase()
                    || b == b'.'
                    || b == b'_'
                    || b.is_ascii_digit()),
                "{code}"
            );
            assert_eq!(code.parse::<RuleId>().ok(), Some(*id));
            assert!(RuleId::ALL[..i].iter().all(|o| o.code() != code));
        }
    }

    #[test]
    fn scopes_fit_cells() {
        for rule in Rule::all() {
            for edition in Edition::ALL {
                for scope in rule.scopes(edition) {
                    let n = rule.cells_at(edition, scope).count();
                    assert!(n <= MAX_CELLS, "{} {scope}", rule.id);
                    let meta = matches!(
                        rule.test,
                        Test::Deadline | Test::AfterPeriod | Test::EditionYear | Test::TableLayout
                    );
                    assert_eq!(n == 0, meta, "{} {scope}", rule.id);
                    // `validate_pair` applies a pair rule through its cells only.
                    assert!(!(meta && rule.pair), "{}", rule.id);
                    for cell in rule.cells_at(edition, scope) {
                        assert!(cell.in_edition(edition), "{} {cell}", rule.id);
                    }
                }
            }
        }
    }

    #[test]
    fn plans_follow_the_catalogue() {
        let mut most = (0, 0);
        for edition in Edition::ALL {
            for t2 in Edition::ALL {
                for t3 in Edition::ALL {
                    let plan = plan(edition, t2, t3);
                    most = (
                        most.0.max(plan.steps().len()),
                        most.1.max(plan.positions_len),
                    );
                    follows_the_catalogue(plan, edition, t2, t3);
                }
            }
        }
        assert_eq!(most, (MAX_STEPS, MAX_POSITIONS));
    }

    fn follows_the_catalogue(plan: &Plan, edition: Edition, t2: Edition, t3: Edition) {
        let mut steps = plan.steps().iter();
        for rule in Rule::all() {
            if rule.is_pair() {
                continue;
            }
            let layout = match rule.table() {
                Some(Table::Proactive) => t2,
                Some(Table::Requests) => t3,
                _ => edition,
            };
            for scope in rule.scopes(layout) {
                let step = steps.next().expect("a step for every scope");
                assert_eq!((step.rule, step.scope), (rule.id, scope));
                for kind in BodyKind::ALL {
                    let applies = step.kinds & (1 << kind as u8) != 0;
                    assert_eq!(applies, rule.applies(layout, kind));
                }
                let cells: Vec<CellRef> = rule.cells_at(layout, scope).collect();
                let positions = plan.cells(step);
                assert_eq!(positions.len(), cells.len(), "{} {scope}", rule.id);
                for (i, (&p, &cell)) in positions.iter().zip(&cells).enumerate() {
                    assert_eq!(step.table, Some(cell.table()));
                    let printed = cell.table().cells(layout).position(|c| c == cell);
                    assert_eq!(printed, Some(usize::from(p.position)), "{} {cell}", rule.id);
                    let sign = plan.cells(step)[i].sign;
                    assert_eq!(sign, rule.sign_at(layout, i));
                }
            }
        }
        assert!(steps.next().is_none());
    }

    #[test]
    fn a_rule_on_another_cell_reads_one_other_cell() {
        // `Rule::judge` takes "the other cell is 0" as "the others add up to 0".
        for rule in Rule::all()
            .iter()
            .filter(|r| r.test == Test::ZeroIfOtherZero)
        {
            for edition in Edition::ALL {
                for scope in rule.scopes(edition) {
                    assert_eq!(rule.cells_at(edition, scope).count(), 2, "{}", rule.id);
                }
            }
        }
    }

    #[test]
    fn results_sum_reads_every_outcome() {
        let rule = RuleId::T3ResultsSum.rule();
        let column = Scope::Column(Applicant::Total);
        assert_eq!(rule.cells_at(Edition::E2019, column).count(), 20);
        assert_eq!(rule.cells_at(Edition::E2021, column).count(), 22);
    }
}
