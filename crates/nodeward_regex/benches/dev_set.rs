//! Times the analysis of every regex of the shared development set, alone
//! and with a rewrite searched for each vulnerable one, on one thread and
//! on two (`cargo bench -p nodeward_regex`). Skips when the set is absent.
//!
//! Rewrites are searched as the rule does for a regex bound to a name (its
//! groups assumed read) and as for code that reads no group.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nodeward_regex::rewrite::{rewrite, Uses};
use nodeward_regex::{analyze, Budget, Verdict};
use rayon::prelude::*;

/// What is timed for each regex.
#[derive(Clone, Copy)]
enum Work {
    Analysis,
    /// With a rewrite; `true`: the groups are read.
    Rewrite(bool),
}

fn one(pattern: &str, flags: &str, work: Work) {
    let verdict = analyze(pattern, flags, &Budget::default());
    if let (Work::Rewrite(groups), Verdict::Vulnerable(v)) = (work, &verdict) {
        let mut uses = Uses::unknown(flags);
        uses.groups = groups;
        std::hint::black_box(rewrite(pattern, flags, v, uses).is_ok());
    }
    std::hint::black_box(verdict);
}

fn time(rows: &[(String, String)], work: Work, threads: usize) -> (Duration, Duration) {
    const ROUNDS: usize = 5;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let mut totals: Vec<Duration> = (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            if threads == 1 {
                rows.iter().for_each(|(p, f)| one(p, f, work));
            } else {
                pool.install(|| {
                    rows.par_iter()
                        .with_max_len(1)
                        .for_each(|(p, f)| one(p, f, work))
                });
            }
            start.elapsed()
        })
        .collect();
    totals.sort();
    (totals[ROUNDS / 2], totals[0])
}

fn main() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/redos-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("redos-dev.jsonl not found; nothing to time");
        return;
    };
    let rows: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (s("pattern"), s("flags"))
        })
        .collect();
    println!("{} regexes, median of 5 (min):", rows.len());
    for (name, work) in [
        ("analysis", Work::Analysis),
        ("with rewrites, groups read", Work::Rewrite(true)),
        ("with rewrites, no group read", Work::Rewrite(false)),
    ] {
        for threads in [1, 2] {
            let (median, min) = time(&rows, work, threads);
            println!(
                "  {name:<30} {threads} thread{}: {:6.1} ms ({:.1})",
                if threads == 1 { " " } else { "s" },
                median.as_secs_f64() * 1e3,
                min.as_secs_f64() * 1e3
            );
        }
    }
}
