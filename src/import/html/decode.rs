//! Page bytes to text: the encoding chosen as a browser chooses it without HTTP headers,
//! and every malformed sequence counted.

use std::borrow::Cow;

use encoding_rs::{
    DecoderResult, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED,
};

/// How far into the page a `<meta>` charset declaration is looked for. The HTML standard
/// says 1024 bytes; Chinese government pages often put long scripts and styles before
/// their `<meta>`, and browsers that find a later declaration reload the page with it.
pub(crate) const PRESCAN: usize = 4096;

/// A page decoded to text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Decoded<'a> {
    /// The text (borrowed when the bytes were UTF-8 already).
    pub(crate) text: Cow<'a, str>,
    /// The encoding used.
    pub(crate) encoding: &'static Encoding,
    /// Why that encoding.
    pub(crate) source: EncodingSource,
    /// Malformed byte sequences, each replaced by U+FFFD.
    pub(crate) replaced: usize,
}

/// Why an encoding was used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EncodingSource {
    /// A byte-order mark (skipped).
    Bom,
    /// A `<meta>` declared it.
    Declared {
        /// The label as the page wrote it (lowercased, as the standard reads it).
        label: String,
        /// The byte offset of the `<meta`.
        at: usize,
    },
    /// A `<meta>` declared another encoding, but the bytes are UTF-8 and hold non-ASCII
    /// text, which a page in a legacy encoding practically never does: read as UTF-8.
    Utf8NotDeclared {
        /// The label declared.
        label: String,
        /// The byte offset of the `<meta`.
        at: usize,
    },
    /// Nothing declared, and the bytes are UTF-8.
    Utf8,
    /// Nothing declared and not UTF-8: GB18030 (which reads GBK and GB2312) is a guess.
    Guessed,
}

/// Decodes page bytes (see the module docs of `html` for the order of the rules).
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        let (text, replaced) = decode_with(encoding, body);
        return Decoded {
            text,
            encoding,
            source: EncodingSource::Bom,
            replaced,
        };
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some((encoding, label, at)) = prescan(bytes.get(..PRESCAN).unwrap_or(bytes)) {
        if let (Some(text), false) = (utf8, encoding == UTF_8) {
            if !text.is_ascii() {
                return Decoded {
                    text: Cow::Borrowed(text),
                    encoding: UTF_8,
                    source: EncodingSource::Utf8NotDeclared { label, at },
                    replaced: 0,
                };
            }
        }
        let (text, replaced) = decode_with(encoding, bytes);
        return Decoded {
            text,
            encoding,
            source: EncodingSource::Declared { label, at },
            replaced,
        };
    }
    if let Some(text) = utf8 {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8,
            source: EncodingSource::Utf8,
            replaced: 0,
        };
    }
    let (text, replaced) = decode_with(GB18030, bytes);
    Decoded {
        text,
        encoding: GB18030,
        source: EncodingSource::Guessed,
        replaced,
    }
}

/// Decodes `bytes` (no byte-order mark handling), counting the replacements.
fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, usize) {
    if encoding == UTF_8 {
        if let Ok(text) = std::str::from_utf8(bytes) {
            return (Cow::Borrowed(text), 0);
        }
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let mut replaced = 0;
    let mut input = bytes;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(input, &mut out, true);
        input = input.get(read..).unwrap_or_default();
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::Malformed(_, _) => {
                out.push('\u{fffd}');
                replaced += 1;
            }
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(input.len())
                    .unwrap_or(input.len());
                out.reserve(more.max(16));
            }
        }
    }
    (Cow::Owned(out), replaced)
}

/// The HTML standard's prescan for a `<meta>` declaring the encoding: the encoding, the
/// label and the offset of the `<meta`.
fn prescan(head: &[u8]) -> Option<(&'static Encoding, String, usize)> {
    let mut i = 0;
    while i < head.len() {
        let rest = head.get(i..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            // To the end of the first `-->` after `<!` (`<!-->` is a whole comment).
            let after = i + 2;
            let end = find(head.get(after..).unwrap_or_default(), b"-->")?;
            i = after + end + 3;
            continue;
        }
        if starts_with_ci(rest, b"<meta") && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            let mut at = i + 5;
            if let Some(found) = meta(head, &mut at) {
                return Some((found.0, found.1, i));
            }
            i = at;
            continue;
        }
        let tag = match rest {
            [b'<', b'/', c, ..] | [b'<', c, ..] if c.is_ascii_alphabetic() => true,
            [b'<', b'!' | b'/' | b'?', ..] => false,
            _ => {
                i += 1;
                continue;
            }
        };
        if tag {
            // Past the tag name, then past its attributes.
            let mut at = i + 1;
            while head.get(at).is_some_and(|&b| !is_space(b) && b != b'>') {
                at += 1;
            }
            while attribute(head, &mut at).is_some() {}
            i = at + 1;
        } else {
            i += find(rest, b">")? + 1;
        }
    }
    None
}

