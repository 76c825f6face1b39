//! The baseline file: the findings a project has accepted for now, so that CI
//! fails only on new ones (`--write-baseline FILE`, `--baseline FILE`).
//!
//! ```json
//! {
//!   "version": 1,
//!   "tool": "nodeward",
//!   "entries": [
//!     { "rule": "sql-injection", "path": "src/db.js",
//!       "fingerprint": "9f86d0…", "message": "…" }
//!   ]
//! }
//! ```
//!
//! Entries are keyed by rule, path and the `nodeward/v1` fingerprint, never by
//! line, so code moving inside a file keeps matching. Each entry matches at most
//! one finding: two identical findings need two entries. `message` is only for
//! people reading the file. Entries that match nothing are stale and reported.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::notice::{Notice, NoticeKind};

/// The format version this build reads and writes.
pub const BASELINE_VERSION: u64 = 1;
const TOOL: &str = "nodeward";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u64,
    pub tool: String,
    pub entries: Vec<BaselineEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub rule: String,
    pub path: String,
    pub fingerprint: String,
    #[serde(default)]
    pub message: String,
}

/// Why a baseline file could not be read or written.
#[derive(Debug)]
pub enum BaselineError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// Not JSON, or JSON of the wrong shape.
    Json {
        path: Option<PathBuf>,
        source: serde_json::Error,
    },
    /// A `version` this build does not know (or none).
    Version {
        path: Option<PathBuf>,
        found: Option<serde_json::Value>,
    },
    /// A file written by another tool.
    Tool {
        path: Option<PathBuf>,
        found: String,
    },
}

impl fmt::Display for BaselineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |p: &Option<PathBuf>| {
            p.as_ref().map_or_else(
                || "baseline".to_string(),
                |p| format!("baseline {}", p.display()),
            )
        };
        match self {
            BaselineError::Io { path, source } => {
                write!(f, "cannot access baseline {}: {source}", path.display())
            }
            BaselineError::Json { path, source } => {
                write!(
                    f,
                    "{} is not a valid nodeward baseline: {source}",
                    name(path)
                )
            }
            BaselineError::Version {
                path,
                found: Some(v),
            } => write!(
                f,
                "{} has version {v}, this nodeward reads version {BASELINE_VERSION}; \
                 write it again with --write-baseline",
                name(path)
            ),
            BaselineError::Version { path, found: None } => {
                write!(
                    f,
                    "{} has no \"version\"; it is not a nodeward baseline",
                    name(path)
                )
            }
            BaselineError::Tool { path, found } => {
                write!(f, "{} was written by {found:?}, not nodeward", name(path))
            }
        }
    }
}

