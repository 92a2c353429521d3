//! Positions in a file's text: bytes to 1-based lines and columns (in characters) and back, for
//! messages that point at the place.

/// Byte offset of a 1-based line and column (in characters), clamped to the text.
pub(super) fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    text[line_start..]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(i, _)| line_start + i)
}

/// 1-based line and column (in characters) just after `prefix`.
pub(super) fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_offset_inverts_line_col() {
        let text = "ab\ncđe\nf";
        for end in [0, 1, 3, 4, 6, 7, 9] {
            let (line, column) = line_col(&text.as_bytes()[..end]);
            assert_eq!(byte_offset(text, line, column), end, "{end}");
        }
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col(b""), (1, 1));
        assert_eq!(line_col("ab\ncđ".as_bytes()), (2, 3));
    }
}
