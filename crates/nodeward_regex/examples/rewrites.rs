//! How many vulnerable regexes get a verified rewrite: reads JSON lines
//! with `pattern` and `flags` (the labelled set, or `regex_scan --jsonl`
//! output) on stdin, and prints, per class, how many of the vulnerable ones
//! got one, then each without one and why.
//!
//! usage: cargo run --release -p nodeward_regex --example rewrites < ../shared/eval/redos-dev.jsonl

use std::io::BufRead;
use std::time::Instant;

use nodeward_regex::rewrite::{rewrite, Uses};
use nodeward_regex::{analyze, Budget, Complexity, Verdict};

fn main() {
    let budget = Budget::default();
    let started = Instant::now();
    let (mut exp, mut poly) = ((0, 0), (0, 0));
    let mut without = Vec::new();
    let (mut analysing, mut rewriting) = (0.0f64, 0.0f64);
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let pattern = v["pattern"].as_str().unwrap_or_default();
        let flags = v["flags"].as_str().unwrap_or_default();
        let t = Instant::now();
        let verdict = analyze(pattern, flags, &budget);
        analysing += t.elapsed().as_secs_f64();
        let Verdict::Vulnerable(x) = verdict else {
            continue;
        };
        let class = match x.complexity {
            Complexity::Exponential => &mut exp,
            Complexity::Polynomial(_) => &mut poly,
        };
        class.0 += 1;
        // `NODEWARD_GROUPS_FREE=1`: as for code that reads no group (a
        // `test`); else as the rule assumes without reading the code.
        let mut uses = Uses::unknown(flags);
        if std::env::var_os("NODEWARD_GROUPS_FREE").is_some() {
            uses.groups = false;
        }
        let t = Instant::now();
        let result = rewrite(pattern, flags, &x, uses);
        let took = t.elapsed().as_secs_f64();
        rewriting += took;
        match result {
            Ok(r) => {
                class.1 += 1;
                println!(
                    "/{pattern}/{flags}  →  /{}/{flags}  ({}, {:.1} ms)",
                    r.pattern,
                    r.strategy,
                    took * 1e3
                );
            }
            Err(e) => without.push((
                format!("/{pattern}/{flags} ({:.1} ms)", took * 1e3),
                e.tried,
            )),
        }
    }
    let pct = |(n, k): (usize, usize)| {
        if n == 0 {
            0.0
        } else {
            100.0 * k as f64 / n as f64
        }
    };
    println!(
        "exponential: {}/{} ({:.0} %), polynomial: {}/{} ({:.0} %), in {:.2} s (analysis {:.0} ms, rewrites {:.0} ms)",
        exp.1,
        exp.0,
        pct(exp),
        poly.1,
        poly.0,
        pct(poly),
        started.elapsed().as_secs_f64(),
        analysing * 1e3,
        rewriting * 1e3
    );
    for (re, tried) in without {
        println!("none: {re}");
        for (text, why) in tried {
            println!("    {text}: {why}");
        }
    }
}
