//! The JSON Schema (draft 2020-12) of the JSON form of a report (feature `schema`).
//!
//! The JSON form is a public format for programs in other languages; the schema describes
//! it exactly, per edition: a report is one of two shapes keyed by `edition`, every object
//! has all its keys (required) and no others (but the optional keys of what a table prints
//! beyond its cells: `remarks`, `extra_rows`, `cell_remarks`), 表二 and 表三 each in the
//! layout of either edition (their own `edition` key), tables are objects of rows keyed by
//! row code,
//! rows objects of cells keyed by column code, and each cell is `null` (blank), an integer
//! (a count ≥ 0, or the signed 本年增/减) or an amount as a string in one of the forms
//! [`Amount`](crate::Amount) reads (`"251000元"`, `"2,945.15 万元"`, `"￥29451519.23"`). The
//! schema is generated from the cell catalogue, so its codes, labels (as descriptions) and
//! editions are the crate's own.
//!
//! Get the file with `cargo run --example schema --features schema > ogi-report.schema.json`.
//!
//! What a schema cannot say, the reader still checks: dates that do not exist
//! (`2021-02-30`), amounts beyond the range of a decimal (28 digits), duplicate keys, and
//! numbers written with a fraction or exponent (`1.0` is an integer to JSON Schema but not
//! to the reader).
//!
//! ```
//! let schema = ogi_report::schema::json_schema();
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! let t3 = &schema["$defs"]["t3_2021"];
//! assert_eq!(t3["properties"]["other_handling.unpaid_fee"]["properties"]["total"]["$ref"], "#/$defs/count");
//! assert_eq!(t3["additionalProperties"], false);
//! ```

use serde_json::{Map, Value as Json, json};

use crate::cell::{
    AppealColumn, AppealGroup, Applicant, CellRef, ProactiveRow, RequestRow, Table, ValueKind,
};
use crate::edition::Edition;
use crate::layout::Layout;
use crate::money::{CURRENCY_SIGNS, MoneyUnit, UNIT_SPACES, WAN};
use crate::narrative::FeeStatement;
use crate::report::{BodyKind, FIRST_YEAR};
use crate::section::Section;
use crate::serde_impl::{EDITION_KEY, FEE_FIELDS, OTHER_MATTERS_FIELDS, REPORT_FIELDS};
use crate::text::{POINTS, SEPARATORS};

