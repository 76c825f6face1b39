//! Expression → `Val`: the symbolic reading of one expression.
//!
//! Depth and width are capped so a model stays small whatever the input.

use swc_ecma_ast::*;

use super::Indexer;
use crate::model::Why;
use crate::model::{Atom, CallVal, Val};

const MAX_DEPTH: u32 = 12;

/// Module interop helpers that compilers emit around `require`.
const INTEROP_HELPERS: &[&str] = &[
    "_interopRequireDefault",
    "_interopRequireWildcard",
    "__importDefault",
    "__importStar",
    "_interop_require_default",
    "_interop_require_wildcard",
];
const MAX_ITEMS: usize = 64;
const MAX_STR: usize = 200;

pub(crate) fn str_of(s: &Str) -> Box<str> {
    let text = s.value.to_atom_lossy();
    let text: &str = text.as_str();
    if text.len() > MAX_STR {
        let mut end = MAX_STR;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text[..end].into()
    } else {
        text.into()
    }
}

/// A string literal's text as an atom: the parser's own when it is short
/// enough (no copy), else the first `MAX_STR` bytes.
pub(crate) fn atom_of(s: &Str) -> Atom {
    let atom = s.value.to_atom_lossy();
    if atom.len() <= MAX_STR {
        return atom.into_owned();
    }
    Atom::from(&*str_of(s))
}

/// A property name as an atom: the parser's own for identifiers and
/// short strings.
pub(crate) fn prop_atom(name: &PropName) -> Option<Atom> {
    match name {
        PropName::Ident(i) => Some(i.sym.clone()),
        PropName::Str(s) => Some(atom_of(s)),
        other => prop_name(other).map(|k| Atom::from(&*k)),
    }
}

pub(crate) fn prop_name(name: &PropName) -> Option<Box<str>> {
    match name {
        PropName::Ident(i) => Some(i.sym.as_str().into()),
        PropName::Str(s) => Some(str_of(s)),
        PropName::Num(n) => Some(n.value.to_string().into()),
        _ => None,
    }
}

fn bin_op(op: BinaryOp) -> Option<&'static str> {
    use BinaryOp::*;
    Some(match op {
        EqEqEq => "===",
        NotEqEq => "!==",
        EqEq => "==",
        NotEq => "!=",
        LogicalAnd => "&&",
        LogicalOr => "||",
        NullishCoalescing => "??",
        Add => "+",
        Sub => "-",
        Mul => "*",
        Div => "/",
        Exp => "**",
        Lt => "<",
        Gt => ">",
        LtEq => "<=",
        GtEq => ">=",
        InstanceOf => "instanceof",
        In => "in",
        _ => return None,
    })
}

impl Indexer {
    pub(crate) fn val(&mut self, e: &Expr) -> Val {
        self.val_at(e, 0)
    }

