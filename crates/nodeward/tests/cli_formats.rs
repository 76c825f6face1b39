//! Output formats of `nodeward check` (docs/cli.md, "Output"): JSON for
//! scripts, SARIF valid against the 2.1.0 schema, `-o`, `--sarif-output`,
//! GitHub annotations, and output that does not depend on `--jobs` or on the
//! run.

mod cli_support;

use serde_json::Value;

use cli_support::{f, findings, validate_sarif, Project, CLEAN, EXPRESS_APP, SWALLOWED_CRASH};

/// app.js (x-powered-by and missing-helmet on line 2), crash.js
/// (swallowed-crash on line 1) and a clean file.
fn small_project() -> Project {
    let p = Project::new();
    p.write("src/app.js", EXPRESS_APP);
    p.write("src/crash.js", SWALLOWED_CRASH);
    p.write("src/util.js", CLEAN);
    p
}

fn expected_small() -> Vec<(String, String, u64)> {
    vec![
        f("missing-helmet", "src/app.js", 2),
        f("x-powered-by", "src/app.js", 2),
        f("swallowed-crash", "src/crash.js", 1),
    ]
}

/// The text of `rel` at the 1-based `(line, column)`, columns in characters.
fn text_at(p: &Project, rel: &str, line: u64, column: u64) -> String {
    let text = p.read(rel);
    let l = text.lines().nth(line as usize - 1).expect("line exists");
    l.chars().skip(column as usize - 1).collect()
}

#[test]
fn json_has_findings_with_rule_path_and_range() {
    let p = small_project();
    let (run, report) = p.check_json(&[]);
    run.assert_code(1).assert_no_panic_text();
    assert_eq!(report["version"], 1, "{}", run.describe());
    assert_eq!(findings(&report), expected_small(), "{}", run.describe());
    for finding in report["findings"].as_array().unwrap() {
        for key in ["rule", "level", "path", "message", "help", "fingerprint"] {
            assert!(finding[key].is_string(), "{key} in {finding}");
        }
        for key in ["start", "end"] {
            let line = finding[key]["line"].as_u64().unwrap_or(0);
            let column = finding[key]["column"].as_u64().unwrap_or(0);
            assert!(line >= 1 && column >= 1, "{key} in {finding}");
        }
        let (start, end) = (&finding["start"], &finding["end"]);
        let start = (start["line"].as_u64(), start["column"].as_u64());
        let end = (end["line"].as_u64(), end["column"].as_u64());
        assert!(start < end, "empty or reversed range in {finding}");
        assert!(finding["related"].is_array() && finding["flow"].is_array());
        assert!(finding["properties"].is_object());
    }
    // Each finding points where docs/cli.md says.
    let all = report["findings"].as_array().unwrap();
    for finding in &all[..2] {
        let at = text_at(
            &p,
            "src/app.js",
            2,
            finding["start"]["column"].as_u64().unwrap(),
        );
        assert!(at.starts_with("express()"), "{finding} points at {at:?}");
    }
    let at = text_at(
        &p,
        "src/crash.js",
        1,
        all[2]["start"]["column"].as_u64().unwrap(),
    );
    assert!(at.starts_with("process.on("), "{} points at {at:?}", all[2]);

    let summary = &report["summary"];
    assert_eq!(summary["analyzed"], 3, "{summary}");
    assert_eq!(summary["findings"]["total"], 3, "{summary}");
    assert_eq!(summary["findings"]["warning"], 3, "{summary}");
    assert!(
        report["notices"].as_array().unwrap().is_empty(),
        "{}",
        run.describe()
    );
    // The summary goes to stderr, never into the JSON on stdout.
    assert!(
        run.stderr.contains("Analysed 3 files"),
        "{}",
        run.describe()
    );
}

