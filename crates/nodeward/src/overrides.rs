//! `[[overrides]]` in nodeward.toml: rule settings for the files that match
//! globs, as ruff's `per-file-ignores` and eslint's `files` blocks:
//!
//! ```toml
//! [[overrides]]
//! files = ["legacy/", "scripts/*.js"]
//! rules = { redos = "off", x-powered-by = "note" }
//! ```
//!
//! Globs are matched against the path a finding is reported at (relative to
//! the project root, `/`-separated), with gitignore's conventions: a pattern
//! without `/` matches a file or folder name at any depth, a folder matches
//! everything under it, `*` stays within one folder and `**` crosses them.
//! Overrides apply in order, a later one winning; `off` drops the finding,
//! a level replaces its level. They apply before inline suppressions and the
//! baseline, so a baseline written with them never records a dropped finding.

use std::collections::BTreeMap;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use nodeward_report::{Finding, Level};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverrideConfig {
    pub files: Vec<String>,
    /// Rule id → `off`, `on`, `note`, `warning` or `error`.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Override {
    globs: GlobSet,
    rules: BTreeMap<String, String>,
}

/// The globs of one pattern, gitignore-style.
fn expand(pattern: &str) -> Vec<String> {
    let p = pattern.trim_start_matches("./");
    // A leading `/` or a `/` inside anchors the pattern at the root.
    let rooted = p.starts_with('/');
    let p = p.trim_start_matches('/').trim_end_matches('/');
    let anchored = if rooted || p.contains('/') {
        p.to_string()
    } else {
        format!("**/{p}")
    };
    vec![anchored.clone(), format!("{anchored}/**")]
}

/// Compiles the overrides of a config; a bad glob is a config error.
pub fn compile(configs: &[OverrideConfig]) -> Result<Vec<Override>, String> {
    configs
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.files.is_empty() {
                return Err(format!("overrides[{i}]: `files` is empty"));
            }
            let mut set = GlobSetBuilder::new();
            for pattern in &c.files {
                for glob in expand(pattern) {
                    let g = GlobBuilder::new(&glob)
                        .literal_separator(true)
                        .build()
                        .map_err(|e| format!("overrides[{i}]: files: `{pattern}`: {e}"))?;
                    set.add(g);
                }
            }
            let globs = set
                .build()
                .map_err(|e| format!("overrides[{i}]: files: {e}"))?;
            Ok(Override {
                globs,
                rules: c.rules.clone(),
            })
        })
        .collect()
}

/// The findings left, with their levels, once `overrides` are applied.
pub fn apply(overrides: &[Override], findings: Vec<Finding>) -> Vec<Finding> {
    if overrides.is_empty() {
        return findings;
    }
    findings
        .into_iter()
        .filter_map(|f| {
            let path = f.path.clone();
            apply_one(overrides, &path, f)
        })
        .collect()
}

/// `f` with its level once `overrides` are applied, matched against `path`
/// (the finding's path relative to the folder of the configuration that
/// declares them); `None` when one turns it off.
pub fn apply_one(overrides: &[Override], path: &str, mut f: Finding) -> Option<Finding> {
    let mut on = true;
    for o in overrides.iter().filter(|o| o.globs.is_match(path)) {
        match o.rules.get(f.rule_id).map(String::as_str) {
            Some("off") => on = false,
            Some("on") => on = true,
            Some(level) => {
                on = true;
                if let Some(l) = Level::parse(level) {
                    f.level = l;
                }
            }
            None => {}
        }
    }
    on.then_some(f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nodeward_report::Span;

    fn finding(rule: &'static str, path: &str) -> Finding {
        Finding::new(rule, Level::Warning, path, Span::new(0, 1))
    }

    fn overrides(files: &[&str], rules: &[(&str, &str)]) -> Vec<Override> {
        compile(&[OverrideConfig {
            files: files.iter().map(|s| s.to_string()).collect(),
            rules: rules
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        }])
        .unwrap()
    }

    #[test]
    fn globs_follow_gitignore_conventions() {
        let o = overrides(&["test/", "scripts/*.js", "*.spec.ts"], &[("redos", "off")]);
        let kept = |path: &str| !apply(&o, vec![finding("redos", path)]).is_empty();
        assert!(!kept("test/a.js"));
        assert!(!kept("packages/api/test/deep/a.js"));
        assert!(!kept("scripts/seed.js"));
        assert!(kept("scripts/sub/seed.js"), "`*` stays in one folder");
        assert!(!kept("src/user.spec.ts"));
        assert!(kept("src/testing.js"));
        assert!(kept("src/app.js"));
        let rooted = overrides(&["/legacy/"], &[("redos", "off")]);
        assert!(apply(&rooted, vec![finding("redos", "legacy/a.js")]).is_empty());
        assert_eq!(
            apply(&rooted, vec![finding("redos", "src/legacy/a.js")]).len(),
            1
        );
    }

    #[test]
    fn a_later_override_wins_and_levels_replace() {
        let o = compile(&[
            OverrideConfig {
                files: vec!["src/".into()],
                rules: [("redos".to_string(), "off".to_string())].into(),
            },
            OverrideConfig {
                files: vec!["src/public/".into()],
                rules: [("redos".to_string(), "error".to_string())].into(),
            },
        ])
        .unwrap();
        let out = apply(
            &o,
            vec![
                finding("redos", "src/a.js"),
                finding("redos", "src/public/b.js"),
                finding("x-powered-by", "src/a.js"),
            ],
        );
        let got: Vec<(&str, &str, Level)> = out
            .iter()
            .map(|f| (f.rule_id, f.path.as_str(), f.level))
            .collect();
        assert_eq!(
            got,
            [
                ("redos", "src/public/b.js", Level::Error),
                ("x-powered-by", "src/a.js", Level::Warning)
            ]
        );
    }

    #[test]
    fn bad_globs_and_empty_file_lists_are_errors() {
        assert!(compile(&[OverrideConfig {
            files: vec![],
            rules: BTreeMap::new()
        }])
        .unwrap_err()
        .contains("empty"));
        assert!(compile(&[OverrideConfig {
            files: vec!["a/[".into()],
            rules: BTreeMap::new()
        }])
        .unwrap_err()
        .contains("a/["));
    }
}
