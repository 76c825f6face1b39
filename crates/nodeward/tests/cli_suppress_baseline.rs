//! Inline suppressions and the baseline, end to end
//! (docs/suppressions-and-baseline.md).

mod cli_support;

use serde_json::Value;

use cli_support::{f, findings, notices, notices_for, Project, EXPRESS_APP, SWALLOWED_CRASH};

// ---------------------------------------------------------------- suppressions

#[test]
fn next_line_comment_hides_the_finding_and_counts_it() {
    let p = Project::new();
    p.write(
        "app.js",
        "const express = require('express');
// nodeward-ignore-next-line x-powered-by -- the gateway strips the header
const app = express();
app.listen(3000);
",
    );
    let (run, report) = p.check_json(&[]);
    run.assert_code(1).assert_no_panic_text();
    // Only the other rule's finding on that line is left.
    assert_eq!(
        findings(&report),
        vec![f("missing-helmet", "app.js", 3)],
        "{}",
        run.describe()
    );
    assert_eq!(report["summary"]["suppressed"], 1, "{}", run.describe());
    assert!(notices(&report).is_empty(), "{}", run.describe());
    assert!(
        run.stderr.contains("1 suppressed inline"),
        "{}",
        run.describe()
    );

    // The summary of the human report says so too.
    let human = p.check(&[]);
    assert!(
        human
            .stderr
            .contains("Found 1 finding: 1 warning. 1 suppressed inline."),
        "{}",
        human.describe()
    );
}

#[test]
fn next_line_comment_with_two_rules_hides_both() {
    let p = Project::new();
    p.write(
        "app.js",
        "const express = require('express');
// nodeward-ignore-next-line x-powered-by, missing-helmet -- internal tool behind the VPN
const app = express();
app.listen(3000);
",
    );
    let (run, report) = p.check_json(&[]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["suppressed"], 2);
    assert!(
        run.stderr.contains("2 suppressed inline"),
        "{}",
        run.describe()
    );
}

#[test]
fn block_comment_form() {
    let p = Project::new();
    p.write(
        "crash.js",
        "/* nodeward-ignore-next-line swallowed-crash -- the supervisor restarts us */
process.on('uncaughtException', (err) => {
  console.error(err);
});
",
    );
    let (run, report) = p.check_json(&[]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn same_line_comment() {
    let p = Project::new();
    p.write(
        "crash.js",
        "process.on('uncaughtException', (err) => { // nodeward-ignore-line swallowed-crash
  console.error(err);
});
",
    );
    let (run, report) = p.check_json(&[]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["suppressed"], 1);
}

#[test]
fn file_comment_hides_every_finding_of_the_rule_in_the_file() {
    let p = Project::new();
    p.write(
        "crash.js",
        "const express = require('express');
const app = express();
app.listen(3000);

process.on('uncaughtException', (err) => {
  console.error(err);
});

process.on('unhandledRejection', (reason) => {
  console.error(reason);
});

// nodeward-ignore-file swallowed-crash -- a worker: the parent restarts it
",
    );
    // Another file is not affected.
    p.write("other.js", SWALLOWED_CRASH);
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    assert_eq!(
        findings(&report),
        vec![
            f("missing-helmet", "crash.js", 2),
            f("x-powered-by", "crash.js", 2),
            f("swallowed-crash", "other.js", 1),
        ],
        "{}",
        run.describe()
    );
    assert_eq!(report["summary"]["suppressed"], 2, "{}", run.describe());
}

#[test]
fn a_comment_that_only_mentions_the_directive_does_nothing() {
    let p = Project::new();
    p.write(
        "crash.js",
        "// see nodeward-ignore-next-line swallowed-crash in the docs
process.on('uncaughtException', (err) => {
  console.error(err);
});
",
    );
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    assert_eq!(findings(&report), vec![f("swallowed-crash", "crash.js", 2)]);
    assert_eq!(report["summary"]["suppressed"], 0);
}

#[test]
fn unknown_rule_in_a_directive_is_a_notice() {
    let p = Project::new();
    p.write(
        "crash.js",
        "// nodeward-ignore-next-line swallowed-crsh -- typo
process.on('uncaughtException', (err) => {
  console.error(err);
});
",
    );
    let (run, report) = p.check_json(&[]);
    // The typo suppresses nothing, and does not change the exit code.
    run.assert_code(1);
    assert_eq!(findings(&report), vec![f("swallowed-crash", "crash.js", 2)]);
    let found = notices_for(&report, "unknown-rule", "crash.js");
    assert_eq!(found.len(), 1, "{}", run.describe());
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("swallowed-crsh"),
        "{}",
        found[0]
    );
    assert_eq!(found[0]["start"]["line"], 1, "{}", found[0]);
    // The human run lists it on stderr.
    let human = p.check(&[]);
    assert!(
        human.stderr.contains("swallowed-crsh") || human.stdout.contains("swallowed-crsh"),
        "{}",
        human.describe()
    );
}

