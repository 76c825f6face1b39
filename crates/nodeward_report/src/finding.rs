//! One finding: what a rule reports, with its evidence.

use serde::Serialize;

/// Severity of a finding, also the `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Level> {
        match s {
            "note" => Some(Level::Note),
            "warning" => Some(Level::Warning),
            "error" => Some(Level::Error),
            _ => None,
        }
    }
}

/// A byte range in one file's source text (UTF-8 offsets, end exclusive).
/// Lines and columns are computed only when a renderer needs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: u32, end: u32) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }
}

/// A secondary location: where the tainted value came from, the gate found, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    /// Project-relative path with `/` separators.
    pub path: String,
    pub span: Span,
    pub message: String,
}

/// One step of a source-to-sink flow (SARIF `codeFlows`).
pub type FlowStep = Related;

/// A replacement that fixes a finding, for `--fix`, `--diff` and SARIF
/// `fixes`: only where it is mechanical and was checked (a ReDoS rewrite
/// that matches the same strings). It may be in another file than the
/// finding (a polynomial regex reported at the call, defined elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the replacement does, one sentence.
    pub description: String,
    /// Project-relative path with `/` separators.
    pub path: String,
    pub span: Span,
    /// The text the span holds now: a fix is applied only where it still does.
    pub original: String,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule_id: &'static str,
    pub level: Level,
    /// Project-relative path with `/` separators.
    pub path: String,
    /// The primary location: the code a reader would fix.
    pub span: Span,
    /// What is wrong, naming the sink and the source.
    pub message: String,
    /// How to fix it.
    pub help: String,
    pub related: Vec<Related>,
    /// Source-to-sink steps, in order; empty for rules without a flow.
    pub flow: Vec<FlowStep>,
    /// Rule-specific evidence (e.g. the ReDoS attack string), copied into
    /// SARIF `properties` and JSON output.
    pub properties: serde_json::Map<String, serde_json::Value>,
    /// What the finding is about when its code text does not say it (a
    /// vulnerable package's `name@version advisory` at a lockfile key):
    /// hashed into the fingerprint instead of the text, and part of what
    /// makes two findings at one span different.
    #[serde(skip)]
    pub identity: Option<String>,
    /// A short label for the primary location, shown under the code in
    /// the terminal; text for people, so not part of JSON or SARIF.
    #[serde(skip)]
    pub label: Option<String>,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(
        rule_id: &'static str,
        level: Level,
        path: impl Into<String>,
        span: Span,
    ) -> Finding {
        Finding {
            rule_id,
            level,
            path: path.into(),
            span,
            message: String::new(),
            help: String::new(),
            related: Vec::new(),
            flow: Vec::new(),
            properties: serde_json::Map::new(),
            identity: None,
            label: None,
            fix: None,
        }
    }

    /// Sets a short label for the primary location (a few words such as
    /// "query object built from client data"), shown under the code in the
    /// terminal report (not in machine-readable output).
    pub fn with_label(mut self, label: impl Into<String>) -> Finding {
        self.label = Some(label.into());
        self
    }

    /// The short label set by [`Finding::with_label`].
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The order every output uses: path, position, rule, message.
    pub fn sort_key(&self) -> (&str, u32, u32, &str, &str) {
        (
            &self.path,
            self.span.start,
            self.span.end,
            self.rule_id,
            &self.message,
        )
    }
}
