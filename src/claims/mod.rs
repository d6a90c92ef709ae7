//! What the texts say against what the tables say: the numbers that sections 一, 五 and
//! 六 state about a quantity the tables (or the fee statement) also hold, read as
//! [`Claim`]s and compared with every reading of the tables their wording allows.
//!
//! # How a number is read
//!
//! A section is read sentence by sentence (。！？, a blank line or a heading end one),
//! with whitespace and PDF page footers (`- 3 -`) removed, so that words and numbers
//! wrapped across lines are read whole. A sentence is cut into clauses at ，；：、 and
//! parentheses. A number (Arabic, with thousands separators, or in Chinese numerals:
//! 三件, 十二件, 一百零五件) followed by a unit (件, 份, 条, 个, 项, 宗, 起; 元, 万元; %) is a
//! claim only when the words of its clause name what it counts, with nothing unknown
//! between those words and the number:
//!
//! - applications: 收到, 受理 (一 or 一 + 二), 办结, 答复 (（七） or （七） − （六）), 办理 or
//!   收到并答复 (any of these), 上年结转 (二), 结转下年度, 顺延到下年度 (四), the outcomes
//!   (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理 and their rows), by
//!   applicant (自然人, 法人或其他组织); a percentage right after an outcome is its share
//!   of （七）总计 (or of 一 + 二), to the printed precision;
//! - 行政复议 and 行政诉讼 (both groups summed, or the one named), by result (结果维持,
//!   结果纠正, 其他结果, 尚未审结);
//! - 规章 and 规范性文件 made, published, in force or repealed; 行政许可, 行政处罚, 行政强制
//!   decisions (处理决定), and in the 2019 edition their items (项);
//! - the information-processing fee collected (信息处理费), when section 六's
//!   [`FeeStatement`](crate::FeeStatement) is given;
//! - a total followed by 其中 and parts whose last is 其他…: the parts are all of it, so
//!   they must add up to the total.
//!
//! A number is left alone when its clause names a channel (网上, 信函), a comparison (同比,
//! 增加), a rate (率), a part of the body (各部门, 各镇), a count the tables do not hold
//! (12345 热线, 信箱, 建议, 提案, 事项清单), a cumulative or approximate figure (累计, 余,
//! 约), or another year than the report's; and the words about applications and cases
//! count only in a paragraph that names 政府信息公开 or 依申请公开.
//!
//! A claim [`agrees`](Verdict::Agrees) when one reading equals the stated number; it
//! [`disagrees`](Verdict::Disagrees) when no reading does; it is
//! [`unassessable`](Verdict::Unassessable) when every reading needs a blank cell (a
//! blank 总计 is read as the sum of its six columns when they are filled).

mod lexicon;
mod measure;
mod scan;

use std::borrow::Cow;
use std::fmt;
#[cfg(feature = "serde")]
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::cell::{Applicant, CellRef, Value};
use crate::edition::Edition;
#[cfg(feature = "serde")]
use crate::money::Amount;
use crate::report::AnnualReport;
use crate::section::Section;
use crate::validate::Figure;

pub(crate) use measure::MAX_READINGS;
pub use measure::{Applicants, Cases, FeeMeasure, Measure, ProactiveMeasure, Quantity, Reading};

use scan::{Carry, Found, Found16, Sentence, Setting, Stated};

/// A byte range of a text section of a report: where a claim's sentence is.
///
/// [`Display`](fmt::Display) gives `<section> <start>..<end>`, e.g. `overview 1523..1650`.
///
/// ```
/// use ogi_report::{Section, TextSpan};
/// let span = TextSpan::new(Section::Overview, 3, 9);
/// assert_eq!(span.to_string(), "overview 3..9");
/// assert_eq!(span.len(), 6);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub struct TextSpan {
    /// The section whose text it is in: [`Section::Overview`], [`Section::Problems`] or
    /// [`Section::OtherMatters`].
    pub section: Section,
    /// The first byte.
    pub start: u32,
    /// The byte after the last.
    pub end: u32,
}

impl TextSpan {
    /// The span of bytes `start..end` of a section's text.
    ///
    /// ```
    /// let span = ogi_report::TextSpan::new(ogi_report::Section::Problems, 0, 3);
    /// assert_eq!(span.start, 0);
    /// ```
    #[must_use]
    pub const fn new(section: Section, start: u32, end: u32) -> TextSpan {
        TextSpan {
            section,
            start,
            end,
        }
    }

