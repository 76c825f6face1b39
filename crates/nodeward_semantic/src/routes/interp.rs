//! The interpretation that finds apps and routers and what is done to them.
//!
//! A small abstract interpretation that tracks only app and router objects:
//! each file's module body runs once; a call to a project function (in this
//! file or another) runs that function with the objects passed to it bound
//! to its parameters; callbacks handed to code outside the project run once
//! where they are passed. A Fastify plugin runs with its instance parameter
//! bound to a new context (or to the same context when wrapped with
//! fastify-plugin). A function defined but never called runs nothing, so a
//! hardening helper nobody calls protects nothing. Conditions are evaluated
//! in the default environment; an operation under a condition that is false
//! by default is kept with `Truth::False` (the route table lists it as off).
//!
//! Every run is memoised by (function, objects bound to its parameters), and
//! what a project function returns is computed once, so the cost grows with
//! the number of call sites, not with the paths between them. A spent
//! budget is recorded and becomes a notice.

use std::collections::{HashMap, HashSet};

use crate::env::{cond_truth, Truth};
use crate::model::Why;
use crate::model::{CallVal, CondId, FileModel, FnId, Val, MODULE_FN};
use crate::project::{FileId, Project};

use super::data::{data, is_api, FrameworkName};
use super::{Framework, Mount, Op, RouteTable, Router, RouterId, RouterKind};

/// `require('a').b.c` → `("a", "b.c")`: a package export, by module and
/// member path (an API path made only of members; see `crate::api`).
pub fn module_path(project: &Project, file: FileId, val: &Val) -> Option<(Box<str>, String)> {
    let path = crate::api::api_path(project, file, val)?;
    let mut members = Vec::with_capacity(path.steps.len());
    for s in &path.steps {
        match s {
            crate::api::ApiStep::Member(m) => members.push(m.as_str()),
            _ => return None,
        }
    }
    Some((path.package.into(), members.join(".")))
}

/// Budget of interpretation steps per project, so that no project makes
/// the link phase run away; spending it is a notice.
pub(crate) const MAX_STEPS: u64 = 2_000_000;
const MAX_DEPTH: usize = 24;
const MAX_VALUE_DEPTH: u32 = 8;

type Conds = Vec<(FileId, CondId)>;

/// A creation call, and the call of the project factory it ran in.
type SiteKey = (FileId, u32, Option<(FileId, u32)>);

struct Frame {
    file: FileId,
    func: FnId,
    params: Vec<Option<RouterId>>,
    /// Project functions passed as arguments (`connectDb(setup)`), so that
    /// a call of the parameter runs them.
    callbacks: Vec<Option<(FileId, FnId)>>,
    /// The element a `table.forEach((route) => …)` callback runs for: a
    /// value of this frame's file that stands for its first parameter.
    each: Option<Val>,
}

/// A run: function, the objects and callbacks bound to its parameters.
type RunKey = (
    FileId,
    FnId,
    Vec<Option<RouterId>>,
    Vec<Option<(FileId, FnId)>>,
    Option<(FileId, u32)>,
    Option<u32>,
);

struct Interp<'p> {
    project: &'p Project,
    routers: Vec<Router>,
    /// Objects by creation call and, for a creation inside an app factory
    /// of the project, the call of that factory (each call makes an app).
    by_site: HashMap<SiteKey, RouterId>,
    /// Creation calls seen (whatever the factory call).
    created: HashSet<(FileId, u32)>,
    /// The call of the project's app factory being evaluated, if any.
    alloc_site: Option<(FileId, u32)>,
    /// Which project functions create an app or router themselves.
    creates: HashMap<(FileId, FnId), bool>,
    /// Set for the next run: the element (index, value) a forEach callback
    /// runs for.
    each: Option<(u32, Val)>,
    contexts: HashMap<(FileId, FnId, RouterId), RouterId>,
    runs: HashSet<RunKey>,
    /// What calling a project function gives, when it does not depend on
    /// its arguments (`None` while being computed: recursion gives nothing).
    returned: HashMap<(FileId, FnId), Option<RouterId>>,
    frames: Vec<Frame>,
    seq: u32,
    steps: u64,
    budget_spent: Option<FileId>,
}

