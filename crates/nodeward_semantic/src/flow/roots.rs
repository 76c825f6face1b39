//! The sources: handler and middleware functions of the route table, the
//! roles of their parameters, and what shape each part of the request can
//! take on their routes (an object, or only strings).

use std::collections::HashMap;

use crate::api::api_path;
use crate::model::{FnId, Val};
use crate::project::{FileId, Project};
use crate::routes::{Framework, Role, Route, RouteTable};

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
            let mw: Vec<(FileId, FnId)> = r.middleware.iter().filter_map(|m| m.target).collect();
            let handlers = r.handlers.iter().map(|h| (h, mw.clone()));
            let middleware = r.middleware.iter().enumerate().map(|(i, h)| {
                let before = r.middleware[..i].iter().filter_map(|m| m.target).collect();
                (h, before)
            });
            for (h, before) in handlers.chain(middleware) {
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
