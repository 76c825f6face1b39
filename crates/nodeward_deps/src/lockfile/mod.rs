//! Lockfiles: every package a project installs, with its exact version, the
//! span of its key (where a finding points), its dependency edges and the
//! importers (the root and each workspace) with their direct dependencies.
//!
//! One parser per format, each over a well-kept crate: `jsonc-parser` (in
//! strict JSON mode, for the key spans) for npm, `yarn-lock-parser` for yarn
//! classic, `serde_yaml_ng` for yarn Berry and pnpm. Key spans in the YAML
//! formats come from `keys::top_level_keys`, which only finds the lines
//! where keys start; values are always read by the crates.

mod keys;
mod npm;
mod pnpm;
mod yarn;

use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

use nodeward_report::Span;

use crate::manifest::Manifest;

/// The package.json files beside a lockfile, by folder relative to it
/// (npm v1 and yarn need them for the importers and the dev flags).
pub trait ManifestSource {
    fn manifest(&self, dir: &str) -> Option<Manifest>;
    /// The folders a `workspaces` pattern names (`packages/*`, `apps/web`).
    fn expand(&self, pattern: &str) -> Vec<String>;
}

/// The package.json files on disk under `root` (the lockfile's folder),
/// each read and parsed once: the readers ask for them, and the findings'
/// related locations need them again.
pub struct FsManifests {
    root: PathBuf,
    read: RefCell<HashMap<String, Option<Manifest>>>,
}

impl FsManifests {
    pub fn new(root: PathBuf) -> FsManifests {
        FsManifests {
            root,
            read: RefCell::new(HashMap::new()),
        }
    }
}

impl ManifestSource for FsManifests {
    fn manifest(&self, dir: &str) -> Option<Manifest> {
        self.read
            .borrow_mut()
            .entry(dir.to_string())
            .or_insert_with(|| {
                let text =
                    std::fs::read_to_string(self.root.join(dir).join("package.json")).ok()?;
                Manifest::parse(&text).ok()
            })
            .clone()
    }

    /// A pattern is a folder, or a folder followed by `/*` or `/**`
    /// (every folder directly below it holding a package.json); yarn and
    /// npm accept more glob forms, which are rare in workspaces.
    fn expand(&self, pattern: &str) -> Vec<String> {
        let pattern = pattern.trim_start_matches("./").trim_end_matches('/');
        let Some(parent) = pattern
            .strip_suffix("/**")
            .or_else(|| pattern.strip_suffix("/*"))
        else {
            return vec![pattern.to_string()];
        };
        let mut out: Vec<String> = std::fs::read_dir(self.root.join(parent))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join("package.json").is_file())
            .filter_map(|e| Some(format!("{parent}/{}", e.file_name().to_str()?)))
            .collect();
        out.sort();
        out
    }
}

/// No package.json at hand (lockfile unit tests).
pub struct NoManifests;

impl ManifestSource for NoManifests {
    fn manifest(&self, _: &str) -> Option<Manifest> {
        None
    }
    fn expand(&self, _: &str) -> Vec<String> {
        Vec::new()
    }
}

/// Flow collections (`[`, `{`) nested deeper than this in a YAML lockfile
/// are refused before parsing: real lockfiles nest two levels, and libyaml's
/// scanner takes quadratic time on deep flow nesting (200,000 `[` took two
/// minutes) before the parser's own recursion limit is reached.
const MAX_YAML_FLOW_DEPTH: usize = 64;

/// Refuses YAML whose flow nesting is deeper than [`MAX_YAML_FLOW_DEPTH`]
/// (brackets inside quoted scalars and comments do not count).
pub(crate) fn check_yaml_nesting(text: &str) -> Result<(), LockError> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut comment = false;
    let mut prev = b'\n';
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match (quote, b) {
            (_, b'\n') => comment = false,
            _ if comment => {}
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'#') if prev == b' ' || prev == b'\n' => comment = true,
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_YAML_FLOW_DEPTH {
                    return Err(LockError {
                        message: format!(
                            "flow collections nested deeper than {MAX_YAML_FLOW_DEPTH} levels"
                        ),
                        span: Some(span(i, i + 1)),
                    });
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        prev = b;
    }
    Ok(())
}

