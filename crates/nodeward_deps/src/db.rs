//! The advisory database: a folder of OSV JSON files (searched
//! recursively, as the GitHub Advisory Database is laid out) or the npm
//! ecosystem zip as osv.dev publishes it (`npm/all.zip`).
//!
//! A file that is no valid OSV advisory is a problem reported beside the
//! database, never the end of the run; withdrawn advisories and entries of
//! other ecosystems are left out, counted.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::osv::{Advisory, RawAdvisory, Rejected};
use crate::version::Version;

/// One advisory file that could not be used, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct DbProblem {
    /// The file, or the zip entry (`all.zip!GHSA-….json`).
    pub file: String,
    pub message: String,
}

#[derive(Debug, Default)]
pub struct AdvisoryDb {
    pub source: PathBuf,
    pub advisories: Vec<Advisory>,
    by_package: HashMap<String, Vec<usize>>,
    /// The newest `modified` date of any advisory read (RFC 3339).
    pub newest_modified: Option<String>,
    pub withdrawn: usize,
    pub problems: Vec<DbProblem>,
}

/// An advisory that affects an installed version.
pub struct Match<'a> {
    pub advisory: &'a Advisory,
    pub fixed: Option<Version>,
}

/// A file's modified date and what it gives, or why it is no advisory.
type Parsed = Result<(String, Result<(Advisory, Vec<Rejected>), Rejected>), String>;

fn parse_one(bytes: &[u8]) -> Parsed {
    let raw: RawAdvisory =
        serde_json::from_slice(bytes).map_err(|e| format!("not an OSV advisory: {e}"))?;
    let modified = raw.modified.clone();
    Ok((modified, Advisory::from_raw(raw)))
}

/// Files parsed together on the thread pool.
const BATCH: usize = 2048;

/// Files larger than this are no advisory (the largest real ones are a few
/// hundred KiB); the zip is read entry by entry under the same bound.
const MAX_ADVISORY_BYTES: u64 = 16 << 20;

impl AdvisoryDb {
    /// Reads the database at `path`. Errors only when `path` itself cannot
    /// be read; bad files inside are `problems`.
    pub fn load(path: &Path) -> Result<AdvisoryDb, String> {
        let mut db = AdvisoryDb {
            source: path.to_path_buf(),
            ..AdvisoryDb::default()
        };
        let meta = std::fs::metadata(path)
            .map_err(|e| format!("advisory database {}: {e}", path.display()))?;
        if meta.is_dir() {
            let mut files = Vec::new();
            json_files(path, &mut files);
            files.sort();
            let mut batch = Vec::with_capacity(BATCH);
            for f in files {
                let label = f
                    .strip_prefix(path)
                    .unwrap_or(&f)
                    .to_string_lossy()
                    .replace('\\', "/");
                match std::fs::read(&f) {
                    Ok(bytes) => batch.push((label, bytes)),
                    Err(e) => db.problem(&label, e.to_string()),
                }
                if batch.len() == BATCH {
                    db.add_batch(&mut batch);
                }
            }
            db.add_batch(&mut batch);
        } else {
            db.load_zip(path)?;
        }
        Ok(db)
    }

    /// A database from advisories in memory (the online mode's answers).
    pub fn from_json(source: &str, mut files: Vec<(String, Vec<u8>)>) -> AdvisoryDb {
        let mut db = AdvisoryDb {
            source: PathBuf::from(source),
            ..AdvisoryDb::default()
        };
        db.add_batch(&mut files);
        db
    }

