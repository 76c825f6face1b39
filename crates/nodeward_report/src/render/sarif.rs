//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning ingests it.
//!
//! One run. `tool.driver.rules` holds every rule enabled in the run (not only
//! those that fired, so that GitHub shows their help), sorted by id; results
//! refer to them by `ruleId` and by `ruleIndex` into that sorted list. Every
//! result has one location: a repository-root-relative, percent-encoded `uri`
//! with `uriBaseId` `%SRCROOT%` and a full region (1-based, end-exclusive,
//! columns in UTF-16 code units as `columnKind` says). `partialFingerprints`
//! carries only the `nodeward/v1` key: `upload-sarif` computes GitHub's own
//! `primaryLocationLineHash`. Notices become `toolExecutionNotifications` of
//! the one invocation, which is unsuccessful when the analysis itself failed.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde_json::{json, Value};

use super::{canonical, Locator, Render};
use crate::finding::{Finding, Level, Related, Span};
use crate::fingerprint::FINGERPRINT_KEY;
use crate::notice::Notice;
use crate::rule_meta::RuleMeta;
use crate::run::RunReport;

pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const SARIF_VERSION: &str = "2.1.0";
pub const TOOL_NAME: &str = "nodeward";
pub const INFORMATION_URI: &str = "https://github.com/nodeward/nodeward";
/// The `uriBaseId` every location is relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// GitHub keeps this many results per run (the most severe) and drops the rest.
pub const GITHUB_KEPT_RESULTS: usize = 5_000;
/// GitHub rejects a run with more results than this.
pub const GITHUB_MAX_RESULTS: usize = 25_000;
/// GitHub accepts at most this many tags per rule.
const GITHUB_MAX_TAGS: usize = 20;
/// GitHub's limit for rule descriptions, in characters.
const GITHUB_MAX_DESCRIPTION: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SarifOptions {
    /// The code-scanning category (`automationDetails.id` is `<category>/`);
    /// monorepos that upload once per package give each its own.
    pub category: String,
    /// Indented output; compact by default, as upload size is limited.
    pub pretty: bool,
}

