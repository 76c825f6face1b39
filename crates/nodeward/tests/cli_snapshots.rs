//! Snapshots of the human, JSON, SARIF and GitHub output of one fixed
//! project (tests/cli_project/): app.js (x-powered-by, missing-helmet),
//! server.js (swallowed-crash after `é` and an emoji on the same line),
//! worker.js (a suppressed finding and a suppression naming no rule), and
//! clean files.
//!
//! The project is copied into a temporary folder marked as a repository, so
//! paths are relative to it; the absolute root in SARIF's `workingDirectory`
//! and `originalUriBaseIds` is redacted, as are the tool version and the rule
//! docs (checked against rules/*.md here, snapshotted by their own tests).
//!
//! To accept a change: `INSTA_UPDATE=always cargo test -p nodeward --test
//! cli_snapshots`, then review the diff of tests/snapshots/.

mod cli_support;

use std::path::Path;

use serde_json::Value;

use cli_support::{validate_sarif, Project};

fn fixture_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cli_project"))
}

/// A copy of tests/cli_project in a fresh project folder.
fn project() -> Project {
    let p = Project::new();
    copy_dir(fixture_dir(), fixture_dir(), &p);
    p
}

fn copy_dir(base: &Path, dir: &Path, p: &Project) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            copy_dir(base, &path, p);
        } else {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            p.write(&rel, std::fs::read(&path).unwrap());
        }
    }
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_omit_expression(true);
    s
}

/// Panics if `text` holds the project's absolute path (or any `file://`
/// URI), which would differ on every machine.
#[track_caller]
fn assert_machine_independent(p: &Project, what: &str, text: &str) {
    let root = p.path();
    assert!(
        !text.contains(root.to_str().unwrap()),
        "{what} contains the absolute root:\n{text}"
    );
    let tmp = std::env::temp_dir();
    let tmp = tmp.to_str().unwrap().trim_end_matches('/');
    assert!(
        !text.contains(&format!("{tmp}/")),
        "{what} contains the temp folder:\n{text}"
    );
    assert!(
        !text.contains("file://"),
        "{what} contains a file URI:\n{text}"
    );
}

#[test]
fn human_output() {
    let p = project();
    let run = p.check(&[]);
    run.assert_code(1).assert_no_panic_text();
    assert_machine_independent(&p, "human stdout", &run.stdout);
    assert_machine_independent(&p, "human stderr", &run.stderr);
    settings().bind(|| {
        insta::assert_snapshot!("human_stdout", run.stdout);
        insta::assert_snapshot!("human_stderr", run.stderr);
    });
    // The terminal around the run does not change the bytes.
    let elsewhere = p.check_env(
        &[],
        &[
            ("COLUMNS", "40"),
            ("TERM", "dumb"),
            ("LANG", "C"),
            ("LC_ALL", "C"),
        ],
    );
    assert_eq!(elsewhere.stdout, run.stdout);
    assert_eq!(elsewhere.stderr, run.stderr);
}

#[test]
fn json_output() {
    let p = project();
    let run = p.check(&["-f", "json"]);
    run.assert_code(1).assert_no_panic_text();
    assert_machine_independent(&p, "JSON", &run.stdout);
    let _: Value = run.json();
    settings().bind(|| insta::assert_snapshot!("json", run.stdout));
}

#[test]
fn github_output() {
    let p = project();
    let run = p.check(&["-f", "github"]);
    run.assert_code(1).assert_no_panic_text();
    assert_machine_independent(&p, "github", &run.stdout);
    let annotations: String = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("::"))
        .map(|l| format!("{l}\n"))
        .collect();
    settings().bind(|| insta::assert_snapshot!("github_annotations", annotations));
}

