//! `swallowed-crash`: a `process.on('uncaughtException' | 'unhandledRejection')`
//! handler that lets the process go on after an error nobody handled.
//!
//! After such an error the process is in an unknown state; the handler may
//! log, flush and close, but must end with `process.exit`, a rethrow, or a
//! shutdown that exits. Whether it can finish without that is decided by
//! following the handler, the functions it calls (in any project file) and
//! the callbacks it hands on (`server.close(() => process.exit(1))`), in the
//! default environment: an exit only under `NODE_ENV === 'production'` does
//! not count.

use nodeward_report::{Finding, Level, Precision, RuleMeta};
use nodeward_semantic::apps::module_path;
use nodeward_semantic::env::{cond_truth, Truth};
use nodeward_semantic::{Effect, FileId, FnId, Project, Val};

use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "swallowed-crash",
    name: "SwallowedCrash",
    summary: "A process-level error handler keeps the process running after an unhandled error",
    default_level: Level::Warning,
    cwe: &[755, 390],
    tags: &["error-handling", "availability"],
    precision: Precision::High,
    security_severity: "5.3",
    docs: include_str!("../../../../rules/swallowed-crash.md"),
};

const EVENTS: &[&str] = &["uncaughtException", "unhandledRejection"];
const LISTEN: &[&str] = &["on", "once", "addListener", "prependListener", "prependOnceListener"];
const MAX_DEPTH: u32 = 8;

pub struct SwallowedCrash;

impl Rule for SwallowedCrash {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx, file: FileId, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let model = project.file(file);
        for site in model.functions.iter().flat_map(|f| &f.calls) {
            let call = &site.call;
            let Some((recv, method)) = process_member(project, file, &call.callee) else { continue };
            if recv != "process" || !LISTEN.contains(&method.as_str()) {
                continue;
            }
            let Some(event) = call.args.first().and_then(Val::as_str) else { continue };
            if !EVENTS.contains(&event) || cond_truth(project, file, site.cond) == Truth::False {
                continue;
            }
            let Some(handler) = call.args.get(1) else { continue };
            let verdict = match project.resolve(file, handler) {
                (hf, Val::Func(id)) => Some(terminates(project, hf, id, 0)),
                // `process.on('uncaughtException', console.error)`: logs, goes on.
                (_, Val::Member(obj, _)) if matches!(&*obj, Val::Global(g) if &**g == "console") => Some(false),
                // Something we cannot see into: say nothing.
                _ => None,
            };
            if verdict != Some(false) {
                continue;
            }
            let mut f = Finding::new(META.id, META.default_level, model.path.clone(), call.span);
            f.message = format!(
                "This `{event}` handler can return without exiting or rethrowing, so the process keeps running in an unknown state after an error nobody handled"
            );
            f.help = "log the error, then end the process: `process.exit(1)` (after a graceful shutdown if you have one), and let your process manager restart it".into();
            out.push(f);
        }
    }
}

/// `process.on` → ("process", "on"), through aliases and `import process from 'node:process'`.
fn process_member(project: &Project, file: FileId, callee: &Val) -> Option<(String, String)> {
    let (f, v) = project.resolve(file, callee);
    if let Val::Member(obj, method) = &v {
        match project.resolve(f, obj) {
            (_, Val::Global(g)) if &*g == "process" => return Some(("process".into(), method.to_string())),
            _ => {}
        }
    }
    let (module, path) = module_path(project, file, callee)?;
    let (recv, method) = match path.split_once('.') {
        Some((r, m)) if &*module == "process" && r.is_empty() => (module.to_string(), m.to_string()),
        None if &*module == "process" => (module.to_string(), path),
        _ => return None,
    };
    Some((recv, method))
}

/// Whether function `func` of `file` always ends the process by default: it
/// (or a function it calls, or a callback it hands on) exits, aborts, kills
/// its own pid or throws, on a path that runs in the default environment.
fn terminates(project: &Project, file: FileId, func: FnId, depth: u32) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let Some(f) = project.file(file).function(func) else { return false };
    let throws = f.effects.iter().any(|e| {
        matches!(e.effect, Effect::Throw { .. }) && cond_truth(project, file, e.cond) != Truth::False
    });
    if throws {
        return true;
    }
    f.calls.iter().any(|site| {
        if cond_truth(project, file, site.cond) == Truth::False || site.in_try {
            return false;
        }
        let call = &site.call;
        if let Some((recv, method)) = process_member(project, file, &call.callee) {
            if recv == "process" {
                match method.as_str() {
                    "exit" | "abort" | "reallyExit" => return true,
                    "kill" => {
                        let own_pid = call.args.first().is_some_and(|a| {
                            matches!(project.resolve(file, a).1, Val::Member(obj, p) if &*p == "pid" && matches!(&*obj, Val::Global(g) if &**g == "process"))
                        });
                        if own_pid {
                            return true;
                        }
                    }
                    _ => {}
                }
            }
        }
        if let (cf, Val::Func(id)) = project.resolve(file, &call.callee) {
            if terminates(project, cf, id, depth + 1) {
                return true;
            }
        }
        call.args.iter().any(|a| match project.resolve(file, a) {
            (af, Val::Func(id)) => terminates(project, af, id, depth + 1),
            _ => false,
        })
    })
}
