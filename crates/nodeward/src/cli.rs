//! The command line: flags defined once (clap), validated into options
//! before anything runs; exit codes named in one enum.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use nodeward_front::discover::{DiscoverOptions, DEFAULT_MAX_FILE_SIZE};
use nodeward_report::render::{
    notices_text, renderer, summary_text, terminal_line, Format, HumanOptions, RenderOptions,
};
use nodeward_report::{shown_path, Level, NoticeKind, RunReport};
use nodeward_rules::{all_rules, find_rule};

use crate::config::{self, Config};
use crate::config_tree::{NestedSpec, RuleChoice};
use crate::deps_phase::{DepsOptions, OnlineOptions};
use crate::pipeline::{analyze, AnalyzeOptions, EnabledRule};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing at or above the fail level.
    Clean = 0,
    /// Findings at or above the fail level.
    Findings = 1,
    /// Usage, configuration or internal error.
    Error = 2,
}

#[derive(Parser, Debug)]
#[command(
    name = "nodeward",
    version,
    about = "A static security analyzer for Node.js backends"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

// Parsed once per process; boxing the big variant would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Analyse a project (default: the current directory).
    Check(CheckArgs),
    /// Print the route table: every route and middleware mount the apps
    /// serve, with full path, handler, middleware and default-environment gate.
    Routes(RoutesArgs),
    /// Print the rule table.
    Rules {
        #[arg(short, long, value_enum, default_value = "human")]
        format: RoutesFormat,
    },
    /// Print a rule's documentation.
    Explain { rule: String },
    /// For model authors: every call argument of FILE that holds client
    /// data, with its labels and the steps from the request.
    #[command(name = "debug-flows", hide = true)]
    DebugFlows(DebugFlowsArgs),
}

#[derive(clap::Args, Debug)]
pub struct DebugFlowsArgs {
    /// The project to analyse.
    pub project: PathBuf,
    /// The file to report on (its path in the project, or its end).
    pub file: String,
}

#[derive(clap::Args, Debug)]
pub struct RoutesArgs {
    /// Files or folders to read.
    pub paths: Vec<PathBuf>,
    #[arg(short, long, value_enum, default_value = "human")]
    pub format: RoutesFormat,
    /// Write the table to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Config file [default: nodeward.toml found upward from the first path].
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Exclude files matching GLOB (gitignore syntax); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Do not read .gitignore, .git/info/exclude or .nodewardignore.
    #[arg(long)]
    pub no_ignore: bool,
    /// Lift the built-in excludes (node_modules, dist, *.min.js, …).
    #[arg(long)]
    pub no_default_excludes: bool,
    /// Worker threads [default: one per core; at most four per core].
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RoutesFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Human,
    Concise,
    Json,
    Sarif,
    Github,
    Gitlab,
    Junit,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to analyse.
    pub paths: Vec<PathBuf>,
    #[arg(short, long, value_enum, default_value = "human")]
    pub format: FormatArg,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write SARIF to FILE.
    #[arg(long, value_name = "FILE")]
    pub sarif_output: Option<PathBuf>,
    /// Lowest level that makes the run exit 1 [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Run only these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Do not run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Config file [default: nodeward.toml found upward from the first path].
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Hide the findings recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Seconds one file's rules may take before they stop with a notice
    /// [default: 10].
    #[arg(long, value_name = "SECONDS")]
    pub file_time_budget: Option<f64>,
    /// MiB the models of the analysed files may hold before the files after
    /// them (in path order) are left out with a notice [default: 4096].
    #[arg(long, value_name = "MIB")]
    pub memory_budget: Option<u64>,
    /// Exclude files matching GLOB (gitignore syntax); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Do not read .gitignore, .git/info/exclude or .nodewardignore.
    #[arg(long)]
    pub no_ignore: bool,
    /// Lift the built-in excludes (node_modules, dist, *.min.js, …).
    #[arg(long)]
    pub no_default_excludes: bool,
    /// Worker threads [default: one per core; at most four per core].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Exit 0 even when findings reach --fail-on (errors about the run
    /// itself still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Fail the run (exit 1) when more than N warnings are found, whatever
    /// --fail-on says of warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// Read the source of PATH from standard input (an editor's unsaved
    /// buffer) and analyse it as that file, in its project; PATH must exist.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply the fixes that are mechanical and safe (today: x-powered-by's
    /// `app.disable('x-powered-by')`), then report what is left.
    #[arg(long)]
    pub fix: bool,
    /// Print those fixes as a unified diff instead of applying them.
    #[arg(long)]
    pub diff: bool,
    /// Unused, unknown and malformed suppression comments fail the run
    /// (exit 1), as eslint's --report-unused-disable-directives and ruff's
    /// RUF100 do; also `report-unused-suppressions = true` in the config.
    #[arg(long)]
    pub report_unused_suppressions: bool,
    /// Print the files that would be analysed (sources, then lockfiles),
    /// one per line, and exit (ruff's flag).
    #[arg(long, conflicts_with = "show_settings")]
    pub show_files: bool,
    /// Print the settings this run would use and where they come from (the
    /// configuration file, its overrides, the rules with their levels), and
    /// exit (ruff's flag).
    #[arg(long)]
    pub show_settings: bool,
    /// Print the number of findings per rule and level instead of the
    /// findings (ruff's flag; with --format json, as JSON).
    #[arg(long)]
    pub statistics: bool,
    /// Print findings only, no summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// No colours in the terminal report (same as --color never).
    #[arg(long)]
    pub no_color: bool,
    /// Colours in the terminal report: auto (a terminal, unless NO_COLOR is
    /// set to a non-empty value; FORCE_COLOR turns them on), always, never.
    #[arg(long, value_enum, default_value = "auto")]
    pub color: ColorArg,
    /// Print per-phase timings and counts on stderr.
    #[arg(long)]
    pub stats: bool,
    /// Advisory database for vulnerable-dependency: a folder of OSV JSON
    /// files or the OSV npm zip (osv-vulnerabilities/npm/all.zip).
    #[arg(long, value_name = "PATH")]
    pub advisories: Option<PathBuf>,
    /// Ask the OSV API (api.osv.dev, over HTTPS) about the installed
    /// packages; without it nodeward never touches the network.
    #[arg(long)]
    pub online: bool,
}

