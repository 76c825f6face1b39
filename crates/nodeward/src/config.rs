//! `nodeward.toml`: found upward from the first path, or given with `-c`.
//! Every key is checked; an unknown key or a bad value is an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const FILE_NAME: &str = "nodeward.toml";

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Gitignore-style globs added to the built-in excludes.
    #[serde(default)]
    pub exclude: Vec<String>,
    pub max_file_size: Option<u64>,
    /// Seconds one file's rules may take (`--file-time-budget`).
    pub file_time_budget: Option<f64>,
    /// MiB the files' models may hold (`--memory-budget`).
    pub memory_budget: Option<u64>,
    pub fail_on: Option<String>,
    /// Unused, unknown and malformed suppressions fail the run
    /// (`--report-unused-suppressions`).
    #[serde(default)]
    pub report_unused_suppressions: bool,
    /// Rule id → `off`, `on`, `note`, `warning` or `error`.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// The advisory database (a folder of OSV files or the OSV npm zip),
    /// relative to the config file's folder.
    pub advisories: Option<PathBuf>,
    /// Advisories whose newest entry is older than this get a notice.
    pub advisory_max_age_days: Option<u64>,
    /// The project's own models files (same rows as rules/models/*.toml),
    /// relative to the config file's folder.
    #[serde(default)]
    pub models: Vec<PathBuf>,
    /// Rule settings for the files matching globs (`[[overrides]]`).
    #[serde(default)]
    pub overrides: Vec<crate::overrides::OverrideConfig>,
    /// Another config file this one builds on, relative to this file's
    /// folder (eslint's and ruff's `extend`).
    pub extend: Option<PathBuf>,
}

/// How many `extend` links a chain may have: deeper is surely a mistake.
const MAX_EXTEND_DEPTH: usize = 8;

/// The config file for a run: `explicit`, else the nearest `nodeward.toml`,
/// or package.json with a `"nodeward"` section, in the first path's folder
/// or above it.
pub fn find(explicit: Option<&Path>, first_path: &Path) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let start = std::fs::canonicalize(first_path).ok()?;
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        if let Some(found) = in_folder(d) {
            return Some(found);
        }
        dir = d.parent();
    }
    None
}

/// The config file of folder `dir`: its `nodeward.toml`, else its
/// package.json when that has a `"nodeward"` section.
pub fn in_folder(dir: &Path) -> Option<PathBuf> {
    let candidate = dir.join(FILE_NAME);
    if candidate.is_file() {
        return Some(candidate);
    }
    let package = dir.join("package.json");
    let text = std::fs::read_to_string(&package).ok()?;
    // Most package.json files have no section: skip parsing them.
    if !text.contains("\"nodeward\"") {
        return None;
    }
    section_of(&text).map(|_| package)
}

pub fn load(path: &Path) -> Result<Config, String> {
    load_chain(path, &mut Vec::new())
}

