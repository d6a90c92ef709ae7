//! The rule catalogue as data: the doc table of `src/rules.rs` lists exactly the catalogue,
//! and `validate` agrees with an oracle written here from the identities of FORMAT.md §5
//! on generated reports (sparse, zero-heavy, small totals, one cell changed up or down).

use ogi_report::{
    Amount, AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, BodyKind, CellRef,
    Edition, FeeStatement, Figure, MoneyUnit, OtherMatters, Proactive, ProactiveColumn,
    ProactiveRow, RequestRow, Requests, Rule, Scope, Severity, Value, validate,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

// ---------------------------------------------------------------------------------------
// The doc table

/// The rows of the catalogue table in the docs of `Rule`, split into their cells.
fn doc_rows() -> Vec<Vec<String>> {
    let source = include_str!("../../../src/rules.rs");
    source
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("/// | `"))
        .map(|l| {
            format!("`{l}")
                .trim_end_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_doc_table_lists_exactly_the_catalogue() {
    let rows = doc_rows();
    let ids: Vec<String> = rows.iter().map(|r| r[0].clone()).collect();
    let catalogue: Vec<String> = Rule::all()
        .iter()
        .map(|r| format!("`{}`", r.id()))
        .collect();
    assert_eq!(ids, catalogue);
    for (row, rule) in rows.iter().zip(Rule::all()) {
        assert_eq!(row.len(), 6, "{row:?}");
        assert_eq!(row[1], rule.severity().code(), "{}", rule.id());
        let editions = match rule.editions() {
            [Edition::E2019, Edition::E2021] => "both",
            [Edition::E2019] => "2019",
            [Edition::E2021] => "2021",
            other => panic!("{other:?}"),
        };
        assert_eq!(row[2], editions, "{}", rule.id());
        assert_eq!(row[4], rule.source().code(), "{}", rule.id());
        // "per": the kind of scope the rule is applied to.
        let edition = rule.editions()[0];
        let per = match rule.scopes(edition).next() {
            Some(Scope::Column(_)) => "column",
            Some(Scope::RequestRow(_)) => "row of 表三",
            Some(Scope::Group(_)) => "group",
            Some(Scope::ProactiveRow(_)) => "row",
            Some(Scope::Cell(_)) => "cell",
            Some(Scope::Report) => "report",
            Some(Scope::Table(_)) => "table",
            _ => "sentence",
        };
        assert!(
            row[3].starts_with(per),
            "{}: {} for {per}",
            rule.id(),
            row[3]
        );
    }
}

// ---------------------------------------------------------------------------------------
// The oracle

/// One expected finding: rule code, cited cells, level code, stated, computed, difference.
type Line = (
    String,
    Vec<CellRef>,
    String,
    Option<Figure>,
    Option<Figure>,
    Option<i128>,
);

#[derive(Clone, Copy)]
enum Relation {
    Equal,
    AtMost,
    AtLeast,
}

fn num(v: Value) -> Option<i128> {
    match v {
        Value::Count(c) => Some(i128::from(c)),
        Value::Delta(d) => Some(i128::from(d)),
        Value::Money(_) => None,
    }
}

fn zero(v: Value) -> bool {
    match v {
        Value::Count(c) => c == 0,
        Value::Delta(d) => d == 0,
        Value::Money(a) => a.value().is_zero(),
    }
}

/// The values of cells, or the finding that they cannot be assessed.
fn read(report: &AnnualReport, code: &str, cells: &[CellRef]) -> Result<Vec<Value>, Box<Line>> {
    let values: Vec<Option<Value>> = cells.iter().map(|&c| report.get(c)).collect();
    if values.iter().any(Option::is_none) {
        return Err(Box::new((
            code.to_owned(),
            cells.to_vec(),
            "unassessable".to_owned(),
            values[0].map(Figure::from),
            None,
            None,
        )));
    }
    Ok(values.into_iter().flatten().collect())
}

/// `cells[0] <relation> Σ signs[i] · cells[i]`.
fn relation(
    report: &AnnualReport,
    out: &mut Vec<Line>,
    (code, level): (&str, &str),
    cells: &[CellRef],
    minus: &[usize],
    relation: Relation,
) {
    let values = match read(report, code, cells) {
        Ok(v) => v,
        Err(line) => return out.push(*line),
    };
    let Some(stated) = num(values[0]) else { return };
    let mut computed = 0i128;
    for (i, &v) in values.iter().enumerate().skip(1) {
        let Some(x) = num(v) else { return };
        computed += if minus.contains(&i) { -x } else { x };
    }
    let d = stated - computed;
    let fails = match relation {
        Relation::Equal => d != 0,
        Relation::AtMost => d > 0,
        Relation::AtLeast => d < 0,
    };
    if fails {
        out.push((
            code.to_owned(),
            cells.to_vec(),
            level.to_owned(),
            Some(Figure::Number(stated)),
            Some(Figure::Number(computed)),
            Some(d),
        ));
    }
}

/// The findings FORMAT.md §5 expects of a report's cells, in catalogue order then scope
/// order (the rules on metadata and texts aside).
fn oracle(report: &AnnualReport, notices: Option<u64>) -> Vec<Line> {
    use AppealColumn as T4;
    use RequestRow as R;
    let e = report.edition();
    let t3 = |r, c| CellRef::Requests(r, c);
    let mut out = Vec::new();
    // T3-1: 一 + 二 = （七） + 四, as 四 = 一 + 二 − （七）.
    for &c in Applicant::ALL {
        let cells = [
            t3(R::CarriedForward, c),
            t3(R::New, c),
            t3(R::CarriedOver, c),
            t3(R::ResultsTotal, c),
        ];
        relation(
            report,
            &mut out,
            ("t3.balance", "error"),
            &cells,
            &[3],
            Relation::Equal,
        );
    }
    // T3-2: （七）总计 = Σ outcomes.
    for &c in Applicant::ALL {
        let mut cells = vec![t3(R::ResultsTotal, c)];
        cells.extend(RequestRow::outcomes(e).iter().map(|&r| t3(r, c)));
        let code = ("t3.results_sum", "error");
        relation(report, &mut out, code, &cells, &[], Relation::Equal);
    }
    // T3-3: 总计 = Σ applicants, per row.
    for &r in RequestRow::rows(e) {
        let mut cells = vec![t3(r, Applicant::Total)];
        cells.extend(Applicant::DETAIL.iter().map(|&c| t3(r, c)));
        let code = ("t3.row_total", "error");
        relation(report, &mut out, code, &cells, &[], Relation::Equal);
    }
    // T3-5: （七） ≤ 一 + 二.
    for &c in Applicant::ALL {
        let cells = [t3(R::ResultsTotal, c), t3(R::New, c), t3(R::CarriedOver, c)];
        let code = ("t3.results_le_received", "error");
        relation(report, &mut out, code, &cells, &[], Relation::AtMost);
    }
    // T3-7: lapsed for non-payment ≤ the fee notices, when stated.
    if let (Edition::E2021, Some(n)) = (e, notices) {
        let cells = [t3(R::UnpaidFee, Applicant::Total)];
        let code = "t3.unpaid_fee_le_notices";
        match read(report, code, &cells) {
            Err(line) => out.push(*line),
            Ok(v) => {
                let s = num(v[0]).unwrap();
                let limit = i128::from(n);
                if s > limit {
                    let (stated, computed) = (Figure::Number(s), Figure::Number(limit));
                    let line = (code.to_owned(), cells.to_vec(), "warning".to_owned());
                    out.push((
                        line.0,
                        line.1,
                        line.2,
                        Some(stated),
                        Some(computed),
                        Some(s - limit),
                    ));
                }
            }
        }
    }
    // T4-1: 总计 = 维持 + 纠正 + 其他 + 尚未审结.
    for &g in AppealGroup::ALL {
        let mut cells = vec![CellRef::Appeals(g, T4::Total)];
        cells.extend(AppealColumn::DETAIL.iter().map(|&c| CellRef::Appeals(g, c)));
        let code = ("t4.group_total", "error");
        relation(report, &mut out, code, &cells, &[], Relation::Equal);
    }
    proactive(report, &mut out);
    out
}

/// The findings FORMAT.md §5 expects of 表二.
fn proactive(report: &AnnualReport, out: &mut Vec<Line>) {
    use ProactiveColumn as T2;
    let e = report.edition();
    let t2 = |r, c| CellRef::Proactive(r, c);
    if e == Edition::E2019 {
        // T2a-3: 本年增/减 ≥ −上一年项目数量.
        use ProactiveRow::{Enforcement, Fees, Licensing, OtherServices, Penalty};
        for r in [Licensing, OtherServices, Penalty, Enforcement, Fees] {
            let cells = [t2(r, T2::Delta), t2(r, T2::PriorItems)];
            let code = ("t2.item_count_nonnegative", "warning");
            relation(report, out, code, &cells, &[1], Relation::AtLeast);
        }
        for r in [ProactiveRow::Rules, ProactiveRow::Normative] {
            let cells = [t2(r, T2::TotalPublic), t2(r, T2::Published)];
            let code = ("t2.total_public_ge_published", "warning");
            relation(report, out, code, &cells, &[], Relation::AtLeast);
        }
        for r in [ProactiveRow::Rules, ProactiveRow::Normative] {
            let cells = [t2(r, T2::Published), t2(r, T2::Made)];
            let code = ("t2.published_le_made", "warning");
            relation(report, out, code, &cells, &[], Relation::AtMost);
        }
        // T2a-8, both ways.
        let p = ProactiveRow::Procurement;
        for (code, cells) in [
            (
                "t2.procurement_amount_needs_projects",
                [t2(p, T2::Amount), t2(p, T2::Projects)],
            ),
            (
                "t2.procurement_projects_need_amount",
                [t2(p, T2::Projects), t2(p, T2::Amount)],
            ),
        ] {
            match read(report, code, &cells) {
                Err(line) => out.push(*line),
                Ok(v) if !zero(v[0]) && zero(v[1]) => out.push((
                    code.to_owned(),
                    cells.to_vec(),
                    "warning".to_owned(),
                    Some(Figure::from(v[0])),
                    Some(Figure::Number(0)),
                    num(v[0]),
                )),
                Ok(_) => {}
            }
        }
    }
    // T2b-3: a township's 规章 cells are 0.
    if report.kind() == BodyKind::Township {
        for &c in ProactiveRow::Rules.columns(e) {
            let cells = [t2(ProactiveRow::Rules, c)];
            let code = "t2.rules_township";
            match read(report, code, &cells) {
                Err(line) => out.push(*line),
                Ok(v) if !zero(v[0]) => out.push((
                    code.to_owned(),
                    cells.to_vec(),
                    "warning".to_owned(),
                    Some(Figure::from(v[0])),
                    Some(Figure::Number(0)),
                    num(v[0]),
                )),
                Ok(_) => {}
            }
        }
    }
    // T2b-2: 本年收费金额 in 万元.
    if e == Edition::E2021 {
        let cells = [t2(ProactiveRow::Fees, T2::Amount)];
        let code = "t2.fees_unit";
        match read(report, code, &cells) {
            Err(line) => out.push(*line),
            Ok(v) => {
                if let Value::Money(a) = v[0] {
                    if a.unit() != MoneyUnit::WanYuan {
                        let line = (code.to_owned(), cells.to_vec(), "info".to_owned());
                        out.push((line.0, line.1, line.2, Some(Figure::Money(a)), None, None));
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Generated reports

/// How the counts are drawn.
#[derive(Debug, Clone, Copy)]
enum Mode {
    /// Mostly 0.
    ZeroHeavy,
    /// 0, 1 or 2.
    Small,
    /// Up to 100,000.
    Large,
}

#[derive(Debug, Clone)]
struct Case {
    edition: Edition,
    kind: BodyKind,
    mode: Mode,
    raw: Vec<u32>,
    /// Blank every cell whose draw is a multiple of this (sparse tables).
    sparse: Option<u32>,
    /// Cells (by index among the report's cells) changed by an amount.
    changes: Vec<(usize, i64)>,
    notices: Option<u64>,
    yuan: bool,
}

fn case() -> impl Strategy<Value = Case> {
    (
        prop_oneof![Just(Edition::E2019), Just(Edition::E2021)],
        prop::sample::select(BodyKind::ALL.to_vec()),
        prop_oneof![Just(Mode::ZeroHeavy), Just(Mode::Small), Just(Mode::Large)],
        prop::collection::vec(any::<u32>(), 512),
        prop_oneof![3 => Just(None), 1 => (2u32..12).prop_map(Some)],
        prop::collection::vec((0usize..400, prop_oneof![-5i64..0, 1i64..6]), 0..3),
        prop::option::of(0u64..4),
        any::<bool>(),
    )
        .prop_map(
            |(edition, kind, mode, raw, sparse, changes, notices, yuan)| Case {
                edition,
                kind,
                mode,
                raw,
                sparse,
                changes,
                notices,
                yuan,
            },
        )
}

/// Draws from the case's numbers in turn.
struct Draw<'a> {
    case: &'a Case,
    next: usize,
}

impl Draw<'_> {
    fn raw(&mut self) -> u32 {
        let v = self.case.raw[self.next % self.case.raw.len()];
        self.next += 1;
        v
    }

    fn count(&mut self) -> u64 {
        let r = self.raw();
        u64::from(match self.case.mode {
            Mode::ZeroHeavy if r % 5 == 0 => r % 4,
            Mode::ZeroHeavy => 0,
            Mode::Small => r % 3,
            Mode::Large => r % 100_000,
        })
    }
}

/// A report of the case: 表三 and 表四 consistent (totals derived here), 表二 drawn, then
/// the sparse blanks and the changes.
fn report(case: &Case) -> AnnualReport {
    use RequestRow as R;
    let e = case.edition;
    let year = if e == Edition::E2019 { 2020 } else { 2023 };
    let mut six = OtherMatters::new("……");
    if let (Edition::E2021, Some(n)) = (e, case.notices) {
        let mut fees = FeeStatement::default();
        fees.notices = Some(n);
        six.fees = Some(fees);
    }
    let mut report = AnnualReport::builder(e, year, "某机关", case.kind)
        .proactive(Proactive::blank(e))
        .requests(Requests::blank(e))
        .appeals(Appeals::blank())
        .other_matters(six)
        .build()
        .unwrap();
    let mut draw = Draw { case, next: 0 };
    let count = |v: u64| Some(Value::Count(v));
    // 表三, column by column, then the 总计 column.
    for c in Applicant::DETAIL {
        let mut handled = 0;
        for &r in RequestRow::outcomes(e) {
            let v = draw.count();
            handled += v;
            report.set(CellRef::Requests(r, c), count(v)).unwrap();
        }
        let carried = draw.count();
        let new = handled.saturating_sub(carried) + draw.count();
        let cells = [
            (R::New, new),
            (R::CarriedOver, carried),
            (R::ResultsTotal, handled),
            (R::CarriedForward, new + carried - handled),
        ];
        for (r, v) in cells {
            report.set(CellRef::Requests(r, c), count(v)).unwrap();
        }
    }
    for &r in RequestRow::rows(e) {
        let sum = Applicant::DETAIL
            .iter()
            .map(|&c| match report.get(CellRef::Requests(r, c)) {
                Some(Value::Count(v)) => v,
                _ => 0,
            })
            .sum();
        report
            .set(CellRef::Requests(r, Applicant::Total), count(sum))
            .unwrap();
    }
    // 表四.
    for &g in AppealGroup::ALL {
        let mut total = 0;
        for c in AppealColumn::DETAIL {
            let v = draw.count();
            total += v;
            report.set(CellRef::Appeals(g, c), count(v)).unwrap();
        }
        report
            .set(CellRef::Appeals(g, AppealColumn::Total), count(total))
            .unwrap();
    }
    // 表二, drawn cell by cell.
    let cells: Vec<CellRef> = report.cells().map(|(c, _)| c).collect();
    for &cell in &cells {
        let CellRef::Proactive(_, column) = cell else {
            continue;
        };
        let value = match column {
            ProactiveColumn::Delta => Value::Delta(i64::from(draw.raw() % 9) - 4),
            ProactiveColumn::Amount => {
                let unit = if case.yuan {
                    MoneyUnit::Yuan
                } else {
                    MoneyUnit::WanYuan
                };
                Value::Money(Amount::new(Decimal::from(draw.count()), unit).unwrap())
            }
            _ => Value::Count(draw.count()),
        };
        report.set(cell, Some(value)).unwrap();
    }
    // Sparse: blanks.
    if let Some(k) = case.sparse {
        for &cell in &cells {
            if draw.raw() % k == 0 {
                report.set(cell, None).unwrap();
            }
        }
    }
    // One cell changed up or down.
    for &(i, by) in &case.changes {
        let cell = cells[i % cells.len()];
        let changed = match report.get(cell) {
            Some(Value::Count(v)) => Value::Count(v.saturating_add_signed(by)),
            Some(Value::Delta(v)) => Value::Delta(v + by),
            _ => continue,
        };
        report.set(cell, Some(changed)).unwrap();
    }
    report
}

fn lines(report: &AnnualReport) -> Vec<Line> {
    validate(report)
        .iter()
        .filter(|f| !f.rule_id().code().starts_with("meta."))
        .map(|f| {
            (
                f.rule_id().code().to_owned(),
                f.cells().collect(),
                f.level().to_string(),
                f.stated(),
                f.computed(),
                f.difference(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(crate::support::config(256))]

    #[test]
    fn validate_agrees_with_the_identities_of_the_format(case in case()) {
        let report = report(&case);
        prop_assert_eq!(lines(&report), oracle(&report, case.notices));
        // The rules on metadata find nothing: no date, the edition of the year, the tables
        // of the edition.
        prop_assert!(validate(&report).iter().all(|f| !f.rule_id().code().starts_with("meta.")));
    }

    #[test]
    fn one_cell_changed_in_a_consistent_report_is_found(case in case(), at in 0usize..400, up in any::<bool>()) {
        let case = Case { sparse: None, changes: Vec::new(), notices: None, yuan: false, mode: Mode::Large, ..case };
        let mut report = report(&case);
        let errors = |r: &AnnualReport| validate(r).iter().filter(|f| f.severity() == Severity::Error).count();
        prop_assert_eq!(errors(&report), 0);
        // A cell of 表三 or 表四: every one is in an identity.
        let cells: Vec<CellRef> = report
            .cells()
            .map(|(c, _)| c)
            .filter(|c| !matches!(c, CellRef::Proactive(..)))
            .collect();
        let cell = cells[at % cells.len()];
        let Some(Value::Count(v)) = report.get(cell) else { return Ok(()) };
        let changed = if up { v + 1 } else if v > 0 { v - 1 } else { return Ok(()) };
        report.set(cell, Some(Value::Count(changed))).unwrap();
        prop_assert!(errors(&report) > 0, "{cell}");
        prop_assert_eq!(lines(&report), oracle(&report, None));
    }
}
