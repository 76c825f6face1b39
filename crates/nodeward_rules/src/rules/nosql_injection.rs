//! `nosql-injection`: client data that can be an object reaching a query
//! filter (`{ email: req.body.email }` gets `{"$ne": null}`), a whole
//! filter or update document from the request, or client text in `$where`.
//!
//! Sinks are data (rules/models/nosql.toml); where the value comes from is
//! the dataflow engine's (`nodeward_semantic::flow`).

use std::collections::HashSet;

use nodeward_report::{Finding, Level, Precision, RuleMeta};
use nodeward_semantic::api::api_path;
use nodeward_semantic::flow::{Flow, QueryHit, QueryPart, OBJECT};
use nodeward_semantic::{CallSite, FileId, FnId, Project, Val};

use crate::flow_sinks::{
    budget_notices, candidates, flow_steps, imports_any, method_span, names, unresolved,
};
use crate::models::{nosql, NosqlKind, NosqlSink};
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "nosql-injection",
    name: "NosqlInjection",
    summary: "Client data that can be an object reaches a NoSQL query",
    default_level: Level::Error,
    cwe: &[943],
    tags: &["injection", "nosql", "mongodb"],
    precision: Precision::High,
    security_severity: "8.1",
    docs: include_str!("../../../../rules/nosql-injection.md"),
};

pub struct NosqlInjection;

impl Rule for NosqlInjection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    fn sink_calls(&self) -> Vec<&'static str> {
        let mut v: Vec<&'static str> = names(&nosql().sink, |s| &s.methods).into_iter().collect();
        // `mongoose.set('sanitizeFilter', true)`.
        v.push("set");
        v
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let methods = names(&nosql().sink, |s| &s.methods);
        let by_name_ok = imports_any(project, &names(&nosql().sink, |s| &s.packages));
        let found = candidates(ctx, &methods, |file, recv, m| {
            sinks_of(project, file, recv, m, by_name_ok)
        });
        let sanitize_filter = sets_sanitize_filter(project);
        let mut guard = ctx.flow();
        let Some(flow) = guard.as_mut() else { return };
        let flow: &Flow = flow;
        // One finding a call: the first row (filter before update) that
        // the client reaches.
        let mut done = HashSet::new();
        for c in found {
            let key = (c.file, c.site.call.span);
            if done.contains(&key) {
                continue;
            }
            // `mongoose.set('sanitizeFilter', true)`: Mongoose wraps every
            // `$` key of a filter in `$eq` (updates are not filters).
            if sanitize_filter
                && matches!(c.sink.kind, NosqlKind::Filter | NosqlKind::Id)
                && c.site.call.callee.as_member().is_some_and(|(recv, _)| {
                    api_path(project, c.file, recv).is_some_and(|p| p.package == "mongoose")
                })
            {
                continue;
            }
            if let Some(finding) = check_site(
                project, flow, c.file, c.func, c.site, c.sink, c.method, c.by_name,
            ) {
                out.push(finding);
                done.insert(key);
            }
        }
        budget_notices(ctx, flow, "a NoSQL query");
    }
}

/// Whether the project turns Mongoose's `sanitizeFilter` on
/// (`mongoose.set('sanitizeFilter', true)`).
fn sets_sanitize_filter(project: &Project) -> bool {
    project.calls_named("set").iter().any(|&at| {
        let c = &project.call_site(at).call;
        matches!(c.args.as_slice(), [Val::Str(k), Val::Bool(true)] if &**k == "sanitizeFilter")
            && c.callee.as_member().is_some_and(|(recv, _)| {
                api_path(project, at.file, recv).is_some_and(|p| p.package == "mongoose")
            })
    })
}

/// The sink rows a call matches: its receiver is a value of one of the
/// rows' packages, or (by name) cannot be resolved at all.
pub(crate) fn sinks_of(
    project: &Project,
    file: FileId,
    recv: &Val,
    method: &str,
    by_name_ok: bool,
) -> Vec<(&'static NosqlSink, bool)> {
    let rows = nosql()
        .sink
        .iter()
        .filter(|s| s.methods.iter().any(|m| m == method));
    match api_path(project, file, recv) {
        // `Model.find().where(…)` and `db.collection('x').find(…)`.
        Some(path) => rows
            .filter(|s| s.packages.contains(&path.package))
            .map(|s| (s, false))
            .collect(),
        None if by_name_ok && unresolved(project, file, recv) => rows
            .filter(|s| s.kind != NosqlKind::PrismaWhere)
            .map(|s| (s, true))
            .collect(),
        None => Vec::new(),
    }
}