/// Reads `path` and, first, the file it extends. The base's paths
/// (`advisories`, `models`) are made relative to `path`'s folder; the
/// extending file wins for single values and `[rules]` entries, and adds its
/// `exclude`, `models` and `[[overrides]]` after the base's.
fn load_chain(path: &Path, seen: &mut Vec<PathBuf>) -> Result<Config, String> {
    let invalid = |e: String| format!("invalid config {}: {e}", path.display());
    let mut config = if path.file_name().is_some_and(|n| n == "package.json") {
        // Read as data, never run: the same keys as nodeward.toml.
        let section = package_section(path).ok_or_else(|| {
            format!(
                "cannot read config {}: no \"nodeward\" section",
                path.display()
            )
        })?;
        section_config(section).map_err(invalid)?
    } else {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
        parse(&text).map_err(invalid)?
    };
    let Some(extend) = config.extend.take() else {
        return Ok(config);
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let base_path = dir.join(&extend);
    let key = std::fs::canonicalize(&base_path).unwrap_or_else(|_| base_path.clone());
    seen.push(std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()));
    if seen.contains(&key) {
        return Err(format!(
            "invalid config {}: extend: `{}` extends itself in a cycle",
            path.display(),
            extend.display()
        ));
    }
    if seen.len() > MAX_EXTEND_DEPTH {
        return Err(format!(
            "invalid config {}: extend: more than {MAX_EXTEND_DEPTH} files in the chain",
            path.display()
        ));
    }
    let mut base = load_chain(&base_path, seen)?;
    // The base's relative paths are relative to its own folder.
    let base_dir = base_path.parent().unwrap_or(Path::new("."));
    let rebase = |p: PathBuf| if p.is_absolute() { p } else { base_dir.join(p) };
    base.advisories = base.advisories.map(rebase);
    base.models = base.models.into_iter().map(rebase).collect();
    base.exclude.append(&mut config.exclude);
    base.models.append(&mut config.models);
    base.overrides.append(&mut config.overrides);
    base.rules.append(&mut config.rules);
    Ok(Config {
        exclude: base.exclude,
        max_file_size: config.max_file_size.or(base.max_file_size),
        file_time_budget: config.file_time_budget.or(base.file_time_budget),
        memory_budget: config.memory_budget.or(base.memory_budget),
        fail_on: config.fail_on.or(base.fail_on),
        report_unused_suppressions: config.report_unused_suppressions
            || base.report_unused_suppressions,
        rules: base.rules,
        advisories: config.advisories.or(base.advisories),
        advisory_max_age_days: config.advisory_max_age_days.or(base.advisory_max_age_days),
        models: base.models,
        overrides: base.overrides,
        extend: None,
    })
}

pub fn parse(text: &str) -> Result<Config, String> {
    // One line: the key or position and what is wrong with it.
    let config: Config = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| {
            let start = s.start.min(text.len());
            let line = text[..start].matches('\n').count() + 1;
            let source = text.lines().nth(line - 1).unwrap_or("").trim();
            format!("line {line} (`{source}`): ")
        });
        format!(
            "{}{}",
            at.unwrap_or_default(),
            e.message().split_whitespace().collect::<Vec<_>>().join(" ")
        )
    })?;
    validate(config)
}

/// The `"nodeward"` object of a package.json, when it has one.
fn package_section(path: &Path) -> Option<serde_json::Value> {
    section_of(&std::fs::read_to_string(path).ok()?)
}

fn section_of(package_json: &str) -> Option<serde_json::Value> {
    let mut json: serde_json::Value = serde_json::from_str(package_json).ok()?;
    let section = json.get_mut("nodeward")?.take();
    section.is_object().then_some(section)
}

fn section_config(section: serde_json::Value) -> Result<Config, String> {
    let config: Config =
        serde_json::from_value(section).map_err(|e| format!("\"nodeward\": {e}"))?;
    validate(config)
}

/// The configuration in the text of a package.json: `None` without a
/// `"nodeward"` section (the readers' fuzz target).
pub fn parse_package_json(text: &str) -> Option<Result<Config, String>> {
    section_of(text).map(section_config)
}

/// The checks serde cannot make: values of `fail-on` and of rule settings,
/// and the globs of `[[overrides]]`.
fn validate(config: Config) -> Result<Config, String> {
    if let Some(level) = &config.fail_on {
        if !matches!(level.as_str(), "error" | "warning" | "note" | "never") {
            return Err(format!(
                "fail-on: `{level}` is not one of error, warning, note, never"
            ));
        }
    }
    check_rule_settings("rules", &config.rules)?;
    for (i, o) in config.overrides.iter().enumerate() {
        check_rule_settings(&format!("overrides[{i}].rules"), &o.rules)?;
    }
    crate::overrides::compile(&config.overrides)?;
    Ok(config)
}

