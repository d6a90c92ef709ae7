//! The checks: conformance of every rule (holds / fails, both editions where it applies),
//! the seed's findings, the JSON fixtures, the `check` example, the checked wrapper and
//! the roll-ups.

use ogi_report::{
    AnnualReport, Applicant, BodyKind, CellRef, CheckedReport, Edition, Figure, Finding, Level,
    MixedRollup, MoneyUnit, PairError, Proactive, RequestRow, Requests, Rollup, RollupError, Rule,
    RuleId, Scope, Severity, Source, Value, validate, validate_pair,
};

use crate::support::build::{Spec, base, next_of};
use crate::support::{cell, date, luhe, set};

#[path = "../../../examples/check.rs"]
mod check;

// ---------------------------------------------------------------------------------------
// Building reports

fn put(report: &mut AnnualReport, code: &str, value: Option<Value>) {
    set(report, cell(code), value);
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "a cell's value: None is a blank cell"
)]
fn count(n: u64) -> Option<Value> {
    Some(Value::Count(n))
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "a cell's value: None is a blank cell"
)]
fn money(text: &str) -> Option<Value> {
    Some(Value::Money(text.parse().expect("an amount")))
}

/// A finding's line up to the message: level, rule, cells, stated, computed.
pub(crate) fn head(f: &Finding) -> String {
    let line = f.to_string();
    line.split(" | ").next().unwrap_or_default().to_owned()
}

fn heads_of(findings: &[Finding], rule: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|f| f.rule_id().code() == rule)
        .map(head)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Conformance: every rule, holds and fails, each edition it applies to

struct Case {
    rule: &'static str,
    edition: Edition,
    report: fn() -> AnnualReport,
    /// The finding's line up to the message; `None` when the rule holds.
    expect: Option<&'static str>,
}

const E19: Edition = Edition::E2019;
const E21: Edition = Edition::E2021;

