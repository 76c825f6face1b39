//! The result of one run, as every renderer receives it.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use crate::finding::Finding;
use crate::fingerprint::fingerprints;
use crate::notice::{Notice, SkipReason};
use crate::rule_meta::RuleMeta;

#[derive(Debug, Clone, Default, Serialize)]
pub struct PhaseTimings {
    pub discover: Duration,
    /// Reading the lockfiles and the advisory database.
    pub deps: Duration,
    pub parse: Duration,
    pub index: Duration,
    /// Building the project's module graph.
    pub link: Duration,
    /// The app and route interpretation and the route table.
    pub routes: Duration,
    pub rules: Duration,
    /// The dataflow engine's queries, within `rules` (the solve).
    pub solve: Duration,
    /// Each rule's share of `rules`: its per-file checks summed over worker
    /// threads, plus its project-level check (the dataflow rules' solve).
    #[serde(skip)]
    pub each_rule: Vec<(&'static str, Duration)>,
    pub report: Duration,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files found by discovery (after excludes).
    pub discovered: usize,
    pub analyzed: usize,
    pub skipped: BTreeMap<SkipReason, usize>,
    pub parse_errors: usize,
    /// Of `parse_errors`, the Flow files with Flow-only type syntax.
    pub flow_parse_errors: usize,
    pub panicked: usize,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Findings matched by the baseline.
    pub baselined: usize,
    /// The dependency check's inputs, when a rule that reads them ran.
    pub dependencies: Option<DepsSummary>,
    /// Files under folders the apps serve as static files: client code,
    /// which the server rules leave aside.
    pub client_files: usize,
    pub timings: PhaseTimings,
}

/// What the dependency check read.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DepsSummary {
    /// Each lockfile read: project-relative path, kind, installed packages.
    pub lockfiles: Vec<LockSummary>,
    /// `None` when no advisory database was given.
    pub advisories: Option<AdvisoriesSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LockSummary {
    pub path: String,
    pub kind: String,
    pub packages: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct AdvisoriesSummary {
    /// The folder or zip given, or the OSV API endpoint.
    pub source: String,
    pub count: usize,
    /// The newest `modified` date of its advisories: how current it is.
    pub newest_modified: Option<String>,
    pub age_days: Option<u64>,
}

#[derive(Debug, Clone, Default)]
pub struct RunReport {
    /// Absolute path that every `path` in findings and notices is relative to.
    pub root: PathBuf,
    pub tool_version: &'static str,
    /// The rules enabled in this run, sorted by id.
    pub rules: Vec<RuleMeta>,
    /// Sorted by `Finding::sort_key`.
    pub findings: Vec<Finding>,
    pub notices: Vec<Notice>,
    /// Source text of every file a finding or notice points into.
    pub sources: BTreeMap<String, Arc<str>>,
    pub summary: Summary,
    /// The `nodeward/v1` fingerprint of each finding, parallel to `findings`,
    /// as computed before the baseline removed any (so that occurrence indices
    /// do not depend on what was baselined). Left empty, renderers compute
    /// them from `findings` and `sources`.
    pub fingerprints: Vec<String>,
    /// The folder paths are shown relative to in the human, concise, JSON,
    /// github and junit outputs (the current directory, as ruff does); `None`
    /// shows them relative to `root`. SARIF, GitLab and the baseline always
    /// use `root`.
    pub shown_from: Option<PathBuf>,
}

impl RunReport {
    /// `rel` (relative to `root`) as the reader sees it: relative to
    /// `shown_from` when the file is below it, else absolute, never with
    /// `../` steps.
    pub fn shown_path<'a>(&self, rel: &'a str) -> Cow<'a, str> {
        shown_path(&self.root, self.shown_from.as_deref(), rel)
    }

    /// The fingerprint of every finding, in order: `self.fingerprints` when it
    /// has one per finding, computed otherwise.
    pub fn fingerprints(&self) -> Cow<'_, [String]> {
        if self.fingerprints.len() == self.findings.len() {
            Cow::Borrowed(&self.fingerprints)
        } else {
            Cow::Owned(fingerprints(&self.findings, &self.sources))
        }
    }

    /// Whether a notice says the analysis itself failed (the run exits 2 and
    /// SARIF `executionSuccessful` is false).
    pub fn has_internal_error(&self) -> bool {
        self.notices.iter().any(Notice::is_internal_error)
    }
}

/// `rel` (relative to `root`) as seen from the folder `from`: relative to it
/// when the file is below it, else absolute, never with `../` steps; `rel`
/// itself without `from`.
pub fn shown_path<'a>(root: &Path, from: Option<&Path>, rel: &'a str) -> Cow<'a, str> {
    let Some(dir) = from else {
        return Cow::Borrowed(rel);
    };
    if dir == root || Path::new(rel).is_absolute() {
        return Cow::Borrowed(rel);
    }
    let abs = root.join(rel);
    match abs.strip_prefix(dir) {
        Ok(below) if !below.as_os_str().is_empty() => {
            Cow::Owned(below.to_string_lossy().replace('\\', "/"))
        }
        _ => Cow::Owned(abs.to_string_lossy().into_owned()),
    }
}

/// Sorts findings into the order every output uses ([`Finding::sort_key`]).
pub fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}

/// Sorts notices into the order every output uses ([`Notice::sort_key`]).
pub fn sort_notices(notices: &mut [Notice]) {
    notices.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}
