//! Callbacks that built-in methods call: `ids.forEach((id) => …)` gives
//! its callback each element of `ids`, `p.then((v) => …)` the value `p`
//! resolves to (as `await p` would). These functions have no call site the
//! engine can resolve; what their parameters get is read off the call that
//! receives them.

use std::sync::Arc;

use crate::model::{CallVal, CondId, FnId, Val, ELEMENT};
use crate::project::FileId;

use super::eval::{Abs, Frame};
use super::{Flow, Step};

/// Array methods whose callback gets an element first (and `reduce`'s
/// second parameter): language semantics, not a library's.
const ELEMENT_FIRST: &[&str] = &[
    "forEach",
    "map",
    "flatMap",
    "filter",
    "find",
    "findLast",
    "findIndex",
    "findLastIndex",
    "some",
    "every",
];
const ELEMENT_SECOND: &[&str] = &["reduce", "reduceRight"];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Given {
    /// An element of the receiver.
    Element,
    /// The receiver itself, resolved.
    Resolved,
}

/// A parameter of a callback, and the call that gives it its value.
#[derive(Debug, Clone)]
pub(crate) struct Fed {
    index: u32,
    given: Given,
    from: FnId,
    cond: Option<CondId>,
    call: Arc<CallVal>,
}

/// The callbacks of one file's built-in calls, by callback.
pub(crate) fn fed_in(flow: &Flow, file: FileId) -> foldhash::HashMap<FnId, Vec<Fed>> {
    let mut out: foldhash::HashMap<FnId, Vec<Fed>> = Default::default();
    for (func, f) in flow.project.file(file).functions.iter().enumerate() {
        for site in &f.calls {
            let Some((_, m)) = site.call.callee.as_member() else {
                continue;
            };
            let (index, given) = if ELEMENT_FIRST.contains(&m.as_str()) {
                (0, Given::Element)
            } else if ELEMENT_SECOND.contains(&m.as_str()) {
                (1, Given::Element)
            } else if m.as_str() == "then" {
                (0, Given::Resolved)
            } else {
                continue;
            };
            let Some(arg) = site.call.args.first() else {
                continue;
            };
            if let (cf, Val::Func(id)) = flow.project.resolve(file, arg) {
                if cf == file {
                    out.entry(id).or_default().push(Fed {
                        index,
                        given,
                        from: func as FnId,
                        cond: site.cond,
                        call: site.call.clone(),
                    });
                }
            }
        }
    }
    out
}

impl Flow<'_> {
    /// What parameter `index` of callback `func` gets from the built-in
    /// call it is given to, when that is client data.
    pub(crate) fn fed_param(&self, fr: &Frame, func: FnId, index: u32) -> Option<Abs> {
        let feds = self.fed(fr.file, func);
        for fed in feds.iter().filter(|f| f.index == index) {
            let Some((recv, m)) = fed.call.callee.as_member() else {
                continue;
            };
            let up = fr.beside(fr.file, fed.from, fed.cond);
            // Guards around the call hold for what it feeds the callback.
            let Some(t) = self.eval_client(&up, recv) else {
                continue;
            };
            let whole = t.what.clone();
            let mut t = match fed.given {
                Given::Element => super::eval::client_member(self, t, &ELEMENT.into()),
                Given::Resolved => t,
            };
            if t.labels == 0 {
                continue;
            }
            let what = match fed.given {
                Given::Element => format!("each element of {whole}"),
                Given::Resolved => format!("what {whole} resolves to"),
            };
            let name = super::eval::param_name(self.project.file(fr.file), func, index)
                .map_or_else(|| format!("parameter {}", index + 1), |n| format!("`{n}`"));
            t.steps.push(Step {
                file: fr.file,
                span: fed.call.span,
                message: format!("{what} enters the callback of `.{m}(…)` as {name}"),
            });
            return Some(Abs::Client(t));
        }
        None
    }
}
