//! `nodeward.toml`: found upward from the first path, or given with `-c`.
//! Every key is checked; an unknown key or a bad value is an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

pub const FILE_NAME: &str = "nodeward.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Gitignore-style globs added to the built-in excludes.
    #[serde(default)]
    pub exclude: Vec<String>,
    pub max_file_size: Option<u64>,
    /// Seconds one file's rules may take (`--file-time-budget`).
    pub file_time_budget: Option<f64>,
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
}

/// The config file for a run: `explicit`, else the nearest `nodeward.toml`
/// in the first path's folder or above it.
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
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

pub fn load(path: &Path) -> Result<Config, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read config {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("invalid config {}: {e}", path.display()))
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
