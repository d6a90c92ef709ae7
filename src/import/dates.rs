//! The publication date, on evidence: a date the page labels as its publication
//! (`公开日期`, `发布日期`, `发布时间`, …), else the dated sign-off that ends the report,
//! else a date printed alone under the title. Never a time the page was captured, crawled,
//! downloaded, printed or updated (`采集时间：2025-12-30` heads pages saved by crawlers).

use chrono::NaiveDate;

use crate::import::lines::{Line, is_space};

/// Where the publication date was read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DateSource {
    /// A label before the date, as printed (`发布日期`, `公开日期`, `发布时间`, `日期`).
    Label(String),
    /// The dated sign-off at the end of the report (`2021年2月19日` under the body's name).
    SignOff,
    /// A date printed alone near the title, with no label (`2021-02-19 08:41`).
    Unlabelled,
    /// An HTML page's `<meta>` element, by its name (`PubDate`).
    Meta(String),
}

impl std::fmt::Display for DateSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateSource::Label(label) => write!(f, "the line labelled {label:?}"),
            DateSource::SignOff => f.write_str("the dated sign-off at the end of the report"),
            DateSource::Unlabelled => f.write_str("a date printed without a label near the title"),
            DateSource::Meta(name) => write!(f, "the page's <meta name={name:?}>"),
        }
    }
}

/// A date the page prints, where, and on what line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Dated {
    pub(crate) date: NaiveDate,
    pub(crate) source: DateSource,
    pub(crate) line: usize,
}

/// Labels of a publication date, most telling first.
const LABELS: [&str; 9] = [
    "公开日期",
    "发布日期",
    "公开时间",
    "发布时间",
    "发文日期",
    "印发日期",
    "成文日期",
    "日期",
    "时间",
];

/// Words before a date label that make it the time of something else than publication:
/// the page's capture or crawl, a download, a print, an update, a visit; the statistical
/// period.
const NOT_PUBLICATION: [&str; 12] = [
    "采集", "抓取", "爬取", "下载", "保存", "打印", "更新", "修改", "访问", "浏览", "统计", "截止",
];

/// The publication dates the text prints: the labelled ones in lines `[0, front_end)`
/// (the front matter), in label order, then those of `metas` (an HTML page's `<meta>`),
/// then the sign-off among the last lines before `report_end`, then an unlabelled date
/// line in the front matter. The first is the one
/// taken; the others are for a note when they disagree.
pub(crate) fn publication_dates(
    lines: &[Line<'_>],
    front_end: usize,
    report_end: usize,
    metas: &[Dated],
) -> Vec<Dated> {
    let mut labelled: Vec<(usize, Dated)> = Vec::new();
    for (i, l) in lines.iter().enumerate().take(front_end) {
        labelled.extend(labelled_dates(l.text, i));
    }
    labelled.sort_by_key(|(rank, d)| (*rank, d.line));
    let mut out: Vec<Dated> = labelled.into_iter().map(|(_, d)| d).collect();
    out.extend(metas.iter().cloned());
    if let Some(d) = sign_off(lines, report_end) {
        out.push(d);
    }
    if let Some(d) = lines
        .iter()
        .enumerate()
        .take(front_end)
        .find_map(|(i, l)| unlabelled(l.text, i))
    {
        out.push(d);
    }
    out
}

/// The dates a line labels as its publication, each with the rank of its label (a
/// label inside a longer one, `日期` in `发布日期`, is that one).
fn labelled_dates(text: &str, line: usize) -> Vec<(usize, Dated)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for (rank, label) in LABELS.iter().enumerate() {
        for (at, _) in text.match_indices(label) {
            let end = at + label.len();
            if spans.iter().any(|&(a, b)| at < b && a < end) {
                continue;
            }
            spans.push((at, end));
            let before: String = text.get(..at).unwrap_or("").chars().rev().take(2).collect();
            let before: String = before.chars().rev().collect();
            if NOT_PUBLICATION.iter().any(|w| before.ends_with(w)) {
                continue;
            }
            // The date right after the label (its colon and spaces between).
            let after = text.get(end..).unwrap_or("").trim_start_matches(|c: char| {
                is_space(c) || matches!(c, ':' | '：' | '】' | ']' | '〕')
            });
            if let Some(date) = leading_date(after) {
                let source = DateSource::Label((*label).to_owned());
                out.push((rank, Dated { date, source, line }));
            }
        }
    }
    out
}

