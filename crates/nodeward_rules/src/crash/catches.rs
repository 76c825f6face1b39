//! `swallowed-crash`, kind 2: a `catch` that does nothing with what it
//! caught (empty, comment-only, `return;`, `return false`, `break`), or a
//! promise's `.catch(() => {})`,
//! around code that does more than one thing that can fail on its own: two
//! awaited operations or a loop of them (a database, the network, a queue
//! of jobs), or a promise chain of two steps. A narrow best-effort
//! statement (`try { fs.unlinkSync(tmp) } catch {}`, `try { await
//! redis.quit() } catch {}`) and a synchronous feature test or parse expect
//! their one failure and are not reported.

use nodeward_report::{Finding, Span};
use nodeward_semantic::api::api_path;
use nodeward_semantic::{CallSite, FileId, Project, Val};

use crate::flow_sinks::method_span;
use crate::rules::swallowed_crash::META;
use crate::Ctx;

/// Runs once per project: whether a catch runs for a request is the
/// dataflow engine's (route handlers, what they call).
pub(crate) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let project = ctx.project;
    let mut guard = ctx.flow();
    let Some(flow) = guard.as_mut() else { return };
    let flow: &nodeward_semantic::flow::Flow = flow;
    for (fid, model) in project.files.iter().enumerate() {
        let file = fid as FileId;
        if model.bare_catches.is_empty() || ctx.leaves_aside(file) {
            continue;
        }
        catches_in(flow, project, file, out);
    }
    for at in project.calls_named("catch").iter() {
        if ctx.leaves_aside(at.file) {
            continue;
        }
        let site = project.call_site(*at);
        let Some(ops) = swallowing_promise_catch(project, at.file, at.func, site) else {
            continue;
        };
        if !flow.runs_in_service(at.file, at.func) {
            continue;
        }
        out.push(finding(
            project.file(at.file).path.clone(),
            method_span(site, "catch"),
            format!(
                "This `.catch(…)` swallows every rejection of a chain of {ops} operations: whichever of them fails, nothing is logged or rethrown, and the caller never knows"
            ),
        ));
    }
}

/// The bare catches of `file` around awaited work: in a loop of jobs, or
/// in code that runs for a request or a scheduled job. (A library's best-effort probe, an
/// optional feature, a fallback, is left alone: it is not the server's
/// request or job, and says so in a comment more often than not.)
fn catches_in(
    flow: &nodeward_semantic::flow::Flow,
    project: &Project,
    file: FileId,
    out: &mut Vec<Finding>,
) {
    let model = project.file(file);
    for c in &model.bare_catches {
        if c.try_awaits < 2 && !c.try_loop {
            continue;
        }
        if cleans_up(model.function(c.func).and_then(|f| f.name.as_deref())) {
            continue;
        }
        if !c.try_loop && !flow.runs_in_service(file, c.func) {
            continue;
        }
        let what = if c.try_loop {
            "a loop of awaited operations".to_string()
        } else {
            format!("{} awaited operations", c.try_awaits)
        };
        out.push(finding(
            model.path.clone(),
            Span {
                start: c.span.start,
                end: c.span.start + 5,
            },
            format!(
                "This `catch` swallows every error of a `try` block around {what}: whichever of them fails, nothing is logged, rethrown or answered, and the code goes on as if it had worked"
            ),
        ));
    }
}

fn finding(path: String, span: Span, message: String) -> Finding {
    let mut f = Finding::new(META.id, META.default_level, path, span);
    f.message = message;
    f.help = "catch what you expect and let the rest through: test the error (`if (err.code !== 'ENOENT') throw err`), and log, rethrow or pass on (`next(err)`) anything else; wrap only the one call whose failure you expect".into();
    f.properties
        .insert("kind".into(), serde_json::Value::from("swallowing-catch"));
    f
}

