//! The output formats, one file each, behind one trait.
//!
//! Every renderer receives the finished [`RunReport`] (findings and notices
//! already sorted) and writes the whole output; lines and columns are
//! computed here, from the byte spans and the sources.

pub mod concise;
mod escape;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use std::collections::BTreeMap;
use std::io;

use crate::finding::{Finding, Level, Span};
use crate::line_index::{LineIndex, Position};
use crate::run::RunReport;

pub use concise::ConciseRenderer;
pub use escape::{line_start_path, terminal_line, terminal_lines};
pub use github::GithubRenderer;
pub use gitlab::GitlabRenderer;
pub use human::{notices_text, summary_text, HumanOptions, HumanRenderer};
pub use json::JsonRenderer;
pub use junit::JunitRenderer;
pub use sarif::{SarifOptions, SarifRenderer};

/// One output format.
pub trait Render {
    /// Writes the output for one run. Returns warnings for the CLI to print on
    /// stderr (e.g. more SARIF results than GitHub keeps); they are never part
    /// of the output itself.
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>>;

    /// The output as a string, with the warnings.
    fn render_to_string(&self, report: &RunReport) -> (String, Vec<String>) {
        let mut buf = Vec::new();
        let warnings = self
            .render(report, &mut buf)
            .expect("writing to a Vec cannot fail");
        (
            String::from_utf8(buf).expect("renderers write UTF-8"),
            warnings,
        )
    }
}

/// The values of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
        Format::Gitlab,
        Format::Junit,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Concise => "concise",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Github => "github",
            Format::Gitlab => "gitlab",
            Format::Junit => "junit",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// Options of all renderers, so that the CLI can build any of them.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub human: HumanOptions,
    pub sarif: SarifOptions,
}

/// The renderer for `format`.
pub fn renderer(format: Format, options: &RenderOptions) -> Box<dyn Render> {
    match format {
        Format::Human => Box::new(HumanRenderer::new(options.human.clone())),
        Format::Concise => Box::new(ConciseRenderer),
        Format::Json => Box::new(JsonRenderer),
        Format::Sarif => Box::new(SarifRenderer::new(options.sarif.clone())),
        Format::Github => Box::new(GithubRenderer),
        Format::Gitlab => Box::new(GitlabRenderer),
        Format::Junit => Box::new(JunitRenderer),
    }
}

/// Line indexes of every source of a run, built once per render, and the
/// paths as the reader sees them.
pub(crate) struct Locator<'r> {
    files: BTreeMap<&'r str, (&'r str, LineIndex)>,
    report: &'r RunReport,
}

impl<'r> Locator<'r> {
    pub(crate) fn new(report: &'r RunReport) -> Locator<'r> {
        let files = report
            .sources
            .iter()
            .map(|(path, text)| (path.as_str(), (&**text, LineIndex::new(text))))
            .collect();
        Locator { files, report }
    }

    /// A root-relative `path` as the reader sees it ([`RunReport::shown_path`]).
    pub(crate) fn shown<'p>(&self, path: &'p str) -> std::borrow::Cow<'p, str> {
        self.report.shown_path(path)
    }

    /// Start and end-exclusive end of `span` in `path`, when its text is known.
    pub(crate) fn range(&self, path: &str, span: Span) -> Option<(Position, Position)> {
        let (text, index) = self.files.get(path)?;
        Some(index.range(text, span))
    }

    /// Like [`Locator::range`], with line 1, column 1 for a file whose text is
    /// not in the report: every region needs a position, and the start of the
    /// file is the only honest one.
    pub(crate) fn range_or_start(&self, path: &str, span: Span) -> (Position, Position) {
        self.range(path, span).unwrap_or({
            let start = Position {
                line: 1,
                column: 1,
                utf16_column: 1,
            };
            (start, start)
        })
    }

    pub(crate) fn text(&self, path: &str) -> Option<&'r str> {
        self.files.get(path).map(|(t, _)| *t)
    }
}

/// Number of findings at each level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelCounts {
    pub error: usize,
    pub warning: usize,
    pub note: usize,
}

impl LevelCounts {
    pub fn of(findings: &[Finding]) -> LevelCounts {
        let mut c = LevelCounts::default();
        for f in findings {
            match f.level {
                Level::Error => c.error += 1,
                Level::Warning => c.warning += 1,
                Level::Note => c.note += 1,
            }
        }
        c
    }

    pub fn total(&self) -> usize {
        self.error + self.warning + self.note
    }
}

/// `value` with every object's keys in sorted order, whichever map type
/// serde_json was built with, so that output does not depend on its features.
pub(crate) fn canonical(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, canonical(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(canonical).collect()),
        other => other,
    }
}

/// `n thing` or `n things`.
pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