/// SARIF with the machine-dependent parts replaced; the rule docs are
/// checked against rules/<id>.md and replaced by a marker.
fn redacted_sarif(p: &Project, mut sarif: Value) -> Value {
    let root_uri = format!("file://{}/", p.path().to_str().unwrap());
    let run = &mut sarif["runs"][0];
    for pointer in [
        "/originalUriBaseIds/%SRCROOT%/uri",
        "/invocations/0/workingDirectory/uri",
    ] {
        let uri = run
            .pointer_mut(pointer)
            .unwrap_or_else(|| panic!("no {pointer}"));
        let text = uri.as_str().expect("a root URI").to_string();
        assert!(text.starts_with("file://") && text.ends_with('/'), "{text}");
        assert_eq!(text, root_uri, "not the project root");
        *uri = Value::from("file:///[ROOT]/");
    }
    let driver = &mut run["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = "[VERSION]".into();
    if driver.get("semanticVersion").is_some() {
        driver["semanticVersion"] = "[VERSION]".into();
    }
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    for rule in driver["rules"].as_array_mut().unwrap() {
        let id = rule["id"].as_str().unwrap().to_string();
        let doc = std::fs::read_to_string(docs.join(format!("{id}.md"))).unwrap();
        assert_eq!(
            rule["help"]["markdown"].as_str(),
            Some(doc.trim()),
            "help.markdown of {id}"
        );
        let text = rule["help"]["text"].as_str().unwrap_or_default();
        assert!(
            !text.is_empty() && !text.contains("```"),
            "help.text of {id}"
        );
        rule["help"]["markdown"] = format!("[rules/{id}.md]").into();
        rule["help"]["text"] = format!("[rules/{id}.md as text]").into();
    }
    sarif
}

#[test]
fn sarif_output() {
    let p = project();
    let run = p.check(&["-f", "sarif"]);
    run.assert_code(1).assert_no_panic_text();
    let sarif = run.json();
    validate_sarif(&sarif, "the snapshot project's SARIF");
    let redacted = redacted_sarif(&p, sarif);
    let text = serde_json::to_string_pretty(&redacted).unwrap();
    assert_machine_independent(&p, "SARIF", &text.replace("file:///[ROOT]/", ""));
    settings().bind(|| insta::assert_snapshot!("sarif", text));
}

#[test]
fn columns_count_characters_in_json_and_utf16_units_in_sarif() {
    let p = project();
    let text = p.read("src/server.js");
    let (line_no, line) = text
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("process.on("))
        .unwrap();
    let prefix = &line[..line.find("process.on(").unwrap()];
    assert!(
        prefix.contains('é') && prefix.contains('🚀'),
        "the fixture lost its é or emoji"
    );
    let chars = prefix.chars().count() as u64 + 1;
    let utf16 = prefix.encode_utf16().count() as u64 + 1;
    assert_ne!(chars, utf16);

    let (run, json) = p.check_json(&[]);
    run.assert_code(1);
    let finding = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "src/server.js")
        .unwrap_or_else(|| panic!("no finding in server.js\n{}", run.describe()))
        .clone();
    assert_eq!(finding["rule"], "swallowed-crash");
    assert_eq!(finding["start"]["line"], line_no as u64 + 1, "{finding}");
    assert_eq!(
        finding["start"]["column"], chars,
        "JSON columns count characters: {finding}"
    );

    let sarif = p.check(&["-f", "sarif"]).json();
    let result = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "src/server.js"
        })
        .unwrap()
        .clone();
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], line_no as u64 + 1, "{region}");
    assert_eq!(
        region["startColumn"], utf16,
        "SARIF columns count UTF-16 code units: {region}"
    );
    assert_eq!(sarif["runs"][0]["columnKind"], "utf16CodeUnits");

    // GitHub annotations count UTF-16 units too; they carry columns only for
    // a finding on one line, as `express()` is.
    let q = Project::new();
    q.write(
        "app.js",
        "const express = require('express');\nconst tag = 'é🚀'; const app = express();\napp.listen(3000);\n",
    );
    let github = q.check(&["-f", "github"]);
    github.assert_code(1);
    let prefix = "const tag = 'é🚀'; const app = ";
    let (chars, utf16) = (
        prefix.chars().count() + 1,
        prefix.encode_utf16().count() + 1,
    );
    assert_ne!(chars, utf16);
    for line in github.stdout.lines().filter(|l| l.starts_with("::")) {
        assert!(
            line.contains(&format!("line=2,endLine=2,col={utf16},")),
            "{line}\n{}",
            github.describe()
        );
    }
    let (_, json) = q.check_json(&[]);
    assert_eq!(json["findings"][0]["start"]["column"], chars as u64);
}

#[test]
fn the_fixture_project_has_what_the_snapshots_claim() {
    // Guards the snapshots against a fixture edited by mistake.
    let p = project();
    let (run, json) = p.check_json(&[]);
    run.assert_code(1);
    assert_eq!(
        cli_support::findings(&json),
        vec![
            cli_support::f("missing-helmet", "src/app.js", 4),
            cli_support::f("x-powered-by", "src/app.js", 4),
            cli_support::f("swallowed-crash", "src/server.js", 4),
            cli_support::f("redos", "src/validate.js", 2),
        ],
        "{}",
        run.describe()
    );
    assert_eq!(json["summary"]["suppressed"], 1);
    let kinds: Vec<&str> = json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["unknown-rule"], "{}", run.describe());
}
