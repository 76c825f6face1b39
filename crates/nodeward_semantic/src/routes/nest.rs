//! NestJS routes: from `NestFactory.create(AppModule)` through the
//! `@Module({ imports, controllers })` graph to `@Controller(prefix)` ×
//! `@Get(path)` methods. Module imports are evaluated in the default
//! environment, so `...(isDev ? [DevModule] : [])` is a gate.

use std::collections::HashSet;

use crate::env::{eval_default, Truth};
use crate::model::Why;
use crate::model::{CallVal, Val};
use crate::project::{FileId, Project};

use super::data::data;
use super::describe::describe;
use super::interp::module_path;
use super::table::{join, path_texts, Gate, GateKind, GateStep, Handler, Route};
use super::{RouteTable, RouterId};

const MAX_MODULES: usize = 512;

struct Nest<'a> {
    project: &'a Project,
    app: RouterId,
    chain: Vec<Handler>,
    /// `Some(default version)` when the app versions by URI.
    uri_versioning: Option<Option<String>>,
    framework: super::Framework,
    prefix: String,
    seen: HashSet<(FileId, u32)>,
    out: &'a mut Vec<Route>,
}

pub(crate) fn routes(project: &Project, table: &RouteTable, app: RouterId, out: &mut Vec<Route>) {
    let r = &table.routers[app];
    let Some(root) = r.args.first() else { return };
    let mut prefix = String::new();
    // What the bootstrap registers on the app runs before every route.
    let mut chain = Vec::new();
    let mut uri_versioning = None;
    for op in r.ops.iter().filter(|o| o.truth != Truth::False) {
        match &*op.method {
            "setGlobalPrefix" => {
                if let Some(p) = op.args.first() {
                    prefix = path_texts(project, op.file, p)
                        .into_iter()
                        .next()
                        .unwrap_or_default();
                }
            }
            "use" | "useGlobalGuards" | "useGlobalPipes" | "useGlobalInterceptors" => {
                for a in &op.args {
                    chain.push(Handler {
                        file: op.file,
                        val: a.clone(),
                        target: None,
                        name: super::describe::name(project.file(op.file), a),
                        roles: Vec::new(),
                    });
                }
            }
            "enableVersioning" => {
                // `{ type: VersioningType.URI, defaultVersion: '1' }`; URI is
                // Nest's default type.
                let opts = op.args.first().map(|o| project.resolve(op.file, o));
                let uri = opts.as_ref().is_none_or(|(_, o)| {
                    o.prop("type").is_none_or(|t| {
                        t.as_member().is_some_and(|(_, m)| &**m == "URI")
                            || project
                                .resolve(op.file, t)
                                .1
                                .as_member()
                                .is_some_and(|(_, m)| &**m == "URI")
                    })
                });
                if uri {
                    let default = opts.and_then(|(of, o)| {
                        o.prop("defaultVersion")
                            .and_then(|v| path_texts(project, of, v).into_iter().next())
                    });
                    uri_versioning = Some(default);
                }
            }
            "enableCors" => chain.push(Handler {
                file: op.file,
                val: Val::Unknown(Why::Unmodeled),
                target: None,
                name: "enableCors()".into(),
                roles: Vec::new(),
            }),
            _ => {}
        }
    }
    let mut n = Nest {
        project,
        app,
        chain,
        uri_versioning,
        framework: r.framework,
        prefix,
        seen: HashSet::new(),
        out,
    };
    let gate = Gate {
        truth: Truth::True,
        steps: Vec::new(),
    };
    n.module(r.file, root, &gate);
}

/// The decorator of `list` whose callee is `@nestjs/common`'s `name`.
fn decorator<'v>(
    project: &Project,
    file: FileId,
    list: &'v [Val],
    name: &str,
) -> Option<&'v CallVal> {
    list.iter().find_map(|d| match d {
        Val::Call(c) => module_path(project, file, &c.callee)
            .filter(|(m, p)| **m == *data().nest.module && p == name)
            .map(|_| &**c),
        _ => None,
    })
}

