//! The shape of the public API: one `get`/`set` for every table and the report, the errors
//! split by what fails (each converting into `Error`), and duplicate keys refused at every
//! level of the JSON form.

use ogi_report::{
    AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, BodyKind, BuildError, CellRef,
    Edition, Error, FeeStatement, OtherMatters, PairError, Place, Proactive, ProactiveColumn,
    ProactiveRow, RequestRow, Requests, Table, TableError, Value, validate_pair,
};

fn report(edition: Edition, year: u16) -> AnnualReport {
    AnnualReport::builder(edition, year, "某局", BodyKind::Department)
        .proactive(Proactive::blank(edition))
        .requests(Requests::blank(edition))
        .appeals(Appeals::blank())
        .build()
        .expect("a blank report")
}

#[test]
fn every_table_and_the_report_have_one_get_and_one_fallible_set() {
    // The signatures themselves: this does not compile if one table departs.
    let _: fn(&Proactive, ProactiveRow, ProactiveColumn) -> Option<Value> = Proactive::get;
    let _: fn(&Requests, RequestRow, Applicant) -> Option<u64> = Requests::get;
    let _: fn(&Appeals, AppealGroup, AppealColumn) -> Option<u64> = Appeals::get;
    let _: fn(&AnnualReport, CellRef) -> Option<Value> = AnnualReport::get;
    let _: fn(
        &mut Proactive,
        ProactiveRow,
        ProactiveColumn,
        Option<Value>,
    ) -> Result<(), TableError> = Proactive::set;
    let _: fn(&mut Requests, RequestRow, Applicant, Option<u64>) -> Result<(), TableError> =
        Requests::set;
    let _: fn(&mut Appeals, AppealGroup, AppealColumn, Option<u64>) -> Result<(), TableError> =
        Appeals::set;
    let _: fn(&mut AnnualReport, CellRef, Option<Value>) -> Result<(), TableError> =
        AnnualReport::set;
}

#[test]
fn appeals_set_succeeds_for_every_cell_and_reads_back() {
    let mut t4 = Appeals::blank();
    for (i, &group) in AppealGroup::ALL.iter().enumerate() {
        for (j, &column) in AppealColumn::ALL.iter().enumerate() {
            let n = u64::try_from(i * 10 + j).expect("small");
            assert_eq!(t4.set(group, column, Some(n)), Ok(()));
            assert_eq!(t4.get(group, column), Some(n));
        }
    }
    assert_eq!(
        t4.set(AppealGroup::Review, AppealColumn::Total, None),
        Ok(())
    );
    assert_eq!(t4.get(AppealGroup::Review, AppealColumn::Total), None);
}

#[test]
fn the_report_get_and_set_reach_the_tables_cells() {
    let mut r = report(Edition::E2021, 2022);
    let cells = [
        ("t2.licensing.decisions", Value::Count(5)),
        ("t3.new.total", Value::Count(11)),
        ("t4.suit_direct.other", Value::Count(2)),
    ];
    for (code, value) in cells {
        let cell: CellRef = code.parse().expect("a cell code");
        r.set(cell, Some(value)).expect("a cell of the edition");
        assert_eq!(r.get(cell), Some(value), "{code}");
    }
    assert_eq!(
        r.proactive()
            .get(ProactiveRow::Licensing, ProactiveColumn::Decisions),
        Some(Value::Count(5))
    );
    assert_eq!(
        r.requests().get(RequestRow::New, Applicant::Total),
        Some(11)
    );
    assert_eq!(
        r.appeals()
            .get(AppealGroup::SuitDirect, AppealColumn::Other),
        Some(2)
    );
    // A table's `set` and the report's refuse the same cell with the same error.
    let not_2021: CellRef = "t3.other_handling.total".parse().expect("a cell code");
    let expected = TableError::NotInEdition {
        cell: not_2021,
        edition: Edition::E2021,
    };
    assert_eq!(
        r.set(not_2021, Some(Value::Count(1))),
        Err(expected.clone())
    );
    assert_eq!(
        r.requests_mut()
            .set(RequestRow::OtherHandling, Applicant::Total, Some(1)),
        Err(expected)
    );
}

