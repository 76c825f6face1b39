//! A rule's metadata, declared once in the rule's own file and read by the
//! registry, `nodeward rules`, `nodeward explain` and SARIF `rules[]`.

use serde::Serialize;

use crate::finding::Level;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    VeryHigh,
    High,
    Medium,
    Low,
}

impl Precision {
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::VeryHigh => "very-high",
            Precision::High => "high",
            Precision::Medium => "medium",
            Precision::Low => "low",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// Stable kebab-case id, e.g. `x-powered-by`.
    pub id: &'static str,
    /// CamelCase name, e.g. `XPoweredBy`.
    pub name: &'static str,
    /// One line: what the rule flags.
    pub summary: &'static str,
    pub default_level: Level,
    pub cwe: &'static [u32],
    /// Extra SARIF tags besides `security` and the CWE tags (e.g. `headers`).
    pub tags: &'static [&'static str],
    pub precision: Precision,
    /// GitHub's `security-severity`, a number from 0.1 to 10.0 written as a string.
    pub security_severity: &'static str,
    /// The rule's documentation: the Markdown of `rules/<id>.md`.
    pub docs: &'static str,
}

impl RuleMeta {
    /// The `## What it does` paragraph of the docs (falls back to the summary).
    pub fn full_description(&self) -> String {
        section(self.docs, "What it does").unwrap_or_else(|| self.summary.to_string())
    }

    pub fn help_uri(&self) -> String {
        format!(
            "https://github.com/nodeward/nodeward/blob/main/rules/{}.md",
            self.id
        )
    }
}

/// The text of a `## Heading` section of a Markdown document, trimmed.
fn section(md: &str, heading: &str) -> Option<String> {
    let mut lines = md.lines();
    lines.find(|l| l.trim_start_matches('#').trim() == heading && l.starts_with("## "))?;
    let body: Vec<&str> = lines.take_while(|l| !l.starts_with("## ")).collect();
    let text = body.join("\n").trim().to_string();
    (!text.is_empty()).then_some(text)
}
