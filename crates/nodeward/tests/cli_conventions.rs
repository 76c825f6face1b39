//! The command-line conventions users bring from eslint and ruff: `-j`,
//! `--exit-zero`, `--max-warnings`, `-o -`, one file per output,
//! `--color` with NO_COLOR and FORCE_COLOR, `rules --format json`, and
//! "did you mean" for a misspelt rule.

mod cli_support;

use cli_support::{nodeward, nodeward_env, Project};

/// A project with one warning (x-powered-by) and one more (missing-helmet).
fn two_warnings() -> Project {
    let p = Project::new();
    p.write(
        "server.js",
        "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n",
    );
    p
}

#[test]
fn jobs_has_a_short_flag() {
    let p = two_warnings();
    p.check(&["-j", "1", "-q"]).assert_code(1);
}

#[test]
fn exit_zero_passes_with_findings_but_not_with_a_usage_error() {
    let p = two_warnings();
    p.check(&["--exit-zero", "-q"]).assert_code(0);
    p.check(&["--exit-zero", "--select", "nope"]).assert_code(2);
}

#[test]
fn max_warnings_fails_past_the_count_whatever_fail_on_says() {
    let p = two_warnings();
    p.check(&["--fail-on", "never", "--max-warnings", "2", "-q"])
        .assert_code(0);
    let run = p.check(&["--fail-on", "never", "--max-warnings", "1"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("more than --max-warnings 1"),
        "{}",
        run.describe()
    );
}

#[test]
fn output_dash_is_standard_output() {
    let p = two_warnings();
    let run = p.check(&["-f", "json", "-o", "-", "-q"]);
    run.assert_code(1);
    assert!(
        run.stdout.trim_start().starts_with('{'),
        "{}",
        run.describe()
    );
    assert!(!p.path().join("-").exists());
}

#[test]
fn two_outputs_to_one_file_are_a_usage_error() {
    let p = two_warnings();
    let run = p.check(&[
        "-f",
        "json",
        "-o",
        "out.json",
        "--sarif-output",
        "./out.json",
    ]);
    run.assert_code(2);
    assert!(
        run.assert_one_line_error().contains("two outputs"),
        "{}",
        run.describe()
    );
}

fn has_escapes(args: &[&str], env: &[(&str, &str)]) -> bool {
    let p = two_warnings();
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let run = nodeward_env(&p.path(), &all, env);
    run.assert_code(1);
    run.stdout.contains('\u{1b}')
}

#[test]
fn colours_follow_color_no_color_and_force_color() {
    // Piped: no colours by default.
    assert!(!has_escapes(&[], &[]));
    assert!(has_escapes(&["--color", "always"], &[]));
    assert!(!has_escapes(&["--color", "always", "--no-color"], &[]));
    assert!(has_escapes(&[], &[("FORCE_COLOR", "1")]));
    assert!(!has_escapes(&[], &[("FORCE_COLOR", "0")]));
    // no-color.org: only a non-empty NO_COLOR turns them off.
    assert!(!has_escapes(
        &[],
        &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")]
    ));
    assert!(has_escapes(&[], &[("FORCE_COLOR", "1"), ("NO_COLOR", "")]));
    assert!(!has_escapes(&["--color", "never"], &[("FORCE_COLOR", "1")]));
}

#[test]
fn rules_can_be_listed_as_json() {
    let p = Project::new();
    let run = nodeward(&p.path(), &["rules", "--format", "json"]);
    run.assert_code(0);
    let rules = run.json();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"chatty-error") && ids.contains(&"redos"),
        "{ids:?}"
    );
    assert!(rules[0]["help_uri"].as_str().unwrap().ends_with(".md"));
}

#[test]
fn a_misspelt_rule_gets_a_suggestion_everywhere() {
    let p = two_warnings();
    let run = nodeward(&p.path(), &["explain", "chaty-error"]);
    run.assert_code(2);
    assert!(run
        .assert_one_line_error()
        .contains("did you mean `chatty-error`"));
    let run = p.check(&["--select", "redoss"]);
    run.assert_code(2);
    assert!(run.assert_one_line_error().contains("did you mean `redos`"));
    p.write("nodeward.toml", "[rules]\nx-powerd-by = \"off\"\n");
    let run = p.check(&[]);
    run.assert_code(2);
    assert!(run
        .assert_one_line_error()
        .contains("did you mean `x-powered-by`"));
    p.write("nodeward.toml", "");
    let run = p.check(&["--select", "zzzzzzzzzz"]);
    assert!(!run.assert_one_line_error().contains("did you mean"));
}