/// Overrides the OSV API address for `--online` (a mirror, or a test server).
pub const OSV_URL_VAR: &str = "NODEWARD_OSV_URL";

/// How long `--online` waits for the OSV API in all.
const ONLINE_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// Runs the CLI and returns the exit status; errors are one clear line.
pub fn run(cli: Cli) -> ExitStatus {
    let result = match cli.command {
        Command::Rules { format } => {
            match format {
                RoutesFormat::Human => print_rules(),
                RoutesFormat::Json => print_rules_json(),
            }
            Ok(ExitStatus::Clean)
        }
        Command::Explain { rule } => match find_rule(&rule) {
            Some(r) => write_out(None, &format!("{}\n", r.meta().docs.trim_end()))
                .map(|()| ExitStatus::Clean),
            None => Err(unknown_rule(&rule)),
        },
        Command::Check(args) => check(args),
        Command::Routes(args) => routes(args),
        Command::DebugFlows(args) => debug_flows(args),
    };
    result.unwrap_or_else(|msg| {
        // (An error can quote a path or a config file's text.)
        eprintln!("nodeward: error: {}", terminal_line(&msg));
        ExitStatus::Error
    })
}

fn print_rules() {
    let mut text = format!(
        "{:<18} {:<8} {:<10} summary\n",
        "id", "severity", "precision"
    );
    for r in all_rules() {
        let m = r.meta();
        let (level, precision) = (m.default_level.as_str(), m.precision.as_str());
        text.push_str(&format!(
            "{:<18} {:<8} {:<10} {}\n",
            m.id, level, precision, m.summary
        ));
    }
    // A closed pipe (`| head`) is not worth an error.
    let _ = write_out(None, &text);
}

/// `rules --format json`: each rule's metadata, for tools.
fn print_rules_json() {
    let rules: Vec<serde_json::Value> = all_rules()
        .iter()
        .map(|r| {
            let m = r.meta();
            serde_json::json!({
                "id": m.id,
                "name": m.name,
                "summary": m.summary,
                "severity": m.default_level.as_str(),
                "precision": m.precision.as_str(),
                "cwe": m.cwe,
                "tags": m.tags,
                "security_severity": m.security_severity,
                "help_uri": m.help_uri(),
            })
        })
        .collect();
    let text = serde_json::to_string_pretty(&rules).unwrap_or_default();
    let _ = write_out(None, &format!("{text}\n"));
}

