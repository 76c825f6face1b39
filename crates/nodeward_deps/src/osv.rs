//! OSV advisories (the format of the GitHub Advisory Database and osv.dev):
//! what an advisory says, read leniently (unknown fields are ignored, as
//! the schema asks), and whether it affects an installed npm version.
//!
//! Only `affected` entries of ecosystem `npm` count, with names compared
//! case-sensitively as npm does (`Axios` is not `axios`). Ranges of type
//! `SEMVER` and `ECOSYSTEM` are evaluated in npm's version order; `GIT`
//! ranges say nothing about npm versions and are skipped.

use serde::Deserialize;

use crate::severity::Severity;
use crate::version::{self, Version};

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawAdvisory {
    pub id: String,
    pub modified: String,
    pub published: Option<String>,
    pub withdrawn: Option<String>,
    pub aliases: Vec<String>,
    pub summary: Option<String>,
    pub details: Option<String>,
    pub severity: Vec<RawSeverity>,
    pub affected: Vec<RawAffected>,
    pub references: Vec<RawReference>,
    pub database_specific: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawSeverity {
    #[serde(rename = "type")]
    pub kind: String,
    pub score: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawAffected {
    pub package: Option<RawPackage>,
    pub ranges: Vec<RawRange>,
    pub versions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawPackage {
    pub ecosystem: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawRange {
    #[serde(rename = "type")]
    pub kind: String,
    pub events: Vec<RawEvent>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawEvent {
    pub introduced: Option<String>,
    pub fixed: Option<String>,
    pub last_affected: Option<String>,
    pub limit: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
pub struct RawReference {
    #[serde(rename = "type")]
    pub kind: String,
    pub url: String,
}

/// One event of a range, its version parsed. `Introduced(None)` is `"0"`:
/// every version.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    Introduced(Option<Version>),
    Fixed(Version),
    LastAffected(Version),
    Limit(Version),
}

impl Event {
    fn version(&self) -> Option<&Version> {
        match self {
            Event::Introduced(v) => v.as_ref(),
            Event::Fixed(v) | Event::LastAffected(v) | Event::Limit(v) => Some(v),
        }
    }
}

/// The npm part of an advisory for one package name.
#[derive(Debug, Clone)]
pub struct AffectedPackage {
    pub name: String,
    /// Each range's events, sorted by version.
    pub ranges: Vec<Vec<Event>>,
    pub versions: Vec<Version>,
}

/// An advisory as the dependency check uses it.
#[derive(Debug, Clone)]
pub struct Advisory {
    pub id: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub modified: String,
    pub severity: Severity,
    /// The CVSS vector the severity came from, when it came from one.
    pub cvss: Option<String>,
    pub affected: Vec<AffectedPackage>,
    /// The advisory's own page first (the `ADVISORY` reference, else the
    /// GitHub or osv.dev page for its id).
    pub url: String,
}

/// Why an advisory file was not used.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejected {
    Withdrawn,
    NoNpm,
    /// A bound that is no version even after coercion: the range is dropped.
    BadBound(String),
}

/// A match: this advisory affects this version.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The lowest fixed version above the installed one in the matching
    /// range; `None` when the advisory knows no fix for it.
    pub fixed: Option<Version>,
}

impl Advisory {
    /// The advisory for the dependency check, or why there is none. Bad
    /// bounds are returned beside it: the other ranges still count.
    pub fn from_raw(raw: RawAdvisory) -> Result<(Advisory, Vec<Rejected>), Rejected> {
        if raw.withdrawn.is_some() {
            return Err(Rejected::Withdrawn);
        }
        let mut problems = Vec::new();
        let mut affected: Vec<AffectedPackage> = Vec::new();
        for a in &raw.affected {
            let Some(pkg) = &a.package else { continue };
            if pkg.ecosystem != "npm" {
                continue;
            }
            let mut ranges = Vec::new();
            for r in &a.ranges {
                if !matches!(r.kind.as_str(), "SEMVER" | "ECOSYSTEM") {
                    continue;
                }
                match parse_events(&r.events) {
                    Ok(events) => ranges.push(events),
                    Err(bound) => problems.push(Rejected::BadBound(bound)),
                }
            }
            let versions = a
                .versions
                .iter()
                .filter_map(|v| version::parse(v))
                .collect();
            match affected.iter_mut().find(|p| p.name == pkg.name) {
                Some(p) => {
                    p.ranges.extend(ranges);
                    p.versions.extend::<Vec<Version>>(versions);
                }
                None => affected.push(AffectedPackage {
                    name: pkg.name.clone(),
                    ranges,
                    versions,
                }),
            }
        }
        if affected.is_empty() {
            return Err(Rejected::NoNpm);
        }
        let (severity, cvss) = crate::severity::of(&raw);
        let url = raw
            .references
            .iter()
            .find(|r| r.kind == "ADVISORY" && r.url.contains(&raw.id))
            .map(|r| r.url.clone())
            .unwrap_or_else(|| default_url(&raw.id));
        // Published summaries carry stray white space at times.
        let summary = raw
            .summary
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .or_else(|| {
                raw.details
                    .as_deref()
                    .and_then(|d| d.lines().find(|l| !l.trim().is_empty()))
                    .map(|l| l.trim().to_string())
            })
            .unwrap_or_default();
        Ok((
            Advisory {
                id: raw.id,
                aliases: raw.aliases,
                summary,
                modified: raw.modified,
                severity,
                cvss,
                affected,
                url,
            },
            problems,
        ))
    }

    /// Whether the advisory affects `name` at `version`, and the version to
    /// upgrade to: the lowest `fixed` above it that no range of the
    /// advisory still covers (two ranges may overlap, as in
    /// GHSA-r683-j2x4-v87g, where 2.6.7 ends one range and lies in the other).
    pub fn affects(&self, name: &str, version: &Version) -> Option<Hit> {
        if !self.covers(name, version) {
            return None;
        }
        let mut fixes: Vec<&Version> = self
            .affected
            .iter()
            .filter(|p| p.name == name)
            .flat_map(|p| p.ranges.iter().flatten())
            .filter_map(|e| match e {
                Event::Fixed(f) if f > version => Some(f),
                _ => None,
            })
            .collect();
        fixes.sort();
        let fixed = fixes.into_iter().find(|f| !self.covers(name, f)).cloned();
        Some(Hit { fixed })
    }

    fn covers(&self, name: &str, version: &Version) -> bool {
        self.affected.iter().filter(|p| p.name == name).any(|p| {
            p.versions.iter().any(|v| v == version)
                || p.ranges.iter().any(|r| range_affects(r, version))
        })
    }
}

fn default_url(id: &str) -> String {
    if id.starts_with("GHSA-") {
        format!("https://github.com/advisories/{id}")
    } else {
        format!("https://osv.dev/vulnerability/{id}")
    }
}

fn parse_events(raw: &[RawEvent]) -> Result<Vec<Event>, String> {
    let mut events = Vec::new();
    let parse = |s: &str| version::parse(s).ok_or_else(|| s.to_string());
    for e in raw {
        if let Some(v) = &e.introduced {
            events.push(Event::Introduced(if v == "0" {
                None
            } else {
                Some(parse(v)?)
            }));
        }
        if let Some(v) = &e.fixed {
            events.push(Event::Fixed(parse(v)?));
        }
        if let Some(v) = &e.last_affected {
            events.push(Event::LastAffected(parse(v)?));
        }
        if let Some(v) = &e.limit {
            if v != "*" {
                events.push(Event::Limit(parse(v)?));
            }
        }
    }
    // Sorted by version, "0" first; at one version an introduction comes
    // before what ends it, as OSV's reference evaluation has it.
    events.sort_by(|a, b| {
        let rank = |e: &Event| match e {
            Event::Introduced(_) => 0,
            _ => 1,
        };
        match (a.version(), b.version()) {
            (None, None) => std::cmp::Ordering::Equal,
            (None, Some(_)) => std::cmp::Ordering::Less,
            (Some(_), None) => std::cmp::Ordering::Greater,
            (Some(x), Some(y)) => x.cmp(y).then(rank(a).cmp(&rank(b))),
        }
    });
    Ok(events)
}

/// OSV's evaluation of one range: walk the sorted events; an introduction
/// at or below the version opens the range, a fix at or below it or a last
/// affected version below it closes it, a limit at or below it ends it.
fn range_affects(events: &[Event], v: &Version) -> bool {
    let mut affected = false;
    for e in events {
        match e {
            Event::Introduced(None) => affected = true,
            Event::Introduced(Some(i)) if v >= i => affected = true,
            Event::Fixed(f) if v >= f => affected = false,
            Event::LastAffected(l) if v > l => affected = false,
            Event::Limit(l) if v >= l => return false,
            _ => {}
        }
    }
    affected
}

#[cfg(test)]
mod tests {
    use super::*;

    fn advisory(json: &str) -> Advisory {
        let raw: RawAdvisory = serde_json::from_str(json).unwrap();
        Advisory::from_raw(raw).unwrap().0
    }

    fn v(s: &str) -> Version {
        version::parse(s).unwrap()
    }

    fn fixed(a: &Advisory, name: &str, ver: &str) -> Option<Option<String>> {
        a.affects(name, &v(ver))
            .map(|h| h.fixed.map(|f| f.to_string()))
    }

    const QS: &str = r#"{"id":"GHSA-hrpp-h998-j3pp","modified":"2023-01-18T23:00:03Z",
      "affected":[
        {"package":{"ecosystem":"npm","name":"qs"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"6.10.0"},{"fixed":"6.10.3"}]}]},
        {"package":{"ecosystem":"npm","name":"qs"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"6.2.4"}]}]}
      ],
      "database_specific":{"severity":"HIGH"}}"#;

    #[test]
    fn several_ranges_of_one_package() {
        let a = advisory(QS);
        assert_eq!(fixed(&a, "qs", "6.10.1"), Some(Some("6.10.3".into())));
        assert_eq!(fixed(&a, "qs", "6.10.3"), None);
        assert_eq!(fixed(&a, "qs", "6.5.0"), None);
        assert_eq!(fixed(&a, "qs", "6.2.3"), Some(Some("6.2.4".into())));
        assert_eq!(fixed(&a, "qs", "0.0.1"), Some(Some("6.2.4".into())));
        assert_eq!(a.severity, Severity::High);
    }

    #[test]
    fn last_affected_includes_its_version_and_has_no_fix() {
        let a = advisory(
            r#"{"id":"GHSA-p8p7-x288-28g6","modified":"2023-04-14T20:24:55Z","affected":[
            {"package":{"ecosystem":"npm","name":"request"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"last_affected":"2.88.2"}]}]}]}"#,
        );
        assert_eq!(fixed(&a, "request", "2.88.2"), Some(None));
        assert_eq!(fixed(&a, "request", "2.88.0"), Some(None));
        assert_eq!(fixed(&a, "request", "2.88.3"), None);
    }

    #[test]
    fn prerelease_bounds() {
        let a = advisory(
            r#"{"id":"GHSA-rv95-896h-c2vc","modified":"2024-03-25T22:24:57Z","affected":[
            {"package":{"ecosystem":"npm","name":"express"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"4.19.2"}]}]},
            {"package":{"ecosystem":"npm","name":"express"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"5.0.0-alpha.1"},{"fixed":"5.0.0-beta.3"}]}]}]}"#,
        );
        assert_eq!(
            fixed(&a, "express", "5.0.0-beta.1"),
            Some(Some("5.0.0-beta.3".into()))
        );
        assert_eq!(fixed(&a, "express", "5.0.0-beta.3"), None);
        assert_eq!(fixed(&a, "express", "5.0.0"), None);
        // A prerelease of 4.19.2 is below 4.19.2: affected.
        assert_eq!(
            fixed(&a, "express", "4.19.2-rc.1"),
            Some(Some("4.19.2".into()))
        );
        assert_eq!(fixed(&a, "express", "4.18.2"), Some(Some("4.19.2".into())));
        assert_eq!(fixed(&a, "express", "4.19.2"), None);
    }

    #[test]
    fn a_short_bound_is_coerced() {
        let a = advisory(
            r#"{"id":"GHSA-r683-j2x4-v87g","modified":"2023-11-29T22:08:39Z","affected":[
            {"package":{"ecosystem":"npm","name":"node-fetch"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"3.1.1"}]}]}]}"#,
        );
        assert_eq!(fixed(&a, "node-fetch", "1.0.0"), Some(Some("3.1.1".into())));
        assert_eq!(fixed(&a, "node-fetch", "0.9.0"), None);
    }

    #[test]
    fn names_are_case_sensitive_and_other_ecosystems_ignored() {
        let a = advisory(
            r#"{"id":"GHSA-8hc4-vh64-cxmj","modified":"2024-08-13T19:53:25Z","affected":[
            {"package":{"ecosystem":"npm","name":"Axios"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.3.2"},{"fixed":"1.7.4"}]}]},
            {"package":{"ecosystem":"NuGet","name":"axios"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]}"#,
        );
        assert!(a.affects("axios", &v("1.5.0")).is_none());
        assert!(a.affects("Axios", &v("1.5.0")).is_some());
        let raw: RawAdvisory = serde_json::from_str(
            r#"{"id":"X","modified":"","affected":[{"package":{"ecosystem":"Maven","name":"x"}}]}"#,
        )
        .unwrap();
        assert_eq!(Advisory::from_raw(raw).unwrap_err(), Rejected::NoNpm);
    }

    #[test]
    fn withdrawn_advisories_are_rejected() {
        let raw: RawAdvisory = serde_json::from_str(
            r#"{"id":"X","modified":"","withdrawn":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"x"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"}]}]}]}"#,
        )
        .unwrap();
        assert_eq!(Advisory::from_raw(raw).unwrap_err(), Rejected::Withdrawn);
    }

    #[test]
    fn open_ranges_limits_and_exact_versions() {
        let a = advisory(
            r#"{"id":"X","modified":"","affected":[
            {"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"2.0.0"}]}]},
            {"package":{"ecosystem":"npm","name":"b"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"limit":"3.0.0"}]}],"versions":["4.0.1"]},
            {"package":{"ecosystem":"npm","name":"c"},"ranges":[{"type":"GIT","events":[{"introduced":"0"}]}]}]}"#,
        );
        assert_eq!(fixed(&a, "a", "9.0.0"), Some(None));
        assert_eq!(fixed(&a, "a", "1.9.9"), None);
        assert_eq!(fixed(&a, "b", "2.9.9"), Some(None));
        assert_eq!(fixed(&a, "b", "3.0.0"), None);
        assert_eq!(fixed(&a, "b", "4.0.1"), Some(None));
        assert!(a.affects("c", &v("1.0.0")).is_none());
    }

    #[test]
    fn several_fixes_in_one_range() {
        let a = advisory(
            r#"{"id":"X","modified":"","affected":[
            {"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"1.2.0"},{"introduced":"2.0.0"},{"fixed":"2.3.1"}]}]}]}"#,
        );
        assert_eq!(fixed(&a, "a", "1.1.0"), Some(Some("1.2.0".into())));
        assert_eq!(fixed(&a, "a", "1.5.0"), None);
        assert_eq!(fixed(&a, "a", "2.3.0"), Some(Some("2.3.1".into())));
        assert_eq!(fixed(&a, "a", "2.3.1"), None);
    }
}
