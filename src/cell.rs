//! Cells: the tables, their rows and columns, the stable cell codes of `docs/CELLS.md`,
//! the Chinese labels, and the official printed order.
//!
//! The row and column enums here are the single source of codes, labels and order: the
//! serde form, the as-printed constructors, the checks and every output read them.

use std::fmt;
use std::str::FromStr;

use crate::code::{Expected, UnknownCode};
use crate::edition::Edition;
use crate::macros::coded_enum;
use crate::money::Amount;

coded_enum! {
    /// The three tables of a report.
    ///
    /// ```
    /// use ogi_report::Table;
    /// assert_eq!(Table::Requests.code(), "t3");
    /// assert_eq!(Table::Requests.label(), "表三");
    /// assert_eq!(Table::from_code("t4"), Some(Table::Appeals));
    /// ```
    pub enum Table {
        /// 表二, 二、主动公开政府信息情况.
        Proactive => "t2",
        /// 表三, 三、收到和处理政府信息公开申请情况.
        Requests => "t3",
        /// 表四, 四、政府信息公开行政复议、行政诉讼情况.
        Appeals => "t4",
    }
}

impl Table {
    /// The short Chinese name: `表二`, `表三`, `表四`.
    ///
    /// ```
    /// assert_eq!(ogi_report::Table::Proactive.label(), "表二");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Table::Proactive => "表二",
            Table::Requests => "表三",
            Table::Appeals => "表四",
        }
    }

    /// The section heading the table belongs to, as the official format prints it.
    ///
    /// ```
    /// use ogi_report::Table;
    /// assert_eq!(Table::Appeals.heading(), "四、政府信息公开行政复议、行政诉讼情况");
    /// ```
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            Table::Proactive => "二、主动公开政府信息情况",
            Table::Requests => "三、收到和处理政府信息公开申请情况",
            Table::Appeals => "四、政府信息公开行政复议、行政诉讼情况",
        }
    }
}

/// What a cell holds.
///
/// ```
/// use ogi_report::{CellRef, ValueKind};
/// let cell: CellRef = "t2.licensing.delta".parse()?;
/// assert_eq!(cell.kind(), ValueKind::Delta);
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValueKind {
    /// A count (件, 项): an integer ≥ 0.
    Count,
    /// A signed change (本年增/减), the only signed cell.
    Delta,
    /// An amount of money with its unit.
    Money,
}

impl ValueKind {
    /// A short English name of the kind, for messages.
    ///
    /// ```
    /// assert_eq!(ogi_report::ValueKind::Delta.name(), "signed change");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            ValueKind::Count => "count",
            ValueKind::Delta => "signed change",
            ValueKind::Money => "amount",
        }
    }
}

/// The value of a filled cell. A blank cell is `None`, never a zero.
///
/// ```
/// use ogi_report::Value;
/// let v = Value::Count(4);
/// assert_eq!(v.to_string(), "4");
/// assert_eq!(Value::Delta(-8).to_string(), "-8");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Value {
    /// A count.
    Count(u64),
    /// A signed change.
    Delta(i64),
    /// An amount of money.
    Money(Amount),
}

/// A count: `Some(3126.into())` is a count cell's value. (There is no `From<i64>`: with
/// it, an integer literal would be ambiguous; a change is `Value::Delta(-3)`.)
///
/// ```
/// use ogi_report::Value;
/// assert_eq!(Value::from(3126), Value::Count(3126));
/// let cell: Option<Value> = Some(3126.into());
/// assert_eq!(cell, Some(Value::Count(3126)));
/// ```
impl From<u64> for Value {
    fn from(count: u64) -> Value {
        Value::Count(count)
    }
}

/// An amount of money.
///
/// ```
/// use ogi_report::{Amount, Value};
/// let amount: Amount = "7730.28万元".parse()?;
/// assert_eq!(Value::from(amount), Value::Money(amount));
/// # Ok::<(), ogi_report::ValueError>(())
/// ```
impl From<Amount> for Value {
    fn from(amount: Amount) -> Value {
        Value::Money(amount)
    }
}

