//! Bytes → `serde_json::from_slice::<AnnualReport>`. A report read must serialise, read
//! back equal and serialise to identical text; see `common.rs` for the rest.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report::AnnualReport;

mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(report) = serde_json::from_slice::<AnnualReport>(data) else {
        return;
    };
    let text = serde_json::to_string(&report).expect("a report read from JSON serialises");
    let back: AnnualReport = serde_json::from_str(&text).expect("the JSON of a report reads back");
    assert_eq!(back, report);
    assert_eq!(
        serde_json::to_string(&back).expect("serialises again"),
        text,
        "a second round trip changes the text"
    );
    common::exercise(&report);
});