    /// The number of bytes.
    ///
    /// ```
    /// assert!(ogi_report::TextSpan::new(ogi_report::Section::Problems, 4, 4).is_empty());
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// Whether the span has no bytes.
    ///
    /// ```
    /// assert!(!ogi_report::TextSpan::new(ogi_report::Section::Problems, 0, 3).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of the span in the report, `None` when the report's section does not
    /// have those bytes (or they do not fall on character boundaries).
    ///
    /// ```
    /// use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, Requests, Section, TextSpan};
    /// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    ///     .overview("全年收到申请3件。")
    ///     .proactive(Proactive::blank(Edition::E2021))
    ///     .requests(Requests::blank(Edition::E2021))
    ///     .appeals(Appeals::blank())
    ///     .build()?;
    /// assert_eq!(TextSpan::new(Section::Overview, 0, 12).text(&report), Some("全年收到"));
    /// assert_eq!(TextSpan::new(Section::Overview, 0, 1).text(&report), None);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn text<'a>(&self, report: &'a AnnualReport) -> Option<&'a str> {
        section_text(report, self.section)?.get(self.start as usize..self.end as usize)
    }

    /// The section's heading and the range in Chinese: `一、总体情况第3–9字节`.
    pub(crate) fn label(self) -> impl fmt::Display {
        struct L(TextSpan);
        impl fmt::Display for L {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "{}第{}–{}字节",
                    self.0.section.heading(),
                    self.0.start,
                    self.0.end
                )
            }
        }
        L(self)
    }
}

impl fmt::Display for TextSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}..{}", self.section, self.start, self.end)
    }
}

/// The text of a text section of the report.
fn section_text(report: &AnnualReport, section: Section) -> Option<&str> {
    match section {
        Section::Overview => Some(report.overview()),
        Section::Problems => Some(report.problems()),
        Section::OtherMatters => Some(&report.other_matters().text),
        _ => None,
    }
}

/// The sections read for claims, in order.
const TEXTS: [Section; 3] = [Section::Overview, Section::Problems, Section::OtherMatters];

/// How a claim compares with the tables.
///
/// ```
/// use ogi_report::Verdict;
/// assert_eq!(Verdict::Agrees(0).code(), "agrees");
/// assert!(Verdict::Disagrees.is_finding());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Verdict {
    /// The reading with this index (into [`Claim::readings`]) gives the stated number.
    Agrees(u8),
    /// No reading gives the stated number.
    Disagrees,
    /// Every reading needs a blank cell (or the report does not state the value compared).
    Unassessable,
}

impl Verdict {
    /// `agrees`, `disagrees` or `unassessable`.
    ///
    /// ```
    /// assert_eq!(ogi_report::Verdict::Unassessable.code(), "unassessable");
    /// ```
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Verdict::Agrees(_) => "agrees",
            Verdict::Disagrees => "disagrees",
            Verdict::Unassessable => "unassessable",
        }
    }

    /// Whether the claim is reported as a finding (it does not agree).
    ///
    /// ```
    /// assert!(!ogi_report::Verdict::Agrees(1).is_finding());
    /// ```
    #[must_use]
    pub const fn is_finding(self) -> bool {
        !matches!(self, Verdict::Agrees(_))
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A number stated in a text section about a quantity the tables also hold, with the
/// sentence it sits in and how it compares with the tables.
///
/// The sentence's text is borrowed from the report when the claim is read
/// ([`claims`]) and owned when it is deserialised.
///
/// [`Display`](fmt::Display) gives one tab-separated record, for a dataframe or a
/// spreadsheet:
/// `section<TAB>start<TAB>end<TAB>measure<TAB>stated<TAB>verdict<TAB>computed<TAB>sentence`,
/// where `computed` is the agreeing reading's value (or the first reading's, `-` for
/// none) and the sentence has its line breaks removed.
///
/// ```
/// use ogi_report::{claims, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests, Verdict};
///
/// let mut t3 = RequestDetails::new(Edition::E2021);
/// t3.set(RequestRow::New, [11, 0, 0, 0, 0, 0])?;
/// t3.set(RequestRow::NotHeld, [11, 0, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
///     .overview("（二）依申请公开情况。2023年，收到政府信息公开申请3件。")
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&t3)?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let claim = claims(&report).next().unwrap();
/// assert_eq!(claim.text, "2023年，收到政府信息公开申请3件。");
/// assert_eq!(claim.verdict, Verdict::Disagrees);
/// assert_eq!(
///     claim.to_string(),
///     "overview\t33\t80\tt3.received.total\t3\tdisagrees\t11\t2023年，收到政府信息公开申请3件。"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Claim<'a> {
    /// The sentence (for a sum whose total closes the sentence before, both sentences).
    pub span: TextSpan,
    /// The number stated, with its unit.
    pub figure: TextSpan,
    /// The text of the sentence, byte for byte.
    pub text: Cow<'a, str>,
    /// What the number counts.
    pub measure: Measure,
    /// The layout of the table the readings read (the edition of the fee statement or
    /// the report for the others).
    pub layout: Edition,
    /// The number stated.
    pub stated: Figure,
    /// The value of each reading, in the order of [`Measure::readings`] (`None` when a
    /// cell it needs is blank); for a sum, the sum of the parts; for the fee statement,
    /// its value.
    pub values: [Option<Figure>; MAX_READINGS],
    /// How many of `values` there are.
    pub readings: u8,
    /// How the stated number compares with the readings.
    pub verdict: Verdict,
}