impl Value {
    /// The kind of this value.
    ///
    /// ```
    /// use ogi_report::{Value, ValueKind};
    /// assert_eq!(Value::Count(1).kind(), ValueKind::Count);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> ValueKind {
        match self {
            Value::Count(_) => ValueKind::Count,
            Value::Delta(_) => ValueKind::Delta,
            Value::Money(_) => ValueKind::Money,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Count(v) => write!(f, "{v}"),
            Value::Delta(v) => write!(f, "{v}"),
            Value::Money(a) => write!(f, "{a}"),
        }
    }
}

coded_enum! {
    /// The items of Article 20 that caption the blocks of 表二.
    ///
    /// ```
    /// use ogi_report::Article20Item;
    /// assert_eq!(Article20Item::Five.caption(), "第二十条第（五）项");
    /// ```
    #[non_exhaustive]
    pub enum Article20Item {
        /// （一）行政法规、规章和规范性文件.
        One => "1",
        /// （五）行政许可和其他对外管理服务事项.
        Five => "5",
        /// （六）行政处罚、行政强制.
        Six => "6",
        /// （八）行政事业性收费.
        Eight => "8",
        /// （九）政府集中采购 (2019 edition only).
        Nine => "9",
    }
}

impl Article20Item {
    /// The caption row printed above the block.
    ///
    /// ```
    /// use ogi_report::Article20Item;
    /// assert_eq!(Article20Item::Nine.caption(), "第二十条第（九）项");
    /// ```
    #[must_use]
    pub const fn caption(self) -> &'static str {
        match self {
            Article20Item::One => "第二十条第（一）项",
            Article20Item::Five => "第二十条第（五）项",
            Article20Item::Six => "第二十条第（六）项",
            Article20Item::Eight => "第二十条第（八）项",
            Article20Item::Nine => "第二十条第（九）项",
        }
    }
}

coded_enum! {
    /// A row of 表二 (主动公开政府信息情况).
    ///
    /// ```
    /// use ogi_report::{Edition, ProactiveRow};
    /// assert_eq!(ProactiveRow::Normative.label(Edition::E2019), "规范性文件");
    /// assert_eq!(ProactiveRow::Normative.label(Edition::E2021), "行政规范性文件");
    /// ```
    #[non_exhaustive]
    pub enum ProactiveRow {
        /// 规章.
        Rules => "rules",
        /// 规范性文件 (2019), 行政规范性文件 (2021).
        Normative => "normative",
        /// 行政许可.
        Licensing => "licensing",
        /// 其他对外管理服务事项 (2019 only).
        OtherServices => "other_services",
        /// 行政处罚.
        Penalty => "penalty",
        /// 行政强制.
        Enforcement => "enforcement",
        /// 行政事业性收费.
        Fees => "fees",
        /// 政府集中采购 (2019 only).
        Procurement => "procurement",
    }
}

impl ProactiveRow {
    /// The header of the label column of every 表二 block, printed left of the column
    /// labels.
    ///
    /// ```
    /// assert_eq!(ogi_report::ProactiveRow::LABEL, "信息内容");
    /// ```
    pub const LABEL: &'static str = "信息内容";

