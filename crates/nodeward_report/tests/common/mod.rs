//! One fixed run, shared by the renderer snapshot tests and the SARIF checks:
//! two analysed files (one with non-ASCII text before a finding), findings
//! with related locations in the same and in another file, a flow, a
//! multi-line finding, and notices for a parse error, a skipped file, an
//! unused suppression and a stale baseline entry.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use nodeward_report::{
    sort_findings, sort_notices, Finding, Level, Notice, NoticeKind, Precision, Related, RuleMeta,
    RunReport, SkipReason, Span, Summary,
};

pub const USERS_JS: &str = "\
// Benutzerverwaltung — José's routes 😀
const router = require('express').Router();

router.get('/users', async (req, res) => {
  const name = req.query.name;
  const label = \"café 😀\"; const users = await User.find({ name });
  const ok = /^(a+)+$/.test(label);
  res.json(users);
});

module.exports = router;
";

pub const APP_JS: &str = "\
const express = require('express');
const app = express();
app.use('/api', require('./routes/users'));

// nodeward-ignore-next-line redos
app.use((err, req, res, next) => {
  res.status(500).json({
    error: err.stack,
  });
});
";

pub const BROKEN_JS: &str = "function (\n";

pub const NOSQL_DOCS: &str = "\
# nosql-injection

Client data reaching a NoSQL query object.

## What it does

Flags client data (query, body, params, cookies, headers) that reaches a MongoDB
or Mongoose query object without a type check.

## Why it matters

`?name[$ne]=` turns `{ name: req.query.name }` into `{ name: { $ne: null } }`.

## How to fix

Cast the value: `{ name: String(req.query.name) }`.
";

pub const RULES: [RuleMeta; 3] = [
    RuleMeta {
        id: "redos",
        name: "Redos",
        summary: "a regex with super-linear backtracking",
        default_level: Level::Warning,
        cwe: &[1333],
        tags: &["regex"],
        precision: Precision::Medium,
        security_severity: "5.3",
        docs: "# redos\n\nA regex with super-linear backtracking.\n",
    },
    RuleMeta {
        id: "nosql-injection",
        name: "NosqlInjection",
        summary: "client data reaching a NoSQL query object",
        default_level: Level::Error,
        cwe: &[943],
        tags: &["injection"],
        precision: Precision::High,
        security_severity: "8.8",
        docs: NOSQL_DOCS,
    },
    RuleMeta {
        id: "chatty-error",
        name: "ChattyError",
        summary: "a server failure's details sent to the client",
        default_level: Level::Warning,
        cwe: &[209],
        tags: &["disclosure"],
        precision: Precision::High,
        security_severity: "4.3",
        docs: "",
    },
];

/// The span of the `nth` occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str, nth: usize) -> Span {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in fixture"))
        .0;
    Span::new(start as u32, (start + needle.len()) as u32)
}

pub fn fixture() -> RunReport {
    let users = "src/routes/users.js";
    let app = "src/app.js";

    let mut nosql = Finding::new(
        "nosql-injection",
        Level::Error,
        users,
        span_of(USERS_JS, "{ name }", 0),
    )
    .with_label("query object built from client data");
    nosql.message =
        "Client data from `req.query.name` reaches the query object of `User.find()`".into();
    nosql.help = "Cast it to the expected type first: `String(req.query.name)`.".into();
    nosql.related = vec![
        Related {
            path: users.into(),
            span: span_of(USERS_JS, "req.query.name", 0),
            message: "`req.query.name` comes from the query string".into(),
        },
        Related {
            path: app.into(),
            span: span_of(APP_JS, "app.use('/api', require('./routes/users'))", 0),
            message: "the router is mounted here".into(),
        },
    ];
    nosql.flow = vec![
        Related {
            path: users.into(),
            span: span_of(USERS_JS, "req.query.name", 0),
            message: "source: `req.query.name`".into(),
        },
        Related {
            path: users.into(),
            span: span_of(USERS_JS, "name", 2),
            message: "`name` becomes the `name` field".into(),
        },
        Related {
            path: users.into(),
            span: span_of(USERS_JS, "{ name }", 0),
            message: "sink: query object of `User.find()`".into(),
        },
    ];
    nosql
        .properties
        .insert("source".into(), "req.query.name".into());

    let mut redos = Finding::new(
        "redos",
        Level::Note,
        users,
        span_of(USERS_JS, "/^(a+)+$/", 0),
    );
    redos.message =
        "The regex `/^(a+)+$/` backtracks exponentially on `aaaaaaaaaaaaaaaaaaaaaaaaa!`".into();
    redos.help = "Remove the nested quantifier: `/^a+$/`.".into();
    redos
        .properties
        .insert("attack".into(), "aaaaaaaaaaaaaaaaaaaaaaaaa!".into());
    redos
        .properties
        .insert("growth".into(), "exponential".into());

    // A span over three lines, ending right after the newline of its last line.
    let start = APP_JS.find("res.status(500)").unwrap();
    let end = APP_JS.find("  });\n").unwrap() + "  });\n".len();
    let mut chatty = Finding::new(
        "chatty-error",
        Level::Warning,
        app,
        Span::new(start as u32, end as u32),
    );
    chatty.message = "`err.stack` is sent to the client with status 500".into();
    chatty.help = "Log the error on the server; send a generic message.".into();
    chatty.related = vec![Related {
        path: app.into(),
        span: span_of(APP_JS, "err.stack", 0),
        message: "the stack trace".into(),
    }];

    let mut findings = vec![redos, chatty, nosql];
    sort_findings(&mut findings);

    let mut notices = vec![
        Notice::for_file(
            NoticeKind::Skipped(SkipReason::TooLarge),
            "dist/bundle.js",
            "3.2 MiB is over the 1 MiB limit",
        ),
        Notice::at(
            NoticeKind::ParseError,
            "src/broken.js",
            Span::new(9, 10),
            "Expected ident, got `(`",
        ),
        Notice::at(
            NoticeKind::UnusedSuppression,
            app,
            span_of(APP_JS, "// nodeward-ignore-next-line redos", 0),
            "`nodeward-ignore-next-line redos` suppresses no finding on line 6; remove it",
        ),
        Notice::for_file(
            NoticeKind::StaleBaseline,
            "src/old.js",
            "baseline entry for `sql-injection` matches no finding; write the baseline again to drop it",
        ),
    ];
    sort_notices(&mut notices);

    let sources: BTreeMap<String, Arc<str>> = [
        (users, USERS_JS),
        (app, APP_JS),
        ("src/broken.js", BROKEN_JS),
    ]
    .into_iter()
    .map(|(p, t)| (p.to_string(), Arc::from(t)))
    .collect();

    let mut summary = Summary {
        discovered: 5,
        analyzed: 2,
        parse_errors: 1,
        suppressed: 1,
        baselined: 2,
        ..Summary::default()
    };
    summary.skipped.insert(SkipReason::TooLarge, 1);

    RunReport {
        root: PathBuf::from("/work/project"),
        tool_version: "0.1.0",
        rules: RULES.to_vec(),
        findings,
        notices,
        sources,
        summary,
        fingerprints: Vec::new(),
        shown_from: None,
    }
}
