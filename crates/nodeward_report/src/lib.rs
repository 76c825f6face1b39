//! Findings and everything that happens to them after the rules ran:
//! suppressions, baseline, fingerprints, sorting and the renderers.
//! This crate is a leaf: it knows nothing of parsing or of the rules' logic.
//!
//! The order of the steps, as the CLI runs them:
//! 1. [`suppress::apply_suppressions`] removes findings silenced inline;
//! 2. [`sort_findings`], then [`fingerprint::fingerprints`] over what is left;
//! 3. [`baseline::Baseline::apply`] removes accepted findings (or
//!    [`baseline::Baseline::from_findings`] writes them);
//! 4. a [`RunReport`] with the remaining findings and their fingerprints goes
//!    to a [`render::Render`]er.

pub mod baseline;
pub mod finding;
pub mod fingerprint;
pub mod line_index;
pub mod notice;
pub mod render;
pub mod rule_meta;
pub mod run;
#[cfg(feature = "schema-check")]
pub mod schema_check;
pub mod suppress;

pub use finding::{Finding, Fix, FlowStep, Level, Related, Span};
pub use notice::{Notice, NoticeKind, SkipReason};
pub use rule_meta::{Precision, RuleMeta};
pub use run::{
    shown_path, sort_findings, sort_notices, AdvisoriesSummary, DepsSummary, LockSummary,
    PhaseTimings, RunReport, Summary,
};
