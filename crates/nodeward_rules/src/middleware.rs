//! What a middleware registered on an app does to response headers:
//! helmet and its equivalents (from rules/models/headers.toml), hand-written
//! middleware that sets or removes headers, routers and static files.
//! Shared by `missing-helmet` and `x-powered-by`.

use nodeward_report::Span;
use nodeward_semantic::env::eval_default;
use nodeward_semantic::routes::{frameworks, is_api, module_path, Framework, Op as AppOp};
use nodeward_semantic::{CallVal, FileId, Project, Val};

use crate::models::{headers, HeaderMiddleware};

/// A security-header middleware found among an op's arguments.
#[derive(Debug, Clone)]
pub struct HeaderUse {
    /// Sets the protective headers (helmet, koa-helmet, lusca, by hand).
    pub sets_headers: bool,
    /// Removes X-Powered-By.
    pub hides_powered_by: bool,
    /// Protections its options switch off: (option, header).
    pub disabled: Vec<(String, String)>,
    /// The call that configures it (`helmet(…)`), for locations.
    pub file: FileId,
    pub span: Span,
    /// Registered with `{ global: false }` (Fastify): protects no route by itself.
    pub not_global: bool,
    /// Hand-written middleware: the core headers it does not set.
    pub missing: Vec<String>,
}

const MAX_DEPTH: u32 = 6;

/// The header middleware an app operation registers, if any.
pub fn header_uses(project: &Project, fw: Framework, op: &AppOp) -> Vec<HeaderUse> {
    let mut out = Vec::new();
    match &*op.method {
        "use" => {
            for arg in &op.args {
                classify(project, op.file, arg, 0, &mut out);
            }
        }
        // Fastify plugins: `register(helmetPlugin, options)`.
        "register" => {
            if let Some(plugin) = op.args.first() {
                let opts = op.args.get(1);
                if let Some(m) = plugin_model(project, op.file, plugin) {
                    out.push(from_model(project, op.file, m, opts, op.span));
                }
            }
        }
        "addHook" if matches!(fw, Framework::Fastify | Framework::Nest { fastify: true }) => {
            let hook = op.args.first().and_then(Val::as_str).unwrap_or("");
            if headers().manual.fastify_hooks.iter().any(|h| h == hook) {
                if let Some(f) = op.args.get(1) {
                    classify(project, op.file, f, 0, &mut out);
                }
            }
        }
        _ => {}
    }
    out
}

fn find_model(module: &str, path: &str) -> Option<&'static HeaderMiddleware> {
    headers()
        .middleware
        .iter()
        .find(|m| m.module == module && m.path == path)
}

fn plugin_model(
    project: &Project,
    file: FileId,
    plugin: &Val,
) -> Option<&'static HeaderMiddleware> {
    let (module, path) = module_path(project, file, plugin)?;
    find_model(&module, &path)
}

fn from_model(
    project: &Project,
    file: FileId,
    m: &HeaderMiddleware,
    opts: Option<&Val>,
    span: Span,
) -> HeaderUse {
    let mut use_ = HeaderUse {
        sets_headers: m.sets_headers,
        hides_powered_by: m.hides_powered_by,
        disabled: Vec::new(),
        file,
        span,
        not_global: false,
        missing: Vec::new(),
    };
    if !m.sets.is_empty() {
        use_.missing = headers()
            .manual
            .core_headers
            .iter()
            .filter(|h| !m.sets.contains(h))
            .cloned()
            .collect();
    }
    let Some(opts) = opts else { return use_ };
    let (of, ov) = project.resolve(file, opts);
    let Val::Object(props) = &ov else { return use_ };
    for (key, value) in props.iter() {
        let off = eval_default(project, of, value)
            .is_some_and(|c| c == nodeward_semantic::env::Const::Bool(false));
        if !off {
            if &**key == "global" {
                use_.not_global = false;
            }
            continue;
        }
        if &**key == "global" {
            use_.not_global = true;
        } else if m.powered_by_options.iter().any(|o| o == &**key) {
            use_.hides_powered_by = false;
        } else if m.sets_headers {
            if let Some(header) = headers().disabling_options.get(&**key) {
                use_.disabled.push((key.to_string(), header.clone()));
            }
        }
    }
    use_
}

