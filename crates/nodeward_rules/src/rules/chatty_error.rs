//! `chatty-error`: a server failure's detail (an error's message, stack,
//! driver fields, or the error object itself) sent to the client.
//!
//! Sinks are the responses: `res.send/json/jsonp/end/write`, `render`'s
//! locals (and `res.locals`), `redirect`'s URL, Koa's `ctx.body =` and
//! `ctx.throw(…, { expose: true })`, and NestJS exceptions with a 5xx
//! status. Where the value comes from is the dataflow engine's walk to
//! error objects (`Flow::error_value`), which also reads the environment
//! gates on the way. A 4xx response may say what is wrong with the request,
//! and a branch that recognises the error (`instanceof`, `err.expose`, a
//! status below 500) handles a known one: neither is reported unless the
//! status written there is a 5xx. Everything else (a 5xx, the error's own
//! status, no status at all, so that a failure goes out as a 200) is.

use nodeward_report::{Finding, Level, Precision, RuleMeta, Span};
use nodeward_semantic::flow::{
    error_data, ErrorValue, Flow, ResponseObject, CLIENT, FROM_ERROR, SERVER,
};
use nodeward_semantic::routes::{describe, name};
use nodeward_semantic::{CondId, Effect, FileId, FnId, Project, Val};

use crate::flow_sinks::{budget_notices, call_sites, flow_steps_to, method_span};
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "chatty-error",
    name: "ChattyError",
    summary: "A server error's detail is sent to the client",
    default_level: Level::Warning,
    cwe: &[209],
    tags: &["information-disclosure", "errors"],
    precision: Precision::High,
    security_severity: "5.3",
    docs: include_str!("../../../../rules/chatty-error.md"),
};

/// No status is set before the body: Express, Koa and Fastify send 200.
const UNSET: u8 = 64;

pub struct ChattyError;

/// A response that may carry an error's detail.
struct Sink<'p> {
    file: FileId,
    func: FnId,
    cond: Option<CondId>,
    /// The response object the sink needs (checked once an error is found
    /// in the values: most calls named `send` or `write` are not
    /// responses, and few send errors), and whether it must be Koa's
    /// context (`ctx.body`, `ctx.throw`).
    on: Option<(Val, bool)>,
    /// `send`: Fastify's `reply.send(err)` hands the error to the error
    /// handler (whose own responses are checked where it is written).
    sends: bool,
    /// Where the finding points (the method of the call, the assignment).
    span: Span,
    /// The whole call or assignment, for the flow's last step.
    at: Span,
    /// As written: `res.status(…).json`, `ctx.body`.
    callee: String,
    /// The values sent.
    values: Vec<&'p Val>,
    status: Status<'p>,
}

/// Where a sink's status comes from.
enum Status<'p> {
    /// Looked up on the response object before the sink: the chain
    /// (`res.status(500).json`), an earlier `res.status(…)`, an assignment
    /// (`res.statusCode = …`, `ctx.status = …`).
    Of { root: Val, chained: Option<&'p Val> },
    /// A NestJS exception: its class's status, or its status argument.
    Given(Option<&'p Val>),
}

impl Rule for ChattyError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    fn sink_calls(&self) -> Vec<&'static str> {
        let r = &error_data().response;
        r.send
            .iter()
            .chain(&r.render)
            .chain(&r.redirect)
            .map(|s| &**s)
            .chain(["throw"])
            .collect()
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let mut sinks = call_sinks(ctx);
        sinks.extend(body_sinks(ctx));
        sinks.extend(nest_sinks(ctx));
        sinks.sort_by_key(|s| (s.file, s.span.start));
        let mut guard = ctx.flow();
        let Some(flow) = guard.as_mut() else { return };
        let flow: &Flow = flow;
        for s in sinks {
            if let Some(f) = report(project, flow, &s) {
                out.push(f);
            }
        }
        budget_notices(ctx, flow, "error objects");
    }
}

