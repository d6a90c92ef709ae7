//! Layouts: each table printed in its own layout, every consumer reading the one layout
//! module, and what a table prints beyond its cells kept everywhere.

use ogi_report::{
    AnnualReport, Appeals, BodyKind, CellRef, Edition, ExtraRow, Layout, NoteKind, Place,
    Proactive, RequestRow, Requests, RowRef, Rule, Table, Value, ValueKind, import, render, tidy,
    validate,
};
use proptest::prelude::*;
use serde_json::Value as Json;

use crate::support::config;
use crate::support::generate::{GenExtras, extras, put_extras, text};

/// A report of the edition whose 表二 and 表三 are blank tables of the given layouts and
/// whose every cell holds a value no other cell holds.
fn distinct(edition: Edition, t2: Edition, t3: Edition) -> AnnualReport {
    let mut report = AnnualReport::builder(edition, 2023, "某局", BodyKind::Department)
        .proactive(Proactive::blank(t2))
        .requests(Requests::blank(t3))
        .appeals(Appeals::blank())
        .build()
        .expect("a report");
    let cells: Vec<CellRef> = report.cells().map(|(c, _)| c).collect();
    for (i, cell) in cells.into_iter().enumerate() {
        let n = 101 + u64::try_from(i).expect("few cells");
        let value = match cell.kind() {
            ValueKind::Count => Value::Count(n),
            ValueKind::Delta => Value::Delta(-i64::try_from(n).expect("few cells")),
            ValueKind::Money => Value::Money(format!("{n}.5万元").parse().expect("an amount")),
        };
        report.set(cell, Some(value)).expect("a cell of its layout");
    }
    report
}

fn layouts() -> Vec<(Edition, Edition, Edition)> {
    let mut all = Vec::new();
    for e in Edition::ALL {
        for t2 in Edition::ALL {
            for t3 in Edition::ALL {
                all.push((e, t2, t3));
            }
        }
    }
    all
}

#[test]
fn every_consumer_reads_the_tables_in_their_layouts() {
    for (edition, l2, l3) in layouts() {
        let report = distinct(edition, l2, l3);
        let expected: Vec<CellRef> = [
            Layout::of(Table::Proactive, l2),
            Layout::of(Table::Requests, l3),
            Layout::of(Table::Appeals, edition),
        ]
        .iter()
        .flat_map(|l| l.cells().iter().copied())
        .collect();
        let case = format!("{edition} report, t2 {l2}, t3 {l3}");

        // Storage: the report's cells, in printed order.
        let stored: Vec<CellRef> = report.cells().map(|(c, _)| c).collect();
        assert_eq!(stored, expected, "{case}");

        // Tidy cells: the same order.
        let tidy: Vec<CellRef> = tidy::cells(&report).map(|c| c.cell).collect();
        assert_eq!(tidy, expected, "{case}");

        // The JSON keys: every row of each layout with its columns, nothing else.
        let json = serde_json::to_value(&report).expect("json");
        let mut keyed = Vec::new();
        for table in Table::ALL {
            let object = json[table.code()].as_object().expect("a table object");
            for (row, columns) in object {
                if row == "edition" {
                    continue;
                }
                for column in columns.as_object().expect("a row object").keys() {
                    let code = format!("{table}.{row}.{column}");
                    keyed.push(code.parse::<CellRef>().expect("a cell code"));
                }
            }
        }
        let mut sorted = expected.clone();
        sorted.sort();
        keyed.sort();
        assert_eq!(keyed, sorted, "{case}");

        // The HTML: every value cell once, with its id, in printed order.
        let html = render::html(&report, &render::HtmlOptions::new());
        let ids: Vec<CellRef> = html
            .split("<td id=\"")
            .skip(1)
            .map(|s| {
                s[..s.find('"').expect("an id")]
                    .parse()
                    .expect("a cell code")
            })
            .collect();
        assert_eq!(ids, expected, "{case}");

        // The rules: every cell a rule reads is a cell of its table's layout.
        for rule in Rule::all() {
            let Some(table) = rule.table() else { continue };
            let layout = report.layout(table);
            for cell in rule.reads(layout.edition()) {
                assert!(layout.contains(cell), "{case}: {} {cell}", rule.id());
            }
        }

        // The plain text and the importer: the page prints every value under its layout's
        // labels, and reads back to the same report.
        let page = render::text(&report);
        let imported = import(&page).expect("the crate's own layout");
        assert_eq!(imported.report, report, "{case}\n{page}");
    }
}

