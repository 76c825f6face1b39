//! `regex-injection`: client text that becomes a regular-expression
//! pattern (`new RegExp(req.query.q)`, `s.match(q)`, a MongoDB `$regex`)
//! without escaping or an allow-list.

use nodeward_report::{Finding, Level, Precision, RuleMeta};
use nodeward_semantic::flow::{Flow, QueryPart, Taint, REGEX, TEXT};
use nodeward_semantic::{Atom, CallSite, FileId, Project, Val};

use crate::flow_sinks::{budget_notices, flow_steps, imports_any, method_span, names};
use crate::models::{nosql, regex_sinks, RegexSinks};
use crate::rules::nosql_injection::sinks_of as query_sinks_of;
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "regex-injection",
    name: "RegexInjection",
    summary: "Client text becomes a regular-expression pattern",
    default_level: Level::Error,
    cwe: &[730, 1333],
    tags: &["injection", "regex", "redos"],
    precision: Precision::High,
    security_severity: "7.5",
    docs: include_str!("../../../../rules/regex-injection.md"),
};

pub struct RegexInjection;

impl Rule for RegexInjection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    /// `RegExp(…)`, the string methods, and the query methods of a
    /// `$regex` filter (`sink_shape` reads those only in a project that
    /// imports a MongoDB package).
    fn sink_calls(&self) -> Vec<&'static str> {
        let sinks = regex_sinks();
        let constructors = sinks
            .constructor
            .iter()
            .flat_map(|c| c.apis.iter().filter_map(|a| a.strip_prefix("global ")));
        let methods = sinks.string_methods.methods.iter().map(String::as_str);
        let queries = names(&nosql().sink, |s| &s.methods);
        constructors.chain(methods).chain(queries).collect()
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let sinks = regex_sinks();
        let mongo = imports_any(project, &names(&nosql().sink, |s| &s.packages));
        let query_methods = names(&nosql().sink, |s| &s.methods);
        // The calls that can be sinks, found in parallel before the engine
        // (whose queries run one at a time) is taken.
        let sites = crate::flow_sinks::call_sites(
            ctx,
            self.sink_calls(),
            |fid| ctx.leaves_aside(fid),
            |_, site| sink_shape(site, sinks, mongo, &query_methods),
        );
        let mut guard = ctx.flow();
        let Some(flow) = guard.as_mut() else { return };
        let flow: &Flow = flow;
        for (fid, func, site, shape) in sites {
            let (recv, m) = match shape {
                Shape::Pattern { arg, method } => {
                    if let Some(t) = flow.client_value(fid, func, arg, site.cond) {
                        if t.labels & TEXT != 0 && t.escaped & REGEX == 0 {
                            let (what, span) = match method {
                                Some(m) => (format!("`.{m}(…)`"), method_span(site, m)),
                                None => ("`RegExp(…)`".to_string(), site.callee_span),
                            };
                            out.push(finding(project, fid, site, span, &t, &what));
                        }
                    }
                    continue;
                }
                Shape::Query { recv, method } => (recv, method),
            };
            // `{ name: { $regex: q } }` in a MongoDB or Mongoose filter.
            for (sink, _) in query_sinks_of(project, fid, recv, m, true) {
                let Some(filter) = site.call.args.get(sink.argument) else {
                    continue;
                };
                let hit = flow
                    .query_object(fid, func, filter, site.cond)
                    .into_iter()
                    .find(|h| {
                        matches!(h.part, QueryPart::Regex(_)) && h.taint.escaped & REGEX == 0
                    });
                if let Some(h) = hit {
                    let QueryPart::Regex(field) = &h.part else {
                        continue;
                    };
                    let what = format!("the `$regex` of `{field}`");
                    out.push(finding(
                        project,
                        fid,
                        site,
                        method_span(site, m),
                        &h.taint,
                        &what,
                    ));
                    break;
                }
            }
        }
        budget_notices(ctx, flow, "a regex pattern");
    }
}

/// What a call can be, by its shape alone.
enum Shape<'p> {
    /// `new RegExp(arg)` (`method: None`), or a one-argument string method
    /// (`s.match(arg)`) whose argument is not a literal.
    Pattern {
        arg: &'p Val,
        method: Option<&'p str>,
    },
    /// A query method, when a MongoDB package is imported.
    Query { recv: &'p Val, method: &'p Atom },
}

fn sink_shape<'p>(
    site: &'p CallSite,
    sinks: &RegexSinks,
    mongo: bool,
    query_methods: &std::collections::HashSet<&str>,
) -> Option<Shape<'p>> {
    let not_literal = |a: Option<&'p Val>| a.filter(|a| !matches!(a, Val::Regex(_) | Val::Str(_)));
    // (Only a global can be `RegExp`: the name lookup is skipped for every
    // other call.)
    if let Val::Global(g) = &site.call.callee {
        let c = sinks.constructor.iter().find(|c| {
            c.apis
                .iter()
                .any(|a| a.strip_prefix("global ") == Some(g.as_str()))
        })?;
        let arg = not_literal(site.call.args.get(c.argument))?;
        return Some(Shape::Pattern { arg, method: None });
    }
    let (recv, m) = site.call.callee.as_member()?;
    // String#match, matchAll and search take one argument:
    // `server.match(method, path)` is a router's.
    if site.call.args.len() == 1 && sinks.string_methods.methods.iter().any(|x| x == m.as_str()) {
        let arg = not_literal(site.call.args.first())?;
        return Some(Shape::Pattern {
            arg,
            method: Some(m.as_str()),
        });
    }
    (mongo && query_methods.contains(m.as_str())).then_some(Shape::Query { recv, method: m })
}

fn finding(
    project: &Project,
    file: FileId,
    site: &CallSite,
    span: nodeward_report::Span,
    t: &Taint,
    what: &str,
) -> Finding {
    let mut f = Finding::new(
        META.id,
        META.default_level,
        project.file(file).path.clone(),
        span,
    );
    f.message = format!(
        "`{}` becomes the pattern of {what}: the client chooses the regex, so it can match anything (`.*`) or backtrack for seconds (`(a+)+$`)",
        t.what
    );
    if t.by_name {
        f.message
            .push_str(" (the handler is recognised by its parameter's name, not by a route)");
        f.properties
            .insert("precision".into(), serde_json::Value::from("medium"));
    }
    f.help = "escape it first (`escapeStringRegexp(q)` from escape-string-regexp, lodash `_.escapeRegExp(q)`, `RegExp.escape(q)`), check it against an allow-list (`/^[\\w-]+$/.test(q)`), or use RE2 for patterns clients may choose".into();
    f.flow = flow_steps(
        project,
        &t.steps,
        file,
        site,
        format!("becomes the pattern of {what}"),
    );
    f.properties
        .insert("source".into(), serde_json::Value::from(t.what.as_str()));
    f
}
