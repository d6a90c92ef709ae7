//! The JSON form: lossless round trips, and errors that name the field.

use ogi_report::{AnnualReport, Appeals, Proactive, Requests};

use crate::support::luhe;

fn seed_json() -> String {
    serde_json::to_string_pretty(&luhe::report().unwrap()).unwrap()
}

fn error(json: &str) -> String {
    serde_json::from_str::<AnnualReport>(json)
        .unwrap_err()
        .to_string()
}

/// The seed's JSON with one exact piece replaced (the piece must be there).
fn edited(from: &str, to: &str) -> String {
    let json = seed_json();
    assert!(json.contains(from), "{from} not in the seed's JSON");
    json.replacen(from, to, 1)
}

#[test]
fn the_seed_round_trips_to_identical_text() {
    let report = luhe::report().unwrap();
    for json in [serde_json::to_string(&report).unwrap(), seed_json()] {
        let back: AnnualReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, report);
        let again = if json.contains('\n') {
            serde_json::to_string_pretty(&back).unwrap()
        } else {
            serde_json::to_string(&back).unwrap()
        };
        assert_eq!(again, json);
    }
}

#[test]
fn the_form_is_keyed_by_cell_codes() {
    let value: serde_json::Value = serde_json::from_str(&seed_json()).unwrap();
    let report = luhe::report().unwrap();
    for (cell, v) in report.cells() {
        let code = cell.to_string();
        let (table, rest) = code.split_once('.').unwrap();
        let (row, column) = rest.rsplit_once('.').unwrap();
        let json = &value[table][row][column];
        match v {
            None => assert!(json.is_null(), "{code}"),
            Some(ogi_report::Value::Money(a)) => {
                assert_eq!(json.as_str(), Some(a.to_string().as_str()));
            }
            Some(v) => assert_eq!(json.to_string(), v.to_string(), "{code}"),
        }
    }
    assert_eq!(value["edition"], "2019");
    assert_eq!(value["t2"]["edition"], "2019");
    assert_eq!(value["published"], "2021-02-19");
    assert_eq!(value["t2"]["procurement"]["amount"], "29451519.23");
}

#[test]
fn a_negative_count_names_the_cell() {
    let json = edited(
        r#""unavailable.not_held": {
      "natural_person": 7"#,
        r#""unavailable.not_held": {
      "natural_person": -7"#,
    );
    assert!(
        error(&json)
            .starts_with("t3.unavailable.not_held.natural_person: negative count -7 at line"),
        "{}",
        error(&json)
    );
}

