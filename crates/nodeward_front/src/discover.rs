//! Which files to analyse.
//!
//! The policy is ripgrep's, which users of code tools already know: the
//! project's `.gitignore` files and `.git/info/exclude` are honoured (but no
//! global gitignore, and no ignore file above the project root), plus a
//! `.nodewardignore` in the same syntax, built-in excludes for dependencies
//! and build output, and the user's `--exclude` globs. Anything named on the
//! command line is analysed even when a rule would exclude it: naming a file
//! is the clearest way to ask for it.
//!
//! The walk follows symbolic links (projects link packages into place) with
//! loop detection, but only to paths under the root or under a path named
//! on the command line: a link out of them is a notice, not a read. Nothing it meets can stop it: a loop, an unreadable
//! directory or file, or a file over the size cap becomes a notice and the
//! walk goes on. The result is sorted and free of duplicates whatever the
//! order the file system lists entries in, so two runs report the same.

use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::{Match, WalkBuilder};
use nodeward_report::{sort_notices, Notice, NoticeKind, SkipReason};

/// The default size cap for discovered files. Larger sources are almost
/// always generated, and analysis time grows with size.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1024 * 1024;

/// The cap for files named on the command line: the user asked for them,
/// but a parser's memory and time still need a bound.
pub const HARD_MAX_FILE_SIZE: u64 = 8 * 1024 * 1024;

/// Extensions analysed (TypeScript declaration files excepted).
pub const SOURCE_EXTENSIONS: &[&str] = &["js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx"];

/// Directories skipped unless `--no-default-excludes`: installed
/// dependencies and build or coverage output, none of it the project's own
/// code. (`.git` is always skipped: it never holds source.)
pub const DEFAULT_EXCLUDED_DIRS: &[&str] = &[
    "node_modules",
    "bower_components",
    "dist",
    "build",
    "coverage",
    ".next",
    ".nuxt",
];

/// File name endings skipped unless `--no-default-excludes`: minified and
/// bundled output.
pub const DEFAULT_EXCLUDED_SUFFIXES: &[&str] = &[".min.js", ".min.mjs", ".min.cjs", ".bundle.js"];

/// The project's own ignore file, in gitignore syntax.
/// `ELOOP` on Linux and the BSDs/macOS: too many levels of symbolic links.
#[cfg(target_os = "linux")]
const ELOOP: i32 = 40;
#[cfg(not(target_os = "linux"))]
const ELOOP: i32 = 62;

pub const IGNORE_FILE_NAME: &str = ".nodewardignore";

/// Lockfiles the dependency check reads. One inside `node_modules` belongs to
/// an installed package, not to the project, and is never read.
/// Files that may hold nodeward's configuration (a package.json through its
/// `"nodeward"` section); the walk notes the folders they are in.
pub const CONFIG_NAMES: &[&str] = &["nodeward.toml", "package.json"];

pub const LOCKFILE_NAMES: &[&str] = &[
    "package-lock.json",
    "npm-shrinkwrap.json",
    "yarn.lock",
    "pnpm-lock.yaml",
];

/// The size cap for lockfiles: a large monorepo's lockfile is several
/// megabytes of data, not code, and reading it is cheap.
pub const LOCKFILE_MAX_SIZE: u64 = 64 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoverOptions {
    /// Gitignore-syntax globs from `--exclude` and the config, relative to
    /// the root (`legacy/`, `**/*.spec.js`, `scripts/**`).
    pub excludes: Vec<String>,
    /// `false` with `--no-ignore`: `.gitignore`, `.git/info/exclude` and
    /// `.nodewardignore` are not read.
    pub use_ignore_files: bool,
    /// `false` with `--no-default-excludes`.
    pub default_excludes: bool,
    /// Discovered files over this size are skipped with a notice; files named
    /// on the command line may be up to `max(max_file_size,
    /// HARD_MAX_FILE_SIZE)`.
    pub max_file_size: u64,
}

