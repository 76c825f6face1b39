//! The dependency check's inputs: every lockfile discovery found, read with
//! the package.json of each importer, and the advisory database (a folder
//! or zip given by the user, or the OSV API with `--online`).
//!
//! A lockfile that cannot be read is a notice; a database that cannot be
//! read at all, or an OSV API that does not answer, stops the run (exit 2):
//! a security gate that silently checked nothing would be worse than none.

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use nodeward_deps::check::{ProjectDeps, ProjectLock};
use nodeward_deps::db::AdvisoryDb;
use nodeward_deps::lockfile::{self, FsManifests, ManifestSource};
use nodeward_front::discover::SourcePath;
use nodeward_report::{AdvisoriesSummary, DepsSummary, LockSummary, Notice, NoticeKind};

use crate::pipeline::RunError;

/// Advisories older than this many days get a notice, unless configured.
pub const DEFAULT_MAX_AGE_DAYS: u64 = 7;

#[derive(Debug, Clone)]
pub struct DepsOptions {
    /// A folder of OSV JSON files or the OSV npm zip.
    pub advisories: Option<PathBuf>,
    /// Query the OSV API instead (or as well: both are merged, the file
    /// database first).
    pub online: Option<OnlineOptions>,
    pub max_age_days: u64,
}

impl Default for DepsOptions {
    fn default() -> DepsOptions {
        DepsOptions {
            advisories: None,
            online: None,
            max_age_days: DEFAULT_MAX_AGE_DAYS,
        }
    }
}

#[derive(Debug, Clone)]
pub struct OnlineOptions {
    pub endpoint: String,
    pub timeout: Duration,
}

pub fn load(
    lockfiles: &[SourcePath],
    opts: &DepsOptions,
    notices: &mut Vec<Notice>,
) -> Result<(ProjectDeps, DepsSummary), RunError> {
    let mut deps = ProjectDeps::default();
    let mut summary = DepsSummary::default();
    for lf in lockfiles {
        let Some(lock) = read_lock(lf, notices) else {
            continue;
        };
        summary.lockfiles.push(LockSummary {
            path: lf.rel.clone(),
            kind: lock.lock.kind.label(),
            packages: lock.lock.packages.len(),
        });
        deps.locks.push(lock);
    }
    let mut db = match &opts.advisories {
        Some(path) => Some(AdvisoryDb::load(path).map_err(RunError)?),
        None => None,
    };
    if let Some(online) = &opts.online {
        let mut wanted: Vec<(String, String)> = deps
            .locks
            .iter()
            .flat_map(|l| l.lock.packages.iter())
            .map(|p| (p.name.clone(), p.version.clone()))
            .collect();
        wanted.sort();
        wanted.dedup();
        let mut fetched = nodeward_deps::online::query(&online.endpoint, &wanted, online.timeout)
            .map_err(RunError)?;
        // The API is live: the dates of the few advisories it returned say
        // nothing about how current it is. Only a file database has an age.
        fetched.newest_modified = None;
        db = Some(match db {
            Some(mut local) => {
                let newest = local.newest_modified.clone();
                local.merge(fetched);
                local.newest_modified = newest;
                local
            }
            None => fetched,
        });
    }
    match &db {
        None if !deps.locks.is_empty() => notices.push(Notice::project(
            NoticeKind::NoAdvisories,
            format!(
                "{} found but not checked for vulnerable dependencies: give an advisory database with --advisories PATH (or `advisories` in nodeward.toml), or use --online",
                if deps.locks.len() == 1 { "a lockfile was".to_string() } else { format!("{} lockfiles were", deps.locks.len()) }
            ),
        )),
        None => {}
        Some(db) => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let age_days = db.age_days(now);
            for p in &db.problems {
                notices.push(db_notice(format!(
                    "{}: {}: {}",
                    db.source.display(),
                    p.file,
                    p.message
                )));
            }
            if let Some(age) = age_days.filter(|&a| a > opts.max_age_days) {
                notices.push(db_notice(format!(
                    "the advisory database {} is {age} days old (newest advisory modified {}); advisories published since are missing: refresh it (see docs/dependencies.md) or raise `advisory-max-age-days`",
                    db.source.display(),
                    db.newest_modified.as_deref().unwrap_or("?"),
                )));
            }
            summary.advisories = Some(AdvisoriesSummary {
                source: db.source.display().to_string(),
                count: db.advisories.len(),
                newest_modified: db.newest_modified.clone(),
                age_days,
            });
        }
    }
    deps.db = db;
    Ok((deps, summary))
}

fn db_notice(message: String) -> Notice {
    Notice::project(NoticeKind::Advisories, message)
}

fn read_lock(lf: &SourcePath, notices: &mut Vec<Notice>) -> Option<ProjectLock> {
    let fail = |notices: &mut Vec<Notice>, message: String| {
        notices.push(Notice::for_file(
            NoticeKind::Lockfile,
            lf.rel.as_str(),
            format!("{message}; its packages were not checked"),
        ));
    };
    let text = match std::fs::read(&lf.abs) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(_) => {
                fail(notices, "this lockfile is not UTF-8".into());
                return None;
            }
        },
        Err(e) => {
            fail(notices, format!("cannot read this lockfile: {e}"));
            return None;
        }
    };
    let file_name = lf.rel.rsplit('/').next().unwrap_or(&lf.rel);
    let folder = lockfile::folder_of(&lf.abs);
    let manifests = FsManifests::new(folder);
    let parsed = crate::panic_capture::catch(|| lockfile::parse(file_name, &text, &manifests));
    let lock = match parsed {
        Ok(Ok(lock)) => lock,
        Ok(Err(e)) => {
            fail(
                notices,
                format!("this lockfile is malformed: {}", e.message),
            );
            return None;
        }
        Err(msg) => {
            fail(notices, format!("reading this lockfile panicked: {msg}"));
            return None;
        }
    };
    let mut project_lock = ProjectLock {
        path: lf.rel.clone(),
        lock,
        manifests: Vec::new(),
    };
    project_lock.manifests = (0..project_lock.lock.importers.len())
        .map(|i| {
            let manifest = manifests.manifest(&project_lock.lock.importers[i].dir)?;
            let dir = project_lock.importer_dir(i);
            let rel = if dir.is_empty() {
                "package.json".to_string()
            } else {
                format!("{dir}/package.json")
            };
            Some((rel, manifest))
        })
        .collect();
    Some(project_lock)
}
