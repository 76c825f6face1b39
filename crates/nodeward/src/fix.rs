//! `--fix` and `--diff`: edits for the findings whose fix is mechanical and
//! safe. Today that is `x-powered-by`: `app.disable('x-powered-by');` on the
//! line after the statement that creates the app, when that statement is a
//! one-line assignment (`const app = express();`, `this.app = express();`).
//! Anything else (the app created inside a call, a chain, several
//! statements on the line) is left to the reader, with the finding's help.

use std::collections::BTreeMap;

use nodeward_report::{Finding, RunReport};

/// Text inserted at a byte offset of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub at: usize,
    pub text: String,
}

/// The edits for the findings of `report`, by path (sorted, one per
/// finding that has one), and the indices of those findings.
pub fn edits(report: &RunReport) -> (BTreeMap<String, Vec<Edit>>, Vec<usize>) {
    let mut by_path: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    let mut fixed = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        let Some(text) = report.sources.get(&f.path) else {
            continue;
        };
        if let Some(e) = edit_for(f, text) {
            let list = by_path.entry(f.path.clone()).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
            fixed.push(i);
        }
    }
    for list in by_path.values_mut() {
        list.sort_by_key(|e| e.at);
    }
    (by_path, fixed)
}

fn edit_for(f: &Finding, text: &str) -> Option<Edit> {
    match f.rule_id {
        "x-powered-by" => disable_powered_by(text, f.span.start as usize, f.span.end as usize),
        _ => None,
    }
}

/// `const app = express();` → the same line, then `app.disable('x-powered-by');`.
fn disable_powered_by(text: &str, start: usize, end: usize) -> Option<Edit> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = &text[line_start..start];
    let after = text[end..line_end].trim_end();
    // The creation ends the statement: `;`, or nothing (no semicolons),
    // and a trailing comment at most.
    let after = after.split("//").next().unwrap_or("").trim_end();
    if !(after.is_empty() || after == ";") {
        return None;
    }
    let indent: String = before.chars().take_while(|c| c.is_whitespace()).collect();
    let name = assigned_name(before.trim_start())?;
    let semi = if after == ";" { ";" } else { "" };
    Some(Edit {
        at: line_end,
        text: format!("\n{indent}{name}.disable('x-powered-by'){semi}"),
    })
}

/// `const app = `, `let server =`, `this.app = ` → the name assigned.
fn assigned_name(before: &str) -> Option<&str> {
    let lhs = before.trim_end().strip_suffix('=')?.trim_end();
    let lhs = ["const ", "let ", "var "]
        .iter()
        .find_map(|k| lhs.strip_prefix(k))
        .unwrap_or(lhs)
        .trim();
    // A TypeScript annotation: `const app: Express = express();`.
    let lhs = lhs.split(':').next().unwrap_or(lhs).trim();
    let ok = !lhs.is_empty()
        && lhs.split('.').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        })
        && !lhs.starts_with(|c: char| c.is_ascii_digit());
    ok.then_some(lhs)
}

/// `text` with `edits` applied (sorted by offset).
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for e in edits {
        out.push_str(&text[last..e.at]);
        out.push_str(&e.text);
        last = e.at;
    }
    out.push_str(&text[last..]);
    out
}

/// A unified diff of the insertions `edits` make in `old`, for `path`
/// (three lines of context), as `git diff` prints it. Each edit inserts
/// whole lines at the end of a line, so the diff follows from the edits.
pub fn unified_diff(path: &str, old: &str, edits: &[Edit]) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    // (kind, old line index, new line index, text): ' ' or '+'.
    let mut ops: Vec<(char, usize, usize, String)> = Vec::new();
    let mut offset = 0;
    let mut next = edits.iter().peekable();
    let mut added = 0;
    for (i, line) in a.iter().enumerate() {
        let end = offset + line.trim_end_matches('\n').len();
        ops.push((' ', i, i + added, line.to_string()));
        while let Some(e) = next.next_if(|e| e.at == end) {
            // The edit's text starts with the line break it adds.
            for l in e.text.trim_start_matches('\n').split('\n') {
                added += 1;
                let last = ops.last_mut().expect("a line was pushed");
                if !last.3.ends_with('\n') {
                    last.3.push('\n');
                }
                ops.push(('+', i + 1, i + added, format!("{l}\n")));
            }
        }
        offset += line.len();
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    let changed: Vec<usize> = (0..ops.len()).filter(|&k| ops[k].0 != ' ').collect();
    let mut k = 0;
    while k < changed.len() {
        let first = changed[k].saturating_sub(3);
        let mut last = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= last + 7 {
            k += 1;
            last = changed[k];
        }
        let last = (last + 3).min(ops.len() - 1);
        let hunk = &ops[first..=last];
        let old_len = hunk.iter().filter(|o| o.0 != '+').count();
        let new_len = hunk.len();
        out.push_str(&format!(
            "@@ -{},{old_len} +{},{new_len} @@\n",
            hunk[0].1 + 1,
            hunk[0].2 + 1
        ));
        for (kind, _, _, line) in hunk {
            out.push(*kind);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(src: &str) -> Option<String> {
        let start = src.find("express()")?;
        let e = disable_powered_by(src, start, start + "express()".len())?;
        Some(apply(src, &[e]))
    }

    #[test]
    fn inserts_the_switch_after_a_one_line_creation() {
        assert_eq!(
            fixed("const app = express();\napp.listen(3000);\n").unwrap(),
            "const app = express();\napp.disable('x-powered-by');\napp.listen(3000);\n"
        );
        assert_eq!(
            fixed("  this.server = express() // the app\n").unwrap(),
            "  this.server = express() // the app\n  this.server.disable('x-powered-by')\n"
        );
        assert_eq!(
            fixed("const app: Express = express();").unwrap(),
            "const app: Express = express();\napp.disable('x-powered-by');"
        );
    }

    #[test]
    fn leaves_anything_else_alone() {
        assert_eq!(fixed("module.exports = wrap(express());\n"), None);
        assert_eq!(fixed("const app = express(); app.use(x);\n"), None);
        assert_eq!(fixed("start(express());\n"), None);
        assert_eq!(fixed("const app = express().use(x);\n"), None);
    }

    #[test]
    fn the_diff_shows_the_inserted_line_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let edit = Edit {
            at: 7,
            text: "\nX".into(),
        };
        assert_eq!(
            apply(old, std::slice::from_ref(&edit)),
            "a\nb\nc\nd\nX\ne\nf\ng\n"
        );
        assert_eq!(
            unified_diff("x.js", old, &[edit]),
            "--- a/x.js\n+++ b/x.js\n@@ -2,6 +2,7 @@\n b\n c\n d\n+X\n e\n f\n g\n"
        );
    }
}