#[test]
fn concise_prints_one_line_per_finding() {
    let p = two_warnings();
    let run = p.check(&["-f", "concise", "-q"]);
    run.assert_code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.describe());
    assert!(
        lines[0].starts_with("server.js:2:13: warning missing-helmet "),
        "{}",
        run.describe()
    );
    assert!(lines[1].starts_with("server.js:2:13: warning x-powered-by "));
}

#[test]
fn statistics_count_findings_per_rule_and_level() {
    let p = two_warnings();
    let run = p.check(&["--statistics", "-q"]);
    run.assert_code(1);
    let rows: Vec<Vec<&str>> = run
        .stdout
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["1", "missing-helmet", "warning"],
            vec!["1", "x-powered-by", "warning"]
        ]
    );
    let run = p.check(&["--statistics", "-f", "json", "-q"]);
    assert_eq!(run.json()[0]["count"], 1, "{}", run.describe());
}

/// Human, concise and JSON count columns in characters; SARIF in UTF-16
/// code units, as GitHub requires (docs/cli.md says so).
#[test]
fn columns_count_characters_except_in_sarif() {
    let p = Project::new();
    p.write(
        "a.js",
        "const express = require('express');\nconst s = '😀é'; const app = express();\napp.listen(3000);\n",
    );
    let (run, report) = p.check_json(&["--select", "x-powered-by"]);
    run.assert_code(1);
    assert_eq!(report["findings"][0]["start"]["column"], 29);
    let human = p.check(&["--select", "x-powered-by", "-q"]);
    assert!(human.stdout.contains("a.js:2:29]"), "{}", human.describe());
    let concise = p.check(&["--select", "x-powered-by", "-q", "-f", "concise"]);
    assert!(
        concise.stdout.starts_with("a.js:2:29:"),
        "{}",
        concise.describe()
    );
    let sarif = p
        .check(&["--select", "x-powered-by", "-q", "-f", "sarif"])
        .json();
    let region = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startColumn"], 30);
}

#[test]
fn diff_previews_and_fix_applies_the_x_powered_by_switch() {
    let p = two_warnings();
    let before = p.read("server.js");
    let run = p.check(&["--select", "x-powered-by", "--diff"]);
    run.assert_code(1);
    assert!(
        run.stdout
            .contains("+++ b/server.js\n@@ -1,4 +1,5 @@\n const express = require('express');\n const app = express();\n+app.disable('x-powered-by');\n"),
        "{}",
        run.describe()
    );
    assert_eq!(p.read("server.js"), before, "--diff writes nothing");
    let run = p.check(&["--select", "x-powered-by", "--fix"]);
    run.assert_code(0);
    assert!(
        run.stderr.contains("fixed 1 finding in 1 file"),
        "{}",
        run.describe()
    );
    assert!(p
        .read("server.js")
        .contains("const app = express();\napp.disable('x-powered-by');\n"));
    p.check(&["--select", "x-powered-by", "-q"]).assert_code(0);
}

/// `--stdin-filename`: the editor's buffer, not the file on disk, is what
/// is analysed, under the file's name.
#[test]
fn stdin_filename_analyses_the_buffer_as_that_file() {
    use std::io::Write;
    let p = two_warnings();
    let run = |stdin: &str| {
        let mut child = std::process::Command::new(cli_support::bin())
            .args([
                "check",
                "--no-color",
                "--stdin-filename",
                "server.js",
                "--select",
                "x-powered-by",
                "-f",
                "concise",
                "-q",
            ])
            .current_dir(p.path())
            .env_remove("NO_COLOR")
            .env_remove("FORCE_COLOR")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let on_disk = p.read("server.js");
    let out = run(&on_disk);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("server.js:2:13: warning x-powered-by")
    );
    let fixed = on_disk.replace(
        "const app = express();\n",
        "const app = express();\napp.disable('x-powered-by');\n",
    );
    let out = run(&fixed);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        p.read("server.js"),
        on_disk,
        "the file on disk is left alone"
    );
}

