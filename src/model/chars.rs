//! Characters that have no place in a map's text or ids: control characters (but tab and
//! newline) and bidi overrides, which would drive a terminal or disguise text. Pure string
//! functions, below both the ids and the map.

/// Whether [`clean_text`] removes `c`: a C0 or C1 control character other than tab, newline
/// and carriage return (DEL included), or a bidi embedding, override or isolate character
/// (U+202A–U+202E, U+2066–U+2069).
pub fn is_unwanted_control(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r')
        && matches!(c, '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Removes control characters from user text in place: C0 and C1 controls other than tab and
/// newline, and the bidi embedding, override and isolate characters. Line breaks become `\n`
/// (CRLF becomes LF, a lone CR becomes LF). Returns how many characters were removed or
/// replaced; 0 means the text was already clean (and is untouched).
pub fn clean_text(text: &mut String) -> usize {
    if !text.chars().any(|c| c == '\r' || is_unwanted_control(c)) {
        return 0;
    }
    let mut changed = 0;
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            changed += 1;
            if chars.peek() != Some(&'\n') {
                out.push('\n');
            }
        } else if is_unwanted_control(c) {
            changed += 1;
        } else {
            out.push(c);
        }
    }
    *text = out;
    changed
}
