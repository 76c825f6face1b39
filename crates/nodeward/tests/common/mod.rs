//! Shared by the integration tests: running the pipeline on a folder and
//! reading `// expect: <rule-id>` markers.

#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nodeward::pipeline::{analyze, AnalyzeOptions};
use nodeward_report::RunReport;

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs the pipeline on `path` with the given rules (all when empty).
pub fn run(path: &Path, rules: &[&str]) -> RunReport {
    let mut opts = AnalyzeOptions::all_rules(vec![path.to_path_buf()]);
    opts.rules
        .retain(|r| rules.is_empty() || rules.contains(&r.rule.meta().id));
    opts.jobs = Some(2);
    // The fixture database; its age is not what these tests check.
    opts.deps.advisories = Some(workspace_root().join("testdata/advisories"));
    analyze(&opts).expect("analysis runs")
}

/// (path relative to `base`, 1-based line, rule id) of every finding.
pub fn findings_of(report: &RunReport, base: &Path) -> BTreeSet<(String, u32, String)> {
    report
        .findings
        .iter()
        .map(|f| {
            let abs = report.root.join(&f.path);
            let text = std::fs::read_to_string(&abs).unwrap();
            let line = text[..f.span.start as usize].matches('\n').count() as u32 + 1;
            (rel(base, &abs), line, f.rule_id.to_string())
        })
        .collect()
}

/// The file that lists expected findings of files that cannot carry a
/// comment (JSON lockfiles): one `<path relative to the case>:<line> <rule>`
/// per line, `#` starting a comment.
pub const EXPECT_FILE: &str = "expect.txt";

/// The `// expect: a, b` markers under `path` (and the lines of its
/// `expect.txt` files), for the given rules.
pub fn markers_of(path: &Path, rules: &[&str]) -> BTreeSet<(String, u32, String)> {
    let base = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent().unwrap().to_path_buf()
    };
    let mut out = BTreeSet::new();
    for file in walk(path) {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if file.file_name().is_some_and(|n| n == EXPECT_FILE) {
            let dir = file.parent().unwrap();
            for line in text.lines().map(str::trim) {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let line = line.split('#').next().unwrap_or("").trim();
                let (loc, id) = line.split_once(' ').expect("`path:line rule`");
                let (p, n) = loc.rsplit_once(':').expect("`path:line`");
                if rules.contains(&id.trim()) {
                    let n: u32 = n.parse().expect("a line number");
                    out.insert((rel(&base, &dir.join(p)), n, id.trim().to_string()));
                }
            }
            continue;
        }
        for (i, line) in text.lines().enumerate() {
            let Some(pos) = line.rfind("// expect:") else {
                continue;
            };
            for id in line[pos + "// expect:".len()..].split(',') {
                let id = id.trim();
                if rules.contains(&id) {
                    out.insert((rel(&base, &file), i as u32 + 1, id.to_string()));
                }
            }
        }
    }
    out
}

fn rel(base: &Path, abs: &Path) -> String {
    let base = base.canonicalize().unwrap();
    let abs = abs.canonicalize().unwrap();
    abs.strip_prefix(&base)
        .unwrap_or(&abs)
        .to_string_lossy()
        .replace('\\', "/")
}

pub fn walk(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(path)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for e in entries {
        if e.is_dir() {
            out.extend(walk(&e));
        } else {
            out.push(e);
        }
    }
    out
}
