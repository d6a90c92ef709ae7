//! The importer on hostile page text: a hundred megabytes, a report printed twice, every
//! table printed twice, numbers beyond `u64` and beyond `Decimal`, negative counts, money
//! with absurd scale, a 2021 row in a 2019 table, deep brackets and thousands of
//! heading-like lines. Each is read, or noted where it is; nothing panics; nothing is
//! silently changed. (`import_robust.rs` covers arbitrary strings and the real texts with
//! lines deleted, duplicated, swapped and cut; these are the cases it does not reach.)
//!
//! Pages come in two layouts: the seed (one cell per line, as copied from a browser) and
//! the seed's report rendered as plain text (`label | cell | cell` rows), which imports
//! back equal.

use std::time::{Duration, Instant};

use ogi_report::{
    AnnualReport, CellRef, Edition, Imported, Note, NoteKind, Place, RowRef, Table, Value,
    ValueError, ValueKind, import, render,
};
use proptest::prelude::*;

use crate::support::config;

use crate::support::luhe;

fn cell(code: &str) -> CellRef {
    code.parse().unwrap()
}

/// The seed's report as a plain-text page: rows of `label | cell | cell`.
fn pipe_page() -> String {
    render::text(&luhe::report().unwrap())
}

/// The seed up to its page furniture (the share and print links after section 六).
fn seed_body() -> &'static str {
    let page = luhe::PAGE;
    &page[..page.find("扫一扫").unwrap()]
}

/// The notes but the one saying where the publication date was read.
fn without_date(notes: &[Note]) -> Vec<&Note> {
    notes
        .iter()
        .filter(|n| !matches!(n.kind, NoteKind::PublishedFrom { .. }))
        .collect()
}

