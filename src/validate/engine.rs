//! The engine: one report checked against the plans of the catalogue, the rules on its
//! metadata, and the claims of its texts.

use chrono::NaiveDate;

use crate::cell::{CellRef, Table, Value};
use crate::claims::claims;
use crate::edition::Edition;
use crate::money::MoneyUnit;
use crate::report::{AnnualReport, BodyKind};
use crate::rules::{self, MAX_CELLS, Rule, Scope, Side, Step, Test, subtracts};

use super::finding::{Figure, Finding, Findings, Level};


/// The reports a rule reads: one, or the two of a pair.
pub(super) struct Reports<'a> {
    pub(super) current: &'a AnnualReport,
    pub(super) previous: Option<&'a AnnualReport>,
}

impl Reports<'_> {
    pub(super) fn read(&self, cell: CellRef, side: Side) -> Option<Value> {
        match side {
            Side::Current => self.current.cell(cell),
            Side::Previous => self.previous.and_then(|r| r.cell(cell)),
        }
    }

    fn finding(
        &self,
        rule: &Rule,
        scope: Scope,
        level: Level,
        stated: Option<Figure>,
        computed: Option<Figure>,
        difference: Option<i128>,
    ) -> Finding {
        Finding {
            rule: rule.id(),
            scope,
            edition: self.current.edition(),
            layout: rule.layout_in(self.current),
            year: self.current.year(),
            level,
            stated,
            computed,
            difference,
            blanks: 0,
        }
    }
}

/// Checks a report against every rule of the catalogue that applies to its edition and
/// kind of body, and returns every finding. The report is not changed.
///
/// A rule whose cells include a blank is reported as [`Level::Unassessable`] with the
/// blank cells named: never a pass, never a failure, a blank never read as 0. The rules
/// on the publication date ([`RuleId::MetaDeadline`],
/// [`RuleId::MetaPublishedAfterPeriod`]) apply only when the date is known, and
/// [`RuleId::T3UnpaidFeeLeNotices`] only when section 六 states the number of fee notices.
/// Validating a report with no findings allocates nothing.
///
/// ```
/// use ogi_report::{
///     validate, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails,
///     RequestRow as R, Requests,
/// };
///
/// let mut details = RequestDetails::new(Edition::E2021);
/// details.set(R::New, [8, 1, 0, 0, 0, 0])?;
/// details.set(R::Disclosed, [5, 1, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 3).unwrap())
///     .proactive(Proactive::from_printed(Edition::E2021, &["0"; 10])?)
///     .requests(Requests::assemble(&details)?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let findings = validate(&report);
/// assert_eq!(findings.len(), 1);
/// assert_eq!(
///     findings[0].to_string(),
///     "warning meta.deadline - stated=2024-02-03 computed=2024-01-31 | the 2023 report: fails \
///      \"published by the Article 49 deadline: 31 January of the next year for a department, \
///      31 March for a government's own report\", difference 3 days / 2023年度报告：不符合\
///      “按《条例》第四十九条期限公开：部门于次年1月31日前，本级政府年度报告于次年3月31日前”，相差 3 天"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn validate(report: &AnnualReport) -> Findings {
    let mut findings = Findings::new();
    let reports = Reports {
        current: report,
        previous: None,
    };
    // The rules' scopes and cells for the edition, resolved at compile time.
    let plan = rules::plan(
        report.edition(),
        report.proactive().edition(),
        report.requests().edition(),
    );
    let kind = 1u8 << report.kind() as u8;
    for step in plan.steps() {
        if step.kinds & kind != 0 {
            if let Some(f) = apply(step, plan.cells(step), &reports) {
                findings.push(f);
            }
        }
    }
    findings
}

/// Applies a step of a [`Plan`](rules::Plan) to the report.
fn apply(step: &Step, cells: &[u8], reports: &Reports<'_>) -> Option<Finding> {
    let rule = step.rule.rule();
    let report = reports.current;
    let test = rule.test();
    match test {
        Test::Deadline => return deadline(rule, reports),
        Test::AfterPeriod => return after_period(rule, reports),
        Test::EditionYear => return edition_year(rule, reports),
        Test::TableLayout => return table_layout(rule, step.scope, reports),
        // The bulk of the work: sums of counts. When every cell is filled and the relation
        // holds, there is nothing more to do.
        Test::Sum | Test::AtMost | Test::AtLeast if holds(report, step, cells, test) => {
            return None;
        }
        _ => {}
    }
    let mut values: [Option<Value>; MAX_CELLS] = [None; MAX_CELLS];
    for (v, &p) in values.iter_mut().zip(cells) {
        *v = read(report, step.table, p);
    }
    evaluate(
        rule,
        step.scope,
        &values[..cells.len().min(MAX_CELLS)],
        reports,
    )
}

/// The value at a position of a table of the report.
fn read(report: &AnnualReport, table: Option<Table>, position: u8) -> Option<Value> {
    let p = usize::from(position);
    match table? {
        Table::Proactive => *report.proactive().slots().get(p)?,
        Table::Requests => report.requests().slots().get(p)?.map(Value::Count),
        Table::Appeals => report.appeals().slots().get(p)?.map(Value::Count),
    }
}

