//! The default environment: what a condition evaluates to when nothing is
//! configured (NODE_ENV unset, every `process.env` flag unset, Express's
//! `app.get('env')` falling back to `'development'`).

use crate::model::{CondId, Val};
use crate::project::{FileId, Project};

#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    Undefined,
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
}

impl Const {
    pub fn truthy(&self) -> bool {
        match self {
            Const::Undefined | Const::Null => false,
            Const::Bool(b) => *b,
            Const::Num(n) => *n != 0.0 && !n.is_nan(),
            Const::Str(s) => !s.is_empty(),
        }
    }

    fn type_of(&self) -> &'static str {
        match self {
            Const::Undefined => "undefined",
            Const::Null => "object",
            Const::Bool(_) => "boolean",
            Const::Num(_) => "number",
            Const::Str(_) => "string",
        }
    }

    fn to_js_string(&self) -> String {
        match self {
            Const::Undefined => "undefined".into(),
            Const::Null => "null".into(),
            Const::Bool(b) => b.to_string(),
            Const::Num(n) => n.to_string(),
            Const::Str(s) => s.clone(),
        }
    }
}

/// Whether something runs by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

impl Truth {
    pub fn and(self, other: Truth) -> Truth {
        match (self, other) {
            (Truth::False, _) | (_, Truth::False) => Truth::False,
            (Truth::True, Truth::True) => Truth::True,
            _ => Truth::Unknown,
        }
    }
}

const MAX_DEPTH: u32 = 16;

/// The value of `val` (in `file`) in the default environment, if known.
pub fn eval_default(project: &Project, file: FileId, val: &Val) -> Option<Const> {
    eval(project, file, val, 0)
}

/// Whether condition `cond` of `file` (and all its parents) holds by default.
pub fn cond_truth(project: &Project, file: FileId, cond: Option<CondId>) -> Truth {
    let mut truth = Truth::True;
    let mut next = cond;
    let mut guard = 0;
    while let Some(id) = next {
        guard += 1;
        let Some(node) = project.file(file).cond(id) else {
            break;
        };
        let t = match eval_default(project, file, &node.test) {
            Some(c) => {
                if c.truthy() != node.negated {
                    Truth::True
                } else {
                    Truth::False
                }
            }
            None => Truth::Unknown,
        };
        truth = truth.and(t);
        if truth == Truth::False || guard > 256 {
            break;
        }
        next = node.parent;
    }
    truth
}

fn is_process_env(v: &Val) -> bool {
    v.as_member().is_some_and(|(obj, env)| {
        &**env == "env" && matches!(obj, Val::Global(g) if &**g == "process")
    })
}