/// The response calls: a method of a response object (through chained
/// calls such as `status(…)`), or Koa's `ctx.throw` with `expose: true`.
fn call_sinks<'p>(ctx: &Ctx<'p>) -> Vec<Sink<'p>> {
    let r = &error_data().response;
    let project = ctx.project;
    let found = call_sites(
        ctx,
        ChattyError.sink_calls(),
        |fid| ctx.leaves_aside(fid),
        |_, site| {
            let (recv, m) = site.call.callee.as_member()?;
            let (root, chained) = chain_root(recv);
            let throw = m.as_str() == "throw";
            if throw && !exposes(&site.call.args) {
                return None;
            }
            Some((m.to_string(), root.clone(), chained, throw))
        },
    );
    let mut guard = ctx.flow();
    let Some(flow) = guard.as_mut() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (file, func, site, (m, root, chained, throw)) in found {
        // Most calls named `send` or `write` are not responses: those whose
        // receiver neither is one by its role or name nor depends on a
        // helper's callers are left now; the callers are asked only once
        // an error is found in what is sent.
        if flow.response_object_here(file, &root).is_none() && !flow.callers_decide(file, &root) {
            continue;
        }
        let args = &site.call.args;
        let values: Vec<&Val> = if throw {
            args.iter()
                .filter(|a| !matches!(a, Val::Object(_)))
                .collect()
        } else if r.render.contains(&m) {
            let mut v: Vec<&Val> = args.get(1).into_iter().collect();
            v.extend(locals_before(project, file, func, &root, site.call.span));
            v
        } else if r.redirect.contains(&m) {
            args.last().into_iter().collect()
        } else {
            args.first().into_iter().collect()
        };
        if values.is_empty() {
            continue;
        }
        out.push(Sink {
            file,
            func,
            cond: site.cond,
            on: Some((root.clone(), throw)),
            sends: m == "send",
            span: method_span(site, &m),
            at: site.call.span,
            callee: name(project.file(file), &site.call.callee),
            values,
            status: Status::Of { root, chained },
        });
    }
    out
}

/// `res.status(500).type('json')` → `res`, and the status given on the way.
fn chain_root(recv: &Val) -> (&Val, Option<&Val>) {
    let r = &error_data().response;
    let mut cur = recv;
    let mut status = None;
    while let Val::Call(c) = cur {
        let Some((obj, m)) = c.callee.as_member() else {
            break;
        };
        if !r.chain.iter().any(|x| x == m.as_str()) {
            break;
        }
        if status.is_none() && r.status.iter().any(|x| x == m.as_str()) {
            status = c.args.first();
        }
        cur = obj;
    }
    (cur, status)
}

/// `ctx.throw(500, msg, { expose: true })`: Koa sends the message of a 5xx
/// only when told to.
fn exposes(args: &[Val]) -> bool {
    args.iter()
        .any(|a| matches!(a.prop("expose"), Some(Val::Bool(true))))
}

/// `res.locals.message = err.message` before `res.render(view)`.
fn locals_before<'p>(
    project: &'p Project,
    file: FileId,
    func: FnId,
    root: &Val,
    before: Span,
) -> Vec<&'p Val> {
    let Some(f) = project.file(file).function(func) else {
        return Vec::new();
    };
    f.effects
        .iter()
        .filter_map(|e| match &e.effect {
            Effect::Assign {
                target,
                value,
                span,
            } if span.start < before.start => {
                let (obj, _) = target.as_member()?;
                let on_locals = obj
                    .as_member()
                    .is_some_and(|(o, p)| p.as_str() == "locals" && o == root)
                    || target
                        .as_member()
                        .is_some_and(|(o, p)| p.as_str() == "locals" && o == root);
                on_locals.then_some(value)
            }
            _ => None,
        })
        .collect()
}

/// `x.body = v` in a function: (file, function, condition, span, `x`, `v`).
type BodyWrite<'p> = (FileId, FnId, Option<CondId>, Span, &'p Val, &'p Val);