impl Default for SarifOptions {
    fn default() -> Self {
        SarifOptions {
            category: TOOL_NAME.to_string(),
            pretty: false,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct SarifRenderer {
    options: SarifOptions,
}

impl SarifRenderer {
    pub fn new(options: SarifOptions) -> SarifRenderer {
        SarifRenderer { options }
    }

    /// The SARIF log as a JSON value, with warnings about GitHub's limits.
    pub fn to_value(&self, report: &RunReport) -> (Value, Vec<String>) {
        let locator = Locator::new(report);
        let fingerprints = report.fingerprints();

        let mut rules: Vec<&RuleMeta> = report.rules.iter().collect();
        rules.sort_by_key(|r| r.id);
        rules.dedup_by_key(|r| r.id);
        let rule_index: BTreeMap<&str, usize> =
            rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();

        let results: Vec<Value> = report
            .findings
            .iter()
            .zip(fingerprints.iter())
            .map(|(f, fp)| result(&locator, f, fp, rule_index.get(f.rule_id).copied()))
            .collect();

        let root_uri = file_uri_of_dir(&report.root);
        let notifications: Vec<Value> = report
            .notices
            .iter()
            .map(|n| notification(&locator, n))
            .collect();
        let mut invocation = json!({
            "executionSuccessful": !report.has_internal_error(),
            "workingDirectory": { "uri": root_uri },
        });
        if !notifications.is_empty() {
            invocation["toolExecutionNotifications"] = Value::Array(notifications);
        }

        let mut driver = json!({
            "name": TOOL_NAME,
            "informationUri": INFORMATION_URI,
            "rules": rules.iter().map(|r| rule_descriptor(r)).collect::<Vec<_>>(),
        });
        if !report.tool_version.is_empty() {
            driver["version"] = report.tool_version.into();
            driver["semanticVersion"] = report.tool_version.into();
        }

        let run = json!({
            "tool": { "driver": driver },
            "automationDetails": { "id": format!("{}/", self.options.category) },
            "columnKind": "utf16CodeUnits",
            "originalUriBaseIds": { SRCROOT: { "uri": root_uri } },
            "invocations": [invocation],
            "results": results,
        });
        let log = json!({
            "$schema": SARIF_SCHEMA_URI,
            "version": SARIF_VERSION,
            "runs": [run],
        });
        (canonical(log), limit_warnings(&report.findings))
    }
}

impl Render for SarifRenderer {
    fn render(&self, report: &RunReport, out: &mut dyn io::Write) -> io::Result<Vec<String>> {
        let (log, warnings) = self.to_value(report);
        if self.options.pretty {
            serde_json::to_writer_pretty(&mut *out, &log)?;
        } else {
            serde_json::to_writer(&mut *out, &log)?;
        }
        writeln!(out)?;
        Ok(warnings)
    }
}

fn rule_descriptor(rule: &RuleMeta) -> Value {
    let short = non_empty(rule.summary, rule.id);
    let full = rule.full_description();
    let full = non_empty(&full, &short);
    let markdown = if rule.docs.trim().is_empty() {
        format!("{short}\n\nDocumentation: {}", rule.help_uri())
    } else {
        rule.docs.trim().to_string()
    };
    let text = markdown_to_text(&markdown);

    let mut tags: Vec<String> = vec!["security".to_string()];
    tags.extend(rule.cwe.iter().map(|n| format!("external/cwe/cwe-{n}")));
    tags.extend(rule.tags.iter().map(|t| t.to_string()));
    let mut seen = std::collections::HashSet::new();
    tags.retain(|t| seen.insert(t.clone()));
    tags.truncate(GITHUB_MAX_TAGS);

    let mut properties = json!({
        "tags": tags,
        "precision": rule.precision.as_str(),
    });
    if rule.security_severity.trim().is_empty() {
        // Without a security-severity GitHub treats the rule as a quality rule.
        properties["problem.severity"] = match rule.default_level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Note => "recommendation",
        }
        .into();
    } else {
        properties["security-severity"] = rule.security_severity.trim().into();
    }

    let mut descriptor = json!({
        "id": rule.id,
        "shortDescription": { "text": truncate_chars(&short, GITHUB_MAX_DESCRIPTION) },
        "fullDescription": { "text": truncate_chars(&full, GITHUB_MAX_DESCRIPTION) },
        "help": { "text": text, "markdown": markdown },
        "helpUri": rule.help_uri(),
        "defaultConfiguration": { "level": rule.default_level.as_str() },
        "properties": properties,
    });
    // SARIF wants `name` to differ from the opaque `id` (SARIF1001): a name
    // that only re-cases the id (`Redos` for `redos`) is left out.
    let name = rule.name.trim();
    if !name.is_empty() && !name.eq_ignore_ascii_case(rule.id) {
        descriptor["name"] = name.into();
    }
    descriptor
}

fn result(
    locator: &Locator<'_>,
    f: &Finding,
    fingerprint: &str,
    rule_index: Option<usize>,
) -> Value {
    let mut text = f.message.trim().to_string();
    let help = f.help.trim();
    if !help.is_empty() {
        if !text.is_empty() {
            text.push_str(if text.ends_with(['.', '!', '?']) {
                " "
            } else {
                ". "
            });
        }
        text.push_str(help);
    }
    if text.is_empty() {
        text = f.rule_id.to_string();
    }

    let mut r = json!({
        "ruleId": f.rule_id,
        "level": f.level.as_str(),
        "message": { "text": text },
        "locations": [ { "physicalLocation": physical_location(locator, &f.path, Some(f.span)) } ],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint },
    });
    if let Some(i) = rule_index {
        r["ruleIndex"] = i.into();
    }
    if !f.related.is_empty() {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let mut loc = location(locator, rel);
                loc["id"] = (i + 1).into();
                loc
            })
            .collect();
        r["relatedLocations"] = Value::Array(related);
    }
    if !f.flow.is_empty() {
        let steps: Vec<Value> = f
            .flow
            .iter()
            .map(|step| json!({ "location": location(locator, step) }))
            .collect();
        r["codeFlows"] = json!([ { "threadFlows": [ { "locations": steps } ] } ]);
    }
    if !f.properties.is_empty() {
        r["properties"] = Value::Object(f.properties.clone());
    }
    if let Some(fix) = &f.fix {
        let place = physical_location(locator, &fix.path, Some(fix.span));
        r["fixes"] = json!([ {
            "description": { "text": fix.description },
            "artifactChanges": [ {
                "artifactLocation": place["artifactLocation"],
                "replacements": [ {
                    "deletedRegion": place["region"],
                    "insertedContent": { "text": fix.replacement },
                } ],
            } ],
        } ]);
    }
    r
}

fn location(locator: &Locator<'_>, r: &Related) -> Value {
    let mut loc = json!({ "physicalLocation": physical_location(locator, &r.path, Some(r.span)) });
    if !r.message.is_empty() {
        loc["message"] = json!({ "text": r.message });
    }
    loc
}

/// `artifactLocation` plus a full region when the span is known. A file whose
/// text is missing gets a region at its start, since GitHub needs one.
fn physical_location(locator: &Locator<'_>, path: &str, span: Option<Span>) -> Value {
    let mut loc = json!({
        "artifactLocation": { "uri": relative_uri(path), "uriBaseId": SRCROOT },
    });
    if let Some(span) = span {
        let (start, end) = locator.range_or_start(path, span);
        loc["region"] = json!({
            "startLine": start.line,
            "startColumn": start.utf16_column,
            "endLine": end.line,
            "endColumn": end.utf16_column,
        });
    }
    loc
}

