//! pnpm-lock.yaml, lockfile versions 5.x, 6.x and 9.x.
//!
//! - 5: `packages` keys `/name/1.2.3_peer@1.0.0`; importer values `1.2.3`.
//! - 6: `packages` keys `/name@1.2.3(peer@1.0.0)`; importer values
//!   `{specifier, version}`.
//! - 9: `packages` keys `name@1.2.3` (metadata) and `snapshots` keys
//!   `name@1.2.3(peer@1.0.0)` (the installed instances and their edges);
//!   `importers` always present.
//!
//! Without `importers` (5 and 6 outside a workspace) the root's
//! dependencies are top-level sections. A dependency value of `link:…` is a
//! workspace or a local folder: no package.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use serde_yaml_ng::Value;

use super::keys::pnpm_section;
use super::{split_name, DirectDep, Importer, LockError, LockKind, Lockfile, Package};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct ImporterDoc {
    #[serde(default)]
    dependencies: BTreeMap<String, Value>,
    #[serde(default)]
    dev_dependencies: BTreeMap<String, Value>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, Value>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Instance {
    #[serde(default)]
    dependencies: BTreeMap<String, Value>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Doc {
    lockfile_version: Value,
    #[serde(default)]
    importers: Option<BTreeMap<String, ImporterDoc>>,
    #[serde(flatten)]
    root: ImporterDoc,
    #[serde(default)]
    packages: BTreeMap<String, Option<Instance>>,
    #[serde(default)]
    snapshots: BTreeMap<String, Option<Instance>>,
}

pub fn parse(text: &str) -> Result<Lockfile, LockError> {
    let doc: Doc = serde_yaml_ng::from_str(text).map_err(|e| LockError::new(e.to_string()))?;
    let version_text = match &doc.lockfile_version {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => return Err(LockError::new("`lockfileVersion` is not a version")),
    };
    let major: u8 = version_text
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .ok_or_else(|| LockError::new(format!("unknown lockfileVersion `{version_text}`")))?;
    if !(5..=9).contains(&major) {
        return Err(LockError::new(format!(
            "pnpm lockfileVersion `{version_text}` is not supported (5, 6 and 9 are)"
        )));
    }
    let key_spans = pnpm_section(text, "packages");
    // The installed instances: snapshots in 9, packages before.
    let (instances, separate_meta) = if major >= 9 {
        (doc.snapshots, true)
    } else {
        (doc.packages, false)
    };
    let mut packages = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut edges = Vec::new();
    for (key, inst) in &instances {
        let Some((name, version)) = name_version(key, major) else {
            continue;
        };
        // In 9 the finding points at the metadata entry `name@version`.
        let span_key = if separate_meta {
            format!("{name}@{version}")
        } else {
            key.clone()
        };
        let Some(span) = key_spans.get(&span_key).copied() else {
            continue;
        };
        by_key.insert(key.clone(), packages.len());
        packages.push(Package {
            name,
            version,
            key_span: span,
            deps: Vec::new(),
            dev_only: false,
            reachable: true,
        });
        let inst = inst.as_ref();
        edges.push(
            inst.map(|i| {
                i.dependencies
                    .iter()
                    .chain(&i.optional_dependencies)
                    .filter_map(|(n, v)| Some((n.clone(), value_text(v)?)))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default(),
        );
    }
    let target = |name: &str, reference: &str| -> Option<usize> {
        by_key.get(&instance_key(name, reference, major)).copied()
    };
    for (i, wants) in edges.iter().enumerate() {
        let mut deps: Vec<usize> = wants.iter().filter_map(|(n, r)| target(n, r)).collect();
        deps.sort_unstable();
        deps.dedup();
        packages[i].deps = deps;
    }
    let importer_docs: Vec<(String, ImporterDoc)> = match doc.importers {
        Some(map) => map.into_iter().collect(),
        None => vec![(".".to_string(), doc.root)],
    };
    let importers = importer_docs
        .into_iter()
        .map(|(dir, imp)| {
            let mut deps = Vec::new();
            for (section, dev) in [
                (&imp.dependencies, false),
                (&imp.optional_dependencies, false),
                (&imp.dev_dependencies, true),
            ] {
                for (n, v) in section {
                    let Some(reference) = importer_version(v) else {
                        continue;
                    };
                    if let Some(package) = target(n, &reference) {
                        deps.push(DirectDep {
                            declared: n.clone(),
                            package,
                            dev,
                        });
                    }
                }
            }
            Importer {
                dir: if dir == "." { String::new() } else { dir },
                deps,
            }
        })
        .collect();
    Ok(Lockfile {
        kind: LockKind::Pnpm(major),
        packages,
        importers,
    })
}

fn value_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// An importer's dependency: `1.2.3` (5) or `{specifier, version}` (6, 9).
fn importer_version(v: &Value) -> Option<String> {
    match v {
        Value::Mapping(m) => m.get("version").and_then(value_text),
        other => value_text(other),
    }
}

/// The key of the instance a dependency `name: reference` points at.
/// `reference` is a version with its peer suffix (`18.2.0(react@18.2.0)`
/// or, in 5, `18.2.0_react@18.2.0`), or for an alias the target itself
/// (`/semver@5.7.1` in 6, `semver@5.7.1` in 9, `/semver/5.7.1` in 5).
fn instance_key(name: &str, reference: &str, major: u8) -> String {
    let cut: &[char] = if major == 5 { &['(', '_'] } else { &['('] };
    let base = reference.split(cut).next().unwrap_or(reference);
    let names_a_package = !split_name(base).1.is_empty();
    let is_alias = base.starts_with('/')
        || (names_a_package && !base.starts_with(|c: char| c.is_ascii_digit()));
    match (major, is_alias) {
        (_, true) => reference.to_string(),
        (5, false) => format!("/{name}/{reference}"),
        (6..=8, false) => format!("/{name}@{reference}"),
        _ => format!("{name}@{reference}"),
    }
}

/// Name and version of an instance key, peer suffix removed.
fn name_version(key: &str, major: u8) -> Option<(String, String)> {
    let key = key.strip_prefix('/').unwrap_or(key);
    let (name, rest) = if major == 5 {
        let slash = key.rfind('/')?;
        (&key[..slash], &key[slash + 1..])
    } else {
        let (n, r) = split_name(key);
        (n, r)
    };
    let cut: &[char] = if major == 5 { &['(', '_'] } else { &['('] };
    let version = rest.split(cut).next().unwrap_or(rest);
    if name.is_empty() || version.is_empty() || !version.starts_with(|c: char| c.is_ascii_digit()) {
        // A tarball or git key (`github.com/…`): no registry version.
        return None;
    }
    Some((name.to_string(), version.to_string()))
}
