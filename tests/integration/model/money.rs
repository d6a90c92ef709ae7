//! Money as pages print it: every accepted form read to its exact decimal and unit and
//! printed back byte for byte (also through JSON), the forms refused with their messages,
//! counts with the same digits and separators, and generated amounts in every style.
//!
//! The expectations are written out here, never taken from the code under test: the
//! generator below prints its own texts.

use std::hash::{DefaultHasher, Hash, Hasher};

use ogi_report::{
    Amount, AnnualReport, CellRef, MoneyUnit, TidyCell, Value, ValueError, ValueKind,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

use crate::support::money::{
    FORMS_READ, Printing, REFUSED, near_amount, number, print, printed, printing, unit_of,
};
use crate::support::{config, seed};

/// What every refused amount's message says after the quoted text.
const FORMS: &str = "expected digits with an optional fraction (2945.15), grouped by three if at all (2,945.15 or 2，945.15), ASCII or full-width (２９４５．１５), optionally after ￥ or ¥, optionally followed by 元, 万元 or 万 with at most one space before it";

fn amount(text: &str) -> Amount {
    text.parse()
        .unwrap_or_else(|e| panic!("{text:?} is an amount: {e}"))
}

fn hash(a: &Amount) -> u64 {
    let mut h = DefaultHasher::new();
    a.hash(&mut h);
    h.finish()
}

#[test]
fn each_printed_form_reads_exactly_and_prints_back_byte_for_byte() {
    for &(text, mantissa, scale, unit, yuan) in FORMS_READ {
        let a = amount(text);
        assert_eq!(a.value().mantissa(), i128::from(mantissa), "{text}");
        assert_eq!(a.value().scale(), scale, "{text}");
        assert_eq!(a.unit(), unit, "{text}");
        assert_eq!(a.to_string(), text);
        assert_eq!(
            a.to_yuan().ok().map(|y| y.to_string()).as_deref(),
            yuan,
            "{text}"
        );
        // The cell parser is the same path, after trimming the cell.
        let cell = format!(" \u{3000}{text}\u{a0} ");
        assert_eq!(
            Value::parse(ValueKind::Money, &cell),
            Ok(Some(Value::Money(a)))
        );
        assert_eq!(Value::Money(a).to_string(), text);
    }
}

#[test]
fn a_printed_style_is_no_part_of_value_unit_or_yuan() {
    let plain = amount("2945.15万元");
    for text in [
        "2,945.15万元",
        "2945.15 万元",
        "2945.15万",
        "２９４５．１５万元",
        "￥2，945.15\u{a0}万",
    ] {
        let a = amount(text);
        assert_ne!(a, plain, "{text} prints differently");
        assert_eq!(a.value(), plain.value(), "{text}");
        assert_eq!(a.unit(), plain.unit(), "{text}");
        assert_eq!(a.to_yuan(), plain.to_yuan(), "{text}");
    }
    assert_eq!(
        Amount::new(Decimal::new(294_515, 2), MoneyUnit::WanYuan),
        Ok(plain)
    );
}

#[test]
fn what_is_read_exactly_but_printed_plainer() {
    for (text, printed) in [
        // Leading zeros of an ungrouped number.
        ("007元", "7元"),
        ("00.50万元", "0.50万元"),
        // A number mixing ASCII and full-width characters prints in ASCII.
        ("０.50万元", "0.50万元"),
        ("２９４5", "2945"),
        ("1,234，567元", "1,234,567元"),
        // Full-width digits with ASCII separators are one consistent style each.
        ("１,２３４", "１,２３４"),
    ] {
        let a = amount(text);
        assert_eq!(a.to_string(), printed, "{text}");
        assert_eq!(amount(printed), a, "{text}");
    }
}

#[test]
fn an_unstated_unit_stated_later_is_printed_after_the_number() {
    // Digits and point of both widths print in ASCII; the separators are all full-width.
    let a = amount("２，９４５.15");
    assert_eq!(a.to_string(), "2，945.15");
    let a = amount("２，９４５");
    assert_eq!(
        a.stated_as(MoneyUnit::WanYuan).unwrap().to_string(),
        "２，９４５万元"
    );
    let b = amount("2945.15 万");
    assert_eq!(b.stated_as(MoneyUnit::WanYuan), Ok(b));
    assert_eq!(
        b.stated_as(MoneyUnit::Yuan).unwrap_err().to_string(),
        "an amount printed in 万元 cannot be stated in 元"
    );
    let c = amount("￥12");
    assert_eq!(
        c.stated_as(MoneyUnit::WanYuan).unwrap_err().to_string(),
        "an amount printed in 元 cannot be stated in 万元"
    );
}

#[test]
fn json_keeps_the_printed_text() {
    for &(text, ..) in FORMS_READ {
        let a = amount(text);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, serde_json::to_string(text).unwrap());
        assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
    }
    // In a report: the cell is written as printed and read back equal.
    let cell: CellRef = "t2.procurement.amount".parse().unwrap();
    for text in ["2,945.15 万元", "￥29451519.23", "２９４５"] {
        let mut report = seed();
        report.set(cell, Some(Value::Money(amount(text)))).unwrap();
        let json = serde_json::to_string(&report).unwrap();
        let quoted = format!("\"amount\":{}", serde_json::to_string(text).unwrap());
        assert!(json.contains(&quoted), "{text}");
        let back: AnnualReport = serde_json::from_str(&json).unwrap();
        assert_eq!(back.get(cell), Some(Value::Money(amount(text))));
        assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }
}

