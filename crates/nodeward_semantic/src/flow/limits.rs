//! How long the text a client sends can be (rules/models/limits.toml): the
//! request head is bounded by Node's maximum header size, a body by its
//! parser's limit, a socket.io message by the server's buffer size. A
//! polynomial regex costs what it costs at that bound.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

use super::data::callee_name;
use crate::env::{eval_default, Const};
use crate::model::Val;
use crate::project::{FileId, Project};
use crate::routes::{Framework, Route};

/// The most bytes a part of a request can hold, and what says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Limit {
    pub bytes: u64,
    /// "Node's default maximum header size", "`limit: '1mb'` of
    /// express.json (src/app.js)".
    pub why: Arc<str>,
}

impl Limit {
    pub(crate) fn new(bytes: u64, why: String) -> Limit {
        Limit {
            bytes,
            why: why.into(),
        }
    }
}

/// Node's own bound on the request head.
impl Default for Limit {
    fn default() -> Limit {
        Limit::new(
            data().head.default,
            "Node's default maximum header size".into(),
        )
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct LimitData {
    head: Head,
    body: Vec<BodyParser>,
    framework: FrameworkDefaults,
    socket: Socket,
    upload: Upload,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Upload {
    packages: Vec<String>,
    header_fields: Vec<String>,
    header_limit: u64,
    unbounded_fields: Vec<String>,
    content_fields: Vec<String>,
    content_options: Vec<String>,
    field_options: Vec<String>,
    field_default: Size,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Head {
    default: u64,
    options: Vec<String>,
    flags: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct BodyParser {
    callees: Vec<String>,
    options: Vec<String>,
    default: Size,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct FrameworkDefaults {
    express: Size,
    koa: Size,
    fastify: Size,
    nest_express: Size,
    nest_fastify: Size,
    options: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Socket {
    default: u64,
    options: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Size {
    Bytes(u64),
    Text(String),
}

impl Size {
    fn bytes(&self) -> u64 {
        match self {
            Size::Bytes(b) => *b,
            Size::Text(t) => parse_bytes(t).unwrap_or(0),
        }
    }
}

fn data() -> &'static LimitData {
    static DATA: OnceLock<LimitData> = OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../../rules/models/limits.toml"))
            .expect("rules/models/limits.toml is valid (checked by a test)")
    })
}

/// `"100kb"`, `"1mb"`, `"512"`, as the `bytes` package reads them (units of
/// 1024).
pub fn parse_bytes(text: &str) -> Option<u64> {
    let t = text.trim().to_ascii_lowercase();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num.parse().ok()?;
    let scale: f64 = match unit.trim() {
        "" | "b" => 1.0,
        "kb" => 1024.0,
        "mb" => 1024.0 * 1024.0,
        "gb" => 1024.0 * 1024.0 * 1024.0,
        "tb" => 1024.0_f64.powi(4),
        _ => return None,
    };
    Some((n * scale) as u64)
}

/// A size written in code: a number of bytes or a `bytes` string.
fn size_of(project: &Project, file: FileId, v: &Val) -> Option<u64> {
    match eval_default(project, file, v)? {
        Const::Num(n) if n.is_finite() && n >= 0.0 => Some(n as u64),
        Const::Str(s) => parse_bytes(&s),
        _ => None,
    }
}

/// By option name (every name limits.toml lists): the largest size any
/// call of the project gives it, with where. One scan of the project for
/// all the bounds, files in parallel, merged in file order.
pub(crate) type OptionSizes = HashMap<String, (u64, String)>;

pub(crate) fn option_sizes(project: &Project) -> OptionSizes {
    use rayon::prelude::*;
    let d = data();
    let names: Vec<&str> = d
        .head
        .options
        .iter()
        .chain(&d.socket.options)
        .chain(&d.upload.content_options)
        .chain(&d.upload.field_options)
        .map(String::as_str)
        .collect();
    let per_file: Vec<OptionSizes> = (0..project.files.len() as FileId)
        .into_par_iter()
        .map(|fid| {
            let model = project.file(fid);
            let mut found = OptionSizes::default();
            let mut note = |lf: FileId, props: &[(crate::model::Atom, Val)]| {
                for (k, v) in props {
                    if !names.contains(&&**k) {
                        continue;
                    }
                    if let Some(b) = size_of(project, lf, v) {
                        let e = found.entry(k.to_string());
                        let better = match &e {
                            std::collections::hash_map::Entry::Occupied(o) => b > o.get().0,
                            std::collections::hash_map::Entry::Vacant(_) => true,
                        };
                        if better {
                            e.insert_entry((b, format!("`{k}` ({})", model.path)));
                        }
                    }
                }
            };
            for site in model.functions.iter().flat_map(|f| &f.calls) {
                for arg in &site.call.args {
                    // An object written here or held by a variable of the
                    // file: resolving every argument of every call across
                    // files costs more than the rest of the engine's setup.
                    let literal = match arg {
                        Val::Object(_) => true,
                        Val::Binding(id) => {
                            matches!(model.binding_values(*id), [Val::Object(_)])
                        }
                        _ => false,
                    };
                    if !literal {
                        continue;
                    }
                    let (af, obj) = project.resolve(fid, arg);
                    let Val::Object(props) = &obj else { continue };
                    note(af, props);
                    // One level down too: `multer({ limits: { fileSize } })`.
                    for (_, v) in props.iter() {
                        if matches!(v, Val::Object(_) | Val::Binding(_) | Val::Member(_)) {
                            if let (nf, Val::Object(inner)) = project.resolve(af, v) {
                                note(nf, &inner);
                            }
                        }
                    }
                }
            }
            found
        })
        .collect();
    let mut all = OptionSizes::default();
    for found in per_file {
        for (k, (b, why)) in found {
            if all.get(&k).is_none_or(|(x, _)| b > *x) {
                all.insert(k, (b, why));
            }
        }
    }
    all
}

/// The largest value given to an option of one of `names` in any call of
/// the project (`createServer({ maxHeaderSize: 65536 })`), with where; the
/// first name wins a tie.
fn largest_option(project: &Project, names: &[String]) -> Option<(u64, String)> {
    let sizes = project.option_sizes();
    let mut best: Option<&(u64, String)> = None;
    for n in names {
        if let Some(found) = sizes.get(n) {
            if best.is_none_or(|(x, _)| found.0 > *x) {
                best = Some(found);
            }
        }
    }
    best.cloned()
}

/// The request head's bound: Node's maximum header size, or what the
/// project raises it to.
pub fn head_limit(project: &Project) -> Limit {
    let d = &data().head;
    let mut best = largest_option(project, &d.options);
    for cmd in project.scripts() {
        for flag in &d.flags {
            let Some(i) = cmd.find(flag.as_str()) else {
                continue;
            };
            let rest = cmd[i + flag.len()..].trim_start_matches(['=', ' ']);
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(b) = digits.parse::<u64>() {
                if best.as_ref().is_none_or(|(x, _)| b > *x) {
                    best = Some((b, format!("`{flag}` in a package.json script")));
                }
            }
        }
    }
    match best {
        Some((b, why)) if b > d.default => Limit::new(b, why),
        _ => Limit::default(),
    }
}

/// The bound of a socket.io message.
pub fn socket_limit(project: &Project) -> Limit {
    let d = &data().socket;
    match largest_option(project, &d.options) {
        Some((b, why)) => Limit::new(b, why),
        None => Limit::new(d.default, "socket.io's default `maxHttpBufferSize`".into()),
    }
}

/// What an uploaded file's field holds (see `[upload]` in limits.toml):
/// `Some(Some(limit))` text bounded so, `Some(None)` text without a bound,
/// `None` not client text.
pub(crate) fn upload_field(project: &Project, field: &str) -> Option<Option<Limit>> {
    let d = &data().upload;
    if d.header_fields.iter().any(|f| f == field) {
        return Some(Some(Limit::new(
            d.header_limit,
            "busboy's limit on the headers of a multipart part".into(),
        )));
    }
    if d.unbounded_fields.iter().any(|f| f == field) {
        return Some(None);
    }
    if d.content_fields.iter().any(|f| f == field) {
        return Some(
            largest_option(project, &d.content_options).map(|(b, why)| Limit::new(b, why)),
        );
    }
    None
}

/// The bound of the form fields an upload middleware in a route's chain
/// puts in `req.body` (multer's `limits.fieldSize`).
fn upload_body_limit(project: &Project, file: FileId, c: &crate::model::CallVal) -> Option<Limit> {
    let d = &data().upload;
    let path = crate::api::api_path(project, file, &c.callee)?;
    if !d.packages.contains(&path.package) {
        return None;
    }
    Some(match largest_option(project, &d.field_options) {
        Some((b, why)) => Limit::new(b, why),
        None => Limit::new(
            d.field_default.bytes(),
            format!("{}'s default `fieldSize`", path.package),
        ),
    })
}

/// A framework's own body limit, when nothing on the route sets one.
pub fn framework_body_limit(framework: Framework) -> Limit {
    let d = &data().framework;
    let (size, who) = match framework {
        Framework::Express => (&d.express, "body-parser's default limit"),
        Framework::Koa => (&d.koa, "koa-bodyparser's default limit"),
        Framework::Fastify => (&d.fastify, "Fastify's default `bodyLimit`"),
        Framework::Nest { fastify: false } => (&d.nest_express, "NestJS's default body limit"),
        Framework::Nest { fastify: true } => (&d.nest_fastify, "Fastify's default `bodyLimit`"),
    };
    Limit::new(size.bytes(), who.into())
}

/// The body bound of a route: the largest limit of the body parsers in its
/// chain, a `bodyLimit` of the route or its app, or the framework's.
pub fn body_limit(project: &Project, app: &crate::routes::Router, r: &Route) -> Limit {
    let d = data();
    let mut best: Option<Limit> = None;
    let mut take = |l: Limit| {
        if best.as_ref().is_none_or(|b| l.bytes > b.bytes) {
            best = Some(l);
        }
    };
    for m in &r.middleware {
        let (f, v) = project.resolve(m.file, &m.val);
        let Val::Call(c) = &v else { continue };
        if let Some(l) = upload_body_limit(project, f, c) {
            take(l);
            continue;
        }
        let Some(name) = callee_name(project, f, &c.callee) else {
            continue;
        };
        let Some(parser) = d.body.iter().find(|p| p.callees.contains(&name)) else {
            continue;
        };
        let shown = name.replace(' ', ".");
        let given = c.args.first().and_then(|a| {
            let (of, o) = project.resolve(f, a);
            parser
                .options
                .iter()
                .filter_map(|k| size_of(project, of, o.prop(k)?).map(|b| (b, k)))
                .max_by_key(|(b, _)| *b)
        });
        take(match given {
            Some((b, k)) => Limit::new(b, format!("`{k}` of {shown}")),
            None => Limit::new(parser.default.bytes(), format!("{shown}'s default limit")),
        });
    }
    // Fastify: the route's options, then the app's (`fastify({ bodyLimit })`).
    let option = |file: FileId, v: &Val| {
        let (of, o) = project.resolve(file, v);
        d.framework
            .options
            .iter()
            .find_map(|k| size_of(project, of, o.prop(k)?).map(|b| (b, k.clone())))
    };
    if let Some((b, k)) = r.options.as_ref().and_then(|(f, o)| option(*f, o)) {
        return Limit::new(b, format!("the route's `{k}`"));
    }
    if let Some((b, k)) = app.args.first().and_then(|a| option(app.file, a)) {
        return Limit::new(b, format!("the app's `{k}`"));
    }
    best.unwrap_or_else(|| framework_body_limit(r.framework))
}

#[cfg(test)]
mod tests {
    use super::parse_bytes;

    #[test]
    fn reads_sizes_as_the_bytes_package_does() {
        assert_eq!(parse_bytes("100kb"), Some(102_400));
        assert_eq!(parse_bytes("1MB"), Some(1_048_576));
        assert_eq!(parse_bytes("1.5mb"), Some(1_572_864));
        assert_eq!(parse_bytes("512"), Some(512));
        assert_eq!(parse_bytes(" 2 kb "), Some(2048));
        assert_eq!(parse_bytes("lots"), None);
        assert_eq!(parse_bytes("10 parsecs"), None);
    }

    #[test]
    fn the_limit_models_parse() {
        let d = super::data();
        assert!(d.head.default == 16_384 && !d.body.is_empty());
        assert_eq!(d.framework.express.bytes(), 102_400);
    }
}
