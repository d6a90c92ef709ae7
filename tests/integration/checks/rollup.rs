//! Roll-ups at the limits of their types: counts near `u64::MAX`, changes near the `i64`
//! limits, money near `Decimal::MAX` or at 28 decimal places, in `Rollup`, `MixedRollup`
//! and their merges. A sum that does not fit (or would have to be rounded) is an error
//! naming the report and the cell, the roll-up is left unchanged, and nothing wraps.
//! (`checks.rs` covers one 表四 overflow, `i64::MIN`, an unstated unit and the editions.)

use ogi_report::{
    AnnualReport, Appeals, BodyKind, CellRef, Edition, MixedRollup, Proactive, RequestDetails,
    Requests, Rollup, RollupError, Table, Value, ValueKind,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cell(code: &str) -> CellRef {
    code.parse().unwrap()
}

/// A report of the edition with every cell 0 (money `0元`, `0万元`).
fn zeros(edition: Edition) -> AnnualReport {
    let texts: Vec<&str> = Table::Proactive
        .cells(edition)
        .map(|c| {
            if c.kind() == ValueKind::Money {
                "0元"
            } else {
                "0"
            }
        })
        .collect();
    AnnualReport::builder(edition, 2022, "某局", BodyKind::Department)
        .proactive(Proactive::from_printed(edition, &texts).unwrap())
        .requests(Requests::assemble(&RequestDetails::new(edition)).unwrap())
        .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4]).unwrap())
        .build()
        .unwrap()
}

fn with(edition: Edition, cells: &[(&str, Value)]) -> AnnualReport {
    let mut report = zeros(edition);
    for &(code, value) in cells {
        report.set(cell(code), Some(value)).unwrap();
    }
    report
}

fn money(text: &str) -> Value {
    Value::Money(text.parse().unwrap())
}

/// The overflow of a cell at the report of that index (every report here is 某局's 2022).
fn overflow(index: u64, code: &str) -> RollupError {
    RollupError::Overflow {
        index,
        body: "某局".to_owned(),
        year: 2022,
        cell: cell(code),
    }
}

#[test]
fn counts_at_u64_max_in_every_table() {
    for (edition, code) in [
        (Edition::E2019, "t2.licensing.decisions"),
        (Edition::E2021, "t2.rules.in_force"),
        (Edition::E2019, "t3.new.total"),
        (Edition::E2021, "t3.other_handling.unpaid_fee.research"),
        (Edition::E2021, "t4.suit_after_review.pending"),
    ] {
        let full = with(edition, &[(code, Value::Count(u64::MAX))]);
        let one = with(edition, &[(code, Value::Count(1))]);
        let mut r = Rollup::new(edition);
        r.add(&full).unwrap();
        assert_eq!(r.get(cell(code)), Some(Value::Count(u64::MAX)), "{code}");
        r.add(&zeros(edition)).unwrap();
        let before = r.clone();
        assert_eq!(r.add(&one).unwrap_err(), overflow(2, code));
        assert_eq!(r, before, "{code}: a refused report adds nothing");
        // Merging: the same overflow, whichever side holds the large sum.
        let mut small = Rollup::new(edition);
        small.add(&one).unwrap();
        let merged = RollupError::MergeOverflow { cell: cell(code) };
        assert_eq!(small.clone().merge(&before).unwrap_err(), merged);
        assert_eq!(before.clone().merge(&small).unwrap_err(), merged);
        assert_eq!(
            merged.to_string(),
            format!("merging roll-ups: the sum of {code} overflows")
        );
    }
}

