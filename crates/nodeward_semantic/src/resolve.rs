//! How bare specifiers reach project files: TypeScript `paths` and
//! `baseUrl` (through `extends`), and packages of the project imported by
//! their name (workspaces), through their package.json `exports` or `main`.
//! Also the framework majors each package declares (`"express": "^5.0.0"`).
//!
//! Read once per run from the tsconfig.json and package.json files found in
//! the folders of the analysed files and above them (up to the root).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use jsonc_parser::{JsonObject, JsonValue, ParseOptions};

/// The module map of a project (project-relative paths, `/` separators,
/// folders without a trailing `/`, `""` for the root).
#[derive(Debug, Default, Clone)]
pub struct ModuleMap {
    /// Sorted by folder, deepest last.
    tsconfigs: Vec<TsConfig>,
    /// Packages of the project by name.
    packages: HashMap<String, Package>,
    /// package.json folders, sorted (for the nearest-package lookup).
    package_dirs: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
struct TsConfig {
    dir: String,
    /// `baseUrl`, resolved against the file that set it.
    base_url: Option<String>,
    /// (pattern, targets), targets resolved against `baseUrl` (or the
    /// folder of the file that set `paths`).
    paths: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone)]
struct Package {
    dir: String,
    /// The entry file for `import 'name'`: `exports["."]` or `main`.
    entry: Option<String>,
    /// Major versions of the dependencies it declares, by package name.
    majors: HashMap<String, u64>,
    /// Its `scripts` commands (`node --max-http-header-size=65536 app.js`).
    scripts: Vec<String>,
}

const MAX_EXTENDS: usize = 8;

impl ModuleMap {
    /// Reads every tsconfig.json and package.json in `dirs` and their
    /// parent folders under `root`. Files that do not parse are skipped
    /// (their names are returned, for a notice).
    pub fn load<'a>(root: &Path, dirs: impl Iterator<Item = &'a str>) -> (ModuleMap, Vec<String>) {
        let mut seen = HashSet::new();
        let mut all = Vec::new();
        for d in dirs {
            let mut cur = d.to_string();
            loop {
                if !seen.insert(cur.clone()) {
                    break;
                }
                all.push(cur.clone());
                match cur.rfind('/') {
                    Some(i) => cur.truncate(i),
                    None if !cur.is_empty() => cur.clear(),
                    None => break,
                }
            }
        }
        all.sort();
        let mut map = ModuleMap::default();
        let mut bad = Vec::new();
        for dir in &all {
            let join = |name: &str| {
                if dir.is_empty() {
                    name.to_string()
                } else {
                    format!("{dir}/{name}")
                }
            };
            let ts = root.join(join("tsconfig.json"));
            if ts.is_file() {
                match read_tsconfig(root, dir, &join("tsconfig.json"), 0) {
                    Some(t) => map.tsconfigs.push(t),
                    None => bad.push(join("tsconfig.json")),
                }
            }
            let pj = root.join(join("package.json"));
            if pj.is_file() {
                let read = with_json(&pj, |v| match v {
                    JsonValue::Object(o) => Some((
                        package_of(dir, o),
                        o.get_string("name").map(|s| s.to_string()),
                    )),
                    _ => None,
                });
                match read {
                    Some(parsed) => {
                        if let Some((pkg, name)) = parsed {
                            map.package_dirs
                                .push((dir.clone(), name.clone().unwrap_or_default()));
                            if let Some(name) = name {
                                map.packages.entry(name).or_insert(pkg);
                            } else {
                                map.packages.entry(format!("\u{0}{dir}")).or_insert(pkg);
                            }
                        }
                    }
                    None => bad.push(join("package.json")),
                }
            }
        }
        (map, bad)
    }

    /// Candidate project paths (without extension handling) for a bare
    /// specifier imported from `from` (a project-relative file path).
    pub fn candidates(&self, from: &str, spec: &str) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(ts) = self.tsconfigs.iter().rev().find(|t| under(from, &t.dir)) {
            for (pattern, targets) in &ts.paths {
                if let Some(star) = match_pattern(pattern, spec) {
                    for t in targets {
                        out.push(t.replace('*', star));
                    }
                }
            }
            if let Some(base) = &ts.base_url {
                out.push(join(base, spec));
            }
        }
        // A package of the project: `name` or `name/sub/path`.
        let mut name_end = spec.len();
        loop {
            let name = &spec[..name_end];
            if let Some(p) = self.packages.get(name) {
                let sub = spec[name_end..].trim_start_matches('/');
                if sub.is_empty() {
                    if let Some(e) = &p.entry {
                        out.push(e.clone());
                    }
                    out.push(p.dir.clone());
                } else {
                    out.push(join(&p.dir, sub));
                }
                break;
            }
            match name.rfind('/') {
                Some(i) => name_end = i,
                None => break,
            }
        }
        out
    }

    /// The major version of `dependency` that the package holding `file`
    /// declares (dependencies, then devDependencies, then peer), if any.
    pub fn dependency_major(&self, file: &str, dependency: &str) -> Option<u64> {
        let (dir, name) = self
            .package_dirs
            .iter()
            .rev()
            .find(|(d, _)| under(file, d))?;
        let key = if name.is_empty() {
            format!("\u{0}{dir}")
        } else {
            name.clone()
        };
        self.packages.get(&key)?.majors.get(dependency).copied()
    }
}

impl ModuleMap {
    /// The `scripts` commands of every package.json of the project.
    pub fn scripts(&self) -> impl Iterator<Item = &str> {
        self.packages
            .values()
            .flat_map(|p| p.scripts.iter().map(String::as_str))
    }
}

