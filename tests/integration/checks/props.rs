//! Property tests of the checks and the roll-ups. Reports are generated from valid parts
//! with their totals derived (never filtered).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use ogi_report::{
    Amount, AnnualReport, Appeals, Applicant, BodyKind, CellRef, Edition, FeeStatement,
    MixedRollup, MoneyUnit, OtherMatters, Proactive, ProactiveColumn as C, ProactiveRow as P,
    Relation, RequestDetails, RequestRow, Requests, Rollup, Rule, Scope, Severity, Value, validate,
    validate_pair,
};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;

use crate::support::set;

// ---------------------------------------------------------------------------------------
// Generators

/// 表三 detail cells: outcomes, 上年结转 `carried` (generated when `None`), and 本年新收
/// chosen so that nothing is handled that was not received.
fn details(edition: Edition, carried: Option<[u64; 6]>) -> impl Strategy<Value = RequestDetails> {
    let n = RequestRow::outcomes(edition).len();
    let carried = match carried {
        Some(c) => Just(c).boxed(),
        None => prop::array::uniform6(0u64..20).boxed(),
    };
    (
        carried,
        prop::collection::vec(prop::array::uniform6(0u64..8), n),
        prop::array::uniform6(0u64..20),
    )
        .prop_map(move |(carried, outcomes, extra)| {
            let mut d = RequestDetails::new(edition);
            let mut handled = [0u64; 6];
            for (&row, counts) in RequestRow::outcomes(edition).iter().zip(&outcomes) {
                d.set(row, *counts).unwrap();
                for (h, v) in handled.iter_mut().zip(counts) {
                    *h += v;
                }
            }
            let new = std::array::from_fn(|c| handled[c].saturating_sub(carried[c]) + extra[c]);
            d.set(RequestRow::New, new).unwrap();
            d.set(RequestRow::CarriedOver, carried).unwrap();
            d
        })
}

fn amount(unit: MoneyUnit) -> impl Strategy<Value = Amount> {
    (1i64..1_000_000_000, 0u32..=6)
        .prop_map(move |(m, scale)| Amount::new(Decimal::new(m, scale), unit).unwrap())
}

fn any_unit() -> impl Strategy<Value = MoneyUnit> {
    prop_oneof![Just(MoneyUnit::Yuan), Just(MoneyUnit::WanYuan)]
}

/// 上一年项目数量 and a 本年增/减 that keeps the count ≥ 0.
fn items() -> impl Strategy<Value = (u64, i64)> {
    (0u64..2000).prop_flat_map(|p| (Just(p), -i64::try_from(p).unwrap()..=200))
}

/// 表二 of the 2019 edition with every soft relation holding; `items` given or generated.
fn t2_2019(given: Option<[(u64, i64); 5]>) -> impl Strategy<Value = Proactive> {
    let items = match given {
        Some(i) => Just(i).boxed(),
        None => prop::array::uniform5(items()).boxed(),
    };
    (
        prop::array::uniform2((0u64..50, 0u64..50, 0u64..500)),
        items,
        prop::array::uniform4(0u64..100_000),
        0u64..5,
        any_unit().prop_flat_map(amount),
    )
        .prop_map(|(docs, items, decisions, projects, money)| {
            let mut t2 = Proactive::blank(Edition::E2019);
            for (row, (made, gap, extra)) in [P::Rules, P::Normative].into_iter().zip(docs) {
                let published = made.saturating_sub(gap);
                t2.set(row, C::Made, Some(Value::Count(made))).unwrap();
                t2.set(row, C::Published, Some(Value::Count(published)))
                    .unwrap();
                t2.set(row, C::TotalPublic, Some(Value::Count(published + extra)))
                    .unwrap();
            }
            let rows = item_rows();
            for (i, (row, (prior, delta))) in rows.into_iter().zip(items).enumerate() {
                t2.set(row, C::PriorItems, Some(Value::Count(prior)))
                    .unwrap();
                t2.set(row, C::Delta, Some(Value::Delta(delta))).unwrap();
                if let Some(&d) = decisions.get(i) {
                    t2.set(row, C::Decisions, Some(Value::Count(d))).unwrap();
                }
            }
            let money = if projects == 0 {
                Amount::new(Decimal::ZERO, money.unit()).unwrap()
            } else {
                money
            };
            t2.set(P::Procurement, C::Projects, Some(Value::Count(projects)))
                .unwrap();
            t2.set(P::Procurement, C::Amount, Some(Value::Money(money)))
                .unwrap();
            t2
        })
}

