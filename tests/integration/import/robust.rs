//! No panic, ever: arbitrary text, text made of the pieces real pages are made of, and
//! the real texts with lines deleted, duplicated, swapped and cut short.

use std::path::Path;

use crate::support::config;
use ogi_report::import;
use proptest::prelude::*;

/// The seed and the corpus texts.
fn texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths = vec![root.join("luhe_2020.txt")];
    let mut corpus: Vec<_> = std::fs::read_dir(root.join("corpus"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.path().join("source.txt"))
                .collect()
        })
        .unwrap_or_default();
    corpus.retain(|p: &std::path::PathBuf| p.is_file());
    corpus.sort();
    paths.extend(corpus);
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect()
}

/// Imports, and checks what every import promises: notes in line order, inside the text.
fn check(text: &str) {
    if let Ok(imported) = import(text) {
        let lines = text.split('\n').count();
        let mut last = 0;
        for note in &imported.notes {
            assert!((1..=lines).contains(&note.at.line), "{note}");
            assert!(note.at.line >= last);
            last = note.at.line;
        }
    }
}

#[test]
fn real_texts_cut_at_every_line() {
    for text in texts() {
        let mut at = 0;
        while let Some(i) = text.get(at..).and_then(|t| t.find('\n')) {
            at += i + 1;
            check(text.get(..at).unwrap_or(""));
            check(text.get(at..).unwrap_or(""));
        }
    }
}

/// Pieces of real pages.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    " ",
    "\u{a0}",
    "\u{3000}",
    "|",
    " | ",
    "||||",
    "0",
    "12",
    "１２",
    "1,036",
    "+3",
    "-8",
    "/",
    "—",
    "无",
    "7730.28",
    "79000.1元",
    "160.5964万元",
    "- 3 -",
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "（一）",
    "(二)",
    "第二十条第（一）项",
    "信息内容",
    "规章",
    "行政规范性文件",
    "规范性文件",
    "行政许可",
    "本年制发件数",
    "本年新制作数量",
    "政府集中采购",
    "一、本年新收政府信息公开申请数量",
    "（一）予以公开",
    "1.属于国家秘密",
    "（六）其他处理",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "行政复议",
    "复议后起诉",
    "结果维持",
    "某县2020年政府信息公开工作年度报告",
    "2021-02-19 08:41",
    "扫一扫在手机打开当前页",
    "三",
    "、",
    "。",
    "2023 年",
    "2.其他法律行政止公开",
];

/// An edit of a text's lines.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Swap(usize, usize),
    Cut(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let i = 0usize..700;
    prop_oneof![
        (i.clone(), 1usize..40).prop_map(|(a, n)| Edit::Delete(a, n)),
        (i.clone(), 1usize..20).prop_map(|(a, n)| Edit::Duplicate(a, n)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (0usize..10_000).prop_map(Edit::Cut),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let mut cut = None;
    for e in edits {
        let n = lines.len().max(1);
        match *e {
            Edit::Delete(a, k) => {
                let a = a % n;
                let b = (a + k).min(lines.len());
                lines.drain(a.min(lines.len())..b);
            }
            Edit::Duplicate(a, k) => {
                let a = a % n;
                let b = (a + k).min(lines.len());
                let copy: Vec<&str> = lines.get(a..b).unwrap_or(&[]).to_vec();
                let at = b.min(lines.len());
                lines.splice(at..at, copy);
            }
            Edit::Swap(a, b) => {
                let (a, b) = (a % n, b % n);
                if a < lines.len() && b < lines.len() {
                    lines.swap(a, b);
                }
            }
            Edit::Cut(c) => cut = Some(c),
        }
    }
    let mut out = lines.join("\n");
    if let Some(c) = cut {
        // At a char boundary: CJK text is three bytes a char.
        let chars = out.chars().count().max(1);
        let at = out
            .char_indices()
            .nth(c % chars)
            .map_or(out.len(), |(i, _)| i);
        out.truncate(at);
    }
    out
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn pieces_of_pages_never_panic(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..120)) {
        check(&pieces.concat());
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn edited_real_texts_never_panic(which in 0usize..10, edits in prop::collection::vec(edit(), 1..5)) {
        let texts = texts();
        let text = texts.get(which % texts.len().max(1)).map_or("", String::as_str);
        check(&apply(text, &edits));
    }
}
