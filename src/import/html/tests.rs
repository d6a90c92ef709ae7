//! The page reader on a real page, on the markup Word and CMS editors write, and on
//! hostile input. Every expectation is written out by hand from the markup.

use proptest::prelude::*;

use super::grid::{MAX_COLUMNS, MAX_SLOTS};
use super::*;

/// 平潭综合实验区行政审批局 2023: the article part of the published page.
const PINGTAN: &str =
    include_str!("../../../tests/fixtures/corpus/html-pingtan-xzspj-2023/page.html");

/// The text blocks and grids of a page, in order.
fn blocks(html: &str) -> Vec<Block> {
    parse(html).blocks
}

/// The texts of the text blocks.
fn texts(html: &str) -> Vec<String> {
    blocks(html)
        .into_iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(t.text),
            Block::Table(_) => None,
        })
        .collect()
}

/// The grids, in order.
fn grids(html: &str) -> Vec<Grid> {
    grids_of(&parse(html)).into_iter().cloned().collect()
}

/// The grids of a parsed page, in order.
fn grids_of(document: &Document) -> Vec<&Grid> {
    document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(g),
            Block::Text(_) => None,
        })
        .collect()
}

/// The only grid of a page.
fn grid(html: &str) -> Grid {
    let mut all = grids(html);
    assert_eq!(all.len(), 1, "{html}");
    all.remove(0)
}