/// 表二 of the 2021 edition; 现行有效件数 given (as the previous year's, to continue) or
/// generated.
fn t2_2021(in_force_before: Option<[u64; 2]>) -> impl Strategy<Value = Proactive> {
    (
        prop::array::uniform2((0u64..50, 0u64..50, 0u64..500)),
        prop::array::uniform3(0u64..100_000),
        amount(MoneyUnit::WanYuan),
    )
        .prop_map(move |(docs, decisions, fees)| {
            let mut t2 = Proactive::blank(Edition::E2021);
            for (i, (row, (issued, repealed, in_force))) in
                [P::Rules, P::Normative].into_iter().zip(docs).enumerate()
            {
                // Continuing a year: repeal no more than was in force or issued.
                let (repealed, in_force) = match in_force_before {
                    Some(before) => {
                        let repealed = repealed.min(before[i] + issued);
                        (repealed, before[i] + issued - repealed)
                    }
                    None => (repealed, in_force),
                };
                t2.set(row, C::Issued, Some(Value::Count(issued))).unwrap();
                t2.set(row, C::Repealed, Some(Value::Count(repealed)))
                    .unwrap();
                t2.set(row, C::InForce, Some(Value::Count(in_force)))
                    .unwrap();
            }
            for (row, d) in [P::Licensing, P::Penalty, P::Enforcement]
                .into_iter()
                .zip(decisions)
            {
                t2.set(row, C::Decisions, Some(Value::Count(d))).unwrap();
            }
            t2.set(P::Fees, C::Amount, Some(Value::Money(fees)))
                .unwrap();
            t2
        })
}

fn t2(edition: Edition) -> BoxedStrategy<Proactive> {
    match edition {
        Edition::E2019 => t2_2019(None).boxed(),
        _ => t2_2021(None).boxed(),
    }
}

fn t4() -> impl Strategy<Value = Appeals> {
    prop::array::uniform3(prop::array::uniform4(0u64..10))
        .prop_map(|[a, b, c]| Appeals::assemble(a, b, c).unwrap())
}

fn kind() -> impl Strategy<Value = BodyKind> {
    // A township would need its 规章 cells at 0; the others have no such heuristic.
    prop_oneof![
        Just(BodyKind::Department),
        Just(BodyKind::Government),
        Just(BodyKind::Other)
    ]
}

/// An assembled report, published on time (or with no date), every relation holding.
#[allow(
    clippy::too_many_arguments,
    reason = "the parts of a report, each generated"
)]
fn assemble(
    edition: Edition,
    year: u16,
    kind: BodyKind,
    published: Option<u32>,
    t2: Proactive,
    details: &RequestDetails,
    t4: Appeals,
    notices_extra: u64,
) -> AnnualReport {
    let requests = Requests::assemble(details).unwrap();
    let mut six = OtherMatters::new("……");
    if edition == Edition::E2021 {
        let unpaid = requests
            .get(RequestRow::UnpaidFee, Applicant::Total)
            .unwrap();
        six.fees = Some(FeeStatement::new(Some(unpaid + notices_extra), None, None));
    }
    let mut b = AnnualReport::builder(edition, year, "某机关", kind)
        .proactive(t2)
        .requests(requests)
        .appeals(t4)
        .other_matters(six);
    if let Some(day) = published {
        b = b.published(NaiveDate::from_ymd_opt(i32::from(year) + 1, 1, day).unwrap());
    }
    b.build().unwrap()
}

fn years(edition: Edition) -> std::ops::RangeInclusive<u16> {
    match edition {
        Edition::E2019 => 2019..=2020,
        _ => 2021..=2030,
    }
}

