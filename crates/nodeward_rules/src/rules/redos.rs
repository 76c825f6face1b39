//! `redos`: regexes whose backtracking takes exponential time (reported
//! wherever the regex is), or polynomial time on client data of unbounded
//! length (reported at the call that applies it).
//!
//! Every finding carries an attack string that the analysis confirmed with
//! a step-counting backtracking matcher (crates/nodeward_regex).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use nodeward_regex::{analyze, screen, Budget, Complexity, Screen, Verdict, Vulnerability};
use nodeward_report::{Finding, Level, Notice, NoticeKind, Precision, Related, RuleMeta, Span};
use nodeward_semantic::env::{eval_default, Const};
use nodeward_semantic::{CallSite, CondId, FileId, FnId, Project, Val};

use crate::client_data::client_text;
use crate::regex_fix;
use crate::{Ctx, Rule};
use nodeward_regex::rewrite::Uses;
use nodeward_semantic::flow::{framework_body_limit, Carried, Flow, Limit, BOUNDED, TEXT};
use nodeward_semantic::routes::Framework;

pub static META: RuleMeta = RuleMeta {
    id: "redos",
    name: "Redos",
    summary: "A regex can backtrack for exponential time, or polynomial time on client data",
    default_level: Level::Error,
    cwe: &[1333, 400],
    tags: &["redos", "denial-of-service", "regex"],
    precision: Precision::High,
    security_severity: "7.5",
    docs: include_str!("../../../../rules/redos.md"),
};

pub struct Redos;

/// Methods whose receiver is the regex and first argument the subject.
const ON_REGEX: &[&str] = &["test", "exec"];
/// String methods whose first argument is the regex and receiver the subject.
const ON_STRING: &[&str] = &[
    "match",
    "matchAll",
    "replace",
    "replaceAll",
    "search",
    "split",
];

/// A regex found in the code, with where it is.
struct Found {
    pattern: String,
    flags: String,
    file: FileId,
    span: Span,
    /// A `/…/` literal (which `--fix` may rewrite), not a `RegExp(…)`.
    literal: bool,
}

impl Rule for Redos {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// A polynomial finding's level follows the time one request at the
    /// bound blocks the event loop.
    fn ranks_levels(&self) -> bool {
        true
    }

    fn check(&self, ctx: &Ctx, file: FileId, out: &mut Vec<Finding>) {
        let project = ctx.project;
        let model = project.file(file);
        // Exponential: at every literal and constant `RegExp(…)`, except
        // literals handed straight to a linear engine (`new RE2(/…/)`).
        let linear = linear_engine_literals(project, file);
        let inline = regex_fix::inline_uses(project, file);
        let mut searches = regex_fix::Searches::per_file();
        // One analysis per regex: a file of thousands stops at its time
        // budget (`clock`; the pipeline gives the notice).
        for (i, lit) in model.regexes.iter().enumerate() {
            if crate::clock::out_of_time() {
                return;
            }
            if linear.contains(&(i as u32)) {
                continue;
            }
            let found = Found {
                pattern: lit.pattern.to_string(),
                flags: lit.flags.to_string(),
                file,
                span: lit.span,
                literal: true,
            };
            let uses = inline.get(&(i as u32)).copied();
            self.exponential(ctx, &found, uses, &mut searches, out);
        }
        for site in model.functions.iter().flat_map(|f| &f.calls) {
            if crate::clock::out_of_time() {
                return;
            }
            if let Some(found) = regexp_call(project, file, &site.call) {
                let uses = None;
                self.exponential(ctx, &found, uses, &mut searches, out);
            }
        }
    }

