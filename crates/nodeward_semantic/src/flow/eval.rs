//! Following a value backwards to client data.

use crate::model::{Atom, CallVal, CondId, FnId, Val, MODULE_FN};
use crate::project::FileId;
use crate::routes::{Framework, Role};

use super::data::{callee_name, flow_data, listed};
use super::roots::Shape;
use super::{Flow, QueryHit, QueryPart, Step, Taint, OBJECT, TEXT, UPLOAD, UPLOADS};

const MAX_DEPTH: u32 = 40;
/// Object literals inside query objects, followed this deep.
const MAX_NESTING: u32 = 6;

/// The function a value is read in, and how it was called when the
/// engine came into it from a call (the arguments then are known).
pub(crate) struct Frame<'a> {
    pub file: FileId,
    pub func: FnId,
    /// The condition of the use (guards apply to it).
    pub cond: Option<CondId>,
    pub call: Option<(&'a Frame<'a>, &'a CallVal)>,
    pub depth: u32,
}

impl<'a> Frame<'a> {
    /// The same frame for reading a guard's operand (no condition of its
    /// own applies to it).
    fn without_cond(&self) -> Frame<'a> {
        Frame {
            file: self.file,
            func: self.func,
            cond: None,
            call: self.call,
            depth: self.depth,
        }
    }

    /// A frame of another function, one level deeper, not entered from a
    /// call (its parameters are what its callers pass).
    pub(crate) fn beside(&self, file: FileId, func: FnId, cond: Option<CondId>) -> Frame<'static> {
        Frame {
            depth: self.depth + 1,
            ..Frame::top(file, func, cond)
        }
    }

    pub fn top(file: FileId, func: FnId, cond: Option<CondId>) -> Frame<'static> {
        Frame {
            file,
            func,
            cond,
            call: None,
            depth: 0,
        }
    }
}

/// A request object (not yet client data: its members are), or client data.
#[derive(Debug, Clone)]
pub(crate) enum Abs {
    Request(Req),
    Client(Taint),
}

#[derive(Debug, Clone)]
pub(crate) struct Req {
    /// Express/Fastify request, Koa context, or Koa's `ctx.request`.
    kind: ReqKind,
    shape: Shape,
    /// As written: `req`, `ctx.request`.
    name: String,
    steps: Vec<Step>,
    /// Request paths the middleware before the handler checks.
    checked: std::sync::Arc<[String]>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum ReqKind {
    Request,
    Context,
    KoaRequest,
}

impl Flow<'_> {
    pub(crate) fn eval_client(&self, fr: &Frame, v: &Val) -> Option<Taint> {
        match self.eval(fr, v)? {
            Abs::Client(t) => Some(self.guarded(fr, t)),
            Abs::Request(_) => None,
        }
    }

    /// Guards on the use's condition chain that hold for this value end the
    /// labels they rule out.
    fn guarded(&self, fr: &Frame, mut t: Taint) -> Taint {
        let model = self.project.file(fr.file);
        let mut cur = fr.cond;
        let mut n = 0;
        while let Some(id) = cur {
            n += 1;
            let Some(node) = model.cond(id) else { break };
            if n > 64 {
                break;
            }
            if self.type_guard(fr, &node.test, node.negated, &t.what) {
                t.labels &= !OBJECT;
            }
            if let Some(schema) = self.schema_guard(fr, &node.test, node.negated, &t.what) {
                accepted_by(
                    self,
                    &mut t,
                    &schema,
                    "the ajv schema it is validated against",
                );
                // Its members are the schema's too (`tags.map(t => …)`).
                if t.schema.is_none() {
                    t.schema = Some(schema);
                }
            }
            if self.allow_listed(fr, &node.test, node.negated, &t.what) {
                // Only characters with no meaning in a pattern, or one of
                // the code's own constants: safe as regex text (and a
                // string); a constant is safe anywhere.
                t.labels &= !OBJECT;
                t.escaped |= super::REGEX;
                if self.one_of_constants(fr, &node.test, node.negated, &t.what) {
                    t.escaped |= super::SQL | super::BOUNDED;
                }
            }
            cur = node.parent;
        }
        t
    }

    /// Whether a value read as `what` is `x` (or `x` is a part of it).
    fn reads(&self, fr: &Frame, x: &Val, what: &str, parts: bool) -> bool {
        matches!(self.eval(&fr.without_cond(), x), Some(Abs::Client(t))
            if t.what == what || (parts && what.starts_with(&format!("{}.", t.what))))
    }

    /// Whether `test` (negated if `negated`) holding means the value read
    /// as `what` is not an object.
    fn type_guard(&self, fr: &Frame, test: &Val, negated: bool, what: &str) -> bool {
        facts(test, negated)
            .into_iter()
            .filter_map(|(t, n)| self.scalar_operand(fr, t, n))
            .any(|x| self.reads(fr, x, what, true))
    }

    /// The schema that `test` holding shows the value read as `what` to
    /// match: an ajv check of it or of the object it is a member of
    /// (`validate(req.body)` for `req.body.name`).
    fn schema_guard(
        &self,
        fr: &Frame,
        test: &Val,
        negated: bool,
        what: &str,
    ) -> Option<super::json_schema::Schema> {
        for (fact, n) in facts(test, negated) {
            if n {
                continue;
            }
            let Some((x, schema)) = super::json_schema::checked_value(self.project, fr.file, fact)
            else {
                continue;
            };
            let Some(Abs::Client(c)) = self.eval(&fr.without_cond(), x) else {
                continue;
            };
            // `what` is the checked value or one of its members.
            let Some(rest) = what.strip_prefix(c.what.as_str()) else {
                continue;
            };
            if !(rest.is_empty() || rest.starts_with(['.', '['])) {
                continue;
            }
            let rel = rest.strip_prefix('.').unwrap_or(rest);
            if let Some(found) = super::json_schema::at_path(self.project, &schema, rel) {
                return Some(found);
            }
        }
        None
    }

    /// Whether `test` holding means the value read as `what` matched an
    /// allow-list regex (`/^[A-Za-z0-9_-]+$/.test(x)`) or is one of an
    /// array of constants.
    fn allow_listed(&self, fr: &Frame, test: &Val, negated: bool, what: &str) -> bool {
        facts(test, negated)
            .into_iter()
            .filter_map(|(t, n)| self.allow_list_operand(fr, t, n))
            .any(|(x, _)| self.reads(fr, x, what, false))
    }

    /// Whether `test` holding means the value is one of an array of
    /// constants (`COLUMNS.includes(v)`).
    fn one_of_constants(&self, fr: &Frame, test: &Val, negated: bool, what: &str) -> bool {
        facts(test, negated)
            .into_iter()
            .filter_map(|(t, n)| self.allow_list_operand(fr, t, n))
            .any(|(x, constants)| constants && self.reads(fr, x, what, false))
    }

