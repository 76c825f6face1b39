//! The terminal report: one miette diagnostic per finding, with the code
//! around it. Notices and the run's summary are not part of it: the CLI
//! prints [`notices_text`] and [`summary_text`] on stderr, so that the report
//! itself can be piped.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::sync::Arc;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, Severity, SourceCode, SourceSpan, SpanContents, ThemeCharacters,
    ThemeStyles,
};

use super::escape::ShownSource;
use super::{line_start_path, plural, terminal_line, terminal_lines, LevelCounts, Locator, Render};
use crate::finding::{Finding, Level, Span};
use crate::line_index::LineIndex;
use crate::run::{RunReport, Summary};

/// How the terminal report looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HumanOptions {
    /// ANSI colours (off when not writing to a terminal or `NO_COLOR` is set).
    pub color: bool,
    /// Box-drawing characters; ASCII art when false.
    pub unicode: bool,
    /// Columns to wrap messages at; fixed in tests so output is deterministic.
    pub width: usize,
}

impl Default for HumanOptions {
    fn default() -> Self {
        HumanOptions {
            color: false,
            unicode: true,
            width: 100,
        }
    }
}

#[derive(Debug, Clone)]
pub struct HumanRenderer {
    options: HumanOptions,
}

impl HumanRenderer {
    pub fn new(options: HumanOptions) -> HumanRenderer {
        HumanRenderer { options }
    }

    fn handler(&self) -> GraphicalReportHandler {
        let theme = GraphicalTheme {
            characters: if self.options.unicode {
                ThemeCharacters::unicode()
            } else {
                ThemeCharacters::ascii()
            },
            styles: if self.options.color {
                ThemeStyles::ansi()
            } else {
                ThemeStyles::none()
            },
        };
        GraphicalReportHandler::new_themed(theme)
            .with_width(self.options.width)
            // The rule's docs URL printed as text after the code: terminal
            // hyperlink escapes would garble logs and pipes.
            .with_links(false)
            .with_context_lines(1)
    }
}

impl Render for HumanRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        let locator = Locator::new(report);
        let handler = self.handler();
        // One line index per file, however many findings it has.
        let mut files = HashMap::new();
        for finding in &report.findings {
            let diagnostic = FindingDiagnostic::new(report, finding, &mut files);
            let mut text = String::new();
            if handler.render_report(&mut text, &diagnostic).is_err() {
                // One finding miette cannot draw must not cost the others:
                // fall back to a plain line.
                text = terminal_lines(&plain_line(&locator, finding)).into_owned();
            }
            text.push_str(&terminal_lines(&notes(&locator, finding)));
            writeln!(out, "{}", text.trim_end())?;
            writeln!(out)?;
        }
        Ok(Vec::new())
    }
}

/// The notices of a run, one line each (`path:line:col: kind: message`).
/// The CLI prints them on stderr, before the summary, so that standard
/// output holds only findings.
pub fn notices_text(report: &RunReport) -> String {
    let locator = Locator::new(report);
    let mut text = String::new();
    for notice in &report.notices {
        let place = match (&notice.path, notice.span) {
            (Some(path), Some(span)) => match locator.range(path, span) {
                Some((start, _)) => {
                    format!(
                        "{}:{}:{}: ",
                        line_start_path(&locator.shown(path)),
                        start.line,
                        start.column
                    )
                }
                None => format!("{}: ", line_start_path(&locator.shown(path))),
            },
            (Some(path), None) => format!("{}: ", line_start_path(&locator.shown(path))),
            (None, _) => String::new(),
        };
        text.push_str(&format!(
            "{place}{}: {}\n",
            notice.kind.label(),
            terminal_line(&notice.message)
        ));
    }
    text
}

/// `path:line:col: level[rule]: message` and the help, without a snippet.
fn plain_line(locator: &Locator<'_>, finding: &Finding) -> String {
    let shown = locator.shown(&finding.path);
    let path = line_start_path(&shown);
    let place = match locator.range(&finding.path, finding.span) {
        Some((start, _)) => format!("{path}:{}:{}", start.line, start.column),
        None => path.into_owned(),
    };
    let mut text = format!(
        "{place}: {}[{}]: {}\n",
        finding.level.as_str(),
        finding.rule_id,
        terminal_line(&finding.message)
    );
    if !finding.help.is_empty() {
        text.push_str(&format!("  help: {}\n", terminal_line(&finding.help)));
    }
    text
}

/// The lines after the snippet: related locations in other files, and the
/// steps of a flow, each as `path:line:col`.
fn notes(locator: &Locator<'_>, finding: &Finding) -> String {
    let at = |path: &str, span: Span| {
        let shown = locator.shown(path);
        let shown = terminal_line(&shown);
        match locator.range(path, span) {
            Some((start, _)) => format!("{shown}:{}:{}", start.line, start.column),
            None => shown.into_owned(),
        }
    };
    let mut text = String::new();
    if locator.text(&finding.path).is_none() {
        // No snippet, so no header naming the file: name it here.
        text.push_str(&format!(
            "  at: {}\n",
            terminal_line(&locator.shown(&finding.path))
        ));
    }
    for r in finding.related.iter().filter(|r| r.path != finding.path) {
        text.push_str(&format!(
            "  note: {} ({})\n",
            terminal_line(&r.message),
            at(&r.path, r.span)
        ));
    }
    if !finding.flow.is_empty() {
        text.push_str("  flow:\n");
        for (i, step) in finding.flow.iter().enumerate() {
            text.push_str(&format!(
                "    {}. {}: {}\n",
                i + 1,
                at(&step.path, step.span),
                terminal_line(&step.message)
            ));
        }
    }
    text
}