    /// The Chinese row label as the edition prints it.
    ///
    /// ```
    /// use ogi_report::{Edition, ProactiveRow};
    /// assert_eq!(ProactiveRow::Procurement.label(Edition::E2019), "政府集中采购");
    /// ```
    #[must_use]
    pub const fn label(self, edition: Edition) -> &'static str {
        match (self, edition) {
            (ProactiveRow::Rules, _) => "规章",
            (ProactiveRow::Normative, Edition::E2019) => "规范性文件",
            (ProactiveRow::Normative, Edition::E2021) => "行政规范性文件",
            (ProactiveRow::Licensing, _) => "行政许可",
            (ProactiveRow::OtherServices, _) => "其他对外管理服务事项",
            (ProactiveRow::Penalty, _) => "行政处罚",
            (ProactiveRow::Enforcement, _) => "行政强制",
            (ProactiveRow::Fees, _) => "行政事业性收费",
            (ProactiveRow::Procurement, _) => "政府集中采购",
        }
    }

    /// The Article 20 block the row is printed in.
    ///
    /// ```
    /// use ogi_report::{Article20Item, ProactiveRow};
    /// assert_eq!(ProactiveRow::Enforcement.item(), Article20Item::Six);
    /// ```
    #[must_use]
    pub const fn item(self) -> Article20Item {
        match self {
            ProactiveRow::Rules | ProactiveRow::Normative => Article20Item::One,
            ProactiveRow::Licensing | ProactiveRow::OtherServices => Article20Item::Five,
            ProactiveRow::Penalty | ProactiveRow::Enforcement => Article20Item::Six,
            ProactiveRow::Fees => Article20Item::Eight,
            ProactiveRow::Procurement => Article20Item::Nine,
        }
    }
}

coded_enum! {
    /// A column of 表二. Which columns a row has depends on the row and the edition
    /// ([`ProactiveRow::columns`]).
    ///
    /// ```
    /// use ogi_report::{Edition, ProactiveColumn};
    /// assert_eq!(ProactiveColumn::Decisions.label(Edition::E2019), "处理决定数量");
    /// assert_eq!(ProactiveColumn::Decisions.label(Edition::E2021), "本年处理决定数量");
    /// ```
    #[non_exhaustive]
    pub enum ProactiveColumn {
        /// 本年新制作数量 (2019).
        Made => "made",
        /// 本年新公开数量 (2019).
        Published => "published",
        /// 对外公开总数量 (2019).
        TotalPublic => "total_public",
        /// 上一年项目数量 (2019).
        PriorItems => "prior_items",
        /// 本年增/减 (2019), the only signed cell.
        Delta => "delta",
        /// 处理决定数量 (2019), 本年处理决定数量 (2021).
        Decisions => "decisions",
        /// 采购项目数量 (2019).
        Projects => "projects",
        /// 采购总金额 (2019, no unit printed) or 本年收费金额（单位：万元） (2021).
        Amount => "amount",
        /// 本年制发件数 (2021).
        Issued => "issued",
        /// 本年废止件数 (2021).
        Repealed => "repealed",
        /// 现行有效件数 (2021).
        InForce => "in_force",
    }
}

impl ProactiveColumn {
    /// The Chinese column label as the edition prints it.
    ///
    /// ```
    /// use ogi_report::{Edition, ProactiveColumn};
    /// assert_eq!(ProactiveColumn::Amount.label(Edition::E2021), "本年收费金额（单位：万元）");
    /// ```
    #[must_use]
    pub const fn label(self, edition: Edition) -> &'static str {
        match (self, edition) {
            (ProactiveColumn::Made, _) => "本年新制作数量",
            (ProactiveColumn::Published, _) => "本年新公开数量",
            (ProactiveColumn::TotalPublic, _) => "对外公开总数量",
            (ProactiveColumn::PriorItems, _) => "上一年项目数量",
            (ProactiveColumn::Delta, _) => "本年增/减",
            (ProactiveColumn::Decisions, Edition::E2019) => "处理决定数量",
            (ProactiveColumn::Decisions, Edition::E2021) => "本年处理决定数量",
            (ProactiveColumn::Projects, _) => "采购项目数量",
            (ProactiveColumn::Amount, Edition::E2019) => "采购总金额",
            (ProactiveColumn::Amount, Edition::E2021) => "本年收费金额（单位：万元）",
            (ProactiveColumn::Issued, _) => "本年制发件数",
            (ProactiveColumn::Repealed, _) => "本年废止件数",
            (ProactiveColumn::InForce, _) => "现行有效件数",
        }
    }

    /// What the column holds.
    ///
    /// ```
    /// use ogi_report::{ProactiveColumn, ValueKind};
    /// assert_eq!(ProactiveColumn::InForce.kind(), ValueKind::Count);
    /// assert_eq!(ProactiveColumn::Amount.kind(), ValueKind::Money);
    /// ```
    #[must_use]
    pub const fn kind(self) -> ValueKind {
        match self {
            ProactiveColumn::Delta => ValueKind::Delta,
            ProactiveColumn::Amount => ValueKind::Money,
            _ => ValueKind::Count,
        }
    }
}

