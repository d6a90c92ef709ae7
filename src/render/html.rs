//! The official layout as one self-contained HTML page.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{
    BODY_KIND_LABEL, EDITION_LABEL, LabelPath, PUBLISHED_LABEL, Span, appeal_column_path,
    published, request_column_path, request_row_path, spans, title, value_text,
};
use crate::cell::{
    AppealColumn, AppealGroup, Applicant, Article20Item, CellRef, ProactiveRow, RequestRow, Table,
    Value,
};
use crate::claims::TextSpan;
use crate::edition::Edition;
use crate::extras::{Extras, Place};
use crate::layout::RowRef;
use crate::narrative::FeeStatement;
use crate::report::AnnualReport;
use crate::section::Section;
use crate::validate::{Finding, Findings};

/// What [`html`] adds to the official layout.
///
/// ```
/// use ogi_report::render::{CellMark, HtmlOptions};
/// let options = HtmlOptions::new().mark(CellMark::new(
///     "T3-1",
///     ["t3.new.total".parse()?],
///     "一 + 二 ≠ （七） + 四",
/// ));
/// assert_eq!(options.marks.len(), 1);
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// Problems to show where they are: each cell a mark names gets the class `finding`
    /// and a `data-rules` attribute naming the rules, and the marks are listed under the
    /// tables.
    pub marks: Vec<CellMark>,
}

impl HtmlOptions {
    /// No marks: the plain official layout.
    #[must_use]
    pub fn new() -> HtmlOptions {
        HtmlOptions::default()
    }

    /// The options with one more mark.
    #[must_use]
    pub fn mark(mut self, mark: CellMark) -> HtmlOptions {
        self.marks.push(mark);
        self
    }

    /// One mark per finding, on the cells it cites.
    ///
    /// ```
    /// use ogi_report::render::{self, HtmlOptions};
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, Requests};
    /// let t4 = Appeals::from_printed(&["1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"])?;
    /// let report = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::assemble(&RequestDetails::new(Edition::E2021))?)
    ///     .appeals(t4)
    ///     .build()?;
    /// let options = HtmlOptions::from_findings(&ogi_report::validate(&report));
    /// assert_eq!(options.marks[0].rule, "t4.group_total");
    /// assert!(render::html(&report, &options).contains("finding"));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn from_findings(findings: &Findings) -> HtmlOptions {
        HtmlOptions {
            marks: findings.iter().map(CellMark::from).collect(),
        }
    }
}

impl From<&Finding> for CellMark {
    /// The finding's rule id, its cells, and its level and messages (the list of marks
    /// already names the rule and links the cells).
    fn from(finding: &Finding) -> CellMark {
        let message = format!(
            "{}: {} / {}",
            finding.level(),
            finding.message_en(),
            finding.message_zh()
        );
        let mark = CellMark::new(finding.rule().id().to_string(), finding.cells(), message);
        match finding.sentence() {
            Some(span) => mark.at_sentence(span),
            None => mark,
        }
    }
}

/// A problem to mark on the page: the rule that found it, the cells it concerns and a
/// message for the reviewer.
///
/// ```
/// use ogi_report::render::CellMark;
/// let mark = CellMark::new("T4-1", ["t4.review.total".parse()?], "总计 ≠ 结果维持 + …");
/// assert_eq!(mark.cells[0].to_string(), "t4.review.total");
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct CellMark {
    /// The id of the rule.
    pub rule: String,
    /// The cells concerned; cells the report's edition does not have are listed but not
    /// marked.
    pub cells: Vec<CellRef>,
    /// The message shown in the list and as the marked cells' tooltip.
    pub message: String,
    /// A sentence of a text section the mark is about (the findings of the `narrative.*`
    /// rules): it is marked in the section's text, as its cells are in the tables.
    pub sentence: Option<TextSpan>,
}

impl CellMark {
    /// A mark of the cells with the rule's id and a message.
    pub fn new(
        rule: impl Into<String>,
        cells: impl IntoIterator<Item = CellRef>,
        message: impl Into<String>,
    ) -> CellMark {
        CellMark {
            rule: rule.into(),
            cells: cells.into_iter().collect(),
            message: message.into(),
            sentence: None,
        }
    }