impl Default for DiscoverOptions {
    fn default() -> Self {
        DiscoverOptions {
            excludes: Vec::new(),
            use_ignore_files: true,
            default_excludes: true,
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

impl DiscoverOptions {
    /// The size cap for a file, by whether it was named on the command line.
    pub fn size_limit(&self, explicit: bool) -> u64 {
        if explicit {
            self.max_file_size.max(HARD_MAX_FILE_SIZE)
        } else {
            self.max_file_size
        }
    }
}

/// A file to analyse.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourcePath {
    /// Absolute path, through symbolic links as found (not canonicalised),
    /// used to read the file.
    pub abs: PathBuf,
    /// Relative to the root with `/` separators: what every output shows.
    /// A path outside the root starts with `../`.
    pub rel: String,
    /// Named on the command line: analysed even if excluded, minified, or
    /// up to [`HARD_MAX_FILE_SIZE`].
    pub explicit: bool,
    /// Bytes on disk when it was found.
    pub len: u64,
}

#[derive(Debug, Clone)]
pub struct Discovery {
    /// Absolute: the repository root (the nearest directory with `.git`
    /// around the first path), else the first path if it is a directory,
    /// else its parent.
    pub root: PathBuf,
    /// Sorted by `rel`, each file once.
    pub files: Vec<SourcePath>,
    /// Lockfiles found (see [`LOCKFILE_NAMES`]), sorted by `rel`.
    pub lockfiles: Vec<SourcePath>,
    /// Files skipped (too large, unreadable, symlink loops), sorted.
    pub notices: Vec<Notice>,
    /// Source files left out by a built-in or user exclude (`.d.ts` files
    /// included).
    /// Files hidden by ignore files and the contents of excluded directories
    /// are not counted: they are never visited.
    pub excluded: usize,
    /// Root-relative folders that may hold a configuration: those the walk
    /// saw a `nodeward.toml` or a package.json in, and the folders from
    /// each path given up to the root (which the walk does not list).
    /// Sorted, each once.
    pub config_dirs: Vec<String>,
}

#[derive(Debug)]
pub enum DiscoverError {
    /// A path given on the command line does not exist.
    NotFound {
        path: PathBuf,
        dangling_symlink: bool,
    },
    /// A path given on the command line cannot be examined.
    Io { path: PathBuf, error: io::Error },
    /// An exclude glob is not valid gitignore syntax.
    BadExclude { pattern: String, message: String },
}

impl fmt::Display for DiscoverError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiscoverError::NotFound {
                path,
                dangling_symlink: false,
            } => {
                write!(f, "{}: no such file or directory", path.display())
            }
            DiscoverError::NotFound {
                path,
                dangling_symlink: true,
            } => {
                write!(
                    f,
                    "{}: a symbolic link to a path that does not exist",
                    path.display()
                )
            }
            DiscoverError::Io { path, error } => write!(f, "{}: {error}", path.display()),
            DiscoverError::BadExclude { pattern, message } => {
                write!(f, "invalid exclude pattern `{pattern}`: {message}")
            }
        }
    }
}

impl std::error::Error for DiscoverError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DiscoverError::Io { error, .. } => Some(error),
            _ => None,
        }
    }
}

