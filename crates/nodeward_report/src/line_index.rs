//! Byte offsets to lines and columns, computed only when output needs them.
//!
//! Spans are UTF-8 byte offsets. Readers want 1-based lines and columns; SARIF
//! wants columns in UTF-16 code units (the run's `columnKind`), the terminal in
//! characters. A leading byte-order mark is not part of any line's text (SARIF
//! §3.30: text properties must not depend on a BOM), so columns on line 1 start
//! after it.
//!
//! Line breaks are LF, CRLF and a lone CR: the newline sequences of SARIF's
//! text regions, and what GitHub folds to LF when it hashes lines.

use serde::Serialize;

use crate::finding::Span;

const BOM: &str = "\u{feff}";

/// A 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column counted in Unicode scalar values (characters).
    pub column: u32,
    /// 1-based column counted in UTF-16 code units (SARIF `utf16CodeUnits`,
    /// GitHub annotations, JavaScript string indices).
    pub utf16_column: u32,
}

/// Where each line of one text starts. Holds no text: the methods that need
/// columns take the same text the index was built from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the first byte of each line; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
    /// Bytes of BOM at the start of the text (0 or 3).
    bom_len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(offset_u32(i + 1)),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    line_starts.push(offset_u32(i + 2));
                    i += 1;
                }
                b'\r' => line_starts.push(offset_u32(i + 1)),
                _ => {}
            }
            i += 1;
        }
        let bom_len = if text.starts_with(BOM) {
            BOM.len() as u32
        } else {
            0
        };
        LineIndex {
            line_starts,
            bom_len,
        }
    }

    /// Number of lines (a text ending in a newline has an empty last line).
    pub fn line_count(&self) -> u32 {
        self.line_starts.len() as u32
    }

    /// The 1-based line holding `offset`. Offsets past the end are on the last line.
    pub fn line_of(&self, offset: u32) -> u32 {
        // partition_point gives the number of line starts <= offset, which is
        // the 1-based number of the line that contains it.
        self.line_starts.partition_point(|&start| start <= offset) as u32
    }

    /// Byte offset where a 1-based line starts (the first line for 0, the end
    /// of the last line start for lines past the end).
    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line.max(1) - 1) as usize;
        self.line_starts[i.min(self.line_starts.len() - 1)]
    }

    /// The text of a 1-based line, without its line break (and without the BOM on line 1).
    pub fn line_text<'t>(&self, text: &'t str, line: u32) -> &'t str {
        let i = (line.max(1) - 1) as usize;
        if i >= self.line_starts.len() {
            return "";
        }
        let mut start = self.line_starts[i] as usize;
        if i == 0 {
            start = self.bom_len as usize;
        }
        let end = self
            .line_starts
            .get(i + 1)
            .map_or(text.len(), |&e| e as usize);
        let line_text = text.get(start.min(end)..end).unwrap_or("");
        line_text.trim_end_matches(['\n', '\r'])
    }

    /// The position of the character starting at `offset`. An offset past the
    /// end is clamped to the end, one inside a character is moved back to its
    /// start, one inside the BOM is column 1.
    pub fn position(&self, text: &str, offset: u32) -> Position {
        let offset = floor_char_boundary(text, offset);
        let line = self.line_of(offset);
        let mut line_start = self.line_start(line) as usize;
        if line == 1 {
            line_start = line_start.max(self.bom_len as usize);
        }
        let before = text
            .get(line_start.min(offset as usize)..offset as usize)
            .unwrap_or("");
        let chars = before.chars().count() as u32;
        let utf16 = before.chars().map(|c| c.len_utf16() as u32).sum::<u32>();
        Position {
            line,
            column: chars + 1,
            utf16_column: utf16 + 1,
        }
    }

    /// The end-exclusive end position of `span` (SARIF §3.30): the column just
    /// after its last character. A span whose last character is a line break
    /// ends on the line of that break, one column past that line's last character,
    /// never on the next line; a span is never reported to end before it starts.
    pub fn end_position(&self, text: &str, span: Span) -> Position {
        let start = floor_char_boundary(text, span.start);
        let mut end = floor_char_boundary(text, span.end).max(start);
        let bytes = text.as_bytes();
        if end > start && bytes[end as usize - 1] == b'\n' {
            end -= 1;
            if end > start && bytes[end as usize - 1] == b'\r' {
                end -= 1;
            }
        } else if end > start && bytes[end as usize - 1] == b'\r' {
            end -= 1;
        }
        self.position(text, end)
    }

    /// Start and end-exclusive end of `span`.
    pub fn range(&self, text: &str, span: Span) -> (Position, Position) {
        (
            self.position(text, span.start),
            self.end_position(text, span),
        )
    }
}

/// A text with its line index, for code that looks up many spans in one file.
#[derive(Debug, Clone)]
pub struct SourceLines<'t> {
    pub text: &'t str,
    pub index: LineIndex,
}

