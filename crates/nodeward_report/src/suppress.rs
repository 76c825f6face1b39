//! Inline suppression directives.
//!
//! ```js
//! // nodeward-ignore-next-line nosql-injection, sql-injection -- cast upstream
//! db.find({ name: req.query.name });
//! db.find({ name: req.query.name }); // nodeward-ignore-line nosql-injection
//! /* nodeward-ignore-file redos */
//! {/* nodeward-ignore-next-line chatty-error */}
//! ```
//!
//! The front end hands over each comment that mentions `nodeward-ignore`;
//! this module decides what it means. A directive must start the comment
//! (after whitespace, and after the `*`s of a JSDoc-style block); a comment
//! that merely mentions the word elsewhere is prose, not a directive.
//!
//! What a directive covers is defined by where a finding's *primary span
//! starts*, so multi-line findings are suppressed from the line before them:
//! - `nodeward-ignore-next-line`: the line after the comment's last line;
//! - `nodeward-ignore-line`: the lines the comment is on;
//! - `nodeward-ignore-file`: the whole file.
//!
//! Rules are separated by commas and/or spaces; a reason may follow ` -- `.
//! Reported as notices: names that are not rules, directives (or single rules
//! in them) that suppressed nothing, and malformed directives. A rule that
//! exists but is disabled in this run cannot fire, so its suppressions are not
//! called unused: they may be needed when it is turned back on.

use std::collections::HashSet;

use crate::finding::{Finding, Span};
use crate::line_index::LineIndex;
use crate::notice::{Notice, NoticeKind};

/// The word every directive starts with; the front end looks for it.
pub const DIRECTIVE_MARKER: &str = "nodeward-ignore";

/// One comment as the front end found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comment<'a> {
    /// The comment's text without its delimiters (`//`, `/*`, `*/`).
    pub body: &'a str,
    /// The whole comment, delimiters included (UTF-8 byte offsets).
    pub span: Span,
    /// `/* */` (also in JSX `{/* */}`), as opposed to `//`.
    pub is_block: bool,
}

