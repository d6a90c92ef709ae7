//! HTML pages: the real page in the corpus, cell by cell; generated reports of both
//! editions printed in the markup that Word pastes and CMS editors write (spans around
//! every run of text, `<o:p>`, labels split across runs and by `<br>`, blank cells printed
//! as `&nbsp;`, `/`, `-`, `—` or `无`, unclosed cells and rows, tables split over several
//! `<table>` elements, a title row inside a table, 表四 printed as rows); our own
//! `render::html`; hostile markup.

use std::fmt::Write as _;

use ogi_report::{
    AnnualReport, AppealColumn, AppealGroup, Applicant, Article20Item, CellRef, DateSource,
    Edition, NoteKind, PageEncoding, ProactiveRow, RequestRow, Section, Table, Value, import,
    import_bytes, import_html, import_html_bytes,
};
use proptest::prelude::*;

use crate::support::config;
use crate::support::web::{as_read, report};

const PINGTAN: &str = include_str!("../../fixtures/corpus/html-pingtan-xzspj-2023/page.html");
const PINGTAN_CELLS: &str = include_str!("../../fixtures/corpus/html-pingtan-xzspj-2023/cells.tsv");

#[test]
fn the_corpus_page_imports_with_every_cell_right() -> Result<(), Box<dyn std::error::Error>> {
    let imported = import_html(PINGTAN)?;
    let report = &imported.report;
    assert_eq!(report.body(), "平潭综合实验区行政审批局");
    assert_eq!(report.year(), 2023);
    assert_eq!(report.edition(), Edition::E2021);
    assert_eq!(
        report.published().map(|d| d.to_string()).as_deref(),
        Some("2024-01-30")
    );
    // The transcription's lines are the tidy cells (`code<TAB>value<TAB>unit`).
    let want: Vec<&str> = PINGTAN_CELLS
        .lines()
        .filter(|l| l.starts_with('t'))
        .collect();
    assert_eq!(want.len(), 200);
    let got: Vec<String> = ogi_report::tidy::cells(report)
        .map(|c| c.to_string())
        .collect();
    assert_eq!(got, want);
    // Recognised as markup by `import` and by `import_bytes`, with the same result.
    assert_eq!(import(PINGTAN)?, imported);
    assert_eq!(import_bytes(PINGTAN.as_bytes())?, imported);
    // The date's note points at the block that prints it: the `<div>` holding `<span
    // class="article_time bf-pass">时间：2024-01-30 15:01</span>`.
    let date = imported
        .notes
        .iter()
        .find(|n| matches!(n.kind, NoteKind::PublishedFrom { .. }))
        .ok_or("no note on the date")?;
    assert_eq!(
        date.kind,
        NoteKind::PublishedFrom {
            date: chrono::NaiveDate::from_ymd_opt(2024, 1, 30).ok_or("a date")?,
            source: DateSource::Label("时间".into())
        }
    );
    let line = PINGTAN.lines().nth(date.at.line - 1).unwrap_or_default();
    let column = date.at.column.ok_or("a column")?;
    let from: String = line.chars().skip(column - 1).collect();
    assert!(from.starts_with("<div class=\"trt-col-16"), "{from}");
    let offset = PINGTAN.find(&from).ok_or("the line")?;
    let block = PINGTAN.get(offset..offset + 800).ok_or("a block")?;
    assert!(block.contains("时间：2024-01-30 15:01"));
    Ok(())
}

#[test]
fn a_gbk_page_is_decoded_as_it_declares_and_says_so() -> Result<(), Box<dyn std::error::Error>> {
    let page = PINGTAN.replacen(
        "<div class=\"article_title_group\">",
        "<meta charset=\"gb2312\"><div class=\"article_title_group\">",
        1,
    );
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&page);
    assert!(!unmappable);
    let imported = import_html_bytes(&bytes)?;
    assert_eq!(import_bytes(&bytes)?, imported);
    let utf8 = import_html(&page)?;
    assert_eq!(imported.report, utf8.report);
    assert_eq!(
        imported.notes[0].kind,
        NoteKind::PageDecoded {
            encoding: "GBK".into(),
            source: PageEncoding::Declared {
                label: "gb2312".into()
            },
            replaced: 0
        }
    );
    assert_eq!(
        imported.notes[0].to_string(),
        "line 1, column 1, front, row -, cell -: the page's bytes were decoded as GBK, as its <meta> declares (gb2312)"
    );
    assert_eq!(&imported.notes[1..], &utf8.notes[..]);
    Ok(())
}