impl<'t> SourceLines<'t> {
    pub fn new(text: &'t str) -> SourceLines<'t> {
        SourceLines {
            text,
            index: LineIndex::new(text),
        }
    }

    pub fn position(&self, offset: u32) -> Position {
        self.index.position(self.text, offset)
    }

    pub fn range(&self, span: Span) -> (Position, Position) {
        self.index.range(self.text, span)
    }

    pub fn line_of(&self, offset: u32) -> u32 {
        self.index.line_of(offset)
    }
}

/// The largest char boundary at or below `offset`, clamped to the text.
fn floor_char_boundary(text: &str, offset: u32) -> u32 {
    let mut i = (offset as usize).min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i as u32
}

fn offset_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(text: &str, start: usize, end: usize) -> ((u32, u32, u32), (u32, u32, u32)) {
        let index = LineIndex::new(text);
        let (s, e) = index.range(text, Span::new(start as u32, end as u32));
        (
            (s.line, s.column, s.utf16_column),
            (e.line, e.column, e.utf16_column),
        )
    }

    fn find(text: &str, needle: &str) -> (usize, usize) {
        let start = text.find(needle).unwrap();
        (start, start + needle.len())
    }

    #[test]
    fn ascii_positions_are_one_based() {
        let text = "let a = 1;\nlet b = req.query;\n";
        let (s, e) = find(text, "req.query");
        assert_eq!(range(text, s, e), ((2, 9, 9), (2, 18, 18)));
        assert_eq!(range(text, 0, 3), ((1, 1, 1), (1, 4, 4)));
    }

    #[test]
    fn emoji_before_a_span_counts_two_utf16_units_and_one_char() {
        // "😀" is 4 bytes, 1 char, 2 UTF-16 code units (a surrogate pair).
        let text = "const s = \"😀\"; eval(x);";
        let (s, e) = find(text, "eval(x)");
        assert_eq!(range(text, s, e), ((1, 16, 17), (1, 23, 24)));
    }

    #[test]
    fn accented_letter_before_a_span_counts_one_unit() {
        // "é" is 2 bytes, 1 char, 1 UTF-16 code unit.
        let text = "// café\nconst q = \"é\" + id;";
        let (s, e) = find(text, "id");
        assert_eq!(range(text, s, e), ((2, 17, 17), (2, 19, 19)));
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}eval(x);\nfoo();";
        let (s, e) = find(text, "eval");
        assert_eq!(range(text, s, e), ((1, 1, 1), (1, 5, 5)));
        // An offset inside the BOM is column 1 as well.
        assert_eq!(range(text, 1, 1).0, (1, 1, 1));
        let index = LineIndex::new(text);
        assert_eq!(index.line_text(text, 1), "eval(x);");
        let (s, _) = find(text, "foo");
        assert_eq!(range(text, s, s + 3).0, (2, 1, 1));
    }

    #[test]
    fn span_ending_after_a_newline_ends_on_the_previous_line() {
        let text = "abc\ndef\n";
        // The whole first line including its "\n".
        assert_eq!(range(text, 0, 4), ((1, 1, 1), (1, 4, 4)));
        // Two whole lines.
        assert_eq!(range(text, 0, 8), ((1, 1, 1), (2, 4, 4)));
        // The same with CRLF.
        let text = "abc\r\ndef\r\n";
        assert_eq!(range(text, 0, 5), ((1, 1, 1), (1, 4, 4)));
        assert_eq!(range(text, 0, 10), ((1, 1, 1), (2, 4, 4)));
    }

    #[test]
    fn multi_line_span() {
        let text = "db.find({\n  name: req.query.name,\n});\n";
        let (s, _) = find(text, "{");
        let (_, e) = find(text, "}");
        assert_eq!(range(text, s, e), ((1, 9, 9), (3, 2, 2)));
    }

    #[test]
    fn empty_span_and_a_span_of_only_a_newline() {
        let text = "ab\ncd";
        assert_eq!(range(text, 1, 1), ((1, 2, 2), (1, 2, 2)));
        // Only the "\n": it ends where it starts, never before.
        assert_eq!(range(text, 2, 3), ((1, 3, 3), (1, 3, 3)));
    }

    #[test]
    fn line_breaks_cr_crlf_lf() {
        let text = "a\rb\r\nc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_text(text, 1), "a");
        assert_eq!(index.line_text(text, 2), "b");
        assert_eq!(index.line_text(text, 3), "c");
        assert_eq!(index.line_text(text, 4), "d");
        assert_eq!(index.line_of(text.find('d').unwrap() as u32), 4);
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_char_are_clamped() {
        let text = "é";
        assert_eq!(range(text, 1, 99), ((1, 1, 1), (1, 2, 2)));
        assert_eq!(range("", 5, 9), ((1, 1, 1), (1, 1, 1)));
    }
}