impl Nest<'_> {
    fn module(&mut self, file: FileId, val: &Val, gate: &Gate) {
        if self.seen.len() > MAX_MODULES {
            return;
        }
        let (mf, mv) = self.project.resolve(file, val);
        let class = match &mv {
            Val::Class(c) => *c,
            // A dynamic module: `ConfigModule.forRoot()`, `DevModule.register()`.
            Val::Call(c) => {
                if let Some((obj, _)) = c.callee.as_member() {
                    return self.module(mf, obj, gate);
                }
                return;
            }
            _ => return,
        };
        if !self.seen.insert((mf, class)) {
            return;
        }
        let model = self.project.file(mf);
        let Some(cls) = model.classes.get(class as usize) else {
            return;
        };
        let Some(meta) = decorator(
            self.project,
            mf,
            &cls.decorators,
            &data().nest.module_decorator,
        ) else {
            return;
        };
        let Some(opts) = meta.args.first() else {
            return;
        };
        let (of, ov) = self.project.resolve(mf, opts);
        if let Some(list) = ov.prop("controllers") {
            for (f, item, g) in self.items(of, list, gate) {
                self.controller(f, &item, &g);
            }
        }
        if let Some(list) = ov.prop("imports") {
            for (f, item, g) in self.items(of, list, gate) {
                self.module(f, &item, &g);
            }
        }
    }

    /// The items of an `imports` or `controllers` array, with the gate each
    /// is under (spreads of conditional arrays evaluated by default).
    fn items(&self, file: FileId, list: &Val, gate: &Gate) -> Vec<(FileId, Val, Gate)> {
        let mut out = Vec::new();
        self.collect(file, list, gate, &mut out, 0);
        out
    }

    fn collect(
        &self,
        file: FileId,
        v: &Val,
        gate: &Gate,
        out: &mut Vec<(FileId, Val, Gate)>,
        depth: u32,
    ) {
        if depth > 8 {
            return;
        }
        let (f, rv) = self.project.resolve(file, v);
        match &rv {
            Val::Array(items) => {
                for i in items.iter() {
                    self.collect(f, i, gate, out, depth + 1);
                }
            }
            Val::Spread(x) => self.collect(f, x, gate, out, depth + 1),
            Val::Cond(c) => {
                let text = describe(self.project.file(f), &c.0);
                match eval_default(self.project, f, &c.0) {
                    Some(t) => {
                        let (branch, text) = if t.truthy() {
                            (&c.1, text)
                        } else {
                            (
                                &c.2,
                                super::describe::describe_not(self.project.file(f), &c.0),
                            )
                        };
                        let g = gate.clone_with(f, text, Truth::True);
                        self.collect(f, branch, &g, out, depth + 1);
                        // The other branch is off by default.
                        let other = if t.truthy() { &c.2 } else { &c.1 };
                        let off =
                            gate.clone_with(f, describe(self.project.file(f), &c.0), Truth::False);
                        self.collect(f, other, &off, out, depth + 1);
                    }
                    None => {
                        let g = gate.clone_with(f, text, Truth::Unknown);
                        self.collect(f, &c.1, &g, out, depth + 1);
                        self.collect(f, &c.2, &g, out, depth + 1);
                    }
                }
            }
            Val::Undefined | Val::Null | Val::Bool(_) => {}
            _ => out.push((f, rv.clone(), gate.clone())),
        }
    }

    fn controller(&mut self, file: FileId, val: &Val, gate: &Gate) {
        let (cf, cv) = self.project.resolve(file, val);
        let Val::Class(class) = cv else { return };
        let model = self.project.file(cf);
        let Some(cls) = model.classes.get(class as usize) else {
            return;
        };
        let Some(ctrl) = decorator(self.project, cf, &cls.decorators, &data().nest.controller)
        else {
            return;
        };
        let own_prefix = match ctrl.args.first() {
            Some(a) => match self.project.resolve(cf, a) {
                (pf, o @ Val::Object(_)) => o
                    .prop("path")
                    .and_then(|p| path_texts(self.project, pf, p).into_iter().next())
                    .unwrap_or_default(),
                _ => path_texts(self.project, cf, a)
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
            },
            None => String::new(),
        };
        // URI versioning (`app.enableVersioning({ type: VersioningType.URI })`):
        // `@Controller({ path, version: '1' })` serves under `/v1`, and a
        // controller without a version under the default version, if any.
        let version = self.uri_versioning.as_ref().and_then(|default| {
            let own = ctrl.args.first().and_then(|a| {
                let (pf, o) = self.project.resolve(cf, a);
                o.prop("version")
                    .and_then(|v| path_texts(self.project, pf, v).into_iter().next())
            });
            own.or_else(|| default.clone())
        });
        let prefix = match &version {
            Some(v) => join(&join(&self.prefix, &format!("v{v}")), &own_prefix),
            None => join(&self.prefix, &own_prefix),
        };
        let mount = (
            cf,
            ctrl.span,
            if prefix.is_empty() {
                "/".into()
            } else {
                prefix.clone()
            },
        );
        for (member_name, member, _) in &cls.members {
            let Val::Func(fid) = member else { continue };
            let Some(_) = model.function(*fid) else {
                continue;
            };
            for (deco, method) in &data().nest.methods {
                let Some(d) = decorator(self.project, cf, model.decorators(*fid), deco) else {
                    continue;
                };
                let own = d
                    .args
                    .first()
                    .map(|p| {
                        path_texts(self.project, cf, p)
                            .into_iter()
                            .next()
                            .unwrap_or_default()
                    })
                    .unwrap_or_default();
                let path = join(&prefix, &own);
                let handler = Handler {
                    file: cf,
                    val: Val::Func(*fid),
                    target: Some((cf, *fid)),
                    name: format!(
                        "{}.{}",
                        cls.name.as_deref().unwrap_or("controller"),
                        member_name
                    ),
                    roles: Vec::new(),
                };
                let gate = match super::table::handler_gate(self.project, &handler) {
                    Some(step) => gate.with(step),
                    None => gate.clone(),
                };
                self.out.push(Route {
                    app: self.app,
                    framework: self.framework,
                    method: method.as_str().into(),
                    path: if path.is_empty() { "/".into() } else { path },
                    own_path: own,
                    explicit_path: true,
                    file: cf,
                    span: d.span,
                    handlers: vec![handler],
                    middleware: self.chain.clone(),
                    gate,
                    mounts: vec![mount.clone()],
                    options: None,
                });
            }
        }
    }
}

impl Gate {
    fn clone_with(&self, file: FileId, text: String, truth: Truth) -> Gate {
        let mut g = self.clone();
        g.truth = g.truth.and(truth);
        g.steps.push(GateStep {
            file,
            text,
            truth,
            kind: GateKind::Condition,
        });
        g
    }
}
