//! `swallowed-crash`, kind 3: a crash one simple request can cause.
//!
//! (a) In an `async` Express 4 handler, a rejection goes nowhere: Express 4
//! does not look at the promise a handler returns, so a `throw`, a
//! `JSON.parse` / `decodeURIComponent` / `new URL` / `BigInt` of client
//! text, or an awaited query that rejects on a malformed id (Mongoose's
//! `CastError`) outside a `try` becomes an unhandled rejection, and Node 15
//! and later end the process on one. Express 5, a wrapper
//! (`asyncHandler(fn)`, a project `wrap(fn)`) and `express-async-errors`
//! pass it to the error handler; sync handlers, Koa, Fastify and NestJS
//! catch what their handlers throw.
//!
//! (b) Whatever the framework, a callback that runs later (an `fs`
//! callback, a timer, a `'data'`/`'end'`/`'message'` listener, a driver's
//! `(err, rows) => …`) runs outside its error handling: a `throw` there,
//! or a `JSON.parse` of what a listener received, is an uncaught exception.
//! Reported when the callback is written inside a request handler (or a
//! server's `createServer` / `'connection'` callback).

use std::collections::HashSet;

use nodeward_report::{Finding, Span};
use nodeward_semantic::api::api_path;
use nodeward_semantic::flow::Flow;
use nodeward_semantic::routes::{name, Framework};
use nodeward_semantic::{CallSite, Effect, FileId, FnId, Project, Val};

use crate::rules::swallowed_crash::META;
use crate::Ctx;

/// Globals that throw on malformed text.
const PARSERS: &[&str] = &["JSON.parse", "decodeURIComponent", "decodeURI", "BigInt"];
/// Mongoose queries that reject on a malformed id (`CastError`).
const ID_QUERIES: &[&str] = &[
    "findById",
    "findByIdAndUpdate",
    "findByIdAndDelete",
    "findByIdAndRemove",
    "findOne",
    "findOneAndUpdate",
    "findOneAndDelete",
    "find",
    "exists",
    "deleteOne",
    "updateOne",
    "countDocuments",
];
/// Events whose listeners run later with what the client sent.
const LISTENED: &[&str] = &[
    "data", "end", "message", "close", "line", "readable", "finish",
];
const TIMERS: &[&str] = &["setTimeout", "setInterval", "setImmediate"];
const FS: &[&str] = &["fs", "node:fs", "graceful-fs", "fs-extra"];

pub(crate) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut guard = ctx.flow();
    let Some(flow) = guard.as_mut() else { return };
    let flow: &Flow = flow;
    async_express_handlers(ctx, flow, out);
    late_callbacks(ctx, flow, out);
}

fn finding(project: &Project, file: FileId, span: Span, message: String, help: &str) -> Finding {
    let mut f = Finding::new(
        META.id,
        META.default_level,
        project.file(file).path.clone(),
        span,
    );
    f.message = message;
    f.help = help.into();
    f.properties
        .insert("kind".into(), serde_json::Value::from("request-crash"));
    f
}

/// (a): the async handlers of Express 4 routes, passed as themselves.
fn async_express_handlers(ctx: &Ctx, flow: &Flow, out: &mut Vec<Finding>) {
    let project = ctx.project;
    if project
        .files
        .iter()
        .any(|m| m.imports.iter().any(|i| &**i == "express-async-errors"))
    {
        return;
    }
    let mut seen = HashSet::new();
    for r in &ctx.routes.routes {
        if r.framework != Framework::Express {
            continue;
        }
        let app_file = ctx.routes.routers[r.app].file;
        if project
            .dependency_major(app_file, "express")
            .is_some_and(|m| m >= 5)
        {
            continue;
        }
        for h in r.handlers.iter().chain(&r.middleware) {
            let Some((hf, hid)) = h.target else { continue };
            if ctx.leaves_aside(hf) || !seen.insert((hf, hid)) {
                continue;
            }
            // A wrapper (`asyncHandler(fn)`) is a call, not the function.
            if !matches!(project.resolve(h.file, &h.val).1, Val::Func(_)) {
                continue;
            }
            if !project.file(hf).function(hid).is_some_and(|f| f.is_async) {
                continue;
            }
            if let Some((span, message)) = first_rejection(project, flow, hf, hid) {
                out.push(finding(
                    project,
                    hf,
                    span,
                    message,
                    "pass the rejection to Express: wrap the handler (express-async-handler, or `const wrap = (fn) => (req, res, next) => fn(req, res, next).catch(next)`), import express-async-errors once, put the body in `try { … } catch (err) { next(err) }`, or move to Express 5, which hands rejections to the error handler",
                ));
            }
        }
    }
}

