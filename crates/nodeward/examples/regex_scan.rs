//! Times the ReDoS analysis of every regex literal in a tree, slowest first:
//! a tool for keeping the analysis within its budget on real code.
//! `cargo run --release --example regex_scan -- DIR`
//!
//! With `--jsonl`, writes one JSON line per distinct regex instead, its
//! pattern and flags, for nodeward_regex's `verdicts` example to analyse
//! (scripts/redos-agreement.sh).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args.iter().any(|a| a == "--jsonl");
    let path = PathBuf::from(
        args.iter()
            .find(|a| !a.starts_with("--"))
            .cloned()
            .unwrap_or_else(|| ".".into()),
    );
    let models = nodeward::pipeline::index_tree(&[path], 2).expect("path exists");
    let patterns: BTreeSet<(String, String)> = models
        .iter()
        .flat_map(|m| &m.regexes)
        .map(|r| (r.pattern.to_string(), r.flags.to_string()))
        .collect();
    let budget = nodeward_regex::Budget::default();
    if jsonl {
        // nodeward_regex's `verdicts` example analyses these lines.
        for (p, f) in &patterns {
            println!("{}", serde_json::json!({ "pattern": p, "flags": f }));
        }
        return;
    }
    let t = Instant::now();
    let mut times: Vec<(f64, String, String)> = patterns
        .iter()
        .map(|(p, f)| {
            let t = Instant::now();
            let v = nodeward_regex::analyze(p, f, &budget);
            let kind = match v {
                nodeward_regex::Verdict::Safe => "safe".to_string(),
                nodeward_regex::Verdict::Vulnerable(v) => format!("{:?}", v.complexity),
                nodeward_regex::Verdict::Unknown(r) => format!("unknown: {r}"),
            };
            (
                t.elapsed().as_secs_f64() * 1000.0,
                format!("/{p}/{f}"),
                kind,
            )
        })
        .collect();
    let total = t.elapsed().as_secs_f64();
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("{} distinct regexes analysed in {total:.2} s", times.len());
    for (ms, re, kind) in times.iter().take(15) {
        let re: String = re.chars().take(70).collect();
        println!("{ms:8.1} ms  {kind:<20} {re}");
    }
}