#[test]
fn a_file_that_does_not_parse_fails_the_run() {
    let p = Project::new();
    p.write("ok.js", "module.exports = 1;\n");
    p.write("broken.js", "const = ;\n");
    let run = p.check(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("1 file failed to parse, which fails the run"),
        "{}",
        run.describe()
    );
    assert!(
        run.stdout.contains("broken.js") || run.stderr.contains("broken.js"),
        "{}",
        run.describe()
    );
    // Counted against --fail-on like an error-level finding.
    p.check(&["--fail-on", "error", "-q"]).assert_code(1);
    p.check(&["--fail-on", "never", "-q"]).assert_code(0);
    p.check(&["--exit-zero", "-q"]).assert_code(0);
}

#[test]
fn flow_files_are_read_where_their_types_are_typescript_syntax() {
    let p = Project::new();
    // Flow annotations that TypeScript shares: read, and the app is checked.
    p.write(
        "server.js",
        "// @flow\nimport type { $Request } from 'express';\nconst express = require('express');\nconst app = express();\nfunction port(n: number): number { return n; }\napp.listen(port(3000));\n",
    );
    let run = p.check(&["--format", "concise", "--select", "x-powered-by"]);
    run.assert_code(1);
    assert!(
        run.stdout.contains("server.js:4:13: warning x-powered-by"),
        "{}",
        run.describe()
    );
    assert!(!run.stdout.contains("parse-error"), "{}", run.describe());
    // Flow-only syntax (`?string`) still fails, and the summary says why.
    p.write(
        "maybe.js",
        "/* @flow */\nfunction f(x: ?string) { return x; }\nmodule.exports = f;\n",
    );
    let run = p.check(&[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("1 failed to parse (1 of them Flow files with Flow-only type syntax)")
            || run
                .stdout
                .contains("1 failed to parse (1 of them Flow files with Flow-only type syntax)"),
        "{}",
        run.describe()
    );
}

#[test]
fn overrides_set_rules_per_path() {
    let p = Project::new();
    let app = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.send('ok'));\napp.listen(3000);\n";
    p.write("src/server.js", app);
    p.write("legacy/server.js", app);
    p.write(
        "nodeward.toml",
        "[[overrides]]\nfiles = [\"legacy/\"]\nrules = { x-powered-by = \"off\", missing-helmet = \"note\" }\n",
    );
    let run = p.check(&["--format", "concise"]);
    run.assert_code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("src/server.js:2:13: warning x-powered-by")),
        "{}",
        run.describe()
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("legacy/server.js") && l.contains("x-powered-by")),
        "{}",
        run.describe()
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("legacy/server.js") && l.contains(": note missing-helmet")),
        "{}",
        run.describe()
    );
    // A bad override is a config error: exit 2, one line.
    p.write(
        "nodeward.toml",
        "[[overrides]]\nfiles = [\"legacy/\"]\nrules = { no-such = \"off\" }\n",
    );
    let run = p.check(&[]);
    run.assert_code(2);
    assert!(
        run.assert_one_line_error().contains("overrides[0].rules"),
        "{}",
        run.describe()
    );
}