/// An unknown rule id, with the closest known one when there is one.
pub(crate) fn unknown_rule(id: &str) -> String {
    let closest = all_rules()
        .iter()
        .map(|r| r.meta().id)
        .map(|known| (edit_distance(id, known), known))
        .min();
    match closest {
        Some((d, known)) if d <= 3 || known.contains(id) && id.len() >= 3 => {
            format!("unknown rule `{id}`; did you mean `{known}`? (see `nodeward rules`)")
        }
        _ => format!("unknown rule `{id}` (see `nodeward rules`)"),
    }
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// `--show-settings`: the resolved settings of a run, each with its source.
fn show_settings(
    args: &CheckArgs,
    config: &Config,
    config_path: Option<&Path>,
    discover: &DiscoverOptions,
) -> Result<String, String> {
    use std::fmt::Write as _;
    let mut out = String::new();
    let origin = match config_path {
        Some(p) => terminal_line(&p.display().to_string()).into_owned(),
        None => "none found (built-in defaults)".into(),
    };
    let _ = writeln!(out, "configuration: {origin}");
    let fail_on = match (&args.fail_on, &config.fail_on) {
        (Some(f), _) => format!("{} (--fail-on)", format!("{f:?}").to_lowercase()),
        (None, Some(f)) => format!("{f} (configuration)"),
        (None, None) => "warning (default)".into(),
    };
    let _ = writeln!(out, "fail-on: {fail_on}");
    let _ = writeln!(out, "max-file-size: {} bytes", discover.max_file_size);
    let _ = writeln!(
        out,
        "ignore files (.gitignore, .nodewardignore): {}",
        if discover.use_ignore_files {
            "read"
        } else {
            "not read (--no-ignore)"
        }
    );
    let _ = writeln!(
        out,
        "built-in excludes: {}",
        if discover.default_excludes {
            "on"
        } else {
            "off (--no-default-excludes)"
        }
    );
    let _ = writeln!(out, "exclude: {:?}", discover.excludes);
    let _ = writeln!(out, "models: {:?}", config.models);
    let advisories = match (&args.advisories, &config.advisories) {
        (Some(a), _) => format!("{:?} (--advisories)", a),
        (None, Some(a)) => format!("{:?} (configuration, relative to its folder)", a),
        (None, None) => "none".into(),
    };
    let _ = writeln!(out, "advisories: {advisories}");
    let _ = writeln!(
        out,
        "advisory-max-age-days: {}",
        config
            .advisory_max_age_days
            .unwrap_or(crate::deps_phase::DEFAULT_MAX_AGE_DAYS)
    );
    let _ = writeln!(out, "rules:");
    let enabled = enabled_rules(args, config)?;
    for rule in all_rules() {
        let id = rule.meta().id;
        let source = if !args.select.is_empty() || !args.ignore.is_empty() {
            "--select/--ignore"
        } else if config.rules.contains_key(id) {
            "configuration"
        } else {
            "default"
        };
        match enabled.iter().find(|e| e.rule.meta().id == id) {
            Some(e) => {
                let _ = writeln!(out, "  {id} = {} ({source})", e.level.as_str());
            }
            None => {
                let _ = writeln!(out, "  {id} = off ({source})");
            }
        }
    }
    for (i, o) in config.overrides.iter().enumerate() {
        let _ = writeln!(out, "overrides[{i}]: files {:?}", o.files);
        for (rule, setting) in &o.rules {
            let _ = writeln!(out, "  {rule} = {setting}");
        }
    }
    Ok(out)
}

fn enabled_rules(args: &CheckArgs, config: &Config) -> Result<Vec<EnabledRule>, String> {
    for id in args.select.iter().chain(&args.ignore) {
        if find_rule(id).is_none() {
            return Err(unknown_rule(id));
        }
    }
    let levels = rule_choice(args).levels(&config.rules);
    Ok(all_rules()
        .iter()
        .filter_map(|rule| {
            let level = *levels.get(rule.meta().id)?;
            Some(EnabledRule { rule: *rule, level })
        })
        .collect())
}

fn rule_choice(args: &CheckArgs) -> RuleChoice {
    RuleChoice {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    }
}

/// The configurations below the run's, read unless `-c` names one (ruff's
/// `--config` turns the hierarchy off too).
fn nested(
    explicit: bool,
    setup_config: &Config,
    path: Option<&Path>,
    choice: RuleChoice,
    check: bool,
) -> Option<NestedSpec> {
    (!explicit).then(|| NestedSpec {
        config: setup_config.clone(),
        config_path: path.map(Path::to_path_buf),
        choice,
        check,
    })
}

/// What `check` and `routes` share: the paths (default `.`), the config
/// (found upward from the first path) with its models installed, the
/// worker count and the discovery options.
struct Setup {
    paths: Vec<PathBuf>,
    config: Config,
    config_path: Option<PathBuf>,
    /// Named with `-c`: no configurations below it are read.
    explicit_config: bool,
    jobs: Option<usize>,
    discover: DiscoverOptions,
}

struct FileArgs<'a> {
    paths: &'a [PathBuf],
    config: Option<&'a Path>,
    exclude: &'a [String],
    no_ignore: bool,
    no_default_excludes: bool,
    jobs: Option<usize>,
}

