//! The JSON Schema: every JSON fixture validates, invalid reports do not, and the schema
//! agrees with the reader on each.

use std::sync::LazyLock;

use ogi_report::{Amount, AnnualReport, CellRef, Value};
use proptest::prelude::*;
use serde_json::Value as Json;

use crate::support::money::{self as money_forms, FORMS_READ, REFUSED};
use crate::support::{FIXTURES, generate, seed};

/// The schema (or the definition a fragment `#/…` names) compiled.
fn compiled(fragment: &str) -> (boon::Schemas, boon::SchemaIndex) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler
        .add_resource("ogi-report.schema.json", ogi_report::schema::json_schema())
        .expect("the schema is a resource");
    let index = compiler
        .compile(&format!("ogi-report.schema.json{fragment}"), &mut schemas)
        .expect("the schema compiles");
    (schemas, index)
}

fn valid(json: &Json) -> bool {
    let (schemas, index) = compiled("");
    schemas.validate(json, index).is_ok()
}

/// The schema of one money cell (`$defs/money`), compiled once.
static MONEY: LazyLock<(boon::Schemas, boon::SchemaIndex)> =
    LazyLock::new(|| compiled("#/$defs/money"));

fn valid_money(text: &str) -> bool {
    let (schemas, index) = &*MONEY;
    schemas.validate(&Json::from(text), *index).is_ok()
}

/// The JSON files under `tests/fixtures`, recursively.
fn json_fixtures(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("the fixtures") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            json_fixtures(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Every report JSON among the fixtures validates exactly when the reader accepts it: the
/// seed, the 2021 fixture and the checks' reports do; the checks' deliberately broken file
/// does not. (The corpus transcriptions, `extract.json`, are not reports.)
#[test]
fn every_json_fixture_validates_exactly_when_it_reads() {
    let mut paths = Vec::new();
    json_fixtures(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")),
        &mut paths,
    );
    let (mut valid_count, mut invalid_count) = (0, 0);
    for path in paths.iter().filter(|p| !p.ends_with("extract.json")) {
        let text = std::fs::read_to_string(path).expect("readable");
        let json: Json = serde_json::from_str(&text).expect("JSON");
        let reads = serde_json::from_str::<AnnualReport>(&text).is_ok();
        assert_eq!(valid(&json), reads, "{}", path.display());
        if reads {
            valid_count += 1;
        } else {
            invalid_count += 1;
        }
    }
    assert!(
        valid_count >= 8 && invalid_count >= 1,
        "{valid_count} {invalid_count}"
    );
}

/// Replaces the value at a JSON pointer (the parent must exist).
fn set(mut json: Json, pointer: &str, value: Json) -> Json {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    let parent = json.pointer_mut(parent).expect("the parent exists");
    let key = key.replace("~1", "/");
    match parent {
        Json::Object(map) => {
            map.insert(key, value);
        }
        Json::Array(items) => items[key.parse::<usize>().expect("an index")] = value,
        _ => panic!("not a container"),
    }
    json
}

fn remove(mut json: Json, pointer: &str) -> Json {
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
    json.pointer_mut(parent)
        .and_then(Json::as_object_mut)
        .and_then(|m| m.remove(key))
        .expect("the key exists");
    json
}

/// Reports that the reader rejects, each made from a fixture by one change.
#[allow(clippy::too_many_lines, reason = "a list of cases")]
fn invalid_reports() -> Vec<(&'static str, Json)> {
    let seed = serde_json::to_value(seed()).expect("serialises");
    let hongze: Json = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIXTURES}/hongze_2024.json")).expect("readable"),
    )
    .expect("JSON");
    let row_2021 = hongze["t3"]["other_handling.unpaid_fee"].clone();
    let cases = [
        (
            "negative count",
            set(seed.clone(), "/t4/review/upheld", (-1).into()),
        ),
        (
            "count as a string",
            set(seed.clone(), "/t3/new/total", "11".into()),
        ),
        (
            "money as a number",
            set(seed.clone(), "/t2/procurement/amount", 29_451_519.23.into()),
        ),
        (
            "money with a bad unit",
            set(seed.clone(), "/t2/procurement/amount", "5美元".into()),
        ),
        (
            "money with a sign",
            set(seed.clone(), "/t2/procurement/amount", "-5元".into()),
        ),
        (
            "a change as a string",
            set(seed.clone(), "/t2/licensing/delta", "+1".into()),
        ),
        (
            "a 2021 row in a 2019 table",
            set(seed.clone(), "/t3/other_handling.unpaid_fee", row_2021),
        ),
        (
            "a 2021 column in a 2019 row",
            set(seed.clone(), "/t2/rules/issued", 0.into()),
        ),
        ("a row missing", remove(seed.clone(), "/t3/carried_forward")),
        (
            "a cell missing",
            remove(seed.clone(), "/t4/suit_direct/total"),
        ),
        (
            "an unknown field",
            set(seed.clone(), "/remarks", "x".into()),
        ),
        (
            "an unknown column",
            set(seed.clone(), "/t3/new/subtotal", 0.into()),
        ),
        (
            "an edition in 表四",
            set(seed.clone(), "/t4/edition", "2019".into()),
        ),
        (
            "a remark after a row the table's layout does not print",
            set(
                seed.clone(),
                "/t3/remarks",
                serde_json::json!([{ "place": "t3.other_handling.unpaid_fee", "text": "注" }]),
            ),
        ),
        (
            "a cell remark on a cell of another table",
            set(
                seed.clone(),
                "/t3/cell_remarks",
                serde_json::json!({ "t2.rules.made": "（含修订）" }),
            ),
        ),
        (
            "an empty list of remarks",
            set(seed.clone(), "/t2/remarks", serde_json::json!([])),
        ),
        (
            "the tables' edition differs",
            set(seed.clone(), "/t3/edition", "2021".into()),
        ),
        (
            "an unknown edition",
            set(seed.clone(), "/edition", "2020".into()),
        ),
        (
            "fees in the 2019 edition",
            set(
                seed.clone(),
                "/other_matters/fees",
                hongze["other_matters"]["fees"].clone(),
            ),
        ),
        (
            "a year before 2019",
            set(seed.clone(), "/year", 2018.into()),
        ),
        (
            "a date of another shape",
            set(seed.clone(), "/published", "2021/02/19".into()),
        ),
        (
            "an unknown kind of body",
            set(seed.clone(), "/body_kind", "county".into()),
        ),
        ("a text as null", set(seed.clone(), "/overview", Json::Null)),
        (
            "fees missing a field",
            remove(hongze.clone(), "/other_matters/fees/notices"),
        ),
        (
            "a 2019 row in a 2021 table",
            set(
                hongze.clone(),
                "/t3/other_handling",
                seed["t3"]["other_handling"].clone(),
            ),
        ),
    ];
    cases.into()
}

