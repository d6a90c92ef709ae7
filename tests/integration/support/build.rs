//! Reports built for the checks: a base report of either edition in which every relation
//! holds, and the report of the next year that continues it in every relation across years.

use chrono::NaiveDate;
use ogi_report::{
    AnnualReport, Appeals, Applicant, BodyKind, CellRef, Edition, FeeStatement, OtherMatters,
    Proactive, RequestDetails, RequestRow, Requests, Value,
};

use super::{date, set};

/// What a conformance base report looks like.
#[derive(Clone, Copy)]
pub(crate) struct Spec {
    pub(crate) edition: Edition,
    pub(crate) kind: BodyKind,
    pub(crate) year: u16,
    pub(crate) published: Option<NaiveDate>,
    /// 上年结转 per applicant column.
    pub(crate) carried: u64,
}

impl Spec {
    /// A department's report published on time: 2020 (2019 edition) or 2022 (2021).
    pub(crate) fn new(edition: Edition) -> Spec {
        let year = match edition {
            Edition::E2019 => 2020,
            _ => 2022,
        };
        Spec {
            edition,
            kind: BodyKind::Department,
            year,
            published: Some(date(i32::from(year) + 1, 1, 15)),
            carried: 1,
        }
    }

    pub(crate) fn kind(self, kind: BodyKind) -> Spec {
        Spec { kind, ..self }
    }

    pub(crate) fn year(self, year: u16) -> Spec {
        Spec { year, ..self }
    }

    pub(crate) fn published(self, published: Option<NaiveDate>) -> Spec {
        Spec { published, ..self }
    }

    /// Every relation holds. 表三: each outcome detail cell 1 (so （七）总计 is 19 or 21
    /// per column), 上年结转 `carried`, 本年新收 chosen so that 2 are carried forward
    /// per column. 表四: 行政复议 1 2 0 1 (4), 直接起诉 1 0 1 0 (2), 复议后起诉 0 1 0 2
    /// (3).
    pub(crate) fn build(self) -> AnnualReport {
        let e = self.edition;
        let outcomes = RequestRow::outcomes(e);
        let n = outcomes.len() as u64;
        let mut d = RequestDetails::new(e);
        d.set(RequestRow::New, [n + 2 - self.carried; 6]).unwrap();
        d.set(RequestRow::CarriedOver, [self.carried; 6]).unwrap();
        for &row in outcomes {
            d.set(row, [1; 6]).unwrap();
        }
        let t2 = match e {
            Edition::E2019 => Proactive::from_printed(
                e,
                &[
                    "0",
                    "0",
                    "0",
                    "4",
                    "4",
                    "10",
                    "100",
                    "5",
                    "300",
                    "50",
                    "-3",
                    "20",
                    "30",
                    "0",
                    "40",
                    "10",
                    "1",
                    "5",
                    "8",
                    "-1",
                    "3",
                    "120.5万元",
                ],
            ),
            _ => Proactive::from_printed(
                e,
                &[
                    "0", "0", "0", "5", "2", "40", "550", "4119", "195", "7730.28",
                ],
            ),
        }
        .unwrap();
        let mut six = OtherMatters::new("……");
        if e == Edition::E2021 {
            six.fees = Some(FeeStatement::new(Some(6), None, None));
        }
        let mut b = AnnualReport::builder(e, self.year, "示例局", self.kind)
            .proactive(t2)
            .requests(Requests::assemble(&d).unwrap())
            .appeals(Appeals::assemble([1, 2, 0, 1], [1, 0, 1, 0], [0, 1, 0, 2]).unwrap())
            .other_matters(six);
        if let Some(p) = self.published {
            b = b.published(p);
        }
        b.build().unwrap()
    }
}

pub(crate) fn base(edition: Edition) -> AnnualReport {
    Spec::new(edition).build()
}

/// The report of the next year that continues `previous` in every relation across years.
pub(crate) fn next_of(previous: &AnnualReport, edition: Edition) -> AnnualReport {
    use ogi_report::ProactiveColumn as C;
    let mut next = Spec::new(edition)
        .year(previous.year() + 1)
        .published(None)
        .build();
    let mut next_details = RequestDetails::new(edition);
    let outcomes = RequestRow::outcomes(edition);
    let mut new = [0; 6];
    let mut carried = [0; 6];
    for (i, c) in Applicant::DETAIL.iter().enumerate() {
        carried[i] = previous
            .requests()
            .get(RequestRow::CarriedForward, *c)
            .unwrap();
        new[i] = outcomes.len() as u64; // carries 2 forward again when carried is 2
    }
    next_details.set(RequestRow::New, new).unwrap();
    next_details.set(RequestRow::CarriedOver, carried).unwrap();
    for &row in outcomes {
        next_details.set(row, [1; 6]).unwrap();
    }
    next.replace_requests(Requests::assemble(&next_details).unwrap());
    match (previous.edition(), edition) {
        (Edition::E2019, Edition::E2019) => {
            for &row in ogi_report::Article20Item::Five
                .rows(edition)
                .iter()
                .chain(ogi_report::Article20Item::Six.rows(edition))
                .chain(ogi_report::Article20Item::Eight.rows(edition))
            {
                let prior = previous.proactive().count(row, C::PriorItems).unwrap();
                let delta = previous.proactive().delta(row, C::Delta).unwrap();
                let now = prior.checked_add_signed(delta).unwrap();
                set(
                    &mut next,
                    CellRef::Proactive(row, C::PriorItems),
                    Some(Value::Count(now)),
                );
            }
        }
        (Edition::E2021, Edition::E2021) => {
            for &row in ogi_report::Article20Item::One.rows(edition) {
                let p = |r: &AnnualReport, c| r.proactive().count(row, c).unwrap();
                let now = p(previous, C::InForce) + p(&next, C::Issued) - p(&next, C::Repealed);
                set(
                    &mut next,
                    CellRef::Proactive(row, C::InForce),
                    Some(Value::Count(now)),
                );
            }
        }
        _ => {}
    }
    next
}
