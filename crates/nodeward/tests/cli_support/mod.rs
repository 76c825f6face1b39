//! Shared by the `cli_*` tests: the `nodeward` binary run as a process on a
//! throw-away project, in CI-like conditions (no terminal, no colour, no
//! inherited test hooks), with a time limit so that a hang fails the test
//! instead of stalling the suite.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// How long one run may take before the test fails as a hang.
pub const RUN_TIMEOUT: Duration = Duration::from_secs(180);

/// A file with an Express app created on line 2: one `x-powered-by` and one
/// `missing-helmet` finding, both on line 2.
pub const EXPRESS_APP: &str = "const express = require('express');
const app = express();
app.get('/', (req, res) => res.send('hello'));
app.listen(3000);
";

/// A file whose `process.on(` on line 1 swallows crashes: one
/// `swallowed-crash` finding on line 1.
pub const SWALLOWED_CRASH: &str = "process.on('uncaughtException', (err) => {
  console.error('oops', err);
});
";

/// A file with no finding.
pub const CLEAN: &str = "function add(a, b) {
  return a + b;
}
module.exports = { add };
";

/// The outcome of one run.
#[derive(Debug)]
pub struct Run {
    /// `None` when the process was killed by a signal (an abort, a stack
    /// overflow).
    pub code: Option<i32>,
    /// The signal that ended the process, on unix.
    pub signal: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    /// What was run, for failure messages.
    pub cmdline: String,
}

impl Run {
    /// Panics (with the whole output) unless the exit code is `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit code {code}\n{}",
            self.describe()
        );
        self
    }

    /// Panics unless the process exited normally with 0 or 1.
    #[track_caller]
    pub fn assert_exited_normally(&self) -> &Run {
        assert!(
            matches!(self.code, Some(0 | 1)),
            "expected a normal exit (0 or 1)\n{}",
            self.describe()
        );
        self
    }

    /// Panics unless stderr holds no text of a Rust panic or abort.
    #[track_caller]
    pub fn assert_no_panic_text(&self) -> &Run {
        for (name, text) in [("stdout", &self.stdout), ("stderr", &self.stderr)] {
            for bad in PANIC_TEXT {
                assert!(
                    !text.contains(bad),
                    "{name} contains panic text {bad:?}\n{}",
                    self.describe()
                );
            }
        }
        self
    }

    /// Exit 2 with exactly one line on stderr, `nodeward: error: …`, nothing
    /// on stdout and no panic text. Returns the line.
    #[track_caller]
    pub fn assert_one_line_error(&self) -> &str {
        self.assert_code(2).assert_no_panic_text();
        let lines: Vec<&str> = self
            .stderr
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        assert_eq!(
            lines.len(),
            1,
            "expected one line on stderr\n{}",
            self.describe()
        );
        assert!(
            lines[0].starts_with("nodeward: error: "),
            "the error line must start with `nodeward: error: `\n{}",
            self.describe()
        );
        assert!(
            self.stdout.trim().is_empty(),
            "nothing may go to stdout on an error\n{}",
            self.describe()
        );
        lines[0]
    }

    /// stdout parsed as JSON.
    #[track_caller]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", self.describe()))
    }

    pub fn describe(&self) -> String {
        format!(
            "command: {}\nexit code: {:?}, signal: {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmdline,
            self.code,
            self.signal,
            clip(&self.stdout),
            clip(&self.stderr)
        )
    }
}

/// Text that only a Rust panic, abort or stack overflow prints.
pub const PANIC_TEXT: &[&str] = &[
    "panicked at",
    "stack backtrace",
    "RUST_BACKTRACE",
    "has overflowed its stack",
    "fatal runtime error",
];

fn clip(s: &str) -> String {
    const MAX: usize = 6000;
    if s.len() <= MAX {
        return s.to_string();
    }
    let mut cut = MAX;
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}… ({} bytes in all)", &s[..cut], s.len())
}

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_nodeward")
}

/// Runs `nodeward ARGS` in `cwd`.
pub fn nodeward(cwd: &Path, args: &[&str]) -> Run {
    nodeward_env(cwd, args, &[])
}

