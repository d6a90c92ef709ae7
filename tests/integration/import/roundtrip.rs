//! Round trip (issue 5): a generated report of either edition, printed by
//! [`render::text`], imports back equal, with no notes but the two informational ones the
//! report itself calls for (no publication date; an edition other than its year's).
//!
//! What cannot round-trip is never generated, and only that (the layout is ambiguous
//! there, as the renderer's docs say): a text with a line equal to the heading of a later
//! section, and a body with a line break. [`ambiguous`] says exactly which reports those
//! are, and the property checks that the generator never makes one. (A 2021 section 六
//! text that itself ended, after an empty line, in the two lines of a fee statement would
//! be ambiguous too; no piece of the generator holds the statement's labels.)
//!
//! Everything else is generated: bodies with spaces, digits (also right before the year),
//! `|`, markup, the title's own words, or empty; texts with CJK, ASCII, spaces (also
//! leading and trailing, and full-width), tabs, empty lines (also leading and trailing),
//! `|`, digits, amounts, lines that look like headings, table rows, the front matter or
//! a fee sentence, and the headings of the same or earlier sections verbatim; cells blank
//! anywhere, up to whole tables (表四's data line is then separators only); counts and
//! changes over their whole range, negative changes; amounts in 元, 万元 and with no unit
//! (a 2021 本年收费金额 without one is in 万元, as the model holds it); the 2021 fee
//! statement with any of its values blank; any kind of body; any publication date or none;
//! report years of either edition's range for either edition.

use chrono::NaiveDate;
use ogi_report::{
    Amount, AnnualReport, AppealColumn, AppealGroup, Appeals, BodyKind, CellRef, Edition,
    FeeStatement, Layout, NoteKind, OtherMatters, Proactive, RequestRow, Requests, Section, Table,
    Value, ValueKind, import, render,
};
use proptest::prelude::*;

use crate::support::generate::{
    ALL_UNITS, GenExtras, Parts, amount_in, assemble, extras, fees, put_extras,
};
use crate::support::{config, distinct, seed};

/// The report year's edition.
fn edition_of_year(year: u16) -> Edition {
    if year < 2021 {
        Edition::E2019
    } else {
        Edition::E2021
    }
}

/// The notes a report printed by `render::text` imports with: the publication date not
/// printed, the tables in an edition other than the report year's. Both say what the
/// report lacks or departs from, not how it was read.
fn expected_notes(report: &AnnualReport) -> Vec<NoteKind> {
    let mut notes = Vec::new();
    if edition_of_year(report.year()) != report.edition() {
        notes.push(NoteKind::EditionNotOfYear {
            edition: report.edition(),
            year: report.year(),
        });
    }
    if report.published().is_none() {
        notes.push(NoteKind::NoPublicationDate);
    }
    for table in [Table::Proactive, Table::Requests] {
        let layout = report.layout(table).edition();
        if layout != report.edition() {
            notes.push(NoteKind::MixedLayout {
                table,
                layout,
                edition: report.edition(),
            });
        }
    }
    notes
}

/// Whether the plain-text layout is ambiguous for the report: a text holds a line equal
/// to the heading of a later section, or the body a line break.
fn ambiguous(report: &AnnualReport) -> bool {
    let texts = [
        (Section::Overview, report.overview()),
        (Section::Problems, report.problems()),
        (Section::OtherMatters, report.other_matters().text.as_str()),
    ];
    let later_heading = texts.iter().any(|&(section, text)| {
        text.split('\n').any(|line| {
            Section::ALL
                .iter()
                .any(|&s| s > section && s.heading() == line)
        })
    });
    later_heading || report.body().contains('\n')
}

/// Pieces of text; `section` is the one the text belongs to: its heading and the earlier
/// ones are pieces too, alone on a line or not.
fn text(section: Section) -> impl Strategy<Value = String> {
    let mut pieces: Vec<String> = [
        "政府信息公开",
        "2020年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "（一）主动公开情况。",
        "五是加强队伍建设，提升工作水平",
        "全年收取政府信息公开信息处理费 0 元。",
        "无",
        "Open Government Information",
        "abc",
        "x",
        " ",
        "  ",
        "\u{3000}",
        "\t",
        "\n",
        "\n\n",
        "\n\n\n",
        "|",
        " | ",
        "| 3 | 4 |",
        "规章 | 0 | 0 | 0",
        "信息内容 | 本年新制作数量",
        "第二十条第（一）项",
        "三、本年度办理结果",
        "二、主动公开",
        "一、总体情况。",
        "  六、其他需要报告的事项",
        "五、存在的主要问题及改进情况 ",
        "发布日期：2024-01-01",
        "机关类型：其他",
        "某局2020年政府信息公开工作年度报告",
        "2020",
        "0",
        "-3",
        "1,036",
        "7730.28万元",
        "<b>&amp;</b>",
    ]
    .map(str::to_owned)
    .to_vec();
    for earlier in Section::ALL.iter().filter(|&&s| s <= section) {
        pieces.push(earlier.heading().to_owned());
        pieces.push(format!("\n{}\n", earlier.heading()));
        pieces.push(format!("\n\n{}\n\n", earlier.heading()));
    }
    prop::collection::vec(prop::sample::select(pieces), 0..12).prop_map(|p| p.concat())
}

