//! Forms the corpus does not have: real texts of `tests/fixtures/corpus` (and the 陆河
//! reference page) transformed the way other sites and tools print them (bare page
//! numbers, `-` cells one per line, a blank cell in a crawler's run-together row, other
//! whitespace, wrapped labels, repeated headers, rows out of order …), and small pages
//! written in the styles of the corpus. The rule under test: a number goes into a
//! cell only on evidence. Each test imports its text and asserts that no cell holds a
//! value other than the one printed for it (a blank cell is allowed); a failing test shows
//! a wrong cell.

use ogi_report::{Applicant, CellRef, Edition, ProactiveRow, RequestRow, Table, Value, import};
use serde_json::Value as Json;

use crate::support::corpus::{corpus, norm, request_row, transcribed};

pub fn fixture(folder: &str, file: &str) -> String {
    std::fs::read_to_string(corpus().join(folder).join(file)).expect("a corpus text")
}

/// The cells a transcription gives, with their values (`None`: blank as printed).
pub fn truth(folder: &str) -> Vec<(CellRef, Option<Value>)> {
    let json: Json = serde_json::from_str(&fixture(folder, "extract.json")).expect("JSON");
    let edition = match json["edition"].as_str() {
        Some("2019") => Edition::E2019,
        _ => Edition::E2021,
    };
    transcribed(&json, edition)
}

/// Two cell values the same number: amounts compared by value and unit (not by how the
/// digits are printed).
fn same(a: Option<&Value>, b: Option<&Value>) -> bool {
    match (a, b) {
        (Some(Value::Money(x)), Some(Value::Money(y))) => {
            x.value() == y.value() && x.unit() == y.unit()
        }
        _ => a == b,
    }
}

/// The outcome of one import against the truth.
#[derive(Debug, Default)]
pub struct Outcome {
    pub right: usize,
    pub missing: usize,
    pub wrong: Vec<String>,
    pub panicked: Option<String>,
}

/// Imports `text` and compares every cell of the truth (and every cell imported that the
/// truth does not know of must be blank only where the truth knows the whole table).
pub fn score(text: &str, truth: &[(CellRef, Option<Value>)]) -> Outcome {
    let mut out = Outcome::default();
    let imported = match std::panic::catch_unwind(|| import(text)) {
        Ok(Ok(i)) => i,
        Ok(Err(e)) => {
            out.wrong.push(format!("import error: {e}"));
            return out;
        }
        Err(p) => {
            let msg = p
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            out.panicked = Some(msg);
            return out;
        }
    };
    let report = &imported.report;
    for &(cell, ref want) in truth {
        let got = if report.layout(cell.table()).contains(cell) {
            report.get(cell)
        } else {
            None
        };
        if same(got.as_ref(), want.as_ref()) {
            out.right += 1;
        } else if got.is_none() {
            out.missing += 1;
        } else {
            out.wrong.push(format!(
                "{cell}: imported {} but printed {}",
                got.map_or("blank".into(), |v| v.to_string()),
                want.as_ref().map_or("blank".into(), ToString::to_string)
            ));
        }
    }
    // Cells the truth does not list, in a table it lists: the printed report has them
    // blank (a transcription lists every printed cell of its tables).
    let tables: Vec<Table> = Table::ALL
        .iter()
        .copied()
        .filter(|&t| truth.iter().any(|(c, _)| c.table() == t))
        .collect();
    for (cell, got) in report.cells() {
        if let Some(got) = got {
            if tables.contains(&cell.table()) && !truth.iter().any(|(c, _)| *c == cell) {
                out.wrong
                    .push(format!("{cell}: imported {got} but nothing printed"));
            }
        }
    }
    out
}

