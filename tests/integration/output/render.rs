//! The official layout: the HTML page checked structurally (its tables parsed and their grid
//! rebuilt from rowspan/colspan), the plain text and Markdown read back files.

use std::collections::BTreeMap;

use ogi_report::render::{self, CellMark, HtmlOptions};
use ogi_report::{
    AnnualReport, AppealGroup, Applicant, Article20Item, CellRef, Edition, FeeStatement,
    OutcomeGroup, ProactiveRow, RequestRow, Section, Table, TextSpan, validate_narrative,
};
use proptest::prelude::*;

use crate::support::{FIXTURES, distinct, fixture, generate, seed};

#[path = "../../../examples/render.rs"]
mod render_example;

// ---------------------------------------------------------------------------------------
// What the official format prints around each cell, derived here from the format (FORMAT.md
// §2.2–2.4, §3.3–3.5) with the crate's labels.

/// The labels left of a cell (outermost first) and over it (topmost first).
fn expected_labels(cell: CellRef, edition: Edition) -> (Vec<&'static str>, Vec<&'static str>) {
    match cell {
        CellRef::Proactive(r, c) => (
            vec![r.label(edition)],
            vec![r.item().caption(), c.label(edition)],
        ),
        CellRef::Requests(r, c) => {
            let mut row = Vec::new();
            if r.is_outcome() || r == RequestRow::ResultsTotal {
                row.push(RequestRow::RESULTS_LABEL);
            }
            row.extend(r.group().map(OutcomeGroup::label));
            row.push(r.label());
            let mut column = vec![Applicant::LABEL];
            if c.is_organisation() {
                column.push(Applicant::ORGANISATIONS_LABEL);
            }
            column.push(c.label());
            (row, column)
        }
        CellRef::Appeals(g, c) => {
            let mut column: Vec<&str> = g.parent_label().into_iter().collect();
            column.extend([g.label(), c.label()]);
            (Vec::new(), column)
        }
    }
}

