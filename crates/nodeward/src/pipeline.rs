//! One run: discover → parse and index (parallel, per file) → link →
//! rules (parallel, per file) → suppressions, baseline, sorting.
//!
//! Each file's work is isolated: it runs on its own large stack after the
//! nesting pre-scan, a panic is caught and reported for that file, and its
//! AST is dropped as soon as its model is built, so memory holds models,
//! never every AST.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use nodeward_front::discover::{discover, DiscoverOptions, Discovery, SourcePath};
use nodeward_front::parse::{parse, with_file_stack, WORKER_STACK};
use nodeward_front::prescan::{nesting_depth, MAX_NESTING};
use nodeward_front::read::read_source;
use nodeward_report::baseline::Baseline;
use nodeward_report::suppress::{apply_suppressions, Comment, FileDirectives};
use nodeward_report::{
    sort_findings, sort_notices, Finding, Level, Notice, NoticeKind, RuleMeta, RunReport,
    SkipReason, Summary,
};
use nodeward_rules::{Ctx, Rule};
use nodeward_semantic::resolve::ModuleMap;
use nodeward_semantic::routes::{build_routes, RouteTable};
use nodeward_semantic::{index_file, FileId, FileModel, Project};

use crate::config_tree::ConfigTree;
use crate::deps_phase::{self, DepsOptions};
use crate::panic_capture;

pub struct EnabledRule {
    pub rule: &'static dyn Rule,
    pub level: Level,
}

pub struct AnalyzeOptions {
    pub paths: Vec<PathBuf>,
    pub discover: DiscoverOptions,
    pub rules: Vec<EnabledRule>,
    /// Worker threads; `None` = one per core.
    pub jobs: Option<usize>,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    /// Where the dependency check finds its advisories.
    pub deps: DepsOptions,
    /// The wall-clock time one file's per-file rules may take.
    pub file_time_budget: Duration,
    /// Bytes the models of the analysed files may hold together: the files
    /// after the one that passes it, in path order, are left out.
    pub memory_budget: u64,
    /// Rule settings by path (`[[overrides]]`), applied in order.
    pub overrides: Vec<crate::overrides::Override>,
    /// Read the configurations below the run's, each for the files under
    /// its folder (`None`: the run's settings above apply everywhere).
    pub nested: Option<crate::config_tree::NestedSpec>,
}

impl AnalyzeOptions {
    /// Every rule at its default level over `paths`, with the default
    /// discovery and budgets, one worker, and no baseline, advisories or
    /// configuration: what tests, fuzzers and tools start from.
    pub fn all_rules(paths: Vec<PathBuf>) -> AnalyzeOptions {
        AnalyzeOptions {
            paths,
            discover: DiscoverOptions::default(),
            rules: nodeward_rules::all_rules()
                .iter()
                .map(|r| EnabledRule {
                    rule: *r,
                    level: r.meta().default_level,
                })
                .collect(),
            jobs: Some(1),
            baseline: None,
            write_baseline: None,
            deps: DepsOptions {
                advisories: None,
                online: None,
                max_age_days: u64::MAX,
            },
            file_time_budget: DEFAULT_FILE_TIME_BUDGET,
            memory_budget: DEFAULT_MEMORY_BUDGET,
            overrides: Vec::new(),
            nested: None,
        }
    }
}

/// The default of `AnalyzeOptions::memory_budget`: 4 GiB of models, over ten
/// times what the 30,000 files of the large benchmark corpus come to.
pub const DEFAULT_MEMORY_BUDGET: u64 = 4 << 30;

/// The run's memory budget counts each model at this many bytes per byte of
/// its source on disk (the models of the benchmark corpus hold 3.1 times
/// their source, as counted by `examples/model_size.rs`). An estimate known
/// before any file is read, so the cut is the same file at any `--jobs` and
/// costs nothing: a count of each model by the allocator depends on which
/// thread met a shared string first, and it slowed every allocation.
const MODEL_BYTES_PER_SOURCE_BYTE: u64 = 3;

const MIB: f64 = (1u64 << 20) as f64;

/// The default of `AnalyzeOptions::file_time_budget`: far above what any
/// real file takes (a few milliseconds), reached only by files built to be
/// slow (thousands of regexes).
pub const DEFAULT_FILE_TIME_BUDGET: Duration = Duration::from_secs(10);