#[test]
fn the_importer_knows_every_label_of_every_layout() {
    // Each row of each layout printed alone as a pipe row with distinct values is read into
    // its own cells.
    for layout in Layout::all().filter(|l| l.table() != Table::Appeals) {
        let edition = layout.edition();
        for row in layout.rows() {
            let label = match row.row() {
                RowRef::Proactive(r) => r.label(edition),
                RowRef::Requests(r) => r.label(),
                RowRef::Appeals(_) => continue,
            };
            let values: Vec<String> = (1..=row.len()).map(|i| (100 + i).to_string()).collect();
            let page = format!(
                "某局{}年政府信息公开工作年度报告\n{}\n{label} | {}\n",
                edition.first_year(),
                layout.table().heading(),
                values.join(" | ")
            );
            let imported = import(&page).expect("a page");
            let read = imported.report.layout(layout.table());
            for (i, position) in row.range().enumerate() {
                let cell = layout.cells()[position];
                let want = Value::parse(cell.kind(), &values[i]).expect("a value");
                if read.contains(cell) {
                    // An amount keeps its number; 2021's 本年收费金额 is in the header's 万元.
                    let got = imported.report.get(cell);
                    match (got, want) {
                        (Some(Value::Money(a)), Some(Value::Money(b))) => {
                            assert_eq!(a.value(), b.value(), "{layout} {cell}");
                        }
                        _ => assert_eq!(got, want, "{layout} {cell}"),
                    }
                }
            }
        }
    }
}

#[test]
fn a_2021_report_may_print_its_requests_table_the_2019_way()
-> Result<(), Box<dyn std::error::Error>> {
    let report = distinct(Edition::E2021, Edition::E2021, Edition::E2019);
    assert_eq!(
        report.get("t3.other_handling.total".parse()?),
        Some(Value::Count(101 + 10 + 20 * 7 + 6))
    );
    assert_eq!(
        report.get("t3.other_handling.unpaid_fee.total".parse()?),
        None
    );
    let err = report
        .clone()
        .set(
            "t3.other_handling.unpaid_fee.total".parse()?,
            Some(Value::Count(1)),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "t3.other_handling.unpaid_fee.total is not a cell of the 2019 edition"
    );
    // The checks read 表三 in its layout: （七）总计 is the sum of 19 outcome rows.
    let findings = validate(&report);
    let sums: Vec<_> = findings
        .iter()
        .filter(|f| f.rule_id().code() == "t3.results_sum")
        .collect();
    assert_eq!(sums.len(), 7);
    assert!(sums.iter().all(|f| f.cells().count() == 20));
    let layout: Vec<String> = findings
        .iter()
        .filter(|f| f.rule_id().code() == "meta.table_layout")
        .map(ToString::to_string)
        .collect();
    assert_eq!(layout.len(), 1);
    assert!(
        layout[0]
            .starts_with("info meta.table_layout - stated=2019 computed=2021 | table t3: fails"),
        "{}",
        layout[0]
    );
    Ok(())
}

#[test]
fn hongze_2023_keeps_every_printed_cell_and_is_checked_in_its_layout()
-> Result<(), Box<dyn std::error::Error>> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/corpus/full-hongze-district-govt-2023/source.txt"
    );
    let imported = import(&std::fs::read_to_string(path)?)?;
    let report = &imported.report;
    assert_eq!(report.edition(), Edition::E2021);
    assert_eq!(report.layout(Table::Requests).edition(), Edition::E2019);
    assert!(
        !imported
            .notes
            .iter()
            .any(|n| matches!(n.kind, NoteKind::RowNotInEdition { .. })),
        "{:?}",
        imported.notes
    );
    assert_eq!(
        report.get("t3.other_handling.total".parse()?),
        Some(Value::Count(0))
    );
    let findings = validate(report);
    let of = |rule: &str| -> Vec<String> {
        findings
            .iter()
            .filter(|f| f.rule_id().code() == rule)
            .map(ToString::to_string)
            .collect()
    };
    assert!(
        of("t3.results_sum").is_empty(),
        "{:?}",
        of("t3.results_sum")
    );
    assert_eq!(of("t4.group_total").len(), 2, "{:?}", of("t4.group_total"));
    assert!(of("t4.group_total").iter().all(|f| f.starts_with("error ")));
    assert_eq!(of("meta.table_layout").len(), 1);
    Ok(())
}

