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

fn overflow(index: u64, code: &str) -> RollupError {
    RollupError::Overflow {
        index,
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

proptest! {
    #![proptest_config(crate::render_gen::config(128))]

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
    /// exact sum, or the report that makes it unrepresentable at its scale is refused.
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
            let new_scale = scale.max(s);
            let exact = sum * 10u128.pow(new_scale - scale) + mantissa * 10u128.pow(new_scale - s);
            let result = rollup.add(&report);
            if exact >= 1u128 << 96 {
                prop_assert_eq!(result, Err(overflow(index, code)));
                continue;
            }
            prop_assert_eq!(result, Ok(()));
            (sum, scale) = (exact, new_scale);
            let expected = Decimal::from_i128_with_scale(i128::try_from(sum).unwrap(), scale);
            match rollup.get(cell(code)) {
                Some(Value::Money(a)) => prop_assert_eq!(a.value(), expected),
                other => prop_assert!(false, "{:?}", other),
            }
        }
    }
}
