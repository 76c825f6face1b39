//! The walk: functions, bindings, calls, conditions, exports.

use swc_ecma_ast::*;
use swc_ecma_visit::{Visit, VisitWith};

use super::values::str_of;
use super::Indexer;
use crate::model::Why;
use crate::model::{Effect, Val};

impl Indexer {
    fn enter_fn<F: FnOnce(&mut Self)>(
        &mut self,
        span: swc_common::Span,
        params: u32,
        is_async: bool,
        arrow: bool,
        body: F,
    ) {
        let id = self.fn_id(span);
        // Arrows keep the enclosing `this`; a method's is its class; any
        // other function's `this` is unknown.
        let this = if arrow {
            self.this_class()
        } else {
            self.method_of.take()
        };
        self.this_stack.push(this);
        {
            let f = &mut self.model.functions[id as usize];
            f.params = params;
            f.is_async = is_async;
        }
        self.fn_stack.push(id);
        let saved = (
            self.cond.take(),
            std::mem::take(&mut self.try_depth),
            std::mem::replace(&mut self.fn_top, true),
            std::mem::take(&mut self.loop_depth),
        );
        body(self);
        (self.cond, self.try_depth, self.fn_top, self.loop_depth) = saved;
        self.fn_stack.pop();
        self.this_stack.pop();
    }