#[allow(clippy::too_many_lines, reason = "a table of cases")]
fn cases() -> Vec<Case> {
    vec![
        // t3.balance
        Case {
            rule: "t3.balance",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "t3.balance",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t3.carried_forward.natural_person", count(3));
                r
            },
            expect: Some(
                "error t3.balance t3.carried_forward.natural_person,t3.new.natural_person,\
                 t3.carried_over.natural_person,t3.results_total.natural_person stated=3 computed=2",
            ),
        },
        Case {
            rule: "t3.balance",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "t3.balance",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t3.new.total", count(130));
                r
            },
            expect: Some(
                "error t3.balance t3.carried_forward.total,t3.new.total,t3.carried_over.total,\
                 t3.results_total.total stated=12 computed=10",
            ),
        },
        Case {
            rule: "t3.balance",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t3.carried_over.commercial", None);
                r
            },
            expect: Some(
                "unassessable t3.balance t3.carried_forward.commercial,t3.new.commercial,\
                 t3.carried_over.commercial,t3.results_total.commercial stated=2 computed=-",
            ),
        },
        // t3.results_sum
        Case {
            rule: "t3.results_sum",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "t3.results_sum",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t3.other_handling.research", count(3));
                r
            },
            expect: Some(
                "error t3.results_sum t3.results_total.research,t3.disclosed.research,\
                 t3.partly_disclosed.research,t3.withheld.state_secret.research,\
                 t3.withheld.prohibited_by_law.research,t3.withheld.security_stability.research,\
                 t3.withheld.third_party.research,t3.withheld.internal_affairs.research,\
                 t3.withheld.process_info.research,t3.withheld.enforcement_file.research,\
                 t3.withheld.admin_query.research,t3.unavailable.not_held.research,\
                 t3.unavailable.needs_creation.research,t3.unavailable.still_unclear.research,\
                 t3.not_processed.petition.research,t3.not_processed.repeated.research,\
                 t3.not_processed.publication.research,t3.not_processed.excessive.research,\
                 t3.not_processed.confirmation.research,t3.other_handling.research \
                 stated=19 computed=21",
            ),
        },
        Case {
            rule: "t3.results_sum",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "t3.results_sum",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t3.results_total.total", count(125));
                r
            },
            expect: Some(
                "error t3.results_sum t3.results_total.total,t3.disclosed.total,\
                 t3.partly_disclosed.total,t3.withheld.state_secret.total,\
                 t3.withheld.prohibited_by_law.total,t3.withheld.security_stability.total,\
                 t3.withheld.third_party.total,t3.withheld.internal_affairs.total,\
                 t3.withheld.process_info.total,t3.withheld.enforcement_file.total,\
                 t3.withheld.admin_query.total,t3.unavailable.not_held.total,\
                 t3.unavailable.needs_creation.total,t3.unavailable.still_unclear.total,\
                 t3.not_processed.petition.total,t3.not_processed.repeated.total,\
                 t3.not_processed.publication.total,t3.not_processed.excessive.total,\
                 t3.not_processed.confirmation.total,t3.other_handling.no_correction.total,\
                 t3.other_handling.unpaid_fee.total,t3.other_handling.other.total \
                 stated=125 computed=126",
            ),
        },
        // t3.row_total
        Case {
            rule: "t3.row_total",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "t3.row_total",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t3.withheld.admin_query.total", count(7));
                r
            },
            expect: Some(
                "error t3.row_total t3.withheld.admin_query.total,\
                 t3.withheld.admin_query.natural_person,t3.withheld.admin_query.commercial,\
                 t3.withheld.admin_query.research,t3.withheld.admin_query.public_interest,\
                 t3.withheld.admin_query.legal_services,t3.withheld.admin_query.other_org \
                 stated=7 computed=6",
            ),
        },
        Case {
            rule: "t3.row_total",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "t3.row_total",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(
                    &mut r,
                    "t3.other_handling.unpaid_fee.natural_person",
                    count(0),
                );
                r
            },
            expect: Some(
                "error t3.row_total t3.other_handling.unpaid_fee.total,\
                 t3.other_handling.unpaid_fee.natural_person,t3.other_handling.unpaid_fee.commercial,\
                 t3.other_handling.unpaid_fee.research,t3.other_handling.unpaid_fee.public_interest,\
                 t3.other_handling.unpaid_fee.legal_services,t3.other_handling.unpaid_fee.other_org \
                 stated=6 computed=5",
            ),
        },
        // t3.results_le_received
        Case {
            rule: "t3.results_le_received",
            edition: E19,
            report: || {
                // （七）总计 = 一 + 二 exactly: the bound holds (t3.balance does not).
                let mut r = base(E19);
                put(&mut r, "t3.new.public_interest", count(18));
                r
            },
            expect: None,
        },
        Case {
            rule: "t3.results_le_received",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t3.new.public_interest", count(17));
                r
            },
            expect: Some(
                "error t3.results_le_received t3.results_total.public_interest,\
                 t3.new.public_interest,t3.carried_over.public_interest stated=19 computed=18",
            ),
        },
        Case {
            rule: "t3.results_le_received",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "t3.results_le_received",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t3.new.total", count(100));
                r
            },
            expect: Some(
                "error t3.results_le_received t3.results_total.total,t3.new.total,\
                 t3.carried_over.total stated=126 computed=106",
            ),
        },
        // t3.unpaid_fee_le_notices (2021 only)
        Case {
            rule: "t3.unpaid_fee_le_notices",
            edition: E21,
            report: || base(E21), // 6 lapses, 6 notices
            expect: None,
        },
        Case {
            rule: "t3.unpaid_fee_le_notices",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t3.other_handling.unpaid_fee.total", count(7));
                r
            },
            expect: Some(
                "warning t3.unpaid_fee_le_notices t3.other_handling.unpaid_fee.total \
                 stated=7 computed=6",
            ),
        },
        Case {
            rule: "t3.unpaid_fee_le_notices",
            edition: E21,
            report: || {
                // No number of notices stated: the rule does not apply.
                let mut r = base(E21);
                put(&mut r, "t3.other_handling.unpaid_fee.total", count(7));
                let json = serde_json::to_string(&r)
                    .unwrap()
                    .replace(r#""fees":{"notices":6,"#, r#""fees":{"notices":null,"#);
                serde_json::from_str(&json).unwrap()
            },
            expect: None,
        },
        // t4.group_total
        Case {
            rule: "t4.group_total",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "t4.group_total",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t4.suit_after_review.total", count(4));
                r
            },
            expect: Some(
                "error t4.group_total t4.suit_after_review.total,t4.suit_after_review.upheld,\
                 t4.suit_after_review.corrected,t4.suit_after_review.other,\
                 t4.suit_after_review.pending stated=4 computed=3",
            ),
        },
        Case {
            rule: "t4.group_total",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "t4.group_total",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t4.review.corrected", count(5));
                r
            },
            expect: Some(
                "error t4.group_total t4.review.total,t4.review.upheld,t4.review.corrected,\
                 t4.review.other,t4.review.pending stated=4 computed=7",
            ),
        },
        // t2.item_count_nonnegative (2019 only)
        Case {
            rule: "t2.item_count_nonnegative",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.other_services.delta", Some(Value::Delta(-50)));
                r
            },
            expect: None,
        },
        Case {
            rule: "t2.item_count_nonnegative",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.other_services.delta", Some(Value::Delta(-51)));
                r
            },
            expect: Some(
                "warning t2.item_count_nonnegative t2.other_services.delta,\
                 t2.other_services.prior_items stated=-51 computed=-50",
            ),
        },
        // t2.total_public_ge_published (2019 only)
        Case {
            rule: "t2.total_public_ge_published",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.normative.total_public", count(4));
                r
            },
            expect: None,
        },
        Case {
            rule: "t2.total_public_ge_published",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.normative.total_public", count(3));
                r
            },
            expect: Some(
                "warning t2.total_public_ge_published t2.normative.total_public,\
                 t2.normative.published stated=3 computed=4",
            ),
        },
        // t2.published_le_made (2019 only)
        Case {
            rule: "t2.published_le_made",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "t2.published_le_made",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.normative.published", count(5));
                r
            },
            expect: Some(
                "warning t2.published_le_made t2.normative.published,t2.normative.made \
                 stated=5 computed=4",
            ),
        },
        // t2.procurement_* (2019 only)
        Case {
            rule: "t2.procurement_amount_needs_projects",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.procurement.projects", count(0));
                put(&mut r, "t2.procurement.amount", money("0"));
                r
            },
            expect: None,
        },
        Case {
            rule: "t2.procurement_amount_needs_projects",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.procurement.projects", count(0));
                r
            },
            expect: Some(
                "warning t2.procurement_amount_needs_projects t2.procurement.amount,\
                 t2.procurement.projects stated=120.5万元 computed=0",
            ),
        },
        Case {
            rule: "t2.procurement_projects_need_amount",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "t2.procurement_projects_need_amount",
            edition: E19,
            report: || {
                let mut r = base(E19);
                put(&mut r, "t2.procurement.amount", money("0.00元"));
                r
            },
            expect: Some(
                "warning t2.procurement_projects_need_amount t2.procurement.projects,\
                 t2.procurement.amount stated=3 computed=0",
            ),
        },
        // t2.rules_township (both editions, townships only)
        Case {
            rule: "t2.rules_township",
            edition: E19,
            report: || Spec::new(E19).kind(BodyKind::Township).build(),
            expect: None,
        },
        Case {
            rule: "t2.rules_township",
            edition: E19,
            report: || {
                let mut r = Spec::new(E19).kind(BodyKind::Township).build();
                put(&mut r, "t2.rules.made", count(1));
                r
            },
            expect: Some("warning t2.rules_township t2.rules.made stated=1 computed=0"),
        },
        Case {
            rule: "t2.rules_township",
            edition: E21,
            report: || {
                // A department may report 规章: not a township.
                let mut r = base(E21);
                put(&mut r, "t2.rules.in_force", count(6));
                r
            },
            expect: None,
        },
        Case {
            rule: "t2.rules_township",
            edition: E21,
            report: || {
                let mut r = Spec::new(E21).kind(BodyKind::Township).build();
                put(&mut r, "t2.rules.in_force", count(6));
                r
            },
            expect: Some("warning t2.rules_township t2.rules.in_force stated=6 computed=0"),
        },
        // t2.fees_unit (2021 only)
        Case {
            rule: "t2.fees_unit",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "t2.fees_unit",
            edition: E21,
            report: || {
                let mut r = base(E21);
                put(&mut r, "t2.fees.amount", money("500元"));
                r
            },
            expect: Some("info t2.fees_unit t2.fees.amount stated=500元 computed=-"),
        },
        // meta.deadline
        Case {
            rule: "meta.deadline",
            edition: E19,
            report: || Spec::new(E19).published(Some(date(2021, 1, 31))).build(),
            expect: None,
        },
        Case {
            rule: "meta.deadline",
            edition: E19,
            report: || Spec::new(E19).published(Some(date(2021, 2, 1))).build(),
            expect: Some("warning meta.deadline - stated=2021-02-01 computed=2021-01-31"),
        },
        Case {
            rule: "meta.deadline",
            edition: E21,
            report: || {
                Spec::new(E21)
                    .kind(BodyKind::Government)
                    .published(Some(date(2023, 3, 31)))
                    .build()
            },
            expect: None,
        },
        Case {
            rule: "meta.deadline",
            edition: E21,
            report: || {
                Spec::new(E21)
                    .kind(BodyKind::Government)
                    .published(Some(date(2023, 4, 1)))
                    .build()
            },
            expect: Some("warning meta.deadline - stated=2023-04-01 computed=2023-03-31"),
        },
        Case {
            rule: "meta.deadline",
            edition: E21,
            report: || {
                // Article 49 sets no date for a township.
                Spec::new(E21)
                    .kind(BodyKind::Township)
                    .published(Some(date(2023, 12, 1)))
                    .build()
            },
            expect: None,
        },
        Case {
            rule: "meta.deadline",
            edition: E21,
            report: || Spec::new(E21).published(None).build(),
            expect: None,
        },
        // meta.published_after_period
        Case {
            rule: "meta.published_after_period",
            edition: E19,
            report: || Spec::new(E19).published(Some(date(2021, 1, 1))).build(),
            expect: None,
        },
        Case {
            rule: "meta.published_after_period",
            edition: E19,
            report: || Spec::new(E19).published(Some(date(2020, 12, 31))).build(),
            expect: Some(
                "warning meta.published_after_period - stated=2020-12-31 computed=2021-01-01",
            ),
        },
        Case {
            rule: "meta.published_after_period",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "meta.published_after_period",
            edition: E21,
            report: || Spec::new(E21).published(Some(date(2022, 6, 1))).build(),
            expect: Some(
                "warning meta.published_after_period - stated=2022-06-01 computed=2023-01-01",
            ),
        },
        // meta.edition_year
        Case {
            rule: "meta.edition_year",
            edition: E19,
            report: || Spec::new(E19).year(2019).published(None).build(),
            expect: None,
        },
        Case {
            rule: "meta.edition_year",
            edition: E19,
            report: || Spec::new(E19).year(2022).published(None).build(),
            expect: Some("info meta.edition_year - stated=2019 computed=2021"),
        },
        Case {
            rule: "meta.edition_year",
            edition: E21,
            report: || Spec::new(E21).year(2021).published(None).build(),
            expect: None,
        },
        Case {
            rule: "meta.edition_year",
            edition: E21,
            report: || Spec::new(E21).year(2020).published(None).build(),
            expect: Some("info meta.edition_year - stated=2021 computed=2019"),
        },
        // meta.table_layout
        Case {
            rule: "meta.table_layout",
            edition: E19,
            report: || base(E19),
            expect: None,
        },
        Case {
            rule: "meta.table_layout",
            edition: E19,
            report: || {
                let mut report = base(E19);
                report.replace_requests(Requests::blank(E21));
                report
            },
            expect: Some("info meta.table_layout - stated=2021 computed=2019"),
        },
        Case {
            rule: "meta.table_layout",
            edition: E21,
            report: || base(E21),
            expect: None,
        },
        Case {
            rule: "meta.table_layout",
            edition: E21,
            report: || {
                let mut report = base(E21);
                report.replace_proactive(Proactive::blank(E19));
                report
            },
            expect: Some("info meta.table_layout - stated=2019 computed=2021"),
        },
    ]
}

