//! The sources: handler and middleware functions of the route table, the
//! roles of their parameters, and what shape each part of the request can
//! take on their routes (an object, or only strings).

use std::collections::HashMap;

use crate::api::api_path;

use super::limits::{body_limit, head_limit, socket_limit, Limit};
use super::schemas::checked_by;
use crate::model::{FnId, Val};
use crate::project::{FileId, Project};
use crate::routes::{wrapped_roles, Framework, Handler, Role, Route, RouteTable};

/// What the request parts can be on the routes a function serves.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub framework: Framework,
    /// `req.query` can hold objects: Express 4's default `extended` parser
    /// (qs), or `app.set('query parser', 'extended')`.
    pub query_object: bool,
    /// express-mongo-sanitize runs before the handler: `$` keys are gone
    /// from the body, query, params and headers.
    pub sanitized: bool,
    /// A Fastify route's schema (`body.properties.x.type`).
    pub schema: Option<(FileId, Val)>,
    /// No route registers the function: its parameter is named like a
    /// request.
    pub by_name: bool,
    /// A NestJS validating pipe (`ValidationPipe`) runs for the route.
    pub validated: bool,
    /// The bound of the request head (URL, query, params, headers).
    pub head: Limit,
    /// The bound of the body (or of a socket.io message).
    pub body: Limit,
}

#[derive(Debug, Clone)]
pub struct RootInfo {
    pub roles: Vec<Role>,
    pub shape: Shape,
    /// The project middleware that runs before it on its route.
    pub before: Vec<(FileId, FnId)>,
    /// Request paths (`body.email`) a schema-validating middleware before it
    /// types as scalars.
    pub schema_checked: Vec<String>,
}

#[derive(Default)]
pub struct Roots {
    by_fn: HashMap<(FileId, FnId), RootInfo>,
    /// The request head's bound, for every route.
    pub head: Limit,
}

impl Roots {
    pub fn build(project: &Project, routes: &RouteTable) -> Roots {
        let mut by_fn = HashMap::new();
        let head = head_limit(project);
        for r in &routes.routes {
            let shape = shape(project, routes, r, &head);
            let n = r.middleware.len();
            let handlers = r.handlers.iter().map(|h| (h, n));
            let middleware = r.middleware.iter().enumerate().map(|(i, h)| (h, i));
            for (h, upto) in handlers.chain(middleware) {
                let mw = &r.middleware[..upto];
                let before: Vec<(FileId, FnId)> = mw.iter().filter_map(|m| m.target).collect();
                let mut schema_checked: Vec<String> =
                    mw.iter().flat_map(|m| checked_by(project, m)).collect();
                schema_checked.sort();
                schema_checked.dedup();
                // `catchAsync(async (req, res) => …)`: the wrapped function
                // gets what the wrapper is given.
                for (wf, wid) in wrapped(project, h) {
                    let roles = wrapped_roles(project, r.framework, wf, wid);
                    if !roles.is_empty() {
                        by_fn.entry((wf, wid)).or_insert(RootInfo {
                            roles,
                            shape: shape.clone(),
                            before: before.clone(),
                            schema_checked: schema_checked.clone(),
                        });
                    }
                }
                let Some(target) = h.target else { continue };
                if h.roles.is_empty() {
                    continue;
                }
                // The first route that registers it decides (routes are in
                // a stable order); a sanitizer on one route does not cover
                // another.
                by_fn
                    .entry(target)
                    .and_modify(|e: &mut RootInfo| {
                        e.shape.query_object |= shape.query_object;
                        e.shape.sanitized &= shape.sanitized;
                    })
                    .or_insert(RootInfo {
                        roles: h.roles.clone(),
                        shape: shape.clone(),
                        before,
                        schema_checked,
                    });
            }
        }
        socket_handlers(project, &mut by_fn, &head);
        Roots { by_fn, head }
    }

    pub fn get(&self, file: FileId, func: FnId) -> Option<&RootInfo> {
        self.by_fn.get(&(file, func))
    }
}

fn shape(project: &Project, routes: &RouteTable, r: &Route, head: &Limit) -> Shape {
    let app = &routes.routers[r.app];
    let query_object = match r.framework {
        Framework::Express | Framework::Nest { fastify: false } => {
            let major = project.dependency_major(app.file, "express");
            let default = major.is_none_or(|m| m < 5);
            query_parser_setting(app).unwrap_or(default)
        }
        _ => false,
    };
    let sanitized = r.middleware.iter().any(|m| {
        let v = match &m.val {
            Val::Call(c) => &c.callee,
            other => other,
        };
        api_path(project, m.file, v).is_some_and(|p| p.package == "express-mongo-sanitize")
    });
    Shape {
        framework: r.framework,
        query_object,
        sanitized,
        schema: r.schema(project),
        by_name: false,
        validated: r
            .middleware
            .iter()
            .any(|m| super::data::is_validation_pipe(project, m.file, &m.val)),
        head: head.clone(),
        body: body_limit(project, app, r),
    }
}