pub(crate) fn interpret(project: &Project) -> RouteTable {
    let mut it = Interp {
        project,
        routers: Vec::new(),
        by_site: HashMap::new(),
        created: HashSet::new(),
        alloc_site: None,
        creates: HashMap::new(),
        each: None,
        contexts: HashMap::new(),
        runs: HashSet::new(),
        returned: HashMap::new(),
        frames: Vec::new(),
        seq: 0,
        steps: 0,
        budget_spent: None,
    };
    let relevant = relevant_files(project);
    for file in (0..project.files.len() as FileId).filter(|f| relevant[*f as usize]) {
        it.run(
            file,
            MODULE_FN,
            Vec::new(),
            Vec::new(),
            Truth::True,
            &Vec::new(),
        );
    }
    // Apps created in functions that nothing in the project calls (an
    // exported factory, a test helper): run those functions on their own.
    for file in (0..project.files.len() as FileId).filter(|f| relevant[*f as usize]) {
        for (func, f) in project.file(file).functions.iter().enumerate() {
            let creates = f.calls.iter().any(|s| {
                !it.created.contains(&(file, s.call.span.start))
                    && it.factory(file, &s.call).is_some()
            });
            if creates {
                it.run(
                    file,
                    func as FnId,
                    Vec::new(),
                    Vec::new(),
                    Truth::True,
                    &Vec::new(),
                );
            }
        }
    }
    RouteTable {
        routers: it.routers,
        steps: it.steps,
        budget_spent: it.budget_spent,
        ..Default::default()
    }
}

