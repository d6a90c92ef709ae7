//! Property tests: assembled reports of either edition round-trip through JSON to
//! identical text, and their totals are the sums of their parts.

use ogi_report::{
    Amount, AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, BodyKind, Edition,
    MoneyUnit, Proactive, RequestDetails, RequestRow, Requests, Value, ValueKind,
};
use proptest::prelude::*;

use crate::support::generate::{
    ALL_UNITS, Parts, amount_in, assemble, edition, fees, proactive_with,
};

/// A value of the kind over its whole range (money in any unit), or blank.
fn value(kind: ValueKind) -> BoxedStrategy<Option<Value>> {
    let v = match kind {
        ValueKind::Count => any::<u64>().prop_map(Value::Count).boxed(),
        ValueKind::Delta => any::<i64>().prop_map(Value::Delta).boxed(),
        ValueKind::Money => amount().prop_map(Value::Money).boxed(),
    };
    proptest::option::weighted(0.8, v).boxed()
}

fn amount() -> impl Strategy<Value = Amount> + Clone {
    amount_in(0i64..10_000_000_000, 0..7, ALL_UNITS)
}

/// Detail cells whose outcomes never exceed the applications: each outcome row takes a
/// share of a column's received applications.
fn details(edition: Edition) -> impl Strategy<Value = RequestDetails> {
    let outcomes = RequestRow::outcomes(edition).len();
    (
        proptest::array::uniform6(0u64..5_000),
        proptest::array::uniform6(0u64..500),
        proptest::collection::vec(proptest::array::uniform6(0u64..=100), outcomes),
    )
        .prop_map(move |(new, carried, shares)| {
            let mut d = RequestDetails::new(edition);
            d.set(RequestRow::New, new).unwrap();
            d.set(RequestRow::CarriedOver, carried).unwrap();
            let mut left: [u64; 6] = std::array::from_fn(|c| new[c] + carried[c]);
            for (row, share) in RequestRow::outcomes(edition).iter().zip(shares) {
                let counts: [u64; 6] = std::array::from_fn(|c| left[c] * share[c] / 100);
                for c in 0..6 {
                    left[c] -= counts[c];
                }
                d.set(*row, counts).unwrap();
            }
            d
        })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "[\u{4e00}-\u{9fa5}，。、 \n]{0,80}"
    ]
}

fn report(edition: Edition) -> impl Strategy<Value = AnnualReport> {
    (
        proactive_with(edition, value),
        details(edition),
        proptest::array::uniform3(proptest::array::uniform4(0u64..1_000)),
        (
            2019u16..2100,
            prop::sample::select(BodyKind::ALL.to_vec()),
            proptest::option::of((0u32..3000).prop_map(|d| {
                chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()
                    + chrono::Days::new(u64::from(d))
            })),
        ),
        (text(), text(), text(), text()),
        fees(any::<u64>(), amount()),
    )
        .prop_map(
            move |(t2, d, [r, s, a], (year, kind, published), (body, one, five, six), fees)| {
                let parts = Parts {
                    texts: [one, five, six],
                    tables: (
                        t2,
                        Requests::assemble(&d).unwrap(),
                        Appeals::assemble(r, s, a).unwrap(),
                    ),
                    fees,
                    published,
                };
                assemble(edition, year, body, kind, parts)
            },
        )
}

fn any_report() -> impl Strategy<Value = AnnualReport> {
    edition().prop_flat_map(report)
}

proptest! {
    #![proptest_config(crate::support::config(128))]

    #[test]
    fn json_round_trips_to_an_equal_report_and_identical_text(report in any_report()) {
        let json = serde_json::to_string(&report).unwrap();
        let back: AnnualReport = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &report);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
        let pretty = serde_json::to_string_pretty(&report).unwrap();
        let back: AnnualReport = serde_json::from_str(&pretty).unwrap();
        prop_assert_eq!(serde_json::to_string_pretty(&back).unwrap(), pretty);
    }

    #[test]
    fn assembled_totals_are_the_sums_of_their_parts(report in any_report()) {
        let t3 = report.requests();
        let edition = report.edition();
        for &row in t3.rows() {
            let parts: u64 = Applicant::DETAIL.iter().map(|&c| t3.get(row, c).unwrap()).sum();
            prop_assert_eq!(t3.get(row, Applicant::Total), Some(parts));
        }
        for column in Applicant::ALL.iter().copied() {
            let outcomes: u64 = RequestRow::outcomes(edition).iter().map(|&r| t3.get(r, column).unwrap()).sum();
            prop_assert_eq!(t3.get(RequestRow::ResultsTotal, column), Some(outcomes));
            let received = t3.get(RequestRow::New, column).unwrap() + t3.get(RequestRow::CarriedOver, column).unwrap();
            prop_assert_eq!(received, outcomes + t3.get(RequestRow::CarriedForward, column).unwrap());
        }
        let t4 = report.appeals();
        for group in AppealGroup::ALL.iter().copied() {
            let parts: u64 = AppealColumn::DETAIL.iter().map(|&c| t4.get(group, c).unwrap()).sum();
            prop_assert_eq!(t4.get(group, AppealColumn::Total), Some(parts));
        }
    }

    #[test]
    fn printed_tables_round_trip_through_their_text(report in any_report()) {
        let edition = report.edition();
        let texts = |cells: Vec<Option<Value>>| -> Vec<String> {
            cells.into_iter().map(|v| v.map(|v| v.to_string()).unwrap_or_default()).collect()
        };
        let t3 = texts(report.requests().cells().map(|(_, v)| v.map(Value::Count)).collect());
        prop_assert_eq!(&Requests::from_printed(edition, &t3).unwrap(), report.requests());
        let t4 = texts(report.appeals().cells().map(|(_, v)| v.map(Value::Count)).collect());
        prop_assert_eq!(&Appeals::from_printed(&t4).unwrap(), report.appeals());
        let t2 = texts(report.proactive().cells().map(|(_, v)| v).collect());
        let back = Proactive::from_printed(edition, &t2).unwrap();
        // A 2021 fee amount printed without a unit reads in the header's unit (万元).
        for ((cell, ours), (_, theirs)) in back.cells().zip(report.proactive().cells()) {
            match (ours, theirs) {
                (Some(Value::Money(a)), Some(Value::Money(b))) if b.unit() == MoneyUnit::Unstated && edition == Edition::E2021 => {
                    prop_assert_eq!(a.unit(), MoneyUnit::WanYuan, "{}", cell);
                    prop_assert_eq!(a.value().to_string(), b.value().to_string());
                }
                _ => prop_assert_eq!(ours, theirs, "{}", cell),
            }
        }
    }
}
