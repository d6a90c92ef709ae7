//! The official layout of a report for people: an HTML page, Markdown, plain text.
//!
//! Each renderer is a pure function from an [`AnnualReport`] to a `String`; none does I/O.
//! The labels, the order of rows and columns and the merged cells all come from the cell
//! catalogue ([`Table`](crate::Table), [`ProactiveRow`], [`RequestRow`](crate::RequestRow),
//! [`Applicant`](crate::Applicant), [`AppealGroup`](crate::AppealGroup), …), for the
//! report's edition.
//!
//! - [`html`]: one self-contained page (inline CSS, no script, nothing fetched) with the
//!   three tables laid out as the official format prints them, merged cells included;
//!   optionally with the cells that have findings marked ([`HtmlOptions`]).
//! - [`markdown`]: GitHub tables, merged cells flattened into the row and column labels
//!   (the labels of the merged cells joined by a space).
//! - [`text`]: plain text aligned for a terminal, described below.
//!
//! ```
//! use ogi_report::render::{self, HtmlOptions};
//! use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
//!
//! let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
//!     .proactive(Proactive::blank(Edition::E2019))
//!     .requests(Requests::blank(Edition::E2019))
//!     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
//!     .build()?;
//! let page = render::html(&report, &HtmlOptions::new());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("<h1>某局2020年政府信息公开工作年度报告</h1>"));
//! assert!(render::markdown(&report).contains("| 行政复议 结果维持 |"));
//! assert!(render::text(&report).starts_with("某局2020年政府信息公开工作年度报告\n"));
//! # Ok::<(), ogi_report::Error>(())
//! ```
//!
//! # The plain-text layout
//!
//! [`text`] prints a report so that a person can read it in a terminal and a program can
//! read it back. The layout, line by line (every line ends with `\n`):
//!
//! 1. The title, `{body}{year}年政府信息公开工作年度报告` (see [`title`]).
//! 2. `发布日期：YYYY-MM-DD` when the publication date is known; no line otherwise.
//! 3. `机关类型：` followed by the kind of body's [`BodyKind::label`](crate::BodyKind::label).
//! 4. For each of the six sections in order ([`Section::ALL`]): an empty line, then the
//!    heading exactly as [`Section::heading`] gives it, then the section's content:
//!    - 一, 五 and 六: the text byte for byte, then `\n`. So a text is everything between
//!      its heading's line break and the `\n\n` that precedes the next heading line; the
//!      text of 六 runs to the last `\n` of the output, or, when a fee statement follows,
//!      to the `\n\n` before the fee statement's first line. (A text that itself contains a
//!      line equal to a later heading, or a body name with a line break, cannot be told
//!      apart from the layout.)
//!    - 二, 三, 四: the table's lines, described next.
//!    - 六, 2021 edition, when the report states a fee statement: after the text, an empty
//!      line, then two table lines: a header line with an empty label field and the three
//!      [`FeeStatement::VALUE_LABELS`](crate::FeeStatement::VALUE_LABELS), and a data line
//!      with [`FeeStatement::LABEL`](crate::FeeStatement::LABEL) and the three values.
//!
//! A table is a run of non-empty lines of three kinds:
//!
//! - **Label lines** hold no `|`: the 第二十条第（X）项 caption of each 表二 block, and in
//!   表三 the group labels `三、本年度办理结果` and `（三）不予公开`, `（四）无法提供`,
//!   `（五）不予处理` and (2021) `（六）其他处理`, each printed once, before the rows under it.
//! - **Header lines**: fields separated by `|`. 表二: one header line per block, its first
//!   field [`ProactiveRow::LABEL`](crate::ProactiveRow::LABEL) (`信息内容`), then the block's column
//!   labels. 表三: three header lines; the first field of the first is the 勾稽关系 note
//!   ([`RequestRow::NOTE`](crate::RequestRow::NOTE)), then `申请人情况` over all seven columns;
//!   the second has an empty first field, `自然人`, `法人或其他组织` over five columns and
//!   `总计`; the third an empty first field, an empty field under `自然人`, the five
//!   organisation labels and an empty field under `总计`. 表四: three header lines and no
//!   label field: `行政复议` over five columns and `行政诉讼` over ten; then an empty field
//!   over five columns, `未经复议直接起诉` and `复议后起诉` over five each; then the fifteen
//!   column labels. A label over several columns fills their width, so a header line can
//!   have fewer fields than a data line.
//! - **Data lines**: the row label (表二, 表三; 表四 has none), then one field per cell in
//!   the official order. 表二 rows have 3, 2 or 1 cells (as the edition's block has
//!   columns), 表三 rows 7, the one 表四 row 15. A row label may be indented with spaces to
//!   show its group.
//!
//! Fields are separated by `|` with a space on each side, padded with spaces so that the
//! separators of a table line up in a terminal (a CJK character counts two columns; the
//! curly quotes `“”` count one). Trailing spaces are cut, so a line whose last cell is
//! blank ends in `|`. Read a field by splitting on `|` and trimming spaces: no label and
//! no value contains `|`. A blank cell is an empty field, never `0`. A count or change is
//! printed in decimal (a negative change with `-`), an amount as its
//! [`Amount`](crate::Amount) displays, with its printed unit (`251000元`, `7730.28万元`,
//! or no suffix when the report states no unit).
//!
//! ```
//! use ogi_report::{render, AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
//!
//! let report = AnnualReport::builder(Edition::E2021, 2024, "某县人民政府", BodyKind::Government)
//!     .proactive(Proactive::blank(Edition::E2021))
//!     .requests(Requests::blank(Edition::E2021))
//!     .appeals(Appeals::assemble([1, 0, 0, 0], [0; 4], [0; 4])?)
//!     .problems("无。")
//!     .build()?;
//! let text = render::text(&report);
//! assert!(text.starts_with("某县人民政府2024年政府信息公开工作年度报告\n机关类型："));
//! assert!(text.contains("\n\n五、存在的主要问题及改进情况\n无。\n\n六、其他需要报告的事项\n"));
//! let t4 = text.lines().find(|l| l.starts_with("       1 |")).unwrap();
//! assert_eq!(t4.split('|').count(), 15);
//! # Ok::<(), ogi_report::Error>(())
//! ```

