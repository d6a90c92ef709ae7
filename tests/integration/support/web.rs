//! Reports generated for the web-page tests (page text and HTML): bodies named as real
//! bodies are, narrative lines close to headings, cells blank or filled, tables assembled
//! or printed; and the report as the page readers read it back.

use chrono::NaiveDate;
use ogi_report::{
    AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, BodyKind, Edition, RequestDetails,
    RequestRow, Requests, Value, ValueKind,
};
use proptest::prelude::*;

use super::generate::{ALL_UNITS, Parts, STATED_UNITS, amount_in, assemble, proactive_with};
use ogi_report::FeeStatement;

/// Lines of narrative, some of them close to a heading.
pub(crate) const LINES: &[&str] = &[
    "2020年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
    "（一）主动公开情况。全年主动公开政府信息1136条。",
    "  一是加强组织领导；二是完善工作制度。",
    "五是加强队伍建设，提升工作水平",
    "无",
    FEE_SENTENCE,
    "规章 0 0 0",
    "| 3 | 4 |",
];

fn narrative() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(LINES), prop::bool::ANY), 0..4).prop_map(|v| {
        let mut text = String::new();
        for (i, (line, gap)) in v.iter().enumerate() {
            if i > 0 {
                text.push_str(if *gap { "\n\n" } else { "\n" });
            }
            text.push_str(line);
        }
        text
    })
}

/// A value of the kind (money in the units a page of the edition prints), or blank.
fn value(kind: ValueKind, edition: Edition) -> BoxedStrategy<Option<Value>> {
    let value = match kind {
        ValueKind::Count => (0u64..2_000_000).prop_map(Value::Count).boxed(),
        ValueKind::Delta => (-5000i64..5000).prop_map(Value::Delta).boxed(),
        ValueKind::Money => {
            let units = match edition {
                Edition::E2019 => ALL_UNITS,
                _ => STATED_UNITS,
            };
            amount_in(0i64..10_000_000_000, 0..5, units)
                .prop_map(Value::Money)
                .boxed()
        }
    };
    prop::option::weighted(0.8, value).boxed()
}

fn requests(edition: Edition) -> impl Strategy<Value = Requests> {
    let rows = RequestRow::rows(edition);
    let assembled = prop::collection::vec([0u64..40, 0..5, 0..3, 0..3, 0..3, 0..3], rows.len())
        .prop_map(move |details| {
            let mut d = RequestDetails::new(edition);
            let mut received = [0u64; 6];
            for (&r, counts) in rows.iter().zip(&details) {
                if matches!(r, RequestRow::New | RequestRow::CarriedOver) {
                    d.set(r, *counts).unwrap_or_else(|e| panic!("{e}"));
                    for (t, c) in received.iter_mut().zip(counts) {
                        *t += c;
                    }
                }
            }
            // Outcomes within what was received: each taken from what is left.
            let mut left = received;
            for (&r, counts) in rows.iter().zip(&details) {
                if r.is_outcome() {
                    let mut taken = [0u64; 6];
                    for ((t, l), c) in taken.iter_mut().zip(left.iter_mut()).zip(counts) {
                        *t = (*c).min(*l);
                        *l -= *t;
                    }
                    d.set(r, taken).unwrap_or_else(|e| panic!("{e}"));
                }
            }
            Requests::assemble(&d).unwrap_or_else(|e| panic!("{e}"))
        });
    let printed = prop::collection::vec(prop::option::weighted(0.7, 0u64..100_000), rows.len() * 7)
        .prop_map(move |cells| {
            let mut t3 = Requests::blank(edition);
            for (i, v) in cells.into_iter().enumerate() {
                let (r, c) = (rows[i / 7], Applicant::ALL[i % 7]);
                t3.set(r, c, v).unwrap_or_else(|e| panic!("{e}"));
            }
            t3
        });
    prop_oneof![assembled, printed]
}

fn appeals() -> impl Strategy<Value = Appeals> {
    let detail = || [0u64..50, 0..50, 0..50, 0..50];
    let assembled = (detail(), detail(), detail())
        .prop_map(|(a, b, c)| Appeals::assemble(a, b, c).unwrap_or_else(|e| panic!("{e}")));
    let printed =
        prop::collection::vec(prop::option::weighted(0.7, 0u64..1000), 15).prop_map(|cells| {
            let mut t4 = Appeals::blank();
            for (i, v) in cells.into_iter().enumerate() {
                t4.set(AppealGroup::ALL[i / 5], AppealColumn::ALL[i % 5], v)
                    .expect("表四 has every cell");
            }
            t4
        });
    prop_oneof![assembled, printed]
}

const BODIES: &[(&str, BodyKind)] = &[
    ("某县人民政府", BodyKind::Government),
    ("某市某区教育局", BodyKind::Department),
    ("某镇人民政府", BodyKind::Township),
    ("某街道办事处", BodyKind::Township),
    ("某市人民政府办公室", BodyKind::Department),
    ("某工业园区", BodyKind::Other),
];

pub(crate) fn report() -> impl Strategy<Value = AnnualReport> {
    prop_oneof![Just(Edition::E2019), Just(Edition::E2021)].prop_flat_map(|edition| {
        (
            2019u16..2035,
            prop::sample::select(BODIES),
            prop::option::of((2020i32..2036, 1u32..13, 1u32..29)),
            proactive_with(edition, move |kind| value(kind, edition)),
            requests(edition),
            appeals(),
            (narrative(), narrative(), narrative()),
        )
            .prop_map(
                move |(year, (body, kind), date, t2, t3, t4, (overview, problems, other))| {
                    let parts = Parts {
                        texts: [overview, problems, other],
                        tables: (t2, t3, t4),
                        fees: None,
                        published: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
                    };
                    assemble(edition, year, body, kind, parts)
                },
            )
    })
}

/// The fee sentence among the generated lines.
pub(crate) const FEE_SENTENCE: &str = "全年收取政府信息公开信息处理费 0 元。";

/// The report as the page-text reader reads it back: in the 2021 edition, section 六's one
/// fee sentence (when it has exactly one) states the fees collected.
pub(crate) fn as_read(report: &AnnualReport) -> AnnualReport {
    let six = &report.other_matters().text;
    if report.edition() != Edition::E2021 || six.matches(FEE_SENTENCE).count() != 1 {
        return report.clone();
    }
    let mut other = report.other_matters().clone();
    other.fees = Some(FeeStatement::new(
        None,
        None,
        Some("0元".parse().unwrap_or_else(|e| panic!("{e}"))),
    ));
    let mut builder = AnnualReport::builder(
        report.edition(),
        report.year(),
        report.body(),
        report.kind(),
    )
    .overview(report.overview())
    .proactive(report.proactive().clone())
    .requests(report.requests().clone())
    .appeals(report.appeals().clone())
    .problems(report.problems())
    .other_matters(other);
    if let Some(date) = report.published() {
        builder = builder.published(date);
    }
    builder.build().unwrap_or_else(|e| panic!("{e}"))
}