#[derive(Debug)]
pub struct RunError(pub String);

/// What the per-file pass gives back.
struct FileOutcome {
    model: Option<FileModel>,
    directives: Option<FileDirectives>,
    notice: Option<Notice>,
    skipped: Option<SkipReason>,
    parse_error: bool,
    /// The parse error is a Flow file's Flow-only syntax.
    flow_parse_error: bool,
    panicked: bool,
    parse_time: Duration,
    index_time: Duration,
}

impl FileOutcome {
    fn empty() -> FileOutcome {
        FileOutcome {
            model: None,
            directives: None,
            notice: None,
            skipped: None,
            parse_error: false,
            flow_parse_error: false,
            panicked: false,
            parse_time: Duration::ZERO,
            index_time: Duration::ZERO,
        }
    }
}

pub fn analyze(opts: &AnalyzeOptions) -> Result<RunReport, RunError> {
    analyze_inner(opts, None)
}

/// Analyses `files` (each a root-relative path with `/` and its text) as a
/// project of only those files, without reading anything from disk:
/// `opts.paths`, the ignore files and the lockfiles play no part. The entry
/// point of the fuzz targets, and of tools that hold sources in memory.
pub fn analyze_memory(
    files: &[(String, String)],
    opts: &AnalyzeOptions,
) -> Result<RunReport, RunError> {
    analyze_inner_with(opts, None, None, Input::Memory(files))
}

/// Where a run's files come from.
#[derive(Clone, Copy)]
enum Input<'a> {
    Disk,
    Memory(&'a [(String, String)]),
}

/// The root of a run held in memory: paths are shown relative to it, and
/// nothing under it is read.
const MEMORY_ROOT: &str = "/nodeward-memory";

fn memory_discovery(files: &[(String, String)]) -> Discovery {
    let root = PathBuf::from(MEMORY_ROOT);
    let mut sources: Vec<SourcePath> = files
        .iter()
        .map(|(rel, text)| SourcePath {
            abs: root.join(rel),
            rel: rel.clone(),
            explicit: false,
            len: text.len() as u64,
        })
        .collect();
    sources.sort_by(|a, b| a.rel.cmp(&b.rel));
    sources.dedup_by(|a, b| a.rel == b.rel);
    Discovery {
        root,
        files: sources,
        lockfiles: Vec::new(),
        notices: Vec::new(),
        excluded: 0,
        config_dirs: Vec::new(),
    }
}

/// Runs the analysis and also lists the route table (`nodeward routes`).
pub fn analyze_with_routes(
    opts: &AnalyzeOptions,
) -> Result<(RunReport, Vec<crate::route_listing::RouteRow>), RunError> {
    let mut rows = Vec::new();
    let report = analyze_inner(opts, Some(&mut rows))?;
    Ok((report, rows))
}

/// What sees the linked project and its route table before the rules run.
type Inspect<'a> = &'a mut dyn FnMut(&Project, &RouteTable);

/// Runs the analysis and hands the linked project and its route table to
/// `inspect` before the rules run (`nodeward debug-flows`).
pub fn analyze_inspecting(
    opts: &AnalyzeOptions,
    inspect: &mut dyn FnMut(&Project, &RouteTable),
) -> Result<RunReport, RunError> {
    analyze_inner_with(opts, None, Some(inspect), Input::Disk)
}

fn analyze_inner(
    opts: &AnalyzeOptions,
    route_rows: Option<&mut Vec<crate::route_listing::RouteRow>>,
) -> Result<RunReport, RunError> {
    analyze_inner_with(opts, route_rows, None, Input::Disk)
}