    fn bind_params<'a>(&mut self, pats: impl Iterator<Item = &'a Pat>) {
        let func = self.current_fn();
        for (index, pat) in pats.enumerate() {
            self.bind_pat(
                pat,
                Val::Param {
                    func,
                    index: index as u32,
                },
            );
        }
    }

    /// Keeps the decorators, type names and TS modifiers of a function's
    /// parameters (only when one of them has any).
    fn note_params<'a>(&mut self, params: impl Iterator<Item = (&'a Pat, &'a [Decorator], bool)>) {
        let mut info = Vec::new();
        let mut any = false;
        for (pat, decorators, ts_property) in params {
            let decorators: Vec<Val> = decorators.iter().map(|d| self.val(&d.expr)).collect();
            let (name, type_name) = match pat {
                Pat::Ident(b) => (
                    Some(b.id.sym.clone()),
                    b.type_ann.as_deref().and_then(type_name),
                ),
                Pat::Assign(a) => match &*a.left {
                    Pat::Ident(b) => (
                        Some(b.id.sym.clone()),
                        b.type_ann.as_deref().and_then(type_name),
                    ),
                    _ => (None, None),
                },
                _ => (None, None),
            };
            any |= !decorators.is_empty() || type_name.is_some() || ts_property;
            info.push(crate::model::ParamInfo {
                name,
                decorators,
                type_name,
                ts_property,
            });
        }
        if any {
            self.fn_meta_mut().params = info;
        }
    }

    /// After `if (t) return;` (or `if (t) {…} else return;`) the rest of
    /// the list runs only when `t` is false (true): it is walked under that.
    fn exit_cond(&mut self, stmt: &Stmt) {
        if let Some(test) = self.asserted(stmt) {
            self.push_cond(test, false);
            return;
        }
        let Stmt::If(IfStmt {
            test, cons, alt, ..
        }) = stmt
        else {
            return;
        };
        let negated = match alt {
            None if always_exits(cons) => true,
            Some(alt) if always_exits(cons) && !always_exits(alt) => true,
            Some(alt) if always_exits(alt) && !always_exits(cons) => false,
            _ => return,
        };
        let t = self.val(test);
        self.push_cond(t, negated);
    }

    /// Whether the loop is `for (… of Object.entries(t))`.
    fn is_entries_loop(&mut self, f: &ForOfStmt) -> bool {
        let Expr::Call(CallExpr {
            callee: Callee::Expr(callee),
            ..
        }) = &*f.right
        else {
            return false;
        };
        self.val(callee).as_member().is_some_and(|(obj, m)| {
            &**m == "entries" && matches!(obj, Val::Global(g) if &**g == "Object")
        })
    }

    /// `for (const [k, v] of Object.entries(table))`: `k` and `v` stand for
    /// every entry of `table` (see `ENTRY_KEY`).
    fn for_of_table(&mut self, f: &ForOfStmt) {
        if let Expr::Call(CallExpr {
            callee: Callee::Expr(callee),
            args,
            ..
        }) = &*f.right
        {
            let entries = self.val(callee).as_member().is_some_and(|(obj, m)| {
                &**m == "entries" && matches!(obj, Val::Global(g) if &**g == "Object")
            });
            if let (true, Some(table), ForHead::VarDecl(decl)) = (entries, args.first(), &f.left) {
                if let Some(Pat::Array(arr)) = decl.decls.first().map(|d| &d.name) {
                    let table = self.val(&table.expr);
                    for (el, key) in arr
                        .elems
                        .iter()
                        .zip([crate::model::ENTRY_KEY, crate::model::ENTRY_VALUE])
                    {
                        if let Some(Pat::Ident(b)) = el {
                            self.assign(&b.id, table.clone().member(key));
                        }
                    }
                }
            }
        }
    }

    /// The variable (or pattern) of a `for…of`/`for…in` head, given `v`.
    fn bind_loop_head(&mut self, left: &ForHead, v: Val) {
        match left {
            ForHead::VarDecl(decl) if decl.decls.len() == 1 => {
                let name = decl.decls[0].name.clone();
                self.bind_pat(&name, v);
            }
            ForHead::Pat(p) => {
                let p = (**p).clone();
                self.bind_pat(&p, v);
            }
            _ => {}
        }
    }

    /// The test of `assert(t)`, `assert.ok(t)`, `invariant(t)`, or the
    /// comparison of `assert.strictEqual(a, b)` (rules/models/asserts.toml):
    /// it throws unless the test holds.
    fn asserted(&mut self, stmt: &Stmt) -> Option<Val> {
        let Stmt::Expr(e) = stmt else { return None };
        let call = match &*e.expr {
            Expr::Call(c) => c,
            Expr::Await(a) => match &*a.arg {
                Expr::Call(c) => c,
                _ => return None,
            },
            _ => return None,
        };
        let Callee::Expr(callee) = &call.callee else {
            return None;
        };
        // `assert(…)`, `assert.strict.equal(…)`: a name or a member path.
        // Reading any other callee again (a bundle's IIFE, whose body holds
        // more of them) would walk its functions once more at each level.
        if !is_name_path(callee) {
            return None;
        }
        let data = super::asserts();
        let mut members = Vec::new();
        let mut cur = self.val(callee);
        // Bounded: a variable defined from its own member (`var e = e.x`,
        // common in bundles) would otherwise lead here forever.
        let mut hops = 0;
        let module = loop {
            hops += 1;
            if hops > 32 {
                return None;
            }
            match cur {
                Val::Module(m) => break m,
                Val::Binding(id) => match self.model.bindings.get(id as usize) {
                    Some(b) if b.assignments == 1 => cur = b.value.clone(),
                    _ => return None,
                },
                Val::Member(m) => {
                    let (obj, prop) = *m;
                    members.push(prop);
                    cur = obj;
                }
                _ => return None,
            }
        };
        if !data.packages.iter().any(|p| p == module.as_str()) {
            return None;
        }
        members.reverse();
        let mut names: Vec<&str> = members.iter().map(|m| m.as_str()).collect();
        // `assert.strict.equal`, and an ES default import (`default.ok`).
        while names.len() > 1 && matches!(names[0], "strict" | "default") {
            names.remove(0);
        }
        let name = match names.as_slice() {
            [] => "",
            [n] => n,
            _ => return None,
        };
        let arg = |i: usize| call.args.get(i).filter(|a| a.spread.is_none());
        if data.truthy.iter().any(|t| t == name) {
            return Some(self.val(&arg(0)?.expr));
        }
        let op = if data.equal.iter().any(|t| t == name) {
            "==="
        } else if data.not_equal.iter().any(|t| t == name) {
            "!=="
        } else {
            return None;
        };
        let (a, b) = (arg(0)?, arg(1)?);
        let (a, b) = (self.val(&a.expr), self.val(&b.expr));
        Some(Val::Bin(Box::new((op, a, b))))
    }

    /// Walks a statement list, each statement under the early exits before it.
    fn walk_stmts<'a>(&mut self, stmts: impl Iterator<Item = &'a Stmt>) {
        let saved = self.cond;
        let top = std::mem::take(&mut self.fn_top);
        for stmt in stmts {
            stmt.visit_with(self);
            self.exit_cond(stmt);
        }
        if top {
            let tail = self.cond;
            self.func_mut().tail_cond = tail;
        }
        self.cond = saved;
    }

    fn export(&mut self, name: &str, value: Val) {
        self.model.exports.push((name.into(), value));
    }

    /// `module.exports…` / `exports…` assignment targets → export names.
    fn export_target(&self, target: &Val) -> Option<Box<str>> {
        match target {
            Val::Member(m) => match &m.0 {
                Val::Global(g) if &**g == "module" && &*m.1 == "exports" => Some("default".into()),
                Val::Global(g) if &**g == "exports" => Some(m.1.as_str().into()),
                Val::Member(m2)
                    if &*m2.1 == "exports"
                        && matches!(&m2.0, Val::Global(g) if &**g == "module") =>
                {
                    Some(m.1.as_str().into())
                }
                _ => None,
            },
            _ => None,
        }
    }
}

