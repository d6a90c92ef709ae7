//! Prints the JSON Schema of the JSON form of a report.
//!
//! `cargo run --example schema --features schema > ogi-report.schema.json`

fn main() -> Result<(), serde_json::Error> {
    let schema = ogi_report::schema::json_schema();
    println!("{}", serde_json::to_string_pretty(&schema)?);
    Ok(())
}