/// `app.set('query parser', 'simple' | false | 'extended')`.
fn query_parser_setting(app: &crate::routes::Router) -> Option<bool> {
    app.ops.iter().rev().find_map(|op| {
        if &*op.method != "set" {
            return None;
        }
        match op.args.as_slice() {
            [Val::Str(k), v] if &**k == "query parser" => Some(match v {
                Val::Str(s) => &**s == "extended",
                Val::Bool(b) => *b,
                // A custom parser function (`qs.parse`): objects.
                _ => true,
            }),
            _ => None,
        }
    })
}

/// The project functions a handler wrapper is given: the arguments of a
/// call that is the handler (`catchAsync(fn)`, `asyncHandler(fn)`).
fn wrapped(project: &Project, h: &Handler) -> Vec<(FileId, FnId)> {
    let (f, v) = project.resolve(h.file, &h.val);
    let Val::Call(c) = v else { return Vec::new() };
    c.args
        .iter()
        .filter_map(|a| match project.resolve(f, a) {
            (af, Val::Func(id)) => Some((af, id)),
            _ => None,
        })
        .filter(|t| Some(*t) != h.target)
        .collect()
}

/// socket.io event handlers: in `io.on('connection', (socket) => …)`, each
/// `socket.on(event, (payload, …) => …)` handler gets what the client sent
/// (parsed JSON: objects too). A trailing acknowledgement callback is a
/// parameter like the others; the model cannot tell it apart.
fn socket_handlers(project: &Project, by_fn: &mut HashMap<(FileId, FnId), RootInfo>, head: &Limit) {
    let mut message: Option<Limit> = None;
    let socket =
        |f: FileId, v: &Val| api_path(project, f, v).is_some_and(|p| p.package == "socket.io");
    for (fid, model) in project.files.iter().enumerate() {
        let fid = fid as FileId;
        for site in model.functions.iter().flat_map(|f| &f.calls) {
            let Some((io, m)) = site.call.callee.as_member() else {
                continue;
            };
            let on_connection = &**m == "on"
                && matches!(site.call.args.first(), Some(Val::Str(e)) if matches!(&**e, "connection" | "connect"));
            if !on_connection || !socket(fid, io) {
                continue;
            }
            let Some((cf, Val::Func(conn))) =
                site.call.args.get(1).map(|h| project.resolve(fid, h))
            else {
                continue;
            };
            let sock = Val::Param {
                func: conn,
                index: 0,
            };
            // The handlers registered on that socket, in the connection
            // function and the functions written inside it.
            let cm = project.file(cf);
            for (func, f) in cm.functions.iter().enumerate() {
                let inside = func as FnId == conn || encloses(cm, conn, func as FnId);
                if !inside {
                    continue;
                }
                for s in &f.calls {
                    let Some((recv, on)) = s.call.callee.as_member() else {
                        continue;
                    };
                    if &**on != "on" || project.resolve(cf, recv).1 != sock {
                        continue;
                    }
                    let (Some(Val::Str(event)), Some(h)) =
                        (s.call.args.first(), s.call.args.get(1))
                    else {
                        continue;
                    };
                    let (hf, Val::Func(hid)) = project.resolve(cf, h) else {
                        continue;
                    };
                    let n = project
                        .file(hf)
                        .function(hid)
                        .map_or(0, |f| f.params as usize);
                    let role = Role::Part {
                        part: "socket".into(),
                        key: Some((**event).into()),
                    };
                    by_fn.entry((hf, hid)).or_insert(RootInfo {
                        roles: vec![role; n],
                        shape: Shape {
                            framework: Framework::Express,
                            query_object: false,
                            sanitized: false,
                            schema: None,
                            by_name: false,
                            validated: false,
                            head: head.clone(),
                            body: message.get_or_insert_with(|| socket_limit(project)).clone(),
                        },
                        before: Vec::new(),
                        schema_checked: Vec::new(),
                    });
                }
            }
        }
    }
}

/// Whether function `inner` is written inside `outer`.
fn encloses(model: &crate::model::FileModel, outer: FnId, inner: FnId) -> bool {
    let mut cur = model.function(inner).and_then(|f| f.parent);
    let mut guard = 0;
    while let Some(p) = cur {
        if p == outer {
            return true;
        }
        guard += 1;
        if guard > 64 {
            break;
        }
        cur = model.function(p).and_then(|f| f.parent);
    }
    false
}
