//! Exit codes and error lines of the `nodeward` binary (docs/cli.md, "Exit
//! codes"): 0 clean, 1 findings at or above the fail level, 2 for usage,
//! configuration and internal errors, with one `nodeward: error:` line.

mod cli_support;

use std::path::Path;

use cli_support::{
    f, findings, nodeward, Project, CLEAN, EXPRESS_APP, PANIC_TEXT, SWALLOWED_CRASH,
};

/// Every rule with its default severity.
const RULES: [(&str, &str); 10] = [
    ("chatty-error", "warning"),
    ("missing-helmet", "warning"),
    ("nosql-injection", "error"),
    ("redos", "error"),
    ("regex-injection", "error"),
    ("sql-injection", "error"),
    ("swallowed-crash", "warning"),
    ("ungated-dev-route", "warning"),
    ("vulnerable-dependency", "error"),
    ("x-powered-by", "warning"),
];

fn workspace_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// A project whose only finding is a `swallowed-crash` on crash.js:1, and a
/// clean file.
fn crash_project() -> Project {
    let p = Project::new();
    p.write("src/crash.js", SWALLOWED_CRASH);
    p.write("src/util.js", CLEAN);
    p
}

#[test]
fn a_clean_project_exits_0() {
    let p = Project::new();
    p.write("src/util.js", CLEAN);
    p.write(
        "src/index.js",
        "const { add } = require('./util');\nconsole.log(add(1, 2));\n",
    );
    let run = p.check(&[]);
    run.assert_code(0).assert_no_panic_text();
    assert!(
        run.stderr.contains("Analysed 2 files"),
        "{}",
        run.describe()
    );
    assert!(run.stderr.contains("No findings."), "{}", run.describe());
}

/// A run that analysed nothing is not a pass (eslint and ruff agree): an
/// empty project, a named file nodeward does not read, or files that all
/// fail to parse exit 2 with one line saying so, also under `-q`.
#[test]
fn a_run_that_analysed_nothing_exits_2() {
    let p = Project::new();
    let run = p.check(&["-q"]);
    run.assert_code(2).assert_no_panic_text();
    assert!(
        run.assert_one_line_error()
            .contains("nothing was analysed: no JavaScript or TypeScript file"),
        "{}",
        run.describe()
    );
    p.write("package.json", "{}");
    let (run, report) = p.check_json(&["package.json"]);
    run.assert_code(2);
    assert_eq!(
        report["notices"][0]["kind"],
        "skipped",
        "{}",
        run.describe()
    );
    assert_eq!(
        report["notices"][0]["reason"],
        "not-source",
        "{}",
        run.describe()
    );
    p.write("bad.js", "const = ;\n");
    let run = p.check(&["bad.js"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("every file failed to parse (1 of 1"),
        "{}",
        run.describe()
    );
    // One file that parses is a run; the one that does not fails it (exit 1).
    p.write("good.js", "module.exports = 1;\n");
    p.check(&["-q"]).assert_code(1);
    p.check(&["good.js", "-q"]).assert_code(0);
}

#[test]
fn findings_exit_1_at_the_default_fail_level() {
    let p = crash_project();
    let run = p.check(&[]);
    run.assert_code(1).assert_no_panic_text();
    assert!(run.stdout.contains("swallowed-crash"), "{}", run.describe());
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    assert_eq!(
        findings(&report),
        vec![f("swallowed-crash", "src/crash.js", 1)]
    );
}

#[test]
fn the_default_levels_of_the_rules_are_warnings() {
    // The cases below rely on it; if a default changes, they need another
    // way to get a warning-only project.
    let p = Project::new();
    p.write("app.js", EXPRESS_APP);
    p.write("crash.js", SWALLOWED_CRASH);
    let (run, report) = p.check_json(&[]);
    run.assert_code(1);
    let levels: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["warning"; 3], "{}", run.describe());
}

#[test]
fn fail_on_error_with_only_warnings_exits_0() {
    let p = crash_project();
    let run = p.check(&["--fail-on", "error"]);
    run.assert_code(0).assert_no_panic_text();
    // Still reported, just not failing.
    assert!(run.stdout.contains("swallowed-crash"), "{}", run.describe());
}

