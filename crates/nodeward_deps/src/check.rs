//! The findings of `vulnerable-dependency`: every installed package version
//! an advisory affects, with how it is installed and whether the project's
//! own source imports it.

use std::collections::{BTreeMap, HashMap};

use serde_json::{json, Map, Value};

use nodeward_report::{Finding, Level, Related, Span};

use crate::db::AdvisoryDb;
use crate::lockfile::{InstallPath, Lockfile};
use crate::manifest::{Manifest, Section};
use crate::version;

/// What the dependency check reads: the project's lockfiles and the
/// advisory database (none when no database was given).
#[derive(Default)]
pub struct ProjectDeps {
    pub locks: Vec<ProjectLock>,
    pub db: Option<AdvisoryDb>,
}

/// A lockfile of the project and the package.json of each of its importers.
pub struct ProjectLock {
    /// Project-relative path with `/` separators.
    pub path: String,
    pub lock: Lockfile,
    /// By importer index: project-relative package.json path and manifest.
    pub manifests: Vec<Option<(String, Manifest)>>,
}

impl ProjectLock {
    /// The lockfile's project-relative folder ("" at the project root).
    pub fn dir(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(d, _)| d)
    }

    /// The project-relative folder of importer `i`.
    pub fn importer_dir(&self, i: usize) -> String {
        join(self.dir(), &self.lock.importers[i].dir)
    }
}

fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}/{b}"),
    }
}

/// How far a vulnerable package is from the running code; findings rank by
/// it (and take their level from it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    DevOnly,
    Installed,
    Imported,
}

impl Reach {
    pub fn as_str(self) -> &'static str {
        match self {
            Reach::DevOnly => "dev-only",
            Reach::Installed => "installed",
            Reach::Imported => "imported",
        }
    }

    pub fn level(self) -> Level {
        match self {
            Reach::DevOnly => Level::Note,
            Reach::Installed => Level::Warning,
            Reach::Imported => Level::Error,
        }
    }
}