#[test]
fn what_a_table_prints_beyond_its_cells_is_kept_in_place() -> Result<(), Box<dyn std::error::Error>>
{
    let mut t2 = Proactive::blank(Edition::E2019);
    t2.add_extra_row(ExtraRow::new(
        Place::After(RowRef::Proactive(ogi_report::ProactiveRow::Normative)),
        "其他主动公开文件",
        ["12", "12", "30"],
    ))?;
    t2.set_cell_remark("t2.normative.made".parse()?, Some("（其中修订 16 件）"))?;
    t2.set(
        ogi_report::ProactiveRow::Normative,
        ogi_report::ProactiveColumn::Made,
        Some(Value::Count(22)),
    )?;
    let mut t3 = Requests::blank(Edition::E2019);
    t3.add_remark(Place::Above, "单位：件")?;
    t3.add_remark(Place::Below, "注：本表数据截至12月31日。")?;
    // After the last row is under the table.
    t3.add_remark(
        Place::After(RowRef::Requests(RequestRow::CarriedForward)),
        "注2",
    )?;
    assert_eq!(t3.extras().remarks()[2].place, Place::Below);
    let mut t4 = Appeals::blank();
    let err = t4.add_remark(
        Place::After(RowRef::Appeals(ogi_report::AppealGroup::Review)),
        "x",
    );
    assert_eq!(
        err.unwrap_err().to_string(),
        "t4.review: 表四 prints its cells on one line; what it prints beyond them is above or below it"
    );
    t4.add_remark(Place::Below, "本年度无行政复议、行政诉讼。")?;
    let report = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
        .proactive(t2)
        .requests(t3)
        .appeals(t4)
        .build()?;

    // JSON: the keys, and back.
    let json = serde_json::to_value(&report)?;
    assert_eq!(
        json["t2"]["extra_rows"],
        serde_json::json!([{ "place": "t2.normative", "label": "其他主动公开文件", "cells": ["12", "12", "30"] }])
    );
    assert_eq!(
        json["t2"]["cell_remarks"],
        serde_json::json!({ "t2.normative.made": "（其中修订 16 件）" })
    );
    assert_eq!(json["t3"]["remarks"][0]["place"], "above");
    assert_eq!(
        json["t4"]["remarks"][0]["text"],
        "本年度无行政复议、行政诉讼。"
    );
    assert!(json["t3"].get("extra_rows").is_none());
    let back: AnnualReport = serde_json::from_value(json)?;
    assert_eq!(back, report);

    // The renderers print them where they were printed.
    let page = render::text(&report);
    let extra = page.lines().find(|l| l.starts_with("+ 其他主动公开文件 "));
    assert!(
        extra.is_some_and(|l| l.ends_with("|             30")),
        "{page}"
    );
    assert!(page.contains("22 ※ （其中修订 16 件）"), "{page}");
    assert!(
        page.contains("三、收到和处理政府信息公开申请情况\n> 单位：件\n"),
        "{page}"
    );
    let html = render::html(&report, &render::HtmlOptions::new());
    assert!(html.contains("22<span class=\"remark\">（其中修订 16 件）</span>"));
    assert!(html.contains("<tr class=\"extra\"><th class=\"row\">其他主动公开文件</th><td>12</td><td>12</td><td>30</td></tr>"), "{html}");
    assert!(html.contains("<p class=\"remark\">注：本表数据截至12月31日。</p>"));
    let md = render::markdown(&report);
    assert!(md.contains("| 其他主动公开文件 | 12 | 12 | 30 |"), "{md}");
    assert!(md.contains("22（其中修订 16 件）"));
    assert_eq!(import(&page)?.report, report);
    Ok(())
}

#[test]
fn extras_of_another_layout_are_refused_with_their_place() {
    let json = serde_json::to_value(distinct(Edition::E2021, Edition::E2021, Edition::E2021))
        .expect("json");
    let mut bad = json.clone();
    bad["t3"]["remarks"] = serde_json::json!([{ "place": "t3.other_handling", "text": "x" }]);
    let err = serde_json::from_value::<AnnualReport>(bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t3.remarks[0].place: t3.other_handling is not a row of t3 (2021 layout)"),
        "{err}"
    );
    let mut bad = json.clone();
    bad["t2"]["extra_rows"] =
        serde_json::json!([{ "place": "nowhere", "label": "x", "cells": [] }]);
    let err = serde_json::from_value::<AnnualReport>(bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t2.extra_rows[0].place: unknown place \"nowhere\""),
        "{err}"
    );
    let mut bad = json;
    bad["t4"]["cell_remarks"] = serde_json::json!({ "t4.review.total": "a", "t3.new.total": "b" });
    let err = serde_json::from_value::<AnnualReport>(bad)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t4.cell_remarks: t3.new.total is not a cell of t4 (2021 layout)"),
        "{err}"
    );
}