/// Finds the files to analyse under `paths` (the current directory when
/// empty). Errors only on a path that does not exist or cannot be examined,
/// or on an invalid exclude glob; every other problem is a notice.
pub fn discover(paths: &[PathBuf], opts: &DiscoverOptions) -> Result<Discovery, DiscoverError> {
    let given: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths.to_vec()
    };
    let mut requested = Vec::with_capacity(given.len());
    for path in &given {
        let abs = absolute(path).map_err(|error| DiscoverError::Io {
            path: path.clone(),
            error,
        })?;
        match fs::metadata(&abs) {
            Ok(meta) => requested.push((abs, meta)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                let dangling_symlink = fs::symlink_metadata(&abs).is_ok();
                return Err(DiscoverError::NotFound {
                    path: path.clone(),
                    dangling_symlink,
                });
            }
            Err(error) => {
                return Err(DiscoverError::Io {
                    path: path.clone(),
                    error,
                })
            }
        }
    }
    let starts: Vec<&Path> = requested
        .iter()
        .map(|(p, meta)| {
            if meta.is_dir() {
                p.as_path()
            } else {
                p.parent().unwrap_or(p)
            }
        })
        .collect();
    let root = find_root(&starts);
    let user_excludes = user_excludes(&root, &opts.excludes)?;
    // A symbolic link is followed only to a path under the root or under a
    // path named on the command line: a tree from elsewhere (a fork's pull
    // request) must not make nodeward read the reader's other files.
    let mut inside: Vec<PathBuf> = std::iter::once(&root)
        .chain(requested.iter().map(|(abs, _)| abs))
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect();
    inside.sort();
    inside.dedup();
    let mut walk = Collector {
        root: root.clone(),
        inside: Arc::new(inside),
        opts,
        candidates: Vec::new(),
        notices: Vec::new(),
        excluded: Arc::new(AtomicUsize::new(0)),
        // The folders above each path given, up to the root.
        config_dirs: starts
            .iter()
            .flat_map(|s| s.ancestors().take_while(|a| a.starts_with(&root)))
            .map(Path::to_path_buf)
            .collect(),
    };
    for (abs, meta) in &requested {
        if meta.is_dir() {
            walk.walk_dir(abs, &user_excludes);
        } else if meta.is_file() {
            let name = abs.file_name().unwrap_or_default();
            let named_source = matches!(
                classify(name),
                Class::Source | Class::Declaration | Class::Lockfile
            );
            // An extensionless file named explicitly is a script
            // (`bin/server` with a `#!/usr/bin/env node` line).
            if named_source || Path::new(name).extension().is_none() {
                walk.candidates.push(Candidate {
                    path: SourcePath {
                        abs: abs.clone(),
                        rel: rel_path(&root, abs),
                        explicit: true,
                        len: meta.len(),
                    },
                    id: FileId::of(abs, meta),
                });
            } else {
                // Asked for by name: say why nothing comes of it.
                walk.notices.push(skipped(
                    SkipReason::NotSource,
                    rel_path(&root, abs),
                    "not a JavaScript or TypeScript file or a lockfile; nodeward does not analyse it",
                ));
            }
        } else {
            walk.notices.push(skipped(
                SkipReason::Unreadable,
                rel_path(&root, abs),
                "not a regular file",
            ));
        }
    }
    Ok(walk.finish())
}

