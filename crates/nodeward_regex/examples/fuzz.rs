//! A mutation fuzzer for the regex analysis that needs no crate beyond
//! std: patterns from the labelled set (when ../shared is there) and a
//! built-in list, mutated with regex syntax, analysed with random flags.
//! A panic (the analysis turns it into an "internal error" verdict) or an
//! analysis over its wall-clock safety net is printed with the pattern, and
//! written to target/fuzz-regex/.
//!
//! usage: cargo run --release -p nodeward_regex --example fuzz -- SECONDS [SEED]

use std::time::{Duration, Instant};

use nodeward_regex::{analyze, Budget, Verdict};

#[path = "../../nodeward/examples/support/fuzz.rs"]
mod fuzz_support;
use fuzz_support::{seconds_and_seed, Rng};

const BUILT_IN: &[&str] = &[
    r"^(a+)+$",
    r"(\w+\s?)*$",
    r"^(?:a|ab)*c",
    r"(?<n>x)\k<n>+",
    r"[\p{L}--\p{Ll}]+",
    r"^([a-z0-9_\.-]+)@([\da-z\.-]+)\.([a-z\.]{2,6})$",
    r"(?=(a+))\1b",
    r"\s*;\s*",
    r"(?:\r?\n)+$",
    r"^(\d+)?\.?\d+ *(ms|s)?$",
    r"[^]*?x{2,5}",
    r"\b(?!\d)\w+\b",
    r"(?i:a|A)+\u{1F600}",
    r"(a|b|\u0061)*\1",
    r#"^(?:[^\"]|\.)*"#,
];

/// Pieces a mutation inserts: regex syntax and characters that matter to it.
const PIECES: &[&str] = &[
    "(",
    ")",
    "(?:",
    "(?=",
    "(?!",
    "(?<=",
    "(?<!",
    "(?<a>",
    "\\k<a>",
    "[",
    "]",
    "[^",
    "-",
    "*",
    "+",
    "?",
    "*?",
    "+?",
    "{2}",
    "{1,}",
    "{0,3}",
    "{99999}",
    "|",
    "^",
    "$",
    "\\b",
    "\\B",
    "\\d",
    "\\w",
    "\\s",
    "\\D",
    "\\W",
    "\\S",
    ".",
    "\\1",
    "\\2",
    "\\u{10FFFF}",
    "\\uD83D",
    "\\x41",
    "\\cA",
    "\\p{L}",
    "\\P{Lu}",
    "\\p{Script=Greek}",
    "a",
    "b",
    "é",
    "K",
    "\u{212A}",
    "\\",
    "\\/",
    "&&",
    "--",
    "\\q{ab}",
    "\n",
    "\0",
];

const FLAGS: &[&str] = &[
    "", "i", "m", "s", "u", "v", "g", "y", "iu", "iv", "su", "imsu", "gy", "dgimsuy",
];

fn seeds() -> Vec<String> {
    let mut out: Vec<String> = BUILT_IN.iter().map(|s| s.to_string()).collect();
    let dev = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/eval/redos-dev.jsonl"
    );
    if let Ok(text) = std::fs::read_to_string(dev) {
        for line in text.lines() {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(p) = v["pattern"].as_str() {
                    out.push(p.to_string());
                }
            }
        }
    }
    out
}

fn mutate(rng: &mut Rng, seeds: &[String]) -> String {
    let mut chars: Vec<char> = seeds[rng.below(seeds.len())].chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 if !chars.is_empty() => {
                rng.delete(&mut chars, at, 3);
            }
            1 => {
                let other: Vec<char> = seeds[rng.below(seeds.len())].chars().collect();
                let from = rng.below(other.len() + 1);
                let to = (from + rng.below(12)).min(other.len());
                chars.splice(at..at, other[from..to].iter().copied());
            }
            2 if !chars.is_empty() => {
                let i = rng.below(chars.len());
                chars[i] = PIECES[rng.below(PIECES.len())]
                    .chars()
                    .next()
                    .unwrap_or('a');
            }
            _ => {
                let piece = PIECES[rng.below(PIECES.len())];
                chars.splice(at..at, piece.chars());
            }
        }
    }
    chars.into_iter().collect()
}

fn main() {
    let (seconds, seed) = seconds_and_seed();
    // `FUZZ_TRACE=1`: each input written to target/fuzz-regex/current.txt
    // before it runs (after a crash of the process, it names the input).
    let trace = std::env::var_os("FUZZ_TRACE").is_some();
    let mut rng = Rng::new(seed);
    let seeds = seeds();
    // The analysis catches its own panics; keep their messages off the screen.
    std::panic::set_hook(Box::new(|_| {}));
    let out_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/fuzz-regex");
    let started = Instant::now();
    let (mut runs, mut problems, mut slowest) = (0u64, 0u64, (Duration::ZERO, String::new()));
    let mut verdicts = [0u64; 3];
    while started.elapsed() < Duration::from_secs(seconds) {
        let pattern = mutate(&mut rng, &seeds);
        let flags = FLAGS[rng.below(FLAGS.len())];
        if trace {
            let _ = std::fs::create_dir_all(out_dir);
            let _ = std::fs::write(
                format!("{out_dir}/current.txt"),
                format!("{pattern}\n{flags}\n"),
            );
        }
        let t = Instant::now();
        let verdict = analyze(&pattern, flags, &Budget::default());
        let took = t.elapsed();
        runs += 1;
        verdicts[match &verdict {
            Verdict::Safe => 0,
            Verdict::Vulnerable(_) => 1,
            Verdict::Unknown(_) => 2,
        }] += 1;
        if took > slowest.0 {
            slowest = (took, format!("/{pattern}/{flags}"));
        }
        let internal = matches!(&verdict, Verdict::Unknown(m) if m.contains("internal error"));
        let unconfirmed = match &verdict {
            Verdict::Vulnerable(v) => !nodeward_regex::attack_grows(&pattern, flags, v),
            _ => false,
        };
        if internal || unconfirmed || took > Duration::from_secs(10) {
            problems += 1;
            let what = if internal {
                "panic"
            } else if unconfirmed {
                "unconfirmed"
            } else {
                "slow"
            };
            println!("{what}: {:?} flags {flags:?} ({took:?})", pattern);
            let _ = std::fs::create_dir_all(out_dir);
            let _ = std::fs::write(
                format!("{out_dir}/{what}-{runs}.txt"),
                format!("{pattern}\n{flags}\n"),
            );
        }
    }
    println!(
        "{runs} runs in {:?}: {} safe, {} vulnerable, {} unknown; {problems} problems; slowest {:?} on {:?}",
        started.elapsed(),
        verdicts[0],
        verdicts[1],
        verdicts[2],
        slowest.0,
        slowest.1
    );
}