/// The folder of a lockfile path, for `FsManifests`.
pub fn folder_of(lockfile: &Path) -> PathBuf {
    lockfile.parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Which tool wrote a lockfile, and which version of its format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LockKind {
    /// package-lock.json or npm-shrinkwrap.json, `lockfileVersion` 1, 2 or 3.
    Npm(u8),
    YarnClassic,
    YarnBerry,
    /// pnpm-lock.yaml, by the major number of `lockfileVersion` (5, 6, 9).
    Pnpm(u8),
}

impl LockKind {
    pub fn label(self) -> String {
        match self {
            LockKind::Npm(v) => format!("npm lockfile v{v}"),
            LockKind::YarnClassic => "yarn classic lockfile".into(),
            LockKind::YarnBerry => "yarn berry lockfile".into(),
            LockKind::Pnpm(v) => format!("pnpm lockfile v{v}"),
        }
    }
}

/// One installed package (one name at one version at one place in the
/// tree; npm may install the same name@version at several places).
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    /// The real package name (an npm alias `x@npm:lodash@4` is `lodash`).
    pub name: String,
    pub version: String,
    /// The lockfile key that installs it.
    pub key_span: Span,
    /// What it depends on (indices into `Lockfile::packages`): its
    /// dependencies, optional dependencies and installed peers.
    pub deps: Vec<usize>,
    /// Reachable only through some importer's devDependencies.
    pub dev_only: bool,
    /// Reachable from some importer's dependencies at all. An entry no
    /// declared dependency reaches (left over from another workspace, or
    /// `extraneous`) is not installed by the package manager.
    pub reachable: bool,
}

/// A direct dependency of an importer.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectDep {
    /// The name the importer's package.json declares (an alias name stays
    /// the alias: that is the key in package.json and the import specifier).
    pub declared: String,
    pub package: usize,
    pub dev: bool,
}

/// The root project or one workspace.
#[derive(Debug, Clone, PartialEq)]
pub struct Importer {
    /// Folder relative to the lockfile's folder, `/`-separated; "" for the root.
    pub dir: String,
    pub deps: Vec<DirectDep>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lockfile {
    pub kind: LockKind,
    pub packages: Vec<Package>,
    pub importers: Vec<Importer>,
}

/// Why a lockfile could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct LockError {
    pub message: String,
    /// Where the problem is, when the parser knows.
    pub span: Option<Span>,
}

impl LockError {
    fn new(message: impl Into<String>) -> LockError {
        LockError {
            message: message.into(),
            span: None,
        }
    }
}

/// Parses the lockfile `file_name` (its base name says the format).
pub fn parse(
    file_name: &str,
    text: &str,
    manifests: &dyn ManifestSource,
) -> Result<Lockfile, LockError> {
    let mut lock = match file_name {
        "package-lock.json" | "npm-shrinkwrap.json" => npm::parse(text, manifests)?,
        "yarn.lock" => yarn::parse(text, manifests)?,
        "pnpm-lock.yaml" => {
            check_yaml_nesting(text)?;
            pnpm::parse(text)?
        }
        other => return Err(LockError::new(format!("`{other}` is no lockfile"))),
    };
    lock.mark_reach();
    Ok(lock)
}

impl Lockfile {
    /// A package is dev-only when no importer's production (or optional)
    /// dependency reaches it, and unreachable when no dependency of any
    /// importer does. Every importer counts as deployed: a workspace is a
    /// package of the project, whichever of them ships. Without any declared
    /// dependency (no package.json at hand) nothing is known to be
    /// unreachable, and every package counts.
    fn mark_reach(&mut self) {
        let roots = |dev: bool| -> Vec<usize> {
            self.importers
                .iter()
                .flat_map(|i| {
                    i.deps
                        .iter()
                        .filter(move |d| dev || !d.dev)
                        .map(|d| d.package)
                })
                .collect()
        };
        let (prod_roots, all_roots) = (roots(false), roots(true));
        let prod = self.closure(prod_roots);
        let known = !all_roots.is_empty();
        let any = self.closure(all_roots);
        for (i, p) in self.packages.iter_mut().enumerate() {
            p.dev_only = !prod[i];
            p.reachable = any[i] || !known;
        }
    }