/// Asserts that the import of `text` puts no wrong number in a cell and does not panic.
#[track_caller]
pub fn assert_no_wrong(name: &str, text: &str, truth: &[(CellRef, Option<Value>)]) {
    let o = score(text, truth);
    assert!(
        o.panicked.is_none(),
        "{name}: import panicked: {:?}",
        o.panicked
    );
    assert!(
        o.wrong.is_empty(),
        "{name}: {} wrong cell(s) ({} right, {} blank):\n{}",
        o.wrong.len(),
        o.right,
        o.missing,
        o.wrong.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// Texts built from a transcription: its cells printed in other forms.

/// A transcription's tables in printed order: 表二 rows (label, cells), 表三 rows (label,
/// cells), 表四's 15 cells. A blank cell is an empty string.
pub struct Tables {
    pub edition: Edition,
    pub t2: Vec<(String, Vec<String>)>,
    pub t3: Vec<(String, Vec<String>)>,
    pub t4: Vec<String>,
}

fn cell_text(v: &Json) -> String {
    v.as_str().unwrap_or("").to_owned()
}

pub fn tables(folder: &str) -> Tables {
    let json: Json = serde_json::from_str(&fixture(folder, "extract.json")).expect("JSON");
    let edition = match json["edition"].as_str() {
        Some("2019") => Edition::E2019,
        _ => Edition::E2021,
    };
    let mut t2 = Vec::new();
    if let Some(s2) = json["section2"].as_object() {
        for &row in ProactiveRow::rows(edition) {
            let Some((label, cols)) = s2
                .iter()
                .find(|(k, _)| Edition::ALL.iter().any(|&e| norm(row.label(e)) == norm(k)))
            else {
                continue;
            };
            let cols = cols.as_object().expect("columns");
            let cells = row
                .columns(edition)
                .iter()
                .map(|c| {
                    cols.iter()
                        .find(|(k, _)| norm(k).starts_with(&norm(c.label(edition))))
                        .map_or(String::new(), |(_, v)| cell_text(v))
                })
                .collect();
            t2.push((label.replace(' ', ""), cells));
        }
    }
    let mut t3 = Vec::new();
    if let Some(rows) = json["section3"]["rows"].as_object() {
        let mut keyed: Vec<(usize, String, Vec<String>)> = rows
            .iter()
            .map(|(k, v)| {
                let r = request_row(k);
                let at = RequestRow::ALL.iter().position(|&x| x == r).unwrap();
                let cells = v.as_array().unwrap().iter().map(cell_text).collect();
                (at, k.replace(' ', ""), cells)
            })
            .collect();
        keyed.sort_by_key(|k| k.0);
        t3 = keyed.into_iter().map(|(_, k, v)| (k, v)).collect();
    }
    let t4 = json["section4"]["values"]
        .as_array()
        .map(|a| a.iter().map(cell_text).collect())
        .unwrap_or_default();
    Tables {
        edition,
        t2,
        t3,
        t4,
    }
}

/// The group labels a 表三 printed as one label per row prints before a row.
fn group_label_before(label: &str, edition: Edition) -> Option<&'static str> {
    let n = norm(label);
    if n.starts_with("(一)予以公开") {
        Some("三、本年度办理结果")
    } else if n.starts_with("1.属于国家秘密") {
        Some("（三）不予公开")
    } else if n.starts_with("1.本机关不掌握") {
        Some("（四）无法提供")
    } else if n.starts_with("1.信访举报") {
        Some("（五）不予处理")
    } else if n.starts_with("1.申请人无正当理由") && edition == Edition::E2021 {
        Some("（六）其他处理")
    } else {
        None
    }
}

pub const T2_CAPTIONS_2021: [(&str, &str, &str); 4] = [
    (
        "规章",
        "第二十条第（一）项",
        "信息内容本年制发件数本年废止件数现行有效件数",
    ),
    ("行政许可", "第二十条第（五）项", "信息内容本年处理决定数量"),
    ("行政处罚", "第二十条第（六）项", "信息内容本年处理决定数量"),
    (
        "行政事业性收费",
        "第二十条第（八）项",
        "信息内容本年收费金额（单位：万元）",
    ),
];

#[allow(dead_code, reason = "used by `crawler_2021`")]
pub const T3_HEADER: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他";
#[allow(dead_code, reason = "used by `crawler_2021`")]
pub const T4_HEADER: &str = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

/// (Not used by a test: the 淮安 2024 cells in this form read without a wrong cell but
/// take about 6 s in a debug build. Kept to reproduce that.)
///
/// The tables as a web archive crawler prints a 2021-edition page with all spacing gone
/// (the form of `crawler-pingtan-zone-govt-2021`): one long line, each label glued to its
/// cells, the cells run together. The rest of the page is the 平潭 2021 page's.
#[allow(dead_code, reason = "kept to reproduce the slow case")]
pub fn crawler_2021(t: &Tables) -> String {
    let page = fixture("crawler-pingtan-zone-govt-2021", "source.txt");
    let a = page.find("二、主动公开政府信息情况").unwrap();
    let b = page.find("五、存在的主要问题").unwrap();
    let mut mid = String::from("二、主动公开政府信息情况 ");
    for (label, cells) in &t.t2 {
        if let Some((_, cap, head)) = T2_CAPTIONS_2021.iter().find(|c| c.0 == label) {
            mid.push_str(cap);
            mid.push_str(head);
        }
        mid.push_str(label);
        mid.push_str(&cells.concat());
    }
    mid.push_str("三、收到和处理政府信息公开申请情况");
    mid.push_str(T3_HEADER);
    for (label, cells) in &t.t3 {
        if let Some(g) = group_label_before(label, t.edition) {
            mid.push_str(g);
        }
        mid.push_str(label);
        mid.push_str(&cells.concat());
    }
    mid.push_str(" 四、政府信息公开行政复议、行政诉讼情况 ");
    mid.push_str(T4_HEADER);
    mid.push_str(&t.t4.concat());
    format!("{}{mid}{}", &page[..a], &page[b..])
}

/// The tables as a PDF text layer prints them on lines of their own (`label c c c`,
/// cells separated by `sep`), with the 2021 captions and headers, inside the 淮安 2024
/// page (pdfplumber text).
pub fn lines_page(t: &Tables, sep: &str, edit: impl Fn(&mut Vec<String>)) -> String {
    let page = fixture("full-huaian-city-govt-2024", "source.txt");
    let a = page.find("二、主动公开政府信息情况").unwrap();
    let b = page.find("五、存在的主要问题").unwrap();
    let mut out: Vec<String> = vec!["二、主动公开政府信息情况".into()];
    let row = |label: &str, cells: &[String]| {
        let mut l = label.to_owned();
        for c in cells {
            l.push_str(sep);
            l.push_str(c);
        }
        l
    };
    for (label, cells) in &t.t2 {
        if let Some((_, cap, head)) = T2_CAPTIONS_2021.iter().find(|c| c.0 == label) {
            out.push((*cap).into());
            out.push(head.replacen("信息内容", "信息内容 ", 1));
        }
        out.push(row(label, cells));
    }
    out.push("三、收到和处理政府信息公开申请情况".into());
    out.push("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".into());
    out.push("申请人情况".into());
    out.push("自然人 法人或其他组织 总计".into());
    out.push("商业企业 科研机构 社会公益组织 法律服务机构 其他".into());
    for (label, cells) in &t.t3 {
        if let Some(g) = group_label_before(label, t.edition) {
            out.push(g.into());
        }
        out.push(row(label, cells));
    }
    out.push("四、政府信息公开行政复议、行政诉讼情况".into());
    out.push("行政复议 行政诉讼".into());
    out.push("未经复议直接起诉 复议后起诉".into());
    out.push("结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计".into());
    out.push(t.t4.join(sep));
    edit(&mut out);
    format!("{}{}\n{}", &page[..a], out.join("\n"), &page[b..])
}

/// The tables as a browser's copy of a web page prints them: the label on a line, then
/// one cell per line (a blank cell an empty line), each line followed by `gap` empty
/// lines; inside the 淮安 2024 page.
pub fn cells_page(t: &Tables, gap: usize, edit: impl Fn(&mut Vec<String>)) -> String {
    let page = fixture("full-huaian-city-govt-2024", "source.txt");
    let a = page.find("二、主动公开政府信息情况").unwrap();
    let b = page.find("五、存在的主要问题").unwrap();
    let mut out: Vec<String> = vec!["二、主动公开政府信息情况".into()];
    for (label, cells) in &t.t2 {
        if let Some((_, cap, head)) = T2_CAPTIONS_2021.iter().find(|c| c.0 == label) {
            out.push((*cap).into());
            out.push("信息内容".into());
            out.extend(
                head.trim_start_matches("信息内容")
                    .split_inclusive(['数', '）'])
                    .map(str::to_owned)
                    .filter(|h| !h.is_empty()),
            );
        }
        out.push(label.clone());
        out.extend(cells.iter().cloned());
    }
    out.push("三、收到和处理政府信息公开申请情况".into());
    for h in [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        out.push(h.into());
    }
    for (label, cells) in &t.t3 {
        if let Some(g) = group_label_before(label, t.edition) {
            out.push(g.into());
        }
        out.push(label.clone());
        out.extend(cells.iter().cloned());
    }
    out.push("四、政府信息公开行政复议、行政诉讼情况".into());
    for h in [
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ] {
        out.push(h.into());
    }
    for _ in 0..2 {
        for h in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            out.push(h.into());
        }
    }
    out.extend(t.t4.iter().cloned());
    edit(&mut out);
    let sep = "\n".repeat(gap + 1);
    format!("{}{}{sep}{}", &page[..a], out.join(&sep), &page[b..])
}