#[test]
fn json_paths_are_relative_to_the_current_directory() {
    let p = small_project();
    // Run from a subfolder, naming it: paths are relative to it, as in
    // ruff; fingerprints stay those of the root-relative paths.
    let run = cli_support::nodeward(&p.path().join("src"), &["check", "-f", "json", "."]);
    run.assert_code(1);
    let from_src: Vec<_> = expected_small()
        .into_iter()
        .map(|(r, path, l)| (r, path.trim_start_matches("src/").to_string(), l))
        .collect();
    assert_eq!(findings(&run.json()), from_src, "{}", run.describe());
    let root = p.path();
    assert!(
        !run.stdout.contains(root.to_str().unwrap()),
        "absolute path in JSON\n{}",
        run.describe()
    );
    let (_, at_root) = p.check_json(&[]);
    let prints = |v: &serde_json::Value| -> Vec<String> {
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(prints(&run.json()), prints(&at_root));
}

#[test]
fn sarif_is_valid_and_has_the_results() {
    let p = small_project();
    let run = p.check(&["--format", "sarif"]);
    run.assert_code(1).assert_no_panic_text();
    let sarif = run.json();
    validate_sarif(&sarif, "--format sarif");
    assert_eq!(sarif["version"], "2.1.0");
    let runs = sarif["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run0 = &runs[0];
    let rule_ids: Vec<&str> = run0["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rule_ids,
        [
            "chatty-error",
            "missing-helmet",
            "nosql-injection",
            "redos",
            "regex-injection",
            "sql-injection",
            "swallowed-crash",
            "ungated-dev-route",
            "vulnerable-dependency",
            "x-powered-by"
        ]
    );
    let results: Vec<(String, String, u64)> = run0["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let loc = &r["locations"][0]["physicalLocation"];
            assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%", "{r}");
            let index = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
            assert_eq!(r["ruleId"], rule_ids[index], "ruleIndex of {r}");
            assert!(r["partialFingerprints"].is_object(), "{r}");
            (
                r["ruleId"].as_str().unwrap().to_string(),
                loc["artifactLocation"]["uri"].as_str().unwrap().to_string(),
                loc["region"]["startLine"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(results, expected_small());
    assert_eq!(run0["invocations"][0]["executionSuccessful"], true);
}

#[test]
fn sarif_output_is_written_beside_the_main_format() {
    let p = small_project();
    std::fs::create_dir(p.path().join("out")).unwrap();
    let run = p.check(&["--format", "json", "--sarif-output", "out/report.sarif"]);
    run.assert_code(1).assert_no_panic_text();
    // The main format still goes to stdout ...
    let json = run.json();
    assert_eq!(findings(&json), expected_small());
    // ... and the SARIF file has the same findings.
    let sarif: Value =
        serde_json::from_str(&p.read("out/report.sarif")).expect("SARIF file is JSON");
    validate_sarif(&sarif, "--sarif-output");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    for (r, j) in results.iter().zip(json["findings"].as_array().unwrap()) {
        assert_eq!(r["ruleId"], j["rule"]);
        assert_eq!(r["partialFingerprints"]["nodeward/v1"], j["fingerprint"]);
    }
    // The same as `--format sarif` gives.
    let direct = p.check(&["--format", "sarif"]);
    assert_eq!(p.read("out/report.sarif"), direct.stdout);
}

#[test]
fn sarif_output_into_a_missing_folder() {
    // nodeward may create the folder, or refuse with one error line (exit 2,
    // whatever it already wrote to stdout).
    let p = small_project();
    let run = p.check(&["--format", "json", "--sarif-output", "out/report.sarif"]);
    run.assert_no_panic_text();
    if run.code == Some(2) {
        let lines: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(lines.len(), 1, "{}", run.describe());
        assert!(
            lines[0].starts_with("nodeward: error: "),
            "{}",
            run.describe()
        );
        assert!(lines[0].contains("out/report.sarif"), "{}", run.describe());
    } else {
        run.assert_code(1);
        let sarif: Value = serde_json::from_str(&p.read("out/report.sarif")).unwrap();
        validate_sarif(&sarif, "--sarif-output into a new folder");
    }
}

#[test]
fn sarif_output_with_the_human_format() {
    let p = small_project();
    let run = p.check(&["--sarif-output", "report.sarif"]);
    run.assert_code(1);
    assert!(run.stdout.contains("swallowed-crash"), "{}", run.describe());
    let sarif: Value = serde_json::from_str(&p.read("report.sarif")).unwrap();
    validate_sarif(&sarif, "--sarif-output with human");
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 3);
}

#[test]
fn output_file_gets_the_report_and_stdout_stays_empty() {
    let p = small_project();
    for (format, name) in [
        ("json", "r.json"),
        ("sarif", "r.sarif"),
        ("human", "r.txt"),
        ("github", "r.gh"),
    ] {
        let run = p.check(&["--format", format, "-o", name]);
        run.assert_code(1).assert_no_panic_text();
        assert!(
            run.stdout.is_empty(),
            "-f {format} -o: stdout not empty\n{}",
            run.describe()
        );
        // The summary still goes to stderr.
        assert!(
            run.stderr.contains("Analysed 3 files"),
            "{}",
            run.describe()
        );
        let written = p.read(name);
        let to_stdout = p.check(&["--format", format]);
        assert_eq!(
            written, to_stdout.stdout,
            "-f {format}: -o differs from stdout"
        );
    }
    let json: Value = serde_json::from_str(&p.read("r.json")).unwrap();
    assert_eq!(findings(&json), expected_small());
    let sarif: Value = serde_json::from_str(&p.read("r.sarif")).unwrap();
    validate_sarif(&sarif, "-o r.sarif");
    // A clean run writes the file too.
    let clean = Project::new();
    clean.write("a.js", CLEAN);
    clean
        .check(&["-f", "json", "--output", "r.json"])
        .assert_code(0);
    let json: Value = serde_json::from_str(&clean.read("r.json")).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 0);
}

#[test]
fn human_report_has_rule_level_location_and_snippet() {
    let p = small_project();
    let run = p.check(&[]);
    run.assert_code(1);
    for needle in [
        "x-powered-by",
        "missing-helmet",
        "swallowed-crash",
        "src/app.js",
        "src/crash.js",
        "const app = express();",
        "process.on('uncaughtException'",
    ] {
        assert!(
            run.stdout.contains(needle),
            "{needle:?} missing\n{}",
            run.describe()
        );
    }
    assert!(
        !run.stdout.contains('\u{1b}'),
        "colour codes with --no-color\n{}",
        run.describe()
    );
    assert!(
        run.stderr.contains("Found 3 findings: 3 warnings."),
        "{}",
        run.describe()
    );
    // --quiet leaves the summary out.
    let quiet = p.check(&["--quiet"]);
    quiet.assert_code(1);
    assert!(!quiet.stderr.contains("Analysed"), "{}", quiet.describe());
    assert_eq!(quiet.stdout, run.stdout);
}

#[test]
fn no_colour_without_a_terminal_even_without_the_flag() {
    let p = small_project();
    let run = cli_support::nodeward(&p.path(), &["check"]);
    run.assert_code(1);
    assert!(!run.stdout.contains('\u{1b}'), "{}", run.describe());
    assert!(!run.stderr.contains('\u{1b}'), "{}", run.describe());
}

#[test]
fn github_format_prints_annotations_then_the_human_report() {
    let p = small_project();
    let run = p.check(&["--format", "github"]);
    run.assert_code(1).assert_no_panic_text();
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 3, "{}", run.describe());
    let expected = [
        ("src/app.js", 2, "missing-helmet"),
        ("src/app.js", 2, "x-powered-by"),
        ("src/crash.js", 1, "swallowed-crash"),
    ];
    for (line, (path, n, rule)) in annotations.iter().zip(expected) {
        let prefix = format!("::warning file={path},line={n},");
        assert!(
            line.starts_with(&prefix),
            "{line:?} should start with {prefix:?}"
        );
        assert!(
            line.contains(&format!("title=nodeward ({rule})::")),
            "{line}"
        );
        // One annotation is one line: newlines in the message are escaped.
        assert!(!line.contains('\r'));
    }
    // The human report follows.
    let human = p.check(&[]);
    assert!(run.stdout.ends_with(&human.stdout), "{}", run.describe());
}

#[test]
fn github_annotations_for_notices() {
    let p = small_project();
    p.write("src/broken.js", "const x = ;\n");
    let run = p.check(&["--format", "github"]);
    run.assert_code(1);
    let line = run
        .stdout
        .lines()
        .find(|l| l.contains("file=src/broken.js"))
        .unwrap_or_else(|| panic!("no annotation for the parse error\n{}", run.describe()));
    assert!(
        line.starts_with("::error file=src/broken.js,line=1,"),
        "{line}"
    );
}

/// ~30 files, findings in several of them, some in subfolders.
fn thirty_file_project() -> Project {
    let p = Project::new();
    for i in 0..30 {
        let dir = ["src", "src/routes", "lib", "scripts/tools"][i % 4];
        let rel = format!("{dir}/file{i:02}.js");
        let text = match i % 5 {
            0 => EXPRESS_APP.to_string(),
            1 => SWALLOWED_CRASH.to_string(),
            2 => format!("// module {i}\n{EXPRESS_APP}\n{SWALLOWED_CRASH}"),
            _ => format!("{CLEAN}\nconst n{i} = {i};\n"),
        };
        p.write(&rel, text);
    }
    p.write("src/server.mjs", "import express from 'express';\n\nexport const app = express();\napp.disable('x-powered-by');\n");
    p
}

#[test]
fn output_is_the_same_for_every_jobs_count() {
    let p = thirty_file_project();
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "1", "2", "8"] {
        let json = p.check(&["-f", "json", "--jobs", jobs]);
        json.assert_code(1).assert_no_panic_text();
        let sarif = p.check(&["-f", "sarif", "--jobs", jobs]);
        sarif.assert_code(1);
        let human = p.check(&["--jobs", jobs]);
        human.assert_code(1);
        outputs.push((jobs, json.stdout, sarif.stdout, human.stdout, human.stderr));
    }
    let report: Value = serde_json::from_str(&outputs[0].1).unwrap();
    let found = findings(&report);
    let files: std::collections::BTreeSet<&str> =
        found.iter().map(|(_, p, _)| p.as_str()).collect();
    assert!(
        files.len() >= 10,
        "findings in only {} files: {found:?}",
        files.len()
    );
    assert_eq!(report["summary"]["analyzed"], 31);
    validate_sarif(&serde_json::from_str(&outputs[0].2).unwrap(), "--jobs 1");
    let first = &outputs[0];
    for other in &outputs[1..] {
        assert!(
            first.1 == other.1,
            "JSON differs between --jobs {} and --jobs {}",
            first.0,
            other.0
        );
        assert!(
            first.2 == other.2,
            "SARIF differs between --jobs {} and --jobs {}",
            first.0,
            other.0
        );
        assert!(
            first.3 == other.3,
            "human report differs between --jobs {} and --jobs {}",
            first.0,
            other.0
        );
        assert!(
            first.4 == other.4,
            "summary differs between --jobs {} and --jobs {}",
            first.0,
            other.0
        );
    }
}

#[test]
fn findings_are_sorted_by_path_position_and_rule() {
    let p = thirty_file_project();
    let (_, report) = p.check_json(&["--jobs", "2"]);
    let keys: Vec<(String, u64, u64, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start"]["line"].as_u64().unwrap(),
                f["start"]["column"].as_u64().unwrap(),
                f["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn stats_go_to_stderr_and_leave_stdout_alone() {
    let p = small_project();
    let plain = p.check(&["-f", "json"]);
    let stats = p.check(&["-f", "json", "--stats"]);
    stats.assert_code(1);
    assert_eq!(plain.stdout, stats.stdout);
    for phase in ["discover", "parse", "index", "link", "rules", "report"] {
        assert!(
            stats.stderr.contains(phase),
            "{phase} missing\n{}",
            stats.describe()
        );
    }
}

#[test]
fn notices_are_listed_on_stderr_before_the_summary() {
    // docs/cli.md, "Output": "The summary, notices and `--stats` go to
    // standard error", and notices "are listed before" the summary.
    let p = small_project();
    p.write("src/broken.js", "const x = ;\n");
    for format in ["human", "json", "sarif"] {
        let run = p.check(&["-f", format]);
        run.assert_code(1);
        let notice = run.stderr.find("src/broken.js");
        let summary = run.stderr.find("Analysed 3 files");
        assert!(
            matches!((notice, summary), (Some(n), Some(s)) if n < s),
            "-f {format}: the parse error notice is not on stderr before the summary\n{}",
            run.describe()
        );
    }
}
