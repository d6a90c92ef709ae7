//! The page-text reader on generated web pages: a generated report of either edition,
//! printed as a web page copies (rows as `label | cell | cell`, the official headings, the
//! title line, the date with a time, no kind of body), imports back equal but for what
//! such a page does not say (the kind of body, inferred from the name) and what the reader
//! reads from prose (a 2021 fee sentence in section 六).
//!
//! This is not the crate's own layout (that round trip is in `import_roundtrip`): it keeps
//! the reader of real pages honest on every cell and text of both editions.

use std::fmt::Write as _;

use crate::render_gen::config;
use chrono::NaiveDate;
use ogi_report::{
    APPLICANTS_LABEL, Amount, AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant,
    Article20Item, BodyKind, Edition, MoneyUnit, NoteKind, ORGANISATIONS_LABEL, OtherMatters,
    Proactive, REQUESTS_NOTE, RESULTS_LABEL, RequestDetails, RequestRow, Requests, Section, Table,
    Value, ValueKind, import,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn cell_text(value: Option<Value>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn row(label: &str, cells: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = cells.into_iter().collect();
    format!("{label} | {}\n", cells.join(" | "))
}

/// The report as a page of plain text.
fn page(report: &AnnualReport) -> String {
    let e = report.edition();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}{}年政府信息公开工作年度报告",
        report.body(),
        report.year()
    );
    if let Some(date) = report.published() {
        let _ = writeln!(out, "{date} 09:30");
    }
    let _ = writeln!(
        out,
        "{}\n{}",
        Section::Overview.heading(),
        report.overview()
    );

    let _ = writeln!(out, "{}", Table::Proactive.heading());
    let t2 = report.proactive();
    for &item in Article20Item::blocks(e) {
        let _ = writeln!(out, "{}", item.caption());
        let rows = item.rows(e);
        let columns = rows.first().map_or(&[][..], |r| r.columns(e));
        out.push_str(&row(
            "信息内容",
            columns.iter().map(|c| c.label(e).to_owned()),
        ));
        for &r in rows {
            out.push_str(&row(
                r.label(e),
                r.columns(e).iter().map(|&c| cell_text(t2.get(r, c))),
            ));
        }
    }

    requests_page(report, &mut out);

    let _ = writeln!(out, "{}", Table::Appeals.heading());
    let _ = writeln!(
        out,
        "{} | {}",
        AppealGroup::Review.label(),
        AppealGroup::SuitDirect.parent_label().unwrap_or_default()
    );
    let _ = writeln!(
        out,
        "{} | {}",
        AppealGroup::SuitDirect.label(),
        AppealGroup::SuitAfterReview.label()
    );
    let columns: Vec<&str> = AppealColumn::ALL.iter().map(|c| c.label()).collect();
    let _ = writeln!(out, "{}", columns.join(" | "));
    for &g in AppealGroup::ALL {
        let cells = AppealColumn::ALL
            .iter()
            .map(|&c| cell_text(report.appeals().get(g, c).map(Value::Count)));
        out.push_str(&row(g.label(), cells));
    }

    let _ = writeln!(
        out,
        "{}\n{}",
        Section::Problems.heading(),
        report.problems()
    );
    let _ = writeln!(
        out,
        "{}\n{}",
        Section::OtherMatters.heading(),
        report.other_matters().text
    );
    out
}

/// 表三 as page text, group labels printed before a group's first row.
fn requests_page(report: &AnnualReport, out: &mut String) {
    let e = report.edition();
    let _ = writeln!(out, "{}", Table::Requests.heading());
    let _ = writeln!(out, "{REQUESTS_NOTE} | {APPLICANTS_LABEL}");
    let _ = writeln!(
        out,
        "{} | {ORGANISATIONS_LABEL} | {}",
        Applicant::NaturalPerson.label(),
        Applicant::Total.label()
    );
    let orgs: Vec<&str> = Applicant::ALL
        .iter()
        .filter(|a| a.is_organisation())
        .map(|a| a.label())
        .collect();
    let _ = writeln!(out, "{}", orgs.join(" | "));
    let t3 = report.requests();
    let mut group = None;
    for &r in RequestRow::rows(e) {
        let mut label = String::new();
        if r == RequestRow::Disclosed {
            let _ = write!(label, "{RESULTS_LABEL} | ");
        }
        if r.group() != group {
            if let Some(g) = r.group() {
                let _ = write!(label, "{} | ", g.label());
            }
            group = r.group();
        }
        label.push_str(r.label());
        let cells = Applicant::ALL
            .iter()
            .map(|&c| cell_text(t3.get(r, c).map(Value::Count)));
        out.push_str(&row(&label, cells));
    }
}

