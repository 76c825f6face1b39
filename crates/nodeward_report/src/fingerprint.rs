//! The nodeward-owned fingerprint of a finding (`"nodeward/v1"` in SARIF
//! `partialFingerprints`, and the key of baseline entries).
//!
//! It hashes what the finding is about, not where it is: the rule id, the
//! file's relative path, the flagged code with whitespace runs collapsed, and
//! the occurrence index of that (rule, path, code) triple in the file. Lines
//! added or removed above a finding, or re-indentation, leave it unchanged;
//! editing the flagged code or moving the file changes it.
//!
//! A finding with an `identity` (a vulnerable package's `name@version
//! advisory`) hashes that instead of the code text: its key text would not
//! tell two advisories of one package apart.
//!
//! GitHub's `primaryLocationLineHash` is deliberately not computed here:
//! `upload-sarif` computes it from the file with its own algorithm.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::finding::{Finding, Span};

/// The key under SARIF `partialFingerprints`. A change to what is hashed
/// must bump the version, since baselines and alerts are matched on it.
pub const FINGERPRINT_KEY: &str = "nodeward/v1";

/// The fingerprint of every finding, in the same order as `findings`.
///
/// Occurrence indices count findings in source order (path, start, end),
/// whatever order `findings` is in. A finding whose file is missing from
/// `sources` is hashed with empty code text.
pub fn fingerprints(findings: &[Finding], sources: &BTreeMap<String, Arc<str>>) -> Vec<String> {
    let texts: Vec<String> = findings
        .iter()
        .map(|f| match &f.identity {
            Some(id) => id.clone(),
            None => sources
                .get(&f.path)
                .map(|src| normalized_span_text(src, f.span))
                .unwrap_or_default(),
        })
        .collect();

    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| {
        findings[a]
            .sort_key()
            .cmp(&findings[b].sort_key())
            .then(a.cmp(&b))
    });

    let mut seen: HashMap<(&str, &str, &str), u32> = HashMap::new();
    let mut out = vec![String::new(); findings.len()];
    for i in order {
        let f = &findings[i];
        let count = seen
            .entry((f.rule_id, f.path.as_str(), texts[i].as_str()))
            .or_insert(0);
        out[i] = fingerprint(f.rule_id, &f.path, &texts[i], *count);
        *count += 1;
    }
    out
}

/// The fingerprint of one (rule, path, normalized code, occurrence) tuple:
/// lowercase hex SHA-256. Fields are separated by NUL, which none of them
/// contains, so no two tuples hash the same input.
pub fn fingerprint(rule_id: &str, path: &str, normalized_text: &str, occurrence: u32) -> String {
    let mut hasher = Sha256::new();
    for part in [FINGERPRINT_KEY, rule_id, path, normalized_text] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    hasher.update(occurrence.to_string().as_bytes());
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The code under `span` with every run of whitespace (including line breaks)
/// replaced by one space and none at either end.
pub fn normalized_span_text(source: &str, span: Span) -> String {
    let start = floor_boundary(source, span.start as usize);
    let end = floor_boundary(source, span.end as usize).max(start);
    collapse_whitespace(&source[start..end])
}

/// `text` with whitespace runs collapsed to one space and trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Level;

    fn finding_at(rule: &'static str, path: &str, src: &str, needle: &str, nth: usize) -> Finding {
        let start = src.match_indices(needle).nth(nth).unwrap().0;
        Finding::new(
            rule,
            Level::Error,
            path,
            Span::new(start as u32, (start + needle.len()) as u32),
        )
    }

    fn sources(files: &[(&str, &str)]) -> BTreeMap<String, Arc<str>> {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), Arc::from(*t)))
            .collect()
    }

    #[test]
    fn survives_line_shifts_and_reindentation() {
        let before = "const q = req.query;\ndb.find({ name: q.name });\n";
        let after = "// a new comment\n\nfunction f() {\n  const q = req.query;\n    db.find({  name:\n q.name });\n}\n";
        let f1 = finding_at("nosql-injection", "a.js", before, "{ name: q.name }", 0);
        let f2 = finding_at("nosql-injection", "a.js", after, "{  name:\n q.name }", 0);
        let fp1 = fingerprints(&[f1], &sources(&[("a.js", before)]));
        let fp2 = fingerprints(&[f2], &sources(&[("a.js", after)]));
        assert_eq!(fp1, fp2);
        assert_eq!(fp1[0].len(), 64);
        assert!(fp1[0].bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn differs_by_rule_path_code_and_occurrence() {
        let src = "eval(a);\neval(a);\neval(b);\n";
        let s = sources(&[("a.js", src), ("b.js", src)]);
        let findings = vec![
            finding_at("r1", "a.js", src, "eval(a)", 0),
            finding_at("r1", "a.js", src, "eval(a)", 1),
            finding_at("r1", "a.js", src, "eval(b)", 0),
            finding_at("r2", "a.js", src, "eval(a)", 0),
            finding_at("r1", "b.js", src, "eval(a)", 0),
        ];
        let fps = fingerprints(&findings, &s);
        let unique: std::collections::BTreeSet<_> = fps.iter().collect();
        assert_eq!(unique.len(), fps.len());
        // The first occurrence is index 0 whichever order findings come in.
        let reversed: Vec<Finding> = findings.iter().rev().cloned().collect();
        let mut fps_rev = fingerprints(&reversed, &s);
        fps_rev.reverse();
        assert_eq!(fps, fps_rev);
    }

    #[test]
    fn occurrence_index_follows_source_order() {
        // Removing an earlier, different finding does not renumber the rest.
        let src = "x(1);\neval(a);\neval(a);\n";
        let s = sources(&[("a.js", src)]);
        let all = vec![
            finding_at("r", "a.js", src, "x(1)", 0),
            finding_at("r", "a.js", src, "eval(a)", 0),
            finding_at("r", "a.js", src, "eval(a)", 1),
        ];
        let fps_all = fingerprints(&all, &s);
        let fps_some = fingerprints(&all[1..], &s);
        assert_eq!(&fps_all[1..], &fps_some[..]);
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(collapse_whitespace("  a \t\n b\r\n  c  "), "a b c");
        assert_eq!(normalized_span_text("é  x", Span::new(1, 99)), "é x");
    }

    #[test]
    fn known_value_is_pinned() {
        // SHA-256 of "nodeward/v1\0sql-injection\0src/db.js\0db.query(sql)\0" + "0".
        // Changing what is hashed must bump FINGERPRINT_KEY.
        assert_eq!(
            fingerprint("sql-injection", "src/db.js", "db.query(sql)", 0),
            "c933fe5136621e4b3a46ca29a91985800b391b3333e8ebae9a9f6cc005d51309"
        );
    }
}