/// Absolute and lexically normalised (`.` and `..` removed), without
/// resolving symbolic links, so paths read as the user typed them.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let abs = std::path::absolute(path)?;
    let mut out = PathBuf::new();
    for component in abs.components() {
        match component {
            Component::CurDir => {}
            // `/..` is `/`.
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

/// The nearest directory at or above the first path that contains `.git`,
/// when it holds every path given; else the deepest folder that holds them
/// all (a directory itself, a file's folder), so that `check ../koa .` shows
/// `koa/index.js` and `app/server.js`: never a name stripped of its folder,
/// never a `../` step (which SARIF consumers cannot resolve).
fn find_root(starts: &[&Path]) -> PathBuf {
    let first = starts[0];
    if let Some(git) = first
        .ancestors()
        .find(|dir| fs::symlink_metadata(dir.join(".git")).is_ok())
        .filter(|git| starts.iter().all(|s| s.starts_with(git)))
    {
        return git.to_path_buf();
    }
    first
        .ancestors()
        .find(|dir| starts.iter().all(|s| s.starts_with(dir)))
        .unwrap_or(first)
        .to_path_buf()
}

/// `abs` relative to `root` with `/` separators; `../` steps for a path
/// outside the root, or the path itself if nothing is shared (another
/// drive).
pub fn rel_path(root: &Path, abs: &Path) -> String {
    fn join<'a>(parts: impl Iterator<Item = Component<'a>>) -> String {
        let mut out = String::new();
        for part in parts {
            if !out.is_empty() {
                out.push('/');
            }
            out.push_str(&part.as_os_str().to_string_lossy());
        }
        out
    }
    if let Ok(below) = abs.strip_prefix(root) {
        return join(below.components());
    }
    let root_parts: Vec<Component> = root.components().collect();
    let abs_parts: Vec<Component> = abs.components().collect();
    let common = root_parts
        .iter()
        .zip(&abs_parts)
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 || !matches!(root_parts[0], Component::RootDir | Component::Prefix(_)) {
        return abs.to_string_lossy().replace('\\', "/");
    }
    let ups = root_parts.len() - common;
    join(std::iter::repeat_n(Component::ParentDir, ups).chain(abs_parts[common..].iter().copied()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Source,
    /// `.d.ts`, `.d.mts`, `.d.cts` (and `.d.css.ts`-style) declarations:
    /// types only, no code to analyse.
    Declaration,
    /// One of [`LOCKFILE_NAMES`].
    Lockfile,
    Other,
}

fn classify(name: &OsStr) -> Class {
    let Some(name) = name.to_str() else {
        return Class::Other;
    };
    if LOCKFILE_NAMES.contains(&name) {
        return Class::Lockfile;
    }
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return Class::Other;
    };
    if !SOURCE_EXTENSIONS.contains(&ext) || stem.is_empty() {
        return Class::Other;
    }
    if matches!(ext, "ts" | "mts" | "cts") {
        // `x.d.ts`, and `x.d.css.ts` (declarations for arbitrary extensions).
        if stem.ends_with(".d")
            || stem
                .rsplit_once('.')
                .is_some_and(|(head, _)| head.ends_with(".d"))
        {
            return Class::Declaration;
        }
    }
    Class::Source
}

fn is_lockfile(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| classify(n) == Class::Lockfile)
}

fn is_default_excluded_file(name: &OsStr) -> bool {
    name.to_str().is_some_and(|name| {
        DEFAULT_EXCLUDED_SUFFIXES
            .iter()
            .any(|suffix| name.ends_with(suffix))
    })
}

fn user_excludes(root: &Path, patterns: &[String]) -> Result<Gitignore, DiscoverError> {
    let mut builder = GitignoreBuilder::new(root);
    for pattern in patterns {
        builder
            .add_line(None, pattern)
            .map_err(|err| DiscoverError::BadExclude {
                pattern: pattern.clone(),
                message: glob_error_message(&err),
            })?;
    }
    builder.build().map_err(|err| DiscoverError::BadExclude {
        pattern: patterns.join(", "),
        message: glob_error_message(&err),
    })
}

fn glob_error_message(err: &ignore::Error) -> String {
    match err {
        ignore::Error::Glob { err, .. } => err.clone(),
        other => other.to_string(),
    }
}

/// Identity of a file, to list a file reached twice (overlapping paths, a
/// symbolic link) once: device and inode on Unix (so hard links are one
/// file too, and no extra system call is needed), the canonical path
/// elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum FileId {
    #[cfg_attr(not(unix), allow(dead_code))]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl FileId {
    #[cfg(unix)]
    fn of(_abs: &Path, meta: &fs::Metadata) -> FileId {
        use std::os::unix::fs::MetadataExt;
        FileId::Inode(meta.dev(), meta.ino())
    }

    #[cfg(not(unix))]
    fn of(abs: &Path, _meta: &fs::Metadata) -> FileId {
        FileId::Path(fs::canonicalize(abs).unwrap_or_else(|_| abs.to_path_buf()))
    }
}

struct Candidate {
    path: SourcePath,
    id: FileId,
}

struct Collector<'a> {
    root: PathBuf,
    /// Where links may lead (real paths): the root and the named paths.
    inside: Arc<Vec<PathBuf>>,
    opts: &'a DiscoverOptions,
    candidates: Vec<Candidate>,
    notices: Vec<Notice>,
    excluded: Arc<AtomicUsize>,
    config_dirs: Vec<PathBuf>,
}

