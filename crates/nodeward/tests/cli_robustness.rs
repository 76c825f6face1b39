//! Hostile and odd inputs (DESIGN.md "Robustness", docs/cli.md "Which files
//! are analysed"): every run finishes with a normal exit code, never a crash
//! or an abort; each odd file is analysed or skipped with a notice that
//! names it; and the rest of the project is still analysed — a sibling
//! file's finding is always in the report.

mod cli_support;

use serde_json::Value;

use cli_support::{f, findings, notices, Project, Run, EXPRESS_APP, SWALLOWED_CRASH};

/// The sibling every project here has: one `swallowed-crash` on line 1.
const SIBLING: &str = "sibling.js";

fn project_with_sibling() -> Project {
    let p = Project::new();
    p.write(SIBLING, SWALLOWED_CRASH);
    p
}

/// Runs `check -f json ARGS`, asserts a normal exit, no panic text, and that
/// the sibling's finding is reported exactly once. Returns the run and the
/// report.
#[track_caller]
fn check_survives(p: &Project, args: &[&str]) -> (Run, Value) {
    let mut all = vec!["-f", "json"];
    all.extend_from_slice(args);
    let run = p.check(&all);
    assert!(
        run.signal.is_none(),
        "nodeward was killed by signal {:?} (a stack overflow or an abort)\n{}",
        run.signal,
        run.describe()
    );
    run.assert_exited_normally().assert_no_panic_text();
    let report = run.json();
    let sibling: Vec<_> = findings(&report)
        .into_iter()
        .filter(|(_, path, _)| path == SIBLING)
        .collect();
    assert_eq!(
        sibling,
        vec![f("swallowed-crash", SIBLING, 1)],
        "the sibling's finding is missing or doubled\n{}",
        run.describe()
    );
    // The sibling's finding is a warning: a normal run exits 1.
    run.assert_code(1);
    (run, report)
}

/// The notices about `path`.
fn notices_about(report: &Value, path: &str) -> Vec<Value> {
    notices(report)
        .into_iter()
        .filter(|n| n["path"] == path)
        .collect()
}

/// Asserts that `path` was skipped with one of `reasons`, and that the
/// summary counts the skip. Returns the notice.
#[track_caller]
fn assert_skipped(run: &Run, report: &Value, path: &str, reasons: &[&str]) -> Value {
    let about = notices_about(report, path);
    assert_eq!(
        about.len(),
        1,
        "expected one notice about {path}\n{}",
        run.describe()
    );
    let n = about[0].clone();
    assert_eq!(n["kind"], "skipped", "{n}\n{}", run.describe());
    let reason = n["reason"].as_str().unwrap_or_default();
    assert!(
        reasons.contains(&reason),
        "{path}: skipped for {reason:?}, expected one of {reasons:?}\n{}",
        run.describe()
    );
    assert!(
        report["summary"]["skipped"][reason].as_u64().unwrap_or(0) >= 1,
        "the summary does not count the skip\n{}",
        run.describe()
    );
    let label = match reason {
        "too-large" => "too large",
        "too-deep" => "nesting too deep",
        "not-utf8" => "not UTF-8",
        "symlink-loop" => "symlink loop",
        other => other,
    };
    let human = run
        .stderr
        .lines()
        .any(|l| l.starts_with("Analysed") && l.contains(label));
    assert!(
        human,
        "the summary line does not count {label:?}\n{}",
        run.describe()
    );
    n
}

/// Asserts that `path` was analysed: no notice about it, and counted.
#[track_caller]
fn assert_analysed(run: &Run, report: &Value, path: &str, files: u64) {
    let about = notices_about(report, path);
    assert!(
        about.is_empty(),
        "{path} was not analysed: {about:?}\n{}",
        run.describe()
    );
    assert_eq!(report["summary"]["analyzed"], files, "{}", run.describe());
}

// ------------------------------------------------------------------ bad files