coded_enum! {
    /// A group of outcome rows in 表三, printed as a label cell spanning its items.
    ///
    /// ```
    /// use ogi_report::{OutcomeGroup, RequestRow};
    /// assert_eq!(RequestRow::NeedsCreation.group(), Some(OutcomeGroup::Unavailable));
    /// ```
    #[non_exhaustive]
    pub enum OutcomeGroup {
        /// （三）不予公开.
        Withheld => "withheld",
        /// （四）无法提供.
        Unavailable => "unavailable",
        /// （五）不予处理.
        NotProcessed => "not_processed",
        /// （六）其他处理 (a group only in the 2021 edition).
        OtherHandling => "other_handling",
    }
}

impl OutcomeGroup {
    /// The printed group label.
    ///
    /// ```
    /// assert_eq!(ogi_report::OutcomeGroup::Withheld.label(), "（三）不予公开");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            OutcomeGroup::Withheld => "（三）不予公开",
            OutcomeGroup::Unavailable => "（四）无法提供",
            OutcomeGroup::NotProcessed => "（五）不予处理",
            OutcomeGroup::OtherHandling => "（六）其他处理",
        }
    }
}

coded_enum! {
    /// A row of 表三 (收到和处理政府信息公开申请情况), across both editions.
    ///
    /// ```
    /// use ogi_report::{Edition, RequestRow};
    /// assert_eq!(RequestRow::StateSecret.code(), "withheld.state_secret");
    /// assert_eq!(RequestRow::StateSecret.label(), "1.属于国家秘密");
    /// assert_eq!(RequestRow::rows(Edition::E2019).len(), 23);
    /// assert_eq!(RequestRow::outcomes(Edition::E2021).len(), 21);
    /// ```
    #[non_exhaustive]
    pub enum RequestRow {
        /// 一、本年新收政府信息公开申请数量.
        New => "new",
        /// 二、上年结转政府信息公开申请数量.
        CarriedOver => "carried_over",
        /// （一）予以公开.
        Disclosed => "disclosed",
        /// （二）部分公开.
        PartlyDisclosed => "partly_disclosed",
        /// （三）1.属于国家秘密.
        StateSecret => "withheld.state_secret",
        /// （三）2.其他法律行政法规禁止公开.
        ProhibitedByLaw => "withheld.prohibited_by_law",
        /// （三）3.危及“三安全一稳定”.
        SecurityStability => "withheld.security_stability",
        /// （三）4.保护第三方合法权益.
        ThirdParty => "withheld.third_party",
        /// （三）5.属于三类内部事务信息.
        InternalAffairs => "withheld.internal_affairs",
        /// （三）6.属于四类过程性信息.
        ProcessInfo => "withheld.process_info",
        /// （三）7.属于行政执法案卷.
        EnforcementFile => "withheld.enforcement_file",
        /// （三）8.属于行政查询事项.
        AdminQuery => "withheld.admin_query",
        /// （四）1.本机关不掌握相关政府信息.
        NotHeld => "unavailable.not_held",
        /// （四）2.没有现成信息需要另行制作.
        NeedsCreation => "unavailable.needs_creation",
        /// （四）3.补正后申请内容仍不明确.
        StillUnclear => "unavailable.still_unclear",
        /// （五）1.信访举报投诉类申请.
        Petition => "not_processed.petition",
        /// （五）2.重复申请.
        Repeated => "not_processed.repeated",
        /// （五）3.要求提供公开出版物.
        Publication => "not_processed.publication",
        /// （五）4.无正当理由大量反复申请.
        Excessive => "not_processed.excessive",
        /// （五）5.要求行政机关确认或重新出具已获取信息.
        Confirmation => "not_processed.confirmation",
        /// （六）其他处理, one row (2019 edition).
        OtherHandling => "other_handling",
        /// （六）1.申请人无正当理由逾期不补正… (2021 edition).
        NoCorrection => "other_handling.no_correction",
        /// （六）2.申请人逾期未按收费通知要求缴纳费用… (2021 edition).
        UnpaidFee => "other_handling.unpaid_fee",
        /// （六）3.其他 (2021 edition).
        OtherHandlingOther => "other_handling.other",
        /// （七）总计, the total of the outcome rows.
        ResultsTotal => "results_total",
        /// 四、结转下年度继续办理.
        CarriedForward => "carried_forward",
    }
}