fn value_text(report: &AnnualReport, cell: CellRef) -> String {
    report.get(cell).map(|v| v.to_string()).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// HTML

#[derive(Debug, Clone)]
struct HtmlCell {
    header: bool,
    text: String,
    id: Option<String>,
    class: Option<String>,
    rowspan: usize,
    colspan: usize,
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#10;", "\n")
        .replace("&amp;", "&")
}

fn attribute(tag: &tl::HTMLTag<'_>, name: &str) -> Option<String> {
    tag.attributes()
        .get(name)
        .flatten()
        .map(|v| unescape(&v.as_utf8_str()))
}

/// The tables of a page by class, each as rows of cells.
fn tables(page: &str) -> BTreeMap<String, Vec<Vec<HtmlCell>>> {
    let dom = tl::parse(page, tl::ParserOptions::default()).expect("the page parses");
    let parser = dom.parser();
    let mut tables = BTreeMap::new();
    for table in dom.query_selector("table").expect("a selector") {
        let table = table.get(parser).and_then(|n| n.as_tag()).expect("a tag");
        let class = attribute(table, "class").expect("each table has a class");
        let mut rows = Vec::new();
        for tr in table.query_selector(parser, "tr").expect("a selector") {
            let tr = tr.get(parser).and_then(|n| n.as_tag()).expect("a tag");
            let mut cells = Vec::new();
            for child in tr.children().top().iter() {
                let Some(tag) = child.get(parser).and_then(|n| n.as_tag()) else {
                    continue;
                };
                let name = tag.name().as_utf8_str().to_string();
                assert!(name == "th" || name == "td", "a <{name}> in a row");
                let span = |a| attribute(tag, a).map_or(1, |s| s.parse().expect("a span"));
                cells.push(HtmlCell {
                    header: name == "th",
                    text: unescape(&tag.inner_text(parser)),
                    id: attribute(tag, "id"),
                    class: attribute(tag, "class"),
                    rowspan: span("rowspan"),
                    colspan: span("colspan"),
                });
            }
            rows.push(cells);
        }
        assert!(tables.insert(class, rows).is_none(), "one table per class");
    }
    tables
}

/// The grid of a table: for each row and column, the index of the cell that covers it.
fn grid(rows: &[Vec<HtmlCell>]) -> (Vec<Vec<Option<usize>>>, Vec<HtmlCell>) {
    let mut grid: Vec<Vec<Option<usize>>> = vec![Vec::new(); rows.len()];
    let mut cells = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while grid[r].get(c).copied().flatten().is_some() {
                c += 1;
            }
            let index = cells.len();
            cells.push(cell.clone());
            assert!(
                r + cell.rowspan <= rows.len(),
                "a rowspan reaches past the table"
            );
            for (rr, covered) in grid.iter_mut().enumerate().skip(r).take(cell.rowspan) {
                if covered.len() < c + cell.colspan {
                    covered.resize(c + cell.colspan, None);
                }
                for (cc, slot) in covered.iter_mut().enumerate().skip(c).take(cell.colspan) {
                    assert!(slot.is_none(), "two cells overlap at {rr},{cc}");
                    *slot = Some(index);
                }
            }
            c += cell.colspan;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    for (r, row) in grid.iter().enumerate() {
        assert_eq!(row.len(), width, "row {r} is short");
        assert!(row.iter().all(Option::is_some), "row {r} has a hole");
    }
    (grid, cells)
}

/// For each value cell of a table: (labels left, labels over) → (text, id, class).
type Placed = BTreeMap<(Vec<String>, Vec<String>), (String, Option<String>, Option<String>)>;

fn placed(rows: &[Vec<HtmlCell>]) -> Placed {
    let (grid, cells) = grid(rows);
    let is_header_row = |r: usize| grid[r].iter().flatten().all(|&i| cells[i].header);
    let distinct_texts = |indices: &mut dyn Iterator<Item = usize>| {
        let mut seen: Vec<usize> = Vec::new();
        for i in indices {
            if seen.last() != Some(&i) && !seen.contains(&i) {
                seen.push(i);
            }
        }
        seen.into_iter()
            .map(|i| cells[i].text.clone())
            .collect::<Vec<_>>()
    };
    let mut placed = Placed::new();
    for r in 0..grid.len() {
        if is_header_row(r) {
            continue;
        }
        // The run of header rows just above this row's run of data rows.
        let mut top = r;
        while top > 0 && !is_header_row(top - 1) {
            top -= 1;
        }
        let mut first_header = top;
        while first_header > 0 && is_header_row(first_header - 1) {
            first_header -= 1;
        }
        for (c, slot) in grid[r].iter().enumerate() {
            let i = slot.expect("no holes");
            let cell = &cells[i];
            if cell.header || grid[r][..c].contains(&Some(i)) {
                continue;
            }
            let left = distinct_texts(
                &mut grid[r][..c]
                    .iter()
                    .flatten()
                    .copied()
                    .filter(|&j| cells[j].header),
            );
            let over = distinct_texts(&mut (first_header..top).filter_map(|h| grid[h][c]));
            let before = placed.insert(
                (left, over),
                (cell.text.clone(), cell.id.clone(), cell.class.clone()),
            );
            assert!(before.is_none(), "two cells under the same labels");
        }
    }
    placed
}

/// Every cell's value sits where its row labels and column labels meet, and nothing else
/// is in the table.
fn check_html_layout(report: &AnnualReport, page: &str) {
    let edition = report.edition();
    let tables = tables(page);
    for &table in Table::ALL {
        let rows = tables.get(table.code()).expect("the table is on the page");
        let placed = placed(rows);
        assert_eq!(placed.len(), table.cell_count(edition), "{table}");
        for cell in table.cells(edition) {
            let (left, over) = expected_labels(cell, edition);
            let key = (
                left.iter().map(|s| (*s).to_owned()).collect(),
                over.iter().map(|s| (*s).to_owned()).collect(),
            );
            let (text, id, _) = placed
                .get(&key)
                .unwrap_or_else(|| panic!("no cell under {key:?} for {cell}"));
            assert_eq!(*text, value_text(report, cell), "{cell}");
            assert_eq!(id.as_deref(), Some(cell.to_string().as_str()));
        }
    }
    assert_eq!(
        tables.contains_key("fees"),
        report.other_matters().fees.is_some()
    );
}

#[test]
fn html_puts_every_value_under_its_labels_in_both_editions() {
    for report in [
        seed(),
        fixture("hongze_2024.json"),
        distinct(Edition::E2019),
        distinct(Edition::E2021),
    ] {
        check_html_layout(&report, &render::html(&report, &HtmlOptions::new()));
    }
}

#[test]
fn html_merges_the_header_cells_as_printed() {
    for edition in Edition::ALL {
        let report = distinct(edition);
        let tables = tables(&render::html(&report, &HtmlOptions::new()));
        let find = |table: &str, text: &str| {
            tables[table]
                .iter()
                .flatten()
                .find(|c| c.text == text)
                .map_or_else(|| panic!("{text} in {table}"), |c| (c.rowspan, c.colspan))
        };
        assert_eq!(find("t3", RequestRow::NOTE), (3, 3));
        assert_eq!(find("t3", Applicant::LABEL), (1, 7));
        assert_eq!(find("t3", Applicant::ORGANISATIONS_LABEL), (1, 5));
        assert_eq!(find("t3", Applicant::NaturalPerson.label()), (2, 1));
        assert_eq!(find("t3", Applicant::Commercial.label()), (1, 1));
        let results = if edition == Edition::E2019 { 20 } else { 22 };
        assert_eq!(find("t3", RequestRow::RESULTS_LABEL), (results, 1));
        assert_eq!(find("t3", OutcomeGroup::Withheld.label()), (8, 1));
        assert_eq!(find("t3", OutcomeGroup::Unavailable.label()), (3, 1));
        assert_eq!(find("t3", OutcomeGroup::NotProcessed.label()), (5, 1));
        let other = if edition == Edition::E2019 {
            (1, 2)
        } else {
            (3, 1)
        };
        assert_eq!(find("t3", OutcomeGroup::OtherHandling.label()), other);
        assert_eq!(find("t3", RequestRow::ResultsTotal.label()), (1, 2));
        assert_eq!(find("t3", RequestRow::New.label()), (1, 3));
        assert_eq!(find("t4", AppealGroup::Review.label()), (2, 5));
        let suits = AppealGroup::SuitDirect.parent_label().expect("行政诉讼");
        assert_eq!(find("t4", suits), (1, 10));
        assert_eq!(find("t4", AppealGroup::SuitAfterReview.label()), (1, 5));
        assert_eq!(tables["t4"].len(), 4);
        // 表二: per block a caption over the whole width, then 信息内容 and the block's
        // column labels, the last one over the rest of the width.
        let blocks = Article20Item::blocks(edition);
        let t2 = &tables["t2"];
        let widest = 3;
        let mut row = 0;
        for block in blocks {
            assert_eq!(t2[row].len(), 1);
            assert_eq!(
                (t2[row][0].text.as_str(), t2[row][0].colspan),
                (block.caption(), widest + 1)
            );
            let columns = block.rows(edition)[0].columns(edition);
            let header: Vec<(&str, usize)> = t2[row + 1]
                .iter()
                .map(|c| (c.text.as_str(), c.colspan))
                .collect();
            let mut expected = vec![(ProactiveRow::LABEL, 1)];
            for (i, c) in columns.iter().enumerate() {
                let span = if i + 1 == columns.len() {
                    widest - i
                } else {
                    1
                };
                expected.push((c.label(edition), span));
            }
            assert_eq!(header, expected, "{}", block.caption());
            row += 2 + block.rows(edition).len();
        }
        assert_eq!(row, t2.len());
    }
}

#[test]
fn html_is_self_contained_and_escapes_all_text() {
    let report = distinct(Edition::E2021);
    let page = render::html(&report, &HtmlOptions::new());
    for forbidden in [
        "<script", "<link", "src=", "url(", "@import", "http://", "<b>",
    ] {
        assert!(!page.contains(forbidden), "{forbidden}");
    }
    assert!(page.contains("<h1>某市&lt;测试&gt;&amp;局2023年政府信息公开工作年度报告</h1>"));
    assert!(page.contains("（一）主动公开。&lt;b&gt;加粗&lt;/b&gt; &amp; &#39;x&#39;</div>"));
    let headings: Vec<&str> = page
        .lines()
        .filter_map(|l| l.strip_prefix("<h2>")?.strip_suffix("</h2>"))
        .collect();
    assert_eq!(headings, Section::ALL.map(Section::heading));
}

#[test]
fn html_marks_the_cells_with_findings_and_lists_them() {
    let report = seed();
    let new_total: CellRef = "t3.new.total".parse().expect("a code");
    let forward: CellRef = "t3.carried_forward.total".parse().expect("a code");
    let not_2019: CellRef = "t3.other_handling.unpaid_fee.total"
        .parse()
        .expect("a code");
    let options = HtmlOptions::new()
        .mark(CellMark::new(
            "T3-1",
            [new_total, forward],
            "一 + 二 ≠ （七） + 四 <x>",
        ))
        .mark(CellMark::new(
            "T3-3",
            [new_total, not_2019],
            "总计 ≠ 行合计",
        ));
    let page = render::html(&report, &options);
    check_html_layout(&report, &page);
    let placed = placed(&tables(&page)["t3"]);
    let mut marked: Vec<String> = placed
        .values()
        .filter(|(_, _, class)| class.as_deref() == Some("finding"))
        .filter_map(|(_, id, _)| id.clone())
        .collect();
    marked.sort();
    assert_eq!(marked, [forward.to_string(), new_total.to_string()]);
    assert!(page.contains(
        r#"<td id="t3.new.total" class="finding" data-rules="T3-1 T3-3" title="T3-1: 一 + 二 ≠ （七） + 四 &lt;x&gt;&#10;T3-3: 总计 ≠ 行合计">11</td>"#
    ));
    let list = &page[page.find("<section class=\"findings\">").expect("the list")..];
    assert!(list.find("T3-1").expect("first mark") < list.find("T3-3").expect("second mark"));
    assert!(list.contains(r##"<a href="#t3.new.total"><code>t3.new.total</code></a>"##));
    // A cell of the other edition is named, not linked.
    assert!(list.contains(" <code>t3.other_handling.unpaid_fee.total</code></li>"));
    // The list is under the tables: after 表四, before 五.
    let t4 = page.find("<table class=\"t4\">").expect("表四");
    let five = page.find(Section::Problems.heading()).expect("五");
    let at = page.find("<section class=\"findings\">").expect("the list");
    assert!(t4 < at && at < five);
    assert!(!render::html(&report, &HtmlOptions::new()).contains("findings\">"));
}

#[test]
fn html_marks_the_sentence_of_a_narrative_finding_and_links_it() {
    let report = seed();
    let options = HtmlOptions::from_findings(&validate_narrative(&report));
    assert_eq!(options.marks.len(), 1);
    let page = render::html(&report, &options);
    check_html_layout(&report, &page);
    // The sentence of 一 that says 3 applications, where 表三 says 11.
    let sentence = "2020年,按时完成上级交办的“网络问政交办”10件,及时回复县长信箱48件、\
                    及时处理12345投诉平台1953单,收到并在规定时限内回复公众政府信息公开申请3件。";
    let start = report.overview().find(sentence).expect("the sentence");
    let open = format!(
        r#"<mark id="overview-{start}" class="finding" data-rules="narrative.received" title="narrative.received: warning: overview {start}..{}"#,
        start + sentence.len()
    );
    let at = page.find(&open).expect("the sentence is marked");
    let close = at + page[at..].find("</mark>").expect("closed");
    assert!(page[at..close].ends_with(&format!(">{sentence}")));
    // Its cells are marked in 表三 and the list links the sentence.
    assert!(
        page.contains(r#"<td id="t3.new.total" class="finding" data-rules="narrative.received""#)
    );
    assert!(page.contains(&format!(
        r##"<a href="#overview-{start}"><code>overview {start}..{}</code></a>"##,
        start + sentence.len()
    )));
    // Without the mark's tags, section 一 is as the page without marks writes it.
    let open_end = at + page[at..].find('>').expect("the tag ends") + 1;
    let unmarked = format!(
        "{}{}{}",
        &page[..at],
        &page[open_end..close],
        &page[close + 7..]
    );
    let plain = render::html(&report, &HtmlOptions::new());
    let one = |p: &str| -> String {
        let from = p.find("<h2>一、总体情况</h2>").expect("一");
        let to = p.find("<h2>二、").expect("二");
        p[from..to].to_owned()
    };
    assert_eq!(one(&unmarked), one(&plain));
    assert!(!plain.contains("<mark"));
}

#[test]
fn html_merges_overlapping_sentence_marks_and_skips_bad_ranges() {
    let report = seed();
    let span = |start, end| TextSpan::new(Section::Problems, start, end);
    let options = HtmlOptions::new()
        .mark(CellMark::new("A", [], "first").at_sentence(span(0, 12)))
        .mark(CellMark::new("B", [], "second").at_sentence(span(6, 30)))
        // Not on a character boundary: the text is written unmarked.
        .mark(CellMark::new("C", [], "third").at_sentence(span(31, 32)));
    let page = render::html(&report, &options);
    assert_eq!(page.matches("<mark ").count(), 1);
    assert!(page.contains(
        r#"<mark id="problems-0" class="finding" data-rules="A B" title="A: first&#10;B: second">"#
    ));
    // Both list entries link the one mark.
    assert_eq!(page.matches(r##"<a href="#problems-0">"##).count(), 2);
    let problems = report.problems();
    assert!(page.contains(&problems[12..]));
}

// ---------------------------------------------------------------------------------------
// Plain text

/// A line of a table in the plain-text layout, as fields with the display columns each
/// takes (the last field of a line reaches to the end).
fn fields(line: &str) -> Vec<(String, usize, usize)> {
    let width = |s: &str| {
        s.chars()
            .map(|c| {
                if (c as u32) >= 0x2E80 && !matches!(c, '“' | '”') {
                    2
                } else {
                    1
                }
            })
            .sum::<usize>()
    };
    let parts: Vec<&str> = line.split('|').collect();
    let mut at = 0;
    let mut out = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let end = if i + 1 == parts.len() {
            usize::MAX
        } else {
            at + width(part)
        };
        out.push((part.trim().to_owned(), at, end));
        at += width(part) + 1;
    }
    out
}

/// The lines of one section of the plain-text layout.
fn section_lines(text: &str, section: Section) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == section.heading())
        .expect("the heading")
        + 1;
    let end = lines[start..]
        .iter()
        .position(|l| l.is_empty())
        .map_or(lines.len(), |n| start + n);
    lines[start..end].to_vec()
}

/// The display columns of each `|` of a line.
fn separators(line: &str) -> Vec<usize> {
    fields(line).iter().skip(1).map(|f| f.1 - 1).collect()
}

/// Reads a table of the plain-text layout back, as an importer would: label lines (no `|`)
/// are captions or groups (by indentation), header lines label the columns their fields
/// are over, data lines hold a row label (表二, 表三) and the values.
/// Returns (labels left, labels over) → value.
fn read_text_table(lines: &[&str], table: Table) -> BTreeMap<(Vec<String>, Vec<String>), String> {
    let mut cells = BTreeMap::new();
    let mut groups: Vec<String> = Vec::new();
    let mut headers: Vec<Vec<(String, usize, usize)>> = Vec::new();
    let mut pipe_lines = 0;
    for line in lines {
        if !line.contains('|') {
            let indent = line.len() - line.trim_start().len();
            assert_eq!(indent % 2, 0, "{line}");
            groups.truncate(indent / 2);
            groups.push(line.trim().to_owned());
            continue;
        }
        pipe_lines += 1;
        let f = fields(line);
        let header = match table {
            Table::Proactive => f[0].0 == ProactiveRow::LABEL,
            _ => pipe_lines <= 3,
        };
        if header {
            if table == Table::Proactive {
                headers.clear();
            }
            headers.push(f);
            continue;
        }
        let (left, values) = if table == Table::Appeals {
            (Vec::new(), &f[..])
        } else {
            let label = line.split('|').next().unwrap_or_default();
            let indent = label.len() - label.trim_start().len();
            assert_eq!(indent % 2, 0, "{line}");
            let mut left: Vec<String> = match table {
                Table::Proactive => Vec::new(),
                _ => groups[..indent / 2].to_vec(),
            };
            left.push(f[0].0.clone());
            (left, &f[1..])
        };
        for (value, start, end) in values {
            let mut over: Vec<String> = match table {
                Table::Proactive => groups.clone(),
                _ => Vec::new(),
            };
            for header in &headers {
                over.extend(
                    header
                        .iter()
                        .filter(|(label, s, e)| !label.is_empty() && s <= start && end <= e)
                        .map(|(label, ..)| label.clone()),
                );
            }
            let before = cells.insert((left.clone(), over.clone()), value.clone());
            assert!(before.is_none(), "two cells under {left:?} {over:?}");
        }
    }
    cells
}

/// The text of a section as the plain-text layout documents it: between the heading's line
/// break and the `\n\n` before the next heading; 六 to the last line break, or to the
/// `\n\n` before the fee statement's two lines.
fn read_text_section(text: &str, section: Section, fee_lines: bool) -> &str {
    let heading = format!("\n{}\n", section.heading());
    let start = text.find(&heading).expect("the heading") + heading.len();
    let next = Section::ALL.iter().skip_while(|s| **s != section).nth(1);
    if let Some(next) = next {
        let end = text[start..]
            .find(&format!("\n\n{}\n", next.heading()))
            .expect("the next heading");
        return &text[start..start + end];
    }
    let mut end = text.len() - 1;
    if fee_lines {
        let data = text[..end].rfind('\n').expect("the fee data line");
        let header = text[..data].rfind('\n').expect("the fee header line");
        end = header - 1;
    }
    &text[start..end]
}

fn check_text_layout(report: &AnnualReport, text: &str) {
    let edition = report.edition();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], render::title(report));
    let mut meta = 1;
    if let Some(date) = report.published() {
        assert_eq!(lines[1], format!("发布日期：{}", date.format("%Y-%m-%d")));
        meta += 1;
    }
    assert_eq!(lines[meta], format!("机关类型：{}", report.kind().label()));
    assert_eq!(lines[meta + 1], "");
    assert_eq!(lines[meta + 2], Section::Overview.heading());
    let fees = report.other_matters().fees;
    assert_eq!(
        read_text_section(text, Section::Overview, false),
        report.overview()
    );
    assert_eq!(
        read_text_section(text, Section::Problems, false),
        report.problems()
    );
    assert_eq!(
        read_text_section(text, Section::OtherMatters, fees.is_some()),
        report.other_matters().text
    );
    for &table in Table::ALL {
        let section = Section::ALL
            .into_iter()
            .find(|s| s.table() == Some(table))
            .expect("a section");
        let lines = section_lines(text, section);
        assert!(lines.iter().all(|l| !l.ends_with(' ')), "trailing spaces");
        let cells = read_text_table(&lines, table);
        assert_eq!(cells.len(), table.cell_count(edition), "{table}");
        for cell in table.cells(edition) {
            let (left, over) = expected_labels(cell, edition);
            let key = (
                left.iter().map(|s| (*s).to_owned()).collect(),
                over.iter().map(|s| (*s).to_owned()).collect(),
            );
            let value = cells
                .get(&key)
                .unwrap_or_else(|| panic!("no cell under {key:?} for {cell}"));
            assert_eq!(*value, value_text(report, cell), "{cell}");
        }
        // The separators of every line with as many fields line up.
        let mut by_count: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for line in lines.iter().filter(|l| l.contains('|')) {
            let seps = separators(line);
            let expected = by_count.entry(seps.len()).or_insert_with(|| seps.clone());
            assert_eq!(*expected, seps, "{line}");
        }
    }
    if let Some(fees) = fees {
        let last: Vec<&str> = lines[lines.len() - 2..].to_vec();
        let header: Vec<String> = last[0].split('|').map(|f| f.trim().to_owned()).collect();
        let data: Vec<String> = last[1].split('|').map(|f| f.trim().to_owned()).collect();
        assert_eq!(header[0], "");
        assert_eq!(header[1..], FeeStatement::VALUE_LABELS);
        assert_eq!(data[0], FeeStatement::LABEL);
        let values: Vec<String> = fees
            .values()
            .iter()
            .map(|v| v.map(|v| v.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(data[1..], values);
        assert_eq!(separators(last[0]), separators(last[1]));
    }
}

// ---------------------------------------------------------------------------------------
// Markdown

/// The GitHub tables of a Markdown text, each as rows of cells (escapes removed), with the
/// bold caption above it, if any.
fn markdown_tables(md: &str) -> Vec<(Option<String>, Vec<Vec<String>>)> {
    let mut tables = Vec::new();
    let mut caption = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for line in md.lines() {
        if let Some(inner) = line.strip_prefix("| ").and_then(|l| l.strip_suffix(" |")) {
            let cells: Vec<String> = inner
                .split(" | ")
                .map(|c| c.replace('\\', "").trim().to_owned())
                .collect();
            if !cells.iter().all(|c| c == ":--" || c == "--:") {
                rows.push(cells);
            }
            continue;
        }
        if !rows.is_empty() {
            tables.push((caption.take(), std::mem::take(&mut rows)));
        }
        if let Some(bold) = line.strip_prefix("**").and_then(|l| l.strip_suffix("**")) {
            caption = Some(bold.to_owned());
        }
    }
    if !rows.is_empty() {
        tables.push((caption.take(), rows));
    }
    tables
}

fn check_markdown_layout(report: &AnnualReport, md: &str) {
    let edition = report.edition();
    let mut cells: BTreeMap<(String, String), String> = BTreeMap::new();
    for (caption, rows) in markdown_tables(md) {
        let header = &rows[0];
        for row in &rows[1..] {
            assert_eq!(row.len(), header.len());
            // 表二 (under a caption), 表三 (the note in the corner) and the fee statement (an
            // empty corner) have row labels; 表四 has none.
            let labelled =
                caption.is_some() || header[0] == RequestRow::NOTE || header[0].is_empty();
            let (left, start) = if labelled {
                (row[0].clone(), 1)
            } else {
                (String::new(), 0)
            };
            for (value, column) in row[start..].iter().zip(&header[start..]) {
                let over = match &caption {
                    Some(c) => format!("{c} {column}"),
                    None => column.clone(),
                };
                cells.insert((left.clone(), over), value.clone());
            }
        }
    }
    let fees = usize::from(report.other_matters().fees.is_some()) * 3;
    assert_eq!(cells.len(), CellRef::all(edition).count() + fees);
    for cell in CellRef::all(edition) {
        let (left, over) = expected_labels(cell, edition);
        let key = (left.join(" "), over.join(" "));
        let value = cells.get(&key).unwrap_or_else(|| panic!("no cell {key:?}"));
        assert_eq!(*value, value_text(report, cell), "{cell}");
    }
    let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(headings, Section::ALL.map(Section::heading));
}

// ---------------------------------------------------------------------------------------
// The tests

#[test]
fn text_and_markdown_put_every_value_under_its_labels() {
    for report in [
        seed(),
        fixture("hongze_2024.json"),
        distinct(Edition::E2019),
        distinct(Edition::E2021),
    ] {
        check_text_layout(&report, &render::text(&report));
        check_markdown_layout(&report, &render::markdown(&report));
    }
}

#[test]
fn markdown_escapes_text() {
    let md = render::markdown(&distinct(Edition::E2019));
    assert!(md.starts_with("# 某市\\<测试\\>\\&局2023年政府信息公开工作年度报告\n\n发布日期：2024-01-30\n\n## 一、总体情况\n\n一年来……\n\n（一）主动公开。\\<b\\>加粗\\</b\\> \\& 'x'\n\n"));
    assert!(md.contains("## 五、存在的主要问题及改进情况\n\n\\*无\\*\n\n"));
}

/// The committed JSON fixtures stay readable and print back identically: the JSON form is
/// a public format, so a file written by an earlier version must keep its meaning.
#[test]
fn committed_json_fixtures_read_back_identically() {
    for name in ["luhe_2020.json", "hongze_2024.json"] {
        let json = std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("a fixture");
        let report = fixture(name);
        let again = serde_json::to_string_pretty(&report).expect("serialises") + "\n";
        assert_eq!(again, json, "{name}");
    }
    assert_eq!(fixture("luhe_2020.json"), seed());
}

#[test]
fn the_render_example_lays_out_a_json_file() {
    let name = "hongze_2024.json";
    let json = std::fs::read_to_string(format!("{FIXTURES}/{name}")).expect("a fixture");
    let report = fixture(name);
    for format in render_example::FORMATS {
        let out = render_example::layout(format, name, &json).expect("a layout");
        let expected = match format {
            "html" => render::html(&report, &HtmlOptions::new()),
            "markdown" => render::markdown(&report),
            _ => render::text(&report),
        };
        assert_eq!(out, expected);
    }
    assert_eq!(
        render_example::layout("pdf", name, &json),
        Err(r#"unknown format "pdf", expected one of html, markdown, text"#.to_owned())
    );
    let bad = json.replace(r#""year": 2024"#, r#""year": 2018"#);
    assert_eq!(
        render_example::layout("text", name, &bad)
            .map_err(|e| e.split(" at line").next().map(str::to_owned)),
        Err(Some(
            "hongze_2024.json: year: 2018 is not a report year (2019 or later)".to_owned()
        ))
    );
}

proptest! {
    #![proptest_config(crate::support::config(64))]

    #[test]
    fn every_output_places_every_cell(report in generate::report()) {
        check_html_layout(&report, &render::html(&report, &HtmlOptions::new()));
        check_text_layout(&report, &render::text(&report));
        check_markdown_layout(&report, &render::markdown(&report));
    }
}
