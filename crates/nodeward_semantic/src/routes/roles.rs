//! What each parameter of a handler or middleware is given when a request
//! comes in: the request, the response, `next`, the error of an error
//! handler, Koa's context, or a part of the request that a NestJS
//! parameter decorator or an Express `router.param` hands over. The
//! dataflow queries start from these.

use crate::model::{FnId, Val};
use crate::project::{FileId, Project};

use super::describe::name;
use super::{Framework, Handler, Route};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// Express `req`, Fastify `request`, Nest `@Req()`.
    Request,
    /// Express `res`, Fastify `reply`, Nest `@Res()`.
    Response,
    /// `next` (Express, Koa), Fastify's hook `done`.
    Next,
    /// The error of a 4-parameter Express error handler.
    Error,
    /// Koa's `ctx`: request and response in one.
    Context,
    /// A part of the request: `body`, `query`, `params`, `headers`, `ip`,
    /// `session`, `file`, `files`, with the key when one is named
    /// (`@Param('id')`, `router.param('id', …)`'s fourth parameter).
    Part {
        part: Box<str>,
        key: Option<Box<str>>,
    },
    /// A parameter nothing is known to fill (a Nest parameter with no
    /// decorator, a parameter past the ones the framework passes).
    Other,
}

impl Role {
    /// The name the route listing shows.
    pub fn label(&self) -> String {
        match self {
            Role::Request => "request".into(),
            Role::Response => "response".into(),
            Role::Next => "next".into(),
            Role::Error => "error".into(),
            Role::Context => "context".into(),
            Role::Part { part, key: None } => (**part).into(),
            Role::Part { part, key: Some(k) } => format!("{part}.{k}"),
            Role::Other => "other".into(),
        }
    }
}

/// Fills in the roles of every handler and middleware of every route that
/// has none yet (a `router.param` handler is given its roles where it is
/// registered).
pub(super) fn assign(project: &Project, routes: &mut [Route]) {
    for r in routes {
        let fw = r.framework;
        for h in r.handlers.iter_mut().chain(r.middleware.iter_mut()) {
            if h.roles.is_empty() {
                h.roles = roles(project, fw, h);
            }
        }
    }
}

/// The roles of `router.param(name, fn)`'s handler: `(req, res, next, value)`.
pub(super) fn param_handler(project: &Project, h: &Handler, key: &str) -> Vec<Role> {
    let mut roles = vec![Role::Request, Role::Response, Role::Next];
    roles.push(Role::Part {
        part: "params".into(),
        key: Some(key.into()),
    });
    roles.truncate(params(project, h));
    roles
}

fn params(project: &Project, h: &Handler) -> usize {
    h.target
        .and_then(|(f, id)| project.file(f).function(id))
        .map_or(0, |f| f.params as usize)
}

fn roles(project: &Project, fw: Framework, h: &Handler) -> Vec<Role> {
    let n = params(project, h);
    if n == 0 {
        return Vec::new();
    }
    let mut roles = match fw {
        Framework::Nest { .. } => {
            if let Some(r) = nest_roles(project, h) {
                return r;
            }
            express_like(n)
        }
        Framework::Express => express_like(n),
        Framework::Koa => vec![Role::Context, Role::Next],
        // Handlers get (request, reply); hooks (request, reply, done).
        Framework::Fastify => vec![Role::Request, Role::Response, Role::Next],
    };
    roles.resize(n, Role::Other);
    roles
}

/// The roles of a function a handler wrapper calls with what it is given
/// (`catchAsync(async (req, res) => …)`, express-async-handler): those of
/// a handler of `fw` with its parameters.
pub fn wrapped_roles(project: &Project, fw: Framework, file: FileId, func: FnId) -> Vec<Role> {
    let h = Handler {
        file,
        val: Val::Func(func),
        target: Some((file, func)),
        name: String::new(),
        roles: Vec::new(),
    };
    roles(project, fw, &h)
}

/// Express's own rule: a function of four parameters is an error handler.
fn express_like(n: usize) -> Vec<Role> {
    if n == 4 {
        vec![Role::Error, Role::Request, Role::Response, Role::Next]
    } else {
        vec![Role::Request, Role::Response, Role::Next]
    }
}

/// A Nest handler's roles from its parameter decorators (`None` when no
/// parameter has one: a middleware class's `use(req, res, next)`).
fn nest_roles(project: &Project, h: &Handler) -> Option<Vec<Role>> {
    let (f, id) = h.target?;
    let model = project.file(f);
    let meta = model.fn_meta(id)?;
    if meta.params.iter().all(|p| p.decorators.is_empty()) {
        return None;
    }
    Some(
        meta.params
            .iter()
            .map(|p| {
                p.decorators
                    .first()
                    .map_or(Role::Other, |d| nest_role(model, d))
            })
            .collect(),
    )
}

fn nest_role(model: &crate::model::FileModel, d: &Val) -> Role {
    let Val::Call(c) = d else {
        return Role::Other;
    };
    let callee = name(model, &c.callee);
    let last = callee.rsplit('.').next().unwrap_or(&callee);
    let part = match last {
        "Req" | "Request" => return Role::Request,
        "Res" | "Response" => return Role::Response,
        "Next" => return Role::Next,
        "Body" => "body",
        "Query" => "query",
        "Param" => "params",
        "Headers" => "headers",
        "Ip" => "ip",
        "HostParam" => "hosts",
        "Session" => "session",
        "UploadedFile" => "file",
        "UploadedFiles" => "files",
        _ => return Role::Other,
    };
    Role::Part {
        part: part.into(),
        key: c.args.first().and_then(Val::as_str).map(Into::into),
    }
}