impl RequestRow {
    /// The group label printed across the outcome rows of 表三.
    ///
    /// ```
    /// assert!(ogi_report::RequestRow::RESULTS_LABEL.starts_with("三、"));
    /// ```
    pub const RESULTS_LABEL: &'static str = "三、本年度办理结果";

    /// The 勾稽关系 note printed in the corner cell of 表三, above the row labels.
    ///
    /// ```
    /// assert!(ogi_report::RequestRow::NOTE.contains("勾稽关系"));
    /// ```
    pub const NOTE: &'static str =
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// The group label cell the row is printed under, if any.
    ///
    /// ```
    /// use ogi_report::{OutcomeGroup, RequestRow};
    /// assert_eq!(RequestRow::UnpaidFee.group(), Some(OutcomeGroup::OtherHandling));
    /// assert_eq!(RequestRow::OtherHandling.group(), None);
    /// ```
    #[must_use]
    pub const fn group(self) -> Option<OutcomeGroup> {
        use RequestRow as R;
        match self {
            R::StateSecret
            | R::ProhibitedByLaw
            | R::SecurityStability
            | R::ThirdParty
            | R::InternalAffairs
            | R::ProcessInfo
            | R::EnforcementFile
            | R::AdminQuery => Some(OutcomeGroup::Withheld),
            R::NotHeld | R::NeedsCreation | R::StillUnclear => Some(OutcomeGroup::Unavailable),
            R::Petition | R::Repeated | R::Publication | R::Excessive | R::Confirmation => {
                Some(OutcomeGroup::NotProcessed)
            }
            R::NoCorrection | R::UnpaidFee | R::OtherHandlingOther => {
                Some(OutcomeGroup::OtherHandling)
            }
            _ => None,
        }
    }

    /// Whether the row is one of the outcomes under 三、本年度办理结果 (not （七）总计).
    ///
    /// ```
    /// use ogi_report::RequestRow;
    /// assert!(RequestRow::Petition.is_outcome());
    /// assert!(!RequestRow::ResultsTotal.is_outcome());
    /// ```
    #[must_use]
    pub const fn is_outcome(self) -> bool {
        !matches!(
            self,
            RequestRow::New
                | RequestRow::CarriedOver
                | RequestRow::ResultsTotal
                | RequestRow::CarriedForward
        )
    }

