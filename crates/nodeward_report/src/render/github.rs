//! `--format github`: GitHub Actions workflow commands, which the runner turns
//! into annotations on the pull request's diff.
//!
//! ```text
//! ::error file=src/db.js,line=4,endLine=4,col=13,endColumn=29,title=nodeward (sql-injection)::message
//! ```
//!
//! `col`/`endColumn` are left out when the span covers several lines, which
//! GitHub would reject. Columns count UTF-16 code units, as GitHub's web UI
//! does. Data is escaped per the workflow-command rules: `%`, CR and LF in the
//! message; those and `:` and `,` in property values. Text from the project
//! shows its other control characters as escapes (`render::terminal_line`).
//! GitHub shows only the first few annotations of each level per step; the
//! CLI keeps printing the full report beside them.

use std::io;

use super::{terminal_line, terminal_lines, Locator, Render};
use crate::finding::{Level, Span};
use crate::run::RunReport;

#[derive(Debug, Clone, Copy, Default)]
pub struct GithubRenderer;

impl Render for GithubRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        let locator = Locator::new(report);
        for f in &report.findings {
            // Text from the project shows its control characters as
            // escapes (the log interprets ANSI sequences); the one line
            // break is the annotation's own, between message and help.
            let mut message = terminal_line(&f.message).into_owned();
            if !f.help.is_empty() {
                message.push('\n');
                message.push_str(&terminal_line(&f.help));
            }
            let title = format!("nodeward ({})", f.rule_id);
            writeln!(
                out,
                "{}",
                command(
                    &locator,
                    f.level,
                    Some((&f.path, Some(f.span))),
                    &title,
                    &message
                )
            )?;
        }
        for n in &report.notices {
            let title = format!("nodeward: {}", n.kind.label());
            let place = n.path.as_deref().map(|p| (p, n.span));
            writeln!(
                out,
                "{}",
                command(
                    &locator,
                    n.kind.level(),
                    place,
                    &title,
                    &terminal_line(&n.message)
                )
            )?;
        }
        Ok(Vec::new())
    }
}

fn command(
    locator: &Locator<'_>,
    level: Level,
    place: Option<(&str, Option<Span>)>,
    title: &str,
    message: &str,
) -> String {
    let name = match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    };
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some((path, span)) = place {
        // A line break in a file name is the property escaping's (`%0A`,
        // which names the file); any other control character is escaped.
        props.push(("file", terminal_lines(&locator.shown(path)).into_owned()));
        if let Some((start, end)) = span.and_then(|s| locator.range(path, s)) {
            props.push(("line", start.line.to_string()));
            props.push(("endLine", end.line.to_string()));
            if start.line == end.line {
                props.push(("col", start.utf16_column.to_string()));
                props.push(("endColumn", end.utf16_column.to_string()));
            }
        }
    }
    props.push(("title", title.to_string()));
    let props: Vec<String> = props
        .into_iter()
        .map(|(k, v)| format!("{k}={}", escape_property(&v)))
        .collect();
    format!("::{name} {}::{}", props.join(","), escape_data(message))
}

/// Escaping of a command's message (`toCommandValue` + `escapeData` of
/// `@actions/core`).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a command property value (`escapeProperty` of `@actions/core`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(
            escape_data("50% of a\r\nb: c, d"),
            "50%25 of a%0D%0Ab: c, d"
        );
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