    fn sink_calls(&self) -> Vec<&'static str> {
        ON_REGEX.iter().chain(ON_STRING).copied().collect()
    }

    /// Polynomial regexes on client data: what the dataflow engine follows
    /// from the routes (helpers, callers, other files, in-place
    /// redefinitions), else client text read in the same function from a
    /// parameter named like a request. One engine for the whole project, so
    /// its caches are shared.
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Finding>) {
        // The regex calls that may be polynomial, found in parallel before
        // the engine (whose queries run one at a time) is taken.
        let sites = polynomial_sites(ctx);
        let mut guard = ctx.flow();
        let Some(flow) = guard.as_mut() else { return };
        let flow: &Flow = flow;
        let named = NamedLimits {
            head: flow.head_limit().clone(),
            express: framework_body_limit(Framework::Express),
            koa: framework_body_limit(Framework::Koa),
        };
        let mut searches = regex_fix::Searches::per_run();
        for (file, func, site, ()) in sites {
            self.polynomial(ctx, file, func, site, flow, &named, &mut searches, out);
        }
        crate::flow_sinks::budget_notices(ctx, flow, "a regex");
    }
}

impl Redos {
    fn exponential(
        &self,
        ctx: &Ctx,
        found: &Found,
        uses: Option<Uses>,
        searches: &mut regex_fix::Searches,
        out: &mut Vec<Finding>,
    ) {
        let Some(v) = exponential_verdict(ctx, found) else {
            return;
        };
        if v.complexity != Complexity::Exponential {
            return;
        }
        let path = ctx.project.file(found.file).path.clone();
        let mut f = Finding::new(META.id, META.default_level, path, found.span);
        f.message = format!(
            "The regex {} takes exponential time on inputs like {}: each added {} doubles the work, so a few dozen characters block the event loop",
            show(&found.pattern, &found.flags),
            v.witness.attack_js(attack_len(v.complexity)),
            show_pump(&v.witness.pump),
        );
        evidence(&mut f, &v);
        let (offer, rewritten) = offer(ctx, &mut f, found, &v, uses, searches);
        f.help = if rewritten {
            format!("{offer} Or run it with a linear engine (the `re2` package).")
        } else {
            format!("{} {offer}", help(&v))
        };
        out.push(f);
    }