impl Interp<'_> {
    /// Counts a step; false once the budget is spent.
    fn step(&mut self, file: FileId) -> bool {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            self.budget_spent.get_or_insert(file);
            return false;
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn run(
        &mut self,
        file: FileId,
        func: FnId,
        params: Vec<Option<RouterId>>,
        callbacks: Vec<Option<(FileId, FnId)>>,
        truth: Truth,
        outer: &Conds,
    ) {
        if self.frames.len() >= MAX_DEPTH || self.budget_spent.is_some() {
            return;
        }
        let each = self.each.take();
        if !self.runs.insert((
            file,
            func,
            params.clone(),
            callbacks.clone(),
            self.alloc_site,
            each.as_ref().map(|(i, _)| *i),
        )) {
            return;
        }
        let project = self.project;
        let Some(f) = project.file(file).function(func) else {
            return;
        };
        self.frames.push(Frame {
            file,
            func,
            params,
            callbacks,
            each: each.map(|(_, v)| v),
        });
        // Source order of the called names: a chain `router.route(p).get(a)
        // .post(b)` registers `get` before `post` (the model lists the outer
        // call first).
        let mut order: Vec<usize> = (0..f.calls.len()).collect();
        order.sort_by_key(|&i| f.calls[i].callee_span.end);
        for site in order.iter().map(|&i| &f.calls[i]) {
            if !self.step(file) {
                break;
            }
            let t = truth.and(cond_truth(project, file, site.cond));
            let mut conds = outer.clone();
            if let Some(c) = site.cond {
                conds.insert(0, (file, c));
            }
            self.call(file, &site.call, site.callee_span, t, &conds);
        }
        self.frames.pop();
    }

    #[allow(clippy::too_many_arguments)]
    fn push_op(
        &mut self,
        router: RouterId,
        file: FileId,
        method: &str,
        args: Vec<Val>,
        call: &CallVal,
        truth: Truth,
        conds: &Conds,
        mounts: Vec<Mount>,
        via: Option<(Box<str>, String)>,
    ) {
        let index = self.routers[router].ops.len();
        for m in &mounts {
            self.routers[m.child].mounted_by.push((router, index));
        }
        self.seq += 1;
        self.routers[router].ops.push(Op {
            seq: self.seq,
            file,
            method: method.into(),
            args,
            span: call.span,
            truth,
            conds: conds.clone(),
            mounts,
            via,
        });
    }

    fn call(
        &mut self,
        file: FileId,
        call: &CallVal,
        callee_span: nodeward_report::Span,
        truth: Truth,
        conds: &Conds,
    ) {
        // Inside a forEach callback: its parameter is the element.
        let substituted;
        let call = match self.frames.last() {
            Some(fr) if fr.file == file && fr.each.is_some() => {
                let model = self.project.file(file);
                match fr
                    .each
                    .as_ref()
                    .and_then(|with| subst_call(model, call, fr.func, with))
                {
                    Some(c) => {
                        substituted = c;
                        &substituted
                    }
                    None => call,
                }
            }
            _ => call,
        };
        if let Some((fw, kind)) = self.factory(file, call) {
            self.router_at(file, call, fw, kind);
        }
        // `routes.forEach((route) => router.use(route.path, route.route))`
        // over a table written in the same file: once per element.
        if let (Some((recv, m)), Some(cb)) = (call.callee.as_member(), call.args.first()) {
            if matches!(&**m, "forEach" | "map") {
                if let (Some((cf, id)), (af, Val::Array(items))) =
                    (self.func_of(file, cb), self.project.resolve(file, recv))
                {
                    if af == cf {
                        for (i, item) in items.iter().enumerate() {
                            self.each = Some((i as u32, item.clone()));
                            self.run(cf, id, Vec::new(), Vec::new(), truth, conds);
                        }
                        self.each = None;
                        return;
                    }
                }
            }
        }
        if let Some((recv, method)) = call.callee.as_member() {
            // `router.route('/users').get(list).post(create)`.
            if let Some((router, path)) = self.route_chain(file, recv, 0) {
                let mut args = vec![path];
                args.extend(call.args.iter().cloned());
                // Located at the method's name (`.get(`), not the chain's start.
                let at = CallVal {
                    callee: Val::Unknown(Why::Unmodeled),
                    args: Vec::new(),
                    new: false,
                    span: nodeward_report::Span::new(
                        callee_span.end.saturating_sub(method.len() as u32),
                        call.span.end,
                    ),
                };
                self.push_op(
                    router,
                    file,
                    method,
                    args,
                    &at,
                    truth,
                    conds,
                    Vec::new(),
                    None,
                );
                self.run_callbacks(file, &call.args, truth, conds);
                return;
            }
            if let Some(router) = self.obj_of(file, recv, 0) {
                let fw = self.routers[router].framework;
                let fastify = matches!(fw, Framework::Fastify | Framework::Nest { fastify: true });
                let mut mounts = Vec::new();
                if fastify && &**method == "register" {
                    mounts = self.register(router, file, call, truth, conds);
                } else {
                    for a in &call.args {
                        self.mounts_in(file, a, None, &mut mounts, 0);
                    }
                }
                mounts.retain(|m| m.child != router);
                self.push_op(
                    router,
                    file,
                    method,
                    call.args.clone(),
                    call,
                    truth,
                    conds,
                    mounts,
                    None,
                );
                if &**method == "then" {
                    // `NestFactory.create(AppModule).then((app) => app.listen(3000))`:
                    // the callback gets the app.
                    for a in &call.args {
                        if let Some((af, id)) = self.func_of(file, a) {
                            self.run(af, id, vec![Some(router)], Vec::new(), truth, conds);
                        }
                    }
                } else if !(fastify && &**method == "register") {
                    self.run_callbacks(file, &call.args, truth, conds);
                }
                return;
            }
        }
        let arg_objs: Vec<Option<RouterId>> =
            call.args.iter().map(|a| self.obj_of(file, a, 0)).collect();
        match self.project.resolve(file, &call.callee) {
            (cf, Val::Func(id)) => {
                let cbs = call.args.iter().map(|a| self.func_of(file, a)).collect();
                if self.creates_app(cf, id) {
                    let saved = self.alloc_site.replace((file, call.span.start));
                    self.run(cf, id, arg_objs, cbs, truth, conds);
                    self.alloc_site = saved;
                } else {
                    self.run(cf, id, arg_objs, cbs, truth, conds);
                }
            }
            // A callback parameter called: `onReady()` inside `connectDb(onReady)`.
            (pf, Val::Param { func, index }) => {
                if let Some((ff, id)) = self.callback(pf, func, index) {
                    self.run(ff, id, arg_objs, Vec::new(), truth, conds);
                }
            }
            // `new Server(app)`: the constructor runs.
            (cf, Val::Class(class)) if call.new => {
                if let Some(ctor) = self
                    .project
                    .file(cf)
                    .classes
                    .get(class as usize)
                    .and_then(|c| c.ctor)
                {
                    let cbs = call.args.iter().map(|a| self.func_of(file, a)).collect();
                    self.run(cf, ctor, arg_objs, cbs, truth, conds);
                }
            }
            _ => {
                let via = module_path(self.project, file, &call.callee);
                // `mount('/api', api)` whose result goes somewhere the
                // interpretation does not see: mounted by an unknown parent.
                let mount = via
                    .as_ref()
                    .is_some_and(|(m, p)| is_api(&data().mount, m, p));
                for obj in arg_objs.into_iter().flatten() {
                    self.routers[obj].escapes = true;
                    if mount {
                        self.routers[obj].mounted_elsewhere = true;
                        continue;
                    }
                    if via.is_some() {
                        self.push_op(
                            obj,
                            file,
                            "",
                            call.args.clone(),
                            call,
                            truth,
                            conds,
                            Vec::new(),
                            via.clone(),
                        );
                    }
                }
                self.run_callbacks(file, &call.args, truth, conds);
            }
        }
    }

    /// Callbacks passed to code outside the project are assumed to run, once.
    fn run_callbacks(&mut self, file: FileId, args: &[Val], truth: Truth, conds: &Conds) {
        for arg in args {
            if let Some((af, id)) = self.func_of(file, arg) {
                self.run(af, id, Vec::new(), Vec::new(), truth, conds);
            }
        }
    }

    /// The project function a value is: a function, or a parameter bound
    /// to one by the running call.
    fn func_of(&self, file: FileId, val: &Val) -> Option<(FileId, FnId)> {
        match self.project.resolve(file, val) {
            (f, Val::Func(id)) => Some((f, id)),
            (f, Val::Param { func, index }) => self.callback(f, func, index),
            _ => None,
        }
    }

    fn callback(&self, file: FileId, func: FnId, index: u32) -> Option<(FileId, FnId)> {
        self.frames
            .iter()
            .rev()
            .find(|fr| fr.file == file && fr.func == func)
            .and_then(|fr| fr.callbacks.get(index as usize).copied().flatten())
    }

    /// A Fastify `register(plugin, opts)`: the plugin runs in a new context
    /// mounted at `opts.prefix`, or in the same context when it is wrapped
    /// with fastify-plugin; an autoload registers every plugin of its folder.
    fn register(
        &mut self,
        parent: RouterId,
        file: FileId,
        call: &CallVal,
        truth: Truth,
        conds: &Conds,
    ) -> Vec<Mount> {
        let Some(plugin) = call.args.first() else {
            return Vec::new();
        };
        let prefix = call
            .args
            .get(1)
            .and_then(|o| self.option(file, o, "prefix"));
        if let Some((af, auto)) = self.autoload(file, plugin, call.args.get(1)) {
            // `options: { prefix }` is passed to every plugin it loads.
            let prefix = call
                .args
                .get(1)
                .and_then(|o| self.option(file, o, "options"))
                .and_then(|(of, o)| self.option(of, &o, "prefix"))
                .or(prefix);
            let mut mounts = Vec::new();
            for (pf, plugin, sub) in auto {
                let path = join_prefix(prefix.as_ref(), &sub, af);
                mounts.extend(self.plugin(parent, pf, &plugin, path, call, truth, conds));
            }
            return mounts;
        }
        self.plugin(parent, file, plugin, prefix, call, truth, conds)
            .into_iter()
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    fn plugin(
        &mut self,
        parent: RouterId,
        file: FileId,
        plugin: &Val,
        prefix: Option<(FileId, Val)>,
        call: &CallVal,
        truth: Truth,
        conds: &Conds,
    ) -> Option<Mount> {
        let (pf, pv) = self.project.resolve(file, plugin);
        match pv {
            Val::Func(id) => {
                let fw = self.routers[parent].framework;
                let key = (pf, id, parent);
                let child = match self.contexts.get(&key) {
                    Some(c) => *c,
                    None => {
                        self.routers.push(Router {
                            kind: RouterKind::Context,
                            framework: fw,
                            file,
                            span: call.span,
                            args: Vec::new(),
                            ops: Vec::new(),
                            mounted_by: Vec::new(),
                            escapes: false,
                            mounted_elsewhere: false,
                            created_via: None,
                        });
                        let c = self.routers.len() - 1;
                        self.contexts.insert(key, c);
                        c
                    }
                };
                self.run(pf, id, vec![Some(child)], Vec::new(), truth, conds);
                Some(Mount {
                    child,
                    path: prefix,
                    same_context: false,
                })
            }
            Val::Call(c) => {
                let (module, path) = module_path(self.project, pf, &c.callee)?;
                if !is_api(&data().plugin_wrapper, &module, &path) {
                    return None;
                }
                let (ff, Val::Func(id)) = self.project.resolve(pf, c.args.first()?) else {
                    return None;
                };
                self.run(ff, id, vec![Some(parent)], Vec::new(), truth, conds);
                None
            }
            _ => None,
        }
    }

    /// The plugins an `@fastify/autoload` registration loads: (file, its
    /// default export, the sub-folder prefix).
    #[allow(clippy::type_complexity)]
    fn autoload(
        &self,
        file: FileId,
        plugin: &Val,
        opts: Option<&Val>,
    ) -> Option<(FileId, Vec<(FileId, Val, String)>)> {
        let (module, path) = module_path(self.project, file, plugin)?;
        if !is_api(&data().autoload, &module, &path) {
            return None;
        }
        let (of, dir) = self.option(file, opts?, "dir")?;
        let dir = folder_of(self.project, of, &dir)?;
        let mut out = Vec::new();
        for (id, f) in self.project.files.iter().enumerate() {
            let Some(rest) = f.path.strip_prefix(&format!("{dir}/")) else {
                continue;
            };
            let Some(export) = f.export("default") else {
                continue;
            };
            let sub = rest.rfind('/').map_or("", |i| &rest[..i]);
            let sub = if sub.is_empty() {
                String::new()
            } else {
                format!("/{sub}")
            };
            out.push((id as FileId, export.clone(), sub));
        }
        Some((file, out))
    }

    /// `opts.key` of an options object (resolved through variables).
    fn option(&self, file: FileId, opts: &Val, key: &str) -> Option<(FileId, Val)> {
        let (of, ov) = self.project.resolve(file, opts);
        ov.prop(key).map(|v| (of, v.clone()))
    }

    /// The routers a `use` argument mounts: a router or app, `router.routes()`
    /// (Koa), `mount(path, app)` (koa-mount), arrays of those.
    fn mounts_in(
        &mut self,
        file: FileId,
        val: &Val,
        path: Option<(FileId, Val)>,
        out: &mut Vec<Mount>,
        depth: u32,
    ) {
        if depth > MAX_VALUE_DEPTH || !self.step(file) {
            return;
        }
        let (f, v) = self.project.resolve(file, val);
        if let Val::Array(items) = &v {
            for item in items.iter() {
                self.mounts_in(f, item, path.clone(), out, depth + 1);
            }
            return;
        }
        if let Val::Call(c) = &v {
            if let Some((recv, m)) = c.callee.as_member() {
                if matches!(&**m, "routes" | "middleware") {
                    if let Some(child) = self.obj_of(f, recv, depth + 1) {
                        out.push(Mount {
                            child,
                            path,
                            same_context: false,
                        });
                    }
                    return;
                }
            }
            if let Some((module, p)) = module_path(self.project, f, &c.callee) {
                if is_api(&data().mount, &module, &p) {
                    let (mpath, target) = match c.args.as_slice() {
                        [p, t, ..] => (Some((f, p.clone())), t),
                        [t] => (None, t),
                        [] => return,
                    };
                    return self.mounts_in(f, target, mpath, out, depth + 1);
                }
            }
        }
        if let Some(child) = self.obj_of(f, &v, depth + 1) {
            out.push(Mount {
                child,
                path,
                same_context: false,
            });
        }
    }

    /// `router.route(path)` and the chain on it: the router and the path.
    fn route_chain(&mut self, file: FileId, recv: &Val, depth: u32) -> Option<(RouterId, Val)> {
        if depth > MAX_VALUE_DEPTH {
            return None;
        }
        let Val::Call(c) = recv else { return None };
        let (inner, m) = c.callee.as_member()?;
        if &**m == "route" {
            let router = self.obj_of(file, inner, depth + 1)?;
            if self.routers[router].framework != Framework::Express {
                return None;
            }
            return Some((router, c.args.first()?.clone()));
        }
        if data().methods.express.iter().any(|x| **x == **m) {
            return self.route_chain(file, inner, depth + 1);
        }
        None
    }

    fn router_at(
        &mut self,
        file: FileId,
        call: &CallVal,
        framework: Framework,
        kind: RouterKind,
    ) -> RouterId {
        self.created.insert((file, call.span.start));
        let via = self.alloc_site;
        *self
            .by_site
            .entry((file, call.span.start, via))
            .or_insert_with(|| {
                self.routers.push(Router {
                    kind,
                    framework,
                    file,
                    span: call.span,
                    args: call.args.clone(),
                    ops: Vec::new(),
                    mounted_by: Vec::new(),
                    escapes: false,
                    mounted_elsewhere: false,
                    created_via: via,
                });
                self.routers.len() - 1
            })
    }

    /// Whether project function `id` creates an app or router itself (an
    /// app factory of the project: each call of it makes a new app).
    fn creates_app(&mut self, file: FileId, id: FnId) -> bool {
        if let Some(c) = self.creates.get(&(file, id)) {
            return *c;
        }
        let project = self.project;
        let c = project.file(file).function(id).is_some_and(|f| {
            f.calls
                .iter()
                .any(|s| self.factory(file, &s.call).is_some())
        });
        self.creates.insert((file, id), c);
        c
    }

    fn factory(&self, file: FileId, call: &CallVal) -> Option<(Framework, RouterKind)> {
        let (module, path) = module_path(self.project, file, &call.callee)?;
        let find = |list: &'static [super::data::FactoryData]| {
            list.iter()
                .find(|f| *f.module == *module && f.path == path && (call.new || !f.new))
        };
        let (fac, kind) = match find(&data().factory) {
            Some(f) => (f, RouterKind::App),
            None => (find(&data().router)?, RouterKind::Router),
        };
        Some((
            match fac.framework {
                FrameworkName::Express => Framework::Express,
                FrameworkName::Koa => Framework::Koa,
                FrameworkName::Fastify => Framework::Fastify,
                FrameworkName::Nest => Framework::Nest {
                    fastify: self.nest_on_fastify(file, call),
                },
            },
            kind,
        ))
    }

    /// `NestFactory.create(AppModule, new FastifyAdapter())`.
    fn nest_on_fastify(&self, file: FileId, call: &CallVal) -> bool {
        call.args
            .iter()
            .skip(1)
            .any(|a| match self.project.resolve(file, a) {
                (af, Val::Call(c)) => {
                    module_path(self.project, af, &c.callee).is_some_and(|(m, p)| {
                        data()
                            .platform_adapter
                            .iter()
                            .any(|ad| *ad.module == *m && ad.class == p && ad.platform == "fastify")
                    })
                }
                _ => false,
            })
    }

    /// The app or router a value holds, if any.
    fn obj_of(&mut self, file: FileId, val: &Val, depth: u32) -> Option<RouterId> {
        if depth > MAX_VALUE_DEPTH || !self.step(file) {
            return None;
        }
        let (f, v) = self.project.resolve(file, val);
        match &v {
            Val::Param { func, index } => self
                .frames
                .iter()
                .rev()
                .find(|fr| fr.file == f && fr.func == *func)
                .and_then(|fr| fr.params.get(*index as usize).copied().flatten()),
            Val::Call(c) => {
                if let Some((fw, kind)) = self.factory(f, c) {
                    return Some(self.router_at(f, c, fw, kind));
                }
                if let Some((recv, m)) = c.callee.as_member() {
                    if data().unwrap.methods.iter().any(|u| **u == **m) {
                        return self.obj_of(f, recv, depth + 1);
                    }
                    // `express().set('json spaces', 2)`: the app itself.
                    // (`app.get(Service)` with one argument reads a service or
                    // a setting: not the app.)
                    let read = &**m == "get" && c.args.len() < 2;
                    if !read && data().chain.methods.iter().any(|u| **u == **m) {
                        if let Some(obj) = self.obj_of(f, recv, depth + 1) {
                            return Some(obj);
                        }
                    }
                }
                // A project function that returns an app (`createApp()`).
                if let (ff, Val::Func(id)) = self.project.resolve(f, &c.callee) {
                    return self.returned_obj(f, c, ff, id, depth);
                }
                None
            }
            _ => None,
        }
    }

    /// What a call of project function `id` returns: an argument passed
    /// back (`withHelmet(app)` returning `app`), else what its returns hold,
    /// computed once per function.
    fn returned_obj(
        &mut self,
        file: FileId,
        call: &CallVal,
        ff: FileId,
        id: FnId,
        depth: u32,
    ) -> Option<RouterId> {
        let project = self.project;
        let returns = &project.file(ff).function(id)?.returns;
        for r in returns {
            if let (rf, Val::Param { func, index }) = project.resolve(ff, r) {
                if rf == ff && func == id {
                    if let Some(obj) = call
                        .args
                        .get(index as usize)
                        .and_then(|a| self.obj_of(file, a, depth + 1))
                    {
                        return Some(obj);
                    }
                }
            }
        }
        // An app factory of the project: the app of this call.
        if self.creates_app(ff, id) {
            let saved = self.alloc_site.replace((file, call.span.start));
            let found = returns.iter().find_map(|r| self.obj_of(ff, r, depth + 1));
            self.alloc_site = saved;
            return found;
        }
        if let Some(known) = self.returned.get(&(ff, id)) {
            return *known;
        }
        self.returned.insert((ff, id), None);
        let found = returns.iter().find_map(|r| self.obj_of(ff, r, depth + 1));
        self.returned.insert((ff, id), found);
        found
    }
}