#[test]
fn a_syntax_error_is_a_notice_and_the_rest_is_analysed() {
    let p = project_with_sibling();
    p.write("broken.js", "const a = 1;\nconst b = ;\nconst c = 3;\n");
    p.write("app.js", EXPRESS_APP);
    let (run, report) = check_survives(&p, &[]);
    let about = notices_about(&report, "broken.js");
    assert_eq!(about.len(), 1, "{}", run.describe());
    let n = &about[0];
    assert_eq!(n["kind"], "parse-error", "{n}");
    assert_eq!(n["level"], "error", "{n}");
    assert_eq!(n["start"]["line"], 2, "the location of the error: {n}");
    assert!(n["start"]["column"].as_u64().is_some(), "{n}");
    assert_eq!(report["summary"]["parse_errors"], 1);
    assert_eq!(report["summary"]["analyzed"], 2);
    assert_eq!(
        findings(&report),
        vec![
            f("missing-helmet", "app.js", 2),
            f("x-powered-by", "app.js", 2),
            f("swallowed-crash", SIBLING, 1),
        ]
    );
    // The human summary says so; a parse error alone does not change the
    // exit code.
    let human = p.check(&[]);
    human.assert_code(1);
    assert!(
        human.stderr.contains("1 failed to parse"),
        "{}",
        human.describe()
    );
    assert!(
        human.stderr.contains("broken.js") || human.stdout.contains("broken.js"),
        "the human run does not name broken.js\n{}",
        human.describe()
    );
    // Only the broken file left: nothing was analysed, which is no pass.
    std::fs::remove_file(p.path().join(SIBLING)).unwrap();
    std::fs::remove_file(p.path().join("app.js")).unwrap();
    p.check(&[]).assert_code(2);
}

/// Writes each `(name, text)` beside the sibling and asserts that each is
/// reported with exactly one parse-error notice that has a location.
/// docs/cli.md: "A file with a syntax error is not analysed either; the
/// notice gives the location of the error".
fn assert_parse_errors(cases: &[(&str, &str)]) {
    let p = project_with_sibling();
    for (name, text) in cases {
        p.write(name, text);
    }
    let (run, report) = check_survives(&p, &[]);
    let mut wrong = Vec::new();
    for (name, _) in cases {
        let about = notices_about(&report, name);
        let ok = about.len() == 1
            && about[0]["kind"] == "parse-error"
            && about[0]["start"]["line"].as_u64().is_some();
        if !ok {
            wrong.push(format!("{name}: {about:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "files with a syntax error but not exactly one parse-error notice:\n{}\n{}",
        wrong.join("\n"),
        run.describe()
    );
    assert_eq!(report["summary"]["parse_errors"], cases.len() as u64);
    assert_eq!(report["summary"]["analyzed"], 1, "{}", run.describe());
}

#[test]
fn syntax_errors_of_many_kinds() {
    assert_parse_errors(&[
        ("unclosed-template.js", "const s = `abc ${x\n"),
        ("unclosed-call.js", "foo(1, 2\n"),
        ("stray-closers.js", ")))]]]}}}\n"),
        ("double-comma.js", "const o = { a: 1,, };\n"),
        ("bad-escape.js", "const t = \"\\u{zz}\";\n"),
        (
            "ts-in-js.js",
            "const a: number = 1;\ninterface X { a: string }\n",
        ),
        ("jsx-in-ts.ts", "const a = <div>hi</div>;\n"),
        ("keyword.js", "const class = 1;\n"),
        // swc's parser panics on it (a fuzz find): a syntax error all the
        // same, not an internal error.
        ("unfinished-class.js", "class S{"),
    ]);
}

#[test]

fn syntax_errors_the_parser_recovers_from_are_reported() {
    assert_parse_errors(&[
        ("unclosed-brace.js", "function f() {\n  return 1;\n"),
        ("unclosed-if.js", "if (x) {\n"),
        ("unclosed-string.js", "const s = 'abc\n"),
        ("unclosed-comment.js", "/* never closed\nconst a = 1;\n"),
        ("numeric-separator.js", "const n = 1__0;\n"),
        ("octal-in-strict.js", "'use strict';\nconst n = 0777;\n"),
        ("with-in-module.mjs", "with (obj) {\n  a = 1;\n}\n"),
    ]);
}

#[test]
fn top_level_return_in_commonjs_is_not_a_syntax_error() {
    // Node runs a CommonJS module inside a function: `return` at the top
    // level is legal there (the parser calls it an error unless told so).
    let p = project_with_sibling();
    let text = "if (process.env.DISABLED) {\n  return;\n}\nprocess.on('uncaughtException', (err) => {\n  console.error('oops', err);\n});\n";
    p.write("early-return.js", text);
    p.write("early-return.cjs", text);
    let (run, report) = check_survives(&p, &[]);
    assert!(notices(&report).is_empty(), "{}", run.describe());
    assert_eq!(
        findings(&report),
        vec![
            f("swallowed-crash", "early-return.cjs", 4),
            f("swallowed-crash", "early-return.js", 4),
            f("swallowed-crash", SIBLING, 1),
        ],
        "{}",
        run.describe()
    );
}

#[test]
fn a_file_that_is_not_utf8_is_skipped() {
    let p = project_with_sibling();
    // Latin-1 `é` in a string.
    p.write(
        "latin1.js",
        b"const name = 'caf\xe9';\nprocess.on('uncaughtException', () => {});\n",
    );
    // UTF-16 with a byte order mark.
    let utf16: Vec<u8> = std::iter::once(0xFEFFu16)
        .chain("const a = 1;\n".encode_utf16())
        .flat_map(|u| u.to_le_bytes())
        .collect();
    p.write("utf16.js", utf16);
    let (run, report) = check_survives(&p, &[]);
    let n = assert_skipped(&run, &report, "latin1.js", &["not-utf8"]);
    assert!(
        n["message"].as_str().unwrap().contains("17"),
        "names the byte offset: {n}"
    );
    assert_skipped(&run, &report, "utf16.js", &["not-utf8", "binary"]);
    assert_eq!(report["summary"]["analyzed"], 1, "{}", run.describe());
}

#[test]
fn a_binary_file_with_a_js_name_is_skipped() {
    let p = project_with_sibling();
    // A PNG header, NULs included.
    let mut png = vec![
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 24) as u8));
    p.write("logo.js", &png);
    // Random bytes from a fixed generator, NUL-free: control characters and
    // invalid UTF-8 both.
    let mut x: u64 = 0x2545F4914F6CDD1D;
    let noise: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x as u8).max(1)
        })
        .collect();
    p.write("noise.mjs", &noise);
    let (run, report) = check_survives(&p, &[]);
    assert_skipped(&run, &report, "logo.js", &["binary"]);
    assert_skipped(&run, &report, "noise.mjs", &["binary", "not-utf8"]);
    // Named on the command line they are still refused, with a notice.
    let (run, report) = check_survives(&p, &["logo.js", "noise.mjs", SIBLING]);
    assert_skipped(&run, &report, "logo.js", &["binary"]);
    assert_skipped(&run, &report, "noise.mjs", &["binary", "not-utf8"]);
}

