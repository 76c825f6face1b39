//! The dataflow engine: where a value at a sink comes from, followed
//! backwards from the sink through variables (every definition of one),
//! members, destructuring, calls of project functions (their returns, with
//! the call's arguments bound to the parameters) and the callers of a
//! function (a parameter is what each caller passes), across files, up to
//! the request object of a handler the route table knows (the roles of its
//! parameters) — or, for a function nobody registers or calls, a parameter
//! named like one (`req`, `ctx`), at a lower precision.
//!
//! Demand-driven: only the values at candidate sinks are followed, so a
//! project with few sinks costs almost nothing. A value carries labels, one
//! per concern: `OBJECT` (the client controls the type: `{"$ne": null}`
//! instead of a string) and `TEXT` (the client controls characters). A
//! conversion (`String(x)`, a template, a string method) ends `OBJECT`; a
//! type guard that holds where the value is used (`typeof x === 'string'`,
//! an early return on its negation, a validator.js predicate) ends it too.
//! Each result carries its steps, source first, for the finding's flow.

mod callbacks;
mod data;
mod error_data;
mod errors;
mod eval;
mod json_schema;
mod limits;
mod roots;
mod schemas;
mod status;

pub use eval::{member_suffix, param_name};
pub use limits::{framework_body_limit, parse_bytes, Limit};
pub(crate) use limits::{option_sizes as limits_option_sizes, OptionSizes};

pub use data::{callee_name, flow_data};
pub use error_data::{error_data, install_error_extras, ErrorData, ErrorExtras};
pub use errors::{ErrorValue, UseGate};
pub use status::{ResponseObject, CLIENT, FROM_ERROR, SERVER, SUCCESS, UNKNOWN};

use std::cell::{Cell, RefCell};
// foldhash: fast, with a per-run seed (the keys come from scanned code).
use foldhash::{HashMap, HashSet};

use nodeward_report::Span;

use crate::model::{CondId, FnId, Val};
use crate::project::{FileId, Project};
use crate::routes::RouteTable;

/// The client controls the value's type (an object or array from a JSON
/// body or an extended query string).
pub const OBJECT: u8 = 1;
/// The client controls the value's characters.
pub const TEXT: u8 = 2;
/// An uploaded file's object (multer's `req.file`): not client text, but
/// its name, type and content are (`limits::upload_field`).
pub const UPLOAD: u8 = 4;
/// A list or field map of uploaded files (`req.files`).
pub const UPLOADS: u8 = 8;

/// Concerns a value's text is escaped for (`Taint::escaped`).
pub const SQL: u8 = 1;
pub const REGEX: u8 = 2;
/// Safe for a polynomial regex: its length is bounded (`s.slice(0, 100)`),
/// or a `replace` rewrote it (the long runs a regex would backtrack on are
/// usually what it collapses).
pub const BOUNDED: u8 = 4;

/// Request paths (`body.email`) checked to be strings before a handler.
pub type Checked = std::sync::Arc<[String]>;

/// One step of a flow, for the finding's evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// Client data reaching a value.
#[derive(Debug, Clone, PartialEq)]
pub struct Taint {
    /// `OBJECT` and/or `TEXT`.
    pub labels: u8,
    /// What the client sent, as an expression on the request
    /// (`req.body.email`, `ctx.request.body`, `@Body() dto`).
    pub what: String,
    /// Source first, then each variable, call and return on the way.
    pub steps: Vec<Step>,
    /// The source is a parameter named like a request in a function no
    /// route and no call reaches (lower precision).
    pub by_name: bool,
    /// The JSON schema this value was checked against (Fastify's route
    /// schema, an ajv check on the way), if any.
    pub schema: Option<(FileId, Val)>,
    /// The languages its text is escaped for (`SQL`, `REGEX`).
    pub escaped: u8,
    /// Request paths (`body.email`) a middleware before the handler checks
    /// to be strings: it calls `next()` only when they are.
    pub checked: std::sync::Arc<[String]>,
    /// The most bytes the source can hold (the request head's, the body
    /// parser's limit), when one is known.
    pub size: Option<Limit>,
}