impl<'a> From<(&'a str, Span, bool)> for Comment<'a> {
    /// From `(body, span, is_block)`.
    fn from((body, span, is_block): (&'a str, Span, bool)) -> Comment<'a> {
        Comment {
            body,
            span,
            is_block,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DirectiveKind {
    NextLine,
    SameLine,
    File,
}

impl DirectiveKind {
    pub fn keyword(self) -> &'static str {
        match self {
            DirectiveKind::NextLine => "nodeward-ignore-next-line",
            DirectiveKind::SameLine => "nodeward-ignore-line",
            DirectiveKind::File => "nodeward-ignore-file",
        }
    }

    fn from_keyword(word: &str) -> Option<DirectiveKind> {
        [
            DirectiveKind::NextLine,
            DirectiveKind::SameLine,
            DirectiveKind::File,
        ]
        .into_iter()
        .find(|k| k.keyword() == word)
    }
}

/// What a directive comment says, before it is placed in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedDirective {
    pub kind: DirectiveKind,
    /// Rule names as written, deduplicated, in order.
    pub rules: Vec<String>,
    /// The text after ` -- `, if any.
    pub reason: Option<String>,
}

/// A directive placed in its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// The comment.
    pub span: Span,
    /// The 1-based lines the comment starts and ends on.
    pub first_line: u32,
    pub last_line: u32,
}

impl Directive {
    /// Whether a finding starting on `line` is in this directive's reach.
    pub fn covers_line(&self, line: u32) -> bool {
        match self.kind {
            DirectiveKind::NextLine => line == self.last_line + 1,
            DirectiveKind::SameLine => (self.first_line..=self.last_line).contains(&line),
            DirectiveKind::File => true,
        }
    }
}

/// Parses one comment body. `None`: the comment is not a directive. `Some(Err)`:
/// it starts like one but is malformed; the message says what is wrong.
pub fn parse_directive(body: &str, is_block: bool) -> Option<Result<ParsedDirective, String>> {
    let mut text = body.trim_start();
    if is_block {
        // `/** nodeward-ignore-... */` and ` * nodeward-ignore-...` inside a block.
        text = text.trim_start_matches(|c: char| c == '*' || c.is_whitespace());
    }
    if !text.starts_with(DIRECTIVE_MARKER) {
        return None;
    }
    let word_len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    let (word, rest) = text.split_at(word_len);
    let Some(kind) = DirectiveKind::from_keyword(word) else {
        return Some(Err(format!(
            "`{word}` is not a nodeward directive; use `nodeward-ignore-next-line`, \
             `nodeward-ignore-line` or `nodeward-ignore-file` followed by rule ids"
        )));
    };

    let (rules_text, reason) = split_reason(rest);
    let mut rules: Vec<String> = Vec::new();
    for name in rules_text.split(|c: char| c == ',' || c.is_whitespace()) {
        let name = name.trim_end_matches(['*', '/']);
        if !name.is_empty() && !rules.iter().any(|r| r == name) {
            rules.push(name.to_string());
        }
    }
    if rules.is_empty() {
        return Some(Err(format!(
            "`{}` names no rule; write the rule ids it silences, e.g. \
             `{} sql-injection -- why it is safe`",
            kind.keyword(),
            kind.keyword()
        )));
    }
    Some(Ok(ParsedDirective {
        kind,
        rules,
        reason,
    }))
}

/// Splits `rules -- reason` at the first `--` that stands alone.
fn split_reason(rest: &str) -> (&str, Option<String>) {
    let bytes = rest.as_bytes();
    let mut from = 0;
    while let Some(i) = rest[from..].find("--").map(|i| i + from) {
        let before_ok = i == 0 || bytes[i - 1].is_ascii_whitespace() || bytes[i - 1] == b',';
        let after_ok = bytes.get(i + 2).is_none_or(|b| b.is_ascii_whitespace());
        if before_ok && after_ok {
            let reason = rest[i + 2..].trim();
            return (&rest[..i], (!reason.is_empty()).then(|| reason.to_string()));
        }
        from = i + 2;
    }
    (rest, None)
}

/// The directives of one file.
#[derive(Debug, Clone)]
pub struct FileDirectives {
    /// Project-relative path with `/` separators.
    pub path: String,
    pub directives: Vec<Directive>,
    /// `InvalidSuppression` notices for malformed directives.
    pub invalid: Vec<Notice>,
    lines: LineIndex,
}

impl FileDirectives {
    /// Reads the directives out of a file's comments. `source` is the file's
    /// text, which the comment spans point into.
    pub fn parse(path: &str, source: &str, comments: &[Comment<'_>]) -> FileDirectives {
        let lines = LineIndex::new(source);
        let mut directives = Vec::new();
        let mut invalid = Vec::new();
        for c in comments {
            match parse_directive(c.body, c.is_block) {
                None => {}
                Some(Err(message)) => invalid.push(Notice::at(
                    NoticeKind::InvalidSuppression,
                    path,
                    c.span,
                    message,
                )),
                Some(Ok(p)) => {
                    let first_line = lines.line_of(c.span.start);
                    let last_line = lines.end_position(source, c.span).line.max(first_line);
                    directives.push(Directive {
                        kind: p.kind,
                        rules: p.rules,
                        reason: p.reason,
                        span: c.span,
                        first_line,
                        last_line,
                    });
                }
            }
        }
        FileDirectives {
            path: path.to_string(),
            directives,
            invalid,
            lines,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.directives.is_empty() && self.invalid.is_empty()
    }
}

/// What applying the directives left.
#[derive(Debug, Clone)]
pub struct SuppressionOutcome {
    /// The findings no directive covered, in their original order.
    pub findings: Vec<Finding>,
    /// How many findings were removed (each counted once).
    pub suppressed: usize,
    /// Invalid directives, unknown rule names and unused suppressions, sorted.
    pub notices: Vec<Notice>,
}

/// Removes the findings a directive covers and reports bad or unused directives.
///
/// `known_rules` are all rule ids nodeward has; `enabled_rules` those that ran.
pub fn apply_suppressions(
    findings: Vec<Finding>,
    files: &[FileDirectives],
    known_rules: &[&str],
    enabled_rules: &[&str],
) -> SuppressionOutcome {
    let known: HashSet<&str> = known_rules.iter().copied().collect();
    let enabled: HashSet<&str> = enabled_rules.iter().copied().collect();

    // used[file][directive][rule]
    let mut used: Vec<Vec<Vec<bool>>> = files
        .iter()
        .map(|f| {
            f.directives
                .iter()
                .map(|d| vec![false; d.rules.len()])
                .collect()
        })
        .collect();
    let by_path: std::collections::HashMap<&str, usize> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.path.as_str(), i))
        .collect();

    let mut kept = Vec::with_capacity(findings.len());
    let mut suppressed = 0;
    for finding in findings {
        let mut hit = false;
        if let Some(&fi) = by_path.get(finding.path.as_str()) {
            let file = &files[fi];
            let line = file.lines.line_of(finding.span.start);
            for (di, d) in file.directives.iter().enumerate() {
                if !d.covers_line(line) {
                    continue;
                }
                if let Some(ri) = d.rules.iter().position(|r| r == finding.rule_id) {
                    used[fi][di][ri] = true;
                    hit = true;
                }
            }
        }
        if hit {
            suppressed += 1;
        } else {
            kept.push(finding);
        }
    }

    let mut notices = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        notices.extend(file.invalid.iter().cloned());
        for (di, d) in file.directives.iter().enumerate() {
            let keyword = d.kind.keyword();
            for rule in &d.rules {
                if !known.contains(rule.as_str()) {
                    notices.push(Notice::at(
                        NoticeKind::UnknownRule,
                        &file.path,
                        d.span,
                        format!(
                            "`{rule}` in `{keyword}` is not a nodeward rule \
                             (`nodeward rules` lists them)"
                        ),
                    ));
                }
            }
            // Only rules that could have fired can be unused.
            let checkable: Vec<usize> = (0..d.rules.len())
                .filter(|&ri| enabled.contains(d.rules[ri].as_str()))
                .collect();
            let unused: Vec<&str> = checkable
                .iter()
                .filter(|&&ri| !used[fi][di][ri])
                .map(|&ri| d.rules[ri].as_str())
                .collect();
            let any_used = used[fi][di].iter().any(|&u| u);
            if unused.is_empty() {
                continue;
            }
            let target = match d.kind {
                DirectiveKind::NextLine => format!("on line {}", d.last_line + 1),
                DirectiveKind::SameLine => "on its line".to_string(),
                DirectiveKind::File => "in this file".to_string(),
            };
            if any_used {
                for rule in unused {
                    notices.push(Notice::at(
                        NoticeKind::UnusedSuppression,
                        &file.path,
                        d.span,
                        format!(
                            "`{rule}` in `{keyword}` suppresses no finding {target}; remove it"
                        ),
                    ));
                }
            } else {
                notices.push(Notice::at(
                    NoticeKind::UnusedSuppression,
                    &file.path,
                    d.span,
                    format!(
                        "`{keyword} {}` suppresses no finding {target}; remove it",
                        unused.join(", ")
                    ),
                ));
            }
        }
    }
    notices.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));

    SuppressionOutcome {
        findings: kept,
        suppressed,
        notices,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Level;

    const KNOWN: &[&str] = &["nosql-injection", "sql-injection", "redos", "chatty-error"];

    /// Every `//` and `/* */` comment in `src` that mentions the marker, the
    /// way the front end hands them over (strings are not special-cased: the
    /// test sources have no `//` in strings).
    fn comments(src: &str) -> Vec<Comment<'_>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < src.len() {
            let rest = &src[i..];
            if rest.starts_with("//") {
                let end = rest.find('\n').map_or(src.len(), |e| i + e);
                out.push(Comment {
                    body: &src[i + 2..end],
                    span: Span::new(i as u32, end as u32),
                    is_block: false,
                });
                i = end;
            } else if rest.starts_with("/*") {
                let end = rest.find("*/").map(|e| i + e + 2).unwrap();
                out.push(Comment {
                    body: &src[i + 2..end - 2],
                    span: Span::new(i as u32, end as u32),
                    is_block: true,
                });
                i = end;
            } else {
                i += rest.chars().next().unwrap().len_utf8();
            }
        }
        out.retain(|c| c.body.contains(DIRECTIVE_MARKER));
        out
    }

    fn finding(src: &str, rule: &'static str, needle: &str) -> Finding {
        let start = src
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not in source"));
        Finding::new(
            rule,
            Level::Error,
            "app.js",
            Span::new(start as u32, (start + needle.len()) as u32),
        )
    }

    fn run(src: &str, findings: Vec<Finding>, enabled: &[&str]) -> SuppressionOutcome {
        let file = FileDirectives::parse("app.js", src, &comments(src));
        apply_suppressions(findings, &[file], KNOWN, enabled)
    }

    #[test]
    fn parses_the_three_forms() {
        let p = parse_directive(
            " nodeward-ignore-next-line nosql-injection, sql-injection -- id is cast upstream",
            false,
        )
        .unwrap()
        .unwrap();
        assert_eq!(p.kind, DirectiveKind::NextLine);
        assert_eq!(p.rules, ["nosql-injection", "sql-injection"]);
        assert_eq!(p.reason.as_deref(), Some("id is cast upstream"));

        let p = parse_directive(" nodeward-ignore-line redos ", true)
            .unwrap()
            .unwrap();
        assert_eq!(
            (p.kind, p.rules.as_slice(), p.reason),
            (DirectiveKind::SameLine, &["redos".to_string()][..], None)
        );

        let p = parse_directive(
            "*\n * nodeward-ignore-file redos sql-injection,chatty-error\n ",
            true,
        )
        .unwrap()
        .unwrap();
        assert_eq!(p.kind, DirectiveKind::File);
        assert_eq!(p.rules, ["redos", "sql-injection", "chatty-error"]);

        // A dash inside a reason, and `--` glued to a rule id, are not separators.
        let p = parse_directive("nodeward-ignore-line redos -- a--b", false)
            .unwrap()
            .unwrap();
        assert_eq!(p.reason.as_deref(), Some("a--b"));
    }

    #[test]
    fn comments_that_are_not_directives_or_are_malformed() {
        assert_eq!(
            parse_directive(" see nodeward-ignore-next-line in the docs", false),
            None
        );
        assert_eq!(parse_directive(" eslint-disable-line", false), None);
        let err = parse_directive(" nodeward-ignore redos", false)
            .unwrap()
            .unwrap_err();
        assert!(
            err.contains("`nodeward-ignore` is not a nodeward directive"),
            "{err}"
        );
        let err = parse_directive(" nodeward-ignore-next-line -- no rules here", false)
            .unwrap()
            .unwrap_err();
        assert!(err.contains("names no rule"), "{err}");
        let err = parse_directive(" nodeward-ignore-nextline redos", false)
            .unwrap()
            .unwrap_err();
        assert!(err.contains("nodeward-ignore-nextline"), "{err}");
    }

    #[test]
    fn next_line_applies_to_findings_starting_on_the_line_after_the_comment() {
        let src = "\
// nodeward-ignore-next-line nosql-injection -- cast upstream
db.find({ name: req.query.name });
db.find({ name: req.query.other });
/* nodeward-ignore-next-line
   sql-injection */
pool.query(sql);
";
        let findings = vec![
            finding(src, "nosql-injection", "{ name: req.query.name }"),
            finding(src, "nosql-injection", "{ name: req.query.other }"),
            finding(src, "sql-injection", "sql)"),
        ];
        let out = run(src, findings, KNOWN);
        assert_eq!(out.suppressed, 2);
        assert_eq!(out.findings.len(), 1);
        assert_eq!(
            out.findings[0].span,
            finding(src, "nosql-injection", "{ name: req.query.other }").span
        );
        assert!(out.notices.is_empty(), "{:?}", out.notices);
    }

    #[test]
    fn same_line_file_wide_and_jsx() {
        let src = "\
/* nodeward-ignore-file redos */
const r = /(a+)+$/; const s = /(b+)+$/;
res.status(500).send(err.message); // nodeward-ignore-line chatty-error
const el = <div>
  {/* nodeward-ignore-next-line chatty-error */}
  {res.send(err.stack)}
</div>;
db.find(q); // nodeward-ignore-line nosql-injection
";
        let findings = vec![
            finding(src, "redos", "/(a+)+$/"),
            finding(src, "redos", "/(b+)+$/"),
            finding(src, "chatty-error", "send(err.message)"),
            finding(src, "chatty-error", "res.send(err.stack)"),
            finding(src, "nosql-injection", "q)"),
        ];
        let out = run(src, findings, KNOWN);
        assert_eq!(out.suppressed, 5);
        assert!(out.findings.is_empty());
        assert!(out.notices.is_empty(), "{:?}", out.notices);
    }

    #[test]
    fn a_directive_does_not_reach_other_lines_or_rules() {
        let src = "\
// nodeward-ignore-next-line sql-injection
db.find({ name: req.query.name });

pool.query(sql);
";
        let findings = vec![
            finding(src, "nosql-injection", "{ name"),
            finding(src, "sql-injection", "sql)"),
        ];
        let out = run(src, findings, KNOWN);
        assert_eq!(out.suppressed, 0);
        assert_eq!(out.findings.len(), 2);
        assert_eq!(out.notices.len(), 1);
        assert_eq!(out.notices[0].kind, NoticeKind::UnusedSuppression);
        assert!(
            out.notices[0].message.contains("on line 2"),
            "{}",
            out.notices[0].message
        );
    }

    #[test]
    fn unknown_unused_and_partly_used() {
        let src = "\
// nodeward-ignore-next-line nosql-injection, sql-injection, no-such-rule
db.find({ name: req.query.name });
// nodeward-ignore-line redos
/* nodeward-ignore-next-lin redos */
";
        let findings = vec![finding(src, "nosql-injection", "{ name")];
        let out = run(src, findings, KNOWN);
        assert_eq!(out.suppressed, 1);
        let kinds: Vec<(&NoticeKind, &str)> = out
            .notices
            .iter()
            .map(|n| (&n.kind, n.message.as_str()))
            .collect();
        assert_eq!(kinds.len(), 4, "{kinds:#?}");
        // Sorted by position: the first directive's two notices, then the others.
        assert_eq!(kinds[0].0, &NoticeKind::UnknownRule);
        assert!(kinds[0].1.contains("`no-such-rule`"));
        assert_eq!(kinds[1].0, &NoticeKind::UnusedSuppression);
        assert!(
            kinds[1].1.starts_with("`sql-injection` in"),
            "{}",
            kinds[1].1
        );
        assert_eq!(kinds[2].0, &NoticeKind::UnusedSuppression);
        assert!(
            kinds[2].1.contains("`nodeward-ignore-line redos`"),
            "{}",
            kinds[2].1
        );
        assert_eq!(kinds[3].0, &NoticeKind::InvalidSuppression);
        assert!(out
            .notices
            .iter()
            .all(|n| n.path.as_deref() == Some("app.js") && n.span.is_some()));
    }

    #[test]
    fn disabled_rules_do_not_make_suppressions_unused() {
        let src = "\
// nodeward-ignore-next-line redos
const r = /(a+)+$/;
";
        // redos did not run (e.g. --ignore redos): nothing to suppress, nothing to report.
        let out = run(src, vec![], &["nosql-injection"]);
        assert_eq!(out.suppressed, 0);
        assert!(out.notices.is_empty(), "{:?}", out.notices);
        // With redos enabled and no finding, the directive is unused.
        let out = run(src, vec![], KNOWN);
        assert_eq!(out.notices.len(), 1);
    }

    #[test]
    fn two_directives_covering_one_finding_count_it_once_and_are_both_used() {
        let src = "\
/* nodeward-ignore-file redos */
// nodeward-ignore-next-line redos
const r = /(a+)+$/;
";
        let out = run(src, vec![finding(src, "redos", "/(a+)+$/")], KNOWN);
        assert_eq!(out.suppressed, 1);
        assert!(out.notices.is_empty(), "{:?}", out.notices);
    }

    #[test]
    fn findings_in_files_without_directives_are_kept() {
        let src = "// nodeward-ignore-file redos\n";
        let mut other = finding("x(/(a+)+$/)", "redos", "/(a+)+$/");
        other.path = "other.js".into();
        let out = run(src, vec![other], KNOWN);
        assert_eq!(out.findings.len(), 1);
        assert_eq!(out.notices.len(), 1);
    }
}