fn report_of(edition: Edition) -> impl Strategy<Value = AnnualReport> {
    report_in(edition, years(edition))
}

fn report_in(
    edition: Edition,
    years: std::ops::RangeInclusive<u16>,
) -> impl Strategy<Value = AnnualReport> {
    (
        years,
        kind(),
        prop::option::of(1u32..=31),
        t2(edition),
        details(edition, None),
        t4(),
        0u64..3,
    )
        .prop_map(move |(year, kind, published, t2, d, t4, extra)| {
            assemble(edition, year, kind, published, t2, &d, t4, extra)
        })
}

fn report() -> impl Strategy<Value = AnnualReport> {
    prop_oneof![report_of(Edition::E2019), report_of(Edition::E2021)]
}

/// A changed value of the same kind for a cell.
fn changed(value: Option<Value>, by: u64, up: bool) -> Option<Value> {
    Some(match value? {
        Value::Count(v) if up || v < by => Value::Count(v + by),
        Value::Count(v) => Value::Count(v - by),
        Value::Delta(v) => {
            let by = i64::try_from(by).unwrap();
            Value::Delta(if up { v + by } else { v - by })
        }
        Value::Money(a) => {
            Value::Money(Amount::new(a.value() + Decimal::from(by), a.unit()).unwrap())
        }
    })
}

fn number(report: &AnnualReport, cell: CellRef) -> i128 {
    match report.get(cell) {
        Some(Value::Count(v)) => i128::from(v),
        Some(Value::Delta(v)) => i128::from(v),
        other => panic!("{cell}: {other:?}"),
    }
}

/// The error findings a report must have once `cell` was changed, from the catalogue: every
/// scope of an error rule that reads the cell, where the rule is an equality (any change
/// breaks it) or a bound that the changed value now crosses (recomputed from the cells the
/// catalogue names; the error bounds are plain sums).
fn expected_errors(report: &AnnualReport, cell: CellRef) -> Vec<(String, Scope)> {
    let mut expected = Vec::new();
    for rule in Rule::all() {
        if rule.is_pair()
            || rule.severity() != Severity::Error
            || !rule.applies(report.edition(), report.kind())
        {
            continue;
        }
        for scope in rule.scopes(report.edition()) {
            let cells: Vec<CellRef> = rule.cells_at(report.edition(), scope).collect();
            if !cells.contains(&cell) {
                continue;
            }
            let fails = match rule.relation() {
                Relation::Equal => true,
                bound => {
                    let stated = number(report, cells[0]);
                    let derived: i128 = cells[1..].iter().map(|&c| number(report, c)).sum();
                    match bound {
                        Relation::AtMost => stated > derived,
                        Relation::AtLeast => stated < derived,
                        _ => panic!("{}: an error rule of another form", rule.id()),
                    }
                }
            };
            if fails {
                expected.push((rule.id().code().to_owned(), scope));
            }
        }
    }
    expected
}

// ---------------------------------------------------------------------------------------
// The checks

