//! Reads JSON lines with `pattern` and `flags` on stdin and writes one JSON line
//! per regex with the verdict and, for vulnerable ones, the attack string.

use std::io::BufRead;

use nodeward_regex::{analyze, Budget, Complexity, Verdict};

fn main() {
    let budget = Budget::default();
    for line in std::io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let pattern = v["pattern"].as_str().unwrap_or_default();
        let flags = v["flags"].as_str().unwrap_or_default();
        let t = std::time::Instant::now();
        let verdict = analyze(pattern, flags, &budget);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        let mut out = serde_json::json!({
            "id": v["id"], "pattern": pattern, "flags": flags, "label": v["label"], "ms": ms,
        });
        match verdict {
            Verdict::Safe => out["verdict"] = "safe".into(),
            Verdict::Unknown(r) => {
                out["verdict"] = "unknown".into();
                out["reason"] = r.into();
            }
            Verdict::Vulnerable(x) => {
                out["verdict"] = match x.complexity {
                    Complexity::Exponential => "exponential".into(),
                    Complexity::Polynomial(k) => format!("polynomial{k}").into(),
                };
                out["prefix"] = x.witness.prefix.into();
                out["pump"] = x.witness.pump.into();
                out["suffix"] = x.witness.suffix.into();
                out["search"] = x.needs_search_loop.into();
            }
        }
        println!("{out}");
    }
}