/// How a generated page writes its markup.
#[derive(Debug, Clone, Copy)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "each is one way pages differ"
)]
struct Style {
    /// Word's markup: `<p class=MsoNormal>`, `<span lang=EN-US>` around runs, `<o:p>`.
    word: bool,
    /// Where labels are cut into runs (`三<span>、本</span>年…`); 0 leaves them whole.
    cut: usize,
    /// A `<br>` inside long labels.
    br: bool,
    /// How a blank cell is printed: an index into [`BLANKS`].
    blank: usize,
    /// `</td>` and `</tr>` left out.
    unclosed: bool,
    /// Upper-case tag names and unquoted attributes.
    upper: bool,
    /// 表二 as one `<table>` per Article 20 block.
    split: bool,
    /// A title row spanning the table at its top.
    title_row: bool,
    /// 表四 as three rows, one per group, each with its label.
    t4_rows: bool,
    /// Navigation before the article and a footer after it.
    furniture: bool,
}

/// The ways pages print a blank cell.
const BLANKS: [&str; 7] = ["", "&nbsp;", "<p>&nbsp;</p>", "/", "-", "—", "无"];

fn style() -> impl Strategy<Value = Style> {
    (
        (any::<bool>(), 0usize..6, any::<bool>(), 0..BLANKS.len()),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (word, cut, br, blank),
                (unclosed, upper, split, title_row),
                (t4_rows, furniture),
            )| {
                Style {
                    word,
                    cut,
                    br,
                    blank,
                    unclosed,
                    upper,
                    split,
                    title_row,
                    t4_rows,
                    furniture,
                }
            },
        )
}

/// Writes a page in a style.
struct Page {
    out: String,
    style: Style,
}

impl Page {
    fn tag(&self, name: &str) -> String {
        if self.style.upper {
            name.to_uppercase()
        } else {
            name.to_owned()
        }
    }

    /// A run of text as the style wraps it.
    fn run(&self, text: &str) -> String {
        let escaped = text
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        if self.style.word {
            format!("<span lang=EN-US style='font-size:10.5pt;font-family:宋体'>{escaped}</span>")
        } else {
            escaped
        }
    }

    /// A label, cut into runs and broken by `<br>` as the style says.
    fn label(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let cut = if self.style.cut == 0 {
            chars.len()
        } else {
            self.style.cut
        };
        let middle = chars.len() / 2;
        for (i, piece) in chars.chunks(cut.max(1)).enumerate() {
            let piece: String = piece.iter().collect();
            out.push_str(&self.run(&piece));
            let at = (i + 1) * cut.max(1);
            if self.style.br && chars.len() > 8 && at <= middle && at + cut.max(1) > middle {
                out.push_str("<br>");
            }
        }
        self.paragraph(&out)
    }

    fn paragraph(&self, inner: &str) -> String {
        if self.style.word {
            format!("<p class=MsoNormal align=center>{inner}<o:p></o:p></p>")
        } else {
            inner.to_owned()
        }
    }

    fn value(&self, value: Option<Value>) -> String {
        match value {
            Some(v) => self.paragraph(&self.run(&v.to_string())),
            None => self.paragraph(BLANKS[self.style.blank]),
        }
    }

