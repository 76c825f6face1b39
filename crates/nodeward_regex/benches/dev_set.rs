//! Times `analyze` over every regex of the shared development set
//! (`cargo bench -p nodeward_regex`). Skips when the set is absent.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nodeward_regex::{analyze, Budget};

fn main() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/redos-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("redos-dev.jsonl not found; nothing to time");
        return;
    };
    let rows: Vec<(String, String, String)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            (s("id"), s("pattern"), s("flags"))
        })
        .collect();
    let budget = Budget::default();
    const ROUNDS: usize = 5;
    let mut totals = Vec::with_capacity(ROUNDS);
    let mut slowest = (Duration::ZERO, String::new());
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for (id, pattern, flags) in &rows {
            let t = Instant::now();
            std::hint::black_box(analyze(pattern, flags, &budget));
            let dt = t.elapsed();
            if dt > slowest.0 {
                slowest = (dt, id.clone());
            }
        }
        totals.push(start.elapsed());
    }
    totals.sort();
    println!(
        "{} regexes: median total {:.1} ms (min {:.1}, max {:.1}); slowest single analysis {} at {:.1} ms",
        rows.len(),
        totals[ROUNDS / 2].as_secs_f64() * 1e3,
        totals[0].as_secs_f64() * 1e3,
        totals[ROUNDS - 1].as_secs_f64() * 1e3,
        slowest.1,
        slowest.0.as_secs_f64() * 1e3
    );
}