/// A body: pieces without a line break, possibly none.
fn body() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "某县",
        "人民政府",
        "局",
        " ",
        "\u{3000}",
        "2",
        "0",
        "|",
        "abc",
        "政府信息公开",
        "关于",
        "的",
        "年",
        "<x>&",
        "2020年",
        "工作年度报告",
    ]);
    prop::collection::vec(pieces, 0..6).prop_map(|p| p.concat())
}

fn amount() -> impl Strategy<Value = Amount> + Clone {
    amount_in(prop_oneof![0i64..10_000, 0i64..=i64::MAX], 0..7, ALL_UNITS)
}

fn value(kind: ValueKind) -> BoxedStrategy<Value> {
    match kind {
        ValueKind::Count => prop_oneof![0u64..1000, any::<u64>()]
            .prop_map(Value::Count)
            .boxed(),
        ValueKind::Delta => prop_oneof![-5000i64..5000, any::<i64>()]
            .prop_map(Value::Delta)
            .boxed(),
        ValueKind::Money => amount().prop_map(Value::Money).boxed(),
    }
}

/// The cells of a table: all blank, all filled, or each blank or not.
fn cells(table: Table, edition: Edition) -> impl Strategy<Value = Vec<(CellRef, Option<Value>)>> {
    let cells: Vec<CellRef> = table.cells(edition).collect();
    let blank = cells.iter().map(|&c| (c, None)).collect::<Vec<_>>();
    let with = |f: fn(BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>>| {
        cells
            .iter()
            .map(|&c| f(value(c.kind())).prop_map(move |v| (c, v)))
            .collect::<Vec<_>>()
    };
    prop_oneof![
        1 => Just(blank),
        1 => with(|v| v.prop_map(Some).boxed()),
        4 => with(|v| prop::option::weighted(0.6, v).boxed()),
    ]
}

/// The other edition.
fn other(edition: Edition) -> Edition {
    match edition {
        Edition::E2019 => Edition::E2021,
        _ => Edition::E2019,
    }
}

/// The cells of the three tables, 表二 and 表三 each in the report's layout or (one time in
/// four) the other edition's, and what each prints beyond its cells.
#[allow(
    clippy::type_complexity,
    reason = "the generated parts of three tables"
)]
fn layouts(
    edition: Edition,
) -> impl Strategy<
    Value = (
        [Edition; 2],
        Vec<(CellRef, Option<Value>)>,
        Vec<(CellRef, Option<Value>)>,
        Vec<(CellRef, Option<Value>)>,
        [GenExtras; 3],
    ),
> {
    let layout = move || prop_oneof![3 => Just(edition), 1 => Just(other(edition))];
    (layout(), layout()).prop_flat_map(move |(l2, l3)| {
        (
            Just([l2, l3]),
            cells(Table::Proactive, l2),
            cells(Table::Requests, l3),
            cells(Table::Appeals, edition),
            (
                extras(Layout::of(Table::Proactive, l2)),
                extras(Layout::of(Table::Requests, l3)),
                extras(Layout::of(Table::Appeals, edition)),
            )
                .prop_map(|(a, b, c)| [a, b, c]),
        )
    })
}

