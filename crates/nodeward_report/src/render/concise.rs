//! `--format concise`: one line per finding, as ruff's and oxlint's compact
//! formats print them, for editors' problem matchers and `grep`:
//!
//! ```text
//! src/db.js:4:13: error sql-injection `req.query.id` is written into the SQL text of …
//! ```
//!
//! Columns are 1-based and count characters (as the human report does).
//! Text from the project shows its control characters as escapes, and a path
//! that would start a line with `::` is written `./path`, so that no line can
//! act as a workflow command. Notices follow, one line each.

use std::io;

use super::{line_start_path, terminal_line, Locator, Render};
use crate::run::RunReport;

#[derive(Debug, Clone, Copy, Default)]
pub struct ConciseRenderer;

impl Render for ConciseRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        let locator = Locator::new(report);
        for f in &report.findings {
            let (start, _) = locator.range_or_start(&f.path, f.span);
            writeln!(
                out,
                "{}:{}:{}: {} {} {}",
                terminal_line(&line_start_path(&locator.shown(&f.path))),
                start.line,
                start.column,
                f.level.as_str(),
                f.rule_id,
                terminal_line(&f.message)
            )?;
        }
        for n in &report.notices {
            let place = match (&n.path, n.span) {
                (Some(p), Some(span)) => {
                    let (start, _) = locator.range_or_start(p, span);
                    format!(
                        "{}:{}:{}",
                        terminal_line(&line_start_path(&locator.shown(p))),
                        start.line,
                        start.column
                    )
                }
                (Some(p), None) => terminal_line(&line_start_path(&locator.shown(p))).into_owned(),
                (None, _) => "nodeward".into(),
            };
            writeln!(
                out,
                "{place}: {} {} {}",
                n.kind.level().as_str(),
                n.kind.label(),
                terminal_line(&n.message)
            )?;
        }
        Ok(Vec::new())
    }
}