impl std::error::Error for BaselineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BaselineError::Io { source, .. } => Some(source),
            BaselineError::Json { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// What applying a baseline left.
#[derive(Debug, Clone)]
pub struct BaselineOutcome {
    /// The findings no entry matched, in their original order.
    pub findings: Vec<Finding>,
    /// Their fingerprints, in the same order.
    pub fingerprints: Vec<String>,
    /// How many findings the baseline removed.
    pub baselined: usize,
    /// One `StaleBaseline` notice per entry that matched nothing.
    pub stale: Vec<Notice>,
}

impl Baseline {
    /// A baseline accepting every finding; `fingerprints` is parallel to
    /// `findings` (see [`crate::fingerprint::fingerprints`]). Entries are sorted.
    pub fn from_findings(findings: &[Finding], fingerprints: &[String]) -> Baseline {
        assert_eq!(
            findings.len(),
            fingerprints.len(),
            "one fingerprint per finding"
        );
        let mut entries: Vec<BaselineEntry> = findings
            .iter()
            .zip(fingerprints)
            .map(|(f, fp)| BaselineEntry {
                rule: f.rule_id.to_string(),
                path: f.path.clone(),
                fingerprint: fp.clone(),
                message: f.message.clone(),
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.path, &a.rule, &a.fingerprint, &a.message).cmp(&(
                &b.path,
                &b.rule,
                &b.fingerprint,
                &b.message,
            ))
        });
        Baseline {
            version: BASELINE_VERSION,
            tool: TOOL.to_string(),
            entries,
        }
    }

    /// Pretty JSON with a final newline, stable for a given set of findings.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a baseline always serializes");
        s.push('\n');
        s
    }

    /// Parses a baseline. The version is checked before the shape, so a file of
    /// a later format says so rather than failing on a missing field.
    pub fn parse(text: &str) -> Result<Baseline, BaselineError> {
        parse_with_path(text, None)
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        parse_with_path(&text, Some(path))
    }

    pub fn write(&self, path: &Path) -> Result<(), BaselineError> {
        std::fs::write(path, self.to_json()).map_err(|source| BaselineError::Io {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Removes the findings that an entry matches (same rule, path and
    /// fingerprint; each entry matches at most one finding) and reports the
    /// entries that matched nothing. `fingerprints` is parallel to `findings`.
    pub fn apply(&self, findings: Vec<Finding>, fingerprints: Vec<String>) -> BaselineOutcome {
        assert_eq!(
            findings.len(),
            fingerprints.len(),
            "one fingerprint per finding"
        );
        // Unused entry indices per key; popped from the front so that the first
        // entries in file order are the first consumed.
        let mut open: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in self.entries.iter().enumerate().rev() {
            open.entry(match_key(&e.rule, &e.path, &e.fingerprint))
                .or_default()
                .push(i);
        }

        let mut kept = Vec::with_capacity(findings.len());
        let mut kept_fps = Vec::with_capacity(findings.len());
        let mut baselined = 0;
        for (f, fp) in findings.into_iter().zip(fingerprints) {
            let matched = open
                .get_mut(&match_key(f.rule_id, &f.path, &fp))
                .and_then(|v| v.pop())
                .is_some();
            if matched {
                baselined += 1;
            } else {
                kept.push(f);
                kept_fps.push(fp);
            }
        }

        let mut stale_idx: Vec<usize> = open.into_values().flatten().collect();
        stale_idx.sort_unstable();
        let stale = stale_idx
            .into_iter()
            .map(|i| {
                let e = &self.entries[i];
                let what = if e.message.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", e.message)
                };
                Notice::for_file(
                    NoticeKind::StaleBaseline,
                    e.path.clone(),
                    format!(
                        "baseline entry for `{}` matches no finding{what}; \
                         write the baseline again to drop it",
                        e.rule
                    ),
                )
            })
            .collect();

        BaselineOutcome {
            findings: kept,
            fingerprints: kept_fps,
            baselined,
            stale,
        }
    }
}

/// One string for (rule, path, fingerprint); NUL occurs in none of them.
fn match_key(rule: &str, path: &str, fingerprint: &str) -> String {
    format!("{rule}\0{path}\0{fingerprint}")
}

fn parse_with_path(text: &str, path: Option<&Path>) -> Result<Baseline, BaselineError> {
    let path = path.map(Path::to_path_buf);
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|source| BaselineError::Json {
            path: path.clone(),
            source,
        })?;
    match value.get("version") {
        Some(v) if v.as_u64() == Some(BASELINE_VERSION) => {}
        found => {
            return Err(BaselineError::Version {
                path,
                found: found.cloned(),
            })
        }
    }
    if let Some(tool) = value.get("tool").and_then(|t| t.as_str()) {
        if tool != TOOL {
            return Err(BaselineError::Tool {
                path,
                found: tool.to_string(),
            });
        }
    }
    serde_json::from_value(value).map_err(|source| BaselineError::Json { path, source })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Level, Span};

    fn finding(rule: &'static str, path: &str, start: u32, message: &str) -> Finding {
        let mut f = Finding::new(rule, Level::Error, path, Span::new(start, start + 4));
        f.message = message.to_string();
        f
    }

    #[test]
    fn round_trip_and_sorted() {
        let findings = vec![
            finding("sql-injection", "b.js", 10, "second"),
            finding("nosql-injection", "a.js", 0, "first"),
        ];
        let fps = vec!["fp-b".to_string(), "fp-a".to_string()];
        let baseline = Baseline::from_findings(&findings, &fps);
        assert_eq!(baseline.entries[0].path, "a.js");
        let json = baseline.to_json();
        assert!(json.starts_with("{\n  \"version\": 1,\n  \"tool\": \"nodeward\","));
        let parsed = Baseline::parse(&json).unwrap();
        assert_eq!(parsed, baseline);

        let dir = std::env::temp_dir().join(format!("nodeward-baseline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("baseline.json");
        baseline.write(&file).unwrap();
        assert_eq!(Baseline::load(&file).unwrap(), baseline);
        std::fs::remove_dir_all(&dir).unwrap();

        let outcome = parsed.apply(findings, fps);
        assert_eq!(outcome.baselined, 2);
        assert!(outcome.findings.is_empty());
        assert!(outcome.stale.is_empty());
    }

    #[test]
    fn each_entry_matches_one_finding_and_stale_entries_are_reported() {
        let old = vec![
            finding("sql-injection", "a.js", 0, "dup"),
            finding("redos", "gone.js", 0, "removed since"),
        ];
        let baseline = Baseline::from_findings(&old, &["same".into(), "gone".into()]);

        // Two identical findings now: one is baselined, one is new.
        let now = vec![
            finding("sql-injection", "a.js", 0, "dup"),
            finding("sql-injection", "a.js", 50, "dup"),
            finding("sql-injection", "c.js", 0, "other file"),
        ];
        let fps = vec!["same".to_string(), "same".to_string(), "same".to_string()];
        let outcome = baseline.apply(now, fps);
        assert_eq!(outcome.baselined, 1);
        assert_eq!(outcome.findings.len(), 2);
        assert_eq!(outcome.findings[0].span.start, 50);
        assert_eq!(outcome.findings[1].path, "c.js");
        assert_eq!(outcome.fingerprints.len(), 2);
        assert_eq!(outcome.stale.len(), 1);
        let stale = &outcome.stale[0];
        assert_eq!(stale.kind, NoticeKind::StaleBaseline);
        assert_eq!(stale.path.as_deref(), Some("gone.js"));
        assert!(stale.message.contains("`redos`"), "{}", stale.message);
    }

    #[test]
    fn bad_files_give_clear_errors() {
        let err = Baseline::parse("{ not json").unwrap_err();
        assert!(matches!(err, BaselineError::Json { .. }), "{err}");

        let err =
            Baseline::parse(r#"{"version": 2, "tool": "nodeward", "stuff": []}"#).unwrap_err();
        assert!(matches!(err, BaselineError::Version { .. }));
        assert!(err.to_string().contains("version 2"), "{err}");

        let err = Baseline::parse(r#"{"entries": []}"#).unwrap_err();
        assert!(
            matches!(err, BaselineError::Version { found: None, .. }),
            "{err}"
        );

        let err =
            Baseline::parse(r#"{"version": 1, "tool": "eslint", "entries": []}"#).unwrap_err();
        assert!(matches!(err, BaselineError::Tool { .. }), "{err}");

        let err =
            Baseline::parse(r#"{"version": 1, "tool": "nodeward", "entries": [{"rule": 3}]}"#)
                .unwrap_err();
        assert!(matches!(err, BaselineError::Json { .. }), "{err}");

        let err = Baseline::load(Path::new("/nonexistent/nodeward/baseline.json")).unwrap_err();
        assert!(matches!(err, BaselineError::Io { .. }), "{err}");
    }
}