fn classify(project: &Project, file: FileId, val: &Val, depth: u32, out: &mut Vec<HeaderUse>) {
    if depth > MAX_DEPTH {
        return;
    }
    let (f, v) = project.resolve(file, val);
    match &v {
        Val::Array(items) => {
            for item in items.iter() {
                classify(project, f, item, depth + 1, out);
            }
        }
        Val::Call(c) => {
            if let Some((module, path)) = module_path(project, f, &c.callee) {
                if let Some(m) = find_model(&module, &path) {
                    out.push(from_model(project, f, m, c.args.first(), c.span));
                }
                return;
            }
            // A middleware factory of the project: what it returns.
            if let (ff, Val::Func(id)) = project.resolve(f, &c.callee) {
                if let Some(func) = project.file(ff).function(id) {
                    for r in &func.returns {
                        classify(project, ff, r, depth + 1, out);
                    }
                }
            }
        }
        Val::Func(id) => {
            // A wrapper that hands the request to helmet (`const h = helmet();
            // return (req, res, next) => h(req, res, next)`).
            if let Some(func) = project.file(f).function(*id) {
                let before = out.len();
                for site in &func.calls {
                    if let (cf, Val::Call(c)) = project.resolve(f, &site.call.callee) {
                        if let Some((module, path)) = module_path(project, cf, &c.callee) {
                            if let Some(m) = find_model(&module, &path) {
                                out.push(from_model(project, cf, m, c.args.first(), c.span));
                            }
                        }
                    }
                }
                if out.len() > before {
                    return;
                }
            }
            let mut seen = ManualSeen::default();
            manual_headers(project, f, *id, depth, &mut seen);
            let core = &headers().manual.core_headers;
            let frame_via_csp = seen.csp_frame_ancestors;
            let missing: Vec<String> = core
                .iter()
                .filter(|h| !(seen.set.contains(h) || (*h == "x-frame-options" && frame_via_csp)))
                .cloned()
                .collect();
            let all = missing.is_empty();
            let some = missing.len() < core.len();
            if some || seen.removes_powered_by {
                out.push(HeaderUse {
                    sets_headers: all,
                    hides_powered_by: seen.removes_powered_by,
                    disabled: Vec::new(),
                    file: f,
                    span: project
                        .file(f)
                        .function(*id)
                        .map_or(Span::new(0, 0), |x| x.span),
                    not_global: false,
                    missing,
                });
            }
        }
        _ => {}
    }
}

#[derive(Default)]
struct ManualSeen {
    set: Vec<String>,
    csp_frame_ancestors: bool,
    removes_powered_by: bool,
}

/// Headers a hand-written middleware sets (`res.setHeader(name, v)`,
/// `res.set({…})`, `ctx.set(name, v)`) or removes, also through the
/// project functions it calls.
fn manual_headers(project: &Project, file: FileId, func: u32, depth: u32, seen: &mut ManualSeen) {
    if depth > MAX_DEPTH {
        return;
    }
    let model = &headers().manual;
    let Some(f) = project.file(file).function(func) else {
        return;
    };
    for site in &f.calls {
        let call: &CallVal = &site.call;
        // `if (settings.ssl) res.setHeader('Strict-Transport-Security', …)`
        // with `ssl: false` by default sets nothing by default.
        if nodeward_semantic::env::cond_truth(project, file, site.cond)
            == nodeward_semantic::env::Truth::False
        {
            continue;
        }
        if let Some((_, method)) = call.callee.as_member() {
            let m = &**method;
            if model.setters.iter().any(|s| s == m) {
                match call.args.first() {
                    Some(Val::Str(name)) => note_header(seen, name, call.args.get(1)),
                    Some(Val::Object(props)) => {
                        for (name, value) in props.iter() {
                            note_header(seen, name, Some(value));
                        }
                    }
                    // `for (const key in headers) res.setHeader(key, headers[key])`
                    // over a table of the code's: every key of it.
                    key @ Some(Val::Binding(_)) => {
                        let table = loop_table(project, file, key, nodeward_semantic::ENTRY_KEY);
                        if let Some((_, Val::Object(props))) =
                            table.map(|t| project.resolve(file, &t))
                        {
                            for (name, value) in props.iter() {
                                note_header(seen, name, Some(value));
                            }
                        }
                    }
                    _ => {}
                }
            } else if model.removers.iter().any(|s| s == m) {
                if let Some(Val::Str(name)) = call.args.first() {
                    if name.eq_ignore_ascii_case("x-powered-by") {
                        seen.removes_powered_by = true;
                    }
                }
            }
        }
        if let (cf, Val::Func(id)) = project.resolve(file, &call.callee) {
            manual_headers(project, cf, id, depth + 1, seen);
        }
    }
}

