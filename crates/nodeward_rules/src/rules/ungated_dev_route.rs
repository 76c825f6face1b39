//! `ungated-dev-route`: development and debug endpoints, middleware and
//! tools that are on unless someone turns them off.
//!
//! Read off the route table: a route or mount with a development path
//! segment, a handler that dumps the environment, evaluates code or drops
//! the database, a development middleware (errorhandler, API explorers,
//! GraphiQL), or a GraphQL server with introspection on. Reported when its
//! gate holds in the default environment (NODE_ENV and flags unset); an
//! unknown gate is not reported.

use std::collections::HashSet;

use nodeward_report::{Finding, Level, Precision, Related, RuleMeta, Span};
use nodeward_semantic::env::{eval_default, Truth};
use nodeward_semantic::routes::{module_path, Gate, Route};
use nodeward_semantic::{FileId, FnId, Project, Val};

use crate::models::dev_tools;
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "ungated-dev-route",
    name: "UngatedDevRoute",
    summary: "A development or debug endpoint is on unless someone turns it off",
    default_level: Level::Warning,
    cwe: &[489, 215],
    tags: &["debug", "configuration"],
    precision: Precision::High,
    security_severity: "6.5",
    docs: include_str!("../../../../rules/ungated-dev-route.md"),
};

pub struct UngatedDevRoute;

const HELP: &str = "register it only behind a flag that is off unless someone sets it, e.g. `if (process.env.ENABLE_DEBUG_ROUTES === 'true') app.use('/debug', debugRouter);` — a check such as `NODE_ENV !== 'production'` is on wherever NODE_ENV is forgotten, and Express's `app.get('env')` is 'development' unless NODE_ENV is set";

impl Rule for UngatedDevRoute {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let skip = |file: FileId| ctx.leaves_aside(file);
        let mut seen: HashSet<(FileId, u32)> = HashSet::new();
        for route in &ctx.routes.routes {
            if route.gate.truth != Truth::True
                || skip(route.file)
                || ctx.routes.routers[route.app].origin_files().any(skip)
            {
                continue;
            }
            if let Some(f) = dev_mount(ctx, route, &mut seen) {
                out.push(f);
                continue;
            }
            if route.mounts.iter().any(|m| dev_segment(&m.2).is_some()) {
                continue;
            }
            let mut reasons = Vec::new();
            let mut related = Vec::new();
            let real_route = &*route.method != "USE";
            if real_route || route.explicit_path {
                if let Some(seg) = dev_segment(&route.path) {
                    reasons.push(format!("its path has the development segment `{seg}`"));
                }
            }
            if real_route {
                if let Some((hf, hfn)) = route.handlers.last().and_then(|h| h.target) {
                    for r in handler_reasons(ctx.project, hf, hfn) {
                        reasons.push(r);
                    }
                    if !reasons.is_empty() {
                        if let Some(func) = ctx.project.file(hf).function(hfn) {
                            related.push(Related {
                                path: ctx.project.file(hf).path.clone(),
                                span: func.span,
                                message: "the handler".into(),
                            });
                        }
                    }
                }
            }
            if let Some(what) = tool(ctx.project, route) {
                reasons.push(format!("it serves {what}"));
            }
            if reasons.is_empty() || !seen.insert((route.file, route.span.start)) {
                continue;
            }
            let what = if real_route {
                format!("`{} {}`", route.method, route.path)
            } else if route.explicit_path {
                format!("The middleware at `{}`", route.path)
            } else {
                "This middleware".to_string()
            };
            let mut f = finding(ctx, route.file, route.span);
            f.message = format!(
                "{} is a development endpoint: {}. It is on by default: {}",
                capitalize(&what),
                reasons.join("; "),
                gate_text(&route.gate, false)
            );
            f.related = related;
            out.push(f);
        }
        for file in 0..ctx.project.files.len() as FileId {
            if !skip(file) {
                servers(ctx, file, out);
            }
        }
    }
}

