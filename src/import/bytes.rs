//! A page as bytes, as a crawler or a file gives it. Page text in UTF-8 (with or without a
//! byte-order mark) is imported; other text is refused with the place of the first byte
//! that is not UTF-8, never decoded by guess and never repaired. An HTML page declares its
//! charset, so it is decoded as a browser decodes it and read from its markup.

use std::fmt;

use thiserror::Error;

use super::{ImportError, Imported, import};

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xef\xbb\xbf";

/// Why page bytes cannot be imported.
///
/// ```
/// use ogi_report::{BytesError, import_bytes};
/// // "陆河" in GBK: its first two bytes happen to be UTF-8 (`½`), its third is not.
/// let err = import_bytes(b"\xc2\xbd\xba\xd3").unwrap_err();
/// assert_eq!(
///     err,
///     BytesError::NotUtf8 { byte: 2, line: 1, column: 2, found: 0xba, cut: false }
/// );
/// assert_eq!(
///     err.to_string(),
///     "line 1, column 2 (byte 2): byte 0xba is not UTF-8; decode the page (GBK, GB18030, \
///      UTF-16, ...) to UTF-8 before importing it"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum BytesError {
    /// The bytes are not UTF-8 (a GBK or GB18030 page, UTF-16, a binary file) or end in
    /// the middle of a character (a capture cut short).
    #[error("line {line}, column {column} (byte {byte}): {}", Why { found: *found, cut: *cut })]
    NotUtf8 {
        /// The 0-based offset of the first byte that is not UTF-8 (counted in the input,
        /// a byte-order mark included).
        byte: usize,
        /// The 1-based line it is on (lines end at `\n`, as the importer counts them).
        line: usize,
        /// Its 1-based column: the characters before it on its line, plus one.
        column: usize,
        /// The byte itself.
        found: u8,
        /// Whether the input ends inside the character that this byte starts (a text cut
        /// mid-character) rather than holding a byte sequence that is never UTF-8.
        cut: bool,
    },
    /// The text is UTF-8 but cannot be imported (see [`crate::import()`]).
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// What is wrong with the first byte that is not UTF-8.
struct Why {
    found: u8,
    cut: bool,
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = self.found;
        if self.cut {
            write!(
                f,
                "the text ends inside a UTF-8 character (byte {found:#04x})"
            )
        } else {
            write!(
                f,
                "byte {found:#04x} is not UTF-8; decode the page (GBK, GB18030, UTF-16, ...) to UTF-8 before importing it"
            )
        }
    }
}

/// Imports a page given as bytes: page text with [`crate::import()`] on the bytes read as
/// UTF-8, an HTML page (with the `html` feature, on by default) with
/// `import_html_bytes`, which decodes it as a browser does.
///
/// Page text must be UTF-8: a UTF-8 byte-order mark at the start is skipped, and nothing
/// else is decoded: page text in GBK or GB18030, in UTF-16, or cut in the middle of a
/// character is refused with the byte offset, line and column of the first byte that is
/// not UTF-8, so that the caller decodes it with the right encoding rather than the
/// importer reading garbled text or dropping bytes silently.
///
/// # Errors
/// [`BytesError::NotUtf8`] for bytes that are not UTF-8; [`BytesError::Import`] when the
/// text cannot be imported.
///
/// ```
/// use ogi_report::{AppealColumn, AppealGroup, BytesError, import_bytes};
/// let page = "\u{feff}某县人民政府2021年政府信息公开工作年度报告\n\
///             四、政府信息公开行政复议、行政诉讼情况\n\
///             结果维持 结果纠正 其他结果 尚未审结 总计\n\
///             1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n";
/// let imported = import_bytes(page.as_bytes())?;
/// assert_eq!(imported.report.body(), "某县人民政府");
/// assert_eq!(imported.report.appeals().get(AppealGroup::Review, AppealColumn::Total), Some(1));
///
/// // The same page cut inside 情, the 18th character of its second line.
/// let cut = &page.as_bytes()[..page.find("情况").unwrap_or(0) + 1];
/// let err = import_bytes(cut).unwrap_err();
/// assert!(matches!(err, BytesError::NotUtf8 { line: 2, column: 18, cut: true, .. }), "{err}");
/// # Ok::<(), BytesError>(())
/// ```
pub fn import_bytes(bytes: &[u8]) -> Result<Imported, BytesError> {
    #[cfg(feature = "html")]
    if is_markup(bytes) {
        return Ok(super::import_html_bytes(bytes)?);
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(body).map_err(|e| {
        let skipped = bytes.len() - body.len();
        not_utf8(body, e.valid_up_to(), e.error_len().is_none(), skipped)
    })?;
    Ok(import(text)?)
}

/// Whether page bytes are HTML markup: a UTF-16 byte-order mark, or (after a UTF-8 one
/// and ASCII white space) what [`super::markup::is_markup`] takes for markup.
#[cfg(feature = "html")]
fn is_markup(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return super::markup::is_markup(&super::html::decode(bytes).text);
    }
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    // The tag names are ASCII: the first bytes say, whatever the encoding.
    let head = body.get(start..).unwrap_or_default();
    let head = head.get(..head.len().min(16)).unwrap_or_default();
    super::markup::is_markup(&String::from_utf8_lossy(head))
}

/// The error for the first invalid byte at `at` of `body` (whose bytes before `at` are
/// UTF-8), `skipped` bytes into the input.
fn not_utf8(body: &[u8], at: usize, cut: bool, skipped: usize) -> BytesError {
    let (line, column) = line_and_column(body, at);
    BytesError::NotUtf8 {
        byte: skipped + at,
        line,
        column,
        found: body.get(at).copied().unwrap_or_default(),
        cut,
    }
}

/// The 1-based line (lines end at `\n`) and column (the characters before it on its line,
/// as the bytes read as UTF-8 with each malformed sequence one character, plus one) of
/// byte `at`.
pub(crate) fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = bytes.get(..at).unwrap_or(bytes);
    let line = before.split(|&b| b == b'\n').count();
    let start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(before.get(start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_the_first_invalid_byte() {
        let err = import_bytes(b"ab\ncd\xffe").unwrap_err();
        assert_eq!(
            err,
            BytesError::NotUtf8 {
                byte: 5,
                line: 2,
                column: 3,
                found: 0xff,
                cut: false
            }
        );
        let err = import_bytes(b"\xef\xbb\xbf\xe9\x99\x86\n\xe9\x99").unwrap_err();
        assert_eq!(
            err,
            BytesError::NotUtf8 {
                byte: 7,
                line: 2,
                column: 1,
                found: 0xe9,
                cut: true
            }
        );
        assert_eq!(
            err.to_string(),
            "line 2, column 1 (byte 7): the text ends inside a UTF-8 character (byte 0xe9)"
        );
    }

    #[test]
    fn utf8_goes_to_the_importer() {
        assert_eq!(
            import_bytes(b"hello").unwrap_err(),
            BytesError::Import(ImportError::NothingFound { lines: 1 })
        );
        assert_eq!(
            import_bytes(BOM).unwrap_err().to_string(),
            "lines 1-1: no section heading and no table found"
        );
    }
}
