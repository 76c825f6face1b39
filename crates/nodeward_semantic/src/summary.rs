//! A file's model as text, for snapshot tests and triage: functions with
//! their parameters, calls and tail conditions, variables with every value
//! they are given, conditions, classes.

use std::fmt::Write;

use crate::model::FileModel;
use crate::routes::describe;

pub fn summary(model: &FileModel) -> String {
    let mut out = String::new();
    let d = |v: &crate::model::Val| describe(model, v);
    out.push_str("functions:\n");
    for (id, f) in model.functions.iter().enumerate() {
        let name = if id == 0 {
            "<module>"
        } else {
            f.name.as_deref().unwrap_or("<anonymous>")
        };
        let _ = write!(out, "  #{id} {name} params={}", f.params);
        if f.is_async && id != 0 {
            out.push_str(" async");
        }
        if let Some(c) = f.tail_cond {
            let _ = write!(out, " tail=c{c}");
        }
        out.push('\n');
        for deco in model.decorators(id as crate::model::FnId) {
            let _ = writeln!(out, "    @{}", d(deco));
        }
        let params = model
            .fn_meta(id as crate::model::FnId)
            .map_or(&[][..], |m| &m.params);
        for (i, p) in params.iter().enumerate() {
            let _ = write!(out, "    param {i}");
            if let Some(n) = &p.name {
                let _ = write!(out, " {n}");
            }
            if let Some(t) = &p.type_name {
                let _ = write!(out, ": {t}");
            }
            if p.ts_property {
                out.push_str(" (parameter property)");
            }
            for deco in &p.decorators {
                let _ = write!(out, " @{}", d(deco));
            }
            out.push('\n');
        }
        for c in &f.calls {
            let call = crate::model::Val::Call(c.call.clone());
            let _ = write!(out, "    call {}", d(&call));
            if let Some(cond) = c.cond {
                let _ = write!(out, " [c{cond}]");
            }
            if c.in_try {
                out.push_str(" [try]");
            }
            out.push('\n');
        }
        for r in &f.returns {
            let _ = writeln!(out, "    return {}", d(r));
        }
    }
    out.push_str("bindings:\n");
    for (id, b) in model.bindings.iter().enumerate() {
        let values: Vec<String> = model
            .binding_values(id as crate::model::BindingId)
            .iter()
            .map(d)
            .collect();
        let _ = writeln!(
            out,
            "  {} ({}): {}",
            b.name,
            b.assignments,
            values.join(" | ")
        );
    }
    if !model.conds.is_empty() {
        out.push_str("conds:\n");
        for (id, c) in model.conds.iter().enumerate() {
            let _ = write!(
                out,
                "  c{id}: {}{}",
                if c.negated { "not " } else { "" },
                d(&c.test)
            );
            if let Some(p) = c.parent {
                let _ = write!(out, " (in c{p})");
            }
            out.push('\n');
        }
    }
    if !model.classes.is_empty() {
        out.push_str("classes:\n");
        for c in &model.classes {
            let _ = writeln!(out, "  {}", c.name.as_deref().unwrap_or("<anonymous>"));
            for deco in &c.decorators {
                let _ = writeln!(out, "    @{}", d(deco));
            }
            for (name, v, n) in &c.members {
                let _ = writeln!(
                    out,
                    "    .{name} = {}{}",
                    d(v),
                    if *n > 1 {
                        " (assigned more than once)"
                    } else {
                        ""
                    }
                );
            }
        }
    }
    out
}