/// Where a query object is controlled by the client.
#[derive(Debug, Clone, PartialEq)]
pub enum QueryPart {
    /// The whole object (`find(req.query)`, `find({ ...req.body })`).
    Whole,
    /// The value of a field (`{ email: req.body.email }`), by key path.
    Field(String),
    /// The string of a `$where` (server-side JavaScript).
    Where,
    /// The pattern of a `$regex` on the field at this key path.
    Regex(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct QueryHit {
    pub part: QueryPart,
    pub taint: Taint,
}

/// Steps one query may take before it gives up (with a notice).
const BUDGET: u32 = 50_000;

/// A call site of a project function, seen from the callee.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub file: FileId,
    pub func: FnId,
    pub call: std::sync::Arc<crate::model::CallVal>,
    pub cond: Option<CondId>,
}

pub struct Flow<'p> {
    pub(crate) project: &'p Project,
    pub(crate) roots: roots::Roots,
    /// Call sites of the functions of a file, by file (computed on demand).
    callers: RefCell<HashMap<FileId, HashMap<FnId, Vec<Caller>>>>,
    /// By file, the project functions its calls call (see `callers_into`).
    calls_to: RefCell<HashMap<FileId, CallsTo>>,
    /// What the middleware before each handler checks (see `Taint::checked`).
    checked: RefCell<HashMap<(FileId, FnId), Checked>>,
    steps: Cell<u32>,
    /// Files where a query ran out of its budget.
    spent: RefCell<Vec<FileId>>,
    /// Variables and parameters being followed (cycles end there).
    active: RefCell<HashSet<(FileId, u32, u32, u8)>>,
    /// Variables being followed through a redefinition from themselves
    /// (`q = String(q)`), with that definition's index.
    self_defs: RefCell<HashMap<(FileId, u32), usize>>,
    /// What the callers pass into each parameter (see `eval::param`).
    param_cache: RefCell<HashMap<(FileId, FnId, u32), Option<eval::Abs>>>,
    /// Each query object's hits, and whether finding them spent the budget:
    /// `nosql-injection` and `regex-injection` ask about the same filters.
    /// (Keyed by the value's address: the models do not move during a run.)
    queries: RefCell<HashMap<QueryKey, (Vec<QueryHit>, bool)>>,
    /// The callbacks of built-in calls, by file (see `callbacks`).
    fed: RefCell<HashMap<FileId, HashMap<FnId, Vec<callbacks::Fed>>>>,
    /// What the methods of each class of a file assign on `this`.
    this_writes: RefCell<HashMap<FileId, std::sync::Arc<ThisWrites>>>,
    /// Time spent in queries (`--stats`).
    solve: std::cell::Cell<std::time::Duration>,
    /// The caches of the walk to error objects (`errors.rs`).
    errors: RefCell<errors::ErrorCaches>,
}

/// By (class, property): each value assigned to `this.<property>` in the
/// class's methods, with the function and condition it is assigned under.
pub(crate) type ThisWrites = HashMap<(u32, crate::model::Atom), Vec<ThisWrite>>;

#[derive(Debug, Clone)]
pub(crate) struct ThisWrite {
    pub func: FnId,
    pub cond: Option<CondId>,
    pub value: Val,
    pub span: Span,
}

type QueryKey = (FileId, FnId, usize, Option<CondId>);