fn finding(ctx: &Ctx, file: FileId, span: Span) -> Finding {
    let mut f = Finding::new(
        META.id,
        META.default_level,
        ctx.project.file(file).path.clone(),
        span,
    );
    f.help = HELP.into();
    f
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// What the default environment makes of the gate, for the message.
fn gate_text(gate: &Gate, them: bool) -> String {
    let held: Vec<String> = gate
        .steps
        .iter()
        .filter(|s| s.truth == Truth::True)
        .map(|s| format!("`{}`", s.text))
        .collect();
    let (it, runs) = if them {
        ("them", "they run")
    } else {
        ("it", "it runs")
    };
    if held.is_empty() {
        format!("nothing turns {it} off")
    } else {
        format!(
            "{runs} under {}, which holds when NODE_ENV and the flags are not set",
            held.join(" and ")
        )
    }
}

/// A mount at a development prefix (`app.use('/__internal', router)`, a
/// Koa router with `prefix: '/dev'`, `@Controller('debug')`): the mount
/// is the finding, once, for the routes under it.
fn dev_mount(ctx: &Ctx, route: &Route, seen: &mut HashSet<(FileId, u32)>) -> Option<Finding> {
    let mut parent = "";
    for (mf, ms, mpath) in &route.mounts {
        if let Some(seg) = dev_segment(mpath) {
            if dev_segment(parent).is_some() {
                return None;
            }
            if !seen.insert((*mf, ms.start)) {
                return None;
            }
            let mut f = finding(ctx, *mf, *ms);
            f.message = format!(
                "The routes mounted at `{mpath}` are development endpoints (path segment `{seg}`) and are on by default: {}",
                gate_text(&route.gate, true)
            );
            let does = route
                .handlers
                .last()
                .and_then(|h| h.target)
                .and_then(|(hf, hfn)| handler_reasons(ctx.project, hf, hfn).into_iter().next());
            f.related.push(Related {
                path: ctx.project.file(route.file).path.clone(),
                span: route.span,
                message: match does {
                    Some(d) => format!("`{} {}` is one of them; {d}", route.method, route.path),
                    None => format!("`{} {}` is one of them", route.method, route.path),
                },
            });
            return Some(f);
        }
        parent = mpath;
    }
    None
}

/// The development segment of a path, if it has one.
fn dev_segment(path: &str) -> Option<String> {
    let data = &dev_tools().paths;
    let segs: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| s.to_ascii_lowercase())
        .collect();
    for (i, s) in segs.iter().enumerate() {
        if data.segments.iter().any(|d| d == s) {
            return Some(s.clone());
        }
        if i == 0 && data.first_segments.iter().any(|d| d == s) {
            return Some(s.clone());
        }
        if i + 1 == segs.len()
            && data.root_only_segments.iter().any(|d| d == s)
            && segs[..i]
                .iter()
                .all(|p| data.api_prefixes.iter().any(|a| a == p))
        {
            return Some(s.clone());
        }
        if let Some(next) = segs.get(i + 1) {
            if data.pairs.iter().any(|(a, b)| a == s && b == next) {
                return Some(format!("{s}/{next}"));
            }
        }
    }
    None
}

fn is_process_env(project: &Project, file: FileId, v: &Val) -> bool {
    let env = |v: &Val| {
        v.as_member().is_some_and(|(obj, env)| {
            &**env == "env" && matches!(obj, Val::Global(g) if &**g == "process")
        })
    };
    if env(v) {
        return true;
    }
    let (_, r) = project.resolve(file, v);
    env(&r)
        || matches!(&r, Val::Object(props) if props.iter().any(|(k, pv)| &**k == "..." && env(pv)))
}

/// What a handler does that only a development endpoint does: sends the
/// whole environment, evaluates code, drops the database. Functions
/// written inside the handler count (callbacks of its queries).
fn handler_reasons(project: &Project, file: FileId, func: FnId) -> Vec<String> {
    let data = &dev_tools().handler;
    let model = project.file(file);
    let inside = |mut id: FnId| loop {
        if id == func {
            return true;
        }
        match model.function(id).and_then(|f| f.parent) {
            Some(p) => id = p,
            None => return false,
        }
    };
    let (mut dump, mut eval, mut drop) = (false, false, false);
    for (id, f) in model.functions.iter().enumerate() {
        if !inside(id as FnId) {
            continue;
        }
        dump |= f.returns.iter().any(|r| is_process_env(project, file, r));
        dump |= f.effects.iter().any(|e| match &e.effect {
            nodeward_semantic::Effect::Assign {
                target: Val::Member(m),
                value,
                ..
            } => &*m.1 == "body" && is_process_env(project, file, value),
            _ => false,
        });
        for site in &f.calls {
            let call = &site.call;
            if let Some((_, m)) = call.callee.as_member() {
                if data.respond_methods.iter().any(|r| **r == **m)
                    && call.args.iter().any(|a| is_process_env(project, file, a))
                {
                    dump = true;
                }
                if data.drop_methods.iter().any(|d| **d == **m) {
                    drop = true;
                }
            }
            let code_arg = call.args.first().is_some_and(|a| !matches!(a, Val::Str(_)));
            let evaluates = match project.resolve(file, &call.callee) {
                (_, Val::Global(g)) => data.eval_globals.iter().any(|e| **e == *g),
                _ => module_path(project, file, &call.callee).is_some_and(|(m, p)| {
                    data.eval_modules
                        .iter()
                        .any(|(em, ep)| **em == *m && *ep == p)
                }),
            };
            eval |= evaluates && code_arg;
        }
    }
    let mut out = Vec::new();
    if dump {
        out.push(
            "its handler sends `process.env`, every secret of the server, to the client"
                .to_string(),
        );
    }
    if eval {
        out.push("its handler evaluates code it is given".to_string());
    }
    if drop {
        out.push("its handler drops the database".to_string());
    }
    out
}