#[test]
fn a_refused_json_amount_says_where_and_lists_the_forms() {
    let err = serde_json::from_str::<Amount>(r#""约2945万元""#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with(&format!(r#"amount: invalid amount "约2945万元", {FORMS}"#)),
        "{err}"
    );
}

#[test]
fn a_tidy_cell_holds_the_value_and_unit_not_the_style() {
    let cell: CellRef = "t2.procurement.amount".parse().unwrap();
    for (text, tidy, back) in [
        ("2,945.15 万元", "2945.15\twan_yuan", "2945.15万元"),
        ("￥29451519.23", "29451519.23\tyuan", "29451519.23元"),
        ("１２.３４５６万", "12.3456\twan_yuan", "12.3456万元"),
        ("２９４５", "2945\t", "2945"),
    ] {
        let a = amount(text);
        let line = TidyCell::new(cell, Some(Value::Money(a))).to_string();
        assert_eq!(line, format!("t2.procurement.amount\t{tidy}"));
        let read: TidyCell = line.parse().unwrap();
        let Some(Value::Money(b)) = read.value else {
            panic!("money")
        };
        assert_eq!(b.to_string(), back);
        assert_eq!((b.value(), b.unit()), (a.value(), a.unit()));
    }
    // A tidy value stays the plain decimal.
    for value in ["2,945.15", "２９４５", "￥12"] {
        let line = format!("t2.procurement.amount\t{value}\tyuan");
        assert_eq!(
            line.parse::<TidyCell>().unwrap_err().to_string(),
            format!("t2.procurement.amount: invalid number {value:?}")
        );
    }
}

#[test]
fn refused_amounts_name_the_text_and_list_the_forms() {
    for &text in REFUSED {
        let expected = format!("invalid amount {text:?}, {FORMS}");
        assert_eq!(
            text.parse::<Amount>(),
            Err(ValueError::InvalidAmount {
                text: text.to_owned()
            }),
            "{text}"
        );
        assert_eq!(text.parse::<Amount>().unwrap_err().to_string(), expected);
        // The cell parser quotes the text without the spaces around the cell (which it
        // ignores: ` 2945.15` is a cell of 2945.15).
        if text.trim() == text {
            assert_eq!(
                Value::parse(ValueKind::Money, &format!(" {text}\u{3000}")),
                Err(ValueError::InvalidAmount {
                    text: text.to_owned()
                }),
                "{text}"
            );
        }
    }
}

#[test]
fn negative_out_of_range_and_empty_amounts_have_their_own_messages() {
    for text in [
        "-5元",
        "－2,945.15万元",
        "−￥12",
        "-２９４５",
        "-99999999999999999999999999999999元",
    ] {
        assert_eq!(
            text.parse::<Amount>().unwrap_err().to_string(),
            format!("negative value {text:?} (only 本年增/减 may be negative)")
        );
    }
    for text in [
        // 29 decimal places.
        "0.00000000000000000000000000001元",
        // One more than a Decimal's largest mantissa, 2^96 - 1.
        "79228162514264337593543950336",
        "79,228,162,514,264,337,593,543,950,336万元",
        "７９２２８１６２５１４２６４３３７５９３５４３９５０３３６",
    ] {
        assert_eq!(
            text.parse::<Amount>().unwrap_err().to_string(),
            format!("{text:?} is out of range")
        );
    }
    assert_eq!("".parse::<Amount>().unwrap_err().to_string(), "empty value");
}