    /// The packages reachable from `roots` over dependency edges.
    fn closure(&self, roots: Vec<usize>) -> Vec<bool> {
        let mut seen = vec![false; self.packages.len()];
        let mut queue = VecDeque::from(roots);
        while let Some(p) = queue.pop_front() {
            if std::mem::replace(&mut seen[p], true) {
                continue;
            }
            queue.extend(self.packages[p].deps.iter().copied().filter(|&d| !seen[d]));
        }
        seen
    }

    /// For each package, the packages that depend on it.
    pub fn reverse_edges(&self) -> Vec<Vec<usize>> {
        let mut rev: Vec<Vec<usize>> = vec![Vec::new(); self.packages.len()];
        for (i, p) in self.packages.iter().enumerate() {
            for &d in &p.deps {
                rev[d].push(i);
            }
        }
        rev
    }

    /// The install paths to package `target`: one per direct dependency
    /// that reaches it (the shortest), as (importer, direct dependency,
    /// package indices from the direct dependency down to `target`).
    /// At most `limit` paths; the second value says whether more exist.
    /// `rev` is [`Lockfile::reverse_edges`], computed once per lockfile.
    pub fn install_paths(
        &self,
        target: usize,
        limit: usize,
        rev: &[Vec<usize>],
    ) -> (Vec<InstallPath>, bool) {
        // Breadth-first from the target over reversed edges gives, for every
        // package that reaches it, the next step of a shortest path.
        let mut next: Vec<Option<usize>> = vec![None; self.packages.len()];
        let mut seen = vec![false; self.packages.len()];
        seen[target] = true;
        let mut queue = VecDeque::from([target]);
        while let Some(p) = queue.pop_front() {
            for &q in &rev[p] {
                if !seen[q] {
                    seen[q] = true;
                    next[q] = Some(p);
                    queue.push_back(q);
                }
            }
        }
        let mut out = Vec::new();
        let mut more = false;
        for (ii, imp) in self.importers.iter().enumerate() {
            for (di, d) in imp.deps.iter().enumerate() {
                if !seen[d.package] {
                    continue;
                }
                if out.len() == limit {
                    more = true;
                    continue;
                }
                let mut chain = vec![d.package];
                while let Some(n) = next[*chain.last().unwrap_or(&target)] {
                    chain.push(n);
                }
                out.push(InstallPath {
                    importer: ii,
                    direct: di,
                    chain,
                });
            }
        }
        (out, more)
    }
}

/// How an importer's direct dependency brings a package in.
#[derive(Debug, Clone, PartialEq)]
pub struct InstallPath {
    pub importer: usize,
    /// Index into the importer's `deps`.
    pub direct: usize,
    /// Package indices from the direct dependency down to the target.
    pub chain: Vec<usize>,
}

/// Whether a lockfile's `resolved` address is a registry tarball. A git
/// checkout, a GitHub tarball or a local folder carries the version its
/// package.json claims, but not the code the advisories speak of: such a
/// package is not checked.
pub(crate) fn from_registry(resolved: Option<&str>) -> bool {
    let Some(r) = resolved else { return true };
    !(r.starts_with("git")
        || r.starts_with("file:")
        || r.starts_with("link:")
        || r.starts_with("https://codeload.github.com/")
        || r.starts_with("https://github.com/")
        || r.starts_with("ssh://"))
}

/// The package name of an npm key or descriptor `name@range` (a scoped
/// name keeps its leading `@`).
pub(crate) fn split_name(spec: &str) -> (&str, &str) {
    let at = if let Some(rest) = spec.strip_prefix('@') {
        rest.find('@').map(|i| i + 1)
    } else {
        spec.find('@')
    };
    match at {
        Some(i) => (&spec[..i], &spec[i + 1..]),
        None => (spec, ""),
    }
}

pub(crate) fn span(start: usize, end: usize) -> Span {
    Span::new(
        u32::try_from(start).unwrap_or(u32::MAX),
        u32::try_from(end).unwrap_or(u32::MAX),
    )
}