/// The sign-off date: among the last five lines of text before `end`, one that prints a
/// date in words (`2021年2月19日`, perhaps after the body's name), and nothing else but
/// a short name.
fn sign_off(lines: &[Line<'_>], end: usize) -> Option<Dated> {
    let last: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .take(end)
        .rev()
        .map(|(i, l)| (i, l.text.trim_matches(is_space)))
        .filter(|(_, t)| !t.is_empty())
        .take(5)
        .collect();
    last.into_iter().find_map(|(i, t)| {
        let start = t.char_indices().find_map(|(k, _)| {
            let rest = t.get(k..)?;
            let (date, len) = date_in_words(rest)?;
            rest.get(len..)?
                .trim_matches(is_space)
                .is_empty()
                .then_some((k, date))
        })?;
        let (k, date) = start;
        let name = t.get(..k)?.trim_matches(is_space);
        // A name, not a sentence about a period (`截至`, `至`).
        let plain_name = name.chars().count() <= 30
            && !name
                .chars()
                .any(|c| c.is_ascii_digit() || matches!(c, '。' | '，' | ','))
            && !name.ends_with(['至', '止', '于', '到', '起', '截', '自', '从', '在'])
            && !NOT_PUBLICATION.iter().any(|w| name.contains(w));
        plain_name.then_some(Dated {
            date,
            source: DateSource::SignOff,
            line: i,
        })
    })
}

/// A line of the front matter that starts with a date (`2021-02-19 08:41`, `2021年2月19日`)
/// and does not say it is the time of anything but publication.
fn unlabelled(text: &str, line: usize) -> Option<Dated> {
    let t = text.trim_start_matches(|c: char| is_space(c) || matches!(c, '•' | '·' | '|'));
    if NOT_PUBLICATION.iter().any(|w| text.contains(w)) {
        return None;
    }
    leading_date(t).map(|date| Dated {
        date,
        source: DateSource::Unlabelled,
        line,
    })
}

/// The date a text starts with: `2021-02-19`, `2021/2/19`, `2021.2.19`, or `2021年2月19日`
/// (spaces allowed around the words), not followed by another digit.
pub(crate) fn leading_date(text: &str) -> Option<NaiveDate> {
    date_in_words(text).map(|(d, _)| d).or_else(|| {
        let (y, rest) = digits(text, 4, 4)?;
        let sep = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '/' | '.'))?;
        let (m, rest) = digits(rest.get(sep.len_utf8()..)?, 1, 2)?;
        let rest = rest.strip_prefix(sep)?;
        let (d, rest) = digits(rest, 1, 2)?;
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
    })
}

/// A date in words at the start of a text, and its length in bytes.
fn date_in_words(text: &str) -> Option<(NaiveDate, usize)> {
    let (y, rest) = digits(text, 4, 4)?;
    let rest = rest.trim_start_matches(is_space).strip_prefix('年')?;
    let (m, rest) = digits(rest.trim_start_matches(is_space), 1, 2)?;
    let rest = rest.trim_start_matches(is_space).strip_prefix('月')?;
    let (d, rest) = digits(rest.trim_start_matches(is_space), 1, 2)?;
    let rest = rest.trim_start_matches(is_space).strip_prefix('日')?;
    let date = NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)?;
    Some((date, text.len() - rest.len()))
}

/// `min` to `max` ASCII digits at the start of a text, as a number, and the rest.
fn digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    if n < min || n > max {
        return None;
    }
    let (number, rest) = text.split_at(n);
    Some((number.parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    fn dates(text: &str, front_end: usize) -> Vec<(String, DateSource, usize)> {
        let lines = split_lines(text);
        publication_dates(&lines, front_end, lines.len(), &[])
            .into_iter()
            .map(|d| (d.date.to_string(), d.source, d.line))
            .collect()
    }

    #[test]
    fn a_capture_time_is_never_a_publication_date() {
        let page = "采集时间：2025-12-30 10:00\n某局2023年政府信息公开工作年度报告\n公开日期 2024-01-17\n一、总体情况";
        assert_eq!(
            dates(page, 3),
            [(
                "2024-01-17".to_owned(),
                DateSource::Label("公开日期".into()),
                2
            )]
        );
        for capture in [
            "采集时间：2025-12-30",
            "抓取时间 2025-12-30",
            "下载日期：2025-12-30",
            "更新时间：2025-12-30",
            "打印日期 2025年12月30日",
        ] {
            assert!(dates(capture, 1).is_empty(), "{capture}");
        }
    }

    #[test]
    fn labels_rank_before_the_sign_off_and_an_unlabelled_date() {
        let page = "2021-02-20 08:41 来源：本局\n某局2020年政府信息公开工作年度报告\n时间：2021-02-18  发布日期：2021-02-19\n一、总体情况\n……\n某局办公室\n2021年2月19日";
        let got = dates(page, 3);
        assert_eq!(
            got,
            [
                (
                    "2021-02-19".to_owned(),
                    DateSource::Label("发布日期".into()),
                    2
                ),
                ("2021-02-18".to_owned(), DateSource::Label("时间".into()), 2),
                ("2021-02-19".to_owned(), DateSource::SignOff, 6),
                ("2021-02-20".to_owned(), DateSource::Unlabelled, 0),
            ]
        );
    }

    #[test]
    fn a_sign_off_is_a_date_alone_or_after_a_short_name() {
        let end = |text: &str| {
            let lines = split_lines(text);
            sign_off(&lines, lines.len()).map(|d| d.date.to_string())
        };
        assert_eq!(
            end("……\n陆河县人民政府办公室\n2021 年 2 月 19 日").as_deref(),
            Some("2021-02-19")
        );
        assert_eq!(
            end("……\n陆河县人民政府办公室 2021年2月19日").as_deref(),
            Some("2021-02-19")
        );
        assert_eq!(end("2020年1月1日至12月31日，本机关共收到申请3件。"), None);
        assert_eq!(end("截至2020年12月31日"), None);
    }

    #[test]
    fn leading_dates() {
        let d = |s: &str| leading_date(s).map(|d| d.to_string());
        assert_eq!(d("2021-02-19 08:41").as_deref(), Some("2021-02-19"));
        assert_eq!(d("2021/2/9").as_deref(), Some("2021-02-09"));
        assert_eq!(d("2022年1月5日").as_deref(), Some("2022-01-05"));
        assert_eq!(d("2021-13-40"), None);
        assert_eq!(d("2021-02-193"), None);
        assert_eq!(d("2021-02/19"), None);
        assert_eq!(d("20210219"), None);
    }
}
