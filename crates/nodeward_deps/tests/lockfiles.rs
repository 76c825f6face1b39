//! Every lockfile fixture (resolved by the real package managers, see
//! scripts/make-lockfile-fixtures.sh) reads to exactly the packages of its
//! `installed.tsv`, which an independent script computed and the managers'
//! own installs confirmed: name, version and whether it is dev-only.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use nodeward_deps::lockfile::{self, FsManifests, LockKind, Lockfile};

const LOCKFILES: &[&str] = &[
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
];

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/rules/vulnerable-dependency")
}

fn read(case: &str) -> (Lockfile, String) {
    let dir = cases().join(case);
    let name = LOCKFILES
        .iter()
        .find(|n| dir.join(n).is_file())
        .unwrap_or_else(|| panic!("{case}: no lockfile"));
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let lock = lockfile::parse(name, &text, &FsManifests::new(dir))
        .unwrap_or_else(|e| panic!("{case}: {}", e.message));
    (lock, text)
}

fn installed(lock: &Lockfile) -> BTreeSet<(String, String, &'static str)> {
    let mut out = BTreeSet::new();
    for p in &lock.packages {
        let prod = lock
            .packages
            .iter()
            .any(|q| q.name == p.name && q.version == p.version && !q.dev_only);
        out.insert((
            p.name.clone(),
            p.version.clone(),
            if prod { "prod" } else { "dev" },
        ));
    }
    out
}

fn expected(case: &str) -> BTreeSet<(String, String, &'static str)> {
    let text = std::fs::read_to_string(cases().join(case).join("installed.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let dev = if f[2] == "dev" { "dev" } else { "prod" };
            (f[0].to_string(), f[1].to_string(), dev)
        })
        .collect()
}

fn check(case: &str, kind: LockKind) {
    let (lock, text) = read(case);
    assert_eq!(lock.kind, kind, "{case}");
    let got = installed(&lock);
    let want = expected(case);
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{case}: missing {missing:?}, extra {extra:?}"
    );
    // Every key span is a key naming its package (an alias folder names the
    // alias, so the real name or the alias appears).
    for p in &lock.packages {
        let key = &text[p.key_span.start as usize..p.key_span.end as usize];
        assert!(
            key.contains(&p.name) || key.contains("semver5"),
            "{case}: key {key:?} for {}",
            p.name
        );
    }
    // A lockfile the manager wrote for this manifest has no left-overs.
    assert!(lock.packages.iter().all(|p| p.reachable), "{case}");
    // Every importer resolves its declared dependencies.
    assert!(lock.importers.iter().any(|i| !i.deps.is_empty()), "{case}");
}

#[test]
fn npm_lockfiles() {
    check("bad-npm-v3", LockKind::Npm(3));
    check("bad-npm-v2", LockKind::Npm(2));
    check("bad-npm-v1", LockKind::Npm(1));
    check("bad-npm-shrinkwrap", LockKind::Npm(3));
    check("bad-npm-workspaces", LockKind::Npm(3));
    check("ok-npm-patched", LockKind::Npm(3));
}

#[test]
fn yarn_lockfiles() {
    check("bad-yarn-classic", LockKind::YarnClassic);
    check("bad-yarn-classic-workspaces", LockKind::YarnClassic);
    check("bad-yarn-berry", LockKind::YarnBerry);
    check("bad-yarn-berry-workspaces", LockKind::YarnBerry);
    check("ok-yarn-classic-patched", LockKind::YarnClassic);
    check("ok-yarn-berry-patched", LockKind::YarnBerry);
}

#[test]
fn pnpm_lockfiles() {
    check("bad-pnpm-v5", LockKind::Pnpm(5));
    check("bad-pnpm-v6", LockKind::Pnpm(6));
    check("bad-pnpm-v9", LockKind::Pnpm(9));
    check("bad-pnpm-workspace", LockKind::Pnpm(9));
    check("ok-pnpm-patched", LockKind::Pnpm(9));
}

#[test]
fn malformed_lockfiles_are_errors() {
    for case in [
        "ok-malformed-npm",
        "ok-malformed-yarn-classic",
        "ok-malformed-yarn-berry",
        "ok-malformed-pnpm",
    ] {
        let dir = cases().join(case);
        let name = LOCKFILES.iter().find(|n| dir.join(n).is_file()).unwrap();
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let err = lockfile::parse(name, &text, &FsManifests::new(dir.clone()));
        assert!(err.is_err(), "{case} parsed");
        assert!(!err.unwrap_err().message.is_empty());
    }
}

#[test]
fn aliases_install_paths_and_workspaces() {
    let (lock, _) = read("bad-npm-v3");
    let root = &lock.importers[0];
    let alias = root.deps.iter().find(|d| d.declared == "semver5").unwrap();
    assert_eq!(lock.packages[alias.package].name, "semver");
    assert_eq!(lock.packages[alias.package].version, "5.7.1");
    let qs = lock.packages.iter().position(|p| p.name == "qs").unwrap();
    let (paths, _) = lock.install_paths(qs, 10, &lock.reverse_edges());
    let names: Vec<Vec<&str>> = paths
        .iter()
        .map(|p| {
            p.chain
                .iter()
                .map(|&i| lock.packages[i].name.as_str())
                .collect()
        })
        .collect();
    assert!(names.contains(&vec!["express", "qs"]), "{names:?}");

    for case in [
        "bad-npm-workspaces",
        "bad-yarn-berry-workspaces",
        "bad-pnpm-workspace",
    ] {
        let (lock, _) = read(case);
        let dirs: BTreeSet<&str> = lock.importers.iter().map(|i| i.dir.as_str()).collect();
        assert!(
            dirs.contains("packages/api") && dirs.contains("packages/web"),
            "{case}: {dirs:?}"
        );
        let web = lock
            .importers
            .iter()
            .find(|i| i.dir == "packages/web")
            .unwrap();
        let underscore = web
            .deps
            .iter()
            .find(|d| d.declared == "underscore")
            .unwrap();
        assert!(underscore.dev, "{case}");
        assert!(lock.packages[underscore.package].dev_only, "{case}");
    }
}