impl Claim<'_> {
    /// The claim owning its text.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .overview("依申请公开。收到政府信息公开申请3件。")
    /// #     .proactive(Proactive::blank(Edition::E2021))
    /// #     .requests(Requests::blank(Edition::E2021))
    /// #     .appeals(Appeals::blank())
    /// #     .build()?;
    /// let owned: Claim<'static> = claims(&report).next().unwrap().into_owned();
    /// assert_eq!(owned.verdict, Verdict::Unassessable);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn into_owned(self) -> Claim<'static> {
        Claim {
            span: self.span,
            figure: self.figure,
            text: Cow::Owned(self.text.into_owned()),
            measure: self.measure,
            layout: self.layout,
            stated: self.stated,
            values: self.values,
            readings: self.readings,
            verdict: self.verdict,
        }
    }

    /// The readings of the tables tried, each with its value; for a sum or the fee
    /// statement, none (their one value is [`Claim::computed`]).
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let mut t3 = RequestDetails::new(Edition::E2021);
    /// # t3.set(RequestRow::New, [11, 0, 0, 0, 0, 0])?;
    /// # t3.set(RequestRow::NotHeld, [11, 0, 0, 0, 0, 0])?;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .overview("依申请公开。收到政府信息公开申请3件。")
    /// #     .proactive(Proactive::blank(Edition::E2021))
    /// #     .requests(Requests::assemble(&t3)?)
    /// #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
    /// #     .build()?;
    /// let claim = claims(&report).next().unwrap();
    /// let tried: Vec<String> = claim.readings().map(|(r, v)| format!("{r} = {}", v.unwrap())).collect();
    /// assert_eq!(tried, ["t3.new.total = 11", "t3.new.total + t3.carried_over.total = 11"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn readings(&self) -> impl Iterator<Item = (Reading, Option<Figure>)> + '_ {
        self.measure
            .readings(self.layout)
            .zip(self.values)
            .take(usize::from(self.readings))
    }

    /// The value compared with: the agreeing reading's, else the first known one.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .overview("共公布信息10条，其中公告4条，其他5条。")
    /// #     .proactive(Proactive::blank(Edition::E2021))
    /// #     .requests(Requests::blank(Edition::E2021))
    /// #     .appeals(Appeals::blank())
    /// #     .build()?;
    /// let sum = claims(&report).next().unwrap();
    /// assert_eq!(sum.computed(), Some(Figure::Number(9)));
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    #[must_use]
    pub fn computed(&self) -> Option<Figure> {
        let n = usize::from(self.readings).min(MAX_READINGS);
        match self.verdict {
            Verdict::Agrees(i) => self.values.get(usize::from(i)).copied().flatten(),
            _ => self.values[..n].iter().copied().flatten().next(),
        }
    }

    /// The cells the readings read, each once, in order.
    ///
    /// ```
    /// # use ogi_report::*;
    /// # let report = AnnualReport::builder(Edition::E2021, 2023, "某局", BodyKind::Department)
    /// #     .overview("依申请公开。收到政府信息公开申请3件。")
    /// #     .proactive(Proactive::blank(Edition::E2021))
    /// #     .requests(Requests::blank(Edition::E2021))
    /// #     .appeals(Appeals::blank())
    /// #     .build()?;
    /// let claim = claims(&report).next().unwrap();
    /// let cells: Vec<String> = claim.cells().map(|c| c.to_string()).collect();
    /// assert_eq!(cells, ["t3.new.total", "t3.carried_over.total"]);
    /// # Ok::<(), ogi_report::Error>(())
    /// ```
    pub fn cells(&self) -> impl Iterator<Item = CellRef> + Clone + use<> {
        self.measure.cells(self.layout)
    }
}