/// A row of a grid as the trimmed text of the cell in each slot ("-" for no cell).
fn row(grid: &Grid, r: usize) -> Vec<String> {
    grid.row(r)
        .map(|c| c.map_or_else(|| "-".to_owned(), |c| c.text.trim().to_owned()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|&s| s.to_owned()).collect()
}

/// The checks every parse promises, whatever the input.
fn check_invariants(html: &str, document: &Document) {
    let check_at = |at: Position| {
        assert!(at.line >= 1 && at.column >= 1, "{at:?}");
        assert!(
            at.offset <= html.len() && html.is_char_boundary(at.offset),
            "{at:?}"
        );
    };
    for block in &document.blocks {
        match block {
            Block::Text(t) => {
                assert!(!t.text.is_empty());
                check_at(t.at);
            }
            Block::Table(g) => {
                check_at(g.at);
                for r in 0..g.height() {
                    assert_eq!(g.row(r).count(), g.width());
                    for c in 0..g.width() {
                        if let Some(i) = g.slot(r, c) {
                            assert!(i < g.cells.len());
                        }
                    }
                }
                for (i, cell) in g.cells.iter().enumerate() {
                    check_at(cell.at);
                    assert!(cell.rowspan >= 1 && cell.colspan >= 1);
                    assert!(cell.row + cell.rowspan <= g.height());
                    assert!(cell.column + cell.colspan <= g.width().min(MAX_COLUMNS));
                    // A cell's top-left slot is its own unless an earlier cell took it.
                    let anchor = g.slot(cell.row, cell.column);
                    assert!(anchor.is_some_and(|a| a <= i), "{cell:?}");
                }
            }
        }
    }
    for meta in &document.metas {
        check_at(meta.at);
    }
}

// ---------------------------------------------------------------- the real page

#[test]
fn real_page_blocks_are_the_article_in_order() {
    let document = parse(PINGTAN);
    check_invariants(PINGTAN, &document);
    let texts: Vec<&str> = document
        .blocks
        .iter()
        .map(|b| match b {
            Block::Text(t) => t.text.as_str(),
            Block::Table(_) => "<table>",
        })
        .collect();
    assert_eq!(
        texts.first().copied(),
        Some("平潭综合实验区行政审批局2023年政府信息公开工作年度报告")
    );
    assert!(texts.iter().any(|t| t.contains("时间：2024-01-30 15:01")));
    let at = |needle: &str| {
        texts
            .iter()
            .position(|t| *t == needle)
            .unwrap_or_else(|| panic!("no block {needle}"))
    };
    let two = at("二、主动公开政府信息情况");
    assert_eq!(
        texts.get(two..two + 6).map(<[&str]>::to_vec),
        Some(vec![
            "二、主动公开政府信息情况",
            "<table>",
            "三、收到和处理政府信息公开申请情况",
            "<table>",
            "四、政府信息公开行政复议、行政诉讼情况",
            "<table>",
        ])
    );
    assert!(at("一、总体情况") < two);
    assert!(at("五、存在的主要问题及改进情况") > two);
    // The last paragraph, its escaped angle brackets decoded.
    assert!(texts.last().is_some_and(|t| {
        t.starts_with("按照《国务院办公厅关于印发<政府信息公开信息处理费管理办法>的通知》")
    }));
    assert_eq!(texts.iter().filter(|t| **t == "<table>").count(), 3);
}

#[test]
fn real_page_table_2_holds_the_transcribed_cells() {
    let all = grids(PINGTAN);
    let t2 = &all[0];
    assert_eq!((t2.height(), t2.width()), (14, 4));
    assert_eq!(row(t2, 0), vec!["第二十条第（一）项"; 4]);
    assert_eq!(
        row(t2, 1),
        strings(&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    );
    // t2.rules.* 0 0 0; t2.normative.* 5 4 16.
    assert_eq!(row(t2, 2), strings(&["规章", "0", "0", "0"]));
    assert_eq!(row(t2, 3), strings(&["行政规范性文件", "5", "4", "16"]));
    // t2.licensing.decisions 3, one cell over three columns.
    assert_eq!(row(t2, 6), strings(&["行政许可", "3", "3", "3"]));
    assert_eq!(t2.slot(6, 1), t2.slot(6, 3));
    let licensing = t2
        .cell_at(6, 2)
        .map(|c| (c.row, c.column, c.rowspan, c.colspan));
    assert_eq!(licensing, Some((6, 1, 1, 3)));
    assert_eq!(row(t2, 9), strings(&["行政处罚", "0", "0", "0"]));
    assert_eq!(row(t2, 10), strings(&["行政强制", "0", "0", "0"]));
    assert_eq!(row(t2, 12)[1], "本年收费金额（单位：万元）");
    assert_eq!(row(t2, 13), strings(&["行政事业性收费", "0", "0", "0"]));
    assert_eq!(t2.dropped, 0);
}

#[test]
fn real_page_table_3_holds_the_transcribed_cells() {
    let all = grids(PINGTAN);
    let t3 = &all[1];
    assert_eq!((t3.height(), t3.width()), (28, 10));
    let corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    let mut header = vec![corner; 3];
    header.extend(["申请人情况"; 7]);
    assert_eq!(row(t3, 0), strings(&header));
    assert_eq!(
        row(t3, 1),
        strings(&[
            corner,
            corner,
            corner,
            "自然人",
            "法人或其他组织",
            "法人或其他组织",
            "法人或其他组织",
            "法人或其他组织",
            "法人或其他组织",
            "总计",
        ])
    );
    // Two <p> in one header cell: one line each.
    assert_eq!(
        row(t3, 2),
        strings(&[
            corner,
            corner,
            corner,
            "自然人",
            "商业\n企业",
            "科研\n机构",
            "社会公益组织",
            "法律服务机构",
            "其他",
            "总计",
        ])
    );
    let new = "一、本年新收政府信息公开申请数量";
    // t3.new.*: 7 0 0 0 0 0 7.
    assert_eq!(
        row(t3, 3),
        strings(&[new, new, new, "7", "0", "0", "0", "0", "0", "7"])
    );
    // t3.partly_disclosed.*: 1 0 0 0 0 0 1, under 三、本年度办理结果 (rowspan 22).
    let results = "三、本年度办理结果";
    let partly = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    assert_eq!(
        row(t3, 6),
        strings(&[results, partly, partly, "1", "0", "0", "0", "0", "0", "1"])
    );
    // t3.withheld.admin_query.*: 2 0 0 0 0 0 2, under （三）不予公开 (rowspan 8).
    assert_eq!(
        row(t3, 14),
        strings(&[
            results,
            "（三）不予公开",
            "8.属于行政查询事项",
            "2",
            "0",
            "0",
            "0",
            "0",
            "0",
            "2"
        ])
    );
    // t3.unavailable.not_held.*: 4 0 0 0 0 0 4.
    assert_eq!(
        row(t3, 15)[2..],
        strings(&[
            "1.本机关不掌握相关政府信息",
            "4",
            "0",
            "0",
            "0",
            "0",
            "0",
            "4"
        ])
    );
    assert_eq!(
        row(t3, 26),
        strings(&[
            results,
            "（七）总计",
            "（七）总计",
            "7",
            "0",
            "0",
            "0",
            "0",
            "0",
            "7"
        ])
    );
    let carried = "四、结转下年度继续办理";
    assert_eq!(
        row(t3, 27),
        strings(&[carried, carried, carried, "0", "0", "0", "0", "0", "0", "0"])
    );
    let results_cell = t3.cell_at(20, 0).map(|c| (c.row, c.rowspan, c.header));
    assert_eq!(results_cell, Some((5, 22, false)));
}

#[test]
fn real_page_table_4_holds_the_transcribed_cells() {
    let all = grids(PINGTAN);
    let t4 = &all[2];
    assert_eq!((t4.height(), t4.width()), (4, 15));
    let mut top = vec!["行政复议"; 5];
    top.extend(["行政诉讼"; 10]);
    assert_eq!(row(t4, 0), strings(&top));
    assert_eq!(
        row(t4, 2)[..6],
        strings(&[
            "结果维持",
            "结果\n纠正",
            "其他\n结果",
            "尚未\n审结",
            "总计",
            "结果\n维持"
        ])
    );
    // t4.review.* 1 0 0 0 1; t4.suit_direct.* 0 0 0 0 0; t4.suit_after_review.* 0 0 1 0 1.
    assert_eq!(
        row(t4, 3),
        strings(&[
            "1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "1", "0", "1"
        ])
    );
}

#[test]
fn real_page_positions_are_the_start_tags() {
    let document = parse(PINGTAN);
    let grids = grids_of(&document);
    // Worked out independently: the byte offsets of the three `<table` in the source.
    let starts: Vec<usize> = PINGTAN.match_indices("<table").map(|(i, _)| i).collect();
    assert_eq!(
        grids.iter().map(|g| g.at.offset).collect::<Vec<_>>(),
        starts
    );
    for (grid, start) in grids.iter().zip(&starts) {
        let before = &PINGTAN[..*start];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        assert_eq!(grid.at.line, before.matches('\n').count() + 1);
        assert_eq!(grid.at.column, before[line_start..].chars().count() + 1);
    }
    // The whole article is on line 59; its tables are far along it.
    assert_eq!(grids[0].at.line, 59);
    // Each cell is at its own `<td`.
    let first_td = PINGTAN.find("<td").unwrap_or_default();
    assert_eq!(grids[0].cells[0].at.offset, first_td);
    assert!(
        grids[0]
            .cells
            .windows(2)
            .all(|w| w[0].at.offset < w[1].at.offset)
    );
    assert!(
        grids[0]
            .cells
            .iter()
            .all(|c| PINGTAN[c.at.offset..].starts_with("<td"))
    );
}

// ---------------------------------------------------------------- Word and CMS markup

#[test]
fn runs_split_over_spans_are_one_string() {
    let page = "<p class=MsoNormal><span style='font-size:12.0pt'>三</span><span lang=EN-US>、本</span><span\nstyle='font-family:宋体'>年</span><b><span>度办理结果</span></b><o:p></o:p></p>";
    assert_eq!(texts(page), strings(&["三、本年度办理结果"]));
    // Word's empty paragraph is a no-break space, kept as it is.
    let page = "<p class=MsoNormal><span>一、总体情况<o:p></o:p></span></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>";
    assert_eq!(texts(page), strings(&["一、总体情况", "\u{a0}"]));
    // A line break in the source between CJK characters shows as nothing; between
    // Latin words, as a space.
    let page = "<p>三、本年度\n  办理结果 and\n more</p>";
    assert_eq!(texts(page), strings(&["三、本年度办理结果 and more"]));
    // Inline and custom tags add nothing; whitespace between them is one space.
    let page = "<div><font color=red>a</font>  <st1:chsdate>b</st1:chsdate>\t<w:x>c</w:x></div>";
    assert_eq!(texts(page), strings(&["a b c"]));
}

#[test]
fn unclosed_tags_close_where_a_browser_closes_them() {
    assert_eq!(
        texts("<p>one<p>two<div>three</div>four"),
        strings(&["one", "two", "three", "four"])
    );
    let page = "<table><tr><td>a<td>b<tr><td>c<td>d</table><p>after";
    let all = blocks(page);
    assert_eq!(all.len(), 2);
    let Some(Block::Table(g)) = all.first() else {
        panic!("no table first: {all:?}");
    };
    assert_eq!(
        (row(g, 0), row(g, 1)),
        (strings(&["a", "b"]), strings(&["c", "d"]))
    );
    assert!(matches!(all.get(1), Some(Block::Text(t)) if t.text == "after"));
    // A table never closed ends with the page.
    let g = grid("<table><tr><td>1<td>2");
    assert_eq!(row(&g, 0), strings(&["1", "2"]));
    // Text misplaced inside a table is moved before it, as browsers do.
    let all = blocks("<table>stray<tr><td>x</td></tr></table>");
    assert!(matches!(all.first(), Some(Block::Text(t)) if t.text == "stray"));
    assert!(matches!(all.get(1), Some(Block::Table(_))));
}

#[test]
fn entities_are_decoded_and_wide_spaces_kept() {
    let page =
        "<p>&nbsp;A&#x4e00;&#12288;B&amp;&lt;&copy;&hellip;&#x3000;C&nbsp</p><p>  a \n\t b  </p>";
    assert_eq!(
        texts(page),
        strings(&["\u{a0}A一\u{3000}B&<©…\u{3000}C\u{a0}", "a b"])
    );
}

#[test]
fn br_is_a_line_break() {
    let g = grid("<table><tr><td>（二）部分公开<br>（区分处理的）</td><td>1<br></td></tr></table>");
    assert_eq!(
        row(&g, 0),
        strings(&["（二）部分公开\n（区分处理的）", "1"])
    );
    assert_eq!(
        texts("<p>a<br>\n   b<br></p><p><br></p>"),
        strings(&["a\nb"])
    );
    assert_eq!(texts("<p>a<br><br>b</p>"), strings(&["a\n\nb"]));
}

#[test]
fn cells_keep_paragraphs_as_lines() {
    let g =
        grid("<table><tr><th><p>1</p><p>&nbsp;</p></th><td><div>x</div>y<p></p></td></tr></table>");
    assert_eq!(g.cells[0].text.trim(), "1");
    assert!(g.cells[0].header);
    assert_eq!(g.cells[1].text, "x\ny");
    assert!(!g.cells[1].header);
}

#[test]
fn spans_expand_with_header_rows_narrower_than_value_rows() {
    let page = "<table>\
        <tr><th rowspan=2>项目</th><th colspan=3>申请人</th><th rowspan=2>总计</th></tr>\
        <tr><th>自然人</th><th colspan=2>法人</th></tr>\
        <tr><td>新收</td><td>1</td><td>2</td><td>3</td><td>6</td></tr>\
        </table>";
    let g = grid(page);
    assert_eq!((g.height(), g.width()), (3, 5));
    assert_eq!(
        row(&g, 0),
        strings(&["项目", "申请人", "申请人", "申请人", "总计"])
    );
    assert_eq!(
        row(&g, 1),
        strings(&["项目", "自然人", "法人", "法人", "总计"])
    );
    assert_eq!(row(&g, 2), strings(&["新收", "1", "2", "3", "6"]));
    let spans: Vec<(usize, usize, usize, usize)> = g
        .cells
        .iter()
        .map(|c| (c.row, c.column, c.rowspan, c.colspan))
        .collect();
    assert_eq!(
        spans,
        vec![
            (0, 0, 2, 1),
            (0, 1, 1, 3),
            (0, 4, 2, 1),
            (1, 1, 1, 1),
            (1, 2, 1, 2),
            (2, 0, 1, 1),
            (2, 1, 1, 1),
            (2, 2, 1, 1),
            (2, 3, 1, 1),
            (2, 4, 1, 1),
        ]
    );
}

#[test]
fn short_rows_are_padded_with_no_cell() {
    let g = grid("<table><tr><td>a<td>b<td>c<tr><td>d<tr></table>");
    assert_eq!((g.height(), g.width(), g.cells.len()), (3, 3, 4));
    assert_eq!(row(&g, 1), strings(&["d", "-", "-"]));
    assert_eq!(row(&g, 2), strings(&["-", "-", "-"]));
}

#[test]
fn row_groups_are_read_in_document_order() {
    let page = "<table><caption>表一</caption><thead><tr><th>h</th></tr></thead>\
        <tfoot><tr><td>f</td></tr></tfoot><tbody><tr><td rowspan=0>b1</td><td>1</td></tr><tr><td>2</td></tr></tbody>\
        <tbody><tr><td>b2</td></tr></tbody></table>";
    let all = blocks(page);
    assert!(matches!(all.first(), Some(Block::Text(t)) if t.text == "表一"));
    let Some(Block::Table(g)) = all.get(1) else {
        panic!("{all:?}");
    };
    let column: Vec<String> = (0..g.height()).map(|r| row(g, r)[0].clone()).collect();
    // rowspan=0 reaches the end of its own <tbody>, not into the next.
    assert_eq!(column, strings(&["h", "f", "b1", "b1", "b2"]));
    assert_eq!(row(g, 3), strings(&["b1", "2"]));
}

#[test]
fn a_table_split_over_two_tables_is_two_grids_in_order() {
    let page = "<p>三、收到和处理政府信息公开申请情况</p>\
        <table><tr><td>一、本年新收政府信息公开申请数量</td><td>7</td></tr></table>\
        <table><tr><td>二、上年结转政府信息公开申请数量</td><td>0</td></tr></table>";
    let all = blocks(page);
    assert_eq!(all.len(), 3);
    let grids: Vec<Vec<String>> = all
        .iter()
        .filter_map(|b| match b {
            Block::Table(g) => Some(row(g, 0)),
            Block::Text(_) => None,
        })
        .collect();
    assert_eq!(
        grids,
        vec![
            strings(&["一、本年新收政府信息公开申请数量", "7"]),
            strings(&["二、上年结转政府信息公开申请数量", "0"]),
        ]
    );
}

#[test]
fn a_layout_container_gives_its_blocks_and_inner_tables() {
    let page = "<table width=100%><tr><td>\
        <p>一、总体情况</p>\
        <table><tr><td>1</td><td>2</td></tr></table>\
        <p>后文</p><table><tr><td><table><tr><td>深</td></tr></table></td></tr></table>\
        </td><td>侧栏</td></tr></table>";
    let all = blocks(page);
    let shape: Vec<String> = all
        .iter()
        .map(|b| match b {
            Block::Text(t) => t.text.clone(),
            Block::Table(g) => format!("grid {:?}", row(g, 0)),
        })
        .collect();
    assert_eq!(
        shape,
        strings(&[
            "一、总体情况",
            "grid [\"1\", \"2\"]",
            "后文",
            "grid [\"深\"]",
            "侧栏",
        ])
    );
}

#[test]
fn what_a_browser_hides_is_ignored() {
    let page = "<html><head><style>p{color:red}</style><script>var a='<p>no</p>';</script></head><body>\
        <!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->\
        <p>正文<!-- 注释 --></p><noscript><p>no</p></noscript><template><p>no</p></template>\
        <input type=hidden name=x value=no><select><option>no</option></select><![if !supportLists]>\
        <script>document.write('<table><tr><td>no</td></tr></table>')</script><p>完</p></body></html>";
    assert_eq!(blocks(page).len(), 2);
    assert_eq!(texts(page), strings(&["正文", "完"]));
}

#[test]
fn metas_and_title_are_collected_with_positions() {
    let page = "<html><head>\n<meta charset=utf-8>\n<meta name=\"PubDate\" content=\"2020-01-31 10:00\">\n\
        <meta name='ArticleTitle' content='某局2019年政府信息公开工作年度报告'>\n<title>  某局 \n 年报 </title>\n\
        </head><body><meta name=ContentSource content=某局><p>x</p></body></html>";
    let document = parse(page);
    let metas: Vec<(&str, &str, usize, usize)> = document
        .metas
        .iter()
        .map(|m| (m.name.as_str(), m.content.as_str(), m.at.line, m.at.column))
        .collect();
    assert_eq!(
        metas,
        vec![
            ("PubDate", "2020-01-31 10:00", 3, 1),
            ("ArticleTitle", "某局2019年政府信息公开工作年度报告", 4, 1),
            ("ContentSource", "某局", 7, 14),
        ]
    );
    assert_eq!(document.meta("pubdate"), Some("2020-01-31 10:00"));
    let title = document
        .title
        .as_ref()
        .map(|t| (t.text.as_str(), t.at.line, t.at.column));
    assert_eq!(title, Some(("某局 年报", 5, 1)));
    assert_eq!(texts(page), strings(&["x"]));
}

#[test]
fn positions_are_lines_and_columns_of_start_tags() {
    let page = "<html>\n<body>\n  <p>一</p>\n<table>\n <tr><td>a</td>\n  <td>b</td></tr></table>\n<p>陆河<span>x</span></p><div>y</div>";
    let all = blocks(page);
    let Some(Block::Text(p)) = all.first() else {
        panic!("{all:?}");
    };
    assert_eq!((p.at.line, p.at.column, p.at.offset), (3, 3, 16));
    let Some(Block::Table(g)) = all.get(1) else {
        panic!("{all:?}");
    };
    assert_eq!((g.at.line, g.at.column, g.at.offset), (4, 1, 27));
    let cells: Vec<(usize, usize)> = g.cells.iter().map(|c| (c.at.line, c.at.column)).collect();
    assert_eq!(cells, vec![(5, 6), (6, 3)]);
    // Columns count characters: 陆河 are two columns and six bytes.
    let Some(Block::Text(div)) = all.get(3) else {
        panic!("{all:?}");
    };
    assert_eq!(div.text, "y");
    // "<p>陆河<span>x</span></p>" is 23 characters, 27 bytes, from offset 77.
    assert_eq!(
        (div.at.line, div.at.column, div.at.offset),
        (7, 24, 77 + 27)
    );
}

#[test]
fn a_gbk_page_reads_as_its_utf8_original() {
    let original = "<html><head><meta charset=gb2312><title>陆河县人民政府</title></head>\
        <body><p>三、收到和处理政府信息公开申请情况</p><table><tr><td>自然人</td><td>１２</td></tr></table></body></html>";
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(original);
    assert!(!unmappable);
    assert_ne!(&*bytes, original.as_bytes());
    let decoded = decode(&bytes);
    assert_eq!(decoded.text, original);
    assert_eq!(decoded.encoding, encoding_rs::GBK);
    assert_eq!(decoded.replaced, 0);
    assert_eq!(
        decoded.source,
        EncodingSource::Declared {
            label: "gb2312".into(),
            at: 12
        }
    );
    assert_eq!(parse(&decoded.text), parse(original));
}

// ---------------------------------------------------------------- hostile input

#[test]
fn spans_cannot_allocate_without_bound() {
    let g = grid("<table><tr><td rowspan=\"100000\">a<td>b<tr><td>c</table>");
    assert_eq!((g.height(), g.width()), (2, 2));
    assert_eq!(g.cells[0].rowspan, 2);
    assert_eq!(row(&g, 1), strings(&["a", "c"]));
    let g = grid(
        "<table><tr><td colspan=\"-1\">a<td colspan=0>b<td colspan=x>c<td colspan=2.9>d</table>",
    );
    assert_eq!(row(&g, 0), strings(&["a", "b", "c", "d", "d"]));
    // colspan is clamped to 1000, and no cell starts past column 1000.
    let g = grid("<table><tr><td colspan=5000>a<td colspan=3>b<td>c</table>");
    assert_eq!((g.width(), g.cells.len(), g.dropped), (MAX_COLUMNS, 1, 2));
    // Slots are counted: cells past the budget are dropped and counted.
    let rows = MAX_SLOTS / 1000 + 10;
    let page = "<table>".to_owned() + &"<tr><td colspan=1000>x".repeat(rows) + "</table>";
    let g = grid(&page);
    assert_eq!(g.cells.len(), MAX_SLOTS / 1000);
    assert_eq!(g.dropped, rows - MAX_SLOTS / 1000);
    assert_eq!(g.height(), rows);
}

#[test]
fn overlapping_cells_keep_the_earlier() {
    let g = grid("<table><tr><td>a<td rowspan=2>b<tr><td colspan=3>c</table>");
    assert_eq!(row(&g, 1), strings(&["c", "b", "c"]));
    assert_eq!(g.cells[2].colspan, 3);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    for (open, close) in [
        ("<div>", "</div>"),
        ("<span>", "</span>"),
        ("<b>", "</b>"),
        ("<x:y>", ""),
        ("<table><tr><td>", ""),
        ("<ul><li>", ""),
    ] {
        let page = open.repeat(10_000) + "深" + &close.repeat(10_000);
        let document = parse(&page);
        check_invariants(&page, &document);
        let all: Vec<String> = document
            .blocks
            .iter()
            .map(|b| match b {
                Block::Text(t) => t.text.clone(),
                Block::Table(g) => g.cells.iter().map(|c| c.text.clone()).collect(),
            })
            .collect();
        assert_eq!(all, strings(&["深"]), "{open}");
    }
}

#[test]
fn unclosed_formatting_elements_cost_linear_time() {
    // Distinct attributes defeat the tree builder's limit of three identical entries.
    let page: String = (0..20_000)
        .map(|i| format!("<font size={i}>x"))
        .chain(["<p>完</p>".to_owned()])
        .collect();
    let document = parse(&page);
    check_invariants(&page, &document);
    let texts: Vec<&str> = document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text(t) => Some(t.text.as_str()),
            Block::Table(_) => None,
        })
        .collect();
    assert_eq!(texts, vec!["x".repeat(20_000).as_str(), "完"]);
}