#[test]
fn money_as_a_json_number_names_the_cell() {
    let json = edited(r#""amount": "29451519.23""#, r#""amount": 29451519.23"#);
    assert!(error(&json).starts_with(
        "t2.procurement.amount: money must be a JSON string such as \"251000元\", not the number 29451519.23 at line"
    ), "{}", error(&json));
}

#[test]
fn a_2021_row_in_a_2019_table_names_the_row() {
    let json = edited(
        r#""other_handling": {"#,
        r#""other_handling.unpaid_fee": {"#,
    );
    assert!(
        error(&json).starts_with("t3.other_handling.unpaid_fee: not a row of the 2019 edition"),
        "{}",
        error(&json)
    );
}

#[test]
fn a_date_that_does_not_exist_names_the_field() {
    let json = edited(
        r#""published": "2021-02-19""#,
        r#""published": "2021-02-30""#,
    );
    assert!(error(&json).starts_with(
        r#"published: invalid date "2021-02-30", expected an existing date as YYYY-MM-DD at line"#
    ), "{}", error(&json));
    let json = edited(
        r#""published": "2021-02-19""#,
        r#""published": "2021-2-19""#,
    );
    assert!(error(&json).starts_with(r#"published: invalid date "2021-2-19""#));
}

#[test]
fn unknown_fields_are_rejected_everywhere() {
    let json = edited(r#""body": "#, r#""bodies": "#);
    assert!(
        error(&json).starts_with("unknown field `bodies`, expected one of"),
        "{}",
        error(&json)
    );
    let json = edited(r#""made": 0"#, r#""made": 0, "spare": 1"#);
    assert!(
        error(&json).starts_with("t2.rules: unknown column `spare`"),
        "{}",
        error(&json)
    );
    let json = edited(r#""made": 0"#, r#""made": 0, "issued": 1"#);
    assert!(
        error(&json).starts_with("t2.rules.issued: not a cell of the 2019 edition"),
        "{}",
        error(&json)
    );
    let json = edited(r#""review": {"#, r#""appeal": {"#);
    assert!(
        error(&json).starts_with("t4: unknown row `appeal`"),
        "{}",
        error(&json)
    );
    let json = edited(r#""text": "  无""#, r#""text": "  无", "note": 1"#);
    assert!(
        error(&json).starts_with("other_matters: unknown field `note`, expected one of text, fees"),
        "{}",
        error(&json)
    );
}

#[test]
fn missing_and_duplicate_keys_are_rejected() {
    let json = edited(r#""total_public": 10"#, r#""total_public": 10, "made": 4"#);
    assert!(
        error(&json).starts_with("t2.normative.made: duplicate column"),
        "{}",
        error(&json)
    );
    let json = edited(r#""year": 2020,"#, r#""year": 2020, "year": 2021,"#);
    assert!(
        error(&json).starts_with("duplicate field `year`"),
        "{}",
        error(&json)
    );
    let json = edited(r#""year": 2020,"#, "");
    assert!(
        error(&json).starts_with("missing field `year`"),
        "{}",
        error(&json)
    );
    let json = edited(
        r#",
      "total": 11
    },
    "carried_over""#,
        r#"
    },
    "carried_over""#,
    );
    assert!(
        error(&json).starts_with("t3.new: missing column `total`"),
        "{}",
        error(&json)
    );
}

#[test]
fn scalars_name_their_field() {
    assert!(
        error(&edited(r#""year": 2020"#, r#""year": 2018"#))
            .starts_with("year: 2018 is not a report year (2019 or later)")
    );
    assert!(
        error(&edited(r#""year": 2020"#, r#""year": -1"#))
            .starts_with("year: -1 is not a report year")
    );
    assert!(
        error(&edited(r#""edition": "2019","#, r#""edition": "2020","#))
            .starts_with(r#"edition: unknown edition "2020""#)
    );
    assert!(
        error(&edited(
            r#""body_kind": "government""#,
            r#""body_kind": "county""#
        ))
        .starts_with(r#"body_kind: unknown kind of body "county""#)
    );
    assert!(
        error(&edited(r#""body": "陆河县人民政府""#, r#""body": 7"#))
            .contains("expected a string for body")
    );
}

#[test]
fn counts_beyond_u64_and_signed_changes() {
    let json = edited(r#""projects": 276"#, r#""projects": 18446744073709551616"#);
    assert!(
        error(&json).starts_with(
            "t2.procurement.projects: 18446744073709552000 is not an integer within range"
        ),
        "{}",
        error(&json)
    );
    let json = edited(
        r#""delta": 0,
      "decisions": 43797"#,
        r#""delta": -8,
      "decisions": 43797"#,
    );
    let back: AnnualReport = serde_json::from_str(&json).unwrap();
    assert_eq!(
        back.get("t2.licensing.delta".parse().unwrap()),
        Some(ogi_report::Value::Delta(-8))
    );
    let json = edited(
        r#""delta": 0,
      "decisions": 43797"#,
        r#""delta": "0",
      "decisions": 43797"#,
    );
    assert!(
        error(&json).starts_with(
            r#"t2.licensing.delta: invalid type: string "0", expected a signed integer or null"#
        ),
        "{}",
        error(&json)
    );
}

#[test]
fn tables_stand_alone() {
    let report = luhe::report().unwrap();
    let t3: Requests =
        serde_json::from_str(&serde_json::to_string(report.requests()).unwrap()).unwrap();
    assert_eq!(&t3, report.requests());
    let t4: Appeals =
        serde_json::from_str(&serde_json::to_string(report.appeals()).unwrap()).unwrap();
    assert_eq!(&t4, report.appeals());
    let err = serde_json::from_str::<Requests>(r#"{"new": {}}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t3.new: unknown column") || err.starts_with("t3: missing field `edition`"),
        "{err}"
    );
    let err = serde_json::from_str::<Proactive>(r#"{"rules": {"made": 1}}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("t2: missing field `edition`"), "{err}");
}

#[test]
fn the_2021_fee_statement_round_trips() {
    use ogi_report::{BodyKind, Edition, FeeStatement, OtherMatters, RequestDetails};
    let mut six = OtherMatters::new("全年收取政府信息公开信息处理费 3940 元。");
    six.fees = Some(FeeStatement::new(
        Some(7),
        None,
        Some("3940元".parse().unwrap()),
    ));
    let report =
        AnnualReport::builder(Edition::E2021, 2024, "淮安市人民政府", BodyKind::Government)
            .proactive(Proactive::blank(Edition::E2021))
            .requests(Requests::assemble(&RequestDetails::new(Edition::E2021)).unwrap())
            .appeals(Appeals::blank())
            .other_matters(six)
            .build()
            .unwrap();
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        json.contains(r#""fees":{"notices":7,"notices_amount":null,"collected":"3940元"}"#),
        "{json}"
    );
    let back: AnnualReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    let bad = json.replace(r#""collected":"3940元""#, r#""collected":3940"#);
    assert!(
        error(&bad).starts_with("other_matters.fees.collected: money must be a JSON string"),
        "{}",
        error(&bad)
    );
    let in_2019 = serde_json::to_string(&luhe::report().unwrap())
        .unwrap()
        .replace(
            r#""fees":null"#,
            r#""fees":{"notices":null,"notices_amount":null,"collected":null}"#,
        );
    assert!(error(&in_2019).starts_with("other_matters.fees: the information-processing fee statement belongs to the 2021 edition"), "{}", error(&in_2019));
}