proptest! {
    #![proptest_config(crate::support::config(128))]

    #[test]
    fn an_assembled_report_has_no_findings(report in report()) {
        let findings = validate(&report);
        prop_assert!(findings.is_empty(), "{}", findings);
    }

    #[test]
    fn one_changed_cell_gives_exactly_the_error_findings_of_the_rules_that_read_it(
        report in report(),
        which in any::<Index>(),
        by in 1u64..5,
        up in any::<bool>(),
    ) {
        let cells: Vec<CellRef> = CellRef::all(report.edition()).collect();
        let cell = *which.get(&cells);
        let mut changed_report = report.clone();
        set(&mut changed_report, cell, changed(report.get(cell), by, up));

        let findings = validate(&changed_report);
        let got: Vec<(String, Scope)> = findings
            .iter()
            .filter(|f| f.severity() == Severity::Error)
            .map(|f| (f.rule_id().code().to_owned(), f.scope()))
            .collect();
        prop_assert_eq!(&got, &expected_errors(&changed_report, cell), "{}", cell);
        for f in findings.iter().filter(|f| f.severity() == Severity::Error) {
            prop_assert!(f.cells().any(|c| c == cell), "{} does not name {}", f, cell);
            prop_assert!(!f.is_unassessable());
            // stated − computed is the change that broke the relation (for equalities).
            if f.rule().relation() == Relation::Equal {
                prop_assert_ne!(f.difference(), Some(0));
            }
        }
    }

    #[test]
    fn one_blank_cell_makes_exactly_the_rules_that_read_it_unassessable(
        report in report(),
        which in any::<Index>(),
    ) {
        let cells: Vec<CellRef> = CellRef::all(report.edition()).collect();
        let cell = *which.get(&cells);
        let mut blanked = report.clone();
        set(&mut blanked, cell, None);

        let findings = validate(&blanked);
        let got: Vec<(String, Scope)> = findings
            .iter()
            .map(|f| (f.rule_id().code().to_owned(), f.scope()))
            .collect();
        let mut expected = Vec::new();
        for rule in Rule::all() {
            if rule.is_pair() || !rule.applies(report.edition(), report.kind()) {
                continue;
            }
            for scope in rule.scopes(report.edition()) {
                if rule.cells_at(report.edition(), scope).any(|c| c == cell) {
                    expected.push((rule.id().code().to_owned(), scope));
                }
            }
        }
        prop_assert_eq!(got, expected, "{}", cell);
        for f in &findings {
            prop_assert!(f.is_unassessable());
            prop_assert_eq!(f.blanks().collect::<Vec<_>>(), vec![cell]);
        }
    }
}

/// Two consecutive years of one body: year N+1 continues year N in every relation across
/// years.
fn consecutive() -> impl Strategy<Value = (AnnualReport, AnnualReport)> {
    let first = prop_oneof![
        report_in(Edition::E2019, 2019..=2019).prop_map(|r| (r, Edition::E2019)),
        report_in(Edition::E2019, 2020..=2020).prop_map(|r| (r, Edition::E2021)),
        report_in(Edition::E2021, 2021..=2029).prop_map(|r| (r, Edition::E2021)),
    ];
    first.prop_flat_map(|(first, edition)| {
        let carried: [u64; 6] = std::array::from_fn(|c| {
            first
                .requests()
                .get(RequestRow::CarriedForward, Applicant::DETAIL[c])
                .unwrap()
        });
        let t2 = match (first.edition(), edition) {
            (Edition::E2019, Edition::E2019) => {
                let rows = item_rows();
                let items = rows.map(|r| {
                    let prior = first.proactive().count(r, C::PriorItems).unwrap();
                    let delta = first.proactive().delta(r, C::Delta).unwrap();
                    (prior.checked_add_signed(delta).unwrap(), 0)
                });
                // The next year's change is free again; keep the prior count.
                (Just(items), prop::array::uniform5(-50i64..=50))
                    .prop_flat_map(|(items, deltas)| {
                        let items = std::array::from_fn(|i| {
                            let (p, _) = items[i];
                            (p, deltas[i].max(-i64::try_from(p).unwrap()))
                        });
                        t2_2019(Some(items))
                    })
                    .boxed()
            }
            (Edition::E2021, Edition::E2021) => {
                let before = [P::Rules, P::Normative]
                    .map(|r| first.proactive().count(r, C::InForce).unwrap());
                t2_2021(Some(before)).boxed()
            }
            (_, e) => t2(e),
        };
        let year = first.year() + 1;
        let kind = first.kind();
        (
            Just(first),
            t2,
            details(edition, Some(carried)),
            t4(),
            0u64..3,
        )
            .prop_map(move |(first, t2, d, t4, extra)| {
                let next = assemble(edition, year, kind, Some(20), t2, &d, t4, extra);
                (first, next)
            })
    })
}