    fn load_zip(&mut self, path: &Path) -> Result<(), String> {
        let bad = |e: &dyn std::fmt::Display| {
            format!(
                "advisory database {}: not a folder nor a readable zip ({e})",
                path.display()
            )
        };
        let file = std::fs::File::open(path).map_err(|e| bad(&e))?;
        let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| bad(&e))?;
        let zip_name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut batch = Vec::with_capacity(BATCH);
        for i in 0..zip.len() {
            let mut entry = match zip.by_index(i) {
                Ok(e) => e,
                Err(e) => {
                    self.problem(&format!("{zip_name}!#{i}"), e.to_string());
                    continue;
                }
            };
            let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
            if !entry.is_file() || !name.ends_with(".json") {
                continue;
            }
            let label = format!("{zip_name}!{name}");
            // The declared size bounds the read (and sizes the buffer once).
            if entry.size() > MAX_ADVISORY_BYTES {
                self.problem(&label, "larger than 16 MiB; not read".into());
                continue;
            }
            let mut bytes = Vec::with_capacity(entry.size() as usize);
            match (&mut entry)
                .take(MAX_ADVISORY_BYTES + 1)
                .read_to_end(&mut bytes)
            {
                Ok(_) if bytes.len() as u64 > MAX_ADVISORY_BYTES => {
                    self.problem(&label, "larger than 16 MiB; not read".into())
                }
                Ok(_) => batch.push((label, bytes)),
                Err(e) => self.problem(&label, e.to_string()),
            }
            if batch.len() == BATCH {
                self.add_batch(&mut batch);
            }
        }
        self.add_batch(&mut batch);
        Ok(())
    }

    fn problem(&mut self, file: &str, message: String) {
        self.problems.push(DbProblem {
            file: file.to_string(),
            message,
        });
    }

    /// Parses a batch of files on the current thread pool (parsing is the
    /// cost of loading a database; batches bound the memory), then adds
    /// them in order.
    fn add_batch(&mut self, batch: &mut Vec<(String, Vec<u8>)>) {
        let parsed: Vec<Parsed> = batch.par_iter().map(|(_, b)| parse_one(b)).collect();
        for ((label, _), p) in batch.drain(..).zip(parsed) {
            self.insert(&label, p);
        }
    }

    fn insert(&mut self, label: &str, parsed: Parsed) {
        let (modified, result) = match parsed {
            Ok(p) => p,
            Err(e) => return self.problem(label, e),
        };
        // Every advisory read counts for the database's age, withdrawn too:
        // a withdrawal is news.
        if self
            .newest_modified
            .as_deref()
            .is_none_or(|m| m < modified.as_str())
        {
            self.newest_modified = Some(modified);
        }
        match result {
            Ok((adv, bad)) => {
                for b in bad {
                    if let Rejected::BadBound(bound) = b {
                        self.problem(
                            label,
                            format!("range bound `{bound}` is no version; that range is ignored"),
                        );
                    }
                }
                self.push(adv);
            }
            Err(Rejected::Withdrawn) => self.withdrawn += 1,
            Err(_) => {}
        }
    }

    /// Adds an advisory and indexes it under each package it names.
    fn push(&mut self, adv: Advisory) {
        let index = self.advisories.len();
        for p in &adv.affected {
            let list = self.by_package.entry(p.name.clone()).or_default();
            if list.last() != Some(&index) {
                list.push(index);
            }
        }
        self.advisories.push(adv);
    }

    /// Adds the advisories of `other` that this database does not have (by
    /// id); its problems and dates count too.
    pub fn merge(&mut self, other: AdvisoryDb) {
        for a in other.advisories {
            if self.advisories.iter().any(|b| b.id == a.id) {
                continue;
            }
            self.push(a);
        }
        self.problems.extend(other.problems);
        self.withdrawn += other.withdrawn;
        if other.newest_modified > self.newest_modified {
            self.newest_modified = other.newest_modified;
        }
    }

    /// Every advisory affecting `name` at `version`, sorted by id.
    pub fn matches(&self, name: &str, version: &Version) -> Vec<Match<'_>> {
        let mut out: Vec<Match> = self
            .by_package
            .get(name)
            .into_iter()
            .flatten()
            .filter_map(|&i| {
                let a = &self.advisories[i];
                a.affects(name, version).map(|hit| Match {
                    advisory: a,
                    fixed: hit.fixed,
                })
            })
            .collect();
        out.sort_by(|a, b| a.advisory.id.cmp(&b.advisory.id));
        out
    }

    /// Whole days since the newest `modified` date, from `now` (seconds
    /// since the Unix epoch). `None` without a parsable date.
    pub fn age_days(&self, now: u64) -> Option<u64> {
        let newest = epoch_seconds(self.newest_modified.as_deref()?)?;
        Some(now.saturating_sub(newest) / 86_400)
    }
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let Ok(kind) = e.file_type() else { continue };
        let p = e.path();
        if kind.is_dir() {
            json_files(&p, out);
        } else if kind.is_file()
            && p.extension().is_some_and(|x| x == "json")
            && e.metadata().is_ok_and(|m| m.len() <= MAX_ADVISORY_BYTES)
        {
            out.push(p);
        }
    }
}

/// Seconds since the epoch of an RFC 3339 date (`2024-09-10T19:41:04Z`;
/// only the date and time of day are read, an offset is ignored).
pub fn epoch_seconds(date: &str) -> Option<u64> {
    let num = |s: &str| s.parse::<i64>().ok();
    let (y, m, d) = (
        num(date.get(0..4)?)?,
        num(date.get(5..7)?)?,
        num(date.get(8..10)?)?,
    );
    let (hh, mm, ss) = match date.get(11..19) {
        Some(t) => (num(&t[0..2])?, num(&t[3..5])?, num(&t[6..8])?),
        None => (0, 0, 0),
    };
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from(days * 86_400 + hh * 3600 + mm * 60 + ss).ok()
}

#[cfg(test)]
mod tests;