/// One finding as miette sees it.
#[derive(Debug)]
struct FindingDiagnostic {
    message: String,
    /// `warning[x-powered-by]`: the level spelled out, then the rule (the
    /// icon alone does not say it, and it is lost without colours).
    code: String,
    severity: Severity,
    help: Option<String>,
    url: Option<String>,
    source: Option<Arc<FileSource>>,
    labels: Vec<LabeledSpan>,
}

impl FindingDiagnostic {
    fn new(
        report: &RunReport,
        finding: &Finding,
        files: &mut HashMap<String, Arc<FileSource>>,
    ) -> FindingDiagnostic {
        let rule = report.rules.iter().find(|r| r.id == finding.rule_id);
        let source = report.sources.get(&finding.path).map(|t| {
            let file = files.entry(finding.path.clone()).or_insert_with(|| {
                let shown = report.shown_path(&finding.path);
                Arc::new(FileSource::new(&shown, Arc::clone(t)))
            });
            Arc::clone(file)
        });
        let mut labels = Vec::new();
        if let Some(file) = &source {
            let label = finding
                .label()
                .map(str::to_string)
                .or_else(|| rule.map(|r| r.summary.to_string()));
            labels.push(LabeledSpan::new_primary_with_span(
                label.map(|l| terminal_line(&l).into_owned()),
                file.span(finding.span),
            ));
            for r in finding.related.iter().filter(|r| r.path == finding.path) {
                labels.push(LabeledSpan::new_with_span(
                    Some(terminal_line(&r.message).into_owned()),
                    file.span(r.span),
                ));
            }
        }
        FindingDiagnostic {
            message: if finding.message.is_empty() {
                rule.map_or_else(|| finding.rule_id.to_string(), |r| r.summary.to_string())
            } else {
                terminal_line(&finding.message).into_owned()
            },
            code: format!("{}[{}]", finding.level.as_str(), finding.rule_id),
            severity: match finding.level {
                Level::Error => Severity::Error,
                Level::Warning => Severity::Warning,
                Level::Note => Severity::Advice,
            },
            help: (!finding.help.is_empty()).then(|| terminal_line(&finding.help).into_owned()),
            url: rule.map(|r| r.help_uri()),
            source,
            labels,
        }
    }
}

/// A named file whose `path:line:col` header counts columns in characters,
/// as every other place in the report does (miette's own count is in bytes,
/// which is off after non-ASCII text).
/// Its text is shown escaped (`ShownSource`): spans are mapped into it.
#[derive(Debug)]
struct FileSource {
    name: String,
    source: Arc<str>,
    shown: ShownSource,
    lines: LineIndex,
}

impl FileSource {
    fn new(name: &str, source: Arc<str>) -> FileSource {
        FileSource {
            name: terminal_line(name).into_owned(),
            lines: LineIndex::new(&source),
            shown: ShownSource::new(&source),
            source,
        }
    }

    /// The span of the shown text that marks `span` of the source.
    fn span(&self, span: Span) -> SourceSpan {
        let s = source_span(&self.source, span);
        let start = self.shown.shown(s.offset() as u32) as usize;
        let end = self.shown.shown((s.offset() + s.len()) as u32) as usize;
        SourceSpan::new(start.into(), end.max(start) - start)
    }
}

impl SourceCode for FileSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .shown
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // With context lines the contents start at a line start (column 0);
        // without, they start at the span, whose column is recomputed (in
        // the source, not in its escaped text).
        let column = if context_lines_before == 0 {
            let offset = u32::try_from(inner.span().offset()).unwrap_or(u32::MAX);
            let offset = self.shown.source(offset);
            self.lines.position(&self.source, offset).column as usize - 1
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )))
    }
}

