//! `missing-helmet`: an app that serves responses without the protective
//! headers (helmet or an equivalent), helmet registered only after the
//! routes, or helmet with important protections switched off.

use nodeward_report::{Finding, Level, Precision, Related, RuleMeta};
use nodeward_semantic::env::Truth;
use nodeward_semantic::routes::{Framework, Router as App, RouterId as AppId};
use nodeward_semantic::FileId;

use crate::middleware::{header_uses, is_route, HeaderUse};
use crate::{Ctx, Rule};

pub static META: RuleMeta = RuleMeta {
    id: "missing-helmet",
    name: "MissingHelmet",
    summary: "An app serves responses without security headers (helmet or an equivalent)",
    default_level: Level::Warning,
    cwe: &[693, 1021],
    tags: &["headers"],
    precision: Precision::High,
    security_severity: "5.3",
    docs: include_str!("../../../../rules/missing-helmet.md"),
};

pub struct MissingHelmet;

/// What an app's registrations give it, in order.
struct Coverage {
    /// The first header middleware that protects routes registered after it.
    protection: Option<(u32, HeaderUse)>,
    /// The first route registered before any protection.
    early_route: Option<(FileId, nodeward_report::Span)>,
    weakened: Vec<HeaderUse>,
    /// Hand-written header middleware that sets some headers but not all.
    partial: Option<HeaderUse>,
}

impl Rule for MissingHelmet {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Ctx, _file: FileId, _out: &mut Vec<Finding>) {}

    /// Once per project: each app's coverage is computed once, and a
    /// weakened helmet is reported where its call is, in whatever file.
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        let skip = |file: FileId| ctx.leaves_aside(file);
        let covs: Vec<Option<Coverage>> = ctx
            .routes
            .routers
            .iter()
            .map(|r| (r.is_used() && !r.origin_files().any(skip)).then(|| coverage(ctx, r)))
            .collect();
        for (id, app) in ctx.routes.routers.iter().enumerate() {
            let Some(cov) = &covs[id] else { continue };
            for w in cov.weakened.iter().filter(|w| !skip(w.file)) {
                out.push(weakened(ctx, w));
            }
            // A sub-app of an app the interpretation does not see: that
            // parent may set the headers.
            if !app.is_app() || app.mounted_elsewhere && app.mounted_by.is_empty() {
                continue;
            }
            if cov.protection.is_some() && cov.early_route.is_none() {
                continue;
            }
            if covered_by_parent(ctx, &covs, id, 0) {
                continue;
            }
            let path = ctx.project.file(app.file).path.clone();
            let mut f = Finding::new(META.id, META.default_level, path, app.span);
            match (&cov.protection, &cov.early_route) {
                (Some((_, h)), Some((rf, rs))) => {
                    f.message = format!(
                        "This {} app registers its security-headers middleware only after a route, so that route is served without the headers",
                        app.framework.name()
                    );
                    f.related.push(Related {
                        path: ctx.project.file(*rf).path.clone(),
                        span: *rs,
                        message: "route registered first".into(),
                    });
                    f.related.push(Related {
                        path: ctx.project.file(h.file).path.clone(),
                        span: h.span,
                        message: "headers middleware registered here".into(),
                    });
                }
                _ => {
                    f.message = match &cov.partial {
                        Some(p) if !p.missing.is_empty() => format!(
                            "This {} app sets only some security headers: {} {} missing in the default environment",
                            app.framework.name(),
                            p.missing.join(", "),
                            if p.missing.len() == 1 { "is" } else { "are" }
                        ),
                        _ => format!(
                            "This {} app sends responses without security headers: no helmet (or equivalent) is registered on it in the default environment",
                            app.framework.name()
                        ),
                    };
                }
            }
            f.help = help(app.framework).into();
            out.push(f);
        }
    }
}

fn weakened(ctx: &Ctx, w: &HeaderUse) -> Finding {
    let names: Vec<String> = w
        .disabled
        .iter()
        .map(|(k, h)| format!("`{k}: false` ({h})"))
        .collect();
    let mut f = Finding::new(
        META.id,
        META.default_level,
        ctx.project.file(w.file).path.clone(),
        w.span,
    );
    f.message = format!(
        "helmet is configured with protections switched off: {}",
        names.join(", ")
    );
    f.help = "remove these options to keep helmet's defaults, or configure the header (e.g. a Content-Security-Policy with your own directives) instead of switching it off".into();
    f
}

fn help(fw: Framework) -> &'static str {
    match fw {
        Framework::Express | Framework::Nest { fastify: false } => {
            "register `app.use(helmet())` (npm package helmet) right after creating the app, before any route, router or static files"
        }
        Framework::Koa => "register `app.use(helmet())` from koa-helmet before the router",
        Framework::Fastify | Framework::Nest { fastify: true } => {
            "register the @fastify/helmet plugin: `await app.register(helmet)`"
        }
    }
}

fn coverage(ctx: &Ctx, app: &App) -> Coverage {
    let ordered = !matches!(
        app.framework,
        Framework::Fastify | Framework::Nest { fastify: true }
    );
    let mut cov = Coverage {
        protection: None,
        early_route: None,
        weakened: Vec::new(),
        partial: None,
    };
    for op in &app.ops {
        if op.truth == Truth::False {
            continue;
        }
        for mut u in header_uses(ctx.project, app.framework, op) {
            // Parts (helmet.hsts(), a hand-written middleware setting some
            // headers) add up: what none of them sets is missing.
            if !u.sets_headers && !u.missing.is_empty() {
                let first = cov.partial.take().unwrap_or_else(|| u.clone());
                let missing: Vec<String> = first
                    .missing
                    .iter()
                    .filter(|h| u.missing.contains(h))
                    .cloned()
                    .collect();
                u.sets_headers = missing.is_empty();
                cov.partial = Some(HeaderUse { missing, ..first });
            }
            if !u.sets_headers || u.not_global {
                continue;
            }
            if !u.disabled.is_empty() {
                cov.weakened.push(u.clone());
            }
            if cov.protection.is_none() {
                cov.protection = Some((op.seq, u));
            }
        }
        if ordered
            && cov.protection.is_none()
            && cov.early_route.is_none()
            && is_route(ctx.project, app.framework, op)
        {
            cov.early_route = Some((op.file, op.span));
        }
    }
    cov
}

/// A sub-app mounted under a parent that set the headers before mounting it
/// is covered: the parent's middleware runs first.
fn covered_by_parent(ctx: &Ctx, covs: &[Option<Coverage>], id: AppId, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    ctx.routes.routers[id]
        .mounted_by
        .iter()
        .any(|&(parent, op_index)| {
            let p = &ctx.routes.routers[parent];
            let mount_seq = p.ops.get(op_index).map_or(u32::MAX, |o| o.seq);
            covs[parent].as_ref().is_some_and(|cov| {
                cov.protection
                    .as_ref()
                    .is_some_and(|(seq, _)| *seq < mount_seq)
            }) || covered_by_parent(ctx, covs, parent, depth + 1)
        })
}