    fn cell(&mut self, inner: &str, rowspan: usize, colspan: usize) {
        let td = self.tag("td");
        let _ = write!(self.out, "<{td}");
        let q = if self.style.upper { "" } else { "\"" };
        if rowspan > 1 {
            let _ = write!(self.out, " rowspan={q}{rowspan}{q}");
        }
        if colspan > 1 {
            let _ = write!(self.out, " colspan={q}{colspan}{q}");
        }
        let _ = write!(self.out, " style='border:solid windowtext 1.0pt'>{inner}");
        if !self.style.unclosed {
            let _ = write!(self.out, "</{td}>");
        }
    }

    fn row_start(&mut self) {
        let tr = self.tag("tr");
        let _ = write!(self.out, "<{tr}>");
    }

    fn row_end(&mut self) {
        if !self.style.unclosed {
            let tr = self.tag("tr");
            let _ = write!(self.out, "</{tr}>");
        }
        self.out.push('\n');
    }

    fn table_start(&mut self, width: usize, title: &str) {
        let table = self.tag("table");
        let _ = writeln!(
            self.out,
            "<{table} class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>"
        );
        if self.style.title_row {
            self.row_start();
            let t = self.label(title);
            self.cell(&t, 1, width);
            self.row_end();
        }
    }

    fn table_end(&mut self) {
        let table = self.tag("table");
        let _ = writeln!(self.out, "</{table}>");
    }

    fn text(&mut self, text: &str) {
        for line in text.split('\n') {
            let p = self.tag("p");
            let _ = writeln!(self.out, "<{p}>{}</{p}>", self.run(line));
        }
    }

    fn proactive(&mut self, report: &AnnualReport) {
        let e = report.edition();
        let t2 = report.proactive();
        let blocks = Article20Item::blocks(e);
        let widest = blocks
            .iter()
            .map(|b| b.rows(e).first().map_or(0, |r| r.columns(e).len()))
            .max()
            .unwrap_or(0);
        for (k, &item) in blocks.iter().enumerate() {
            if k == 0 || self.style.split {
                self.table_start(widest + 1, Table::Proactive.label());
            }
            self.row_start();
            let caption = self.label(item.caption());
            self.cell(&caption, 1, widest + 1);
            self.row_end();
            let rows = item.rows(e);
            let columns = rows.first().map_or(&[][..], |r| r.columns(e));
            let span = |i: usize| {
                if i + 1 == columns.len() {
                    widest - i
                } else {
                    1
                }
            };
            self.row_start();
            let content = self.label(ProactiveRow::LABEL);
            self.cell(&content, 1, 1);
            for (i, c) in columns.iter().enumerate() {
                let l = self.label(c.label(e));
                self.cell(&l, 1, span(i));
            }
            self.row_end();
            for &r in rows {
                self.row_start();
                let l = self.label(r.label(e));
                self.cell(&l, 1, 1);
                for (i, &c) in r.columns(e).iter().enumerate() {
                    let v = self.value(t2.get(r, c));
                    self.cell(&v, 1, span(i));
                }
                self.row_end();
            }
            if k + 1 == blocks.len() || self.style.split {
                self.table_end();
            }
        }
    }

