//! Suppressions, fingerprints and the baseline together, as the CLI runs them,
//! across an edit that shifts lines.

use std::collections::BTreeMap;
use std::sync::Arc;

use nodeward_report::baseline::Baseline;
use nodeward_report::fingerprint::fingerprints;
use nodeward_report::suppress::{apply_suppressions, Comment, FileDirectives, DIRECTIVE_MARKER};
use nodeward_report::{sort_findings, Finding, Level, NoticeKind, Span};

const RULES: &[&str] = &["sql-injection", "redos"];

fn find(src: &str, needle: &str, nth: usize) -> Span {
    let start = src.match_indices(needle).nth(nth).unwrap().0;
    Span::new(start as u32, (start + needle.len()) as u32)
}

/// What the rules would report on `src`: every `db.query(` call and every `/(a+)+/`.
fn rules(src: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for (i, _) in src.match_indices("db.query(sql)") {
        let mut f = Finding::new(
            "sql-injection",
            Level::Error,
            "db.js",
            Span::new(i as u32, i as u32 + 13),
        );
        f.message = "SQL built from client data".into();
        out.push(f);
    }
    for (i, _) in src.match_indices("/(a+)+/") {
        out.push(Finding::new(
            "redos",
            Level::Warning,
            "db.js",
            Span::new(i as u32, i as u32 + 7),
        ));
    }
    out
}

fn comments(src: &str) -> Vec<Comment<'_>> {
    src.match_indices("//")
        .map(|(i, _)| {
            let end = src[i..].find('\n').map_or(src.len(), |e| i + e);
            Comment::from((&src[i + 2..end], Span::new(i as u32, end as u32), false))
        })
        .filter(|c| c.body.contains(DIRECTIVE_MARKER))
        .collect()
}

/// Suppress, sort, fingerprint: the findings and fingerprints the baseline sees.
fn analyse(src: &str) -> (Vec<Finding>, Vec<String>, usize) {
    let directives = FileDirectives::parse("db.js", src, &comments(src));
    let out = apply_suppressions(rules(src), &[directives], RULES, RULES);
    assert!(out.notices.is_empty(), "{:?}", out.notices);
    let mut findings = out.findings;
    sort_findings(&mut findings);
    let sources: BTreeMap<String, Arc<str>> = [("db.js".to_string(), Arc::from(src))].into();
    let fps = fingerprints(&findings, &sources);
    (findings, fps, out.suppressed)
}

#[test]
fn baseline_survives_a_line_shift_and_reports_new_and_stale() {
    let v1 = "\
function a(sql) { return db.query(sql); }
function b(sql) { return db.query(sql); }
const r = /(a+)+/;
// nodeward-ignore-next-line redos -- only runs on constants
const s = /(a+)+/;
";
    let (findings, fps, suppressed) = analyse(v1);
    assert_eq!((findings.len(), suppressed), (3, 1));
    let baseline = Baseline::parse(&Baseline::from_findings(&findings, &fps).to_json()).unwrap();
    assert_eq!(baseline.entries.len(), 3);

    // Lines added above, one function re-indented, the regex `r` removed and a
    // third query added.
    let v2 = "\
'use strict';

function a(sql) {
  return db.query(sql);
}
function b(sql) { return db.query(sql); }
function c(sql) { return db.query(sql); }
// nodeward-ignore-next-line redos -- only runs on constants
const s = /(a+)+/;
";
    let (findings, fps, suppressed) = analyse(v2);
    assert_eq!((findings.len(), suppressed), (3, 1));
    let outcome = baseline.apply(findings, fps);
    assert_eq!(outcome.baselined, 2);
    assert_eq!(outcome.findings.len(), 1);
    // The new one is the third query (occurrence 2 of the same code).
    assert_eq!(outcome.findings[0].span, find(v2, "db.query(sql)", 2));
    assert_eq!(outcome.fingerprints.len(), 1);
    assert_eq!(outcome.stale.len(), 1);
    assert_eq!(outcome.stale[0].kind, NoticeKind::StaleBaseline);
    assert!(outcome.stale[0].message.contains("`redos`"));
}
