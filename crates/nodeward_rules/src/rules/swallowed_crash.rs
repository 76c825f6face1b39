//! `swallowed-crash`: handle what you know, crash on the rest. Three kinds:
//! a `process.on('uncaughtException' | 'unhandledRejection')` handler that
//! lets the process go on after an error nobody handled (here), a `catch`
//! that swallows every error of a broad `try` (`crash/catches.rs`), and a crash a
//! simple request can cause (`crash/request_crash.rs`).
//!
//! After such an error the process is in an unknown state; the handler may
//! log, flush and close, but must end with `process.exit`, a rethrow, or a
//! shutdown that exits. Whether it can finish without that is decided by
//! following the handler, the functions it calls (in any project file) and
//! the callbacks it hands on (`server.close(() => process.exit(1))`), in the
//! default environment: an exit only under `NODE_ENV === 'production'` does
//! not count.

use nodeward_report::{Finding, Level, Precision, RuleMeta};
use nodeward_semantic::env::{cond_truth, Truth};
use nodeward_semantic::routes::module_path;
use nodeward_semantic::{CallVal, CondId, Effect, FileId, FnId, Project, Val};

use crate::{Ctx, Rule};

use crate::crash::{catches, request_crash};

pub static META: RuleMeta = RuleMeta {
    id: "swallowed-crash",
    name: "SwallowedCrash",
    summary: "An unhandled error is swallowed, or a simple request can crash the process",
    default_level: Level::Warning,
    cwe: &[755, 390],
    tags: &["error-handling", "availability"],
    precision: Precision::High,
    security_severity: "5.3",
    docs: include_str!("../../../../rules/swallowed-crash.md"),
};

const EVENTS: &[&str] = &["uncaughtException", "unhandledRejection"];
const LISTEN: &[&str] = &[
    "on",
    "once",
    "addListener",
    "prependListener",
    "prependOnceListener",
];
const MAX_DEPTH: u32 = 8;

pub struct SwallowedCrash;