/// Whether a sum, at-most or at-least relation holds with every cell filled: `false` when
/// it fails or a cell is blank, which [`evaluate`] then reports.
fn holds(report: &AnnualReport, step: &Step, cells: &[u8], test: Test) -> bool {
    let sums = match step.table {
        Some(Table::Requests) => sum_counts(report.requests().slots(), cells, step.minus),
        Some(Table::Appeals) => sum_counts(report.appeals().slots(), cells, step.minus),
        Some(Table::Proactive) => sum_values(report.proactive().slots(), cells, step.minus),
        None => None,
    };
    let Some((stated, computed)) = sums else {
        return false;
    };
    match test {
        Test::Sum => stated == computed,
        Test::AtMost => stated <= computed,
        _ => stated >= computed,
    }
}

/// The checked cell and the signed sum of the others, `None` when one is blank.
fn sum_counts(table: &[Option<u64>], cells: &[u8], minus: u32) -> Option<(i128, i128)> {
    let (&first, rest) = cells.split_first()?;
    let stated = i128::from((*table.get(usize::from(first))?)?);
    if minus == 0 {
        // Most rules only add: no branch per cell but the bounds check.
        let mut sum = 0i128;
        let mut blank = false;
        for &p in rest {
            let v = *table.get(usize::from(p))?;
            blank |= v.is_none();
            sum += i128::from(v.unwrap_or(0));
        }
        return (!blank).then_some((stated, sum));
    }
    let mut sum = 0i128;
    for (i, &p) in rest.iter().enumerate() {
        let v = i128::from((*table.get(usize::from(p))?)?);
        if minus & (2 << i) == 0 {
            sum += v;
        } else {
            sum -= v;
        }
    }
    Some((stated, sum))
}

/// [`sum_counts`] for 表二, whose cells may be changes or amounts: `None` also when one is
/// an amount.
fn sum_values(table: &[Option<Value>], cells: &[u8], minus: u32) -> Option<(i128, i128)> {
    let (&first, rest) = cells.split_first()?;
    let stated = number(*table.get(usize::from(first))?)?;
    let mut sum = 0i128;
    for (i, &p) in rest.iter().enumerate() {
        let v = number(*table.get(usize::from(p))?)?;
        if minus & (2 << i) == 0 {
            sum += v;
        } else {
            sum -= v;
        }
    }
    Some((stated, sum))
}

/// Checks what the texts of sections 一, 五 and 六 state against the tables: every
/// [`Claim`] that does not agree with any reading of the tables its wording allows is a
/// finding of its `narrative.*` rule (a warning), or [`Level::Unassessable`] when the
/// cells it needs are blank. The report is not changed.
///
/// This is separate from [`validate`], which stays under a microsecond and allocates
/// nothing on a clean report: reading the texts costs some microseconds, and its rules
/// are heuristics, not the format's arithmetic. Its findings are of the same type and
/// join the others with [`Extend`]. Checking allocates only the findings (a report whose
/// texts agree with its tables allocates nothing). A finding cites the sentence
/// ([`Finding::sentence`]) and the cells of the readings tried;
/// [`Finding::display_in`] quotes the sentence.
///
/// ```
/// use ogi_report::{validate, validate_narrative, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
///
/// let mut t3 = RequestDetails::new(Edition::E2021);
/// t3.set(RequestRow::New, [95, 0, 0, 0, 0, 0])?;
/// t3.set(RequestRow::Disclosed, [95, 0, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2024, "某区人民政府", BodyKind::Government)
///     .overview("（二）依申请公开情况。2024 年，区政府办代表区政府受理政府信息公开申请 17 件，均已在法定期限内予以答复。")
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&t3)?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let mut findings = validate(&report);
/// findings.extend(validate_narrative(&report));
/// let f = findings.iter().find(|f| f.rule_id().code() == "narrative.received").unwrap();
/// assert_eq!(
///     f.to_string(),
///     "warning narrative.received t3.new.total,t3.carried_over.total stated=17 computed=95 | \
///      overview 33..150: the text states 17 (applications received (收到, 受理)), no reading of \
///      表三 agrees (tried: t3.new.total; t3.new.total + t3.carried_over.total) / \
///      一、总体情况第33–150字节：文中所述17（收到（受理）申请）与表三不符（已核对：t3.new.total；\
///      t3.new.total + t3.carried_over.total）"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn validate_narrative(report: &AnnualReport) -> Findings {
    let mut findings = Findings::new();
    for claim in claims(report) {
        if claim.verdict.is_finding() {
            findings.push(Finding::of_claim(&claim, report));
        }
    }
    findings
}

fn number(value: Option<Value>) -> Option<i128> {
    match value? {
        Value::Count(v) => Some(i128::from(v)),
        Value::Delta(v) => Some(i128::from(v)),
        Value::Money(_) => None,
    }
}

