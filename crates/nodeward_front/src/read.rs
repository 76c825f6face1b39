//! Reading one source file: size cap, binary and encoding checks, and the
//! minified-code heuristic. Every refusal carries a [`SkipReason`] and a
//! message for the notice, so nothing is skipped silently.

use std::fs::File;
use std::io::Read;

use nodeward_report::SkipReason;

use crate::discover::{DiscoverOptions, SourcePath};

/// How much of the start of a file is searched for NUL bytes and control
/// characters to recognise binary data (the same window git and ripgrep use).
const BINARY_SNIFF: usize = 8 * 1024;

/// Minified: some line is at least this long …
const MINIFIED_LONGEST_LINE: usize = 5_000;
/// … and lines at least this long hold more than half of the file's bytes.
const MINIFIED_LONG_LINE: usize = 1_000;

/// The text an editor sends on standard input for one file
/// (`--stdin-filename`): read instead of that file's contents on disk, for
/// the whole run. Set once, by the CLI, before the analysis.
static STDIN_TEXT: std::sync::OnceLock<(std::path::PathBuf, String)> = std::sync::OnceLock::new();

/// Makes `text` the contents of the file at `path` (canonical) for this run.
pub fn set_stdin_text(path: std::path::PathBuf, text: String) -> Result<(), String> {
    STDIN_TEXT
        .set((path, text))
        .map_err(|_| "the standard-input text is already set".to_string())
}

/// The standard-input text, if `abs` is the file it stands for.
pub fn stdin_text_for(abs: &std::path::Path) -> Option<&'static str> {
    let (path, text) = STDIN_TEXT.get()?;
    let same = abs == path || std::fs::canonicalize(abs).is_ok_and(|c| &c == path);
    same.then_some(text.as_str())
}

/// Reads a file's text exactly as it is on disk: a byte order mark and line
/// endings are kept, so byte offsets in findings are offsets in the file.
///
/// Refuses, with the reason and a message for the notice:
/// - [`SkipReason::TooLarge`]: over the size limit (checked on the metadata
///   before reading, and again while reading in case the file grows);
/// - [`SkipReason::Binary`]: a NUL byte, or mostly control characters, in the
///   first 8 KiB;
/// - [`SkipReason::NotUtf8`]: not valid UTF-8 (the message gives the byte
///   offset), including UTF-16 text;
/// - [`SkipReason::Minified`]: looks minified (see [`looks_minified`]),
///   unless the file was named on the command line;
/// - [`SkipReason::Unreadable`]: not a regular file, or any I/O error.
pub fn read_source(
    path: &SourcePath,
    opts: &DiscoverOptions,
) -> Result<String, (SkipReason, String)> {
    let unreadable = |err: std::io::Error| (SkipReason::Unreadable, err.to_string());
    let limit = opts.size_limit(path.explicit);
    if let Some(text) = stdin_text_for(&path.abs) {
        return accept_text(text, path, opts);
    }
    let mut file = File::open(&path.abs).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err((SkipReason::Unreadable, "not a regular file".to_string()));
    }
    if meta.len() > limit {
        return Err(too_large(meta.len(), limit, path.explicit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    // One byte more than the limit tells a file that grew since the stat.
    file.by_ref()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64, limit, path.explicit));
    }
    let text = decode(bytes)?;
    if !path.explicit {
        if let Some(stats) = looks_minified(&text) {
            return Err(minified(&stats));
        }
    }
    Ok(text)
}

/// Text that does not come from the disk (standard input, a run held in
/// memory) as [`read_source`] would take it: refused over the size limit,
/// and when it looks minified unless named.
pub fn accept_text(
    text: &str,
    path: &SourcePath,
    opts: &DiscoverOptions,
) -> Result<String, (SkipReason, String)> {
    let limit = opts.size_limit(path.explicit);
    if text.len() as u64 > limit {
        return Err(too_large(text.len() as u64, limit, path.explicit));
    }
    if !path.explicit {
        if let Some(stats) = looks_minified(text) {
            return Err(minified(&stats));
        }
    }
    Ok(text.to_string())
}

fn minified(stats: &MinifiedStats) -> (SkipReason, String) {
    (
        SkipReason::Minified,
        format!(
            "looks minified ({} bytes on {} lines, the longest {} bytes); \
             name the file on the command line to analyse it anyway",
            stats.bytes, stats.lines, stats.longest
        ),
    )
}

/// The refusal for a file of `len` bytes over `limit`; tells how to get a
/// discovered file analysed anyway when naming it would be enough.
pub(crate) fn too_large(len: u64, limit: u64, explicit: bool) -> (SkipReason, String) {
    let hard = crate::discover::HARD_MAX_FILE_SIZE;
    let hint = if explicit || limit >= hard || len > hard {
        String::new()
    } else {
        format!(
            "; name the file on the command line to analyse it (up to {})",
            human_size(crate::discover::HARD_MAX_FILE_SIZE)
        )
    };
    (
        SkipReason::TooLarge,
        format!(
            "{} is over the size limit of {}{hint}",
            human_size(len),
            human_size(limit)
        ),
    )
}