proptest! {
    #![proptest_config(crate::support::config(96))]

    #[test]
    fn consecutive_years_pass_the_continuity_checks((first, next) in consecutive()) {
        prop_assert!(validate(&first).is_empty());
        prop_assert!(validate(&next).is_empty(), "{}", validate(&next));
        let findings = validate_pair(&first, &next).unwrap();
        prop_assert!(findings.is_empty(), "{}", findings);
    }

    #[test]
    fn a_changed_carry_over_is_named_in_its_column(
        (first, next) in consecutive(),
        column in any::<Index>(),
        by in 1u64..4,
    ) {
        let column = *column.get(Applicant::ALL);
        let mut next = next;
        let cell = CellRef::Requests(RequestRow::CarriedOver, column);
        let value = changed(next.get(cell), by, true);
        set(&mut next, cell, value);
        let findings = validate_pair(&first, &next).unwrap();
        prop_assert_eq!(findings.len(), 1);
        prop_assert_eq!(findings[0].scope(), Scope::Column(column));
        prop_assert_eq!(findings[0].difference(), Some(i128::from(by)));
    }
}

// ---------------------------------------------------------------------------------------
// Roll-ups

/// Reports of one edition, some cells blanked, money in 元 and 万元.
fn reports_of(edition: Edition) -> impl Strategy<Value = Vec<AnnualReport>> {
    let one = (
        report_of(edition),
        prop::collection::vec(any::<Index>(), 0..3),
        any_unit(),
    )
        .prop_map(move |(mut r, blanks, unit)| {
            // 2019: 采购总金额 in either unit.
            if edition == Edition::E2019 {
                if let Some(Value::Money(a)) = r.get("t2.procurement.amount".parse().unwrap()) {
                    let a = Amount::new(a.value(), unit).unwrap();
                    set(
                        &mut r,
                        "t2.procurement.amount".parse().unwrap(),
                        Some(Value::Money(a)),
                    );
                }
            }
            let cells: Vec<CellRef> = CellRef::all(edition).collect();
            for b in blanks {
                set(&mut r, *b.get(&cells), None);
            }
            r
        });
    prop::collection::vec(one, 1..7)
}

/// An amount in 元, computed here from its printed number and unit: a mantissa in 万元
/// times 10000 at the same scale.
fn in_yuan(a: Amount) -> Decimal {
    let v = a.value();
    let factor = match a.unit() {
        MoneyUnit::Yuan => 1,
        MoneyUnit::WanYuan => 10_000,
        unit => panic!("a generated amount has a stated unit, not {unit:?}"),
    };
    Decimal::from_i128_with_scale(v.mantissa() * factor, v.scale())
}

/// The sum of every cell, computed here cell by cell: (filled sum, blanks).
fn by_cell(reports: &[AnnualReport], edition: Edition) -> BTreeMap<CellRef, (Value, u64)> {
    let mut sums = BTreeMap::new();
    for cell in CellRef::all(edition) {
        let mut blanks = 0;
        let (mut count, mut delta, mut yuan) = (0u64, 0i64, Decimal::ZERO);
        for r in reports {
            match r.get(cell) {
                None => blanks += 1,
                Some(Value::Count(v)) => count += v,
                Some(Value::Delta(v)) => delta += v,
                Some(Value::Money(a)) => yuan += in_yuan(a),
            }
        }
        let sum = match cell.kind() {
            ogi_report::ValueKind::Count => Value::Count(count),
            ogi_report::ValueKind::Delta => Value::Delta(delta),
            ogi_report::ValueKind::Money => {
                Value::Money(Amount::new(yuan, MoneyUnit::Yuan).unwrap())
            }
        };
        sums.insert(cell, (sum, blanks));
    }
    sums
}

fn same(a: Option<Value>, b: Option<Value>) -> bool {
    match (a, b) {
        // Amounts of equal value, whatever their printed scale.
        (Some(Value::Money(x)), Some(Value::Money(y))) => {
            x.unit() == y.unit() && x.value() == y.value()
        }
        (a, b) => a == b,
    }
}

fn roll(edition: Edition, reports: &[AnnualReport]) -> Rollup {
    let mut r = Rollup::new(edition);
    for report in reports {
        r.add(report).unwrap();
    }
    r
}

