//! The rules: the `Rule` trait, the registry, the library models (data
//! under rules/models), and one file per rule under `rules/`.

pub mod middleware;
pub mod models;
pub mod registry;
pub mod rules;

use nodeward_report::{Finding, RuleMeta};
use nodeward_semantic::apps::AppModel;
use nodeward_semantic::{FileId, Project};

/// What every rule can read: the project's files and module graph, and the
/// app model built from them.
pub struct Ctx<'a> {
    pub project: &'a Project,
    pub apps: &'a AppModel,
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;

    /// Reports the findings whose primary location is in `file`. Runs once
    /// per file, in parallel; a panic is caught and reported for that file.
    fn check(&self, ctx: &Ctx, file: FileId, out: &mut Vec<Finding>);
}

pub use registry::{all_rules, find_rule};