/// `call` with the first parameter of `func` replaced by `with` (in its
/// arguments and callee), or `None` when it does not read that parameter.
fn subst_call(model: &FileModel, call: &CallVal, func: FnId, with: &Val) -> Option<CallVal> {
    let callee = subst(model, &call.callee, func, with, 0);
    let args: Vec<Option<Val>> = call
        .args
        .iter()
        .map(|a| subst(model, a, func, with, 0))
        .collect();
    if callee.is_none() && args.iter().all(Option::is_none) {
        return None;
    }
    Some(CallVal {
        callee: callee.unwrap_or_else(|| call.callee.clone()),
        args: args
            .into_iter()
            .zip(&call.args)
            .map(|(s, a)| s.unwrap_or_else(|| a.clone()))
            .collect(),
        new: call.new,
        span: call.span,
    })
}

fn subst(model: &FileModel, v: &Val, func: FnId, with: &Val, depth: u32) -> Option<Val> {
    if depth > 8 {
        return None;
    }
    let d = depth + 1;
    match v {
        Val::Param { func: f, index: 0 } if *f == func => Some(with.clone()),
        // `route` (the parameter) or `path` (destructured from it).
        Val::Binding(b) => match model.bindings.get(*b as usize) {
            Some(bd) if bd.assignments == 1 => subst(model, &bd.value, func, with, d),
            _ => None,
        },
        Val::Member(m) => subst(model, &m.0, func, with, d).map(|o| o.member_atom(m.1.clone())),
        Val::Bin(b) => {
            let (l, r) = (
                subst(model, &b.1, func, with, d),
                subst(model, &b.2, func, with, d),
            );
            if l.is_none() && r.is_none() {
                return None;
            }
            Some(Val::Bin(Box::new((
                b.0,
                l.unwrap_or_else(|| b.1.clone()),
                r.unwrap_or_else(|| b.2.clone()),
            ))))
        }
        Val::Template(parts) => {
            let new: Vec<Option<Val>> = parts
                .iter()
                .map(|p| subst(model, p, func, with, d))
                .collect();
            if new.iter().all(Option::is_none) {
                return None;
            }
            Some(Val::Template(Box::new(
                new.into_iter()
                    .zip(parts.iter())
                    .map(|(n, p)| n.unwrap_or_else(|| p.clone()))
                    .collect(),
            )))
        }
        _ => None,
    }
}