/// What the walk's entry filter needs; shared with the walker's closure.
struct Filter {
    root: PathBuf,
    default_excludes: bool,
    user_excludes: Gitignore,
    /// Ignore files between the root and a walked directory below it, in
    /// increasing precedence (see [`ancestor_ignores`]).
    ancestors: Vec<Gitignore>,
    excluded: Arc<AtomicUsize>,
    inside: Arc<Vec<PathBuf>>,
    /// Links not followed because they lead elsewhere: (link, real target).
    outside: std::sync::Mutex<Vec<(PathBuf, PathBuf)>>,
    /// Folders seen holding a `nodeward.toml` or a package.json.
    config_dirs: std::sync::Mutex<Vec<PathBuf>>,
}

impl Filter {
    /// Whether the symbolic link `link` leads out of every path a link may
    /// lead to (it is then recorded). A dangling link leads nowhere: the
    /// walk reports it as it does any unreadable path.
    fn leads_outside(&self, link: &Path) -> bool {
        let Ok(target) = fs::canonicalize(link) else {
            return false;
        };
        if self.inside.iter().any(|a| target.starts_with(a)) {
            return false;
        }
        if let Ok(mut v) = self.outside.lock() {
            v.push((link.to_path_buf(), target));
        }
        true
    }

    fn ignored_by_ancestors(&self, path: &Path, is_dir: bool) -> bool {
        self.ancestors
            .iter()
            .rev()
            .map(|gi| gi.matched(path, is_dir))
            .find(|m| !m.is_none())
            .is_some_and(|m| m.is_ignore())
    }

    fn user_excluded(&self, path: &Path, is_dir: bool) -> bool {
        path.starts_with(&self.root)
            && matches!(self.user_excludes.matched(path, is_dir), Match::Ignore(_))
    }

    /// Whether the walk keeps an entry (a directory to descend into, or a
    /// source file). Counts excluded source files.
    fn keep(&self, path: &Path, name: &OsStr, is_dir: bool) -> bool {
        if is_dir {
            let excluded = name == ".git"
                || (self.default_excludes && DEFAULT_EXCLUDED_DIRS.iter().any(|d| name == *d))
                || self.ignored_by_ancestors(path, true)
                || self.user_excluded(path, true);
            return !excluded;
        }
        let class = classify(name);
        if class == Class::Other {
            if CONFIG_NAMES.iter().any(|n| name == *n) {
                if let (Some(dir), Ok(mut dirs)) = (path.parent(), self.config_dirs.lock()) {
                    dirs.push(dir.to_path_buf());
                }
            }
            return false;
        }
        if self.ignored_by_ancestors(path, false) {
            return false;
        }
        if class == Class::Lockfile {
            let installed = path.components().any(|c| c.as_os_str() == "node_modules");
            return !installed && !self.user_excluded(path, false);
        }
        let excluded = class == Class::Declaration
            || (self.default_excludes && is_default_excluded_file(name))
            || self.user_excluded(path, false);
        if excluded {
            self.excluded.fetch_add(1, Ordering::Relaxed);
        }
        !excluded
    }
}