    /// The mark, about a sentence of a text section too.
    ///
    /// ```
    /// use ogi_report::render::CellMark;
    /// use ogi_report::{Section, TextSpan};
    /// let mark = CellMark::new("narrative.received", ["t3.new.total".parse()?], "17 ≠ 95")
    ///     .at_sentence(TextSpan::new(Section::Overview, 0, 30));
    /// assert_eq!(mark.sentence.map(|s| s.start), Some(0));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn at_sentence(mut self, span: TextSpan) -> CellMark {
        self.sentence = Some(span);
        self
    }
}

/// The id of a marked sentence on the page: `<section>-<start>`.
fn sentence_id(span: TextSpan) -> impl std::fmt::Display {
    struct Id(TextSpan);
    impl std::fmt::Display for Id {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{}-{}", self.0.section, self.0.start)
        }
    }
    Id(span)
}

/// The generator a page of the crate names in its `<meta name="generator">`, by which
/// the importer knows to read it back exactly.
pub(crate) const GENERATOR: &str = "ogi-report";

/// The classes that mark what a page of the crate prints (and the importer reads back):
/// front-matter lines, a section's text, remarks (paragraphs, rows and inside a cell),
/// extra rows, the fee statement's table.
pub(crate) const CLASS_META: &str = "meta";
pub(crate) const CLASS_TEXT: &str = "text";
pub(crate) const CLASS_REMARK: &str = "remark";
pub(crate) const CLASS_EXTRA: &str = "extra";
pub(crate) const CLASS_FEES: &str = "fees";

/// The heading of the list of marks.
const FINDINGS_HEADING: &str = "检查发现";

