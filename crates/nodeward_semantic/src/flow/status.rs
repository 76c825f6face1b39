//! The response side of `chatty-error`: whether a value is a response
//! object (a handler's `res`, Koa's `ctx`, NestJS's
//! `host.switchToHttp().getResponse()`, a helper's `res` parameter), and
//! which HTTP statuses a status expression can take (`500`,
//! `err.status || 500`, `HttpStatus.INTERNAL_SERVER_ERROR`).

use super::error_data::{error_data, has};
use super::eval::Frame;
use super::Flow;
use crate::env::eval_default;
use crate::model::{CondId, FnId, Val};
use crate::project::FileId;
use crate::routes::{Framework, Role};

/// A 5xx status.
pub const SERVER: u8 = 1;
/// A 4xx status.
pub const CLIENT: u8 = 2;
/// A 1xx, 2xx or 3xx status: a failure reported as a result.
pub const SUCCESS: u8 = 4;
/// The error's own status (`err.status`, `exception.getStatus()`), which
/// is a 5xx for a server failure.
pub const FROM_ERROR: u8 = 8;
/// A value nodeward cannot evaluate.
pub const UNKNOWN: u8 = 16;

/// What kind of response object a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseObject {
    /// Express's `res`, Fastify's `reply`, Node's `http.ServerResponse`,
    /// NestJS's response.
    Response,
    /// Fastify's `reply`: `reply.send(err)` hands an error to Fastify's
    /// error handler, as `next(err)` does in Express.
    Reply,
    /// Koa's `ctx`.
    Context,
}

const MAX_DEPTH: u32 = 12;

