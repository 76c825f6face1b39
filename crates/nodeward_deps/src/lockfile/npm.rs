//! package-lock.json and npm-shrinkwrap.json.
//!
//! Versions 2 and 3 list every installed package under `packages`, keyed by
//! its folder (`node_modules/a/node_modules/b`); the root is `""` and a
//! workspace is its folder (`packages/api`), linked from
//! `node_modules/<name>`. Version 1 nests `dependencies` instead; its tree
//! is turned into the same folder keys, so one resolver (node's own lookup:
//! the nearest `node_modules` upwards) links both.

use std::collections::HashMap;

use jsonc_parser::ast::{Object, Value};

use super::{
    split_name, DirectDep, Importer, LockError, LockKind, Lockfile, ManifestSource, Package,
};
use crate::json::{parse_strict, prop_name_span, string_of};
use crate::manifest::Section;

/// A package entry before its edges are resolved.
struct Entry {
    folder: String,
    name: String,
    version: String,
    span: nodeward_report::Span,
    wants: Vec<String>,
}

pub fn parse(text: &str, manifests: &dyn ManifestSource) -> Result<Lockfile, LockError> {
    let root = parse_strict(text).map_err(LockError::new)?;
    let Some(obj) = root.as_ref().and_then(Value::as_object) else {
        return Err(LockError::new("the lockfile is not a JSON object"));
    };
    let version = obj
        .get_number("lockfileVersion")
        .and_then(|n| n.value.parse::<u8>().ok())
        .ok_or_else(|| LockError::new("no numeric `lockfileVersion`"))?;
    match (version, obj.get_object("packages")) {
        (2.., Some(packages)) => Ok(from_packages(version, packages)),
        (1, _) => from_v1(obj, manifests),
        _ => Err(LockError::new(format!(
            "lockfileVersion {version} without a `packages` object"
        ))),
    }
}

/// The names an entry depends on, from the given sections.
fn wanted(entry: &Object, sections: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sections {
        if let Some(deps) = entry.get_object(s) {
            out.extend(deps.properties.iter().map(|p| p.name.as_str().to_string()));
        }
    }
    out
}

const PACKAGE_EDGES: &[&str] = &["dependencies", "optionalDependencies", "peerDependencies"];

fn from_packages(version: u8, packages: &Object) -> Lockfile {
    let mut entries = Vec::new();
    // Workspace folders and their entries; the root is "".
    let mut importers: Vec<(String, Vec<(String, Section)>)> = Vec::new();
    let mut links: HashMap<String, String> = HashMap::new();
    for p in &packages.properties {
        let folder = p.name.as_str().to_string();
        let Some(e) = p.value.as_object() else {
            continue;
        };
        let installed = folder.starts_with("node_modules/") || folder.contains("/node_modules/");
        if !installed {
            let mut deps = Vec::new();
            for (key, section) in [
                ("dependencies", Section::Prod),
                ("optionalDependencies", Section::Optional),
                ("devDependencies", Section::Dev),
            ] {
                deps.extend(wanted(e, &[key]).into_iter().map(|n| (n, section)));
            }
            importers.push((folder, deps));
            continue;
        }
        if e.get_boolean("link").is_some_and(|b| b.value) {
            if let Some(target) = e.get_string("resolved") {
                links.insert(folder, target.value.to_string());
            }
            continue;
        }
        let Some(version) = e.get_string("version") else {
            continue;
        };
        if !super::from_registry(e.get_string("resolved").map(|r| r.value.as_ref())) {
            continue;
        }
        let dir_name = folder.rsplit("node_modules/").next().unwrap_or(&folder);
        let name = e
            .get_string("name")
            .map(|s| s.value.to_string())
            .unwrap_or_else(|| dir_name.to_string());
        entries.push(Entry {
            folder,
            name,
            version: version.value.to_string(),
            span: prop_name_span(p),
            wants: wanted(e, PACKAGE_EDGES),
        });
    }
    link(LockKind::Npm(version), entries, importers, &links)
}

/// Resolves every edge with node's lookup and builds the lockfile.
fn link(
    kind: LockKind,
    entries: Vec<Entry>,
    importers: Vec<(String, Vec<(String, Section)>)>,
    links: &HashMap<String, String>,
) -> Lockfile {
    let by_folder: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.folder.as_str(), i))
        .collect();
    let lookup = |from: &str, name: &str| -> Option<usize> {
        let mut base = from.to_string();
        loop {
            let candidate = if base.is_empty() {
                format!("node_modules/{name}")
            } else {
                format!("{base}/node_modules/{name}")
            };
            if let Some(&i) = by_folder.get(candidate.as_str()) {
                return Some(i);
            }
            if links.contains_key(&candidate) || base.is_empty() {
                // A workspace link, or nothing installed: no package edge.
                return None;
            }
            base = match base.rfind("node_modules/") {
                Some(i) => base[..i].trim_end_matches('/').to_string(),
                None => String::new(),
            };
        }
    };
    let deps: Vec<Vec<usize>> = entries
        .iter()
        .map(|e| {
            let mut d: Vec<usize> = e
                .wants
                .iter()
                .filter_map(|n| lookup(&e.folder, n))
                .collect();
            d.sort_unstable();
            d.dedup();
            d
        })
        .collect();
    let importers = importers
        .into_iter()
        .map(|(dir, wants)| Importer {
            deps: wants
                .into_iter()
                .filter_map(|(name, section)| {
                    lookup(&dir, &name).map(|package| DirectDep {
                        declared: name,
                        package,
                        dev: section == Section::Dev,
                    })
                })
                .collect(),
            dir,
        })
        .collect();
    let packages = entries
        .into_iter()
        .zip(deps)
        .map(|(e, deps)| Package {
            name: e.name,
            version: e.version,
            key_span: e.span,
            deps,
            dev_only: false,
            reachable: true,
        })
        .collect();
    Lockfile {
        kind,
        packages,
        importers,
    }
}