pub(crate) mod html;
mod markdown;
mod text;

pub use html::{CellMark, HtmlOptions, html};
pub use markdown::markdown;
pub use text::text;

use crate::cell::Value;
use crate::layout::{
    LabelPath, Span, appeal_column_path, request_column_path, request_row_path, spans,
};
use crate::report::AnnualReport;
pub(crate) use crate::section::{BODY_KIND_LABEL, EDITION_LABEL, PUBLISHED_LABEL, TITLE_SUFFIX};
#[cfg(doc)]
use crate::{cell::ProactiveRow, section::Section};

/// The report's title: `{body}{year}年政府信息公开工作年度报告`.
///
/// ```
/// use ogi_report::{render, AnnualReport, BodyKind, Edition};
/// let report = AnnualReport::blank(Edition::E2019, 2020, "陆河县人民政府", BodyKind::Government)?;
/// assert_eq!(render::title(&report), "陆河县人民政府2020年政府信息公开工作年度报告");
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[must_use]
pub fn title(report: &AnnualReport) -> String {
    format!("{}{}{TITLE_SUFFIX}", report.body(), report.year())
}

/// The publication date as `YYYY-MM-DD`, when known.
fn published(report: &AnnualReport) -> Option<String> {
    report.published().map(|d| d.format("%Y-%m-%d").to_string())
}

/// A cell as printed: the value, or nothing for a blank cell.
fn value_text(value: Option<Value>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The columns a string takes in a terminal: two for wide and full-width characters (CJK
/// ideographs, kana, hangul, full-width forms and punctuation), none for control
/// characters, one for the rest (including the East Asian "ambiguous" ones such as `“`,
/// which most terminals print narrow).
fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let wide = matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD);
    if wide {
        2
    } else {
        usize::from(!c.is_control())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("规章"), 4);
        assert_eq!(display_width("（一）"), 6);
        assert_eq!(display_width("3.危及“三安全一稳定”"), 2 + 16 + 2);
        assert_eq!(display_width("１２"), 4);
        assert_eq!(display_width("本年增/减"), 9);
    }
}
