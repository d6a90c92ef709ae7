//! Money as pages print it: the printed forms the reader accepts (with the value each
//! stands for), the texts it refuses, and a generator that prints any amount in any of the
//! accepted styles digit by digit (independently of the crate's printer).

use ogi_report::MoneyUnit;
use proptest::prelude::*;

/// Printed forms, each with its number as (mantissa, scale), its unit, and its value in 元
/// as text (`None` when the unit is not stated).
pub(crate) const FORMS_READ: &[(&str, u64, u32, MoneyUnit, Option<&str>)] = &[
    // The plain forms, printed as before.
    ("251000元", 251_000, 0, MoneyUnit::Yuan, Some("251000")),
    (
        "7730.28万元",
        773_028,
        2,
        MoneyUnit::WanYuan,
        Some("77302800.00"),
    ),
    ("29451519.23", 2_945_151_923, 2, MoneyUnit::Unstated, None),
    ("1.50万元", 150, 2, MoneyUnit::WanYuan, Some("15000.00")),
    ("0元", 0, 0, MoneyUnit::Yuan, Some("0")),
    // The forms of the issue.
    (
        "2,945.15万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    (
        "2945.15 万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    (
        "29451519.23 元",
        2_945_151_923,
        2,
        MoneyUnit::Yuan,
        Some("29451519.23"),
    ),
    (
        "￥29451519.23",
        2_945_151_923,
        2,
        MoneyUnit::Yuan,
        Some("29451519.23"),
    ),
    (
        "12.3456万",
        123_456,
        4,
        MoneyUnit::WanYuan,
        Some("123456.0000"),
    ),
    ("２９４５", 2945, 0, MoneyUnit::Unstated, None),
    // Their variants.
    (
        "¥29451519.23",
        2_945_151_923,
        2,
        MoneyUnit::Yuan,
        Some("29451519.23"),
    ),
    (
        "￥2,945.15万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    ("￥12万", 12, 0, MoneyUnit::WanYuan, Some("120000")),
    ("¥100元", 100, 0, MoneyUnit::Yuan, Some("100")),
    (
        "29,451,519.23元",
        2_945_151_923,
        2,
        MoneyUnit::Yuan,
        Some("29451519.23"),
    ),
    (
        "29，451，519.23元",
        2_945_151_923,
        2,
        MoneyUnit::Yuan,
        Some("29451519.23"),
    ),
    (
        "2945.15\u{a0}万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    (
        "2945.15\u{3000}万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    (
        "2945.15 万",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    (
        "２９４５．１５万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    (
        "２，９４５．１５万元",
        294_515,
        2,
        MoneyUnit::WanYuan,
        Some("29451500.00"),
    ),
    ("２,９４５元", 2945, 0, MoneyUnit::Yuan, Some("2945")),
    ("1,000,000", 1_000_000, 0, MoneyUnit::Unstated, None),
    (
        "￥１，２３４．５０\u{3000}万",
        123_450,
        2,
        MoneyUnit::WanYuan,
        Some("12345000.00"),
    ),
    ("0.0001万元", 1, 4, MoneyUnit::WanYuan, Some("1.0000")),
];

/// Texts refused as amounts (each with [`ValueError::InvalidAmount`]).
pub(crate) const REFUSED: &[&str] = &[
    // Words around the number.
    "约2945万元",
    "2945.15万余元",
    "近3万元",
    "人民币2945元",
    "2945元整",
    "RMB2945",
    "$2945",
    // Other units.
    "2945千元",
    "3亿元",
    "5角",
    "12万万元",
    "12元元",
    "元",
    "万元",
    "￥",
    // Two numbers, a range.
    "12-15万元",
    "2945.15 2946元",
    "2945.15元2946元",
    // Separators not in groups of three, or in the fraction.
    "1234,567",
    "1,23",
    "1,2345元",
    "0,123",
    "01,234",
    ",123",
    "1,",
    "1.234,5",
    // Points without digits on both sides, two points.
    ".5",
    "5.",
    "5.万元",
    "1.2.3",
    // Spaces anywhere but one before the unit.
    "2945.15  万元",
    "2945.15 ",
    " 2945.15",
    "￥ 2945",
    "2 945元",
    "2945.15\t万元",
    "2945.15\u{2009}万元",
    // Signs and spreadsheet numbers.
    "+5元",
    "￥￥5",
    "5￥",
    "￥-5",
    "1e5",
    "1_000",
    "NaN",
    "Infinity",
    "二千九百四十五元",
];

/// How a generated amount is printed; the test prints it itself.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Printing {
    pub(crate) full_width: bool,
    pub(crate) separator: Option<char>,
    pub(crate) sign: Option<char>,
    pub(crate) space: Option<char>,
    /// The unit after the number: none, `元`, `万元`, `万`.
    pub(crate) suffix: &'static str,
}

pub(crate) fn printing() -> impl Strategy<Value = Printing> {
    (
        any::<bool>(),
        prop::option::of(prop::sample::select(vec![',', '，'])),
        prop::option::of(prop::sample::select(vec!['￥', '¥'])),
        prop::option::of(prop::sample::select(vec![' ', '\u{a0}', '\u{3000}'])),
        prop::sample::select(vec!["", "元", "万元", "万"]),
    )
        .prop_map(|(full_width, separator, sign, space, suffix)| Printing {
            full_width,
            separator,
            sign,
            space,
            suffix,
        })
}

/// The text of a number printed so, written out digit by digit.
pub(crate) fn print(mantissa: u128, scale: u32, p: Printing) -> String {
    let scale = usize::try_from(scale).unwrap();
    let mut digits = mantissa.to_string();
    while digits.len() <= scale {
        digits.insert(0, '0');
    }
    let (int, fraction) = digits.split_at(digits.len() - scale);
    let mut number = String::new();
    for (i, c) in int.chars().enumerate() {
        let left = int.len() - i;
        if i > 0 && left % 3 == 0 {
            number.extend(p.separator);
        }
        number.push(c);
    }
    if !fraction.is_empty() {
        number.push('.');
        number.push_str(fraction);
    }
    if p.full_width {
        number = number
            .chars()
            .map(|c| match c {
                '0'..='9' => {
                    char::from_u32(u32::from(c) - u32::from('0') + u32::from('０')).unwrap()
                }
                '.' => '．',
                c => c,
            })
            .collect();
    }
    let mut text: String = p.sign.into_iter().collect();
    text.push_str(&number);
    if !p.suffix.is_empty() {
        text.extend(p.space);
        text.push_str(p.suffix);
    }
    text
}

/// The unit a printing stands for.
pub(crate) fn unit_of(p: Printing) -> MoneyUnit {
    match (p.suffix, p.sign) {
        ("万元" | "万", _) => MoneyUnit::WanYuan,
        ("元", _) | ("", Some(_)) => MoneyUnit::Yuan,
        _ => MoneyUnit::Unstated,
    }
}

/// Any number a `Decimal` holds: up to 2^96 - 1 with up to 28 decimal places.
pub(crate) fn number() -> impl Strategy<Value = (u128, u32)> {
    let mantissa = prop_oneof![0u128..10_000, 0u128..10_000_000_000, 0u128..(1u128 << 96),];
    (mantissa, prop_oneof![0u32..5, 0u32..=28])
}

/// A printed amount: its text with the number and printing it came from.
pub(crate) fn printed() -> impl Strategy<Value = (String, u128, u32, Printing)> {
    (number(), printing()).prop_map(|((m, s), p)| (print(m, s, p), m, s, p))
}

/// Texts of characters that amounts are made of, most of them not amounts.
pub(crate) fn near_amount() -> impl Strategy<Value = String> {
    "[0-9０-９,，.．￥¥元万 \u{a0}\u{3000}\\-－+约]{0,10}"
}
