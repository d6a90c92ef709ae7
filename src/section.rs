//! The six sections of a report and the headings the official format prints.

use crate::cell::Table;

/// A section of the report, in printed order: the three texts and the three tables.
///
/// ```
/// use ogi_report::{Section, Table};
/// assert_eq!(Section::Overview.heading(), "一、总体情况");
/// assert_eq!(Section::Requests.heading(), Table::Requests.heading());
/// assert_eq!(Section::ALL.map(Section::table)[3], Some(Table::Appeals));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
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
    /// Every section, in printed order.
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
            Section::Overview | Section::Problems | Section::OtherMatters => None,
        }
    }
}
