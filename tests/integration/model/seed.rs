//! The seed report (陆河县人民政府 2020, 2019 edition) against its page text.

use ogi_report::{AppealColumn, AppealGroup, BodyKind, Edition, Requests, Value};

use crate::support::luhe;

/// The numeric lines of the page between two headings, in order (the page prints one cell
/// per line; some cells carry a non-breaking space).
fn printed_numbers(from: &str, to: &str) -> Vec<String> {
    let start = luhe::PAGE.find(from).expect("heading in the seed");
    let end = start
        + luhe::PAGE[start..]
            .find(to)
            .expect("next heading in the seed");
    luhe::PAGE[start..end]
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn table_two_is_the_pages() {
    let report = luhe::report().unwrap();
    let printed = printed_numbers(
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    );
    assert_eq!(printed.len(), 22);
    let ours: Vec<String> = report
        .proactive()
        .cells()
        .map(|(_, v)| v.expect("no blank in the seed's 表二").to_string())
        .collect();
    assert_eq!(ours, printed);
}

#[test]
fn table_three_is_the_pages() {
    let report = luhe::report().unwrap();
    let printed = printed_numbers(
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    );
    assert_eq!(printed.len(), 161);
    let ours: Vec<String> = report
        .requests()
        .cells()
        .map(|(_, v)| v.expect("no blank in the seed's 表三").to_string())
        .collect();
    assert_eq!(ours, printed);
    // The assembled table equals the table read as printed: the seed's totals add up.
    assert_eq!(
        &Requests::from_printed(Edition::E2019, &printed).unwrap(),
        report.requests()
    );
}

#[test]
fn table_four_is_the_pages_fourteen_cells_under_the_stated_reading() {
    let report = luhe::report().unwrap();
    let printed = printed_numbers(
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    );
    assert_eq!(printed.len(), 14);
    let trimmed: Vec<&str> = luhe::APPEALS_PRINTED.iter().map(|s| s.trim()).collect();
    assert_eq!(trimmed, printed);
    let (blank, filled): (Vec<_>, Vec<_>) =
        report.appeals().cells().partition(|(_, v)| v.is_none());
    assert_eq!(
        blank.iter().map(|(c, _)| c.to_string()).collect::<Vec<_>>(),
        ["t4.suit_direct.pending"]
    );
    let ours: Vec<String> = filled.iter().map(|(_, v)| v.unwrap().to_string()).collect();
    assert_eq!(ours, printed);
    assert_eq!(
        report
            .appeals()
            .get(AppealGroup::SuitDirect, AppealColumn::Total),
        Some(1)
    );
}

#[test]
fn table_four_as_printed_is_a_clear_error() {
    let err = ogi_report::Appeals::from_printed(&luhe::APPEALS_PRINTED).unwrap_err();
    assert_eq!(
        err.to_string(),
        "t4 (表四) expects 15 cells in printed order, 14 given"
    );
}

#[test]
fn sections_are_kept_byte_for_byte() {
    let report = luhe::report().unwrap();
    let overview = report.overview();
    assert!(overview.starts_with("  2020年,我县坚持以习近平新时代中国特色社会主义思想为指导"));
    assert!(overview.ends_with("全流程网办率达95%。"));
    assert!(luhe::PAGE.contains(&format!(
        "一、总体情况\n\n{overview}\n\n  二、主动公开政府信息情况"
    )));
    let problems = report.problems();
    assert!(problems.starts_with("  2020年我县政府信息公开工作稳步推进"));
    assert!(luhe::PAGE.contains(&format!(
        "五、存在的主要问题及改进情况\n\n{problems}\n\n  六、"
    )));
    assert_eq!(report.other_matters().text, "  无");
    assert_eq!(report.other_matters().fees, None);
}

#[test]
fn metadata() {
    let report = luhe::report().unwrap();
    assert_eq!(report.body(), "陆河县人民政府");
    assert_eq!(report.kind(), BodyKind::Government);
    assert_eq!(report.year(), 2020);
    assert_eq!(report.edition(), Edition::E2019);
    assert_eq!(report.published().unwrap().to_string(), "2021-02-19");
    assert!(luhe::PAGE.contains("陆河县2020年度政府信息公开工作年度报告\n  • 2021-02-19 08:41"));
}

#[test]
fn procurement_amount_keeps_its_printed_form_and_no_unit() {
    let report = luhe::report().unwrap();
    let Some(Value::Money(a)) = report.get("t2.procurement.amount".parse().unwrap()) else {
        panic!("the seed prints 采购总金额");
    };
    assert_eq!(a.to_string(), "29451519.23");
    assert_eq!(a.unit(), ogi_report::MoneyUnit::Unstated);
    assert_eq!(a.to_yuan(), Err(ogi_report::ValueError::UnitNotStated));
    assert_eq!(
        a.stated_as(ogi_report::MoneyUnit::Yuan)
            .unwrap()
            .to_yuan()
            .unwrap()
            .to_string(),
        "29451519.23"
    );
}