#[test]
fn invalid_reports_are_rejected_by_the_schema_and_the_reader() {
    for (what, json) in invalid_reports() {
        assert!(!valid(&json), "the schema accepts {what}");
        let read = serde_json::from_value::<AnnualReport>(json);
        assert!(read.is_err(), "the reader accepts {what}");
    }
}

proptest! {
    #![proptest_config(crate::support::config(64))]

    #[test]
    fn generated_reports_validate(report in generate::report()) {
        let json = serde_json::to_value(&report).expect("serialises");
        prop_assert!(valid(&json));
    }
}

/// Every printed form of the money tests validates, every refused one does not; beyond the
/// pattern, only the range of a `Decimal` is the reader's alone.
#[test]
fn the_money_pattern_accepts_the_forms_amount_reads_and_no_other() {
    for &(text, ..) in FORMS_READ {
        assert!(valid_money(text), "{text}");
    }
    for text in ["007元", "０.50万元", "1,234，567元", "１,２３４"] {
        assert!(valid_money(text), "{text}");
    }
    for &text in REFUSED {
        assert!(!valid_money(text), "{text}");
    }
    for text in ["", "-5元", "－2,945.15万元"] {
        assert!(!valid_money(text), "{text}");
    }
    // Beyond a Decimal: the pattern accepts, the reader refuses.
    assert!(valid_money("79228162514264337593543950336"));
    assert!("79228162514264337593543950336".parse::<Amount>().is_err());
}

#[test]
fn a_report_with_money_in_any_printed_form_validates() {
    let cell: CellRef = "t2.procurement.amount".parse().expect("a cell");
    for &(text, ..) in FORMS_READ {
        let mut report = seed();
        let amount: Amount = text.parse().expect("an amount");
        report
            .set(cell, Some(Value::Money(amount)))
            .expect("a money cell");
        let json = serde_json::to_value(&report).expect("serialises");
        assert!(valid(&json), "{text}");
    }
}

proptest! {
    #![proptest_config(crate::support::config(256))]

    #[test]
    fn any_printed_amount_is_valid_money((text, ..) in money_forms::printed()) {
        prop_assert!(valid_money(&text), "{}", text);
    }

    /// Short texts (never beyond a `Decimal`) of the characters amounts are made of.
    #[test]
    fn the_money_pattern_and_the_reader_agree(text in money_forms::near_amount()) {
        prop_assert_eq!(valid_money(&text), text.parse::<Amount>().is_ok(), "{}", text);
    }
}
