//! The 2021 fee statement as real pages state it: in a sentence of section 六
//! (`全年收取政府信息公开信息处理费 3940 元。`) rather than as values.

use crate::cell::{Value, ValueKind};
use crate::import::lines::{Line, is_space};
use crate::money::Amount;

/// Words that make a sentence about collecting fees say something else: fees not
/// collected, waived, or due.
const NEGATIONS: &[&str] = &[
    "未收取",
    "不收取",
    "无收取",
    "没有收取",
    "免收",
    "免予收取",
    "免于收取",
    "减免",
    "应收取",
];

/// The fees collected that section 六 (lines `[start, end)`) states in a sentence, with
/// the line of the amount: the one sentence of the section that holds the words 收取 and
/// 信息处理费, no negation, and exactly one amount (digits followed by 元 or 万元). Lines
/// are joined and white space dropped first, as a PDF text layer wraps sentences anywhere.
/// `None` when no sentence, or more than one, says so.
pub(crate) fn collected_in_prose(
    lines: &[Line<'_>],
    start: usize,
    end: usize,
) -> Option<(Amount, usize)> {
    let mut found = None;
    let mut sentences = 0;
    for sentence in sentences_of(lines.get(start..end)?, start) {
        if let Some(amount) = stated_collected(&sentence) {
            sentences += 1;
            found = Some(amount);
        }
    }
    found.filter(|_| sentences == 1)
}

/// The sentences of lines (the first at index `first`), each as its characters other than
/// white space with their line indexes. A sentence ends at `。`, `；`, `！`, `？` or a blank
/// line.
fn sentences_of(lines: &[Line<'_>], first: usize) -> Vec<Vec<(char, usize)>> {
    let mut sentences = Vec::new();
    let mut current: Vec<(char, usize)> = Vec::new();
    for (index, line) in (first..).zip(lines) {
        if line.is_blank() || line.is_footer() {
            if line.is_blank() && !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        for c in line.text.chars().filter(|&c| !is_space(c)) {
            if matches!(c, '。' | '；' | '！' | '？' | ';' | '!' | '?') {
                sentences.push(std::mem::take(&mut current));
            } else {
                current.push((c, index));
            }
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// The amount a sentence says was collected, when it says so unambiguously.
fn stated_collected(sentence: &[(char, usize)]) -> Option<(Amount, usize)> {
    let text: String = sentence.iter().map(|&(c, _)| c).collect();
    if !text.contains("收取") || !text.contains("信息处理费") {
        return None;
    }
    if NEGATIONS.iter().any(|n| text.contains(n)) {
        return None;
    }
    let chars: Vec<char> = sentence.iter().map(|&(c, _)| c).collect();
    let mut amounts = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '元' {
            continue;
        }
        let (number_end, suffix) = match i.checked_sub(1).and_then(|j| chars.get(j)) {
            Some('万') => (i - 1, "万元"),
            _ => (i, "元"),
        };
        let run = (0..number_end)
            .rev()
            .take_while(|&j| chars.get(j).is_some_and(|&c| is_number_char(c)))
            .last();
        // The number starts at its first digit (a separator before it is punctuation).
        let Some(number_start) = run.and_then(|start| {
            (start..number_end).find(|&j| chars.get(j).is_some_and(|c| c.is_numeric()))
        }) else {
            continue;
        };
        let number: String = chars.get(number_start..number_end)?.iter().collect();
        let line = sentence.get(number_start).map(|&(_, line)| line)?;
        amounts.push((format!("{number}{suffix}"), line));
    }
    let [(text, line)] = amounts.as_slice() else {
        return None;
    };
    match Value::parse(ValueKind::Money, text) {
        Ok(Some(Value::Money(amount))) => Some((amount, *line)),
        _ => None,
    }
}

/// A character of a printed number: digits (also full-width), a decimal point, a
/// thousands separator.
fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '.' | '．' | ',')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split_lines;

    fn collected(text: &str) -> Option<(String, usize)> {
        let lines = split_lines(text);
        collected_in_prose(&lines, 0, lines.len()).map(|(a, line)| (a.to_string(), line))
    }

    #[test]
    fn one_sentence_one_amount() {
        assert_eq!(
            collected(
                "2024 年，市政府严格落实《政府信息公开信息处理费管理\n办法》，全年收取政府信息公开信息处理费 3940 元。"
            ),
            Some(("3940元".into(), 1))
        );
        assert_eq!(
            collected("全年收取信息处理费０.50万元。"),
            Some(("0.50万元".into(), 0))
        );
        assert_eq!(
            collected("无。\n\n全年收取信息处理费\n1,200 元"),
            Some(("1,200元".into(), 3))
        );
    }

    #[test]
    fn anything_else_is_left_alone() {
        for text in [
            "全年未收取信息处理费。",
            "全年未收取信息处理费0元。",
            "全年收取信息处理费。",
            "发出收费通知2件，金额200元，实际收取信息处理费200元。",
            "收取信息处理费100元。收取信息处理费100元。",
            "收取信息处理费元。",
            "全年收取行政事业性收费100元。",
            "",
        ] {
            assert_eq!(collected(text), None, "{text}");
        }
    }
}
