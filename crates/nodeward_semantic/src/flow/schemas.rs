//! Validation middleware read from its schema: a route whose middleware is
//! created with a Joi, zod or yup schema of the request parts
//! (`celebrate({ body: … })`, a project's `validate(schema)`), or is an
//! express-validator chain, checks the fields those type as scalars.

use crate::api::api_path;
use crate::model::Val;
use crate::project::{FileId, Project};
use crate::routes::Handler;

use super::data::flow_data;

/// Request paths (`body.email`) the middleware `h` checks to be scalars.
pub fn checked_by(project: &Project, h: &Handler) -> Vec<String> {
    let mut out = Vec::new();
    let (f, v) = project.resolve(h.file, &h.val);
    if let Val::Call(c) = &v {
        if let Some(path) = validator_chain(project, f, &v) {
            out.push(path);
            return out;
        }
        for a in &c.args {
            parts(project, f, a, &mut out, 0);
        }
    }
    out
}

/// `{ body: Joi.object({ email: Joi.string() }), query: … }`.
fn parts(project: &Project, file: FileId, v: &Val, out: &mut Vec<String>, depth: u32) {
    if depth > 4 {
        return;
    }
    let (f, v) = project.resolve(file, v);
    let Val::Object(props) = &v else { return };
    let d = flow_data();
    for (k, pv) in props.iter() {
        if d.schemas.parts.iter().any(|p| p == &**k) {
            fields(project, f, pv, k, out, 0);
        } else if &**k != "..." {
            // A schema module's export: `validate(authValidation.login)`
            // gives `{ body: … }` one level down at most.
            parts(project, f, pv, out, depth + 1);
        }
    }
}

/// The fields an object schema types as scalars, under `prefix`.
fn fields(
    project: &Project,
    file: FileId,
    v: &Val,
    prefix: &str,
    out: &mut Vec<String>,
    depth: u32,
) {
    if depth > 4 {
        return;
    }
    let d = flow_data();
    let (f, v) = project.resolve(file, v);
    let Some(obj) = object_fields(project, f, &v) else {
        return;
    };
    let (of, props) = obj;
    for (k, fv) in props.iter() {
        let path = format!("{prefix}.{k}");
        let (ff, fv) = project.resolve(of, fv);
        match schema_kind(project, ff, &fv) {
            Some(kind) if d.schemas.scalars.contains(&kind) => out.push(path),
            Some(kind) if d.schemas.objects.contains(&kind) => {
                fields(project, ff, &fv, &path, out, depth + 1)
            }
            _ => {}
        }
    }
}

/// The field object of `Joi.object({…})`, `Joi.object().keys({…})`,
/// `z.object({…}).strict()`.
fn object_fields(
    project: &Project,
    file: FileId,
    v: &Val,
) -> Option<(FileId, Vec<(crate::model::Atom, Val)>)> {
    let d = flow_data();
    let mut cur = v.clone();
    for _ in 0..12 {
        let Val::Call(c) = &cur else { return None };
        let (recv, m) = c.callee.as_member()?;
        if d.schemas.objects.iter().any(|o| o == &**m) {
            if let Some(a) = c.args.first() {
                if let (af, Val::Object(props)) = project.resolve(file, a) {
                    if schema_root(project, file, recv) {
                        return Some((af, props.to_vec()));
                    }
                }
            }
        }
        cur = recv.clone();
    }
    None
}

/// The builder a schema starts from (`string` for
/// `Joi.string().email().required()`), if it is a schema library's.
fn schema_kind(project: &Project, file: FileId, v: &Val) -> Option<String> {
    let mut cur = v.clone();
    for _ in 0..16 {
        let Val::Call(c) = &cur else { return None };
        let (recv, m) = c.callee.as_member()?;
        if !matches!(recv, Val::Call(_)) {
            return schema_root(project, file, recv).then(|| m.to_string());
        }
        cur = recv.clone();
    }
    None
}

/// `Joi`, `z`, `yup` (a schema package's module), or `Joi.object()`
/// style calls on it.
fn schema_root(project: &Project, file: FileId, v: &Val) -> bool {
    let d = flow_data();
    api_path(project, file, v).is_some_and(|p| d.schemas.packages.contains(&p.package))
}

/// `body('email').isEmail()` of express-validator: `body.email`.
fn validator_chain(project: &Project, file: FileId, v: &Val) -> Option<String> {
    let d = flow_data();
    let mut cur = v.clone();
    let mut checked = false;
    for _ in 0..16 {
        let Val::Call(c) = &cur else { return None };
        match c.callee.as_member() {
            Some((recv, m)) => {
                checked |= d.express_validator.checks.iter().any(|x| x == &**m);
                cur = recv.clone();
            }
            None => {
                let path = api_path(project, file, &c.callee)?;
                if path.package != "express-validator" {
                    return None;
                }
                let source = match path.steps.last() {
                    Some(crate::api::ApiStep::Member(m)) => m.clone(),
                    _ => return None,
                };
                if !checked || !d.express_validator.sources.contains(&source) {
                    return None;
                }
                let field = c.args.first().and_then(Val::as_str)?;
                let part = match source.as_str() {
                    "param" => "params",
                    "header" => "headers",
                    "cookie" => "cookies",
                    "check" => "body",
                    other => other,
                };
                return Some(format!("{part}.{field}"));
            }
        }
    }
    None
}
