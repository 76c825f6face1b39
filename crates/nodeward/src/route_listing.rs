//! `nodeward routes`: the route table for people (a table) and for scripts
//! (JSON, one object per route; the shape is documented in docs/routes.md
//! and kept stable).

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use nodeward_report::line_index::LineIndex;
use nodeward_report::render::terminal_line;
use nodeward_semantic::env::Truth;
use nodeward_semantic::routes::{Handler, RouteTable};
use nodeward_semantic::{FileId, Project};

/// One route as `nodeward routes --format json` prints it.
#[derive(Debug, Clone, Serialize)]
pub struct RouteRow {
    /// Upper case; `USE` for a middleware-only registration (static files,
    /// an API explorer, a mounted middleware with a path).
    pub method: String,
    /// Full path, every prefix joined, parameters as `:name`; `*` stands
    /// for a segment the default environment cannot evaluate.
    pub path: String,
    /// The registration: project-relative file and 1-based line.
    pub file: String,
    pub line: u32,
    pub framework: String,
    /// The framework's major version, from the package.json that holds the
    /// app (`"express": "^4.19.2"` → 4), when it declares one.
    pub framework_major: Option<u64>,
    /// The app that serves it: where it is created, `file:line`.
    pub app: String,
    /// Handlers by name, with where they are defined when they are
    /// functions of the project.
    pub handlers: Vec<HandlerRow>,
    /// What runs before the handlers, in run order, by name.
    pub middleware: Vec<String>,
    /// Whether the route is on in the default environment (NODE_ENV and
    /// flags unset); `null` when a condition on the way is unknown.
    pub default: Option<bool>,
    /// The conditions, gate middleware and in-handler checks on the way,
    /// each with its default value.
    pub gate: Vec<GateRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HandlerRow {
    pub name: String,
    pub file: Option<String>,
    pub line: Option<u32>,
    /// What each parameter is given: `request`, `response`, `next`,
    /// `error`, `context`, a request part (`body`, `params.id`) or `other`.
    pub params: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GateRow {
    pub kind: &'static str,
    pub test: String,
    pub file: String,
    pub value: Option<bool>,
}

fn truth(t: Truth) -> Option<bool> {
    match t {
        Truth::True => Some(true),
        Truth::False => Some(false),
        Truth::Unknown => None,
    }
}

/// The rows of a route table, in the table's order (by app, then the order
/// the routes are registered in when the project runs).
pub fn rows(
    project: &Project,
    table: &RouteTable,
    abs: &HashMap<String, PathBuf>,
) -> Vec<RouteRow> {
    let mut lines = Lines {
        project,
        abs,
        cache: HashMap::new(),
    };
    let mut out = Vec::new();
    for r in &table.routes {
        // Routes registered by test code are not what the server exposes.
        let test = |f: FileId| nodeward_rules::is_test_path(&project.file(f).path);
        if test(r.file) || table.routers[r.app].origin_files().any(test) {
            continue;
        }
        // Unscoped middleware (`app.use(cors())`) is part of the chain, not
        // a route; middleware with a path or from a package (an explorer,
        // static files) is listed.
        if &*r.method == "USE" && !r.explicit_path && !serves_files(r.handlers.first()) {
            continue;
        }
        let handler_rows = r
            .handlers
            .iter()
            .map(|h| {
                let (file, line) = match h.target {
                    Some((f, func)) => {
                        let span = project.file(f).function(func).map(|x| x.span);
                        (
                            Some(project.file(f).path.clone()),
                            span.map(|s| lines.line(f, s.start)),
                        )
                    }
                    None => (None, None),
                };
                HandlerRow {
                    name: h.name.clone(),
                    file,
                    line,
                    params: h.roles.iter().map(|r| r.label()).collect(),
                }
            })
            .collect();
        out.push(RouteRow {
            method: r.method.to_string(),
            path: r.path.clone(),
            file: project.file(r.file).path.clone(),
            line: lines.line(r.file, r.span.start),
            framework: r.framework.name().to_string(),
            framework_major: {
                let package = match r.framework {
                    nodeward_semantic::routes::Framework::Express => "express",
                    nodeward_semantic::routes::Framework::Koa => "koa",
                    nodeward_semantic::routes::Framework::Fastify => "fastify",
                    nodeward_semantic::routes::Framework::Nest { .. } => "@nestjs/core",
                };
                project.dependency_major(table.routers[r.app].file, package)
            },
            app: {
                let a = &table.routers[r.app];
                format!(
                    "{}:{}",
                    project.file(a.file).path,
                    lines.line(a.file, a.span.start)
                )
            },
            handlers: handler_rows,
            middleware: r.middleware.iter().map(|m| m.name.clone()).collect(),
            default: truth(r.gate.truth),
            gate: r
                .gate
                .steps
                .iter()
                .map(|s| GateRow {
                    kind: match s.kind {
                        nodeward_semantic::routes::GateKind::Condition => "condition",
                        nodeward_semantic::routes::GateKind::Middleware => "middleware",
                        nodeward_semantic::routes::GateKind::Handler => "handler",
                    },
                    test: s.text.clone(),
                    file: project.file(s.file).path.clone(),
                    value: truth(s.truth),
                })
                .collect(),
        });
    }
    out
}

/// The rows with their file paths as the reader sees them
/// ([`nodeward_report::shown_path`]): relative to `from` below it.
pub fn shown_from(rows: &mut [RouteRow], root: &std::path::Path, from: Option<&std::path::Path>) {
    let show = |p: &mut String| *p = nodeward_report::shown_path(root, from, p).into_owned();
    for row in rows {
        show(&mut row.file);
        if let Some((path, line)) = row.app.rsplit_once(':') {
            row.app = format!("{}:{line}", nodeward_report::shown_path(root, from, path));
        }
        for h in &mut row.handlers {
            if let Some(f) = &mut h.file {
                show(f);
            }
        }
        for g in &mut row.gate {
            show(&mut g.file);
        }
    }
}

/// Static-file and explorer middleware registered without a path still
/// serves URLs of its own.
fn serves_files(h: Option<&Handler>) -> bool {
    h.is_some_and(|h| {
        let n = h.name.as_str();
        n.contains("static")
    })
}

struct Lines<'a> {
    project: &'a Project,
    abs: &'a HashMap<String, PathBuf>,
    cache: HashMap<FileId, Option<LineIndex>>,
}

impl Lines<'_> {
    fn line(&mut self, file: FileId, offset: u32) -> u32 {
        let project = self.project;
        let abs = self.abs;
        let index = self.cache.entry(file).or_insert_with(|| {
            let path = &project.file(file).path;
            let text = abs
                .get(path)
                .and_then(|p| std::fs::read_to_string(p).ok())?;
            Some(LineIndex::new(&text))
        });
        index.as_ref().map_or(0, |i| i.line_of(offset))
    }
}

