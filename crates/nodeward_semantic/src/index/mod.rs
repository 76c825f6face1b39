//! Builds a file's `FileModel` from its resolved AST in one walk.

mod catches;
mod compact;
mod values;
mod walk;

pub(crate) use walk::is_relative;

// A fast hasher with a per-run seed: the indexer hashes every name of every
// file, and the names come from code nodeward does not trust.
use foldhash::HashMap;

use swc_atoms::Atom;
use swc_common::{Mark, SyntaxContext};
use swc_ecma_ast::*;
use swc_ecma_visit::VisitWith;

use nodeward_front::parse::{span_of, ParsedFile};
use nodeward_report::Span;

use crate::model::Why;
use crate::model::{self as m, *};
use m::Function;

pub(crate) struct Indexer {
    model: FileModel,
    unresolved: Mark,
    bindings: HashMap<(Atom, SyntaxContext), BindingId>,
    fn_ids: HashMap<u32, FnId>,
    fn_stack: Vec<FnId>,
    cond: Option<CondId>,
    try_depth: u32,
    class_ids: HashMap<u32, u32>,
    /// What `this` is in the function being walked (`None`: not a class).
    this_stack: Vec<Option<u32>>,
    /// Set by a class method or constructor for the function it walks next.
    method_of: Option<u32>,
    /// Set on entering a function, taken by the first statement list walked
    /// (its body), so that the body's tail condition is recorded.
    fn_top: bool,
    /// Every value of the variables assigned more than once.
    defs: HashMap<BindingId, Vec<Val>>,
    /// Calls read so far, by span (see `call_of`).
    calls: HashMap<(u32, u32), std::sync::Arc<CallVal>>,
    /// The span of the call an `await` is applied to, while it is walked.
    awaited: Option<Span>,
    /// Loops around the statement being walked, in the current function.
    loop_depth: u32,
}

/// Indexes one parsed file. Runs inside the file's stack (`with_file_stack`).
pub fn index_file(path: &str, parsed: &ParsedFile) -> FileModel {
    let mut ix = Indexer {
        model: FileModel {
            path: path.to_string(),
            is_typescript: parsed.is_typescript,
            ..Default::default()
        },
        unresolved: parsed.unresolved_mark,
        bindings: HashMap::default(),
        fn_ids: HashMap::default(),
        fn_stack: vec![MODULE_FN],
        cond: None,
        try_depth: 0,
        class_ids: HashMap::default(),
        this_stack: vec![None],
        method_of: None,
        fn_top: false,
        defs: HashMap::default(),
        calls: HashMap::default(),
        awaited: None,
        loop_depth: 0,
    };
    let span = match &parsed.program {
        Program::Module(m) => m.span,
        Program::Script(s) => s.span,
    };
    ix.model.functions.push(Function {
        name: None,
        span: span_of(span),
        params: 0,
        is_async: true,
        empty: false,
        parent: None,
        calls: Vec::new(),
        effects: Vec::new(),
        returns: Vec::new(),
        tail_cond: None,
    });
    parsed.program.visit_with(&mut ix);
    let mut model = ix.model;
    model.reassigned = ix.defs.into_iter().collect();
    model.reassigned.sort_by_key(|(b, _)| *b);
    model.fn_meta.sort_by_key(|m| m.func);
    for b in &mut model.bindings {
        if b.assignments > 1 {
            b.value = Val::Unknown(Why::Unresolved);
        }
    }
    model.imports.sort();
    // A specifier is type-only when every import of it is (counted before
    // the duplicates go).
    model.type_only_imports.sort();
    let all = &model.imports;
    let count = |list: &[Box<str>], spec: &str| list.iter().filter(|s| &***s == spec).count();
    let type_only: Vec<Box<str>> = model
        .type_only_imports
        .iter()
        .filter(|s| count(all, s) == count(&model.type_only_imports, s))
        .cloned()
        .collect();
    model.type_only_imports = type_only;
    model.type_only_imports.dedup();
    model.imports.dedup();
    compact::compact_conds(&mut model);
    shrink(&mut model);
    model
}

/// Models live until the end of the run: give back the spare capacity that
/// growing vectors leave (up to half of each).
fn shrink(model: &mut FileModel) {
    for f in &mut model.functions {
        f.calls.shrink_to_fit();
        f.effects.shrink_to_fit();
        f.returns.shrink_to_fit();
    }
    model.functions.shrink_to_fit();
    model.bindings.shrink_to_fit();
    model.conds.shrink_to_fit();
    model.classes.shrink_to_fit();
    model.fn_meta.shrink_to_fit();
    model.reassigned.shrink_to_fit();
    model.regexes.shrink_to_fit();
    model.exports.shrink_to_fit();
    model.imports.shrink_to_fit();
    model.type_only_imports.shrink_to_fit();
}

impl Indexer {
    pub(crate) fn span(&self, s: swc_common::Span) -> Span {
        span_of(s)
    }