/// The first operation of `func` (outside any `try`) that rejects its
/// promise on a simple request.
fn first_rejection(
    project: &Project,
    flow: &Flow,
    file: FileId,
    func: FnId,
) -> Option<(Span, String)> {
    let model = project.file(file);
    let f = model.function(func)?;
    let mut found: Vec<(Span, String)> = Vec::new();
    for span in throw_keywords(f) {
        found.push((
            span,
            "This `throw` rejects the promise of an async Express 4 handler, which Express 4 does not look at: the rejection goes unhandled and Node (15 and later) ends the process, so one request takes the server down".into(),
        ));
    }
    for site in f.calls.iter().filter(|s| !s.in_try) {
        if let Some(parser) = parser_of(site) {
            let Some(arg) = site.call.args.first() else {
                continue;
            };
            if let Some(t) = flow.client_value(file, func, arg, site.cond) {
                found.push((
                    site.call.span,
                    format!(
                        "`{parser}({})` throws on malformed input in an async Express 4 handler, and Express 4 does not catch the rejection: one request with a bad value ends the process (an unhandled rejection)",
                        t.what
                    ),
                ));
            }
            continue;
        }
        let Some((_, m)) = site.call.callee.as_member() else {
            continue;
        };
        if !site.awaited || !ID_QUERIES.contains(&m.as_str()) {
            continue;
        }
        let client = site.call.args.iter().find_map(|a| {
            flow.client_value(file, func, a, site.cond)
                .map(|t| t.what)
                .or_else(|| {
                    flow.query_object(file, func, a, site.cond)
                        .into_iter()
                        .next()
                        .map(|h| h.taint.what)
                })
        });
        if let Some(what) = client {
            found.push((
                crate::flow_sinks::method_span(site, m),
                format!(
                    "`{m}(…)` is awaited with `{what}` in an async Express 4 handler that does not catch its rejection: a malformed value (an id that is not an ObjectId: Mongoose's `CastError`) leaves the rejection unhandled, and Node ends the process"
                ),
            ));
        }
    }
    found.into_iter().min_by_key(|(s, _)| s.start)
}

/// `JSON.parse(…)`, `decodeURIComponent(…)`, `BigInt(…)`, `new URL(…)`.
fn parser_of(site: &CallSite) -> Option<&'static str> {
    let callee = &site.call.callee;
    let text = match callee {
        Val::Global(g) => g.to_string(),
        Val::Member(m) => match &m.0 {
            Val::Global(g) => format!("{g}.{}", m.1),
            _ => return None,
        },
        _ => return None,
    };
    if site.call.new {
        return (text == "URL").then_some("new URL");
    }
    PARSERS.iter().copied().find(|p| *p == text)
}

/// (b): callbacks that run later, written inside a request handler.
fn late_callbacks(ctx: &Ctx, flow: &Flow, out: &mut Vec<Finding>) {
    let project = ctx.project;
    for (fid, model) in project.files.iter().enumerate() {
        let file = fid as FileId;
        if ctx.leaves_aside(file) {
            continue;
        }
        let contexts = request_contexts(project, flow, file);
        if contexts.is_empty() {
            continue;
        }
        let mut seen = HashSet::new();
        for (func, f) in model.functions.iter().enumerate() {
            if !inside(project, file, func as FnId, &contexts) {
                continue;
            }
            for site in &f.calls {
                let Some((index, kind)) = late_callback(project, file, site) else {
                    continue;
                };
                let Some(arg) = site.call.args.get(index) else {
                    continue;
                };
                let (cf, Val::Func(cb)) = project.resolve(file, arg) else {
                    continue;
                };
                if cf != file || !seen.insert(cb) {
                    continue;
                }
                let callee = name(model, &site.call.callee);
                if let Some((span, message)) = crash_in_callback(project, file, cb, &kind, &callee)
                {
                    out.push(finding(
                        project,
                        file,
                        span,
                        message,
                        "handle the failure in the callback: pass it on (`return next(err)`), answer with a 500, or catch it there (`try { JSON.parse(msg) } catch { … }`); a throw in a callback reaches no framework",
                    ));
                }
            }
        }
    }
}

/// How a call runs one of its arguments later: its index, and what kind of
/// callback it is (the event of a listener).
enum Late {
    Timer,
    Listener(String),
    Fs,
    Driver,
}

