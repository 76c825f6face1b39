//! `vulnerable-dependency`: an installed package version with a published
//! advisory. The lockfile reading, the advisory matching and the findings
//! live in `nodeward_deps`; this file declares the rule and hands it the
//! project's imports, so that a package the source imports ranks above one
//! that is merely installed.

use nodeward_deps::check::{findings, imported};
use nodeward_report::{Finding, Level, Precision, RuleMeta};
use nodeward_semantic::FileId;

use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "vulnerable-dependency",
    name: "VulnerableDependency",
    summary: "An installed package version has a published security advisory",
    default_level: Level::Error,
    cwe: &[1395],
    tags: &["dependencies", "supply-chain"],
    precision: Precision::VeryHigh,
    security_severity: "7.5",
    docs: include_str!("../../../../rules/vulnerable-dependency.md"),
};

pub struct VulnerableDependency;

impl Rule for VulnerableDependency {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    fn ranks_levels(&self) -> bool {
        true
    }

    fn needs_deps(&self) -> bool {
        true
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let Some(deps) = ctx.deps else { return };
        let Some(db) = &deps.db else { return };
        // What a test suite imports does not run in production, nor does a
        // type-only import: neither makes a package "imported".
        let files: Vec<(String, Vec<String>)> = ctx
            .project
            .files
            .iter()
            .filter(|f| !crate::is_test_path(&f.path))
            .map(|f| {
                (
                    f.path.clone(),
                    f.imports
                        .iter()
                        .filter(|s| !f.type_only_imports.contains(s))
                        .map(|s| s.to_string())
                        .collect(),
                )
            })
            .collect();
        let used = imported(&deps.locks, &files);
        out.extend(findings(META.id, &deps.locks, db, &used));
    }
}