#[test]
fn odd_but_valid_files_are_analysed() {
    let p = project_with_sibling();
    p.write("empty.js", "");
    p.write("blank.js", "\n\n   \n");
    p.write("comment-only.js", "// nothing here\n/* nor here */\n");
    p.write("bom.js", format!("\u{feff}{SWALLOWED_CRASH}"));
    p.write("crlf.js", EXPRESS_APP.replace('\n', "\r\n"));
    p.write("no-final-newline.js", SWALLOWED_CRASH.trim_end());
    p.write(
        "shebang.js",
        format!("#!/usr/bin/env node\n{SWALLOWED_CRASH}"),
    );
    let (run, report) = check_survives(&p, &[]);
    assert!(notices(&report).is_empty(), "{}", run.describe());
    assert_eq!(report["summary"]["analyzed"], 8);
    assert_eq!(
        findings(&report),
        vec![
            f("swallowed-crash", "bom.js", 1),
            f("missing-helmet", "crlf.js", 2),
            f("x-powered-by", "crlf.js", 2),
            f("swallowed-crash", "no-final-newline.js", 1),
            f("swallowed-crash", "shebang.js", 2),
            f("swallowed-crash", SIBLING, 1),
        ],
        "{}",
        run.describe()
    );
    // The BOM is not a column: the finding starts at column 1.
    let bom = &report["findings"][0];
    assert_eq!(bom["start"]["column"], 1, "{bom}");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_skipped_with_a_notice() {
    use std::os::unix::fs::symlink;
    let p = project_with_sibling();
    // A folder that links back to its parent ...
    p.write("loop/inner.js", "const inner = 1;\n");
    symlink("..", p.path().join("loop/up")).unwrap();
    // ... two folders that link to each other ...
    std::fs::create_dir_all(p.path().join("ping")).unwrap();
    std::fs::create_dir_all(p.path().join("pong")).unwrap();
    symlink("../pong", p.path().join("ping/to-pong")).unwrap();
    symlink("../ping", p.path().join("pong/to-ping")).unwrap();
    // ... and a file that links to itself.
    symlink("self.js", p.path().join("self.js")).unwrap();
    let (run, report) = check_survives(&p, &[]);
    // The real file is analysed once, not once per way round the loop.
    let inner = report.to_string().matches("inner.js").count();
    assert!(
        inner <= 1,
        "loop/inner.js seen more than once\n{}",
        run.describe()
    );
    assert_eq!(report["summary"]["analyzed"], 2, "{}", run.describe());
    // Every loop is accounted for.
    let all = notices(&report);
    for what in ["loop/up", "ping/to-pong", "pong/to-ping", "self.js"] {
        let hit = all.iter().any(|n| {
            n["kind"] == "skipped"
                && n["path"]
                    .as_str()
                    .is_some_and(|p| p.starts_with(what.split('/').next().unwrap()))
        });
        assert!(hit, "no notice for the loop at {what}\n{}", run.describe());
    }
    let self_notice = notices_about(&report, "self.js");
    assert_eq!(self_notice.len(), 1, "{}", run.describe());
    // And the loop itself, named on the command line, is no crash either.
    // (`loop/up` is the project root again, so the sibling may be found
    // through it first, as `loop/up/sibling.js`.)
    for args in [&["loop/up", SIBLING][..], &["ping", SIBLING][..]] {
        let mut all = vec!["-f", "json"];
        all.extend_from_slice(args);
        let run = p.check(&all);
        run.assert_code(1).assert_no_panic_text();
        let found: Vec<_> = findings(&run.json())
            .into_iter()
            .filter(|(rule, path, _)| rule == "swallowed-crash" && path.ends_with(SIBLING))
            .collect();
        assert_eq!(found.len(), 1, "{args:?}\n{}", run.describe());
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_to_itself_is_reported_as_a_loop() {
    // `self.js -> self.js` exists (it is a link) but cannot be resolved:
    // the notice must say it is a loop, not that its target is missing.
    let p = project_with_sibling();
    std::os::unix::fs::symlink("self.js", p.path().join("self.js")).unwrap();
    let (run, report) = check_survives(&p, &[]);
    let n = assert_skipped(&run, &report, "self.js", &["symlink-loop"]);
    let message = n["message"].as_str().unwrap_or_default();
    assert!(!message.contains("does not exist"), "{n}");
}

#[cfg(unix)]
#[test]
fn a_fifo_with_a_js_name_does_not_hang_the_run() {
    // Opening a FIFO for reading blocks until someone writes to it.
    let p = project_with_sibling();
    let fifo = p.path().join("pipe.js");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping: mkfifo is not available");
        return;
    }
    let (run, report) = check_survives(&p, &[]);
    assert_skipped(&run, &report, "pipe.js", &["unreadable"]);
    let (run, report) = check_survives(&p, &["pipe.js", SIBLING]);
    assert_skipped(&run, &report, "pipe.js", &["unreadable"]);
}

#[test]
fn a_large_minified_file_is_skipped_with_a_notice() {
    let p = project_with_sibling();
    let mut min =
        String::from("process.on('uncaughtException',(err)=>{console.error('oops',err);});");
    while min.len() < 2 * 1024 * 1024 {
        min.push_str("var a=1;function g(b){return b+a}");
    }
    p.write("min.js", &min);
    let (run, report) = check_survives(&p, &[]);
    let n = assert_skipped(&run, &report, "min.js", &["too-large", "minified"]);
    assert!(!n["message"].as_str().unwrap_or_default().is_empty(), "{n}");
    assert_eq!(report["summary"]["analyzed"], 1);

    // The same file under 1 MiB is skipped as minified.
    p.write("min.js", &min[..600 * 1024]);
    let (run, report) = check_survives(&p, &[]);
    assert_skipped(&run, &report, "min.js", &["minified"]);
}

#[test]
fn a_large_minified_file_named_on_the_command_line() {
    let p = project_with_sibling();
    let mut min =
        String::from("process.on('uncaughtException',(err)=>{console.error('oops',err);});");
    while min.len() < 2 * 1024 * 1024 {
        min.push_str("var a=1;function g(b){return b+a}");
    }
    p.write("min.js", &min);
    let (run, report) = check_survives(&p, &["min.js", SIBLING]);
    // docs/cli.md: a file named on the command line is analysed even when it
    // looks minified or is over max-file-size (up to 8 MiB).
    assert_analysed(&run, &report, "min.js", 2);
    assert_eq!(
        findings(&report),
        vec![
            f("swallowed-crash", "min.js", 1),
            f("swallowed-crash", SIBLING, 1)
        ],
        "{}",
        run.describe()
    );
}

#[test]
fn a_file_over_the_hard_limit_named_on_the_command_line_is_skipped() {
    let p = project_with_sibling();
    let line = "const x = 1; // padding padding padding padding padding padding\n";
    let huge = line.repeat(9 * 1024 * 1024 / line.len() + 1);
    p.write("huge.js", &huge);
    let (run, report) = check_survives(&p, &["huge.js", SIBLING]);
    assert_skipped(&run, &report, "huge.js", &["too-large"]);
    // And found by the walk.
    let (run, report) = check_survives(&p, &[]);
    assert_skipped(&run, &report, "huge.js", &["too-large"]);
}

#[test]
fn max_file_size_from_the_config_is_honoured() {
    let p = project_with_sibling();
    p.write("nodeward.toml", "max-file-size = 100\n");
    p.write("big.js", format!("{}\n", "// padding\n".repeat(20)));
    let (run, report) = check_survives(&p, &[]);
    assert_skipped(&run, &report, "big.js", &["too-large"]);
}

// -------------------------------------------------------------- deep nesting

#[derive(Debug, Clone, Copy)]
enum Shape {
    /// `((((1))))`
    Parens,
    /// `[[[[1]]]]`
    Arrays,
    /// `{a:{a:{a:1}}}`
    Objects,
    /// `function f(){function f(){}}`
    Functions,
    /// `()=>()=>()=>1`
    Arrows,
}

const SHAPES: [Shape; 5] = [
    Shape::Parens,
    Shape::Arrays,
    Shape::Objects,
    Shape::Functions,
    Shape::Arrows,
];

/// Pieces per line: short lines, so that the file is not taken for minified
/// and the nesting itself is what is tested.
const PER_LINE: usize = 40;

fn repeat_lines(piece: &str, n: usize) -> String {
    let mut out = String::with_capacity(piece.len() * n + n / PER_LINE + 1);
    for i in 0..n {
        out.push_str(piece);
        if (i + 1) % PER_LINE == 0 {
            out.push('\n');
        }
    }
    out
}

/// A file nested `depth` levels deep in `shape`.
fn nested(shape: Shape, depth: usize) -> String {
    match shape {
        Shape::Parens => format!(
            "const x = {}1{};\n",
            repeat_lines("(", depth),
            repeat_lines(")", depth)
        ),
        Shape::Arrays => format!(
            "const x = {}1{};\n",
            repeat_lines("[", depth),
            repeat_lines("]", depth)
        ),
        Shape::Objects => format!(
            "const x = {}1{};\n",
            repeat_lines("{a:", depth),
            repeat_lines("}", depth)
        ),
        Shape::Functions => format!(
            "{}{}\n",
            repeat_lines("function f(){", depth),
            repeat_lines("}", depth)
        ),
        // A line break may follow `=>` (never precede it).
        Shape::Arrows => format!("const x = {}1;\n", repeat_lines("()=>", depth)),
    }
}

/// A project with the sibling, a nested file, and a size cap high enough
/// that the nesting, not the size, decides.
fn deep_project(shape: Shape, depth: usize) -> (Project, String) {
    let p = project_with_sibling();
    p.write("nodeward.toml", "max-file-size = 8388608\n");
    let name = format!("deep-{shape:?}-{depth}.js").to_lowercase();
    p.write(&name, nested(shape, depth));
    (p, name)
}

/// Past the nesting limit: a normal exit, the sibling's finding, and the
/// deep file skipped as too deep (or, if the analysis can take it,
/// analysed).
fn check_deep(shape: Shape, depth: usize) {
    let (p, name) = deep_project(shape, depth);
    let (run, report) = check_survives(&p, &[]);
    let about = notices_about(&report, &name);
    if about.is_empty() {
        assert_analysed(&run, &report, &name, 2);
    } else {
        let n = assert_skipped(&run, &report, &name, &["too-deep"]);
        assert!(
            n["message"].as_str().unwrap_or_default().contains("1000"),
            "{n}"
        );
    }
    // Named on the command line: the same, never a crash.
    check_survives(&p, &[&name, SIBLING]);
}

#[test]
fn nesting_5000_deep() {
    for shape in SHAPES {
        check_deep(shape, 5_000);
    }
}

#[test]
fn nesting_100000_deep() {
    for shape in SHAPES {
        check_deep(shape, 100_000);
    }
}

#[test]
fn nesting_100000_deep_on_one_line_named_on_the_command_line() {
    // One line: the minified check does not apply to a file named
    // explicitly, so only the nesting scan stands between it and the parser.
    for shape in SHAPES {
        let p = project_with_sibling();
        let name = format!("oneline-{shape:?}.js").to_lowercase();
        p.write(&name, nested(shape, 100_000).replace('\n', " "));
        let (run, report) = check_survives(&p, &[&name, SIBLING]);
        let about = notices_about(&report, &name);
        if !about.is_empty() {
            assert_skipped(&run, &report, &name, &["too-deep"]);
        }
    }
}

#[test]
fn nesting_below_the_limit_is_analysed() {
    // docs/cli.md: more than 1,000 levels is too deep; 900 is not, and must
    // be parsed and analysed, on every shape, without overflowing a stack.
    for shape in SHAPES {
        let (p, name) = deep_project(shape, 900);
        let (run, report) = check_survives(&p, &[]);
        assert_analysed(&run, &report, &name, 2);
    }
}

#[test]
fn deep_nesting_mixed_with_a_finding_in_the_same_file() {
    // The finding is found in a file that is deep, but within the limit.
    let p = Project::new();
    let text = format!(
        "{SWALLOWED_CRASH}const x = {}1{};\nconst y = {}1;\n",
        repeat_lines("[", 400),
        repeat_lines("]", 400),
        repeat_lines("()=>", 400)
    );
    p.write(SIBLING, text);
    let (run, report) = check_survives(&p, &[]);
    assert!(notices(&report).is_empty(), "{}", run.describe());
}

// -------------------------------------------------------------- long chains

/// `a+a+…+a` with `terms` terms, a few per line.
fn plus_chain(terms: usize) -> String {
    format!(
        "const a = 1;\nconst s = {}a;\nmodule.exports = s;\n",
        repeat_lines("a+", terms - 1)
    )
}

/// `o.a.a.…` with `terms` member accesses, a few per line.
fn member_chain(terms: usize) -> String {
    format!(
        "const o = {{}};\nconst v = o{};\nmodule.exports = v;\n",
        repeat_lines(".a", terms)
    )
}

#[test]
fn a_100000_term_plus_chain_is_analysed() {
    // Not nesting: a flat chain is ordinary code (long string
    // concatenations are generated), parsed and analysed like any other.
    let p = project_with_sibling();
    p.write("chain.js", plus_chain(100_000));
    let (run, report) = check_survives(&p, &[]);
    assert_analysed(&run, &report, "chain.js", 2);
}

#[test]
fn a_100000_term_string_concatenation_is_analysed() {
    let p = project_with_sibling();
    p.write(
        "concat.js",
        format!(
            "const s = {}'';\nmodule.exports = s;\n",
            repeat_lines("'x'+", 100_000)
        ),
    );
    let (run, report) = check_survives(&p, &[]);
    assert_analysed(&run, &report, "concat.js", 2);
}

#[test]
fn a_100000_term_member_chain() {
    let p = project_with_sibling();
    p.write("member.js", member_chain(100_000));
    let (run, report) = check_survives(&p, &[]);
    let about = notices_about(&report, "member.js");
    if about.is_empty() {
        assert_analysed(&run, &report, "member.js", 2);
    } else {
        assert_skipped(&run, &report, "member.js", &["too-deep"]);
    }
}

#[test]
fn other_long_flat_chains() {
    // Each is flat in the source, deep in a naive tree.
    let p = project_with_sibling();
    let n = 50_000;
    p.write(
        "calls.js",
        format!("const f = () => f;\nf{};\n", repeat_lines("()", n)),
    );
    p.write(
        "commas.js",
        format!("let a = 0;\na = ({}0);\n", repeat_lines("a, ", n)),
    );
    p.write(
        "ands.js",
        format!("const a = 1;\nconst t = {}a;\n", repeat_lines("a && ", n)),
    );
    p.write(
        "elseif.js",
        format!(
            "let x = 0;\nif (x) {{}}{} else {{}}\n",
            repeat_lines(" else if (x) {}", n)
        ),
    );
    p.write("statements.js", "x = 1;\n".repeat(n));
    p.write(
        "array.js",
        format!("const big = [{}];\n", repeat_lines("1, ", n)),
    );
    let (run, report) = check_survives(&p, &["--jobs", "2"]);
    for name in [
        "calls.js",
        "commas.js",
        "ands.js",
        "elseif.js",
        "statements.js",
        "array.js",
    ] {
        for n in notices_about(&report, name) {
            assert!(
                n["kind"] == "skipped" && n["reason"] == "too-deep",
                "{name}: {n}\n{}",
                run.describe()
            );
        }
    }
}

// ------------------------------------------------------------------- panics

#[test]
fn a_panic_in_one_file_is_reported_and_the_rest_is_analysed() {
    let p = project_with_sibling();
    p.write("boom.js", EXPRESS_APP);
    p.write("app.js", EXPRESS_APP);
    let env = [("NODEWARD_TEST_PANIC", "boom"), ("RUST_BACKTRACE", "1")];

    let run = p.check_env(&["-f", "json"], &env);
    assert_eq!(run.code, Some(2), "a panic must exit 2\n{}", run.describe());
    run.assert_no_panic_text();
    let report = run.json();
    let about = notices_about(&report, "boom.js");
    assert_eq!(about.len(), 1, "{}", run.describe());
    assert_eq!(about[0]["kind"], "panic", "{}", about[0]);
    assert_eq!(about[0]["level"], "error", "{}", about[0]);
    assert!(
        report["summary"]["panicked"].as_u64() >= Some(1),
        "{}",
        run.describe()
    );
    // Everything else is still reported; nothing from boom.js.
    assert_eq!(
        findings(&report),
        vec![
            f("missing-helmet", "app.js", 2),
            f("x-powered-by", "app.js", 2),
            f("swallowed-crash", SIBLING, 1),
        ],
        "{}",
        run.describe()
    );
    // The summary on stderr says so, in a line or two, no backtrace.
    assert!(run.stderr.contains("internal error"), "{}", run.describe());
    assert!(run.stderr.lines().count() < 20, "{}", run.describe());

    // Human: the report, the panic named, exit 2.
    let run = p.check_env(&[], &env);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    run.assert_no_panic_text();
    assert!(run.stdout.contains("sibling.js"), "{}", run.describe());
    assert!(
        run.stdout.contains("boom.js") || run.stderr.contains("boom.js"),
        "the panic is not reported for boom.js\n{}",
        run.describe()
    );

    // SARIF: an unsuccessful invocation with the notification.
    let run = p.check_env(&["-f", "sarif"], &env);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    let sarif = run.json();
    cli_support::validate_sarif(&sarif, "SARIF with a panic");
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false, "{invocation}");
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n["descriptor"]["id"] == "panic" && n.to_string().contains("boom.js")),
        "{invocation}"
    );
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 3);

    // --fail-on never does not hide an internal error.
    let run = p.check_env(&["--fail-on", "never"], &env);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    // Without the variable, the same project is fine.
    p.check(&[]).assert_code(1);
}

