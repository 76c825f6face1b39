//! The distribution files parse and agree with Cargo.toml: action.yml, the
//! pre-commit manifest, the release workflow, the npm platform list and the
//! root package.json the pre-commit hook installs from. (The npm packages
//! themselves are packed, installed and run by scripts/npm-roundtrip.sh in
//! .ci/run, which needs npm.)

use serde_yaml_ng::Value;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn yaml(path: &str) -> Value {
    let text = std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_yaml_ng::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid YAML: {e}"))
}

fn json(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(repo().join(path)).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid JSON: {e}"))
}

const VERSION: &str = env!("CARGO_PKG_VERSION");

#[test]
fn the_action_installs_the_pinned_version_and_uploads_sarif() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let inputs = &action["inputs"];
    for name in [
        "version",
        "paths",
        "fail-on",
        "baseline",
        "args",
        "sarif-file",
        "upload-sarif",
    ] {
        assert!(
            inputs[name]["description"].is_string(),
            "input {name} is missing or undocumented"
        );
    }
    assert_eq!(
        inputs["version"]["default"].as_str(),
        Some(VERSION),
        "the action must pin the version of Cargo.toml"
    );
    let steps = action["runs"]["steps"].as_sequence().unwrap();
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(
        uses.iter()
            .any(|u| u.starts_with("github/codeql-action/upload-sarif@")),
        "{uses:?}"
    );
    let scripts: String = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(scripts.contains("--format github") && scripts.contains("--sarif-output"));
    // Inputs reach the scripts through the environment only: `${{ inputs.x }}`
    // spliced into a script is a command injection.
    assert!(
        !scripts.contains("${{"),
        "an expression is spliced into a run script"
    );
    for step in steps.iter().filter(|s| s["run"].is_string()) {
        assert_eq!(
            step["shell"].as_str(),
            Some("bash"),
            "composite run steps need a shell"
        );
    }
}

#[test]
fn the_pre_commit_hook_runs_the_npm_package_on_js_and_ts() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hook = &hooks.as_sequence().expect("a list of hooks")[0];
    assert_eq!(hook["id"].as_str(), Some("nodeward"));
    assert_eq!(hook["language"].as_str(), Some("node"));
    assert!(hook["entry"]
        .as_str()
        .unwrap()
        .starts_with("nodeward check"));
    let deps: Vec<&str> = hook["additional_dependencies"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert_eq!(deps, [format!("nodeward@{VERSION}")]);
    let types: Vec<&str> = hook["types_or"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    for t in ["javascript", "ts"] {
        assert!(types.contains(&t), "{types:?}");
    }
    // pre-commit's node language packs the hook repository: it needs a package.json.
    let package = json("package.json");
    assert_eq!(package["version"].as_str(), Some(VERSION));
    assert_eq!(package["private"].as_bool(), Some(true));
}

#[test]
fn the_release_builds_every_npm_platform() {
    let platforms = json("npm/platforms.json");
    let keys: Vec<&str> = platforms["platforms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys.len(), 8);
    let workflow = yaml(".github/workflows/release.yml");
    let matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_sequence()
        .unwrap();
    let mut built: Vec<&str> = matrix.iter().map(|m| m["key"].as_str().unwrap()).collect();
    built.sort();
    let mut listed = keys.clone();
    listed.sort();
    assert_eq!(
        built, listed,
        "the release must build exactly the npm platforms"
    );
    for m in matrix {
        let key = m["key"].as_str().unwrap();
        let target = platforms["platforms"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["key"] == key)
            .unwrap()["target"]
            .as_str()
            .unwrap();
        assert_eq!(m["target"].as_str(), Some(target), "{key}");
    }
    for job in ["build", "publish", "smoke"] {
        assert!(workflow["jobs"][job].is_mapping(), "job {job}");
    }
}