/// The 1-based line on which byte `at` of `text` stands.
fn line_at(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

fn notes_from(imported: &Imported, line: usize) -> Vec<&Note> {
    imported
        .notes
        .iter()
        .filter(|n| n.at.line >= line)
        .collect()
}

/// The note on a cell that cannot be read, with its place.
fn unreadable(imported: &Imported) -> Vec<(RowRef, usize, &str, &ValueError)> {
    imported
        .notes
        .iter()
        .filter_map(|n| match &n.kind {
            NoteKind::CellUnreadable { text, reason } => {
                Some((n.at.row?, n.at.cell?, text.as_str(), reason))
            }
            _ => None,
        })
        .collect()
}

/// The page with the first occurrence of `from` (after byte `after`) replaced.
fn replace_after(page: &str, after: &str, from: &str, to: &str) -> String {
    let start = page.find(after).unwrap();
    let at = start + page[start..].find(from).unwrap();
    format!("{}{to}{}", &page[..at], &page[at + from.len()..])
}

/// Both layouts with the second cell of 一、本年新收 (法人或其他组织/商业企业, `1`) printed
/// as `text`.
fn with_new_requests_cell(text: &str) -> [String; 2] {
    let seed = replace_after(
        luhe::PAGE,
        "一、本年新收",
        "\n1 \n",
        &format!("\n{text} \n"),
    );
    let pipe = replace_after(
        &pipe_page(),
        "一、本年新收",
        "|        1 |",
        &format!("| {text} |"),
    );
    [seed, pipe]
}

#[test]
fn a_hundred_megabyte_page_is_read_once_in_linear_time() {
    let seed = luhe::PAGE;
    let copies = 100 * 1024 * 1024 / seed.len() + 1;
    let big = seed.repeat(copies);
    assert!(big.len() >= 100 * 1024 * 1024);
    let start = Instant::now();
    let imported = import(&big).unwrap();
    let took = start.elapsed();
    // The first copy is the report; the copies after its page furniture are not read, and
    // one note says so, at the second copy's title (its first line runs on from the first
    // copy's last one, as the seed does not end with a line break).
    let once = import(seed).unwrap();
    assert_eq!(imported.report, once.report);
    let (repeat, notes) = imported.notes.split_last().unwrap();
    assert_eq!(notes, once.notes);
    let second = line_at(&big, seed.len());
    assert_eq!(
        repeat.kind,
        NoteKind::ReportRepeated {
            lines: big.lines().count() - second
        }
    );
    assert_eq!(repeat.at.line, second + 1);
    // About 2 s in a debug build on this machine: a generous bound catches a quadratic
    // path without making the test flaky.
    assert!(took < Duration::from_secs(60), "{took:?}");
}

/// A page that prints its report twice with nothing between the copies: the first copy
/// is the report, exactly as when printed once; section 六 ends where the second copy
/// starts (its site name and title repeat the first copy's front matter), and one note
/// there says the rest repeats the report and is not read.
#[test]
fn a_report_printed_twice_is_noted() {
    let body = seed_body();
    let twice = body.repeat(2);
    let imported = import(&twice).unwrap();
    let expected = import(body).unwrap();
    assert_eq!(imported.report, expected.report);
    let second = line_at(&twice, body.len());
    let after: Vec<&Note> = notes_from(&imported, second);
    assert!(
        matches!(
            after[..],
            [Note { kind: NoteKind::ReportRepeated { lines }, at, .. }]
                if at.line == second && *lines == twice[body.len()..].trim_end().lines().count()
        ),
        "the second copy (from line {second}) is not noted: {after:#?}"
    );
    assert_eq!(imported.notes.len(), expected.notes.len() + 1);
}

/// The seed printed twice, its page furniture between the copies: the first report is
/// read as when printed once, and the second (from the line after the furniture, a whole
/// report with its headings and tables) is not read, with a note at its title.
#[test]
fn a_report_repeated_after_the_page_furniture_is_noted() {
    let seed = luhe::PAGE;
    let twice = seed.repeat(2);
    let imported = import(&twice).unwrap();
    assert_eq!(imported.report, import(seed).unwrap().report);
    let second = line_at(&twice, seed.len());
    let after = notes_from(&imported, second);
    assert!(
        matches!(
            after[..],
            [Note { kind: NoteKind::ReportRepeated { .. }, at, .. }] if at.line == second + 1
        ),
        "the second copy (from line {second}) is dropped without a note: {after:#?}"
    );
}

/// What is not a repeat of the report: a heading printed again inside its own section,
/// or the tables printed again, are read as before (see also
/// `every_table_printed_twice_is_left_blank_with_its_cells_kept_in_a_note`).
#[test]
fn only_the_report_printed_again_from_its_first_heading_is_a_repeat() {
    let body = seed_body();
    let six = body.find("  六、").unwrap();
    // 二's heading and then 一's printed again in section 五: 五 keeps them.
    let t2 = body.find("  二、主动").unwrap();
    let heading_one = "  一、总体情况\n";
    let heading_two = &body[t2..=t2 + body[t2..].find('\n').unwrap()];
    let quoted = format!(
        "{}{heading_two}\n{heading_one}\n{}",
        &body[..six],
        &body[six..]
    );
    let imported = import(&quoted).unwrap();
    assert!(imported.report.problems().contains("一、总体情况"));
    assert!(
        imported
            .report
            .problems()
            .contains("二、主动公开政府信息情况")
    );
    // In that order they start a repeat (a copy of the report without its front matter).
    let again = format!("{}{heading_one}{}", &body[..six], &body[t2..]);
    let imported = import(&again).unwrap();
    let expected = import(body).unwrap();
    assert_eq!(imported.report.proactive(), expected.report.proactive());
    let repeat: Vec<usize> = imported
        .notes
        .iter()
        .filter(|n| matches!(n.kind, NoteKind::ReportRepeated { .. }))
        .map(|n| n.at.line)
        .collect();
    assert_eq!(repeat, [line_at(&again, six)]);
    assert_eq!(imported.report.other_matters().text, "");
}

/// Each table printed twice under its heading: rows printed twice with the same cells
/// are read once (the copies agree, nothing is guessed); 表四's data line printed twice
/// the same is read too, but the seed's, which prints 14 of its 15 cells, cannot be read
/// and is left blank with every printed cell in the note. The tables printed again after
/// 表四 fall into its section: kept there as extra rows, 表四 left blank.
#[test]
fn every_table_printed_twice_is_read_when_the_copies_agree() {
    for (page, t4_complete) in [(luhe::PAGE.to_owned(), false), (pipe_page(), true)] {
        let lines: Vec<&str> = page.split('\n').collect();
        let heading = |prefix: &str| {
            lines
                .iter()
                .position(|l| l.trim_start().starts_with(prefix))
                .unwrap()
        };
        let (t2, t3, t4, t5) = (
            heading("二、"),
            heading("三、收到"),
            heading("四、政府"),
            heading("五、"),
        );
        let once = import(&page).unwrap();
        // 二 二 三 三 四 四: each table's rows printed twice under its heading.
        let mut doubled: Vec<&str> = lines[..t3].to_vec();
        doubled.extend(&lines[t2 + 1..t3]);
        doubled.extend(&lines[t3..t4]);
        doubled.extend(&lines[t3 + 1..t4]);
        doubled.extend(&lines[t4..t5]);
        doubled.extend(&lines[t4 + 1..t5]);
        doubled.extend(&lines[t5..]);
        let imported = import(&doubled.join("\n")).unwrap();
        assert_eq!(imported.report.proactive(), once.report.proactive());
        assert_eq!(imported.report.requests(), once.report.requests());
        assert_eq!(imported.report.appeals(), once.report.appeals());
        let unreadable: Vec<&Note> = imported
            .notes
            .iter()
            .filter(|n| matches!(n.kind, NoteKind::TableUnreadable { .. }))
            .collect();
        if t4_complete {
            assert!(unreadable.is_empty(), "{unreadable:#?}");
            // The crate's own layout read exactly says nothing; read as page text, only
            // where its publication date is printed.
            assert_eq!(without_date(&imported.notes), without_date(&once.notes));
        } else {
            let [note] = unreadable.as_slice() else {
                panic!("{unreadable:#?}")
            };
            let NoteKind::TableUnreadable {
                table: Table::Appeals,
                found,
                expected: 15,
                printed,
                ..
            } = &note.kind
            else {
                panic!("{note}")
            };
            // Every cell the page prints, twice.
            assert_eq!(*found, 28);
            assert_eq!(printed.len(), 28);
            assert_eq!(printed[..14], printed[14..]);
        }
        assert_eq!(imported.report.overview(), once.report.overview());
        assert_eq!(imported.report.problems(), once.report.problems());

        // 二 三 四 二 三 四: the copies fall into 表四's section: 表四 cannot be read, the
        // rows of the copies are kept there as printed.
        let mut again: Vec<&str> = lines[..t5].to_vec();
        again.extend(&lines[t2..t5]);
        again.extend(&lines[t5..]);
        let imported = import(&again.join("\n")).unwrap();
        assert_eq!(imported.report.proactive(), once.report.proactive());
        assert_eq!(imported.report.requests(), once.report.requests());
        assert!(imported.report.appeals().cells().all(|(_, v)| v.is_none()));
        assert!(imported.notes.iter().any(|n| matches!(
            n.kind,
            NoteKind::TableUnreadable { table: Table::Appeals, found, .. } if found > 15
        )));
        let kept = imported.report.appeals().extras().rows();
        // Every row of 表二 and 表三 the page prints with its cells.
        assert_eq!(kept.len(), 8 + 23, "{kept:#?}");
        assert_eq!(kept[0].label, "规章");
        assert_eq!(kept[0].cells, ["0", "0", "0"]);
    }
}

#[test]
fn numbers_beyond_u64_and_negative_counts_are_noted_at_their_cell() {
    let new_total = cell("t3.new.total");
    let second = cell("t3.new.commercial");
    for (text, reason) in [
        (
            "18446744073709551616",
            ValueError::OutOfRange {
                text: "18446744073709551616".into(),
            },
        ),
        (
            "99999999999999999999999999",
            ValueError::OutOfRange {
                text: "99999999999999999999999999".into(),
            },
        ),
        ("-1", ValueError::Negative { text: "-1".into() }),
        ("2.5", ValueError::NotWhole { text: "2.5".into() }),
    ] {
        for page in with_new_requests_cell(text) {
            let imported = import(&page).unwrap();
            assert_eq!(
                unreadable(&imported),
                [(
                    RowRef::Requests(ogi_report::RequestRow::New),
                    2,
                    text,
                    &reason
                )],
                "{text}"
            );
            // Blank, never 0 and never wrapped; the row's other cells are read.
            assert_eq!(imported.report.get(second), None, "{text}");
            assert_eq!(imported.report.get(new_total), Some(Value::Count(11)));
        }
    }
    // u64::MAX itself is a count.
    for page in with_new_requests_cell("18446744073709551615") {
        let imported = import(&page).unwrap();
        assert_eq!(imported.report.get(second), Some(Value::Count(u64::MAX)));
        assert!(unreadable(&imported).is_empty());
    }
}

/// A cell printed as a number beyond what a `Decimal` holds (30 digits), `NaN`, `1e3`,
/// `Infinity` or a sign before more digits than an `i64` holds: taken as the cell it
/// stands for (the line classifier knows the shape of a number, the cell parser says it
/// cannot read it), left blank with one `CellUnreadable` note at its cell quoting the
/// text, and the rest of the row read.
#[test]
fn a_number_the_cell_parser_refuses_is_noted_at_its_cell_and_the_row_read() {
    let huge = format!("1{}", "0".repeat(30));
    let signed = format!("-{}", "9".repeat(20));
    for text in [huge.as_str(), "NaN", "1e3", "Infinity", signed.as_str()] {
        for (layout, page) in ["seed", "pipe"].iter().zip(with_new_requests_cell(text)) {
            let imported = import(&page).unwrap();
            let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
            let cells = unreadable(&imported);
            assert_eq!(
                cells.iter().map(|c| (c.0, c.1, c.2)).collect::<Vec<_>>(),
                [(RowRef::Requests(ogi_report::RequestRow::New), 2, text)],
                "{layout} {text}: {notes:#?}"
            );
            assert_eq!(
                imported.report.get(cell("t3.new.total")),
                Some(Value::Count(11)),
                "{layout} {text}"
            );
        }
    }
}

#[test]
fn money_at_the_most_decimal_places_is_kept_exactly() {
    let tiny = format!("0.{}1", "0".repeat(27));
    let amount = cell("t2.procurement.amount");
    for page in [
        luhe::PAGE.replacen("29451519.23", &tiny, 1),
        pipe_page().replacen("29451519.23", &format!("{tiny}元"), 1),
        luhe::PAGE.replacen("29451519.23", "79228162514264337593543950335", 1),
    ] {
        let imported = import(&page).unwrap();
        assert!(unreadable(&imported).is_empty());
        let Some(Value::Money(a)) = imported.report.get(amount) else {
            panic!("{:?}", imported.report.get(amount));
        };
        assert!(page.contains(&a.to_string()), "{a}");
    }
}

/// 采购总金额 printed with 40 decimal places (or as 1e40, or `NaN`): left blank, with a
/// note at its cell quoting the text (never only "the row prints 1 of its 2 cells").
#[test]
fn money_with_absurd_scale_is_quoted_in_a_note_at_its_cell() {
    let amount = cell("t2.procurement.amount");
    let small = format!("0.{}1", "0".repeat(40));
    let large = format!("1{}", "0".repeat(40));
    for text in [small.as_str(), large.as_str(), "NaN"] {
        for (layout, page) in [
            ("seed", luhe::PAGE.replacen("29451519.23", text, 1)),
            ("pipe", pipe_page().replacen("29451519.23", text, 1)),
        ] {
            let imported = import(&page).unwrap();
            assert_eq!(imported.report.get(amount), None);
            let quoted = imported.notes.iter().any(|n| {
                n.at.row == Some(RowRef::Proactive(ogi_report::ProactiveRow::Procurement))
                    && format!("{:?}", n.kind).contains(text)
            });
            let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
            assert!(quoted, "{layout} {text}: {notes:#?}");
        }
    }
}

#[test]
fn a_2021_row_in_a_2019_table_is_never_placed_as_a_2019_row() {
    let sub_row = "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
    let seed = luhe::PAGE;
    let at = seed.find("(七)总计").unwrap();
    let seed_page = format!(
        "{}{sub_row}\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n\n{}",
        &seed[..at],
        &seed[at..]
    );
    let pipe = pipe_page();
    let other = pipe.lines().find(|l| l.contains("（六）其他处理")).unwrap();
    let pipe_page = pipe.replacen(
        other,
        &format!("{other}\n{}", other.replacen("（六）其他处理", sub_row, 1)),
        1,
    );
    for (page, original) in [(seed_page, luhe::PAGE.to_owned()), (pipe_page, pipe)] {
        let imported = import(&page).unwrap();
        assert_eq!(imported.report.edition(), Edition::E2019);
        // The 2019 rows are read by their labels as without the foreign row; the foreign
        // row is kept as printed, as an extra row, with a note; nothing shifts.
        let without = import(&original).unwrap();
        assert_eq!(
            imported.report.requests().cells().collect::<Vec<_>>(),
            without.report.requests().cells().collect::<Vec<_>>()
        );
        let extra = &imported.report.requests().extras().rows();
        assert_eq!(extra.len(), 1, "{extra:?}");
        assert_eq!(extra[0].label, sub_row);
        assert_eq!(extra[0].cells.len(), 7);
        assert!(imported.notes.iter().any(|n| matches!(
            &n.kind,
            NoteKind::RowNotInEdition { edition: Edition::E2019, cells } if cells.len() == 7
        )));
        assert_eq!(imported.report.proactive(), without.report.proactive());
    }
}

#[test]
fn deep_brackets_and_thousands_of_heading_like_lines() {
    let pipe = pipe_page();
    let expected = import(&pipe).unwrap();
    let t3_heading = pipe.find("三、收到").unwrap();
    let in_t3 = t3_heading + pipe[t3_heading..].find('\n').unwrap() + 1;
    let overview_end = pipe.find("二、主动").unwrap();
    let deep = |open: &str| open.repeat(100_000);
    for (what, at, insert) in [
        (
            "brackets in the front matter",
            0,
            format!("{}\n", deep("（")),
        ),
        (
            "brackets in the overview",
            overview_end,
            format!("{}\n", deep("(([")),
        ),
        (
            "closing brackets in the overview",
            overview_end,
            format!("{}\n", deep("】)")),
        ),
        (
            "一 headings in the overview",
            overview_end,
            "一、总体情况\n".repeat(10_000),
        ),
        (
            "（一） labels in 表三",
            in_t3,
            "（一）予以公开\n".repeat(10_000),
        ),
        ("brackets in 表三", in_t3, format!("{}\n", deep("（"))),
    ] {
        let page = format!("{}{insert}{}", &pipe[..at], &pipe[at..]);
        let start = Instant::now();
        let imported = import(&page).unwrap();
        assert!(start.elapsed() < Duration::from_secs(20), "{what}");
        // The tables are read as without the lines.
        assert_eq!(
            imported.report.proactive(),
            expected.report.proactive(),
            "{what}"
        );
        assert_eq!(
            imported.report.requests().cells().collect::<Vec<_>>(),
            expected.report.requests().cells().collect::<Vec<_>>(),
            "{what}"
        );
        // A line inside 表三 that is no part of its grid is kept byte for byte, as a
        // remark above the table; row labels printed again are not.
        let remarks = imported.report.requests().extras().remarks();
        if insert.starts_with('（') && at == in_t3 && !insert.contains('）') {
            assert_eq!(remarks.len(), 1, "{what}");
            assert_eq!(remarks[0].place, Place::Above, "{what}");
            assert_eq!(remarks[0].text, insert.trim_end(), "{what}");
        } else {
            assert!(remarks.is_empty(), "{what}");
        }
        assert_eq!(
            imported.report.appeals(),
            expected.report.appeals(),
            "{what}"
        );
        if at == overview_end {
            // Narrative is kept byte for byte, the lines in it.
            let overview = imported.report.overview();
            assert!(overview.starts_with(expected.report.overview()), "{what}");
            assert!(overview.ends_with(insert.trim_end()), "{what}");
        }
    }
    // Thousands of numbered lines that look like headings: the first that matches a
    // heading's words starts that section (表三, by its word 申请), and the sections
    // before it are noted missing. 表三 is still read right, and the text between that
    // heading and the table is kept in the table's remarks, not lost.
    let numbered: String = ["一", "二", "三", "四", "五", "六"]
        .iter()
        .cycle()
        .take(10_000)
        .flat_map(|n| [*n, "、申请\n"])
        .collect();
    let title_end = pipe.find('\n').unwrap() + 1;
    let page = format!("{}{numbered}{}", &pipe[..title_end], &pipe[title_end..]);
    let imported = import(&page).unwrap();
    assert!(imported.notes.iter().any(
        |n| n.kind == NoteKind::MissingSection && n.at.section == ogi_report::Section::Overview
    ));
    assert_eq!(
        imported.report.requests().cells().collect::<Vec<_>>(),
        expected.report.requests().cells().collect::<Vec<_>>()
    );
    let kept: String = imported
        .report
        .requests()
        .extras()
        .remarks()
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(kept.contains(expected.report.overview().trim_end()));
}

/// A line of 100,000 brackets inside 表三 is kept byte for byte as a remark above the
/// table; 10,000 lines of a row's label printed again without values, which the model has
/// no place for, get one `TextNotKept` note at their first line, with the count and at
/// most 60 characters of the first line. The cells are read right either way.
#[test]
fn a_line_of_brackets_inside_a_table_is_noted() {
    let pipe = pipe_page();
    let t3_heading = pipe.find("三、收到").unwrap();
    let in_t3 = t3_heading + pipe[t3_heading..].find('\n').unwrap() + 1;
    let expected = import(&pipe).unwrap();
    let line = line_at(&pipe, in_t3);
    let brackets = "（".repeat(100_000);
    let page = format!("{}{brackets}\n{}", &pipe[..in_t3], &pipe[in_t3..]);
    let imported = import(&page).unwrap();
    let mut with_remark = expected.report.clone();
    with_remark
        .requests_mut()
        .add_remark(Place::Above, &brackets)
        .unwrap();
    assert_eq!(imported.report, with_remark);
    assert_eq!(without_date(&imported.notes), without_date(&expected.notes));
    let labels = "（一）予以公开\n".repeat(10_000);
    let page = format!("{}{labels}{}", &pipe[..in_t3], &pipe[in_t3..]);
    let imported = import(&page).unwrap();
    assert_eq!(imported.report, expected.report);
    let added: Vec<&Note> = without_date(&imported.notes)
        .into_iter()
        .filter(|n| !expected.notes.contains(n))
        .collect();
    assert!(
        matches!(
            &added[..],
            [Note { kind: NoteKind::TextNotKept { lines: 10_000, text }, at, .. }]
                if text == "（一）予以公开" && at.line == line
                    && at.section == ogi_report::Section::Requests
        ),
        "line {line}: {added:#?}"
    );
}

/// Cell texts that are read as a value of the cell's kind or refused by it with a reason,
/// texts that neither a change nor an amount reads included (30 digits, 40 decimal places,
/// an exponent, `NaN`, `Infinity`, a sign before more digits than an `i64` holds).
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("18446744073709551615".to_owned()),
        Just("18446744073709551616".to_owned()),
        Just("9223372036854775808".to_owned()),
        Just("-9223372036854775808".to_owned()),
        Just("+0".to_owned()),
        Just("-0".to_owned()),
        Just("1,000,000".to_owned()),
        Just("１２".to_owned()),
        Just("/".to_owned()),
        Just("无".to_owned()),
        "[0-9]{1,28}",
        "-[0-9]{1,18}",
        "\\+[0-9]{1,18}",
        "[0-9]{1,10}\\.[0-9]{1,17}",
        "[0-9]{1,10}(\\.[0-9]{1,8})?(元|万元)",
        "[0-9]{29,40}",
        "0\\.[0-9]{29,40}",
        "[-+][0-9]{19,30}",
        "[0-9]{1,3}[eE][-+]?[0-9]{1,3}(元)?",
        Just("NaN".to_owned()),
        Just("-Infinity".to_owned()),
        Just("inf".to_owned()),
    ]
}

