//! The cost estimate (`Vulnerability::millis_at`) against the matcher and
//! against Node: the extrapolated step counts agree with counted ones, and
//! the time per step agrees with the timings the shared ReDoS development
//! set records (`../../../shared/eval/redos-dev.jsonl`, measured in Node 20
//! on a slower setup than the constant's calibration, see src/cost.rs; when
//! the set is absent those checks print a note and pass).

use std::path::PathBuf;

use nodeward_regex::cost::NS_PER_STEP;
use nodeward_regex::{analyze, matcher_steps, Budget, Complexity, Verdict};
use serde_json::Value;

fn vulnerability(pattern: &str, flags: &str) -> nodeward_regex::Vulnerability {
    match analyze(pattern, flags, &Budget::default()) {
        Verdict::Vulnerable(v) => v,
        other => panic!("{pattern}: {other:?}"),
    }
}

#[test]
fn extrapolated_steps_agree_with_counted_ones() {
    for (pattern, flags) in [
        (r"\s+$", ""),
        (r"^\s+|\s+$", "g"),
        (r"a*a*b", ""),
        (r"\d+\.?\d*x", ""),
    ] {
        let v = vulnerability(pattern, flags);
        let Complexity::Polynomial(_) = v.complexity else {
            panic!("{pattern} is polynomial")
        };
        let n = 4 * v.steps.iter().map(|s| s.0).max().unwrap();
        let input = v.witness.build(n);
        let (counted, exhausted) = matcher_steps(pattern, flags, &input, 2_000_000_000).unwrap();
        assert!(!exhausted, "{pattern}");
        let ratio = v.steps_at(n) / counted as f64;
        assert!(
            (0.5..2.0).contains(&ratio),
            "{pattern}: estimated/counted = {ratio}"
        );
    }
}

#[test]
fn the_bound_limits_the_pumps_and_the_time() {
    let v = vulnerability(r"\s+$", "");
    let within = v.pumps_within(16_384);
    let per = v.witness.pump.len();
    assert!(
        within <= 16_384 / per && within > 16_000 / per,
        "{within} of {:?}",
        v.witness
    );
    // Quadratic: four times the bytes, sixteen times the time.
    let (small, large) = (v.millis_at(16_384), v.millis_at(65_536));
    assert!(
        (12.0..20.0).contains(&(large / small)),
        "{small} ms → {large} ms"
    );
    assert_eq!(v.pumps_within(0), 0);
}

#[test]
fn time_per_step_agrees_with_node() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/redos-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "note: {} is absent; the Node timings are not checked",
            path.display()
        );
        return;
    };
    let mut ratios = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).unwrap();
        if v["label"] != "polynomial" {
            continue;
        }
        let s = |k: &str| v["attack"][k].as_str().unwrap_or_default().to_string();
        let (prefix, pump, suffix) = (s("prefix"), s("pump"), s("suffix"));
        if pump.chars().count() != 1 {
            continue;
        }
        let (pattern, flags) = (v["pattern"].as_str().unwrap(), v["flags"].as_str().unwrap());
        // Timings long enough to be read (JIT warm-up dominates below).
        for point in v["evidence"]["series"].as_array().into_iter().flatten() {
            let (n, ms) = (
                point["n"].as_u64().unwrap() as usize,
                point["ms"].as_f64().unwrap(),
            );
            if ms < 10.0 || n < 1000 {
                continue;
            }
            let input = format!("{prefix}{}{suffix}", pump.repeat(n));
            let Some((steps, false)) = matcher_steps(pattern, flags, &input, 100_000_000) else {
                continue;
            };
            ratios.push(ms * 1e6 / steps as f64);
            break;
        }
    }
    assert!(ratios.len() >= 15, "only {} timings", ratios.len());
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    assert!(
        (NS_PER_STEP / 2.0..NS_PER_STEP * 5.0).contains(&median),
        "median {median} ns/step against {NS_PER_STEP}: {ratios:?}"
    );
    for r in &ratios {
        assert!((0.05..10.0).contains(r), "{r} ns/step: {ratios:?}");
    }
}
