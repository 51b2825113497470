//! XML text and attribute escaping for the feed.
//!
//! The five markup characters are escaped by `quick_xml::escape::escape` (`&amp;`, `&lt;`,
//! `&gt;`, `&quot;`, `&apos;`, and `\r` as `&#13;`). Before that, the characters XML 1.0 does
//! not allow, and which YML forbids (ASCII 0–31 except tab, line feed and carriage return), are
//! removed, with U+FFFE and U+FFFF. In attributes, tab and line feed are written as character
//! references so that a parser's attribute-value normalisation does not turn them into spaces.

use std::borrow::Cow;

/// True for a character XML 1.0 cannot carry (and YML forbids).
pub(crate) fn forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// The text without the characters XML cannot carry; borrowed when there were none.
pub(crate) fn strip_forbidden(raw: &str) -> Cow<'_, str> {
    let clean = raw
        .bytes()
        .all(|b| b >= b' ' || matches!(b, b'\t' | b'\n' | b'\r'))
        && !raw.contains(['\u{FFFE}', '\u{FFFF}']);
    if clean {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(raw.chars().filter(|&c| !forbidden(c)).collect())
    }
}

/// Appends `raw` as element text.
pub(crate) fn push_text(out: &mut String, raw: &str) {
    let stripped = strip_forbidden(raw);
    out.push_str(&quick_xml::escape::escape(stripped.as_ref()));
}

/// Appends `raw` as a double-quoted attribute value (without the quotes).
pub(crate) fn push_attr(out: &mut String, raw: &str) {
    let stripped = strip_forbidden(raw);
    let escaped = quick_xml::escape::escape(stripped.as_ref());
    if escaped.contains(['\t', '\n']) {
        for c in escaped.chars() {
            match c {
                '\t' => out.push_str("&#9;"),
                '\n' => out.push_str("&#10;"),
                c => out.push(c),
            }
        }
    } else {
        out.push_str(&escaped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped_and_controls_removed() {
        let mut s = String::new();
        push_text(&mut s, "a&b<c>d\"e'f\u{1}\u{1f}g\th\ni\rj\u{FFFF}");
        assert_eq!(s, "a&amp;b&lt;c&gt;d&quot;e&apos;fg\th\ni&#13;j");
        let mut a = String::new();
        push_attr(&mut a, "x\ty\nz\u{0}\"");
        assert_eq!(a, "x&#9;y&#10;z&quot;");
        assert!(matches!(strip_forbidden("plain"), Cow::Borrowed(_)));
    }
}