struct PairCase {
    rule: &'static str,
    editions: (Edition, Edition),
    reports: fn() -> (AnnualReport, AnnualReport),
    expect: Option<&'static str>,
}

fn first_of(edition: Edition) -> AnnualReport {
    let year = match edition {
        Edition::E2019 => 2019,
        _ => 2022,
    };
    Spec::new(edition).year(year).published(None).build()
}

fn consecutive(e1: Edition, e2: Edition) -> (AnnualReport, AnnualReport) {
    let first = match (e1, e2) {
        (Edition::E2019, Edition::E2021) => Spec::new(e1).year(2020).published(None).build(),
        _ => first_of(e1),
    };
    let next = next_of(&first, e2);
    (first, next)
}

#[allow(clippy::too_many_lines, reason = "a table of cases")]
fn pair_cases() -> Vec<PairCase> {
    vec![
        // x.carry_over: 2019 → 2019, 2019 → 2021 (the edition change), 2021 → 2021
        PairCase {
            rule: "x.carry_over",
            editions: (E19, E19),
            reports: || consecutive(E19, E19),
            expect: None,
        },
        PairCase {
            rule: "x.carry_over",
            editions: (E19, E19),
            reports: || {
                let (a, mut b) = consecutive(E19, E19);
                put(&mut b, "t3.carried_over.commercial", count(3));
                (a, b)
            },
            expect: Some(
                "warning x.carry_over t3.carried_over.commercial,t3.carried_forward.commercial \
                 stated=3 computed=2",
            ),
        },
        PairCase {
            rule: "x.carry_over",
            editions: (E19, E21),
            reports: || consecutive(E19, E21),
            expect: None,
        },
        PairCase {
            rule: "x.carry_over",
            editions: (E19, E21),
            reports: || {
                let (mut a, b) = consecutive(E19, E21);
                put(&mut a, "t3.carried_forward.total", None);
                (a, b)
            },
            expect: Some(
                "unassessable x.carry_over t3.carried_over.total,t3.carried_forward.total \
                 stated=12 computed=-",
            ),
        },
        PairCase {
            rule: "x.carry_over",
            editions: (E21, E21),
            reports: || consecutive(E21, E21),
            expect: None,
        },
        PairCase {
            rule: "x.carry_over",
            editions: (E21, E21),
            reports: || {
                let (mut a, b) = consecutive(E21, E21);
                put(&mut a, "t3.carried_forward.total", count(13));
                (a, b)
            },
            expect: Some(
                "warning x.carry_over t3.carried_over.total,t3.carried_forward.total \
                 stated=12 computed=13",
            ),
        },
        // x.item_count: 2019 → 2019 only
        PairCase {
            rule: "x.item_count",
            editions: (E19, E19),
            reports: || consecutive(E19, E19),
            expect: None,
        },
        PairCase {
            rule: "x.item_count",
            editions: (E19, E19),
            reports: || {
                let (a, mut b) = consecutive(E19, E19);
                put(&mut b, "t2.licensing.prior_items", count(104));
                (a, b)
            },
            expect: Some(
                "warning x.item_count t2.licensing.prior_items,t2.licensing.prior_items,\
                 t2.licensing.delta stated=104 computed=105",
            ),
        },
        PairCase {
            rule: "x.item_count",
            editions: (E19, E21),
            reports: || consecutive(E19, E21),
            expect: None,
        },
        // x.in_force: 2021 → 2021 only
        PairCase {
            rule: "x.in_force",
            editions: (E21, E21),
            reports: || consecutive(E21, E21),
            expect: None,
        },
        PairCase {
            rule: "x.in_force",
            editions: (E21, E21),
            reports: || {
                let (a, mut b) = consecutive(E21, E21);
                put(&mut b, "t2.normative.in_force", count(46));
                (a, b)
            },
            expect: Some(
                "warning x.in_force t2.normative.in_force,t2.normative.in_force,\
                 t2.normative.issued,t2.normative.repealed stated=46 computed=43",
            ),
        },
    ]
}

#[test]
fn every_rule_holds_and_fails_as_specified() {
    for case in cases() {
        let report = (case.report)();
        assert_eq!(report.edition(), case.edition, "{}", case.rule);
        let findings = validate(&report);
        let got = heads_of(&findings, case.rule);
        let want: Vec<String> = case.expect.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(got, want, "{} ({} edition)", case.rule, case.edition);
    }
}

