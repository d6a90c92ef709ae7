//! # ogi-report
//!
//! 政府信息公开工作年度报告的类型化数据模型 — the typed data model of the annual report on
//! open government information that every Chinese government body publishes under the
//! Regulations on Open Government Information (State Council Decree No. 711).
//!
//! Both editions of the official format are covered: the 2019 trial format
//! (国办公开办函〔2019〕60号, report years 2019–2020) and the 2021 revision
//! (国办公开办函〔2021〕30号, from report year 2021). The six sections are types; every
//! numeric cell of 表二, 表三 and 表四 has a stable code ([`CellRef`]) and a Chinese label;
//! blank cells stay blank; money is an exact [`Amount`] with its printed unit.
//!
//! The steps below follow one report from assembly to roll-up: assemble → validate →
//! render → serialise → import → roll up.
//!
//! ## 1. Assemble
//!
//! A producer gives the detail cells; the constructors derive every total (the 总计
//! column, the （七）总计 row, 结转下年度继续办理, the 表四 总计 cells), so the tables are
//! consistent by construction. A report as published is held with `from_printed`: the
//! cells in the official printed order, totals included, mistakes kept; a wrong number of
//! cells is an error naming the table, never a silent shift.
//!
//! ```
//! use ogi_report::{
//!     AnnualReport, Appeals, BodyKind, Edition, OtherMatters, Proactive, ProactiveColumn as C,
//!     ProactiveRow as R, RequestDetails, RequestRow, Requests, Value,
//! };
//!
//! let mut t2 = Proactive::blank(Edition::E2021);
//! t2.set(R::Licensing, C::Decisions, Some(Value::Count(550)))?;
//! t2.set(R::Fees, C::Amount, Some(Value::Money("7730.28万元".parse()?)))?;
//!
//! let mut t3 = RequestDetails::new(Edition::E2021);
//! t3.set(RequestRow::New, [21, 0, 0, 0, 0, 0])?;
//! t3.set(RequestRow::PartlyDisclosed, [4, 0, 0, 0, 0, 0])?;
//! t3.set(RequestRow::NotHeld, [17, 0, 0, 0, 0, 0])?;
//!
//! let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
//!     .overview("2023年，……")
//!     .proactive(t2)
//!     .requests(Requests::assemble(&t3)?)
//!     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
//!     .problems("……")
//!     .other_matters(OtherMatters::new("无"))
//!     .build()?;
//! assert_eq!(report.get("t3.results_total.total".parse()?), Some(Value::Count(21)));
//!
//! let printed = ["0", "0", "0", "0", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"];
//! let err = Appeals::from_printed(&printed).unwrap_err();
//! assert_eq!(err.to_string(), "t4 (表四) expects 15 cells in printed order, 14 given");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 2. Validate
//!
//! Every relation a reader can check in a published report is a rule of one catalogue,
//! as data ([`Rule::all`]; stable ids such as `t3.balance`, listed at [`Rule`]).
//! [`validate`] never changes the report and returns every [`Finding`]: the rule, the
//! cells it read, the stated and the computed value, the difference, a message in English
//! and Chinese. A blank cell makes a rule not assessable, never a pass, never a failure.
//! [`validate_pair`] checks two consecutive years of one body, and [`CheckedReport`]
//! carries the guarantee in the type. [`validate_narrative`] checks what sections 一, 五
//! and 六 say against the tables: the numbers the texts state ([`claims`]) compared with
//! every reading of the tables their wording allows, each finding citing its sentence.
//!
//! ```
//! use ogi_report::{validate, CheckedReport};
//! # use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
//! # let mut t3 = RequestDetails::new(Edition::E2021);
//! # t3.set(RequestRow::New, [21, 0, 0, 0, 0, 0])?;
//! # t3.set(RequestRow::NotHeld, [21, 0, 0, 0, 0, 0])?;
//! # let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
//! #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "5", "5", "0", "0", "5", "550", "4119", "195", "7730.28"])?)
//! #     .requests(Requests::assemble(&t3)?)
//! #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
//! #     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap())
//! #     .build()?;
//! assert!(validate(&report).is_empty());
//! let mut wrong = report.clone();
//! *wrong.appeals_mut() = Appeals::from_printed(&["1", "0", "0", "0", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"])?;
//! let findings = validate(&wrong);
//! assert_eq!(findings.summary().to_string(), "1 error, 0 warning, 0 info, 0 unassessable");
//! assert!(findings[0].to_string().starts_with(
//!     "error t4.group_total t4.review.total,t4.review.upheld,t4.review.corrected,\
//!      t4.review.other,t4.review.pending stated=2 computed=1 | "
//! ));
//! assert!(CheckedReport::new(wrong).is_err());
//! assert!(CheckedReport::new(report).is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 3. Render
//!
//! [`render`] lays a report out as the official format prints it: a self-contained HTML
//! page (with the cells that have findings marked, if asked), Markdown, and plain text for
//! a terminal. [`tidy`] gives every cell as one record `code<TAB>value<TAB>unit`, in the
//! official order, for a dataframe, a spreadsheet or an SQL engine, and reads them back.
//!
//! ```
//! use ogi_report::{render, tidy, validate};
//! # use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
//! # let mut t3 = RequestDetails::new(Edition::E2021);
//! # t3.set(RequestRow::New, [21, 0, 0, 0, 0, 0])?;
//! # t3.set(RequestRow::NotHeld, [21, 0, 0, 0, 0, 0])?;
//! # let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
//! #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "5", "5", "0", "0", "5", "550", "4119", "195", "7730.28"])?)
//! #     .requests(Requests::assemble(&t3)?)
//! #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
//! #     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap())
//! #     .build()?;
//! let options = render::HtmlOptions::from_findings(&validate(&report));
//! let page = render::html(&report, &options);
//! assert!(page.contains("<table"));
//! let terminal = render::text(&report);
//! assert!(terminal.starts_with("某区人民政府2023年政府信息公开工作年度报告\n"));
//! let tsv: Vec<String> = tidy::cells(&report).map(|c| c.to_string()).collect();
//! assert_eq!(tsv[9], "t2.fees.amount\t7730.28\twan_yuan");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 4. Serialise
//!
//! With serde, losslessly: money as strings with their unit, dates as `YYYY-MM-DD`, the
//! edition tagged, unknown fields rejected, and every invalid value named by its field.
//! With the `schema` feature, [`schema`] gives the JSON Schema of that form, for programs
//! in other languages.
//!
//! ```
//! # use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
//! # let mut t3 = RequestDetails::new(Edition::E2021);
//! # t3.set(RequestRow::New, [21, 0, 0, 0, 0, 0])?;
//! # t3.set(RequestRow::NotHeld, [21, 0, 0, 0, 0, 0])?;
//! # let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
//! #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "5", "5", "0", "0", "5", "550", "4119", "195", "7730.28"])?)
//! #     .requests(Requests::assemble(&t3)?)
//! #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
//! #     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap())
//! #     .build()?;
//! let json = serde_json::to_string(&report)?;
//! let back: AnnualReport = serde_json::from_str(&json)?;
//! assert_eq!(back, report);
//! assert_eq!(serde_json::to_string(&back)?, json);
//!
//! let bad = json.replace(r#""t4":{"review":{"upheld":0"#, r#""t4":{"review":{"upheld":-1"#);
//! let err = serde_json::from_str::<AnnualReport>(&bad).unwrap_err();
//! assert!(err.to_string().starts_with("t4.review.upheld: negative count -1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 5. Import a published page
//!
//! [`import()`] reads the text of a report page as copied from a browser or a PDF: the
//! title, the six sections, the tables cell by cell, with the edition decided from the
//! tables' structure. It returns the report as printed and [`Note`]s, each naming the
//! section, row, cell and line, on everything it inferred or could not read. A page in
//! the crate's own plain-text layout ([`render::text`]) is read exactly: it gives back the
//! report it was printed from.
//!
//! ```
//! # use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
//! # let mut t3 = RequestDetails::new(Edition::E2021);
//! # t3.set(RequestRow::New, [21, 0, 0, 0, 0, 0])?;
//! # t3.set(RequestRow::NotHeld, [21, 0, 0, 0, 0, 0])?;
//! # let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
//! #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "5", "5", "0", "0", "5", "550", "4119", "195", "7730.28"])?)
//! #     .requests(Requests::assemble(&t3)?)
//! #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
//! #     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap())
//! #     .build()?;
//! let imported = ogi_report::import(&ogi_report::render::text(&report))?;
//! assert_eq!(imported.report, report);
//!
//! let page = "某局2020年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
//!             结果维持 结果纠正 其他结果 尚未审结 总计\n0 0 0 0 0 1 0 0 1 0 0 0 0 0\n五、存在的主要问题及改进情况\n无\n";
//! let imported = ogi_report::import(page)?;
//! assert_eq!(imported.report.problems(), "无");
//! let t4 = imported.notes.iter().find(|n| n.at.section == ogi_report::Section::Appeals);
//! assert_eq!(
//!     t4.map(ToString::to_string).as_deref(),
//!     Some("line 4, t4, row -, cell -: 表四 cannot be read: 14 cells printed, 15 expected; left blank")
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## 6. Roll up
//!
//! [`Rollup`] sums many reports of one edition (a county's departments, a province's
//! counties) as a fold: counts with checked addition (overflow is an error naming the
//! report and the cell), money converted exactly to 元 (an amount printed without a unit is
//! refused until its unit is stated), blanks counted and never read as 0. [`MixedRollup`]
//! sums reports of both editions in 表三 and 表四 only, with （六）其他处理 as one aggregate.
//!
//! ```
//! use ogi_report::{Rollup, Value};
//! # use ogi_report::{AnnualReport, Appeals, BodyKind, Edition, Proactive, RequestDetails, RequestRow, Requests};
//! # let mut t3 = RequestDetails::new(Edition::E2021);
//! # t3.set(RequestRow::New, [21, 0, 0, 0, 0, 0])?;
//! # t3.set(RequestRow::NotHeld, [21, 0, 0, 0, 0, 0])?;
//! # let report = AnnualReport::builder(Edition::E2021, 2023, "某区人民政府", BodyKind::Government)
//! #     .proactive(Proactive::from_printed(Edition::E2021, &["0", "5", "5", "0", "0", "5", "550", "4119", "195", "7730.28"])?)
//! #     .requests(Requests::assemble(&t3)?)
//! #     .appeals(Appeals::assemble([0; 4], [0; 4], [0; 4])?)
//! #     .published(chrono::NaiveDate::from_ymd_opt(2024, 2, 26).unwrap())
//! #     .build()?;
//! let mut county = Rollup::new(Edition::E2021);
//! for report in [&report, &report, &report] {
//!     county.add(report)?;
//! }
//! assert_eq!(county.get("t3.new.total".parse()?), Some(Value::Count(63)));
//! assert_eq!(county.get("t2.fees.amount".parse()?).map(|v| v.to_string()), Some("231908400元".into()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs, missing_debug_implementations, unreachable_pub)]

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod appeals;
mod cell;
mod claims;
mod code;
mod edition;
mod error;
mod extras;
mod import;
mod layout;
mod macros;
mod money;
mod narrative;
mod proactive;
pub mod render;
mod report;
mod requests;
mod rollup;
mod rules;
#[cfg(feature = "schema")]
pub mod schema;
mod section;
#[cfg(feature = "serde")]
mod serde_impl;
#[cfg(feature = "survey")]
pub mod survey;
mod text;
pub mod tidy;
mod validate;

