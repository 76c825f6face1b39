//! The rules: the `Rule` trait, the registry, the library models (data
//! under rules/models), and one file per rule under `rules/`.

pub mod client_data;
pub mod clock;
mod crash;
pub mod flow_sinks;
pub mod middleware;
pub mod models;
mod regex_fix;
mod registry;
pub mod rules;

use std::sync::Mutex;

use nodeward_report::{Finding, Notice, RuleMeta};
use nodeward_semantic::routes::RouteTable;
use nodeward_semantic::{FileId, Project};

/// What every rule can read: the project's files and module graph, and the
/// route table built from them.
pub struct Ctx<'a> {
    pub project: &'a Project,
    pub routes: &'a RouteTable,
    /// Notices a rule raises (e.g. an analysis that ran out of budget).
    pub notices: &'a Mutex<Vec<Notice>>,
    /// The lockfiles and advisories, when a rule that needs them is on.
    pub deps: Option<&'a nodeward_deps::check::ProjectDeps>,
    /// The dataflow engine, built by the first project-level rule that
    /// needs it and shared by the others (its caches too).
    pub flow: &'a Mutex<Option<nodeward_semantic::flow::Flow<'a>>>,
}

impl<'a> Ctx<'a> {
    /// The project's dataflow engine, shared by the project-level rules
    /// (built by the first that asks). Hold the guard for the rule's pass.
    pub fn flow(&self) -> std::sync::MutexGuard<'_, Option<nodeward_semantic::flow::Flow<'a>>> {
        let mut guard = self.flow.lock().unwrap_or_else(|e| e.into_inner());
        if guard.is_none() {
            *guard = Some(nodeward_semantic::flow::Flow::new(
                self.project,
                self.routes,
            ));
        }
        guard
    }

    /// Whether the server rules leave a file aside: test code, or client
    /// code under a folder an app serves as static files.
    pub fn leaves_aside(&self, file: FileId) -> bool {
        let path = &self.project.file(file).path;
        is_test_path(path) || self.routes.is_static(path)
    }
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;

    /// Reports the findings whose primary location is in `file`. Runs once
    /// per file, in parallel; a panic is caught and reported for that file.
    fn check(&self, ctx: &Ctx, file: FileId, out: &mut Vec<Finding>);

    /// Reports findings about the project as a whole (its lockfiles), once
    /// per run after the per-file checks.
    fn check_project(&self, _ctx: &Ctx, _out: &mut Vec<Finding>) {}

    /// The names of the calls (methods, globals) whose sites
    /// `check_project` looks up (`Project::calls_named`): indexed once for
    /// all the enabled rules.
    fn sink_calls(&self) -> Vec<&'static str> {
        Vec::new()
    }

    /// Whether `check_project` sets each finding's level itself (the
    /// configured level then caps it); otherwise the configured level is used.
    fn ranks_levels(&self) -> bool {
        false
    }

    /// Whether the rule reads the lockfiles and advisories.
    fn needs_deps(&self) -> bool {
        false
    }
}

pub use registry::{all_rules, find_rule};

/// Whether a file is test code (a `test/`, `tests/`, `__tests__/`,
/// `__mocks__/`, `spec/`, `e2e/` or `integration-tests/` folder, or a
/// `*.test.*` / `*.spec.*` file). The app and
/// process rules skip such files: an app a test creates to exercise a
/// plugin is never deployed, and a test runner's process handlers are not
/// the service's.
pub fn is_test_path(path: &str) -> bool {
    let mut parts = path.split('/');
    let file = parts.next_back().unwrap_or("");
    parts.any(|p| {
        matches!(
            p,
            "test"
                | "tests"
                | "__tests__"
                | "__mocks__"
                | "__fixtures__"
                | "spec"
                | "e2e"
                | "integration-tests"
                | "browser-test"
        )
    }) || file.contains(".test.")
        || file.contains(".spec.")
}

#[cfg(test)]
mod tests {
    use super::is_test_path;

    #[test]
    fn recognizes_test_files() {
        assert!(is_test_path("test/app.js"));
        assert!(is_test_path(
            "gaxios/build/cjs/browser-test/browser-test-runner.js"
        ));
        assert!(is_test_path("pkg/tests/x.ts"));
        assert!(is_test_path("src/app.spec.ts"));
        assert!(is_test_path("src/__tests__/a.js"));
        assert!(is_test_path("spec/ParseLiveQueryServer.spec.js"));
        assert!(is_test_path("spec/helper.js"));
        assert!(is_test_path("integration-tests/helpers/use-api.js"));
        assert!(is_test_path("apps/web/e2e/login.ts"));
        assert!(!is_test_path("src/specs.js"));
        assert!(!is_test_path("testdata/rules/a.js"));
        assert!(!is_test_path("src/contest/app.js"));
        assert!(!is_test_path("src/testing.js"));
    }
}