    /// The printed row label (inside its group, for grouped rows).
    ///
    /// ```
    /// use ogi_report::RequestRow;
    /// assert_eq!(RequestRow::ResultsTotal.label(), "（七）总计");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        use RequestRow as R;
        match self {
            R::New => "一、本年新收政府信息公开申请数量",
            R::CarriedOver => "二、上年结转政府信息公开申请数量",
            R::Disclosed => "（一）予以公开",
            R::PartlyDisclosed => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            R::StateSecret => "1.属于国家秘密",
            R::ProhibitedByLaw => "2.其他法律行政法规禁止公开",
            R::SecurityStability => "3.危及“三安全一稳定”",
            R::ThirdParty => "4.保护第三方合法权益",
            R::InternalAffairs => "5.属于三类内部事务信息",
            R::ProcessInfo => "6.属于四类过程性信息",
            R::EnforcementFile => "7.属于行政执法案卷",
            R::AdminQuery => "8.属于行政查询事项",
            R::NotHeld => "1.本机关不掌握相关政府信息",
            R::NeedsCreation => "2.没有现成信息需要另行制作",
            R::StillUnclear => "3.补正后申请内容仍不明确",
            R::Petition => "1.信访举报投诉类申请",
            R::Repeated => "2.重复申请",
            R::Publication => "3.要求提供公开出版物",
            R::Excessive => "4.无正当理由大量反复申请",
            R::Confirmation => "5.要求行政机关确认或重新出具已获取信息",
            R::OtherHandling => "（六）其他处理",
            R::NoCorrection => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            R::UnpaidFee => {
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
            }
            R::OtherHandlingOther => "3.其他",
            R::ResultsTotal => "（七）总计",
            R::CarriedForward => "四、结转下年度继续办理",
        }
    }
}

coded_enum! {
    /// A column of 表三: the applicant.
    ///
    /// ```
    /// use ogi_report::Applicant;
    /// assert_eq!(Applicant::Commercial.label(), "商业企业");
    /// assert_eq!(Applicant::DETAIL.len(), 6);
    /// ```
    pub enum Applicant {
        /// 自然人.
        NaturalPerson => "natural_person",
        /// 法人或其他组织 · 商业企业.
        Commercial => "commercial",
        /// 法人或其他组织 · 科研机构.
        Research => "research",
        /// 法人或其他组织 · 社会公益组织.
        PublicInterest => "public_interest",
        /// 法人或其他组织 · 法律服务机构.
        LegalServices => "legal_services",
        /// 法人或其他组织 · 其他.
        OtherOrg => "other_org",
        /// 总计.
        Total => "total",
    }
}

impl Applicant {
    /// The label printed over all applicant columns of 表三.
    ///
    /// ```
    /// assert_eq!(ogi_report::Applicant::LABEL, "申请人情况");
    /// ```
    pub const LABEL: &'static str = "申请人情况";

    /// The label printed over the five organisation columns of 表三.
    ///
    /// ```
    /// assert_eq!(ogi_report::Applicant::ORGANISATIONS_LABEL, "法人或其他组织");
    /// ```
    pub const ORGANISATIONS_LABEL: &'static str = "法人或其他组织";

    /// The six applicant columns that add up to 总计.
    ///
    /// ```
    /// use ogi_report::Applicant;
    /// assert!(!Applicant::DETAIL.contains(&Applicant::Total));
    /// ```
    pub const DETAIL: [Applicant; 6] = [
        Applicant::NaturalPerson,
        Applicant::Commercial,
        Applicant::Research,
        Applicant::PublicInterest,
        Applicant::LegalServices,
        Applicant::OtherOrg,
    ];

    /// The printed column label.
    ///
    /// ```
    /// assert_eq!(ogi_report::Applicant::NaturalPerson.label(), "自然人");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Applicant::NaturalPerson => "自然人",
            Applicant::Commercial => "商业企业",
            Applicant::Research => "科研机构",
            Applicant::PublicInterest => "社会公益组织",
            Applicant::LegalServices => "法律服务机构",
            Applicant::OtherOrg => "其他",
            Applicant::Total => "总计",
        }
    }

    /// Whether the column is one of the five 法人或其他组织 columns.
    ///
    /// ```
    /// use ogi_report::Applicant;
    /// assert!(Applicant::LegalServices.is_organisation());
    /// assert!(!Applicant::NaturalPerson.is_organisation());
    /// ```
    #[must_use]
    pub const fn is_organisation(self) -> bool {
        !matches!(self, Applicant::NaturalPerson | Applicant::Total)
    }
}

