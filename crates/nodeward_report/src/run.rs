//! The result of one run, as every renderer receives it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

use crate::finding::Finding;
use crate::notice::{Notice, SkipReason};
use crate::rule_meta::RuleMeta;

#[derive(Debug, Clone, Default, Serialize)]
pub struct PhaseTimings {
    pub discover: Duration,
    pub parse: Duration,
    pub index: Duration,
    pub link: Duration,
    pub rules: Duration,
    pub report: Duration,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Files found by discovery (after excludes).
    pub discovered: usize,
    pub analyzed: usize,
    pub skipped: BTreeMap<SkipReason, usize>,
    pub parse_errors: usize,
    pub panicked: usize,
    /// Findings silenced by inline suppressions.
    pub suppressed: usize,
    /// Findings matched by the baseline.
    pub baselined: usize,
    pub timings: PhaseTimings,
}

#[derive(Debug, Clone)]
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
}
