//! The importer on real page texts: the seed, and the notes the corpus texts' layouts call
//! for (their cells are scored against the hand transcriptions in `corpus_score`).

use std::path::{Path, PathBuf};

use ogi_report::{
    Applicant, DateSource, Edition, Imported, NoteKind, Place, ProactiveColumn, ProactiveRow,
    RequestRow, RowRef, Section, Table, Value, import,
};
use serde_json::Value as Json;

use crate::support::luhe;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn kinds(imported: &Imported) -> Vec<&NoteKind> {
    imported.notes.iter().map(|n| &n.kind).collect()
}

#[test]
fn seed_cells_texts_and_table_four() -> Result<(), Box<dyn std::error::Error>> {
    let imported = import(luhe::PAGE)?;
    let report = &imported.report;
    let expected = luhe::report()?;
    assert_eq!(report.edition(), Edition::E2019);
    assert_eq!(report.year(), 2020);
    assert_eq!(report.body(), "陆河县");
    assert_eq!(report.published(), expected.published());
    assert_eq!(report.proactive(), expected.proactive());
    assert_eq!(report.requests(), expected.requests());
    assert_eq!(report.overview(), expected.overview());
    assert_eq!(report.problems(), expected.problems());
    assert_eq!(report.other_matters(), expected.other_matters());
    assert_eq!(report.other_matters().text, "  无");
    // 表四 prints 14 of its 15 cells: never shifted, left blank, reported with the counts.
    assert!(report.appeals().cells().all(|(_, v)| v.is_none()));
    let t4: Vec<_> = imported
        .notes
        .iter()
        .filter(|n| n.at.section == Section::Appeals)
        .collect();
    assert_eq!(t4.len(), 1);
    let printed: Vec<String> = luhe::APPEALS_PRINTED
        .iter()
        .map(|s| s.trim().to_owned())
        .collect();
    assert_eq!(
        t4[0].kind,
        NoteKind::TableUnreadable {
            table: Table::Appeals,
            edition: Edition::E2019,
            expected: 15,
            found: 14,
            printed,
        }
    );
    assert_eq!(
        t4[0].to_string(),
        "line 573, t4, row -, cell -: 表四 cannot be read: 14 cells printed, 15 expected; left blank"
    );
    assert_eq!(
        kinds(&imported),
        [
            &NoteKind::BodyKindInferred {
                kind: ogi_report::BodyKind::Government
            },
            // `  • 2021-02-19 08:41` under the title, with no label.
            &NoteKind::PublishedFrom {
                date: chrono::NaiveDate::from_ymd_opt(2021, 2, 19).ok_or("a date")?,
                source: DateSource::Unlabelled
            },
            &t4[0].kind,
            // The page's own furniture after section 六 (a QR-code prompt, a notice about
            // leaving the site): lines 610 to 613 of the page, not read and said so.
            &NoteKind::PageFurniture {
                lines: 4,
                text: "扫一扫在手机打开当前页".to_owned()
            },
        ]
    );
    let furniture = imported.notes.last().map(ToString::to_string);
    assert_eq!(
        furniture.as_deref(),
        Some(
            "line 610, other_matters, row -, cell -: 4 line(s) of page furniture after the report, the first \"扫一扫在手机打开当前页\"; not read"
        )
    );
    assert!(
        luhe::PAGE
            .lines()
            .nth(609)
            .is_some_and(|l| l == "扫一扫在手机打开当前页")
    );
    Ok(())
}

/// The corpus directories of page texts, each with its page text and hand transcription
/// (the `html-*` directories hold HTML pages, read by the HTML reader's tests).
fn corpus() -> Vec<(String, String, Json)> {
    let dir = fixtures().join("corpus");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    cases.retain(|p: &PathBuf| p.join("source.txt").is_file());
    cases.sort();
    cases
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let source = std::fs::read_to_string(p.join("source.txt")).unwrap_or_default();
            let extract = std::fs::read_to_string(p.join("extract.json")).unwrap_or_default();
            let json = serde_json::from_str(&extract).unwrap_or(Json::Null);
            (name, source, json)
        })
        .collect()
}