    #[allow(clippy::too_many_arguments)]
    fn polynomial(
        &self,
        ctx: &Ctx,
        file: FileId,
        func: FnId,
        site: &CallSite,
        flow: &Flow,
        named: &NamedLimits,
        searches: &mut regex_fix::Searches,
        out: &mut Vec<Finding>,
    ) {
        let project = ctx.project;
        let Some((recv, method)) = site.call.callee.as_member() else {
            return;
        };
        let (regex, subject) = if ON_REGEX.contains(&&**method) {
            (recv, site.call.args.first())
        } else if ON_STRING.contains(&&**method) {
            (
                match site.call.args.first() {
                    Some(r) => r,
                    None => return,
                },
                Some(recv),
            )
        } else {
            return;
        };
        let Some(subject) = subject else { return };
        // Cheapest test first: most `.replace(`/`.split(` calls run on
        // server data, with regexes that are linear.
        let Some(found) = regex_of(project, file, regex) else {
            return;
        };
        if !may_be_polynomial(&found) {
            return;
        }
        let (source, steps, size) = match flow.client_value(file, func, subject, site.cond) {
            Some(t) if t.labels & TEXT != 0 && t.escaped & BOUNDED == 0 && !t.by_name => {
                (t.what, t.steps, t.size)
            }
            _ => match client_text(project, file, subject) {
                Some(s) => {
                    let size = named.of(&s);
                    (s, Vec::new(), size)
                }
                None => return,
            },
        };
        if length_checked(project, file, site.cond, subject) {
            return;
        }
        let Some(v) = verdict(ctx, &found) else {
            return;
        };
        if !matches!(v.complexity, Complexity::Polynomial(_)) {
            return;
        }
        // An attack this source can carry: a header holds no line break.
        let Some(v) = carried_attack(&found, Carried::of(&source), v) else {
            return;
        };
        let Complexity::Polynomial(degree) = v.complexity else {
            return;
        };
        let regex_shown = show(&found.pattern, &found.flags);
        // One request at the bound: under 100 ms is not a denial of
        // service; a second or more is.
        let ms = size.as_ref().map(|limit| v.millis_at(limit.bytes));
        let (level, message, attack) = match (&size, ms) {
            (Some(limit), Some(ms)) => {
                if ms < WARN_MS {
                    return;
                }
                let level = if ms >= ERROR_MS {
                    Level::Error
                } else {
                    Level::Warning
                };
                let pumps = v.pumps_within(limit.bytes);
                let attack = v.witness.attack_js(pumps);
                let message = format!(
                    "The regex {regex_shown} takes O(n^{degree}) time on inputs like {attack}, and `.{method}(` runs it on `{source}`, which a client controls: one request of {} ({}) blocks the event loop for about {}",
                    show_bytes(limit.bytes),
                    limit.why,
                    show_ms(ms),
                );
                (level, message, attack)
            }
            _ => {
                let attack = v.witness.attack_js(attack_len(v.complexity));
                let message = format!(
                    "The regex {regex_shown} takes O(n^{degree}) time on inputs like {attack}, and `.{method}(` runs it on `{source}`, which a client controls and whose length nothing limits",
                );
                (Level::Error, message, attack)
            }
        };
        let mut f = Finding::new(
            META.id,
            level,
            project.file(file).path.clone(),
            site.call.span,
        );
        f.message = message;
        evidence(&mut f, &v);
        let uses = match regex_fix::inline_use(project, file, site) {
            Some((_, uses)) if found.file == file => Some(uses),
            _ => None,
        };
        let (offer, rewritten) = offer(ctx, &mut f, &found, &v, uses, searches);
        let limit = format!(
            "Or limit the input first: `if ({source}.length > 1000) return …`, or `.slice(0, 1000)`."
        );
        f.help = if rewritten {
            format!("{offer} {limit}")
        } else {
            format!("{} {limit} {offer}", help(&v))
        };
        f.related.push(Related {
            path: project.file(found.file).path.clone(),
            span: found.span,
            message: "the regex".into(),
        });
        if !steps.is_empty() {
            f.flow = crate::flow_sinks::flow_steps(
                project,
                &steps,
                file,
                site,
                format!("the regex runs on it in `.{method}(…)`"),
            );
        }
        f.properties.insert("attack".into(), attack.into());
        if let (Some(limit), Some(ms)) = (&size, ms) {
            f.properties.insert(
                "bound".into(),
                serde_json::json!({ "bytes": limit.bytes, "why": &*limit.why, "millis": ms.round() }),
            );
        }
        out.push(f);
    }
}

/// The calls that run a regex which may be polynomial on a subject
/// (`re.test(s)`, `s.replace(re, …)`), in files the rule reads.
fn polynomial_sites<'p>(ctx: &Ctx<'p>) -> Vec<(FileId, FnId, &'p CallSite, ())> {
    let project = ctx.project;
    crate::flow_sinks::call_sites(
        ctx,
        Redos.sink_calls(),
        |file| ctx.routes.is_static(&project.file(file).path),
        |file, site| {
            let (recv, m) = site.call.callee.as_member()?;
            let regex = if ON_REGEX.contains(&m.as_str()) {
                recv
            } else if ON_STRING.contains(&m.as_str()) {
                site.call.args.first()?
            } else {
                return None;
            };
            regex_of(project, file, regex)
                .is_some_and(|r| may_be_polynomial(&r))
                .then_some(())
        },
    )
}

/// One request blocking the event loop this long (ms) at the bound is a
/// warning; this long, an error.
const WARN_MS: f64 = 100.0;
const ERROR_MS: f64 = 1000.0;

/// The bounds of request data read from a parameter named like a request
/// (no route tells which parser or app it comes through).
struct NamedLimits {
    head: Limit,
    express: Limit,
    koa: Limit,
}