impl Setup {
    /// A run that builds the model and the route table and checks nothing
    /// (`routes`, `debug-flows`).
    fn without_rules(self) -> AnalyzeOptions {
        AnalyzeOptions {
            paths: self.paths,
            discover: self.discover,
            rules: Vec::new(),
            jobs: self.jobs,
            baseline: None,
            write_baseline: None,
            deps: DepsOptions {
                advisories: None,
                online: None,
                max_age_days: crate::deps_phase::DEFAULT_MAX_AGE_DAYS,
            },
            file_time_budget: crate::pipeline::DEFAULT_FILE_TIME_BUDGET,
            memory_budget: crate::pipeline::DEFAULT_MEMORY_BUDGET,
            overrides: Vec::new(),
            // The nested configurations' excludes still apply.
            nested: nested(
                self.explicit_config,
                &self.config,
                self.config_path.as_deref(),
                RuleChoice::default(),
                false,
            ),
        }
    }
}

fn setup(a: FileArgs) -> Result<Setup, String> {
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        a.paths.to_vec()
    };
    let config_path = config::find(a.config, &paths[0]);
    let config = match &config_path {
        Some(p) => config::load(p)?,
        None => Config::default(),
    };
    install_models(&config, config_path.as_deref())?;
    if a.jobs == Some(0) {
        return Err("--jobs must be at least 1".into());
    }
    // Each worker reserves a large stack: more workers than a few per core
    // only costs time.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let jobs = a.jobs.map(|j| j.min(cores * 4));
    let mut excludes = config.exclude.clone();
    excludes.extend(a.exclude.iter().cloned());
    let discover = DiscoverOptions {
        excludes,
        use_ignore_files: !a.no_ignore,
        default_excludes: !a.no_default_excludes,
        max_file_size: config.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE),
    };
    Ok(Setup {
        paths,
        config,
        config_path,
        explicit_config: a.config.is_some(),
        jobs,
        discover,
    })
}

