//! The verified rewrite a `redos` finding offers: in the help and JSON, as
//! a SARIF `fix`, and through `--diff`/`--fix` for a plain literal only,
//! with what the calling code relies on read from the call.

mod cli_support;

use cli_support::Project;

/// An app with three exponential regexes: a literal tested inline (its
/// groups are not read), a literal whose groups `exec` reads, and one built
/// from a string.
fn app() -> Project {
    let p = Project::new();
    p.write(
        "server.js",
        "\
const express = require('express');
const app = express();
app.get('/a', (req, res) => res.send(/^(a|aa)+$/.test(req.query.a) ? 'ok' : 'no'));
app.get('/b', (req, res) => res.json(/^(\\d+)x(?:a|aa)+$/.exec(req.query.b)));
const built = new RegExp('^(b|bb)+$');
app.get('/c', (req, res) => res.send(built.test(req.query.c) ? 'ok' : 'no'));
app.listen(3000);
",
    );
    p
}

#[test]
fn diff_previews_and_fix_applies_the_rewrites_of_literals() {
    let p = app();
    let before = p.read("server.js");
    let run = p.check(&["--select", "redos", "--diff"]);
    run.assert_code(1);
    // `test` reads no group: the group goes.
    for line in [
        "-app.get('/a', (req, res) => res.send(/^(a|aa)+$/.test(req.query.a) ? 'ok' : 'no'));\n",
        "+app.get('/a', (req, res) => res.send(/^a+$/.test(req.query.a) ? 'ok' : 'no'));\n",
    ] {
        assert!(run.stdout.contains(line), "{line}\n{}", run.describe());
    }
    // `exec` reads them: group 1 stays.
    assert!(
        run.stdout
            .contains("+app.get('/b', (req, res) => res.json(/^(\\d+)xa+$/.exec(req.query.b)));\n"),
        "{}",
        run.describe()
    );
    // A pattern built from a string is not rewritten in place.
    assert!(!run.stdout.contains("-const built"), "{}", run.describe());
    assert!(
        run.stderr.contains("2 findings can be fixed with --fix"),
        "{}",
        run.describe()
    );
    assert_eq!(p.read("server.js"), before, "--diff writes nothing");

    let run = p.check(&["--select", "redos", "--fix"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("fixed 2 findings in 1 file"),
        "{}",
        run.describe()
    );
    // What is left: the regex built from a string, whose help has the rewrite.
    let left = p.check(&["--select", "redos", "-q", "-f", "json"]).json();
    let findings = left["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{left:#}");
    assert_eq!(findings[0]["fix"], serde_json::Value::Null);
    let help = findings[0]["help"].as_str().unwrap();
    assert!(help.starts_with("Rewrite it as `/^"), "{help}");
}

#[test]
fn json_and_sarif_carry_the_rewrite_and_its_checks() {
    let p = app();
    let json = p.check(&["--select", "redos", "-q", "-f", "json"]).json();
    let first = &json["findings"][0];
    let rewrite = &first["properties"]["rewrite"];
    assert_eq!(rewrite["pattern"], "^a+$", "{first:#}");
    assert_eq!(rewrite["strategy"], "automaton");
    assert_eq!(rewrite["groupsRead"], false);
    // A whole-string pattern whose groups `test` does not read: the
    // automata are compared, exactly.
    assert_eq!(rewrite["check"], "automaton");
    assert_eq!(rewrite["inputsChecked"], 0);
    let exec = &json["findings"][1]["properties"]["rewrite"];
    assert_eq!(exec["check"], "behaviour", "{exec:#}");
    assert!(exec["inputsChecked"].as_u64().unwrap() > 100);
    let (before, after) = (
        rewrite["steps"]["before"].as_u64().unwrap(),
        rewrite["steps"]["after"].as_u64().unwrap(),
    );
    assert!(after * 100 <= before, "{before} → {after}");
    assert_eq!(first["fix"]["replacement"], "/^a+$/");
    assert_eq!(first["fix"]["original"], "/^(a|aa)+$/");

    let sarif = p.check(&["--select", "redos", "-q", "-f", "sarif"]).json();
    cli_support::validate_sarif(&sarif, "sarif with fixes");
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0];
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], "server.js");
    let r = &change["replacements"][0];
    assert_eq!(r["insertedContent"]["text"], "/^a+$/");
    assert_eq!(r["deletedRegion"]["startLine"], 3);
    assert_eq!(r["deletedRegion"]["startColumn"], 38);
    assert_eq!(r["deletedRegion"]["endColumn"], 49);
}