/// `a().then(b).catch(() => {})`: the number of operations in the chain
/// when the handler does nothing and there are at least two.
fn swallowing_promise_catch(
    project: &Project,
    file: FileId,
    func: u32,
    site: &CallSite,
) -> Option<usize> {
    let (recv, m) = site.call.callee.as_member()?;
    if m.as_str() != "catch" {
        return None;
    }
    let handler = site.call.args.first()?;
    match does_nothing(project, file, handler)? {
        Nothing::AtAll => {}
        // `.catch(() => false)` whose value the code reads (`const isDir =
        // await stat(p).then(…).catch(() => false)`): an answer.
        Nothing::ButAConstant if value_used(project, file, func, site) => return None,
        Nothing::ButAConstant => {}
    }
    // The calls of the chain before `.catch`: `.then(fn)` steps that do
    // something (call or await), and the call that starts it. A
    // `.then(ok, fail)` handles the chain's rejections itself.
    let mut ops = 0;
    let mut cur = recv;
    let mut working_thens = 0;
    while let Val::Call(c) = cur {
        ops += 1;
        match c.callee.as_member() {
            Some((obj, m)) if m.as_str() == "then" => {
                if c.args.len() > 1 {
                    return None;
                }
                if c.args
                    .first()
                    .is_some_and(|a| calls_something(project, file, a))
                {
                    working_thens += 1;
                }
                cur = obj;
            }
            Some((obj, m)) if m.as_str() == "finally" => cur = obj,
            _ => break,
        }
    }
    (working_thens >= 1 && ops >= 2).then_some(ops)
}

/// A step of a chain that does work: a function of the project that makes
/// a call, or something passed by name (`.then(save)`).
fn calls_something(project: &Project, file: FileId, step: &Val) -> bool {
    match project.resolve(file, step) {
        (f, Val::Func(id)) => project
            .file(f)
            .function(id)
            .is_some_and(|func| !func.calls.is_empty()),
        _ => true,
    }
}

/// A function that releases things on the way out (`stop`, `close`,
/// `shutdown`…): there, each step is best effort, and the process or
/// connection is going away whatever fails.
fn cleans_up(name: Option<&str>) -> bool {
    let Some(name) = name else { return false };
    let lower = name.to_ascii_lowercase();
    [
        "stop",
        "close",
        "shutdown",
        "destroy",
        "dispose",
        "quit",
        "teardown",
        "cleanup",
        "disconnect",
        "terminate",
        "release",
    ]
    .iter()
    .any(|w| lower.starts_with(w) || lower.ends_with(w))
}

/// How a `.catch` handler does nothing.
enum Nothing {
    /// `() => {}`, `noop`.
    AtAll,
    /// `() => null`, `() => false`: it gives a value instead.
    ButAConstant,
}

/// A handler that does nothing: a function of the project whose body is
/// empty or returns a constant (`() => {}`, `function noop() {}`, `() =>
/// null`), or a package's `noop`.
fn does_nothing(project: &Project, file: FileId, handler: &Val) -> Option<Nothing> {
    if let Some(path) = api_path(project, file, handler) {
        let noop = path.steps.last().is_some_and(
            |s| matches!(s, nodeward_semantic::api::ApiStep::Member(m) if m == "noop"),
        ) || path.package == "lodash.noop";
        return noop.then_some(Nothing::AtAll);
    }
    match project.resolve(file, handler) {
        (f, Val::Func(id)) => {
            let func = project.file(f).function(id)?;
            if !func.empty {
                return None;
            }
            Some(
                if func.returns.iter().all(|r| matches!(r, Val::Undefined)) {
                    Nothing::AtAll
                } else {
                    Nothing::ButAConstant
                },
            )
        }
        _ => None,
    }
}

/// Whether the code reads the value of the call at `site`: it is awaited,
/// returned, or given to a variable.
fn value_used(project: &Project, file: FileId, func: u32, site: &CallSite) -> bool {
    let model = project.file(file);
    let span = site.call.span;
    let is_it = |v: &Val| matches!(v, Val::Call(c) if c.span == span);
    site.awaited
        || model
            .function(func)
            .is_some_and(|f| f.returns.iter().any(is_it))
        || model.bindings.iter().any(|b| is_it(&b.value))
}