fn check(mut args: CheckArgs) -> Result<ExitStatus, String> {
    if let Some(path) = args.stdin_filename.clone() {
        if args.fix {
            return Err("--fix cannot write a file read from standard input; use --diff".into());
        }
        let abs = std::fs::canonicalize(&path)
            .map_err(|e| format!("--stdin-filename {}: {e}", path.display()))?;
        let mut text = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        nodeward_front::read::set_stdin_text(abs, text)?;
        if args.paths.is_empty() {
            args.paths.push(path);
        }
    }
    let Setup {
        paths,
        config,
        config_path,
        explicit_config: _,
        jobs,
        discover,
    } = setup(FileArgs {
        paths: &args.paths,
        config: args.config.as_deref(),
        exclude: &args.exclude,
        no_ignore: args.no_ignore,
        no_default_excludes: args.no_default_excludes,
        jobs: args.jobs,
    })?;
    if args.show_files {
        let mut found =
            nodeward_front::discover::discover(&paths, &discover).map_err(|e| e.to_string())?;
        let spec = nested(
            args.config.is_some(),
            &config,
            config_path.as_deref(),
            RuleChoice::default(),
            false,
        );
        let (tree, _) = crate::config_tree::ConfigTree::build(&[], &[], spec.as_ref(), &found)?;
        tree.exclude(&mut found);
        let mut out = String::new();
        for f in found.files.iter().chain(&found.lockfiles) {
            let cwd = std::env::current_dir().ok();
            out.push_str(&terminal_line(&shown_path(
                &found.root,
                cwd.as_deref(),
                &f.rel,
            )));
            out.push('\n');
        }
        write_out(None, &out)?;
        return Ok(ExitStatus::Clean);
    }
    if args.show_settings {
        let text = show_settings(&args, &config, config_path.as_deref(), &discover)?;
        write_out(None, &text)?;
        return Ok(ExitStatus::Clean);
    }
    // A database named in the config is relative to the config's folder.
    let advisories = args.advisories.clone().or_else(|| {
        let base = config_path
            .as_deref()
            .and_then(Path::parent)
            .unwrap_or(Path::new("."));
        config.advisories.as_ref().map(|a| base.join(a))
    });
    let online = args.online.then(|| OnlineOptions {
        endpoint: std::env::var(OSV_URL_VAR)
            .ok()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| nodeward_deps::online::DEFAULT_ENDPOINT.to_string()),
        timeout: ONLINE_TIMEOUT,
    });
    // Fail before the analysis, not after the report was printed.
    let named: Vec<&PathBuf> = [&args.output, &args.sarif_output, &args.write_baseline]
        .into_iter()
        .flatten()
        .filter(|p| !is_stdout(p))
        .collect();
    for (i, a) in named.iter().enumerate() {
        if named[..i].iter().any(|b| same_file(a, b)) {
            return Err(format!(
                "two outputs would be written to {}: give each its own file",
                a.display()
            ));
        }
    }
    for out in [&args.output, &args.sarif_output, &args.write_baseline]
        .into_iter()
        .flatten()
    {
        let dir = out
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !dir.is_dir() {
            return Err(format!(
                "cannot write {}: folder {} does not exist",
                out.display(),
                dir.display()
            ));
        }
    }
    let file_time_budget = match args.file_time_budget.or(config.file_time_budget) {
        None => crate::pipeline::DEFAULT_FILE_TIME_BUDGET,
        Some(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => {
            std::time::Duration::from_secs_f64(s)
        }
        Some(s) => {
            return Err(format!(
            "the file time budget must be a number of seconds above 0 and at most a day, not {s}"
        ))
        }
    };
    let memory_budget = match args.memory_budget.or(config.memory_budget) {
        None => crate::pipeline::DEFAULT_MEMORY_BUDGET,
        Some(0) => return Err("the memory budget must be at least 1 MiB".into()),
        Some(mib) => mib.saturating_mul(1 << 20),
    };
    let opts = AnalyzeOptions {
        paths,
        discover,
        memory_budget,
        file_time_budget,
        rules: enabled_rules(&args, &config)?,
        overrides: crate::overrides::compile(&config.overrides)?,
        nested: nested(
            args.config.is_some(),
            &config,
            config_path.as_deref(),
            rule_choice(&args),
            true,
        ),
        jobs,
        baseline: args.baseline.clone(),
        write_baseline: args.write_baseline.clone(),
        deps: DepsOptions {
            advisories,
            online,
            max_age_days: config
                .advisory_max_age_days
                .unwrap_or(crate::deps_phase::DEFAULT_MAX_AGE_DAYS),
        },
    };
    let mut report = analyze(&opts).map_err(|e| e.0)?;
    // Paths as ruff shows them: relative to the current directory.
    report.shown_from = std::env::current_dir().ok();
    if args.fix || args.diff {
        let (edits, fixed) = crate::fix::edits(&report);
        if args.diff {
            let mut text = String::new();
            for (path, list) in &edits {
                if let Some(old) = report.sources.get(path) {
                    text.push_str(&crate::fix::unified_diff(
                        &report.shown_path(path),
                        old,
                        list,
                    ));
                }
            }
            write_out(None, &text)?;
            if !args.quiet {
                eprintln!(
                    "nodeward: {} {} can be fixed with --fix",
                    fixed.len(),
                    if fixed.len() == 1 {
                        "finding"
                    } else {
                        "findings"
                    }
                );
            }
            // As ruff's --diff: 1 when there is something to change.
            return Ok(if fixed.is_empty() {
                ExitStatus::Clean
            } else {
                ExitStatus::Findings
            });
        }
        for (path, list) in &edits {
            let Some(old) = report.sources.get(path) else {
                continue;
            };
            let abs = report.root.join(path);
            std::fs::write(&abs, crate::fix::apply(old, list))
                .map_err(|e| format!("cannot write the fix to {}: {e}", abs.display()))?;
        }
        if !args.quiet && !fixed.is_empty() {
            eprintln!(
                "nodeward: fixed {} {} in {} {}",
                fixed.len(),
                if fixed.len() == 1 {
                    "finding"
                } else {
                    "findings"
                },
                edits.len(),
                if edits.len() == 1 { "file" } else { "files" }
            );
        }
        let mut i = 0;
        report.findings.retain(|_| {
            let keep = !fixed.contains(&i);
            i += 1;
            keep
        });
    }

    let color = use_color(&args);
    let render_opts = RenderOptions {
        human: HumanOptions {
            color,
            ..HumanOptions::default()
        },
        ..RenderOptions::default()
    };
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Concise => Format::Concise,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
        FormatArg::Junit => Format::Junit,
    };
    let (mut text, warnings) = if args.statistics {
        (statistics(&report, format == Format::Json), Vec::new())
    } else if format == Format::Github {
        // The runner resolves an annotation's file against the workspace,
        // whatever the step's working directory.
        let cwd = std::mem::replace(&mut report.shown_from, github_workspace());
        let out = renderer(format, &render_opts).render_to_string(&report);
        report.shown_from = cwd;
        out
    } else {
        renderer(format, &render_opts).render_to_string(&report)
    };
    if format == Format::Github && !args.statistics {
        // Annotations are capped per step; the full report follows them.
        text.push_str(
            &renderer(Format::Human, &render_opts)
                .render_to_string(&report)
                .0,
        );
    }
    // `--write-baseline` records the findings instead of reporting them:
    // it says what it wrote and passes (ruff's `--add-noqa`, eslint's
    // bulk suppressions).
    if let Some(path) = &args.write_baseline {
        let n = report.findings.len();
        eprintln!(
            "nodeward: wrote {n} {} to {}",
            if n == 1 { "entry" } else { "entries" },
            terminal_line(&path.display().to_string())
        );
        return Ok(if report.has_internal_error() {
            ExitStatus::Error
        } else {
            ExitStatus::Clean
        });
    }
    write_out(args.output.as_deref(), &text)?;
    for w in warnings {
        eprintln!("nodeward: warning: {}", terminal_line(&w));
    }
    if let Some(path) = &args.sarif_output {
        let (sarif, warnings) = renderer(Format::Sarif, &render_opts).render_to_string(&report);
        write_out(Some(path), &sarif)?;
        for w in warnings {
            eprintln!("nodeward: warning: {}", terminal_line(&w));
        }
    }
    if !args.quiet {
        eprint!("{}", notices_text(&report));
        eprintln!("{}", summary_text(&report.summary, &report.findings));
    }
    if args.stats {
        print_stats(&report);
    }
    if report.has_internal_error() {
        return Ok(ExitStatus::Error);
    }
    // A run that analysed nothing is not a pass (even with -q: it is about
    // the run itself, not a summary).
    if let Some(why) = analysed_nothing(&report) {
        eprintln!("nodeward: error: nothing was analysed: {why}");
        return Ok(ExitStatus::Error);
    }
    let fail_on = args.fail_on.or_else(|| {
        config
            .fail_on
            .as_deref()
            .and_then(|s| FailOn::from_str(s, true).ok())
    });
    let threshold = match fail_on.unwrap_or(FailOn::Warning) {
        FailOn::Error => Some(Level::Error),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Note => Some(Level::Note),
        FailOn::Never => None,
    };
    let warnings = report
        .findings
        .iter()
        .filter(|f| f.level == Level::Warning)
        .count();
    let too_many = args.max_warnings.is_some_and(|n| warnings > n);
    if too_many && !args.quiet {
        eprintln!(
            "nodeward: {warnings} warnings, more than --max-warnings {}",
            args.max_warnings.unwrap_or_default()
        );
    }
    let strict_suppressions = args.report_unused_suppressions || config.report_unused_suppressions;
    let bad_suppressions = report
        .notices
        .iter()
        .filter(|n| {
            matches!(
                n.kind,
                NoticeKind::UnusedSuppression
                    | NoticeKind::UnknownRule
                    | NoticeKind::InvalidSuppression
            )
        })
        .count();
    let failing_suppressions = strict_suppressions && bad_suppressions > 0;
    if failing_suppressions {
        eprintln!(
            "nodeward: {bad_suppressions} suppression {} unused, unknown or malformed (--report-unused-suppressions)",
            if bad_suppressions == 1 { "comment is" } else { "comments are" }
        );
    }
    // A file that does not parse fails the run as in eslint and ruff: its
    // syntax error is an error-level diagnostic (a parse-error notice at the
    // error), so nothing in it was checked.
    let parse_errors = report.summary.parse_errors;
    let failing_parse = threshold.is_some() && parse_errors > 0;
    if failing_parse && !args.quiet {
        eprintln!(
            "nodeward: {parse_errors} {} failed to parse, which fails the run (fix the syntax or exclude the file)",
            if parse_errors == 1 { "file" } else { "files" }
        );
    }
    let failing = too_many
        || failing_suppressions
        || failing_parse
        || threshold.is_some_and(|t| report.findings.iter().any(|f| f.level >= t));
    Ok(if failing && !args.exit_zero {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    })
}

