//! A value as short JavaScript text, for messages and the route table:
//! `process.env.NODE_ENV !== 'production'`, `auth.requireLogin`, `helmet()`.

use crate::model::{FileModel, Val};

const MAX_LEN: usize = 80;

/// The text of `val` as written in `model`'s file (approximately: the model
/// keeps what the code means, not its spelling).
pub fn describe(model: &FileModel, val: &Val) -> String {
    text(model, val, true)
}

/// The text of `!(test)`, simplified: `a !== b` for a negated `a === b`,
/// `x` for a negated `!x`.
pub fn describe_not(model: &FileModel, test: &Val) -> String {
    match test {
        Val::Not(x) => describe(model, x),
        Val::Bin(b) if matches!(b.0, "===" | "!==" | "==" | "!=") => {
            let op = match b.0 {
                "===" => "!==",
                "!==" => "===",
                "==" => "!=",
                _ => "==",
            };
            describe(model, &Val::Bin(Box::new((op, b.1.clone(), b.2.clone()))))
        }
        other => format!("!({})", describe(model, other)),
    }
}

/// A name for a handler or middleware: calls without their arguments
/// (`morgan(…)`), anonymous functions as `anonymous`.
pub fn name(model: &FileModel, val: &Val) -> String {
    text(model, val, false)
}

fn text(model: &FileModel, val: &Val, args: bool) -> String {
    let mut s = String::new();
    write(model, val, &mut s, 0, args);
    if s.len() > MAX_LEN {
        let mut end = MAX_LEN;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
        s.push('…');
    }
    s
}

fn write(model: &FileModel, val: &Val, out: &mut String, depth: u32, args: bool) {
    if depth > 8 || out.len() > MAX_LEN {
        out.push('…');
        return;
    }
    let d = depth + 1;
    match val {
        Val::Unknown(_) => out.push('…'),
        Val::Undefined => out.push_str("undefined"),
        Val::Null => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Num(n) => out.push_str(&n.to_string()),
        Val::Str(s) => {
            out.push('\'');
            out.push_str(s);
            out.push('\'');
        }
        Val::Global(g) => out.push_str(g),
        Val::Module(m) => {
            out.push_str("require('");
            out.push_str(m);
            out.push_str("')");
        }
        Val::Member(m) => {
            let (obj, p) = (&m.0, &m.1);
            write(model, obj, out, d, args);
            out.push('.');
            out.push_str(p);
        }
        Val::Call(c) => {
            if c.new {
                out.push_str("new ");
            }
            write(model, &c.callee, out, d, args);
            out.push('(');
            if !args && !c.args.is_empty() {
                out.push_str("…)");
                return;
            }
            for (i, a) in c.args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                if i >= 2 {
                    out.push('…');
                    break;
                }
                write(model, a, out, d, args);
            }
            out.push(')');
        }
        Val::Param { func, index } => {
            let name = model
                .fn_meta(*func)
                .and_then(|m| m.params.get(*index as usize))
                .and_then(|p| p.name.clone());
            match name {
                Some(n) => out.push_str(&n),
                None => out.push_str(&format!("argument {}", index + 1)),
            }
        }
        Val::Func(id) => match model.function(*id).and_then(|f| f.name.as_deref()) {
            Some(n) => out.push_str(n),
            None => out.push_str("anonymous"),
        },
        Val::Binding(id) => match model.bindings.get(*id as usize) {
            Some(b) => out.push_str(&b.name),
            None => out.push('…'),
        },
        Val::Object(_) => out.push_str("{…}"),
        Val::Array(_) => out.push_str("[…]"),
        Val::Spread(x) => {
            out.push_str("...");
            write(model, x, out, d, args);
        }
        Val::Bin(b) => {
            write(model, &b.1, out, d, args);
            out.push(' ');
            out.push_str(b.0);
            out.push(' ');
            write(model, &b.2, out, d, args);
        }
        Val::Not(x) => {
            out.push('!');
            write(model, x, out, d, args);
        }
        Val::TypeOf(x) => {
            out.push_str("typeof ");
            write(model, x, out, d, args);
        }
        Val::Cond(c) => {
            write(model, &c.0, out, d, args);
            out.push_str(" ? ");
            write(model, &c.1, out, d, args);
            out.push_str(" : ");
            write(model, &c.2, out, d, args);
        }
        Val::Template(_) => out.push_str("`…`"),
        Val::Class(id) => match model
            .classes
            .get(*id as usize)
            .and_then(|c| c.name.as_deref())
        {
            Some(n) => out.push_str(n),
            None => out.push_str("class"),
        },
        Val::This(_) => out.push_str("this"),
        Val::Caught => out.push_str("the caught error"),
        Val::Regex(id) => match model.regexes.get(*id as usize) {
            Some(r) => {
                out.push('/');
                out.push_str(&r.pattern);
                out.push('/');
                out.push_str(&r.flags);
            }
            None => out.push_str("/…/"),
        },
    }
}