/// The encoding a `<meta>` declares, its attributes starting at `at`.
fn meta(head: &[u8], at: &mut usize) -> Option<(&'static Encoding, String)> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut pragma = false;
    let mut need_pragma = None;
    let mut charset: Option<(&'static Encoding, String)> = None;
    while let Some((name, value)) = attribute(head, at) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => pragma |= value == b"content-type",
            b"content" if charset.is_none() => {
                if let Some(label) = charset_in_content(&value) {
                    if let Some(encoding) = Encoding::for_label(&label) {
                        charset = Some((encoding, String::from_utf8_lossy(&label).into_owned()));
                        need_pragma = Some(true);
                    }
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value)
                    .map(|e| (e, String::from_utf8_lossy(&value).into_owned()));
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    *at += 1;
    match need_pragma {
        None => None,
        Some(true) if !pragma => None,
        _ => charset.map(|(encoding, label)| {
            // The standard's overrides: a page that says UTF-16 in ASCII is not UTF-16.
            let encoding = if encoding == UTF_16BE || encoding == UTF_16LE {
                UTF_8
            } else if encoding == X_USER_DEFINED {
                WINDOWS_1252
            } else {
                encoding
            };
            (encoding, label)
        }),
    }
}

/// The HTML standard's "get an attribute" for the prescan: name and value lowercased;
/// `None` at the end of the tag (`at` is then on its `>` or past the end).
fn attribute(head: &[u8], at: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let byte = |i: usize| head.get(i).copied();
    while byte(*at).is_some_and(|b| is_space(b) || b == b'/') {
        *at += 1;
    }
    match byte(*at) {
        None | Some(b'>') => return None,
        _ => {}
    }
    let mut name = Vec::new();
    loop {
        match byte(*at)? {
            b'=' if !name.is_empty() => {
                *at += 1;
                break;
            }
            b if is_space(b) => {
                while byte(*at).is_some_and(is_space) {
                    *at += 1;
                }
                if byte(*at) != Some(b'=') {
                    return Some((name, Vec::new()));
                }
                *at += 1;
                break;
            }
            b'/' | b'>' => return Some((name, Vec::new())),
            b => {
                name.push(b.to_ascii_lowercase());
                *at += 1;
            }
        }
    }
    while byte(*at).is_some_and(is_space) {
        *at += 1;
    }
    let mut value = Vec::new();
    match byte(*at)? {
        quote @ (b'"' | b'\'') => {
            *at += 1;
            loop {
                let b = byte(*at)?;
                *at += 1;
                if b == quote {
                    return Some((name, value));
                }
                value.push(b.to_ascii_lowercase());
            }
        }
        b'>' => Some((name, value)),
        _ => {
            while let Some(b) = byte(*at).filter(|&b| !is_space(b) && b != b'>') {
                value.push(b.to_ascii_lowercase());
                *at += 1;
            }
            Some((name, value))
        }
    }
}

/// The HTML standard's "extract a character encoding from a meta element": the label after
/// `charset=` in a `content` value.
fn charset_in_content(content: &[u8]) -> Option<Vec<u8>> {
    let mut i = 0;
    loop {
        let found = find(content.get(i..)?, b"charset")?;
        i += found + 7;
        while content.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        if content.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while content.get(i).copied().is_some_and(is_space) {
            i += 1;
        }
        let rest = content.get(i..)?;
        let first = *rest.first()?;
        if first == b'"' || first == b'\'' {
            let inner = rest.get(1..)?;
            let end = inner.iter().position(|&b| b == first)?;
            return Some(inner.get(..end)?.to_vec());
        }
        let end = rest
            .iter()
            .position(|&b| is_space(b) || b == b';')
            .unwrap_or(rest.len());
        return Some(rest.get(..end).unwrap_or_default().to_vec());
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .get(..needle.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(needle))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_wins() {
        let decoded = decode(b"\xef\xbb\xbf<meta charset=gbk>\xe9\x99\x86");
        assert_eq!(decoded.source, EncodingSource::Bom);
        assert_eq!(decoded.encoding, UTF_8);
        assert_eq!(decoded.text, "<meta charset=gbk>陆");
        let decoded = decode(b"\xff\xfeA\x00");
        assert_eq!((decoded.encoding, &*decoded.text), (UTF_16LE, "A"));
    }

    #[test]
    fn gb2312_is_read_as_gbk() {
        // 陆河 in GBK: C2BD BAD3.
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>\xc2\xbd\xba\xd3</body>";
        let decoded = decode(page);
        assert_eq!(decoded.encoding, encoding_rs::GBK);
        assert_eq!(
            decoded.source,
            EncodingSource::Declared {
                label: "gb2312".into(),
                at: 12
            }
        );
        assert!(decoded.text.ends_with("<body>陆河</body>"));
        assert_eq!(decoded.replaced, 0);
    }

    #[test]
    fn declarations_are_found_as_the_standard_finds_them() {
        let found = |page: &[u8]| prescan(page).map(|(e, label, at)| (e.name(), label, at));
        assert_eq!(
            found(b"<META CHARSET='GBK'>"),
            Some(("GBK", "gbk".into(), 0))
        );
        // In a comment, or in a content attribute without http-equiv: not a declaration.
        assert_eq!(found(b"<!-- <meta charset=gbk> --><p>"), None);
        assert_eq!(found(b"<meta content=\"text/html; charset=gbk\">"), None);
        // Inside another tag's attribute: skipped with the tag.
        assert_eq!(found(b"<a title='<meta charset=gbk>'>"), None);
        assert_eq!(
            found(b"<meta content='text/html;charset=\"big5\"' http-equiv=content-type>"),
            Some(("Big5", "big5".into(), 0))
        );
        // UTF-16 declared in ASCII bytes is UTF-8; unknown labels are no declaration.
        assert_eq!(
            found(b"<meta charset=utf-16le>"),
            Some(("UTF-8", "utf-16le".into(), 0))
        );
        assert_eq!(found(b"<meta charset=klingon>"), None);
        assert_eq!(found(b"<!-->"), None);
        assert_eq!(found(b"<meta"), None);
    }

    #[test]
    fn undeclared_pages_are_utf8_or_a_gb18030_guess() {
        let decoded = decode("<p>陆河</p>".as_bytes());
        assert_eq!(decoded.source, EncodingSource::Utf8);
        assert!(matches!(decoded.text, Cow::Borrowed("<p>陆河</p>")));
        let decoded = decode(b"<p>\xc2\xbd\xba\xd3</p>");
        assert_eq!(
            (decoded.source, decoded.encoding),
            (EncodingSource::Guessed, GB18030)
        );
        assert_eq!(decoded.text, "<p>陆河</p>");
        assert_eq!(decoded.replaced, 0);
    }

    #[test]
    fn a_utf8_page_that_declares_gbk_is_read_as_utf8() {
        let page = "<meta charset=\"gb2312\"><p>陆河</p>";
        let decoded = decode(page.as_bytes());
        assert_eq!(decoded.text, page);
        assert_eq!(
            decoded.source,
            EncodingSource::Utf8NotDeclared {
                label: "gb2312".into(),
                at: 0
            }
        );
        // All ASCII: the declaration is followed.
        let decoded = decode(b"<meta charset=gbk><p>1</p>");
        assert!(matches!(decoded.source, EncodingSource::Declared { .. }));
    }

    #[test]
    fn malformed_sequences_are_counted() {
        let decoded = decode(b"<meta charset=utf-8>a\xffb\xe9\x99");
        assert_eq!(decoded.text, "<meta charset=utf-8>a\u{fffd}b\u{fffd}");
        assert_eq!(decoded.replaced, 2);
        // Binary bytes: whatever GB18030 makes of them, each bad sequence counted.
        let binary: Vec<u8> = (0..=255u8).cycle().take(2048).collect();
        let decoded = decode(&binary);
        assert_eq!(decoded.source, EncodingSource::Guessed);
        assert_eq!(decoded.replaced, decoded.text.matches('\u{fffd}').count());
        assert!(decoded.replaced > 0);
    }
}
