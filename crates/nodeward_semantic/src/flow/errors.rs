//! Following a value backwards to an error object (`chatty-error`): the
//! parameter of a `catch`, of an Express error handler, of a `.catch(…)`
//! callback, of a Node-style callback (`(err, rows) => …`), of Fastify's
//! `setErrorHandler`, of a NestJS exception filter's `catch`, of an
//! `'error'` listener — and what is derived from it: its detail members
//! (`err.message`, `err.stack`, a driver error's `sqlMessage`), its text
//! (`String(err)`, a template), or the object itself, through variables,
//! object literals, project functions (their returns, with the call's
//! arguments bound) and the callers of a helper (`sendError(res, err)`).
//!
//! The same walk reads the conditions on the way: a test that recognises
//! the error (`err instanceof ValidationError`, `err.expose`,
//! `err.status < 500`) and a test of the environment evaluated by default
//! (`isProduction ? 'Internal error' : err.message` shows the message when
//! NODE_ENV is unset).

use std::sync::Arc;

use foldhash::HashMap;

use super::data::callee_name;
use super::error_data::{error_data, has};
use super::eval::Frame;
use super::{Flow, Step};
use crate::env::eval_default;
use crate::model::{Atom, CallVal, CondId, FnId, Val};
use crate::project::FileId;
use crate::routes::{describe, describe_not, Role};

/// An error object, or detail taken from one, reaching a value.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorValue {
    /// The error object itself (its detail members and its enumerable
    /// fields go with it), not text or a part taken from it.
    pub whole: bool,
    /// As written: `err`, `err.message`, `String(err)`.
    pub what: String,
    /// Source first, then each variable, call and return on the way.
    pub steps: Vec<Step>,
    /// The error is a parameter named like one in a helper no call in the
    /// project reaches (lower precision).
    pub by_name: bool,
    /// Tests on the way that hold only because the environment is unset
    /// (`!isProduction`), as text.
    pub default_gates: Vec<String>,
}

/// How a function receives an error in one of its parameters, as the
/// source step says it.
#[derive(Debug, Clone)]
struct Handed {
    /// The method or callee name of the call the function is given to.
    callee: String,
    arg: usize,
    args: usize,
    /// The call's first argument when it is a string (`on('error', …)`).
    event: Option<Atom>,
}

/// Per-run caches of the error walk.
#[derive(Default)]
pub(crate) struct ErrorCaches {
    /// By file: the calls each function of the file is passed to.
    handed: HashMap<FileId, Arc<HashMap<FnId, Vec<Handed>>>>,
    /// What the callers pass into a helper's parameter.
    params: HashMap<(FileId, FnId, u32), Option<ErrorValue>>,
    /// By file: the name of each parameter that declares a variable.
    param_names: HashMap<FileId, Arc<ParamNames>>,
}

/// A file's parameter names, by (function, position).
type ParamNames = HashMap<(FnId, u32), Atom>;

/// How the conditions of a use read by default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UseGate {
    /// A condition on the way is false by default (`NODE_ENV ===
    /// 'development'`): the use does not run unless configured.
    pub off: bool,
    /// A condition on the way recognises the error (`instanceof`, `expose`,
    /// a 4xx status check): a handled, known error.
    pub recognised: bool,
    /// Conditions that hold only because the environment is unset, as text.
    pub default_gates: Vec<String>,
}

const MAX_DEPTH: u32 = 24;

