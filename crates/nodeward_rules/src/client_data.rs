//! Client data inside one function: request values read from the request
//! object (by the models in rules/models/sources.toml), through local
//! variables, `String()`, `||` defaults, template literals and string
//! methods. A two-argument `slice`/`substring`/`substr` bounds the length
//! and ends it. The dataflow engine will widen this to every flow.

use nodeward_semantic::{Binding, FileId, Project, Val};

use crate::models::sources;

const MAX_DEPTH: u32 = 12;

/// Where client text in a value comes from, as a short expression
/// (`req.body.name`), if the value holds client text of unbounded length.
pub fn client_text(project: &Project, file: FileId, val: &Val) -> Option<String> {
    text(project, file, val, 0)
}

fn binding(project: &Project, file: FileId, id: u32) -> Option<&Binding> {
    project.file(file).bindings.get(id as usize)
}

fn text(project: &Project, file: FileId, val: &Val, depth: u32) -> Option<String> {
    if depth > MAX_DEPTH {
        return None;
    }
    let d = depth + 1;
    let prop = sources().propagation.methods.iter();
    match val {
        Val::Binding(id) => {
            let b = binding(project, file, *id)?;
            if b.assignments != 1 {
                return None;
            }
            text(project, file, &b.value, d)
        }
        Val::Member(..) => request_member(project, file, val),
        Val::Call(c) => {
            if let Some((recv, m)) = c.callee.as_member() {
                if let Some(name) = request_root(project, file, recv) {
                    let methods = sources().request.iter().find(|r| r.names.contains(&name))?;
                    return methods
                        .methods
                        .iter()
                        .any(|x| x == &**m)
                        .then(|| format!("{name}.{m}(…)"));
                }
                if sources().propagation.truncating.iter().any(|t| t == &**m) {
                    // `s.slice(0, 100)` bounds the length; `s.slice(1)` does not.
                    return if c.args.len() >= 2 {
                        None
                    } else {
                        text(project, file, recv, d)
                    };
                }
                let mut prop = prop;
                if prop.any(|x| x == &**m) {
                    return text(project, file, recv, d);
                }
                return None;
            }
            match &c.callee {
                Val::Global(g) if sources().propagation.functions.iter().any(|f| f == &**g) => {
                    text(project, file, c.args.first()?, d)
                }
                _ => None,
            }
        }
        Val::Bin(b) => match b.0 {
            "||" | "??" | "+" => {
                text(project, file, &b.1, d).or_else(|| text(project, file, &b.2, d))
            }
            _ => None,
        },
        Val::Cond(c) => text(project, file, &c.1, d).or_else(|| text(project, file, &c.2, d)),
        Val::Template(parts) => parts.iter().find_map(|p| text(project, file, p, d)),
        _ => None,
    }
}

/// The name of the request variable a value is (`req`, `ctx`), if it is one.
fn request_root(project: &Project, file: FileId, val: &Val) -> Option<String> {
    let Val::Binding(id) = val else { return None };
    let b = binding(project, file, *id)?;
    let name = &*b.name;
    sources()
        .request
        .iter()
        .any(|r| r.names.iter().any(|n| n == name))
        .then(|| name.to_string())
}

/// `req.body.x`, `ctx.request.query.q`, and `{ body }` destructured from a
/// handler's parameter.
fn request_member(project: &Project, file: FileId, val: &Val) -> Option<String> {
    let mut path: Vec<&str> = Vec::new();
    let mut cur = val;
    while let Some((obj, p)) = cur.as_member() {
        path.push(p);
        cur = obj;
    }
    path.reverse();
    let joined = path.join(".");
    // As written: `headers['if-none-match']`.
    let written: String = path
        .iter()
        .map(|p| nodeward_semantic::flow::member_suffix(p))
        .collect();
    if let Some(name) = request_root(project, file, cur) {
        let model = sources().request.iter().find(|r| r.names.contains(&name))?;
        let hit = model
            .members
            .iter()
            .any(|m| joined == *m || joined.starts_with(&format!("{m}.")));
        return hit.then(|| format!("{name}{written}"));
    }
    // `({ body }) => …`: a destructured handler parameter.
    if let Val::Param { .. } = cur {
        let first = *path.first()?;
        let known = ["body", "query", "params", "headers", "cookies"];
        return known
            .contains(&first)
            .then(|| written.trim_start_matches('.').to_string());
    }
    // A local alias of a request member: `const q = req.query; q.name`.
    if let Val::Binding(id) = cur {
        let b = binding(project, file, *id)?;
        if b.assignments == 1 && matches!(b.value, Val::Member(..)) {
            let base = request_member(project, file, &b.value)?;
            return Some(format!("{base}{written}"));
        }
    }
    None
}