/// The operator of a compound assignment whose result the model follows.
fn compound_op(op: AssignOp) -> Option<&'static str> {
    match op {
        AssignOp::Assign => None,
        AssignOp::AddAssign => Some("+"),
        AssignOp::NullishAssign => Some("??"),
        AssignOp::OrAssign => Some("||"),
        AssignOp::AndAssign => Some("&&"),
        _ => Some("?"),
    }
}

/// `users: UsersService`, `model: Model<User>` → the referenced type's name.
fn type_name(ann: &TsTypeAnn) -> Option<swc_atoms::Atom> {
    match &*ann.type_ann {
        TsType::TsTypeRef(r) => match &r.type_name {
            TsEntityName::Ident(i) => Some(i.sym.clone()),
            TsEntityName::TsQualifiedName(q) => Some(q.right.sym.clone()),
        },
        _ => None,
    }
}

/// Whether a statement always leaves the function (return or throw last;
/// Koa's `ctx.throw(…)` throws, `process.exit(…)` ends the process).
/// `a`, `a.b.c`, `this.a.b`: names and static members only.
fn is_name_path(e: &Expr) -> bool {
    let mut cur = e;
    for _ in 0..16 {
        match cur {
            Expr::Ident(_) | Expr::This(_) => return true,
            Expr::Member(m) if matches!(m.prop, MemberProp::Ident(_)) => cur = &m.obj,
            Expr::Paren(p) => cur = &p.expr,
            _ => return false,
        }
    }
    false
}

fn always_exits(stmt: &Stmt) -> bool {
    match stmt {
        Stmt::Return(_) | Stmt::Throw(_) => true,
        Stmt::Block(b) => b.stmts.last().is_some_and(always_exits),
        Stmt::Expr(e) => match &*e.expr {
            Expr::Call(CallExpr {
                callee: Callee::Expr(callee),
                ..
            }) => match &**callee {
                Expr::Member(m) => match (&*m.obj, &m.prop) {
                    (_, MemberProp::Ident(p)) if &*p.sym == "throw" => true,
                    (Expr::Ident(o), MemberProp::Ident(p)) => {
                        &*o.sym == "process" && &*p.sym == "exit"
                    }
                    _ => false,
                },
                _ => false,
            },
            _ => false,
        },
        _ => false,
    }
}

fn module_name(name: &ModuleExportName) -> Box<str> {
    match name {
        ModuleExportName::Ident(i) => i.sym.as_str().into(),
        ModuleExportName::Str(s) => str_of(s),
    }
}