    /// The request paths that `test` (negated if `negated`) holding shows to
    /// be strings or numbers.
    fn guard_paths(&self, fr: &Frame, test: &Val, negated: bool, out: &mut Vec<String>) {
        for (t, n) in facts(test, negated) {
            let Some(x) = self.scalar_operand(fr, t, n) else {
                continue;
            };
            if let Some(Abs::Client(c)) = self.eval(fr, x) {
                if let Some(rel) = root_relative(&c.what) {
                    out.push(rel);
                }
            }
        }
    }

    /// The operand a fact shows to be a scalar: `typeof x === 'string'` (or
    /// number, boolean), `typeof x !== 'object'`, and a validator.js
    /// predicate (validator.js throws on anything but a string).
    fn scalar_operand<'v>(&self, fr: &Frame, test: &'v Val, negated: bool) -> Option<&'v Val> {
        match test {
            Val::Bin(b) if matches!(b.0, "===" | "==" | "!==" | "!=") => {
                let (x, tag) = match (&b.1, &b.2) {
                    (Val::TypeOf(x), Val::Str(s)) | (Val::Str(s), Val::TypeOf(x)) => (x, s),
                    _ => return None,
                };
                let equal = matches!(b.0, "===" | "==") != negated;
                let scalar = matches!(
                    &**tag,
                    "string" | "number" | "boolean" | "bigint" | "undefined"
                );
                ((equal && scalar) || (!equal && &**tag == "object")).then_some(&**x)
            }
            Val::Call(c) if !negated => {
                let arg = c.args.first()?;
                callee_name(self.project, fr.file, &c.callee)
                    .is_some_and(|n| {
                        n.strip_prefix("validator ")
                            .is_some_and(|m| m.starts_with("is"))
                    })
                    .then_some(arg)
            }
            _ => None,
        }
    }

    /// The operand a fact checks against an allow-list, and whether the
    /// list is of constants: `ALLOWED.includes(x)` on an array of constants
    /// (true), or a metacharacter-free `/^[…]+$/.test(x)` (false).
    fn allow_list_operand<'v>(
        &self,
        fr: &Frame,
        test: &'v Val,
        negated: bool,
    ) -> Option<(&'v Val, bool)> {
        let Val::Call(c) = test else { return None };
        if negated {
            return None;
        }
        let (recv, m) = c.callee.as_member()?;
        let arg = c.args.first()?;
        match (&**m, self.project.resolve(fr.file, recv)) {
            ("includes", (_, Val::Array(items))) => (!items.is_empty()
                && items.iter().all(|i| matches!(i, Val::Str(_) | Val::Num(_))))
            .then_some((arg, true)),
            ("test", (rf, Val::Regex(i))) => {
                let lit = self.project.file(rf).regexes.get(i as usize)?;
                allow_list_pattern(&lit.pattern).then_some((arg, false))
            }
            _ => None,
        }
    }

    /// The request paths middleware `func` checks to be strings on every
    /// path that calls its `next` (nothing if it never calls it).
    pub(crate) fn checked_before_next(&self, file: FileId, func: FnId) -> Vec<String> {
        let Some(root) = self.roots.get(file, func) else {
            return Vec::new();
        };
        let Some(next) = root.roles.iter().position(|r| *r == Role::Next) else {
            return Vec::new();
        };
        let model = self.project.file(file);
        let Some(f) = model.function(func) else {
            return Vec::new();
        };
        let next_val = Val::Param {
            func,
            index: next as u32,
        };
        let mut common: Option<Vec<String>> = None;
        for site in f.calls.iter().filter(|s| {
            s.call.args.is_empty() && self.project.resolve(file, &s.call.callee).1 == next_val
        }) {
            let fr = Frame::top(file, func, None);
            let mut here = Vec::new();
            let mut cur = site.cond;
            let mut n = 0;
            while let Some(id) = cur {
                n += 1;
                let Some(node) = model.cond(id) else { break };
                if n > 64 {
                    break;
                }
                self.guard_paths(&fr, &node.test, node.negated, &mut here);
                cur = node.parent;
            }
            common = Some(match common {
                None => here,
                Some(c) => c.into_iter().filter(|x| here.contains(x)).collect(),
            });
        }
        common.unwrap_or_default()
    }

    pub(crate) fn eval(&self, fr: &Frame, v: &Val) -> Option<Abs> {
        if fr.depth > MAX_DEPTH || !self.tick() {
            return None;
        }
        match v {
            Val::Binding(id) => self.binding(fr, *id),
            Val::Param { func, index } => self.param(fr, *func, *index),
            Val::Member(m) => {
                let (obj, prop) = (&m.0, &m.1);
                match self.eval(fr, obj) {
                    Some(Abs::Request(r)) => request_member(self, r, prop),
                    Some(Abs::Client(t)) => Some(Abs::Client(client_member(self, t, prop))),
                    None => self
                        .literal_member(fr, obj, prop)
                        .or_else(|| self.this_member(fr, obj, prop)),
                }
            }
            Val::Call(c) => self.call(fr, c),
            Val::Bin(b) => match b.0 {
                "+" => {
                    let parts = [self.eval_client(fr, &b.1), self.eval_client(fr, &b.2)];
                    least_escaped(parts.into_iter().flatten()).map(|t| Abs::Client(as_text(t)))
                }
                "||" | "??" => self.eval(fr, &b.1).or_else(|| self.eval(fr, &b.2)),
                "&&" => self.eval(fr, &b.2),
                _ => None,
            },
            // `typeof v === 'string' ? v : String(v)`: each branch under
            // the test's guard.
            Val::Cond(c) => {
                let branch = |v: &Val, negated: bool| match self.eval(fr, v)? {
                    Abs::Client(mut t) => {
                        if self.type_guard(fr, &c.0, negated, &t.what) {
                            t.labels &= !OBJECT;
                        }
                        // `COLUMNS.includes(v) ? v : 'name'`.
                        if self.one_of_constants(fr, &c.0, negated, &t.what) {
                            return None;
                        }
                        (t.labels != 0).then_some(Abs::Client(t))
                    }
                    r => Some(r),
                };
                branch(&c.1, false).or_else(|| branch(&c.2, true))
            }
            Val::Template(parts) => {
                least_escaped(parts.iter().filter_map(|p| self.eval_client(fr, p)))
                    .map(|t| Abs::Client(as_text(t)))
            }
            Val::Spread(x) => self.eval(fr, x),
            _ => None,
        }
    }

    /// `const o = { a: req.body.x }; o.a`.
    fn literal_member(&self, fr: &Frame, obj: &Val, prop: &Atom) -> Option<Abs> {
        let Val::Binding(id) = obj else { return None };
        let values = self.project.file(fr.file).binding_values(*id);
        values.iter().find_map(|v| match v {
            Val::Object(_) => v.prop(prop).and_then(|x| self.eval(fr, x)),
            _ => None,
        })
    }

    /// `this.filter` read in one method and assigned in another
    /// (`this.filter = { name: req.query.name }`): each value the class's
    /// methods assign to it, read in the method that assigns it (whose
    /// parameters are what its callers pass).
    fn this_member(&self, fr: &Frame, obj: &Val, prop: &Atom) -> Option<Abs> {
        let Val::This(class) = obj else { return None };
        let mut found: Option<Abs> = None;
        self.each_this_write(fr, *class, prop, 2, |here, w| {
            let a = match self.eval(here, &w.value) {
                Some(Abs::Client(t)) => {
                    let mut t = self.guarded(here, t);
                    if t.labels == 0 {
                        return;
                    }
                    t.steps.push(Step {
                        file: fr.file,
                        span: w.span,
                        message: format!("`this.{prop}` holds {}", t.what),
                    });
                    Abs::Client(t)
                }
                Some(r) => r,
                None => return,
            };
            prefer(&mut found, a);
        });
        found
    }

    /// Runs `f` on each value the methods of `class` assign to
    /// `this.<prop>`, with the frame of the method that assigns it; one not
    /// already being read (`tag` tells the readers' cycles apart).
    fn each_this_write(
        &self,
        fr: &Frame,
        class: u32,
        prop: &Atom,
        tag: u8,
        mut f: impl FnMut(&Frame, &super::ThisWrite),
    ) {
        let writes = self.this_writes(fr.file);
        let Some(list) = writes.get(&(class, prop.clone())) else {
            return;
        };
        for w in list {
            let key = (fr.file, w.func, w.span.start, tag);
            if !self.active.borrow_mut().insert(key) {
                continue;
            }
            f(&fr.beside(fr.file, w.func, w.cond), w);
            self.active.borrow_mut().remove(&key);
        }
    }

    /// Every value the variable is given, first client data wins. A value
    /// computed from the variable itself (`q = String(q)`, `t = t.trim()`)
    /// replaces the ones before it: those reach the rest of the code only
    /// through it (definitions are in source order; a use between two of
    /// them is not told apart).
    fn binding(&self, fr: &Frame, id: u32) -> Option<Abs> {
        let key = (fr.file, fr.func, id, 0);
        let model = self.project.file(fr.file);
        let all = model.binding_values(id);
        let values = if !self.active.borrow_mut().insert(key) {
            // Re-entered from its own redefinition: the values before it.
            let redefining = self.self_defs.borrow().get(&(fr.file, id)).copied();
            match redefining {
                Some(k) => {
                    self.self_defs.borrow_mut().remove(&(fr.file, id));
                    let r = self.first_client(fr, &all[..k]);
                    self.self_defs.borrow_mut().insert((fr.file, id), k);
                    return r;
                }
                None => return None,
            }
        } else {
            match all.iter().rposition(|v| mentions(v, id)) {
                Some(k) if k > 0 => {
                    self.self_defs.borrow_mut().insert((fr.file, id), k);
                    &all[k..]
                }
                _ => all,
            }
        };
        let found = self.first_client(fr, values);
        self.self_defs.borrow_mut().remove(&(fr.file, id));
        self.active.borrow_mut().remove(&key);
        let b = model.bindings.get(id as usize)?;
        match found? {
            Abs::Client(mut t) => {
                // A parameter's variable: the step that enters the function
                // already names it.
                let param = matches!(b.value, Val::Param { .. });
                if !param && t.steps.last().is_none_or(|s| s.span != b.span) {
                    t.steps.push(Step {
                        file: fr.file,
                        span: b.span,
                        message: format!("`{}` holds {}", b.name, t.what),
                    });
                }
                Some(Abs::Client(t))
            }
            r => Some(r),
        }
    }

    /// The first value that is client data (one that can be an object
    /// preferred), or a request object.
    fn first_client(&self, fr: &Frame, values: &[Val]) -> Option<Abs> {
        let mut found = None;
        for v in values {
            if let Some(a) = self.eval(fr, v) {
                prefer(&mut found, a);
            }
        }
        found
    }

    fn param(&self, fr: &Frame, func: FnId, index: u32) -> Option<Abs> {
        // Entered from a call: the argument the caller passed.
        if fr.func == func {
            if let Some((caller, call)) = fr.call {
                let arg = call.args.get(index as usize)?;
                let a = self.eval(caller, arg)?;
                return Some(self.entering(a, fr.file, func, index));
            }
        }
        // A callback of a built-in call (`ids.forEach((id) => …)`).
        if let Some(a) = self.fed_param(fr, func, index) {
            return Some(a);
        }
        if let Some(root) = self.roots.get(fr.file, func) {
            return self.root_param(
                fr.file,
                func,
                index,
                root.roles.get(index as usize)?,
                &root.shape,
            );
        }
        // What the callers pass does not depend on how the engine got here:
        // computed once per parameter (a parser calling its helpers from
        // hundreds of places would otherwise be walked again each time).
        if let Some(done) = self.param_cache.borrow().get(&(fr.file, func, index)) {
            return done.clone();
        }
        let key = (fr.file, func, index, 1);
        if !self.active.borrow_mut().insert(key) {
            return None;
        }
        let found = self.passed_by_callers(fr, func, index);
        self.active.borrow_mut().remove(&key);
        self.param_cache
            .borrow_mut()
            .insert((fr.file, func, index), found.clone());
        found
    }

    fn passed_by_callers(&self, fr: &Frame, func: FnId, index: u32) -> Option<Abs> {
        let callers = self.callers(fr.file, func);
        let mut found = None;
        for c in &callers {
            let Some(arg) = c.call.args.get(index as usize) else {
                continue;
            };
            let up = fr.beside(c.file, c.func, c.cond);
            if let Some(a) = self.eval(&up, arg) {
                let a = match a {
                    Abs::Client(t) => Abs::Client(self.guarded(&up, t)),
                    r => r,
                };
                if matches!(&a, Abs::Client(t) if t.labels != 0) || matches!(a, Abs::Request(_)) {
                    found = Some(self.entering(a, fr.file, func, index));
                    break;
                }
            }
        }
        if found.is_some() || !callers.is_empty() {
            return found;
        }
        self.named_root(fr.file, func, index)
    }

    /// A value passed into parameter `index` of `func`.
    fn entering(&self, a: Abs, file: FileId, func: FnId, index: u32) -> Abs {
        match a {
            Abs::Client(mut t) => {
                let f = self.project.file(file).function(func);
                let name = param_name(self.project.file(file), func, index)
                    .map_or_else(|| format!("parameter {}", index + 1), |n| format!("`{n}`"));
                if let Some(f) = f {
                    t.steps.push(Step {
                        file,
                        span: f.span,
                        message: format!(
                            "{} enters {} as {name}",
                            t.what,
                            f.name
                                .as_deref()
                                .map_or("a function".to_string(), |n| format!("`{n}`"))
                        ),
                    });
                }
                Abs::Client(t)
            }
            r => r,
        }
    }

    fn root_param(
        &self,
        file: FileId,
        func: FnId,
        index: u32,
        role: &Role,
        shape: &Shape,
    ) -> Option<Abs> {
        let model = self.project.file(file);
        let f = model.function(func)?;
        let name = param_name(model, func, index);
        let source = |what: String| Step {
            file,
            span: f.span,
            message: format!("{what} comes from the request, in this handler"),
        };
        match role {
            Role::Request | Role::Context => {
                let kind = if *role == Role::Request {
                    ReqKind::Request
                } else {
                    ReqKind::Context
                };
                let name = name.unwrap_or_else(|| {
                    if kind == ReqKind::Context {
                        "ctx".into()
                    } else {
                        "req".into()
                    }
                });
                Some(Abs::Request(Req {
                    kind,
                    shape: shape.clone(),
                    steps: vec![source(format!("`{name}`"))],
                    name,
                    checked: self.middleware_checked(file, func),
                }))
            }
            Role::Part { part, key } => {
                let mut labels = match &**part {
                    "file" => UPLOAD,
                    "files" => UPLOADS,
                    "body" | "query" | "socket" => OBJECT | TEXT,
                    _ => TEXT,
                };
                // `@Body() dto: LoginDto` behind a ValidationPipe (global, or
                // `@Body(new ValidationPipe())`): the DTO's decorators decide.
                let info = model
                    .fn_meta(func)
                    .and_then(|m| m.params.get(index as usize));
                let pipe_here = info.is_some_and(|p| {
                    p.decorators.iter().any(|d| match d {
                        Val::Call(c) => c
                            .args
                            .iter()
                            .any(|a| super::data::is_validation_pipe(self.project, file, a)),
                        _ => false,
                    })
                });
                let dto = info.and_then(|p| p.type_name.as_deref()).is_some_and(|t| {
                    !matches!(t, "any" | "object" | "Object" | "Record" | "unknown")
                });
                if (shape.validated || pipe_here) && dto {
                    labels &= !OBJECT;
                }
                let what = match key {
                    Some(k) => format!("{part}.{k}"),
                    None => part.to_string(),
                };
                if &**part == "socket" {
                    let what = name.unwrap_or_else(|| "payload".into());
                    let step = Step {
                        file,
                        span: f.span,
                        message: format!(
                            "{what} is what the client sends with the socket.io event `{}`",
                            key.as_deref().unwrap_or("…")
                        ),
                    };
                    return Some(Abs::Client(Taint {
                        labels,
                        steps: vec![step],
                        what,
                        by_name: false,
                        escaped: 0,
                        schema: None,
                        checked: self.middleware_checked(file, func),
                        size: Some(shape.body.clone()),
                    }));
                }
                // `@Query('category') category`, `@Body() dto`; an Express
                // `router.param` handler's value is `req.params.<name>`.
                let what = if matches!(shape.framework, Framework::Nest { .. }) {
                    let arg = key.as_deref().map_or(String::new(), |k| format!("'{k}'"));
                    format!("@{}({arg}) {}", decorator(part), name.unwrap_or(what))
                } else {
                    format!("req.{what}")
                };
                let size = match &**part {
                    "body" => Some(shape.body.clone()),
                    "file" | "files" => None,
                    _ => Some(shape.head.clone()),
                };
                Some(Abs::Client(Taint {
                    labels,
                    steps: vec![source(what.clone())],
                    what,
                    by_name: false,
                    escaped: 0,
                    schema: None,
                    checked: self.middleware_checked(file, func),
                    size,
                }))
            }
            _ => None,
        }
    }

    /// A function no route registers and nothing calls, whose parameter is
    /// named like a request (`req`, `request`, `ctx`).
    fn named_root(&self, file: FileId, func: FnId, index: u32) -> Option<Abs> {
        if func == MODULE_FN {
            return None;
        }
        let model = self.project.file(file);
        let name = param_name(model, func, index)?;
        let kind = match &*name {
            "req" | "request" => ReqKind::Request,
            "ctx" => ReqKind::Context,
            _ => return None,
        };
        let f = model.function(func)?;
        let express4 = self
            .project
            .dependency_major(file, "express")
            .is_some_and(|m| m < 5);
        Some(Abs::Request(Req {
            kind,
            shape: Shape {
                framework: if kind == ReqKind::Context {
                    Framework::Koa
                } else {
                    Framework::Express
                },
                query_object: express4,
                sanitized: false,
                schema: None,
                by_name: true,
                validated: false,
                head: self.roots.head.clone(),
                body: super::limits::framework_body_limit(if kind == ReqKind::Context {
                    Framework::Koa
                } else {
                    Framework::Express
                }),
            },
            steps: vec![Step {
                file,
                span: f.span,
                message: format!(
                    "`{name}` is taken to be the request (no route registers this function)"
                ),
            }],
            name,
            checked: std::sync::Arc::from(Vec::new()),
        }))
    }

    fn call(&self, fr: &Frame, c: &CallVal) -> Option<Abs> {
        // Methods of the request and of client strings.
        if let Some((recv, m)) = c.callee.as_member() {
            match self.eval(fr, recv) {
                Some(Abs::Request(r)) => return request_method(r, m, c),
                Some(Abs::Client(mut t)) => {
                    if let Some(a) = self.array_method(fr, c, t.clone(), m) {
                        return a;
                    }
                    // `s.slice(0, 100)` bounds the length; `s.slice(1)` does not.
                    if matches!(&**m, "slice" | "substring" | "substr") && c.args.len() >= 2 {
                        t.escaped |= super::BOUNDED;
                    }
                    // A replace usually rewrites the very runs a later regex
                    // would backtrack on (slugify chains): not ReDoS input any
                    // more, still client text for SQL and patterns.
                    if matches!(&**m, "replace" | "replaceAll") {
                        t.escaped |= super::BOUNDED;
                        // `s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')`: a
                        // global replace whose class holds every metacharacter.
                        if self.escapes_metacharacters(fr, c.args.first()) {
                            t.escaped |= super::REGEX;
                        }
                    }
                    return flow_data()
                        .string
                        .methods
                        .iter()
                        .any(|x| x == &**m)
                        .then(|| Abs::Client(as_text(t)))
                        .filter(|a| matches!(a, Abs::Client(t) if t.labels != 0));
                }
                None => {}
            }
        }
        let (cf, callee) = self.project.resolve(fr.file, &c.callee);
        if let Val::Func(id) = callee {
            return self.returns(fr, c, cf, id);
        }
        if let Some(bit) = self.escapes(fr, c) {
            let mut t = self.eval_client(fr, c.args.first()?)?;
            t.labels &= TEXT;
            t.escaped |= bit;
            return (t.labels != 0).then_some(Abs::Client(t));
        }
        let name = callee_name(self.project, fr.file, &c.callee)?;
        let data = flow_data();
        if let Some(conv) = data.convert.iter().find(|k| {
            k.globals
                .iter()
                .any(|g| name.strip_prefix("global ") == Some(g.as_str()))
        }) {
            let t = self.eval_client(fr, c.args.first()?)?;
            return conv.keep_text.then(|| Abs::Client(as_text(t)));
        }
        if listed(&data.sanitize, &name) {
            return None;
        }
        if listed(&data.parse, &name) {
            let mut t = self.eval_client(fr, c.args.first()?)?;
            t.labels = OBJECT | TEXT;
            return Some(Abs::Client(t));
        }
        if listed(&data.merge, &name) {
            let mut best: Option<Taint> = None;
            for a in &c.args {
                if let Some(t) = self.eval_client(fr, a) {
                    if best.as_ref().is_none_or(|b| t.labels > b.labels) {
                        best = Some(t);
                    }
                }
            }
            return best.map(Abs::Client);
        }
        None
    }

    /// An array method on client data: `xs.find(…)` gives an element,
    /// `xs.filter(…)` the same elements, `xs.map(f)` what `f` returns for
    /// them (its parameter is fed by the call, see `callbacks`), `xs.join()`
    /// text. `None`: not one of these (a string method decides).
    fn array_method(&self, fr: &Frame, c: &CallVal, t: Taint, m: &Atom) -> Option<Option<Abs>> {
        let keep = |t: Taint| (t.labels != 0).then_some(Abs::Client(t));
        match &**m {
            "find" | "findLast" => {
                Some(keep(client_member(self, t, &crate::model::ELEMENT.into())))
            }
            "filter" | "sort" | "reverse" | "toSorted" | "toReversed" | "flat" => Some(keep(t)),
            // Text in, text out: pieces of the string, or elements joined.
            "join" | "split" => Some(keep(as_text(t))),
            "map" | "flatMap" => {
                let (cf, cb) = self.project.resolve(fr.file, c.args.first()?);
                let Val::Func(id) = cb else { return Some(None) };
                if cf != fr.file {
                    return Some(None);
                }
                let f = self.project.file(cf).function(id)?;
                let inner = fr.beside(cf, id, None);
                let hit = f.returns.iter().find_map(|r| match self.eval(&inner, r) {
                    Some(Abs::Client(t)) if t.labels != 0 => Some(t),
                    _ => None,
                });
                Some(hit.map(|mut t| {
                    t.steps.push(Step {
                        file: fr.file,
                        span: c.span,
                        message: format!("returned by the callback of `.{m}(…)`"),
                    });
                    Abs::Client(t)
                }))
            }
            _ => None,
        }
    }

    /// Whether `v` is a global regex literal whose character class holds
    /// every regex metacharacter (a hand-written escape).
    fn escapes_metacharacters(&self, fr: &Frame, v: Option<&Val>) -> bool {
        let Some(v) = v else { return false };
        let (f, v) = self.project.resolve(fr.file, v);
        let Val::Regex(i) = v else { return false };
        let Some(lit) = self.project.file(f).regexes.get(i as usize) else {
            return false;
        };
        lit.flags.contains('g')
            && lit.pattern.starts_with('[')
            && [
                '.', '*', '+', '?', '^', '$', '{', '}', '(', ')', '|', '[', ']', '\\',
            ]
            .iter()
            .all(|c| lit.pattern.contains(*c))
    }

    /// The concern a call escapes its argument's text for, if it is an
    /// escaping function (`mysql.escape(x)`, `connection.escape(x)`,
    /// `escapeStringRegexp(x)`).
    fn escapes(&self, fr: &Frame, c: &CallVal) -> Option<u8> {
        let data = flow_data();
        let name = callee_name(self.project, fr.file, &c.callee);
        let method = c.callee.as_member();
        for e in &data.escape {
            if name.as_ref().is_some_and(|n| e.apis.contains(n)) {
                return Some(super::data::concern_bit(&e.concern));
            }
            if let Some((recv, m)) = method {
                if e.methods.iter().any(|x| x == &**m)
                    && crate::api::api_path(self.project, fr.file, recv)
                        .is_some_and(|p| e.packages.contains(&p.package))
                {
                    return Some(super::data::concern_bit(&e.concern));
                }
            }
        }
        None
    }

    /// What a project function returns, with this call's arguments bound.
    fn returns(&self, fr: &Frame, c: &CallVal, file: FileId, func: FnId) -> Option<Abs> {
        let f = self.project.file(file).function(func)?;
        let inner = Frame {
            file,
            func,
            cond: None,
            call: Some((fr, c)),
            depth: fr.depth + 1,
        };
        // One return: it runs under the body's tail condition
        // (`if (typeof v !== 'string') throw …; return v;`).
        let tail = if f.returns.len() == 1 {
            f.tail_cond
        } else {
            None
        };
        for r in &f.returns {
            if let Some(Abs::Client(t)) = self.eval(&inner, r) {
                let at_return = Frame {
                    file,
                    func,
                    cond: tail,
                    call: Some((fr, c)),
                    depth: fr.depth + 1,
                };
                let mut t = self.guarded(&at_return, t);
                if t.labels == 0 {
                    continue;
                }
                t.steps.push(returned_step(fr, c, f));
                return Some(Abs::Client(t));
            }
        }
        None
    }

    pub(crate) fn query_parts(
        &self,
        fr: &Frame,
        v: &Val,
        prefix: &str,
        out: &mut Vec<QueryHit>,
        nesting: u32,
    ) {
        if nesting > MAX_NESTING {
            return;
        }
        match self.literal(fr, v) {
            Some(Literal::Object(props)) => {
                for (k, val) in props.iter() {
                    let key = &**k;
                    // `filter[key] = req.body[key]`: the client names the
                    // fields as well as their values, as with a spread.
                    if key == "..." || key == crate::model::ENTRY_VALUE {
                        if let Some(t) =
                            self.eval_client(fr, val).filter(|t| t.labels & OBJECT != 0)
                        {
                            out.push(QueryHit {
                                part: QueryPart::Whole,
                                taint: t,
                            });
                        }
                    } else if key == "$where" || key == "$function" || key == "$accumulator" {
                        if let Some(t) = self.eval_client(fr, val) {
                            out.push(QueryHit {
                                part: QueryPart::Where,
                                taint: t,
                            });
                        }
                    } else if matches!(key, "$and" | "$or" | "$nor") {
                        if let Some(Literal::Array(items)) = self.literal(fr, val) {
                            for item in items.iter() {
                                self.query_parts(fr, item, prefix, out, nesting + 1);
                            }
                        }
                    } else if key == "$regex" {
                        // Client text as a server-side pattern (regex-injection).
                        if let Some(t) = self.eval_client(fr, val).filter(|t| t.labels & TEXT != 0)
                        {
                            out.push(QueryHit {
                                part: QueryPart::Regex(prefix.to_string()),
                                taint: t,
                            });
                        }
                    } else if key.starts_with('$') {
                        // An operator the code wrote (`$eq`, `$in`, `$gt`):
                        // the client's value is its operand, not query syntax.
                    } else {
                        let path = if prefix.is_empty() {
                            key.to_string()
                        } else {
                            format!("{prefix}.{key}")
                        };
                        match self.literal(fr, val) {
                            Some(Literal::Object(..)) => {
                                self.query_parts(fr, val, &path, out, nesting + 1)
                            }
                            _ => {
                                if let Some(t) =
                                    self.eval_client(fr, val).filter(|t| t.labels & OBJECT != 0)
                                {
                                    out.push(QueryHit {
                                        part: QueryPart::Field(path),
                                        taint: t,
                                    });
                                }
                            }
                        }
                    }
                }
            }
            Some(Literal::Array(items)) => {
                // An aggregation pipeline: each stage's `$match`.
                for item in items.iter() {
                    if let Some(Literal::Object(stage)) = self.literal(fr, item) {
                        if let Some(m) = stage
                            .iter()
                            .find(|(k, _)| &**k == "$match")
                            .map(|(_, v)| v.clone())
                        {
                            self.query_parts(fr, &m, prefix, out, nesting + 1);
                        }
                    } else if let Some(t) = self
                        .eval_client(fr, item)
                        .filter(|t| t.labels & OBJECT != 0)
                    {
                        out.push(QueryHit {
                            part: QueryPart::Whole,
                            taint: t,
                        });
                    }
                }
            }
            None => {
                // A filter a method keeps on the instance: `this.filter = {…}`
                // in one method, `find(this.filter)` in another.
                if let Some((Val::This(class), prop)) = v.as_member() {
                    self.this_query_parts(fr, *class, prop, prefix, out, nesting);
                    return;
                }
                // A filter a project function builds: `find(filterFor(req))`.
                if let Some(c) = self.call_through_binding(fr, v) {
                    if let (cf, Val::Func(id)) = self.project.resolve(fr.file, &c.callee) {
                        let Some(f) = self.project.file(cf).function(id) else {
                            return;
                        };
                        let inner = Frame {
                            file: cf,
                            func: id,
                            cond: None,
                            call: Some((fr, &c)),
                            depth: fr.depth + 1,
                        };
                        let before = out.len();
                        for r in &f.returns {
                            self.query_parts(&inner, r, prefix, out, nesting + 1);
                        }
                        let name = f.name.as_deref().unwrap_or("the function").to_string();
                        for hit in &mut out[before..] {
                            hit.taint.steps.push(Step {
                                file: fr.file,
                                span: c.span,
                                message: format!("the query object is built by `{name}`"),
                            });
                        }
                        return;
                    }
                }
                if let Some(t) = self.eval_client(fr, v).filter(|t| t.labels & OBJECT != 0) {
                    out.push(QueryHit {
                        part: QueryPart::Whole,
                        taint: t,
                    });
                }
            }
        }
    }

    /// The query parts of each object the class's methods assign to
    /// `this.<prop>`, read in the assigning method's frame.
    fn this_query_parts(
        &self,
        fr: &Frame,
        class: u32,
        prop: &Atom,
        prefix: &str,
        out: &mut Vec<QueryHit>,
        nesting: u32,
    ) {
        self.each_this_write(fr, class, prop, 3, |here, w| {
            let before = out.len();
            self.query_parts(here, &w.value, prefix, out, nesting + 1);
            for hit in &mut out[before..] {
                hit.taint.steps.push(Step {
                    file: fr.file,
                    span: w.span,
                    message: format!("the query object is kept in `this.{prop}`"),
                });
            }
        });
    }

    /// The call a value is, through one-value variables.
    fn call_through_binding(&self, fr: &Frame, v: &Val) -> Option<std::sync::Arc<CallVal>> {
        let mut cur = v;
        for _ in 0..8 {
            match cur {
                Val::Call(c) => return Some(c.clone()),
                Val::Binding(id) => match self.project.file(fr.file).binding_values(*id) {
                    [one] => cur = one,
                    _ => return None,
                },
                _ => return None,
            }
        }
        None
    }

    /// The object or array literal a value is, through one-value variables
    /// (in the same frame).
    fn literal(&self, fr: &Frame, v: &Val) -> Option<Literal> {
        let mut cur = v.clone();
        let mut var = None;
        for _ in 0..8 {
            match cur {
                Val::Object(props) => {
                    let mut props = props.to_vec();
                    // `filter.owner = req.body.owner` after `const filter = {}`.
                    if let Some(id) = var {
                        props.extend(self.member_writes(fr.file, id));
                    }
                    return Some(Literal::Object(props));
                }
                Val::Array(items) => return Some(Literal::Array(items.to_vec())),
                Val::Binding(id) => {
                    let values = self.project.file(fr.file).binding_values(id);
                    match values {
                        [one] => {
                            var = Some(id);
                            cur = one.clone();
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        None
    }

    /// The properties the file's code writes on variable `id`
    /// (`filter.owner = …`), as (name, value).
    fn member_writes(&self, file: FileId, id: u32) -> Vec<(Atom, Val)> {
        let mut out = Vec::new();
        for f in &self.project.file(file).functions {
            for e in &f.effects {
                if let crate::model::Effect::Assign { target, value, .. } = &e.effect {
                    if let Some((Val::Binding(b), k)) = target.as_member() {
                        if *b == id {
                            out.push((k.clone(), value.clone()));
                        }
                    }
                }
            }
        }
        out
    }
}

/// An object or array literal a value is.
enum Literal {
    Object(Vec<(Atom, Val)>),
    Array(Vec<Val>),
}

/// The atomic tests that hold when `test` does (or fails, if `negated`):
/// `!a` flips, `a && b` holding (or `a || b` failing) gives both sides;
/// every other test is a fact of its own.
fn facts(test: &Val, negated: bool) -> Vec<(&Val, bool)> {
    let mut out = Vec::new();
    let mut work = vec![(test, negated)];
    while let Some((t, n)) = work.pop() {
        match t {
            Val::Not(x) => work.push((x, !n)),
            Val::Bin(b) if (b.0 == "&&" && !n) || (b.0 == "||" && n) => {
                work.push((&b.2, n));
                work.push((&b.1, n));
            }
            _ => out.push((t, n)),
        }
        if out.len() > 64 {
            break;
        }
    }
    out
}

/// `^[…]+$` (or `*`, `{n,m}`) whose class holds no character with a
/// meaning in a pattern: a string it accepts is safe as regex text.
fn allow_list_pattern(p: &str) -> bool {
    let Some(body) = p.strip_prefix("^[").and_then(|b| b.strip_suffix('$')) else {
        return false;
    };
    let Some(close) = body.find(']') else {
        return false;
    };
    let (class, quant) = (&body[..close], &body[close + 1..]);
    let quant_ok = matches!(quant, "+" | "*" | "?")
        || (quant.starts_with('{')
            && quant.ends_with('}')
            && quant[1..quant.len() - 1]
                .chars()
                .all(|c| c.is_ascii_digit() || c == ','));
    if !quant_ok || class.starts_with('^') {
        return false;
    }
    let mut chars = class.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w' | 'd' | '-' | '_') => {}
                _ => return false,
            },
            '.' | '*' | '+' | '?' | '^' | '$' | '{' | '}' | '(' | ')' | '|' | '[' => return false,
            _ => {}
        }
    }
    true
}

/// Whether `v` reads variable `id` (shallowly: calls, members, operations).
fn mentions(v: &Val, id: u32) -> bool {
    match v {
        Val::Binding(b) => *b == id,
        Val::Member(m) => mentions(&m.0, id),
        Val::Call(c) => mentions(&c.callee, id) || c.args.iter().any(|a| mentions(a, id)),
        Val::Bin(b) => mentions(&b.1, id) || mentions(&b.2, id),
        Val::Cond(c) => mentions(&c.1, id) || mentions(&c.2, id),
        Val::Template(parts) => parts.iter().any(|p| mentions(p, id)),
        Val::Not(x) | Val::TypeOf(x) | Val::Spread(x) => mentions(x, id),
        _ => false,
    }
}

/// `body.email` for `req.body.email` (what a middleware and a handler
/// that name their request differently agree on).
/// The request path of a value read as `what`, dotted as the middleware's
/// checks name it: `body.first-name` for `req.body['first-name']`.
fn root_relative(what: &str) -> Option<String> {
    let (_, rest) = what.split_once('.')?;
    let mut out = String::with_capacity(rest.len());
    let mut cur = rest;
    while let Some(i) = cur.find("['") {
        let Some(end) = cur[i + 2..].find("']") else {
            break;
        };
        out.push_str(&cur[..i]);
        out.push('.');
        out.push_str(&cur[i + 2..i + 2 + end]);
        cur = &cur[i + 2 + end + 2..];
    }
    out.push_str(cur);
    Some(out)
}

/// How a member is written after the object: `.name`, `[0]`, or
/// `['content-type']` for a key that is not an identifier.
pub fn member_suffix(prop: &str) -> String {
    let ident = !prop.is_empty()
        && !prop.starts_with(|c: char| c.is_ascii_digit())
        && prop
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if ident {
        format!(".{prop}")
    } else if prop.bytes().all(|b| b.is_ascii_digit()) && !prop.is_empty() {
        format!("[{prop}]")
    } else {
        format!("['{}']", prop.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

/// Of the client values text is built from, the one escaped for the
/// fewest languages (an unescaped part makes the whole unsafe).
fn least_escaped(parts: impl Iterator<Item = Taint>) -> Option<Taint> {
    parts
        .filter(|t| t.labels != 0)
        .min_by_key(|t| t.escaped.count_ones())
}

/// Keeps the first value found, unless a later one is client data that
/// can be an object and the kept one cannot.
fn prefer(found: &mut Option<Abs>, a: Abs) {
    let better = match (&*found, &a) {
        (None, _) => true,
        (Some(Abs::Client(old)), Abs::Client(new)) => {
            new.labels & OBJECT != 0 && old.labels & OBJECT == 0
        }
        _ => false,
    };
    if better {
        *found = Some(a);
    }
}

fn as_text(mut t: Taint) -> Taint {
    t.labels &= TEXT;
    t
}

fn decorator(part: &str) -> &'static str {
    match part {
        "body" => "Body",
        "query" => "Query",
        "params" => "Param",
        "headers" => "Headers",
        "file" => "UploadedFile",
        "files" => "UploadedFiles",
        "session" => "Session",
        _ => "Ip",
    }
}

/// A member of a client value: the client controls it as deeply; a
/// Fastify schema that types the property as a scalar ends `OBJECT`.
pub(crate) fn client_member(flow: &Flow, mut t: Taint, prop: &Atom) -> Taint {
    let old = std::mem::take(&mut t.what);
    // `for (const k in body)`, `Object.entries(body)`: a key is a string,
    // a value whatever the client sent.
    if &**prop == crate::model::ENTRY_KEY {
        t.what = format!("Object.keys({old})[i]");
        t.labels &= TEXT;
        t.schema = None;
        return t;
    }
    if &**prop == crate::model::ENTRY_VALUE {
        t.what = format!("{old}[k]");
        t.schema = None;
        return t;
    }
    let element = &**prop == crate::model::ELEMENT;
    t.what = if element {
        format!("{old}[i]")
    } else {
        format!("{old}{}", member_suffix(prop))
    };
    // Read straight off the source: the source step names the member (not
    // an element, which the step that takes it names).
    if let ([source], false) = (t.steps.as_mut_slice(), element) {
        if let Some(rest) = source.message.strip_prefix(old.as_str()) {
            source.message = format!("{}{rest}", t.what);
        }
    }
    if t.labels & (UPLOAD | UPLOADS) != 0 {
        return upload_member(flow, t, prop, element);
    }
    t.schema = t
        .schema
        .take()
        .and_then(|s| super::json_schema::member(flow.project, &s, prop));
    if t.checked
        .iter()
        .any(|c| Some(c.as_str()) == root_relative(&t.what).as_deref())
    {
        t.labels &= !OBJECT;
    }
    if let Some(schema) = t.schema.clone() {
        accepted_by(flow, &mut t, &schema, "the route's schema");
    }
    t
}

/// What a JSON schema that accepted the value says of it: a scalar type
/// ends `object`, a `maxLength` bounds its length.
fn accepted_by(flow: &Flow, t: &mut Taint, schema: &super::json_schema::Schema, whose: &str) {
    if super::json_schema::is_scalar(flow.project, schema) {
        t.labels &= !OBJECT;
    }
    if let Some(n) = super::json_schema::max_length(flow.project, schema) {
        if t.size.as_ref().is_none_or(|l| n < l.bytes) {
            t.size = Some(super::limits::Limit::new(
                n,
                format!("`maxLength: {n}` of {whose}"),
            ));
        }
    }
}

/// A member of an uploaded file or of a list of them: `req.files[0]` and
/// `req.files.avatar` (multer's `fields()`) hold files, a file's name,
/// type and content are client text, its other fields the server's.
fn upload_member(flow: &Flow, mut t: Taint, prop: &Atom, element: bool) -> Taint {
    let index = element || prop.bytes().all(|b| b.is_ascii_digit());
    let list = t.labels & UPLOADS != 0;
    let file = t.labels & UPLOAD != 0;
    if list && index {
        t.labels = UPLOAD;
        return t;
    }
    if file {
        if let Some(size) = super::limits::upload_field(flow.project, prop) {
            t.labels = TEXT;
            t.size = size;
            return t;
        }
    }
    // `files.avatar`: a file (koa-body), or a list of them (multer's
    // `fields()`, or koa-body when several are sent): either, until read.
    t.labels = if list && &**prop != "length" {
        UPLOAD | UPLOADS
    } else {
        0
    };
    t
}

/// The JSON schema Fastify validates a request part against
/// (`schema.body`), resolved.
fn part_schema(flow: &Flow, shape: &Shape, part: &str) -> Option<(FileId, Val)> {
    let (f, schema) = shape.schema.as_ref()?;
    let key = if part == "query" { "querystring" } else { part };
    let v = schema.prop(key)?;
    Some(flow.project.resolve(*f, v))
}

fn request_member(flow: &Flow, r: Req, prop: &Atom) -> Option<Abs> {
    let p = &**prop;
    let fw = r.shape.framework;
    let labels = match (r.kind, p) {
        (ReqKind::Context, "request") => {
            return Some(Abs::Request(Req {
                kind: ReqKind::KoaRequest,
                name: format!("{}.request", r.name),
                ..r
            }))
        }
        (ReqKind::Context | ReqKind::KoaRequest, "body") if r.kind == ReqKind::KoaRequest => {
            OBJECT | TEXT
        }
        // koa-body's uploads (formidable's files), by field name.
        (ReqKind::Context | ReqKind::KoaRequest, "files") => UPLOADS,
        (
            ReqKind::Context | ReqKind::KoaRequest,
            "query" | "params" | "headers" | "header" | "url" | "path" | "querystring" | "href"
            | "origin" | "host",
        ) => TEXT,
        (ReqKind::Context | ReqKind::KoaRequest, _) => return None,
        (ReqKind::Request, "body") => OBJECT | TEXT,
        (ReqKind::Request, "file") => UPLOAD,
        (ReqKind::Request, "files") => UPLOADS,
        (ReqKind::Request, "cookies" | "signedCookies") if !matches!(fw, Framework::Fastify) => {
            OBJECT | TEXT
        }
        (ReqKind::Request, "query") => {
            if r.shape.query_object {
                OBJECT | TEXT
            } else {
                TEXT
            }
        }
        (
            ReqKind::Request,
            "params" | "headers" | "url" | "originalUrl" | "path" | "hostname" | "ip" | "cookies",
        ) => TEXT,
        (ReqKind::Request, _) => return None,
    };
    let mut labels = if r.shape.sanitized {
        labels & !OBJECT
    } else {
        labels
    };
    let schema = part_schema(flow, &r.shape, p);
    // A schema that types the whole part as a scalar (rare) ends it too.
    if let Some((_, Val::Object(_))) = &schema {
        if let Some(Val::Str(kind)) = schema.as_ref().and_then(|(_, s)| s.prop("type")) {
            if !matches!(&**kind, "object" | "array") {
                labels &= !OBJECT;
            }
        }
    }
    let what = format!("{}.{p}", r.name);
    if r.checked.iter().any(|c| c == p) {
        labels &= !OBJECT;
    }
    let mut steps = r.steps;
    if let Some(s) = steps.first_mut() {
        s.message = format!("{what} comes from the request, in this handler");
        if r.shape.by_name {
            s.message = format!("{what} is read from `{}`, taken to be the request (no route registers this function)", r.name);
        }
    }
    // An upload's fields have their own bounds (`upload_member`).
    let size = match p {
        "body" => Some(r.shape.body.clone()),
        "file" | "files" => None,
        _ => Some(r.shape.head.clone()),
    };
    Some(Abs::Client(Taint {
        labels,
        what,
        steps,
        by_name: r.shape.by_name,
        escaped: 0,
        schema,
        checked: r.checked,
        size,
    }))
}

/// `req.get('x')`, `req.header('x')`, `req.param('x')`, `ctx.get('x')`.
fn request_method(r: Req, m: &Atom, c: &CallVal) -> Option<Abs> {
    let labels = match (r.kind, &**m) {
        (ReqKind::Request, "param") => OBJECT | TEXT,
        (_, "get" | "header") => TEXT,
        _ => return None,
    };
    let arg = c.args.first().and_then(Val::as_str).unwrap_or("…");
    let what = format!("{}.{m}('{arg}')", r.name);
    let mut steps = r.steps;
    if let Some(s) = steps.first_mut() {
        s.message = format!("{what} comes from the request, in this handler");
    }
    // `req.param('x')` may read the body too.
    let size = if &**m == "param" {
        Some(r.shape.body.clone())
    } else {
        Some(r.shape.head.clone())
    };
    Some(Abs::Client(Taint {
        labels,
        what,
        steps,
        by_name: r.shape.by_name,
        escaped: 0,
        schema: None,
        checked: r.checked,
        size,
    }))
}

/// The step of a value a project function returns to the call `c`.
pub(crate) fn returned_step(fr: &Frame, c: &CallVal, f: &crate::model::Function) -> Step {
    Step {
        file: fr.file,
        span: c.span,
        message: format!(
            "returned by `{}`",
            f.name.as_deref().unwrap_or("the function")
        ),
    }
}

/// The name of parameter `index` of `func`, from the variable it declares.
pub fn param_name(model: &crate::model::FileModel, func: FnId, index: u32) -> Option<String> {
    if let Some(p) = model
        .fn_meta(func)
        .and_then(|m| m.params.get(index as usize))
    {
        if let Some(n) = &p.name {
            return Some(n.to_string());
        }
    }
    model
        .bindings
        .iter()
        .find(|b| b.value == Val::Param { func, index })
        .map(|b| b.name.to_string())
}