    pub(crate) fn is_global(&self, i: &Ident) -> bool {
        i.ctxt.outer() == self.unresolved
    }

    pub(crate) fn current_fn(&self) -> FnId {
        *self.fn_stack.last().unwrap_or(&MODULE_FN)
    }

    pub(crate) fn func_mut(&mut self) -> &mut Function {
        let id = self.current_fn() as usize;
        &mut self.model.functions[id]
    }

    /// The id of the function starting at `span`, allocated on first sight
    /// (a callback is named by the call that passes it before it is walked).
    pub(crate) fn fn_id(&mut self, span: swc_common::Span) -> FnId {
        if let Some(id) = self.fn_ids.get(&span.lo.0) {
            return *id;
        }
        let id = self.model.functions.len() as FnId;
        self.model.functions.push(Function {
            name: None,
            span: span_of(span),
            params: 0,
            is_async: false,
            empty: false,
            parent: Some(self.current_fn()),
            calls: Vec::new(),
            effects: Vec::new(),
            returns: Vec::new(),
            tail_cond: None,
        });
        self.fn_ids.insert(span.lo.0, id);
        id
    }

    /// The id of a regex literal, allocated on first sight (the walk and the
    /// reading of a value may both meet it).
    pub(crate) fn regex_id(&mut self, r: &Regex) -> u32 {
        let span = span_of(r.span);
        if let Some(i) = self.model.regexes.iter().rposition(|x| x.span == span) {
            return i as u32;
        }
        self.model.regexes.push(m::RegexLit {
            pattern: r.exp.as_str().into(),
            flags: r.flags.as_str().into(),
            span,
        });
        (self.model.regexes.len() - 1) as u32
    }

    /// The id of the class starting at `span`, allocated on first sight.
    pub(crate) fn class_id(&mut self, span: swc_common::Span) -> u32 {
        if let Some(id) = self.class_ids.get(&span.lo.0) {
            return *id;
        }
        let id = self.model.classes.len() as u32;
        self.model.classes.push(m::Class {
            name: None,
            span: span_of(span),
            ctor: None,
            members: Vec::new(),
            decorators: Vec::new(),
        });
        self.class_ids.insert(span.lo.0, id);
        id
    }

    pub(crate) fn this_class(&self) -> Option<u32> {
        self.this_stack.last().copied().flatten()
    }

    /// Records a class member (method, field, `this.x = …`). A nullish
    /// value is a placeholder (a field declared `app = undefined;` and set in
    /// the constructor, or cleared on close): it gives way to a real value
    /// and does not count against it.
    pub(crate) fn class_member(&mut self, class: u32, name: &str, value: Val) {
        let members = &mut self.model.classes[class as usize].members;
        let nullish = |v: &Val| matches!(v, Val::Undefined | Val::Null);
        match members.iter_mut().find(|(k, _, _)| &**k == name) {
            Some(_) if nullish(&value) => {}
            Some(m) if nullish(&m.1) => m.1 = value,
            Some(m) => m.2 += 1,
            None => members.push((name.into(), value, 1)),
        }
    }

    pub(crate) fn binding_id(&mut self, i: &Ident) -> BindingId {
        let key = (i.sym.clone(), i.ctxt);
        if let Some(id) = self.bindings.get(&key) {
            return *id;
        }
        let id = self.model.bindings.len() as BindingId;
        self.model.bindings.push(Binding {
            name: i.sym.clone(),
            span: span_of(i.span),
            value: Val::Unknown(Why::Unresolved),
            assignments: 0,
        });
        self.bindings.insert(key, id);
        id
    }

    /// Records that `i` is given `value` (declaration with init, assignment).
    pub(crate) fn assign(&mut self, i: &Ident, value: Val) {
        let id = self.binding_id(i) as usize;
        let b = &mut self.model.bindings[id];
        b.assignments += 1;
        if b.assignments == 1 {
            b.value = value;
        } else {
            let first = b.value.clone();
            let defs = self
                .defs
                .entry(id as BindingId)
                .or_insert_with(|| vec![first]);
            defs.push(value);
        }
    }

    /// Gives `i` its value once, however often the expression is read.
    pub(crate) fn define(&mut self, i: &Ident, value: Val) {
        let id = self.binding_id(i) as usize;
        let b = &mut self.model.bindings[id];
        if b.assignments == 0 {
            b.assignments = 1;
            b.value = value;
        }
    }

