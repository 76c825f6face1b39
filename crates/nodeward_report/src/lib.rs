//! Findings and everything that happens to them after the rules ran:
//! suppressions, baseline, fingerprints, sorting and the renderers.
//! This crate is a leaf: it knows nothing of parsing or of the rules' logic.

pub mod finding;
pub mod notice;
pub mod rule_meta;
pub mod run;

pub use finding::{Finding, FlowStep, Level, Related, Span};
pub use notice::{Notice, NoticeKind, SkipReason};
pub use rule_meta::{Precision, RuleMeta};
pub use run::{PhaseTimings, RunReport, Summary};