#[test]
fn a_mixed_rollup_overflows_the_same_way() {
    let full = with(Edition::E2019, &[("t3.new.total", Value::Count(u64::MAX))]);
    let one = with(Edition::E2021, &[("t3.new.total", Value::Count(1))]);
    let mut m = MixedRollup::new();
    m.add(&full).unwrap();
    let before = m.clone();
    assert_eq!(m.add(&one).unwrap_err(), overflow(1, "t3.new.total"));
    assert_eq!(m, before);
    let mut small = MixedRollup::new();
    small.add(&one).unwrap();
    assert_eq!(
        small.merge(&before).unwrap_err(),
        RollupError::MergeOverflow {
            cell: cell("t3.new.total")
        }
    );

    // （六） of a 2021 report is summed into one aggregate: its three sub-rows can
    // overflow within one report, named by the aggregate's cell.
    let parts = with(
        Edition::E2021,
        &[
            (
                "t3.other_handling.no_correction.legal_services",
                Value::Count(u64::MAX),
            ),
            ("t3.other_handling.other.legal_services", Value::Count(1)),
        ],
    );
    let mut m = MixedRollup::new();
    m.add(&zeros(Edition::E2019)).unwrap();
    let before = m.clone();
    assert_eq!(
        m.add(&parts).unwrap_err(),
        overflow(1, "t3.other_handling.legal_services")
    );
    assert_eq!(m, before);
    // The 2021 roll-up keeps the sub-rows apart: no overflow there.
    let mut r = Rollup::new(Edition::E2021);
    r.add(&parts).unwrap();
    assert_eq!(
        r.get(cell("t3.other_handling.no_correction.legal_services")),
        Some(Value::Count(u64::MAX))
    );

    // 表四 in a mixed roll-up.
    let t4 = with(
        Edition::E2021,
        &[("t4.review.corrected", Value::Count(u64::MAX))],
    );
    let mut m = MixedRollup::new();
    m.add(&t4).unwrap();
    assert_eq!(m.add(&t4).unwrap_err(), overflow(1, "t4.review.corrected"));
}

#[test]
fn changes_at_the_i64_limits() {
    let code = "t2.penalty.delta";
    let up = with(Edition::E2019, &[(code, Value::Delta(i64::MAX))]);
    let down = with(Edition::E2019, &[(code, Value::Delta(i64::MIN))]);
    let one = with(Edition::E2019, &[(code, Value::Delta(1))]);
    let mut r = Rollup::new(Edition::E2019);
    r.add(&up).unwrap();
    assert_eq!(r.add(&one).unwrap_err(), overflow(1, code));
    // Opposite signs cancel exactly, at the limits.
    r.add(&down).unwrap();
    assert_eq!(r.get(cell(code)), Some(Value::Delta(-1)));
    r.add(&down).unwrap_err();
    let mut ups = Rollup::new(Edition::E2019);
    ups.add(&up).unwrap();
    assert_eq!(
        ups.clone().merge(&ups).unwrap_err(),
        RollupError::MergeOverflow { cell: cell(code) }
    );
}