/// Version 1: `dependencies` nested by where npm put them, `requires` for
/// the edges. The root's own dependencies are not in it: they come from
/// package.json next to it (without one, every top-level entry counts as
/// direct, with npm's `dev` flag).
fn from_v1(obj: &Object, manifests: &dyn ManifestSource) -> Result<Lockfile, LockError> {
    let mut entries = Vec::new();
    let mut dev_flags = Vec::new();
    if let Some(deps) = obj.get_object("dependencies") {
        walk_v1(deps, "", &mut entries, &mut dev_flags);
    }
    let root_deps: Vec<(String, Section)> = match manifests.manifest("") {
        Some(m) => m
            .deps
            .iter()
            .filter(|d| d.section != Section::Peer)
            .map(|d| (d.name.clone(), d.section))
            .collect(),
        None => entries
            .iter()
            .zip(&dev_flags)
            .filter(|(e, _)| !e.folder["node_modules/".len()..].contains("/node_modules/"))
            .map(|(e, &dev)| {
                let name = e.folder["node_modules/".len()..].to_string();
                (name, if dev { Section::Dev } else { Section::Prod })
            })
            .collect(),
    };
    Ok(link(
        LockKind::Npm(1),
        entries,
        vec![(String::new(), root_deps)],
        &HashMap::new(),
    ))
}

fn walk_v1(deps: &Object, parent: &str, out: &mut Vec<Entry>, dev: &mut Vec<bool>) {
    for p in &deps.properties {
        let Some(e) = p.value.as_object() else {
            continue;
        };
        let dir_name = p.name.as_str();
        let folder = if parent.is_empty() {
            format!("node_modules/{dir_name}")
        } else {
            format!("{parent}/node_modules/{dir_name}")
        };
        let registry = super::from_registry(e.get_string("resolved").map(|r| r.value.as_ref()));
        if let Some(version) = e
            .get("version")
            .and_then(|v| string_of(&v.value))
            // `github:user/repo#sha`, `file:…`: not a registry version.
            .filter(|v| registry && (!v.contains(':') || v.starts_with("npm:")))
        {
            // An alias is `"version": "npm:semver@5.7.1"`; a git or file
            // dependency has no registry version and nothing to match.
            let (name, version) = match version.strip_prefix("npm:") {
                Some(aliased) => {
                    let (n, v) = split_name(aliased);
                    (n.to_string(), v.to_string())
                }
                None => (dir_name.to_string(), version),
            };
            out.push(Entry {
                folder: folder.clone(),
                name,
                version,
                span: prop_name_span(p),
                wants: wanted(e, &["requires"]),
            });
            dev.push(e.get_boolean("dev").is_some_and(|b| b.value));
        }
        if let Some(nested) = e.get_object("dependencies") {
            walk_v1(nested, &folder, out, dev);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::lockfile::{parse, NoManifests};

    #[test]
    fn git_and_folder_dependencies_are_not_registry_packages() {
        let text = r#"{
  "lockfileVersion": 3,
  "packages": {
    "": { "dependencies": { "lodash": "github:lodash/lodash#4.17.15", "ms": "^2.1.3", "local": "file:../local" } },
    "node_modules/lodash": { "version": "4.17.15", "resolved": "git+ssh://git@github.com/lodash/lodash.git#ddfd9b1" },
    "node_modules/local": { "version": "1.0.0", "resolved": "file:../local" },
    "node_modules/ms": { "version": "2.1.3", "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz" }
  }
}"#;
        let lock = parse("package-lock.json", text, &NoManifests).unwrap();
        let names: Vec<&str> = lock.packages.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ms"]);
        let v1 = r#"{
  "lockfileVersion": 1,
  "dependencies": {
    "lodash": { "version": "github:lodash/lodash#ddfd9b1", "from": "github:lodash/lodash" },
    "qs": { "version": "6.7.0", "resolved": "https://codeload.github.com/ljharb/qs/tar.gz/abc" },
    "ms": { "version": "2.1.3", "resolved": "https://registry.npmjs.org/ms/-/ms-2.1.3.tgz" }
  }
}"#;
        let lock = parse("package-lock.json", v1, &NoManifests).unwrap();
        let names: Vec<&str> = lock.packages.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ms"]);
    }
}
