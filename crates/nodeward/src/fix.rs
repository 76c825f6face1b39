//! `--fix` and `--diff`: edits for the findings whose fix is mechanical and
//! safe.
//!
//! - `x-powered-by`: `app.disable('x-powered-by');` on the line after the
//!   statement that creates the app, when that statement is a one-line
//!   assignment (`const app = express();`, `this.app = express();`).
//!   Anything else (the app created inside a call, a chain, several
//!   statements on the line) is left to the reader, with the finding's help.
//! - any finding that carries a [`nodeward_report::Fix`] (a `redos` rewrite
//!   of a regex literal, checked to match the same strings): its
//!   replacement, where the span still holds the text the fix replaces.
//!
//! Two edits that overlap are not both applied: the first in the report's
//! order of findings is (a fix may lie in another file than its finding).

use std::collections::BTreeMap;

use nodeward_report::{Finding, RunReport};

/// Text that replaces `len` bytes at a byte offset of a file (`len` 0: an
/// insertion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub at: usize,
    pub len: usize,
    pub text: String,
}

/// The edits for the findings of `report`, by path (sorted, one per
/// finding that has one), and the indices of those findings.
pub fn edits(report: &RunReport) -> (BTreeMap<String, Vec<Edit>>, Vec<usize>) {
    let mut by_path: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    let mut fixed = Vec::new();
    for (i, f) in report.findings.iter().enumerate() {
        let path = f.fix.as_ref().map_or(&f.path, |x| &x.path);
        let Some(text) = report.sources.get(path) else {
            continue;
        };
        if let Some(e) = edit_for(f, text) {
            let list = by_path.entry(path.clone()).or_default();
            let overlaps = list
                .iter()
                .any(|o| *o != e && o.at < e.at + e.len.max(1) && e.at < o.at + o.len.max(1));
            if overlaps {
                continue;
            }
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
    if let Some(fix) = &f.fix {
        let (at, end) = (fix.span.start as usize, fix.span.end as usize);
        return (text.get(at..end) == Some(fix.original.as_str())).then(|| Edit {
            at,
            len: end - at,
            text: fix.replacement.clone(),
        });
    }
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
        len: 0,
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

/// `text` with `edits` applied (sorted by offset, not overlapping).
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    for e in edits {
        out.push_str(&text[last..e.at]);
        out.push_str(&e.text);
        last = e.at + e.len;
    }
    out.push_str(&text[last..]);
    out
}

/// A unified diff of what `edits` change in `old`, for `path` (three lines
/// of context), as `git diff` prints it. Each run of lines an edit touches
/// is compared with what it becomes, less the lines they share at either
/// end, so an insertion shows as added lines only.
pub fn unified_diff(path: &str, old: &str, edits: &[Edit]) -> String {
    let lines: Vec<&str> = old.split_inclusive('\n').collect();
    let mut starts = Vec::with_capacity(lines.len() + 1);
    let mut offset = 0;
    for l in &lines {
        starts.push(offset);
        offset += l.len();
    }
    starts.push(offset);
    let line_of = |at: usize| match starts.binary_search(&at) {
        Ok(i) => i.min(lines.len().saturating_sub(1)),
        Err(i) => i - 1,
    };
    // Runs of old lines [first, last] with the edits inside.
    let mut runs: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for e in edits {
        let first = line_of(e.at);
        let last = line_of(
            (e.at + e.len)
                .saturating_sub(usize::from(e.len > 0))
                .max(e.at),
        );
        match runs.last_mut() {
            // Touching or next to each other: one run, as `git diff`
            // shows consecutive changed lines.
            Some(run) if first <= run.1 + 1 => {
                run.1 = run.1.max(last);
                run.2.push(e);
            }
            _ => runs.push((first, last, vec![e])),
        }
    }
    // (kind, old line number, new line number, text), 0-based.
    let mut ops: Vec<(char, usize, usize, String)> = Vec::new();
    let mut next_old = 0;
    let mut shift: isize = 0;
    let new_no = |i: usize, shift: isize| (i as isize + shift) as usize;
    for (first, last, list) in runs {
        for (i, line) in lines.iter().enumerate().take(first).skip(next_old) {
            ops.push((' ', i, new_no(i, shift), line.to_string()));
        }
        let base = starts[first];
        let region = &old[base..starts[last + 1]];
        let moved: Vec<Edit> = list
            .iter()
            .map(|e| Edit {
                at: e.at - base,
                len: e.len,
                text: e.text.clone(),
            })
            .collect();
        let after = apply(region, &moved);
        let a: Vec<&str> = region.split_inclusive('\n').collect();
        let b: Vec<&str> = after.split_inclusive('\n').collect();
        // A line without a break that an insertion follows keeps its text.
        let same = |x: &&str, y: &&str| x == y || (!x.ends_with('\n') && format!("{x}\n") == *y);
        let head = a.iter().zip(&b).take_while(|(x, y)| same(x, y)).count();
        let tail = a[head..]
            .iter()
            .rev()
            .zip(b[head..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let mut o = first;
        let mut n = new_no(first, shift);
        for l in &a[..head] {
            ops.push((' ', o, n, l.to_string()));
            o += 1;
            n += 1;
        }
        for l in &a[head..a.len() - tail] {
            ops.push(('-', o, n, l.to_string()));
            o += 1;
        }
        for l in &b[head..b.len() - tail] {
            ops.push(('+', o, n, l.to_string()));
            n += 1;
        }
        for l in &a[a.len() - tail..] {
            ops.push((' ', o, n, l.to_string()));
            o += 1;
            n += 1;
        }
        shift += b.len() as isize - a.len() as isize;
        next_old = last + 1;
    }
    for (i, line) in lines.iter().enumerate().skip(next_old) {
        ops.push((' ', i, new_no(i, shift), line.to_string()));
    }
    // An added line after a last line without a break: the break is part
    // of the change.
    for k in 1..ops.len() {
        if ops[k].0 == '+' && ops[k - 1].0 == ' ' && !ops[k - 1].3.ends_with('\n') {
            ops[k - 1].3.push('\n');
        }
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
        let new_len = hunk.iter().filter(|o| o.0 != '-').count();
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
    fn a_fix_applies_only_where_its_text_still_is() {
        let mut f = Finding::new(
            "redos",
            nodeward_report::Level::Error,
            "a.js",
            nodeward_report::Span::new(4, 13),
        );
        f.fix = Some(nodeward_report::Fix {
            description: String::new(),
            path: "a.js".into(),
            span: f.span,
            original: "/^(a+)+$/".into(),
            replacement: "/^a+$/".into(),
        });
        let e = edit_for(&f, "x = /^(a+)+$/;").expect("the literal is there");
        assert_eq!((e.at, e.len), (4, 9));
        assert_eq!(edit_for(&f, "x = /^(b+)+$/;"), None);
        assert_eq!(edit_for(&f, "x ="), None);
    }

    #[test]
    fn a_replacement_shows_as_the_old_line_and_the_new() {
        let old = "a\nconst re = /^(a+)+$/;\nb\n";
        let at = old.find("/^").unwrap();
        let edit = Edit {
            at,
            len: "/^(a+)+$/".len(),
            text: "/^a+$/".into(),
        };
        assert_eq!(
            apply(old, std::slice::from_ref(&edit)),
            "a\nconst re = /^a+$/;\nb\n"
        );
        assert_eq!(
            unified_diff("x.js", old, &[edit]),
            "--- a/x.js\n+++ b/x.js\n@@ -1,3 +1,3 @@\n a\n-const re = /^(a+)+$/;\n+const re = /^a+$/;\n b\n"
        );
        // Two on one line, and one on the last line without a break.
        let old = "x(/a/, /b/)\ny\nz(/c/)";
        let edits = [
            Edit {
                at: 2,
                len: 3,
                text: "/A/".into(),
            },
            Edit {
                at: 7,
                len: 3,
                text: "/B/".into(),
            },
            Edit {
                at: 16,
                len: 3,
                text: "/C/".into(),
            },
        ];
        assert_eq!(apply(old, &edits), "x(/A/, /B/)\ny\nz(/C/)");
        assert_eq!(
            unified_diff("x.js", old, &edits),
            "--- a/x.js\n+++ b/x.js\n@@ -1,3 +1,3 @@\n-x(/a/, /b/)\n+x(/A/, /B/)\n y\n-z(/c/)\n\\ No newline at end of file\n+z(/C/)\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn the_diff_shows_the_inserted_line_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\n";
        let edit = Edit {
            at: 7,
            len: 0,
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