/// `1.5 MiB`, `800 KiB`, `12 bytes`.
pub(crate) fn human_size(n: u64) -> String {
    const KIB: u64 = 1024;
    const MIB: u64 = 1024 * 1024;
    if n >= MIB {
        let tenths = (n * 10 + MIB / 2) / MIB;
        if tenths.is_multiple_of(10) {
            format!("{} MiB", tenths / 10)
        } else {
            format!("{}.{} MiB", tenths / 10, tenths % 10)
        }
    } else if n >= KIB {
        format!("{} KiB", (n + KIB / 2) / KIB)
    } else {
        format!("{n} bytes")
    }
}

/// Binary and encoding checks, then the text without any change.
fn decode(bytes: Vec<u8>) -> Result<String, (SkipReason, String)> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((
            SkipReason::NotUtf8,
            "UTF-16 text (byte order mark); only UTF-8 is read".to_string(),
        ));
    }
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if let Some(at) = head.iter().position(|&b| b == 0) {
        return Err((
            SkipReason::Binary,
            format!("binary data (a NUL byte at offset {at})"),
        ));
    }
    // Control characters other than tab, line feed, vertical tab, form feed,
    // carriage return and escape: more than one in ten means data, not text.
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, 0x09..=0x0D | 0x1B))
        .count();
    if controls * 10 > head.len() {
        return Err((
            SkipReason::Binary,
            "binary data (mostly control characters)".to_string(),
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        (
            SkipReason::NotUtf8,
            format!("not valid UTF-8 (at byte offset {at})"),
        )
    })
}

/// The measurements behind a "minified" verdict, for the notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinifiedStats {
    pub bytes: usize,
    pub lines: usize,
    pub longest: usize,
}

/// Whether a file looks minified (or bundled into a few huge lines).
///
/// The rule: some line is at least 5,000 bytes long, **and** lines of at
/// least 1,000 bytes hold more than half of the file's bytes. Minifiers put
/// whole modules on one line, so both hold for their output even with a
/// license header on top; hand-written code keeps lines under ~200 bytes,
/// and one long line (an embedded data URL, a long regex) in a normal file
/// is far from half of it, so a 2,000-line source file never counts. The
/// average line length alone would misjudge a short file with one long
/// line, and the longest line alone would misjudge a large file with one.
///
/// Findings in minified code point at one endless line nobody can fix, and
/// the code is a build output whose source (if it is in the project) is
/// analysed anyway; a file named explicitly is analysed regardless.
/// One pass over the bytes, no allocation.
pub fn looks_minified(text: &str) -> Option<MinifiedStats> {
    let bytes = text.as_bytes();
    if bytes.len() < MINIFIED_LONGEST_LINE {
        return None;
    }
    let (mut lines, mut longest, mut in_long_lines) = (0usize, 0usize, 0usize);
    for line in bytes.split(|&b| b == b'\n') {
        lines += 1;
        longest = longest.max(line.len());
        if line.len() >= MINIFIED_LONG_LINE {
            in_long_lines += line.len();
        }
    }
    if bytes.ends_with(b"\n") {
        // The empty piece after the last line break is not a line.
        lines -= 1;
    }
    let minified = longest >= MINIFIED_LONGEST_LINE && in_long_lines * 2 > bytes.len();
    minified.then_some(MinifiedStats {
        bytes: bytes.len(),
        lines,
        longest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_sizes() {
        assert_eq!(human_size(12), "12 bytes");
        assert_eq!(human_size(2048), "2 KiB");
        assert_eq!(human_size(1024 * 1024), "1 MiB");
        assert_eq!(human_size(1024 * 1024 * 3 / 2), "1.5 MiB");
    }

    #[test]
    fn minified_heuristic() {
        // A normal 2,000-line file, even with one very long line in it.
        let mut normal = "const value = compute(input, options); // a comment\n".repeat(2000);
        assert_eq!(looks_minified(&normal), None);
        normal.push_str(&format!("const DATA = '{}';\n", "A".repeat(20_000)));
        assert_eq!(looks_minified(&normal), None);
        // One bundle line under a license header.
        let bundle = format!(
            "/*! lib v1 | MIT */\n{}\n",
            "var a=function(b){return b+1};".repeat(2000)
        );
        let stats = looks_minified(&bundle).expect("minified");
        assert_eq!(stats.lines, 2);
        // Many 1,200-byte lines with one over 5,000.
        let wide = format!("{}{}\n", "x=1;".repeat(300) + "\n", "y=2;".repeat(1500)).repeat(20);
        assert!(looks_minified(&wide).is_some());
        // Short files are never minified.
        assert_eq!(looks_minified(&"a;".repeat(2000)), None);
    }

    #[test]
    fn decode_checks() {
        assert_eq!(decode(b"let a = 1;\n".to_vec()).unwrap(), "let a = 1;\n");
        // The BOM is kept: offsets must match the file.
        assert_eq!(decode(b"\xEF\xBB\xBFx".to_vec()).unwrap(), "\u{FEFF}x");
        assert_eq!(decode(b"a\0b".to_vec()).unwrap_err().0, SkipReason::Binary);
        assert_eq!(
            decode(vec![1, 2, 3, 4, 5, b'a']).unwrap_err().0,
            SkipReason::Binary
        );
        let err = decode(b"ok \xE9t\xE9".to_vec()).unwrap_err();
        assert_eq!(err.0, SkipReason::NotUtf8);
        assert!(err.1.contains("offset 3"), "{}", err.1);
        assert_eq!(
            decode(b"\xFF\xFEa\0".to_vec()).unwrap_err().0,
            SkipReason::NotUtf8
        );
    }
}
