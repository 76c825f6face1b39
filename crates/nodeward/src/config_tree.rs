//! The closest configuration for each file, as ruff's hierarchical
//! configuration: a `nodeward.toml` (or a package.json `"nodeward"`
//! section) in a folder below the run's own configuration governs the files
//! under that folder, on its own: it does not merge with the configurations
//! above it unless it says `extend = "../nodeward.toml"`.
//!
//! What a nested file may set is what can differ from file to file: `[rules]`,
//! `[[overrides]]` and `exclude` (its globs relative to its folder). What
//! belongs to the whole run (`fail-on`, `models`, `advisories`, the size cap
//! and time budget, `report-unused-suppressions`) is read from the run's
//! configuration only; a nested file that sets one differently gets a
//! notice saying it is ignored. `-c FILE` turns the hierarchy off, as
//! ruff's `--config` does.
//!
//! Rules run once over the whole project (a flow crosses folders), so the
//! run enables every rule some configuration enables, and each finding is
//! then given the level of the configuration closest to its file, or dropped
//! where that configuration turns its rule off.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use nodeward_front::discover::Discovery;
use nodeward_report::{Finding, Level, Notice, NoticeKind};
use nodeward_rules::{all_rules, find_rule};
use rayon::prelude::*;

use crate::config::{self, Config};
use crate::overrides::{self, Override};
use crate::pipeline::EnabledRule;

/// `--select` and `--ignore`: they apply in every configuration's folder.
#[derive(Debug, Clone, Default)]
pub struct RuleChoice {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
}

impl RuleChoice {
    /// The level of each rule that `[rules]` (of one configuration) leaves
    /// on under this choice.
    pub fn levels(&self, rules: &BTreeMap<String, String>) -> BTreeMap<&'static str, Level> {
        let mut out = BTreeMap::new();
        for rule in all_rules() {
            let id = rule.meta().id;
            let setting = rules.get(id).map(String::as_str).unwrap_or("on");
            let selected = if self.select.is_empty() {
                setting != "off"
            } else {
                self.select.iter().any(|s| s == id)
            };
            if !selected || self.ignore.iter().any(|s| s == id) {
                continue;
            }
            out.insert(
                id,
                Level::parse(setting).unwrap_or(rule.meta().default_level),
            );
        }
        out
    }
}

/// What the hierarchy needs of the run's configuration, to find the others
/// (`None` in [`crate::pipeline::AnalyzeOptions`] with `-c`).
#[derive(Debug, Clone, Default)]
pub struct NestedSpec {
    /// The run's configuration and its file (`None`: built-in defaults).
    pub config: Config,
    pub config_path: Option<PathBuf>,
    pub choice: RuleChoice,
    /// Whether the run checks rules at all (`routes` does not, and reads
    /// only the nested excludes).
    pub check: bool,
}

/// One configuration's say over the files under its folder.
struct Scope {
    /// Root-relative folder with a trailing `/` (`""` for the root); `None`
    /// for the run's configuration outside the project root.
    dir: Option<String>,
    levels: BTreeMap<&'static str, Level>,
    overrides: Vec<Override>,
    /// A nested configuration's `exclude`, relative to its folder (the
    /// run's own excludes are applied while walking).
    excludes: Option<Gitignore>,
}

impl Scope {
    /// `path` relative to this scope's folder, as its globs see it. The run's
    /// own globs are relative to the project root.
    fn relative<'p>(&self, path: &'p str, nested: bool) -> &'p str {
        match (&self.dir, nested) {
            (Some(d), true) => path.strip_prefix(d.as_str()).unwrap_or(path),
            _ => path,
        }
    }
}

/// The configurations of a run, the run's own first.
pub struct ConfigTree {
    scopes: Vec<Scope>,
}