impl fmt::Display for Claim<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}\t{}\t{}\t{}\t{}\t{}\t",
            self.span.section,
            self.span.start,
            self.span.end,
            self.measure,
            self.stated,
            self.verdict
        )?;
        match self.computed() {
            Some(v) => write!(f, "{v}\t")?,
            None => f.write_str("-\t")?,
        }
        write_one_line(f, &self.text)
    }
}

/// Writes text on one line: a run of whitespace with a line break in it is dropped (a
/// PDF wraps Chinese text anywhere), any other run becomes one space, tabs too.
pub(crate) fn write_one_line(f: &mut fmt::Formatter<'_>, text: &str) -> fmt::Result {
    let text = text.trim();
    let mut run = (false, false); // (in a run, the run has a line break)
    for c in text.chars() {
        if c.is_whitespace() {
            run = (true, run.1 || c == '\n' || c == '\r');
            continue;
        }
        if run.0 && !run.1 {
            f.write_str(" ")?;
        }
        run = (false, false);
        write!(f, "{c}")?;
    }
    Ok(())
}

/// Every claim of the report's text sections (一, 五, 六), in text order.
///
/// Reading allocates nothing: each claim borrows its sentence from the report.
///
/// ```
/// use ogi_report::{claims, AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests, Verdict};
///
/// let mut t3 = RequestDetails::new(Edition::E2021);
/// t3.set(RequestRow::New, [69, 0, 0, 0, 0, 1])?;
/// t3.set(RequestRow::Disclosed, [69, 0, 0, 0, 0, 0])?;
/// let report = AnnualReport::builder(Edition::E2021, 2021, "某区", BodyKind::Government)
///     .overview("（二）依申请公开方面。本年度全区共收到70件申请，及时依法依规办结69件，1件结转下年度继续办理。")
///     .proactive(Proactive::blank(Edition::E2021))
///     .requests(Requests::assemble(&t3)?)
///     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
///     .build()?;
/// let read: Vec<(String, Verdict)> = claims(&report).map(|c| (c.measure.to_string(), c.verdict)).collect();
/// assert_eq!(read, [
///     ("t3.received.total".to_string(), Verdict::Agrees(0)),
///     ("t3.closed.total".to_string(), Verdict::Agrees(0)),
///     ("t3.carried_forward.total".to_string(), Verdict::Agrees(0)),
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn claims(report: &AnnualReport) -> Claims<'_> {
    Claims {
        report,
        section: 0,
        pos: 0,
        carry: Carry::default(),
        sentence: Sentence::new(),
        queue: Found16::new(),
        next: 0,
    }
}

/// The claims of a report, in text order: see [`claims`].
#[derive(Debug)]
pub struct Claims<'a> {
    report: &'a AnnualReport,
    /// The index into [`TEXTS`] of the section being read.
    section: usize,
    /// The byte the next sentence starts at.
    pos: usize,
    carry: Carry,
    /// The sentence being read (one buffer for all, never allocated).
    sentence: Sentence,
    queue: Found16,
    next: usize,
}

impl std::fmt::Debug for Found16 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.items.iter().take(self.len).flatten())
            .finish()
    }
}

impl<'a> Iterator for Claims<'a> {
    type Item = Claim<'a>;

    fn next(&mut self) -> Option<Claim<'a>> {
        loop {
            if self.next < self.queue.len {
                let found = self.queue.items.get(self.next).copied().flatten();
                self.next += 1;
                if let Some(found) = found {
                    if let Some(claim) = evaluate(self.report, &found) {
                        return Some(claim);
                    }
                }
                continue;
            }
            let section = *TEXTS.get(self.section)?;
            let text = section_text(self.report, section).unwrap_or("");
            if !scan::next_sentence(text, &mut self.pos, &mut self.sentence) {
                self.section += 1;
                self.pos = 0;
                self.carry = Carry::default();
                continue;
            }
            self.queue.len = 0;
            self.next = 0;
            let setting = Setting {
                section,
                year: self.report.year(),
                t2_2019: self.report.proactive().edition() == Edition::E2019,
                fees: self.report.other_matters().fees.is_some(),
            };
            scan::read(
                &self.sentence,
                text,
                setting,
                &mut self.carry,
                &mut self.queue,
            );
        }
    }
}