/// How a Markdown converter prints 表三's label cells.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum MdLabels {
    /// One label column: the row's own label.
    One,
    /// Three label columns (三、本年度办理结果 / the group / the row), merged cells empty.
    ThreeMerged,
    /// Three label columns, merged cells repeated on every row they span.
    ThreeRepeated,
}

fn md_row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

/// The tables as Markdown pipe tables (a converter's output), inside the 淮安 2024 page.
#[allow(clippy::too_many_lines, reason = "one table after another")]
pub fn markdown_page(
    t: &Tables,
    labels: MdLabels,
    blank: &str,
    edit: impl Fn(&mut Vec<String>),
) -> String {
    let page = fixture("full-huaian-city-govt-2024", "source.txt");
    let a = page.find("二、主动公开政府信息情况").unwrap();
    let b = page.find("五、存在的主要问题").unwrap();
    let cell = |c: &String| {
        if c.is_empty() {
            blank.to_owned()
        } else {
            c.clone()
        }
    };
    let mut out: Vec<String> = vec!["二、主动公开政府信息情况".into(), String::new()];
    for (label, cells) in &t.t2 {
        if let Some((_, cap, head)) = T2_CAPTIONS_2021.iter().find(|c| c.0 == label) {
            out.push(String::new());
            let heads: Vec<String> = std::iter::once("信息内容".to_owned())
                .chain(
                    head.trim_start_matches("信息内容")
                        .split_inclusive(['数', '）'])
                        .map(String::from),
                )
                .collect();
            out.push(md_row(&[(*cap).to_owned()]));
            out.push(md_row(&vec!["---".to_owned(); 1]));
            out.push(md_row(&heads));
        }
        let mut row = vec![label.clone()];
        row.extend(cells.iter().map(cell));
        out.push(md_row(&row));
    }
    out.push(String::new());
    out.push("三、收到和处理政府信息公开申请情况".into());
    out.push(String::new());
    let nl = if labels == MdLabels::One { 1 } else { 3 };
    let mut head =
        vec!["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_owned()];
    head.extend(std::iter::repeat_n(String::new(), nl - 1));
    head.extend(
        [
            "自然人",
            "商业企业",
            "科研机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ]
        .map(String::from),
    );
    out.push(md_row(&head));
    out.push(md_row(&vec!["---".to_owned(); nl + 7]));
    let mut group = String::new();
    for (label, cells) in &t.t3 {
        if let Some(g) = group_label_before(label, t.edition) {
            if !g.starts_with("三") {
                g.clone_into(&mut group);
            }
        }
        let n = norm(label);
        let in_results = !(n.starts_with("一.") || n.starts_with("二.") || n.starts_with("四."));
        let numbered = n.starts_with(|c: char| c.is_ascii_digit());
        let mut row: Vec<String> = match labels {
            MdLabels::One => vec![label.clone()],
            MdLabels::ThreeMerged | MdLabels::ThreeRepeated => {
                let first_of_group = group_label_before(label, t.edition).is_some();
                let show = |s: &str, first: bool| {
                    if labels == MdLabels::ThreeRepeated || first {
                        s.to_owned()
                    } else {
                        String::new()
                    }
                };
                if !in_results {
                    vec![label.clone(), label.clone(), label.clone()]
                } else if numbered {
                    vec![
                        show("三、本年度办理结果", false),
                        show(&group, first_of_group),
                        label.clone(),
                    ]
                } else {
                    let first = n.starts_with("(一)");
                    vec![
                        show("三、本年度办理结果", first),
                        label.clone(),
                        label.clone(),
                    ]
                }
            }
        };
        row.extend(cells.iter().map(cell));
        out.push(md_row(&row));
    }
    out.push(String::new());
    out.push("四、政府信息公开行政复议、行政诉讼情况".into());
    out.push(String::new());
    let mut h1 = vec!["行政复议".to_owned()];
    h1.extend(std::iter::repeat_n(String::new(), 4));
    h1.push("行政诉讼".into());
    h1.extend(std::iter::repeat_n(String::new(), 9));
    out.push(md_row(&h1));
    out.push(md_row(&vec!["---".to_owned(); 15]));
    let mut h2 = vec![String::new(); 5];
    h2.push("未经复议直接起诉".into());
    h2.extend(std::iter::repeat_n(String::new(), 4));
    h2.push("复议后起诉".into());
    h2.extend(std::iter::repeat_n(String::new(), 4));
    out.push(md_row(&h2));
    let h3: Vec<String> = (0..3)
        .flat_map(|_| ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
        .map(String::from)
        .collect();
    out.push(md_row(&h3));
    out.push(md_row(&t.t4.iter().map(cell).collect::<Vec<_>>()));
    out.push(String::new());
    edit(&mut out);
    format!("{}{}\n{}", &page[..a], out.join("\n"), &page[b..])
}

/// The truth with the cells named by their codes printed blank.
fn blanked(
    mut truth: Vec<(CellRef, Option<Value>)>,
    codes: &[&str],
) -> Vec<(CellRef, Option<Value>)> {
    for (cell, value) in &mut truth {
        if codes.contains(&cell.to_string().as_str()) {
            *value = None;
        }
    }
    truth
}

/// `pdftotext` in its default mode on a PDF whose footer is the bare page number (`2`, not
/// `- 2 -`): the 洪泽 2024 text prints `行政许可`, then the footer of page 2, then the
/// header `本年处理决定数量`, then its value `9487`. The footer line is read as the row's
/// one cell, so 行政许可 gets 2.
#[test]
fn pdftotext_bare_page_number_after_a_label() {
    let folder = "full-hongze-district-govt-2024";
    let text = fixture(folder, "pdftotext.txt").replace("\n-2-\n", "\n2\n");
    assert_no_wrong("pdftotext, bare page number", &text, &truth(folder));
}

/// A PDF text layer (pdfplumber) with bare page numbers and a 表二 row left blank: the
/// page number between two rows placed by their labels is taken, by order, as the blank
/// row's one cell (行政处罚 = 3).
#[test]
fn pdf_text_bare_page_number_fills_a_blank_row() {
    let folder = "full-huaian-city-govt-2024";
    let text = fixture(folder, "source.txt")
        .replace("\n- 3 -\n", "\n3\n")
        .replace("\n- 4 -\n", "\n4\n")
        .replace("行政处罚 3985758", "行政处罚");
    let truth = blanked(truth(folder), &["t2.penalty.decisions"]);
    assert_no_wrong("pdf text, blank 行政处罚 before page number", &text, &truth);
}

/// The same with the last row of 表二 (行政事业性收费, often left blank) and the page
/// number printed after it, before 三's heading: 行政事业性收费 = 4万元.
#[test]
fn pdf_text_bare_page_number_after_a_blank_last_row() {
    let folder = "full-huaian-city-govt-2024";
    let text =
        fixture(folder, "source.txt").replace("行政事业性收费 96171.6\n", "行政事业性收费\n4\n");
    let truth = blanked(truth(folder), &["t2.fees.amount"]);
    assert_no_wrong(
        "pdf text, blank 行政事业性收费 then page number",
        &text,
        &truth,
    );
}

/// A converter's one cell per line with pipes (the 汉阳 2022 page) printing `-` for its
/// zero cells: `- |` is read as a Markdown rule line and dropped, and the padding pipes
/// after the row's last cell (`8 | |||||||||`) make up the count, so 表三 row 一 reads
/// 8 8 _ _ _ _ _: 商业企业 = 8 (printed `-`).
#[test]
fn converter_cells_printed_as_dash_pipe() {
    let folder = "06-wuhan-hanyang-govoffice-2022";
    let text = fixture(folder, "source.txt")
        .replace("\n0 |\n", "\n- |\n")
        .replace("\n0 |\n", "\n- |\n");
    assert_no_wrong("converter, `- |` cells", &text, &truth(folder));
}

/// The minimal form of the case above.
#[test]
fn converter_dash_pipe_minimal() {
    let text = "\
某某局2022年政府信息公开工作年度报告
一、总体情况
本年度依申请公开8件。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
|
(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和) |
申请人情况 | |||||||||||||||
|
自然人 |
法人或其他组织 |
总计 | ||||||||||||||
|
商业 企业 |
科研 机构 |
社会公益组织 |
法律服务机构 |
其他 | ||||||||||||
|
一、本年新收政府信息公开申请数量 |
8 |
- |
- |
- |
- |
- |
8 | |||||||||
";
    let imported = import(text).expect("imports");
    let got = |c: Applicant| imported.report.get(CellRef::Requests(RequestRow::New, c));
    assert_eq!(got(Applicant::NaturalPerson), Some(Value::Count(8)));
    assert_eq!(got(Applicant::Commercial), None, "商业企业 is printed `-`");
}

/// A crawler's text with the spacing gone, one cell left blank (printed as nothing): row
/// 一 of 平潭 2021 without its 总计 prints `6400204`, seven digits for seven cells, one
/// split only — placed though 6+4+0+0+2+0 ≠ 4 (the row's total fails).
#[test]
fn crawler_row_with_a_blank_cell() {
    let folder = "crawler-pingtan-zone-govt-2021";
    let text = fixture(folder, "source.txt").replace(
        "一、本年新收政府信息公开申请数量640020470",
        "一、本年新收政府信息公开申请数量6400204",
    );
    let truth = blanked(truth(folder), &["t3.new.total"]);
    assert_no_wrong("crawler, blank 总计", &text, &truth);
}

/// The same in 表二 of the 2019 edition, which has no identity to check: 平潭 2019's
/// `行政事业性收费350` (35, 0) with 本年增/减 left blank prints `行政事业性收费35`, read as
/// 3 and 5.
#[test]
fn crawler_2019_table_two_row_with_a_blank_cell() {
    let folder = "crawler-pingtan-zone-govt-2019";
    let text = fixture(folder, "source.txt").replace("行政事业性收费350", "行政事业性收费35");
    let truth = blanked(truth(folder), &["t2.fees.delta"]);
    assert_no_wrong("crawler 2019, blank 本年增/减", &text, &truth);
}

/// Forms the importer reads without a wrong cell (kept as a guard): the 淮安 2024 cells
/// printed as PDF text lines (spaces, tabs), as one cell
/// per line (single and double spaced), as Markdown with merged or repeated label
/// columns, and with a header repeated at a page break, a row printed twice with other
/// numbers, subtotal rows for （三）（四）, a remark with numbers between rows, rows in
/// another order, no 总计 column, 表四 on three labelled lines, a label wrapped around its
/// values, two rows printed apart from their labels.
#[test]
#[allow(
    clippy::too_many_lines,
    clippy::many_single_char_names,
    reason = "one form after another, each a few lines"
)]
fn other_forms_of_the_same_report() {
    // (The crawler form of the same cells, `crawler_2021(&t)`, also reads without a wrong
    // cell but takes about 6 s in a debug build, 0.4 s in release: left out.)
    let folder = "full-huaian-city-govt-2024";
    let t = tables(folder);
    let truth = truth(folder);
    let find = |o: &[String], p: &str| o.iter().position(|l| l.starts_with(p)).expect(p);
    let forms: Vec<(&str, String)> = vec![
        ("lines, spaces", lines_page(&t, " ", |_| {})),
        ("lines, tabs", lines_page(&t, "\t", |_| {})),
        (
            "lines, ideographic spaces",
            lines_page(&t, "\u{3000}", |_| {}),
        ),
        ("cells, single spaced", cells_page(&t, 0, |_| {})),
        ("cells, double spaced", cells_page(&t, 1, |_| {})),
        (
            "markdown, merged labels",
            markdown_page(&t, MdLabels::ThreeMerged, "", |_| {}),
        ),
        (
            "markdown, repeated labels",
            markdown_page(&t, MdLabels::ThreeRepeated, "-", |_| {}),
        ),
        (
            "header again",
            lines_page(&t, " ", |o| {
                let i = find(o, "8.属于行政查询");
                for (k, h) in [
                    "- 4 -",
                    "申请人情况",
                    "自然人 法人或其他组织 总计",
                    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
                ]
                .iter()
                .enumerate()
                {
                    o.insert(i + 1 + k, (*h).into());
                }
            }),
        ),
        (
            "row twice",
            lines_page(&t, " ", |o| {
                let i = find(o, "（一）予以公开");
                o.insert(i + 1, "（一）予以公开 1 0 0 0 0 0 1".into());
            }),
        ),
        (
            "subtotal rows",
            lines_page(&t, " ", |o| {
                let i = find(o, "（三）不予公开");
                o[i] = "（三）不予公开 9 0 0 0 0 0 9".into();
                let i = find(o, "（四）无法提供");
                o[i] = "（四）无法提供 8 0 0 0 0 0 8".into();
            }),
        ),
        (
            "remark with numbers",
            lines_page(&t, " ", |o| {
                let i = find(o, "（七）总计");
                o.insert(i, "注：本表 2024 年度数据由 12 个部门汇总。".into());
                o.insert(i, "说明 3 5".into());
            }),
        ),
        (
            "rows in another order",
            lines_page(&t, " ", |o| {
                let (i, j) = (find(o, "（一）予以公开"), find(o, "四、结转"));
                o.swap(i, j);
                let (k, m) = (find(o, "一、本年新收"), find(o, "（七）总计"));
                o.swap(k, m);
            }),
        ),
        (
            "no 总计 column",
            lines_page(&t, " ", |o| {
                for l in o.iter_mut() {
                    if l.split(' ').count() == 8 && !l.starts_with(|c: char| c.is_ascii_digit()) {
                        let mut w: Vec<&str> = l.split(' ').collect();
                        w.pop();
                        *l = w.join(" ");
                    }
                }
            }),
        ),
        (
            "表四 on three lines",
            lines_page(&t, " ", |o| {
                let v: Vec<String> = o.pop().unwrap().split(' ').map(String::from).collect();
                o.push(format!("行政复议 {}", v[0..5].join(" ")));
                o.push(format!("未经复议直接起诉 {}", v[5..10].join(" ")));
                o.push(format!("复议后起诉 {}", v[10..15].join(" ")));
            }),
        ),
        (
            "label around its values",
            lines_page(&t, " ", |o| {
                let i = find(o, "2.没有现成信息");
                let cells = o[i].split_once(' ').unwrap().1.to_owned();
                o[i] = "2.没有现成信息需要".into();
                o.insert(i + 1, cells);
                o.insert(i + 2, "另行制作".into());
            }),
        ),
        (
            "rows apart from labels",
            lines_page(&t, " ", |o| {
                for pre in ["2.没有现成信息", "3.补正后"] {
                    let i = find(o, pre);
                    let (label, cells) = o[i]
                        .clone()
                        .split_once(' ')
                        .map(|(a, b)| (a.to_owned(), b.to_owned()))
                        .unwrap();
                    o[i] = cells;
                    o.insert(i, label);
                }
            }),
        ),
    ];
    let mut failures = Vec::new();
    for (name, text) in &forms {
        let o = score(text, &truth);
        if o.panicked.is_some() || !o.wrong.is_empty() {
            failures.push(format!("{name}: {:?} {}", o.panicked, o.wrong.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