/// The files whose code can create or configure an app: those that import
/// a framework package (an app or router factory, a mount helper, a plugin
/// wrapper or loader), and those that import, directly or not, such a file.
/// A file that reaches none of them can neither create an app nor be handed
/// one by its module body, so its module body need not run (a function of
/// it still runs when a relevant file calls it with an app).
fn relevant_files(project: &Project) -> Vec<bool> {
    let d = data();
    let framework: Vec<&str> = d
        .factory
        .iter()
        .chain(&d.router)
        .map(|f| f.module.as_str())
        .chain(
            d.mount
                .iter()
                .chain(&d.plugin_wrapper)
                .chain(&d.autoload)
                .map(|a| a.module.as_str()),
        )
        .collect();
    let n = project.files.len();
    let mut relevant = vec![false; n];
    let mut importers: Vec<Vec<FileId>> = vec![Vec::new(); n];
    let mut queue = Vec::new();
    for (id, f) in project.files.iter().enumerate() {
        for spec in &f.imports {
            let bare = spec.strip_prefix("node:").unwrap_or(spec);
            if framework.contains(&bare) && !relevant[id] {
                relevant[id] = true;
                queue.push(id as FileId);
            }
            if let Some(target) = project.resolve_module(id as FileId, spec) {
                importers[target as usize].push(id as FileId);
            }
        }
    }
    while let Some(f) = queue.pop() {
        for &imp in &importers[f as usize] {
            if !relevant[imp as usize] {
                relevant[imp as usize] = true;
                queue.push(imp);
            }
        }
    }
    relevant
}

