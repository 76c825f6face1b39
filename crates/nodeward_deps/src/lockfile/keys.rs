//! Where keys start in the YAML-like lockfiles (yarn.lock, pnpm-lock.yaml).
//!
//! The values are read by the parsing crates, which keep no positions; a
//! finding still has to point at the line of its package's key. These
//! helpers only find key lines: a line at the given indentation that ends
//! with `:` (the form every tool writes), with its quotes removed.

use std::collections::HashMap;

use nodeward_report::Span;

use super::span;

/// Every line at `indent` spaces ending with `:`, between `start` and
/// `end` (byte offsets), as (key without quotes, span of the key text).
fn keys_at(text: &str, indent: usize, start: usize, end: usize) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let mut offset = start;
    for line in text[start..end].split_inclusive('\n') {
        let at = offset;
        offset += line.len();
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start_matches(' ').len();
        if lead != indent || body[lead..].starts_with('#') {
            continue;
        }
        let Some(key) = body[lead..].strip_suffix(':') else {
            continue;
        };
        let unquoted = key.trim_matches(|c| c == '"' || c == '\'');
        out.push((unquoted.to_string(), span(at + lead, at + lead + key.len())));
    }
    out
}

/// The top-level keys of a yarn.lock, each split into its descriptors
/// (`"a@^1", "a@^1.2":` in classic, `"a@npm:^1, a@npm:^1.2":` in Berry):
/// descriptor → span of the whole key.
pub fn yarn_descriptors(text: &str) -> HashMap<String, Span> {
    let mut out = HashMap::new();
    for (key, span) in keys_at(text, 0, 0, text.len()) {
        for d in key.split(',') {
            let d = d.trim().trim_matches('"');
            out.entry(d.to_string()).or_insert(span);
        }
    }
    out
}

/// The keys of the top-level mapping `section:` of a pnpm-lock.yaml.
pub fn pnpm_section(text: &str, section: &str) -> HashMap<String, Span> {
    let header = format!("{section}:");
    let mut start = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if start.is_none() {
            if body == header {
                start = Some(offset + line.len());
            }
        } else if !body.is_empty() && !body.starts_with([' ', '#']) {
            // The next top-level key ends the section.
            break;
        }
        offset += line.len();
    }
    let Some(start) = start else {
        return HashMap::new();
    };
    keys_at(text, 2, start, offset.max(start))
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yarn_keys_split_into_descriptors() {
        let text = "# yarn lockfile v1\n\n\"@babel/code@^7.0.0\", \"@babel/code@^7.1.0\":\n  version \"7.1.0\"\n\nlodash@4.17.15:\n  version \"4.17.15\"\n";
        let keys = yarn_descriptors(text);
        let s = keys["@babel/code@^7.1.0"];
        assert_eq!(
            &text[s.start as usize..s.end as usize],
            "\"@babel/code@^7.0.0\", \"@babel/code@^7.1.0\""
        );
        assert_eq!(keys["@babel/code@^7.0.0"], s);
        let l = keys["lodash@4.17.15"];
        assert_eq!(&text[l.start as usize..l.end as usize], "lodash@4.17.15");
        let berry = "\"a@npm:^1, a@npm:^1.2\":\n  version: 1.2.0\n";
        assert!(yarn_descriptors(berry).contains_key("a@npm:^1.2"));
    }

    #[test]
    fn pnpm_section_keys_stop_at_the_next_section() {
        let text = "lockfileVersion: '9.0'\npackages:\n\n  '@babel/core@7.1.0':\n    resolution: {}\n  ms@2.0.0:\n    resolution: {}\nsnapshots:\n  ms@2.0.0:\n    dependencies: {}\n";
        let keys = pnpm_section(text, "packages");
        assert_eq!(keys.len(), 2);
        let s = keys["@babel/core@7.1.0"];
        assert_eq!(
            &text[s.start as usize..s.end as usize],
            "'@babel/core@7.1.0'"
        );
        assert_eq!(pnpm_section(text, "snapshots").len(), 1);
        assert!(pnpm_section(text, "importers").is_empty());
    }
}