#[allow(clippy::too_many_arguments)]
fn check_site(
    project: &Project,
    flow: &Flow,
    file: FileId,
    func: FnId,
    site: &CallSite,
    sink: &NosqlSink,
    method: &str,
    by_name: bool,
) -> Option<Finding> {
    let arg = site.call.args.get(sink.argument)?;
    // Matched by name only: the filter must be an object literal (`find(x =>
    // …)` on an array is not a query).
    if by_name
        && !matches!(project.resolve(file, arg).1, Val::Object(_))
        && !matches!(arg, Val::Object(_))
    {
        return None;
    }
    let hits: Vec<QueryHit> = match sink.kind {
        NosqlKind::Filter | NosqlKind::Update => flow.query_object(file, func, arg, site.cond),
        NosqlKind::Id => flow
            .client_value(file, func, arg, site.cond)
            .filter(|t| t.labels & OBJECT != 0)
            .map(|taint| QueryHit {
                part: QueryPart::Whole,
                taint,
            })
            .into_iter()
            .collect(),
        NosqlKind::PrismaWhere => {
            let (_, v) = project.resolve(file, arg);
            match v.prop("where") {
                Some(w) => flow.query_object(file, func, &w.clone(), site.cond),
                None => Vec::new(),
            }
        }
    };
    // A `$regex` pattern is regex-injection's.
    let hit = hits
        .into_iter()
        .find(|h| !matches!(h.part, QueryPart::Regex(_)))?;
    let model = project.file(file);
    let callee = nodeward_semantic::routes::name(model, &site.call.callee);
    let what = &hit.taint.what;
    let span = method_span(site, method);
    let mut f = Finding::new(META.id, META.default_level, model.path.clone(), span);
    let (message, help) = describe(&hit, sink.kind, &callee, what, method);
    f.message = message;
    if by_name || hit.taint.by_name {
        f.message.push_str(if by_name {
            " (the receiver is not resolved: matched as a query by its method name)"
        } else {
            " (the handler is recognised by its parameter's name, not by a route)"
        });
        f.properties
            .insert("precision".into(), serde_json::Value::from("medium"));
    }
    f.help = help;
    f.flow = flow_steps(
        project,
        &hit.taint.steps,
        file,
        site,
        format!("reaches the query `{callee}(…)`"),
    );
    f.properties
        .insert("source".into(), serde_json::Value::from(what.as_str()));
    Some(f)
}

fn describe(
    hit: &QueryHit,
    kind: NosqlKind,
    callee: &str,
    what: &str,
    method: &str,
) -> (String, String) {
    let fix_value = "make sure it is a string before the query: check `typeof … === 'string'` and answer 400 otherwise, cast it with `String(…)`, or compare with `{ $eq: … }`; a validator (joi, zod, express-validator) or express-mongo-sanitize also works".to_string();
    match (&hit.part, kind) {
        // Left to regex-injection (filtered out above).
        (QueryPart::Regex(field), _) => (
            format!("`{what}` is the `$regex` of `{field}` in `{callee}(…)`"),
            "escape it with escape-string-regexp before it becomes a pattern".into(),
        ),
        (QueryPart::Where, _) => (
            format!("`{what}` is written into a `$where` of `{callee}(…)`: the database runs it as JavaScript, so the client can make the condition anything"),
            "never build `$where` from client data; express the condition with query operators and pass the value as a value".into(),
        ),
        (QueryPart::Field(field), _) => (
            format!("`{what}` reaches the `{field}` field of the filter of `{callee}(…)` and can be an object: `{{\"$ne\": null}}` instead of a value matches every document"),
            fix_value,
        ),
        (QueryPart::Whole, NosqlKind::Update) => (
            format!("`{what}` is the whole update document of `{callee}(…)`: the client chooses the operators and fields (`$set` on any field, `$unset`, `$rename`)"),
            "build the update from the fields you accept (`{ $set: { name: String(body.name) } }`), or validate the body with a schema first".into(),
        ),
        (QueryPart::Whole, NosqlKind::Id) => (
            format!("`{what}` is passed to `{method}` and can be an object: `{{\"$ne\": null}}` as the id matches a document the client does not know"),
            fix_value,
        ),
        (QueryPart::Whole, _) => (
            format!("`{what}` is the whole filter of `{callee}(…)`: the client chooses the fields and operators (`{{\"$ne\": null}}`, `$regex`, `$where`)"),
            "build the filter from the fields you accept, each checked to be a string (`{ email: String(q.email) }`), or validate the query with a schema".into(),
        ),
    }
}
