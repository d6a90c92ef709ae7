//! Prints the rule catalogue as a Markdown table: the table in the README.
//!
//! `cargo run --example rules`

use std::fmt::Write as _;

use ogi_report::Rule;

/// The catalogue as a Markdown table, one row per rule.
#[must_use]
pub fn table() -> String {
    let mut out = String::from(
        "| id | severity | editions | source | FORMAT.md | statement | 说明 |\n|---|---|---|---|---|---|---|\n",
    );
    for rule in Rule::all() {
        let editions: Vec<&str> = rule.editions().iter().map(|e| e.code()).collect();
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            rule.id(),
            rule.severity(),
            editions.join(", "),
            rule.source().code(),
            rule.spec(),
            rule.statement_en().replace('|', "\\|"),
            rule.statement_zh().replace('|', "\\|"),
        );
    }
    out
}

#[allow(dead_code, reason = "the tests include this file as a module")]
fn main() {
    print!("{}", table());
}