#[test]
fn every_pair_rule_holds_and_fails_as_specified() {
    for case in pair_cases() {
        let (a, b) = (case.reports)();
        assert_eq!((a.edition(), b.edition()), case.editions, "{}", case.rule);
        let findings = validate_pair(&a, &b).unwrap();
        let got = heads_of(&findings, case.rule);
        let want: Vec<String> = case.expect.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(got, want, "{} {:?}", case.rule, case.editions);
    }
}

#[test]
fn the_conformance_cases_cover_every_rule_and_edition() {
    let cases = cases();
    let pairs = pair_cases();
    for rule in Rule::all() {
        let code = rule.id().code();
        if rule.source() == Source::Narrative {
            // Applied to the claims of the texts: `narrative::every_rule_has_its_cases`.
            continue;
        }
        if rule.is_pair() {
            for e in rule.editions() {
                let of = |fails: bool| {
                    pairs.iter().any(|c| {
                        c.rule == code && c.editions.1 == *e && c.expect.is_some() == fails
                    })
                };
                assert!(of(true) && of(false), "{code} {e}");
            }
        } else {
            for &e in rule.editions() {
                let of = |fails: bool| {
                    cases
                        .iter()
                        .any(|c| c.rule == code && c.edition == e && c.expect.is_some() == fails)
                };
                assert!(of(true) && of(false), "{code} {e}");
            }
        }
    }
}

#[test]
fn the_bases_have_no_findings() {
    for e in Edition::ALL {
        assert!(validate(&base(e)).is_empty(), "{e}");
        for kind in BodyKind::ALL {
            let r = Spec::new(e).kind(kind).build();
            assert!(validate(&r).is_empty(), "{e} {kind}");
        }
    }
    for (e1, e2) in [(E19, E19), (E19, E21), (E21, E21)] {
        let (a, b) = consecutive(e1, e2);
        assert!(validate(&a).is_empty());
        assert!(validate(&b).is_empty());
        assert!(validate_pair(&a, &b).unwrap().is_empty(), "{e1} → {e2}");
    }
}

#[test]
fn rules_apply_only_to_their_editions() {
    // A 2019-only rule has no scope in 2021 and the reverse; validate never reports one.
    for rule in Rule::all() {
        for e in Edition::ALL {
            if !rule.editions().contains(&e) {
                assert_eq!(rule.scopes(e).count(), 0, "{} {e}", rule.id());
            }
        }
    }
    let mut r = base(E21);
    put(&mut r, "t3.new.total", count(0));
    assert!(
        validate(&r)
            .iter()
            .all(|f| f.rule().editions().contains(&E21))
    );
}

#[test]
fn a_finding_cites_its_cells_values_and_blanks() {
    let mut r = base(E19);
    put(&mut r, "t4.review.total", count(9));
    let findings = validate(&r);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.rule_id(), RuleId::T4GroupTotal);
    assert_eq!(f.level(), Level::Failed(Severity::Error));
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(f.scope(), Scope::Group(ogi_report::AppealGroup::Review));
    assert_eq!(f.stated(), Some(Figure::Number(9)));
    assert_eq!(f.computed(), Some(Figure::Number(4)));
    assert_eq!(f.difference(), Some(5));
    assert_eq!(f.blanks().count(), 0);
    assert_eq!((f.edition(), f.year()), (E19, 2020));
    assert_eq!(
        f.to_string(),
        "error t4.group_total t4.review.total,t4.review.upheld,t4.review.corrected,\
         t4.review.other,t4.review.pending stated=9 computed=4 | group review: fails \
         \"total (总计) = upheld + corrected + other + pending\", difference 5 / 行政复议：\
         不符合“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”，差额 5"
    );

    // Blank addends and a blank stated cell: not assessable, the blanks named.
    let mut r = base(E21);
    put(&mut r, "t4.review.total", None);
    put(&mut r, "t4.review.other", None);
    let findings = validate(&r);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f.level(), Level::Unassessable);
    assert!(f.is_unassessable());
    assert_eq!(f.severity(), Severity::Error);
    assert_eq!(
        (f.stated(), f.computed(), f.difference()),
        (None, None, None)
    );
    let blanks: Vec<String> = f.blanks().map(|c| c.to_string()).collect();
    assert_eq!(blanks, ["t4.review.total", "t4.review.other"]);
    assert_eq!(
        f.to_string(),
        "unassessable t4.group_total t4.review.total,t4.review.upheld,t4.review.corrected,\
         t4.review.other,t4.review.pending stated=- computed=- | group review: cannot assess \
         \"total (总计) = upheld + corrected + other + pending\", blank: t4.review.total,\
         t4.review.other / 行政复议：无法核对“总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”，\
         空白单元格：t4.review.total,t4.review.other"
    );
}

#[test]
fn a_blank_is_never_read_as_zero() {
    // 行政复议 1 2 0 1 with 其他结果 blank and 总计 3: were blank 0, 3 ≠ 4 would fail; were
    // it a pass, a 总计 of 4 would be trusted. Neither: not assessable.
    let mut r = base(E19);
    put(&mut r, "t4.review.other", None);
    for total in [3, 4, 5] {
        put(&mut r, "t4.review.total", count(total));
        let heads = heads_of(&validate(&r), "t4.group_total");
        assert_eq!(heads.len(), 1);
        assert!(heads[0].starts_with("unassessable "), "{}", heads[0]);
    }
}

#[test]
fn pair_findings_cite_the_year_of_each_cell() {
    let (a, mut b) = consecutive(E21, E21);
    put(&mut b, "t2.rules.in_force", count(1));
    let findings = validate_pair(&a, &b).unwrap();
    assert_eq!(findings.len(), 1);
    let cited: Vec<String> = findings[0]
        .cited()
        .map(|c| format!("{} {} {}", c.year, c.cell, c.blank))
        .collect();
    assert_eq!(
        cited,
        [
            "2023 t2.rules.in_force false",
            "2022 t2.rules.in_force false",
            "2023 t2.rules.issued false",
            "2023 t2.rules.repealed false",
        ]
    );
    assert!(findings[0].to_string().ends_with(
        "| 2022 → 2023, row t2.rules: fails \"in force (现行有效件数) of year N+1 = in force of \
         year N + issued (本年制发件数) − repealed (本年废止件数) of year N+1\", difference 1 / \
         2022—2023年「规章」行：不符合“次年现行有效件数 = 本年现行有效件数 + 次年本年制发件数 − \
         次年本年废止件数”，差额 1"
    ));
}

#[test]
fn a_pair_must_be_of_consecutive_years() {
    let a = base(E21);
    let b = Spec::new(E21).year(2024).build();
    let err = validate_pair(&a, &b).unwrap_err();
    assert_eq!(
        err,
        PairError::NotConsecutive {
            previous: 2022,
            next: 2024
        }
    );
    assert_eq!(
        err.to_string(),
        "a pair of reports must be of consecutive years, not 2022 and 2024"
    );
    assert!(validate_pair(&b, &a).is_err());
    assert!(validate_pair(&a, &a).is_err());
}

// ---------------------------------------------------------------------------------------
// The catalogue