#[test]
fn fail_on_error_with_an_error_exits_1() {
    let p = crash_project();
    p.write("nodeward.toml", "[rules]\nswallowed-crash = \"error\"\n");
    p.check(&["--fail-on", "error"]).assert_code(1);
}

#[test]
fn fail_on_never_exits_0_with_findings() {
    let p = crash_project();
    let run = p.check(&["--fail-on", "never"]);
    run.assert_code(0).assert_no_panic_text();
    assert!(run.stdout.contains("swallowed-crash"), "{}", run.describe());
}

#[test]
fn fail_on_note_counts_notes() {
    let p = crash_project();
    p.write("nodeward.toml", "[rules]\nswallowed-crash = \"note\"\n");
    // A note is below the default fail level (warning) ...
    p.check(&[]).assert_code(0);
    // ... and at `--fail-on note`.
    p.check(&["--fail-on", "note"]).assert_code(1);
}

#[test]
fn fail_on_in_the_config_and_the_command_line_wins() {
    let p = crash_project();
    p.write("nodeward.toml", "fail-on = \"never\"\n");
    p.check(&[]).assert_code(0);
    p.check(&["--fail-on", "warning"]).assert_code(1);
}

#[test]
fn a_rule_turned_off_does_not_fail_the_run() {
    let p = crash_project();
    p.check(&["--ignore", "swallowed-crash"]).assert_code(0);
    p.check(&["--select", "x-powered-by,missing-helmet"])
        .assert_code(0);
    p.check(&["--select", "swallowed-crash"]).assert_code(1);
    p.write("nodeward.toml", "[rules]\nswallowed-crash = \"off\"\n");
    p.check(&[]).assert_code(0);
}