/// The notes of one corpus text.
fn notes_of(name: &str) -> Imported {
    let (_, source, _) = corpus()
        .into_iter()
        .find(|(n, ..)| n.starts_with(name))
        .unwrap_or_else(|| panic!("no corpus text {name}"));
    import(&source).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ends_in(imported: &Imported, table: Table, row: RequestRow, read: usize, line: usize) {
    let note = imported
        .notes
        .iter()
        .find(|n| matches!(n.kind, NoteKind::TextEndsInTable { .. }))
        .unwrap_or_else(|| panic!("no note on the end of the text"));
    assert_eq!(
        note.kind,
        NoteKind::TextEndsInTable {
            table,
            read,
            expected: table.cell_count(imported.report.edition())
        }
    );
    assert_eq!(note.at.row, Some(RowRef::Requests(row)));
    assert_eq!(note.at.cell, Some(read + 1));
    assert_eq!(note.at.line, line);
}

#[test]
fn corpus_truncations_are_located() {
    // Each capture stops inside 表三; the notes say where (line, row, cell).
    ends_in(
        &notes_of("03-"),
        Table::Requests,
        RequestRow::Disclosed,
        17,
        32,
    );
    ends_in(
        &notes_of("06-"),
        Table::Requests,
        RequestRow::Disclosed,
        14,
        84,
    );
    ends_in(
        &notes_of("10-"),
        Table::Requests,
        RequestRow::StateSecret,
        28,
        110,
    );
    ends_in(
        &notes_of("12-"),
        Table::Requests,
        RequestRow::AdminQuery,
        77,
        276,
    );
    ends_in(
        &notes_of("14-"),
        Table::Requests,
        RequestRow::Disclosed,
        20,
        99,
    );
    for name in ["03-", "06-", "10-", "12-", "14-"] {
        let imported = notes_of(name);
        for section in [Section::Appeals, Section::Problems, Section::OtherMatters] {
            assert!(
                imported
                    .notes
                    .iter()
                    .any(|n| n.kind == NoteKind::MissingSection && n.at.section == section),
                "{name}: {section}"
            );
        }
    }
}

#[test]
fn corpus_06_empty_cell_annotated_header_prose() {
    // 06: every row starts with an empty cell of its own line (`|`), every cell on a line
    // of its own (`0 |`); 规章 prints its third cell empty before the next row's leading
    // one: read as 0, 0 and blank. An annotated column header; prose under section 三,
    // kept byte for byte as a remark above 表三.
    let k = notes_of("06-");
    let regulations: Vec<Option<Value>> = [
        ProactiveColumn::Issued,
        ProactiveColumn::Repealed,
        ProactiveColumn::InForce,
    ]
    .iter()
    .map(|&c| k.report.proactive().get(ProactiveRow::Rules, c))
    .collect();
    assert_eq!(
        regulations,
        [Some(Value::Count(0)), Some(Value::Count(0)), None]
    );
    assert!(
        !kinds(&k)
            .iter()
            .any(|n| matches!(n, NoteKind::ShortRow { .. }))
    );
    assert!(kinds(&k).contains(&&NoteKind::LabelVariant {
        printed: "现行有效件数 (历史累计)".into(),
        standard: ProactiveColumn::InForce.label(Edition::E2021),
    }));
    let remarks = k.report.requests().extras().remarks();
    assert_eq!(remarks.len(), 1, "{remarks:?}");
    assert_eq!(remarks[0].place, Place::Above);
    assert!(
        remarks[0]
            .text
            .starts_with("2022年,区政府办公室共收到8份政府信息公开申请")
    );
    assert!(remarks[0].text.ends_with("无下年度结转。"));
    assert!(k.report.requests().extras().rows().is_empty());
    assert!(kinds(&k).contains(&&NoteKind::BodyMissing));
    assert!(kinds(&k).contains(&&NoteKind::YearFromText { year: 2022 }));
}

#[test]
fn corpus_10_blanks_pushed_to_row_ends() {
    // 10: blanks pushed to the end of the rows, values kept left-aligned.
    let k = notes_of("10-");
    let pushed: Vec<_> = k
        .notes
        .iter()
        .filter(|n| matches!(n.kind, NoteKind::BlanksAtRowEnd { .. }))
        .map(|n| n.at.row)
        .collect();
    assert_eq!(
        pushed,
        [
            RequestRow::New,
            RequestRow::CarriedOver,
            RequestRow::Disclosed,
            RequestRow::PartlyDisclosed
        ]
        .map(|r| Some(RowRef::Requests(r)))
    );
}

#[test]
fn corpus_12_signs_for_blanks() {
    // 12: '/' in every empty cell, kept blank.
    let k = notes_of("12-");
    let signs: Vec<_> = kinds(&k)
        .into_iter()
        .filter_map(|n| match n {
            NoteKind::PrintedBlanks { table, count, sign } => Some((*table, *count, sign.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        signs,
        [(Table::Proactive, 9, "/"), (Table::Requests, 77, "/")]
    );
}

#[test]
fn corpus_14_earlier_layout() {
    // 14: a 2021 report on the 2019 layout.
    let k = notes_of("14-");
    assert_eq!(k.report.edition(), Edition::E2019);
    assert!(kinds(&k).contains(&&NoteKind::EditionNotOfYear {
        edition: Edition::E2019,
        year: 2021
    }));
}

#[test]
fn corpus_23_flip_book_page() {
    // 23: one flip-book page, starting inside 表三; no table shows the edition.
    let k = notes_of("23-");
    assert!(kinds(&k).contains(&&NoteKind::EditionFromYear {
        edition: Edition::E2019,
        year: 2020
    }));
    let start = k
        .notes
        .iter()
        .find(|n| {
            n.kind
                == NoteKind::TextStartsInTable {
                    table: Table::Requests,
                }
        })
        .map(|n| (n.at.row, n.at.cell, n.at.line));
    assert_eq!(
        start,
        Some((
            Some(RowRef::Requests(RequestRow::CarriedForward)),
            Some(155),
            4
        ))
    );
    assert!(k.report.problems().starts_with("2020 年,在区政府"));
}

#[test]
fn corpus_hongze_mixed_layout_and_misprint() {
    // 洪泽: the 2021 tables with （六）其他处理 as one row, and a misprinted label.
    for name in [
        "full-hongze-district-govt-2023",
        "full-hongze-district-govt-2024",
    ] {
        let k = notes_of(name);
        assert_eq!(k.report.edition(), Edition::E2021);
        assert!(kinds(&k).contains(&&NoteKind::MixedLayout {
            table: Table::Requests,
            layout: Edition::E2019,
            edition: Edition::E2021
        }));
        assert!(kinds(&k).contains(&&NoteKind::LabelVariant {
            printed: "2.其他法律行政止公开".into(),
            standard: RequestRow::ProhibitedByLaw.label(),
        }));
        for row in [
            RequestRow::NoCorrection,
            RequestRow::UnpaidFee,
            RequestRow::OtherHandlingOther,
        ] {
            assert!(
                Applicant::ALL
                    .iter()
                    .all(|&c| k.report.requests().get(row, c).is_none())
            );
        }
        assert!(kinds(&k).contains(&&NoteKind::NoPublicationDate));
        // 六 says `全年收取政府信息公开信息处理费 0 元。` on the second line of a sentence
        // wrapped by the PDF.
        let fees = k.report.other_matters().fees.unwrap_or_default();
        assert_eq!(
            fees.collected.map(|a| a.to_string()).as_deref(),
            Some("0元")
        );
        assert_eq!((fees.notices, fees.notices_amount), (None, None));
        let from_text: Vec<_> = k
            .notes
            .iter()
            .filter(|n| matches!(n.kind, NoteKind::FeeCollectedFromText { .. }))
            .map(|n| (n.at.section, n.at.line))
            .collect();
        let line = if name.ends_with("2023") { 130 } else { 133 };
        assert_eq!(from_text, [(Section::OtherMatters, line)]);
        assert_eq!(
            k.report.body(),
            if name.ends_with("2023") {
                "洪泽区人民政府"
            } else {
                "淮安市洪泽区人民政府"
            }
        );
    }
}

#[test]
fn corpus_huaian_complete_pdf() {
    // 淮安: a complete 2021 report read from a PDF text layer with nothing to say but the
    // kind of body, the missing date, the four rows of 表三 whose labels wrap around their
    // values (placed in printed order, the table's sums confirming), and the fees
    // collected, read from a sentence of 六.
    let k = notes_of("full-huaian");
    let collected: ogi_report::Amount = "3940元".parse().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        kinds(&k),
        [
            &NoteKind::BodyKindInferred {
                kind: ogi_report::BodyKind::Government
            },
            &NoteKind::NoPublicationDate,
            &NoteKind::PlacedByOrder {
                table: Table::Requests,
                rows: 4
            },
            &NoteKind::FeeCollectedFromText { collected },
        ]
    );
    let fees = k.report.other_matters().fees.unwrap_or_default();
    assert_eq!((fees.notices, fees.notices_amount), (None, None));
    assert_eq!(
        fees.collected.map(|a| a.to_string()).as_deref(),
        Some("3940元")
    );
    let note = k.notes.last().map(ToString::to_string).unwrap_or_default();
    assert_eq!(
        note,
        "line 155, other_matters, row -, cell -: the fees collected, 3940元, are read from a sentence of the text; no fee statement is printed as values"
    );
    assert!(
        k.report
            .other_matters()
            .text
            .ends_with("全年收取政府信息公开信息处理费 3940 元。")
    );
    assert!(k.report.overview().starts_with("2024 年，我市坚持"));
}

#[test]
fn fees_are_read_from_prose_only_in_the_2021_edition_and_only_when_stated() {
    // The other corpus texts state no fees in 六 (or have no 六): nothing read.
    for (name, source, _) in corpus() {
        let imported = import(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        let expected = name.starts_with("full-");
        assert_eq!(
            imported.report.other_matters().fees.is_some(),
            expected,
            "{name}"
        );
    }
    // The same sentence in a 2019-edition report is only text.
    let page = "某局2020年政府信息公开工作年度报告\n六、其他需要报告的事项\n全年收取政府信息公开信息处理费 10 元。\n";
    let imported = import(page).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(imported.report.edition(), Edition::E2019);
    assert_eq!(imported.report.other_matters().fees, None);
    assert_eq!(
        imported.report.other_matters().text,
        "全年收取政府信息公开信息处理费 10 元。"
    );
}

#[test]
fn every_note_names_its_place() {
    for (name, source, _) in corpus() {
        let imported = import(&source).unwrap_or_else(|e| panic!("{name}: {e}"));
        let lines = source.lines().count().max(1);
        for note in &imported.notes {
            assert!((1..=lines).contains(&note.at.line), "{name}: {note}");
            let text = note.to_string();
            assert!(text.starts_with(&format!("line {}, {}, row ", note.at.line, note.at.section)));
            assert!(!text.ends_with('.'), "{text}");
            if let Some(row) = note.at.row {
                assert!(text.contains(&row.to_string()));
            }
        }
    }
}

/// A furniture word inside a line of the last section's text (`扫一扫` is also how a
/// report says "scan the QR code") does not end the text there; the page's own furniture
/// line after it still does.
#[test]
fn a_furniture_word_in_the_last_text_keeps_the_text() -> Result<(), Box<dyn std::error::Error>> {
    let six = "1.推行“扫一扫”查看政策解读。\n2.本年度未收取信息处理费。";
    let page = format!(
        "某局2021年政府信息公开工作年度报告\n一、总体情况\n一年来……\n\
         六、其他需要报告的事项\n{six}\n\n扫一扫在手机打开当前页\n打印本页\n"
    );
    let imported = import(&page)?;
    assert_eq!(imported.report.other_matters().text, six);
    Ok(())
}

/// A page saved by a crawler starts with the time it was saved; the page says when it was
/// published (`公开日期`) and signs off with the same date: the publication date is that,
/// never the capture time, and a note says where it was read.
#[test]
fn the_publication_date_is_read_on_evidence_never_from_a_capture_time()
-> Result<(), Box<dyn std::error::Error>> {
    let page = "\
采集时间：2025-12-30 09:12:44
某县人民政府2023年政府信息公开工作年度报告
公开日期 2024-01-17 来源：某县人民政府办公室
一、总体情况
2023年，本机关……
六、其他需要报告的事项
无。
某县人民政府办公室
2024年1月17日
";
    let imported = import(page)?;
    let date = chrono::NaiveDate::from_ymd_opt(2024, 1, 17).ok_or("a date")?;
    assert_eq!(imported.report.published(), Some(date));
    let on_dates: Vec<String> = imported
        .notes
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NoteKind::PublishedFrom { .. } | NoteKind::PublicationDatesDisagree { .. }
            )
        })
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        on_dates,
        [
            "line 3, front, row -, cell -: publication date 2024-01-17 read from the line labelled \"公开日期\""
        ]
    );
    // A sign-off that says otherwise is quoted, the labelled date kept.
    let other = page.replace("2024年1月17日", "2024年1月16日");
    let imported = import(&other)?;
    assert_eq!(imported.report.published(), Some(date));
    let sixteenth = chrono::NaiveDate::from_ymd_opt(2024, 1, 16).ok_or("a date")?;
    let disagree = NoteKind::PublicationDatesDisagree {
        taken: date,
        other: sixteenth,
        source: DateSource::SignOff,
    };
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.at.line == 9 && n.kind == disagree)
    );
    // With no label, the sign-off; with neither, no date at all (not the capture time).
    let signed = page.replace("公开日期 2024-01-17 ", "");
    assert_eq!(import(&signed)?.report.published(), Some(date));
    let unsigned = signed.replace("2024年1月17日\n", "");
    let imported = import(&unsigned)?;
    assert_eq!(imported.report.published(), None);
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.kind == NoteKind::NoPublicationDate)
    );
    Ok(())
}