#[test]
fn money_beyond_decimal_is_an_error_not_a_rounding() {
    let max = Decimal::MAX.to_string();
    assert_eq!(max, "79228162514264337593543950335");
    let amount = "t2.procurement.amount";

    // Up to Decimal::MAX 元 exactly, then one 分 more is an overflow.
    let mut r = Rollup::new(Edition::E2019);
    r.add(&with(
        Edition::E2019,
        &[(amount, money(&format!("{max}元")))],
    ))
    .unwrap();
    assert_eq!(r.get(cell(amount)), Some(money(&format!("{max}元"))));
    let before = r.clone();
    let cent = with(Edition::E2019, &[(amount, money("0.01元"))]);
    assert_eq!(r.add(&cent).unwrap_err(), overflow(1, amount));
    assert_eq!(r, before);
    let mut cents = Rollup::new(Edition::E2019);
    cents.add(&cent).unwrap();
    assert_eq!(
        cents.merge(&before).unwrap_err(),
        RollupError::MergeOverflow { cell: cell(amount) }
    );

    // A sum that fits only rounded is refused: 28 decimal places and 1e28 元 cannot be
    // held together exactly.
    let tiny = format!("0.{}1元", "0".repeat(27));
    let mut r = Rollup::new(Edition::E2019);
    r.add(&with(Edition::E2019, &[(amount, money(&tiny))]))
        .unwrap();
    r.add(&with(Edition::E2019, &[(amount, money("1元"))]))
        .unwrap();
    assert_eq!(
        r.get(cell(amount)).unwrap().to_string(),
        format!("1.{}1元", "0".repeat(27))
    );
    let ten = with(Edition::E2019, &[(amount, money("10元"))]);
    assert_eq!(r.add(&ten).unwrap_err(), overflow(2, amount));
    let huge_scale_1 = format!("{}.{}元", &max[..max.len() - 1], &max[max.len() - 1..]);
    let mut r = Rollup::new(Edition::E2019);
    r.add(&with(Edition::E2019, &[(amount, money(&huge_scale_1))]))
        .unwrap();
    assert_eq!(r.add(&cent).unwrap_err(), overflow(1, amount));

    // 万元 → 元 is ×10000: an amount in 万元 beyond Decimal::MAX / 10000 cannot be
    // converted, on the first report already.
    let fees = "t2.fees.amount";
    let mut r = Rollup::new(Edition::E2021);
    let big = with(Edition::E2021, &[(fees, money(&format!("{max}万元")))]);
    assert_eq!(r.add(&big).unwrap_err(), overflow(0, fees));
    assert_eq!(r.reports(), 0);
    let edge = format!("{}.{}万元", &max[..max.len() - 4], &max[max.len() - 4..]);
    r.add(&with(Edition::E2021, &[(fees, money(&edge))]))
        .unwrap();
    assert_eq!(r.get(cell(fees)), Some(money(&format!("{max}元"))));
    assert_eq!(
        r.proactive().get(
            ogi_report::ProactiveRow::Fees,
            ogi_report::ProactiveColumn::Amount
        ),
        Some(money(&edge))
    );
    let wan = with(Edition::E2021, &[(fees, money("0.0001万元"))]);
    assert_eq!(r.add(&wan).unwrap_err(), overflow(1, fees));
}

/// The case proptest found for `money_sums_are_exact_or_refused`,
/// `amounts = [(79228162514264337593543950335, 0), (0, 1)]`: `Decimal::MAX` 元, then
/// `0.0元`. The exact sum is `Decimal::MAX` 元, which a `Decimal` holds (at scale 0, not
/// at scale 1): it is the sum, not an overflow (the property expected one). A 0 in 万元
/// keeps decimal places in 元 (`0.00000万元` is `0.0元`), which the sum drops only
/// because they do not fit; the roll-up refused that sum.
#[test]
fn decimal_max_plus_zero_point_zero_is_decimal_max() {
    let max = "79228162514264337593543950335元";
    assert_eq!(max, format!("{}元", Decimal::MAX));
    let amount = "t2.procurement.amount";
    let mut r = Rollup::new(Edition::E2019);
    r.add(&with(Edition::E2019, &[(amount, money(max))]))
        .unwrap();
    r.add(&with(Edition::E2019, &[(amount, money("0.0元"))]))
        .unwrap();
    assert_eq!(r.get(cell(amount)), Some(money(max)));
    assert_eq!(r.reports(), 2);

    let fees = "t2.fees.amount";
    for zero in [
        "0.0元",
        "0元",
        "0.0000000000000000000000000000元",
        "0.00000万元",
        "0.000000万元",
    ] {
        let big = with(Edition::E2021, &[(fees, money(max))]);
        let small = with(Edition::E2021, &[(fees, money(zero))]);
        for (first, second) in [(&big, &small), (&small, &big)] {
            let mut r = Rollup::new(Edition::E2021);
            r.add(first).unwrap();
            r.add(second).unwrap();
            assert_eq!(r.get(cell(fees)), Some(money(max)), "{zero}");
            let (mut a, mut b) = (Rollup::new(Edition::E2021), Rollup::new(Edition::E2021));
            a.add(first).unwrap();
            b.add(second).unwrap();
            a.merge(&b).unwrap();
            assert_eq!(a.get(cell(fees)), Some(money(max)), "{zero}");
        }
    }
}

