//! An advisory's severity: the database's own rating when it gives one
//! (GitHub's `database_specific.severity`), else the CVSS base score of its
//! vector (v3.x preferred, then v4, then v2) on the CVSS rating scale.

use std::str::FromStr;

use serde::Serialize;

use crate::osv::RawAdvisory;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Neither a rating nor a vector that scores.
    Unknown,
    Low,
    Moderate,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Unknown => "unknown",
            Severity::Low => "low",
            Severity::Moderate => "moderate",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    fn from_rating(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Some(Severity::Low),
            "moderate" | "medium" => Some(Severity::Moderate),
            "high" => Some(Severity::High),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }

    fn from_score(score: f64) -> Severity {
        match score {
            s if s >= 9.0 => Severity::Critical,
            s if s >= 7.0 => Severity::High,
            s if s >= 4.0 => Severity::Moderate,
            s if s > 0.0 => Severity::Low,
            _ => Severity::Unknown,
        }
    }
}

/// The severity of an advisory and the CVSS vector it was read from, if any.
pub fn of(raw: &RawAdvisory) -> (Severity, Option<String>) {
    let vector = ["CVSS_V3", "CVSS_V4", "CVSS_V2"].iter().find_map(|kind| {
        raw.severity
            .iter()
            .find(|s| s.kind == *kind)
            .map(|s| s.score.clone())
    });
    let rating = raw
        .database_specific
        .as_ref()
        .and_then(|d| d.get("severity"))
        .and_then(|s| s.as_str())
        .and_then(Severity::from_rating);
    if let Some(r) = rating {
        return (r, vector);
    }
    let scored = vector
        .as_deref()
        .and_then(|v| cvss::Cvss::from_str(v).ok())
        .map(|c| Severity::from_score(c.score()));
    (scored.unwrap_or(Severity::Unknown), vector)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sev(json: &str) -> Severity {
        of(&serde_json::from_str(json).unwrap()).0
    }

    #[test]
    fn rating_first_then_cvss() {
        assert_eq!(
            sev(r#"{"database_specific":{"severity":"moderate"}}"#),
            Severity::Moderate
        );
        assert_eq!(
            sev(
                r#"{"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}"#
            ),
            Severity::Critical
        );
        assert_eq!(
            sev(
                r#"{"severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:H"}]}"#
            ),
            Severity::Moderate
        );
        assert_eq!(
            sev(r#"{"severity":[{"type":"CVSS_V3","score":"nonsense"}]}"#),
            Severity::Unknown
        );
        assert_eq!(sev("{}"), Severity::Unknown);
    }
}
