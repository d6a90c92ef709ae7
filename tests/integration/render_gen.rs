//! Reports for the output tests: the seed, the 2021 fixture, reports with a distinct value in
//! every cell, and generated assembled reports of both editions.

use chrono::NaiveDate;
use ogi_report::{
    Amount, AnnualReport, Appeals, BodyKind, CellRef, Edition, ExtraRow, FeeStatement, Layout,
    LayoutRow, OtherMatters, Place, Proactive, RequestDetails, RequestRow, Requests, RowRef, Table,
    Value, ValueKind,
};
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

pub(crate) use crate::luhe as luhe_2020;

/// The directory of the output fixtures.
pub(crate) const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/render");

/// The seed report (陆河县人民政府 2020, 2019 edition).
pub(crate) fn seed() -> AnnualReport {
    luhe_2020::report().expect("the seed report builds")
}

/// A JSON fixture of `tests/fixtures/render`, read as a report.
pub(crate) fn fixture(name: &str) -> AnnualReport {
    let path = format!("{FIXTURES}/{name}");
    let json = std::fs::read_to_string(&path).expect("the fixture is readable");
    serde_json::from_str(&json).expect("the fixture is a report")
}

/// A report whose every cell holds a value no other cell holds (counts from 101, changes
/// negative, money with a distinct fraction), so a cell printed in the wrong place shows.
/// The tables are taken as printed: nothing adds up, which the layout does not care about.
pub(crate) fn distinct(edition: Edition) -> AnnualReport {
    let mut t2 = Proactive::blank(edition);
    let mut t3 = Requests::blank(edition);
    let mut t4 = Appeals::blank();
    for (i, cell) in CellRef::all(edition).enumerate() {
        let n = 101 + u64::try_from(i).expect("few cells");
        let value = match cell.kind() {
            ValueKind::Count => Value::Count(n),
            ValueKind::Delta => Value::Delta(-i64::try_from(n).expect("few cells")),
            ValueKind::Money => Value::Money(format!("{n}.5万元").parse().expect("an amount")),
        };
        match cell {
            CellRef::Proactive(r, c) => t2.set(r, c, Some(value)).expect("a 表二 cell"),
            CellRef::Requests(r, c) => t3.set(r, c, Some(n)).expect("a 表三 cell"),
            CellRef::Appeals(g, c) => t4.set(g, c, Some(n)).expect("a 表四 cell"),
        }
    }
    let mut six = OtherMatters::new("全年未收取信息处理费。");
    if edition == Edition::E2021 {
        let mut fees = FeeStatement::default();
        fees.notices = Some(7);
        fees.notices_amount = Some("1300元".parse().expect("an amount"));
        fees.collected = Some("1200元".parse().expect("an amount"));
        six.fees = Some(fees);
    }
    AnnualReport::builder(edition, 2023, "某市<测试>&局", BodyKind::Department)
        .published(NaiveDate::from_ymd_opt(2024, 1, 30).expect("a date"))
        .overview("  一年来……\n\n（一）主动公开。<b>加粗</b> & 'x'")
        .proactive(t2)
        .requests(t3)
        .appeals(t4)
        .problems("*无*")
        .other_matters(six)
        .build()
        .expect("the report builds")
}

/// A proptest configuration: `cases` cases, failures persisted next to the sources.
pub(crate) fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}

/// Text with what can break an output: CJK, markup, Markdown, `|`, tabs, line breaks,
/// indentation.
pub(crate) fn text() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "政府信息公开",
        "（一）",
        "1.",
        "<b>",
        "&amp;",
        "\"'",
        "*_`#",
        "|",
        "\t",
        "\n",
        "\n\n",
        "  ",
        "　",
        "2.5万元",
    ])
    .prop_map(str::to_owned);
    let piece = prop_oneof![3 => fixed, 1 => "[a-z0-9]{1,4}"];
    prop::collection::vec(piece, 0..10).prop_map(|p| p.concat())
}

fn amount() -> impl Strategy<Value = Amount> {
    let unit = prop_oneof![Just(""), Just("元"), Just("万元")];
    (0u64..100_000_000, prop::option::of(1u32..10_000), unit).prop_map(|(int, frac, unit)| {
        let text = match frac {
            Some(f) => format!("{int}.{f}{unit}"),
            None => format!("{int}{unit}"),
        };
        text.parse().expect("an amount")
    })
}

fn proactive(edition: Edition) -> impl Strategy<Value = Proactive> {
    let cells: Vec<CellRef> = ogi_report::Table::Proactive.cells(edition).collect();
    let values = cells
        .iter()
        .map(|c| match c.kind() {
            ValueKind::Count => {
                prop::option::weighted(0.9, (0u64..100_000).prop_map(Value::Count)).boxed()
            }
            ValueKind::Delta => {
                prop::option::weighted(0.9, (-5_000i64..5_000).prop_map(Value::Delta)).boxed()
            }
            ValueKind::Money => {
                prop::option::weighted(0.9, amount().prop_map(Value::Money)).boxed()
            }
        })
        .collect::<Vec<_>>();
    values.prop_map(move |values| {
        let mut t2 = Proactive::blank(edition);
        for (cell, value) in cells.iter().zip(values) {
            if let CellRef::Proactive(r, c) = *cell {
                t2.set(r, c, value).expect("a cell of the edition");
            }
        }
        t2
    })
}

