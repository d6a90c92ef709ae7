//! Bytes → `import_bytes`. An imported report must serialise to JSON and read back equal
//! (identical text); validating and rendering it must not panic; every note must point
//! at a line of the input; the bytes and the text entry points must agree.

#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_report::{AnnualReport, BytesError, import, import_bytes};

mod common;

fuzz_target!(|data: &[u8]| {
    let result = import_bytes(data);
    let text = data.strip_prefix(b"\xef\xbb\xbf").unwrap_or(data);
    match (std::str::from_utf8(text), &result) {
        (Err(e), Err(BytesError::NotUtf8 { byte, .. })) => {
            assert_eq!(*byte, e.valid_up_to() + (data.len() - text.len()));
        }
        (Ok(s), Ok(imported)) => assert_eq!(import(s).as_ref(), Ok(imported)),
        (Ok(s), Err(BytesError::Import(e))) => assert_eq!(import(s).as_ref(), Err(e)),
        (utf8, result) => panic!("from_utf8 {utf8:?} but import_bytes {result:?}"),
    }
    let Ok(imported) = result else {
        return;
    };
    let lines = data.split(|&b| b == b'\n').count();
    for note in &imported.notes {
        assert!(
            (1..=lines).contains(&note.at.line),
            "{note} of {lines} lines"
        );
        let _ = note.to_string();
    }
    let report = &imported.report;
    let json = serde_json::to_string(report).expect("an imported report serialises");
    let back: AnnualReport = serde_json::from_str(&json).expect("its JSON reads back");
    assert_eq!(&back, report);
    assert_eq!(
        serde_json::to_string(&back).expect("serialises again"),
        json
    );
    common::exercise(report);
});
