//! `sql-injection`: client text written into SQL text (concatenation or a
//! template literal) that a driver, query builder or ORM runs.
//!
//! Sinks are data (rules/models/sql.toml); where the text comes from is the
//! dataflow engine's. Bind parameters keep data out of the text, so only
//! the SQL argument itself is followed; `String()` keeps the client's text
//! (not a sanitizer here), a number conversion ends it, and the drivers'
//! escaping functions make it safe for SQL only.

use nodeward_report::{Finding, Level, Precision, RuleMeta};
use nodeward_semantic::api::api_path;
use nodeward_semantic::flow::{Flow, SQL, TEXT};
use nodeward_semantic::{FileId, Project, Val};

use crate::flow_sinks::{
    budget_notices, candidates, flow_steps, imports_any, method_span, names, unresolved,
};
use crate::models::{sql, SqlSink};
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "sql-injection",
    name: "SqlInjection",
    summary: "Client text is written into SQL text that is run",
    default_level: Level::Error,
    cwe: &[89],
    tags: &["injection", "sql"],
    precision: Precision::High,
    security_severity: "8.8",
    docs: include_str!("../../../../rules/sql-injection.md"),
};

pub struct SqlInjection;

impl Rule for SqlInjection {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    fn sink_calls(&self) -> Vec<&'static str> {
        names(&sql().sink, |s| &s.methods).into_iter().collect()
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let methods = names(&sql().sink, |s| &s.methods);
        let by_name_ok = imports_any(project, &names(&sql().sink, |s| &s.packages));
        let found = candidates(ctx, &methods, |file, recv, m| {
            sink_of(project, file, recv, m, by_name_ok)
                .into_iter()
                .collect()
        });
        let mut guard = ctx.flow();
        let Some(flow) = guard.as_mut() else { return };
        let flow: &Flow = flow;
        for c in found {
            let (fid, site, m, sink, by_name) = (c.file, c.site, c.method, c.sink, c.by_name);
            let model = project.file(fid);
            let Some(arg) = site.call.args.get(sink.argument) else {
                continue;
            };
            // pg's query config: `query({ text, values })`.
            let text_prop = match project.resolve(fid, arg).1 {
                Val::Object(_) => project.resolve(fid, arg).1.prop("text").cloned(),
                _ => None,
            };
            let arg = text_prop.as_ref().unwrap_or(arg);
            // By name only: the argument must be text built here.
            if by_name && !built_text(project, fid, arg) {
                continue;
            }
            let Some(t) = flow.client_value(fid, c.func, arg, site.cond) else {
                continue;
            };
            if t.labels & TEXT == 0 || t.escaped & SQL != 0 {
                continue;
            }
            let callee = nodeward_semantic::routes::name(model, &site.call.callee);
            let mut finding = Finding::new(
                META.id,
                META.default_level,
                model.path.clone(),
                method_span(site, m),
            );
            finding.message = format!(
                "`{}` is written into the SQL text of `{callee}(…)`: the client can change the query (`' OR '1'='1`, a `UNION SELECT`)",
                t.what
            );
            if by_name || t.by_name {
                finding.message.push_str(if by_name {
                    " (the receiver is not resolved: matched as a query by its method name)"
                } else {
                    " (the handler is recognised by its parameter's name, not by a route)"
                });
                finding
                    .properties
                    .insert("precision".into(), serde_json::Value::from("medium"));
            }
            finding.help = "pass the value as a bind parameter (`query('SELECT … WHERE id = ?', [id])`, `$1` for pg, `replacements` for Sequelize, `knex.raw('… = ?', [id])`) or use the query builder; a column or table name must come from an allow-list".into();
            finding.flow = flow_steps(
                project,
                &t.steps,
                fid,
                site,
                format!("is run as SQL by `{callee}(…)`"),
            );
            finding
                .properties
                .insert("source".into(), serde_json::Value::from(t.what.as_str()));
            out.push(finding);
        }
        budget_notices(ctx, flow, "SQL text");
    }
}

/// The sink row a call matches: its receiver is a value of one of the
/// row's packages, or (by name) cannot be resolved at all.
fn sink_of(
    project: &Project,
    file: FileId,
    recv: &Val,
    method: &str,
    by_name_ok: bool,
) -> Option<(&'static SqlSink, bool)> {
    let mut rows = sql()
        .sink
        .iter()
        .filter(|s| s.methods.iter().any(|m| m == method));
    match api_path(project, file, recv) {
        // `db.prepare(sql).all(x)`: a prepared statement's methods take
        // bind values, not SQL.
        Some(path)
            if path.steps.iter().any(
                |s| matches!(s, nodeward_semantic::api::ApiStep::Member(m) if m == "prepare"),
            ) =>
        {
            None
        }
        Some(path) => rows
            .find(|s| s.packages.contains(&path.package))
            .map(|s| (s, false)),
        None if by_name_ok && unresolved(project, file, recv) => {
            rows.find(|s| s.by_name).map(|s| (s, true))
        }
        None => None,
    }
}

/// Whether `v` is text built by concatenation or a template literal
/// (through variables given one value, or `sql += …`).
fn built_text(project: &Project, file: FileId, v: &Val) -> bool {
    let mut cur = v;
    for _ in 0..8 {
        match cur {
            Val::Template(_) => return true,
            Val::Bin(b) if b.0 == "+" => return true,
            Val::Binding(id) => {
                let values = project.file(file).binding_values(*id);
                if values.len() > 1 {
                    return values
                        .iter()
                        .any(|x| matches!(x, Val::Template(_) | Val::Bin(_)));
                }
                match values.first() {
                    Some(one) => cur = one,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
    false
}
