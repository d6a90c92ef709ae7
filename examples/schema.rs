//! Prints the JSON Schema of the JSON form of a report.
//!
//! `cargo run --example schema --features schema > ogi-report.schema.json`

use std::process::ExitCode;

fn main() -> ExitCode {
    let schema = ogi_report::schema::json_schema();
    match serde_json::to_string_pretty(&schema) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("schema: the schema cannot be written as JSON: {e}");
            ExitCode::FAILURE
        }
    }
}
