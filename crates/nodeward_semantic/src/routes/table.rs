//! From the operations on apps and routers to resolved routes: each with its
//! full path (every prefix on the way joined), its handlers, the middleware
//! that runs before them, and its gate in the default environment.

use std::collections::HashSet;

use nodeward_report::Span;

use crate::env::{cond_truth, eval_default, Const, Truth};
use crate::model::Why;
use crate::model::{CondId, FnId, Val};
use crate::project::{FileId, Project};

use super::data::{data, is_api};
use super::describe::describe;
use super::interp::module_path;
use super::{Framework, Op, RouteTable, RouterId, RouterKind};

/// A resolved route, or a middleware registration (`method` `USE`).
#[derive(Debug, Clone)]
pub struct Route {
    /// The app it is served by.
    pub app: RouterId,
    pub framework: Framework,
    /// Upper case: `GET`, `POST`, `ALL`; `USE` for middleware.
    pub method: Box<str>,
    /// The full path, prefixes joined, parameters as `:name`.
    pub path: String,
    /// The path written at this registration (before the prefixes).
    pub own_path: String,
    /// Whether the registration names a path (a `use` without one applies
    /// to everything under its router).
    pub explicit_path: bool,
    /// The registration call.
    pub file: FileId,
    pub span: Span,
    /// The handlers (for `USE`: the middleware registered).
    pub handlers: Vec<Handler>,
    /// What runs before the handlers, in run order.
    pub middleware: Vec<Handler>,
    pub gate: Gate,
    /// The mounts the route is reached through, outermost first:
    /// (file, mount call, full path of the mount).
    pub mounts: Vec<(FileId, Span, String)>,
    /// A Fastify route's options object: the `route({...})` object, or the
    /// one of `get(path, { schema, preHandler }, handler)`. Its `schema`
    /// (body, querystring, params and headers JSON schemas) is kept for
    /// the queries that read what the framework validates.
    pub options: Option<(FileId, Val)>,
}

impl Route {
    /// A Fastify route's `schema` (`{ body, querystring, params, headers }`),
    /// resolved to its object where the project defines it.
    pub fn schema(&self, project: &Project) -> Option<(FileId, Val)> {
        let (file, opts) = self.options.as_ref()?;
        let schema = opts.prop("schema")?;
        let (f, v) = project.resolve(*file, schema);
        matches!(v, Val::Object(_)).then_some((f, v))
    }
}

/// A handler or middleware, by reference.
#[derive(Debug, Clone)]
pub struct Handler {
    /// The file whose ids `val` uses.
    pub file: FileId,
    pub val: Val,
    /// The project function it is, if it is one.
    pub target: Option<(FileId, FnId)>,
    /// As written (`auth.requireLogin`, `helmet()`).
    pub name: String,
    /// What each of its parameters is given (empty when it is not a
    /// project function, or takes none).
    pub roles: Vec<super::Role>,
}

/// Whether a route is on in the default environment, and why.
#[derive(Debug, Clone)]
pub struct Gate {
    pub truth: Truth,
    /// Every condition, gate middleware and in-handler check on the way,
    /// with what it evaluates to by default.
    pub steps: Vec<GateStep>,
}

#[derive(Debug, Clone)]
pub struct GateStep {
    pub file: FileId,
    /// `process.env.NODE_ENV !== 'production'`, or the middleware's name.
    pub text: String,
    pub truth: Truth,
    pub kind: GateKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GateKind {
    /// The registration (or a mount, or a call on the way) runs under it.
    Condition,
    /// A middleware before the handler calls `next()` only under it.
    Middleware,
    /// The handler ends early unless it holds.
    Handler,
}

impl Gate {
    fn open() -> Gate {
        Gate {
            truth: Truth::True,
            steps: Vec::new(),
        }
    }

    pub(crate) fn with(&self, step: GateStep) -> Gate {
        let mut g = self.clone();
        g.truth = g.truth.and(step.truth);
        g.steps.push(step);
        g
    }
}

const MAX_MOUNT_DEPTH: usize = 16;

/// Fastify hooks that run before the handler (the others run after it).
const BEFORE_HANDLER_HOOKS: &[&str] = &["onRequest", "preParsing", "preValidation", "preHandler"];

struct Walk<'a> {
    project: &'a Project,
    table: &'a RouteTable,
    out: Vec<Route>,
}

