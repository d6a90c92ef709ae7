//! Proptest generators the tests share: amounts, the fee statement, 表二 filled cell by
//! cell, text that can break an output, assembled reports of both editions, and what a
//! table prints beyond its cells. Each test module tunes its own reports from these.

use std::ops::Range;

use chrono::NaiveDate;
use ogi_report::{
    Amount, AnnualReport, Appeals, BodyKind, CellRef, Edition, ExtraRow, FeeStatement, Layout,
    LayoutRow, MoneyUnit, OtherMatters, Place, Proactive, RequestDetails, RequestRow, Requests,
    RowRef, Table, Value, ValueKind,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Every unit an amount may be printed in.
pub(crate) const ALL_UNITS: &[MoneyUnit] =
    &[MoneyUnit::Yuan, MoneyUnit::WanYuan, MoneyUnit::Unstated];

/// The units a page prints (an amount with no unit is read in the header's unit).
pub(crate) const STATED_UNITS: &[MoneyUnit] = &[MoneyUnit::Yuan, MoneyUnit::WanYuan];

/// Either edition.
pub(crate) fn edition() -> impl Strategy<Value = Edition> {
    prop_oneof![Just(Edition::E2019), Just(Edition::E2021)]
}

/// An amount: a mantissa from `mantissa`, a scale from `scales`, a unit from `units`.
pub(crate) fn amount_in(
    mantissa: impl Strategy<Value = i64> + Clone,
    scales: Range<u32>,
    units: &'static [MoneyUnit],
) -> impl Strategy<Value = Amount> + Clone {
    (mantissa, scales, prop::sample::select(units)).prop_map(|(m, scale, unit)| {
        Amount::new(Decimal::new(m, scale), unit).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// A fee statement of section 六, or none; each of its values blank or from the strategies.
pub(crate) fn fees(
    notices: impl Strategy<Value = u64>,
    amount: impl Strategy<Value = Amount> + Clone,
) -> impl Strategy<Value = Option<FeeStatement>> {
    prop::option::of((
        prop::option::of(notices),
        prop::option::of(amount.clone()),
        prop::option::of(amount),
    ))
    .prop_map(|f| f.map(|(n, a, c)| FeeStatement::new(n, a, c)))
}

/// 表二 of the edition, each cell's value (or blank) from `value` for the cell's kind.
pub(crate) fn proactive_with(
    edition: Edition,
    value: impl Fn(ValueKind) -> BoxedStrategy<Option<Value>>,
) -> impl Strategy<Value = Proactive> {
    let cells: Vec<CellRef> = Table::Proactive.cells(edition).collect();
    let values: Vec<_> = cells.iter().map(|c| value(c.kind())).collect();
    values.prop_map(move |values| {
        let mut t2 = Proactive::blank(edition);
        for (cell, value) in cells.iter().zip(values) {
            if let CellRef::Proactive(r, c) = *cell {
                t2.set(r, c, value).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        t2
    })
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

fn proactive(edition: Edition) -> impl Strategy<Value = Proactive> {
    proactive_with(edition, |kind| {
        let value = match kind {
            ValueKind::Count => (0u64..100_000).prop_map(Value::Count).boxed(),
            ValueKind::Delta => (-5_000i64..5_000).prop_map(Value::Delta).boxed(),
            ValueKind::Money => amount_in(0i64..1_000_000_000_000, 0..5, ALL_UNITS)
                .prop_map(Value::Money)
                .boxed(),
        };
        prop::option::weighted(0.9, value).boxed()
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
            fees(
                0u64..20,
                amount_in(0i64..1_000_000_000_000, 0..5, ALL_UNITS),
            ),
        )
            .prop_map(
                move |((body, year, kind, date), (overview, problems, six), t2, t3, t4, fees)| {
                    let published = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d));
                    let parts = Parts {
                        texts: [overview, problems, six],
                        tables: (t2, t3, t4),
                        fees,
                        published,
                    };
                    assemble(edition, year, body, kind, parts)
                },
            )
    })
}

/// The generated parts of a report: its texts (sections 一, 五, 六), tables, the 2021 fee
/// statement (dropped in the 2019 edition, which has none) and publication date.
pub(crate) struct Parts {
    pub(crate) texts: [String; 3],
    pub(crate) tables: (Proactive, Requests, Appeals),
    pub(crate) fees: Option<FeeStatement>,
    pub(crate) published: Option<NaiveDate>,
}

/// A report of the parts; generated parts always build.
pub(crate) fn assemble(
    edition: Edition,
    year: u16,
    body: impl Into<String>,
    kind: BodyKind,
    parts: Parts,
) -> AnnualReport {
    let Parts {
        texts: [overview, problems, six],
        tables: (t2, t3, t4),
        fees,
        published,
    } = parts;
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
    if let Some(date) = published {
        builder = builder.published(date);
    }
    builder
        .build()
        .unwrap_or_else(|e| panic!("a generated report builds: {e}"))
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
        let extras: $crate::support::generate::GenExtras = $extras;
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