impl Rule for SwallowedCrash {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Ctx, file: FileId, out: &mut Vec<Finding>) {
        if crate::is_test_path(&ctx.project.file(file).path) {
            return;
        }
        let project = ctx.project;
        let model = project.file(file);
        for site in model.functions.iter().flat_map(|f| &f.calls) {
            let call = &site.call;
            // Cheapest test first: the method name and the event string.
            let named = call
                .callee
                .as_member()
                .is_some_and(|(_, m)| LISTEN.contains(&m.as_str()));
            let event = call.args.first().and_then(Val::as_str);
            if !named || !event.is_some_and(|e| EVENTS.contains(&e)) {
                continue;
            }
            let Some((recv, method)) = process_member(project, file, &call.callee) else {
                continue;
            };
            if recv != "process" || !LISTEN.contains(&method.as_str()) {
                continue;
            }
            let Some(event) = call.args.first().and_then(Val::as_str) else {
                continue;
            };
            if !EVENTS.contains(&event) || cond_truth(project, file, site.cond) == Truth::False {
                continue;
            }
            let Some(handler) = call.args.get(1) else {
                continue;
            };
            let verdict = match project.resolve(file, handler) {
                (hf, Val::Func(id)) => Some(terminates(project, hf, id, 0)),
                // `process.on('uncaughtException', console.error)`: logs, goes on.
                (_, Val::Member(m)) if matches!(&m.0, Val::Global(g) if &**g == "console") => {
                    Some(false)
                }
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

    fn sink_calls(&self) -> Vec<&'static str> {
        vec!["catch"]
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        catches::check(ctx, out);
        request_crash::check(ctx, out);
    }
}

/// `process.on` → ("process", "on"), through aliases and `import process from 'node:process'`.
fn process_member(project: &Project, file: FileId, callee: &Val) -> Option<(String, String)> {
    let (f, v) = project.resolve(file, callee);
    if let Some((obj, method)) = v.as_member() {
        match project.resolve(f, obj) {
            (_, Val::Global(g)) if &*g == "process" => {
                return Some(("process".into(), method.to_string()))
            }
            _ => {}
        }
    }
    let (module, path) = module_path(project, file, callee)?;
    let (recv, method) = match path.split_once('.') {
        Some((r, m)) if &*module == "process" && r.is_empty() => {
            (module.to_string(), m.to_string())
        }
        None if &*module == "process" => (module.to_string(), path),
        _ => return None,
    };
    Some((recv, method))
}

/// Whether function `func` of `file` ends the process on every path that
/// runs by default: it (or a function it calls, or a callback it hands on)
/// exits, aborts, kills its own pid or throws, and no branch can finish
/// without doing so. An exit in only one branch of an `if` does not count;
/// exits in both branches of an `if`/`else` do.
fn terminates(project: &Project, file: FileId, func: FnId, depth: u32) -> bool {
    thread_local! {
        static ON_STACK: std::cell::RefCell<Vec<(FileId, FnId)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    if depth > MAX_DEPTH {
        return false;
    }
    // A function that retries itself until it exits (`setTimeout(callback)`
    // in one branch, `process.exit` in the other): the retry counts as the
    // exit it leads to.
    if ON_STACK.with(|s| s.borrow().contains(&(file, func))) {
        return true;
    }
    ON_STACK.with(|s| s.borrow_mut().push((file, func)));
    let result = terminates_inner(project, file, func, depth);
    ON_STACK.with(|s| s.borrow_mut().pop());
    result
}

fn terminates_inner(project: &Project, file: FileId, func: FnId, depth: u32) -> bool {
    let Some(f) = project.file(file).function(func) else {
        return false;
    };
    let mut sites: Vec<Option<CondId>> = f
        .effects
        .iter()
        .filter(|e| matches!(e.effect, Effect::Throw { .. }))
        .map(|e| e.cond)
        .collect();
    for site in &f.calls {
        if ends_process(project, file, &site.call, depth) {
            sites.push(site.cond);
        }
    }
    covered(project, file, None, &sites, 0)
}

/// Whether the call exits, or runs something that always does.
fn ends_process(project: &Project, file: FileId, call: &CallVal, depth: u32) -> bool {
    if let Some((recv, method)) = process_member(project, file, &call.callee) {
        if recv == "process" {
            match method.as_str() {
                "exit" | "abort" | "reallyExit" => return true,
                "kill" => {
                    let own_pid = call.args.first().is_some_and(|a| {
                        project
                            .resolve(file, a)
                            .1
                            .as_member()
                            .is_some_and(|(obj, p)| {
                                &**p == "pid" && matches!(obj, Val::Global(g) if &**g == "process")
                            })
                    });
                    if own_pid {
                        return true;
                    }
                }
                _ => {}
            }
        }
    }
    // `exit.apply(process, args)`, `f.call(…)`: a call of `exit` / `f`.
    let callee = match &call.callee {
        Val::Member(m) if matches!(&*m.1, "apply" | "call") => &m.0,
        other => other,
    };
    if callee != &call.callee {
        if let Some((recv, method)) = process_member(project, file, callee) {
            if recv == "process" && matches!(method.as_str(), "exit" | "abort" | "reallyExit") {
                return true;
            }
        }
    }
    let resolved = project.resolve(file, callee);
    if let (cf, Val::Func(id)) = resolved {
        if terminates(project, cf, id, depth + 1) {
            return true;
        }
    } else {
        // A call nodeward cannot see into, named like an exit
        // (`self.handleErr(err)`, `gracefulShutdown()`): assume it may end
        // the process.
        let named = |v: &Val| match v {
            Val::Member(m) => !is_console(&m.0) && may_exit(&m.1),
            Val::Global(name) => may_exit(name),
            Val::Binding(id) => project
                .file(file)
                .bindings
                .get(*id as usize)
                .is_some_and(|b| may_exit(&b.name)),
            _ => false,
        };
        if named(callee) || named(&resolved.1) {
            return true;
        }
    }
    // `server.close(() => process.exit(1))`, `.finally(() => process.exit(1))`.
    call.args.iter().any(|a| match project.resolve(file, a) {
        (af, Val::Func(id)) => terminates(project, af, id, depth + 1),
        _ => false,
    })
}

fn is_console(v: &Val) -> bool {
    matches!(v, Val::Global(g) if &**g == "console")
}

/// Whether a function's name says it may end the process: one of its words
/// (`gracefulShutdown` → graceful, shutdown) or a run of them (`handleErr`)
/// is listed in rules/models/process.toml.
fn may_exit(name: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in name.chars() {
        let boundary = c == '_' || c == '-' || c.is_ascii_digit() || c.is_uppercase();
        if boundary && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        if c.is_alphabetic() {
            cur.extend(c.to_lowercase());
        }
    }
    words.push(cur);
    let listed = &crate::models::process().may_exit_words;
    (0..words.len()).any(|i| (i + 1..=words.len()).any(|j| listed.contains(&words[i..j].concat())))
}

/// Whether every default path through condition `node` (the function body
/// when `None`) reaches one of `sites`.
fn covered(
    project: &Project,
    file: FileId,
    node: Option<CondId>,
    sites: &[Option<CondId>],
    depth: u32,
) -> bool {
    if sites.contains(&node) {
        return true;
    }
    if depth > 32 {
        return false;
    }
    let conds = &project.file(file).conds;
    // Only the conditions on the way to an exit can help.
    let mut children: Vec<CondId> = Vec::new();
    for site in sites.iter().flatten() {
        let mut cur = Some(*site);
        while let Some(c) = cur {
            let parent = conds.get(c as usize).and_then(|n| n.parent);
            if parent == node && !children.contains(&c) {
                children.push(c);
            }
            cur = parent;
        }
    }
    children.iter().any(|&c| {
        let n = &conds[c as usize];
        match cond_truth_own(project, file, c) {
            Truth::True => covered(project, file, Some(c), sites, depth + 1),
            Truth::False => false,
            Truth::Unknown => {
                let sibling = children.iter().find(|&&s| {
                    let m = &conds[s as usize];
                    m.test == n.test && m.negated != n.negated
                });
                sibling.is_some_and(|&s| {
                    covered(project, file, Some(c), sites, depth + 1)
                        && covered(project, file, Some(s), sites, depth + 1)
                })
            }
        }
    })
}

/// The truth of one condition node alone (not its parents).
fn cond_truth_own(project: &Project, file: FileId, c: CondId) -> Truth {
    let n = &project.file(file).conds[c as usize];
    match nodeward_semantic::env::eval_default(project, file, &n.test) {
        Some(v) if v.truthy() != n.negated => Truth::True,
        Some(_) => Truth::False,
        None => Truth::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::may_exit;

    #[test]
    fn names_that_may_exit() {
        for yes in [
            "exit",
            "gracefulShutdown",
            "handleErr",
            "handle_error",
            "killProcess",
            "onCrash",
            "die",
        ] {
            assert!(may_exit(yes), "{yes}");
        }
        for no in [
            "error", "fatal", "log", "studied", "handle", "report", "warn",
        ] {
            assert!(!may_exit(no), "{no}");
        }
    }
}
