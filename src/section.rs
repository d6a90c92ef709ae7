//! The six sections of a report and the headings the official format prints.

use std::fmt;

use crate::cell::Table;

/// What follows the body and the year in a report's title.
pub(crate) const TITLE_SUFFIX: &str = "年政府信息公开工作年度报告";

/// The label of the publication date in the front matter the crate prints.
pub(crate) const PUBLISHED_LABEL: &str = "发布日期";

/// The label of the kind of body in the front matter the crate prints.
pub(crate) const BODY_KIND_LABEL: &str = "机关类型";

/// The label of the report's edition in the front matter the crate's plain-text layout
/// prints when a table departs from the edition's layout.
pub(crate) const EDITION_LABEL: &str = "格式版本";

/// A part of the report, in printed order: the front matter (title, publication date,
/// preamble), then the six sections, three texts and three tables.
///
/// ```
/// use ogi_report::{Section, Table};
/// assert_eq!(Section::Overview.heading(), "一、总体情况");
/// assert_eq!(Section::Requests.heading(), Table::Requests.heading());
/// assert_eq!(Section::ALL.map(Section::table)[3], Some(Table::Appeals));
/// assert_eq!(Section::Requests.to_string(), "t3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Section {
    /// Everything before section 一: the title, the publication date, a preamble.
    Front,
    /// 一、总体情况 (text).
    Overview,
    /// 二、主动公开政府信息情况 (表二).
    Proactive,
    /// 三、收到和处理政府信息公开申请情况 (表三).
    Requests,
    /// 四、政府信息公开行政复议、行政诉讼情况 (表四).
    Appeals,
    /// 五、存在的主要问题及改进情况 (text).
    Problems,
    /// 六、其他需要报告的事项 (text, and in the 2021 edition the fee statement).
    OtherMatters,
}

impl Section {
    /// The six numbered sections, in printed order (without [`Section::Front`]).
    pub const ALL: [Section; 6] = [
        Section::Overview,
        Section::Proactive,
        Section::Requests,
        Section::Appeals,
        Section::Problems,
        Section::OtherMatters,
    ];

    /// The heading as the official format prints it.
    ///
    /// ```
    /// assert_eq!(ogi_report::Section::OtherMatters.heading(), "六、其他需要报告的事项");
    /// ```
    #[must_use]
    pub const fn heading(self) -> &'static str {
        match self {
            Section::Front => "",
            Section::Overview => "一、总体情况",
            Section::Proactive => Table::Proactive.heading(),
            Section::Requests => Table::Requests.heading(),
            Section::Appeals => Table::Appeals.heading(),
            Section::Problems => "五、存在的主要问题及改进情况",
            Section::OtherMatters => "六、其他需要报告的事项",
        }
    }

    /// The table the section holds, `None` for the text sections.
    ///
    /// ```
    /// use ogi_report::Section;
    /// assert_eq!(Section::Problems.table(), None);
    /// ```
    #[must_use]
    pub const fn table(self) -> Option<Table> {
        match self {
            Section::Proactive => Some(Table::Proactive),
            Section::Requests => Some(Table::Requests),
            Section::Appeals => Some(Table::Appeals),
            Section::Front | Section::Overview | Section::Problems | Section::OtherMatters => None,
        }
    }

    /// The section that holds a table.
    ///
    /// ```
    /// use ogi_report::{Section, Table};
    /// assert_eq!(Section::of_table(Table::Proactive), Section::Proactive);
    /// ```
    #[must_use]
    pub const fn of_table(table: Table) -> Section {
        match table {
            Table::Proactive => Section::Proactive,
            Table::Requests => Section::Requests,
            Table::Appeals => Section::Appeals,
        }
    }

    /// A stable code: `front`, `overview`, `t2`, `t3`, `t4`, `problems`, `other_matters`
    /// (the tables' codes for the table sections, the report's JSON keys for the texts).
    ///
    /// ```
    /// assert_eq!(ogi_report::Section::Overview.code(), "overview");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Section::Front => "front",
            Section::Overview => "overview",
            Section::Proactive => Table::Proactive.code(),
            Section::Requests => Table::Requests.code(),
            Section::Appeals => Table::Appeals.code(),
            Section::Problems => "problems",
            Section::OtherMatters => "other_matters",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}