impl<'p> Flow<'p> {
    pub fn new(project: &'p Project, routes: &'p RouteTable) -> Flow<'p> {
        Flow {
            project,
            roots: roots::Roots::build(project, routes),
            callers: RefCell::new(HashMap::default()),
            calls_to: RefCell::new(HashMap::default()),
            checked: RefCell::new(HashMap::default()),
            steps: Cell::new(0),
            spent: RefCell::new(Vec::new()),
            active: RefCell::new(HashSet::default()),
            self_defs: RefCell::new(HashMap::default()),
            param_cache: RefCell::new(HashMap::default()),
            queries: RefCell::new(HashMap::default()),
            fed: RefCell::new(HashMap::default()),
            this_writes: RefCell::new(HashMap::default()),
            solve: std::cell::Cell::new(std::time::Duration::ZERO),
            errors: RefCell::new(errors::ErrorCaches::default()),
        }
    }

    /// Whether the route table (or a socket.io connection) gives function
    /// `func` of `file` a request: a handler, a middleware, a wrapped one.
    pub fn serves_requests(&self, file: FileId, func: FnId) -> bool {
        self.roots.get(file, func).is_some()
    }

    /// Whether function `func` of `file` is the server's work: it serves
    /// requests or runs as a scheduled job (a timer's or a scheduler's
    /// callback), is written inside such a function, or is called by one
    /// (up to three calls away, across files).
    pub fn runs_in_service(&self, file: FileId, func: FnId) -> bool {
        self.runs_in_service_at(file, func, 0)
    }

    fn runs_in_service_at(&self, file: FileId, func: FnId, depth: u32) -> bool {
        let model = self.project.file(file);
        let mut cur = Some(func);
        let mut guard = 0;
        while let Some(f) = cur {
            if self.serves_requests(file, f) || self.scheduled(file, f) {
                return true;
            }
            guard += 1;
            if guard > 64 {
                return false;
            }
            cur = model.function(f).and_then(|x| x.parent);
        }
        if depth >= 3 {
            return false;
        }
        let key = (file, func, depth, 9);
        if !self.active.borrow_mut().insert(key) {
            return false;
        }
        let found = self
            .callers(file, func)
            .iter()
            .any(|c| self.runs_in_service_at(c.file, c.func, depth + 1));
        self.active.borrow_mut().remove(&key);
        found
    }

    /// The bound of the request head (URL, query, params, headers).
    pub fn head_limit(&self) -> &Limit {
        &self.roots.head
    }

    /// The client data in `val`, a value of function `func` of `file` used
    /// at a call under condition `cond`.
    pub fn client_value(
        &self,
        file: FileId,
        func: FnId,
        val: &Val,
        cond: Option<CondId>,
    ) -> Option<Taint> {
        let started = std::time::Instant::now();
        self.steps.set(0);
        let frame = eval::Frame::top(file, func, cond);
        let t = self.eval_client(&frame, val);
        self.note_budget(file);
        self.solve.set(self.solve.get() + started.elapsed());
        t
    }

    /// The time spent answering queries so far (the solve).
    pub fn solve_time(&self) -> std::time::Duration {
        self.solve.get()
    }

    /// Where the client controls the query object `val` (a filter or an
    /// update document): the whole of it, a field's value, a `$where`.
    pub fn query_object(
        &self,
        file: FileId,
        func: FnId,
        val: &Val,
        cond: Option<CondId>,
    ) -> Vec<QueryHit> {
        let key = (file, func, val as *const Val as usize, cond);
        if let Some((hits, spent)) = self.queries.borrow().get(&key) {
            if *spent {
                self.spent.borrow_mut().push(file);
            }
            return hits.clone();
        }
        let started = std::time::Instant::now();
        self.steps.set(0);
        let frame = eval::Frame::top(file, func, cond);
        let mut out = Vec::new();
        self.query_parts(&frame, val, "", &mut out, 0);
        self.note_budget(file);
        self.solve.set(self.solve.get() + started.elapsed());
        let spent = self.steps.get() > BUDGET;
        self.queries.borrow_mut().insert(key, (out.clone(), spent));
        out
    }

    /// Files in which a query ran out of its budget (for a notice).
    /// (Each file is given once: the list is emptied, so that the next rule
    /// sharing the engine reports only its own.)
    pub fn budget_spent(&self) -> Vec<FileId> {
        let mut v = std::mem::take(&mut *self.spent.borrow_mut());
        v.sort_unstable();
        v.dedup();
        v
    }

    fn note_budget(&self, file: FileId) {
        if self.steps.get() > BUDGET {
            self.spent.borrow_mut().push(file);
        }
    }

    /// Counts one step; false once the budget is spent.
    pub(crate) fn tick(&self) -> bool {
        let n = self.steps.get() + 1;
        self.steps.set(n);
        n <= BUDGET
    }

    /// The request paths the middleware before handler `func` checks to be
    /// strings (in every path that calls `next()`).
    pub(crate) fn middleware_checked(&self, file: FileId, func: FnId) -> std::sync::Arc<[String]> {
        if let Some(c) = self.checked.borrow().get(&(file, func)) {
            return c.clone();
        }
        // Computing it evaluates the middleware, which asks the same of the
        // middleware before it; a cycle ends with nothing checked.
        self.checked
            .borrow_mut()
            .insert((file, func), std::sync::Arc::from(Vec::new()));
        let mut all = Vec::new();
        if let Some(root) = self.roots.get(file, func) {
            all.extend(root.schema_checked.iter().cloned());
            for &(mf, mfn) in &root.before {
                all.extend(self.checked_before_next(mf, mfn));
            }
        }
        all.sort();
        all.dedup();
        let rc: std::sync::Arc<[String]> = all.into();
        self.checked.borrow_mut().insert((file, func), rc.clone());
        rc
    }

    /// The call sites of `func` of `file`: in that file and in the files
    /// that import it, directly or through one more file (a re-export). A
    /// function reached any other way (a callback, an injected service) is
    /// called through a parameter or an object the model does not follow.
    pub(crate) fn callers(&self, file: FileId, func: FnId) -> Vec<Caller> {
        let mut cache = self.callers.borrow_mut();
        let by_fn = cache.entry(file).or_insert_with(|| self.callers_into(file));
        by_fn.get(&func).cloned().unwrap_or_default()
    }

    /// How the built-in calls of `file` feed the parameters of `func`.
    pub(crate) fn fed(&self, file: FileId, func: FnId) -> Vec<callbacks::Fed> {
        let mut cache = self.fed.borrow_mut();
        let by_fn = cache
            .entry(file)
            .or_insert_with(|| callbacks::fed_in(self, file));
        by_fn.get(&func).cloned().unwrap_or_default()
    }

    /// The assignments to `this` members in the methods of `file`'s classes.
    pub(crate) fn this_writes(&self, file: FileId) -> std::sync::Arc<ThisWrites> {
        if let Some(w) = self.this_writes.borrow().get(&file) {
            return w.clone();
        }
        let mut map: ThisWrites = HashMap::default();
        for (func, f) in self.project.file(file).functions.iter().enumerate() {
            for e in &f.effects {
                let crate::model::Effect::Assign {
                    target,
                    value,
                    span,
                } = &e.effect
                else {
                    continue;
                };
                if let Some((Val::This(class), prop)) = target.as_member() {
                    map.entry((*class, prop.clone()))
                        .or_default()
                        .push(ThisWrite {
                            func: func as FnId,
                            cond: e.cond,
                            value: value.clone(),
                            span: *span,
                        });
                }
            }
        }
        let rc = std::sync::Arc::new(map);
        self.this_writes.borrow_mut().insert(file, rc.clone());
        rc
    }

    fn callers_into(&self, target: FileId) -> HashMap<FnId, Vec<Caller>> {
        let importers = self.project.importers();
        let mut files = vec![target];
        for &f in &importers[target as usize] {
            files.push(f);
            files.extend(importers[f as usize].iter().copied());
        }
        files.sort_unstable();
        files.dedup();
        self.resolve_calls_in(&files);
        let resolved = self.calls_to.borrow();
        let mut map: HashMap<FnId, Vec<Caller>> = HashMap::default();
        for fid in files {
            for (to, caller) in resolved.get(&fid).into_iter().flat_map(|v| v.iter()) {
                if to.0 == target {
                    map.entry(to.1).or_default().push(caller.clone());
                }
            }
        }
        map
    }

    /// Resolves the calls of `files` not resolved yet, in parallel: a file
    /// imported by many is a caller's file for each of them, and resolving
    /// every call of a file is the costly part of finding callers.
    fn resolve_calls_in(&self, files: &[FileId]) {
        use rayon::prelude::*;
        let missing: Vec<FileId> = {
            let done = self.calls_to.borrow();
            files
                .iter()
                .copied()
                .filter(|f| !done.contains_key(f))
                .collect()
        };
        let project = self.project;
        let found: Vec<_> = missing
            .into_par_iter()
            .map(|fid| (fid, calls_of_project_functions(project, fid)))
            .collect();
        self.calls_to.borrow_mut().extend(found);
    }
}