/// Sums that a `Decimal` holds only without some of their trailing zeros are the sums, with
/// as many of the decimal places of the amounts as fit; a sum that would lose a digit other
/// than 0 is refused. Adding and merging agree, in either order.
#[test]
fn money_sums_that_fit_only_without_trailing_zeros() {
    let fees = "t2.fees.amount";
    let cases = [
        (
            ["7922816251426433759354395033.5元", "0.5元"],
            Some("7922816251426433759354395034元"),
        ),
        (
            ["7922816251426433759354395030.4元", "0.90元"],
            Some("7922816251426433759354395031.3元"),
        ),
        // One place fits of the two: only one zero goes.
        (
            ["792281625142643375935439503.35元", "0.65元"],
            Some("792281625142643375935439504.0元"),
        ),
        (
            [
                "5466500000000.000000000000000元",
                "7922816251426433759353868000.0元",
            ],
            Some("7922816251426439225853868000元"),
        ),
        // 7922816251426433759354395033.5元 + 0.5元 again, printed in 万元.
        (
            ["792281625142643375935439.50335万元", "0.00005万元"],
            Some("7922816251426433759354395034元"),
        ),
        // A 0 printed to the 分 in 万元 is 0.00元: the sum has its places.
        (["0.000000万元", "5元"], Some("5.00元")),
        (["5元", "0.000000万元"], Some("5.00元")),
        (["0.000000万元", "0.5元"], Some("0.50元")),
        // One place too many, and its digit is not 0.
        (["7922816251426433759354395033.5元", "0.6元"], None),
        (["79228162514264337593543950335元", "0.1元"], None),
        (["79228162514264337593543950335元", "0.00001万元"], None),
        (
            [
                "7.9228162514264337593543950335元",
                "0.0000000000000000000000000001元",
            ],
            None,
        ),
    ];
    for (amounts, expected) in cases {
        let [first, second] = amounts.map(|a| with(Edition::E2021, &[(fees, money(a))]));
        for (first, second) in [(&first, &second), (&second, &first)] {
            let mut r = Rollup::new(Edition::E2021);
            r.add(first).unwrap();
            let before = r.clone();
            let mut other = Rollup::new(Edition::E2021);
            other.add(second).unwrap();
            let mut merged = r.clone();
            let merge = merged.merge(&other);
            if let Some(sum) = expected {
                r.add(second).unwrap();
                assert_eq!(r.get(cell(fees)).unwrap().to_string(), sum, "{amounts:?}");
                assert_eq!(merge, Ok(()), "{amounts:?}");
                assert_eq!(merged.get(cell(fees)), r.get(cell(fees)), "{amounts:?}");
            } else {
                assert_eq!(r.add(second).unwrap_err(), overflow(1, fees), "{amounts:?}");
                assert_eq!(r, before);
                assert_eq!(
                    merge,
                    Err(RollupError::MergeOverflow { cell: cell(fees) }),
                    "{amounts:?}"
                );
                assert_eq!(merged, before);
            }
        }
    }
}

/// Counts near the limit (and small ones), so that sums overflow at various reports.
fn count() -> impl Strategy<Value = u64> {
    prop_oneof![
        0u64..4,
        (0u64..4).prop_map(|d| u64::MAX - d),
        (0u64..4).prop_map(|d| u64::MAX / 2 + d),
        any::<u64>(),
    ]
}

fn delta() -> impl Strategy<Value = i64> {
    prop_oneof![
        -3i64..4,
        (0i64..4).prop_map(|d| i64::MAX - d),
        (0i64..4).prop_map(|d| i64::MIN + d),
        any::<i64>(),
    ]
}

/// The cells the property sets: a count of each table and a change.
const COUNTS: [&str; 3] = ["t2.licensing.decisions", "t3.new.total", "t4.review.total"];
const DELTA: &str = "t2.licensing.delta";

fn reports() -> impl Strategy<Value = Vec<([u64; 3], i64)>> {
    prop::collection::vec(([count(), count(), count()], delta()), 1..6)
}