impl ConfigTree {
    /// Finds the configurations in the folders of the discovered files
    /// (from each file's folder up to the project root) and reads them. An
    /// invalid one is an error, as the run's own is.
    pub fn build(
        run_rules: &[EnabledRule],
        run_overrides: &[Override],
        nested: Option<&NestedSpec>,
        discovery: &Discovery,
    ) -> Result<(ConfigTree, Vec<Notice>), String> {
        let root = &discovery.root;
        let mut scopes = vec![Scope {
            dir: None,
            levels: run_rules
                .iter()
                .map(|r| (r.rule.meta().id, r.level))
                .collect(),
            overrides: run_overrides.to_vec(),
            excludes: None,
        }];
        let mut notices = Vec::new();
        let Some(spec) = nested else {
            return Ok((ConfigTree { scopes }, notices));
        };
        let run_file = spec
            .config_path
            .as_deref()
            .and_then(|p| std::fs::canonicalize(p).ok());
        let real_root = std::fs::canonicalize(root).ok();
        scopes[0].dir = run_file
            .as_deref()
            .and_then(Path::parent)
            .and_then(|d| d.strip_prefix(real_root.as_ref()?).ok())
            .map(|d| folder_key(&d.to_string_lossy().replace('\\', "/")));
        // Only the folders the walk saw a config file in (or did not walk)
        // and that hold a file of the run; their package.json files are
        // read in parallel, on the run's workers.
        let holding = folders(discovery);
        let found: Vec<(String, PathBuf)> = discovery
            .config_dirs
            .par_iter()
            .filter(|dir| holding.contains(dir.as_str()))
            .filter_map(|dir| {
                let dir = dir.clone();
                let path = config::in_folder(&root.join(&dir))?;
                Some((dir, path))
            })
            .collect();
        for (dir, path) in found {
            if std::fs::canonicalize(&path).ok() == run_file {
                continue;
            }
            let config = config::load(&path)?;
            let shown = format!("{}{}", folder_key(&dir), file_name(&path));
            notices.extend(ignored_keys(
                &spec.config,
                spec.config_path.as_deref(),
                &config,
                &path,
                &shown,
            ));
            let excludes = excludes(&root.join(&dir), &config.exclude)
                .map_err(|e| format!("invalid config {}: exclude: {e}", path.display()))?;
            let mut levels = spec.choice.levels(&config.rules);
            if !spec.check {
                levels.clear();
            }
            scopes.push(Scope {
                dir: Some(folder_key(&dir)),
                levels,
                overrides: overrides::compile(&config.overrides)
                    .map_err(|e| format!("invalid config {}: {e}", path.display()))?,
                excludes: Some(excludes),
            });
        }
        Ok((ConfigTree { scopes }, notices))
    }

    /// Whether there is any configuration besides the run's.
    pub fn is_nested(&self) -> bool {
        self.scopes.len() > 1
    }

    /// The index of the scope that governs `path`: the deepest folder
    /// holding it, else the run's configuration.
    fn scope_of(&self, path: &str) -> usize {
        self.scopes
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some((i, s.dir.as_deref()?)))
            .filter(|(_, d)| path.starts_with(d))
            .max_by_key(|(_, d)| d.len())
            .map_or(0, |(i, _)| i)
    }

    /// Every rule some configuration enables, at the highest level any gives
    /// it (a rule that ranks its own levels is capped by it, then by the
    /// scope's level in [`ConfigTree::apply`]).
    pub fn enabled_rules(&self) -> Vec<EnabledRule> {
        let mut levels: BTreeMap<&'static str, Level> = BTreeMap::new();
        for s in &self.scopes {
            for (id, level) in &s.levels {
                let l = levels.entry(id).or_insert(*level);
                *l = (*l).max(*level);
            }
        }
        all_rules()
            .iter()
            .filter_map(|r| {
                let level = *levels.get(r.meta().id)?;
                Some(EnabledRule { rule: *r, level })
            })
            .collect()
    }

    /// Leaves out the files a nested configuration excludes (a file named
    /// on the command line is kept, as with every exclude).
    pub fn exclude(&self, discovery: &mut Discovery) {
        if !self.is_nested() {
            return;
        }
        let before = discovery.files.len() + discovery.lockfiles.len();
        let keep = |f: &nodeward_front::discover::SourcePath| {
            let i = self.scope_of(&f.rel);
            let s = &self.scopes[i];
            // Relative to the scope's folder, the matcher's root.
            let rel = Path::new(s.relative(&f.rel, i > 0));
            f.explicit
                || s.excludes
                    .as_ref()
                    .is_none_or(|g| !g.matched_path_or_any_parents(rel, false).is_ignore())
        };
        discovery.files.retain(keep);
        discovery.lockfiles.retain(keep);
        discovery.excluded += before - discovery.files.len() - discovery.lockfiles.len();
    }

    /// Each finding with the level its closest configuration gives its rule
    /// and that configuration's `[[overrides]]`; dropped where the rule is
    /// off.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        findings
            .into_iter()
            .filter_map(|mut f| {
                let i = self.scope_of(&f.path);
                let scope = &self.scopes[i];
                let level = *scope.levels.get(f.rule_id)?;
                let ranks = find_rule(f.rule_id).is_some_and(|r| r.ranks_levels());
                f.level = if ranks { f.level.min(level) } else { level };
                let path = f.path.clone();
                overrides::apply_one(&scope.overrides, scope.relative(&path, i > 0), f)
            })
            .collect()
    }
}