fn edition() -> impl Strategy<Value = Edition> {
    prop_oneof![Just(Edition::E2019), Just(Edition::E2021)]
}

proptest! {
    #![proptest_config(crate::support::config(64))]

    #[test]
    fn a_rollup_is_the_cell_by_cell_sum_in_any_order_and_grouping(
        (edition, reports, order, split) in edition().prop_flat_map(|e| {
            reports_of(e).prop_flat_map(move |reports| {
                let n = reports.len();
                let order = Just((0..n).collect::<Vec<_>>()).prop_shuffle();
                (Just(e), Just(reports), order, 0..=n)
            })
        })
    ) {
        let rollup = roll(edition, &reports);
        prop_assert_eq!(rollup.reports(), reports.len() as u64);
        for (cell, (sum, blanks)) in by_cell(&reports, edition) {
            prop_assert_eq!(rollup.blanks(cell), Some(blanks), "{}", cell);
            prop_assert!(same(rollup.filled_sum(cell), Some(sum)), "{}", cell);
            let whole = if blanks == 0 { Some(sum) } else { None };
            prop_assert!(same(rollup.get(cell), whole), "{}", cell);
        }
        // Order.
        let shuffled: Vec<AnnualReport> = order.iter().map(|&i| reports[i].clone()).collect();
        prop_assert_eq!(&roll(edition, &shuffled), &rollup);
        // Grouping.
        let mut left = roll(edition, &shuffled[..split]);
        left.merge(&roll(edition, &shuffled[split..])).unwrap();
        prop_assert_eq!(&left, &rollup);
        // The rolled-up report of consistent reports with no blanks is consistent.
        if by_cell(&reports, edition).values().all(|(_, b)| *b == 0) {
            let total = rollup.to_report(2022, "合计", BodyKind::Other).unwrap();
            prop_assert!(!validate(&total).has_errors());
        }
    }

    #[test]
    fn a_mixed_rollup_sums_the_common_rows_and_the_other_handling_aggregate(
        reports in prop::collection::vec(report(), 1..6),
        order in Just(()).prop_flat_map(|()| Just((0..6).collect::<Vec<usize>>()).prop_shuffle()),
    ) {
        let mut mixed = MixedRollup::new();
        for r in &reports {
            mixed.add(r).unwrap();
        }
        for &row in RequestRow::rows(Edition::E2019) {
            for &column in Applicant::ALL {
                let cell = CellRef::Requests(row, column);
                let expected: u64 = reports
                    .iter()
                    .map(|r| match (r.edition(), row) {
                        (Edition::E2021, RequestRow::OtherHandling) => [
                            RequestRow::NoCorrection,
                            RequestRow::UnpaidFee,
                            RequestRow::OtherHandlingOther,
                        ]
                        .iter()
                        .map(|&part| r.requests().get(part, column).unwrap())
                        .sum(),
                        _ => r.requests().get(row, column).unwrap(),
                    })
                    .sum();
                prop_assert_eq!(mixed.get(cell), Some(Value::Count(expected)), "{}", cell);
            }
        }
        for cell in ogi_report::Table::Appeals.cells(Edition::E2021) {
            let expected: u64 = reports
                .iter()
                .map(|r| match r.get(cell) {
                    Some(Value::Count(v)) => v,
                    _ => 0,
                })
                .sum();
            prop_assert_eq!(mixed.get(cell), Some(Value::Count(expected)));
        }
        // Order.
        let mut again = MixedRollup::new();
        for &i in order.iter().filter(|&&i| i < reports.len()) {
            again.add(&reports[i]).unwrap();
        }
        prop_assert_eq!(again, mixed);
    }
}

/// The 2019 rows of 表二 that carry 上一年项目数量 and 本年增/减 (blocks （五）（六）（八）),
/// read from the row and column enums rather than listed again.
fn item_rows() -> [P; 5] {
    let rows: Vec<P> = P::rows(Edition::E2019)
        .iter()
        .copied()
        .filter(|r| r.columns(Edition::E2019).contains(&C::Delta))
        .collect();
    rows.try_into().expect("five rows with 本年增/减")
}