#[test]
fn a_panic_in_every_file_still_exits_2_and_prints_a_report() {
    let p = Project::new();
    p.write("boom-a.js", EXPRESS_APP);
    p.write("boom-b.js", SWALLOWED_CRASH);
    let run = p.check_env(&["-f", "json"], &[("NODEWARD_TEST_PANIC", "boom")]);
    assert_eq!(run.code, Some(2), "{}", run.describe());
    run.assert_no_panic_text();
    let report = run.json();
    let panics = notices(&report)
        .iter()
        .filter(|n| n["kind"] == "panic")
        .count();
    assert_eq!(panics, 2, "{}", run.describe());
}

// ------------------------------------------------------------ build profile

#[test]
fn the_release_profile_unwinds_on_panic() {
    // Per-file `catch_unwind` is only a net when panics unwind.
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../Cargo.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let profiles = value.get("profile").and_then(|p| p.as_table());
    let release = profiles
        .and_then(|p| p.get("release"))
        .and_then(|r| r.as_table())
        .expect("[profile.release] in the workspace Cargo.toml");
    assert_eq!(
        release.get("panic").and_then(|v| v.as_str()),
        Some("unwind"),
        "[profile.release] must keep panic = \"unwind\""
    );
    // No other profile (a custom one may inherit from release) aborts.
    for (name, profile) in profiles.unwrap() {
        let panic = profile.get("panic").and_then(|v| v.as_str());
        assert_ne!(
            panic,
            Some("abort"),
            "[profile.{name}] sets panic = \"abort\""
        );
    }
    // And the crate's own manifest does not override it.
    let own = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"),
    )
    .unwrap();
    assert!(
        !own.contains("panic = \"abort\""),
        "crates/nodeward/Cargo.toml sets panic = \"abort\""
    );
}