fn is_zero(value: Option<Value>) -> Option<bool> {
    Some(match value? {
        Value::Count(v) => v == 0,
        Value::Delta(v) => v == 0,
        Value::Money(a) => a.value().is_zero(),
    })
}

/// Applies a rule to the values of the cells it reads at one scope, the checked cell
/// first: the finding, if the rule fails or cannot be assessed.
pub(super) fn evaluate(
    rule: &Rule,
    scope: Scope,
    values: &[Option<Value>],
    reports: &Reports<'_>,
) -> Option<Finding> {
    let report = reports.current;
    let limit = match rule.test() {
        // Applies only when section 六 states the number of fee notices.
        Test::AtMostNotices => Some(i128::from(report.other_matters().fees?.notices?)),
        _ => None,
    };
    let n = values.len();
    let mut blanks = 0u32;
    for (i, v) in values.iter().enumerate() {
        if v.is_none() {
            blanks |= 1 << i;
        }
    }
    if n == 0 {
        return None;
    }
    let stated = values[0].map(Figure::from);
    if blanks != 0 {
        let mut f = reports.finding(rule, scope, Level::Unassessable, stated, None, None);
        f.blanks = blanks;
        return Some(f);
    }
    let level = Level::from(rule.severity());
    let fail = |computed: Option<Figure>, difference: Option<i128>| {
        Some(reports.finding(rule, scope, level, stated, computed, difference))
    };
    match rule.test() {
        Test::Sum | Test::AtMost | Test::AtLeast => {
            let s = number(values[0])?;
            let mut computed = 0i128;
            for (i, &v) in values.iter().enumerate().skip(1) {
                let x = number(v)?;
                if subtracts(rule.id(), i) {
                    computed -= x;
                } else {
                    computed += x;
                }
            }
            let d = s - computed;
            let fails = match rule.test() {
                Test::Sum => d != 0,
                Test::AtMost => d > 0,
                _ => d < 0,
            };
            if fails {
                fail(Some(Figure::Number(computed)), Some(d))
            } else {
                None
            }
        }
        Test::AtMostNotices => {
            let (s, limit) = (number(values[0])?, limit?);
            if s > limit {
                fail(Some(Figure::Number(limit)), Some(s - limit))
            } else {
                None
            }
        }
        Test::Zero => {
            let s = number(values[0])?;
            if s == 0 {
                None
            } else {
                fail(Some(Figure::Number(0)), Some(s))
            }
        }
        Test::ZeroIfOtherZero => {
            if !is_zero(values[0])? && is_zero(values.get(1).copied().flatten())? {
                fail(Some(Figure::Number(0)), number(values[0]))
            } else {
                None
            }
        }
        Test::WanYuan => match values[0] {
            Some(Value::Money(a)) if a.unit() != MoneyUnit::WanYuan => fail(None, None),
            _ => None,
        },
        Test::Deadline
        | Test::AfterPeriod
        | Test::EditionYear
        | Test::TableLayout
        | Test::Narrative => None,
    }
}

fn date(year: u16, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(i32::from(year), month, day)
}

fn days(from: NaiveDate, to: NaiveDate) -> i128 {
    i128::from(to.signed_duration_since(from).num_days())
}

/// `meta.deadline`: Article 49.
fn deadline(rule: &Rule, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let published = report.published()?;
    let next = report.year().checked_add(1)?;
    let due = match report.kind() {
        BodyKind::Department => date(next, 1, 31)?,
        BodyKind::Government => date(next, 3, 31)?,
        _ => return None,
    };
    (published > due).then(|| {
        reports.finding(
            rule,
            Scope::Report,
            Level::from(rule.severity()),
            Some(Figure::Date(published)),
            Some(Figure::Date(due)),
            Some(days(due, published)),
        )
    })
}

/// `meta.published_after_period`: the statistical period is the report year.
fn after_period(rule: &Rule, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let published = report.published()?;
    let first = date(report.year().checked_add(1)?, 1, 1)?;
    (published < first).then(|| {
        reports.finding(
            rule,
            Scope::Report,
            Level::from(rule.severity()),
            Some(Figure::Date(published)),
            Some(Figure::Date(first)),
            Some(days(first, published)),
        )
    })
}

/// `meta.edition_year`: which edition serves the report year.
fn edition_year(rule: &Rule, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let expected = Edition::for_year(report.year());
    (report.edition() != expected).then(|| {
        reports.finding(
            rule,
            Scope::Report,
            Level::from(rule.severity()),
            Some(Figure::Edition(report.edition())),
            Some(Figure::Edition(expected)),
            None,
        )
    })
}

/// `meta.table_layout`: a table printed in the layout of another edition than the
/// report's.
fn table_layout(rule: &Rule, scope: Scope, reports: &Reports<'_>) -> Option<Finding> {
    let report = reports.current;
    let Scope::Table(table) = scope else {
        return None;
    };
    let printed = report.layout(table).edition();
    (printed != report.edition()).then(|| {
        reports.finding(
            rule,
            scope,
            Level::from(rule.severity()),
            Some(Figure::Edition(printed)),
            Some(Figure::Edition(report.edition())),
            None,
        )
    })
}