impl NamedLimits {
    /// By what is read: a body or the request head (the members
    /// sources.toml names for a request read by name).
    fn of(&self, what: &str) -> Option<Limit> {
        let (root, rest) = what.split_once('.').unwrap_or((what, ""));
        let rest = rest.strip_prefix("request.").unwrap_or(rest);
        if rest.starts_with("body") {
            Some(if matches!(root, "ctx" | "context") {
                self.koa.clone()
            } else {
                self.express.clone()
            })
        } else {
            Some(self.head.clone())
        }
    }
}

fn show_bytes(b: u64) -> String {
    if b >= 1024 * 1024 && b.is_multiple_of(1024 * 1024) {
        format!("{} MiB", b / (1024 * 1024))
    } else if b >= 1024 && b.is_multiple_of(1024) {
        format!("{} KiB", b / 1024)
    } else {
        format!("{b} bytes")
    }
}

fn show_ms(ms: f64) -> String {
    if ms >= 60_000.0 * 60.0 {
        "more than an hour".into()
    } else if ms >= 10_000.0 {
        format!("{:.0} s", ms / 1000.0)
    } else if ms >= 1000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else {
        format!("{:.0} ms", ms)
    }
}

fn help(v: &Vulnerability) -> &'static str {
    match v.complexity {
        Complexity::Exponential => "Remove the ambiguity: a repeated group must not be able to match the same text in two ways (`(a+)+` → `a+`, `(\\w+\\s?)*` → `\\w+(\\s\\w+)*`); or run the pattern with a linear engine (the `re2` package).",
        Complexity::Polynomial(_) if v.needs_search_loop => "Anchor the pattern or make the repeated part unable to start at every position (e.g. `^\\s+|\\s+$` → trim the string instead), or run it with a linear engine (the `re2` package).",
        Complexity::Polynomial(_) => "Make adjacent repetitions unable to match the same characters (e.g. `\\d+\\.?\\d*` → `\\d+(\\.\\d*)?`), or run it with a linear engine (the `re2` package).",
    }
}

/// The rewrite for `found` (help sentence, evidence, and the fix of a
/// literal), and whether there is one.
fn offer(
    ctx: &Ctx,
    f: &mut Finding,
    found: &Found,
    v: &Vulnerability,
    uses: Option<Uses>,
    searches: &mut regex_fix::Searches,
) -> (String, bool) {
    let path = &ctx.project.file(found.file).path;
    let literal = found.literal.then_some(regex_fix::Literal {
        path,
        span: found.span,
    });
    regex_fix::offer(f, &found.pattern, &found.flags, v, uses, literal, searches)
}

/// The witness, growth class and measurements, for JSON and SARIF.
fn evidence(f: &mut Finding, v: &Vulnerability) {
    let class = match v.complexity {
        Complexity::Exponential => "exponential".to_string(),
        Complexity::Polynomial(k) => format!("O(n^{k})"),
    };
    f.properties.insert("complexity".into(), class.into());
    f.properties.insert(
        "attack".into(),
        v.witness.attack_js(attack_len(v.complexity)).into(),
    );
    f.properties.insert(
        "witness".into(),
        serde_json::json!({ "prefix": v.witness.prefix, "pump": v.witness.pump, "suffix": v.witness.suffix }),
    );
    f.properties
        .insert("approximate".into(), v.approximate.into());
    let steps: Vec<serde_json::Value> = v
        .steps
        .iter()
        .map(|(n, s)| serde_json::json!([n, s]))
        .collect();
    f.properties.insert("steps".into(), steps.into());
}

fn attack_len(c: Complexity) -> usize {
    match c {
        Complexity::Exponential => 30,
        Complexity::Polynomial(2) => 50_000,
        Complexity::Polynomial(_) => 5_000,
    }
}

fn show(pattern: &str, flags: &str) -> String {
    let short: String = if pattern.chars().count() > 80 {
        pattern.chars().take(77).chain("...".chars()).collect()
    } else {
        pattern.to_string()
    };
    format!("`/{short}/{flags}`")
}

fn show_pump(pump: &str) -> String {
    if pump.chars().count() == 1 {
        format!("`{pump}`")
    } else {
        format!("repetition of `{pump}`")
    }
}

