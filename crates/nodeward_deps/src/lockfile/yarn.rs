//! yarn.lock: classic (v1, yarn's own format, read by `yarn-lock-parser`)
//! and Berry (YAML with `__metadata`, read by `serde_yaml_ng`).
//!
//! Neither says which direct dependency is a devDependency, and classic does
//! not list the importers at all: both come from the package.json files
//! (the root's and its workspaces').

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::keys::yarn_descriptors;
use super::{
    split_name, DirectDep, Importer, LockError, LockKind, Lockfile, ManifestSource, Package,
};
use crate::manifest::{Manifest, Section};

pub fn parse(text: &str, manifests: &dyn ManifestSource) -> Result<Lockfile, LockError> {
    let is_berry = text.lines().any(|l| l.starts_with("__metadata:"));
    if is_berry {
        super::check_yaml_nesting(text)?;
        berry(text, manifests)
    } else {
        classic(text, manifests)
    }
}

/// Packages by descriptor (`name@range`, as the keys list them).
struct Resolved {
    packages: Vec<Package>,
    by_descriptor: HashMap<String, usize>,
}

impl Resolved {
    fn find(&self, name: &str, range: &str) -> Option<usize> {
        self.by_descriptor
            .get(&format!("{name}@{range}"))
            .or_else(|| self.by_descriptor.get(&format!("{name}@npm:{range}")))
            .copied()
    }
}

/// yarn-lock-parser stops quietly at the first line it cannot read and
/// returns what it read before. The shape of every line is checked here
/// first (a key at column 0 ending with `:`, indented fields, comments,
/// balanced quotes), and the entry count after, so that a damaged file is
/// an error instead of a silently shorter lockfile.
fn check_classic_shape(text: &str) -> Result<usize, LockError> {
    let mut keys = 0;
    let mut offset = 0;
    for (i, line) in text.lines().enumerate() {
        let at = offset;
        offset += line.len() + 1;
        let t = line.trim_end();
        if t.is_empty() || t.trim_start().starts_with('#') {
            continue;
        }
        let bad = |what: &str| LockError {
            message: format!("line {}: {what}", i + 1),
            span: Some(super::span(at, at + line.len())),
        };
        if t.matches('"').count() % 2 == 1 {
            return Err(bad("unbalanced quote"));
        }
        if !t.starts_with([' ', '\t']) {
            if !t.ends_with(':') {
                return Err(bad("expected an entry key ending with `:`"));
            }
            keys += 1;
        }
    }
    Ok(keys)
}

fn classic(text: &str, manifests: &dyn ManifestSource) -> Result<Lockfile, LockError> {
    let keys = check_classic_shape(text)?;
    let lock = yarn_lock_parser::parse_str(text).map_err(|e| LockError::new(e.to_string()))?;
    if lock.entries.len() != keys {
        return Err(LockError::new(format!(
            "only {} of its {keys} entries could be read",
            lock.entries.len()
        )));
    }
    let spans = yarn_descriptors(text);
    let mut r = Resolved {
        packages: Vec::new(),
        by_descriptor: HashMap::new(),
    };
    let mut edges = Vec::new();
    for e in &lock.entries {
        let descriptors: Vec<String> = e
            .descriptors
            .iter()
            .map(|(n, range)| format!("{n}@{range}"))
            .collect();
        let Some(span) = descriptors.iter().find_map(|d| spans.get(d)).copied() else {
            continue;
        };
        // An alias `semver5@npm:semver@5.7.1` installs `semver`.
        let name = e
            .descriptors
            .iter()
            .find_map(|(_, range)| range.strip_prefix("npm:").filter(|r| r.contains('@')))
            .map(|r| split_name(r).0)
            .unwrap_or(e.name);
        let index = r.packages.len();
        for d in descriptors {
            r.by_descriptor.insert(d, index);
        }
        r.packages.push(Package {
            name: name.to_string(),
            version: e.version.to_string(),
            key_span: span,
            deps: Vec::new(),
            dev_only: false,
        });
        let wants: Vec<(String, String)> = e
            .dependencies
            .iter()
            .chain(&e.optional_dependencies)
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        edges.push(wants);
    }
    resolve_edges(&mut r, &edges);
    let importers = workspace_importers(manifests, &r, |d| (d.name.clone(), d.spec.clone()));
    Ok(Lockfile {
        kind: LockKind::YarnClassic,
        packages: r.packages,
        importers,
    })
}

fn resolve_edges(r: &mut Resolved, edges: &[Vec<(String, String)>]) {
    for (i, wants) in edges.iter().enumerate() {
        let mut deps: Vec<usize> = wants.iter().filter_map(|(n, v)| r.find(n, v)).collect();
        deps.sort_unstable();
        deps.dedup();
        r.packages[i].deps = deps;
    }
}

/// The root and its workspaces (by the `workspaces` patterns of the root
/// package.json), each with its declared dependencies found in the lock.
fn workspace_importers(
    manifests: &dyn ManifestSource,
    r: &Resolved,
    descriptor: impl Fn(&crate::manifest::Declared) -> (String, String),
) -> Vec<Importer> {
    let Some(root) = manifests.manifest("") else {
        return Vec::new();
    };
    let mut dirs = vec![(String::new(), root.clone())];
    for pattern in &root.workspaces {
        for dir in manifests.expand(pattern) {
            if let Some(m) = manifests.manifest(&dir) {
                dirs.push((dir, m));
            }
        }
    }
    dirs.into_iter()
        .map(|(dir, m)| Importer {
            deps: direct_deps(&m, r, &descriptor),
            dir,
        })
        .collect()
}