/// The value of a cell as a number; a blank 表三 总计 is the sum of its six columns when
/// they are all filled.
fn number(report: &AnnualReport, cell: CellRef) -> Option<i128> {
    match report.get(cell) {
        Some(Value::Count(v)) => Some(i128::from(v)),
        Some(Value::Delta(v)) => Some(i128::from(v)),
        Some(Value::Money(_)) => None,
        None => match cell {
            CellRef::Requests(row, Applicant::Total) => {
                let mut sum = 0i128;
                for &c in &Applicant::DETAIL {
                    sum += i128::from(report.requests().get(row, c)?);
                }
                Some(sum)
            }
            _ => None,
        },
    }
}

/// The signed sum of cells.
fn sum(report: &AnnualReport, terms: impl Iterator<Item = (CellRef, bool)>) -> Option<i128> {
    let mut total = 0i128;
    for (cell, minus) in terms {
        let v = number(report, cell)?;
        total = if minus {
            total.checked_sub(v)?
        } else {
            total.checked_add(v)?
        };
    }
    Some(total)
}

/// Whether the percentage `stated` (printed with its scale) is `num ÷ den` in percent,
/// rounded or truncated to that scale.
fn share_matches(stated: Decimal, num: i128, den: i128) -> bool {
    if den <= 0 || num < 0 {
        return false;
    }
    let s = stated.mantissa();
    let Some(lhs) = 10i128
        .checked_pow(stated.scale())
        .and_then(|p| num.checked_mul(100)?.checked_mul(p))
    else {
        return false;
    };
    let within = |lo: Option<i128>, x: Option<i128>, hi: Option<i128>| match (lo, x, hi) {
        (Some(lo), Some(x), Some(hi)) => lo <= x && x < hi,
        _ => false,
    };
    let rounded = within(
        s.checked_mul(2)
            .and_then(|v| v.checked_sub(1))
            .and_then(|v| v.checked_mul(den)),
        lhs.checked_mul(2),
        s.checked_mul(2)
            .and_then(|v| v.checked_add(1))
            .and_then(|v| v.checked_mul(den)),
    );
    let truncated = within(
        s.checked_mul(den),
        Some(lhs),
        s.checked_add(1).and_then(|v| v.checked_mul(den)),
    );
    rounded || truncated
}

/// `num ÷ den` in percent, rounded half away from zero to `scale` decimals.
fn percent(num: i128, den: i128, scale: u32) -> Option<Decimal> {
    let num = Decimal::try_from_i128_with_scale(num, 0).ok()?;
    let den = Decimal::try_from_i128_with_scale(den, 0).ok()?;
    let v = num.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(den)?;
    Some(v.round_dp_with_strategy(scale, RoundingStrategy::MidpointAwayFromZero))
}

