//! What the dataflow rules share: finding a sink's receiver, the span of
//! its method, the flow steps of a finding, and the budget notices.

use nodeward_report::{FlowStep, Notice, NoticeKind, Related, Span};
use nodeward_semantic::flow::{Flow, Step};
use nodeward_semantic::{CallRef, CallSite, FileId, Project, Val};

use crate::Ctx;

/// Every name a list of sink rows holds (their methods, or packages).
pub fn names<'a, R: 'a>(
    rows: &'a [R],
    field: impl Fn(&'a R) -> &'a [String],
) -> std::collections::HashSet<&'a str> {
    rows.iter()
        .flat_map(|r| field(r).iter().map(String::as_str))
        .collect()
}

/// Whether any file imports one of `packages`: the method-name fallback
/// for receivers that cannot be resolved applies only then.
pub fn imports_any(project: &Project, packages: &std::collections::HashSet<&str>) -> bool {
    project
        .files
        .iter()
        .any(|m| m.imports.iter().any(|i| packages.contains(&**i)))
}

/// A receiver nothing resolves: a parameter (`this.db`, an injected
/// model), an import outside the project. A value the project defines (an
/// array, a class, a function, a string) is not a query receiver.
pub fn unresolved(project: &Project, file: FileId, recv: &Val) -> bool {
    matches!(
        project.resolve(file, recv).1,
        Val::Unknown(_) | Val::Param { .. } | Val::Member(_) | Val::Call(_)
    )
}

/// The method name of a call: in a chain (`db.collection('x').find(…)`)
/// the call starts lines before it.
pub fn method_span(site: &CallSite, method: &str) -> Span {
    let end = site.callee_span.end;
    Span {
        start: end
            .saturating_sub(method.len() as u32)
            .max(site.callee_span.start),
        end,
    }
}

/// The finding's flow: the taint's steps, then the sink.
pub fn flow_steps(
    project: &Project,
    steps: &[Step],
    file: FileId,
    site: &CallSite,
    sink: String,
) -> Vec<FlowStep> {
    flow_steps_to(project, steps, file, site.call.span, sink)
}

/// The same, for a sink that is not a call (`ctx.body = …`).
pub fn flow_steps_to(
    project: &Project,
    steps: &[Step],
    file: FileId,
    at: Span,
    sink: String,
) -> Vec<FlowStep> {
    let mut out: Vec<FlowStep> = steps
        .iter()
        .map(|s| Related {
            path: project.file(s.file).path.clone(),
            span: s.span,
            message: s.message.clone(),
        })
        .collect();
    out.push(Related {
        path: project.file(file).path.clone(),
        span: at,
        message: sink,
    });
    out
}

/// A notice for each file where following client data ran out of budget.
pub fn budget_notices(ctx: &Ctx, flow: &Flow, what: &str) {
    let mut notices = ctx.notices.lock().unwrap_or_else(|e| e.into_inner());
    for file in flow.budget_spent() {
        notices.push(Notice::for_file(
            NoticeKind::Budget,
            ctx.project.file(file).path.clone(),
            format!("following client data to {what} ran out of its budget in this file; some flows may be missed"),
        ));
    }
}

/// A call that may be a sink: its method is one of the rule's and its
/// receiver matched a sink row (`by_name`: by the method name only).
pub struct Candidate<'p, S> {
    pub file: FileId,
    pub func: nodeward_semantic::FnId,
    pub site: &'p CallSite,
    pub method: &'p str,
    pub sink: S,
    pub by_name: bool,
}

/// The calls of the project to one of `names` (a method's or a global's,
/// `Project::calls_named`) that `keep` accepts, in file and source order,
/// checked in parallel (the dataflow then runs on these few); the files
/// `skip` names are left out.
pub fn call_sites<'p, 'n, T: Send>(
    ctx: &Ctx<'p>,
    names: impl IntoIterator<Item = &'n str>,
    skip: impl Fn(FileId) -> bool + Sync,
    keep: impl Fn(FileId, &'p CallSite) -> Option<T> + Sync,
) -> Vec<(FileId, nodeward_semantic::FnId, &'p CallSite, T)> {
    use rayon::prelude::*;
    let project: &'p Project = ctx.project;
    let mut at: Vec<CallRef> = Vec::new();
    for n in names {
        at.extend_from_slice(&project.calls_named(n));
    }
    at.sort_unstable();
    at.dedup();
    at.into_par_iter()
        .filter(|c| !skip(c.file))
        .filter_map(|c| {
            let site = project.call_site(c);
            keep(c.file, site).map(|t| (c.file, c.func, site, t))
        })
        .collect()
}

/// Every candidate sink call of the project, in file and source order.
pub fn candidates<'p, S: Send + Copy>(
    ctx: &Ctx<'p>,
    methods: &std::collections::HashSet<&str>,
    classify: impl Fn(FileId, &Val, &str) -> Vec<(S, bool)> + Sync,
) -> Vec<Candidate<'p, S>> {
    let found = call_sites(
        ctx,
        methods.iter().copied(),
        |fid| ctx.leaves_aside(fid),
        |fid, site| {
            let (recv, m) = site.call.callee.as_member()?;
            if !methods.contains(m.as_str()) {
                return None;
            }
            let sinks = classify(fid, recv, m);
            (!sinks.is_empty()).then_some((m.as_str(), sinks))
        },
    );
    let mut out = Vec::new();
    for (file, func, site, (method, sinks)) in found {
        for (sink, by_name) in sinks {
            out.push(Candidate {
                file,
                func,
                site,
                method,
                sink,
                by_name,
            });
        }
    }
    out
}