fn check_rule_settings(key: &str, rules: &BTreeMap<String, String>) -> Result<(), String> {
    for (rule, setting) in rules {
        if nodeward_rules::find_rule(rule).is_none() {
            return Err(format!("{key}: {}", crate::cli::unknown_rule(rule)));
        }
        if !matches!(
            setting.as_str(),
            "off" | "on" | "note" | "warning" | "error"
        ) {
            return Err(format!(
                "{key}.{rule}: `{setting}` is not one of off, on, note, warning, error"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn accepts_a_full_config() {
        let c = parse("exclude = [\"legacy/\"]\nmax-file-size = 10\nfail-on = \"error\"\n[rules]\nx-powered-by = \"off\"\n").unwrap();
        assert_eq!(c.exclude, vec!["legacy/"]);
        assert_eq!(c.rules["x-powered-by"], "off");
    }

    #[test]
    fn rejects_unknown_keys_and_values() {
        assert!(parse("excludes = []").unwrap_err().contains("excludes"));
        assert!(parse("[rules]\nno-such-rule = \"on\"")
            .unwrap_err()
            .contains("unknown rule"));
        assert!(parse("[rules]\nx-powered-by = \"loud\"")
            .unwrap_err()
            .contains("loud"));
        assert!(parse("fail-on = \"sometimes\"").is_err());
    }
}

#[cfg(test)]
mod extend_tests {
    use super::load;

    #[test]
    fn a_config_extends_its_base_and_wins_over_it() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir_all(&shared).unwrap();
        std::fs::write(
            shared.join("base.toml"),
            "fail-on = \"error\"\nexclude = [\"legacy/\"]\nmodels = [\"models.toml\"]\n[rules]\nredos = \"off\"\nx-powered-by = \"note\"\n",
        )
        .unwrap();
        let app = dir.path().join("nodeward.toml");
        std::fs::write(&app, "extend = \"shared/base.toml\"\nexclude = [\"scripts/\"]\n[rules]\nx-powered-by = \"error\"\n").unwrap();
        let c = load(&app).unwrap();
        assert_eq!(c.fail_on.as_deref(), Some("error"));
        assert_eq!(c.exclude, ["legacy/", "scripts/"]);
        assert_eq!(c.rules["redos"], "off");
        assert_eq!(c.rules["x-powered-by"], "error");
        assert_eq!(c.models, [shared.join("models.toml")]);
    }

    #[test]
    fn a_cycle_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.toml"), "extend = \"b.toml\"\n").unwrap();
        std::fs::write(dir.path().join("b.toml"), "extend = \"a.toml\"\n").unwrap();
        let e = load(&dir.path().join("a.toml")).unwrap_err();
        assert!(e.contains("cycle"), "{e}");
        let e = load(&dir.path().join("missing-base.toml")).unwrap_err();
        assert!(e.contains("cannot read config"), "{e}");
    }
}

#[cfg(test)]
mod package_json_tests {
    use super::{find, load};

    #[test]
    fn a_nodeward_section_in_package_json_is_a_config() {
        let dir = tempfile::tempdir().unwrap();
        let package = dir.path().join("package.json");
        std::fs::write(
            &package,
            r#"{"name": "app", "nodeward": {"fail-on": "error", "rules": {"redos": "off"}}}"#,
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("src")).unwrap();
        let found = find(None, &dir.path().join("src")).unwrap();
        assert_eq!(found.file_name().unwrap(), "package.json");
        let c = load(&found).unwrap();
        assert_eq!(c.fail_on.as_deref(), Some("error"));
        assert_eq!(c.rules["redos"], "off");
        // nodeward.toml in the same folder comes first.
        std::fs::write(dir.path().join("nodeward.toml"), "fail-on = \"note\"\n").unwrap();
        assert_eq!(
            find(None, dir.path()).unwrap().file_name().unwrap(),
            "nodeward.toml"
        );
        // The same checks as nodeward.toml.
        std::fs::write(&package, r#"{"nodeward": {"fail-on": "sometimes"}}"#).unwrap();
        assert!(load(&package).unwrap_err().contains("sometimes"));
        std::fs::write(&package, r#"{"nodeward": {"excludes": []}}"#).unwrap();
        assert!(load(&package).unwrap_err().contains("excludes"));
    }

    #[test]
    fn a_package_json_without_a_section_is_not_a_config() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("package.json"), r#"{"name": "app"}"#).unwrap();
        assert!(find(None, dir.path()).is_none());
    }
}