    pub(crate) fn val_at(&mut self, e: &Expr, depth: u32) -> Val {
        if depth > MAX_DEPTH {
            return Val::Unknown(Why::Truncated);
        }
        let d = depth + 1;
        match e {
            Expr::Paren(p) => self.val_at(&p.expr, depth),
            Expr::Await(a) => self.val_at(&a.arg, depth),
            Expr::TsAs(t) => self.val_at(&t.expr, depth),
            Expr::TsNonNull(t) => self.val_at(&t.expr, depth),
            Expr::TsTypeAssertion(t) => self.val_at(&t.expr, depth),
            Expr::TsConstAssertion(t) => self.val_at(&t.expr, depth),
            Expr::TsSatisfies(t) => self.val_at(&t.expr, depth),
            Expr::TsInstantiation(t) => self.val_at(&t.expr, depth),
            Expr::Seq(s) => s
                .exprs
                .last()
                .map_or(Val::Unknown(Why::Unmodeled), |e| self.val_at(e, depth)),
            Expr::Assign(a) => self.val_at(&a.right, depth),
            Expr::Lit(lit) => match lit {
                Lit::Str(s) => Val::Str(atom_of(s)),
                Lit::Bool(b) => Val::Bool(b.value),
                Lit::Null(_) => Val::Null,
                Lit::Num(n) => Val::Num(n.value),
                Lit::Regex(r) => Val::Regex(self.regex_id(r)),
                _ => Val::Unknown(Why::Unmodeled),
            },
            Expr::Tpl(t) => {
                if t.exprs.is_empty() {
                    let cooked = t.quasis.first().and_then(|q| q.cooked.as_ref());
                    cooked.map_or(Val::Unknown(Why::Unmodeled), |c| {
                        Val::Str(c.to_atom_lossy().as_str().into())
                    })
                } else {
                    let mut parts = Vec::new();
                    for (i, q) in t.quasis.iter().enumerate() {
                        if let Some(c) = &q.cooked {
                            let s = c.to_atom_lossy();
                            if !s.is_empty() {
                                parts.push(Val::Str(s.as_str().into()));
                            }
                        }
                        if let Some(e) = t.exprs.get(i) {
                            parts.push(self.val_at(e, d));
                        }
                    }
                    Val::Template(Box::new(parts))
                }
            }
            Expr::Ident(i) => self.ident_val(i),
            Expr::Member(m) => self.member_val(m, depth),
            Expr::OptChain(o) => match &*o.base {
                OptChainBase::Member(m) => self.member_val(m, depth),
                OptChainBase::Call(c) => {
                    Val::Call(self.call_of(&c.callee, Some(&c.args), false, c.span, d))
                }
            },
            Expr::Call(c) => self.call_val(c, depth),
            Expr::New(n) => Val::Call(self.call_of(&n.callee, n.args.as_deref(), true, n.span, d)),
            Expr::Unary(u) => match u.op {
                UnaryOp::Bang => Val::Not(Box::new(self.val_at(&u.arg, d))),
                UnaryOp::TypeOf => Val::TypeOf(Box::new(self.val_at(&u.arg, d))),
                UnaryOp::Void => Val::Undefined,
                _ => Val::Unknown(Why::Unmodeled),
            },
            Expr::Bin(b) => match bin_op(b.op) {
                Some(op) => {
                    let l = self.val_at(&b.left, d);
                    let r = self.val_at(&b.right, d);
                    Val::Bin(Box::new((op, l, r)))
                }
                None => Val::Unknown(Why::Unmodeled),
            },
            Expr::Cond(c) => {
                let t = self.val_at(&c.test, d);
                let a = self.val_at(&c.cons, d);
                let b = self.val_at(&c.alt, d);
                Val::Cond(Box::new((t, a, b)))
            }
            Expr::Fn(f) => {
                let id = self.fn_id(f.function.span);
                // A named function expression can call itself by its name.
                if let Some(name) = &f.ident {
                    self.define(name, Val::Func(id));
                    self.model.functions[id as usize]
                        .name
                        .get_or_insert_with(|| name.sym.clone());
                }
                Val::Func(id)
            }
            Expr::This(_) => self
                .this_class()
                .map_or(Val::Unknown(Why::Unmodeled), Val::This),
            Expr::Class(c) => Val::Class(self.class_id(c.class.span)),
            Expr::Arrow(a) => Val::Func(self.fn_id(a.span)),
            Expr::Object(o) => {
                let mut props = Vec::new();
                for p in o.props.iter().take(MAX_ITEMS) {
                    match p {
                        PropOrSpread::Spread(s) => {
                            props.push(("...".into(), self.val_at(&s.expr, d)))
                        }
                        PropOrSpread::Prop(p) => match &**p {
                            Prop::Shorthand(i) => props.push((i.sym.clone(), self.ident_val(i))),
                            Prop::KeyValue(kv) => {
                                if let Some(k) = prop_atom(&kv.key) {
                                    let v = self.val_at(&kv.value, d);
                                    props.push((k, v));
                                }
                            }
                            Prop::Method(m) => {
                                if let Some(k) = prop_atom(&m.key) {
                                    props.push((k, Val::Func(self.fn_id(m.function.span))));
                                }
                            }
                            _ => {}
                        },
                    }
                }
                Val::Object(Box::new(props))
            }
            Expr::Array(a) => Val::Array(Box::new(
                a.elems
                    .iter()
                    .take(MAX_ITEMS)
                    .map(|el| match el {
                        Some(ExprOrSpread { spread: None, expr }) => self.val_at(expr, d),
                        Some(ExprOrSpread { expr, .. }) => {
                            Val::Spread(Box::new(self.val_at(expr, d)))
                        }
                        None => Val::Undefined,
                    })
                    .collect(),
            )),
            _ => Val::Unknown(Why::Unmodeled),
        }
    }