#[derive(Clone)]
struct Ctx {
    app: RouterId,
    prefix: String,
    gate: Gate,
    /// Middleware registered before, with the path it applies under.
    chain: Vec<(String, Handler)>,
    mounts: Vec<(FileId, Span, String)>,
}

pub(crate) fn resolve(project: &Project, table: &RouteTable) -> Vec<Route> {
    let mut w = Walk {
        project,
        table,
        out: Vec::new(),
    };
    // Sub-apps are reached through their mounts; an app that never serves
    // has no routes.
    for (id, app) in table
        .apps()
        .filter(|(_, a)| a.mounted_by.is_empty() && a.is_used())
    {
        let ctx = Ctx {
            app: id,
            // Mounted by an app the interpretation does not see: at a
            // prefix nobody knows.
            prefix: if app.mounted_elsewhere {
                "*".into()
            } else {
                String::new()
            },
            gate: Gate::open(),
            chain: Vec::new(),
            mounts: Vec::new(),
        };
        let mut on_path = HashSet::new();
        on_path.insert(id);
        w.walk(id, ctx.clone(), &mut on_path);
        if matches!(app.framework, Framework::Nest { .. }) {
            super::nest::routes(project, table, id, &mut w.out);
        }
    }
    w.out
}

/// Folders served as static files: `express.static(path.join(__dirname,
/// 'public'))`, koa-static, @fastify/static `{ root }`.
pub(crate) fn static_roots(project: &Project, table: &RouteTable) -> Vec<String> {
    let mut roots = Vec::new();
    for r in &table.routers {
        for op in &r.ops {
            for arg in &op.args {
                let (f, v) = project.resolve(op.file, arg);
                let dir = match &v {
                    Val::Call(c) => match module_path(project, f, &c.callee) {
                        Some((m, p)) if is_api(&data().static_, &m, &p) => c.args.first().cloned(),
                        _ => None,
                    },
                    _ => None,
                };
                // Fastify: `register(fastifyStatic, { root })`.
                let dir = dir.or_else(|| match module_path(project, op.file, arg) {
                    Some((m, p)) if is_api(&data().static_, &m, &p) => op
                        .args
                        .get(1)
                        .and_then(|o| project.resolve(op.file, o).1.prop("root").cloned()),
                    _ => None,
                });
                if let Some(dir) = dir {
                    if let Some(folder) = super::interp::folder_of(project, f, &dir) {
                        if !folder.is_empty() {
                            roots.push(folder);
                        }
                    }
                }
            }
        }
    }
    roots.sort();
    roots.dedup();
    roots
}