proptest! {
    #![proptest_config(config(96))]

    /// Any cell of the pipe page printed as a hostile number: read as exactly that value,
    /// or left blank with a note quoting it at its row and cell. The other cells are read
    /// as before.
    #[test]
    fn any_cell_printed_as_a_hostile_number_is_read_or_noted(which in 0usize..200, text in cell_text()) {
        let report = luhe::report().unwrap();
        let cells: Vec<(CellRef, Option<Value>)> = report.cells().collect();
        let (target, value) = cells[which % cells.len()];
        let mut page_report = report.clone();
        // A marker value that prints once in the page, replaced by the hostile text.
        let marker = match target.kind() {
            ValueKind::Count => Value::Count(987_654_321),
            ValueKind::Delta => Value::Delta(987_654_321),
            ValueKind::Money => Value::Money("987654321元".parse().unwrap()),
        };
        page_report.set(target, Some(marker)).unwrap();
        let page = render::text(&page_report);
        prop_assume!(page.matches(&marker.to_string()).count() == 1);
        let page = page.replacen(&marker.to_string(), &text, 1);
        let imported = import(&page).unwrap();
        match Value::parse(target.kind(), &text) {
            Ok(parsed) => {
                prop_assert_eq!(imported.report.get(target), parsed);
                prop_assert!(unreadable(&imported).is_empty());
            }
            Err(reason) => {
                prop_assert_eq!(imported.report.get(target), None);
                let notes = unreadable(&imported);
                prop_assert_eq!(notes.len(), 1, "{:?}", imported.notes);
                prop_assert_eq!(Some(notes[0].0), Some(row_of(target)));
                prop_assert_eq!(notes[0].2, text.as_str());
                prop_assert_eq!(notes[0].3, &reason);
            }
        }
        for (c, v) in imported.report.cells().filter(|&(c, _)| c != target) {
            prop_assert_eq!(v, report.get(c), "{}", c);
        }
        let _ = value;
    }
}

fn row_of(cell: CellRef) -> RowRef {
    match cell {
        CellRef::Proactive(r, _) => RowRef::Proactive(r),
        CellRef::Requests(r, _) => RowRef::Requests(r),
        CellRef::Appeals(g, _) => RowRef::Appeals(g),
    }
}

#[test]
fn the_pipe_page_imports_back_equal() {
    // The premise of the tests above.
    let report: AnnualReport = luhe::report().unwrap();
    let imported = import(&pipe_page()).unwrap();
    assert_eq!(imported.report.proactive(), report.proactive());
    assert_eq!(imported.report.requests(), report.requests());
    assert_eq!(imported.report.appeals(), report.appeals());
}
