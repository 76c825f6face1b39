//! `--format gitlab`: GitLab's code quality report (a JSON array of issues,
//! the subset of the Code Climate format GitLab reads), for the merge
//! request widget:
//!
//! ```json
//! [{"check_name": "redos", "description": "…", "fingerprint": "…",
//!   "severity": "major", "location": {"path": "src/a.js", "lines": {"begin": 3}}}]
//! ```
//!
//! The fingerprint is the finding's own (the one SARIF and the baseline use),
//! so GitLab tracks an issue across commits as code scanning does. Levels map
//! to GitLab's severities: error → critical, warning → major, note → info.
//! Notices are not issues and are left out.

use std::io;

use serde_json::{json, Value};

use super::{canonical, Locator, Render};
use crate::finding::Level;
use crate::run::RunReport;

#[derive(Debug, Clone, Copy, Default)]
pub struct GitlabRenderer;

fn severity(level: Level) -> &'static str {
    match level {
        Level::Error => "critical",
        Level::Warning => "major",
        Level::Note => "info",
    }
}

impl Render for GitlabRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        let locator = Locator::new(report);
        let fingerprints = report.fingerprints();
        let issues: Vec<Value> = report
            .findings
            .iter()
            .zip(fingerprints.iter())
            .map(|(f, fingerprint)| {
                let (start, end) = locator.range_or_start(&f.path, f.span);
                canonical(json!({
                    "type": "issue",
                    "check_name": f.rule_id,
                    "description": f.message,
                    "categories": ["Security"],
                    "fingerprint": fingerprint,
                    "severity": severity(f.level),
                    "location": {
                        "path": f.path,
                        "lines": { "begin": start.line, "end": end.line.max(start.line) },
                    },
                }))
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &Value::Array(issues))?;
        writeln!(out)?;
        Ok(Vec::new())
    }
}