/// The cells every error rule reads, said again from `docs/FORMAT.md` §5 without the
/// catalogue: a 表三 cell is in its row's total (T3-3); in its column's balance when its row
/// is 一, 二, （七）总计 or 四 (T3-1); in its column's outcome sum when its row is an outcome
/// or （七）总计 (T3-2); in its column's bound when its row is 一, 二 or （七）总计 (T3-5). A
/// 表四 cell is in its group's total (T4-1). No 表二 cell is read by an error rule.
#[test]
fn the_error_rules_read_the_cells_format_md_names() {
    use RequestRow as R;
    for edition in Edition::ALL {
        for cell in CellRef::all(edition) {
            let mut expected: Vec<(RuleId, Scope)> = Vec::new();
            match cell {
                CellRef::Requests(row, column) => {
                    let balance = [R::New, R::CarriedOver, R::ResultsTotal, R::CarriedForward];
                    if balance.contains(&row) {
                        expected.push((RuleId::T3Balance, Scope::Column(column)));
                    }
                    if ![R::New, R::CarriedOver, R::CarriedForward].contains(&row) {
                        expected.push((RuleId::T3ResultsSum, Scope::Column(column)));
                    }
                    expected.push((RuleId::T3RowTotal, Scope::RequestRow(row)));
                    if [R::New, R::CarriedOver, R::ResultsTotal].contains(&row) {
                        expected.push((RuleId::T3ResultsLeReceived, Scope::Column(column)));
                    }
                }
                CellRef::Appeals(group, _) => {
                    expected.push((RuleId::T4GroupTotal, Scope::Group(group)));
                }
                CellRef::Proactive(..) => {}
            }
            let mut got: Vec<(RuleId, Scope)> = Vec::new();
            for rule in Rule::all() {
                if rule.severity() != Severity::Error {
                    continue;
                }
                for scope in rule.scopes(edition) {
                    if rule.cells_at(edition, scope).any(|c| c == cell) {
                        got.push((rule.id(), scope));
                    }
                }
            }
            assert_eq!(got, expected, "{edition} {cell}");
        }
    }
    // And every cell a T3-2 scope reads is in that column: the outcome sum of 2019 has 19
    // addends, of 2021 21 (FORMAT.md §5.1).
    for (edition, addends) in [(Edition::E2019, 19), (Edition::E2021, 21)] {
        let column = Scope::Column(Applicant::Research);
        let cells: Vec<CellRef> = RuleId::T3ResultsSum
            .rule()
            .cells_at(edition, column)
            .collect();
        assert_eq!(cells.len(), 1 + addends);
        assert!(
            cells
                .iter()
                .all(|c| matches!(c, CellRef::Requests(_, Applicant::Research)))
        );
    }
}

/// The catalogue table in the documentation of `Rule` is written by hand: it must say what
/// the catalogue says (id, severity, editions, scope, source), rule for rule, in order.
#[test]
fn the_documented_catalogue_table_is_the_catalogue() {
    let source = include_str!("../../../src/rules.rs");
    let rows: Vec<Vec<&str>> = source
        .lines()
        .map(str::trim_start)
        .filter_map(|l| l.strip_prefix("/// | `"))
        .map(|l| l.trim_end_matches(" |").split(" | ").collect())
        .collect();
    assert_eq!(rows.len(), Rule::all().len());
    for (row, rule) in rows.iter().zip(Rule::all()) {
        let id = rule.id().code();
        assert_eq!(row[0].trim_end_matches('`'), id);
        assert_eq!(row[1], rule.severity().code(), "{id}");
        let editions = match row[2] {
            "both" => vec![Edition::E2019, Edition::E2021],
            one => vec![one.parse::<Edition>().unwrap()],
        };
        assert_eq!(editions, rule.editions(), "{id}");
        if rule.source() == Source::Narrative {
            // One scope per claim of the texts, none known from the edition alone.
            assert_eq!(rule.scopes(editions[0]).count(), 0, "{id}");
            assert_eq!(row[3], "sentence", "{id}");
            assert_eq!(row[4], rule.source().code(), "{id}");
            continue;
        }
        let scope = rule.scopes(editions[0]).next().unwrap();
        let per = match scope {
            Scope::Report => "report",
            Scope::Column(_) => "column",
            Scope::RequestRow(_) => "row of 表三",
            Scope::Group(_) => "group",
            Scope::ProactiveRow(_) => "row",
            Scope::Cell(_) => "cell",
            Scope::Table(_) => "table",
            _ => panic!("a new kind of scope: {scope}"),
        };
        assert!(row[3].starts_with(per), "{id}: per {} for {scope}", row[3]);
        assert_eq!(row[4], rule.source().code(), "{id}");
    }
}

#[test]
fn the_catalogue_lists_and_finds_every_rule() {
    let ids: Vec<&str> = Rule::all().iter().map(|r| r.id().code()).collect();
    assert_eq!(
        ids,
        [
            "t3.balance",
            "t3.results_sum",
            "t3.row_total",
            "t3.results_le_received",
            "t3.unpaid_fee_le_notices",
            "t4.group_total",
            "t2.item_count_nonnegative",
            "t2.total_public_ge_published",
            "t2.published_le_made",
            "t2.procurement_amount_needs_projects",
            "t2.procurement_projects_need_amount",
            "t2.rules_township",
            "t2.fees_unit",
            "meta.deadline",
            "meta.published_after_period",
            "meta.edition_year",
            "meta.table_layout",
            "x.carry_over",
            "x.item_count",
            "x.in_force",
            "narrative.received",
            "narrative.carried_over",
            "narrative.closed",
            "narrative.carried_forward",
            "narrative.outcome",
            "narrative.share",
            "narrative.review",
            "narrative.suit",
            "narrative.documents",
            "narrative.decisions",
            "narrative.fees",
            "narrative.sum",
        ]
    );
    for rule in Rule::all() {
        assert_eq!(Rule::find(rule.id().code()), Some(rule));
        assert_eq!(rule.id().code().parse::<RuleId>().unwrap(), rule.id());
        assert!(!rule.statement_zh().is_empty() && !rule.statement_en().is_empty());
        assert!(!rule.editions().is_empty() && !rule.body_kinds().is_empty());
        assert!(!rule.spec().is_empty());
    }
    assert_eq!(
        "t3.nothing".parse::<RuleId>().unwrap_err().to_string(),
        "unknown rule id \"t3.nothing\""
    );
    assert_eq!(Rule::find("t3.nothing"), None);

    let balance = RuleId::T3Balance.rule();
    assert_eq!(balance.severity(), Severity::Error);
    assert_eq!(balance.source(), Source::Note);
    assert_eq!(balance.spec(), "T3-1");
    assert_eq!(
        balance.to_string(),
        "t3.balance (error, note): new (一) + carried over (二) = results total (（七）总计) + \
         carried forward (四)"
    );
    assert_eq!(RuleId::MetaDeadline.rule().source(), Source::Article49);
    assert_eq!(RuleId::XInForce.rule().source(), Source::Heuristic);
}

