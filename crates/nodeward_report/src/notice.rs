//! Notices: everything that is not a finding but that a user must see —
//! a file skipped or failed, a bad suppression, a stale baseline entry.

use serde::Serialize;

use crate::finding::{Level, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipReason {
    TooLarge,
    TooDeep,
    NotUtf8,
    Binary,
    Minified,
    Unreadable,
    SymlinkLoop,
    /// A symbolic link that leads out of the analysed folders.
    OutsideRoot,
    /// A file named on the command line that is no JavaScript, TypeScript
    /// or lockfile (`package.json`).
    NotSource,
}

impl SkipReason {
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::TooLarge => "too large",
            SkipReason::TooDeep => "nesting too deep",
            SkipReason::NotUtf8 => "not UTF-8",
            SkipReason::Binary => "binary",
            SkipReason::Minified => "minified",
            SkipReason::Unreadable => "unreadable",
            SkipReason::SymlinkLoop => "symlink loop",
            SkipReason::OutsideRoot => "link outside",
            SkipReason::NotSource => "not a source file",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "reason")]
pub enum NoticeKind {
    /// The file was not analysed.
    Skipped(SkipReason),
    /// The file has a syntax error; it was not analysed.
    ParseError,
    /// Analysing the file panicked; its results are lost, the run exits 2.
    Panic,
    /// A suppression names a rule that does not exist.
    UnknownRule,
    /// A suppression matched no finding.
    UnusedSuppression,
    /// A comment starting with `nodeward-ignore` that is not a valid
    /// directive (unknown form, or no rule named).
    InvalidSuppression,
    /// A baseline entry matched no finding.
    StaleBaseline,
    /// An analysis gave up on a budget (e.g. a regex too large to decide).
    Budget,
    /// A lockfile that could not be read; its packages were not checked.
    Lockfile,
    /// The advisory database: a file in it that is no advisory, or the
    /// whole database older than the configured age.
    Advisories,
    /// Lockfiles were found but no advisory database was given.
    NoAdvisories,
    /// A tsconfig.json or package.json that could not be read: imports
    /// through its `paths` or its package name are not resolved.
    ModuleConfig,
    /// A nested configuration file sets a key that only the run's own
    /// configuration sets (`fail-on`, `models`, ...): it is ignored.
    ConfigKey,
}

impl NoticeKind {
    /// Stable kebab-case id (JSON `kind`, SARIF notification descriptor id).
    pub fn id(&self) -> &'static str {
        match self {
            NoticeKind::Skipped(_) => "skipped",
            NoticeKind::ParseError => "parse-error",
            NoticeKind::Panic => "panic",
            NoticeKind::UnknownRule => "unknown-rule",
            NoticeKind::UnusedSuppression => "unused-suppression",
            NoticeKind::InvalidSuppression => "invalid-suppression",
            NoticeKind::StaleBaseline => "stale-baseline",
            NoticeKind::Budget => "budget",
            NoticeKind::Lockfile => "lockfile",
            NoticeKind::Advisories => "advisories",
            NoticeKind::NoAdvisories => "no-advisories",
            NoticeKind::ModuleConfig => "module-config",
            NoticeKind::ConfigKey => "config-key",
        }
    }

    /// A few words for people: `skipped (too large)`, `parse error`, ...
    pub fn label(&self) -> String {
        match self {
            NoticeKind::Skipped(reason) => format!("skipped ({})", reason.as_str()),
            NoticeKind::ParseError => "parse error".into(),
            NoticeKind::Panic => "internal error".into(),
            NoticeKind::UnknownRule => "unknown rule".into(),
            NoticeKind::UnusedSuppression => "unused suppression".into(),
            NoticeKind::InvalidSuppression => "invalid suppression".into(),
            NoticeKind::StaleBaseline => "stale baseline entry".into(),
            NoticeKind::Budget => "analysis budget".into(),
            NoticeKind::Lockfile => "lockfile not read".into(),
            NoticeKind::Advisories => "advisory database".into(),
            NoticeKind::NoAdvisories => "no advisory database".into(),
            NoticeKind::ModuleConfig => "module configuration not read".into(),
            NoticeKind::ConfigKey => "configuration key ignored".into(),
        }
    }

    /// How loudly outputs report it: an error when analysis of a file failed,
    /// a warning when something was not analysed or a directive is wrong, a
    /// note for leftovers to clean up.
    pub fn level(&self) -> Level {
        match self {
            NoticeKind::ParseError | NoticeKind::Panic => Level::Error,
            NoticeKind::Skipped(_)
            | NoticeKind::UnknownRule
            | NoticeKind::InvalidSuppression
            | NoticeKind::Budget
            | NoticeKind::Lockfile
            | NoticeKind::ModuleConfig
            | NoticeKind::ConfigKey
            | NoticeKind::Advisories => Level::Warning,
            NoticeKind::UnusedSuppression
            | NoticeKind::StaleBaseline
            | NoticeKind::NoAdvisories => Level::Note,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// Project-relative path, when the notice is about one file.
    pub path: Option<String>,
    pub span: Option<Span>,
    pub message: String,
}

impl Notice {
    pub fn for_file(
        kind: NoticeKind,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Notice {
        Notice {
            kind,
            path: Some(path.into()),
            span: None,
            message: message.into(),
        }
    }

    /// A notice about the run or the project as a whole, not one file.
    pub fn project(kind: NoticeKind, message: impl Into<String>) -> Notice {
        Notice {
            kind,
            path: None,
            span: None,
            message: message.into(),
        }
    }

    /// A notice about one place in a file.
    pub fn at(
        kind: NoticeKind,
        path: impl Into<String>,
        span: Span,
        message: impl Into<String>,
    ) -> Notice {
        Notice {
            kind,
            path: Some(path.into()),
            span: Some(span),
            message: message.into(),
        }
    }

    /// The order every output uses: by file (notices about no file first),
    /// position, kind, message.
    pub fn sort_key(&self) -> (Option<&str>, Option<Span>, &NoticeKind, &str) {
        (self.path.as_deref(), self.span, &self.kind, &self.message)
    }

    /// Whether this notice makes the run exit 2 (the analysis itself failed).
    pub fn is_internal_error(&self) -> bool {
        matches!(self.kind, NoticeKind::Panic)
    }
}