#[test]
fn unclosed_nested_tables_are_read() {
    let page = "<table><tr><td>外<table><tr><td>1<td>2".repeat(100);
    let document = parse(&page);
    check_invariants(&page, &document);
    // Each table holds the next, so only the innermost is a grid.
    let grids = grids_of(&document);
    assert_eq!(grids.len(), 1);
    assert_eq!(row(grids[0], 0), strings(&["1", "2"]));
}

#[test]
fn binary_bytes_are_decoded_and_parsed() {
    let bytes: Vec<u8> = (0..100_000u32)
        .map(|i| u8::try_from(i.wrapping_mul(2_654_435_761) >> 24).unwrap_or(0))
        .collect();
    let decoded = decode(&bytes);
    assert!(decoded.replaced > 0);
    let document = parse(&decoded.text);
    check_invariants(&decoded.text, &document);
    let document = parse("\0<\0p\0>\u{fffd}<td\0 rowspan=\0>\0");
    check_invariants("\0<\0p\0>\u{fffd}<td\0 rowspan=\0>\0", &document);
}

#[test]
fn a_5_mb_page_is_read() {
    // The real report article, closed, repeated to 5 MB: 120 copies of its three tables
    // (the bench `html` reads a larger page for speed).
    let start = PINGTAN.find("<div class=TRS_Editor>").unwrap_or(0);
    let article = &PINGTAN[start..];
    let end = article.find("</p></div>").map_or(article.len(), |i| i + 10);
    let article = &article[..end];
    let copies = 5_000_000 / article.len() + 1;
    let page = article.repeat(copies);
    assert!(page.len() >= 5_000_000);
    let document = parse(&page);
    let grids = document
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert_eq!(grids, 3 * copies);
    assert_eq!(document.unparsed, 0);
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn parse_never_panics_on_any_text(text in any::<String>()) {
        let document = parse(&text);
        check_invariants(&text, &document);
    }

    #[test]
    fn parse_never_panics_on_tag_soup(pieces in prop::collection::vec(soup(), 0..80)) {
        let page: String = pieces.concat();
        let document = parse(&page);
        check_invariants(&page, &document);
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600), head in soup()) {
        let mut page = head.into_bytes();
        page.extend(bytes);
        let decoded = decode(&page);
        // Each replacement is a U+FFFD; the page may hold others of its own.
        let marks = decoded.text.matches(char::REPLACEMENT_CHARACTER).count();
        prop_assert!(marks >= decoded.replaced);
        let document = parse(&decoded.text);
        check_invariants(&decoded.text, &document);
    }
}