/// `dir` as a prefix of the paths under it: `""` or `a/b/`.
fn folder_key(dir: &str) -> String {
    if dir.is_empty() {
        String::new()
    } else {
        format!("{}/", dir.trim_end_matches('/'))
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every root-relative folder holding a discovered file, and the folders
/// above it up to the root, shallowest first.
fn folders(discovery: &Discovery) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for f in discovery.files.iter().chain(&discovery.lockfiles) {
        if Path::new(&f.rel).is_absolute() || f.rel.starts_with("../") {
            continue;
        }
        let mut dir = f.rel.rsplit_once('/').map_or("", |(d, _)| d);
        while out.insert(dir.to_string()) && !dir.is_empty() {
            dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
        }
    }
    out
}

fn excludes(dir: &Path, patterns: &[String]) -> Result<Gitignore, String> {
    let mut builder = GitignoreBuilder::new(dir);
    for p in patterns {
        builder.add_line(None, p).map_err(|e| e.to_string())?;
    }
    builder.build().map_err(|e| e.to_string())
}

/// The notice for the run-wide keys a nested configuration sets to
/// something other than the run's configuration does.
fn ignored_keys(
    run: &Config,
    run_path: Option<&Path>,
    nested: &Config,
    nested_path: &Path,
    shown: &str,
) -> Option<Notice> {
    let run_dir = run_path.and_then(Path::parent).unwrap_or(Path::new(""));
    let nested_dir = nested_path.parent().unwrap_or(Path::new(""));
    // A key the nested file sets to something else than the run's value;
    // its paths are compared resolved, each against its own file's folder.
    fn set_otherwise<T: PartialEq>(nested: Option<T>, run: Option<T>) -> bool {
        nested.is_some() && nested != run
    }
    let paths =
        |dir: &Path, m: &[PathBuf]| -> Vec<PathBuf> { m.iter().map(|p| dir.join(p)).collect() };
    let checks = [
        (
            "fail-on",
            set_otherwise(nested.fail_on.as_ref(), run.fail_on.as_ref()),
        ),
        (
            "max-file-size",
            set_otherwise(nested.max_file_size, run.max_file_size),
        ),
        (
            "file-time-budget",
            set_otherwise(nested.file_time_budget, run.file_time_budget),
        ),
        (
            "memory-budget",
            set_otherwise(nested.memory_budget, run.memory_budget),
        ),
        (
            "report-unused-suppressions",
            nested.report_unused_suppressions && !run.report_unused_suppressions,
        ),
        (
            "advisories",
            set_otherwise(
                nested.advisories.as_ref().map(|p| nested_dir.join(p)),
                run.advisories.as_ref().map(|p| run_dir.join(p)),
            ),
        ),
        (
            "advisory-max-age-days",
            set_otherwise(nested.advisory_max_age_days, run.advisory_max_age_days),
        ),
        (
            "models",
            !nested.models.is_empty()
                && paths(nested_dir, &nested.models) != paths(run_dir, &run.models),
        ),
    ];
    let keys: Vec<&str> = checks.iter().filter(|(_, c)| *c).map(|(k, _)| *k).collect();
    if keys.is_empty() {
        return None;
    }
    let run_name = run_path.map_or_else(
        || "the built-in defaults".to_string(),
        |p| p.display().to_string(),
    );
    Some(Notice::for_file(
        NoticeKind::ConfigKey,
        shown.to_string(),
        format!(
            "{} {} the whole run and {} read from the run's configuration ({run_name}) only; ignored here",
            keys.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", "),
            if keys.len() == 1 { "is a setting of" } else { "are settings of" },
            if keys.len() == 1 { "is" } else { "are" },
        ),
    ))
}