/// Reads the config's `models` files (relative to the config's folder) and
/// adds them to the built-in models.
fn install_models(config: &Config, config_path: Option<&Path>) -> Result<(), String> {
    if config.models.is_empty() {
        return Ok(());
    }
    let base = config_path.and_then(Path::parent).unwrap_or(Path::new("."));
    let mut files = Vec::new();
    for m in &config.models {
        let path = base.join(m);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read models file {}: {e}", path.display()))?;
        files.push((path.display().to_string(), text));
    }
    nodeward_rules::models::install_user_models(&files)
}

fn debug_flows(args: DebugFlowsArgs) -> Result<ExitStatus, String> {
    let paths = vec![args.project.clone()];
    let setup = setup(FileArgs {
        paths: &paths,
        config: None,
        exclude: &[],
        no_ignore: false,
        no_default_excludes: false,
        jobs: None,
    })?;
    let opts = setup.without_rules();
    let mut text = String::new();
    crate::pipeline::analyze_inspecting(&opts, &mut |project, routes| {
        text = crate::debug_flows::report(project, routes, &args.file);
    })
    .map_err(|e| e.0)?;
    print!("{text}");
    Ok(ExitStatus::Clean)
}

fn routes(args: RoutesArgs) -> Result<ExitStatus, String> {
    let setup = setup(FileArgs {
        paths: &args.paths,
        config: args.config.as_deref(),
        exclude: &args.exclude,
        no_ignore: args.no_ignore,
        no_default_excludes: args.no_default_excludes,
        jobs: args.jobs,
    })?;
    let opts = setup.without_rules();
    let (mut report, mut rows) = crate::pipeline::analyze_with_routes(&opts).map_err(|e| e.0)?;
    report.shown_from = std::env::current_dir().ok();
    crate::route_listing::shown_from(&mut rows, &report.root, report.shown_from.as_deref());
    let text = match args.format {
        RoutesFormat::Human => crate::route_listing::human(&rows),
        RoutesFormat::Json => {
            let mut t = serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())?;
            t.push('\n');
            t
        }
    };
    write_out(args.output.as_deref(), &text)?;
    // Files that could not be read or parsed leave the table incomplete.
    eprint!("{}", notices_text(&report));
    Ok(if report.has_internal_error() {
        ExitStatus::Error
    } else {
        ExitStatus::Clean
    })
}