/// One piece of tag soup: the tags, attributes, entities and texts of real pages, in any
/// order and nesting.
fn soup() -> impl Strategy<Value = String> {
    let tag = prop::sample::select(vec![
        "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "p", "div", "span", "br",
        "o:p", "font", "b", "h1", "li", "ul", "pre", "script", "style", "title", "meta", "svg",
        "math", "template", "noscript", "select", "textarea", "frameset", "a", "form",
    ]);
    let attribute = prop::sample::select(vec![
        "",
        " rowspan=0",
        " rowspan=\"100000\"",
        " rowspan=2",
        " colspan=-1",
        " colspan=\"1000\"",
        " colspan=3",
        " name=PubDate content='2020-01-31'",
        " charset=gbk",
        " hidden",
        " title='<td>'",
    ]);
    let text = prop::sample::select(vec![
        "三",
        "、本",
        "年",
        " ",
        "\n",
        "&nbsp;",
        "&#x4e00;",
        "&#12288;",
        "&amp",
        "&lt;",
        "0",
        "<!-- c -->",
        "<!--[if gte mso 9]>",
        "<![endif]-->",
        "<!",
        "</",
        "<",
        ">",
        "\u{3000}",
        "]]>",
        "<![CDATA[x]]>",
        "\r\n",
        "\0",
    ]);
    prop_oneof![
        (tag.clone(), attribute).prop_map(|(t, a)| format!("<{t}{a}>")),
        tag.prop_map(|t| format!("</{t}>")),
        text.prop_map(str::to_owned),
    ]
}
