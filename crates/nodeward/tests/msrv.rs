//! The minimum Rust version is stated once (`rust-version` in the
//! workspace's Cargo.toml) and is true: no locked dependency asks for a
//! newer one, and the README says the same. (Dependencies whose sources
//! are not in the local cargo registry are not checked; that is said.)

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn version(text: &str) -> Option<Vec<u32>> {
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("rust-version") && l.contains('"'))?;
    let v = line.split('"').nth(1)?;
    v.split('.').map(|p| p.parse().ok()).collect()
}

fn cargo_home() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        })
}

#[test]
fn the_stated_rust_version_builds_every_locked_dependency() {
    let ours = version(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap())
        .expect("rust-version in the workspace Cargo.toml");
    let shown = ours
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(".");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("{shown} or newer")),
        "README must state Rust {shown} or newer"
    );
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let registries: Vec<PathBuf> = std::fs::read_dir(cargo_home().join("registry/src"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    let (mut checked, mut missing) = (0, 0);
    let mut too_new = Vec::new();
    for block in lock.split("[[package]]") {
        let field = |k: &str| {
            block
                .lines()
                .find_map(|l| l.strip_prefix(&format!("{k} = \"")))
                .map(|v| v.trim_end_matches('"').to_string())
        };
        let (Some(name), Some(ver), Some(_)) = (field("name"), field("version"), field("source"))
        else {
            continue;
        };
        let manifest = registries
            .iter()
            .map(|r| r.join(format!("{name}-{ver}/Cargo.toml")))
            .find(|p| p.exists());
        let Some(manifest) = manifest else {
            missing += 1;
            continue;
        };
        checked += 1;
        if let Some(v) = version(&std::fs::read_to_string(&manifest).unwrap_or_default()) {
            if v > ours {
                too_new.push(format!("{name} {ver} needs {v:?}"));
            }
        }
    }
    if missing > 0 {
        eprintln!("msrv: {missing} locked packages are not in the local registry; not checked");
    }
    assert!(
        too_new.is_empty(),
        "rust-version {shown} is too old: {too_new:?}"
    );
    eprintln!("msrv: {checked} locked packages build with Rust {shown}");
}