/// The calls in `file` of functions of the project, with the function each
/// calls (its file and id), in source order.
fn calls_of_project_functions(project: &Project, file: FileId) -> CallsTo {
    let mut out = Vec::new();
    for (func, f) in project.file(file).functions.iter().enumerate() {
        for site in &f.calls {
            if let (cf, Val::Func(id)) = project.resolve(file, &site.call.callee) {
                out.push((
                    (cf, id),
                    Caller {
                        file,
                        func: func as FnId,
                        call: site.call.clone(),
                        cond: site.cond,
                    },
                ));
            }
        }
    }
    out.into()
}

/// A file's calls of project functions: (callee's file, callee), caller.
type CallsTo = std::sync::Arc<[((FileId, FnId), Caller)]>;

/// For each file, the files that import it.
/// By file, the files that import it (each list sorted).
pub(crate) fn build_importers(project: &Project) -> Vec<Vec<FileId>> {
    use rayon::prelude::*;
    let edges: Vec<Vec<FileId>> = (0..project.files.len() as FileId)
        .into_par_iter()
        .map(|g| {
            project
                .file(g)
                .imports
                .iter()
                .filter_map(|spec| project.resolve_module(g, spec))
                .filter(|&f| f != g)
                .collect()
        })
        .collect();
    let mut out = vec![Vec::new(); project.files.len()];
    for (g, targets) in edges.into_iter().enumerate() {
        for f in targets {
            out[f as usize].push(g as FileId);
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}

/// The characters a request part can carry, as the request reaches the
/// code: a header value holds no line break or other control character
/// but the tab, and Node reads it as Latin-1 (nothing above U+00FF); a raw
/// URL or path (`req.url`, `req.path`, `ctx.querystring`, not decoded) holds
/// only printable ASCII without spaces. Decoded parts (query values, route
/// parameters, cookies, bodies) can hold any character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Carried {
    Any,
    HeaderValue,
    RawUrl,
}

impl Carried {
    /// Of the client value read as `what` (`req.headers['user-agent']`,
    /// `ctx.request.url`, `@Headers('accept') accept`).
    pub fn of(what: &str) -> Carried {
        if what.starts_with("@Headers(") {
            return Carried::HeaderValue;
        }
        // The part after the request's name: `req.`, `ctx.`, `ctx.request.`.
        let Some((_, rest)) = what.split_once('.') else {
            return Carried::Any;
        };
        let rest = rest.strip_prefix("request.").unwrap_or(rest);
        let head = rest.split(['.', '[', '(']).next().unwrap_or_default();
        match head {
            "headers" | "header" | "get" | "hostname" | "host" | "origin" | "protocol" => {
                Carried::HeaderValue
            }
            "url" | "originalUrl" | "path" | "href" | "querystring" | "search" | "baseUrl" => {
                Carried::RawUrl
            }
            _ => Carried::Any,
        }
    }

    /// The characters it can carry as code point ranges; `None`: any.
    pub fn ranges(self) -> Option<&'static [(u32, u32)]> {
        match self {
            Carried::Any => None,
            Carried::HeaderValue => Some(&[(0x09, 0x09), (0x20, 0x7E), (0x80, 0xFF)]),
            Carried::RawUrl => Some(&[(0x21, 0x7E)]),
        }
    }
}