/// Runs `nodeward ARGS` in `cwd` with extra environment variables.
pub fn nodeward_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // CI-like: whatever the developer's shell has set must not leak in.
        .env_remove("NODEWARD_TEST_PANIC")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LIB_BACKTRACE")
        .env_remove("GITHUB_WORKSPACE")
        .env("CI", "true");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let cmdline = format!(
        "{}nodeward {} (in {})",
        env.iter()
            .map(|(k, v)| format!("{k}={v} "))
            .collect::<String>(),
        args.join(" "),
        cwd.display()
    );
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin()));
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for nodeward") {
            break status;
        }
        if start.elapsed() > RUN_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmdline} did not finish within {RUN_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Run {
        code: status.code(),
        signal,
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
        cmdline,
    }
}

/// A throw-away project: a temporary folder marked as a Git repository (so
/// that it is the project root whatever is above it), removed on drop.
pub struct Project {
    dir: tempfile::TempDir,
}

impl Default for Project {
    fn default() -> Self {
        Project::new()
    }
}

impl Project {
    pub fn new() -> Project {
        // Not the default `.tmpXXXX`: a hidden root would be a different test.
        let dir = tempfile::Builder::new()
            .prefix("nodeward-cli-")
            .tempdir()
            .expect("temporary folder");
        std::fs::create_dir(dir.path().join(".git")).unwrap();
        Project { dir }
    }

    /// The project's folder (canonical, so that it can be looked for in the
    /// output).
    pub fn path(&self) -> PathBuf {
        self.dir.path().canonicalize().unwrap()
    }

    /// Writes `rel` (creating its folders) and returns its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(rel)).unwrap()
    }

    /// Runs `nodeward check --no-color ARGS` in the project folder.
    pub fn check(&self, args: &[&str]) -> Run {
        let mut all = vec!["check", "--no-color"];
        all.extend_from_slice(args);
        nodeward(self.dir.path(), &all)
    }

    /// Like [`Project::check`], with extra environment variables.
    pub fn check_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut all = vec!["check", "--no-color"];
        all.extend_from_slice(args);
        nodeward_env(self.dir.path(), &all, env)
    }

    /// `nodeward check --no-color -f json ARGS`, parsed.
    pub fn check_json(&self, args: &[&str]) -> (Run, Value) {
        let mut all = vec!["-f", "json"];
        all.extend_from_slice(args);
        let run = self.check(&all);
        let value = run.json();
        (run, value)
    }
}

/// `(rule, path, start line)` of every finding of a JSON report.
pub fn findings(report: &Value) -> Vec<(String, String, u64)> {
    report["findings"]
        .as_array()
        .expect("`findings` is an array")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().expect("rule").to_string(),
                f["path"].as_str().expect("path").to_string(),
                f["start"]["line"].as_u64().expect("start.line"),
            )
        })
        .collect()
}

/// Shorthand for building the expected value of [`findings`].
pub fn f(rule: &str, path: &str, line: u64) -> (String, String, u64) {
    (rule.to_string(), path.to_string(), line)
}

/// The notices of a JSON report.
pub fn notices(report: &Value) -> Vec<Value> {
    report["notices"]
        .as_array()
        .expect("`notices` is an array")
        .clone()
}

/// The notices of a given kind about a given path.
pub fn notices_for<'a>(report: &'a Value, kind: &str, path: &str) -> Vec<&'a Value> {
    report["notices"]
        .as_array()
        .expect("`notices` is an array")
        .iter()
        .filter(|n| n["kind"] == kind && n["path"] == path)
        .collect()
}

/// The SARIF schema check, or `None` (with a message) when the schema is not
/// available on this machine.
pub fn validate_sarif(value: &Value, what: &str) -> Option<()> {
    use nodeward_report::schema_check::{validate_sarif_against_schema, SchemaCheckError};
    match validate_sarif_against_schema(value) {
        Ok(()) => Some(()),
        Err(SchemaCheckError::SchemaMissing { path }) => {
            eprintln!(
                "skipping the SARIF schema check of {what}: no schema at {}",
                path.display()
            );
            None
        }
        Err(e) => panic!("{what}: {e}"),
    }
}
