//! `--format junit`: a JUnit XML report, for CI systems that show test
//! results (GitLab, Jenkins, Azure Pipelines), in the shape of eslint's junit
//! formatter: one `<testsuite>` per file with findings, one failing
//! `<testcase>` per finding (named by rule and position, its message as the
//! failure), and, when nothing was found, one passing test case so that the
//! report is never empty. Notices are not test results and are left out.
//!
//! Text from the project is escaped for XML, its control characters and bidi
//! overrides shown as `\x1b`-style escapes, as in the terminal.

use std::fmt::Write as _;
use std::io;

use super::{terminal_line, Locator, Render};
use crate::finding::Finding;
use crate::run::RunReport;

#[derive(Debug, Clone, Copy, Default)]
pub struct JunitRenderer;

/// `text` escaped for an XML attribute or element. Control characters and
/// bidi overrides are escaped first, as in the terminal (a JUnit report is
/// read in CI systems' web views); what is left is XML's own escaping, and
/// the two non-characters XML 1.0 cannot carry.
fn xml(text: &str) -> String {
    let text = terminal_line(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\u{fffe}' | '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

impl Render for JunitRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        let locator = Locator::new(report);
        writeln!(out, r#"<?xml version="1.0" encoding="utf-8"?>"#)?;
        let total = report.findings.len();
        writeln!(
            out,
            r#"<testsuites name="nodeward" tests="{}" failures="{total}">"#,
            total.max(1)
        )?;
        if total == 0 {
            writeln!(
                out,
                r#"  <testsuite name="nodeward" tests="1" failures="0" errors="0">"#
            )?;
            writeln!(
                out,
                r#"    <testcase name="nodeward check" classname="nodeward"/>"#
            )?;
            writeln!(out, "  </testsuite>")?;
        }
        // Findings are sorted by path, so each file's are adjacent.
        for group in report.findings.chunk_by(|a, b| a.path == b.path) {
            let path = xml(&locator.shown(&group[0].path));
            writeln!(
                out,
                r#"  <testsuite name="{path}" tests="{n}" failures="{n}" errors="0">"#,
                n = group.len()
            )?;
            for f in group {
                write_case(out, &locator, f, &path)?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")?;
        Ok(Vec::new())
    }
}

fn write_case(
    out: &mut dyn io::Write,
    locator: &Locator,
    f: &Finding,
    path: &str,
) -> io::Result<()> {
    let (start, _) = locator.range_or_start(&f.path, f.span);
    let message = xml(&f.message);
    writeln!(
        out,
        r#"    <testcase name="{rule} at {path}:{line}:{col}" classname="{path}">"#,
        rule = f.rule_id,
        line = start.line,
        col = start.column
    )?;
    writeln!(
        out,
        r#"      <failure message="{message}" type="{rule}">{level}[{rule}] {path}:{line}:{col}: {message}&#10;help: {help}</failure>"#,
        rule = f.rule_id,
        level = f.level.as_str(),
        line = start.line,
        col = start.column,
        help = xml(&f.help)
    )?;
    writeln!(out, "    </testcase>")
}