/// `prefix` joined with an autoload sub-folder, as a string value.
fn join_prefix(prefix: Option<&(FileId, Val)>, sub: &str, file: FileId) -> Option<(FileId, Val)> {
    match (prefix, sub.is_empty()) {
        (None, true) => None,
        (Some(p), true) => Some(p.clone()),
        (None, false) => Some((file, Val::Str(sub.into()))),
        (Some((pf, pv)), false) => Some((
            *pf,
            Val::Bin(Box::new(("+", pv.clone(), Val::Str(sub.into())))),
        )),
    }
}

/// The project folder a path expression names: `path.join(__dirname,
/// 'plugins')`, `path.resolve(__dirname, 'routes')`, `join(dirname(
/// fileURLToPath(import.meta.url)), 'plugins')`.
pub(crate) fn folder_of(project: &Project, file: FileId, val: &Val) -> Option<String> {
    let here = {
        let p = &project.file(file).path;
        p.rfind('/').map_or(String::new(), |i| p[..i].to_string())
    };
    let (f, v) = project.resolve(file, val);
    let mut parts: Vec<String> = Vec::new();
    let part = |v: &Val| -> Option<String> {
        match project.resolve(f, v) {
            (_, Val::Global(g)) if &*g == "__dirname" => Some(here.clone()),
            (_, Val::Str(s)) => Some(s.to_string()),
            // `dirname(fileURLToPath(import.meta.url))`: this file's folder.
            (cf, Val::Call(c)) => match module_path(project, cf, &c.callee) {
                Some((m, p)) if &*m == "path" && p == "dirname" => Some(here.clone()),
                _ => None,
            },
            _ => None,
        }
    };
    match &v {
        Val::Call(c) => {
            let (m, p) = module_path(project, f, &c.callee)?;
            if &*m != "path" || !matches!(p.as_str(), "join" | "resolve") {
                return None;
            }
            for a in &c.args {
                parts.push(part(a)?);
            }
        }
        Val::Str(s) => parts.push(format!("{here}/{s}")),
        _ => return None,
    }
    let joined = parts.join("/");
    let mut out: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            s => out.push(s),
        }
    }
    Some(out.join("/"))
}