coded_enum! {
    /// A group of 表四.
    ///
    /// ```
    /// use ogi_report::AppealGroup;
    /// assert_eq!(AppealGroup::SuitDirect.label(), "未经复议直接起诉");
    /// assert_eq!(AppealGroup::SuitDirect.parent_label(), Some("行政诉讼"));
    /// ```
    pub enum AppealGroup {
        /// 行政复议.
        Review => "review",
        /// 行政诉讼 · 未经复议直接起诉.
        SuitDirect => "suit_direct",
        /// 行政诉讼 · 复议后起诉.
        SuitAfterReview => "suit_after_review",
    }
}

impl AppealGroup {
    /// The printed group label.
    ///
    /// ```
    /// assert_eq!(ogi_report::AppealGroup::Review.label(), "行政复议");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            AppealGroup::Review => "行政复议",
            AppealGroup::SuitDirect => "未经复议直接起诉",
            AppealGroup::SuitAfterReview => "复议后起诉",
        }
    }

    /// The label printed above the group (行政诉讼 for both suit groups).
    ///
    /// ```
    /// use ogi_report::AppealGroup;
    /// assert_eq!(AppealGroup::Review.parent_label(), None);
    /// ```
    #[must_use]
    pub const fn parent_label(self) -> Option<&'static str> {
        match self {
            AppealGroup::Review => None,
            AppealGroup::SuitDirect | AppealGroup::SuitAfterReview => Some("行政诉讼"),
        }
    }
}

coded_enum! {
    /// A column of each 表四 group.
    ///
    /// ```
    /// assert_eq!(ogi_report::AppealColumn::Pending.label(), "尚未审结");
    /// ```
    pub enum AppealColumn {
        /// 结果维持.
        Upheld => "upheld",
        /// 结果纠正.
        Corrected => "corrected",
        /// 其他结果.
        Other => "other",
        /// 尚未审结.
        Pending => "pending",
        /// 总计.
        Total => "total",
    }
}

impl AppealColumn {
    /// The four columns that add up to 总计.
    ///
    /// ```
    /// use ogi_report::AppealColumn;
    /// assert!(!AppealColumn::DETAIL.contains(&AppealColumn::Total));
    /// ```
    pub const DETAIL: [AppealColumn; 4] = [
        AppealColumn::Upheld,
        AppealColumn::Corrected,
        AppealColumn::Other,
        AppealColumn::Pending,
    ];

    /// The printed column label.
    ///
    /// ```
    /// assert_eq!(ogi_report::AppealColumn::Upheld.label(), "结果维持");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            AppealColumn::Upheld => "结果维持",
            AppealColumn::Corrected => "结果纠正",
            AppealColumn::Other => "其他结果",
            AppealColumn::Pending => "尚未审结",
            AppealColumn::Total => "总计",
        }
    }
}

/// One cell of a report, addressed by table, row and column; its [`Display`](fmt::Display)
/// and [`FromStr`] use the stable code of `docs/CELLS.md`.
///
/// ```
/// use ogi_report::{Applicant, CellRef, Edition, RequestRow};
///
/// let cell: CellRef = "t3.withheld.state_secret.total".parse()?;
/// assert_eq!(cell, CellRef::Requests(RequestRow::StateSecret, Applicant::Total));
/// assert_eq!(cell.to_string(), "t3.withheld.state_secret.total");
/// assert_eq!(cell.label(Edition::E2019).as_deref(), Some("表三 （三）不予公开 1.属于国家秘密 · 总计"));
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellRef {
    /// A cell of 表二.
    Proactive(ProactiveRow, ProactiveColumn),
    /// A cell of 表三.
    Requests(RequestRow, Applicant),
    /// A cell of 表四.
    Appeals(AppealGroup, AppealColumn),
}