/// The pattern of an amount: exactly the forms [`Amount`](crate::Amount) reads (its
/// `# Accepted forms`), from the same tables of signs, separators, points, spaces and units.
fn money_pattern() -> String {
    // Spaces other than the ASCII one are written as escapes, to be visible in the file.
    let class = |chars: &[char]| -> String {
        chars
            .iter()
            .map(|&c| {
                if c.is_whitespace() && c != ' ' {
                    format!("\\u{:04x}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    let digit = "[0-9０-９]";
    format!(
        "^[{signs}]?({digit}+|[1-9１-９]{digit}{{0,2}}([{separators}]{digit}{{3}})+)([{points}]{digit}+)?([{spaces}]?({yuan}|{wan_yuan}|{wan}))?$",
        signs = class(&CURRENCY_SIGNS),
        separators = class(&SEPARATORS),
        points = class(&POINTS),
        spaces = class(&UNIT_SPACES),
        yuan = MoneyUnit::Yuan.suffix(),
        wan_yuan = MoneyUnit::WanYuan.suffix(),
        wan = WAN,
    )
}

/// The name of a table's definition: `t4`, or the table and the edition (`t3_2021`).
fn table_def(table: Table, edition: Edition) -> String {
    match table {
        Table::Appeals => table.code().to_owned(),
        Table::Proactive | Table::Requests => format!("{table}_{edition}"),
    }
}

fn report_def(edition: Edition) -> String {
    format!("report_{edition}")
}

/// The pattern of a date (`YYYY-MM-DD`).
const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// The JSON Schema of the JSON form of [`AnnualReport`](crate::AnnualReport), as a
/// `serde_json::Value`.
///
/// ```
/// let schema = ogi_report::schema::json_schema();
/// let text = serde_json::to_string_pretty(&schema)?;
/// assert!(text.contains("\"t2_2019\""));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn json_schema() -> Json {
    let mut defs = Map::new();
    defs.insert(
        "count".into(),
        json!({
            "description": "a count (件, 项), or null for a blank cell",
            "type": ["integer", "null"],
            "minimum": 0,
            "maximum": u64::MAX,
        }),
    );
    defs.insert(
        "delta".into(),
        json!({
            "description": "a signed change (本年增/减), or null for a blank cell",
            "type": ["integer", "null"],
            "minimum": i64::MIN,
            "maximum": i64::MAX,
        }),
    );
    defs.insert(
        "money".into(),
        json!({
            "description": "an amount as printed: an exact decimal (thousands separators and full-width digits allowed) with its unit (元, 万元 or 万, or a leading ￥ or ¥ for 元) when the report printed one, or null for a blank cell",
            "type": ["string", "null"],
            "pattern": money_pattern(),
        }),
    );
    defs.insert(table_def(Table::Appeals, Edition::E2021), appeals());
    defs.insert("fees".into(), fees());
    for edition in Edition::ALL {
        defs.insert(table_def(Table::Proactive, edition), proactive(edition));
        defs.insert(table_def(Table::Requests, edition), requests(edition));
        defs.insert(report_def(edition), report(edition));
    }
    let editions: Vec<Json> = Edition::ALL
        .iter()
        .map(|&e| json!({ "$ref": format!("#/$defs/{}", report_def(e)) }))
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "政府信息公开工作年度报告 (ogi-report JSON form)",
        "description": "An annual report on open government information, one of two editions of the official format: 2019 (国办公开办函〔2019〕60号) or 2021 (国办公开办函〔2021〕30号).",
        "oneOf": editions,
        "$defs": defs,
    })
}

/// An object with exactly these properties, all required.
fn object(description: &str, properties: impl IntoIterator<Item = (String, Json)>) -> Json {
    let properties: Map<String, Json> = properties.into_iter().collect();
    let required: Vec<&String> = properties.keys().collect();
    json!({
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

/// [`object`] with optional keys after the required ones.
fn object_with(
    description: &str,
    properties: impl IntoIterator<Item = (String, Json)>,
    optional: impl IntoIterator<Item = (String, Json)>,
) -> Json {
    let mut out = object(description, properties);
    if let Some(map) = out["properties"].as_object_mut() {
        map.extend(optional);
    }
    out
}

/// The optional keys of a table in a layout for what it prints beyond its cells:
/// `remarks`, `extra_rows`, `cell_remarks`, their places and cells those of the layout.
fn extras(layout: &Layout) -> Vec<(String, Json)> {
    let mut places = vec!["above".to_owned(), "below".to_owned()];
    // After the last row is under the table; 表四 prints its cells on one line.
    if layout.table() != Table::Appeals {
        let rows = layout.rows();
        places.extend(
            rows[..rows.len().saturating_sub(1)]
                .iter()
                .map(|r| r.row().to_string()),
        );
    }
    let place = json!({ "enum": places, "description": "where it is printed: above the table, under it, or after a row (by its code)" });
    let codes: Vec<String> = layout.cells().iter().map(ToString::to_string).collect();
    let remark = object(
        "a remark printed with the table, byte for byte",
        [
            ("place".to_owned(), place.clone()),
            ("text".to_owned(), json!({ "type": "string" })),
        ],
    );
    let row = object(
        "a row printed beyond the official layout: its label and its cells as printed",
        [
            ("place".to_owned(), place),
            ("label".to_owned(), json!({ "type": "string" })),
            (
                "cells".to_owned(),
                json!({ "type": "array", "items": { "type": "string" } }),
            ),
        ],
    );
    vec![
        (
            "remarks".to_owned(),
            json!({ "type": "array", "items": remark, "minItems": 1 }),
        ),
        (
            "extra_rows".to_owned(),
            json!({ "type": "array", "items": row, "minItems": 1 }),
        ),
        (
            "cell_remarks".to_owned(),
            json!({
                "description": "the remark printed inside a cell after its number, by cell code",
                "type": "object",
                "propertyNames": { "enum": codes },
                "additionalProperties": { "type": "string" },
                "minProperties": 1,
            }),
        ),
    ]
}

fn reference(name: &str, description: &str) -> Json {
    json!({ "$ref": format!("#/$defs/{name}"), "description": description })
}

fn cell(cell: CellRef, description: &str) -> Json {
    let kind = match cell.kind() {
        ValueKind::Count => "count",
        ValueKind::Delta => "delta",
        ValueKind::Money => "money",
    };
    reference(kind, description)
}

fn edition_key(edition: Edition) -> (String, Json) {
    (EDITION_KEY.to_owned(), json!({ "const": edition.code() }))
}

fn proactive(edition: Edition) -> Json {
    let rows = ProactiveRow::rows(edition).iter().map(|&row| {
        let columns = row.columns(edition).iter().map(move |&c| {
            (
                c.code().to_owned(),
                cell(CellRef::Proactive(row, c), c.label(edition)),
            )
        });
        let label = format!("{} {}", row.item().caption(), row.label(edition));
        (row.code().to_owned(), object(&label, columns))
    });
    let description = format!(
        "{} ({}, {edition} layout)",
        Table::Proactive.heading(),
        Table::Proactive.label()
    );
    object_with(
        &description,
        std::iter::once(edition_key(edition)).chain(rows),
        extras(Layout::of(Table::Proactive, edition)),
    )
}

fn requests(edition: Edition) -> Json {
    let rows = RequestRow::rows(edition).iter().map(|&row| {
        let columns = Applicant::ALL.iter().map(move |&c| {
            (
                c.code().to_owned(),
                cell(CellRef::Requests(row, c), c.label()),
            )
        });
        let label = match row.group() {
            Some(group) => format!("{} {}", group.label(), row.label()),
            None => row.label().to_owned(),
        };
        (row.code().to_owned(), object(&label, columns))
    });
    let description = format!(
        "{} ({}, {edition} layout)",
        Table::Requests.heading(),
        Table::Requests.label()
    );
    object_with(
        &description,
        std::iter::once(edition_key(edition)).chain(rows),
        extras(Layout::of(Table::Requests, edition)),
    )
}

fn appeals() -> Json {
    let groups = AppealGroup::ALL.iter().map(|&group| {
        let columns = AppealColumn::ALL.iter().map(move |&c| {
            (
                c.code().to_owned(),
                cell(CellRef::Appeals(group, c), c.label()),
            )
        });
        let label = match group.parent_label() {
            Some(parent) => format!("{parent} {}", group.label()),
            None => group.label().to_owned(),
        };
        (group.code().to_owned(), object(&label, columns))
    });
    let description = format!(
        "{} ({}, both editions)",
        Table::Appeals.heading(),
        Table::Appeals.label()
    );
    object_with(
        &description,
        groups,
        extras(Layout::of(Table::Appeals, Edition::E2021)),
    )
}

fn fees() -> Json {
    let kinds = ["count", "money", "money"];
    let fields = FEE_FIELDS
        .iter()
        .zip(FeeStatement::VALUE_LABELS)
        .zip(kinds)
        .map(|((&field, label), kind)| (field.to_owned(), reference(kind, label)));
    object(FeeStatement::LABEL, fields)
}

/// A table printed in either edition's layout: the report's, or (as some reports print
/// it) the other's.
fn either_layout(table: Table) -> Json {
    let layouts: Vec<Json> = Edition::ALL
        .iter()
        .map(|&e| json!({ "$ref": format!("#/$defs/{}", table_def(table, e)) }))
        .collect();
    json!({
        "description": format!("{}, printed in the layout of either edition (its `edition` key)", Section::of_table(table).heading()),
        "oneOf": layouts,
    })
}

fn report(edition: Edition) -> Json {
    let text = |section: Section| json!({ "type": "string", "description": section.heading() });
    let fees = match edition {
        Edition::E2019 => {
            json!({ "type": "null", "description": "no fee statement in the 2019 edition" })
        }
        Edition::E2021 => json!({ "anyOf": [{ "type": "null" }, { "$ref": "#/$defs/fees" }] }),
    };
    let other_matters = object(
        Section::OtherMatters.heading(),
        OTHER_MATTERS_FIELDS
            .iter()
            .map(|&f| f.to_owned())
            .zip([text(Section::OtherMatters), fees]),
    );
    let kinds: Vec<&str> = BodyKind::ALL.iter().map(|k| k.code()).collect();
    // In the order of REPORT_FIELDS: the array length is checked by the compiler.
    let values: [Json; REPORT_FIELDS.len()] = [
        json!({ "const": edition.code() }),
        json!({ "type": "string", "description": "the issuing body" }),
        json!({ "enum": kinds, "description": "the kind of issuing body" }),
        json!({ "type": "integer", "minimum": FIRST_YEAR, "maximum": u16::MAX }),
        json!({ "type": ["string", "null"], "pattern": DATE_PATTERN, "format": "date", "description": "the publication date, or null when not known" }),
        text(Section::Overview),
        either_layout(Table::Proactive),
        either_layout(Table::Requests),
        reference(
            &table_def(Table::Appeals, edition),
            Section::Appeals.heading(),
        ),
        text(Section::Problems),
        other_matters,
    ];
    let description = format!("a report of the {edition} edition ({})", edition.notice());
    object(
        &description,
        REPORT_FIELDS.iter().map(|&f| f.to_owned()).zip(values),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_of_each_edition_is_described_once() {
        let schema = json_schema();
        for edition in Edition::ALL {
            let mut count = 0;
            for &table in Table::ALL {
                let rows = &schema["$defs"][&table_def(table, edition)]["properties"];
                for (key, row) in rows.as_object().into_iter().flatten() {
                    if [EDITION_KEY, "remarks", "extra_rows", "cell_remarks"]
                        .contains(&key.as_str())
                    {
                        continue;
                    }
                    for column in row["properties"]
                        .as_object()
                        .into_iter()
                        .flatten()
                        .map(|c| c.0)
                    {
                        let code = format!("{table}.{key}.{column}");
                        let parsed: CellRef = code.parse().expect("a cell code");
                        assert!(parsed.in_edition(edition), "{code}");
                        count += 1;
                    }
                }
            }
            assert_eq!(count, CellRef::all(edition).count());
        }
    }
}
