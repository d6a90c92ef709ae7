//! The engine: one report checked against the plans of the catalogue, the rules on its
//! metadata, and the claims of its texts.

use chrono::NaiveDate;

use crate::cell::{CellRef, Table, Value};
use crate::claims::claims;
use crate::edition::Edition;
use crate::report::{AnnualReport, BodyKind};
use crate::rules::{self, Outcome, Rule, Scope, Side, Slot, Step, Test};

use super::finding::{Figure, Finding, Findings, Level};

/// The reports a rule reads: one, or the two of a pair.
pub(super) struct Reports<'a> {
    pub(super) current: &'a AnnualReport,
    pub(super) previous: Option<&'a AnnualReport>,
}

impl Reports<'_> {
    pub(super) fn read(&self, cell: CellRef, side: Side) -> Option<Value> {
        match side {
            Side::Current => self.current.get(cell),
            Side::Previous => self.previous.and_then(|r| r.get(cell)),
        }
    }

    /// The number of fee notices section 六 states, for the rule that compares with it.
    pub(super) fn notices(&self, rule: &Rule) -> Option<u64> {
        match rule.test() {
            Test::AtMostNotices => self.current.other_matters().fees?.notices,
            _ => None,
        }
    }

    /// The finding of a rule on cells at a scope.
    pub(super) fn found(&self, rule: &Rule, scope: Scope, outcome: Outcome) -> Finding {
        let level = if outcome.blanks == 0 {
            Level::from(rule.severity())
        } else {
            Level::Unassessable
        };
        let mut finding = self.finding(
            rule,
            scope,
            level,
            outcome.stated.map(Figure::from),
            outcome.computed.map(Figure::Number),
            outcome.difference,
        );
        finding.blanks = outcome.blanks;
        finding
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
/// on the publication date ([`RuleId::MetaDeadline`](crate::RuleId::MetaDeadline),
/// [`RuleId::MetaPublishedAfterPeriod`](crate::RuleId::MetaPublishedAfterPeriod)) apply only when the date is known, and
/// [`RuleId::T3UnpaidFeeLeNotices`](crate::RuleId::T3UnpaidFeeLeNotices) only when section 六 states the number of fee notices.
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

/// Applies a step of a [`Plan`](rules::Plan) to the report: the rules on metadata by
/// their own tests, the rules on cells by [`Rule::judge`] over the step's cells, read by
/// their positions in the table.
fn apply(step: &Step, cells: &[Slot], reports: &Reports<'_>) -> Option<Finding> {
    let rule = step.rule.rule();
    let report = reports.current;
    match rule.test() {
        Test::Deadline => return deadline(rule, reports),
        Test::AfterPeriod => return after_period(rule, reports),
        Test::EditionYear => return edition_year(rule, reports),
        Test::TableLayout => return table_layout(rule, step.scope, reports),
        _ => {}
    }
    let notices = reports.notices(rule);
    // One loop per kind of table, so that reading a cell is an index and a copy.
    let outcome = match step.table? {
        Table::Requests => {
            let slots = report.requests().slots();
            let read = |s: &Slot| (s.sign, slot(slots, *s).map(Value::Count));
            rule.judge(cells.iter().map(read), notices)
        }
        Table::Appeals => {
            let slots = report.appeals().slots();
            let read = |s: &Slot| (s.sign, slot(slots, *s).map(Value::Count));
            rule.judge(cells.iter().map(read), notices)
        }
        Table::Proactive => {
            let slots = report.proactive().slots();
            let read = |s: &Slot| (s.sign, slot(slots, *s));
            rule.judge(cells.iter().map(read), notices)
        }
    }?;
    Some(reports.found(rule, step.scope, outcome))
}

/// The value at a slot's position of a table (blank past the end, which a plan never
/// reads).
fn slot<T: Copy>(table: &[Option<T>], slot: Slot) -> Option<T> {
    table.get(usize::from(slot.position)).copied().flatten()
}

/// Checks what the texts of sections 一, 五 and 六 state against the tables: every
/// [`Claim`](crate::Claim) that does not agree with any reading of the tables its wording allows is a
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
