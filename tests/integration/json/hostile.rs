//! Hostile input at every entry point of the model: JSON and the as-printed constructors.
//! Each gets an error that names where; nothing panics; nothing is silently changed.

use ogi_report::{AnnualReport, Appeals, Edition, Proactive, Requests, Value, ValueKind};
use proptest::prelude::*;

use crate::support::luhe;

fn seed_json() -> String {
    serde_json::to_string(&luhe::report().unwrap()).unwrap()
}

fn error(json: &str) -> String {
    serde_json::from_str::<AnnualReport>(json)
        .unwrap_err()
        .to_string()
}

fn with_cell(json: &str, from: &str, to: &str) -> String {
    assert!(json.contains(from), "{from}");
    json.replacen(from, to, 1)
}

#[test]
fn nan_and_infinity_are_not_numbers() {
    let json = seed_json();
    for text in ["NaN", "Infinity", "-Infinity", "inf", "1e308"] {
        let bad = with_cell(
            &json,
            r#""amount":"29451519.23""#,
            &format!(r#""amount":"{text}""#),
        );
        let err = error(&bad);
        assert!(err.starts_with("t2.procurement.amount: "), "{err}");
        assert!(err.contains(text), "{err}");
    }
    let bad = with_cell(&json, r#""projects":276"#, r#""projects":"NaN""#);
    assert!(error(&bad).starts_with(r#"t2.procurement.projects: invalid type: string "NaN""#));
}

#[test]
fn money_with_absurd_scale_or_size() {
    let json = seed_json();
    let tiny = format!("0.{}1", "0".repeat(40));
    let huge = format!("1{}", "0".repeat(40));
    for text in [tiny.as_str(), huge.as_str()] {
        let bad = with_cell(
            &json,
            r#""amount":"29451519.23""#,
            &format!(r#""amount":"{text}""#),
        );
        assert!(
            error(&bad).starts_with(&format!(
                r#"t2.procurement.amount: "{text}" is out of range"#
            )),
            "{}",
            error(&bad)
        );
    }
    // 28 decimal places is the most an exact decimal holds: kept exactly.
    let fine = format!("0.{}1元", "0".repeat(27));
    let ok = with_cell(
        &json,
        r#""amount":"29451519.23""#,
        &format!(r#""amount":"{fine}""#),
    );
    let report: AnnualReport = serde_json::from_str(&ok).unwrap();
    assert_eq!(serde_json::to_string(&report).unwrap(), ok);
}

#[test]
fn deeply_nested_input_is_an_error_not_a_stack_overflow() {
    let json = seed_json();
    for depth in [200, 100_000] {
        let nested = format!("{}0{}", "[".repeat(depth), "]".repeat(depth));
        let bad = with_cell(
            &json,
            r#""projects":276"#,
            &format!(r#""projects":{nested}"#),
        );
        assert!(
            error(&bad).starts_with("t2.procurement.projects: invalid type: sequence"),
            "{}",
            error(&bad)
        );
        let bad = with_cell(
            &json,
            r#""body":"陆河县人民政府""#,
            &format!(r#""body":{nested}"#),
        );
        assert!(
            error(&bad).contains("expected a string for body"),
            "{}",
            error(&bad)
        );
        let bad = with_cell(&json, r#""t4":{"#, &format!(r#""t4":{nested},"x":{{"#));
        assert!(
            error(&bad).contains("an object of rows for t4"),
            "{}",
            error(&bad)
        );
        let deep_object = format!("{}1{}", r#"{"a":"#.repeat(depth), "}".repeat(depth));
        assert!(!error(&deep_object).is_empty());
    }
}

#[test]
fn a_hundred_megabyte_text_is_held_byte_for_byte() {
    let json = seed_json();
    let text = "政务公开。\n".repeat(100 * 1024 * 1024 / "政务公开。\n".len());
    let big = with_cell(
        &json,
        r#""problems":""#,
        &format!(r#""problems":"{}"#, text.replace('\n', "\\n")),
    );
    assert!(big.len() > 100_000_000);
    let report: AnnualReport = serde_json::from_str(&big).unwrap();
    assert!(report.problems().starts_with(&text));
    assert_eq!(
        report.problems().len(),
        text.len() + luhe::report().unwrap().problems().len()
    );
}

#[test]
fn a_hundred_megabytes_of_padding_is_still_one_report() {
    let json = seed_json();
    let padded = with_cell(
        &json,
        r#""t4":"#,
        &format!(r#""t4":{}"#, " ".repeat(100 * 1024 * 1024)),
    );
    let report: AnnualReport = serde_json::from_str(&padded).unwrap();
    assert_eq!(report, luhe::report().unwrap());
}

#[test]
fn invalid_utf8_in_json_bytes_is_an_error() {
    let json = seed_json();
    let mut bytes = json.into_bytes();
    // Cut a three-byte CJK character in the body's name in half.
    let at = bytes.windows(3).position(|w| w == "陆".as_bytes()).unwrap();
    bytes[at + 2] = b'"';
    let err = serde_json::from_slice::<AnnualReport>(&bytes).unwrap_err();
    assert!(err.to_string().contains("line 1"), "{err}");
}

#[test]
fn duplicated_keys_at_every_level() {
    let json = seed_json();
    for (from, to, expected) in [
        (
            r#""edition":"2019","body""#,
            r#""edition":"2019","edition":"2019","body""#,
            "duplicate field `edition`",
        ),
        (
            r#""t2":{"edition":"2019","#,
            r#""t2":{"edition":"2019","edition":"2019","#,
            "t2: duplicate field `edition`",
        ),
        (
            r#""t3":{"edition":"2019","new":{"#,
            r#""t3":{"edition":"2019","new":{},"new":{"#,
            "t3: duplicate row `new`",
        ),
        (
            r#""review":{"upheld":0,"#,
            r#""review":{"upheld":0,"upheld":0,"#,
            "t4.review.upheld: duplicate column",
        ),
        (
            r#""text":"  无","#,
            r#""text":"  无","text":"无","#,
            "other_matters: duplicate field `text`",
        ),
    ] {
        let bad = with_cell(&json, from, to);
        assert!(error(&bad).starts_with(expected), "{}", error(&bad));
    }
}

proptest! {
    #![proptest_config(crate::support::config(256))]

    #[test]
    fn any_cell_text_parses_or_errors_without_panicking(text in any::<String>()) {
        for kind in [ValueKind::Count, ValueKind::Delta, ValueKind::Money] {
            match Value::parse(kind, &text) {
                Ok(Some(v)) => prop_assert_eq!(v.kind(), kind),
                Ok(None) => prop_assert!(text.trim().chars().count() <= 2),
                Err(e) => prop_assert!(!e.to_string().is_empty()),
            }
        }
    }

    #[test]
    fn any_printed_table_is_read_or_refused_with_the_counts(
        cells in proptest::collection::vec("[0-9 /\u{a0}+\\-.,元万无]{0,6}", 0..200),
        edition in prop_oneof![Just(Edition::E2019), Just(Edition::E2021)],
    ) {
        let n = cells.len();
        let checks = [
            (ogi_report::Table::Proactive, Proactive::from_printed(edition, &cells).map(drop)),
            (ogi_report::Table::Requests, Requests::from_printed(edition, &cells).map(drop)),
            (ogi_report::Table::Appeals, Appeals::from_printed(&cells).map(drop)),
        ];
        for (table, result) in checks {
            let expected = table.cell_count(edition);
            match result {
                Ok(()) => prop_assert_eq!(n, expected),
                Err(ogi_report::TableError::CellCount { given, expected: e, .. }) => {
                    prop_assert_eq!(given, n);
                    prop_assert_eq!(e, expected);
                    prop_assert_ne!(n, expected);
                }
                Err(ogi_report::TableError::Cell { cell, index, .. }) => {
                    prop_assert_eq!(n, expected);
                    prop_assert_eq!(cell.table(), table);
                    prop_assert!(index >= 1 && index <= n);
                }
                Err(e) => prop_assert!(false, "unexpected error {}", e),
            }
        }
    }

    /// Any text is a report that writes back to an equal report, or an error that says
    /// where in the text it failed.
    #[test]
    fn any_json_is_a_report_or_an_error_that_says_where(json in any::<String>()) {
        match serde_json::from_str::<AnnualReport>(&json) {
            Ok(report) => {
                let again = serde_json::to_string(&report).unwrap();
                prop_assert_eq!(serde_json::from_str::<AnnualReport>(&again).unwrap(), report);
            }
            Err(e) => {
                let lines = json.split('\n').count();
                prop_assert!(e.line() >= 1 && e.line() <= lines, "{} in {:?}", e, json);
                let at = format!(" at line {} column {}", e.line(), e.column());
                prop_assert!(e.to_string().ends_with(&at), "{} in {:?}", e, json);
            }
        }
    }

    #[test]
    fn the_seeds_json_with_one_byte_changed_never_panics(at in 0usize..10_000, byte in any::<u8>()) {
        let mut bytes = seed_json().into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(report) = serde_json::from_slice::<AnnualReport>(&bytes) {
            let again = serde_json::to_string(&report).unwrap();
            let back: AnnualReport = serde_json::from_str(&again).unwrap();
            prop_assert_eq!(back, report);
        }
    }
}