fn notification(locator: &Locator<'_>, n: &Notice) -> Value {
    let mut v = json!({
        "level": n.kind.level().as_str(),
        "message": { "text": non_empty(&n.message, &n.kind.label()) },
        "descriptor": { "id": n.kind.id() },
    });
    if let Some(path) = &n.path {
        // A region only where the notice points at a place in a known text.
        let span = n.span.filter(|_| locator.text(path).is_some());
        v["locations"] = json!([ { "physicalLocation": physical_location(locator, path, span) } ]);
    }
    v
}

/// Warnings when the run exceeds what GitHub keeps or accepts.
fn limit_warnings(findings: &[Finding]) -> Vec<String> {
    let n = findings.len();
    if n <= GITHUB_KEPT_RESULTS {
        return Vec::new();
    }
    let mut per_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings {
        *per_rule.entry(f.rule_id).or_default() += 1;
    }
    let mut noisiest: Vec<(&str, usize)> = per_rule.into_iter().collect();
    noisiest.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top: Vec<String> = noisiest
        .iter()
        .take(3)
        .map(|(r, c)| format!("{r} ({c})"))
        .collect();
    let top = top.join(", ");
    if n > GITHUB_MAX_RESULTS {
        vec![format!(
            "SARIF has {n} results: GitHub code scanning rejects a run with more than \
             {GITHUB_MAX_RESULTS}; noisiest rules: {top} (consider --ignore or a baseline)"
        )]
    } else {
        vec![format!(
            "SARIF has {n} results: GitHub code scanning keeps only the {GITHUB_KEPT_RESULTS} \
             most severe; noisiest rules: {top}"
        )]
    }
}

/// A project-relative path as a relative URI reference: `/`-separated, each
/// byte outside the unreserved set percent-encoded (`:` too, which could
/// otherwise read as a scheme).
pub fn relative_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.trim_start_matches("./");
    percent_encode_path(path, false)
}

/// `file:///abs/dir/` for a directory (with the trailing `/` that makes
/// relative references resolve inside it).
pub fn file_uri_of_dir(dir: &Path) -> String {
    let mut p = dir.to_string_lossy().replace('\\', "/");
    if !p.starts_with('/') {
        // A Windows drive path: file:///C:/...
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    format!("file://{}", percent_encode_path(&p, true))
}

fn percent_encode_path(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric()
            || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/')
            || (keep_colon && b == b':');
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The rule docs as plain text for `help.text`: headings without their `#`s
/// and code fences without their ``` lines; the rest reads fine as is.
fn markdown_to_text(md: &str) -> String {
    md.lines()
        .filter(|line| !line.trim_start().starts_with("```"))
        .map(|line| {
            let heading = line.trim_start_matches('#');
            if heading.len() < line.len() && heading.starts_with(' ') {
                heading.trim_start()
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn non_empty(s: &str, fallback: &str) -> String {
    if s.trim().is_empty() {
        fallback.to_string()
    } else {
        s.trim().to_string()
    }
}

fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(relative_uri("src/routes/users.js"), "src/routes/users.js");
        assert_eq!(relative_uri("src/my file#1.js"), "src/my%20file%231.js");
        assert_eq!(relative_uri("src/é.js"), "src/%C3%A9.js");
        assert_eq!(relative_uri("a:b.js"), "a%3Ab.js");
        assert_eq!(relative_uri("./x\\y.js"), "x/y.js");
        assert_eq!(
            file_uri_of_dir(Path::new("/home/me/my app")),
            "file:///home/me/my%20app/"
        );
        assert_eq!(file_uri_of_dir(Path::new("/srv/app/")), "file:///srv/app/");
        assert_eq!(
            file_uri_of_dir(Path::new("C:\\work\\app")),
            "file:///C:/work/app/"
        );
    }

    #[test]
    fn limits() {
        let f = Finding::new("redos", Level::Warning, "a.js", Span::new(0, 1));
        assert!(limit_warnings(&vec![f.clone(); GITHUB_KEPT_RESULTS]).is_empty());
        let w = limit_warnings(&vec![f.clone(); GITHUB_KEPT_RESULTS + 1]);
        assert_eq!(w.len(), 1);
        assert!(
            w[0].contains("keeps only the 5000") && w[0].contains("redos (5001)"),
            "{}",
            w[0]
        );
        let w = limit_warnings(&vec![f; GITHUB_MAX_RESULTS + 1]);
        assert!(w[0].contains("rejects"), "{}", w[0]);
    }

    #[test]
    fn help_text_is_the_docs_without_markdown_syntax() {
        let md = "# redos\n\nA regex.\n\n## Examples\n\n```js flagged\nconst r = /(a+)+$/;\n```\n#hashtag";
        assert_eq!(
            markdown_to_text(md),
            "redos\n\nA regex.\n\nExamples\n\nconst r = /(a+)+$/;\n#hashtag"
        );
    }

    #[test]
    fn long_descriptions_are_cut_to_githubs_limit() {
        let s = "x".repeat(2000);
        let t = truncate_chars(&s, GITHUB_MAX_DESCRIPTION);
        assert_eq!(t.chars().count(), GITHUB_MAX_DESCRIPTION);
    }
}