fn eval(project: &Project, file: FileId, val: &Val, depth: u32) -> Option<Const> {
    if depth > MAX_DEPTH {
        return None;
    }
    let d = depth + 1;
    match val {
        Val::Undefined => Some(Const::Undefined),
        Val::Null => Some(Const::Null),
        Val::Bool(b) => Some(Const::Bool(*b)),
        Val::Num(n) => Some(Const::Num(*n)),
        Val::Str(s) => Some(Const::Str(s.to_string())),
        Val::Member(m) if is_process_env(&m.0) => Some(Const::Undefined),
        Val::Binding(_) | Val::Member(..) | Val::Module(_) => {
            let (f, v) = project.resolve(file, val);
            match v {
                Val::Binding(_) | Val::Member(..) | Val::Module(_) | Val::Unknown(_) => {
                    // `process.env.X` reached through an alias or a config module.
                    match &v {
                        Val::Member(m) if is_process_env(&m.0) => Some(Const::Undefined),
                        _ => None,
                    }
                }
                other => eval(project, f, &other, d),
            }
        }
        Val::Not(x) => eval(project, file, x, d).map(|c| Const::Bool(!c.truthy())),
        Val::TypeOf(x) => eval(project, file, x, d).map(|c| Const::Str(c.type_of().into())),
        Val::Cond(c) => {
            let t = eval(project, file, &c.0, d)?;
            eval(project, file, if t.truthy() { &c.1 } else { &c.2 }, d)
        }
        Val::Template(parts) => {
            let mut s = String::new();
            for p in parts.iter() {
                s.push_str(&eval(project, file, p, d)?.to_js_string());
            }
            Some(Const::Str(s))
        }
        Val::Bin(b) => {
            let (op, l, r) = &**b;
            let lv = eval(project, file, l, d);
            match *op {
                "&&" => {
                    let lv = lv?;
                    if lv.truthy() {
                        eval(project, file, r, d)
                    } else {
                        Some(lv)
                    }
                }
                "||" => {
                    let lv = lv?;
                    if lv.truthy() {
                        Some(lv)
                    } else {
                        eval(project, file, r, d)
                    }
                }
                "??" => match lv? {
                    Const::Undefined | Const::Null => eval(project, file, r, d),
                    c => Some(c),
                },
                _ => {
                    let (lv, rv) = (lv?, eval(project, file, r, d)?);
                    binary(op, &lv, &rv)
                }
            }
        }
        Val::Call(c) => eval_call(project, file, c, d),
        _ => None,
    }
}

fn eval_call(
    project: &Project,
    file: FileId,
    c: &crate::model::CallVal,
    depth: u32,
) -> Option<Const> {
    // Express: `app.get('env')` is NODE_ENV or 'development'.
    if let (Some((_, m)), [Val::Str(a)]) = (c.callee.as_member(), c.args.as_slice()) {
        if &**m == "get" && &**a == "env" {
            return Some(Const::Str("development".into()));
        }
    }
    let (f, callee) = project.resolve(file, &c.callee);
    match &callee {
        Val::Global(g) if &**g == "Boolean" => {
            let v = eval(project, file, c.args.first()?, depth)?;
            Some(Const::Bool(v.truthy()))
        }
        Val::Global(g) if &**g == "String" => Some(Const::Str(
            eval(project, file, c.args.first()?, depth)?.to_js_string(),
        )),
        // A flag helper such as `const isDev = () => NODE_ENV === 'development'`.
        Val::Func(id) => {
            let func = project.file(f).function(*id)?;
            if func.params != 0 || func.returns.is_empty() {
                return None;
            }
            let first = eval(project, f, &func.returns[0], depth)?;
            func.returns[1..]
                .iter()
                .all(|r| eval(project, f, r, depth).as_ref() == Some(&first))
                .then_some(first)
        }
        _ => None,
    }
}

fn binary(op: &str, l: &Const, r: &Const) -> Option<Const> {
    let b = |x: bool| Some(Const::Bool(x));
    match op {
        "===" => b(l == r),
        "!==" => b(l != r),
        "==" => b(loose_eq(l, r)),
        "!=" => b(!loose_eq(l, r)),
        "+" => match (l, r) {
            (Const::Num(a), Const::Num(b)) => Some(Const::Num(a + b)),
            _ => Some(Const::Str(l.to_js_string() + &r.to_js_string())),
        },
        // Sizes and durations written as products (`10 * 1024 * 1024`).
        "*" | "-" | "/" | "**" => match (l, r) {
            (Const::Num(a), Const::Num(b)) => Some(Const::Num(match op {
                "*" => a * b,
                "-" => a - b,
                "/" => a / b,
                _ => a.powf(*b),
            })),
            _ => None,
        },
        _ => None,
    }
}

fn loose_eq(l: &Const, r: &Const) -> bool {
    match (l, r) {
        (Const::Undefined | Const::Null, Const::Undefined | Const::Null) => true,
        (Const::Undefined | Const::Null, _) | (_, Const::Undefined | Const::Null) => false,
        _ => l == r || l.to_js_string() == r.to_js_string(),
    }
}