/// `--statistics`: findings per (rule, level), most first, then by rule.
fn statistics(report: &RunReport, json: bool) -> String {
    let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
    for f in &report.findings {
        *counts.entry((f.rule_id, f.level.as_str())).or_default() += 1;
    }
    let mut rows: Vec<((&str, &str), usize)> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if json {
        let v: Vec<serde_json::Value> = rows
            .iter()
            .map(|((rule, level), n)| serde_json::json!({"rule": rule, "level": level, "count": n}))
            .collect();
        return format!("{}\n", serde_json::to_string_pretty(&v).unwrap_or_default());
    }
    let mut out = String::new();
    for ((rule, level), n) in rows {
        out.push_str(&format!("{n:>6}  {rule:<22} {level}\n"));
    }
    out
}

/// Why a run analysed nothing, if it did not: no source file and no
/// lockfile was read.
fn analysed_nothing(report: &RunReport) -> Option<String> {
    let s = &report.summary;
    let lockfiles = s.dependencies.as_ref().map_or(0, |d| d.lockfiles.len());
    if s.analyzed > 0 || lockfiles > 0 {
        return None;
    }
    Some(if s.parse_errors > 0 && s.parse_errors == s.discovered {
        format!(
            "every file failed to parse ({} of {}; the parse-error notices say where)",
            s.parse_errors, s.discovered
        )
    } else if s.discovered == 0 {
        "no JavaScript or TypeScript file was found under the paths given".into()
    } else {
        format!(
            "all {} files found were skipped or failed to parse (the notices say why)",
            s.discovered
        )
    })
}