#[cfg(test)]
mod carried_tests {
    use super::Carried;

    fn allows(c: Carried, ch: char) -> bool {
        c.ranges()
            .is_none_or(|r| r.iter().any(|&(lo, hi)| (lo..=hi).contains(&(ch as u32))))
    }

    #[test]
    fn request_parts_carry_what_node_lets_through() {
        assert_eq!(
            Carried::of("req.headers['user-agent']"),
            Carried::HeaderValue
        );
        assert_eq!(Carried::of("req.get('accept')"), Carried::HeaderValue);
        assert_eq!(Carried::of("ctx.request.header.host"), Carried::HeaderValue);
        assert_eq!(
            Carried::of("@Headers('accept') accept"),
            Carried::HeaderValue
        );
        assert_eq!(Carried::of("req.originalUrl"), Carried::RawUrl);
        assert_eq!(Carried::of("ctx.querystring"), Carried::RawUrl);
        assert_eq!(Carried::of("req.query.q"), Carried::Any);
        assert_eq!(Carried::of("req.body.headers"), Carried::Any);
        assert_eq!(Carried::of("payload"), Carried::Any);
        assert!(!allows(Carried::HeaderValue, '\n'));
        assert!(allows(Carried::HeaderValue, '\t'));
        assert!(!allows(Carried::HeaderValue, '\u{100}'));
        assert!(!allows(Carried::RawUrl, ' '));
        assert!(allows(Carried::Any, '\u{2028}'));
    }
}