    fn requests(&mut self, report: &AnnualReport) {
        let e = report.edition();
        let t3 = report.requests();
        self.table_start(10, Table::Requests.label());
        self.row_start();
        let note = self.label(RequestRow::NOTE);
        self.cell(&note, 3, 3);
        let applicants = self.label(Applicant::LABEL);
        self.cell(&applicants, 1, 7);
        self.row_end();
        self.row_start();
        let natural = self.label(Applicant::NaturalPerson.label());
        self.cell(&natural, 2, 1);
        let orgs = self.label(Applicant::ORGANISATIONS_LABEL);
        self.cell(&orgs, 1, 5);
        let total = self.label(Applicant::Total.label());
        self.cell(&total, 2, 1);
        self.row_end();
        self.row_start();
        for a in Applicant::ALL.iter().filter(|a| a.is_organisation()) {
            let l = self.label(a.label());
            self.cell(&l, 1, 1);
        }
        self.row_end();
        let rows = RequestRow::rows(e);
        let outcomes = rows.iter().filter(|r| r.is_outcome()).count();
        let mut group = None;
        for &r in rows {
            self.row_start();
            if r.is_outcome() {
                if r == RequestRow::Disclosed {
                    let l = self.label(RequestRow::RESULTS_LABEL);
                    self.cell(&l, outcomes, 1);
                }
                match r.group() {
                    Some(g) if group != Some(g) => {
                        let size = rows.iter().filter(|x| x.group() == Some(g)).count();
                        let l = self.label(g.label());
                        self.cell(&l, size, 1);
                        let l = self.label(r.label());
                        self.cell(&l, 1, 1);
                    }
                    Some(_) => {
                        let l = self.label(r.label());
                        self.cell(&l, 1, 1);
                    }
                    None => {
                        let l = self.label(r.label());
                        self.cell(&l, 1, 2);
                    }
                }
                group = r.group();
            } else {
                let l = self.label(r.label());
                self.cell(&l, 1, 3);
            }
            for &c in Applicant::ALL {
                let v = self.value(t3.get(r, c).map(Value::Count));
                self.cell(&v, 1, 1);
            }
            self.row_end();
        }
        self.table_end();
    }

    fn appeals(&mut self, report: &AnnualReport) {
        let t4 = report.appeals();
        if self.style.t4_rows {
            self.table_start(6, Table::Appeals.label());
            self.row_start();
            self.cell("", 1, 1);
            for c in AppealColumn::ALL {
                let l = self.label(c.label());
                self.cell(&l, 1, 1);
            }
            self.row_end();
            for &g in AppealGroup::ALL {
                self.row_start();
                let l = self.label(g.label());
                self.cell(&l, 1, 1);
                for &c in AppealColumn::ALL {
                    let v = self.value(t4.get(g, c).map(Value::Count));
                    self.cell(&v, 1, 1);
                }
                self.row_end();
            }
            self.table_end();
            return;
        }
        self.table_start(15, Table::Appeals.label());
        self.row_start();
        let review = self.label(AppealGroup::Review.label());
        self.cell(&review, 2, 5);
        let suit = self.label(AppealGroup::SuitDirect.parent_label().unwrap_or_default());
        self.cell(&suit, 1, 10);
        self.row_end();
        self.row_start();
        for g in [AppealGroup::SuitDirect, AppealGroup::SuitAfterReview] {
            let l = self.label(g.label());
            self.cell(&l, 1, 5);
        }
        self.row_end();
        self.row_start();
        for _ in AppealGroup::ALL {
            for c in AppealColumn::ALL {
                let l = self.label(c.label());
                self.cell(&l, 1, 1);
            }
        }
        self.row_end();
        self.row_start();
        for &g in AppealGroup::ALL {
            for &c in AppealColumn::ALL {
                let v = self.value(t4.get(g, c).map(Value::Count));
                self.cell(&v, 1, 1);
            }
        }
        self.row_end();
        self.table_end();
    }
}

/// A generated report as a web page in a style.
fn html_page(report: &AnnualReport, style: Style) -> String {
    let mut page = Page {
        out: String::new(),
        style,
    };
    page.out
        .push_str("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        page.out,
        "<title>{}{}年政府信息公开工作年度报告_政府信息公开</title>\n<script>var a = '<table>';</script>\n</head>\n<body>",
        report.body(),
        report.year()
    );
    if style.furniture {
        page.out.push_str(
            "<div class=nav><a href=/>首页</a> &gt; <a href=/zwgk>政务公开</a> &gt; 年度报告</div>\n<ul><li>网站地图</li><li>无障碍</li></ul>\n",
        );
    }
    let _ = writeln!(
        page.out,
        "<div class=title>{}{}年政府信息公开工作年度报告</div>",
        report.body(),
        report.year()
    );
    if let Some(date) = report.published() {
        let _ = writeln!(
            page.out,
            "<div class=info><span>发布日期：{date} 09:30</span><span>来源：本站</span></div>"
        );
    }
    let _ = writeln!(page.out, "<div class=TRS_Editor>");
    for section in Section::ALL {
        if section == Section::Front {
            continue;
        }
        // A heading in runs (a `<br>` would print it on two lines).
        let br = std::mem::replace(&mut page.style.br, false);
        let h = page.label(section.heading());
        page.style.br = br;
        let _ = writeln!(page.out, "<p>{h}</p>");
        match section {
            Section::Overview => page.text(report.overview()),
            Section::Proactive => page.proactive(report),
            Section::Requests => page.requests(report),
            Section::Appeals => page.appeals(report),
            Section::Problems => page.text(report.problems()),
            Section::OtherMatters => page.text(&report.other_matters().text),
            _ => {}
        }
    }
    page.out.push_str("</div>\n");
    if style.furniture {
        page.out.push_str(
            "<div class=share>分享到：微信 微博</div>\n<div class=footer><p>主办：某市人民政府办公室</p><p>网站标识码：1234567890 备案号：闽ICP备12345678号</p></div>\n",
        );
    }
    page.out.push_str("</body>\n</html>\n");
    page.out
}

