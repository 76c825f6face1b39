//! Text from the scanned project never acts on the reader's terminal or CI
//! runner (docs/security.md): file names and code holding escape sequences,
//! bidirectional overrides, line breaks and `::` commands are shown escaped
//! in the human and GitHub outputs and on stderr, and kept exact in JSON and
//! SARIF.

mod cli_support;

use serde_json::Value;

use cli_support::{nodeward, Project};

/// A file name with a colour escape; one with a line break and a runner
/// command after it; one that starts with a command.
const RED: &str = "a\u{1b}[31mred.js";
const INJECTED: &str = "x\n::warning::injected.js";
const COMMAND: &str = "::error::top.js";

/// An Express app (two findings on line 2) whose line 2 carries a screen
/// clear, a window title, a bidi override, a C1 control and a lone CR.
const HOSTILE_APP: &str = "const express = require('express');\nconst app = express(); // \u{1b}[2J \u{1b}]0;pwned\u{7} \u{202e}txt \u{85} \r!\napp.listen(3000);\n";

fn hostile_project() -> Project {
    let p = Project::new();
    p.write(RED, HOSTILE_APP);
    p.write(INJECTED, HOSTILE_APP);
    // Does not parse: a notice whose line starts with the path.
    p.write(COMMAND, "const = ;\n");
    p
}

/// A character that must not reach a terminal as it is.
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// No acting character, and no line a runner would read as a command
/// unless `annotations` allows nodeward's own.
fn assert_inert(text: &str, annotations: bool, what: &str) {
    if let Some(c) = text.chars().find(|&c| acts(c)) {
        panic!("{what}: {c:?} reached the output\n{text}");
    }
    for line in text.lines() {
        let t = line.trim_start();
        if !t.starts_with("::") {
            continue;
        }
        let ours = ["::error file=", "::warning file=", "::notice file="]
            .iter()
            .any(|p| line.starts_with(p));
        assert!(
            annotations && ours,
            "{what}: a line starts a runner command: {line:?}\n{text}"
        );
    }
}

#[test]
fn human_report_and_stderr_show_hostile_text_escaped() {
    let p = hostile_project();
    let run = p.check(&[]);
    run.assert_code(1).assert_no_panic_text();
    assert_inert(&run.stdout, false, "stdout");
    assert_inert(&run.stderr, false, "stderr");
    // What was there is visible, as escapes.
    for shown in [
        "a\\x1b[31mred.js:2:13",
        "x\\n::warning::injected.js:2:13",
        "\\x1b[2J \\x1b]0;pwned\\x07 \\u{202e}txt \\u{85} \\r!",
    ] {
        assert!(run.stdout.contains(shown), "{shown}\n{}", run.describe());
    }
    assert!(
        run.stderr.contains("./::error::top.js"),
        "{}",
        run.describe()
    );
}

#[test]
fn github_annotations_are_the_only_command_lines() {
    let p = hostile_project();
    let run = p.check(&["--format", "github"]);
    run.assert_code(1).assert_no_panic_text();
    assert_inert(&run.stdout, true, "stdout");
    assert_inert(&run.stderr, false, "stderr");
    // The file property still names the file (its line break as `%0A`).
    assert!(
        run.stdout
            .contains("file=x%0A%3A%3Awarning%3A%3Ainjected.js,"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("file=a\\x1b[31mred.js,"),
        "{}",
        run.describe()
    );
}

#[test]
fn json_and_sarif_keep_the_names_exact() {
    let p = hostile_project();
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(
        paths.contains(&RED) && paths.contains(&INJECTED),
        "{paths:?}"
    );
    let notices: Vec<&str> = report["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["path"].as_str())
        .collect();
    assert!(notices.contains(&COMMAND), "{notices:?}");

    let run = p.check(&["--format", "sarif"]);
    let sarif: Value = serde_json::from_str(&run.stdout).expect("SARIF is JSON");
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    // URIs percent-encode what a URI cannot hold.
    assert!(uris.iter().any(|u| u.contains("%1B")), "{uris:?}");
    assert!(uris.iter().any(|u| u.contains("%0A")), "{uris:?}");
}

#[test]
fn the_route_listing_shows_hostile_text_escaped() {
    let p = Project::new();
    p.write(
        "src/\u{1b}]0;t\u{7}app.js",
        "const express = require('express');\nconst app = express();\napp.get('/\u{1b}[2J', (req, res) => res.send('x'));\napp.listen(3000);\n",
    );
    let run = nodeward(&p.path(), &["routes"]);
    run.assert_exited_normally().assert_no_panic_text();
    assert_inert(&run.stdout, false, "stdout");
    assert_inert(&run.stderr, false, "stderr");
    assert!(run.stdout.contains("/\\x1b[2J"), "{}", run.describe());
}

#[test]
fn concise_lines_are_inert() {
    let p = hostile_project();
    let run = p.check(&["--format", "concise"]);
    run.assert_code(1).assert_no_panic_text();
    assert_inert(&run.stdout, false, "stdout");
    assert!(
        run.stdout.contains("./::error::top.js:"),
        "{}",
        run.describe()
    );
}

#[test]
fn junit_shows_hostile_text_escaped_and_gitlab_keeps_it_exact() {
    let p = hostile_project();
    let run = p.check(&["--format", "junit"]);
    assert_inert(&run.stdout, false, "junit");
    assert!(run.stdout.contains("failures="), "{}", run.stdout);
    let run = p.check(&["--format", "gitlab"]);
    let issues: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let paths: Vec<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["location"]["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&INJECTED), "{paths:?}");
}