fn under(path: &str, dir: &str) -> bool {
    dir.is_empty() || path.strip_prefix(dir).is_some_and(|r| r.starts_with('/'))
}

fn join(dir: &str, rel: &str) -> String {
    let joined = if dir.is_empty() {
        rel.to_string()
    } else {
        format!("{dir}/{rel}")
    };
    normalize(&joined)
}

fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// `@/*` against `@/services/users` → `services/users`.
fn match_pattern<'s>(pattern: &str, spec: &'s str) -> Option<&'s str> {
    match pattern.split_once('*') {
        Some((pre, post)) => spec
            .strip_prefix(pre)
            .and_then(|rest| rest.strip_suffix(post)),
        None => (pattern == spec).then_some(""),
    }
}

/// Parses a JSON-with-comments file and hands its value to `f`.
fn with_json<R>(path: &Path, f: impl FnOnce(&JsonValue) -> R) -> Option<R> {
    let text = std::fs::read_to_string(path).ok()?;
    let opts = ParseOptions {
        allow_comments: true,
        allow_loose_object_property_names: false,
        allow_trailing_commas: true,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
    };
    let value = jsonc_parser::parse_to_value(&text, &opts).ok().flatten()?;
    Some(f(&value))
}

/// A tsconfig.json with what it inherits through `extends` (relative
/// files only; a package preset gives no paths).
fn read_tsconfig(root: &Path, dir: &str, rel: &str, depth: usize) -> Option<TsConfig> {
    with_json(&root.join(rel), |v| match v {
        JsonValue::Object(o) => Some(tsconfig_of(root, dir, rel, o, depth)),
        _ => None,
    })
    .flatten()
}

fn tsconfig_of(root: &Path, dir: &str, rel: &str, o: &JsonObject, depth: usize) -> TsConfig {
    let file_dir = rel
        .rfind('/')
        .map_or(String::new(), |i| rel[..i].to_string());
    let mut cfg = TsConfig {
        dir: dir.to_string(),
        base_url: None,
        paths: Vec::new(),
    };
    if depth < MAX_EXTENDS {
        if let Some(ext) = o.get_string("extends") {
            if ext.starts_with('.') {
                let mut target = join(&file_dir, ext);
                if !target.ends_with(".json") {
                    target.push_str(".json");
                }
                if let Some(parent) = read_tsconfig(root, dir, &target, depth + 1) {
                    cfg.base_url = parent.base_url;
                    cfg.paths = parent.paths;
                }
            }
        }
    }
    if let Some(JsonValue::Object(opts)) = o.get("compilerOptions") {
        if let Some(b) = opts.get_string("baseUrl") {
            cfg.base_url = Some(join(&file_dir, b));
        }
        if let Some(JsonValue::Object(paths)) = opts.get("paths") {
            let base = cfg.base_url.clone().unwrap_or_else(|| file_dir.clone());
            cfg.paths = paths
                .clone()
                .into_iter()
                .map(|(pattern, targets)| {
                    let targets = match targets {
                        JsonValue::Array(a) => a
                            .into_iter()
                            .filter_map(|t| match t {
                                JsonValue::String(s) => Some(join(&base, &s)),
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    (pattern, targets)
                })
                .collect();
        }
    }
    cfg
}

fn package_of(dir: &str, o: &JsonObject) -> Package {
    let entry = o
        .get("exports")
        .and_then(export_root)
        .or_else(|| o.get_string("main").map(|s| s.to_string()))
        .map(|e| join(dir, &e));
    let mut majors = HashMap::new();
    for key in ["peerDependencies", "devDependencies", "dependencies"] {
        if let Some(JsonValue::Object(deps)) = o.get(key) {
            for (name, v) in deps.clone().into_iter() {
                if let JsonValue::String(range) = v {
                    if let Some(m) = major_of(&range) {
                        majors.insert(name, m);
                    }
                }
            }
        }
    }
    let scripts = match o.get("scripts") {
        Some(JsonValue::Object(scripts)) => scripts
            .clone()
            .into_iter()
            .filter_map(|(_, v)| match v {
                JsonValue::String(cmd) => Some(cmd.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Package {
        dir: dir.to_string(),
        entry,
        majors,
        scripts,
    }
}

/// `exports` → the file for `.`: a string, `{ ".": … }`, or conditions
/// (`require`, `default`, `import`, `node`) taken in that order.
fn export_root(v: &JsonValue) -> Option<String> {
    match v {
        JsonValue::String(s) => Some(s.to_string()),
        JsonValue::Object(o) => {
            if let Some(dot) = o.get(".") {
                return export_root(dot);
            }
            ["require", "node", "default", "import"]
                .iter()
                .find_map(|k| o.get(k).and_then(export_root))
        }
        _ => None,
    }
}

/// `^4.18.2`, `~5.0.0`, `>=4 <6`, `4.x` → the first major named.
fn major_of(range: &str) -> Option<u64> {
    let start = range.find(|c: char| c.is_ascii_digit())?;
    let digits: String = range[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::{major_of, match_pattern};

    #[test]
    fn path_patterns() {
        assert_eq!(
            match_pattern("@/*", "@/services/users"),
            Some("services/users")
        );
        assert_eq!(match_pattern("@app/core", "@app/core"), Some(""));
        assert_eq!(match_pattern("@/*", "lodash"), None);
    }

    #[test]
    fn majors() {
        assert_eq!(major_of("^4.18.2"), Some(4));
        assert_eq!(major_of("~5.0.0-beta.1"), Some(5));
        assert_eq!(major_of("latest"), None);
    }
}
