//! The checks across two reports of one body for consecutive years.

use crate::error::PairError;
use crate::report::AnnualReport;
use crate::rules::{Rule, Scope, operand};

use super::engine::Reports;
use super::finding::{Finding, Findings};

/// Checks two reports of one body for consecutive years N and N+1 against the rules
/// across years ([`Rule::is_pair`]): 上年结转 against 结转下年度继续办理 column by column
/// (also across the 2020→2021 edition change), the 2019 edition's item counts, the 2021
/// edition's 现行有效件数. A pair rule applies when both reports are of one of its
/// editions. The findings carry the later report's year and edition.
///
/// Whether the two reports come from the same body is the caller's business: bodies are
/// renamed, merged and split, and only the caller knows which reports continue which.
///
/// # Errors
/// [`PairError::NotConsecutive`] when `next` is not of the year after `previous`.
///
/// ```
/// use ogi_report::{
///     validate_pair, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails,
///     RequestRow as R, Requests,
/// };
///
/// let report = |edition, year, carried_over: u64| -> Result<AnnualReport, ogi_report::Error> {
///     let mut d = RequestDetails::new(edition);
///     d.set(R::New, [3, 0, 0, 0, 0, 0])?;
///     d.set(R::CarriedOver, [carried_over, 0, 0, 0, 0, 0])?;
///     d.set(R::Disclosed, [2, 0, 0, 0, 0, 0])?;
///     Ok(AnnualReport::builder(edition, year, "某局", BodyKind::Department)
///         .proactive(Proactive::blank(edition))
///         .requests(Requests::assemble(&d)?)
///         .appeals(Appeals::blank())
///         .build()?)
/// };
/// let y2020 = report(Edition::E2019, 2020, 0)?; // carries 1 forward
/// let y2021 = report(Edition::E2021, 2021, 2)?; // says 2 were carried over
/// let findings = validate_pair(&y2020, &y2021)?;
/// assert_eq!(findings.len(), 2); // the 自然人 column and the 总计 column
/// assert!(findings[0].to_string().starts_with(
///     "warning x.carry_over t3.carried_over.natural_person,t3.carried_forward.natural_person stated=2 computed=1 |"
/// ));
/// assert!(validate_pair(&y2021, &y2020).is_err());
/// # Ok::<(), ogi_report::Error>(())
/// ```
pub fn validate_pair(previous: &AnnualReport, next: &AnnualReport) -> Result<Findings, PairError> {
    if u32::from(previous.year()) + 1 != u32::from(next.year()) {
        return Err(PairError::NotConsecutive {
            previous: previous.year(),
            next: next.year(),
        });
    }
    let mut findings = Findings::new();
    let reports = Reports {
        current: next,
        previous: Some(previous),
    };
    for rule in Rule::all() {
        let layout = rule.layout_in(next);
        if rule.is_pair()
            && rule.editions().contains(&rule.layout_in(previous))
            && rule.editions().contains(&layout)
        {
            for scope in rule.scopes(layout) {
                if let Some(f) = assess(rule, scope, &reports) {
                    findings.push(f);
                }
            }
        }
    }
    Ok(findings)
}

/// Applies a rule on cells at one scope of a pair, reading its cells by their codes from
/// the report of each.
fn assess(rule: &Rule, scope: Scope, reports: &Reports<'_>) -> Option<Finding> {
    let edition = rule.layout_in(reports.current);
    let operands = (0..)
        .map_while(|i| operand(rule, edition, scope, i))
        .map(|o| (o.sign, reports.read(o.cell, o.side)));
    let outcome = rule.judge(operands, reports.notices(rule))?;
    Some(reports.found(rule, scope, outcome))
}