const STYLE: &str = "\
body{margin:0 auto;max-width:76em;padding:1.5em 2em;color:#1a1a1a;background:#fff;\
font:15px/1.7 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif}
h1{font-size:1.5em;text-align:center;margin:.4em 0 .2em}
.meta{text-align:center;color:#555;margin:0 0 1.2em}
h2{font-size:1.1em;margin:1.5em 0 .5em}
h3{font-size:1em;margin:.8em 0 .3em}
.text{white-space:pre-wrap}
table{border-collapse:collapse;width:100%;margin:.4em 0 1em;font-size:.9em;line-height:1.45}
th,td{border:1px solid #333;padding:.3em .4em;text-align:center;vertical-align:middle}
th{font-weight:normal;background:#f4f4f4}
th.caption{font-weight:bold;background:#e6e6e6}
th.row{text-align:left;background:#fafafa}
th.note{font-size:.88em}
th.group,.t3 thead th:not(.note),.t4 th{white-space:nowrap}
td{font-variant-numeric:tabular-nums;min-width:2.5em}
td.finding{background:#fde0dc;box-shadow:inset 0 0 0 2px #c62828}
mark.finding{background:#fde0dc;border-bottom:2px solid #c62828;color:inherit}
.findings{border:1px solid #c62828;background:#fff7f6;padding:.2em 1em .6em;margin:1em 0}
.findings .rule{font-weight:bold;color:#c62828;margin-right:.5em}
.findings code{font-size:.9em}
p.remark,tr.remark td{text-align:left;color:#444;font-size:.9em;white-space:pre-wrap}
span.remark{color:#555;font-size:.9em}
tr.extra th{font-style:italic}
";

/// The report as one self-contained HTML page: the title, the six sections with their
/// headings and texts, and 表二, 表三, 表四 laid out as the official format prints them for
/// the report's edition (caption rows, merged header and label cells). Blank cells stay
/// blank; every text is escaped; the page has inline CSS, no script and no link to
/// anything outside it.
///
/// Every value cell has the id of its [`CellRef`] code (`id="t3.new.total"`). Cells named
/// by a [`CellMark`] of the options get `class="finding"`, `data-rules` with the rule ids
/// and the messages as tooltip; the marks are listed under 表四, linking to their cells.
///
/// ```
/// use ogi_report::render::{self, CellMark, HtmlOptions};
/// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests};
///
/// let report = AnnualReport::builder(Edition::E2021, 2024, "某局<测试>", BodyKind::Department)
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::blank(Edition::E2021))
///     .appeals(Appeals::assemble([2, 0, 0, 0], [0; 4], [0; 4])?)
///     .build()?;
/// let options = HtmlOptions::new().mark(CellMark::new("R-1", ["t4.review.upheld".parse()?], "check"));
/// let page = render::html(&report, &options);
/// assert!(page.contains("<title>某局&lt;测试&gt;2024年政府信息公开工作年度报告</title>"));
/// assert!(page.contains(r#"<td id="t4.review.upheld" class="finding" data-rules="R-1" title="R-1: check">2</td>"#));
/// assert!(page.contains(r#"<td id="t3.new.total"></td>"#)); // blank stays blank
/// assert!(!page.contains("<script"));
/// # Ok::<(), ogi_report::Error>(())
/// ```
#[must_use]
pub fn html(report: &AnnualReport, options: &HtmlOptions) -> String {
    let page = Page::new(options, report.edition());
    let mut out = String::with_capacity(48 * 1024);
    let title = title(report);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<meta name=\"generator\" content=\"{GENERATOR}\">");
    out.push_str("<title>");
    escape(&mut out, &title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>");
    escape(&mut out, &title);
    out.push_str("</h1>\n");
    if let Some(date) = published(report) {
        let _ = writeln!(
            out,
            "<p class=\"{CLASS_META}\">{PUBLISHED_LABEL}：{date}</p>"
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"{CLASS_META}\">{BODY_KIND_LABEL}：{}</p>",
        report.kind().label()
    );
    // The edition, when a table is printed in another edition's layout (else the tables
    // show it).
    if Table::ALL
        .iter()
        .any(|&t| report.layout(t).edition() != report.edition())
    {
        let _ = writeln!(
            out,
            "<p class=\"{CLASS_META}\">{EDITION_LABEL}：{}</p>",
            report.edition()
        );
    }
    for section in Section::ALL {
        out.push_str("<h2>");
        escape(&mut out, section.heading());
        out.push_str("</h2>\n");
        match section {
            // The front matter (title, date) is written before the sections.
            Section::Front => {}
            Section::Overview => page.text(&mut out, Section::Overview, report.overview()),
            Section::Proactive => page
                .with(report.proactive().extras())
                .proactive(&mut out, report),
            Section::Requests => page
                .with(report.requests().extras())
                .requests(&mut out, report),
            Section::Appeals => {
                page.with(report.appeals().extras())
                    .appeals(&mut out, report);
                page.findings(&mut out);
            }
            Section::Problems => page.text(&mut out, Section::Problems, report.problems()),
            Section::OtherMatters => {
                let six = report.other_matters();
                page.text(&mut out, Section::OtherMatters, &six.text);
                if let Some(fees) = &six.fees {
                    fee_statement(&mut out, fees);
                }
            }
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Writes text with `&`, `<`, `>`, `"` and `'` escaped, for element content and quoted
/// attribute values alike.
pub(crate) fn escape(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // A carriage return would be read back as a line feed.
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// ` class="finding" data-rules="…" title="…"`: the marks' rule ids, and each mark's rule
/// and message on a line of the tooltip.
fn mark_attributes(out: &mut String, marks: &[&CellMark]) {
    out.push_str(" class=\"finding\" data-rules=\"");
    for (i, mark) in marks.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        escape(out, &mark.rule);
    }
    out.push_str("\" title=\"");
    for (i, mark) in marks.iter().enumerate() {
        if i > 0 {
            out.push_str("&#10;");
        }
        escape(out, &mark.rule);
        out.push_str(": ");
        escape(out, &mark.message);
    }
    out.push('"');
}

/// ` rowspan="…" colspan="…"`, each only when above one.
fn span_attributes(out: &mut String, rowspan: usize, colspan: usize) {
    if rowspan > 1 {
        let _ = write!(out, " rowspan=\"{rowspan}\"");
    }
    if colspan > 1 {
        let _ = write!(out, " colspan=\"{colspan}\"");
    }
}

/// A header or label cell.
fn th(out: &mut String, class: Option<&str>, rowspan: usize, colspan: usize, text: &str) {
    out.push_str("<th");
    if let Some(class) = class {
        let _ = write!(out, " class=\"{class}\"");
    }
    span_attributes(out, rowspan, colspan);
    out.push('>');
    escape(out, text);
    out.push_str("</th>");
}

/// The header rows of a multi-level column header; `corner` is the cell over the label
/// columns, reaching over every header row.
fn header_rows(out: &mut String, spans: &[Span], corner: Option<(&str, usize)>) {
    out.push_str("<thead>\n");
    let levels = spans.iter().map(|s| s.level + s.depth).max().unwrap_or(0);
    for level in 0..levels {
        out.push_str("<tr>");
        if let (0, Some((text, width))) = (level, corner) {
            th(out, Some("note"), levels, width, text);
        }
        for span in spans.iter().filter(|s| s.level == level) {
            th(out, None, span.depth, span.len, span.text);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</thead>\n");
}

fn fee_statement(out: &mut String, fees: &FeeStatement) {
    let _ = write!(out, "<table class=\"{CLASS_FEES}\">\n<tr><th></th>");
    for label in FeeStatement::VALUE_LABELS {
        th(out, None, 1, 1, label);
    }
    out.push_str("</tr>\n<tr>");
    th(out, Some("row"), 1, 1, FeeStatement::LABEL);
    for value in fees.values() {
        out.push_str("<td>");
        escape(out, &value_text(value));
        out.push_str("</td>");
    }
    out.push_str("</tr>\n</table>\n");
}

/// The marks of the options, indexed by cell.
struct Page<'a> {
    edition: Edition,
    marks: &'a [CellMark],
    by_cell: BTreeMap<CellRef, Vec<&'a CellMark>>,
    /// The extras of the table being written.
    extras: std::cell::Cell<Option<&'a Extras>>,
}

impl<'a> Page<'a> {
    fn new(options: &'a HtmlOptions, edition: Edition) -> Page<'a> {
        let mut by_cell: BTreeMap<CellRef, Vec<&CellMark>> = BTreeMap::new();
        for mark in &options.marks {
            for &cell in &mark.cells {
                let marks = by_cell.entry(cell).or_default();
                if !marks.iter().any(|m| std::ptr::eq(*m, mark)) {
                    marks.push(mark);
                }
            }
        }
        Page {
            edition,
            marks: &options.marks,
            by_cell,
            extras: std::cell::Cell::new(None),
        }
    }

    /// A text section, with the sentences of the marks about it marked. A sentence that
    /// overlaps one marked before it joins that one's mark.
    fn text(&self, out: &mut String, section: Section, text: &str) {
        let _ = write!(out, "<div class=\"{CLASS_TEXT}\">");
        let mut at = 0usize;
        for (span, marks) in self.sentences(section) {
            let (start, end) = (span.start as usize, span.end as usize);
            let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
                continue;
            };
            escape(out, before);
            let _ = write!(out, "<mark id=\"{}\"", sentence_id(span));
            mark_attributes(out, &marks);
            out.push('>');
            escape(out, inside);
            out.push_str("</mark>");
            at = end;
        }
        escape(out, text.get(at..).unwrap_or(""));
        out.push_str("</div>\n");
    }

    /// The sentences of a section the marks are about, in order, each with its marks; a
    /// sentence that overlaps one before it is merged into it.
    fn sentences(&self, section: Section) -> Vec<(TextSpan, Vec<&'a CellMark>)> {
        let mut spans: Vec<(TextSpan, &CellMark)> = self
            .marks
            .iter()
            .filter_map(|m| m.sentence.filter(|s| s.section == section).map(|s| (s, m)))
            .filter(|(s, _)| s.start < s.end)
            .collect();
        spans.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
        let mut out: Vec<(TextSpan, Vec<&CellMark>)> = Vec::new();
        for (span, mark) in spans {
            match out.last_mut() {
                Some((last, marks)) if span.start < last.end => {
                    if !marks.iter().any(|m| std::ptr::eq(*m, mark)) {
                        marks.push(mark);
                    }
                }
                _ => out.push((span, vec![mark])),
            }
        }
        out
    }

    /// The id of the marked sentence a mark's sentence is shown in.
    fn sentence_anchor(&self, span: TextSpan) -> TextSpan {
        self.sentences(span.section)
            .into_iter()
            .map(|(s, _)| s)
            .find(|s| s.start <= span.start && span.start < s.end)
            .unwrap_or(span)
    }

    /// The page, to write a table with these extras.
    fn with(&self, extras: &'a Extras) -> &Self {
        self.extras.set(Some(extras));
        self
    }

    /// A value cell, with its id and its marks.
    fn td(&self, out: &mut String, cell: CellRef, value: Option<Value>, colspan: usize) {
        let _ = write!(out, "<td id=\"{cell}\"");
        if let Some(marks) = self.by_cell.get(&cell) {
            mark_attributes(out, marks);
        }
        span_attributes(out, 1, colspan);
        out.push('>');
        escape(out, &value_text(value));
        if let Some(remark) = self.extras.get().and_then(|e| e.cell_remark(cell)) {
            let _ = write!(out, "<span class=\"{CLASS_REMARK}\">");
            escape(out, remark);
            out.push_str("</span>");
        }
        out.push_str("</td>");
    }

    /// The remarks printed above or under a table, as paragraphs.
    fn remarks(&self, out: &mut String, place: Place) {
        for remark in self
            .extras
            .get()
            .into_iter()
            .flat_map(|e| e.remarks_at(place))
        {
            let _ = write!(out, "<p class=\"{CLASS_REMARK}\">");
            escape(out, &remark.text);
            out.push_str("</p>\n");
        }
    }

    /// The extra rows printed at a place inside a table `width` cells wide (labels
    /// included), then the remarks printed after a row (those above and under the table
    /// are paragraphs outside it).
    fn rows_at(&self, out: &mut String, place: Place, width: usize) {
        let Some(extras) = self.extras.get() else {
            return;
        };
        for row in extras.rows_at(place) {
            let _ = write!(out, "<tr class=\"{CLASS_EXTRA}\">");
            th(out, Some("row"), 1, 1, &row.label);
            let cells = row.cells.len().max(1);
            for (i, cell) in row.cells.iter().enumerate() {
                out.push_str("<td");
                let rest = width.saturating_sub(1 + cells);
                span_attributes(out, 1, if i + 1 == cells { 1 + rest } else { 1 });
                out.push('>');
                escape(out, cell);
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        // Remarks above and under the table are paragraphs outside it (`remarks`).
        let inside = matches!(place, Place::After(_));
        for remark in extras.remarks_at(place).filter(|_| inside) {
            let _ = write!(out, "<tr class=\"{CLASS_REMARK}\"><td");
            span_attributes(out, 1, width);
            out.push('>');
            escape(out, &remark.text);
            out.push_str("</td></tr>\n");
        }
    }

    /// 表二: per Article 20 block, a caption row over the whole width, a header row with
    /// 信息内容 and the block's columns, then its rows. A block with fewer columns than the
    /// widest lets its last column take the rest of the width.
    fn proactive(&self, out: &mut String, report: &AnnualReport) {
        let table = report.proactive();
        let edition = table.edition();
        let rows = ProactiveRow::rows(edition);
        let widest = rows
            .iter()
            .map(|r| r.columns(edition).len())
            .max()
            .unwrap_or(0);
        self.remarks(out, Place::Above);
        out.push_str("<table class=\"t2\">\n<tbody>\n");
        self.rows_at(out, Place::Above, widest + 1);
        for &item in Article20Item::blocks(edition) {
            out.push_str("<tr>");
            th(out, Some("caption"), 1, widest + 1, item.caption());
            out.push_str("</tr>\n<tr>");
            th(out, None, 1, 1, ProactiveRow::LABEL);
            let block = item.rows(edition);
            let columns = block.first().map_or(&[][..], |r| r.columns(edition));
            let last = columns.len().saturating_sub(1);
            for (i, column) in columns.iter().enumerate() {
                let colspan = if i == last { widest - last } else { 1 };
                th(out, None, 1, colspan, column.label(edition));
            }
            out.push_str("</tr>\n");
            for &row in block {
                out.push_str("<tr>");
                th(out, Some("row"), 1, 1, row.label(edition));
                let columns = row.columns(edition);
                let last = columns.len().saturating_sub(1);
                for (i, &column) in columns.iter().enumerate() {
                    let colspan = if i == last { widest - last } else { 1 };
                    let cell = CellRef::Proactive(row, column);
                    self.td(out, cell, table.get(row, column), colspan);
                }
                out.push_str("</tr>\n");
                self.rows_at(out, Place::After(RowRef::Proactive(row)), widest + 1);
            }
        }
        self.rows_at(out, Place::Below, widest + 1);
        out.push_str("</tbody>\n</table>\n");
        self.remarks(out, Place::Below);
    }

    /// 表三: the 勾稽关系 note in the corner over the label columns, 申请人情况 over the seven
    /// columns, 法人或其他组织 over its five; the label cells of 三、本年度办理结果 and of the
    /// outcome groups spanning their rows.
    fn requests(&self, out: &mut String, report: &AnnualReport) {
        let table = report.requests();
        let columns: Vec<LabelPath> = Applicant::ALL
            .iter()
            .map(|&c| request_column_path(c))
            .collect();
        let rows = table.rows();
        let paths: Vec<LabelPath> = rows.iter().map(|&r| request_row_path(r)).collect();
        let row_spans = spans(&paths);
        let label_columns = row_spans
            .iter()
            .map(|s| s.level + s.depth)
            .max()
            .unwrap_or(0);
        self.remarks(out, Place::Above);
        out.push_str("<table class=\"t3\">\n");
        header_rows(
            out,
            &spans(&columns),
            Some((RequestRow::NOTE, label_columns)),
        );
        out.push_str("<tbody>\n");
        self.rows_at(out, Place::Above, label_columns + Applicant::ALL.len());
        for (i, &row) in rows.iter().enumerate() {
            out.push_str("<tr>");
            for span in row_spans.iter().filter(|s| s.start == i) {
                let class = if span.len > 1 { "row group" } else { "row" };
                th(out, Some(class), span.len, span.depth, span.text);
            }
            for &column in Applicant::ALL {
                let value = table.get(row, column).map(Value::Count);
                self.td(out, CellRef::Requests(row, column), value, 1);
            }
            out.push_str("</tr>\n");
            let width = label_columns + Applicant::ALL.len();
            self.rows_at(out, Place::After(RowRef::Requests(row)), width);
        }
        self.rows_at(out, Place::Below, label_columns + Applicant::ALL.len());
        out.push_str("</tbody>\n</table>\n");
        self.remarks(out, Place::Below);
    }

    /// 表四: three header rows (行政复议 reaching over two; 行政诉讼 over its two sub-groups;
    /// the fifteen column labels) and one row of cells.
    fn appeals(&self, out: &mut String, report: &AnnualReport) {
        let table = report.appeals();
        let cells = || {
            AppealGroup::ALL
                .iter()
                .flat_map(|&g| AppealColumn::ALL.iter().map(move |&c| (g, c)))
        };
        let columns: Vec<LabelPath> = cells().map(|(g, c)| appeal_column_path(g, c)).collect();
        self.remarks(out, Place::Above);
        out.push_str("<table class=\"t4\">\n");
        header_rows(out, &spans(&columns), None);
        out.push_str("<tbody>\n");
        self.rows_at(out, Place::Above, columns.len());
        out.push_str("<tr>");
        for (group, column) in cells() {
            let value = table.get(group, column).map(Value::Count);
            self.td(out, CellRef::Appeals(group, column), value, 1);
        }
        out.push_str("</tr>\n");
        self.rows_at(out, Place::Below, columns.len());
        out.push_str("</tbody>\n</table>\n");
        self.remarks(out, Place::Below);
    }

    /// The list of marks, each with links to its cells.
    fn findings(&self, out: &mut String) {
        if self.marks.is_empty() {
            return;
        }
        let _ = write!(
            out,
            "<section class=\"findings\">\n<h3>{FINDINGS_HEADING}</h3>\n<ol>\n"
        );
        for mark in self.marks {
            out.push_str("<li><span class=\"rule\">");
            escape(out, &mark.rule);
            out.push_str("</span>");
            escape(out, &mark.message);
            if let Some(span) = mark.sentence {
                let anchor = self.sentence_anchor(span);
                let _ = write!(
                    out,
                    " <a href=\"#{}\"><code>{span}</code></a>",
                    sentence_id(anchor)
                );
            }
            for cell in &mark.cells {
                if cell.in_edition(self.edition) {
                    let _ = write!(out, " <a href=\"#{cell}\"><code>{cell}</code></a>");
                } else {
                    let _ = write!(out, " <code>{cell}</code>");
                }
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ol>\n</section>\n");
    }
}