impl Collector<'_> {
    fn walk_dir(&mut self, dir: &Path, user_excludes: &Gitignore) {
        let use_ignores = self.opts.use_ignore_files;
        let filter = Arc::new(Filter {
            root: self.root.clone(),
            default_excludes: self.opts.default_excludes,
            user_excludes: user_excludes.clone(),
            ancestors: if use_ignores {
                ancestor_ignores(&self.root, dir)
            } else {
                Vec::new()
            },
            excluded: Arc::clone(&self.excluded),
            inside: Arc::clone(&self.inside),
            outside: std::sync::Mutex::new(Vec::new()),
            config_dirs: std::sync::Mutex::new(Vec::new()),
        });
        let mut builder = WalkBuilder::new(dir);
        builder
            .follow_links(true)
            .hidden(false)
            // Ignore files above the walked directory are read by
            // `ancestor_ignores`, from the root down only.
            .parents(false)
            .ignore(false)
            .git_global(false)
            .git_ignore(use_ignores)
            .git_exclude(use_ignores)
            .require_git(false);
        if use_ignores {
            builder.add_custom_ignore_filename(IGNORE_FILE_NAME);
        }
        let keep = Arc::clone(&filter);
        builder.filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            entry.depth() == 0
                || (keep.keep(entry.path(), entry.file_name(), is_dir)
                    && !(entry.path_is_symlink() && keep.leads_outside(entry.path())))
        });
        for result in builder.build() {
            match result {
                Ok(entry) => {
                    let Some(file_type) = entry.file_type() else {
                        continue;
                    };
                    if file_type.is_dir() {
                        continue;
                    }
                    let abs = entry.path().to_path_buf();
                    let rel = rel_path(&self.root, &abs);
                    match entry.metadata() {
                        Ok(meta) if meta.is_file() => self.candidates.push(Candidate {
                            id: FileId::of(&abs, &meta),
                            path: SourcePath {
                                abs,
                                rel,
                                explicit: false,
                                len: meta.len(),
                            },
                        }),
                        Ok(_) => self.notices.push(skipped(
                            SkipReason::Unreadable,
                            rel,
                            "not a regular file",
                        )),
                        Err(err) => {
                            self.notices
                                .push(skipped(SkipReason::Unreadable, rel, err.to_string()))
                        }
                    }
                }
                Err(err) => self.walk_error(err, &filter),
            }
        }
        let outside = filter
            .outside
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        if let Ok(mut dirs) = filter.config_dirs.lock() {
            self.config_dirs.append(&mut dirs);
        }
        for (link, target) in outside {
            let message = format!(
                "a symbolic link to {}, outside the analysed folders: not followed (name that path to analyse it)",
                display_rel(&self.root, &target)
            );
            self.notices.push(skipped(
                SkipReason::OutsideRoot,
                rel_path(&self.root, &link),
                message,
            ));
        }
    }

    /// Turns a walk error into a notice, unless it concerns a path that
    /// would not have been analysed anyway.
    fn walk_error(&mut self, err: ignore::Error, filter: &Filter) {
        let mut path = None;
        let mut err = &err;
        loop {
            match err {
                ignore::Error::WithPath {
                    path: p,
                    err: inner,
                } => {
                    path.get_or_insert(p.clone());
                    err = inner;
                }
                ignore::Error::WithDepth { err: inner, .. }
                | ignore::Error::WithLineNumber { err: inner, .. } => {
                    err = inner;
                }
                ignore::Error::Partial(errs) => {
                    for inner in errs {
                        self.walk_error(inner.clone(), filter);
                    }
                    return;
                }
                _ => break,
            }
        }
        match err {
            ignore::Error::Loop { ancestor, child } => {
                let message = format!(
                    "symbolic link loop: {} leads back to {}; not followed",
                    rel_path(&self.root, child),
                    display_rel(&self.root, ancestor)
                );
                self.notices.push(skipped(
                    SkipReason::SymlinkLoop,
                    rel_path(&self.root, child),
                    message,
                ));
            }
            ignore::Error::Io(io_err) => {
                let Some(path) = path else {
                    self.notices.push(Notice {
                        kind: NoticeKind::Skipped(SkipReason::Unreadable),
                        path: None,
                        span: None,
                        message: io_err.to_string(),
                    });
                    return;
                };
                let name = path.file_name().unwrap_or_default();
                // `ln -s a.js a.js`: resolving the link fails with ELOOP.
                let is_loop =
                    matches!(fs::metadata(&path), Err(e) if e.raw_os_error() == Some(ELOOP));
                if is_loop && filter.keep(&path, name, false) {
                    self.notices.push(skipped(
                        SkipReason::SymlinkLoop,
                        rel_path(&self.root, &path),
                        "symbolic link loop: the link resolves to itself; not followed".to_string(),
                    ));
                    return;
                }
                let message = match fs::metadata(&path) {
                    Ok(meta) if meta.is_dir() => {
                        // An excluded directory is never read, so this one
                        // was kept: report it.
                        format!("cannot read directory: {io_err}")
                    }
                    _ if !filter.keep(&path, name, false) => return,
                    Err(_)
                        if fs::symlink_metadata(&path)
                            .is_ok_and(|m| m.file_type().is_symlink()) =>
                    {
                        "a symbolic link to a path that does not exist".to_string()
                    }
                    _ => io_err.to_string(),
                };
                self.notices.push(skipped(
                    SkipReason::Unreadable,
                    rel_path(&self.root, &path),
                    message,
                ));
            }
            // Errors in ignore files themselves (a bad glob) skip no file.
            _ => {}
        }
    }

    fn finish(mut self) -> Discovery {
        // A file reached twice is listed once: as named on the command line
        // if it was, else under its real path rather than through a link,
        // else under its first path in sorted order.
        self.candidates.sort_by(|a, b| a.id.cmp(&b.id));
        let mut unique: Vec<Candidate> = Vec::with_capacity(self.candidates.len());
        let mut group: Vec<Candidate> = Vec::new();
        for candidate in self.candidates {
            if group.last().is_some_and(|last| last.id != candidate.id) {
                unique.push(pick(&self.root, &mut group));
            }
            group.push(candidate);
        }
        if !group.is_empty() {
            unique.push(pick(&self.root, &mut group));
        }
        self.candidates = unique;
        let mut files = Vec::with_capacity(self.candidates.len());
        let mut lockfiles = Vec::new();
        for candidate in self.candidates {
            if is_lockfile(&candidate.path.abs) {
                if candidate.path.len > LOCKFILE_MAX_SIZE {
                    let (reason, message) =
                        crate::read::too_large(candidate.path.len, LOCKFILE_MAX_SIZE, true);
                    self.notices
                        .push(skipped(reason, candidate.path.rel, message));
                } else {
                    lockfiles.push(candidate.path);
                }
                continue;
            }
            let limit = self.opts.size_limit(candidate.path.explicit);
            if candidate.path.len > limit {
                let (reason, message) =
                    crate::read::too_large(candidate.path.len, limit, candidate.path.explicit);
                self.notices
                    .push(skipped(reason, candidate.path.rel, message));
            } else {
                files.push(candidate.path);
            }
        }
        files.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.abs.cmp(&b.abs)));
        lockfiles.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.abs.cmp(&b.abs)));
        sort_notices(&mut self.notices);
        self.notices.dedup();
        let mut config_dirs: Vec<String> = self
            .config_dirs
            .iter()
            .map(|d| rel_path(&self.root, d))
            .collect();
        config_dirs.sort();
        config_dirs.dedup();
        Discovery {
            root: self.root,
            files,
            lockfiles,
            notices: self.notices,
            excluded: self.excluded.load(Ordering::Relaxed),
            config_dirs,
        }
    }
}

