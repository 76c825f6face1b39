//! Precision and recall of `analyze` on the shared ReDoS development set.
//!
//! The set lives outside the repository (`../../../shared/eval/redos-dev.jsonl`
//! from this crate); when it is absent the test prints a note and passes, so the
//! project builds and tests without it. Labels were measured in Node 20 with
//! `replace` for global regexes and `test` otherwise.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nodeward_regex::{analyze, Budget, Complexity, Verdict};
use serde_json::Value;

struct Row {
    id: String,
    pattern: String,
    flags: String,
    label: String,
}

fn load() -> Option<Vec<Row>> {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/redos-dev.jsonl");
    let text = std::fs::read_to_string(&path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("valid JSON line");
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                Row {
                    id: s("id"),
                    pattern: s("pattern"),
                    flags: s("flags"),
                    label: s("label"),
                }
            })
            .collect(),
    )
}

#[test]
fn dev_set_precision_and_recall() {
    let Some(rows) = load() else {
        println!("redos-dev.jsonl not found next to the repository; skipping");
        return;
    };
    // A generous wall clock so that slow (debug) builds reach the same verdicts:
    // the deterministic budgets decide, not the safety net.
    let budget = Budget {
        time_limit: Duration::from_secs(10),
        ..Budget::default()
    };
    let (mut tp, mut fp, mut fn_, mut tn) = (0u32, 0u32, 0u32, 0u32);
    let mut unknown = 0u32;
    // confusion[label][reported]: label in exp/poly/safe, reported in exp/poly/safe/unknown.
    let mut confusion = [[0u32; 4]; 3];
    let mut slowest = (Duration::ZERO, String::new());
    let total = Instant::now();
    for r in &rows {
        let t = Instant::now();
        let v = analyze(&r.pattern, &r.flags, &budget);
        let dt = t.elapsed();
        if dt > slowest.0 {
            slowest = (dt, r.id.clone());
        }
        let reported = match &v {
            Verdict::Vulnerable(x) => match x.complexity {
                Complexity::Exponential => 0,
                Complexity::Polynomial(_) => 1,
            },
            Verdict::Safe => 2,
            Verdict::Unknown(_) => 3,
        };
        let label = match r.label.as_str() {
            "exponential" => 0,
            "polynomial" => 1,
            _ => 2,
        };
        confusion[label][reported] += 1;
        let vulnerable = label < 2;
        let flagged = reported < 2;
        match (vulnerable, flagged) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => tn += 1,
        }
        if reported == 3 {
            unknown += 1;
        }
        let shown = match &v {
            Verdict::Vulnerable(x) => format!(
                "{:?} attack {} steps {:?}",
                x.complexity,
                x.witness.attack_js(20),
                x.steps.last()
            ),
            other => format!("{other:?}"),
        };
        if vulnerable != flagged {
            println!(
                "MISMATCH {:<34} label={:<11} {shown} /{}/{}",
                r.id, r.label, r.pattern, r.flags
            );
        } else {
            println!(
                "ok       {:<34} label={:<11} {shown} ({:.1} ms)",
                r.id,
                r.label,
                dt.as_secs_f64() * 1e3
            );
        }
    }
    let elapsed = total.elapsed();
    let precision = f64::from(tp) / f64::from((tp + fp).max(1));
    let recall = f64::from(tp) / f64::from((tp + fn_).max(1));
    println!(
        "regexes: {}  tp={tp} fp={fp} fn={fn_} tn={tn} unknown={unknown}",
        rows.len()
    );
    println!("precision {precision:.3}  recall {recall:.3}");
    println!("class confusion (rows: label; columns: exponential polynomial safe unknown)");
    for (name, row) in ["exponential", "polynomial", "safe"].iter().zip(confusion) {
        println!(
            "  {name:<11} {:>4} {:>4} {:>4} {:>4}",
            row[0], row[1], row[2], row[3]
        );
    }
    let agree = confusion[0][0] + confusion[1][1] + confusion[2][2];
    println!("class agreement {agree}/{}", rows.len());
    println!(
        "total analysis time {:.1} ms, slowest {} ({:.1} ms)",
        elapsed.as_secs_f64() * 1e3,
        slowest.1,
        slowest.0.as_secs_f64() * 1e3
    );
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95");
    assert!(precision >= 0.97, "precision {precision:.3} below 0.97");
}
