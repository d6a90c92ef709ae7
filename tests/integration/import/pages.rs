//! The importer on small pages made to show one thing each: how real pages print cells,
//! headings and tables.

use ogi_report::{
    AppealColumn, AppealGroup, Applicant, Edition, ImportError, NoteKind, ProactiveColumn as C,
    ProactiveRow as R, RequestRow, RowRef, Section, Table, Value, import,
};

const TITLE_2020: &str = "某局2020年政府信息公开工作年度报告\n";

fn t2(report: &ogi_report::AnnualReport, r: R, c: C) -> Option<String> {
    report.proactive().get(r, c).map(|v| v.to_string())
}

#[test]
fn one_cell_per_line_with_empty_lines_for_blank_cells() -> Result<(), ImportError> {
    let page = format!(
        "{TITLE_2020}二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n本年新\n制作数量\n本年新\n公开数量\n对外公开总数量\n\
         规章\n0\n\n3\n规范性文件\n１２\n\u{a0}1,036\u{a0}\n—\n"
    );
    let imported = import(&page)?;
    let r = &imported.report;
    assert_eq!(r.edition(), Edition::E2019);
    assert_eq!(t2(r, R::Rules, C::Made).as_deref(), Some("0"));
    assert_eq!(t2(r, R::Rules, C::Published), None);
    assert_eq!(t2(r, R::Rules, C::TotalPublic).as_deref(), Some("3"));
    assert_eq!(t2(r, R::Normative, C::Made).as_deref(), Some("12"));
    assert_eq!(t2(r, R::Normative, C::Published).as_deref(), Some("1036"));
    assert_eq!(t2(r, R::Normative, C::TotalPublic), None);
    assert!(imported.notes.iter().any(|n| n.kind
        == NoteKind::PrintedBlanks {
            table: Table::Proactive,
            count: 1,
            sign: "—".into()
        }
        && n.at.cell == Some(6)));
    Ok(())
}

#[test]
fn double_spaced_lines_with_a_blank_cell() -> Result<(), ImportError> {
    let page = format!(
        "{TITLE_2020}\n四、政府信息公开行政复议、行政诉讼情况\n\n行政复议\n\n1\n\n2\n\n\n\n\n0\n\n3\n\n\
         未经复议直接起诉\n\n0\n\n0\n\n0\n\n0\n\n0\n\n复议后起诉\n\n0\n\n0\n\n0\n\n0\n\n0\n"
    );
    let imported = import(&page)?;
    let t4 = imported.report.appeals();
    let review: Vec<_> = AppealColumn::ALL
        .iter()
        .map(|&c| t4.get(AppealGroup::Review, c))
        .collect();
    assert_eq!(review, [Some(1), Some(2), None, Some(0), Some(3)]);
    assert_eq!(
        t4.get(AppealGroup::SuitAfterReview, AppealColumn::Total),
        Some(0)
    );
    Ok(())
}

#[test]
fn units_signs_and_deltas_in_cells() -> Result<(), ImportError> {
    let page = format!(
        "{TITLE_2020}二、主动公开政府信息情况\n第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n\
         行政许可 | 1004 | +12 | 43797\n其他对外管理服务事项 | 1377 | -8 | 169\n\
         第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 3 | 79000.1元\n\
         三、收到和处理政府信息公开申请情况\n"
    );
    let imported = import(&page)?;
    let r = &imported.report;
    assert_eq!(
        r.proactive().get(R::Licensing, C::Delta),
        Some(Value::Delta(12))
    );
    assert_eq!(
        r.proactive().get(R::OtherServices, C::Delta),
        Some(Value::Delta(-8))
    );
    assert_eq!(
        t2(r, R::Procurement, C::Amount).as_deref(),
        Some("79000.1元")
    );
    // Rows the page does not print are blank and noted.
    assert!(
        imported.notes.iter().any(
            |n| n.kind == NoteKind::RowMissing && n.at.row == Some(RowRef::Proactive(R::Rules))
        )
    );

    let page = "某县人民政府2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（八）项\n\
                信息内容 本年收费金额（单位：万元）\n行政事业性收费 160.5964万元\n";
    let r = import(page)?.report;
    assert_eq!(r.edition(), Edition::E2021);
    assert_eq!(t2(&r, R::Fees, C::Amount).as_deref(), Some("160.5964万元"));
    let page = page.replace("160.5964万元", "7730.28");
    let r = import(&page)?.report;
    assert_eq!(t2(&r, R::Fees, C::Amount).as_deref(), Some("7730.28万元"));
    Ok(())
}

#[test]
fn an_extra_local_row_is_noted_not_fatal() -> Result<(), ImportError> {
    let page = format!(
        "{TITLE_2020}二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n\
         规章 | 0 | 0 | 0\n规范性文件 | 4 | 4 | 10\n其他主动公开文件 | 3 | 3 | 5\n\
         第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政许可（含备案） | 1 | 0 | 2\n\
         三、收到和处理政府信息公开申请情况\n"
    );
    let imported = import(&page)?;
    let r = &imported.report;
    assert_eq!(t2(r, R::Normative, C::TotalPublic).as_deref(), Some("10"));
    assert_eq!(t2(r, R::Licensing, C::Decisions).as_deref(), Some("2"));
    let kinds: Vec<_> = imported.notes.iter().map(|n| &n.kind).collect();
    assert!(kinds.contains(&&NoteKind::ExtraRow {
        label: "其他主动公开文件".into(),
        cells: vec!["3".into(), "3".into(), "5".into()],
    }));
    assert!(kinds.contains(&&NoteKind::LabelVariant {
        printed: "行政许可（含备案）".into(),
        standard: R::Licensing.label(Edition::E2019),
    }));
    Ok(())
}