/// The table for people.
pub fn human(rows: &[RouteRow]) -> String {
    if rows.is_empty() {
        return "no routes found\n".into();
    }
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            let handler = r
                .handlers
                .iter()
                .map(|h| match (&h.file, h.line) {
                    (Some(f), Some(l)) => format!("{} ({f}:{l})", h.name),
                    _ => h.name.clone(),
                })
                .collect::<Vec<_>>()
                .join(", ");
            let gate = match r.default {
                Some(true) => "on".to_string(),
                Some(false) => {
                    let why: Vec<&str> = r
                        .gate
                        .iter()
                        .filter(|g| g.value == Some(false))
                        .map(|g| g.test.as_str())
                        .collect();
                    format!("off: {}", why.join(", "))
                }
                None => "unknown".to_string(),
            };
            [
                r.method.clone(),
                r.path.clone(),
                gate,
                format!("{}:{}", r.file, r.line),
                handler,
            ]
            .map(|c| terminal_line(&c).into_owned())
        })
        .collect();
    let mut text = String::new();
    let header = ["METHOD", "PATH", "DEFAULT", "REGISTERED", "HANDLER"];
    let mut widths = header.map(str::len);
    for c in &cells {
        for (w, cell) in widths.iter_mut().zip(c.iter()) {
            *w = (*w).max(cell.chars().count()).min(64);
        }
    }
    let line = |cols: [&str; 5], text: &mut String| {
        for (i, (c, w)) in cols.iter().zip(widths).enumerate() {
            if i + 1 == cols.len() {
                text.push_str(c);
            } else {
                text.push_str(c);
                let pad = w.saturating_sub(c.chars().count()) + 2;
                text.extend(std::iter::repeat_n(' ', pad));
            }
        }
        text.push('\n');
    };
    line(header, &mut text);
    for (c, r) in cells.iter().zip(rows) {
        line([&c[0], &c[1], &c[2], &c[3], &c[4]], &mut text);
        if !r.middleware.is_empty() {
            text.push_str(&format!(
                "{}  middleware: {}\n",
                " ".repeat(widths[0]),
                terminal_line(&r.middleware.join(", "))
            ));
        }
    }
    let on = rows.iter().filter(|r| r.default == Some(true)).count();
    let off = rows.iter().filter(|r| r.default == Some(false)).count();
    text.push_str(&format!(
        "\n{} {}: {on} on by default, {off} off, {} unknown\n",
        rows.len(),
        if rows.len() == 1 { "route" } else { "routes" },
        rows.len() - on - off
    ));
    text
}