#[test]
fn show_files_and_show_settings_print_what_a_run_would_use() {
    let p = two_warnings();
    p.write("src/util.ts", "export const a = 1;\n");
    p.write("notes.md", "# not source\n");
    p.write("nodeward.toml", "fail-on = \"error\"\n[rules]\nredos = \"off\"\n[[overrides]]\nfiles = [\"legacy/\"]\nrules = { x-powered-by = \"note\" }\n");
    let run = p.check(&["--show-files"]);
    run.assert_code(0);
    assert_eq!(run.stdout, "server.js\nsrc/util.ts\n", "{}", run.describe());
    let run = p.check(&["--show-settings"]);
    run.assert_code(0);
    let out = &run.stdout;
    assert!(out.contains("nodeward.toml"), "{out}");
    assert!(out.contains("fail-on: error (configuration)"), "{out}");
    assert!(out.contains("  redos = off (configuration)"), "{out}");
    assert!(out.contains("  x-powered-by = warning (default)"), "{out}");
    assert!(
        out.contains("overrides[0]: files [\"legacy/\"]\n  x-powered-by = note"),
        "{out}"
    );
    let run = p.check(&["--show-settings", "--select", "redos"]);
    assert!(
        run.stdout
            .contains("  x-powered-by = off (--select/--ignore)"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("  redos = off"), "{}", run.stdout);
}

#[test]
fn sibling_paths_keep_their_folders() {
    // `check ../koa .` from app/: the file below the current directory is
    // shown relative to it, the one outside it in full, as ruff does;
    // never `../` nor a name stripped of its folder.
    let p = Project::new();
    let app = "const express = require('express');\nconst app = express();\napp.listen(3000);\n";
    p.write("koa/index.js", app);
    p.write("app/server.js", app);
    let koa = p.path().join("koa/index.js");
    for dot_git in [true, false] {
        if !dot_git {
            std::fs::remove_dir(p.path().join(".git")).unwrap();
        }
        let run = nodeward(
            &p.path().join("app"),
            &[
                "check",
                "../koa",
                ".",
                "--format",
                "concise",
                "--select",
                "x-powered-by",
                "--no-color",
            ],
        );
        run.assert_code(1);
        let paths: Vec<&str> = run
            .stdout
            .lines()
            .filter_map(|l| l.split(":2:").next())
            .collect();
        assert_eq!(
            paths,
            ["server.js", koa.to_str().unwrap()],
            "{}",
            run.describe()
        );
    }
}

#[test]
fn paths_are_shown_from_the_current_directory_and_sarif_from_the_root() {
    let p = Project::new();
    let app = "const express = require('express');\nconst app = express();\napp.listen(3000);\n";
    p.write("src/app.js", app);
    p.write("lib/other.js", app);
    let src = p.path().join("src");
    let args = ["check", "..", "--select", "x-powered-by", "--no-color"];
    let concise = nodeward(&src, &[&args[..], &["--format", "concise"]].concat());
    let other = p.path().join("lib/other.js");
    let other = other.to_str().unwrap();
    assert!(
        concise.stdout.contains(&format!("{other}:2:13:")),
        "{}",
        concise.describe()
    );
    assert!(
        concise.stdout.contains("\napp.js:2:13:"),
        "{}",
        concise.describe()
    );
    let human = nodeward(&src, &args);
    assert!(human.stdout.contains("app.js:2:13"), "{}", human.describe());
    assert!(!human.stdout.contains("src/app.js"), "{}", human.describe());
    let json = nodeward(&src, &[&args[..], &["--format", "json"]].concat()).json();
    let paths: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, [other, "app.js"]);
    // SARIF: relative to the root, which `originalUriBaseIds` names.
    let sarif = nodeward(&src, &[&args[..], &["--format", "sarif"]].concat()).json();
    let run0 = &sarif["runs"][0];
    let uris: Vec<&str> = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            assert_eq!(loc["uriBaseId"], "%SRCROOT%");
            loc["uri"].as_str().unwrap()
        })
        .collect();
    assert_eq!(uris, ["lib/other.js", "src/app.js"]);
    let base = run0["originalUriBaseIds"]["%SRCROOT%"]["uri"]
        .as_str()
        .unwrap();
    assert!(
        base.starts_with("file:///") && base.ends_with('/'),
        "{base}"
    );
    // GitHub resolves an annotation's file against the workspace.
    let root = p.path();
    let github = nodeward_env(
        &src,
        &[&args[..], &["--format", "github"]].concat(),
        &[("GITHUB_WORKSPACE", root.to_str().unwrap())],
    );
    assert!(
        github.stdout.contains("::warning file=src/app.js,"),
        "{}",
        github.describe()
    );
    assert!(
        github.stdout.contains("::warning file=lib/other.js,"),
        "{}",
        github.describe()
    );
}