/// A report of either edition whose 表二 and 表三 are each in either layout, with filled or
/// blank cells, and extras on any table.
fn mixed() -> impl Strategy<Value = AnnualReport> {
    let e = || prop::sample::select(Edition::ALL.to_vec());
    (e(), e(), e()).prop_flat_map(|(edition, l2, l3)| {
        (
            prop::collection::vec(prop::option::of(0u64..1000), 200),
            extras(Layout::of(Table::Proactive, l2)),
            extras(Layout::of(Table::Requests, l3)),
            extras(Layout::of(Table::Appeals, edition)),
            text(),
        )
            .prop_map(move |(values, x2, x3, x4, overview)| {
                let mut t2 = Proactive::blank(l2);
                let mut t3 = Requests::blank(l3);
                let mut t4 = Appeals::blank();
                put_extras!(t2, x2);
                put_extras!(t3, x3);
                put_extras!(t4, x4);
                let mut report = AnnualReport::builder(edition, 2022, "某局", BodyKind::Township)
                    .overview(overview)
                    .proactive(t2)
                    .requests(t3)
                    .appeals(t4)
                    .build()
                    .expect("a report");
                let cells: Vec<CellRef> = report.cells().map(|(c, _)| c).collect();
                for (cell, value) in cells.into_iter().zip(values) {
                    let value = value.map(|n| match cell.kind() {
                        ValueKind::Count => Value::Count(n),
                        ValueKind::Delta => Value::Delta(i64::try_from(n).expect("small") - 500),
                        ValueKind::Money => {
                            Value::Money(format!("{n}.25万元").parse().expect("an amount"))
                        }
                    });
                    report.set(cell, value).expect("a cell of its layout");
                }
                report
            })
    })
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn mixed_layouts_round_trip_through_json_tidy_and_text(report in mixed()) {
        let json = serde_json::to_string(&report).expect("json");
        let back: AnnualReport = serde_json::from_str(&json).expect("reads back");
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(serde_json::to_string(&back).expect("json"), json);
        let records: Vec<_> = tidy::cells(&report).collect();
        prop_assert_eq!(&tidy::rebuild(&report, records).expect("tidy"), &report);
        let page = render::text(&report);
        let imported = import(&page).expect("the crate's own layout");
        prop_assert_eq!(&imported.report, &report, "{}", page);
        #[cfg(feature = "html")]
        {
            let page = render::html(&report, &ogi_report::render::HtmlOptions::new());
            let imported = ogi_report::import_html(&page).expect("the crate's own page");
            prop_assert_eq!(&imported.report, &report, "{}", page);
        }
    }

    #[test]
    fn validating_mixed_layouts_never_panics_and_names_each_departure(report in mixed()) {
        let findings = validate(&report);
        let departures = [Table::Proactive, Table::Requests]
            .iter()
            .filter(|&&t| report.layout(t).edition() != report.edition())
            .count();
        let named = findings
            .iter()
            .filter(|f| f.rule_id().code() == "meta.table_layout")
            .count();
        prop_assert_eq!(named, departures);
        for f in &findings {
            for cell in f.cells() {
                prop_assert!(report.layout(cell.table()).contains(cell), "{} {}", f, cell);
            }
        }
    }
}

#[test]
fn generated_extras_are_kept_exactly() {
    // The generator's own put_extras keeps what it is given, in printed order.
    let mut t3 = Requests::blank(Edition::E2021);
    let extras = GenExtras {
        remarks: vec![
            (Place::Below, "b".to_owned()),
            (Place::Above, "a".to_owned()),
        ],
        rows: vec![],
        cells: vec![("t3.new.total".parse().expect("a cell"), String::new())],
    };
    put_extras!(t3, extras);
    let texts: Vec<&str> = t3
        .extras()
        .remarks()
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(texts, ["a", "b"]);
    // An empty cell remark is no remark.
    assert!(t3.extras().cell_remarks().next().is_none());
    let json: Json = serde_json::to_value(&t3).expect("json");
    assert!(json.get("cell_remarks").is_none());
}