fn direct_deps(
    m: &Manifest,
    r: &Resolved,
    descriptor: &impl Fn(&crate::manifest::Declared) -> (String, String),
) -> Vec<DirectDep> {
    m.deps
        .iter()
        .filter(|d| d.section != Section::Peer)
        .filter_map(|d| {
            let (name, range) = descriptor(d);
            r.find(&name, &range).map(|package| DirectDep {
                declared: d.name.clone(),
                package,
                dev: d.section == Section::Dev,
            })
        })
        .collect()
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BerryEntry {
    resolution: String,
    #[serde(default, deserialize_with = "scalar_map")]
    dependencies: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "scalar_map")]
    optional_dependencies: BTreeMap<String, String>,
}

/// A dependency map whose ranges YAML may read as numbers (`debug: 4`):
/// every scalar as its text.
fn scalar_map<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, String>, D::Error> {
    let raw: BTreeMap<String, serde_yaml_ng::Value> = BTreeMap::deserialize(d)?;
    Ok(raw
        .into_iter()
        .filter_map(|(k, v)| {
            let text = match v {
                serde_yaml_ng::Value::String(s) => s,
                serde_yaml_ng::Value::Number(n) => n.to_string(),
                serde_yaml_ng::Value::Bool(b) => b.to_string(),
                _ => return None,
            };
            Some((k, text))
        })
        .collect())
}

fn berry(text: &str, manifests: &dyn ManifestSource) -> Result<Lockfile, LockError> {
    let doc: BTreeMap<String, serde_yaml_ng::Value> =
        serde_yaml_ng::from_str(text).map_err(|e| LockError::new(e.to_string()))?;
    let spans = yarn_descriptors(text);
    let mut r = Resolved {
        packages: Vec::new(),
        by_descriptor: HashMap::new(),
    };
    let mut edges = Vec::new();
    // Workspace entries: folder → their dependencies (dev and prod merged).
    let mut workspaces: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    for (key, value) in doc {
        if key == "__metadata" {
            continue;
        }
        let entry: BerryEntry = serde_yaml_ng::from_value(value)
            .map_err(|e| LockError::new(format!("entry `{key}`: {e}")))?;
        let (name, reference) = split_name(&entry.resolution);
        let descriptors: Vec<String> = key.split(',').map(|d| d.trim().to_string()).collect();
        if let Some(dir) = reference.strip_prefix("workspace:") {
            let dir = if dir == "." { "" } else { dir };
            workspaces.push((dir.to_string(), entry.dependencies));
            continue;
        }
        // Only registry packages have a version the advisories speak of.
        let Some(version) = reference.strip_prefix("npm:") else {
            continue;
        };
        let Some(span) = descriptors.iter().find_map(|d| spans.get(d)).copied() else {
            continue;
        };
        let index = r.packages.len();
        for d in descriptors {
            r.by_descriptor.insert(d, index);
        }
        // The resolution is authoritative (`version:` may read as a number).
        let version = version.to_string();
        r.packages.push(Package {
            name: name.to_string(),
            version,
            key_span: span,
            deps: Vec::new(),
            dev_only: false,
        });
        edges.push(
            entry
                .dependencies
                .into_iter()
                .chain(entry.optional_dependencies)
                .collect(),
        );
    }
    resolve_edges(&mut r, &edges);
    // The dev flag of a workspace's dependency is in its package.json.
    let importers = workspaces
        .into_iter()
        .map(|(dir, deps)| {
            let manifest = manifests.manifest(&dir);
            Importer {
                deps: deps
                    .iter()
                    .filter_map(|(n, range)| {
                        let package = r.find(n, range)?;
                        let dev = manifest
                            .as_ref()
                            .and_then(|m| m.declared(n))
                            .is_some_and(|d| d.section == Section::Dev);
                        Some(DirectDep {
                            declared: n.clone(),
                            package,
                            dev,
                        })
                    })
                    .collect(),
                dir,
            }
        })
        .collect();
    Ok(Lockfile {
        kind: LockKind::YarnBerry,
        packages: r.packages,
        importers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lockfile::NoManifests;

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let text = format!("__metadata:\n  version: 6\n\na: {}\n", "[".repeat(200_000));
        // Refused by the pre-check, before libyaml's quadratic scanner.
        let err = parse(&text, &NoManifests).unwrap_err();
        assert!(err.message.contains("nested deeper"), "{}", err.message);
        let quoted = "__metadata:\n  version: 6\n\n\"a@npm:1\":\n  version: 1.0.0\n  resolution: \"a@npm:1.0.0\"\n  checksum: \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"\n";
        assert!(parse(quoted, &NoManifests).is_ok());
    }

    /// Berry writes `debug: 4` for the range `4`: YAML reads a number.
    #[test]
    fn berry_ranges_that_read_as_numbers() {
        let text = "__metadata:\n  version: 6\n\n\"agent-base@npm:6\":\n  version: 6.0.2\n  resolution: \"agent-base@npm:6.0.2\"\n  dependencies:\n    debug: 4\n  languageName: node\n  linkType: hard\n\n\"debug@npm:4\":\n  version: 4.3.4\n  resolution: \"debug@npm:4.3.4\"\n  languageName: node\n  linkType: hard\n";
        let lock = parse(text, &NoManifests).unwrap();
        assert_eq!(lock.packages.len(), 2);
        let agent = lock
            .packages
            .iter()
            .find(|p| p.name == "agent-base")
            .unwrap();
        assert_eq!(agent.deps.len(), 1);
        assert_eq!(lock.packages[agent.deps[0]].version, "4.3.4");
    }
}