/// Node's built-in modules: `require('events')` is the built-in even when a
/// package of that name is installed.
const BUILTINS: &[&str] = &[
    "assert",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "domain",
    "events",
    "fs",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "repl",
    "stream",
    "string_decoder",
    "sys",
    "timers",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// The package a bare import specifier names (`lodash/fp` → `lodash`,
/// `@a/b/c` → `@a/b`); `None` for relative paths, URLs, `node:` and
/// built-in modules.
pub fn package_of_specifier(spec: &str) -> Option<&str> {
    if spec.is_empty() || spec.starts_with(['.', '/', '#']) || spec.contains(':') {
        return None;
    }
    let end = if spec.starts_with('@') {
        let slash = spec.find('/')?;
        spec[slash + 1..]
            .find('/')
            .map_or(spec.len(), |i| slash + 1 + i)
    } else {
        spec.find('/').unwrap_or(spec.len())
    };
    let name = &spec[..end];
    (!BUILTINS.contains(&name)).then_some(name)
}

/// (lockfile, package) → the first file (in path order) importing it.
type Imported = HashMap<(usize, usize), String>;

/// Which installed packages the source imports. A file belongs to the
/// lockfile and the importer whose folders are its nearest ancestors; a
/// name resolves to that importer's direct dependency, else the root's,
/// else the only installed package of that name (a hoisted transitive one).
pub fn imported(locks: &[ProjectLock], files: &[(String, Vec<String>)]) -> Imported {
    // Per lockfile, once: its folder, its importers' folders, the root
    // importer, and the package of each name installed exactly once.
    struct Index<'a> {
        dir: &'a str,
        importer_dirs: Vec<String>,
        root: Option<usize>,
        only: HashMap<&'a str, Option<usize>>,
    }
    let indexes: Vec<Index> = locks
        .iter()
        .map(|l| {
            let mut only: HashMap<&str, Option<usize>> = HashMap::new();
            for (i, p) in l.lock.packages.iter().enumerate() {
                only.entry(&p.name)
                    .and_modify(|e| *e = None)
                    .or_insert(Some(i));
            }
            Index {
                dir: l.dir(),
                importer_dirs: (0..l.lock.importers.len())
                    .map(|i| l.importer_dir(i))
                    .collect(),
                root: l.lock.importers.iter().position(|i| i.dir.is_empty()),
                only,
            }
        })
        .collect();
    let under = |dir: &str, file: &str| {
        dir.is_empty() || file.strip_prefix(dir).is_some_and(|r| r.starts_with('/'))
    };
    let mut sorted: Vec<&(String, Vec<String>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = Imported::new();
    for (file, specs) in sorted {
        let Some((li, ix)) = indexes
            .iter()
            .enumerate()
            .filter(|(_, ix)| under(ix.dir, file))
            .max_by_key(|(_, ix)| ix.dir.len())
        else {
            continue;
        };
        let lock = &locks[li].lock;
        let importer = (0..ix.importer_dirs.len())
            .filter(|&i| under(&ix.importer_dirs[i], file))
            .max_by_key(|&i| ix.importer_dirs[i].len());
        for name in specs.iter().filter_map(|s| package_of_specifier(s)) {
            let direct = |i: usize| {
                lock.importers[i]
                    .deps
                    .iter()
                    .find(|d| d.declared == name)
                    .map(|d| d.package)
            };
            let package = importer
                .and_then(direct)
                .or_else(|| ix.root.and_then(direct))
                .or_else(|| ix.only.get(name).copied().flatten());
            if let Some(p) = package {
                out.entry((li, p)).or_insert_with(|| file.clone());
            }
        }
    }
    out
}

/// At most this many install paths are listed per finding.
const MAX_PATHS: usize = 10;

pub fn findings(
    rule_id: &'static str,
    locks: &[ProjectLock],
    db: &AdvisoryDb,
    imported: &Imported,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (li, pl) in locks.iter().enumerate() {
        let lock = &pl.lock;
        let rev = lock.reverse_edges();
        // One finding per name@version, whatever the number of places npm
        // installed it at.
        let mut groups: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
        for (i, p) in lock.packages.iter().enumerate() {
            groups.entry((&p.name, &p.version)).or_default().push(i);
        }
        for ((name, version_text), instances) in groups {
            // Left over in the lockfile, not installed: nothing to fix.
            if !instances.iter().any(|&i| lock.packages[i].reachable) {
                continue;
            }
            let Some(version) = version::parse(version_text) else {
                continue;
            };
            let matches = db.matches(name, &version);
            if matches.is_empty() {
                continue;
            }
            let span: Span = instances
                .iter()
                .map(|&i| lock.packages[i].key_span)
                .min()
                .unwrap_or(Span::new(0, 0));
            let imported_by = instances
                .iter()
                .filter_map(|&i| imported.get(&(li, i)))
                .min()
                .cloned();
            let dev_only = instances.iter().all(|&i| lock.packages[i].dev_only);
            let reach = match (&imported_by, dev_only) {
                (Some(_), _) => Reach::Imported,
                (None, true) => Reach::DevOnly,
                (None, false) => Reach::Installed,
            };
            let mut paths: Vec<InstallPath> = Vec::new();
            let mut more = false;
            for &i in &instances {
                let (p, m) = lock.install_paths(i, MAX_PATHS, &rev);
                more |= m;
                for path in p {
                    if paths.len() == MAX_PATHS {
                        more = true;
                    } else if !paths
                        .iter()
                        .any(|q| q.chain == path.chain && q.importer == path.importer)
                    {
                        paths.push(path);
                    }
                }
            }
            let path_texts: Vec<String> = paths.iter().map(|p| path_text(pl, p)).collect();
            let related = related_locations(pl, &paths, name, version_text);
            let direct_names: Vec<String> = {
                let mut v: Vec<String> = paths
                    .iter()
                    .map(|p| lock.importers[p.importer].deps[p.direct].declared.clone())
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            let is_direct = paths.iter().any(|p| p.chain.len() == 1);
            for m in matches {
                let a = m.advisory;
                let ids = if a.aliases.is_empty() {
                    a.id.clone()
                } else {
                    format!("{} ({})", a.id, a.aliases.join(", "))
                };
                let fix = match &m.fixed {
                    Some(v) => format!("fixed in {v}"),
                    None => "no fix yet".to_string(),
                };
                let summary = if a.summary.is_empty() {
                    String::new()
                } else {
                    format!(": {}", a.summary.trim_end_matches('.'))
                };
                let how = match reach {
                    Reach::Imported => {
                        format!("imported by {}", imported_by.as_deref().unwrap_or(""))
                    }
                    Reach::Installed => "installed, not imported by the project's source".into(),
                    Reach::DevOnly => "installed for development only".into(),
                };
                let through = through_text(&paths, &path_texts, more);
                let message = format!(
                    "{name} {version_text} is affected by {ids}{summary} (severity {sev}, {fix}); {how}{through}",
                    sev = a.severity.as_str(),
                );
                let help = match &m.fixed {
                    Some(v) if is_direct => format!(
                        "Upgrade {name} to {v} or later in package.json. Advisory: {}",
                        a.url
                    ),
                    Some(v) => format!(
                        "Upgrade {name} to {v} or later: update the dependency that brings it in ({}), or force the version with {}. Advisory: {}",
                        direct_names.join(", "),
                        override_hint(lock.kind),
                        a.url
                    ),
                    None => format!(
                        "No fixed version of {name} is published: replace or remove it, or apply the advisory's workaround. Advisory: {}",
                        a.url
                    ),
                };
                let mut props = Map::new();
                props.insert("advisory".into(), json!(a.id));
                props.insert("aliases".into(), json!(a.aliases));
                props.insert("advisoryUrl".into(), json!(a.url));
                props.insert("severity".into(), json!(a.severity.as_str()));
                if let Some(v) = &a.cvss {
                    props.insert("cvss".into(), json!(v));
                }
                props.insert("package".into(), json!(name));
                props.insert("installedVersion".into(), json!(version_text));
                props.insert(
                    "fixedVersion".into(),
                    m.fixed
                        .as_ref()
                        .map_or(Value::Null, |v| json!(v.to_string())),
                );
                props.insert("installPaths".into(), json!(path_texts));
                props.insert("devOnly".into(), json!(dev_only));
                props.insert("importedBy".into(), json!(imported_by));
                props.insert("reach".into(), json!(reach.as_str()));
                let mut f = Finding::new(rule_id, reach.level(), pl.path.clone(), span);
                f.message = message;
                f.help = help;
                f.related = related.clone();
                f.properties = props;
                f.identity = Some(format!("{name}@{version_text} {}", a.id));
                out.push(f.with_label(format!("{name} {version_text}: {}", a.id)));
            }
        }
    }
    out
}

/// How the lockfile's package manager forces a transitive version.
fn override_hint(kind: crate::lockfile::LockKind) -> &'static str {
    use crate::lockfile::LockKind;
    match kind {
        LockKind::Npm(_) => "`overrides` in package.json",
        LockKind::YarnClassic | LockKind::YarnBerry => "`resolutions` in package.json",
        LockKind::Pnpm(_) => "`pnpm.overrides` in package.json",
    }
}

/// `; a direct dependency, and through express > qs`: how the package is
/// installed, the direct dependency first, at most three paths named.
fn through_text(paths: &[InstallPath], texts: &[String], more: bool) -> String {
    let direct = paths.iter().any(|p| p.chain.len() == 1);
    let transitive: Vec<&str> = paths
        .iter()
        .zip(texts)
        .filter(|(p, _)| p.chain.len() > 1)
        .map(|(_, t)| t.as_str())
        .collect();
    let shown = &transitive[..transitive.len().min(3)];
    let tail = match (transitive.len() - shown.len(), more) {
        (0, false) => String::new(),
        (n, false) => format!(" and {n} more"),
        (_, true) => " and more".into(),
    };
    match (direct, shown.is_empty()) {
        (true, true) => "; a direct dependency".into(),
        (true, false) => format!(
            "; a direct dependency, and through {}{tail}",
            shown.join(", ")
        ),
        (false, false) => format!("; through {}{tail}", shown.join(", ")),
        (false, true) => String::new(),
    }
}

/// `express > body-parser > qs`, prefixed with the workspace folder when the
/// importer is not the root; an alias shows as `semver5 (semver)`.
fn path_text(pl: &ProjectLock, p: &InstallPath) -> String {
    let lock = &pl.lock;
    let imp = &lock.importers[p.importer];
    let mut parts = Vec::new();
    for (k, &i) in p.chain.iter().enumerate() {
        let real = &lock.packages[i].name;
        let declared = &imp.deps[p.direct].declared;
        if k == 0 && declared != real {
            parts.push(format!("{declared} ({real})"));
        } else {
            parts.push(real.clone());
        }
    }
    let chain = parts.join(" > ");
    if imp.dir.is_empty() {
        chain
    } else {
        format!("{}: {chain}", imp.dir)
    }
}

/// The package.json line of each direct dependency that brings it in.
fn related_locations(
    pl: &ProjectLock,
    paths: &[InstallPath],
    name: &str,
    version: &str,
) -> Vec<Related> {
    let mut out: Vec<Related> = Vec::new();
    for p in paths {
        let Some(Some((path, manifest))) = pl.manifests.get(p.importer) else {
            continue;
        };
        let declared = &pl.lock.importers[p.importer].deps[p.direct].declared;
        let Some(d) = manifest.declared(declared) else {
            continue;
        };
        if out.iter().any(|r| &r.path == path && r.span == d.key_span) {
            continue;
        }
        let section = match d.section {
            Section::Prod => "dependencies",
            Section::Dev => "devDependencies",
            Section::Optional => "optionalDependencies",
            Section::Peer => "peerDependencies",
        };
        let message = if p.chain.len() == 1 {
            format!("`{declared}` in {section} installs {name} {version}")
        } else {
            format!("`{declared}` in {section} brings in {name} {version}")
        };
        out.push(Related {
            path: path.clone(),
            span: d.key_span,
            message,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::package_of_specifier;

    #[test]
    fn package_names_of_specifiers() {
        assert_eq!(package_of_specifier("lodash"), Some("lodash"));
        assert_eq!(package_of_specifier("lodash/fp"), Some("lodash"));
        assert_eq!(package_of_specifier("@babel/core"), Some("@babel/core"));
        assert_eq!(
            package_of_specifier("@babel/core/lib/x"),
            Some("@babel/core")
        );
        assert_eq!(package_of_specifier("./lib"), None);
        assert_eq!(package_of_specifier("node:fs"), None);
        assert_eq!(package_of_specifier("events"), None);
        assert_eq!(package_of_specifier("fs/promises"), None);
        assert_eq!(package_of_specifier("@scope"), None);
        assert_eq!(package_of_specifier("https://x.test/a.js"), None);
    }
}