#[test]
fn unknown_rule_in_select_is_a_usage_error() {
    let p = crash_project();
    let line = p
        .check(&["--select", "no-such-rule"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("no-such-rule"), "{line}");
    let line = p
        .check(&["--select", "x-powered-by,no-such-rule"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("no-such-rule"), "{line}");
}

#[test]
fn unknown_rule_in_ignore_is_a_usage_error() {
    let p = crash_project();
    let line = p
        .check(&["--ignore", "xpowered-by"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("xpowered-by"), "{line}");
}

#[test]
fn jobs_0_is_a_usage_error() {
    let p = crash_project();
    let line = p
        .check(&["--jobs", "0"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("--jobs"), "{line}");
}

#[test]
fn a_path_that_does_not_exist_is_an_error() {
    let p = crash_project();
    let line = p
        .check(&["no/such/dir"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("no/such/dir"), "{line}");
    // Also when it is not the first path: nothing is half-analysed.
    let line = p
        .check(&["src", "missing.js"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("missing.js"), "{line}");
}

#[cfg(unix)]
#[test]
fn a_dangling_symlink_named_on_the_command_line_is_an_error() {
    let p = crash_project();
    std::os::unix::fs::symlink(p.path().join("gone.js"), p.path().join("link.js")).unwrap();
    let line = p.check(&["link.js"]).assert_one_line_error().to_string();
    assert!(line.contains("link.js"), "{line}");
}

/// Writes `nodeward.toml` with `text` and expects a one-line error that
/// contains each of `mentions`.
fn assert_bad_config(text: &str, mentions: &[&str]) {
    let p = crash_project();
    p.write("nodeward.toml", text);
    let run = p.check(&[]);
    let line = run.assert_one_line_error().to_string();
    for m in mentions {
        assert!(
            line.contains(m),
            "config {text:?}: the error should mention {m:?}: {line}"
        );
    }
    // The same file given with -c, from elsewhere.
    let other = Project::new();
    other.write("x.js", CLEAN);
    let cfg = p.path().join("nodeward.toml");
    let run = other.check(&["-c", cfg.to_str().unwrap()]);
    let line = run.assert_one_line_error().to_string();
    for m in mentions {
        assert!(
            line.contains(m),
            "-c {text:?}: the error should mention {m:?}: {line}"
        );
    }
}

#[test]
fn config_with_an_unknown_key_is_an_error() {
    assert_bad_config("excludes = [\"legacy/\"]\n", &["nodeward.toml", "excludes"]);
}

#[test]
fn config_with_an_unknown_key_in_rules_is_an_error() {
    assert_bad_config("[rules]\nno-such-rule = \"off\"\n", &["no-such-rule"]);
}

#[test]
fn config_with_a_bad_value_is_an_error() {
    assert_bad_config(
        "[rules]\nx-powered-by = \"loud\"\n",
        &["x-powered-by", "loud"],
    );
    assert_bad_config("fail-on = \"sometimes\"\n", &["fail-on", "sometimes"]);
}

#[test]
fn config_with_a_value_of_the_wrong_type_is_an_error() {
    // docs/configuration.md: "nodeward prints one line that names the key".
    assert_bad_config(
        "max-file-size = \"big\"\n",
        &["nodeward.toml", "max-file-size"],
    );
    assert_bad_config("exclude = \"legacy/\"\n", &["nodeward.toml", "exclude"]);
    assert_bad_config("fail-on = 1\n", &["nodeward.toml", "fail-on"]);
    assert_bad_config(
        "[rules]\nx-powered-by = false\n",
        &["nodeward.toml", "x-powered-by"],
    );
}

#[test]
fn config_that_is_not_toml_is_an_error() {
    assert_bad_config("exclude = [\"legacy/\"\n[rules\n", &["nodeward.toml"]);
    assert_bad_config("\u{0}\u{1}binary", &["nodeward.toml"]);
}

#[test]
fn a_config_found_upward_is_used() {
    let p = crash_project();
    p.write("nodeward.toml", "[rules]\nswallowed-crash = \"off\"\n");
    p.check(&["src"]).assert_code(0);
    p.write("nodeward.toml", "bogus = 1\n");
    p.check(&["src"]).assert_one_line_error();
}

#[test]
fn a_missing_config_file_is_an_error() {
    let p = crash_project();
    let line = p
        .check(&["-c", "missing.toml"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("missing.toml"), "{line}");
}

#[test]
fn an_unwritable_output_file_is_an_error() {
    let p = crash_project();
    let line = p
        .check(&["-o", "no/such/dir/report.txt"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("report.txt"), "{line}");
}

#[test]
fn an_invalid_exclude_glob_is_an_error() {
    let p = crash_project();
    let line = p
        .check(&["--exclude", "[z-a"])
        .assert_one_line_error()
        .to_string();
    assert!(line.contains("[z-a"), "{line}");
}

/// Clap's usage errors: exit 2, the error first, no panic, nothing on stdout.
#[track_caller]
fn assert_usage_error(args: &[&str], mention: &str) {
    let p = crash_project();
    let run = nodeward(&p.path(), args);
    run.assert_code(2).assert_no_panic_text();
    assert!(run.stdout.is_empty(), "{}", run.describe());
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with("error:") || first.starts_with("nodeward: error:"),
        "{}",
        run.describe()
    );
    assert!(run.stderr.contains(mention), "{}", run.describe());
}

#[test]
fn clap_usage_errors_exit_2() {
    assert_usage_error(&["check", "--bogus-flag"], "--bogus-flag");
    assert_usage_error(&["check", "--format", "xml"], "xml");
    assert_usage_error(&["check", "--fail-on", "sometimes"], "sometimes");
    assert_usage_error(&["check", "--jobs", "many"], "many");
    assert_usage_error(&["frobnicate"], "frobnicate");
    assert_usage_error(&["explain"], "RULE");
}

#[test]
fn no_subcommand_is_a_usage_error() {
    let p = Project::new();
    let run = nodeward(&p.path(), &[]);
    run.assert_code(2).assert_no_panic_text();
    assert!(run.stdout.is_empty(), "{}", run.describe());
}

#[test]
fn help_and_version_exit_0() {
    let p = Project::new();
    let run = nodeward(&p.path(), &["--help"]);
    run.assert_code(0);
    for cmd in ["check", "rules", "explain"] {
        assert!(run.stdout.contains(cmd), "{}", run.describe());
    }
    let run = nodeward(&p.path(), &["check", "--help"]);
    run.assert_code(0);
    for flag in [
        "--format",
        "--fail-on",
        "--sarif-output",
        "--baseline",
        "--jobs",
    ] {
        assert!(run.stdout.contains(flag), "{}", run.describe());
    }
    let run = nodeward(&p.path(), &["--version"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains(env!("CARGO_PKG_VERSION")),
        "{}",
        run.describe()
    );
}

#[test]
fn rules_lists_every_rule() {
    let p = Project::new();
    let run = nodeward(&p.path(), &["rules"]);
    run.assert_code(0).assert_no_panic_text();
    for (id, severity) in RULES {
        let line = run
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no line for {id}\n{}", run.describe()));
        assert_eq!(
            line.split_whitespace().nth(1),
            Some(severity),
            "{id}: default severity: {line}"
        );
        // id, severity, precision and a summary of several words.
        assert!(line.split_whitespace().count() >= 5, "{id}: {line}");
    }
    let listed = run
        .stdout
        .lines()
        .filter(|l| {
            let first = l.split_whitespace().next().unwrap_or_default();
            first != "id" && first.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        })
        .count();
    assert_eq!(listed, RULES.len(), "{}", run.describe());
}

#[test]
fn explain_prints_the_rule_doc() {
    let p = Project::new();
    for (id, _) in RULES {
        let run = nodeward(&p.path(), &["explain", id]);
        run.assert_code(0).assert_no_panic_text();
        let doc = std::fs::read_to_string(workspace_root().join(format!("rules/{id}.md"))).unwrap();
        assert_eq!(
            run.stdout.trim_end(),
            doc.trim_end(),
            "explain {id} is not rules/{id}.md"
        );
        assert!(
            run.stdout.starts_with(&format!("# {id}")),
            "{}",
            run.describe()
        );
    }
}

#[test]
fn explain_an_unknown_rule_is_an_error() {
    let p = Project::new();
    let run = nodeward(&p.path(), &["explain", "no-such-rule"]);
    let line = run.assert_one_line_error();
    assert!(line.contains("no-such-rule"), "{line}");
}

#[test]
fn errors_never_print_panic_text_with_backtraces_on() {
    // RUST_BACKTRACE must not turn a usage error into a backtrace.
    let p = crash_project();
    let run = cli_support::nodeward_env(
        &p.path(),
        &["check", "--jobs", "0"],
        &[("RUST_BACKTRACE", "1")],
    );
    run.assert_one_line_error();
    for bad in PANIC_TEXT {
        assert!(!run.stderr.contains(bad));
    }
}

/// Runs `nodeward ARGS` in `cwd` with the read end of its stdout already
/// closed, as in `nodeward … | head -1` once `head` has exited.
fn run_with_closed_stdout(cwd: &Path, args: &[&str]) -> (Option<i32>, Option<i32>, String) {
    use std::process::{Command, Stdio};
    // The read end is closed before the process starts, so its first write
    // fails (EPIPE) whatever the timing.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let child = Command::new(cli_support::bin())
        .args(args)
        .current_dir(cwd)
        .env_remove("NODEWARD_TEST_PANIC")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = child.wait_with_output().unwrap();
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&out.status);
    #[cfg(not(unix))]
    let signal = None;
    (
        out.status.code(),
        signal,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
    let p = Project::new();
    for i in 0..40 {
        p.write(&format!("app{i:02}.js"), EXPRESS_APP);
    }
    let (code, _, stderr) = run_with_closed_stdout(&p.path(), &["check", "--no-color"]);
    assert_eq!(code, Some(1), "check: {stderr}");
    for bad in PANIC_TEXT {
        assert!(!stderr.contains(bad), "check: {stderr}");
    }
}

/// `nodeward ARGS | head -1`: no panic, and exit 0 (the reader left,
/// nothing went wrong) or the quiet death by SIGPIPE of classic Unix tools;
/// never a panic (exit 101).
#[track_caller]
fn assert_quiet_into_a_closed_pipe(args: &[&str]) {
    let p = Project::new();
    let (code, signal, stderr) = run_with_closed_stdout(&p.path(), args);
    for bad in PANIC_TEXT {
        assert!(
            !stderr.contains(bad),
            "{args:?}: exit {code:?}, stderr:\n{stderr}"
        );
    }
    assert!(
        code == Some(0) || signal == Some(13),
        "{args:?}: exit {code:?}, signal {signal:?}, stderr:\n{stderr}"
    );
}

#[test]
fn rules_into_a_closed_pipe_does_not_panic() {
    assert_quiet_into_a_closed_pipe(&["rules"]);
}

#[test]
fn explain_into_a_closed_pipe_does_not_panic() {
    assert_quiet_into_a_closed_pipe(&["explain", "swallowed-crash"]);
}