fn analyze_inner_with(
    opts: &AnalyzeOptions,
    route_rows: Option<&mut Vec<crate::route_listing::RouteRow>>,
    inspect: Option<Inspect<'_>>,
    input: Input<'_>,
) -> Result<RunReport, RunError> {
    panic_capture::install();
    let mut summary = Summary::default();
    let t = Instant::now();
    let mut discovery = match input {
        Input::Disk => {
            discover(&opts.paths, &opts.discover).map_err(|e| RunError(e.to_string()))?
        }
        Input::Memory(files) => memory_discovery(files),
    };
    // The texts of a run held in memory, by path.
    let memory: Option<HashMap<&str, &str>> = match input {
        Input::Disk => None,
        Input::Memory(files) => Some(
            files
                .iter()
                .map(|(p, t)| (p.as_str(), t.as_str()))
                .collect(),
        ),
    };
    let mut builder = rayon::ThreadPoolBuilder::new().stack_size(WORKER_STACK);
    if let Some(j) = opts.jobs {
        builder = builder.num_threads(j.max(1));
    }
    let pool = builder
        .build()
        .map_err(|e| RunError(format!("cannot start worker threads: {e}")))?;

    let (tree, tree_notices) = pool
        .install(|| {
            ConfigTree::build(
                &opts.rules,
                &opts.overrides,
                opts.nested.as_ref(),
                &discovery,
            )
        })
        .map_err(RunError)?;
    tree.exclude(&mut discovery);
    // Every rule some configuration enables; each finding then gets the
    // settings of the configuration closest to its file.
    let rules = tree.enabled_rules();
    summary.timings.discover = t.elapsed();
    summary.discovered = discovery.files.len();
    let mut notices = discovery.notices.clone();
    notices.extend(tree_notices);
    for n in &notices {
        if let NoticeKind::Skipped(r) = n.kind {
            *summary.skipped.entry(r).or_default() += 1;
        }
    }

    let deps = if rules.iter().any(|r| r.rule.needs_deps()) {
        let t = Instant::now();
        let (deps, deps_summary) =
            pool.install(|| deps_phase::load(&discovery.lockfiles, &opts.deps, &mut notices))?;
        summary.timings.deps = t.elapsed();
        // Nothing to say about dependencies of a project without lockfiles
        // when no database was asked for either.
        if !deps_summary.lockfiles.is_empty() || deps_summary.advisories.is_some() {
            summary.dependencies = Some(deps_summary);
        }
        Some(deps)
    } else {
        None
    };

    // The memory budget: the files whose models, estimated from their size,
    // would pass it are not read (a notice names the first).
    let mut held: u64 = 0;
    if let Some(cut) = discovery.files.iter().position(|f| {
        held = held.saturating_add(f.len.saturating_mul(MODEL_BYTES_PER_SOURCE_BYTE));
        held > opts.memory_budget
    }) {
        notices.push(Notice::for_file(
            NoticeKind::Budget,
            discovery.files[cut].rel.as_str(),
            format!(
                "the models of the files up to this one come to {:.1} MiB (estimated at {MODEL_BYTES_PER_SOURCE_BYTE} times their source), over the run's memory budget ({:.1} MiB, --memory-budget): this file and the {} after it in path order are not analysed",
                held as f64 / MIB,
                opts.memory_budget as f64 / MIB,
                discovery.files.len() - cut - 1
            ),
        ));
        discovery.files.truncate(cut);
    }
    let outcomes: Vec<FileOutcome> = pool.install(|| {
        discovery
            .files
            .par_iter()
            .map(|f| process_file(f, &opts.discover, memory.as_ref()))
            .collect()
    });

    let mut models = Vec::new();
    let mut directives = Vec::new();
    for o in outcomes {
        summary.timings.parse += o.parse_time;
        summary.timings.index += o.index_time;
        if let Some(r) = o.skipped {
            *summary.skipped.entry(r).or_default() += 1;
        }
        summary.parse_errors += o.parse_error as usize;
        summary.flow_parse_errors += o.flow_parse_error as usize;
        summary.panicked += o.panicked as usize;
        notices.extend(o.notice);
        if let Some(m) = o.model {
            models.push(m);
        }
        // (Its invalid directives become notices in `apply_suppressions`.)
        if let Some(d) = o.directives {
            directives.push(d);
        }
    }
    summary.analyzed = models.len();

    let t = Instant::now();
    // tsconfig.json `paths` and the project's own packages, read from the
    // folders of the analysed files and above.
    let dirs: Vec<&str> = models
        .iter()
        .map(|m| m.path.rfind('/').map_or("", |i| &m.path[..i]))
        .collect();
    let (modules, unreadable) = if memory.is_some() {
        (ModuleMap::default(), Vec::new())
    } else {
        ModuleMap::load(&discovery.root, dirs.into_iter())
    };
    for path in unreadable {
        notices.push(Notice::for_file(
            NoticeKind::ModuleConfig,
            path,
            "this file is not valid JSON: imports through its `paths`, `baseUrl` or package name are not resolved",
        ));
    }
    let project = pool.install(|| Project::with_modules(models, modules));
    summary.timings.link = t.elapsed();
    let t = Instant::now();
    // What the dataflow engine and the flow rules read of the whole
    // project (the option sizes, the importers, the calls to the rules'
    // sink names) is built on the other worker while the route table is.
    let (built, _) = pool.install(|| {
        rayon::join(
            || panic_capture::catch(|| build_routes(&project)),
            || {
                let names: Vec<&str> = rules.iter().flat_map(|r| r.rule.sink_calls()).collect();
                project.prepare_flow(&names)
            },
        )
    });
    let routes = match built {
        Ok(routes) => routes,
        Err(msg) => {
            summary.panicked += 1;
            notices.push(Notice::project(
                NoticeKind::Panic,
                format!("linking the project panicked: {msg}"),
            ));
            RouteTable::default()
        }
    };
    if let Some(file) = routes.budget_spent {
        notices.push(Notice::for_file(
            NoticeKind::Budget,
            project.file(file).path.clone(),
            format!(
                "the app and route interpretation ran out of its budget ({} steps) in this file; apps and routes registered after it are not analysed",
                routes.steps
            ),
        ));
    }
    summary.timings.routes = t.elapsed();
    summary.client_files = project
        .files
        .iter()
        .filter(|f| routes.is_static(&f.path))
        .count();
    if let Some(inspect) = inspect {
        inspect(&project, &routes);
    }
    if let Some(rows) = route_rows {
        let abs: HashMap<String, PathBuf> = discovery
            .files
            .iter()
            .map(|f| (f.rel.clone(), f.abs.clone()))
            .collect();
        *rows = crate::route_listing::rows(&project, &routes, &abs);
    }

    let t = Instant::now();
    // The rules phase in a block of its own: the engine borrows the models,
    // which are freed below.
    let (mut findings, each_rule) = {
        let rule_notices = std::sync::Mutex::new(Vec::new());
        let flow = std::sync::Mutex::new(None);
        let ctx = Ctx {
            project: &project,
            routes: &routes,
            notices: &rule_notices,
            deps: deps.as_ref(),
            flow: &flow,
        };
        // The project-level rules share one dataflow engine, whose queries
        // run one at a time: the per-file rules run beside them.
        let (per_file, project_level) = pool.install(|| {
            rayon::join(
                || {
                    (0..project.files.len() as FileId)
                        .into_par_iter()
                        .map(|file| run_rules(&ctx, file, &rules, opts.file_time_budget))
                        .collect::<Vec<_>>()
                },
                || {
                    rules
                        .iter()
                        .map(|r| {
                            let started = Instant::now();
                            let result = panic_capture::catch(|| {
                                let mut out = Vec::new();
                                r.rule.check_project(&ctx, &mut out);
                                out
                            });
                            (result, started.elapsed())
                        })
                        .collect::<Vec<_>>()
                },
            )
        });
        let mut findings = Vec::new();
        // A file whose rules panicked gets no findings at all, from the
        // project-level checks either: its report would be partial.
        let mut panicked_paths = std::collections::HashSet::new();
        let mut each_rule: Vec<Duration> = vec![Duration::ZERO; rules.len()];
        for (f, n, times) in per_file {
            for (sum, t) in each_rule.iter_mut().zip(times) {
                *sum += t;
            }
            findings.extend(f);
            // (The other notices of a file's rules are spent time budgets.)
            let panics = n.iter().filter(|x| x.kind == NoticeKind::Panic);
            summary.panicked += panics.clone().count();
            panicked_paths.extend(panics.filter_map(|x| x.path.clone()));
            notices.extend(n);
        }
        for (i, (r, (result, took))) in rules.iter().zip(project_level).enumerate() {
            each_rule[i] += took;
            match result {
                // A project-level rule sets each finding's level (the dependency
                // check ranks by reach); the configured level caps it.
                Ok(found) => findings.extend(
                    found
                        .into_iter()
                        .filter(|f| !panicked_paths.contains(&f.path))
                        .map(|mut f| {
                            f.level = if r.rule.ranks_levels() {
                                f.level.min(r.level)
                            } else {
                                r.level
                            };
                            f
                        }),
                ),
                Err(msg) => {
                    summary.panicked += 1;
                    notices.push(Notice::project(
                        NoticeKind::Panic,
                        format!("rule `{}` panicked on the project: {msg}", r.rule.meta().id),
                    ));
                }
            }
        }
        summary.timings.solve = flow.lock().map_or(Duration::ZERO, |g| {
            g.as_ref().map_or(Duration::ZERO, |f| f.solve_time())
        });
        notices.extend(rule_notices.into_inner().unwrap_or_default());
        (findings, each_rule)
    };
    // Freeing the models is a tenth of a run on a large tree and nothing
    // below reads them: a thread of its own frees them while the report is
    // written, and the process may end before it is done.
    std::thread::spawn(move || drop((project, routes)));
    summary.timings.rules = t.elapsed();
    summary.timings.each_rule = rules
        .iter()
        .map(|r| r.rule.meta().id)
        .zip(each_rule)
        .collect();

    let t = Instant::now();
    sort_findings(&mut findings);
    findings.dedup_by(|a, b| {
        a.rule_id == b.rule_id && a.path == b.path && a.span == b.span && a.identity == b.identity
    });
    let known: Vec<&str> = nodeward_rules::all_rules()
        .iter()
        .map(|r| r.meta().id)
        .collect();
    let enabled: Vec<&str> = rules.iter().map(|r| r.rule.meta().id).collect();
    let findings = tree.apply(findings);
    let outcome = apply_suppressions(findings, &directives, &known, &enabled);
    summary.suppressed = outcome.suppressed;
    notices.extend(outcome.notices);
    let mut findings = outcome.findings;
    sort_findings(&mut findings);

    let mut sources = read_sources(
        &discovery.root,
        &discovery.files,
        &findings,
        &notices,
        memory.as_ref(),
    );
    let mut fingerprints = nodeward_report::fingerprint::fingerprints(&findings, &sources);
    if let Some(path) = &opts.write_baseline {
        Baseline::from_findings(&findings, &fingerprints)
            .write(path)
            .map_err(|e| RunError(e.to_string()))?;
    }
    if let Some(path) = &opts.baseline {
        let baseline = Baseline::load(path)
            .map_err(|e| RunError(format!("baseline {}: {e}", path.display())))?;
        let applied = baseline.apply(findings, fingerprints);
        summary.baselined = applied.baselined;
        // Checking part of a project says nothing of the rest: an entry is
        // stale only under the paths this run was given (a file deleted
        // there leaves stale entries; one elsewhere is not looked at).
        let scope = checked_scope(&discovery.root, &opts.paths);
        notices.extend(applied.stale.into_iter().filter(|n| {
            n.path.as_deref().is_none_or(|p| {
                scope.iter().any(|g| {
                    g.is_empty()
                        || p == g
                        || p.strip_prefix(g.as_str())
                            .is_some_and(|r| r.starts_with('/'))
                })
            })
        }));
        findings = applied.findings;
        fingerprints = applied.fingerprints;
    }
    sort_notices(&mut notices);
    // Related locations and flow steps are rendered from the text too.
    sources.retain(|p, _| {
        findings.iter().any(|f| {
            &f.path == p
                || f.related.iter().chain(&f.flow).any(|r| &r.path == p)
                || f.fix.as_ref().is_some_and(|x| &x.path == p)
        }) || notices.iter().any(|n| n.path.as_deref() == Some(p))
    });
    summary.timings.report = t.elapsed();

    let mut metas: Vec<RuleMeta> = rules.iter().map(|r| *r.rule.meta()).collect();
    metas.sort_by_key(|m| m.id);
    Ok(RunReport {
        root: discovery.root.clone(),
        tool_version: env!("CARGO_PKG_VERSION"),
        rules: metas,
        findings,
        notices,
        sources,
        summary,
        fingerprints,
        shown_from: None,
    })
}