/// Lines of narrative, some of them close to a heading.
const LINES: &[&str] = &[
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

fn amount(units: &'static [MoneyUnit]) -> impl Strategy<Value = Value> {
    (0i64..10_000_000_000, 0u32..5, prop::sample::select(units)).prop_map(|(m, scale, unit)| {
        let a = Amount::new(Decimal::new(m, scale), unit).unwrap_or_else(|e| panic!("{e}"));
        Value::Money(a)
    })
}

fn value(kind: ValueKind, edition: Edition) -> BoxedStrategy<Option<Value>> {
    let value = match kind {
        ValueKind::Count => (0u64..2_000_000).prop_map(Value::Count).boxed(),
        ValueKind::Delta => (-5000i64..5000).prop_map(Value::Delta).boxed(),
        ValueKind::Money => match edition {
            Edition::E2019 => {
                amount(&[MoneyUnit::Yuan, MoneyUnit::WanYuan, MoneyUnit::Unstated]).boxed()
            }
            _ => amount(&[MoneyUnit::Yuan, MoneyUnit::WanYuan]).boxed(),
        },
    };
    prop::option::weighted(0.8, value).boxed()
}

fn proactive(edition: Edition) -> impl Strategy<Value = Proactive> {
    let cells: Vec<_> = Table::Proactive
        .cells(edition)
        .map(|c| value(c.kind(), edition).prop_map(move |v| (c, v)))
        .collect();
    cells.prop_map(move |cells| {
        let mut t2 = Proactive::blank(edition);
        for (cell, v) in cells {
            if let ogi_report::CellRef::Proactive(r, c) = cell {
                t2.set(r, c, v).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        t2
    })
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
            proactive(edition),
            requests(edition),
            appeals(),
            (narrative(), narrative(), narrative()),
        )
            .prop_map(
                move |(year, (body, kind), date, t2, t3, t4, (overview, problems, other))| {
                    let mut b = AnnualReport::builder(edition, year, body, kind)
                        .overview(overview)
                        .proactive(t2)
                        .requests(t3)
                        .appeals(t4)
                        .problems(problems)
                        .other_matters(OtherMatters::new(other));
                    if let Some(d) = date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)) {
                        b = b.published(d);
                    }
                    b.build().unwrap_or_else(|e| panic!("{e}"))
                },
            )
    })
}

/// The fee sentence among the generated lines.
const FEE_SENTENCE: &str = "全年收取政府信息公开信息处理费 0 元。";

/// The report as the page-text reader reads it back: in the 2021 edition, section 六's one
/// fee sentence (when it has exactly one) states the fees collected.
pub(crate) fn as_read(report: &AnnualReport) -> AnnualReport {
    let six = &report.other_matters().text;
    if report.edition() != Edition::E2021 || six.matches(FEE_SENTENCE).count() != 1 {
        return report.clone();
    }
    let mut other = report.other_matters().clone();
    let mut fees = ogi_report::FeeStatement::default();
    fees.collected = Some("0元".parse().unwrap_or_else(|e| panic!("{e}")));
    other.fees = Some(fees);
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

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn printed_reports_import_back_equal(report in report()) {
        let text = page(&report);
        let imported = import(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let expected = as_read(&report);
        prop_assert_eq!(&imported.report, &expected, "{}", text);
        let from_prose = imported
            .notes
            .iter()
            .filter(|n| matches!(n.kind, NoteKind::FeeCollectedFromText { .. }))
            .count();
        prop_assert_eq!(from_prose, usize::from(expected.other_matters().fees.is_some()));
        for note in &imported.notes {
            prop_assert!(
                !matches!(
                    note.kind,
                    NoteKind::TableUnreadable { .. }
                        | NoteKind::ExtraRow { .. }
                        | NoteKind::CellUnreadable { .. }
                        | NoteKind::MissingSection
                        | NoteKind::RowMissing
                ),
                "{}\n{}", note, text
            );
        }
    }
}