pub use appeals::Appeals;
pub use cell::{
    AppealColumn, AppealGroup, Applicant, Article20Item, CellRef, OutcomeGroup, ProactiveColumn,
    ProactiveRow, RequestRow, Table, Value, ValueKind,
};
/// The date type of [`AnnualReport::published`] and [`ReportBuilder::published`],
/// re-exported so that a caller need not depend on `chrono` itself.
pub use chrono::NaiveDate;
pub use claims::{
    Applicants, Cases, Claim, Claims, FeeMeasure, Measure, ProactiveMeasure, Quantity, Reading,
    TextSpan, Verdict, claims,
};
pub use code::UnknownCode;
pub use edition::Edition;
pub use error::{BuildError, Error, PairError, TableError, ValueError};
pub use extras::{ExtraRow, Extras, ExtrasError, Place, Remark};
pub use import::bytes::{BytesError, import_bytes};
pub use import::{
    DateSource, ImportError, Imported, Location, Note, NoteKind, PageEncoding, import,
};
#[cfg(feature = "html")]
pub use import::{import_html, import_html_bytes};
pub use layout::{Layout, LayoutRow, RowRef};
pub use money::{Amount, MoneyUnit};
pub use narrative::{FeeStatement, OtherMatters};
pub use proactive::Proactive;
pub use render::{CellMark, HtmlOptions};
pub use report::{AnnualReport, BodyKind, ReportBuilder};
pub use requests::{RequestDetails, Requests};
pub use rollup::{MixedRollup, Rollup, RollupError};
pub use rules::{Relation, Rule, RuleId, Scope, Severity, Source};
/// The exact decimal of [`Amount::value`], [`Amount::new`] and [`Rollup::total_yuan`],
/// re-exported so that a caller need not depend on `rust_decimal` itself.
pub use rust_decimal::Decimal;
pub use section::Section;
pub use tidy::{TidyCell, TidyError, TidyLineError};
pub use validate::{
    CheckedReport, CitedCell, Figure, Finding, Findings, Level, Rejected, Summary, validate,
    validate_narrative, validate_pair,
};

/// The 勾稽关系 note printed in the corner cell of 表三: [`RequestRow::NOTE`], its home.
///
/// Kept at the root only while the docs of [`Source::Note`] link here; it goes when they
/// link to [`RequestRow::NOTE`].
///
/// ```
/// assert_eq!(ogi_report::REQUESTS_NOTE, ogi_report::RequestRow::NOTE);
/// ```
pub const REQUESTS_NOTE: &str = RequestRow::NOTE;

/// The entries of the benches into crate-private code. Not part of the API: no semver
/// promise, hidden from the docs, may change in any release.
#[doc(hidden)]
pub mod __bench {
    /// Reads an HTML page into text blocks and table grids and returns a number made
    /// from them (so that nothing is optimised away): what the `html` bench measures.
    #[cfg(feature = "html")]
    #[must_use]
    pub fn html_parse(html: &str) -> usize {
        crate::import::html::bench_parse(html)
    }
}