/// A byte span miette can slice: inside the text, on char boundaries.
fn source_span(text: &str, span: Span) -> SourceSpan {
    let floor = |i: u32| {
        let mut i = (i as usize).min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    SourceSpan::new(start.into(), end - start)
}

impl fmt::Display for FindingDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for FindingDiagnostic {}

impl Diagnostic for FindingDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.code))
    }

    fn severity(&self) -> Option<Severity> {
        Some(self.severity)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url
            .as_ref()
            .map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.labels.is_empty() {
            None
        } else {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
}

/// The end-of-run summary the CLI prints on stderr, e.g.
///
/// ```text
/// Analysed 41 files; skipped 2 (too large: 1, minified: 1); 1 failed to parse.
/// Found 3 findings: 1 error, 2 warnings. 4 suppressed inline, 7 in the baseline.
/// ```
///
/// `findings` are the findings reported (after suppressions and baseline).
pub fn summary_text(summary: &Summary, findings: &[Finding]) -> String {
    let mut first = vec![format!(
        "Analysed {}",
        plural(summary.analyzed, "file", "files")
    )];
    let skipped: usize = summary.skipped.values().sum();
    if skipped > 0 {
        let reasons: Vec<String> = summary
            .skipped
            .iter()
            .map(|(r, n)| format!("{}: {n}", r.as_str()))
            .collect();
        first.push(format!("skipped {skipped} ({})", reasons.join(", ")));
    }
    if summary.parse_errors > 0 {
        first.push(if summary.flow_parse_errors > 0 {
            format!(
                "{} failed to parse ({} of them Flow files with Flow-only type syntax)",
                summary.parse_errors, summary.flow_parse_errors
            )
        } else {
            format!("{} failed to parse", summary.parse_errors)
        });
    }
    if summary.client_files > 0 {
        first.push(format!(
            "{} served as static files (client code, left out of the server rules)",
            plural(summary.client_files, "file", "files")
        ));
    }
    if summary.panicked > 0 {
        first.push(format!(
            "{} hit an internal error (please report it)",
            summary.panicked
        ));
    }

    let counts = LevelCounts::of(findings);
    let mut second = if counts.total() == 0 {
        "No findings.".to_string()
    } else {
        let by_level: Vec<String> = [
            (counts.error, "error", "errors"),
            (counts.warning, "warning", "warnings"),
            (counts.note, "note", "notes"),
        ]
        .into_iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, one, many)| plural(n, one, many))
        .collect();
        format!(
            "Found {}: {}.",
            plural(counts.total(), "finding", "findings"),
            by_level.join(", ")
        )
    };
    let mut hidden = Vec::new();
    if summary.suppressed > 0 {
        hidden.push(format!("{} suppressed inline", summary.suppressed));
    }
    if summary.baselined > 0 {
        hidden.push(format!("{} in the baseline", summary.baselined));
    }
    if !hidden.is_empty() {
        second.push_str(&format!(" {}.", capitalize(&hidden.join(", "))));
    }
    let mut out = format!("{}.\n{second}\n", first.join("; "));
    if let Some(deps) = &summary.dependencies {
        out.push_str(&deps_line(deps));
        out.push('\n');
    }
    out
}

/// `Checked 2 lockfiles (431 packages) against 33 advisories (newest
/// 2024-10-04, 790 days old).`
fn deps_line(deps: &crate::run::DepsSummary) -> String {
    let packages: usize = deps.lockfiles.iter().map(|l| l.packages).sum();
    let locks = format!(
        "{} ({})",
        plural(deps.lockfiles.len(), "lockfile", "lockfiles"),
        plural(packages, "package", "packages")
    );
    match &deps.advisories {
        None => format!("Found {locks}; not checked: no advisory database."),
        Some(a) => {
            let age = match (&a.newest_modified, a.age_days) {
                (Some(date), Some(days)) => format!(
                    " (newest {}, {} old)",
                    terminal_line(date.get(..10).unwrap_or(date)),
                    plural(days as usize, "day", "days")
                ),
                _ => String::new(),
            };
            format!(
                "Checked {locks} against {}{age}.",
                plural(a.count, "advisory", "advisories")
            )
        }
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notice::SkipReason;

    #[test]
    fn a_finding_whose_source_is_missing_still_names_its_file() {
        let mut f = Finding::new(
            "redos",
            Level::Warning,
            "package-lock.json",
            Span::new(10, 20),
        );
        f.message = "lodash 4.17.20 has a published advisory".into();
        let report = RunReport {
            findings: vec![f],
            ..RunReport::default()
        };
        let (text, _) = HumanRenderer::new(HumanOptions::default()).render_to_string(&report);
        assert!(
            text.contains("lodash 4.17.20 has a published advisory"),
            "{text}"
        );
        assert!(text.contains("at: package-lock.json"), "{text}");
    }

    #[test]
    fn summary_lists_what_happened() {
        let mut summary = Summary {
            analyzed: 41,
            ..Summary::default()
        };
        summary.skipped.insert(SkipReason::TooLarge, 1);
        summary.skipped.insert(SkipReason::Minified, 1);
        summary.parse_errors = 1;
        summary.suppressed = 4;
        summary.baselined = 7;
        let mut findings = vec![Finding::new("a", Level::Error, "a.js", Span::new(0, 1))];
        findings.push(Finding::new("a", Level::Warning, "a.js", Span::new(0, 1)));
        findings.push(Finding::new("a", Level::Warning, "a.js", Span::new(0, 1)));
        assert_eq!(
            summary_text(&summary, &findings),
            "Analysed 41 files; skipped 2 (too large: 1, minified: 1); 1 failed to parse.\n\
             Found 3 findings: 1 error, 2 warnings. 4 suppressed inline, 7 in the baseline.\n"
        );
        let summary = Summary {
            analyzed: 1,
            panicked: 1,
            ..Summary::default()
        };
        assert_eq!(
            summary_text(&summary, &[]),
            "Analysed 1 file; 1 hit an internal error (please report it).\nNo findings.\n"
        );
    }
}