#[test]
fn a_file_of_many_vulnerable_regexes_stops_searching_and_says_so() {
    let p = Project::new();
    let lines: String = (1..=51)
        .map(|n| format!("exports.r{n} = /^(a+)+b{{{n}}}$/;\n"))
        .collect();
    p.write("many.js", &lines);
    let json = p.check(&["--select", "redos", "-q", "-f", "json"]).json();
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 51);
    let rewritten = findings
        .iter()
        .filter(|f| f["properties"]["rewrite"]["pattern"].is_string())
        .count();
    assert_eq!(rewritten, 50);
    // The last one in the file is the one left, whatever the threads.
    assert_eq!(
        findings[50]["properties"]["rewrite"]["none"],
        "the file's 50 rewrite searches were spent"
    );
}

#[test]
fn a_fix_lands_in_the_file_that_holds_the_literal() {
    // The finding is at the call in app.js; the regex is written in trim.js.
    let p = Project::new();
    p.write("trim.js", "exports.TRAILING = /\\s+$/;\n");
    p.write(
        "app.js",
        "\
const express = require('express');
const { TRAILING } = require('./trim');
const app = express();
app.use(express.json());
app.put('/name', (req, res) => res.json({ name: req.body.name.replace(TRAILING, '') }));
app.listen(3000);
",
    );
    let run = p.check(&["--select", "redos", "--diff"]);
    run.assert_code(1);
    assert!(
        run.stdout.contains(
            "--- a/trim.js\n+++ b/trim.js\n@@ -1,1 +1,1 @@\n-exports.TRAILING = /\\s+$/;\n+exports.TRAILING = /(?<!\\s)\\s+$/;\n"
        ),
        "{}",
        run.describe()
    );
    p.check(&["--select", "redos", "--fix", "-q"]);
    assert_eq!(p.read("trim.js"), "exports.TRAILING = /(?<!\\s)\\s+$/;\n");
    assert_eq!(
        p.check(&["--select", "redos", "-q", "-f", "json"]).json()["findings"],
        serde_json::json!([])
    );
}

#[test]
fn a_regex_bound_to_a_name_also_gets_the_rewrite_for_code_that_reads_no_group() {
    // Its uses are not read, so its groups are assumed read: the atomic form
    // keeps them, and the simpler form is given beside it, without a fix.
    let p = Project::new();
    p.write(
        "slug.js",
        "const SLUG = /^([a-z0-9]+-?)+$/;\nmodule.exports = (s) => SLUG.test(s);\n",
    );
    let json = p.check(&["--select", "redos", "-q", "-f", "json"]).json();
    let f = &json["findings"][0];
    assert_eq!(f["properties"]["rewrite"]["strategy"], "atomic", "{f:#}");
    assert_eq!(
        f["properties"]["rewriteWithoutGroups"]["pattern"],
        r"^[\da-z](?:-?[\da-z])*-?$"
    );
    let help = f["help"].as_str().unwrap();
    assert!(help.contains("If no code reads its groups"), "{help}");
    // The groups move, and code may read them: no fix.
    assert_eq!(f["fix"], serde_json::Value::Null);

    // No rewrite keeps the groups of this one; one without them is given.
    let p = Project::new();
    p.write(
        "email.js",
        "const EMAIL = /^([a-z0-9_.-])+@(([a-z0-9-])+\\.)+([a-z0-9]{2,4})+$/;\nmodule.exports = (s) => EMAIL.test(s);\n",
    );
    let json = p.check(&["--select", "redos", "-q", "-f", "json"]).json();
    let f = &json["findings"][0];
    assert!(f["properties"]["rewrite"]["none"].is_string(), "{f:#}");
    assert!(
        f["properties"]["rewriteWithoutGroups"]["pattern"].is_string(),
        "{f:#}"
    );
    let help = f["help"].as_str().unwrap();
    assert!(
        help.starts_with("No verified rewrite keeps its groups"),
        "{help}"
    );
    assert_eq!(f["fix"], serde_json::Value::Null);
}