impl CellRef {
    /// The table the cell belongs to.
    ///
    /// ```
    /// use ogi_report::{CellRef, Table};
    /// assert_eq!("t4.review.total".parse::<CellRef>()?.table(), Table::Appeals);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn table(self) -> Table {
        match self {
            CellRef::Proactive(..) => Table::Proactive,
            CellRef::Requests(..) => Table::Requests,
            CellRef::Appeals(..) => Table::Appeals,
        }
    }

    /// What the cell holds.
    ///
    /// ```
    /// use ogi_report::{CellRef, ValueKind};
    /// assert_eq!("t2.procurement.amount".parse::<CellRef>()?.kind(), ValueKind::Money);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub const fn kind(self) -> ValueKind {
        match self {
            CellRef::Proactive(_, c) => c.kind(),
            CellRef::Requests(..) | CellRef::Appeals(..) => ValueKind::Count,
        }
    }

    /// A readable Chinese label in the edition: the table, the row (with its group) and
    /// the column; `None` when the edition has no such cell (its row and column would be
    /// labelled from two layouts that never print them together).
    ///
    /// ```
    /// use ogi_report::{CellRef, Edition};
    /// let cell: CellRef = "t2.normative.in_force".parse()?;
    /// assert_eq!(
    ///     cell.label(Edition::E2021).as_deref(),
    ///     Some("表二 第二十条第（一）项 行政规范性文件 · 现行有效件数")
    /// );
    /// assert_eq!("t2.fees.amount".parse::<CellRef>()?.label(Edition::E2019), None);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn label(self, edition: Edition) -> Option<String> {
        if !self.in_edition(edition) {
            return None;
        }
        Some(match self {
            CellRef::Proactive(r, c) => format!(
                "{} {} {} · {}",
                Table::Proactive.label(),
                r.item().caption(),
                r.label(edition),
                c.label(edition)
            ),
            CellRef::Requests(r, c) => {
                let group = r
                    .group()
                    .map(|g| format!("{} ", g.label()))
                    .unwrap_or_default();
                format!(
                    "{} {group}{} · {}",
                    Table::Requests.label(),
                    r.label(),
                    c.label()
                )
            }
            CellRef::Appeals(g, c) => {
                let parent = g
                    .parent_label()
                    .map(|p| format!("{p} "))
                    .unwrap_or_default();
                format!(
                    "{} {parent}{} · {}",
                    Table::Appeals.label(),
                    g.label(),
                    c.label()
                )
            }
        })
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellRef::Proactive(r, c) => write!(f, "t2.{r}.{c}"),
            CellRef::Requests(r, c) => write!(f, "t3.{r}.{c}"),
            CellRef::Appeals(g, c) => write!(f, "t4.{g}.{c}"),
        }
    }
}

impl FromStr for CellRef {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || UnknownCode::new("cell code", s, Expected::Unlisted);
        let (table, rest) = s.split_once('.').ok_or_else(unknown)?;
        let (row, column) = rest.rsplit_once('.').ok_or_else(unknown)?;
        let cell = match Table::from_code(table).ok_or_else(unknown)? {
            Table::Proactive => {
                let r = ProactiveRow::from_code(row).ok_or_else(unknown)?;
                let c = ProactiveColumn::from_code(column).ok_or_else(unknown)?;
                if !Edition::ALL.iter().any(|&e| r.columns(e).contains(&c)) {
                    return Err(unknown());
                }
                CellRef::Proactive(r, c)
            }
            Table::Requests => CellRef::Requests(
                RequestRow::from_code(row).ok_or_else(unknown)?,
                Applicant::from_code(column).ok_or_else(unknown)?,
            ),
            Table::Appeals => CellRef::Appeals(
                AppealGroup::from_code(row).ok_or_else(unknown)?,
                AppealColumn::from_code(column).ok_or_else(unknown)?,
            ),
        };
        Ok(cell)
    }
}