/// A development middleware or tool among a `USE` registration's items.
fn tool(project: &Project, route: &Route) -> Option<&'static str> {
    for h in &route.handlers {
        let (f, v) = project.resolve(h.file, &h.val);
        let (call, callee) = match &v {
            Val::Call(c) => (Some(&**c), &c.callee),
            other => (None, other),
        };
        let Some((module, path)) = module_path(project, f, callee) else {
            continue;
        };
        let Some(t) = dev_tools()
            .tool
            .iter()
            .find(|t| *t.module == *module && t.path == path)
        else {
            continue;
        };
        if let Some(option) = &t.option {
            let opts = match call {
                Some(c) => c.args.first().map(|a| (f, a.clone())),
                None => route.options.clone(),
            };
            let on = opts.is_some_and(|(of, o)| {
                let (of, ov) = project.resolve(of, &o);
                ov.prop(option)
                    .and_then(|v| eval_default(project, of, v))
                    .is_some_and(|c| c.truthy())
            });
            if !on {
                continue;
            }
        }
        return Some(&t.what);
    }
    None
}

/// GraphQL servers created with introspection (or an IDE) on by default.
fn servers(ctx: &Ctx, file: FileId, out: &mut Vec<Finding>) {
    let project = ctx.project;
    for f in &project.file(file).functions {
        for site in &f.calls {
            let call = &site.call;
            if !call.new {
                continue;
            }
            let Some((module, path)) = module_path(project, file, &call.callee) else {
                continue;
            };
            let Some(s) = dev_tools()
                .server
                .iter()
                .find(|s| *s.module == *module && s.path == path)
            else {
                continue;
            };
            let Some(opts) = call.args.first() else {
                continue;
            };
            let (of, ov) = project.resolve(file, opts);
            let on: Vec<&str> = s
                .options
                .iter()
                .filter(|o| {
                    ov.prop(o)
                        .and_then(|v| eval_default(project, of, v))
                        .is_some_and(|c| c.truthy())
                })
                .map(String::as_str)
                .collect();
            if on.is_empty() {
                continue;
            }
            let mut fd = finding(ctx, file, call.span);
            fd.message = format!(
                "This GraphQL server turns on {} in the default environment: anyone can read the whole schema, every query and mutation, and what they take",
                on.iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(" and ")
            );
            fd.help = "set it from a flag that is off unless someone sets it: `introspection: process.env.ENABLE_GRAPHQL_INTROSPECTION === 'true'`; `NODE_ENV !== 'production'` is on wherever NODE_ENV is forgotten".into();
            out.push(fd);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dev_segment;

    #[test]
    fn development_segments_are_whole_segments() {
        assert_eq!(dev_segment("/debug/env").as_deref(), Some("debug"));
        assert_eq!(dev_segment("/api/test/login").as_deref(), Some("test"));
        assert_eq!(dev_segment("/testimonials"), None);
        assert_eq!(dev_segment("/contests"), None);
        assert_eq!(dev_segment("/auth/reset-password"), None);
        assert_eq!(dev_segment("/internal/jobs").as_deref(), Some("internal"));
        assert_eq!(dev_segment("/api/internal/jobs"), None);
        assert_eq!(dev_segment("/admin/eval").as_deref(), Some("admin/eval"));
        assert_eq!(dev_segment("/admin/evaluations"), None);
        assert_eq!(dev_segment("/api/v1/reset").as_deref(), Some("reset"));
        assert_eq!(dev_segment("/reset/:token"), None);
        assert_eq!(dev_segment("/auth/reset/password"), None);
        assert_eq!(dev_segment("/ai/chat/reset"), None);
        assert_eq!(
            dev_segment("/mocks/stripe/webhook").as_deref(),
            Some("mocks")
        );
        assert_eq!(dev_segment("/mock/:id"), None);
    }
}
