//! `--format json`: a stable, documented document for scripts.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "rule": "nosql-injection",
//!       "level": "error",                       // "error" | "warning" | "note"
//!       "path": "src/routes/users.js",          // relative to the current directory (absolute outside it), `/`-separated
//!       "start": { "line": 5, "column": 13 },   // 1-based; columns count characters
//!       "end": { "line": 5, "column": 38 },     // end-exclusive
//!       "message": "…",
//!       "help": "…",
//!       "fingerprint": "…",                     // the `nodeward/v1` fingerprint
//!       "related": [ { "path": "…", "start": {…}, "end": {…}, "message": "…" } ],
//!       "flow": [ { "path": "…", "start": {…}, "end": {…}, "message": "…" } ],
//!       "properties": { },                      // rule-specific evidence
//!       "fix": null                             // or a checked replacement `--fix` applies (a redos rewrite):
//!                                               // { "description", "path", "start", "end", "original", "replacement" }
//!     }
//!   ],
//!   "notices": [
//!     { "kind": "skipped", "reason": "too-large", "level": "warning",
//!       "path": "dist/app.js", "message": "…" },
//!     { "kind": "parse-error", "level": "error", "path": "src/bad.js",
//!       "start": {…}, "end": {…}, "message": "…" }
//!   ],
//!   "summary": {
//!     "discovered": 12, "analyzed": 10,
//!     "skipped": { "too-large": 1 }, "parse_errors": 1, "panicked": 0,
//!     "suppressed": 2, "baselined": 0,
//!     "findings": { "error": 1, "warning": 0, "note": 0, "total": 1 }
//!   }
//! }
//! ```
//!
//! Findings and notices are in the order of every output (path, position,
//! rule). A notice has `reason` only when `kind` is `skipped`, and `start`/`end`
//! only when it points at a place. Timings are left out so that the same input
//! always gives the same bytes. Keys are sorted within each object. A change
//! that removes or renames a field bumps `version`; new fields may be added.

use std::io;

use serde_json::{json, Map, Value};

use super::{canonical, LevelCounts, Locator, Render};
use crate::finding::{Related, Span};
use crate::line_index::Position;
use crate::notice::NoticeKind;
use crate::run::RunReport;

/// The version of the JSON document.
pub const JSON_FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, Default)]
pub struct JsonRenderer;

impl JsonRenderer {
    /// The document as a JSON value.
    pub fn to_value(report: &RunReport) -> Value {
        let locator = Locator::new(report);
        let fingerprints = report.fingerprints();
        let place = |path: &str, span: Span| {
            let (start, end) = locator.range_or_start(path, span);
            (pos(start), pos(end))
        };
        let related = |items: &[Related]| -> Vec<Value> {
            items
                .iter()
                .map(|r| {
                    let (start, end) = place(&r.path, r.span);
                    json!({ "path": locator.shown(&r.path), "start": start, "end": end, "message": r.message })
                })
                .collect()
        };

        let findings: Vec<Value> = report
            .findings
            .iter()
            .zip(fingerprints.iter())
            .map(|(f, fp)| {
                let (start, end) = place(&f.path, f.span);
                let fix = f.fix.as_ref().map(|x| {
                    let (start, end) = place(&x.path, x.span);
                    json!({
                        "description": x.description,
                        "path": locator.shown(&x.path),
                        "start": start,
                        "end": end,
                        "original": x.original,
                        "replacement": x.replacement,
                    })
                });
                json!({
                    "rule": f.rule_id,
                    "level": f.level.as_str(),
                    "path": locator.shown(&f.path),
                    "start": start,
                    "end": end,
                    "message": f.message,
                    "help": f.help,
                    "fingerprint": fp,
                    "related": related(&f.related),
                    "flow": related(&f.flow),
                    "properties": Value::Object(f.properties.clone()),
                    "fix": fix,
                })
            })
            .collect();

        let notices: Vec<Value> = report
            .notices
            .iter()
            .map(|n| {
                let mut o = Map::new();
                o.insert("kind".into(), n.kind.id().into());
                if let NoticeKind::Skipped(reason) = n.kind {
                    o.insert(
                        "reason".into(),
                        serde_json::to_value(reason).expect("serializes"),
                    );
                }
                o.insert("level".into(), n.kind.level().as_str().into());
                if let Some(path) = &n.path {
                    o.insert("path".into(), locator.shown(path).into_owned().into());
                    if let Some(span) = n.span {
                        if let Some((start, end)) = locator.range(path, span) {
                            o.insert("start".into(), pos(start));
                            o.insert("end".into(), pos(end));
                        }
                    }
                }
                o.insert("message".into(), n.message.clone().into());
                Value::Object(o)
            })
            .collect();

        let s = &report.summary;
        let skipped: Map<String, Value> = s
            .skipped
            .iter()
            .map(|(reason, n)| {
                let key = serde_json::to_value(reason).expect("serializes");
                (key.as_str().unwrap_or_default().to_string(), json!(n))
            })
            .collect();
        let counts = LevelCounts::of(&report.findings);
        let mut summary = json!({
            "discovered": s.discovered,
            "analyzed": s.analyzed,
            "skipped": skipped,
            "parse_errors": s.parse_errors,
            "panicked": s.panicked,
            "suppressed": s.suppressed,
            "baselined": s.baselined,
            "findings": {
                "error": counts.error,
                "warning": counts.warning,
                "note": counts.note,
                "total": counts.total(),
            },
        });
        if let Some(deps) = &s.dependencies {
            summary["dependencies"] = serde_json::to_value(deps).expect("serializes");
        }

        canonical(json!({
            "version": JSON_FORMAT_VERSION,
            "findings": findings,
            "notices": notices,
            "summary": summary,
        }))
    }
}

fn pos(p: Position) -> Value {
    json!({ "line": p.line, "column": p.column })
}

impl Render for JsonRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        serde_json::to_writer_pretty(&mut *out, &JsonRenderer::to_value(report))?;
        writeln!(out)?;
        Ok(Vec::new())
    }
}