proptest! {
    #![proptest_config(config(48))]

    /// Every cell of a generated report printed in any of the styles is read back in its
    /// cell, never in another; blank cells stay blank whatever marks them.
    #[test]
    fn generated_pages_in_the_markup_of_word_and_cms_editors_import_cell_for_cell(
        report in report(),
        style in style(),
    ) {
        let html = html_page(&report, style);
        let imported = import_html(&html)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{html}")))?;
        let expected = as_read(&report);
        prop_assert_eq!(imported.report.edition(), expected.edition());
        prop_assert_eq!(imported.report.year(), expected.year());
        prop_assert_eq!(imported.report.body(), expected.body());
        prop_assert_eq!(imported.report.published(), expected.published());
        let got: Vec<(CellRef, Option<Value>)> = imported.report.cells().collect();
        let want: Vec<(CellRef, Option<Value>)> = expected.cells().collect();
        for ((cell, g), (_, w)) in got.iter().zip(&want) {
            prop_assert_eq!(g, w, "{} in {:?}\n{}\n{:#?}", cell, style, html, imported.notes);
        }
    }
}

/// The cells of the corpus page as tidy lines, for comparing imports of its variants.
fn pingtan_cells() -> Vec<String> {
    PINGTAN_CELLS
        .lines()
        .filter(|l| l.starts_with('t'))
        .map(str::to_owned)
        .collect()
}

fn tidy(report: &AnnualReport) -> Vec<String> {
    ogi_report::tidy::cells(report)
        .map(|c| c.to_string())
        .collect()
}