#[test]
fn each_part_returns_its_own_error_with_its_message() {
    let err = Appeals::from_printed(&["0"; 14]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "t4 (表四) expects 15 cells in printed order, 14 given"
    );

    let err = AnnualReport::builder(Edition::E2019, 2018, "某局", BodyKind::Department)
        .build()
        .unwrap_err();
    assert_eq!(err, BuildError::YearOutOfRange { year: 2018 });
    assert_eq!(
        err.to_string(),
        "year: 2018 is before 2019, the first report year of either edition"
    );

    let mut six = OtherMatters::new("");
    six.fees = Some(FeeStatement::default());
    let err = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
        .proactive(Proactive::blank(Edition::E2019))
        .requests(Requests::blank(Edition::E2019))
        .appeals(Appeals::blank())
        .other_matters(six)
        .build()
        .unwrap_err();
    assert_eq!(err, BuildError::FeesOutsideEdition);

    let err = AnnualReport::builder(Edition::E2019, 2020, "某局", BodyKind::Department)
        .proactive(Proactive::blank(Edition::E2019))
        .build()
        .unwrap_err();
    assert_eq!(
        err,
        BuildError::MissingPart {
            part: Table::Requests
        }
    );
    assert_eq!(err.to_string(), "the report has no t3");

    let err =
        validate_pair(&report(Edition::E2021, 2023), &report(Edition::E2021, 2022)).unwrap_err();
    assert_eq!(
        err,
        PairError::NotConsecutive {
            previous: 2023,
            next: 2022
        }
    );
    assert_eq!(
        err.to_string(),
        "a pair of reports must be of consecutive years, not 2023 and 2022"
    );
}

#[test]
fn every_part_converts_into_error_with_the_same_message() {
    let table = TableError::Overflow {
        cell: "t4.review.total".parse().expect("a cell code"),
    };
    let build = BuildError::MissingPart {
        part: Table::Appeals,
    };
    let pair = PairError::NotConsecutive {
        previous: 2020,
        next: 2020,
    };
    let unknown = "2020".parse::<Edition>().unwrap_err();
    let cases: [(Error, &str); 4] = [
        (
            table.clone().into(),
            "the sum for t4.review.total overflows",
        ),
        (build.clone().into(), "the report has no t4"),
        (
            pair.clone().into(),
            "a pair of reports must be of consecutive years, not 2020 and 2020",
        ),
        (unknown.clone().into(), &unknown.to_string()),
    ];
    for (err, message) in &cases {
        assert_eq!(err.to_string(), *message);
    }
    assert_eq!(cases[0].0, Error::Table(table));
    assert_eq!(cases[1].0, Error::Build(build));
    assert_eq!(cases[2].0, Error::Pair(pair));
    assert_eq!(cases[3].0, Error::UnknownCode(unknown));
}

#[test]
fn question_mark_gathers_the_parts_into_error() {
    fn build(year: u16, cells: usize) -> Result<AnnualReport, Error> {
        let t4 = Appeals::from_printed(&vec!["0"; cells])?;
        Ok(
            AnnualReport::builder(Edition::E2019, year, "某局", BodyKind::Department)
                .proactive(Proactive::blank(Edition::E2019))
                .requests(Requests::blank(Edition::E2019))
                .appeals(t4)
                .build()?,
        )
    }
    assert!(build(2020, 15).is_ok());
    assert!(matches!(
        build(2020, 14),
        Err(Error::Table(TableError::CellCount { given: 14, .. }))
    ));
    assert!(matches!(
        build(2018, 15),
        Err(Error::Build(BuildError::YearOutOfRange { year: 2018 }))
    ));
}

// ---------------------------------------------------------------------------------------
// Duplicate keys, level by level