/// The table a loop variable walks: `t` for `k` of `for (const k in t)`
/// or `for (const [k, v] of Object.entries(t))` (`part` is `ENTRY_KEY` for
/// `k`, `ENTRY_VALUE` for `v`).
pub fn loop_table(project: &Project, file: FileId, v: Option<&Val>, part: &str) -> Option<Val> {
    let Some(Val::Binding(id)) = v else {
        return None;
    };
    match project
        .file(file)
        .bindings
        .get(*id as usize)
        .map(|b| &b.value)
    {
        Some(Val::Member(m)) if &*m.1 == part => Some(m.0.clone()),
        _ => None,
    }
}

fn note_header(seen: &mut ManualSeen, name: &str, value: Option<&Val>) {
    let lower = name.to_ascii_lowercase();
    // Express's init middleware set `X-Powered-By: Express` before this
    // one runs: a value of the code's own replaces it.
    if lower == "x-powered-by" && !matches!(value, Some(Val::Str(v)) if v.contains("Express")) {
        seen.removes_powered_by = true;
    }
    if lower == "content-security-policy" {
        if let Some(Val::Str(v)) = value {
            seen.csp_frame_ancestors |= v.contains("frame-ancestors");
        }
    }
    seen.set.push(lower);
}

/// Whether an op serves responses (so middleware registered after it does
/// not cover it): a route method, or `use` of a path, router, sub-app or
/// static files. NestJS registers its controllers' routes at `listen`.
pub fn is_route(project: &Project, fw: Framework, op: &AppOp) -> bool {
    let data = frameworks();
    let m = &*op.method;
    if let Framework::Nest { .. } = fw {
        return m == "listen" || m == "init";
    }
    if m == "listen" {
        return false;
    }
    let methods = match fw {
        Framework::Koa => &data.methods.koa_router,
        Framework::Fastify => &data.methods.fastify,
        _ => &data.methods.express,
    };
    if m == "route" || methods.iter().any(|r| r == m) {
        // `app.get('env')` reads a setting; a route has a handler.
        return !(m == "get" && op.args.len() < 2);
    }
    if m != "use" {
        return false;
    }
    if !op.mounts.is_empty() {
        return true;
    }
    let args = &op.args;
    if matches!(fw, Framework::Express) && matches!(args.first(), Some(Val::Str(_))) {
        return true;
    }
    args.iter().any(|a| serves(project, op.file, a, fw))
}

fn serves(project: &Project, file: FileId, val: &Val, fw: Framework) -> bool {
    let data = frameworks();
    let (f, v) = project.resolve(file, val);
    match &v {
        Val::Call(c) => {
            if let Some((_, m)) = c.callee.as_member() {
                // Koa: `router.routes()`, `router.allowedMethods()`.
                if &**m == "routes" {
                    return true;
                }
            }
            // A router, static files, or a mounted sub-app (koa-mount).
            match module_path(project, f, &c.callee) {
                Some((module, path)) => {
                    data.router
                        .iter()
                        .any(|r| r.module == *module && r.path == path)
                        || is_api(&data.static_, &module, &path)
                        || is_api(&data.mount, &module, &path)
                }
                None => false,
            }
        }
        // Koa: an inline middleware that answers (`ctx.body = …`).
        Val::Func(id) if matches!(fw, Framework::Koa) => project
            .file(f)
            .function(*id)
            .is_some_and(|func| func.effects.iter().any(|e| matches!(&e.effect, nodeward_semantic::Effect::Assign { target: Val::Member(m), .. } if &*m.1 == "body"))),
        _ => false,
    }
}