fn report_of(counts: [u64; 3], delta: i64) -> AnnualReport {
    let mut cells: Vec<(&str, Value)> = COUNTS
        .iter()
        .zip(counts)
        .map(|(&c, v)| (c, Value::Count(v)))
        .collect();
    cells.push((DELTA, Value::Delta(delta)));
    with(Edition::E2019, &cells)
}

/// The first cell whose running sum leaves its type when `next` is added to `sums`, in
/// the order the roll-up adds a report's cells (表二 by row, 表三, 表四).
fn first_overflow(sums: &([u128; 3], i128), next: &([u64; 3], i64)) -> Option<&'static str> {
    // 2019 行政许可 prints 本年增/减 before 处理决定数量.
    let mut order: Vec<(&str, bool)> =
        vec![(DELTA, i64::try_from(sums.1 + i128::from(next.1)).is_err())];
    order.extend(
        COUNTS
            .iter()
            .zip(&sums.0)
            .zip(&next.0)
            .map(|((&c, &s), &v)| (c, s + u128::from(v) > u128::from(u64::MAX))),
    );
    order.into_iter().find(|(_, over)| *over).map(|(c, _)| c)
}

/// `mantissa` × 10^-`scale` as a `Decimal` holds it: at `scale`, or with as few of its
/// trailing zeros dropped as it takes to fit in 96 bits; `None` when no `Decimal` holds it.
fn held(mut mantissa: u128, mut scale: u32) -> Option<(u128, u32)> {
    while mantissa >> 96 != 0 && scale > 0 && mantissa % 10 == 0 {
        mantissa /= 10;
        scale -= 1;
    }
    (mantissa >> 96 == 0).then_some((mantissa, scale))
}

/// An amount printed in 元 or 万元 (`wan`), as (mantissa, decimal places, wan): 0, small,
/// near 2^96, and near 2^96 with up to nine trailing zeros; up to nine decimal places.
fn printed_amount() -> impl Strategy<Value = (u128, u32, bool)> {
    let top = (1u128 << 96) - 1;
    (
        prop_oneof![
            Just(0u128),
            1u128..1000,
            (0u128..1000).prop_map(move |d| top - d),
            (1u32..=9, 0u128..1000)
                .prop_map(move |(k, d)| (top / 10u128.pow(k) - d) * 10u128.pow(k)),
            0..=top,
        ],
        0u32..=9,
        prop::bool::weighted(0.3),
    )
}

/// The amount in 10^-9 元, and the decimal places it has in 元 (a 0 in 元 has none, a 0
/// in 万元 has four fewer than printed, like any amount in 万元); `None` when it is beyond
/// `u128` 10^-9 元, far beyond `Decimal::MAX` 元.
fn nano_yuan((mantissa, places, wan): (u128, u32, bool)) -> Option<(u128, u32)> {
    let nanos = mantissa.checked_mul(10u128.pow(if wan { 13 } else { 9 } - places))?;
    let places = match (wan, mantissa) {
        (false, 0) => 0,
        (false, _) => places,
        (true, _) => places.saturating_sub(4),
    };
    Some((nanos, places))
}

/// How the roll-up holds a sum of amounts given by [`nano_yuan`]: the largest of their
/// decimal places, or fewer ([`held`]); `None` when no `Decimal` holds it.
fn held_sum(amounts: impl IntoIterator<Item = Option<(u128, u32)>>) -> Option<(u128, u32)> {
    let (nanos, places) =
        amounts
            .into_iter()
            .try_fold((0u128, 0u32), |(sum, places), amount| {
                let (nanos, p) = amount?;
                Some((sum.checked_add(nanos)?, places.max(p)))
            })?;
    held(nanos / 10u128.pow(9 - places), places)
}