/// A file built to be slow (thousands of exponential regexes, each within
/// its own analysis budget) cannot hold the run past the file's time
/// budget: the rules stop with a notice naming the file and the rule, and
/// the rest of the project is analysed.
#[test]
fn a_slow_file_stops_at_its_time_budget() {
    let p = project_with_sibling();
    let slow: String = (0..3000)
        .map(|i| format!("const r{i} = /^(a+|b+|ab)*(c|d){i}$/;\n"))
        .collect();
    p.write("slow.js", slow);
    let started = std::time::Instant::now();
    let (run, report) = p.check_json(&["--file-time-budget", "0.2"]);
    let took = started.elapsed();
    run.assert_code(1).assert_no_panic_text();
    let budget: Vec<Value> = notices(&report)
        .iter()
        .filter(|n| n["kind"] == "budget" && n["path"] == "slow.js")
        .cloned()
        .collect();
    assert_eq!(budget.len(), 1, "{}", run.describe());
    let message = budget[0]["message"].as_str().unwrap();
    assert!(message.contains("`redos` stopped early"), "{message}");
    let redos = findings(&report)
        .iter()
        .filter(|(rule, path, _)| rule == "redos" && path == "slow.js")
        .count();
    assert!(redos > 0 && redos < 3000, "{redos} redos findings");
    assert!(findings(&report).contains(&f("swallowed-crash", SIBLING, 1)));
    // A hang guard, far above the budget (the whole file takes many seconds).
    assert!(took < std::time::Duration::from_secs(60), "took {took:?}");
    // The budget is not an internal error.
    assert!(!run.stderr.contains("internal error"), "{}", run.describe());
}

