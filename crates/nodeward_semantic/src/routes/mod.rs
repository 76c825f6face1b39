//! The route table: every server application of the project (Express, Koa,
//! Fastify, NestJS), the routers and plugin contexts mounted on it, what is
//! registered on each in run order, and every route with its full path,
//! handlers, middleware chain and default-environment gate.
//!
//! Built in two steps. `interp` runs the project abstractly and records the
//! operations on app and router objects (`Op`s); `table` turns those into
//! resolved routes, joining prefixes through mounts; `nest` reads NestJS
//! modules and controllers from their decorators.

mod data;
mod describe;
mod interp;
mod nest;
mod roles;
mod table;

pub use data::{
    data as frameworks, install_extras, is_api, ApiData, FactoryData, FrameworkExtras,
    FrameworkName, FrameworksData,
};
pub use describe::{describe, describe_not, name};
pub use interp::module_path;
pub use roles::{wrapped_roles, Role};
pub use table::{Gate, GateKind, GateStep, Handler, Route};

use nodeward_report::Span;

use crate::env::Truth;
use crate::model::{CondId, Val};
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

/// What kind of object a router is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RouterKind {
    /// An application: `express()`, `new Koa()`, `fastify()`, `NestFactory.create`.
    App,
    /// `express.Router()`, `new Router()` of @koa/router or koa-router.
    Router,
    /// The encapsulated context a Fastify plugin runs in.
    Context,
}

pub type RouterId = usize;

/// One call on an app or router: `app.use(helmet())`, `router.get('/x', h)`,
/// or the object passed to a package function (`SwaggerModule.setup('docs', app)`).
#[derive(Debug, Clone)]
pub struct Op {
    /// Position in the order the project runs.
    pub seq: u32,
    pub file: FileId,
    /// The method called (`""` when the router is passed to `via`).
    pub method: Box<str>,
    /// Arguments, as values of `file`.
    pub args: Vec<Val>,
    pub span: Span,
    pub truth: Truth,
    /// The conditions it runs under, innermost call first: its own call
    /// site's, then those of the calls that led to it.
    pub conds: Vec<(FileId, CondId)>,
    /// Routers or apps mounted by this call, with the path value it gives
    /// them when not the first argument (`mount('/api', app)`, `{ prefix }`).
    pub mounts: Vec<Mount>,
    /// The package function the router was passed to, as (module, path).
    pub via: Option<(Box<str>, String)>,
}

#[derive(Debug, Clone)]
pub struct Mount {
    pub child: RouterId,
    /// The mount path, if the mount gives one, as a value of that file.
    pub path: Option<(FileId, Val)>,
    /// The mount is a plugin wrapped with fastify-plugin: same context.
    pub same_context: bool,
}

#[derive(Debug, Clone)]
pub struct Router {
    pub kind: RouterKind,
    pub framework: Framework,
    pub file: FileId,
    /// The creation call (`express()`, `new Koa()`, the `register(…)` call
    /// of a Fastify context).
    pub span: Span,
    /// Arguments of the creation call (`new Router({ prefix })`).
    pub args: Vec<Val>,
    pub ops: Vec<Op>,
    /// Where it is mounted: (parent, index of the parent's op).
    pub mounted_by: Vec<(RouterId, usize)>,
    /// Passed to code outside the project (`http.createServer(app)`, `module.exports`).
    pub escapes: bool,
    /// Passed to a mount helper (`mount('/api', api)`) whose parent the
    /// interpretation does not see: a sub-app of an unknown app.
    pub mounted_elsewhere: bool,
    /// For an app made by an app factory of the project, the call of that
    /// factory that made it: (file, offset of the call).
    pub created_via: Option<(FileId, u32)>,
}

impl Router {
    /// Whether anything serves through this app: an operation that listens
    /// or routes, a mount, or the app handed to a server or exported. An app
    /// only read from (`app.get(ConfigService)`) and closed does not serve.
    pub fn is_used(&self) -> bool {
        !self.mounted_by.is_empty()
            || self.escapes
            || self.mounted_elsewhere
            || self.ops.iter().any(|o| {
                SERVING_METHODS.contains(&&*o.method)
                    || !o.mounts.is_empty()
                    // Express `app.use(basePath, handler)` answers requests.
                    || (&*o.method == "use" && o.args.len() >= 2)
                    || (ROUTE_METHODS.contains(&&*o.method) && o.args.len() >= 2)
            })
    }

    pub fn is_app(&self) -> bool {
        self.kind == RouterKind::App
    }

    /// The files that decide whether this object is test code: where it is
    /// created, and the call of the project factory that made it.
    pub fn origin_files(&self) -> impl Iterator<Item = FileId> + '_ {
        std::iter::once(self.file).chain(self.created_via.map(|(f, _)| f))
    }
}

/// Methods by which an app serves: it listens, hands its handler to a
/// server (`http.createServer(app.callback())`), or is started.
const SERVING_METHODS: &[&str] = &[
    "listen", "callback", "handle", "init", "ready", "start", "route", "all",
];

/// Route registrations, when given a handler (`app.get('env')` and
/// NestJS's `app.get(Service)` read instead).
const ROUTE_METHODS: &[&str] = &[
    "get", "post", "put", "delete", "patch", "options", "head", "del",
];

#[derive(Debug, Default)]
pub struct RouteTable {
    pub routers: Vec<Router>,
    pub routes: Vec<Route>,
    /// Folders the apps serve as static files (project-relative, no
    /// trailing `/`): what is under them is client code.
    pub static_roots: Vec<String>,
    /// Interpretation steps taken (call sites and resolutions).
    pub steps: u64,
    /// Set when the interpretation budget ran out: the file it was in.
    pub budget_spent: Option<FileId>,
}

impl RouteTable {
    /// Whether a project file lies under a folder an app serves statically.
    pub fn is_static(&self, path: &str) -> bool {
        self.static_roots.iter().any(|root| {
            path.strip_prefix(root.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// The apps (not routers or contexts).
    pub fn apps(&self) -> impl Iterator<Item = (RouterId, &Router)> {
        self.routers.iter().enumerate().filter(|(_, r)| r.is_app())
    }
}

/// Builds the route table of a project.
pub fn build_routes(project: &Project) -> RouteTable {
    let mut t = interp::interpret(project);
    t.routes = table::resolve(project, &t);
    roles::assign(project, &mut t.routes);
    t.static_roots = table::static_roots(project, &t);
    t
}