/// A report of either edition as the generator of this module describes it.
fn report() -> impl Strategy<Value = AnnualReport> {
    prop_oneof![Just(Edition::E2019), Just(Edition::E2021)].prop_flat_map(|edition| {
        let kind = prop::sample::select(BodyKind::ALL.to_vec());
        let year = prop_oneof![2019u16..2031, 2019u16..=9999];
        let date = prop::option::of(0u64..36_500);
        (
            (body(), year, kind, date),
            (
                text(Section::Overview),
                text(Section::Problems),
                text(Section::OtherMatters),
            ),
            layouts(edition),
            fees(prop_oneof![0u64..20, any::<u64>()], amount()),
        )
            .prop_map(
                move |((body, year, kind, date), (overview, problems, six), tables, fees)| {
                    let ([l2, l3], t2, t3, t4, extras) = tables;
                    let mut proactive = Proactive::blank(l2);
                    let mut requests = Requests::blank(l3);
                    let mut appeals = Appeals::blank();
                    for (cell, value) in t2.into_iter().chain(t3).chain(t4) {
                        match (cell, value) {
                            (CellRef::Proactive(r, c), v) => {
                                proactive.set(r, c, v).expect("a 表二 cell");
                            }
                            (CellRef::Requests(r, c), Some(Value::Count(n))) => {
                                requests.set(r, c, Some(n)).expect("a 表三 cell");
                            }
                            (CellRef::Appeals(g, c), Some(Value::Count(n))) => {
                                appeals.set(g, c, Some(n)).expect("表四 has every cell");
                            }
                            _ => {}
                        }
                    }
                    let [e2, e3, e4] = extras;
                    put_extras!(proactive, e2);
                    put_extras!(requests, e3);
                    put_extras!(appeals, e4);
                    let first = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a date");
                    let parts = Parts {
                        texts: [overview, problems, six],
                        tables: (proactive, requests, appeals),
                        fees,
                        published: date.map(|days| first + chrono::Days::new(days)),
                    };
                    assemble(edition, year, body, kind, parts)
                },
            )
    })
}

/// Imports the report's plain text and checks it comes back equal with the expected notes.
fn round_trip(report: &AnnualReport) -> Result<(), TestCaseError> {
    let text = render::text(report);
    let imported = import(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
    prop_assert_eq!(&imported.report, report, "{}", text);
    // Amounts compare by printed scale and unit too, but serialise to be sure.
    prop_assert_eq!(
        serde_json::to_string(&imported.report).map_err(|e| TestCaseError::fail(e.to_string()))?,
        serde_json::to_string(report).map_err(|e| TestCaseError::fail(e.to_string()))?
    );
    let kinds: Vec<&NoteKind> = imported.notes.iter().map(|n| &n.kind).collect();
    let expected = expected_notes(report);
    prop_assert_eq!(kinds, expected.iter().collect::<Vec<_>>(), "{}", text);
    for note in &imported.notes {
        if !matches!(note.kind, NoteKind::MixedLayout { .. }) {
            prop_assert_eq!(note.at.line, 1);
        }
    }
    // Our own HTML page reads back the same, with the same notes.
    #[cfg(feature = "html")]
    {
        let page = render::html(report, &ogi_report::render::HtmlOptions::new());
        let from_html = ogi_report::import_html(&page)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{page}")))?;
        prop_assert_eq!(&from_html.report, report, "{}", page);
        prop_assert_eq!(
            serde_json::to_string(&from_html.report)
                .map_err(|e| TestCaseError::fail(e.to_string()))?,
            serde_json::to_string(report).map_err(|e| TestCaseError::fail(e.to_string()))?
        );
        let html_kinds: Vec<&NoteKind> = from_html.notes.iter().map(|n| &n.kind).collect();
        prop_assert_eq!(html_kinds, expected.iter().collect::<Vec<_>>());
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn plain_text_imports_back_equal(report in report()) {
        prop_assert!(!ambiguous(&report), "the generator made an ambiguous report");
        round_trip(&report)?;
    }
}

#[test]
fn the_seed_and_distinct_reports_round_trip() -> Result<(), TestCaseError> {
    round_trip(&seed())?;
    round_trip(&distinct(Edition::E2019))?;
    round_trip(&distinct(Edition::E2021))
}

/// A report of the edition with blank tables and the texts given (一, 五, 六).
fn small(edition: Edition, year: u16, texts: [&str; 3]) -> AnnualReport {
    let [overview, problems, six] = texts;
    AnnualReport::builder(edition, year, "某局", BodyKind::Department)
        .published(
            NaiveDate::from_ymd_opt(year.into(), 12, 31).expect("a date") + chrono::Days::new(20),
        )
        .overview(overview)
        .proactive(Proactive::blank(edition))
        .requests(Requests::blank(edition))
        .appeals(Appeals::blank())
        .problems(problems)
        .other_matters(OtherMatters::new(six))
        .build()
        .expect("the report builds")
}

#[test]
fn a_blank_table_four_is_a_line_of_separators() -> Result<(), TestCaseError> {
    let report = small(Edition::E2021, 2024, ["", "", ""]);
    let text = render::text(&report);
    let columns: Vec<&str> = AppealColumn::ALL.iter().map(|c| c.label()).collect();
    let header = text
        .lines()
        .position(|l| l.starts_with(columns[0]))
        .expect("表四's column header");
    let data = text.lines().nth(header + 1).expect("表四's data line");
    assert!(data.chars().all(|c| c == '|' || c == ' '), "{data:?}");
    assert_eq!(data.matches('|').count(), 14);
    round_trip(&report)
}

#[test]
fn texts_keep_blank_lines_spaces_and_earlier_headings() -> Result<(), TestCaseError> {
    let report = small(
        Edition::E2019,
        2020,
        [
            "\n\n  一、总体情况\n\n| 1 | 2 |\n二、主动公开政府信息情况\n  ",
            " ",
            "\n二、主动公开政府信息情况\n\n五、存在的主要问题及改进情况\n\n全年收取政府信息公开信息处理费 0 元。\n",
        ],
    );
    round_trip(&report)
}

#[test]
fn a_fee_sentence_is_text_when_the_layout_states_the_fees() -> Result<(), TestCaseError> {
    // In the crate's layout a fee statement is printed as values or not at all, so a
    // sentence about fees is only text.
    let mut report = small(
        Edition::E2021,
        2024,
        ["", "", "全年收取政府信息公开信息处理费 3940 元。"],
    );
    round_trip(&report)?;
    let mut six = report.other_matters().clone();
    let collected = "3940元"
        .parse()
        .map_err(|e: ogi_report::ValueError| TestCaseError::fail(e.to_string()))?;
    six.fees = Some(FeeStatement::new(None, None, Some(collected)));
    report = AnnualReport::builder(Edition::E2021, 2024, "某局", BodyKind::Department)
        .proactive(Proactive::blank(Edition::E2021))
        .requests(Requests::blank(Edition::E2021))
        .appeals(Appeals::blank())
        .other_matters(six)
        .build()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    round_trip(&report)
}

#[test]
fn a_page_departing_from_the_layout_is_read_as_page_text() -> Result<(), Box<dyn std::error::Error>>
{
    let report = distinct(Edition::E2021);
    let text = render::text(&report);

    // Without the kind-of-body line the page is read as any page: the kind is inferred
    // from the name, with a note, and the texts lose their surrounding blank lines.
    let without_kind: String = text
        .split_inclusive('\n')
        .filter(|l| !l.starts_with("机关类型："))
        .collect();
    let imported = import(&without_kind)?;
    assert!(imported.notes.iter().any(|n| n.kind
        == NoteKind::BodyKindInferred {
            kind: BodyKind::Department
        }));
    assert_eq!(imported.report.proactive(), report.proactive());
    assert_eq!(
        imported.report.other_matters().fees,
        report.other_matters().fees
    );

    // With the kind-of-body line but a row removed from 表三, the kind is still read
    // from its line, with no note.
    let without_row: String = text
        .split_inclusive('\n')
        .filter(|l| !l.trim_start().starts_with(RequestRow::Petition.label()))
        .collect();
    let imported = import(&without_row)?;
    assert_eq!(imported.report.kind(), BodyKind::Department);
    assert!(
        !imported
            .notes
            .iter()
            .any(|n| matches!(n.kind, NoteKind::BodyKindInferred { .. }))
    );
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::RowMissing)
    );
    assert_eq!(imported.report.appeals(), report.appeals());
    Ok(())
}