    fn member_val(&mut self, m: &MemberExpr, depth: u32) -> Val {
        let prop: Option<Atom> = match &m.prop {
            // The parser's own interned name: no new allocation.
            MemberProp::Ident(i) => Some(i.sym.clone()),
            MemberProp::Computed(c) => match &*c.expr {
                Expr::Lit(Lit::Str(s)) => Some(Atom::from(&*str_of(s))),
                Expr::Lit(Lit::Num(n)) => Some(Atom::from(n.value.to_string())),
                // `body[key]`: one of its values, whichever key (as the
                // values of an `Object.entries` loop are).
                _ => Some(Atom::from(crate::model::ENTRY_VALUE)),
            },
            MemberProp::PrivateName(_) => None,
        };
        match prop {
            Some(p) => self.val_at(&m.obj, depth + 1).member_atom(p),
            // `obj[key]`: which member is decided at run time.
            None => Val::Unknown(Why::Dynamic),
        }
    }

    fn call_val(&mut self, c: &CallExpr, depth: u32) -> Val {
        let d = depth + 1;
        match &c.callee {
            Callee::Import(_) => match c.args.first().map(|a| &*a.expr) {
                Some(Expr::Lit(Lit::Str(s))) => Val::Module(atom_of(s)),
                _ => Val::Unknown(Why::Dynamic),
            },
            Callee::Super(_) => Val::Unknown(Why::Unmodeled),
            Callee::Expr(callee) => {
                if let Some(spec) = self.require_specifier(callee, &c.args) {
                    return Val::Module(Atom::from(&*spec));
                }
                // Babel's and tsc's interop wrappers give the module back
                // (its `.default` is then the module's export).
                if let (Expr::Ident(i), [arg]) = (&**callee, &c.args[..]) {
                    if INTEROP_HELPERS.contains(&&*i.sym) && arg.spread.is_none() {
                        return self.val_at(&arg.expr, depth);
                    }
                }
                Val::Call(self.call_of(callee, Some(&c.args), false, c.span, d))
            }
        }
    }

    /// A call or `new` as a value: its callee and arguments read at `depth`.
    /// Read once per call expression (by its span: the calls of a chain
    /// `a.b().c()` all start at `a`): the walk meets a nested call both as
    /// an argument of its parent and as a call of its own, and both share
    /// one value.
    pub(crate) fn call_of(
        &mut self,
        callee: &Expr,
        args: Option<&[ExprOrSpread]>,
        new: bool,
        span: swc_common::Span,
        depth: u32,
    ) -> std::sync::Arc<CallVal> {
        if let Some(c) = self.calls.get(&(span.lo.0, span.hi.0)) {
            return c.clone();
        }
        let callee = self.val_at(callee, depth);
        let args = args.map(|a| self.args_val(a, depth)).unwrap_or_default();
        let c = std::sync::Arc::new(CallVal {
            callee,
            args,
            new,
            span: self.span(span),
        });
        self.calls.insert((span.lo.0, span.hi.0), c.clone());
        c
    }

    /// `require('x')` with the global `require` → the specifier.
    pub(crate) fn require_specifier(
        &self,
        callee: &Expr,
        args: &[ExprOrSpread],
    ) -> Option<Box<str>> {
        let Expr::Ident(i) = callee else { return None };
        if &*i.sym != "require" || !self.is_global(i) {
            return None;
        }
        match args.first().map(|a| &*a.expr) {
            Some(Expr::Lit(Lit::Str(s))) => Some(str_of(s)),
            Some(Expr::Tpl(t)) if t.exprs.is_empty() => t
                .quasis
                .first()?
                .cooked
                .as_ref()
                .map(|c| c.to_atom_lossy().as_str().into()),
            _ => None,
        }
    }

    pub(crate) fn args_val(&mut self, args: &[ExprOrSpread], depth: u32) -> Vec<Val> {
        args.iter()
            .take(MAX_ITEMS)
            .map(|a| {
                if a.spread.is_some() {
                    Val::Unknown(Why::Dynamic)
                } else {
                    self.val_at(&a.expr, depth)
                }
            })
            .collect()
    }

    pub(crate) fn ident_val(&mut self, i: &Ident) -> Val {
        if self.is_global(i) {
            return match &*i.sym {
                "undefined" => Val::Undefined,
                "NaN" | "Infinity" => Val::Unknown(Why::Unmodeled),
                _ => Val::Global(i.sym.clone()),
            };
        }
        Val::Binding(self.binding_id(i))
    }
}
