//! Page text as bytes (`import_bytes`): UTF-8 with or without a byte-order mark is
//! imported exactly as the same text is; anything else (a page cut inside a character,
//! GBK, UTF-16) is an error naming the byte, the line and the column of the first byte
//! that is not UTF-8. Nothing is decoded by guess or repaired.

use ogi_report::{BytesError, ImportError, import, import_bytes};
use proptest::prelude::*;

use crate::support::config;

use crate::support::luhe;

/// Where the character starting at byte `at` of `text` is: (1-based line, 1-based column
/// in characters), computed with `str` methods rather than the library's byte counting.
fn place(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

fn not_utf8(err: &BytesError) -> (usize, usize, usize, u8, bool) {
    match *err {
        BytesError::NotUtf8 {
            byte,
            line,
            column,
            found,
            cut,
        } => (byte, line, column, found, cut),
        ref e => panic!("expected NotUtf8, got {e:?}"),
    }
}

#[test]
fn utf8_bytes_import_as_the_text_does() {
    let seed = luhe::PAGE;
    assert_eq!(import_bytes(seed.as_bytes()), Ok(import(seed).unwrap()));
    let with_bom = [b"\xef\xbb\xbf", seed.as_bytes()].concat();
    assert_eq!(import_bytes(&with_bom), Ok(import(seed).unwrap()));
    assert_eq!(
        import_bytes(b""),
        Err(BytesError::Import(ImportError::NothingFound { lines: 1 }))
    );
    assert_eq!(
        import_bytes(b"\xef\xbb\xbf"),
        Err(BytesError::Import(ImportError::NothingFound { lines: 1 }))
    );
    // The wrapped error is shown as it is, and its source is the wrapped one's.
    let err =
        import_bytes("某县2018年政府信息公开工作年度报告\n一、总体情况\n".as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1: report year 2018 is before 2019, the first year of either edition"
    );
    assert!(std::error::Error::source(&err).is_none());
}

/// The seed cut at every byte inside a multi-byte character: an error at the character's
/// first byte, never a text shortened silently.
#[test]
fn the_seed_cut_inside_every_character_is_an_error_at_that_character() {
    let seed = luhe::PAGE;
    let bytes = seed.as_bytes();
    let mut cuts = 0;
    for (start, c) in seed.char_indices().filter(|(_, c)| c.len_utf8() > 1) {
        let (line, column) = place(seed, start);
        for end in start + 1..start + c.len_utf8() {
            let err = import_bytes(&bytes[..end]).unwrap_err();
            assert_eq!(
                not_utf8(&err),
                (start, line, column, bytes[start], true),
                "cut at byte {end}"
            );
            cuts += 1;
        }
    }
    assert!(cuts > 5000, "{cuts}");
    // With a byte-order mark, the offset counts it; the line and column do not.
    let with_bom = [b"\xef\xbb\xbf", bytes].concat();
    let at = seed.find('陆').unwrap();
    let err = import_bytes(&with_bom[..at + 3 + 2]).unwrap_err();
    assert_eq!(not_utf8(&err), (at + 3, 1, 1, 0xe9, true));
    assert_eq!(
        err.to_string(),
        "line 1, column 1 (byte 3): the text ends inside a UTF-8 character (byte 0xe9)"
    );
}

/// A character broken inside the text (a byte lost, a byte changed): an error at the
/// broken character, not at the end of the text.
#[test]
fn a_broken_character_inside_the_text_is_an_error_at_it() {
    let seed = luhe::PAGE;
    for (start, c) in seed
        .char_indices()
        .filter(|(_, c)| c.len_utf8() > 1)
        .step_by(7)
    {
        let (line, column) = place(seed, start);
        // Its last byte lost: the next character's first byte cannot continue it.
        let mut lost = seed.as_bytes().to_vec();
        lost.remove(start + c.len_utf8() - 1);
        if start + c.len_utf8() < seed.len() {
            let (byte, l, col, found, cut) = not_utf8(&import_bytes(&lost).unwrap_err());
            assert_eq!(
                (byte, l, col, found, cut),
                (start, line, column, lost[start], false)
            );
        }
        // Its first byte made a continuation byte.
        let mut changed = seed.as_bytes().to_vec();
        changed[start] = 0x80;
        let err = import_bytes(&changed).unwrap_err();
        assert_eq!(not_utf8(&err), (start, line, column, 0x80, false));
    }
}

#[test]
fn a_gbk_page_is_refused_where_it_stops_being_utf8() {
    // "陆河县2020年度政府信息公开工作年度报告\n一、总体情况\n" in GBK, as many pages are served.
    let gbk: &[u8] = b"\xc2\xbd\xba\xd3\xcf\xd82020\xc4\xea\xb6\xc8\xd5\xfe\xb8\xae\xd0\xc5\
        \xcf\xa2\xb9\xab\xbf\xaa\xb9\xa4\xd7\xf7\xc4\xea\xb6\xc8\xb1\xa8\xb8\xe6\n\
        \xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6\n";
    // 陆 is C2 BD in GBK, which is also the UTF-8 of `½`: the first byte that is not UTF-8
    // is the third, in column 2.
    let err = import_bytes(gbk).unwrap_err();
    assert_eq!(not_utf8(&err), (2, 1, 2, 0xba, false));
    assert_eq!(
        err.to_string(),
        "line 1, column 2 (byte 2): byte 0xba is not UTF-8; decode the page (GBK, GB18030, \
         UTF-16, ...) to UTF-8 before importing it"
    );
    // A UTF-8 page with one GBK line pasted in (its second line).
    let mixed = [
        "陆河县2020年度政府信息公开工作年度报告\n".as_bytes(),
        b"\xd2\xbb\xa1\xa2\xd7\xdc\xcc\xe5\xc7\xe9\xbf\xf6\n",
    ]
    .concat();
    let err = import_bytes(&mixed).unwrap_err();
    // 一 is D2 BB in GBK, also UTF-8 (`һ`): 、 (A1 A2) is where it stops being UTF-8.
    let line_two = "陆河县2020年度政府信息公开工作年度报告\n".len();
    assert_eq!(not_utf8(&err), (line_two + 2, 2, 2, 0xa1, false));
}

#[test]
fn utf16_and_other_byte_order_marks_are_refused() {
    let little: Vec<u8> = "\u{feff}一、总体情况\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(
        not_utf8(&import_bytes(&little).unwrap_err()),
        (0, 1, 1, 0xff, false)
    );
    let big: Vec<u8> = "\u{feff}一、总体情况\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    assert_eq!(
        not_utf8(&import_bytes(&big).unwrap_err()),
        (0, 1, 1, 0xfe, false)
    );
    // A byte-order mark cut short is not one.
    assert_eq!(
        not_utf8(&import_bytes(b"\xef\xbb").unwrap_err()),
        (0, 1, 1, 0xef, true)
    );
    // Surrogates and over-long forms are not UTF-8 either.
    for (bad, at) in [
        (&b"ab\xed\xa0\x80"[..], 2),
        (b"\xc0\xaf", 0),
        (b"x\xf4\x90\x80\x80", 1),
    ] {
        let (byte, ..) = not_utf8(&import_bytes(bad).unwrap_err());
        assert_eq!(byte, at, "{bad:?}");
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_bytes_import_or_name_the_first_bad_byte(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let body = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        let skipped = bytes.len() - body.len();
        match (std::str::from_utf8(body), import_bytes(&bytes)) {
            (Ok(text), Ok(imported)) => prop_assert_eq!(import(text), Ok(imported)),
            (Ok(text), Err(BytesError::Import(e))) => prop_assert_eq!(import(text).unwrap_err(), e),
            (Err(e), Err(BytesError::NotUtf8 { byte, found, cut, .. })) => {
                prop_assert_eq!(byte, skipped + e.valid_up_to());
                prop_assert_eq!(found, body[e.valid_up_to()]);
                prop_assert_eq!(cut, e.error_len().is_none());
            }
            (utf8, result) => prop_assert!(false, "from_utf8 {:?}, import_bytes {:?}", utf8, result),
        }
    }

    #[test]
    fn the_seed_with_one_byte_changed_imports_or_names_that_character(
        at in 0usize..9451,
        byte in 0x80u8..=0xff,
    ) {
        let seed = luhe::PAGE;
        let mut bytes = seed.as_bytes().to_vec();
        let at = at % bytes.len();
        bytes[at] = byte;
        match import_bytes(&bytes) {
            Ok(_) | Err(BytesError::Import(_)) => prop_assert!(std::str::from_utf8(&bytes).is_ok()),
            Err(BytesError::NotUtf8 { byte: bad, line, column, .. }) => {
                // Inside the character the changed byte belongs to (a new lead byte may
                // take the bytes after it as its own, and fail a byte or two later).
                let start = (0..=at).rev().find(|&i| seed.is_char_boundary(i)).unwrap_or(0);
                let end = (at + 1..=seed.len()).find(|&i| seed.is_char_boundary(i)).unwrap_or(seed.len());
                prop_assert!((start..end).contains(&bad), "bad {} changed {} in {}..{}", bad, at, start, end);
                let valid = std::str::from_utf8(&bytes[..bad]).unwrap();
                prop_assert_eq!((line, column), place(valid, bad));
            }
            Err(e) => prop_assert!(false, "{}", e),
        }
    }
}
