//! Text from the scanned project, made safe to show in a terminal or a CI
//! log. Paths, code, identifiers and literals quoted in messages, regex
//! patterns, lockfile and advisory texts all reach the report; none may move
//! the cursor, clear the screen, retitle the window, colour the report,
//! start a line of its own (a CI runner reads a line starting with `::` as a
//! command) or reorder what the reader sees (bidirectional overrides). Each
//! such character is written as an escape instead (`\x1b`, `\n`,
//! `\u{202e}`), so the reader sees that it is there. JSON and SARIF need none
//! of this: their encoders escape.

use std::borrow::Cow;
use std::sync::Arc;

/// The escape that shows `c`, for the characters that are not shown as
/// they are: C0 controls but tab, DEL, C1 controls, the line and paragraph
/// separators, and the bidirectional formatting characters.
fn escape_of(c: char) -> Option<String> {
    match c {
        '\t' => None,
        '\n' => Some("\\n".into()),
        '\r' => Some("\\r".into()),
        '\0'..='\u{1f}' | '\u{7f}' => Some(format!("\\x{:02x}", c as u32)),
        '\u{80}'..='\u{9f}'
        | '\u{61c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}' => Some(format!("\\u{{{:x}}}", c as u32)),
        _ => None,
    }
}

/// One line of text (a path, a message, a label): every character
/// `escape_of` names is escaped, line breaks too.
pub fn terminal_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| escape_of(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match escape_of(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A text of several lines that nodeward composed (each part taken from the
/// project already escaped): its own line breaks stay, anything else is
/// escaped.
pub fn terminal_lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && escape_of(c).is_some()) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for line in s.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        };
        out.push_str(&terminal_line(body));
        out.push_str(end);
    }
    Cow::Owned(out)
}

/// A path written at the start of a line (`path:line:col: …`): escaped,
/// and, if it would begin the line with `::` (spaces before it count: the
/// runner trims them), written `./path`.
pub fn line_start_path(path: &str) -> Cow<'_, str> {
    let p = terminal_line(path);
    if p.trim_start().starts_with("::") {
        Cow::Owned(format!("./{p}"))
    } else {
        p
    }
}

/// A source file shown as lines of code: escaped as `terminal_line` does,
/// but its line breaks (`\n`, `\r\n`) stay, with the map from byte offsets
/// in the source to byte offsets in the text shown, so that spans still
/// mark the same code.
#[derive(Debug)]
pub(crate) struct ShownSource {
    pub(crate) text: Arc<str>,
    /// Each escaped character: its start and end in the source, and the
    /// start and end of its escape in `text` (sorted).
    escapes: Vec<[u32; 4]>,
}

impl ShownSource {
    pub(crate) fn new(source: &Arc<str>) -> ShownSource {
        let bytes = source.as_bytes();
        let kept = |i: usize, c: char| c == '\n' || (c == '\r' && bytes.get(i + 1) == Some(&b'\n'));
        if !source
            .char_indices()
            .any(|(i, c)| !kept(i, c) && escape_of(c).is_some())
        {
            return ShownSource {
                text: Arc::clone(source),
                escapes: Vec::new(),
            };
        }
        let mut text = String::with_capacity(source.len() + 16);
        let mut escapes = Vec::new();
        for (i, c) in source.char_indices() {
            match escape_of(c).filter(|_| !kept(i, c)) {
                Some(e) => {
                    let start = text.len() as u32;
                    text.push_str(&e);
                    escapes.push([
                        i as u32,
                        (i + c.len_utf8()) as u32,
                        start,
                        text.len() as u32,
                    ]);
                }
                None => text.push(c),
            }
        }
        ShownSource {
            text: Arc::from(text),
            escapes,
        }
    }

    /// The offset in `text` of source offset `at` (a character boundary).
    pub(crate) fn shown(&self, at: u32) -> u32 {
        let i = self.escapes.partition_point(|e| e[0] < at);
        match i.checked_sub(1).map(|k| self.escapes[k]) {
            None => at,
            Some([_, end, start, shown_end]) => {
                if at >= end {
                    at - end + shown_end
                } else {
                    start
                }
            }
        }
    }

    /// The source offset of offset `at` of `text` (inside an escape: the
    /// escaped character's).
    pub(crate) fn source(&self, at: u32) -> u32 {
        let i = self.escapes.partition_point(|e| e[2] < at);
        match i.checked_sub(1).map(|k| self.escapes[k]) {
            None => at,
            Some([begin, end, _, shown_end]) => {
                if at >= shown_end {
                    at - shown_end + end
                } else {
                    begin
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_separators_and_bidi_are_shown_as_escapes() {
        let s = "a\u{1b}]0;x\u{7}b\r\n\tc\u{202E}d\u{85}\u{2028}\u{7f}";
        assert_eq!(
            terminal_line(s),
            "a\\x1b]0;x\\x07b\\r\\n\tc\\u{202e}d\\u{85}\\u{2028}\\x7f"
        );
        assert!(matches!(terminal_line("plain é"), Cow::Borrowed(_)));
        assert_eq!(terminal_lines("a\u{1b}\nb\n"), "a\\x1b\nb\n");
        assert!(matches!(terminal_lines("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_path_never_starts_a_line_with_a_runner_command() {
        assert_eq!(line_start_path("::warning::x.js"), "./::warning::x.js");
        assert_eq!(line_start_path("  ::x.js"), "./  ::x.js");
        assert_eq!(line_start_path("x\n::warning::y"), "x\\n::warning::y");
        assert_eq!(line_start_path("src/a::b.js"), "src/a::b.js");
    }

    #[test]
    fn shown_source_keeps_line_breaks_and_maps_spans_both_ways() {
        let src: Arc<str> = Arc::from("ab\u{1b}[2Jcd\r\nx\u{202e}y\rz");
        let s = ShownSource::new(&src);
        assert_eq!(&*s.text, "ab\\x1b[2Jcd\r\nx\\u{202e}y\\rz");
        // `cd`: after the escape.
        let c = src.find('c').unwrap() as u32;
        assert_eq!(&s.text[s.shown(c) as usize..][..2], "cd");
        // The escaped character itself: its whole escape.
        let esc = src.find('\u{1b}').unwrap() as u32;
        assert_eq!(
            &s.text[s.shown(esc) as usize..s.shown(esc + 1) as usize],
            "\\x1b"
        );
        let y = src.find('y').unwrap() as u32;
        assert_eq!(&s.text[s.shown(y) as usize..][..1], "y");
        // And back.
        for at in [0, c, esc, y, src.len() as u32] {
            assert_eq!(s.source(s.shown(at)), at);
        }
        let inside = s.shown(esc) + 2;
        assert_eq!(s.source(inside), esc);
        // Nothing to escape: the same text, no copy.
        let plain: Arc<str> = Arc::from("a\r\nb\n");
        assert!(Arc::ptr_eq(&ShownSource::new(&plain).text, &plain));
    }
}