/// Compares a claim found with the report.
fn evaluate<'a>(report: &'a AnnualReport, found: &Found) -> Option<Claim<'a>> {
    let text = found.span.text(report)?;
    let stated = match found.stated {
        Stated::Count(v) => Figure::Number(i128::from(v)),
        Stated::Percent(p) => Figure::Percent(p),
        Stated::Money(a) => Figure::Money(a),
    };
    let layout = match found.measure.table() {
        Some(table) => report.layout(table).edition(),
        None => report.edition(),
    };
    let mut values = [None; MAX_READINGS];
    let mut readings = 0u8;
    let mut verdict = None;
    match (found.measure, found.stated) {
        (Measure::Sum, Stated::Count(total)) => {
            let parts = found.parts?;
            values[0] = Some(Figure::Number(i128::from(parts)));
            readings = 1;
            verdict = Some(if parts == total {
                Verdict::Agrees(0)
            } else {
                Verdict::Disagrees
            });
        }
        (Measure::Fees(what), _) => {
            let fees = report.other_matters().fees?;
            let value = match what {
                FeeMeasure::Collected => fees.collected.map(Figure::Money),
                FeeMeasure::Notices => fees.notices.map(|n| Figure::Number(i128::from(n))),
            };
            values[0] = value;
            readings = 1;
            let same = match (found.stated, value) {
                (Stated::Money(a), Some(Figure::Money(b))) => {
                    matches!((a.to_yuan(), b.to_yuan()), (Ok(x), Ok(y)) if x == y)
                }
                (Stated::Count(a), Some(Figure::Number(b))) => i128::from(a) == b,
                _ => false,
            };
            verdict = Some(match (same, value) {
                (true, _) => Verdict::Agrees(0),
                (false, Some(_)) => Verdict::Disagrees,
                (false, None) => Verdict::Unassessable,
            });
        }
        (measure, stated) => {
            for (i, reading) in measure.readings(layout).enumerate().take(MAX_READINGS) {
                readings += 1;
                let num = sum(report, reading.terms());
                let (value, agrees) = if reading.is_share() {
                    let Stated::Percent(p) = stated else {
                        continue;
                    };
                    match (num, sum(report, reading.base())) {
                        (Some(n), Some(d)) if d > 0 => (
                            percent(n, d, p.scale()).map(Figure::Percent),
                            share_matches(p, n, d),
                        ),
                        _ => (None, false),
                    }
                } else {
                    let agrees =
                        matches!((stated, num), (Stated::Count(s), Some(v)) if i128::from(s) == v);
                    (num.map(Figure::Number), agrees)
                };
                values[i] = value;
                if agrees && verdict.is_none() {
                    verdict = Some(Verdict::Agrees(u8::try_from(i).unwrap_or(0)));
                }
            }
            if readings == 0 {
                return None;
            }
        }
    }
    let n = usize::from(readings);
    let verdict = verdict.unwrap_or(if values[..n].iter().any(Option::is_some) {
        Verdict::Disagrees
    } else {
        Verdict::Unassessable
    });
    Some(Claim {
        span: found.span,
        figure: TextSpan::new(found.span.section, found.figure.0, found.figure.1),
        text: Cow::Borrowed(text),
        measure: found.measure,
        layout,
        stated,
        values,
        readings,
        verdict,
    })
}

// ---------------------------------------------------------------------------------------
// Serde: a claim as a JSON object, read back through the same codes it prints.

#[cfg(feature = "serde")]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimRepr<'a> {
    section: &'a str,
    start: u32,
    end: u32,
    figure_start: u32,
    figure_end: u32,
    #[serde(borrow)]
    text: Cow<'a, str>,
    measure: String,
    layout: Edition,
    stated: String,
    readings: Vec<ReadingRepr>,
    verdict: &'a str,
}

#[cfg(feature = "serde")]
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ReadingRepr {
    reading: String,
    value: Option<String>,
}

#[cfg(feature = "serde")]
impl Serialize for Claim<'_> {
    /// `{"section":"overview","start":…,"end":…,"figure_start":…,"figure_end":…,
    /// "text":"…","measure":"t3.received.total","layout":"2019","stated":"3",
    /// "readings":[{"reading":"t3.new.total","value":"11"},…],"verdict":"disagrees"}`;
    /// for a sum or the fee statement one reading named `parts` or `fee_statement`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let n = usize::from(self.readings).min(MAX_READINGS);
        let names: Vec<String> = match self.measure {
            Measure::Sum => vec!["parts".into()],
            Measure::Fees(_) => vec!["fee_statement".into()],
            m => m.readings(self.layout).map(|r| r.to_string()).collect(),
        };
        let readings = names
            .into_iter()
            .zip(&self.values[..n])
            .map(|(reading, value)| ReadingRepr {
                reading,
                value: value.map(|v| v.to_string()),
            })
            .collect();
        ClaimRepr {
            section: self.span.section.code(),
            start: self.span.start,
            end: self.span.end,
            figure_start: self.figure.start,
            figure_end: self.figure.end,
            text: Cow::Borrowed(&self.text),
            measure: self.measure.to_string(),
            layout: self.layout,
            stated: self.stated.to_string(),
            readings,
            verdict: self.verdict.code(),
        }
        .serialize(s)
    }
}