#[test]
fn unused_directive_is_a_notice() {
    let p = Project::new();
    p.write(
        "clean.js",
        "// nodeward-ignore-next-line swallowed-crash -- fixed since
process.on('uncaughtException', (err) => {
  console.error(err);
  process.exit(1);
});
",
    );
    let (run, report) = p.check_json(&[]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    let found = notices_for(&report, "unused-suppression", "clean.js");
    assert_eq!(found.len(), 1, "{}", run.describe());
    assert_eq!(found[0]["start"]["line"], 1, "{}", found[0]);
    assert_eq!(report["summary"]["suppressed"], 0);
}

#[test]
fn a_directive_for_a_rule_turned_off_is_not_unused() {
    let p = Project::new();
    p.write(
        "crash.js",
        "// nodeward-ignore-next-line swallowed-crash -- reviewed
process.on('uncaughtException', (err) => {
  console.error(err);
});
",
    );
    let (run, report) = p.check_json(&["--ignore", "swallowed-crash"]);
    run.assert_code(0);
    assert!(notices(&report).is_empty(), "{}", run.describe());
}

#[test]
fn suppressions_in_sarif_and_human_outputs() {
    let p = Project::new();
    p.write(
        "app.js",
        "const express = require('express');
// nodeward-ignore-next-line x-powered-by, missing-helmet -- internal
const app = express();
app.listen(3000);
",
    );
    p.write("crash.js", SWALLOWED_CRASH);
    let sarif = p.check(&["-f", "sarif"]);
    sarif.assert_code(1);
    let results = sarif.json()["runs"][0]["results"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(results.len(), 1, "{}", sarif.describe());
    assert_eq!(results[0]["ruleId"], "swallowed-crash");
    let human = p.check(&[]);
    assert!(
        !human.stdout.contains("x-powered-by"),
        "{}",
        human.describe()
    );
}

// ------------------------------------------------------------------- baseline

/// app.js: x-powered-by and missing-helmet on line 2; crash.js:
/// swallowed-crash on line 1.
fn baseline_project() -> Project {
    let p = Project::new();
    p.write("app.js", EXPRESS_APP);
    p.write("crash.js", SWALLOWED_CRASH);
    p
}

#[test]
fn baseline_round_trip() {
    let p = baseline_project();
    let run = p.check(&["--write-baseline", "b.json"]);
    // Writing the baseline records the findings, says so and passes.
    run.assert_code(0).assert_no_panic_text();
    assert!(
        run.stderr.contains("wrote 3 entries to b.json"),
        "{}",
        run.describe()
    );
    let baseline: Value = serde_json::from_str(&p.read("b.json")).expect("the baseline is JSON");
    assert_eq!(
        baseline["entries"].as_array().map(Vec::len),
        Some(3),
        "{baseline}"
    );
    assert!(
        !p.read("b.json").contains(p.path().to_str().unwrap()),
        "absolute path in the baseline"
    );

    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(0).assert_no_panic_text();
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["baselined"], 3);
    assert!(notices(&report).is_empty(), "{}", run.describe());
    let human = p.check(&["--baseline", "b.json"]);
    human.assert_code(0);
    assert!(
        human.stderr.contains("3 in the baseline"),
        "{}",
        human.describe()
    );

    // Writing the same baseline twice gives the same bytes.
    let first = p.read("b.json");
    p.check(&["--write-baseline", "b.json"]);
    assert_eq!(first, p.read("b.json"));
}

#[test]
fn baseline_survives_a_line_shift() {
    let p = baseline_project();
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    p.write("app.js", format!("\n\n\n// moved down\n\n{EXPRESS_APP}"));
    p.write("crash.js", format!("'use strict';\n\n\n{SWALLOWED_CRASH}"));
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["baselined"], 3);
    assert!(notices(&report).is_empty(), "{}", run.describe());
}

#[test]
fn baseline_reports_only_a_new_finding() {
    let p = baseline_project();
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    p.write("worker.js", "// a new worker\n\nprocess.once('unhandledRejection', (reason) => {\n  console.warn(reason);\n});\n");
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(1);
    assert_eq!(
        findings(&report),
        vec![f("swallowed-crash", "worker.js", 3)],
        "{}",
        run.describe()
    );
    assert_eq!(report["summary"]["baselined"], 3);
}

#[test]
fn a_second_identical_finding_in_the_same_file_is_new() {
    let p = baseline_project();
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    p.write("crash.js", format!("{SWALLOWED_CRASH}\n{SWALLOWED_CRASH}"));
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(1);
    assert_eq!(findings(&report).len(), 1, "{}", run.describe());
    assert_eq!(report["summary"]["baselined"], 3);
}

