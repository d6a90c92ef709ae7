//! The stable cell codes against `docs/CELLS.md`.

use ogi_report::{
    AppealColumn, AppealGroup, Applicant, CellRef, Edition, ProactiveRow, RequestRow, Table,
};

const SPEC: &str = include_str!("../../../docs/CELLS.md");

/// The table rows (`| a | b | c |`) of the spec section whose heading starts with `heading`.
fn spec_rows(heading: &str) -> Vec<Vec<String>> {
    let start = SPEC.find(heading).expect("section in CELLS.md");
    let section = &SPEC[start..];
    let end = section[3..].find("\n## ").map_or(section.len(), |i| i + 3);
    section[..end]
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|--") && !l.starts_with("| row code"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

/// `code (label), code (label)` or `code, code` → (code, label if given).
fn code_list(text: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut item = String::new();
    for c in text.chars().chain(std::iter::once(',')) {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if c == ',' && depth == 0 {
            let t = item.trim().trim_end_matches('.').to_owned();
            if let Some((code, label)) = t.split_once(" (") {
                out.push((
                    code.to_owned(),
                    Some(label.trim_end_matches(')').to_owned()),
                ));
            } else if !t.is_empty() {
                out.push((t, None));
            }
            item.clear();
        } else {
            item.push(c);
        }
    }
    out
}

#[test]
fn table_two_codes_and_labels_are_the_specs() {
    for (heading, edition) in [
        ("## Table 二 (t2), 2019 edition", Edition::E2019),
        ("## Table 二 (t2), 2021 edition", Edition::E2021),
    ] {
        let rows = spec_rows(heading);
        let ours: Vec<&str> = ProactiveRow::rows(edition)
            .iter()
            .map(|r| r.code())
            .collect();
        let theirs: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(ours, theirs, "{heading}");
        for r in &rows {
            let row = ProactiveRow::from_code(&r[0]).unwrap();
            assert_eq!(row.label(edition), r[1], "{heading} {}", r[0]);
            let columns = code_list(&r[2]);
            let codes: Vec<&str> = row.columns(edition).iter().map(|c| c.code()).collect();
            assert_eq!(
                codes,
                columns.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>()
            );
            for ((_, label), column) in columns.iter().zip(row.columns(edition)) {
                if let Some(label) = label {
                    let label = label.split(',').next().unwrap();
                    assert_eq!(column.label(edition), label, "{heading} {}", r[0]);
                }
            }
        }
    }
}

#[test]
fn table_three_codes_and_labels_are_the_specs() {
    let rows = spec_rows("## Table 三 (t3), both editions");
    assert_eq!(rows.len(), RequestRow::ALL.len());
    for (r, row) in rows.iter().zip(RequestRow::ALL) {
        assert_eq!(row.code(), r[0]);
        assert!(r[1].ends_with(row.label()), "{} {}", r[1], row.label());
        if let Some(group) = row.group() {
            let ordinal = &group.label()[..group.label().find('）').unwrap() + '）'.len_utf8()];
            assert!(r[1].starts_with(ordinal), "{}", r[1]);
        }
        let editions: Vec<Edition> = Edition::ALL
            .into_iter()
            .filter(|&e| row.in_edition(e))
            .collect();
        let expected = match r[2].as_str() {
            "both" => vec![Edition::E2019, Edition::E2021],
            "2019" => vec![Edition::E2019],
            "2021" => vec![Edition::E2021],
            other => panic!("unexpected editions {other}"),
        };
        assert_eq!(editions, expected, "{}", r[0]);
    }
    let line = SPEC
        .lines()
        .find(|l| l.starts_with("Columns: natural_person"))
        .unwrap();
    let mut text = line.trim_start_matches("Columns: ").to_owned();
    for next in SPEC
        .lines()
        .skip_while(|l| *l != line)
        .skip(1)
        .take_while(|l| !l.is_empty())
    {
        text.push(' ');
        text.push_str(next);
    }
    let columns = code_list(&text);
    assert_eq!(columns.len(), Applicant::ALL.len());
    for ((code, label), column) in columns.iter().zip(Applicant::ALL) {
        assert_eq!(column.code(), code);
        assert_eq!(Some(column.label()), label.as_deref());
    }
}

#[test]
fn table_four_codes_and_labels_are_the_specs() {
    let start = SPEC.find("Groups: review").unwrap();
    let para: String = SPEC[start..]
        .lines()
        .take_while(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let (groups, columns) = para.split_once(". Columns: ").unwrap();
    let columns = columns.split(". Example").next().unwrap();
    let groups = code_list(groups.trim_start_matches("Groups: "));
    for ((code, label), group) in groups.iter().zip(AppealGroup::ALL) {
        assert_eq!(group.code(), code);
        let printed = match group.parent_label() {
            Some(p) => format!("{p} · {}", group.label()),
            None => group.label().to_owned(),
        };
        assert_eq!(label.as_deref(), Some(printed.as_str()));
    }
    let columns = code_list(columns);
    assert_eq!(columns.len(), AppealColumn::ALL.len());
    for ((code, label), column) in columns.iter().zip(AppealColumn::ALL) {
        assert_eq!(column.code(), code);
        assert_eq!(label.as_deref(), Some(column.label()));
    }
}

#[test]
fn the_specs_examples_parse() {
    for code in [
        "t3.new.natural_person",
        "t3.withheld.state_secret.total",
        "t3.results_total.commercial",
        "t4.suit_direct.pending",
    ] {
        assert_eq!(code.parse::<CellRef>().unwrap().to_string(), code);
    }
}

#[test]
fn every_code_round_trips_and_is_unique() {
    for edition in Edition::ALL {
        let codes: Vec<String> = CellRef::all(edition).map(|c| c.to_string()).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), codes.len());
        for (cell, code) in CellRef::all(edition).zip(&codes) {
            assert_eq!(code.parse::<CellRef>().unwrap(), cell);
            assert!(cell.in_edition(edition));
            assert!(code.is_ascii() && code.to_lowercase() == *code);
        }
    }
}

