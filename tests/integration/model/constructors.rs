//! One test per constructor error, asserting the message.

use ogi_report::{
    Amount, AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, BodyKind, BuildError,
    CellRef, Edition, FeeStatement, MoneyUnit, OtherMatters, Proactive, ProactiveColumn as C,
    ProactiveRow as R, RequestDetails, RequestRow, Requests, Table, TableError, Value, ValueError,
    ValueKind,
};

/// What every refused amount's message says after the text.
const AMOUNT_FORMS: &str = "expected digits with an optional fraction (2945.15), grouped by three if at all (2,945.15 or 2，945.15), ASCII or full-width (２９４５．１５), optionally after ￥ or ¥, optionally followed by 元, 万元 or 万 with at most one space before it";

fn msg<T: std::fmt::Debug>(r: Result<T, impl std::fmt::Display>) -> String {
    match r {
        Ok(v) => panic!("expected an error, got {v:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn printed_table_two_with_a_cell_missing_or_extra() {
    assert_eq!(
        msg(Proactive::from_printed(Edition::E2019, &["0"; 21])),
        "t2 (表二, 2019 edition) expects 22 cells in printed order, 21 given"
    );
    assert_eq!(
        msg(Proactive::from_printed(Edition::E2021, &["0"; 11])),
        "t2 (表二, 2021 edition) expects 10 cells in printed order, 11 given"
    );
}

#[test]
fn printed_table_three_with_the_other_editions_row_count() {
    assert_eq!(
        msg(Requests::from_printed(Edition::E2021, &["0"; 161])),
        "t3 (表三, 2021 edition) expects 175 cells in printed order, 161 given"
    );
    assert_eq!(
        msg(Requests::from_printed(Edition::E2019, &["0"; 175])),
        "t3 (表三, 2019 edition) expects 161 cells in printed order, 175 given"
    );
}

#[test]
fn printed_table_four_with_fourteen_cells() {
    let err = Appeals::from_printed(&["0"; 14]).unwrap_err();
    assert_eq!(
        err,
        TableError::CellCount {
            table: Table::Appeals,
            edition: Edition::E2019,
            expected: 15,
            given: 14
        }
    );
    assert_eq!(
        err.to_string(),
        "t4 (表四) expects 15 cells in printed order, 14 given"
    );
}

#[test]
fn printed_cells_that_are_not_values_name_the_cell_and_position() {
    let mut t3 = vec!["0"; 161];
    t3[8] = "-2";
    assert_eq!(
        msg(Requests::from_printed(Edition::E2019, &t3)),
        r#"t3.carried_over.commercial (cell 9 of 表三): negative value "-2" (only 本年增/减 may be negative)"#
    );
    let mut t2 = vec!["0"; 22];
    t2[7] = "1.5";
    assert_eq!(
        msg(Proactive::from_printed(Edition::E2019, &t2)),
        r#"t2.licensing.delta (cell 8 of 表二): "1.5" is not a whole number"#
    );
    t2[7] = "-8";
    t2[21] = "12千元";
    assert_eq!(
        msg(Proactive::from_printed(Edition::E2019, &t2)),
        format!(
            r#"t2.procurement.amount (cell 22 of 表二): invalid amount "12千元", {AMOUNT_FORMS}"#
        )
    );
    let mut t4 = vec!["0"; 15];
    t4[14] = "99999999999999999999";
    assert_eq!(
        msg(Appeals::from_printed(&t4)),
        r#"t4.suit_after_review.total (cell 15 of 表四): "99999999999999999999" is out of range"#
    );
}

#[test]
fn printed_cells_read_blanks_as_blank_never_zero() {
    let mut t2 = vec!["0"; 22];
    t2[0] = "";
    t2[1] = "/";
    t2[2] = " — ";
    t2[3] = "无";
    t2[7] = "+12";
    t2[10] = "-8";
    t2[21] = "160.5964万元";
    let t2 = Proactive::from_printed(Edition::E2019, &t2).unwrap();
    assert_eq!(t2.get(R::Rules, C::Made), None);
    assert_eq!(t2.get(R::Rules, C::Published), None);
    assert_eq!(t2.get(R::Rules, C::TotalPublic), None);
    assert_eq!(t2.get(R::Normative, C::Made), None);
    assert_eq!(t2.delta(R::Licensing, C::Delta), Some(12));
    assert_eq!(t2.delta(R::OtherServices, C::Delta), Some(-8));
    let amount = t2.amount(R::Procurement, C::Amount).unwrap();
    assert_eq!(
        (amount.to_string(), amount.unit()),
        ("160.5964万元".to_owned(), MoneyUnit::WanYuan)
    );
}

#[test]
fn the_2021_fee_amount_takes_the_headers_unit() {
    let t2 = Proactive::from_printed(
        Edition::E2021,
        &[
            "0", "0", "0", "0", "5", "5", "550", "4119", "195", "7730.28",
        ],
    )
    .unwrap();
    assert_eq!(
        t2.amount(R::Fees, C::Amount).unwrap().unit(),
        MoneyUnit::WanYuan
    );
    let t2 = Proactive::from_printed(
        Edition::E2021,
        &[
            "0",
            "0",
            "0",
            "0",
            "5",
            "5",
            "550",
            "4119",
            "195",
            "79000.1元",
        ],
    )
    .unwrap();
    assert_eq!(
        t2.amount(R::Fees, C::Amount).unwrap().to_string(),
        "79000.1元"
    );
}

#[test]
fn setting_a_cell_of_the_other_edition() {
    let mut t2 = Proactive::blank(Edition::E2021);
    assert_eq!(
        msg(t2.set(R::Procurement, C::Projects, Some(Value::Count(1)))),
        "t2.procurement.projects is not a cell of the 2021 edition"
    );
    let mut t3 = Requests::blank(Edition::E2019);
    assert_eq!(
        msg(t3.set(RequestRow::NoCorrection, Applicant::Total, Some(1))),
        "t3.other_handling.no_correction.total is not a cell of the 2019 edition"
    );
    let mut d = RequestDetails::new(Edition::E2021);
    assert_eq!(
        msg(d.set(RequestRow::OtherHandling, [0; 6])),
        "t3.other_handling.natural_person is not a cell of the 2021 edition"
    );
}

#[test]
fn setting_a_value_of_the_wrong_kind() {
    let mut t2 = Proactive::blank(Edition::E2019);
    assert_eq!(
        msg(t2.set(R::Licensing, C::Delta, Some(Value::Count(3)))),
        "t2.licensing.delta: expected a value of kind signed change, given count"
    );
    let amount: Amount = "1元".parse().unwrap();
    assert_eq!(
        msg(t2.set(R::Procurement, C::Projects, Some(Value::Money(amount)))),
        "t2.procurement.projects: expected a value of kind count, given amount"
    );
}

#[test]
fn assembling_with_a_derived_row() {
    let mut d = RequestDetails::new(Edition::E2019);
    assert_eq!(
        msg(d.set(RequestRow::ResultsTotal, [0; 6])),
        "t3.results_total is derived when assembling and cannot be given"
    );
    assert_eq!(
        msg(d.set(RequestRow::CarriedForward, [0; 6])),
        "t3.carried_forward is derived when assembling and cannot be given"
    );
}

#[test]
fn assembling_with_more_outcomes_than_applications() {
    let mut d = RequestDetails::new(Edition::E2021);
    d.set(RequestRow::New, [0, 0, 0, 3, 0, 0]).unwrap();
    d.set(RequestRow::CarriedOver, [0, 0, 0, 1, 0, 0]).unwrap();
    d.set(RequestRow::UnpaidFee, [0, 0, 0, 5, 0, 0]).unwrap();
    assert_eq!(
        msg(Requests::assemble(&d)),
        "t3 column public_interest: the outcomes total 5, more than the 4 applications received and carried over"
    );
}

#[test]
fn assembling_sums_that_overflow() {
    let mut d = RequestDetails::new(Edition::E2019);
    d.set(RequestRow::New, [u64::MAX, 1, 0, 0, 0, 0]).unwrap();
    assert_eq!(
        msg(Requests::assemble(&d)),
        "the sum for t3.new.total overflows"
    );
    let mut d = RequestDetails::new(Edition::E2019);
    d.set(RequestRow::Disclosed, [u64::MAX, 0, 0, 0, 0, 0])
        .unwrap();
    d.set(RequestRow::PartlyDisclosed, [1, 0, 0, 0, 0, 0])
        .unwrap();
    assert_eq!(
        msg(Requests::assemble(&d)),
        "the sum for t3.results_total.natural_person overflows"
    );
    let mut d = RequestDetails::new(Edition::E2019);
    d.set(RequestRow::New, [u64::MAX, 0, 0, 0, 0, 0]).unwrap();
    d.set(RequestRow::CarriedOver, [1, 0, 0, 0, 0, 0]).unwrap();
    assert_eq!(
        msg(Requests::assemble(&d)),
        "the sum for t3.carried_forward.natural_person overflows"
    );
    assert_eq!(
        msg(Appeals::assemble([0; 4], [0; 4], [u64::MAX, 0, 0, 1])),
        "the sum for t4.suit_after_review.total overflows"
    );
}

#[test]
fn assembled_totals() {
    let t4 = Appeals::assemble([1, 2, 3, 4], [5, 6, 7, 8], [0, 0, 0, 9]).unwrap();
    assert_eq!(t4.get(AppealGroup::Review, AppealColumn::Total), Some(10));
    assert_eq!(
        t4.get(AppealGroup::SuitDirect, AppealColumn::Total),
        Some(26)
    );
    assert_eq!(
        t4.get(AppealGroup::SuitAfterReview, AppealColumn::Total),
        Some(9)
    );
}

fn builder(edition: Edition) -> ogi_report::ReportBuilder {
    AnnualReport::builder(edition, 2021, "某局", BodyKind::Department)
        .proactive(Proactive::blank(edition))
        .requests(Requests::blank(edition))
        .appeals(Appeals::blank())
}

#[test]
fn building_a_report_without_a_table() {
    let b = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
        .proactive(Proactive::blank(Edition::E2019))
        .appeals(Appeals::blank());
    assert_eq!(msg(b.build()), "the report has no t3");
    let b = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
        .proactive(Proactive::blank(Edition::E2019))
        .requests(Requests::blank(Edition::E2019));
    assert_eq!(msg(b.build()), "the report has no t4");
}

#[test]
fn building_a_2019_report_with_a_fee_statement() {
    let mut six = OtherMatters::new("无");
    six.fees = Some(FeeStatement::default());
    assert_eq!(
        msg(builder(Edition::E2019).other_matters(six.clone()).build()),
        "other_matters.fees: the information-processing fee statement belongs to the 2021 edition, not 2019"
    );
    assert!(builder(Edition::E2021).other_matters(six).build().is_ok());
}

#[test]
fn building_a_report_for_a_year_before_2019() {
    let b = AnnualReport::builder(Edition::E2019, 2018, "某局", BodyKind::Department)
        .proactive(Proactive::blank(Edition::E2019))
        .requests(Requests::blank(Edition::E2019))
        .appeals(Appeals::blank());
    assert_eq!(
        msg(b.build()),
        "year: 2018 is before 2019, the first report year of either edition"
    );
}

#[test]
fn building_a_report_published_outside_the_years_yyyy_mm_dd_can_write() {
    let date = |y| chrono::NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
    assert_eq!(
        msg(builder(Edition::E2021).published(date(10_000)).build()),
        "published: +10000-01-01 is outside the years 0000 to 9999 that YYYY-MM-DD can write"
    );
    assert_eq!(
        msg(builder(Edition::E2021).published(date(-1)).build()),
        "published: -0001-01-01 is outside the years 0000 to 9999 that YYYY-MM-DD can write"
    );
    // The years that YYYY-MM-DD writes round-trip through JSON.
    for y in [0, 9999] {
        let report = builder(Edition::E2021).published(date(y)).build().unwrap();
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(serde_json::from_str::<AnnualReport>(&json).unwrap(), report);
    }
    // The JSON form refuses such a date as the builder does.
    let report = builder(Edition::E2021)
        .published(date(2024))
        .build()
        .unwrap();
    let json = serde_json::to_string(&report)
        .unwrap()
        .replace("\"2024-01-01\"", "\"+10000-01-01\"");
    assert!(
        serde_json::from_str::<AnnualReport>(&json)
            .unwrap_err()
            .to_string()
            .starts_with("published: invalid date \"+10000-01-01\"")
    );
}

#[test]
fn parsing_codes() {
    assert_eq!(
        msg("2020".parse::<Edition>()),
        r#"unknown edition "2020", expected "2019" or "2021""#
    );
    assert_eq!(
        msg("county".parse::<BodyKind>()),
        r#"unknown kind of body "county", expected one of department, government, township, other"#
    );
    assert_eq!(
        msg("t3.new.all".parse::<CellRef>()),
        r#"unknown cell code "t3.new.all""#
    );
}

#[test]
fn amounts() {
    assert_eq!(msg("".parse::<Amount>()), "empty value");
    assert_eq!(
        msg("-1元".parse::<Amount>()),
        r#"negative value "-1元" (only 本年增/减 may be negative)"#
    );
    for text in ["NaN", "Infinity", "1e5", "1_000"] {
        assert_eq!(
            msg(text.parse::<Amount>()),
            format!("invalid amount {text:?}, {AMOUNT_FORMS}")
        );
    }
    assert_eq!(
        msg("1234567890123456789012345678901234567890".parse::<Amount>()),
        r#""1234567890123456789012345678901234567890" is out of range"#
    );
    let wan: Amount = "1.50万元".parse().unwrap();
    assert_eq!(wan.to_string(), "1.50万元");
    assert_eq!(wan.to_yuan().unwrap().to_string(), "15000.00");
    assert_eq!(
        msg(wan.stated_as(MoneyUnit::Yuan)),
        "an amount printed in 万元 cannot be stated in 元"
    );
    let plain: Amount = "7".parse().unwrap();
    assert_eq!(
        msg(plain.to_yuan()),
        "the amount has no stated unit; state one with Amount::stated_as"
    );
    assert_ne!(
        wan,
        "1.5万元".parse::<Amount>().unwrap(),
        "the printed scale is part of the value"
    );
    assert_eq!(
        wan.to_yuan(),
        "1.5万元".parse::<Amount>().unwrap().to_yuan()
    );
}

#[test]
fn values_from_text() {
    let p = |k, t| Value::parse(k, t);
    assert_eq!(
        p(ValueKind::Count, "\u{a0}1\u{3000}"),
        Ok(Some(Value::Count(1)))
    );
    assert_eq!(
        p(ValueKind::Count, "１，０３６"),
        Ok(Some(Value::Count(1036)))
    );
    assert_eq!(
        p(ValueKind::Count, "1,23"),
        Err(ValueError::Invalid {
            text: "1,23".into()
        })
    );
    assert_eq!(p(ValueKind::Delta, "－8"), Ok(Some(Value::Delta(-8))));
    assert_eq!(
        p(ValueKind::Delta, "-9223372036854775808"),
        Ok(Some(Value::Delta(i64::MIN)))
    );
    assert_eq!(
        p(ValueKind::Delta, "9223372036854775808"),
        Err(ValueError::OutOfRange {
            text: "9223372036854775808".into()
        })
    );
    assert_eq!(
        p(ValueKind::Count, "18446744073709551615"),
        Ok(Some(Value::Count(u64::MAX)))
    );
    assert_eq!(
        p(ValueKind::Count, "3件"),
        Err(ValueError::Invalid {
            text: "3件".into()
        })
    );
    let money = p(ValueKind::Money, "2,951,519.23元").unwrap().unwrap();
    assert_eq!(money.to_string(), "2,951,519.23元");
    for blank in ["", " ", "/", "／", "-", "—", "无", "\u{a0}"] {
        assert_eq!(p(ValueKind::Count, blank), Ok(None), "{blank:?}");
        assert_eq!(p(ValueKind::Money, blank), Ok(None), "{blank:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Editing a built report

#[test]
fn a_report_rebuilt_from_its_builder_is_equal_and_checked_again() {
    let seed = crate::support::seed();
    assert_eq!(seed.clone().into_builder().build().unwrap(), seed);
    assert_eq!(
        seed.clone().into_builder().year(2018).build().unwrap_err(),
        BuildError::YearOutOfRange { year: 2018 }
    );
    let moved = seed
        .clone()
        .into_builder()
        .body("某县人民政府")
        .kind(BodyKind::Government)
        .unpublished()
        .build()
        .unwrap();
    assert_eq!(
        (moved.body(), moved.kind(), moved.published()),
        ("某县人民政府", BodyKind::Government, None)
    );
    assert_eq!(moved.requests(), seed.requests());
}

#[test]
fn a_fee_statement_set_into_a_2019_report_is_refused_and_nothing_changes() {
    let mut seed = crate::support::seed();
    let before = seed.clone();
    let mut six = OtherMatters::new("无");
    six.fees = Some(FeeStatement::new(Some(1), None, None));
    assert_eq!(
        seed.set_other_matters(six).unwrap_err(),
        BuildError::FeesOutsideEdition
    );
    assert_eq!(seed, before);
    let old = seed.set_other_matters(OtherMatters::new("无")).unwrap();
    assert_eq!(old, *before.other_matters());
    assert_eq!(seed.other_matters().text, "无");
    assert_eq!(seed.set_overview("一"), before.overview());
    assert_eq!(seed.set_problems("五"), before.problems());
    assert_eq!((seed.overview(), seed.problems()), ("一", "五"));
}

#[test]
fn a_cell_is_labelled_only_in_an_edition_that_has_it() {
    let fees: CellRef = "t2.fees.amount".parse().unwrap();
    assert_eq!(fees.label(Edition::E2019), None);
    assert_eq!(
        fees.label(Edition::E2021).as_deref(),
        Some("表二 第二十条第（八）项 行政事业性收费 · 本年收费金额（单位：万元）")
    );
    for edition in Edition::ALL {
        for other in Edition::ALL {
            for cell in CellRef::all(other) {
                assert_eq!(
                    cell.label(edition).is_some(),
                    cell.in_edition(edition),
                    "{cell} in {edition}"
                );
            }
        }
    }
}

#[test]
fn values_from_numbers_and_amounts() {
    assert_eq!(Value::from(3126_u64), Value::Count(3126));
    let cell: Option<Value> = Some(3126.into());
    assert_eq!(cell, Some(Value::Count(3126)));
    let amount: Amount = "2,945.15万元".parse().unwrap();
    assert_eq!(Value::from(amount), Value::Money(amount));
}