#[test]
fn the_file_time_budget_must_be_a_positive_number_of_seconds() {
    let p = project_with_sibling();
    for bad in ["0", "-1", "NaN", "inf", "1e9"] {
        let run = p.check(&[&format!("--file-time-budget={bad}")]);
        run.assert_code(2);
        run.assert_one_line_error();
    }
}

/// The memory guard: past `--memory-budget` MiB of models, the files after
/// the one that passed it (in path order) are left out, with one notice
/// naming that file; the same file at any `--jobs`.
#[test]
fn the_memory_budget_stops_at_a_named_file() {
    let p = project_with_sibling();
    // Each module's model holds several hundred KiB.
    let module: String = (0..1500)
        .map(|k| format!("function f{k}(req, res) {{ const x{k} = req.query.a + '{k}'; return res.send(x{k}); }}\n"))
        .collect();
    for i in 0..8 {
        p.write(&format!("gen/m{i}.js"), &module);
    }
    let mut named = Vec::new();
    for jobs in ["1", "2"] {
        let (run, report) = p.check_json(&["--memory-budget", "2", "-j", jobs]);
        run.assert_exited_normally().assert_no_panic_text();
        let budget: Vec<Value> = notices(&report)
            .into_iter()
            .filter(|n| n["kind"] == "budget")
            .collect();
        assert_eq!(budget.len(), 1, "{}", run.describe());
        let message = budget[0]["message"].as_str().unwrap();
        assert!(message.contains("--memory-budget"), "{message}");
        let analysed = report["summary"]["analyzed"].as_u64().unwrap();
        assert!((1..9).contains(&analysed), "{}", run.describe());
        named.push((budget[0]["path"].clone(), analysed));
    }
    assert_eq!(named[0], named[1], "the guard depends on --jobs");
    // Without the flag, all of it is analysed.
    let (_, report) = p.check_json(&[]);
    assert_eq!(report["summary"]["analyzed"], 9);
    p.check(&["--memory-budget", "0"]).assert_code(2);
}