#[test]
fn a_fixed_finding_leaves_a_stale_entry() {
    let p = baseline_project();
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    p.write(
        "crash.js",
        "process.on('uncaughtException', (err) => {\n  console.error('oops', err);\n  process.exit(1);\n});\n",
    );
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    // A stale entry is a notice and does not change the exit code.
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["baselined"], 2);
    let all = notices(&report);
    let stale: Vec<&Value> = all
        .iter()
        .filter(|n| n["kind"] == "stale-baseline")
        .collect();
    assert_eq!(stale.len(), 1, "{}", run.describe());
    let text = stale[0].to_string();
    assert!(
        text.contains("swallowed-crash") && text.contains("crash.js"),
        "{text}"
    );
    // Rewriting the baseline drops the stale entry (the run itself still
    // reports app.js's two findings).
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    let baseline: Value = serde_json::from_str(&p.read("b.json")).unwrap();
    assert_eq!(
        baseline["entries"].as_array().map(Vec::len),
        Some(2),
        "{baseline}"
    );
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(0);
    assert!(notices(&report).is_empty(), "{}", run.describe());
}

#[test]
fn a_removed_file_leaves_stale_entries() {
    let p = baseline_project();
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    std::fs::remove_file(p.path().join("app.js")).unwrap();
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(0);
    let stale = notices(&report)
        .iter()
        .filter(|n| n["kind"] == "stale-baseline")
        .count();
    assert_eq!(stale, 2, "{}", run.describe());
}

#[test]
fn a_corrupt_baseline_is_an_error() {
    let p = baseline_project();
    for (name, text) in [
        ("not-json.json", "this is not json"),
        (
            "truncated.json",
            "{\"version\": 1, \"tool\": \"nodeward\", \"entries\": [",
        ),
        ("wrong-shape.json", "{\"entries\": 3}"),
        ("array.json", "[1, 2, 3]"),
        ("empty.json", ""),
    ] {
        p.write(name, text);
        let run = p.check(&["--baseline", name]);
        let line = run.assert_one_line_error();
        assert!(line.contains(name), "{name}: {line}");
    }
}

#[test]
fn a_baseline_of_a_newer_version_is_an_error() {
    let p = baseline_project();
    p.write(
        "future.json",
        "{\"version\": 99, \"tool\": \"nodeward\", \"entries\": []}",
    );
    let run = p.check(&["--baseline", "future.json"]);
    let line = run.assert_one_line_error();
    assert!(line.contains("future.json"), "{line}");
}

#[test]
fn a_missing_baseline_is_an_error() {
    let p = baseline_project();
    let run = p.check(&["--baseline", "nope.json"]);
    let line = run.assert_one_line_error();
    assert!(line.contains("nope.json"), "{line}");
}

#[test]
fn baseline_and_suppression_together() {
    let p = baseline_project();
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    p.write(
        "crash.js",
        format!("// nodeward-ignore-next-line swallowed-crash -- reviewed\n{SWALLOWED_CRASH}"),
    );
    let (run, report) = p.check_json(&["--baseline", "b.json"]);
    run.assert_code(0);
    assert!(findings(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["suppressed"], 1);
    assert_eq!(report["summary"]["baselined"], 2);
}

/// Checking part of the project does not call the rest of the baseline
/// stale: only entries under the paths given are looked at.
#[test]
fn checking_a_subset_leaves_the_rest_of_the_baseline_alone() {
    let p = Project::new();
    p.write(".git/HEAD", "ref: refs/heads/main\n");
    p.write("web/app.js", EXPRESS_APP);
    p.write("jobs/crash.js", SWALLOWED_CRASH);
    p.check(&["--write-baseline", "b.json"]).assert_code(0);
    let (run, report) = p.check_json(&["web", "--baseline", "b.json"]);
    run.assert_code(0);
    assert!(notices(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["baselined"], 2, "{}", run.describe());
    // The crash handler fixed: under the path given, its entry is stale.
    p.write("jobs/crash.js", "module.exports = 1;\n");
    let (run, report) = p.check_json(&["jobs", "--baseline", "b.json"]);
    run.assert_code(0);
    let stale: Vec<_> = notices(&report)
        .into_iter()
        .filter(|n| n["kind"] == "stale-baseline")
        .collect();
    assert_eq!(stale.len(), 1, "{}", run.describe());
}

/// A bare directive is one notice, not two; with
/// `--report-unused-suppressions` (or the config key) unused, unknown and
/// malformed directives fail the run.
#[test]
fn bad_suppressions_are_reported_once_and_can_fail_the_run() {
    let p = Project::new();
    p.write(
        "app.js",
        "const express = require('express');\n// nodeward-ignore-next-line\nconst app = express();\n// nodeward-ignore-next-line x-powered-by -- nothing here\nconst b = 1;\napp.listen(3000);\n",
    );
    let (run, report) = p.check_json(&["--select", "x-powered-by", "--fail-on", "never"]);
    run.assert_code(0);
    let kinds: Vec<String> = notices(&report)
        .iter()
        .map(|n| n["kind"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        kinds,
        ["invalid-suppression", "unused-suppression"],
        "{}",
        run.describe()
    );
    let run = p.check(&[
        "--select",
        "x-powered-by",
        "--fail-on",
        "never",
        "--report-unused-suppressions",
    ]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("2 suppression comments are unused"),
        "{}",
        run.describe()
    );
    p.write("nodeward.toml", "report-unused-suppressions = true\n");
    p.check(&["--select", "x-powered-by", "--fail-on", "never", "-q"])
        .assert_code(1);
}
