//! The app model: every server application object of the project (Express,
//! Koa, Fastify, NestJS), and what is done to it, in the order it runs.
//!
//! Found by a small abstract interpretation that tracks only app objects:
//! each file's module body runs once; a call to a project function (in this
//! file or another) runs that function with the apps passed to it bound to
//! its parameters; callbacks handed to code outside the project run once
//! where they are passed. A function defined but never called runs nothing,
//! so a hardening helper nobody calls protects nothing. Conditions are
//! evaluated in the default environment; an operation under a condition
//! that is false by default is left out, one whose condition is unknown is
//! kept with `Truth::Unknown`.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use nodeward_report::Span;

use crate::env::{cond_truth, Truth};
use crate::model::{CallVal, FnId, Val, MODULE_FN};
use crate::project::{FileId, Project};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framework {
    Express,
    Koa,
    Fastify,
    /// NestJS, on the Express platform unless a Fastify adapter is given.
    Nest {
        fastify: bool,
    },
}

impl Framework {
    /// Whether the app answers through Express (and so sends X-Powered-By).
    pub fn is_express(self) -> bool {
        matches!(
            self,
            Framework::Express | Framework::Nest { fastify: false }
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            Framework::Express => "Express",
            Framework::Koa => "Koa",
            Framework::Fastify => "Fastify",
            Framework::Nest { fastify: false } => "NestJS (Express platform)",
            Framework::Nest { fastify: true } => "NestJS (Fastify platform)",
        }
    }
}

pub type AppId = usize;

/// One call on an app: `app.use(helmet())`, `app.disable('x-powered-by')`.
#[derive(Debug, Clone)]
pub struct AppOp {
    /// Position in the order the project runs.
    pub seq: u32,
    pub file: FileId,
    pub method: Box<str>,
    /// Arguments, as values of `file`.
    pub args: Vec<Val>,
    pub span: Span,
    pub truth: Truth,
    /// Other apps passed to this call (`parent.use('/admin', adminApp)`).
    pub mounts: Vec<AppId>,
}

#[derive(Debug, Clone)]
pub struct App {
    pub framework: Framework,
    pub file: FileId,
    /// The creation call (`express()`, `new Koa()`, `NestFactory.create(…)`).
    pub span: Span,
    pub ops: Vec<AppOp>,
    /// Where it is mounted: (parent app, index of the parent's op).
    pub mounted_by: Vec<(AppId, usize)>,
    /// Passed to code outside the project (`http.createServer(app)`, `module.exports`).
    pub escapes: bool,
}

impl App {
    /// Whether anything serves through this app.
    pub fn is_used(&self) -> bool {
        !self.ops.is_empty() || !self.mounted_by.is_empty() || self.escapes
    }
}

#[derive(Debug, Default)]
pub struct AppModel {
    pub apps: Vec<App>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrameworksData {
    factory: Vec<FactoryData>,
    #[serde(rename = "platform-adapter")]
    platform_adapter: Vec<AdapterData>,
    unwrap: UnwrapData,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactoryData {
    framework: String,
    module: String,
    path: String,
    #[serde(default)]
    new: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AdapterData {
    module: String,
    class: String,
    platform: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnwrapData {
    methods: Vec<String>,
}

fn data() -> &'static FrameworksData {
    static DATA: OnceLock<FrameworksData> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../rules/models/frameworks.toml"))
            .expect("rules/models/frameworks.toml is valid (checked by a test)")
    })
}

/// `require('a').b.c` → `("a", "b.c")`: a package export, by module and path.
pub fn module_path(project: &Project, file: FileId, val: &Val) -> Option<(Box<str>, String)> {
    let (_, v) = project.resolve(file, val);
    let mut props = Vec::new();
    let mut cur = &v;
    loop {
        match cur {
            Val::Member(obj, p) => {
                if &**p != "default" {
                    props.push(&**p);
                }
                cur = obj;
            }
            Val::Module(m) if !crate::index::is_relative(m) => {
                props.reverse();
                let module = m.strip_prefix("node:").unwrap_or(m);
                return Some((module.into(), props.join(".")));
            }
            _ => return None,
        }
    }
}

/// Budget of call sites interpreted per project, so that no project makes
/// the link phase run away.
const MAX_STEPS: u32 = 2_000_000;
const MAX_DEPTH: usize = 24;

struct Frame {
    file: FileId,
    func: FnId,
    params: Vec<Option<AppId>>,
}

struct Interp<'p> {
    project: &'p Project,
    apps: Vec<App>,
    by_site: HashMap<(FileId, u32), AppId>,
    runs: HashSet<(FileId, FnId, Vec<Option<AppId>>)>,
    frames: Vec<Frame>,
    seq: u32,
    steps: u32,
}

pub fn build_apps(project: &Project) -> AppModel {
    let mut it = Interp {
        project,
        apps: Vec::new(),
        by_site: HashMap::new(),
        runs: HashSet::new(),
        frames: Vec::new(),
        seq: 0,
        steps: 0,
    };
    for file in 0..project.files.len() as FileId {
        it.run(file, MODULE_FN, Vec::new(), Truth::True);
    }
    // Apps created in functions that nothing in the project calls (an
    // exported factory, a test helper): run those functions on their own.
    for file in 0..project.files.len() as FileId {
        for (func, f) in project.file(file).functions.iter().enumerate() {
            let creates = f.calls.iter().any(|s| {
                !it.by_site.contains_key(&(file, s.call.span.start))
                    && it.factory(file, &s.call).is_some()
            });
            if creates {
                it.run(file, func as FnId, Vec::new(), Truth::True);
            }
        }
    }
    AppModel { apps: it.apps }
}

