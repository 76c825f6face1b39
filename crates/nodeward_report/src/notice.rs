//! Notices: everything that is not a finding but that a user must see —
//! a file skipped or failed, a bad suppression, a stale baseline entry.

use serde::Serialize;

use crate::finding::Span;

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
    /// A baseline entry matched no finding.
    StaleBaseline,
    /// An analysis gave up on a budget (e.g. a regex too large to decide).
    Budget,
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
    pub fn for_file(kind: NoticeKind, path: impl Into<String>, message: impl Into<String>) -> Notice {
        Notice { kind, path: Some(path.into()), span: None, message: message.into() }
    }

    /// Whether this notice makes the run exit 2 (the analysis itself failed).
    pub fn is_internal_error(&self) -> bool {
        matches!(self.kind, NoticeKind::Panic)
    }
}