#[test]
fn counts_read_the_same_digits_and_separators() {
    let count = |t| Value::parse(ValueKind::Count, t);
    let delta = |t| Value::parse(ValueKind::Delta, t);
    assert_eq!(count("1,295"), Ok(Some(Value::Count(1295))));
    assert_eq!(count("１２９５"), Ok(Some(Value::Count(1295))));
    assert_eq!(count("１，２９５"), Ok(Some(Value::Count(1295))));
    assert_eq!(count("1,234,567"), Ok(Some(Value::Count(1_234_567))));
    assert_eq!(delta("+1,295"), Ok(Some(Value::Delta(1295))));
    assert_eq!(delta("－１，２９５"), Ok(Some(Value::Delta(-1295))));
    for text in [
        "1234,567", "1,23", "1,2345", "0,123", "1,", ",1", "1,295件", "1 295",
    ] {
        assert_eq!(
            count(text).unwrap_err().to_string(),
            format!("invalid number {text:?}")
        );
        assert_eq!(
            delta(text).unwrap_err().to_string(),
            format!("invalid number {text:?}")
        );
    }
    assert_eq!(
        count("1,295.5").unwrap_err().to_string(),
        r#""1,295.5" is not a whole number"#
    );
    assert_eq!(
        count("-1,295").unwrap_err().to_string(),
        r#"negative value "-1,295" (only 本年增/减 may be negative)"#
    );
    assert_eq!(
        count("18,446,744,073,709,551,616").unwrap_err().to_string(),
        r#""18,446,744,073,709,551,616" is out of range"#
    );
}

// ---------------------------------------------------------------------------------------
// What mutation testing found unguarded (TESTING.md)

/// A group of four digits before a separator is no thousands grouping: refused as a
/// count, a change and an amount, with ASCII and full-width digits and separators alike;
/// the same number grouped by three is read.
#[test]
fn a_first_group_of_four_digits_is_refused_as_a_count_and_as_an_amount() {
    for text in [
        "1234,567",
        "1234，567",
        "１２３４，５６７",
        "１２３４,５６７",
        "1234,567,890",
        "1234,567元",
        "1234，567.5万元",
    ] {
        let number = text.trim_end_matches(['元', '万']);
        assert_eq!(
            Value::parse(ValueKind::Count, number)
                .unwrap_err()
                .to_string(),
            format!("invalid number {number:?}"),
            "{text}"
        );
        assert_eq!(
            Value::parse(ValueKind::Delta, number)
                .unwrap_err()
                .to_string(),
            format!("invalid number {number:?}"),
            "{text}"
        );
        assert_eq!(
            text.parse::<Amount>(),
            Err(ValueError::InvalidAmount {
                text: text.to_owned()
            }),
            "{text}"
        );
    }
    for (text, n) in [
        ("1,234,567", 1_234_567),
        ("1，234，567", 1_234_567),
        ("１，２３４，５６７", 1_234_567),
        ("１,２３４,５６７", 1_234_567),
        ("1,234", 1234),
        ("234,567", 234_567),
    ] {
        assert_eq!(
            Value::parse(ValueKind::Count, text),
            Ok(Some(Value::Count(n))),
            "{text}"
        );
        assert_eq!(
            Value::parse(ValueKind::Delta, &format!("-{text}")),
            Ok(Some(Value::Delta(-i64::try_from(n).unwrap()))),
            "{text}"
        );
        let a = amount(&format!("{text}元"));
        assert_eq!(a.value().mantissa(), i128::from(n), "{text}");
        assert_eq!(a.value().scale(), 0, "{text}");
    }
}

/// Equal amounts print the same: one value in another unit, or in the same unit at
/// another scale or in another style, is a different amount.
#[test]
fn amounts_of_one_number_in_different_units_are_unequal() {
    assert_ne!(amount("1元"), amount("1万元"));
    assert_ne!(amount("1元"), amount("1"));
    assert_ne!(amount("1万元"), amount("1"));
    assert_ne!(amount("1万"), amount("1万元"));
    assert_ne!(amount("1元"), amount("1.0元"));
    assert_ne!(amount("10元"), amount("1.0元"));
    assert_ne!(amount("1元"), amount("2元"));
    assert_ne!(amount("1元"), amount("1 元"));
    assert_ne!(amount("1,000元"), amount("1000元"));
    // Equal printed forms are equal, however they were made.
    assert_eq!(amount("1元"), amount("1元"));
    assert_eq!(amount("1.50万元"), amount("1.50万元"));
    assert_eq!(
        Amount::new(Decimal::new(150, 2), MoneyUnit::WanYuan),
        Ok(amount("1.50万元"))
    );
    assert_eq!(amount("007元"), amount("7元"));
}

/// Equal amounts hash equal; and amounts written here that differ only in unit, value,
/// scale or style hash apart (with the standard hasher, whose keys are fixed).
#[test]
fn equal_amounts_hash_equal_and_these_unequal_ones_hash_apart() {
    for (a, b) in [
        ("1元", "1元"),
        ("007元", "7元"),
        ("２９４5", "2945"),
        ("1.50万元", "1.50万元"),
    ] {
        assert_eq!(hash(&amount(a)), hash(&amount(b)), "{a} {b}");
    }
    for (a, b) in [
        ("1元", "1万元"),
        ("1元", "1"),
        ("1元", "2元"),
        ("1元", "1.0元"),
        ("10元", "1.0元"),
        ("1元", "1 元"),
        ("1万", "1万元"),
        ("1000元", "1,000元"),
    ] {
        assert_ne!(hash(&amount(a)), hash(&amount(b)), "{a} {b}");
    }
}

