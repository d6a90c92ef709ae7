//! The reports the benches measure, shared by every bench target (`mod support;`, so
//! each target uses only part of it).
//!
//! - the seed: 陆河县人民政府's 2020 report (2019 edition), read from its JSON fixture
//!   (`tests/fixtures/render/luhe_2020.json`, what `examples/luhe_2020.rs` builds and CI
//!   compares): ~5 KB of Chinese text, one cell of 表四 blank (so `validate` gives one
//!   unassessable finding);
//! - [`large_2021`]: a 2021-edition report with every cell filled, large counts (a
//!   province-wide aggregate) and every relation holding: `validate` finds nothing;
//! - [`broken`]: the same with every total of 表三 and 表四 off by one (many findings);
//! - [`Generator`]: reports made one at a time in one buffer, for the roll-up of 100,000
//!   reports that never holds more than one.

#![allow(
    dead_code,
    unreachable_pub,
    reason = "each bench target uses part of this module"
)]

use ogi_report::{
    AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, BodyKind, CellRef, Edition,
    FeeStatement, OtherMatters, Proactive, ProactiveColumn, ProactiveRow, RequestDetails,
    RequestRow, Requests, Value,
};

/// The page text of the seed report.
pub const SEED_PAGE: &str = include_str!("../../tests/fixtures/luhe_2020.txt");

/// The seed report in the crate's JSON form.
const SEED_JSON: &str = include_str!("../../tests/fixtures/render/luhe_2020.json");

/// The seed report (陆河县人民政府 2020, 2019 edition).
///
/// # Panics
/// If the fixture is no longer a report (the tests rule it out).
#[must_use]
pub fn seed() -> AnnualReport {
    serde_json::from_str(SEED_JSON).expect("the seed fixture is a report")
}

/// A 2021-edition report with every cell filled and large counts (a province-wide
/// aggregate), every relation holding; `carried` is its 二、上年结转 row.
///
/// # Panics
/// Never for the values used here.
#[must_use]
pub fn large_2021(year: u16, carried: [u64; 6]) -> AnnualReport {
    let e = Edition::E2021;
    let mut d = RequestDetails::new(e);
    let outcomes = RequestRow::outcomes(e);
    let mut handled = [0u64; 6];
    for (i, &row) in outcomes.iter().enumerate() {
        let counts: [u64; 6] =
            std::array::from_fn(|c| 1_000_003 * (i as u64 + 1) + 7_919 * c as u64);
        for (h, v) in handled.iter_mut().zip(counts) {
            *h += v;
        }
        d.set(row, counts).expect("a detail row");
    }
    d.set(RequestRow::CarriedOver, carried)
        .expect("a detail row");
    let new: [u64; 6] = std::array::from_fn(|c| handled[c] + 123_457 - carried[c].min(123_457));
    d.set(RequestRow::New, new).expect("a detail row");
    let t2 = Proactive::from_printed(
        e,
        &[
            "12",
            "3",
            "310",
            "1502",
            "377",
            "21404",
            "5508211",
            "41190377",
            "1953205",
            "316441.275",
        ],
    )
    .expect("a 2021 表二");
    let mut six = OtherMatters::new("……");
    let mut fees = FeeStatement::default();
    fees.notices = Some(u64::MAX / 2);
    six.fees = Some(fees);
    AnnualReport::builder(e, year, "某省人民政府", BodyKind::Government)
        .published(chrono::NaiveDate::from_ymd_opt(i32::from(year) + 1, 3, 30).expect("a date"))
        .proactive(t2)
        .requests(Requests::assemble(&d).expect("consistent"))
        .appeals(
            Appeals::assemble(
                [72_000, 64_000, 178_000, 37_000],
                [13_000, 4_000, 8_000, 1_000],
                [12_000, 1_000, 1_000, 6_000],
            )
            .expect("consistent"),
        )
        .other_matters(six)
        .build()
        .expect("a report")
}

/// The same report with every total of 表三 and 表四 off by one: the worst case, many
/// findings.
///
/// # Panics
/// Never for a report of [`large_2021`].
#[must_use]
pub fn broken(report: &AnnualReport) -> AnnualReport {
    let mut r = report.clone();
    for &row in RequestRow::rows(r.edition()) {
        let total = r.requests().get(row, Applicant::Total).unwrap_or(0);
        r.set(
            CellRef::Requests(row, Applicant::Total),
            Some(Value::Count(total + 1)),
        )
        .expect("a row of the edition");
    }
    for g in AppealGroup::ALL {
        let total = r.appeals().get(*g, AppealColumn::Total).unwrap_or(0);
        r.appeals_mut()
            .set(*g, AppealColumn::Total, Some(total + 1))
            .expect("表四 has every cell");
    }
    r
}

/// Makes report after report in one buffer: report `i` is [`large_2021`] with `i % 1000`
/// more applications from natural persons, all disclosed, `i % 7` more upheld reviews and
/// `i % 11` more licensing decisions. Every relation holds in every report, so `validate`
/// finds nothing, and the roll-up's sums differ from report to report.
#[derive(Debug)]
pub struct Generator {
    template: AnnualReport,
    report: AnnualReport,
}

impl Default for Generator {
    fn default() -> Generator {
        Generator::new()
    }
}

impl Generator {
    /// A generator of 2021-edition reports.
    #[must_use]
    pub fn new() -> Generator {
        let template = large_2021(2022, [0; 6]);
        Generator {
            report: template.clone(),
            template,
        }
    }

    /// Report `i`, made in the buffer (no allocation) and lent until the next call.
    ///
    /// # Panics
    /// Never: every cell set is a cell of the 2021 edition, with a count.
    pub fn report(&mut self, i: u64) -> &AnnualReport {
        let (more, appeals, decisions) = (i % 1000, i % 7, i % 11);
        let template = &self.template;
        let report = &mut self.report;
        let mut add = |cell: CellRef, by: u64| {
            let Some(Value::Count(stated)) = template.get(cell) else {
                unreachable!("a filled count cell");
            };
            report
                .set(cell, Some(Value::Count(stated + by)))
                .expect("a cell of the edition");
        };
        for row in [
            RequestRow::New,
            RequestRow::Disclosed,
            RequestRow::ResultsTotal,
        ] {
            for column in [Applicant::NaturalPerson, Applicant::Total] {
                add(CellRef::Requests(row, column), more);
            }
        }
        for column in [AppealColumn::Upheld, AppealColumn::Total] {
            add(CellRef::Appeals(AppealGroup::Review, column), appeals);
        }
        add(
            CellRef::Proactive(ProactiveRow::Licensing, ProactiveColumn::Decisions),
            decisions,
        );
        &self.report
    }
}