impl Flow<'_> {
    /// The error detail `val` holds, a value of function `func` of `file`
    /// used under condition `cond`.
    pub fn error_value(
        &self,
        file: FileId,
        func: FnId,
        val: &Val,
        cond: Option<CondId>,
    ) -> Option<ErrorValue> {
        let started = std::time::Instant::now();
        self.steps.set(0);
        let fr = Frame::top(file, func, cond);
        let e = self.err_eval(&fr, val);
        self.note_budget(file);
        self.solve.set(self.solve.get() + started.elapsed());
        e
    }

    /// Whether the conditions of a use in `func` of `file` hold by default,
    /// and whether one of them recognises an error.
    pub fn use_gate(&self, file: FileId, func: FnId, cond: Option<CondId>) -> UseGate {
        let fr = Frame::top(file, func, None);
        let model = self.project.file(file);
        let mut gate = UseGate::default();
        let mut next = cond;
        let mut guard = 0;
        while let Some(id) = next {
            guard += 1;
            let Some(node) = model.cond(id) else { break };
            if guard > 64 {
                break;
            }
            match eval_default(self.project, file, &node.test) {
                Some(c) if c.truthy() == node.negated => {
                    gate.off = true;
                    return gate;
                }
                Some(_) if !is_literal(&node.test) => {
                    gate.default_gates.push(if node.negated {
                        describe_not(model, &node.test)
                    } else {
                        describe(model, &node.test)
                    });
                }
                Some(_) => {}
                None => {
                    if self.recognises(&fr, &node.test, node.negated) {
                        gate.recognised = true;
                    }
                }
            }
            next = node.parent;
        }
        gate
    }

    /// The name of parameter `index` of `func` (its decorator-side name,
    /// else the variable it declares), from a table built once per file:
    /// the sinks ask it for every candidate receiver.
    pub(crate) fn param_name_of(&self, file: FileId, func: FnId, index: u32) -> Option<String> {
        let model = self.project.file(file);
        if let Some(n) = model
            .fn_meta(func)
            .and_then(|m| m.params.get(index as usize))
            .and_then(|p| p.name.as_ref())
        {
            return Some(n.to_string());
        }
        let table = {
            let cached = self.errors.borrow().param_names.get(&file).cloned();
            match cached {
                Some(t) => t,
                None => {
                    let mut t: ParamNames = HashMap::default();
                    for b in &model.bindings {
                        if let Val::Param { func, index } = b.value {
                            t.entry((func, index)).or_insert_with(|| b.name.clone());
                        }
                    }
                    let t = Arc::new(t);
                    self.errors.borrow_mut().param_names.insert(file, t.clone());
                    t
                }
            }
        };
        table.get(&(func, index)).map(|a| a.to_string())
    }

    /// Whether `v` is an error object (the whole of one).
    pub(crate) fn is_error(&self, fr: &Frame, v: &Val) -> bool {
        self.err_eval(fr, v).is_some_and(|e| e.whole)
    }

    pub(crate) fn err_eval(&self, fr: &Frame, v: &Val) -> Option<ErrorValue> {
        if fr.depth > MAX_DEPTH || !self.tick() {
            return None;
        }
        let d = &error_data().error;
        match v {
            Val::Caught => Some(source("the caught error".into(), Vec::new())),
            Val::Binding(id) => self.err_binding(fr, *id),
            Val::Param { func, index } => self.err_param(fr, *func, *index),
            Val::Member(m) => {
                let (obj, prop) = (&m.0, &m.1);
                let e = self.err_eval(fr, obj)?;
                if e.whole {
                    if !has(&d.detail_members, prop) {
                        return None;
                    }
                } else if matches!(prop.as_str(), "length") {
                    return None;
                }
                Some(ErrorValue {
                    whole: false,
                    what: member_text(&e.what, prop),
                    ..e
                })
            }
            Val::Call(c) => self.err_call(fr, c),
            Val::Bin(b) => match b.0 {
                "+" => self
                    .err_eval(fr, &b.1)
                    .or_else(|| self.err_eval(fr, &b.2))
                    .map(as_text),
                "||" | "??" => self.err_eval(fr, &b.1).or_else(|| self.err_eval(fr, &b.2)),
                "&&" => self.err_eval(fr, &b.2),
                _ => None,
            },
            Val::Cond(c) => self.err_cond(fr, &c.0, &c.1, &c.2),
            Val::Template(parts) => parts.iter().find_map(|p| self.err_eval(fr, p)).map(as_text),
            Val::Object(props) => props.iter().find_map(|(k, v)| {
                let e = self.err_eval(fr, v)?;
                if &**k == "..." {
                    return Some(e);
                }
                // `{ error: err }` serializes the error as a member.
                Some(e)
            }),
            Val::Array(items) => items.iter().find_map(|v| self.err_eval(fr, v)),
            Val::Spread(x) => self.err_eval(fr, x),
            _ => None,
        }
    }

    /// `test ? cons : alt`: the branch the default environment takes, or
    /// either when the test is not decided by it (a branch that recognises
    /// the error is a handled one).
    fn err_cond(&self, fr: &Frame, test: &Val, cons: &Val, alt: &Val) -> Option<ErrorValue> {
        let model = self.project.file(fr.file);
        match eval_default(self.project, fr.file, test) {
            Some(c) => {
                let taken = c.truthy();
                let mut e = self.err_eval(fr, if taken { cons } else { alt })?;
                if !is_literal(test) {
                    e.default_gates.push(if taken {
                        describe(model, test)
                    } else {
                        describe_not(model, test)
                    });
                }
                Some(e)
            }
            None => {
                let plain = Frame {
                    cond: None,
                    call: fr.call,
                    ..*fr
                };
                let cons_ok = !self.recognises(&plain, test, false);
                let alt_ok = !self.recognises(&plain, test, true);
                cons_ok
                    .then(|| self.err_eval(fr, cons))
                    .flatten()
                    .or_else(|| alt_ok.then(|| self.err_eval(fr, alt)).flatten())
            }
        }
    }

    fn err_binding(&self, fr: &Frame, id: u32) -> Option<ErrorValue> {
        let key = (fr.file, fr.func, id, 5);
        if !self.active.borrow_mut().insert(key) {
            return None;
        }
        let model = self.project.file(fr.file);
        let b = model.bindings.get(id as usize);
        let found = model.binding_values(id).iter().find_map(|v| {
            if matches!(v, Val::Caught) {
                let b = b?;
                return Some(source(
                    format!("`{}`", b.name),
                    vec![Step {
                        file: fr.file,
                        span: b.span,
                        message: format!("`{}` is the error caught by this `catch`", b.name),
                    }],
                ));
            }
            self.err_eval(fr, v)
        });
        self.active.borrow_mut().remove(&key);
        let mut e = found?;
        if let Some(b) = b {
            let param = matches!(b.value, Val::Param { .. } | Val::Caught);
            if !param && e.steps.last().is_none_or(|s| s.span != b.span) {
                e.steps.push(Step {
                    file: fr.file,
                    span: b.span,
                    message: format!("`{}` holds {}", b.name, e.what),
                });
            }
        }
        Some(e)
    }

    fn err_param(&self, fr: &Frame, func: FnId, index: u32) -> Option<ErrorValue> {
        // Entered from a call: the argument the caller passed.
        if fr.func == func {
            if let Some((caller, call)) = fr.call {
                let arg = call.args.get(index as usize)?;
                let e = self.err_eval(caller, arg)?;
                return Some(self.err_entering(e, fr.file, func, index));
            }
        }
        let model = self.project.file(fr.file);
        let name = self.param_name_of(fr.file, func, index);
        let shown = name
            .as_deref()
            .map_or_else(|| format!("parameter {}", index + 1), |n| format!("`{n}`"));
        let span = model.function(func)?.span;
        if let Some(root) = self.roots.get(fr.file, func) {
            return match root.roles.get(index as usize) {
                Some(Role::Error) => Some(source(
                    shown.clone(),
                    vec![Step {
                        file: fr.file,
                        span,
                        message: format!("{shown} is the error passed to this error handler"),
                    }],
                )),
                _ => None,
            };
        }
        if let Some(how) = self.error_position(fr.file, func, index, name.as_deref()) {
            return Some(source(
                shown.clone(),
                vec![Step {
                    file: fr.file,
                    span,
                    message: format!("{shown} is {how}"),
                }],
            ));
        }
        let key = (fr.file, func, index);
        if let Some(done) = self.errors.borrow().params.get(&key) {
            return done.clone();
        }
        let akey = (fr.file, func, index, 6);
        if !self.active.borrow_mut().insert(akey) {
            return None;
        }
        let callers = self.callers(fr.file, func);
        let mut found = None;
        for c in &callers {
            let Some(arg) = c.call.args.get(index as usize) else {
                continue;
            };
            let up = fr.beside(c.file, c.func, c.cond);
            if let Some(e) = self.err_eval(&up, arg) {
                found = Some(self.err_entering(e, fr.file, func, index));
                break;
            }
        }
        self.active.borrow_mut().remove(&akey);
        // A helper nothing in the project calls, its parameter named like
        // an error: what its users pass is an error.
        if found.is_none()
            && callers.is_empty()
            && name
                .as_deref()
                .is_some_and(|n| has(&error_data().error.helper_names, n))
        {
            let mut e = source(
                shown.clone(),
                vec![Step {
                    file: fr.file,
                    span,
                    message: format!(
                        "{shown} is named like an error, in a function no call in the project reaches"
                    ),
                }],
            );
            e.by_name = true;
            found = Some(e);
        }
        self.errors.borrow_mut().params.insert(key, found.clone());
        found
    }

    fn err_entering(&self, mut e: ErrorValue, file: FileId, func: FnId, index: u32) -> ErrorValue {
        let model = self.project.file(file);
        if let Some(f) = model.function(func) {
            let name = self
                .param_name_of(file, func, index)
                .map_or_else(|| format!("parameter {}", index + 1), |n| format!("`{n}`"));
            e.steps.push(Step {
                file,
                span: f.span,
                message: format!(
                    "{} enters {} as {name}",
                    e.what,
                    f.name
                        .as_deref()
                        .map_or("a function".to_string(), |n| format!("`{n}`"))
                ),
            });
        }
        e
    }

    /// Whether parameter `index` of `func` receives an error by where the
    /// function is passed, and how (for the source step).
    fn error_position(
        &self,
        file: FileId,
        func: FnId,
        index: u32,
        name: Option<&str>,
    ) -> Option<String> {
        if index != 0 {
            return None;
        }
        let d = &error_data().error;
        let model = self.project.file(file);
        let f = model.function(func)?;
        // A NestJS exception filter's `catch(exception, host)`.
        if f.name.as_deref() == Some("catch") && self.is_method(file, func) {
            return Some("the exception this exception filter catches".into());
        }
        let named = name.is_some_and(|n| has(&d.callback_names, n));
        for h in self.handed(file).get(&func).into_iter().flatten() {
            let m = h.callee.as_str();
            if has(&d.error_callbacks, m) && h.arg == 0 {
                return Some(format!("the error given to the callback of `.{m}(…)`"));
            }
            if m == "then" && h.arg == 1 {
                return Some("the rejection given to the second callback of `.then(…)`".into());
            }
            if matches!(m, "on" | "once" | "addListener" | "prependListener") {
                if h.event.as_deref() == Some("error") && h.arg == 1 {
                    return Some(format!("the error of an `.{m}('error', …)` listener"));
                }
                continue;
            }
            // The last argument (an array method's callback is its first:
            // `errors.map(e => …)`; `async.map(items, fn, (err, out) => …)`
            // ends with a Node callback).
            let element = is_element_method(m) && h.arg == 0;
            if named && h.arg + 1 == h.args && !element && m != "then" {
                return Some(format!(
                    "the error passed first to the callback of `{m}(…)`, as Node's callbacks take it"
                ));
            }
        }
        // An Express error handler nothing registers where the route table
        // sees it: four parameters, the first named like an error.
        if f.params == 4 && named && self.roots.get(file, func).is_none() {
            return Some("the first of the four parameters an Express error handler takes".into());
        }
        None
    }

    /// Whether `func` is given to a timer or a scheduler
    /// (`setInterval(sync, 60000)`, `cron.schedule('* * * * *', job)`).
    pub(crate) fn scheduled(&self, file: FileId, func: FnId) -> bool {
        self.handed(file).get(&func).is_some_and(|hs| {
            hs.iter().any(|h| {
                matches!(
                    h.callee.as_str(),
                    "setInterval"
                        | "setTimeout"
                        | "setImmediate"
                        | "schedule"
                        | "scheduleJob"
                        | "CronJob"
                )
            })
        })
    }

    fn is_method(&self, file: FileId, func: FnId) -> bool {
        self.project.file(file).classes.iter().any(|c| {
            c.members
                .iter()
                .any(|(_, v, _)| matches!(v, Val::Func(id) if *id == func))
        })
    }

    /// The calls each function of `file` is passed to (built once per file).
    fn handed(&self, file: FileId) -> Arc<HashMap<FnId, Vec<Handed>>> {
        if let Some(h) = self.errors.borrow().handed.get(&file) {
            return h.clone();
        }
        let mut map: HashMap<FnId, Vec<Handed>> = HashMap::default();
        for f in &self.project.file(file).functions {
            for site in &f.calls {
                for (i, arg) in site.call.args.iter().enumerate() {
                    if !matches!(arg, Val::Func(_) | Val::Binding(_)) {
                        continue;
                    }
                    let (cf, Val::Func(id)) = self.project.resolve(file, arg) else {
                        continue;
                    };
                    if cf != file {
                        continue;
                    }
                    let callee = match site.call.callee.as_member() {
                        Some((_, m)) => m.to_string(),
                        None => crate::routes::name(self.project.file(file), &site.call.callee),
                    };
                    map.entry(id).or_default().push(Handed {
                        callee,
                        arg: i,
                        args: site.call.args.len(),
                        event: site.call.args.first().and_then(|a| match a {
                            Val::Str(s) => Some(s.clone()),
                            _ => None,
                        }),
                    });
                }
            }
        }
        let rc = Arc::new(map);
        self.errors.borrow_mut().handed.insert(file, rc.clone());
        rc
    }

    fn err_call(&self, fr: &Frame, c: &CallVal) -> Option<ErrorValue> {
        let d = &error_data().error;
        if let Some((recv, m)) = c.callee.as_member() {
            if let Some(e) = self.err_eval(fr, recv) {
                if e.whole {
                    return has(&d.detail_methods, m).then(|| ErrorValue {
                        whole: false,
                        what: code_of(&e.what, |w| format!("{w}.{m}()")),
                        ..e
                    });
                }
                // A method of its text or of a detail object keeps the
                // detail (`err.message.slice(0, 200)`, `err.errors.map(…)`)
                // unless it answers a question about it.
                if is_predicate_method(m) {
                    return None;
                }
                return Some(e);
            }
        }
        if let Some(n) = callee_name(self.project, fr.file, &c.callee) {
            // `encodeURIComponent(err.message)`: a conversion that keeps
            // the text (flow.toml's `keep-text` rows).
            let keeps = super::data::flow_data().convert.iter().any(|c| {
                c.keep_text
                    && c.globals
                        .iter()
                        .any(|g| n.strip_prefix("global ") == Some(g))
            });
            if has(&d.serializers, &n) || keeps {
                let e = c.args.iter().find_map(|a| self.err_eval(fr, a))?;
                let callee = crate::routes::name(self.project.file(fr.file), &c.callee);
                return Some(ErrorValue {
                    whole: false,
                    what: code_of(&e.what, |w| format!("{callee}({w})")),
                    ..e
                });
            }
        }
        if let (cf, Val::Func(id)) = self.project.resolve(fr.file, &c.callee) {
            return self.err_returns(fr, c, cf, id);
        }
        None
    }

    /// What a project function returns, with this call's arguments bound.
    fn err_returns(&self, fr: &Frame, c: &CallVal, file: FileId, func: FnId) -> Option<ErrorValue> {
        let f = self.project.file(file).function(func)?;
        let inner = Frame {
            file,
            func,
            cond: None,
            call: Some((fr, c)),
            depth: fr.depth + 1,
        };
        for r in &f.returns {
            if let Some(mut e) = self.err_eval(&inner, r) {
                e.steps.push(super::eval::returned_step(fr, c, f));
                return Some(e);
            }
        }
        None
    }

    /// Whether `test` (truthy, or falsy when `negated`) recognises an error:
    /// a type test, a check of its name, code or `expose`, or a status
    /// below 500.
    pub(crate) fn recognises(&self, fr: &Frame, test: &Val, negated: bool) -> bool {
        let d = &error_data().error;
        match test {
            Val::Not(x) => self.recognises(fr, x, !negated),
            Val::Bin(b) => {
                let (op, l, r) = (b.0, &b.1, &b.2);
                match op {
                    "&&" if !negated => {
                        self.recognises(fr, l, false) || self.recognises(fr, r, false)
                    }
                    "||" if negated => self.recognises(fr, l, true) || self.recognises(fr, r, true),
                    "instanceof" => !negated && self.is_error(fr, l),
                    "===" | "==" | "!==" | "!=" => {
                        let eq = matches!(op, "===" | "==") != negated;
                        eq && (self.classifies(fr, l, r) || self.classifies(fr, r, l))
                    }
                    "<" | "<=" | ">" | ">=" => {
                        let Some(n) = num(r) else { return false };
                        if !self.status_member(fr, l) {
                            return false;
                        }
                        // Below 500 when it holds (or, negated, when it fails).
                        match (op, negated) {
                            ("<", false) => n <= 500.0,
                            ("<=", false) => n < 500.0,
                            (">=", true) => n <= 500.0,
                            (">", true) => n < 500.0,
                            _ => false,
                        }
                    }
                    _ => false,
                }
            }
            Val::Member(m) => {
                !negated
                    && has(&d.classifying_members, &m.1)
                    && !has(&d.status_members, &m.1)
                    && self.is_error(fr, &m.0)
            }
            // `isHttpError(err)`, `Joi.isError(err)`, `axios.isAxiosError(err)`.
            Val::Call(c) => {
                !negated
                    && callee_word(&c.callee).is_some_and(|n| n.starts_with("is"))
                    && c.args.iter().any(|a| self.is_error(fr, a))
            }
            _ => false,
        }
    }

    /// `err.name === 'ValidationError'`, `err.code === 11000`,
    /// `err.status === 404`: a classifying member compared with a constant
    /// (a status only below 500).
    fn classifies(&self, fr: &Frame, member: &Val, constant: &Val) -> bool {
        let d = &error_data().error;
        let Some((obj, prop)) = member.as_member() else {
            return false;
        };
        if !has(&d.classifying_members, prop) || !self.is_error(fr, obj) {
            return false;
        }
        if has(&d.status_members, prop) {
            return num(constant).is_some_and(|n| n < 500.0);
        }
        matches!(constant, Val::Str(_) | Val::Num(_) | Val::Bool(_))
    }

    /// `err.status`, `err.statusCode`, `exception.getStatus()`.
    pub(crate) fn status_member(&self, fr: &Frame, v: &Val) -> bool {
        let d = &error_data().error;
        match v {
            Val::Member(m) => has(&d.status_members, &m.1) && self.is_error(fr, &m.0),
            Val::Call(c) => c
                .callee
                .as_member()
                .is_some_and(|(o, m)| has(&d.status_methods, m) && self.is_error(fr, o)),
            Val::Binding(id) => {
                let values = self.project.file(fr.file).binding_values(*id);
                values.len() == 1 && self.status_member(fr, &values[0])
            }
            // `err.status || 500`: the error's status, defaulting to a 5xx.
            Val::Bin(b) if matches!(b.0, "||" | "??") => {
                self.status_member(fr, &b.1) && num(&b.2).is_some_and(|n| n >= 500.0)
            }
            _ => false,
        }
    }
}