/// A point needs digits on both sides: `1.x` and `x.1` are no numbers, refused with the
/// message of a malformed text (not of a fraction, a sign or a range).
#[test]
fn a_point_between_a_digit_and_a_non_digit_is_no_number() {
    for text in ["1.x", "x.1", "1.x元", "x.1万元", "１．ｘ", "1.元"] {
        assert_eq!(
            text.parse::<Amount>().unwrap_err().to_string(),
            format!("invalid amount {text:?}, {FORMS}"),
        );
    }
    for text in ["1.x", "x.1", "１．ｘ", "+1.x", "-x.1"] {
        assert_eq!(
            Value::parse(ValueKind::Delta, text)
                .unwrap_err()
                .to_string(),
            format!("invalid number {text:?}"),
        );
    }
    for text in ["1.x", "x.1", "１．ｘ"] {
        assert_eq!(
            Value::parse(ValueKind::Count, text)
                .unwrap_err()
                .to_string(),
            format!("invalid number {text:?}"),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Generated amounts in every style

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_printed_amount_reads_its_number_and_prints_back_byte_for_byte(
        (text, mantissa, scale, p) in printed()
    ) {
        let a: Amount = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(a.value().mantissa(), i128::try_from(mantissa).unwrap());
        prop_assert_eq!(a.value().scale(), scale);
        prop_assert_eq!(a.unit(), unit_of(p));
        prop_assert_eq!(a.to_string(), text.clone());
        let json = serde_json::to_string(&a).unwrap();
        prop_assert_eq!(&json, &serde_json::to_string(&text).unwrap());
        prop_assert_eq!(serde_json::from_str::<Amount>(&json).unwrap(), a);
    }

    #[test]
    fn amounts_are_equal_exactly_when_they_print_the_same(
        a in (prop::sample::select(vec![0u128, 5, 1234, 1_234_000]), 0u32..3, printing()),
        b in (prop::sample::select(vec![0u128, 5, 1234, 1_234_000]), 0u32..3, printing()),
    ) {
        let a: Amount = print(a.0, a.1, a.2).parse().unwrap();
        let b: Amount = print(b.0, b.1, b.2).parse().unwrap();
        prop_assert_eq!(a == b, a.to_string() == b.to_string());
        if a == b {
            prop_assert_eq!(hash(&a), hash(&b));
        }
    }

    #[test]
    fn one_value_in_any_two_styles_is_the_same_in_yuan(
        (mantissa, scale) in number(),
        p in printing(),
        q in printing(),
        wan in any::<bool>(),
    ) {
        let stated = |mut p: Printing| {
            p.suffix = match (wan, p.suffix) {
                (true, "万") => "万",
                (true, _) => "万元",
                (false, "") if p.sign.is_some() => "",
                (false, _) => "元",
            };
            p
        };
        let a: Amount = print(mantissa, scale, stated(p)).parse().unwrap();
        let b: Amount = print(mantissa, scale, stated(q)).parse().unwrap();
        let unit = if wan { MoneyUnit::WanYuan } else { MoneyUnit::Yuan };
        let plain = Amount::new(
            Decimal::from_i128_with_scale(i128::try_from(mantissa).unwrap(), scale),
            unit,
        )
        .unwrap();
        // Beyond a Decimal in 元, each is refused quoting its own text.
        prop_assert_eq!(a.to_yuan().ok(), b.to_yuan().ok());
        prop_assert_eq!(a.to_yuan().ok(), plain.to_yuan().ok());
        prop_assert_eq!(a.to_yuan().is_ok(), plain.to_yuan().is_ok());
        prop_assert_eq!((a.value(), a.unit()), (plain.value(), plain.unit()));
    }

    #[test]
    fn any_amount_read_prints_and_reads_back_equal(text in near_amount()) {
        if let Ok(a) = text.parse::<Amount>() {
            let printed = a.to_string();
            prop_assert_eq!(printed.parse::<Amount>(), Ok(a));
        }
    }

    #[test]
    fn the_cell_parser_reads_money_as_amount_does(text in near_amount()) {
        let trimmed = text.trim();
        match Value::parse(ValueKind::Money, &text) {
            Ok(None) => prop_assert!(["", "-", "－"].contains(&trimmed)),
            read => prop_assert_eq!(read, trimmed.parse::<Amount>().map(|a| Some(Value::Money(a)))),
        }
    }
}
