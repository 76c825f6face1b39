//! `x-powered-by`: an Express app that still announces itself.
//!
//! Express turns the `x-powered-by` setting on in every app, mounted
//! sub-apps included (their init middleware re-adds the header after a
//! parent removed it), so each app object needs its own switch-off.

use nodeward_report::{Finding, Level, Precision, Related, RuleMeta};
use nodeward_semantic::env::{eval_default, Truth};
use nodeward_semantic::routes::{Op as AppOp, Router as App};
use nodeward_semantic::{FileId, Val};

use crate::middleware::{header_uses, is_route, loop_table};
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "x-powered-by",
    name: "XPoweredBy",
    summary: "An Express app still sends the X-Powered-By header",
    default_level: Level::Warning,
    cwe: &[200],
    tags: &["headers", "fingerprinting"],
    precision: Precision::High,
    security_severity: "3.1",
    docs: include_str!("../../../../rules/x-powered-by.md"),
};

pub struct XPoweredBy;

impl Rule for XPoweredBy {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        for (_, app) in ctx.routes.apps().filter(|(_, a)| {
            a.framework.is_express()
                && a.is_used()
                && !(a.mounted_elsewhere && a.mounted_by.is_empty())
                && !a.origin_files().any(|f| ctx.leaves_aside(f))
        }) {
            if hides_header(ctx, app) {
                continue;
            }
            let path = &ctx.project.file(app.file).path;
            let mut f = Finding::new(META.id, META.default_level, path.clone(), app.span);
            f.message = format!(
                "This {} app sends `X-Powered-By: Express` on every response, telling attackers which framework to target",
                app.framework.name()
            );
            f.help = "call `app.disable('x-powered-by')` right after creating the app (the setting name is lower case), or register `helmet()` before the routes".into();
            if let Some(&(parent, _)) = app.mounted_by.first() {
                let p = &ctx.routes.routers[parent];
                f.related.push(Related {
                    path: ctx.project.file(p.file).path.clone(),
                    span: p.span,
                    message: "mounted in this app; a sub-app keeps its own x-powered-by setting"
                        .into(),
                });
            }
            out.push(f);
        }
    }
}

fn hides_header(ctx: &Ctx, app: &App) -> bool {
    let mut routed = false;
    for op in &app.ops {
        if op.truth == Truth::False {
            continue;
        }
        if switches_off(ctx, op) {
            return true;
        }
        // Middleware only covers the routes registered after it.
        if !routed
            && header_uses(ctx.project, app.framework, op)
                .iter()
                .any(|u| u.hides_powered_by)
        {
            return true;
        }
        routed |= is_route(ctx.project, app.framework, op);
    }
    false
}

/// `app.disable('x-powered-by')`, `app.set('x-powered-by', false)`: a
/// setting read on every request, so its place does not matter. The name is
/// case-sensitive: `'X-Powered-By'` is another, unused setting.
fn switches_off(ctx: &Ctx, op: &AppOp) -> bool {
    let name = |v: Option<&Val>| {
        v.and_then(|v| match eval_default(ctx.project, op.file, v) {
            Some(nodeward_semantic::env::Const::Str(s)) => Some(s),
            _ => None,
        })
    };
    if &*op.method == "set" && settings_table_off(ctx, op) {
        return true;
    }
    match &*op.method {
        "disable" => name(op.args.first()).as_deref() == Some("x-powered-by"),
        "set" => {
            name(op.args.first()).as_deref() == Some("x-powered-by")
                && op
                    .args
                    .get(1)
                    .and_then(|v| eval_default(ctx.project, op.file, v))
                    .is_some_and(|c| !c.truthy())
        }
        _ => false,
    }
}

/// `for (const [k, v] of Object.entries({ 'x-powered-by': false, … })) app.set(k, v)`.
fn settings_table_off(ctx: &Ctx, op: &AppOp) -> bool {
    let table_of = |v: Option<&Val>, part: &str| loop_table(ctx.project, op.file, v, part);
    let (Some(keys), Some(values)) = (
        table_of(op.args.first(), nodeward_semantic::ENTRY_KEY),
        table_of(op.args.get(1), nodeward_semantic::ENTRY_VALUE),
    ) else {
        return false;
    };
    if keys != values {
        return false;
    }
    match ctx.project.resolve(op.file, &keys) {
        (tf, table @ Val::Object(_)) => table
            .prop("x-powered-by")
            .and_then(|v| eval_default(ctx.project, tf, v))
            .is_some_and(|c| !c.truthy()),
        _ => false,
    }
}