/// The analysis of each distinct pattern, shared by every file and thread:
/// the screen for every regex, the full analysis (which measures polynomial
/// candidates) only for those that run on client data.
#[derive(Default)]
struct Analysis {
    screen: OnceLock<Screen>,
    full: OnceLock<Verdict>,
    /// The attack within what a source can carry, by `Carried`.
    carried: Mutex<HashMap<Carried, Option<Vulnerability>>>,
}

/// The attack `v`, or one made only of characters the source can carry
/// (`nodeward_regex::deliverable`); `None` when there is none.
fn carried_attack(found: &Found, carried: Carried, v: Vulnerability) -> Option<Vulnerability> {
    let Some(ranges) = carried.ranges() else {
        return Some(v);
    };
    let a = analysis(found);
    let mut by = a.carried.lock().unwrap_or_else(|e| e.into_inner());
    by.entry(carried)
        .or_insert_with(|| {
            let set = nodeward_regex::CharSet::from_ranges(ranges.to_vec());
            nodeward_regex::deliverable(&found.pattern, &found.flags, &v, &set)
        })
        .clone()
}

/// By pattern and flags.
type Analyses = HashMap<(String, String), Arc<Analysis>>;

fn analysis(found: &Found) -> Arc<Analysis> {
    static CACHE: OnceLock<Mutex<Analyses>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (found.pattern.clone(), found.flags.clone());
    let mut c = cache.lock().unwrap_or_else(|e| e.into_inner());
    c.entry(key).or_default().clone()
}

/// Whether the regex may be polynomial: the screen left candidates unmeasured.
fn may_be_polynomial(found: &Found) -> bool {
    let a = analysis(found);
    a.screen
        .get_or_init(|| screen(&found.pattern, &found.flags, &Budget::default()))
        .may_be_polynomial
}

/// The exponential vulnerability of a regex, if it has one.
fn exponential_verdict(ctx: &Ctx, found: &Found) -> Option<Vulnerability> {
    let a = analysis(found);
    let s = a
        .screen
        .get_or_init(|| screen(&found.pattern, &found.flags, &Budget::default()));
    known(ctx, found, &s.exponential)
}

/// The full verdict, polynomial candidates measured.
fn verdict(ctx: &Ctx, found: &Found) -> Option<Vulnerability> {
    let a = analysis(found);
    let v = a
        .full
        .get_or_init(|| analyze(&found.pattern, &found.flags, &Budget::default()));
    known(ctx, found, v)
}

/// The vulnerability of a verdict; a notice when the analysis gave up.
fn known(ctx: &Ctx, found: &Found, v: &Verdict) -> Option<Vulnerability> {
    match v {
        Verdict::Vulnerable(vuln) => Some(vuln.clone()),
        Verdict::Safe => None,
        Verdict::Unknown(reason) => {
            let path = ctx.project.file(found.file).path.clone();
            let message = format!(
                "ReDoS analysis of {} gave up: {reason}",
                show(&found.pattern, &found.flags)
            );
            if let Ok(mut n) = ctx.notices.lock() {
                n.push(Notice::at(NoticeKind::Budget, path, found.span, message));
            }
            None
        }
    }
}

/// Regex literals passed directly to RE2 (the `re2` package), which matches
/// in linear time.
fn linear_engine_literals(project: &Project, file: FileId) -> Vec<u32> {
    let mut out = Vec::new();
    for site in project.file(file).functions.iter().flat_map(|f| &f.calls) {
        // The literal argument first: resolving the callee is the costly part.
        let Some(Val::Regex(i)) = site.call.args.first() else {
            continue;
        };
        if nodeward_semantic::routes::module_path(project, file, &site.call.callee)
            .is_some_and(|(m, p)| &*m == "re2" && p.is_empty())
        {
            out.push(*i);
        }
    }
    out
}