/// Koa's `ctx.body = …` and `ctx.response.body = …`.
fn body_sinks<'p>(ctx: &Ctx<'p>) -> Vec<Sink<'p>> {
    use rayon::prelude::*;
    let project: &'p Project = ctx.project;
    let found: Vec<BodyWrite<'p>> = (0..project.files.len() as FileId)
        .into_par_iter()
        .filter(|&f| !ctx.leaves_aside(f))
        .flat_map_iter(|file| {
            let mut v = Vec::new();
            for (func, f) in project.file(file).functions.iter().enumerate() {
                for e in &f.effects {
                    if let Effect::Assign {
                        target,
                        value,
                        span,
                    } = &e.effect
                    {
                        if let Some((obj, p)) = target.as_member() {
                            if p.as_str() == "body" {
                                v.push((file, func as FnId, e.cond, *span, obj, value));
                            }
                        }
                    }
                }
            }
            v
        })
        .collect();
    let mut guard = ctx.flow();
    let Some(flow) = guard.as_mut() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (file, func, cond, span, obj, value) in found {
        // `ctx.response.body`: the context is the object's object.
        let ctx_val = match obj.as_member() {
            Some((o, p)) if p.as_str() == "response" => o,
            _ => obj,
        };
        if flow.response_object_here(file, ctx_val) != Some(ResponseObject::Context) {
            continue;
        }
        out.push(Sink {
            file,
            func,
            cond,
            on: Some((ctx_val.clone(), true)),
            sends: false,
            span,
            at: span,
            callee: format!("{}.body", name(project.file(file), obj)),
            values: vec![value],
            status: Status::Of {
                root: ctx_val.clone(),
                chained: None,
            },
        });
    }
    out
}

/// NestJS: `new InternalServerErrorException(err.message)`, `new
/// HttpException(body, status)`, whose body the client receives.
fn nest_sinks<'p>(ctx: &Ctx<'p>) -> Vec<Sink<'p>> {
    let project: &'p Project = ctx.project;
    let nest = &error_data().nest;
    let mut out = Vec::new();
    for (fid, model) in project.files.iter().enumerate() {
        let file = fid as FileId;
        if ctx.leaves_aside(file) || !model.imports.iter().any(|i| &**i == "@nestjs/common") {
            continue;
        }
        for (func, f) in model.functions.iter().enumerate() {
            for site in &f.calls {
                if !site.call.new {
                    continue;
                }
                let class = name(model, &site.call.callee);
                let class = class.rsplit('.').next().unwrap_or(&class);
                let status = if nest.server_exceptions.iter().any(|c| c == class) {
                    None
                } else if nest.status_exceptions.iter().any(|c| c == class) {
                    match site.call.args.get(1) {
                        Some(s) => Some(s),
                        None => continue,
                    }
                } else {
                    continue;
                };
                let Some(body) = site.call.args.first() else {
                    continue;
                };
                out.push(Sink {
                    file,
                    func: func as FnId,
                    cond: site.cond,
                    on: None,
                    sends: false,
                    span: site.callee_span,
                    at: site.call.span,
                    callee: format!("new {class}"),
                    values: vec![body],
                    status: Status::Given(status),
                });
            }
        }
    }
    out
}

/// The finding for a sink, if error detail reaches it with a status that
/// is not a deliberate client error.
fn report(project: &Project, flow: &Flow, s: &Sink) -> Option<Finding> {
    let e: ErrorValue = s
        .values
        .iter()
        .find_map(|v| flow.error_value(s.file, s.func, v, s.cond))?;
    if let Some((root, context)) = &s.on {
        match flow.response_object(s.file, root)? {
            ResponseObject::Context if !context => return None,
            ResponseObject::Response | ResponseObject::Reply if *context => return None,
            ResponseObject::Reply if e.whole && s.sends => return None,
            _ => {}
        }
    }
    let gate = flow.use_gate(s.file, s.func, s.cond);
    if gate.off {
        return None;
    }
    let (bits, status_text) = status_of(project, flow, s);
    // A recognised error is reported only with a 5xx written for it
    // (`res.status(500)`), not with the error's own status and a 5xx
    // fallback (`err.status || 500`).
    let reported = if gate.recognised {
        bits == SERVER
    } else {
        // The error's own status alone (`res.status(err.status)`) is the
        // status it was made with: a 4xx for the client errors that carry
        // one (body-parser's, http-errors'), and no 5xx default is written.
        bits & !(CLIENT | FROM_ERROR) != 0
    };
    if !reported {
        return None;
    }
    let model = project.file(s.file);
    let what = if e.whole {
        format!("the error object {}", e.what)
    } else {
        e.what.clone()
    };
    let mut finding = Finding::new(META.id, META.default_level, model.path.clone(), s.span);
    finding.message = format!(
        "{what} is sent to the client by `{}` with {status_text}: a server failure's detail (its message, stack, SQL, file paths) shows how the server works and where it breaks",
        s.callee
    );
    let gates: Vec<String> = e
        .default_gates
        .iter()
        .chain(&gate.default_gates)
        .map(|g| format!("`{g}`"))
        .collect();
    if !gates.is_empty() {
        finding.message.push_str(&format!(
            "; it is shown by default, since {} holds when NODE_ENV is unset",
            gates.join(" and ")
        ));
    }
    if e.by_name {
        finding.message.push_str(
            " (the error is a parameter named like one, in a function no call in the project reaches)",
        );
        finding
            .properties
            .insert("precision".into(), serde_json::Value::from("medium"));
    }
    finding.help = "log the error on the server with a correlation id and send a generic message (`res.status(500).json({ error: 'Internal server error', id })`); a 4xx response may say what is wrong with the request, and detail for developers belongs behind `NODE_ENV === 'development'`".into();
    finding.flow = flow_steps_to(
        project,
        &e.steps,
        s.file,
        s.at,
        format!("is sent to the client by `{}`", s.callee),
    );
    finding
        .properties
        .insert("source".into(), serde_json::Value::from(e.what.as_str()));
    finding
        .properties
        .insert("status".into(), serde_json::Value::from(status_text));
    Some(finding)
}