impl Flow<'_> {
    /// Whether `v`, a value of file `file`, is a response: by the route
    /// table's roles, a name (`res`, `reply`, `ctx`), a getter
    /// (`getResponse()`), or, for a helper's parameter named otherwise,
    /// what its callers pass.
    pub fn response_object(&self, file: FileId, v: &Val) -> Option<ResponseObject> {
        self.response_in(file, v, 0, true)
    }

    /// The same without asking the callers: cheap, for a first pass over
    /// every candidate.
    pub fn response_object_here(&self, file: FileId, v: &Val) -> Option<ResponseObject> {
        self.response_in(file, v, 0, false)
    }

    /// Whether `v` is a parameter (or a variable holding one) of a function
    /// the route table does not know: what it is depends on the callers.
    pub fn callers_decide(&self, file: FileId, v: &Val) -> bool {
        match v {
            Val::Param { func, .. } => self.roots.get(file, *func).is_none(),
            Val::Binding(id) => match self.project.file(file).binding_values(*id) {
                [one @ Val::Param { .. }] => self.callers_decide(file, one),
                _ => false,
            },
            _ => false,
        }
    }

    fn response_in(
        &self,
        file: FileId,
        v: &Val,
        depth: u32,
        callers: bool,
    ) -> Option<ResponseObject> {
        if depth > MAX_DEPTH {
            return None;
        }
        let r = &error_data().response;
        match v {
            Val::Param { func: f, index } => {
                if let Some(root) = self.roots.get(file, *f) {
                    return match root.roles.get(*index as usize)? {
                        Role::Response if root.shape.framework == Framework::Fastify => {
                            Some(ResponseObject::Reply)
                        }
                        Role::Response => Some(ResponseObject::Response),
                        Role::Context => Some(ResponseObject::Context),
                        _ => None,
                    };
                }
                let name = self.param_name_of(file, *f, *index).unwrap_or_default();
                if has(&r.reply_names, &name) {
                    Some(ResponseObject::Reply)
                } else if has(&r.names, &name) {
                    Some(ResponseObject::Response)
                } else if has(&r.context_names, &name) {
                    Some(ResponseObject::Context)
                } else if callers {
                    // A helper's parameter with another name: what its
                    // callers pass (`send(r, e)` called as `send(res, err)`).
                    self.callers(file, *f).iter().find_map(|c| {
                        let arg = c.call.args.get(*index as usize)?;
                        self.response_in(c.file, arg, depth + 3, callers)
                    })
                } else {
                    None
                }
            }
            Val::Binding(id) => {
                let values = self.project.file(file).binding_values(*id);
                match values {
                    [one] => self.response_in(file, one, depth + 1, callers),
                    _ => None,
                }
            }
            Val::Call(c) => c
                .callee
                .as_member()
                .filter(|(_, m)| has(&r.getters, m))
                .map(|_| ResponseObject::Response),
            _ => None,
        }
    }

    /// The statuses `v` can take (a set of the bits above), a value of
    /// function `func` of `file` used under `cond`.
    pub fn status_value(&self, file: FileId, func: FnId, v: &Val, cond: Option<CondId>) -> u8 {
        self.steps.set(0);
        let fr = Frame::top(file, func, cond);
        self.status_in(&fr, v)
    }

    fn status_in(&self, fr: &Frame, v: &Val) -> u8 {
        if fr.depth > MAX_DEPTH || !self.tick() {
            return UNKNOWN;
        }
        let names = &error_data().status_names;
        match v {
            Val::Num(n) => status_class(*n),
            Val::Str(s) => s.parse::<f64>().map_or(UNKNOWN, status_class),
            Val::Bin(b) if matches!(b.0, "||" | "??") => {
                self.status_in(fr, &b.1) | self.status_in(fr, &b.2)
            }
            Val::Cond(c) => match eval_default(self.project, fr.file, &c.0) {
                Some(k) => self.status_in(fr, if k.truthy() { &c.1 } else { &c.2 }),
                None => self.status_in(fr, &c.1) | self.status_in(fr, &c.2),
            },
            Val::Member(_) | Val::Call(_) if self.status_member(fr, v) => FROM_ERROR,
            Val::Member(m) => {
                let p = m.1.as_str();
                if has(&names.server, p) {
                    SERVER
                } else if has(&names.client, p) {
                    CLIENT
                } else if has(&names.success, p) {
                    SUCCESS
                } else {
                    self.status_resolved(fr, v)
                }
            }
            Val::Binding(id) => {
                let values = self.project.file(fr.file).binding_values(*id);
                if values.is_empty() {
                    return UNKNOWN;
                }
                let key = (fr.file, fr.func, *id, 7);
                if !self.active.borrow_mut().insert(key) {
                    return 0;
                }
                let bits = values.iter().fold(0, |acc, x| acc | self.status_in(fr, x));
                self.active.borrow_mut().remove(&key);
                bits
            }
            Val::Param { func, index } if *func == fr.func => match fr.call {
                Some((caller, call)) => match call.args.get(*index as usize) {
                    Some(arg) => self.status_in(caller, arg),
                    None => UNKNOWN,
                },
                None => UNKNOWN,
            },
            Val::Call(c) => match self.project.resolve(fr.file, &c.callee) {
                (cf, Val::Func(id)) => {
                    let Some(f) = self.project.file(cf).function(id) else {
                        return UNKNOWN;
                    };
                    let inner = Frame {
                        file: cf,
                        func: id,
                        cond: None,
                        call: Some((fr, c)),
                        depth: fr.depth + 1,
                    };
                    let bits = f
                        .returns
                        .iter()
                        .fold(0, |acc, r| acc | self.status_in(&inner, r));
                    if bits == 0 {
                        UNKNOWN
                    } else {
                        bits
                    }
                }
                _ => UNKNOWN,
            },
            _ => UNKNOWN,
        }
    }

    /// A member the project defines (`STATUS.SERVER_ERROR = 500`).
    fn status_resolved(&self, fr: &Frame, v: &Val) -> u8 {
        let (f, r) = self.project.resolve(fr.file, v);
        if &r == v || matches!(r, Val::Member(_) | Val::Unknown(_)) {
            return UNKNOWN;
        }
        let inner = fr.beside(f, crate::model::MODULE_FN, None);
        self.status_in(&inner, &r)
    }
}

fn status_class(n: f64) -> u8 {
    if (500.0..600.0).contains(&n) {
        SERVER
    } else if (400.0..500.0).contains(&n) {
        CLIENT
    } else if (100.0..400.0).contains(&n) {
        SUCCESS
    } else {
        UNKNOWN
    }
}