#[test]
fn cell_counts_per_edition() {
    let count = |t: Table, e: Edition| t.cells(e).count();
    assert_eq!(count(Table::Proactive, Edition::E2019), 22);
    assert_eq!(count(Table::Proactive, Edition::E2021), 10);
    assert_eq!(count(Table::Requests, Edition::E2019), 161);
    assert_eq!(count(Table::Requests, Edition::E2021), 175);
    assert_eq!(count(Table::Appeals, Edition::E2019), 15);
    for t in Table::ALL {
        for e in Edition::ALL {
            assert_eq!(t.cell_count(e), count(*t, e));
        }
    }
}

#[test]
fn outcome_rows_are_nineteen_and_twenty_one() {
    assert_eq!(RequestRow::outcomes(Edition::E2019).len(), 19);
    assert_eq!(RequestRow::outcomes(Edition::E2021).len(), 21);
    for e in Edition::ALL {
        assert!(RequestRow::outcomes(e).iter().all(|r| r.is_outcome()));
        for (i, r) in RequestRow::rows(e).iter().enumerate() {
            assert_eq!(r.index(e), Some(i));
        }
        for r in RequestRow::ALL {
            assert_eq!(r.index(e).is_some(), r.in_edition(e), "{r}");
        }
    }
}

#[test]
fn unknown_codes_are_errors() {
    for code in [
        "t3.new",
        "t5.new.total",
        "t3.nope.total",
        "t2.rules.delta",
        "",
        "t4.review.x",
    ] {
        assert_eq!(
            code.parse::<CellRef>().unwrap_err().to_string(),
            format!("unknown cell code {code:?}")
        );
    }
}

#[path = "../../../examples/rules.rs"]
mod rules_example;

#[test]
fn the_readmes_rule_table_is_the_catalogue() {
    let readme = include_str!("../../../README.md");
    let start = readme
        .find("<!-- rules: generated by `cargo run --example rules` -->\n")
        .unwrap();
    let body = &readme[start..];
    let body = &body[body.find('\n').unwrap() + 1..body.find("<!-- /rules -->").unwrap()];
    assert_eq!(body, rules_example::table());
}

#[test]
fn the_layouts_table_of_cells_md_is_the_layout_module() {
    let mut rows = spec_rows("## Layouts: which codes a printed table has");
    rows.retain(|r| r[0] != "table");
    assert_eq!(rows.len(), 5);
    for row in rows {
        let (table, layout, codes) = (&row[0], &row[1], &row[2]);
        let count: usize = codes
            .rsplit(": ")
            .next()
            .and_then(|n| n.trim_end_matches(" cells").parse().ok())
            .unwrap_or_else(|| {
                codes.split("the ").nth(1).map_or(0, |n| {
                    n.split(' ')
                        .next()
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(0)
                })
            });
        let table = ogi_report::Table::from_code(table).expect("a table code");
        let editions: Vec<ogi_report::Edition> = match layout.as_str() {
            "both" => ogi_report::Edition::ALL.to_vec(),
            e => vec![e.parse().expect("an edition")],
        };
        for e in editions {
            assert_eq!(ogi_report::Layout::of(table, e).len(), count, "{table} {e}");
        }
    }
}