impl Visit for Indexer {
    fn visit_expr(&mut self, e: &Expr) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || e.visit_children_with(self));
    }

    fn visit_stmt(&mut self, s: &Stmt) {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || s.visit_children_with(self));
    }

    fn visit_module_items(&mut self, items: &[ModuleItem]) {
        let saved = self.cond;
        for item in items {
            item.visit_with(self);
            if let ModuleItem::Stmt(stmt) = item {
                self.exit_cond(stmt);
            }
        }
        self.cond = saved;
    }

    fn visit_regex(&mut self, r: &Regex) {
        self.regex_id(r);
    }

    fn visit_stmts(&mut self, stmts: &[Stmt]) {
        self.walk_stmts(stmts.iter());
    }

    fn visit_function(&mut self, f: &Function) {
        f.decorators.visit_with(self);
        let decorators: Vec<Val> = f.decorators.iter().map(|d| self.val(&d.expr)).collect();
        self.enter_fn(f.span, f.params.len() as u32, f.is_async, false, |ix| {
            if !decorators.is_empty() {
                ix.fn_meta_mut().decorators = decorators;
            }
            ix.note_params(f.params.iter().map(|p| (&p.pat, &p.decorators[..], false)));
            ix.bind_params(f.params.iter().map(|p| &p.pat));
            ix.func_mut().empty = f
                .body
                .as_ref()
                .is_some_and(|b| super::catches::is_bare(&b.stmts));
            f.params.visit_with(ix);
            f.body.visit_with(ix);
        });
    }

    fn visit_arrow_expr(&mut self, a: &ArrowExpr) {
        self.enter_fn(a.span, a.params.len() as u32, a.is_async, true, |ix| {
            ix.bind_params(a.params.iter());
            a.params.visit_with(ix);
            ix.func_mut().empty = match &*a.body {
                ArrowFunctionBody::FunctionBody(b) => super::catches::is_bare(&b.stmts),
                ArrowFunctionBody::Expr(e) => super::catches::is_constant(e),
            };
            match &*a.body {
                ArrowFunctionBody::FunctionBody(b) => b.visit_with(ix),
                ArrowFunctionBody::Expr(e) => {
                    let v = ix.val(e);
                    ix.func_mut().returns.push(v);
                    e.visit_with(ix);
                }
            }
        });
    }

    /// A TS parameter property (`private readonly users: UsersService`) is
    /// a parameter at its position and a member of the class.
    fn visit_constructor(&mut self, c: &Constructor) {
        let class = self.this_class();
        self.method_of = class;
        self.enter_fn(c.span, c.params.len() as u32, false, false, |ix| {
            let func = ix.current_fn();
            let mut pats: Vec<Pat> = Vec::with_capacity(c.params.len());
            let mut noted: Vec<(Pat, Vec<Decorator>, bool)> = Vec::new();
            for (index, p) in c.params.iter().enumerate() {
                match p {
                    ParamOrTsParamProp::Param(p) => {
                        pats.push(p.pat.clone());
                        noted.push((p.pat.clone(), p.decorators.clone(), false));
                    }
                    ParamOrTsParamProp::TsParamProp(tp) => {
                        let pat = match &tp.param {
                            TsParamPropParam::Ident(b) => Pat::Ident(b.clone()),
                            TsParamPropParam::Assign(a) => Pat::Assign(a.clone()),
                        };
                        let name = match &tp.param {
                            TsParamPropParam::Ident(b) => Some(b.id.sym.clone()),
                            TsParamPropParam::Assign(a) => {
                                a.left.as_ident().map(|b| b.id.sym.clone())
                            }
                        };
                        if let (Some(class), Some(name)) = (class, name) {
                            let value = Val::Param {
                                func,
                                index: index as u32,
                            };
                            ix.class_member(class, &name, value);
                        }
                        pats.push(pat.clone());
                        noted.push((pat, tp.decorators.clone(), true));
                    }
                }
            }
            ix.note_params(noted.iter().map(|(p, d, t)| (p, &d[..], *t)));
            ix.bind_params(pats.iter());
            c.params.visit_with(ix);
            c.body.visit_with(ix);
        });
    }

    fn visit_class(&mut self, c: &Class) {
        c.decorators.visit_with(self);
        c.super_class.visit_with(self);
        let id = self.class_id(c.span);
        let decorators: Vec<Val> = c.decorators.iter().map(|d| self.val(&d.expr)).collect();
        self.model.classes[id as usize].decorators = decorators;
        self.this_stack.push(Some(id));
        for member in &c.body {
            match member {
                ClassMember::Method(m) => {
                    if let Some(name) = super::values::prop_name(&m.key) {
                        let f = self.fn_id(m.function.span);
                        self.model.functions[f as usize]
                            .name
                            .get_or_insert_with(|| swc_atoms::Atom::from(&*name));
                        // Reading a getter calls it.
                        let value = match m.kind {
                            MethodKind::Getter => {
                                Val::Call(std::sync::Arc::new(crate::model::CallVal {
                                    callee: Val::Func(f),
                                    args: Vec::new(),
                                    new: false,
                                    span: self.span(m.span),
                                }))
                            }
                            MethodKind::Setter => Val::Unknown(Why::Unmodeled),
                            MethodKind::Method => Val::Func(f),
                        };
                        self.class_member(id, &name, value);
                    }
                    m.key.visit_with(self);
                    self.method_of = Some(id);
                    m.function.visit_with(self);
                }
                ClassMember::Constructor(ctor) => {
                    let f = self.fn_id(ctor.span);
                    self.model.functions[f as usize].name = Some("constructor".into());
                    self.model.classes[id as usize].ctor = Some(f);
                    ctor.visit_with(self);
                }
                ClassMember::ClassProp(p) => {
                    if let (Some(name), Some(v)) = (super::values::prop_name(&p.key), &p.value) {
                        let val = self.val(v);
                        self.class_member(id, &name, val);
                    }
                    p.visit_with(self);
                }
                other => other.visit_with(self),
            }
        }
        self.this_stack.pop();
    }

    fn visit_class_decl(&mut self, c: &ClassDecl) {
        let id = self.class_id(c.class.span);
        self.model.classes[id as usize].name = Some(c.ident.sym.as_str().into());
        self.assign(&c.ident, Val::Class(id));
        c.class.visit_with(self);
    }

    /// `for (const [k, v] of Object.entries(table))` (see `for_of_table`);
    /// in any other
    /// `for (const x of xs)`, `x` stands for every element of `xs`
    /// (`ELEMENT`), destructured as a declaration would be.
    fn visit_for_of_stmt(&mut self, f: &ForOfStmt) {
        if !self.is_entries_loop(f) {
            let element = self.val(&f.right).member(crate::model::ELEMENT);
            self.bind_loop_head(&f.left, element);
        }
        self.for_of_table(f);
        self.loop_depth += 1;
        f.visit_children_with(self);
        self.loop_depth -= 1;
    }

    /// `for (const k in table)`: `k` stands for every key of `table`
    /// (`ENTRY_KEY`, as in an `Object.entries` loop).
    fn visit_for_in_stmt(&mut self, f: &ForInStmt) {
        let key = self.val(&f.right).member(crate::model::ENTRY_KEY);
        self.bind_loop_head(&f.left, key);
        self.loop_depth += 1;
        f.visit_children_with(self);
        self.loop_depth -= 1;
    }

    fn visit_fn_decl(&mut self, f: &FnDecl) {
        let id = self.fn_id(f.function.span);
        self.assign(&f.ident, Val::Func(id));
        self.model.functions[id as usize].name = Some(f.ident.sym.clone());
        f.function.visit_with(self);
    }

    fn visit_var_declarator(&mut self, d: &VarDeclarator) {
        if let Some(init) = &d.init {
            let v = self.val(init);
            if let (Pat::Ident(b), Val::Func(id)) = (&d.name, &v) {
                let f = &mut self.model.functions[*id as usize];
                f.name.get_or_insert_with(|| b.id.sym.clone());
            }
            self.bind_pat(&d.name, v);
        } else if let Pat::Ident(b) = &d.name {
            self.binding_id(&b.id);
        }
        d.init.visit_with(self);
    }

    fn visit_assign_expr(&mut self, a: &AssignExpr) {
        let value = match compound_op(a.op) {
            None => self.val(&a.right),
            // `sql += x` is `sql = sql + x`.
            Some(op) => match &a.left {
                AssignTarget::Simple(SimpleAssignTarget::Ident(b)) if op != "?" => {
                    let old = self.ident_val(&b.id);
                    let r = self.val(&a.right);
                    Val::Bin(Box::new((op, old, r)))
                }
                _ => Val::Unknown(Why::Unmodeled),
            },
        };
        match &a.left {
            AssignTarget::Simple(SimpleAssignTarget::Ident(b)) => self.assign(&b.id, value),
            AssignTarget::Simple(SimpleAssignTarget::Member(m)) => {
                let target = self.val(&Expr::Member(m.clone()));
                if let Some(name) = self.export_target(&target) {
                    if &*name == "default" {
                        self.model.cjs_default = true;
                    }
                    self.export(&name, value.clone());
                }
                if let Some((obj, prop)) = target.as_member() {
                    match *obj {
                        Val::This(class) => self.class_member(class, prop, value.clone()),
                        // `Server.instance = new Server()`: a static member.
                        Val::Binding(b) => {
                            if let Some(Val::Class(class)) =
                                self.model.bindings.get(b as usize).map(|b| &b.value)
                            {
                                let class = *class;
                                self.class_member(class, prop, value.clone());
                            }
                        }
                        _ => {}
                    }
                }
                self.record_effect(Effect::Assign {
                    target,
                    value,
                    span: self.span(a.span),
                });
            }
            AssignTarget::Pat(p) => match p {
                AssignTargetPat::Object(o) => self.bind_pat(&Pat::Object(o.clone()), value),
                AssignTargetPat::Array(arr) => self.bind_pat(&Pat::Array(arr.clone()), value),
                AssignTargetPat::Invalid(_) => {}
            },
            _ => {}
        }
        a.visit_children_with(self);
    }

    fn visit_call_expr(&mut self, c: &CallExpr) {
        if let Callee::Expr(callee) = &c.callee {
            if let Some(spec) = self.require_specifier(callee, &c.args) {
                self.model.imports.push(spec);
            } else {
                let call = self.call_of(callee, Some(&c.args), false, c.span, 1);
                self.record_call(call, self.span(callee_span(callee)));
            }
        } else if let Callee::Import(_) = &c.callee {
            if let Some(Expr::Lit(Lit::Str(s))) = c.args.first().map(|a| &*a.expr) {
                self.model.imports.push(str_of(s));
            }
        }
        c.visit_children_with(self);
    }

    fn visit_new_expr(&mut self, n: &NewExpr) {
        let call = self.call_of(&n.callee, n.args.as_deref(), true, n.span, 1);
        self.record_call(call, self.span(callee_span(&n.callee)));
        n.visit_children_with(self);
    }

    fn visit_if_stmt(&mut self, s: &IfStmt) {
        s.test.visit_with(self);
        let t = self.val(&s.test);
        let saved = self.push_cond(t.clone(), false);
        s.cons.visit_with(self);
        self.cond = saved;
        if let Some(alt) = &s.alt {
            let saved = self.push_cond(t, true);
            alt.visit_with(self);
            self.cond = saved;
        }
    }

    fn visit_cond_expr(&mut self, c: &CondExpr) {
        c.test.visit_with(self);
        let t = self.val(&c.test);
        let saved = self.push_cond(t.clone(), false);
        c.cons.visit_with(self);
        self.cond = saved;
        let saved = self.push_cond(t, true);
        c.alt.visit_with(self);
        self.cond = saved;
    }

    fn visit_bin_expr(&mut self, b: &BinExpr) {
        let negated = match b.op {
            BinaryOp::LogicalAnd => false,
            BinaryOp::LogicalOr => true,
            _ => {
                return stacker::maybe_grow(64 * 1024, 1024 * 1024, || b.visit_children_with(self))
            }
        };
        b.left.visit_with(self);
        let t = self.val(&b.left);
        let saved = self.push_cond(t, negated);
        b.right.visit_with(self);
        self.cond = saved;
    }

    fn visit_return_stmt(&mut self, r: &ReturnStmt) {
        let v = r.arg.as_deref().map_or(Val::Undefined, |e| self.val(e));
        self.func_mut().returns.push(v);
        r.visit_children_with(self);
    }

    fn visit_throw_stmt(&mut self, t: &ThrowStmt) {
        if self.try_depth == 0 {
            self.record_effect(Effect::Throw {
                span: self.span(t.span),
            });
        }
        t.visit_children_with(self);
    }

    fn visit_for_stmt(&mut self, f: &ForStmt) {
        self.loop_depth += 1;
        f.visit_children_with(self);
        self.loop_depth -= 1;
    }

    fn visit_while_stmt(&mut self, w: &WhileStmt) {
        self.loop_depth += 1;
        w.visit_children_with(self);
        self.loop_depth -= 1;
    }

    fn visit_do_while_stmt(&mut self, w: &DoWhileStmt) {
        self.loop_depth += 1;
        w.visit_children_with(self);
        self.loop_depth -= 1;
    }

    fn visit_await_expr(&mut self, a: &AwaitExpr) {
        let mut arg = &*a.arg;
        while let Expr::Paren(p) = arg {
            arg = &p.expr;
        }
        let span = match arg {
            Expr::Call(c) => Some(self.span(c.span)),
            Expr::New(n) => Some(self.span(n.span)),
            _ => None,
        };
        let saved = std::mem::replace(&mut self.awaited, span);
        a.visit_children_with(self);
        self.awaited = saved;
    }

    fn visit_try_stmt(&mut self, t: &TryStmt) {
        if let Some(h) = &t.handler {
            if super::catches::is_bare(&h.body.stmts) {
                let (try_awaits, looped) = super::catches::operations(&t.block);
                // In a loop, one awaited step is an attempt at one
                // candidate (the next broker, the next path); a job loop's
                // body does two things or more.
                let try_loop = looped || (self.loop_depth > 0 && try_awaits > 1);
                let span = self.span(h.span);
                let func = self.current_fn();
                self.model.bare_catches.push(crate::model::BareCatch {
                    func,
                    span,
                    try_awaits,
                    try_loop,
                });
            }
        }
        let catches = t.handler.is_some();
        self.try_depth += catches as u32;
        t.block.visit_with(self);
        self.try_depth -= catches as u32;
        if let Some(param) = t.handler.as_ref().and_then(|h| h.param.as_ref()) {
            self.bind_pat(param, Val::Caught);
        }
        t.handler.visit_with(self);
        t.finalizer.visit_with(self);
    }

    /// Each `case t:` body runs under `discriminant === t`; `default:` under
    /// none of the tests holding.
    fn visit_switch_stmt(&mut self, s: &SwitchStmt) {
        s.discriminant.visit_with(self);
        let disc = self.val(&s.discriminant);
        let tests: Vec<Val> = s
            .cases
            .iter()
            .filter_map(|c| c.test.as_deref())
            .map(|t| self.val(t))
            .collect();
        let mut next_test = tests.iter();
        for case in &s.cases {
            case.test.visit_with(self);
            let saved = self.cond;
            match &case.test {
                Some(_) => {
                    if let Some(t) = next_test.next() {
                        self.push_cond(Val::Bin(Box::new(("===", disc.clone(), t.clone()))), false);
                    }
                }
                None => {
                    for t in &tests {
                        self.push_cond(Val::Bin(Box::new(("===", disc.clone(), t.clone()))), true);
                    }
                }
            }
            self.walk_stmts(case.cons.iter());
            self.cond = saved;
        }
    }

    fn visit_import_decl(&mut self, d: &ImportDecl) {
        let spec = str_of(&d.src);
        self.model.imports.push(spec.clone());
        if d.type_only {
            self.model.type_only_imports.push(spec);
            return;
        }
        for s in &d.specifiers {
            match s {
                // The default export; of a package, its module.exports (the
                // resolution knows which, once it knows what `spec` names).
                ImportSpecifier::Default(i) => {
                    self.assign(
                        &i.local,
                        Val::Module(swc_atoms::Atom::from(&*spec)).member("default"),
                    );
                }
                ImportSpecifier::Namespace(i) => {
                    self.assign(&i.local, Val::Module(swc_atoms::Atom::from(&*spec)))
                }
                ImportSpecifier::Named(n) => {
                    let name = n
                        .imported
                        .as_ref()
                        .map_or_else(|| n.local.sym.as_str().into(), module_name);
                    self.assign(
                        &n.local,
                        Val::Module(swc_atoms::Atom::from(&*spec)).member(&name),
                    );
                }
            }
        }
    }

    fn visit_ts_import_equals_decl(&mut self, d: &TsImportEqualsDecl) {
        if let TsModuleRef::TsExternalModuleRef(r) = &d.module_ref {
            let spec = str_of(&r.expr);
            self.model.imports.push(spec.clone());
            self.assign(&d.id, Val::Module(swc_atoms::Atom::from(&*spec)));
        }
    }

    fn visit_export_decl(&mut self, d: &ExportDecl) {
        match &d.decl {
            Decl::Fn(f) => {
                let id = self.fn_id(f.function.span);
                self.export(f.ident.sym.as_str(), Val::Func(id));
            }
            Decl::Var(v) => {
                for decl in &v.decls {
                    if let Pat::Ident(b) = &decl.name {
                        let id = self.binding_id(&b.id);
                        self.export(b.id.sym.as_str(), Val::Binding(id));
                    }
                }
            }
            Decl::Class(c) => {
                let id = self.class_id(c.class.span);
                self.export(c.ident.sym.as_str(), Val::Class(id));
            }
            _ => {}
        }
        d.visit_children_with(self);
    }

    fn visit_export_default_decl(&mut self, d: &ExportDefaultDecl) {
        match &d.decl {
            DefaultDecl::Fn(f) => {
                let id = self.fn_id(f.function.span);
                if let Some(ident) = &f.ident {
                    self.assign(ident, Val::Func(id));
                }
                self.export("default", Val::Func(id));
            }
            DefaultDecl::Class(c) => {
                let id = self.class_id(c.class.span);
                if let Some(ident) = &c.ident {
                    self.assign(ident, Val::Class(id));
                }
                self.export("default", Val::Class(id));
            }
            _ => self.export("default", Val::Unknown(Why::Unmodeled)),
        }
        d.visit_children_with(self);
    }

    fn visit_export_default_expr(&mut self, d: &ExportDefaultExpr) {
        let v = self.val(&d.expr);
        self.export("default", v);
        d.visit_children_with(self);
    }

    fn visit_named_export(&mut self, n: &NamedExport) {
        if n.type_only {
            return;
        }
        let src = n.src.as_ref().map(|s| str_of(s));
        if let Some(spec) = &src {
            self.model.imports.push(spec.clone());
        }
        for s in &n.specifiers {
            match s {
                ExportSpecifier::Named(named) => {
                    let orig = module_name(&named.orig);
                    let exported = named
                        .exported
                        .as_ref()
                        .map_or_else(|| orig.clone(), module_name);
                    let v = match (&src, &named.orig) {
                        (Some(spec), _) => {
                            Val::Module(swc_atoms::Atom::from(&**spec)).member(&orig)
                        }
                        (None, ModuleExportName::Ident(i)) => self.ident_val(i),
                        (None, _) => Val::Unknown(Why::Unmodeled),
                    };
                    self.export(&exported, v);
                }
                ExportSpecifier::Namespace(ns) => {
                    if let Some(spec) = &src {
                        self.export(
                            &module_name(&ns.name),
                            Val::Module(swc_atoms::Atom::from(&**spec)),
                        );
                    }
                }
                ExportSpecifier::Default(d) => {
                    if let Some(spec) = &src {
                        self.export(
                            d.exported.sym.as_str(),
                            Val::Module(swc_atoms::Atom::from(&**spec)).member("default"),
                        );
                    }
                }
            }
        }
    }

    fn visit_export_all(&mut self, e: &ExportAll) {
        let spec = str_of(&e.src);
        self.model.imports.push(spec.clone());
        self.model.star_exports.push(spec);
    }
}

fn callee_span(e: &Expr) -> swc_common::Span {
    use swc_common::Spanned;
    e.span()
}

pub(crate) fn is_relative(spec: &str) -> bool {
    spec.starts_with("./")
        || spec.starts_with("../")
        || spec == "."
        || spec == ".."
        || spec.starts_with('/')
}
