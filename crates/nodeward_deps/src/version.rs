//! npm versions and their order (node-semver's: SemVer 2.0 precedence,
//! prereleases below their release, build metadata ignored), through the
//! `nodejs-semver` crate.
//!
//! OSV asks for SemVer 2.0 bounds in `SEMVER` ranges, but real advisories
//! carry a few others (`"introduced": "1.0"`). They are coerced the way the
//! OSV reference implementation normalises them: a leading `v` or `=` is
//! dropped and missing minor and patch numbers are zeros, so `1.0` is
//! `1.0.0`. A bound that still does not parse makes its range unusable; the
//! caller reports it.

pub use nodejs_semver::Version;

/// Parses an installed or advisory version, coercing a short core
/// (`1`, `1.2`, `v1.2.3`, `=1.2.3`). `None` when it is no version at all.
pub fn parse(text: &str) -> Option<Version> {
    // The crate's own parser is lenient about trailing parts (`1.2.3.4`
    // parses), so the shape is checked here first.
    let text = text.trim().trim_start_matches(['v', 'V', '=']).trim();
    let split = text.find(['-', '+']).unwrap_or(text.len());
    let (core, rest) = text.split_at(split);
    let parts: Vec<&str> = core.split('.').collect();
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let mut padded = parts.join(".");
    for _ in parts.len()..3 {
        padded.push_str(".0");
    }
    padded.push_str(rest);
    Version::parse(&padded).ok()
}

#[cfg(test)]
mod tests {
    use std::cmp::Ordering;

    use super::*;

    fn v(s: &str) -> Version {
        parse(s).unwrap_or_else(|| panic!("{s} parses"))
    }

    #[test]
    fn coerces_short_and_prefixed_versions() {
        assert_eq!(v("1.0").to_string(), "1.0.0");
        assert_eq!(v("2").to_string(), "2.0.0");
        assert_eq!(v("v1.2.3").to_string(), "1.2.3");
        assert_eq!(v("=1.2.3").to_string(), "1.2.3");
        assert_eq!(v("1.2-beta.1").to_string(), "1.2.0-beta.1");
        assert!(parse("latest").is_none());
        assert!(parse("1.x").is_none());
        assert!(parse("").is_none());
        assert!(parse("1.2.3.4").is_none());
    }

    #[test]
    fn orders_prereleases_below_their_release() {
        assert!(v("5.0.0-alpha.1") < v("5.0.0-beta.3"));
        assert!(v("5.0.0-beta.3") < v("5.0.0"));
        assert!(v("5.0.0-beta.3") > v("4.99.99"));
        assert!(v("1.0.0-alpha.2") < v("1.0.0-alpha.10"));
        assert!(v("1.0.0-alpha.10") < v("1.0.0-alpha.beta"));
        assert!(v("1.0.0-rc.1") < v("1.0.0"));
    }

    #[test]
    fn ignores_build_metadata_in_the_order() {
        assert_eq!(v("1.2.3+build.5").cmp(&v("1.2.3")), Ordering::Equal);
        assert!(v("1.2.3+zzz") < v("1.2.4"));
    }
}