#[test]
fn table_four_data_line_read_as_page_text() -> Result<(), Box<dyn std::error::Error>> {
    // The page-text reader too takes 表四's data line of fifteen fields as printed, blank
    // fields at either end and a line of separators only included.
    let mut edges = Appeals::blank();
    edges
        .set(AppealGroup::Review, AppealColumn::Corrected, Some(3))
        .expect("表四 has every cell");
    edges
        .set(AppealGroup::SuitAfterReview, AppealColumn::Pending, Some(0))
        .expect("表四 has every cell");
    let mut full = Appeals::blank();
    for (i, (g, c)) in AppealGroup::ALL
        .iter()
        .flat_map(|&g| AppealColumn::ALL.iter().map(move |&c| (g, c)))
        .enumerate()
    {
        full.set(g, c, Some(u64::try_from(i)?))
            .expect("表四 has every cell");
    }
    for appeals in [Appeals::blank(), edges, full] {
        let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
            .proactive(Proactive::blank(Edition::E2019))
            .requests(Requests::blank(Edition::E2019))
            .appeals(appeals.clone())
            .build()?;
        let page: String = render::text(&report)
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("机关类型："))
            .collect();
        let imported = import(&page)?;
        assert_eq!(imported.report.appeals(), &appeals, "{page}");
        assert!(
            imported
                .notes
                .iter()
                .all(|n| n.at.section != Section::Appeals),
            "{:?}",
            imported.notes
        );
    }
    Ok(())
}