/// 表三 assembled from outcomes, carried-over and carried-forward counts (so 一 is derived
/// and the table adds up), then a few cells blanked as a published table may leave them.
fn requests(edition: Edition) -> impl Strategy<Value = Requests> {
    let outcomes = RequestRow::outcomes(edition);
    let detail = || prop::array::uniform6(0u64..40);
    (
        prop::collection::vec(detail(), outcomes.len()),
        detail(),
        detail(),
        prop::collection::vec(any::<prop::sample::Index>(), 0..4),
    )
        .prop_map(move |(rows, carried, forward, blanks)| {
            let mut details = RequestDetails::new(edition);
            let mut new = forward;
            for (&row, counts) in outcomes.iter().zip(&rows) {
                details.set(row, *counts).expect("an outcome row");
                for (n, c) in new.iter_mut().zip(counts) {
                    *n += c;
                }
            }
            for (n, c) in new.iter_mut().zip(carried) {
                *n = n.saturating_sub(c);
            }
            details.set(RequestRow::New, new).expect("row 一");
            details
                .set(RequestRow::CarriedOver, carried)
                .expect("row 二");
            let mut t3 = Requests::assemble(&details).expect("outcomes within applications");
            let cells: Vec<CellRef> = ogi_report::Table::Requests.cells(edition).collect();
            for blank in blanks {
                if let CellRef::Requests(r, c) = *blank.get(&cells) {
                    t3.set(r, c, None).expect("a cell of the edition");
                }
            }
            t3
        })
}

fn appeals() -> impl Strategy<Value = Appeals> {
    let group = || prop::array::uniform4(0u64..50);
    (group(), group(), group())
        .prop_map(|(a, b, c)| Appeals::assemble(a, b, c).expect("small counts"))
}

fn fees() -> impl Strategy<Value = Option<FeeStatement>> {
    prop::option::of((
        prop::option::of(0u64..20),
        prop::option::of(amount()),
        prop::option::of(amount()),
    ))
    .prop_map(|f| {
        f.map(|(notices, notices_amount, collected)| {
            let mut fees = FeeStatement::default();
            fees.notices = notices;
            fees.notices_amount = notices_amount;
            fees.collected = collected;
            fees
        })
    })
}

/// An assembled report of either edition, with generated metadata and texts.
pub(crate) fn report() -> impl Strategy<Value = AnnualReport> {
    prop_oneof![Just(Edition::E2019), Just(Edition::E2021)].prop_flat_map(|edition| {
        let kind = prop::sample::select(BodyKind::ALL.to_vec());
        let date = prop::option::of((2020i32..2030, 1u32..=12, 1u32..=28));
        (
            (
                "[a-z]{0,3}(某县|某市<x>|陆河县人民政府|&局)",
                2019u16..2031,
                kind,
                date,
            ),
            (text(), text(), text()),
            proactive(edition),
            requests(edition),
            appeals(),
            fees(),
        )
            .prop_map(
                move |((body, year, kind, date), (overview, problems, six), t2, t3, t4, fees)| {
                    let mut other = OtherMatters::new(six);
                    if edition == Edition::E2021 {
                        other.fees = fees;
                    }
                    let mut builder = AnnualReport::builder(edition, year, body, kind)
                        .overview(overview)
                        .proactive(t2)
                        .requests(t3)
                        .appeals(t4)
                        .problems(problems)
                        .other_matters(other);
                    if let Some(date) = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
                    {
                        builder = builder.published(date);
                    }
                    builder.build().expect("a generated report builds")
                },
            )
    })
}

/// What a table may print beyond its cells, as generated: remarks at places, extra rows,
/// remarks in cells. Put into a table with [`put_extras!`].
#[derive(Debug, Clone, Default)]
pub(crate) struct GenExtras {
    pub(crate) remarks: Vec<(Place, String)>,
    pub(crate) rows: Vec<ExtraRow>,
    pub(crate) cells: Vec<(CellRef, String)>,
}

/// Puts generated extras into a table (any of the three: their methods share names).
macro_rules! put_extras {
    ($table:expr, $extras:expr) => {{
        let extras: $crate::render_gen::GenExtras = $extras;
        for (place, text) in extras.remarks {
            $table
                .add_remark(place, text)
                .expect("a place of the layout");
        }
        for row in extras.rows {
            $table.add_extra_row(row).expect("a place of the layout");
        }
        for (cell, text) in extras.cells {
            $table
                .set_cell_remark(cell, Some(text))
                .expect("a cell of the layout");
        }
    }};
}
pub(crate) use put_extras;

/// What a table may print beyond its cells, in a layout: remarks above, after a row or
/// under it, extra rows with any label and cells, remarks in cells; texts from [`text`].
pub(crate) fn extras(layout: &'static Layout) -> impl Strategy<Value = GenExtras> {
    let rows: Vec<RowRef> = layout.rows().iter().map(LayoutRow::row).collect();
    let one_line = layout.table() == Table::Appeals;
    let place = prop_oneof![
        Just(Place::Above),
        Just(Place::Below),
        prop::sample::select(rows).prop_map(Place::After),
    ]
    .prop_map(move |p| match p {
        // 表四 prints its cells on one line: nothing between its groups.
        Place::After(_) if one_line => Place::Below,
        p => p,
    });
    let cells: Vec<CellRef> = layout.cells().to_vec();
    prop_oneof![
        // Most tables print nothing beyond their cells.
        3 => Just(GenExtras::default()),
        1 => (
            prop::collection::vec((place.clone(), text()), 0..3),
            prop::collection::vec(
                (place, text(), prop::collection::vec(text(), 0..5)),
                0..3
            ),
            prop::collection::vec((prop::sample::select(cells), text()), 0..3),
        )
            .prop_map(|(remarks, rows, cells)| GenExtras {
                remarks,
                rows: rows
                    .into_iter()
                    .map(|(place, label, cells)| ExtraRow::new(place, label, cells))
                    .collect(),
                cells,
            }),
    ]
}
