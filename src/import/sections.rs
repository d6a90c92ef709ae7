//! The six sections: their headings however a page numbers and words them, the text of
//! each, and the metadata printed before section 一 (title, year, publication date).

use std::sync::OnceLock;

use crate::import::lines::{Line, find_year, is_furniture, is_space, normalize_into};
use crate::report::BodyKind;
use crate::section::BODY_KIND_LABEL;
use crate::section::Section;

/// Words one of which a heading numbered `一、` (or `一.`, `一 `) must contain to be this
/// section's: real reports word their headings a little differently.
const fn heading_keys(section: Section) -> &'static [&'static str] {
    match section {
        Section::Front => &[],
        Section::Overview => &["总体情况", "概述", "总体", "基本情况"],
        Section::Proactive => &["主动公开"],
        Section::Requests => &["申请"],
        Section::Appeals => &["复议", "诉讼"],
        Section::Problems => &["问题", "改进"],
        Section::OtherMatters => &["其他", "需要报告"],
    }
}

const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

/// The section a line is the heading of, given the last section found (headings come in
/// order). `buf` is scratch space.
fn heading_of(text: &str, after: usize, buf: &mut String) -> Option<Section> {
    let t = text.trim_matches(|c| is_space(c) || c == '|');
    if t.is_empty() || t.chars().count() > 60 {
        return None;
    }
    buf.clear();
    normalize_into(t, buf);
    let n = buf.as_str();
    let (number, rest, strict) = if let Some(r) = n.strip_prefix('(') {
        let mut chars = r.chars();
        let numeral = chars.next()?;
        let rest = chars.as_str().strip_prefix(')')?;
        (numeral, rest, true)
    } else {
        let mut chars = n.chars();
        let numeral = chars.next()?;
        let rest = chars.as_str();
        match rest.strip_prefix('.') {
            Some(r) => (numeral, r, false),
            // `一总体情况` (a space after the numeral), but not `五是……` in prose.
            None => (numeral, rest, true),
        }
    };
    // A heading worded as the format words it, whatever its number (a report that numbers
    // its own sections and then the tables from 一 again).
    if let Some(section) = official(rest, after) {
        return Some(section);
    }
    let index = NUMERALS.iter().position(|&c| c == number)? + 1;
    if index <= after {
        return None;
    }
    let section = Section::ALL[index - 1];
    let rest = rest.trim_end_matches([':', '：']);
    if rest.contains('。') || rest.chars().count() > 40 {
        return None;
    }
    let matches = if strict {
        // `（一）` also numbers the parts inside sections, and a bare numeral starts
        // prose (`五是……`): only the official wording.
        official_words(section) == rest
    } else {
        heading_keys(section).iter().any(|k| rest.contains(k))
    };
    matches.then_some(section)
}

/// The section after `after` whose heading, without its number, is `rest` (normalised).
fn official(rest: &str, after: usize) -> Option<Section> {
    Section::ALL
        .iter()
        .copied()
        .find(|&s| s as usize > after && official_words(s) == rest)
}

/// A section's heading as the format words it, normalised, without its number.
fn official_words(section: Section) -> &'static str {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        Section::ALL
            .iter()
            .map(|s| {
                let mut official = String::new();
                normalize_into(s.heading(), &mut official);
                official
                    .get(official.find('.').map_or(0, |i| i + 1)..)
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect()
    });
    Section::ALL
        .iter()
        .position(|&s| s == section)
        .and_then(|i| words.get(i))
        .map_or("", String::as_str)
}

/// A section heading found in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Heading {
    pub(crate) section: Section,
    /// Index of the heading's line.
    pub(crate) line: usize,
}

/// The section headings of the text, in order, and where the report starts again when
/// the text prints it a second time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Headings {
    /// The headings of the (first) report.
    pub(crate) found: Vec<Heading>,
    /// The index of the line where the text starts printing the report again, when it
    /// does: nothing from there on is read.
    pub(crate) repeat: Option<usize>,
}

/// The text of a line as headings are compared: without the spaces and pipes around it.
fn heading_text(text: &str) -> &str {
    text.trim_matches(|c| is_space(c) || c == '|')
}