/// `new RegExp('…', 'g')` / `RegExp(…)` with a constant pattern.
fn regexp_call(
    project: &Project,
    file: FileId,
    call: &nodeward_semantic::CallVal,
) -> Option<Found> {
    // `RegExp` is a global or an alias of it, never a member.
    if !matches!(call.callee, Val::Global(_) | Val::Binding(_)) {
        return None;
    }
    if !matches!(project.resolve(file, &call.callee).1, Val::Global(ref g) if &**g == "RegExp") {
        return None;
    }
    let first = call.args.first()?;
    // `new RegExp(/x/)`: the literal itself is reported.
    if matches!(project.resolve(file, first).1, Val::Regex(_)) {
        return None;
    }
    let Some(Const::Str(pattern)) = eval_default(project, file, first) else {
        return None;
    };
    let flags = match call.args.get(1).map(|f| eval_default(project, file, f)) {
        None => String::new(),
        Some(Some(Const::Str(f))) => f,
        Some(_) => return None,
    };
    Some(Found {
        pattern,
        flags,
        file,
        span: call.span,
        literal: false,
    })
}

/// The regex a value holds: a literal (here or imported), a constant
/// `RegExp(…)`, or what a function returns.
fn regex_of(project: &Project, file: FileId, val: &Val) -> Option<Found> {
    match project.resolve(file, val) {
        (f, Val::Regex(i)) => {
            let lit = project.file(f).regexes.get(i as usize)?;
            Some(Found {
                pattern: lit.pattern.to_string(),
                flags: lit.flags.to_string(),
                file: f,
                span: lit.span,
                literal: true,
            })
        }
        (f, Val::Call(c)) => {
            regexp_call(project, f, &c).or_else(|| match project.resolve(f, &c.callee) {
                (ff, Val::Func(id)) => {
                    let ret = project.file(ff).function(id)?.returns.first()?.clone();
                    regex_of(project, ff, &ret)
                }
                _ => None,
            })
        }
        _ => None,
    }
}

/// Whether the call runs only under a comparison of the subject's
/// `.length` (`if (s.length > 100) return;` before it, or inside
/// `if (s.length < 100)`); the length of another value limits nothing.
fn length_checked(project: &Project, file: FileId, cond: Option<CondId>, subject: &Val) -> bool {
    let conds = &project.file(file).conds;
    let mut cur = cond;
    let mut guard = 0;
    while let Some(id) = cur {
        let Some(node) = conds.get(id as usize) else {
            break;
        };
        if compares_length(project, file, &node.test, subject) {
            return true;
        }
        cur = node.parent;
        guard += 1;
        if guard > 64 {
            break;
        }
    }
    false
}

fn compares_length(project: &Project, file: FileId, v: &Val, subject: &Val) -> bool {
    match v {
        Val::Bin(b) => match b.0 {
            "<" | "<=" | ">" | ">=" => {
                is_length_of(project, file, &b.1, subject)
                    || is_length_of(project, file, &b.2, subject)
            }
            "&&" | "||" => {
                compares_length(project, file, &b.1, subject)
                    || compares_length(project, file, &b.2, subject)
            }
            _ => false,
        },
        Val::Not(x) => compares_length(project, file, x, subject),
        _ => false,
    }
}

/// `x.length` where `x` is the subject, or a value the subject is made
/// from by method calls (`s` for `s.trim().toLowerCase()`, `String(s)`).
fn is_length_of(project: &Project, file: FileId, v: &Val, subject: &Val) -> bool {
    let Some((obj, p)) = v.as_member() else {
        return false;
    };
    if &**p != "length" {
        return false;
    }
    let target = project.resolve(file, obj).1;
    let mut cur = subject.clone();
    for _ in 0..8 {
        if cur == *obj || project.resolve(file, &cur).1 == target {
            return true;
        }
        cur = match project.resolve(file, &cur).1 {
            Val::Call(c) => match (&c.callee, c.args.first()) {
                (Val::Member(m), _) => m.0.clone(),
                (Val::Global(_), Some(a)) => a.clone(),
                _ => return false,
            },
            _ => return false,
        };
    }
    false
}