/// A 2021 report with a cell remark in 表四, a remark under 表三 and a fee statement, so
/// that every object of the JSON form is present.
fn full_json() -> String {
    let mut r = report(Edition::E2021, 2022);
    r.appeals_mut()
        .set_cell_remark(
            "t4.review.total".parse().expect("a cell code"),
            Some("（含 1 件）"),
        )
        .expect("a cell of 表四");
    r.requests_mut()
        .add_remark(Place::Below, "注：……")
        .expect("a place of 表三");
    let mut six = OtherMatters::new("无");
    let mut fees = FeeStatement::default();
    fees.notices = Some(1);
    fees.notices_amount = Some("10元".parse().expect("an amount"));
    fees.collected = fees.notices_amount;
    six.fees = Some(fees);
    r = AnnualReport::builder(Edition::E2021, 2022, "某局", BodyKind::Department)
        .proactive(r.proactive().clone())
        .requests(r.requests().clone())
        .appeals(r.appeals().clone())
        .other_matters(six)
        .build()
        .expect("a 2021 report with fees");
    serde_json::to_string(&r).expect("serialises")
}

/// The JSON with `entry` inserted first in the object that follows `opening` (which must
/// occur once).
fn with_first(json: &str, opening: &str, entry: &str) -> String {
    assert_eq!(json.matches(opening).count(), 1, "{opening} in {json}");
    json.replacen(opening, &format!("{opening}{entry},"), 1)
}

fn refusal(json: &str) -> String {
    serde_json::from_str::<AnnualReport>(json)
        .expect_err("a duplicate key is refused")
        .to_string()
}

#[test]
fn the_full_json_reads_back() {
    let json = full_json();
    let back: AnnualReport = serde_json::from_str(&json).expect("reads back");
    assert_eq!(serde_json::to_string(&back).expect("serialises"), json);
}

#[test]
fn a_duplicate_report_field_is_refused() {
    // The report object is the outermost: its opening brace is the first.
    let err = refusal(&full_json().replacen('{', r#"{"body":"另一局","#, 1));
    assert!(err.starts_with("duplicate field `body`"), "{err}");
}

#[test]
fn a_duplicate_table_edition_is_refused() {
    let err = refusal(&with_first(
        &full_json(),
        r#""t2":{"#,
        r#""edition":"2021""#,
    ));
    assert!(err.starts_with("t2: duplicate field `edition`"), "{err}");
}

#[test]
fn a_duplicate_row_is_refused() {
    let err = refusal(&with_first(&full_json(), r#""t4":{"#, r#""review":{}"#));
    assert!(err.starts_with("t4: duplicate row `review`"), "{err}");
}

#[test]
fn a_duplicate_column_is_refused() {
    let err = refusal(&with_first(&full_json(), r#""new":{"#, r#""total":1"#));
    assert!(err.starts_with("t3.new.total: duplicate column"), "{err}");
}

#[test]
fn a_duplicate_extras_key_is_refused() {
    let json = full_json();
    let remarks = r#""remarks":[{"place":"below","text":"注：……"}]"#;
    assert!(json.contains(remarks), "{json}");
    let err = refusal(&with_first(&json, r#""t3":{"#, remarks));
    assert!(err.starts_with("duplicate field `t3.remarks`"), "{err}");
}

#[test]
fn a_duplicate_cell_remark_is_refused() {
    let err = refusal(&with_first(
        &full_json(),
        r#""cell_remarks":{"#,
        r#""t4.review.total":"x""#,
    ));
    assert!(err.starts_with("t4.review.total: duplicate cell"), "{err}");
}

#[test]
fn a_duplicate_other_matters_field_is_refused() {
    let err = refusal(&with_first(
        &full_json(),
        r#""other_matters":{"#,
        r#""text":"另""#,
    ));
    assert!(
        err.starts_with("other_matters: duplicate field `text`"),
        "{err}"
    );
}

#[test]
fn a_duplicate_fee_field_is_refused() {
    let err = refusal(&with_first(
        &full_json(),
        r#""text":"无","fees":{"#,
        r#""notices":2"#,
    ));
    assert!(
        err.starts_with("other_matters.fees: duplicate field `notices`"),
        "{err}"
    );
}