/// The models of every file under `paths`, as a run builds them (for tools
/// that measure the models or the regexes of a tree).
/// With `NODEWARD_ALL_FILES=1`, ignore files and default excludes are not
/// applied (as `--no-ignore --no-default-excludes`).
pub fn index_tree(paths: &[PathBuf], jobs: usize) -> Result<Vec<FileModel>, RunError> {
    let mut opts = DiscoverOptions::default();
    if std::env::var_os("NODEWARD_ALL_FILES").is_some_and(|v| v == "1") {
        opts.use_ignore_files = false;
        opts.default_excludes = false;
    }
    let discovery = discover(paths, &opts).map_err(|e| RunError(e.to_string()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| RunError(format!("cannot start worker threads: {e}")))?;
    Ok(pool.install(|| {
        discovery
            .files
            .par_iter()
            .filter_map(|f| process_file(f, &opts, None).model)
            .collect()
    }))
}

/// Reads (from `memory` when given), parses and indexes one file.
fn process_file(
    file: &SourcePath,
    opts: &DiscoverOptions,
    memory: Option<&HashMap<&str, &str>>,
) -> FileOutcome {
    let mut out = FileOutcome::empty();
    let read = match memory.and_then(|m| m.get(file.rel.as_str())) {
        Some(text) => nodeward_front::read::accept_text(text, file, opts),
        None => read_source(file, opts),
    };
    let src = match read {
        Ok(s) => s,
        Err((reason, message)) => {
            out.skipped = Some(reason);
            out.notice = Some(Notice::for_file(
                NoticeKind::Skipped(reason),
                file.rel.as_str(),
                message,
            ));
            return out;
        }
    };
    if let Err(depth) = nesting_depth(&src, MAX_NESTING) {
        out.skipped = Some(SkipReason::TooDeep);
        out.notice = Some(Notice::for_file(
            NoticeKind::Skipped(SkipReason::TooDeep),
            file.rel.as_str(),
            format!("nesting deeper than {MAX_NESTING} levels (reached {depth}); not analysed"),
        ));
        return out;
    }
    let result = panic_capture::catch(|| {
        with_file_stack(src.len(), || {
            let t = Instant::now();
            let parsed = parse(&file.rel, &src);
            let parse_time = t.elapsed();
            let t = Instant::now();
            let res = parsed.map(|p| {
                let model = index_file(&file.rel, &p);
                let comments: Vec<Comment> = p
                    .directives
                    .iter()
                    .map(|d| Comment {
                        body: &d.text,
                        span: d.span,
                        is_block: d.block,
                    })
                    .collect();
                let directives = (!comments.is_empty())
                    .then(|| FileDirectives::parse(&file.rel, &src, &comments));
                drop(p);
                (model, directives)
            });
            (res, parse_time, t.elapsed())
        })
    });
    match result {
        Ok((Ok((model, directives)), pt, it)) => {
            out.model = Some(model);
            out.directives = directives;
            out.parse_time = pt;
            out.index_time = it;
        }
        Ok((Err(e), pt, _)) => {
            out.parse_error = true;
            out.flow_parse_error = e.flow;
            out.parse_time = pt;
            out.notice = Some(Notice::at(
                NoticeKind::ParseError,
                file.rel.as_str(),
                e.span,
                format!("syntax error: {}", e.message),
            ));
        }
        Err(msg) => {
            out.panicked = true;
            out.notice = Some(Notice::for_file(
                NoticeKind::Panic,
                file.rel.as_str(),
                format!("analysing this file panicked: {msg}"),
            ));
        }
    }
    out
}

/// A test-only fault: with `NODEWARD_TEST_PANIC=<text>` set, the rules phase
/// panics on every file whose path contains `<text>`, so tests can prove that
/// one file's panic is reported and the rest of the project still analysed.
const TEST_PANIC_VAR: &str = "NODEWARD_TEST_PANIC";

fn run_rules(
    ctx: &Ctx,
    file: FileId,
    rules: &[EnabledRule],
    budget: Duration,
) -> (Vec<Finding>, Vec<Notice>, Vec<Duration>) {
    let mut findings = Vec::new();
    let mut notices = Vec::new();
    let mut times = vec![Duration::ZERO; rules.len()];
    let path = &ctx.project.file(file).path;
    if let Some(pattern) = std::env::var_os(TEST_PANIC_VAR) {
        let pattern = pattern.to_string_lossy();
        if !pattern.is_empty() && path.contains(&*pattern) {
            if let Err(msg) =
                panic_capture::catch(|| panic!("test-only panic requested by {TEST_PANIC_VAR}"))
            {
                notices.push(Notice::for_file(
                    NoticeKind::Panic,
                    path.as_str(),
                    format!("rules panicked on this file: {msg}"),
                ));
                return (findings, notices, times);
            }
        }
    }
    // Files the apps serve as static files run in browsers, not here.
    if ctx.routes.is_static(path) {
        return (findings, notices, times);
    }
    let deadline = Instant::now().checked_add(budget);
    for (i, r) in rules.iter().enumerate() {
        let started = Instant::now();
        let result = panic_capture::catch(|| {
            nodeward_rules::clock::with_deadline(deadline, || {
                let mut out = Vec::new();
                r.rule.check(ctx, file, &mut out);
                out
            })
        });
        times[i] += started.elapsed();
        match result {
            Ok(found) => findings.extend(found.into_iter().map(|mut f| {
                f.level = r.level;
                f
            })),
            Err(msg) => notices.push(Notice::for_file(
                NoticeKind::Panic,
                path.as_str(),
                format!("rule `{}` panicked on this file: {msg}", r.rule.meta().id),
            )),
        }
        // A rule that stopped at the deadline, and those after it.
        if deadline.is_some_and(|d| Instant::now() >= d) {
            let rest: Vec<&str> = rules[i + 1..].iter().map(|r| r.rule.meta().id).collect();
            let not_run = if rest.is_empty() {
                String::new()
            } else {
                format!("; not run: {}", rest.join(", "))
            };
            notices.push(Notice::for_file(
                NoticeKind::Budget,
                path.as_str(),
                format!(
                    "the rules ran out of this file's time budget ({:.1} s, --file-time-budget): `{}` stopped early{not_run}; some findings may be missing",
                    budget.as_secs_f64(),
                    r.rule.meta().id
                ),
            ));
            break;
        }
    }
    (findings, notices, times)
}

/// Reads back the text of the files that findings and notices point into
/// (the pass over all files keeps no text, to bound memory).
fn read_sources(
    root: &std::path::Path,
    files: &[SourcePath],
    findings: &[Finding],
    notices: &[Notice],
    memory: Option<&HashMap<&str, &str>>,
) -> BTreeMap<String, Arc<str>> {
    let abs: HashMap<&str, &PathBuf> = files.iter().map(|f| (f.rel.as_str(), &f.abs)).collect();
    let mut wanted: Vec<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    wanted.extend(
        findings
            .iter()
            .flat_map(|f| f.related.iter().chain(&f.flow))
            .map(|r| r.path.as_str()),
    );
    wanted.extend(
        findings
            .iter()
            .filter_map(|f| Some(f.fix.as_ref()?.path.as_str())),
    );
    wanted.extend(
        notices
            .iter()
            .filter(|n| n.span.is_some())
            .filter_map(|n| n.path.as_deref()),
    );
    wanted.sort();
    wanted.dedup();
    let mut out = BTreeMap::new();
    for rel in wanted {
        let path = abs
            .get(rel)
            .map(|p| p.to_path_buf())
            .unwrap_or_else(|| root.join(rel));
        if let Some(m) = memory {
            if let Some(text) = m.get(rel) {
                out.insert(rel.to_string(), Arc::from(*text));
            }
        } else if let Some(text) = nodeward_front::read::stdin_text_for(&path) {
            out.insert(rel.to_string(), Arc::from(text));
        } else if let Ok(text) = std::fs::read_to_string(path) {
            out.insert(rel.to_string(), Arc::from(text));
        }
    }
    out
}

/// The paths a run was given, relative to the project root with `/`
/// separators (`""`: the whole project). A path outside the root counts as
/// the whole project.
fn checked_scope(root: &std::path::Path, paths: &[PathBuf]) -> Vec<String> {
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut out: Vec<String> = paths
        .iter()
        .map(|p| {
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            abs.strip_prefix(&root)
                .map(|r| r.to_string_lossy().replace('\\', "/"))
                .unwrap_or_default()
        })
        .collect();
    if out.is_empty() {
        out.push(String::new());
    }
    out
}