/// The one path to list among paths to the same file; empties `group`.
fn pick(root: &Path, group: &mut Vec<Candidate>) -> Candidate {
    if group.len() > 1 {
        // Real: no symbolic link between the root and the file.
        let real_root = fs::canonicalize(root).ok();
        let is_real = |c: &Candidate| {
            let real = fs::canonicalize(&c.path.abs).ok();
            real.is_some() && real == real_root.as_ref().map(|r| r.join(&c.path.rel))
        };
        group.sort_by_cached_key(|c| (!c.path.explicit, !is_real(c), c.path.rel.clone()));
        group.truncate(1);
    }
    group.pop().expect("a non-empty group")
}

fn display_rel(root: &Path, path: &Path) -> String {
    let rel = rel_path(root, path);
    if rel.is_empty() {
        ".".to_string()
    } else {
        rel
    }
}

fn skipped(reason: SkipReason, rel: String, message: impl Into<String>) -> Notice {
    Notice::for_file(NoticeKind::Skipped(reason), rel, message)
}

/// The ignore files that apply to a walked directory `dir` strictly below
/// `root` but live above it: the root's `.git/info/exclude`, then the
/// `.gitignore` files from the root down, then the `.nodewardignore` files
/// from the root down; a later matcher takes precedence, as in the walker
/// (a `.nodewardignore` rule beats a `.gitignore` rule, a deeper file beats
/// a shallower one). Nothing above the root is read: a stray `~/.gitignore`
/// must not hide a project that is not in a repository.
fn ancestor_ignores(root: &Path, dir: &Path) -> Vec<Gitignore> {
    let Ok(below) = dir.strip_prefix(root) else {
        return Vec::new();
    };
    let steps: Vec<Component> = below.components().collect();
    if steps.is_empty() {
        return Vec::new();
    }
    let mut dirs = vec![root.to_path_buf()];
    for step in &steps[..steps.len() - 1] {
        let next = dirs[dirs.len() - 1].join(step);
        dirs.push(next);
    }
    let mut out = Vec::new();
    if let Some(exclude) = git_exclude_file(root) {
        out.extend(load_ignore(root, &exclude));
    }
    for name in [".gitignore", IGNORE_FILE_NAME] {
        for dir in &dirs {
            out.extend(load_ignore(dir, &dir.join(name)));
        }
    }
    out
}