    /// Binds every name of a pattern to the matching part of `value`. A
    /// default (`{ limit = 20 } = req.query`) makes the value
    /// `part ?? default`, except on a parameter: a parameter is what the
    /// caller passes. A rest element is a copy of what remains.
    pub(crate) fn bind_pat(&mut self, pat: &Pat, value: Val) {
        match pat {
            Pat::Ident(b) => self.assign(&b.id, value),
            Pat::Assign(a) => {
                let v = if matches!(value, Val::Param { .. }) {
                    value
                } else {
                    let d = self.val(&a.right);
                    Val::Bin(Box::new(("??", value, d)))
                };
                self.bind_pat(&a.left, v)
            }
            Pat::Object(o) => {
                for p in &o.props {
                    match p {
                        ObjectPatProp::KeyValue(kv) => {
                            let v = match values::prop_name(&kv.key) {
                                Some(k) => value.clone().member(&k),
                                None => Val::Unknown(Why::Dynamic),
                            };
                            self.bind_pat(&kv.value, v);
                        }
                        ObjectPatProp::Assign(a) => {
                            let mut v = value.clone().member(&a.key.id.sym);
                            if let Some(d) = &a.value {
                                let d = self.val(d);
                                v = Val::Bin(Box::new(("??", v, d)));
                            }
                            self.assign(&a.key.id, v);
                        }
                        ObjectPatProp::Rest(r) => {
                            let rest = Val::Object(Box::new(vec![("...".into(), value.clone())]));
                            self.bind_pat(&r.arg, rest)
                        }
                    }
                }
            }
            Pat::Array(a) => {
                for (i, el) in a.elems.iter().enumerate() {
                    if let Some(el) = el {
                        let v = match el {
                            Pat::Rest(_) => {
                                Val::Array(Box::new(vec![Val::Spread(Box::new(value.clone()))]))
                            }
                            _ => value.clone().member(&i.to_string()),
                        };
                        self.bind_pat(el, v);
                    }
                }
            }
            Pat::Rest(r) => self.bind_pat(&r.arg, value),
            Pat::Expr(_) | Pat::Invalid(_) => {}
        }
    }

    pub(crate) fn push_cond(&mut self, test: Val, negated: bool) -> Option<CondId> {
        let saved = self.cond;
        let id = self.model.conds.len() as CondId;
        self.model.conds.push(CondNode {
            parent: saved,
            test,
            negated,
        });
        self.cond = Some(id);
        saved
    }

    pub(crate) fn record_call(&mut self, call: std::sync::Arc<CallVal>, callee_span: Span) {
        if !worth_recording(&call.callee) {
            return;
        }
        let awaited = self.awaited == Some(call.span);
        let site = CallSite {
            call,
            callee_span,
            cond: self.cond,
            in_try: self.try_depth > 0,
            awaited,
        };
        self.func_mut().calls.push(site);
    }

    /// The side-table entry of the current function (created on first use).
    pub(crate) fn fn_meta_mut(&mut self) -> &mut FnMeta {
        let func = self.current_fn();
        let metas = &mut self.model.fn_meta;
        match metas.iter().rposition(|m| m.func == func) {
            Some(i) => &mut metas[i],
            None => {
                metas.push(FnMeta {
                    func,
                    decorators: Vec::new(),
                    params: Vec::new(),
                });
                metas.last_mut().expect("just pushed")
            }
        }
    }

    pub(crate) fn record_effect(&mut self, effect: Effect) {
        let cond = self.cond;
        self.func_mut().effects.push(EffectSite { effect, cond });
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GlobalsData {
    inert: Vec<String>,
}

/// The globals whose calls are not recorded (rules/models/globals.toml):
/// data, so that a rule that needs a global's calls edits no code.
fn inert_globals() -> &'static std::collections::HashSet<String> {
    static DATA: std::sync::OnceLock<std::collections::HashSet<String>> =
        std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        let d: GlobalsData = toml::from_str(include_str!("../../../../rules/models/globals.toml"))
            .expect("rules/models/globals.toml is valid (checked by a test)");
        d.inert.into_iter().collect()
    })
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct AssertsData {
    pub packages: Vec<String>,
    pub truthy: Vec<String>,
    pub equal: Vec<String>,
    pub not_equal: Vec<String>,
}

/// The calls that throw unless their test holds (rules/models/asserts.toml).
pub(crate) fn asserts() -> &'static AssertsData {
    static DATA: std::sync::OnceLock<AssertsData> = std::sync::OnceLock::new();
    DATA.get_or_init(|| {
        toml::from_str(include_str!("../../../../rules/models/asserts.toml"))
            .expect("rules/models/asserts.toml is valid (checked by a test)")
    })
}

fn worth_recording(callee: &Val) -> bool {
    let kept = |g: &str| !inert_globals().contains(g);
    match callee {
        // `describe(…)`, `console.log(…)`, `Math.max(…)`: dropped; a chain
        // on an inert global's result (`Date.now().toString()`) is kept.
        Val::Global(g) => kept(g),
        Val::Member(m) => match &m.0 {
            Val::Global(g) => kept(g),
            Val::Unknown(_) | Val::Str(_) | Val::Num(_) | Val::Template(_) => false,
            _ => true,
        },
        Val::Unknown(_) | Val::Str(_) | Val::Num(_) | Val::Template(_) | Val::Array(_) => false,
        _ => true,
    }
}
