//! The public API in one place: `tests/fixtures/public_api.txt` lists every item at the
//! crate root and in each public module, one path a line.
//!
//! Three views of that list must agree, so that growing or shrinking the API is a
//! decision: the snapshot file; the list below, where every item is `use`d (an item
//! removed or renamed fails to compile); and the `pub` declarations read from the sources
//! of the root and of the public modules (an item added fails the test until the snapshot
//! and the list name it).

/// Names every public item by `use`-ing it, one group per module (a group under a cfg
/// is compiled only with its feature), and gives their paths.
macro_rules! public_api {
    ($($(#[$cfg:meta])? $group:ident = $($segment:ident)::+ { $($item:ident),* $(,)? })*) => {
        $(
            $(#[$cfg])?
            #[allow(unused_imports, reason = "each item is imported to show that it exists")]
            mod $group {
                use $($segment)::+::{$($item),*};
            }
        )*

        /// The paths of every item the groups name, features or not.
        fn named() -> Vec<String> {
            let mut paths = Vec::new();
            $(
                let module = [$(stringify!($segment)),+].join("::");
                $(paths.push(format!("{module}::{}", stringify!($item)));)*
            )*
            paths
        }
    };
}

public_api! {
    root = ogi_report {
        Amount, AnnualReport, AppealColumn, AppealGroup, Appeals, Applicant, Applicants,
        Article20Item, BodyKind, BytesError, Cases, CellMark, CellRef, CheckedReport,
        BuildError, CitedCell, Claim, Claims, DateSource, Decimal, Edition, Error, ExtraRow, Extras,
        ExtrasError, PairError, TableError,
        FeeMeasure, FeeStatement, Figure, Finding, Findings, HtmlOptions, ImportError, Imported, Layout,
        LayoutRow, Level, Location, Measure, MixedRollup, MoneyUnit, NaiveDate, Note, NoteKind,
        OtherMatters, OutcomeGroup, PageEncoding, Place, Proactive, ProactiveColumn,
        ProactiveMeasure, ProactiveRow, Quantity, Reading, Rejected, Relation, Remark,
        ReportBuilder, RequestDetails, RequestRow, Requests, REQUESTS_NOTE, Rollup,
        RollupError, RowRef, Rule, RuleId, Scope, Section, Severity, Source, Summary,
        Table, TextSpan, TidyCell, TidyError, TidyLineError, UnknownCode, Value, ValueError,
        ValueKind, Verdict, __bench, claims, import, import_bytes, render, tidy, validate,
        validate_narrative, validate_pair,
    }
    #[cfg(feature = "html")]
    root_html = ogi_report { import_html, import_html_bytes }
    #[cfg(feature = "schema")]
    root_schema = ogi_report { schema }
    #[cfg(feature = "survey")]
    root_survey = ogi_report { survey }
    render = ogi_report::render { CellMark, HtmlOptions, html, markdown, text, title }
    tidy = ogi_report::tidy {
        TidyCell, TidyError, TidyLineError, cells, read, rebuild,
    }
    #[cfg(feature = "schema")]
    schema = ogi_report::schema { json_schema }
    #[cfg(feature = "html")]
    bench = ogi_report::__bench { html_parse }
}

/// The snapshot: one path a line, sorted.
const SNAPSHOT: &str = include_str!("../fixtures/public_api.txt");

/// The public modules and their sources, read for their `pub` declarations.
const SOURCES: [(&str, &str); 4] = [
    ("ogi_report", include_str!("../../src/lib.rs")),
    (
        "ogi_report::render",
        include_str!("../../src/render/mod.rs"),
    ),
    ("ogi_report::tidy", include_str!("../../src/tidy.rs")),
    ("ogi_report::schema", include_str!("../../src/schema.rs")),
];

fn sorted(mut paths: Vec<String>) -> Vec<String> {
    paths.sort();
    paths
}

fn snapshot() -> Vec<String> {
    SNAPSHOT.lines().map(str::to_owned).collect()
}

/// The names a `pub` declaration at the start of `line` makes public, if it is one:
/// `pub use a::{B, c as d};`, `pub use a::B;`, `pub fn`, `pub mod`, `pub const`, ….
/// `rest` gives the lines that follow, for a `use` list over several lines.
fn declared<'a>(line: &str, rest: &mut impl Iterator<Item = &'a str>) -> Vec<String> {
    let Some(item) = line.strip_prefix("pub ") else {
        return Vec::new();
    };
    if let Some(tree) = item.strip_prefix("use ") {
        let mut tree = tree.to_owned();
        while !tree.ends_with(';') {
            match rest.next() {
                Some(next) => tree.push_str(next.trim()),
                None => break,
            }
        }
        let tree = tree.trim_end_matches(';');
        let names = match tree.find('{') {
            Some(open) => tree[open + 1..].trim_end_matches('}').to_owned(),
            None => tree.rsplit("::").next().unwrap_or(tree).to_owned(),
        };
        return names
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|n| n.rsplit(" as ").next().unwrap_or(n).to_owned())
            .collect();
    }
    for keyword in [
        "fn", "mod", "const", "static", "struct", "enum", "trait", "type",
    ] {
        if let Some(name) = item.strip_prefix(keyword).and_then(|n| n.strip_prefix(' ')) {
            let end = name
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(name.len());
            return vec![name[..end].to_owned()];
        }
    }
    Vec::new()
}

/// Every path the sources declare public: top-level `pub` items of each public module,
/// and the items of a public module written inline (`pub mod name { … }`).
fn declared_in_sources() -> Vec<String> {
    let mut paths = Vec::new();
    for (module, source) in SOURCES {
        let mut lines = source.lines();
        let mut inline: Option<String> = None;
        while let Some(line) = lines.next() {
            if let Some(inner) = &inline {
                if line == "}" {
                    inline = None;
                } else if let Some(nested) = line.strip_prefix("    ") {
                    for name in declared(nested, &mut lines) {
                        paths.push(format!("{inner}::{name}"));
                    }
                }
                continue;
            }
            for name in declared(line, &mut lines) {
                if line.starts_with("pub mod ") && line.ends_with('{') {
                    inline = Some(format!("{module}::{name}"));
                }
                paths.push(format!("{module}::{name}"));
            }
        }
    }
    paths
}

#[test]
fn the_snapshot_is_sorted_and_names_each_item_once() {
    let lines = snapshot();
    let mut unique = lines.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(lines, unique);
}

#[test]
fn every_item_of_the_snapshot_is_named_and_used() {
    assert_eq!(sorted(named()), snapshot());
}

#[test]
fn the_sources_declare_exactly_the_snapshot() {
    assert_eq!(sorted(declared_in_sources()), snapshot());
}

#[test]
fn the_declarations_are_read_from_use_lists_and_items() {
    let source = "pub use a::{B, c as d,\n    E};\npub fn f() {}\npub(crate) fn g() {}\n";
    let mut lines = source.lines();
    let mut found = Vec::new();
    while let Some(line) = lines.next() {
        found.extend(declared(line, &mut lines));
    }
    assert_eq!(found, ["B", "d", "E", "f"]);
}

#[test]
fn the_labels_live_on_the_types_that_print_them() {
    use ogi_report::{AnnualReport, Applicant, ProactiveRow, RequestRow};
    assert_eq!(ProactiveRow::LABEL, "信息内容");
    assert_eq!(RequestRow::RESULTS_LABEL, "三、本年度办理结果");
    assert_eq!(
        RequestRow::NOTE,
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    );
    assert_eq!(Applicant::LABEL, "申请人情况");
    assert_eq!(Applicant::ORGANISATIONS_LABEL, "法人或其他组织");
    assert_eq!(AnnualReport::FIRST_YEAR, 2019);
}