#[test]
fn a_dropped_row_and_a_local_row_are_not_shifted() -> Result<(), ImportError> {
    // As many cells as the layout has, but 规章 is not printed and a local row is.
    let page = format!(
        "{TITLE_2020}二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n\
         其他主动公开文件 | 3 | 3 | 5\n规范性文件 | 4 | 4 | 10\n\
         第二十条第（五）项\n行政许可 | 1 | 0 | 2\n其他对外管理服务事项 | 1 | 0 | 2\n\
         第二十条第（六）项\n行政处罚 | 1 | 0 | 2\n行政强制 | 1 | 0 | 2\n\
         第二十条第（八）项\n行政事业性收费 | 0 | 0\n第二十条第（九）项\n政府集中采购 | 0 | 0\n\
         三、收到和处理政府信息公开申请情况\n"
    );
    let imported = import(&page)?;
    let r = &imported.report;
    assert_eq!(t2(r, R::Rules, C::Made), None);
    assert_eq!(t2(r, R::Normative, C::Made).as_deref(), Some("4"));
    let kinds: Vec<_> = imported.notes.iter().map(|n| &n.kind).collect();
    assert!(kinds.contains(&&NoteKind::RowMissing));
    assert!(kinds.iter().any(|k| matches!(k, NoteKind::ExtraRow { .. })));
    Ok(())
}

#[test]
fn a_table_with_too_many_cells_is_left_blank() -> Result<(), ImportError> {
    let page = format!(
        "{TITLE_2020}四、政府信息公开行政复议、行政诉讼情况\n结果维持 结果纠正 其他结果 尚未审结 总计\n1 0 0 0 1 0 0 0 0 0 0 0 0 0 0 7\n五、存在的主要问题及改进情况\n无\n"
    );
    let imported = import(&page)?;
    assert!(imported.report.appeals().cells().all(|(_, v)| v.is_none()));
    let note = imported
        .notes
        .iter()
        .find(|n| n.at.section == Section::Appeals)
        .map(ToString::to_string);
    assert_eq!(
        note.as_deref(),
        Some(
            "line 4, t4, row -, cell -: 表四 cannot be read: 16 cells printed, 15 expected; left blank"
        )
    );
    assert_eq!(imported.report.problems(), "无");
    Ok(())
}

#[test]
fn headings_numbered_and_worded_differently() -> Result<(), ImportError> {
    let page = "某县2021年度政府信息公开工作年度报告\n发布日期：2022-01-20\n（一）总体情况\n总体。\n\
                二．主动公开政府信息情况\n三、依申请公开情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n\
                五、政府信息公开工作存在的主要问题及改进情况\n问题。\n六，其他需要报告的事项\n其他。\n";
    let imported = import(page)?;
    let r = &imported.report;
    assert_eq!(
        (r.overview(), r.problems(), r.other_matters().text.as_str()),
        ("总体。", "问题。", "其他。")
    );
    assert_eq!(
        r.published().map(|d| d.to_string()).as_deref(),
        Some("2022-01-20")
    );
    assert!(
        !imported
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::MissingSection)
    );
    Ok(())
}

#[test]
fn other_handling_sub_rows_of_2021() -> Result<(), ImportError> {
    // 表三 of 2021 with the （六） sub-rows numbered with 、 and a group label on the row.
    let page = "某县人民政府2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
                （六）其他处理 1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请 1 0 0 0 0 0 1\n\
                2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0\n\
                3、其他 2 0 0 0 0 0 2\n四、政府信息公开行政复议、行政诉讼情况\n";
    let imported = import(page)?;
    let t3 = imported.report.requests();
    assert_eq!(imported.report.edition(), Edition::E2021);
    assert_eq!(t3.get(RequestRow::NoCorrection, Applicant::Total), Some(1));
    assert_eq!(
        t3.get(RequestRow::OtherHandlingOther, Applicant::NaturalPerson),
        Some(2)
    );
    Ok(())
}

#[test]
fn texts_that_cannot_be_read() {
    assert_eq!(
        import("").map(|_| ()).unwrap_err().to_string(),
        "lines 1-1: no section heading and no table found"
    );
    assert_eq!(
        import("某县2018年政府信息公开工作年度报告\n一、总体情况\n")
            .map(|_| ())
            .unwrap_err()
            .to_string(),
        "line 1: report year 2018 is before 2019, the first year of either edition"
    );
}

/// 表四's fifteen numbers on a line with no column headers printed: the count matches the
/// table, but nothing shows which number is which column, so none is placed, and the note
/// quotes them.
#[test]
fn table_four_without_its_headers_is_not_placed_by_count() -> Result<(), ImportError> {
    let values = "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0";
    let page = format!("{TITLE_2020}四、政府信息公开行政复议、行政诉讼情况\n{values}\n");
    let imported = import(&page)?;
    assert!(imported.report.appeals().cells().all(|(_, v)| v.is_none()));
    let printed: Vec<String> = values.split(' ').map(str::to_owned).collect();
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.at.section == Section::Appeals
                && n.kind
                    == NoteKind::ValuesNotPlaced {
                        cells: printed.clone()
                    })
    );
    // With the headers printed above it, the same line is 表四's data line.
    let headed = page.replace(
        &format!("\n{values}"),
        &format!("\n结果维持 结果纠正 其他结果 尚未审结 总计\n{values}"),
    );
    let report = import(&headed)?.report;
    assert_eq!(
        report.appeals().get(
            ogi_report::AppealGroup::Review,
            ogi_report::AppealColumn::Total
        ),
        Some(1)
    );
    Ok(())
}
