//! What both targets do with a report they have read: its tidy cells read back into it
//! unchanged; validating, rendering and rolling it up do not panic.

use ogi_report::{HtmlOptions, MixedRollup, Rollup, render, tidy, validate};

/// Checks the tidy round trip; validates, renders and rolls up the report (twice, to
/// reach the sums).
pub fn exercise(report: &ogi_report::AnnualReport) {
    let tsv: String = tidy::cells(report).map(|c| format!("{c}\n")).collect();
    let again = tidy::read(report, &tsv).expect("a report's own tidy cells read back");
    assert_eq!(&again, report);

    let findings = validate(report);
    let _ = findings.summary().to_string();
    for finding in findings.iter() {
        let _ = finding.to_string();
    }
    let _ = render::html(report, &HtmlOptions::new());
    let _ = render::markdown(report);
    let _ = render::text(report);
    let mut rollup = Rollup::new(report.edition());
    if rollup.add(report).is_ok() {
        let _ = rollup.add(report);
        let _ = rollup.to_report(report.year(), "合计", report.kind());
    }
    let mut mixed = MixedRollup::new();
    let _ = mixed.add(report);
    let _ = mixed.add(report);
    let _ = mixed.requests();
}