/// The section headings of the text, in order, up to where the report is printed again.
///
/// The report is printed again (a page that repeats it, with or without page furniture
/// between the copies) where, after its first two headings, the line of its first
/// heading is printed again and then the line of its second, each with the same text.
/// The copy starts at that first heading, or earlier where the lines before it repeat the
/// lines before the report's first heading (the title and the front matter). Only the
/// first heading starts a repeat: tables printed twice, or a heading repeated inside its
/// own section, are read as before. Headings with nothing but blank lines between them
/// are a list of contents, not a copy: the report starts where they are printed again.
/// Linear in the text.
pub(crate) fn find_headings(lines: &[Line<'_>]) -> Headings {
    let mut found: Vec<Heading> = Vec::new();
    let mut after = 0;
    let mut buf = String::new();
    // The latest line printing the first heading again, after the second heading.
    let mut again: Option<usize> = None;
    let mut contents_skipped = false;
    // The texts of the first two headings' lines, once both are found.
    let mut texts: Option<(&str, &str)> = None;
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        if let (Some((one, two)), Some(first)) = (texts, found.first()) {
            // Trimming only shortens a line: shorter lines cannot be either heading.
            let text = if line.text.len() < one.len().min(two.len()) {
                ""
            } else {
                heading_text(line.text)
            };
            if let Some(start) = again.filter(|_| text == two) {
                let first = first.line;
                found.retain(|h| h.line < start);
                if !contents_skipped && is_contents(lines, &found, start) {
                    // Read again from the report's first heading (once: linear).
                    contents_skipped = true;
                    (found, after, again, texts, i) = (Vec::new(), 0, None, None, start);
                    continue;
                }
                let repeat = copy_start(lines, &found, first, start);
                return Headings {
                    found,
                    repeat: Some(repeat),
                };
            }
            if text == one {
                again = Some(i);
            }
        }
        if let Some(section) = heading_of(line.text, after, &mut buf) {
            after = section as usize; // 1 to 6 in printed order, 0 for the front matter
            found.push(Heading { section, line: i });
            if let [one, two] = found.as_slice() {
                let text = |h: &Heading| lines.get(h.line).map_or("", |l| heading_text(l.text));
                texts = Some((text(one), text(two)));
            }
        }
        i += 1;
    }
    Headings {
        found,
        repeat: None,
    }
}

