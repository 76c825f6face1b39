//! JSON Schema as Fastify and ajv read it: what a schema says about the
//! value it accepted (a scalar type, a `maxLength`), and ajv's checks as
//! guards (`if (!validate(req.body)) return …` with `validate =
//! ajv.compile(schema)`, or `ajv.validate(schema, req.body)`).

use crate::api::{api_path, ApiStep};
use crate::env::{eval_default, Const};
use crate::model::{Val, ELEMENT};
use crate::project::{FileId, Project};

use super::data::flow_data;

/// A schema where it is written.
pub type Schema = (FileId, Val);

/// Whether a value the schema accepted is a string, number, boolean or
/// null (never an object): `type: 'string'`, `type: ['string', 'null']`,
/// or an `enum`/`const` of such constants.
pub fn is_scalar(project: &Project, (file, schema): &Schema) -> bool {
    let scalar = |t: &str| matches!(t, "string" | "number" | "integer" | "boolean" | "null");
    match schema.prop("type").map(|t| project.resolve(*file, t)) {
        Some((_, Val::Str(t))) => return scalar(&t),
        Some((_, Val::Array(items))) => {
            return !items.is_empty()
                && items.iter().all(|i| matches!(i, Val::Str(t) if scalar(t)));
        }
        _ => {}
    }
    if let Some(c) = schema.prop("const") {
        return constant(project, *file, c);
    }
    match schema.prop("enum").map(|e| project.resolve(*file, e)) {
        Some((ef, Val::Array(items))) => {
            !items.is_empty() && items.iter().all(|i| constant(project, ef, i))
        }
        _ => false,
    }
}

fn constant(project: &Project, file: FileId, v: &Val) -> bool {
    matches!(
        eval_default(project, file, v),
        Some(Const::Str(_) | Const::Num(_) | Const::Bool(_) | Const::Null)
    )
}

/// The `maxLength` of a string schema.
pub fn max_length(project: &Project, (file, schema): &Schema) -> Option<u64> {
    match eval_default(project, *file, schema.prop("maxLength")?)? {
        Const::Num(n) if n.is_finite() && n >= 0.0 => Some(n as u64),
        _ => None,
    }
}

/// The schema of one member of what `schema` accepts: a property's, or
/// an array's element (`ELEMENT` or an index).
pub fn member(project: &Project, (file, schema): &Schema, prop: &str) -> Option<Schema> {
    let index = prop == ELEMENT || prop.bytes().all(|b| b.is_ascii_digit());
    if index {
        return Some(project.resolve(*file, schema.prop("items")?));
    }
    let (pf, props) = project.resolve(*file, schema.prop("properties")?);
    Some(project.resolve(pf, props.prop(prop)?))
}

/// The schema of `rel` (`name`, `tags[i]`, `address.city`, as the flow
/// writes members) inside what `schema` accepts.
pub fn at_path(project: &Project, schema: &Schema, rel: &str) -> Option<Schema> {
    let mut cur = schema.clone();
    for part in rel.split('.') {
        let (name, rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            cur = member(project, &cur, name)?;
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            let index = index.trim_end_matches(']');
            // `['first-name']` is a property, `[i]` and `[0]` elements.
            let index = match index.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')) {
                Some(key) => key,
                None if index == "i" => ELEMENT,
                None => index,
            };
            cur = member(project, &cur, index)?;
        }
    }
    Some(cur)
}

/// The value an ajv check validates and the schema it validates it
/// against, when `test` is one: `validate(x)` where `validate` is
/// `ajv.compile(schema)`, or `ajv.validate(schema, x)`. A schema added
/// under a key and fetched with `ajv.getSchema(key)` is not followed.
pub fn checked_value<'v>(
    project: &Project,
    file: FileId,
    test: &'v Val,
) -> Option<(&'v Val, Schema)> {
    let Val::Call(c) = test else { return None };
    let d = &flow_data().json_schema;
    let is_validator = |f: FileId, callee: &Val, methods: &[String]| {
        api_path(project, f, callee).is_some_and(|p| {
            d.packages.contains(&p.package)
                && matches!(p.steps.last(), Some(ApiStep::Member(m)) if methods.contains(m))
        })
    };
    // `ajv.validate(schema, x)`.
    if is_validator(file, &c.callee, &d.validate) {
        let schema = project.resolve(file, c.args.first()?);
        return Some((c.args.get(1)?, schema));
    }
    // `validate(x)`, `validate` being what `ajv.compile(schema)` returned.
    let (cf, compiled) = project.resolve(file, &c.callee);
    let Val::Call(compile) = &compiled else {
        return None;
    };
    if !is_validator(cf, &compile.callee, &d.compile) {
        return None;
    }
    let schema = project.resolve(cf, compile.args.first()?);
    Some((c.args.first()?, schema))
}