/// `-o -`: standard output.
/// `GITHUB_WORKSPACE` when set, else the current directory.
fn github_workspace() -> Option<PathBuf> {
    std::env::var_os("GITHUB_WORKSPACE")
        .filter(|w| !w.is_empty())
        .map(PathBuf::from)
        .and_then(|w| std::path::absolute(w).ok())
        .or_else(|| std::env::current_dir().ok())
}

fn is_stdout(p: &Path) -> bool {
    p.as_os_str() == "-"
}

/// Whether two output paths name one file (the same path, or the same
/// existing file through another spelling).
fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    let canon = |p: &Path| {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::canonicalize(dir)
            .ok()
            .map(|d| d.join(p.file_name().unwrap_or_default()))
    };
    matches!((canon(a), canon(b)), (Some(x), Some(y)) if x == y)
}

/// Colours for the terminal report: `--color`, `--no-color`, then the
/// environment (no-color.org: NO_COLOR counts only when non-empty;
/// FORCE_COLOR as Node's tools read it), then whether stdout is a terminal.
fn use_color(args: &CheckArgs) -> bool {
    let to_stdout = args.output.as_deref().is_none_or(is_stdout);
    if args.no_color {
        return false;
    }
    match args.color {
        ColorArg::Always => return true,
        ColorArg::Never => return false,
        ColorArg::Auto => {}
    }
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    if let Some(v) = std::env::var_os("FORCE_COLOR") {
        return !matches!(v.to_str(), Some("0" | "false"));
    }
    to_stdout && std::io::stdout().is_terminal()
}

fn write_out(path: Option<&Path>, text: &str) -> Result<(), String> {
    let path = path.filter(|p| !is_stdout(p));
    match path {
        Some(p) => {
            std::fs::write(p, text).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a panic.
            let _ = out.write_all(text.as_bytes());
            let _ = out.flush();
            Ok(())
        }
    }
}

fn print_stats(report: &RunReport) {
    let s = &report.summary;
    let t = &s.timings;
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    eprintln!("phase timings (parse and index are summed over worker threads):");
    eprintln!("  discover {:>9.1} ms", ms(t.discover));
    eprintln!("  deps     {:>9.1} ms", ms(t.deps));
    eprintln!("  parse    {:>9.1} ms", ms(t.parse));
    eprintln!(
        "  index    {:>9.1} ms  (per-file models and function summaries)",
        ms(t.index)
    );
    eprintln!("  link     {:>9.1} ms", ms(t.link));
    eprintln!("  routes   {:>9.1} ms", ms(t.routes));
    eprintln!("  rules    {:>9.1} ms", ms(t.rules));
    eprintln!(
        "    {:<22} {:>9.1} ms  (dataflow queries, part of the rules below)",
        "solve",
        ms(t.solve)
    );
    // Per rule (per-file checks summed over threads, plus the project pass).
    for (id, d) in &t.each_rule {
        eprintln!("    {id:<22} {:>9.1} ms", ms(*d));
    }
    eprintln!("  report   {:>9.1} ms", ms(t.report));
    eprintln!(
        "files: {} discovered, {} analysed, {} failed to parse, {} panicked; {} findings",
        s.discovered,
        s.analyzed,
        s.parse_errors,
        s.panicked,
        report.findings.len()
    );
}
