//! The sources: handler and middleware functions of the route table, the
//! roles of their parameters, and what shape each part of the request can
//! take on their routes (an object, or only strings).

use std::collections::HashMap;

use crate::api::api_path;

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
}

impl Roots {
    pub fn build(project: &Project, routes: &RouteTable) -> Roots {
        let mut by_fn = HashMap::new();
        for r in &routes.routes {
            let shape = shape(project, routes, r);
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
        Roots { by_fn }
    }

    pub fn get(&self, file: FileId, func: FnId) -> Option<&RootInfo> {
        self.by_fn.get(&(file, func))
    }
}

fn shape(project: &Project, routes: &RouteTable, r: &Route) -> Shape {
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