#[test]
fn the_catalogue_names_the_cells_each_rule_reads() {
    let codes = |rule: RuleId, e: Edition| -> Vec<String> {
        rule.rule().reads(e).map(|c| c.to_string()).collect()
    };
    // 表三: 7 columns × 4 rows; every row total in both editions; 表四: 3 × 5.
    assert_eq!(codes(RuleId::T3Balance, E19).len(), 28);
    assert_eq!(codes(RuleId::T3ResultsSum, E19).len(), 7 * 20);
    assert_eq!(codes(RuleId::T3ResultsSum, E21).len(), 7 * 22);
    assert_eq!(codes(RuleId::T3RowTotal, E19).len(), 23 * 7);
    assert_eq!(codes(RuleId::T3RowTotal, E21).len(), 25 * 7);
    assert_eq!(codes(RuleId::T4GroupTotal, E21).len(), 15);
    assert_eq!(
        codes(RuleId::T2ItemCountNonnegative, E19),
        [
            "t2.licensing.delta",
            "t2.licensing.prior_items",
            "t2.other_services.delta",
            "t2.other_services.prior_items",
            "t2.penalty.delta",
            "t2.penalty.prior_items",
            "t2.enforcement.delta",
            "t2.enforcement.prior_items",
            "t2.fees.delta",
            "t2.fees.prior_items",
        ]
    );
    assert_eq!(
        codes(RuleId::T2RulesTownship, E21),
        ["t2.rules.issued", "t2.rules.repealed", "t2.rules.in_force"]
    );
    assert!(codes(RuleId::MetaDeadline, E21).is_empty());
    // Every code is a cell of docs/CELLS.md in the edition.
    for rule in Rule::all() {
        for e in rule.editions() {
            for c in rule.reads(*e) {
                assert!(c.in_edition(*e));
                assert_eq!(c.to_string().parse::<CellRef>().unwrap(), c);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// The seed

#[test]
fn the_seed_has_exactly_its_expected_finding() {
    let seed = luhe::report().unwrap();
    let findings = validate(&seed);
    // Must produce: 表四 未经复议直接起诉 cannot be assessed, its 尚未审结 being blank
    // under the example's reading of the 14 printed cells.
    assert_eq!(
        findings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "unassessable t4.group_total t4.suit_direct.total,t4.suit_direct.upheld,\
          t4.suit_direct.corrected,t4.suit_direct.other,t4.suit_direct.pending stated=1 \
          computed=- | group suit_direct: cannot assess \"total (总计) = upheld + corrected + \
          other + pending\", blank: t4.suit_direct.pending / 行政诉讼·未经复议直接起诉：无法核对\
          “总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结”，空白单元格：t4.suit_direct.pending"
        ]
    );
    assert_eq!(
        findings.summary().to_string(),
        "0 error, 0 warning, 0 info, 1 unassessable"
    );
    // Must not produce: 表三 is consistent (assembled, totals as printed); 行政复议 and
    // 复议后起诉 add up; published 2021-02-19, before 31 March 2021 for a government's own
    // report; 表二's soft checks hold (对外公开总数量 10 ≥ 本年新公开数量 4 ≤ 本年新制作数量
    // 4; no 本年增/减 drives a count below 0; 276 procurement projects with an amount); the
    // 2019 edition serves 2020; 采购总金额 printed without a unit is no finding (units
    // matter only when summing).
    assert!(!findings.has_errors());
    for f in &findings {
        assert_eq!(f.rule_id(), RuleId::T4GroupTotal);
    }
    assert_eq!(findings.of_rule(RuleId::MetaDeadline).count(), 0);
    assert_eq!(
        seed.proactive()
            .amount(
                ogi_report::ProactiveRow::Procurement,
                ogi_report::ProactiveColumn::Amount
            )
            .unwrap()
            .unit(),
        MoneyUnit::Unstated
    );
    // The seed is not a checked report: an error rule could not be assessed.
    let rejected = CheckedReport::new(seed.clone()).unwrap_err();
    assert_eq!(
        rejected.to_string(),
        "the report fails 0 and cannot assess 1 error-rule checks, the first t4.group_total \
         at group suit_direct"
    );
    assert_eq!(rejected.into_report(), seed);
}

#[test]
fn the_seed_under_the_other_readings_of_its_appeals() {
    // The other readings that make every group add up fill the gap elsewhere; the gap is
    // then where the blank is, and t4.group_total is not assessable for that group only.
    let seed = luhe::report().unwrap();
    let mut upheld = seed.clone();
    put(&mut upheld, "t4.suit_direct.pending", count(0));
    assert!(validate(&upheld).is_empty());
    let mut wrong = seed;
    put(&mut wrong, "t4.suit_direct.pending", count(1));
    assert_eq!(
        heads_of(&validate(&wrong), "t4.group_total"),
        [
            "error t4.group_total t4.suit_direct.total,t4.suit_direct.upheld,\
          t4.suit_direct.corrected,t4.suit_direct.other,t4.suit_direct.pending stated=1 computed=2"
        ]
    );
}

// ---------------------------------------------------------------------------------------
// JSON fixtures and the check example

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/checks/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn read(name: &str) -> AnnualReport {
    serde_json::from_str(&std::fs::read_to_string(fixture(name)).unwrap()).unwrap()
}

fn run_check(names: &[&str]) -> (u8, String, String) {
    let paths: Vec<String> = names.iter().map(|n| fixture(n)).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = check::run(&paths, &mut out, &mut err).unwrap();
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn the_fixtures_have_their_findings() {
    assert!(validate(&read("dept_2022.json")).is_empty());
    assert!(validate(&read("dept_2023.json")).is_empty());
    assert!(validate(&read("county_2019.json")).is_empty());
    assert!(validate(&read("county_2020.json")).is_empty());
    assert!(validate(&read("county_2021.json")).is_empty());
    assert_eq!(read("../render/luhe_2020.json"), luhe::report().unwrap());

    let broken = validate(&read("dept_2022_broken.json"));
    let heads: Vec<String> = broken.iter().map(head).collect();
    assert_eq!(
        heads,
        [
            "error t3.balance t3.carried_forward.total,t3.new.total,t3.carried_over.total,\
             t3.results_total.total stated=4 computed=5",
            "unassessable t3.results_sum t3.results_total.research,t3.disclosed.research,\
             t3.partly_disclosed.research,t3.withheld.state_secret.research,\
             t3.withheld.prohibited_by_law.research,t3.withheld.security_stability.research,\
             t3.withheld.third_party.research,t3.withheld.internal_affairs.research,\
             t3.withheld.process_info.research,t3.withheld.enforcement_file.research,\
             t3.withheld.admin_query.research,t3.unavailable.not_held.research,\
             t3.unavailable.needs_creation.research,t3.unavailable.still_unclear.research,\
             t3.not_processed.petition.research,t3.not_processed.repeated.research,\
             t3.not_processed.publication.research,t3.not_processed.excessive.research,\
             t3.not_processed.confirmation.research,t3.other_handling.no_correction.research,\
             t3.other_handling.unpaid_fee.research,t3.other_handling.other.research \
             stated=0 computed=-",
            "error t3.row_total t3.new.total,t3.new.natural_person,t3.new.commercial,\
             t3.new.research,t3.new.public_interest,t3.new.legal_services,t3.new.other_org \
             stated=28 computed=27",
            "unassessable t3.row_total t3.withheld.state_secret.total,\
             t3.withheld.state_secret.natural_person,t3.withheld.state_secret.commercial,\
             t3.withheld.state_secret.research,t3.withheld.state_secret.public_interest,\
             t3.withheld.state_secret.legal_services,t3.withheld.state_secret.other_org \
             stated=0 computed=-",
            "error t4.group_total t4.review.total,t4.review.upheld,t4.review.corrected,\
             t4.review.other,t4.review.pending stated=3 computed=2",
            "warning meta.deadline - stated=2023-02-15 computed=2023-01-31",
        ]
    );
}

#[test]
fn check_prints_one_line_per_finding_and_a_summary() {
    let (code, out, err) = run_check(&["county_2019.json", "county_2020.json", "county_2021.json"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "warning x.item_count t2.licensing.prior_items,t2.licensing.prior_items,\
         t2.licensing.delta stated=310 computed=305 | 2019 → 2020, row t2.licensing: fails \
         \"previous-year items (上一年项目数量) of year N+1 = previous-year items + change \
         (本年增/减) of year N\", difference 5 / 2019—2020年「行政许可」行：不符合“次年上一年\
         项目数量 = 本年上一年项目数量 + 本年增/减”，差额 5\n\
         0 error, 1 warning, 0 info, 0 unassessable\n"
    );
    // Which file is which goes to standard error; 2019 → 2021 is not a pair.
    assert_eq!(err.lines().count(), 5, "{err}");
    assert!(err.contains("county_2019.json → "));
    assert!(!err.contains("2019 → 2021"));

    let (code, out, _) = run_check(&["dept_2023.json", "dept_2022.json"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out
        .lines()
        .map(|l| l.split(" | ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        [
            "warning x.carry_over t3.carried_over.legal_services,\
             t3.carried_forward.legal_services stated=0 computed=1",
            "warning x.carry_over t3.carried_over.total,t3.carried_forward.total stated=3 computed=4",
            "warning x.in_force t2.normative.in_force,t2.normative.in_force,t2.normative.issued,\
             t2.normative.repealed stated=45 computed=42",
            "0 error, 3 warning, 0 info, 0 unassessable",
        ]
    );
}

#[test]
fn check_exits_1_on_errors_and_2_on_unreadable_files() {
    let (code, out, _) = run_check(&["dept_2022_broken.json"]);
    assert_eq!(code, 1);
    assert!(
        out.ends_with("\n3 error, 1 warning, 0 info, 2 unassessable\n"),
        "{out}"
    );

    let (code, out, err) = run_check(&["bad_negative.json", "../render/luhe_2020.json"]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "bad_negative.json: t4.review.upheld: negative count -1 at line 263 column 18"
        ),
        "{err}"
    );
    // The readable file is still checked: its 表四 leaves one rule unassessable, and its
    // 一 says 3 applications where 表三 says 11.
    assert!(
        out.ends_with("0 error, 1 warning, 0 info, 1 unassessable\n"),
        "{out}"
    );
    assert!(out.contains("warning narrative.received "), "{out}");

    let (code, _, err) = run_check(&["no_such_file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("no_such_file.json: cannot read: "), "{err}");

    let (mut out, mut err) = (Vec::new(), Vec::new());
    assert_eq!(check::run(&[], &mut out, &mut err).unwrap(), 2);
    assert_eq!(
        String::from_utf8(err).unwrap(),
        "usage: check FILE.json...\n"
    );
}

// ---------------------------------------------------------------------------------------
// The checked wrapper

#[test]
fn a_checked_report_is_made_only_by_validation() {
    let clean = base(E21);
    let checked = CheckedReport::new(clean.clone()).unwrap();
    assert_eq!(checked.report(), &clean);
    assert_eq!(checked.year(), 2022);
    assert!(checked.findings().is_empty());
    let back: AnnualReport = checked.clone().into();
    assert_eq!(back, clean);

    // Warnings are allowed and kept.
    let late = Spec::new(E19).published(Some(date(2021, 6, 1))).build();
    let checked = CheckedReport::try_from(late).unwrap();
    assert_eq!(checked.findings().len(), 1);

    // Serde: the same form as the report; reading one validates it.
    let json = serde_json::to_string(&checked).unwrap();
    assert_eq!(json, serde_json::to_string(checked.report()).unwrap());
    let again: CheckedReport = serde_json::from_str(&json).unwrap();
    assert_eq!(again, checked);
    let broken = std::fs::read_to_string(fixture("dept_2022_broken.json")).unwrap();
    let err = serde_json::from_str::<CheckedReport>(&broken).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the report fails 3 and cannot assess 2 error-rule checks, the first t3.balance at \
         column total"
    );
}

// ---------------------------------------------------------------------------------------
// Roll-ups

#[test]
fn a_rollup_sums_cell_by_cell_and_converts_money_exactly() {
    let mut a = base(E19);
    let mut b = base(E19);
    put(&mut a, "t2.procurement.amount", money("0.01万元"));
    put(&mut b, "t2.procurement.amount", money("29451519.23元"));
    put(&mut b, "t2.licensing.delta", Some(Value::Delta(-8)));
    let mut r = Rollup::new(E19);
    r.add(&a).unwrap();
    r.add(&b).unwrap();
    assert_eq!(r.reports(), 2);
    assert_eq!(r.edition(), E19);
    assert_eq!(r.get(cell("t3.new.total")), count(240));
    assert_eq!(r.get(cell("t4.review.total")), count(8));
    assert_eq!(r.get(cell("t2.licensing.delta")), Some(Value::Delta(-3)));
    assert_eq!(
        r.get(cell("t2.procurement.amount")).unwrap().to_string(),
        "29451619.23元"
    );
    let total = r.to_report(2020, "示例县", BodyKind::Government).unwrap();
    assert!(validate(&total).is_empty());
    assert_eq!(total.get(cell("t3.results_total.total")), count(228));

    // 2021: 本年收费金额 back in 万元 in the report form, exactly.
    let mut r = Rollup::new(E21);
    let mut c = base(E21);
    put(&mut c, "t2.fees.amount", money("190.457379万元"));
    r.add(&base(E21)).unwrap();
    r.add(&c).unwrap();
    assert_eq!(
        r.get(cell("t2.fees.amount")).unwrap().to_string(),
        "79207373.79元"
    );
    assert_eq!(
        r.proactive()
            .amount(
                ogi_report::ProactiveRow::Fees,
                ogi_report::ProactiveColumn::Amount
            )
            .unwrap()
            .to_string(),
        "7920.737379万元"
    );
}

#[test]
fn a_rollup_refuses_an_unstated_unit_until_it_is_stated() {
    let seed = luhe::report().unwrap();
    let mut r = Rollup::new(E19);
    r.add(&base(E19)).unwrap();
    let before = r.clone();
    let err = r.add(&seed).unwrap_err();
    assert_eq!(
        err,
        RollupError::UnitNotStated {
            index: 1,
            body: "陆河县人民政府".to_owned(),
            year: 2020,
            cell: cell("t2.procurement.amount")
        }
    );
    assert_eq!(
        err.to_string(),
        "report 1 (陆河县人民政府, 2020): t2.procurement.amount has no stated unit; assume one \
         for the roll-up with Rollup::assume_unit, or state it with Amount::stated_as"
    );
    assert_eq!(r, before, "a refused report adds nothing");

    // Assumed once for the roll-up: read in 元, the assumption recorded and remarked.
    let mut assumed = r.clone();
    assumed
        .assume_unit(cell("t2.procurement.amount"), MoneyUnit::Yuan)
        .unwrap();
    assumed.add(&seed).unwrap();
    assert_eq!(
        assumed.total_yuan(cell("t2.procurement.amount")),
        Some("30656519.23".parse().unwrap())
    );
    assert_eq!(
        assumed.assumed_unit(cell("t2.procurement.amount")),
        Some((MoneyUnit::Yuan, 1))
    );
    let total = assumed
        .to_report(2020, "示例县", BodyKind::Government)
        .unwrap();
    assert_eq!(
        total
            .proactive()
            .extras()
            .cell_remark(cell("t2.procurement.amount")),
        Some("其中1项金额未注明单位，按元计")
    );
    // A roll-up assuming another unit (or none) does not merge with it.
    assert_eq!(
        r.merge(&assumed).unwrap_err(),
        RollupError::MergeAssumptionMismatch {
            cell: cell("t2.procurement.amount")
        }
    );
    // Only a money cell of the edition takes an assumption, and only of a stated unit.
    for (code, unit) in [
        ("t2.fees.amount", MoneyUnit::Yuan),
        ("t2.procurement.projects", MoneyUnit::Yuan),
        ("t2.procurement.amount", MoneyUnit::Unstated),
    ] {
        assert_eq!(
            r.assume_unit(cell(code), unit).unwrap_err().to_string(),
            format!(
                "cannot assume {unit:?} for {code}: a roll-up assumes 元 or 万元 for a money \
                 cell of its edition (2019)"
            )
        );
    }

    let mut stated = seed;
    let amount = stated
        .proactive()
        .amount(
            ogi_report::ProactiveRow::Procurement,
            ogi_report::ProactiveColumn::Amount,
        )
        .unwrap()
        .stated_as(MoneyUnit::Yuan)
        .unwrap();
    put(
        &mut stated,
        "t2.procurement.amount",
        Some(Value::Money(amount)),
    );
    r.add(&stated).unwrap();
    assert_eq!(
        r.get(cell("t2.procurement.amount")).unwrap().to_string(),
        "30656519.23元"
    );
    // The seed's blank 尚未审结 leaves the rolled-up cell blank, counted.
    assert_eq!(r.get(cell("t4.suit_direct.pending")), None);
    assert_eq!(r.blanks(cell("t4.suit_direct.pending")), Some(1));
    assert_eq!(r.filled_sum(cell("t4.suit_direct.pending")), count(0));
    assert_eq!(r.get(cell("t4.suit_direct.total")), count(3));
}

#[test]
fn a_rollup_reports_overflow_naming_report_and_cell() {
    let mut a = base(E21);
    put(&mut a, "t4.suit_direct.other", count(u64::MAX - 1));
    let mut r = Rollup::new(E21);
    r.add(&a).unwrap();
    let before = r.clone();
    let err = r.add(&a).unwrap_err();
    assert_eq!(
        err,
        RollupError::Overflow {
            index: 1,
            body: "示例局".to_owned(),
            year: 2022,
            cell: cell("t4.suit_direct.other")
        }
    );
    assert_eq!(
        err.to_string(),
        "report 1 (示例局, 2022): the sum of t4.suit_direct.other overflows"
    );
    assert_eq!(r, before);
    let err = r.merge(&before).unwrap_err();
    assert_eq!(
        err.to_string(),
        "merging roll-ups: the sum of t4.suit_direct.other overflows"
    );

    let mut d = base(E19);
    put(&mut d, "t2.penalty.delta", Some(Value::Delta(i64::MIN)));
    let mut r = Rollup::new(E19);
    r.add(&d).unwrap();
    assert_eq!(
        r.add(&d).unwrap_err().to_string(),
        "report 1 (示例局, 2020): the sum of t2.penalty.delta overflows"
    );
}

#[test]
fn a_rollup_takes_one_edition_a_mixed_rollup_both() {
    let mut r = Rollup::new(E19);
    assert_eq!(
        r.add(&base(E21)).unwrap_err(),
        RollupError::EditionMismatch {
            index: 0,
            body: "示例局".to_owned(),
            year: 2022,
            expected: E19,
            given: E21
        }
    );
    assert_eq!(
        r.merge(&Rollup::new(E21)).unwrap_err().to_string(),
        "cannot merge a roll-up of the 2021 edition into one of the 2019 edition"
    );

    let mut m = MixedRollup::new();
    m.add(&base(E19)).unwrap();
    m.add(&base(E21)).unwrap();
    assert_eq!(m.reports(), 2);
    // （六）: 2019 one row (1 per column) + 2021 three sub-rows (1 each per column).
    assert_eq!(m.get(cell("t3.other_handling.natural_person")), count(4));
    assert_eq!(m.get(cell("t3.other_handling.total")), count(24));
    assert_eq!(m.get(cell("t3.results_total.total")), count(114 + 126));
    assert_eq!(m.get(cell("t3.other_handling.unpaid_fee.total")), None);
    assert_eq!(m.blanks(cell("t3.other_handling.unpaid_fee.total")), None);
    assert_eq!(m.get(cell("t2.rules.made")), None);
    assert_eq!(m.get(cell("t4.review.total")), count(8));
    // The mixed 表三 (2019 layout) and 表四 keep every relation.
    let t3 = m.requests();
    assert_eq!(t3.edition(), E19);
    let report = AnnualReport::builder(E19, 2021, "汇总", BodyKind::Other)
        .proactive(Proactive::from_printed(E19, &["0"; 22]).unwrap())
        .requests(t3)
        .appeals(m.appeals())
        .build()
        .unwrap();
    assert!(
        validate(&report)
            .iter()
            .all(|f| f.level() != Level::Failed(Severity::Error))
    );

    // A 2021 report with a （六） sub-row blank leaves the aggregate blank.
    let mut c = base(E21);
    put(&mut c, "t3.other_handling.no_correction.research", None);
    m.add(&c).unwrap();
    assert_eq!(m.get(cell("t3.other_handling.research")), None);
    assert_eq!(m.blanks(cell("t3.other_handling.research")), Some(1));
    assert_eq!(m.filled_sum(cell("t3.other_handling.research")), count(4));
}

// ---------------------------------------------------------------------------------------