fn load_ignore(dir: &Path, file: &Path) -> Option<Gitignore> {
    if !file.is_file() {
        return None;
    }
    let mut builder = GitignoreBuilder::new(dir);
    // A bad line in an ignore file is skipped, as git and ripgrep do.
    let _ = builder.add(file);
    builder.build().ok().filter(|gi| !gi.is_empty())
}

/// `.git/info/exclude` of the repository at `root`; `.git` may be a file
/// (`gitdir: …`) in a worktree or submodule.
fn git_exclude_file(root: &Path) -> Option<PathBuf> {
    let dot_git = root.join(".git");
    let meta = fs::metadata(&dot_git).ok()?;
    let git_dir = if meta.is_dir() {
        dot_git
    } else {
        let text = fs::read_to_string(&dot_git).ok()?;
        let target = text
            .lines()
            .find_map(|line| line.strip_prefix("gitdir:"))?
            .trim();
        let git_dir = root.join(target);
        match fs::read_to_string(git_dir.join("commondir")) {
            Ok(common) => git_dir.join(common.trim()),
            Err(_) => git_dir,
        }
    };
    Some(git_dir.join("info").join("exclude"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_names() {
        let class = |n: &str| classify(OsStr::new(n));
        for name in [
            "a.js",
            "a.mjs",
            "a.cjs",
            "a.jsx",
            "a.ts",
            "a.mts",
            "a.cts",
            "a.tsx",
            "a.min.js",
            ".eslintrc.js",
        ] {
            assert_eq!(class(name), Class::Source, "{name}");
        }
        for name in ["a.d.ts", "a.d.mts", "a.d.cts", "styles.d.css.ts"] {
            assert_eq!(class(name), Class::Declaration, "{name}");
        }
        for name in [
            "a.json", "a.js.map", "js", ".js", "a.JS", "Makefile", "a.d.json",
        ] {
            assert_eq!(class(name), Class::Other, "{name}");
        }
        assert_eq!(class("d.ts"), Class::Source);
    }

    #[test]
    fn relative_paths() {
        let root = Path::new("/p/repo");
        assert_eq!(rel_path(root, Path::new("/p/repo/src/a.js")), "src/a.js");
        assert_eq!(rel_path(root, Path::new("/p/other/a.js")), "../other/a.js");
        assert_eq!(rel_path(root, Path::new("/x.js")), "../../x.js");
        assert_eq!(rel_path(root, root), "");
    }

    #[test]
    fn absolute_is_lexical() {
        let abs = absolute(Path::new("a/./b/../c")).unwrap();
        assert!(abs.is_absolute());
        assert!(abs.ends_with("a/c"), "{}", abs.display());
        assert_eq!(
            absolute(Path::new("")).unwrap(),
            absolute(Path::new(".")).unwrap()
        );
    }
}