proptest! {
    #![proptest_config(crate::support::config(128))]

    /// Adding reports one at a time: every sum exact while it fits; the first report that
    /// does not fit is refused naming itself and its first cell that overflows, and the
    /// roll-up stays as it was. Merging two partial roll-ups overflows exactly when the
    /// whole does, naming the first cell (in the roll-up's order) whose total does not fit.
    #[test]
    fn sums_at_the_integer_limits_are_exact_or_refused(
        parts in reports(),
        split in 0usize..6,
    ) {
        let mut rollup = Rollup::new(Edition::E2019);
        let mut sums = ([0u128; 3], 0i128);
        for part in &parts {
            // A report's index counts the reports added before it; refused ones are not.
            let index = rollup.reports();
            let before = rollup.clone();
            let result = rollup.add(&report_of(part.0, part.1));
            if let Some(code) = first_overflow(&sums, part) {
                prop_assert_eq!(result, Err(overflow(index, code)));
                prop_assert_eq!(&rollup, &before);
                continue;
            }
            prop_assert_eq!(result, Ok(()));
            for (s, &v) in sums.0.iter_mut().zip(&part.0) {
                *s += u128::from(v);
            }
            sums.1 += i128::from(part.1);
            for (code, s) in COUNTS.iter().zip(sums.0) {
                prop_assert_eq!(rollup.get(cell(code)), Some(Value::Count(u64::try_from(s).unwrap())));
            }
            prop_assert_eq!(rollup.get(cell(DELTA)), Some(Value::Delta(i64::try_from(sums.1).unwrap())));
        }

        // Merging the roll-ups of the two halves of the reports.
        let split = split.min(parts.len());
        let half = |reports: &[([u64; 3], i64)]| -> Option<(Rollup, [u128; 3], i128)> {
            let mut r = Rollup::new(Edition::E2019);
            let mut s = ([0u128; 3], 0i128);
            for p in reports {
                r.add(&report_of(p.0, p.1)).ok()?;
                for (a, &v) in s.0.iter_mut().zip(&p.0) {
                    *a += u128::from(v);
                }
                s.1 += i128::from(p.1);
            }
            Some((r, s.0, s.1))
        };
        if let (Some((mut left, ls, ld)), Some((right, rs, rd))) =
            (half(&parts[..split]), half(&parts[split..]))
        {
            let expected = first_overflow(&(ls, ld), &(
                [
                    u64::try_from(rs[0]).unwrap(),
                    u64::try_from(rs[1]).unwrap(),
                    u64::try_from(rs[2]).unwrap(),
                ],
                i64::try_from(rd).unwrap(),
            ));
            let before = left.clone();
            match (left.merge(&right), expected) {
                (Ok(()), None) => prop_assert_eq!(left.reports(), parts.len() as u64),
                (Err(RollupError::MergeOverflow { cell: c }), Some(code)) => {
                    prop_assert_eq!(c, cell(code));
                    prop_assert_eq!(left, before);
                }
                (result, expected) => prop_assert!(false, "merge {:?}, expected overflow {:?}", result, expected),
            }
        }
    }

    /// Money in 元 with up to four decimal places and mantissas near 2^96: the sum is the
    /// exact sum, at the largest scale of the amounts added where it fits and else with
    /// only as many trailing zeros dropped as it takes to fit (`Decimal::MAX + 0.0` is
    /// `Decimal::MAX`); the report whose exact sum no `Decimal` holds is refused.
    #[test]
    fn money_sums_are_exact_or_refused(
        amounts in prop::collection::vec(
            (prop_oneof![0u128..1000, (0u128..1000).prop_map(|d| (1u128 << 96) - 1 - d), (1u128 << 90)..(1u128 << 96)], 0u32..=4),
            1..6,
        ),
    ) {
        let code = "t2.procurement.amount";
        let mut rollup = Rollup::new(Edition::E2019);
        // The exact sum as an integer number of 10^-scale 元.
        let (mut sum, mut scale) = (0u128, 0u32);
        for &(mantissa, s) in &amounts {
            let index = rollup.reports();
            let value = Decimal::from_i128_with_scale(i128::try_from(mantissa).unwrap(), s);
            let report = with(Edition::E2019, &[(code, money(&format!("{value}元")))]);
            // An amount of 0 is 0 元 at scale 0: converting to 元 (× 1 in `Decimal`)
            // drops the scale of a 0, so `0.0元` adds no decimal place to the sum.
            let s = if mantissa == 0 { 0 } else { s };
            let new_scale = scale.max(s);
            let exact = sum * 10u128.pow(new_scale - scale) + mantissa * 10u128.pow(new_scale - s);
            let result = rollup.add(&report);
            // Refused only when no `Decimal` holds the exact sum: `Decimal::MAX + 0.0` is
            // `Decimal::MAX`, `Decimal::MAX + 0.1` is refused.
            let Some((mantissa, places)) = held(exact, new_scale) else {
                prop_assert_eq!(result, Err(overflow(index, code)));
                continue;
            };
            prop_assert_eq!(result, Ok(()));
            (sum, scale) = (exact, new_scale);
            // The representation, not only the value (`Decimal`'s `==` ignores the scale).
            match rollup.get(cell(code)) {
                Some(Value::Money(a)) => prop_assert_eq!(
                    (a.value().mantissa(), a.value().scale()),
                    (i128::try_from(mantissa).unwrap(), places)
                ),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }

    /// Money in 元 and 万元 with up to nine decimal places, added one at a time and merged:
    /// every sum is the exact sum, held like [`held`] holds it, or refused when no
    /// `Decimal` holds it; merging two roll-ups gives the sum of the whole or overflows.
    #[test]
    fn money_in_both_units_sums_are_exact_or_refused(
        amounts in prop::collection::vec(printed_amount(), 1..6),
        split in 0usize..6,
    ) {
        let code = "t2.fees.amount";
        let report = |&(mantissa, places, wan): &(u128, u32, bool)| {
            let value = Decimal::from_i128_with_scale(i128::try_from(mantissa).unwrap(), places);
            let unit = if wan { "万元" } else { "元" };
            with(Edition::E2021, &[(code, money(&format!("{value}{unit}")))])
        };
        let sum = |rollup: &Rollup| match rollup.get(cell(code)) {
            Some(Value::Money(a)) => Some((a.value().mantissa(), a.value().scale())),
            _ => None,
        };
        let expected = |amounts: &[(u128, u32, bool)]| {
            held_sum(amounts.iter().map(|&a| nano_yuan(a)))
                .map(|(mantissa, places)| (i128::try_from(mantissa).unwrap(), places))
        };
        let mut rollup = Rollup::new(Edition::E2021);
        let mut added = Vec::new();
        for amount in &amounts {
            let index = rollup.reports();
            let before = rollup.clone();
            added.push(*amount);
            let result = rollup.add(&report(amount));
            match expected(&added) {
                None => {
                    prop_assert_eq!(result, Err(overflow(index, code)));
                    prop_assert_eq!(&rollup, &before);
                    added.pop();
                }
                Some(held) => {
                    prop_assert_eq!(result, Ok(()));
                    prop_assert_eq!(sum(&rollup), Some(held));
                }
            }
        }

        let (left, right) = amounts.split_at(split.min(amounts.len()));
        let half = |amounts: &[(u128, u32, bool)]| -> Option<Rollup> {
            let mut r = Rollup::new(Edition::E2021);
            for amount in amounts {
                r.add(&report(amount)).ok()?;
            }
            Some(r)
        };
        if let (Some(mut merged), Some(other)) = (half(left), half(right)) {
            let before = merged.clone();
            match (merged.merge(&other), expected(&amounts)) {
                (Ok(()), Some(held)) => prop_assert_eq!(sum(&merged), Some(held)),
                (Err(e), None) => {
                    prop_assert_eq!(e, RollupError::MergeOverflow { cell: cell(code) });
                    prop_assert_eq!(merged, before);
                }
                (result, held) => prop_assert!(false, "merge {:?}, expected {:?}", result, held),
            }
        }
    }
}
