//! The closest configuration applies to each file (ruff's hierarchical
//! configuration): a nested `nodeward.toml` or package.json section governs
//! the files under its folder on its own, `-c` turns the hierarchy off.

mod cli_support;

use cli_support::{nodeward, notices, Project};

/// An Express app with x-powered-by on line 2.
const APP: &str =
    "const express = require('express');\nconst app = express();\napp.listen(3000);\n";

/// (path, level) of each x-powered-by finding.
fn levels(report: &serde_json::Value) -> Vec<(String, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "x-powered-by")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["level"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn w(path: &str) -> (String, String) {
    (path.to_string(), "warning".to_string())
}

const XPB: &[&str] = &["--select", "x-powered-by"];

#[test]
fn a_nested_config_turns_a_rule_off_below_its_folder() {
    let p = Project::new();
    p.write("src/app.js", APP);
    p.write("legacy/app.js", APP);
    p.write("legacy/nodeward.toml", "[rules]\nx-powered-by = \"off\"\n");
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    assert_eq!(levels(&report), [w("src/app.js")], "{}", run.describe());
    // `-c` names the one configuration: nothing below it is read.
    p.write("nodeward.toml", "");
    let (run, report) = p.check_json(&["-c", "nodeward.toml"]);
    run.assert_code(1);
    assert_eq!(
        levels(&report),
        [w("legacy/app.js"), w("src/app.js")],
        "{}",
        run.describe()
    );
}

#[test]
fn a_nested_config_stands_alone_unless_it_extends() {
    // The root turns the rule off; api/ turns it on again, as an error. The
    // nested file does not inherit the root's `[rules]`.
    let p = Project::new();
    p.write("nodeward.toml", "[rules]\nx-powered-by = \"off\"\n");
    p.write("src/app.js", APP);
    p.write("api/app.js", APP);
    p.write("api/nodeward.toml", "[rules]\nx-powered-by = \"error\"\n");
    p.write("web/app.js", APP);
    p.write("web/nodeward.toml", "[rules]\nredos = \"note\"\n");
    p.write("shared/app.js", APP);
    p.write("shared/nodeward.toml", "extend = \"../nodeward.toml\"\n");
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    let xpb = levels(&report);
    assert_eq!(
        xpb,
        [
            ("api/app.js".to_string(), "error".to_string()),
            ("web/app.js".to_string(), "warning".to_string())
        ],
        "{}",
        run.describe()
    );
}

#[test]
fn nested_globs_are_relative_to_their_folder() {
    let p = Project::new();
    p.write("api/routes/app.js", APP);
    p.write("api/gen/app.js", APP);
    p.write("gen/app.js", APP);
    p.write("routes/app.js", APP);
    p.write(
        "api/nodeward.toml",
        "exclude = [\"/gen/\"]\n[[overrides]]\nfiles = [\"/routes/\"]\nrules = { x-powered-by = \"note\" }\n",
    );
    let (run, report) = p.check_json(XPB);
    run.assert_code(1);
    assert_eq!(
        levels(&report),
        [
            ("api/routes/app.js".to_string(), "note".to_string()),
            ("gen/app.js".to_string(), "warning".to_string()),
            ("routes/app.js".to_string(), "warning".to_string()),
        ],
        "{}",
        run.describe()
    );
    let files = p.check(&["--show-files"]);
    assert!(!files.stdout.contains("api/gen/"), "{}", files.describe());
    assert!(files.stdout.contains("gen/app.js"), "{}", files.describe());
}

#[test]
fn a_package_json_section_below_is_a_nested_config() {
    let p = Project::new();
    p.write("src/app.js", APP);
    p.write("tools/app.js", APP);
    p.write(
        "tools/package.json",
        r#"{"name": "tools", "nodeward": {"rules": {"x-powered-by": "off"}}}"#,
    );
    // A package.json without the section is not a config.
    p.write("src/package.json", r#"{"name": "src"}"#);
    let (run, report) = p.check_json(&[]);
    assert_eq!(levels(&report), [w("src/app.js")], "{}", run.describe());
}

#[test]
fn run_wide_keys_in_a_nested_config_are_ignored_with_a_notice() {
    let p = Project::new();
    p.write("src/app.js", APP);
    p.write("src/nodeward.toml", "fail-on = \"never\"\n");
    let (run, report) = p.check_json(XPB);
    // The run's fail-on (the default, warning) decides.
    run.assert_code(1);
    let ours: Vec<_> = notices(&report)
        .into_iter()
        .filter(|n| n["kind"] == "config-key")
        .collect();
    assert_eq!(ours.len(), 1, "{}", run.describe());
    assert_eq!(ours[0]["path"], "src/nodeward.toml");
    assert!(
        ours[0]["message"].as_str().unwrap().contains("`fail-on`"),
        "{}",
        ours[0]
    );
    // The same value as the run's says nothing.
    p.write("nodeward.toml", "fail-on = \"never\"\n");
    let (run, report) = p.check_json(XPB);
    run.assert_code(0);
    assert!(
        !notices(&report).iter().any(|n| n["kind"] == "config-key"),
        "{}",
        run.describe()
    );
}

#[test]
fn an_invalid_nested_config_is_a_config_error() {
    let p = Project::new();
    p.write("src/app.js", APP);
    p.write("src/nodeward.toml", "[rules]\nno-such-rule = \"on\"\n");
    let run = p.check(&[]);
    run.assert_code(2);
    let line = run.assert_one_line_error();
    assert!(
        line.contains("src/nodeward.toml") && line.contains("no-such-rule"),
        "{line}"
    );
}

#[test]
fn the_run_from_a_subfolder_uses_its_closest_config() {
    // Run inside api/: api/nodeward.toml is the run's configuration, and
    // the root's does not apply there.
    let p = Project::new();
    p.write("nodeward.toml", "[rules]\nx-powered-by = \"off\"\n");
    p.write("api/app.js", APP);
    p.write("api/nodeward.toml", "");
    let run = nodeward(
        &p.path().join("api"),
        &["check", "-f", "concise", "--select", "x-powered-by"],
    );
    run.assert_code(1);
    assert!(run.stdout.starts_with("app.js:2:13:"), "{}", run.describe());
}

#[test]
fn a_config_above_a_path_given_governs_it() {
    // The run's configuration is the first path's (api's); web/ gets the
    // one in packages/, a folder the walk never lists.
    let p = Project::new();
    p.write("packages/api/app.js", APP);
    p.write("packages/api/nodeward.toml", "");
    p.write("packages/web/app.js", APP);
    p.write(
        "packages/nodeward.toml",
        "[rules]\nx-powered-by = \"error\"\n",
    );
    let (run, report) = p.check_json(&["packages/api", "packages/web"]);
    run.assert_code(1);
    assert_eq!(
        levels(&report),
        [
            w("packages/api/app.js"),
            ("packages/web/app.js".to_string(), "error".to_string())
        ],
        "{}",
        run.describe()
    );
}
