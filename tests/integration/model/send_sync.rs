//! Every public type is `Send + Sync` (and `Unpin` and `UnwindSafe`), so reports cross
//! threads freely; every public error type is a `std::error::Error`. The one check of it.

fn assert_send_sync<T: Send + Sync + Unpin + std::panic::UnwindSafe>() {}

#[test]
fn public_types_are_send_and_sync() {
    use ogi_report::*;
    assert_send_sync::<Amount>();
    assert_send_sync::<AnnualReport>();
    assert_send_sync::<AppealColumn>();
    assert_send_sync::<AppealGroup>();
    assert_send_sync::<Appeals>();
    assert_send_sync::<Applicant>();
    assert_send_sync::<Applicants>();
    assert_send_sync::<Article20Item>();
    assert_send_sync::<BodyKind>();
    assert_send_sync::<BuildError>();
    assert_send_sync::<BytesError>();
    assert_send_sync::<Cases>();
    assert_send_sync::<CellMark>();
    assert_send_sync::<CellRef>();
    assert_send_sync::<CheckedReport>();
    assert_send_sync::<CitedCell>();
    assert_send_sync::<Claim>();
    assert_send_sync::<Claims>();
    assert_send_sync::<Edition>();
    assert_send_sync::<Error>();
    assert_send_sync::<ExtraRow>();
    assert_send_sync::<Extras>();
    assert_send_sync::<ExtrasError>();
    assert_send_sync::<FeeMeasure>();
    assert_send_sync::<FeeStatement>();
    assert_send_sync::<Figure>();
    assert_send_sync::<Finding>();
    assert_send_sync::<Findings>();
    assert_send_sync::<HtmlOptions>();
    assert_send_sync::<ImportError>();
    assert_send_sync::<Imported>();
    assert_send_sync::<Layout>();
    assert_send_sync::<LayoutRow>();
    assert_send_sync::<Level>();
    assert_send_sync::<Location>();
    assert_send_sync::<Measure>();
    assert_send_sync::<MixedRollup>();
    assert_send_sync::<MoneyUnit>();
    assert_send_sync::<Note>();
    assert_send_sync::<NoteKind>();
    assert_send_sync::<DateSource>();
    assert_send_sync::<PageEncoding>();
    assert_send_sync::<OtherMatters>();
    assert_send_sync::<OutcomeGroup>();
    assert_send_sync::<PairError>();
    assert_send_sync::<Place>();
    assert_send_sync::<Proactive>();
    assert_send_sync::<ProactiveColumn>();
    assert_send_sync::<ProactiveMeasure>();
    assert_send_sync::<ProactiveRow>();
    assert_send_sync::<Quantity>();
    assert_send_sync::<Reading>();
    assert_send_sync::<Rejected>();
    assert_send_sync::<Relation>();
    assert_send_sync::<Remark>();
    assert_send_sync::<ReportBuilder>();
    assert_send_sync::<RequestDetails>();
    assert_send_sync::<RequestRow>();
    assert_send_sync::<Requests>();
    assert_send_sync::<Rollup>();
    assert_send_sync::<RollupError>();
    assert_send_sync::<RowRef>();
    assert_send_sync::<Rule>();
    assert_send_sync::<RuleId>();
    assert_send_sync::<Scope>();
    assert_send_sync::<Section>();
    assert_send_sync::<Severity>();
    assert_send_sync::<Source>();
    assert_send_sync::<Summary>();
    assert_send_sync::<Table>();
    assert_send_sync::<TableError>();
    assert_send_sync::<TextSpan>();
    assert_send_sync::<TidyCell>();
    assert_send_sync::<TidyError>();
    assert_send_sync::<TidyLineError>();
    assert_send_sync::<UnknownCode>();
    assert_send_sync::<Value>();
    assert_send_sync::<ValueError>();
    assert_send_sync::<ValueKind>();
    assert_send_sync::<Verdict>();
    assert_send_sync::<NaiveDate>();
    assert_send_sync::<Decimal>();
}

fn assert_error<T: std::error::Error + 'static>() {}

#[test]
fn public_error_types_are_errors() {
    use ogi_report::*;
    assert_error::<BytesError>();
    assert_error::<Error>();
    assert_error::<ExtrasError>();
    assert_error::<ImportError>();
    assert_error::<RollupError>();
    assert_error::<TidyError>();
    assert_error::<TidyLineError>();
    assert_error::<ValueError>();
}

/// Every type the crate root re-exports is in the list above, so a new public type cannot
/// be forgotten here.
#[test]
fn the_list_covers_every_public_type() {
    let lib = include_str!("../../../src/lib.rs");
    let this = include_str!("send_sync.rs");
    let mut names = Vec::new();
    for item in lib.split("pub use ").skip(1) {
        let item = &item[..item.find(';').unwrap_or(item.len())];
        let list = item.rsplit("::").next().unwrap_or_default();
        for name in list.trim_matches(|c| c == '{' || c == '}').split(',') {
            let name = name.trim();
            let is_type = name.chars().next().is_some_and(char::is_uppercase)
                && name.chars().any(char::is_lowercase);
            if is_type {
                names.push(name.to_owned());
            }
        }
    }
    assert!(names.len() > 40, "{names:?}");
    for name in names {
        assert!(
            this.contains(&format!("assert_send_sync::<{name}>()")),
            "{name} is not checked"
        );
    }
}