#[cfg(feature = "serde")]
impl<'de: 'a, 'a> Deserialize<'de> for Claim<'a> {
    /// The form [`Serialize`] writes; the verdict is worked out again from the stated
    /// number and the values, and must be the one written.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Claim<'a>, D::Error> {
        use serde::de::Error as _;
        let r = ClaimRepr::deserialize(d)?;
        let section = TEXTS
            .into_iter()
            .find(|s| s.code() == r.section)
            .ok_or_else(|| D::Error::custom(format!("unknown text section \"{}\"", r.section)))?;
        let measure: Measure = r.measure.parse().map_err(D::Error::custom)?;
        let stated = parse_figure(&r.stated).map_err(D::Error::custom)?;
        let expected: Vec<String> = match measure {
            Measure::Sum => vec!["parts".into()],
            Measure::Fees(_) => vec!["fee_statement".into()],
            m => m.readings(r.layout).map(|x| x.to_string()).collect(),
        };
        if r.readings.len() != expected.len()
            || r.readings
                .iter()
                .zip(&expected)
                .any(|(a, b)| &a.reading != b)
        {
            return Err(D::Error::custom(format!(
                "the readings of {measure} in the {} layout are {}",
                r.layout,
                expected.join("; ")
            )));
        }
        let mut values = [None; MAX_READINGS];
        for (slot, reading) in values.iter_mut().zip(&r.readings) {
            *slot = match &reading.value {
                Some(v) => Some(parse_figure(v).map_err(D::Error::custom)?),
                None => None,
            };
        }
        let readings = u8::try_from(r.readings.len()).unwrap_or(u8::MAX);
        let agrees = values[..r.readings.len()]
            .iter()
            .position(|v| v.is_some_and(|v| figures_agree(stated, v)));
        let verdict = match agrees {
            Some(i) => Verdict::Agrees(u8::try_from(i).unwrap_or(0)),
            None if values.iter().any(Option::is_some) => Verdict::Disagrees,
            None => Verdict::Unassessable,
        };
        if verdict.code() != r.verdict {
            return Err(D::Error::custom(format!(
                "verdict \"{}\" does not follow from the values: {}",
                r.verdict,
                verdict.code()
            )));
        }
        if r.start > r.end || r.figure_start > r.figure_end {
            return Err(D::Error::custom("a byte range ends before it starts"));
        }
        Ok(Claim {
            span: TextSpan::new(section, r.start, r.end),
            figure: TextSpan::new(section, r.figure_start, r.figure_end),
            text: r.text,
            measure,
            layout: r.layout,
            stated,
            values,
            readings,
            verdict,
        })
    }
}

/// Whether a reading's value (as printed in a claim) is the stated figure.
#[cfg(feature = "serde")]
fn figures_agree(stated: Figure, value: Figure) -> bool {
    match (stated, value) {
        (Figure::Number(a), Figure::Number(b)) => a == b,
        (Figure::Percent(a), Figure::Percent(b)) => a == b,
        (Figure::Money(a), Figure::Money(b)) => {
            matches!((a.to_yuan(), b.to_yuan()), (Ok(x), Ok(y)) if x == y)
        }
        _ => false,
    }
}

/// A figure as a claim prints it: a number, a percentage (`17.46%`) or an amount.
#[cfg(feature = "serde")]
fn parse_figure(s: &str) -> Result<Figure, String> {
    if let Some(p) = s.strip_suffix('%') {
        return Decimal::from_str_exact(p)
            .map(Figure::Percent)
            .map_err(|_| format!("invalid percentage \"{s}\""));
    }
    if let Ok(n) = s.parse::<i128>() {
        return Ok(Figure::Number(n));
    }
    Amount::from_str(s)
        .map(Figure::Money)
        .map_err(|_| format!("invalid figure \"{s}\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_match_to_the_printed_precision() {
        // 208 of 1191 is 17.464…%
        assert!(share_matches(Decimal::new(1746, 2), 208, 1191));
        assert!(share_matches(Decimal::new(175, 1), 208, 1191));
        assert!(share_matches(Decimal::new(17, 0), 208, 1191));
        assert!(!share_matches(Decimal::new(1747, 2), 208, 1191));
        assert!(!share_matches(Decimal::new(18, 0), 208, 1191));
        // 2 of 3 is 66.66…%: 66.67 rounded, 66.66 truncated
        assert!(share_matches(Decimal::new(6667, 2), 2, 3));
        assert!(share_matches(Decimal::new(6666, 2), 2, 3));
        assert!(!share_matches(Decimal::new(6668, 2), 2, 3));
        assert!(!share_matches(Decimal::new(50, 0), 1, 0));
        assert_eq!(percent(2, 3, 2), Some(Decimal::new(6667, 2)));
    }
}