impl Walk<'_> {
    fn walk(&mut self, router: RouterId, ctx: Ctx, on_path: &mut HashSet<RouterId>) {
        if ctx.mounts.len() > MAX_MOUNT_DEPTH {
            return;
        }
        let r = &self.table.routers[router];
        let mut ctx = ctx;
        // Koa routers: `new Router({ prefix })`, `router.prefix('/v1')`.
        if r.kind == RouterKind::Router && r.framework == Framework::Koa {
            let mut prefix = r
                .args
                .first()
                .and_then(|o| self.project.resolve(r.file, o).1.prop("prefix").cloned())
                .and_then(|p| path_texts(self.project, r.file, &p).into_iter().next());
            for op in &r.ops {
                if &*op.method == "prefix" {
                    if let Some(p) = op.args.first() {
                        prefix = path_texts(self.project, op.file, p).into_iter().next();
                    }
                }
            }
            if let Some(p) = prefix {
                ctx.prefix = join(&ctx.prefix, &p);
                // `app.use(devTools.routes())` mounts the router at its prefix.
                if let Some(last) = ctx.mounts.last_mut() {
                    last.2 = ctx.prefix.clone();
                }
            }
        }
        // Fastify hooks and plugins apply to the whole context, whatever the
        // order of registration (in their own order among themselves).
        if matches!(
            r.framework,
            Framework::Fastify | Framework::Nest { fastify: true }
        ) {
            for op in &r.ops {
                if op.truth == Truth::False {
                    continue;
                }
                match &*op.method {
                    "addHook" => {
                        let before = op
                            .args
                            .first()
                            .and_then(Val::as_str)
                            .is_some_and(|h| BEFORE_HANDLER_HOOKS.contains(&h));
                        if let (true, Some(h)) = (before, op.args.get(1)) {
                            let h = self.handler(op.file, h);
                            ctx.chain.push((ctx.prefix.clone(), h));
                        }
                    }
                    "register" if op.mounts.is_empty() => {
                        if let Some(p) = op.args.first() {
                            if self.is_package_plugin(op.file, p) {
                                let h = self.handler(op.file, p);
                                ctx.chain.push((ctx.prefix.clone(), h));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        for op in &r.ops {
            let gate = self.op_gate(&ctx.gate, op);
            self.op(router, op, &mut ctx, gate, on_path);
        }
    }

    fn op(
        &mut self,
        router: RouterId,
        op: &Op,
        ctx: &mut Ctx,
        gate: Gate,
        on_path: &mut HashSet<RouterId>,
    ) {
        let r = &self.table.routers[router];
        let m = &*op.method;
        let fastify = matches!(
            r.framework,
            Framework::Fastify | Framework::Nest { fastify: true }
        );
        let methods: &[String] = match (r.framework, r.kind) {
            (Framework::Express | Framework::Nest { fastify: false }, _) => &data().methods.express,
            (Framework::Koa, RouterKind::Router) => &data().methods.koa_router,
            (Framework::Fastify | Framework::Nest { fastify: true }, _) => &data().methods.fastify,
            _ => &[],
        };
        if op.via.is_some() {
            // The app handed to a package at a path: `SwaggerModule.setup(
            // 'docs', app, doc)`. Without a path it serves nothing of its
            // own (`SwaggerModule.createDocument(app, config)`).
            let Some(path) = op
                .args
                .first()
                .filter(|a| is_path_like(self.project, op.file, a))
                .and_then(|a| path_texts(self.project, op.file, a).into_iter().next())
            else {
                return;
            };
            let explicit = true;
            let name = op
                .via
                .as_ref()
                .map(|(m, p)| {
                    if p.is_empty() {
                        m.to_string()
                    } else {
                        format!("{m}.{p}")
                    }
                })
                .unwrap_or_default();
            let val = op
                .via
                .as_ref()
                .map_or(Val::Unknown(Why::Unmodeled), |(m, p)| {
                    p.split('.')
                        .filter(|s| !s.is_empty())
                        .fold(Val::Module(crate::model::Atom::from(&**m)), |v, s| {
                            v.member(s)
                        })
                });
            let h = Handler {
                file: op.file,
                val,
                target: None,
                name: format!("{name}()"),
                roles: Vec::new(),
            };
            self.emit(ctx, op, "USE", &path, explicit, vec![h], Vec::new(), gate);
            return;
        }
        if methods.iter().any(|x| x == m) {
            // `app.get('env')` reads a setting.
            if op.args.len() < 2 {
                return;
            }
            let (path_val, rest) = match (r.framework, &op.args[..]) {
                // koa-router: `router.get('name', '/path', …)`.
                (Framework::Koa, [Val::Str(_), p @ Val::Str(_), rest @ ..]) if !rest.is_empty() => {
                    (p, rest)
                }
                (_, [p, rest @ ..]) => (p, rest),
                _ => return,
            };
            let mut items = self.flatten(op.file, rest);
            // Fastify: `get(path, { preHandler }, handler)`.
            let mut before = Vec::new();
            let mut options = None;
            if fastify && items.len() > 1 {
                let opts = items.remove(0);
                before = self.fastify_hooks_of(opts.file, &opts.val);
                options = Some(self.project.resolve(opts.file, &opts.val));
            }
            let method = if m == "del" {
                "DELETE".to_string()
            } else {
                m.to_ascii_uppercase()
            };
            for p in path_texts(self.project, op.file, path_val) {
                let n = items.len();
                let mut mw = before.clone();
                mw.extend(items.iter().take(n.saturating_sub(1)).cloned());
                let handlers: Vec<Handler> =
                    items.iter().skip(n.saturating_sub(1)).cloned().collect();
                self.emit(ctx, op, &method, &p, true, handlers, mw, gate.clone());
                self.set_options(&options);
            }
            return;
        }
        match m {
            // koa-router: `register(path, methods, ...middleware)`.
            "register" if r.framework == Framework::Koa && r.kind == RouterKind::Router => {
                let (Some(p), Some(ms)) = (op.args.first(), op.args.get(1)) else {
                    return;
                };
                let methods: Vec<String> = match self.project.resolve(op.file, ms).1 {
                    Val::Array(a) => a
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_ascii_uppercase))
                        .collect(),
                    Val::Str(s) => vec![s.to_ascii_uppercase()],
                    _ => vec!["ALL".into()],
                };
                let items = self.flatten(op.file, &op.args[2..]);
                let n = items.len();
                let mw: Vec<Handler> = items.iter().take(n.saturating_sub(1)).cloned().collect();
                let handlers: Vec<Handler> =
                    items.iter().skip(n.saturating_sub(1)).cloned().collect();
                for path in path_texts(self.project, op.file, p) {
                    for m in &methods {
                        self.emit(
                            ctx,
                            op,
                            m,
                            &path,
                            true,
                            handlers.clone(),
                            mw.clone(),
                            gate.clone(),
                        );
                    }
                }
            }
            "route" if fastify => {
                let Some(o) = op.args.first() else { return };
                let (of, ov) = self.project.resolve(op.file, o);
                let methods = match ov.prop("method") {
                    Some(Val::Array(a)) => a
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_string))
                        .collect(),
                    Some(Val::Str(s)) => vec![s.to_string()],
                    _ => vec!["ALL".to_string()],
                };
                let url = ov
                    .prop("url")
                    .or_else(|| ov.prop("path"))
                    .cloned()
                    .unwrap_or(Val::Str("/".into()));
                let handlers: Vec<Handler> = ov
                    .prop("handler")
                    .map(|h| self.handler(of, h))
                    .into_iter()
                    .collect();
                let mw = self.fastify_hooks_of(of, &ov);
                for p in path_texts(self.project, of, &url) {
                    for method in &methods {
                        self.emit(
                            ctx,
                            op,
                            &method.to_ascii_uppercase(),
                            &p,
                            true,
                            handlers.clone(),
                            mw.clone(),
                            gate.clone(),
                        );
                        self.set_options(&Some((of, ov.clone())));
                    }
                }
            }
            "use" | "register" => {
                let (path, explicit, items) = match op.args.first() {
                    Some(first) if m == "use" && is_path_like(self.project, op.file, first) => (
                        path_texts(self.project, op.file, first)
                            .into_iter()
                            .next()
                            .unwrap_or_default(),
                        true,
                        &op.args[1..],
                    ),
                    _ => (String::new(), false, &op.args[..]),
                };
                let base = join(&ctx.prefix, &path);
                if m == "register" {
                    self.walk_mounts(op, ctx, &base, &gate, on_path);
                    // A package plugin (helmet, cors, swagger): middleware.
                    if op.mounts.is_empty() {
                        if let Some(p) = op.args.first() {
                            let h = self.handler(op.file, p);
                            let pth = op
                                .args
                                .get(1)
                                .and_then(|o| {
                                    self.project.resolve(op.file, o).1.prop("prefix").cloned()
                                })
                                .and_then(|v| {
                                    path_texts(self.project, op.file, &v).into_iter().next()
                                });
                            let explicit = pth.is_some();
                            self.emit(
                                ctx,
                                op,
                                "USE",
                                pth.as_deref().unwrap_or(""),
                                explicit,
                                vec![h.clone()],
                                Vec::new(),
                                gate.clone(),
                            );
                            if let Some(last) = self.out.last_mut() {
                                last.options = op.args.get(1).map(|o| (op.file, o.clone()));
                            }
                        }
                    }
                    return;
                }
                let mut own = Vec::new();
                for h in self.flatten(op.file, items) {
                    if op.mounts.iter().any(|mt| self.mounts_value(mt.child, &h)) {
                        continue;
                    }
                    own.push(h);
                }
                // Middleware registered with a mount runs before the mounted
                // routes; it is a row of its own only without a mount.
                if !own.is_empty() && op.mounts.is_empty() {
                    self.emit(
                        ctx,
                        op,
                        "USE",
                        &path,
                        explicit,
                        own.clone(),
                        Vec::new(),
                        gate.clone(),
                    );
                }
                for h in own {
                    ctx.chain.push((base.clone(), h));
                }
                self.walk_mounts(op, ctx, &base, &gate, on_path);
            }
            // `router.param('id', loadUser)`: runs before routes with `:id`.
            "param" if !fastify => {
                if let (Some(Val::Str(name)), Some(h)) = (op.args.first(), op.args.get(1)) {
                    let mut h = self.handler(op.file, h);
                    if h.name == "anonymous" {
                        h.name = format!("param('{name}')");
                    }
                    h.roles = super::roles::param_handler(self.project, &h, name);
                    ctx.chain.push((format!("{}\u{0}:{name}", ctx.prefix), h));
                }
            }
            _ => {}
        }
    }

    /// Walks the routers an op mounts, under `base` and the op's gate.
    fn walk_mounts(
        &mut self,
        op: &Op,
        ctx: &Ctx,
        base: &str,
        gate: &Gate,
        on_path: &mut HashSet<RouterId>,
    ) {
        for mount in &op.mounts {
            if !on_path.insert(mount.child) {
                continue;
            }
            let mpath = match &mount.path {
                Some((f, v)) => path_texts(self.project, *f, v)
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
                None => String::new(),
            };
            let full = join(base, &mpath);
            let mut child = ctx.clone();
            child.prefix = full.clone();
            child.gate = gate.clone();
            child.mounts.push((
                op.file,
                op.span,
                if full.is_empty() { "/".into() } else { full },
            ));
            self.walk(mount.child, child, on_path);
            on_path.remove(&mount.child);
        }
    }

    /// A Fastify plugin from a package (not the project's, not a loader):
    /// the hooks it adds run for the context's routes.
    fn is_package_plugin(&self, file: FileId, plugin: &Val) -> bool {
        match module_path(self.project, file, plugin) {
            Some((m, p)) => !is_api(&data().autoload, &m, &p),
            None => false,
        }
    }

    /// Whether a `use` item is (a wrapper of) a mounted router.
    fn mounts_value(&self, child: RouterId, h: &Handler) -> bool {
        let r = &self.table.routers[child];
        let (f, v) = self.project.resolve(h.file, &h.val);
        let site = |c: &crate::model::CallVal| f == r.file && c.span == r.span;
        match &v {
            Val::Call(c) => {
                site(c)
                    || c.callee
                        .as_member()
                        .is_some_and(|(_, m)| matches!(&**m, "routes" | "middleware"))
                    || module_path(self.project, f, &c.callee)
                        .is_some_and(|(m, p)| is_api(&data().mount, &m, &p))
                    || matches!(self.project.resolve(f, &c.callee).1, Val::Func(_))
            }
            _ => false,
        }
    }

    /// `preHandler`, `onRequest` … of a Fastify route's options.
    fn fastify_hooks_of(&self, file: FileId, opts: &Val) -> Vec<Handler> {
        let (of, ov) = self.project.resolve(file, opts);
        let mut out = Vec::new();
        for key in BEFORE_HANDLER_HOOKS {
            if let Some(v) = ov.prop(key) {
                out.extend(self.flatten(of, std::slice::from_ref(v)));
            }
        }
        out
    }

    /// Handlers of a registration, arrays flattened.
    fn flatten(&self, file: FileId, args: &[Val]) -> Vec<Handler> {
        let mut out = Vec::new();
        for a in args {
            match self.project.resolve(file, a) {
                (f, Val::Array(items)) => {
                    for item in items.iter() {
                        out.push(self.handler(f, item));
                    }
                }
                _ => out.push(self.handler(file, a)),
            }
        }
        out
    }

    fn handler(&self, file: FileId, val: &Val) -> Handler {
        let name = super::describe::name(self.project.file(file), val);
        let target = match self.project.resolve(file, val) {
            (f, Val::Func(id)) => Some((f, id)),
            // A middleware factory of the project: the function it returns.
            (f, Val::Call(c)) => match self.project.resolve(f, &c.callee) {
                (ff, Val::Func(id)) => self
                    .project
                    .file(ff)
                    .function(id)
                    .and_then(|func| func.returns.first())
                    .and_then(|r| match self.project.resolve(ff, r) {
                        (rf, Val::Func(rid)) => Some((rf, rid)),
                        _ => None,
                    }),
                _ => None,
            },
            _ => None,
        };
        Handler {
            file,
            val: val.clone(),
            target,
            name,
            roles: Vec::new(),
        }
    }

    /// The gate of a registration: the mount's, and the conditions the
    /// registration runs under.
    fn op_gate(&self, gate: &Gate, op: &Op) -> Gate {
        let mut g = gate.clone();
        for &(file, cond) in &op.conds {
            for step in cond_steps(self.project, file, cond) {
                g = g.with(step);
            }
        }
        // A condition the steps did not explain (an unknown one).
        g.truth = g.truth.and(op.truth);
        g
    }

    /// Gives the route just emitted its Fastify options object.
    fn set_options(&mut self, options: &Option<(FileId, Val)>) {
        if let (Some(r), Some(o)) = (self.out.last_mut(), options) {
            r.options = Some(o.clone());
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        ctx: &Ctx,
        op: &Op,
        method: &str,
        own: &str,
        explicit: bool,
        handlers: Vec<Handler>,
        route_mw: Vec<Handler>,
        gate: Gate,
    ) {
        let r = &self.table.routers[ctx.app];
        let path = join(&ctx.prefix, own);
        let path = if path.is_empty() {
            "/".to_string()
        } else {
            path
        };
        let next_index = match r.framework {
            Framework::Koa => 1,
            _ => 2,
        };
        let mut middleware: Vec<Handler> = ctx
            .chain
            .iter()
            .filter(|(scope, _)| match scope.split_once('\u{0}') {
                // `router.param(name, …)`: routes under it with that parameter.
                Some((prefix, param)) => {
                    under(&path, prefix) && path.split('/').any(|seg| seg == param)
                }
                None => under(&path, scope),
            })
            .map(|(_, h)| h.clone())
            .collect();
        middleware.extend(route_mw);
        let mut gate = gate;
        if method != "USE" {
            for mw in &middleware {
                if let Some(step) = gate_middleware(self.project, mw, next_index) {
                    gate = gate.with(step);
                }
            }
            if let Some(h) = handlers.last() {
                if let Some(step) = handler_gate(self.project, h) {
                    gate = gate.with(step);
                }
            }
        }
        self.out.push(Route {
            app: ctx.app,
            framework: r.framework,
            method: method.into(),
            path,
            own_path: own.to_string(),
            explicit_path: explicit,
            file: op.file,
            span: op.span,
            handlers,
            middleware,
            gate,
            mounts: ctx.mounts.clone(),
            options: None,
        });
    }
}

/// The conditions of a condition chain, innermost first, each with its
/// default truth.
pub(crate) fn cond_steps(project: &Project, file: FileId, cond: CondId) -> Vec<GateStep> {
    let model = project.file(file);
    let mut out = Vec::new();
    let mut next = Some(cond);
    let mut guard = 0;
    while let Some(id) = next {
        guard += 1;
        let Some(node) = model.cond(id) else { break };
        if guard > 64 {
            break;
        }
        let truth = match eval_default(project, file, &node.test) {
            Some(c) if c.truthy() != node.negated => Truth::True,
            Some(_) => Truth::False,
            None => Truth::Unknown,
        };
        out.push(GateStep {
            file,
            text: if node.negated {
                super::describe::describe_not(model, &node.test)
            } else {
                describe(model, &node.test)
            },
            truth,
            kind: GateKind::Condition,
        });
        next = node.parent;
    }
    out
}

/// A middleware that calls `next()` only under conditions that are false
/// by default (`devOnly`): the routes after it are off.
fn gate_middleware(project: &Project, mw: &Handler, next_index: u32) -> Option<GateStep> {
    let (file, func) = mw.target?;
    let f = project.file(file).function(func)?;
    let mut calls = 0;
    for site in &f.calls {
        let is_next = matches!(
            project.resolve(file, &site.call.callee),
            (ff, Val::Param { func: pf, index }) if ff == file && pf == func && index == next_index
        );
        if !is_next {
            continue;
        }
        calls += 1;
        if cond_truth(project, file, site.cond) != Truth::False {
            return None;
        }
    }
    (calls > 0).then(|| GateStep {
        file: mw.file,
        text: mw.name.clone(),
        truth: Truth::False,
        kind: GateKind::Middleware,
    })
}

/// A handler that returns early unless something holds that is false by
/// default (`if (process.env.ENABLE_DEBUG !== 'true') return res.sendStatus(404)`).
pub(crate) fn handler_gate(project: &Project, h: &Handler) -> Option<GateStep> {
    let (file, func) = h.target?;
    let f = project.file(file).function(func)?;
    let tail = f.tail_cond?;
    if cond_truth(project, file, Some(tail)) != Truth::False {
        return None;
    }
    let model = project.file(file);
    let node = model.cond(tail)?;
    let text = if node.negated {
        super::describe::describe_not(model, &node.test)
    } else {
        describe(model, &node.test)
    };
    Some(GateStep {
        file,
        text,
        truth: Truth::False,
        kind: GateKind::Handler,
    })
}

fn is_path_like(project: &Project, file: FileId, v: &Val) -> bool {
    match project.resolve(file, v) {
        (_, Val::Str(_) | Val::Regex(_) | Val::Template(_)) => true,
        (_, Val::Array(items)) => items
            .iter()
            .all(|i| matches!(i, Val::Str(_) | Val::Regex(_))),
        (_, Val::Bin(b)) => b.0 == "+",
        // `app.use(basePath(), router)`: a call that gives a string.
        (f, other) => matches!(eval_default(project, f, &other), Some(Const::Str(_))),
    }
}

/// The paths a path argument names (an array names several); a part the
/// default environment cannot evaluate (a computed name, an unset variable)
/// is `*`.
pub(crate) fn path_texts(project: &Project, file: FileId, v: &Val) -> Vec<String> {
    let (f, rv) = project.resolve(file, v);
    match &rv {
        Val::Array(items) => items
            .iter()
            .flat_map(|i| path_texts(project, f, i))
            .collect(),
        Val::Regex(id) => vec![project
            .file(f)
            .regexes
            .get(*id as usize)
            .map_or("*".to_string(), |r| format!("/{}/", r.pattern))],
        _ => vec![path_text(project, f, &rv, 0)],
    }
}

fn path_text(project: &Project, file: FileId, v: &Val, depth: u32) -> String {
    if depth > 8 {
        return "*".into();
    }
    let (f, rv) = project.resolve(file, v);
    match &rv {
        Val::Str(s) => s.to_string(),
        Val::Bin(b) if b.0 == "+" => {
            path_text(project, f, &b.1, depth + 1) + &path_text(project, f, &b.2, depth + 1)
        }
        Val::Template(parts) => parts
            .iter()
            .map(|p| path_text(project, f, p, depth + 1))
            .collect(),
        _ => match eval_default(project, f, &rv) {
            Some(Const::Str(s)) => s,
            Some(Const::Num(n)) => n.to_string(),
            _ => "*".into(),
        },
    }
}

/// Joins a prefix and a path: `/api` + `/users` → `/api/users`.
pub(crate) fn join(prefix: &str, path: &str) -> String {
    let mut out = String::new();
    for seg in prefix.split('/').chain(path.split('/')) {
        if seg.is_empty() {
            continue;
        }
        out.push('/');
        out.push_str(seg);
    }
    if out.is_empty() && (prefix.starts_with('/') || path.starts_with('/')) {
        return "/".into();
    }
    out
}

/// Whether `path` is at or under `scope` (segment-wise).
fn under(path: &str, scope: &str) -> bool {
    let scope = scope.trim_end_matches('/');
    scope.is_empty()
        || path == scope
        || path
            .strip_prefix(scope)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::{join, under};

    #[test]
    fn joins_prefixes() {
        assert_eq!(join("/api", "/users"), "/api/users");
        assert_eq!(join("", "/"), "/");
        assert_eq!(join("/api/", "/"), "/api");
        assert_eq!(join("api", "users/:id"), "/api/users/:id");
        assert_eq!(join("", ""), "");
    }

    #[test]
    fn scopes_are_segment_wise() {
        assert!(under("/api/users", "/api"));
        assert!(under("/api", "/api"));
        assert!(!under("/apix", "/api"));
        assert!(under("/x", ""));
    }
}