fn source(what: String, steps: Vec<Step>) -> ErrorValue {
    ErrorValue {
        whole: true,
        what,
        steps,
        by_name: false,
        default_gates: Vec::new(),
    }
}

/// `err.message` from `` `err` `` and `message`.
fn member_text(what: &str, prop: &str) -> String {
    code_of(what, |w| format!("{w}.{prop}"))
}

/// The code `make` builds around the code `what` quotes (`` `err` `` →
/// `` `String(err)` ``); a description that is not code stays as it is.
fn code_of(what: &str, make: impl Fn(&str) -> String) -> String {
    match what.strip_prefix('`').and_then(|w| w.strip_suffix('`')) {
        Some(inner) => format!("`{}`", make(inner)),
        None => what.to_string(),
    }
}

/// Text made from an error: the error's text when it was the object.
fn as_text(mut e: ErrorValue) -> ErrorValue {
    if e.whole {
        e.whole = false;
        e.what = format!("the text of {}", e.what);
    }
    e
}

fn is_literal(v: &Val) -> bool {
    matches!(
        v,
        Val::Bool(_) | Val::Num(_) | Val::Str(_) | Val::Null | Val::Undefined
    )
}

fn num(v: &Val) -> Option<f64> {
    match v {
        Val::Num(n) => Some(*n),
        _ => None,
    }
}

fn callee_word(callee: &Val) -> Option<&str> {
    match callee {
        Val::Member(m) => Some(m.1.as_str()),
        Val::Global(g) => Some(g.as_str()),
        _ => None,
    }
}

fn is_element_method(m: &str) -> bool {
    matches!(
        m,
        "forEach"
            | "map"
            | "flatMap"
            | "filter"
            | "find"
            | "findIndex"
            | "some"
            | "every"
            | "reduce"
            | "reduceRight"
            | "sort"
    )
}

/// String and array methods that answer a question (a boolean or an index)
/// instead of returning the text.
fn is_predicate_method(m: &str) -> bool {
    matches!(
        m,
        "includes"
            | "startsWith"
            | "endsWith"
            | "indexOf"
            | "lastIndexOf"
            | "search"
            | "test"
            | "localeCompare"
            | "some"
            | "every"
            | "findIndex"
    )
}