impl Interp<'_> {
    fn run(&mut self, file: FileId, func: FnId, params: Vec<Option<AppId>>, truth: Truth) {
        if self.frames.len() >= MAX_DEPTH || self.steps > MAX_STEPS {
            return;
        }
        if !self.runs.insert((file, func, params.clone())) {
            return;
        }
        let project = self.project;
        let Some(f) = project.file(file).function(func) else {
            return;
        };
        self.frames.push(Frame { file, func, params });
        for site in &f.calls {
            self.steps += 1;
            let t = truth.and(cond_truth(project, file, site.cond));
            if t == Truth::False {
                continue;
            }
            self.call(file, &site.call, t);
        }
        self.frames.pop();
    }

    fn call(&mut self, file: FileId, call: &CallVal, truth: Truth) {
        if let Some(fw) = self.factory(file, call) {
            self.app_at(file, call, fw);
        }
        if let Val::Member(recv, method) = &call.callee {
            if let Some(app) = self.app_of(file, recv, 0) {
                let mounts: Vec<AppId> = call
                    .args
                    .iter()
                    .filter_map(|a| self.app_of(file, a, 0))
                    .filter(|m| *m != app)
                    .collect();
                let index = self.apps[app].ops.len();
                for m in &mounts {
                    self.apps[*m].mounted_by.push((app, index));
                }
                self.seq += 1;
                self.apps[app].ops.push(AppOp {
                    seq: self.seq,
                    file,
                    method: method.as_str().into(),
                    args: call.args.clone(),
                    span: call.span,
                    truth,
                    mounts,
                });
                self.run_callbacks(file, &call.args, truth);
                return;
            }
        }
        let arg_apps: Vec<Option<AppId>> =
            call.args.iter().map(|a| self.app_of(file, a, 0)).collect();
        match self.project.resolve(file, &call.callee) {
            (cf, Val::Func(id)) => self.run(cf, id, arg_apps, truth),
            // `new Server(app)`: the constructor runs.
            (cf, Val::Class(class)) if call.new => {
                if let Some(ctor) = self
                    .project
                    .file(cf)
                    .classes
                    .get(class as usize)
                    .and_then(|c| c.ctor)
                {
                    self.run(cf, ctor, arg_apps, truth);
                }
            }
            _ => {
                for app in arg_apps.into_iter().flatten() {
                    self.apps[app].escapes = true;
                }
                self.run_callbacks(file, &call.args, truth);
            }
        }
    }

    /// Callbacks passed to code outside the project are assumed to run, once.
    fn run_callbacks(&mut self, file: FileId, args: &[Val], truth: Truth) {
        for arg in args {
            if let (af, Val::Func(id)) = self.project.resolve(file, arg) {
                self.run(af, id, Vec::new(), truth);
            }
        }
    }

    fn app_at(&mut self, file: FileId, call: &CallVal, framework: Framework) -> AppId {
        *self
            .by_site
            .entry((file, call.span.start))
            .or_insert_with(|| {
                self.apps.push(App {
                    framework,
                    file,
                    span: call.span,
                    ops: Vec::new(),
                    mounted_by: Vec::new(),
                    escapes: false,
                });
                self.apps.len() - 1
            })
    }

    fn factory(&self, file: FileId, call: &CallVal) -> Option<Framework> {
        let (module, path) = module_path(self.project, file, &call.callee)?;
        let fac = data()
            .factory
            .iter()
            .find(|f| *f.module == *module && f.path == path && (call.new || !f.new))?;
        Some(match fac.framework.as_str() {
            "express" => Framework::Express,
            "koa" => Framework::Koa,
            "fastify" => Framework::Fastify,
            _ => {
                let fastify =
                    call.args
                        .iter()
                        .skip(1)
                        .any(|a| match self.project.resolve(file, a) {
                            (af, Val::Call(c)) => module_path(self.project, af, &c.callee)
                                .is_some_and(|(m, p)| {
                                    data().platform_adapter.iter().any(|ad| {
                                        *ad.module == *m
                                            && ad.class == p
                                            && ad.platform == "fastify"
                                    })
                                }),
                            _ => false,
                        });
                Framework::Nest { fastify }
            }
        })
    }

    /// The app a value holds, if any.
    fn app_of(&mut self, file: FileId, val: &Val, depth: u32) -> Option<AppId> {
        if depth > 8 {
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
                if let Some(fw) = self.factory(f, c) {
                    return Some(self.app_at(f, c, fw));
                }
                if let Val::Member(recv, m) = &c.callee {
                    if data().unwrap.methods.iter().any(|u| **u == **m) {
                        return self.app_of(f, recv, depth + 1);
                    }
                }
                // A project function that returns an app (`createApp()`).
                if let (ff, Val::Func(id)) = self.project.resolve(f, &c.callee) {
                    let returns = self
                        .project
                        .file(ff)
                        .function(id)
                        .map(|func| func.returns.clone())?;
                    return returns.iter().find_map(|r| self.app_of(ff, r, depth + 1));
                }
                None
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn frameworks_data_parses() {
        let d = super::data();
        assert!(d.factory.iter().any(|f| f.module == "express"));
    }
}