/// Markup that breaks naive readers, around or inside the real page: each imports (or
/// finds nothing) without a panic, in time linear in the page, and the real page's cells
/// are read as before wherever its tables are left whole.
#[test]
fn hostile_markup_around_the_real_page() -> Result<(), Box<dyn std::error::Error>> {
    let start = PINGTAN
        .find("<div class=TRS_Editor>")
        .ok_or("the article")?;
    let (head, article) = PINGTAN.split_at(start);
    let whole = pingtan_cells();
    let cases: Vec<(&str, String, bool)> = vec![
        (
            "10,000 nested <div> around the article",
            format!("{head}{}{article}", "<div>".repeat(10_000)),
            true,
        ),
        (
            "10,000 nested <ul><li> before the article",
            format!("{head}{}{article}", "<ul><li>".repeat(10_000)),
            true,
        ),
        (
            "1,000 unclosed nested tables before the article",
            format!(
                "{head}{}</table>{article}",
                "<table><tr><td>x".repeat(1_000)
            ),
            false,
        ),
        (
            "a rowspan of 100000 and a colspan of -1 in a table before the article",
            format!(
                "{head}<table><tr><td rowspan=\"100000\">1</td><td colspan=\"-1\">2</td></tr></table>{article}"
            ),
            true,
        ),
        (
            "20,000 unclosed <font> before the article",
            format!("{head}{}{article}", "<font size=2>".repeat(20_000)),
            true,
        ),
        (
            "a comment that never closes after the article",
            format!("{PINGTAN}<!-- {}", "x".repeat(100_000)),
            true,
        ),
        (
            "a script holding a table after the article",
            format!(
                "{PINGTAN}<script>document.write('<table><tr><td>行政许可</td><td>999</td></tr></table>')</script>"
            ),
            true,
        ),
    ];
    for (what, page, intact) in cases {
        let imported = import_html(&page).map_err(|e| format!("{what}: {e}"))?;
        if intact {
            assert_eq!(tidy(&imported.report), whole, "{what}");
        } else {
            // The tables may be read differently: never a cell other than the page's.
            for (got, want) in tidy(&imported.report).iter().zip(&whole) {
                let blank = got.split('\t').nth(1) == Some("");
                assert!(blank || got == want, "{what}: {got} for {want}");
            }
        }
    }
    // The article ten times over (about 400 KB): the report is read from its first copy
    // and the copies are noted, not read into section 六.
    let repeated = format!("{head}{}", article.repeat(10));
    let imported = import_html(&repeated)?;
    assert_eq!(tidy(&imported.report), whole);
    assert!(
        imported
            .notes
            .iter()
            .any(|n| matches!(n.kind, NoteKind::ReportRepeated { .. }))
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(64))]

    /// Any bytes: decoded and imported, or found to hold no report, never a panic; every
    /// note on a line of the source.
    #[test]
    fn any_bytes_as_a_page_import_or_find_nothing(
        bytes in prop::collection::vec(any::<u8>(), 0..2_000),
        prefix in prop::sample::select(&["", "<html>", "<meta charset=gbk>", "\u{feff}<p>", "<table><tr><td>"][..]),
    ) {
        let mut page = prefix.as_bytes().to_vec();
        page.extend(&bytes);
        if let Ok(imported) = import_html_bytes(&page) {
            let lines = page.split(|&b| b == b'\n').count();
            for note in &imported.notes {
                prop_assert!((1..=lines).contains(&note.at.line), "{} of {}", note, lines);
                prop_assert!(note.at.column.is_some());
            }
        }
    }

    /// The real page cut anywhere: imported or found to hold nothing, never a panic, and no
    /// cell other than the page's.
    #[test]
    fn the_real_page_cut_anywhere_never_has_a_wrong_cell(cut in 0usize..45_000) {
        let mut at = cut.min(PINGTAN.len());
        while !PINGTAN.is_char_boundary(at) {
            at -= 1;
        }
        let whole = pingtan_cells();
        if let Ok(imported) = import_html(&PINGTAN[..at]) {
            for (got, want) in tidy(&imported.report).iter().zip(&whole) {
                let blank = got.split('\t').nth(1) == Some("");
                prop_assert!(blank || got == want, "cut at {}: {} for {}", at, got, want);
            }
        }
    }
}

/// Our own page without the mark that says the crate wrote it is read as any page is,
/// from its grids: every cell of the seed and of reports with every cell distinct, in
/// both editions, is read back in its cell.
#[test]
fn our_own_page_read_as_any_page_has_every_cell_right() -> Result<(), Box<dyn std::error::Error>> {
    use crate::support::{distinct, seed};
    for report in [seed(), distinct(Edition::E2019), distinct(Edition::E2021)] {
        let page = ogi_report::render::html(&report, &ogi_report::render::HtmlOptions::new());
        assert_eq!(import_html(&page)?.report, report);
        let anonymous = page.replace("<meta name=\"generator\" content=\"ogi-report\">", "");
        assert_ne!(anonymous, page);
        let imported = import_html(&anonymous)?;
        let got: Vec<(CellRef, Option<Value>)> = imported.report.cells().collect();
        let want: Vec<(CellRef, Option<Value>)> = report.cells().collect();
        assert_eq!(got, want, "{:#?}", imported.notes);
        assert_eq!(imported.report.body(), report.body());
        assert_eq!(imported.report.published(), report.published());
    }
    Ok(())
}