/// Whether the headings found before line `end` are a list of contents: nothing but blank
/// lines (and page footers) between them and up to `end`.
fn is_contents(lines: &[Line<'_>], found: &[Heading], end: usize) -> bool {
    let Some(first) = found.first() else {
        return false;
    };
    let mut headings = found.iter().map(|h| h.line).peekable();
    (first.line..end).all(|i| {
        if headings.next_if_eq(&i).is_some() {
            return true;
        }
        lines.get(i).is_some_and(|l| l.is_blank() || l.is_footer())
    })
}

/// Where a copy of the report whose first heading is on line `first` starts, its first
/// heading being printed again on line `again`: the lines before `again` that repeat the
/// lines before `first` belong to the copy, back to the report's last heading.
fn copy_start(lines: &[Line<'_>], found: &[Heading], first: usize, again: usize) -> usize {
    let floor = found.last().map_or(0, |h| h.line + 1);
    let same = |a: usize, b: usize| {
        let text = |i: usize| lines.get(i).map(|l| l.text.trim_matches(is_space));
        text(a) == text(b)
    };
    let mut k = 0;
    while k < first && again - k > floor && same(first - k - 1, again - k - 1) {
        k += 1;
    }
    // The copy starts at a line of text, not at the blank lines before it.
    (again - k..again)
        .find(|&i| lines.get(i).is_some_and(|l| !l.is_blank()))
        .unwrap_or(again)
}

/// The line range `[start, end)` of the region after heading `k` (or of the front
/// matter for `None`), the last region ending at page furniture.
pub(crate) fn region(lines: &[Line<'_>], headings: &[Heading], k: Option<usize>) -> (usize, usize) {
    let start = k.and_then(|k| headings.get(k)).map_or(0, |h| h.line + 1);
    let next = match k {
        None => headings.first(),
        Some(k) => headings.get(k + 1),
    };
    if let Some(h) = next {
        (start, h.line)
    } else {
        let end = lines
            .iter()
            .enumerate()
            .skip(start)
            .find(|(_, l)| is_furniture(l.text))
            .map_or(lines.len(), |(i, _)| i);
        (start, end)
    }
}

/// The text of lines `[start, end)`, byte for byte, without the blank lines (and page
/// footers) before and after it.
pub(crate) fn text_of<'a>(input: &'a str, lines: &[Line<'a>], start: usize, end: usize) -> &'a str {
    let skip = |l: &&Line<'_>| l.is_blank() || l.is_footer();
    let Some(body) = lines.get(start..end) else {
        return "";
    };
    let first = body.iter().position(|l| !skip(&l));
    let last = body.iter().rposition(|l| !skip(&l));
    match (first, last) {
        (Some(a), Some(b)) => {
            let from = body.get(a).map_or(0, |l| l.start);
            let to = body.get(b).map_or(from, Line::end);
            input.get(from..to).unwrap_or("")
        }
        _ => "",
    }
}

/// The title: the body's name and the report year, with the title's line index.
#[derive(Debug, Clone)]
pub(crate) struct Title {
    pub(crate) body: String,
    pub(crate) year: u16,
    pub(crate) line: usize,
}

/// The words every title holds: `{body}{year}年(度)政府信息公开工作年度报告`.
const TITLE_WORDS: &str = "政府信息公开";

/// Finds the title among lines `[0, end)`, the last there is: a short line naming a year
/// and ending in 报告 after 政府信息公开, the body's name before the year (or on the line
/// before, as PDF title pages print it). Returns the year even when it is before 2019.
pub(crate) fn find_title(lines: &[Line<'_>], end: usize) -> Option<Title> {
    // The last title before the first heading: a page lists other reports' titles (a
    // sidebar, breadcrumbs) before the article, whose own title stands over its text.
    for (i, line) in lines.iter().enumerate().take(end).rev() {
        let compact: String = line.text.chars().filter(|&c| !is_space(c)).collect();
        if compact.chars().count() > 80 || !compact.ends_with("报告") {
            continue;
        }
        let Some(words) = compact.find(TITLE_WORDS) else {
            continue;
        };
        let head = compact.get(..words).unwrap_or("");
        let Some((year, at)) = find_any_year(head) else {
            continue;
        };
        let mut body = head.get(..at).unwrap_or("").to_owned();
        for suffix in ["关于", "的"] {
            if let Some(b) = body.strip_suffix(suffix) {
                body = b.to_owned();
            }
        }
        if body.is_empty() {
            body = lines
                .get(..i)
                .and_then(|before| before.iter().rev().find(|l| !l.is_blank()))
                .map(|l| l.text.chars().filter(|&c| !is_space(c)).collect::<String>())
                .filter(|b| b.chars().count() <= 40 && !b.contains(TITLE_WORDS))
                .unwrap_or_default();
        }
        return Some(Title {
            body,
            year,
            line: i,
        });
    }
    None
}

/// The last `dddd年` in a title's head (any year, so a pre-2019 title can be refused).
fn find_any_year(head: &str) -> Option<(u16, usize)> {
    let chars: Vec<(usize, char)> = head.char_indices().collect();
    let is_year_end = |j: usize| chars.get(j).is_some_and(|&(_, c)| c == '年');
    let digit = |j: usize| {
        chars.get(j).and_then(|&(_, c)| match c {
            '0'..='9' => c.to_digit(10),
            '０'..='９' => Some(u32::from(c) - u32::from('０')),
            _ => None,
        })
    };
    (0..chars.len().saturating_sub(4)).rev().find_map(|i| {
        let d: Option<u32> = (i..i + 4).try_fold(0, |acc, j| digit(j).map(|v| acc * 10 + v));
        let before = i.checked_sub(1).and_then(digit).is_none();
        let year = d.filter(|_| before && is_year_end(i + 4))?;
        Some((u16::try_from(year).ok()?, chars.get(i)?.0))
    })
}

/// The year of the statistical period (`统计期限为2020年1月1日…`) in lines `[start, end)`.
pub(crate) fn statistical_year(
    lines: &[Line<'_>],
    start: usize,
    end: usize,
) -> Option<(u16, usize)> {
    lines
        .iter()
        .enumerate()
        .take(end)
        .skip(start)
        .find_map(|(i, l)| {
            let at = l.text.find("统计")?;
            find_year(l.text.get(at..)?).map(|(y, _)| (y, i))
        })
}

/// The first year named in lines `[start, end)`.
pub(crate) fn first_year(lines: &[Line<'_>], start: usize, end: usize) -> Option<(u16, usize)> {
    lines
        .iter()
        .enumerate()
        .take(end)
        .skip(start)
        .find_map(|(i, l)| find_year(l.text).map(|(y, _)| (y, i)))
}

/// The kind of body a `机关类型：{label}` line in lines `[0, end)` names (the line the
/// crate's plain-text layout prints; spaces around the label and a half-width colon
/// allowed).
pub(crate) fn find_body_kind(lines: &[Line<'_>], end: usize) -> Option<BodyKind> {
    lines.iter().take(end).find_map(|l| {
        let rest = l
            .text
            .trim_matches(is_space)
            .strip_prefix(BODY_KIND_LABEL)?
            .trim_start_matches(is_space);
        let label = rest.strip_prefix(['：', ':'])?.trim_matches(is_space);
        BodyKind::ALL.into_iter().find(|k| k.label() == label)
    })
}

/// The kind of body its name suggests: a township or sub-district office, a people's
/// government (or a place, whose report is its government's), a department; else other.
pub(crate) fn body_kind(name: &str) -> BodyKind {
    let ends = |s: &[&str]| s.iter().any(|e| name.ends_with(e));
    if name.contains("街道办事处") || ends(&["镇人民政府", "乡人民政府", "镇", "乡", "街道"])
    {
        BodyKind::Township
    } else if ends(&["人民政府"]) {
        BodyKind::Government
    } else if ends(&["园区", "开发区", "高新区", "管委会", "管理委员会", "新区"])
    {
        BodyKind::Other
    } else if ends(&[
        "局",
        "委员会",
        "委",
        "办公室",
        "办公厅",
        "厅",
        "办",
        "中心",
        "署",
        "院",
        "部",
    ]) {
        BodyKind::Department
    } else if ends(&["县", "市", "区", "旗", "州", "盟", "省", "自治区"]) {
        BodyKind::Government
    } else {
        BodyKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    fn head(text: &str, after: usize) -> Option<Section> {
        heading_of(text, after, &mut String::new())
    }

    #[test]
    fn headings_however_numbered() {
        assert_eq!(head("  一、总体情况", 0), Some(Section::Overview));
        assert_eq!(head("一、 总体情况", 0), Some(Section::Overview));
        assert_eq!(head("一.总体情况", 0), Some(Section::Overview));
        assert_eq!(head("（一）总体情况", 0), Some(Section::Overview));
        assert_eq!(
            head("(五)存在的主要问题及改进情况", 4),
            Some(Section::Problems)
        );
        assert_eq!(
            head("五、政府信息公开工作存在的主要问题及改进情况", 4),
            Some(Section::Problems)
        );
        assert_eq!(
            head("四、因政府信息公开工作被申请行政复议提起行政诉讼情况", 3),
            Some(Section::Appeals)
        );
        assert_eq!(
            head("三、收到和处理政府信息公开申请情况 |", 2),
            Some(Section::Requests)
        );
    }

    #[test]
    fn rows_and_parts_are_not_headings() {
        assert_eq!(head("四、结转下年度继续办理 0 0 0 0 0 0 0", 3), None);
        assert_eq!(head("一、本年新收政府信息公开申请数量", 0), None);
        assert_eq!(head("二、上年结转政府信息公开申请数量", 1), None);
        assert_eq!(head("三、本年度办理结果", 2), None);
        assert_eq!(head("三、", 2), None);
        assert_eq!(head("（二）主动公开情况", 1), None);
        assert_eq!(head("（一）主动公开情况。主要通过政府门户网站", 0), None);
        assert_eq!(head("二、主动公开政府信息情况", 2), None);
    }

    fn headings(text: &str) -> (Vec<(Section, usize)>, Option<usize>) {
        let lines = split_lines(text);
        let h = find_headings(&lines);
        let found = h.found.iter().map(|h| (h.section, h.line)).collect();
        (found, h.repeat)
    }

    #[test]
    fn a_report_printed_again_from_its_first_heading() {
        use Section::{Overview, Proactive, Requests};
        let report = "某局2020年政府信息公开工作年度报告\n\n一、总体情况\n文\n二、主动公开政府信息情况\n规章 1\n三、收到和处理政府信息公开申请情况\n";
        // Printed twice: the copy starts at its title, which repeats the front matter.
        let (found, repeat) = headings(&format!("{report}{report}"));
        assert_eq!(found, [(Overview, 2), (Proactive, 4), (Requests, 6)]);
        assert_eq!(repeat, Some(7));
        // With other lines before the copy's first heading: the copy starts at it.
        let one = report.find("一、").unwrap_or(0);
        let (found, repeat) = headings(&format!("{report}页面\n{}", &report[one..]));
        assert_eq!((found.len(), repeat), (3, Some(8)));
        // The first heading again without the second after it, or the second heading
        // before it: not a repeat.
        let (found, repeat) = headings(&format!("{report}一、总体情况\n文\n"));
        assert_eq!((found.len(), repeat), (3, None));
        let (found, repeat) =
            headings(&format!("{report}二、主动公开政府信息情况\n一、总体情况\n"));
        assert_eq!((found.len(), repeat), (3, None));
        // Only from the first heading: 二 and 三 printed again are no repeat.
        let two = report.find("二、").unwrap_or(0);
        let (found, repeat) = headings(&format!("{report}{}", &report[two..]));
        assert_eq!((found.len(), repeat), (3, None));
    }

    #[test]
    fn a_list_of_contents_is_not_the_report() {
        use Section::{Overview, Proactive, Requests};
        let contents = "某局2020年政府信息公开工作年度报告\n一、总体情况\n\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\n";
        let report = "一、总体情况\n文\n二、主动公开政府信息情况\n规章 1\n三、收到和处理政府信息公开申请情况\n";
        let (found, repeat) = headings(&format!("{contents}{report}"));
        assert_eq!(found, [(Overview, 6), (Proactive, 8), (Requests, 10)]);
        assert_eq!(repeat, None);
        // A report printed twice after its contents: the second copy is the repeat.
        let (found, repeat) = headings(&format!("{contents}{report}{report}"));
        assert_eq!((found.len(), repeat), (3, Some(11)));
    }

    #[test]
    fn titles() {
        let lines = split_lines("陆河县人民政府门户网站\n陆河县2020年度政府信息公开工作年度报告\n");
        let t = find_title(&lines, lines.len()).unwrap();
        assert_eq!((t.body.as_str(), t.year, t.line), ("陆河县", 2020, 1));
        let lines = split_lines("洪泽区人民政府\n2023 年政府信息公开工作年度报告\n");
        let t = find_title(&lines, lines.len()).unwrap();
        assert_eq!((t.body.as_str(), t.year), ("洪泽区人民政府", 2023));
        let lines = split_lines("现公布陆河县人民政府2020年政府信息公开工作年度报告。本年度");
        assert!(find_title(&lines, 1).is_none());
    }

    #[test]
    fn kinds_of_body() {
        assert_eq!(body_kind("陆河县人民政府"), BodyKind::Government);
        assert_eq!(body_kind("陆河县"), BodyKind::Government);
        assert_eq!(body_kind("某镇人民政府"), BodyKind::Township);
        assert_eq!(body_kind("某街道办事处"), BodyKind::Township);
        assert_eq!(
            body_kind("西安市高陵区行政审批服务局"),
            BodyKind::Department
        );
        assert_eq!(
            body_kind("武汉市汉阳区人民政府办公室"),
            BodyKind::Department
        );
        assert_eq!(body_kind("蒲纺工业园区"), BodyKind::Other);
        assert_eq!(body_kind(""), BodyKind::Other);
    }

    #[test]
    fn printed_kinds_of_body() {
        let kind = |s: &str| {
            let lines = split_lines(s);
            find_body_kind(&lines, lines.len())
        };
        assert_eq!(kind("某局\n 机关类型 : 其他 \n"), Some(BodyKind::Other));
        assert_eq!(
            kind("机关类型：乡镇人民政府、街道办事处"),
            Some(BodyKind::Township)
        );
        assert_eq!(kind("机关类型：局"), None);
        assert_eq!(kind("类型：其他"), None);
    }
}