/// The statuses a sink's response can have, and how the message says it.
fn status_of(project: &Project, flow: &Flow, s: &Sink) -> (u8, String) {
    let model = project.file(s.file);
    let shown = |v: &Val| format!("status `{}`", describe(model, v));
    match &s.status {
        Status::Given(None) => (SERVER, "a 500 status".into()),
        Status::Given(Some(v)) => (flow.status_value(s.file, s.func, v, s.cond), shown(v)),
        Status::Of {
            chained: Some(v), ..
        } => (flow.status_value(s.file, s.func, v, s.cond), shown(v)),
        Status::Of {
            root,
            chained: None,
        } => match status_before(project, s, root) {
            Some(v) => (flow.status_value(s.file, s.func, v, s.cond), shown(v)),
            None => (
                UNSET,
                "no status set before it (a 200 unless an earlier handler set one)".into(),
            ),
        },
    }
}

/// The last status set on `root` before the sink in its function, under
/// the sink's condition or one around it: `res.status(500);`,
/// `res.writeHead(500)`, `res.statusCode = 500`, `ctx.status = 500`.
fn status_before<'p>(project: &'p Project, s: &Sink, root: &Val) -> Option<&'p Val> {
    let r = &error_data().response;
    let model = project.file(s.file);
    let f = model.function(s.func)?;
    let mut best: Option<(u32, &Val)> = None;
    let mut consider = |start: u32, cond: Option<CondId>, v: &'p Val| {
        if start < s.span.start
            && encloses(project, s.file, cond, s.cond)
            && best.is_none_or(|(b, _)| b < start)
        {
            best = Some((start, v));
        }
    };
    for site in &f.calls {
        let Some((obj, m)) = site.call.callee.as_member() else {
            continue;
        };
        let m = m.as_str();
        let sets = r.status.iter().any(|x| x == m) || r.status_calls.iter().any(|x| x == m);
        if sets && chain_root(obj).0 == root {
            if let Some(v) = site.call.args.first() {
                consider(site.call.span.start, site.cond, v);
            }
        }
    }
    for e in &f.effects {
        if let Effect::Assign {
            target,
            value,
            span,
        } = &e.effect
        {
            let Some((obj, p)) = target.as_member() else {
                continue;
            };
            let obj = match obj.as_member() {
                Some((o, q)) if q.as_str() == "response" => o,
                _ => obj,
            };
            if r.status_props.iter().any(|x| x == p.as_str()) && obj == root {
                consider(span.start, e.cond, value);
            }
        }
    }
    best.map(|(_, v)| v)
}

/// Whether condition `outer` is `inner` or one of its parents (`None`: the
/// function's body, around everything).
fn encloses(project: &Project, file: FileId, outer: Option<CondId>, inner: Option<CondId>) -> bool {
    let Some(outer) = outer else { return true };
    let model = project.file(file);
    let mut next = inner;
    let mut guard = 0;
    while let Some(id) = next {
        if id == outer {
            return true;
        }
        guard += 1;
        if guard > 256 {
            break;
        }
        next = model.cond(id).and_then(|c| c.parent);
    }
    false
}