fn late_callback(project: &Project, file: FileId, site: &CallSite) -> Option<(usize, Late)> {
    let c = &site.call;
    match &c.callee {
        Val::Global(g) if TIMERS.contains(&g.as_str()) => return Some((0, Late::Timer)),
        Val::Member(m) => {
            let (obj, method) = (&m.0, m.1.as_str());
            if method == "nextTick" && matches!(obj, Val::Global(g) if &**g == "process") {
                return Some((0, Late::Timer));
            }
            if matches!(method, "on" | "once" | "addListener") {
                let event = c.args.first().and_then(Val::as_str)?;
                return LISTENED
                    .contains(&event)
                    .then(|| (1, Late::Listener(event.to_string())));
            }
        }
        _ => {}
    }
    let last = c.args.len().checked_sub(1)?;
    let (cf, Val::Func(cb)) = project.resolve(file, &c.args[last]) else {
        return None;
    };
    let path = api_path(project, file, &c.callee)?;
    if FS.contains(&path.package.as_str()) {
        let sync = path.steps.last().is_some_and(
            |s| matches!(s, nodeward_semantic::api::ApiStep::Member(m) if m.ends_with("Sync")),
        );
        return (!sync).then_some((last, Late::Fs));
    }
    // A driver's Node-style callback: `(err, rows) => …`.
    let first = nodeward_semantic::flow::param_name(project.file(cf), cb, 0)?;
    matches!(first.as_str(), "err" | "error").then_some((last, Late::Driver))
}

/// The first uncaught throw in callback `cb` (its own body).
fn crash_in_callback(
    project: &Project,
    file: FileId,
    cb: FnId,
    kind: &Late,
    callee: &str,
) -> Option<(Span, String)> {
    let f = project.file(file).function(cb)?;
    let mut found: Vec<(Span, String)> = Vec::new();
    let place = match kind {
        Late::Listener(e) => format!("an `'{e}'` listener"),
        _ => format!("a callback of `{callee}(…)`"),
    };
    for span in throw_keywords(f) {
        found.push((
            span,
            format!(
                "This `throw` runs in {place}, outside the framework's error handling: the exception is uncaught and ends the process, taking every request in flight with it"
            ),
        ));
    }
    if let Late::Listener(_) = kind {
        for site in f.calls.iter().filter(|s| !s.in_try) {
            let Some(parser) = parser_of(site) else {
                continue;
            };
            let constant = site
                .call
                .args
                .first()
                .is_none_or(|a| matches!(project.resolve(file, a).1, Val::Str(_)));
            if !constant {
                found.push((
                    site.call.span,
                    format!(
                        "`{parser}(…)` of what the client sent runs in {place}, outside any error handling: one malformed message throws an uncaught exception that ends the process"
                    ),
                ));
            }
        }
    }
    found.into_iter().min_by_key(|(s, _)| s.start)
}

/// The functions of `file` that serve a request: route handlers and
/// middleware, and the callbacks of `createServer(…)` and of
/// `.on('connection' | 'request', …)`.
fn request_contexts(project: &Project, flow: &Flow, file: FileId) -> Vec<FnId> {
    let model = project.file(file);
    let mut out: Vec<FnId> = (0..model.functions.len() as FnId)
        .filter(|&f| flow.serves_requests(file, f))
        .collect();
    for site in model.functions.iter().flat_map(|f| &f.calls) {
        let Some((_, m)) = site.call.callee.as_member() else {
            continue;
        };
        let at = match m.as_str() {
            "createServer" => site.call.args.len().checked_sub(1),
            "on" | "once"
                if matches!(
                    site.call.args.first().and_then(Val::as_str),
                    Some("connection" | "request")
                ) =>
            {
                Some(1)
            }
            _ => None,
        };
        if let Some(arg) = at.and_then(|i| site.call.args.get(i)) {
            if let (cf, Val::Func(id)) = project.resolve(file, arg) {
                if cf == file {
                    out.push(id);
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether `func` is one of `contexts` or written inside one.
fn inside(project: &Project, file: FileId, func: FnId, contexts: &[FnId]) -> bool {
    let model = project.file(file);
    let mut cur = Some(func);
    let mut guard = 0;
    while let Some(f) = cur {
        if contexts.binary_search(&f).is_ok() {
            return true;
        }
        guard += 1;
        if guard > 64 {
            break;
        }
        cur = model.function(f).and_then(|x| x.parent);
    }
    false
}

/// The `throw` keyword of each throw statement of `f`: where a finding
/// about the throw points.
fn throw_keywords(f: &nodeward_semantic::Function) -> impl Iterator<Item = Span> + '_ {
    f.effects.iter().filter_map(|e| match &e.effect {
        Effect::Throw { span } => Some(Span {
            start: span.start,
            end: span.start + 5,
        }),
        _ => None,
    })
}
